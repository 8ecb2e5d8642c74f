/* bans_search — the visitor search view: the query against the name index, each candidate
 * with its verdict, and what the receptionist must do now; one audit line per check. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "core/dates.h"
#include "core/names.h"
#include "core/policy.h"
#include "core/roles.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/bans.h"
#include "ui/bans.h"
#include "ui/draw.h"
#include "ui/theme.h"

/* A date of birth typed in the query ("1980-02-03" or "03-02-1980") goes to born. */
static void split_query(const char *query, char *names, size_t namesz, char born[DATES_DATE_LEN])
{
	born[0] = '\0';
	names[0] = '\0';
	size_t used = 0;
	const char *s = query;
	while (*s) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (n == 0)
			break;
		char tok[QUERY_MAX + 1];
		(void)snprintf(tok, sizeof tok, "%.*s", (int)n, s);
		int y, m, d;
		char iso[DATES_DATE_LEN + 8];
		if (n == 10 && tok[2] == '-' && tok[5] == '-')
			(void)snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", tok + 6, tok + 3, tok);
		else
			(void)snprintf(iso, sizeof iso, "%.10s", tok);
		if (!born[0] && n == 10 && dates_parse_date(iso, &y, &m, &d) == 0) {
			memcpy(born, iso, DATES_DATE_LEN);
		} else if (used + n + 2 < namesz) {
			if (used)
				names[used++] = ' ';
			memcpy(names + used, s, n);
			used += n;
			names[used] = '\0';
		}
		s += n;
	}
}


/* Record the settled query as a visitor check (query text, number of hits). */
void bans_record_check(struct bans_panel *p, struct store *st)
{
	if (!p->check_pending)
		return;
	p->check_pending = false;
	if (!p->query[0] || strcmp(p->query, p->checked) == 0)
		return;
	char count[32];
	(void)snprintf(count, sizeof count, "%zu", p->check_hits);
	if (store_audit(st, "visitor.check", p->query, count, "console") == STORE_OK)
		(void)snprintf(p->checked, sizeof p->checked, "%s", p->query);
}

/* Run the query against the index and read the hits' bans. */
void bans_search(struct bans_panel *p, struct panel_ctx *ctx)
{
	p->check_pending = true;
	p->typed_ms = clock_mono_ms();
	bans_clear_hits(p);
	p->sel = 0;
	p->top = 0;
	if (!bans_searching(p))
		return;
	const struct names_index *ix = panel_bans_index(ctx);
	if (!ix)
		return;
	char names[QUERY_MAX + 1];
	split_query(p->query, names, sizeof names, p->born_query);
	if (!names[0])
		return;
	size_t n = names_index_search(ix, names, p->born_query, p->hits, HITS_MAX);
	const struct config_building *here = config_building_here(ctx->config);
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	for (size_t i = 0; i < n; i++) {
		enum store_status r = store_ban_get(ctx->store, p->hits[i].id, &p->hitban[i]);
		/* a ban lifted or deleted a moment ago: the reload that follows drops it */
		p->hitok[i] = r == STORE_OK;
		if (!p->hitok[i])
			continue;
		const struct ban *b = &p->hitban[i];
		p->here[i] = policy_ban_applies_here(b->kind, b->scope, here ? here->id : "");
		r = store_ban_exception_on(ctx->store, b->id, today, &p->exc[i]);
		p->allowed[i] = r == STORE_OK;
		if (r != STORE_OK && r != STORE_NOT_FOUND)
			ctx->message(ctx, _("Exceptions could not be read: %s"),
				     store_error(ctx->store));
	}
	p->nhits = n;
	p->check_hits = n;
}


void bans_draw_search_field(struct bans_panel *p, WINDOW *win, int cols)
{
	const char *label = _("Search: ");
	int x = 1 + draw_text(win, 1, 1, cols, label, theme_attr(THEME_TITLE));
	int room = cols - (x - 1) - 1;
	if (room < 2)
		return;
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
	if (p->focused)
		(void)draw_text(win, 1, x + used, 1, " ", fa | A_REVERSE); /* the typing cursor */
	else if (!p->query[0])
		(void)draw_text(win, 1, x, room, _("press / to check a visitor"),
				fa | theme_attr(THEME_DIM));
}


/* Whether hit i stops the visitor at this desk: its ban applies here and no exception
 * allows the visit today. An unreadable ban counts as stopping (a missed ban is worse). */
static bool hit_stops(const struct bans_panel *p, size_t i)
{
	if (i >= p->nhits)
		return false;
	if (!p->hitok[i])
		return true;
	return p->here[i] == POLICY_HERE_APPLIES && !p->allowed[i];
}

/* What the receptionist must do about hit i: the protocol when its ban stops the visitor
 * here, else why not. */
static void hit_advice(const struct bans_panel *p, struct panel_ctx *ctx, size_t i, char *out,
		       size_t outsz)
{
	out[0] = '\0';
	if (i >= p->nhits)
		return;
	bool match = p->hits[i].verdict == NAMES_MATCH;
	if (hit_stops(p, i)) {
		(void)snprintf(out, outsz, "%s",
			       config_protocol(ctx->config, match ? PROTOCOL_BAN_HIT
								  : PROTOCOL_POSSIBLE));
		return;
	}
	const struct ban *b = &p->hitban[i];
	if (p->allowed[i]) {
		if (p->exc[i].kind == BAN_EXCEPTION_APPOINTMENT)
			(void)snprintf(out, outsz, _("ALLOWED today: appointment arranged by phone "
						     "(%s). Serve the visitor for this appointment "
						     "only."), p->exc[i].detail);
		else
			(void)snprintf(out, outsz, _("ALLOWED today: a representative with signed "
						     "authorisation (%s). Check the signed "
						     "authorisation; the person themselves stays "
						     "banned."), p->exc[i].detail);
		return;
	}
	char where[512];
	switch (p->here[i]) {
	case POLICY_HERE_OTHER_BUILDING:
		bans_scope_names(ctx->config, b->scope, where, sizeof where);
		(void)snprintf(out, outsz, _("Not for this building: the ban is for %s only. "
					     "Serve the visitor as usual."), where);
		break;
	case POLICY_HERE_PHONE_ONLY:
		(void)snprintf(out, outsz, "%s", _("Phone ban only: the visitor may come in and be "
						   "served at the desk."));
		break;
	case POLICY_HERE_WARNING:
		(void)snprintf(out, outsz, "%s", _("Written warning: serve the visitor, but stay "
						   "alert; on aggression call the porter."));
		break;
	case POLICY_HERE_APPLIES:
		break;
	}
}


/* One search hit on two lines (verdict, name, born / where it applies, kind, until,
 * buildings), or on one line (verdict, name, born, until) when the room is needed for the
 * protocol. */
static void draw_hit(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int cols,
		     size_t i, bool selected, bool two_lines)
{
	const struct names_hit *h = &p->hits[i];
	bool match = h->verdict == NAMES_MATCH;
	attr_t base = selected ? theme_attr(THEME_SELECTED) : theme_attr(THEME_NORMAL);
	if (selected) {
		draw_fill(win, y, 1, cols, base);
		if (two_lines)
			draw_fill(win, y + 1, 1, cols, base);
	}
	char verdict[64];
	bool allowed = p->hitok[i] && p->allowed[i];
	/* Red only for a ban that stops the visitor here: the name still matches, but a ban
	 * for another building or an arranged appointment must not look like one. */
	enum theme_role role = allowed ? THEME_BAN_CLEAR
			     : hit_stops(p, i) && match ? THEME_BAN_MATCH : THEME_BAN_POSSIBLE;
	(void)snprintf(verdict, sizeof verdict, " %s ",
		       allowed ? _("ALLOWED") : match ? _("MATCH") : _("POSSIBLE"));
	int x = 1 + draw_text(win, y, 1, cols, verdict, theme_attr(role));
	x++;
	if (!p->hitok[i]) {
		(void)draw_text(win, y, x, cols - x + 1, _("(ban no longer readable)"), base);
		return;
	}
	const struct ban *b = &p->hitban[i];
	char name[512], line[1280];
	bans_display_name(b, name, sizeof name);
	x += draw_text(win, y, x, cols - x + 1, name, base | A_BOLD);
	if (b->born[0] && x <= cols) {
		if (h->born_differs)
			(void)snprintf(line, sizeof line, _(", born %s (differs from %s)"), b->born,
				       p->born_query);
		else
			(void)snprintf(line, sizeof line, _(", born %s"), b->born);
		x += draw_text(win, y, x, cols - x + 1, line,
			       h->born_differs ? base | theme_attr(THEME_BAN_POSSIBLE) : base);
	}
	const char *label = allowed ? bans_exception_label(p->exc[i].kind) : bans_here_label(p->here[i]);
	if (!two_lines) {
		if (x <= cols) {
			(void)snprintf(line, sizeof line, _(", until %s; %s"), b->ends, label);
			(void)draw_text(win, y, x, cols - x + 1, line, base);
		}
		return;
	}
	char where[512];
	bans_scope_names(ctx->config, b->scope, where, sizeof where);
	x = 3 + draw_text(win, y + 1, 3, cols - 2, label,
			  base | (p->here[i] == POLICY_HERE_APPLIES && !allowed ? 0 : A_BOLD));
	(void)snprintf(line, sizeof line, _(": %s until %s, %s"), policy_kind_label(b->kind),
		       b->ends, where);
	(void)draw_text(win, y + 1, x, cols - x + 1, line, base);
}


static const struct ban *search_selected(const struct bans_panel *p);

/* What to do about the selected candidate, then the reason (for roles that may see it).
 * Returns lines used. */
static int draw_details(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int cols, int maxlines)
{
	int used = 0;
	if (p->sel < p->nhits) {
		char advice[2400];
		hit_advice(p, ctx, p->sel, advice, sizeof advice);
		used += draw_wrap(win, y, 1, cols, maxlines, advice, theme_attr(THEME_MESSAGE));
	}
	const struct ban *b = search_selected(p);
	if (b && used < maxlines)
		used += bans_draw_reason(ctx, win, y + used, cols, maxlines - used, b);
	return used;
}

static size_t search_count(const struct bans_panel *p)
{
	return p->nhits;
}

static const struct ban *search_selected(const struct bans_panel *p)
{
	return p->sel < p->nhits && p->hitok[p->sel] ? &p->hitban[p->sel] : NULL;
}

static void search_draw(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int last, int cols, bool focused)
{
	(void)focused; /* the candidates stay highlighted: they are what the desk acts on */
	size_t count = p->nhits;
	if (count == 0) {
		(void)draw_text(win, y, 1, cols, _("No ban found for this name"),
				theme_attr(THEME_BAN_CLEAR));
		return;
	}
	int avail = last - y + 1;
	if (avail <= 0)
		return;
	/* On a hit the protocol gets its room before the list gets more than one line. */
	char advice[2400];
	hit_advice(p, ctx, p->sel < p->nhits ? p->sel : 0, advice, sizeof advice);
	int want = draw_wrap_lines(advice, cols, 50);
	int item_h = avail < 2 + 1 + want ? 1 : 2;
	int detail, sep;
	int per_view = bans_place_list(p, y, last, item_h, want,
				       roles_may(ctx->role, PERM_SEE_REASON), false, &detail, &sep);
	for (int r = 0; r < per_view && p->top + (size_t)r < count; r++) {
		size_t i = p->top + (size_t)r;
		int yy = y + r * item_h;
		if (yy + item_h - 1 > last)
			break;
		draw_hit(p, ctx, win, yy, cols, i, i == p->sel, item_h == 2);
	}
	char note[96];
	(void)snprintf(note, sizeof note, ngettext("%zu candidate", "%zu candidates", count), count);
	draw_frame_note(win, note, theme_attr(THEME_DIM));
	if (detail > 0) {
		int dy = last - detail + 1;
		if (sep)
			(void)mvwhline_set(win, dy - 1, 1, WACS_HLINE, cols); /* clipping is harmless */
		(void)draw_details(p, ctx, win, dy, cols, detail);
	}
}

const struct bans_view_ops bans_search_view = {
	.count = search_count,
	.selected = search_selected,
	.draw = search_draw,
};
