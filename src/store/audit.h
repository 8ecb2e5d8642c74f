/* audit — the append-only record of who did what when (actor, terminal, action, object,
 * result). Store functions write it inside the same transaction as the change. */
#ifndef BALIE_STORE_AUDIT_H
#define BALIE_STORE_AUDIT_H

#include <stdbool.h>
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

/* A filter for store_audit_each; NULL or "" fields do not filter. */
struct audit_filter {
	const char *since;   /* UTC instant text: lines at or after it */
	const char *actor;   /* exactly this login name */
	const char *action;  /* this action, or a family: "ban" matches "ban.lift" */
	const char *object;  /* exactly this object ("ban 12") */
	int64_t after_id;    /* only lines with a greater id (0: from the first) */
};

/* One line as handed to a callback: strings borrowed, valid during the call only. */
struct audit_line {
	int64_t id;
	const char *at, *actor, *terminal, *action, *object, *result, *detail;
	const char *prev_hash, *hash;
};

/* Call fn for every line matching f, oldest first; stops early when fn returns non-zero.
 * fn must not write through st. */
enum store_status store_audit_each(struct store *st, const struct audit_filter *f,
				   int (*fn)(const struct audit_line *l, void *arg), void *arg);

/* The result of checking the hash chain. */
struct audit_verify {
	size_t lines;           /* chained lines checked */
	size_t unchained;       /* lines written before the chain existed (schema < 3) */
	int64_t first_bad;      /* id of the first line that does not fit, 0 when intact */
	char why[128];          /* what does not fit (an untranslated msgid: show _(why)) */
	int64_t gap_from, gap_to; /* when lines are missing before first_bad: their ids */
	int64_t head_id;        /* the newest line: note it to detect a cut-off tail later */
	char head_hash[65];
	bool noted_checked;     /* a noted head was compared (and fits, unless first_bad) */
	bool noted_purged;      /* the noted head is older than the retention kept: it could
				 * not be compared */
};

/* Recompute the chain from the anchor the last purge left: every line's hash, its link to
 * the line before, and that the ids follow each other without a gap (ids are given as the
 * last one plus one, so a gap is a removed line, even when the hashes after it were
 * recomputed). STORE_OK also when broken (then v->first_bad is set). */
enum store_status store_audit_verify(struct store *st, struct audit_verify *v);

/* The same, and compare against a head noted earlier (head_id with head_hash, from a
 * previous verify): the noted line must still be there with that hash. This shows lines
 * cut off at the end and any rewrite of the chain up to the noted line. */
enum store_status store_audit_verify_head(struct store *st, int64_t head_id,
					  const char *head_hash, struct audit_verify *v);

#endif
