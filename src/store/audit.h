/* audit — the append-only record of who did what when (actor, terminal, action, object,
 * result). Store functions write it inside the same transaction as the change. */
#ifndef BALIE_STORE_AUDIT_H
#define BALIE_STORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "store/db.h"

struct audit_entry {
	int64_t id;
	time_t at;
	char actor[128];
	char terminal[64];
	char action[64];
	char object[128];
	char result[64];
	char detail[256];
};

/* Record an action outside a write (e.g. a visitor check, a denial); its own transaction. */
enum store_status store_audit(struct store *st, const char *action, const char *object,
			      const char *result, const char *detail);

/* The latest entries, newest first (limit 0 = all). Free *out with free(). */
enum store_status store_audit_list(struct store *st, size_t limit, struct audit_entry **out,
				   size_t *n);

#endif
