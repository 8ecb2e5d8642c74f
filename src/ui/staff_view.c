/* staff_view — what the support-team rule says of each public period (now, next today, every
 * evening opening of the week) from the staffing panel's data and the clock. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "ui/staff.h"

static const char *const weekday_abbr[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

const struct config_building *staff_building(const struct panel_ctx *ctx)
{
	return config_building_here(ctx->config);
}

/* Whether m counts as present: a check-in left open since an earlier day proves nobody is
 * here, so it is shown as stale and not counted towards the minimum. */
static bool counted(const struct config_building *b, const struct staff_member *m, time_t now)
{
	return m->present && (!b || policy_presence_check(&b->hours, &b->exceptions, m->since,
							  now) != PRESENCE_EARLIER_DAY);
}

const struct roster_day *staff_roster_of(const struct staff_panel *p, const char *date)
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
	const struct roster_day *d = staff_roster_of(p, s->date);
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

bool staff_is_short(enum staffing_state s)
{
	return s == STAFFING_SHORT || s == STAFFING_NOBODY;
}

void staff_compute(const struct staff_panel *p, const struct panel_ctx *ctx,
		    struct staff_view *v)
{
	memset(v, 0, sizeof *v);
	const struct config_building *b = staff_building(ctx);
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
size_t staff_police_records(const struct staff_view *v, const struct slot_view **first,
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
bool staff_running_now(const struct staff_view *v, const struct slot_view *e)
{
	return v->open && same_slot(&v->now.slot, &e->slot);
}

size_t staff_evenings_shown(const struct staff_view *v)
{
	size_t k = 0;
	for (size_t i = 0; i < v->nev; i++)
		k += !staff_running_now(v, &v->ev[i]);
	return k;
}
void staff_period_text(const struct policy_period *p, char out[12])
{
	snprintf(out, 12, "%02u:%02u-%02u:%02u", (unsigned)p->start / 60 % 100,
		 (unsigned)p->start % 60, (unsigned)p->end / 60 % 100, (unsigned)p->end % 60);
}

/* "Thu 19-11 18:00-20:00" */
void staff_slot_label(const struct policy_slot *s, char *out, size_t outsz)
{
	int wd = policy_weekday(s->date);
	char per[12];
	staff_period_text(&s->period, per);
	snprintf(out, outsz, "%s %.2s-%.2s %s", wd >= 0 && wd < 7 ? _(weekday_abbr[wd]) : "?",
		 s->date + 8, s->date + 5, per);
}
