/* test_store_changes — the per-domain change counters: every write bumps its own domain in
 * its own transaction, reads bump nothing, and opening an up-to-date database writes nothing. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store/lib.h"
#include "tests.h"

static struct store *st;
static char path[4096];

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, "2026-06-01T10:00:00Z");
}

/* The domains whose counter moved since *before (which is then brought up to date). */
static unsigned moved(uint64_t before[STORE_CHANGE_COUNT])
{
	uint64_t now[STORE_CHANGE_COUNT];
	ck_assert_int_eq(store_change_counters(st, now, STORE_CHANGE_COUNT), STORE_OK);
	for (int d = 0; d < STORE_CHANGE_COUNT; d++)
		ck_assert_msg(now[d] >= before[d], "%s went back", store_change_name(d));
	unsigned m = store_change_mask(before, now, STORE_CHANGE_COUNT);
	memcpy(before, now, sizeof now);
	return m;
}

#define BIT(d) (1u << STORE_CHANGE_##d)

TEST(test_store_changes__names_and_bad_domains)
{
	ck_assert_str_eq(store_change_name(STORE_CHANGE_BANS), "bans");
	ck_assert_str_eq(store_change_name(STORE_CHANGE_COUNT), "?");
	ck_assert_str_eq(store_change_name((enum store_change)-1), "?");
	ck_assert_int_eq(store_changes_bump(st, STORE_CHANGE_COUNT, 1), STORE_INVALID);
	uint64_t a[STORE_CHANGE_COUNT] = { 0 }, b[STORE_CHANGE_COUNT] = { 0 };
	b[STORE_CHANGE_VISITS] = 3;
	ck_assert_uint_eq(store_change_mask(a, b, STORE_CHANGE_COUNT), BIT(VISITS));
	ck_assert_uint_eq(store_change_mask(a, b, 0), 0);
	/* more than there are: only the known ones are read */
	uint64_t big[STORE_CHANGE_COUNT + 3];
	ck_assert_int_eq(store_change_counters(st, big, STORE_CHANGE_COUNT + 3), STORE_OK);
}
END_TEST

TEST(test_store_changes__each_write_bumps_its_domain)
{
	uint64_t c[STORE_CHANGE_COUNT];
	ck_assert_int_eq(store_change_counters(st, c, STORE_CHANGE_COUNT), STORE_OK);

	ck_assert_int_eq(store_alarm_raise(st, "counter 1", ALARM_PANIC, NULL), STORE_OK);
	ck_assert_uint_eq(moved(c), BIT(ALARMS) | BIT(AUDIT));

	int64_t id = testutil_ban_insert(
		st, testutil_ban("Jan", "de", "Vries", "1980-01-02", "2026-01-01", "2026-12-31"));
	ck_assert_uint_eq(moved(c), BIT(BANS) | BIT(NOTICES) | BIT(AUDIT));
	ck_assert_int_eq(store_ban_exception_add(st, id, BAN_EXCEPTION_APPOINTMENT, "2026-06-02",
						 "2026-06-02", "14:00 room 006", NULL),
			 STORE_OK);
	ck_assert_uint_eq(moved(c), BIT(BANS) | BIT(AUDIT));

	struct appt a;
	memset(&a, 0, sizeof a);
	a.starts = clock_now();
	a.ends = a.starts + 3600;
	snprintf(a.host, sizeof a.host, "P. Host");
	snprintf(a.visitor, sizeof a.visitor, "K. Klant");
	ck_assert_int_eq(store_appt_add(st, &a, NULL), STORE_OK);
	ck_assert_uint_eq(moved(c), BIT(APPOINTMENTS) | BIT(AUDIT));

	ck_assert_int_eq(store_staff_add(st, "Bode Een", TEAM_SUPPORT, ""), STORE_OK);
	ck_assert_uint_eq(moved(c) & ~BIT(AUDIT), BIT(STAFF));
	ck_assert_int_eq(store_staff_in(st, "Bode Een"), STORE_OK);
	ck_assert_uint_eq(moved(c) & ~BIT(AUDIT), BIT(STAFF));

	struct visit v;
	memset(&v, 0, sizeof v);
	snprintf(v.employee, sizeof v.employee, "M. Medewerker");
	snprintf(v.address, sizeof v.address, "Dorpsstraat 1");
	snprintf(v.client, sizeof v.client, "J. Jansen");
	snprintf(v.mobile, sizeof v.mobile, "06-12345678");
	v.expected_back = clock_now() + 7200;
	v.risk = VISIT_RISK_NORMAL;
	ck_assert_int_eq(store_visit_out(st, &v, NULL), STORE_OK);
	ck_assert_uint_eq(moved(c), BIT(VISITS) | BIT(AUDIT));

	/* issue 13: an incident, a tally mark and a follow-up step are the incidents' domain */
	struct incident in;
	memset(&in, 0, sizeof in);
	in.at = clock_now() - 600;
	snprintf(in.place, sizeof in.place, "Balie 1");
	snprintf(in.employee, sizeof in.employee, "M. Medewerker");
	int64_t incident = 0;
	ck_assert_int_eq(store_incident_add(st, &in, &incident), STORE_OK);
	ck_assert_uint_eq(moved(c), BIT(INCIDENTS) | BIT(AUDIT));
	ck_assert_int_eq(store_incident_tally(st, in.at, INCIDENT_VERBAL, CHANNEL_PHONE, "", NULL),
			 STORE_OK);
	ck_assert_uint_eq(moved(c), BIT(INCIDENTS) | BIT(AUDIT));

	/* reading writes nothing */
	struct ban_hit h[4];
	size_t n = 0;
	ck_assert_int_eq(store_ban_check(st, "Jan de Vries", "", "2026-06-01", h, 4, &n), STORE_OK);
	store_ban_hits_clear(h, n);
	size_t count = 0;
	ck_assert_int_eq(store_ban_count(st, BAN_FILTER_ACTIVE, "2026-06-01", &count), STORE_OK);
	ck_assert_uint_eq(moved(c), 0);
}
END_TEST

TEST(test_store_changes__opening_writes_nothing)
{
	uint64_t c[STORE_CHANGE_COUNT];
	ck_assert_int_eq(store_change_counters(st, c, STORE_CHANGE_COUNT), STORE_OK);
	ck_assert(!store_changed(st)); /* the first call takes the baseline */
	char err[512];
	for (int i = 0; i < 3; i++) {
		struct store *other = store_open(path, 0, err, sizeof err);
		ck_assert_msg(other != NULL, "%s", err);
		store_close(other);
	}
	ck_assert_msg(!store_changed(st), "opening an up-to-date database wrote to it");
	ck_assert_uint_eq(moved(c), 0);
}
END_TEST

TEST(test_store_changes__writes_by_others_are_counted_too)
{
	uint64_t c[STORE_CHANGE_COUNT];
	ck_assert_int_eq(store_change_counters(st, c, STORE_CHANGE_COUNT), STORE_OK);
	/* any writer, even one that is not balie: the triggers live in the database */
	testutil_sql(path, "INSERT INTO alarm (location, kind, raised_at, raised_by)"
			   " VALUES ('hall', 'test', '2026-06-01T10:00:00Z', 'x');"
			   "UPDATE alarm SET outcome = 'test';");
	uint64_t before = c[STORE_CHANGE_ALARMS];
	ck_assert_uint_eq(moved(c), BIT(ALARMS));
	ck_assert_uint_eq(c[STORE_CHANGE_ALARMS], before + 2);
}
END_TEST

Suite *store_changes_suite(void)
{
	return testutil_suite("store_changes", setup, testutil_store_teardown);
}
