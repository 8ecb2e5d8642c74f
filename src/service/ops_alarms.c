/* ops_alarms — the porters' alarm queue through the service. Raising is never refused:
 * the alarm hardware account and every operator, with or without a role, may raise. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "service/internal.h"
#include "service/jobs.h"
#include "service/records.h"
#include "store/lib.h"
#include "clock.h"

static enum store_status raise(struct svc_call *c)
{
	const char *loc = NULL;
	int64_t kind = ALARM_PANIC, id = 0;
	enum store_status r;
	if ((r = svc_text(c, F_LOCATION, _("location"), ALARM_TEXT_MAX - 1, true, &loc)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_KIND, _("kind"), 0, ALARM_KIND_COUNT - 1, false, &kind)) != STORE_OK)
		return r;
	if (!c->st) {
		/* No database at all: the journal beside it takes the alarm (issue 15). */
		char uid[ALARM_UID_LEN], err[1024];
		if (store_journal_raise(svc_path(c->svc), c->sess->user, c->sess->terminal, loc,
					(enum alarm_kind)kind, clock_now(), uid, err,
					sizeof err) != STORE_OK)
			return svc_fail(c, STORE_ERROR, "%s", err);
		wire_put_int(c->reply, F_ID, 0);
		wire_put_text(c->reply, F_JOURNAL, uid);
		wire_put_text(c->reply, F_HEALTH, svc_degraded(c->svc));
		return STORE_OK;
	}
	r = store_alarm_raise(c->st, loc, (enum alarm_kind)kind, &id);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	wire_put_int(c->reply, F_ID, id);
	/* The database could not take it; the journal did: say which record and why. */
	if (*store_alarm_journaled(c->st)) {
		char job[512];
		wire_put_text(c->reply, F_JOURNAL, store_alarm_journaled(c->st));
		wire_put_text(c->reply, F_HEALTH, svc_job_writing(c->svc, job, sizeof job)
							  ? job : store_error(c->st));
	}
	return STORE_OK;
}

static enum store_status ack(struct svc_call *c)
{
	return svc_stored(c, store_alarm_ack(c->st, c->id));
}

static enum store_status close_alarm(struct svc_call *c)
{
	int64_t outcome;
	enum store_status r = svc_int(c, F_OUTCOME, _("outcome"), ALARM_RESOLVED, ALARM_FALSE,
				      true, &outcome);
	if (r != STORE_OK)
		return r;
	return svc_stored(c, store_alarm_close(c->st, c->id, (enum alarm_outcome)outcome));
}

/* The alarm the request names, after act (may be NULL) was done to it. */
static enum store_status reply_alarm(struct svc_call *c,
				     enum store_status (*act)(struct store *st, int64_t id))
{
	struct alarm a;
	enum store_status r = act ? act(c->st, c->id) : STORE_OK;
	if (r == STORE_OK)
		r = store_alarm_get(c->st, c->id, &a);
	return svc_reply_record(c, r, records_alarm, records_alarm_n, &a);
}

/* Issue 13: the false alarm was cancelled at the alarm centre (now, by the caller); the
 * alarm goes back so the caller can tell whether that was within the 5 minutes. */
static enum store_status cancelled(struct svc_call *c)
{
	return reply_alarm(c, store_alarm_cancelled);
}

static enum store_status get(struct svc_call *c)
{
	return reply_alarm(c, NULL);
}

static enum store_status resolve_all(struct svc_call *c)
{
	int count = 0;
	enum store_status r = store_alarm_resolve_all(c->st, &count);
	return svc_reply_int(c, r, F_COUNT, count);
}

static enum store_status list(struct svc_call *c)
{
	bool open_only = false;
	int64_t limit = 0;
	enum store_status r;
	if ((r = svc_bool(c, F_OPEN_ONLY, _("open only"), &open_only)) != STORE_OK ||
	    (r = svc_int(c, F_LIMIT, _("limit"), 0, 100000, false, &limit)) != STORE_OK)
		return r;
	struct alarm *a = NULL;
	size_t n = 0;
	if (!c->st) {
		char err[1024];
		if (store_journal_alarms(svc_path(c->svc), &a, &n, err, sizeof err) != STORE_OK)
			return svc_fail(c, STORE_ERROR, "%s", err);
		wire_put_text(c->reply, F_HEALTH, svc_degraded(c->svc));
		svc_put_records(c, records_alarm, records_alarm_n, a, sizeof *a, n);
		free(a);
		return STORE_OK;
	}
	r = store_alarm_list(c->st, open_only, (size_t)limit, &a, &n);
	/* A damaged database's list is not the whole truth: the reader is told. */
	if (r == STORE_OK && store_damaged(c->st) && store_writable_check(c->st) != STORE_OK)
		wire_put_text(c->reply, F_HEALTH, store_error(c->st));
	return svc_reply_list(c, r, records_alarm, records_alarm_n, a, sizeof *a, n);
}

const struct svc_op_def svc_ops_alarms[] = {
	{OP_ALARM_RAISE, "alarm.raise", SVC_ANYONE, SVC_AUDIT_STORE, CHANGE_ALARMS, NULL, raise},
	{OP_ALARM_ACK, "alarm.ack", PERM_HANDLE_ALARM, SVC_AUDIT_STORE, CHANGE_ALARMS,
	 N_("alarm id"), ack},
	{OP_ALARM_CLOSE, "alarm.close", PERM_HANDLE_ALARM, SVC_AUDIT_STORE, CHANGE_ALARMS,
	 N_("alarm id"), close_alarm},
	{OP_ALARM_RESOLVE_ALL, "alarm.resolve_all", PERM_HANDLE_ALARM, SVC_AUDIT_STORE,
	 CHANGE_ALARMS, NULL, resolve_all},
	{OP_ALARM_LIST, "alarm.list", PERM_RAISE_ALARM, SVC_AUDIT_NONE, 0, NULL, list},
	{OP_ALARM_CANCELLED, "alarm.cancelled", PERM_HANDLE_ALARM, SVC_AUDIT_STORE, CHANGE_ALARMS,
	 N_("alarm id"), cancelled},
	{OP_ALARM_GET, "alarm.get", PERM_RAISE_ALARM, SVC_AUDIT_NONE, 0, N_("alarm id"), get},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
