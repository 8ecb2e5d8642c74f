/* dialog_incident — registering an incident at the desk in three short steps: the category
 * and the channel picked from lists, then one form (who, where, when, what happened), filled
 * in from a closed alarm when it starts from one. A manager completes it later. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "store/lib.h"
#include "ui/dialog.h"
#include "ui/dialog_incident.h"
#include "ui/panel.h"

enum { IF_EMPLOYEE, IF_PLACE, IF_AT, IF_WHAT, IF_WITNESSES, IF_COUNT };

/* The longest description the one-line field takes: the rest is the manager's form. */
#define WHAT_MAX 500

static int form_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
		       size_t errsz)
{
	struct incident_draft *dr = arg;
	struct incident in;
	memset(&in, 0, sizeof in);
	in.category = dr->category;
	in.channel = dr->channel;
	in.alarm_id = dr->alarm_id;
	const char *employee = dialog_form_value(d, IF_EMPLOYEE);
	const char *place = dialog_form_value(d, IF_PLACE);
	const char *what = dialog_form_value(d, IF_WHAT);
	if (!*employee)
		return dialog_form_refuse(d, IF_EMPLOYEE, err, errsz, "%s",
					  _("Employee: whom it happened to is required"));
	if (!*place)
		return dialog_form_refuse(d, IF_PLACE, err, errsz, "%s",
					  _("Place: where it happened is required"));
	switch (incidents_read_time(dialog_form_value(d, IF_AT), ctx->now, &in.at)) {
	case INCIDENTS_TIME_OK:
		break;
	case INCIDENTS_TIME_NO_SUCH:
		return dialog_form_refuse(d, IF_AT, err, errsz, "%s",
					  _("When: that time does not exist (the clocks go "
					    "forward then)"));
	case INCIDENTS_TIME_FUTURE:
		return dialog_form_refuse(d, IF_AT, err, errsz, "%s", _("When: that is in the future"));
	case INCIDENTS_TIME_MALFORMED:
	default:
		return dialog_form_refuse(d, IF_AT, err, errsz, "%s",
					  _("When: HH:MM today, or \"YYYY-MM-DD HH:MM\""));
	}
	if (!*what)
		return dialog_form_refuse(d, IF_WHAT, err, errsz, "%s",
					  _("What happened: one line is required"));
	snprintf(in.employee, sizeof in.employee, "%s", employee);
	snprintf(in.place, sizeof in.place, "%s", place);
	snprintf(in.description, sizeof in.description, "%s", what);
	snprintf(in.witnesses, sizeof in.witnesses, "%s", dialog_form_value(d, IF_WITNESSES));
	int64_t id = 0;
	enum store_status r = client_incident_add(ctx->client, &in, &id);
	switch (r) {
	case STORE_OK:
		ctx->message(ctx, _("Incident %lld registered (%s); a manager completes it"),
			     (long long)id, incidents_category_label(in.category));
		dr->registered = id;
		return 0;
	default:
		return panel_form_failed(ctx, r, err, errsz);
	}
}

static void open_form(struct incident_draft *dr, struct panel_ctx *ctx)
{
	char title[256];
	snprintf(title, sizeof title, _("Incident: %s, %s"), incidents_category_label(dr->category),
		 incidents_channel_label(dr->channel));
	struct dialog_field f[IF_COUNT] = {
		{_("Employee"), dr->employee, 30, INCIDENT_NAME_MAX - 1,
		 _("Whom it happened to")},
		{_("Place"), dr->place, 30, INCIDENT_NAME_MAX - 1,
		 _("A building, room or alarm point of balie.conf, or one of its incident places")},
		{_("When"), dr->at, 16, 16, _("HH:MM today, or \"YYYY-MM-DD HH:MM\"")},
		{_("What happened"), "", 50, WHAT_MAX,
		 _("One line; a manager completes the form (perpetrator, injury, measures)")},
		{_("Witnesses"), dr->witnesses, 30, INCIDENT_NAME_MAX - 1,
		 _("Who saw it or responded (filled in from the alarm)")},
	};
	struct dialog *d = dialog_form_new(title, f, IF_COUNT, form_submit, NULL, dr);
	(void)panel_show_dialog(ctx, d);
}

static void channel_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct incident_draft *dr = arg;
	size_t i = ok ? dialog_pick_choice(d) : INCIDENT_CHANNEL_COUNT;
	if (i >= INCIDENT_CHANNEL_COUNT)
		return;
	dr->channel = (enum incident_channel)i;
	open_form(dr, ctx);
}

static void category_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct incident_draft *dr = arg;
	size_t i = ok ? dialog_pick_choice(d) : INCIDENT_CATEGORY_COUNT;
	if (i >= INCIDENT_CATEGORY_COUNT)
		return;
	dr->category = (enum incident_category)i;
	const char *items[INCIDENT_CHANNEL_COUNT];
	for (int c = 0; c < INCIDENT_CHANNEL_COUNT; c++)
		items[c] = incidents_channel_label((enum incident_channel)c);
	struct dialog *p = dialog_pick_new(_("How did it take place? (Enter)"), items,
					   INCIDENT_CHANNEL_COUNT, channel_done, dr);
	(void)panel_show_dialog(ctx, p);
}

void dialog_incident_prefill(struct incident_draft *dr, const struct panel_ctx *ctx,
			     const struct alarm *from)
{
	memset(dr, 0, sizeof *dr);
	time_t at = from ? from->raised_at : ctx->now;
	char date[DATES_DATE_LEN], hm[6];
	dates_local_date(at, date);
	dates_local_hm(at, hm);
	snprintf(dr->at, sizeof dr->at, "%s %s", date, hm);
	if (from) {
		dr->alarm_id = from->id;
		snprintf(dr->place, sizeof dr->place, "%s", from->location);
		/* who pressed the button is, most often, whom it happened to */
		snprintf(dr->employee, sizeof dr->employee, "%s", from->raised_by);
		/* who answered the alarm: on the way, or else who closed it */
		snprintf(dr->witnesses, sizeof dr->witnesses, "%s",
			 from->acked_by[0] ? from->acked_by : from->resolved_by);
		return;
	}
	const struct config *c = ctx->config;
	const struct config_building *here = config_building_here(c);
	if (c->alarm_point && *c->alarm_point)
		snprintf(dr->place, sizeof dr->place, "%s", c->alarm_point);
	else if (here)
		snprintf(dr->place, sizeof dr->place, "%s", here->name);
	snprintf(dr->employee, sizeof dr->employee, "%s", ctx->user ? ctx->user : "");
}

bool dialog_incident_start(struct incident_draft *dr, struct panel_ctx *ctx)
{
	if (!panel_may(ctx, PERM_REPORT_INCIDENT, "incident.add"))
		return false;
	const char *items[INCIDENT_CATEGORY_COUNT];
	for (int c = 0; c < INCIDENT_CATEGORY_COUNT; c++)
		items[c] = incidents_category_label((enum incident_category)c);
	char title[128];
	if (dr->alarm_id)
		snprintf(title, sizeof title, _("Incident after alarm %lld: what happened? (Enter)"),
			 (long long)dr->alarm_id);
	else
		snprintf(title, sizeof title, "%s", _("Incident: what happened? (Enter)"));
	struct dialog *d = dialog_pick_new(title, items, INCIDENT_CATEGORY_COUNT, category_done,
					   dr);
	return panel_show_dialog(ctx, d);
}
