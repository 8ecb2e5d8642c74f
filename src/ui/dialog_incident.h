/* dialog_incident — registering an incident from the console: category and channel from
 * pick lists, then one short form; anyone with a role may (issue 13). */
#ifndef BALIE_UI_DIALOG_INCIDENT_H
#define BALIE_UI_DIALOG_INCIDENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/lib.h"
#include "store/lib.h"
#include "ui/panel.h"

/* What the steps carry from one dialog to the next; owned by the caller (a panel), so it
 * outlives the dialogs. */
struct incident_draft {
	int64_t alarm_id;                 /* the alarm it follows, 0 when none */
	enum incident_category category;
	enum incident_channel channel;
	char employee[INCIDENT_NAME_MAX];
	char place[INCIDENT_NAME_MAX];
	char at[24];                      /* "YYYY-MM-DD HH:MM" */
	char witnesses[INCIDENT_NAME_MAX]; /* who responded to the alarm, "" when none */
	int64_t registered;               /* the id once saved, else 0 */
};

/* Fill a draft in: from a closed alarm (its time, its point as the place, who raised it as
 * the employee, who responded as a witness), or, with from NULL, now at this desk's point
 * by the operator. */
void dialog_incident_prefill(struct incident_draft *dr, const struct panel_ctx *ctx,
			     const struct alarm *from);

/* Open the first step (when the role may register; else say so and audit the refusal).
 * True when a dialog opened. */
bool dialog_incident_start(struct incident_draft *dr, struct panel_ctx *ctx);

#endif
