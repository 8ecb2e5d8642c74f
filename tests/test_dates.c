/* test_dates — strict date parsing, calendar arithmetic and local time around DST. */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lib.h"
#include "clock.h"
#include "tests.h"

TEST(test_dates__parse_date_rejects_bad_input)
{
	int y, m, d;
	static const char *bad[] = {"", "2027-02-30", "2026-13-01", "2026-00-10", "2026-1-01",
				    "26-11-2026", "2026/11/25", "2026-11-25x", "abcd-ef-gh",
				    "2023-02-29", "1899-12-31", "2026-04-31"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(dates_parse_date(bad[i], &y, &m, &d) == -1, "accepted %s", bad[i]);
	ck_assert_int_eq(dates_parse_date(NULL, &y, &m, &d), -1);
}
END_TEST

TEST(test_dates__parse_date_accepts_real_days)
{
	int y, m, d;
	ck_assert_int_eq(dates_parse_date("2024-02-29", &y, &m, &d), 0);
	ck_assert_int_eq(y, 2024);
	ck_assert_int_eq(m, 2);
	ck_assert_int_eq(d, 29);
	ck_assert_int_eq(dates_parse_date("2000-02-29", &y, &m, &d), 0);
	ck_assert_int_eq(dates_parse_date("2026-12-31", &y, &m, &d), 0);
}
END_TEST

TEST(test_dates__parse_hm)
{
	ck_assert_int_eq(dates_parse_hm("08:30", false), 510);
	ck_assert_int_eq(dates_parse_hm("24:00", true), 1440);
	ck_assert_int_eq(dates_parse_hm("24:00", false), -1);
	ck_assert_int_eq(dates_parse_hm("8:30", false), -1);
	ck_assert_int_eq(dates_parse_hm("12:60", false), -1);
	ck_assert_int_eq(dates_parse_hm("25:00", true), -1);
}
END_TEST

TEST(test_dates__utc_round_trip)
{
	time_t t;
	char buf[DATES_UTC_LEN];
	ck_assert_int_eq(dates_parse_utc("2026-11-22T18:05:00Z", &t), 0);
	dates_format_utc(t, buf);
	ck_assert_str_eq(buf, "2026-11-22T18:05:00Z");
	ck_assert_int_eq(dates_parse_utc("2026-11-22 18:05:00", &t), -1);
	ck_assert_int_eq(dates_parse_utc("2026-02-30T18:05:00Z", &t), -1);
}
END_TEST

TEST(test_dates__local_time_across_dst)
{
	testutil_amsterdam();
	time_t t;
	char date[DATES_DATE_LEN], hm[6];
	/* 2026-03-29 01:30 UTC is 03:30 summer time; 2026-10-25 01:30 UTC is 02:30 winter time. */
	ck_assert_int_eq(dates_parse_utc("2026-03-29T01:30:00Z", &t), 0);
	dates_local_hm(t, hm);
	ck_assert_str_eq(hm, "03:30");
	ck_assert_int_eq(dates_parse_utc("2026-10-25T01:30:00Z", &t), 0);
	dates_local_hm(t, hm);
	ck_assert_str_eq(hm, "02:30");
	/* 23:30 UTC on 22 November is already the 23rd in Amsterdam. */
	ck_assert_int_eq(dates_parse_utc("2026-11-22T23:30:00Z", &t), 0);
	dates_local_date(t, date);
	ck_assert_str_eq(date, "2026-11-23");
	ck_assert_int_eq(dates_local_weekday(t), 0); /* a Monday */
	/* The day of the spring change has 23 hours. */
	time_t a, b;
	ck_assert_int_eq(dates_local_instant("2026-03-29", 0, &a), 0);
	ck_assert_int_eq(dates_local_instant("2026-03-30", 0, &b), 0);
	ck_assert_int_eq((int)(b - a), 23 * 3600);
	ck_assert_int_eq(dates_local_day_start(a + 5 * 3600) == a, 1);
}
END_TEST

TEST(test_dates__add_days_and_months)
{
	char out[DATES_DATE_LEN];
	int diff;
	ck_assert_int_eq(dates_add_days("2026-12-30", 3, out), 0);
	ck_assert_str_eq(out, "2027-01-02");
	ck_assert_int_eq(dates_add_days("2024-03-01", -1, out), 0);
	ck_assert_str_eq(out, "2024-02-29");
	ck_assert_int_eq(dates_add_months("2027-01-31", 1, out), 0);
	ck_assert_str_eq(out, "2027-02-28");
	ck_assert_int_eq(dates_add_months("2026-11-25", 6, out), 0);
	ck_assert_str_eq(out, "2027-05-25");
	ck_assert_int_eq(dates_add_months("2026-02-31", 1, out), -1);
	ck_assert_int_eq(dates_diff_days("2026-11-25", "2027-11-25", &diff), 0);
	ck_assert_int_eq(diff, 365);
}
END_TEST

/* A local time as typed: "HH:MM" on a given day or "YYYY-MM-DD HH:MM"; the hour the change
 * to summer time skips does not exist (the test runs in Europe/Amsterdam). */
TEST(test_dates__read_local)
{
	time_t t = 0, u = 0;
	testutil_amsterdam();
	ck_assert_int_eq(dates_read_local(NULL, "2026-11-23", &t), DATES_LOCAL_MALFORMED);
	ck_assert_int_eq(dates_read_local("9:30", "2026-11-23", &t), DATES_LOCAL_MALFORMED);
	ck_assert_int_eq(dates_read_local("09:30", NULL, &t), DATES_LOCAL_MALFORMED);
	ck_assert_int_eq(dates_read_local("24:00", "2026-11-23", &t), DATES_LOCAL_MALFORMED);
	ck_assert_int_eq(dates_read_local("09:30", "2026-02-30", &t), DATES_LOCAL_MALFORMED);
	ck_assert_int_eq(dates_read_local("2026-11-23T09:30", NULL, &t), DATES_LOCAL_MALFORMED);
	ck_assert_int_eq(dates_read_local("2026-03-29 02:30", NULL, &t), DATES_LOCAL_NO_SUCH);
	ck_assert_int_eq(dates_read_local("02:30", "2026-03-29", &t), DATES_LOCAL_NO_SUCH);
	ck_assert_int_eq(dates_read_local("09:30", "2026-11-23", &t), DATES_LOCAL_OK);
	ck_assert_int_eq(dates_read_local("2026-11-23 09:30", "2026-01-01", &u), DATES_LOCAL_OK);
	ck_assert_int_eq((int)(u - t), 0);
	ck_assert_int_eq(dates_parse_utc("2026-11-23T08:30:00Z", &u), 0);
	ck_assert_int_eq((int)(u - t), 0);
}
END_TEST

/* Every form the desk may type, and what it means. */
TEST(test_dates__read_accepts_every_form)
{
	static const struct { const char *in, *today; enum dates_century c; const char *out; } ok[] = {
		{"3-2-1980", NULL, DATES_PAST, "1980-02-03"},       /* d-m-yyyy */
		{"03-02-1980", NULL, DATES_PAST, "1980-02-03"},     /* dd-mm-yyyy */
		{"1980-02-03", NULL, DATES_PAST, "1980-02-03"},     /* yyyy-mm-dd */
		{"1980-2-3", NULL, DATES_PAST, "1980-02-03"},
		{"03021980", NULL, DATES_PAST, "1980-02-03"},       /* ddmmyyyy */
		{"3/2/1980", NULL, DATES_PAST, "1980-02-03"},
		{"3.2.1980", NULL, DATES_PAST, "1980-02-03"},
		{"  3-2-1980 ", NULL, DATES_PAST, "1980-02-03"},
		{"29-02-2000", NULL, DATES_PAST, "2000-02-29"},     /* a leap day */
		{"1-2-80", "2026-07-01", DATES_PAST, "1980-02-01"}, /* d-m-yy: 46 years old */
		{"1-2-05", "2026-07-01", DATES_PAST, "2005-02-01"}, /* 21 years old */
		{"1-7-26", "2026-07-01", DATES_PAST, "2026-07-01"}, /* born today: 0 */
		{"2-7-26", "2026-07-01", DATES_PAST, "1926-07-02"}, /* tomorrow: 99 years ago */
		{"29-2-00", "2026-07-01", DATES_PAST, "2000-02-29"},
		{"1-2-27", "2026-07-01", DATES_NEAR, "2027-02-01"}, /* a ban's end: next year */
		{"1-2-80", "2026-07-01", DATES_NEAR, "1980-02-01"},
		{"31-12-99", "2080-01-01", DATES_NEAR, "2099-12-31"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		char out[DATES_DATE_LEN] = "x";
		ck_assert_msg(dates_read(ok[i].in, ok[i].today, ok[i].c, out) == 0, "refused %s",
			      ok[i].in);
		ck_assert_str_eq(out, ok[i].out);
		ck_assert_msg(dates_is_date_like(ok[i].in), "%s does not look like a date", ok[i].in);
	}
}
END_TEST

/* Every invalid form, and impossible days: refused, never read as something else. */
TEST(test_dates__read_refuses_invalid_forms)
{
	static const char *bad[] = {
		"", "   ", "31-02-1980", "30-02-1980", "29-02-1981", "31-04-2026", "32-1-1980",
		"0-1-1980", "1-0-1980", "1-13-1980", "00-00-0000", "1980-02-30", "1980-13-01",
		"03-02-1899",                                    /* before 1900 */
		"3-2-198", "3-2-19800", "3--2-1980", "3-2/1980", "3-2-1980-1", "-3-2-1980",
		"3-2-", "3-2", "1980", "80", "0302198", "030219800", "31021980", "19800203",
		"123-2-1980", "3-123-1980", "1980-02-031x", "3-2-1980x", "a-b-c", "Jan",
		"3 2 1980", "3-2-80",                            /* two digits without today */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char out[DATES_DATE_LEN] = "x";
		ck_assert_msg(dates_read(bad[i], NULL, DATES_PAST, out) == -1, "accepted \"%s\"",
			      bad[i]);
		ck_assert_str_eq(out, "");
	}
	char out[DATES_DATE_LEN];
	ck_assert_int_eq(dates_read(NULL, "2026-07-01", DATES_PAST, out), -1);
	ck_assert_int_eq(dates_read("31-02-80", "2026-07-01", DATES_PAST, out), -1);
	ck_assert_int_eq(dates_read("29-02-81", "2026-07-01", DATES_PAST, out), -1);
	ck_assert_int_eq(dates_read("1-2-8", "2026-07-01", DATES_PAST, out), -1);
	/* a bad today is no today: a two-digit year is then refused */
	ck_assert_int_eq(dates_read("1-2-80", "2026-02-30", DATES_PAST, out), -1);
}
END_TEST

TEST(test_dates__date_like_words)
{
	ck_assert(dates_is_date_like("31-02-1980"));
	ck_assert(dates_is_date_like("1980"));
	ck_assert(dates_is_date_like("3.2"));
	ck_assert(!dates_is_date_like(""));
	ck_assert(!dates_is_date_like("-/."));
	ck_assert(!dates_is_date_like("Jansen"));
	ck_assert(!dates_is_date_like("3-2-1980x"));
	ck_assert(!dates_is_date_like("3-2 1980"));
	ck_assert(!dates_is_date_like(NULL));
}
END_TEST

/* BALIE_NOW fixes "now"; with a trailing '+' it runs from there; anything else is ignored. */
TEST(test_dates__clock_fixed_running_or_ignored)
{
	time_t base;
	ck_assert_int_eq(dates_parse_utc("2026-11-26T22:59:52Z", &base), 0);
	ck_assert_int_eq(setenv("BALIE_NOW", "2026-11-26T22:59:52Z", 1), 0);
	ck_assert_int_eq((long long)clock_now(), (long long)base);
	ck_assert_int_eq(setenv("BALIE_NOW", "2026-11-26T22:59:52Z+", 1), 0);
	time_t first = clock_now();
	ck_assert_int_ge((long long)first, (long long)base);
	ck_assert_int_lt((long long)first, (long long)base + 60);
	time_t later = clock_now();
	ck_assert_int_ge((long long)later, (long long)first);
	/* not an instant, or too long to be one: the real clock */
	const char *ignored[] = {"yesterday", "+", "2026-11-26T22:59:52Z++",
				 "2026-11-26T22:59:52Z                                       +"};
	for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++) {
		ck_assert_int_eq(setenv("BALIE_NOW", ignored[i], 1), 0);
		ck_assert_msg(clock_now() > base + 86400, "%s was taken as now", ignored[i]);
	}
	ck_assert_int_eq(unsetenv("BALIE_NOW"), 0);
}
END_TEST

Suite *dates_suite(void)
{
	return testutil_suite("dates", NULL, NULL);
}
