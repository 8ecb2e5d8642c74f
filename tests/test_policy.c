/* test_policy — names and labels of kinds, reasons and precautions, ban activity on a date,
 * opening-hour periods, the support-team minimum and the rules of a ban (mandatory answers,
 * this building, life-cycle state). */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lib.h"
#include "tests.h"

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "policy"

TEST(test_policy__kind_parse_rejects_unknown)
{
	static const char *bad[] = {"", "Building", "building ", "buildingphone", "phone+building",
				    "pandverbod", "ban"};
	TESTUTIL_PARSE_REJECTS(enum ban_kind, BAN_WARNING, policy_kind_parse, bad);
}
END_TEST

TEST(test_policy__kind_names_round_trip)
{
	static const char *names[BAN_KIND_COUNT] = {"building", "phone", "building+phone",
						    "service", "warning"};
	TESTUTIL_NAMES_ROUND_TRIP(enum ban_kind, BAN_KIND_COUNT, names, policy_kind_name,
				  policy_kind_parse, policy_kind_label);
	ck_assert_str_eq(policy_kind_label(BAN_BUILDING), "building ban");
}
END_TEST

TEST(test_policy__reason_parse_rejects_unknown)
{
	static const char *bad[] = {"", "Verbal", "violence"};
	TESTUTIL_PARSE_REJECTS(enum ban_reason, REASON_OTHER, policy_reason_parse, bad);
}
END_TEST

TEST(test_policy__reason_names_round_trip)
{
	static const char *names[REASON_COUNT] = {"verbal", "threat", "obstruction", "attempt",
						  "physical", "property", "other"};
	TESTUTIL_NAMES_ROUND_TRIP(enum ban_reason, REASON_COUNT, names, policy_reason_name,
				  policy_reason_parse, policy_reason_label);
	ck_assert_str_eq(policy_reason_label(REASON_PHYSICAL), "physical violence");
}
END_TEST

TEST(test_policy__reasons_combination)
{
	enum ban_reason r[REASON_COUNT] = {0};
	size_t n = 0;
	char out[64] = "x";
	policy_reasons_join(r, n, out, sizeof out);
	ck_assert_str_eq(out, "");
	policy_reasons_add(r, &n, REASON_THREAT);
	policy_reasons_join(r, n, out, sizeof out);
	ck_assert_str_eq(out, "");   /* one reason is no combination */
	policy_reasons_add(r, &n, REASON_VERBAL);
	policy_reasons_add(r, &n, REASON_THREAT);
	ck_assert_uint_eq(n, 2);
	policy_reasons_join(r, n, out, sizeof out);
	ck_assert_str_eq(out, "threat,verbal");   /* in the order given */
	char tiny[9];
	policy_reasons_join(r, n, tiny, sizeof tiny);
	ck_assert_str_eq(tiny, "threat");   /* what does not fit is left off whole */
}
END_TEST

TEST(test_policy__ban_active_invalid_input)
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

TEST(test_policy__ban_active_bounds)
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

TEST(test_policy__precautions_parse_rejects_unknown)
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

TEST(test_policy__precautions_parse)
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

TEST(test_policy__precaution_names_and_labels)
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

/* Precautions in words, in the order of the table, cut short at the buffer; a form reads a
 * kind or reason by its name or its label. */
TEST(test_policy__precautions_join_and_read)
{
	char out[64];
	policy_precautions_join(0, policy_precaution_name, ",", out, sizeof out);
	ck_assert_str_eq(out, "");
	policy_precautions_join(PREC_POLICE | PREC_SAFE_ROOM, policy_precaution_name,
				",", out, sizeof out);
	ck_assert_str_eq(out, "safe_room,police");
	policy_precautions_join(PREC_PORTER, policy_precaution_label, ", ", out,
				sizeof out);
	ck_assert_str_eq(out, "porter on standby");
	policy_precautions_join(0xfu, policy_precaution_name, ",", out, 12);
	ck_assert_uint_eq(strlen(out), 11); /* cut short, never past the buffer */
	ck_assert(strncmp(out, "safe_room,", 10) == 0);
	enum ban_kind k;
	enum ban_reason r;
	ck_assert_int_eq(policy_kind_read("Phone Ban", &k), 0);
	ck_assert_int_eq(k, BAN_PHONE);
	ck_assert_int_eq(policy_reason_read("threat", &r), 0);
	ck_assert_int_eq(r, REASON_THREAT);
	ck_assert_int_eq(policy_reason_read("", &r), -1);
	ck_assert_int_eq(policy_kind_read("ban", &k), -1);
	policy_kind_list(out, sizeof out);
	ck_assert_str_eq(out, "building, phone, building+phone, service, warning");
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

TEST(test_policy__periods_invalid_input)
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

TEST(test_policy__open_period)
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

TEST(test_policy__next_and_evening_period)
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

TEST(test_policy__staffing)
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

/* Issue 13: a false alarm is cancelled at the alarm centre within 5 minutes. */
TEST(test_policy__false_alarm_cancel)
{
	time_t raised = 1000000;
	long left = -1;
	ck_assert_int_eq(policy_false_alarm_cancel(raised, 0, raised, &left), POLICY_CANCEL_DUE);
	ck_assert_int_eq(left, 300);
	ck_assert_int_eq(policy_false_alarm_cancel(raised, 0, raised + 299, &left),
			 POLICY_CANCEL_DUE);
	ck_assert_int_eq(left, 1);
	ck_assert_int_eq(policy_false_alarm_cancel(raised, 0, raised + 300, &left),
			 POLICY_CANCEL_LATE);
	ck_assert_int_eq(left, 0);
	ck_assert_int_eq(policy_false_alarm_cancel(raised, raised + 300, raised + 900, NULL),
			 POLICY_CANCEL_IN_TIME);
	ck_assert_int_eq(policy_false_alarm_cancel(raised, raised + 301, raised + 900, &left),
			 POLICY_CANCEL_LATE_DONE);
	ck_assert_int_eq(left, 0);
}
END_TEST

/* Issue 13: the safe-room precaution and appointments with banned visitors. */
TEST(test_policy__safe_room_and_banned_visitor)
{
	ck_assert_int_eq(policy_safe_room_check(PREC_COLLEAGUE, "", false), POLICY_ROOM_OK);
	ck_assert_int_eq(policy_safe_room_check(PREC_SAFE_ROOM, "", true), POLICY_ROOM_MISSING);
	ck_assert_int_eq(policy_safe_room_check(PREC_SAFE_ROOM, NULL, true), POLICY_ROOM_MISSING);
	ck_assert_int_eq(policy_safe_room_check(PREC_ALL, "Spreekkamer 1.12", false),
			 POLICY_ROOM_NOT_SAFE);
	ck_assert_int_eq(policy_safe_room_check(PREC_SAFE_ROOM, "Spreekkamer 006", true),
			 POLICY_ROOM_OK);
	ck_assert_int_eq(policy_appt_ban(false, false, POLICY_HERE_APPLIES, false), POLICY_APPT_OK);
	ck_assert_int_eq(policy_appt_ban(true, false, POLICY_HERE_APPLIES, false),
			 POLICY_APPT_REFUSE);
	ck_assert_int_eq(policy_appt_ban(true, false, POLICY_HERE_APPLIES, true), POLICY_APPT_WARN);
	ck_assert_int_eq(policy_appt_ban(true, false, POLICY_HERE_PHONE_ONLY, false),
			 POLICY_APPT_WARN);
	ck_assert_int_eq(policy_appt_ban(true, false, POLICY_HERE_OTHER_BUILDING, false),
			 POLICY_APPT_WARN);
	ck_assert_int_eq(policy_appt_ban(true, false, POLICY_HERE_WARNING, false), POLICY_APPT_WARN);
	ck_assert_int_eq(policy_appt_ban(false, true, POLICY_HERE_APPLIES, false), POLICY_APPT_WARN);
}
END_TEST

/* ------------------------------------------------------------------ hours with exceptions */

/* Weekdays 08:30-17:00, Thursday also 18:00-20:00 (evening). */
static struct policy_week office(void)
{
	struct policy_week w;
	memset(&w, 0, sizeof w);
	for (int d = 0; d < 5; d++) {
		w.day[d][0] = (struct policy_period){510, 1020, false};
		w.count[d] = 1;
	}
	w.day[3][1] = (struct policy_period){1080, 1200, true};
	w.count[3] = 2;
	return w;
}

static char closed_dates[][POLICY_DATE_LEN] = {"2026-12-24", "2026-12-25"};
static struct policy_extra_period extras[] = {
	{"2026-12-23", {1080, 1200, true}},  /* extra evening (Wednesday) */
	{"2026-12-24", {510, 720, false}},   /* Christmas Eve: mornings only ... */
	{"2026-12-24", {720, 780, false}},   /* ... and an hour straight after */
	{"2026-03-29", {60, 240, false}},    /* across the spring change (Sunday) */
	{"2026-10-25", {60, 240, false}},    /* across the autumn change (Sunday) */
};
static const struct policy_exceptions holidays = {closed_dates, 2, extras, 5};

/* The calls below on the office week with those exceptions, at instants given in UTC. */
static int open_at(const char *now, struct policy_slot *out)
{
	struct policy_week w = office();
	return policy_open_slot(&w, &holidays, testutil_utc(now), out);
}

static int next_at(const char *now, int days, struct policy_slot *out)
{
	struct policy_week w = office();
	return policy_next_slot(&w, &holidays, testutil_utc(now), days, out);
}

static size_t evenings_at(const char *now, int days, struct policy_slot *out, size_t max)
{
	struct policy_week w = office();
	return policy_evening_slots(&w, &holidays, testutil_utc(now), days, out, max);
}

static bool within_public(const char *from, const char *to)
{
	struct policy_week w = office();
	return policy_within_public(&w, &holidays, testutil_utc(from), testutil_utc(to));
}

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "hours"

TEST(test_policy__weekday)
{
	ck_assert_int_eq(policy_weekday(NULL), -1);
	ck_assert_int_eq(policy_weekday("2026-02-30"), -1);
	ck_assert_int_eq(policy_weekday("26-11-2026"), -1);
	ck_assert_int_eq(policy_weekday("2024-01-01"), 0);
	ck_assert_int_eq(policy_weekday("2023-12-31"), 6);
	ck_assert_int_eq(policy_weekday("2026-11-26"), 3);
	ck_assert_int_eq(policy_weekday("2026-03-29"), 6);
	ck_assert_int_eq(policy_weekday("2028-02-29"), 1);
}
END_TEST

TEST(test_policy__day_periods_with_exceptions)
{
	struct policy_week w = office();
	struct policy_period p[POLICY_MAX_PERIODS];
	ck_assert_int_eq(policy_day_periods(&w, &holidays, "2026-12-32", p), -1);
	ck_assert_int_eq(policy_day_periods(&w, &holidays, NULL, p), -1);
	/* No exceptions: the weekly hours. */
	ck_assert_int_eq(policy_day_periods(&w, NULL, "2026-11-26", p), 2);
	ck_assert(p[1].evening);
	ck_assert_int_eq(policy_day_periods(&w, &holidays, "2026-11-29", p), 0); /* Sunday */
	/* Closed all day. */
	ck_assert_int_eq(policy_day_periods(&w, &holidays, "2026-12-25", p), 0);
	/* Closed, then extras: exactly the extras, in order. */
	ck_assert_int_eq(policy_day_periods(&w, &holidays, "2026-12-24", p), 2);
	ck_assert_int_eq(p[0].start, 510);
	ck_assert_int_eq(p[1].start, 720);
	/* An extra evening on top of the weekly hours. */
	ck_assert_int_eq(policy_day_periods(&w, &holidays, "2026-12-23", p), 2);
	ck_assert_int_eq(p[0].start, 510);
	ck_assert(!p[0].evening);
	ck_assert_int_eq(p[1].start, 1080);
	ck_assert(p[1].evening);
	/* A closed date does not close the same weekday a week later. */
	ck_assert_int_eq(policy_day_periods(&w, &holidays, "2026-12-31", p), 2);
}
END_TEST

TEST(test_policy__slots_across_dst)
{
	testutil_amsterdam();
	struct policy_week w = office();
	struct policy_slot s[POLICY_MAX_PERIODS];
	/* 01:00-04:00 on the night the clocks go forward lasts two hours ... */
	ck_assert_int_eq(policy_day_slots(&w, &holidays, "2026-03-29", s), 1);
	ck_assert_int_eq(s[0].starts, testutil_utc("2026-03-29T00:00:00Z"));
	ck_assert_int_eq(s[0].ends - s[0].starts, 2 * 3600);
	/* ... and four on the night they go back. */
	ck_assert_int_eq(policy_day_slots(&w, &holidays, "2026-10-25", s), 1);
	ck_assert_int_eq(s[0].starts, testutil_utc("2026-10-24T23:00:00Z"));
	ck_assert_int_eq(s[0].ends - s[0].starts, 4 * 3600);
	/* The Monday after each change: 08:30 local is 06:30Z in summer, 07:30Z in winter. */
	ck_assert_int_eq(policy_day_slots(&w, &holidays, "2026-03-30", s), 1);
	ck_assert_int_eq(s[0].starts, testutil_utc("2026-03-30T06:30:00Z"));
	ck_assert_int_eq(policy_day_slots(&w, &holidays, "2026-10-26", s), 1);
	ck_assert_int_eq(s[0].starts, testutil_utc("2026-10-26T07:30:00Z"));
	/* The Friday before the autumn change is still summer time. */
	ck_assert_int_eq(policy_day_slots(&w, &holidays, "2026-10-23", s), 1);
	ck_assert_int_eq(s[0].ends, testutil_utc("2026-10-23T15:00:00Z"));
}
END_TEST

TEST(test_policy__open_and_next_slot)
{
	testutil_amsterdam();
	struct policy_slot s;
	/* Thursday 2026-11-26 (winter time: UTC+1). */
	ck_assert_int_eq(open_at("2026-11-26T07:29:59Z", &s), 0);
	ck_assert_int_eq(open_at("2026-11-26T07:30:00Z", &s), 1);
	ck_assert_int_eq(s.period.start, 510);
	ck_assert_int_eq(open_at("2026-11-26T16:00:00Z", &s), 0);
	ck_assert_int_eq(open_at("2026-11-26T17:00:00Z", &s), 1);
	ck_assert(s.period.evening);
	ck_assert_str_eq(s.date, "2026-11-26");
	ck_assert_int_eq(open_at("2026-11-26T19:00:00Z", NULL), 0);
	/* Holiday closed, though a Friday. */
	ck_assert_int_eq(open_at("2026-12-25T10:00:00Z", NULL), 0);
	/* Extra evening on a Wednesday. */
	ck_assert_int_eq(open_at("2026-12-23T18:30:00Z", &s), 1);
	ck_assert(s.period.evening);

	/* Next: between the day and the evening period, the evening is next today. */
	ck_assert_int_eq(next_at("2026-11-26T16:30:00Z", 0, &s), 1);
	ck_assert_int_eq(s.starts, testutil_utc("2026-11-26T17:00:00Z"));
	/* While the day period runs, the next one is the evening, not the running one. */
	ck_assert_int_eq(next_at("2026-11-26T07:30:00Z", 0, &s), 1);
	ck_assert_int_eq(s.period.start, 1080);
	/* After the evening nothing more today; with one day more: Friday morning. */
	ck_assert_int_eq(next_at("2026-11-26T19:30:00Z", 0, &s), 0);
	ck_assert_int_eq(next_at("2026-11-26T19:30:00Z", 1, &s), 1);
	ck_assert_str_eq(s.date, "2026-11-27");
	/* Day boundary: 23:59 local Thursday and 00:01 local Friday. */
	ck_assert_int_eq(next_at("2026-11-26T22:59:00Z", 0, &s), 0);
	ck_assert_int_eq(next_at("2026-11-26T23:01:00Z", 0, &s), 1);
	ck_assert_str_eq(s.date, "2026-11-27");
	/* Christmas: the 24th is closed except its extras, the 25th closed, then a weekend. */
	ck_assert_int_eq(next_at("2026-12-24T12:30:00Z", 3, &s), 0);
	ck_assert_int_eq(next_at("2026-12-24T12:30:00Z", 4, &s), 1);
	ck_assert_str_eq(s.date, "2026-12-28");
}
END_TEST

TEST(test_policy__evening_slots)
{
	testutil_amsterdam();
	struct policy_slot s[16];
	ck_assert_uint_eq(evenings_at("2026-11-24T13:00:00Z", 7, s, 0), 0);
	/* Tuesday: this Thursday only (next Thursday is 9 days away). */
	ck_assert_uint_eq(evenings_at("2026-11-24T13:00:00Z", 7, s, 16), 1);
	ck_assert_str_eq(s[0].date, "2026-11-26");
	/* Thursday during the evening: it counts until it ends; a week later is day 8. */
	ck_assert_uint_eq(evenings_at("2026-11-26T18:59:00Z", 7, s, 16), 1);
	ck_assert_uint_eq(evenings_at("2026-11-26T19:00:00Z", 7, s, 16), 0);
	ck_assert_uint_eq(evenings_at("2026-11-26T19:00:00Z", 8, s, 16), 1);
	/* Christmas week: the extra Wednesday evening; Thursday the 24th has none. */
	ck_assert_uint_eq(evenings_at("2026-12-21T08:00:00Z", 7, s, 16), 1);
	ck_assert_str_eq(s[0].date, "2026-12-23");
	ck_assert_int_eq(s[0].starts, testutil_utc("2026-12-23T17:00:00Z"));
	/* Across the autumn change: Thursday 2026-10-29 18:00 is 17:00Z (winter time). */
	ck_assert_uint_eq(evenings_at("2026-10-24T10:00:00Z", 7, s, 16), 1);
	ck_assert_int_eq(s[0].starts, testutil_utc("2026-10-29T17:00:00Z"));
}
END_TEST

TEST(test_policy__within_public)
{
	testutil_amsterdam();
	struct policy_week w = office();
	time_t t14 = testutil_utc("2026-11-26T13:00:00Z"); /* Thursday 14:00 local */
	ck_assert(!policy_within_public(&w, &holidays, t14, t14));
	ck_assert(!policy_within_public(&w, &holidays, t14, t14 - 60));
	ck_assert(policy_within_public(&w, &holidays, t14, t14 + 3600));
	/* Up to the closing minute, not past it. */
	ck_assert(within_public("2026-11-26T15:00:00Z", "2026-11-26T16:00:00Z"));
	ck_assert(!within_public("2026-11-26T15:30:00Z", "2026-11-26T16:30:00Z"));
	/* Across the gap between day and evening: outside. */
	ck_assert(!within_public("2026-11-26T15:30:00Z", "2026-11-26T17:30:00Z"));
	ck_assert(within_public("2026-11-26T17:00:00Z", "2026-11-26T19:00:00Z"));
	/* Periods that follow each other count as one stretch. */
	ck_assert(within_public("2026-12-24T10:30:00Z", "2026-12-24T11:30:00Z"));
	ck_assert(!within_public("2026-12-24T11:30:00Z", "2026-12-24T12:30:00Z"));
	/* Holidays and weekends are outside. */
	ck_assert(!within_public("2026-12-25T10:00:00Z", "2026-12-25T11:00:00Z"));
	ck_assert(!within_public("2026-11-29T10:00:00Z", "2026-11-29T11:00:00Z"));
}
END_TEST

TEST(test_policy__warning_window)
{
	time_t s = 100000, e = 107200;
	ck_assert(!policy_warning_window(s - 7201, s, e, 120));
	ck_assert(policy_warning_window(s - 7200, s, e, 120));
	ck_assert(policy_warning_window(e - 1, s, e, 120));
	ck_assert(!policy_warning_window(e, s, e, 120));
	ck_assert(!policy_warning_window(s - 1, s, e, 0));
	ck_assert(!policy_warning_window(s - 1, s, e, -30)); /* a negative lead is none */
	ck_assert(policy_warning_window(s, s, e, 0));
}
END_TEST

TEST(test_policy__slot_staffing)
{
	testutil_amsterdam();
	struct policy_slot ev, day;
	struct policy_slot_staffing v;
	policy_slot_staffing(NULL, 0, 0, 0, 2, 120, false, &v);
	ck_assert_int_eq(v.state, STAFFING_CLOSED);
	ck_assert_int_eq(open_at("2026-11-26T17:30:00Z", &ev), 1);
	ck_assert_int_eq(open_at("2026-11-26T10:00:00Z", &day), 1);

	/* Three hours before the evening: short on the roster, no console warning yet. */
	time_t t = testutil_utc("2026-11-26T14:00:00Z");
	policy_slot_staffing(&ev, t, 3, 1, 2, 120, false, &v);
	ck_assert(!v.running);
	ck_assert(!v.counts_present);
	ck_assert_int_eq(v.have, 1);
	ck_assert_int_eq(v.need, 2);
	ck_assert_int_eq(v.state, STAFFING_SHORT);
	ck_assert(!v.warn);
	ck_assert(!v.police);
	/* Two hours before: the warning shows; with the manager's record, the police rule. */
	t = testutil_utc("2026-11-26T15:00:00Z");
	policy_slot_staffing(&ev, t, 3, 1, 2, 120, false, &v);
	ck_assert(v.warn);
	policy_slot_staffing(&ev, t, 3, 1, 2, 120, true, &v);
	ck_assert(v.police);
	policy_slot_staffing(&ev, t, 3, 0, 2, 120, false, &v);
	ck_assert_int_eq(v.state, STAFFING_NOBODY);
	/* Configured lead of 30 minutes: not yet. */
	policy_slot_staffing(&ev, t, 3, 1, 2, 30, false, &v);
	ck_assert(!v.warn);
	/* Enough scheduled: no warning, and the record does not matter. */
	policy_slot_staffing(&ev, t, 0, 2, 2, 120, true, &v);
	ck_assert_int_eq(v.state, STAFFING_OK);
	ck_assert(!v.warn);
	ck_assert(!v.police);
	/* Once the evening runs, who is present counts, not the roster. */
	t = testutil_utc("2026-11-26T17:10:00Z");
	policy_slot_staffing(&ev, t, 1, 2, 2, 120, false, &v);
	ck_assert(v.running);
	ck_assert(v.counts_present);
	ck_assert_int_eq(v.have, 1);
	ck_assert(v.warn);
	/* After the evening: nothing to warn about. */
	policy_slot_staffing(&ev, testutil_utc("2026-11-26T19:00:00Z"), 0, 0, 2, 120, true, &v);
	ck_assert(!v.warn);
	ck_assert(!v.police);
	/* A daytime period counts those present even before it starts. */
	policy_slot_staffing(&day, testutil_utc("2026-11-26T07:00:00Z"), 2, 0, 2, 120, false, &v);
	ck_assert(v.counts_present);
	ck_assert_int_eq(v.state, STAFFING_OK);
	/* Minimum 0: never short. */
	policy_slot_staffing(&day, testutil_utc("2026-11-26T10:00:00Z"), 0, 0, 0, 120, false, &v);
	ck_assert_int_eq(v.state, STAFFING_OK);
}
END_TEST

TEST(test_policy__period_spec)
{
	static const char *bad[] = {"", "night", "Evening", "18:0", "24:00", "18:60", "day "};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(policy_period_spec_check(bad[i]) == -1, "accepted %s", bad[i]);
	ck_assert_int_eq(policy_period_spec_check(NULL), -1);
	ck_assert_int_eq(policy_period_spec_check("day"), 0);
	ck_assert_int_eq(policy_period_spec_check("evening"), 0);
	ck_assert_int_eq(policy_period_spec_check("18:00"), 0);
	struct policy_slot ev = {.period = {1080, 1200, true}}, day = {.period = {510, 1020, false}};
	ck_assert(!policy_period_spec_covers(NULL, &ev));
	ck_assert(!policy_period_spec_covers("day", NULL));
	ck_assert(policy_period_spec_covers("day", &ev));
	ck_assert(policy_period_spec_covers("day", &day));
	ck_assert(policy_period_spec_covers("evening", &ev));
	ck_assert(!policy_period_spec_covers("evening", &day));
	ck_assert(policy_period_spec_covers("08:30", &day));
	ck_assert(!policy_period_spec_covers("08:30", &ev));
	ck_assert(!policy_period_spec_covers("night", &day));
}
END_TEST

/* "Nobody reachable" for a date and a period, asked on Tuesday 2026-11-24 of the office
 * week; no_hours: without opening hours. */
static const struct {
	const char *date, *period;
	bool no_hours;
	enum policy_unreachable want;
} unreachable[] = {
	{NULL, "day", false, POLICY_UNREACHABLE_BAD_DATE},
	{"2026-02-30", "day", false, POLICY_UNREACHABLE_BAD_DATE},
	{"2026-11-26", "night", false, POLICY_UNREACHABLE_BAD_PERIOD},
	{"2026-11-26", NULL, false, POLICY_UNREACHABLE_BAD_PERIOD},
	{"2026-11-23", "day", false, POLICY_UNREACHABLE_PAST},
	/* Tuesday has no evening; Thursday has; Saturday and Christmas Day are closed. */
	{"2026-11-24", "evening", false, POLICY_UNREACHABLE_CLOSED},
	{"2026-11-24", "day", false, POLICY_UNREACHABLE_OK},
	{"2026-11-26", "evening", false, POLICY_UNREACHABLE_OK},
	{"2026-11-26", "18:00", false, POLICY_UNREACHABLE_OK},
	{"2026-11-26", "18:30", false, POLICY_UNREACHABLE_CLOSED},
	{"2026-11-28", "day", false, POLICY_UNREACHABLE_CLOSED},
	{"2026-12-25", "day", false, POLICY_UNREACHABLE_CLOSED},
	/* The extra evening of the 23rd counts; without hours nothing is open. */
	{"2026-12-23", "evening", false, POLICY_UNREACHABLE_OK},
	{"2026-11-24", "day", true, POLICY_UNREACHABLE_CLOSED},
};

TEST_LOOP(test_policy__unreachable_check, sizeof unreachable / sizeof *unreachable)
{
	testutil_amsterdam();
	struct policy_week w = office();
	bool none = unreachable[_i].no_hours;
	const char *date = unreachable[_i].date, *period = unreachable[_i].period;
	int got = policy_unreachable_check(none ? NULL : &w, none ? NULL : &holidays, date,
					   period, "2026-11-24");
	ck_assert_msg(got == (int)unreachable[_i].want, "%s %s%s: %d, expected %d",
		      date ? date : "NULL", period ? period : "NULL", none ? " (no hours)" : "",
		      got, (int)unreachable[_i].want);
}
END_TEST

/* A check-in (UTC; "" for none) looked at, at now, in the office week. */
static const struct {
	const char *in, *now;
	enum policy_presence want;
} presence[] = {
	{"", "2026-11-26T07:00:00Z", PRESENCE_OK},
	/* Thursday 08:00 local; between the day period and the evening the building still
	 * opens again today. */
	{"2026-11-26T07:00:00Z", "2026-11-26T06:59:00Z", PRESENCE_OK},
	{"2026-11-26T07:00:00Z", "2026-11-26T16:30:00Z", PRESENCE_OK},
	{"2026-11-26T07:00:00Z", "2026-11-26T18:59:00Z", PRESENCE_OK},
	{"2026-11-26T07:00:00Z", "2026-11-26T19:00:00Z", PRESENCE_AFTER_CLOSING},
	/* Midnight local: from an earlier day. */
	{"2026-11-26T07:00:00Z", "2026-11-26T22:59:00Z", PRESENCE_AFTER_CLOSING},
	{"2026-11-26T07:00:00Z", "2026-11-26T23:00:00Z", PRESENCE_EARLIER_DAY},
	/* Checked in after closing: stale only the next day. */
	{"2026-11-26T20:00:00Z", "2026-11-26T21:00:00Z", PRESENCE_OK},
	/* A closed day (Sunday, a holiday): no closing time, only the day boundary. */
	{"2026-11-29T09:00:00Z", "2026-11-29T19:00:00Z", PRESENCE_OK},
	{"2026-12-25T09:00:00Z", "2026-12-25T10:00:00Z", PRESENCE_OK},
	/* The night of the autumn change: 25 hours in a day, still the same date (Saturday
	 * 22:00 CEST). */
	{"2026-10-24T20:00:00Z", "2026-10-24T21:59:00Z", PRESENCE_OK},
	{"2026-10-24T20:00:00Z", "2026-10-24T22:00:00Z", PRESENCE_EARLIER_DAY},
};

TEST_LOOP(test_policy__stale_presence, sizeof presence / sizeof *presence)
{
	testutil_amsterdam();
	struct policy_week w = office();
	const char *in = presence[_i].in, *now = presence[_i].now;
	int got = policy_presence_check(&w, &holidays, *in ? testutil_utc(in) : 0,
					testutil_utc(now));
	ck_assert_msg(got == (int)presence[_i].want, "checked in %s, at %s: %d, expected %d",
		      *in ? in : "never", now, got, (int)presence[_i].want);
}
END_TEST

/* ------------------------------------------------------------------ policy: bans */

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "bans"

TEST(test_policy__ban_missing_answers)
{
	ck_assert_uint_eq(policy_ban_missing(NULL, NULL, NULL, NULL, NULL),
			  (1u << POLICY_MISSING_COUNT) - 1);
	ck_assert_uint_eq(policy_ban_missing("hit", "2026-01-01", "2026-02-30", " ", "gisteren"),
			  POLICY_MISSING_ENDS | POLICY_MISSING_IMPOSED_BY | POLICY_MISSING_LETTER);
	ck_assert_uint_eq(policy_ban_missing("  ", "2026-01-01", "2026-02-01", "A. Hoofd",
					     "2026-01-02"), POLICY_MISSING_WHY);
	ck_assert_uint_eq(policy_ban_missing("hit", "2026-01-01", "2026-02-01", "A. Hoofd",
					     "2026-01-02"), 0);
	ck_assert_str_eq(policy_missing_name(4), "letter_sent");
	ck_assert_str_eq(policy_missing_name(5), "?");
	ck_assert_str_eq(policy_missing_label(-1), "?");
	ck_assert_int_gt(strlen(policy_missing_label(0)), 0);

	char out[64];
	policy_missing_join(0, policy_missing_name, ", ", out, sizeof out);
	ck_assert_str_eq(out, "");
	policy_missing_join(POLICY_MISSING_ENDS | POLICY_MISSING_LETTER, policy_missing_name, ", ",
			    out, sizeof out);
	ck_assert_str_eq(out, "ends, letter_sent");
	/* too small: cut short, still terminated */
	char small[8];
	policy_missing_join(POLICY_MISSING_ENDS | POLICY_MISSING_LETTER, policy_missing_name, "; ",
			    small, sizeof small);
	ck_assert_uint_lt(strlen(small), sizeof small);
	ck_assert_str_eq(small, "ends; l");
}
END_TEST

TEST(test_policy__ban_applies_here)
{
	ck_assert_int_eq(policy_ban_applies_here(BAN_BUILDING, "", "stadhuis"),
			 POLICY_HERE_APPLIES);
	ck_assert_int_eq(policy_ban_applies_here(BAN_BUILDING, NULL, "stadhuis"),
			 POLICY_HERE_APPLIES);
	ck_assert_int_eq(policy_ban_applies_here(BAN_BUILDING_PHONE, "yard, stadhuis", "stadhuis"),
			 POLICY_HERE_APPLIES);
	ck_assert_int_eq(policy_ban_applies_here(BAN_BUILDING, "stadhuis2,yard", "stadhuis"),
			 POLICY_HERE_OTHER_BUILDING);
	ck_assert_int_eq(policy_ban_applies_here(BAN_SERVICE, "yard", "stadhuis"),
			 POLICY_HERE_OTHER_BUILDING);
	ck_assert_int_eq(policy_ban_applies_here(BAN_SERVICE, "yard", "yard"),
			 POLICY_HERE_APPLIES);
	/* Where the terminal stands is unknown: the ban applies. */
	ck_assert_int_eq(policy_ban_applies_here(BAN_BUILDING, "yard", ""), POLICY_HERE_APPLIES);
	ck_assert_int_eq(policy_ban_applies_here(BAN_PHONE, "", "stadhuis"),
			 POLICY_HERE_PHONE_ONLY);
	ck_assert_int_eq(policy_ban_applies_here(BAN_WARNING, "", "stadhuis"),
			 POLICY_HERE_WARNING);
}
END_TEST

TEST(test_policy__ban_state_and_end_date)
{
	ck_assert_int_eq(policy_ban_state(true, false, "2026-01-01", "2026-12-31", "2026-06-01"),
			 POLICY_BAN_DRAFT);
	ck_assert_int_eq(policy_ban_state(false, true, "2026-01-01", "2026-12-31", "2026-06-01"),
			 POLICY_BAN_LIFTED);
	ck_assert_int_eq(policy_ban_state(false, false, "2026-07-01", "2026-12-31", "2026-06-01"),
			 POLICY_BAN_PLANNED);
	/* The last day is part of the ban; the day after, it has ended. */
	ck_assert_int_eq(policy_ban_state(false, false, "2026-01-01", "2026-06-01", "2026-06-01"),
			 POLICY_BAN_ACTIVE);
	ck_assert_int_eq(policy_ban_state(false, false, "2026-01-01", "2026-06-01", "2026-06-02"),
			 POLICY_BAN_ENDED);
	ck_assert_str_eq(policy_ban_state_label(POLICY_BAN_ENDED), "ended");
}
END_TEST

Suite *policy_suite(void)
{
	return testutil_suite_cases("policy", "policy", "hours", "bans");
}
