/* visits — the home-visit back-up board in SQLite (table home_visit): every write is one
 * transaction with its audit line; a visit is never removed, only marked back. */
#include "autoconfig.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "i18n.h"
#include "store/internal.h"
#include "store/visits.h"

#define VISIT_SELECT                                                                       \
	"SELECT id, employee, address, client, mobile, leaves_at, expected_back, call_at,"  \
	" back_at, outcome, recorded_by, back_by, risk, companion, ban_id FROM home_visit"

static const char out_sql[] =
	"INSERT INTO home_visit (employee, address, client, mobile, leaves_at, expected_back,"
	" call_at, recorded_by, risk, companion, ban_id)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char back_sql[] =
	"UPDATE home_visit SET back_at = ?1, outcome = ?2, back_by = ?3"
	" WHERE id = ?4 AND back_at = ''";
static const char get_sql[] = VISIT_SELECT " WHERE id = ?1";
/* The first deadline: call_at when set (it is never after expected_back). */
static const char list_open_sql[] =
	VISIT_SELECT " WHERE back_at = ''"
	" ORDER BY CASE call_at WHEN '' THEN expected_back ELSE call_at END, id";
static const char list_all_sql[] =
	VISIT_SELECT " ORDER BY back_at <> '',"
	" CASE WHEN back_at = '' THEN CASE call_at WHEN '' THEN expected_back ELSE call_at END"
	" END, leaves_at DESC, id DESC";

static enum store_status validate(struct store *st, const struct visit *v, time_t now)
{
	static const struct {
		const char *name;
		size_t off;
	} texts[] = {
		{"employee", offsetof(struct visit, employee)},
		{"address", offsetof(struct visit, address)},
		{"client", offsetof(struct visit, client)},
		{"mobile", offsetof(struct visit, mobile)},
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		if (!((const char *)v + texts[i].off)[0])
			return store_failf(st, STORE_INVALID, _("%s: must not be empty"),
					   texts[i].name);
	if (v->expected_back <= now)
		return store_failf(st, STORE_INVALID, _("%s: must be in the future"),
				   "expected_back");
	if (v->call_at != 0 && (v->call_at <= now || v->call_at > v->expected_back))
		return store_failf(st, STORE_INVALID,
				   _("%s: must be in the future and not after the expected return"),
				   "call_at");
	if (v->risk != VISIT_RISK_NORMAL && v->risk != VISIT_RISK_RAISED)
		return store_failf(st, STORE_INVALID,
				   _("%s: assess the risk beforehand (normal or raised)"), "risk");
	if (visits_companion_required(v->risk, v->ban_id != 0) && !v->companion[0])
		return store_failf(st, STORE_INVALID,
				   _("%s: two go together when the risk is raised or the client "
				     "is on the ban list"), "companion");
	return STORE_OK;
}

enum store_status store_visit_out(struct store *st, const struct visit *v, int64_t *id_out)
{
	char now[DATES_UTC_LEN], back[DATES_UTC_LEN], call[DATES_UTC_LEN] = "";
	time_t t;
	store_now_text(now);
	if (dates_parse_utc(now, &t) != 0)
		return store_failf(st, STORE_ERROR, "%s", _("the clock cannot be read"));
	enum store_status r = validate(st, v, t);
	if (r != STORE_OK)
		return r;
	dates_format_utc(v->expected_back, back);
	if (v->call_at != 0)
		dates_format_utc(v->call_at, call);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	int64_t id = 0;
	sqlite3_stmt *s = store_stmt(st, out_sql);
	if (!s) {
		r = STORE_ERROR;
	} else if (store_bind_text(s, 1, v->employee) || store_bind_text(s, 2, v->address) ||
		   store_bind_text(s, 3, v->client) || store_bind_text(s, 4, v->mobile) ||
		   store_bind_text(s, 5, now) || store_bind_text(s, 6, back) ||
		   store_bind_text(s, 7, call) || store_bind_text(s, 8, st->actor) ||
		   store_bind_text(s, 9, visits_risk_name(v->risk)) ||
		   store_bind_text(s, 10, v->companion) || store_bind_int(s, 11, v->ban_id)) {
		store_done(s);
		r = store_fail(st, _("saving the home visit"));
	} else {
		r = store_step_done(st, s, _("saving the home visit"));
		id = sqlite3_last_insert_rowid(st->db);
	}
	char object[32], detail[VISIT_TEXT_MAX + 64];
	snprintf(object, sizeof object, "visit:%lld", (long long)id);
	snprintf(detail, sizeof detail, "%s, back %s", v->employee, back);
	r = store_finish(st, r, "visit.out", object, "ok", detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status store_visit_back(struct store *st, int64_t id, const char *outcome)
{
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, back_sql);
	if (!s) {
		r = STORE_ERROR;
	} else if (store_bind_text(s, 1, now) || store_bind_text(s, 2, outcome ? outcome : "") ||
		   store_bind_text(s, 3, st->actor) || store_bind_int(s, 4, id)) {
		store_done(s);
		r = store_fail(st, _("saving the return"));
	} else {
		r = store_step_done(st, s, _("saving the return"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0) {
		/* Tell an unknown id from a visit already back, inside the transaction. */
		struct visit v;
		r = store_visit_get(st, id, &v);
		if (r == STORE_OK)
			r = store_failf(st, STORE_CONFLICT, _("visit %lld: already back"),
					(long long)id);
	}
	char object[32];
	snprintf(object, sizeof object, "visit:%lld", (long long)id);
	return store_finish(st, r, "visit.back", object, "ok", outcome ? outcome : "");
}

static void visit_from_row(sqlite3_stmt *s, struct visit *v)
{
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(s, 0);
	store_col_copy(s, 1, v->employee, sizeof v->employee);
	store_col_copy(s, 2, v->address, sizeof v->address);
	store_col_copy(s, 3, v->client, sizeof v->client);
	store_col_copy(s, 4, v->mobile, sizeof v->mobile);
	v->leaves_at = store_col_time(s, 5);
	v->expected_back = store_col_time(s, 6);
	v->call_at = store_col_time(s, 7);
	v->back_at = store_col_time(s, 8);
	store_col_copy(s, 9, v->outcome, sizeof v->outcome);
	store_col_copy(s, 10, v->recorded_by, sizeof v->recorded_by);
	store_col_copy(s, 11, v->back_by, sizeof v->back_by);
	const unsigned char *risk = sqlite3_column_text(s, 12);
	v->risk = VISIT_RISK_UNKNOWN;
	if (risk && *risk)
		(void)visits_risk_parse((const char *)risk, &v->risk);
	store_col_copy(s, 13, v->companion, sizeof v->companion);
	v->ban_id = sqlite3_column_int64(s, 14);
}

static void collect_visit(sqlite3_stmt *s, void *item)
{
	visit_from_row(s, item);
}

enum store_status store_visit_get(struct store *st, int64_t id, struct visit *out)
{
	enum store_status r = store_fetch_one(st, get_sql, id, collect_visit, out, _("reading a home visit"));
	if (r == STORE_NOT_FOUND)
		r = store_failf(st, STORE_NOT_FOUND, _("visit %lld: not found"), (long long)id);
	return r;
}

enum store_status store_visit_list(struct store *st, bool all, struct visit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, all ? list_all_sql : list_open_sql);
	if (!s)
		return STORE_ERROR;
	return store_collect(st, s, sizeof **out, collect_visit, (void **)out, n,
			     _("listing home visits"));
}
