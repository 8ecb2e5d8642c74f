/* client/incidents — incidents through the service (issue 13): one client_incident_* per
 * store_incident_* that balie uses, of the same shape (see store/incidents.h for the
 * records and what each call promises). The service adds the roles, the places of its
 * configuration, and its own rules, sanction table and clock for the follow-up. */
#ifndef BALIE_CLIENT_INCIDENTS_H
#define BALIE_CLIENT_INCIDENTS_H

#include "client/client.h"
#include "store/lib.h"

enum store_status client_incident_add(struct client *cl, const struct incident *in,
				      int64_t *id_out);
enum store_status client_incident_get(struct client *cl, int64_t id, struct incident *out);
enum store_status client_incident_update(struct client *cl, const struct incident *in);
enum store_status client_incident_complete(struct client *cl, int64_t id,
					   int expected_version);
/* Free *out with free(). */
enum store_status client_incident_list(struct client *cl, time_t from, time_t to,
				       struct incident **out, size_t *n);
enum store_status client_incident_tally(struct client *cl, time_t at, enum incident_category c,
					enum incident_channel ch, const char *place,
					int64_t *id_out);

/* The steps of incident id now (into out[INCIDENTS_MAX_ITEMS]). */
enum store_status client_incident_followups(struct client *cl, int64_t id,
					    struct incident_followup *out, size_t *n);
enum store_status client_incident_done(struct client *cl, int64_t id, const char *key,
				       time_t done_at, const char *note);
/* Free *out with free(). */
enum store_status client_incident_due(struct client *cl, bool all,
				      struct incident_due_row **out, size_t *n);
enum store_status client_incident_earlier(struct client *cl, int64_t id,
					  struct incidents_earlier *out);
/* Free both arrays with free(). */
enum store_status client_incident_report(struct client *cl, time_t from, time_t to,
					 struct incidents_record **rec, size_t *nrec,
					 struct incidents_tally **tally, size_t *ntally);

#endif
