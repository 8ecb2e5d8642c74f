/* panel_bans — the visitor check: a search field that searches the in-memory name index as
 * you type, the active bans soonest-ending first, and the forms to add, extend and lift bans. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "config.h"
#include "core/dates.h"
#include "core/names.h"
#include "core/policy.h"
#include "core/roles.h"
#include "core/text.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/bans.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/panel.h"
#include "ui/theme.h"

#define QUERY_MAX 200   /* bytes of the search text */
#define HITS_MAX 40     /* candidates shown for one search */

/* The fields of the ban form, in order. */
enum ban_field {
	BF_GIVEN, BF_PREFIX, BF_SURNAME, BF_BORN, BF_KIND, BF_REASON, BF_STARTS, BF_ENDS,
	BF_SCOPE, BF_IMPOSED, BF_LETTER, BF_POLICE, BF_NOTES, BF_COUNT
};

enum edit_mode { EDIT_NONE, EDIT_NEW, EDIT_EXTEND, EDIT_LIFT };

struct bans_panel {
	char list_today[DATES_DATE_LEN]; /* the day the list was counted for */
	unsigned list_generation;        /* shared.generation the count and page belong to */

	char query[QUERY_MAX + 1];
	bool focused;                    /* typing goes into the search field */

	/* search results: the index's hits and their bans (read by id) */
	struct names_hit hits[HITS_MAX];
	struct ban hitban[HITS_MAX];
	bool hitok[HITS_MAX];
	size_t nhits;
	char born_query[DATES_DATE_LEN]; /* a date of birth typed in the query, or "" */

	/* without a query: one page of active bans */
	struct ban_list page;
	size_t page_offset;
	bool page_valid;
	size_t total;                    /* active bans and warnings */

	size_t sel;                      /* selected hit, or absolute row in the active list */
	size_t top;                      /* first row shown */
	int list_y, list_rows, item_h;   /* where the list was drawn, for clicks and paging */

	/* the ban a form is open for */
	enum edit_mode edit;
	struct ban edit_ban;
};

/* ------------------------------------------------------------------ helpers */

static void today_of(struct panel_ctx *ctx, char out[DATES_DATE_LEN])
{
	dates_local_date(ctx->now, out);
}

/* "Jan de Vries" from the parts of a ban's person. */
static void display_name(const struct ban *b, char *out, size_t outsz)
{
	(void)snprintf(out, outsz, "%s%s%s%s%s", b->given_names, b->given_names[0] ? " " : "",
		       b->prefix, b->prefix[0] ? " " : "", b->surname);
}

/* Building names of a scope ("" = all buildings). */
static void scope_names(const struct config *cfg, const char *scope, char *out, size_t outsz)
{
	if (!scope || !scope[0]) {
		(void)snprintf(out, outsz, "%s", _("all buildings"));
		return;
	}
	out[0] = '\0';
	size_t used = 0;
	const char *s = scope;
	while (*s) {
		size_t n = strcspn(s, ",");
		char id[128];
		(void)snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), s);
		(void)text_trim(id);
		const struct config_building *b = config_building_find(cfg, id);
		int w = snprintf(out + used, outsz - used, "%s%s", used ? ", " : "",
				 b ? b->name : id);
		if (w < 0 || (size_t)w >= outsz - used)
			break;
		used += (size_t)w;
		s += n;
		if (*s == ',')
			s++;
	}
}

static bool is_search_mode(const struct bans_panel *p)
{
	return p->query[0] != '\0';
}

static size_t item_count(const struct bans_panel *p)
{
	return is_search_mode(p) ? p->nhits : p->total;
}

static void clear_hits(struct bans_panel *p)
{
	for (size_t i = 0; i < p->nhits; i++)
		store_ban_clear(&p->hitban[i]);
	memset(p->hitban, 0, sizeof p->hitban);
	memset(p->hitok, 0, sizeof p->hitok);
	p->nhits = 0;
}

static void drop_page(struct bans_panel *p)
{
	store_ban_list_free(&p->page);
	memset(&p->page, 0, sizeof p->page);
	p->page_valid = false;
}

/* ------------------------------------------------------------------ the name index */

/* The one name index of today's active bans, shared by the ban and appointment panels.
 * Building it reads every active ban (about 0.6 s for 100 000), so it is rebuilt only
 * when a ban was written (seen in the audit trail, which every ban write appends to in
 * its own transaction) or the day changed — never for an alarm or a check-in. */
static struct {
	struct names_index *ix;
	char today[DATES_DATE_LEN];  /* the day it was built for */
	int64_t audit_seen;          /* newest audit line looked at */
	unsigned holders;            /* panels that use it (it is freed with the last) */
	unsigned generation;         /* bumped on every rebuild */
} shared;

#define AUDIT_LOOK 64 /* audit lines read per check; more new ones than this: rebuild */

static int index_one(const struct ban *b, void *arg)
{
	struct names_index *ix = arg;
	struct names_record r = {
		.id = b->id, .given_names = b->given_names, .prefix = b->prefix,
		.surname = b->surname, .partner_prefix = b->partner_prefix,
		.partner_surname = b->partner_surname, .born = b->born,
	};
	return names_index_add(ix, &r) == 0 ? 0 : -1;
}

/* Whether a ban was written since the last look; true when that cannot be told. */
static bool bans_written(struct panel_ctx *ctx, int64_t *newest)
{
	struct audit_entry *e = NULL;
	size_t n = 0;
	*newest = shared.audit_seen;
	if (store_audit_list(ctx->store, AUDIT_LOOK, &e, &n) != STORE_OK)
		return true;
	bool written = false;
	size_t fresh = 0;
	for (size_t i = 0; i < n; i++) {
		if (e[i].id <= shared.audit_seen)
			continue;
		fresh++;
		if (strncmp(e[i].action, "ban.", 4) == 0)
			written = true;
	}
	if (n > 0)
		*newest = e[0].id;
	if (fresh == AUDIT_LOOK)
		written = true; /* older new lines were not seen */
	free(e);
	return written;
}

const struct names_index *panel_bans_index(struct panel_ctx *ctx)
{
	char today[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	int64_t newest = 0;
	bool stale = !shared.ix || strcmp(today, shared.today) != 0;
	/* look at the audit trail even when stale, so that the lines seen move on */
	if (bans_written(ctx, &newest))
		stale = true;
	if (!stale) {
		shared.audit_seen = newest;
		return shared.ix;
	}
	struct names_index *ix = names_index_new();
	if (!ix) {
		ctx->message(ctx, "%s", _("Out of memory while reading the ban list"));
		return shared.ix;
	}
	enum store_status r = store_ban_each(ctx->store, BAN_FILTER_ACTIVE, today, index_one, ix);
	if (r != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"),
			     r == STORE_ERROR ? store_error(ctx->store) : _("out of memory"));
		names_index_free(ix);
		return shared.ix; /* the old one (or NULL) until the next try */
	}
	names_index_free(shared.ix);
	shared.ix = ix;
	memcpy(shared.today, today, sizeof today);
	shared.audit_seen = newest;
	shared.generation++;
	return shared.ix;
}

void panel_bans_index_hold(void)
{
	shared.holders++;
}

void panel_bans_index_drop(void)
{
	if (shared.holders > 0)
		shared.holders--;
	if (shared.holders == 0) {
		names_index_free(shared.ix);
		memset(&shared, 0, sizeof shared);
	}
}

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

/* Run the query against the index and read the hits' bans. */
static void search(struct bans_panel *p, struct panel_ctx *ctx)
{
	clear_hits(p);
	p->sel = 0;
	p->top = 0;
	if (!is_search_mode(p))
		return;
	const struct names_index *ix = panel_bans_index(ctx);
	if (!ix)
		return;
	char names[QUERY_MAX + 1];
	split_query(p->query, names, sizeof names, p->born_query);
	if (!names[0])
		return;
	size_t n = names_index_search(ix, names, p->born_query, p->hits, HITS_MAX);
	for (size_t i = 0; i < n; i++) {
		enum store_status r = store_ban_get(ctx->store, p->hits[i].id, &p->hitban[i]);
		/* a ban lifted or deleted a moment ago: the reload that follows drops it */
		p->hitok[i] = r == STORE_OK;
	}
	p->nhits = n;
}

/* ------------------------------------------------------------------ panel ops */

static void *bans_create(struct panel_ctx *ctx)
{
	(void)ctx;
	struct bans_panel *p = calloc(1, sizeof *p);
	if (p)
		panel_bans_index_hold();
	return p;
}

static void bans_destroy(void *self)
{
	struct bans_panel *p = self;
	if (!p)
		return;
	clear_hits(p);
	drop_page(p);
	store_ban_clear(&p->edit_ban);
	panel_bans_index_drop();
	free(p);
}

static int bans_reload(void *self, struct panel_ctx *ctx)
{
	struct bans_panel *p = self;
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	/* Built now rather than on the first key press; rebuilt only when a ban was written.
	 * Counting 100 000 bans takes tens of milliseconds, so the count and the page are
	 * kept too while no ban changed: an alarm raised elsewhere must show at once. */
	(void)panel_bans_index(ctx);
	if (!p->list_today[0] || strcmp(today, p->list_today) != 0 ||
	    p->list_generation != shared.generation) {
		drop_page(p);
		size_t total = 0;
		if (store_ban_count(ctx->store, BAN_FILTER_ACTIVE, today, &total) != STORE_OK) {
			ctx->message(ctx, _("The ban list could not be read: %s"),
				     store_error(ctx->store));
			return -1;
		}
		p->total = total;
		memcpy(p->list_today, today, sizeof today);
		p->list_generation = shared.generation;
	}
	size_t total = p->total;
	if (is_search_mode(p)) {
		size_t keep = p->sel;
		int64_t keep_id = keep < p->nhits ? p->hits[keep].id : 0;
		search(p, ctx);
		for (size_t i = 0; i < p->nhits; i++)
			if (p->hits[i].id == keep_id)
				p->sel = i;
	} else if (p->sel >= total) {
		p->sel = total ? total - 1 : 0;
	}
	return 0;
}

static int bans_wanted_lines(void *self, struct panel_ctx *ctx, int cols)
{
	(void)self;
	(void)ctx;
	(void)cols;
	return 0;
}

/* Read the page of active bans that holds rows [first, first + rows). */
static void ensure_page(struct bans_panel *p, struct panel_ctx *ctx, size_t first, size_t rows)
{
	if (p->page_valid && first >= p->page_offset &&
	    first + rows <= p->page_offset + p->page.count)
		return;
	if (p->page_valid && first >= p->page_offset && p->page_offset + p->page.count >= p->total)
		return; /* the last page is short */
	drop_page(p);
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	size_t limit = rows * 2 + 8;   /* a little ahead, so paging down reads less often */
	enum store_status r = store_ban_list(ctx->store, BAN_FILTER_ACTIVE, today, first, limit,
					     &p->page);
	if (r != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"), store_error(ctx->store));
		memset(&p->page, 0, sizeof p->page);
		return;
	}
	p->page_offset = first;
	p->page_valid = true;
}

static const struct ban *page_item(const struct bans_panel *p, size_t row)
{
	if (!p->page_valid || row < p->page_offset || row >= p->page_offset + p->page.count)
		return NULL;
	return &p->page.items[row - p->page_offset];
}

/* The ban under the cursor, or NULL. */
static const struct ban *selected_ban(const struct bans_panel *p)
{
	if (is_search_mode(p))
		return p->sel < p->nhits && p->hitok[p->sel] ? &p->hitban[p->sel] : NULL;
	return page_item(p, p->sel);
}

static void draw_search_field(struct bans_panel *p, WINDOW *win, int cols)
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

/* One search hit on two lines (verdict, name, born / kind, until, buildings), or on one
 * line (verdict, name, born, until) when the room is needed for the protocol. */
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
	(void)snprintf(verdict, sizeof verdict, " %s ", match ? _("MATCH") : _("POSSIBLE"));
	int x = 1 + draw_text(win, y, 1, cols, verdict,
			      theme_attr(match ? THEME_BAN_MATCH : THEME_BAN_POSSIBLE));
	x++;
	if (!p->hitok[i]) {
		(void)draw_text(win, y, x, cols - x + 1, _("(ban no longer readable)"), base);
		return;
	}
	const struct ban *b = &p->hitban[i];
	char name[512], line[1024];
	display_name(b, name, sizeof name);
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
	if (!two_lines) {
		if (x <= cols) {
			(void)snprintf(line, sizeof line, _(", until %s"), b->ends);
			(void)draw_text(win, y, x, cols - x + 1, line, base);
		}
		return;
	}
	char where[512];
	scope_names(ctx->config, b->scope, where, sizeof where);
	(void)snprintf(line, sizeof line, _("%s until %s, %s"), policy_kind_label(b->kind), b->ends,
		       where);
	(void)draw_text(win, y + 1, 3, cols - 2, line, base);
}

/* One line for a ban of the active list. */
static void draw_ban_row(struct panel_ctx *ctx, WINDOW *win, int y, int cols, const struct ban *b,
			 bool selected)
{
	attr_t base = selected ? theme_attr(THEME_SELECTED) : theme_attr(THEME_NORMAL);
	if (selected)
		draw_fill(win, y, 1, cols, base);
	char name[512], where[512], line[1280];
	display_name(b, name, sizeof name);
	scope_names(ctx->config, b->scope, where, sizeof where);
	int x = 1 + draw_text(win, y, 1, cols, b->ends, base);
	x++;
	int namew = cols - x + 1;
	if (namew > 24 && cols > 60)
		namew = cols / 3;
	(void)draw_text(win, y, x, namew, name, base | A_BOLD);
	x += namew + 1;
	if (x < cols) {
		(void)snprintf(line, sizeof line, "%s, %s", policy_kind_label(b->kind), where);
		(void)draw_text(win, y, x, cols - x + 1, line, base);
	}
}

/* What the operator needs on the selected entry: the protocol for a hit, the facts of a
 * ban; reasons only for roles that may see them. Returns lines used. */
static int draw_details(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int cols, int maxlines)
{
	int used = 0;
	const struct ban *b = selected_ban(p);
	attr_t msg = theme_attr(THEME_MESSAGE);
	if (is_search_mode(p) && p->sel < p->nhits) {
		enum config_protocol pr = p->hits[p->sel].verdict == NAMES_MATCH ? PROTOCOL_BAN_HIT
										  : PROTOCOL_POSSIBLE;
		used += draw_wrap(win, y, 1, cols, maxlines, config_protocol(ctx->config, pr), msg);
	}
	if (!b || used >= maxlines)
		return used;
	char line[1280];
	if (!is_search_mode(p)) {
		char name[512], where[512];
		display_name(b, name, sizeof name);
		scope_names(ctx->config, b->scope, where, sizeof where);
		(void)snprintf(line, sizeof line, _("%s, born %s: %s from %s until %s, %s"), name,
			       b->born[0] ? b->born : _("unknown"), policy_kind_label(b->kind),
			       b->starts, b->ends, where);
		used += draw_wrap(win, y + used, 1, cols, maxlines - used, line,
				  theme_attr(THEME_NORMAL));
	}
	if (used < maxlines && roles_may(ctx->role, PERM_SEE_REASON)) {
		(void)snprintf(line, sizeof line, _("Reason: %s%s%s; imposed by %s"),
			       policy_reason_label(b->reason), b->notes[0] ? " - " : "", b->notes,
			       b->imposed_by[0] ? b->imposed_by : "-");
		used += draw_wrap(win, y + used, 1, cols, maxlines - used, line,
				  theme_attr(THEME_DIM));
	}
	return used;
}

static void bans_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct bans_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win) - 2;
	(void)werase(win);
	draw_frame(win, _("Visitor check / ban list"), focused, theme_attr(THEME_NORMAL));
	if (lines < 4 || cols < 10)
		return;
	int last = lines - 2;
	draw_search_field(p, win, cols);
	int y = 2;
	if (y > last)
		return;
	char line[512];
	bool searching = is_search_mode(p);
	size_t count = item_count(p);
	if (searching && count == 0) {
		(void)draw_text(win, y, 1, cols, _("No ban found for this name"),
				theme_attr(THEME_BAN_CLEAR));
		return;
	}
	if (!searching) {
		(void)snprintf(line, sizeof line,
			       ngettext("%zu active ban or warning, soonest-ending first",
					"%zu active bans and warnings, soonest-ending first", p->total),
			       p->total);
		(void)draw_text(win, y++, 1, cols, line, theme_attr(THEME_DIM));
	}
	int avail = last - y + 1;
	if (avail <= 0 || count == 0)
		return;
	/* What to do now comes first: on a hit the protocol gets its room before the list
	 * gets more than one line; then the reason (for roles that may see it), then the
	 * separator line. Without a search the facts of the selected ban take 3 lines. */
	bool see_reason = roles_may(ctx->role, PERM_SEE_REASON);
	int want, item_h = searching ? 2 : 1;
	if (searching) {
		enum config_protocol pr = p->sel < p->nhits && p->hits[p->sel].verdict == NAMES_MATCH
						  ? PROTOCOL_BAN_HIT : PROTOCOL_POSSIBLE;
		want = draw_wrap_lines(config_protocol(ctx->config, pr), cols, 50);
		if (avail < 2 + 1 + want)
			item_h = 1;
	} else {
		want = 3;
	}
	int detail = want + (see_reason ? 2 : 0), sep = 1;
	if (avail - detail - sep < item_h)
		detail = want;
	if (avail - detail - sep < item_h)
		sep = 0;
	if (avail - detail - sep < item_h)
		detail = avail - item_h;
	if (!searching && avail < 6) {
		detail = 0; /* a short list beats half a description */
		sep = 0;
	}
	if (detail < 0)
		detail = 0;
	int list_lines = avail - detail - sep;
	int per_view = list_lines / item_h;
	if (per_view < 1)
		per_view = 1;
	p->item_h = item_h;
	p->list_y = y;
	p->list_rows = per_view;
	if (p->sel >= count)
		p->sel = count - 1;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)per_view)
		p->top = p->sel - (size_t)per_view + 1;
	if (!searching)
		ensure_page(p, ctx, p->top, (size_t)per_view);
	for (int r = 0; r < per_view && p->top + (size_t)r < count; r++) {
		size_t i = p->top + (size_t)r;
		int yy = y + r * item_h;
		if (yy + item_h - 1 > last)
			break;
		bool sel = i == p->sel && (focused || searching);
		if (searching) {
			draw_hit(p, ctx, win, yy, cols, i, sel, item_h == 2);
		} else {
			const struct ban *b = page_item(p, i);
			if (b)
				draw_ban_row(ctx, win, yy, cols, b, sel);
		}
	}
	char note[96];
	if (searching)
		(void)snprintf(note, sizeof note, ngettext("%zu candidate", "%zu candidates", count),
			       count);
	else
		(void)snprintf(note, sizeof note, _("%zu more"), count - p->top - (size_t)per_view);
	if (searching || p->top + (size_t)per_view < count)
		draw_frame_note(win, note, theme_attr(THEME_DIM));
	if (detail > 0) {
		int dy = last - detail + 1;
		if (sep)
			(void)mvwhline_set(win, dy - 1, 1, WACS_HLINE, cols); /* clipping is harmless */
		(void)draw_details(p, ctx, win, dy, cols, detail);
	}
}

/* ------------------------------------------------------------------ the ban forms */

static const char *yes_no(bool v)
{
	return v ? _("yes") : _("no");
}

/* "yes"/"no" in either language; -1 when neither. */
static int parse_yes_no(const char *s)
{
	if (!s[0])
		return 0;
	const char *yes[] = { "y", "yes", "j", "ja", _("yes") };
	const char *no[] = { "n", "no", "nee", _("no") };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/* A kind by machine name or translated label. */
static int parse_kind(const char *s, enum ban_kind *out)
{
	if (policy_kind_parse(s, out) == 0)
		return 0;
	for (int k = 0; k < BAN_KIND_COUNT; k++)
		if (strcasecmp(s, policy_kind_label((enum ban_kind)k)) == 0) {
			*out = (enum ban_kind)k;
			return 0;
		}
	return -1;
}

static int parse_reason(const char *s, enum ban_reason *out)
{
	if (policy_reason_parse(s, out) == 0)
		return 0;
	for (int r = 0; r < REASON_COUNT; r++)
		if (strcasecmp(s, policy_reason_label((enum ban_reason)r)) == 0) {
			*out = (enum ban_reason)r;
			return 0;
		}
	return -1;
}

/* The machine names joined: "building, phone, ...". */
static void kind_names(char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (int k = 0; k < BAN_KIND_COUNT; k++) {
		int w = snprintf(out + used, outsz - used, "%s%s", k ? ", " : "",
				 policy_kind_name((enum ban_kind)k));
		if (w < 0 || (size_t)w >= outsz - used)
			return;
		used += (size_t)w;
	}
}

static void reason_names(char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (int r = 0; r < REASON_COUNT; r++) {
		int w = snprintf(out + used, outsz - used, "%s%s", r ? ", " : "",
				 policy_reason_name((enum ban_reason)r));
		if (w < 0 || (size_t)w >= outsz - used)
			return;
		used += (size_t)w;
	}
}

static void building_ids(const struct config *cfg, char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < cfg->nbuildings; i++) {
		int w = snprintf(out + used, outsz - used, "%s%s", i ? ", " : "",
				 cfg->buildings[i].id);
		if (w < 0 || (size_t)w >= outsz - used)
			return;
		used += (size_t)w;
	}
}

/* Validated values of the ban form; strings point into the dialog or into scope. */
struct ban_input {
	const char *v[BF_COUNT];
	enum ban_kind kind;
	enum ban_reason reason;
	bool police;
	char scope[512];            /* normalised: "id1,id2" */
};

static const char *field_label(enum ban_field f)
{
	static const char *const labels[BF_COUNT] = {
		N_("Given names"), N_("Prefix (van, de)"), N_("Surname"),
		N_("Date of birth"), N_("Kind of ban"), N_("Reason"), N_("Starts"), N_("Ends"),
		N_("Buildings"), N_("Imposed by"), N_("Letter sent on"), N_("Police informed"),
		N_("Notes"),
	};
	return _(labels[f]);
}

/* Buildings by id (or by shown name) into "id1,id2"; -1 with why on an unknown one. */
static int parse_scope(const struct config *cfg, const char *s, char *out, size_t outsz,
		       char *why, size_t whysz)
{
	size_t used = 0;
	out[0] = '\0';
	while (*s) {
		size_t n = strcspn(s, ",");
		char id[256];
		(void)snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), s);
		(void)text_trim(id);
		const struct config_building *b = config_building_find(cfg, id);
		for (size_t k = 0; !b && k < cfg->nbuildings; k++)
			if (strcasecmp(cfg->buildings[k].name, id) == 0)
				b = &cfg->buildings[k];
		if (id[0] && !b) {
			char ids[256];
			building_ids(cfg, ids, sizeof ids);
			(void)snprintf(why, whysz, _("\"%s\" is not a building (known: %s; empty = all)"),
				       id, ids);
			return -1;
		}
		if (b) {
			int w = snprintf(out + used, outsz - used, "%s%s", used ? "," : "", b->id);
			if (w > 0 && (size_t)w < outsz - used)
				used += (size_t)w;
		}
		s += n;
		if (*s == ',')
			s++;
	}
	return 0;
}

/* Check one field of the ban form; 0, or -1 with why. */
static int check_field(struct panel_ctx *ctx, bool is_new, enum ban_field i,
		       struct ban_input *in, const char *today, char *why, size_t whysz)
{
	static const bool required[BF_COUNT] = {
		[BF_SURNAME] = true, [BF_KIND] = true, [BF_REASON] = true,
		[BF_STARTS] = true, [BF_ENDS] = true, [BF_IMPOSED] = true,
	};
	const char *v = in->v[i];
	enum text_problem tp = text_check(v, 1000, !required[i]);
	if (tp != TEXT_OK) {
		(void)snprintf(why, whysz, "%s",
			       tp == TEXT_EMPTY ? _("is required") : text_problem_message(tp));
		return -1;
	}
	int y, m, d;
	switch (i) {
	case BF_BORN:
	case BF_STARTS:
	case BF_ENDS:
	case BF_LETTER:
		if (v[0] && dates_parse_date(v, &y, &m, &d) != 0) {
			(void)snprintf(why, whysz, _("\"%s\" is not a date (YYYY-MM-DD)"), v);
			return -1;
		}
		if ((i == BF_BORN || i == BF_LETTER) && v[0] && strcmp(v, today) > 0) {
			(void)snprintf(why, whysz, _("%s lies in the future"), v);
			return -1;
		}
		if (i == BF_ENDS && strcmp(v, in->v[BF_STARTS]) < 0) {
			(void)snprintf(why, whysz, _("%s is before the start %s"), v,
				       in->v[BF_STARTS]);
			return -1;
		}
		if (i == BF_ENDS && is_new && strcmp(v, today) < 0) {
			(void)snprintf(why, whysz, _("%s has already passed"), v);
			return -1;
		}
		return 0;
	case BF_KIND:
		if (parse_kind(v, &in->kind) != 0) {
			char names[256];
			kind_names(names, sizeof names);
			(void)snprintf(why, whysz, _("\"%s\" is not one of: %s"), v, names);
			return -1;
		}
		return 0;
	case BF_REASON:
		if (parse_reason(v, &in->reason) != 0) {
			char names[256];
			reason_names(names, sizeof names);
			(void)snprintf(why, whysz, _("\"%s\" is not one of: %s"), v, names);
			return -1;
		}
		return 0;
	case BF_POLICE: {
		int yn = parse_yes_no(v);
		if (yn < 0) {
			(void)snprintf(why, whysz, _("answer %s or %s"), _("yes"), _("no"));
			return -1;
		}
		in->police = yn == 1;
		return 0;
	}
	case BF_SCOPE:
		return parse_scope(ctx->config, v, in->scope, sizeof in->scope, why, whysz);
	default:
		return 0;
	}
}

/* Check every field in form order; on the first problem write "Field: why" to err, put
 * the cursor there and return -1. */
static int ban_validate(struct dialog *d, struct panel_ctx *ctx, bool is_new,
			struct ban_input *in, char *err, size_t errsz)
{
	for (int i = 0; i < BF_COUNT; i++)
		in->v[i] = dialog_form_value(d, (size_t)i);
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	for (int i = 0; i < BF_COUNT; i++) {
		char why[512];
		if (check_field(ctx, is_new, (enum ban_field)i, in, today, why, sizeof why) != 0) {
			(void)snprintf(err, errsz, "%s: %s", field_label((enum ban_field)i), why);
			dialog_form_focus(d, (size_t)i);
			return -1;
		}
	}
	return 0;
}

/* Say what a store failure means for a ban form. */
static void store_failure(struct panel_ctx *ctx, enum store_status r, char *err, size_t errsz)
{
	if (r == STORE_BUSY)
		(void)snprintf(err, errsz, "%s", _("The database is busy; try again"));
	else
		(void)snprintf(err, errsz, _("Not saved: %s"), store_error(ctx->store));
}

static int new_ban_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			  size_t errsz)
{
	(void)arg;
	struct ban_input in;
	if (ban_validate(d, ctx, true, &in, err, errsz) != 0)
		return -1;
	struct ban_new b = {
		.given_names = in.v[BF_GIVEN], .prefix = in.v[BF_PREFIX],
		.surname = in.v[BF_SURNAME], .partner_prefix = "", .partner_surname = "",
		.born = in.v[BF_BORN], .kind = in.kind, .reason = in.reason, .scope = in.scope,
		.starts = in.v[BF_STARTS], .ends = in.v[BF_ENDS], .imposed_by = in.v[BF_IMPOSED],
		.letter_sent = in.v[BF_LETTER], .police_informed = in.police,
		.notes = in.v[BF_NOTES],
	};
	int64_t id = 0;
	enum store_status r = store_ban_insert(ctx->store, &b, &id);
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	char name[512];
	(void)snprintf(name, sizeof name, "%s%s%s%s%s", b.given_names, b.given_names[0] ? " " : "",
		       b.prefix, b.prefix[0] ? " " : "", b.surname);
	/* the store keeps a ban without every mandatory answer as a draft: say so, or the
	 * operator would look for it on the list in vain */
	unsigned missing = policy_ban_missing(b.notes, b.starts, b.ends, b.imposed_by,
					      b.letter_sent);
	if (missing) {
		char what[512] = "";
		size_t used = 0;
		for (int i = 0; i < POLICY_MISSING_COUNT; i++) {
			if (!(missing & (1u << i)))
				continue;
			int w = snprintf(what + used, sizeof what - used, "%s%s", used ? "; " : "",
					 policy_missing_label(i));
			if (w < 0 || (size_t)w >= sizeof what - used)
				break;
			used += (size_t)w;
		}
		ctx->message(ctx, _("Ban %lld for %s saved as a draft, not yet on the list: "
				    "missing %s"), (long long)id, name, what);
		return 0;
	}
	ctx->message(ctx, _("Ban %lld for %s saved (until %s)"), (long long)id, name, b.ends);
	return 0;
}

/* Fill the form's fields from a ban. */
static void form_fill(struct dialog *d, const struct ban *b)
{
	dialog_form_set(d, BF_GIVEN, b->given_names);
	dialog_form_set(d, BF_PREFIX, b->prefix);
	dialog_form_set(d, BF_SURNAME, b->surname);
	dialog_form_set(d, BF_BORN, b->born);
	dialog_form_set(d, BF_KIND, policy_kind_name(b->kind));
	dialog_form_set(d, BF_REASON, policy_reason_name(b->reason));
	dialog_form_set(d, BF_STARTS, b->starts);
	dialog_form_set(d, BF_ENDS, b->ends);
	dialog_form_set(d, BF_SCOPE, b->scope);
	dialog_form_set(d, BF_IMPOSED, b->imposed_by);
	dialog_form_set(d, BF_LETTER, b->letter_sent);
	dialog_form_set(d, BF_POLICE, yes_no(b->police_informed));
	dialog_form_set(d, BF_NOTES, b->notes);
}

static int edit_ban_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			   size_t errsz)
{
	struct bans_panel *p = arg;
	struct ban_input in;
	if (ban_validate(d, ctx, false, &in, err, errsz) != 0)
		return -1;
	/* a copy with the new values; the strings stay owned by the form and by edit_ban */
	struct ban b = p->edit_ban;
	b.given_names = (char *)in.v[BF_GIVEN];
	b.prefix = (char *)in.v[BF_PREFIX];
	b.surname = (char *)in.v[BF_SURNAME];
	b.born = (char *)in.v[BF_BORN];
	b.kind = in.kind;
	b.reason = in.reason;
	b.scope = in.scope;
	b.starts = (char *)in.v[BF_STARTS];
	b.ends = (char *)in.v[BF_ENDS];
	b.imposed_by = (char *)in.v[BF_IMPOSED];
	b.letter_sent = (char *)in.v[BF_LETTER];
	b.police_informed = in.police;
	b.notes = (char *)in.v[BF_NOTES];
	enum store_status r = store_ban_update(ctx->store, &b);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		struct ban fresh = { 0 };
		enum store_status g = store_ban_get(ctx->store, p->edit_ban.id, &fresh);
		if (g != STORE_OK) {
			store_ban_clear(&fresh);
			(void)snprintf(err, errsz, "%s",
				       _("This ban was removed by someone else meanwhile; nothing saved"));
			return -1;
		}
		store_ban_clear(&p->edit_ban);
		p->edit_ban = fresh;
		form_fill(d, &p->edit_ban);
		if (p->edit_ban.lifted_at[0])
			(void)snprintf(err, errsz, _("Changed by someone else meanwhile: lifted by %s. "
						     "Nothing saved."),
				       p->edit_ban.lifted_by);
		else
			(void)snprintf(err, errsz, "%s",
				       _("Changed by someone else meanwhile: check the new values "
					 "and save again"));
		return -1;
	}
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	char name[512];
	display_name(&b, name, sizeof name);
	ctx->message(ctx, _("Ban for %s saved (until %s)"), name, b.ends);
	return 0;
}

static int lift_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
		       size_t errsz)
{
	struct bans_panel *p = arg;
	const char *reason = dialog_form_value(d, 0);
	enum text_problem tp = text_check(reason, 1000, false);
	if (tp != TEXT_OK) {
		(void)snprintf(err, errsz, "%s: %s", _("Why is it lifted"),
			       tp == TEXT_EMPTY ? _("is required") : text_problem_message(tp));
		return -1;
	}
	enum store_status r = store_ban_lift(ctx->store, p->edit_ban.id, reason,
					     p->edit_ban.version);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		struct ban fresh = { 0 };
		if (store_ban_get(ctx->store, p->edit_ban.id, &fresh) != STORE_OK) {
			store_ban_clear(&fresh);
			(void)snprintf(err, errsz, "%s",
				       _("This ban was removed by someone else meanwhile; nothing saved"));
			return -1;
		}
		store_ban_clear(&p->edit_ban);
		p->edit_ban = fresh;
		if (fresh.lifted_at[0])
			(void)snprintf(err, errsz, _("Already lifted by %s meanwhile (%s)"),
				       fresh.lifted_by, fresh.lifted_reason);
		else
			(void)snprintf(err, errsz, _("Changed by someone else meanwhile (now until %s): "
						     "check and press Enter again to lift it"),
				       fresh.ends);
		return -1;
	}
	if (r != STORE_OK) {
		store_failure(ctx, r, err, errsz);
		return -1;
	}
	char name[512];
	display_name(&p->edit_ban, name, sizeof name);
	ctx->message(ctx, _("Ban for %s lifted"), name);
	return 0;
}

static void form_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	(void)ctx;
	(void)ok;
	struct bans_panel *p = arg;
	p->edit = EDIT_NONE;
	store_ban_clear(&p->edit_ban);
	memset(&p->edit_ban, 0, sizeof p->edit_ban);
	/* a saved change reaches every panel through the store's change watch */
}

/* The field descriptions of the ban form, with values from b (NULL: a new ban). */
static struct dialog *ban_form(struct bans_panel *p, struct panel_ctx *ctx, const struct ban *b)
{
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	char kinds[256], reasons[256], ids[256];
	char kind_help[512], reason_help[512], scope_help[512]; /* copied by dialog_form_new */
	kind_names(kinds, sizeof kinds);
	reason_names(reasons, sizeof reasons);
	building_ids(ctx->config, ids, sizeof ids);
	(void)snprintf(kind_help, sizeof kind_help, _("One of: %s"), kinds);
	(void)snprintf(reason_help, sizeof reason_help, _("One of: %s"), reasons);
	(void)snprintf(scope_help, sizeof scope_help,
		       _("Building ids separated by commas (%s); empty = all buildings"), ids);
	const char *date_help = _("A date as YYYY-MM-DD");
	struct dialog_field f[BF_COUNT] = {
		[BF_GIVEN] = { NULL, b ? b->given_names : "", 30, 200,
			       _("As on the ID, e.g. Jan Pieter; may be empty") },
		[BF_PREFIX] = { NULL, b ? b->prefix : "", 10, 40, _("Tussenvoegsel, e.g. van der") },
		[BF_SURNAME] = { NULL, b ? b->surname : "", 30, 200,
				 _("Required; a double name as Dijk-Jansen") },
		[BF_BORN] = { NULL, b ? b->born : "", 10, 10, _("YYYY-MM-DD; empty when unknown") },
		[BF_KIND] = { NULL, b ? policy_kind_name(b->kind) : "building", 16, 40, kind_help },
		[BF_REASON] = { NULL, b ? policy_reason_name(b->reason) : "", 16, 40, reason_help },
		[BF_STARTS] = { NULL, b ? b->starts : today, 10, 10, date_help },
		[BF_ENDS] = { NULL, b ? b->ends : "", 10, 10, _("Until when (YYYY-MM-DD), required") },
		[BF_SCOPE] = { NULL, b ? b->scope : "", 30, 200, scope_help },
		[BF_IMPOSED] = { NULL, b ? b->imposed_by : "", 30, 200,
				 _("Department head or deputy who imposed it") },
		[BF_LETTER] = { NULL, b ? b->letter_sent : "", 10, 10,
				_("Date the letter was sent (YYYY-MM-DD); empty when not yet") },
		[BF_POLICE] = { NULL, yes_no(b ? b->police_informed : false), 5, 10,
				_("yes or no") },
		[BF_NOTES] = { NULL, b ? b->notes : "", 40, 1000, _("What happened (optional)") },
	};
	for (int i = 0; i < BF_COUNT; i++)
		f[i].label = field_label((enum ban_field)i);
	if (!b)
		return dialog_form_new(_("New ban or warning"), f, BF_COUNT, new_ban_submit,
				       form_done, p);
	char title[512], name[256];
	display_name(b, name, sizeof name);
	(void)snprintf(title, sizeof title, _("Ban for %s"), name);
	return dialog_form_new(title, f, BF_COUNT, edit_ban_submit, form_done, p);
}

static int may_edit(struct panel_ctx *ctx)
{
	if (roles_may(ctx->role, PERM_EDIT_BAN))
		return 1;
	ctx->message(ctx, _("Your role (%s) may only look at the ban list"), roles_label(ctx->role));
	return 0;
}

static int open_form(struct bans_panel *p, struct panel_ctx *ctx, enum action a)
{
	if (!may_edit(ctx))
		return PANEL_HANDLED | PANEL_REDRAW;
	if (p->edit != EDIT_NONE)
		return PANEL_HANDLED; /* one form at a time */
	struct dialog *d = NULL;
	if (a == ACT_BAN_ADD) {
		d = ban_form(p, ctx, NULL);
		p->edit = EDIT_NEW;
	} else {
		const struct ban *sel = selected_ban(p);
		if (!sel) {
			ctx->message(ctx, "%s", _("Select a ban first"));
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		store_ban_clear(&p->edit_ban);
		/* read it fresh: the version in the form must be the current one */
		if (store_ban_get(ctx->store, sel->id, &p->edit_ban) != STORE_OK) {
			ctx->message(ctx, _("The ban could not be read: %s"), store_error(ctx->store));
			store_ban_clear(&p->edit_ban);
			return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
		}
		if (a == ACT_BAN_EXTEND) {
			d = ban_form(p, ctx, &p->edit_ban);
			p->edit = EDIT_EXTEND;
		} else {
			char name[256], title[512];
			display_name(&p->edit_ban, name, sizeof name);
			(void)snprintf(title, sizeof title, _("Lift the ban for %s (until %s)"), name,
				       p->edit_ban.ends);
			struct dialog_field f = { _("Why is it lifted"), "", 40, 1000,
						  _("E.g. after a conversation or a written apology") };
			d = dialog_form_new(title, &f, 1, lift_submit, form_done, p);
			p->edit = EDIT_LIFT;
		}
	}
	if (!d) {
		p->edit = EDIT_NONE;
		store_ban_clear(&p->edit_ban);
		ctx->message(ctx, "%s", _("Out of memory: the form could not be opened"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	ctx->open_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}

/* ------------------------------------------------------------------ keys */

/* Remove the last UTF-8 character of the query. */
static void query_backspace(struct bans_panel *p)
{
	size_t n = strlen(p->query);
	while (n > 0) {
		n--;
		if (((unsigned char)p->query[n] & 0xC0) != 0x80)
			break;
	}
	p->query[n] = '\0';
}

static bool query_append(struct bans_panel *p, wint_t ch)
{
	char mb[8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)ch, &st);
	if (n == (size_t)-1 || n == 0)
		return false;
	size_t len = strlen(p->query);
	if (len + n > QUERY_MAX)
		return false;
	memcpy(p->query + len, mb, n);
	p->query[len + n] = '\0';
	return true;
}

static void move_sel(struct bans_panel *p, long delta)
{
	size_t count = item_count(p);
	if (count == 0) {
		p->sel = 0;
		return;
	}
	long s = (long)p->sel + delta;
	if (s < 0)
		s = 0;
	if ((size_t)s >= count)
		s = (long)count - 1;
	p->sel = (size_t)s;
}

static int bans_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct bans_panel *p = self;
	long page = p->list_rows > 1 ? p->list_rows : 1;
	if (p->focused) {
		if (!ev->is_keycode && (ev->ch == 127 || ev->ch == 8)) {
			query_backspace(p);
			search(p, ctx);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		if (ev->is_keycode && ev->ch == KEY_BACKSPACE) {
			query_backspace(p);
			search(p, ctx);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		if (ev->action == ACT_NONE && !ev->is_keycode) {
			wint_t c = ev->ch;
			if (c == 21) { /* Ctrl-U: start again */
				p->query[0] = '\0';
				search(p, ctx);
				return PANEL_HANDLED | PANEL_REDRAW;
			}
			/* no control or bidi characters in the query */
			if (c < 32 || c == 127 || (c >= 0x80 && c < 0xa0) || !iswprint(c) ||
			    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
			    c == 0x200E || c == 0x200F || c == 0x061C)
				return PANEL_HANDLED;
			if (!query_append(p, c))
				return PANEL_HANDLED;
			search(p, ctx);
			return PANEL_HANDLED | PANEL_REDRAW;
		}
		switch (ev->action) {
		case ACT_CANCEL:
		case ACT_SELECT:
			p->focused = false;
			return PANEL_HANDLED | PANEL_REDRAW;
		case ACT_UP:
		case ACT_DOWN:
		case ACT_PAGE_UP:
		case ACT_PAGE_DOWN:
			break; /* move through the hits while typing */
		default:
			return PANEL_IGNORED; /* function keys, Tab: the console's */
		}
	}
	switch (ev->action) {
	case ACT_SEARCH:
		p->focused = true;
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_CANCEL:
		if (!p->query[0])
			return PANEL_IGNORED;
		p->query[0] = '\0';
		search(p, ctx);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_UP:
		move_sel(p, -1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_DOWN:
		move_sel(p, 1);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_PAGE_UP:
		move_sel(p, -page);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_PAGE_DOWN:
		move_sel(p, page);
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_HOME:
		p->sel = 0;
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_END:
		move_sel(p, (long)item_count(p));
		return PANEL_HANDLED | PANEL_REDRAW;
	case ACT_BAN_ADD:
	case ACT_BAN_EXTEND:
	case ACT_BAN_LIFT:
		return open_form(p, ctx, ev->action);
	default:
		return PANEL_IGNORED;
	}
}

static bool bans_text_mode(void *self)
{
	const struct bans_panel *p = self;
	return p->focused;
}

static int bans_tick(void *self, struct panel_ctx *ctx)
{
	struct bans_panel *p = self;
	char today[DATES_DATE_LEN];
	today_of(ctx, today);
	/* after midnight other bans are active: read the list again */
	if (p->list_today[0] && strcmp(today, p->list_today) != 0) {
		if (bans_reload(p, ctx) == 0)
			return PANEL_REDRAW;
	}
	return 0;
}

static int bans_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	(void)ctx;
	(void)x;
	struct bans_panel *p = self;
	if (y == 1) {
		p->focused = true;
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	if (y >= p->list_y && p->item_h > 0) {
		size_t row = (size_t)((y - p->list_y) / p->item_h);
		if (row < (size_t)p->list_rows && p->top + row < item_count(p)) {
			p->sel = p->top + row;
			p->focused = false;
			return PANEL_HANDLED | PANEL_REDRAW;
		}
	}
	return PANEL_HANDLED;
}

const struct panel_ops panel_bans_ops = {
	.name = "bans",
	.create = bans_create,
	.destroy = bans_destroy,
	.reload = bans_reload,
	.wanted_lines = bans_wanted_lines,
	.draw = bans_draw,
	.handle = bans_handle,
	.text_mode = bans_text_mode,
	.tick = bans_tick,
	.click = bans_click,
};
