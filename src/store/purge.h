/* purge — storage limitation (GDPR art. 5(1)(e)): removes what is past its retention period
 * (bans and their persons, alarms, presence, appointments, home visits, old audit lines),
 * pseudonymises old incidents, keeps what repeat offences need as keyed hashes, and records
 * it. */
#ifndef BALIE_STORE_PURGE_H
#define BALIE_STORE_PURGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* Months each kind of record is kept after its end; every value >= 1. */
struct purge_policy {
	int bans_months;         /* after the ban ended or was lifted (person goes with it) */
	int alarms_months;       /* after an alarm was raised (open alarms are kept) */
	int presence_months;     /* after a check-in (open presences are kept) */
	int appointments_months; /* after the appointment ended */
	int audit_months;        /* audit lines */
	int incidents_months;    /* after an incident: its perpetrator and texts are erased */
	int offences_months;     /* pseudonymised traces, after the purge made them */
	int visits_months;       /* after a home visit's return (visits still out are kept) */
};

struct config;
/* The retention periods of the configuration (section retention) as a purge policy. */
void purge_policy_of_config(const struct config *cfg, struct purge_policy *p);

/* What a purge removed, or would remove (dry run). */
struct purge_report {
	size_t bans, persons, alarms, presence, appointments, audit;
	size_t incidents;        /* incidents pseudonymised */
	size_t kept;             /* traces kept of the purged bans (active ones) */
	size_t offences;         /* traces older than offences_months removed (and incidents'
				  * hashes) */
	size_t visits;           /* home visits removed */
	char bans_before[11];    /* the cut-off dates used, "YYYY-MM-DD" (local) */
	char alarms_before[11], presence_before[11], appointments_before[11], audit_before[11];
	char incidents_before[11], offences_before[11], visits_before[11];
};

/* Remove everything past its period as of the local date today ("YYYY-MM-DD"), in one
 * transaction with an audit line "retention.purge" naming the counts; with dry_run only
 * count. STORE_INVALID for a period < 1 or a malformed date. */
enum store_status store_purge(struct store *st, const struct purge_policy *p, const char *today,
			      bool dry_run, struct purge_report *out);

/* The daily purge at console start-up: runs store_purge once per local date across all
 * consoles (the date is kept in the database); *ran tells whether it ran now. */
enum store_status store_purge_daily(struct store *st, const struct purge_policy *p,
				    const char *today, bool *ran, struct purge_report *out);

/* Everything held about one person, for a data subject access request (GDPR art. 15):
 * calls fn once per record with its section ("person", "ban", "ban_history", ...), column
 * names and values (borrowed, valid during the call). Appointments, incidents, home visits
 * and audit lines are found by name (and date of birth): "appointment?", "incident?",
 * "home_visit?" and "audit?" sections may hold namesakes, to be checked before handing the
 * export out; "incident" holds the incidents the person's bans answer to. STORE_NOT_FOUND: no person id. */
enum store_status store_person_export(struct store *st, int64_t person_id,
				      int (*fn)(const char *section, int ncols,
						const char *const *names,
						const char *const *values, void *arg),
				      void *arg);

/* The person a ban belongs to; STORE_NOT_FOUND when there is no such ban. */
enum store_status store_person_of_ban(struct store *st, int64_t ban_id, int64_t *person_id);

#endif
