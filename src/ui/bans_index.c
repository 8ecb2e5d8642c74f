/* bans_index — the visitor check's one way to the bans in force: the service's check (the
 * name keys in the database, no index in this process; audited by the service). */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "client/lib.h"
#include "ui/bans.h"
#include "ui/panel.h"

int bans_find(struct panel_ctx *ctx, const char *names, const char *born,
	      struct bans_hit *hits, struct ban *bans, size_t max, size_t *n)
{
	char today[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	struct ban_hit found[HITS_MAX];
	*n = 0;
	if (max > HITS_MAX)
		max = HITS_MAX;
	if (client_ban_check(ctx->client, names, born, today, found, max, n) != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"), client_error(ctx->client));
		return -1;
	}
	for (size_t i = 0; i < *n; i++) {
		hits[i] = (struct bans_hit){ found[i].ban.id, found[i].score, found[i].verdict,
					     found[i].born_differs };
		bans[i] = found[i].ban; /* the panel owns the strings now */
	}
	return 0;
}
