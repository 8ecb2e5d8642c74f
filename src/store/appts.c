/* appts — appointments in SQLite: add, read, list by time, and the manager's risk flag with
 * its precautions (optimistic concurrency on version). */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/policy.h"
#include "i18n.h"
#include "store/appts.h"
#include "store/internal.h"

#define APPT_SELECT                                                                        \
	"SELECT id, starts, ends, host, visitor, visitor_born, room, risky, precautions,"   \
	" flagged_by, flagged_at, version, override_reason, override_by, override_at,"    \
	" note FROM appointment"

static const char add_sql[] =
	"INSERT INTO appointment (starts, ends, host, visitor, visitor_born, room, risky,"
	" precautions, flagged_by, flagged_at, created_at, created_by, override_reason,"
	" override_by, override_at, note)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
static const char flag_sql[] =
	"UPDATE appointment SET risky = ?1, precautions = ?2, flagged_by = ?3, flagged_at = ?4,"
	" version = version + 1 WHERE id = ?5 AND (?6 < 0 OR version = ?6)";
static const char flag_override_sql[] =
	"UPDATE appointment SET risky = ?1, precautions = ?2, flagged_by = ?3, flagged_at = ?4,"
	" version = version + 1, override_reason = ?7, override_by = ?3, override_at = ?4"
	" WHERE id = ?5 AND (?6 < 0 OR version = ?6)";
static const char exists_sql[] = "SELECT 1 FROM appointment WHERE id = ?1";
static const char get_sql[] = APPT_SELECT " WHERE id = ?1";
static const char list_sql[] =
	APPT_SELECT " WHERE starts >= ?1 AND starts < ?2 AND (?3 = 0 OR risky = 1)"
	" ORDER BY starts, id";

static enum store_status validate(struct store *st, const struct appt *a)
{
	int y, m, d;
	if (a->starts <= 0)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "starts");
	if (a->ends <= a->starts)
		return store_failf(st, STORE_INVALID, _("%s: must be after the start"), "ends");
	if (!a->host[0])
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "host");
	if (!a->visitor[0])
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "visitor");
	if (a->visitor_born[0] && dates_parse_date(a->visitor_born, &y, &m, &d) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "visitor_born", a->visitor_born);
	if (a->precautions & ~(unsigned)PREC_ALL)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "precautions");
	return STORE_OK;
}

enum store_status store_appt_add(struct store *st, const struct appt *a, int64_t *id_out)
{
	enum store_status r = validate(st, a);
	if (r != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, add_sql);
	if (!s) {
		store_rollback(st);
		return STORE_ERROR;
	}
	/* Flagged when added as risky: the one adding it judged the risk. */
	if (store_bind_time(s, 1, a->starts) || store_bind_time(s, 2, a->ends) ||
	    store_bind_text(s, 3, a->host) || store_bind_text(s, 4, a->visitor) ||
	    store_bind_text(s, 5, a->visitor_born) || store_bind_text(s, 6, a->room) ||
	    store_bind_int(s, 7, a->risky) || store_bind_int(s, 8, a->precautions) ||
	    store_bind_text(s, 9, a->risky ? st->actor : "") ||
	    store_bind_text(s, 10, a->risky ? now : "") || store_bind_text(s, 11, now) ||
	    store_bind_text(s, 12, st->actor) || store_bind_text(s, 13, a->override_reason) ||
	    store_bind_text(s, 14, *a->override_reason ? st->actor : "") ||
	    store_bind_text(s, 15, *a->override_reason ? now : "") ||
	    store_bind_text(s, 16, a->note)) {
		store_done(s);
		r = store_fail(st, _("saving the appointment"));
	} else {
		r = store_step_done(st, s, _("saving the appointment"));
	}
	int64_t id = sqlite3_last_insert_rowid(st->db);
	char object[32], detail[320] = "";
	snprintf(object, sizeof object, "appt:%lld", (long long)id);
	if (a->risky)
		snprintf(detail, sizeof detail, "risky, precautions %u%s%s", a->precautions,
			 *a->override_reason ? ", override: " : "", a->override_reason);
	r = store_finish(st, r, "appt.add", object, "ok", detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

static enum store_status flag(struct store *st, int64_t id, bool risky, unsigned precautions,
			      const char *reason, int expected_version);

enum store_status store_appt_flag(struct store *st, int64_t id, bool risky, unsigned precautions,
				  int expected_version)
{
	return flag(st, id, risky, precautions, NULL, expected_version);
}

enum store_status store_appt_flag_override(struct store *st, int64_t id, unsigned precautions,
					   const char *reason, int expected_version)
{
	if (!reason || !*reason)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "override_reason");
	return flag(st, id, true, precautions, reason, expected_version);
}

/* Set the risk state; with reason (not NULL) also record the override. */
static enum store_status flag(struct store *st, int64_t id, bool risky, unsigned precautions,
			      const char *reason, int expected_version)
{
	if (precautions & ~(unsigned)PREC_ALL)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "precautions");
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, reason ? flag_override_sql : flag_sql);
	if (!s) {
		store_rollback(st);
		return STORE_ERROR;
	}
	/* flagged_by/at record who set the risk state last, also when taking the flag off. */
	if (store_bind_int(s, 1, risky) || store_bind_int(s, 2, precautions) ||
	    store_bind_text(s, 3, st->actor) || store_bind_text(s, 4, now) ||
	    store_bind_int(s, 5, id) || store_bind_int(s, 6, expected_version) ||
	    (reason && store_bind_text(s, 7, reason))) {
		store_done(s);
		r = store_fail(st, _("flagging the appointment"));
	} else {
		r = store_step_done(st, s, _("flagging the appointment"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0) {
		sqlite3_stmt *e = store_stmt(st, exists_sql);
		if (!e) {
			r = STORE_ERROR;
		} else if (store_bind_int(e, 1, id)) {
			store_done(e);
			r = store_fail(st, _("reading an appointment"));
		} else {
			int rc = sqlite3_step(e);
			store_done(e);
			if (rc == SQLITE_DONE)
				r = store_failf(st, STORE_NOT_FOUND, _("appointment %lld: not found"),
						(long long)id);
			else if (rc == SQLITE_ROW)
				r = store_failf(st, STORE_CONFLICT,
						_("appointment %lld: changed by someone else "
						  "meanwhile; reload and retry"), (long long)id);
			else
				r = store_fail(st, _("reading an appointment"));
		}
	}
	char object[32], detail[320];
	snprintf(object, sizeof object, "appt:%lld", (long long)id);
	snprintf(detail, sizeof detail, "precautions %u%s%s", precautions,
		 reason ? ", override: " : "", reason ? reason : "");
	return store_finish(st, r, risky ? "appt.flag" : "appt.unflag", object, "ok", detail);
}

static void appt_from_row(sqlite3_stmt *s, struct appt *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	a->starts = store_col_time(s, 1);
	a->ends = store_col_time(s, 2);
	store_col_copy(s, 3, a->host, sizeof a->host);
	store_col_copy(s, 4, a->visitor, sizeof a->visitor);
	store_col_copy(s, 5, a->visitor_born, sizeof a->visitor_born);
	store_col_copy(s, 6, a->room, sizeof a->room);
	a->risky = sqlite3_column_int(s, 7) != 0;
	a->precautions = (unsigned)sqlite3_column_int(s, 8);
	store_col_copy(s, 9, a->flagged_by, sizeof a->flagged_by);
	a->flagged_at = store_col_time(s, 10);
	a->version = sqlite3_column_int(s, 11);
	store_col_copy(s, 12, a->override_reason, sizeof a->override_reason);
	store_col_copy(s, 13, a->override_by, sizeof a->override_by);
	a->override_at = store_col_time(s, 14);
	store_col_copy(s, 15, a->note, sizeof a->note);
}

static void collect_appt(sqlite3_stmt *s, void *item)
{
	appt_from_row(s, item);
}

enum store_status store_appt_get(struct store *st, int64_t id, struct appt *out)
{
	enum store_status r = store_fetch_one(st, get_sql, id, collect_appt, out, _("reading an appointment"));
	if (r == STORE_NOT_FOUND)
		r = store_failf(st, STORE_NOT_FOUND, _("appointment %lld: not found"), (long long)id);
	return r;
}

enum store_status store_appt_list(struct store *st, time_t from, time_t to, bool risky_only,
				  struct appt **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, list_sql);
	if (!s)
		return STORE_ERROR;
	/* Stored UTC text has a fixed width, so text order is time order. */
	char a[DATES_UTC_LEN], b[DATES_UTC_LEN];
	dates_format_utc(from, a);
	dates_format_utc(to, b);
	if (store_bind_text(s, 1, a) || store_bind_text(s, 2, b) ||
	    store_bind_int(s, 3, risky_only)) {
		store_done(s);
		return store_fail(st, _("listing appointments"));
	}
	return store_collect(st, s, sizeof **out, collect_appt, (void **)out, n,
			     _("listing appointments"));
}
