/* config/incidents — the incidents section of balie.conf: which sanction-table category each
 * incident category follows, the places besides the buildings' own, the aftercare schedule
 * and the deadlines of the police report, the order conversation and its minutes. */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/internal.h"
#include "core/lib.h"
#include "i18n.h"

#define DAYS_MAX 365

/* The sanctions section: an option per incident category, named as the core names it, with
 * the core's default row of the sanction table (as in data/balie.conf). Made from the core's
 * list by config_incidents_prepare, so that a category cannot be missing here. */
static cfg_opt_t sanction_opts[INCIDENT_CATEGORY_COUNT + 1];

void config_incidents_prepare(void)
{
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++) {
		enum incident_category c = (enum incident_category)i;
		const char *sanction = policy_reason_name(incidents_default_sanction(c));
		cfg_opt_t o = CFG_STR(incidents_category_name(c), sanction, CFGF_NONE);
		sanction_opts[i] = o;
	}
	cfg_opt_t end = CFG_END();
	sanction_opts[INCIDENT_CATEGORY_COUNT] = end;
}

/* Defaults as in data/balie.conf; they must parse (tests/test_config_incidents.c). */
cfg_opt_t config_incidents_opts[] = {
	CFG_SEC("sanctions", sanction_opts, CFGF_NONE),
	CFG_STR_LIST("places", "{\"Hal\", \"Parkeerplaats\", \"Huisbezoek\"}", CFGF_NONE),
	CFG_STR_LIST("aftercare", "{\"24h\", \"48h\", \"14d\"}", CFGF_NONE),
	CFG_STR_LIST("police_report", "{\"threat\", \"attempt\", \"physical\", \"robbery\"}",
		     CFGF_NONE),
	CFG_INT("police_report_days", 3, CFGF_NONE),
	CFG_STR_LIST("serious", "{\"threat\", \"attempt\", \"physical\", \"robbery\"}", CFGF_NONE),
	CFG_INT("conversation_days", 5, CFGF_NONE),
	CFG_INT("minutes_days", 5, CFGF_NONE),
	CFG_END(),
};

/* Report the formatted message about opt as "incidents: OPTION" (or "incidents: sanctions:
 * OPTION"): the options of this section live one level down; returns -1. */
static int fail(cfg_t *cfg, cfg_opt_t *opt, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(cfg_t *cfg, cfg_opt_t *opt, const char *fmt, ...)
{
	char where[256];
	if (strcmp(cfg_name(cfg), "sanctions") == 0)
		snprintf(where, sizeof where, "incidents: sanctions: %s", cfg_opt_name(opt));
	else
		snprintf(where, sizeof where, "incidents: %s", cfg_opt_name(opt));
	va_list ap;
	va_start(ap, fmt);
	int rc = config_vfail(cfg, where, fmt, ap);
	va_end(ap);
	return rc;
}

static int v_incidents(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_section_once(cfg, opt, &config_ctx->incidents_seen);
}

static int v_sanctions(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_section_once(cfg, opt, &config_ctx->sanctions_seen);
}

static int v_sanction(cfg_t *cfg, cfg_opt_t *opt)
{
	const char *s = cfg_opt_getnstr(opt, 0);
	enum ban_reason r;
	if (policy_reason_parse(s, &r) == 0)
		return 0;
	char shown[128], list[256];
	policy_reason_list(list, sizeof list);
	return fail(cfg, opt, _("\"%s\" is not a category of the sanction table (one of: %s)"),
		    text_shown(s, shown, sizeof shown), list);
}

static int v_places(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_list(cfg, opt, MAX_NAME, true, NULL);
}

/* A time after the incident: "24h", "14d", "1-3d", "4-6w". */
static bool span_entry(const char *s, char *what, size_t whatsz)
{
	struct incidents_span span;
	if (incidents_span_parse(s, &span) == 0)
		return true;
	snprintf(what, whatsz, _("\"%s\" is not a time after the incident: hours, days or weeks "
				 "(such as \"24h\", \"14d\", \"1-3d\", \"4-6w\")"), s);
	return false;
}

static int v_aftercare(cfg_t *cfg, cfg_opt_t *opt)
{
	/* a section without a title: named "incidents: aftercare", as fail() names it */
	return config_check_list_at_most(cfg, opt, INCIDENTS_AFTERCARE_MAX, true, span_entry,
					 _("more than %d aftercare contacts"),
					 INCIDENTS_AFTERCARE_MAX);
}

/* An incident category. */
static bool category_entry(const char *s, char *what, size_t whatsz)
{
	enum incident_category c;
	if (incidents_category_parse(s, &c) == 0)
		return true;
	char list[256];
	incidents_category_list(list, sizeof list);
	snprintf(what, whatsz, _("\"%s\" is not an incident category (one of: %s)"), s, list);
	return false;
}

/* A list of incident categories, each named once. */
static int v_categories(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_list(cfg, opt, MAX_NAME, true, category_entry);
}

static int v_days(cfg_t *cfg, cfg_opt_t *opt)
{
	long v = cfg_opt_getnint(opt, 0);
	if (v >= 0 && v <= DAYS_MAX)
		return 0;
	return fail(cfg, opt, _("%ld days is out of range (0..%d)"), v, DAYS_MAX);
}

void config_incidents_validators(cfg_t *cfg)
{
	static const struct config_validator v[] = {
		{"incidents", v_incidents},
		{"incidents|sanctions", v_sanctions},
		{"incidents|places", v_places},
		{"incidents|aftercare", v_aftercare},
		{"incidents|police_report", v_categories},
		{"incidents|police_report_days", v_days},
		{"incidents|serious", v_categories},
		{"incidents|conversation_days", v_days},
		{"incidents|minutes_days", v_days},
	};
	config_set_validators(cfg, v, sizeof v / sizeof *v);
	for (int c = 0; c < INCIDENT_CATEGORY_COUNT; c++) {
		char name[64];
		snprintf(name, sizeof name, "incidents|sanctions|%s",
			 incidents_category_name((enum incident_category)c));
		(void)cfg_set_validate_func(cfg, name, v_sanction);
	}
}

/* The bits of a validated category list. */
static unsigned category_bits(cfg_t *sec, const char *name)
{
	unsigned bits = 0;
	for (unsigned i = 0; i < cfg_size(sec, name); i++) {
		enum incident_category c;
		if (incidents_category_parse(cfg_getnstr(sec, name, i), &c) == 0)
			bits |= 1u << c;
	}
	return bits;
}

void config_incidents_from(struct config *c, cfg_t *sec, bool *oom)
{
	struct config_incidents *in = &c->incidents;
	incidents_rules_default(&in->rules);
	cfg_t *sanctions = cfg_getsec(sec, "sanctions");
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++) {
		const char *name = incidents_category_name((enum incident_category)i);
		if (!sanctions || policy_reason_parse(cfg_getstr(sanctions, name),
						      &in->sanction[i]) != 0)
			in->sanction[i] = incidents_default_sanction((enum incident_category)i);
	}
	in->places = config_dup_list(sec, "places", &in->nplaces, oom);
	struct incidents_rules *r = &in->rules;
	r->naftercare = 0;
	for (unsigned i = 0; i < cfg_size(sec, "aftercare") && i < INCIDENTS_AFTERCARE_MAX; i++)
		if (incidents_span_parse(cfg_getnstr(sec, "aftercare", i),
					 &r->aftercare[r->naftercare]) == 0)
			r->naftercare++;
	r->police_categories = category_bits(sec, "police_report");
	r->serious_categories = category_bits(sec, "serious");
	r->police_days = (int)cfg_getint(sec, "police_report_days");
	r->conversation_days = (int)cfg_getint(sec, "conversation_days");
	r->minutes_days = (int)cfg_getint(sec, "minutes_days");
}

void config_incidents_free(struct config *c)
{
	config_free_list(c->incidents.places, c->incidents.nplaces);
	c->incidents.places = NULL;
	c->incidents.nplaces = 0;
}

/* Whether s is one of n texts. */
static bool among(char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; v && i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

bool config_place_known(const struct config *c, const char *place)
{
	if (!c || !place || !*place)
		return false;
	for (size_t i = 0; i < c->nbuildings; i++) {
		const struct config_building *b = &c->buildings[i];
		if (strcmp(b->id, place) == 0 || strcmp(b->name, place) == 0 ||
		    among(b->rooms, b->nrooms, place) ||
		    among(b->alarm_points, b->nalarm_points, place))
			return true;
	}
	return among(c->incidents.places, c->incidents.nplaces, place);
}

/* Append s to out unless it is there already; false when out is full. */
static bool append_place(char *out, size_t outsz, size_t *len, const char *s)
{
	/* A room is often an alarm point too: name each place once. */
	for (const char *p = out; *p;) {
		size_t plen = strcspn(p, ",");
		if (plen == strlen(s) && strncmp(p, s, plen) == 0)
			return true;
		p += plen;
		p += strspn(p, ", ");
	}
	int k = snprintf(out + *len, outsz - *len, "%s%s", *len ? ", " : "", s);
	if (k < 0 || (size_t)k >= outsz - *len) {
		out[*len] = '\0';
		return false;
	}
	*len += (size_t)k;
	return true;
}

void config_places_list(const struct config *c, char *out, size_t outsz)
{
	size_t len = 0;
	if (outsz == 0)
		return;
	out[0] = '\0';
	for (size_t i = 0; c && i < c->nbuildings; i++) {
		const struct config_building *b = &c->buildings[i];
		if (!append_place(out, outsz, &len, b->name))
			return;
		for (size_t r = 0; r < b->nalarm_points; r++)
			if (!append_place(out, outsz, &len, b->alarm_points[r]))
				return;
		for (size_t r = 0; r < b->nrooms; r++)
			if (!append_place(out, outsz, &len, b->rooms[r]))
				return;
	}
	for (size_t i = 0; c && i < c->incidents.nplaces; i++)
		if (!append_place(out, outsz, &len, c->incidents.places[i]))
			return;
}
