/* bans_index — the one name index of today's active bans, shared by the visitor check and
 * the appointments: built once, rebuilt only when a ban was written or the day changed. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/names.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/bans.h"
#include "ui/bans.h"
#include "ui/panel.h"

/* The one name index of today's active bans, shared by the ban and appointment panels.
 * Building it reads every active ban (about 0.6 s for 100 000), so it is rebuilt only
 * when a ban was written (seen in the audit trail, which every ban write appends to in
 * its own transaction) or the day changed — never for an alarm or a check-in. */
static struct {
	struct names_index *ix;
	char today[DATES_DATE_LEN];  /* the day it was built for */
	int64_t audit_seen;          /* newest audit line looked at */
	unsigned holders;            /* panels that use it (it is freed with the last) */
	unsigned generation;         /* bumped on every rebuild */
} shared;

#define AUDIT_LOOK 64 /* audit lines read per check; more new ones than this: rebuild */

static int index_one(const struct ban *b, void *arg)
{
	struct names_index *ix = arg;
	struct names_record r = {
		.id = b->id, .given_names = b->given_names, .prefix = b->prefix,
		.surname = b->surname, .partner_prefix = b->partner_prefix,
		.partner_surname = b->partner_surname, .born = b->born,
	};
	return names_index_add(ix, &r) == 0 ? 0 : -1;
}

/* Whether a ban was written since the last look; true when that cannot be told. */
static bool bans_written(struct panel_ctx *ctx, int64_t *newest)
{
	struct audit_entry *e = NULL;
	size_t n = 0;
	*newest = shared.audit_seen;
	if (store_audit_list(ctx->store, AUDIT_LOOK, &e, &n) != STORE_OK)
		return true;
	bool written = false;
	size_t fresh = 0;
	for (size_t i = 0; i < n; i++) {
		if (e[i].id <= shared.audit_seen)
			continue;
		fresh++;
		/* notices and exceptions change no ban's name or dates: no rebuild for them */
		if (strncmp(e[i].action, "ban.", 4) == 0 &&
		    strncmp(e[i].action, "ban.notice.", 11) != 0 &&
		    strcmp(e[i].action, "ban.open") != 0 &&
		    strcmp(e[i].action, "ban.exception") != 0)
			written = true;
	}
	if (n > 0)
		*newest = e[0].id;
	if (fresh == AUDIT_LOOK)
		written = true; /* older new lines were not seen */
	free(e);
	return written;
}

const struct names_index *panel_bans_index(struct panel_ctx *ctx)
{
	char today[DATES_DATE_LEN];
	dates_local_date(ctx->now, today);
	int64_t newest = 0;
	bool stale = !shared.ix || strcmp(today, shared.today) != 0;
	/* look at the audit trail even when stale, so that the lines seen move on */
	if (bans_written(ctx, &newest))
		stale = true;
	if (!stale) {
		shared.audit_seen = newest;
		return shared.ix;
	}
	struct names_index *ix = names_index_new();
	if (!ix) {
		ctx->message(ctx, "%s", _("Out of memory while reading the ban list"));
		return shared.ix;
	}
	enum store_status r = store_ban_each(ctx->store, BAN_FILTER_ACTIVE, today, index_one, ix);
	if (r != STORE_OK) {
		ctx->message(ctx, _("The ban list could not be read: %s"),
			     r == STORE_ERROR ? store_error(ctx->store) : _("out of memory"));
		names_index_free(ix);
		return shared.ix; /* the old one (or NULL) until the next try */
	}
	names_index_free(shared.ix);
	shared.ix = ix;
	memcpy(shared.today, today, sizeof today);
	shared.audit_seen = newest;
	shared.generation++;
	return shared.ix;
}

void panel_bans_index_hold(void)
{
	shared.holders++;
}

void panel_bans_index_drop(void)
{
	if (shared.holders > 0)
		shared.holders--;
	if (shared.holders == 0) {
		names_index_free(shared.ix);
		memset(&shared, 0, sizeof shared);
	}
}


unsigned bans_index_generation(void)
{
	return shared.generation;
}

size_t bans_find(struct panel_ctx *ctx, const char *names, const char *born,
		 struct names_hit *hits, size_t max)
{
	const struct names_index *ix = panel_bans_index(ctx);
	return ix ? names_index_search(ix, names, born, hits, max) : 0;
}
