/* panel — what every console panel provides (create, reload from the store, draw, handle
 * an action) and what the console lends to panels (struct panel_ctx). One loop, in
 * console.c, owns the screen; panels only draw into the window they are given. */
#ifndef BALIE_UI_PANEL_H
#define BALIE_UI_PANEL_H

#include <curses.h>
#include <stdbool.h>
#include <time.h>

#include "config.h"
#include "core/lib.h"
#include "client/lib.h"
#include "service/lib.h"
#include "store/lib.h"
#include "ui/keys.h"

struct dialog;
struct notices;

/* What the console lends to panels. */
struct panel_ctx {
	const struct config *config;
	struct client *client;   /* the session with the service (client/client.h) */
	const char *user;
	enum role role;          /* may change in demo (F9) */
	bool demo;
	time_t now;              /* clock_now() at the start of this loop turn */
	void *console;           /* for the functions below */
	/* Show a one-line message on the status line (printf-style, already translated). */
	void (*message)(struct panel_ctx *ctx, const char *fmt, ...)
		__attribute__((format(printf, 2, 3)));
	/* Open a modal dialog over the console; the console owns and frees it. Live updates
	 * (alarms!) keep arriving while it is open. */
	void (*open_dialog)(struct panel_ctx *ctx, struct dialog *d);
	/* Wake the loop by this clock_mono_ms() instant to call the panels' due(). */
	void (*wake_at)(struct panel_ctx *ctx, long long mono_ms);
	/* Ask the terminal to beep and flash (new alarm). */
	void (*signal)(struct panel_ctx *ctx);
};

/* Bits a handler returns: what the console must do next. */
enum panel_result {
	PANEL_IGNORED = 0,       /* not mine: the console may try its own bindings */
	PANEL_HANDLED = 1 << 0,
	PANEL_REDRAW = 1 << 1,   /* draw again */
	PANEL_RELAYOUT = 1 << 2, /* my wanted height changed */
	PANEL_RELOAD = 1 << 3    /* data changed: reload every panel (after my own write) */
};

struct panel_ops {
	const char *name;        /* "alarms", "bans", "appts", "staff" */
	unsigned changes;        /* the svc_change bits of what it shows: reloaded only when
				  * one of them changed (service/proto.h) */
	size_t state_size;       /* bytes of the panel's state: the console allocates it zeroed,
				  * calls init, and frees it after destroy */
	/* Optional: set up the zeroed state; 0, or -1 when the panel cannot work. */
	int (*init)(void *self, struct panel_ctx *ctx);
	/* Free what the state owns (not the state itself). */
	void (*destroy)(void *self);
	/* Re-read from the store after a change by anyone; 0 or -1 (message via ctx). */
	int (*reload)(void *self, struct panel_ctx *ctx);
	/* Lines this panel needs at this width: *min the least that still shows what must be
	 * seen (1 = its title line alone), *want what it would like (0 = any, it fills). */
	void (*size)(void *self, struct panel_ctx *ctx, int cols, int *min, int *want);
	/* Draw into win (werase + contents; the console calls wnoutrefresh/doupdate). */
	void (*draw)(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused);
	/* One key press while focused; returns enum panel_result bits. */
	int (*handle)(void *self, struct panel_ctx *ctx, const struct key_event *ev);
	/* Optional: text pasted while this panel has the focus (TABs and newlines already
	 * spaces); panels without a text field leave it NULL and the paste is ignored. */
	int (*paste)(void *self, struct panel_ctx *ctx, const wchar_t *text, size_t n);
	/* Optional: called every turn of the loop (after a wake_at instant too) for work
	 * that was put off to a moment (a search once typing rests). */
	int (*due)(void *self, struct panel_ctx *ctx);
	/* Optional: called about once a second (clock, re-signalling unacknowledged alarms).
	 * A new day needs none: the console reloads every panel then. */
	int (*tick)(void *self, struct panel_ctx *ctx);
	/* A mouse click at (y, x) relative to the panel's window. */
	int (*click)(void *self, struct panel_ctx *ctx, int y, int x);
	/* Optional: add what every console must show on its notice strip (overdue visits,
	 * staffing warnings), whether or not this panel is on screen; called before each
	 * draw, from the data of the last reload and ctx->now. */
	void (*notices)(void *self, struct panel_ctx *ctx, struct notices *out);
};

/* The number of open alarms the alarm panel (self) read last. */
size_t panel_alarms_open(const void *self);

/* Record in the audit trail that the operator's role refused action ("alarm.ack"); the
 * panel has already told the operator. (These helpers are ui/panel.c.) */
void panel_denied(struct panel_ctx *ctx, const char *action);

/* Whether the operator's role holds perm; if not, the operator is told that the role may
 * not do what perm allows, and the refusal of action is recorded. */
bool panel_may(struct panel_ctx *ctx, enum permission perm, const char *action);

/* For a form's submit: what a failed store call r means, into err (busy: try again; else
 * the store's message). Returns -1, what submit returns to keep the form open. */
int panel_form_failed(struct panel_ctx *ctx, enum store_status r, char *err, size_t errsz);

/* Open d over the console (ctx->open_dialog), or, when d is NULL because making it ran out
 * of memory, tell the operator the form could not be opened. True when opened. */
bool panel_show_dialog(struct panel_ctx *ctx, struct dialog *d);

/* The ops of panel <panel>: every panel keeps its state in struct <panel>_panel and has
 * <panel>_destroy, _reload, _size, _draw, _handle and _click; what is its own (.changes, the
 * optional ops) follows as designated initialisers. A panel that lacks one does not build. */
#define PANEL_OPS(panel, ...)                                                               \
	{                                                                                   \
		.name = #panel,                                                             \
		.state_size = sizeof(struct panel##_panel),                                 \
		.destroy = panel##_destroy,                                                 \
		.reload = panel##_reload,                                                   \
		.size = panel##_size,                                                       \
		.draw = panel##_draw,                                                       \
		.handle = panel##_handle,                                                   \
		.click = panel##_click,                                                     \
		__VA_ARGS__                                                                 \
	}

extern const struct panel_ops panel_alarms_ops;
extern const struct panel_ops panel_bans_ops;
extern const struct panel_ops panel_appts_ops;
extern const struct panel_ops panel_staff_ops;
extern const struct panel_ops panel_visits_ops;
extern const struct panel_ops panel_incidents_ops; /* panel_incidents.c (issue 13) */

#endif
