/* config/hours — the building sections of balie.conf: opening hours per weekday, dated
 * exceptions (closed days, extra periods), rooms and alarm points, with their validators. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/internal.h"
#include "core/lib.h"
#include "i18n.h"

#define MAX_EXCEPTIONS 500  /* dated exceptions per building: years of holidays */

static const char *const day_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Parse "HH:MM-HH:MM"; 0 on success. */
static int parse_period(const char *s, int *start, int *end)
{
	if (!s || strlen(s) != 11 || s[5] != '-')
		return -1;
	char a[6], b[6];
	memcpy(a, s, 5);
	a[5] = '\0';
	memcpy(b, s + 6, 5);
	b[5] = '\0';
	*start = dates_parse_hm(a, false);
	*end = dates_parse_hm(b, true);
	return *start < 0 || *end < 0 ? -1 : 0;
}


/* Whether period s (read as start..end) ends after it starts; else why, into what. */
static bool in_order(const char *s, int start, int end, char *what, size_t whatsz)
{
	if (start < end)
		return true;
	snprintf(what, whatsz, _("\"%s\" ends before it starts"), s);
	return false;
}

/* A period "HH:MM-HH:MM" that ends after it starts. */
static bool period_entry(const char *s, char *what, size_t whatsz)
{
	int start, end;
	if (parse_period(s, &start, &end) == 0)
		return in_order(s, start, end, what, whatsz);
	snprintf(what, whatsz, _("\"%s\" is not a period HH:MM-HH:MM (such as \"08:30-17:00\")"),
		 s);
	return false;
}

/* One day's list: every period well formed, in order, not overlapping, not too many. */
static int v_day(cfg_t *cfg, cfg_opt_t *opt)
{
	if (config_check_list(cfg, opt, MAX_NAME, false, period_entry) != 0)
		return -1;
	unsigned n = cfg_opt_size(opt);
	int prev_end = -1;
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		int start, end;
		(void)parse_period(s, &start, &end); /* well formed: checked above */
		if (start < prev_end)
			return config_failf(cfg, opt,
					    _("\"%s\" overlaps or precedes the period before it "
					      "(list periods in order of time)"), s);
		prev_end = end;
	}
	if (n > POLICY_MAX_PERIODS)
		return config_failf(cfg, opt, _("more than %d periods in one day"),
				    POLICY_MAX_PERIODS);
	return 0;
}

static int v_evening_from(cfg_t *cfg, cfg_opt_t *opt)
{
	const char *s = cfg_opt_getnstr(opt, 0);
	if (s && dates_parse_hm(s, true) >= 0)
		return 0;
	if (config_check_text(cfg, opt, s, MAX_NAME, false) != 0)
		return -1;
	return config_failf(cfg, opt, _("\"%s\" is not a time HH:MM"), s);
}

/* Parse an extra period "YYYY-MM-DD HH:MM-HH:MM[ evening|day]"; 0 on success. *evening
 * is 1 for "evening", 0 for "day", -1 when the word is left out (evening_from decides). */
static int parse_extra(const char *s, char date[DATES_DATE_LEN], int *start, int *end,
		       int *evening)
{
	int y, m, d;
	size_t len = s ? strlen(s) : 0;
	if (len < 22 || s[10] != ' ')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	char period[12];
	memcpy(period, s + 11, 11);
	period[11] = '\0';
	if (dates_parse_date(date, &y, &m, &d) != 0 || parse_period(period, start, end) != 0)
		return -1;
	if (len == 22)
		*evening = -1;
	else if (strcmp(s + 22, " evening") == 0)
		*evening = 1;
	else if (strcmp(s + 22, " day") == 0)
		*evening = 0;
	else
		return -1;
	return 0;
}

/* A real date "YYYY-MM-DD". */
static bool date_entry(const char *s, char *what, size_t whatsz)
{
	int y, m, d;
	if (dates_parse_date(s, &y, &m, &d) == 0)
		return true;
	snprintf(what, whatsz, _("\"%s\" is not a date YYYY-MM-DD (such as \"2026-12-25\")"), s);
	return false;
}

/* A dated period "YYYY-MM-DD HH:MM-HH:MM [evening|day]" that ends after it starts. */
static bool extra_entry(const char *s, char *what, size_t whatsz)
{
	char date[DATES_DATE_LEN];
	int start, end, evening;
	if (parse_extra(s, date, &start, &end, &evening) == 0)
		return in_order(s, start, end, what, whatsz);
	snprintf(what, whatsz, _("\"%s\" is not a dated period \"YYYY-MM-DD HH:MM-HH:MM\", "
				 "optionally followed by \"evening\" or \"day\" (such as "
				 "\"2026-12-23 18:00-20:00 evening\")"), s);
	return false;
}

/* closed = {"YYYY-MM-DD", ...}: real dates, each named once. */
static int v_closed(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_list_at_most(cfg, opt, MAX_EXCEPTIONS, true, date_entry,
					 _("more than %d dates"), MAX_EXCEPTIONS);
}

/* extra = {"YYYY-MM-DD HH:MM-HH:MM [evening|day]", ...}: each well formed; overlaps with
 * the day's other periods are checked when the section is complete (v_building). */
static int v_extra(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_list_at_most(cfg, opt, MAX_EXCEPTIONS, false, extra_entry,
					 _("more than %d periods"), MAX_EXCEPTIONS);
}

static int v_building_name(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_NAME, false);
}

/* The lists of alarm points of a building, one per kind of alarm they raise. */
static const char *const point_lists[] = {"alarm_points", "robbery_points", "fire_points"};
static const char *const point_kinds[] = {"panic", "robbery", "fire"};
#define POINT_LISTS (sizeof point_lists / sizeof *point_lists)

/* Rooms: printable, not empty, each named once. */
static int v_rooms(cfg_t *cfg, cfg_opt_t *opt)
{
	return config_check_list(cfg, opt, MAX_NAME, true, NULL);
}

/* Alarm points: as rooms, and each in one of the building's point lists only. */
static int v_points(cfg_t *cfg, cfg_opt_t *opt)
{
	if (config_check_list(cfg, opt, MAX_NAME, true, NULL) != 0)
		return -1;
	/* each is named once in its own list (checked above): only the others can hold it */
	for (unsigned i = 0; i < cfg_opt_size(opt); i++) {
		int l = config_list_holding(cfg, opt, i, point_lists, POINT_LISTS);
		if (l >= 0)
			return config_failf(cfg, opt, _("\"%s\" is in %s as well (a point raises "
							"one kind of alarm)"),
					    cfg_opt_getnstr(opt, i), point_lists[l]);
	}
	return 0;
}

/* Report "building ID: OPTION: what" at the line of entry s of that option (quoted in the
 * file), for the checks made when the section is complete. */
static int fail_entry(cfg_t *cfg, const char *id, const char *option, const char *s,
		      const char *what)
{
	char where[256], needle[128];
	snprintf(where, sizeof where, "building %s: %s", id, option);
	snprintf(needle, sizeof needle, "\"%s\"", s);
	int save = cfg->line;
	cfg->line = config_line_of(needle, config_section_line("building", id, 1), save);
	cfg_error(cfg, "%s: %s", where, what);
	cfg->line = save;
	return -1;
}

/* Each date with extra periods: the day's periods (weekly ones unless the date is closed,
 * plus every extra of that date) must not overlap, nor number more than fit. */
static int check_extras(cfg_t *cfg, cfg_t *b)
{
	const char *id = cfg_title(b);
	unsigned n = cfg_size(b, "extra");
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_getnstr(b, "extra", i);
		char date[DATES_DATE_LEN], other[DATES_DATE_LEN];
		int start, end, evening;
		if (parse_extra(s, date, &start, &end, &evening) != 0)
			return -1; /* reported by v_extra already */
		/* Only the first extra of a date checks that date. */
		bool first = true;
		for (unsigned j = 0; j < i && first; j++)
			if (parse_extra(cfg_getnstr(b, "extra", j), other, &start, &end,
					&evening) == 0 && strcmp(other, date) == 0)
				first = false;
		if (!first)
			continue;
		bool closed = false;
		for (unsigned j = 0; j < cfg_size(b, "closed"); j++)
			closed = closed || strcmp(cfg_getnstr(b, "closed", j), date) == 0;
		struct { int start, end; const char *text; } p[2 * POLICY_MAX_PERIODS + 2];
		int np = 0;
		const char *day = day_names[policy_weekday(date)];
		for (unsigned j = 0; !closed && j < cfg_size(b, day) && j < POLICY_MAX_PERIODS; j++) {
			if (parse_period(cfg_getnstr(b, day, j), &p[np].start, &p[np].end) == 0) {
				p[np].text = NULL;
				np++;
			}
		}
		for (unsigned j = i; j < n; j++) {
			const char *t = cfg_getnstr(b, "extra", j);
			if (parse_extra(t, other, &start, &end, &evening) != 0 ||
			    strcmp(other, date) != 0)
				continue;
			char what[512];
			if (np >= POLICY_MAX_PERIODS) {
				snprintf(what, sizeof what, _("\"%s\": more than %d periods on %s"),
					 t, POLICY_MAX_PERIODS, date);
				return fail_entry(cfg, id, "extra", t, what);
			}
			for (int k = 0; k < np; k++) {
				if (start < p[k].end && p[k].start < end) {
					if (p[k].text)
						snprintf(what, sizeof what,
							 _("\"%s\" overlaps \"%s\""), t, p[k].text);
					else
						snprintf(what, sizeof what,
							 _("\"%s\" overlaps the %s opening hours "
							   "(%02d:%02d-%02d:%02d); to replace that day's "
							   "hours, also list the date under closed"),
							 t, day, p[k].start / 60, p[k].start % 60,
							 p[k].end / 60, p[k].end % 60);
					return fail_entry(cfg, id, "extra", t, what);
				}
			}
			p[np].start = start;
			p[np].end = end;
			p[np].text = t;
			np++;
		}
	}
	return 0;
}

/* Issue 13: every safe room is one of the building's rooms (a typo would let the safe-room
 * precaution point at a room that does not exist). */
static int check_safe_rooms(cfg_t *cfg, cfg_t *b)
{
	const char *id = cfg_title(b);
	for (unsigned i = 0; i < cfg_size(b, "safe_rooms"); i++) {
		const char *s = cfg_getnstr(b, "safe_rooms", i);
		bool known = false;
		for (unsigned j = 0; j < cfg_size(b, "rooms") && !known; j++)
			known = strcmp(s, cfg_getnstr(b, "rooms", j)) == 0;
		if (known)
			continue;
		char what[512];
		snprintf(what, sizeof what, _("\"%s\" is not one of the building's rooms (add it "
					      "to rooms as well)"), s);
		return fail_entry(cfg, id, "safe_rooms", s, what);
	}
	return 0;
}

static int v_building(cfg_t *cfg, cfg_opt_t *opt)
{
	cfg_t *b = cfg_opt_getnsec(opt, cfg_opt_size(opt) - 1);
	const char *id = cfg_title(b);
	if (config_valid_id(id))
		return check_extras(cfg, b) != 0 ? -1 : check_safe_rooms(cfg, b);
	char what[512], shown[128];
	snprintf(what, sizeof what,
		 _("\"%s\" is not a building id (only a-z, 0-9, _ and -, such as \"stadhuis\")"),
		 text_shown(id, shown, sizeof shown));
	int save = cfg->line;
	cfg->line = config_section_line("building", id ? id : "", save);
	cfg_error(cfg, "%s: %s", "building", what);
	cfg->line = save;
	return -1;
}

cfg_opt_t config_building_opts[] = {
	CFG_STR("name", NULL, CFGF_NONE),
	CFG_STR_LIST("monday", "{}", CFGF_NONE),
	CFG_STR_LIST("tuesday", "{}", CFGF_NONE),
	CFG_STR_LIST("wednesday", "{}", CFGF_NONE),
	CFG_STR_LIST("thursday", "{}", CFGF_NONE),
	CFG_STR_LIST("friday", "{}", CFGF_NONE),
	CFG_STR_LIST("saturday", "{}", CFGF_NONE),
	CFG_STR_LIST("sunday", "{}", CFGF_NONE),
	CFG_STR("evening_from", "17:00", CFGF_NONE),
	CFG_STR_LIST("closed", "{}", CFGF_NONE),
	CFG_STR_LIST("extra", "{}", CFGF_NONE),
	CFG_STR_LIST("rooms", "{}", CFGF_NONE),
	CFG_STR_LIST("safe_rooms", "{}", CFGF_NONE),
	CFG_STR_LIST("alarm_points", "{}", CFGF_NONE),
	CFG_STR_LIST("robbery_points", "{}", CFGF_NONE),
	CFG_STR_LIST("fire_points", "{}", CFGF_NONE),
	CFG_END(),
};

void config_hours_validators(cfg_t *cfg)
{
	static const struct config_validator v[] = {
		{"building", v_building},
		{"building|name", v_building_name},
		{"building|monday", v_day},
		{"building|tuesday", v_day},
		{"building|wednesday", v_day},
		{"building|thursday", v_day},
		{"building|friday", v_day},
		{"building|saturday", v_day},
		{"building|sunday", v_day},
		{"building|evening_from", v_evening_from},
		{"building|closed", v_closed},
		{"building|extra", v_extra},
		{"building|rooms", v_rooms},
		{"building|safe_rooms", v_rooms},
		{"building|alarm_points", v_points},
		{"building|robbery_points", v_points},
		{"building|fire_points", v_points},
	};
	config_set_validators(cfg, v, sizeof v / sizeof *v);
}

void config_building_from(cfg_t *sec, struct config_building *b, bool *oom)
{
	b->id = config_dup(cfg_title(sec), oom);
	const char *name = cfg_getstr(sec, "name");
	b->name = config_dup(name && *name ? name : cfg_title(sec), oom);
	int evening = dates_parse_hm(cfg_getstr(sec, "evening_from"), true);
	for (int d = 0; d < 7; d++) {
		unsigned n = cfg_size(sec, day_names[d]);
		b->hours.count[d] = n < POLICY_MAX_PERIODS ? (int)n : POLICY_MAX_PERIODS;
		for (unsigned i = 0; i < n && i < POLICY_MAX_PERIODS; i++) {
			struct policy_period *p = &b->hours.day[d][i];
			/* Validated while parsing: cannot fail here. */
			(void)parse_period(cfg_getnstr(sec, day_names[d], i), &p->start, &p->end);
			p->evening = evening >= 0 && p->start >= evening;
		}
	}
	size_t nc = cfg_size(sec, "closed"), ne = cfg_size(sec, "extra");
	b->exceptions.closed = calloc(nc ? nc : 1, sizeof *b->exceptions.closed);
	b->exceptions.extra = calloc(ne ? ne : 1, sizeof *b->exceptions.extra);
	if (!b->exceptions.closed || !b->exceptions.extra) {
		*oom = true;
	} else {
		for (size_t i = 0; i < nc; i++)
			snprintf(b->exceptions.closed[i], sizeof *b->exceptions.closed, "%s",
				 cfg_getnstr(sec, "closed", (unsigned)i));
		b->exceptions.nclosed = nc;
		for (size_t i = 0; i < ne; i++) {
			struct policy_extra_period *e = &b->exceptions.extra[i];
			int ev = -1;
			/* Validated while parsing: cannot fail here. */
			(void)parse_extra(cfg_getnstr(sec, "extra", (unsigned)i), e->date,
					  &e->period.start, &e->period.end, &ev);
			e->period.evening = ev >= 0 ? ev == 1
						    : evening >= 0 && e->period.start >= evening;
		}
		b->exceptions.nextra = ne;
	}
	b->rooms = config_dup_list(sec, "rooms", &b->nrooms, oom);
	b->safe_rooms = config_dup_list(sec, "safe_rooms", &b->nsafe_rooms, oom);
	/* every point of the three lists, each with the kind of alarm it raises */
	size_t total = 0;
	for (size_t l = 0; l < POINT_LISTS; l++)
		total += cfg_size(sec, point_lists[l]);
	b->alarm_points = calloc(total ? total : 1, sizeof *b->alarm_points);
	b->alarm_kinds = calloc(total ? total : 1, sizeof *b->alarm_kinds);
	if (!b->alarm_points || !b->alarm_kinds) {
		*oom = true;
		return;
	}
	for (size_t l = 0; l < POINT_LISTS; l++) {
		for (unsigned i = 0; i < cfg_size(sec, point_lists[l]); i++) {
			b->alarm_kinds[b->nalarm_points] = point_kinds[l];
			b->alarm_points[b->nalarm_points++] =
				config_dup(cfg_getnstr(sec, point_lists[l], i), oom);
		}
	}
}

bool config_point_in_building(cfg_t *cfg, const char *here, const char *point)
{
	cfg_t *b = here && *here ? cfg_gettsec(cfg, "building", here)
				 : cfg_size(cfg, "building") ? cfg_getnsec(cfg, "building", 0) : NULL;
	for (size_t l = 0; b && l < POINT_LISTS; l++)
		for (unsigned i = 0; i < cfg_size(b, point_lists[l]); i++)
			if (strcmp(cfg_getnstr(b, point_lists[l], i), point) == 0)
				return true;
	return false;
}

const char *config_alarm_kind(const struct config *c, const char *point)
{
	for (size_t b = 0; c && point && b < c->nbuildings; b++)
		for (size_t i = 0; i < c->buildings[b].nalarm_points; i++)
			if (strcmp(c->buildings[b].alarm_points[i], point) == 0)
				return c->buildings[b].alarm_kinds[i];
	return NULL;
}

void config_building_free(struct config_building *b)
{
	free(b->id);
	free(b->name);
	config_free_list(b->rooms, b->nrooms);
	config_free_list(b->safe_rooms, b->nsafe_rooms);
	config_free_list(b->alarm_points, b->nalarm_points);
	free(b->alarm_kinds);
	free(b->exceptions.closed);
	free(b->exceptions.extra);
}

const struct config_building *config_building_find(const struct config *c, const char *id)
{
	if (!c || !id)
		return NULL;
	for (size_t i = 0; i < c->nbuildings; i++)
		if (strcmp(c->buildings[i].id, id) == 0)
			return &c->buildings[i];
	return NULL;
}

void config_scope_names(const struct config *c, const char *scope, char *out, size_t outsz)
{
	if (!scope || !scope[0]) {
		(void)snprintf(out, outsz, "%s", _("all buildings"));
		return;
	}
	out[0] = '\0';
	size_t used = 0;
	char id[128];
	while (text_next_item(&scope, id, sizeof id)) {
		const struct config_building *b = config_building_find(c, id);
		int w = snprintf(out + used, outsz - used, "%s%s", used ? ", " : "",
				 b ? b->name : id);
		if (w < 0 || (size_t)w >= outsz - used)
			break;
		used += (size_t)w;
	}
}

const struct config_building *config_building_here(const struct config *c)
{
	const struct config_building *b = config_building_find(c, c ? c->building : NULL);
	if (b)
		return b;
	return c && c->nbuildings > 0 ? &c->buildings[0] : NULL;
}

bool config_safe_room(const struct config *c, const char *room)
{
	for (size_t i = 0; c && room && *room && i < c->nbuildings; i++) {
		const struct config_building *b = &c->buildings[i];
		char **list = b->nsafe_rooms > 0 ? b->safe_rooms : b->rooms;
		size_t n = b->nsafe_rooms > 0 ? b->nsafe_rooms : b->nrooms;
		for (size_t r = 0; r < n; r++)
			if (strcmp(list[r], room) == 0)
				return true;
	}
	return false;
}
