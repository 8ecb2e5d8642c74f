/* panel_staff — the support-team minimum now, in the next public period today and at every
 * evening opening of the coming week; who is in (stale check-ins marked), the evening roster,
 * "nobody reachable → police (112)"; warnings also go to every console's notice strip. */
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
#include "client/staff.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/notices.h"
#include "ui/panel.h"
#include "ui/theme.h"

#define WEEK_DAYS 7                                 /* evening openings shown ahead */
#define ROSTER_DAYS (WEEK_DAYS + 1)                 /* rosters read: survives midnight */
#define EVENINGS_MAX (ROSTER_DAYS * POLICY_MAX_PERIODS)
#define SLOTS_MAX (EVENINGS_MAX + 2)                /* + now + next */
#define CHECKLIST_MAX 16                            /* what dialog_checklist_new takes */
#define CHOICES_MAX (SLOTS_MAX + 32)

/* The roster of one date: everybody, with the evening flag for that date. */
struct roster_day {
	char date[DATES_DATE_LEN];
	struct staff_member *m;
	size_t n;
};

/* A "nobody reachable" choice offered by the pick list: record for a slot or withdraw. */
struct unreach_choice {
	bool withdraw;
	int64_t id;                     /* record to withdraw */
	char date[DATES_DATE_LEN];
	char spec[8];                   /* "HH:MM" of the period to record */
	char label[256];
};

struct staff_panel {
	struct staff_member *members;   /* today's list: presence now, tonight's roster */
	size_t n;
	struct roster_day days[ROSTER_DAYS];
	size_t ndays;
	struct staff_unreachable *unr;  /* records in force, today .. a week ahead */
	size_t nunr;
	char loaded_day[DATES_DATE_LEN];
	size_t selected;
	int64_t selected_id;
	size_t top;                     /* first member shown */
	int first_row, rows;            /* where the member list was drawn (for clicks) */
	bool loaded;
	int last_minute;                /* of the last tick: redraw when the minute turns */
	/* What an open dialog of this panel is about (copied: a reload may come first). */
	char pending_name[STAFF_TEXT_MAX];
	time_t pending_since;
	char pending_dates[CHECKLIST_MAX][DATES_DATE_LEN];
	size_t npending_dates;
	unsigned pending_bits;
	struct unreach_choice choices[CHOICES_MAX];
	size_t nchoices;
	struct unreach_choice chosen;
};

/* One public period with its verdict, worked out at draw time (the clock moves). */
struct slot_view {
	struct policy_slot slot;
	struct policy_slot_staffing v;
	const struct staff_unreachable *rec;
	int scheduled;
	bool known;                     /* its roster was read */
};

struct staff_view {
	bool open;
	struct slot_view now;
	bool has_next;
	struct slot_view next;
	struct slot_view ev[EVENINGS_MAX];
	size_t nev;
	int support_in, counter_in;
	/* Every distinct period above once (for notices and the "nobody reachable" list). */
	const struct slot_view *uniq[SLOTS_MAX];
	size_t nuniq;
	bool protocol;                  /* some warning without a police record */
};

static const char *const weekday_abbr[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

static void *staff_create(struct panel_ctx *ctx)
{
	(void)ctx;
	return calloc(1, sizeof(struct staff_panel));
}

static void free_days(struct staff_panel *p)
{
	for (size_t i = 0; i < p->ndays; i++)
		free(p->days[i].m);
	p->ndays = 0;
}

static void staff_destroy(void *self)
{
	struct staff_panel *p = self;
	if (!p)
		return;
	free(p->members);
	free_days(p);
	free(p->unr);
	free(p);
}

static const struct config_building *building(const struct panel_ctx *ctx)
{
	return config_building_here(ctx->config);
}

/* ---------------------------------------------------------------- reading */

static int staff_reload(void *self, struct panel_ctx *ctx)
{
	struct staff_panel *p = self;
	const struct config_building *b = building(ctx);
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
fail:
	/* Keep the last data on screen: a busy database must not blank the warnings. */
	ctx->message(ctx, _("Staffing could not be read: %s"), client_error(ctx->client));
	free(list);
	free(unr);
	for (size_t i = 0; i <= ndays && i < ROSTER_DAYS; i++)
		free(days[i].m);
	return -1;
}

/* ---------------------------------------------------------------- the rule */

/* Whether m counts as present: a check-in left open since an earlier day proves nobody is
 * here, so it is shown as stale and not counted towards the minimum. */
static bool counted(const struct config_building *b, const struct staff_member *m, time_t now)
{
	return m->present && (!b || policy_presence_check(&b->hours, &b->exceptions, m->since,
							  now) != PRESENCE_EARLIER_DAY);
}

static const struct roster_day *roster_of(const struct staff_panel *p, const char *date)
{
	for (size_t i = 0; i < p->ndays; i++)
		if (strcmp(p->days[i].date, date) == 0)
			return &p->days[i];
	return NULL;
}

static int scheduled_in(const struct staff_member *m, size_t n)
{
	int count = 0;
	for (size_t i = 0; i < n; i++)
		count += m[i].team == TEAM_SUPPORT && m[i].evening;
	return count;
}

static const struct staff_unreachable *unreachable_for(const struct staff_panel *p,
						       const struct policy_slot *s)
{
	for (size_t i = 0; i < p->nunr; i++)
		if (strcmp(p->unr[i].date, s->date) == 0 &&
		    policy_period_spec_covers(p->unr[i].period, s))
			return &p->unr[i];
	return NULL;
}

static void judge(const struct staff_panel *p, const struct panel_ctx *ctx,
		  const struct staff_view *sv, const struct policy_slot *s, struct slot_view *out)
{
	memset(out, 0, sizeof *out);
	out->slot = *s;
	out->rec = unreachable_for(p, s);
	const struct roster_day *d = roster_of(p, s->date);
	out->known = d != NULL || strcmp(s->date, p->loaded_day) == 0;
	if (d)
		out->scheduled = scheduled_in(d->m, d->n);
	else if (strcmp(s->date, p->loaded_day) == 0)
		out->scheduled = scheduled_in(p->members, p->n);
	policy_slot_staffing(s, ctx->now, sv->support_in, out->scheduled,
			     ctx->config->support_minimum, ctx->config->staffing_warning_before,
			     out->rec != NULL, &out->v);
}

static bool same_slot(const struct policy_slot *a, const struct policy_slot *b)
{
	return strcmp(a->date, b->date) == 0 && a->period.start == b->period.start;
}

static void add_uniq(struct staff_view *v, const struct slot_view *s)
{
	for (size_t i = 0; i < v->nuniq; i++)
		if (same_slot(&v->uniq[i]->slot, &s->slot))
			return;
	if (v->nuniq < SLOTS_MAX)
		v->uniq[v->nuniq++] = s;
}

static bool is_short(enum staffing_state s)
{
	return s == STAFFING_SHORT || s == STAFFING_NOBODY;
}

static void compute(const struct staff_panel *p, const struct panel_ctx *ctx,
		    struct staff_view *v)
{
	memset(v, 0, sizeof *v);
	const struct config_building *b = building(ctx);
	for (size_t i = 0; i < p->n; i++) {
		const struct staff_member *m = &p->members[i];
		if (!counted(b, m, ctx->now))
			continue;
		if (m->team == TEAM_SUPPORT)
			v->support_in++;
		else
			v->counter_in++;
	}
	if (!b)
		return;
	const struct policy_week *w = &b->hours;
	const struct policy_exceptions *x = &b->exceptions;
	struct policy_slot s;
	if (policy_open_slot(w, x, ctx->now, &s) == 1) {
		v->open = true;
		judge(p, ctx, v, &s, &v->now);
		add_uniq(v, &v->now);
	}
	if (policy_next_slot(w, x, ctx->now, 0, &s) == 1) {
		v->has_next = true;
		judge(p, ctx, v, &s, &v->next);
		add_uniq(v, &v->next);
	}
	struct policy_slot ev[EVENINGS_MAX];
	v->nev = policy_evening_slots(w, x, ctx->now, WEEK_DAYS, ev, EVENINGS_MAX);
	for (size_t i = 0; i < v->nev; i++) {
		judge(p, ctx, v, &ev[i], &v->ev[i]);
		add_uniq(v, &v->ev[i]);
	}
	for (size_t i = 0; i < v->nuniq; i++)
		if (v->uniq[i]->v.warn && !v->uniq[i]->v.police)
			v->protocol = true;
}

/* The distinct "nobody reachable" records that make some period a police matter now. */
static size_t police_records(const struct staff_view *v, const struct slot_view **first,
			     size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < v->nuniq && k < max; i++) {
		const struct slot_view *s = v->uniq[i];
		if (!s->v.police || !s->rec)
			continue;
		bool seen = false;
		for (size_t j = 0; j < k; j++)
			seen = seen || first[j]->rec->id == s->rec->id;
		if (!seen)
			first[k++] = s;
	}
	return k;
}

/* The evening opening running now is the "Now" line already: not listed twice. */
static bool running_now(const struct staff_view *v, const struct slot_view *e)
{
	return v->open && same_slot(&v->now.slot, &e->slot);
}

static size_t evenings_shown(const struct staff_view *v)
{
	size_t k = 0;
	for (size_t i = 0; i < v->nev; i++)
		k += !running_now(v, &v->ev[i]);
	return k;
}

/* ---------------------------------------------------------------- text */

static void period_text(const struct policy_period *p, char out[12])
{
	snprintf(out, 12, "%02u:%02u-%02u:%02u", (unsigned)p->start / 60 % 100,
		 (unsigned)p->start % 60, (unsigned)p->end / 60 % 100, (unsigned)p->end % 60);
}

/* "Thu 19-11 18:00-20:00" */
static void slot_label(const struct policy_slot *s, char *out, size_t outsz)
{
	int wd = policy_weekday(s->date);
	char per[12];
	period_text(&s->period, per);
	snprintf(out, outsz, "%s %.2s-%.2s %s", wd >= 0 && wd < 7 ? _(weekday_abbr[wd]) : "?",
		 s->date + 8, s->date + 5, per);
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
	if (!is_short(v->state)) {
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
	const struct roster_day *d = roster_of(p, s->date);
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
	compute(p, ctx, &v);
	const struct slot_view *pol[SLOTS_MAX];
	int lines = 2 + 2 + 2 * (int)police_records(&v, pol, SLOTS_MAX);
	if (v.protocol)
		lines += draw_wrap_lines(protocol_text(ctx), cols - 2, 20);
	lines += v.nev ? (int)evenings_shown(&v) * 2 : 1;
	lines += 1 + (int)(p->n ? p->n : 1);
	return lines;
}

static void draw_member(struct staff_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int cols, size_t i, bool focused)
{
	const struct staff_member *m = &p->members[i];
	const struct config_building *b = building(ctx);
	enum policy_presence pc = PRESENCE_OK;
	if (m->present && b)
		pc = policy_presence_check(&b->hours, &b->exceptions, m->since, ctx->now);
	attr_t attr = theme_attr(THEME_NORMAL);
	if (pc != PRESENCE_OK)
		attr = theme_attr(THEME_MESSAGE);
	else if (!m->present)
		attr = theme_attr(THEME_DIM);
	if (focused && i == p->selected) {
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
	compute(p, ctx, &v);
	/* While focused, keep the selected member in sight (i and o act on it); else the
	 * rule, warnings and evenings go first. */
	int full = last;
	if (focused) {
		int reserve = p->n > 2 ? 2 : p->n ? (int)p->n : 1;
		last = full - reserve < 1 ? 1 : full - reserve;
	}
	char label[160], per[12];
	if (v.open) {
		period_text(&v.now.slot.period, per);
		snprintf(label, sizeof label, _("Now %s"), per);
		draw_slot_line(win, y++, cols, label, &v.now);
	} else {
		draw_text(win, y++, 1, cols, _("Now: closed to the public, no minimum"),
			  theme_attr(THEME_STAFF_OK));
	}
	if (y <= last) {
		if (v.has_next) {
			period_text(&v.next.slot.period, per);
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
	size_t npol = police_records(&v, pol, SLOTS_MAX);
	for (size_t i = 0; i < npol && y <= last; i++) {
		char when[64], line[STAFF_NOTE_MAX + 256];
		slot_label(&pol[i]->slot, when, sizeof when);
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
	int nev = (int)evenings_shown(&v);
	int after = (nev ? nev : 1) + 1 + (p->n > 2 ? 2 : (p->n ? (int)p->n : 1));
	bool names = last - y + 1 >= after + nev;
	if (v.nev == 0 && y <= last)
		draw_text(win, y++, 1, cols, _("Evening openings: none in the coming 7 days"),
			  theme_attr(THEME_DIM));
	for (size_t i = 0; i < v.nev && y <= last; i++) {
		if (running_now(&v, &v.ev[i]))
			continue;
		char when[64];
		slot_label(&v.ev[i].slot, when, sizeof when);
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
	for (int r = 0; r < p->rows && p->top + (size_t)r < p->n; r++)
		draw_member(p, ctx, win, y + r, cols, p->top + (size_t)r, focused);
	if (p->top + (size_t)p->rows < p->n) {
		char note[64];
		snprintf(note, sizeof note, _("%zu more"), p->n - p->top - (size_t)p->rows);
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
	compute(p, ctx, &v);
	const struct slot_view *pol[SLOTS_MAX];
	size_t npol = police_records(&v, pol, SLOTS_MAX);
	char text[512], when[64];
	for (size_t i = 0; i < npol; i++) {
		slot_label(&pol[i]->slot, when, sizeof when);
		snprintf(text, sizeof text,
			 _("Aggression → police (112): nobody of the support team reachable (%s)"),
			 when);
		(void)notices_add(out, NOTICE_POLICE, text); /* counted even when not stored */
	}
	for (size_t i = 0; i < v.nuniq; i++) {
		const struct slot_view *s = v.uniq[i];
		if (!s->v.warn || s->v.police)
			continue;
		slot_label(&s->slot, when, sizeof when);
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

/* ---------------------------------------------------------------- writing */

static int report_failure(struct panel_ctx *ctx, enum store_status r, const char *what)
{
	if (r == STORE_BUSY)
		ctx->message(ctx, "%s", _("The database is busy; try again"));
	else
		ctx->message(ctx, "%s: %s", what, client_error(ctx->client));
	return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
}

static bool may_staff(struct panel_ctx *ctx)
{
	if (roles_may(ctx->role, PERM_STAFFING))
		return true;
	ctx->message(ctx, _("Your role (%s) may not check staff in or out"), roles_label(ctx->role));
	panel_denied(ctx, "staff.presence");
	return false;
}

static const struct staff_member *selected_member(struct staff_panel *p,
						  struct panel_ctx *ctx)
{
	if (p->n == 0 || p->selected >= p->n) {
		ctx->message(ctx, "%s", _("No staff registered (balie staff add)"));
		return NULL;
	}
	return &p->members[p->selected];
}

/* Read "HH:MM" on date, or "YYYY-MM-DD HH:MM", as a local instant; 0 on success. */
static int parse_when(const char *s, const char *date, time_t *out)
{
	char d[DATES_DATE_LEN];
	const char *hm = s;
	int yy, mm, dd;
	snprintf(d, sizeof d, "%s", date);
	if (strlen(s) == 16 && s[10] == ' ') {
		memcpy(d, s, 10);
		d[10] = '\0';
		if (dates_parse_date(d, &yy, &mm, &dd) != 0)
			return -1;
		hm = s + 11;
	}
	int minutes = dates_parse_hm(hm, false);
	return minutes < 0 || dates_local_instant(d, minutes, out) != 0 ? -1 : 0;
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
	if (parse_when(at_s, date, &at) != 0) {
		snprintf(err, errsz, _("Checked out at: \"%s\" is not a time (HH:MM or "
				       "\"YYYY-MM-DD HH:MM\")"), at_s);
		dialog_form_focus(d, OUT_AT);
		return -1;
	}
	if (!*note) {
		snprintf(err, errsz, "%s", _("Note: say why and who closed it"));
		dialog_form_focus(d, OUT_NOTE);
		return -1;
	}
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
	const struct config_building *b = building(ctx);
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

static int check(struct staff_panel *p, struct panel_ctx *ctx, bool in)
{
	if (!may_staff(ctx))
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct staff_member *m = selected_member(p, ctx);
	if (!m)
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct config_building *b = building(ctx);
	if (!in && m->present && b &&
	    policy_presence_check(&b->hours, &b->exceptions, m->since, ctx->now) != PRESENCE_OK)
		return open_out_at(p, ctx, m);
	enum store_status r = in ? client_staff_in(ctx->client, m->name)
				 : client_staff_out(ctx->client, m->name);
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
static int open_roster(struct staff_panel *p, struct panel_ctx *ctx)
{
	if (!roles_may(ctx->role, PERM_STAFFING)) {
		ctx->message(ctx, _("Your role (%s) may not change the roster"),
			     roles_label(ctx->role));
		panel_denied(ctx, "staff.roster");
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	const struct staff_member *m = selected_member(p, ctx);
	if (!m)
		return PANEL_HANDLED | PANEL_REDRAW;
	struct staff_view v;
	compute(p, ctx, &v);
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
		slot_label(&s->slot, when, sizeof when);
		snprintf(labels[n], sizeof labels[n], _("%s  (%d/%d scheduled)"), when, s->scheduled,
			 s->v.need);
		items[n] = labels[n];
		const struct roster_day *d = roster_of(p, s->slot.date);
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
	const struct config_building *b = building(ctx);
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
static int open_unreachable(struct staff_panel *p, struct panel_ctx *ctx)
{
	if (ctx->role != ROLE_MANAGER && ctx->role != ROLE_HR) {
		ctx->message(ctx, _("Only a manager records \"nobody reachable\" (your role: %s)"),
			     roles_label(ctx->role));
		panel_denied(ctx, "staff.unreachable");
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	struct staff_view v;
	compute(p, ctx, &v);
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
		if (!is_short(s->v.state) || s->rec)
			continue;
		struct unreach_choice *c = &p->choices[n];
		memset(c, 0, sizeof *c);
		snprintf(c->date, sizeof c->date, "%s", s->slot.date);
		snprintf(c->spec, sizeof c->spec, "%02u:%02u", (unsigned)s->slot.period.start / 60 % 100,
			 (unsigned)s->slot.period.start % 60);
		slot_label(&s->slot, c->label, sizeof c->label);
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

/* ---------------------------------------------------------------- keys */

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
	switch (ev->action) {
	case ACT_CHECK_IN:
		return check(p, ctx, true);
	case ACT_CHECK_OUT:
		return check(p, ctx, false);
	case ACT_ROSTER:
		return open_roster(p, ctx);
	case ACT_UNREACHABLE:
		return open_unreachable(p, ctx);
	default:
		break;
	}
	if (p->n == 0)
		return PANEL_IGNORED;
	size_t to;
	if (draw_list_move(ev->action, p->selected, p->n, page, &to)) {
		select_member(p, to);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	switch (ev->action) {
	case ACT_SELECT:
	case ACT_DETAILS: {
		const struct staff_member *m = &p->members[p->selected];
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
	char today[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	/* A new day brings a new week of rosters and records. */
	if (p->loaded && strcmp(today, p->loaded_day) != 0)
		return PANEL_RELOAD | PANEL_RELAYOUT | PANEL_REDRAW;
	return PANEL_RELAYOUT | PANEL_REDRAW;
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
	.changes = CHANGE_STAFF,
	.create = staff_create,
	.destroy = staff_destroy,
	.reload = staff_reload,
	.size = staff_size,
	.draw = staff_draw,
	.handle = staff_handle,
	.tick = staff_tick,
	.click = staff_click,
	.notices = staff_notices,
};
