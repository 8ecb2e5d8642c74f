/* staff — support-team and counter staff in SQLite: members, presence (check in/out; one
 * open presence per person, enforced by a partial unique index), the evening roster, and
 * the "nobody reachable" records and recorded closing of forgotten presences. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
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

/* The id of a staff member by name inside the transaction. */
static enum store_status find(struct store *st, const char *name, int64_t *id)
{
	enum store_status r =
		store_row(st, find_sql, _("reading staff"), store_first_int, id, STORE_TEXT(name));
	if (r == STORE_NOT_FOUND)
		return store_failf(st, STORE_NOT_FOUND, _("%s: no such staff member"), name);
	return r;
}

/* A write about the staff member called name (the time of the write in now). */
struct member_write {
	char now[DATES_UTC_LEN];
	int64_t id;
	bool begun;              /* a transaction is open, to be finished */
};

/* Begin the write and find the member; STORE_OK, or the failure (see w->begun). */
static enum store_status begin_member(struct store *st, const char *name,
				      struct member_write *w)
{
	w->id = 0;
	enum store_status r = store_begin_now(st, w->now);
	w->begun = r == STORE_OK;
	return w->begun ? find(st, name ? name : "", &w->id) : r;
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
	r = store_row(st, find_sql, _("reading staff"), NULL, NULL, STORE_TEXT(name));
	if (r == STORE_OK)
		r = store_failf(st, STORE_CONFLICT, _("%s: a staff member with this name exists"),
				name);
	else if (r == STORE_NOT_FOUND)
		r = store_run(st, add_sql, _("adding a staff member"), STORE_TEXT(name),
			      STORE_TEXT(team_db[team]), STORE_TEXT(phone));
	int64_t id = r == STORE_OK ? sqlite3_last_insert_rowid(st->db) : 0;
	return store_finish_id(st, r, "staff.add", "staff", id, name);
}

enum store_status store_staff_in(struct store *st, const char *name)
{
	struct member_write w;
	enum store_status r = begin_member(st, name, &w);
	if (!w.begun)
		return r;
	if (r == STORE_OK) {
		r = store_row(st, is_in_sql, _("reading presence"), NULL, NULL, STORE_INT(w.id));
		if (r == STORE_OK)
			r = store_failf(st, STORE_CONFLICT, _("%s: already checked in"), name);
		else if (r == STORE_NOT_FOUND)
			r = store_run(st, in_sql, _("checking in"), STORE_INT(w.id),
				      STORE_TEXT(w.now), STORE_TEXT(st->actor));
	}
	return store_finish_id(st, r, "staff.in", "staff", w.id, name);
}

enum store_status store_staff_out(struct store *st, const char *name)
{
	struct member_write w;
	enum store_status r = begin_member(st, name, &w);
	if (!w.begun)
		return r;
	if (r == STORE_OK)
		r = store_run(st, out_sql, _("checking out"), STORE_TEXT(w.now), STORE_INT(w.id));
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = store_failf(st, STORE_CONFLICT, _("%s: not checked in"), name);
	return store_finish_id(st, r, "staff.out", "staff", w.id, name);
}

enum store_status store_staff_roster(struct store *st, const char *name, const char *date, bool on)
{
	int y, m, d;
	if (!date || dates_parse_date(date, &y, &m, &d) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "date", date ? date : "");
	struct member_write w;
	enum store_status r = begin_member(st, name, &w);
	if (!w.begun)
		return r;
	if (r == STORE_OK)
		r = store_run(st, on ? roster_on_sql : roster_off_sql, _("saving the roster"),
			      STORE_INT(w.id), STORE_TEXT(date));
	return store_finish_id(st, r, on ? "staff.roster_on" : "staff.roster_off", "staff",
			       w.id, date);
}

/* One row of list_sql into a struct staff_member (for store_collect). */
static void collect_staff(sqlite3_stmt *s, void *item)
{
	struct staff_member *m = item;
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(s, 0);
	store_col_copy(s, 1, m->name, sizeof m->name);
	m->team = (enum staff_team)store_col_enum(s, 2, team_db, TEAM_COUNT, TEAM_SUPPORT);
	store_col_copy(s, 3, m->phone, sizeof m->phone);
	m->present = sqlite3_column_type(s, 4) != SQLITE_NULL;
	m->since = m->present ? store_col_time(s, 4) : 0;
	m->evening = sqlite3_column_int(s, 5) != 0;
}

enum store_status store_staff_list(struct store *st, const char *date,
				   struct staff_member **out, size_t *n)
{
	/* No date: bind NULL, which matches no roster row. */
	return store_list(st, list_sql, _("listing staff"), collect_staff, out, n,
			  date ? STORE_TEXT(date) : STORE_NULL);
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
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_checked(st, store_required(st, "note", note), now);
	if (r != STORE_OK)
		return r;
	r = store_row(st, unreach_dup_sql, _("reading the staffing records"), NULL, NULL,
		      STORE_TEXT(building), STORE_TEXT(date), STORE_TEXT(period));
	if (r == STORE_OK)
		r = store_failf(st, STORE_CONFLICT,
				_("%s %s: \"nobody reachable\" is already recorded"), date, period);
	else if (r == STORE_NOT_FOUND)
		r = store_run(st, unreach_add_sql, _("saving the staffing record"),
			      STORE_TEXT(building), STORE_TEXT(date), STORE_TEXT(period),
			      STORE_TEXT(note), STORE_TEXT(now), STORE_TEXT(st->actor));
	int64_t id = r == STORE_OK ? sqlite3_last_insert_rowid(st->db) : 0;
	char detail[64];
	snprintf(detail, sizeof detail, "%s %s %s", building, date, period);
	r = store_finish_id(st, r, "staff.unreachable", "unreachable", id, detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status store_staff_unreachable_withdraw(struct store *st, int64_t id)
{
	char now[DATES_UTC_LEN];
	enum store_status r =
		store_begin_stamp(st, now, unreach_withdraw_sql, _("saving the staffing record"),
				  id);
	if (r != STORE_OK)
		return r;
	if (sqlite3_changes(st->db) == 0)
		r = store_failf(st, STORE_NOT_FOUND, _("%lld: no such \"nobody reachable\" record"),
				(long long)id);
	return store_finish_id(st, r, "staff.unreachable_withdraw", "unreachable", id, "");
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
	return store_list(st, unreach_list_sql, _("reading the staffing records"),
			  collect_unreachable, out, n, STORE_TEXT(building), STORE_TEXT(from),
			  STORE_TEXT(to));
}

struct open_presence {
	int64_t id;
	time_t checked_in;
};

static void read_open_presence(sqlite3_stmt *s, void *item)
{
	struct open_presence *p = item;
	p->id = sqlite3_column_int64(s, 0);
	p->checked_in = store_col_time(s, 1);
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
	struct open_presence p = { 0, 0 };
	r = store_row(st, open_presence_sql, _("reading presence"), read_open_presence, &p,
		      STORE_TEXT(name));
	if (r == STORE_NOT_FOUND)
		r = store_failf(st, STORE_CONFLICT, _("%s: not checked in"), name ? name : "");
	int64_t pid = p.id;
	time_t in = p.checked_in;
	/* Text comparison of stored UTC instants is chronological. */
	if (r == STORE_OK && (at < in || strcmp(when, now) > 0))
		r = store_failf(st, STORE_INVALID,
				_("%s: the checkout must lie between the check-in and now"), "at");
	if (r == STORE_OK)
		r = store_run(st, out_at_sql, _("checking out"), STORE_TEXT(when),
			      STORE_TEXT(st->actor), STORE_TEXT(note), STORE_INT(pid));
	char detail[STAFF_NOTE_MAX + 64];
	snprintf(detail, sizeof detail, "%s at %s: %s", name ? name : "", when, note);
	return store_finish_id(st, r, "staff.out_at", "presence", pid, detail);
}
