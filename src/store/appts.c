/* appts — appointments in SQLite: add, read, list by time, and the manager's risk flag with
 * its precautions (optimistic concurrency on version). */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
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
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_checked(st, validate(st, a), now);
	if (r != STORE_OK)
		return r;
	const char *overrider = *a->override_reason ? st->actor : "";
	/* Flagged when added as risky: the one adding it judged the risk. */
	r = store_run(st, add_sql, _("saving the appointment"), STORE_TIME(a->starts),
		      STORE_TIME(a->ends), STORE_TEXT(a->host), STORE_TEXT(a->visitor),
		      STORE_TEXT(a->visitor_born), STORE_TEXT(a->room), STORE_INT(a->risky),
		      STORE_INT(a->precautions), STORE_TEXT(a->risky ? st->actor : ""),
		      STORE_TEXT(a->risky ? now : ""), STORE_TEXT(now), STORE_TEXT(st->actor),
		      STORE_TEXT(a->override_reason), STORE_TEXT(overrider),
		      STORE_TEXT(*a->override_reason ? now : ""), STORE_TEXT(a->note));
	int64_t id = sqlite3_last_insert_rowid(st->db);
	char detail[320] = "";
	if (a->risky)
		snprintf(detail, sizeof detail, "risky, precautions %u%s%s", a->precautions,
			 *a->override_reason ? ", override: " : "", a->override_reason);
	r = store_finish_id(st, r, "appt.add", "appt", id, detail);
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
	enum store_status r = store_begin_now(st, now);
	if (r != STORE_OK)
		return r;
	/* flagged_by/at record who set the risk state last, also when taking the flag off;
	 * flag_sql has no ?7, so the reason is bound only with the override. */
	const char *what = _("flagging the appointment");
	if (reason)
		r = store_run(st, flag_override_sql, what, STORE_INT(risky), STORE_INT(precautions),
			      STORE_TEXT(st->actor), STORE_TEXT(now), STORE_INT(id),
			      STORE_INT(expected_version), STORE_TEXT(reason));
	else
		r = store_run(st, flag_sql, what, STORE_INT(risky), STORE_INT(precautions),
			      STORE_TEXT(st->actor), STORE_TEXT(now), STORE_INT(id),
			      STORE_INT(expected_version));
	if (r == STORE_OK && sqlite3_changes(st->db) == 0) {
		r = store_get(st, exists_sql, id, NULL, NULL, _("reading an appointment"),
			      _("appointment %lld: not found"), (long long)id);
		r = store_conflict_if_found(st, r, _("appointment %lld: changed by someone else "
						     "meanwhile; reload and retry"), (long long)id);
	}
	char detail[320];
	snprintf(detail, sizeof detail, "precautions %u%s%s", precautions,
		 reason ? ", override: " : "", reason ? reason : "");
	return store_finish_id(st, r, risky ? "appt.flag" : "appt.unflag", "appt", id, detail);
}

static void appt_from_row(sqlite3_stmt *s, void *item)
{
	struct appt *a = item;
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

enum store_status store_appt_get(struct store *st, int64_t id, struct appt *out)
{
	return store_get(st, get_sql, id, appt_from_row, out, _("reading an appointment"),
			 _("appointment %lld: not found"), (long long)id);
}

enum store_status store_appt_list(struct store *st, time_t from, time_t to, bool risky_only,
				  struct appt **out, size_t *n)
{
	/* Stored UTC text has a fixed width, so text order is time order. */
	char a[DATES_UTC_LEN], b[DATES_UTC_LEN];
	dates_format_utc(from, a);
	dates_format_utc(to, b);
	return store_list(st, list_sql, _("listing appointments"), appt_from_row, out, n,
			  STORE_TEXT(a), STORE_TEXT(b), STORE_INT(risky_only));
}
