/* client/alarms — the alarm queue through the service (see store/alarms.h for the
 * records and what each call promises). */
#ifndef BALIE_CLIENT_ALARMS_H
#define BALIE_CLIENT_ALARMS_H

#include "client/client.h"
#include "store/lib.h"

/* STORE_OK with *id_out 0 when the database could not take the alarm and the journal did:
 * then client_alarm_journaled() is the record id and client_note() says why. */
enum store_status client_alarm_raise(struct client *cl, const char *location,
				     enum alarm_kind kind, int64_t *id_out);
/* After client_alarm_raise: the alarm journal record id, or "" (client.c). */
const char *client_alarm_journaled(const struct client *cl);
enum store_status client_alarm_ack(struct client *cl, int64_t id);
enum store_status client_alarm_close(struct client *cl, int64_t id, enum alarm_outcome outcome);
enum store_status client_alarm_resolve_all(struct client *cl, int *count);
/* Issue 13: record that false alarm id was cancelled at the alarm centre; *out (may be
 * NULL) gets the alarm as it is now. */
enum store_status client_alarm_cancelled(struct client *cl, int64_t id, struct alarm *out);
enum store_status client_alarm_get(struct client *cl, int64_t id, struct alarm *out);
/* Free *out with free(). */
enum store_status client_alarm_list(struct client *cl, int open_only, size_t limit,
				    struct alarm **out, size_t *n);

#endif
