/* test_store_incidents — incidents in the store: refusals, a full form round trip, updates
 * with their version, completion, tallies and report rows, the follow-up marks and list, and
 * the earlier offences of the same person; each write leaves an audit line. */
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
static struct incidents_rules rules;
static enum ban_reason map[INCIDENT_CATEGORY_COUNT];
static struct sanction_table table;
static struct incidents_policy policy;

static void setup(void)
{
	testutil_amsterdam();
	testutil_store_setup(&st, path, sizeof path, "2026-03-20T12:00:00Z");
	store_set_actor(st, "hr.jansen", "test");
	incidents_rules_default(&rules);
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++)
		map[i] = incidents_default_sanction((enum incident_category)i);
	memset(&table, 0, sizeof table);
	for (int i = 0; i < REASON_COUNT; i++)
		table.cat[i].present = true;
	table.cat[REASON_PHYSICAL].first.conversation = true;
	policy = (struct incidents_policy){&rules, map, &table};
}

static struct incident sample(const char *at, enum incident_category c, const char *perp)
{
	struct incident in;
	memset(&in, 0, sizeof in);
	in.at = testutil_utc(at);
	in.category = c;
	in.channel = CHANNEL_COUNTER;
	snprintf(in.place, sizeof in.place, "Balie 1");
	snprintf(in.employee, sizeof in.employee, "Joke Dekker");
	snprintf(in.perpetrator, sizeof in.perpetrator, "%s", perp ? perp : "");
	return in;
}

static int64_t add(struct incident *in)
{
	int64_t id = 0;
	ck_assert_msg(store_incident_add(st, in, &id) == STORE_OK, "add: %s", store_error(st));
	ck_assert_int_gt(id, 0);
	return id;
}

/* The number of audit lines with this action. */
static int audit_count(const char *action)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM audit WHERE action = ?1");
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(store_bind_text(s, 1, action), 0);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	int n = sqlite3_column_int(s, 0);
	store_done(s);
	return n;
}

TEST(test_store_incidents__add_refuses_invalid)
{
	int64_t id = 0;
	struct incident in = sample("2026-03-20T10:00:00Z", INCIDENT_VERBAL, NULL);
	in.place[0] = '\0';
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "place"));
	in = sample("2026-03-20T10:00:00Z", INCIDENT_VERBAL, NULL);
	in.employee[0] = '\0';
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "employee"));
	in = sample("2026-03-20T12:10:00Z", INCIDENT_VERBAL, NULL); /* ten minutes ahead */
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "future"));
	in = sample("2026-03-20T10:00:00Z", INCIDENT_VERBAL, "van der");
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "perpetrator"));
	in = sample("2026-03-20T10:00:00Z", INCIDENT_VERBAL, "Jan de Vries");
	strcpy(in.perp_born, "2026-03-21");
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "born"));
	in = sample("2026-03-20T10:00:00Z", INCIDENT_PHYSICAL, NULL);
	in.police = POLICE_REPORT;
	strcpy(in.police_date, "2026-03-20");
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "number"));
	in.police = POLICE_INFORMED;
	strcpy(in.police_number, "PL0900-2026123");
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "police report only"));
	in = sample("2026-03-20T10:00:00Z", INCIDENT_PHYSICAL, NULL);
	strcpy(in.minutes_sent, "2026-03-20");
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "minutes"));
	in = sample("2026-03-20T10:00:00Z", INCIDENT_PHYSICAL, NULL);
	strcpy(in.conversation_date, "2026-03-19");
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "before the incident"));
	in = sample("2026-03-20T10:00:00Z", INCIDENT_PHYSICAL, NULL);
	in.damage_municipal = -1;
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	in = sample("2026-03-20T10:00:00Z", (enum incident_category)77, NULL);
	ck_assert_int_eq(store_incident_add(st, &in, &id), STORE_INVALID);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(audit_count("incident.add"), 0);
	struct incident *list = NULL;
	size_t n = 9;
	ck_assert_int_eq(store_incident_list(st, 0, 0, &list, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	free(list);
}
END_TEST

TEST(test_store_incidents__round_trip)
{
	struct incident in = sample("2026-03-13T09:00:00Z", INCIDENT_PHYSICAL, "Vries, Jan de");
	in.channel = CHANNEL_HOME_VISIT;
	strcpy(in.perp_born, "1968-03-14");
	strcpy(in.perp_address, "Dorpsstraat 1, 1234 AB Ergens");
	strcpy(in.perp_phone, "06-12345678");
	strcpy(in.description, "Duwde de medewerker tegen de deur; \xc3\xa9\xc3\xa9n getuige.");
	strcpy(in.witnesses, "Priya Ramdin");
	in.injury = INJURY_LIGHT;
	in.damage_personal = 4550;
	in.damage_municipal = 12000;
	in.risk_assessed = ANSWER_YES;
	strcpy(in.measures, "Collega in de buurt");
	in.police = POLICE_REPORT;
	strcpy(in.police_date, "2026-03-14");
	strcpy(in.police_number, "PL0900-2026031412");
	in.aftercare = ANSWER_YES;
	strcpy(in.conversation_date, "2026-03-16");
	strcpy(in.minutes_sent, "2026-03-17");
	in.preventable = ANSWER_NO;
	in.discussed = ANSWER_YES;
	in.alarm_id = 7;
	int64_t id = add(&in);
	struct incident got;
	ck_assert_int_eq(store_incident_get(st, id, &got), STORE_OK);
	ck_assert_int_eq(got.at, in.at);
	ck_assert_int_eq(got.category, INCIDENT_PHYSICAL);
	ck_assert_int_eq(got.channel, CHANNEL_HOME_VISIT);
	ck_assert_str_eq(got.perpetrator, "Vries, Jan de");
	ck_assert_str_eq(got.perp_given, "Jan");
	ck_assert_str_eq(got.perp_prefix, "de");
	ck_assert_str_eq(got.perp_surname, "Vries");
	ck_assert_str_eq(got.perp_born, "1968-03-14");
	ck_assert_str_eq(got.perp_address, in.perp_address);
	ck_assert_str_eq(got.description, in.description);
	ck_assert_int_eq(got.injury, INJURY_LIGHT);
	ck_assert_int_eq(got.damage_personal, 4550);
	ck_assert_int_eq(got.damage_municipal, 12000);
	ck_assert_int_eq(got.risk_assessed, ANSWER_YES);
	ck_assert_int_eq(got.police, POLICE_REPORT);
	ck_assert_str_eq(got.police_number, "PL0900-2026031412");
	ck_assert_int_eq(got.aftercare, ANSWER_YES);
	ck_assert_str_eq(got.minutes_sent, "2026-03-17");
	ck_assert_int_eq(got.preventable, ANSWER_NO);
	ck_assert_int_eq(got.discussed, ANSWER_YES);
	ck_assert_int_eq(got.alarm_id, 7);
	ck_assert_str_eq(got.created_by, "hr.jansen");
	ck_assert_int_eq(got.version, 1);
	ck_assert_int_eq(got.completed_at, 0);
	ck_assert_int_eq(audit_count("incident.add"), 1);
	ck_assert_int_eq(store_incident_get(st, id + 1, &got), STORE_NOT_FOUND);
}
END_TEST

TEST(test_store_incidents__update_and_complete)
{
	struct incident in = sample("2026-03-19T09:00:00Z", INCIDENT_VERBAL, NULL);
	int64_t id = add(&in);
	struct incident cur;
	ck_assert_int_eq(store_incident_get(st, id, &cur), STORE_OK);
	/* Not complete: every missing answer is named. */
	ck_assert_int_eq(store_incident_complete(st, id, cur.version), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "--description, --risk-assessed, "
						      "--aftercare, --preventable, --discussed"));
	strcpy(cur.description, "Schold de medewerker uit.");
	cur.risk_assessed = ANSWER_NO;
	cur.aftercare = ANSWER_NO;
	cur.preventable = ANSWER_NO;
	cur.discussed = ANSWER_YES;
	snprintf(cur.perpetrator, sizeof cur.perpetrator, "Mehmet Çelik");
	ck_assert_int_eq(store_incident_update(st, &cur), STORE_OK);
	/* A stale version is a conflict and writes nothing. */
	strcpy(cur.description, "overwritten");
	ck_assert_int_eq(store_incident_update(st, &cur), STORE_CONFLICT);
	ck_assert_int_eq(store_incident_get(st, id, &cur), STORE_OK);
	ck_assert_str_eq(cur.description, "Schold de medewerker uit.");
	ck_assert_str_eq(cur.perp_surname, "Çelik");
	ck_assert_int_eq(cur.version, 2);
	ck_assert_int_eq(store_incident_complete(st, id, cur.version - 1), STORE_CONFLICT);
	ck_assert_int_eq(store_incident_complete(st, id, cur.version), STORE_OK);
	ck_assert_int_eq(store_incident_complete(st, id, -1), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "complete already"));
	ck_assert_int_eq(store_incident_get(st, id, &cur), STORE_OK);
	ck_assert_int_ne(cur.completed_at, 0);
	ck_assert_str_eq(cur.completed_by, "hr.jansen");
	/* A complete incident keeps its answers. */
	cur.aftercare = ANSWER_OPEN;
	ck_assert_int_eq(store_incident_update(st, &cur), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "--aftercare"));
	ck_assert_int_eq(store_incident_complete(st, 999, -1), STORE_NOT_FOUND);
	cur.id = 999;
	cur.aftercare = ANSWER_NO;
	ck_assert_int_eq(store_incident_update(st, &cur), STORE_NOT_FOUND);
	ck_assert_int_eq(audit_count("incident.update"), 1);
	ck_assert_int_eq(audit_count("incident.complete"), 1);
}
END_TEST

TEST(test_store_incidents__list_tally_report)
{
	/* Local dates around midnight: 23:30 local on 31 January is still January. */
	struct incident a = sample("2026-01-31T22:30:00Z", INCIDENT_VERBAL, NULL);
	struct incident b = sample("2026-01-31T23:30:00Z", INCIDENT_THREAT, NULL);
	struct incident c = sample("2026-03-01T08:00:00Z", INCIDENT_PHYSICAL, NULL);
	snprintf(b.place, sizeof b.place, "Balie 2");
	add(&a);
	add(&b);
	add(&c);
	int64_t t = 0;
	ck_assert_int_eq(store_incident_tally(st, testutil_utc("2026-02-02T10:00:00Z"),
					      INCIDENT_VERBAL, CHANNEL_PHONE, "", &t),
			 STORE_OK);
	ck_assert_int_gt(t, 0);
	ck_assert_int_eq(store_incident_tally(st, testutil_utc("2026-03-21T10:00:00Z"),
					      INCIDENT_VERBAL, CHANNEL_PHONE, "", NULL),
			 STORE_INVALID);
	ck_assert_int_eq(store_incident_tally(st, testutil_utc("2026-02-02T10:00:00Z"),
					      (enum incident_category)-1, CHANNEL_PHONE, "", NULL),
			 STORE_INVALID);
	ck_assert_int_eq(audit_count("incident.tally"), 1);

	struct incident *list = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_incident_list(st, testutil_utc("2026-01-31T23:00:00Z"), 0, &list,
					     &n),
			 STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(list[0].category, INCIDENT_THREAT);
	free(list);
	ck_assert_int_eq(store_incident_list(st, 0, testutil_utc("2026-01-31T23:30:00Z"), &list,
					     &n),
			 STORE_OK);
	ck_assert_uint_eq(n, 1); /* the end is exclusive */
	free(list);

	struct incidents_record *rec = NULL;
	struct incidents_tally *tal = NULL;
	size_t nrec = 0, ntal = 0;
	ck_assert_int_eq(store_incident_report(st, testutil_utc("2026-01-01T00:00:00Z"),
					       testutil_utc("2026-04-01T00:00:00Z"), &rec, &nrec,
					       &tal, &ntal),
			 STORE_OK);
	ck_assert_uint_eq(nrec, 3);
	ck_assert_uint_eq(ntal, 1);
	ck_assert_str_eq(rec[0].date, "2026-01-31");
	ck_assert_str_eq(rec[1].date, "2026-02-01"); /* 00:30 local */
	ck_assert_str_eq(rec[1].place, "Balie 2");
	ck_assert_str_eq(tal[0].date, "2026-02-02");
	ck_assert_int_eq(tal[0].channel, CHANNEL_PHONE);
	free(rec);
	free(tal);
}
END_TEST

/* The follow-up step with key, or NULL. */
static const struct incident_followup *step(const struct incident_followup *f, size_t n,
					    const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].due.key, key) == 0)
			return &f[i];
	return NULL;
}

TEST(test_store_incidents__followup_and_done)
{
	/* Friday 13 March, 10:00 local; now is Friday 20 March 13:00. */
	struct incident in = sample("2026-03-13T09:00:00Z", INCIDENT_PHYSICAL, "Jan de Vries");
	in.injury = INJURY_SERIOUS;
	int64_t id = add(&in);
	ck_assert_int_eq(store_incident_get(st, id, &in), STORE_OK);
	struct incident_followup f[INCIDENTS_MAX_ITEMS];
	size_t n = 0;
	time_t now = testutil_utc("2026-03-20T12:00:00Z");
	ck_assert_int_eq(store_incident_followups(st, &in, &policy, now, f, &n), STORE_OK);
	ck_assert_ptr_nonnull(step(f, n, "inspectorate"));
	ck_assert_int_eq(step(f, n, "inspectorate")->state, DUE_OVERDUE);
	ck_assert_int_eq(step(f, n, "help")->state, DUE_OPEN); /* until Friday midnight */
	/* A first physical offence: the table (here) proposes an order conversation. */
	ck_assert_ptr_nonnull(step(f, n, "conversation"));

	ck_assert_int_eq(store_incident_done(st, id, &policy, "minutes", now, ""), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "not one of its follow-up steps"));
	ck_assert_int_eq(store_incident_done(st, id, &policy, "inspectorate",
					     testutil_utc("2026-03-13T08:00:00Z"), ""),
			 STORE_INVALID);
	ck_assert_int_eq(store_incident_done(st, id, &policy, "inspectorate",
					     testutil_utc("2026-03-21T08:00:00Z"), ""),
			 STORE_INVALID);
	ck_assert_int_eq(store_incident_done(st, id + 5, &policy, "help", now, ""),
			 STORE_NOT_FOUND);
	ck_assert_int_eq(store_incident_done(st, id, &policy, "inspectorate",
					     testutil_utc("2026-03-13T10:00:00Z"),
					     "Gebeld, 0800-5151"),
			 STORE_OK);
	ck_assert_int_eq(store_incident_done(st, id, &policy, "inspectorate", now, ""),
			 STORE_CONFLICT);
	ck_assert_int_eq(store_incident_followups(st, &in, &policy, now, f, &n), STORE_OK);
	const struct incident_followup *insp = step(f, n, "inspectorate");
	ck_assert_int_eq(insp->state, DUE_DONE);
	ck_assert(insp->marked);
	ck_assert_str_eq(insp->done_by, "hr.jansen");
	ck_assert_str_eq(insp->note, "Gebeld, 0800-5151");
	ck_assert_int_eq(insp->done_at, testutil_utc("2026-03-13T10:00:00Z"));
	ck_assert_int_eq(audit_count("incident.done"), 1);

	/* The list over all incidents: overdue first; done ones only with all. */
	struct incident other = sample("2026-03-20T08:00:00Z", INCIDENT_VERBAL, NULL);
	add(&other);
	struct incident_due_row *rows = NULL;
	ck_assert_int_eq(store_incident_due(st, &policy, now, false, &rows, &n), STORE_OK);
	ck_assert_uint_gt(n, 0);
	ck_assert_int_eq(rows[0].f.state, DUE_OVERDUE);
	bool seen_done = false, seen_other = false;
	for (size_t i = 0; i < n; i++) {
		seen_done |= rows[i].f.state == DUE_DONE;
		seen_other |= rows[i].incident_id != id;
		if (i > 0 && rows[i].f.state == DUE_OVERDUE)
			ck_assert_int_eq(rows[i - 1].f.state, DUE_OVERDUE);
	}
	ck_assert(!seen_done);
	ck_assert(seen_other);
	free(rows);
	ck_assert_int_eq(store_incident_due(st, &policy, now, true, &rows, &n), STORE_OK);
	seen_done = false;
	for (size_t i = 0; i < n; i++)
		seen_done |= rows[i].f.state == DUE_DONE;
	ck_assert(seen_done);
	free(rows);
}
END_TEST

TEST(test_store_incidents__earlier_offences)
{
	struct incident first = sample("2026-01-10T09:00:00Z", INCIDENT_VERBAL, "Jan de Vries");
	int64_t a = add(&first);
	struct incidents_earlier e;
	ck_assert_int_eq(store_incident_earlier(st, a, &e), STORE_OK);
	ck_assert_uint_eq(e.bans + e.incidents + e.kept, 0);
	/* The same person, written otherwise, later: one earlier incident. */
	struct incident second = sample("2026-03-10T09:00:00Z", INCIDENT_PHYSICAL,
					 "J. DE VRIES");
	int64_t b = add(&second);
	ck_assert_int_eq(store_incident_earlier(st, b, &e), STORE_OK);
	ck_assert_uint_eq(e.incidents, 1);
	ck_assert_int_eq(incidents_offence(&e), SANCTION_REPEAT);
	/* A namesake with another first initial, and a later incident, do not count. */
	struct incident other = sample("2026-02-10T09:00:00Z", INCIDENT_VERBAL, "Piet de Vries");
	add(&other);
	ck_assert_int_eq(store_incident_earlier(st, b, &e), STORE_OK);
	ck_assert_uint_eq(e.incidents, 1);
	ck_assert_int_eq(store_incident_earlier(st, a, &e), STORE_OK);
	ck_assert_uint_eq(e.incidents, 0);
	/* A ban of the same person counts (whenever it was). */
	struct ban_new bn = {.given_names = "Jan", .prefix = "de", .surname = "Vries",
			     .born = "", .kind = BAN_WARNING, .reason = REASON_VERBAL,
			     .starts = "2025-06-01", .ends = "2025-12-01", .imposed_by = "X",
			     .letter_sent = "2025-06-01", .notes = "n"};
	int64_t ban;
	ck_assert_int_eq(store_ban_insert(st, &bn, &ban), STORE_OK);
	ck_assert_int_eq(store_incident_earlier(st, a, &e), STORE_OK);
	ck_assert_uint_eq(e.bans, 1);
	ck_assert_int_eq(store_person_earlier(st, "Jan", "de", "Vries", "", 0, &e), STORE_OK);
	ck_assert_uint_eq(e.bans, 1);
	ck_assert_uint_eq(e.incidents, 0); /* not counted for a person named directly */
	ck_assert_uint_eq(e.kept, 0);      /* no key was ever made */
	/* Without a perpetrator nothing counts. */
	struct incident anon = sample("2026-03-11T09:00:00Z", INCIDENT_VERBAL, NULL);
	int64_t c = add(&anon);
	ck_assert_int_eq(store_incident_earlier(st, c, &e), STORE_OK);
	ck_assert_uint_eq(e.bans + e.incidents + e.kept, 0);
	ck_assert_int_eq(store_incident_earlier(st, 999, &e), STORE_NOT_FOUND);
}
END_TEST

static int scalar(const char *sql)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	int n = sqlite3_column_int(s, 0);
	store_done(s);
	return n;
}

static int64_t ban_for(const char *given, const char *surname, const char *born,
		       const char *starts, const char *ends)
{
	struct ban_new bn = {.given_names = given, .prefix = "de", .surname = surname,
			     .born = born, .kind = BAN_BUILDING, .reason = REASON_PHYSICAL,
			     .starts = starts, .ends = ends, .imposed_by = "X",
			     .letter_sent = starts, .notes = "n"};
	return testutil_ban_insert(st, bn);
}

TEST(test_store_incidents__purge_keeps_counts_and_traces)
{
	static const struct purge_policy pp = {12, 24, 24, 12, 60, 60, 60, 12};
	ban_for("Jan", "Vries", "1968-03-14", "2024-01-01", "2024-06-30");  /* a trace kept */
	ban_for("Kees", "Bruin", "", "2018-01-01", "2018-06-30");
	struct incident old = sample("2020-01-10T09:00:00Z", INCIDENT_THREAT, "Piet de Boer");
	strcpy(old.description, "Noemde de naam van de buurman.");
	strcpy(old.perp_address, "Laan 3");
	int64_t oid = add(&old);
	struct incident_followup f[INCIDENTS_MAX_ITEMS];
	size_t n;
	ck_assert_int_eq(store_incident_get(st, oid, &old), STORE_OK);
	ck_assert_int_eq(store_incident_followups(st, &old, &policy,
						  testutil_utc("2026-03-20T12:00:00Z"), f, &n),
			 STORE_OK);
	ck_assert_int_eq(store_incident_done(st, oid, &policy, "aftercare1",
					     testutil_utc("2020-01-10T12:00:00Z"),
					     "Met Piet gesproken"),
			 STORE_OK);
	struct incident recent = sample("2026-03-01T09:00:00Z", INCIDENT_VERBAL, "Anna Smit");
	int64_t rid = add(&recent);
	/* Home visits: one back long ago, one still out. */
	setenv("BALIE_NOW", "2024-01-10T09:00:00Z", 1);
	struct visit v;
	memset(&v, 0, sizeof v);
	strcpy(v.employee, "Anne");
	strcpy(v.address, "Dorpsstraat 1");
	strcpy(v.client, "J. de Vries");
	strcpy(v.mobile, "06-1");
	v.risk = VISIT_RISK_NORMAL;
	v.expected_back = testutil_utc("2024-01-10T11:00:00Z");
	int64_t vid;
	ck_assert_int_eq(store_visit_out(st, &v, &vid), STORE_OK);
	ck_assert_int_eq(store_visit_back(st, vid, "goed"), STORE_OK);
	setenv("BALIE_NOW", "2026-03-20T12:00:00Z", 1);
	v.expected_back = testutil_utc("2026-03-20T15:00:00Z");
	ck_assert_int_eq(store_visit_out(st, &v, &vid), STORE_OK);

	struct purge_report r;
	ck_assert_int_eq(store_purge(st, &pp, "2026-03-20", true, &r), STORE_OK);
	ck_assert_uint_eq(r.kept, 2);
	ck_assert_uint_eq(r.incidents, 1);
	ck_assert_uint_eq(r.visits, 1);
	ck_assert_str_eq(r.incidents_before, "2021-03-20");
	ck_assert_int_eq(scalar("SELECT count(*) FROM meta WHERE key = 'pseudonym.key'"), 0);
	ck_assert_msg(store_purge(st, &pp, "2026-03-20", false, &r) == STORE_OK, "%s",
		      store_error(st));
	ck_assert_uint_eq(r.bans, 2);
	ck_assert_uint_eq(r.kept, 2);
	ck_assert_uint_eq(r.offences, 0); /* traces count from when they were made */
	ck_assert_uint_eq(r.incidents, 1);
	ck_assert_uint_eq(r.visits, 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM offence"), 2);
	ck_assert_int_eq(scalar("SELECT count(*) FROM home_visit"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 0);

	/* The old incident keeps its counts and loses what names anyone. */
	ck_assert_int_eq(store_incident_get(st, oid, &old), STORE_OK);
	ck_assert_int_ne(old.pseudonymised_at, 0);
	ck_assert_str_eq(old.perpetrator, "");
	ck_assert_str_eq(old.perp_surname, "");
	ck_assert_str_eq(old.perp_address, "");
	ck_assert_str_eq(old.description, "");
	ck_assert_str_eq(old.employee, "");
	ck_assert_int_eq(old.category, INCIDENT_THREAT);
	ck_assert_str_eq(old.place, "Balie 1");
	ck_assert_int_eq(scalar("SELECT count(*) FROM incident_done WHERE note <> ''"), 0);
	ck_assert_int_eq(store_incident_update(st, &old), STORE_CONFLICT);
	ck_assert_int_eq(store_incident_done(st, oid, &policy, "aftercare2",
					     testutil_utc("2026-03-20T10:00:00Z"), ""),
			 STORE_CONFLICT);
	struct incident kept;
	ck_assert_int_eq(store_incident_get(st, rid, &kept), STORE_OK);
	ck_assert_str_eq(kept.perpetrator, "Anna Smit");

	/* Repeat offences still count through the hashes. */
	struct incidents_earlier e;
	ck_assert_int_eq(store_person_earlier(st, "Jan", "de", "Vries", "1968-03-14", 0, &e),
			 STORE_OK);
	ck_assert_uint_eq(e.bans, 0);
	ck_assert_uint_eq(e.kept, 1);
	ck_assert_int_eq(store_person_earlier(st, "J.", "DE", "VRIES", "", 0, &e), STORE_OK);
	ck_assert_uint_eq(e.kept, 1);
	ck_assert_int_eq(store_person_earlier(st, "Jan", "de", "Vries", "1970-01-01", 0, &e),
			 STORE_OK);
	ck_assert_uint_eq(e.kept, 0); /* another date of birth: another person */
	ck_assert_int_eq(store_person_earlier(st, "Piet", "de", "Vries", "", 0, &e), STORE_OK);
	ck_assert_uint_eq(e.kept, 0);
	struct incident again = sample("2026-03-19T09:00:00Z", INCIDENT_VERBAL, "P. de Boer");
	int64_t aid = add(&again);
	ck_assert_int_eq(store_incident_earlier(st, aid, &e), STORE_OK);
	ck_assert_uint_eq(e.kept, 1);
	ck_assert_int_eq(incidents_offence(&e), SANCTION_REPEAT);

	/* offences_months after the purge made them, the traces go too; the counts stay. */
	setenv("BALIE_NOW", "2031-03-19T12:00:00Z", 1);
	ck_assert_int_eq(store_purge(st, &pp, "2031-03-19", false, &r), STORE_OK);
	ck_assert_uint_eq(r.incidents, 1); /* Anna Smit's, of 1 March 2026 */
	ck_assert_uint_eq(r.offences, 0);
	ck_assert_int_eq(scalar("SELECT count(*) FROM offence"), 2);
	setenv("BALIE_NOW", "2031-03-21T12:00:00Z", 1);
	ck_assert_int_eq(store_purge(st, &pp, "2031-03-21", false, &r), STORE_OK);
	ck_assert_uint_eq(r.offences, 3); /* two traces of bans, the hashes of one incident */
	ck_assert_int_eq(scalar("SELECT count(*) FROM offence"), 0);
	ck_assert_int_eq(scalar("SELECT count(*) FROM incident WHERE h_name <> ''"), 2);
	ck_assert_int_eq(scalar("SELECT count(*) FROM incident"), 3);
}
END_TEST

TEST(test_store_incidents__person_export)
{
	int64_t ban = ban_for("Jan", "Vries", "1968-03-14", "2026-03-01", "2026-09-01");
	struct incident in = sample("2026-03-10T09:00:00Z", INCIDENT_PHYSICAL, "Jan de Vries");
	add(&in);
	struct incident other = sample("2026-03-11T09:00:00Z", INCIDENT_PHYSICAL, "Jan Jansen");
	add(&other);
	int64_t person;
	ck_assert_int_eq(store_person_of_ban(st, ban, &person), STORE_OK);
	char seen[TESTUTIL_SECTIONS_MAX] = "";
	ck_assert_int_eq(store_person_export(st, person, testutil_export_sections, seen), STORE_OK);
	ck_assert_msg(strstr(seen, "incident? ") != NULL, "sections: %s", seen);
	/* One incident matches the name, the namesake's surname does not. */
	char *first = strstr(seen, "incident? ");
	ck_assert_ptr_null(strstr(first + 1, "incident? "));
}
END_TEST

Suite *store_incidents_suite(void)
{
	return testutil_suite("store_incidents", setup, testutil_store_teardown);
}
