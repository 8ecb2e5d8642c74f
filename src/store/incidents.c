/* incidents — registering, reading, updating and completing incidents, tally marks and the
 * rows the report counts (table incident, incident_tally); each write is one transaction with
 * its audit line. The follow-up and repeat offences are in followup.c. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "store/incidents.h"
#include "store/internal.h"

/* The fields a caller writes, in the order of the placeholders ?1..?29. */
#define INCIDENT_FIELDS                                                                    \
	"at, category, channel, place, employee, perpetrator, perp_given, perp_prefix,"    \
	" perp_surname, perp_born, perp_address, perp_phone, description, witnesses,"      \
	" injury, damage_personal, damage_municipal, risk_assessed, measures, police,"     \
	" police_date, police_number, aftercare, conversation_date, minutes_sent,"         \
	" preventable, prevention, discussed, alarm_id"
#define NFIELDS 29
#define INCIDENT_SELECT                                                                    \
	"SELECT id, " INCIDENT_FIELDS ", completed_at, completed_by, created_at,"          \
	" created_by, version, pseudonymised_at FROM incident"

static const char add_sql[] =
	"INSERT INTO incident (" INCIDENT_FIELDS ", created_at, created_by) VALUES (?1, ?2, ?3,"
	" ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
	" ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)";
static const char update_sql[] =
	"UPDATE incident SET at = ?1, category = ?2, channel = ?3, place = ?4, employee = ?5,"
	" perpetrator = ?6, perp_given = ?7, perp_prefix = ?8, perp_surname = ?9,"
	" perp_born = ?10, perp_address = ?11, perp_phone = ?12, description = ?13,"
	" witnesses = ?14, injury = ?15, damage_personal = ?16, damage_municipal = ?17,"
	" risk_assessed = ?18, measures = ?19, police = ?20, police_date = ?21,"
	" police_number = ?22, aftercare = ?23, conversation_date = ?24, minutes_sent = ?25,"
	" preventable = ?26, prevention = ?27, discussed = ?28, alarm_id = ?29,"
	" version = version + 1 WHERE id = ?30 AND version = ?31 AND pseudonymised_at = ''";
static const char get_sql[] = INCIDENT_SELECT " WHERE id = ?1";
static const char list_sql[] =
	INCIDENT_SELECT " WHERE at >= ?1 AND (?2 = '' OR at < ?2) ORDER BY at, id";
static const char complete_sql[] =
	"UPDATE incident SET completed_at = ?1, completed_by = ?2, version = version + 1"
	" WHERE id = ?3 AND (?4 < 0 OR version = ?4) AND completed_at = ''"
	" AND pseudonymised_at = ''";
static const char tally_sql[] =
	"INSERT INTO incident_tally (at, category, channel, place, recorded_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";
static const char report_sql[] =
	"SELECT at, category, channel, place FROM incident WHERE at >= ?1 AND at < ?2";
static const char report_tally_sql[] =
	"SELECT at, category, channel FROM incident_tally WHERE at >= ?1 AND at < ?2";

/* Seconds an incident's time may lie ahead of the clock (two terminals' clocks differ). */
#define CLOCK_SLACK 300

static bool valid_date(const char *s)
{
	int y, m, d;
	return dates_parse_date(s, &y, &m, &d) == 0;
}

/* A date field: "" or a date not before the incident's local date. */
static enum store_status check_date_after(struct store *st, const char *name, const char *v,
					  const char *incident_date)
{
	if (!*v)
		return STORE_OK;
	if (!valid_date(v))
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   name, v);
	if (strcmp(v, incident_date) < 0)
		return store_failf(st, STORE_INVALID, _("%s: %s is before the incident (%s)"), name,
				   v, incident_date);
	return STORE_OK;
}

/* The checks of add and update; fills the split name into copy. */
static enum store_status validate(struct store *st, const struct incident *in,
				  struct incident *copy)
{
	*copy = *in;
	time_t now = clock_now();
	if (in->at <= 0)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "at");
	if (in->at > now + CLOCK_SLACK)
		return store_failf(st, STORE_INVALID, _("%s: must not lie in the future"), "at");
	if ((unsigned)in->category >= INCIDENT_CATEGORY_COUNT ||
	    (unsigned)in->channel >= INCIDENT_CHANNEL_COUNT ||
	    (unsigned)in->injury >= INCIDENT_INJURY_COUNT ||
	    (unsigned)in->police >= INCIDENT_POLICE_COUNT ||
	    (unsigned)in->risk_assessed >= INCIDENT_ANSWER_COUNT ||
	    (unsigned)in->aftercare >= INCIDENT_ANSWER_COUNT ||
	    (unsigned)in->preventable >= INCIDENT_ANSWER_COUNT ||
	    (unsigned)in->discussed >= INCIDENT_ANSWER_COUNT)
		return store_failf(st, STORE_INVALID, "%s", _("a value is out of range"));
	if (!in->place[0])
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "place");
	if (!in->employee[0])
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "employee");
	if (in->damage_personal < 0 || in->damage_municipal < 0)
		return store_failf(st, STORE_INVALID, _("%s: must not be negative"), "damage");
	copy->perp_given[0] = copy->perp_prefix[0] = copy->perp_surname[0] = '\0';
	if (in->perpetrator[0] &&
	    incidents_split_name(in->perpetrator, copy->perp_given, sizeof copy->perp_given,
				 copy->perp_prefix, sizeof copy->perp_prefix, copy->perp_surname,
				 sizeof copy->perp_surname) != 0)
		return store_failf(st, STORE_INVALID, _("%s: no surname can be read in \"%s\""),
				   "perpetrator", in->perpetrator);
	char date[DATES_DATE_LEN];
	dates_local_date(in->at, date);
	if (in->perp_born[0] && (!valid_date(in->perp_born) || strcmp(in->perp_born, date) > 0))
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date of birth"), "born",
				   in->perp_born);
	enum store_status r;
	if ((r = check_date_after(st, "police_date", in->police_date, date)) != STORE_OK ||
	    (r = check_date_after(st, "conversation", in->conversation_date, date)) != STORE_OK ||
	    (r = check_date_after(st, "minutes_sent", in->minutes_sent, date)) != STORE_OK)
		return r;
	if (in->police == POLICE_REPORT && (!in->police_date[0] || !in->police_number[0]))
		return store_failf(st, STORE_INVALID, "%s",
				   _("police: a police report needs its date and number"));
	if (in->police != POLICE_REPORT && (in->police_date[0] || in->police_number[0]))
		return store_failf(st, STORE_INVALID, "%s",
				   _("police: a date and number belong to a police report only"));
	if (in->minutes_sent[0] && (!in->conversation_date[0] ||
				    strcmp(in->minutes_sent, in->conversation_date) < 0))
		return store_failf(st, STORE_INVALID, "%s",
				   _("minutes_sent: the minutes follow the order conversation"));
	return STORE_OK;
}

/* Bind the NFIELDS fields of in as ?1..?29. */
static int bind_fields(sqlite3_stmt *s, const struct incident *in)
{
	const char *texts[] = {
		incidents_category_name(in->category), incidents_channel_name(in->channel),
		in->place, in->employee, in->perpetrator, in->perp_given, in->perp_prefix,
		in->perp_surname, in->perp_born, in->perp_address, in->perp_phone, in->description,
		in->witnesses, incidents_injury_name(in->injury),
	};
	int i = 1;
	if (store_bind_time(s, i++, in->at))
		return -1;
	for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
		if (store_bind_text(s, i++, texts[k]))
			return -1;
	const char *rest[] = {
		incidents_answer_name(in->risk_assessed), in->measures,
		incidents_police_name(in->police), in->police_date, in->police_number,
		incidents_answer_name(in->aftercare), in->conversation_date, in->minutes_sent,
		incidents_answer_name(in->preventable), in->prevention,
		incidents_answer_name(in->discussed),
	};
	if (store_bind_int(s, i++, in->damage_personal) ||
	    store_bind_int(s, i++, in->damage_municipal))
		return -1;
	for (size_t k = 0; k < sizeof rest / sizeof *rest; k++)
		if (store_bind_text(s, i++, rest[k]))
			return -1;
	return store_bind_int(s, i, in->alarm_id);
}

enum store_status store_incident_add(struct store *st, const struct incident *in,
				     int64_t *id_out)
{
	struct incident v;
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_checked(st, validate(st, in, &v), now);
	if (r != STORE_OK)
		return r;
	int64_t id = 0;
	sqlite3_stmt *s = store_stmt(st, add_sql);
	if (!s) {
		r = STORE_ERROR;
	} else if (bind_fields(s, &v) || store_bind_text(s, NFIELDS + 1, now) ||
		   store_bind_text(s, NFIELDS + 2, st->actor)) {
		store_done(s);
		r = store_fail(st, _("saving the incident"));
	} else {
		r = store_step_done(st, s, _("saving the incident"));
		id = sqlite3_last_insert_rowid(st->db);
	}
	char detail[INCIDENT_NAME_MAX + 64];
	snprintf(detail, sizeof detail, "%s %s %s", incidents_category_name(v.category),
		 incidents_channel_name(v.channel), v.place);
	r = store_finish_id(st, r, "incident.add", "incident", id, detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

static int answer_of(sqlite3_stmt *s, int col)
{
	enum incident_answer a = ANSWER_OPEN;
	const unsigned char *t = sqlite3_column_text(s, col);
	if (t && *t)
		(void)incidents_answer_parse((const char *)t, &a);
	return (int)a;
}

static void incident_from_row(sqlite3_stmt *s, void *item)
{
	struct incident *in = item;
	memset(in, 0, sizeof *in);
	int c = 0;
	in->id = sqlite3_column_int64(s, c++);
	in->at = store_col_time(s, c++);
	(void)incidents_category_parse((const char *)sqlite3_column_text(s, c++), &in->category);
	(void)incidents_channel_parse((const char *)sqlite3_column_text(s, c++), &in->channel);
	store_col_copy(s, c++, in->place, sizeof in->place);
	store_col_copy(s, c++, in->employee, sizeof in->employee);
	store_col_copy(s, c++, in->perpetrator, sizeof in->perpetrator);
	store_col_copy(s, c++, in->perp_given, sizeof in->perp_given);
	store_col_copy(s, c++, in->perp_prefix, sizeof in->perp_prefix);
	store_col_copy(s, c++, in->perp_surname, sizeof in->perp_surname);
	store_col_copy(s, c++, in->perp_born, sizeof in->perp_born);
	store_col_copy(s, c++, in->perp_address, sizeof in->perp_address);
	store_col_copy(s, c++, in->perp_phone, sizeof in->perp_phone);
	store_col_copy(s, c++, in->description, sizeof in->description);
	store_col_copy(s, c++, in->witnesses, sizeof in->witnesses);
	(void)incidents_injury_parse((const char *)sqlite3_column_text(s, c++), &in->injury);
	in->damage_personal = sqlite3_column_int64(s, c++);
	in->damage_municipal = sqlite3_column_int64(s, c++);
	in->risk_assessed = (enum incident_answer)answer_of(s, c++);
	store_col_copy(s, c++, in->measures, sizeof in->measures);
	(void)incidents_police_parse((const char *)sqlite3_column_text(s, c++), &in->police);
	store_col_copy(s, c++, in->police_date, sizeof in->police_date);
	store_col_copy(s, c++, in->police_number, sizeof in->police_number);
	in->aftercare = (enum incident_answer)answer_of(s, c++);
	store_col_copy(s, c++, in->conversation_date, sizeof in->conversation_date);
	store_col_copy(s, c++, in->minutes_sent, sizeof in->minutes_sent);
	in->preventable = (enum incident_answer)answer_of(s, c++);
	store_col_copy(s, c++, in->prevention, sizeof in->prevention);
	in->discussed = (enum incident_answer)answer_of(s, c++);
	in->alarm_id = sqlite3_column_int64(s, c++);
	in->completed_at = store_col_time(s, c++);
	store_col_copy(s, c++, in->completed_by, sizeof in->completed_by);
	in->created_at = store_col_time(s, c++);
	store_col_copy(s, c++, in->created_by, sizeof in->created_by);
	in->version = sqlite3_column_int(s, c++);
	in->pseudonymised_at = store_col_time(s, c);
}

enum store_status store_incident_get(struct store *st, int64_t id, struct incident *out)
{
	return store_get(st, get_sql, id, incident_from_row, out, _("reading an incident"),
			 _("incident %lld: not found"), (long long)id);
}

/* Missing answers as "--a, --b" into out. */
static void missing_text(unsigned bits, char *out, size_t outsz)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < INCIDENT_MISSING_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		int k = snprintf(out + len, outsz - len, "%s%s", len ? ", " : "",
				 incidents_missing_option(i));
		if (k < 0 || (size_t)k >= outsz - len)
			return;
		len += (size_t)k;
	}
}

static unsigned form_missing(const struct incident *in)
{
	return incidents_form_missing(in->description, in->risk_assessed, in->aftercare,
				      in->preventable, in->discussed);
}

/* After an UPDATE that changed nothing: an unknown incident or a conflict. */
static enum store_status missing_or_conflict(struct store *st, int64_t id, const char *why)
{
	struct incident cur;
	enum store_status r = store_incident_get(st, id, &cur);
	if (r != STORE_OK)
		return r;
	return store_failf(st, STORE_CONFLICT, _("incident %lld: %s"), (long long)id,
			   cur.pseudonymised_at ? _("its retention period is over (pseudonymised)")
					       : why);
}

enum store_status store_incident_update(struct store *st, const struct incident *in)
{
	struct incident v, cur;
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	r = store_incident_get(st, in->id, &cur);
	/* A pseudonymised incident is closed: say so before judging the fields it lost. */
	if (r == STORE_OK && cur.pseudonymised_at)
		r = store_failf(st, STORE_CONFLICT, _("incident %lld: %s"), (long long)in->id,
				_("its retention period is over (pseudonymised)"));
	if (r == STORE_OK)
		r = validate(st, in, &v);
	unsigned missing = r == STORE_OK ? form_missing(&v) : 0;
	if (r == STORE_OK && cur.completed_at && missing) {
		char opts[256];
		missing_text(missing, opts, sizeof opts);
		r = store_failf(st, STORE_INVALID,
				_("incident %lld is complete: its answers stay given (%s)"),
				(long long)in->id, opts);
	}
	sqlite3_stmt *s = r == STORE_OK ? store_stmt(st, update_sql) : NULL;
	if (r == STORE_OK && !s) {
		r = STORE_ERROR;
	} else if (s && (bind_fields(s, &v) || store_bind_int(s, NFIELDS + 1, in->id) ||
			 store_bind_int(s, NFIELDS + 2, in->version))) {
		store_done(s);
		r = store_fail(st, _("saving the incident"));
	} else if (s) {
		r = store_step_done(st, s, _("saving the incident"));
		if (r == STORE_OK && sqlite3_changes(st->db) == 0)
			r = missing_or_conflict(st, in->id, _("changed by someone else meanwhile; "
							     "reload and retry"));
	}
	return store_finish_id(st, r, "incident.update", "incident", in->id, "");
}

enum store_status store_incident_complete(struct store *st, int64_t id, int expected_version)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_now(st, now);
	if (r != STORE_OK)
		return r;
	struct incident cur;
	r = store_incident_get(st, id, &cur);
	unsigned missing = r == STORE_OK ? form_missing(&cur) : 0;
	if (r == STORE_OK && missing && !cur.completed_at) {
		char opts[256];
		missing_text(missing, opts, sizeof opts);
		r = store_failf(st, STORE_INVALID, _("incident %lld is not complete: answer %s"),
				(long long)id, opts);
	}
	if (r == STORE_OK) {
		r = store_run(st, complete_sql, _("saving the incident"), STORE_TEXT(now),
			      STORE_TEXT(st->actor), STORE_INT(id), STORE_INT(expected_version));
		if (r == STORE_OK && sqlite3_changes(st->db) == 0)
			r = missing_or_conflict(st, id, cur.completed_at
							? _("complete already")
							: _("changed by someone else meanwhile; "
							    "reload and retry"));
	}
	return store_finish_id(st, r, "incident.complete", "incident", id, "");
}

enum store_status store_incident_list(struct store *st, time_t from, time_t to,
				      struct incident **out, size_t *n)
{
	return store_list(st, list_sql, _("listing incidents"), incident_from_row, out, n,
			  STORE_TIME(from), STORE_TIME(to));
}

enum store_status store_incident_tally(struct store *st, time_t at, enum incident_category c,
				       enum incident_channel ch, const char *place,
				       int64_t *id_out)
{
	if (at <= 0 || at > clock_now() + CLOCK_SLACK)
		return store_failf(st, STORE_INVALID, _("%s: must not lie in the future"), "at");
	if ((unsigned)c >= INCIDENT_CATEGORY_COUNT || (unsigned)ch >= INCIDENT_CHANNEL_COUNT)
		return store_failf(st, STORE_INVALID, "%s", _("a value is out of range"));
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	r = store_run(st, tally_sql, _("saving the tally"), STORE_TIME(at),
		      STORE_TEXT(incidents_category_name(c)), STORE_TEXT(incidents_channel_name(ch)),
		      STORE_TEXT(place), STORE_TEXT(st->actor));
	int64_t id = r == STORE_OK ? sqlite3_last_insert_rowid(st->db) : 0;
	char detail[96];
	snprintf(detail, sizeof detail, "%s/%s", incidents_channel_name(ch),
		 incidents_category_name(c));
	r = store_finish_id(st, r, "incident.tally", "tally", id, detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

/* Columns 0-2 of a report row: when (as a local date), category and channel. */
static void report_cols(sqlite3_stmt *s, char date[DATES_DATE_LEN],
			enum incident_category *category, enum incident_channel *channel)
{
	dates_local_date(store_col_time(s, 0), date);
	(void)incidents_category_parse((const char *)sqlite3_column_text(s, 1), category);
	(void)incidents_channel_parse((const char *)sqlite3_column_text(s, 2), channel);
}

static void record_from_row(sqlite3_stmt *s, void *item)
{
	struct incidents_record *rec = item;
	memset(rec, 0, sizeof *rec);
	report_cols(s, rec->date, &rec->category, &rec->channel);
	store_col_copy(s, 3, rec->place, sizeof rec->place);
}

static void tally_from_row(sqlite3_stmt *s, void *item)
{
	struct incidents_tally *t = item;
	memset(t, 0, sizeof *t);
	report_cols(s, t->date, &t->category, &t->channel);
}

enum store_status store_incident_report(struct store *st, time_t from, time_t to,
					struct incidents_record **rec, size_t *nrec,
					struct incidents_tally **tally, size_t *ntally)
{
	*rec = NULL;
	*tally = NULL;
	*nrec = *ntally = 0;
	/* One read transaction: the incidents and the tallies of one moment. */
	enum store_status r = store_read_begin(st, _("reading the report"));
	if (r != STORE_OK)
		return r;
	r = store_list(st, report_sql, _("reading the report"), record_from_row, rec, nrec,
		       STORE_TIME(from), STORE_TIME(to));
	if (r == STORE_OK)
		r = store_list(st, report_tally_sql, _("reading the report"), tally_from_row,
			       tally, ntally, STORE_TIME(from), STORE_TIME(to));
	store_read_end(st);
	if (r != STORE_OK) {
		free(*rec);
		*rec = NULL;
		*nrec = 0;
	}
	return r;
}
