/* appts — the rules of appointments as pure functions: what times an appointment may have,
 * which precautions go with it, and when a risky one needs a manager's reason. */
#ifndef BALIE_CORE_APPTS_H
#define BALIE_CORE_APPTS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/names.h"
#include "core/policy.h"

/* What is wrong with an appointment's times. */
enum appts_times {
	APPTS_TIMES_OK,
	APPTS_TIMES_MISSING,   /* no start (0 or before) */
	APPTS_TIMES_ORDER,     /* the end is not after the start */
	APPTS_TIMES_TOO_LONG   /* longer than a day: no meeting at the desk lasts that long */
};

/* The longest appointment, in seconds. */
#define APPTS_MAX_SECONDS (24 * 60 * 60)

enum appts_times appts_times_check(time_t starts, time_t ends);

/* A translated sentence for a problem other than APPTS_TIMES_OK ("" for it). */
const char *appts_times_message(enum appts_times t);

/* What is wrong with an appointment's precautions (enum precaution bits). */
enum appts_precautions {
	APPTS_PRECAUTIONS_OK,
	APPTS_PRECAUTIONS_UNKNOWN,   /* a bit that names no precaution */
	APPTS_PRECAUTIONS_NOT_RISKY  /* precautions belong to a risky appointment only */
};

enum appts_precautions appts_precautions_check(bool risky, unsigned precautions);

/* The domain rule: a risky appointment is never planned outside public opening hours,
 * unless a manager allows it with a reason (kept with the appointment). */
enum appts_hours {
	APPTS_HOURS_NOT_RISKY,  /* not risky: the hours do not matter (a reason is not needed) */
	APPTS_HOURS_WITHIN,     /* risky, within public hours (a reason is not needed) */
	APPTS_HOURS_OVERRIDDEN, /* risky, outside public hours, with a manager's reason */
	APPTS_HOURS_REFUSED     /* risky, outside public hours, without a reason */
};

/* The verdict for [starts, ends) against the public hours w with exceptions x of the
 * building (w NULL: no building known, so never within). has_reason: a reason is given
 * now or was recorded for this appointment before. */
enum appts_hours appts_hours_verdict(const struct policy_week *w,
				     const struct policy_exceptions *x, time_t starts,
				     time_t ends, bool risky, bool has_reason);

/* How an appointment's visitor compares with the bans in force on its day. */
struct appts_ban_mark {
	enum names_verdict verdict; /* NAMES_CLEAR, NAMES_POSSIBLE or NAMES_MATCH */
	int64_t ban_id;             /* the ban of the best hit; 0 when clear */
	bool exception;             /* adding only: an exception holds on the day (a list
				     * leaves it false) */
};

#endif
