/* tests — the suites of the one Check runner (tests/check_main.c) and shared fixtures. */
#ifndef BALIE_TESTS_H
#define BALIE_TESTS_H

#include <check.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "store/lib.h"

Suite *dates_suite(void);
Suite *text_suite(void);
Suite *csv_suite(void);
Suite *policy_suite(void);
Suite *sanctions_suite(void);
Suite *roles_suite(void);
Suite *names_suite(void);
Suite *keys_suite(void);
Suite *config_suite(void);
Suite *store_db_suite(void);
Suite *store_bans_suite(void);
Suite *store_bans_life_suite(void);
Suite *store_names_suite(void);
Suite *store_changes_suite(void);
Suite *store_alarms_suite(void);
Suite *store_appts_suite(void);
Suite *store_staff_suite(void);
Suite *visits_suite(void);
Suite *appts_suite(void);
Suite *store_visits_suite(void);
Suite *config_hours_suite(void);
Suite *sha256_suite(void);
Suite *store_admin_suite(void);
Suite *notices_suite(void);
Suite *wire_suite(void);
Suite *backups_suite(void);
Suite *client_admin_suite(void);
Suite *visitor_suite(void);
Suite *bancheck_suite(void);
Suite *store_health_suite(void);
Suite *incidents_suite(void);
Suite *config_incidents_suite(void);
Suite *store_incidents_suite(void);
Suite *named_suite(void);
Suite *grow_suite(void);
Suite *man_suite(void);

/* ---------------------------------------------------------------- tests and test cases */

/* The test case the TESTs that follow belong to: "core" unless the file says otherwise
 * (with #undef and #define before a group of tests). */
#ifndef TESTUTIL_TCASE
#define TESTUTIL_TCASE "core"
#endif

/* TEST(name) { ... } END_TEST: a Check test, as START_TEST makes it, that registers itself
 * when the program starts, with its file and test case, for testutil_tcase: each test is
 * named once, where it is written. */
#define TEST(name) TEST_LOOP(name, 0)

/* TEST_LOOP(name, n) { ... } END_TEST: the same for a table-driven test that Check runs n
 * times, with _i from 0 to n - 1 (one case of the table each, failing on its own). */
#define TEST_LOOP(name, n)                                                                  \
	static void name##_fn(int _i CK_ATTRIBUTE_UNUSED);                                  \
	static const TTest name##_ttest = {#name, name##_fn, __FILE__, __LINE__};           \
	__attribute__((constructor)) static void name##_register(void)                      \
	{                                                                                   \
		testutil_register(TESTUTIL_TCASE, &name##_ttest, (n));                      \
	}                                                                                   \
	static void name##_fn(int _i CK_ATTRIBUTE_UNUSED)

/* What TEST and TEST_LOOP call at start-up; loops 0 for a test run once. */
void testutil_register(const char *tcase, const TTest *test, int loops);

/* A new test case called name in s, with a checked fixture (setup and teardown, either may
 * be NULL), holding every TEST and TEST_LOOP of the calling file registered under name, in
 * the order of the file. */
#define testutil_tcase(s, name, setup, teardown)                                           \
	testutil_tcase_of((s), (name), (setup), (teardown), __FILE__)
TCase *testutil_tcase_of(Suite *s, const char *name, SFun setup, SFun teardown,
			 const char *file);

/* A new suite called name with one test case, "core", as testutil_tcase makes it. */
#define testutil_suite(name, setup, teardown)                                              \
	testutil_suite_of((name), (setup), (teardown), __FILE__)
Suite *testutil_suite_of(const char *name, SFun setup, SFun teardown, const char *file);

/* A new suite called name with the test cases named after it (up to a NULL), none with a
 * fixture. */
#define testutil_suite_cases(name, ...)                                                     \
	testutil_suite_cases_of((name), __FILE__, __VA_ARGS__, (const char *)NULL)
Suite *testutil_suite_cases_of(const char *name, const char *file, ...);

/* For the runner once its suites are made: 0 when every TEST is in a test case, else -1
 * with the ones left out (their test case name not asked for) named on stderr. */
int testutil_all_taken(void);

/* The names of an enum TYPE of n values: name_of(v) is names[v] and parse gives v back
 * from it; name_of(n) says "?". */
#define TESTUTIL_NAMES_PARSE_BACK(type, n, names, name_of, parse)                          \
	do {                                                                                \
		for (int i_ = 0; i_ < (n); i_++) {                                          \
			type v_;                                                            \
			ck_assert_str_eq(name_of((type)i_), (names)[i_]);                   \
			ck_assert_int_eq(parse((names)[i_], &v_), 0);                       \
			ck_assert_int_eq(v_, i_);                                           \
		}                                                                           \
		ck_assert_str_eq(name_of((type)(n)), "?");                                  \
	} while (0)

/* The same, and label_of(v) is not empty; outside the table, below and above, it says
 * "?". */
#define TESTUTIL_NAMES_ROUND_TRIP(type, n, names, name_of, parse, label_of)                \
	do {                                                                                \
		TESTUTIL_NAMES_PARSE_BACK(type, n, names, name_of, parse);                  \
		for (int i_ = 0; i_ < (n); i_++)                                            \
			ck_assert_int_gt(strlen(label_of((type)i_)), 0);                    \
		ck_assert_str_eq(label_of((type)(n)), "?");                                 \
		ck_assert_str_eq(label_of((type)-1), "?");                                  \
	} while (0)

/* parse refuses each string of the array bad, and NULL, with -1 and leaves its TYPE
 * result as it was (keep). */
#define TESTUTIL_PARSE_REJECTS(type, keep, parse, bad)                                      \
	do {                                                                                \
		type v_ = (keep);                                                           \
		for (size_t i_ = 0; i_ < sizeof(bad) / sizeof *(bad); i_++)                  \
			ck_assert_msg(parse((bad)[i_], &v_) == -1, "accepted %s", (bad)[i_]); \
		ck_assert_int_eq(parse(NULL, &v_), -1);                                     \
		ck_assert_int_eq(v_, (keep));                                               \
	} while (0)

/* Append text to the string in buf (bufsz bytes), after sep unless buf is empty; fails the
 * test when it does not fit. For the lists a test compares as one string. */
void testutil_append(char *buf, size_t bufsz, const char *sep, const char *text);

/* A person-export callback (store_person_export, client_person_export): appends the section
 * of each record and a space to the string at arg, of TESTUTIL_SECTIONS_MAX bytes. */
#define TESTUTIL_SECTIONS_MAX 1024
int testutil_export_sections(const char *section, int ncols, const char *const *names,
			     const char *const *values, void *arg);

/* A new string of n bytes: unit repeated (and cut off at n). Free it. */
char *testutil_repeat(const char *unit, size_t n);

/* Put a malloc'd copy of value in place of the malloc'd string *text (a field of a record
 * the test changes); fails the test on no memory. */
void testutil_replace(char **text, const char *value);

/* A fresh temporary directory (mkdtemp) for one test; path written to dir. */
void testutil_tmpdir(char *dir, size_t dirsz);

/* Remove a temporary directory and everything in it (one level deep). */
void testutil_rmdir(const char *dir);

/* Open a new database in a fresh temporary directory; its path is written to path.
 * Fails the test when it cannot. Close with testutil_close_store. */
struct store *testutil_store(char *path, size_t pathsz);

/* Close the store and remove its directory. */
void testutil_close_store(struct store *st, const char *path);

/* The store suites' checked fixture. Setup (called from a suite's own setup): the clock
 * at now (BALIE_NOW; NULL: the real clock) and a new database as testutil_store, in *st
 * at path. testutil_store_teardown closes *st (also one a test reopened), removes its
 * directory and unsets BALIE_NOW. */
void testutil_store_setup(struct store **st, char *path, size_t pathsz, const char *now);
void testutil_store_teardown(void);

/* The audit line age lines back from the newest (0: the newest) has this action and, unless
 * object is NULL, this object. */
void testutil_audit_line(struct store *st, size_t age, const char *action, const char *object);

/* The tests' usual ban of a person: a building ban for a threat from starts to ends, imposed
 * by A. Hoofd, letter sent 2026-01-02, notes "threatened a colleague" (every answer given,
 * so it is in force once inserted). Change fields before inserting it for other cases. */
struct ban_new testutil_ban(const char *given, const char *prefix, const char *surname,
			    const char *born, const char *starts, const char *ends);

/* testutil_ban for Jan de <surname>, born 1980-02-29: the one person the store's ban tests
 * vary only by surname and period. */
struct ban_new testutil_ban_jan(const char *surname, const char *starts, const char *ends);

/* Insert b into st, failing the test (with the store's message) when it is refused; the
 * new ban's id. */
int64_t testutil_ban_insert(struct store *st, struct ban_new b);

/* Every text field of want that is set (not NULL) is the same in got, a ban read back from
 * the store; fails the test naming the first field that is not. Numbers, enums and flags
 * are for the test to compare. */
void testutil_ban_texts(const struct ban *got, const struct ban *want);

/* The first column of the one row sql returns on st's own connection, as an integer. */
long long testutil_scalar(struct store *st, const char *sql);

/* The time of a UTC timestamp ("2026-11-24T13:00:00Z"); fails the test on a bad one. */
time_t testutil_utc(const char *s);

/* Local time is Amsterdam's (TZ), for the tests of opening hours and local dates. */
void testutil_amsterdam(void);

/* Run SQL on a connection of its own to the database at path, failing the test on an
 * error: what an operator with sqlite3 could do, or a fixture written around the store. */
void testutil_sql(const char *path, const char *sql);

/* Load text as a balie.conf in a temporary directory: refused at line with both needles in
 * the message (needle2 may be NULL) as "FILE:LINE: ...", or accepted (free with
 * config_free). Fail the test otherwise. */
struct config;
void testutil_config_refused(const char *text, int line, const char *needle,
			     const char *needle2);
/* The same for len bytes of text (which may hold a NUL). */
void testutil_config_refused_n(const char *text, size_t len, int line, const char *needle,
			       const char *needle2);
struct config *testutil_config_load(const char *text);

/* The configuration file at rel below the source tree ("data/balie.conf"), accepted; its
 * full path is written to path. Free with config_free. */
struct config *testutil_config_file(const char *rel, char *path, size_t pathsz);

/* The configuration file at rel below the source tree refused at line: the message is
 * "FILE:LINE: " and after, and holds needle. */
void testutil_config_file_refused(const char *rel, int line, const char *after,
				  const char *needle);

/* $BALIE_SRCDIR (the source tree) or "." — for tests/data files. */
const char *testutil_srcdir(void);

/* Read the built file rel below $BALIE_BUILDDIR (or ".") whole into buf, NUL-terminated
 * (the test fails when it cannot, or when the file does not fit); its length. For what the
 * build makes, such as the man pages. */
size_t testutil_read_built(const char *rel, char *buf, size_t bufsz);

#endif
