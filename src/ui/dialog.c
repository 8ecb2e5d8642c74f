/* dialog — modal layers over the console: confirmation, pick list, checklist and forms.
 * Fed one key at a time by the console; windows are rebuilt whenever the screen size changed. */
#include "autoconfig.h"

#include <curses.h>
#include <form.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/text.h"
#include "i18n.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/theme.h"

enum dialog_kind { DK_CONFIRM, DK_PICK, DK_CHECKLIST, DK_FORM, DK_TEXT };

/* A string handed out by dialog_form_value that was replaced later: kept until free so the
 * promise "valid until the dialog is freed" holds. */
struct old_value {
	char *s;
	struct old_value *next;
};

struct form_part {
	size_t n;
	char **label, **help;
	int *width;
	size_t *max_bytes;
	char **init;             /* values at creation, for dialog_dirty */
	char **val;              /* current values; the truth while no FORM exists */
	struct old_value *old;
	FIELD **fields;          /* n + 1, NULL-terminated */
	FORM *form;
	WINDOW *sub;
	size_t cur;              /* focused field */
	int per_page, labelw;
	bool discard_armed;      /* Esc pressed once on a dirty form */
	dialog_submit_fn submit;
	dialog_leave_fn on_leave;
	char *note;              /* shown under the fields, or NULL */
	int note_rows;           /* rows kept for the note once one was set */
};

struct dialog {
	enum dialog_kind kind;
	char *title;
	dialog_done_fn done;
	void *arg;
	bool closed;
	WINDOW *win;
	int lines, cols;         /* screen size win was made for */
	char msg[512];           /* error or notice shown inside the dialog */
	/* confirm */
	char *question;
	bool yes_focused;
	/* pick / checklist */
	char **items;
	size_t n, cur, top;
	unsigned bits, init_bits;
	/* form */
	struct form_part f;
};

/* ------------------------------------------------------------------ drawing helpers */

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static int imin(int a, int b)
{
	return a < b ? a : b;
}

/* Delete the dialog's windows (and a form's fields) so the next draw rebuilds them. */
static void drop_windows(struct dialog *d);

/* Make (or keep) a window of h×w centred on the screen; false when curses refused. */
static bool ensure_window(struct dialog *d, int h, int w)
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
	d->win = newwin(h, w, imax(0, (LINES - h) / 2), imax(0, (COLS - w) / 2));
	if (!d->win)
		return false;
	d->lines = LINES;
	d->cols = COLS;
	return true;
}

/* Border, title and a bottom-border key hint; erase=false keeps the inside (a posted
 * form's fields live there and are only drawn by the form library). */
static void frame_ex(struct dialog *d, const char *hint, bool erase)
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
		int tw = imin(draw_width(t), w - 4);
		(void)draw_text(d->win, h - 1, w - 2 - tw, tw, t, A_NORMAL);
	}
}

static void frame(struct dialog *d, const char *hint)
{
	frame_ex(d, hint, true);
}

/* ------------------------------------------------------------------ construction */

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static struct dialog *dialog_alloc(enum dialog_kind kind, const char *title,
				   dialog_done_fn done, void *arg)
{
	struct dialog *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->kind = kind;
	d->done = done;
	d->arg = arg;
	d->title = dup_or_empty(title);
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
	d->question = dup_or_empty(question);
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
		d->items[i] = dup_or_empty(items[i]);
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

struct dialog *dialog_form_new(const char *title, const struct dialog_field *fields, size_t n,
			       dialog_submit_fn submit, dialog_done_fn done, void *arg)
{
	if (n == 0)
		return NULL;
	struct dialog *d = dialog_alloc(DK_FORM, title, done, arg);
	if (!d)
		return NULL;
	struct form_part *f = &d->f;
	f->n = n;
	f->submit = submit;
	f->label = calloc(n, sizeof *f->label);
	f->help = calloc(n, sizeof *f->help);
	f->width = calloc(n, sizeof *f->width);
	f->max_bytes = calloc(n, sizeof *f->max_bytes);
	f->init = calloc(n, sizeof *f->init);
	f->val = calloc(n, sizeof *f->val);
	if (!f->label || !f->help || !f->width || !f->max_bytes || !f->init || !f->val) {
		dialog_free(d);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		f->label[i] = dup_or_empty(fields[i].label);
		f->help[i] = fields[i].help ? strdup(fields[i].help) : NULL;
		f->init[i] = dup_or_empty(fields[i].value);
		f->val[i] = dup_or_empty(fields[i].value);
		f->width[i] = fields[i].width > 0 ? fields[i].width : 20;
		f->max_bytes[i] = fields[i].max_bytes ? fields[i].max_bytes : 256;
		if (!f->label[i] || (fields[i].help && !f->help[i]) || !f->init[i] || !f->val[i]) {
			dialog_free(d);
			return NULL;
		}
		(void)text_trim(f->val[i]);
		(void)text_trim(f->init[i]);
	}
	return d;
}

/* ------------------------------------------------------------------ forms */

static void form_teardown(struct form_part *f)
{
	if (f->form) {
		/* unpost fails only when the form is not posted; freeing is what matters */
		(void)unpost_form(f->form);
		(void)free_form(f->form);
		f->form = NULL;
	}
	if (f->fields) {
		for (size_t i = 0; i < f->n; i++)
			if (f->fields[i])
				(void)free_field(f->fields[i]); /* fails only while connected */
		free(f->fields);
		f->fields = NULL;
	}
	if (f->sub) {
		(void)delwin(f->sub);
		f->sub = NULL;
	}
}

static void drop_windows(struct dialog *d)
{
	if (d->kind == DK_FORM)
		form_teardown(&d->f);
	if (d->win) {
		(void)delwin(d->win); /* fails only for a NULL window */
		d->win = NULL;
	}
}

/* Copy field i's buffer (trimmed) into val[i], keeping the old string alive. */
static void form_sync_one(struct form_part *f, size_t i)
{
	if (!f->fields || !f->fields[i])
		return;
	const char *buf = field_buffer(f->fields[i], 0);
	if (!buf)
		return;
	char *s = strdup(buf);
	if (!s)
		return; /* out of memory: keep the previous value rather than lose it */
	(void)text_trim(s);
	if (strcmp(s, f->val[i]) == 0) {
		free(s);
		return;
	}
	struct old_value *o = malloc(sizeof *o);
	if (!o) {
		free(s);
		return;
	}
	o->s = f->val[i];
	o->next = f->old;
	f->old = o;
	f->val[i] = s;
}

/* Bring val[] up to date with what was typed. */
static void form_sync(struct form_part *f)
{
	if (!f->form)
		return;
	/* the current field's buffer is only written back on validation */
	(void)form_driver(f->form, REQ_VALIDATION);
	for (size_t i = 0; i < f->n; i++)
		form_sync_one(f, i);
}

/* Build the window, fields and form for the current screen size; false when it does not fit. */
static bool form_build(struct dialog *d)
{
	struct form_part *f = &d->f;
	form_teardown(f);
	if (LINES < 8 || COLS < 24)
		return false;
	int labelw = 0, fieldw = 0;
	for (size_t i = 0; i < f->n; i++) {
		labelw = imax(labelw, draw_width(f->label[i]));
		fieldw = imax(fieldw, f->width[i]);
	}
	int helpw = 0;
	for (size_t i = 0; i < f->n; i++)
		if (f->help[i])
			helpw = imax(helpw, draw_width(f->help[i]) + 4);
	labelw = imin(labelw, imax(8, COLS / 3));
	int w = imax(labelw + fieldw + 7, draw_width(d->title) + 8);
	w = imax(w, imin(helpw, 78));
	w = imax(w, 50);
	w = imin(w, COLS);
	int area = w - labelw - 7;   /* border, pads and ": " around the label column */
	if (area < 4)
		return false;
	/* Five lines stay free (centred: the alarm block's first lines stay in sight); more
	 * fields than fit go onto pages. */
	int per_page = LINES - 11 - f->note_rows;
	per_page = imax(1, imin(per_page, (int)f->n));
	int h = per_page + 6 + f->note_rows;
	if (!ensure_window(d, h, w))
		return false;
	(void)wbkgdset(d->win, ' ' | theme_attr(THEME_DIALOG));
	(void)werase(d->win); /* once: afterwards only the form library draws the fields */
	f->sub = derwin(d->win, per_page, area, 2, labelw + 5);
	f->fields = calloc(f->n + 1, sizeof *f->fields);
	if (!f->sub || !f->fields) {
		form_teardown(f);
		return false;
	}
	for (size_t i = 0; i < f->n; i++) {
		size_t maxc = f->max_bytes[i];
		if (strlen(f->val[i]) > maxc)
			maxc = strlen(f->val[i]);
		/* set_max_field refuses a maximum below the visible width */
		int fw = imin(f->width[i], area);
		if (maxc < (size_t)fw)
			fw = maxc > 0 ? (int)maxc : 1;
		FIELD *fl = new_field(1, fw, (int)i % per_page, 0, 0, 0);
		if (!fl) {
			form_teardown(f);
			return false;
		}
		f->fields[i] = fl;
		/* dynamic one-line fields scroll sideways instead of stopping at the edge;
		 * O_BLANK off so typing at the start does not wipe the value */
		if (field_opts_off(fl, O_AUTOSKIP | O_BLANK | O_STATIC) != E_OK ||
		    set_max_field(fl, (int)maxc) != E_OK ||
		    set_field_back(fl, theme_attr(THEME_FIELD) | A_UNDERLINE) != E_OK ||
		    set_field_buffer(fl, 0, f->val[i]) != E_OK ||
		    (i > 0 && (int)i % per_page == 0 && set_new_page(fl, TRUE) != E_OK)) {
			form_teardown(f);
			return false;
		}
	}
	f->form = new_form(f->fields);
	if (!f->form || set_form_win(f->form, d->win) != E_OK ||
	    set_form_sub(f->form, f->sub) != E_OK) {
		form_teardown(f);
		return false;
	}
	if (post_form(f->form) != E_OK) {
		form_teardown(f);
		return false;
	}
	f->per_page = per_page;
	f->labelw = labelw;
	if (f->cur >= f->n)
		f->cur = 0;
	if (set_current_field(f->form, f->fields[f->cur]) != E_OK)
		f->cur = (size_t)field_index(current_field(f->form));
	(void)form_driver(f->form, REQ_END_FIELD); /* cursor after the text, as before */
	return true;
}

/* The form exists and matches the screen size (rebuilt after a resize). */
static bool form_ready(struct dialog *d)
{
	if (d->f.form && d->win && d->lines == LINES && d->cols == COLS)
		return true;
	form_sync(&d->f);
	return form_build(d);
}

const char *dialog_form_value(struct dialog *d, size_t i)
{
	if (!d || d->kind != DK_FORM || i >= d->f.n)
		return "";
	form_sync(&d->f);
	return d->f.val[i];
}

void dialog_form_set(struct dialog *d, size_t i, const char *value)
{
	if (!d || d->kind != DK_FORM || i >= d->f.n)
		return;
	struct form_part *f = &d->f;
	char *s = dup_or_empty(value);
	struct old_value *o = malloc(sizeof *o);
	if (!s || !o) {
		free(s);
		free(o);
		return;
	}
	(void)text_trim(s);
	o->s = f->val[i];
	o->next = f->old;
	f->old = o;
	f->val[i] = s;
	if (f->fields && f->fields[i]) {
		if (strlen(s) > f->max_bytes[i])
			(void)set_max_field(f->fields[i], (int)strlen(s)); /* keep longer stored text whole */
		if (set_field_buffer(f->fields[i], 0, s) != E_OK)
			drop_windows(d); /* rebuilt from val[] on the next draw */
	}
}

void dialog_form_on_leave(struct dialog *d, dialog_leave_fn fn)
{
	if (d && d->kind == DK_FORM)
		d->f.on_leave = fn;
}

void dialog_form_note(struct dialog *d, const char *note)
{
	if (!d || d->kind != DK_FORM)
		return;
	struct form_part *f = &d->f;
	char *s = note && *note ? strdup(note) : NULL;
	if (note && *note && !s)
		return; /* out of memory: keep the old note rather than none */
	free(f->note);
	f->note = s;
	if (s && f->note_rows == 0) {
		/* the window grows once; the values typed so far survive the rebuild */
		form_sync(f);
		f->note_rows = 3;
		drop_windows(d);
	}
}

void dialog_form_focus(struct dialog *d, size_t i)
{
	if (!d || d->kind != DK_FORM || i >= d->f.n)
		return;
	d->f.cur = i;
	if (d->f.form && set_current_field(d->f.form, d->f.fields[i]) == E_OK)
		(void)form_driver(d->f.form, REQ_END_FIELD);
}

static bool form_dirty(const struct form_part *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const char *now = f->val[i];
		char *tmp = NULL;
		if (f->fields && f->fields[i]) {
			const char *buf = field_buffer(f->fields[i], 0);
			if (buf && (tmp = strdup(buf)) != NULL)
				now = text_trim(tmp);
		}
		bool differs = strcmp(now, f->init[i]) != 0;
		free(tmp);
		if (differs)
			return true;
	}
	return false;
}

static void form_draw(struct dialog *d)
{
	struct form_part *f = &d->f;
	if (!form_ready(d))
		return;
	char hint[160];
	(void)snprintf(hint, sizeof hint, _("%s: next field  %s: save  %s: cancel"),
		       keys_key_name(ACT_FORM_NEXT), keys_key_name(ACT_FORM_SAVE),
		       keys_key_name(ACT_CANCEL));
	frame_ex(d, hint, false);
	int h, w;
	getmaxyx(d->win, h, w);
	attr_t bg = theme_attr(THEME_DIALOG);
	for (int y = 1; y < h - 1; y++) {
		/* the label column, the title gap and the message lines; not the fields */
		draw_fill(d->win, y, 1, y >= 2 && y < 2 + f->per_page ? f->labelw + 3 : w - 2, bg);
	}
	int page = form_page(f->form);
	size_t first = (size_t)(page < 0 ? 0 : page) * (size_t)f->per_page;
	size_t cur = (size_t)field_index(current_field(f->form));
	f->cur = cur;
	for (size_t i = first; i < f->n && i < first + (size_t)f->per_page; i++) {
		int y = 2 + (int)(i - first);
		char lab[600];
		(void)snprintf(lab, sizeof lab, "%s", f->label[i]);
		(void)draw_text(d->win, y, 2, f->labelw, lab, i == cur ? A_BOLD : A_NORMAL);
		(void)draw_text(d->win, y, 2 + f->labelw, 1, ":", A_NORMAL);
	}
	int pages = (int)((f->n + (size_t)f->per_page - 1) / (size_t)f->per_page);
	if (pages > 1) {
		char pg[64];
		(void)snprintf(pg, sizeof pg, _(" page %d/%d "), page + 1, pages);
		(void)draw_text(d->win, 0, imax(2, w - 2 - draw_width(pg)), w - 4, pg, A_NORMAL);
	}
	if (f->note_rows > 0 && f->note)
		(void)draw_wrap(d->win, 2 + f->per_page, 2, w - 4, f->note_rows, f->note,
				theme_attr(THEME_DIALOG_TITLE));
	int y = h - 4;
	if (d->msg[0])
		(void)draw_wrap(d->win, y, 2, w - 4, 2, d->msg, theme_attr(THEME_ERROR));
	else if (f->help[cur])
		(void)draw_wrap(d->win, y, 2, w - 4, 2, f->help[cur], A_NORMAL);
	/* the form's cursor is the window's cursor: put it back into the field last */
	(void)pos_form_cursor(f->form);
	(void)touchwin(d->win);
	(void)wnoutrefresh(d->win);
	(void)curs_set(1); /* terminals without cursor control still work without it */
}

static bool is_bidi(wint_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

static enum dialog_state close_with(struct dialog *d, struct panel_ctx *ctx, bool ok)
{
	d->closed = true;
	if (d->kind == DK_FORM)
		(void)curs_set(0); /* only forms show the cursor; failure just leaves it as it was */
	if (d->done)
		d->done(d, ctx, ok, d->arg);
	return DIALOG_CLOSED;
}

static enum dialog_state form_submit(struct dialog *d, struct panel_ctx *ctx)
{
	struct form_part *f = &d->f;
	form_sync(f);
	d->msg[0] = '\0';
	for (size_t i = 0; i < f->n; i++) {
		enum text_problem p = text_check(f->val[i], f->max_bytes[i], true);
		if (p != TEXT_OK) {
			(void)snprintf(d->msg, sizeof d->msg, "%s: %s", f->label[i],
				       text_problem_message(p));
			dialog_form_focus(d, i);
			return DIALOG_OPEN;
		}
	}
	if (f->submit) {
		char err[sizeof d->msg] = "";
		if (f->submit(d, ctx, d->arg, err, sizeof err) != 0) {
			(void)snprintf(d->msg, sizeof d->msg, "%s",
				       err[0] ? err : _("the form could not be saved"));
			return DIALOG_OPEN;
		}
	}
	return close_with(d, ctx, true);
}

/* Type one character into the current field: control and bidi characters never enter a
 * field (text_check also refuses them on save); a refused key (field full) does nothing. */
static void form_insert(struct form_part *f, wint_t ch)
{
	if (ch >= 32 && ch != 127 && !(ch >= 0x80 && ch < 0xa0) && !is_bidi(ch) && iswprint(ch))
		(void)form_driver_w(f->form, OK, ch);
}

static int form_request(struct dialog *d, int req)
{
	return form_driver(d->f.form, req);
}

static enum dialog_state form_handle(struct dialog *d, struct panel_ctx *ctx,
				     const struct key_event *ev)
{
	struct form_part *f = &d->f;
	wint_t ch = ev->ch;
	bool esc = (!ev->is_keycode && ch == 27) || ev->action == ACT_CANCEL;
	if (esc) {
		form_sync(f);
		if (form_dirty(f) && !f->discard_armed) {
			f->discard_armed = true;
			(void)snprintf(d->msg, sizeof d->msg, "%s",
				       _("There are unsaved changes: press Esc again to discard them."));
			return DIALOG_OPEN;
		}
		return close_with(d, ctx, false);
	}
	if (f->discard_armed) {
		f->discard_armed = false;
		d->msg[0] = '\0';
	}
	if (ev->is_keycode && ch == KEY_RESIZE)
		return DIALOG_OPEN; /* the next draw rebuilds for the new size */
	if (!form_ready(d))
		return DIALOG_OPEN;
	size_t cur = (size_t)field_index(current_field(f->form));
	bool last = cur + 1 >= f->n;
	/* the form's own keys come from the key table (KEYS_FORM); editing keys are raw */
	switch (ev->action) {
	case ACT_FORM_SAVE:
		return form_submit(d, ctx);
	case ACT_FORM_ENTER:
		if (last)
			return form_submit(d, ctx);
		(void)form_request(d, REQ_NEXT_FIELD);
		break;
	case ACT_FORM_NEXT:
		(void)form_request(d, REQ_NEXT_FIELD);
		break;
	case ACT_FORM_PREV:
		(void)form_request(d, REQ_PREV_FIELD);
		break;
	case ACT_FORM_CLEAR:
		(void)form_request(d, REQ_CLR_FIELD);
		break;
	default:
		if (ev->is_keycode) {
			switch (ch) {
			case KEY_NPAGE: (void)form_request(d, REQ_NEXT_PAGE); break;
			case KEY_PPAGE: (void)form_request(d, REQ_PREV_PAGE); break;
			case KEY_LEFT: (void)form_request(d, REQ_LEFT_CHAR); break;
			case KEY_RIGHT: (void)form_request(d, REQ_RIGHT_CHAR); break;
			case KEY_HOME: (void)form_request(d, REQ_BEG_FIELD); break;
			case KEY_END: (void)form_request(d, REQ_END_FIELD); break;
			case KEY_BACKSPACE: (void)form_request(d, REQ_DEL_PREV); break;
			case KEY_DC: (void)form_request(d, REQ_DEL_CHAR); break;
			default: break; /* other function keys mean nothing inside a form */
			}
		} else if (ch == 127 || ch == 8) {
			(void)form_request(d, REQ_DEL_PREV);
		} else if (ch == 11) { /* Ctrl-K: clear to the end */
			(void)form_request(d, REQ_CLR_EOF);
		} else {
			form_insert(f, ch);
		}
		break;
	}
	/* write the typing back to the field buffer now, so dialog_dirty() sees it */
	(void)form_driver(f->form, REQ_VALIDATION);
	f->cur = (size_t)field_index(current_field(f->form));
	if (f->cur != cur && f->on_leave) {
		form_sync(f);
		/* last: the callback may set fields or a note, which can rebuild the form */
		f->on_leave(d, ctx, cur, d->arg);
	}
	return DIALOG_OPEN;
}

/* ------------------------------------------------------------------ confirm */

static void confirm_draw(struct dialog *d)
{
	int w = imin(COLS, imax(44, imin(70, draw_width(d->question) + 6)));
	w = imax(w, imin(COLS, draw_width(d->title) + 8));
	int qlines = imin(draw_wrap_lines(d->question, w - 4, 1000), imax(1, LINES - 6));
	int h = imin(LINES, qlines + 6);
	if (!ensure_window(d, h, w))
		return;
	frame(d, _("Enter: answer  Esc: no"));
	(void)draw_wrap(d->win, 2, 2, w - 4, qlines, d->question, A_NORMAL);
	const char *yes = _("Yes"), *no = _("No");
	char by[64], bn[64];
	(void)snprintf(by, sizeof by, "[ %s ]", yes);
	(void)snprintf(bn, sizeof bn, "[ %s ]", no);
	int bw = draw_width(by) + 2 + draw_width(bn);
	int x = imax(1, (w - bw) / 2);
	x += draw_text(d->win, h - 3, x, w - x - 1, by, d->yes_focused ? theme_attr(THEME_SELECTED) : A_NORMAL) + 2;
	(void)draw_text(d->win, h - 3, x, w - x - 1, bn, d->yes_focused ? A_NORMAL : theme_attr(THEME_SELECTED));
	(void)touchwin(d->win);
	(void)wnoutrefresh(d->win);
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
		return close_with(d, ctx, false);
	if (ev->is_keycode) {
		if (ch == KEY_LEFT || ch == KEY_RIGHT || ch == KEY_BTAB)
			d->yes_focused = !d->yes_focused;
		else if (ch == KEY_ENTER)
			return close_with(d, ctx, d->yes_focused);
		return DIALOG_OPEN;
	}
	if (ch == '\n' || ch == '\r')
		return close_with(d, ctx, d->yes_focused);
	if (ch == '\t') {
		d->yes_focused = !d->yes_focused;
		return DIALOG_OPEN;
	}
	int lc = ch < 0x80 ? (int)towlower(ch) : 0;
	if (lc && (lc == 'y' || lc == answer_key(_("Yes"))))
		return close_with(d, ctx, true);
	if (lc && (lc == 'n' || lc == answer_key(_("No"))))
		return close_with(d, ctx, false);
	return DIALOG_OPEN;
}

/* ------------------------------------------------------------------ pick / checklist */

static void list_draw(struct dialog *d)
{
	bool check = d->kind == DK_CHECKLIST;
	int itemw = 0;
	for (size_t i = 0; i < d->n; i++)
		itemw = imax(itemw, draw_width(d->items[i]));
	const char *hint = check ? _("Space: tick  Enter: save  Esc: cancel")
				 : _("Enter: choose  Esc: cancel");
	int w = imax(itemw + (check ? 10 : 6), draw_width(d->title) + 8);
	w = imax(w, draw_width(hint) + 6);
	w = imin(w, COLS);
	int rows = imax(1, imin((int)d->n, LINES - 5));
	int h = rows + 4;
	if (!ensure_window(d, h, w))
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
	if (d->n > (size_t)rows) {
		char pos[64];
		(void)snprintf(pos, sizeof pos, " %zu/%zu ", d->cur + 1, d->n);
		(void)draw_text(d->win, 0, imax(2, w - 2 - draw_width(pos)), w - 4, pos, A_NORMAL);
	}
	(void)touchwin(d->win);
	(void)wnoutrefresh(d->win);
}

static enum dialog_state list_handle(struct dialog *d, struct panel_ctx *ctx,
				     const struct key_event *ev)
{
	wint_t ch = ev->ch;
	bool check = d->kind == DK_CHECKLIST;
	size_t page = d->win ? (size_t)imax(1, getmaxy(d->win) - 4) : 5;
	if ((!ev->is_keycode && ch == 27) || ev->action == ACT_CANCEL)
		return close_with(d, ctx, false);
	if (d->n == 0)
		return DIALOG_OPEN;
	if (ev->is_keycode) {
		switch (ch) {
		case KEY_UP:
			if (d->cur > 0)
				d->cur--;
			break;
		case KEY_DOWN:
			if (d->cur + 1 < d->n)
				d->cur++;
			break;
		case KEY_PPAGE:
			d->cur = d->cur > page ? d->cur - page : 0;
			break;
		case KEY_NPAGE:
			d->cur = d->cur + page < d->n ? d->cur + page : d->n - 1;
			break;
		case KEY_HOME:
			d->cur = 0;
			break;
		case KEY_END:
			d->cur = d->n - 1;
			break;
		case KEY_ENTER:
			return close_with(d, ctx, true);
		default:
			break;
		}
		return DIALOG_OPEN;
	}
	if (ch == '\n' || ch == '\r')
		return close_with(d, ctx, true);
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
		rows += imax(1, draw_wrap_lines(d->items[i], cols, 100));
	return rows;
}

static void text_draw(struct dialog *d)
{
	int widest = 0;
	for (size_t i = 0; i < d->n; i++)
		widest = imax(widest, draw_width(d->items[i]));
	const char *hint = _("Up/Down: scroll  Enter/Esc: close");
	int w = imax(imin(widest + 4, 96), draw_width(d->title) + 8);
	w = imax(w, draw_width(hint) + 6);
	w = imin(w, COLS);
	int cols = imax(1, w - 4);
	int h = imin(LINES, text_rows(d, 0, cols) + 4);
	h = imax(h, imin(LINES, 5));
	if (!ensure_window(d, h, w))
		return;
	frame(d, hint);
	int rows = h - 4;
	/* never scroll past the point where the last line is at the bottom */
	while (d->top > 0 && text_rows(d, d->top - 1, cols) <= rows)
		d->top--;
	int y = 2;
	for (size_t i = d->top; i < d->n && y < 2 + rows; i++)
		y += imax(1, draw_wrap(d->win, y, 2, cols, 2 + rows - y, d->items[i], A_NORMAL));
	if (d->top > 0 || y >= 2 + rows) {
		char pos[64];
		(void)snprintf(pos, sizeof pos, " %zu/%zu ", d->top + 1, d->n);
		(void)draw_text(d->win, 0, imax(2, w - 2 - draw_width(pos)), w - 4, pos, A_NORMAL);
	}
	(void)touchwin(d->win);
	(void)wnoutrefresh(d->win);
}

static enum dialog_state text_handle(struct dialog *d, struct panel_ctx *ctx,
				     const struct key_event *ev)
{
	wint_t ch = ev->ch;
	size_t page = d->win ? (size_t)imax(1, getmaxy(d->win) - 5) : 5;
	if ((!ev->is_keycode && (ch == 27 || ch == '\n' || ch == '\r')) ||
	    (ev->is_keycode && ch == KEY_ENTER) || ev->action == ACT_CANCEL)
		return close_with(d, ctx, true);
	if (!ev->is_keycode)
		return DIALOG_OPEN;
	switch (ch) {
	case KEY_UP:
		if (d->top > 0)
			d->top--;
		break;
	case KEY_DOWN:
		if (d->top + 1 < d->n)
			d->top++; /* the draw pulls it back when the end is in sight */
		break;
	case KEY_PPAGE:
		d->top = d->top > page ? d->top - page : 0;
		break;
	case KEY_NPAGE:
		d->top = d->top + page < d->n ? d->top + page : d->n - 1;
		break;
	case KEY_HOME:
		d->top = 0;
		break;
	case KEY_END:
		d->top = d->n - 1;
		break;
	default:
		break;
	}
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
		form_draw(d);
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
		return form_handle(d, ctx, ev);
	case DK_TEXT:
		return text_handle(d, ctx, ev);
	}
	return DIALOG_OPEN;
}

bool dialog_paste(struct dialog *d, struct panel_ctx *ctx, const wchar_t *text, size_t n)
{
	(void)ctx;
	if (!d || d->closed || d->kind != DK_FORM || !text || !form_ready(d))
		return false;
	for (size_t i = 0; i < n; i++)
		form_insert(&d->f, (wint_t)text[i]);
	(void)form_driver(d->f.form, REQ_VALIDATION);
	return true;
}

bool dialog_dirty(const struct dialog *d)
{
	if (!d || d->closed)
		return false;
	if (d->kind == DK_CHECKLIST)
		return d->bits != d->init_bits;
	if (d->kind == DK_FORM)
		return form_dirty(&d->f);
	return false;
}

void dialog_free(struct dialog *d)
{
	if (!d)
		return;
	drop_windows(d);
	free(d->title);
	free(d->question);
	if (d->items)
		for (size_t i = 0; i < d->n; i++)
			free(d->items[i]);
	free(d->items);
	struct form_part *f = &d->f;
	for (size_t i = 0; i < f->n; i++) {
		if (f->label)
			free(f->label[i]);
		if (f->help)
			free(f->help[i]);
		if (f->init)
			free(f->init[i]);
		if (f->val)
			free(f->val[i]);
	}
	free(f->label);
	free(f->help);
	free(f->width);
	free(f->max_bytes);
	free(f->init);
	free(f->val);
	free(f->note);
	while (f->old) {
		struct old_value *o = f->old;
		f->old = o->next;
		free(o->s);
		free(o);
	}
	free(d);
}
