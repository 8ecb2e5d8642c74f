/* policy — the desk's rules as pure functions: the names and labels of ban kinds, reasons and
 * precautions, when a ban is active, opening-hour periods and the support-team minimum. */
#include "autoconfig.h"

#include <string.h>

#include "core/dates.h"
#include "core/policy.h"
#include "i18n.h"

struct named {
	const char *name;  /* machine name: CSV, CLI, database */
	const char *label; /* msgid for people */
};

static const struct named kinds[BAN_KIND_COUNT] = {
	[BAN_BUILDING] = {"building", N_("building ban")},
	[BAN_PHONE] = {"phone", N_("phone ban")},
	[BAN_BUILDING_PHONE] = {"building+phone", N_("building and phone ban")},
	[BAN_SERVICE] = {"service", N_("service suspended")},
	[BAN_WARNING] = {"warning", N_("written warning")},
};

static const struct named reasons[REASON_COUNT] = {
	[REASON_VERBAL] = {"verbal", N_("verbal aggression")},
	[REASON_THREAT] = {"threat", N_("personal threat")},
	[REASON_OBSTRUCTION] = {"obstruction", N_("obstruction or trespass")},
	[REASON_ATTEMPT] = {"attempt", N_("attempted violence")},
	[REASON_PHYSICAL] = {"physical", N_("physical violence")},
	[REASON_PROPERTY] = {"property", N_("damage to property")},
	[REASON_OTHER] = {"other", N_("other")},
};

static const struct named precautions[PRECAUTION_COUNT] = {
	{"safe_room", N_("safe interview room")},
	{"colleague", N_("colleague nearby")},
	{"porter", N_("porter on standby")},
	{"police", N_("police informed")},
};

/* Shown for a value outside the tables (a damaged database row): visible, never NULL. */
static const char unknown[] = "?";

static int parse_named(const struct named *t, int n, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].name, s) == 0)
			return i;
	return -1;
}

const char *policy_kind_name(enum ban_kind k)
{
	return (unsigned)k < BAN_KIND_COUNT ? kinds[k].name : unknown;
}

const char *policy_reason_name(enum ban_reason r)
{
	return (unsigned)r < REASON_COUNT ? reasons[r].name : unknown;
}

int policy_kind_parse(const char *s, enum ban_kind *out)
{
	int i = parse_named(kinds, BAN_KIND_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum ban_kind)i;
	return 0;
}

int policy_reason_parse(const char *s, enum ban_reason *out)
{
	int i = parse_named(reasons, REASON_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum ban_reason)i;
	return 0;
}

const char *policy_kind_label(enum ban_kind k)
{
	return (unsigned)k < BAN_KIND_COUNT ? _(kinds[k].label) : unknown;
}

const char *policy_reason_label(enum ban_reason r)
{
	return (unsigned)r < REASON_COUNT ? _(reasons[r].label) : unknown;
}

bool policy_ban_active(const char *starts, const char *ends, bool lifted, const char *today)
{
	int y, m, d;
	if (lifted || dates_parse_date(today, &y, &m, &d) != 0)
		return false;
	/* A missed ban is the worst error: a bound that is missing or unreadable does not
	 * limit the ban, so damaged data shows the ban rather than hiding it. */
	if (starts && dates_parse_date(starts, &y, &m, &d) == 0 && strcmp(today, starts) < 0)
		return false;
	if (ends && dates_parse_date(ends, &y, &m, &d) == 0 && strcmp(today, ends) > 0)
		return false;
	return true;
}

const char *policy_precaution_name(int i)
{
	return i >= 0 && i < PRECAUTION_COUNT ? precautions[i].name : unknown;
}

const char *policy_precaution_label(int i)
{
	return i >= 0 && i < PRECAUTION_COUNT ? _(precautions[i].label) : unknown;
}

int policy_precautions_parse(const char *s, unsigned *out, const char **bad)
{
	/* The offending name is copied so the caller can print it on its own. */
	static _Thread_local char badname[64];
	unsigned bits = 0;
	const char *p = s ? s : "";
	while (*p == ' ')
		p++;
	if (!*p) {
		*out = 0;
		return 0;
	}
	for (;;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, ",");
		size_t n = len;
		while (n > 0 && p[n - 1] == ' ')
			n--;
		int found = -1;
		for (int i = 0; i < PRECAUTION_COUNT; i++)
			if (strlen(precautions[i].name) == n && strncmp(precautions[i].name, p, n) == 0)
				found = i;
		/* An empty entry ("a,,b", a trailing comma) is a typo too: report it as "". */
		if (found < 0) {
			size_t k = n < sizeof badname - 1 ? n : sizeof badname - 1;
			memcpy(badname, p, k);
			badname[k] = '\0';
			if (bad)
				*bad = badname;
			return -1;
		}
		bits |= 1u << found;
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	*out = bits;
	return 0;
}

/* Periods of a valid weekday, or NULL. */
static const struct policy_period *periods(const struct policy_week *w, int weekday, int *n)
{
	if (!w || weekday < 0 || weekday > 6)
		return NULL;
	*n = w->count[weekday];
	if (*n < 0 || *n > POLICY_MAX_PERIODS)
		return NULL;
	return w->day[weekday];
}

int policy_open_period(const struct policy_week *w, int weekday, int minute)
{
	int n;
	const struct policy_period *p = periods(w, weekday, &n);
	for (int i = 0; p && i < n; i++)
		if (p[i].start <= minute && minute < p[i].end)
			return i;
	return -1;
}

int policy_next_period(const struct policy_week *w, int weekday, int minute)
{
	int n, best = -1;
	const struct policy_period *p = periods(w, weekday, &n);
	for (int i = 0; p && i < n; i++)
		if (p[i].start > minute && (best < 0 || p[i].start < p[best].start))
			best = i;
	return best;
}

int policy_evening_period(const struct policy_week *w, int weekday)
{
	int n;
	const struct policy_period *p = periods(w, weekday, &n);
	for (int i = 0; p && i < n; i++)
		if (p[i].evening)
			return i;
	return -1;
}

enum staffing_state policy_staffing(bool open, int support_present, int minimum)
{
	if (!open)
		return STAFFING_CLOSED;
	if (support_present >= minimum)
		return STAFFING_OK;
	return support_present <= 0 ? STAFFING_NOBODY : STAFFING_SHORT;
}
