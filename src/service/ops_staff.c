/* ops_staff — the support team and counter staff through the service: members, check in
 * and out, the evening roster, and a manager's "nobody reachable" records (checked against
 * the opening hours of the service's own configuration). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "service/internal.h"
#include "service/records.h"
#include "store/lib.h"

static enum store_status name_field(struct svc_call *c, const char **name)
{
	return svc_text(c, F_STAFF_NAME, _("name"), STAFF_TEXT_MAX - 1, true, name);
}

static enum store_status add(struct svc_call *c)
{
	const char *name = NULL, *phone = NULL;
	int64_t team = 0;
	enum store_status r;
	if ((r = name_field(c, &name)) != STORE_OK ||
	    (r = svc_int(c, F_STAFF_TEAM, _("team"), TEAM_SUPPORT, TEAM_COUNTER, true, &team)) !=
		    STORE_OK ||
	    (r = svc_text(c, F_STAFF_PHONE, _("phone"), STAFF_TEXT_MAX - 1, false, &phone)) !=
		    STORE_OK)
		return r;
	r = store_staff_add(c->st, name, (enum staff_team)team, phone ? phone : "");
	return svc_stored(c, r);
}

/* Check in or out now (fn: store_staff_in or store_staff_out). */
static enum store_status presence(struct svc_call *c,
				  enum store_status (*fn)(struct store *st, const char *name))
{
	const char *name = NULL;
	enum store_status r = name_field(c, &name);
	if (r != STORE_OK)
		return r;
	r = fn(c->st, name);
	return svc_stored(c, r);
}

static enum store_status check_in(struct svc_call *c)
{
	return presence(c, store_staff_in);
}

static enum store_status check_out(struct svc_call *c)
{
	return presence(c, store_staff_out);
}

/* Closing a check-in left open: at which instant, and who says so and why (the store keeps
 * both and checks the instant lies between the check-in and now). */
static enum store_status check_out_at(struct svc_call *c)
{
	const char *name = NULL, *note = NULL;
	int64_t at = 0;
	enum store_status r;
	if ((r = name_field(c, &name)) != STORE_OK ||
	    (r = svc_int(c, F_STAFF_AT, _("check-out time"), SVC_TIME_MIN, SVC_TIME_MAX, true,
			 &at)) != STORE_OK ||
	    (r = svc_text(c, F_STAFF_NOTE, _("note"), STAFF_NOTE_MAX - 1, true, &note)) !=
		    STORE_OK)
		return r;
	return svc_stored(c, store_staff_out_at(c->st, name, (time_t)at, note));
}

static enum store_status roster(struct svc_call *c)
{
	const char *name = NULL, *date = NULL;
	bool on = false;
	enum store_status r;
	if ((r = name_field(c, &name)) != STORE_OK ||
	    (r = svc_date(c, F_DATE, _("date"), true, &date)) != STORE_OK ||
	    (r = svc_bool(c, F_STAFF_ON, _("on the roster"), &on)) != STORE_OK)
		return r;
	/* On or off must be said: an absent field must not take someone off the roster. */
	if (!wire_find(c->req, 0, F_STAFF_ON))
		return svc_fail(c, STORE_INVALID, _("%s: missing"), _("on the roster"));
	return svc_stored(c, store_staff_roster(c->st, name, date, on));
}

static enum store_status list(struct svc_call *c)
{
	const char *date = NULL;
	enum store_status r = svc_date(c, F_DATE, _("date"), false, &date);
	if (r != STORE_OK)
		return r;
	struct staff_member *m = NULL;
	size_t n = 0;
	r = store_staff_list(c->st, date, &m, &n);
	return svc_reply_list(c, r, records_staff_member, records_staff_member_n, m, sizeof *m, n);
}

/* The building a request names, from the service's configuration; NULL after failing. */
static const struct config_building *building_field(struct svc_call *c)
{
	const char *id = NULL;
	if (svc_text(c, F_STAFF_BUILDING, _("building"), 63, true, &id) != STORE_OK)
		return NULL;
	const struct config_building *b = config_building_find(c->cfg, id);
	if (!b)
		(void)svc_fail(c, STORE_INVALID,
			       _("%s: \"%s\" is not a building of the service's configuration"),
			       _("building"), id);
	return b;
}

/* Only a manager (or HR) states that nobody of the support team is reachable; a porter
 * may change the staffing but not make this statement. */
static enum store_status require_manager(struct svc_call *c)
{
	if (roles_may(c->sess->role, PERM_FLAG_APPT))
		return STORE_OK;
	return svc_fail(c, STORE_DENIED, _("only a manager may do this (your role: %s)"),
			roles_label(c->sess->role));
}

static enum store_status unreachable(struct svc_call *c)
{
	const char *date = NULL, *period = NULL, *note = NULL;
	const struct config_building *b = building_field(c);
	enum store_status r;
	if (!b)
		return STORE_INVALID;
	if ((r = svc_date(c, F_DATE, _("date"), true, &date)) != STORE_OK ||
	    (r = svc_text(c, F_STAFF_PERIOD, _("period"), 7, true, &period)) != STORE_OK ||
	    (r = svc_text(c, F_STAFF_NOTE, _("note"), STAFF_NOTE_MAX - 1, true, &note)) !=
		    STORE_OK ||
	    (r = require_manager(c)) != STORE_OK)
		return r;
	char today[DATES_DATE_LEN];
	dates_local_date(clock_now(), today);
	switch (policy_unreachable_check(&b->hours, &b->exceptions, date, period, today)) {
	case POLICY_UNREACHABLE_OK:
		break;
	case POLICY_UNREACHABLE_BAD_DATE: /* svc_date checked it */
	case POLICY_UNREACHABLE_BAD_PERIOD:
		return svc_fail(c, STORE_INVALID, _("%s: \"%s\" is not day, evening or HH:MM"),
				_("period"), period);
	case POLICY_UNREACHABLE_PAST:
		return svc_fail(c, STORE_INVALID, _("%s is in the past"), date);
	case POLICY_UNREACHABLE_CLOSED:
		return svc_fail(c, STORE_INVALID,
				_("%s %s: the building is not open to the public then"), date,
				period);
	}
	int64_t id = 0;
	r = store_staff_unreachable(c->st, b->id, date, period, note, &id);
	return svc_reply_int(c, r, F_ID, id);
}

static enum store_status unreachable_withdraw(struct svc_call *c)
{
	enum store_status r = require_manager(c);
	if (r != STORE_OK)
		return r;
	return svc_stored(c, store_staff_unreachable_withdraw(c->st, c->id));
}

static enum store_status unreachable_list(struct svc_call *c)
{
	const char *from = NULL, *to = NULL;
	const struct config_building *b = building_field(c);
	enum store_status r;
	if (!b)
		return STORE_INVALID;
	if ((r = svc_date(c, F_FROM, _("first date"), true, &from)) != STORE_OK ||
	    (r = svc_date(c, F_TO, _("last date"), true, &to)) != STORE_OK)
		return r;
	struct staff_unreachable *u = NULL;
	size_t n = 0;
	r = store_staff_unreachable_list(c->st, b->id, from, to, &u, &n);
	return svc_reply_list(c, r, records_staff_unreachable, records_staff_unreachable_n,
			      u, sizeof *u, n);
}

/* Presence and the roster are shown on every console all day: no audit line per look
 * (they hold no citizen's data); every change is audited by the store. */
const struct svc_op_def svc_ops_staff[] = {
	{OP_STAFF_ADD, "staff.add", PERM_STAFFING, SVC_AUDIT_STORE, CHANGE_STAFF, NULL, add},
	{OP_STAFF_IN, "staff.in", PERM_STAFFING, SVC_AUDIT_STORE, CHANGE_STAFF, NULL, check_in},
	{OP_STAFF_OUT, "staff.out", PERM_STAFFING, SVC_AUDIT_STORE, CHANGE_STAFF, NULL, check_out},
	{OP_STAFF_OUT_AT, "staff.out_at", PERM_STAFFING, SVC_AUDIT_STORE, CHANGE_STAFF, NULL,
	 check_out_at},
	{OP_STAFF_ROSTER, "staff.roster", PERM_STAFFING, SVC_AUDIT_STORE, CHANGE_STAFF, NULL,
	 roster},
	{OP_STAFF_LIST, "staff.list", PERM_CHECK_VISITOR, SVC_AUDIT_NONE, 0, NULL, list},
	{OP_STAFF_UNREACHABLE, "staff.unreachable", PERM_STAFFING, SVC_AUDIT_STORE, CHANGE_STAFF,
	 NULL, unreachable},
	{OP_STAFF_UNREACHABLE_WITHDRAW, "staff.unreachable_withdraw", PERM_STAFFING,
	 SVC_AUDIT_STORE, CHANGE_STAFF, N_("record id"), unreachable_withdraw},
	{OP_STAFF_UNREACHABLE_LIST, "staff.unreachable_list", PERM_CHECK_VISITOR, SVC_AUDIT_NONE,
	 0, NULL, unreachable_list},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
