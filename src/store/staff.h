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

#endif
