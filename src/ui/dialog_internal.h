/* dialog_internal — what the dialog files share: the dialog itself, the form part of a form
 * dialog, and the helpers of dialog.c the forms use (windows, frame, closing). */
#ifndef BALIE_UI_DIALOG_INTERNAL_H
#define BALIE_UI_DIALOG_INTERNAL_H

#include <curses.h>
#include <form.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/dialog.h"

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
	bool *required;
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

static inline int dialog_imax(int a, int b)
{
	return a > b ? a : b;
}

static inline int dialog_imin(int a, int b)
{
	return a < b ? a : b;
}

/* ---- dialog.c */

/* A dialog of kind with a copy of title; NULL on out-of-memory. */
struct dialog *dialog_alloc(enum dialog_kind kind, const char *title, dialog_done_fn done,
			    void *arg);

/* strdup of s, "" for NULL; NULL on out-of-memory. */
char *dialog_dup(const char *s);

/* Make (or keep) a window of h×w centred on the screen; false when curses refused. */
bool dialog_ensure_window(struct dialog *d, int h, int w);

/* Border, title and a bottom-border key hint; erase=false keeps the inside (a posted
 * form's fields live there and are only drawn by the form library). */
void dialog_frame_ex(struct dialog *d, const char *hint, bool erase);

/* Delete the dialog's windows (and a form's fields) so the next draw rebuilds them. */
void dialog_drop_windows(struct dialog *d);

/* Close d and call its done callback with ok; returns DIALOG_CLOSED. */
enum dialog_state dialog_close_with(struct dialog *d, struct panel_ctx *ctx, bool ok);

/* ---- dialog_form.c */

/* Free the form's fields, form and sub-window (they are rebuilt on the next draw). */
void dialog_form_teardown(struct form_part *f);

void dialog_form_draw(struct dialog *d);
enum dialog_state dialog_form_handle(struct dialog *d, struct panel_ctx *ctx,
				     const struct key_event *ev);

/* Whether a field differs from its value at creation. */
bool dialog_form_dirty_part(const struct form_part *f);

/* Free what the form part owns (not the dialog). */
void dialog_form_free_part(struct form_part *f);

#endif
