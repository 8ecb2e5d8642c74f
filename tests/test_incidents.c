/* test_incidents — the incident rules: names of categories and answers, spans and working
 * days, every follow-up deadline at its boundary, repeat offences, splitting a name, and the
 * report's counting (period boundaries, months, tallies, the previous period). */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lib.h"
#include "tests.h"

TEST(test_incidents__names_reject_unknown)
{
	enum incident_category c = INCIDENT_OTHER;
	enum incident_channel ch = CHANNEL_ONLINE;
	enum incident_injury i = INJURY_LIGHT;
	enum incident_police p = POLICE_INFORMED;
	enum incident_answer a = ANSWER_YES;
	static const char *bad[] = {"", "Verbal", "verbal ", "fysiek", "home_visit", "?"};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		ck_assert_int_eq(incidents_category_parse(bad[k], &c), -1);
		ck_assert_int_eq(incidents_channel_parse(bad[k], &ch), -1);
		ck_assert_int_eq(incidents_injury_parse(bad[k], &i), -1);
		ck_assert_int_eq(incidents_police_parse(bad[k], &p), -1);
		ck_assert_int_eq(incidents_answer_parse(bad[k], &a), -1);
	}
	ck_assert_int_eq(incidents_category_parse(NULL, &c), -1);
	ck_assert_int_eq(c, INCIDENT_OTHER);
	ck_assert_int_eq(a, ANSWER_YES);
	ck_assert_str_eq(incidents_category_name((enum incident_category)99), "?");
}
END_TEST

TEST(test_incidents__names_round_trip)
{
	for (int c = 0; c < INCIDENT_CATEGORY_COUNT; c++) {
		enum incident_category back;
		ck_assert_int_eq(incidents_category_parse(
					 incidents_category_name((enum incident_category)c), &back), 0);
		ck_assert_int_eq(back, c);
	}
	for (int c = 0; c < INCIDENT_CHANNEL_COUNT; c++) {
		enum incident_channel back;
		ck_assert_int_eq(incidents_channel_parse(
					 incidents_channel_name((enum incident_channel)c), &back), 0);
		ck_assert_int_eq(back, c);
	}
	enum incident_police p;
	ck_assert_int_eq(incidents_police_parse("report", &p), 0);
	ck_assert_int_eq(p, POLICE_REPORT);
	enum incident_channel ch;
	ck_assert_int_eq(incidents_channel_parse("home-visit", &ch), 0);
	ck_assert_int_eq(ch, CHANNEL_HOME_VISIT);
	char list[256];
	incidents_category_list(list, sizeof list);
	ck_assert_str_eq(list, "verbal, discrimination, sexual, threat, obstruction, property, "
			       "attempt, physical, robbery, other");
	incidents_channel_list(list, 20);
	ck_assert_str_eq(list, "counter, phone"); /* cut short, never overflowing */
	ck_assert_int_eq(incidents_default_sanction(INCIDENT_ROBBERY), REASON_PHYSICAL);
	ck_assert_int_eq(incidents_default_sanction(INCIDENT_SEXUAL), REASON_VERBAL);
	ck_assert_int_eq(incidents_default_sanction(INCIDENT_PROPERTY), REASON_PROPERTY);
}
END_TEST

TEST(test_incidents__span_parse)
{
	static const char *bad[] = {"", "24", "h", "0h", "24x", "24h ", " 24h", "3-1d", "1-3",
				    "1000d", "1--3d", "-3d", "24hh", "1-0d", "0-0w"};
	struct incidents_span s = {7, 7, 'h'};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(incidents_span_parse(bad[i], &s) == -1, "accepted \"%s\"", bad[i]);
	ck_assert_int_eq(incidents_span_parse(NULL, &s), -1);
	ck_assert_int_eq(s.from, 7);
	ck_assert_int_eq(incidents_span_parse("24h", &s), 0);
	ck_assert_int_eq(s.from, 0);
	ck_assert_int_eq(s.to, 24);
	ck_assert_int_eq(s.unit, 'h');
	ck_assert_int_eq(incidents_span_parse("4-6w", &s), 0);
	ck_assert_int_eq(s.from, 4);
	ck_assert_int_eq(s.to, 6);
	char text[INCIDENTS_SPAN_TEXT];
	incidents_span_text(&s, text);
	ck_assert_str_eq(text, "4-6w");
	ck_assert_int_eq(incidents_span_parse("14d", &s), 0);
	incidents_span_text(&s, text);
	ck_assert_str_eq(text, "14d");
	ck_assert_int_eq(incidents_span_parse("0-999d", &s), 0);
}
END_TEST

TEST(test_incidents__span_apply)
{
	testutil_amsterdam();
	time_t at = testutil_utc("2026-03-10T15:20:00Z"), s, d; /* Tuesday 16:20 local */
	struct incidents_span span;
	ck_assert_int_eq(incidents_span_parse("24h", &span), 0);
	ck_assert_int_eq(incidents_span_apply(&span, at, &s, &d), 0);
	ck_assert_int_eq(s, at);
	ck_assert_int_eq(d, at + 24 * 3600);
	/* "1-3d": from local midnight after the day, to the end of the third day after it. */
	ck_assert_int_eq(incidents_span_parse("1-3d", &span), 0);
	ck_assert_int_eq(incidents_span_apply(&span, at, &s, &d), 0);
	ck_assert_int_eq(s, testutil_utc("2026-03-10T23:00:00Z"));
	ck_assert_int_eq(d, testutil_utc("2026-03-13T23:00:00Z"));
	/* Weeks across the change to summer time (29 March): midnight is 22:00 UTC then. */
	ck_assert_int_eq(incidents_span_parse("4-6w", &span), 0);
	ck_assert_int_eq(incidents_span_apply(&span, at, &s, &d), 0);
	ck_assert_int_eq(s, testutil_utc("2026-04-06T22:00:00Z"));
	ck_assert_int_eq(d, testutil_utc("2026-04-21T22:00:00Z"));
	span.unit = 'x';
	ck_assert_int_eq(incidents_span_apply(&span, at, &s, &d), -1);
}
END_TEST

TEST(test_incidents__working_days)
{
	testutil_amsterdam();
	/* Friday 2026-03-13 10:00: five working days end with Friday 20 March. */
	time_t fri = testutil_utc("2026-03-13T09:00:00Z");
	ck_assert_int_eq(incidents_working_days(fri, 5), testutil_utc("2026-03-20T23:00:00Z"));
	ck_assert_int_eq(incidents_working_days(fri, 1), testutil_utc("2026-03-16T23:00:00Z"));
	ck_assert_int_eq(incidents_working_days(fri, 0), testutil_utc("2026-03-13T23:00:00Z"));
	/* Saturday evening: the weekend does not count; Monday is the first working day. */
	time_t sat = testutil_utc("2026-03-14T20:00:00Z");
	ck_assert_int_eq(incidents_working_days(sat, 1), testutil_utc("2026-03-16T23:00:00Z"));
	ck_assert_int_eq(incidents_working_days(sat, 5), testutil_utc("2026-03-20T23:00:00Z"));
}
END_TEST

/* The due item with key, or NULL. */
static const struct incident_due *item(const struct incident_due *d, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(d[i].key, key) == 0)
			return &d[i];
	return NULL;
}

/* The rules of the "due" test case: the defaults, set by its fixture with Amsterdam time. */
static struct incidents_rules rules;

static void due_setup(void)
{
	testutil_amsterdam();
	incidents_rules_default(&rules);
}

static struct incident_facts facts(const char *at, enum incident_category c)
{
	struct incident_facts f;
	memset(&f, 0, sizeof f);
	f.at = testutil_utc(at);
	f.category = c;
	return f;
}

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "due"

TEST(test_incidents__due_verbal_unknown_perpetrator)
{
	struct incident_facts f = facts("2026-03-10T15:20:00Z", INCIDENT_VERBAL);
	struct incident_due d[INCIDENTS_MAX_ITEMS];
	size_t n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	/* Only the three aftercare contacts: no perpetrator, not serious, no police. */
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(d[0].key, "aftercare1");
	ck_assert_str_eq(d[1].key, "aftercare2");
	ck_assert_str_eq(d[2].key, "aftercare3");
	ck_assert_int_eq(d[1].due, f.at + 48 * 3600);
	ck_assert_int_eq(d[2].due, testutil_utc("2026-03-24T23:00:00Z")); /* end of day 14 */
	/* Aftercare declined: nothing is due. */
	f.aftercare = ANSWER_NO;
	ck_assert_uint_eq(incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS), 0);
	ck_assert_uint_eq(incidents_due(NULL, &f, d, INCIDENTS_MAX_ITEMS), 0);
}
END_TEST

TEST(test_incidents__due_physical)
{
	/* Friday 13 March 2026, 10:00 local. */
	struct incident_facts f = facts("2026-03-13T09:00:00Z", INCIDENT_PHYSICAL);
	f.perpetrator_known = true;
	f.conversation_proposed = true;
	struct incident_due d[INCIDENTS_MAX_ITEMS];
	size_t n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	const struct incident_due *help = item(d, n, "help"), *reaction = item(d, n, "reaction");
	const struct incident_due *police = item(d, n, "police"), *conv = item(d, n, "conversation");
	ck_assert_ptr_nonnull(help);
	ck_assert_int_eq(help->due, testutil_utc("2026-03-20T23:00:00Z")); /* 5 working days */
	ck_assert_ptr_nonnull(reaction);
	ck_assert_int_eq(reaction->due, f.at + 48 * 3600);
	ck_assert_ptr_nonnull(police);
	ck_assert_int_eq(police->due, testutil_utc("2026-03-16T23:00:00Z")); /* end of day 3 */
	ck_assert_ptr_nonnull(conv);
	ck_assert_int_eq(conv->due, testutil_utc("2026-03-18T23:00:00Z")); /* end of day 5 */
	ck_assert_ptr_null(item(d, n, "minutes"));
	ck_assert_ptr_null(item(d, n, "inspectorate"));
	/* In order of due time. */
	for (size_t i = 1; i < n; i++)
		ck_assert_int_le(d[i - 1].due, d[i].due);

	/* The reaction's boundary: open one second before 48 h, overdue at 48 h. */
	ck_assert_int_eq(incidents_due_state(reaction, false, f.at + 48 * 3600 - 1), DUE_OPEN);
	ck_assert_int_eq(incidents_due_state(reaction, false, f.at + 48 * 3600), DUE_OVERDUE);
	ck_assert_int_eq(incidents_due_state(reaction, true, f.at + 99 * 3600), DUE_DONE);
	ck_assert_str_eq(incidents_due_state_name(DUE_OVERDUE), "overdue");
}
END_TEST

TEST(test_incidents__due_done_by_the_form)
{
	struct incident_facts f = facts("2026-03-13T09:00:00Z", INCIDENT_THREAT);
	f.perpetrator_known = true;
	f.police = POLICE_INFORMED; /* informed is not a report */
	struct incident_due d[INCIDENTS_MAX_ITEMS];
	size_t n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	const struct incident_due *police = item(d, n, "police");
	ck_assert_ptr_nonnull(police);
	ck_assert(!police->done_by_fact);
	/* No conversation proposed and none held: no conversation item. */
	ck_assert_ptr_null(item(d, n, "conversation"));

	f.police = POLICE_REPORT;
	strcpy(f.police_date, "2026-03-14");
	strcpy(f.conversation_date, "2026-03-17");
	n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	police = item(d, n, "police");
	ck_assert(police->done_by_fact);
	ck_assert_str_eq(police->done_date, "2026-03-14");
	ck_assert_int_eq(incidents_due_state(police, false, f.at + 999999), DUE_DONE);
	/* A conversation held asks for its minutes: from that day to the end of day 5 after. */
	const struct incident_due *conv = item(d, n, "conversation");
	const struct incident_due *min = item(d, n, "minutes");
	ck_assert_ptr_nonnull(conv);
	ck_assert(conv->done_by_fact);
	ck_assert_ptr_nonnull(min);
	ck_assert(!min->done_by_fact);
	ck_assert_int_eq(min->starts, testutil_utc("2026-03-16T23:00:00Z"));
	ck_assert_int_eq(min->due, testutil_utc("2026-03-22T23:00:00Z"));
	ck_assert_int_eq(incidents_due_state(min, false, testutil_utc("2026-03-15T12:00:00Z")),
			 DUE_LATER);
	strcpy(f.minutes_sent, "2026-03-18");
	n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	ck_assert(item(d, n, "minutes")->done_by_fact);
}
END_TEST

TEST(test_incidents__due_serious_injury)
{
	/* Verbal aggression is not serious, but a serious injury makes it so. */
	struct incident_facts f = facts("2026-03-13T09:00:00Z", INCIDENT_VERBAL);
	ck_assert(!incidents_serious(&rules, &f));
	f.injury = INJURY_LIGHT;
	ck_assert(!incidents_serious(&rules, &f));
	f.injury = INJURY_SERIOUS;
	ck_assert(incidents_serious(&rules, &f));
	struct incident_due d[INCIDENTS_MAX_ITEMS];
	size_t n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	const struct incident_due *insp = item(d, n, "inspectorate");
	ck_assert_ptr_nonnull(insp);
	/* At once: overdue from the moment it happened until marked done. */
	ck_assert_int_eq(insp->due, f.at);
	ck_assert_int_eq(incidents_due_state(insp, false, f.at), DUE_OVERDUE);
	ck_assert_ptr_nonnull(item(d, n, "help"));
	ck_assert_str_eq(d[0].key, "inspectorate"); /* the earliest */
	/* A small buffer takes what fits. */
	ck_assert_uint_eq(incidents_due(&rules, &f, d, 2), 2);
}
END_TEST

TEST(test_incidents__due_configured_schedule)
{
	/* Ermelo: directly, 1-3 days, 4-6 weeks; police within 7 days; robbery not serious. */
	rules.naftercare = 0;
	static const char *spans[] = {"24h", "1-3d", "4-6w"};
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_eq(incidents_span_parse(spans[i],
						      &rules.aftercare[rules.naftercare++]), 0);
	rules.police_days = 7;
	rules.serious_categories = 0;
	struct incident_facts f = facts("2026-03-10T15:20:00Z", INCIDENT_ROBBERY);
	struct incident_due d[INCIDENTS_MAX_ITEMS];
	size_t n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	ck_assert_ptr_null(item(d, n, "help"));
	ck_assert_int_eq(item(d, n, "police")->due, testutil_utc("2026-03-17T23:00:00Z"));
	const struct incident_due *third = item(d, n, "aftercare3");
	ck_assert_ptr_nonnull(third);
	ck_assert_int_eq(incidents_due_state(third, false, testutil_utc("2026-04-06T21:59:59Z")),
			 DUE_LATER);
	ck_assert_int_eq(incidents_due_state(third, false, testutil_utc("2026-04-06T22:00:00Z")),
			 DUE_OPEN);
	char label[128];
	incidents_item_label(third, label, sizeof label);
	ck_assert_str_eq(label, "aftercare contact 3 with the employee (4-6w)");
	/* No police categories: no report is due. */
	rules.police_categories = 0;
	n = incidents_due(&rules, &f, d, INCIDENTS_MAX_ITEMS);
	ck_assert_ptr_null(item(d, n, "police"));
}
END_TEST

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "core"

TEST(test_incidents__item_keys)
{
	enum incident_item it = ITEM_HELP;
	int idx = 5;
	static const char *bad[] = {"", "aftercare", "aftercare0", "aftercare9", "aftercare10",
				    "Help", "police ", "aftercare1x"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(incidents_item_parse(bad[i], &it, &idx) == -1, "accepted %s", bad[i]);
	ck_assert_int_eq(incidents_item_parse(NULL, &it, &idx), -1);
	ck_assert_int_eq(it, ITEM_HELP);
	ck_assert_int_eq(incidents_item_parse("aftercare2", &it, &idx), 0);
	ck_assert_int_eq(it, ITEM_AFTERCARE);
	ck_assert_int_eq(idx, 1);
	char key[INCIDENTS_KEY_LEN];
	for (int i = ITEM_HELP; i < INCIDENT_ITEM_COUNT; i++) {
		incidents_item_key((enum incident_item)i, 0, key);
		ck_assert_int_eq(incidents_item_parse(key, &it, &idx), 0);
		ck_assert_int_eq(it, i);
	}
	incidents_item_key(ITEM_AFTERCARE, 7, key);
	ck_assert_str_eq(key, "aftercare8");
}
END_TEST

TEST(test_incidents__offence)
{
	struct incidents_earlier e = {0, 0, 0};
	ck_assert_int_eq(incidents_offence(&e), SANCTION_FIRST);
	ck_assert_int_eq(incidents_offence(NULL), SANCTION_FIRST);
	e.incidents = 1;
	ck_assert_int_eq(incidents_offence(&e), SANCTION_REPEAT);
	e.incidents = 0;
	e.kept = 1; /* a pseudonymised record still counts */
	ck_assert_int_eq(incidents_offence(&e), SANCTION_REPEAT);
	e.kept = 0;
	e.bans = 2;
	ck_assert_int_eq(incidents_offence(&e), SANCTION_REPEAT);
}
END_TEST

TEST(test_incidents__split_name)
{
	char g[64], p[32], s[64];
	static const char *bad[] = {"", "   ", "de", "van der", ",", ", Jan"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(incidents_split_name(bad[i], g, sizeof g, p, sizeof p, s, sizeof s) ==
				      -1, "accepted \"%s\"", bad[i]);
	ck_assert_int_eq(incidents_split_name(NULL, g, sizeof g, p, sizeof p, s, sizeof s), -1);
	ck_assert_int_eq(incidents_split_name("\xff\xfe", g, sizeof g, p, sizeof p, s, sizeof s),
			 -1);
	static const struct {
		const char *in, *given, *prefix, *surname;
	} ok[] = {
		{"Jan de Vries", "Jan", "de", "Vries"},
		{"  Jan  de  Vries ", "Jan", "de", "Vries"},
		{"Vries, Jan de", "Jan", "de", "Vries"},
		{"J.P. van der Berg", "J.P.", "van der", "Berg"},
		{"Mehmet Çelik", "Mehmet", "", "Çelik"},
		{"Çelik", "", "", "Çelik"},
		{"Van Dijk-Jansen", "", "Van", "Dijk-Jansen"},
		{"Anna 't Hart", "Anna", "'t", "Hart"},
		{"Karim el Amrani", "Karim el", "", "Amrani"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		ck_assert_msg(incidents_split_name(ok[i].in, g, sizeof g, p, sizeof p, s, sizeof s) ==
				      0, "refused \"%s\"", ok[i].in);
		ck_assert_str_eq(g, ok[i].given);
		ck_assert_str_eq(p, ok[i].prefix);
		ck_assert_str_eq(s, ok[i].surname);
	}
}
END_TEST

TEST(test_incidents__pseudonym)
{
	const unsigned char key[] = "0123456789abcdef0123456789abcdef";
	struct incidents_pseudonym a, b;
	incidents_pseudonymise(key, 32, "Jan", "de", "Vries", "1968-03-14", &a);
	/* ASCII case does not matter, as for the same-person rule in SQL. */
	incidents_pseudonymise(key, 32, "jan", "De", "VRIES", "1968-03-14", &b);
	ck_assert_str_eq(a.name, b.name);
	ck_assert_str_eq(a.born, b.born);
	ck_assert_str_eq(a.initial, b.initial);
	/* Only the first initial counts. */
	incidents_pseudonymise(key, 32, "Johannes", "de", "Vries", "", &b);
	ck_assert_str_eq(a.initial, b.initial);
	ck_assert_str_eq(b.born, ""); /* unknown stays unknown */
	/* Another surname, prefix, date or key: other hashes. */
	incidents_pseudonymise(key, 32, "Jan", "", "Devries", "1968-03-14", &b);
	ck_assert_str_ne(a.name, b.name);
	incidents_pseudonymise(key, 32, "Jan", "de", "Vries", "1968-03-15", &b);
	ck_assert_str_eq(a.name, b.name);
	ck_assert_str_ne(a.born, b.born);
	incidents_pseudonymise(key, 31, "Jan", "de", "Vries", "1968-03-14", &b);
	ck_assert_str_ne(a.name, b.name);
	/* No given names: no initial; a multi-byte first letter is taken whole. */
	incidents_pseudonymise(key, 32, "", NULL, "Çelik", NULL, &b);
	ck_assert_str_eq(b.initial, "");
	ck_assert_uint_eq(strlen(b.name), 64);
	incidents_pseudonymise(key, 32, "Émile", "", "Çelik", "", &a);
	incidents_pseudonymise(key, 32, "Éva", "", "Çelik", "", &b);
	ck_assert_str_eq(a.initial, b.initial);
}
END_TEST

TEST(test_incidents__form_missing)
{
	ck_assert_uint_eq(incidents_form_missing(NULL, ANSWER_OPEN, ANSWER_OPEN, ANSWER_OPEN,
						 ANSWER_OPEN), 31);
	ck_assert_uint_eq(incidents_form_missing("", ANSWER_NO, ANSWER_YES, ANSWER_NO, ANSWER_NO),
			  INCIDENT_MISSING_DESCRIPTION);
	ck_assert_uint_eq(incidents_form_missing("x", ANSWER_NO, ANSWER_OPEN, ANSWER_NO,
						 ANSWER_OPEN),
			  INCIDENT_MISSING_AFTERCARE | INCIDENT_MISSING_DISCUSSED);
	ck_assert_uint_eq(incidents_form_missing("x", ANSWER_NO, ANSWER_NO, ANSWER_NO, ANSWER_YES),
			  0);
	ck_assert_str_eq(incidents_missing_option(1), "--risk-assessed");
	ck_assert_str_eq(incidents_missing_option(5), "?");
	ck_assert_str_eq(incidents_missing_option(-1), "?");
}
END_TEST

TEST(test_incidents__conversation_proposed)
{
	struct sanction_table t;
	memset(&t, 0, sizeof t);
	t.cat[REASON_VERBAL].present = true;
	t.cat[REASON_VERBAL].first.conversation = true;
	t.cat[REASON_PHYSICAL].present = true;
	struct incidents_rules r;
	incidents_rules_default(&r);
	enum ban_reason map[INCIDENT_CATEGORY_COUNT];
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++)
		map[i] = incidents_default_sanction((enum incident_category)i);
	struct incidents_policy p = {&r, map, &t};
	ck_assert(incidents_conversation_proposed(&p, INCIDENT_DISCRIMINATION, SANCTION_FIRST));
	ck_assert(!incidents_conversation_proposed(&p, INCIDENT_VERBAL, SANCTION_REPEAT));
	ck_assert(!incidents_conversation_proposed(&p, INCIDENT_ROBBERY, SANCTION_FIRST));
	ck_assert(!incidents_conversation_proposed(&p, INCIDENT_THREAT, SANCTION_FIRST));
	ck_assert(!incidents_conversation_proposed(NULL, INCIDENT_VERBAL, SANCTION_FIRST));
	map[INCIDENT_ROBBERY] = REASON_VERBAL; /* the configuration decides */
	ck_assert(incidents_conversation_proposed(&p, INCIDENT_ROBBERY, SANCTION_FIRST));
}
END_TEST

/* ---------------------------------------------------------------- the report */

static size_t count_of(const struct incidents_count *c, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(c[i].key, key) == 0)
			return c[i].n;
	return 0;
}

TEST(test_incidents__period_check)
{
	ck_assert_int_eq(incidents_period_check("2026-07-01", "2026-06-30"), -1);
	ck_assert_int_eq(incidents_period_check("2026-02-30", "2026-06-30"), -1);
	ck_assert_int_eq(incidents_period_check("2026-01-01", "30-06-2026"), -1);
	ck_assert_int_eq(incidents_period_check(NULL, "2026-06-30"), -1);
	ck_assert_int_eq(incidents_period_check("2026-06-30", "2026-06-30"), 0);
	struct incidents_counts c;
	ck_assert_int_eq(incidents_count("2026-07-01", "2026-06-30", NULL, 0, NULL, 0, &c), -1);
	ck_assert_uint_eq(c.total, 0);
	ck_assert_ptr_null(c.months);
}
END_TEST

TEST(test_incidents__previous_period)
{
	static const struct {
		const char *why, *from, *to, *want_from, *want_to;
	} cases[] = {
		/* Whole months: the months before, not the same number of days. */
		{"a half year", "2026-01-01", "2026-06-30", "2025-07-01", "2025-12-31"},
		{"the second half year", "2026-07-01", "2026-12-31", "2026-01-01", "2026-06-30"},
		{"a month before a leap February", "2024-03-01", "2024-03-31", "2024-02-01",
		 "2024-02-29"},
		/* Not whole months: the same number of days just before. */
		{"ten days", "2026-03-10", "2026-03-19", "2026-02-28", "2026-03-09"},
		{"thirty days", "2026-03-01", "2026-03-30", "2026-01-30", "2026-02-28"},
		{"one day", "2026-05-05", "2026-05-05", "2026-05-04", "2026-05-04"},
	};
	char f[DATES_DATE_LEN], t[DATES_DATE_LEN];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ck_assert_msg(incidents_previous_period(cases[i].from, cases[i].to, f, t) == 0,
			      "%s: refused", cases[i].why);
		ck_assert_msg(!strcmp(f, cases[i].want_from) && !strcmp(t, cases[i].want_to),
			      "%s: %s..%s, not %s..%s", cases[i].why, f, t, cases[i].want_from,
			      cases[i].want_to);
	}
	ck_assert_int_eq(incidents_previous_period("2026-05-06", "2026-05-05", f, t), -1);
}
END_TEST

TEST(test_incidents__count_boundaries)
{
	struct incidents_record rec[] = {
		{"2025-12-31", INCIDENT_VERBAL, CHANNEL_COUNTER, "Balie 1"},   /* before */
		{"2026-01-01", INCIDENT_VERBAL, CHANNEL_COUNTER, "Balie 1"},   /* first day */
		{"2026-03-15", INCIDENT_THREAT, CHANNEL_PHONE, "Balie 2"},
		{"2026-03-31", INCIDENT_PHYSICAL, CHANNEL_COUNTER, "Balie 1"},
		{"2026-06-30", INCIDENT_THREAT, CHANNEL_HOME_VISIT, "Huisbezoek"}, /* last day */
		{"2026-07-01", INCIDENT_ROBBERY, CHANNEL_COUNTER, "Balie 1"},  /* after */
	};
	struct incidents_tally tal[] = {
		{"2025-12-31", INCIDENT_VERBAL, CHANNEL_COUNTER},
		{"2026-01-01", INCIDENT_VERBAL, CHANNEL_COUNTER},
		{"2026-02-11", INCIDENT_VERBAL, CHANNEL_COUNTER},
		{"2026-02-12", INCIDENT_VERBAL, CHANNEL_PHONE},
		{"2026-06-30", INCIDENT_DISCRIMINATION, CHANNEL_COUNTER},
		{"2026-07-01", INCIDENT_VERBAL, CHANNEL_COUNTER},
	};
	struct incidents_counts c;
	ck_assert_int_eq(incidents_count("2026-01-01", "2026-06-30", rec, 6, tal, 6, &c), 0);
	ck_assert_uint_eq(c.total, 4);
	ck_assert_uint_eq(c.category[INCIDENT_VERBAL], 1);
	ck_assert_uint_eq(c.category[INCIDENT_THREAT], 2);
	ck_assert_uint_eq(c.category[INCIDENT_PHYSICAL], 1);
	ck_assert_uint_eq(c.category[INCIDENT_ROBBERY], 0);
	ck_assert_uint_eq(c.channel[CHANNEL_COUNTER], 2);
	ck_assert_uint_eq(c.channel[CHANNEL_PHONE], 1);
	ck_assert_uint_eq(c.channel[CHANNEL_HOME_VISIT], 1);
	/* Every month of the period, in order, zeros included. */
	ck_assert_uint_eq(c.nmonths, 6);
	ck_assert_str_eq(c.months[0].key, "2026-01");
	ck_assert_str_eq(c.months[5].key, "2026-06");
	ck_assert_uint_eq(c.months[0].n, 1);
	ck_assert_uint_eq(c.months[1].n, 0);
	ck_assert_uint_eq(c.months[2].n, 2);
	ck_assert_uint_eq(c.months[5].n, 1);
	/* Places most first. */
	ck_assert_uint_eq(c.nplaces, 3);
	ck_assert_str_eq(c.places[0].key, "Balie 1");
	ck_assert_uint_eq(c.places[0].n, 2);
	ck_assert_str_eq(c.places[1].key, "Balie 2"); /* ties by name */
	/* Tallies in their own section. */
	ck_assert_uint_eq(c.tally_total, 4);
	ck_assert_uint_eq(count_of(c.tallies, c.ntallies, "counter/verbal"), 2);
	ck_assert_uint_eq(count_of(c.tallies, c.ntallies, "phone/verbal"), 1);
	ck_assert_uint_eq(count_of(c.tallies, c.ntallies, "counter/discrimination"), 1);
	ck_assert_str_eq(c.tallies[0].key, "counter/verbal");
	incidents_counts_free(&c);
	incidents_counts_free(&c); /* twice is harmless */

	/* A period across the year: months of both years. */
	ck_assert_int_eq(incidents_count("2025-12-31", "2026-01-01", rec, 6, tal, 6, &c), 0);
	ck_assert_uint_eq(c.total, 2);
	ck_assert_uint_eq(c.nmonths, 2);
	ck_assert_str_eq(c.months[0].key, "2025-12");
	ck_assert_str_eq(c.months[1].key, "2026-01");
	ck_assert_uint_eq(c.tally_total, 2);
	incidents_counts_free(&c);

	/* Nothing in the period: zeros, the months still listed. */
	ck_assert_int_eq(incidents_count("2027-01-01", "2027-01-31", rec, 6, tal, 6, &c), 0);
	ck_assert_uint_eq(c.total, 0);
	ck_assert_uint_eq(c.nmonths, 1);
	ck_assert_uint_eq(c.nplaces, 0);
	incidents_counts_free(&c);
}
END_TEST

TEST(test_incidents__bar_and_change)
{
	char bar[64];
	incidents_bar(0, 10, 20, bar, sizeof bar);
	ck_assert_str_eq(bar, "");
	incidents_bar(10, 10, 20, bar, sizeof bar);
	ck_assert_uint_eq(strlen(bar), 20);
	incidents_bar(1, 100, 20, bar, sizeof bar);
	ck_assert_str_eq(bar, "#"); /* never invisible */
	incidents_bar(5, 10, 20, bar, sizeof bar);
	ck_assert_uint_eq(strlen(bar), 10);
	incidents_bar(10, 10, 20, bar, 5);
	ck_assert_str_eq(bar, "####");
	bool def;
	ck_assert_int_eq(incidents_change_percent(5, 0, &def), 0);
	ck_assert(!def);
	ck_assert_int_eq(incidents_change_percent(9, 8, &def), 13);
	ck_assert(def);
	ck_assert_int_eq(incidents_change_percent(7, 8, &def), -13);
	ck_assert_int_eq(incidents_change_percent(0, 4, &def), -100);
	ck_assert_int_eq(incidents_change_percent(12, 4, &def), 200);
}
END_TEST

TEST(test_incidents__read_time)
{
	testutil_amsterdam();
	time_t now = testutil_utc("2026-11-24T13:00:00Z"), t = 0; /* 14:00 local */
	ck_assert_int_eq(incidents_read_time("13:15", now, &t), INCIDENTS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-11-24T12:15:00Z"));
	ck_assert_int_eq(incidents_read_time("14:00", now, &t), INCIDENTS_TIME_OK);
	ck_assert_int_eq(t, now);
	ck_assert_int_eq(incidents_read_time("14:01", now, &t), INCIDENTS_TIME_FUTURE);
	ck_assert_int_eq(incidents_read_time("2026-11-23 23:59", now, &t), INCIDENTS_TIME_OK);
	ck_assert_int_eq(t, testutil_utc("2026-11-23T22:59:00Z"));
	ck_assert_int_eq(incidents_read_time("2026-11-25 08:00", now, &t), INCIDENTS_TIME_FUTURE);
	static const char *bad[] = {"", "1400", "24:00", "14:60", "2026-11-24", "2026-02-30 10:00",
				    "2026-11-24T10:00", "2026-11-24  10:0", "x4:00"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(incidents_read_time(bad[i], now, &t) == INCIDENTS_TIME_MALFORMED,
			      "accepted \"%s\"", bad[i]);
	ck_assert_int_eq(incidents_read_time(NULL, now, &t), INCIDENTS_TIME_MALFORMED);
	/* 02:30 on 2026-03-29 is skipped; on 2026-10-25 it happens twice: either is 02:30 */
	ck_assert_int_eq(incidents_read_time("2026-03-29 02:30", now, &t), INCIDENTS_TIME_NO_SUCH);
	ck_assert_int_eq(incidents_read_time("2026-10-25 02:30", now, &t), INCIDENTS_TIME_OK);
	ck_assert_msg(t == testutil_utc("2026-10-25T00:30:00Z") ||
			      t == testutil_utc("2026-10-25T01:30:00Z"),
		      "02:30 read as %lld", (long long)t);
}
END_TEST

Suite *incidents_suite(void)
{
	Suite *s = suite_create("incidents");
	testutil_tcase(s, "core", NULL, NULL);
	testutil_tcase(s, "due", due_setup, NULL);
	return s;
}
