/* test_config — balie.conf: every refusal with its FILE:LINE and option, the lookup order,
 * the built-in defaults, the shipped example file and the role of a login user. */
#include "autoconfig.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "tests.h"

/* Write text as dir/name; the full path goes to path. */
static void write_file(const char *dir, const char *name, const char *text, size_t len,
		       char *path, size_t pathsz)
{
	snprintf(path, pathsz, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

#define expect_error testutil_config_refused
#define load_ok testutil_config_load

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "errors"

TEST(test_config__missing_file)
{
	char err[512];
	ck_assert_ptr_null(config_load_file("/nonexistent/balie.conf", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/balie.conf: "));
	ck_assert_ptr_null(config_load("/nonexistent/balie.conf", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/balie.conf: "));
	ck_assert_ptr_null(config_load_file("", err, sizeof err));
	ck_assert_ptr_null(config_load_file(NULL, err, sizeof err));
	/* A directory is not a configuration file. */
	ck_assert_ptr_null(config_load_file("/", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "/: "));
}
END_TEST

/* Files refused, each with the line of the error and what the message names
 * (testutil_config_refused). */
static const struct {
	const char *text;
	int line;
	const char *needle, *needle2;
} refusals[] = {
	/* Unknown options and sections. */
	{"database = \"/x.db\"\nbogus = 1\n", 2, "bogus", NULL},
	{"building stadhuis {\n  name = \"S\"\n  colour = \"red\"\n}\n", 3, "colour", NULL},
	{"roles {\n  admin = {\"root\"}\n}\n", 2, "admin", NULL},
	{"\n\nweather {\n}\n", 3, "weather", NULL},
	/* Our own end-of-file marker is not an option a file may use. */
	{"__balie_end_of_file = 1\n", 1, "__balie_end_of_file", NULL},
	/* Syntax errors. */
	{"database \"/x.db\"\n", 1, "database", NULL},
	{"municipality = \"Gemeente\nlanguage = \"nl\"\n", 2, "", NULL},
	{"database = \"/x.db\"\nroles {\n  porter = {\"piet\"\n}\n", 4, "", NULL},
	{"support_minimum = many\n", 1, "support_minimum", NULL},
	{"database = \"/x.db\"\nroles {\n  porter = {\"piet\"}\n", 3, "end of file", "not closed"},
	/* Line numbers after comments: libconfuse 3.3 alone would count each comment line
	 * more than once. */
	{"# one\n# two\n// three\n/* four\n   five */\nbogus = 1\n", 6, "bogus", NULL},
	{"database = \"/x.db\" # the file\n\n# x\nsupport_minimum = 99 # too many\n", 4,
	 "support_minimum", "out of range"},
	/* A comment left open swallows the end of the file. */
	{"database = \"/x.db\"\n/* open\n", 2, "end of file", NULL},
	/* Bad opening hours (see also test_config__bad_periods). */
	{"building stadhuis {\n  monday = {\"08:00-09:00\", \"10:00-11:00\", "
	 "\"12:00-13:00\", \"14:00-15:00\", \"16:00-17:00\"}\n}\n",
	 2, "monday", "more than 4 periods"},
	{"building stadhuis {\n  evening_from = \"5 pm\"\n}\n", 2,
	 "building stadhuis: evening_from", "5 pm"},
	/* Building ids. */
	{"building stadhuis {\n}\nbuilding sporthal {\n}\nbuilding stadhuis {\n}\n", 5,
	 "building: \"stadhuis\"", "earlier building"},
	{"\nbuilding Stadhuis {\n  name = \"Stadhuis\"\n}\n", 2, "building", "Stadhuis"},
	{"building \"stad huis\" {\n}\n", 1, "building", "stad huis"},
	{"building \"\" {\n}\n", 1, "building", "not a building id"},
	{"this_building = \"Stadhuis\"\n", 1, "this_building", "not a building id"},
	{"database = \"/x.db\"\nthis_building = \"raadhuis\"\nbuilding stadhuis {\n}\n", 2,
	 "this_building", "raadhuis"},
	/* Without building sections only the built-in "stadhuis" exists. */
	{"this_building = \"sporthal\"\n", 1, "this_building", "sporthal"},
	/* Numbers out of range. */
	{"support_minimum = 21\n", 1, "support_minimum", "0..20"},
	{"\nsupport_minimum = -1\n", 2, "support_minimum", "out of range"},
	{"realarm_interval = 4\n", 1, "realarm_interval", "5..3600"},
	{"realarm_interval = 3601\n", 1, "realarm_interval", "3601"},
	/* Unknown language and role, bad retention. */
	{"language = \"de\"\n", 1, "language", "\"de\""},
	{"language = \"NL\"\n", 1, "language", "NL"},
	{"default_role = \"admin\"\n", 1, "default_role", "admin"},
	{"default_role = \"None\"\n", 1, "default_role", "None"},
	{"retention {\n  audit_months = 0\n}\n", 2, "audit_months", "0"},
	{"retention {\n  bans_months = -1\n}\n", 2, "bans_months", "-1"},
	{"retention {\n  days = 3\n}\n", 2, "days", NULL},
	{"retention {\n}\nretention {\n}\n", 4, "retention", "twice"},
	/* Empty texts. */
	{"database = \"\"\n", 1, "database", "empty"},
	{"municipality = \"  \"\n", 1, "municipality", "empty"},
	{"building stadhuis {\n  rooms = {\"Spreekkamer 006\", \"\"}\n}\n", 2, "rooms", "empty"},
	{"building stadhuis {\n  name = \"\"\n}\n", 2, "name", "empty"},
	/* Options, sections and list entries given twice. */
	{"database = \"/a.db\"\n\ndatabase = \"/b.db\"\n", 3, "database", "twice"},
	{"roles {\n  porter = {\"piet\"}\n}\nroles {\n  hr = {\"hanneke\"}\n}\n", 6, "roles",
	 "twice"},
	{"protocol {\n}\nprotocol {\n}\n", 4, "protocol", "twice"},
	{"building stadhuis {\n  alarm_points = {\"Balie 1\", \"Balie 1\"}\n}\n", 2,
	 "alarm_points", "Balie 1"},
};

TEST_LOOP(test_config__refusals, sizeof refusals / sizeof *refusals)
{
	expect_error(refusals[_i].text, refusals[_i].line, refusals[_i].needle,
		     refusals[_i].needle2);
}
END_TEST

TEST(test_config__unclosed_section_fixture)
{
	testutil_config_file_refused("tests/data/conf/unclosed-section.conf", 4, "", "not closed");
}
END_TEST

TEST(test_config__bad_periods)
{
	static const char *bad[] = {"8:30-17:00", "08:30-1700", "08:30 - 17:00", "25:00-26:00",
				    "08:30", "08:30-17:60", "", "open"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[256];
		snprintf(text, sizeof text, "building stadhuis {\n  monday = {\"%s\"}\n}\n", bad[i]);
		expect_error(text, 2, "building stadhuis: monday", bad[i]);
	}
	expect_error("building stadhuis {\n  monday = {\"08:30-17:00\"}\n  friday = "
		     "{\"08:30-12:00\", \"17:00-08:30\"}\n}\n", 3, "friday", "ends before it starts");
	expect_error("building stadhuis {\n  sunday = {\"09:00-09:00\"}\n}\n", 2, "sunday",
		     "ends before it starts");
}
END_TEST

TEST(test_config__overlapping_or_unsorted_periods)
{
	testutil_config_file_refused("tests/data/conf/overlap.conf", 5,
				     "building stadhuis: tuesday: ", "overlaps");
	expect_error("building stadhuis {\n  wednesday = {\"13:00-17:00\", \"08:30-12:00\"}\n}\n",
		     2, "wednesday", "08:30-12:00");
}
END_TEST

TEST(test_config__user_under_two_roles)
{
	expect_error("roles {\n  receptionist = {\"anna\", \"@balie\"}\n  porter = {\"piet\",\n"
		     "    \"anna\"}\n}\n", 4, "roles: porter", "anna");
	expect_error("roles {\n  hr = {\"@hr\"}\n  manager = {\"@hr\"}\n}\n", 3, "roles: manager",
		     "already named under hr");
	expect_error("roles {\n  porter = {\"piet\", \"piet\"}\n}\n", 2, "roles: porter",
		     "named twice");
	expect_error("roles {\n  porter = {\"piet de bode\"}\n}\n", 2, "roles: porter",
		     "not a login name");
	expect_error("roles {\n  porter = {\"@\"}\n}\n", 2, "roles: porter", "@");
	expect_error("roles {\n  porter = {\" piet\"}\n}\n", 2, "roles: porter", "piet");
	/* Directory logins and group names with a space are real. */
	struct config *c = load_ok("roles {\n  porter = {\"piet@gemeente.local\", "
				   "\"@domain users\"}\n}\n");
	ck_assert_uint_eq(c->nroles, 2);
	ck_assert_str_eq(c->roles[1].name, "@domain users");
	ck_assert_int_eq(config_role_for(c, "piet@gemeente.local"), ROLE_PORTER);
	config_free(c);
}
END_TEST

TEST(test_config__control_characters)
{
	expect_error("municipality = \"Gemeente\x1b[31mVoorbeeld\"\n", 1, "municipality",
		     "control character");
	/* The message itself shows the escape made harmless. */
	expect_error("building stadhuis {\n  alarm_points = {\"Balie\t1\"}\n}\n", 2,
		     "building stadhuis: alarm_points", "control character");
	expect_error("building stadhuis {\n  name = \"Stad\xE2\x80\xAEhuis\"\n}\n", 2, "name",
		     "bidirectional");
	expect_error("protocol {\n  alarm = \"Bel \xC2\x9B de bode\"\n}\n", 2, "protocol: alarm",
		     "control character");
	expect_error("municipality = \"Gemeente \xFF\"\n", 1, "municipality", "UTF-8");
	testutil_config_refused_n("database = \"/x.db\"\n# \0\n", 22, 2, "NUL", NULL);
}
END_TEST

TEST(test_config__error_message_is_escaped)
{
	char dir[1024], path[1200], err[1024];
	testutil_tmpdir(dir, sizeof dir);
	const char *text = "bogus\x1b[2J = 1\n";
	write_file(dir, "balie.conf", text, strlen(text), path, sizeof path);
	ck_assert_ptr_null(config_load_file(path, err, sizeof err));
	ck_assert_msg(strchr(err, '\x1b') == NULL, "raw ESC in \"%s\"", err);
	testutil_rmdir(dir);
}
END_TEST

TEST(test_config__too_long)
{
	char text[4096];
	char name[300];
	memset(name, 'a', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	snprintf(text, sizeof text, "municipality = \"%s\"\n", name);
	expect_error(text, 1, "municipality", "too long");
}
END_TEST

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "values"

TEST(test_config__comments_in_lists_and_quotes)
{
	struct config *c = load_ok("database = \"/srv/a#b//c.db\" # real comment\n"
				   "building stadhuis {\n"
				   "  alarm_points = {\"Balie 1\", # under the counter\n"
				   "                  \"Balie 2\" // the other one\n"
				   "                  , \"Balie /* 3 */\"}\n"
				   "}\n");
	ck_assert_str_eq(c->database, "/srv/a#b//c.db");
	ck_assert_uint_eq(c->buildings[0].nalarm_points, 3);
	ck_assert_str_eq(c->buildings[0].alarm_points[1], "Balie 2");
	ck_assert_str_eq(c->buildings[0].alarm_points[2], "Balie /* 3 */");
	config_free(c);
}
END_TEST

/* Alarm points by kind, and the desk's own point (issue 12). */
TEST(test_config__alarm_points_and_kinds)
{
	expect_error("building b {\n  alarm_points = {\"Balie 1\"}\n"
		     "  robbery_points = {\"Balie 1\"}\n}\n", 3, "robbery_points", "Balie 1");
	expect_error("building b {\n  alarm_points = {\"Balie 1\"}\n}\n"
		     "alarm_point = \"Balie 9\"\n", 4, "alarm_point", "Balie 9");
	expect_error("alarm_point = \"Balie 1\"\nalarm_point = \"Balie 2\"\n", 2, "alarm_point",
		     "twice");
	struct config *c = load_ok("this_building = \"b\"\nalarm_point = \"Kassa\"\n"
				   "building b {\n  alarm_points = {\"Balie 1\"}\n"
				   "  robbery_points = {\"Kassa\"}\n  fire_points = {\"Hal\"}\n}\n");
	ck_assert_str_eq(c->alarm_point, "Kassa");
	ck_assert_uint_eq(c->buildings[0].nalarm_points, 3);
	ck_assert_str_eq(config_alarm_kind(c, "Balie 1"), "panic");
	ck_assert_str_eq(config_alarm_kind(c, "Kassa"), "robbery");
	ck_assert_str_eq(config_alarm_kind(c, "Hal"), "fire");
	ck_assert_ptr_null(config_alarm_kind(c, "Elders"));
	config_free(c);
}
END_TEST

TEST(test_config__defaults)
{
	struct config *c = config_defaults();
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_null(c->source);
	ck_assert_str_eq(c->database, "/var/lib/balie/balie.db");
	ck_assert_str_eq(c->language, "");
	ck_assert_str_eq(c->building, "stadhuis");
	ck_assert_int_eq(c->support_minimum, 2);
	ck_assert_int_eq(c->realarm_seconds, 30);
	ck_assert_int_eq(c->default_role, ROLE_NONE); /* issue 7: unmapped users have no role */
	ck_assert_uint_eq(c->nroles, 0);
	ck_assert_int_eq(c->retention.bans_months, 12);
	ck_assert_int_eq(c->retention.alarms_months, 24);
	ck_assert_int_eq(c->retention.presence_months, 24);
	ck_assert_int_eq(c->retention.appointments_months, 12);
	ck_assert_int_eq(c->retention.audit_months, 60);
	ck_assert_uint_eq(c->nbuildings, 1);
	const struct config_building *b = config_building_here(c);
	ck_assert_ptr_nonnull(b);
	ck_assert_str_eq(b->id, "stadhuis");
	ck_assert_str_eq(b->name, "Stadhuis");
	for (int d = 0; d < 5; d++) {
		ck_assert_int_eq(b->hours.day[d][0].start, 8 * 60 + 30);
		ck_assert_int_eq(b->hours.day[d][0].end, 17 * 60);
		ck_assert(!b->hours.day[d][0].evening);
	}
	ck_assert_int_eq(b->hours.count[3], 2);
	ck_assert_int_eq(b->hours.day[3][1].start, 18 * 60);
	ck_assert_int_eq(b->hours.day[3][1].end, 20 * 60);
	ck_assert(b->hours.day[3][1].evening);
	ck_assert_int_eq(policy_evening_period(&b->hours, 3), 1);
	ck_assert_int_eq(b->hours.count[5], 0);
	ck_assert_int_eq(b->hours.count[6], 0);
	ck_assert_uint_eq(b->nrooms, 2);
	ck_assert_str_eq(b->rooms[1], "Spreekkamer 008");
	ck_assert_uint_eq(b->nalarm_points, 5);
	ck_assert_str_eq(b->alarm_points[4], "Burgerzaken (overval)");
	for (int p = PROTOCOL_BAN_HIT; p <= PROTOCOL_UNDERSTAFFED; p++)
		ck_assert_ptr_null(c->protocol[p]);
	config_free(c);
	config_free(NULL);
}
END_TEST

TEST(test_config__empty_file_is_the_defaults)
{
	struct config *c = load_ok("# nothing set\n");
	ck_assert_ptr_nonnull(c->source);
	ck_assert_str_eq(c->database, "/var/lib/balie/balie.db");
	ck_assert_uint_eq(c->nbuildings, 1);
	ck_assert_str_eq(c->buildings[0].id, "stadhuis");
	ck_assert_str_eq(c->building, "stadhuis");
	config_free(c);
	c = load_ok("");
	ck_assert_uint_eq(c->nbuildings, 1);
	config_free(c);
}
END_TEST

TEST(test_config__full_fixture)
{
	char path[1024];
	struct config *c = testutil_config_file("tests/data/conf/two-buildings.conf", path,
						sizeof path);
	ck_assert_str_eq(c->source, path);
	ck_assert_str_eq(c->database, "/srv/balie/test.db");
	ck_assert_str_eq(c->language, "nl");
	ck_assert_str_eq(c->municipality, "Gemeente Ermelo");
	ck_assert_int_eq(c->support_minimum, 3);
	ck_assert_int_eq(c->realarm_seconds, 60);
	ck_assert_int_eq(c->default_role, ROLE_PORTER);
	ck_assert_uint_eq(c->nbuildings, 2);
	const struct config_building *here = config_building_here(c);
	ck_assert_str_eq(here->id, "milieustraat");
	ck_assert_int_eq(here->hours.count[5], 1);
	ck_assert_int_eq(here->hours.count[0], 0);
	const struct config_building *s = config_building_find(c, "stadhuis");
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s->hours.count[0], 2);
	ck_assert_int_eq(s->hours.day[0][1].start, 13 * 60);
	/* evening_from = 18:00: the Thursday evening counts, the day does not. */
	ck_assert(!s->hours.day[3][0].evening);
	ck_assert(s->hours.day[3][1].evening);
	ck_assert_uint_eq(s->nalarm_points, 2);
	ck_assert_ptr_null(config_building_find(c, "raadhuis"));
	ck_assert_ptr_null(config_building_find(c, NULL));
	ck_assert_uint_eq(c->nroles, 5);
	ck_assert_str_eq(config_protocol(c, PROTOCOL_BAN_HIT),
			 "Niet helpen; bel de bode op toestel 1234.");
	/* Empty = the built-in text. */
	ck_assert_ptr_null(c->protocol[PROTOCOL_POSSIBLE]);
	ck_assert_ptr_nonnull(strstr(config_protocol(c, PROTOCOL_POSSIBLE), "date of birth"));
	config_free(c);
}
END_TEST

TEST(test_config__shipped_example_loads)
{
	char path[1024];
	struct config *c = testutil_config_file("data/balie.conf", path, sizeof path);
	struct config *d = config_defaults();
	ck_assert_ptr_nonnull(d);
	/* The example shows the built-in values. */
	ck_assert_str_eq(c->database, d->database);
	ck_assert_str_eq(c->municipality, d->municipality);
	ck_assert_str_eq(c->building, d->building);
	ck_assert_int_eq(c->support_minimum, d->support_minimum);
	ck_assert_int_eq(c->realarm_seconds, d->realarm_seconds);
	ck_assert_int_eq(c->default_role, d->default_role);
	ck_assert_mem_eq(&c->retention, &d->retention, sizeof c->retention);
	ck_assert_uint_eq(c->nbuildings, 1);
	ck_assert_mem_eq(&c->buildings[0].hours, &d->buildings[0].hours,
			 sizeof c->buildings[0].hours);
	ck_assert_uint_eq(c->buildings[0].nalarm_points, d->buildings[0].nalarm_points);
	ck_assert_uint_eq(c->buildings[0].nrooms, d->buildings[0].nrooms);
	config_free(d);
	config_free(c);
}
END_TEST

TEST(test_config__protocol_texts)
{
	struct config *c = config_defaults();
	ck_assert_ptr_nonnull(strstr(config_protocol(c, PROTOCOL_BAN_HIT), "trespass"));
	ck_assert_ptr_nonnull(strstr(config_protocol(c, PROTOCOL_BAN_HIT), "112"));
	ck_assert_ptr_nonnull(strstr(config_protocol(c, PROTOCOL_POSSIBLE), "ID"));
	ck_assert_ptr_nonnull(strstr(config_protocol(c, PROTOCOL_ALARM), "porter"));
	ck_assert_ptr_nonnull(strstr(config_protocol(c, PROTOCOL_UNDERSTAFFED), "112"));
	ck_assert_ptr_nonnull(strstr(config_protocol(NULL, PROTOCOL_ALARM), "porter"));
	ck_assert_str_eq(config_protocol(c, (enum config_protocol)7), "");
	config_free(c);
	c = load_ok("protocol {\n  understaffed = \"Geen bodes: bel 112.\"\n}\n");
	ck_assert_str_eq(config_protocol(c, PROTOCOL_UNDERSTAFFED), "Geen bodes: bel 112.");
	config_free(c);
}
END_TEST

TEST(test_config__role_for)
{
	ck_assert_int_eq(config_role_for(NULL, "anna"), ROLE_NONE);
	struct config *c = load_ok("default_role = \"porter\"\nroles {\n"
				   "  receptionist = {\"anna\"}\n  manager = {\"@nosuchgroup\"}\n"
				   "  hr = {\"hanneke\"}\n}\n");
	ck_assert_int_eq(config_role_for(c, "anna"), ROLE_RECEPTIONIST);
	ck_assert_int_eq(config_role_for(c, "hanneke"), ROLE_HR);
	ck_assert_int_eq(config_role_for(c, "nobody-known-here"), ROLE_PORTER);
	ck_assert_int_eq(config_role_for(c, NULL), ROLE_PORTER);
	ck_assert_int_eq(config_role_for(c, ""), ROLE_PORTER);
	/* "@nosuchgroup" names a group, never a user of that name. */
	ck_assert_int_eq(config_role_for(c, "@nosuchgroup"), ROLE_PORTER);
	ck_assert_int_eq(config_role_for(c, "nosuchgroup"), ROLE_PORTER);
	config_free(c);
	c = config_defaults();
	ck_assert_int_eq(config_role_for(c, "anna"), ROLE_NONE);
	config_free(c);
	c = load_ok("default_role = \"none\"\nroles {\n  hr = {\"hanneke\"}\n}\n"
		    "retention {\n  audit_months = 120\n}\n");
	ck_assert_int_eq(config_role_for(c, "anna"), ROLE_NONE);
	ck_assert_int_eq(config_role_for(c, "hanneke"), ROLE_HR);
	ck_assert_int_eq(c->retention.audit_months, 120);
	ck_assert_int_eq(c->retention.bans_months, 12);
	config_free(c);
}
END_TEST

TEST(test_config__role_for_group)
{
	/* The running account and its primary group stand in for a desk user. */
	struct passwd *pw = getpwuid(getuid());
	struct group *gr = pw ? getgrgid(pw->pw_gid) : NULL;
	if (!pw || !gr)
		return; /* no account entry in this environment: nothing to look up */
	char user[256], group[256], text[1024];
	snprintf(user, sizeof user, "%s", pw->pw_name);
	snprintf(group, sizeof group, "%s", gr->gr_name);

	snprintf(text, sizeof text, "roles {\n  manager = {\"@%s\"}\n}\n", group);
	struct config *c = load_ok(text);
	ck_assert_int_eq(config_role_for(c, user), ROLE_MANAGER);
	config_free(c);

	/* A user named directly gets that role, whatever the groups say. */
	snprintf(text, sizeof text, "roles {\n  receptionist = {\"%s\"}\n  hr = {\"@%s\"}\n}\n",
		 user, group);
	c = load_ok(text);
	ck_assert_int_eq(config_role_for(c, user), ROLE_RECEPTIONIST);
	config_free(c);
}
END_TEST

/* Run config_load with a fresh XDG_CONFIG_HOME/HOME layout. */
TEST(test_config__lookup_order)
{
	char dir[1024], sub[1200], path[1300], xdgpath[1300], err[1024];
	testutil_tmpdir(dir, sizeof dir);

	/* HOME/.config/balie/balie.conf when XDG_CONFIG_HOME is unset. */
	snprintf(sub, sizeof sub, "%s/.config", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof sub, "%s/.config/balie", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	write_file(sub, "balie.conf", "municipality = \"Home\"\n", 22, path, sizeof path);
	ck_assert_int_eq(unsetenv("XDG_CONFIG_HOME"), 0);
	ck_assert_int_eq(setenv("HOME", dir, 1), 0);
	struct config *c = config_load(NULL, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_str_eq(c->municipality, "Home");
	ck_assert_str_eq(c->source, path);
	config_free(c);

	/* XDG_CONFIG_HOME wins over HOME. */
	snprintf(sub, sizeof sub, "%s/xdg", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof sub, "%s/xdg/balie", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	write_file(sub, "balie.conf", "municipality = \"Xdg\"\n", 21, xdgpath, sizeof xdgpath);
	snprintf(sub, sizeof sub, "%s/xdg", dir);
	ck_assert_int_eq(setenv("XDG_CONFIG_HOME", sub, 1), 0);
	c = config_load(NULL, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_str_eq(c->municipality, "Xdg");
	config_free(c);

	/* --config wins over both. */
	char explicit[1300];
	write_file(dir, "explicit.conf", "municipality = \"Explicit\"\n", 26, explicit,
		   sizeof explicit);
	c = config_load(explicit, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_str_eq(c->municipality, "Explicit");
	config_free(c);

	/* A broken user file is an error, not a silent fall-back to the defaults. */
	write_file(sub, "balie/balie.conf", "municipality = 1 2\n", 19, xdgpath, sizeof xdgpath);
	ck_assert_ptr_null(config_load(NULL, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, xdgpath));

	/* Nothing in the user's directories: the system file, else the defaults. */
	ck_assert_int_eq(unlink(xdgpath), 0);
	ck_assert_int_eq(unlink(path), 0);
	c = config_load(NULL, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	if (access(SYSCONFDIR "/balie/balie.conf", F_OK) != 0 &&
	    access("/etc/balie/balie.conf", F_OK) != 0)
		ck_assert_ptr_null(c->source);
	else
		ck_assert_ptr_nonnull(c->source);
	config_free(c);

	/* The directories made above, each now empty, the deeper first. */
	static const char *const made[] = {"xdg/balie", "xdg", ".config/balie", ".config"};
	for (size_t i = 0; i < sizeof made / sizeof *made; i++) {
		snprintf(sub, sizeof sub, "%s/%s", dir, made[i]);
		ck_assert_msg(rmdir(sub) == 0, "rmdir %s failed", sub);
	}
	testutil_rmdir(dir);
}
END_TEST

Suite *config_suite(void)
{
	return testutil_suite_cases("config", "errors", "values");
}
