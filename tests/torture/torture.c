/* torture — the store under abuse, with figures: kill -9 at random points during writes
 * (acknowledged writes lost, integrity_check), and N concurrent writers (latency
 * p50/p99/max per write, in-process and as whole `balie alarm raise` commands).
 * Used by tests/torture/run.sh (make torture) and tests/torture/short.sh (make check). */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <pwd.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/lib.h"

extern char **environ;

static long long now_us(void)
{
	struct timespec ts;
	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void sleep_us(long us)
{
	struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static struct store *open_store(const char *db, int flags)
{
	char err[1024];
	struct store *st = store_open(db, flags, err, sizeof err);
	if (!st) {
		fprintf(stderr, "torture: %s\n", err);
		exit(2);
	}
	store_set_actor(st, "torture", "torture");
	return st;
}

/* ------------------------------------------------------------------ kill -9 */

/* The child: write until killed; after each acknowledged write (the store call returned
 * STORE_OK, i.e. the commit was synced) send its alarm id down the pipe. Every third
 * write is an audit line, to vary the pages touched. */
static void writer_until_killed(const char *db, int fd)
{
	struct store *st = open_store(db, 0);
	for (long i = 0;; i++) {
		int64_t id = 0;
		if (i % 3 == 2) {
			(void)store_audit(st, "torture", "kill", "ok", "filler");
			continue;
		}
		char loc[64];
		snprintf(loc, sizeof loc, "kill %ld", i);
		if (store_alarm_raise(st, loc, ALARM_TEST, &id) != STORE_OK || id <= 0) {
			fprintf(stderr, "torture: child: %s\n", store_error(st));
			_exit(3);
		}
		if (write(fd, &id, sizeof id) != (ssize_t)sizeof id)
			_exit(4);
	}
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int torture_kill(const char *db, int rounds, unsigned seed)
{
	srand(seed);
	int64_t *acked = NULL;
	size_t nacked = 0, cap = 0;
	store_close(open_store(db, STORE_CREATE));
	for (int r = 0; r < rounds; r++) {
		int p[2];
		if (pipe(p) != 0) {
			perror("torture: pipe");
			return 2;
		}
		pid_t pid = fork();
		if (pid < 0) {
			perror("torture: fork");
			return 2;
		}
		if (pid == 0) {
			(void)close(p[0]);
			writer_until_killed(db, p[1]);
		}
		(void)close(p[1]);
		/* A random moment: during the open, a commit, an fsync or between writes. */
		sleep_us(rand() % 40000);
		(void)kill(pid, SIGKILL);
		int status;
		(void)waitpid(pid, &status, 0);
		if (WIFEXITED(status)) {
			fprintf(stderr, "torture: writer failed (exit %d)\n", WEXITSTATUS(status));
			return 2;
		}
		int64_t id;
		while (read(p[0], &id, sizeof id) == (ssize_t)sizeof id) {
			if (nacked == cap) {
				cap = cap ? cap * 2 : 1024;
				int64_t *grown = realloc(acked, cap * sizeof *grown);
				if (!grown)
					return 2;
				acked = grown;
			}
			acked[nacked++] = id;
		}
		(void)close(p[0]);
	}
	/* Every acknowledged alarm must be there. */
	struct store *st = open_store(db, 0);
	struct alarm *a = NULL;
	size_t n = 0;
	if (store_alarm_list(st, 1, 0, &a, &n) != STORE_OK) {
		fprintf(stderr, "torture: %s\n", store_error(st));
		return 2;
	}
	int64_t *have = malloc((n ? n : 1) * sizeof *have);
	if (!have)
		return 2;
	for (size_t i = 0; i < n; i++)
		have[i] = a[i].id;
	qsort(have, n, sizeof *have, cmp_i64);
	size_t lost = 0;
	for (size_t i = 0; i < nacked; i++)
		if (!bsearch(&acked[i], have, n, sizeof *have, cmp_i64))
			lost++;
	bool ok = false;
	char why[256] = "";
	enum store_status s = store_integrity_check(st, &ok, why, sizeof why);
	printf("kill -9: %d rounds at random moments, %zu acknowledged writes, %zu lost, "
	       "%zu in the table, integrity_check %s\n", rounds, nacked, lost, n,
	       s == STORE_OK && ok ? "ok" : why);
	free(have);
	free(a);
	free(acked);
	store_close(st);
	return lost == 0 && s == STORE_OK && ok ? 0 : 1;
}

/* ------------------------------------------------------------------ concurrent writers */

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* Print p50/p99/max of n latencies (µs) under a label. */
static void report(const char *label, long long *lat, size_t n, size_t errors)
{
	qsort(lat, n, sizeof *lat, cmp_ll);
	if (n == 0) {
		printf("%s: no writes, %zu errors\n", label, errors);
		return;
	}
	printf("%s: %zu writes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %zu errors\n", label, n,
	       lat[n / 2] / 1000.0, lat[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] / 1000.0,
	       lat[n - 1] / 1000.0, errors);
}

/* One writer process: wait for the start signal, then `writes` writes, each timed; the
 * latencies (or -1 for an error) go down fd. With balie set, each write is a whole
 * `balie alarm raise` command. */
static void timed_writer(const char *db, const char *balie, int start_fd, int fd, int writes,
			 int w)
{
	struct store *st = balie ? NULL : open_store(db, 0);
	char go;
	if (read(start_fd, &go, 1) != 1)
		_exit(4);
	for (int i = 0; i < writes; i++) {
		char loc[64];
		snprintf(loc, sizeof loc, "writer %d/%d", w, i);
		long long t0 = now_us(), lat;
		if (balie) {
			char *argv[] = {(char *)balie, "--db", (char *)db, "alarm", "raise", "--kind",
					"test", loc, NULL};
			posix_spawn_file_actions_t fa;
			pid_t pid;
			int status = -1;
			if (posix_spawn_file_actions_init(&fa) != 0 ||
			    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0) != 0 ||
			    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0) != 0 ||
			    posix_spawn(&pid, balie, &fa, NULL, argv, environ) != 0 ||
			    waitpid(pid, &status, 0) != pid)
				status = -1;
			(void)posix_spawn_file_actions_destroy(&fa);
			lat = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? now_us() - t0 : -1;
		} else {
			int64_t id;
			lat = store_alarm_raise(st, loc, ALARM_TEST, &id) == STORE_OK && id > 0
				      ? now_us() - t0 : -1;
		}
		if (write(fd, &lat, sizeof lat) != (ssize_t)sizeof lat)
			_exit(4);
	}
	store_close(st);
	_exit(0);
}

static int torture_writers(const char *db, const char *balie, int nwriters, int writes)
{
	/* Created as `balie init` does: the login user is its creator, so hr. */
	struct store *init = open_store(db, STORE_CREATE);
	struct passwd *pw = getpwuid(getuid());
	if (!pw || store_set_creator(init, pw->pw_name) != STORE_OK) {
		fprintf(stderr, "torture: creator: %s\n", store_error(init));
		return 2;
	}
	store_close(init);
	int start[2], res[2];
	if (pipe(start) != 0 || pipe(res) != 0) {
		perror("torture: pipe");
		return 2;
	}
	pid_t *pids = calloc((size_t)nwriters, sizeof *pids);
	long long *lat = calloc((size_t)nwriters * (size_t)writes, sizeof *lat);
	if (!pids || !lat)
		return 2;
	for (int w = 0; w < nwriters; w++) {
		pids[w] = fork();
		if (pids[w] < 0) {
			perror("torture: fork");
			return 2;
		}
		if (pids[w] == 0) {
			(void)close(start[1]);
			(void)close(res[0]);
			timed_writer(db, balie, start[0], res[1], writes, w);
		}
	}
	(void)close(start[0]);
	(void)close(res[1]);
	sleep_us(200000); /* every writer has opened its store */
	char go[64] = {0};
	if (write(start[1], go, (size_t)nwriters) != nwriters) /* all start at once */
		return 2;
	size_t n = 0, errors = 0;
	long long v;
	while (read(res[0], &v, sizeof v) == (ssize_t)sizeof v) {
		if (v < 0)
			errors++;
		else
			lat[n++] = v;
	}
	int failed = 0;
	for (int w = 0; w < nwriters; w++) {
		int status;
		if (waitpid(pids[w], &status, 0) != pids[w] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			failed++;
	}
	char label[160];
	snprintf(label, sizeof label, "%d writers x %d %s", nwriters, writes,
		 balie ? "'balie alarm raise' commands (process start to exit)"
		       : "alarm raises in-process (store open)");
	report(label, lat, n, errors);
	free(lat);
	free(pids);
	return errors == 0 && failed == 0 ? 0 : 1;
}

/* ------------------------------------------------------------------ damage */

/* Overwrite 64 bytes of the first page of table with 0xff, from the end of its page header
 * (the cell pointers, then whatever follows), as a disk or a stray write would; the page
 * number, or -1. The file must not be open elsewhere. */
static int corrupt_table(const char *db, const char *table)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *s = NULL;
	int page = -1, size = 0;
	/* Everything into the file first (another process may still hold a -wal). */
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "SELECT rootpage, (SELECT page_size FROM pragma_page_size)"
			       " FROM sqlite_schema WHERE name = ?1", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		page = sqlite3_column_int(s, 0);
		size = sqlite3_column_int(s, 1);
	}
	if (page < 0 && h)
		fprintf(stderr, "torture: corrupt: %s\n", sqlite3_errmsg(h));
	(void)sqlite3_finalize(s);
	(void)sqlite3_close(h);
	if (page < 2 || size < 512)
		return -1;
	FILE *f = fopen(db, "r+b");
	if (!f)
		return -1;
	long base = (long)(page - 1) * size;
	unsigned char hdr[1], junk[64];
	memset(junk, 0xff, sizeof junk);
	int ok = fseek(f, base, SEEK_SET) == 0 && fread(hdr, 1, sizeof hdr, f) == sizeof hdr;
	/* Leaf pages (10, 13) have an 8-byte header, interior ones 12. */
	long start = hdr[0] == 10 || hdr[0] == 13 ? 8 : 12;
	ok = ok && fseek(f, base + start, SEEK_SET) == 0 &&
	     fwrite(junk, 1, sizeof junk, f) == sizeof junk;
	if (fclose(f) != 0 || !ok)
		return -1;
	return page;
}

/* Run SQL on db with plain SQLite (for tests that need a state balie never makes). */
static int run_sql(const char *db, const char *sql)
{
	sqlite3 *h = NULL;
	char *msg = NULL;
	int rc = sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "torture: sql: %s\n", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	if (sqlite3_close(h) != SQLITE_OK)
		rc = SQLITE_ERROR;
	return rc == SQLITE_OK ? 0 : 2;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "corrupt") == 0) {
		int page = corrupt_table(argv[2], argv[3]);
		if (page < 0) {
			fprintf(stderr, "torture: corrupt: no table %s in %s\n", argv[3], argv[2]);
			return 2;
		}
		printf("%d\n", page);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "sql") == 0)
		return run_sql(argv[2], argv[3]);
	if (argc >= 4 && strcmp(argv[1], "kill") == 0)
		return torture_kill(argv[2], atoi(argv[3]),
				    argc > 4 ? (unsigned)atoi(argv[4]) : (unsigned)time(NULL));
	if (argc >= 5 && strcmp(argv[1], "writers") == 0)
		return torture_writers(argv[2], argc > 5 ? argv[5] : NULL, atoi(argv[3]),
				       atoi(argv[4]));
	fprintf(stderr, "usage: torture kill DB ROUNDS [SEED]\n"
			"       torture writers DB N WRITES [BALIE]\n"
			"       torture corrupt DB TABLE\n"
			"       torture sql DB SQL\n");
	return 2;
}
