/* dialog — modal layers over the console: confirmation, pick list, checklist and forms
 * (ncurses form library). A dialog never runs its own input loop: the console feeds it
 * keys and draws it on top, so alarms keep arriving while a form is open. */
#ifndef BALIE_UI_DIALOG_H
#define BALIE_UI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keys.h"
#include "ui/panel.h"

struct dialog;

/* Called when the dialog is answered. ok=false on cancel. For forms, returning non-zero
 * from submit keeps the form open (the message written to err is shown in it), e.g. when
 * the record changed meanwhile; submit may refresh field values with dialog_form_set. */
typedef void (*dialog_done_fn)(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg);
typedef int (*dialog_submit_fn)(struct dialog *d, struct panel_ctx *ctx, void *arg,
				char *err, size_t errsz);

/* Yes/no question; done gets ok=true for yes. */
struct dialog *dialog_confirm_new(const char *title, const char *question,
				  dialog_done_fn done, void *arg);

/* Choose one of n items; the choice is dialog_pick_choice(d) in done. */
struct dialog *dialog_pick_new(const char *title, const char *const *items, size_t n,
			       dialog_done_fn done, void *arg);
size_t dialog_pick_choice(const struct dialog *d);

/* Tick any of n items (n <= 16), starting from bits; result dialog_checklist_bits(d). */
struct dialog *dialog_checklist_new(const char *title, const char *const *items, size_t n,
				    unsigned bits, dialog_done_fn done, void *arg);
unsigned dialog_checklist_bits(const struct dialog *d);

/* A form of labelled one-line text fields. */
struct dialog_field {
	const char *label;       /* translated */
	const char *value;       /* initial text, may be NULL */
	int width;               /* visible columns of the field */
	size_t max_bytes;        /* longest accepted text */
	const char *help;        /* translated hint shown while the field is focused, or NULL */
};
struct dialog *dialog_form_new(const char *title, const struct dialog_field *fields, size_t n,
			       dialog_submit_fn submit, dialog_done_fn done, void *arg);
/* The current text of field i (trimmed), valid until the dialog is freed. */
const char *dialog_form_value(struct dialog *d, size_t i);
void dialog_form_set(struct dialog *d, size_t i, const char *value);
/* Field i may not be left blank: the form says so and stays open (d may be NULL). */
void dialog_form_require(struct dialog *d, size_t i);
/* Move the cursor to field i (e.g. the one a submit callback found wrong). */
void dialog_form_focus(struct dialog *d, size_t i);

/* What a form says of a field's text problem, after "<label>: " ("is required" for an
 * empty one). */
const char *dialog_text_problem(enum text_problem tp);

/* For a submit callback that found field i wrong: why (printf-style) into err, the cursor
 * to field i; returns -1, what submit returns to keep the form open. */
int dialog_form_refuse(struct dialog *d, size_t i, char *err, size_t errsz, const char *fmt,
		       ...) __attribute__((format(printf, 5, 6)));

/* Called when the cursor has left field i of a form (Tab, Enter, arrows): the panel may
 * fill other fields (dialog_form_set) or show a note, e.g. a proposal from what was typed. */
typedef void (*dialog_leave_fn)(struct dialog *d, struct panel_ctx *ctx, size_t i, void *arg);
void dialog_form_on_leave(struct dialog *d, dialog_leave_fn fn);

/* A note shown under the fields until replaced (up to three wrapped lines; NULL or "" to
 * clear it), e.g. what the sanction table proposes. The form keeps room for it once set. */
void dialog_form_note(struct dialog *d, const char *note);

/* A read-only text to read and scroll (history, details); lines separated by '\n'. Enter
 * or Esc closes it; done gets ok=true. */
struct dialog *dialog_text_new(const char *title, const char *text, dialog_done_fn done,
			       void *arg);

/* For the console: draw centred on the screen (works down to the minimum size, redraws
 * after a resize), feed one key, ask whether unsaved edits exist, free. */
enum dialog_state { DIALOG_OPEN, DIALOG_CLOSED };
void dialog_draw(struct dialog *d, struct panel_ctx *ctx);
enum dialog_state dialog_handle(struct dialog *d, struct panel_ctx *ctx, const struct key_event *ev);
bool dialog_dirty(const struct dialog *d);
/* Pasted text (TABs and newlines already spaces) into the current field of a form; false
 * (nothing done) when d is no form: outside a field a paste is ignored. */
bool dialog_paste(struct dialog *d, struct panel_ctx *ctx, const wchar_t *text, size_t n);
void dialog_free(struct dialog *d);

#endif
