/* alarms — the porters' alarm queue in SQLite: raise, acknowledge, close (resolved, false
 * or tested), reset all, and the lists the alarm panel and `balie alarm list` show. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "store/alarms.h"
#include "store/internal.h"
#include "store/journal.h"

/* Column values of alarm.kind and alarm.outcome, in enum order. */
static const char *const kind_db[ALARM_KIND_COUNT] = { "panic", "robbery", "test", "fire" };
static const char *const kind_label[ALARM_KIND_COUNT] = { N_("panic"), N_("robbery"),
							   N_("test"), N_("fire") };
static const char *const outcome_db[] = { "open", "resolved", "false", "test" };

#define ALARM_SELECT                                                                   \
	"SELECT id, location, kind, raised_at, raised_by, acked_at, acked_by, resolved_at," \
	" resolved_by, outcome, cancelled_at, cancelled_by FROM alarm"

static const char raise_sql[] =
	"INSERT INTO alarm (location, kind, raised_at, raised_by) VALUES (?1, ?2, ?3, ?4)";
static const char ack_sql[] =
	"UPDATE alarm SET acked_at = ?1, acked_by = ?2"
	" WHERE id = ?3 AND outcome = 'open' AND acked_at = ''";
static const char close_sql[] =
	"UPDATE alarm SET resolved_at = ?1, resolved_by = ?2,"
	" outcome = CASE kind WHEN 'test' THEN 'test' ELSE ?3 END"
	" WHERE id = ?4 AND outcome = 'open'";
static const char resolve_all_sql[] =
	"UPDATE alarm SET resolved_at = ?1, resolved_by = ?2,"
	" outcome = CASE kind WHEN 'test' THEN 'test' ELSE 'resolved' END"
	" WHERE outcome = 'open'";
static const char get_sql[] = ALARM_SELECT " WHERE id = ?1";
static const char cancelled_sql[] =
	"UPDATE alarm SET cancelled_at = ?1, cancelled_by = ?2"
	" WHERE id = ?3 AND outcome = 'false' AND cancelled_at = ''";
static const char list_open_sql[] = ALARM_SELECT " WHERE outcome = 'open' ORDER BY raised_at, id";
static const char list_latest_sql[] = ALARM_SELECT " ORDER BY raised_at DESC, id DESC LIMIT ?1";

const char *store_alarm_kind_name(enum alarm_kind k)
{
	if ((int)k < 0 || k >= ALARM_KIND_COUNT)
		return "?";
	return _(kind_label[k]);
}

int store_alarm_kind_parse(const char *s, enum alarm_kind *out)
{
	if (!s)
		return -1;
	for (int i = 0; i < ALARM_KIND_COUNT; i++) {
		/* The machine name, or the label in the user's language. */
		if (strcmp(s, kind_db[i]) == 0 || strcmp(s, _(kind_label[i])) == 0) {
			*out = (enum alarm_kind)i;
			return 0;
		}
	}
	return -1;
}

/* Finish a write: audit line, then commit; roll back on any failure. */
enum store_status store_alarm_raise(struct store *st, const char *location, enum alarm_kind kind,
				    int64_t *id_out)
{
	return store_alarm_raise_at(st, location, kind, clock_now(), id_out);
}

static enum store_status raise_journal(struct store *st, const char *location,
				       enum alarm_kind kind, time_t at, int64_t *id_out);

static enum store_status raise_db(struct store *st, const char *location,
				  enum alarm_kind kind, time_t at, int64_t *id_out)
{
	if (!location || !*location)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "location");
	if ((int)kind < 0 || kind >= ALARM_KIND_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "kind");
	char now[DATES_UTC_LEN];
	dates_format_utc(at, now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	r = store_run(st, raise_sql, _("raising the alarm"), STORE_TEXT(location),
		      STORE_TEXT(kind_db[kind]), STORE_TEXT(now), STORE_TEXT(st->actor));
	int64_t id = sqlite3_last_insert_rowid(st->db);
	char detail[ALARM_TEXT_MAX + 16];
	snprintf(detail, sizeof detail, "%s at %s", kind_db[kind], location);
	r = store_finish_id(st, r, "alarm.raise", "alarm", id, detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status store_alarm_raise_at(struct store *st, const char *location,
				       enum alarm_kind kind, time_t at, int64_t *id_out)
{
	st->journal_uid[0] = '\0';
	enum store_status r = raise_db(st, location, kind, at, id_out);
	/* An alarm is never dropped: whatever kept it out of the database (damage, a full
	 * disk, a read-only file, a lock held too long), the journal takes it. Not for bad
	 * input, nor on a store the caller opened read-only on purpose. */
	if (r == STORE_OK || r == STORE_INVALID || st->readonly == STORE_RO_ASKED)
		return r;
	return raise_journal(st, location, kind, at, id_out);
}

const char *store_alarm_journaled(const struct store *st)
{
	return st->journal_uid;
}

/* The database refused the alarm: put it in the journal, keeping the database's reason
 * in st->err for the caller to tell. */
static enum store_status raise_journal(struct store *st, const char *location,
				       enum alarm_kind kind, time_t at, int64_t *id_out)
{
	char why[sizeof st->err], err[1024];
	snprintf(why, sizeof why, "%s", st->err);
	enum store_status r = store_journal_raise(st->path, st->actor, st->terminal, location,
						  kind, at, st->journal_uid, err, sizeof err);
	if (r != STORE_OK)
		return store_failf(st, STORE_ERROR, "%s; %s", why, err);
	if (id_out)
		*id_out = 0;
	return STORE_OK;
}

/* Outcome and acknowledging porter of an alarm inside the transaction. */
enum store_status store_alarm_ack(struct store *st, int64_t id)
{
	char now[DATES_UTC_LEN];
	enum store_status r =
		store_begin_stamp(st, now, ack_sql, _("acknowledging the alarm"), id);
	if (r != STORE_OK)
		return r;
	const char *result = "ok";
	struct alarm was = { .acked_by = "" };
	if (sqlite3_changes(st->db) == 0) {
		r = store_alarm_get(st, id, &was);
		if (r == STORE_OK && was.outcome != ALARM_OPEN)
			r = store_failf(st, STORE_CONFLICT, _("alarm %lld: already closed"),
					(long long)id);
		/* Acknowledged before: the first porter stays on record; this click is audited. */
		result = "already acknowledged";
	}
	char object[32];
	snprintf(object, sizeof object, "alarm:%lld", (long long)id);
	return store_finish(st, r, "alarm.ack", object, result, was.acked_by);
}

enum store_status store_alarm_close(struct store *st, int64_t id, enum alarm_outcome outcome)
{
	if (outcome != ALARM_RESOLVED && outcome != ALARM_FALSE)
		return store_failf(st, STORE_INVALID, _("%s: must be resolved or false"),
				   "outcome");
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_now(st, now);
	if (r != STORE_OK)
		return r;
	r = store_run(st, close_sql, _("closing the alarm"), STORE_TEXT(now), STORE_TEXT(st->actor),
		      STORE_TEXT(outcome_db[outcome]), STORE_INT(id));
	if (r == STORE_OK && sqlite3_changes(st->db) == 0) {
		struct alarm was;
		r = store_conflict_if_found(st, store_alarm_get(st, id, &was),
					    _("alarm %lld: already closed"), (long long)id);
	}
	return store_finish_id(st, r, "alarm.close", "alarm", id, outcome_db[outcome]);
}

enum store_status store_alarm_resolve_all(struct store *st, int *count)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_now(st, now);
	if (r != STORE_OK)
		return r;
	r = store_run(st, resolve_all_sql, _("resolving all alarms"), STORE_TEXT(now),
		      STORE_TEXT(st->actor));
	int n = r == STORE_OK ? sqlite3_changes(st->db) : 0;
	char detail[32];
	snprintf(detail, sizeof detail, "%d", n);
	r = store_finish(st, r, "alarm.resolve_all", "alarms", "ok", detail);
	if (count)
		*count = r == STORE_OK ? n : 0;
	return r;
}

static void alarm_from_row(sqlite3_stmt *s, void *item)
{
	struct alarm *a = item;
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	store_col_copy(s, 1, a->location, sizeof a->location);
	a->kind = (enum alarm_kind)store_col_enum(s, 2, kind_db, ALARM_KIND_COUNT, ALARM_PANIC);
	a->raised_at = store_col_time(s, 3);
	store_col_copy(s, 4, a->raised_by, sizeof a->raised_by);
	a->acked_at = store_col_time(s, 5);
	store_col_copy(s, 6, a->acked_by, sizeof a->acked_by);
	a->resolved_at = store_col_time(s, 7);
	store_col_copy(s, 8, a->resolved_by, sizeof a->resolved_by);
	a->outcome = (enum alarm_outcome)store_col_enum(
		s, 9, outcome_db, sizeof outcome_db / sizeof outcome_db[0], ALARM_OPEN);
	a->cancelled_at = store_col_time(s, 10);
	store_col_copy(s, 11, a->cancelled_by, sizeof a->cancelled_by);
}

/* Whether the table holds the journal record uid already (moved in, journal not yet
 * removed); unknown counts as no, so the alarm is rather shown twice than not at all. */
static bool in_table(struct store *st, const char *uid)
{
	static const char sql[] = "SELECT 1 FROM alarm WHERE journal_uid = ?1";
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return false;
	bool found = store_bind_text(s, 1, uid) == 0 && sqlite3_step(s) == SQLITE_ROW;
	store_done(s);
	return found;
}

static int newest_first(const void *x, const void *y)
{
	const struct alarm *a = x, *b = y;
	if (a->raised_at != b->raised_at)
		return (a->raised_at < b->raised_at) - (a->raised_at > b->raised_at);
	return (a->id < b->id) - (a->id > b->id);
}

static int oldest_first(const void *x, const void *y)
{
	return newest_first(y, x);
}

/* Add the journal's alarms to the list *out of *n. */
static enum store_status add_journal(struct store *st, int open_only, struct alarm **out,
				     size_t *n)
{
	struct alarm *j = NULL;
	size_t nj = 0;
	char err[512];
	if (store_journal_alarms(st->path, &j, &nj, err, sizeof err) != STORE_OK)
		return store_failf(st, STORE_ERROR, "%s", err);
	if (nj == 0)
		return STORE_OK;
	struct alarm *all = realloc(*out, (*n + nj) * sizeof *all);
	if (!all) {
		free(j);
		return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	}
	*out = all;
	for (size_t i = 0; i < nj; i++)
		if (!in_table(st, j[i].journal_uid))
			all[(*n)++] = j[i];
	free(j);
	qsort(all, *n, sizeof *all, open_only ? oldest_first : newest_first);
	return STORE_OK;
}

enum store_status store_alarm_list(struct store *st, int open_only, size_t limit,
				   struct alarm **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* A journal left by alarms raised while the database could not be written moves in
	 * as soon as it can; if not, its alarms are listed from the file. */
	(void)store_journal_merge_pending(st);
	/* Open alarms are never cut off by a limit: none may drop off a screen. */
	enum store_status r =
		open_only ? store_list_args(st, list_open_sql, sizeof **out, alarm_from_row,
					    (void **)out, n, _("listing alarms"), NULL, 0)
			  : store_list(st, list_latest_sql, _("listing alarms"), alarm_from_row,
				       out, n, STORE_INT(limit ? (int64_t)limit : -1));
	if (r == STORE_OK && (r = add_journal(st, open_only, out, n)) != STORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return r;
}

enum store_status store_alarm_get(struct store *st, int64_t id, struct alarm *out)
{
	return store_get(st, get_sql, id, alarm_from_row, out, _("reading an alarm"),
			 _("alarm %lld: not found"), (long long)id);
}

enum store_status store_alarm_cancelled(struct store *st, int64_t id)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_stamp(st, now, cancelled_sql, _("closing the alarm"), id);
	if (r != STORE_OK)
		return r;
	if (sqlite3_changes(st->db) == 0) {
		struct alarm a;
		r = store_alarm_get(st, id, &a);
		if (r == STORE_OK)
			r = store_failf(st, STORE_CONFLICT,
					a.outcome != ALARM_FALSE
						? _("alarm %lld: not a false alarm")
						: _("alarm %lld: its cancellation is recorded already"),
					(long long)id);
	}
	return store_finish_id(st, r, "alarm.cancelled", "alarm", id, "");
}
