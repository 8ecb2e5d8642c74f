/* client/appts — the appointments' requests. */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>

#include "client/appts.h"
#include "i18n.h"
#include "service/lib.h"

/* The verdict of the public-hours rule from a reply, when asked for. */
static enum store_status take_hours(struct client *cl, const struct wire_in *a,
				    enum appts_hours *hours)
{
	int64_t v = 0;
	if (wire_get_int(a, 0, F_APPT_HOURS, &v) != 0 || v < APPTS_HOURS_NOT_RISKY ||
	    v > APPTS_HOURS_REFUSED)
		return client_fail(cl, STORE_UNAVAILABLE, _("the service's reply does not decode"));
	if (hours)
		*hours = (enum appts_hours)v;
	return STORE_OK;
}

enum store_status client_take_ban_mark(struct client *cl, const struct wire_in *a,
				       uint16_t verdict_tag, uint16_t id_tag,
				       uint16_t exception_tag, struct appts_ban_mark *mark)
{
	int64_t v = NAMES_CLEAR, id = 0;
	bool exception = false;
	if ((wire_get_int(a, 0, verdict_tag, &v) == 0 && (v < NAMES_CLEAR || v > NAMES_MATCH)) ||
	    (wire_get_int(a, 0, id_tag, &id) == 0 && id < 0))
		return client_fail(cl, STORE_UNAVAILABLE, _("the service's reply does not decode"));
	if (exception_tag)
		(void)wire_get_bool(a, 0, exception_tag, &exception);
	if (mark)
		*mark = (struct appts_ban_mark){(enum names_verdict)v, id, exception};
	return STORE_OK;
}

enum store_status client_appt_add_ruled(struct client *cl, const struct appt *a,
					int64_t *id_out, enum appts_hours *hours,
					struct appts_ban_mark *mark)
{
	struct wire_out *q = client_request(cl, OP_APPT_ADD);
	wire_put_int(q, F_APPT_STARTS, (int64_t)a->starts);
	wire_put_int(q, F_APPT_ENDS, (int64_t)a->ends);
	wire_put_text(q, F_APPT_HOST, a->host);
	wire_put_text(q, F_APPT_VISITOR, a->visitor);
	wire_put_text(q, F_APPT_BORN, a->visitor_born);
	wire_put_text(q, F_APPT_ROOM, a->room);
	wire_put_bool(q, F_APPT_RISKY, a->risky);
	wire_put_int(q, F_APPT_PRECAUTIONS, a->precautions);
	if (a->override_reason[0])
		wire_put_text(q, F_APPT_REASON, a->override_reason);
	if (a->note[0])
		wire_put_text(q, F_APPT_NOTE, a->note);
	struct wire_in r;
	enum store_status s = client_call(cl, &r);
	if (s != STORE_OK)
		return s;
	int64_t id = 0;
	if (wire_get_int(&r, 0, F_ID, &id) != 0)
		s = client_fail(cl, STORE_UNAVAILABLE, _("the service's reply lacks the id"));
	else if ((s = take_hours(cl, &r, hours)) == STORE_OK)
		s = client_take_ban_mark(cl, &r, F_APPT_BAN_VERDICT, F_APPT_BAN_ID,
					 F_APPT_BAN_EXCEPTION, mark);
	if (s == STORE_OK && id_out)
		*id_out = id;
	wire_in_free(&r);
	return s;
}

enum store_status client_appt_flag_ruled(struct client *cl, int64_t id, bool risky,
					 unsigned precautions, const char *reason,
					 int expected_version, enum appts_hours *hours)
{
	struct wire_out *q = client_request(cl, OP_APPT_FLAG);
	wire_put_int(q, F_ID, id);
	wire_put_bool(q, F_APPT_RISKY, risky);
	wire_put_int(q, F_APPT_PRECAUTIONS, precautions);
	wire_put_int(q, F_VERSION, expected_version);
	if (reason)
		wire_put_text(q, F_APPT_REASON, reason);
	struct wire_in r;
	enum store_status s = client_call(cl, &r);
	if (s != STORE_OK)
		return s;
	s = take_hours(cl, &r, hours);
	wire_in_free(&r);
	return s;
}

enum store_status client_appt_flag(struct client *cl, int64_t id, bool risky, unsigned precautions,
				   int expected_version)
{
	return client_appt_flag_ruled(cl, id, risky, precautions, NULL, expected_version, NULL);
}

enum store_status client_appt_flag_override(struct client *cl, int64_t id, unsigned precautions,
					    const char *reason, int expected_version)
{
	/* As the store: an override without a reason is no override. */
	if (!reason || !*reason)
		return client_fail(cl, STORE_INVALID, _("%s: must not be empty"), "override_reason");
	return client_appt_flag_ruled(cl, id, true, precautions, reason, expected_version, NULL);
}

enum store_status client_appt_get(struct client *cl, int64_t id, struct appt *out)
{
	wire_put_int(client_request(cl, OP_APPT_GET), F_ID, id);
	return client_call_one(cl, records_appt, records_appt_n, out, sizeof *out, NULL);
}

enum store_status client_appt_list_checked(struct client *cl, time_t from, time_t to,
					   bool risky_only, struct appt **out,
					   struct appts_ban_mark **marks, size_t *n)
{
	*out = NULL;
	*marks = NULL;
	*n = 0;
	struct wire_out *q = client_request(cl, OP_APPT_LIST);
	wire_put_int(q, F_FROM, (int64_t)from);
	wire_put_int(q, F_TO, (int64_t)to);
	wire_put_bool(q, F_APPT_RISKY_ONLY, risky_only);
	wire_put_bool(q, F_APPT_CHECK_BANS, true);
	struct wire_in r;
	enum store_status s = client_call(cl, &r);
	if (s != STORE_OK)
		return s;
	struct appt *items = client_get_list(cl, &r, records_appt, records_appt_n, sizeof **out,
					     NULL, n, &s);
	struct appts_ban_mark *m = NULL;
	size_t nm = 0;
	if (s == STORE_OK)
		m = client_get_list(cl, &r, records_appt_mark, records_appt_mark_n, sizeof **marks,
				    NULL, &nm, &s);
	/* Every record carries its mark: a list without them is no checked list. */
	for (size_t i = 0; s == STORE_OK && i < nm; i++)
		if (!wire_find(&r, (uint32_t)i + 1, records_appt_mark[0].tag))
			s = client_fail(cl, STORE_UNAVAILABLE,
					_("the service's reply does not decode"));
	if (s != STORE_OK) {
		free(items);
		free(m);
		*n = 0;
	} else {
		*out = items;
		*marks = m;
	}
	wire_in_free(&r);
	return s;
}
