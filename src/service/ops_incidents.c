/* ops_incidents — incidents through the service (issue 13): anyone with a role registers one
 * or a tally mark; managers and HR read, complete and follow them up and see the report.
 * The place is checked against the service's own configuration, the deadlines follow its
 * rules and sanction table. Every look at an incident is audited like a ban view. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "service/internal.h"
#include "service/ops_bans.h"
#include "service/records.h"
#include "store/lib.h"

/* The follow-up policy of the service's configuration and sanction table. */
static enum store_status policy_of(struct svc_call *c, struct sanction_table *t,
				   struct incidents_policy *p)
{
	enum store_status r = svc_ban_table(c, t);
	if (r != STORE_OK)
		return r;
	*p = (struct incidents_policy){&c->cfg->incidents.rules, c->cfg->incidents.sanction, t};
	return STORE_OK;
}

/* The place must be one the configuration knows: a building, room, alarm point or one of
 * the incident places (the report counts per place). */
static enum store_status place_rule(struct svc_call *c, const char *place)
{
	if (config_place_known(c->cfg, place))
		return STORE_OK;
	char list[512];
	config_places_list(c->cfg, list, sizeof list);
	return svc_fail(c, STORE_INVALID, _("place: \"%s\" is not a known place (%s)"), place,
			list);
}

/* The alarm an incident names must exist. */
static enum store_status alarm_rule(struct svc_call *c, int64_t alarm_id)
{
	if (alarm_id == 0)
		return STORE_OK;
	struct alarm a;
	enum store_status r = store_alarm_get(c->st, alarm_id, &a);
	if (r == STORE_NOT_FOUND)
		return svc_fail(c, STORE_INVALID, _("alarm: there is no alarm %lld"),
				(long long)alarm_id);
	return svc_stored(c, r);
}

/* The incident of record 1 of the request, its place and alarm checked (add, update). */
static enum store_status decode(struct svc_call *c, struct incident *in)
{
	memset(in, 0, sizeof *in);
	if (c->req->nrecs < 2)
		return svc_fail(c, STORE_INVALID, "%s", _("the incident is missing"));
	enum store_status r;
	if ((r = svc_struct(c, 1, records_incident, records_incident_n, in)) != STORE_OK ||
	    (r = place_rule(c, in->place)) != STORE_OK)
		return r;
	return alarm_rule(c, in->alarm_id);
}

/* The audit line of a look at the incident the request names. */
static void audit_incident(struct svc_call *c, const char *result)
{
	svc_audit_record(c, "incident", c->id, result, "");
}

static enum store_status add(struct svc_call *c)
{
	struct incident in;
	enum store_status r = decode(c, &in);
	if (r != STORE_OK)
		return r;
	int64_t id = 0;
	r = store_incident_add(c->st, &in, &id);
	return svc_reply_int(c, r, F_ID, id);
}

static enum store_status get(struct svc_call *c)
{
	struct incident in;
	enum store_status r = store_incident_get(c->st, c->id, &in);
	if ((r = svc_reply_record(c, r, records_incident, records_incident_n, &in)) == STORE_OK)
		audit_incident(c, "ok");
	return r;
}

static enum store_status update(struct svc_call *c)
{
	struct incident in;
	enum store_status r = decode(c, &in);
	if (r != STORE_OK)
		return r;
	if (in.id <= 0)
		return svc_fail(c, STORE_INVALID, "%s", _("incident id: out of range"));
	return svc_stored(c, store_incident_update(c->st, &in));
}

static enum store_status complete(struct svc_call *c)
{
	int64_t version = -1;
	enum store_status r = svc_int(c, F_VERSION, _("version"), -1, INT32_MAX, false, &version);
	if (r != STORE_OK)
		return r;
	return svc_stored(c, store_incident_complete(c->st, c->id, (int)version));
}

static enum store_status list(struct svc_call *c)
{
	int64_t from = 0, to = 0;
	enum store_status r;
	if ((r = svc_int(c, F_FROM, _("from"), 0, SVC_TIME_MAX, false, &from)) != STORE_OK ||
	    (r = svc_int(c, F_TO, _("until"), 0, SVC_TIME_MAX, false, &to)) != STORE_OK)
		return r;
	struct incident *v = NULL;
	size_t n = 0;
	r = store_incident_list(c->st, (time_t)from, (time_t)to, &v, &n);
	svc_audit_count(c, "incidents", n, "");
	return svc_reply_list(c, r, records_incident, records_incident_n, v, sizeof *v, n);
}

static enum store_status tally(struct svc_call *c)
{
	int64_t at = 0, cat = 0, ch = 0, id = 0;
	const char *place = NULL;
	enum store_status r;
	if ((r = svc_int(c, F_INC_AT, _("time"), SVC_TIME_MIN, SVC_TIME_MAX, true, &at)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_INC_CATEGORY, _("category"), 0, INCIDENT_CATEGORY_COUNT - 1, true,
			 &cat)) != STORE_OK ||
	    (r = svc_int(c, F_INC_CHANNEL, _("channel"), 0, INCIDENT_CHANNEL_COUNT - 1, true,
			 &ch)) != STORE_OK ||
	    (r = svc_text(c, F_INC_PLACE, _("place"), INCIDENT_NAME_MAX - 1, false, &place)) !=
		    STORE_OK)
		return r;
	if (place && *place && (r = place_rule(c, place)) != STORE_OK)
		return r;
	r = store_incident_tally(c->st, (time_t)at, (enum incident_category)cat,
				 (enum incident_channel)ch, place ? place : "", &id);
	return svc_reply_int(c, r, F_ID, id);
}

static enum store_status followups(struct svc_call *c)
{
	struct sanction_table t;
	struct incidents_policy p;
	struct incident in;
	enum store_status r;
	if ((r = policy_of(c, &t, &p)) != STORE_OK)
		return r;
	if ((r = store_incident_get(c->st, c->id, &in)) != STORE_OK)
		return svc_store_failed(c, r);
	struct incident_followup f[INCIDENTS_MAX_ITEMS];
	size_t n = 0;
	if ((r = store_incident_followups(c->st, &in, &p, clock_now(), f, &n)) != STORE_OK)
		return svc_store_failed(c, r);
	svc_put_records(c, records_incident_followup, records_incident_followup_n,
			f, sizeof *f, n);
	audit_incident(c, "ok");
	return STORE_OK;
}

static enum store_status done(struct svc_call *c)
{
	int64_t at = 0;
	const char *key = NULL, *note = NULL;
	enum store_status r;
	if ((r = svc_text(c, F_INC_KEY, _("step"), INCIDENTS_KEY_LEN - 1, true, &key)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_INC_AT, _("time"), SVC_TIME_MIN, SVC_TIME_MAX, true, &at)) !=
		    STORE_OK ||
	    (r = svc_lines(c, F_INC_NOTE, _("note"), INCIDENT_NOTE_MAX, false, &note)) != STORE_OK)
		return r;
	struct sanction_table t;
	struct incidents_policy p;
	if ((r = policy_of(c, &t, &p)) != STORE_OK)
		return r;
	r = store_incident_done(c->st, c->id, &p, key, (time_t)at, note ? note : "");
	return svc_stored(c, r);
}

static enum store_status due(struct svc_call *c)
{
	bool all = false;
	enum store_status r = svc_bool(c, F_INC_ALL, _("all"), &all);
	if (r != STORE_OK)
		return r;
	struct sanction_table t;
	struct incidents_policy p;
	if ((r = policy_of(c, &t, &p)) != STORE_OK)
		return r;
	struct incident_due_row *rows = NULL;
	size_t n = 0;
	r = store_incident_due(c->st, &p, clock_now(), all, &rows, &n);
	svc_audit_count(c, "incidents", n, all ? "due --all" : "due");
	return svc_reply_list(c, r, records_incident_due_row, records_incident_due_row_n,
			      rows, sizeof *rows, n);
}

static enum store_status earlier(struct svc_call *c)
{
	struct incidents_earlier e;
	enum store_status r = store_incident_earlier(c->st, c->id, &e);
	if ((r = svc_reply_record(c, r, records_incidents_earlier, records_incidents_earlier_n,
				  &e)) == STORE_OK)
		audit_incident(c, "earlier");
	return r;
}

static enum store_status report(struct svc_call *c)
{
	int64_t from = 0, to = 0;
	enum store_status r;
	if ((r = svc_int(c, F_FROM, _("from"), SVC_TIME_MIN, SVC_TIME_MAX, true, &from)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_TO, _("until"), SVC_TIME_MIN, SVC_TIME_MAX, true, &to)) != STORE_OK)
		return r;
	if (to <= from)
		return svc_fail(c, STORE_INVALID, _("%s: not after the start"), _("until"));
	struct incidents_record *rec = NULL;
	struct incidents_tally *tal = NULL;
	size_t nrec = 0, ntal = 0;
	r = store_incident_report(c->st, (time_t)from, (time_t)to, &rec, &nrec, &tal, &ntal);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	svc_put_records(c, records_incidents_record, records_incidents_record_n,
			rec, sizeof *rec, nrec);
	svc_put_records(c, records_incidents_tally, records_incidents_tally_n,
			tal, sizeof *tal, ntal);
	free(rec);
	free(tal);
	/* What was read: the days of the instants asked for (both periods of the report). */
	char count[32], first[DATES_DATE_LEN], last[DATES_DATE_LEN], detail[32];
	dates_local_date((time_t)from, first);
	dates_local_date((time_t)to - 1, last);
	snprintf(count, sizeof count, "%zu", nrec);
	snprintf(detail, sizeof detail, "%s..%s", first, last);
	svc_audit_set(c, "incidents", count, detail);
	return STORE_OK;
}

const struct svc_op_def svc_ops_incidents[] = {
	{OP_INCIDENT_ADD, "incident.add", PERM_REPORT_INCIDENT, SVC_AUDIT_STORE, CHANGE_INCIDENTS,
	 NULL, add},
	{OP_INCIDENT_GET, "incident.show", PERM_INCIDENTS, SVC_AUDIT_VIEW, 0, N_("incident id"),
	 get},
	{OP_INCIDENT_UPDATE, "incident.update", PERM_INCIDENTS, SVC_AUDIT_STORE, CHANGE_INCIDENTS,
	 NULL, update},
	{OP_INCIDENT_COMPLETE, "incident.complete", PERM_INCIDENTS, SVC_AUDIT_STORE,
	 CHANGE_INCIDENTS, N_("incident id"), complete},
	{OP_INCIDENT_LIST, "incident.list", PERM_INCIDENTS, SVC_AUDIT_VIEW, 0, NULL, list},
	{OP_INCIDENT_TALLY, "incident.tally", PERM_REPORT_INCIDENT, SVC_AUDIT_STORE,
	 CHANGE_INCIDENTS, NULL, tally},
	{OP_INCIDENT_FOLLOWUPS, "incident.show", PERM_INCIDENTS, SVC_AUDIT_VIEW, 0,
	 N_("incident id"), followups},
	{OP_INCIDENT_DONE, "incident.done", PERM_INCIDENTS, SVC_AUDIT_STORE, CHANGE_INCIDENTS,
	 N_("incident id"), done},
	{OP_INCIDENT_DUE, "incident.due", PERM_INCIDENTS, SVC_AUDIT_VIEW, 0, NULL, due},
	{OP_INCIDENT_EARLIER, "incident.earlier", PERM_INCIDENTS, SVC_AUDIT_VIEW, 0,
	 N_("incident id"), earlier},
	{OP_INCIDENT_REPORT, "report", PERM_INCIDENTS, SVC_AUDIT_VIEW, 0, NULL, report},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
