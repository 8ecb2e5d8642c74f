/* demo — fills a fresh database with realistic, fictional data for `balie --demo` (without a
 * terminal, demo_summary.c prints what each panel would show). Every name and number is made up.
 * The one command-line file that opens a store itself: the demo's database is a file of the
 * operator's own (direct mode), set up before the console's session starts. */
#include "autoconfig.h"

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

/* Thirty persons. Jan de Vries born 1968 is banned; his namesake born 1991 has an ordinary
 * appointment today. Two bans have expired, one ends within the week. */
static const struct demo_ban demo_bans[] = {
	{"Jan", "de", "Vries", "", "", "1968-03-14", BAN_BUILDING, REASON_PHYSICAL, SCOPE_ALL,
	 96, 6, 2, 0, true,
	 "Duwde een medewerker van Burgerzaken tegen de balie na weigering van een spoedaanvraag "
	 "paspoort. Aangifte gedaan."},
	{"Mehmet", "", "Çelik", "", "", "1979-11-02", BAN_BUILDING_PHONE, REASON_THREAT, SCOPE_ALL,
	 61, 3, 1, 1, true,
	 "Dreigde een klantmanager Werk en Inkomen 'op te wachten na werktijd'. Herhaling na "
	 "eerdere waarschuwing; gesprekken alleen op afspraak in een veilige spreekkamer."},
	{"Ayşe", "", "Yılmaz", "", "", "1985-06-21", BAN_PHONE, REASON_THREAT, SCOPE_ALL,
	 34, 2, 3, 1, true,
	 "Bedreigde telefonisch een medewerker van het KCC en diens gezin."},
	{"Jos", "", "Geëlen", "", "", "1961-09-30", BAN_WARNING, REASON_VERBAL, SCOPE_ALL,
	 140, 6, 0, 0, false,
	 "Schold een baliemedewerker uit na een lange wachttijd; ordegesprek gevoerd."},
	{"Dieter", "", "Müller", "", "", "1972-01-17", BAN_BUILDING, REASON_OBSTRUCTION, SCOPE_HALL,
	 22, 2, 2, 2, true,
	 "Weigerde na sluitingstijd het gemeentehuis te verlaten (lokaalvredebreuk), tweede keer."},
	{"Łukasz", "", "Kowalczyk", "", "", "1990-04-08", BAN_SERVICE, REASON_VERBAL, SCOPE_ALL,
	 45, 2, 1, 3, false,
	 "Herhaald beledigend en discriminerend taalgebruik aan de balie. Dienstverlening "
	 "opgeschort tot na een ordegesprek; contact alleen schriftelijk."},
	{"Petra", "", "Jansen", "van", "Dijk", "1974-12-05", BAN_BUILDING, REASON_ATTEMPT, SCOPE_ALL,
	 57, 3, 2, 1, true,
	 "Probeerde een medewerker Jeugd te slaan tijdens een gesprek over haar dossier."},
	{"Gerrit", "", "IJzerman", "", "", "1958-07-23", BAN_BUILDING_PHONE, REASON_ATTEMPT,
	 SCOPE_ALL, 88, 4, 2, 1, true,
	 "Stalkt een medewerker Jeugd: wachtte haar herhaaldelijk op bij de personeelsingang."},
	{"Cornelis", "van der", "Meer", "", "", "1966-02-11", BAN_WARNING, REASON_VERBAL, SCOPE_ALL,
	 118, 6, 1, 0, false,
	 "Discriminerende opmerkingen tegen een baliemedewerker."},
	{"Anouk", "ter", "Horst", "", "", "1993-10-19", BAN_WARNING, REASON_OBSTRUCTION, SCOPE_ALL,
	 150, 6, 3, 3, false,
	 "Hield de balie van Burgerzaken een half uur bezet en weigerde plaats te maken."},
	{"Henk", "van 't", "Hof", "", "", "1955-05-05", BAN_BUILDING, REASON_PROPERTY, SCOPE_YARD,
	 73, 3, 2, 2, true,
	 "Reed de slagboom van de milieustraat kapot na een discussie over het stortbedrag. "
	 "Schade verhaald."},
	{"Mohamed", "", "El Amrani", "", "", "1988-08-30", BAN_BUILDING, REASON_THREAT, SCOPE_ALL,
	 29, 2, 1, 1, true,
	 "Bedreigde een medewerker Schuldhulpverlening met een mes-gebaar."},
	{"Sandra", "", "Hendriks", "", "", "1980-03-03", BAN_PHONE, REASON_OTHER, SCOPE_ALL,
	 38, 2, 2, 3, false,
	 "Tientallen intimiderende telefoontjes per dag naar het KCC."},
	{"Richard", "", "Kuijpers", "", "", "1970-12-12", BAN_BUILDING, REASON_PHYSICAL, SCOPE_ALL,
	 170, 7, 2, 0, true,
	 "Sloeg een bode in de hal (herhaling); aangifte gedaan."},
	{"Bram", "de", "Jong", "", "", "1999-01-25", BAN_BUILDING, REASON_ATTEMPT, SCOPE_ALL,
	 -40, 2, 1, 1, true,
	 "Gooide een stoel richting de balie. Verbod verlopen."},
	{"Wilma", "", "Meijer", "", "", "1963-06-14", BAN_SERVICE, REASON_VERBAL, SCOPE_ALL,
	 -12, 1, 2, 0, false,
	 "Herhaald schelden aan de telefoon; dienstverlening opgeschort tot ordegesprek. "
	 "Verlopen."},
	{"Ahmed", "", "Boukhari", "", "", "1983-09-09", BAN_SERVICE, REASON_OBSTRUCTION, SCOPE_ALL,
	 19, 1, 1, 1, false,
	 "Dwong een medewerker tot een toezegging over zijn uitkering; opgeschort tot gesprek."},
	{"Lisa", "van den", "Broek", "", "", "1995-02-28", BAN_PHONE, REASON_THREAT, SCOPE_ALL,
	 66, 3, 2, 3, true,
	 "Dreigende voicemails aan een medewerker Leerplicht."},
	{"Frank", "", "Verhoeven", "", "", "1977-07-07", BAN_BUILDING_PHONE, REASON_PHYSICAL,
	 SCOPE_ALL, 4, 5, 2, 0, true,
	 "Gaf een beveiliger een duw op de trap; aangifte gedaan. Eindigt deze week."},
	{"Tamara", "de", "Wit", "", "", "1987-11-11", BAN_WARNING, REASON_VERBAL, SCOPE_ALL,
	 101, 6, 1, 3, false,
	 "Seksueel intimiderende opmerkingen tegen een baliemedewerker."},
	{"Piet", "", "Schouten", "", "", "1952-04-01", BAN_BUILDING, REASON_OBSTRUCTION, SCOPE_HALL,
	 48, 2, 2, 2, true,
	 "Blokkeerde met een sit-in de ingang van het gemeentehuis (herhaling)."},
	{"Oksana", "", "Kovalenko", "", "", "1991-08-17", BAN_WARNING, REASON_OBSTRUCTION,
	 SCOPE_ALL, 132, 6, 2, 0, false,
	 "Filmde medewerkers aan de balie en weigerde daarmee te stoppen."},
	{"Willem", "van", "Leeuwen", "", "", "1969-10-10", BAN_BUILDING, REASON_THREAT, SCOPE_ALL,
	 112, 6, 2, 1, true,
	 "Herhaalde persoonlijke bedreiging van een wethouder tijdens het spreekuur."},
	{"Daan", "", "Smit", "", "", "2001-05-30", BAN_BUILDING, REASON_PROPERTY, SCOPE_HALL,
	 77, 3, 1, 2, true,
	 "Trapte de glazen deur van de hal in; schade verhaald, aangifte gedaan."},
	{"Fatima", "", "Ouali", "", "", "1984-01-09", BAN_SERVICE, REASON_VERBAL, SCOPE_ALL,
	 26, 2, 2, 1, false,
	 "Herhaald beledigend taalgebruik bij Werk en Inkomen; opgeschort tot ordegesprek."},
	{"Ricardo", "da", "Silva", "", "", "1976-03-27", BAN_BUILDING_PHONE, REASON_THREAT,
	 SCOPE_ALL, 83, 4, 2, 0, true,
	 "Dreigde de balie 'leeg te halen' en herhaalde dit telefonisch."},
	{"Marco", "van", "Beek", "", "", "", BAN_PHONE, REASON_OTHER, SCOPE_ALL,
	 15, 1, 1, 3, false,
	 "Belt dagelijks anoniem met scheldpartijen; geboortedatum onbekend."},
	{"Yvonne", "", "Peeters", "", "", "1966-09-13", BAN_WARNING, REASON_VERBAL, SCOPE_ALL,
	 159, 6, 1, 0, false,
	 "Discriminerende uitlatingen tegen een medewerker in de wachtruimte."},
	{"Erik", "", "Janssen", "", "", "1974-02-02", BAN_BUILDING, REASON_ATTEMPT, SCOPE_YARD,
	 53, 3, 2, 2, true,
	 "Probeerde een medewerker van de milieustraat met zijn aanhanger klem te rijden."},
	{"Ömer", "", "Doğan", "", "", "1989-06-06", BAN_WARNING, REASON_THREAT, SCOPE_ALL,
	 127, 6, 1, 1, true,
	 "Persoonlijke bedreiging aan de balie (eerste keer): schriftelijke waarschuwing en "
	 "aangifte."},
};
#define DEMO_NBANS (sizeof demo_bans / sizeof *demo_bans)

/* Index in demo_bans of the banned visitor with a risky appointment today (Mehmet Çelik). */
#define DEMO_BANNED_VISITOR 1

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
 * from demo_bans. */
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

static int populate_bans(struct store *st, const struct config *c, const char *today,
			 char *err, size_t errsz)
{
	struct ban_new rows[DEMO_NBANS];
	char starts[DEMO_NBANS][DATES_DATE_LEN], ends[DEMO_NBANS][DATES_DATE_LEN];
	char letter[DEMO_NBANS][DATES_DATE_LEN];
	const char *hall, *yard;

	scope_ids(c, &hall, &yard);
	for (size_t i = 0; i < DEMO_NBANS; i++) {
		const struct demo_ban *d = &demo_bans[i];
		if (dates_add_days(today, d->ends_in, ends[i]) != 0 ||
		    dates_add_months(ends[i], -d->months, starts[i]) != 0 ||
		    dates_add_days(starts[i], -d->letter, letter[i]) != 0) {
			snprintf(err, errsz, _("cannot compute the dates of the demo bans from %s"),
				 today);
			return -1;
		}
		rows[i] = (struct ban_new){
			.given_names = d->given, .prefix = d->prefix, .surname = d->surname,
			.partner_prefix = d->partner_prefix, .partner_surname = d->partner_surname,
			.born = d->born, .kind = d->kind, .reason = d->reason,
			.scope = d->scope == SCOPE_HALL ? hall : d->scope == SCOPE_YARD ? yard : "",
			.starts = starts[i], .ends = ends[i],
			.imposed_by = demo_heads[d->head], .letter_sent = letter[i],
			.police_informed = d->police, .notes = d->notes,
		};
	}
	enum store_status s = store_ban_import(st, rows, DEMO_NBANS);
	return s == STORE_OK ? 0 : fail(err, errsz, _("demo bans"), st, s);
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

static int populate_appts(struct store *st, const struct config *c, time_t now,
			  const char *today, char *err, size_t errsz)
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
		const struct demo_ban *banned = &demo_bans[DEMO_BANNED_VISITOR];
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

	if (populate_bans(st, c, today, err, errsz) != 0 ||
	    populate_exception(st, today, err, errsz) != 0 ||
	    populate_appts(st, c, now, today, err, errsz) != 0 ||
	    populate_staff(st, c, now, today, err, errsz) != 0 ||
	    demo_incidents_populate(st, c, now, err, errsz) != 0)
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
