/* console — the full-screen console: one poll() loop over the keyboard and the store's change
 * watch, the panel layout (alarms on top), resizing, dialogs on top, help and status line. */
#include "autoconfig.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "core/dates.h"
#include "i18n.h"
#include "store/audit.h"
#include "ui/console.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/notices.h"
#include "ui/panel.h"
#include "ui/theme.h"

#define MIN_LINES 24
#define MIN_COLS 80
#define WIDE_COLS 100         /* two columns from here on */
#define MAX_DIALOGS 4         /* a dialog may open another (pick list, then form) */
#define SAFETY_POLL_MS 250    /* store_changed() even when inotify stays silent */
#define NO_WATCH_POLL_MS 100  /* without inotify the poll alone must meet 150 ms */
#define BURST_MS 300          /* after an inotify wake-up, look again for this long ... */
#define BURST_STEP_MS 10      /* ... this often: the commit may land just after the event */
#define MESSAGE_MS 10000      /* a status-line message stays this long */
#define FLASH_MS 400          /* a new alarm turns the alarm block over this long */
#define KEY_CTRL_C 3
#define NOTICE_LINES 3        /* the notice strip grows to this many lines at most */

enum slot_id { SLOT_ALARMS, SLOT_BANS, SLOT_APPTS, SLOT_STAFF, SLOT_VISITS, SLOT_COUNT };

struct slot {
	const struct panel_ops *ops;
	void *self;
	WINDOW *win;
	int y, x, h, w;
};

struct console {
	struct panel_ctx ctx;
	struct slot slot[SLOT_COUNT];
	int focus;
	WINDOW *status;
	struct notices *notices;      /* of this frame, from every panel (see draw_all) */
	WINDOW *strip;                /* the notice strip under the alarms, while there are any */
	int strip_h;
	WINDOW *help;                 /* non-NULL while the help screen is shown */
	int help_top;
	struct dialog *dialog[MAX_DIALOGS];
	int ndialogs;
	int lines, cols;
	bool too_small;
	bool need_reload, need_redraw, need_layout, quit;
	char message[512];
	long long message_ms;
	int minute;                   /* shown on the status line */
	bool signal_pending;          /* a panel asked for the bell */
	bool asking_quit;             /* the "quit anyway?" question is open */
	long long flash_until;        /* the alarm block is shown inverted until then */
	SCREEN *screen;
};

/* Set by the handlers of SIGTERM and SIGHUP: leave the loop and restore the terminal. */
static volatile sig_atomic_t console_stop;

static void on_stop_signal(int sig)
{
	(void)sig;
	console_stop = 1;
}

static struct console *con_of(struct panel_ctx *ctx)
{
	return ctx->console;
}

/* ---------------------------------------------------------------- lent to panels */

static void ctx_message(struct panel_ctx *ctx, const char *fmt, ...)
{
	struct console *c = con_of(ctx);
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(c->message, sizeof c->message, fmt, ap);
	va_end(ap);
	c->message_ms = clock_mono_ms();
	c->need_redraw = true;
}

static void ctx_open_dialog(struct panel_ctx *ctx, struct dialog *d)
{
	struct console *c = con_of(ctx);
	if (!d)
		return;
	if (c->ndialogs >= MAX_DIALOGS) {
		dialog_free(d);
		ctx_message(ctx, "%s", _("Too many open windows; close one first"));
		return;
	}
	c->dialog[c->ndialogs++] = d;
	c->need_redraw = true;
}

static void ctx_signal(struct panel_ctx *ctx)
{
	/* Not here and now: curses' flash() sleeps 100 ms, which would hold back drawing the
	 * very alarm it announces. The loop rings after the reload and flashes by itself. */
	con_of(ctx)->signal_pending = true;
}

/* The bell, and the alarm block drawn inverted for FLASH_MS (see draw_all). */
static void ring(struct console *c)
{
	c->signal_pending = false;
	/* beep() falls back to the visible bell on a terminal without one; if both are
	 * missing the inverted block still shows. */
	(void)beep();
	c->flash_until = clock_mono_ms() + FLASH_MS;
	c->need_redraw = true;
}

/* ---------------------------------------------------------------- layout */

static void slot_place(struct slot *s, int y, int x, int h, int w)
{
	if (s->win && s->y == y && s->x == x && s->h == h && s->w == w)
		return;
	if (s->win)
		(void)delwin(s->win); /* only fails for NULL */
	s->win = NULL;
	s->y = y, s->x = x, s->h = h, s->w = w;
	if (h > 0 && w > 0)
		s->win = newwin(h, w, y, x);
	/* newwin fails only on out-of-memory; the slot then stays empty and is skipped. */
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int wanted(struct console *c, enum slot_id id, int cols)
{
	struct slot *s = &c->slot[id];
	return s->ops->wanted_lines ? s->ops->wanted_lines(s->self, &c->ctx, cols) : 0;
}

/* The notice strip under the alarms: a line while any panel has a notice (more when they
 * do not fit side by side, up to NOTICE_LINES), else none. */
static void place_strip(struct console *c, int y, int max)
{
	c->strip_h = notices_lines(c->notices, c->cols, max < NOTICE_LINES ? max : NOTICE_LINES);
	if (c->strip && (!c->strip_h || getbegy(c->strip) != y || getmaxx(c->strip) != c->cols ||
			 getmaxy(c->strip) != c->strip_h)) {
		(void)delwin(c->strip);
		c->strip = NULL;
	}
	if (c->strip_h && !c->strip)
		c->strip = newwin(c->strip_h, c->cols, y, 0);
	/* newwin fails only on out-of-memory: the notices then still show in the panels. */
}

/* Every panel's notices for this frame, from its last data and the clock. */
static void collect_notices(struct console *c)
{
	notices_clear(c->notices);
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (s->self && s->ops->notices)
			s->ops->notices(s->self, &c->ctx, c->notices);
	}
}

/* Alarms full width on top, the notice strip under them; below, two columns from
 * WIDE_COLS (bans | appts over staff over visits), else the four stacked; the status line
 * at the bottom. */
static void layout(struct console *c)
{
	getmaxyx(stdscr, c->lines, c->cols);
	c->too_small = c->lines < MIN_LINES || c->cols < MIN_COLS;
	c->need_layout = false;
	if (c->too_small) {
		for (int i = 0; i < SLOT_COUNT; i++)
			slot_place(&c->slot[i], 0, 0, 0, 0);
		if (c->strip)
			(void)delwin(c->strip);
		c->strip = NULL;
		c->strip_h = 0;
		if (c->status)
			(void)delwin(c->status);
		c->status = NULL;
		return;
	}
	int body = c->lines - 1;
	/* The alarm block may take up to half the screen; more alarms are counted in it. */
	int alarm_h = clamp(wanted(c, SLOT_ALARMS, c->cols), 1, body / 2);
	slot_place(&c->slot[SLOT_ALARMS], 0, 0, alarm_h, c->cols);
	place_strip(c, alarm_h, (body - alarm_h) / 5);
	int y = alarm_h + c->strip_h, h = body - y;
	int left = c->cols >= WIDE_COLS ? c->cols / 2 : 0;
	int right = c->cols - left;
	int staff_want = wanted(c, SLOT_STAFF, right);
	int visits_want = wanted(c, SLOT_VISITS, right);
	if (c->cols >= WIDE_COLS) {
		/* Right column: appointments, staffing, home visits. */
		int visits_h = clamp(visits_want, 3, h / 4);
		int staff_h = clamp(staff_want ? staff_want : h / 2, 5, (h - visits_h) * 6 / 10);
		int appts_h = h - staff_h - visits_h;
		slot_place(&c->slot[SLOT_BANS], y, 0, h, left);
		slot_place(&c->slot[SLOT_APPTS], y, left, appts_h, right);
		slot_place(&c->slot[SLOT_STAFF], y + appts_h, left, staff_h, right);
		slot_place(&c->slot[SLOT_VISITS], y + appts_h + staff_h, left, visits_h, right);
	} else {
		/* Staffing gets room for its warning before the appointments get theirs; the
		 * visitor check keeps the rest (at least a third). Overdue visits are on the
		 * strip as well, so their panel may stay small. */
		int visits_h = clamp(visits_want, 3, h / 5);
		int staff_h = clamp(staff_want ? staff_want : h * 3 / 10, 4, h * 4 / 10);
		int appts_want = wanted(c, SLOT_APPTS, c->cols);
		int room = h - staff_h - visits_h - h / 3;
		int appts_h = clamp(appts_want ? appts_want : h * 3 / 10, 3, room > 3 ? room : 3);
		if (wanted(c, SLOT_BANS, c->cols) > 0) {
			/* A visitor is being checked and has hits: the hit and its protocol come
			 * first; the other panels keep a line each, their warnings stay on the
			 * notice strip. */
			visits_h = 3;
			staff_h = 3;
			appts_h = 3;
		}
		int bans_h = h - staff_h - appts_h - visits_h;
		slot_place(&c->slot[SLOT_BANS], y, 0, bans_h, c->cols);
		slot_place(&c->slot[SLOT_APPTS], y + bans_h, 0, appts_h, c->cols);
		slot_place(&c->slot[SLOT_STAFF], y + bans_h + appts_h, 0, staff_h, c->cols);
		slot_place(&c->slot[SLOT_VISITS], y + bans_h + appts_h + staff_h, 0, visits_h,
			   c->cols);
	}
	if (c->status && (getbegy(c->status) != c->lines - 1 || getmaxx(c->status) != c->cols)) {
		(void)delwin(c->status);
		c->status = NULL;
	}
	if (!c->status)
		c->status = newwin(1, c->cols, c->lines - 1, 0);
}

/* ---------------------------------------------------------------- drawing */

static const enum action hints_general[] = {ACT_HELP, ACT_RAISE_ALARM, ACT_NEXT_PANEL,
					    ACT_SEARCH, ACT_QUIT};
static const enum action hints_alarms[] = {ACT_ACK, ACT_RESOLVE, ACT_FALSE_ALARM};
static const enum action hints_bans[] = {ACT_BAN_ADD, ACT_BAN_EXTEND, ACT_BAN_LIFT};
static const enum action hints_appts[] = {ACT_FLAG};
static const enum action hints_staff[] = {ACT_CHECK_IN, ACT_CHECK_OUT, ACT_ROSTER,
					  ACT_UNREACHABLE};
static const enum action hints_visits[] = {ACT_VISIT_OUT, ACT_VISIT_BACK};

/* "F1 Help" with the key in its own attribute; returns the new x or -1 when full. */
static int draw_hint(WINDOW *w, int x, int right, enum action a)
{
	const char *key = keys_key_name(a), *label = keys_label(a);
	if (x + draw_width(key) + 1 + draw_width(label) + 2 > right)
		return -1;
	x += draw_text(w, 0, x, right - x, key, theme_attr(THEME_STATUS_KEY));
	x += 1;
	x += draw_text(w, 0, x, right - x, label, theme_attr(THEME_STATUS));
	return x + 2;
}

static void draw_status(struct console *c)
{
	WINDOW *w = c->status;
	if (!w)
		return;
	attr_t st = theme_attr(THEME_STATUS);
	werase(w);
	draw_fill(w, 0, 0, -1, st);
	char who[256];
	snprintf(who, sizeof who, " %s (%s)%s ", c->ctx.user, roles_label(c->ctx.role),
		 c->ctx.demo ? _(" DEMO") : "");
	int x = draw_text(w, 0, 0, c->cols / 3, who, st | A_BOLD);
	char clock[32];
	dates_local_hm(c->ctx.now, clock);
	int right = draw_text_right(w, 0, c->cols - 1, 8, clock, st | A_BOLD) - 1;
	x += 1;
	if (*c->message) {
		draw_text(w, 0, x, right - x, c->message, theme_attr(THEME_MESSAGE) | A_REVERSE);
		return;
	}
	const enum action *own = NULL;
	size_t nown = 0;
	switch (c->focus) {
	case SLOT_ALARMS: own = hints_alarms, nown = sizeof hints_alarms / sizeof *own; break;
	case SLOT_BANS: own = hints_bans, nown = sizeof hints_bans / sizeof *own; break;
	case SLOT_APPTS: own = hints_appts, nown = sizeof hints_appts / sizeof *own; break;
	case SLOT_STAFF: own = hints_staff, nown = sizeof hints_staff / sizeof *own; break;
	case SLOT_VISITS: own = hints_visits, nown = sizeof hints_visits / sizeof *own; break;
	default: break;
	}
	size_t ngen = sizeof hints_general / sizeof *hints_general;
	for (size_t i = 0; i < ngen && x >= 0; i++)
		x = draw_hint(w, x, right, hints_general[i]);
	for (size_t i = 0; i < nown && x >= 0; i++)
		x = draw_hint(w, x, right, own[i]);
	if (c->ctx.demo && x >= 0)
		(void)draw_hint(w, x, right, ACT_SWITCH_ROLE);
}

/* Lines of the help screen, made from the key table: a heading per group, then "key  label". */
static int help_lines(char lines[][160], int max)
{
	int n = 0;
	const char *group = NULL;
	for (int a = 1; a < ACT_COUNT && n < max; a++) {
		/* Actions of one group may not be adjacent in the enum: gather them per group. */
		const char *g = keys_group((enum action)a);
		if (group && strcmp(g, group) == 0)
			continue;
		bool seen = false;
		for (int b = 1; b < a; b++)
			if (strcmp(keys_group((enum action)b), g) == 0)
				seen = true;
		if (seen)
			continue;
		group = g;
		if (n > 0 && n < max)
			lines[n++][0] = '\0';
		if (n < max)
			snprintf(lines[n++], 160, "%s", g);
		for (int b = a; b < ACT_COUNT && n < max; b++)
			if (strcmp(keys_group((enum action)b), g) == 0)
				snprintf(lines[n++], 160, "  %-12s %s", keys_key_names((enum action)b),
					 keys_label((enum action)b));
	}
	return n;
}

static void draw_help(struct console *c)
{
	/* The help covers the panels but not the alarms and notices: those stay in sight. */
	const struct slot *al = &c->slot[SLOT_ALARMS];
	int top = al->h + c->strip_h, h = c->lines - 1 - top;
	if (c->help) {
		int hy, hx, hh, hw;
		getbegyx(c->help, hy, hx);
		getmaxyx(c->help, hh, hw);
		if (hy != top || hx != 0 || hh != h || hw != c->cols) {
			(void)delwin(c->help);
			c->help = NULL;
		}
	}
	if (!c->help)
		c->help = newwin(h, c->cols, top, 0);
	if (!c->help)
		return;
	WINDOW *w = c->help;
	werase(w);
	draw_frame(w, _("Help: keys"), true, theme_attr(THEME_NORMAL));
	char lines[ACT_COUNT * 2 + 16][160];
	int n = help_lines(lines, (int)(sizeof lines / sizeof *lines));
	int rows = h - 3;
	/* Wide screens get two columns, split at a group boundary, so all keys fit at once. */
	int ncol = c->cols >= WIDE_COLS && n > rows ? 2 : 1;
	int split = n;
	if (ncol == 2) {
		split = (n + 1) / 2;
		while (split < n && lines[split][0] != '\0')
			split++;
		if (split >= n || split > rows || n - split - 1 > rows) {
			ncol = 1;
			split = n;
		}
	}
	int colw = (c->cols - 4) / ncol;
	for (int col = 0; col < ncol; col++) {
		int from = col == 0 ? 0 : split + 1, to = col == 0 ? split : n;
		int first = ncol == 1 ? c->help_top : 0;
		if (ncol == 1 && first > to - rows)
			first = c->help_top = to - rows > 0 ? to - rows : 0;
		for (int r = 0; r < rows && from + first + r < to; r++) {
			const char *l = lines[from + first + r];
			draw_text(w, 1 + r, 2 + col * colw, colw - 1, l,
				  l[0] != ' ' ? theme_attr(THEME_TITLE) : theme_attr(THEME_NORMAL));
		}
	}
	draw_text(w, h - 2, 2, c->cols - 4,
		  _("Up/Down scroll, any other key closes. Alarms stay live at the top."),
		  theme_attr(THEME_DIM));
	(void)wnoutrefresh(w);
}

static void draw_too_small(struct console *c)
{
	werase(stdscr);
	int mid = c->lines / 2;
	draw_text_centre(stdscr, mid - 1, _("Please enlarge the window"), theme_attr(THEME_MESSAGE));
	char need[128];
	snprintf(need, sizeof need, _("at least %dx%d, now %dx%d"), MIN_COLS, MIN_LINES, c->cols,
		 c->lines);
	draw_text_centre(stdscr, mid, need, theme_attr(THEME_NORMAL));
	/* Alarms are never hidden, not even here. */
	if (wanted(c, SLOT_ALARMS, c->cols) > 1)
		draw_text_centre(stdscr, mid + 2, _("!! ALARM ACTIVE"), theme_attr(THEME_ALARM_NEW));
	/* Nor an overdue visit or "police (112)": the strip goes where it fits. */
	if (mid + 4 < c->lines)
		(void)notices_draw(c->notices, stdscr, mid + 4, c->lines - mid - 4);
	(void)wnoutrefresh(stdscr);
}

static void draw_all(struct console *c)
{
	c->need_redraw = false;
	collect_notices(c);
	/* Every time: the alarm block, the notices and the staffing warning change their
	 * wanted height with the data; windows are only remade when their place changes. */
	layout(c);
	if (c->too_small) {
		/* Dialogs follow the screen size when drawn: let them adapt now (they keep their
		 * contents), then cover everything with the message. */
		for (int i = 0; i < c->ndialogs; i++)
			dialog_draw(c->dialog[i], &c->ctx);
		(void)touchwin(stdscr);
		draw_too_small(c);
		(void)doupdate();
		return;
	}
	/* stdscr first: it is never drawn on here, but wget_wch(stdscr) refreshes it when
	 * touched (after a resize), which would blank the screen between two draws. */
	(void)wnoutrefresh(stdscr);
	bool flashing = clock_mono_ms() < c->flash_until;
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (!s->win)
			continue;
		s->ops->draw(s->self, &c->ctx, s->win, c->focus == i && !c->help && !c->ndialogs);
		if (i == SLOT_ALARMS && flashing)
			for (int y = 0; y < s->h; y++)
				(void)mvwchgat(s->win, y, 0, -1, A_REVERSE | A_BOLD, 0, NULL);
		(void)wnoutrefresh(s->win);
	}
	if (c->strip) {
		werase(c->strip);
		(void)notices_draw(c->notices, c->strip, 0, c->strip_h);
		(void)wnoutrefresh(c->strip);
	}
	draw_status(c);
	if (c->status)
		(void)wnoutrefresh(c->status);
	if (c->help)
		draw_help(c);
	for (int i = 0; i < c->ndialogs; i++)
		dialog_draw(c->dialog[i], &c->ctx);
	/* A failed doupdate leaves the old screen; the next turn draws again. */
	(void)doupdate();
}

/* ---------------------------------------------------------------- data */

static void reload_all(struct console *c)
{
	c->need_reload = false;
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		/* A panel that cannot read keeps its last data and says so on the status line. */
		(void)s->ops->reload(s->self, &c->ctx);
	}
	c->need_redraw = true;
}

static void apply(struct console *c, int result)
{
	if (result & PANEL_RELOAD)
		c->need_reload = true;
	if (result & PANEL_RELAYOUT)
		c->need_layout = true;
	if (result & (PANEL_REDRAW | PANEL_RELOAD | PANEL_RELAYOUT))
		c->need_redraw = true;
	if (result & PANEL_QUIT)
		c->quit = true;
}

/* ---------------------------------------------------------------- keys */

static bool any_dirty(const struct console *c)
{
	for (int i = 0; i < c->ndialogs; i++)
		if (dialog_dirty(c->dialog[i]))
			return true;
	return false;
}

static void quit_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	(void)arg;
	con_of(ctx)->asking_quit = false;
	if (ok)
		con_of(ctx)->quit = true;
}

static void request_quit(struct console *c)
{
	if (!any_dirty(c)) {
		c->quit = true;
		return;
	}
	if (c->asking_quit)
		return;
	struct dialog *d = dialog_confirm_new(_("Quit"), _("A form has unsaved changes. Quit anyway?"),
					      quit_done, NULL);
	if (!d) {
		ctx_message(&c->ctx, "%s", _("Out of memory"));
		return;
	}
	c->asking_quit = true;
	ctx_open_dialog(&c->ctx, d);
}

static void remove_dialog(struct console *c, struct dialog *d)
{
	for (int i = 0; i < c->ndialogs; i++) {
		if (c->dialog[i] != d)
			continue;
		memmove(&c->dialog[i], &c->dialog[i + 1],
			(size_t)(c->ndialogs - i - 1) * sizeof *c->dialog);
		c->ndialogs--;
		dialog_free(d);
		break;
	}
	/* The panels beneath are drawn afresh on every turn (werase), so what the dialog
	 * covered comes back with the next doupdate. */
	c->need_redraw = true;
}

static void set_focus(struct console *c, int i)
{
	c->focus = (i + SLOT_COUNT) % SLOT_COUNT;
	c->need_redraw = true;
}

static void switch_role(struct console *c)
{
	int r = (int)c->ctx.role + 1;
	if (r >= ROLE_COUNT)
		r = ROLE_RECEPTIONIST;
	c->ctx.role = (enum role)r;
	ctx_message(&c->ctx, _("Demo: now working as %s"), roles_label(c->ctx.role));
	/* What a panel shows may depend on the role (reasons, expired bans). */
	c->need_reload = true;
}

static void handle_mouse(struct console *c)
{
	MEVENT me;
	if (getmouse(&me) != OK || !(me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (!s->win || me.y < s->y || me.y >= s->y + s->h || me.x < s->x ||
		    me.x >= s->x + s->w)
			continue;
		set_focus(c, i);
		if (s->ops->click)
			apply(c, s->ops->click(s->self, &c->ctx, me.y - s->y, me.x - s->x));
		return;
	}
}

/* Give an action to a panel that owns it when the focused one ignored it. */
static int delegate(struct console *c, enum slot_id id, const struct key_event *ev)
{
	struct slot *s = &c->slot[id];
	return s->ops->handle(s->self, &c->ctx, ev);
}

static void handle_key(struct console *c, wint_t ch, bool is_keycode)
{
	/* Any key ends a shown message: the operator has seen it. */
	if (*c->message && clock_mono_ms() - c->message_ms > 500) {
		c->message[0] = '\0';
		c->need_redraw = true;
	}
	if (is_keycode && ch == KEY_RESIZE) {
		c->need_layout = true;
		c->need_redraw = true;
		(void)clearok(curscr, TRUE);
		return;
	}
	if (c->too_small) {
		if ((!is_keycode && (ch == 'q' || ch == KEY_CTRL_C)) && !any_dirty(c))
			c->quit = true;
		return;
	}
	if (!is_keycode && ch == KEY_CTRL_C) {
		request_quit(c);
		return;
	}
	if (c->ndialogs) {
		struct dialog *d = c->dialog[c->ndialogs - 1];
		struct key_event ev = {keys_action(ch, is_keycode, true), ch, is_keycode};
		if (ev.action == ACT_REDRAW) {
			(void)clearok(curscr, TRUE);
			c->need_redraw = true;
			return;
		}
		if (dialog_handle(d, &c->ctx, &ev) == DIALOG_CLOSED)
			remove_dialog(c, d);
		c->need_redraw = true;
		return;
	}
	struct slot *f = &c->slot[c->focus];
	bool text = f->ops->text_mode && f->ops->text_mode(f->self);
	struct key_event ev = {keys_action(ch, is_keycode, text), ch, is_keycode};
	if (c->help) {
		if (ev.action == ACT_UP || ev.action == ACT_DOWN || ev.action == ACT_PAGE_UP ||
		    ev.action == ACT_PAGE_DOWN) {
			int step = ev.action == ACT_UP ? -1 : ev.action == ACT_DOWN ? 1
				 : ev.action == ACT_PAGE_UP ? -10 : 10;
			c->help_top = c->help_top + step < 0 ? 0 : c->help_top + step;
		} else {
			(void)delwin(c->help);
			c->help = NULL;
		}
		c->need_redraw = true;
		return;
	}
	if (is_keycode && ch == KEY_MOUSE) {
		handle_mouse(c);
		return;
	}
	switch (ev.action) {
	case ACT_HELP:
		c->help_top = 0;
		draw_help(c); /* creates the window; drawn again with the rest */
		c->need_redraw = true;
		return;
	case ACT_REDRAW:
		(void)clearok(curscr, TRUE);
		c->need_redraw = true;
		return;
	case ACT_SWITCH_ROLE:
		if (c->ctx.demo) {
			switch_role(c);
			return;
		}
		break;
	case ACT_RAISE_ALARM:
		/* From anywhere: nobody should have to find the alarm panel first. */
		apply(c, delegate(c, SLOT_ALARMS, &ev));
		return;
	case ACT_SEARCH:
		set_focus(c, SLOT_BANS);
		apply(c, delegate(c, SLOT_BANS, &ev));
		return;
	default:
		break;
	}
	int r = f->ops->handle(f->self, &c->ctx, &ev);
	apply(c, r);
	if (r != PANEL_IGNORED)
		return;
	switch (ev.action) {
	case ACT_NEXT_PANEL:
		set_focus(c, c->focus + 1);
		break;
	case ACT_PREV_PANEL:
		set_focus(c, c->focus - 1);
		break;
	case ACT_QUIT:
		request_quit(c);
		break;
	case ACT_ACK:
	case ACT_RESOLVE:
	case ACT_FALSE_ALARM:
		/* A porter can answer the first alarm from any panel. */
		apply(c, delegate(c, SLOT_ALARMS, &ev));
		break;
	case ACT_CHECK_IN:
	case ACT_CHECK_OUT:
	case ACT_ROSTER:
	case ACT_UNREACHABLE:
		set_focus(c, SLOT_STAFF);
		apply(c, delegate(c, SLOT_STAFF, &ev));
		break;
	case ACT_VISIT_OUT:
	case ACT_VISIT_BACK:
		set_focus(c, SLOT_VISITS);
		apply(c, delegate(c, SLOT_VISITS, &ev));
		break;
	case ACT_NOTICE_SEEN:
		/* The ban notices on the strip can be marked seen from any panel. */
		apply(c, delegate(c, SLOT_BANS, &ev));
		break;
	default:
		break;
	}
}

static void read_keys(struct console *c)
{
	for (;;) {
		wint_t ch;
		int r = wget_wch(stdscr, &ch);
		if (r == ERR)
			break;
		handle_key(c, ch, r == KEY_CODE_YES);
		if (c->quit)
			break;
	}
}

/* ---------------------------------------------------------------- set-up and loop */

static int install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	if (sigemptyset(&sa.sa_mask) != 0)
		return -1;
	/* No SA_RESTART: poll() must return so the loop sees the flag at once. */
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGHUP, &sa, NULL) != 0)
		return -1;
	return 0;
}

static int start_curses(struct console *c, char *err, size_t errsz)
{
	c->screen = newterm(NULL, stdout, stdin);
	if (!c->screen) {
		const char *term = getenv("TERM");
		snprintf(err, errsz, _("cannot use the terminal (TERM=%s)"), term ? term : "");
		return -1;
	}
	/* raw(): Ctrl-C and Ctrl-Z arrive as keys, and Ctrl-S cannot freeze the alarm screen. */
	if (raw() == ERR || noecho() == ERR || keypad(stdscr, TRUE) == ERR ||
	    nodelay(stdscr, TRUE) == ERR) {
		snprintf(err, errsz, "%s", _("cannot set the terminal mode"));
		return -1;
	}
	/* Optional niceties: a terminal without them works all the same. */
	(void)nonl();
	(void)curs_set(0);
	(void)set_escdelay(50);
	(void)mouseinterval(0);
	(void)mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	(void)theme_init();
	return 0;
}

static void cleanup(struct console *c)
{
	while (c->ndialogs > 0)
		dialog_free(c->dialog[--c->ndialogs]);
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (s->win)
			(void)delwin(s->win);
		if (s->self)
			s->ops->destroy(s->self);
	}
	if (c->help)
		(void)delwin(c->help);
	if (c->strip)
		(void)delwin(c->strip);
	notices_free(c->notices);
	if (c->status)
		(void)delwin(c->status);
	if (c->screen) {
		/* endwin restores the terminal; failure leaves nothing else to try. */
		(void)endwin();
		delscreen(c->screen);
	}
}

/* Milliseconds until the earliest of the deadlines (never negative). */
static int until(long long now, long long a, long long b)
{
	long long t = a < b ? a : b;
	return t <= now ? 0 : (int)(t - now);
}

int console_run(const struct console_opts *o)
{
	struct console con, *c = &con;
	char err[512] = "";
	memset(c, 0, sizeof *c);
	c->ctx = (struct panel_ctx){
		.config = o->config, .store = o->store, .user = o->user, .role = o->role,
		.demo = o->demo, .now = clock_now(), .console = c, .message = ctx_message,
		.open_dialog = ctx_open_dialog, .signal = ctx_signal,
	};
	static const struct panel_ops *const ops[SLOT_COUNT] = {
		&panel_alarms_ops, &panel_bans_ops, &panel_appts_ops, &panel_staff_ops,
		&panel_visits_ops,
	};
	for (int i = 0; i < SLOT_COUNT; i++)
		c->slot[i].ops = ops[i];
	console_stop = 0;
	c->notices = notices_new();
	if (!c->notices) {
		snprintf(err, sizeof err, "notices: %s", strerror(ENOMEM));
		goto fail;
	}
	if (install_signals() != 0) {
		snprintf(err, sizeof err, "%s", strerror(errno));
		goto fail;
	}
	if (start_curses(c, err, sizeof err) != 0)
		goto fail;
	for (int i = 0; i < SLOT_COUNT; i++) {
		c->slot[i].self = ops[i]->create(&c->ctx);
		if (!c->slot[i].self) {
			snprintf(err, sizeof err, "%s: %s", ops[i]->name, strerror(ENOMEM));
			goto fail;
		}
	}
	/* Porters answer alarms; everybody else starts at the visitor check. */
	c->focus = roles_may(c->ctx.role, PERM_HANDLE_ALARM) && c->ctx.role == ROLE_PORTER
			   ? SLOT_ALARMS : SLOT_BANS;
	(void)store_changed(o->store);
	reload_all(c);
	c->need_layout = true;
	if (c->signal_pending)
		ring(c);
	draw_all(c);

	int watch = store_watch_fd(o->store);
	int poll_every = watch >= 0 ? SAFETY_POLL_MS : NO_WATCH_POLL_MS;
	long long now = clock_mono_ms();
	long long next_tick = now + 1000, next_check = now + poll_every, burst_until = 0;
	while (!c->quit && !console_stop) {
		now = clock_mono_ms();
		int timeout = until(now, next_tick, next_check);
		if (now < burst_until && timeout > BURST_STEP_MS)
			timeout = BURST_STEP_MS;
		if (c->flash_until > now && timeout > c->flash_until - now)
			timeout = (int)(c->flash_until - now);
		struct pollfd fds[2] = {
			{.fd = STDIN_FILENO, .events = POLLIN},
			{.fd = watch, .events = POLLIN},
		};
		int r = poll(fds, watch >= 0 ? 2 : 1, timeout);
		if (r < 0 && errno != EINTR) {
			snprintf(err, sizeof err, "poll: %s", strerror(errno));
			goto fail;
		}
		now = clock_mono_ms();
		c->ctx.now = clock_now();
		bool check = now >= next_check || now < burst_until;
		if (r > 0 && watch >= 0 && (fds[1].revents & POLLIN)) {
			store_watch_drain(o->store);
			burst_until = now + BURST_MS;
			check = true;
		}
		if (check) {
			next_check = now + poll_every;
			if (store_changed(o->store)) {
				c->need_reload = true;
				burst_until = 0;
			}
		}
		if (r > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) &&
		    !(fds[0].revents & POLLIN)) {
			/* The terminal went away (SSH dropped): nobody is left to show things to. */
			break;
		}
		/* Keys also after EINTR: a SIGWINCH turns into KEY_RESIZE in the queue. */
		if (r != 0)
			read_keys(c);
		/* Own writes (an acknowledgement) show at once, not at the next check. */
		if (store_changed(o->store))
			c->need_reload = true;
		if (now >= next_tick) {
			next_tick = now + 1000 - (now % 1000) + 1;
			if (*c->message && now - c->message_ms > MESSAGE_MS) {
				c->message[0] = '\0';
				c->need_redraw = true;
			}
			for (int i = 0; i < SLOT_COUNT; i++) {
				struct slot *s = &c->slot[i];
				if (s->ops->tick)
					apply(c, s->ops->tick(s->self, &c->ctx));
			}
			/* The clock on the status line shows minutes. */
			int minute = dates_local_minutes(c->ctx.now);
			if (minute != c->minute) {
				c->minute = minute;
				c->need_redraw = true;
			}
		}
		if (c->need_reload)
			reload_all(c);
		if (c->signal_pending)
			ring(c);
		if (c->flash_until && now >= c->flash_until) {
			c->flash_until = 0;
			c->need_redraw = true;
		}
		if (c->need_redraw || c->need_layout)
			draw_all(c);
	}
	cleanup(c);
	return 0;
fail:
	cleanup(c);
	fprintf(stderr, "%s: %s\n", PACKAGE, err);
	return -1;
}

void panel_denied(struct panel_ctx *ctx, const char *action)
{
	/* Denials are part of the trail the policy asks for; failing to write one is told,
	 * not hidden. */
	if (store_audit(ctx->store, "denied", action, "denied", roles_name(ctx->role)) != STORE_OK)
		ctx->message(ctx, _("The refusal could not be recorded: %s"),
			     store_error(ctx->store));
}

bool panel_show_dialog(struct panel_ctx *ctx, struct dialog *d)
{
	if (!d) {
		ctx->message(ctx, "%s", _("Out of memory: the form could not be opened"));
		return false;
	}
	ctx->open_dialog(ctx, d);
	return true;
}
