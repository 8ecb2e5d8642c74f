/* test_store_db — opening the database: file modes, pragmas, migrations, refusals, read-only
 * use, the change watch, concurrent writers in two processes and the append-only audit trail. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/lib.h"
#include "store/internal.h"
#include "tests.h"

static char dir[1024], path[2048];

static void setup(void)
{
	testutil_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/balie.db", dir);
}

static void teardown(void)
{
	testutil_rmdir(dir);
}

/* The database at path opened with flags; fails the test when it cannot be. */
static struct store *opened(int flags)
{
	char err[1024];
	struct store *st = store_open(path, flags, err, sizeof err);
	ck_assert_msg(st != NULL, "store_open: %s", err);
	return st;
}

/* Opening the database at path with flags is refused, with a message that names the file
 * and holds why. */
static void refused(int flags, const char *why)
{
	char err[1024] = "";
	ck_assert_ptr_null(store_open(path, flags, err, sizeof err));
	ck_assert_msg(strstr(err, path) != NULL, "%s: the file is not named", err);
	ck_assert_msg(strstr(err, why) != NULL, "%s: lacks \"%s\"", err, why);
}

static unsigned mode_of(const char *suffix)
{
	char p[2100];
	struct stat sb;
	snprintf(p, sizeof p, "%s%s", path, suffix);
	ck_assert_msg(stat(p, &sb) == 0, "stat %s: %s", p, strerror(errno));
	return sb.st_mode & 07777;
}

/* Build a file with raw SQLite: the given SQL, then user_version. */
static void raw_db(const char *sql, int version)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK, "%s", err);
	char v[64];
	snprintf(v, sizeof v, "PRAGMA user_version = %d", version);
	ck_assert_int_eq(sqlite3_exec(db, v, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	/* Not world-readable, or balie refuses it before anything else (issue 7). */
	ck_assert_int_eq(chmod(path, 0660), 0);
}

TEST(test_store_db__missing_file_names_balie_init)
{
	refused(0, "balie init");
	char err[1024] = "";
	ck_assert_ptr_null(store_open(path, STORE_READONLY | STORE_CREATE, err, sizeof err));
	ck_assert_int_ne(access(path, F_OK), 0); /* nothing was created */
}
END_TEST

TEST(test_store_db__refuses_newer_schema)
{
	char sql[8192];
	snprintf(sql, sizeof sql, "%s", store_migration_sql(1));
	raw_db(sql, store_schema_latest() + 1);
	refused(0, "newer than this program");
}
END_TEST

TEST(test_store_db__refuses_other_sqlite_file)
{
	raw_db("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)", 0);
	refused(0, "not a balie database");
}
END_TEST

TEST(test_store_db__refuses_non_sqlite_file)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 200; i++)
		ck_assert_int_ge(fputs("surname,given_names\n", f), 0);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, 0660), 0); /* else refused as world-readable first */
	refused(STORE_CREATE, "not an SQLite file");
}
END_TEST

/* Issue 7: personal data is never opened while every user could read it. */
TEST(test_store_db__refuses_world_accessible_file)
{
	char err[1024] = "";
	struct store *st = opened(STORE_CREATE);
	store_close(st);
	static const mode_t bad[] = {0664, 0662, 0666, 0604};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_int_eq(chmod(path, bad[i]), 0);
		err[0] = '\0';
		ck_assert_ptr_null(store_open(path, 0, err, sizeof err));
		ck_assert_ptr_null(store_open(path, STORE_READONLY, err, sizeof err));
		ck_assert_ptr_nonnull(strstr(err, path));
		ck_assert_ptr_nonnull(strstr(err, "chmod 660"));
		ck_assert_ptr_nonnull(strstr(err, "chgrp balie"));
	}
	/* A stale world-readable -wal is refused as well. */
	ck_assert_int_eq(chmod(path, 0660), 0);
	char wal[2100];
	snprintf(wal, sizeof wal, "%s-wal", path);
	int fd = open(wal, O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fchmod(fd, 0644), 0);
	ck_assert_int_eq(close(fd), 0);
	ck_assert_ptr_null(store_open(path, 0, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "-wal"));
	ck_assert_int_eq(unlink(wal), 0);
	st = opened(0);
	store_close(st);
}
END_TEST

TEST(test_store_db__create_mode_and_pragmas)
{
	mode_t old = umask(077); /* the files must be 0660 whatever the umask */
	struct store *st = opened(STORE_CREATE);
	ck_assert_uint_eq(mode_of(""), 0660);
	ck_assert_int_eq(store_alarm_raise(st, "balie 1", ALARM_TEST, NULL), STORE_OK);
	ck_assert_uint_eq(mode_of("-wal"), 0660);
	ck_assert_uint_eq(mode_of("-shm"), 0660);
	umask(old);

	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &s, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	ck_assert_int_eq(testutil_scalar(st, "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(testutil_scalar(st, "PRAGMA synchronous"), 2);
	/* busy_timeout is 0: the store's own busy handler waits (test_store_health). */
	ck_assert_int_eq(store_schema_version(st), store_schema_latest());
	ck_assert_int_ge(store_schema_latest(), 2);
	ck_assert_str_eq(store_path(st), path);
	store_close(st);
	store_close(NULL);
}
END_TEST

TEST(test_store_db__migrates_version_1_keeping_data)
{
	char sql[16384];
	snprintf(sql, sizeof sql, "%s"
		 "INSERT INTO person (id, given_names, prefix, surname, born, created_at)"
		 " VALUES (1, 'Jan', 'de', 'Vries', '1970-01-02', '2025-01-01T00:00:00Z');"
		 "INSERT INTO ban (id, person_id, kind, reason, starts, ends, created_at, created_by)"
		 " VALUES (5, 1, 'phone', 'threat', '2025-01-01', '2025-06-30',"
		 " '2025-01-01T00:00:00Z', 'hr');"
		 "INSERT INTO ban_scope VALUES (5, 'yard');"
		 "INSERT INTO staff (id, name, team) VALUES (1, 'Piet', 'support');"
		 "INSERT INTO audit (at, actor, action) VALUES ('2025-01-01T00:00:00Z', 'hr', 'x');",
		 store_migration_sql(1));
	raw_db(sql, 1);

	struct store *st = opened(0);
	ck_assert_int_eq(store_schema_version(st), store_schema_latest());
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, 5, &b), STORE_OK);
	testutil_ban_texts(&b, &(struct ban){.surname = "Vries", .prefix = "de",
					      .born = "1970-01-02", .partner_surname = "",
					      .scope = "yard", .created_by = "hr"});
	ck_assert_int_eq(b.kind, BAN_PHONE);
	store_ban_clear(&b);
	/* The tables of migration 2 exist. */
	ck_assert_int_eq(store_staff_roster(st, "Piet", "2026-11-25", true), STORE_OK);

	struct audit_entry *e;
	size_t n;
	ck_assert_int_eq(store_audit_list(st, 0, &e, &n), STORE_OK);
	ck_assert_uint_ge(n, 3);
	ck_assert_str_eq(e[n - 1].action, "x"); /* the old line is kept */
	bool migrated = false;
	for (size_t i = 0; i < n; i++)
		migrated |= strcmp(e[i].action, "schema.migrate") == 0;
	ck_assert(migrated);
	free(e);
	store_close(st);

	/* Opening again changes nothing. */
	st = opened(0);
	ck_assert_int_eq(store_audit_list(st, 0, &e, &n), STORE_OK);
	size_t again = n;
	free(e);
	ck_assert_uint_eq(again, 3); /* old line, migrate, roster: nothing new */
	store_close(st);
}
END_TEST

TEST(test_store_db__read_only)
{
	char err[1024];
	struct store *st = opened(STORE_CREATE);
	ck_assert_int_eq(store_alarm_raise(st, "hall", ALARM_PANIC, NULL), STORE_OK);
	store_close(st);
	ck_assert_int_eq(chmod(path, 0440), 0);

	if (geteuid() != 0) {
		/* The permission stops anybody but root from changing the file. */
		st = store_open(path, 0, err, sizeof err);
		if (st) {
			ck_assert_int_ne(store_alarm_raise(st, "hall", ALARM_PANIC, NULL), STORE_OK);
			ck_assert_ptr_nonnull(strstr(store_error(st), "read-only"));
			store_close(st);
		} else {
			ck_assert_msg(strstr(err, "read-only") != NULL, "%s", err);
		}
	} /* else: root ignores the mode; STORE_READONLY below covers the refusal. */

	st = opened(STORE_READONLY);
	struct alarm *a;
	size_t n;
	ck_assert_int_eq(store_alarm_list(st, 1, 0, &a, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	free(a);
	ck_assert_int_eq(store_alarm_raise(st, "hall", ALARM_PANIC, NULL), STORE_ERROR);
	ck_assert_msg(strstr(store_error(st), "read-only") != NULL, "%s", store_error(st));
	ck_assert_int_eq(store_audit(st, "check", "visitor", "clear", ""), STORE_ERROR);
	store_close(st);
	ck_assert_int_eq(chmod(path, 0660), 0);
}
END_TEST

TEST(test_store_db__changed_sees_other_connection)
{
	struct store *a = opened(STORE_CREATE);
	struct store *b = opened(0);
	ck_assert(!store_changed(a));
	ck_assert_int_eq(store_alarm_raise(b, "counter 2", ALARM_PANIC, NULL), STORE_OK);
	ck_assert(store_changed(a));
	ck_assert(!store_changed(a));
	ck_assert_int_eq(store_alarm_raise(a, "counter 3", ALARM_PANIC, NULL), STORE_OK);
	ck_assert(store_changed(a)); /* own writes count too */

	int fd = store_watch_fd(a);
	if (fd >= 0) {
		store_watch_drain(a);
		ck_assert_int_eq(store_alarm_raise(b, "counter 4", ALARM_PANIC, NULL), STORE_OK);
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ck_assert_int_eq(poll(&p, 1, 5000), 1);
		store_watch_drain(a);
		ck_assert(store_changed(a));
	}
	store_close(b);
	store_close(a);
}
END_TEST

/* A child process: raise n alarms as fast as possible; exit status 0 when all went in. */
static void raise_many(const char *who, int n)
{
	char err[1024];
	struct store *st = store_open(path, 0, err, sizeof err);
	if (!st)
		_exit(10);
	store_set_actor(st, who, "test");
	for (int i = 0; i < n; i++) {
		char loc[64];
		snprintf(loc, sizeof loc, "%s %d", who, i);
		if (store_alarm_raise(st, loc, ALARM_PANIC, NULL) != STORE_OK) {
			fprintf(stderr, "%s: %s\n", who, store_error(st));
			store_close(st);
			_exit(11);
		}
	}
	store_close(st);
	_exit(0);
}

TEST(test_store_db__two_processes_write_at_once)
{
	struct store *st = opened(STORE_CREATE);
	store_close(st); /* no connection may cross a fork */

	pid_t pids[2];
	for (int i = 0; i < 2; i++) {
		pids[i] = fork();
		ck_assert_int_ge(pids[i], 0);
		if (pids[i] == 0)
			raise_many(i ? "porter" : "desk", 200);
	}
	for (int i = 0; i < 2; i++) {
		int status = 0;
		ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			      "writer %d failed with status %d", i, status);
	}
	st = opened(0);
	struct alarm *a;
	size_t n;
	ck_assert_int_eq(store_alarm_list(st, 1, 0, &a, &n), STORE_OK);
	ck_assert_uint_eq(n, 400);
	int desk = 0, porter = 0;
	for (size_t i = 0; i < n; i++) {
		desk += strcmp(a[i].raised_by, "desk") == 0;
		porter += strcmp(a[i].raised_by, "porter") == 0;
	}
	ck_assert_int_eq(desk, 200);
	ck_assert_int_eq(porter, 200);
	free(a);
	store_close(st);
}
END_TEST

TEST(test_store_db__audit_refuses_empty_action)
{
	struct store *st = opened(STORE_CREATE);
	ck_assert_int_eq(store_audit(st, "", "visitor", "clear", ""), STORE_INVALID);
	ck_assert_int_eq(store_audit(st, NULL, "visitor", "clear", ""), STORE_INVALID);
	store_close(st);
}
END_TEST

TEST(test_store_db__audit_lists_newest_first_and_is_append_only)
{
	setenv("BALIE_NOW", "2026-11-25T09:00:00Z", 1);
	struct store *st = opened(STORE_CREATE);
	store_set_actor(st, "anna", "pts/4");
	ck_assert_int_eq(store_audit(st, "check", "visitor", "clear", "Jan de Vries"), STORE_OK);
	ck_assert_int_eq(store_audit(st, "check", "visitor", "match", NULL), STORE_OK);
	ck_assert_int_eq(store_audit(st, "denied", "ban:3", "refused", "role receptionist"),
			 STORE_OK);
	struct audit_entry *e;
	size_t n;
	ck_assert_int_eq(store_audit_list(st, 2, &e, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(e[0].action, "denied");
	ck_assert_str_eq(e[0].object, "ban:3");
	ck_assert_str_eq(e[0].result, "refused");
	ck_assert_str_eq(e[0].detail, "role receptionist");
	ck_assert_str_eq(e[0].actor, "anna");
	ck_assert_str_eq(e[0].terminal, "pts/4");
	ck_assert_int_eq(e[0].at, 1795597200); /* 2026-11-25T09:00:00Z */
	ck_assert_str_eq(e[1].result, "match");
	ck_assert_str_eq(e[1].detail, "");
	ck_assert_int_gt(e[0].id, e[1].id);
	free(e);

	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "UPDATE audit SET actor = 'nobody'", NULL, NULL, NULL),
			 SQLITE_CONSTRAINT);
	ck_assert_ptr_nonnull(strstr(sqlite3_errmsg(db), "append-only"));
	ck_assert_int_eq(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL),
			 SQLITE_CONSTRAINT);
	ck_assert_ptr_nonnull(strstr(sqlite3_errmsg(db), "append-only"));
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);

	ck_assert_int_eq(store_audit_list(st, 0, &e, &n), STORE_OK);
	ck_assert_uint_eq(n, 4); /* the three above and the schema's creation */
	ck_assert_str_eq(e[2].actor, "anna");
	free(e);
	store_close(st);
	unsetenv("BALIE_NOW");
}
END_TEST

Suite *store_db_suite(void)
{
	return testutil_suite("store_db", setup, teardown);
}
