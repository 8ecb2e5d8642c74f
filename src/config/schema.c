/* config/schema — the option tree of balie.conf: the root options with their validators,
 * the retention and protocol sections, and the tree every part's tables hang from. */
#include "autoconfig.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "config/internal.h"
#include "core/lib.h"
#include "i18n.h"

#define DEFAULT_DATABASE "/var/lib/balie/balie.db"
#define DEFAULT_MUNICIPALITY "Gemeente Voorbeeld"
#define SUPPORT_MIN 0
#define SUPPORT_MAX 20
#define REALARM_MIN 5
#define REALARM_MAX 3600
#define WARNING_BEFORE_MAX (24 * 60)
#define RETENTION_MIN 1      /* months: the GDPR allows no "keep for ever" */
#define RETENTION_MAX 1200

/* Each root option may be given once: a second value would silently win. */
static int once(cfg_t *cfg, cfg_opt_t *opt)
{
	static const char *const names[] = {"database", "language", "municipality",
					    "this_building", "support_minimum",
					    "realarm_interval", "default_role",
					    "staffing_warning_before", "socket", "alarm_point"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (strcmp(names[i], cfg_opt_name(opt)) != 0)
			continue;
		if (config_ctx->seen[i]++ > 0)
			return config_fail(cfg, cfg_opt_name(opt),
				    _("is given twice (remove one of the two lines)"));
	}
	return 0;
}

static int v_database(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	return config_check_text(cfg, opt, cfg_opt_getnstr(opt, 0), PATH_MAX - 1, false);
}

/* The service's socket: an absolute path that fits a Unix socket address. */
static int v_socket(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	const char *s = cfg_opt_getnstr(opt, 0);
	if (config_check_text(cfg, opt, s, 107, false) != 0)
		return -1;
	if (s[0] != '/')
		return config_fail(cfg, cfg_opt_name(opt), _("must be an absolute path"));
	return 0;
}

static int v_language(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	const char *s = cfg_opt_getnstr(opt, 0);
	if (s && (strcmp(s, "") == 0 || strcmp(s, "nl") == 0 || strcmp(s, "en") == 0))
		return 0;
	char shown[128];
	return config_failf(cfg, opt, _("unknown language \"%s\" (use \"nl\", \"en\" or \"\" "
					"to follow the locale)"), text_shown(s, shown, sizeof shown));
}

static int v_municipality(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	return config_check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_NAME, false);
}

static int v_this_building(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	const char *s = cfg_opt_getnstr(opt, 0);
	config_ctx->this_building_line = cfg->line;
	if (s && (!*s || config_valid_id(s)))
		return 0;
	if (config_check_text(cfg, opt, s, MAX_NAME, true) != 0)
		return -1;
	return config_failf(cfg, opt, _("\"%s\" is not a building id (only a-z, 0-9, _ and -)"),
			    s ? s : "");
}

static int v_alarm_point(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	config_ctx->alarm_point_line = cfg->line;
	return config_check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_NAME, true);
}

/* A root integer option, given once, from lo to hi. */
static int check_range(cfg_t *cfg, cfg_opt_t *opt, long lo, long hi)
{
	return once(cfg, opt) != 0 ? -1 : config_check_range(cfg, opt, lo, hi);
}

static int v_support_minimum(cfg_t *cfg, cfg_opt_t *opt)
{
	return check_range(cfg, opt, SUPPORT_MIN, SUPPORT_MAX);
}

static int v_realarm(cfg_t *cfg, cfg_opt_t *opt)
{
	return check_range(cfg, opt, REALARM_MIN, REALARM_MAX);
}

static int v_warning_before(cfg_t *cfg, cfg_opt_t *opt)
{
	return check_range(cfg, opt, 0, WARNING_BEFORE_MAX);
}

static int v_default_role(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	const char *s = cfg_opt_getnstr(opt, 0);
	enum role r;
	/* "none": users the configuration does not name may not use balie (the default). */
	if (roles_parse(s, &r) == 0 || (s && strcmp(s, "none") == 0))
		return 0;
	char shown[128];
	return config_failf(cfg, opt, _("unknown role \"%s\" (use none, receptionist, porter, "
					"manager or hr)"), text_shown(s, shown, sizeof shown));
}

/* ---- retention (issue 7) */

static int v_retention(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_section_once(cfg, opt, &config_ctx->retention_seen);
}

static int v_retention_months(cfg_t *cfg, cfg_opt_t *opt)
{
	long v = cfg_opt_getnint(opt, 0);
	if (v >= RETENTION_MIN && v <= RETENTION_MAX)
		return 0;
	return config_failf(cfg, opt, _("%ld months is out of range (%d..%d)"), v, RETENTION_MIN,
			    RETENTION_MAX);
}

static int v_protocol_text(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_TEXT, true);
}

static int v_protocol(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_section_once(cfg, opt, &config_ctx->protocol_seen);
}

/* ------------------------------------------------------------------ the tree */

/* Retention periods in months (issue 7); the defaults are those of data/balie.conf. */
static cfg_opt_t retention_opts[] = {
	CFG_INT("bans_months", 12, CFGF_NONE),
	CFG_INT("alarms_months", 24, CFGF_NONE),
	CFG_INT("presence_months", 24, CFGF_NONE),
	CFG_INT("appointments_months", 12, CFGF_NONE),
	CFG_INT("audit_months", 60, CFGF_NONE),
	CFG_INT("incidents_months", 60, CFGF_NONE),
	CFG_INT("offences_months", 60, CFGF_NONE),
	CFG_INT("visits_months", 12, CFGF_NONE),
	CFG_END(),
};

static cfg_opt_t protocol_opts[] = {
	CFG_STR("ban_hit", NULL, CFGF_NONE),
	CFG_STR("possible", NULL, CFGF_NONE),
	CFG_STR("alarm", NULL, CFGF_NONE),
	CFG_STR("understaffed", NULL, CFGF_NONE),
	CFG_END(),
};

static cfg_opt_t root_opts[] = {
	CFG_STR("database", DEFAULT_DATABASE, CFGF_NONE),
	CFG_STR("socket", BALIE_RUNDIR "/balie.sock", CFGF_NONE),
	CFG_STR("language", "", CFGF_NONE),
	CFG_STR("municipality", DEFAULT_MUNICIPALITY, CFGF_NONE),
	CFG_STR("this_building", "", CFGF_NONE),
	CFG_STR("alarm_point", "", CFGF_NONE),
	CFG_INT("support_minimum", 2, CFGF_NONE),
	CFG_INT("realarm_interval", 30, CFGF_NONE),
	CFG_INT("staffing_warning_before", 120, CFGF_NONE),
	CFG_STR("default_role", "none", CFGF_NONE),
	CFG_SEC("building", config_building_opts, CFGF_MULTI | CFGF_TITLE | CFGF_NO_TITLE_DUPES),
	CFG_SEC("roles", config_roles_opts, CFGF_NONE),
	CFG_SEC("retention", retention_opts, CFGF_NONE),
	CFG_SEC("protocol", protocol_opts, CFGF_NONE),
	CFG_SEC("incidents", config_incidents_opts, CFGF_NONE),
	CFG_INT(SENTINEL, 0, CFGF_NONE),
	CFG_END(),
};

/* A fresh libconfuse tree with every validator set; NULL on out-of-memory. */
cfg_t *config_schema_new(void)
{
	static const struct config_validator v[] = {
		{"database", v_database},
		{"socket", v_socket},
		{"language", v_language},
		{"municipality", v_municipality},
		{"this_building", v_this_building},
		{"alarm_point", v_alarm_point},
		{"support_minimum", v_support_minimum},
		{"realarm_interval", v_realarm},
		{"staffing_warning_before", v_warning_before},
		{"default_role", v_default_role},
		{"retention", v_retention},
		{"retention|bans_months", v_retention_months},
		{"retention|alarms_months", v_retention_months},
		{"retention|presence_months", v_retention_months},
		{"retention|appointments_months", v_retention_months},
		{"retention|audit_months", v_retention_months},
		{"retention|incidents_months", v_retention_months},
		{"retention|offences_months", v_retention_months},
		{"retention|visits_months", v_retention_months},
		{"protocol", v_protocol},
		{"protocol|ban_hit", v_protocol_text},
		{"protocol|possible", v_protocol_text},
		{"protocol|alarm", v_protocol_text},
		{"protocol|understaffed", v_protocol_text},
		{SENTINEL, config_v_sentinel},
	};
	/* cfg_init copies the tables, so the static ones are never written; only the options
	 * named by the core are made first: the role lists and the sanctions section's. */
	config_roles_prepare();
	config_incidents_prepare();
	cfg_t *cfg = config_tree_new(root_opts, config_on_cfg_error, v, sizeof v / sizeof *v);
	if (!cfg)
		return NULL;
	config_hours_validators(cfg);
	config_roles_validators(cfg);
	config_incidents_validators(cfg);
	return cfg;
}
