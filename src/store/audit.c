/* audit — the append-only audit trail in SQLite: lines written outside another change (a
 * visitor check, a denied action) and the list of the latest lines. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store/audit.h"
#include "store/internal.h"

static const char list_sql[] =
	"SELECT id, at, actor, terminal, action, object, result, detail FROM audit"
	" ORDER BY id DESC LIMIT ?1";

enum store_status store_audit(struct store *st, const char *action, const char *object,
			      const char *result, const char *detail)
{
	if (!action || !*action)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "action");
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	r = store_audit_write(st, action, object, result, detail);
	if (r == STORE_OK)
		return store_commit(st);
	store_rollback(st);
	return r;
}

enum store_status store_audit_list(struct store *st, size_t limit, struct audit_entry **out,
				   size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, list_sql);
	if (!s)
		return STORE_ERROR;
	/* Ids grow with every line, so they order lines even within one second. */
	if (store_bind_int(s, 1, limit ? (int64_t)limit : -1)) {
		store_done(s);
		return store_fail(st, _("reading the audit trail"));
	}
	enum store_status r = STORE_OK;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct audit_entry *items = realloc(*out, ncap * sizeof *items);
			if (!items)
				break;
			*out = items;
			cap = ncap;
		}
		struct audit_entry *e = &(*out)[(*n)++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(s, 0);
		e->at = store_col_time(s, 1);
		store_col_copy(s, 2, e->actor, sizeof e->actor);
		store_col_copy(s, 3, e->terminal, sizeof e->terminal);
		store_col_copy(s, 4, e->action, sizeof e->action);
		store_col_copy(s, 5, e->object, sizeof e->object);
		store_col_copy(s, 6, e->result, sizeof e->result);
		store_col_copy(s, 7, e->detail, sizeof e->detail);
	}
	if (rc == SQLITE_ROW)
		r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	else if (rc != SQLITE_DONE)
		r = store_fail(st, _("reading the audit trail"));
	store_done(s);
	if (r != STORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return r;
}
