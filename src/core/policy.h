/* policy — the rules of the desk as pure functions: ban kinds and reasons, opening
 * hours, the support-team minimum, precautions for risky appointments. */
#ifndef BALIE_POLICY_H
#define BALIE_POLICY_H

#include <stdbool.h>

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

/* Stable machine names used in CSV, CLI and the database ("building+phone"). */
const char *policy_kind_name(enum ban_kind k);
const char *policy_reason_name(enum ban_reason r);

/* Parse a machine name; 0 on success, -1 when unknown. */
int policy_kind_parse(const char *s, enum ban_kind *out);
int policy_reason_parse(const char *s, enum ban_reason *out);

/* Translated short labels for people ("building ban" / "pandverbod"). */
const char *policy_kind_label(enum ban_kind k);
const char *policy_reason_label(enum ban_reason r);

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

#endif
