/* client/visits — the home-visit back-up board through the service (see store/visits.h
 * for the records and what each call promises). */
#ifndef BALIE_CLIENT_VISITS_H
#define BALIE_CLIENT_VISITS_H

#include "client/client.h"
#include "core/lib.h"
#include "store/lib.h"

/* The service checks the client against the ban list (issue 13): a MATCH is recorded with
 * the visit and needs a companion; *mark (may be NULL) gets the best hit, to be shown. */
enum store_status client_visit_out(struct client *cl, const struct visit *v, int64_t *id_out,
				   struct appts_ban_mark *mark);
enum store_status client_visit_back(struct client *cl, int64_t id, const char *outcome);
/* Free *out with free(). */
enum store_status client_visit_list(struct client *cl, bool all, struct visit **out, size_t *n);

#endif
