/* test_visitor — the visitor check's rules: the query read into name and date of birth
 * (every date form, every invalid one kept visible), the step per candidate, the wording. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "core/lib.h"
#include "tests.h"

#define TODAY "2026-07-01"

/* visitor_read_query(text) reads these names, date of birth and invalid date (NULL: any). */
static void expect_query(const char *text, const char *names, const char *born, const char *bad)
{
	struct visitor_query q;
	visitor_read_query(text, TODAY, &q);
	const char *t = text ? text : "(none)";
	ck_assert_msg(!names || strcmp(q.names, names) == 0, "\"%s\": names \"%s\", not \"%s\"", t,
		      q.names, names);
	ck_assert_msg(!born || strcmp(q.born, born) == 0, "\"%s\": born \"%s\", not \"%s\"", t,
		      q.born, born);
	ck_assert_msg(!bad || strcmp(q.bad_date, bad) == 0, "\"%s\": bad date \"%s\", not \"%s\"",
		      t, q.bad_date, bad);
}

TEST(test_visitor__read_query_invalid_dates_are_kept)
{
	static const char *bad[] = {"31-02-1980", "1-13-80", "29-02-1981", "1980", "3-2-2030",
				    "03021", "3-2-198", "0-0-0"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[64];
		snprintf(text, sizeof text, "Jan de Vries %s", bad[i]);
		expect_query(text, "Jan de Vries", "", bad[i]);
	}
	/* a second date is not silently dropped either */
	expect_query("Jan 3-2-1980 4-5-1981", NULL, "1980-02-03", "4-5-1981");
	expect_query(NULL, "", "", "");
}
END_TEST

TEST(test_visitor__read_query_every_date_form)
{
	static const char *forms[] = {"1-2-1980", "01-02-1980", "1-2-80", "1980-02-01",
				      "01021980", "1/2/1980", "1.2.1980"};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		char text[64];
		snprintf(text, sizeof text, "  %s   Vries, Jan de ", forms[i]);
		expect_query(text, "Vries, Jan de", "1980-02-01", "");
	}
	/* a date alone: no name, a date of birth to search by */
	expect_query("1-2-80", "", "1980-02-01", NULL);
	/* a word with a digit and a letter is a name word (an initial, a typo), not a date */
	expect_query("J2 Jansen", "J2 Jansen", "", NULL);
}
END_TEST

static struct visitor_case entry_match(void)
{
	return (struct visitor_case){
		.verdict = NAMES_MATCH, .ban_born_known = true, .kind = BAN_BUILDING,
		.here = POLICY_HERE_APPLIES,
	};
}

TEST(test_visitor__step_per_kind_and_place)
{
	struct visitor_case c = entry_match();
	ck_assert_int_eq(visitor_step(&c), VISITOR_REFUSE);
	ck_assert(visitor_step_stops(VISITOR_REFUSE));
	c.verdict = NAMES_POSSIBLE;
	ck_assert_int_eq(visitor_step(&c), VISITOR_CHECK_ID);
	c = entry_match();
	c.kind = BAN_SERVICE;
	ck_assert_int_eq(visitor_step(&c), VISITOR_LET_IN_SERVICE);
	ck_assert(!visitor_step_stops(VISITOR_LET_IN_SERVICE));
	c = entry_match();
	c.kind = BAN_PHONE;
	c.here = POLICY_HERE_PHONE_ONLY;
	ck_assert_int_eq(visitor_step(&c), VISITOR_LET_IN_PHONE);
	c.kind = BAN_WARNING;
	c.here = POLICY_HERE_WARNING;
	ck_assert_int_eq(visitor_step(&c), VISITOR_LET_IN_WARNING);
	c = entry_match();
	c.here = POLICY_HERE_OTHER_BUILDING;
	ck_assert_int_eq(visitor_step(&c), VISITOR_LET_IN_ELSEWHERE);
	c = entry_match();
	c.exception = VISITOR_EXC_APPOINTMENT;
	ck_assert_int_eq(visitor_step(&c), VISITOR_LET_IN_ALLOWED);
	/* a representative may be served; the person named is still refused */
	c.exception = VISITOR_EXC_REPRESENTATIVE;
	ck_assert_int_eq(visitor_step(&c), VISITOR_REFUSE);
}
END_TEST

TEST(test_visitor__common_name_without_date_asks_first)
{
	struct visitor_case c = entry_match();
	c.common_name = true;
	ck_assert_int_eq(visitor_step(&c), VISITOR_ASK_BORN);
	ck_assert(!visitor_step_stops(VISITOR_ASK_BORN));
	c.born_typed = true; /* the date of birth was typed and matches */
	ck_assert_int_eq(visitor_step(&c), VISITOR_REFUSE);
	c.born_typed = false;
	c.ban_born_known = false; /* nothing to ask about: the ID decides */
	ck_assert_int_eq(visitor_step(&c), VISITOR_REFUSE);
	c = entry_match(); /* a rare name: refuse at once */
	ck_assert_int_eq(visitor_step(&c), VISITOR_REFUSE);
}
END_TEST

TEST(test_visitor__common_surnames)
{
	ck_assert(visitor_common_surname("Jansen"));
	ck_assert(visitor_common_surname("JANSEN"));
	ck_assert(visitor_common_surname("Vries"));
	ck_assert(visitor_common_surname("Dijk-Zwanenburg"));
	ck_assert(visitor_common_surname("Yilmaz"));
	ck_assert(visitor_common_surname("Yılmaz"));
	ck_assert(!visitor_common_surname("Zwanenburg"));
	ck_assert(!visitor_common_surname(""));
	ck_assert(!visitor_common_surname(NULL));
}
END_TEST

TEST(test_visitor__wording_names_kind_end_and_place)
{
	char out[2000];
	visitor_hit_summary(BAN_BUILDING, "2027-01-31", "Stadhuis", out, sizeof out);
	ck_assert_str_eq(out, "entry ban until 2027-01-31, Stadhuis");
	visitor_hit_summary(BAN_SERVICE, "2027-01-31", "all buildings", out, sizeof out);
	ck_assert_str_eq(out, "service suspension until 2027-01-31, all buildings");
	visitor_hit_summary(BAN_PHONE, "2027-01-31", "Stadhuis", out, sizeof out);
	ck_assert_str_eq(out, "phone ban until 2027-01-31");
	visitor_hit_summary(BAN_WARNING, "2027-01-31", "Stadhuis", out, sizeof out);
	ck_assert_str_eq(out, "written warning until 2027-01-31");

	struct visitor_ban_facts f = {.ends = "2027-01-31", .born = "1980-02-03",
				      .buildings = "Stadhuis", .exception_detail = ""};
	struct visitor_case c = entry_match();
	visitor_advice(&c, &f, "HIT", "POSS", out, sizeof out);
	ck_assert_str_eq(out, "HIT");
	c.kind = BAN_SERVICE;
	f.until_conversation = true;
	visitor_advice(&c, &f, "HIT", "POSS", out, sizeof out);
	ck_assert_msg(strncmp(out, "Let them in; service is suspended until 2027-01-31 or until "
			      "an order conversation", 80) == 0, "%s", out);
	c = entry_match();
	c.common_name = true;
	visitor_advice(&c, &f, "HIT", "POSS", out, sizeof out);
	ck_assert_msg(strstr(out, "ask for the date of birth") && strstr(out, "1980-02-03"), "%s",
		      out);
	c.verdict = NAMES_POSSIBLE;
	c.born_differs = true;
	visitor_advice(&c, &f, "HIT", "POSS", out, sizeof out);
	ck_assert_msg(strstr(out, "differs") && strstr(out, "POSS"), "%s", out);
	c = entry_match();
	c.exception = VISITOR_EXC_REPRESENTATIVE;
	f.exception_detail = "mr. A. Pieters";
	visitor_advice(&c, &f, "HIT", "POSS", out, sizeof out);
	ck_assert_msg(strncmp(out, "HIT A representative", 20) == 0 &&
		      strstr(out, "mr. A. Pieters"), "%s", out);
	for (int s = 0; s < VISITOR_STEP_COUNT; s++)
		ck_assert_str_ne(visitor_step_word((enum visitor_step)s), "?");
}
END_TEST

Suite *visitor_suite(void)
{
	return testutil_suite("visitor", NULL, NULL);
}
