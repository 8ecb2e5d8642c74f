/* followup — the follow-up of incidents (steps from core/incidents.c, marks in table
 * incident_done) and repeat offences: earlier bans and incidents of the same person, and the
 * pseudonymised traces the retention purge keeps (table offence, pseudonymised incidents). */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "clock.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/incidents.h"
#include "store/internal.h"

static const char marks_sql[] =
	"SELECT item, done_at, done_by, note FROM incident_done WHERE incident_id = ?1";
static const char mark_sql[] =
	"INSERT INTO incident_done (incident_id, item, done_at, done_by, note, recorded_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char open_incidents_sql[] =
	"SELECT id FROM incident WHERE pseudonymised_at = '' ORDER BY at, id";
static const char earlier_bans_sql[] =
	"SELECT count(*) FROM ban b JOIN person p ON p.id = b.person_id"
	" WHERE b.status = 'active' AND b.id <> ?5 AND"
	STORE_SAME_PERSON("p.given_names", "p.prefix", "p.surname", "p.born");
static const char person_name_sql[] =
	"SELECT given_names, prefix, surname, born FROM person WHERE id = ?1";
static const char earlier_incidents_sql[] =
	"SELECT count(*) FROM incident WHERE id <> ?5 AND at < ?6 AND perp_surname <> '' AND"
	STORE_SAME_PERSON("perp_given", "perp_prefix", "perp_surname", "perp_born");
/* A trace matches on the name hash; born and initial only when both sides know them. */
#define TRACE_MATCH                                                                        \
	"h_name = ?1 AND (h_born = '' OR ?2 = '' OR h_born = ?2)"                          \
	" AND (h_initial = '' OR ?3 = '' OR h_initial = ?3)"
static const char kept_sql[] =
	"SELECT (SELECT count(*) FROM offence WHERE " TRACE_MATCH ")"
	" + (SELECT count(*) FROM incident WHERE pseudonymised_at <> '' AND (?4 = '' OR at < ?4)"
	" AND " TRACE_MATCH ")";
static const char key_sql[] = "SELECT value FROM meta WHERE key = 'pseudonym.key'";

/* ---------------------------------------------------------------- the pseudonym key */

static int unhex(const char *s, unsigned char *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned v = 0;
		for (int k = 0; k < 2; k++) {
			char c = s[2 * i + k];
			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= (unsigned)(c - '0');
			else if (c >= 'a' && c <= 'f')
				v |= (unsigned)(c - 'a' + 10);
			else
				return -1;
		}
		out[i] = (unsigned char)v;
	}
	return s[2 * n] == '\0' ? 0 : -1;
}

enum store_status store_pseudonym_key(struct store *st, bool create, unsigned char key[32])
{
	char hex[65] = "";
	struct store_text_out t = { hex, sizeof hex };
	enum store_status r = store_row_args(st, key_sql, _("reading the pseudonym key"),
					     store_first_text, &t, NULL, 0);
	if (r != STORE_OK && r != STORE_NOT_FOUND)
		return r;
	if (r == STORE_OK) {
		if (unhex(hex, key, 32) != 0)
			return store_failf(st, STORE_ERROR, "%s",
					   _("the pseudonym key in the database is damaged"));
		return STORE_OK;
	}
	if (!create)
		return STORE_NOT_FOUND;
	/* A key only the database knows: the hashes cannot be recomputed from a name list. */
	for (size_t got = 0; got < 32;) {
		ssize_t n = getrandom(key + got, 32 - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return store_failf(st, STORE_ERROR, "getrandom: %s", strerror(errno));
		got += (size_t)n;
	}
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[key[i] >> 4];
		hex[2 * i + 1] = digits[key[i] & 15];
	}
	hex[64] = '\0';
	return store_meta_put(st, "pseudonym.key", hex, false);
}

/* ---------------------------------------------------------------- repeat offences */

/* The person as ?1..?4 of a STORE_SAME_PERSON statement. */
#define PERSON_ARGS(given, prefix, surname, born)                                          \
	STORE_TEXT(given), STORE_TEXT(prefix), STORE_TEXT(surname), STORE_TEXT(born)

/* Run a count(*) statement with args; the count goes to *out. */
#define count_of(st, out, sql, ...)                                                        \
	store_row(st, sql, _("counting earlier offences"), store_first_count, out,          \
		  __VA_ARGS__)

enum store_status store_offences_kept(struct store *st, const char *given, const char *prefix,
				      const char *surname, const char *born, time_t before,
				      size_t *out)
{
	*out = 0;
	unsigned char key[32];
	enum store_status r = store_pseudonym_key(st, false, key);
	if (r == STORE_NOT_FOUND)
		return STORE_OK; /* nothing was ever pseudonymised */
	if (r != STORE_OK)
		return r;
	struct incidents_pseudonym p;
	incidents_pseudonymise(key, sizeof key, given, prefix, surname, born, &p);
	return count_of(st, out, kept_sql, STORE_TEXT(p.name), STORE_TEXT(p.born),
			STORE_TEXT(p.initial), STORE_TIME(before));
}

enum store_status store_person_earlier(struct store *st, const char *given, const char *prefix,
				       const char *surname, const char *born, int64_t exclude_ban,
				       struct incidents_earlier *out)
{
	memset(out, 0, sizeof *out);
	if (!surname || !*surname)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "surname");
	enum store_status r = count_of(st, &out->bans, earlier_bans_sql,
				       PERSON_ARGS(given, prefix, surname, born),
				       STORE_INT(exclude_ban));
	if (r == STORE_OK)
		r = store_offences_kept(st, given, prefix, surname, born, 0, &out->kept);
	return r;
}

/* Given names, prefix, surname and born of a person. */
struct person_name {
	char name[4][INCIDENT_NAME_MAX];
};

static void person_name_from_row(sqlite3_stmt *s, void *item)
{
	struct person_name *p = item;
	for (int i = 0; i < 4; i++)
		store_col_copy(s, i, p->name[i], sizeof p->name[i]);
}

enum store_status store_person_earlier_by_id(struct store *st, int64_t person_id,
					     struct incidents_earlier *out)
{
	memset(out, 0, sizeof *out);
	struct person_name p;
	enum store_status r = store_get(st, person_name_sql, person_id, person_name_from_row, &p,
					_("counting earlier offences"), _("person %lld: not found"),
					(long long)person_id);
	if (r != STORE_OK)
		return r;
	return store_person_earlier(st, p.name[0], p.name[1], p.name[2], p.name[3], 0, out);
}

/* The earlier offences of the perpetrator of in (all zero without one). */
static enum store_status earlier_of(struct store *st, const struct incident *in,
				    struct incidents_earlier *out)
{
	memset(out, 0, sizeof *out);
	if (!in->perp_surname[0])
		return STORE_OK;
	enum store_status r;
	if ((r = count_of(st, &out->bans, earlier_bans_sql,
			  PERSON_ARGS(in->perp_given, in->perp_prefix, in->perp_surname,
				      in->perp_born),
			  STORE_INT(0))) != STORE_OK ||
	    (r = count_of(st, &out->incidents, earlier_incidents_sql,
			  PERSON_ARGS(in->perp_given, in->perp_prefix, in->perp_surname,
				      in->perp_born),
			  STORE_INT(in->id), STORE_TIME(in->at))) != STORE_OK)
		return r;
	return store_offences_kept(st, in->perp_given, in->perp_prefix, in->perp_surname,
				   in->perp_born, in->at, &out->kept);
}

enum store_status store_incident_earlier(struct store *st, int64_t id,
					 struct incidents_earlier *out)
{
	struct incident in;
	memset(out, 0, sizeof *out);
	enum store_status r = store_incident_get(st, id, &in);
	return r == STORE_OK ? earlier_of(st, &in, out) : r;
}

/* ---------------------------------------------------------------- follow-up */

/* The steps of in with their marks, into out[INCIDENTS_MAX_ITEMS]. */
static enum store_status followups(struct store *st, const struct incident *in,
				   const struct incidents_policy *p, time_t now,
				   struct incident_followup *out, size_t *n)
{
	*n = 0;
	struct incident_facts f;
	memset(&f, 0, sizeof f);
	f.at = in->at;
	f.category = in->category;
	f.injury = in->injury;
	f.perpetrator_known = in->perpetrator[0] != '\0';
	f.aftercare = in->aftercare;
	f.police = in->police;
	snprintf(f.police_date, sizeof f.police_date, "%s", in->police_date);
	snprintf(f.conversation_date, sizeof f.conversation_date, "%s", in->conversation_date);
	snprintf(f.minutes_sent, sizeof f.minutes_sent, "%s", in->minutes_sent);
	if (f.perpetrator_known) {
		struct incidents_earlier e;
		enum store_status r = earlier_of(st, in, &e);
		if (r != STORE_OK)
			return r;
		f.conversation_proposed =
			incidents_conversation_proposed(p, in->category, incidents_offence(&e));
	}
	struct incident_due due[INCIDENTS_MAX_ITEMS];
	size_t nd = incidents_due(p->rules, &f, due, INCIDENTS_MAX_ITEMS);
	for (size_t i = 0; i < nd; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].due = due[i];
	}
	sqlite3_stmt *s;
	enum store_status r =
		store_prepare(st, &s, marks_sql, _("reading the follow-up"), STORE_INT(in->id));
	if (r != STORE_OK)
		return r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		for (size_t i = 0; key && i < nd; i++) {
			if (strcmp(out[i].due.key, key) != 0)
				continue;
			out[i].marked = true;
			out[i].done_at = store_col_time(s, 1);
			store_col_copy(s, 2, out[i].done_by, sizeof out[i].done_by);
			store_col_copy(s, 3, out[i].note, sizeof out[i].note);
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, _("reading the follow-up"));
	for (size_t i = 0; i < nd; i++)
		out[i].state = incidents_due_state(&out[i].due, out[i].marked, now);
	*n = nd;
	return STORE_OK;
}

enum store_status store_incident_followups(struct store *st, const struct incident *in,
					   const struct incidents_policy *p, time_t now,
					   struct incident_followup *out, size_t *n)
{
	*n = 0;
	if (!p || !p->rules)
		return store_failf(st, STORE_INVALID, "%s", _("no follow-up rules"));
	/* One read transaction, so the counts and the marks belong together. */
	enum store_status r = store_read_begin(st, _("reading the follow-up"));
	if (r != STORE_OK)
		return r;
	r = followups(st, in, p, now, out, n);
	store_read_end(st);
	return r;
}

/* The keys of the steps as "a, b, c" for a message. */
static void keys_text(const struct incident_followup *f, size_t n, char *out, size_t outsz)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int k = snprintf(out + len, outsz - len, "%s%s", i ? ", " : "", f[i].due.key);
		if (k < 0 || (size_t)k >= outsz - len)
			return;
		len += (size_t)k;
	}
}

enum store_status store_incident_done(struct store *st, int64_t id,
				      const struct incidents_policy *p, const char *key,
				      time_t done_at, const char *note)
{
	if (!p || !p->rules)
		return store_failf(st, STORE_INVALID, "%s", _("no follow-up rules"));
	time_t now = clock_now();
	if (done_at <= 0 || done_at > now + 300)
		return store_failf(st, STORE_INVALID, _("%s: must not lie in the future"), "at");
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	struct incident in;
	struct incident_followup f[INCIDENTS_MAX_ITEMS];
	size_t n = 0;
	const struct incident_followup *hit = NULL;
	r = store_incident_get(st, id, &in);
	if (r == STORE_OK && in.pseudonymised_at)
		r = store_failf(st, STORE_CONFLICT, _("incident %lld: %s"), (long long)id,
				_("its retention period is over (pseudonymised)"));
	if (r == STORE_OK)
		r = followups(st, &in, p, now, f, &n);
	for (size_t i = 0; r == STORE_OK && i < n && !hit; i++)
		if (key && strcmp(f[i].due.key, key) == 0)
			hit = &f[i];
	char keys[512];
	if (r == STORE_OK && !hit) {
		keys_text(f, n, keys, sizeof keys);
		r = store_failf(st, STORE_INVALID,
				_("incident %lld: \"%s\" is not one of its follow-up steps (%s)"),
				(long long)id, key ? key : "", n ? keys : _("none"));
	} else if (r == STORE_OK && hit->state == DUE_DONE) {
		r = store_failf(st, STORE_CONFLICT, _("incident %lld: %s is done already"),
				(long long)id, key);
	} else if (r == STORE_OK && done_at < in.at) {
		r = store_failf(st, STORE_INVALID, _("%s: before the incident"), "at");
	}
	char at[DATES_UTC_LEN], rec[DATES_UTC_LEN];
	dates_format_utc(done_at, at);
	store_now_text(rec);
	if (r == STORE_OK)
		r = store_run(st, mark_sql, _("saving the follow-up"), STORE_INT(id),
			      STORE_TEXT(key), STORE_TEXT(at), STORE_TEXT(st->actor),
			      STORE_TEXT(note), STORE_TEXT(rec));
	char detail[INCIDENT_NOTE_MAX + 64];
	snprintf(detail, sizeof detail, "%s at %s", key ? key : "", at);
	return store_finish_id(st, r, "incident.done", "incident", id, detail);
}

/* Overdue first, then by due time, then by incident. */
static int by_urgency(const void *a, const void *b)
{
	const struct incident_due_row *x = a, *y = b;
	bool ox = x->f.state == DUE_OVERDUE, oy = y->f.state == DUE_OVERDUE;
	if (ox != oy)
		return ox ? -1 : 1;
	if (x->f.due.due != y->f.due.due)
		return x->f.due.due < y->f.due.due ? -1 : 1;
	return x->incident_id < y->incident_id ? -1 : x->incident_id > y->incident_id;
}

enum store_status store_incident_due(struct store *st, const struct incidents_policy *p,
				     time_t now, bool all, struct incident_due_row **out,
				     size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!p || !p->rules)
		return store_failf(st, STORE_INVALID, "%s", _("no follow-up rules"));
	enum store_status r = store_read_begin(st, _("reading the follow-up"));
	if (r != STORE_OK)
		return r;
	int64_t *ids = NULL;
	size_t nids = 0;
	struct incident_due_row *rows = NULL;
	size_t count = 0, cap = 0;
	r = store_list_args(st, open_incidents_sql, sizeof *ids, store_first_int, (void **)&ids,
			    &nids, _("reading the follow-up"), NULL, 0);
	for (size_t i = 0; r == STORE_OK && i < nids; i++) {
		struct incident in;
		struct incident_followup f[INCIDENTS_MAX_ITEMS];
		size_t nf = 0;
		if ((r = store_incident_get(st, ids[i], &in)) != STORE_OK ||
		    (r = followups(st, &in, p, now, f, &nf)) != STORE_OK)
			break;
		for (size_t k = 0; k < nf; k++) {
			if (!all && f[k].state != DUE_OPEN && f[k].state != DUE_OVERDUE)
				continue;
			if (!grow_array(&rows, &cap, count + 1, sizeof *rows, 32)) {
				r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
				break;
			}
			struct incident_due_row *row = &rows[count++];
			row->incident_id = in.id;
			row->at = in.at;
			row->category = in.category;
			snprintf(row->place, sizeof row->place, "%s", in.place);
			row->f = f[k];
		}
	}
	store_read_end(st);
	free(ids);
	if (r != STORE_OK) {
		free(rows);
		return r;
	}
	if (count > 1)
		qsort(rows, count, sizeof *rows, by_urgency);
	*out = rows;
	*n = count;
	return STORE_OK;
}
