/* test_store_bans_life — a ban's life cycle in the store: draft until every answer is given,
 * activate, extend with its append-only history, exceptions, notices per receptionist, the
 * daily sweep of ended bans, and the migration that makes existing bans active. */
#include "autoconfig.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/lib.h"
#include "tests.h"

static struct store *st;
static char path[4096];

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, "2026-06-01T10:00:00Z");
}

static int64_t insert(struct ban_new b)
{
	return testutil_ban_insert(st, b);
}

static size_t count(enum ban_filter f)
{
	size_t n = 99;
	ck_assert_int_eq(store_ban_count(st, f, "2026-06-01", &n), STORE_OK);
	return n;
}


/* The life-cycle status of ban id in s; fails the test when s cannot read it. */
static enum ban_status status_of(struct store *s, int64_t id)
{
	struct ban b;
	ck_assert_msg(store_ban_get(s, id, &b) == STORE_OK, "%s", store_error(s));
	enum ban_status status = b.status;
	store_ban_clear(&b);
	return status;
}

/* The history of ban id in s, oldest first, n rows; fails the test when s refuses. */
static struct ban_history *history(struct store *s, int64_t id, size_t *n)
{
	struct ban_history *h = NULL;
	ck_assert_msg(store_ban_history(s, id, &h, n) == STORE_OK, "%s", store_error(s));
	return h;
}

static size_t unseen(const char *user, struct ban_notice **out)
{
	size_t n = 99;
	ck_assert_msg(store_ban_notice_unseen(st, user, 0, out, &n) == STORE_OK, "%s",
		      store_error(st));
	return n;
}

TEST(test_store_bans_life__draft_until_every_answer_is_given)
{
	struct ban_new b = testutil_ban_jan("Draft", "2026-05-01", "2026-12-31");
	b.letter_sent = "";
	b.notes = " ";
	int64_t id = insert(b);
	ck_assert_int_eq(status_of(st, id), BAN_STATUS_DRAFT);
	/* A draft is on no receptionist's list. */
	ck_assert_uint_eq(count(BAN_FILTER_ACTIVE), 0);
	ck_assert_uint_eq(count(BAN_FILTER_CURRENT), 0);
	ck_assert_uint_eq(count(BAN_FILTER_DRAFT), 1);
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 1);
	struct ban_notice *nt;
	ck_assert_uint_eq(unseen("anna", &nt), 0);
	free(nt);

	/* Activation refuses while answers are missing, naming them. */
	ck_assert_int_eq(store_ban_activate(st, 999, -1), STORE_NOT_FOUND);
	ck_assert_int_eq(store_ban_activate(st, id, -1), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "notes"));
	ck_assert_ptr_nonnull(strstr(store_error(st), "letter_sent"));
	ck_assert_ptr_null(strstr(store_error(st), "imposed_by"));

	/* A complete ban saved with draft set stays a draft until activated. */
	b = testutil_ban_jan("Wanted", "2026-05-01", "2026-12-31");
	b.draft = true;
	int64_t id2 = insert(b);
	ck_assert_uint_eq(count(BAN_FILTER_DRAFT), 2);
	ck_assert_int_eq(store_ban_activate(st, id2, 5), STORE_CONFLICT);
	ck_assert_int_eq(store_ban_activate(st, id2, 1), STORE_OK);
	ck_assert_int_eq(store_ban_activate(st, id2, -1), STORE_CONFLICT);
	ck_assert_uint_eq(count(BAN_FILTER_ACTIVE), 1);
	testutil_audit_line(st, 0, "ban.activate", NULL);
	ck_assert_uint_eq(unseen("anna", &nt), 1);
	ck_assert_int_eq(nt[0].ban_id, id2);
	ck_assert_int_eq(nt[0].event, BAN_NOTICE_ACTIVE);
	ck_assert_str_eq(nt[0].name, "Jan de Wanted");
	free(nt);

	/* Filling in the answers (an update) and activating. */
	struct ban g;
	ck_assert_int_eq(store_ban_get(st, id, &g), STORE_OK);
	testutil_replace(&g.letter_sent, "2026-05-02");
	testutil_replace(&g.notes, "shouted and threatened");
	ck_assert_int_eq(store_ban_update(st, &g), STORE_OK);
	ck_assert_int_eq(store_ban_activate(st, id, g.version + 1), STORE_OK);
	store_ban_clear(&g);
	ck_assert_int_eq(store_ban_get(st, id, &g), STORE_OK);
	ck_assert_int_eq(g.status, BAN_STATUS_ACTIVE);
	/* An active ban cannot lose a mandatory answer. */
	testutil_replace(&g.imposed_by, "");
	ck_assert_int_eq(store_ban_update(st, &g), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "imposed_by"));
	store_ban_clear(&g);
	size_t n;
	struct ban_history *h = history(st, id, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(h[0].action, "insert");
	ck_assert_int_eq(h[0].status, BAN_STATUS_DRAFT);
	ck_assert_str_eq(h[0].letter_sent, "");
	ck_assert_str_eq(h[1].action, "update");
	ck_assert_str_eq(h[1].letter_sent, "2026-05-02");
	ck_assert_str_eq(h[2].action, "activate");
	ck_assert_int_eq(h[2].status, BAN_STATUS_ACTIVE);
	ck_assert_str_eq(h[2].actor, "tester");
	ck_assert_str_eq(h[2].at, "2026-06-01T10:00:00Z");
	store_ban_history_free(h, n);
}
END_TEST

TEST(test_store_bans_life__new_fields_round_trip)
{
	struct ban_new b = testutil_ban_jan("Combi", "2026-05-01", "2026-12-31");
	b.kind = BAN_SERVICE;
	b.reason = REASON_PHYSICAL;
	b.reasons = "threat,physical";
	b.until_conversation = true;
	b.repeat_offence = true;
	b.enforcement = "porter at the door on Thursdays";
	b.justification = "longer: third incident this year";
	int64_t id = insert(b);
	struct ban g;
	ck_assert_int_eq(store_ban_get(st, id, &g), STORE_OK);
	ck_assert_int_eq(g.status, BAN_STATUS_ACTIVE);
	ck_assert_str_eq(g.reasons, "threat,physical");
	ck_assert(g.until_conversation);
	ck_assert(g.repeat_offence);
	ck_assert_str_eq(g.enforcement, "porter at the door on Thursdays");
	ck_assert_str_eq(g.justification, "longer: third incident this year");
	store_ban_clear(&g);
	b.reasons = "threat,wall";
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "wall"));
}
END_TEST

TEST(test_store_bans_life__extend_keeps_history)
{
	int64_t id = insert(testutil_ban_jan("Berg", "2026-01-01", "2026-07-31"));
	ck_assert_int_eq(store_ban_extend(st, 999, "2026-09-30", "again", NULL, -1),
			 STORE_NOT_FOUND);
	ck_assert_int_eq(store_ban_extend(st, id, "2026-09-31", "again", NULL, -1), STORE_INVALID);
	ck_assert_int_eq(store_ban_extend(st, id, "2026-09-30", "", NULL, -1), STORE_INVALID);
	ck_assert_int_eq(store_ban_extend(st, id, "2026-07-31", "again", NULL, -1), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "not later"));
	ck_assert_int_eq(store_ban_extend(st, id, "2026-09-30", "again", NULL, 7), STORE_CONFLICT);
	ck_assert_int_eq(store_ban_extend(st, id, "2026-09-30", "came back twice", NULL, 1),
			 STORE_OK);
	ck_assert_int_eq(store_ban_extend(st, id, "2027-03-31", "again", "third time", -1),
			 STORE_OK);
	struct ban g;
	ck_assert_int_eq(store_ban_get(st, id, &g), STORE_OK);
	ck_assert_str_eq(g.ends, "2027-03-31");
	ck_assert_str_eq(g.justification, "third time");
	ck_assert_int_eq(g.version, 3);
	store_ban_clear(&g);
	size_t n;
	struct ban_history *h = history(st, id, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(h[0].ends, "2026-07-31");
	ck_assert_str_eq(h[1].action, "extend");
	ck_assert_str_eq(h[1].ends, "2026-09-30");
	ck_assert_str_eq(h[1].detail, "2026-07-31 -> 2026-09-30: came back twice");
	ck_assert_str_eq(h[2].ends, "2027-03-31");
	store_ban_history_free(h, n);
	struct ban_notice *nt;
	ck_assert_uint_eq(unseen("anna", &nt), 3);
	ck_assert_int_eq(nt[1].event, BAN_NOTICE_EXTENDED);
	free(nt);
	/* A lifted ban is not extended. */
	ck_assert_int_eq(store_ban_lift(st, id, "apology", -1), STORE_OK);
	ck_assert_int_eq(store_ban_extend(st, id, "2027-06-30", "again", NULL, -1), STORE_CONFLICT);
	h = history(st, id, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(h[3].action, "lift");
	ck_assert_str_eq(h[3].detail, "apology");
	ck_assert_str_ne(h[3].lifted_at, "");
	store_ban_history_free(h, n);
}
END_TEST

TEST(test_store_bans_life__history_is_append_only)
{
	int64_t id = insert(testutil_ban_jan("Berg", "2026-01-01", "2026-07-31"));
	struct ban_history *h = NULL;
	size_t n = 5;
	ck_assert_int_eq(store_ban_history(st, 4242, &h, &n), STORE_NOT_FOUND);
	ck_assert_uint_eq(n, 0);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE ban_history SET ends = '2099-01-01'", NULL, NULL,
				      NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM ban_history", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	h = history(st, id, &n);
	ck_assert_uint_eq(n, 1);
	store_ban_history_free(h, n);
	/* Every import row starts its history. */
	struct ban_new rows[2] = {testutil_ban_jan("A", "2026-01-01", "2026-02-01"),
				  testutil_ban_jan("B", "2026-01-01", "2026-02-01")};
	ck_assert_int_eq(store_ban_import(st, rows, 2), STORE_OK);
	h = history(st, id + 2, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(h[0].action, "import");
	store_ban_history_free(h, n);
}
END_TEST

TEST(test_store_bans_life__earlier_bans_of_the_same_person)
{
	size_t n = 9;
	ck_assert_int_eq(store_ban_earlier(st, "Jan", "", "", "", 0, &n), STORE_INVALID);
	ck_assert_int_eq(store_ban_earlier_for_ban(st, 77, &n), STORE_NOT_FOUND);
	ck_assert_int_eq(store_ban_earlier_for_person(st, 77, &n), STORE_NOT_FOUND);
	ck_assert_int_eq(store_ban_earlier(st, "Jan", "de", "Vries", "1980-02-29", 0, &n),
			 STORE_OK);
	ck_assert_uint_eq(n, 0);
	int64_t first = insert(testutil_ban_jan("Vries", "2025-01-01", "2025-03-31"));
	ck_assert_int_eq(store_ban_lift(st, first, "apology", -1), STORE_OK);
	/* Case, unknown date of birth, initials: the same person. */
	ck_assert_int_eq(store_ban_earlier(st, "J.", "De", "VRIES", "", 0, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	/* Another date of birth, another initial, another prefix: someone else. */
	ck_assert_int_eq(store_ban_earlier(st, "Jan", "de", "Vries", "1990-01-01", 0, &n),
			 STORE_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_ban_earlier(st, "Piet", "de", "Vries", "", 0, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_ban_earlier(st, "Jan", "", "Vries", "", 0, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	/* Drafts do not count; the ban itself is left out. */
	struct ban_new d = testutil_ban_jan("Vries", "2026-01-01", "2026-03-31");
	d.draft = true;
	int64_t draft = insert(d);
	int64_t second = insert(testutil_ban_jan("Vries", "2026-04-01", "2026-06-30"));
	ck_assert_int_eq(store_ban_earlier_for_ban(st, second, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(store_ban_earlier_for_ban(st, draft, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	struct ban g;
	ck_assert_int_eq(store_ban_get(st, second, &g), STORE_OK);
	ck_assert_int_eq(store_ban_earlier_for_person(st, g.person_id, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	store_ban_clear(&g);
}
END_TEST

TEST(test_store_bans_life__exceptions)
{
	int64_t id = insert(testutil_ban_jan("Berg", "2026-01-01", "2026-12-31"));
	int64_t eid = 0;
	ck_assert_int_eq(store_ban_exception_add(st, 999, BAN_EXCEPTION_APPOINTMENT, "2026-06-01",
						 "2026-06-01", "14:00", &eid), STORE_NOT_FOUND);
	ck_assert_int_eq(store_ban_exception_add(st, id, BAN_EXCEPTION_KIND_COUNT, "2026-06-01",
						 "2026-06-01", "14:00", &eid), STORE_INVALID);
	ck_assert_int_eq(store_ban_exception_add(st, id, BAN_EXCEPTION_APPOINTMENT, "2026-06-31",
						 "2026-06-31", "14:00", &eid), STORE_INVALID);
	ck_assert_int_eq(store_ban_exception_add(st, id, BAN_EXCEPTION_APPOINTMENT, "2026-06-02",
						 "2026-06-01", "14:00", &eid), STORE_INVALID);
	ck_assert_int_eq(store_ban_exception_add(st, id, BAN_EXCEPTION_APPOINTMENT, "2026-06-01",
						 "2026-06-01", "", &eid), STORE_INVALID);
	struct ban_exception e;
	ck_assert_int_eq(store_ban_exception_on(st, id, "2026-06-01", &e), STORE_NOT_FOUND);
	ck_assert_int_eq(store_ban_exception_add(st, id, BAN_EXCEPTION_REPRESENTATIVE,
						 "2026-05-01", "2026-08-31",
						 "P. Gemachtigde, signed 2026-04-30", &eid), STORE_OK);
	ck_assert_int_eq(store_ban_exception_on(st, id, "2026-06-01", &e), STORE_OK);
	ck_assert_int_eq(e.kind, BAN_EXCEPTION_REPRESENTATIVE);
	ck_assert_int_eq(store_ban_exception_add(st, id, BAN_EXCEPTION_APPOINTMENT, "2026-06-01",
						 "2026-06-01", "14:00 Burgerzaken, J. Jansen", &eid),
			 STORE_OK);
	/* On the day of the appointment the appointment is what reception needs to see. */
	ck_assert_int_eq(store_ban_exception_on(st, id, "2026-06-01", &e), STORE_OK);
	ck_assert_int_eq(e.kind, BAN_EXCEPTION_APPOINTMENT);
	ck_assert_int_eq(e.id, eid);
	ck_assert_str_eq(e.detail, "14:00 Burgerzaken, J. Jansen");
	ck_assert_str_eq(e.created_by, "tester");
	ck_assert_int_eq(store_ban_exception_on(st, id, "2026-06-02", &e), STORE_OK);
	ck_assert_int_eq(e.kind, BAN_EXCEPTION_REPRESENTATIVE);
	ck_assert_int_eq(store_ban_exception_on(st, id, "2026-09-01", &e), STORE_NOT_FOUND);
	struct ban_exception *l = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_ban_exception_list(st, id, &l, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(l[0].starts, "2026-05-01");
	free(l);
	ck_assert_int_eq(store_ban_exception_list(st, id + 1, &l, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	free(l);
	testutil_audit_line(st, 0, "ban.exception", NULL);
	struct ban_history *h = history(st, id, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(h[2].action, "exception");
	store_ban_history_free(h, n);
	enum ban_exception_kind k;
	ck_assert_int_eq(store_ban_exception_kind_parse("gemachtigde", &k), -1);
	ck_assert_int_eq(store_ban_exception_kind_parse("appointment", &k), 0);
	ck_assert_str_eq(store_ban_exception_kind_name(k), "appointment");
}
END_TEST

TEST(test_store_bans_life__notices_seen_per_receptionist)
{
	ck_assert_int_eq(store_ban_notice_seen(st, 1, "anna"), STORE_NOT_FOUND);
	ck_assert_int_eq(store_ban_notice_seen(st, 1, ""), STORE_INVALID);
	int64_t id = insert(testutil_ban_jan("Berg", "2026-01-01", "2026-12-31"));
	struct ban_notice *nt;
	ck_assert_uint_eq(unseen("anna", &nt), 1);
	int64_t nid = nt[0].id;
	free(nt);
	ck_assert_int_eq(store_ban_notice_seen(st, nid, "anna"), STORE_OK);
	ck_assert_int_eq(store_ban_notice_seen(st, nid, "anna"), STORE_OK);
	ck_assert_uint_eq(unseen("anna", &nt), 0);
	free(nt);
	ck_assert_uint_eq(unseen("bram", &nt), 1);
	free(nt);
	/* "" asks for the notices nobody has seen yet. */
	ck_assert_uint_eq(unseen("", &nt), 0);
	free(nt);
	ck_assert_int_eq(store_ban_lift(st, id, "apology", -1), STORE_OK);
	ck_assert_uint_eq(unseen("anna", &nt), 1);
	ck_assert_int_eq(nt[0].event, BAN_NOTICE_LIFTED);
	free(nt);
	/* Notices before since are left out. */
	size_t n;
	ck_assert_int_eq(store_ban_notice_unseen(st, "bram", (time_t)1893456000, &nt, &n),
			 STORE_OK); /* 2030 */
	ck_assert_uint_eq(n, 0);
	free(nt);
	ck_assert_str_eq(store_ban_notice_event_name(BAN_NOTICE_ENDED), "ended");
}
END_TEST

TEST(test_store_bans_life__sweep_adds_ended_once)
{
	size_t added = 9;
	ck_assert_int_eq(store_ban_notice_sweep(st, "2026-02-30", &added), STORE_INVALID);
	/* Imports make no notices; the sweep tells about bans that ended this past week. */
	struct ban_new rows[4] = {
		testutil_ban_jan("Yesterday", "2026-01-01", "2026-05-31"),
		testutil_ban_jan("Week", "2026-01-01", "2026-05-25"),
		testutil_ban_jan("Long", "2026-01-01", "2026-05-01"),
		testutil_ban_jan("Today", "2026-01-01", "2026-06-01"),
	};
	ck_assert_int_eq(store_ban_import(st, rows, 4), STORE_OK);
	struct ban_notice *nt;
	ck_assert_uint_eq(unseen("anna", &nt), 0);
	free(nt);
	/* The last day is part of the ban: it leaves the list the day after. */
	ck_assert_uint_eq(count(BAN_FILTER_ACTIVE), 1);
	ck_assert_int_eq(store_ban_notice_sweep(st, "2026-06-01", &added), STORE_OK);
	ck_assert_uint_eq(added, 2);
	ck_assert_int_eq(store_ban_notice_sweep(st, "2026-06-01", &added), STORE_OK);
	ck_assert_uint_eq(added, 0);
	ck_assert_uint_eq(unseen("anna", &nt), 2);
	ck_assert_int_eq(nt[0].event, BAN_NOTICE_ENDED);
	free(nt);
	ck_assert_int_eq(store_ban_notice_sweep(st, "2026-06-02", &added), STORE_OK);
	ck_assert_uint_eq(added, 1);
}
END_TEST

TEST(test_store_bans_life__migration_makes_existing_bans_active)
{
	/* A database at version 2 with one ban, opened by this program. */
	char dir[1024], old[1200], err[512];
	testutil_tmpdir(dir, sizeof dir);
	snprintf(old, sizeof old, "%s/old.db", dir);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(old, &db), SQLITE_OK);
	for (int i = 1; i <= 2; i++)
		ck_assert_int_eq(sqlite3_exec(db, store_migration_sql(i), NULL, NULL, NULL),
				 SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
		"PRAGMA user_version = 2;"
		"INSERT INTO person (id, surname, created_at) VALUES (1, 'Oud', '2025-01-01T00:00:00Z');"
		"INSERT INTO ban (id, person_id, kind, reason, starts, ends, created_at, created_by)"
		" VALUES (1, 1, 'building', 'threat', '2026-01-01', '2026-12-31',"
		" '2025-01-01T00:00:00Z', 'hr');"
		"INSERT INTO ban_scope VALUES (1, 'stadhuis');", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	ck_assert_int_eq(chmod(old, 0660), 0);
	struct store *s2 = store_open(old, 0, err, sizeof err);
	ck_assert_msg(s2 != NULL, "%s", err);
	ck_assert_int_ge(store_schema_version(s2), 3);
	ck_assert_int_eq(status_of(s2, 1), BAN_STATUS_ACTIVE);
	size_t n;
	struct ban_history *h = history(s2, 1, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(h[0].actor, "hr");
	ck_assert_str_eq(h[0].scope, "stadhuis");
	store_ban_history_free(h, n);
	store_close(s2);
	testutil_rmdir(dir);
}
END_TEST

Suite *store_bans_life_suite(void)
{
	return testutil_suite("store_bans_life", setup, testutil_store_teardown);
}
