/* purge — deleting records past their retention period, all kinds in one transaction, with
 * the audit chain's anchor moved past the removed lines so `balie audit --verify` still holds. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "store/internal.h"
#include "store/purge.h"

/* A ban that ended before ?1 (a date): its last day is earlier, or it was lifted before that
 * day (lifted_at is a UTC instant "2026-01-01T10:00:00Z", which sorts before "2026-01-02"
 * exactly when its day does). Both halves have an index (ban_ends, ban_lifted), so the
 * daily purge reads only the bans it removes, not the whole list. */
#define ENDED(b) "(" b "ends < ?1 OR (" b "lifted_at <> '' AND " b "lifted_at < ?1))"
#define OLD_BANS "SELECT id FROM ban WHERE " ENDED("")
/* The persons whose every ban goes; only the persons of the bans that go are looked at. */
#define OLD_PERSONS(p)                                                                     \
	p ".id IN (SELECT person_id FROM ban WHERE " ENDED("") ") AND NOT EXISTS"            \
	" (SELECT 1 FROM ban b WHERE b.person_id = " p ".id AND NOT " ENDED("b.") ")"

static const char count_bans[] = "SELECT count(*) FROM ban WHERE " ENDED("");
static const char count_persons[] = "SELECT count(*) FROM person p WHERE " OLD_PERSONS("p");
/* Audit lines go as a prefix (the chain must stay whole): everything before the first
 * line still inside its period; a line out of time order (clock set back) stays longer. */
#define AUDIT_KEEP "coalesce((SELECT min(id) FROM audit WHERE at >= ?1)," \
		   " (SELECT max(id) + 1 FROM audit), 1)"
static const char count_audit[] = "SELECT count(*) FROM audit WHERE id < " AUDIT_KEEP;

/* Deleting the bans: their persons (and with them their name keys) first, while it can
 * still be told whose they are (the foreign keys are checked at commit), then what refers
 * to the bans, then the bans. */
static const char delete_persons[] = "DELETE FROM person WHERE " OLD_PERSONS("person");
static const char *const delete_bans[] = {
	"DELETE FROM ban_notice_seen WHERE notice_id IN"
	" (SELECT id FROM ban_notice WHERE ban_id IN (" OLD_BANS "))",
	"DELETE FROM ban_notice WHERE ban_id IN (" OLD_BANS ")",
	"DELETE FROM ban_exception WHERE ban_id IN (" OLD_BANS ")",
	"DELETE FROM ban_history WHERE ban_id IN (" OLD_BANS ")",
	"DELETE FROM ban_scope WHERE ban_id IN (" OLD_BANS ")",
	"DELETE FROM ban WHERE " ENDED(""),
};
/* Issue 13: what repeat offences need of an active ban about to go, kept as keyed hashes. */
static const char count_kept[] =
	"SELECT count(*) FROM ban WHERE status = 'active' AND " ENDED("");
/* The day such a ban ended: its last day, or the (UTC) day it was lifted when earlier. */
#define ENDED_DAY(b)                                                                       \
	"CASE WHEN " b "lifted_at <> '' AND substr(" b "lifted_at, 1, 10) < " b "ends"      \
	" THEN substr(" b "lifted_at, 1, 10) ELSE " b "ends END"
static const char old_active_bans[] =
	"SELECT b.id, b.reason, " ENDED_DAY("b.") ", p.given_names, p.prefix, p.surname, p.born"
	" FROM ban b JOIN person p ON p.id = b.person_id"
	" WHERE b.status = 'active' AND " ENDED("b.");
static const char insert_trace[] =
	"INSERT INTO offence (reason, date, h_name, h_born, h_initial, kept_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
/* Incidents past their period lose the perpetrator and every text that may name someone;
 * category, channel, place, time, injury and damage stay for the report. */
#define OLD_INCIDENTS " FROM incident WHERE pseudonymised_at = '' AND at < ?1"
static const char count_incidents[] = "SELECT count(*)" OLD_INCIDENTS;
static const char old_incidents[] =
	"SELECT id, '', '', perp_given, perp_prefix, perp_surname, perp_born" OLD_INCIDENTS;
static const char pseudonymise_sql[] =
	"UPDATE incident SET employee = '', perpetrator = '', perp_given = '', perp_prefix = '',"
	" perp_surname = '', perp_born = '', perp_address = '', perp_phone = '',"
	" description = '', witnesses = '', measures = '', prevention = '', h_name = ?2,"
	" h_born = ?3, h_initial = ?4, pseudonymised_at = ?5, version = version + 1"
	" WHERE id = ?1";
static const char erase_notes[] = "UPDATE incident_done SET note = '' WHERE incident_id = ?1";
/* What goes by its date alone, one kind a row: the same rows counted for a dry run and
 * written away otherwise (?1 local midnight of the kind's cut-off date), the number added
 * to the kind's count in the report (traces and incidents' hashes both count as offences). */
#define REMOVE(from_where) "SELECT count(*) FROM " from_where, "DELETE FROM " from_where
#define OLD_HASHES "h_name <> '' AND pseudonymised_at < ?1"
#define IN_REPORT(before, n) offsetof(struct purge_report, before), offsetof(struct purge_report, n)
static const struct {
	const char *count, *write;
	size_t before, n;        /* offsets in struct purge_report: the cut-off date, the count */
} dated[] = {
	/* Traces count for offences_months from the day they were made: beyond the full record. */
	{ REMOVE("offence WHERE kept_at < ?1"), IN_REPORT(offences_before, offences) },
	{ "SELECT count(*) FROM incident WHERE " OLD_HASHES,
	  "UPDATE incident SET h_name = '', h_born = '', h_initial = '' WHERE " OLD_HASHES,
	  IN_REPORT(offences_before, offences) },
	{ REMOVE("home_visit WHERE back_at <> '' AND back_at < ?1"),
	  IN_REPORT(visits_before, visits) },
	{ REMOVE("alarm WHERE raised_at < ?1 AND outcome <> 'open'"),
	  IN_REPORT(alarms_before, alarms) },
	{ REMOVE("presence WHERE checked_in < ?1 AND checked_out <> ''"),
	  IN_REPORT(presence_before, presence) },
	{ REMOVE("appointment WHERE ends < ?1"), IN_REPORT(appointments_before, appointments) },
};
#define NDATED (sizeof dated / sizeof *dated)
/* The first audit line to keep, and the hash of the last one removed (the new anchor). */
static const char audit_keep_sql[] = "SELECT " AUDIT_KEEP;
static const char audit_anchor_sql[] =
	"SELECT id, hash FROM audit WHERE id < ?1 ORDER BY id DESC LIMIT 1";
static const char delete_audit[] = "DELETE FROM audit WHERE id < ?1";

/* Run one statement with ?1 bound to arg (NULL: no parameter); *n gets the count of the
 * first column (count queries) or of the rows changed. */
static enum store_status run(struct store *st, const char *sql, const char *arg, size_t *n)
{
	sqlite3_stmt *s;
	enum store_status r = arg ? store_prepare(st, &s, sql, _("purging"), STORE_TEXT(arg))
				  : store_prepare_args(st, &s, sql, _("purging"), NULL, 0);
	if (r != STORE_OK)
		return r;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && n)
		*n = (size_t)sqlite3_column_int64(s, 0);
	else if (rc == SQLITE_DONE && n)
		*n = (size_t)sqlite3_changes(st->db);
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(st, _("purging"));
	store_done(s);
	return r;
}

/* The UTC instant of local midnight starting date, as stored text. */
static int midnight_utc(const char *date, char out[DATES_UTC_LEN])
{
	time_t t;
	if (dates_local_instant(date, 0, &t) != 0)
		return -1;
	dates_format_utc(t, out);
	return 0;
}

static int cutoff(const char *today, int months, char out[DATES_DATE_LEN])
{
	return months < 1 ? -1 : dates_add_months(today, -months, out);
}

/* The last audit line removed: the new anchor of the chain. */
struct anchor {
	char id[32];
	char hash[SHA256_HEX_LEN];
};

static void anchor_from_row(sqlite3_stmt *s, void *item)
{
	struct anchor *a = item;
	snprintf(a->id, sizeof a->id, "%lld", (long long)sqlite3_column_int64(s, 0));
	store_col_copy(s, 1, a->hash, sizeof a->hash);
}

static enum store_status purge_audit(struct store *st, const char *before, size_t *n)
{
	size_t keep = 0;
	enum store_status r = run(st, audit_keep_sql, before, &keep);
	if (r != STORE_OK)
		return r;
	char keep_text[32];
	snprintf(keep_text, sizeof keep_text, "%zu", keep);
	struct anchor a = { "", "" };
	r = store_row(st, audit_anchor_sql, _("purging"), anchor_from_row, &a,
		      STORE_INT((int64_t)keep));
	if (r == STORE_NOT_FOUND) {
		*n = 0;
		return STORE_OK; /* nothing old enough */
	}
	if (r != STORE_OK)
		return r;
	/* The trigger audit_no_delete lets only lines below audit.purge_below go. */
	if ((r = store_meta_put(st, "audit.purge_below", keep_text, false)) != STORE_OK ||
	    (r = run(st, delete_audit, keep_text, n)) != STORE_OK ||
	    (r = run(st, "DELETE FROM meta WHERE key = 'audit.purge_below'", NULL, NULL)) !=
		    STORE_OK ||
	    (r = store_meta_put(st, "audit.anchor", a.hash, false)) != STORE_OK ||
	    (r = store_meta_put(st, "audit.anchor_id", a.id, false)) != STORE_OK)
		return r;
	return STORE_OK;
}

/* A ban or an incident whose person the purge turns into keyed hashes. */
struct named_row {
	int64_t id;
	char reason[16], date[DATES_DATE_LEN];     /* of a ban; "" for an incident */
	char given[256], prefix[64], surname[256], born[DATES_DATE_LEN];
	struct incidents_pseudonym p;
};

/* Columns: id, reason, date, given names, prefix, surname, born. */
static void named_from_row(sqlite3_stmt *s, void *item)
{
	struct named_row *x = item;
	x->id = sqlite3_column_int64(s, 0);
	store_col_copy(s, 1, x->reason, sizeof x->reason);
	store_col_copy(s, 2, x->date, sizeof x->date);
	store_col_copy(s, 3, x->given, sizeof x->given);
	store_col_copy(s, 4, x->prefix, sizeof x->prefix);
	store_col_copy(s, 5, x->surname, sizeof x->surname);
	store_col_copy(s, 6, x->born, sizeof x->born);
	memset(&x->p, 0, sizeof x->p);
}

/* The rows of sql (one parameter: the cut-off) with their hashes; read all first, as the
 * writes that follow go through the same connection. A row without a surname gets none:
 * nothing to count later. Free *out with free(). */
static enum store_status read_named(struct store *st, const char *sql, const char *before,
				    const unsigned char key[32], struct named_row **out,
				    size_t *n)
{
	enum store_status r =
		store_list(st, sql, _("purging"), named_from_row, out, n, STORE_TEXT(before));
	for (size_t i = 0; r == STORE_OK && i < *n; i++)
		if ((*out)[i].surname[0])
			incidents_pseudonymise(key, 32, (*out)[i].given, (*out)[i].prefix,
					       (*out)[i].surname, (*out)[i].born, &(*out)[i].p);
	return r;
}

/* Give each row of sql before the cut-off (read_named) to write, inside the transaction;
 * *n is how many there were. */
static enum store_status each_named(struct store *st, const char *sql,
				    const unsigned char key[32], const char *before,
				    const char *now, size_t *n,
				    enum store_status (*write)(struct store *st,
							       const struct named_row *x,
							       const char *now))
{
	struct named_row *rows;
	size_t count;
	enum store_status r = read_named(st, sql, before, key, &rows, &count);
	for (size_t i = 0; r == STORE_OK && i < count; i++)
		r = write(st, &rows[i], now);
	free(rows);
	*n = r == STORE_OK ? count : 0;
	return r;
}

/* A trace of an active ban that ends before the cut-off. */
static enum store_status keep_trace(struct store *st, const struct named_row *t,
				    const char *now)
{
	return store_run(st, insert_trace, _("purging"), STORE_TEXT(t->reason),
			 STORE_TEXT(t->date), STORE_TEXT(t->p.name), STORE_TEXT(t->p.born),
			 STORE_TEXT(t->p.initial), STORE_TEXT(now));
}

/* An incident that happened before the cut-off loses what names people. */
static enum store_status pseudonymise(struct store *st, const struct named_row *o,
				      const char *now)
{
	enum store_status r = store_run(st, pseudonymise_sql, _("purging"), STORE_INT(o->id),
					STORE_TEXT(o->p.name), STORE_TEXT(o->p.born),
					STORE_TEXT(o->p.initial), STORE_TEXT(now));
	if (r == STORE_OK)
		r = store_run(st, erase_notes, _("purging"), STORE_INT(o->id));
	return r;
}

void purge_policy_of_config(const struct config *cfg, struct purge_policy *p)
{
	const struct config_retention *r = &cfg->retention;
	*p = (struct purge_policy){
		.bans_months = r->bans_months,
		.alarms_months = r->alarms_months,
		.presence_months = r->presence_months,
		.appointments_months = r->appointments_months,
		.audit_months = r->audit_months,
		.incidents_months = r->incidents_months,
		.offences_months = r->offences_months,
		.visits_months = r->visits_months,
	};
}

/* The kinds in dated, at their local-midnight cut-offs at: counted for a dry run, written
 * away otherwise; the numbers added to the report's counts. */
static enum store_status purge_dated(struct store *st, struct purge_report *o,
				     char at[NDATED][DATES_UTC_LEN], bool dry_run)
{
	for (size_t i = 0; i < NDATED; i++) {
		size_t n = 0;
		enum store_status r = run(st, dry_run ? dated[i].count : dated[i].write, at[i], &n);
		if (r != STORE_OK)
			return r;
		*(size_t *)((char *)o + dated[i].n) += n;
	}
	return STORE_OK;
}

/* The purge inside an open transaction (or counting only when dry_run); o's counts start
 * at zero (prepare). */
static enum store_status purge_in(struct store *st, struct purge_report *o, bool dry_run)
{
	char at[NDATED][DATES_UTC_LEN], audit[DATES_UTC_LEN], incidents[DATES_UTC_LEN];
	bool bad = midnight_utc(o->audit_before, audit) ||
		   midnight_utc(o->incidents_before, incidents);
	for (size_t i = 0; i < NDATED; i++)
		bad = bad || midnight_utc((const char *)o + dated[i].before, at[i]);
	if (bad)
		return store_failf(st, STORE_INVALID, "%s", _("purge: no valid cut-off date"));
	enum store_status r;
	if (dry_run) {
		if ((r = run(st, count_kept, o->bans_before, &o->kept)) != STORE_OK ||
		    (r = run(st, count_incidents, incidents, &o->incidents)) != STORE_OK ||
		    (r = purge_dated(st, o, at, true)) != STORE_OK ||
		    (r = run(st, count_bans, o->bans_before, &o->bans)) != STORE_OK ||
		    (r = run(st, count_persons, o->bans_before, &o->persons)) != STORE_OK ||
		    (r = run(st, count_audit, audit, &o->audit)) != STORE_OK)
			return r;
		return STORE_OK;
	}
	/* Traces first, while the bans and incidents still name their persons. */
	unsigned char key[32];
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_pseudonym_key(st, true, key)) != STORE_OK ||
	    (r = each_named(st, old_active_bans, key, o->bans_before, now, &o->kept,
			    keep_trace)) != STORE_OK ||
	    (r = each_named(st, old_incidents, key, incidents, now, &o->incidents,
			    pseudonymise)) != STORE_OK ||
	    (r = purge_dated(st, o, at, false)) != STORE_OK)
		return r;
	/* ban_history is append-only except while purge.running is set, in this transaction. */
	if ((r = store_meta_put(st, "purge.running", "1", false)) != STORE_OK ||
	    (r = run(st, "PRAGMA defer_foreign_keys = ON", NULL, NULL)) != STORE_OK ||
	    (r = run(st, delete_persons, o->bans_before, &o->persons)) != STORE_OK)
		return r;
	for (size_t i = 0; i < sizeof delete_bans / sizeof *delete_bans; i++) {
		size_t n = 0;
		if ((r = run(st, delete_bans[i], o->bans_before, &n)) != STORE_OK)
			return r;
		if (i + 1 == sizeof delete_bans / sizeof *delete_bans)
			o->bans = n;
	}
	if ((r = run(st, "DELETE FROM meta WHERE key = 'purge.running'", NULL, NULL)) != STORE_OK ||
	    (r = purge_audit(st, audit, &o->audit)) != STORE_OK)
		return r;
	char detail[512];
	snprintf(detail, sizeof detail,
		 "bans=%zu persons=%zu alarms=%zu presence=%zu appointments=%zu audit=%zu "
		 "incidents=%zu kept=%zu offences=%zu visits=%zu "
		 "(ended before %s; audit before %s; incidents before %s)", o->bans, o->persons,
		 o->alarms, o->presence, o->appointments, o->audit, o->incidents, o->kept,
		 o->offences, o->visits, o->bans_before, o->audit_before, o->incidents_before);
	return store_audit_write(st, "retention.purge", "database", "ok", detail);
}

static enum store_status prepare(struct store *st, const struct purge_policy *p,
				 const char *today, struct purge_report *o)
{
	memset(o, 0, sizeof *o);
	if (!p || !today || cutoff(today, p->bans_months, o->bans_before) ||
	    cutoff(today, p->alarms_months, o->alarms_before) ||
	    cutoff(today, p->presence_months, o->presence_before) ||
	    cutoff(today, p->appointments_months, o->appointments_before) ||
	    cutoff(today, p->audit_months, o->audit_before) ||
	    cutoff(today, p->incidents_months, o->incidents_before) ||
	    cutoff(today, p->offences_months, o->offences_before) ||
	    cutoff(today, p->visits_months, o->visits_before))
		return store_failf(st, STORE_INVALID, "%s",
				   _("purge: retention periods must be at least one month"));
	return STORE_OK;
}

enum store_status store_purge(struct store *st, const struct purge_policy *p, const char *today,
			      bool dry_run, struct purge_report *out)
{
	enum store_status r = prepare(st, p, today, out);
	if (r != STORE_OK)
		return r;
	if (dry_run) {
		/* One read transaction, so the counts belong together. */
		if ((r = store_read_begin(st, _("purging"))) != STORE_OK)
			return r;
		r = purge_in(st, out, true);
		store_read_end(st);
		return r;
	}
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	return store_end(st, purge_in(st, out, false));
}

enum store_status store_purge_daily(struct store *st, const struct purge_policy *p,
				    const char *today, bool *ran, struct purge_report *out)
{
	*ran = false;
	enum store_status r = prepare(st, p, today, out);
	if (r != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	/* Checked inside the write transaction: two consoles starting together purge once. */
	char last[DATES_DATE_LEN] = "";
	r = store_meta_get(st, "purge.last_day", last, sizeof last);
	if (r == STORE_OK && strcmp(last, today) == 0) {
		store_rollback(st);
		return STORE_OK;
	}
	if (r == STORE_OK || r == STORE_NOT_FOUND)
		r = purge_in(st, out, false);
	if (r == STORE_OK)
		r = store_meta_put(st, "purge.last_day", today, false);
	if (r == STORE_OK && (r = store_commit(st)) == STORE_OK) {
		*ran = true;
		return STORE_OK;
	}
	store_rollback(st);
	return r;
}

/* ------------------------------------------------------------------ subject access */

#define BANS_OF "SELECT id FROM ban WHERE person_id = ?1"
/* A name match: the visitor text holds the surname, and no date of birth contradicts. */
#define NAME_OF "(SELECT surname FROM person WHERE id = ?1)"
#define BORN_OF "(SELECT born FROM person WHERE id = ?1)"

static const struct {
	const char *section;
	const char *sql;
} export_queries[] = {
	{"person", "SELECT * FROM person WHERE id = ?1"},
	{"ban", "SELECT * FROM ban WHERE person_id = ?1 ORDER BY id"},
	{"ban_scope", "SELECT * FROM ban_scope WHERE ban_id IN (" BANS_OF ")"},
	{"ban_history", "SELECT * FROM ban_history WHERE ban_id IN (" BANS_OF ") ORDER BY id"},
	{"ban_exception", "SELECT * FROM ban_exception WHERE ban_id IN (" BANS_OF ") ORDER BY id"},
	{"ban_notice", "SELECT * FROM ban_notice WHERE ban_id IN (" BANS_OF ") ORDER BY id"},
	{"appointment?", "SELECT * FROM appointment WHERE instr(lower(visitor), lower(" NAME_OF
			 ")) > 0 AND (visitor_born = '' OR " BORN_OF " = '' OR visitor_born = "
			 BORN_OF ") ORDER BY starts"},
	{"incident", "SELECT * FROM incident WHERE id IN (SELECT incident_id FROM ban"
		     " WHERE person_id = ?1) ORDER BY at"},
	{"incident?", "SELECT i.* FROM incident i, person p WHERE p.id = ?1"
		      " AND i.id NOT IN (SELECT incident_id FROM ban WHERE person_id = ?1)"
		      " AND i.perp_surname <> '' AND i.perp_surname = p.surname COLLATE NOCASE"
		      " AND i.perp_prefix = p.prefix COLLATE NOCASE"
		      " AND (i.perp_born = '' OR p.born = '' OR i.perp_born = p.born) ORDER BY i.at"},
	{"incident_done?", "SELECT d.* FROM incident_done d, incident i, person p"
			  " WHERE p.id = ?1 AND d.incident_id = i.id AND i.perp_surname <> ''"
			  " AND i.perp_surname = p.surname COLLATE NOCASE"
			  " AND i.perp_prefix = p.prefix COLLATE NOCASE"
			  " AND (i.perp_born = '' OR p.born = '' OR i.perp_born = p.born)"
			  " ORDER BY d.incident_id"},
	{"home_visit?", "SELECT * FROM home_visit WHERE instr(lower(client), lower(" NAME_OF
			")) > 0 ORDER BY leaves_at"},
	{"audit", "SELECT id, at, actor, terminal, action, object, result, detail FROM audit"
		  " WHERE object IN (SELECT 'ban:' || id FROM ban WHERE person_id = ?1)"
		  " OR object IN (SELECT 'incident:' || incident_id FROM ban WHERE person_id = ?1)"
		  " OR object = 'person:' || ?1 ORDER BY id"},
	{"audit?", "SELECT id, at, actor, terminal, action, object, result, detail FROM audit"
		   " WHERE NOT (object IN (SELECT 'ban:' || id FROM ban WHERE person_id = ?1)"
		   " OR object = 'person:' || ?1)"
		   " AND (instr(lower(object), lower(" NAME_OF ")) > 0"
		   " OR instr(lower(detail), lower(" NAME_OF ")) > 0) ORDER BY id"},
};

enum store_status store_person_of_ban(struct store *st, int64_t ban_id, int64_t *person_id)
{
	static const char sql[] = "SELECT person_id FROM ban WHERE id = ?1";
	return store_get(st, sql, ban_id, store_first_int, person_id, _("reading the ban"),
			 _("no ban %lld"), (long long)ban_id);
}

enum store_status store_person_export(struct store *st, int64_t person_id,
				      int (*fn)(const char *section, int ncols,
						const char *const *names,
						const char *const *values, void *arg),
				      void *arg)
{
	enum store_status r = STORE_OK;
	bool found = false;
	/* One read transaction: the sections describe one moment. */
	if ((r = store_read_begin(st, _("reading the person"))) != STORE_OK)
		return r;
	for (size_t q = 0; q < sizeof export_queries / sizeof *export_queries && r == STORE_OK;
	     q++) {
		sqlite3_stmt *s;
		r = store_prepare(st, &s, export_queries[q].sql, _("reading the person"),
				  STORE_INT(person_id));
		if (r != STORE_OK)
			break;
		int n = sqlite3_column_count(s), rc;
		const char *names[64], *values[64];
		if (n > 64)
			n = 64;
		bool stop = false;
		while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
			for (int i = 0; i < n; i++) {
				const unsigned char *t = sqlite3_column_text(s, i);
				names[i] = sqlite3_column_name(s, i);
				values[i] = t ? (const char *)t : "";
			}
			if (q == 0)
				found = true;
			else if (!found)
				break; /* no such person: nothing else to look for */
			stop = fn(export_queries[q].section, n, names, values, arg) != 0;
		}
		if (!stop && rc != SQLITE_DONE && rc != SQLITE_ROW)
			r = store_fail(st, _("reading the person"));
		store_done(s);
		if (stop || (q == 0 && !found))
			break;
	}
	store_read_end(st);
	if (r == STORE_OK && !found)
		r = store_failf(st, STORE_NOT_FOUND, _("no person %lld"), (long long)person_id);
	return r;
}
