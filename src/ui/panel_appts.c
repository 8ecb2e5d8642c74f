/* panel_appts — today's appointments: the coming risky ones first with their precautions
 * wrapped, then the other coming ones, past ones dimmed and last; a visitor who is also on
 * the ban list is marked; managers flag and unflag with a checklist. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/panel.h"
#include "ui/theme.h"

struct appts_panel {
	struct appt *items;
	size_t n;
	enum names_verdict *verdict;   /* per item: the visitor against the ban list */
	bool loaded;
	size_t sel, top;
	int64_t sel_id;                /* keeps the selection across reloads */
	int list_y, list_rows;         /* where the list was drawn (clicks) */
	size_t row_item[256];          /* the appointment drawn on each window row (clicks) */
	int nrow_item;
	/* the appointment a checklist is open for */
	bool flagging;
	int64_t flag_id;
	int flag_version;
	time_t flag_starts, flag_ends;
	bool flag_overridden;          /* a manager already allowed it outside public hours */
	char flag_room[APPT_TEXT_MAX]; /* issue 13: safe_room needs a safe room */
	unsigned flag_prec;            /* precautions waiting for the override reason */
};

/* Risky first, then by start time (the past ones go last afterwards, see reload). */
static int appt_order(const void *a, const void *b)
{
	const struct appt *x = a, *y = b;
	if (x->risky != y->risky)
		return x->risky ? -1 : 1;
	if (x->starts != y->starts)
		return x->starts < y->starts ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void appts_destroy(void *self)
{
	struct appts_panel *p = self;
	free(p->items);
	free(p->verdict);
}

static int appts_reload(void *self, struct panel_ctx *ctx)
{
	struct appts_panel *p = self;
	char today[DATES_DATE_LEN], tomorrow[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	time_t from, to;
	if (dates_add_days(today, 1, tomorrow) != 0 || dates_local_instant(today, 0, &from) != 0 ||
	    dates_local_instant(tomorrow, 0, &to) != 0) {
		ctx->message(ctx, _("Appointments: the local day %s cannot be worked out"), today);
		return -1;
	}
	/* The service checks each visitor against the bans in force with the visitor
	 * check's own matcher, and refuses the whole list when a check fails (never
	 * "clear" for a visitor it could not check). */
	struct appt *items = NULL;
	struct appts_ban_mark *marks = NULL;
	size_t n = 0;
	if (client_appt_list_checked(ctx->client, from, to, false, &items, &marks, &n) !=
	    STORE_OK) {
		ctx->message(ctx, _("Appointments could not be read: %s"), client_error(ctx->client));
		return -1;
	}
	/* Sort the appointments with their verdicts: risky first, then by start time, and
	 * the ones that are over last, in the same order (a stable partition). */
	struct row {
		struct appt a; /* first: appt_order compares rows as appointments */
		enum names_verdict v;
	} *rows = calloc(n ? n : 1, sizeof *rows), *sorted = calloc(n ? n : 1, sizeof *rows);
	enum names_verdict *verdict = calloc(n ? n : 1, sizeof *verdict);
	if (!rows || !sorted || !verdict) {
		free(items);
		free(marks);
		free(rows);
		free(sorted);
		free(verdict);
		ctx->message(ctx, "%s", _("Out of memory while reading appointments"));
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct row){.a = items[i], .v = marks[i].verdict};
	free(marks);
	if (n > 1)
		qsort(rows, n, sizeof *rows, appt_order);
	size_t k = 0;
	for (int past = 0; past < 2; past++)
		for (size_t i = 0; i < n; i++)
			if ((rows[i].a.ends <= ctx->now) == (past == 1))
				sorted[k++] = rows[i];
	for (size_t i = 0; i < n; i++) {
		items[i] = sorted[i].a;
		verdict[i] = sorted[i].v;
	}
	free(rows);
	free(sorted);
	struct appt *old = p->items;
	enum names_verdict *old_verdict = p->verdict;
	p->items = items;
	p->verdict = verdict;
	p->n = n;
	p->loaded = true;
	free(old);
	free(old_verdict);
	p->sel = 0;
	for (size_t i = 0; i < n; i++)
		if (items[i].id == p->sel_id)
			p->sel = i;
	return 0;
}

/* The precautions in words: "safe room, porter on standby", or "none chosen". */
static void precautions_text(unsigned bits, char *out, size_t outsz)
{
	policy_precautions_join(bits, policy_precaution_label, ", ", out, outsz);
	if (!*out)
		(void)snprintf(out, outsz, "%s", _("no precautions chosen"));
}

static bool is_past(const struct appt *a, time_t now)
{
	return a->ends <= now;
}

/* The line under a coming risky appointment: its room and precautions, wrapped. */
static void precaution_line(const struct appt *a, char *out, size_t outsz)
{
	char prec[256];
	precautions_text(a->precautions, prec, sizeof prec);
	(void)snprintf(out, outsz, "%s: %s", a->room[0] ? a->room : _("no room"), prec);
}

/* Lines appointment i takes at width cols: a coming risky one shows its precautions. */
static int item_lines(const struct appts_panel *p, time_t now, size_t i, int cols)
{
	const struct appt *a = &p->items[i];
	if (!a->risky || is_past(a, now))
		return 1;
	char line[APPT_TEXT_MAX + 320];
	precaution_line(a, line, sizeof line);
	return 1 + draw_wrap_lines(line, cols - 6, 6);
}

/* The first appointment whole (the next risky one, with its precautions), or a title line
 * when there are none; every appointment at best. */
static void appts_size(void *self, struct panel_ctx *ctx, int cols, int *min, int *want)
{
	struct appts_panel *p = self;
	if (!p->loaded || p->n == 0) {
		*min = 1;
		*want = 3;
		return;
	}
	int inner = cols - 2, all = 0;
	for (size_t i = 0; i < p->n; i++)
		all += item_lines(p, ctx->now, i, inner);
	*min = 2 + item_lines(p, ctx->now, 0, inner);
	*want = 2 + all;
}

static int draw_item(struct appts_panel *p, struct panel_ctx *ctx, WINDOW *win, int y, int last,
		     int cols, size_t i, bool selected)
{
	const struct appt *a = &p->items[i];
	bool past = is_past(a, ctx->now);
	attr_t base = selected ? theme_attr(THEME_SELECTED)
		      : past || !a->risky ? theme_attr(THEME_DIM) : theme_attr(THEME_NORMAL);
	int lines = item_lines(p, ctx->now, i, cols);
	if (y + lines - 1 > last)
		lines = last - y + 1;
	for (int l = 0; selected && l < lines; l++)
		draw_fill(win, y + l, 1, cols, base);
	char hm[6];
	dates_local_hm(a->starts, hm);
	int x = 1 + draw_text(win, y, 1, cols, hm, base | (past ? 0 : A_BOLD));
	x++;
	if (past)
		x += draw_text(win, y, x, cols - x + 1, _("(over)"), base) + 1;
	if (a->risky)
		x += draw_text(win, y, x, cols - x + 1, _("RISK"),
			       past ? base : theme_attr(THEME_APPT_RISK)) + 1;
	if (p->verdict[i] != NAMES_CLEAR) {
		bool match = p->verdict[i] == NAMES_MATCH;
		char tag[64];
		(void)snprintf(tag, sizeof tag, " %s ", match ? _("BANNED") : _("possibly banned"));
		x += draw_text(win, y, x, cols - x + 1, tag,
			       theme_attr(match ? THEME_BAN_MATCH : THEME_BAN_POSSIBLE)) + 1;
	}
	char line[3 * APPT_TEXT_MAX + 320];
	(void)snprintf(line, sizeof line, _("%s with %s, %s"), a->visitor, a->host, a->room);
	(void)draw_text(win, y, x, cols - x + 1, line, base);
	if (lines > 1) {
		precaution_line(a, line, sizeof line);
		(void)draw_wrap(win, y + 1, 7, cols - 6, lines - 1, line, base);
	}
	return lines;
}

static void appts_draw(void *self, struct panel_ctx *ctx, WINDOW *win, bool focused)
{
	struct appts_panel *p = self;
	int lines = getmaxy(win), cols = getmaxx(win) - 2;
	(void)werase(win);
	draw_frame(win, _("Today's risky appointments"), focused, theme_attr(THEME_NORMAL));
	p->nrow_item = 0;
	size_t risky = 0;
	for (size_t i = 0; i < p->n; i++)
		risky += p->items[i].risky && !is_past(&p->items[i], ctx->now);
	char note[96];
	if (p->loaded && p->n == 0)
		(void)snprintf(note, sizeof note, "%s", _("none today"));
	else
		(void)snprintf(note, sizeof note, _("%zu risky of %zu"), risky, p->n);
	if (lines < 3 || cols < 10) {
		draw_frame_note(win, note, theme_attr(risky ? THEME_APPT_RISK : THEME_DIM));
		return;
	}
	int y = 1, last = lines - 2;
	if (!p->loaded) {
		(void)draw_text(win, y, 1, cols, _("reading..."), theme_attr(THEME_DIM));
		return;
	}
	if (p->n == 0) {
		(void)draw_text(win, y, 1, cols, _("No appointments today"), theme_attr(THEME_DIM));
		return;
	}
	if (p->sel >= p->n)
		p->sel = p->n - 1;
	if (p->sel < p->top)
		p->top = p->sel;
	/* keep the selected one in sight: move the top down while it does not fit */
	for (;;) {
		int need = 0;
		for (size_t i = p->top; i <= p->sel; i++)
			need += item_lines(p, ctx->now, i, cols);
		if (need <= last - y + 1 || p->top >= p->sel)
			break;
		p->top++;
	}
	p->list_y = y;
	size_t i = p->top;
	for (; i < p->n && y <= last; i++) {
		int used = draw_item(p, ctx, win, y, last, cols, i, focused && i == p->sel);
		for (int l = 0; l < used && p->nrow_item < (int)(sizeof p->row_item /
								  sizeof *p->row_item); l++)
			p->row_item[p->nrow_item++] = i;
		y += used;
	}
	p->list_rows = p->nrow_item;
	if (i < p->n)
		(void)snprintf(note, sizeof note, _("%zu risky, %zu more"), risky, p->n - i);
	draw_frame_note(win, note, theme_attr(THEME_DIM));
}

/* The checklist's items: whether it is risky, then the four precautions. */
#define FLAG_ITEMS (1 + PRECAUTION_COUNT)

/* Tell the operator how a flag or override write ended. */
static void flag_result(struct panel_ctx *ctx, enum store_status r, bool risky)
{
	switch (r) {
	case STORE_OK:
		/* without "risky" the precautions are dropped: they belong to a risky meeting */
		ctx->message(ctx, "%s", risky ? _("Appointment flagged as risky")
					      : _("Appointment no longer flagged as risky"));
		break;
	case STORE_CONFLICT:
		ctx->message(ctx, "%s", _("Changed by someone else meanwhile: nothing saved; check "
					  "the new values and flag again"));
		break;
	case STORE_NOT_FOUND:
		ctx->message(ctx, "%s", _("The appointment was removed meanwhile"));
		break;
	case STORE_BUSY:
		ctx->message(ctx, "%s", _("The database is busy; try again"));
		break;
	default:
		ctx->message(ctx, _("The appointment could not be flagged: %s"),
			     client_error(ctx->client));
		break;
	}
	/* the change (or the conflict's news) reaches every panel through the change watch */
}

/* The override form: risky meetings are never planned outside public hours, unless a
 * manager allows it with a reason (kept with the appointment). */
static int override_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			   size_t errsz)
{
	(void)err; /* the form checked the reason; a failed write is told by flag_result */
	(void)errsz;
	struct appts_panel *p = arg;
	const char *reason = dialog_form_value(d, 0);
	enum store_status r = client_appt_flag_override(ctx->client, p->flag_id, p->flag_prec,
						       reason, p->flag_version);
	flag_result(ctx, r, true);
	return 0;
}

static void override_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	struct appts_panel *p = arg;
	p->flagging = false;
	if (!ok)
		ctx->message(ctx, "%s", _("Not flagged: a risky appointment outside public opening "
					  "hours needs a reason"));
}

static void flag_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct appts_panel *p = arg;
	p->flagging = false;
	if (!ok)
		return;
	unsigned bits = dialog_checklist_bits(d);
	bool risky = bits & 1u;
	unsigned prec = risky ? (bits >> 1) & PREC_ALL : 0;
	switch (policy_safe_room_check(prec, p->flag_room,
				       config_safe_room(ctx->config, p->flag_room))) {
	case POLICY_ROOM_OK:
		break;
	case POLICY_ROOM_MISSING:
		ctx->message(ctx, "%s", _("Not flagged: the precaution safe room needs the "
					  "appointment's room"));
		return;
	case POLICY_ROOM_NOT_SAFE:
		ctx->message(ctx, _("Not flagged: %s is not a safe interview room (safe_rooms in "
				    "balie.conf)"), p->flag_room);
		return;
	}
	const struct config_building *b = config_building_here(ctx->config);
	if (risky && !p->flag_overridden &&
	    !(b && policy_within_public(&b->hours, &b->exceptions, p->flag_starts, p->flag_ends))) {
		struct dialog_field f = {
			.label = _("Reason"), .value = "", .width = 50, .max_bytes = 255,
		};
		struct dialog *o = dialog_form_new(
			_("Outside public opening hours: allow this risky appointment?"), &f, 1,
			override_submit, override_done, p);
		dialog_form_require(o, 0);
		if (panel_show_dialog(ctx, o)) {
			p->flag_prec = prec;
			p->flagging = true;
		}
		return;
	}
	flag_result(ctx, client_appt_flag(ctx->client, p->flag_id, risky, prec, p->flag_version),
		    risky);
}

static int open_flag(struct appts_panel *p, struct panel_ctx *ctx)
{
	if (!panel_may(ctx, PERM_FLAG_APPT, "appt.flag"))
		return PANEL_HANDLED | PANEL_REDRAW;
	if (p->n == 0 || p->sel >= p->n) {
		ctx->message(ctx, "%s", _("No appointment selected"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	if (p->flagging)
		return PANEL_HANDLED;
	const struct appt *a = &p->items[p->sel];
	const char *items[FLAG_ITEMS];
	items[0] = _("risky appointment");
	for (int i = 0; i < PRECAUTION_COUNT; i++)
		items[1 + i] = policy_precaution_label(i);
	/* m on an appointment that is not flagged yet means "flag it": risky starts ticked */
	unsigned bits = 1u | ((a->precautions & PREC_ALL) << 1);
	char hm[6], title[3 * APPT_TEXT_MAX];
	dates_local_hm(a->starts, hm);
	(void)snprintf(title, sizeof title, _("%s %s with %s"), hm, a->visitor, a->host);
	struct dialog *d = dialog_checklist_new(title, items, FLAG_ITEMS, bits, flag_done, p);
	if (!panel_show_dialog(ctx, d))
		return PANEL_HANDLED | PANEL_REDRAW;
	p->flagging = true;
	p->flag_id = a->id;
	p->flag_version = a->version;
	p->flag_starts = a->starts;
	p->flag_ends = a->ends;
	p->flag_overridden = a->override_reason[0] != '\0';
	(void)snprintf(p->flag_room, sizeof p->flag_room, "%s", a->room);
	return PANEL_HANDLED | PANEL_REDRAW;
}

/* Enter or F3: the selected appointment in full on the status line (read only). */
static int show_details(struct appts_panel *p, struct panel_ctx *ctx)
{
	if (p->n == 0 || p->sel >= p->n)
		return PANEL_HANDLED;
	const struct appt *a = &p->items[p->sel];
	char from[6], to[6], prec[256];
	dates_local_hm(a->starts, from);
	dates_local_hm(a->ends, to);
	if (a->risky)
		precautions_text(a->precautions, prec, sizeof prec);
	else
		(void)snprintf(prec, sizeof prec, "%s", _("not flagged as risky"));
	ctx->message(ctx, _("%s-%s %s with %s, %s: %s"), from, to, a->visitor, a->host,
		     a->room[0] ? a->room : _("no room"), prec);
	return PANEL_HANDLED | PANEL_REDRAW;
}

static void select_item(struct appts_panel *p, size_t i)
{
	if (p->n == 0)
		return;
	p->sel = i < p->n ? i : p->n - 1;
	p->sel_id = p->items[p->sel].id;
}

static int appts_handle(void *self, struct panel_ctx *ctx, const struct key_event *ev)
{
	struct appts_panel *p = self;
	size_t page = p->list_rows > 1 ? (size_t)p->list_rows : 1;
	size_t to;
	if (draw_list_move(ev->action, p->sel, p->n, page, &to)) {
		select_item(p, to);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	switch (ev->action) {
	case ACT_FLAG:
		return open_flag(p, ctx);
	case ACT_SELECT:
	case ACT_DETAILS:
		return show_details(p, ctx);
	default:
		return PANEL_IGNORED;
	}
}

static int appts_click(void *self, struct panel_ctx *ctx, int y, int x)
{
	(void)ctx;
	(void)x;
	struct appts_panel *p = self;
	int row = y - p->list_y;
	if (row < 0 || row >= p->nrow_item)
		return PANEL_HANDLED;
	select_item(p, p->row_item[row]);
	return PANEL_HANDLED | PANEL_REDRAW;
}

const struct panel_ops panel_appts_ops =
	PANEL_OPS(appts, .changes = CHANGE_APPTS | CHANGE_BANS);
