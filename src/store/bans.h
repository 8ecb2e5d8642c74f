/* bans — persons and their bans and warnings (kind, reason, scope, period, lifting). */
#ifndef BALIE_STORE_BANS_H
#define BALIE_STORE_BANS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "core/policy.h"
#include "store/db.h"

/* A ban with its person. All strings are owned by the struct (free with store_ban_clear),
 * never NULL ("" when empty). Dates "YYYY-MM-DD"; instants stored UTC text. */
struct ban {
	int64_t id;
	int64_t person_id;
	char *given_names, *prefix, *surname;
	char *partner_prefix, *partner_surname;
	char *born;              /* "" when unknown */
	enum ban_kind kind;
	enum ban_reason reason;
	char *scope;             /* comma-separated building ids; "" = all buildings */
	char *starts, *ends;
	char *imposed_by;
	char *letter_sent;       /* date the letter was sent, "" when not yet */
	bool police_informed;
	char *notes;             /* reason details: only for roles that may see them */
	char *lifted_at, *lifted_by, *lifted_reason; /* "" when not lifted */
	char *created_at, *created_by;
	int version;             /* bumped on every change: optimistic concurrency */
};

/* Input for a new ban (and its person). Strings are read, not kept. */
struct ban_new {
	const char *given_names, *prefix, *surname;
	const char *partner_prefix, *partner_surname;
	const char *born;        /* "" or NULL when unknown */
	enum ban_kind kind;
	enum ban_reason reason;
	const char *scope;       /* "" or NULL = all */
	const char *starts, *ends;
	const char *imposed_by;
	const char *letter_sent;
	bool police_informed;
	const char *notes;
};

enum ban_filter {
	BAN_FILTER_ACTIVE,  /* not lifted, starts <= today <= ends */
	BAN_FILTER_CURRENT, /* not lifted, ends >= today (active and future) */
	BAN_FILTER_ALL
};

struct ban_list {
	struct ban *items;
	size_t count;
};

/* Insert one ban (a new person each time; persons are matched by name later). */
enum store_status store_ban_insert(struct store *st, const struct ban_new *b, int64_t *id_out);

/* Insert many bans in one transaction: all or nothing. */
enum store_status store_ban_import(struct store *st, const struct ban_new *rows, size_t n);

/* Read one ban; STORE_NOT_FOUND when there is none. */
enum store_status store_ban_get(struct store *st, int64_t id, struct ban *out);

/* List bans by filter ordered by end date (soonest first), then surname; today is the local
 * date "YYYY-MM-DD"; offset/limit page through (limit 0 = all). */
enum store_status store_ban_list(struct store *st, enum ban_filter f, const char *today,
				 size_t offset, size_t limit, struct ban_list *out);

/* Count bans by filter. */
enum store_status store_ban_count(struct store *st, enum ban_filter f, const char *today,
				  size_t *out);

/* Change the fields of ban b->id (person and ban) when its version is still b->version;
 * STORE_CONFLICT (nothing written) when someone else changed it meanwhile. */
enum store_status store_ban_update(struct store *st, const struct ban *b);

/* Lift a ban early: who and why are recorded. expected_version < 0 skips the check.
 * STORE_CONFLICT when already lifted or changed meanwhile. */
enum store_status store_ban_lift(struct store *st, int64_t id, const char *reason,
				 int expected_version);

/* Free the strings of one ban / a whole list (safe on zeroed structs). */
void store_ban_clear(struct ban *b);
void store_ban_list_free(struct ban_list *l);

/* Call fn for every ban matching filter (for building the name index); stops on non-zero.
 * The struct passed to fn is borrowed: its strings point into SQLite's row buffers and are
 * valid only during that call (copy what you keep, never store_ban_clear it); fn must not
 * write through st. Rows come in no particular order. */
enum store_status store_ban_each(struct store *st, enum ban_filter f, const char *today,
				 int (*fn)(const struct ban *b, void *arg), void *arg);

#endif
