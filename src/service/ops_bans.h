/* ops_bans — what the ban operation files (ops_bans.c, ops_bans_edit.c, ops_bans_import.c)
 * share: the service's own date, the discreet view of a ban, the checks of a ban's fields
 * and the sanction table. Only those files include this. */
#ifndef BALIE_SERVICE_OPS_BANS_H
#define BALIE_SERVICE_OPS_BANS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lib.h"
#include "service/internal.h"
#include "store/lib.h"

/* The local date of the service's clock: what "today" means for every ban operation (a
 * client's date is never taken: it could make an ended ban look current). */
void svc_ban_today(char out[DATES_DATE_LEN]);

/* Put ban b as the next item of the reply. A role without PERM_SEE_REASON gets the
 * discreet view: reason, reasons, notes, justification and lifted_reason blanked and
 * b->withheld set, in b itself as well. */
void svc_ban_put(struct svc_call *c, struct ban *b);

/* The same for a history row. */
void svc_ban_put_history(struct svc_call *c, struct ban_history *h);

/* The reply to a request for a list of bans the store read into l with status r: each ban
 * (svc_ban_put) and the look audited as a count under object with detail. l is freed. */
enum store_status svc_ban_reply_list(struct svc_call *c, enum store_status r,
				     struct ban_list *l, const char *object, const char *detail);

/* Whether the session may see this ban at all: any ban with PERM_SEE_REASON, else only a
 * current one (active, not lifted, not ended). STORE_OK or STORE_DENIED with the
 * message. */
enum store_status svc_ban_visible(struct svc_call *c, const struct ban *b);

/* Read ban id into b when the session may see it (svc_ban_visible); the message names the
 * ban when there is none. Clear b with store_ban_clear in every case. */
enum store_status svc_ban_read(struct svc_call *c, int64_t id, struct ban *b);

/* svc_stored for a store call on ban id: the message names the ban when there is none. */
enum store_status svc_ban_stored(struct svc_call *c, enum store_status r, int64_t id);

/* The sanction table of the service's configuration (sanctions.conf beside its
 * balie.conf, else the built-in one); a broken file refuses the request. */
enum store_status svc_ban_table(struct svc_call *c, struct sanction_table *t);

/* Buffers for what svc_ban_check normalises; b points into them afterwards. */
struct svc_ban_norm {
	char scope[1024];
	char reasons[256];
};

/* Check the fields of a new ban or an import row against the policy, with the service's
 * configuration and date: every text (bancheck_text), the dates, the scope's buildings,
 * a combination of reasons (stored under its most serious one), --until-conversation only
 * for a service stop. Only an import may carry a lifting. A message starts with prefix
 * (e.g. "row 12: "). STORE_OK or STORE_INVALID with the message. t may be NULL: it is
 * loaded when a combination needs it. */
enum store_status svc_ban_check(struct svc_call *c, struct ban_new *b, struct svc_ban_norm *n,
				bool import, const struct sanction_table *t, const char *prefix);

/* Decode record rec of the request as a new ban; a field that is not allowed is named
 * (e.g. "row 3: surname: contains an invisible character"). */
enum store_status svc_ban_decode(struct svc_call *c, uint32_t rec, struct ban_new *b,
				 const char *prefix);

/* The ban's kind and period against the table for its reason and offence: STORE_OK when
 * they fit or a justification is given, else STORE_INVALID explaining the rule. */
enum store_status svc_ban_fits(struct svc_call *c, const struct sanction_table *t,
			       enum ban_reason reason, enum sanction_offence o, enum ban_kind kind,
			       const char *starts, const char *ends, const char *justification);

#endif
