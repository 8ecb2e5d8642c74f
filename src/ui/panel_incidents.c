/* panel_incidents — incidents at the desk (issue 13): the alarms closed in the last hour, to
 * register what happened from one (F4) and, for a false alarm, the 5 minutes to cancel it at
 * the alarm centre and who did (F5, with a countdown on every console's strip); for managers
 * and HR the follow-up steps still to do, overdue ones first and marked (F6: done). */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "store/lib.h"
#include "ui/dialog.h"
#include "ui/dialog_incident.h"
#include "ui/draw.h"
#include "ui/notices.h"
#include "ui/panel.h"
#include "ui/theme.h"

/* How long a closed alarm stays here, to register what happened from it. */
#define RECENT_SECONDS (60 * 60)
/* How many alarms are read to find the recently closed ones (newest first). */
#define RECENT_READ 50

struct incidents_panel {
	struct alarm *alarms;         /* resolved and false alarms, newest first (all read) */
	size_t nalarms;
	struct incident_due_row *due; /* the follow-up steps to do (managers, hr) */
	size_t ndue;
	bool follow_up;               /* the follow-up list was read for this role */
	struct draw_list list;        /* row 0 (a new incident), the recent alarms, the steps */
	bool loaded;
	unsigned signature;           /* of what the clock changes: redraw when it does */
	struct incident_draft draft;  /* the registration on screen */
	/* the step a "done" form is about, copied: a reload may come before the answer */
	int64_t pending_id;
	char pending_key[INCIDENTS_KEY_LEN];
	char pending_label[128];
};

static void incidents_destroy(void *self)
{
	struct incidents_panel *p = self;
	free(p->alarms);
	free(p->due);
}

/* Whether alarm a is shown: closed (resolved or false, not a test) in the last hour. */
static bool recent(const struct alarm *a, time_t now)
{
	return (a->outcome == ALARM_RESOLVED || a->outcome == ALARM_FALSE) &&
	       a->resolved_at + RECENT_SECONDS > now;
}

static size_t nrecent(const struct incidents_panel *p, time_t now)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nalarms; i++)
		n += recent(&p->alarms[i], now);
	return n;
}

/* The i-th shown alarm, or NULL. */
static const struct alarm *recent_at(const struct incidents_panel *p, time_t now, size_t i)
{
	for (size_t k = 0; k < p->nalarms; k++)
		if (recent(&p->alarms[k], now) && i-- == 0)
			return &p->alarms[k];
	return NULL;
}

/* Rows: the first starts an incident that followed no alarm, then the recent alarms (from
 * row 1), then the follow-up steps. */
static size_t nrows(const struct incidents_panel *p, time_t now)
{
	return 1 + nrecent(p, now) + p->ndue;
}

/* The alarm on row i, or NULL. */
static const struct alarm *alarm_row(const struct incidents_panel *p, time_t now, size_t i)
{
	return i >= 1 ? recent_at(p, now, i - 1) : NULL;
}

/* The step on row i, or NULL. */
static const struct incident_due_row *due_row(const struct incidents_panel *p, time_t now,
					      size_t i)
{
	size_t first = 1 + nrecent(p, now);
	return i >= first && i - first < p->ndue ? &p->due[i - first] : NULL;
}

static int incidents_reload(void *self, struct panel_ctx *ctx)
{
	struct incidents_panel *p = self;
	struct alarm *a = NULL;
	size_t n = 0;
	if (client_alarm_list(ctx->client, 0, RECENT_READ, &a, &n) != STORE_OK) {
		ctx->message(ctx, _("Alarms could not be read: %s"), client_error(ctx->client));
		return -1;
	}
	free(p->alarms);
	p->alarms = a;
	p->nalarms = n;
	struct incident_due_row *due = NULL;
	size_t ndue = 0;
	/* The service decides the steps with its own rules, sanction table and clock. */
	p->follow_up = roles_may(ctx->role, PERM_INCIDENTS);
	if (p->follow_up && client_incident_due(ctx->client, false, &due, &ndue) != STORE_OK) {
		ctx->message(ctx, _("Incident follow-up could not be read: %s"),
			     client_error(ctx->client));
		p->follow_up = false;
	}
	free(p->due);
	p->due = due;
	p->ndue = ndue;
	p->loaded = true;
	size_t rows = nrows(p, ctx->now);
	if (p->list.sel >= rows)
		p->list.sel = rows ? rows - 1 : 0;
	return 0;
}

/* ---------------------------------------------------------------- drawing */

static void incidents_size(void *self, struct panel_ctx *ctx, int cols, int *min, int *want)
{
	struct incidents_panel *p = self;
	(void)cols;
	size_t n = nrows(p, ctx->now);
	*min = 1;
	*want = 2 + (int)n;
}

/* "12:04 Balie 1: resolved by kees" or, for a false alarm, where its cancellation stands. */
static void alarm_line(const struct alarm *a, time_t now, char *out, size_t outsz,
		       bool *urgent)
{
	char hm[6], at[6];
	dates_local_hm(a->raised_at, hm);
	*urgent = false;
	if (a->outcome == ALARM_RESOLVED) {
		snprintf(out, outsz, _("%s %s: resolved by %s"), hm, a->location, a->resolved_by);
		return;
	}
	long left = 0;
	switch (policy_false_alarm_cancel(a->raised_at, a->cancelled_at, now, &left)) {
	case POLICY_CANCEL_DUE:
		*urgent = true;
		snprintf(out, outsz, _("%s %s: FALSE ALARM - cancel it at the alarm centre: "
				       "%ld:%02ld left"), hm, a->location, left / 60, left % 60);
		return;
	case POLICY_CANCEL_LATE:
		*urgent = true;
		snprintf(out, outsz, _("%s %s: FALSE ALARM - NOT cancelled at the alarm centre"),
			 hm, a->location);
		return;
	case POLICY_CANCEL_IN_TIME:
	case POLICY_CANCEL_LATE_DONE:
	default:
		dates_local_hm(a->cancelled_at, at);
		snprintf(out, outsz, _("%s %s: false alarm, cancelled at the alarm centre at %s "
				       "by %s"), hm, a->location, at, a->cancelled_by);
		return;
	}
}

/* A deadline as "26-11 14:00", or "26-11" when it is the end of that day (midnight). */
static void deadline_text(time_t due, char out[24])
{
	char date[DATES_DATE_LEN], hm[6];
	bool midnight = dates_local_minutes(due) == 0;
	dates_local_date(midnight ? due - 1 : due, date);
	dates_local_hm(due, hm);
	if (midnight)
		snprintf(out, 24, "%.2s-%.2s", date + 8, date + 5);
	else
		snprintf(out, 24, "%.2s-%.2s %s", date + 8, date + 5, hm);
}

/* "!! OVERDUE by 26-11 14:00: 12 physical violence, Balie 1: police report filed" */
static void due_line(const struct incident_due_row *r, char *out, size_t outsz)
{
	char label[128], by[24];
	incidents_item_label(&r->f.due, label, sizeof label);
	deadline_text(r->f.due.due, by);
	snprintf(out, outsz, r->f.state == DUE_OVERDUE ? _("!! OVERDUE by %s: %lld %s, %s: %s")
						       : _("due by %s: %lld %s, %s: %s"),
		 by, (long long)r->incident_id, incidents_category_label(r->category), r->place,
		 label);
}

static void incidents_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct incidents_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win) - 2;
	werase(win);
	size_t na = nrecent(p, ctx->now), overdue = 0, urgent = 0;
	for (size_t i = 0; i < p->ndue; i++)
		overdue += p->due[i].f.state == DUE_OVERDUE;
	for (size_t i = 0; i < na; i++) {
		const struct alarm *a = recent_at(p, ctx->now, i);
		urgent += a->outcome == ALARM_FALSE && !a->cancelled_at;
	}
	bool alert = overdue || urgent;
	draw_frame(win, _("Incidents"), focused,
		   theme_attr(alert ? THEME_ALARM_FRAME : THEME_NORMAL));
	p->list.rows = 0;
	char note[128];
	if (p->follow_up)
		snprintf(note, sizeof note, _("%zu steps to do, %zu overdue"), p->ndue, overdue);
	else
		snprintf(note, sizeof note, _("%s: register an incident"),
			 keys_key_name(ACT_INCIDENT_ADD));
	if (lines < 3 || cols < 4) {
		draw_frame_note(win, note, theme_attr(alert ? THEME_ALARM_FRAME : THEME_DIM));
		return;
	}
	if (!p->loaded) {
		draw_text(win, 1, 1, cols, _("reading..."), theme_attr(THEME_DIM));
		return;
	}
	draw_frame_note(win, note, theme_attr(alert ? THEME_ALARM_FRAME : THEME_DIM));
	size_t n = nrows(p, ctx->now);
	int rows = lines - 2;
	if (p->list.sel >= n)
		p->list.sel = n - 1;
	draw_list_view(&p->list, n, 1, rows);
	for (int r = 0; r < rows && p->list.top + (size_t)r < n; r++) {
		size_t i = p->list.top + (size_t)r;
		char line[2 * ALARM_TEXT_MAX + 256];
		bool hot = false;
		const struct alarm *a = alarm_row(p, ctx->now, i);
		const struct incident_due_row *d = due_row(p, ctx->now, i);
		if (a) {
			alarm_line(a, ctx->now, line, sizeof line, &hot);
		} else if (d) {
			due_line(d, line, sizeof line);
			hot = d->f.state == DUE_OVERDUE;
		} else if (na) {
			snprintf(line, sizeof line, _("%s here: an incident that followed no alarm; on "
						      "an alarm below: one after it"),
				 keys_key_name(ACT_INCIDENT_ADD));
		} else {
			snprintf(line, sizeof line, _("No alarm closed in the last hour; %s registers "
						      "an incident (anyone)"),
				 keys_key_name(ACT_INCIDENT_ADD));
		}
		attr_t attr = theme_attr(hot ? THEME_ALARM_NEW : a || d ? THEME_NORMAL : THEME_DIM);
		if (focused && i == p->list.sel)
			attr = theme_attr(THEME_SELECTED) | (hot ? A_BOLD : 0);
		draw_fill(win, 1 + r, 1, cols, attr);
		draw_text(win, 1 + r, 1, cols, line, attr);
	}
	if (n > (size_t)rows) {
		snprintf(note, sizeof note, _("%zu more"), n - (size_t)rows);
		draw_frame_note(win, note, theme_attr(alert ? THEME_ALARM_FRAME : THEME_DIM));
	}
}

/* On every console: a false alarm still to cancel (with the time left, from the clock);
 * for managers and HR how many follow-up steps are overdue. */
static void incidents_notices(void *self, struct panel_ctx *ctx, struct notices *out)
{
	struct incidents_panel *p = self;
	size_t na = nrecent(p, ctx->now);
	for (size_t i = 0; i < na; i++) {
		const struct alarm *a = recent_at(p, ctx->now, i);
		if (a->outcome != ALARM_FALSE || a->cancelled_at)
			continue;
		long left = 0;
		char text[ALARM_TEXT_MAX + 256];
		if (policy_false_alarm_cancel(a->raised_at, 0, ctx->now, &left) == POLICY_CANCEL_DUE)
			snprintf(text, sizeof text, _("False alarm at %s: cancel it at the alarm centre, "
						      "%ld:%02ld left (then %s in Incidents)"),
				 a->location, left / 60, left % 60,
				 keys_key_name(ACT_ALARM_CANCELLED));
		else
			snprintf(text, sizeof text, _("False alarm at %s NOT cancelled at the alarm "
						      "centre: do it now, the police may come"),
				 a->location);
		(void)notices_add(out, NOTICE_FALSE_ALARM, text); /* counted even when not stored */
	}
	size_t overdue = 0;
	for (size_t i = 0; i < p->ndue; i++)
		overdue += p->due[i].f.state == DUE_OVERDUE;
	if (overdue) {
		char text[128];
		snprintf(text, sizeof text,
			 ngettext("Incidents: %zu follow-up step overdue",
				  "Incidents: %zu follow-up steps overdue", overdue), overdue);
		(void)notices_add(out, NOTICE_FOLLOWUP, text);
	}
}

/* ---------------------------------------------------------------- details */

/* The incident's form and steps as text for the details window (managers, hr). */
static void append(char *buf, size_t bufsz, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void append(char *buf, size_t bufsz, size_t *len, const char *fmt, ...)
{
	if (*len >= bufsz)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, bufsz - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len = *len + (size_t)n < bufsz ? *len + (size_t)n : bufsz - 1;
}

static int open_details(struct incidents_panel *p, struct panel_ctx *ctx, int64_t id)
{
	(void)p;
	if (!panel_may(ctx, PERM_INCIDENTS, "incident.show"))
		return PANEL_HANDLED | PANEL_REDRAW;
	struct incident in;
	/* The service writes the audit line of the look before it answers. */
	struct incident_followup f[INCIDENTS_MAX_ITEMS];
	size_t nf = 0;
	if (client_incident_get(ctx->client, id, &in) != STORE_OK ||
	    client_incident_followups(ctx->client, id, f, &nf) != STORE_OK) {
		ctx->message(ctx, _("Incident %lld could not be read: %s"), (long long)id,
			     client_error(ctx->client));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	char text[8192];
	size_t len = 0;
	char when[DATES_DATE_LEN], hm[6];
	dates_local_date(in.at, when);
	dates_local_hm(in.at, hm);
	append(text, sizeof text, &len, _("When: %s %s\nWhat: %s, %s\nWhere: %s\nTo: %s\n"), when,
	       hm, incidents_category_label(in.category), incidents_channel_label(in.channel),
	       in.place, in.employee);
	append(text, sizeof text, &len, _("Perpetrator: %s\n"),
	       in.pseudonymised_at ? _("(erased by the retention period)")
	       : *in.perpetrator   ? in.perpetrator : _("unknown"));
	append(text, sizeof text, &len, "%s\n%s\n\n", _("What happened:"), in.description);
	append(text, sizeof text, &len, "%s\n",
	       in.completed_at ? _("The form is complete.")
			       : _("The form is not complete yet: balie incident update ID "
				   "--complete"));
	append(text, sizeof text, &len, "\n%s\n", _("Follow-up:"));
	for (size_t i = 0; i < nf; i++) {
		char label[128], by[24];
		incidents_item_label(&f[i].due, label, sizeof label);
		deadline_text(f[i].due.due, by);
		if (f[i].state == DUE_DONE)
			append(text, sizeof text, &len, _("  done     %s%s%s\n"), label,
			       f[i].marked ? _(", by ") : "", f[i].marked ? f[i].done_by : "");
		else
			append(text, sizeof text, &len, _("  %-8s %s (by %s)\n"),
			       f[i].state == DUE_OVERDUE ? _("OVERDUE")
			       : f[i].state == DUE_OPEN  ? _("open") : _("later"),
			       label, by);
	}
	char title[64];
	snprintf(title, sizeof title, _("Incident %lld"), (long long)id);
	(void)panel_show_dialog(ctx, dialog_text_new(title, text, NULL, NULL));
	return PANEL_HANDLED | PANEL_REDRAW;
}

/* ---------------------------------------------------------------- actions */

static int add_incident(struct incidents_panel *p, struct panel_ctx *ctx)
{
	dialog_incident_prefill(&p->draft, ctx, alarm_row(p, ctx->now, p->list.sel));
	(void)dialog_incident_start(&p->draft, ctx);
	return PANEL_HANDLED | PANEL_REDRAW;
}

static int cancelled(struct incidents_panel *p, struct panel_ctx *ctx)
{
	if (!panel_may(ctx, PERM_HANDLE_ALARM, "alarm.cancelled"))
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct alarm *a = alarm_row(p, ctx->now, p->list.sel);
	if (!a || a->outcome != ALARM_FALSE) {
		/* under time pressure: the one false alarm still to cancel needs no selecting */
		const struct alarm *only = NULL;
		size_t waiting = 0, na = nrecent(p, ctx->now);
		for (size_t i = 0; i < na; i++) {
			const struct alarm *x = recent_at(p, ctx->now, i);
			if (x->outcome == ALARM_FALSE && !x->cancelled_at) {
				only = x;
				waiting++;
			}
		}
		if (waiting != 1) {
			ctx->message(ctx, "%s", _("Select the false alarm that was cancelled"));
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		a = only;
	}
	char location[ALARM_TEXT_MAX];
	snprintf(location, sizeof location, "%s", a->location);
	time_t raised = a->raised_at;
	enum store_status r = client_alarm_cancelled(ctx->client, a->id, NULL);
	if (r == STORE_OK) {
		if (ctx->now - raised > POLICY_CANCEL_SECONDS)
			ctx->message(ctx, _("%s: cancelled at the alarm centre too late (over 5 "
					    "minutes); recorded"), location);
		else
			ctx->message(ctx, _("%s: cancelled at the alarm centre in time; recorded"),
				     location);
	} else if (r == STORE_CONFLICT) {
		ctx->message(ctx, _("The cancellation of the alarm at %s is recorded already"),
			     location);
	} else {
		ctx->message(ctx, _("The cancellation could not be saved: %s"),
			     client_error(ctx->client));
	}
	return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
}

static int done_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
		       size_t errsz)
{
	struct incidents_panel *p = arg;
	enum store_status r = client_incident_done(ctx->client, p->pending_id, p->pending_key,
						   ctx->now, dialog_form_value(d, 0));
	switch (r) {
	case STORE_OK:
		ctx->message(ctx, _("Incident %lld: %s done"), (long long)p->pending_id,
			     p->pending_label);
		return 0;
	case STORE_CONFLICT:
		ctx->message(ctx, _("Incident %lld: %s was done already"), (long long)p->pending_id,
			     p->pending_label);
		return 0;
	default:
		return panel_form_failed(ctx, r, err, errsz);
	}
}

/* A follow-up step marked done (managers, hr), with a note; the store checks again. */
static int followup_done(struct incidents_panel *p, struct panel_ctx *ctx)
{
	if (!panel_may(ctx, PERM_INCIDENTS, "incident.done"))
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct incident_due_row *row = due_row(p, ctx->now, p->list.sel);
	if (!row) {
		ctx->message(ctx, "%s", _("Select a follow-up step (listed after the closed alarms)"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	p->pending_id = row->incident_id;
	snprintf(p->pending_key, sizeof p->pending_key, "%s", row->f.due.key);
	incidents_item_label(&row->f.due, p->pending_label, sizeof p->pending_label);
	char title[256];
	snprintf(title, sizeof title, _("Incident %lld: %s done, now, by you"),
		 (long long)row->incident_id, p->pending_label);
	struct dialog_field f = {_("Note"), "", 40, INCIDENT_NOTE_MAX,
				 _("Optional: what was done (who was called, what was agreed)")};
	(void)panel_show_dialog(ctx, dialog_form_new(title, &f, 1, done_submit, NULL, p));
	return PANEL_HANDLED | PANEL_REDRAW;
}

static int incidents_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct incidents_panel *p = self;
	switch (ev->action) {
	case ACT_INCIDENT_ADD:
		return add_incident(p, ctx);
	case ACT_ALARM_CANCELLED:
		return cancelled(p, ctx);
	case ACT_FOLLOWUP_DONE:
		return followup_done(p, ctx);
	default:
		break;
	}
	size_t n = nrows(p, ctx->now);
	if (draw_list_key(&p->list, ev->action, n))
		return PANEL_HANDLED | PANEL_REDRAW;
	if (ev->action != ACT_SELECT && ev->action != ACT_DETAILS)
		return PANEL_IGNORED;
	const struct alarm *a = alarm_row(p, ctx->now, p->list.sel);
	const struct incident_due_row *d = due_row(p, ctx->now, p->list.sel);
	if (a) {
		char hm[6];
		dates_local_hm(a->raised_at, hm);
		ctx->message(ctx, _("Alarm %lld at %s, raised %s by %s: %s registers what happened"),
			     (long long)a->id, a->location, hm, a->raised_by,
			     keys_key_name(ACT_INCIDENT_ADD));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	if (!d) {
		ctx->message(ctx, _("%s registers an incident: category, channel and one line"),
			     keys_key_name(ACT_INCIDENT_ADD));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	return open_details(p, ctx, d->incident_id);
}

/* The countdown runs by the clock, and alarms leave after an hour: redraw every second
 * while a false alarm waits, re-measure when what is shown changes. */
static int incidents_tick(void *self, struct panel_ctx *ctx)
{
	struct incidents_panel *p = self;
	size_t na = nrecent(p, ctx->now);
	bool counting = false;
	unsigned sig = (unsigned)na;
	for (size_t i = 0; i < na; i++) {
		const struct alarm *a = recent_at(p, ctx->now, i);
		enum policy_cancel c = policy_false_alarm_cancel(a->raised_at, a->cancelled_at,
								 ctx->now, NULL);
		counting |= a->outcome == ALARM_FALSE && c == POLICY_CANCEL_DUE;
		sig = sig * 31u + (unsigned)c + 1u;
	}
	if (sig != p->signature) {
		p->signature = sig;
		return PANEL_RELAYOUT | PANEL_REDRAW;
	}
	return counting ? PANEL_REDRAW : 0;
}

static int incidents_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	struct incidents_panel *p = self;
	(void)x;
	(void)draw_list_at(&p->list, y, 1, nrows(p, ctx->now), &p->list.sel);
	return PANEL_HANDLED | PANEL_REDRAW;
}

const struct panel_ops panel_incidents_ops =
	PANEL_OPS(incidents, .changes = CHANGE_ALARMS | CHANGE_INCIDENTS,
		  .tick = incidents_tick, .notices = incidents_notices);
