/* test_policy — names and labels of kinds, reasons and precautions, ban activity on a date,
 * opening-hour periods and the support-team minimum. */
#include "autoconfig.h"

#include <string.h>

#include "core/policy.h"
#include "tests.h"

START_TEST(test_policy__kind_parse_rejects_unknown)
{
	enum ban_kind k = BAN_WARNING;
	static const char *bad[] = {"", "Building", "building ", "buildingphone", "phone+building",
				    "pandverbod", "ban"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(policy_kind_parse(bad[i], &k) == -1, "accepted %s", bad[i]);
	ck_assert_int_eq(policy_kind_parse(NULL, &k), -1);
	ck_assert_int_eq(k, BAN_WARNING);
}
END_TEST

START_TEST(test_policy__kind_names_round_trip)
{
	static const char *names[BAN_KIND_COUNT] = {"building", "phone", "building+phone",
						    "service", "warning"};
	for (int i = 0; i < BAN_KIND_COUNT; i++) {
		enum ban_kind k;
		ck_assert_str_eq(policy_kind_name((enum ban_kind)i), names[i]);
		ck_assert_int_eq(policy_kind_parse(names[i], &k), 0);
		ck_assert_int_eq(k, i);
		ck_assert_int_gt(strlen(policy_kind_label((enum ban_kind)i)), 0);
	}
	ck_assert_str_eq(policy_kind_label(BAN_BUILDING), "building ban");
	ck_assert_str_eq(policy_kind_name(BAN_KIND_COUNT), "?");
	ck_assert_str_eq(policy_kind_label((enum ban_kind)-1), "?");
}
END_TEST

START_TEST(test_policy__reason_parse_rejects_unknown)
{
	enum ban_reason r = REASON_OTHER;
	ck_assert_int_eq(policy_reason_parse("", &r), -1);
	ck_assert_int_eq(policy_reason_parse("Verbal", &r), -1);
	ck_assert_int_eq(policy_reason_parse("violence", &r), -1);
	ck_assert_int_eq(policy_reason_parse(NULL, &r), -1);
	ck_assert_int_eq(r, REASON_OTHER);
}
END_TEST

START_TEST(test_policy__reason_names_round_trip)
{
	static const char *names[REASON_COUNT] = {"verbal", "threat", "obstruction", "attempt",
						  "physical", "property", "other"};
	for (int i = 0; i < REASON_COUNT; i++) {
		enum ban_reason r;
		ck_assert_str_eq(policy_reason_name((enum ban_reason)i), names[i]);
		ck_assert_int_eq(policy_reason_parse(names[i], &r), 0);
		ck_assert_int_eq(r, i);
		ck_assert_int_gt(strlen(policy_reason_label((enum ban_reason)i)), 0);
	}
	ck_assert_str_eq(policy_reason_label(REASON_PHYSICAL), "physical violence");
	ck_assert_str_eq(policy_reason_name(REASON_COUNT), "?");
	ck_assert_str_eq(policy_reason_label(REASON_COUNT), "?");
}
END_TEST

START_TEST(test_policy__ban_active_invalid_input)
{
	/* No valid "today": nothing can be said active. */
	ck_assert(!policy_ban_active("2026-01-01", "2026-12-31", false, NULL));
	ck_assert(!policy_ban_active("2026-01-01", "2026-12-31", false, "2026-13-01"));
	ck_assert(!policy_ban_active("2026-01-01", "2026-12-31", false, "today"));
	/* A damaged bound does not hide the ban. */
	ck_assert(policy_ban_active("garbage", "2026-12-31", false, "2026-06-01"));
	ck_assert(policy_ban_active("2026-01-01", "2026-02-30", false, "2026-06-01"));
}
END_TEST

START_TEST(test_policy__ban_active_bounds)
{
	ck_assert(!policy_ban_active("2026-01-01", "2026-03-31", false, "2025-12-31"));
	ck_assert(policy_ban_active("2026-01-01", "2026-03-31", false, "2026-01-01"));
	ck_assert(policy_ban_active("2026-01-01", "2026-03-31", false, "2026-02-15"));
	ck_assert(policy_ban_active("2026-01-01", "2026-03-31", false, "2026-03-31"));
	ck_assert(!policy_ban_active("2026-01-01", "2026-03-31", false, "2026-04-01"));
	ck_assert(!policy_ban_active("2026-01-01", "2026-03-31", true, "2026-02-15"));
	/* Open ends. */
	ck_assert(policy_ban_active(NULL, "2026-03-31", false, "2020-01-01"));
	ck_assert(policy_ban_active("2026-01-01", NULL, false, "2099-01-01"));
	ck_assert(policy_ban_active("2026-01-01", "", false, "2099-01-01"));
}
END_TEST

START_TEST(test_policy__precautions_parse_rejects_unknown)
{
	unsigned bits = 99;
	const char *bad = NULL;
	ck_assert_int_eq(policy_precautions_parse("safe_room,bodyguard", &bits, &bad), -1);
	ck_assert_str_eq(bad, "bodyguard");
	ck_assert_uint_eq(bits, 99);
	ck_assert_int_eq(policy_precautions_parse("Police", &bits, &bad), -1);
	ck_assert_str_eq(bad, "Police");
	ck_assert_int_eq(policy_precautions_parse("porter,,police", &bits, &bad), -1);
	ck_assert_str_eq(bad, "");
	ck_assert_int_eq(policy_precautions_parse("porter,", &bits, &bad), -1);
	ck_assert_str_eq(bad, "");
	ck_assert_int_eq(policy_precautions_parse(",porter", &bits, &bad), -1);
	ck_assert_int_eq(policy_precautions_parse("safe room", &bits, NULL), -1);
}
END_TEST

START_TEST(test_policy__precautions_parse)
{
	unsigned bits = 99;
	const char *bad = NULL;
	ck_assert_int_eq(policy_precautions_parse("", &bits, &bad), 0);
	ck_assert_uint_eq(bits, 0);
	ck_assert_int_eq(policy_precautions_parse(NULL, &bits, &bad), 0);
	ck_assert_uint_eq(bits, 0);
	ck_assert_int_eq(policy_precautions_parse("safe_room", &bits, &bad), 0);
	ck_assert_uint_eq(bits, PREC_SAFE_ROOM);
	ck_assert_int_eq(policy_precautions_parse(" porter , police,porter", &bits, &bad), 0);
	ck_assert_uint_eq(bits, PREC_PORTER | PREC_POLICE);
	ck_assert_int_eq(policy_precautions_parse("safe_room,colleague,porter,police", &bits,
						  &bad), 0);
	ck_assert_uint_eq(bits, PREC_ALL);
}
END_TEST

START_TEST(test_policy__precaution_names_and_labels)
{
	static const char *names[PRECAUTION_COUNT] = {"safe_room", "colleague", "porter",
						      "police"};
	for (int i = 0; i < PRECAUTION_COUNT; i++) {
		unsigned bits;
		ck_assert_str_eq(policy_precaution_name(i), names[i]);
		ck_assert_int_eq(policy_precautions_parse(names[i], &bits, NULL), 0);
		ck_assert_uint_eq(bits, 1u << i);
		ck_assert_int_gt(strlen(policy_precaution_label(i)), 0);
	}
	ck_assert_str_eq(policy_precaution_name(-1), "?");
	ck_assert_str_eq(policy_precaution_name(PRECAUTION_COUNT), "?");
	ck_assert_str_eq(policy_precaution_label(PRECAUTION_COUNT), "?");
}
END_TEST

/* Monday 08:30-12:00 and 13:00-17:00; Thursday also 18:00-20:00 in the evening. */
static struct policy_week week(void)
{
	struct policy_week w;
	memset(&w, 0, sizeof w);
	w.day[0][0] = (struct policy_period){510, 720, false};
	w.day[0][1] = (struct policy_period){780, 1020, false};
	w.count[0] = 2;
	w.day[3][0] = (struct policy_period){510, 1020, false};
	w.day[3][1] = (struct policy_period){1080, 1200, true};
	w.count[3] = 2;
	return w;
}

START_TEST(test_policy__periods_invalid_input)
{
	struct policy_week w = week();
	ck_assert_int_eq(policy_open_period(NULL, 0, 600), -1);
	ck_assert_int_eq(policy_open_period(&w, -1, 600), -1);
	ck_assert_int_eq(policy_open_period(&w, 7, 600), -1);
	ck_assert_int_eq(policy_next_period(&w, 7, 0), -1);
	ck_assert_int_eq(policy_evening_period(&w, -1), -1);
	w.count[0] = POLICY_MAX_PERIODS + 1; /* damaged */
	ck_assert_int_eq(policy_open_period(&w, 0, 600), -1);
}
END_TEST

START_TEST(test_policy__open_period)
{
	struct policy_week w = week();
	ck_assert_int_eq(policy_open_period(&w, 0, 509), -1);
	ck_assert_int_eq(policy_open_period(&w, 0, 510), 0);
	ck_assert_int_eq(policy_open_period(&w, 0, 719), 0);
	ck_assert_int_eq(policy_open_period(&w, 0, 720), -1); /* [start, end) */
	ck_assert_int_eq(policy_open_period(&w, 0, 800), 1);
	ck_assert_int_eq(policy_open_period(&w, 0, 1020), -1);
	ck_assert_int_eq(policy_open_period(&w, 6, 600), -1); /* Sunday closed */
	ck_assert_int_eq(policy_open_period(&w, 3, 1100), 1);
}
END_TEST

START_TEST(test_policy__next_and_evening_period)
{
	struct policy_week w = week();
	ck_assert_int_eq(policy_next_period(&w, 0, 0), 0);
	ck_assert_int_eq(policy_next_period(&w, 0, 510), 1); /* open now: the next is later */
	ck_assert_int_eq(policy_next_period(&w, 0, 730), 1);
	ck_assert_int_eq(policy_next_period(&w, 0, 780), -1);
	ck_assert_int_eq(policy_next_period(&w, 3, 1030), 1);
	ck_assert_int_eq(policy_evening_period(&w, 3), 1);
	ck_assert_int_eq(policy_evening_period(&w, 0), -1);
	ck_assert_int_eq(policy_evening_period(&w, 6), -1);
}
END_TEST

START_TEST(test_policy__staffing)
{
	ck_assert_int_eq(policy_staffing(false, 0, 2), STAFFING_CLOSED);
	ck_assert_int_eq(policy_staffing(false, 5, 2), STAFFING_CLOSED);
	ck_assert_int_eq(policy_staffing(true, 0, 2), STAFFING_NOBODY);
	ck_assert_int_eq(policy_staffing(true, -1, 2), STAFFING_NOBODY);
	ck_assert_int_eq(policy_staffing(true, 1, 2), STAFFING_SHORT);
	ck_assert_int_eq(policy_staffing(true, 2, 2), STAFFING_OK);
	ck_assert_int_eq(policy_staffing(true, 3, 2), STAFFING_OK);
	/* Minimum 0: no requirement, even with nobody present. */
	ck_assert_int_eq(policy_staffing(true, 0, 0), STAFFING_OK);
}
END_TEST

Suite *policy_suite(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("policy");
	tcase_add_test(tc, test_policy__kind_parse_rejects_unknown);
	tcase_add_test(tc, test_policy__kind_names_round_trip);
	tcase_add_test(tc, test_policy__reason_parse_rejects_unknown);
	tcase_add_test(tc, test_policy__reason_names_round_trip);
	tcase_add_test(tc, test_policy__ban_active_invalid_input);
	tcase_add_test(tc, test_policy__ban_active_bounds);
	tcase_add_test(tc, test_policy__precautions_parse_rejects_unknown);
	tcase_add_test(tc, test_policy__precautions_parse);
	tcase_add_test(tc, test_policy__precaution_names_and_labels);
	tcase_add_test(tc, test_policy__periods_invalid_input);
	tcase_add_test(tc, test_policy__open_period);
	tcase_add_test(tc, test_policy__next_and_evening_period);
	tcase_add_test(tc, test_policy__staffing);
	suite_add_tcase(s, tc);
	return s;
}
