/* visits — the home-visit back-up board in SQLite (table home_visit): every write is one
 * transaction with its audit line; a visit is never removed, only marked back. */
#include "autoconfig.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
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
	r = store_run(st, out_sql, _("saving the home visit"), STORE_TEXT(v->employee),
		      STORE_TEXT(v->address), STORE_TEXT(v->client), STORE_TEXT(v->mobile),
		      STORE_TEXT(now), STORE_TEXT(back), STORE_TEXT(call), STORE_TEXT(st->actor),
		      STORE_TEXT(visits_risk_name(v->risk)), STORE_TEXT(v->companion),
		      STORE_INT(v->ban_id));
	int64_t id = r == STORE_OK ? sqlite3_last_insert_rowid(st->db) : 0;
	char detail[VISIT_TEXT_MAX + 64];
	snprintf(detail, sizeof detail, "%s, back %s", v->employee, back);
	r = store_finish_id(st, r, "visit.out", "visit", id, detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status store_visit_back(struct store *st, int64_t id, const char *outcome)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_now(st, now);
	if (r != STORE_OK)
		return r;
	r = store_run(st, back_sql, _("saving the return"), STORE_TEXT(now), STORE_TEXT(outcome),
		      STORE_TEXT(st->actor), STORE_INT(id));
	if (r == STORE_OK && sqlite3_changes(st->db) == 0) {
		/* Tell an unknown id from a visit already back, inside the transaction. */
		struct visit v;
		r = store_conflict_if_found(st, store_visit_get(st, id, &v),
					    _("visit %lld: already back"), (long long)id);
	}
	return store_finish_id(st, r, "visit.back", "visit", id, outcome ? outcome : "");
}

static void visit_from_row(sqlite3_stmt *s, void *item)
{
	struct visit *v = item;
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

enum store_status store_visit_get(struct store *st, int64_t id, struct visit *out)
{
	return store_get(st, get_sql, id, visit_from_row, out, _("reading a home visit"),
			 _("visit %lld: not found"), (long long)id);
}

enum store_status store_visit_list(struct store *st, bool all, struct visit **out, size_t *n)
{
	return store_list_args(st, all ? list_all_sql : list_open_sql, sizeof **out,
			       visit_from_row, (void **)out, n, _("listing home visits"), NULL, 0);
}
