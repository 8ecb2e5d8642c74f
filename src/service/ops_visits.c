/* ops_visits — the home-visit back-up board (achterwacht) through the service: who goes
 * out, where, until when; the return with its outcome; the board. Anyone at the desk keeps
 * the board (it protects colleagues in the field); the store records who did what. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>

#include "clock.h"
#include "i18n.h"
#include "service/internal.h"
#include "service/records.h"
#include "store/lib.h"

static enum store_status text_into(struct svc_call *c, uint16_t tag, const char *what, char *dst,
				   size_t dstsz)
{
	const char *s = NULL;
	enum store_status r = svc_text(c, tag, what, dstsz - 1, true, &s);
	if (r == STORE_OK)
		snprintf(dst, dstsz, "%s", s);
	return r;
}

/* Issue 13: the client against the ban list. A MATCH is recorded with the visit, and then
 * two go together; the best hit goes back with the reply, to be shown. */
static enum store_status client_rule(struct svc_call *c, struct visit *v)
{
	char today[DATES_DATE_LEN];
	dates_local_date(clock_now(), today);
	struct svc_visitor_ban b;
	enum store_status r = svc_visitor_ban(c, v->client, "", today, &b);
	if (r != STORE_OK)
		return r;
	if (b.verdict == NAMES_MATCH) {
		v->ban_id = b.ban_id;
		if (!v->companion[0])
			return svc_fail(c, STORE_INVALID,
					_("the client is on the ban list (ban %lld, %s until %s): "
					  "two go together; name the colleague who goes along"),
					(long long)b.ban_id, policy_kind_label(b.kind), b.ends);
	}
	wire_put_int(c->reply, F_VISIT_BAN_VERDICT, b.verdict);
	wire_put_int(c->reply, F_VISIT_BAN_ID, b.ban_id);
	return STORE_OK;
}

static enum store_status out(struct svc_call *c)
{
	struct visit v = {0};
	int64_t back = 0, call = 0, risk = 0;
	const char *companion = NULL;
	enum store_status r;
	if ((r = text_into(c, F_VISIT_EMPLOYEE, _("name"), v.employee, sizeof v.employee)) !=
		    STORE_OK ||
	    (r = text_into(c, F_VISIT_ADDRESS, _("address"), v.address, sizeof v.address)) !=
		    STORE_OK ||
	    (r = text_into(c, F_VISIT_CLIENT, _("client"), v.client, sizeof v.client)) !=
		    STORE_OK ||
	    (r = text_into(c, F_VISIT_MOBILE, _("mobile"), v.mobile, sizeof v.mobile)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_VISIT_BACK, _("expected return"), SVC_TIME_MIN, SVC_TIME_MAX, true,
			 &back)) != STORE_OK ||
	    (r = svc_int(c, F_VISIT_CALL_AT, _("call time"), 0, SVC_TIME_MAX, false, &call)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_VISIT_RISK, _("risk"), VISIT_RISK_NORMAL, VISIT_RISK_RAISED, true,
			 &risk)) != STORE_OK ||
	    (r = svc_text(c, F_VISIT_COMPANION, _("colleague"), sizeof v.companion - 1, false,
			  &companion)) != STORE_OK)
		return r;
	/* 0 is "no call asked"; anything else must be a real instant. */
	if (call != 0 && call < SVC_TIME_MIN)
		return svc_fail(c, STORE_INVALID, _("%s: out of range"), _("call time"));
	v.expected_back = (time_t)back;
	v.call_at = (time_t)call;
	v.risk = (enum visit_risk)risk;
	snprintf(v.companion, sizeof v.companion, "%s", companion ? companion : "");
	if ((r = client_rule(c, &v)) != STORE_OK)
		return r;
	/* The store checks the times against its clock: the return and the call in the
	 * future, the call not after the return. */
	int64_t id = 0;
	r = store_visit_out(c->st, &v, &id);
	return svc_reply_int(c, r, F_ID, id);
}

static enum store_status back(struct svc_call *c)
{
	const char *outcome = NULL;
	enum store_status r = svc_text(c, F_VISIT_OUTCOME, _("outcome"), VISIT_OUTCOME_MAX - 1,
				       false, &outcome);
	if (r != STORE_OK)
		return r;
	return svc_stored(c, store_visit_back(c->st, c->id, outcome ? outcome : ""));
}

static enum store_status list(struct svc_call *c)
{
	bool all = false;
	enum store_status r = svc_bool(c, F_VISIT_ALL, _("all"), &all);
	if (r != STORE_OK)
		return r;
	struct visit *v = NULL;
	size_t n = 0;
	r = store_visit_list(c->st, all, &v, &n);
	/* Clients' names and addresses: a look at them is accountable. */
	svc_audit_count(c, "visits", n, all ? "all" : "out");
	return svc_reply_list(c, r, records_visit, records_visit_n, v, sizeof *v, n);
}

const struct svc_op_def svc_ops_visits[] = {
	{OP_VISIT_OUT, "visit.out", PERM_CHECK_VISITOR, SVC_AUDIT_STORE, CHANGE_VISITS, NULL, out},
	{OP_VISIT_BACK, "visit.back", PERM_CHECK_VISITOR, SVC_AUDIT_STORE, CHANGE_VISITS,
	 N_("visit id"), back},
	{OP_VISIT_LIST, "visit.list", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL, list},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
