/* incidents — the rules of incident registration as pure functions: categories, channels
 * and the form's answers; the follow-up deadlines (aftercare, professional help, reaction,
 * order conversation and minutes, police report, labour inspectorate); repeat offences; and
 * the counting of the half-yearly report (incidents_report.c). No I/O, no SQL, no curses. */
#ifndef BALIE_INCIDENTS_H
#define BALIE_INCIDENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/dates.h"
#include "core/named.h"
#include "core/policy.h"
#include "core/sanctions.h"
#include "core/sha256.h"

/* What happened (the GIR groups, finer where the seed forms are). */
enum incident_category {
	INCIDENT_VERBAL,         /* verbal: insult, humiliation, shouting, swearing */
	INCIDENT_DISCRIMINATION, /* discrimination: colour, faith, age, sex, orientation */
	INCIDENT_SEXUAL,         /* sexual: sexual intimidation */
	INCIDENT_THREAT,         /* threat: personal threat, stalking, blackmail, threat letter */
	INCIDENT_OBSTRUCTION,    /* obstruction: coercion, trespass (lokaalvredebreuk) */
	INCIDENT_PROPERTY,       /* property: damage to municipal property, theft */
	INCIDENT_ATTEMPT,        /* attempt: attempted kick, hit or injury */
	INCIDENT_PHYSICAL,       /* physical: assault, pushing, spitting, throwing things */
	INCIDENT_ROBBERY,        /* robbery: an armed robbery (overval) */
	INCIDENT_OTHER,
	INCIDENT_CATEGORY_COUNT
};

/* How the contact took place. */
enum incident_channel {
	CHANNEL_COUNTER, CHANNEL_PHONE, CHANNEL_OUTSIDE, CHANNEL_HOME_VISIT, CHANNEL_WRITTEN,
	CHANNEL_ONLINE, INCIDENT_CHANNEL_COUNT
};

enum incident_injury { INJURY_NONE, INJURY_LIGHT, INJURY_SERIOUS, INCIDENT_INJURY_COUNT };

/* The police: a report filed (aangifte, with date and number) is its own state. */
enum incident_police { POLICE_NONE, POLICE_INFORMED, POLICE_REPORT, INCIDENT_POLICE_COUNT };

/* A yes/no question of the form that may not be answered yet. */
enum incident_answer { ANSWER_OPEN, ANSWER_NO, ANSWER_YES, INCIDENT_ANSWER_COUNT };

/* Stable machine names ("verbal", "home-visit", "serious", "report", "yes") and back: 0, or
 * -1 when unknown. Labels are translated. (Defined by NAMED_FUNCTIONS in incidents.c.) */
NAMED_DECLARE(incidents_category, enum incident_category);
NAMED_DECLARE(incidents_channel, enum incident_channel);
NAMED_DECLARE(incidents_injury, enum incident_injury);
NAMED_DECLARE(incidents_police, enum incident_police);
NAMED_DECLARE(incidents_answer, enum incident_answer); /* names "", "no", "yes" */

/* "verbal, discrimination, ..." (every machine name of a kind, joined by ", ") into out,
 * for messages that list what is allowed. */
void incidents_category_list(char *out, size_t outsz);
void incidents_channel_list(char *out, size_t outsz);

/* The sanction-table category an incident category maps to by default (robbery counts as
 * physical violence, discrimination and sexual intimidation as verbal aggression). */
enum ban_reason incidents_default_sanction(enum incident_category c);

/* ---------------------------------------------------------------- deadlines */

/* A time window after the incident: "24h" (within 24 hours), "14d" (by the end of the 14th
 * day after it), "1-3d" (from the 1st to the end of the 3rd day), "4-6w" (weeks). */
struct incidents_span {
	int from, to;    /* in units; from <= to; from 0 when written as one number */
	int unit;        /* 'h', 'd' or 'w' (an int: it travels as one) */
};
#define INCIDENTS_SPAN_TEXT 32

/* Parse a span; 0, or -1 when malformed (unit, order, 0..999). */
int incidents_span_parse(const char *s, struct incidents_span *out);

/* The span as written ("24h", "1-3d"). */
void incidents_span_text(const struct incidents_span *s, char out[INCIDENTS_SPAN_TEXT]);

/* Apply a span to an incident at instant at: [*starts, *due). Hours count exactly; days and
 * weeks end at local midnight after the last day (DST-correct). 0, or -1 on a bad span. */
int incidents_span_apply(const struct incidents_span *s, time_t at, time_t *starts, time_t *due);

/* When an incident happened, as typed at the desk: "HH:MM" (today, the local date of now)
 * or "YYYY-MM-DD HH:MM", local time, not after now. */
enum incidents_time {
	INCIDENTS_TIME_OK = DATES_LOCAL_OK, /* the first three as dates_read_local says */
	INCIDENTS_TIME_MALFORMED = DATES_LOCAL_MALFORMED,
	INCIDENTS_TIME_NO_SUCH = DATES_LOCAL_NO_SUCH, /* skipped when the clocks go forward */
	INCIDENTS_TIME_FUTURE
};
enum incidents_time incidents_read_time(const char *s, time_t now, time_t *out);

/* Local midnight ending the n-th working day (Monday to Friday) after the local date of at;
 * n = 0 is the end of that day itself. */
time_t incidents_working_days(time_t at, int n);

#define INCIDENTS_AFTERCARE_MAX 8
#define INCIDENTS_HELP_WORKING_DAYS 5 /* professional help offered (Ermelo 6.2: DOEN) */
#define INCIDENTS_REACTION_HOURS 48   /* a reaction to the perpetrator (Ermelo 6.5) */

/* The deadlines an organisation sets (balie.conf, section incidents). */
struct incidents_rules {
	struct incidents_span aftercare[INCIDENTS_AFTERCARE_MAX]; /* contacts with the employee */
	size_t naftercare;
	unsigned police_categories;  /* bits 1 << category: a police report is due */
	int police_days;             /* ... within this many days */
	unsigned serious_categories; /* bits: a serious incident (professional help) */
	int conversation_days;       /* the order conversation within this many days */
	int minutes_days;            /* its minutes letter within this many days after it */
};

/* The defaults of data/balie.conf: Veghel's aftercare (24h, 48h, day 14), a police report
 * within 3 days after threat, attempt, physical violence and robbery, those four serious,
 * the conversation within 5 days and its minutes within 5 days. */
void incidents_rules_default(struct incidents_rules *r);

/* One follow-up step an incident asks for. */
enum incident_item {
	ITEM_AFTERCARE,     /* a contact with the employee (index: which one) */
	ITEM_HELP,          /* professional help offered: within 5 working days, serious only */
	ITEM_REACTION,      /* a reaction to the perpetrator within 48 hours */
	ITEM_CONVERSATION,  /* the order conversation (ordegesprek) */
	ITEM_MINUTES,       /* its minutes sent by letter */
	ITEM_POLICE,        /* a police report (aangifte) */
	ITEM_INSPECTORATE,  /* the labour inspectorate notified at once: serious injury */
	INCIDENT_ITEM_COUNT
};

/* What the deadlines depend on. Instants are 0 when not known. */
struct incident_facts {
	time_t at;                      /* when it happened */
	enum incident_category category;
	enum incident_injury injury;
	bool perpetrator_known;         /* a name, or a description to find them by */
	enum incident_answer aftercare; /* "is aftercare wanted?": ANSWER_NO drops the contacts */
	bool conversation_proposed;     /* the sanction table proposes one (or it was held) */
	enum incident_police police;
	char police_date[DATES_DATE_LEN];     /* "" unless filed */
	char conversation_date[DATES_DATE_LEN]; /* "" unless held */
	char minutes_sent[DATES_DATE_LEN];      /* "" unless sent */
};

#define INCIDENTS_KEY_LEN 24
#define INCIDENTS_MAX_ITEMS (INCIDENTS_AFTERCARE_MAX + INCIDENT_ITEM_COUNT)

/* A follow-up step with its window. done_by_fact: the form records it done (the police
 * report, the conversation, the minutes letter), on done_date. */
struct incident_due {
	enum incident_item item;
	int index;                    /* the aftercare contact (0-based), else 0 */
	char key[INCIDENTS_KEY_LEN];  /* "aftercare1", "help", "police", ... */
	time_t starts, due;           /* [starts, due) */
	struct incidents_span span;   /* for aftercare contacts: the configured span */
	bool done_by_fact;
	char done_date[DATES_DATE_LEN];
};

/* The steps facts f ask for under rules r, in order of due time; writes at most max and
 * returns how many. Serious: injury serious, or the category among r->serious_categories
 * (or a light injury). */
size_t incidents_due(const struct incidents_rules *r, const struct incident_facts *f,
		     struct incident_due *out, size_t max);

/* Whether the facts make the incident serious (professional help is then due). */
bool incidents_serious(const struct incidents_rules *r, const struct incident_facts *f);

/* The key of an item ("aftercare2" for the second contact); parse back: 0 or -1. */
void incidents_item_key(enum incident_item item, int index, char out[INCIDENTS_KEY_LEN]);
int incidents_item_parse(const char *key, enum incident_item *item, int *index);

/* A translated description of a step ("aftercare contact 2 (48h)", "police report"). */
void incidents_item_label(const struct incident_due *d, char *out, size_t outsz);

/* Where a step stands at now. */
enum incident_due_state {
	DUE_DONE,     /* done (marked, or by the facts) */
	DUE_LATER,    /* its window has not begun */
	DUE_OPEN,     /* to do, not late yet */
	DUE_OVERDUE   /* its deadline passed: highlighted on the manager's and HR's console */
};
enum incident_due_state incidents_due_state(const struct incident_due *d, bool marked_done,
					    time_t now);
const char *incidents_due_state_name(enum incident_due_state s);

/* ---------------------------------------------------------------- repeat offences */

/* Earlier offences of the same person, before the one at hand: bans and warnings (active or
 * ended, drafts not), earlier incidents, and records the retention purge kept
 * pseudonymised. */
struct incidents_earlier {
	size_t bans, incidents, kept;
};

/* First offence when nothing earlier is known, else repeat (the sanction table's column). */
enum sanction_offence incidents_offence(const struct incidents_earlier *e);

/* Split a name as written into given names, tussenvoegsel and surname, keeping its spelling:
 * "Jan de Vries", "Vries, Jan de", "J.P. van der Berg", "Çelik". The surname is the last
 * word (or everything before a comma); the particles just before it are the prefix. 0, or -1
 * when no surname can be found (empty, only particles, invalid UTF-8). */
int incidents_split_name(const char *name, char *given, size_t givensz, char *prefix,
			 size_t prefixsz, char *surname, size_t surnamesz);

/* What the policy needs to decide the deadlines of one incident: the rules of balie.conf,
 * the sanction-table category of each incident category, and the sanction table. */
struct incidents_policy {
	const struct incidents_rules *rules;
	const enum ban_reason *sanction;      /* [INCIDENT_CATEGORY_COUNT] */
	const struct sanction_table *table;
};

/* Whether the sanction table proposes an order conversation for an incident of category c
 * (after its offence, first or repeat). */
bool incidents_conversation_proposed(const struct incidents_policy *p,
				     enum incident_category c, enum sanction_offence o);

/* Keyed hashes of a person, kept after the purge erased the name: with the same key, the
 * same person (as the store's same-person rule sees it: tussenvoegsel and surname alike
 * but for ASCII case, the date of birth when both are known, the first initial when both
 * are known) gives the same hashes. born and initial are "" when not known. */
struct incidents_pseudonym {
	char name[SHA256_HEX_LEN], born[SHA256_HEX_LEN], initial[SHA256_HEX_LEN];
};
void incidents_pseudonymise(const unsigned char *key, size_t keylen, const char *given,
			    const char *prefix, const char *surname, const char *born,
			    struct incidents_pseudonym *out);

/* ---------------------------------------------------------------- completing the form */

/* The answers a manager must give before an incident is complete, as bits. */
enum incident_missing {
	INCIDENT_MISSING_DESCRIPTION = 1 << 0, /* what happened */
	INCIDENT_MISSING_RISK = 1 << 1,        /* was a raised risk assessed beforehand? */
	INCIDENT_MISSING_AFTERCARE = 1 << 2,   /* is aftercare wanted? */
	INCIDENT_MISSING_PREVENTABLE = 1 << 3, /* could it have been prevented? */
	INCIDENT_MISSING_DISCUSSED = 1 << 4    /* discussed in the team? */
};
#define INCIDENT_MISSING_COUNT 5

/* The bits of what is not answered yet (0 = the form is complete). */
unsigned incidents_form_missing(const char *description, enum incident_answer risk,
				enum incident_answer aftercare, enum incident_answer preventable,
				enum incident_answer discussed);

/* The option that answers missing-bit i ("--description", "--risk-assessed", ...); "?"
 * outside the range. */
const char *incidents_missing_option(int i);

/* ---------------------------------------------------------------- the report */

/* One incident as the report counts it (no names). */
struct incidents_record {
	char date[DATES_DATE_LEN];       /* local date of the incident */
	enum incident_category category;
	enum incident_channel channel;
	char place[128];
};

/* One tally mark (a small misbehaviour without a full report). */
struct incidents_tally {
	char date[DATES_DATE_LEN];
	enum incident_category category;
	enum incident_channel channel;
};

/* A counted key ("Balie 1", "2026-03", "counter/verbal"). */
struct incidents_count {
	char key[128];
	size_t n;
};

/* The counts of one period. Category and channel hold every value (zeros too); months every
 * month the period touches, in order; places those with incidents, most first (ties by
 * name); tallies "channel/category" with marks, most first, after tally_total. */
struct incidents_counts {
	char from[DATES_DATE_LEN], to[DATES_DATE_LEN];
	size_t total;
	size_t category[INCIDENT_CATEGORY_COUNT];
	size_t channel[INCIDENT_CHANNEL_COUNT];
	struct incidents_count *places, *months, *tallies;
	size_t nplaces, nmonths, ntallies;
	size_t places_cap, tallies_cap; /* room in places and tallies as they grow */
	size_t tally_total;
};

/* Check a period: both dates real, from <= to; 0 or -1. */
int incidents_period_check(const char *from, const char *to);

/* The previous period of the same length: whole calendar months (from the 1st to a last
 * day) shift by their number of months (Jan-Jun -> Jul-Dec of the year before); any other
 * period by its number of days, ending the day before from. 0, or -1 on a bad period. */
int incidents_previous_period(const char *from, const char *to, char pfrom[DATES_DATE_LEN],
			      char pto[DATES_DATE_LEN]);

/* Count the records and tallies whose date lies in [from, to] (both inclusive; others are
 * ignored). 0, or -1 on a bad period or out-of-memory (out is then empty). Free with
 * incidents_counts_free. */
int incidents_count(const char *from, const char *to, const struct incidents_record *rec,
		    size_t nrec, const struct incidents_tally *tally, size_t ntally,
		    struct incidents_counts *out);

void incidents_counts_free(struct incidents_counts *c);

/* A bar of width cells for n out of max ("#####" scaled; at least one cell for n > 0) into
 * out (ASCII '#'); the empty string for n == 0. */
void incidents_bar(size_t n, size_t max, int width, char *out, size_t outsz);

/* The change from before to now in percent, rounded; *defined false when before is 0. */
int incidents_change_percent(size_t now, size_t before, bool *defined);

#endif
