/* test_store_health — the damaged state, the alarm journal and the busy handler: damage
 * found by a statement refuses writes everywhere, a check's verdict is taken over by
 * another connection, journal alarms are listed and moved in exactly once (also after a
 * merge cut short), torn lines are skipped, a write waits out another connection's lock. */
#include "autoconfig.h"

#include <fcntl.h>
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

static char path[2048];
static struct store *st;

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, NULL);
}

static void journal_of(char *out, size_t outsz)
{
	store_side_path(path, STORE_JOURNAL_SUFFIX, out, outsz);
}

static void copy_file(const char *from, const char *to)
{
	FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, a)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, b), n);
	ck_assert_int_eq(fclose(a), 0);
	ck_assert_int_eq(fclose(b), 0);
}

TEST(test_store_health__journal_invalid_input)
{
	char uid[ALARM_UID_LEN], err[512];
	ck_assert_int_eq(store_journal_raise(path, "u", "t", "", ALARM_PANIC, 0, uid, err,
					     sizeof err), STORE_INVALID);
	char nowhere[2100];
	snprintf(nowhere, sizeof nowhere, "%s.missing", path);
	ck_assert_int_eq(store_journal_raise(nowhere, "u", "t", "hall", ALARM_PANIC, 0, uid, err,
					     sizeof err), STORE_ERROR);
	struct alarm *a;
	size_t n;
	ck_assert_int_eq(store_journal_alarms(path, &a, &n, err, sizeof err), STORE_OK);
	ck_assert_uint_eq(n, 0); /* no journal: nothing */
	free(a);
}
END_TEST

/* Listed with the table's alarms; moved in once; a merge whose removal was lost (the
 * journal copied back) adds nothing; the journal goes only after the commit. */
TEST(test_store_health__journal_merge_once)
{
	char uid[ALARM_UID_LEN], err[512], jp[2200], saved[2300];
	ck_assert_int_eq(store_alarm_raise(st, "hall", ALARM_PANIC, NULL), STORE_OK);
	ck_assert_int_eq(store_journal_raise(path, "anna", "tty1", "room\t6\n", ALARM_ROBBERY,
					     1000, uid, err, sizeof err), STORE_OK);
	ck_assert_uint_eq(strlen(uid), 16);
	journal_of(jp, sizeof jp);
	snprintf(saved, sizeof saved, "%s.saved", path);
	copy_file(jp, saved);
	struct alarm *a;
	size_t n;
	ck_assert_int_eq(store_journal_alarms(path, &a, &n, err, sizeof err), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].location, "room\t6\n"); /* escaped and back */
	ck_assert_str_eq(a[0].raised_by, "anna");
	ck_assert(a[0].journaled);
	free(a);

	size_t merged;
	ck_assert_int_eq(store_journal_merge(st, &merged), STORE_OK);
	ck_assert_uint_eq(merged, 1);
	struct stat sb;
	ck_assert_int_eq(stat(jp, &sb), 0);
	ck_assert_int_eq(sb.st_size, 0); /* emptied; its space stays reserved */
	copy_file(saved, jp); /* as if the removal had not reached the disk */
	ck_assert_int_eq(store_journal_merge(st, &merged), STORE_OK);
	ck_assert_uint_eq(merged, 0);
	ck_assert_int_eq(store_alarm_list(st, 1, 0, &a, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert(!a[0].journaled && !a[1].journaled);
	ck_assert_str_eq(a[0].location, "room\t6\n"); /* raised at 1000: the oldest */
	ck_assert_int_eq(a[0].kind, ALARM_ROBBERY);
	free(a);
	ck_assert_int_eq(unlink(saved), 0);
}
END_TEST

/* A line cut short by a crash is skipped, the next alarm still counts, and the unreadable
 * line is kept aside, not deleted. */
TEST(test_store_health__journal_torn_line)
{
	char uid[ALARM_UID_LEN], err[512], jp[2200], aside[2300];
	journal_of(jp, sizeof jp);
	int fd = open(jp, O_WRONLY | O_APPEND | O_CREAT, 0660);
	ck_assert_int_ge(fd, 0);
	static const char torn[] = "A1\t0123456789abcdef\t2026-11-24T13:00:00Z\tpanic\tx";
	ck_assert_int_eq(write(fd, torn, sizeof torn - 1), (ssize_t)(sizeof torn - 1));
	ck_assert_int_eq(close(fd), 0);
	ck_assert_int_eq(store_journal_raise(path, "bob", "tty2", "Balie 2", ALARM_PANIC, 2000,
					     uid, err, sizeof err), STORE_OK);
	struct alarm *a;
	size_t n;
	ck_assert_int_eq(store_journal_alarms(path, &a, &n, err, sizeof err), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].location, "Balie 2");
	free(a);
	size_t merged;
	ck_assert_int_eq(store_journal_merge(st, &merged), STORE_OK);
	ck_assert_uint_eq(merged, 1);
	snprintf(aside, sizeof aside, "%s.unreadable", jp);
	ck_assert_int_eq(access(aside, F_OK), 0);
	ck_assert_int_eq(unlink(aside), 0);
}
END_TEST

/* SQLITE_CORRUPT in a statement marks the store damaged: writes refused here and in a
 * store opened later; alarms go to the journal; a restore-like clear lets writes in. */
TEST(test_store_health__corrupt_statement_marks_damage)
{
	ck_assert_int_eq(store_alarm_raise(st, "hall", ALARM_PANIC, NULL), STORE_OK);
	ck_assert(!store_damaged(st));
	/* What store_fail does on SQLITE_CORRUPT (reliability.sh shows a real page). */
	store_mark_damaged(st, "database disk image is malformed");
	ck_assert(store_damaged(st));
	ck_assert_int_eq(store_writable_check(st), STORE_ERROR);
	ck_assert_ptr_nonnull(strstr(store_error(st), "is damaged"));
	ck_assert_ptr_nonnull(strstr(store_error(st), "balie restore"));

	char err[1024];
	struct store *other = store_open(path, 0, err, sizeof err);
	ck_assert_msg(other != NULL, "%s", err);
	ck_assert(store_damaged(other)); /* told by the marker file */
	int64_t id = -1;
	ck_assert_int_eq(store_alarm_raise(other, "Balie 1", ALARM_PANIC, &id), STORE_OK);
	ck_assert_int_eq(id, 0);
	ck_assert_uint_eq(strlen(store_alarm_journaled(other)), 16);
	ck_assert_ptr_nonnull(strstr(store_error(other), "is damaged"));
	struct alarm *a;
	size_t n;
	ck_assert_int_eq(store_alarm_list(other, 1, 0, &a, &n), STORE_OK);
	ck_assert_uint_eq(n, 2); /* the table's and the journal's */
	free(a);
	store_close(other);

	bool ok = false;
	char why[256];
	ck_assert_int_eq(store_integrity_check(st, &ok, why, sizeof why), STORE_OK);
	ck_assert(ok); /* the file is whole: the mark goes, writes are allowed again */
	ck_assert(!store_damaged(st));
	ck_assert_int_eq(store_alarm_raise(st, "hall", ALARM_PANIC, &id), STORE_OK);
	ck_assert_int_gt(id, 0);
}
END_TEST

/* A verdict found on another connection of the process is taken over: damage with the
 * words of its mark (also when no mark could be left), a quick_check's pass clears
 * nothing, an integrity_check's pass clears the mark. */
TEST(test_store_health__check_adopt)
{
	char err[1024], mark[2200];
	struct store *worker = store_open(path, 0, err, sizeof err);
	ck_assert_msg(worker != NULL, "%s", err);
	store_check_adopt(st, true, true, NULL); /* whole and not damaged: nothing changes */
	ck_assert(!store_damaged(st));
	store_mark_damaged(worker, "row 1 missing from index ban_ends");
	ck_assert(!store_damaged(st)); /* the mark is read only at open */
	store_check_adopt(st, false, true, "other words");
	ck_assert(store_damaged(st));
	ck_assert_int_eq(store_writable_check(st), STORE_ERROR);
	ck_assert_ptr_nonnull(strstr(store_error(st), "row 1 missing from index ban_ends"));
	store_check_adopt(st, true, false, NULL); /* a quick_check's pass */
	ck_assert(store_damaged(st));
	store_check_adopt(st, true, true, NULL);
	ck_assert(!store_damaged(st));
	store_side_path(path, STORE_DAMAGED_SUFFIX, mark, sizeof mark);
	ck_assert_int_ne(access(mark, F_OK), 0);
	ck_assert_int_eq(store_writable_check(st), STORE_OK);
	/* No mark there: the finding itself (and now the mark). */
	store_check_adopt(st, false, false, "page 7: btreeInitPage() returns error code 11");
	ck_assert_int_eq(store_writable_check(st), STORE_ERROR);
	ck_assert_ptr_nonnull(strstr(store_error(st), "page 7"));
	ck_assert_int_eq(access(mark, F_OK), 0);
	store_clear_damage(st);
	store_close(worker);
}
END_TEST

/* A writer waits out a lock another process holds for a second (busy handler). */
TEST(test_store_health__write_waits_for_lock)
{
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		sqlite3 *h;
		char go = 1;
		if (sqlite3_open(path, &h) != SQLITE_OK ||
		    sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
		    write(p[1], &go, 1) != 1)
			_exit(1);
		usleep(1000000);
		_exit(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : 1);
	}
	char go;
	ck_assert_int_eq(read(p[0], &go, 1), 1); /* the child holds the write lock now */
	ck_assert_int_eq(store_alarm_raise(st, "hall", ALARM_PANIC, NULL), STORE_OK);
	ck_assert_str_eq(store_alarm_journaled(st), ""); /* waited, into the database */
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(close(p[0]), 0);
	ck_assert_int_eq(close(p[1]), 0);
}
END_TEST

Suite *store_health_suite(void)
{
	return testutil_suite("store_health", setup, testutil_store_teardown);
}
