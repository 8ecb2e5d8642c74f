/* bans_import — many bans in one transaction, all or nothing: an import takes over a register
 * kept elsewhere. A big one sets triggers and indexes aside and does their work in bulk. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/bans_internal.h"
#include "store/changes.h"
#include "store/internal.h"

#define BIG_IMPORT 20000 /* rows from which an import works in bulk */

/* Put "row N: " (1-based) before the message of a failed import row. */
static void row_error(struct store *st, enum store_status r, size_t i)
{
	char why[sizeof st->err];
	snprintf(why, sizeof why, "%s", st->err);
	store_failf(st, r, _("row %zu: %s"), i + 1, why);
}

/* ------------------------------------------------------------------ bulk import */

/* A big import sets the AFTER INSERT triggers of ban aside inside its own transaction (DDL
 * is transactional in SQLite: no other connection ever sees the schema without them) and
 * does their work once at the end. Per row a trigger costs SQLite a statement journal (the
 * ban table's CHECK and foreign key could abort halfway) and a sub-program: 60 % of a big
 * import. Only triggers whose work is known here are set aside; any other keeps running. */
/* An import into a list smaller than itself also drops the indexes it would fill in random
 * order and makes them anew at the end, sorted: faster than a million random inserts. */
enum bulk_item { BULK_CHANGES, BULK_LIVE, BULK_INDEXES, BULK_COUNT = BULK_INDEXES + 3 };
static const char *const bulk_names[BULK_COUNT] = {
	"change_ban_i", "ban_live_insert", "ban_ends", "person_born", "name_key_person"
};

struct bulk {
	char *sql[BULK_COUNT]; /* the definitions of what was set aside, to make again */
	int64_t last_id;       /* the highest ban id before the import */
};

static const char bulk_last_sql[] = "SELECT coalesce(max(id), 0) FROM ban";
static const char bulk_item_sql[] = "SELECT sql FROM sqlite_schema WHERE name = ?1";
static const char *const bulk_live_sql[] = {
	"INSERT INTO ban_live_day (side, day, n) SELECT 0, ends, count(*) FROM ban"
	" WHERE id > ?1 AND status = 'active' AND lifted_at = '' GROUP BY ends"
	" ON CONFLICT (side, day) DO UPDATE SET n = n + excluded.n",
	"INSERT INTO ban_live_day (side, day, n) SELECT 1, starts, count(*) FROM ban"
	" WHERE id > ?1 AND status = 'active' AND lifted_at = '' GROUP BY starts"
	" ON CONFLICT (side, day) DO UPDATE SET n = n + excluded.n",
};

/* Inside the import's transaction: note where the new rows start, set the triggers aside
 * (and the indexes, when the import is at least as big as the list: rows). */
static enum store_status bulk_begin(struct store *st, struct bulk *b, size_t rows)
{
	memset(b, 0, sizeof *b);
	sqlite3_stmt *s = store_stmt(st, bulk_last_sql);
	if (!s)
		return STORE_ERROR;
	int rc = sqlite3_step(s);
	b->last_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	store_done(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, _("importing"));
	bool indexes = b->last_id <= (int64_t)rows;
	for (int i = 0; i < (indexes ? BULK_COUNT : BULK_INDEXES); i++) {
		/* not cached: the statements prepared before the DROP are stale after it */
		if (sqlite3_prepare_v2(st->db, bulk_item_sql, -1, &s, NULL) != SQLITE_OK)
			return store_fail(st, _("importing"));
		if (sqlite3_bind_text(s, 1, bulk_names[i], -1, SQLITE_STATIC) != SQLITE_OK) {
			sqlite3_finalize(s);
			return store_fail(st, _("importing"));
		}
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW && !(b->sql[i] = store_col_dup(s, 0)))
			rc = SQLITE_NOMEM;
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_failf(st, STORE_ERROR, "%s: %s", _("importing"), strerror(ENOMEM));
		if (!b->sql[i])
			continue; /* not there: nothing to do in bulk for it */
		char drop[96];
		snprintf(drop, sizeof drop, "DROP %s %s", i < BULK_INDEXES ? "TRIGGER" : "INDEX",
			 bulk_names[i]);
		enum store_status r = store_exec(st, drop, _("importing"));
		if (r != STORE_OK)
			return r;
	}
	return STORE_OK;
}

/* The work of the triggers set aside, for every row after b->last_id, and the triggers
 * back; rows is how many bans were imported. */
static enum store_status bulk_end(struct store *st, struct bulk *b, size_t rows)
{
	enum store_status r = STORE_OK;
	for (size_t i = 0; b->sql[BULK_LIVE] && i < 2 && r == STORE_OK; i++) {
		sqlite3_stmt *s = NULL;
		if (sqlite3_prepare_v2(st->db, bulk_live_sql[i], -1, &s, NULL) != SQLITE_OK ||
		    sqlite3_bind_int64(s, 1, b->last_id) != SQLITE_OK ||
		    sqlite3_step(s) != SQLITE_DONE)
			r = store_fail(st, _("importing"));
		sqlite3_finalize(s);
	}
	if (r == STORE_OK && b->sql[BULK_CHANGES])
		r = store_changes_bump(st, STORE_CHANGE_BANS, rows);
	for (int i = 0; i < BULK_COUNT && r == STORE_OK; i++)
		if (b->sql[i])
			r = store_exec(st, b->sql[i], _("importing"));
	return r;
}

static void bulk_free(struct bulk *b)
{
	for (int i = 0; i < BULK_COUNT; i++)
		free(b->sql[i]);
}

enum store_status store_ban_import(struct store *st, const struct ban_new *rows, size_t n)
{
	enum store_status r = STORE_OK;
	/* Validate everything before taking the write lock, so other terminals wait only for
	 * the inserts themselves. */
	for (size_t i = 0; i < n && r == STORE_OK; i++)
		if ((r = bans_validate(st, &rows[i])) != STORE_OK)
			row_error(st, r, i);
	if (r != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	struct bans_keys *keys = bans_keys_new();
	if (!keys)
		return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	/* A big import refers only to rows it makes itself in this transaction (a ban to the
	 * person inserted just before it, a history row to its ban): the foreign keys hold by
	 * construction (tests/test_store_bans.c checks them), and SQLite's lookup of the
	 * parent for every row would cost a tenth of the import. The pragma works only outside
	 * a transaction; they are checked again for every write after this one. */
	bool big = n >= BIG_IMPORT;
	if (big)
		store_foreign_keys_off(st);
	if ((r = big ? store_begin_unchecked(st) : store_begin(st)) != STORE_OK) {
		bans_keys_free(keys);
		store_foreign_keys_on(st);
		return r;
	}
	/* The page cache of a big import holds what it fills in random order (the indexes
	 * it keeps: into a list bigger than itself), instead of spilling it to the WAL. */
	long long cache = 0;
	bool grown = big && bans_cache_grow(st, &cache);
	struct bulk bulk = { 0 };
	if (big)
		r = bulk_begin(st, &bulk, n);
	for (size_t i = 0; i < n && r == STORE_OK; i++) {
		if ((r = bans_insert_one(st, &rows[i], now, !rows[i].draft, big ? NULL : "import",
					 keys, NULL)) != STORE_OK)
			row_error(st, r, i);
	}
	/* a big import writes the history rows in one statement */
	if (r == STORE_OK && big)
		r = bans_history_after(st, bulk.last_id, "import", now);
	if (r == STORE_OK)
		r = bans_keys_flush(st, keys);
	if (r == STORE_OK && big)
		r = bulk_end(st, &bulk, n);
	bulk_free(&bulk);
	bans_keys_free(keys);
	if (grown)
		bans_cache_restore(st, cache);
	char detail[32];
	snprintf(detail, sizeof detail, "%zu", n);
	r = store_finish(st, r, "ban.import", "bans", "ok", detail);
	store_foreign_keys_on(st);
	return r;
}
