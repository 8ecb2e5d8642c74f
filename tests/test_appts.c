/* test_appts — the appointment rules: times, precautions, and the public-hours rule for
 * risky appointments (a manager's reason, given now or recorded before). */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lib.h"
#include "tests.h"

TEST(test_appts__times_invalid_input)
{
	time_t t = testutil_utc("2026-11-24T13:00:00Z");
	ck_assert_int_eq(appts_times_check(0, t), APPTS_TIMES_MISSING);
	ck_assert_int_eq(appts_times_check(-5, t), APPTS_TIMES_MISSING);
	ck_assert_int_eq(appts_times_check(t, t), APPTS_TIMES_ORDER);
	ck_assert_int_eq(appts_times_check(t, t - 60), APPTS_TIMES_ORDER);
	ck_assert_int_eq(appts_times_check(t, t + APPTS_MAX_SECONDS + 1), APPTS_TIMES_TOO_LONG);
	ck_assert_str_ne(appts_times_message(APPTS_TIMES_TOO_LONG), "");
	ck_assert_str_eq(appts_times_message(APPTS_TIMES_OK), "");
}
END_TEST

TEST(test_appts__times)
{
	time_t t = testutil_utc("2026-11-24T13:00:00Z");
	ck_assert_int_eq(appts_times_check(t, t + 60), APPTS_TIMES_OK);
	ck_assert_int_eq(appts_times_check(t, t + APPTS_MAX_SECONDS), APPTS_TIMES_OK);
}
END_TEST

TEST(test_appts__precautions)
{
	ck_assert_int_eq(appts_precautions_check(true, PREC_ALL + 1), APPTS_PRECAUTIONS_UNKNOWN);
	ck_assert_int_eq(appts_precautions_check(false, 1u << 31), APPTS_PRECAUTIONS_UNKNOWN);
	ck_assert_int_eq(appts_precautions_check(false, PREC_POLICE),
			 APPTS_PRECAUTIONS_NOT_RISKY);
	ck_assert_int_eq(appts_precautions_check(false, 0), APPTS_PRECAUTIONS_OK);
	ck_assert_int_eq(appts_precautions_check(true, 0), APPTS_PRECAUTIONS_OK);
	ck_assert_int_eq(appts_precautions_check(true, PREC_ALL), APPTS_PRECAUTIONS_OK);
}
END_TEST

TEST(test_appts__hours_verdict)
{
	testutil_amsterdam();
	/* Tuesday 08:30-17:00 only. */
	struct policy_week w;
	memset(&w, 0, sizeof w);
	w.day[1][0] = (struct policy_period){510, 1020, false};
	w.count[1] = 1;
	/* The appointment's time: within 14:00-15:00 local, late 18:30-19:00, or 14:00-19:00. */
	enum { WITHIN, LATE, PAST_CLOSING };
	static const char *const span[][2] = {
		[WITHIN] = {"2026-11-24T13:00:00Z", "2026-11-24T14:00:00Z"},
		[LATE] = {"2026-11-24T17:30:00Z", "2026-11-24T18:00:00Z"},
		[PAST_CLOSING] = {"2026-11-24T13:00:00Z", "2026-11-24T18:00:00Z"},
	};
	static const struct {
		const char *why;
		bool building, risky, reason;
		int when;
		enum appts_hours want;
	} cases[] = {
		/* No building known: never within; the rule still holds. */
		{"no building", false, true, false, WITHIN, APPTS_HOURS_REFUSED},
		{"not risky, a reason given", true, false, true, WITHIN, APPTS_HOURS_NOT_RISKY},
		{"not risky, late", true, false, false, LATE, APPTS_HOURS_NOT_RISKY},
		{"risky, within", true, true, false, WITHIN, APPTS_HOURS_WITHIN},
		{"risky, within, a reason given", true, true, true, WITHIN, APPTS_HOURS_WITHIN},
		{"risky, late", true, true, false, LATE, APPTS_HOURS_REFUSED},
		{"risky, late, a reason given", true, true, true, LATE, APPTS_HOURS_OVERRIDDEN},
		/* Starting within, running past closing: outside. */
		{"risky, past closing", true, true, false, PAST_CLOSING, APPTS_HOURS_REFUSED},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *const *t = span[cases[i].when];
		enum appts_hours got = appts_hours_verdict(cases[i].building ? &w : NULL, NULL,
							   testutil_utc(t[0]), testutil_utc(t[1]),
							   cases[i].risky, cases[i].reason);
		ck_assert_msg(got == cases[i].want, "%s: %d, not %d", cases[i].why, got,
			      cases[i].want);
	}
}
END_TEST

Suite *appts_suite(void)
{
	return testutil_suite("appts", NULL, NULL);
}
