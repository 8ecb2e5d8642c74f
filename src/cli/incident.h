/* cli/incident — what the parts of the 'incident' command group share (incident.c: register,
 * update, tally, list; incident_due.c: show, due, done; report.c). Not for other commands. */
#ifndef BALIE_CLI_INCIDENT_H
#define BALIE_CLI_INCIDENT_H

#include <stdint.h>

#include "cli/cli.h"
#include "client/lib.h"

/* Cents as "EUR 45.50" (translated: "€ 45,50"). */
void incident_euro(int64_t cents, char *out, size_t outsz);

/* The text of 'balie report --from --to' on stdout, read from the store directly (the
 * demo's summary, before any session exists); 0, or -1 after an error. */
struct store;
int cli_report_text(struct store *st, const struct config *cfg, const char *from,
		    const char *to);

/* The commands of each file (declared as option tables). */
extern const struct cli_command cli_incident_commands[];     /* add, update, tally, list */
extern const struct cli_command cli_incident_due_commands[]; /* show, due, done */
extern const struct cli_command cli_report_commands[];       /* report */

#endif
