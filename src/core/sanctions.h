/* sanctions — the sanction table as pure rules: per reason category and offence (first or
 * repeat) the allowed kinds, the duration in months and whether a police report is required. */
#ifndef BALIE_CORE_SANCTIONS_H
#define BALIE_CORE_SANCTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/dates.h"
#include "core/policy.h"

enum sanction_offence { SANCTION_FIRST, SANCTION_REPEAT };

/* What the table says for one category and offence. */
struct sanction_rule {
	unsigned kinds;      /* allowed kinds, bit 1 << enum ban_kind */
	enum ban_kind propose; /* the kind proposed first (one of kinds) */
	int min_months;      /* bounds of a building/phone ban; 0/0 = no such ban here */
	int max_months;
	bool police_report;  /* a police report (aangifte) is required */
	bool conversation;   /* an order conversation is proposed */
	bool conversation_only; /* issue 13: the conversation alone may do, without a written
				 * warning ("ordegesprek en/of schriftelijke waarschuwing") */
};

struct sanction_category {
	bool present;        /* the table has this category */
	int severity;        /* higher = more serious; decides a combination */
	struct sanction_rule first, repeat;
};

/* The whole table. other_max_months bounds service suspensions and warnings (which the
 * table gives no months for); warning_months is how long they stay on the list by default. */
struct sanction_table {
	struct sanction_category cat[REASON_COUNT];
	int other_max_months;
	int warning_months;
};

/* First offence when the person has no earlier bans or warnings, else repeat. */
enum sanction_offence sanctions_offence(size_t earlier);

/* The most serious of n reasons (a combination: the sanction of the most serious
 * behaviour); 0, or -1 when n is 0 or a reason is unknown. Ties keep the first given. */
int sanctions_most_serious(const struct sanction_table *t, const enum ban_reason *r, size_t n,
			   enum ban_reason *out);

/* The rule for a category and offence, or NULL when the table has no such category. */
const struct sanction_rule *sanctions_rule(const struct sanction_table *t, enum ban_reason r,
					   enum sanction_offence o);

/* A proposal: kind and end date for a ban starting on starts. */
struct sanction_proposal {
	enum ban_reason reason;
	enum sanction_offence offence;
	struct sanction_rule rule;
	enum ban_kind kind;
	char ends[DATES_DATE_LEN];
};

/* Propose kind and duration (the rule's minimum: the least invasive measure that fits) for
 * reason after `earlier` bans of the same person, starting on starts ("YYYY-MM-DD");
 * 0, or -1 when the category is missing or starts is not a date. */
int sanctions_propose(const struct sanction_table *t, enum ban_reason reason, size_t earlier,
		      const char *starts, struct sanction_proposal *out);

/* Whether a ban fits the table. A ban of N months starting S may end from S + N months - 1
 * day (min) up to S + N months (max): the last day is part of the ban. */
enum sanction_check {
	SANCTION_OK,
	SANCTION_NO_RULE,      /* the table has no row for the category */
	SANCTION_KIND_OUTSIDE, /* the kind is not among the allowed ones */
	SANCTION_TOO_SHORT,
	SANCTION_TOO_LONG,
	SANCTION_BAD_DATE      /* starts or ends is not a date */
};
enum sanction_check sanctions_check(const struct sanction_table *t, enum ban_reason reason,
				    enum sanction_offence o, enum ban_kind kind,
				    const char *starts, const char *ends);

/* The earliest and latest allowed end dates of a kind under a rule; -1 when the kind has no
 * bounds there (then only other_max_months applies) or starts is not a date. */
int sanctions_bounds(const struct sanction_table *t, const struct sanction_rule *rule,
		     enum ban_kind kind, const char *starts, char min_end[DATES_DATE_LEN],
		     char max_end[DATES_DATE_LEN]);

/* A translated explanation of a check result ("longer than the table allows"). */
const char *sanctions_check_message(enum sanction_check c);

/* Comma-separated machine names of a kinds bit set ("warning,building") into out. */
void sanctions_kinds_text(unsigned kinds, char *out, size_t outsz);

/* Fill a template: every "{name}" is replaced by the value of that name ("{{" is a literal
 * "{"). Returns a malloc'd text, or NULL with *bad naming the unknown or unclosed
 * placeholder (a pointer into tmpl; NULL on out-of-memory). */
char *sanctions_fill(const char *tmpl, const char *const *names, const char *const *values,
		     size_t n, const char **bad);

/* Wrap every line longer than width columns at spaces (a word longer than the width stays
 * whole); continuation lines of a "- " item are indented by two spaces. Templates hold one
 * paragraph per line, so filled-in names never spoil the margins. A no-break space (U+00A0)
 * joins words and is written as a plain space. Malloc'd; NULL on
 * out-of-memory. */
char *sanctions_wrap(const char *text, int width);

#endif
