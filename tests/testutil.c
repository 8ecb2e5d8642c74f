/* testutil — temporary directories and databases for the Check suites. */
#include "autoconfig.h"

#include <dirent.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/db.h"
#include "tests.h"

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
