/* client/visits — the home-visit board's requests. */
#include "autoconfig.h"

#include "client/appts.h"
#include "client/visits.h"
#include "i18n.h"
#include "service/lib.h"

enum store_status client_visit_out(struct client *cl, const struct visit *v, int64_t *id_out,
				   struct appts_ban_mark *mark)
{
	struct wire_out *q = client_request(cl, OP_VISIT_OUT);
	wire_put_text(q, F_VISIT_EMPLOYEE, v->employee);
	wire_put_text(q, F_VISIT_ADDRESS, v->address);
	wire_put_text(q, F_VISIT_CLIENT, v->client);
	wire_put_text(q, F_VISIT_MOBILE, v->mobile);
	wire_put_int(q, F_VISIT_BACK, (int64_t)v->expected_back);
	wire_put_int(q, F_VISIT_CALL_AT, (int64_t)v->call_at);
	wire_put_int(q, F_VISIT_RISK, v->risk);
	if (v->companion[0])
		wire_put_text(q, F_VISIT_COMPANION, v->companion);
	struct wire_in r;
	enum store_status s = client_call(cl, &r);
	if (s != STORE_OK)
		return s;
	int64_t id = 0;
	struct appts_ban_mark m;
	if (wire_get_int(&r, 0, F_ID, &id) != 0)
		s = client_fail(cl, STORE_UNAVAILABLE, _("the service's reply does not decode"));
	else
		s = client_take_ban_mark(cl, &r, F_VISIT_BAN_VERDICT, F_VISIT_BAN_ID, 0, &m);
	wire_in_free(&r);
	if (s != STORE_OK)
		return s;
	if (id_out)
		*id_out = id;
	if (mark)
		*mark = m;
	return STORE_OK;
}

enum store_status client_visit_back(struct client *cl, int64_t id, const char *outcome)
{
	struct wire_out *q = client_request(cl, OP_VISIT_BACK);
	wire_put_int(q, F_ID, id);
	wire_put_text(q, F_VISIT_OUTCOME, outcome);
	return client_call_simple(cl);
}

enum store_status client_visit_list(struct client *cl, bool all, struct visit **out, size_t *n)
{
	wire_put_bool(client_request(cl, OP_VISIT_LIST), F_VISIT_ALL, all);
	enum store_status r;
	*out = client_call_list(cl, records_visit, records_visit_n, sizeof **out, NULL, n, &r);
	return r;
}
