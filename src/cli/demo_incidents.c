/* demo_incidents — a year of fictional incidents and tally marks for `balie --demo`, so the
 * follow-up list and the half-yearly report show something real. Deterministic: the same
 * "now" gives the same data. Every name, number and event is made up. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/incident.h"
#include "cli/demo.h"
#include "core/lib.h"
#include "i18n.h"
#include "sanctions_conf.h"
#include "store/lib.h"

#define DEMO_DAYS 365          /* a year back from today */
#define DEMO_OPEN_DAYS 12      /* incidents younger than this are not complete yet */

/* A small linear congruential generator: the demo must be the same every time. */
struct rng {
	unsigned long state;
};

static unsigned pick(struct rng *r, unsigned n)
{
	r->state = r->state * 1103515245UL + 12345UL;
	return (unsigned)((r->state >> 16) & 0x7fff) % n;
}

/* Categories weighted as the GIR figures of a middle-sized municipality run: mostly verbal
 * aggression and threats, now and then violence, a robbery once in years. */
struct weighted {
	int value;          /* an enum incident_category or incident_channel */
	unsigned weight;
};
static const struct weighted category_weights[] = {
	{INCIDENT_VERBAL, 44}, {INCIDENT_THREAT, 18}, {INCIDENT_DISCRIMINATION, 8},
	{INCIDENT_OBSTRUCTION, 8}, {INCIDENT_PROPERTY, 5}, {INCIDENT_PHYSICAL, 5},
	{INCIDENT_SEXUAL, 4}, {INCIDENT_ATTEMPT, 4}, {INCIDENT_OTHER, 3}, {INCIDENT_ROBBERY, 1},
};

static const struct weighted channel_weights[] = {
	{CHANNEL_COUNTER, 52}, {CHANNEL_PHONE, 24}, {CHANNEL_HOME_VISIT, 8},
	{CHANNEL_OUTSIDE, 6}, {CHANNEL_WRITTEN, 5}, {CHANNEL_ONLINE, 5},
};

/* What happened, per category (the employee's own words, as on the form). */
static const char *const descriptions[INCIDENT_CATEGORY_COUNT][3] = {
	[INCIDENT_VERBAL] = {
		"Schold de medewerker uit toen de aanvraag niet direct kon worden afgehandeld.",
		"Schreeuwde aan de balie over de wachttijd en bleef dat doen na een waarschuwing.",
		"Noemde de medewerker aan de telefoon incompetent en hing op na gescheld.",
	},
	[INCIDENT_DISCRIMINATION] = {
		"Maakte kwetsende opmerkingen over de afkomst van de medewerker.",
		"Weigerde door een medewerker met een hoofddoek geholpen te worden en schold.",
		"Discriminerende uitlatingen over de leeftijd van de medewerker.",
	},
	[INCIDENT_SEXUAL] = {
		"Maakte seksueel getinte opmerkingen tegen de baliemedewerker.",
		"Bleef na het gesprek de medewerker nastaren en opmerkingen maken in de hal.",
		"Stuurde na het gesprek seksueel getinte berichten via het contactformulier.",
	},
	[INCIDENT_THREAT] = {
		"Dreigde de medewerker 'op te wachten na werktijd'.",
		"Stuurde een dreigende e-mail na de afwijzing van de bijzondere bijstand.",
		"Dreigde met 'maatregelen' tegen de medewerker en diens gezin.",
	},
	[INCIDENT_OBSTRUCTION] = {
		"Weigerde de spreekkamer te verlaten na afloop van het gesprek.",
		"Hield de balie bezet en liet andere bezoekers niet voor.",
		"Kwam zonder afspraak terug en weigerde de hal te verlaten.",
	},
	[INCIDENT_PROPERTY] = {
		"Sloeg met een stoel tegen de glazen wand; wand gebarsten.",
		"Gooide de folderstandaard om en trapte tegen de balie.",
		"Bekraste de deur van de spreekkamer met een sleutel.",
	},
	[INCIDENT_ATTEMPT] = {
		"Probeerde de medewerker te slaan; de bode kwam tussenbeide.",
		"Gooide een dossiermap naar de medewerker; mis.",
		"Deed een uitval naar de medewerker over de balie heen.",
	},
	[INCIDENT_PHYSICAL] = {
		"Duwde de medewerker tegen de balie.",
		"Greep de medewerker bij de arm en trok haar naar zich toe.",
		"Spuugde de medewerker in het gezicht.",
	},
	[INCIDENT_ROBBERY] = {
		"Overval aan de balie Burgerzaken; de dader dreigde met een mes en vluchtte.",
		"Overval aan de balie Burgerzaken; de dader dreigde met een mes en vluchtte.",
		"Overval aan de balie Burgerzaken; de dader dreigde met een mes en vluchtte.",
	},
	[INCIDENT_OTHER] = {
		"Bezoeker onder invloed hinderde andere bezoekers in de wachtruimte.",
		"Bezoeker filmde medewerkers zonder toestemming en zette het online.",
		"Bezoeker kwam met een hond binnen en weigerde die buiten te laten.",
	},
};

/* The employees it happens to (counter staff, klantmanagers, inspectors). */
static const char *const employees[] = {
	"Joke Dekker", "Priya Ramdin", "Lars ter Brugge", "Marieke Dekker", "Sanne Vermeulen",
	"Thijs de Boer", "Fleur Jacobs", "Ruben Mulder", "Koen ter Veen", "Annet de Boer",
};
#define NEMPLOYEES (sizeof employees / sizeof *employees)

/* Perpetrators: fictional; the first two are on the demo ban list too, so 'ban propose
 * --incident' shows repeats. NULL: not known (an anonymous caller, a passer-by). */
static const struct {
	const char *name, *born;
} perpetrators[] = {
	{"Mehmet Çelik", "1979-11-02"}, {"Jan de Vries", "1968-03-14"},
	{"Gerrit Hoekstra", "1959-01-21"}, {"Sandra van Leeuwen", "1983-06-30"},
	{"Kevin Smit", "1996-10-11"}, {"Wilma Bosman", ""}, {"Dirk-Jan Verhoeven", "1972-04-04"},
	{"Fatima El Idrissi", "1990-12-01"}, {"Patrick Willems", ""}, {"Ronald de Graaf", "1965-05-05"},
	{NULL, NULL}, {NULL, NULL}, {NULL, NULL}, {NULL, NULL}, {NULL, NULL}, {NULL, NULL},
};
#define NPERPETRATORS (sizeof perpetrators / sizeof *perpetrators)

/* One value of a table of n, each picked as often as its weight says. */
static int pick_weighted(struct rng *r, const struct weighted *t, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += t[i].weight;
	unsigned x = pick(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < t[i].weight)
			return t[i].value;
		x -= t[i].weight;
	}
	return t[n - 1].value;
}

#define PICK(r, table) pick_weighted((r), (table), sizeof(table) / sizeof *(table))

static enum incident_category pick_category(struct rng *r)
{
	return (enum incident_category)PICK(r, category_weights);
}

static enum incident_channel pick_channel(struct rng *r, enum incident_category c)
{
	if (c == INCIDENT_ROBBERY || c == INCIDENT_PHYSICAL || c == INCIDENT_ATTEMPT ||
	    c == INCIDENT_PROPERTY)
		return pick(r, 5) == 0 ? CHANNEL_HOME_VISIT : CHANNEL_COUNTER;
	return (enum incident_channel)PICK(r, channel_weights);
}

/* A place the configuration knows for the channel: an alarm point or room of this building
 * at the counter, the incident place "Huisbezoek" on a home visit, else the building. */
static const char *pick_place(struct rng *r, const struct config *c, enum incident_channel ch,
			      enum incident_category cat)
{
	const struct config_building *b = config_building_here(c);
	const char *building = b ? b->name : "Stadhuis";
	if (ch == CHANNEL_HOME_VISIT && config_place_known(c, "Huisbezoek"))
		return "Huisbezoek";
	if (ch == CHANNEL_OUTSIDE && config_place_known(c, "Parkeerplaats"))
		return "Parkeerplaats";
	if (ch != CHANNEL_COUNTER || !b)
		return building;
	if (cat == INCIDENT_ROBBERY && config_place_known(c, "Burgerzaken (overval)"))
		return "Burgerzaken (overval)";
	if (b->nalarm_points > 0 && pick(r, 4) != 0)
		return b->alarm_points[pick(r, (unsigned)b->nalarm_points)];
	if (b->nrooms > 0)
		return b->rooms[pick(r, (unsigned)b->nrooms)];
	return building;
}

/* Fill in the rest of the form of an incident that has been followed up. */
static void complete_form(struct rng *r, struct incident *in, const char *date)
{
	in->risk_assessed = pick(r, 4) == 0 ? ANSWER_YES : ANSWER_NO;
	if (in->risk_assessed == ANSWER_YES)
		snprintf(in->measures, sizeof in->measures, "%s",
			 "Gesprek in spreekkamer 006 met een collega in de buurt.");
	in->aftercare = pick(r, 3) == 0 ? ANSWER_NO : ANSWER_YES;
	in->preventable = pick(r, 5) == 0 ? ANSWER_YES : ANSWER_NO;
	if (in->preventable == ANSWER_YES)
		snprintf(in->prevention, sizeof in->prevention, "%s",
			 "Eerder een collega of de bode erbij halen.");
	in->discussed = ANSWER_YES;
	if (in->perpetrator[0] && in->category != INCIDENT_ROBBERY) {
		/* The order conversation a few days later, its minutes the day after. */
		(void)dates_add_days(date, 3, in->conversation_date);
		(void)dates_add_days(date, 4, in->minutes_sent);
	}
}

/* Mark every step the incident asks for done, as a careful manager would have. */
static int follow_up(struct store *st, const struct incident *in,
		     const struct incidents_policy *p, time_t now)
{
	struct incident_followup f[INCIDENTS_MAX_ITEMS];
	size_t n = 0;
	if (store_incident_followups(st, in, p, now, f, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (f[i].state == DUE_DONE)
			continue;
		time_t at = f[i].due.due - 3600;
		if (at < in->at)
			at = in->at + 1800;
		if (at > now)
			continue;
		if (store_incident_done(st, in->id, p, f[i].due.key, at, "") != STORE_OK)
			return -1;
	}
	return 0;
}

/* The time of day of an incident: counter hours on weekdays, any time for the rest. */
static int pick_minutes(struct rng *r, enum incident_channel ch)
{
	if (ch == CHANNEL_WRITTEN || ch == CHANNEL_ONLINE)
		return 7 * 60 + (int)pick(r, 15 * 60);
	return 9 * 60 + (int)pick(r, 7 * 60 + 30);
}

static int add_one(struct store *st, const struct config *c, const struct incidents_policy *p,
		   struct rng *r, const char *date, time_t now, char *err, size_t errsz)
{
	struct incident in;
	memset(&in, 0, sizeof in);
	in.category = pick_category(r);
	in.channel = pick_channel(r, in.category);
	if (dates_local_instant(date, pick_minutes(r, in.channel), &in.at) != 0 || in.at > now)
		return 0; /* a time the clock skips, or later today: leave it out */
	snprintf(in.place, sizeof in.place, "%s", pick_place(r, c, in.channel, in.category));
	snprintf(in.employee, sizeof in.employee, "%s", employees[pick(r, NEMPLOYEES)]);
	unsigned who = in.category == INCIDENT_ROBBERY ? NPERPETRATORS - 1
						       : pick(r, NPERPETRATORS);
	if (perpetrators[who].name) {
		snprintf(in.perpetrator, sizeof in.perpetrator, "%s", perpetrators[who].name);
		snprintf(in.perp_born, sizeof in.perp_born, "%s", perpetrators[who].born);
	}
	snprintf(in.description, sizeof in.description, "%s",
		 descriptions[in.category][pick(r, 3)]);
	if (in.category == INCIDENT_PHYSICAL || in.category == INCIDENT_ROBBERY)
		in.injury = pick(r, 2) ? INJURY_LIGHT : INJURY_NONE;
	if (in.category == INCIDENT_PROPERTY)
		in.damage_municipal = 5000 + (int64_t)pick(r, 60) * 2500;
	if ((p->rules->police_categories >> in.category) & 1u) {
		in.police = POLICE_REPORT;
		(void)dates_add_days(date, 1, in.police_date);
		snprintf(in.police_number, sizeof in.police_number, "PL0900-%.4s%.2s%.2s%02u",
			 date, date + 5, date + 8, pick(r, 90) + 10);
	} else if (pick(r, 6) == 0) {
		in.police = POLICE_INFORMED;
	}
	int days_ago = 0;
	char today[DATES_DATE_LEN];
	dates_local_date(now, today);
	(void)dates_diff_days(date, today, &days_ago);
	/* A police report filed tomorrow has not been filed yet. */
	if (in.police == POLICE_REPORT && strcmp(in.police_date, today) > 0) {
		in.police = POLICE_INFORMED;
		in.police_date[0] = in.police_number[0] = '\0';
	}
	bool old = days_ago >= DEMO_OPEN_DAYS;
	if (old)
		complete_form(r, &in, date);
	int64_t id;
	enum store_status s = store_incident_add(st, &in, &id);
	if (s == STORE_OK && old)
		s = store_incident_complete(st, id, 1);
	if (s != STORE_OK) {
		snprintf(err, errsz, "%s: %s", _("demo incidents"), store_error(st));
		return -1;
	}
	/* Read it back: the store has split the perpetrator's name (repeat offences). */
	if (store_incident_get(st, id, &in) != STORE_OK) {
		snprintf(err, errsz, "%s: %s", _("demo incidents"), store_error(st));
		return -1;
	}
	/* The last three days are still to be followed up: the list shows what is due. */
	if (days_ago >= 3 && follow_up(st, &in, p, now) != 0) {
		snprintf(err, errsz, "%s: %s", _("demo incidents"), store_error(st));
		return -1;
	}
	return 0;
}

int demo_incidents_populate(struct store *st, const struct config *c, time_t now, char *err,
			    size_t errsz)
{
	struct sanction_table table;
	char why[512];
	if (sanctions_load(c->source, &table, why, sizeof why) != 0 &&
	    sanctions_default(&table, why, sizeof why) != 0) {
		snprintf(err, errsz, "%s: %s", _("demo incidents"), why);
		return -1;
	}
	struct incidents_policy p = {&c->incidents.rules, c->incidents.sanction, &table};
	struct rng r = {20261124};
	char today[DATES_DATE_LEN], date[DATES_DATE_LEN];
	dates_local_date(now, today);
	for (int back = DEMO_DAYS; back >= 0; back--) {
		if (dates_add_days(today, -back, date) != 0)
			continue;
		int wd = policy_weekday(date);
		/* More in winter and around the tax letters in spring, fewer in the summer. */
		int month = atoi(date + 5);
		unsigned chance = month >= 7 && month <= 8 ? 5 : month <= 3 ? 9 : 7;
		if (wd >= 5)
			chance = 1;
		/* Yesterday and the day before always: the follow-up list is never empty. */
		bool sure = back == 1 || back == 3;
		if ((sure || pick(&r, 20) < chance) &&
		    add_one(st, c, &p, &r, date, now, err, errsz) != 0)
			return -1;
		/* Tally marks: small misbehaviour counted at the counter and on the phone. */
		for (unsigned t = wd < 5 ? pick(&r, 3) : 0; t > 0; t--) {
			time_t at;
			enum incident_channel ch = pick(&r, 3) ? CHANNEL_COUNTER : CHANNEL_PHONE;
			enum incident_category cat = pick(&r, 8) ? INCIDENT_VERBAL
						     : INCIDENT_DISCRIMINATION;
			if (dates_local_instant(date, pick_minutes(&r, ch), &at) != 0 || at > now)
				continue;
			if (store_incident_tally(st, at, cat, ch, "", NULL) != STORE_OK) {
				snprintf(err, errsz, "%s: %s", _("demo tallies"), store_error(st));
				return -1;
			}
		}
	}
	return 0;
}

int demo_incidents_summary(struct store *st, const struct config *c, time_t now)
{
	struct sanction_table table;
	char why[512];
	if (sanctions_load(c->source, &table, why, sizeof why) != 0 &&
	    sanctions_default(&table, why, sizeof why) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, why);
		return -1;
	}
	struct incidents_policy p = {&c->incidents.rules, c->incidents.sanction, &table};
	struct incident_due_row *rows = NULL;
	size_t n = 0, overdue = 0;
	if (store_incident_due(st, &p, now, false, &rows, &n) != STORE_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, store_error(st));
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		overdue += rows[i].f.state == DUE_OVERDUE;
	free(rows);
	printf("\n");
	printf(_("INCIDENTS: %zu follow-up steps to do, %zu of them overdue"), n, overdue);
	printf("\n");
	/* The report of the last six whole months, as HR would send it. */
	char today[DATES_DATE_LEN], first[DATES_DATE_LEN], from[DATES_DATE_LEN];
	char to[DATES_DATE_LEN];
	dates_local_date(now, today);
	snprintf(first, sizeof first, "%.8s01", today);
	if (dates_add_months(first, -6, from) != 0 || dates_add_days(first, -1, to) != 0)
		return -1;
	return cli_report_text(st, c, from, to);
}
