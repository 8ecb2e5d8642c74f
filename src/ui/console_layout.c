/* console_layout — the console's screen by priority: the alarms and the visitor check with
 * its verdict always keep their lines, the other panels share the rest (two columns from
 * WIDE_COLS); the key bar, the help screen and the "enlarge the window" screen. */
#include "autoconfig.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "ui/console_internal.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/notices.h"
#include "ui/theme.h"

/* ---------------------------------------------------------------- layout */

struct need {
	int min, want;   /* as panel_ops.size; want 0 = any */
	int floor;       /* never below this while the screen is at least MIN_LINES */
};

static int imin(int a, int b)
{
	return a < b ? a : b;
}

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static struct need need_of(struct console *c, enum slot_id id, int cols)
{
	struct slot *s = &c->slot[id];
	int mn = 1, wt = 0;
	if (s->self && s->ops->size)
		s->ops->size(s->self, &c->ctx, cols, &mn, &wt);
	mn = imax(mn, 1);
	if (wt && wt < mn)
		wt = mn;
	return (struct need){mn, wt, 1};
}

/* Share total lines among n slots: each its minimum (when even those do not fit, the last
 * ones shrink towards their floor first), then in the order of grow each up to what it
 * wants, and what is left to fill. */
static void share(int total, int n, const struct need *nd, const int *grow, int ngrow, int fill,
		  int *h)
{
	int used = 0;
	for (int i = 0; i < n; i++)
		used += h[i] = nd[i].min;
	for (int i = n - 1; i >= 0 && used > total; i--) {
		int cut = imin(h[i] - nd[i].floor, used - total);
		if (cut > 0) {
			h[i] -= cut;
			used -= cut;
		}
	}
	for (int k = 0; k < ngrow && used < total; k++) {
		int i = grow[k];
		if (nd[i].want > h[i]) {
			int add = imin(nd[i].want - h[i], total - used);
			h[i] += add;
			used += add;
		}
	}
	if (used < total && fill >= 0)
		h[fill] += total - used;
}

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

static void place_strip(struct console *c, int y, int h)
{
	c->strip_h = h;
	if (c->strip && (!h || getbegy(c->strip) != y || getmaxx(c->strip) != c->cols ||
			 getmaxy(c->strip) != h)) {
		(void)delwin(c->strip);
		c->strip = NULL;
	}
	if (h && !c->strip)
		c->strip = newwin(h, c->cols, y, 0);
	/* newwin fails only on out-of-memory: the notices then still show in the panels. */
}

/* The panels of one column from y down, in the order of ids, h[i] lines each. */
static void place_column(struct console *c, const enum slot_id *ids, const int *h, int n, int y,
			 int x, int w)
{
	for (int i = 0; i < n; i++) {
		slot_place(&c->slot[ids[i]], y, x, h[i], w);
		y += h[i];
	}
}

/* Every panel's notices for this frame, from its last data and the clock. */
static void collect_notices(struct console *c)
{
	notices_clear(c->notices);
	/* The first thing to know at the desk: alarms raised now would not show here. */
	if (!client_connected(c->ctx.client))
		(void)notices_add(c->notices, NOTICE_SERVICE,
				  _("NO CONNECTION to the service balied: new alarms do NOT show "
				    "here; call the porters by phone and warn the system "
				    "administrator"));
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (s->self && s->ops->notices)
			s->ops->notices(s->self, &c->ctx, c->notices);
	}
}

/* Alarms full width on top (collapsed to their count and the newest unless focused or
 * few), the notice strip under them, the visitor check with its verdict next; from
 * WIDE_COLS the check gets the left column and appointments, staffing and home visits share
 * the right one. The status line at the bottom. */
static void layout(struct console *c)
{
	getmaxyx(stdscr, c->lines, c->cols);
	c->too_small = c->lines < MIN_LINES || c->cols < MIN_COLS;
	c->need_layout = false;
	if (c->too_small) {
		for (int i = 0; i < SLOT_COUNT; i++)
			slot_place(&c->slot[i], 0, 0, 0, 0);
		place_strip(c, 0, 0);
		if (c->status)
			(void)delwin(c->status);
		c->status = NULL;
		return;
	}
	int body = c->lines - 1;
	bool wide = c->cols >= WIDE_COLS;
	int left = wide ? c->cols / 2 : c->cols, right = c->cols - left;
	int strip_want = notices_lines(c->notices, c->cols, NOTICE_LINES);
	struct need al = need_of(c, SLOT_ALARMS, c->cols);
	al.floor = imin(al.min, 3);
	struct need nd[SLOT_COUNT];
	nd[SLOT_BANS] = need_of(c, SLOT_BANS, left);
	nd[SLOT_BANS].floor = imin(nd[SLOT_BANS].min, 3);
	for (int i = SLOT_APPTS; i < SLOT_COUNT; i++)
		nd[i] = need_of(c, (enum slot_id)i, wide ? right : c->cols);
	/* Unless the operator works the queue, the alarms take at most two fifths: collapsed,
	 * they still show how many there are, the newest and the whole instruction. */
	int cap = c->focus == SLOT_ALARMS ? body : imax(al.min, body * 2 / 5);
	al.want = imin(al.want ? al.want : al.min, cap);
	nd[SLOT_ALARMS] = al;

	int h[SLOT_COUNT] = {0};
	int strip_h = strip_want;
	if (!wide) {
		/* one column: alarms, (strip), bans, appts, staff, visits, incidents */
		struct need col[SLOT_COUNT];
		for (int i = 0; i < SLOT_COUNT; i++)
			col[i] = nd[i];
		int mins = 0;
		for (int i = 0; i < SLOT_COUNT; i++)
			mins += col[i].min;
		if (mins + strip_h > body)
			strip_h = imin(strip_h, imax(1, body - mins));
		if (mins + strip_h > body)
			strip_h = 0; /* the notices stay in the panels (and on every other console) */
		int grow[SLOT_COUNT + 1], ng = 0;
		if (c->focus != SLOT_BANS)
			grow[ng++] = c->focus;
		grow[ng++] = SLOT_BANS;
		if (c->focus != SLOT_ALARMS)
			grow[ng++] = SLOT_ALARMS;
		for (int i = SLOT_APPTS; i < SLOT_COUNT; i++)
			if (i != c->focus)
				grow[ng++] = i;
		share(body - strip_h, SLOT_COUNT, col, grow, ng, SLOT_BANS, h);
		slot_place(&c->slot[SLOT_ALARMS], 0, 0, h[SLOT_ALARMS], c->cols);
		place_strip(c, h[SLOT_ALARMS], strip_h);
		static const enum slot_id below[] = {SLOT_BANS, SLOT_APPTS, SLOT_STAFF, SLOT_VISITS,
						     SLOT_INCIDENTS};
		int hb[5] = {h[SLOT_BANS], h[SLOT_APPTS], h[SLOT_STAFF], h[SLOT_VISITS],
			     h[SLOT_INCIDENTS]};
		place_column(c, below, hb, 5, h[SLOT_ALARMS] + strip_h, 0, c->cols);
	} else {
		/* the top: alarms, strip; the bans need their minimum below them */
		int rest_min = imax(nd[SLOT_BANS].min, nd[SLOT_APPTS].min + nd[SLOT_STAFF].min +
							       nd[SLOT_VISITS].min +
							       nd[SLOT_INCIDENTS].min);
		int alarm_h = imax(al.floor, imin(al.want, body - strip_h - rest_min));
		if (alarm_h + strip_h + rest_min > body)
			strip_h = imax(0, imin(strip_h, body - alarm_h - rest_min));
		slot_place(&c->slot[SLOT_ALARMS], 0, 0, alarm_h, c->cols);
		place_strip(c, alarm_h, strip_h);
		int y = alarm_h + strip_h, colh = body - y;
		slot_place(&c->slot[SLOT_BANS], y, 0, colh, left);
		static const enum slot_id rcol[] = {SLOT_APPTS, SLOT_STAFF, SLOT_VISITS,
						    SLOT_INCIDENTS};
		enum { NR = sizeof rcol / sizeof *rcol };
		struct need rn[NR];
		int grow[NR], ng = 0, hr[NR] = {0};
		for (int i = 0; i < NR; i++)
			rn[i] = nd[rcol[i]];
		for (int i = 0; i < NR; i++)
			if (rcol[i] == (enum slot_id)c->focus)
				grow[ng++] = i;
		for (int i = 0; i < NR; i++)
			if (rcol[i] != (enum slot_id)c->focus)
				grow[ng++] = i;
		share(colh, NR, rn, grow, ng, 0, hr);
		place_column(c, rcol, hr, NR, y, left, right);
	}
	if (c->status && (getbegy(c->status) != c->lines - 1 || getmaxx(c->status) != c->cols)) {
		(void)delwin(c->status);
		c->status = NULL;
	}
	if (!c->status)
		c->status = newwin(1, c->cols, c->lines - 1, 0);
}

/* ---------------------------------------------------------------- the key bar */

/* "F1 Help" with the key in its own attribute, gap columns after it; returns the new x or
 * -1 when full. */
static int draw_hint(WINDOW *w, int x, int right, enum action a, enum keys_place place,
		     attr_t label_attr, int gap)
{
	const char *key = keys_key_name_in(a, place), *label = keys_bar_label(a);
	if (!*label || x < 0 || x + draw_width(key) + 1 + draw_width(label) > right)
		return -1;
	x += draw_text(w, 0, x, right - x, key, theme_attr(THEME_STATUS_KEY));
	x += 1;
	x += draw_text(w, 0, x, right - x, label, label_attr);
	return x + gap;
}

static void draw_status(struct console *c)
{
	WINDOW *w = c->status;
	if (!w)
		return;
	attr_t st = theme_attr(THEME_STATUS);
	werase(w);
	draw_fill(w, 0, 0, -1, st);
	char clock[32];
	dates_local_hm(c->ctx.now, clock);
	int right = draw_text_right(w, 0, c->cols - 1, 8, clock, st | A_BOLD) - 1;
	int x = 1;
	/* narrow: the role without the login name, one blank between keys, so that the keys
	 * of the place fit at 80 columns */
	bool narrow = c->cols < 120;
	int gap = narrow ? 1 : 2;
	if (!*c->message) {
		/* a message takes the operator's place for its few seconds */
		char who[256];
		if (narrow)
			snprintf(who, sizeof who, " %s%s ", roles_label(c->ctx.role),
				 c->ctx.demo ? _(" DEMO") : "");
		else
			snprintf(who, sizeof who, " %s (%s)%s ", c->ctx.user,
				 roles_label(c->ctx.role), c->ctx.demo ? _(" DEMO") : "");
		x = draw_text(w, 0, 0, c->cols / 4, who, st | A_BOLD) + 1;
	}
	enum keys_place place = console_place(c);
	if (*c->message) {
		/* the alarm key stays in sight while a message is shown */
		char alarm[64];
		snprintf(alarm, sizeof alarm, "%s %s", keys_key_name(ACT_RAISE_ALARM),
			 keys_bar_label(ACT_RAISE_ALARM));
		int aw = draw_width(alarm) + 2;
		int ax = right - aw;
		(void)draw_hint(w, ax, right, ACT_RAISE_ALARM, place, st | A_BOLD, gap);
		draw_text(w, 0, x, ax - x - 1, c->message, theme_attr(THEME_MESSAGE) | A_REVERSE);
		return;
	}
	enum action bar[24];
	size_t n = keys_bar(place, c->ctx.demo, bar, sizeof bar / sizeof *bar);
	for (size_t i = 0; i < n && x >= 0; i++)
		x = draw_hint(w, x, right, bar[i], place,
			      bar[i] == ACT_RAISE_ALARM ? st | A_BOLD : st, gap);
}

/* ---------------------------------------------------------------- help */

void console_help_open(struct console *c)
{
	c->help_top = 0;
	c->need_redraw = true;
	if (!c->help)
		c->help = newwin(1, 1, 0, 0); /* placed and sized when drawn */
	if (!c->help)
		c->ctx.message(&c->ctx, "%s", _("Out of memory: the help cannot be shown"));
}

void console_help_close(struct console *c)
{
	if (c->help)
		(void)delwin(c->help);
	c->help = NULL;
}

/* The help text of places [from, to) at width cols: per place a heading, then each key
 * with its description wrapped beside it. With w, draws the rows from first on at (y, x),
 * at most rows (an entry scrolled half out of view is left out); returns the rows of the
 * whole text. */
static int help_text(WINDOW *w, int from, int to, int y, int x, int cols, int first, int rows)
{
	const int keyw = 14;
	int row = 0;
	for (int p = from; p < to; p++) {
		if (p > from)
			row++;
		if (w && row >= first && row - first < rows)
			draw_text(w, y + row - first, x, cols, keys_place_label((enum keys_place)p),
				  theme_attr(THEME_TITLE));
		row++;
		for (int a = 1; a < ACT_COUNT; a++) {
			if (keys_place_of((enum action)a) != (enum keys_place)p)
				continue;
			const char *label = keys_label((enum action)a);
			int lines = imax(1, draw_wrap_lines(label, cols - keyw - 2, 10));
			int r0 = row - first;
			if (w && r0 >= 0 && r0 < rows) {
				draw_text(w, y + r0, x + 2, keyw - 1, keys_key_names((enum action)a),
					  A_BOLD);
				(void)draw_wrap(w, y + r0, x + 2 + keyw, cols - keyw - 2,
						imin(lines, rows - r0), label, theme_attr(THEME_NORMAL));
			}
			row += lines;
		}
	}
	return row;
}

static void draw_help(struct console *c)
{
	/* The help covers the panels but not the alarms and notices: those stay in sight. */
	const struct slot *al = &c->slot[SLOT_ALARMS];
	int top = al->h + c->strip_h, h = c->lines - 1 - top;
	if (!c->help || h < 4)
		return;
	int hy, hx, hh, hw;
	getbegyx(c->help, hy, hx);
	getmaxyx(c->help, hh, hw);
	if (hy != top || hx != 0 || hh != h || hw != c->cols) {
		(void)delwin(c->help);
		c->help = newwin(h, c->cols, top, 0);
		if (!c->help)
			return;
	}
	WINDOW *w = c->help;
	werase(w);
	draw_frame(w, _("Help: keys"), true, theme_attr(THEME_NORMAL));
	int rows = h - 3, cols = c->cols - 4;
	int split = KEYS_PLACE_COUNT; /* the first place of the second column */
	if (c->cols >= 120 && help_text(NULL, 0, KEYS_PLACE_COUNT, 0, 0, cols, 0, 0) > rows) {
		/* wide: two columns, split between places so that both are about as long */
		int colw = cols / 2 - 1, best = KEYS_PLACE_COUNT, worst = 1 << 30;
		for (int k = 1; k < KEYS_PLACE_COUNT; k++) {
			int a = help_text(NULL, 0, k, 0, 0, colw, 0, 0);
			int b = help_text(NULL, k, KEYS_PLACE_COUNT, 0, 0, colw, 0, 0);
			if (imax(a, b) < worst) {
				worst = imax(a, b);
				best = k;
			}
		}
		split = best;
		cols = colw;
	}
	int total = help_text(NULL, 0, split, 0, 0, cols, 0, 0);
	if (split < KEYS_PLACE_COUNT)
		total = imax(total, help_text(NULL, split, KEYS_PLACE_COUNT, 0, 0, cols, 0, 0));
	if (c->help_top > total - rows)
		c->help_top = imax(0, total - rows);
	(void)help_text(w, 0, split, 1, 2, cols, c->help_top, rows);
	if (split < KEYS_PLACE_COUNT)
		(void)help_text(w, split, KEYS_PLACE_COUNT, 1, 4 + cols, cols, c->help_top, rows);
	draw_text(w, h - 2, 2, c->cols - 4,
		  _("Typing goes to the visitor search. Up/Down: scroll; any other key closes "
		    "the help."), theme_attr(THEME_DIM));
	(void)wnoutrefresh(w);
}

/* ---------------------------------------------------------------- drawing */

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
	size_t open = panel_alarms_open(c->slot[SLOT_ALARMS].self);
	if (open) {
		char line[128];
		snprintf(line, sizeof line, ngettext("!! %zu ALARM OPEN", "!! %zu ALARMS OPEN", open),
			 open);
		draw_text_centre(stdscr, mid + 2, line, theme_attr(THEME_ALARM_NEW));
	}
	/* Nor an overdue visit or "police (112)": the strip goes where it fits. */
	if (mid + 4 < c->lines)
		(void)notices_draw(c->notices, stdscr, mid + 4, c->lines - mid - 4);
	(void)wnoutrefresh(stdscr);
}

void console_draw(struct console *c)
{
	c->need_redraw = false;
	collect_notices(c);
	/* Every time: the alarm block, the notices and the verdict change their wanted height
	 * with the data; windows are only remade when their place changes. */
	layout(c);
	if (c->too_small) {
		(void)touchwin(stdscr);
		draw_too_small(c);
		/* The quit question stays answerable at any size: drawn over the message. Forms
		 * wait until the window is large again (they keep what was typed). */
		if (c->ndialogs && c->asking_quit)
			dialog_draw(c->dialog[c->ndialogs - 1], &c->ctx);
		(void)doupdate();
		return;
	}
	/* stdscr first: it is never drawn on here, but wget_wch(stdscr) refreshes it when
	 * touched (after a resize), which would blank the screen between two draws. */
	(void)wnoutrefresh(stdscr);
	bool flashing = clock_mono_ms() < c->flash_until;
	bool search_cursor = false;
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (!s->win)
			continue;
		bool focused = c->focus == i && !c->help && !c->ndialogs;
		s->ops->draw(s->self, &c->ctx, s->win, focused);
		if (i == SLOT_ALARMS && flashing)
			for (int y = 0; y < s->h; y++)
				(void)mvwchgat(s->win, y, 0, -1, A_REVERSE | A_BOLD, 0, NULL);
		(void)wnoutrefresh(s->win);
		search_cursor = search_cursor || (i == SLOT_BANS && focused);
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
	if (!c->ndialogs) {
		/* The terminal's own cursor blinks in the visitor search while typing goes
		 * there: the bans panel left it at the end of the text (its last wmove). */
		struct slot *b = &c->slot[SLOT_BANS];
		if (search_cursor && b->win) {
			(void)wnoutrefresh(b->win);
			(void)curs_set(1);
		} else {
			(void)curs_set(0);
		}
	}
	/* A failed doupdate leaves the old screen; the next turn draws again. */
	(void)doupdate();
}
