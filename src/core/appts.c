/* appts — appointment rules: times, precautions and the public-hours rule for risky
 * appointments (see appts.h). Pure: no I/O, the caller passes the hours. */
#include "autoconfig.h"

#include "core/appts.h"
#include "i18n.h"

enum appts_times appts_times_check(time_t starts, time_t ends)
{
	if (starts <= 0)
		return APPTS_TIMES_MISSING;
	if (ends <= starts)
		return APPTS_TIMES_ORDER;
	if (ends - starts > APPTS_MAX_SECONDS)
		return APPTS_TIMES_TOO_LONG;
	return APPTS_TIMES_OK;
}

const char *appts_times_message(enum appts_times t)
{
	switch (t) {
	case APPTS_TIMES_MISSING:
		return _("the appointment has no start");
	case APPTS_TIMES_ORDER:
		return _("the end is not after the start");
	case APPTS_TIMES_TOO_LONG:
		return _("an appointment lasts at most a day");
	case APPTS_TIMES_OK:
		break;
	}
	return "";
}

enum appts_precautions appts_precautions_check(bool risky, unsigned precautions)
{
	if (precautions & ~(unsigned)PREC_ALL)
		return APPTS_PRECAUTIONS_UNKNOWN;
	if (precautions && !risky)
		return APPTS_PRECAUTIONS_NOT_RISKY;
	return APPTS_PRECAUTIONS_OK;
}

enum appts_hours appts_hours_verdict(const struct policy_week *w,
				     const struct policy_exceptions *x, time_t starts,
				     time_t ends, bool risky, bool has_reason)
{
	if (!risky)
		return APPTS_HOURS_NOT_RISKY;
	if (w && policy_within_public(w, x, starts, ends))
		return APPTS_HOURS_WITHIN;
	return has_reason ? APPTS_HOURS_OVERRIDDEN : APPTS_HOURS_REFUSED;
}
