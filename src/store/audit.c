/* audit — the append-only audit trail in SQLite: each line chained to the one before by its
 * hash and written inside the change it records, lines written outside another change (a
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
	return store_finish(st, STORE_OK, action, object, result, detail);
}

static void entry_from_row(sqlite3_stmt *s, void *item)
{
	struct audit_entry *e = item;
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

enum store_status store_audit_list(struct store *st, size_t limit, struct audit_entry **out,
				   size_t *n)
{
	/* Ids grow with every line, so they order lines even within one second. */
	return store_list(st, list_sql, _("reading the audit trail"), entry_from_row, out, n,
			  STORE_INT(limit ? (int64_t)limit : -1));
}

enum store_status store_audit_each(struct store *st, const struct audit_filter *f,
				   int (*fn)(const struct audit_line *l, void *arg), void *arg)
{
	static const char sql[] =
		"SELECT id, at, actor, terminal, action, object, result, detail, prev_hash, hash"
		" FROM audit WHERE (?1 = '' OR at >= ?1) AND (?2 = '' OR actor = ?2)"
		" AND (?3 = '' OR action = ?3 OR substr(action, 1, length(?3) + 1) = ?3 || '.')"
		" AND (?4 = '' OR object = ?4) AND id > ?5 ORDER BY id";
	static const struct audit_filter none = {0};
	if (!f)
		f = &none;
	sqlite3_stmt *s;
	enum store_status r = store_prepare(st, &s, sql, _("reading the audit trail"),
					    STORE_TEXT(f->since), STORE_TEXT(f->actor),
					    STORE_TEXT(f->action), STORE_TEXT(f->object),
					    STORE_INT(f->after_id));
	if (r != STORE_OK)
		return r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *col[9];
		for (int i = 0; i < 9; i++) {
			const unsigned char *t = sqlite3_column_text(s, i + 1);
			col[i] = t ? (const char *)t : "";
		}
		struct audit_line l = {
			.id = sqlite3_column_int64(s, 0), .at = col[0], .actor = col[1],
			.terminal = col[2], .action = col[3], .object = col[4], .result = col[5],
			.detail = col[6], .prev_hash = col[7], .hash = col[8],
		};
		if (fn(&l, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	r = rc == SQLITE_DONE ? STORE_OK : store_fail(st, _("reading the audit trail"));
	store_done(s);
	return r;
}

struct verify_state {
	struct audit_verify *v;
	int64_t chain_from;
	int64_t expect_id;       /* the id the next chained line must have */
	char expect_prev[SHA256_HEX_LEN];
	int64_t noted_id;        /* a head noted earlier, or 0 */
	const char *noted_hash;
};

static int broken(struct audit_verify *v, int64_t id, const char *why)
{
	v->first_bad = id;
	snprintf(v->why, sizeof v->why, "%s", why);
	return 1;
}

static int verify_line(const struct audit_line *l, void *arg)
{
	struct verify_state *vs = arg;
	struct audit_verify *v = vs->v;
	if (l->id < vs->chain_from) {
		v->unchained++;
		return 0;
	}
	/* Ids are the last one plus one, in the same transaction as the line: a gap is a
	 * line removed, even when every hash after it was recomputed to fit. */
	if (l->id > vs->expect_id) {
		v->gap_from = vs->expect_id;
		v->gap_to = l->id - 1;
		return broken(v, l->id, N_("lines numbered before it are missing"));
	}
	if (l->id < vs->expect_id)
		return broken(v, l->id, N_("its number does not follow the line before it"));
	char hash[SHA256_HEX_LEN];
	const char *fields[7] = {l->at, l->actor, l->terminal, l->action, l->object, l->result,
				 l->detail};
	store_audit_line_hash(l->prev_hash, l->id, fields, hash);
	if (strcmp(l->prev_hash, vs->expect_prev) != 0)
		return broken(v, l->id, N_("the line before it was changed or removed"));
	if (strcmp(hash, l->hash) != 0)
		return broken(v, l->id, N_("the line itself was changed"));
	if (l->id == vs->noted_id) {
		v->noted_checked = true;
		if (strcmp(l->hash, vs->noted_hash) != 0)
			return broken(v, l->id, N_("it differs from the line noted with this "
						   "number: the trail up to it was rewritten, or "
						   "cut off and written on"));
	}
	v->lines++;
	v->head_id = l->id;
	vs->expect_id = l->id + 1;
	snprintf(v->head_hash, sizeof v->head_hash, "%s", l->hash);
	snprintf(vs->expect_prev, sizeof vs->expect_prev, "%s", l->hash);
	return 0;
}

/* A noted head the walk did not meet: cut off at the end, or purged by retention. */
static void noted_not_seen(struct verify_state *vs, int64_t anchor_id, const char *anchor)
{
	struct audit_verify *v = vs->v;
	if (vs->noted_id > v->head_id && vs->noted_id > anchor_id) {
		(void)broken(v, vs->noted_id, N_("the line noted as the newest is gone: lines "
						 "at the end were cut off"));
	} else if (vs->noted_id == anchor_id && anchor_id > 0) {
		/* The purge kept the hash of the last line it removed: still comparable. */
		v->noted_checked = true;
		if (strcmp(anchor, vs->noted_hash) != 0)
			(void)broken(v, vs->noted_id, N_("it differs from the line noted with "
							 "this number: the trail up to it was "
							 "rewritten, or cut off and written on"));
	} else {
		v->noted_purged = true;
	}
}

enum store_status store_audit_verify_head(struct store *st, int64_t head_id,
					  const char *head_hash, struct audit_verify *v)
{
	memset(v, 0, sizeof *v);
	struct verify_state vs = {.v = v, .chain_from = 1, .noted_id = head_id,
				  .noted_hash = head_hash ? head_hash : ""};
	char buf[64], anchor[SHA256_HEX_LEN] = "";
	int64_t anchor_id = 0;
	/* One read transaction, so a line appended meanwhile cannot look like a gap and the
	 * anchor belongs to the lines read. */
	enum store_status r = store_read_begin(st, _("reading the audit trail"));
	if (r != STORE_OK)
		return r;
	r = store_meta_get(st, "audit.chain_from", buf, sizeof buf);
	if (r == STORE_OK)
		vs.chain_from = strtoll(buf, NULL, 10);
	if (r == STORE_OK || r == STORE_NOT_FOUND)
		r = store_meta_get(st, "audit.anchor_id", buf, sizeof buf);
	if (r == STORE_OK)
		anchor_id = strtoll(buf, NULL, 10);
	if (r == STORE_OK || r == STORE_NOT_FOUND)
		r = store_meta_get(st, "audit.anchor", anchor, sizeof anchor);
	if (r == STORE_OK || r == STORE_NOT_FOUND) {
		snprintf(vs.expect_prev, sizeof vs.expect_prev, "%s", anchor);
		vs.expect_id = anchor_id + 1 > vs.chain_from ? anchor_id + 1 : vs.chain_from;
		r = store_audit_each(st, NULL, verify_line, &vs);
	}
	store_read_end(st);
	if (r == STORE_OK && !v->first_bad && head_id > 0 && !v->noted_checked)
		noted_not_seen(&vs, anchor_id, anchor);
	return r;
}

enum store_status store_audit_verify(struct store *st, struct audit_verify *v)
{
	return store_audit_verify_head(st, 0, NULL, v);
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
