/* panel_alarms — the porters' alarm queue, full width at the top: one quiet line when all
 * is calm, a red block while alarms are open (collapsed to the count and the newest when the
 * room is needed, the instruction always whole); signals new alarms until acknowledged;
 * raises an alarm at this desk's point with one chord. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/notices.h"
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
	char health[512];         /* why the database takes no writes ("" when it does) */
	/* The alarm a confirmation dialog is about. */
	int64_t pending_id;
	enum alarm_outcome pending_outcome;
	char pending_location[ALARM_TEXT_MAX];
	const char **points;      /* alarm points offered by the pick list */
	char (*labels)[ALARM_TEXT_MAX + 64]; /* "Balie 1 (panic)" per point */
	size_t npoints;
	char chosen[ALARM_TEXT_MAX]; /* the point picked for this desk in this session */
};

static const char *desk_point(struct alarms_panel *p, struct panel_ctx *ctx);

static void alarms_destroy(void *self)
{
	struct alarms_panel *p = self;
	free(p->alarms);
	free(p->sig);
	free(p->points);
	free(p->labels);
}

size_t panel_alarms_open(const void *self)
{
	const struct alarms_panel *p = self;
	return p ? p->n : 0;
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
	enum store_status r = client_alarm_list(ctx->client, 1, 0, &list, &n);
	if (r != STORE_OK) {
		ctx->message(ctx, _("Alarms could not be read: %s"), client_error(ctx->client));
		return -1;
	}
	/* Damaged, full or read-only: alarms still arrive (through the alarm journal), but the
	 * desk must know the rest is not being recorded. */
	snprintf(p->health, sizeof p->health, "%s", client_note(ctx->client));
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

/* Lines of the instruction at this window width: always shown whole. */
static int instruction_lines(struct panel_ctx *ctx, int cols)
{
	return draw_wrap_lines(config_protocol(ctx->config, PROTOCOL_ALARM), cols - 4, 40);
}

/* One quiet line; with alarms open at least the count, the newest and the instruction,
 * at best every alarm. */
static void alarms_size(void *self, struct panel_ctx *ctx, int cols, int *min, int *want)
{
	struct alarms_panel *p = self;
	if (p->n == 0) {
		*min = *want = 1;
		return;
	}
	int instr = instruction_lines(ctx, cols);
	*min = 2 + 1 + instr;
	*want = 2 + (int)p->n + instr;
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

/* One alarm row: marker and state in words (never colour alone), the location and its
 * kind whole, when it was raised; the state's name and the age give way first. */
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

	char state[ALARM_TEXT_MAX + 64], where[2 * ALARM_TEXT_MAX + 64], age[64], hm[6],
		when[96];
	if (acked)
		snprintf(state, sizeof state, _("ON THE WAY: %s"), a->acked_by);
	else
		snprintf(state, sizeof state, "%s", _("NEW"));
	snprintf(where, sizeof where, _("%s (%s)"), a->location, store_alarm_kind_name(a->kind));
	format_age(ctx->now, a->raised_at, age, sizeof age);
	dates_local_hm(a->raised_at, hm);
	snprintf(when, sizeof when, "%s, %s", hm, age);
	int sw = draw_width(state), ww = draw_width(where), tw = draw_width(when);
	int room = cols - 3 - 2 - 2; /* the marker and two gaps */
	if (sw + ww + tw > room)
		tw = draw_width(hm); /* the clock time alone */
	if (sw + ww + tw > room)
		sw = room - ww - tw > 10 ? room - ww - tw : 10;
	int x = 1;
	x += draw_text(win, y, x, 3, acked ? ">> " : "!! ", attr);
	x += draw_text(win, y, x, sw, state, attr) + 2;
	(void)draw_text(win, y, x, cols - x - tw - 1, where, attr | A_BOLD);
	(void)draw_text_right(win, y, cols + 1, tw, tw == draw_width(hm) ? hm : when, attr);
}

/* The newest alarm first (collapsed view). */
static int newest_first(const void *a, const void *b)
{
	const struct alarm *x = *(const struct alarm *const *)a, *y = *(const struct alarm *const *)b;
	if (x->raised_at != y->raised_at)
		return x->raised_at > y->raised_at ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
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
		char quiet[ALARM_TEXT_MAX + 256];
		const char *point = desk_point(p, ctx);
		if (point)
			snprintf(quiet, sizeof quiet, _("  none open - %s: raise an alarm at %s"),
				 keys_key_name(ACT_RAISE_ALARM), point);
		else
			snprintf(quiet, sizeof quiet, _("  none open - %s: raise an alarm"),
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
	snprintf(title, sizeof title, _("ALARMS: %zu open, %zu new"), p->n, nnew);
	draw_frame(win, title, focused, frame);
	if (lines < 3)
		return;
	const char *instr = config_protocol(ctx->config, PROTOCOL_ALARM);
	int ilines = instruction_lines(ctx, cols);
	int rows = lines - 2 - ilines;
	if (rows < 1) {
		/* smaller than asked for (a tiny screen): the count in the title must do */
		rows = lines - 2;
		ilines = 0;
	}
	bool all = (size_t)rows >= p->n;
	const struct alarm **order = !all && !focused ? malloc(p->n * sizeof *order) : NULL;
	if (order) {
		/* Collapsed: the newest ones (what just happened), the rest counted. */
		for (size_t i = 0; i < p->n; i++)
			order[i] = &p->alarms[i];
		qsort(order, p->n, sizeof *order, newest_first);
		p->visible = 0;
		for (int r = 0; r < rows; r++)
			draw_alarm(p, ctx, win, 1 + r, (size_t)(order[r] - p->alarms), false);
		free(order);
	} else {
		/* every alarm in queue order (or, out of memory, as many as fit) */
		if (rows > (int)p->n)
			rows = (int)p->n;
		p->visible = rows;
		p->first_row = 1;
		if (p->selected >= (size_t)rows && rows > 0)
			p->selected = (size_t)rows - 1;
		for (int r = 0; r < rows; r++)
			draw_alarm(p, ctx, win, 1 + r, (size_t)r, focused);
	}
	if ((size_t)rows < p->n) {
		char note[128];
		snprintf(note, sizeof note, _("%zu more: %s shows them all"), p->n - (size_t)rows,
			 keys_key_name(ACT_GOTO_ALARMS));
		draw_frame_note(win, note, frame);
	}
	if (ilines > 0)
		(void)draw_wrap(win, 1 + rows, 2, cols - 4, ilines, instr, theme_attr(THEME_MESSAGE));
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
		ctx->message(ctx, _("The alarm could not be saved: %s"), client_error(ctx->client));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
}

static void close_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct alarms_panel *p = arg;
	(void)d;
	if (!ok || !p->pending_id)
		return;
	enum store_status r = client_alarm_close(ctx->client, p->pending_id, p->pending_outcome);
	char done[ALARM_TEXT_MAX + 256];
	/* Issue 13: what comes next is in the incidents panel (the countdown, registering). */
	if (p->pending_outcome == ALARM_FALSE)
		snprintf(done, sizeof done, _("Alarm at %s marked as false alarm: cancel it at the "
					      "alarm centre within 5 minutes, then %s in Incidents"),
			 p->pending_location, keys_key_name(ACT_ALARM_CANCELLED));
	else
		snprintf(done, sizeof done, _("Alarm at %s resolved; register what happened: %s in "
					      "Incidents"), p->pending_location,
			 keys_key_name(ACT_INCIDENT_ADD));
	(void)report(ctx, r, done, p->pending_location);
	p->pending_id = 0;
}

/* Raise an alarm at point with the kind the configuration gives it. */
static int raise_at(struct panel_ctx *ctx, const char *point)
{
	enum alarm_kind kind = ALARM_PANIC;
	const char *k = config_alarm_kind(ctx->config, point);
	if (k && store_alarm_kind_parse(k, &kind) != 0)
		kind = ALARM_PANIC;
	int64_t id;
	enum store_status r = client_alarm_raise(ctx->client, point, kind, &id);
	if (r == STORE_OK)
		ctx->message(ctx, _("Alarm raised at %s (%s): every console shows it"), point,
			     store_alarm_kind_name(kind));
	else
		ctx->message(ctx, _("The alarm at %s could not be raised: %s"), point,
			     client_error(ctx->client));
	ctx->signal(ctx);
	return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
}

static void raise_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct alarms_panel *p = arg;
	if (!ok)
		return;
	size_t i = dialog_pick_choice(d);
	if (i >= p->npoints)
		return;
	/* the point picked is this desk's for the rest of the session: the next time the
	 * chord raises at once */
	snprintf(p->chosen, sizeof p->chosen, "%s", p->points[i]);
	(void)raise_at(ctx, p->points[i]);
}

/* The alarm points the pick list offers: this building's (every building's when it has
 * none); their number, 0 when none is configured or out of memory (message given). */
static size_t list_points(struct alarms_panel *p, struct panel_ctx *ctx)
{
	const struct config *c = ctx->config;
	const struct config_building *here = config_building_here(c);
	size_t n = 0;
	if (here && here->nalarm_points)
		n = here->nalarm_points;
	else
		for (size_t b = 0; b < c->nbuildings; b++)
			n += c->buildings[b].nalarm_points;
	if (n == 0)
		return 0;
	const char **points = calloc(n, sizeof *points);
	char(*labels)[ALARM_TEXT_MAX + 64] = calloc(n, sizeof *labels);
	if (!points || !labels) {
		free(points);
		free(labels);
		ctx->message(ctx, "%s", _("Out of memory"));
		return 0;
	}
	size_t k = 0;
	for (size_t b = 0; b < c->nbuildings; b++) {
		const struct config_building *cb = &c->buildings[b];
		if (here && here->nalarm_points && cb != here)
			continue;
		for (size_t i = 0; i < cb->nalarm_points; i++)
			points[k++] = cb->alarm_points[i];
	}
	for (size_t i = 0; i < n; i++) {
		enum alarm_kind kind = ALARM_PANIC;
		const char *kn = config_alarm_kind(c, points[i]);
		if (kn && store_alarm_kind_parse(kn, &kind) != 0)
			kind = ALARM_PANIC;
		snprintf(labels[i], sizeof labels[i], _("%s (%s)"), points[i],
			 store_alarm_kind_name(kind));
	}
	free(p->points);
	free(p->labels);
	p->points = points;
	p->labels = labels;
	p->npoints = n;
	return n;
}

/* This desk's alarm point: alarm_point in balie.conf, the one picked earlier in this
 * session, or the building's only one; NULL when it must be picked. */
static const char *desk_point(struct alarms_panel *p, struct panel_ctx *ctx)
{
	if (ctx->config->alarm_point && *ctx->config->alarm_point)
		return ctx->config->alarm_point;
	if (p->chosen[0])
		return p->chosen;
	const struct config_building *here = config_building_here(ctx->config);
	if (here && here->nalarm_points == 1)
		return here->alarm_points[0];
	return NULL;
}

/* The chord: an alarm at this desk's point at once, no question (speed matters); a pick
 * list only while the desk's point is unknown. */
static int open_raise(struct alarms_panel *p, struct panel_ctx *ctx)
{
	if (!panel_may(ctx, PERM_RAISE_ALARM, "alarm.raise"))
		return PANEL_HANDLED | PANEL_REDRAW;
	const char *point = desk_point(p, ctx);
	if (point)
		return raise_at(ctx, point);
	size_t n = list_points(p, ctx);
	if (n == 0) {
		ctx->message(ctx, "%s", _("No alarm points are configured (alarm_points in balie.conf)"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	const char *items[64];
	size_t shown = n < 64 ? n : 64;
	for (size_t i = 0; i < shown; i++)
		items[i] = p->labels[i];
	struct dialog *d = dialog_pick_new(_("Raise alarm at (Enter)"), items, shown, raise_done, p);
	if (!d) {
		ctx->message(ctx, "%s", _("Out of memory"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	ctx->open_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

static int handle_alarm(struct alarms_panel *p, struct panel_ctx *ctx, enum action act)
{
	if (!panel_may(ctx, PERM_HANDLE_ALARM, "alarm.handle"))
		return PANEL_HANDLED | PANEL_REDRAW;
	struct alarm *a = selected_alarm(p);
	if (!a) {
		ctx->message(ctx, "%s", _("There is no open alarm"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	if (act == ACT_ACK) {
		if (a->acked_at != 0 && strcmp(a->acked_by, client_user(ctx->client)) != 0) {
			ctx->message(ctx, _("%s is already on the way to %s"), a->acked_by, a->location);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		char done[ALARM_TEXT_MAX + 64];
		snprintf(done, sizeof done, _("On the way to %s"), a->location);
		return report(ctx, client_alarm_ack(ctx->client, a->id), done, a->location);
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
	/* the queue shown is one page: page up and down go to its ends */
	size_t shown = p->visible > 0 ? (size_t)p->visible : 0, to;
	if (draw_list_move(ev->action, p->selected, shown, shown, &to)) {
		select_row(p, to);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	switch (ev->action) {
	case ACT_SELECT:
	case ACT_DETAILS: {
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

static void alarms_notices(void *self, struct panel_ctx *ctx, struct notices *out)
{
	(void)ctx;
	struct alarms_panel *p = self;
	if (!p->health[0])
		return;
	char text[768];
	snprintf(text, sizeof text, _("DATABASE NOT WRITABLE: %s - alarms still come in (alarm "
				      "journal); warn the system administrator"), p->health);
	(void)notices_add(out, NOTICE_SERVICE, text);
}

const struct panel_ops panel_alarms_ops =
	PANEL_OPS(alarms, .changes = CHANGE_ALARMS, .tick = alarms_tick,
		  .notices = alarms_notices);
