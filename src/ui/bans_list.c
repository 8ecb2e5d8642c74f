/* bans_list — the ban list view: the active bans (or the drafts, for managers and hr)
 * soonest-ending first, read a page at a time, with the facts of the selected one. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/bans.h"
#include "ui/draw.h"
#include "ui/theme.h"

void bans_ensure_page(struct bans_panel *p, struct panel_ctx *ctx, size_t first, size_t rows)
{
	if (p->page_valid && first >= p->page_offset &&
	    first + rows <= p->page_offset + p->page.count)
		return;
	if (p->page_valid && first >= p->page_offset && p->page_offset + p->page.count >= p->total)
		return; /* the last page is short */
	bans_drop_page(p);
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	size_t limit = rows * 2 + 8;   /* a little ahead, so paging down reads less often */
	enum store_status r = client_ban_list(ctx->client, p->drafts ? BAN_FILTER_DRAFT
								   : BAN_FILTER_ACTIVE,
					     today, first, limit, &p->page);
	if (r != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"), client_error(ctx->client));
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


/* One line for a ban of the list (a draft says what it still lacks). */
static void draw_ban_row(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			 int cols, const struct ban *b, bool selected)
{
	attr_t base = selected ? theme_attr(THEME_SELECTED) : theme_attr(THEME_NORMAL);
	if (selected)
		draw_fill(win, y, 1, cols, base);
	char name[512], where[512], line[1280];
	bans_display_name(b, name, sizeof name);
	config_scope_names(ctx->config, b->scope, where, sizeof where);
	int x = 1 + draw_text(win, y, 1, cols, b->ends, base);
	x++;
	if (p->drafts)
		x += 1 + draw_text(win, y, x, cols - x + 1, _("DRAFT"),
				   base | theme_attr(THEME_BAN_POSSIBLE));
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


/* The facts of the selected ban, what a draft lacks, and the reason (for roles that may
 * see it). Returns lines used. */
static int list_details(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y,
			int cols, int maxlines)
{
	int used = 0;
	const struct ban *b = page_item(p, p->sel);
	if (!b || maxlines <= 0)
		return used;
	char line[1280], name[512], where[512];
	bans_display_name(b, name, sizeof name);
	config_scope_names(ctx->config, b->scope, where, sizeof where);
	(void)snprintf(line, sizeof line, _("%s, born %s: %s from %s until %s, %s"), name,
		       b->born[0] ? b->born : _("unknown"), policy_kind_label(b->kind), b->starts,
		       b->ends, where);
	used += draw_wrap(win, y + used, 1, cols, maxlines - used, line, theme_attr(THEME_NORMAL));
	if (used < maxlines && p->drafts) {
		unsigned missing = bans_missing(b);
		char what[512];
		bans_missing_words(missing, what, sizeof what);
		if (missing)
			(void)snprintf(line, sizeof line, _("Draft: missing %s (%s: fill in)"), what,
				       keys_key_name(ACT_BAN_EXTEND));
		else
			(void)snprintf(line, sizeof line, _("Draft, complete: press %s to activate"),
				       keys_key_name(ACT_BAN_ACTIVATE));
		used += draw_wrap(win, y + used, 1, cols, maxlines - used, line,
				  theme_attr(THEME_BAN_POSSIBLE));
	}
	if (used < maxlines)
		used += bans_draw_reason(ctx, win, y + used, cols, maxlines - used, b);
	return used;
}

static size_t list_count(const struct bans_panel *p)
{
	return p->total;
}

static const struct ban *list_selected(const struct bans_panel *p)
{
	return page_item(p, p->sel);
}

/* The count line: how many bans (or drafts), and the drafts waiting for managers. */
static int draw_count(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int cols)
{
	char line[512];
	if (p->drafts)
		(void)snprintf(line, sizeof line,
			       ngettext("%zu draft ban, not on the list (%s: active bans)",
					"%zu draft bans, not on the list (%s: active bans)", p->total),
			       p->total, keys_key_name(ACT_BAN_DRAFTS));
	else
		(void)snprintf(line, sizeof line,
			       ngettext("%zu active ban or warning, soonest-ending first",
					"%zu active bans and warnings, soonest-ending first", p->total),
			       p->total);
	int x = 1 + draw_text(win, y, 1, cols, line,
			      theme_attr(p->drafts ? THEME_BAN_POSSIBLE : THEME_DIM));
	if (!p->drafts && p->ndrafts && roles_may(ctx->role, PERM_EDIT_BAN)) {
		(void)snprintf(line, sizeof line,
			       ngettext(" | %zu draft (%s)", " | %zu drafts (%s)", p->ndrafts),
			       p->ndrafts, keys_key_name(ACT_BAN_DRAFTS));
		(void)draw_text(win, y, x, cols - x + 1, line, theme_attr(THEME_BAN_POSSIBLE));
	}
	return 1;
}

static void list_draw(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int last,
		      int cols, bool focused)
{
	y += draw_count(p, ctx, win, y, cols);
	size_t count = p->total;
	if (last - y + 1 <= 0 || count == 0)
		return;
	/* the facts of the selected ban take 3 lines (4 for a draft) */
	int per_view = bans_place_list(p, y, last, 1, p->drafts ? 4 : 3,
				       roles_may(ctx->role, PERM_SEE_REASON), true);
	bans_ensure_page(p, ctx, p->top, (size_t)per_view);
	for (int r = 0; r < per_view && p->top + (size_t)r < count; r++) {
		size_t i = p->top + (size_t)r;
		if (y + r > last)
			break;
		const struct ban *b = page_item(p, i);
		if (b)
			draw_ban_row(p, ctx, win, y + r, cols, b, i == p->sel && focused);
	}
	if (p->top + (size_t)per_view < count) {
		char note[96];
		(void)snprintf(note, sizeof note, _("%zu more"), count - p->top - (size_t)per_view);
		draw_frame_note(win, note, theme_attr(THEME_DIM));
	}
}

const struct bans_view_ops bans_list_view = {
	.count = list_count,
	.selected = list_selected,
	.details = list_details,
	.draw = list_draw,
};
