/* visits — overdue rules and time parsing for the home-visit back-up board (Ermelo 4.1,
 * Veghel 3d): whoever does not come back in time is noticed. */
#include "autoconfig.h"

#include <string.h>

#include "core/dates.h"
#include "core/named.h"
#include "core/visits.h"
#include "i18n.h"

static const struct named states[] = {
	[VISIT_OUT] = {"out", N_("on a visit")},
	[VISIT_CALL_DUE] = {"call", N_("call time passed")},
	[VISIT_OVERDUE] = {"overdue", N_("overdue")},
	[VISIT_BACK] = {"back", N_("back")},
};
#define STATE_COUNT (sizeof states / sizeof states[0])

enum visit_state visits_state(time_t expected_back, time_t call_at, time_t back_at, time_t now)
{
	if (back_at > 0)
		return VISIT_BACK;
	if (now >= expected_back)
		return VISIT_OVERDUE;
	if (call_at > 0 && now >= call_at)
		return VISIT_CALL_DUE;
	return VISIT_OUT;
}

bool visits_overdue(enum visit_state s)
{
	return s == VISIT_CALL_DUE || s == VISIT_OVERDUE;
}

time_t visits_deadline(time_t expected_back, time_t call_at)
{
	return call_at > 0 && call_at < expected_back ? call_at : expected_back;
}

const char *visits_state_name(enum visit_state s)
{
	return named_name(states, STATE_COUNT, (int)s);
}

const char *visits_state_label(enum visit_state s)
{
	return named_label(states, STATE_COUNT, (int)s);
}

/* The local date and minute of t equal date and minutes. */
static bool is_local(time_t t, const char *date, int minutes)
{
	char d[DATES_DATE_LEN];
	dates_local_date(t, d);
	return strcmp(d, date) == 0 && dates_local_minutes(t) == minutes;
}

enum visits_time visits_parse_time(const char *s, time_t now, time_t *out)
{
	char today[DATES_DATE_LEN], date[DATES_DATE_LEN];
	time_t t;
	dates_local_date(now, today);
	enum dates_local_read r = dates_read_local(s, today, &t);
	if (r != DATES_LOCAL_OK)
		return (enum visits_time)r;
	/* A wall-clock time that occurs twice is taken the first time. */
	dates_local_date(t, date);
	if (is_local(t - 3600, date, dates_local_minutes(t)))
		t -= 3600;
	if (t <= now)
		return VISITS_TIME_PAST;
	*out = t;
	return VISITS_TIME_OK;
}

static const struct named risks[VISIT_RISK_COUNT] = {
	[VISIT_RISK_UNKNOWN] = {"", N_("not assessed")}, /* stored, never typed */
	[VISIT_RISK_NORMAL] = {"normal", N_("normal")},
	[VISIT_RISK_RAISED] = {"raised", N_("raised")},
};

NAMED_FUNCTIONS(visits_risk, enum visit_risk, risks, VISIT_RISK_COUNT)

bool visits_companion_required(enum visit_risk r, bool ban_hit)
{
	return r == VISIT_RISK_RAISED || ban_hit;
}
