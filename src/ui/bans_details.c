/* bans_details — a ban's details and history (what each role may see, every look recorded),
 * and the ban notices every console shows on its strip until the operator has seen them. */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/bans.h"
#include "ui/dialog.h"
#include "ui/notices.h"
#include "ui/panel.h"

/* A growing text for the details view. */
struct text_buf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void buf_addf(struct text_buf *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void buf_addf(struct text_buf *t, const char *fmt, ...)
{
	if (t->oom)
		return;
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? t->cap - t->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0) {
			t->oom = true;
			return;
		}
		if (t->s && (size_t)n < t->cap - t->len) {
			t->len += (size_t)n;
			return;
		}
		if (!grow_array(&t->s, &t->cap, t->len + (size_t)n + 1, 1, 1024)) {
			t->oom = true;
			return;
		}
	}
}

/* Local "YYYY-MM-DD HH:MM" of a stored UTC instant, or the text as stored. */
static void local_time(const char *utc, char *out, size_t outsz)
{
	time_t t;
	char d[DATES_DATE_LEN], hm[6];
	if (dates_parse_utc(utc, &t) != 0) {
		(void)snprintf(out, outsz, "%s", utc);
		return;
	}
	dates_local_date(t, d);
	dates_local_hm(t, hm);
	(void)snprintf(out, outsz, "%s %s", d, hm);
}

static const char *history_action_label(const char *action)
{
	static const struct { const char *name, *label; } labels[] = {
		{ "insert", N_("recorded") }, { "import", N_("imported") },
		{ "update", N_("corrected") }, { "activate", N_("activated") },
		{ "extend", N_("extended") }, { "lift", N_("lifted") },
		{ "exception", N_("exception added") },
	};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(action, labels[i].name) == 0)
			return _(labels[i].label);
	return action;
}

/* The details of ban b as text: the discreet facts for everybody, the reason and what
 * was answered for roles that may see it, the history and exceptions for managers and hr. */
static char *details_text(struct panel_ctx *ctx, const struct ban *b)
{
	struct text_buf t = { 0 };
	char today[DATES_DATE_LEN], name[512], where[512];
	bans_today(ctx, today);
	bans_display_name(b, name, sizeof name);
	config_scope_names(ctx->config, b->scope, where, sizeof where);
	const struct config_building *here = config_building_here(ctx->config);
	enum policy_ban_state state = policy_ban_state(b->status == BAN_STATUS_DRAFT,
						       b->lifted_at[0] != '\0', b->starts, b->ends,
						       today);
	buf_addf(&t, _("%s, born %s\n"), name, b->born[0] ? b->born : _("unknown"));
	buf_addf(&t, _("State: %s\n"), policy_ban_state_label(state));
	buf_addf(&t, _("%s from %s until %s\n"), policy_kind_label(b->kind), b->starts, b->ends);
	buf_addf(&t, _("Buildings: %s\n"), where);
	buf_addf(&t, _("Here (%s): %s\n"), here ? here->name : "",
		 bans_here_label(policy_ban_applies_here(b->kind, b->scope, here ? here->id : "")));
	if (b->until_conversation)
		buf_addf(&t, "%s\n", _("Until an order conversation has taken place"));
	struct ban_exception *ex = NULL;
	size_t nex = 0;
	enum store_status r = client_ban_exception_list(ctx->client, b->id, &ex, &nex);
	if (r != STORE_OK)
		buf_addf(&t, _("Exceptions could not be read: %s\n"), client_error(ctx->client));
	for (size_t i = 0; i < nex; i++) {
		bool now = strcmp(ex[i].starts, today) <= 0 && strcmp(today, ex[i].ends) <= 0;
		buf_addf(&t, _("%s %s..%s: %s (%s)\n"), now ? _("ALLOWED TODAY:") : _("Exception"),
			 ex[i].starts, ex[i].ends, bans_exception_label(ex[i].kind), ex[i].detail);
	}
	free(ex);
	if (b->lifted_at[0]) {
		char at[64];
		local_time(b->lifted_at, at, sizeof at);
		buf_addf(&t, _("Lifted on %s by %s\n"), at, b->lifted_by);
	}
	if (roles_may(ctx->role, PERM_SEE_REASON)) {
		buf_addf(&t, "\n");
		buf_addf(&t, _("Reason: %s%s%s%s\n"), policy_reason_label(b->reason),
			 b->reasons[0] ? " (" : "", b->reasons, b->reasons[0] ? ")" : "");
		buf_addf(&t, _("What happened: %s\n"), b->notes[0] ? b->notes : "-");
		buf_addf(&t, _("Imposed by: %s\n"), b->imposed_by[0] ? b->imposed_by : "-");
		buf_addf(&t, _("Letter sent on: %s\n"), b->letter_sent[0] ? b->letter_sent : "-");
		buf_addf(&t, _("Police informed: %s\n"), bans_yes_no(b->police_informed));
		buf_addf(&t, _("Enforced by: reception and porters informed%s%s\n"),
			 b->enforcement[0] ? "; " : "", b->enforcement);
		buf_addf(&t, _("Sanction table: %s\n"),
			 b->repeat_offence ? _("repeat offence") : _("first offence"));
		if (b->justification[0])
			buf_addf(&t, _("Justification: %s\n"), b->justification);
		if (b->lifted_reason[0])
			buf_addf(&t, _("Why lifted: %s\n"), b->lifted_reason);
		unsigned missing = bans_missing(b);
		if (missing) {
			char what[512];
			bans_missing_words(missing, what, sizeof what);
			buf_addf(&t, _("Missing before it can be active: %s\n"), what);
		}
	}
	if (roles_may(ctx->role, PERM_EDIT_BAN)) {
		struct ban_history *h = NULL;
		size_t nh = 0;
		buf_addf(&t, "\n%s\n", _("History (oldest first):"));
		r = client_ban_history(ctx->client, b->id, &h, &nh);
		if (r != STORE_OK && r != STORE_NOT_FOUND)
			buf_addf(&t, _("The history could not be read: %s\n"), client_error(ctx->client));
		for (size_t i = 0; i < nh; i++) {
			char at[64];
			local_time(h[i].at, at, sizeof at);
			buf_addf(&t, _("%s %s: %s - %s %s..%s%s%s\n"), at, h[i].actor,
				 history_action_label(h[i].action),
				 h[i].status == BAN_STATUS_DRAFT ? _("draft") : _("active"),
				 h[i].starts, h[i].ends, h[i].detail[0] ? "; " : "", h[i].detail);
		}
		store_ban_history_free(h, nh);
	}
	if (t.oom) {
		free(t.s);
		return NULL;
	}
	return t.s;
}

int bans_open_details(struct bans_panel *p, struct panel_ctx *ctx)
{
	const struct ban *sel = bans_view(p)->selected(p);
	if (!sel) {
		ctx->message(ctx, "%s", _("Select a ban first"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	struct ban b = { 0 };
	if (client_ban_get(ctx->client, sel->id, &b) != STORE_OK) {
		ctx->message(ctx, _("The ban could not be read: %s"), client_error(ctx->client));
		store_ban_clear(&b);
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	}
	/* Who looked at the record is in the audit trail: the service wrote the line of
	 * this ban.get before it answered (no line, no details). */
	char *text = details_text(ctx, &b);
	char name[256], title[512];
	bans_display_name(&b, name, sizeof name);
	(void)snprintf(title, sizeof title, _("Ban %lld: %s"), (long long)b.id, name);
	store_ban_clear(&b);
	struct dialog *d = text ? dialog_text_new(title, text, NULL, NULL) : NULL;
	free(text);
	if (!d) {
		ctx->message(ctx, "%s", _("Out of memory: the details could not be shown"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	ctx->open_dialog(ctx, d);
	return PANEL_HANDLED | PANEL_REDRAW;
}


/* ------------------------------------------------------------------ notices */

/* The notice line of one ban notice. */
static void notice_line(const struct ban_notice *n, char *out, size_t outsz)
{
	const char *kind = policy_kind_label(n->kind);
	switch (n->event) {
	case BAN_NOTICE_ACTIVE:
		(void)snprintf(out, outsz, _("Ban now active: %s, %s until %s"), n->name, kind,
			       n->ends);
		break;
	case BAN_NOTICE_EXTENDED:
		(void)snprintf(out, outsz, _("Ban extended: %s, %s now until %s"), n->name, kind,
			       n->ends);
		break;
	case BAN_NOTICE_LIFTED:
		(void)snprintf(out, outsz, _("Ban lifted: %s (%s)"), n->name, kind);
		break;
	case BAN_NOTICE_ENDED:
	default:
		(void)snprintf(out, outsz, _("Ban ended: %s (%s, last day %s)"), n->name, kind,
			       n->ends);
		break;
	}
}

void bans_notices(void *self, struct panel_ctx *ctx, struct notices *out)
{
	(void)ctx;
	struct bans_panel *p = self;
	for (size_t i = 0; i < p->nnotes; i++) {
		char line[600], text[700];
		notice_line(&p->notes[i], line, sizeof line);
		if (i == 0)
			(void)snprintf(text, sizeof text, _("%s [%s: seen]"), line,
				       keys_key_name(ACT_NOTICE_SEEN));
		else
			(void)snprintf(text, sizeof text, "%s", line);
		(void)notices_add(out, NOTICE_BAN, text); /* only counted on out-of-memory */
	}
}

int bans_notices_seen(struct bans_panel *p, struct panel_ctx *ctx)
{
	if (p->nnotes == 0) {
		ctx->message(ctx, "%s", _("No ban notices to mark as seen"));
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	size_t done = 0;
	for (size_t i = 0; i < p->nnotes; i++) {
		enum store_status r = client_ban_notice_seen(ctx->client, p->notes[i].id, ctx->user);
		if (r != STORE_OK && r != STORE_NOT_FOUND) {
			ctx->message(ctx, _("Not marked as seen: %s"), client_error(ctx->client));
			return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
		}
		done++;
	}
	ctx->message(ctx, ngettext("%zu ban notice marked as seen", "%zu ban notices marked as seen",
				   done), done);
	return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
}


/* The ban notices this user has not seen yet; at the start and on a new day, the bans that
 * ended are swept into notices first (every console may: each ban ends once). */
void bans_reload_notices(struct bans_panel *p, struct panel_ctx *ctx, const char *today)
{
	if (strcmp(p->swept, today) != 0) {
		if (client_ban_notice_sweep(ctx->client, today, NULL) == STORE_OK)
			memcpy(p->swept, today, DATES_DATE_LEN);
		/* else: busy or failing now, tried again on the next reload */
	}
	struct ban_notice *list = NULL;
	size_t n = 0;
	time_t since = ctx->now - (time_t)NOTICE_DAYS * 24 * 60 * 60;
	if (client_ban_notice_unseen(ctx->client, ctx->user, since, &list, &n) != STORE_OK) {
		ctx->message(ctx, _("The ban notices could not be read: %s"), client_error(ctx->client));
		return; /* the last ones stay on the strip */
	}
	free(p->notes);
	p->notes = list;
	p->nnotes = n;
}

