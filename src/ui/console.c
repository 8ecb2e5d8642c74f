/* console — the full-screen console: one poll() loop over the keyboard and the store's change
 * watch; keys by place (typing always goes to the visitor search), bracketed paste, the
 * quit question, suspend, and the screen laid out by priority (console_layout.c). */
#include "autoconfig.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/console.h"
#include "ui/console_internal.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/notices.h"
#include "ui/panel.h"
#include "ui/theme.h"

#define SAFETY_POLL_MS 250    /* store_changed() even when inotify stays silent */
#define NO_WATCH_POLL_MS 100  /* without inotify the poll alone must meet 150 ms */
#define BURST_MS 300          /* after an inotify wake-up, look again for this long ... */
#define BURST_STEP_MS 10      /* ... this often: the commit may land just after the event */
#define MESSAGE_MS 10000      /* a status-line message stays this long */
#define FLASH_MS 400          /* a new alarm turns the alarm block over this long */
#define PASTE_IDLE_MS 1000    /* a paste whose end never came is over after this pause */

/* Set by the handlers of SIGTERM and SIGHUP: leave the loop and restore the terminal. */
static volatile sig_atomic_t console_stop;
/* Set by SIGTSTP (stop, e.g. kill -TSTP) and SIGCONT (continued after any stop). */
static volatile sig_atomic_t console_tstp, console_cont;

static void on_stop_signal(int sig)
{
	(void)sig;
	console_stop = 1;
}

static void on_tstp(int sig)
{
	(void)sig;
	console_tstp = 1;
}

static void on_cont(int sig)
{
	(void)sig;
	console_cont = 1;
}

static struct console *con_of(struct panel_ctx *ctx)
{
	return ctx->console;
}

/* ---------------------------------------------------------------- lent to panels */

static void ctx_message(struct panel_ctx *ctx, const char *fmt, ...)
{
	struct console *c = con_of(ctx);
	va_list ap;
	va_start(ap, fmt);
	(void)vsnprintf(c->message, sizeof c->message, fmt, ap);
	va_end(ap);
	c->message_ms = clock_mono_ms();
	c->need_redraw = true;
}

static void ctx_open_dialog(struct panel_ctx *ctx, struct dialog *d)
{
	struct console *c = con_of(ctx);
	if (!d)
		return;
	if (c->ndialogs >= MAX_DIALOGS) {
		dialog_free(d);
		ctx_message(ctx, "%s", _("Too many open windows; close one first"));
		return;
	}
	c->dialog[c->ndialogs++] = d;
	c->need_redraw = true;
}

static void ctx_wake_at(struct panel_ctx *ctx, long long mono_ms)
{
	struct console *c = con_of(ctx);
	if (!c->wake_at || mono_ms < c->wake_at)
		c->wake_at = mono_ms;
}

static void ctx_signal(struct panel_ctx *ctx)
{
	/* Not here and now: curses' flash() sleeps 100 ms, which would hold back drawing the
	 * very alarm it announces. The loop rings after the reload and flashes by itself. */
	con_of(ctx)->signal_pending = true;
}

/* The bell, and the alarm block drawn inverted for FLASH_MS (see console_draw). */
static void ring(struct console *c)
{
	c->signal_pending = false;
	/* beep() falls back to the visible bell on a terminal without one; if both are
	 * missing the inverted block still shows. */
	(void)beep();
	c->flash_until = clock_mono_ms() + FLASH_MS;
	c->need_redraw = true;
}

/* ---------------------------------------------------------------- the terminal */

/* Bracketed paste on or off: the terminal then marks pasted text (ESC [200~ ... ESC [201~),
 * so a pasted TAB or newline cannot act as a key. Written straight to the terminal, also
 * between endwin() and the next refresh. */
static void paste_mode(struct console *c, bool on)
{
	if (c->paste_on == on)
		return;
	const char *seq = on ? "\033[?2004h" : "\033[?2004l";
	/* A terminal that has gone away cannot paste either: nothing else to do on failure. */
	if (write(STDOUT_FILENO, seq, strlen(seq)) == (ssize_t)strlen(seq))
		c->paste_on = on;
	else
		c->paste_on = false;
}

/* The loop's own stop after SIGTSTP: leave curses mode and paste mode, stop, and come back
 * to a redrawn screen. */
static void suspend(struct console *c)
{
	console_tstp = 0;
	paste_mode(c, false);
	(void)endwin();
	struct sigaction dfl, mine;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	if (sigemptyset(&dfl.sa_mask) == 0 && sigaction(SIGTSTP, &dfl, &mine) == 0) {
		(void)raise(SIGTSTP); /* stops here until SIGCONT */
		(void)sigaction(SIGTSTP, &mine, NULL);
	}
	console_cont = 1;
}

/* After a stop of any kind: the terminal may have been used by the shell meanwhile. */
static void resume(struct console *c)
{
	console_cont = 0;
	c->paste_on = false; /* whoever had the terminal may have switched it off */
	paste_mode(c, true);
	(void)clearok(curscr, TRUE);
	c->need_layout = true;
	c->need_redraw = true;
}

/* ---------------------------------------------------------------- data */

/* Read again what changed: only the panels that show one of the changed domains, so a
 * raised alarm does not make every board read (and audit) its data again. */
static void reload_changed(struct console *c)
{
	unsigned changed = c->need_reload;
	c->need_reload = 0;
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (!(s->ops->changes & changed))
			continue;
		/* A panel that cannot read keeps its last data and says so on the status line. */
		(void)s->ops->reload(s->self, &c->ctx);
	}
	c->need_redraw = true;
}

static void apply(struct console *c, int result)
{
	if (result & PANEL_RELOAD)
		c->need_reload = CHANGE_ALL;
	if (result & PANEL_RELAYOUT)
		c->need_layout = true;
	if (result & (PANEL_REDRAW | PANEL_RELOAD | PANEL_RELAYOUT))
		c->need_redraw = true;
}

/* ---------------------------------------------------------------- quitting */

static bool any_dirty(const struct console *c)
{
	for (int i = 0; i < c->ndialogs; i++)
		if (dialog_dirty(c->dialog[i]))
			return true;
	return false;
}

static void quit_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	(void)arg;
	con_of(ctx)->asking_quit = false;
	if (ok)
		con_of(ctx)->quit = true;
}

/* Quitting always asks: this console stops showing and signalling alarms. The question
 * says what is at stake (open alarms, unsaved forms); its default answer is No. */
static void request_quit(struct console *c)
{
	if (c->asking_quit)
		return;
	char q[768];
	size_t open = panel_alarms_open(c->slot[SLOT_ALARMS].self);
	int n = snprintf(q, sizeof q, "%s", _("Quit balie?"));
	if (open && n > 0 && (size_t)n < sizeof q)
		n += snprintf(q + n, sizeof q - (size_t)n,
			      ngettext(" %zu alarm is still open: this console will no longer show "
				       "or signal it.",
				       " %zu alarms are still open: this console will no longer show "
				       "or signal them.", open), open);
	if (any_dirty(c) && n > 0 && (size_t)n < sizeof q)
		(void)snprintf(q + n, sizeof q - (size_t)n, " %s",
			       _("A form has unsaved changes: they are lost."));
	struct dialog *d = dialog_confirm_new(_("Quit"), q, quit_done, NULL);
	if (!d) {
		ctx_message(&c->ctx, "%s", _("Out of memory"));
		return;
	}
	c->asking_quit = true;
	ctx_open_dialog(&c->ctx, d);
}

/* ---------------------------------------------------------------- keys */

static void remove_dialog(struct console *c, struct dialog *d)
{
	for (int i = 0; i < c->ndialogs; i++) {
		if (c->dialog[i] != d)
			continue;
		memmove(&c->dialog[i], &c->dialog[i + 1],
			(size_t)(c->ndialogs - i - 1) * sizeof *c->dialog);
		c->ndialogs--;
		dialog_free(d);
		break;
	}
	/* The panels beneath are drawn afresh on every turn (werase), so what the dialog
	 * covered comes back with the next doupdate. */
	c->need_redraw = true;
}

static void set_focus(struct console *c, int i)
{
	int f = (i + SLOT_COUNT) % SLOT_COUNT;
	if (f != c->focus)
		c->need_layout = true; /* the focused panel gets more room */
	c->focus = f;
	c->need_redraw = true;
}

enum keys_place console_place(const struct console *c)
{
	static const enum keys_place places[SLOT_COUNT] = {
		[SLOT_ALARMS] = KEYS_ALARMS, [SLOT_BANS] = KEYS_BANS, [SLOT_APPTS] = KEYS_APPTS,
		[SLOT_STAFF] = KEYS_STAFF, [SLOT_VISITS] = KEYS_VISITS,
		[SLOT_INCIDENTS] = KEYS_INCIDENTS,
	};
	return c->ndialogs ? KEYS_FORM : places[c->focus];
}

static void switch_role(struct console *c)
{
	if (!c->ctx.demo) {
		ctx_message(&c->ctx, "%s", _("F9 switches the role only in the demo (balie --demo)"));
		return;
	}
	int r = (int)c->ctx.role + 1;
	if (r >= ROLE_COUNT)
		r = ROLE_RECEPTIONIST;
	/* The service decides what the session may do: it acts as the role from now on. */
	if (client_act_as(c->ctx.client, (enum role)r) != STORE_OK) {
		ctx_message(&c->ctx, "%s", client_error(c->ctx.client));
		return;
	}
	c->ctx.role = client_role(c->ctx.client);
	ctx_message(&c->ctx, _("Demo: now working as %s"), roles_label(c->ctx.role));
	/* What a panel shows may depend on the role (reasons, expired bans). */
	c->need_reload = CHANGE_ALL;
}

static void handle_mouse(struct console *c)
{
	MEVENT me;
	if (getmouse(&me) != OK || !(me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (!s->win || me.y < s->y || me.y >= s->y + s->h || me.x < s->x ||
		    me.x >= s->x + s->w)
			continue;
		set_focus(c, i);
		apply(c, s->ops->click(s->self, &c->ctx, me.y - s->y, me.x - s->x));
		return;
	}
}

/* Give an event to a panel. */
static int deliver(struct console *c, enum slot_id id, const struct key_event *ev)
{
	struct slot *s = &c->slot[id];
	return s->ops->handle(s->self, &c->ctx, ev);
}

/* ---------------------------------------------------------------- paste */

/* A character of pasted text: TAB and newlines become a space, other control and bidi
 * characters are dropped; what does not fit is counted as cut. */
static void paste_add(struct console *c, wint_t ch, bool is_keycode)
{
	c->paste_ms = clock_mono_ms();
	if (is_keycode)
		return; /* a pasted escape sequence that looked like a key */
	if (ch == '\t' || ch == '\n' || ch == '\r')
		ch = ' ';
	if (!keys_is_text(ch, false) || (ch >= 0x202A && ch <= 0x202E) ||
	    (ch >= 0x2066 && ch <= 0x2069) || ch == 0x200E || ch == 0x200F || ch == 0x061C)
		return;
	if (c->paste_len >= PASTE_MAX) {
		c->paste_cut = true;
		return;
	}
	c->paste[c->paste_len++] = (wchar_t)ch;
}

/* The paste is complete: into the field it was pasted in, or nowhere. */
static void paste_done(struct console *c)
{
	c->pasting = false;
	bool taken = false;
	if (c->paste_len == 0) {
		taken = true;
	} else if (c->ndialogs) {
		taken = dialog_paste(c->dialog[c->ndialogs - 1], &c->ctx, c->paste, c->paste_len);
		c->need_redraw = true;
	} else if (!c->help && !c->too_small) {
		struct slot *f = &c->slot[c->focus];
		if (f->ops->paste) {
			apply(c, f->ops->paste(f->self, &c->ctx, c->paste, c->paste_len));
			taken = true;
		}
	}
	if (!taken)
		ctx_message(&c->ctx, "%s", _("Pasted text ignored: it goes into a text field only "
					     "(the visitor search or a form)"));
	else if (c->paste_cut)
		ctx_message(&c->ctx, "%s", _("The pasted text was too long: only its start was "
					     "taken"));
	c->paste_len = 0;
	c->paste_cut = false;
}

/* ---------------------------------------------------------------- one key */

static void handle_help_key(struct console *c, enum action a)
{
	if (a == ACT_UP || a == ACT_DOWN || a == ACT_PAGE_UP || a == ACT_PAGE_DOWN) {
		int step = a == ACT_UP ? -1 : a == ACT_DOWN ? 1 : a == ACT_PAGE_UP ? -10 : 10;
		c->help_top = c->help_top + step < 0 ? 0 : c->help_top + step;
	} else {
		console_help_close(c);
	}
	c->need_redraw = true;
}

static void handle_key(struct console *c, wint_t ch, bool is_keycode)
{
	/* Any key ends a shown message: the operator has seen it. */
	if (*c->message && clock_mono_ms() - c->message_ms > 500) {
		c->message[0] = '\0';
		c->need_redraw = true;
	}
	if (is_keycode && ch == KEY_RESIZE) {
		c->need_layout = true;
		c->need_redraw = true;
		(void)clearok(curscr, TRUE);
		return;
	}
	if (is_keycode && ch == KEYS_PASTE_START) {
		c->pasting = true;
		c->paste_len = 0;
		c->paste_cut = false;
		c->paste_ms = clock_mono_ms();
		return;
	}
	if (is_keycode && ch == KEYS_PASTE_END) {
		if (c->pasting)
			paste_done(c);
		return;
	}
	if (c->pasting) {
		paste_add(c, ch, is_keycode);
		return;
	}
	struct key_event ev = {keys_action(ch, is_keycode, console_place(c)), ch, is_keycode};
	/* These work everywhere and at any size, over any dialog. */
	switch (ev.action) {
	case ACT_QUIT:
		request_quit(c);
		return;
	case ACT_RAISE_ALARM:
		apply(c, deliver(c, SLOT_ALARMS, &ev));
		return;
	case ACT_REDRAW:
		(void)clearok(curscr, TRUE);
		c->need_redraw = true;
		return;
	default:
		break;
	}
	/* Too small to show a form: nothing is typed into one unseen; only the quit question
	 * (drawn at any size) is answered. */
	if (c->too_small && !(c->ndialogs && c->asking_quit))
		return;
	if (c->ndialogs) {
		struct dialog *d = c->dialog[c->ndialogs - 1];
		if (dialog_handle(d, &c->ctx, &ev) == DIALOG_CLOSED)
			remove_dialog(c, d);
		c->need_redraw = true;
		return;
	}
	if (c->help) {
		handle_help_key(c, ev.action);
		return;
	}
	if (is_keycode && ch == KEY_MOUSE) {
		handle_mouse(c);
		return;
	}
	switch (ev.action) {
	case ACT_HELP:
		console_help_open(c);
		return;
	case ACT_GOTO_ALARMS:
		set_focus(c, SLOT_ALARMS);
		return;
	case ACT_NEXT_PANEL:
		set_focus(c, c->focus + 1);
		return;
	case ACT_PREV_PANEL:
		set_focus(c, c->focus - 1);
		return;
	case ACT_NOTICE_SEEN:
		/* the ban notices on the strip can be marked seen from any panel */
		apply(c, deliver(c, SLOT_BANS, &ev));
		return;
	case ACT_SWITCH_ROLE:
		switch_role(c);
		return;
	case ACT_CANCEL:
		/* Esc brings every operator back to the search; there it clears it */
		if (c->focus != SLOT_BANS) {
			set_focus(c, SLOT_BANS);
			return;
		}
		break;
	case ACT_NONE:
		if (keys_is_text(ch, is_keycode)) {
			/* Typing is always for the visitor search, wherever the focus was. */
			set_focus(c, SLOT_BANS);
			apply(c, deliver(c, SLOT_BANS, &ev));
			return;
		}
		if (is_keycode || ch < 0x20) {
			ctx_message(&c->ctx, "%s", _("That key does nothing here; F1 shows the keys"));
			return;
		}
		return;
	default:
		break;
	}
	int r = deliver(c, (enum slot_id)c->focus, &ev);
	apply(c, r);
}

static void read_keys(struct console *c)
{
	for (;;) {
		wint_t ch;
		int r = wget_wch(stdscr, &ch);
		if (r == ERR)
			break;
		handle_key(c, ch, r == KEY_CODE_YES);
		if (c->quit)
			break;
	}
}

/* ---------------------------------------------------------------- set-up and loop */

static int install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	if (sigemptyset(&sa.sa_mask) != 0)
		return -1;
	/* No SA_RESTART: poll() must return so the loop sees the flag at once. Our own
	 * SIGTSTP handler also keeps curses from installing its own, which would stop with
	 * bracketed paste still on. */
	sa.sa_handler = on_stop_signal;
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGHUP, &sa, NULL) != 0)
		return -1;
	sa.sa_handler = on_tstp;
	if (sigaction(SIGTSTP, &sa, NULL) != 0)
		return -1;
	sa.sa_handler = on_cont;
	if (sigaction(SIGCONT, &sa, NULL) != 0)
		return -1;
	return 0;
}

static void restore_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	if (sigemptyset(&sa.sa_mask) != 0)
		return;
	/* failing leaves our handlers, which only set flags nobody reads any more */
	(void)sigaction(SIGTSTP, &sa, NULL);
	(void)sigaction(SIGCONT, &sa, NULL);
}

/* Whether the terminal can place the cursor and clear the screen: without that a full-screen
 * console would draw alarms where nobody sees them. */
static bool terminal_capable(void)
{
	const char *cup = tigetstr("cup"), *clear = tigetstr("clear");
	return cup && cup != (char *)-1 && *cup && clear && clear != (char *)-1 && *clear;
}

/* The escape sequences common terminals (xterm, tmux, screen, rxvt, the Linux console) send
 * for the keys the console uses, for a terminal description that lacks them (TERM=vt100 in
 * an xterm, tmux's Home): known, they are keys; unknown, they would arrive as an Esc (back
 * to the search) followed by text. A sequence the description already has is left alone. */
static void define_common_keys(void)
{
	static const struct { const char *seq; int key; } keys[] = {
		{"\033[11~", KEY_F(1)}, {"\033[12~", KEY_F(2)}, {"\033[13~", KEY_F(3)},
		{"\033[14~", KEY_F(4)}, {"\033OP", KEY_F(1)}, {"\033OQ", KEY_F(2)},
		{"\033OR", KEY_F(3)}, {"\033OS", KEY_F(4)}, {"\033[[A", KEY_F(1)},
		{"\033[[B", KEY_F(2)}, {"\033[[C", KEY_F(3)}, {"\033[[D", KEY_F(4)},
		{"\033[[E", KEY_F(5)}, {"\033[15~", KEY_F(5)}, {"\033[17~", KEY_F(6)},
		{"\033[18~", KEY_F(7)}, {"\033[19~", KEY_F(8)}, {"\033[20~", KEY_F(9)},
		{"\033[21~", KEY_F(10)}, {"\033[23~", KEY_F(11)}, {"\033[24~", KEY_F(12)},
		{"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME},
		{"\033OH", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[8~", KEY_END},
		{"\033[F", KEY_END}, {"\033OF", KEY_END}, {"\033[5~", KEY_PPAGE},
		{"\033[6~", KEY_NPAGE}, {"\033[2~", KEY_IC}, {"\033[3~", KEY_DC},
		{"\033[A", KEY_UP}, {"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT},
		{"\033[D", KEY_LEFT}, {"\033OA", KEY_UP}, {"\033OB", KEY_DOWN},
		{"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT}, {"\033[Z", KEY_BTAB},
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (key_defined(keys[i].seq) == 0)
			(void)define_key(keys[i].seq, keys[i].key); /* fails only on out-of-memory */
}

static int start_curses(struct console *c, char *err, size_t errsz)
{
	const char *term = getenv("TERM");
	c->screen = newterm(NULL, stdout, stdin);
	if (!c->screen || !terminal_capable()) {
		snprintf(err, errsz, _("the terminal (TERM=%s) cannot show the full-screen console: "
				       "it cannot place the cursor. Use a terminal such as xterm, or "
				       "see the open alarms with 'balie alarm list'"),
			 term ? term : "");
		return -1;
	}
	/* raw(): Ctrl-C and Ctrl-Z arrive as keys, and Ctrl-S cannot freeze the alarm screen. */
	if (raw() == ERR || noecho() == ERR || keypad(stdscr, TRUE) == ERR ||
	    nodelay(stdscr, TRUE) == ERR) {
		snprintf(err, errsz, "%s", _("cannot set the terminal mode"));
		return -1;
	}
	/* Optional niceties: a terminal without them works all the same. */
	(void)nonl();
	(void)curs_set(0);
	(void)set_escdelay(100); /* an F-key split over two reads is still one key */
	(void)mouseinterval(0);
	(void)mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	(void)define_key("\033[200~", KEYS_PASTE_START);
	(void)define_key("\033[201~", KEYS_PASTE_END);
	define_common_keys();
	(void)theme_init();
	paste_mode(c, true);
	return 0;
}

static void cleanup(struct console *c)
{
	while (c->ndialogs > 0)
		dialog_free(c->dialog[--c->ndialogs]);
	for (int i = 0; i < SLOT_COUNT; i++) {
		struct slot *s = &c->slot[i];
		if (s->win)
			(void)delwin(s->win);
		if (s->self) {
			s->ops->destroy(s->self);
			free(s->self);
		}
	}
	console_help_close(c);
	if (c->strip)
		(void)delwin(c->strip);
	notices_free(c->notices);
	if (c->status)
		(void)delwin(c->status);
	if (c->screen) {
		/* endwin restores the terminal; failure leaves nothing else to try. */
		(void)endwin();
		delscreen(c->screen);
	}
	paste_mode(c, false);
	restore_signals();
}

/* Milliseconds until the earliest of the deadlines (never negative). */
static int until(long long now, long long a, long long b)
{
	long long t = a < b ? a : b;
	return t <= now ? 0 : (int)(t - now);
}

int console_run(const struct console_opts *o)
{
	struct console con, *c = &con;
	char err[512] = "";
	memset(c, 0, sizeof *c);
	c->ctx = (struct panel_ctx){
		.config = o->config, .client = o->client, .user = o->user,
		.role = client_role(o->client),
		.demo = o->demo, .now = clock_now(), .console = c, .message = ctx_message,
		.open_dialog = ctx_open_dialog, .signal = ctx_signal, .wake_at = ctx_wake_at,
	};
	static const struct panel_ops *const ops[SLOT_COUNT] = {
		&panel_alarms_ops, &panel_bans_ops, &panel_appts_ops, &panel_staff_ops,
		&panel_visits_ops, &panel_incidents_ops,
	};
	for (int i = 0; i < SLOT_COUNT; i++)
		c->slot[i].ops = ops[i];
	console_stop = console_tstp = console_cont = 0;
	c->notices = notices_new();
	if (!c->notices) {
		snprintf(err, sizeof err, "notices: %s", strerror(ENOMEM));
		goto fail;
	}
	if (install_signals() != 0) {
		snprintf(err, sizeof err, "%s", strerror(errno));
		goto fail;
	}
	if (start_curses(c, err, sizeof err) != 0)
		goto fail;
	for (int i = 0; i < SLOT_COUNT; i++) {
		void *self = calloc(1, ops[i]->state_size);
		if (!self || (ops[i]->init && ops[i]->init(self, &c->ctx) != 0)) {
			free(self);
			snprintf(err, sizeof err, "%s: %s", ops[i]->name, strerror(ENOMEM));
			goto fail;
		}
		c->slot[i].self = self;
	}
	/* Porters answer alarms; everybody else starts with the cursor in the visitor search. */
	c->focus = c->ctx.role == ROLE_PORTER ? SLOT_ALARMS : SLOT_BANS;
	(void)client_changes(o->client);
	c->need_reload = CHANGE_ALL;
	reload_changed(c);
	/* the day the panels were read for: a start just before midnight reloads at it too */
	dates_local_date(c->ctx.now, c->day);
	c->need_layout = true;
	if (c->signal_pending)
		ring(c);
	console_draw(c);

	int watch = client_watch_fd(o->client);
	int poll_every = watch >= 0 ? SAFETY_POLL_MS : NO_WATCH_POLL_MS;
	long long now = clock_mono_ms();
	long long next_tick = now + 1000, next_check = now + poll_every, burst_until = 0;
	while (!c->quit && !console_stop) {
		/* A new descriptor after the service restarted and the client reconnected. */
		watch = client_watch_fd(o->client);
		now = clock_mono_ms();
		int timeout = until(now, next_tick, next_check);
		if (now < burst_until && timeout > BURST_STEP_MS)
			timeout = BURST_STEP_MS;
		if (c->flash_until > now && timeout > c->flash_until - now)
			timeout = (int)(c->flash_until - now);
		if (c->wake_at && timeout > c->wake_at - now)
			timeout = c->wake_at > now ? (int)(c->wake_at - now) : 0;
		struct pollfd fds[2] = {
			{.fd = STDIN_FILENO, .events = POLLIN},
			{.fd = watch, .events = POLLIN},
		};
		int r = poll(fds, watch >= 0 ? 2 : 1, timeout);
		if (r < 0 && errno != EINTR) {
			snprintf(err, sizeof err, "poll: %s", strerror(errno));
			goto fail;
		}
		if (console_tstp)
			suspend(c);
		if (console_cont)
			resume(c);
		now = clock_mono_ms();
		c->ctx.now = clock_now();
		bool check = now >= next_check || now < burst_until;
		if (r > 0 && watch >= 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
			burst_until = now + BURST_MS;
			check = true;
		}
		if (check) {
			next_check = now + poll_every;
			unsigned changed = client_changes(o->client);
			if (changed) {
				c->need_reload |= changed;
				burst_until = 0;
			}
		}
		if (r > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) &&
		    !(fds[0].revents & POLLIN)) {
			/* The terminal went away (SSH dropped): nobody is left to show things to. */
			break;
		}
		/* Keys also after EINTR: a SIGWINCH turns into KEY_RESIZE in the queue. */
		if (r != 0)
			read_keys(c);
		if (c->pasting && now - c->paste_ms > PASTE_IDLE_MS)
			paste_done(c); /* the terminal never sent the end of the paste */
		if (c->wake_at && now >= c->wake_at) {
			c->wake_at = 0;
			for (int i = 0; i < SLOT_COUNT; i++) {
				struct slot *s = &c->slot[i];
				if (s->ops->due)
					apply(c, s->ops->due(s->self, &c->ctx));
			}
		}
		/* Own writes (an acknowledgement) show at once, not at the next check. */
		c->need_reload |= client_changes(o->client);
		if (now >= next_tick) {
			next_tick = now + 1000 - (now % 1000) + 1;
			if (*c->message && now - c->message_ms > MESSAGE_MS) {
				c->message[0] = '\0';
				c->need_redraw = true;
			}
			for (int i = 0; i < SLOT_COUNT; i++) {
				struct slot *s = &c->slot[i];
				if (s->ops->tick)
					apply(c, s->ops->tick(s->self, &c->ctx));
			}
			/* The clock on the status line shows minutes. */
			int minute = dates_local_minutes(c->ctx.now);
			if (minute != c->minute) {
				c->minute = minute;
				c->need_redraw = true;
			}
			/* A new day: other bans are in force, other appointments today, a new week
			 * of rosters: the panels leave this to the console. */
			char today[DATES_DATE_LEN];
			dates_local_date(c->ctx.now, today);
			if (strcmp(today, c->day) != 0) {
				if (c->day[0])
					c->need_reload = CHANGE_ALL;
				memcpy(c->day, today, sizeof today);
			}
		}
		if (c->need_reload)
			reload_changed(c);
		if (c->signal_pending)
			ring(c);
		if (c->flash_until && now >= c->flash_until) {
			c->flash_until = 0;
			c->need_redraw = true;
		}
		if (c->need_redraw || c->need_layout)
			console_draw(c);
	}
	cleanup(c);
	return 0;
fail:
	cleanup(c);
	fprintf(stderr, "%s: %s\n", PACKAGE, err);
	return -1;
}
