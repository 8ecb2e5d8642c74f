/* bancheck — the rules every field of a ban follows, whoever enters it (a CSV row, 'ban add',
 * the console's form) and whoever checks it (balie for its messages, the service for the
 * record): byte limits, dates, the buildings of a scope, a combination of reasons. Pure. */
#ifndef BALIE_CORE_BANCHECK_H
#define BALIE_CORE_BANCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/policy.h"
#include "core/sanctions.h"

/* The fields of a ban as text. The first BANF_CSV_COUNT are the CSV columns, in the order
 * 'ban export' writes them; the first BANF_CSV_REQUIRED of those every CSV header names. */
enum banf {
	BANF_GIVEN, BANF_PREFIX, BANF_SURNAME, BANF_BORN, BANF_KIND, BANF_STARTS, BANF_ENDS,
	BANF_REASON, BANF_PARTNER_PREFIX, BANF_PARTNER_SURNAME, BANF_SCOPE, BANF_IMPOSED_BY,
	BANF_LETTER_SENT, BANF_POLICE, BANF_NOTES, BANF_STATUS, BANF_LIFTED_AT, BANF_LIFTED_BY,
	BANF_LIFTED_REASON,
	BANF_ADDRESS, BANF_EVENT_DATE, /* issue 13: the letter's address and day of the event */
	BANF_CSV_COUNT,
	BANF_ENFORCEMENT = BANF_CSV_COUNT, BANF_JUSTIFICATION, BANF_REASONS,
	BANF_TAKEOVER,                 /* issue 13: an import's source (ban import --source) */
	BANF_COUNT
};
#define BANF_CSV_REQUIRED (BANF_REASON + 1)

/* Machine name (the CSV header: "given_names", "police_informed", ...). */
const char *bancheck_name(enum banf f);

/* The most bytes the field may hold. */
size_t bancheck_max(enum banf f);

/* Whether the field must not be empty (surname, kind, reason, starts, ends). */
bool bancheck_required(enum banf f);

/* One field's text: valid UTF-8 without control, bidi or invisible characters (a
 * justification may hold line breaks: extensions add lines), at most bancheck_max bytes,
 * not empty when required. 0, or -1 with the translated reason in why. */
int bancheck_text(enum banf f, const char *v, char *why, size_t whysz);

/* The dates of a ban, v indexed by enum banf (NULL = empty): born, starts, ends,
 * letter_sent, lifted_at and event_date real dates ("YYYY-MM-DD"), born, lifted_at and
 * event_date not after today,
 * ends not before starts, lifted_by and lifted_reason given with lifted_at and only then.
 * 0, or -1 with the field in *bad and the translated reason in why. */
int bancheck_dates(const char *const v[BANF_COUNT], const char *today, enum banf *bad,
		   char *why, size_t whysz);

/* A scope: building ids separated by commas, spaces around them ignored. Every id must be
 * one of known[0..nknown) (any id when nknown is 0), none twice, none empty. The
 * normalised list ("a,b") goes to norm ("" for every building). 0, or -1 with why. */
int bancheck_scope(const char *scope, const char *const *known, size_t nknown, char *norm,
		   size_t normsz, char *why, size_t whysz);

/* A combination of reasons ("threat, physical"): the most serious by the table into *most,
 * the normalised list of two or more distinct reasons into norm ("" for one reason). 0, or
 * -1 with why (an unknown or no reason). */
int bancheck_reasons(const struct sanction_table *t, const char *list, enum ban_reason *most,
		     char *norm, size_t normsz, char *why, size_t whysz);

#endif
