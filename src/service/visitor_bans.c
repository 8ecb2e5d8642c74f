/* visitor_bans — one name against the bans in force for the service (issue 13): an
 * appointment's visitor, a home visit's client. Found by the visitor check itself
 * (store_ban_check); the policy decides what a hit means here (policy_appt_ban). */
#include "autoconfig.h"

#include <stdio.h>

#include "core/lib.h"
#include "i18n.h"
#include "service/internal.h"
#include "store/lib.h"

/* The verdict on one hit: where its ban applies, and whether an exception holds on date. */
static enum store_status judge(struct svc_call *c, const struct ban_hit *h, const char *date,
			       struct svc_visitor_ban *out)
{
	struct ban_exception e;
	enum store_status r = store_ban_exception_on(c->st, h->ban.id, date, &e);
	if (r != STORE_OK && r != STORE_NOT_FOUND)
		return svc_store_failed(c, r);
	const struct config_building *here = config_building_here(c->cfg);
	bool match = h->verdict == NAMES_MATCH;
	*out = (struct svc_visitor_ban){
		.verdict = h->verdict,
		.ban_id = h->ban.id,
		.kind = h->ban.kind,
		.exception = r == STORE_OK,
		.policy = policy_appt_ban(match, !match,
					  policy_ban_applies_here(h->ban.kind, h->ban.scope,
								  here ? here->id : ""),
					  r == STORE_OK),
	};
	snprintf(out->ends, sizeof out->ends, "%s", h->ban.ends);
	return STORE_OK;
}

enum store_status svc_visitor_ban(struct svc_call *c, const char *name, const char *born,
				  const char *date, struct svc_visitor_ban *out)
{
	*out = (struct svc_visitor_ban){.verdict = NAMES_CLEAR, .policy = POLICY_APPT_OK};
	if (!name || !name[0])
		return STORE_OK;
	struct ban_hit hits[4];
	size_t nh = 0;
	enum store_status r = store_ban_check(c->st, name, born ? born : "", date, hits, 4, &nh);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	/* Hits come best first: a refusal wins, else the first hit is the one told. */
	for (size_t i = 0; r == STORE_OK && i < nh; i++) {
		struct svc_visitor_ban one;
		if ((r = judge(c, &hits[i], date, &one)) != STORE_OK)
			break;
		if (one.policy > out->policy || (i == 0 && out->verdict == NAMES_CLEAR))
			*out = one;
		if (out->policy == POLICY_APPT_REFUSE)
			break;
	}
	store_ban_hits_clear(hits, nh);
	return r;
}
