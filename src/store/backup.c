/* backup — sqlite3_backup_* in both directions: stepping in small chunks for a backup (the
 * source stays writable between steps), in one step for a restore (all or nothing). */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "store/audit.h"
#include "store/backup.h"
#include "store/health.h"
#include "store/internal.h"

#define PAGES_PER_STEP 64   /* 256 KiB with 4 KiB pages: a writer waits at most a moment */
#define STEP_PAUSE_MS 5
#define BUSY_RETRIES 2000   /* about 10 s of SQLITE_BUSY before giving up */

/* Copy all of from's "main" into to's; chunk < 0 means in one step. */
static int copy_db(sqlite3 *to, sqlite3 *from, int chunk)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b)
		return sqlite3_errcode(to);
	int rc, busy = 0;
	do {
		rc = sqlite3_backup_step(b, chunk);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (++busy > BUSY_RETRIES)
				break;
			(void)sqlite3_sleep(STEP_PAUSE_MS);
		} else if (rc == SQLITE_OK) {
			(void)sqlite3_sleep(0); /* let other connections in between chunks */
		}
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

/* Whether two paths name one file (both exist, same device and inode). */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* The directory part of path resolved (realpath), into out; -1 when it does not resolve. */
static int real_dir(const char *path, char out[PATH_MAX])
{
	char *copy = strdup(path);
	int rc = copy && realpath(dirname(copy), out) ? 0 : -1;
	free(copy);
	return rc;
}

/* Whether dest names the live database or one of SQLite's files beside it (-wal, -shm,
 * -journal), existing or not, under any name (a hard link, another spelling of the
 * directory). Replacing one of them would destroy the database and its audit trail. */
static bool names_live(struct store *st, const char *dest)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char side[PATH_MAX + 16], live_dir[PATH_MAX], dest_dir[PATH_MAX];
	char *live_copy = strdup(st->path), *dest_copy = strdup(dest);
	bool same_dir = live_copy && dest_copy && real_dir(st->path, live_dir) == 0 &&
			real_dir(dest, dest_dir) == 0 && strcmp(live_dir, dest_dir) == 0;
	bool live = !live_copy || !dest_copy; /* out of memory: refuse */
	for (size_t i = 0; !live && i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(side, sizeof side, "%s%s", st->path, suffix[i]);
		char want[PATH_MAX + 16];
		snprintf(want, sizeof want, "%s%s", basename(live_copy), suffix[i]);
		live = same_file(side, dest) || (same_dir && strcmp(basename(dest_copy), want) == 0);
	}
	free(live_copy);
	free(dest_copy);
	return live;
}

/* quick_check on the finished copy: it holds every page of the source, so this checks
 * both, without holding a read transaction on the live database meanwhile. 0 when whole,
 * else -1 with the first finding in why. */
static int copy_whole(sqlite3 *copy, char *why, size_t whysz)
{
	sqlite3_stmt *s = NULL;
	int ok = sqlite3_prepare_v2(copy, "PRAGMA quick_check", -1, &s, NULL) == SQLITE_OK &&
		 sqlite3_step(s) == SQLITE_ROW;
	const char *first = ok ? (const char *)sqlite3_column_text(s, 0) : sqlite3_errmsg(copy);
	snprintf(why, whysz, "%s", first ? first : "?");
	ok = ok && first && strcmp(first, "ok") == 0;
	(void)sqlite3_finalize(s); /* the verdict is taken */
	return ok ? 0 : -1;
}

/* A backup into dest, copying chunk pages a step (< 0: in one step). */
static enum store_status backup_to(struct store *st, const char *dest, bool overwrite, int chunk)
{
	if (!dest || !*dest)
		return store_failf(st, STORE_INVALID, "%s", _("backup: no file named"));
	if (names_live(st, dest))
		return store_failf(st, STORE_INVALID,
				   _("%s: refused: that is the live database or one of its own "
				     "files; a backup goes to a file of its own"), dest);
	/* A copy of a damaged database is no good backup; its audit line could not be
	 * written either. */
	enum store_status w = store_writable_check(st);
	if (w != STORE_OK)
		return w;
	struct stat sb;
	if (!overwrite && lstat(dest, &sb) == 0)
		return store_failf(st, STORE_CONFLICT,
				   _("%s: exists already (use --force to replace it)"), dest);
	size_t len = strlen(dest) + 16;
	char *tmp = malloc(len);
	if (!tmp)
		return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	snprintf(tmp, len, "%s.tmpXXXXXX", dest);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		enum store_status r = store_failf(st, STORE_ERROR, "%s: %s", dest, strerror(errno));
		free(tmp);
		return r;
	}
	/* mkstemp gives 0600 already; say so, the copy holds everything about everyone. */
	int rc = fchmod(fd, 0600);
	if (close(fd) != 0 || rc != 0) {
		enum store_status r = store_failf(st, STORE_ERROR, "%s: %s", tmp, strerror(errno));
		(void)unlink(tmp);
		free(tmp);
		return r;
	}
	sqlite3 *to = NULL;
	enum store_status r = STORE_OK;
	rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK)
		rc = copy_db(to, st->db, chunk);
	/* A backup stands alone: out of WAL mode, reading it later (a restore's check)
	 * creates no -wal and -shm files beside it. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	char why[256];
	if (rc != SQLITE_OK) {
		r = store_failf(st, rc == SQLITE_BUSY ? STORE_BUSY : STORE_ERROR, "%s: %s", dest,
				to ? sqlite3_errstr(rc) : strerror(ENOMEM));
		if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
			store_mark_damaged(st, sqlite3_errstr(rc));
	} else if (copy_whole(to, why, sizeof why) != 0) {
		store_mark_damaged(st, why);
		(void)store_writable_check(st);
		char msg[sizeof st->err];
		snprintf(msg, sizeof msg, "%s", st->err);
		r = store_failf(st, STORE_ERROR, _("%s: not written: %s"), dest, msg);
	}
	if (sqlite3_close(to) != SQLITE_OK && r == STORE_OK)
		r = store_failf(st, STORE_ERROR, "%s: %s", dest, _("closing the copy failed"));
	/* link() refuses an existing name: no race with a file created meanwhile. */
	if (r == STORE_OK && (overwrite ? rename(tmp, dest) : link(tmp, dest)) != 0)
		r = store_failf(st, errno == EEXIST ? STORE_CONFLICT : STORE_ERROR, "%s: %s", dest,
				errno == EEXIST ? _("exists already (use --force to replace it)")
						: strerror(errno));
	if (access(tmp, F_OK) == 0 && unlink(tmp) != 0 && r == STORE_OK)
		r = store_failf(st, STORE_ERROR, "%s: %s", tmp, strerror(errno));
	free(tmp);
	if (r != STORE_OK || (r = store_begin(st)) != STORE_OK)
		return r;
	/* Remembered for the message a damaged database gives: restore this one. */
	r = store_note_backup(st, dest);
	return store_finish(st, r, "database.backup", dest, "ok", "quick_check ok");
}

enum store_status store_backup(struct store *st, const char *dest, bool overwrite)
{
	return backup_to(st, dest, overwrite, PAGES_PER_STEP);
}

enum store_status store_backup_snapshot(struct store *st, const char *dest, bool overwrite)
{
	return backup_to(st, dest, overwrite, -1);
}

/* Check a candidate for restoring; STORE_OK or STORE_INVALID with the reason in st->err. */
static enum store_status check_source(struct store *st, sqlite3 *src, const char *path)
{
	sqlite3_stmt *s = NULL;
	enum store_status r = STORE_OK;
	if (sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		r = store_failf(st, STORE_INVALID, _("%s: %s; nothing restored"), path,
				sqlite3_errmsg(src));
	} else if (strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0) {
		r = store_failf(st, STORE_INVALID, _("%s: damaged, nothing restored: %s"), path,
				(const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	if (r != STORE_OK)
		return r;
	s = NULL;
	int version = -1;
	if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	int tables = 0;
	if (sqlite3_prepare_v2(src, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
			       " AND name IN ('ban', 'person', 'alarm', 'audit')", -1, &s,
			       NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		tables = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (version < 1 || tables != 4)
		return store_failf(st, STORE_INVALID, _("%s: not a balie database, nothing restored"),
				   path);
	if (version > store_schema_latest())
		return store_failf(st, STORE_INVALID,
				   _("%s: schema version %d is newer than this program knows (%d), "
				     "nothing restored"), path, version, store_schema_latest());
	return STORE_OK;
}

/* Open a backup read-only for a restore. One in WAL mode (an older backup, or a file
 * copied by hand) makes SQLite create -wal and -shm beside it even for reading: made[]
 * tells which this open created, so that close_source leaves the directory as it was. */
static enum store_status open_source(struct store *st, const char *path, sqlite3 **src,
				     bool made[2])
{
	static const char *const suffix[2] = {"-wal", "-shm"};
	struct stat sb;
	*src = NULL;
	made[0] = made[1] = false;
	if (stat(path, &sb) != 0)
		return store_failf(st, STORE_INVALID, _("%s: %s; nothing restored"), path,
				   strerror(errno));
	for (int i = 0; i < 2; i++) {
		char side[PATH_MAX + 8];
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		made[i] = lstat(side, &sb) != 0 && errno == ENOENT;
	}
	if (sqlite3_open_v2(path, src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) ==
	    SQLITE_OK)
		return STORE_OK;
	return store_failf(st, STORE_INVALID, _("%s: %s; nothing restored"), path,
			   *src ? sqlite3_errmsg(*src) : strerror(ENOMEM));
}

static void close_source(sqlite3 *src, const char *path, const bool made[2])
{
	static const char *const suffix[2] = {"-wal", "-shm"};
	(void)sqlite3_close(src); /* read-only: nothing to lose */
	for (int i = 0; i < 2; i++) {
		char side[PATH_MAX + 8];
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		if (made[i])
			(void)unlink(side); /* ours; ENOENT when SQLite removed it itself */
	}
}

enum store_status store_restore(struct store *st, const char *src_path)
{
	if (!src_path || !*src_path)
		return store_failf(st, STORE_INVALID, "%s", _("restore: no file named"));
	sqlite3 *src = NULL;
	bool made[2];
	enum store_status r = open_source(st, src_path, &src, made);
	if (r == STORE_OK)
		r = check_source(st, src, src_path);
	if (r == STORE_OK) {
		/* All pages in one step: the live database is never half replaced. */
		int rc = copy_db(st->db, src, -1);
		if (rc != SQLITE_OK)
			r = store_failf(st, rc == SQLITE_BUSY ? STORE_BUSY : STORE_ERROR, "%s: %s",
					store_path(st), sqlite3_errstr(rc));
	}
	close_source(src, src_path, made);
	if (r != STORE_OK)
		return r;
	/* Every page is the checked backup's now: the damage is gone. */
	store_clear_damage(st);
	/* Statements prepared against the old schema are stale now. */
	store_stmt_cache_clear(st);
	if ((r = store_migrate(st)) != STORE_OK)
		return r;
	return store_audit(st, "database.restore", src_path, "ok", "");
}

/* The newest audit line's id and hash ("" and 0 when there is none). */
static void audit_head(struct store *st, int64_t *id, char hash[SHA256_HEX_LEN])
{
	static const char sql[] = "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1";
	*id = 0;
	hash[0] = '\0';
	sqlite3_stmt *s = store_stmt(st, sql);
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		store_col_copy(s, 1, hash, SHA256_HEX_LEN);
	}
	store_done(s);
}

/* Remove the files a prepared copy may have left (the copy itself, its side files). */
static void remove_copy(const char *tmp)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal", STORE_JOURNAL_SUFFIX,
					     STORE_DAMAGED_SUFFIX};
	char p[PATH_MAX + 32];
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(p, sizeof p, "%s%s", tmp, suffix[i]);
		(void)unlink(p); /* ENOENT is the usual answer */
	}
}

/* Make tmp (an empty file beside the live database) a checked, up-to-date copy of src,
 * open as *copy. */
static enum store_status prepare_copy(struct store *st, const char *src_path, const char *tmp,
				      struct store **copy)
{
	sqlite3 *src = NULL, *to = NULL;
	bool made[2];
	enum store_status r = open_source(st, src_path, &src, made);
	if (r == STORE_OK)
		r = check_source(st, src, src_path);
	if (r == STORE_OK) {
		int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
		if (rc == SQLITE_OK)
			rc = copy_db(to, src, -1);
		if (rc != SQLITE_OK)
			r = store_failf(st, STORE_ERROR, "%s: %s", tmp, sqlite3_errstr(rc));
		if (sqlite3_close(to) != SQLITE_OK && r == STORE_OK)
			r = store_failf(st, STORE_ERROR, "%s: %s", tmp, _("closing the copy failed"));
	}
	close_source(src, src_path, made);
	if (r != STORE_OK)
		return r;
	char err[512];
	*copy = store_open(tmp, 0, err, sizeof err); /* brings the schema up to date */
	if (!*copy)
		return store_failf(st, STORE_INVALID, "%s", err);
	store_set_actor(*copy, st->actor, st->terminal);
	return STORE_OK;
}

/* The copy's trail ends with the restore's line; then, alone on it, the copy leaves WAL
 * mode so that the file holds everything itself. Closes copy. */
static enum store_status finish_copy(struct store *st, struct store *copy, const char *src_path,
				     const char *detail)
{
	enum store_status r = store_audit(copy, "database.restore", src_path, "ok", detail);
	if (r != STORE_OK)
		(void)store_failf(st, r, "%s: %s", store_path(copy), store_error(copy));
	(void)sqlite3_close_v2(copy->watch);
	copy->watch = NULL;
	sqlite3_stmt *s = NULL;
	if (r == STORE_OK &&
	    (sqlite3_prepare_v2(copy->db, "PRAGMA journal_mode = DELETE", -1, &s, NULL) !=
		     SQLITE_OK || sqlite3_step(s) != SQLITE_ROW ||
	     strcmp((const char *)sqlite3_column_text(s, 0), "delete") != 0))
		r = store_failf(st, STORE_ERROR, "%s: %s", store_path(copy),
				sqlite3_errmsg(copy->db));
	(void)sqlite3_finalize(s);
	store_close(copy);
	return r;
}

/* Leave WAL mode on the live database, which only works while no other connection has it
 * open: the proof that the swap takes the database from nobody. */
static enum store_status take_alone(struct store *st)
{
	(void)sqlite3_close_v2(st->watch);
	st->watch = NULL;
	store_stmt_cache_clear(st);
	(void)sqlite3_busy_timeout(st->db, 0);
	sqlite3_stmt *s = NULL;
	bool alone = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = DELETE", -1, &s, NULL) ==
			     SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
		     strcmp((const char *)sqlite3_column_text(s, 0), "delete") == 0;
	(void)sqlite3_finalize(s);
	if (alone && sqlite3_exec(st->db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK)
		return STORE_OK;
	return store_failf(st, STORE_BUSY, _("%s: another program has the database open; "
					     "nothing restored"), st->path);
}

enum store_status store_restore_swap(struct store *st, const char *src_path,
				     const char *keep_path)
{
	if (!src_path || !*src_path || !keep_path || !*keep_path)
		return store_failf(st, STORE_INVALID, "%s", _("restore: no file named"));
	char tmp[PATH_MAX];
	struct stat live;
	if (stat(st->path, &live) != 0)
		return store_failf(st, STORE_ERROR, "%s: %s", st->path, strerror(errno));
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.restore-XXXXXX", st->path) >= sizeof tmp)
		return store_failf(st, STORE_INVALID, "%s: %s", st->path, strerror(ENAMETOOLONG));
	int fd = mkstemp(tmp);
	if (fd < 0)
		return store_failf(st, STORE_ERROR, "%s: %s", tmp, strerror(errno));
	int rc = fchmod(fd, live.st_mode & 0660);
	if (close(fd) != 0 || rc != 0) {
		enum store_status r = store_failf(st, STORE_ERROR, "%s: %s", tmp, strerror(errno));
		remove_copy(tmp);
		return r;
	}
	/* The replaced database is kept whole (audit lines included): the line that ends
	 * its trail, and the copy's newest line, name each other. */
	struct store *copy = NULL;
	enum store_status r = prepare_copy(st, src_path, tmp, &copy);
	/* A damaged database takes no line (it is kept whole as it is). */
	if (r == STORE_OK && !st->damaged &&
	    (r = store_audit(st, "database.restore", src_path, "replaced", keep_path)) !=
		    STORE_OK)
		store_close(copy);
	if (r == STORE_OK) {
		int64_t head = 0;
		char hash[SHA256_HEX_LEN], detail[512];
		audit_head(st, &head, hash);
		snprintf(detail, sizeof detail, "replaced database kept as %s (its last line %lld, "
			 "hash %s)", keep_path, (long long)head, hash);
		r = finish_copy(st, copy, src_path, detail);
		if (r == STORE_OK)
			r = take_alone(st);
		if (r != STORE_OK) {
			char why[sizeof st->err];
			snprintf(why, sizeof why, "%s", st->err);
			remove_copy(tmp);
			(void)store_reopen(st);
			(void)store_audit(st, "database.restore", src_path, "failed", why);
			return store_failf(st, r, "%s", why);
		}
	}
	if (r != STORE_OK) {
		remove_copy(tmp);
		return r;
	}
	/* The swap itself: the live file gets a second name (kept), then the copy takes the
	 * live name in one rename. Each step is undone when the next fails. */
	const char *failed = NULL;
	int saved = 0;
	if (link(st->path, keep_path) != 0) {
		failed = keep_path;
		saved = errno;
	} else if (rename(tmp, st->path) != 0) {
		failed = st->path;
		saved = errno;
		(void)unlink(keep_path);
	}
	if (failed) {
		(void)sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		remove_copy(tmp);
		(void)store_reopen(st);
		return store_failf(st, STORE_ERROR, _("%s: %s; nothing restored"), failed,
				   strerror(saved));
	}
	(void)sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if ((r = store_reopen(st)) != STORE_OK) {
		/* The old file takes its name back; the backup is still where it was. */
		char why[sizeof st->err];
		snprintf(why, sizeof why, "%s", st->err);
		if (rename(keep_path, st->path) == 0)
			(void)store_reopen(st);
		return store_failf(st, STORE_ERROR, _("%s: the restored copy does not open (%s); "
						      "the database is as it was"), st->path, why);
	}
	remove_copy(tmp); /* its side files, if SQLite left any */
	store_clear_damage(st); /* the damage went with the replaced file */
	/* The kept file holds everything about everyone, like any backup. */
	if (chmod(keep_path, 0600) != 0)
		return store_failf(st, STORE_ERROR, "%s: %s", keep_path, strerror(errno));
	return STORE_OK;
}

/* fsync the directory holding path (so a rename survives a power cut); 0 or -1. */
static int sync_parent(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		return -1;
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = fd >= 0 && fsync(fd) == 0 ? 0 : -1;
	if (fd >= 0 && close(fd) != 0)
		rc = -1;
	free(copy);
	return rc;
}

enum store_status store_restore_file(const char *db_path, const char *src_path, char *err,
				     size_t errsz)
{
	/* A store shell for the checks' messages: nothing is open through it. */
	struct store shell = {.path = (char *)db_path};
	sqlite3 *src = NULL, *to = NULL;
	bool made[2] = {false, false};
	struct stat sb;
	char tmp[PATH_MAX];
	if (lstat(db_path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		snprintf(err, errsz, "%s: %s", db_path, strerror(errno ? errno : EINVAL));
		return STORE_ERROR;
	}
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.restore-XXXXXX", db_path) >= sizeof tmp) {
		snprintf(err, errsz, "%s: %s", db_path, strerror(ENAMETOOLONG));
		return STORE_INVALID;
	}
	enum store_status r = open_source(&shell, src_path, &src, made);
	if (r == STORE_OK)
		r = check_source(&shell, src, src_path);
	int fd = r == STORE_OK ? mkstemp(tmp) : -1;
	if (r == STORE_OK && (fd < 0 || fchmod(fd, sb.st_mode & 0660) != 0))
		r = store_failf(&shell, STORE_ERROR, "%s: %s", tmp, strerror(errno));
	if (fd >= 0 && close(fd) != 0 && r == STORE_OK)
		r = store_failf(&shell, STORE_ERROR, "%s: %s", tmp, strerror(errno));
	if (r == STORE_OK) {
		/* All pages in one step into a new file next to the damaged one. */
		int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
		if (rc == SQLITE_OK)
			rc = copy_db(to, src, -1);
		if (rc != SQLITE_OK)
			r = store_failf(&shell, STORE_ERROR, "%s: %s", tmp, sqlite3_errstr(rc));
	}
	if (sqlite3_close(to) != SQLITE_OK && r == STORE_OK)
		r = store_failf(&shell, STORE_ERROR, "%s: %s", tmp, _("closing the copy failed"));
	close_source(src, src_path, made);
	/* The old -wal and -shm belong to the damaged file: gone before the new one takes
	 * its name, or SQLite would replay them onto it. */
	static const char *const stale[] = {"-wal", "-shm", STORE_DAMAGED_SUFFIX};
	for (size_t i = 0; r == STORE_OK && i < sizeof stale / sizeof *stale; i++) {
		char side[PATH_MAX + 16];
		snprintf(side, sizeof side, "%s%s", db_path, stale[i]);
		if (unlink(side) != 0 && errno != ENOENT)
			r = store_failf(&shell, STORE_ERROR, "%s: %s", side, strerror(errno));
	}
	if (r == STORE_OK && (rename(tmp, db_path) != 0 || sync_parent(db_path) != 0))
		r = store_failf(&shell, STORE_ERROR, "%s: %s", db_path, strerror(errno));
	if (r != STORE_OK) {
		if (fd >= 0)
			remove_copy(tmp); /* nothing replaced */
		snprintf(err, errsz, "%s", shell.err);
	}
	return r;
}
