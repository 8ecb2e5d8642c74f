/* visits — the rules of the home-visit back-up board (achterwacht): when a visit is overdue
 * and how its times are read; pure functions, no I/O. */
#ifndef BALIE_VISITS_H
#define BALIE_VISITS_H

#include <stdbool.h>
#include <time.h>

#include "core/dates.h"
#include "core/named.h"

/* Where a home visit stands at a given instant. */
enum visit_state {
	VISIT_OUT,      /* out, nothing due yet */
	VISIT_CALL_DUE, /* the "call me at" time passed without a "back": overdue */
	VISIT_OVERDUE,  /* the expected return passed without a "back": overdue */
	VISIT_BACK      /* back (an outcome is recorded) */
};

/* The state at now. call_at and back_at are 0 when not set. */
enum visit_state visits_state(time_t expected_back, time_t call_at, time_t back_at, time_t now);

/* Whether a state must show on every console as overdue (with the phone number). */
bool visits_overdue(enum visit_state s);

/* The first instant the visit becomes overdue: call_at when set and earlier, else the
 * expected return. */
time_t visits_deadline(time_t expected_back, time_t call_at);

/* Machine name ("out", "call", "overdue", "back") and translated label. */
const char *visits_state_name(enum visit_state s);
const char *visits_state_label(enum visit_state s);

/* Why a time given for a visit was refused. */
enum visits_time {
	VISITS_TIME_OK = DATES_LOCAL_OK, /* the first three as dates_read_local says */
	VISITS_TIME_MALFORMED = DATES_LOCAL_MALFORMED, /* neither "HH:MM" nor "YYYY-MM-DD HH:MM" */
	VISITS_TIME_NO_SUCH = DATES_LOCAL_NO_SUCH,     /* skipped by the change to summer time */
	VISITS_TIME_PAST                               /* not after now */
};

/* Read "HH:MM" (today, local time) or "YYYY-MM-DD HH:MM" into an instant after now. A
 * wall-clock time that occurs twice (the change to winter time) is taken the first time,
 * so nobody is noticed an hour late. */
enum visits_time visits_parse_time(const char *s, time_t now, time_t *out);

/* Issue 13: the risk assessed before a home visit (Ermelo 4.1). */
enum visit_risk { VISIT_RISK_UNKNOWN, VISIT_RISK_NORMAL, VISIT_RISK_RAISED, VISIT_RISK_COUNT };

/* Machine name ("", "normal", "raised"), translated label, and parse (0 or -1; "" is not
 * accepted: the risk must be assessed). Defined by NAMED_FUNCTIONS in visits.c. */
NAMED_DECLARE(visits_risk, enum visit_risk);

/* Two go together when the risk is raised or the client is on the ban list. */
bool visits_companion_required(enum visit_risk r, bool ban_hit);

#endif
