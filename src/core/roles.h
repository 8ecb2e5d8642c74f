/* roles — who may do what at the desk; pure rules, no I/O. */
#ifndef BALIE_ROLES_H
#define BALIE_ROLES_H

#include <stdbool.h>

enum role { ROLE_NONE, ROLE_RECEPTIONIST, ROLE_PORTER, ROLE_MANAGER, ROLE_HR, ROLE_COUNT };

enum permission {
	PERM_CHECK_VISITOR,   /* search the ban list */
	PERM_RAISE_ALARM,
	PERM_HANDLE_ALARM,    /* acknowledge, resolve, false alarm */
	PERM_STAFFING,        /* check in/out, roster */
	PERM_FLAG_APPT,       /* flag risky appointments, add appointments */
	PERM_EDIT_BAN,        /* impose, extend, lift bans */
	PERM_SEE_REASON,      /* see reasons and incident details, expired bans */
	PERM_EXPORT,          /* export bans */
	PERM_ADMIN,           /* audit trail, purge, backup, restore, person export (hr) */
	PERM_REPORT_INCIDENT, /* issue 13: register an incident or a tally mark (anyone) */
	PERM_INCIDENTS,       /* see, update and complete incidents, their follow-up and the
			       * report (manager, hr) */
	PERM_COUNT
};

/* Machine name ("receptionist", "porter", "manager", "hr") and translated label. */
const char *roles_name(enum role r);
const char *roles_label(enum role r);

/* Parse a machine name; 0 on success, -1 when unknown. */
int roles_parse(const char *s, enum role *out);

/* Whether role r may do p. */
bool roles_may(enum role r, enum permission p);

/* Whether role big may do everything role small may (a session may act as a lesser role,
 * never a greater one). */
bool roles_covers(enum role big, enum role small);

/* What p allows, translated, for "role X may not ..." ("edit bans"). */
const char *roles_permission_text(enum permission p);

#endif
