/* panel_staff — who of the support team and counter staff is in, and whether the staffing
 * rule holds now and for tonight's evening opening; porters check in and out here. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "core/dates.h"
#include "core/policy.h"
#include "core/roles.h"
#include "i18n.h"
#include "store/staff.h"
#include "ui/draw.h"
#include "ui/panel.h"
#include "ui/theme.h"

struct staff_panel {
	struct staff_member *members;
	size_t n;
	size_t selected;
	int64_t selected_id;
	size_t top;              /* first member shown */
	int first_row, rows;     /* where the member list was drawn (for clicks) */
	bool loaded;
	int last_minute;         /* of the last tick: redraw when the clock minute turns */
};

/* The rule now and tonight, worked out at draw time (the clock moves). */
struct staffing_view {
	bool open_now;
	enum staffing_state now;
	int support_in, counter_in;
	bool has_evening;        /* an evening opening still to come (or running) today */
	int evening_start, evening_end;
	int support_evening;
	enum staffing_state evening;
};

static void *staff_create(struct panel_ctx *ctx)
{
	(void)ctx;
	return calloc(1, sizeof(struct staff_panel));
}

static void staff_destroy(void *self)
{
	struct staff_panel *p = self;
	if (!p)
		return;
	free(p->members);
	free(p);
}

static int staff_reload(void *self, struct panel_ctx *ctx)
{
	struct staff_panel *p = self;
	char today[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	struct staff_member *list = NULL;
	size_t n = 0;
	if (store_staff_list(ctx->store, today, &list, &n) != STORE_OK) {
		ctx->message(ctx, _("Staffing could not be read: %s"), store_error(ctx->store));
		return -1;
	}
	free(p->members);
	p->members = list;
	p->n = n;
	p->loaded = true;
	p->selected = 0;
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		if (list[i].id == p->selected_id) {
			p->selected = i;
			found = true;
		}
	}
	/* First time: start on the operator's own entry when the name matches the login. */
	if (!found && !p->selected_id)
		for (size_t i = 0; i < n; i++)
			if (strcasecmp(list[i].name, ctx->user) == 0)
				p->selected = i;
	p->selected_id = n ? list[p->selected].id : 0;
	return 0;
}

static void compute(const struct staff_panel *p, const struct panel_ctx *ctx,
		    struct staffing_view *v)
{
	memset(v, 0, sizeof *v);
	for (size_t i = 0; i < p->n; i++) {
		const struct staff_member *m = &p->members[i];
		if (m->present && m->team == TEAM_SUPPORT)
			v->support_in++;
		if (m->present && m->team == TEAM_COUNTER)
			v->counter_in++;
		if (m->evening && m->team == TEAM_SUPPORT)
			v->support_evening++;
	}
	int minimum = ctx->config->support_minimum;
	const struct config_building *b = config_building_here(ctx->config);
	int wd = dates_local_weekday(ctx->now), minute = dates_local_minutes(ctx->now);
	v->open_now = b && policy_open_period(&b->hours, wd, minute) >= 0;
	v->now = policy_staffing(v->open_now, v->support_in, minimum);
	int e = b ? policy_evening_period(&b->hours, wd) : -1;
	if (e >= 0 && b->hours.day[wd][e].end > minute) {
		v->has_evening = true;
		v->evening_start = b->hours.day[wd][e].start;
		v->evening_end = b->hours.day[wd][e].end;
		/* While the evening opening runs, who is in counts, not only the roster. */
		int count = v->support_evening;
		if (minute >= v->evening_start && v->support_in > count)
			count = v->support_in;
		v->support_evening = count;
		v->evening = policy_staffing(true, count, minimum);
	}
}

static bool is_short(enum staffing_state s)
{
	return s == STAFFING_SHORT || s == STAFFING_NOBODY;
}

/* Frame, the two rule lines, the protocol when short, the counts and every member. */
static int staff_wanted_lines(void *self, struct panel_ctx *ctx, int cols)
{
	struct staff_panel *p = self;
	struct staffing_view v;
	compute(p, ctx, &v);
	int lines = 2 + 2 + 1 + (int)(p->n ? p->n : 1);
	if (is_short(v.now) || (v.has_evening && is_short(v.evening)))
		lines += draw_wrap_lines(config_protocol(ctx->config, PROTOCOL_UNDERSTAFFED),
					 cols - 2, 20);
	return lines;
}

/* "Now: support team 1 of 2 required — SHORT"; words carry the state, colour only helps. */
static void draw_rule_line(WINDOW *win, int y, int cols, const char *label, int have, int need,
			   enum staffing_state s)
{
	char line[256];
	const char *verdict;
	enum theme_role role = THEME_STAFF_OK;
	switch (s) {
	case STAFFING_CLOSED:
		verdict = _("closed to the public, no minimum");
		break;
	case STAFFING_OK:
		verdict = _("OK");
		break;
	case STAFFING_NOBODY:
		verdict = _("!! NOBODY of the support team");
		role = THEME_STAFF_SHORT;
		break;
	case STAFFING_SHORT:
	default:
		verdict = _("!! TOO FEW");
		role = THEME_STAFF_SHORT;
		break;
	}
	if (s == STAFFING_CLOSED)
		snprintf(line, sizeof line, "%s: %s", label, verdict);
	else
		/* The verdict before the numbers: a narrow panel cuts the end of the line. */
		snprintf(line, sizeof line, _("%s: %s (support team %d/%d)"), label, verdict, have,
			 need);
	attr_t attr = theme_attr(role);
	if (is_short(s))
		draw_fill(win, y, 1, cols, attr);
	draw_text(win, y, 1, cols, line, attr);
}

static void staff_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct staff_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win) - 2;
	werase(win);
	draw_frame(win, _("Staffing (now / evening)"), focused, theme_attr(THEME_NORMAL));
	if (lines < 3 || cols < 4)
		return;
	int y = 1, last = lines - 2;
	if (!p->loaded) {
		draw_text(win, y, 1, cols, _("reading..."), theme_attr(THEME_DIM));
		return;
	}
	struct staffing_view v;
	compute(p, ctx, &v);
	int minimum = ctx->config->support_minimum;
	draw_rule_line(win, y++, cols, _("Now"), v.support_in, minimum, v.now);
	if (y <= last) {
		if (v.has_evening) {
			char label[64];
			snprintf(label, sizeof label, _("Tonight %02d:%02d-%02d:%02d"),
				 v.evening_start / 60, v.evening_start % 60, v.evening_end / 60,
				 v.evening_end % 60);
			draw_rule_line(win, y++, cols, label, v.support_evening, minimum, v.evening);
		} else {
			draw_text(win, y++, 1, cols, _("Tonight: no evening opening"),
				  theme_attr(THEME_DIM));
		}
	}
	if (y <= last && (is_short(v.now) || (v.has_evening && is_short(v.evening)))) {
		/* The protocol gets the room it needs before the list of names. */
		y += draw_wrap(win, y, 1, cols, last - y + 1,
			       config_protocol(ctx->config, PROTOCOL_UNDERSTAFFED),
			       theme_attr(THEME_MESSAGE));
	}
	if (y <= last) {
		char counts[128];
		snprintf(counts, sizeof counts, _("In: %d support team, %d counter staff"),
			 v.support_in, v.counter_in);
		draw_text(win, y++, 1, cols, counts, theme_attr(THEME_NORMAL));
	}
	p->first_row = y;
	p->rows = last - y + 1;
	if (p->rows <= 0) {
		p->rows = 0;
		return;
	}
	if (p->n == 0) {
		draw_text(win, y, 1, cols, _("No staff registered (balie staff add)"),
			  theme_attr(THEME_DIM));
		return;
	}
	if (p->selected < p->top)
		p->top = p->selected;
	if (p->selected >= p->top + (size_t)p->rows)
		p->top = p->selected - (size_t)p->rows + 1;
	if (p->top + (size_t)p->rows > p->n)
		p->top = p->n > (size_t)p->rows ? p->n - (size_t)p->rows : 0;
	for (int r = 0; r < p->rows && p->top + (size_t)r < p->n; r++) {
		size_t i = p->top + (size_t)r;
		const struct staff_member *m = &p->members[i];
		attr_t attr = theme_attr(THEME_NORMAL);
		if (focused && i == p->selected) {
			attr = theme_attr(THEME_SELECTED);
			draw_fill(win, y + r, 1, cols, attr);
		} else if (!m->present) {
			attr = theme_attr(THEME_DIM);
		}
		char since[6] = "";
		if (m->present)
			dates_local_hm(m->since, since);
		char state[64];
		if (m->present)
			snprintf(state, sizeof state, _("IN since %s"), since);
		else
			snprintf(state, sizeof state, "%s", _("out"));
		char tail[128];
		snprintf(tail, sizeof tail, "%s%s",
			 m->team == TEAM_SUPPORT ? _("support") : _("counter"),
			 m->evening ? _(" +evening") : "");
		/* Marker, name, team and roster, presence at the right; the name gives way. */
		int state_w = draw_width(state), tail_w = draw_width(tail);
		int x = 1;
		x += draw_text(win, y + r, x, cols, m->present ? "[+] " : "[ ] ", attr);
		int name_w = cols - 4 - tail_w - state_w - 2;
		if (name_w < 8) {
			name_w = cols - 4 - state_w - 1;
			tail_w = 0;
		}
		draw_text(win, y + r, x, name_w, m->name, attr);
		x += name_w + 1;
		if (tail_w)
			draw_text(win, y + r, x, tail_w, tail, attr);
		draw_text_right(win, y + r, cols + 1, state_w, state, attr);
	}
	if (p->top + (size_t)p->rows < p->n) {
		char note[64];
		snprintf(note, sizeof note, _("%zu more"), p->n - p->top - (size_t)p->rows);
		draw_frame_note(win, note, theme_attr(THEME_DIM));
	}
}

static int check(struct staff_panel *p, struct panel_ctx *ctx, bool in)
{
	if (!roles_may(ctx->role, PERM_STAFFING)) {
		ctx->message(ctx, _("Your role (%s) may not check staff in or out"),
			     roles_label(ctx->role));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	if (p->n == 0) {
		ctx->message(ctx, "%s", _("No staff registered (balie staff add)"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	const struct staff_member *m = &p->members[p->selected];
	enum store_status r = in ? store_staff_in(ctx->store, m->name)
				 : store_staff_out(ctx->store, m->name);
	switch (r) {
	case STORE_OK:
		if (in)
			ctx->message(ctx, _("%s checked in"), m->name);
		else
			ctx->message(ctx, _("%s checked out"), m->name);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case STORE_CONFLICT:
		if (in)
			ctx->message(ctx, _("%s is already in"), m->name);
		else
			ctx->message(ctx, _("%s is not in"), m->name);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case STORE_BUSY:
		ctx->message(ctx, "%s", _("The database is busy; try again"));
		return PANEL_HANDLED | PANEL_REDRAW;
	default:
		ctx->message(ctx, _("%s could not be checked in or out: %s"), m->name,
			     store_error(ctx->store));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
}

static void select_member(struct staff_panel *p, size_t i)
{
	if (i < p->n) {
		p->selected = i;
		p->selected_id = p->members[i].id;
	}
}

static int staff_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct staff_panel *p = self;
	size_t page = p->rows > 1 ? (size_t)p->rows - 1 : 1;
	if (p->n == 0 && ev->action != ACT_CHECK_IN && ev->action != ACT_CHECK_OUT)
		return PANEL_IGNORED;
	switch (ev->action) {
	case ACT_UP:
		if (p->selected > 0)
			select_member(p, p->selected - 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_DOWN:
		select_member(p, p->selected + 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_PAGE_UP:
		select_member(p, p->selected > page ? p->selected - page : 0);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_PAGE_DOWN:
		select_member(p, p->selected + page < p->n ? p->selected + page : p->n - 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_HOME:
		select_member(p, 0);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_END:
		select_member(p, p->n - 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_SELECT: {
		const struct staff_member *m = &p->members[p->selected];
		ctx->message(ctx, _("%s (%s): phone %s"), m->name,
			     m->team == TEAM_SUPPORT ? _("support") : _("counter"),
			     *m->phone ? m->phone : _("unknown"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	case ACT_CHECK_IN:
		return check(p, ctx, true);
	case ACT_CHECK_OUT:
		return check(p, ctx, false);
	default:
		return PANEL_IGNORED;
	}
}

static bool staff_text_mode(void *self)
{
	(void)self;
	return false;
}

static int staff_tick(void *self, struct panel_ctx *ctx)
{
	struct staff_panel *p = self;
	/* Opening hours begin and end on the minute: redraw so "now" follows the clock. */
	int minute = dates_local_minutes(ctx->now);
	if (minute == p->last_minute)
		return 0;
	p->last_minute = minute;
	return PANEL_REDRAW;
}

static int staff_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	struct staff_panel *p = self;
	(void)ctx;
	(void)x;
	int row = y - p->first_row;
	if (row >= 0 && row < p->rows)
		select_member(p, p->top + (size_t)row);
	return PANEL_HANDLED | PANEL_REDRAW;
}

const struct panel_ops panel_staff_ops = {
	.name = "staff",
	.create = staff_create,
	.destroy = staff_destroy,
	.reload = staff_reload,
	.wanted_lines = staff_wanted_lines,
	.draw = staff_draw,
	.handle = staff_handle,
	.text_mode = staff_text_mode,
	.tick = staff_tick,
	.click = staff_click,
};
