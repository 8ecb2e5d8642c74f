/* test_wire — the service protocol's frames: what a hostile client may send is refused
 * (sizes, types, duplicates, NUL, invalid UTF-8, invisible characters), records travel
 * whole, and the descriptor tables match their structs. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/lib.h"
#include "store/lib.h"
#include "tests.h"

/* Parse the body of a built frame. */
static int parse(struct wire_out *w, struct wire_in *r, bool strict)
{
	char err[128];
	ck_assert_int_eq(wire_out_end(w), 0);
	return wire_in_parse(r, w->buf + WIRE_HEADER, w->len - WIRE_HEADER, strict, err,
			     sizeof err);
}

/* Append a raw field to a frame (what a hostile client could write). */
static void raw_field(struct wire_out *w, uint16_t tag, uint8_t type, const void *p,
		      uint32_t len)
{
	unsigned char h[7] = {(unsigned char)(tag >> 8), (unsigned char)tag, type,
			      (unsigned char)(len >> 24), (unsigned char)(len >> 16),
			      (unsigned char)(len >> 8), (unsigned char)len};
	for (size_t i = 0; i < sizeof h; i++) {
		w->buf = realloc(w->buf, w->len + 1);
		ck_assert_ptr_nonnull(w->buf);
		w->buf[w->len++] = h[i];
	}
	w->buf = realloc(w->buf, w->len + len + 1);
	ck_assert_ptr_nonnull(w->buf);
	memcpy(w->buf + w->len, p, len);
	w->len += len;
	w->cap = w->len;
}

/* A request whose one field is raw (of that type and those len bytes) is refused. */
static void field_refused(uint8_t type, const void *p, uint32_t len, bool strict)
{
	struct wire_out w = {0};
	struct wire_in r;
	wire_out_begin(&w, WIRE_REQUEST, 1);
	raw_field(&w, 1, type, p, len);
	ck_assert_msg(parse(&w, &r, strict) == -1, "a field of type %u and %u bytes was taken",
		      (unsigned)type, (unsigned)len);
	wire_out_free(&w);
}

TEST(test_wire__refuses_malformed_frames)
{
	struct wire_in r;
	char err[128];
	/* Too short for a header. */
	ck_assert_int_eq(wire_in_parse(&r, (const unsigned char *)"\0\1", 2, true, err,
				       sizeof err), -1);
	/* Another protocol version. */
	const unsigned char v2[] = {0, 2, WIRE_REQUEST, 0, 0, 1};
	ck_assert_int_eq(wire_in_parse(&r, v2, sizeof v2, true, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "version"));
	/* An unknown kind. */
	const unsigned char k9[] = {0, 1, 9, 0, 0, 1};
	ck_assert_int_eq(wire_in_parse(&r, k9, sizeof k9, true, err, sizeof err), -1);
	/* A field longer than the frame. */
	struct wire_out w = {0};
	wire_out_begin(&w, WIRE_REQUEST, 1);
	raw_field(&w, 1, WIRE_TEXT, "abc", 3);
	w.len -= 1;
	ck_assert_int_eq(parse(&w, &r, true), -1);
	/* An integer of 4 bytes, a boolean of value 2, an unknown type. */
	field_refused(WIRE_INT, "\0\0\0\1", 4, true);
	field_refused(WIRE_BOOL, "\2", 1, true);
	field_refused(77, "", 0, true);
	/* A NUL inside text, invalid UTF-8. */
	field_refused(WIRE_TEXT, "a\0b", 3, true);
	field_refused(WIRE_TEXT, "a\xFF", 2, false);
	/* The same tag twice in one record (a second value could slip past a check)... */
	wire_out_begin(&w, WIRE_REQUEST, 1);
	wire_put_int(&w, 2, 1);
	wire_put_int(&w, 2, 2);
	ck_assert_int_eq(parse(&w, &r, true), -1);
	/* ... but once per record is fine. */
	wire_out_begin(&w, WIRE_REQUEST, 1);
	wire_put_int(&w, 2, 1);
	wire_put_rec(&w);
	wire_put_int(&w, 2, 2);
	ck_assert_int_eq(parse(&w, &r, true), 0);
	ck_assert_uint_eq(r.nrecs, 2);
	int64_t v = 0;
	ck_assert_int_eq(wire_get_int(&r, 1, 2, &v), 0);
	ck_assert_int_eq(v, 2);
	wire_in_free(&r);
	wire_out_free(&w);
}
END_TEST

TEST(test_wire__frame_length_bounds)
{
	unsigned char h[4] = {0, 0, 0, 5};
	ck_assert_int_eq(wire_frame_length(h), -1); /* shorter than a body header */
	h[3] = 6;
	ck_assert_int_eq(wire_frame_length(h), 6);
	unsigned char big[4] = {0xff, 0xff, 0xff, 0xff};
	ck_assert_int_eq(wire_frame_length(big), -1);
	unsigned char max[4] = {0x00, 0x80, 0x00, 0x01}; /* WIRE_FRAME_MAX + 1 */
	ck_assert_int_eq(wire_frame_length(max), -1);
}
END_TEST

TEST(test_wire__too_many_fields_in_a_record)
{
	struct wire_out w = {0};
	struct wire_in r;
	wire_out_begin(&w, WIRE_REQUEST, 1);
	for (int i = 0; i <= WIRE_REC_FIELDS_MAX; i++)
		wire_put_int(&w, (uint16_t)(i + 1), i);
	ck_assert_int_eq(parse(&w, &r, true), -1);
	wire_out_free(&w);
}
END_TEST

TEST(test_wire__strict_text_hygiene)
{
	struct wire_out w = {0};
	struct wire_in r;
	wire_out_begin(&w, WIRE_REQUEST, 1);
	wire_put_text(&w, 1, "Jan\xE2\x80\x8Bsen"); /* zero-width space */
	wire_put_text(&w, 2, "line one\nline two");
	wire_put_text(&w, 3, "Geëlen");
	ck_assert_int_eq(parse(&w, &r, true), 0);
	const char *s = NULL;
	ck_assert_int_eq(wire_get_text(&r, 0, 1, 0, &s), -1);
	ck_assert_int_eq(wire_get_text(&r, 0, 2, 0, &s), -1);
	ck_assert_int_eq(wire_get_lines(&r, 0, 2, 0, &s), 0);
	ck_assert_str_eq(s, "line one\nline two");
	ck_assert_int_eq(wire_get_text(&r, 0, 3, 0, &s), 0);
	ck_assert_str_eq(s, "Geëlen");
	ck_assert_int_eq(wire_get_text(&r, 0, 3, 3, &s), -1); /* longer than 3 bytes */
	ck_assert_int_eq(wire_get_text(&r, 0, 9, 0, &s), 1);  /* absent */
	int64_t v;
	ck_assert_int_eq(wire_get_int(&r, 0, 3, &v), -1);     /* wrong type */
	wire_in_free(&r);
	/* Replies carry stored text as it is: the client escapes it at output. */
	ck_assert_int_eq(parse(&w, &r, false), 0);
	ck_assert_int_eq(wire_get_text(&r, 0, 1, 0, &s), 0);
	wire_in_free(&r);
	wire_out_free(&w);
}
END_TEST

/* The struct at p put as the first record of a reply by the n descriptors d, parsed (strictly
 * or not) and read back into out (outsz bytes, zeroed first). */
static void round_trip(const struct wire_desc *d, size_t n, const void *p, bool strict,
		       void *out, size_t outsz)
{
	struct wire_out w = {0};
	struct wire_in r;
	wire_out_begin(&w, WIRE_REPLY, 0);
	wire_put_rec(&w);
	wire_put_struct(&w, d, n, p);
	ck_assert_int_eq(parse(&w, &r, strict), 0);
	memset(out, 0, outsz);
	ck_assert_int_eq(wire_get_struct(&r, 1, d, n, out, NULL), 0);
	wire_in_free(&r);
	wire_out_free(&w);
}

TEST(test_wire__alarm_round_trip)
{
	struct alarm a = {.id = 42, .kind = ALARM_ROBBERY, .raised_at = 1764000000,
			  .acked_at = 1764000060, .outcome = ALARM_OPEN};
	snprintf(a.location, sizeof a.location, "%s", "Balie 2");
	snprintf(a.raised_by, sizeof a.raised_by, "%s", "anna");
	snprintf(a.acked_by, sizeof a.acked_by, "%s", "piet");
	struct alarm b;
	round_trip(records_alarm, records_alarm_n, &a, false, &b, sizeof b);
	ck_assert_int_eq(b.id, 42);
	ck_assert_int_eq(b.kind, ALARM_ROBBERY);
	ck_assert_int_eq((long long)b.raised_at, 1764000000LL);
	ck_assert_str_eq(b.location, "Balie 2");
	ck_assert_str_eq(b.acked_by, "piet");

	/* An enum out of range or text too long for the array is refused. */
	struct wire_out w = {0};
	struct wire_in r;
	wire_out_begin(&w, WIRE_REPLY, 0);
	wire_put_rec(&w);
	wire_put_int(&w, 3, ALARM_KIND_COUNT);
	ck_assert_int_eq(parse(&w, &r, false), 0);
	uint16_t bad = 0;
	ck_assert_int_eq(wire_get_struct(&r, 1, records_alarm, records_alarm_n, &b, &bad), -1);
	ck_assert_uint_eq(bad, 3);
	wire_in_free(&r);
	char longer[ALARM_TEXT_MAX + 1];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	wire_out_begin(&w, WIRE_REPLY, 0);
	wire_put_rec(&w);
	wire_put_text(&w, 2, longer);
	ck_assert_int_eq(parse(&w, &r, false), 0);
	ck_assert_int_eq(wire_get_struct(&r, 1, records_alarm, records_alarm_n, &b, &bad), -1);
	wire_in_free(&r);
	wire_out_free(&w);
}
END_TEST

/* Every descriptor's member kind fits the size of the member it names. */
static void check_table(const struct wire_desc *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t want = 0;
		switch ((enum wire_member)d[i].member) {
		case WM_I64: want = sizeof(int64_t); break;
		case WM_INT: want = sizeof(int); break;
		case WM_BOOL: want = sizeof(bool); break;
		case WM_TIME: want = sizeof(time_t); break;
		case WM_SIZE: want = sizeof(size_t); break;
		case WM_STR:
		case WM_CSTR: want = sizeof(char *); break;
		case WM_ARR: want = d[i].size; break;
		}
		ck_assert_msg(d[i].size == want, "member %zu (tag %u) has the wrong size", i,
			      (unsigned)d[i].tag);
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(d[j].tag != d[i].tag, "tag %u used twice", (unsigned)d[i].tag);
	}
}

TEST(test_wire__record_tables_fit_their_structs)
{
	check_table(records_alarm, records_alarm_n);
	check_table(records_appt, records_appt_n);
	check_table(records_appt_mark, records_appt_mark_n);
	check_table(records_staff_member, records_staff_member_n);
	check_table(records_staff_unreachable, records_staff_unreachable_n);
	check_table(records_visit, records_visit_n);
	/* The mark travels in the appointment's record: no tag of one may be the other's. */
	for (size_t i = 0; i < records_appt_n; i++)
		for (size_t j = 0; j < records_appt_mark_n; j++)
			ck_assert_uint_ne(records_appt[i].tag, records_appt_mark[j].tag);
	check_table(records_audit_line, records_audit_line_n);
	check_table(records_audit_entry, records_audit_entry_n);
	check_table(records_audit_verify, records_audit_verify_n);
	check_table(records_purge_report, records_purge_report_n);
	check_table(records_backup_file, records_backup_file_n);
	check_table(records_ban, records_ban_n);
	check_table(records_ban_new, records_ban_new_n);
	check_table(records_ban_history, records_ban_history_n);
	check_table(records_ban_exception, records_ban_exception_n);
	check_table(records_ban_notice, records_ban_notice_n);
}
END_TEST

/* A ban travels whole, owned strings included; a request's ban_new is read strictly. */
TEST(test_wire__ban_round_trip)
{
	struct ban a = {.id = 7, .person_id = 3, .kind = BAN_BUILDING_PHONE,
			.reason = REASON_PHYSICAL, .police_informed = true, .version = 2,
			.status = BAN_STATUS_ACTIVE, .withheld = true};
	char *texts[] = {"Ayşe", "", "Çelik", "", "", "1975-03-12", "stadhuis", "2026-10-01",
			 "2027-03-31", "A. Hoofd", "2026-10-01", "Sloeg\nmet de vuist", "", "",
			 "", "2026-10-01T08:00:00Z", "anna", "", "eerste regel\ntweede", ""};
	char **f[] = {&a.given_names, &a.prefix, &a.surname, &a.partner_prefix,
		      &a.partner_surname, &a.born, &a.scope, &a.starts, &a.ends, &a.imposed_by,
		      &a.letter_sent, &a.notes, &a.lifted_at, &a.lifted_by, &a.lifted_reason,
		      &a.created_at, &a.created_by, &a.enforcement, &a.justification, &a.reasons};
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		*f[i] = texts[i];
	a.justification = "eerste regel\ntweede";
	struct ban b;
	round_trip(records_ban, records_ban_n, &a, true, &b, sizeof b);
	ck_assert_str_eq(b.surname, "Çelik");
	ck_assert_str_eq(b.lifted_at, "");
	ck_assert_str_eq(b.justification, "eerste regel\ntweede");
	ck_assert_int_eq(b.reason, REASON_PHYSICAL);
	ck_assert(b.withheld && b.police_informed);
	store_ban_clear(&b);

	/* A line break in a name of a request is refused (names are one line). */
	struct wire_out w = {0};
	struct wire_in r;
	wire_out_begin(&w, WIRE_REQUEST, 0);
	wire_put_rec(&w);
	wire_put_text(&w, 3, "Vries\nde");
	ck_assert_int_eq(parse(&w, &r, true), 0);
	struct ban_new n = {0};
	uint16_t bad = 0;
	ck_assert_int_eq(wire_get_struct(&r, 1, records_ban_new, records_ban_new_n, &n, &bad), -1);
	ck_assert_uint_eq(bad, 3);
	wire_in_free(&r);
	wire_out_free(&w);
}
END_TEST

Suite *wire_suite(void)
{
	return testutil_suite("wire", NULL, NULL);
}
