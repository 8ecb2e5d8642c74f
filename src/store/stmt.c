/* stmt — the store's statements: the cache of prepared statements, binding typed argument
 * lists, running a statement for no row, one row or all of them (grown into an array), and
 * reading columns. */
#include "autoconfig.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store/internal.h"

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
		if (!grow_array(&items, &cap, count + 1, elem, 16))
			break;
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

int store_col_enum(sqlite3_stmt *s, int col, const char *const *names, size_t n, int fallback)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	for (size_t i = 0; t && i < n; i++)
		if (strcmp(t, names[i]) == 0)
			return (int)i;
	return fallback;
}

time_t store_col_time(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	time_t v = 0;
	if (!t || !*t || dates_parse_utc((const char *)t, &v) != 0)
		return 0;
	return v;
}
