/* health — the damaged state (writes refused, a marker file next to the database so every
 * process knows), the cheap checks at every open, quick_check and integrity_check. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/health.h"
#include "store/internal.h"

/* Read the marker another process left: the database is damaged. */
static void read_marker(struct store *st)
{
	char p[4096];
	store_side_path(st->path, STORE_DAMAGED_SUFFIX, p, sizeof p);
	int fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	char buf[sizeof st->damage];
	ssize_t n = read(fd, buf, sizeof buf - 1);
	(void)close(fd); /* read-only: nothing to lose */
	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	st->damaged = true;
	snprintf(st->damage, sizeof st->damage, "%s", *buf ? buf : "?");
}

void store_mark_damaged(struct store *st, const char *why)
{
	if (st->damaged)
		return;
	st->damaged = true;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	snprintf(st->damage, sizeof st->damage, "%s, %s", why && *why ? why : "?", now);
	/* Tell every other process; without the marker each would have to find the damage
	 * itself, and might write into it first. */
	char p[4096];
	struct stat sb;
	store_side_path(st->path, STORE_DAMAGED_SUFFIX, p, sizeof p);
	int fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return; /* already marked, or the directory is read-only: this process knows */
	mode_t mode = stat(st->path, &sb) == 0 ? (sb.st_mode & 0660) | 0600 : 0600;
	size_t len = strlen(st->damage);
	bool ok = fchmod(fd, mode) == 0 && write(fd, st->damage, len) == (ssize_t)len &&
		  write(fd, "\n", 1) == 1 && fsync(fd) == 0;
	if (close(fd) != 0 || !ok)
		(void)unlink(p); /* a half-written marker: the in-process state still holds */
}

void store_clear_damage(struct store *st)
{
	char p[4096];
	store_side_path(st->path, STORE_DAMAGED_SUFFIX, p, sizeof p);
	if (unlink(p) != 0 && errno != ENOENT)
		return; /* the marker stays: every process keeps refusing writes */
	st->damaged = false;
	st->damage[0] = '\0';
}

/* One integer from a pragma or query on the working connection; an SQLite code. */
static int query_int(struct store *st, const char *sql, long long *out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	(void)sqlite3_finalize(s); /* the error, if any, is in rc */
	return rc == SQLITE_OK ? rc : sqlite3_extended_errcode(st->db);
}

/* The first finding of a check as one line: without the "*** in database main ***"
 * heading, line breaks as "; ", at most about one line of text. */
static void finding(const char *text, char *out, size_t outsz)
{
	static const char heading[] = "*** in database main ***\n";
	if (!text)
		text = "?";
	if (strncmp(text, heading, sizeof heading - 1) == 0)
		text += sizeof heading - 1;
	size_t max = outsz < 120 ? outsz : 120, len = 0;
	for (; *text && len + 3 < max; text++) {
		if (*text == '\n') {
			out[len++] = ';';
			out[len++] = ' ';
		} else {
			out[len++] = *text;
		}
	}
	out[len] = '\0';
}

/* Run a check pragma; its first line into why; an SQLite code (damage is SQLITE_OK with
 * *ok false). */
static int run_check(struct store *st, const char *sql, bool *ok, char *why, size_t whysz)
{
	sqlite3_stmt *s = NULL;
	*ok = true;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *first = (const char *)sqlite3_column_text(s, 0);
		*ok = first && strcmp(first, "ok") == 0;
		finding(first, why, whysz);
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		rc = sqlite3_extended_errcode(st->db);
		snprintf(why, whysz, "%s", sqlite3_errmsg(st->db));
	}
	(void)sqlite3_finalize(s); /* the error, if any, is in rc */
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		*ok = false;
		rc = SQLITE_OK;
	}
	return rc;
}

void store_health_open(struct store *st)
{
	read_marker(st);
	if (st->damaged)
		return;
	/* Cheap checks (well under a millisecond at a million bans): the header's page and
	 * free-list counts agree, and the two small tables every alarm path reads are whole.
	 * The whole file is checked by quick_check once a day and at every backup. */
	long long pages = 0, free_pages = 0, tables = 0;
	if (query_int(st, "PRAGMA page_count", &pages) != SQLITE_OK ||
	    query_int(st, "PRAGMA freelist_count", &free_pages) != SQLITE_OK ||
	    query_int(st, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND"
			  " name IN ('alarm', 'meta')", &tables) != SQLITE_OK) {
		int rc = sqlite3_extended_errcode(st->db);
		if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
			store_mark_damaged(st, sqlite3_errmsg(st->db));
		return; /* anything else shows at the first real statement, with its message */
	}
	if (free_pages > pages) {
		store_mark_damaged(st, "free-list count larger than the file");
		return;
	}
	if (tables < 2)
		return; /* a database still to be migrated */
	char why[256];
	bool ok = true;
	if (run_check(st, "PRAGMA quick_check(alarm)", &ok, why, sizeof why) == SQLITE_OK && ok)
		(void)run_check(st, "PRAGMA quick_check(meta)", &ok, why, sizeof why);
	if (!ok)
		store_mark_damaged(st, why);
}

static enum store_status check(struct store *st, const char *sql, bool *ok, char *why,
			       size_t whysz)
{
	int rc = run_check(st, sql, ok, why, whysz);
	if (rc != SQLITE_OK)
		return store_fail(st, _("checking the database"));
	if (!*ok)
		store_mark_damaged(st, why);
	return STORE_OK;
}

enum store_status store_quick_check(struct store *st, bool *ok, char *why, size_t whysz)
{
	return check(st, "PRAGMA quick_check", ok, why, whysz);
}

enum store_status store_integrity_check(struct store *st, bool *ok, char *why, size_t whysz)
{
	enum store_status r = check(st, "PRAGMA integrity_check", ok, why, whysz);
	if (r == STORE_OK && *ok && st->damaged)
		store_clear_damage(st);
	return r;
}

void store_check_adopt(struct store *st, bool ok, bool integrity, const char *why)
{
	if (!ok && !st->damaged) {
		read_marker(st);
		if (!st->damaged) /* no mark could be left: this connection knows all the same */
			store_mark_damaged(st, why);
	} else if (ok && integrity && st->damaged) {
		store_clear_damage(st);
	}
}

enum store_status store_check_daily(struct store *st, const char *today, bool *ran, bool *ok)
{
	*ran = false;
	*ok = true;
	char last[32] = "";
	enum store_status r = store_meta_get(st, "integrity.last_day", last, sizeof last);
	if (r != STORE_OK && r != STORE_NOT_FOUND)
		return r;
	if (strcmp(last, today) == 0 || st->readonly)
		return STORE_OK;
	char why[256];
	if ((r = store_quick_check(st, ok, why, sizeof why)) != STORE_OK)
		return r;
	*ran = true;
	if (!*ok)
		return STORE_OK; /* damaged: nothing may be written, the verdict says it */
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	r = store_meta_put(st, "integrity.last_day", today, false);
	return store_finish(st, r, "database.check", "database", "ok", "quick_check");
}

enum store_status store_note_backup(struct store *st, const char *path)
{
	char now[DATES_UTC_LEN], value[4200];
	store_now_text(now);
	snprintf(value, sizeof value, "%s (%s)", path, now);
	return store_meta_put(st, "backup.last", value, false);
}

/* The newest good backup, read without store_fail (which may be what called us). */
static void newest_backup(struct store *st, char *out, size_t outsz)
{
	sqlite3_stmt *s = NULL;
	*out = '\0';
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'backup.last'", -1, &s,
			       NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		store_col_copy(s, 0, out, outsz);
	(void)sqlite3_finalize(s); /* unknown is fine: the message then names no file */
}

enum store_status store_writable_check(struct store *st)
{
	char msg[512];
	if (st->damaged) {
		char backup[300] = "", hint[400] = "", journal[4200];
		if (!st->in_damage) {
			st->in_damage = true;
			newest_backup(st, backup, sizeof backup);
			st->in_damage = false;
		}
		if (*backup)
			snprintf(hint, sizeof hint, _(" (the newest made by balie backup: %s)"), backup);
		store_side_path(st->path, STORE_JOURNAL_SUFFIX, journal, sizeof journal);
		return store_failf(st, STORE_ERROR,
				   _("%s is damaged (%s): balie writes nothing to it any more. Restore "
				     "the newest good backup: balie restore FILE%s. Alarms raised "
				     "meanwhile are kept in %s and shown on every console"),
				   st->path, st->damage, hint, journal);
	}
	switch (st->readonly) {
	case STORE_RW:
		return STORE_OK;
	case STORE_RO_ASKED:
		return store_failf(st, STORE_ERROR, _("%s: opened read-only: nothing was saved"),
				   st->path);
	case STORE_RO_FS:
		return store_failf(st, STORE_ERROR, "%s",
				   store_env_message(st->path, SQLITE_READONLY, EROFS, msg,
						     sizeof msg));
	case STORE_RO_FILE:
	default:
		return store_failf(st, STORE_ERROR, "%s",
				   store_env_message(st->path, SQLITE_READONLY, 0, msg,
						     sizeof msg));
	}
}
