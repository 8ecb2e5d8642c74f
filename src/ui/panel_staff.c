/* panel_staff — the support-team minimum now, in the next public period today and at every
 * evening opening of the coming week; who is in (stale check-ins marked), the evening roster,
 * "nobody reachable → police (112)"; warnings also go to every console's notice strip. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/draw.h"
#include "ui/notices.h"
#include "ui/panel.h"
#include "ui/staff.h"
#include "ui/theme.h"

static void free_days(struct staff_panel *p)
{
	for (size_t i = 0; i < p->ndays; i++)
		free(p->days[i].m);
	p->ndays = 0;
}

static void staff_destroy(void *self)
{
	struct staff_panel *p = self;
	free(p->members);
	free_days(p);
	free(p->unr);
}

/* ---------------------------------------------------------------- reading */

static int staff_reload(void *self, struct panel_ctx *ctx)
{
	struct staff_panel *p = self;
	const struct config_building *b = staff_building(ctx);
	char today[DATES_DATE_LEN], last[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	if (dates_add_days(today, ROSTER_DAYS - 1, last) != 0)
		snprintf(last, sizeof last, "%s", today);
	struct staff_member *list = NULL;
	struct staff_unreachable *unr = NULL;
	size_t n = 0, nunr = 0;
	struct roster_day days[ROSTER_DAYS];
	size_t ndays = 0;
	memset(days, 0, sizeof days);
	if (client_staff_list(ctx->client, today, &list, &n) != STORE_OK)
		goto fail;
	if (b && client_staff_unreachable_list(ctx->client, b->id, today, last, &unr, &nunr) !=
			 STORE_OK)
		goto fail;
	struct policy_slot ev[EVENINGS_MAX];
	size_t nev = b ? policy_evening_slots(&b->hours, &b->exceptions, ctx->now, ROSTER_DAYS,
					      ev, EVENINGS_MAX) : 0;
	for (size_t i = 0; i < nev && ndays < ROSTER_DAYS; i++) {
		if (ndays && strcmp(days[ndays - 1].date, ev[i].date) == 0)
			continue;
		struct roster_day *d = &days[ndays];
		_Static_assert(sizeof d->date == sizeof ev[i].date, "date sizes differ");
		memcpy(d->date, ev[i].date, sizeof d->date);
		d->date[sizeof d->date - 1] = '\0';
		if (client_staff_list(ctx->client, d->date, &d->m, &d->n) != STORE_OK)
			goto fail;
		ndays++;
	}
	free(p->members);
	free_days(p);
	free(p->unr);
	p->members = list;
	p->n = n;
	memcpy(p->days, days, sizeof days);
	p->ndays = ndays;
	p->unr = unr;
	p->nunr = nunr;
	snprintf(p->loaded_day, sizeof p->loaded_day, "%s", today);
	p->loaded = true;
	p->list.sel = 0;
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		if (list[i].id == p->selected_id) {
			p->list.sel = i;
			found = true;
		}
	}
	/* First time: start on the operator's own entry when the name matches the login. */
	if (!found && !p->selected_id)
		for (size_t i = 0; i < n; i++)
			if (strcasecmp(list[i].name, ctx->user) == 0)
				p->list.sel = i;
	p->selected_id = n ? list[p->list.sel].id : 0;
	return 0;
fail:
	/* Keep the last data on screen: a busy database must not blank the warnings. */
	ctx->message(ctx, _("Staffing could not be read: %s"), client_error(ctx->client));
	free(list);
	free(unr);
	for (size_t i = 0; i <= ndays && i < ROSTER_DAYS; i++)
		free(days[i].m);
	return -1;
}

/* "Now 18:00-20:00: !! TOO FEW (support team 1/2 present)"; the words carry the state and
 * come before the numbers, so a narrow panel cuts only the end. */
static void draw_slot_line(WINDOW *win, int y, int cols, const char *label,
			   const struct slot_view *s)
{
	const struct policy_slot_staffing *v = &s->v;
	const char *verdict;
	enum theme_role role = THEME_STAFF_OK;
	bool fill = false;
	if (!staff_is_short(v->state)) {
		verdict = _("OK");
	} else if (v->warn || v->running) {
		verdict = v->state == STAFFING_NOBODY ? _("!! NOBODY of the support team")
						      : _("!! TOO FEW");
		role = THEME_STAFF_SHORT;
		fill = true;
	} else {
		/* Short, but the warning window has not opened: there is time to fix it. */
		verdict = _("too few");
		role = THEME_MESSAGE;
	}
	char line[512];
	if (v->counts_present)
		snprintf(line, sizeof line, _("%s: %s (%d of %d present)"), label, verdict,
			 v->have, v->need);
	else if (s->known)
		snprintf(line, sizeof line, _("%s: %s (%d of %d scheduled)"), label,
			 verdict, v->have, v->need);
	else
		snprintf(line, sizeof line, _("%s: roster not read yet"), label);
	attr_t attr = theme_attr(role);
	if (fill)
		draw_fill(win, y, 1, cols, attr);
	draw_text(win, y, 1, cols, line, attr);
}

/* "Piet Bakker, Kees de Boer" scheduled for the evening of s. */
static void scheduled_names(const struct staff_panel *p, const struct policy_slot *s, char *out,
			    size_t outsz)
{
	const struct roster_day *d = staff_roster_of(p, s->date);
	const struct staff_member *m = d ? d->m : p->members;
	size_t n = d ? d->n : (strcmp(s->date, p->loaded_day) == 0 ? p->n : 0);
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (m[i].team != TEAM_SUPPORT || !m[i].evening)
			continue;
		int k = snprintf(out + len, outsz - len, "%s%s", len ? ", " : "", m[i].name);
		if (k < 0 || (size_t)k >= outsz - len)
			break;
		len += (size_t)k;
	}
}

static const char *protocol_text(const struct panel_ctx *ctx)
{
	return config_protocol(ctx->config, PROTOCOL_UNDERSTAFFED);
}
/* ---------------------------------------------------------------- drawing */

/* Frame, now, next, police lines, the protocol when short, two lines per evening opening,
 * the counts and every member. */
static int staff_wanted(void *self, struct panel_ctx *ctx, int cols);

/* At least the rule for now (the warnings are on the notice strip as well); at best every
 * line. */
static void staff_size(void *self, struct panel_ctx *ctx, int cols, int *min, int *want)
{
	*min = 3;
	*want = staff_wanted(self, ctx, cols);
}

static int staff_wanted(void *self, struct panel_ctx *ctx, int cols)
{
	struct staff_panel *p = self;
	struct staff_view v;
	staff_compute(p, ctx, &v);
	const struct slot_view *pol[SLOTS_MAX];
	int lines = 2 + 2 + 2 * (int)staff_police_records(&v, pol, SLOTS_MAX);
	if (v.protocol)
		lines += draw_wrap_lines(protocol_text(ctx), cols - 2, 20);
	lines += v.nev ? (int)staff_evenings_shown(&v) * 2 : 1;
	lines += 1 + (int)(p->n ? p->n : 1);
	return lines;
}

static void draw_member(struct staff_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int cols, size_t i, bool focused)
{
	const struct staff_member *m = &p->members[i];
	const struct config_building *b = staff_building(ctx);
	enum policy_presence pc = PRESENCE_OK;
	if (m->present && b)
		pc = policy_presence_check(&b->hours, &b->exceptions, m->since, ctx->now);
	attr_t attr = theme_attr(THEME_NORMAL);
	if (pc != PRESENCE_OK)
		attr = theme_attr(THEME_MESSAGE);
	else if (!m->present)
		attr = theme_attr(THEME_DIM);
	if (focused && i == p->list.sel) {
		attr = theme_attr(THEME_SELECTED);
		draw_fill(win, y, 1, cols, attr);
	}
	char hm[6] = "", state[160];
	if (m->present)
		dates_local_hm(m->since, hm);
	if (pc == PRESENCE_EARLIER_DAY) {
		char date[DATES_DATE_LEN];
		dates_local_date(m->since, date);
		snprintf(state, sizeof state, _("NO CHECKOUT since %.2s-%.2s %s"),
			 date + 8, date + 5, hm);
	} else if (pc == PRESENCE_AFTER_CLOSING) {
		snprintf(state, sizeof state, _("IN since %s, after closing"), hm);
	} else if (m->present) {
		snprintf(state, sizeof state, _("IN since %s"), hm);
	} else {
		snprintf(state, sizeof state, "%s", _("out"));
	}
	char tail[128];
	snprintf(tail, sizeof tail, "%s%s", m->team == TEAM_SUPPORT ? _("support") : _("counter"),
		 m->evening ? _(" +evening") : "");
	/* Marker, name, team and roster, presence at the right; the name gives way. */
	int state_w = draw_width(state), tail_w = draw_width(tail);
	int x = 1;
	x += draw_text(win, y, x, cols, pc != PRESENCE_OK ? "[!] " : m->present ? "[+] " : "[ ] ",
		       attr);
	int name_w = cols - 4 - tail_w - state_w - 2;
	if (name_w < 8) {
		name_w = cols - 4 - state_w - 1;
		tail_w = 0;
	}
	if (name_w < 8)
		name_w = 8;
	draw_text(win, y, x, name_w, m->name, attr);
	x += name_w + 1;
	if (tail_w)
		draw_text(win, y, x, tail_w, tail, attr);
	if (x < cols + 1)
		draw_text_right(win, y, cols + 1, cols + 1 - x, state, attr);
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
	struct staff_view v;
	staff_compute(p, ctx, &v);
	/* While focused, keep the selected member in sight (i and o act on it); else the
	 * rule, warnings and evenings go first. */
	int full = last;
	if (focused) {
		int reserve = p->n > 2 ? 2 : p->n ? (int)p->n : 1;
		last = full - reserve < 1 ? 1 : full - reserve;
	}
	char label[160], per[12];
	if (v.open) {
		staff_period_text(&v.now.slot.period, per);
		snprintf(label, sizeof label, _("Now %s"), per);
		draw_slot_line(win, y++, cols, label, &v.now);
	} else {
		draw_text(win, y++, 1, cols, _("Now: closed to the public, no minimum"),
			  theme_attr(THEME_STAFF_OK));
	}
	if (y <= last) {
		if (v.has_next) {
			staff_period_text(&v.next.slot.period, per);
			snprintf(label, sizeof label,
				 v.next.slot.period.evening ? _("Next today %s (evening)")
							    : _("Next today %s"), per);
			draw_slot_line(win, y++, cols, label, &v.next);
		} else {
			draw_text(win, y++, 1, cols, _("Next today: no more public periods"),
				  theme_attr(THEME_DIM));
		}
	}
	/* Nobody reachable: the one thing reception must know before anything else. */
	const struct slot_view *pol[SLOTS_MAX];
	size_t npol = staff_police_records(&v, pol, SLOTS_MAX);
	for (size_t i = 0; i < npol && y <= last; i++) {
		char when[64], line[STAFF_NOTE_MAX + 256];
		staff_slot_label(&pol[i]->slot, when, sizeof when);
		/* The instruction first: a narrow panel cuts only the details. */
		snprintf(line, sizeof line, _("!! AGGRESSION → POLICE (112): nobody reachable, %s"),
			 when);
		draw_fill(win, y, 1, cols, theme_attr(THEME_STAFF_SHORT));
		draw_text(win, y++, 1, cols, line, theme_attr(THEME_STAFF_SHORT));
		if (y <= last) {
			snprintf(line, sizeof line, _("recorded by %s: %s"), pol[i]->rec->recorded_by,
				 pol[i]->rec->note);
			draw_text(win, y++, 4, cols - 3, line, theme_attr(THEME_MESSAGE));
		}
	}
	if (v.protocol && y <= last)
		y += draw_wrap(win, y, 1, cols, last - y + 1, protocol_text(ctx),
			       theme_attr(THEME_MESSAGE));
	/* The names of who is scheduled need a line each: only when the members still fit. */
	int nev = (int)staff_evenings_shown(&v);
	int after = (nev ? nev : 1) + 1 + (p->n > 2 ? 2 : (p->n ? (int)p->n : 1));
	bool names = last - y + 1 >= after + nev;
	if (v.nev == 0 && y <= last)
		draw_text(win, y++, 1, cols, _("Evening openings: none in the coming 7 days"),
			  theme_attr(THEME_DIM));
	for (size_t i = 0; i < v.nev && y <= last; i++) {
		if (staff_running_now(&v, &v.ev[i]))
			continue;
		char when[64];
		staff_slot_label(&v.ev[i].slot, when, sizeof when);
		snprintf(label, sizeof label, _("Evening %s"), when);
		draw_slot_line(win, y++, cols, label, &v.ev[i]);
		if (names && y <= last) {
			char who[1024], line[1100];
			scheduled_names(p, &v.ev[i].slot, who, sizeof who);
			if (*who)
				snprintf(line, sizeof line, _("scheduled: %s"), who);
			else
				snprintf(line, sizeof line, "%s", _("scheduled: nobody"));
			draw_text(win, y++, 4, cols - 3, line, theme_attr(THEME_DIM));
		}
	}
	if (y <= last) {
		char counts[128];
		snprintf(counts, sizeof counts, _("In: %d support team, %d counter staff"),
			 v.support_in, v.counter_in);
		draw_text(win, y++, 1, cols, counts, theme_attr(THEME_NORMAL));
	}
	last = full;
	draw_list_view(&p->list, p->n, y, last - y + 1);
	if (p->list.rows == 0)
		return;
	if (p->n == 0) {
		draw_text(win, y, 1, cols, _("No staff registered (balie staff add)"),
			  theme_attr(THEME_DIM));
		return;
	}
	for (int r = 0; r < p->list.rows && p->list.top + (size_t)r < p->n; r++)
		draw_member(p, ctx, win, y + r, cols, p->list.top + (size_t)r, focused);
	if (p->list.top + (size_t)p->list.rows < p->n) {
		char note[64];
		snprintf(note, sizeof note, _("%zu more"), p->n - p->list.top - (size_t)p->list.rows);
		draw_frame_note(win, note, theme_attr(THEME_DIM));
	}
}

/* Warnings inside their window and "police (112)" on every console's strip. */
static void staff_notices(void *self, struct panel_ctx *ctx, struct notices *out)
{
	struct staff_panel *p = self;
	if (!p->loaded)
		return;
	struct staff_view v;
	staff_compute(p, ctx, &v);
	const struct slot_view *pol[SLOTS_MAX];
	size_t npol = staff_police_records(&v, pol, SLOTS_MAX);
	char text[512], when[64];
	for (size_t i = 0; i < npol; i++) {
		staff_slot_label(&pol[i]->slot, when, sizeof when);
		snprintf(text, sizeof text,
			 _("Aggression → police (112): nobody of the support team reachable (%s)"),
			 when);
		(void)notices_add(out, NOTICE_POLICE, text); /* counted even when not stored */
	}
	for (size_t i = 0; i < v.nuniq; i++) {
		const struct slot_view *s = v.uniq[i];
		if (!s->v.warn || s->v.police)
			continue;
		staff_slot_label(&s->slot, when, sizeof when);
		if (s->v.running)
			snprintf(text, sizeof text, _("Support team short now: %d of %d present"),
				 s->v.have, s->v.need);
		else if (s->v.counts_present)
			snprintf(text, sizeof text, _("Support team short for %s: %d of %d present"),
				 when, s->v.have, s->v.need);
		else
			snprintf(text, sizeof text,
				 _("Support team short for %s: %d of %d scheduled"), when,
				 s->v.have, s->v.need);
		(void)notices_add(out, NOTICE_STAFFING, text);
	}
}
/* ---------------------------------------------------------------- keys */

static int staff_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct staff_panel *p = self;
	switch (ev->action) {
	case ACT_CHECK_IN:
		return staff_check(p, ctx, true);
	case ACT_CHECK_OUT:
		return staff_check(p, ctx, false);
	case ACT_ROSTER:
		return staff_open_roster(p, ctx);
	case ACT_UNREACHABLE:
		return staff_open_unreachable(p, ctx);
	default:
		break;
	}
	if (p->n == 0)
		return PANEL_IGNORED;
	if (draw_list_key(&p->list, ev->action, p->n)) {
		p->selected_id = p->members[p->list.sel].id;
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	switch (ev->action) {
	case ACT_SELECT:
	case ACT_DETAILS: {
		const struct staff_member *m = &p->members[p->list.sel];
		ctx->message(ctx, _("%s (%s): phone %s"), m->name,
			     m->team == TEAM_SUPPORT ? _("support") : _("counter"),
			     *m->phone ? m->phone : _("unknown"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	default:
		return PANEL_IGNORED;
	}
}

static int staff_tick(void *self, struct panel_ctx *ctx)
{
	struct staff_panel *p = self;
	/* Periods and warning windows begin on the minute: redraw (and re-measure) then. */
	int minute = dates_local_minutes(ctx->now);
	if (minute == p->last_minute)
		return 0;
	p->last_minute = minute;
	return PANEL_RELAYOUT | PANEL_REDRAW;
}

static int staff_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	struct staff_panel *p = self;
	(void)ctx;
	(void)x;
	if (draw_list_at(&p->list, y, 1, p->n, &p->list.sel))
		p->selected_id = p->members[p->list.sel].id;
	return PANEL_HANDLED | PANEL_REDRAW;
}

const struct panel_ops panel_staff_ops =
	PANEL_OPS(staff, .changes = CHANGE_STAFF, .tick = staff_tick,
		  .notices = staff_notices);
