/* replies — what handlers put into a reply besides single fields: records, lists of
 * records, and the audit line of a look (whose object is often "kind:id", whose result is
 * often a count). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>

#include "service/internal.h"

void svc_put_record(struct svc_call *c, const struct wire_desc *d, size_t n, const void *p)
{
	wire_put_record(c->reply, d, n, p);
}

void svc_put_records(struct svc_call *c, const struct wire_desc *d, size_t n,
		     const void *items, size_t elem, size_t count)
{
	const unsigned char *p = items;
	for (size_t i = 0; i < count; i++)
		svc_put_record(c, d, n, p + i * elem);
}

void svc_audit_record(struct svc_call *c, const char *kind, int64_t id, const char *result,
		      const char *detail)
{
	char object[64];
	snprintf(object, sizeof object, "%s:%lld", kind, (long long)id);
	svc_audit_set(c, object, result, detail);
}

void svc_audit_count(struct svc_call *c, const char *object, size_t count, const char *detail)
{
	char result[32];
	snprintf(result, sizeof result, "%zu", count);
	svc_audit_set(c, object, result, detail);
}

enum store_status svc_stored(struct svc_call *c, enum store_status r)
{
	return r == STORE_OK ? r : svc_store_failed(c, r);
}

enum store_status svc_reply_int(struct svc_call *c, enum store_status r, uint16_t tag,
				int64_t v)
{
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	wire_put_int(c->reply, tag, v);
	return STORE_OK;
}

enum store_status svc_reply_record(struct svc_call *c, enum store_status r,
				   const struct wire_desc *d, size_t n, const void *p)
{
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	svc_put_record(c, d, n, p);
	return STORE_OK;
}

enum store_status svc_reply_list(struct svc_call *c, enum store_status r,
				 const struct wire_desc *d, size_t n, void *items, size_t elem,
				 size_t count)
{
	if (r == STORE_OK)
		svc_put_records(c, d, n, items, elem, count);
	free(items);
	return svc_stored(c, r);
}
