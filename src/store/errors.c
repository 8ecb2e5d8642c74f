/* errors — how the store says it failed: SQLite's errors mapped to a status with a message
 * ("what: reason"), and the environment's (disk full, read-only file or file system, I/O
 * error, damage) told with the file and what to do. */
#include "autoconfig.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/health.h"
#include "store/internal.h"

enum store_status store_failf(struct store *st, enum store_status s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->err, sizeof st->err, fmt, ap);
	va_end(ap);
	return s;
}

enum store_status store_conflict_if_found(struct store *st, enum store_status found,
					  const char *fmt, ...)
{
	if (found != STORE_OK)
		return found;
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(st->err, sizeof st->err, fmt, ap); /* a long message is cut off */
	va_end(ap);
	return STORE_CONFLICT;
}

enum store_status store_required(struct store *st, const char *field, const char *text)
{
	if (!text || !*text)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), field);
	return STORE_OK;
}

const char *store_env_message(const char *path, int rc, int sys, char *out, size_t outsz)
{
	int code = rc & 0xff;
	if (code == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT) {
		snprintf(out, outsz, _("%s: the disk is full: nothing was saved; free space on that "
				       "disk (or ask the administrator to), then try again"), path);
	} else if (sys == EROFS) {
		snprintf(out, outsz, _("%s: the file system is read-only: nothing can be saved; ask "
				       "the administrator to mount it writable"), path);
	} else if (code == SQLITE_READONLY || code == SQLITE_PERM ||
		   (code == SQLITE_CANTOPEN && (sys == EACCES || sys == EPERM))) {
		snprintf(out, outsz, _("%s: the database is read-only for this user: nothing can be "
				       "saved; ask the administrator for write access (see balie(1), "
				       "FILES)"), path);
	} else if (code == SQLITE_NOTADB) {
		snprintf(out, outsz, _("%s: not a balie database (not an SQLite file, or its first "
				       "page is damaged); check the path, or restore the newest good "
				       "backup: balie restore FILE"), path);
	} else if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN) {
		snprintf(out, outsz, _("%s: the disk reports an error (%s): check the disk and the "
				       "system log; the data may need the newest good backup"),
			 path, sys ? strerror(sys) : sqlite3_errstr(rc));
	} else {
		return NULL;
	}
	return out;
}

enum store_status store_fail(struct store *st, const char *what)
{
	int code = sqlite3_extended_errcode(st->db);
	int sys = sqlite3_system_errno(st->db);
	const char *msg = sqlite3_errmsg(st->db);
	char env[512];
	enum store_status s = STORE_ERROR;
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		s = STORE_BUSY;
		msg = _("the database is locked by another program; try again");
		break;
	case SQLITE_CONSTRAINT:
		s = STORE_INVALID;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: {
		char why[256];
		snprintf(why, sizeof why, "%s", msg);
		store_mark_damaged(st, why);
		(void)store_writable_check(st); /* the plain message, with what to do */
		snprintf(env, sizeof env, "%s", st->err);
		msg = env;
		break;
	}
	default: {
		const char *m = store_env_message(st->path, code, sys, env, sizeof env);
		if (m)
			msg = m;
		break;
	}
	}
	return store_failf(st, s, "%s: %s", what, msg);
}
