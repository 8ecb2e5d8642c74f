/* backup — sqlite3_backup_* in both directions: stepping in small chunks for a backup (the
 * source stays writable between steps), in one step for a restore (all or nothing). */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "store/audit.h"
#include "store/backup.h"
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

enum store_status store_backup(struct store *st, const char *dest, bool overwrite)
{
	if (!dest || !*dest)
		return store_failf(st, STORE_INVALID, "%s", _("backup: no file named"));
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
		rc = copy_db(to, st->db, PAGES_PER_STEP);
	if (rc != SQLITE_OK)
		r = store_failf(st, rc == SQLITE_BUSY ? STORE_BUSY : STORE_ERROR, "%s: %s", dest,
				to ? sqlite3_errstr(rc) : strerror(ENOMEM));
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
	if (r == STORE_OK)
		r = store_audit(st, "database.backup", dest, "ok", "");
	return r;
}

/* Check a candidate for restoring; STORE_OK or STORE_INVALID with the reason in st->err. */
static enum store_status check_source(struct store *st, sqlite3 *src, const char *path)
{
	sqlite3_stmt *s = NULL;
	enum store_status r = STORE_OK;
	if (sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		r = store_failf(st, STORE_INVALID, "%s: %s", path, sqlite3_errmsg(src));
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

enum store_status store_restore(struct store *st, const char *src_path)
{
	if (!src_path || !*src_path)
		return store_failf(st, STORE_INVALID, "%s", _("restore: no file named"));
	if (access(src_path, R_OK) != 0)
		return store_failf(st, STORE_INVALID, "%s: %s", src_path, strerror(errno));
	sqlite3 *src = NULL;
	int rc = sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
	enum store_status r;
	if (rc != SQLITE_OK) {
		r = store_failf(st, STORE_INVALID, "%s: %s", src_path,
				src ? sqlite3_errmsg(src) : strerror(ENOMEM));
		(void)sqlite3_close(src);
		return r;
	}
	r = check_source(st, src, src_path);
	if (r == STORE_OK) {
		/* All pages in one step: the live database is never half replaced. */
		rc = copy_db(st->db, src, -1);
		if (rc != SQLITE_OK)
			r = store_failf(st, rc == SQLITE_BUSY ? STORE_BUSY : STORE_ERROR, "%s: %s",
					store_path(st), sqlite3_errstr(rc));
	}
	(void)sqlite3_close(src); /* read-only: nothing to lose */
	if (r != STORE_OK)
		return r;
	/* Statements prepared against the old schema are stale now. */
	store_stmt_cache_clear(st);
	if ((r = store_migrate(st)) != STORE_OK)
		return r;
	return store_audit(st, "database.restore", src_path, "ok", "");
}
