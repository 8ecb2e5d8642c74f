/* staff — the inside of the staffing panel, shared by its files: the panel itself
 * (panel_staff.c: reading, drawing, keys), the verdict on each public period (staff_view.c)
 * and what the panel writes (staff_edit.c: check in and out, roster, "nobody reachable"). */
#ifndef BALIE_UI_STAFF_H
#define BALIE_UI_STAFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "config.h"
#include "core/lib.h"
#include "store/lib.h"
#include "ui/draw.h"
#include "ui/panel.h"

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
	struct draw_list list;          /* the member list: selection, scrolling, clicks */
	int64_t selected_id;            /* keeps the selection on the same member */
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

/* ---- staff_view.c: the rule applied to the data last read */

/* The building of this terminal (NULL when the configuration names none). */
const struct config_building *staff_building(const struct panel_ctx *ctx);

/* The roster read for date, or NULL. */
const struct roster_day *staff_roster_of(const struct staff_panel *p, const char *date);

/* Whether s means too few of the support team. */
bool staff_is_short(enum staffing_state s);

/* The verdict on now, the next period today and every evening opening of the week, from
 * the data last read and ctx->now. */
void staff_compute(const struct staff_panel *p, const struct panel_ctx *ctx,
		   struct staff_view *v);

/* The distinct "nobody reachable" records that make some period a police matter now, at
 * most max, into first; returns how many. */
size_t staff_police_records(const struct staff_view *v, const struct slot_view **first,
			    size_t max);

/* The evening opening running now is the "Now" line already: not listed twice. */
bool staff_running_now(const struct staff_view *v, const struct slot_view *e);

/* The evening openings listed (those not running now). */
size_t staff_evenings_shown(const struct staff_view *v);

/* "18:00-20:00" */
void staff_period_text(const struct policy_period *p, char out[12]);

/* "Thu 19-11 18:00-20:00" */
void staff_slot_label(const struct policy_slot *s, char *out, size_t outsz);

/* ---- staff_edit.c: the actions; each returns enum panel_result bits */

/* Check the selected member in (in) or out; a check-in left open is closed by a form. */
int staff_check(struct staff_panel *p, struct panel_ctx *ctx, bool in);

/* Tick the evening openings of the coming week the selected member works. */
int staff_open_roster(struct staff_panel *p, struct panel_ctx *ctx);

/* A manager records "nobody reachable, reception informed" for a short period (every
 * console then says police, 112), or withdraws such a record. */
int staff_open_unreachable(struct staff_panel *p, struct panel_ctx *ctx);

#endif
