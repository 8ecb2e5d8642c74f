/* console_internal — the console's state, shared by its loop and keys (console.c) and its
 * layout and drawing (console_layout.c): panels in slots, dialogs, help, status line. */
#ifndef BALIE_UI_CONSOLE_INTERNAL_H
#define BALIE_UI_CONSOLE_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/keys.h"
#include "ui/panel.h"

#define MIN_LINES 24
#define MIN_COLS 80
#define WIDE_COLS 160         /* two columns of panels from here on */
#define MAX_DIALOGS 4         /* a dialog may open another (pick list, then form) */
#define NOTICE_LINES 3        /* the notice strip grows to this many lines at most */
#define PASTE_MAX 2048        /* characters of one paste taken */

enum slot_id {
	SLOT_ALARMS, SLOT_BANS, SLOT_APPTS, SLOT_STAFF, SLOT_VISITS, SLOT_INCIDENTS, SLOT_COUNT
};

struct slot {
	const struct panel_ops *ops;
	void *self;
	WINDOW *win;
	int y, x, h, w;
};

struct console {
	struct panel_ctx ctx;
	struct slot slot[SLOT_COUNT];
	int focus;
	WINDOW *status;
	struct notices *notices;      /* of this frame, from every panel (see console_draw) */
	WINDOW *strip;                /* the notice strip under the alarms, while there are any */
	int strip_h;
	WINDOW *help;                 /* non-NULL while the help screen is shown */
	int help_top;
	struct dialog *dialog[MAX_DIALOGS];
	int ndialogs;
	int lines, cols;
	bool too_small;
	unsigned need_reload;         /* svc_change bits of what must be read again */
	bool need_redraw, need_layout, quit;
	char message[512];
	long long message_ms;
	int minute;                   /* shown on the status line */
	bool signal_pending;          /* a panel asked for the bell */
	bool asking_quit;             /* the quit question is open */
	long long flash_until;        /* the alarm block is shown inverted until then */
	long long wake_at;            /* a panel's due() wants a turn by then (0: none) */
	char day[11];                 /* the local date of the last read (DATES_DATE_LEN) */
	bool paste_on;                /* bracketed paste switched on in the terminal */
	bool pasting;                 /* between the start and the end of a paste */
	bool paste_cut;               /* the paste was longer than PASTE_MAX */
	long long paste_ms;           /* when the last pasted character came */
	wchar_t paste[PASTE_MAX];
	size_t paste_len;
	SCREEN *screen;
};

/* The place of the keys now: the focused panel's, or a dialog's. */
enum keys_place console_place(const struct console *c);

/* Lay out (when needed) and draw every window; one doupdate. */
void console_draw(struct console *c);

/* Open and close the help screen. */
void console_help_open(struct console *c);
void console_help_close(struct console *c);

#endif
