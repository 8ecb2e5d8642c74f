/* bans_index — the visitor check's one way to the bans in force (store_ban_check: the name
 * keys in the database, no index in this process) and the bans' change counter. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/changes.h"
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
	if (store_ban_check(ctx->store, names, born, today, found, max, n) != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"), store_error(ctx->store));
		return -1;
	}
	for (size_t i = 0; i < *n; i++) {
		hits[i] = (struct bans_hit){ found[i].ban.id, found[i].score, found[i].verdict,
					     found[i].born_differs };
		bans[i] = found[i].ban; /* the panel owns the strings now */
	}
	return 0;
}

bool bans_counter(struct panel_ctx *ctx, uint64_t *out)
{
	uint64_t c[STORE_CHANGE_COUNT];
	if (store_change_counters(ctx->store, c, STORE_CHANGE_COUNT) != STORE_OK)
		return false;
	*out = c[STORE_CHANGE_BANS];
	return true;
}
