/* staff — support-team and counter staff in SQLite: members, presence (check in/out; one
 * open presence per person, enforced by a partial unique index), the evening roster, and
 * the "nobody reachable" records and recorded closing of forgotten presences. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/policy.h"
#include "i18n.h"
#include "store/internal.h"
#include "store/staff.h"

static const char *const team_db[] = { "support", "counter" };
#define TEAM_COUNT (sizeof team_db / sizeof team_db[0])

static const char find_sql[] = "SELECT id FROM staff WHERE name = ?1";
static const char add_sql[] = "INSERT INTO staff (name, team, phone) VALUES (?1, ?2, ?3)";
static const char in_sql[] =
	"INSERT INTO presence (staff_id, checked_in, recorded_by) VALUES (?1, ?2, ?3)";
static const char is_in_sql[] = "SELECT 1 FROM presence WHERE staff_id = ?1 AND checked_out = ''";
static const char out_sql[] =
	"UPDATE presence SET checked_out = ?1 WHERE staff_id = ?2 AND checked_out = ''";
static const char roster_on_sql[] =
	"INSERT OR IGNORE INTO evening_roster (staff_id, date) VALUES (?1, ?2)";
static const char roster_off_sql[] = "DELETE FROM evening_roster WHERE staff_id = ?1 AND date = ?2";
static const char list_sql[] =
	"SELECT s.id, s.name, s.team, s.phone, p.checked_in,"
	" EXISTS (SELECT 1 FROM evening_roster r WHERE r.staff_id = s.id AND r.date = ?1)"
	" FROM staff s LEFT JOIN presence p ON p.staff_id = s.id AND p.checked_out = ''"
	" ORDER BY CASE s.team WHEN 'support' THEN 0 ELSE 1 END, s.name, s.id";

const char *store_staff_team_name(enum staff_team t)
{
	if ((size_t)t >= TEAM_COUNT)
		return "?";
	return team_db[t];
}

int store_staff_team_parse(const char *s, enum staff_team *out)
{
	for (size_t i = 0; s && i < TEAM_COUNT; i++) {
		if (strcmp(s, team_db[i]) == 0) {
			*out = (enum staff_team)i;
			return 0;
		}
	}
	return -1;
}

/* Run a one-parameter-pair query and tell whether it returned a row: 1 yes, 0 no, -1 error
 * (st->err set). The first column of the row goes to *v when v is not NULL. */
static int query_row(struct store *st, const char *sql, int64_t a, const char *b, int64_t *v,
		     const char *what)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return -1;
	int bad = b ? store_bind_text(s, 1, b) : store_bind_int(s, 1, a);
	if (bad) {
		store_done(s);
		store_fail(st, what);
		return -1;
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && v)
		*v = sqlite3_column_int64(s, 0);
	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	store_fail(st, what);
	return -1;
}

/* The id of a staff member by name inside the transaction. */
static enum store_status find(struct store *st, const char *name, int64_t *id)
{
	int found = query_row(st, find_sql, 0, name, id, _("reading staff"));
	if (found < 0)
		return STORE_ERROR;
	if (found == 0)
		return store_failf(st, STORE_NOT_FOUND, _("%s: no such staff member"), name);
	return STORE_OK;
}

/* Run one write statement with up to three bound values (text when non-NULL, else int). */
static enum store_status write3(struct store *st, const char *sql, const char *t1, int64_t i1,
				const char *t2, const char *t3, const char *what)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return STORE_ERROR;
	int bad = t1 ? store_bind_text(s, 1, t1) : store_bind_int(s, 1, i1);
	if (!bad && t2)
		bad = store_bind_text(s, 2, t2);
	if (!bad && t3)
		bad = store_bind_text(s, 3, t3);
	if (bad) {
		store_done(s);
		return store_fail(st, what);
	}
	return store_step_done(st, s, what);
}

enum store_status store_staff_add(struct store *st, const char *name, enum staff_team team,
				  const char *phone)
{
	if (!name || !*name)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "name");
	if ((size_t)team >= TEAM_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "team");
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	int found = query_row(st, find_sql, 0, name, NULL, _("reading staff"));
	if (found < 0)
		r = STORE_ERROR;
	else if (found > 0)
		r = store_failf(st, STORE_CONFLICT, _("%s: a staff member with this name exists"),
				name);
	else
		r = write3(st, add_sql, name, 0, team_db[team], phone ? phone : "",
			   _("adding a staff member"));
	char object[32];
	snprintf(object, sizeof object, "staff:%lld",
		 r == STORE_OK ? (long long)sqlite3_last_insert_rowid(st->db) : 0LL);
	return store_finish(st, r, "staff.add", object, "ok", name);
}

enum store_status store_staff_in(struct store *st, const char *name)
{
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	int64_t id = 0;
	r = find(st, name ? name : "", &id);
	if (r == STORE_OK) {
		int in = query_row(st, is_in_sql, id, NULL, NULL, _("reading presence"));
		if (in < 0)
			r = STORE_ERROR;
		else if (in > 0)
			r = store_failf(st, STORE_CONFLICT, _("%s: already checked in"), name);
	}
	if (r == STORE_OK) {
		sqlite3_stmt *s = store_stmt(st, in_sql);
		if (!s)
			r = STORE_ERROR;
		else if (store_bind_int(s, 1, id) || store_bind_text(s, 2, now) ||
			 store_bind_text(s, 3, st->actor)) {
			store_done(s);
			r = store_fail(st, _("checking in"));
		} else {
			r = store_step_done(st, s, _("checking in"));
		}
	}
	char object[32];
	snprintf(object, sizeof object, "staff:%lld", (long long)id);
	return store_finish(st, r, "staff.in", object, "ok", name);
}

enum store_status store_staff_out(struct store *st, const char *name)
{
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	int64_t id = 0;
	r = find(st, name ? name : "", &id);
	if (r == STORE_OK) {
		sqlite3_stmt *s = store_stmt(st, out_sql);
		if (!s)
			r = STORE_ERROR;
		else if (store_bind_text(s, 1, now) || store_bind_int(s, 2, id)) {
			store_done(s);
			r = store_fail(st, _("checking out"));
		} else {
			r = store_step_done(st, s, _("checking out"));
		}
		if (r == STORE_OK && sqlite3_changes(st->db) == 0)
			r = store_failf(st, STORE_CONFLICT, _("%s: not checked in"), name);
	}
	char object[32];
	snprintf(object, sizeof object, "staff:%lld", (long long)id);
	return store_finish(st, r, "staff.out", object, "ok", name);
}

enum store_status store_staff_roster(struct store *st, const char *name, const char *date, bool on)
{
	int y, m, d;
	if (!date || dates_parse_date(date, &y, &m, &d) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "date", date ? date : "");
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	int64_t id = 0;
	r = find(st, name ? name : "", &id);
	if (r == STORE_OK) {
		sqlite3_stmt *s = store_stmt(st, on ? roster_on_sql : roster_off_sql);
		if (!s)
			r = STORE_ERROR;
		else if (store_bind_int(s, 1, id) || store_bind_text(s, 2, date)) {
			store_done(s);
			r = store_fail(st, _("saving the roster"));
		} else {
			r = store_step_done(st, s, _("saving the roster"));
		}
	}
	char object[32];
	snprintf(object, sizeof object, "staff:%lld", (long long)id);
	return store_finish(st, r, on ? "staff.roster_on" : "staff.roster_off", object, "ok", date);
}

/* One row of list_sql into a struct staff_member (for store_collect). */
static void collect_staff(sqlite3_stmt *s, void *item)
{
	struct staff_member *m = item;
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(s, 0);
	store_col_copy(s, 1, m->name, sizeof m->name);
	const char *team = (const char *)sqlite3_column_text(s, 2);
	m->team = team && strcmp(team, "counter") == 0 ? TEAM_COUNTER : TEAM_SUPPORT;
	store_col_copy(s, 3, m->phone, sizeof m->phone);
	m->present = sqlite3_column_type(s, 4) != SQLITE_NULL;
	m->since = m->present ? store_col_time(s, 4) : 0;
	m->evening = sqlite3_column_int(s, 5) != 0;
}

enum store_status store_staff_list(struct store *st, const char *date,
				   struct staff_member **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, list_sql);
	if (!s)
		return STORE_ERROR;
	/* No date: bind NULL, which matches no roster row. */
	if ((date && store_bind_text(s, 1, date)) ||
	    (!date && sqlite3_bind_null(s, 1) != SQLITE_OK)) {
		store_done(s);
		return store_fail(st, _("listing staff"));
	}
	return store_collect(st, s, sizeof **out, collect_staff, (void **)out, n,
			     _("listing staff"));
}

/* ------------------------------------------------------------------ nobody reachable */

static const char unreach_dup_sql[] =
	"SELECT id FROM staffing_unreachable WHERE building = ?1 AND date = ?2 AND period = ?3"
	" AND withdrawn_at = ''";
static const char unreach_add_sql[] =
	"INSERT INTO staffing_unreachable (building, date, period, note, recorded_at, recorded_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char unreach_withdraw_sql[] =
	"UPDATE staffing_unreachable SET withdrawn_at = ?1, withdrawn_by = ?2"
	" WHERE id = ?3 AND withdrawn_at = ''";
static const char unreach_list_sql[] =
	"SELECT id, building, date, period, note, recorded_at, recorded_by"
	" FROM staffing_unreachable WHERE building = ?1 AND date >= ?2 AND date <= ?3"
	" AND withdrawn_at = '' ORDER BY date, recorded_at, id";
static const char open_presence_sql[] =
	"SELECT p.id, p.checked_in FROM presence p JOIN staff s ON s.id = p.staff_id"
	" WHERE s.name = ?1 AND p.checked_out = ''";
static const char out_at_sql[] =
	"UPDATE presence SET checked_out = ?1, checkout_by = ?2, checkout_note = ?3"
	" WHERE id = ?4 AND checked_out = ''";

enum store_status store_staff_unreachable(struct store *st, const char *building,
					  const char *date, const char *period, const char *note,
					  int64_t *id_out)
{
	int y, m, d;
	if (!building || !*building)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "building");
	if (!date || dates_parse_date(date, &y, &m, &d) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "date", date ? date : "");
	if (policy_period_spec_check(period) != 0)
		return store_failf(st, STORE_INVALID,
				   _("%s: \"%s\" is not a period (day, evening or HH:MM)"),
				   "period", period ? period : "");
	if (!note || !*note)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "note");
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, unreach_dup_sql);
	if (!s) {
		r = STORE_ERROR;
	} else if (store_bind_text(s, 1, building) || store_bind_text(s, 2, date) ||
		   store_bind_text(s, 3, period)) {
		store_done(s);
		r = store_fail(st, _("reading the staffing records"));
	} else {
		int rc = sqlite3_step(s);
		store_done(s);
		if (rc == SQLITE_ROW)
			r = store_failf(st, STORE_CONFLICT,
					_("%s %s: \"nobody reachable\" is already recorded"), date,
					period);
		else if (rc != SQLITE_DONE)
			r = store_fail(st, _("reading the staffing records"));
	}
	int64_t id = 0;
	if (r == STORE_OK) {
		s = store_stmt(st, unreach_add_sql);
		if (!s) {
			r = STORE_ERROR;
		} else if (store_bind_text(s, 1, building) || store_bind_text(s, 2, date) ||
			   store_bind_text(s, 3, period) || store_bind_text(s, 4, note) ||
			   store_bind_text(s, 5, now) || store_bind_text(s, 6, st->actor)) {
			store_done(s);
			r = store_fail(st, _("saving the staffing record"));
		} else {
			r = store_step_done(st, s, _("saving the staffing record"));
			id = sqlite3_last_insert_rowid(st->db);
		}
	}
	char object[32], detail[64];
	snprintf(object, sizeof object, "unreachable:%lld", (long long)id);
	snprintf(detail, sizeof detail, "%s %s %s", building, date, period);
	r = store_finish(st, r, "staff.unreachable", object, "ok", detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status store_staff_unreachable_withdraw(struct store *st, int64_t id)
{
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, unreach_withdraw_sql);
	if (!s) {
		r = STORE_ERROR;
	} else if (store_bind_text(s, 1, now) || store_bind_text(s, 2, st->actor) ||
		   store_bind_int(s, 3, id)) {
		store_done(s);
		r = store_fail(st, _("saving the staffing record"));
	} else {
		r = store_step_done(st, s, _("saving the staffing record"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = store_failf(st, STORE_NOT_FOUND, _("%lld: no such \"nobody reachable\" record"),
				(long long)id);
	char object[32];
	snprintf(object, sizeof object, "unreachable:%lld", (long long)id);
	return store_finish(st, r, "staff.unreachable_withdraw", object, "ok", "");
}

static void collect_unreachable(sqlite3_stmt *s, void *item)
{
	struct staff_unreachable *u = item;
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(s, 0);
	store_col_copy(s, 1, u->building, sizeof u->building);
	store_col_copy(s, 2, u->date, sizeof u->date);
	store_col_copy(s, 3, u->period, sizeof u->period);
	store_col_copy(s, 4, u->note, sizeof u->note);
	u->recorded_at = store_col_time(s, 5);
	store_col_copy(s, 6, u->recorded_by, sizeof u->recorded_by);
}

enum store_status store_staff_unreachable_list(struct store *st, const char *building,
					       const char *from, const char *to,
					       struct staff_unreachable **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, unreach_list_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, building) || store_bind_text(s, 2, from) ||
	    store_bind_text(s, 3, to)) {
		store_done(s);
		return store_fail(st, _("reading the staffing records"));
	}
	return store_collect(st, s, sizeof **out, collect_unreachable, (void **)out, n,
			     _("reading the staffing records"));
}

enum store_status store_staff_out_at(struct store *st, const char *name, time_t at,
				     const char *note)
{
	if (!note || !*note)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "note");
	char now[DATES_UTC_LEN], when[DATES_UTC_LEN];
	store_now_text(now);
	dates_format_utc(at, when);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	int64_t pid = 0;
	time_t in = 0;
	sqlite3_stmt *s = store_stmt(st, open_presence_sql);
	if (!s) {
		r = STORE_ERROR;
	} else if (store_bind_text(s, 1, name ? name : "")) {
		store_done(s);
		r = store_fail(st, _("reading presence"));
	} else {
		int rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			pid = sqlite3_column_int64(s, 0);
			in = store_col_time(s, 1);
		}
		store_done(s);
		if (rc == SQLITE_DONE)
			r = store_failf(st, STORE_CONFLICT, _("%s: not checked in"),
					name ? name : "");
		else if (rc != SQLITE_ROW)
			r = store_fail(st, _("reading presence"));
	}
	/* Text comparison of stored UTC instants is chronological. */
	if (r == STORE_OK && (at < in || strcmp(when, now) > 0))
		r = store_failf(st, STORE_INVALID,
				_("%s: the checkout must lie between the check-in and now"), "at");
	if (r == STORE_OK) {
		s = store_stmt(st, out_at_sql);
		if (!s) {
			r = STORE_ERROR;
		} else if (store_bind_text(s, 1, when) || store_bind_text(s, 2, st->actor) ||
			   store_bind_text(s, 3, note) || store_bind_int(s, 4, pid)) {
			store_done(s);
			r = store_fail(st, _("checking out"));
		} else {
			r = store_step_done(st, s, _("checking out"));
		}
	}
	char object[32], detail[STAFF_NOTE_MAX + 64];
	snprintf(object, sizeof object, "presence:%lld", (long long)pid);
	snprintf(detail, sizeof detail, "%s at %s: %s", name ? name : "", when, note);
	return store_finish(st, r, "staff.out_at", object, "ok", detail);
}
