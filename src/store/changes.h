/* changes — what changed in the database, per domain, as counters that triggers bump in the
 * transaction of every write: a console working on the file directly asks which domains
 * moved instead of reading the audit trail. */
#ifndef BALIE_STORE_CHANGES_H
#define BALIE_STORE_CHANGES_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* The domains: X(ID, name, tables). A table written as "person:ud" counts updates and
 * deletes only (its inserts always come with a row of another table listed here). A new
 * domain is one line here; the next open installs its triggers. */
#define STORE_CHANGE_DOMAINS(X)                                               \
	X(ALARMS, "alarms", "alarm")                                          \
	X(BANS, "bans", "ban ban_exception person:ud")                        \
	X(NOTICES, "notices", "ban_notice ban_notice_seen")                   \
	X(APPOINTMENTS, "appointments", "appointment")                        \
	X(STAFF, "staff", "staff presence evening_roster staffing_unreachable") \
	X(VISITS, "visits", "home_visit")                                     \
	X(AUDIT, "audit", "audit")                                            \
	X(INCIDENTS, "incidents", "incident incident_done incident_tally")

enum store_change {
#define STORE_CHANGE_ENUM(id, name, tables) STORE_CHANGE_##id,
	STORE_CHANGE_DOMAINS(STORE_CHANGE_ENUM)
#undef STORE_CHANGE_ENUM
	STORE_CHANGE_COUNT
};

/* The domain's name ("bans"), or "?" for a value out of range. */
const char *store_change_name(enum store_change d);

/* The counters of the first n domains (in enum order) into out; a domain's counter only
 * grows, by at least one per committed write to its tables. */
enum store_status store_change_counters(struct store *st, uint64_t *out, size_t n);

/* The bits (1 << domain) of the domains whose counter differs between before and after. */
unsigned store_change_mask(const uint64_t *before, const uint64_t *after, size_t n);

/* Bump a domain's counter by `by` inside the caller's transaction: for a bulk write that
 * set its triggers aside (store_ban_import). */
enum store_status store_changes_bump(struct store *st, enum store_change d, uint64_t by);

/* For store_migrate: the list of domains as one string (a change means: reinstall), and
 * the installing of every domain's row and triggers inside the caller's transaction. */
const char *store_changes_signature(void);
enum store_status store_changes_install(struct store *st);

#endif
