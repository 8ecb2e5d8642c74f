/* panel — what the console lends every panel besides struct panel_ctx: refusing an action
 * the role may not take (told and recorded), opening a dialog, a failed save in a form. */
#include "autoconfig.h"

#include <stdio.h>

#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/dialog.h"
#include "ui/panel.h"

void panel_denied(struct panel_ctx *ctx, const char *action)
{
	/* Denials are part of the trail the policy asks for; failing to write one is told,
	 * not hidden. */
	if (client_audit(ctx->client, "denied", action, "denied", roles_name(ctx->role)) !=
	    STORE_OK)
		ctx->message(ctx, _("The refusal could not be recorded: %s"),
			     client_error(ctx->client));
}

bool panel_show_dialog(struct panel_ctx *ctx, struct dialog *d)
{
	if (!d) {
		ctx->message(ctx, "%s", _("Out of memory: the form could not be opened"));
		return false;
	}
	ctx->open_dialog(ctx, d);
	return true;
}

int panel_form_failed(struct panel_ctx *ctx, enum store_status r, char *err, size_t errsz)
{
	if (r == STORE_BUSY)
		(void)snprintf(err, errsz, "%s", _("The database is busy; try again"));
	else
		(void)snprintf(err, errsz, "%s", client_error(ctx->client));
	return -1;
}

bool panel_may(struct panel_ctx *ctx, enum permission perm, const char *action)
{
	if (roles_may(ctx->role, perm))
		return true;
	/* One refusal for every permission, in the words the service uses for its own. */
	ctx->message(ctx, _("Your role (%s) may not %s"), roles_label(ctx->role),
		     roles_permission_text(perm));
	panel_denied(ctx, action);
	return false;
}
