/* client/staff — the staffing requests. */
#include "autoconfig.h"

#include "client/staff.h"
#include "service/lib.h"

/* A request naming one staff member. */
static struct wire_out *named(struct client *cl, enum svc_op op, const char *name)
{
	struct wire_out *q = client_request(cl, op);
	wire_put_text(q, F_STAFF_NAME, name);
	return q;
}

enum store_status client_staff_add(struct client *cl, const char *name, enum staff_team team,
				   const char *phone)
{
	struct wire_out *q = named(cl, OP_STAFF_ADD, name);
	wire_put_int(q, F_STAFF_TEAM, team);
	wire_put_text(q, F_STAFF_PHONE, phone);
	return client_call_simple(cl);
}

enum store_status client_staff_in(struct client *cl, const char *name)
{
	(void)named(cl, OP_STAFF_IN, name);
	return client_call_simple(cl);
}

enum store_status client_staff_out(struct client *cl, const char *name)
{
	(void)named(cl, OP_STAFF_OUT, name);
	return client_call_simple(cl);
}

enum store_status client_staff_out_at(struct client *cl, const char *name, time_t at,
				      const char *note)
{
	struct wire_out *q = named(cl, OP_STAFF_OUT_AT, name);
	wire_put_int(q, F_STAFF_AT, (int64_t)at);
	wire_put_text(q, F_STAFF_NOTE, note);
	return client_call_simple(cl);
}

enum store_status client_staff_roster(struct client *cl, const char *name, const char *date,
				      bool on)
{
	struct wire_out *q = named(cl, OP_STAFF_ROSTER, name);
	wire_put_text(q, F_DATE, date);
	wire_put_bool(q, F_STAFF_ON, on);
	return client_call_simple(cl);
}

enum store_status client_staff_list(struct client *cl, const char *date,
				    struct staff_member **out, size_t *n)
{
	struct wire_out *q = client_request(cl, OP_STAFF_LIST);
	if (date)
		wire_put_text(q, F_DATE, date);
	enum store_status r;
	*out = client_call_list(cl, records_staff_member, records_staff_member_n, sizeof **out,
				NULL, n, &r);
	return r;
}

enum store_status client_staff_unreachable(struct client *cl, const char *building,
					   const char *date, const char *period, const char *note,
					   int64_t *id_out)
{
	struct wire_out *q = client_request(cl, OP_STAFF_UNREACHABLE);
	wire_put_text(q, F_STAFF_BUILDING, building);
	wire_put_text(q, F_DATE, date);
	wire_put_text(q, F_STAFF_PERIOD, period);
	wire_put_text(q, F_STAFF_NOTE, note);
	return client_call_id(cl, id_out);
}

enum store_status client_staff_unreachable_withdraw(struct client *cl, int64_t id)
{
	wire_put_int(client_request(cl, OP_STAFF_UNREACHABLE_WITHDRAW), F_ID, id);
	return client_call_simple(cl);
}

enum store_status client_staff_unreachable_list(struct client *cl, const char *building,
						const char *from, const char *to,
						struct staff_unreachable **out, size_t *n)
{
	struct wire_out *q = client_request(cl, OP_STAFF_UNREACHABLE_LIST);
	wire_put_text(q, F_STAFF_BUILDING, building);
	wire_put_text(q, F_FROM, from);
	wire_put_text(q, F_TO, to);
	enum store_status r;
	*out = client_call_list(cl, records_staff_unreachable, records_staff_unreachable_n,
				sizeof **out, NULL, n, &r);
	return r;
}
