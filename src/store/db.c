/* db — opening the SQLite database: creating the file, its connections (the working one and
 * the read-only watch) with their pragmas and busy handler, reopening after a restore,
 * closing; and the cross-process change watch (data_version, inotify, the alarm journal). */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"
#include "store/changes.h"
#include "store/health.h"
#include "store/internal.h"

/* Long enough for a batch import on another terminal to finish; the design asks >= 5 s. */
#define BUSY_TIMEOUT_MS 10000

int store_pragma_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Create the file ourselves so it gets mode 0660 whatever the umask says; SQLite gives
 * the -wal and -shm files the mode of the database file. */
static int create_file(const char *path, char *err, size_t errsz)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	int rc = fchmod(fd, 0660);
	int saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(saved));
		return -1;
	}
	return 0;
}

/* Whether the database or its -wal/-shm may be read or written by every user; then err
 * names the commands that fix it. Personal data must never be open to all. */
static bool world_accessible(const char *path, char *err, size_t errsz)
{
	static const char *suffix[] = {"", "-wal", "-shm", STORE_JOURNAL_SUFFIX,
				       STORE_DAMAGED_SUFFIX};
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		char p[4096];
		struct stat sb;
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		if (stat(p, &sb) != 0 || !(sb.st_mode & (S_IROTH | S_IWOTH)))
			continue;
		snprintf(err, errsz,
			 _("%s: refused: every user of this computer may read or write this file "
			   "(mode %04o); fix it with: chmod 660 %s; chgrp balie %s"),
			 p, (unsigned)(sb.st_mode & 07777), p, p);
		return true;
	}
	return false;
}

static long long mono_us(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* SQLite's own busy handler sleeps 1, 2, 5, 10 ... up to 100 ms between tries, so a writer
 * that arrives just after another one waits up to 100 ms for a lock held 3 ms. Try again
 * every 0.2-0.7 ms instead (jittered, so waiting writers do not wake in step), and give up
 * after the store's busy timeout (BUSY_TIMEOUT_MS unless store_set_busy_timeout said
 * otherwise). */
static int busy_wait(void *arg, int count)
{
	struct store_busy *b = arg;
	long long now = mono_us();
	if (count == 0)
		b->since_us = now;
	if (now - b->since_us >= (long long)b->timeout_ms * 1000)
		return 0;
	long us = 200 + (long)(rand_r(&b->seed) % 500);
	if (now - b->since_us > 1000000)
		us *= 8; /* a long wait (a big import): spare the processor */
	struct timespec ts = {0, us * 1000};
	(void)nanosleep(&ts, NULL); /* woken early by a signal: just try again */
	return 1;
}

/* Busy handler and foreign keys: everything a connection needs before it reads. */
static int connection_basics(sqlite3 *db, struct store_busy *b)
{
	b->seed = (unsigned)getpid() ^ (unsigned)(uintptr_t)b ^ (unsigned)mono_us();
	if (b->timeout_ms <= 0)
		b->timeout_ms = BUSY_TIMEOUT_MS;
	if (sqlite3_extended_result_codes(db, 1) != SQLITE_OK ||
	    sqlite3_busy_handler(db, busy_wait, b) != SQLITE_OK)
		return -1;
	/* A database file is data, never code: no schema-defined functions or views run
	 * with our rights, and SQL cannot corrupt the file on purpose (writable_schema,
	 * journal tricks). */
	if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) != SQLITE_OK ||
	    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK)
		return -1;
	return sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* WAL and synchronous=FULL on the working connection, once it may write. */
static int configure_writer(sqlite3 *db)
{
	/* Alarms must survive a power cut: every commit is synced. */
	if (sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	sqlite3_stmt *s = NULL;
	int ok = sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &s, NULL) == SQLITE_OK &&
		 sqlite3_step(s) == SQLITE_ROW &&
		 strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

/* The message for a failed SQLite call on db (rc) about path. */
static void sqlite_message(sqlite3 *db, int rc, const char *path, char *err, size_t errsz)
{
	int sys = db ? sqlite3_system_errno(db) : 0;
	if (!store_env_message(path, db ? sqlite3_extended_errcode(db) : rc, sys, err, errsz) &&
	    !store_env_message(path, rc, sys, err, errsz))
		snprintf(err, errsz, "%s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

/* Why stat(path) failed with e, in words that say what to do. */
static void missing_message(const char *path, int e, char *err, size_t errsz)
{
	char *copy = strdup(path);
	const char *dir = copy ? dirname(copy) : ".";
	struct stat ds;
	if (e == ENOENT && stat(dir, &ds) != 0 && errno == ENOENT)
		snprintf(err, errsz, _("%s: the directory %s does not exist: create it (see balie(1), "
				       "FILES) or correct the database path (--db, or database in "
				       "balie.conf)"), path, dir);
	else if (e == ENOENT)
		snprintf(err, errsz, "%s: %s%s", path, strerror(e), _(" (create it with: balie init)"));
	else if (!store_env_message(path, SQLITE_CANTOPEN, e, err, errsz))
		snprintf(err, errsz, "%s: %s", path, strerror(e));
	free(copy);
}

static enum store_readonly readonly_reason(const char *path)
{
	struct statvfs vs;
	if (statvfs(path, &vs) == 0 && (vs.f_flag & ST_RDONLY))
		return STORE_RO_FS;
	return STORE_RO_FILE;
}

/* "file:PATH?immutable=1" with PATH percent-encoded; NULL on out-of-memory. */
static char *immutable_uri(const char *path)
{
	static const char tail[] = "?immutable=1";
	char *uri = malloc(strlen(path) * 3 + sizeof tail + 8);
	if (!uri)
		return NULL;
	char *p = uri + sprintf(uri, "file:");
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		    strchr("/._-~", *c))
			*p++ = (char)*c;
		else
			p += sprintf(p, "%%%02X", *c);
	}
	memcpy(p, tail, sizeof tail);
	return uri;
}

/* Open a connection to path (or its immutable URI); 0, or -1 with err set. */
static int open_connection(const char *path, bool immutable, int flags, sqlite3 **db,
			   struct store_busy *b, char *err, size_t errsz)
{
	char *uri = immutable ? immutable_uri(path) : NULL;
	if (immutable && !uri) {
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	int rc = sqlite3_open_v2(uri ? uri : path, db, flags | SQLITE_OPEN_NOFOLLOW |
				 (uri ? SQLITE_OPEN_URI : 0), NULL);
	free(uri);
	if (rc == SQLITE_OK && connection_basics(*db, b) == 0)
		return 0;
	if (!*db)
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
	else
		sqlite_message(*db, rc == SQLITE_OK ? sqlite3_errcode(*db) : rc, path, err, errsz);
	return -1;
}

/* What is in the file, read without writing anything (an empty file stays empty):
 * user_version and the number of schema entries. An SQLite result code. */
static int inspect(sqlite3 *db, long long *version, long long *tables)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version),"
				    " (SELECT count(*) FROM sqlite_schema)", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*version = sqlite3_column_int64(s, 0);
			*tables = sqlite3_column_int64(s, 1);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? rc : sqlite3_extended_errcode(db);
}

/* The watch is set up on first use (consoles only): closing an inotify descriptor costs
 * milliseconds, which every command would pay. */
static void watch_setup(struct store *st)
{
	st->watch_tried = true;
	st->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (st->inotify_fd < 0)
		return;
	/* The directory, because the last connection to close deletes -wal and -shm. */
	char *copy = strdup(st->path);
	if (!copy || inotify_add_watch(st->inotify_fd, dirname(copy),
				       IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_TO) < 0) {
		close(st->inotify_fd);
		st->inotify_fd = -1;
	}
	free(copy);
}

/* The checks of the file's contents before anything is written: 0, or -1 with err set. */
static int check_contents(struct store *st, int flags, char *err, size_t errsz)
{
	long long version = 0, tables = 0;
	int rc = inspect(st->db, &version, &tables);
	if (rc != SQLITE_OK && st->readonly == STORE_RO_FS) {
		/* On a read-only file system the WAL index (-shm) cannot be made; nobody can
		 * write there either, so the file can be read as immutable. */
		(void)sqlite3_close_v2(st->db);
		st->db = NULL;
		if (open_connection(st->path, true, SQLITE_OPEN_READONLY, &st->db, &st->busy[0],
				    err, errsz) != 0)
			return -1;
		rc = inspect(st->db, &version, &tables);
	}
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_CORRUPT) {
			snprintf(err, errsz, _("%s: the database is damaged (%s); restore the newest "
					       "good backup: balie restore FILE"), st->path,
				 sqlite3_errmsg(st->db));
			return -1;
		}
		sqlite_message(st->db, rc, st->path, err, errsz);
		return -1;
	}
	char why[512];
	int latest = store_schema_latest();
	if (version == 0 && tables == 0 && !(flags & STORE_CREATE)) {
		/* Only init makes a database: any other command on an empty file (a wrong
		 * path, a file cut short) must not turn it into one. */
		snprintf(err, errsz, _("%s: the file is empty, not a balie database: check the path "
				       "(--db, or database in balie.conf), or create the database "
				       "with: balie init"), st->path);
		return -1;
	}
	if (version == 0 && tables > 0) {
		snprintf(err, errsz, "%s: %s", st->path,
			 _("this is an SQLite file, but not a balie database"));
		return -1;
	}
	if (store_schema_problem(version, latest, why, sizeof why)) {
		snprintf(err, errsz, "%s: %s", st->path, why);
		return -1;
	}
	if (st->readonly && (version != latest || !store_derived_current(st))) {
		snprintf(err, errsz, "%s: %s", st->path,
			 _("the database schema is not up to date (run: balie init)"));
		return -1;
	}
	return 0;
}

struct store *store_open(const char *path, int flags, char *err, size_t errsz)
{
	bool ask_readonly = flags & STORE_READONLY;
	/* A database is a path and nothing else: "file:...?vfs=...&mode=..." would let the
	 * name choose how and what is opened. SQLite reads URI names only when asked to
	 * (SQLITE_OPEN_URI, which we pass only for the immutable name we build ourselves on
	 * a read-only file system) or when built so: switch that off before SQLite
	 * initialises, and refuse such names outright. */
	static bool uri_off;
	if (!uri_off) {
		(void)sqlite3_config(SQLITE_CONFIG_URI, 0);
		uri_off = true;
	}
	if (strncmp(path, "file:", 5) == 0) {
		snprintf(err, errsz, _("%s: refused: a database is named by a path, not a URI"),
			 path);
		return NULL;
	}
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
		free(st);
		return NULL;
	}
	st->inotify_fd = -1;
	st->data_version = -1;
	st->journal_seen.ino = -1;
	snprintf(st->actor, sizeof st->actor, "%s", "?");

	struct stat sb;
	if (stat(path, &sb) != 0) {
		int e = errno;
		if (e != ENOENT || !(flags & STORE_CREATE) || ask_readonly) {
			missing_message(path, e, err, errsz);
			goto fail;
		}
		if (create_file(path, err, errsz) != 0)
			goto fail;
	} else if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errsz, "%s: %s", path, _("not a regular file"));
		goto fail;
	} else if (world_accessible(path, err, errsz)) {
		goto fail;
	}

	if (open_connection(path, false, ask_readonly ? SQLITE_OPEN_READONLY
						       : SQLITE_OPEN_READWRITE,
			    &st->db, &st->busy[0], err, errsz) != 0)
		goto fail;
	/* SQLite opens a file it may not write read-only without saying so. */
	if (ask_readonly)
		st->readonly = STORE_RO_ASKED;
	else if (sqlite3_db_readonly(st->db, "main") == 1)
		st->readonly = readonly_reason(path);
	if (check_contents(st, flags, err, errsz) != 0)
		goto fail;
	if (!st->readonly && configure_writer(st->db) != 0) {
		sqlite_message(st->db, sqlite3_errcode(st->db), path, err, errsz);
		goto fail;
	}
	store_health_open(st);
	if (!st->readonly && !st->damaged && store_migrate(st) != STORE_OK) {
		snprintf(err, errsz, "%s: %s", path, st->err);
		goto fail;
	}
	/* Alarms raised while the database could not be written move in now (a failure
	 * leaves them in the journal, where every list still shows them); and the journal
	 * keeps disk space for the next time. */
	store_journal_prepare(st);
	return st;
fail:
	store_close(st);
	return NULL;
}

enum store_status store_reopen(struct store *st)
{
	sqlite3 *db = NULL, *watch = NULL;
	char err[512] = "";
	int rc = open_connection(st->path, false, SQLITE_OPEN_READWRITE, &db, &st->busy[0], err,
				 sizeof err) == 0 && configure_writer(db) == 0
			 ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK && open_connection(st->path, false, SQLITE_OPEN_READONLY, &watch,
					       &st->busy[1], err, sizeof err) != 0)
		rc = SQLITE_ERROR;
	if (rc != SQLITE_OK) {
		enum store_status r = *err ? store_failf(st, STORE_ERROR, "%s", err)
					   : store_failf(st, STORE_ERROR, "%s: %s", st->path,
							 db ? sqlite3_errmsg(db) : strerror(ENOMEM));
		(void)sqlite3_close_v2(watch);
		(void)sqlite3_close_v2(db);
		return r;
	}
	/* The old connections go only now that the new ones work. */
	store_stmt_cache_clear(st);
	(void)sqlite3_close_v2(st->watch);
	(void)sqlite3_close_v2(st->db);
	st->db = db;
	st->watch = watch;
	st->data_version = -1;
	(void)store_changed(st);
	return STORE_OK;
}

void store_stmt_cache_clear(struct store *st)
{
	struct stmt_cache_entry *e = st->cache;
	while (e) {
		struct stmt_cache_entry *next = e->next;
		sqlite3_finalize(e->stmt);
		free(e);
		e = next;
	}
	st->cache = NULL;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_stmt_cache_clear(st);
	/* sqlite3_close_v2 only fails on a NULL-safe misuse; statements are finalised above. */
	(void)sqlite3_close_v2(st->watch);
	(void)sqlite3_close_v2(st->db);
	if (st->inotify_fd >= 0)
		(void)close(st->inotify_fd);
	free(st->path);
	free(st);
}

void store_set_busy_timeout(struct store *st, long ms)
{
	for (size_t i = 0; i < sizeof st->busy / sizeof *st->busy; i++)
		st->busy[i].timeout_ms = ms > 0 ? ms : BUSY_TIMEOUT_MS;
}

void store_set_actor(struct store *st, const char *user, const char *terminal)
{
	snprintf(st->actor, sizeof st->actor, "%s", user && *user ? user : "?");
	snprintf(st->terminal, sizeof st->terminal, "%s", terminal ? terminal : "");
}

const char *store_actor(const struct store *st)
{
	return st->actor;
}

const char *store_error(const struct store *st)
{
	return st->err;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

/* The read-only connection whose data_version moves with every commit, our own included;
 * opened on first use (immutable like the working one on a read-only file system). 0, or
 * -1 when it cannot be opened. */
static int watch_open(struct store *st)
{
	char err[512];
	if (st->watch)
		return 0;
	bool immutable = st->readonly == STORE_RO_FS && sqlite3_db_readonly(st->db, "main") == 1;
	return open_connection(st->path, immutable, SQLITE_OPEN_READONLY, &st->watch,
			       &st->busy[1], err, sizeof err);
}

/* Whether the alarm journal changed since the last call (alarms raised while the database
 * could not be written are shown too); the first call takes the baseline. */
static bool journal_changed(struct store *st)
{
	char p[4096];
	struct stat sb;
	store_side_path(st->path, STORE_JOURNAL_SUFFIX, p, sizeof p);
	long long ino = 0, size = 0, mtime = 0;
	if (lstat(p, &sb) == 0) {
		ino = (long long)sb.st_ino;
		size = (long long)sb.st_size;
		mtime = (long long)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
	}
	bool changed = st->journal_seen.ino != -1 &&
		       (ino != st->journal_seen.ino || size != st->journal_seen.size ||
			mtime != st->journal_seen.mtime_ns);
	st->journal_seen.ino = ino;
	st->journal_seen.size = size;
	st->journal_seen.mtime_ns = mtime;
	return changed;
}

bool store_changed(struct store *st)
{
	bool journal = journal_changed(st);
	long long v = 0;
	if (watch_open(st) != 0 || store_pragma_int(st->watch, "PRAGMA data_version", &v) != 0)
		return true; /* when in doubt, reload: a missed alarm is worse than a redraw */
	bool changed = st->data_version >= 0 && v != st->data_version;
	st->data_version = v;
	return changed || journal;
}

void store_side_path(const char *db_path, const char *suffix, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s%s", db_path, suffix);
}

bool store_damaged(const struct store *st)
{
	return st->damaged;
}

bool store_read_only(const struct store *st)
{
	return st->readonly != STORE_RW;
}

int store_watch_fd(struct store *st)
{
	if (!st->watch_tried)
		watch_setup(st);
	return st->inotify_fd;
}

void store_watch_drain(struct store *st)
{
	char buf[4096];
	if (st->inotify_fd < 0)
		return;
	while (read(st->inotify_fd, buf, sizeof buf) > 0)
		; /* only the wake-up matters; store_changed() says whether data changed */
}
