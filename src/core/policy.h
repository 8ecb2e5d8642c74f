/* policy — the rules of the desk as pure functions: ban kinds and reasons, opening
 * hours, the support-team minimum, precautions for risky appointments. */
#ifndef BALIE_POLICY_H
#define BALIE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/named.h"

enum ban_kind {
	BAN_BUILDING,       /* "building": pandverbod */
	BAN_PHONE,          /* "phone": telefoonverbod */
	BAN_BUILDING_PHONE, /* "building+phone" */
	BAN_SERVICE,        /* "service": staken/opschorten van de dienstverlening */
	BAN_WARNING,        /* "warning": schriftelijke waarschuwing */
	BAN_KIND_COUNT
};

enum ban_reason {
	REASON_VERBAL, REASON_THREAT, REASON_OBSTRUCTION, REASON_ATTEMPT,
	REASON_PHYSICAL, REASON_PROPERTY, REASON_OTHER, REASON_COUNT
};

/* Stable machine names used in CSV, CLI and the database ("building+phone"); translated
 * short labels for people ("building ban" / "pandverbod"); parse a machine name: 0 on
 * success, -1 when unknown. (Defined by NAMED_FUNCTIONS in policy.c.) */
NAMED_DECLARE(policy_kind, enum ban_kind);
NAMED_DECLARE(policy_reason, enum ban_reason);

/* What people type into a form: a machine name, or a label in the operator's language
 * (any case); 0 on success, -1 when neither. */
int policy_kind_read(const char *s, enum ban_kind *out);
int policy_reason_read(const char *s, enum ban_reason *out);

/* The machine names joined, "building, phone, ..." (for messages). */
void policy_kind_list(char *out, size_t outsz);
void policy_reason_list(char *out, size_t outsz);

/* Add one to the combination r[0..*n) unless it holds it already; the combination keeps the
 * order in which the reasons were given. */
void policy_reasons_add(enum ban_reason r[REASON_COUNT], size_t *n, enum ban_reason one);

/* The machine names of a combination of two or more reasons joined by ","
 * ("threat,physical"); "" for one reason or none (names that do not fit left off). */
void policy_reasons_join(const enum ban_reason *r, size_t n, char *out, size_t outsz);

/* A ban is active on a local date when starts <= today <= ends and it was not lifted. */
bool policy_ban_active(const char *starts, const char *ends, bool lifted, const char *today);

/* Precautions for a risky appointment, a bit set. */
enum precaution {
	PREC_SAFE_ROOM = 1 << 0,  /* safe interview room with escape route and alarm button */
	PREC_COLLEAGUE = 1 << 1,  /* colleague nearby or present */
	PREC_PORTER = 1 << 2,     /* porter on standby */
	PREC_POLICE = 1 << 3,     /* police informed in advance */
	PREC_ALL = (1 << 4) - 1
};
#define PRECAUTION_COUNT 4

/* Machine name ("safe_room", "colleague", "porter", "police") and translated label of bit i. */
const char *policy_precaution_name(int i);
const char *policy_precaution_label(int i);

/* Parse a comma-separated list of precaution names into bits; -1 and *bad set on an unknown one. */
int policy_precautions_parse(const char *s, unsigned *out, const char **bad);

/* Opening hours: one public period of a day, minutes since local midnight. */
#define POLICY_MAX_PERIODS 4
struct policy_period {
	int start, end;  /* [start, end) */
	bool evening;    /* counts as evening opening */
};
struct policy_week {
	struct policy_period day[7][POLICY_MAX_PERIODS]; /* 0 = Monday */
	int count[7];
};

/* Index of the period open at (weekday, minute), or -1 when closed. */
int policy_open_period(const struct policy_week *w, int weekday, int minute);

/* Index of the next period that starts after minute on that weekday, or -1. */
int policy_next_period(const struct policy_week *w, int weekday, int minute);

/* Index of the evening period of that weekday, or -1 when there is none. */
int policy_evening_period(const struct policy_week *w, int weekday);

/* The staffing rule: at least minimum support-team members (besides counter staff)
 * while open to the public; outside public hours no minimum applies. */
enum staffing_state { STAFFING_CLOSED, STAFFING_OK, STAFFING_SHORT, STAFFING_NOBODY };
enum staffing_state policy_staffing(bool open, int support_present, int minimum);

/* ---------------------------------------------------------------- hours with exceptions */

#define POLICY_DATE_LEN 11 /* "YYYY-MM-DD" + NUL */

/* A public period added on one date ("extra evening opening"). */
struct policy_extra_period {
	char date[POLICY_DATE_LEN];
	struct policy_period period;
};

/* Dated exceptions to the weekly hours. A closed date drops the weekly periods of that
 * day; extra periods are added afterwards, so a closed date with extras has exactly its
 * extras. The configuration guarantees at most POLICY_MAX_PERIODS periods on any date,
 * none overlapping. */
struct policy_exceptions {
	char (*closed)[POLICY_DATE_LEN];
	size_t nclosed;
	struct policy_extra_period *extra;
	size_t nextra;
};

/* One public period on a concrete local date, with its instants (DST-correct). */
struct policy_slot {
	char date[POLICY_DATE_LEN];
	struct policy_period period;
	time_t starts, ends;
};

/* Weekday of a date "YYYY-MM-DD", 0 = Monday (pure calendar, no time zone); -1 when not a
 * date. */
int policy_weekday(const char *date);

/* Sort n periods by start in place, stably. */
void policy_sort_periods(struct policy_period *p, int n);

/* The public periods of a local date, exceptions applied (x may be NULL), sorted by start.
 * Returns their number (0 = closed), or -1 when date is not a date. */
int policy_day_periods(const struct policy_week *w, const struct policy_exceptions *x,
		       const char *date, struct policy_period out[POLICY_MAX_PERIODS]);

/* The same as slots with their instants in local time (TZ); count or -1. */
int policy_day_slots(const struct policy_week *w, const struct policy_exceptions *x,
		     const char *date, struct policy_slot out[POLICY_MAX_PERIODS]);

/* The public period running at instant now: 1 with *out filled, 0 when closed. */
int policy_open_slot(const struct policy_week *w, const struct policy_exceptions *x, time_t now,
		     struct policy_slot *out);

/* The first public period starting after now, on today's local date or at most days dates
 * later (0 = today only): 1 with *out filled, 0 when there is none. */
int policy_next_slot(const struct policy_week *w, const struct policy_exceptions *x, time_t now,
		     int days, struct policy_slot *out);

/* The evening openings on the local dates today .. today+days-1 that have not ended at now,
 * in order of time; writes at most max and returns the number written. */
size_t policy_evening_slots(const struct policy_week *w, const struct policy_exceptions *x,
			    time_t now, int days, struct policy_slot *out, size_t max);

/* Whether [from, to) lies within public opening hours: inside one period, or periods that
 * follow each other without a gap. False for an empty or inverted interval. */
bool policy_within_public(const struct policy_week *w, const struct policy_exceptions *x,
			  time_t from, time_t to);

/* ---------------------------------------------------------------- staffing per period */

/* The staffing of one public period as every console shows it. */
struct policy_slot_staffing {
	enum staffing_state state; /* STAFFING_OK, _SHORT or _NOBODY (a period is open) */
	int have;                  /* support-team members counted */
	int need;                  /* the minimum */
	bool running;              /* the period is on at now */
	bool counts_present;       /* have = present now (else: scheduled on the roster) */
	bool warn;                 /* short inside the warning window: warn on every console */
	bool police;               /* short and "nobody reachable, reception informed" is
				    * recorded: any aggression means police (112) */
};

/* Whether a warning about a period [starts, ends) shows at now: from before_minutes before
 * its start until its end. */
bool policy_warning_window(time_t now, time_t starts, time_t ends, int before_minutes);

/* The verdict for slot s at now. A running period and a daytime period count the support
 * team present now; a coming evening opening counts those scheduled for it. unreachable:
 * a manager recorded "nobody reachable, reception informed" for this period. */
void policy_slot_staffing(const struct policy_slot *s, time_t now, int present, int scheduled,
			  int minimum, int warn_before_minutes, bool unreachable,
			  struct policy_slot_staffing *out);

/* A period named in a "nobody reachable" record: "day" (every public period of the date),
 * "evening" (its evening opening) or "HH:MM" (the period starting then); 0 when valid. */
int policy_period_spec_check(const char *spec);

/* Whether a record for spec on the slot's date covers slot s. */
bool policy_period_spec_covers(const char *spec, const struct policy_slot *s);

/* Whether a manager may record "nobody reachable" for spec on date, seen on the local date
 * today: the date is not past and a public period of it (hours w, exceptions x; w NULL:
 * none) matches spec. */
enum policy_unreachable {
	POLICY_UNREACHABLE_OK,
	POLICY_UNREACHABLE_BAD_DATE,   /* date is not "YYYY-MM-DD" */
	POLICY_UNREACHABLE_BAD_PERIOD, /* spec is not day, evening or HH:MM */
	POLICY_UNREACHABLE_PAST,       /* date lies before today */
	POLICY_UNREACHABLE_CLOSED      /* the building is not open to the public then */
};
enum policy_unreachable policy_unreachable_check(const struct policy_week *w,
						 const struct policy_exceptions *x,
						 const char *date, const char *spec,
						 const char *today);

/* Stale presence: someone still checked in after the building closed, or since an earlier
 * day (a missing checkout). Shown, never silently checked out. */
enum policy_presence {
	PRESENCE_OK,
	PRESENCE_AFTER_CLOSING,    /* checked in before today's last period ended, now after */
	PRESENCE_EARLIER_DAY       /* checked in on an earlier local date */
};
enum policy_presence policy_presence_check(const struct policy_week *w,
					   const struct policy_exceptions *x, time_t checked_in,
					   time_t now);


/* ---- bans as the policy defines them (issue 5) ---- */

/* The privacy regulator's questions a ban must answer before it can be active, as bits of
 * what is still missing. "Police informed" is a yes/no that is always answered, and how the
 * ban is enforced always includes informing reception and porters (balie's notices), so
 * neither can be missing. */
enum policy_missing {
	POLICY_MISSING_WHY = 1 << 0,        /* a description of what happened (notes) */
	POLICY_MISSING_STARTS = 1 << 1,     /* from when */
	POLICY_MISSING_ENDS = 1 << 2,       /* until when: a ban always ends */
	POLICY_MISSING_IMPOSED_BY = 1 << 3, /* who imposed it */
	POLICY_MISSING_LETTER = 1 << 4      /* how the person was informed: the letter's date */
};
#define POLICY_MISSING_COUNT 5

/* The bits of the answers that are empty or malformed (0 = complete). */
unsigned policy_ban_missing(const char *why, const char *starts, const char *ends,
			    const char *imposed_by, const char *letter_sent);

/* Field name ("notes", "starts", "ends", "imposed_by", "letter_sent") and translated
 * question of missing-bit i (0-based); "?" outside the range. */
const char *policy_missing_name(int i);
const char *policy_missing_label(int i);

/* The missing bits as one text, each named by name (policy_missing_name or _label) and
 * joined by sep; cut short, never overflowing, when out is too small. */
void policy_missing_join(unsigned bits, const char *(*name)(int), const char *sep, char *out,
			 size_t outsz);

/* The precautions of bits as one text, as policy_missing_join does for the missing
 * answers (name: policy_precaution_name or _label). */
void policy_precautions_join(unsigned bits, const char *(*name)(int), const char *sep,
			     char *out, size_t outsz);

/* Whether a ban stops the visitor at the desk of building here. */
enum policy_here {
	POLICY_HERE_APPLIES,        /* building ban or service stop for this building */
	POLICY_HERE_OTHER_BUILDING, /* the scope names other buildings only */
	POLICY_HERE_PHONE_ONLY,     /* a phone ban: the visitor may come in */
	POLICY_HERE_WARNING         /* a written warning: serve, but be alert */
};

/* scope is the comma-separated list of building ids ("" = all buildings); here is the id
 * of the building this terminal stands in. An unreadable scope applies (a missed ban is the
 * worst error). */
enum policy_here policy_ban_applies_here(enum ban_kind kind, const char *scope,
					 const char *here);

/* A ban's life-cycle state on a local date (status draft/active stored, the rest derived). */
enum policy_ban_state {
	POLICY_BAN_DRAFT,   /* not all answers given: not on the receptionist's list */
	POLICY_BAN_PLANNED, /* active, starts later */
	POLICY_BAN_ACTIVE,  /* in force today */
	POLICY_BAN_ENDED,   /* its last day has passed */
	POLICY_BAN_LIFTED   /* lifted early */
};
enum policy_ban_state policy_ban_state(bool draft, bool lifted, const char *starts,
				       const char *ends, const char *today);

/* Translated name of a state ("draft", "active", ...). */
const char *policy_ban_state_label(enum policy_ban_state s);

/* ---- false alarms (issue 13, Veghel annex 10) ---- */

/* A false alarm is cancelled at the alarm centre within 5 minutes of the alarm, or the
 * police come. */
#define POLICY_CANCEL_SECONDS 300

enum policy_cancel {
	POLICY_CANCEL_DUE,       /* not cancelled yet, time left */
	POLICY_CANCEL_LATE,      /* not cancelled and the 5 minutes have passed */
	POLICY_CANCEL_IN_TIME,   /* cancelled within the 5 minutes */
	POLICY_CANCEL_LATE_DONE  /* cancelled, but after the 5 minutes */
};

/* Where the cancellation of a false alarm raised at raised_at stands at now (cancelled_at 0:
 * not recorded); *left gets the seconds left (0 when none), may be NULL. */
enum policy_cancel policy_false_alarm_cancel(time_t raised_at, time_t cancelled_at, time_t now,
					     long *left);

/* ---- appointments (issue 13) ---- */

/* The precaution "safe room" needs a room that is one (balie.conf, safe_rooms). */
enum policy_room_check {
	POLICY_ROOM_OK,
	POLICY_ROOM_MISSING,  /* safe room promised, no room given */
	POLICY_ROOM_NOT_SAFE  /* the room is not a safe interview room */
};
enum policy_room_check policy_safe_room_check(unsigned prec, const char *room,
					      bool room_is_safe);

/* An appointment with a visitor found on the ban list. */
enum policy_appt_ban {
	POLICY_APPT_OK,     /* nobody on the list */
	POLICY_APPT_WARN,   /* shown: a possible hit, or a ban that does not stop the visit here
			     * (phone ban, warning, other building, exception recorded) */
	POLICY_APPT_REFUSE  /* an entry ban in force here and no exception recorded */
};

/* match: a MATCH of the visitor check (possible: only a POSSIBLE); here: where that ban
 * applies; exception: an exception (appointment or representative) holds on the date. */
enum policy_appt_ban policy_appt_ban(bool match, bool possible, enum policy_here here,
				     bool exception);

#endif
