/* ops_appts — appointments through the service: add, flag as risky, read one, and list a
 * day with its visitors checked against the bans in force. The public-hours rule for risky
 * appointments is enforced here, on the service's own configuration. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/lib.h"
#include "i18n.h"
#include "service/internal.h"
#include "service/records.h"
#include "store/lib.h"

/* The longest span one list may cover: a year and a day. */
#define LIST_MAX_SECONDS (367 * 24 * 60 * 60)

/* The verdict of the public-hours rule for the building the service stands for. */
static enum appts_hours hours_verdict(const struct svc_call *c, time_t starts, time_t ends,
				      bool risky, bool has_reason)
{
	const struct config_building *b = config_building_here(c->cfg);
	return appts_hours_verdict(b ? &b->hours : NULL, b ? &b->exceptions : NULL, starts, ends,
				   risky, has_reason);
}

/* Apply the verdict: refuse a risky appointment outside public hours without a reason, and
 * let only a manager give one. *record: the reason given now is to be kept. */
static enum store_status hours_rule(struct svc_call *c, enum appts_hours v, bool reason_given,
				    bool *record)
{
	*record = false;
	if (v == APPTS_HOURS_REFUSED)
		return svc_fail(c, STORE_INVALID,
				_("a risky appointment outside public opening hours is not "
				  "allowed; plan it within public hours, or a manager may allow "
				  "it with a reason"));
	if (v != APPTS_HOURS_OVERRIDDEN || !reason_given)
		return STORE_OK;
	/* Its own check, apart from the operation's: who may add or flag need not be who may
	 * allow the exception. */
	if (!roles_may(c->sess->role, PERM_FLAG_APPT))
		return svc_fail(c, STORE_DENIED,
				_("only a manager may allow a risky appointment outside public "
				  "opening hours (your role: %s)"), roles_label(c->sess->role));
	*record = true;
	return STORE_OK;
}

static enum store_status precautions_rule(struct svc_call *c, bool risky, int64_t prec)
{
	if (appts_precautions_check(risky, (unsigned)prec) == APPTS_PRECAUTIONS_NOT_RISKY)
		return svc_fail(c, STORE_INVALID, _("%s: only a risky appointment has precautions"),
				_("precautions"));
	return STORE_OK;
}

/* Issue 13: the precaution "safe room" names a safe room of the configuration. */
static enum store_status room_rule(struct svc_call *c, unsigned prec, const char *room)
{
	switch (policy_safe_room_check(prec, room, config_safe_room(c->cfg, room))) {
	case POLICY_ROOM_OK:
		return STORE_OK;
	case POLICY_ROOM_MISSING:
		return svc_fail(c, STORE_INVALID,
				_("the precaution safe_room needs the room of the appointment"));
	case POLICY_ROOM_NOT_SAFE:
		break;
	}
	return svc_fail(c, STORE_INVALID,
			_("\"%s\" is not a safe interview room (balie.conf, safe_rooms); choose "
			  "one, or leave out the precaution safe_room"), room);
}

/* Issue 13: a visitor with an entry ban here gets no appointment unless an exception is
 * recorded first; any other hit goes back with the reply, to be shown. */
static enum store_status visitor_rule(struct svc_call *c, const struct appt *a)
{
	char day[DATES_DATE_LEN];
	dates_local_date(a->starts, day);
	struct svc_visitor_ban b;
	enum store_status r = svc_visitor_ban(c, a->visitor, a->visitor_born, day, &b);
	if (r != STORE_OK)
		return r;
	if (b.policy == POLICY_APPT_REFUSE)
		return svc_fail(c, STORE_INVALID,
				_("the visitor is on the ban list (ban %lld, %s until %s): no "
				  "appointment unless an exception is recorded first: balie ban "
				  "exception add %lld --kind appointment --date %s --detail TEXT"),
				(long long)b.ban_id, policy_kind_label(b.kind), b.ends,
				(long long)b.ban_id, day);
	wire_put_int(c->reply, F_APPT_BAN_VERDICT, b.verdict);
	wire_put_int(c->reply, F_APPT_BAN_ID, b.ban_id);
	wire_put_bool(c->reply, F_APPT_BAN_EXCEPTION, b.exception);
	return STORE_OK;
}

/* Copy checked text into a struct member (the length was checked against its size). */
static void put_text(char *dst, size_t dstsz, const char *s)
{
	snprintf(dst, dstsz, "%s", s ? s : "");
}

static enum store_status add(struct svc_call *c)
{
	struct appt a = {0};
	int64_t starts = 0, ends = 0, prec = 0;
	const char *host = NULL, *visitor = NULL, *born = NULL, *room = NULL, *reason = NULL;
	const char *note = NULL;
	bool risky = false;
	enum store_status r;
	if ((r = svc_int(c, F_APPT_STARTS, _("start time"), SVC_TIME_MIN, SVC_TIME_MAX, true,
			 &starts)) != STORE_OK ||
	    (r = svc_int(c, F_APPT_ENDS, _("end time"), SVC_TIME_MIN, SVC_TIME_MAX, true, &ends)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_APPT_HOST, _("host"), APPT_TEXT_MAX - 1, true, &host)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_APPT_VISITOR, _("visitor"), APPT_TEXT_MAX - 1, true, &visitor)) !=
		    STORE_OK ||
	    (r = svc_date(c, F_APPT_BORN, _("date of birth"), false, &born)) != STORE_OK ||
	    (r = svc_text(c, F_APPT_ROOM, _("room"), APPT_TEXT_MAX - 1, false, &room)) !=
		    STORE_OK ||
	    (r = svc_bool(c, F_APPT_RISKY, _("risky"), &risky)) != STORE_OK ||
	    (r = svc_int(c, F_APPT_PRECAUTIONS, _("precautions"), 0, PREC_ALL, false, &prec)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_APPT_REASON, _("reason"), sizeof a.override_reason - 1, false,
			  &reason)) != STORE_OK ||
	    (r = svc_text(c, F_APPT_NOTE, _("note"), sizeof a.note - 1, false, &note)) !=
		    STORE_OK)
		return r;
	if (reason && !*reason)
		reason = NULL;
	/* Issue 13: anyone warns reception of a difficult visitor; judging the risk stays the
	 * manager's. */
	if ((risky || prec || reason) && !roles_may(c->sess->role, PERM_FLAG_APPT))
		return svc_fail(c, STORE_DENIED,
				_("only a manager marks an appointment risky (your role: %s); add "
				  "it with a note to tell reception what to expect"),
				roles_label(c->sess->role));
	enum appts_times t = appts_times_check((time_t)starts, (time_t)ends);
	if (t != APPTS_TIMES_OK)
		return svc_fail(c, STORE_INVALID, "%s: %s", _("end time"), appts_times_message(t));
	if ((r = precautions_rule(c, risky, prec)) != STORE_OK ||
	    (r = room_rule(c, (unsigned)prec, room ? room : "")) != STORE_OK)
		return r;
	enum appts_hours v = hours_verdict(c, (time_t)starts, (time_t)ends, risky, reason != NULL);
	bool record;
	if ((r = hours_rule(c, v, reason != NULL, &record)) != STORE_OK)
		return r;
	a.starts = (time_t)starts;
	a.ends = (time_t)ends;
	put_text(a.host, sizeof a.host, host);
	put_text(a.visitor, sizeof a.visitor, visitor);
	put_text(a.visitor_born, sizeof a.visitor_born, born);
	put_text(a.room, sizeof a.room, room);
	put_text(a.note, sizeof a.note, note);
	a.risky = risky;
	a.precautions = (unsigned)prec;
	if (record)
		put_text(a.override_reason, sizeof a.override_reason, reason);
	if ((r = visitor_rule(c, &a)) != STORE_OK)
		return r;
	int64_t id = 0;
	if ((r = store_appt_add(c->st, &a, &id)) != STORE_OK)
		return svc_store_failed(c, r);
	wire_put_int(c->reply, F_ID, id);
	wire_put_int(c->reply, F_APPT_HOURS, v);
	return STORE_OK;
}

static enum store_status flag(struct svc_call *c)
{
	int64_t id = c->id, prec = 0, version = -1;
	bool risky = false;
	const char *reason = NULL;
	enum store_status r;
	if ((r = svc_bool(c, F_APPT_RISKY, _("risky"), &risky)) != STORE_OK ||
	    (r = svc_int(c, F_APPT_PRECAUTIONS, _("precautions"), 0, PREC_ALL, false, &prec)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_VERSION, _("version"), -1, INT32_MAX, false, &version)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_APPT_REASON, _("reason"), 255, false, &reason)) != STORE_OK)
		return r;
	if (reason && !*reason)
		reason = NULL;
	if ((r = precautions_rule(c, risky, prec)) != STORE_OK)
		return r;
	/* The rule needs the stored times, and whether a manager allowed it before (then the
	 * precautions may change without a new reason). Times never change after adding, so
	 * reading them outside the flag's transaction is safe. */
	struct appt a;
	if ((r = store_appt_get(c->st, id, &a)) != STORE_OK)
		return svc_store_failed(c, r);
	if (risky && (r = room_rule(c, (unsigned)prec, a.room)) != STORE_OK)
		return r;
	enum appts_hours v = hours_verdict(c, a.starts, a.ends, risky,
					   reason != NULL || a.override_reason[0] != '\0');
	bool record;
	if ((r = hours_rule(c, v, reason != NULL, &record)) != STORE_OK)
		return r;
	r = record ? store_appt_flag_override(c->st, id, (unsigned)prec, reason, (int)version)
		   : store_appt_flag(c->st, id, risky, (unsigned)prec, (int)version);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	wire_put_int(c->reply, F_APPT_HOURS, v);
	return STORE_OK;
}

static enum store_status get(struct svc_call *c)
{
	struct appt a;
	enum store_status r = store_appt_get(c->st, c->id, &a);
	if ((r = svc_reply_record(c, r, records_appt, records_appt_n, &a)) == STORE_OK)
		svc_audit_record(c, "appt", c->id, "ok", "");
	return r;
}

/* The visitor's best hit among the bans in force on day: a MATCH before any POSSIBLE (as
 * the visitor check shows it), through the visitor check itself (store_ban_check). */
static enum store_status mark_of(struct svc_call *c, const struct appt *a, const char *day,
				 struct appts_ban_mark *m)
{
	*m = (struct appts_ban_mark){NAMES_CLEAR, 0, false};
	if (!a->visitor[0])
		return STORE_OK;
	struct ban_hit hits[4];
	size_t nh = 0;
	enum store_status r = store_ban_check(c->st, a->visitor, a->visitor_born, day, hits, 4,
					      &nh);
	if (r != STORE_OK)
		return r;
	for (size_t h = 0; h < nh; h++) {
		if (hits[h].verdict == NAMES_MATCH) {
			*m = (struct appts_ban_mark){NAMES_MATCH, hits[h].ban.id, false};
			break;
		}
		if (m->verdict == NAMES_CLEAR)
			*m = (struct appts_ban_mark){NAMES_POSSIBLE, hits[h].ban.id, false};
	}
	store_ban_hits_clear(hits, nh);
	return STORE_OK;
}

static enum store_status list(struct svc_call *c)
{
	int64_t from = 0, to = 0;
	bool risky_only = false, check = false;
	enum store_status r;
	if ((r = svc_int(c, F_FROM, _("from"), SVC_TIME_MIN, SVC_TIME_MAX, true, &from)) !=
		    STORE_OK ||
	    (r = svc_int(c, F_TO, _("until"), SVC_TIME_MIN, SVC_TIME_MAX, true, &to)) != STORE_OK ||
	    (r = svc_bool(c, F_APPT_RISKY_ONLY, _("risky only"), &risky_only)) != STORE_OK ||
	    (r = svc_bool(c, F_APPT_CHECK_BANS, _("check against the bans"), &check)) !=
		    STORE_OK)
		return r;
	if (to <= from || to - from > LIST_MAX_SECONDS)
		return svc_fail(c, STORE_INVALID, _("%s: not after the start, or more than a year "
						    "later"), _("until"));
	/* The bans of the first day count: lists are asked for one day at a time. */
	char day[DATES_DATE_LEN];
	dates_local_date((time_t)from, day);
	struct appt *a = NULL;
	size_t n = 0;
	if ((r = store_appt_list(c->st, (time_t)from, (time_t)to, risky_only, &a, &n)) !=
	    STORE_OK)
		return svc_store_failed(c, r);
	/* Every visitor is checked before anything is answered: one not checked must not
	 * look clear, so the whole list fails then. */
	struct appts_ban_mark *marks = check && n > 0 ? calloc(n, sizeof *marks) : NULL;
	if (check && n > 0 && !marks) {
		free(a);
		return svc_fail(c, STORE_ERROR, "%s", _("out of memory"));
	}
	for (size_t i = 0; marks && i < n; i++)
		if ((r = mark_of(c, &a[i], day, &marks[i])) != STORE_OK) {
			free(marks);
			free(a);
			return svc_store_failed(c, r);
		}
	for (size_t i = 0; i < n; i++) {
		svc_put_record(c, records_appt, records_appt_n, &a[i]);
		if (marks)
			wire_put_struct(c->reply, records_appt_mark, records_appt_mark_n, &marks[i]);
	}
	free(marks);
	char count[32], detail[96];
	snprintf(count, sizeof count, "%zu", n);
	snprintf(detail, sizeof detail, "%s%s%s", day, risky_only ? " risky" : "",
		 check ? " checked" : "");
	svc_audit_set(c, "appointments", count, detail);
	free(a);
	return STORE_OK;
}

const struct svc_op_def svc_ops_appts[] = {
	/* Anyone at the desk may add (to warn reception); add() keeps the risk the manager's. */
	{OP_APPT_ADD, "appt.add", PERM_CHECK_VISITOR, SVC_AUDIT_STORE, CHANGE_APPTS, NULL, add},
	{OP_APPT_FLAG, "appt.flag", PERM_FLAG_APPT, SVC_AUDIT_STORE, CHANGE_APPTS,
	 N_("appointment id"), flag},
	{OP_APPT_GET, "appt.get", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, N_("appointment id"),
	 get},
	{OP_APPT_LIST, "appt.list", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL, list},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
