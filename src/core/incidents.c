/* incidents — categories, channels and answers of the incident form, the follow-up deadlines
 * and repeat offences, as pure functions (the report's counting is in incidents_report.c). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/incidents.h"
#include "core/named.h"
#include "core/names.h"
#include "core/names_internal.h"
#include "i18n.h"

/* ---------------------------------------------------------------- names and labels */

/* Each category once: its value, machine name, label, and the row of the sanction table it
 * follows unless balie.conf says otherwise (CATEGORY_NAMED and CATEGORY_SANCTION below make
 * the two tables of it, so that they cannot drift apart). */
#define CATEGORIES(X)                                                                       \
	X(INCIDENT_VERBAL, "verbal", N_("verbal aggression"), REASON_VERBAL)                \
	X(INCIDENT_DISCRIMINATION, "discrimination", N_("discrimination"), REASON_VERBAL)   \
	X(INCIDENT_SEXUAL, "sexual", N_("sexual intimidation"), REASON_VERBAL)              \
	X(INCIDENT_THREAT, "threat", N_("personal threat"), REASON_THREAT)                  \
	X(INCIDENT_OBSTRUCTION, "obstruction", N_("obstruction or trespass"),               \
	  REASON_OBSTRUCTION)                                                               \
	X(INCIDENT_PROPERTY, "property", N_("damage or theft"), REASON_PROPERTY)            \
	X(INCIDENT_ATTEMPT, "attempt", N_("attempted violence"), REASON_ATTEMPT)            \
	X(INCIDENT_PHYSICAL, "physical", N_("physical violence"), REASON_PHYSICAL)          \
	X(INCIDENT_ROBBERY, "robbery", N_("robbery"), REASON_PHYSICAL)                      \
	X(INCIDENT_OTHER, "other", N_("other"), REASON_OTHER)

#define CATEGORY_NAMED(value, name, label, sanction) [value] = {name, label},
#define CATEGORY_SANCTION(value, name, label, sanction) [value] = sanction,
static const struct named categories[INCIDENT_CATEGORY_COUNT] = {
	CATEGORIES(CATEGORY_NAMED)
};
static const enum ban_reason sanctions[INCIDENT_CATEGORY_COUNT] = {
	CATEGORIES(CATEGORY_SANCTION)
};

static const struct named channels[INCIDENT_CHANNEL_COUNT] = {
	[CHANNEL_COUNTER] = {"counter", N_("at the counter")},
	[CHANNEL_PHONE] = {"phone", N_("by phone")},
	[CHANNEL_OUTSIDE] = {"outside", N_("outside the office")},
	[CHANNEL_HOME_VISIT] = {"home-visit", N_("on a home visit")},
	[CHANNEL_WRITTEN] = {"written", N_("in writing")},
	[CHANNEL_ONLINE] = {"online", N_("online")},
}, injuries[INCIDENT_INJURY_COUNT] = {
	[INJURY_NONE] = {"none", N_("no injury")},
	[INJURY_LIGHT] = {"light", N_("light injury")},
	[INJURY_SERIOUS] = {"serious", N_("serious injury")},
}, police[INCIDENT_POLICE_COUNT] = {
	[POLICE_NONE] = {"none", N_("not involved")},
	[POLICE_INFORMED] = {"informed", N_("informed")},
	[POLICE_REPORT] = {"report", N_("report filed")},
}, answers[INCIDENT_ANSWER_COUNT] = {
	[ANSWER_OPEN] = {"", N_("not answered")}, /* stored, never typed */
	[ANSWER_NO] = {"no", N_("no")},
	[ANSWER_YES] = {"yes", N_("yes")},
};

NAMED_FUNCTIONS(incidents_category, enum incident_category, categories, INCIDENT_CATEGORY_COUNT)
NAMED_FUNCTIONS(incidents_channel, enum incident_channel, channels, INCIDENT_CHANNEL_COUNT)
NAMED_FUNCTIONS(incidents_injury, enum incident_injury, injuries, INCIDENT_INJURY_COUNT)
NAMED_FUNCTIONS(incidents_police, enum incident_police, police, INCIDENT_POLICE_COUNT)
NAMED_FUNCTIONS(incidents_answer, enum incident_answer, answers, INCIDENT_ANSWER_COUNT)
NAMED_LIST_FUNCTION(incidents_category_list, categories, INCIDENT_CATEGORY_COUNT)
NAMED_LIST_FUNCTION(incidents_channel_list, channels, INCIDENT_CHANNEL_COUNT)

enum ban_reason incidents_default_sanction(enum incident_category c)
{
	return (unsigned)c < INCIDENT_CATEGORY_COUNT ? sanctions[c] : REASON_OTHER;
}

/* ---------------------------------------------------------------- spans and days */

#define SPAN_MAX 999

/* Read 1-3 digits at *p into *v; 0 or -1. */
static int digits(const char **p, int *v)
{
	int n = 0, k = 0;
	while (**p >= '0' && **p <= '9' && k < 4) {
		n = n * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	*v = n;
	return k == 0 || k > 3 ? -1 : 0;
}

int incidents_span_parse(const char *s, struct incidents_span *out)
{
	if (!s || !out)
		return -1;
	const char *p = s;
	int a, b;
	if (digits(&p, &a) != 0)
		return -1;
	if (*p == '-') {
		p++;
		if (digits(&p, &b) != 0)
			return -1;
	} else {
		b = a;
		a = 0;
	}
	if ((*p != 'h' && *p != 'd' && *p != 'w') || p[1] != '\0' || a > b || b > SPAN_MAX ||
	    b == 0)
		return -1;
	out->from = a;
	out->to = b;
	out->unit = *p;
	return 0;
}

void incidents_span_text(const struct incidents_span *s, char out[INCIDENTS_SPAN_TEXT])
{
	if (s->from > 0)
		snprintf(out, INCIDENTS_SPAN_TEXT, "%d-%d%c", s->from, s->to, s->unit);
	else
		snprintf(out, INCIDENTS_SPAN_TEXT, "%d%c", s->to, s->unit);
}

/* Local midnight starting the date days after the local date of at. */
static int midnight_after(time_t at, int days, time_t *out)
{
	char date[DATES_DATE_LEN], later[DATES_DATE_LEN];
	dates_local_date(at, date);
	if (dates_add_days(date, days, later) != 0)
		return -1;
	return dates_local_instant(later, 0, out);
}

int incidents_span_apply(const struct incidents_span *s, time_t at, time_t *starts, time_t *due)
{
	if (!s || s->from < 0 || s->from > s->to)
		return -1;
	if (s->unit == 'h') {
		*starts = at + (time_t)s->from * 3600;
		*due = at + (time_t)s->to * 3600;
		return 0;
	}
	int mult = s->unit == 'w' ? 7 : s->unit == 'd' ? 1 : 0;
	if (mult == 0)
		return -1;
	/* "By day 3" ends at the midnight closing the 3rd day after the incident's date. */
	if (midnight_after(at, s->to * mult + 1, due) != 0)
		return -1;
	if (s->from == 0)
		*starts = at;
	else if (midnight_after(at, s->from * mult, starts) != 0)
		return -1;
	return 0;
}

time_t incidents_working_days(time_t at, int n)
{
	char date[DATES_DATE_LEN], next[DATES_DATE_LEN];
	dates_local_date(at, date);
	for (int k = 0; k < n;) {
		if (dates_add_days(date, 1, next) != 0)
			break;
		memcpy(date, next, sizeof date);
		if (policy_weekday(date) < 5)
			k++;
	}
	time_t end;
	if (dates_add_days(date, 1, next) != 0 || dates_local_instant(next, 0, &end) != 0)
		return at; /* beyond the calendar: due at once rather than never */
	return end;
}

/* ---------------------------------------------------------------- deadlines */

#define CAT(c) (1u << (c))

void incidents_rules_default(struct incidents_rules *r)
{
	memset(r, 0, sizeof *r);
	static const struct incidents_span veghel[] = {{0, 24, 'h'}, {0, 48, 'h'}, {0, 14, 'd'}};
	memcpy(r->aftercare, veghel, sizeof veghel);
	r->naftercare = sizeof veghel / sizeof *veghel;
	r->police_categories = CAT(INCIDENT_THREAT) | CAT(INCIDENT_ATTEMPT) |
			       CAT(INCIDENT_PHYSICAL) | CAT(INCIDENT_ROBBERY);
	r->serious_categories = r->police_categories;
	r->police_days = 3;
	r->conversation_days = 5;
	r->minutes_days = 5;
}

bool incidents_serious(const struct incidents_rules *r, const struct incident_facts *f)
{
	return f->injury == INJURY_SERIOUS ||
	       ((unsigned)f->category < INCIDENT_CATEGORY_COUNT &&
		(r->serious_categories & CAT(f->category)) != 0);
}

static const char *const item_keys[INCIDENT_ITEM_COUNT] = {
	[ITEM_AFTERCARE] = "aftercare", [ITEM_HELP] = "help", [ITEM_REACTION] = "reaction",
	[ITEM_CONVERSATION] = "conversation", [ITEM_MINUTES] = "minutes",
	[ITEM_POLICE] = "police", [ITEM_INSPECTORATE] = "inspectorate",
};

void incidents_item_key(enum incident_item item, int index, char out[INCIDENTS_KEY_LEN])
{
	if ((unsigned)item >= INCIDENT_ITEM_COUNT)
		snprintf(out, INCIDENTS_KEY_LEN, "?");
	else if (item == ITEM_AFTERCARE)
		snprintf(out, INCIDENTS_KEY_LEN, "aftercare%d", index + 1);
	else
		snprintf(out, INCIDENTS_KEY_LEN, "%s", item_keys[item]);
}

int incidents_item_parse(const char *key, enum incident_item *item, int *index)
{
	if (!key)
		return -1;
	if (strncmp(key, "aftercare", 9) == 0) {
		const char *p = key + 9;
		if (*p < '1' || *p > '9' || p[1] != '\0' || *p - '0' > INCIDENTS_AFTERCARE_MAX)
			return -1;
		*item = ITEM_AFTERCARE;
		*index = *p - '1';
		return 0;
	}
	for (int i = ITEM_HELP; i < INCIDENT_ITEM_COUNT; i++) {
		if (strcmp(key, item_keys[i]) == 0) {
			*item = (enum incident_item)i;
			*index = 0;
			return 0;
		}
	}
	return -1;
}

void incidents_item_label(const struct incident_due *d, char *out, size_t outsz)
{
	char span[INCIDENTS_SPAN_TEXT];
	switch (d->item) {
	case ITEM_AFTERCARE:
		incidents_span_text(&d->span, span);
		snprintf(out, outsz, _("aftercare contact %d with the employee (%s)"),
			 d->index + 1, span);
		return;
	case ITEM_HELP:
		snprintf(out, outsz, _("professional help offered (within %d working days)"),
			 INCIDENTS_HELP_WORKING_DAYS);
		return;
	case ITEM_REACTION:
		snprintf(out, outsz, _("reaction to the perpetrator (within %d hours)"),
			 INCIDENTS_REACTION_HOURS);
		return;
	case ITEM_CONVERSATION:
		snprintf(out, outsz, "%s", _("order conversation with the perpetrator"));
		return;
	case ITEM_MINUTES:
		snprintf(out, outsz, "%s", _("minutes of the order conversation sent by letter"));
		return;
	case ITEM_POLICE:
		snprintf(out, outsz, "%s", _("police report filed"));
		return;
	case ITEM_INSPECTORATE:
		snprintf(out, outsz, "%s",
			 _("labour inspectorate notified at once (serious injury)"));
		return;
	case INCIDENT_ITEM_COUNT:
		break;
	}
	snprintf(out, outsz, "?");
}

/* Append one step; false when out is full. */
static bool add(struct incident_due *out, size_t max, size_t *n, enum incident_item item,
		int index, time_t starts, time_t due)
{
	if (*n >= max)
		return false;
	struct incident_due *d = &out[(*n)++];
	memset(d, 0, sizeof *d);
	d->item = item;
	d->index = index;
	incidents_item_key(item, index, d->key);
	d->starts = starts;
	d->due = due;
	return true;
}

/* End of the day days after a date "YYYY-MM-DD" (local midnight); -1 on a bad date. */
static int date_deadline(const char *date, int days, time_t *out)
{
	char later[DATES_DATE_LEN];
	if (dates_add_days(date, days + 1, later) != 0)
		return -1;
	return dates_local_instant(later, 0, out);
}

static void mark_fact(struct incident_due *d, const char *date)
{
	d->done_by_fact = true;
	snprintf(d->done_date, sizeof d->done_date, "%s", date);
}

static int by_due(const void *a, const void *b)
{
	const struct incident_due *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->item != y->item)
		return x->item < y->item ? -1 : 1;
	return x->index - y->index;
}

size_t incidents_due(const struct incidents_rules *r, const struct incident_facts *f,
		     struct incident_due *out, size_t max)
{
	size_t n = 0;
	time_t s, d;
	if (!r || !f)
		return 0;
	/* Aftercare is offered unless the employee said no. */
	for (size_t i = 0; f->aftercare != ANSWER_NO && i < r->naftercare; i++)
		if (incidents_span_apply(&r->aftercare[i], f->at, &s, &d) == 0 &&
		    add(out, max, &n, ITEM_AFTERCARE, (int)i, s, d))
			out[n - 1].span = r->aftercare[i];
	if (incidents_serious(r, f))
		(void)add(out, max, &n, ITEM_HELP, 0, f->at,
			  incidents_working_days(f->at, INCIDENTS_HELP_WORKING_DAYS));
	if (f->perpetrator_known)
		(void)add(out, max, &n, ITEM_REACTION, 0, f->at,
			  f->at + (time_t)INCIDENTS_REACTION_HOURS * 3600);
	char date[DATES_DATE_LEN];
	dates_local_date(f->at, date);
	bool held = f->conversation_date[0] != '\0';
	if (f->perpetrator_known && (f->conversation_proposed || held) &&
	    date_deadline(date, r->conversation_days, &d) == 0 &&
	    add(out, max, &n, ITEM_CONVERSATION, 0, f->at, d) && held)
		mark_fact(&out[n - 1], f->conversation_date);
	if (held && dates_local_instant(f->conversation_date, 0, &s) == 0 &&
	    date_deadline(f->conversation_date, r->minutes_days, &d) == 0 &&
	    add(out, max, &n, ITEM_MINUTES, 0, s, d) && f->minutes_sent[0])
		mark_fact(&out[n - 1], f->minutes_sent);
	if ((unsigned)f->category < INCIDENT_CATEGORY_COUNT &&
	    (r->police_categories & CAT(f->category)) &&
	    date_deadline(date, r->police_days, &d) == 0 &&
	    add(out, max, &n, ITEM_POLICE, 0, f->at, d) && f->police == POLICE_REPORT)
		mark_fact(&out[n - 1], f->police_date);
	/* Serious injury: the labour inspectorate is told at once (Ermelo 6.4). */
	if (f->injury == INJURY_SERIOUS)
		(void)add(out, max, &n, ITEM_INSPECTORATE, 0, f->at, f->at);
	qsort(out, n, sizeof *out, by_due);
	return n;
}

enum incident_due_state incidents_due_state(const struct incident_due *d, bool marked_done,
					    time_t now)
{
	if (marked_done || d->done_by_fact)
		return DUE_DONE;
	if (now < d->starts)
		return DUE_LATER;
	return now >= d->due ? DUE_OVERDUE : DUE_OPEN;
}

const char *incidents_due_state_name(enum incident_due_state s)
{
	static const char *const names[] = {"done", "later", "open", "overdue"};
	return (unsigned)s < sizeof names / sizeof *names ? names[s] : "?";
}

/* ---------------------------------------------------------------- repeat offences */

enum sanction_offence incidents_offence(const struct incidents_earlier *e)
{
	return sanctions_offence(e ? e->bans + e->incidents + e->kept : 0);
}

/* Copy len bytes of s into out (cut to fit), trimmed of spaces. */
static void copy_part(const char *s, size_t len, char *out, size_t outsz)
{
	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len >= outsz)
		len = outsz - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

/* Whether the word [w, w+len) is a Dutch tussenvoegsel ("van", "'t", "Den"). */
static bool particle(const char *w, size_t len)
{
	char word[NAMES_WORD_MAX];
	if (len >= sizeof word)
		return false;
	memcpy(word, w, len);
	word[len] = '\0';
	struct names_toks tk;
	return names_tokenize(word, &tk) == 0 && tk.n == 1 &&
	       names_particle(tk.t[0].w) == NAMES_PART_DUTCH;
}

/* Split words (given names followed by particles) at the particles at the end. */
static void split_tail(const char *s, size_t len, char *given, size_t givensz, char *prefix,
		       size_t prefixsz)
{
	size_t cut = len; /* where the trailing particles begin */
	for (size_t end = len; end > 0;) {
		while (end > 0 && s[end - 1] == ' ')
			end--;
		size_t start = end;
		while (start > 0 && s[start - 1] != ' ')
			start--;
		if (start == end || !particle(s + start, end - start))
			break;
		cut = start;
		end = start;
	}
	copy_part(s, cut, given, givensz);
	copy_part(s + cut, len - cut, prefix, prefixsz);
}

int incidents_split_name(const char *name, char *given, size_t givensz, char *prefix,
			 size_t prefixsz, char *surname, size_t surnamesz)
{
	struct names_toks tk;
	given[0] = prefix[0] = surname[0] = '\0';
	if (!name || names_tokenize(name, &tk) < 0 || tk.n == 0)
		return -1;
	const char *comma = strchr(name, ',');
	if (comma) {
		/* "Vries, Jan de": the surname first, then given names and prefix. */
		copy_part(name, (size_t)(comma - name), surname, surnamesz);
		split_tail(comma + 1, strlen(comma + 1), given, givensz, prefix, prefixsz);
	} else {
		size_t len = strlen(name);
		while (len > 0 && name[len - 1] == ' ')
			len--;
		size_t start = len;
		while (start > 0 && name[start - 1] != ' ')
			start--;
		copy_part(name + start, len - start, surname, surnamesz);
		split_tail(name, start, given, givensz, prefix, prefixsz);
	}
	if (!*surname || particle(surname, strlen(surname))) {
		given[0] = prefix[0] = surname[0] = '\0';
		return -1;
	}
	return 0;
}

bool incidents_conversation_proposed(const struct incidents_policy *p,
				     enum incident_category c, enum sanction_offence o)
{
	if (!p || !p->table || !p->sanction || (unsigned)c >= INCIDENT_CATEGORY_COUNT)
		return false;
	const struct sanction_rule *r = sanctions_rule(p->table, p->sanction[c], o);
	return r && r->conversation;
}

/* The HMAC of a tagged message built from parts (each lower-cased, NUL-terminated). */
static void keyed(const unsigned char *key, size_t keylen, char tag, const char *const *parts,
		  const size_t *lens, int n, char out[SHA256_HEX_LEN])
{
	/* Lower-cased ASCII only, as SQLite's NOCASE compares; the HMAC takes it whole. */
	char buf[1024];
	size_t len = 0;
	buf[len++] = tag;
	for (int i = 0; i < n; i++) {
		for (size_t k = 0; k < lens[i] && len < sizeof buf - 1; k++) {
			char ch = parts[i][k];
			buf[len++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
		if (len < sizeof buf)
			buf[len++] = '\0';
	}
	sha256_hmac_hex(key, keylen, buf, len, out);
}

/* Bytes of the first UTF-8 character of s. */
static size_t first_char(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	for (size_t i = 1; i < n; i++)
		if (!s[i])
			return i;
	return n;
}

void incidents_pseudonymise(const unsigned char *key, size_t keylen, const char *given,
			    const char *prefix, const char *surname, const char *born,
			    struct incidents_pseudonym *out)
{
	prefix = prefix ? prefix : "";
	surname = surname ? surname : "";
	const char *parts[3] = {prefix, surname, ""};
	size_t lens[3] = {strlen(prefix), strlen(surname), 0};
	keyed(key, keylen, 'n', parts, lens, 2, out->name);
	out->born[0] = out->initial[0] = '\0';
	if (born && *born) {
		parts[2] = born;
		lens[2] = strlen(born);
		keyed(key, keylen, 'b', parts, lens, 3, out->born);
	}
	if (given && *given) {
		parts[2] = given;
		lens[2] = first_char(given);
		keyed(key, keylen, 'i', parts, lens, 3, out->initial);
	}
}

unsigned incidents_form_missing(const char *description, enum incident_answer risk,
				enum incident_answer aftercare, enum incident_answer preventable,
				enum incident_answer discussed)
{
	unsigned bits = 0;
	if (!description || !*description)
		bits |= INCIDENT_MISSING_DESCRIPTION;
	if (risk == ANSWER_OPEN)
		bits |= INCIDENT_MISSING_RISK;
	if (aftercare == ANSWER_OPEN)
		bits |= INCIDENT_MISSING_AFTERCARE;
	if (preventable == ANSWER_OPEN)
		bits |= INCIDENT_MISSING_PREVENTABLE;
	if (discussed == ANSWER_OPEN)
		bits |= INCIDENT_MISSING_DISCUSSED;
	return bits;
}

const char *incidents_missing_option(int i)
{
	static const char *const opts[INCIDENT_MISSING_COUNT] = {
		"--description", "--risk-assessed", "--aftercare", "--preventable", "--discussed",
	};
	return i >= 0 && i < INCIDENT_MISSING_COUNT ? opts[i] : "?";
}

enum incidents_time incidents_read_time(const char *s, time_t now, time_t *out)
{
	char today[DATES_DATE_LEN];
	time_t t;
	dates_local_date(now, today);
	enum dates_local_read r = dates_read_local(s, today, &t);
	if (r != DATES_LOCAL_OK)
		return (enum incidents_time)r;
	if (t > now)
		return INCIDENTS_TIME_FUTURE;
	*out = t;
	return INCIDENTS_TIME_OK;
}
