/* test_store_staff — staff in the store: adding, check in/out with one open presence per
 * person, the evening roster and the list by team then name. */
#include "autoconfig.h"

#include <sqlite3.h>
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
	testutil_store_setup(&st, path, sizeof path, "2026-11-25T17:30:00Z");
}

static void add(const char *name, enum staff_team team)
{
	ck_assert_msg(store_staff_add(st, name, team, "06-12345678") == STORE_OK, "%s",
		      store_error(st));
}

static const struct staff_member *find(const struct staff_member *m, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(m[i].name, name) == 0)
			return &m[i];
	ck_abort_msg("%s not listed", name);
	return NULL;
}

TEST(test_store_staff__team_names)
{
	static const char *const bad[] = { "boa", "" };
	static const char *const names[] = { "support", "counter" };
	TESTUTIL_PARSE_REJECTS(enum staff_team, TEAM_COUNTER, store_staff_team_parse, bad);
	TESTUTIL_NAMES_PARSE_BACK(enum staff_team, 2, names, store_staff_team_name,
				  store_staff_team_parse);
}
END_TEST

TEST(test_store_staff__add_refuses_invalid_and_duplicates)
{
	ck_assert_int_eq(store_staff_add(st, "", TEAM_SUPPORT, ""), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "name"));
	ck_assert_int_eq(store_staff_add(st, NULL, TEAM_SUPPORT, ""), STORE_INVALID);
	ck_assert_int_eq(store_staff_add(st, "Piet", (enum staff_team)7, ""), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "team"));
	add("Piet", TEAM_SUPPORT);
	ck_assert_int_eq(store_staff_add(st, "Piet", TEAM_COUNTER, NULL), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "Piet"));
	struct staff_member *m;
	size_t n;
	ck_assert_int_eq(store_staff_list(st, NULL, &m, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(m[0].team, TEAM_SUPPORT);
	ck_assert_str_eq(m[0].phone, "06-12345678");
	free(m);
}
END_TEST

TEST(test_store_staff__in_and_out)
{
	ck_assert_int_eq(store_staff_in(st, "Nobody"), STORE_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(store_error(st), "Nobody"));
	ck_assert_int_eq(store_staff_out(st, "Nobody"), STORE_NOT_FOUND);
	ck_assert_int_eq(store_staff_in(st, NULL), STORE_NOT_FOUND);
	add("Piet", TEAM_SUPPORT);
	ck_assert_int_eq(store_staff_out(st, "Piet"), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "not checked in"));

	ck_assert_int_eq(store_staff_in(st, "Piet"), STORE_OK);
	ck_assert_int_eq(store_staff_in(st, "Piet"), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "already"));
	struct staff_member *m;
	size_t n;
	ck_assert_int_eq(store_staff_list(st, NULL, &m, &n), STORE_OK);
	ck_assert(m[0].present);
	ck_assert_int_eq(m[0].since, 1795627800); /* 2026-11-25T17:30:00Z */
	free(m);

	/* The schema itself refuses a second open presence, whatever the program does. */
	ck_assert_int_eq(sqlite3_exec(st->db,
		"INSERT INTO presence (staff_id, checked_in, recorded_by)"
		" VALUES (1, '2026-11-25T17:31:00Z', 'x')", NULL, NULL, NULL),
			 SQLITE_CONSTRAINT_UNIQUE);

	setenv("BALIE_NOW", "2026-11-25T21:00:00Z", 1);
	ck_assert_int_eq(store_staff_out(st, "Piet"), STORE_OK);
	ck_assert_int_eq(store_staff_out(st, "Piet"), STORE_CONFLICT);
	ck_assert_int_eq(store_staff_list(st, NULL, &m, &n), STORE_OK);
	ck_assert(!m[0].present);
	ck_assert_int_eq(m[0].since, 0);
	free(m);
	ck_assert_int_eq(store_staff_in(st, "Piet"), STORE_OK); /* back the next day */

	testutil_audit_line(st, 0, "staff.in", NULL);
	testutil_audit_line(st, 1, "staff.out", NULL);
	testutil_audit_line(st, 2, "staff.in", NULL);
}
END_TEST

TEST(test_store_staff__roster)
{
	ck_assert_int_eq(store_staff_roster(st, "Piet", "2026-11-25", true), STORE_NOT_FOUND);
	add("Piet", TEAM_SUPPORT);
	ck_assert_int_eq(store_staff_roster(st, "Piet", "25-11-2026", true), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "date"));
	ck_assert_int_eq(store_staff_roster(st, "Piet", NULL, true), STORE_INVALID);

	ck_assert_int_eq(store_staff_roster(st, "Piet", "2026-11-25", true), STORE_OK);
	ck_assert_int_eq(store_staff_roster(st, "Piet", "2026-11-25", true), STORE_OK);
	struct staff_member *m;
	size_t n;
	ck_assert_int_eq(store_staff_list(st, "2026-11-25", &m, &n), STORE_OK);
	ck_assert(m[0].evening);
	free(m);
	ck_assert_int_eq(store_staff_list(st, "2026-11-26", &m, &n), STORE_OK);
	ck_assert(!m[0].evening);
	free(m);
	ck_assert_int_eq(store_staff_list(st, NULL, &m, &n), STORE_OK);
	ck_assert(!m[0].evening);
	free(m);
	ck_assert_int_eq(store_staff_roster(st, "Piet", "2026-11-25", false), STORE_OK);
	ck_assert_int_eq(store_staff_roster(st, "Piet", "2026-11-25", false), STORE_OK);
	ck_assert_int_eq(store_staff_list(st, "2026-11-25", &m, &n), STORE_OK);
	ck_assert(!m[0].evening);
	free(m);
}
END_TEST

TEST(test_store_staff__list_by_team_then_name)
{
	struct staff_member *m;
	size_t n;
	ck_assert_int_eq(store_staff_list(st, "2026-11-25", &m, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	free(m);
	add("Wim", TEAM_COUNTER);
	add("Anna", TEAM_COUNTER);
	add("Kees", TEAM_SUPPORT);
	add("Bram", TEAM_SUPPORT);
	ck_assert_int_eq(store_staff_in(st, "Kees"), STORE_OK);
	ck_assert_int_eq(store_staff_in(st, "Anna"), STORE_OK);
	ck_assert_int_eq(store_staff_roster(st, "Bram", "2026-11-25", true), STORE_OK);

	ck_assert_int_eq(store_staff_list(st, "2026-11-25", &m, &n), STORE_OK);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(m[0].name, "Bram");
	ck_assert_str_eq(m[1].name, "Kees");
	ck_assert_str_eq(m[2].name, "Anna");
	ck_assert_str_eq(m[3].name, "Wim");
	ck_assert_int_eq(m[0].team, TEAM_SUPPORT);
	ck_assert_int_eq(m[3].team, TEAM_COUNTER);
	ck_assert(find(m, n, "Kees")->present);
	ck_assert(find(m, n, "Anna")->present);
	ck_assert(!find(m, n, "Bram")->present);
	ck_assert(find(m, n, "Bram")->evening);
	ck_assert(!find(m, n, "Kees")->evening);
	ck_assert_int_gt(m[0].id, 0);
	free(m);
}
END_TEST


TEST(test_store_staff__unreachable_refuses_invalid)
{
	int64_t id = 0;
	ck_assert_int_eq(store_staff_unreachable(st, "", "2026-11-26", "evening", "n", &id),
			 STORE_INVALID);
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-31", "evening", "n",
						 &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "date"));
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-26", "night", "n", &id),
			 STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "period"));
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-26", NULL, "n", &id),
			 STORE_INVALID);
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-26", "day", "", &id),
			 STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "note"));
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(store_staff_unreachable_withdraw(st, 1), STORE_NOT_FOUND);
}
END_TEST

TEST(test_store_staff__unreachable)
{
	int64_t id = 0, id2 = 0;
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-26", "evening",
						 "Piet ill, Ali on leave; reception told", &id),
			 STORE_OK);
	ck_assert_int_eq(id, 1);
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-26", "evening", "again",
						 &id2), STORE_CONFLICT);
	/* Another building, period or date is another record. */
	ck_assert_int_eq(store_staff_unreachable(st, "milieustraat", "2026-11-26", "evening",
						 "n", &id2), STORE_OK);
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-26", "08:30", "n", &id2),
			 STORE_OK);
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-12-03", "day", "n", &id2),
			 STORE_OK);

	struct staff_unreachable *u;
	size_t n;
	ck_assert_int_eq(store_staff_unreachable_list(st, "stadhuis", "2026-11-26", "2026-12-02",
						      &u, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(u[0].period, "evening");
	ck_assert_str_eq(u[0].note, "Piet ill, Ali on leave; reception told");
	ck_assert_str_eq(u[0].recorded_by, "tester");
	ck_assert_int_eq(u[0].recorded_at, 1795627800); /* 2026-11-25T17:30:00Z */
	ck_assert_str_eq(u[1].period, "08:30");
	free(u);

	/* Withdrawn: kept, no longer in force; may be recorded anew. */
	ck_assert_int_eq(store_staff_unreachable_withdraw(st, 1), STORE_OK);
	ck_assert_int_eq(store_staff_unreachable_withdraw(st, 1), STORE_NOT_FOUND);
	ck_assert_int_eq(store_staff_unreachable_list(st, "stadhuis", "2026-11-26", "2026-11-26",
						      &u, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	free(u);
	ck_assert_int_eq(store_staff_unreachable(st, "stadhuis", "2026-11-26", "evening", "n",
						 &id2), STORE_OK);
	ck_assert_int_eq(testutil_scalar(st, "SELECT count(*) FROM staffing_unreachable"), 5);

	testutil_audit_line(st, 0, "staff.unreachable", NULL);
	testutil_audit_line(st, 1, "staff.unreachable_withdraw", NULL);
}
END_TEST

TEST(test_store_staff__out_at_records_who_and_why)
{
	time_t in, at;
	ck_assert_int_eq(dates_parse_utc("2026-11-25T17:30:00Z", &in), 0);
	add("Piet", TEAM_SUPPORT);
	ck_assert_int_eq(store_staff_out_at(st, "Piet", in, "forgot"), STORE_CONFLICT);
	ck_assert_int_eq(store_staff_out_at(st, "Nobody", in, "forgot"), STORE_CONFLICT);
	ck_assert_int_eq(store_staff_in(st, "Piet"), STORE_OK);
	ck_assert_int_eq(store_staff_out_at(st, "Piet", in, ""), STORE_INVALID);
	ck_assert_int_eq(store_staff_out_at(st, "Piet", in, NULL), STORE_INVALID);
	/* Before the check-in, or in the future: refused. */
	ck_assert_int_eq(store_staff_out_at(st, "Piet", in - 60, "forgot"), STORE_INVALID);
	ck_assert_int_eq(store_staff_out_at(st, "Piet", in + 60, "forgot"), STORE_INVALID);
	/* The next morning, the evening's checkout is recorded as of 20:00 local. */
	setenv("BALIE_NOW", "2026-11-26T08:00:00Z", 1);
	ck_assert_int_eq(dates_parse_utc("2026-11-25T19:00:00Z", &at), 0);
	ck_assert_int_eq(store_staff_out_at(st, "Piet", at, "left at 20:00, forgot to check out"),
			 STORE_OK);
	struct staff_member *m;
	size_t n;
	ck_assert_int_eq(store_staff_list(st, NULL, &m, &n), STORE_OK);
	ck_assert(!m[0].present);
	free(m);
	sqlite3_stmt *q;
	ck_assert_int_eq(sqlite3_prepare_v2(st->db, "SELECT checked_out, checkout_by, checkout_note"
					    " FROM presence", -1, &q, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(q, 0), "2026-11-25T19:00:00Z");
	ck_assert_str_eq((const char *)sqlite3_column_text(q, 1), "tester");
	ck_assert_str_eq((const char *)sqlite3_column_text(q, 2),
			 "left at 20:00, forgot to check out");
	ck_assert_int_eq(sqlite3_finalize(q), SQLITE_OK);
	struct audit_entry *e;
	ck_assert_int_eq(store_audit_list(st, 1, &e, &n), STORE_OK);
	ck_assert_str_eq(e[0].action, "staff.out_at");
	ck_assert_ptr_nonnull(strstr(e[0].detail, "forgot"));
	free(e);
}
END_TEST

Suite *store_staff_suite(void)
{
	return testutil_suite("store_staff", setup, testutil_store_teardown);
}
