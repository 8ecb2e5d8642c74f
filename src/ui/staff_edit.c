/* staff_edit — what the staffing panel writes: check in and out (a check-in left open closed
 * as of a time, with a note), the evening roster of the coming week, and a manager's
 * "nobody of the support team reachable" record for a short period (or its withdrawal). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/dialog.h"
#include "ui/panel.h"
#include "ui/staff.h"

static int report_failure(struct panel_ctx *ctx, enum store_status r, const char *what)
{
	if (r == STORE_BUSY)
		ctx->message(ctx, "%s", _("The database is busy; try again"));
	else
		ctx->message(ctx, "%s: %s", what, client_error(ctx->client));
	return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
}

static const struct staff_member *selected_member(struct staff_panel *p,
						  struct panel_ctx *ctx)
{
	if (p->n == 0 || p->list.sel >= p->n) {
		ctx->message(ctx, "%s", _("No staff registered (balie staff add)"));
		return NULL;
	}
	return &p->members[p->list.sel];
}

enum { OUT_AT, OUT_NOTE, OUT_FIELDS };

static int out_at_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			 size_t errsz)
{
	struct staff_panel *p = arg;
	char date[DATES_DATE_LEN];
	dates_local_date(p->pending_since, date);
	const char *at_s = dialog_form_value(d, OUT_AT), *note = dialog_form_value(d, OUT_NOTE);
	time_t at;
	if (dates_read_local(at_s, date, &at) != DATES_LOCAL_OK)
		return dialog_form_refuse(d, OUT_AT, err, errsz, _("Checked out at: \"%s\" is not a "
								  "time (HH:MM or \"YYYY-MM-DD "
								  "HH:MM\")"), at_s);
	if (!*note)
		return dialog_form_refuse(d, OUT_NOTE, err, errsz, "%s", _("Note: say why and who closed it"));
	enum store_status r = client_staff_out_at(ctx->client, p->pending_name, at, note);
	switch (r) {
	case STORE_OK:
		ctx->message(ctx, _("%s checked out (as of %s)"), p->pending_name, at_s);
		return 0;
	case STORE_INVALID:
		snprintf(err, errsz, "%s", client_error(ctx->client));
		return -1;
	case STORE_CONFLICT:
		ctx->message(ctx, _("%s is not in"), p->pending_name);
		return 0;
	default:
		(void)report_failure(ctx, r, _("The check-out could not be saved"));
		return 0;
	}
}

/* A check-in left open after closing or from an earlier day: closed as of a time, with a
 * note, never silently. The form offers the end of that day's opening hours. */
static int open_out_at(struct staff_panel *p, struct panel_ctx *ctx,
		       const struct staff_member *m)
{
	const struct config_building *b = staff_building(ctx);
	char date[DATES_DATE_LEN], value[32] = "";
	dates_local_date(m->since, date);
	struct policy_slot s[POLICY_MAX_PERIODS];
	int k = b ? policy_day_slots(&b->hours, &b->exceptions, date, s) : 0;
	time_t closing = 0;
	for (int i = 0; i < k; i++)
		if (s[i].ends > closing)
			closing = s[i].ends;
	if (closing > m->since && closing <= ctx->now) {
		char cd[DATES_DATE_LEN], hm[6];
		dates_local_date(closing, cd);
		dates_local_hm(closing, hm);
		snprintf(value, sizeof value, "%s %s", cd, hm);
	}
	snprintf(p->pending_name, sizeof p->pending_name, "%s", m->name);
	p->pending_since = m->since;
	char title[STAFF_TEXT_MAX + 64], since[6];
	dates_local_hm(m->since, since);
	snprintf(title, sizeof title, _("Close the check-in of %s (%s %s)"), m->name, date, since);
	struct dialog_field f[OUT_FIELDS] = {
		{_("Checked out at"), value, 16, 16,
		 _("HH:MM on the day of the check-in, or \"YYYY-MM-DD HH:MM\"")},
		{_("Note"), "", 40, STAFF_NOTE_MAX - 1,
		 _("Why the checkout was missing and who closes it")},
	};
	struct dialog *d = dialog_form_new(title, f, OUT_FIELDS, out_at_submit, NULL, p);
	(void)panel_show_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

int staff_check(struct staff_panel *p, struct panel_ctx *ctx, bool in)
{
	if (!panel_may(ctx, PERM_STAFFING, "staff.presence"))
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct staff_member *m = selected_member(p, ctx);
	if (!m)
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct config_building *b = staff_building(ctx);
	if (!in && m->present && b &&
	    policy_presence_check(&b->hours, &b->exceptions, m->since, ctx->now) != PRESENCE_OK)
		return open_out_at(p, ctx, m);
	enum store_status r = in ? client_staff_in(ctx->client, m->name)
				 : client_staff_out(ctx->client, m->name);
	switch (r) {
	case STORE_OK:
		ctx->message(ctx, in ? _("%s checked in") : _("%s checked out"), m->name);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case STORE_CONFLICT:
		ctx->message(ctx, in ? _("%s is already in") : _("%s is not in"), m->name);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case STORE_BUSY:
		ctx->message(ctx, "%s", _("The database is busy; try again"));
		return PANEL_HANDLED | PANEL_REDRAW;
	default:
		ctx->message(ctx, _("%s could not be checked in or out: %s"), m->name,
			     client_error(ctx->client));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
}

static void roster_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct staff_panel *p = arg;
	if (!ok)
		return;
	unsigned bits = dialog_checklist_bits(d);
	/* Only what the operator changed: a colleague may have edited other dates meanwhile. */
	unsigned changed = bits ^ p->pending_bits;
	int count = 0;
	for (size_t i = 0; i < p->npending_dates; i++) {
		if (!((changed >> i) & 1u))
			continue;
		enum store_status r = client_staff_roster(ctx->client, p->pending_name,
							 p->pending_dates[i], (bits >> i) & 1u);
		if (r != STORE_OK) {
			(void)report_failure(ctx, r, _("The roster could not be saved"));
			return;
		}
		count++;
	}
	if (count)
		ctx->message(ctx, _("Evening roster of %s saved (%d changed)"), p->pending_name,
			     count);
	else
		ctx->message(ctx, _("Evening roster of %s unchanged"), p->pending_name);
}

/* Tick the evening openings of the coming week the selected member works. */
int staff_open_roster(struct staff_panel *p, struct panel_ctx *ctx)
{
	if (!panel_may(ctx, PERM_STAFFING, "staff.roster"))
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct staff_member *m = selected_member(p, ctx);
	if (!m)
		return PANEL_HANDLED | PANEL_REDRAW;
	struct staff_view v;
	staff_compute(p, ctx, &v);
	char labels[CHECKLIST_MAX][96];
	const char *items[CHECKLIST_MAX];
	size_t n = 0;
	unsigned bits = 0;
	for (size_t i = 0; i < v.nev && n < CHECKLIST_MAX; i++) {
		const struct slot_view *s = &v.ev[i];
		/* The roster is kept per date: one line for a date's evening periods. */
		if (n && strcmp(p->pending_dates[n - 1], s->slot.date) == 0)
			continue;
		snprintf(p->pending_dates[n], sizeof p->pending_dates[n], "%s", s->slot.date);
		char when[64];
		staff_slot_label(&s->slot, when, sizeof when);
		snprintf(labels[n], sizeof labels[n], _("%s  (%d/%d scheduled)"), when, s->scheduled,
			 s->v.need);
		items[n] = labels[n];
		const struct roster_day *d = staff_roster_of(p, s->slot.date);
		for (size_t j = 0; d && j < d->n; j++)
			if (d->m[j].id == m->id && d->m[j].evening)
				bits |= 1u << n;
		n++;
	}
	if (n == 0) {
		ctx->message(ctx, "%s", _("Evening openings: none in the coming 7 days"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	p->npending_dates = n;
	p->pending_bits = bits;
	snprintf(p->pending_name, sizeof p->pending_name, "%s", m->name);
	char title[STAFF_TEXT_MAX + 64];
	snprintf(title, sizeof title, _("Evenings %s works"), m->name);
	struct dialog *d = dialog_checklist_new(title, items, n, bits, roster_done, p);
	(void)panel_show_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

static int unreach_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			  size_t errsz)
{
	struct staff_panel *p = arg;
	const char *note = dialog_form_value(d, 0);
	if (!*note) {
		snprintf(err, errsz, "%s", _("Note: who was tried, and that reception is informed"));
		return -1;
	}
	const struct config_building *b = staff_building(ctx);
	int64_t id = 0;
	enum store_status r = b ? client_staff_unreachable(ctx->client, b->id, p->chosen.date,
							  p->chosen.spec, note, &id)
				: STORE_INVALID;
	switch (r) {
	case STORE_OK:
		ctx->message(ctx, _("Recorded: nobody reachable (%s); every console now shows "
				    "police (112)"), p->chosen.label);
		return 0;
	case STORE_INVALID:
		snprintf(err, errsz, "%s", client_error(ctx->client));
		return -1;
	case STORE_CONFLICT:
		ctx->message(ctx, "%s", _("Already recorded for that period by someone else"));
		return 0;
	default:
		(void)report_failure(ctx, r, _("The record could not be saved"));
		return 0;
	}
}

static void withdraw_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct staff_panel *p = arg;
	(void)d;
	if (!ok)
		return;
	enum store_status r = client_staff_unreachable_withdraw(ctx->client, p->chosen.id);
	if (r == STORE_OK)
		ctx->message(ctx, "%s", _("\"Nobody reachable\" withdrawn"));
	else if (r == STORE_NOT_FOUND)
		ctx->message(ctx, "%s", _("That record was already withdrawn"));
	else
		(void)report_failure(ctx, r, _("The record could not be withdrawn"));
}

static void unreach_pick_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct staff_panel *p = arg;
	size_t i = dialog_pick_choice(d);
	if (!ok || i >= p->nchoices)
		return;
	p->chosen = p->choices[i];
	struct dialog *next;
	if (p->chosen.withdraw) {
		char q[512];
		snprintf(q, sizeof q, _("Withdraw \"nobody reachable\" for %s?"), p->chosen.label);
		next = dialog_confirm_new(_("Nobody reachable"), q, withdraw_done, p);
	} else {
		char title[400];
		snprintf(title, sizeof title, _("Nobody of the support team reachable: %s"),
			 p->chosen.label);
		struct dialog_field f = {_("Note"), "", 40, STAFF_NOTE_MAX - 1,
					 _("Who was tried, and that reception is informed")};
		next = dialog_form_new(title, &f, 1, unreach_submit, NULL, p);
	}
	(void)panel_show_dialog(ctx, next);
}

/* A manager records "nobody reachable, reception informed" for a short period (every
 * console then says police, 112), or withdraws such a record. */
int staff_open_unreachable(struct staff_panel *p, struct panel_ctx *ctx)
{
	if (ctx->role != ROLE_MANAGER && ctx->role != ROLE_HR) {
		ctx->message(ctx, _("Only a manager records \"nobody reachable\" (your role: %s)"),
			     roles_label(ctx->role));
		panel_denied(ctx, "staff.unreachable");
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	struct staff_view v;
	staff_compute(p, ctx, &v);
	const char *items[CHOICES_MAX];
	char lines[CHOICES_MAX][400]; /* copied by the dialog */
	size_t n = 0;
	for (size_t i = 0; i < p->nunr && n < CHOICES_MAX; i++) {
		const struct staff_unreachable *u = &p->unr[i];
		struct unreach_choice *c = &p->choices[n];
		memset(c, 0, sizeof *c);
		c->withdraw = true;
		c->id = u->id;
		snprintf(c->label, sizeof c->label, "%.2s-%.2s %s", u->date + 8, u->date + 5,
			 u->period);
		snprintf(lines[n], sizeof lines[n], _("Withdraw: %s (%s: %s)"), c->label,
			 u->recorded_by, u->note);
		items[n] = lines[n];
		n++;
	}
	for (size_t i = 0; i < v.nuniq && n < CHOICES_MAX; i++) {
		const struct slot_view *s = v.uniq[i];
		if (!staff_is_short(s->v.state) || s->rec)
			continue;
		struct unreach_choice *c = &p->choices[n];
		memset(c, 0, sizeof *c);
		snprintf(c->date, sizeof c->date, "%s", s->slot.date);
		snprintf(c->spec, sizeof c->spec, "%02u:%02u", (unsigned)s->slot.period.start / 60 % 100,
			 (unsigned)s->slot.period.start % 60);
		staff_slot_label(&s->slot, c->label, sizeof c->label);
		snprintf(lines[n], sizeof lines[n], _("Record for %s (support team %d/%d)"),
			 c->label, s->v.have, s->v.need);
		items[n] = lines[n];
		n++;
	}
	if (n == 0) {
		ctx->message(ctx, "%s",
			     _("No public period in the coming week is short of the support team"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	p->nchoices = n;
	struct dialog *d = dialog_pick_new(_("Nobody of the support team reachable"), items, n,
					   unreach_pick_done, p);
	(void)panel_show_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}
