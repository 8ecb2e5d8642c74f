/* visitor — the visitor check's rules, the same at the desk and on the command line: reading
 * what was typed (a name and a date of birth) and what a candidate means for the desk. */
#ifndef BALIE_VISITOR_H
#define BALIE_VISITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/dates.h"
#include "core/names.h"
#include "core/policy.h"

#define VISITOR_QUERY_MAX 200 /* bytes of a search text */

/* What the desk typed, read. */
struct visitor_query {
	char names[VISITOR_QUERY_MAX + 1];    /* the words that are not meant as a date */
	char born[DATES_DATE_LEN];            /* the date of birth typed ("YYYY-MM-DD"), or "" */
	char bad_date[VISITOR_QUERY_MAX + 1]; /* a word meant as a date that is none (an
					       * impossible day, a second date, one in the
					       * future), or "" */
};

/* Split text into the name and a date of birth. Every word made of digits and - / . is
 * meant as a date and read by dates_read (a two-digit year as 0-99 years before today);
 * one that cannot be read is kept in bad_date, never silently dropped or searched as a
 * name. today is "YYYY-MM-DD". */
void visitor_read_query(const char *text, const char *today, struct visitor_query *q);

/* An exception to a ban that holds today. */
enum visitor_exception {
	VISITOR_EXC_NONE,
	VISITOR_EXC_APPOINTMENT,   /* an appointment arranged by phone: let in for it */
	VISITOR_EXC_REPRESENTATIVE /* a representative with a signed authorisation */
};

/* One candidate as the rules see it. */
struct visitor_case {
	enum names_verdict verdict;     /* NAMES_MATCH or NAMES_POSSIBLE */
	bool born_only;                 /* found by the date of birth alone (no name typed) */
	bool born_typed;                /* the desk typed a date of birth */
	bool born_differs;              /* ... and the ban's is another one */
	bool ban_born_known;            /* the ban records a date of birth */
	bool common_name;               /* visitor_common_surname() of the banned person */
	enum ban_kind kind;
	enum policy_here here;          /* policy_ban_applies_here() for this building */
	enum visitor_exception exception;
};

/* What the desk must do about a candidate. */
enum visitor_step {
	VISITOR_REFUSE,          /* an entry ban holds here: do not let them in */
	VISITOR_ASK_BORN,        /* the name matches but is common: ask the date of birth */
	VISITOR_CHECK_ID,        /* a possible match: compare the ID before anything else */
	VISITOR_LET_IN_SERVICE,  /* a service suspension: let in, but do not serve */
	VISITOR_LET_IN_PHONE,    /* a phone ban only */
	VISITOR_LET_IN_WARNING,  /* a written warning: serve and stay alert */
	VISITOR_LET_IN_ELSEWHERE,/* the ban is for another building only */
	VISITOR_LET_IN_ALLOWED,  /* an appointment arranged by phone allows this visit */
	VISITOR_STEP_COUNT
};

/* The step for a candidate. A MATCH without a date of birth on a common name asks for the
 * date of birth first (when the ban records one); an entry ban with a representative's
 * exception still refuses the person themselves. */
enum visitor_step visitor_step(const struct visitor_case *c);

/* Whether the step keeps the visitor out (drawn as the alarming kind of hit). */
bool visitor_step_stops(enum visitor_step s);

/* The step in a word or two for the hit line ("REFUSE ENTRY"), translated. */
const char *visitor_step_word(enum visitor_step s);

/* The kind of ban as the desk says it ("entry ban", "service suspension"), translated. */
const char *visitor_kind_phrase(enum ban_kind k);

/* "entry ban until 2027-01-31, Stadhuis": kind, end and (for entry bans) where it holds;
 * buildings is the scope in words. */
void visitor_hit_summary(enum ban_kind kind, const char *ends, const char *buildings,
			 char *out, size_t outsz);

/* The facts of a ban the advice names. */
struct visitor_ban_facts {
	const char *ends;               /* "YYYY-MM-DD" */
	const char *born;               /* the ban's date of birth, or "" */
	const char *buildings;          /* the scope in words */
	bool until_conversation;        /* a service stop until an order conversation */
	const char *exception_detail;   /* the exception's detail, or "" */
};

/* What to do now about a candidate, in sentences for the desk: the configured protocol
 * texts for a ban hit and a possible hit (config_protocol), with the facts that decide. */
void visitor_advice(const struct visitor_case *c, const struct visitor_ban_facts *b,
		    const char *protocol_hit, const char *protocol_possible, char *out,
		    size_t outsz);

/* Whether a surname (without its tussenvoegsel; either part of a double name) is so
 * common that a name alone does not tell namesakes apart (data/common_surnames.txt). */
bool visitor_common_surname(const char *surname);

#endif
