/* client/alarms — the alarm queue's requests. */
#include "autoconfig.h"

#include <string.h>

#include "client/alarms.h"
#include "service/lib.h"

enum store_status client_alarm_raise(struct client *cl, const char *location,
				     enum alarm_kind kind, int64_t *id_out)
{
	struct wire_out *q = client_request(cl, OP_ALARM_RAISE);
	wire_put_text(q, F_LOCATION, location);
	wire_put_int(q, F_KIND, kind);
	return client_call_id(cl, id_out);
}

enum store_status client_alarm_ack(struct client *cl, int64_t id)
{
	wire_put_int(client_request(cl, OP_ALARM_ACK), F_ID, id);
	return client_call_simple(cl);
}

enum store_status client_alarm_close(struct client *cl, int64_t id, enum alarm_outcome outcome)
{
	struct wire_out *q = client_request(cl, OP_ALARM_CLOSE);
	wire_put_int(q, F_ID, id);
	wire_put_int(q, F_OUTCOME, outcome);
	return client_call_simple(cl);
}

enum store_status client_alarm_resolve_all(struct client *cl, int *count)
{
	(void)client_request(cl, OP_ALARM_RESOLVE_ALL);
	int64_t n = 0;
	enum store_status r = client_call_count(cl, INT32_MAX, &n);
	if (r == STORE_OK)
		*count = (int)n;
	return r;
}

enum store_status client_alarm_list(struct client *cl, int open_only, size_t limit,
				    struct alarm **out, size_t *n)
{
	struct wire_out *q = client_request(cl, OP_ALARM_LIST);
	wire_put_bool(q, F_OPEN_ONLY, open_only != 0);
	wire_put_int(q, F_LIMIT, (int64_t)limit);
	enum store_status r;
	*out = client_call_list(cl, records_alarm, records_alarm_n, sizeof **out, NULL, n, &r);
	return r;
}

/* The alarm in record 1 of the reply to the request just made; out may be NULL. */
static enum store_status call_alarm(struct client *cl, struct alarm *out)
{
	struct alarm a;
	enum store_status s = client_call_one(cl, records_alarm, records_alarm_n, &a, sizeof a,
					      NULL);
	if (s == STORE_OK && out)
		*out = a;
	return s;
}

enum store_status client_alarm_cancelled(struct client *cl, int64_t id, struct alarm *out)
{
	wire_put_int(client_request(cl, OP_ALARM_CANCELLED), F_ID, id);
	return call_alarm(cl, out);
}

enum store_status client_alarm_get(struct client *cl, int64_t id, struct alarm *out)
{
	wire_put_int(client_request(cl, OP_ALARM_GET), F_ID, id);
	return call_alarm(cl, out);
}
