/* test_config_hours — the dated exceptions to the opening hours in balie.conf (closed days,
 * extra periods) and staffing_warning_before: every refusal with FILE:LINE, and what a
 * valid file gives the policy functions. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "tests.h"

/* The shared checks of a balie.conf (testutil.c), by their short names here. */
#define expect_error testutil_config_refused
#define load_ok testutil_config_load

TEST(test_config_hours__bad_closed_dates)
{
	expect_error("building stadhuis {\n  closed = {\"2026-12-32\"}\n}\n", 2,
		     "building stadhuis: closed", "\"2026-12-32\" is not a date");
	expect_error("building stadhuis {\n  closed = {\"25-12-2026\"}\n}\n", 2, "closed", NULL);
	expect_error("building stadhuis {\n  closed = {\"\"}\n}\n", 2, "closed", "empty");
	expect_error("building stadhuis {\n  closed = {\"2026-12-25\",\n"
		     "            \"2026-12-25\"}\n}\n", 3, "closed", "named twice");
}
END_TEST

TEST(test_config_hours__bad_extra_periods)
{
	static const char *bad[] = {"2026-12-23", "18:00-20:00", "2026-12-23 18:00",
				    "2026-12-23 18:00-20:00 night", "2026-12-23 18:00-20:00evening",
				    "2026-12-23  18:00-20:00", "2026-12-23 18:00-20:00 evening ",
				    "2026-02-30 18:00-20:00", "2026-12-23 18:00-24:01"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[256];
		snprintf(text, sizeof text, "building stadhuis {\n  extra = {\"%s\"}\n}\n", bad[i]);
		expect_error(text, 2, "building stadhuis: extra", "is not a dated period");
	}
	expect_error("building stadhuis {\n  extra = {\"2026-12-23 20:00-18:00\"}\n}\n", 2, "extra",
		     "ends before it starts");
}
END_TEST

TEST(test_config_hours__overlapping_extra_periods)
{
	/* Thursday 2026-12-24 has weekly hours 08:30-17:00; the extra starts at 16:00. */
	expect_error("building stadhuis {\n"
		     "  thursday = {\"08:30-17:00\"}\n"
		     "  extra = {\"2026-12-23 18:00-20:00 evening\",\n"
		     "           \"2026-12-24 16:00-18:00\"}\n"
		     "}\n", 4, "building stadhuis: extra",
		     "overlaps the thursday opening hours (08:30-17:00)");
	/* The extra comes before the weekly hours in the file: checked all the same. */
	expect_error("building stadhuis {\n"
		     "  extra = {\"2026-12-24 16:00-18:00\"}\n"
		     "  thursday = {\"08:30-17:00\"}\n"
		     "}\n", 2, "extra", "overlaps");
	/* Two extras on one date. */
	expect_error("building stadhuis {\n"
		     "  closed = {\"2026-12-24\"}\n"
		     "  extra = {\"2026-12-24 08:30-12:00\", \"2026-12-24 11:00-13:00\"}\n"
		     "}\n", 3, "extra", "\"2026-12-24 11:00-13:00\" overlaps \"2026-12-24 08:30-12:00\"");
	/* Too many periods on a date. */
	expect_error("building stadhuis {\n"
		     "  monday = {\"08:00-09:00\", \"10:00-11:00\", \"12:00-13:00\"}\n"
		     "  extra = {\"2026-12-21 14:00-15:00\",\n"
		     "           \"2026-12-21 16:00-17:00\"}\n"
		     "}\n", 4, "extra", "more than 4 periods on 2026-12-21");
}
END_TEST

TEST(test_config_hours__warning_before_range)
{
	expect_error("staffing_warning_before = 1441\n", 1, "staffing_warning_before",
		     "out of range (0..1440)");
	expect_error("staffing_warning_before = -1\n", 1, "staffing_warning_before", NULL);
	expect_error("staffing_warning_before = 60\nstaffing_warning_before = 90\n", 2,
		     "staffing_warning_before", "given twice");
	struct config *c = load_ok("staffing_warning_before = 0\n");
	ck_assert_int_eq(c->staffing_warning_before, 0);
	config_free(c);
	c = load_ok("");
	ck_assert_int_eq(c->staffing_warning_before, 120);
	ck_assert_uint_eq(config_building_here(c)->exceptions.nclosed, 0);
	ck_assert_uint_eq(config_building_here(c)->exceptions.nextra, 0);
	config_free(c);
	c = config_defaults();
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->staffing_warning_before, 120);
	config_free(c);
}
END_TEST

TEST(test_config_hours__exceptions_loaded)
{
	struct config *c = load_ok(
		"staffing_warning_before = 90\n"
		"building stadhuis {\n"
		"  wednesday = {\"08:30-17:00\"}\n"
		"  thursday = {\"08:30-17:00\", \"18:00-20:00\"}\n"
		"  evening_from = \"17:00\"\n"
		"  closed = {\"2026-12-24\", \"2026-12-25\"}\n"
		"  # Christmas Eve: closed in the afternoon (replaces the day's hours).\n"
		"  extra = {\"2026-12-23 18:00-20:00\",        # evening by evening_from\n"
		"           \"2026-12-24 08:30-12:00\",\n"
		"           \"2026-12-30 17:00-19:00 day\",    # late, but no evening opening\n"
		"           \"2027-01-02 12:00-13:00 evening\"}\n"
		"}\n");
	ck_assert_int_eq(c->staffing_warning_before, 90);
	const struct config_building *b = config_building_here(c);
	ck_assert_uint_eq(b->exceptions.nclosed, 2);
	ck_assert_str_eq(b->exceptions.closed[1], "2026-12-25");
	ck_assert_uint_eq(b->exceptions.nextra, 4);
	ck_assert(b->exceptions.extra[0].period.evening);
	ck_assert(!b->exceptions.extra[1].period.evening);
	ck_assert(!b->exceptions.extra[2].period.evening);
	ck_assert(b->exceptions.extra[3].period.evening);
	ck_assert_int_eq(b->exceptions.extra[3].period.start, 720);

	struct policy_period p[POLICY_MAX_PERIODS];
	ck_assert_int_eq(policy_day_periods(&b->hours, &b->exceptions, "2026-12-24", p), 1);
	ck_assert_int_eq(p[0].end, 720);
	ck_assert_int_eq(policy_day_periods(&b->hours, &b->exceptions, "2026-12-25", p), 0);
	ck_assert_int_eq(policy_day_periods(&b->hours, &b->exceptions, "2026-12-23", p), 2);
	ck_assert(p[1].evening);
	config_free(c);
}
END_TEST

TEST(test_config_hours__shipped_example_loads)
{
	char path[1024];
	struct config *c = testutil_config_file("data/balie.conf", path, sizeof path);
	ck_assert_int_eq(c->staffing_warning_before, 120);
	config_free(c);
}
END_TEST

Suite *config_hours_suite(void)
{
	return testutil_suite("config_hours", NULL, NULL);
}
