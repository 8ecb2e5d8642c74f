/* panel_visits — the home-visit back-up board (achterwacht): who is out where, with whom,
 * until when and on which mobile; overdue visits in words, colour and on every console's
 * notice strip until someone records the return. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/notices.h"
#include "ui/panel.h"
#include "ui/theme.h"

#define LINES_PER_VISIT 2

struct visits_panel {
	struct visit *v;          /* the visits still out, first deadline first */
	size_t n;
	struct draw_list list;    /* selection and scrolling, rows counted in visits */
	int64_t selected_id;      /* keeps the selection on the same visit across reloads */
	bool loaded;
	unsigned signature;       /* of the states at the last tick: redraw when it changes */
	/* The visit a "back" form is about, copied: a reload may come before the answer. */
	int64_t pending_id;
	char pending_employee[VISIT_TEXT_MAX];
};

static void visits_destroy(void *self)
{
	struct visits_panel *p = self;
	free(p->v);
}

static int visits_reload(void *self, struct panel_ctx *ctx)
{
	struct visits_panel *p = self;
	struct visit *list = NULL;
	size_t n = 0;
	if (client_visit_list(ctx->client, false, &list, &n) != STORE_OK) {
		/* Keep the last list on screen: an overdue visit must not vanish on a hiccup. */
		ctx->message(ctx, _("Home visits could not be read: %s"), client_error(ctx->client));
		return -1;
	}
	free(p->v);
	p->v = list;
	p->n = n;
	p->loaded = true;
	p->list.sel = 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == p->selected_id)
			p->list.sel = i;
	p->selected_id = n ? list[p->list.sel].id : 0;
	return 0;
}

static enum visit_state state_of(const struct visit *v, time_t now)
{
	return visits_state(v->expected_back, v->call_at, v->back_at, now);
}

/* Local "HH:MM" today, else "DD-MM HH:MM". */
static void when_text(time_t t, time_t now, char out[24])
{
	char date[DATES_DATE_LEN], today[DATES_DATE_LEN], hm[6];
	dates_local_date(t, date);
	dates_local_date(now, today);
	dates_local_hm(t, hm);
	if (strcmp(date, today) == 0)
		snprintf(out, 24, "%s", hm);
	else
		snprintf(out, 24, "%.2s-%.2s %s", date + 8, date + 5, hm);
}

/* ---------------------------------------------------------------- drawing */

/* A title line while nobody is out (its note says so); at least one visit otherwise, at
 * best all of them. */
static void visits_size(void *self, struct panel_ctx *ctx, int cols, int *min, int *want)
{
	struct visits_panel *p = self;
	(void)ctx;
	(void)cols;
	*min = p->n ? 2 + LINES_PER_VISIT : 1;
	*want = 2 + (p->n ? (int)p->n * LINES_PER_VISIT : 1);
}

/* Two lines: state, employee and mobile; then address, client, return and call time. */
static void draw_visit(struct visits_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
		       int cols, size_t i, bool focused)
{
	const struct visit *v = &p->v[i];
	enum visit_state s = state_of(v, ctx->now);
	bool late = visits_overdue(s);
	attr_t attr = theme_attr(late ? THEME_ALARM_NEW : THEME_NORMAL);
	if (focused && i == p->list.sel)
		attr = theme_attr(THEME_SELECTED) | (late ? A_BOLD : 0);
	draw_fill(win, y, 1, cols, attr);
	draw_fill(win, y + 1, 1, cols, attr);
	const char *state = s == VISIT_OVERDUE ? _("!! OVERDUE")
			    : s == VISIT_CALL_DUE ? _("!! CALL DUE") : _("on a visit");
	char mobile[VISIT_TEXT_MAX + 32];
	snprintf(mobile, sizeof mobile, _("mobile %s"), v->mobile);
	int x = 1;
	x += draw_text(win, y, x, cols, state, attr | A_BOLD);
	x += 1;
	/* The mobile number is what reception needs most when it is late: it never gives way. */
	int mobile_w = draw_width(mobile);
	int name_w = cols - x - mobile_w - 1;
	if (name_w > 0)
		draw_text(win, y, x, name_w, v->employee, attr | A_BOLD);
	draw_text_right(win, y, cols + 1, cols, mobile, attr | (late ? A_BOLD : 0));
	char back[24], call[24], line[3 * VISIT_TEXT_MAX + 128];
	when_text(v->expected_back, ctx->now, back);
	if (v->call_at) {
		when_text(v->call_at, ctx->now, call);
		snprintf(line, sizeof line, _("back %s, call me at %s - %s (client %s)"), back, call,
			 v->address, v->client);
	} else {
		snprintf(line, sizeof line, _("back %s - %s (client %s)"), back, v->address,
			 v->client);
	}
	draw_text(win, y + 1, 4, cols - 3, line, attr);
}

static void visits_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct visits_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win) - 2;
	werase(win);
	size_t late = 0;
	for (size_t i = 0; i < p->n; i++)
		late += visits_overdue(state_of(&p->v[i], ctx->now));
	draw_frame(win, _("Home visits"), focused,
		   theme_attr(late ? THEME_ALARM_FRAME : THEME_NORMAL));
	p->list.rows = 0;
	if (lines < 3 || cols < 4) {
		/* a title line only: how many are out, and late */
		char note[96];
		if (p->n == 0)
			snprintf(note, sizeof note, "%s", _("nobody out"));
		else
			snprintf(note, sizeof note, _("%zu out, %zu overdue"), p->n, late);
		draw_frame_note(win, note, theme_attr(late ? THEME_ALARM_FRAME : THEME_DIM));
		return;
	}
	int y = 1, last = lines - 2;
	if (!p->loaded) {
		draw_text(win, y, 1, cols, _("reading..."), theme_attr(THEME_DIM));
		return;
	}
	if (late) {
		/* Replaced below by "overdue, more" when not every visit fits. */
		char note[64];
		snprintf(note, sizeof note, _("%zu overdue"), late);
		draw_frame_note(win, note, theme_attr(THEME_ALARM_FRAME));
	}
	if (p->n == 0) {
		char none[128];
		snprintf(none, sizeof none, _("Nobody out on a home visit (%s: record one)"),
			 keys_key_name(ACT_VISIT_OUT));
		draw_text(win, y, 1, cols, none, theme_attr(THEME_DIM));
		return;
	}
	int rows = (last - y + 1) / LINES_PER_VISIT;
	if (rows < 1) {
		/* One line only: say how many are out and late rather than half a visit. */
		char one[128];
		snprintf(one, sizeof one, _("%zu out, %zu overdue"), p->n, late);
		draw_text(win, y, 1, cols, one,
			  theme_attr(late ? THEME_ALARM_NEW : THEME_NORMAL));
		return;
	}
	draw_list_view(&p->list, p->n, y, rows);
	for (int r = 0; r < rows && p->list.top + (size_t)r < p->n; r++)
		draw_visit(p, ctx, win, y + r * LINES_PER_VISIT, cols, p->list.top + (size_t)r, focused);
	if (p->n > (size_t)rows) {
		char note[96];
		if (late)
			snprintf(note, sizeof note, _("%zu overdue, %zu more"), late,
				 p->n - (size_t)rows);
		else
			snprintf(note, sizeof note, _("%zu more"), p->n - (size_t)rows);
		draw_frame_note(win, note, theme_attr(late ? THEME_ALARM_FRAME : THEME_DIM));
	}
}

/* Every overdue visit, with its mobile number, on every console's strip. */
static void visits_notices(void *self, struct panel_ctx *ctx, struct notices *out)
{
	struct visits_panel *p = self;
	for (size_t i = 0; i < p->n; i++) {
		const struct visit *v = &p->v[i];
		enum visit_state s = state_of(v, ctx->now);
		if (!visits_overdue(s))
			continue;
		char when[24], text[3 * VISIT_TEXT_MAX + 128];
		if (s == VISIT_OVERDUE) {
			when_text(v->expected_back, ctx->now, when);
			snprintf(text, sizeof text,
				 _("Visit OVERDUE: %s, mobile %s, due back %s"), v->employee,
				 v->mobile, when);
		} else {
			when_text(v->call_at, ctx->now, when);
			snprintf(text, sizeof text,
				 _("Visit: %s has not called, mobile %s, call was due %s"),
				 v->employee, v->mobile, when);
		}
		(void)notices_add(out, NOTICE_VISIT, text); /* counted even when not stored */
	}
}

/* ---------------------------------------------------------------- forms */

enum { VF_EMPLOYEE, VF_ADDRESS, VF_CLIENT, VF_BACK, VF_MOBILE, VF_CALL, VF_RISK, VF_WITH,
       VF_COUNT };

/* Read a time field; 0, or -1 with the reason in err and the cursor on the field. */
static int form_time(struct dialog *d, size_t field, const char *label, time_t now,
		     time_t *out, char *err, size_t errsz)
{
	const char *s = dialog_form_value(d, field);
	switch (visits_parse_time(s, now, out)) {
	case VISITS_TIME_OK:
		return 0;
	case VISITS_TIME_NO_SUCH:
		snprintf(err, errsz, _("%s: %s does not exist (the clocks go forward then)"), label,
			 s);
		break;
	case VISITS_TIME_PAST:
		snprintf(err, errsz, _("%s: %s is not in the future (give a date for another day: "
				       "\"YYYY-MM-DD HH:MM\")"), label, s);
		break;
	case VISITS_TIME_MALFORMED:
	default:
		snprintf(err, errsz, _("%s: \"%s\" is not a time (HH:MM or \"YYYY-MM-DD HH:MM\")"),
			 label, s);
		break;
	}
	dialog_form_focus(d, field);
	return -1;
}

static int out_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
		      size_t errsz)
{
	(void)arg;
	struct visit v;
	memset(&v, 0, sizeof v);
	char *text[] = {v.employee, v.address, v.client};
	for (size_t i = 0; i < 3; i++)
		snprintf(text[i], VISIT_TEXT_MAX, "%s", dialog_form_value(d, i));
	if (form_time(d, VF_BACK, _("Back at"), ctx->now, &v.expected_back, err, errsz) != 0)
		return -1;
	snprintf(v.mobile, sizeof v.mobile, "%s", dialog_form_value(d, VF_MOBILE));
	if (*dialog_form_value(d, VF_CALL) &&
	    form_time(d, VF_CALL, _("Call me at"), ctx->now, &v.call_at, err, errsz) != 0)
		return -1;
	if (v.call_at > v.expected_back)
		return dialog_form_refuse(d, VF_CALL, err, errsz, "%s",
					  _("Call me at: after the expected return"));
	/* Issue 13: the risk assessed beforehand; two go when it is raised, or when the
	 * service finds the client on the ban list (it refuses then without a colleague). */
	if (visits_risk_parse(dialog_form_value(d, VF_RISK), &v.risk) != 0)
		return dialog_form_refuse(d, VF_RISK, err, errsz, "%s",
					  _("Risk: normal or raised (assessed beforehand)"));
	snprintf(v.companion, sizeof v.companion, "%s", dialog_form_value(d, VF_WITH));
	if (visits_companion_required(v.risk, false) && !v.companion[0])
		return dialog_form_refuse(d, VF_WITH, err, errsz, "%s",
					  _("With: the risk is raised; two go together"));
	int64_t id = 0;
	struct appts_ban_mark m;
	enum store_status r = client_visit_out(ctx->client, &v, &id, &m);
	switch (r) {
	case STORE_OK:
		if (m.verdict == NAMES_MATCH)
			ctx->message(ctx, _("Home visit of %s recorded (number %lld); the client is "
					    "on the ban list: two go together"), v.employee,
				     (long long)id);
		else
			ctx->message(ctx, _("Home visit of %s recorded (number %lld)"), v.employee,
				     (long long)id);
		return 0;
	default:
		return panel_form_failed(ctx, r, err, errsz);
	}
}

static int open_out(struct visits_panel *p, struct panel_ctx *ctx)
{
	struct dialog_field f[VF_COUNT] = {
		{_("Employee"), "", 30, VISIT_TEXT_MAX - 1, _("Who goes out")},
		{_("Address"), "", 40, VISIT_TEXT_MAX - 1, _("Where the visit is")},
		{_("Client"), "", 30, VISIT_TEXT_MAX - 1, _("Whom the visit is with")},
		{_("Back at"), "", 16, 16, _("Expected return: HH:MM today, or \"YYYY-MM-DD HH:MM\"")},
		{_("Mobile"), "", 20, VISIT_TEXT_MAX - 1, _("The number reception calls when late")},
		{_("Call me at"), "", 16, 16,
		 _("Optional: reception expects a call by then (HH:MM)")},
		{_("Risk"), "", 8, 8, _("Assessed beforehand: normal or raised")},
		{_("With"), "", 30, VISIT_TEXT_MAX - 1,
		 _("The colleague who goes along (required when the risk is raised)")},
	};
	struct dialog *d = dialog_form_new(_("Home visit out"), f, VF_COUNT, out_submit, NULL, p);
	static const size_t required[] = {VF_EMPLOYEE, VF_ADDRESS, VF_CLIENT, VF_MOBILE};
	for (size_t i = 0; i < sizeof required / sizeof *required; i++)
		dialog_form_require(d, required[i]);
	(void)panel_show_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

static int back_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
		       size_t errsz)
{
	struct visits_panel *p = arg;
	enum store_status r = client_visit_back(ctx->client, p->pending_id, dialog_form_value(d, 0));
	switch (r) {
	case STORE_OK:
		ctx->message(ctx, _("%s is back: recorded"), p->pending_employee);
		return 0;
	case STORE_CONFLICT:
	case STORE_NOT_FOUND:
		ctx->message(ctx, _("The return of %s was already recorded by someone else"),
			     p->pending_employee);
		return 0;
	default:
		return panel_form_failed(ctx, r, err, errsz);
	}
}

static int open_back(struct visits_panel *p, struct panel_ctx *ctx)
{
	if (p->n == 0 || p->list.sel >= p->n) {
		ctx->message(ctx, "%s", _("Nobody is out on a home visit"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	const struct visit *v = &p->v[p->list.sel];
	p->pending_id = v->id;
	snprintf(p->pending_employee, sizeof p->pending_employee, "%s", v->employee);
	char title[2 * VISIT_TEXT_MAX + 64];
	snprintf(title, sizeof title, _("Back from the visit: %s (%s)"), v->employee, v->address);
	struct dialog_field f = {_("Outcome"), "", 40, VISIT_OUTCOME_MAX - 1,
				 _("How it went; anything colleagues should know")};
	struct dialog *d = dialog_form_new(title, &f, 1, back_submit, NULL, p);
	(void)panel_show_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

/* ---------------------------------------------------------------- keys */

static int visits_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct visits_panel *p = self;
	switch (ev->action) {
	case ACT_VISIT_OUT:
		return open_out(p, ctx);
	case ACT_VISIT_BACK:
		return open_back(p, ctx);
	default:
		break;
	}
	if (p->n == 0)
		return PANEL_IGNORED;
	if (draw_list_key(&p->list, ev->action, p->n)) {
		p->selected_id = p->v[p->list.sel].id;
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	switch (ev->action) {
	case ACT_SELECT:
	case ACT_DETAILS: {
		const struct visit *v = &p->v[p->list.sel];
		char left[24];
		when_text(v->leaves_at, ctx->now, left);
		ctx->message(ctx, _("Visit %lld: %s left %s for %s (client %s), recorded by %s; "
				    "mobile %s"), (long long)v->id, v->employee, left, v->address,
			     v->client, v->recorded_by, v->mobile);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	default:
		return PANEL_IGNORED;
	}
}

/* A visit turns overdue by the clock alone: redraw (and re-measure) when a state changes. */
static int visits_tick(void *self, struct panel_ctx *ctx)
{
	struct visits_panel *p = self;
	unsigned sig = 0;
	for (size_t i = 0; i < p->n; i++)
		sig = sig * 31u + (unsigned)state_of(&p->v[i], ctx->now) + 1u;
	if (sig == p->signature)
		return 0;
	p->signature = sig;
	return PANEL_RELAYOUT | PANEL_REDRAW;
}

static int visits_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	struct visits_panel *p = self;
	(void)ctx;
	(void)x;
	if (draw_list_at(&p->list, y, LINES_PER_VISIT, p->n, &p->list.sel))
		p->selected_id = p->v[p->list.sel].id;
	return PANEL_HANDLED | PANEL_REDRAW;
}

const struct panel_ops panel_visits_ops =
	PANEL_OPS(visits, .changes = CHANGE_VISITS, .tick = visits_tick,
		  .notices = visits_notices);
