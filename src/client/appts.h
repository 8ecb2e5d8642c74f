/* client/appts — appointments through the service (see store/appts.h for the records and
 * what each call promises; the service adds the public-hours rule and the roles). */
#ifndef BALIE_CLIENT_APPTS_H
#define BALIE_CLIENT_APPTS_H

#include "client/client.h"
#include "core/lib.h"
#include "store/lib.h"

enum store_status client_appt_flag(struct client *cl, int64_t id, bool risky, unsigned precautions,
				   int expected_version);
enum store_status client_appt_flag_override(struct client *cl, int64_t id, unsigned precautions,
					    const char *reason, int expected_version);
enum store_status client_appt_get(struct client *cl, int64_t id, struct appt *out);

/* store_appt_add, and the same as client_appt_flag(_override) (reason NULL: none), also
 * telling how the service applied the public-hours rule (*hours may be NULL): a reason
 * given with APPTS_HOURS_NOT_RISKY or APPTS_HOURS_WITHIN was not needed and not kept.
 * *mark (may be NULL): the visitor found on the ban list but not refused (issue 13). */
enum store_status client_appt_add_ruled(struct client *cl, const struct appt *a,
					int64_t *id_out, enum appts_hours *hours,
					struct appts_ban_mark *mark);
enum store_status client_appt_flag_ruled(struct client *cl, int64_t id, bool risky,
					 unsigned precautions, const char *reason,
					 int expected_version, enum appts_hours *hours);

/* store_appt_list with every visitor checked against the bans in force on the local date
 * of from: (*marks)[i] belongs to (*out)[i]. Free both with free(). */
enum store_status client_appt_list_checked(struct client *cl, time_t from, time_t to,
					   bool risky_only, struct appt **out,
					   struct appts_ban_mark **marks, size_t *n);

/* For the client files: the visitor's mark from the fields of a reply's record 0 (absent
 * fields: clear; exception_tag 0: none is sent); mark may be NULL. */
enum store_status client_take_ban_mark(struct client *cl, const struct wire_in *a,
				       uint16_t verdict_tag, uint16_t id_tag,
				       uint16_t exception_tag, struct appts_ban_mark *mark);

#endif
