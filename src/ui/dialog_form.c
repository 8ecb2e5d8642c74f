/* dialog_form — the form dialog: labelled one-line text fields (ncurses form library) on
 * pages, a note under them, checks on save and a second Esc before unsaved edits are lost. */
#include "autoconfig.h"

#include <curses.h>
#include <form.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/lib.h"
#include "i18n.h"
#include "ui/dialog.h"
#include "ui/dialog_internal.h"
#include "ui/draw.h"
#include "ui/theme.h"

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
	f->required = calloc(n, sizeof *f->required);
	f->init = calloc(n, sizeof *f->init);
	f->val = calloc(n, sizeof *f->val);
	if (!f->label || !f->help || !f->width || !f->max_bytes || !f->required || !f->init ||
	    !f->val) {
		dialog_free(d);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		f->label[i] = dialog_dup(fields[i].label);
		f->help[i] = fields[i].help ? strdup(fields[i].help) : NULL;
		f->init[i] = dialog_dup(fields[i].value);
		f->val[i] = dialog_dup(fields[i].value);
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

void dialog_form_teardown(struct form_part *f)
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
	dialog_form_teardown(f);
	if (LINES < 8 || COLS < 24)
		return false;
	int labelw = 0, fieldw = 0;
	for (size_t i = 0; i < f->n; i++) {
		labelw = dialog_imax(labelw, draw_width(f->label[i]));
		fieldw = dialog_imax(fieldw, f->width[i]);
	}
	int helpw = 0;
	for (size_t i = 0; i < f->n; i++)
		if (f->help[i])
			helpw = dialog_imax(helpw, draw_width(f->help[i]) + 4);
	labelw = dialog_imin(labelw, dialog_imax(8, COLS / 3));
	int w = dialog_imax(labelw + fieldw + 7, draw_width(d->title) + 8);
	w = dialog_imax(w, dialog_imin(helpw, 78));
	w = dialog_imax(w, 50);
	w = dialog_imin(w, COLS);
	int area = w - labelw - 7;   /* border, pads and ": " around the label column */
	if (area < 4)
		return false;
	/* Five lines stay free (centred: the alarm block's first lines stay in sight); more
	 * fields than fit go onto pages. */
	int per_page = LINES - 11 - f->note_rows;
	per_page = dialog_imax(1, dialog_imin(per_page, (int)f->n));
	int h = per_page + 6 + f->note_rows;
	if (!dialog_ensure_window(d, h, w))
		return false;
	(void)wbkgdset(d->win, ' ' | theme_attr(THEME_DIALOG));
	(void)werase(d->win); /* once: afterwards only the form library draws the fields */
	f->sub = derwin(d->win, per_page, area, 2, labelw + 5);
	f->fields = calloc(f->n + 1, sizeof *f->fields);
	if (!f->sub || !f->fields) {
		dialog_form_teardown(f);
		return false;
	}
	for (size_t i = 0; i < f->n; i++) {
		size_t maxc = f->max_bytes[i];
		if (strlen(f->val[i]) > maxc)
			maxc = strlen(f->val[i]);
		/* set_max_field refuses a maximum below the visible width */
		int fw = dialog_imin(f->width[i], area);
		if (maxc < (size_t)fw)
			fw = maxc > 0 ? (int)maxc : 1;
		FIELD *fl = new_field(1, fw, (int)i % per_page, 0, 0, 0);
		if (!fl) {
			dialog_form_teardown(f);
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
			dialog_form_teardown(f);
			return false;
		}
	}
	f->form = new_form(f->fields);
	if (!f->form || set_form_win(f->form, d->win) != E_OK ||
	    set_form_sub(f->form, f->sub) != E_OK) {
		dialog_form_teardown(f);
		return false;
	}
	if (post_form(f->form) != E_OK) {
		dialog_form_teardown(f);
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
	char *s = dialog_dup(value);
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
			dialog_drop_windows(d); /* rebuilt from val[] on the next draw */
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
		dialog_drop_windows(d);
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

void dialog_form_require(struct dialog *d, size_t i)
{
	if (d && i < d->f.n)
		d->f.required[i] = true;
}

const char *dialog_text_problem(enum text_problem tp)
{
	return tp == TEXT_EMPTY ? _("is required") : text_problem_message(tp);
}

int dialog_form_refuse(struct dialog *d, size_t i, char *err, size_t errsz, const char *fmt,
		       ...)
{
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	dialog_form_focus(d, i);
	return -1;
}

bool dialog_form_dirty_part(const struct form_part *f)
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

void dialog_form_draw(struct dialog *d)
{
	struct form_part *f = &d->f;
	if (!form_ready(d))
		return;
	char hint[160];
	(void)snprintf(hint, sizeof hint, _("%s: next field  %s: save  %s: cancel"),
		       keys_key_name(ACT_FORM_NEXT), keys_key_name(ACT_FORM_SAVE),
		       keys_key_name(ACT_CANCEL));
	dialog_frame_ex(d, hint, false);
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
		(void)draw_text(d->win, 0, dialog_imax(2, w - 2 - draw_width(pg)), w - 4, pg, A_NORMAL);
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


static enum dialog_state form_submit(struct dialog *d, struct panel_ctx *ctx)
{
	struct form_part *f = &d->f;
	form_sync(f);
	d->msg[0] = '\0';
	for (size_t i = 0; i < f->n; i++) {
		enum text_problem p = text_check(f->val[i], f->max_bytes[i], !f->required[i]);
		if (p != TEXT_OK) {
			(void)snprintf(d->msg, sizeof d->msg, "%s: %s", f->label[i],
				       dialog_text_problem(p));
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
	return dialog_close_with(d, ctx, true);
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

enum dialog_state dialog_form_handle(struct dialog *d, struct panel_ctx *ctx,
				     const struct key_event *ev)
{
	struct form_part *f = &d->f;
	wint_t ch = ev->ch;
	bool esc = (!ev->is_keycode && ch == 27) || ev->action == ACT_CANCEL;
	if (esc) {
		form_sync(f);
		if (dialog_form_dirty_part(f) && !f->discard_armed) {
			f->discard_armed = true;
			(void)snprintf(d->msg, sizeof d->msg, "%s",
				       _("There are unsaved changes: press Esc again to discard them."));
			return DIALOG_OPEN;
		}
		return dialog_close_with(d, ctx, false);
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

void dialog_form_free_part(struct form_part *f)
{
	char **texts[] = {f->label, f->help, f->init, f->val}; /* a string per field each */
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		for (size_t i = 0; texts[t] && i < f->n; i++)
			free(texts[t][i]);
		free(texts[t]);
	}
	free(f->width);
	free(f->max_bytes);
	free(f->required);
	free(f->note);
	while (f->old) {
		struct old_value *o = f->old;
		f->old = o->next;
		free(o->s);
		free(o);
	}
}
