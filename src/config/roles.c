/* config/roles — the roles section of balie.conf (login users and @groups per role) and the
 * lookup of a login user's role, by name first, then by Unix group membership. */
#include "autoconfig.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "config/internal.h"
#include "i18n.h"

/* The roles that have a list in the section, in the order of its options; each option is
 * named as roles_name names the role (config_roles_prepare makes them). */
static const enum role listed[] = {ROLE_RECEPTIONIST, ROLE_PORTER, ROLE_MANAGER, ROLE_HR};
#define NLISTED (sizeof listed / sizeof *listed)

/* A user or @group in one role list: well formed and named under one role only. */
static int v_role_list(cfg_t *cfg, cfg_opt_t *opt)
{
	const char *lists[NLISTED];
	for (size_t l = 0; l < NLISTED; l++)
		lists[l] = roles_name(listed[l]);
	unsigned n = cfg_opt_size(opt);
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		if (config_check_text(cfg, opt, s, MAX_NAME, false) != 0)
			return -1;
		/* Group names may hold spaces ("@domain users"), login names may not; a
		 * leading or trailing space is a typo either way. */
		size_t len = strlen(s);
		if (strcmp(s, "@") == 0 || s[0] == ' ' || s[len - 1] == ' ' ||
		    (s[0] != '@' && strchr(s, ' ')) || (s[0] == '@' && s[1] == ' '))
			return config_failf(cfg, opt, _("\"%s\" is not a login name or @group"), s);
		int l = config_list_holding(cfg, opt, i, lists, NLISTED);
		if (l >= 0 && cfg_getopt(cfg, lists[l]) == opt)
			return config_failf(cfg, opt, _("\"%s\" is named twice"), s);
		if (l >= 0)
			return config_failf(cfg, opt, _("\"%s\" is already named under %s"), s,
					    lists[l]);
	}
	return 0;
}

static int v_roles(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_section_once(cfg, opt, &config_ctx->roles_seen);
}

cfg_opt_t config_roles_opts[NLISTED + 1];

void config_roles_prepare(void)
{
	for (size_t r = 0; r < NLISTED; r++) {
		cfg_opt_t o = CFG_STR_LIST(roles_name(listed[r]), "{}", CFGF_NONE);
		config_roles_opts[r] = o;
	}
	cfg_opt_t end = CFG_END();
	config_roles_opts[NLISTED] = end;
}

void config_roles_validators(cfg_t *cfg)
{
	(void)cfg_set_validate_func(cfg, "roles", v_roles);
	for (size_t r = 0; r < NLISTED; r++) {
		char name[64];
		snprintf(name, sizeof name, "roles|%s", roles_name(listed[r]));
		(void)cfg_set_validate_func(cfg, name, v_role_list);
	}
}

void config_roles_from(struct config *c, cfg_t *roles, bool *oom)
{
	size_t total = 0;
	for (size_t r = 0; r < NLISTED; r++)
		total += cfg_size(roles, roles_name(listed[r]));
	c->roles = calloc(total ? total : 1, sizeof *c->roles);
	if (!c->roles) {
		*oom = true;
		return;
	}
	for (size_t r = 0; r < NLISTED; r++) {
		const char *list = roles_name(listed[r]);
		for (unsigned i = 0; i < cfg_size(roles, list); i++) {
			struct config_user_role *u = &c->roles[c->nroles++];
			u->name = config_dup(cfg_getnstr(roles, list, i), oom);
			u->role = listed[r];
		}
	}
}

/* Whether user belongs to Unix group name (primary or supplementary). */
static bool in_group(const char *user, const char *name)
{
	struct group *gr = getgrnam(name);
	struct passwd *pw = getpwnam(user);
	if (!gr || !pw)
		return false;
	gid_t gid = gr->gr_gid;
	int n = 32;
	gid_t *groups = NULL;
	for (int tries = 0; tries < 4; tries++) {
		gid_t *g = realloc(groups, (size_t)n * sizeof *g);
		if (!g)
			break;
		groups = g;
		int got = n;
		if (getgrouplist(user, pw->pw_gid, groups, &got) >= 0) {
			bool found = false;
			for (int i = 0; i < got; i++)
				found = found || groups[i] == gid;
			free(groups);
			return found;
		}
		/* got now holds the number needed. */
		n = got > n ? got : n * 2;
	}
	free(groups);
	return false;
}

bool config_role_name_known(const char *name)
{
	if (name[0] == '@')
		return getgrnam(name + 1) != NULL;
	/* "#UID" as service.c names a caller without an account name. */
	if (name[0] == '#')
		return name[1] != '\0' && strspn(name + 1, "0123456789") == strlen(name + 1);
	return getpwnam(name) != NULL;
}

enum role config_role_for(const struct config *c, const char *user)
{
	if (!c)
		return ROLE_NONE;
	if (!user || !*user)
		return c->default_role;
	for (size_t i = 0; i < c->nroles; i++)
		if (c->roles[i].name[0] != '@' && strcmp(c->roles[i].name, user) == 0)
			return c->roles[i].role;
	/* Several groups may match: the highest role wins, as a manager stays a manager
	 * when also in the desk's group. */
	enum role best = ROLE_NONE;
	for (size_t i = 0; i < c->nroles; i++)
		if (c->roles[i].name[0] == '@' && c->roles[i].role > best &&
		    in_group(user, c->roles[i].name + 1))
			best = c->roles[i].role;
	return best != ROLE_NONE ? best : c->default_role;
}
