/* ops_bans_edit — imposing and changing bans through the service: insert, update, lift,
 * extend, activate. The policy is enforced here on the parsed request, with the service's
 * own configuration, date and sanction table: the field rules (core/bancheck), kind and
 * duration within the table unless justified, the offence counted by the service; the
 * store keeps a ban without every mandatory answer a draft. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "service/ops_bans.h"
#include "service/records.h"
#include "store/lib.h"

/* The texts of a new ban, NULL made "" so the store never binds a NULL. */
static const char **text_member(struct ban_new *b, enum banf f)
{
	switch (f) {
	case BANF_GIVEN: return &b->given_names;
	case BANF_PREFIX: return &b->prefix;
	case BANF_SURNAME: return &b->surname;
	case BANF_BORN: return &b->born;
	case BANF_STARTS: return &b->starts;
	case BANF_ENDS: return &b->ends;
	case BANF_PARTNER_PREFIX: return &b->partner_prefix;
	case BANF_PARTNER_SURNAME: return &b->partner_surname;
	case BANF_SCOPE: return &b->scope;
	case BANF_IMPOSED_BY: return &b->imposed_by;
	case BANF_LETTER_SENT: return &b->letter_sent;
	case BANF_NOTES: return &b->notes;
	case BANF_LIFTED_AT: return &b->lifted_at;
	case BANF_LIFTED_BY: return &b->lifted_by;
	case BANF_LIFTED_REASON: return &b->lifted_reason;
	case BANF_ENFORCEMENT: return &b->enforcement;
	case BANF_JUSTIFICATION: return &b->justification;
	case BANF_REASONS: return &b->reasons;
	case BANF_ADDRESS: return &b->address;
	case BANF_EVENT_DATE: return &b->event_date;
	case BANF_TAKEOVER: return &b->takeover_source;
	case BANF_KIND:
	case BANF_REASON:
	case BANF_POLICE:
	case BANF_STATUS:
	case BANF_COUNT:
		break;
	}
	return NULL;
}

enum store_status svc_ban_check(struct svc_call *c, struct ban_new *b, struct svc_ban_norm *n,
				bool import, const struct sanction_table *t, const char *prefix)
{
	const char *v[BANF_COUNT] = {0};
	char why[512];
	for (int f = 0; f < BANF_COUNT; f++) {
		const char **m = text_member(b, (enum banf)f);
		if (!m)
			continue;
		if (!*m)
			*m = "";
		v[f] = *m;
		if (bancheck_text((enum banf)f, *m, why, sizeof why) != 0)
			return svc_fail(c, STORE_INVALID, "%s%s: %s", prefix,
					bancheck_name((enum banf)f), why);
	}
	if (!import && *b->takeover_source)
		return svc_fail(c, STORE_INVALID, _("%s%s: only an import takes bans over"), prefix,
				bancheck_name(BANF_TAKEOVER));
	if (!import && (*b->lifted_at || *b->lifted_by || *b->lifted_reason))
		return svc_fail(c, STORE_INVALID, _("%s%s: only an import brings a lifted ban; "
						    "lift a ban with its own request"), prefix,
				bancheck_name(BANF_LIFTED_AT));
	char today[DATES_DATE_LEN];
	svc_ban_today(today);
	enum banf bad;
	if (bancheck_dates(v, today, &bad, why, sizeof why) != 0)
		return svc_fail(c, STORE_INVALID, "%s%s: %s", prefix, bancheck_name(bad), why);

	/* Every building of a scope is one the service knows, so a ban never applies
	 * nowhere. */
	size_t nb = c->cfg ? c->cfg->nbuildings : 0;
	const char **ids = calloc(nb ? nb : 1, sizeof *ids);
	if (!ids)
		return svc_fail(c, STORE_ERROR, "%s", _("out of memory"));
	for (size_t i = 0; i < nb; i++)
		ids[i] = c->cfg->buildings[i].id;
	int bad_scope = bancheck_scope(b->scope, ids, nb, n->scope, sizeof n->scope, why,
				       sizeof why);
	free(ids);
	if (bad_scope != 0)
		return svc_fail(c, STORE_INVALID, "%s%s: %s", prefix, bancheck_name(BANF_SCOPE),
				why);
	b->scope = n->scope;

	/* A combination is stored under its most serious reason by the service's table. */
	if (*b->reasons) {
		struct sanction_table own;
		enum store_status r;
		if (!t && (r = svc_ban_table(c, &own)) != STORE_OK)
			return r;
		if (bancheck_reasons(t ? t : &own, b->reasons, &b->reason, n->reasons,
				     sizeof n->reasons, why, sizeof why) != 0)
			return svc_fail(c, STORE_INVALID, "%s%s: %s", prefix,
					bancheck_name(BANF_REASONS), why);
		b->reasons = n->reasons;
	}
	if (b->until_conversation && b->kind != BAN_SERVICE)
		return svc_fail(c, STORE_INVALID, _("%suntil_conversation: only a service stop "
						    "waits for an order conversation"), prefix);
	return STORE_OK;
}

/* "physical violence, repeat offence: allowed kinds building,phone; a building ban
 * starting 2027-03-01 may end from ... to ..." */
static void describe_rule(const struct sanction_table *t, enum ban_reason reason,
			  enum sanction_offence o, enum ban_kind kind, const char *starts,
			  char *out, size_t outsz)
{
	const struct sanction_rule *rule = sanctions_rule(t, reason, o);
	if (!rule) {
		snprintf(out, outsz, "%s", sanctions_check_message(SANCTION_NO_RULE));
		return;
	}
	char kinds[128], lo[DATES_DATE_LEN], hi[DATES_DATE_LEN];
	sanctions_kinds_text(rule->kinds, kinds, sizeof kinds);
	int n = snprintf(out, outsz, "%s, %s: %s %s", policy_reason_label(reason),
			 o == SANCTION_REPEAT ? _("repeat offence") : _("first offence"),
			 _("allowed kinds"), kinds);
	if (n < 0 || (size_t)n >= outsz)
		return;
	if (sanctions_bounds(t, rule, kind, starts, lo, hi) == 0)
		snprintf(out + n, outsz - (size_t)n, _("; a %s starting %s may end from %s to %s"),
			 policy_kind_label(kind), starts, lo, hi);
}

enum store_status svc_ban_fits(struct svc_call *c, const struct sanction_table *t,
			       enum ban_reason reason, enum sanction_offence o, enum ban_kind kind,
			       const char *starts, const char *ends, const char *justification)
{
	enum sanction_check chk = sanctions_check(t, reason, o, kind, starts, ends);
	if (chk == SANCTION_OK || (justification && *justification))
		return STORE_OK;
	char rule[512];
	describe_rule(t, reason, o, kind, starts, rule, sizeof rule);
	return svc_fail(c, STORE_INVALID, _("%s %s..%s: %s (%s); a justification is required to "
					    "go outside the table"), policy_kind_name(kind),
			starts, ends, sanctions_check_message(chk), rule);
}

/* The names of records_ban_new's tags (1...), for messages. */
static const char *const new_names[] = {
	"given_names", "prefix", "surname", "partner_prefix", "partner_surname", "born",
	"kind", "reason", "scope", "starts", "ends", "imposed_by", "letter_sent",
	"police_informed", "notes", "draft", "until_conversation", "repeat_offence",
	"enforcement", "justification", "reasons", "lifted_at", "lifted_by", "lifted_reason",
};

enum store_status svc_ban_decode(struct svc_call *c, uint32_t rec, struct ban_new *b,
				 const char *prefix)
{
	uint16_t bad = 0;
	memset(b, 0, sizeof *b);
	if (wire_get_struct(c->req, rec, records_ban_new, records_ban_new_n, b, &bad) == 0)
		return STORE_OK;
	const struct wire_field *f = wire_find(c->req, rec, bad);
	const char *why = _("of a wrong type or out of range");
	if (f && f->type == WIRE_TEXT) {
		enum text_problem p = text_check(f->text, 0, true);
		if (p != TEXT_OK)
			why = text_problem_message(p);
	}
	const char *name = bad >= 1 && bad <= sizeof new_names / sizeof *new_names
		? new_names[bad - 1] : "?";
	return svc_fail(c, STORE_INVALID, "%s%s: %s", prefix, name, why);
}

/* Record 1 of the request must be there (the ban). */
static enum store_status need_item(struct svc_call *c)
{
	if (c->req->nrecs < 2)
		return svc_fail(c, STORE_INVALID, "%s", _("the request holds no ban"));
	return STORE_OK;
}

static enum store_status insert(struct svc_call *c)
{
	struct ban_new b = {0};
	struct svc_ban_norm n;
	struct sanction_table t;
	enum store_status r;
	if ((r = need_item(c)) != STORE_OK ||
	    (r = svc_ban_decode(c, 1, &b, "")) != STORE_OK ||
	    (r = svc_ban_table(c, &t)) != STORE_OK ||
	    (r = svc_ban_check(c, &b, &n, false, &t, "")) != STORE_OK)
		return r;
	/* First offence or repeat is the service's count, not the client's word; a ban
	 * answering to an incident also counts the person's earlier incidents (issue 13). */
	size_t earlier = 0;
	struct incidents_earlier e = {0};
	if (b.incident_id > 0) {
		r = store_incident_earlier(c->st, b.incident_id, &e);
		if (r == STORE_NOT_FOUND)
			return svc_fail(c, STORE_INVALID, _("incident %lld: no such incident"),
					(long long)b.incident_id);
		earlier = e.bans + e.incidents + e.kept;
	} else if (b.incident_id < 0) {
		return svc_fail(c, STORE_INVALID, "%s", _("incident id: out of range"));
	} else {
		r = store_ban_earlier(c->st, b.given_names, b.prefix, b.surname, b.born, 0,
				      &earlier);
	}
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	enum sanction_offence o = sanctions_offence(earlier);
	b.repeat_offence = o == SANCTION_REPEAT;
	if ((r = svc_ban_fits(c, &t, b.reason, o, b.kind, b.starts, b.ends, b.justification)) !=
	    STORE_OK)
		return r;
	int64_t id = 0;
	r = store_ban_insert(c->st, &b, &id);
	return svc_reply_int(c, r, F_ID, id);
}

/* Check and write an update of b (decoded from the request). */
static enum store_status update_ban(struct svc_call *c, struct ban *b)
{
	struct ban_new v;
	store_ban_as_new(b, &v);
	struct svc_ban_norm n;
	enum store_status r = svc_ban_check(c, &v, &n, false, NULL, "");
	if (r != STORE_OK)
		return r;
	struct ban old = {0};
	if ((r = store_ban_get(c->st, b->id, &old)) != STORE_OK)
		return svc_ban_stored(c, r, b->id);
	/* The table is asked only when the sanction itself changes: correcting a letter date
	 * must not demand a justification for a ban decided under other rules. */
	if (v.kind != old.kind || v.reason != old.reason || strcmp(v.starts, old.starts) != 0 ||
	    strcmp(v.ends, old.ends) != 0) {
		struct sanction_table t;
		enum sanction_offence o = old.repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST;
		if ((r = svc_ban_table(c, &t)) == STORE_OK)
			r = svc_ban_fits(c, &t, v.reason, o, v.kind, v.starts, v.ends,
					 v.justification);
	}
	/* What was decided at the start stays: the offence the table was read for. */
	struct ban w = *b;
	w.scope = (char *)v.scope;
	w.reasons = (char *)v.reasons;
	w.reason = v.reason;
	w.repeat_offence = old.repeat_offence;
	store_ban_clear(&old);
	if (r == STORE_OK && (r = store_ban_update(c->st, &w)) != STORE_OK)
		r = svc_ban_stored(c, r, b->id);
	return r;
}

static enum store_status update(struct svc_call *c)
{
	/* A discreet view sent back would blank what it does not show: whoever edits must
	 * see everything. */
	enum store_status r;
	if ((r = svc_require(c, PERM_SEE_REASON)) != STORE_OK || (r = need_item(c)) != STORE_OK)
		return r;
	struct ban b = {0};
	r = svc_struct(c, 1, records_ban, records_ban_n, &b);
	if (r == STORE_OK && b.id <= 0)
		r = svc_fail(c, STORE_INVALID, _("%s: missing"), _("ban id"));
	if (r == STORE_OK)
		r = update_ban(c, &b);
	store_ban_clear(&b);
	return r;
}

static enum store_status version_field(struct svc_call *c, int64_t *v)
{
	*v = -1;
	return svc_int(c, F_VERSION, _("version"), -1, INT32_MAX, false, v);
}

static enum store_status lift(struct svc_call *c)
{
	int64_t version;
	const char *why = NULL;
	enum store_status r;
	if ((r = svc_text(c, F_TEXT, _("reason"), 2000, true, &why)) != STORE_OK ||
	    (r = version_field(c, &version)) != STORE_OK)
		return r;
	r = store_ban_lift(c->st, c->id, why, (int)version);
	return svc_ban_stored(c, r, c->id);
}

static enum store_status extend(struct svc_call *c)
{
	int64_t id = c->id, version;
	const char *ends = NULL, *why = NULL, *justification = "";
	enum store_status r;
	if ((r = svc_date(c, F_DATE, bancheck_name(BANF_ENDS), true, &ends)) != STORE_OK ||
	    (r = svc_text(c, F_TEXT, _("reason"), 2000, true, &why)) != STORE_OK ||
	    (r = svc_text(c, F_JUSTIFICATION, bancheck_name(BANF_JUSTIFICATION), 2000, false,
			  &justification)) != STORE_OK ||
	    (r = version_field(c, &version)) != STORE_OK)
		return r;
	struct ban b = {0};
	struct sanction_table t;
	if ((r = store_ban_get(c->st, id, &b)) != STORE_OK)
		r = svc_ban_stored(c, r, id);
	else if ((r = svc_ban_table(c, &t)) == STORE_OK)
		r = svc_ban_fits(c, &t, b.reason, b.repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST,
				 b.kind, b.starts, ends, justification);
	store_ban_clear(&b);
	if (r != STORE_OK)
		return r;
	r = store_ban_extend(c->st, id, ends, why, *justification ? justification : NULL,
			     (int)version);
	return svc_ban_stored(c, r, id);
}

static enum store_status activate(struct svc_call *c)
{
	int64_t version;
	enum store_status r = version_field(c, &version);
	if (r != STORE_OK)
		return r;
	r = store_ban_activate(c->st, c->id, (int)version);
	return svc_ban_stored(c, r, c->id);
}

const struct svc_op_def svc_ops_bans_edit[] = {
	{OP_BAN_INSERT, "ban.insert", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS, NULL, insert},
	{OP_BAN_UPDATE, "ban.update", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS, NULL, update},
	{OP_BAN_LIFT, "ban.lift", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS, N_("ban id"), lift},
	{OP_BAN_EXTEND, "ban.extend", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS, N_("ban id"),
	 extend},
	{OP_BAN_ACTIVATE, "ban.activate", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS,
	 N_("ban id"), activate},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
