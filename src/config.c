/* config — balie.conf read with libconfuse (static option tables, a validator per option,
 * errors as FILE:LINE) into an immutable struct config; a bad file is refused as a whole. */
#include "autoconfig.h"

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <confuse.h>

#include "config.h"
#include "core/dates.h"
#include "core/text.h"
#include "i18n.h"

#define DEFAULT_DATABASE "/var/lib/balie/balie.db"
#define DEFAULT_MUNICIPALITY "Gemeente Voorbeeld"
#define DEFAULT_BUILDING "stadhuis"
#define SUPPORT_MIN 0
#define SUPPORT_MAX 20
#define REALARM_MIN 5
#define REALARM_MAX 3600
#define WARNING_BEFORE_MAX (24 * 60)
#define MAX_EXCEPTIONS 500  /* dated exceptions per building: years of holidays */
#define RETENTION_MIN 1      /* months: the GDPR allows no "keep for ever" */
#define RETENTION_MAX 1200
#define MAX_NAME 100        /* building, room, alarm point, user names */
#define MAX_TEXT 2000       /* protocol texts */
#define MAX_FILE (1 << 20)  /* a configuration file larger than this is a mistake */
/* A root option appended after the file: reached only when every section was closed. */
#define SENTINEL "__balie_end_of_file"

/* The building used when the file defines none, in the file's own syntax. */
static const char builtin_building[] =
	"building " DEFAULT_BUILDING " {\n"
	"  name = \"Stadhuis\"\n"
	"  monday = {\"08:30-17:00\"}\n"
	"  tuesday = {\"08:30-17:00\"}\n"
	"  wednesday = {\"08:30-17:00\"}\n"
	"  thursday = {\"08:30-17:00\", \"18:00-20:00\"}\n"
	"  friday = {\"08:30-17:00\"}\n"
	"  evening_from = \"17:00\"\n"
	"  rooms = {\"Spreekkamer 006\", \"Spreekkamer 008\"}\n"
	"  alarm_points = {\"Balie 1\", \"Balie 2\", \"Spreekkamer 006\", \"Spreekkamer 008\",\n"
	"                  \"Burgerzaken (overval)\"}\n"
	"}\n";

static const char *const day_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static const char *const protocol_names[4] = {"ban_hit", "possible", "alarm", "understaffed"};

/* Built-in protocol texts, translated when shown (config_protocol). */
static const char *const protocol_builtin[4] = {
	[PROTOCOL_BAN_HIT] = N_("Entry ban: do not serve this visitor and do not let them in. "
				"Stay calm and polite and keep the counter between you. Call the "
				"porter: press the alarm button or phone the porters. Entering "
				"despite a ban is trespass: if the visitor will not leave, the porter "
				"or the police removes them. On any aggression call the police at "
				"once: 112."),
	[PROTOCOL_POSSIBLE] = N_("Possible hit: the name resembles someone on the ban list. "
				 "Before serving, ask politely for an ID and compare the full "
				 "name and the date of birth with the ban. Same person: follow "
				 "the ban protocol. Not the same person: serve as usual. In "
				 "doubt, call the porter or a manager."),
	[PROTOCOL_ALARM] = N_("Alarm: the porter on duty goes there at once and acknowledges "
			      "the alarm here. Keep your distance, do not go in alone and keep "
			      "the escape route free. Pressed by mistake? Mark it as a false "
			      "alarm at once. On violence call the police: 112."),
	[PROTOCOL_UNDERSTAFFED] = N_("Too few members of the support team are present. Tell "
				     "the manager on duty. If no porter can come, call the "
				     "police at once on any aggression: 112. Do not start risky "
				     "appointments without a porter on standby."),
};

/* ------------------------------------------------------------------ parse context */

/* libconfuse callbacks carry no user pointer, so the file being read is kept here. The
 * configuration is read once at start-up by one thread; loads do not nest. */
struct load_ctx {
	const char *path;       /* as given, for messages */
	const char *text;       /* file contents plus sentinel, for section-start lines */
	int last_line;          /* last line of the file itself */
	char *err;
	size_t errsz;
	bool failed;            /* the first error is kept */
	bool reached_end;       /* the sentinel was read at the top level */
	int this_building_line; /* where `this_building` was set, for the cross-check */
	int alarm_point_line;   /* where `alarm_point` was set, for the cross-check */
	int roles_seen, protocol_seen;
	int retention_seen;     /* issue 7 */
	int seen[16];           /* times each root option was set, see once() */
};
static struct load_ctx *ctx;

/* Store "PATH:LINE: message" as the error, with anything unprintable made visible. */
static void set_error(int line, const char *msg)
{
	if (!ctx || ctx->failed)
		return;
	ctx->failed = true;
	config_format_error(ctx->err, ctx->errsz, ctx->path, line, ctx->last_line, msg);
}

void config_format_error(char *err, size_t errsz, const char *name, int line, int last_line,
			 const char *msg)
{
	char raw[1024];
	if (line > last_line) {
		/* Past the file's end: the sentinel was swallowed by something still open. */
		line = last_line;
		msg = _("unexpected end of file: a section, list, string or comment is not closed");
	}
	if (line > 0)
		snprintf(raw, sizeof raw, "%s:%d: %s", name, line, msg);
	else
		snprintf(raw, sizeof raw, "%s: %s", name, msg);
	/* A message longer than err is cut; the start names the place, which is what counts. */
	(void)text_escape(raw, err, errsz);
}

/* cfg_set_error_function target: libconfuse's own messages (already translated by its
 * own catalogue) and ours, both with the line libconfuse is at. */
static void on_cfg_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	char msg[768];
	if (strcmp(fmt, dgettext("confuse", "found duplicate title '%s'")) == 0) {
		/* Name the option, which libconfuse's message leaves out. */
		const char *title = va_arg(ap, const char *);
		char what[512];
		snprintf(what, sizeof what, _("\"%s\" is already the id of an earlier building"),
			 title ? title : "");
		snprintf(msg, sizeof msg, "building: %s", what);
		set_error(cfg ? cfg->line : 0, msg);
		return;
	}
	vsnprintf(msg, sizeof msg, fmt, ap);
	set_error(cfg ? cfg->line : 0, msg);
}

/* Report "where: what" at the current line of cfg; returns -1 for the validators. */
static int fail(cfg_t *cfg, const char *where, const char *what)
{
	cfg_error(cfg, "%s: %s", where, what);
	return -1;
}

/* "building stadhuis: monday" for options inside a building, else the bare name. */
static void qualify(cfg_t *cfg, cfg_opt_t *opt, char *out, size_t outsz)
{
	const char *title = cfg_title(cfg);
	if (strcmp(cfg_name(cfg), "root") == 0)
		snprintf(out, outsz, "%s", cfg_opt_name(opt));
	else if (title)
		snprintf(out, outsz, "%s %s: %s", cfg_name(cfg), title, cfg_opt_name(opt));
	else
		snprintf(out, outsz, "%s: %s", cfg_name(cfg), cfg_opt_name(opt));
}

/* Validate text s of option opt; -1 after reporting. */
static int check_text(cfg_t *cfg, cfg_opt_t *opt, const char *s, size_t max, bool allow_empty)
{
	enum text_problem p = text_check(s, max, allow_empty);
	if (p == TEXT_OK)
		return 0;
	char where[256], what[512];
	qualify(cfg, opt, where, sizeof where);
	if (s && p != TEXT_EMPTY && p != TEXT_TOO_LONG)
		snprintf(what, sizeof what, _("the text %s"), text_problem_message(p));
	else if (p == TEXT_TOO_LONG)
		snprintf(what, sizeof what, _("the text is too long (at most %zu bytes)"), max);
	else
		snprintf(what, sizeof what, _("must not be empty"));
	return fail(cfg, where, what);
}

static bool valid_id(const char *s)
{
	if (!s || !*s)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(s);
}

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

/* ------------------------------------------------------------------ validators */

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
		if (ctx->seen[i]++ > 0)
			return fail(cfg, cfg_opt_name(opt),
				    _("is given twice (remove one of the two lines)"));
	}
	return 0;
}

static int v_database(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	return check_text(cfg, opt, cfg_opt_getnstr(opt, 0), PATH_MAX - 1, false);
}

/* The service's socket: an absolute path that fits a Unix socket address. */
static int v_socket(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	const char *s = cfg_opt_getnstr(opt, 0);
	if (check_text(cfg, opt, s, 107, false) != 0)
		return -1;
	if (s[0] != '/')
		return fail(cfg, cfg_opt_name(opt), _("must be an absolute path"));
	return 0;
}

static int v_language(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	const char *s = cfg_opt_getnstr(opt, 0);
	if (s && (strcmp(s, "") == 0 || strcmp(s, "nl") == 0 || strcmp(s, "en") == 0))
		return 0;
	char what[512], shown[128];
	(void)text_escape(s ? s : "", shown, sizeof shown);
	snprintf(what, sizeof what,
		 _("unknown language \"%s\" (use \"nl\", \"en\" or \"\" to follow the locale)"),
		 shown);
	return fail(cfg, cfg_opt_name(opt), what);
}

static int v_municipality(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	return check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_NAME, false);
}

static int v_this_building(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	const char *s = cfg_opt_getnstr(opt, 0);
	ctx->this_building_line = cfg->line;
	if (s && (!*s || valid_id(s)))
		return 0;
	if (check_text(cfg, opt, s, MAX_NAME, true) != 0)
		return -1;
	char what[512];
	snprintf(what, sizeof what,
		 _("\"%s\" is not a building id (only a-z, 0-9, _ and -)"), s ? s : "");
	return fail(cfg, cfg_opt_name(opt), what);
}

static int v_alarm_point(cfg_t *cfg, cfg_opt_t *opt)
{
	if (once(cfg, opt) != 0)
		return -1;
	ctx->alarm_point_line = cfg->line;
	return check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_NAME, true);
}

static int check_range(cfg_t *cfg, cfg_opt_t *opt, long lo, long hi)
{
	if (once(cfg, opt) != 0)
		return -1;
	long v = cfg_opt_getnint(opt, 0);
	if (v >= lo && v <= hi)
		return 0;
	char what[256];
	snprintf(what, sizeof what, _("%ld is out of range (%ld..%ld)"), v, lo, hi);
	return fail(cfg, cfg_opt_name(opt), what);
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
	char what[512], shown[128];
	(void)text_escape(s ? s : "", shown, sizeof shown);
	snprintf(what, sizeof what,
		 _("unknown role \"%s\" (use none, receptionist, porter, manager or hr)"), shown);
	return fail(cfg, cfg_opt_name(opt), what);
}

/* ---- retention (issue 7) */

static int v_retention(cfg_t *cfg, cfg_opt_t *opt)
{
	if (++ctx->retention_seen > 1)
		return fail(cfg, cfg_opt_name(opt),
			    _("the section is given twice (merge the two into one)"));
	return 0;
}

static int v_retention_months(cfg_t *cfg, cfg_opt_t *opt)
{
	long v = cfg_opt_getnint(opt, 0);
	if (v >= RETENTION_MIN && v <= RETENTION_MAX)
		return 0;
	char where[256], what[256];
	qualify(cfg, opt, where, sizeof where);
	snprintf(what, sizeof what, _("%ld months is out of range (%d..%d)"), v, RETENTION_MIN,
		 RETENTION_MAX);
	return fail(cfg, where, what);
}

/* One day's list: every period well formed, in order, not overlapping, not too many. */
static int v_day(cfg_t *cfg, cfg_opt_t *opt)
{
	char where[256], what[512];
	qualify(cfg, opt, where, sizeof where);
	unsigned n = cfg_opt_size(opt);
	int prev_end = -1;
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		int start, end;
		if (check_text(cfg, opt, s, MAX_NAME, false) != 0)
			return -1;
		if (parse_period(s, &start, &end) != 0) {
			snprintf(what, sizeof what,
				 _("\"%s\" is not a period HH:MM-HH:MM (such as \"08:30-17:00\")"),
				 s);
			return fail(cfg, where, what);
		}
		if (start >= end) {
			snprintf(what, sizeof what, _("\"%s\" ends before it starts"), s);
			return fail(cfg, where, what);
		}
		if (start < prev_end) {
			snprintf(what, sizeof what,
				 _("\"%s\" overlaps or precedes the period before it "
				   "(list periods in order of time)"), s);
			return fail(cfg, where, what);
		}
		prev_end = end;
	}
	if (n > POLICY_MAX_PERIODS) {
		snprintf(what, sizeof what, _("more than %d periods in one day"),
			 POLICY_MAX_PERIODS);
		return fail(cfg, where, what);
	}
	return 0;
}

static int v_evening_from(cfg_t *cfg, cfg_opt_t *opt)
{
	const char *s = cfg_opt_getnstr(opt, 0);
	if (s && dates_parse_hm(s, true) >= 0)
		return 0;
	if (check_text(cfg, opt, s, MAX_NAME, false) != 0)
		return -1;
	char where[256], what[512];
	qualify(cfg, opt, where, sizeof where);
	snprintf(what, sizeof what, _("\"%s\" is not a time HH:MM"), s);
	return fail(cfg, where, what);
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

/* closed = {"YYYY-MM-DD", ...}: real dates, each named once. */
static int v_closed(cfg_t *cfg, cfg_opt_t *opt)
{
	char where[256], what[512];
	qualify(cfg, opt, where, sizeof where);
	unsigned n = cfg_opt_size(opt);
	if (n > MAX_EXCEPTIONS) {
		snprintf(what, sizeof what, _("more than %d dates"), MAX_EXCEPTIONS);
		return fail(cfg, where, what);
	}
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		int y, m, d;
		if (check_text(cfg, opt, s, MAX_NAME, false) != 0)
			return -1;
		if (dates_parse_date(s, &y, &m, &d) != 0) {
			snprintf(what, sizeof what,
				 _("\"%s\" is not a date YYYY-MM-DD (such as \"2026-12-25\")"), s);
			return fail(cfg, where, what);
		}
		for (unsigned j = 0; j < i; j++) {
			if (strcmp(s, cfg_opt_getnstr(opt, j)) == 0) {
				snprintf(what, sizeof what, _("\"%s\" is named twice"), s);
				return fail(cfg, where, what);
			}
		}
	}
	return 0;
}

/* extra = {"YYYY-MM-DD HH:MM-HH:MM [evening|day]", ...}: each well formed; overlaps with
 * the day's other periods are checked when the section is complete (v_building). */
static int v_extra(cfg_t *cfg, cfg_opt_t *opt)
{
	char where[256], what[512];
	qualify(cfg, opt, where, sizeof where);
	unsigned n = cfg_opt_size(opt);
	if (n > MAX_EXCEPTIONS) {
		snprintf(what, sizeof what, _("more than %d periods"), MAX_EXCEPTIONS);
		return fail(cfg, where, what);
	}
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		char date[DATES_DATE_LEN];
		int start, end, evening;
		if (check_text(cfg, opt, s, MAX_NAME, false) != 0)
			return -1;
		if (parse_extra(s, date, &start, &end, &evening) != 0) {
			snprintf(what, sizeof what,
				 _("\"%s\" is not a dated period \"YYYY-MM-DD HH:MM-HH:MM\", "
				   "optionally followed by \"evening\" or \"day\" (such as "
				   "\"2026-12-23 18:00-20:00 evening\")"), s);
			return fail(cfg, where, what);
		}
		if (start >= end) {
			snprintf(what, sizeof what, _("\"%s\" ends before it starts"), s);
			return fail(cfg, where, what);
		}
	}
	return 0;
}

static int v_building_name(cfg_t *cfg, cfg_opt_t *opt)
{
	return check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_NAME, false);
}

/* The lists of alarm points of a building, one per kind of alarm they raise. */
static const char *const point_lists[] = {"alarm_points", "robbery_points", "fire_points"};
static const char *const point_kinds[] = {"panic", "robbery", "fire"};
#define POINT_LISTS (sizeof point_lists / sizeof *point_lists)

/* Rooms and alarm points: printable, not empty, each named once (an alarm point in one
 * of the building's point lists only). */
static int v_places(cfg_t *cfg, cfg_opt_t *opt)
{
	unsigned n = cfg_opt_size(opt);
	char where[256], what[512];
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		if (check_text(cfg, opt, s, MAX_NAME, false) != 0)
			return -1;
		for (unsigned j = 0; j < i; j++) {
			if (strcmp(s, cfg_opt_getnstr(opt, j)) == 0) {
				qualify(cfg, opt, where, sizeof where);
				snprintf(what, sizeof what, _("\"%s\" is named twice"), s);
				return fail(cfg, where, what);
			}
		}
		for (size_t l = 0; l < POINT_LISTS && strcmp(cfg_opt_name(opt), "rooms") != 0; l++) {
			cfg_opt_t *other = cfg_getopt(cfg, point_lists[l]);
			if (!other || other == opt)
				continue;
			for (unsigned j = 0; j < cfg_opt_size(other); j++) {
				if (strcmp(s, cfg_opt_getnstr(other, j)) != 0)
					continue;
				qualify(cfg, opt, where, sizeof where);
				snprintf(what, sizeof what, _("\"%s\" is in %s as well (a point raises "
							     "one kind of alarm)"), s, point_lists[l]);
				return fail(cfg, where, what);
			}
		}
	}
	return 0;
}

/* Line of "building ID {" in the file, for messages about the section as a whole. */
static int section_line(const char *keyword, const char *title, int fallback)
{
	int line = 1;
	size_t klen = strlen(keyword), tlen = strlen(title);
	for (const char *p = ctx->text; *p; line++) {
		const char *q = p + strspn(p, " \t");
		if (strncmp(q, keyword, klen) == 0 && (q[klen] == ' ' || q[klen] == '\t')) {
			q += klen + strspn(q + klen, " \t");
			if (*q == '"' || *q == '\'')
				q++;
			if (strncmp(q, title, tlen) == 0 && strchr(" \t\"'{\n", q[tlen]))
				return line;
		}
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	return fallback;
}

/* The line of the first line at or after from holding needle, else fallback. */
static int line_of(const char *needle, int from, int fallback)
{
	int line = 1;
	for (const char *p = ctx->text; *p; line++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (line >= from) {
			const char *hit = strstr(p, needle);
			if (hit && (size_t)(hit - p) < len)
				return line;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return fallback;
}

/* Report at the line of the extra period s (quoted in the file). */
static int fail_extra(cfg_t *cfg, const char *id, const char *s, const char *what)
{
	char where[256], needle[128];
	snprintf(where, sizeof where, "building %s: extra", id);
	snprintf(needle, sizeof needle, "\"%s\"", s);
	int save = cfg->line;
	cfg->line = line_of(needle, section_line("building", id, 1), save);
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
				return fail_extra(cfg, id, t, what);
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
					return fail_extra(cfg, id, t, what);
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

static int v_building(cfg_t *cfg, cfg_opt_t *opt)
{
	cfg_t *b = cfg_opt_getnsec(opt, cfg_opt_size(opt) - 1);
	const char *id = cfg_title(b);
	if (valid_id(id))
		return check_extras(cfg, b);
	char what[512], shown[128];
	(void)text_escape(id ? id : "", shown, sizeof shown);
	snprintf(what, sizeof what,
		 _("\"%s\" is not a building id (only a-z, 0-9, _ and -, such as \"stadhuis\")"),
		 shown);
	int save = cfg->line;
	cfg->line = section_line("building", id ? id : "", save);
	cfg_error(cfg, "%s: %s", "building", what);
	cfg->line = save;
	return -1;
}

/* A user or @group in one role list: well formed and named under one role only. */
static int v_role_list(cfg_t *cfg, cfg_opt_t *opt)
{
	static const char *const lists[] = {"receptionist", "porter", "manager", "hr"};
	char where[256], what[512];
	qualify(cfg, opt, where, sizeof where);
	unsigned n = cfg_opt_size(opt);
	for (unsigned i = 0; i < n; i++) {
		const char *s = cfg_opt_getnstr(opt, i);
		if (check_text(cfg, opt, s, MAX_NAME, false) != 0)
			return -1;
		/* Group names may hold spaces ("@domain users"), login names may not; a
		 * leading or trailing space is a typo either way. */
		size_t len = strlen(s);
		if (strcmp(s, "@") == 0 || s[0] == ' ' || s[len - 1] == ' ' ||
		    (s[0] != '@' && strchr(s, ' ')) || (s[0] == '@' && s[1] == ' ')) {
			snprintf(what, sizeof what,
				 _("\"%s\" is not a login name or @group"), s);
			return fail(cfg, where, what);
		}
		for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
			cfg_opt_t *other = cfg_getopt(cfg, lists[l]);
			bool self = other == opt;
			unsigned m = self ? i : (other ? cfg_opt_size(other) : 0);
			for (unsigned j = 0; j < m; j++) {
				if (strcmp(s, cfg_opt_getnstr(other, j)) != 0)
					continue;
				if (self)
					snprintf(what, sizeof what, _("\"%s\" is named twice"), s);
				else
					snprintf(what, sizeof what,
						 _("\"%s\" is already named under %s"), s,
						 lists[l]);
				return fail(cfg, where, what);
			}
		}
	}
	return 0;
}

static int v_roles(cfg_t *cfg, cfg_opt_t *opt)
{
	if (++ctx->roles_seen > 1)
		return fail(cfg, cfg_opt_name(opt),
			    _("the section is given twice (merge the two into one)"));
	return 0;
}

static int v_protocol_text(cfg_t *cfg, cfg_opt_t *opt)
{
	return check_text(cfg, opt, cfg_opt_getnstr(opt, 0), MAX_TEXT, true);
}

static int v_protocol(cfg_t *cfg, cfg_opt_t *opt)
{
	if (++ctx->protocol_seen > 1)
		return fail(cfg, cfg_opt_name(opt),
			    _("the section is given twice (merge the two into one)"));
	return 0;
}

static int v_sentinel(cfg_t *cfg, cfg_opt_t *opt)
{
	(void)opt;
	/* The sentinel is ours; a user's line with its name is just an unknown option. */
	if (cfg->line <= ctx->last_line)
		return fail(cfg, SENTINEL, _("no such option"));
	ctx->reached_end = true;
	return 0;
}

/* ------------------------------------------------------------------ schema */

static cfg_opt_t building_opts[] = {
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
	CFG_STR_LIST("alarm_points", "{}", CFGF_NONE),
	CFG_STR_LIST("robbery_points", "{}", CFGF_NONE),
	CFG_STR_LIST("fire_points", "{}", CFGF_NONE),
	CFG_END(),
};

static cfg_opt_t roles_opts[] = {
	CFG_STR_LIST("receptionist", "{}", CFGF_NONE),
	CFG_STR_LIST("porter", "{}", CFGF_NONE),
	CFG_STR_LIST("manager", "{}", CFGF_NONE),
	CFG_STR_LIST("hr", "{}", CFGF_NONE),
	CFG_END(),
};

/* Retention periods in months (issue 7); the defaults are those of data/balie.conf. */
static cfg_opt_t retention_opts[] = {
	CFG_INT("bans_months", 12, CFGF_NONE),
	CFG_INT("alarms_months", 24, CFGF_NONE),
	CFG_INT("presence_months", 24, CFGF_NONE),
	CFG_INT("appointments_months", 12, CFGF_NONE),
	CFG_INT("audit_months", 60, CFGF_NONE),
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
	CFG_SEC("building", building_opts, CFGF_MULTI | CFGF_TITLE | CFGF_NO_TITLE_DUPES),
	CFG_SEC("roles", roles_opts, CFGF_NONE),
	CFG_SEC("retention", retention_opts, CFGF_NONE),
	CFG_SEC("protocol", protocol_opts, CFGF_NONE),
	CFG_INT(SENTINEL, 0, CFGF_NONE),
	CFG_END(),
};

/* A fresh libconfuse tree with every validator set; NULL on out-of-memory. */
static cfg_t *schema_new(void)
{
	/* cfg_init copies the tables, so the static ones are never written. */
	cfg_t *cfg = cfg_init(root_opts, CFGF_NONE);
	if (!cfg)
		return NULL;
	(void)cfg_set_error_function(cfg, on_cfg_error);
	static const struct {
		const char *name;
		cfg_validate_callback_t fn;
	} v[] = {
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
		{"building|rooms", v_places},
		{"building|alarm_points", v_places},
		{"building|robbery_points", v_places},
		{"building|fire_points", v_places},
		{"roles", v_roles},
		{"retention", v_retention},
		{"retention|bans_months", v_retention_months},
		{"retention|alarms_months", v_retention_months},
		{"retention|presence_months", v_retention_months},
		{"retention|appointments_months", v_retention_months},
		{"retention|audit_months", v_retention_months},
		{"roles|receptionist", v_role_list},
		{"roles|porter", v_role_list},
		{"roles|manager", v_role_list},
		{"roles|hr", v_role_list},
		{"protocol", v_protocol},
		{"protocol|ban_hit", v_protocol_text},
		{"protocol|possible", v_protocol_text},
		{"protocol|alarm", v_protocol_text},
		{"protocol|understaffed", v_protocol_text},
		{SENTINEL, v_sentinel},
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		(void)cfg_set_validate_func(cfg, v[i].name, v[i].fn);
	return cfg;
}

/* ------------------------------------------------------------------ building the struct */

static char *dup_or_fail(const char *s, bool *oom)
{
	char *d = strdup(s ? s : "");
	if (!d)
		*oom = true;
	return d;
}

static char **dup_list(cfg_t *sec, const char *name, size_t *n, bool *oom)
{
	*n = cfg_size(sec, name);
	char **v = calloc(*n ? *n : 1, sizeof *v);
	if (!v) {
		*oom = true;
		*n = 0;
		return NULL;
	}
	for (size_t i = 0; i < *n; i++)
		v[i] = dup_or_fail(cfg_getnstr(sec, name, (unsigned)i), oom);
	return v;
}

static void building_from(cfg_t *sec, struct config_building *b, bool *oom)
{
	b->id = dup_or_fail(cfg_title(sec), oom);
	const char *name = cfg_getstr(sec, "name");
	b->name = dup_or_fail(name && *name ? name : cfg_title(sec), oom);
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
	b->rooms = dup_list(sec, "rooms", &b->nrooms, oom);
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
				dup_or_fail(cfg_getnstr(sec, point_lists[l], i), oom);
		}
	}
}

static int add_roles(struct config *c, cfg_t *roles, bool *oom)
{
	static const enum role order[] = {ROLE_RECEPTIONIST, ROLE_PORTER, ROLE_MANAGER, ROLE_HR};
	size_t total = 0;
	for (size_t r = 0; r < sizeof order / sizeof *order; r++)
		total += cfg_size(roles, roles_name(order[r]));
	c->roles = calloc(total ? total : 1, sizeof *c->roles);
	if (!c->roles) {
		*oom = true;
		return -1;
	}
	for (size_t r = 0; r < sizeof order / sizeof *order; r++) {
		const char *list = roles_name(order[r]);
		for (unsigned i = 0; i < cfg_size(roles, list); i++) {
			struct config_user_role *u = &c->roles[c->nroles++];
			u->name = dup_or_fail(cfg_getnstr(roles, list, i), oom);
			u->role = order[r];
		}
	}
	return 0;
}

/* Turn a parsed, validated tree into a struct config; NULL on out-of-memory. */
static struct config *config_from(cfg_t *cfg, cfg_t *fallback, const char *source)
{
	struct config *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	bool oom = false;
	c->source = source ? dup_or_fail(source, &oom) : NULL;
	c->database = dup_or_fail(cfg_getstr(cfg, "database"), &oom);
	c->socket = dup_or_fail(cfg_getstr(cfg, "socket"), &oom);
	c->language = dup_or_fail(cfg_getstr(cfg, "language"), &oom);
	c->municipality = dup_or_fail(cfg_getstr(cfg, "municipality"), &oom);
	c->support_minimum = (int)cfg_getint(cfg, "support_minimum");
	c->realarm_seconds = (int)cfg_getint(cfg, "realarm_interval");
	c->staffing_warning_before = (int)cfg_getint(cfg, "staffing_warning_before");
	if (roles_parse(cfg_getstr(cfg, "default_role"), &c->default_role) != 0)
		c->default_role = ROLE_NONE; /* "none", the default */
	cfg_t *ret = cfg_getsec(cfg, "retention");
	c->retention.bans_months = (int)cfg_getint(ret, "bans_months");
	c->retention.alarms_months = (int)cfg_getint(ret, "alarms_months");
	c->retention.presence_months = (int)cfg_getint(ret, "presence_months");
	c->retention.appointments_months = (int)cfg_getint(ret, "appointments_months");
	c->retention.audit_months = (int)cfg_getint(ret, "audit_months");

	cfg_t *from = cfg_size(cfg, "building") > 0 ? cfg : fallback;
	size_t nb = cfg_size(from, "building");
	c->buildings = calloc(nb ? nb : 1, sizeof *c->buildings);
	if (!c->buildings) {
		oom = true;
	} else {
		for (size_t i = 0; i < nb; i++) {
			building_from(cfg_getnsec(from, "building", (unsigned)i),
				      &c->buildings[i], &oom);
			c->nbuildings++;
		}
	}
	const char *here = cfg_getstr(cfg, "this_building");
	c->building = dup_or_fail(here && *here ? here
				  : c->nbuildings > 0 ? c->buildings[0].id : DEFAULT_BUILDING,
				  &oom);
	c->alarm_point = dup_or_fail(cfg_getstr(cfg, "alarm_point"), &oom);

	(void)add_roles(c, cfg_getsec(cfg, "roles"), &oom);

	cfg_t *prot = cfg_getsec(cfg, "protocol");
	for (int i = 0; i < 4; i++) {
		const char *s = prot ? cfg_getstr(prot, protocol_names[i]) : NULL;
		/* An empty text means "the built-in one", like leaving it out. */
		if (s && *s)
			c->protocol[i] = dup_or_fail(s, &oom);
	}
	if (oom) {
		config_free(c);
		return NULL;
	}
	return c;
}

/* The built-in building as a parsed tree; NULL on out-of-memory. */
static cfg_t *builtin_tree(void)
{
	cfg_t *cfg = schema_new();
	if (!cfg)
		return NULL;
	struct load_ctx *saved = ctx, mine = {.path = "built-in", .text = builtin_building,
					       .last_line = 100};
	char err[256];
	mine.err = err;
	mine.errsz = sizeof err;
	ctx = &mine;
	int rc = cfg_parse_buf(cfg, builtin_building);
	ctx = saved;
	if (rc != CFG_SUCCESS) {
		cfg_free(cfg);
		return NULL;
	}
	return cfg;
}

/* libconfuse 3.3 miscounts lines after comments and refuses comments inside lists;
 * without comments its line numbers are right. */
void config_strip_comments(char *s)
{
	enum { CODE, DQUOTE, SQUOTE, LINE, BLOCK } st = CODE;
	char prev = '\n';
	for (char *p = s; *p; p++) {
		switch (st) {
		case CODE:
			if (*p == '"') {
				st = DQUOTE;
			} else if (*p == '\'') {
				st = SQUOTE;
			} else if (*p == '#') {
				st = LINE;
				*p = ' ';
			} else if (*p == '/' && (p[1] == '/' || p[1] == '*') &&
				   strchr(" \t\r\n{},=(", prev)) {
				/* Only at the start of a word: "a//b" is an unquoted value. */
				st = p[1] == '/' ? LINE : BLOCK;
				p[0] = p[1] = ' ';
				p++;
			}
			break;
		case DQUOTE:
		case SQUOTE:
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == (st == DQUOTE ? '"' : '\''))
				st = CODE;
			break;
		case LINE:
			if (*p == '\n')
				st = CODE;
			else
				*p = ' ';
			break;
		case BLOCK:
			if (*p == '*' && p[1] == '/') {
				p[0] = p[1] = ' ';
				p++;
				st = CODE;
			} else if (*p != '\n') {
				*p = ' ';
			}
			break;
		}
		prev = *p;
	}
}

/* Read a whole file into memory with the sentinel appended; NULL with err set. */
static char *read_file(const char *path, int *last_line, char *err, size_t errsz)
{
	static const char tail[] = "\n" SENTINEL " = 1\n";
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 0, len = 0;
	char *buf = NULL;
	int error = 0;
	for (;;) {
		if (len + sizeof tail + 1 >= cap) {
			char *nb = realloc(buf, cap ? cap * 2 : 8192);
			if (!nb) {
				error = ENOMEM;
				break;
			}
			buf = nb;
			cap = cap ? cap * 2 : 8192;
		}
		size_t want = cap - len - sizeof tail - 1;
		size_t got = fread(buf + len, 1, want, f);
		len += got;
		if (len > MAX_FILE) {
			error = EFBIG;
			break;
		}
		if (got < want) {
			if (ferror(f))
				error = errno ? errno : EIO;
			break;
		}
	}
	if (fclose(f) != 0 && !error)
		error = errno;
	if (error) {
		snprintf(err, errsz, "%s: %s", path, error == EFBIG
			 ? _("the file is too large for a configuration file") : strerror(error));
		free(buf);
		return NULL;
	}
	int line = 1;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\0') {
			snprintf(err, errsz, "%s:%d: %s", path, line,
				 _("the file contains a NUL byte (is it a text file?)"));
			free(buf);
			return NULL;
		}
		line += buf[i] == '\n';
	}
	/* The file's last line: the one holding its last byte. */
	*last_line = len > 0 && buf[len - 1] == '\n' ? line - 1 : line;
	memcpy(buf + len, tail, sizeof tail);
	config_strip_comments(buf);
	return buf;
}

/* Whether point is in one of the point lists of building here ("" = the first one). */
static bool point_in_building(cfg_t *cfg, const char *here, const char *point)
{
	cfg_t *b = here && *here ? cfg_gettsec(cfg, "building", here)
				 : cfg_size(cfg, "building") ? cfg_getnsec(cfg, "building", 0) : NULL;
	for (size_t l = 0; b && l < POINT_LISTS; l++)
		for (unsigned i = 0; i < cfg_size(b, point_lists[l]); i++)
			if (strcmp(cfg_getnstr(b, point_lists[l], i), point) == 0)
				return true;
	return false;
}

struct config *config_load_file(const char *path, char *err, size_t errsz)
{
	if (errsz > 0)
		err[0] = '\0';
	if (!path || !*path) {
		snprintf(err, errsz, "%s", _("no configuration file named"));
		return NULL;
	}
	struct load_ctx mine = {.path = path, .err = err, .errsz = errsz};
	char *text = read_file(path, &mine.last_line, err, errsz);
	if (!text)
		return NULL;
	mine.text = text;

	struct config *c = NULL;
	cfg_t *fallback = NULL;
	cfg_t *cfg = schema_new();
	if (!cfg) {
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
		goto out;
	}
	struct load_ctx *saved = ctx;
	ctx = &mine;
	int rc = cfg_parse_buf(cfg, text);
	if (rc == CFG_SUCCESS && !mine.reached_end)
		set_error(mine.last_line + 1, "");
	if (rc == CFG_SUCCESS && !mine.failed) {
		/* Cross-checks that need the whole file. */
		const char *here = cfg_getstr(cfg, "this_building");
		bool own = cfg_size(cfg, "building") > 0;
		if (here && *here && (own ? cfg_gettsec(cfg, "building", here) == NULL
					  : strcmp(here, DEFAULT_BUILDING) != 0)) {
			char what[512];
			snprintf(what, sizeof what,
				 _("this_building: no building section \"%s\" in this file"), here);
			set_error(mine.this_building_line, what);
		}
		const char *point = cfg_getstr(cfg, "alarm_point");
		if (point && *point && !point_in_building(cfg, here, point)) {
			char what[512];
			snprintf(what, sizeof what, _("alarm_point: \"%s\" is not an alarm point of "
						      "this building (%s)"), point,
				 here && *here ? here : _("the first building"));
			set_error(mine.alarm_point_line, what);
		}
	}
	ctx = saved;
	if (rc != CFG_SUCCESS || mine.failed) {
		if (!mine.failed)
			snprintf(err, errsz, "%s: %s", path, _("cannot be parsed"));
		goto out;
	}
	if (cfg_size(cfg, "building") == 0 && !(fallback = builtin_tree())) {
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
		goto out;
	}
	c = config_from(cfg, fallback, path);
	if (!c)
		snprintf(err, errsz, "%s: %s", path, strerror(ENOMEM));
out:
	if (fallback)
		cfg_free(fallback);
	if (cfg)
		cfg_free(cfg);
	free(text);
	return c;
}

struct config *config_defaults(void)
{
	cfg_t *cfg = schema_new();
	cfg_t *fallback = builtin_tree();
	struct config *c = cfg && fallback ? config_from(cfg, fallback, NULL) : NULL;
	if (fallback)
		cfg_free(fallback);
	if (cfg)
		cfg_free(cfg);
	return c;
}

/* Try one candidate file: 1 when it does not exist, else the result of loading it. */
static int try_file(const char *path, struct config **out, char *err, size_t errsz)
{
	if (access(path, F_OK) != 0 && (errno == ENOENT || errno == ENOTDIR))
		return 1;
	*out = config_load_file(path, err, errsz);
	return 0;
}

struct config *config_load(const char *explicit_path, char *err, size_t errsz)
{
	if (errsz > 0)
		err[0] = '\0';
	if (explicit_path)
		return config_load_file(explicit_path, err, errsz);

	char path[PATH_MAX];
	struct config *c = NULL;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n = -1;
	/* The XDG base-directory rules ignore a relative XDG_CONFIG_HOME. */
	if (xdg && xdg[0] == '/')
		n = snprintf(path, sizeof path, "%s/balie/balie.conf", xdg);
	else if (home && home[0] == '/')
		n = snprintf(path, sizeof path, "%s/.config/balie/balie.conf", home);
	if (n > 0 && (size_t)n < sizeof path && try_file(path, &c, err, errsz) == 0)
		return c;

	n = snprintf(path, sizeof path, "%s/balie/balie.conf", SYSCONFDIR);
	if (n > 0 && (size_t)n < sizeof path && try_file(path, &c, err, errsz) == 0)
		return c;
	if (strcmp(SYSCONFDIR, "/etc") != 0 &&
	    try_file("/etc/balie/balie.conf", &c, err, errsz) == 0)
		return c;

	c = config_defaults();
	if (!c)
		snprintf(err, errsz, "%s", strerror(ENOMEM));
	return c;
}

static void building_free(struct config_building *b)
{
	free(b->id);
	free(b->name);
	for (size_t i = 0; b->rooms && i < b->nrooms; i++)
		free(b->rooms[i]);
	free(b->rooms);
	for (size_t i = 0; b->alarm_points && i < b->nalarm_points; i++)
		free(b->alarm_points[i]);
	free(b->alarm_points);
	free(b->alarm_kinds);
	free(b->exceptions.closed);
	free(b->exceptions.extra);
}

void config_free(struct config *c)
{
	if (!c)
		return;
	free(c->source);
	free(c->database);
	free(c->socket);
	free(c->language);
	free(c->municipality);
	free(c->building);
	free(c->alarm_point);
	for (size_t i = 0; c->buildings && i < c->nbuildings; i++)
		building_free(&c->buildings[i]);
	free(c->buildings);
	for (size_t i = 0; c->roles && i < c->nroles; i++)
		free(c->roles[i].name);
	free(c->roles);
	for (int i = 0; i < 4; i++)
		free(c->protocol[i]);
	free(c);
}

const char *config_protocol(const struct config *c, enum config_protocol p)
{
	if ((unsigned)p >= 4)
		return "";
	if (c && c->protocol[p] && *c->protocol[p])
		return c->protocol[p];
	return _(protocol_builtin[p]);
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

const struct config_building *config_building_here(const struct config *c)
{
	const struct config_building *b = config_building_find(c, c ? c->building : NULL);
	if (b)
		return b;
	return c && c->nbuildings > 0 ? &c->buildings[0] : NULL;
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

const char *config_alarm_kind(const struct config *c, const char *point)
{
	for (size_t b = 0; c && point && b < c->nbuildings; b++)
		for (size_t i = 0; i < c->buildings[b].nalarm_points; i++)
			if (strcmp(c->buildings[b].alarm_points[i], point) == 0)
				return c->buildings[b].alarm_kinds[i];
	return NULL;
}
