/* test_store_visits — the home-visit board in the store: refusals, leaving, coming back
 * once, the order of the list, and an audit line for every write. */
#include "autoconfig.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "store/lib.h"
#include "store/internal.h"
#include "tests.h"

static struct store *st;
static char path[4096];

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, "2026-11-24T13:00:00Z");
}

static struct visit sample(const char *employee, const char *back, const char *call)
{
	struct visit v;
	memset(&v, 0, sizeof v);
	snprintf(v.employee, sizeof v.employee, "%s", employee);
	snprintf(v.address, sizeof v.address, "Dorpsstraat 1, Ermelo");
	snprintf(v.client, sizeof v.client, "J. Jansen");
	snprintf(v.mobile, sizeof v.mobile, "06-12345678");
	v.expected_back = testutil_utc(back);
	v.call_at = call ? testutil_utc(call) : 0;
	v.risk = VISIT_RISK_NORMAL;
	return v;
}

TEST(test_store_visits__out_refuses_invalid)
{
	int64_t id = 0;
	struct visit v = sample("Anne", "2026-11-24T15:00:00Z", NULL);
	v.mobile[0] = '\0';
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "mobile"));
	v = sample("", "2026-11-24T15:00:00Z", NULL);
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "employee"));
	v = sample("Anne", "2026-11-24T15:00:00Z", NULL);
	v.address[0] = '\0';
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	v = sample("Anne", "2026-11-24T15:00:00Z", NULL);
	v.client[0] = '\0';
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	/* Expected back now or earlier. */
	v = sample("Anne", "2026-11-24T13:00:00Z", NULL);
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "expected_back"));
	/* Call time past, or after the expected return. */
	v = sample("Anne", "2026-11-24T15:00:00Z", "2026-11-24T12:00:00Z");
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	v = sample("Anne", "2026-11-24T15:00:00Z", "2026-11-24T15:01:00Z");
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "call_at"));
	ck_assert_int_eq(id, 0);
	/* Nothing written. */
	struct visit *list;
	size_t n;
	ck_assert_int_eq(store_visit_list(st, true, &list, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	free(list);
	/* The schema refuses what the program would not write either. */
	ck_assert_int_ne(sqlite3_exec(st->db,
		"INSERT INTO home_visit (employee, address, client, mobile, leaves_at,"
		" expected_back, recorded_by) VALUES ('A', 'B', 'C', 'D', '2026-11-24T13:00:00Z',"
		" '2026-11-24T12:00:00Z', 'x')", NULL, NULL, NULL), SQLITE_OK);
}
END_TEST

TEST(test_store_visits__out_and_back)
{
	int64_t id = 0;
	struct visit v = sample("Anne de Vries", "2026-11-24T15:00:00Z", "2026-11-24T14:30:00Z");
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_OK);
	ck_assert_int_eq(id, 1);
	struct visit got;
	ck_assert_int_eq(store_visit_get(st, 1, &got), STORE_OK);
	ck_assert_str_eq(got.employee, "Anne de Vries");
	ck_assert_str_eq(got.mobile, "06-12345678");
	ck_assert_int_eq(got.leaves_at, testutil_utc("2026-11-24T13:00:00Z"));
	ck_assert_int_eq(got.expected_back, testutil_utc("2026-11-24T15:00:00Z"));
	ck_assert_int_eq(got.call_at, testutil_utc("2026-11-24T14:30:00Z"));
	ck_assert_int_eq(got.back_at, 0);
	ck_assert_str_eq(got.recorded_by, "tester");
	ck_assert_int_eq(store_visit_get(st, 2, &got), STORE_NOT_FOUND);

	ck_assert_int_eq(store_visit_back(st, 7, "x"), STORE_NOT_FOUND);
	setenv("BALIE_NOW", "2026-11-24T15:20:00Z", 1);
	ck_assert_int_eq(store_visit_back(st, 1, "All well; client calm"), STORE_OK);
	ck_assert_int_eq(store_visit_back(st, 1, NULL), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "already back"));
	ck_assert_int_eq(store_visit_get(st, 1, &got), STORE_OK);
	ck_assert_int_eq(got.back_at, testutil_utc("2026-11-24T15:20:00Z"));
	ck_assert_str_eq(got.outcome, "All well; client calm");
	ck_assert_str_eq(got.back_by, "tester");

	testutil_audit_line(st, 0, "visit.back", "visit:1");
	testutil_audit_line(st, 1, "visit.out", NULL);
}
END_TEST

TEST(test_store_visits__list_order)
{
	int64_t id;
	struct visit a = sample("A late", "2026-11-24T18:00:00Z", NULL);
	struct visit b = sample("B call first", "2026-11-24T19:00:00Z", "2026-11-24T14:00:00Z");
	struct visit c = sample("C early", "2026-11-24T15:00:00Z", NULL);
	ck_assert_int_eq(store_visit_out(st, &a, &id), STORE_OK);
	ck_assert_int_eq(store_visit_out(st, &b, &id), STORE_OK);
	ck_assert_int_eq(store_visit_out(st, &c, &id), STORE_OK);
	ck_assert_int_eq(store_visit_back(st, 3, ""), STORE_OK);
	struct visit *v;
	size_t n;
	ck_assert_int_eq(store_visit_list(st, false, &v, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0].employee, "B call first"); /* the first deadline first */
	ck_assert_str_eq(v[1].employee, "A late");
	free(v);
	ck_assert_int_eq(store_visit_list(st, true, &v, &n), STORE_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(v[2].employee, "C early"); /* back: after the open ones */
	ck_assert_int_gt(v[2].back_at, 0);
	free(v);
}
END_TEST

/* Issue 13: the risk is assessed; two go together when it is raised or the client is on
 * the ban list. */
TEST(test_store_visits__risk_and_companion)
{
	int64_t id = 0;
	struct visit v = sample("Anne", "2026-11-24T15:00:00Z", NULL);
	v.risk = VISIT_RISK_UNKNOWN;
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "risk"));
	v.risk = VISIT_RISK_RAISED;
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "companion"));
	v.risk = VISIT_RISK_NORMAL;
	v.ban_id = 7;
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_INVALID);
	snprintf(v.companion, sizeof v.companion, "Bas Smit");
	ck_assert_int_eq(store_visit_out(st, &v, &id), STORE_OK);
	struct visit got;
	ck_assert_int_eq(store_visit_get(st, id, &got), STORE_OK);
	ck_assert_int_eq(got.risk, VISIT_RISK_NORMAL);
	ck_assert_str_eq(got.companion, "Bas Smit");
	ck_assert_int_eq(got.ban_id, 7);
}
END_TEST

Suite *store_visits_suite(void)
{
	return testutil_suite("store_visits", setup, testutil_store_teardown);
}
