/* testutil — temporary directories, databases and configuration files for the Check suites. */
#include "autoconfig.h"

#include <dirent.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "config.h"
#include "core/lib.h"
#include "store/lib.h"
#include "store/internal.h"
#include "tests.h"

/* Every TEST of the program, registered at start-up. */
static struct {
	const char *tcase;
	const TTest *test;
	int loops;
	bool taken;
} registry[1024];
static size_t nregistered;

void testutil_register(const char *tcase, const TTest *test, int loops)
{
	/* Before main: no Check test runs yet to fail, so a full table stops the program. */
	if (nregistered == sizeof registry / sizeof *registry) {
		fprintf(stderr, "testutil: more than %zu tests; enlarge the registry\n",
			sizeof registry / sizeof *registry);
		abort();
	}
	registry[nregistered].tcase = tcase;
	registry[nregistered].test = test;
	registry[nregistered].loops = loops;
	registry[nregistered].taken = false;
	nregistered++;
}

/* Registry entries (by index) in the order of their lines. */
static int by_line(const void *a, const void *b)
{
	int x = registry[*(const size_t *)a].test->line;
	int y = registry[*(const size_t *)b].test->line;
	return (x > y) - (x < y);
}

TCase *testutil_tcase_of(Suite *s, const char *name, SFun setup, SFun teardown,
			 const char *file)
{
	TCase *tc = tcase_create(name);
	if (setup || teardown)
		tcase_add_checked_fixture(tc, setup, teardown);
	size_t of[sizeof registry / sizeof *registry], n = 0;
	for (size_t i = 0; i < nregistered; i++)
		if (strcmp(registry[i].test->file, file) == 0 &&
		    strcmp(registry[i].tcase, name) == 0) {
			of[n++] = i;
			registry[i].taken = true;
		}
	qsort(of, n, sizeof *of, by_line);
	for (size_t k = 0; k < n; k++) {
		const TTest *t = registry[of[k]].test;
		if (registry[of[k]].loops > 0)
			tcase_add_loop_test(tc, t, 0, registry[of[k]].loops);
		else
			tcase_add_test(tc, t);
	}
	suite_add_tcase(s, tc);
	return tc;
}

Suite *testutil_suite_of(const char *name, SFun setup, SFun teardown, const char *file)
{
	Suite *s = suite_create(name);
	testutil_tcase_of(s, "core", setup, teardown, file);
	return s;
}

Suite *testutil_suite_cases_of(const char *name, const char *file, ...)
{
	Suite *s = suite_create(name);
	va_list ap;
	va_start(ap, file);
	for (const char *tc = va_arg(ap, const char *); tc; tc = va_arg(ap, const char *))
		testutil_tcase_of(s, tc, NULL, NULL, file);
	va_end(ap);
	return s;
}

int testutil_all_taken(void)
{
	int rc = 0;
	for (size_t i = 0; i < nregistered; i++)
		if (!registry[i].taken) {
			fprintf(stderr, "%s:%d: %s (test case \"%s\") is in no suite\n",
				registry[i].test->file, registry[i].test->line,
				registry[i].test->name, registry[i].tcase);
			rc = -1;
		}
	return rc;
}

void testutil_append(char *buf, size_t bufsz, const char *sep, const char *text)
{
	size_t used = strlen(buf);
	int w = snprintf(buf + used, bufsz - used, "%s%s", used ? sep : "", text);
	ck_assert_msg(w >= 0 && (size_t)w < bufsz - used, "no room for \"%s\" after \"%s\"", text,
		      buf);
}

int testutil_export_sections(const char *section, int ncols, const char *const *names,
			     const char *const *values, void *arg)
{
	(void)ncols;
	(void)names;
	(void)values;
	testutil_append(arg, TESTUTIL_SECTIONS_MAX, "", section);
	testutil_append(arg, TESTUTIL_SECTIONS_MAX, "", " ");
	return 0;
}

char *testutil_repeat(const char *unit, size_t n)
{
	size_t u = strlen(unit);
	ck_assert_uint_gt(u, 0);
	char *s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < n; i++)
		s[i] = unit[i % u];
	s[n] = '\0';
	return s;
}

struct ban_new testutil_ban(const char *given, const char *prefix, const char *surname,
			    const char *born, const char *starts, const char *ends)
{
	struct ban_new b = {
		.given_names = given, .prefix = prefix, .surname = surname, .born = born,
		.kind = BAN_BUILDING, .reason = REASON_THREAT, .starts = starts, .ends = ends,
		.imposed_by = "A. Hoofd", .letter_sent = "2026-01-02",
		.notes = "threatened a colleague",
	};
	return b;
}

struct ban_new testutil_ban_jan(const char *surname, const char *starts, const char *ends)
{
	return testutil_ban("Jan", "de", surname, "1980-02-29", starts, ends);
}

int64_t testutil_ban_insert(struct store *st, struct ban_new b)
{
	int64_t id = 0;
	ck_assert_msg(store_ban_insert(st, &b, &id) == STORE_OK, "%s", store_error(st));
	ck_assert_int_gt(id, 0);
	return id;
}

/* The text fields of a ban by name, for testutil_ban_texts. */
#define BAN_TEXT(field) {#field, offsetof(struct ban, field)}
static const struct {
	const char *name;
	size_t offset;
} ban_texts[] = {
	BAN_TEXT(given_names), BAN_TEXT(prefix), BAN_TEXT(surname), BAN_TEXT(partner_prefix),
	BAN_TEXT(partner_surname), BAN_TEXT(born), BAN_TEXT(scope), BAN_TEXT(starts),
	BAN_TEXT(ends), BAN_TEXT(imposed_by), BAN_TEXT(letter_sent), BAN_TEXT(notes),
	BAN_TEXT(lifted_at), BAN_TEXT(lifted_by), BAN_TEXT(lifted_reason), BAN_TEXT(created_at),
	BAN_TEXT(created_by), BAN_TEXT(enforcement), BAN_TEXT(justification), BAN_TEXT(reasons),
	BAN_TEXT(address), BAN_TEXT(event_date), BAN_TEXT(takeover_source),
	BAN_TEXT(takeover_date), BAN_TEXT(reviewed_at), BAN_TEXT(reviewed_by),
};
#undef BAN_TEXT

void testutil_ban_texts(const struct ban *got, const struct ban *want)
{
	for (size_t i = 0; i < sizeof ban_texts / sizeof *ban_texts; i++) {
		const char *w = *(char *const *)((const char *)want + ban_texts[i].offset);
		const char *g = *(char *const *)((const char *)got + ban_texts[i].offset);
		if (w)
			ck_assert_msg(g && strcmp(g, w) == 0, "ban %s: \"%s\", expected \"%s\"",
				      ban_texts[i].name, g ? g : "(null)", w);
	}
}

void testutil_replace(char **text, const char *value)
{
	char *copy = strdup(value);
	ck_assert_ptr_nonnull(copy);
	free(*text);
	*text = copy;
}

void testutil_tmpdir(char *dir, size_t dirsz)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, dirsz, "%s/balie-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp %s failed", dir);
}

void testutil_rmdir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[4096];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		ck_assert_msg(unlink(path) == 0, "unlink %s failed", path);
	}
	ck_assert_int_eq(closedir(d), 0);
	ck_assert_msg(rmdir(dir) == 0, "rmdir %s failed", dir);
}

struct store *testutil_store(char *path, size_t pathsz)
{
	char dir[1024], err[1024];
	testutil_tmpdir(dir, sizeof dir);
	snprintf(path, pathsz, "%s/test.db", dir);
	struct store *st = store_open(path, STORE_CREATE, err, sizeof err);
	ck_assert_msg(st != NULL, "store_open: %s", err);
	store_set_actor(st, "tester", "test");
	return st;
}

void testutil_close_store(struct store *st, const char *path)
{
	store_close(st);
	char copy[4096];
	snprintf(copy, sizeof copy, "%s", path);
	testutil_rmdir(dirname(copy));
}

/* The store the fixture opened, by reference: a test may close and reopen it. */
static struct store **fixture_st;
static const char *fixture_path;

void testutil_store_setup(struct store **st, char *path, size_t pathsz, const char *now)
{
	ck_assert_int_eq(now ? setenv("BALIE_NOW", now, 1) : unsetenv("BALIE_NOW"), 0);
	*st = testutil_store(path, pathsz);
	fixture_st = st;
	fixture_path = path;
}

void testutil_store_teardown(void)
{
	ck_assert_msg(fixture_st != NULL, "testutil_store_teardown without testutil_store_setup");
	testutil_close_store(*fixture_st, fixture_path);
	*fixture_st = NULL;
	fixture_st = NULL;
	ck_assert_int_eq(unsetenv("BALIE_NOW"), 0);
}

void testutil_audit_line(struct store *st, size_t age, const char *action, const char *object)
{
	struct audit_entry *e = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_audit_list(st, age + 1, &e, &n), STORE_OK);
	ck_assert_msg(n == age + 1, "audit line %zu back: only %zu lines", age, n);
	ck_assert_msg(strcmp(e[age].action, action) == 0, "audit line %zu back: action %s, not %s",
		      age, e[age].action, action);
	ck_assert_msg(!object || strcmp(e[age].object, object) == 0,
		      "audit line %zu back: object %s, not %s", age, e[age].object, object);
	free(e);
}

long long testutil_scalar(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	ck_assert_msg(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(st->db));
	ck_assert_msg(sqlite3_step(s) == SQLITE_ROW, "%s: no row", sql);
	long long v = sqlite3_column_int64(s, 0);
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	return v;
}

time_t testutil_utc(const char *s)
{
	time_t t;
	ck_assert_msg(dates_parse_utc(s, &t) == 0, "bad UTC %s", s);
	return t;
}

void testutil_amsterdam(void)
{
	ck_assert_int_eq(setenv("TZ", "Europe/Amsterdam", 1), 0);
	tzset();
}

void testutil_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK, "%s: %s", sql, err);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
}

const char *testutil_srcdir(void)
{
	const char *s = getenv("BALIE_SRCDIR");
	return s && *s ? s : ".";
}

size_t testutil_read_built(const char *rel, char *buf, size_t bufsz)
{
	const char *dir = getenv("BALIE_BUILDDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : ".", rel);
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	size_t n = fread(buf, 1, bufsz - 1, f);
	ck_assert_msg(feof(f) && !ferror(f), "%s: unreadable or larger than the test reads", path);
	ck_assert_int_eq(fclose(f), 0);
	buf[n] = '\0';
	return n;
}

/* Write len bytes of text as dir/balie.conf; the full path goes to path. */
static void write_conf(const char *dir, const char *text, size_t len, char *path,
		       size_t pathsz)
{
	snprintf(path, pathsz, "%s/balie.conf", dir);
	FILE *f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* The refusal of the configuration file at path: err starts with "PATH:LINE: " and after, and
 * holds needle and (unless NULL) needle2. */
static void check_refusal(const char *err, const char *path, int line, const char *after,
			  const char *needle, const char *needle2)
{
	char prefix[2048];
	snprintf(prefix, sizeof prefix, "%s:%d: %s", path, line, after);
	ck_assert_msg(strncmp(err, prefix, strlen(prefix)) == 0,
		      "message \"%s\", expected \"%s...\"", err, prefix);
	ck_assert_msg(strstr(err, needle) != NULL, "message \"%s\" lacks \"%s\"", err, needle);
	ck_assert_msg(!needle2 || strstr(err, needle2) != NULL, "message \"%s\" lacks \"%s\"", err,
		      needle2);
}

void testutil_config_refused_n(const char *text, size_t len, int line, const char *needle,
			       const char *needle2)
{
	char dir[1024], path[1200], err[1024];
	testutil_tmpdir(dir, sizeof dir);
	write_conf(dir, text, len, path, sizeof path);
	struct config *c = config_load_file(path, err, sizeof err);
	ck_assert_msg(c == NULL, "accepted:\n%s", text);
	check_refusal(err, path, line, "", needle, needle2);
	testutil_rmdir(dir);
}

void testutil_config_refused(const char *text, int line, const char *needle, const char *needle2)
{
	testutil_config_refused_n(text, strlen(text), line, needle, needle2);
}

struct config *testutil_config_load(const char *text)
{
	char dir[1024], path[1200], err[1024];
	testutil_tmpdir(dir, sizeof dir);
	write_conf(dir, text, strlen(text), path, sizeof path);
	struct config *c = config_load_file(path, err, sizeof err);
	ck_assert_msg(c != NULL, "refused: %s", err);
	testutil_rmdir(dir);
	return c;
}

struct config *testutil_config_file(const char *rel, char *path, size_t pathsz)
{
	char err[1024];
	snprintf(path, pathsz, "%s/%s", testutil_srcdir(), rel);
	struct config *c = config_load_file(path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s refused: %s", rel, err);
	return c;
}

void testutil_config_file_refused(const char *rel, int line, const char *after,
				  const char *needle)
{
	char path[1024], err[1024];
	snprintf(path, sizeof path, "%s/%s", testutil_srcdir(), rel);
	ck_assert_msg(config_load_file(path, err, sizeof err) == NULL, "%s accepted", rel);
	check_refusal(err, path, line, after, needle, NULL);
}
