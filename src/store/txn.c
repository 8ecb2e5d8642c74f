/* txn — the store's transactions: every write one short BEGIN IMMEDIATE transaction that
 * ends with its audit line and a commit, or a rollback; one-moment read transactions; the
 * foreign keys switched off for a bulk import. */
#include "autoconfig.h"

#include <stdio.h>

#include "clock.h"
#include "i18n.h"
#include "store/health.h"
#include "store/internal.h"

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

enum store_status store_begin_checked(struct store *st, enum store_status checked,
				      char now[DATES_UTC_LEN])
{
	return checked == STORE_OK ? store_begin_now(st, now) : checked;
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

void store_now_text(char out[DATES_UTC_LEN])
{
	dates_format_utc(clock_now(), out);
}
