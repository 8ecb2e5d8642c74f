/* test_visits — the home-visit rules: when a visit is overdue, which deadline comes first,
 * and how "HH:MM" / "YYYY-MM-DD HH:MM" are read around midnight and the DST changes. */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lib.h"
#include "tests.h"

TEST(test_visits__parse_time_rejects_malformed)
{
	testutil_amsterdam();
	static const char *bad[] = {"", "3pm", "15.00", "1500", "25:00", "15:60", "24:00",
				    "2026-11-24", "2026-11-24T15:00", "2026-02-30 15:00",
				    "2026-11-24  15:00", "2026-11-24 15:00 "};
	time_t now = testutil_utc("2026-11-24T13:00:00Z"), t = 42;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(visits_parse_time(bad[i], now, &t) == VISITS_TIME_MALFORMED,
			      "accepted \"%s\"", bad[i]);
	ck_assert_int_eq(visits_parse_time(NULL, now, &t), VISITS_TIME_MALFORMED);
	ck_assert_int_eq(t, 42);
}
END_TEST

TEST(test_visits__parse_time)
{
	testutil_amsterdam();
	time_t now = testutil_utc("2026-11-24T13:00:00Z"), t; /* Tuesday 14:00 local */
	ck_assert_int_eq(visits_parse_time("16:30", now, &t), VISITS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-11-24T15:30:00Z"));
	ck_assert_int_eq(visits_parse_time("14:00", now, &t), VISITS_TIME_PAST);
	ck_assert_int_eq(visits_parse_time("13:59", now, &t), VISITS_TIME_PAST);
	ck_assert_int_eq(visits_parse_time("14:01", now, &t), VISITS_TIME_OK);
	/* Another day needs the date. */
	ck_assert_int_eq(visits_parse_time("2026-11-25 09:00", now, &t), VISITS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-11-25T08:00:00Z"));
	ck_assert_int_eq(visits_parse_time("2026-11-23 16:00", now, &t), VISITS_TIME_PAST);
	/* Day boundary: at 23:50 local, "00:10" is today's, long past. */
	now = testutil_utc("2026-11-24T22:50:00Z");
	ck_assert_int_eq(visits_parse_time("00:10", now, &t), VISITS_TIME_PAST);
	ck_assert_int_eq(visits_parse_time("2026-11-25 00:10", now, &t), VISITS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-11-24T23:10:00Z"));
}
END_TEST

TEST(test_visits__parse_time_dst)
{
	testutil_amsterdam();
	time_t now = testutil_utc("2026-03-28T20:00:00Z"), t;
	/* 02:30 does not exist on the night the clocks go forward. */
	ck_assert_int_eq(visits_parse_time("2026-03-29 02:30", now, &t), VISITS_TIME_NO_SUCH);
	ck_assert_int_eq(visits_parse_time("2026-03-29 03:00", now, &t), VISITS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-03-29T01:00:00Z"));
	ck_assert_int_eq(visits_parse_time("2026-03-29 01:59", now, &t), VISITS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-03-29T00:59:00Z"));
	/* 02:30 happens twice when they go back: the first one, so nobody is noticed late. */
	now = testutil_utc("2026-10-24T20:00:00Z");
	ck_assert_int_eq(visits_parse_time("2026-10-25 02:30", now, &t), VISITS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-10-25T00:30:00Z"));
	ck_assert_int_eq(visits_parse_time("2026-10-25 03:30", now, &t), VISITS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-10-25T02:30:00Z"));
	/* During the second 02:xx hour, the first one is past. */
	now = testutil_utc("2026-10-25T01:10:00Z"); /* 02:10 winter time */
	ck_assert_int_eq(visits_parse_time("02:30", now, &t), VISITS_TIME_PAST);
}
END_TEST

TEST(test_visits__state)
{
	time_t back = 10000, call = 8000;
	ck_assert_int_eq(visits_state(back, 0, 0, 7999), VISIT_OUT);
	ck_assert_int_eq(visits_state(back, call, 0, 7999), VISIT_OUT);
	ck_assert_int_eq(visits_state(back, call, 0, 8000), VISIT_CALL_DUE);
	ck_assert_int_eq(visits_state(back, 0, 0, 8000), VISIT_OUT);
	ck_assert_int_eq(visits_state(back, call, 0, 9999), VISIT_CALL_DUE);
	ck_assert_int_eq(visits_state(back, call, 0, 10000), VISIT_OVERDUE);
	ck_assert_int_eq(visits_state(back, 0, 0, 10000), VISIT_OVERDUE);
	/* Back ends every warning, even long after. */
	ck_assert_int_eq(visits_state(back, call, 12000, 50000), VISIT_BACK);
	ck_assert(!visits_overdue(VISIT_OUT));
	ck_assert(visits_overdue(VISIT_CALL_DUE));
	ck_assert(visits_overdue(VISIT_OVERDUE));
	ck_assert(!visits_overdue(VISIT_BACK));
	ck_assert_int_eq(visits_deadline(back, 0), back);
	ck_assert_int_eq(visits_deadline(back, call), call);
	ck_assert_int_eq(visits_deadline(back, back + 1), back);
}
END_TEST

TEST(test_visits__state_names)
{
	ck_assert_str_eq(visits_state_name(VISIT_OUT), "out");
	ck_assert_str_eq(visits_state_name(VISIT_CALL_DUE), "call");
	ck_assert_str_eq(visits_state_name(VISIT_OVERDUE), "overdue");
	ck_assert_str_eq(visits_state_name(VISIT_BACK), "back");
	ck_assert_str_eq(visits_state_name((enum visit_state)9), "?");
	ck_assert_str_eq(visits_state_label(VISIT_OVERDUE), "overdue");
	ck_assert_str_eq(visits_state_label((enum visit_state)-1), "?");
}
END_TEST

/* Issue 13: the risk of a home visit and when two go together. */
TEST(test_visits__risk_and_companion)
{
	static const char *bad[] = {"", "Normal", "high", "low", " raised"};
	TESTUTIL_PARSE_REJECTS(enum visit_risk, VISIT_RISK_NORMAL, visits_risk_parse, bad);
	enum visit_risk r = VISIT_RISK_NORMAL;
	ck_assert_int_eq(visits_risk_parse("raised", &r), 0);
	ck_assert_int_eq(r, VISIT_RISK_RAISED);
	ck_assert_str_eq(visits_risk_name(VISIT_RISK_NORMAL), "normal");
	ck_assert(!visits_companion_required(VISIT_RISK_NORMAL, false));
	ck_assert(visits_companion_required(VISIT_RISK_RAISED, false));
	ck_assert(visits_companion_required(VISIT_RISK_NORMAL, true));
}
END_TEST

Suite *visits_suite(void)
{
	return testutil_suite("visits", NULL, NULL);
}
