/* staff — support-team and counter staff, their presence (in/out) and the evening roster. */
#ifndef BALIE_STORE_STAFF_H
#define BALIE_STORE_STAFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "store/db.h"

enum staff_team { TEAM_SUPPORT, TEAM_COUNTER };

#define STAFF_TEXT_MAX 128

struct staff_member {
	int64_t id;
	char name[STAFF_TEXT_MAX];
	enum staff_team team;
	char phone[STAFF_TEXT_MAX];
	bool present;
	time_t since;        /* check-in time when present */
	bool evening;        /* on the evening roster of the date asked for */
};

/* "support"/"counter" and back. */
const char *store_staff_team_name(enum staff_team t);
int store_staff_team_parse(const char *s, enum staff_team *out);

/* Add a staff member; STORE_CONFLICT when the name exists. */
enum store_status store_staff_add(struct store *st, const char *name, enum staff_team team,
				  const char *phone);

/* Check in / out now; STORE_NOT_FOUND for an unknown name, STORE_CONFLICT when already in
 * (for in) or not in (for out). */
enum store_status store_staff_in(struct store *st, const char *name);
enum store_status store_staff_out(struct store *st, const char *name);

/* Put on / take off the evening roster of a local date "YYYY-MM-DD". */
enum store_status store_staff_roster(struct store *st, const char *name, const char *date, bool on);

/* Everybody, by team then name, with presence now and roster for date (may be NULL).
 * Free *out with free(). */
enum store_status store_staff_list(struct store *st, const char *date,
				   struct staff_member **out, size_t *n);

/* ---------------------------------------------------------------- issue 6 additions */

#define STAFF_NOTE_MAX 512

/* "Nobody of the support team reachable, reception informed" for a period of a date. */
struct staff_unreachable {
	int64_t id;
	char building[64];
	char date[11];                 /* local date "YYYY-MM-DD" */
	char period[8];                /* "day", "evening" or the period's start "HH:MM" */
	char note[STAFF_NOTE_MAX];
	time_t recorded_at;
	char recorded_by[STAFF_TEXT_MAX];
};

/* Record it (a manager's statement) for building on date; period as
 * policy_period_spec_check() accepts. STORE_INVALID for a bad date, period or empty note,
 * STORE_CONFLICT when the same period of that date is already recorded. */
enum store_status store_staff_unreachable(struct store *st, const char *building,
					  const char *date, const char *period, const char *note,
					  int64_t *id_out);

/* Withdraw a record (someone turned up after all); kept, marked withdrawn. STORE_NOT_FOUND
 * when there is no such record in force. */
enum store_status store_staff_unreachable_withdraw(struct store *st, int64_t id);

/* The records in force for building on the dates from..to (inclusive), by date then time
 * recorded. Free *out with free(). */
enum store_status store_staff_unreachable_list(struct store *st, const char *building,
					       const char *from, const char *to,
					       struct staff_unreachable **out, size_t *n);

/* Close a forgotten presence (see policy_presence_check) at instant at, with who did it
 * and why, never silently: at must lie between the check-in and now, note must not be
 * empty. STORE_CONFLICT when not checked in, STORE_INVALID for a bad time or note. */
enum store_status store_staff_out_at(struct store *st, const char *name, time_t at,
				     const char *note);

#endif
