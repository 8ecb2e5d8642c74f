/* incidents — incidents in SQLite (tables incident, incident_done, incident_tally): register,
 * complete and update them, mark their follow-up steps done, tally small misbehaviour, count
 * earlier offences of the same person, and read what the half-yearly report counts. */
#ifndef BALIE_STORE_INCIDENTS_H
#define BALIE_STORE_INCIDENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/lib.h"
#include "store/db.h"

#define INCIDENT_NAME_MAX 128     /* place, employee, parts of a name */
#define INCIDENT_PERSON_MAX 256   /* the perpetrator as written, address */
#define INCIDENT_TEXT_MAX 2000    /* description */
#define INCIDENT_NOTE_MAX 500     /* witnesses, measures, prevention, notes */

/* One incident as registered and completed. Texts are "" when not given. */
struct incident {
	int64_t id;
	time_t at;
	enum incident_category category;
	enum incident_channel channel;
	char place[INCIDENT_NAME_MAX];
	char employee[INCIDENT_NAME_MAX];
	/* The perpetrator as written; the store splits it (incidents_split_name). */
	char perpetrator[INCIDENT_PERSON_MAX];
	char perp_given[INCIDENT_NAME_MAX], perp_prefix[64], perp_surname[INCIDENT_NAME_MAX];
	char perp_born[DATES_DATE_LEN];
	char perp_address[INCIDENT_PERSON_MAX];
	char perp_phone[64];
	char description[INCIDENT_TEXT_MAX + 1];
	char witnesses[INCIDENT_NOTE_MAX + 1];
	enum incident_injury injury;
	int64_t damage_personal, damage_municipal;   /* euro cents */
	enum incident_answer risk_assessed;
	char measures[INCIDENT_NOTE_MAX + 1];         /* measures taken beforehand */
	enum incident_police police;
	char police_date[DATES_DATE_LEN];
	char police_number[64];
	enum incident_answer aftercare;
	char conversation_date[DATES_DATE_LEN];
	char minutes_sent[DATES_DATE_LEN];
	enum incident_answer preventable;
	char prevention[INCIDENT_NOTE_MAX + 1];       /* how it could have been prevented */
	enum incident_answer discussed;               /* discussed in the team */
	int64_t alarm_id;                             /* the alarm it followed, 0 when none */
	time_t completed_at;                          /* 0 while not complete */
	char completed_by[INCIDENT_NAME_MAX];
	time_t created_at;
	char created_by[INCIDENT_NAME_MAX];
	int version;
	time_t pseudonymised_at;                      /* 0 until the retention purge */
};

/* Register an incident (in->id, completion, version and the split name are ignored): any
 * operator may. at must not lie in the future; place and employee must not be empty; a
 * perpetrator must hold a surname; a police report needs its date and number. The new id
 * goes to *id_out. STORE_INVALID with the field named otherwise. */
enum store_status store_incident_add(struct store *st, const struct incident *in,
				     int64_t *id_out);

/* Read one incident; STORE_NOT_FOUND when there is none. */
enum store_status store_incident_get(struct store *st, int64_t id, struct incident *out);

/* Write every field of in->id when its version is still in->version (STORE_CONFLICT when
 * someone changed it meanwhile, or it was pseudonymised); the same checks as add. A
 * complete incident stays complete only while its answers stay given (STORE_INVALID). */
enum store_status store_incident_update(struct store *st, const struct incident *in);

/* Mark complete (manager or HR): every answer of incidents_form_missing must be given
 * (STORE_INVALID naming the options otherwise); STORE_CONFLICT when complete already or
 * changed meanwhile (expected_version < 0 skips that check). */
enum store_status store_incident_complete(struct store *st, int64_t id, int expected_version);

/* Incidents that happened in [from, to) (0 = open-ended), by time. Free *out with free(). */
enum store_status store_incident_list(struct store *st, time_t from, time_t to,
				      struct incident **out, size_t *n);

/* Add a tally mark (small misbehaviour, counted only) at instant at (not in the future);
 * place may be "". The new id goes to *id_out (may be NULL). */
enum store_status store_incident_tally(struct store *st, time_t at, enum incident_category c,
				       enum incident_channel ch, const char *place,
				       int64_t *id_out);

/* ---------------------------------------------------------------- follow-up */

/* A follow-up step of one incident, with whether and by whom it was marked done. */
struct incident_followup {
	struct incident_due due;
	enum incident_due_state state;
	bool marked;                       /* marked done (rather than done by the form) */
	time_t done_at;
	char done_by[INCIDENT_NAME_MAX];
	char note[INCIDENT_NOTE_MAX + 1];
};

/* The steps of incident in under policy p at now (into out[INCIDENTS_MAX_ITEMS]), with the
 * marks of incident_done. The offence (first or repeat) that decides whether the sanction
 * table proposes an order conversation is counted here. */
enum store_status store_incident_followups(struct store *st, const struct incident *in,
					   const struct incidents_policy *p, time_t now,
					   struct incident_followup *out, size_t *n);

/* Mark step key of incident id done at done_at (not in the future, not before the
 * incident) by the store's actor, with a note. STORE_INVALID when key is not a step this
 * incident asks for; STORE_CONFLICT when it is done already; STORE_NOT_FOUND for an unknown
 * incident. */
enum store_status store_incident_done(struct store *st, int64_t id,
				      const struct incidents_policy *p, const char *key,
				      time_t done_at, const char *note);

/* One step of the follow-up list of every incident. */
struct incident_due_row {
	int64_t incident_id;
	time_t at;
	enum incident_category category;
	char place[INCIDENT_NAME_MAX];
	struct incident_followup f;
};

/* The steps to do (open or overdue; with all also later and done ones) of every incident
 * not yet pseudonymised: overdue first, then by due time. Free *out with free(). */
enum store_status store_incident_due(struct store *st, const struct incidents_policy *p,
				     time_t now, bool all, struct incident_due_row **out,
				     size_t *n);

/* ---------------------------------------------------------------- repeat offences */

/* Earlier offences of incident id's perpetrator: bans and warnings of the same person
 * (active or ended, drafts not), incidents that happened before it, and the pseudonymised
 * traces the purge kept. All zero when it names no perpetrator. */
enum store_status store_incident_earlier(struct store *st, int64_t id,
					 struct incidents_earlier *out);

/* Earlier offences of a person named directly (ban add, ban propose): bans and warnings
 * (exclude_ban left out, 0 = none) and pseudonymised traces; incidents are not counted here,
 * as the ban being made may answer to one of them (see store_incident_earlier). */
enum store_status store_person_earlier(struct store *st, const char *given, const char *prefix,
				       const char *surname, const char *born, int64_t exclude_ban,
				       struct incidents_earlier *out);

/* The same for the person with this id (STORE_NOT_FOUND when there is none). */
enum store_status store_person_earlier_by_id(struct store *st, int64_t person_id,
					     struct incidents_earlier *out);

/* The pseudonymised traces (purged bans, pseudonymised incidents before `before`; 0 = any
 * time) that match a person; 0 when no key was ever made. */
enum store_status store_offences_kept(struct store *st, const char *given, const char *prefix,
				      const char *surname, const char *born, time_t before,
				      size_t *out);

/* ---------------------------------------------------------------- the report */

/* Everything the report counts in [from, to) (instants; the caller then counts by local
 * date): incidents and tallies, without names. Free both arrays with free(). */
enum store_status store_incident_report(struct store *st, time_t from, time_t to,
					struct incidents_record **rec, size_t *nrec,
					struct incidents_tally **tally, size_t *ntally);

#endif
