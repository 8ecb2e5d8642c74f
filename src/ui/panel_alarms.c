/* panel_alarms — the porters' alarm queue, full width at the top: one quiet line when all
 * is calm, a growing red block while alarms are open; signals new alarms until acknowledged. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "core/dates.h"
#include "core/roles.h"
#include "i18n.h"
#include "store/alarms.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/panel.h"
#include "ui/theme.h"

/* What the panel remembers per alarm id between reloads: when it last signalled. */
struct signalled {
	int64_t id;
	long long last_ms;   /* clock_mono_ms() of the last beep for it */
};

struct alarms_panel {
	struct alarm *alarms;     /* open alarms: unacknowledged first, then oldest first */
	size_t n;
	size_t selected;
	int64_t selected_id;      /* keeps the selection on the same alarm across reloads */
	int visible;              /* rows shown at the last draw (for the selection) */
	int first_row;            /* window row of the first alarm at the last draw */
	struct signalled *sig;    /* one per unacknowledged alarm */
	size_t nsig;
	bool loaded;
	bool focused;             /* at the last draw: the selection is visible */
	/* The alarm a confirmation dialog is about. */
	int64_t pending_id;
	enum alarm_outcome pending_outcome;
	char pending_location[ALARM_TEXT_MAX];
	const char **points;      /* alarm points offered by the pick list */
	size_t npoints;
};

static void *alarms_create(struct panel_ctx *ctx)
{
	(void)ctx;
	return calloc(1, sizeof(struct alarms_panel));
}

static void alarms_destroy(void *self)
{
	struct alarms_panel *p = self;
	if (!p)
		return;
	free(p->alarms);
	free(p->sig);
	free(p->points);
	free(p);
}

/* New alarms first: they need someone to answer; within a group the oldest first. */
static int alarm_order(const void *a, const void *b)
{
	const struct alarm *x = a, *y = b;
	bool xa = x->acked_at != 0, ya = y->acked_at != 0;
	if (xa != ya)
		return xa ? 1 : -1;
	if (x->raised_at != y->raised_at)
		return x->raised_at < y->raised_at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static struct signalled *find_sig(struct alarms_panel *p, int64_t id)
{
	for (size_t i = 0; i < p->nsig; i++)
		if (p->sig[i].id == id)
			return &p->sig[i];
	return NULL;
}

static int alarms_reload(void *self, struct panel_ctx *ctx)
{
	struct alarms_panel *p = self;
	struct alarm *list = NULL;
	size_t n = 0;
	enum store_status r = store_alarm_list(ctx->store, 1, 0, &list, &n);
	if (r != STORE_OK) {
		ctx->message(ctx, _("Alarms could not be read: %s"), store_error(ctx->store));
		return -1;
	}
	if (n > 1)
		qsort(list, n, sizeof *list, alarm_order);

	/* Signal every unacknowledged alarm this console has not signalled yet; keep the
	 * re-signal clock of the ones it has. */
	struct signalled *sig = n ? calloc(n, sizeof *sig) : NULL;
	if (n && !sig) {
		free(list);
		ctx->message(ctx, "%s", _("Out of memory"));
		return -1;
	}
	size_t nsig = 0;
	bool fresh = false;
	long long t = clock_mono_ms();
	for (size_t i = 0; i < n; i++) {
		if (list[i].acked_at != 0)
			continue;
		struct signalled *old = find_sig(p, list[i].id);
		sig[nsig].id = list[i].id;
		if (old) {
			sig[nsig].last_ms = old->last_ms;
		} else {
			sig[nsig].last_ms = t;
			fresh = true;
		}
		nsig++;
	}
	free(p->sig);
	p->sig = sig;
	p->nsig = nsig;
	free(p->alarms);
	p->alarms = list;
	p->n = n;
	p->loaded = true;

	p->selected = 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == p->selected_id)
			p->selected = i;
	p->selected_id = n ? list[p->selected].id : 0;
	if (fresh)
		ctx->signal(ctx);
	return 0;
}

/* Rows for the alarms themselves plus frame and protocol line, or 1 when quiet. */
static int alarms_wanted_lines(void *self, struct panel_ctx *ctx, int cols)
{
	struct alarms_panel *p = self;
	(void)cols;
	(void)ctx;
	if (p->n == 0)
		return 1;
	return (int)p->n + 3;
}

static void format_age(time_t now, time_t then, char *out, size_t outsz)
{
	long s = (long)(now - then);
	if (s < 0)
		s = 0;
	if (s < 60)
		snprintf(out, outsz, _("%ld s ago"), s);
	else if (s < 3600)
		snprintf(out, outsz, _("%ld min ago"), s / 60);
	else
		snprintf(out, outsz, _("%ld h %02ld min ago"), s / 3600, (s % 3600) / 60);
}

/* One alarm row: marker and state in words (never colour alone), location, kind, age. */
static void draw_alarm(struct alarms_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
		       size_t i, bool focused)
{
	const struct alarm *a = &p->alarms[i];
	int cols = getmaxx(win) - 2;
	bool acked = a->acked_at != 0;
	attr_t attr = theme_attr(acked ? THEME_ALARM_ACKED : THEME_ALARM_NEW);
	/* A new alarm flashes until someone acknowledges it. */
	if (!acked)
		attr |= A_BLINK;
	if (focused && i == p->selected)
		attr = theme_attr(THEME_SELECTED) | A_BOLD;
	draw_fill(win, y, 1, cols, attr);

	char state[ALARM_TEXT_MAX + 64];
	if (acked)
		snprintf(state, sizeof state, _("ON THE WAY - %s"), a->acked_by);
	else
		snprintf(state, sizeof state, "%s", _("NEW"));
	char age[64];
	format_age(ctx->now, a->raised_at, age, sizeof age);
	char hm[6];
	dates_local_hm(a->raised_at, hm);

	int state_w = cols >= 100 ? 30 : cols / 4 + 4;
	int age_w = 16;
	int kind_w = 10;
	int x = 1;
	x += draw_text(win, y, x, 4, acked ? ">> " : "!! ", attr);
	draw_text(win, y, x, state_w - 1, state, attr);
	x += state_w;
	int loc_w = cols - x - kind_w - age_w - 7;
	if (loc_w < 8)
		loc_w = 8;
	draw_text(win, y, x, loc_w, a->location, attr | A_BOLD);
	x += loc_w + 1;
	draw_text(win, y, x, kind_w, store_alarm_kind_name(a->kind), attr);
	x += kind_w + 1;
	char when[96];
	snprintf(when, sizeof when, "%s %s", hm, age);
	draw_text_right(win, y, cols + 1, cols + 1 - x, when, attr);
}

static void alarms_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct alarms_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win);
	p->focused = focused;
	werase(win);
	if (p->n == 0) {
		attr_t attr = theme_attr(focused ? THEME_TITLE_FOCUS : THEME_ALARM_QUIET);
		draw_fill(win, 0, 0, cols, attr);
		int x = draw_text(win, 0, 1, -1, _("ALARMS"), attr | A_BOLD);
		char quiet[256];
		snprintf(quiet, sizeof quiet, _("  none active - %s raise alarm"),
			 keys_key_name(ACT_RAISE_ALARM));
		draw_text(win, 0, 1 + x, -1, p->loaded ? quiet : _("  reading..."), attr);
		p->visible = 0;
		return;
	}
	attr_t frame = theme_attr(THEME_ALARM_FRAME);
	char title[128];
	size_t nnew = 0;
	for (size_t i = 0; i < p->n; i++)
		nnew += p->alarms[i].acked_at == 0;
	snprintf(title, sizeof title, _("ALARMS: %zu active, %zu new"), p->n, nnew);
	draw_frame(win, title, focused, frame);

	int inner = lines - 2;
	bool protocol = inner > (int)p->n;
	int rows = inner - (protocol ? 1 : 0);
	if (rows < (int)p->n) {
		/* Keep the last row for the count, so no open alarm is silently out of sight. */
		rows = inner > 1 ? inner - 1 : inner;
		protocol = false;
	}
	if (rows > (int)p->n)
		rows = (int)p->n;
	if (rows < 0)
		rows = 0;
	p->visible = rows;
	p->first_row = 1;
	if (p->selected >= (size_t)rows && rows > 0)
		p->selected = (size_t)rows - 1;
	for (int r = 0; r < rows; r++)
		draw_alarm(p, ctx, win, 1 + r, (size_t)r, focused);
	if ((size_t)rows < p->n) {
		char more[128];
		snprintf(more, sizeof more, _("+ %zu more open alarms (shown when the ones above are handled)"),
			 p->n - (size_t)rows);
		draw_fill(win, 1 + rows, 1, cols - 2, theme_attr(THEME_ALARM_NEW));
		draw_text(win, 1 + rows, 2, cols - 4, more, theme_attr(THEME_ALARM_NEW));
		char note[64];
		snprintf(note, sizeof note, _("%zu more"), p->n - (size_t)rows);
		draw_frame_note(win, note, frame);
	} else if (protocol) {
		draw_text(win, 1 + rows, 2, cols - 4, config_protocol(ctx->config, PROTOCOL_ALARM),
			  theme_attr(THEME_MESSAGE));
	}
}

/* The alarm a key acts on: the highlighted one, or, when the operator presses the key in
 * another panel and sees no highlight, the first (the oldest unacknowledged). */
static struct alarm *selected_alarm(struct alarms_panel *p)
{
	if (!p->n)
		return NULL;
	if (!p->focused)
		return &p->alarms[0];
	return &p->alarms[p->selected < p->n ? p->selected : 0];
}

/* Tell the operator how a write went; done is the message for success. */
static int report(struct panel_ctx *ctx, enum store_status r, const char *done,
		  const char *location)
{
	switch (r) {
	case STORE_OK:
		ctx->message(ctx, "%s", done);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case STORE_CONFLICT:
		ctx->message(ctx, _("The alarm at %s was already closed by someone else"), location);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case STORE_NOT_FOUND:
		ctx->message(ctx, _("The alarm at %s no longer exists"), location);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case STORE_BUSY:
		ctx->message(ctx, "%s", _("The database is busy; try again"));
		return PANEL_HANDLED | PANEL_REDRAW;
	case STORE_INVALID:
	case STORE_ERROR:
	default:
		ctx->message(ctx, _("The alarm could not be saved: %s"), store_error(ctx->store));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
}

static void close_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct alarms_panel *p = arg;
	(void)d;
	if (!ok || !p->pending_id)
		return;
	enum store_status r = store_alarm_close(ctx->store, p->pending_id, p->pending_outcome);
	char done[ALARM_TEXT_MAX + 128];
	if (p->pending_outcome == ALARM_FALSE)
		snprintf(done, sizeof done, _("Alarm at %s marked as false alarm"), p->pending_location);
	else
		snprintf(done, sizeof done, _("Alarm at %s resolved"), p->pending_location);
	(void)report(ctx, r, done, p->pending_location);
	p->pending_id = 0;
}

static void raise_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct alarms_panel *p = arg;
	if (!ok)
		return;
	size_t i = dialog_pick_choice(d);
	if (i >= p->npoints)
		return;
	int64_t id;
	enum store_status r = store_alarm_raise(ctx->store, p->points[i], ALARM_PANIC, &id);
	if (r == STORE_OK)
		ctx->message(ctx, _("Alarm raised at %s"), p->points[i]);
	else
		ctx->message(ctx, _("The alarm at %s could not be raised: %s"), p->points[i],
			     store_error(ctx->store));
}

/* Offer the alarm points of this building (every building's when it has none). */
static int open_raise(struct alarms_panel *p, struct panel_ctx *ctx)
{
	if (!roles_may(ctx->role, PERM_RAISE_ALARM)) {
		ctx->message(ctx, _("Your role (%s) may not raise alarms"), roles_label(ctx->role));
		panel_denied(ctx, "alarm.raise");
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	const struct config *c = ctx->config;
	const struct config_building *here = config_building_here(c);
	size_t n = 0;
	if (here && here->nalarm_points)
		n = here->nalarm_points;
	else
		for (size_t b = 0; b < c->nbuildings; b++)
			n += c->buildings[b].nalarm_points;
	if (n == 0) {
		ctx->message(ctx, "%s", _("No alarm points are configured (alarm_points in balie.conf)"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	const char **points = calloc(n, sizeof *points);
	if (!points) {
		ctx->message(ctx, "%s", _("Out of memory"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	size_t k = 0;
	if (here && here->nalarm_points) {
		for (size_t i = 0; i < here->nalarm_points; i++)
			points[k++] = here->alarm_points[i];
	} else {
		for (size_t b = 0; b < c->nbuildings; b++)
			for (size_t i = 0; i < c->buildings[b].nalarm_points; i++)
				points[k++] = c->buildings[b].alarm_points[i];
	}
	free(p->points);
	p->points = points;
	p->npoints = n;
	struct dialog *d = dialog_pick_new(_("Raise alarm at"), points, n, raise_done, p);
	if (!d) {
		ctx->message(ctx, "%s", _("Out of memory"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	ctx->open_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

static int handle_alarm(struct alarms_panel *p, struct panel_ctx *ctx, enum action act)
{
	if (!roles_may(ctx->role, PERM_HANDLE_ALARM)) {
		ctx->message(ctx, _("Only porters and managers handle alarms (your role: %s)"),
			     roles_label(ctx->role));
		panel_denied(ctx, "alarm.handle");
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	struct alarm *a = selected_alarm(p);
	if (!a) {
		ctx->message(ctx, "%s", _("There is no open alarm"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	if (act == ACT_ACK) {
		if (a->acked_at != 0 && strcmp(a->acked_by, store_actor(ctx->store)) != 0) {
			ctx->message(ctx, _("%s is already on the way to %s"), a->acked_by, a->location);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		char done[ALARM_TEXT_MAX + 64];
		snprintf(done, sizeof done, _("On the way to %s"), a->location);
		return report(ctx, store_alarm_ack(ctx->store, a->id), done, a->location);
	}
	p->pending_id = a->id;
	p->pending_outcome = act == ACT_FALSE_ALARM ? ALARM_FALSE : ALARM_RESOLVED;
	snprintf(p->pending_location, sizeof p->pending_location, "%s", a->location);
	char question[ALARM_TEXT_MAX + 128];
	snprintf(question, sizeof question,
		 act == ACT_FALSE_ALARM ? _("Mark the alarm at %s as a false alarm?")
					: _("Mark the alarm at %s as resolved?"),
		 a->location);
	struct dialog *d = dialog_confirm_new(act == ACT_FALSE_ALARM ? _("False alarm")
								     : _("Resolve alarm"),
					      question, close_done, p);
	if (!d) {
		ctx->message(ctx, "%s", _("Out of memory"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	ctx->open_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

static void select_row(struct alarms_panel *p, size_t i)
{
	if (i < p->n) {
		p->selected = i;
		p->selected_id = p->alarms[i].id;
	}
}

static int alarms_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct alarms_panel *p = self;
	size_t last = p->visible > 0 ? (size_t)p->visible - 1 : 0;
	switch (ev->action) {
	case ACT_UP:
		if (p->selected > 0)
			select_row(p, p->selected - 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_DOWN:
		if (p->selected < last)
			select_row(p, p->selected + 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_HOME:
	case ACT_PAGE_UP:
		select_row(p, 0);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_END:
	case ACT_PAGE_DOWN:
		select_row(p, last);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_SELECT: {
		struct alarm *a = selected_alarm(p);
		if (!a)
			return PANEL_IGNORED;
		char hm[6], ack[6] = "";
		dates_local_hm(a->raised_at, hm);
		if (a->acked_at)
			dates_local_hm(a->acked_at, ack);
		if (a->acked_at)
			ctx->message(ctx, _("Alarm %lld at %s: raised %s by %s; %s on the way since %s"),
				     (long long)a->id, a->location, hm, a->raised_by, a->acked_by, ack);
		else
			ctx->message(ctx, _("Alarm %lld at %s: raised %s by %s; nobody on the way yet"),
				     (long long)a->id, a->location, hm, a->raised_by);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	case ACT_RAISE_ALARM:
		return open_raise(p, ctx);
	case ACT_ACK:
	case ACT_RESOLVE:
	case ACT_FALSE_ALARM:
		return handle_alarm(p, ctx, ev->action);
	default:
		return PANEL_IGNORED;
	}
}

static bool alarms_text_mode(void *self)
{
	(void)self;
	return false;
}

/* Re-signal unacknowledged alarms every realarm_seconds until someone answers. */
static int alarms_tick(void *self, struct panel_ctx *ctx)
{
	struct alarms_panel *p = self;
	int every = ctx->config->realarm_seconds > 0 ? ctx->config->realarm_seconds : 30;
	long long t = clock_mono_ms();
	bool due = false;
	for (size_t i = 0; i < p->nsig; i++) {
		if (t - p->sig[i].last_ms >= (long long)every * 1000) {
			p->sig[i].last_ms = t;
			due = true;
		}
	}
	if (due)
		ctx->signal(ctx);
	/* The "how long ago" column changes every second while alarms are open. */
	return p->n ? PANEL_REDRAW : 0;
}

static int alarms_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	struct alarms_panel *p = self;
	(void)ctx;
	(void)x;
	int row = y - p->first_row;
	if (p->n && row >= 0 && row < p->visible)
		select_row(p, (size_t)row);
	return PANEL_HANDLED | PANEL_REDRAW;
}

const struct panel_ops panel_alarms_ops = {
	.name = "alarms",
	.create = alarms_create,
	.destroy = alarms_destroy,
	.reload = alarms_reload,
	.wanted_lines = alarms_wanted_lines,
	.draw = alarms_draw,
	.handle = alarms_handle,
	.text_mode = alarms_text_mode,
	.tick = alarms_tick,
	.click = alarms_click,
};
