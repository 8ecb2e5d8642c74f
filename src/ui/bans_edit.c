/* bans_edit — the actions on a ban that exists: extend it (or correct a draft), lift it
 * with a reason, activate a complete draft; one form at a time, refused by role. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/bans.h"
#include "ui/dialog.h"
#include "ui/panel.h"

/* The fields of the extend form. */
enum { EX_ENDS, EX_REASON, EX_JUSTIFY, EX_COUNT };

static int extend_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
			 size_t errsz)
{
	struct bans_panel *p = arg;
	char today[DATES_DATE_LEN];
	bans_today(ctx, today);
	bans_form_date(d, EX_ENDS, DATES_NEAR, today);
	const char *ends = dialog_form_value(d, EX_ENDS);
	const char *why = dialog_form_value(d, EX_REASON);
	const char *just = dialog_form_value(d, EX_JUSTIFY);
	const char *ends_label = _("New end date");
	if (!bans_is_date(ends))
		return dialog_form_refuse(d, EX_ENDS, err, errsz, _("%s: \"%s\" is not a date (such "
								   "as 3-2-2027 or 2027-02-03)"),
					  ends_label, ends);
	if (strcmp(ends, p->edit_ban.ends) <= 0)
		return dialog_form_refuse(d, EX_ENDS, err, errsz,
					  _("%s: must be later than the current end %s"), ends_label,
					  p->edit_ban.ends);
	enum sanction_offence o = p->edit_ban.repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST;
	if (bans_table_check(p, d, p->edit_ban.reason, o, p->edit_ban.kind, p->edit_ban.starts, ends,
			just, EX_JUSTIFY, _("Justification"), err, errsz) != 0)
		return -1;
	enum store_status r = client_ban_extend(ctx->client, p->edit_ban.id, ends, why,
					       just[0] ? just : NULL, p->edit_ban.version);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		(void)bans_refresh_edit_ban(p, ctx, err, errsz);
		return -1;
	}
	if (r == STORE_INVALID) {
		(void)snprintf(err, errsz, "%s", client_error(ctx->client));
		return -1;
	}
	if (r != STORE_OK)
		return bans_save_failure(ctx, r, err, errsz);
	char name[512];
	bans_display_name(&p->edit_ban, name, sizeof name);
	ctx->message(ctx, _("Ban for %s extended until %s"), name, ends);
	return 0;
}

static int lift_submit(struct dialog *d, struct panel_ctx *ctx, void *arg, char *err,
		       size_t errsz)
{
	struct bans_panel *p = arg;
	const char *reason = dialog_form_value(d, 0);
	enum store_status r = client_ban_lift(ctx->client, p->edit_ban.id, reason,
					     p->edit_ban.version);
	if (r == STORE_CONFLICT || r == STORE_NOT_FOUND) {
		/* the ban as it is now, told in the words of lifting it */
		const struct ban *fresh = &p->edit_ban;
		if (!bans_refresh_edit_ban(p, ctx, err, errsz))
			return -1;
		if (fresh->lifted_at[0])
			(void)snprintf(err, errsz, _("Already lifted by %s meanwhile (%s)"),
				       fresh->lifted_by, fresh->lifted_reason);
		else
			(void)snprintf(err, errsz, _("Changed by someone else meanwhile (now until %s): "
						     "check and press Enter again to lift it"),
				       fresh->ends);
		return -1;
	}
	if (r != STORE_OK)
		return bans_save_failure(ctx, r, err, errsz);
	char name[512];
	bans_display_name(&p->edit_ban, name, sizeof name);
	ctx->message(ctx, _("Ban for %s lifted"), name);
	return 0;
}

static struct dialog *extend_form(struct bans_panel *p)
{
	const struct ban *b = &p->edit_ban;
	struct dialog_field f[EX_COUNT] = {
		[EX_ENDS] = { _("New end date"), b->ends, 10, 10,
			      _("The new last day (such as 3-2-2027), later than the current one") },
		[EX_REASON] = { _("Why extended"), "", 40, 2000,
				_("Required; kept in the history") },
		[EX_JUSTIFY] = { _("Justification"), "", 40, 2000,
				 _("Required only when the new duration is outside the sanction "
				   "table") },
	};
	char title[512], name[256];
	bans_display_name(b, name, sizeof name);
	(void)snprintf(title, sizeof title, _("Extend the ban for %s (until %s)"), name, b->ends);
	struct dialog *d = dialog_form_new(title, f, EX_COUNT, extend_submit, bans_form_done, p);
	dialog_form_require(d, EX_REASON);
	if (d) {
		char rule[512], note[640];
		bans_describe_rule(p, b->reason, b->repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST,
			      b->kind, b->starts, rule, sizeof rule);
		(void)snprintf(note, sizeof note, _("Sanction table: %s"), rule);
		dialog_form_note(d, note);
	}
	return d;
}


int bans_may_edit(struct panel_ctx *ctx)
{
	return panel_may(ctx, PERM_EDIT_BAN, "ban.edit");
}

/* Open d, or say it could not be made. */
static int open_or_fail(struct bans_panel *p, struct panel_ctx *ctx, struct dialog *d)
{
	if (!panel_show_dialog(ctx, d))
		bans_edit_end(p);
	return PANEL_HANDLED | PANEL_REDRAW;
}

/* The choice after e on an active ban: extend it, or correct its details. */
static void edit_pick_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	struct bans_panel *p = arg;
	if (!ok) {
		bans_edit_end(p);
		return;
	}
	bool extend = dialog_pick_choice(d) == 0;
	p->edit = extend ? EDIT_EXTEND : EDIT_CORRECT;
	(void)open_or_fail(p, ctx, extend ? extend_form(p) : bans_form_new(p, ctx, &p->edit_ban));
}

/* Read the selected ban fresh into p->edit_ban (the version in a form must be the current
 * one); false after a message. */
static bool take_selected(struct bans_panel *p, struct panel_ctx *ctx)
{
	const struct ban *sel = bans_view(p)->selected(p);
	if (!sel) {
		ctx->message(ctx, "%s", _("Select a ban first"));
		return false;
	}
	store_ban_clear(&p->edit_ban);
	memset(&p->edit_ban, 0, sizeof p->edit_ban);
	if (client_ban_get(ctx->client, sel->id, &p->edit_ban) != STORE_OK) {
		ctx->message(ctx, _("The ban could not be read: %s"), client_error(ctx->client));
		store_ban_clear(&p->edit_ban);
		memset(&p->edit_ban, 0, sizeof p->edit_ban);
		return false;
	}
	return true;
}

static void activate_done(struct dialog *d, struct panel_ctx *ctx, bool ok, void *arg)
{
	(void)d;
	struct bans_panel *p = arg;
	if (ok) {
		char name[512];
		bans_display_name(&p->edit_ban, name, sizeof name);
		enum store_status r = client_ban_activate(ctx->client, p->edit_ban.id,
							 p->edit_ban.version);
		if (r == STORE_OK)
			ctx->message(ctx, _("Ban for %s is active (until %s); every console is told"),
				     name, p->edit_ban.ends);
		else if (r == STORE_CONFLICT || r == STORE_NOT_FOUND)
			ctx->message(ctx, _("Ban for %s was changed by someone else meanwhile; "
					    "nothing activated: look again"), name);
		else
			ctx->message(ctx, _("Not activated: %s"), client_error(ctx->client));
	}
	bans_edit_end(p);
}

static int activate_selected(struct bans_panel *p, struct panel_ctx *ctx)
{
	if (!take_selected(p, ctx))
		return PANEL_HANDLED | PANEL_REDRAW;
	const struct ban *b = &p->edit_ban;
	char name[256], where[512], q[1024];
	bans_display_name(b, name, sizeof name);
	if (b->status != BAN_STATUS_DRAFT) {
		ctx->message(ctx, _("The ban for %s is not a draft: it is active already"), name);
		bans_edit_end(p);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	unsigned missing = bans_missing(b);
	if (missing) {
		char what[512];
		bans_missing_words(missing, what, sizeof what);
		ctx->message(ctx, _("The draft for %s cannot be active yet: missing %s (press %s "
				    "to fill in)"), name, what, keys_key_name(ACT_BAN_EXTEND));
		bans_edit_end(p);
		return PANEL_HANDLED | PANEL_REDRAW;
	}
	config_scope_names(ctx->config, b->scope, where, sizeof where);
	(void)snprintf(q, sizeof q, _("Activate the %s for %s from %s until %s (%s)? Every "
				      "console will show a notice."), policy_kind_label(b->kind),
		       name, b->starts, b->ends, where);
	p->edit = EDIT_ACTIVATE;
	return open_or_fail(p, ctx, dialog_confirm_new(_("Activate ban"), q, activate_done, p));
}

int bans_open_form(struct bans_panel *p, struct panel_ctx *ctx, enum action a)
{
	if (!bans_may_edit(ctx))
		return PANEL_HANDLED | PANEL_REDRAW;
	if (p->edit != EDIT_NONE)
		return PANEL_HANDLED; /* one form at a time */
	if (a == ACT_BAN_ADD) {
		p->edit = EDIT_NEW;
		return open_or_fail(p, ctx, bans_form_new(p, ctx, NULL));
	}
	if (a == ACT_BAN_ACTIVATE)
		return activate_selected(p, ctx);
	if (!take_selected(p, ctx))
		return PANEL_HANDLED | PANEL_RELOAD | PANEL_REDRAW;
	if (a == ACT_BAN_EXTEND) {
		if (p->edit_ban.status == BAN_STATUS_DRAFT) {
			/* a draft is still being written: the whole form */
			p->edit = EDIT_CORRECT;
			return open_or_fail(p, ctx, bans_form_new(p, ctx, &p->edit_ban));
		}
		static const char *items[2];
		items[0] = _("Extend: a later end date (kept in the history)");
		items[1] = _("Correct the details of this ban");
		p->edit = EDIT_PICK;
		return open_or_fail(p, ctx, dialog_pick_new(_("Extend or correct"), items, 2,
							    edit_pick_done, p));
	}
	char name[256], title[512];
	bans_display_name(&p->edit_ban, name, sizeof name);
	(void)snprintf(title, sizeof title, _("Lift the ban for %s (until %s)"), name,
		       p->edit_ban.ends);
	struct dialog_field f = { _("Why is it lifted"), "", 40, 1000,
				  _("E.g. after a conversation or a written apology") };
	p->edit = EDIT_LIFT;
	struct dialog *d = dialog_form_new(title, &f, 1, lift_submit, bans_form_done, p);
	dialog_form_require(d, 0);
	return open_or_fail(p, ctx, d);
}

