/* roles — the roles at the desk and what each may do; each role has the rights of the one
 * before it (receptionist < porter < manager < hr). Pure rules, no I/O. */
#include "autoconfig.h"

#include <string.h>

#include "core/roles.h"
#include "i18n.h"

#define P(p) (1u << (p))

static const struct {
	const char *name;   /* as in balie.conf */
	const char *label;  /* msgid */
	unsigned perms;
} roles[ROLE_COUNT] = {
	[ROLE_NONE] = {"none", N_("no role"), 0},
	[ROLE_RECEPTIONIST] = {"receptionist", N_("receptionist"),
			       P(PERM_CHECK_VISITOR) | P(PERM_RAISE_ALARM) |
				       P(PERM_REPORT_INCIDENT)},
	[ROLE_PORTER] = {"porter", N_("porter"),
			 P(PERM_CHECK_VISITOR) | P(PERM_RAISE_ALARM) | P(PERM_HANDLE_ALARM) |
				 P(PERM_STAFFING) | P(PERM_REPORT_INCIDENT)},
	[ROLE_MANAGER] = {"manager", N_("manager"),
			  P(PERM_CHECK_VISITOR) | P(PERM_RAISE_ALARM) | P(PERM_HANDLE_ALARM) |
				  P(PERM_STAFFING) | P(PERM_FLAG_APPT) | P(PERM_EDIT_BAN) |
				  P(PERM_SEE_REASON) | P(PERM_REPORT_INCIDENT) |
				  P(PERM_INCIDENTS)},
	[ROLE_HR] = {"hr", N_("HR"), P(PERM_COUNT) - 1},
};

const char *roles_name(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? roles[r].name : "?";
}

const char *roles_label(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? _(roles[r].label) : "?";
}

int roles_parse(const char *s, enum role *out)
{
	if (!s)
		return -1;
	/* "none" is not a role one can be given: start after ROLE_NONE. */
	for (int i = ROLE_RECEPTIONIST; i < ROLE_COUNT; i++) {
		if (strcmp(roles[i].name, s) == 0) {
			*out = (enum role)i;
			return 0;
		}
	}
	return -1;
}

bool roles_may(enum role r, enum permission p)
{
	if ((unsigned)r >= ROLE_COUNT || (unsigned)p >= PERM_COUNT)
		return false;
	return (roles[r].perms & P(p)) != 0;
}

bool roles_covers(enum role big, enum role small)
{
	if ((unsigned)big >= ROLE_COUNT || (unsigned)small >= ROLE_COUNT)
		return false;
	return (roles[small].perms & ~roles[big].perms) == 0;
}

const char *roles_permission_text(enum permission p)
{
	/* What a permission allows, for "role X may not ...". */
	static const char *const text[PERM_COUNT] = {
		[PERM_CHECK_VISITOR] = N_("check visitors"),
		[PERM_RAISE_ALARM] = N_("raise alarms"),
		[PERM_HANDLE_ALARM] = N_("handle alarms"),
		[PERM_STAFFING] = N_("change the staffing"),
		[PERM_FLAG_APPT] = N_("add or flag appointments"),
		[PERM_EDIT_BAN] = N_("edit bans"),
		[PERM_SEE_REASON] = N_("see reasons or expired bans"),
		[PERM_EXPORT] = N_("export bans"),
		[PERM_ADMIN] = N_("use the audit trail, purge, backup, restore or person export"),
		[PERM_REPORT_INCIDENT] = N_("register incidents"),
		[PERM_INCIDENTS] = N_("see, complete or follow up incidents, or see the report"),
	};
	return (unsigned)p < PERM_COUNT && text[p] ? _(text[p]) : "?";
}
