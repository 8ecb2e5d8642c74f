/* panel_bans — the visitor check / ban list panel: its ops (reload, draw, keys), the
 * search text, and the helpers its views and forms share (names, buildings, labels). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "clock.h"
#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "sanctions_conf.h"
#include "client/lib.h"
#include "ui/bans.h"
#include "ui/draw.h"
#include "ui/panel.h"
#include "ui/theme.h"

/* ------------------------------------------------------------------ helpers */

void bans_today(struct panel_ctx *ctx, char out[DATES_DATE_LEN])
{
	dates_local_date(ctx->now, out);
}

/* "Jan de Vries" from the parts of a ban's person. */
void bans_display_name(const struct ban *b, char *out, size_t outsz)
{
	(void)snprintf(out, outsz, "%s%s%s%s%s", b->given_names, b->given_names[0] ? " " : "",
		       b->prefix, b->prefix[0] ? " " : "", b->surname);
}

bool bans_searching(const struct bans_panel *p)
{
	return p->query[0] != '\0';
}

void bans_clear_hits(struct bans_panel *p)
{
	for (size_t i = 0; i < p->nhits; i++)
		store_ban_clear(&p->hitban[i]);
	memset(p->hitban, 0, sizeof p->hitban);
	memset(p->hitok, 0, sizeof p->hitok);
	memset(p->allowed, 0, sizeof p->allowed);
	p->nhits = 0;
}

void bans_drop_page(struct bans_panel *p)
{
	store_ban_list_free(&p->page);
	memset(&p->page, 0, sizeof p->page);
	p->page_valid = false;
}

/* The words for where a ban applies, seen from this building. */
const char *bans_here_label(enum policy_here h)
{
	switch (h) {
	case POLICY_HERE_APPLIES: return _("applies here");
	case POLICY_HERE_OTHER_BUILDING: return _("OTHER BUILDING ONLY");
	case POLICY_HERE_PHONE_ONLY: return _("PHONE BAN ONLY");
	case POLICY_HERE_WARNING: return _("WRITTEN WARNING");
	}
	return "";
}

const char *bans_exception_label(enum ban_exception_kind k)
{
	return k == BAN_EXCEPTION_APPOINTMENT ? _("appointment arranged by phone")
					      : _("representative with signed authorisation");
}

unsigned bans_missing(const struct ban *b)
{
	return policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by, b->letter_sent);
}

/* The missing mandatory answers as translated words: "letter date; who imposed it". */
void bans_missing_words(unsigned missing, char *out, size_t outsz)
{
	policy_missing_join(missing, policy_missing_label, "; ", out, outsz);
}


/* "yes" / "no", translated. */
const char *bans_yes_no(bool v)
{
	return v ? _("yes") : _("no");
}

int bans_draw_reason(struct panel_ctx *ctx, WINDOW *win, int y, int cols, int maxlines,
		     const struct ban *b)
{
	if (maxlines <= 0 || !roles_may(ctx->role, PERM_SEE_REASON))
		return 0;
	char line[1280];
	(void)snprintf(line, sizeof line, _("Reason: %s%s%s; imposed by %s"),
		       policy_reason_label(b->reason), b->notes[0] ? " - " : "", b->notes,
		       b->imposed_by[0] ? b->imposed_by : "-");
	return draw_wrap(win, y, 1, cols, maxlines, line, theme_attr(THEME_DIM));
}

const struct bans_view_ops *bans_view(const struct bans_panel *p)
{
	return bans_searching(p) ? &bans_search_view : &bans_list_view;
}

/* ------------------------------------------------------------------ panel ops */

static int bans_init(void *self, struct panel_ctx *ctx)
{
	struct bans_panel *p = self;
	char err[512];
	if (sanctions_load(ctx->config ? ctx->config->source : NULL, &p->table, err,
			   sizeof err) != 0) {
		/* The forms still need a table; the built-in one is the policy's own. Say so,
		 * so the broken file is mended rather than silently ignored. */
		char err2[512];
		if (sanctions_default(&p->table, err2, sizeof err2) != 0)
			return -1;
		ctx->message(ctx, _("%s; the built-in sanction table is used"), err);
	}
	return 0;
}

static void bans_destroy(void *self)
{
	struct bans_panel *p = self;
	bans_clear_hits(p);
	bans_drop_page(p);
	store_ban_clear(&p->edit_ban);
	free(p->notes);
}

static int bans_reload(void *self, struct panel_ctx *ctx)
{
	struct bans_panel *p = self;
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	bans_reload_notices(p, ctx, today);
	if (!roles_may(ctx->role, PERM_EDIT_BAN) && p->drafts) {
		/* the demo's role switch: drafts are for managers only */
		p->drafts = false;
	}
	/* The console reloads this panel only when a ban changed (or the role or the day
	 * did): count and read the page again. */
	{
		bans_drop_page(p);
		size_t total = 0, drafts = 0;
		if (client_ban_count(ctx->client, p->drafts ? BAN_FILTER_DRAFT : BAN_FILTER_ACTIVE,
				    today, &total) != STORE_OK ||
		    (roles_may(ctx->role, PERM_EDIT_BAN) &&
		     client_ban_count(ctx->client, BAN_FILTER_DRAFT, today, &drafts) != STORE_OK)) {
			ctx->message(ctx, _("The ban list could not be read: %s"),
				     client_error(ctx->client));
			return -1;
		}
		p->total = total;
		p->ndrafts = drafts;
	}
	size_t total = p->total;
	if (bans_searching(p)) {
		size_t keep = p->sel;
		int64_t keep_id = keep < p->nhits ? p->hits[keep].id : 0;
		if (!p->search_pending)
			bans_search(p, ctx);
		for (size_t i = 0; i < p->nhits; i++)
			if (p->hits[i].id == keep_id)
				p->sel = i;
	} else if (p->sel >= total) {
		p->sel = total ? total - 1 : 0;
	}
	return 0;
}

static void bans_size(void *self, struct panel_ctx *ctx, int cols, int *min, int *want)
{
	struct bans_panel *p = self;
	if (!bans_searching(p)) {
		*min = 3; /* the search field */
		*want = 8; /* and a few bans of the list before the other panels grow */
		return;
	}
	bans_search_size(p, ctx, cols - 2, min, want);
}


int bans_place_list(struct bans_panel *p, int y, int last, int item_h, int want,
		    bool see_reason, bool compact)
{
	int avail = last - y + 1;
	/* What to do now comes first: the details get their room before the list gets more
	 * than one row; then the reason (for roles that may see it), then the separator. */
	int d = want + (see_reason ? 2 : 0), s = 1;
	if (avail - d - s < item_h)
		d = want;
	if (avail - d - s < item_h)
		s = 0;
	if (avail - d - s < item_h)
		d = avail - item_h;
	if (compact && avail < 6) {
		d = 0; /* a short list beats half a description */
		s = 0;
	}
	if (d < 0)
		d = 0;
	int per_view = (avail - d - s) / item_h;
	if (per_view < 1)
		per_view = 1;
	p->item_h = item_h;
	p->list_y = y;
	p->list_rows = per_view;
	size_t count = bans_view(p)->count(p);
	if (count > 0 && p->sel >= count)
		p->sel = count - 1;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)per_view)
		p->top = p->sel - (size_t)per_view + 1;
	p->detail_h = d;
	p->detail_sep = s;
	return per_view;
}

/* The details of the selected row at the bottom of the lines up to last, with the
 * separator above them, where bans_place_list left room for them. */
static void draw_details(struct bans_panel *p, struct panel_ctx *ctx, WINDOW *win, int last,
			 int cols)
{
	if (p->detail_h <= 0)
		return;
	int dy = last - p->detail_h + 1;
	if (p->detail_sep)
		(void)mvwhline_set(win, dy - 1, 1, WACS_HLINE, cols); /* clipping is harmless */
	(void)bans_view(p)->details(p, ctx, win, dy, cols, p->detail_h);
}

static void bans_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct bans_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win) - 2;
	(void)werase(win);
	draw_frame(win, _("Visitor check / ban list"), focused, theme_attr(THEME_NORMAL));
	if (lines < 3 || cols < 10)
		return;
	p->focused = focused;
	int y = 2 + bans_draw_search_field(p, ctx, win, cols);
	p->detail_h = 0; /* until the view places its list */
	if (y <= lines - 2) {
		bans_view(p)->draw(p, ctx, win, y, lines - 2, cols, focused);
		draw_details(p, ctx, win, lines - 2, cols);
	}
	/* the terminal's cursor is left at the end of the typed text (console_draw) */
	(void)wmove(win, 1, p->cursor_x);
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

/* Whether a character may enter the query: no control or bidi characters. */
static bool query_char_ok(wint_t c)
{
	return !(c < 32 || c == 127 || (c >= 0x80 && c < 0xa0) || !iswprint(c) ||
		 (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
		 c == 0x200F || c == 0x061C);
}

/* Add a character; false when the query is full (said once per query). */
static bool query_append(struct bans_panel *p, struct panel_ctx *ctx, wint_t ch)
{
	char mb[8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)ch, &st);
	if (n == (size_t)-1 || n == 0)
		return false;
	size_t len = strlen(p->query);
	if (len + n > QUERY_MAX) {
		if (!p->full_said)
			ctx->message(ctx, _("The search takes at most %d bytes of text; the rest "
					    "was not taken"), QUERY_MAX);
		p->full_said = true;
		return false;
	}
	memcpy(p->query + len, mb, n);
	p->query[len + n] = '\0';
	return true;
}

/* A new query: search it and say the limit again when it fills up. */
static int query_changed(struct bans_panel *p, struct panel_ctx *ctx)
{
	if (strlen(p->query) < QUERY_MAX)
		p->full_said = false;
	bans_search_later(p, ctx);
	return PANEL_HANDLED | PANEL_REDRAW | PANEL_RELAYOUT;
}

static int bans_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct bans_panel *p = self;
	size_t page = p->list_rows > 1 ? (size_t)p->list_rows : 1;
	switch (ev->action) {
	case ACT_NONE:
		/* typing: every printable key is text for the search, never a command */
		if (ev->is_keycode || !query_char_ok(ev->ch) || !query_append(p, ctx, ev->ch))
			return PANEL_HANDLED;
		return query_changed(p, ctx);
	case ACT_ERASE:
		query_backspace(p);
		return query_changed(p, ctx);
	case ACT_CLEAR:
	case ACT_CANCEL:
		if (!p->query[0])
			return PANEL_HANDLED;
		p->query[0] = '\0';
		return query_changed(p, ctx);
	case ACT_SELECT:
		/* Enter after a name: checked now, without waiting for typing to rest;
		 * nothing opens, nothing changes */
		return bans_search_due(p, ctx, true) ? PANEL_HANDLED | PANEL_REDRAW | PANEL_RELAYOUT
						     : PANEL_HANDLED;
	default:
		break;
	}
	/* acting on a hit: the candidates must be there */
	(void)bans_search_due(p, ctx, true);
	if (draw_list_move(ev->action, p->sel, bans_view(p)->count(p), page, &p->sel))
		return PANEL_HANDLED | PANEL_REDRAW;
	switch (ev->action) {
	case ACT_DETAILS:
		return bans_open_details(p, ctx);
	case ACT_BAN_ADD:
	case ACT_BAN_EXTEND:
	case ACT_BAN_LIFT:
	case ACT_BAN_ACTIVATE:
		return bans_open_form(p, ctx, ev->action);
	case ACT_BAN_DRAFTS:
		if (!bans_may_edit(ctx))
			return PANEL_HANDLED | PANEL_REDRAW;
		p->drafts = !p->drafts;
		p->query[0] = '\0';
		bans_clear_hits(p);
		p->sel = p->top = 0;
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	case ACT_NOTICE_SEEN:
		return bans_notices_seen(p, ctx);
	default:
		return PANEL_IGNORED;
	}
}

/* Pasted text goes into the search as typed (TABs and newlines are spaces already). */
static int bans_paste(void *self, struct panel_ctx *ctx, const wchar_t *text, size_t n)
{
	struct bans_panel *p = self;
	for (size_t i = 0; i < n; i++)
		if (query_char_ok((wint_t)text[i]) && !query_append(p, ctx, (wint_t)text[i]))
			break;
	return query_changed(p, ctx);
}

static int bans_due(void *self, struct panel_ctx *ctx)
{
	struct bans_panel *p = self;
	if (bans_search_due(p, ctx, false))
		return PANEL_REDRAW | PANEL_RELAYOUT;
	if (p->search_pending) /* woken early for someone else: keep our own time */
		ctx->wake_at(ctx, p->search_due_ms);
	return 0;
}

static int bans_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	(void)ctx;
	(void)x;
	struct bans_panel *p = self;
	if (y >= p->list_y && p->item_h > 0) {
		size_t row = (size_t)((y - p->list_y) / p->item_h);
		if (row < (size_t)p->list_rows && p->top + row < bans_view(p)->count(p)) {
			p->sel = p->top + row;
			return PANEL_HANDLED | PANEL_REDRAW;
		}
	}
	return PANEL_HANDLED;
}

const struct panel_ops panel_bans_ops =
	PANEL_OPS(bans, .changes = CHANGE_BANS, .init = bans_init, .paste = bans_paste,
		  .due = bans_due, .notices = bans_notices);
