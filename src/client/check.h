/* client/check — the visitor check through the service (see store/bans.h for what a hit
 * holds and promises). The service's date counts; a role that may not see reasons gets
 * the discreet view of each ban. */
#ifndef BALIE_CLIENT_CHECK_H
#define BALIE_CLIENT_CHECK_H

#include "client/client.h"
#include "store/lib.h"

/* store_ban_check's shape (today is ignored: the service's date counts). Free the hits
 * with store_ban_hits_clear. */
enum store_status client_ban_check(struct client *cl, const char *query, const char *born,
				   const char *today, struct ban_hit *out, size_t max, size_t *n);

/* A candidate of a batch and the visitor it belongs to (0-based, in the order given). */
struct client_batch_hit {
	size_t visitor;
	struct ban_hit hit;
};

/* Check count visitors (names[i], born[i]: "" or YYYY-MM-DD) in one request (at most
 * CLIENT_CHECK_BATCH of them), at most max candidates each; one audit line for all.
 * *out in visitor order, best first per visitor; free with client_batch_hits_free. */
#define CLIENT_CHECK_BATCH 1000
enum store_status client_ban_check_batch(struct client *cl, const char *const *names,
					 const char *const *born, size_t count, size_t max,
					 struct client_batch_hit **out, size_t *n);
void client_batch_hits_free(struct client_batch_hit *h, size_t n);

/* store_ban_list_born's shape (today ignored). Free with store_ban_list_free. */
enum store_status client_ban_list_born(struct client *cl, const char *today, const char *born,
				       size_t limit, struct ban_list *out);

#endif
