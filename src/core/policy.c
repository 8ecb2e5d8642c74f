/* policy — the desk's rules as pure functions: the names and labels of ban kinds, reasons and
 * precautions, when a ban is active, opening hours with dated exceptions (DST-correct), and
 * the support-team minimum per period with its warning window and stale presences. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/named.h"
#include "core/policy.h"
#include "core/text.h"
#include "i18n.h"

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

NAMED_FUNCTIONS(policy_kind, enum ban_kind, kinds, BAN_KIND_COUNT)
NAMED_FUNCTIONS(policy_reason, enum ban_reason, reasons, REASON_COUNT)

NAMED_VALUE_FUNCTION(policy_kind_read, named_read, enum ban_kind, kinds, BAN_KIND_COUNT)
NAMED_VALUE_FUNCTION(policy_reason_read, named_read, enum ban_reason, reasons, REASON_COUNT)
NAMED_LIST_FUNCTION(policy_kind_list, kinds, BAN_KIND_COUNT)
NAMED_LIST_FUNCTION(policy_reason_list, reasons, REASON_COUNT)

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
	return named_name(precautions, PRECAUTION_COUNT, i);
}

const char *policy_precaution_label(int i)
{
	return named_label(precautions, PRECAUTION_COUNT, i);
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
	while (p) {
		const char *item;
		size_t n;
		p = text_list_item(p, &item, &n);
		int found = -1;
		for (int i = 0; i < PRECAUTION_COUNT; i++)
			if (strlen(precautions[i].name) == n &&
			    strncmp(precautions[i].name, item, n) == 0)
				found = i;
		/* An empty entry ("a,,b", a trailing comma) is a typo too: report it as "". */
		if (found < 0) {
			size_t k = n < sizeof badname - 1 ? n : sizeof badname - 1;
			memcpy(badname, item, k);
			badname[k] = '\0';
			if (bad)
				*bad = badname;
			return -1;
		}
		bits |= 1u << found;
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

/* ------------------------------------------------------------------ hours with exceptions */

int policy_weekday(const char *date)
{
	int days;
	/* 2024-01-01 was a Monday. */
	if (dates_diff_days("2024-01-01", date, &days) != 0)
		return -1;
	return ((days % 7) + 7) % 7;
}

void policy_sort_periods(struct policy_period *p, int n)
{
	/* Insertion sort: a handful of periods, and equal starts keep their order. */
	for (int i = 1; i < n; i++) {
		struct policy_period cur = p[i];
		int j = i - 1;
		for (; j >= 0 && p[j].start > cur.start; j--)
			p[j + 1] = p[j];
		p[j + 1] = cur;
	}
}

int policy_day_periods(const struct policy_week *w, const struct policy_exceptions *x,
		       const char *date, struct policy_period out[POLICY_MAX_PERIODS])
{
	int wd = date ? policy_weekday(date) : -1;
	if (wd < 0)
		return -1;
	bool closed = false;
	for (size_t i = 0; x && x->closed && i < x->nclosed; i++)
		if (strcmp(x->closed[i], date) == 0)
			closed = true;
	int n = 0, cnt = 0;
	const struct policy_period *p = closed ? NULL : periods(w, wd, &cnt);
	for (int i = 0; p && i < cnt && n < POLICY_MAX_PERIODS; i++)
		out[n++] = p[i];
	/* The configuration refuses more periods on a date than fit; a damaged struct loses
	 * the surplus rather than overrunning out. */
	for (size_t i = 0; x && x->extra && i < x->nextra && n < POLICY_MAX_PERIODS; i++)
		if (strcmp(x->extra[i].date, date) == 0)
			out[n++] = x->extra[i].period;
	policy_sort_periods(out, n);
	return n;
}

int policy_day_slots(const struct policy_week *w, const struct policy_exceptions *x,
		     const char *date, struct policy_slot out[POLICY_MAX_PERIODS])
{
	struct policy_period p[POLICY_MAX_PERIODS];
	int n = policy_day_periods(w, x, date, p);
	if (n < 0)
		return -1;
	int k = 0;
	for (int i = 0; i < n; i++) {
		struct policy_slot *s = &out[k];
		memset(s, 0, sizeof *s);
		snprintf(s->date, sizeof s->date, "%s", date);
		s->period = p[i];
		/* mktime places each wall-clock time in summer or winter time for that very
		 * day, so a period on a DST day gets its true length. */
		if (dates_local_instant(date, p[i].start, &s->starts) != 0 ||
		    dates_local_instant(date, p[i].end, &s->ends) != 0 || s->ends <= s->starts)
			continue;
		k++;
	}
	return k;
}

int policy_open_slot(const struct policy_week *w, const struct policy_exceptions *x, time_t now,
		     struct policy_slot *out)
{
	char today[DATES_DATE_LEN];
	struct policy_slot s[POLICY_MAX_PERIODS];
	dates_local_date(now, today);
	int n = policy_day_slots(w, x, today, s);
	for (int i = 0; i < n; i++) {
		if (s[i].starts <= now && now < s[i].ends) {
			if (out)
				*out = s[i];
			return 1;
		}
	}
	return 0;
}

int policy_next_slot(const struct policy_week *w, const struct policy_exceptions *x, time_t now,
		     int days, struct policy_slot *out)
{
	char today[DATES_DATE_LEN], date[DATES_DATE_LEN];
	struct policy_slot s[POLICY_MAX_PERIODS];
	dates_local_date(now, today);
	for (int d = 0; d <= days; d++) {
		if (dates_add_days(today, d, date) != 0)
			return 0;
		int n = policy_day_slots(w, x, date, s);
		for (int i = 0; i < n; i++) {
			if (s[i].starts > now) {
				if (out)
					*out = s[i];
				return 1;
			}
		}
	}
	return 0;
}

size_t policy_evening_slots(const struct policy_week *w, const struct policy_exceptions *x,
			    time_t now, int days, struct policy_slot *out, size_t max)
{
	char today[DATES_DATE_LEN], date[DATES_DATE_LEN];
	struct policy_slot s[POLICY_MAX_PERIODS];
	size_t k = 0;
	dates_local_date(now, today);
	for (int d = 0; d < days && k < max; d++) {
		if (dates_add_days(today, d, date) != 0)
			break;
		int n = policy_day_slots(w, x, date, s);
		for (int i = 0; i < n && k < max; i++)
			if (s[i].period.evening && s[i].ends > now)
				out[k++] = s[i];
	}
	return k;
}

bool policy_within_public(const struct policy_week *w, const struct policy_exceptions *x,
			  time_t from, time_t to)
{
	if (to <= from)
		return false;
	char date[DATES_DATE_LEN];
	struct policy_slot s[POLICY_MAX_PERIODS];
	dates_local_date(from, date);
	int n = policy_day_slots(w, x, date, s);
	for (int i = 0; i < n; i++) {
		if (!(s[i].starts <= from && from < s[i].ends))
			continue;
		time_t end = s[i].ends;
		for (int j = i + 1; j < n && end < to && s[j].starts == end; j++)
			end = s[j].ends;
		return to <= end;
	}
	return false;
}

/* ------------------------------------------------------------------ staffing per period */

bool policy_warning_window(time_t now, time_t starts, time_t ends, int before_minutes)
{
	if (before_minutes < 0)
		before_minutes = 0;
	return now >= starts - (time_t)before_minutes * 60 && now < ends;
}

void policy_slot_staffing(const struct policy_slot *s, time_t now, int present, int scheduled,
			  int minimum, int warn_before_minutes, bool unreachable,
			  struct policy_slot_staffing *out)
{
	memset(out, 0, sizeof *out);
	out->need = minimum;
	if (!s) {
		out->state = STAFFING_CLOSED;
		return;
	}
	out->running = s->starts <= now && now < s->ends;
	/* Only the evening opening has a roster; before it starts, the roster is what is
	 * known. Once a period runs, only who is actually in counts. */
	out->counts_present = out->running || !s->period.evening;
	out->have = out->counts_present ? present : scheduled;
	out->state = policy_staffing(true, out->have, minimum);
	bool short_ = out->state == STAFFING_SHORT || out->state == STAFFING_NOBODY;
	out->warn = short_ && policy_warning_window(now, s->starts, s->ends, warn_before_minutes);
	out->police = short_ && unreachable && now < s->ends;
}

int policy_period_spec_check(const char *spec)
{
	if (!spec)
		return -1;
	if (strcmp(spec, "day") == 0 || strcmp(spec, "evening") == 0)
		return 0;
	return dates_parse_hm(spec, false) >= 0 ? 0 : -1;
}

bool policy_period_spec_covers(const char *spec, const struct policy_slot *s)
{
	if (!spec || !s)
		return false;
	if (strcmp(spec, "day") == 0)
		return true;
	if (strcmp(spec, "evening") == 0)
		return s->period.evening;
	int m = dates_parse_hm(spec, false);
	return m >= 0 && m == s->period.start;
}

enum policy_unreachable policy_unreachable_check(const struct policy_week *w,
						 const struct policy_exceptions *x,
						 const char *date, const char *spec,
						 const char *today)
{
	int y, m, d;
	if (!date || dates_parse_date(date, &y, &m, &d) != 0)
		return POLICY_UNREACHABLE_BAD_DATE;
	if (policy_period_spec_check(spec) != 0)
		return POLICY_UNREACHABLE_BAD_PERIOD;
	if (today && strcmp(date, today) < 0)
		return POLICY_UNREACHABLE_PAST;
	struct policy_slot slots[POLICY_MAX_PERIODS];
	int k = w ? policy_day_slots(w, x, date, slots) : 0;
	for (int i = 0; i < k; i++)
		if (policy_period_spec_covers(spec, &slots[i]))
			return POLICY_UNREACHABLE_OK;
	return POLICY_UNREACHABLE_CLOSED;
}

enum policy_presence policy_presence_check(const struct policy_week *w,
					   const struct policy_exceptions *x, time_t checked_in,
					   time_t now)
{
	if (checked_in <= 0 || checked_in > now)
		return PRESENCE_OK;
	char day_in[DATES_DATE_LEN], today[DATES_DATE_LEN];
	dates_local_date(checked_in, day_in);
	dates_local_date(now, today);
	if (strcmp(day_in, today) < 0)
		return PRESENCE_EARLIER_DAY;
	struct policy_slot s[POLICY_MAX_PERIODS];
	int n = policy_day_slots(w, x, today, s);
	time_t closing = 0;
	for (int i = 0; i < n; i++)
		if (s[i].ends > closing)
			closing = s[i].ends;
	/* Checked in after closing (an evening meeting, say): only the next day makes it
	 * stale. */
	if (n > 0 && checked_in < closing && now >= closing)
		return PRESENCE_AFTER_CLOSING;
	return PRESENCE_OK;
}

/* ------------------------------------------------------------------ bans (issue 5) */

static const struct named missing[POLICY_MISSING_COUNT] = {
	{"notes", N_("why: what happened")},
	{"starts", N_("from when")},
	{"ends", N_("until when")},
	{"imposed_by", N_("who imposed it")},
	{"letter_sent", N_("the date of the letter that informed the person")},
};

static bool blank(const char *s)
{
	if (!s)
		return true;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

static bool is_date(const char *s)
{
	int y, m, d;
	return s && dates_parse_date(s, &y, &m, &d) == 0;
}

unsigned policy_ban_missing(const char *why, const char *starts, const char *ends,
			    const char *imposed_by, const char *letter_sent)
{
	unsigned bits = 0;
	if (blank(why))
		bits |= POLICY_MISSING_WHY;
	if (!is_date(starts))
		bits |= POLICY_MISSING_STARTS;
	if (!is_date(ends))
		bits |= POLICY_MISSING_ENDS;
	if (blank(imposed_by))
		bits |= POLICY_MISSING_IMPOSED_BY;
	if (!is_date(letter_sent))
		bits |= POLICY_MISSING_LETTER;
	return bits;
}

const char *policy_missing_name(int i)
{
	return named_name(missing, POLICY_MISSING_COUNT, i);
}

const char *policy_missing_label(int i)
{
	return named_label(missing, POLICY_MISSING_COUNT, i);
}

/* Values 0..n-1 whose bit is set in bits, each named by name, joined by sep into out
 * (cut short, never overflowing). */
static void join_bits(unsigned bits, int n, const char *(*name)(int), const char *sep,
		      char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!(bits & (1u << i)))
			continue;
		int w = snprintf(out + used, outsz - used, "%s%s", used ? sep : "", name(i));
		if (w < 0 || (size_t)w >= outsz - used)
			break;
		used += (size_t)w;
	}
}

void policy_reasons_add(enum ban_reason r[REASON_COUNT], size_t *n, enum ban_reason one)
{
	for (size_t i = 0; i < *n; i++)
		if (r[i] == one)
			return;
	if (*n < REASON_COUNT)
		r[(*n)++] = one;
}

void policy_reasons_join(const enum ban_reason *r, size_t n, char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; n >= 2 && i < n; i++) {
		const char *name = policy_reason_name(r[i]);
		if (text_join(out, outsz, &used, ",", name, strlen(name)) != 0)
			break;
	}
}

void policy_missing_join(unsigned bits, const char *(*name)(int), const char *sep, char *out,
			 size_t outsz)
{
	join_bits(bits, POLICY_MISSING_COUNT, name, sep, out, outsz);
}

void policy_precautions_join(unsigned bits, const char *(*name)(int), const char *sep,
			     char *out, size_t outsz)
{
	join_bits(bits, PRECAUTION_COUNT, name, sep, out, outsz);
}

enum policy_here policy_ban_applies_here(enum ban_kind kind, const char *scope,
					 const char *here)
{
	if (kind == BAN_PHONE)
		return POLICY_HERE_PHONE_ONLY;
	if (kind == BAN_WARNING)
		return POLICY_HERE_WARNING;
	/* No scope, or no idea where we are: the ban applies. */
	if (blank(scope) || blank(here) || text_list_has(scope, here))
		return POLICY_HERE_APPLIES;
	return POLICY_HERE_OTHER_BUILDING;
}

enum policy_ban_state policy_ban_state(bool draft, bool lifted, const char *starts,
				       const char *ends, const char *today)
{
	if (draft)
		return POLICY_BAN_DRAFT;
	if (lifted)
		return POLICY_BAN_LIFTED;
	if (is_date(today) && is_date(ends) && strcmp(today, ends) > 0)
		return POLICY_BAN_ENDED;
	if (is_date(today) && is_date(starts) && strcmp(today, starts) < 0)
		return POLICY_BAN_PLANNED;
	return POLICY_BAN_ACTIVE;
}

const char *policy_ban_state_label(enum policy_ban_state s)
{
	switch (s) {
	case POLICY_BAN_DRAFT: return _("draft");
	case POLICY_BAN_PLANNED: return _("planned");
	case POLICY_BAN_ACTIVE: return _("active");
	case POLICY_BAN_ENDED: return _("ended");
	case POLICY_BAN_LIFTED: return _("lifted");
	}
	return "?";
}

enum policy_cancel policy_false_alarm_cancel(time_t raised_at, time_t cancelled_at, time_t now,
					     long *left)
{
	time_t deadline = raised_at + POLICY_CANCEL_SECONDS;
	if (left)
		*left = 0;
	if (cancelled_at)
		return cancelled_at <= deadline ? POLICY_CANCEL_IN_TIME : POLICY_CANCEL_LATE_DONE;
	if (now >= deadline)
		return POLICY_CANCEL_LATE;
	if (left)
		*left = (long)(deadline - now);
	return POLICY_CANCEL_DUE;
}

enum policy_room_check policy_safe_room_check(unsigned prec, const char *room,
					      bool room_is_safe)
{
	if (!(prec & PREC_SAFE_ROOM))
		return POLICY_ROOM_OK;
	if (!room || !*room)
		return POLICY_ROOM_MISSING;
	return room_is_safe ? POLICY_ROOM_OK : POLICY_ROOM_NOT_SAFE;
}

enum policy_appt_ban policy_appt_ban(bool match, bool possible, enum policy_here here,
				     bool exception)
{
	if (match && here == POLICY_HERE_APPLIES && !exception)
		return POLICY_APPT_REFUSE;
	return match || possible ? POLICY_APPT_WARN : POLICY_APPT_OK;
}
