/* bans_search — the visitor search view: what was typed read as name and date of birth (a
 * date alone searches by date of birth), each candidate with what to do in words (core/
 * visitor.c), all of them reachable by scrolling; one audit line per check. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/bans.h"
#include "ui/draw.h"
#include "ui/theme.h"

/* ------------------------------------------------------------------ the check */

/* The candidates of a date of birth alone: every active ban of someone born that day. */
static size_t find_born(struct bans_panel *p, struct panel_ctx *ctx, const char *today)
{
	struct ban_list list = {0};
	if (client_ban_list_born(ctx->client, today, p->vq.born, HITS_MAX, &list) != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"), client_error(ctx->client));
		p->search_failed = true; /* never "no ban found" for a check not done */
		return 0;
	}
	size_t n = list.count < HITS_MAX ? list.count : HITS_MAX;
	for (size_t i = 0; i < n; i++) {
		/* the bans move into the hits (their strings with them) */
		p->hitban[i] = list.items[i];
		p->hitok[i] = true;
		p->hits[i] = (struct bans_hit){list.items[i].id, 0, NAMES_POSSIBLE, false};
	}
	free(list.items);
	return n;
}

/* Where each candidate's ban holds, its exception today, and so what the desk must do. */
static void judge(struct bans_panel *p, struct panel_ctx *ctx, size_t i, const char *today)
{
	const struct config_building *here = config_building_here(ctx->config);
	const struct ban *b = &p->hitban[i];
	p->here[i] = policy_ban_applies_here(b->kind, b->scope, here ? here->id : "");
	enum store_status r = client_ban_exception_on(ctx->client, b->id, today, &p->exc[i]);
	p->allowed[i] = r == STORE_OK;
	if (r != STORE_OK && r != STORE_NOT_FOUND)
		ctx->message(ctx, _("Exceptions could not be read: %s"), client_error(ctx->client));
	p->vcase[i] = (struct visitor_case){
		.verdict = p->hits[i].verdict, .born_only = p->born_only,
		.born_typed = p->vq.born[0] != '\0',
		.born_differs = p->hits[i].born_differs != 0, .ban_born_known = b->born[0] != '\0',
		.common_name = visitor_common_surname(b->surname), .kind = b->kind,
		.here = p->here[i],
		.exception = !p->allowed[i] ? VISITOR_EXC_NONE
			     : p->exc[i].kind == BAN_EXCEPTION_APPOINTMENT ? VISITOR_EXC_APPOINTMENT
									 : VISITOR_EXC_REPRESENTATIVE,
	};
	p->step[i] = visitor_step(&p->vcase[i]);
}

void bans_search_later(struct bans_panel *p, struct panel_ctx *ctx)
{
	bans_clear_hits(p);
	p->sel = 0;
	p->top = 0;
	p->search_failed = false;
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	visitor_read_query(p->query, today, &p->vq);
	p->search_pending = bans_searching(p);
	if (p->search_pending) {
		p->search_due_ms = clock_mono_ms() + SEARCH_SETTLE_MS;
		ctx->wake_at(ctx, p->search_due_ms);
	}
}

bool bans_search_due(struct bans_panel *p, struct panel_ctx *ctx, bool now)
{
	if (!p->search_pending || (!now && clock_mono_ms() < p->search_due_ms))
		return false;
	bans_search(p, ctx);
	return true;
}

void bans_search(struct bans_panel *p, struct panel_ctx *ctx)
{
	p->search_pending = false;
	bans_clear_hits(p);
	p->sel = 0;
	p->top = 0;
	p->born_only = false;
	p->search_failed = false;
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	visitor_read_query(p->query, today, &p->vq);
	if (!bans_searching(p))
		return;
	size_t n = 0;
	if (p->vq.names[0]) {
		if (bans_find(ctx, p->vq.names, p->vq.born, p->hits, p->hitban, HITS_MAX, &n) != 0)
			p->search_failed = true;
		for (size_t i = 0; i < n; i++)
			p->hitok[i] = true;
	} else if (p->vq.born[0]) {
		p->born_only = true;
		n = find_born(p, ctx, today);
	}
	for (size_t i = 0; i < n; i++) {
		if (p->hitok[i])
			judge(p, ctx, i, today);
		else
			p->step[i] = VISITOR_REFUSE; /* unreadable: a missed ban is worse */
	}
	p->nhits = n;
}

/* ------------------------------------------------------------------ words */

/* What the receptionist must do about hit i, in sentences. */
static void hit_advice(const struct bans_panel *p, struct panel_ctx *ctx, size_t i, char *out,
		       size_t outsz)
{
	out[0] = '\0';
	if (i >= p->nhits)
		return;
	if (!p->hitok[i]) {
		(void)snprintf(out, outsz, "%s", config_protocol(ctx->config, PROTOCOL_BAN_HIT));
		return;
	}
	const struct ban *b = &p->hitban[i];
	char where[512];
	config_scope_names(ctx->config, b->scope, where, sizeof where);
	struct visitor_ban_facts f = {
		.ends = b->ends, .born = b->born, .buildings = where,
		.until_conversation = b->until_conversation,
		.exception_detail = p->allowed[i] ? p->exc[i].detail : "",
	};
	visitor_advice(&p->vcase[i], &f, config_protocol(ctx->config, PROTOCOL_BAN_HIT),
		       config_protocol(ctx->config, PROTOCOL_POSSIBLE), out, outsz);
}

static enum theme_role step_theme(enum visitor_step s)
{
	switch (s) {
	case VISITOR_REFUSE: return THEME_BAN_MATCH;
	case VISITOR_ASK_BORN:
	case VISITOR_CHECK_ID:
	case VISITOR_LET_IN_SERVICE: return THEME_BAN_POSSIBLE;
	default: return THEME_BAN_CLEAR;
	}
}

/* How many words of at least two letters the name has: fewer than two is no full name. */
static int name_words(const char *s)
{
	int words = 0;
	while (*s) {
		s += strspn(s, " ");
		size_t n = strcspn(s, " ");
		words += n >= 2;
		s += n;
	}
	return words;
}

/* ------------------------------------------------------------------ drawing */

int bans_draw_search_field(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int cols)
{
	(void)ctx;
	const char *label = _("Visitor: ");
	int x = 1 + draw_text(win, 1, 1, cols, label, theme_attr(THEME_TITLE));
	int room = cols - (x - 1) - 1;
	p->cursor_x = x;
	if (room < 2)
		return 0;
	attr_t fa = theme_attr(THEME_FIELD);
	draw_fill(win, 1, x, room + 1, fa);
	/* show the end of a long query: that is where the typing happens */
	const char *q = p->query;
	while (draw_width(q) > room - 1 && *q) {
		q++;
		while ((*q & 0xC0) == 0x80)
			q++;
	}
	int used = draw_text(win, 1, x, room, q, fa);
	p->cursor_x = x + used;
	if (!p->query[0])
		(void)draw_text(win, 1, x + 1, room - 1,
				_("type a name (and date of birth) - typing always goes here"),
				fa | theme_attr(THEME_DIM));
	if (!bans_searching(p) || getmaxy(win) < 5)
		return 0;
	char line[VISITOR_QUERY_MAX + 160];
	if (p->vq.bad_date[0]) {
		(void)snprintf(line, sizeof line, _("Date not understood: \"%s\" - type it as "
						    "d-m-yyyy"), p->vq.bad_date);
		(void)draw_text(win, 2, 1, cols, line, theme_attr(THEME_ERROR));
		return 1;
	}
	if (p->vq.born[0]) {
		(void)snprintf(line, sizeof line,
			       p->vq.names[0] ? _("Date of birth: %s") :
			       _("Date of birth: %s - searching by date of birth alone"),
			       p->vq.born);
		(void)draw_text(win, 2, 1, cols, line, theme_attr(THEME_DIM));
		return 1;
	}
	return 0;
}

/* One candidate on two lines (what to do, name, born / match, kind, until, where) or, when
 * the room is needed for the advice, on one line whose name gives way first. */
static void draw_hit(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int cols,
		     size_t i, bool selected, bool two_lines)
{
	const struct bans_hit *h = &p->hits[i];
	attr_t base = selected ? theme_attr(THEME_SELECTED) : theme_attr(THEME_NORMAL);
	if (selected) {
		draw_fill(win, y, 1, cols, base);
		if (two_lines)
			draw_fill(win, y + 1, 1, cols, base);
	}
	char badge[96];
	(void)snprintf(badge, sizeof badge, " %s ", visitor_step_word(p->step[i]));
	int x = 1 + draw_text(win, y, 1, cols, badge, theme_attr(step_theme(p->step[i])));
	x++;
	if (!p->hitok[i]) {
		(void)draw_text(win, y, x, cols - x + 1, _("(ban no longer readable)"), base);
		return;
	}
	const struct ban *b = &p->hitban[i];
	char name[512], where[512], summary[768], line[1400];
	bans_display_name(b, name, sizeof name);
	config_scope_names(ctx->config, b->scope, where, sizeof where);
	visitor_hit_summary(b->kind, b->ends, where, summary, sizeof summary);
	const char *match = p->born_only ? _("SAME DATE OF BIRTH")
			    : h->verdict == NAMES_MATCH ? _("MATCH") : _("POSSIBLE");
	char born[160] = "";
	if (b->born[0] && h->born_differs)
		(void)snprintf(born, sizeof born, _(", born %s (differs from %s)"), b->born,
			       p->vq.born);
	else if (b->born[0])
		(void)snprintf(born, sizeof born, _(", born %s"), b->born);
	else
		(void)snprintf(born, sizeof born, "%s", _(", date of birth unknown"));
	if (!two_lines) {
		/* the kind and the end come first; the name gives way */
		(void)snprintf(line, sizeof line, " - %s", summary);
		int tail = draw_width(line), room = cols - x + 1;
		int namew = room - tail > 12 ? room - tail : 12;
		x += draw_text(win, y, x, namew, name, base | A_BOLD);
		(void)draw_text(win, y, x, cols - x + 1, line, base);
		return;
	}
	x += draw_text(win, y, x, cols - x + 1, name, base | A_BOLD);
	(void)draw_text(win, y, x, cols - x + 1, born,
			h->born_differs ? base | theme_attr(THEME_BAN_POSSIBLE) : base);
	if (p->allowed[i])
		(void)snprintf(line, sizeof line, "%s: %s; %s", match, summary,
			       bans_exception_label(p->exc[i].kind));
	else
		(void)snprintf(line, sizeof line, "%s: %s", match, summary);
	(void)draw_text(win, y + 1, 4, cols - 3, line, base);
}

/* What to do now about the selected candidate, then the reason (for roles that may see
 * it). Returns lines used. */
static int search_details(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			  int cols, int maxlines)
{
	int used = 0;
	if (p->sel < p->nhits) {
		char advice[2400];
		hit_advice(p, ctx, p->sel, advice, sizeof advice);
		used += draw_wrap(win, y, 1, cols, maxlines, advice, theme_attr(THEME_MESSAGE));
	}
	if (p->sel < p->nhits && p->hitok[p->sel] && used < maxlines)
		used += bans_draw_reason(ctx, win, y + used, cols, maxlines - used,
					 &p->hitban[p->sel]);
	return used;
}

/* Lines of the advice for the selected candidate at this width. */
static int advice_lines(struct bans_panel *p, struct panel_ctx *ctx, int cols)
{
	char advice[2400];
	hit_advice(p, ctx, p->sel < p->nhits ? p->sel : 0, advice, sizeof advice);
	return draw_wrap_lines(advice, cols, 50);
}

void bans_search_size(struct bans_panel *p, struct panel_ctx *ctx, int cols, int *min,
		      int *want)
{
	int head = 2 + 1 + (p->vq.born[0] || p->vq.bad_date[0] ? 1 : 0);
	if (p->nhits == 0) {
		*min = *want = head + 2;
		return;
	}
	int advice = advice_lines(p, ctx, cols);
	int reason = roles_may(ctx->role, PERM_SEE_REASON) ? 2 : 0;
	/* the verdict and what to do must be seen: one line for the candidate, the advice */
	*min = head + 1 + 1 + advice;
	*want = head + 2 * (int)p->nhits + 1 + advice + reason;
}

static size_t search_count(const struct bans_panel *p)
{
	return p->nhits;
}

static const struct ban *search_selected(const struct bans_panel *p)
{
	return p->sel < p->nhits && p->hitok[p->sel] ? &p->hitban[p->sel] : NULL;
}

/* Nothing found: clear only for a full name; a date that was not understood is no check. */
static void draw_none(struct bans_panel *p, WINDOW *win, int y, int last, int cols)
{
	const char *msg, *hint = NULL;
	enum theme_role role = THEME_DIM;
	if (p->search_pending) {
		/* typed, not yet asked: no verdict, least of all "no ban found" */
		(void)draw_text(win, y, 1, cols, _("Checking..."), theme_attr(THEME_DIM));
		return;
	}
	if (p->search_failed) {
		(void)draw_wrap(win, y, 1, cols, last - y + 1,
				_("The check could not be done: do not let the visitor in "
				  "unchecked; try again or call the porter"),
				theme_attr(THEME_BAN_MATCH));
		return;
	}
	if (p->vq.bad_date[0] && !p->vq.names[0]) {
		msg = _("No search: the date is not understood");
	} else if (!p->vq.names[0]) {
		msg = _("No ban found for this date of birth");
		role = THEME_BAN_CLEAR;
		hint = _("Type the name as well: a date of birth alone is not a check.");
	} else if (name_words(p->vq.names) < 2) {
		msg = _("No ban found so far: type the full name as on the ID");
	} else {
		msg = _("No ban found for this name");
		role = THEME_BAN_CLEAR;
		if (!p->vq.born[0])
			hint = _("Checked without a date of birth: add it when the ID shows one.");
	}
	(void)draw_text(win, y, 1, cols, msg, theme_attr(role));
	if (hint && y + 1 <= last)
		(void)draw_text(win, y + 1, 1, cols, hint, theme_attr(THEME_DIM));
}

static void search_draw(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int last, int cols, bool focused)
{
	(void)focused; /* the candidates stay highlighted: they are what the desk acts on */
	size_t count = p->nhits;
	if (count == 0) {
		draw_none(p, win, y, last, cols);
		return;
	}
	int avail = last - y + 1;
	if (avail <= 0)
		return;
	/* On a hit what to do gets its room before the list gets more than one line. */
	int want = advice_lines(p, ctx, cols);
	int item_h = avail < 2 + 1 + want ? 1 : 2;
	int per_view = bans_place_list(p, y, last, item_h, want,
				       roles_may(ctx->role, PERM_SEE_REASON), false);
	for (int r = 0; r < per_view && p->top + (size_t)r < count; r++) {
		size_t i = p->top + (size_t)r;
		int yy = y + r * item_h;
		if (yy + item_h - 1 > last)
			break;
		draw_hit(p, ctx, win, yy, cols, i, i == p->sel, item_h == 2);
	}
	char note[128];
	size_t below = count > p->top + (size_t)per_view ? count - p->top - (size_t)per_view : 0;
	if (below)
		(void)snprintf(note, sizeof note,
			       ngettext("%zu candidate, %zu more below (Down)",
					"%zu candidates, %zu more below (Down)", count), count, below);
	else
		(void)snprintf(note, sizeof note, ngettext("%zu candidate", "%zu candidates", count),
			       count);
	draw_frame_note(win, note, theme_attr(below ? THEME_BAN_POSSIBLE : THEME_DIM));
}

const struct bans_view_ops bans_search_view = {
	.count = search_count,
	.selected = search_selected,
	.details = search_details,
	.draw = search_draw,
};
