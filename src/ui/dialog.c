/* dialog — modal layers over the console: confirmation, pick list, checklist and a text to
 * read (the forms are dialog_form.c). Fed one key at a time by the console; windows are
 * rebuilt whenever the screen size changed. */
#include "autoconfig.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "i18n.h"
#include "ui/dialog.h"
#include "ui/dialog_internal.h"
#include "ui/draw.h"
#include "ui/theme.h"

/* ------------------------------------------------------------------ drawing helpers */

/* Make (or keep) a window of h×w centred on the screen; false when curses refused. */
bool dialog_ensure_window(struct dialog *d, int h, int w)
{
	if (d->win && d->lines == LINES && d->cols == COLS) {
		int ch, cw;
		getmaxyx(d->win, ch, cw);
		if (ch == h && cw == w)
			return true;
	}
	if (d->win) {
		(void)delwin(d->win); /* fails only for a NULL window */
		d->win = NULL;
	}
	d->win = newwin(h, w, dialog_imax(0, (LINES - h) / 2), dialog_imax(0, (COLS - w) / 2));
	if (!d->win)
		return false;
	d->lines = LINES;
	d->cols = COLS;
	return true;
}

/* Border, title and a bottom-border key hint; erase=false keeps the inside (a posted
 * form's fields live there and are only drawn by the form library). */
void dialog_frame_ex(struct dialog *d, const char *hint, bool erase)
{
	int h, w;
	getmaxyx(d->win, h, w);
	(void)wbkgdset(d->win, ' ' | theme_attr(THEME_DIALOG));
	if (erase)
		(void)werase(d->win);
	/* the wide-character box draws real line characters in a UTF-8 locale; it fails
	 * only for a NULL window */
	(void)box_set(d->win, WACS_VLINE, WACS_HLINE);
	char t[600];
	(void)snprintf(t, sizeof t, " %s ", d->title);
	(void)draw_text(d->win, 0, 2, w - 4, t, theme_attr(THEME_DIALOG_TITLE));
	if (hint && w > 8) {
		(void)snprintf(t, sizeof t, " %s ", hint);
		int tw = dialog_imin(draw_width(t), w - 4);
		(void)draw_text(d->win, h - 1, w - 2 - tw, tw, t, A_NORMAL);
	}
}

static void frame(struct dialog *d, const char *hint)
{
	dialog_frame_ex(d, hint, true);
}

/* Put d on screen, with note (" 3/10 ": where a long list is) in the top border at the
 * right when it is not empty. */
static void show(struct dialog *d, const char *note)
{
	int w = getmaxx(d->win);
	if (*note)
		(void)draw_text(d->win, 0, dialog_imax(2, w - 2 - draw_width(note)), w - 4, note,
				A_NORMAL);
	(void)touchwin(d->win);
	(void)wnoutrefresh(d->win);
}

void dialog_drop_windows(struct dialog *d)
{
	if (d->kind == DK_FORM)
		dialog_form_teardown(&d->f);
	if (d->win) {
		(void)delwin(d->win); /* fails only for a NULL window */
		d->win = NULL;
	}
}

enum dialog_state dialog_close_with(struct dialog *d, struct panel_ctx *ctx, bool ok)
{
	d->closed = true;
	if (d->kind == DK_FORM)
		(void)curs_set(0); /* only forms show the cursor; failure just leaves it as it was */
	if (d->done)
		d->done(d, ctx, ok, d->arg);
	return DIALOG_CLOSED;
}

/* ------------------------------------------------------------------ construction */

char *dialog_dup(const char *s)
{
	return strdup(s ? s : "");
}

struct dialog *dialog_alloc(enum dialog_kind kind, const char *title, dialog_done_fn done,
			    void *arg)
{
	struct dialog *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->kind = kind;
	d->done = done;
	d->arg = arg;
	d->title = dialog_dup(title);
	if (!d->title) {
		free(d);
		return NULL;
	}
	return d;
}

struct dialog *dialog_confirm_new(const char *title, const char *question,
				  dialog_done_fn done, void *arg)
{
	struct dialog *d = dialog_alloc(DK_CONFIRM, title, done, arg);
	if (!d)
		return NULL;
	d->question = dialog_dup(question);
	if (!d->question) {
		dialog_free(d);
		return NULL;
	}
	d->yes_focused = false; /* the safe answer is the default */
	return d;
}

static struct dialog *list_new(enum dialog_kind kind, const char *title,
			       const char *const *items, size_t n, dialog_done_fn done, void *arg)
{
	struct dialog *d = dialog_alloc(kind, title, done, arg);
	if (!d)
		return NULL;
	d->items = calloc(n ? n : 1, sizeof *d->items);
	if (!d->items) {
		dialog_free(d);
		return NULL;
	}
	d->n = n;
	for (size_t i = 0; i < n; i++) {
		d->items[i] = dialog_dup(items[i]);
		if (!d->items[i]) {
			dialog_free(d);
			return NULL;
		}
	}
	return d;
}

struct dialog *dialog_pick_new(const char *title, const char *const *items, size_t n,
			       dialog_done_fn done, void *arg)
{
	return list_new(DK_PICK, title, items, n, done, arg);
}

size_t dialog_pick_choice(const struct dialog *d)
{
	return d ? d->cur : 0;
}

struct dialog *dialog_checklist_new(const char *title, const char *const *items, size_t n,
				    unsigned bits, dialog_done_fn done, void *arg)
{
	if (n > 16)
		n = 16;
	struct dialog *d = list_new(DK_CHECKLIST, title, items, n, done, arg);
	if (!d)
		return NULL;
	unsigned mask = n >= 16 ? 0xffffu : (1u << n) - 1;
	d->bits = d->init_bits = bits & mask;
	return d;
}

unsigned dialog_checklist_bits(const struct dialog *d)
{
	return d ? d->bits : 0;
}
/* ------------------------------------------------------------------ confirm */

static void confirm_draw(struct dialog *d)
{
	int w = dialog_imin(COLS, dialog_imax(44, dialog_imin(70, draw_width(d->question) + 6)));
	w = dialog_imax(w, dialog_imin(COLS, draw_width(d->title) + 8));
	int qlines = dialog_imin(draw_wrap_lines(d->question, w - 4, 1000), dialog_imax(1, LINES - 6));
	int h = dialog_imin(LINES, qlines + 6);
	if (!dialog_ensure_window(d, h, w))
		return;
	frame(d, _("Enter: answer  Esc: no"));
	(void)draw_wrap(d->win, 2, 2, w - 4, qlines, d->question, A_NORMAL);
	const char *yes = _("Yes"), *no = _("No");
	char by[64], bn[64];
	(void)snprintf(by, sizeof by, "[ %s ]", yes);
	(void)snprintf(bn, sizeof bn, "[ %s ]", no);
	int bw = draw_width(by) + 2 + draw_width(bn);
	int x = dialog_imax(1, (w - bw) / 2);
	attr_t sel = theme_attr(THEME_SELECTED);
	x += draw_text(d->win, h - 3, x, w - x - 1, by, d->yes_focused ? sel : A_NORMAL) + 2;
	(void)draw_text(d->win, h - 3, x, w - x - 1, bn, d->yes_focused ? A_NORMAL : sel);
	show(d, "");
}

/* First letter of a translated answer, lower-case ASCII, or 0. */
static int answer_key(const char *word)
{
	unsigned char c = (unsigned char)word[0];
	if (c >= 'A' && c <= 'Z')
		c = (unsigned char)(c - 'A' + 'a');
	return c < 0x80 ? c : 0;
}

static enum dialog_state confirm_handle(struct dialog *d, struct panel_ctx *ctx,
					const struct key_event *ev)
{
	wint_t ch = ev->ch;
	if ((!ev->is_keycode && ch == 27) || ev->action == ACT_CANCEL)
		return dialog_close_with(d, ctx, false);
	if (ev->is_keycode) {
		if (ch == KEY_LEFT || ch == KEY_RIGHT || ch == KEY_BTAB)
			d->yes_focused = !d->yes_focused;
		else if (ch == KEY_ENTER)
			return dialog_close_with(d, ctx, d->yes_focused);
		return DIALOG_OPEN;
	}
	if (ch == '\n' || ch == '\r')
		return dialog_close_with(d, ctx, d->yes_focused);
	if (ch == '\t') {
		d->yes_focused = !d->yes_focused;
		return DIALOG_OPEN;
	}
	int lc = ch < 0x80 ? (int)towlower(ch) : 0;
	if (lc && (lc == 'y' || lc == answer_key(_("Yes"))))
		return dialog_close_with(d, ctx, true);
	if (lc && (lc == 'n' || lc == answer_key(_("No"))))
		return dialog_close_with(d, ctx, false);
	return DIALOG_OPEN;
}

/* ------------------------------------------------------------------ pick / checklist */

static void list_draw(struct dialog *d)
{
	bool check = d->kind == DK_CHECKLIST;
	int itemw = 0;
	for (size_t i = 0; i < d->n; i++)
		itemw = dialog_imax(itemw, draw_width(d->items[i]));
	const char *hint = check ? _("Space: tick  Enter: save  Esc: cancel")
				 : _("Enter: choose  Esc: cancel");
	int w = dialog_imax(itemw + (check ? 10 : 6), draw_width(d->title) + 8);
	w = dialog_imax(w, draw_width(hint) + 6);
	w = dialog_imin(w, COLS);
	int rows = dialog_imax(1, dialog_imin((int)d->n, LINES - 5));
	int h = rows + 4;
	if (!dialog_ensure_window(d, h, w))
		return;
	frame(d, hint);
	if (d->cur < d->top)
		d->top = d->cur;
	if (d->cur >= d->top + (size_t)rows)
		d->top = d->cur - (size_t)rows + 1;
	for (int r = 0; r < rows && d->top + (size_t)r < d->n; r++) {
		size_t i = d->top + (size_t)r;
		char line[600];
		if (check)
			(void)snprintf(line, sizeof line, "[%s] %s", (d->bits >> i) & 1u ? "x" : " ",
				       d->items[i]);
		else
			(void)snprintf(line, sizeof line, "%s", d->items[i]);
		attr_t a = i == d->cur ? theme_attr(THEME_SELECTED) : A_NORMAL;
		if (i == d->cur)
			draw_fill(d->win, 2 + r, 1, w - 2, a);
		(void)draw_text(d->win, 2 + r, 2, w - 4, line, a);
	}
	char pos[64] = "";
	if (d->n > (size_t)rows)
		(void)snprintf(pos, sizeof pos, " %zu/%zu ", d->cur + 1, d->n);
	show(d, pos);
}

static enum dialog_state list_handle(struct dialog *d, struct panel_ctx *ctx,
				     const struct key_event *ev)
{
	wint_t ch = ev->ch;
	bool check = d->kind == DK_CHECKLIST;
	size_t page = d->win ? (size_t)dialog_imax(1, getmaxy(d->win) - 4) : 5;
	if ((!ev->is_keycode && ch == 27) || ev->action == ACT_CANCEL)
		return dialog_close_with(d, ctx, false);
	if (d->n == 0)
		return DIALOG_OPEN;
	if (ev->is_keycode) {
		if (ch == KEY_ENTER)
			return dialog_close_with(d, ctx, true);
		/* the console's moving keys (arrows, PgUp/PgDn, Home, End), as in its lists */
		(void)draw_list_move(keys_action(ch, true, KEYS_MOVING), d->cur, d->n, page, &d->cur);
		return DIALOG_OPEN;
	}
	if (ch == '\n' || ch == '\r')
		return dialog_close_with(d, ctx, true);
	if (check && (ch == ' ' || ch == 'x' || ch == 'X'))
		d->bits ^= 1u << d->cur;
	return DIALOG_OPEN;
}

/* ------------------------------------------------------------------ text */

struct dialog *dialog_text_new(const char *title, const char *text, dialog_done_fn done,
			       void *arg)
{
	const char *t = text ? text : "";
	size_t n = 1;
	for (const char *s = t; *s; s++)
		n += *s == '\n';
	char **lines = calloc(n, sizeof *lines);
	if (!lines)
		return NULL;
	size_t k = 0;
	for (const char *s = t;; k++) {
		size_t len = strcspn(s, "\n");
		lines[k] = strndup(s, len);
		if (!lines[k])
			break;
		s += len;
		if (!*s) {
			k++;
			break;
		}
		s++;
	}
	struct dialog *d = k == n ? list_new(DK_TEXT, title, (const char *const *)lines, n, done,
					     arg) : NULL;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return d;
}

/* Rows the text takes from logical line from on, wrapped at cols. */
static int text_rows(const struct dialog *d, size_t from, int cols)
{
	int rows = 0;
	for (size_t i = from; i < d->n; i++)
		rows += dialog_imax(1, draw_wrap_lines(d->items[i], cols, 100));
	return rows;
}

static void text_draw(struct dialog *d)
{
	int widest = 0;
	for (size_t i = 0; i < d->n; i++)
		widest = dialog_imax(widest, draw_width(d->items[i]));
	const char *hint = _("Up/Down: scroll  Enter/Esc: close");
	int w = dialog_imax(dialog_imin(widest + 4, 96), draw_width(d->title) + 8);
	w = dialog_imax(w, draw_width(hint) + 6);
	w = dialog_imin(w, COLS);
	int cols = dialog_imax(1, w - 4);
	int h = dialog_imin(LINES, text_rows(d, 0, cols) + 4);
	h = dialog_imax(h, dialog_imin(LINES, 5));
	if (!dialog_ensure_window(d, h, w))
		return;
	frame(d, hint);
	int rows = h - 4;
	/* never scroll past the point where the last line is at the bottom */
	while (d->top > 0 && text_rows(d, d->top - 1, cols) <= rows)
		d->top--;
	int y = 2;
	for (size_t i = d->top; i < d->n && y < 2 + rows; i++)
		y += dialog_imax(1, draw_wrap(d->win, y, 2, cols, 2 + rows - y, d->items[i], A_NORMAL));
	char pos[64] = "";
	if (d->top > 0 || y >= 2 + rows)
		(void)snprintf(pos, sizeof pos, " %zu/%zu ", d->top + 1, d->n);
	show(d, pos);
}

static enum dialog_state text_handle(struct dialog *d, struct panel_ctx *ctx,
				     const struct key_event *ev)
{
	wint_t ch = ev->ch;
	size_t page = d->win ? (size_t)dialog_imax(1, getmaxy(d->win) - 5) : 5;
	if ((!ev->is_keycode && (ch == 27 || ch == '\n' || ch == '\r')) ||
	    (ev->is_keycode && ch == KEY_ENTER) || ev->action == ACT_CANCEL)
		return dialog_close_with(d, ctx, true);
	/* scrolling moves the first line shown; the draw pulls it back when the end is in sight */
	if (ev->is_keycode)
		(void)draw_list_move(keys_action(ch, true, KEYS_MOVING), d->top, d->n, page, &d->top);
	return DIALOG_OPEN;
}

/* ------------------------------------------------------------------ console side */

void dialog_draw(struct dialog *d, struct panel_ctx *ctx)
{
	(void)ctx;
	if (!d || d->closed)
		return;
	switch (d->kind) {
	case DK_CONFIRM:
		confirm_draw(d);
		break;
	case DK_PICK:
	case DK_CHECKLIST:
		list_draw(d);
		break;
	case DK_FORM:
		dialog_form_draw(d);
		break;
	case DK_TEXT:
		text_draw(d);
		break;
	}
}

enum dialog_state dialog_handle(struct dialog *d, struct panel_ctx *ctx, const struct key_event *ev)
{
	if (!d || d->closed)
		return DIALOG_CLOSED;
	if (!ev)
		return DIALOG_OPEN;
	switch (d->kind) {
	case DK_CONFIRM:
		return confirm_handle(d, ctx, ev);
	case DK_PICK:
	case DK_CHECKLIST:
		return list_handle(d, ctx, ev);
	case DK_FORM:
		return dialog_form_handle(d, ctx, ev);
	case DK_TEXT:
		return text_handle(d, ctx, ev);
	}
	return DIALOG_OPEN;
}

bool dialog_dirty(const struct dialog *d)
{
	if (!d || d->closed)
		return false;
	if (d->kind == DK_CHECKLIST)
		return d->bits != d->init_bits;
	if (d->kind == DK_FORM)
		return dialog_form_dirty_part(&d->f);
	return false;
}

void dialog_free(struct dialog *d)
{
	if (!d)
		return;
	dialog_drop_windows(d);
	free(d->title);
	free(d->question);
	if (d->items)
		for (size_t i = 0; i < d->n; i++)
			free(d->items[i]);
	free(d->items);
	dialog_form_free_part(&d->f);
	free(d);
}
