/* client/check — the visitor check's requests (ops 80-82). */
#include "autoconfig.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "client/check.h"
#include "i18n.h"
#include "service/lib.h"

/* Decode record rec as a hit; -1 (with the call failed) when it does not decode. */
static int get_hit(struct client *cl, const struct wire_in *a, uint32_t rec, struct ban_hit *h)
{
	memset(h, 0, sizeof *h);
	if (client_get_struct(cl, a, rec, records_ban, records_ban_n, &h->ban) != STORE_OK ||
	    client_get_struct(cl, a, rec, records_ban_hit, records_ban_hit_n, h) != STORE_OK) {
		store_ban_clear(&h->ban);
		return -1;
	}
	return 0;
}

enum store_status client_ban_check(struct client *cl, const char *query, const char *born,
				   const char *today, struct ban_hit *out, size_t max, size_t *n)
{
	(void)today;
	*n = 0;
	if (max == 0)
		return STORE_OK;
	struct wire_out *q = client_request(cl, OP_CHECK);
	wire_put_text(q, F_TEXT, query);
	if (born && *born)
		wire_put_text(q, F_DATE, born);
	wire_put_int(q, F_LIMIT, (int64_t)(max < 100 ? max : 100));
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	for (uint32_t rec = 1; rec < a.nrecs && *n < max; rec++) {
		if (get_hit(cl, &a, rec, &out[*n]) != 0) {
			store_ban_hits_clear(out, *n);
			*n = 0;
			wire_in_free(&a);
			return STORE_UNAVAILABLE;
		}
		++*n;
	}
	wire_in_free(&a);
	return STORE_OK;
}

void client_batch_hits_free(struct client_batch_hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_ban_clear(&h[i].hit.ban);
	free(h);
}

enum store_status client_ban_check_batch(struct client *cl, const char *const *names,
					 const char *const *born, size_t count, size_t max,
					 struct client_batch_hit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (count > CLIENT_CHECK_BATCH)
		return client_fail(cl, STORE_INVALID, _("at most %d visitors per request"),
				   CLIENT_CHECK_BATCH);
	struct wire_out *q = client_request(cl, OP_CHECK_BATCH);
	wire_put_int(q, F_LIMIT, (int64_t)(max < 100 ? max : 100));
	for (size_t i = 0; i < count; i++) {
		wire_put_rec(q);
		wire_put_text(q, F_TEXT, names[i]);
		if (born[i] && *born[i])
			wire_put_text(q, F_DATE, born[i]);
	}
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	size_t items = a.nrecs > 0 ? a.nrecs - 1 : 0;
	struct client_batch_hit *h = calloc(items ? items : 1, sizeof *h);
	if (!h) {
		wire_in_free(&a);
		return client_fail(cl, STORE_ERROR, "%s", strerror(ENOMEM));
	}
	for (size_t i = 0; i < items; i++) {
		int64_t v = -1;
		if (wire_get_int(&a, (uint32_t)i + 1, F_INDEX, &v) != 0 || v < 0 ||
		    (size_t)v >= count || get_hit(cl, &a, (uint32_t)i + 1, &h[i].hit) != 0) {
			client_batch_hits_free(h, i);
			wire_in_free(&a);
			return client_fail(cl, STORE_UNAVAILABLE, "%s", client_error(cl));
		}
		h[i].visitor = (size_t)v;
	}
	wire_in_free(&a);
	*out = h;
	*n = items;
	return STORE_OK;
}

static void ban_clear(void *item)
{
	store_ban_clear(item);
}

enum store_status client_ban_list_born(struct client *cl, const char *today, const char *born,
				       size_t limit, struct ban_list *out)
{
	(void)today;
	struct wire_out *q = client_request(cl, OP_BAN_LIST_BORN);
	wire_put_text(q, F_DATE, born);
	wire_put_int(q, F_LIMIT, (int64_t)(limit == 0 || limit > 100 ? 100 : limit));
	enum store_status r;
	out->items = client_call_list(cl, records_ban, records_ban_n, sizeof(struct ban), ban_clear,
				      &out->count, &r);
	return r;
}
