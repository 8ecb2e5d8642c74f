/* test_config_incidents — the incidents section of balie.conf, the new retention periods and
 * the safe rooms: every refusal with FILE:LINE, the defaults, and what a valid file gives. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "tests.h"

/* The shared checks of a balie.conf (testutil.c), by their short names here. */
#define expect_error testutil_config_refused
#define load_ok testutil_config_load

TEST(test_config_incidents__bad_sanctions)
{
	expect_error("incidents {\n  sanctions {\n    robbery = \"robbery\"\n  }\n}\n", 3,
		     "incidents: sanctions: robbery", "\"robbery\" is not a category of the sanction");
	expect_error("incidents {\n  sanctions {\n    verbal = \"\"\n  }\n}\n", 3,
		     "incidents: sanctions: verbal",
		     "one of: verbal, threat, obstruction, attempt, physical, property, other)");
	expect_error("incidents {\n  sanctions {\n    shouting = \"verbal\"\n  }\n}\n", 3,
		     "shouting", NULL);
	expect_error("incidents {\n  sanctions {\n  }\n  sanctions {\n  }\n}\n", 5, "sanctions",
		     "given twice");
}
END_TEST

TEST(test_config_incidents__bad_aftercare)
{
	expect_error("incidents {\n  aftercare = {\"24h\", \"2 days\"}\n}\n", 2,
		     "incidents: aftercare", "\"2 days\" is not a time after the incident");
	expect_error("incidents {\n  aftercare = {\"3-1d\"}\n}\n", 2, "aftercare", "\"3-1d\"");
	expect_error("incidents {\n  aftercare = {\"24h\", \"24h\"}\n}\n", 2, "aftercare",
		     "named twice");
	expect_error("incidents {\n  aftercare = {\"1h\", \"2h\", \"3h\", \"4h\", \"5h\", \"6h\","
		     " \"7h\", \"8h\", \"9h\"}\n}\n", 2, "aftercare", "more than 8");
	expect_error("incidents {\n  aftercare = {\"\"}\n}\n", 2, "aftercare", "empty");
}
END_TEST

TEST(test_config_incidents__bad_categories_and_days)
{
	expect_error("incidents {\n  police_report = {\"threat\", \"fysiek\"}\n}\n", 2,
		     "incidents: police_report", "\"fysiek\" is not an incident category");
	expect_error("incidents {\n  serious = {\"threat\", \"threat\"}\n}\n", 2, "serious",
		     "named twice");
	expect_error("incidents {\n  police_report_days = -1\n}\n", 2,
		     "incidents: police_report_days", "out of range (0..365)");
	expect_error("incidents {\n  conversation_days = 366\n}\n", 2, "conversation_days", NULL);
	expect_error("incidents {\n  minutes_days = five\n}\n", 2, "minutes_days", NULL);
	expect_error("incidents {\n}\nincidents {\n}\n", 4, "incidents", "given twice");
	expect_error("incidents {\n  places = {\"Hal\", \"Hal\"}\n}\n", 2, "places", "twice");
	expect_error("incidents {\n  places = {\"Hal\\033[2J\"}\n}\n", 2, "places", "control");
	expect_error("incidents {\n  unknown = 1\n}\n", 2, "unknown", NULL);
	expect_error("incidents {\n  aftercare = {\"24h\"}\n", 2, "unexpected end of file", NULL);
}
END_TEST

TEST(test_config_incidents__bad_retention_and_safe_rooms)
{
	expect_error("retention {\n  incidents_months = 0\n}\n", 2, "retention: incidents_months",
		     "out of range");
	expect_error("retention {\n  offences_months = 1201\n}\n", 2, "offences_months", NULL);
	expect_error("retention {\n  visits_months = 0\n}\n", 2, "visits_months", NULL);
	expect_error("building stadhuis {\n  rooms = {\"Spreekkamer 006\"}\n"
		     "  safe_rooms = {\"Spreekkamer 006\",\n    \"Spreekkamer 008\"}\n}\n", 4,
		     "building stadhuis: safe_rooms", "\"Spreekkamer 008\" is not one of the");
	expect_error("building stadhuis {\n  rooms = {\"A\"}\n  safe_rooms = {\"A\", \"A\"}\n}\n", 3,
		     "safe_rooms", "named twice");
}
END_TEST

TEST(test_config_incidents__defaults)
{
	struct config *c = config_defaults();
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->retention.incidents_months, 60);
	ck_assert_int_eq(c->retention.offences_months, 60);
	ck_assert_int_eq(c->retention.visits_months, 12);
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++)
		ck_assert_int_eq(c->incidents.sanction[i],
				 incidents_default_sanction((enum incident_category)i));
	const struct incidents_rules *r = &c->incidents.rules;
	ck_assert_uint_eq(r->naftercare, 3);
	ck_assert_int_eq(r->aftercare[0].to, 24);
	ck_assert_int_eq(r->aftercare[2].unit, 'd');
	ck_assert_int_eq(r->police_days, 3);
	ck_assert_int_eq(r->conversation_days, 5);
	ck_assert_int_eq(r->minutes_days, 5);
	struct incidents_rules def;
	incidents_rules_default(&def);
	ck_assert_uint_eq(r->police_categories, def.police_categories);
	ck_assert_uint_eq(r->serious_categories, def.serious_categories);
	ck_assert_uint_eq(c->incidents.nplaces, 3);
	ck_assert_str_eq(c->incidents.places[0], "Hal");
	/* Places: the buildings' names, ids, rooms and alarm points, and the listed ones. */
	ck_assert(config_place_known(c, "Balie 1"));
	ck_assert(config_place_known(c, "Stadhuis"));
	ck_assert(config_place_known(c, "stadhuis"));
	ck_assert(config_place_known(c, "Spreekkamer 008"));
	ck_assert(config_place_known(c, "Huisbezoek"));
	ck_assert(!config_place_known(c, "balie 1"));
	ck_assert(!config_place_known(c, ""));
	ck_assert(!config_place_known(c, NULL));
	char list[1024];
	config_places_list(c, list, sizeof list);
	ck_assert_str_eq(list, "Stadhuis, Balie 1, Balie 2, Spreekkamer 006, Spreekkamer 008, "
			       "Burgerzaken (overval), Hal, Parkeerplaats, Huisbezoek");
	config_places_list(c, list, 20);
	ck_assert_str_eq(list, "Stadhuis, Balie 1");
	/* No safe_rooms listed: every room is safe; anything else is not. */
	ck_assert(config_safe_room(c, "Spreekkamer 006"));
	ck_assert(!config_safe_room(c, "Spreekkamer 1.12"));
	ck_assert(!config_safe_room(c, ""));
	config_free(c);
}
END_TEST

TEST(test_config_incidents__full_section)
{
	struct config *c = load_ok(
		"building stadhuis {\n"
		"  rooms = {\"Spreekkamer 006\", \"Spreekkamer 1.12\"}\n"
		"  safe_rooms = {\"Spreekkamer 006\"}\n"
		"  alarm_points = {\"Balie 1\"}\n"
		"}\n"
		"retention {\n  incidents_months = 24\n  offences_months = 36\n"
		"  visits_months = 6\n}\n"
		"incidents {\n"
		"  sanctions {\n    robbery = \"other\"\n    sexual = \"threat\"\n  }\n"
		"  places = {\"Milieustraat\"}\n"
		"  aftercare = {\"24h\", \"1-3d\", \"4-6w\"}  # Ermelo\n"
		"  police_report = {\"physical\"}\n"
		"  police_report_days = 7\n"
		"  serious = {}\n"
		"  conversation_days = 0\n"
		"  minutes_days = 10\n"
		"}\n");
	ck_assert_int_eq(c->retention.incidents_months, 24);
	ck_assert_int_eq(c->retention.offences_months, 36);
	ck_assert_int_eq(c->retention.visits_months, 6);
	ck_assert_int_eq(c->incidents.sanction[INCIDENT_ROBBERY], REASON_OTHER);
	ck_assert_int_eq(c->incidents.sanction[INCIDENT_SEXUAL], REASON_THREAT);
	ck_assert_int_eq(c->incidents.sanction[INCIDENT_VERBAL], REASON_VERBAL);
	const struct incidents_rules *r = &c->incidents.rules;
	ck_assert_uint_eq(r->naftercare, 3);
	ck_assert_int_eq(r->aftercare[1].from, 1);
	ck_assert_int_eq(r->aftercare[2].unit, 'w');
	ck_assert_uint_eq(r->police_categories, 1u << INCIDENT_PHYSICAL);
	ck_assert_uint_eq(r->serious_categories, 0);
	ck_assert_int_eq(r->police_days, 7);
	ck_assert_int_eq(r->conversation_days, 0);
	ck_assert_int_eq(r->minutes_days, 10);
	ck_assert_uint_eq(c->incidents.nplaces, 1);
	ck_assert(config_place_known(c, "Milieustraat"));
	ck_assert(!config_place_known(c, "Hal")); /* the default list is replaced */
	ck_assert(config_safe_room(c, "Spreekkamer 006"));
	ck_assert(!config_safe_room(c, "Spreekkamer 1.12"));
	config_free(c);

	/* An empty aftercare list: no contacts are scheduled. */
	c = load_ok("incidents {\n  aftercare = {}\n}\n");
	ck_assert_uint_eq(c->incidents.rules.naftercare, 0);
	config_free(c);
}
END_TEST

Suite *config_incidents_suite(void)
{
	return testutil_suite("config_incidents", NULL, NULL);
}
