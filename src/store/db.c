/* db — opening the SQLite database, migrations, transactions and the change watch.
 * Every write elsewhere in store/ is one short BEGIN IMMEDIATE transaction. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "core/sha256.h"
#include "i18n.h"
#include "core/names.h"
#include "store/bans_internal.h"
#include "store/changes.h"
#include "store/health.h"
#include "store/internal.h"

/* Generated from data/schema.sql by tools/embed.sh. */
extern const char store_schema_sql[];

/* Long enough for a batch import on another terminal to finish; the design asks >= 5 s. */
#define BUSY_TIMEOUT_MS 10000
#define MIGRATION_MAX 64

static const char *migration_marker = "-- migration ";

/* Split the embedded schema into its migration blocks once; index 1..count. */
static struct {
	int count;
	char *sql[MIGRATION_MAX + 1];
} migrations;

static int migrations_load(void)
{
	if (migrations.count > 0)
		return 0;
	const char *p = store_schema_sql;
	const char *block = NULL;
	int n = 0;
	while (p && *p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > strlen(migration_marker) &&
		    strncmp(p, migration_marker, strlen(migration_marker)) == 0) {
			int num = atoi(p + strlen(migration_marker));
			if (num != n + 1 || num > MIGRATION_MAX)
				return -1; /* blocks must be numbered 1, 2, 3 ... */
			if (block) {
				migrations.sql[n] = strndup(block, (size_t)(p - block));
				if (!migrations.sql[n])
					return -1;
			}
			n = num;
			block = eol ? eol + 1 : p + len;
		}
		p = eol ? eol + 1 : NULL;
	}
	if (block) {
		migrations.sql[n] = strdup(block);
		if (!migrations.sql[n])
			return -1;
	}
	migrations.count = n;
	return n > 0 ? 0 : -1;
}

int store_schema_latest(void)
{
	if (migrations_load() != 0)
		return 0;
	return migrations.count;
}

const char *store_migration_sql(int n)
{
	if (migrations_load() != 0 || n < 1 || n > migrations.count)
		return NULL;
	return migrations.sql[n];
}

enum store_status store_failf(struct store *st, enum store_status s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->err, sizeof st->err, fmt, ap);
	va_end(ap);
	return s;
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

sqlite3_stmt *store_stmt(struct store *st, const char *sql)
{
	for (struct stmt_cache_entry *e = st->cache; e; e = e->next)
		if (e->sql == sql)
			return e->stmt;
	struct stmt_cache_entry *e = calloc(1, sizeof *e);
	if (!e) {
		store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
		return NULL;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &e->stmt, NULL) !=
	    SQLITE_OK) {
		store_fail(st, _("preparing a query"));
		sqlite3_finalize(e->stmt);
		free(e);
		return NULL;
	}
	e->sql = sql;
	e->next = st->cache;
	st->cache = e;
	return e->stmt;
}

void store_done(sqlite3_stmt *s)
{
	if (!s)
		return;
	/* The error, if any, was already taken from the step that failed. */
	(void)sqlite3_reset(s);
	(void)sqlite3_clear_bindings(s);
}

enum store_status store_exec(struct store *st, const char *sql, const char *what)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, what);
	return STORE_OK;
}

void store_foreign_keys_off(struct store *st)
{
	if (store_exec(st, "PRAGMA foreign_keys = OFF", _("starting a transaction")) == STORE_OK)
		st->fk_off = true;
}

void store_foreign_keys_on(struct store *st)
{
	if (st->fk_off &&
	    store_exec(st, "PRAGMA foreign_keys = ON", _("starting a transaction")) == STORE_OK)
		st->fk_off = false;
}

enum store_status store_begin_unchecked(struct store *st)
{
	return store_exec(st, "BEGIN IMMEDIATE", _("starting a transaction"));
}

enum store_status store_begin(struct store *st)
{
	enum store_status w = store_writable_check(st);
	if (w != STORE_OK)
		return w;
	/* no write after a bulk one without its foreign keys checked again */
	store_foreign_keys_on(st);
	if (st->fk_off)
		return STORE_ERROR; /* store_exec has said why */
	return store_begin_unchecked(st);
}

enum store_status store_begin_stamp(struct store *st, char now[DATES_UTC_LEN], const char *sql,
				    const char *what, int64_t id)
{
	enum store_status r = store_begin_now(st, now);
	if (r != STORE_OK)
		return r;
	r = store_run(st, sql, what, STORE_TEXT(now), STORE_TEXT(st->actor), STORE_INT(id));
	if (r != STORE_OK)
		store_rollback(st);
	return r;
}

enum store_status store_read_begin(struct store *st, const char *what)
{
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, what);
	return STORE_OK;
}

void store_read_end(struct store *st)
{
	(void)sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

enum store_status store_begin_now(struct store *st, char now[DATES_UTC_LEN])
{
	store_now_text(now);
	return store_begin(st);
}

enum store_status store_commit(struct store *st)
{
	enum store_status s = store_exec(st, "COMMIT", _("saving"));
	if (s != STORE_OK)
		store_rollback(st);
	return s;
}

void store_rollback(struct store *st)
{
	if (sqlite3_get_autocommit(st->db))
		return; /* SQLite already rolled back (e.g. after SQLITE_FULL) */
	/* Nothing more can be done when ROLLBACK itself fails: the connection is closed soon. */
	(void)sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

enum store_status store_step_done(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	enum store_status r = STORE_OK;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		r = store_fail(st, what);
	store_done(s);
	return r;
}

enum store_status store_collect(struct store *st, sqlite3_stmt *s, size_t elem,
				void (*from_row)(sqlite3_stmt *s, void *item), void **out,
				size_t *n, const char *what)
{
	return store_collect_owned(st, s, elem, from_row, NULL, out, n, what);
}

enum store_status store_collect_owned(struct store *st, sqlite3_stmt *s, size_t elem,
				      void (*from_row)(sqlite3_stmt *s, void *item),
				      void (*clear)(void *item), void **out, size_t *n,
				      const char *what)
{
	enum store_status r = STORE_OK;
	char *items = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char *grown = realloc(items, ncap * elem);
			if (!grown)
				break;
			items = grown;
			cap = ncap;
		}
		from_row(s, items + count++ * elem);
	}
	if (rc == SQLITE_ROW)
		r = store_failf(st, STORE_ERROR, "%s: %s", what, strerror(ENOMEM));
	else if (rc != SQLITE_DONE)
		r = store_fail(st, what);
	store_done(s);
	if (r != STORE_OK) {
		for (size_t i = 0; clear && i < count; i++)
			clear(items + i * elem);
		free(items);
		items = NULL;
		count = 0;
	}
	*out = items;
	*n = count;
	return r;
}

enum store_status store_finish(struct store *st, enum store_status r, const char *action,
			       const char *object, const char *result, const char *detail)
{
	if (r == STORE_OK)
		r = store_audit_write(st, action, object, result, detail);
	return store_end(st, r);
}

enum store_status store_end(struct store *st, enum store_status r)
{
	if (r == STORE_OK)
		return store_commit(st);
	store_rollback(st);
	return r;
}

enum store_status store_finish_id(struct store *st, enum store_status r, const char *action,
				  const char *kind, int64_t id, const char *detail)
{
	char object[64];
	snprintf(object, sizeof object, "%s:%lld", kind, (long long)id);
	return store_finish(st, r, action, object, "ok", detail);
}

void store_first_int(sqlite3_stmt *s, void *item)
{
	*(int64_t *)item = sqlite3_column_int64(s, 0);
}

void store_first_text(sqlite3_stmt *s, void *item)
{
	struct store_text_out *t = item;
	store_col_copy(s, 0, t->buf, t->size);
}

void store_first_count(sqlite3_stmt *s, void *item)
{
	*(size_t *)item = (size_t)sqlite3_column_int64(s, 0);
}

enum store_status store_prepare_args(struct store *st, sqlite3_stmt **out, const char *sql,
				     const char *what, const struct store_arg *args, size_t n)
{
	*out = NULL;
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return STORE_ERROR;
	for (size_t i = 0; i < n; i++) {
		int idx = (int)i + 1, bad;
		switch (args[i].kind) {
		case STORE_ARG_TEXT:
			bad = store_bind_text(s, idx, args[i].text);
			break;
		case STORE_ARG_REF:
			bad = store_bind_ref(s, idx, args[i].text);
			break;
		case STORE_ARG_INT:
			bad = store_bind_int(s, idx, args[i].num);
			break;
		case STORE_ARG_TIME:
			bad = store_bind_time(s, idx, (time_t)args[i].num);
			break;
		default:
			bad = sqlite3_bind_null(s, idx) != SQLITE_OK;
			break;
		}
		if (bad) {
			store_done(s);
			return store_fail(st, what);
		}
	}
	*out = s;
	return STORE_OK;
}

enum store_status store_run_args(struct store *st, const char *sql, const char *what,
				 const struct store_arg *args, size_t n)
{
	sqlite3_stmt *s;
	enum store_status r = store_prepare_args(st, &s, sql, what, args, n);
	return r == STORE_OK ? store_step_done(st, s, what) : r;
}

enum store_status store_row_args(struct store *st, const char *sql, const char *what,
				 void (*from_row)(sqlite3_stmt *s, void *item), void *out,
				 const struct store_arg *args, size_t n)
{
	sqlite3_stmt *s;
	enum store_status r = store_prepare_args(st, &s, sql, what, args, n);
	if (r != STORE_OK)
		return r;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (from_row)
			from_row(s, out);
	} else if (rc == SQLITE_DONE) {
		r = STORE_NOT_FOUND;
	} else {
		r = store_fail(st, what);
	}
	store_done(s);
	return r;
}

enum store_status store_list_args(struct store *st, const char *sql, size_t elem,
				  void (*from_row)(sqlite3_stmt *s, void *item), void **out,
				  size_t *n, const char *what, const struct store_arg *args,
				  size_t nargs)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	enum store_status r = store_prepare_args(st, &s, sql, what, args, nargs);
	return r == STORE_OK ? store_collect(st, s, elem, from_row, out, n, what) : r;
}

enum store_status store_get(struct store *st, const char *sql, int64_t id,
			    void (*from_row)(sqlite3_stmt *s, void *item), void *out,
			    const char *what, const char *missing, ...)
{
	enum store_status r = store_row(st, sql, what, from_row, out, STORE_INT(id));
	if (r == STORE_NOT_FOUND) {
		va_list ap;
		va_start(ap, missing);
		(void)vsnprintf(st->err, sizeof st->err, missing, ap);
		va_end(ap);
	}
	return r;
}

int store_bind_text(sqlite3_stmt *s, int idx, const char *text)
{
	return sqlite3_bind_text(s, idx, text ? text : "", -1, SQLITE_TRANSIENT) == SQLITE_OK
		       ? 0 : -1;
}

int store_bind_ref(sqlite3_stmt *s, int idx, const char *text)
{
	int rc = sqlite3_bind_text(s, idx, text ? text : "", -1, SQLITE_STATIC);
	return rc == SQLITE_OK ? 0 : -1;
}

int store_bind_int(sqlite3_stmt *s, int idx, int64_t v)
{
	return sqlite3_bind_int64(s, idx, v) == SQLITE_OK ? 0 : -1;
}

int store_bind_time(sqlite3_stmt *s, int idx, time_t t)
{
	char buf[DATES_UTC_LEN] = "";
	if (t != 0)
		dates_format_utc(t, buf);
	return store_bind_text(s, idx, buf);
}

char *store_col_dup(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return strdup(t ? (const char *)t : "");
}

void store_col_copy(sqlite3_stmt *s, int col, char *out, size_t outsz)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	if (outsz == 0)
		return;
	size_t len = t ? strlen((const char *)t) : 0;
	if (len >= outsz) {
		len = outsz - 1;
		while (len > 0 && (t[len] & 0xc0) == 0x80)
			len--; /* do not cut a UTF-8 sequence in half */
	}
	if (len)
		memcpy(out, t, len);
	out[len] = '\0';
}

time_t store_col_time(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	time_t v = 0;
	if (!t || !*t || dates_parse_utc((const char *)t, &v) != 0)
		return 0;
	return v;
}

void store_now_text(char out[DATES_UTC_LEN])
{
	dates_format_utc(clock_now(), out);
}

void store_audit_line_hash(const char *prev_hash, int64_t id, const char *const fields[7],
			   char out[SHA256_HEX_LEN])
{
	struct sha256 c;
	char num[32];
	sha256_init(&c);
	/* Every part length-prefixed, so no choice of field contents can collide. */
	int n = snprintf(num, sizeof num, "%zu:", strlen(prev_hash));
	sha256_update(&c, num, (size_t)n);
	sha256_update(&c, prev_hash, strlen(prev_hash));
	n = snprintf(num, sizeof num, "%lld;", (long long)id);
	sha256_update(&c, num, (size_t)n);
	for (int i = 0; i < 7; i++) {
		const char *f = fields[i] ? fields[i] : "";
		n = snprintf(num, sizeof num, "%zu:", strlen(f));
		sha256_update(&c, num, (size_t)n);
		sha256_update(&c, f, strlen(f));
	}
	sha256_final_hex(&c, out);
}

struct audit_tail {
	char *prev;              /* SHA256_HEX_LEN */
	int64_t last;
};

static void audit_tail_from_row(sqlite3_stmt *s, void *item)
{
	struct audit_tail *t = item;
	store_col_copy(s, 0, t->prev, SHA256_HEX_LEN);
	t->last = sqlite3_column_int64(s, 1);
}

/* The hash and id of the newest audit line (or the anchor the last purge left); the
 * caller holds the write transaction, so no other process appends meanwhile. */
static enum store_status audit_tail(struct store *st, char prev[SHA256_HEX_LEN], int64_t *last)
{
	static const char sql[] =
		"SELECT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1),"
		"                (SELECT value FROM meta WHERE key = 'audit.anchor'), ''),"
		" max(coalesce((SELECT max(id) FROM audit), 0),"
		"     coalesce((SELECT CAST(value AS INTEGER) FROM meta"
		"               WHERE key = 'audit.anchor_id'), 0))";
	struct audit_tail t = { prev, 0 };
	enum store_status r = store_row_args(st, sql, _("writing the audit trail"),
					     audit_tail_from_row, &t, NULL, 0);
	*last = t.last;
	/* The query always yields one row: none means SQLite failed. */
	return r == STORE_NOT_FOUND ? store_fail(st, _("writing the audit trail")) : r;
}

enum store_status store_audit_write(struct store *st, const char *action, const char *object,
				    const char *result, const char *detail)
{
	static const char sql[] =
		"INSERT INTO audit (id, at, actor, terminal, action, object, result, detail,"
		" prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	char prev[SHA256_HEX_LEN] = "", hash[SHA256_HEX_LEN];
	int64_t last = 0;
	enum store_status r = audit_tail(st, prev, &last);
	if (r != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	const char *fields[7] = {now, st->actor, st->terminal, action, object, result, detail};
	store_audit_line_hash(prev, last + 1, fields, hash);
	return store_run(st, sql, _("writing the audit trail"), STORE_INT(last + 1),
			 STORE_TEXT(now), STORE_TEXT(st->actor), STORE_TEXT(st->terminal),
			 STORE_TEXT(action), STORE_TEXT(object), STORE_TEXT(result),
			 STORE_TEXT(detail), STORE_TEXT(prev), STORE_TEXT(hash));
}

static int pragma_int(sqlite3 *db, const char *sql, long long *out)
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

int store_schema_version(struct store *st)
{
	long long v = -1;
	if (pragma_int(st->db, "PRAGMA user_version", &v) != 0)
		return -1;
	return (int)v;
}

/* Whether what the program derives from the data matches this program: the name keys
 * (their version) and the change-counter triggers (the list of domains). */
static bool derived_current(struct store *st)
{
	char v[1024];
	if (store_meta_get(st, "names.keys", v, sizeof v) != STORE_OK ||
	    strcmp(v, names_keys_version()) != 0)
		return false;
	return store_meta_get(st, "change.domains", v, sizeof v) == STORE_OK &&
	       strcmp(v, store_changes_signature()) == 0;
}

/* Make the derived data anew where it is out of date, inside the caller's transaction;
 * after a migration (migrated) the change-counter triggers always, as a migration may have
 * rebuilt a table and with it lost them. */
static enum store_status derive(struct store *st, bool migrated)
{
	char v[1024];
	enum store_status s = store_meta_get(st, "names.keys", v, sizeof v);
	if (s != STORE_OK && s != STORE_NOT_FOUND)
		return s;
	if (s == STORE_NOT_FOUND || strcmp(v, names_keys_version()) != 0) {
		if ((s = bans_keys_rebuild(st)) != STORE_OK ||
		    (s = store_meta_put(st, "names.keys", names_keys_version(), false)) != STORE_OK)
			return s;
	}
	s = store_meta_get(st, "change.domains", v, sizeof v);
	if (s != STORE_OK && s != STORE_NOT_FOUND)
		return s;
	if (migrated || s == STORE_NOT_FOUND || strcmp(v, store_changes_signature()) != 0) {
		if ((s = store_changes_install(st)) != STORE_OK ||
		    (s = store_meta_put(st, "change.domains", store_changes_signature(), false)) !=
			    STORE_OK)
			return s;
	}
	return STORE_OK;
}

/* A schema version this program cannot work with, as a message; NULL when it can. */
static const char *version_problem(long long version, int latest, char *out, size_t outsz)
{
	if (version < 0 || version > INT32_MAX)
		snprintf(out, outsz, _("the schema version (PRAGMA user_version) is %lld, which balie "
				       "never writes: the file was changed by another program; restore "
				       "the newest good backup: balie restore FILE"), version);
	else if (version > latest)
		snprintf(out, outsz, _("the database has schema version %d, newer than this program "
				       "knows (%d); upgrade balie"), (int)version, latest);
	else
		return NULL;
	return out;
}

/* Bring the schema from its current version to the latest, all in one transaction,
 * so a crash or a second process never sees half a migration. An up-to-date database is
 * only read (no write lock): opening must stay cheap for every command. */
enum store_status store_migrate(struct store *st)
{
	int latest = store_schema_latest();
	if (latest <= 0)
		return store_failf(st, STORE_ERROR, "%s", _("the built-in schema is damaged"));
	if (store_schema_version(st) == latest && derived_current(st))
		return STORE_OK;
	enum store_status s = store_begin(st);
	if (s != STORE_OK)
		return s;
	/* Read again under the write lock: another process may have done it meanwhile. */
	long long v64 = -1;
	char why[512];
	if (pragma_int(st->db, "PRAGMA user_version", &v64) != 0) {
		s = store_fail(st, _("reading the schema version"));
		goto fail;
	}
	if (version_problem(v64, latest, why, sizeof why)) {
		s = store_failf(st, STORE_ERROR, "%s", why);
		goto fail;
	}
	int version = (int)v64;
	if (version == 0) {
		long long tables = 0;
		if (pragma_int(st->db, "SELECT count(*) FROM sqlite_schema", &tables) != 0) {
			s = store_fail(st, _("reading the schema"));
			goto fail;
		}
		if (tables > 0) {
			s = store_failf(st, STORE_ERROR, "%s",
					_("this is an SQLite file, but not a balie database"));
			goto fail;
		}
	}
	for (int v = version + 1; v <= latest; v++) {
		char what[64];
		snprintf(what, sizeof what, _("migration %d"), v);
		s = store_exec(st, store_migration_sql(v), what);
		if (s != STORE_OK)
			goto fail;
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
		s = store_exec(st, pragma, what);
		if (s != STORE_OK)
			goto fail;
	}
	if ((s = derive(st, version < latest)) != STORE_OK)
		goto fail;
	if (version < latest) {
		char detail[64];
		snprintf(detail, sizeof detail, "%d -> %d", version, latest);
		s = store_audit_write(st, "schema.migrate", "database", "ok", detail);
		if (s != STORE_OK)
			goto fail;
	}
	return store_commit(st);
fail:
	store_rollback(st);
	return s;
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
 * after BUSY_TIMEOUT_MS. */
static int busy_wait(void *arg, int count)
{
	struct store_busy *b = arg;
	long long now = mono_us();
	if (count == 0)
		b->since_us = now;
	if (now - b->since_us >= (long long)BUSY_TIMEOUT_MS * 1000)
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
	if (version_problem(version, latest, why, sizeof why)) {
		snprintf(err, errsz, "%s: %s", st->path, why);
		return -1;
	}
	if (st->readonly && (version != latest || !derived_current(st))) {
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
	if (watch_open(st) != 0 || pragma_int(st->watch, "PRAGMA data_version", &v) != 0)
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

/* ------------------------------------------------------------------ meta */

enum store_status store_meta_get(struct store *st, const char *key, char *out, size_t outsz)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
	if (outsz > 0)
		*out = '\0';
	struct store_text_out t = { out, outsz };
	return store_row(st, sql, _("reading the settings"), store_first_text, &t,
			 STORE_TEXT(key));
}

enum store_status store_meta_put(struct store *st, const char *key, const char *value,
				 bool keep_existing)
{
	static const char replace_sql[] = "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)";
	static const char keep_sql[] = "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)";
	return store_run(st, keep_existing ? keep_sql : replace_sql, _("saving the settings"),
			 STORE_TEXT(key), STORE_TEXT(value));
}

enum store_status store_set_creator(struct store *st, const char *user)
{
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	r = store_meta_put(st, "creator", user, true);
	return store_finish(st, r, "database.create", "database", "ok", user);
}

enum store_status store_creator(struct store *st, char *out, size_t outsz)
{
	return store_meta_get(st, "creator", out, outsz);
}
