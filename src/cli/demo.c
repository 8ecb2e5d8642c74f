/* demo — fills a fresh database with realistic, fictional data for `balie --demo` (without a
 * terminal, demo_summary.c prints what each panel would show). Every name and number is made up.
 * The one command-line file that opens a store itself: the demo's database is a file of the
 * operator's own (direct mode), set up before the console's session starts. */
#include "autoconfig.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "core/lib.h"
#include "cli/demo.h"
#include "i18n.h"
#include "store/lib.h"

/* The opening the demo gives today when the configuration has none (minutes). */
#define DEMO_DAY_START (9 * 60)
#define DEMO_DAY_END (17 * 60)
#define DEMO_EVENING_START (18 * 60)
#define DEMO_EVENING_END (20 * 60)

/* ------------------------------------------------------------------ demo_adjust_config */

/* Give weekday wd both daytime hours and an evening opening, keeping what the configuration
 * already has where it fits. */
static void adjust_day(struct policy_week *w, int wd)
{
	struct policy_period *day = w->day[wd];
	int count = w->count[wd];
	bool has_day = false, has_evening = false;

	if (count < 0 || count > POLICY_MAX_PERIODS)
		count = 0;
	for (int i = 0; i < count; i++) {
		if (day[i].evening)
			has_evening = true;
		else
			has_day = true;
	}
	if (has_day && has_evening)
		return;

	struct policy_period keep[POLICY_MAX_PERIODS];
	int n = 0;
	/* Keep the configured daytime periods, cut off where the demo evening begins, leaving
	 * one slot free for the evening. */
	for (int i = 0; i < count && n < POLICY_MAX_PERIODS - 1; i++) {
		if (day[i].evening || day[i].start >= DEMO_EVENING_START - 30)
			continue;
		keep[n] = day[i];
		if (keep[n].end > DEMO_EVENING_START)
			keep[n].end = DEMO_EVENING_START;
		n++;
	}
	if (n == 0)
		keep[n++] = (struct policy_period){DEMO_DAY_START, DEMO_DAY_END, false};
	policy_sort_periods(keep, n);
	int day_end = keep[n - 1].end;
	int kept_day = n;
	for (int i = 0; i < count && n < POLICY_MAX_PERIODS; i++)
		if (day[i].evening && day[i].start >= day_end)
			keep[n++] = day[i];
	if (n == kept_day)
		keep[n++] = (struct policy_period){DEMO_EVENING_START, DEMO_EVENING_END, true};
	policy_sort_periods(keep, n);
	memcpy(day, keep, (size_t)n * sizeof *keep);
	w->count[wd] = n;
}

void demo_adjust_config(struct config *c, time_t now)
{
	if (!c)
		return;
	int wd = dates_local_weekday(now);
	for (size_t i = 0; i < c->nbuildings; i++)
		adjust_day(&c->buildings[i].hours, wd);
}

/* ------------------------------------------------------------------ the fictional data */

enum demo_scope { SCOPE_ALL, SCOPE_HALL, SCOPE_YARD };

/* Department heads (and a deputy) who impose bans, mandated by the board. */
static const char *const demo_heads[] = {
	"Marloes Bakker (afdelingshoofd Publiekszaken)",
	"Erik van den Heuvel (afdelingshoofd Sociaal Domein)",
	"Ingrid Smeets (afdelingshoofd Ruimte en Omgeving)",
	"Sanne Kok (plv. afdelingshoofd Publiekszaken)",
};

struct demo_ban {
	const char *given, *prefix, *surname;
	const char *partner_prefix, *partner_surname;
	const char *born;
	enum ban_kind kind;
	enum ban_reason reason;
	enum demo_scope scope;
	int ends_in;  /* days from today to the last day (negative: expired) */
	int months;   /* length of the ban, per the sanction table */
	int letter;   /* days before the start the letter went out */
	int head;     /* index into demo_heads */
	bool police;
	const char *notes;
};

/* The thirty persons with a ban: data/demo_bans.tsv, embedded (tools/embed.sh). */
extern const char demo_bans_tsv[];

/* The bans read from demo_bans_tsv: their texts point into text. */
struct demo_bans {
	char *text;
	struct demo_ban *row;
	size_t n;
};

enum { DEMO_BAN_FIELDS = 15 };

/* Index in demo_bans.tsv of the banned visitor with a risky appointment today (Mehmet
 * Çelik). */
#define DEMO_BANNED_VISITOR 1

/* An integer field of demo_bans_tsv from lo to hi; 0 or -1. */
static int ban_number(const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* One line of demo_bans_tsv, cut into its fields f, into d; 0 or -1. */
static int ban_read(char *f[DEMO_BAN_FIELDS], struct demo_ban *d)
{
	static const char *const scopes[] = {[SCOPE_ALL] = "all", [SCOPE_HALL] = "hall",
					     [SCOPE_YARD] = "yard"};
	int heads = (int)(sizeof demo_heads / sizeof *demo_heads);
	*d = (struct demo_ban){
		.given = f[0], .prefix = f[1], .surname = f[2], .partner_prefix = f[3],
		.partner_surname = f[4], .born = f[5], .notes = f[14],
	};
	size_t sc = 0;
	while (sc < sizeof scopes / sizeof *scopes && strcmp(scopes[sc], f[8]) != 0)
		sc++;
	d->scope = (enum demo_scope)sc;
	d->police = strcmp(f[13], "yes") == 0;
	if (policy_kind_parse(f[6], &d->kind) != 0 || policy_reason_parse(f[7], &d->reason) != 0 ||
	    sc == sizeof scopes / sizeof *scopes ||
	    ban_number(f[9], -3660, 3660, &d->ends_in) != 0 ||
	    ban_number(f[10], 0, 120, &d->months) != 0 ||
	    ban_number(f[11], 0, 365, &d->letter) != 0 ||
	    ban_number(f[12], 0, heads - 1, &d->head) != 0 ||
	    (!d->police && strcmp(f[13], "no") != 0))
		return -1;
	return 0;
}

/* Read demo_bans_tsv into b (free with bans_free); 0, or -1 with err set. */
static int bans_load(struct demo_bans *b, char *err, size_t errsz)
{
	*b = (struct demo_bans){.text = strdup(demo_bans_tsv)};
	size_t lines = 0;
	for (const char *p = demo_bans_tsv; *p; p++)
		lines += *p == '\n';
	if (b->text)
		b->row = calloc(lines ? lines : 1, sizeof *b->row);
	if (!b->text || !b->row) {
		snprintf(err, errsz, "%s", strerror(ENOMEM));
		return -1;
	}
	int lineno = 0;
	for (char *line = b->text, *next; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		lineno++;
		if (*line == '#' || *line == '\0')
			continue;
		size_t tabs = 0;
		for (const char *q = line; *q; q++)
			tabs += *q == '\t';
		char *f[DEMO_BAN_FIELDS];
		for (char *q = line, **k = f; k < f + DEMO_BAN_FIELDS; k++) {
			*k = q;
			q += strcspn(q, "\t");
			if (*q)
				*q++ = '\0';
		}
		if (tabs != DEMO_BAN_FIELDS - 1 || ban_read(f, &b->row[b->n]) != 0) {
			snprintf(err, errsz, _("demo_bans.tsv, line %d: not a demo ban"), lineno);
			return -1;
		}
		b->n++;
	}
	if (b->n <= DEMO_BANNED_VISITOR) {
		snprintf(err, errsz, _("demo_bans.tsv, line %d: not a demo ban"), lineno + 1);
		return -1;
	}
	return 0;
}

static void bans_free(struct demo_bans *b)
{
	free(b->row);
	free(b->text);
}

struct demo_appt {
	const char *host, *visitor, *born;
	int room;            /* index into the rooms below */
	bool risky;
	unsigned precautions;
};

/* Fallback rooms when the building lists none; the first is the safe room. */
static const char *const demo_rooms[] = {
	"Spreekkamer 006", "Spreekkamer 008", "Spreekkamer 1.12", "Spreekkamer 1.14",
};

/* Six appointments spread over today's daytime opening; the banned visitor is filled in
 * from demo_bans.tsv. */
static const struct demo_appt demo_appts[] = {
	{"Marieke Dekker", "Jan de Vries", "1991-07-19", 2, false, 0},
	{"Sanne Vermeulen", "Noor Bakker", "1986-04-02", 3, false, 0},
	{"Thijs de Boer", NULL, NULL, 0, true,
	 PREC_SAFE_ROOM | PREC_COLLEAGUE | PREC_PORTER | PREC_POLICE},
	{"Fleur Jacobs", "Lotte van Rijn", "", 2, false, 0},
	{"Ruben Mulder", "Gerard Pronk", "1965-12-30", 1, true, PREC_SAFE_ROOM | PREC_COLLEAGUE},
	{"Koen ter Veen", "Eva Lambrechts", "1998-05-16", 3, false, 0},
};
#define DEMO_NAPPTS (sizeof demo_appts / sizeof *demo_appts)

/* The manager who judged the risky appointments. */
#define DEMO_FLAGGED_BY "Marloes Bakker"

struct demo_staff {
	const char *name;
	enum staff_team team;
	const char *phone;
	bool in_now;
};

/* Phone numbers are fictional (06 1234 56xx). The evening roster takes support-team members
 * from the end of the list, so the two checked in during the day keep their day shift. */
static const struct demo_staff demo_staff[] = {
	{"Hans Kuipers", TEAM_SUPPORT, "06 1234 5601", true},
	{"Mustafa Aydın", TEAM_SUPPORT, "06 1234 5602", true},
	{"Ellen van der Linden", TEAM_SUPPORT, "06 1234 5603", false},
	{"Bart Hoekstra", TEAM_SUPPORT, "06 1234 5604", false},
	{"Joke Dekker", TEAM_COUNTER, "06 1234 5611", true},
	{"Priya Ramdin", TEAM_COUNTER, "06 1234 5612", true},
	{"Lars ter Brugge", TEAM_COUNTER, "06 1234 5613", false},
};
#define DEMO_NSTAFF (sizeof demo_staff / sizeof *demo_staff)

/* The counter where the alarm goes off. */
#define DEMO_ALARM_POINT "Balie 2"

/* ------------------------------------------------------------------ demo_populate */

static int fail(char *err, size_t errsz, const char *what, struct store *st, enum store_status s)
{
	const char *why = s == STORE_ERROR || s == STORE_INVALID ? store_error(st)
			  : s == STORE_CONFLICT ? _("it already exists or was changed meanwhile")
			  : s == STORE_NOT_FOUND ? _("not found")
			  : s == STORE_BUSY ? _("the database is locked")
			  : _("unknown error");
	snprintf(err, errsz, "%s: %s", what, why);
	return -1;
}

/* Today's daytime periods of building b (09:00-17:00 when it has none); returns how many. */
static int day_periods(const struct config_building *b, int wd,
		       struct policy_period out[POLICY_MAX_PERIODS])
{
	int n = 0;
	for (int i = 0; b && i < b->hours.count[wd] && i < POLICY_MAX_PERIODS; i++) {
		const struct policy_period *p = &b->hours.day[wd][i];
		if (!p->evening && p->end > p->start)
			out[n++] = *p;
	}
	if (n == 0)
		out[n++] = (struct policy_period){DEMO_DAY_START, DEMO_DAY_END, false};
	return n;
}

/* Start and length in minutes of appointment i of n spread evenly over the periods: on a
 * quarter hour (when the period starts on one), at most 45 minutes, ending in the period. */
static void appt_slot(const struct policy_period *p, int np, int i, int n, int *at, int *dur)
{
	int total = 0;
	for (int k = 0; k < np; k++)
		total += p[k].end - p[k].start;
	int off = i * total / n, acc = 0, k = 0;
	while (k < np - 1 && off >= acc + (p[k].end - p[k].start)) {
		acc += p[k].end - p[k].start;
		k++;
	}
	*at = p[k].start + (off - acc) / 15 * 15;
	int room = p[k].end - *at, want = total / n;
	*dur = want > 45 ? 45 : want < 10 ? 10 : want;
	if (*dur > room)
		*dur = room;
}

/* Room i for building b: room 0 is the safe room (the one named "006" when configured),
 * then the other configured rooms in order, then made-up ones. */
static const char *room_name(const struct config_building *b, int i)
{
	size_t nrooms = b ? b->nrooms : 0, safe = 0;
	for (size_t r = 0; r < nrooms; r++) {
		if (strstr(b->rooms[r], "006")) {
			safe = r;
			break;
		}
	}
	if ((size_t)i >= nrooms)
		return demo_rooms[i];
	if (i == 0)
		return b->rooms[safe];
	/* The others in configured order, skipping the safe room taken as room 0. */
	return b->rooms[(size_t)i <= safe ? (size_t)i - 1 : (size_t)i];
}

static const char *alarm_point(const struct config_building *b)
{
	if (!b || b->nalarm_points == 0)
		return DEMO_ALARM_POINT;
	for (size_t i = 0; i < b->nalarm_points; i++)
		if (strcmp(b->alarm_points[i], DEMO_ALARM_POINT) == 0)
			return b->alarm_points[i];
	return b->alarm_points[b->nalarm_points > 1 ? 1 : 0];
}

/* Building ids for the scopes: "" (all) when the configuration has a single building. */
static void scope_ids(const struct config *c, const char **hall, const char **yard)
{
	*hall = *yard = "";
	if (c->nbuildings < 2)
		return;
	const struct config_building *h = config_building_find(c, "stadhuis");
	if (!h)
		h = config_building_here(c);
	const struct config_building *y = config_building_find(c, "milieustraat");
	*hall = h ? h->id : "";
	*yard = y ? y->id : *hall;
}

static int populate_bans(struct store *st, const struct config *c, const struct demo_bans *b,
			 const char *today, char *err, size_t errsz)
{
	struct ban_new *rows = calloc(b->n ? b->n : 1, sizeof *rows);
	char (*dates)[3][DATES_DATE_LEN] = calloc(b->n ? b->n : 1, sizeof *dates);
	const char *hall, *yard;
	int rc = -1;

	if (!rows || !dates) {
		snprintf(err, errsz, "%s", strerror(ENOMEM));
		goto out;
	}
	scope_ids(c, &hall, &yard);
	for (size_t i = 0; i < b->n; i++) {
		const struct demo_ban *d = &b->row[i];
		char *starts = dates[i][0], *ends = dates[i][1], *letter = dates[i][2];
		if (dates_add_days(today, d->ends_in, ends) != 0 ||
		    dates_add_months(ends, -d->months, starts) != 0 ||
		    dates_add_days(starts, -d->letter, letter) != 0) {
			snprintf(err, errsz, _("cannot compute the dates of the demo bans from %s"),
				 today);
			goto out;
		}
		rows[i] = (struct ban_new){
			.given_names = d->given, .prefix = d->prefix, .surname = d->surname,
			.partner_prefix = d->partner_prefix, .partner_surname = d->partner_surname,
			.born = d->born, .kind = d->kind, .reason = d->reason,
			.scope = d->scope == SCOPE_HALL ? hall : d->scope == SCOPE_YARD ? yard : "",
			.starts = starts, .ends = ends,
			.imposed_by = demo_heads[d->head], .letter_sent = letter,
			.police_informed = d->police, .notes = d->notes,
		};
	}
	enum store_status s = store_ban_import(st, rows, b->n);
	rc = s == STORE_OK ? 0 : fail(err, errsz, _("demo bans"), st, s);
out:
	free(dates);
	free(rows);
	return rc;
}

/* Issue 13: an appointment with a visitor under an entry ban needs an exception first; the
 * banned visitor's risky appointment today has one, arranged by phone. The bans were the
 * first rows of a fresh database, so the visitor's ban has id index + 1. */
static int populate_exception(struct store *st, const char *today, char *err, size_t errsz)
{
	enum store_status s = store_ban_exception_add(
		st, DEMO_BANNED_VISITOR + 1, BAN_EXCEPTION_APPOINTMENT, today, today,
		"Telefonisch afgesproken: gesprek met Thijs de Boer in spreekkamer 006, bode "
		"stand-by", NULL);
	return s == STORE_OK ? 0 : fail(err, errsz, _("demo exception"), st, s);
}

static int populate_appts(struct store *st, const struct config *c,
			  const struct demo_bans *bans, time_t now, const char *today, char *err, size_t errsz)
{
	const struct config_building *b = config_building_here(c);
	struct policy_period periods[POLICY_MAX_PERIODS];
	int np = day_periods(b, dates_local_weekday(now), periods);

	for (size_t i = 0; i < DEMO_NAPPTS; i++) {
		const struct demo_appt *d = &demo_appts[i];
		int at, dur;
		appt_slot(periods, np, (int)i, (int)DEMO_NAPPTS, &at, &dur);
		struct appt a = {0};
		if (dates_local_instant(today, at, &a.starts) != 0) {
			snprintf(err, errsz, _("cannot compute the time of a demo appointment on %s"),
				 today);
			return -1;
		}
		a.ends = a.starts + (time_t)dur * 60;
		const struct demo_ban *banned = &bans->row[DEMO_BANNED_VISITOR];
		char visitor[APPT_TEXT_MAX];
		if (d->visitor)
			snprintf(visitor, sizeof visitor, "%s", d->visitor);
		else
			snprintf(visitor, sizeof visitor, "%s %s", banned->given, banned->surname);
		snprintf(a.host, sizeof a.host, "%s", d->host);
		snprintf(a.visitor, sizeof a.visitor, "%s", visitor);
		snprintf(a.visitor_born, sizeof a.visitor_born, "%s",
			 d->born ? d->born : banned->born);
		snprintf(a.room, sizeof a.room, "%s", room_name(b, d->room));
		a.risky = d->risky;
		a.precautions = d->precautions;
		if (d->risky) {
			snprintf(a.flagged_by, sizeof a.flagged_by, "%s", DEMO_FLAGGED_BY);
			a.flagged_at = now - 26 * 3600; /* judged the day before */
		}
		enum store_status s = store_appt_add(st, &a, NULL);
		if (s != STORE_OK)
			return fail(err, errsz, _("demo appointments"), st, s);
	}
	return 0;
}

/* Whether today's evening opening of building b has begun at now. */
static bool evening_begun(const struct config_building *b, time_t now)
{
	if (!b)
		return false;
	int wd = dates_local_weekday(now);
	int e = policy_evening_period(&b->hours, wd);
	return e >= 0 && dates_local_minutes(now) >= b->hours.day[wd][e].start;
}

static int populate_staff(struct store *st, const struct config *c, time_t now,
			  const char *today, char *err, size_t errsz)
{
	/* One fewer than the minimum on tonight's roster, from the end of the list: the demo
	 * shows a short evening. */
	bool rostered[DEMO_NSTAFF] = {false};
	int want = c->support_minimum - 1;
	for (size_t i = DEMO_NSTAFF; i-- > 0 && want > 0;) {
		if (demo_staff[i].team == TEAM_SUPPORT) {
			rostered[i] = true;
			want--;
		}
	}
	/* Once the evening has begun the day shift has gone home and the evening crew is in,
	 * so the shortage shows now as well. */
	bool evening = evening_begun(config_building_here(c), now);
	enum store_status s;
	for (size_t i = 0; i < DEMO_NSTAFF; i++) {
		const struct demo_staff *d = &demo_staff[i];
		bool in = evening && d->team == TEAM_SUPPORT ? rostered[i] : d->in_now;
		if ((s = store_staff_add(st, d->name, d->team, d->phone)) != STORE_OK ||
		    (in && (s = store_staff_in(st, d->name)) != STORE_OK))
			return fail(err, errsz, _("demo staff"), st, s);
		if (rostered[i] && (s = store_staff_roster(st, d->name, today, true)) != STORE_OK)
			return fail(err, errsz, _("demo evening roster"), st, s);
	}
	return 0;
}

int demo_populate(struct store *st, const struct config *c, time_t now, char *err, size_t errsz)
{
	char today[DATES_DATE_LEN];
	dates_local_date(now, today);

	struct demo_bans bans;
	int rc = bans_load(&bans, err, errsz);
	if (rc == 0 && (populate_bans(st, c, &bans, today, err, errsz) != 0 ||
			populate_exception(st, today, err, errsz) != 0 ||
			populate_appts(st, c, &bans, now, today, err, errsz) != 0 ||
			populate_staff(st, c, now, today, err, errsz) != 0 ||
			demo_incidents_populate(st, c, now, err, errsz) != 0))
		rc = -1;
	bans_free(&bans);
	if (rc != 0)
		return -1;
	/* Last, so it is the newest event: a panic button pressed a minute ago. */
	enum store_status s = store_alarm_raise_at(st, alarm_point(config_building_here(c)),
						   ALARM_PANIC, now - 60, NULL);
	return s == STORE_OK ? 0 : fail(err, errsz, _("demo alarm"), st, s);
}

/* ------------------------------------------------------------------ demo_prepare */

int demo_prepare(const char *path, const struct config *c, bool populate, bool summary,
		 char *err, size_t errsz)
{
	struct store *st = store_open(path, STORE_CREATE, err, errsz);
	if (!st)
		return -1;
	int rc = 0;
	/* The fictional data is recorded as the demo's, not as nobody's ("?"): the alarm
	 * shows who raised it, the audit trail who wrote the rest. */
	store_set_actor(st, "demo", "demo");
	if (populate)
		rc = demo_populate(st, c, clock_now(), err, errsz);
	if (rc == 0 && summary && demo_summary(st, c, clock_now()) != 0) {
		snprintf(err, errsz, "%s", _("the summary could not be written"));
		rc = -1;
	}
	store_close(st);
	return rc;
}
