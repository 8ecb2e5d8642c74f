/* demo — realistic, fictional data for `balie --demo` (and for trying the console). */
#ifndef BALIE_DEMO_H
#define BALIE_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "config.h"
#include "store/lib.h"

/* Adjust a configuration so today has an evening opening (the demo shows it). */
void demo_adjust_config(struct config *c, time_t now);

/* Fill an empty database: ~30 persons with bans of every kind (two expired, one ending this
 * week), today's appointments (two risky, one with a banned visitor), an alarm raised a
 * minute ago, and a support team one short for tonight. 0 on success, -1 with err set. */
int demo_populate(struct store *st, const struct config *c, time_t now, char *err, size_t errsz);

/* Issue 13: a year of fictional incidents (the older ones completed and followed up, the
 * last few days still open) and tally marks. 0, or -1 with err set. */
int demo_incidents_populate(struct store *st, const struct config *c, time_t now, char *err,
			    size_t errsz);

/* The incidents part of the summary: the follow-up due and the report of the last six
 * whole months. 0, or -1 after an error. */
int demo_incidents_summary(struct store *st, const struct config *c, time_t now);

/* Print a plain-text summary of each panel's data to stdout. */
int demo_summary(struct store *st, const struct config *c, time_t now);

/* The demo's own file (the operator's, direct mode): create it, fill it when populate, and
 * print the summary when summary (no terminal). 0, or -1 with a message in err. */
int demo_prepare(const char *path, const struct config *c, bool populate, bool summary,
		 char *err, size_t errsz);

#endif
