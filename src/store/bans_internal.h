/* bans_internal — what the files of the ban family (bans.c, bans_lifecycle.c,
 * bans_exceptions.c, bans_notices.c) share: column spellings, checks and writers. */
#ifndef BALIE_STORE_BANS_INTERNAL_H
#define BALIE_STORE_BANS_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/bans.h"

/* The spellings the schema's CHECK constraints accept, in enum order. */
extern const char *const bans_kind_db[BAN_KIND_COUNT];
extern const char *const bans_reason_db[REASON_COUNT];
extern const char *const bans_notice_db[BAN_NOTICE_EVENT_COUNT];

/* A date field: "YYYY-MM-DD" and a real day; optional ones may be empty. */
enum store_status bans_check_date(struct store *st, const char *field, const char *v,
				  bool optional);

/* Optional free text of at most max bytes. */
enum store_status bans_check_text(struct store *st, const char *field, const char *v,
				  size_t max);

/* A text column, "" for NULL. */
const char *bans_col_str(sqlite3_stmt *s, int col);

/* Column values back to enums (the schema's CHECK allows nothing else). */
enum ban_kind bans_kind_from_db(const char *v);
enum ban_reason bans_reason_from_db(const char *v);

/* Whether every mandatory answer of an active ban is given. */
bool bans_answers_complete(const struct ban_new *b);

/* Append the ban as it is now to its history, inside the caller's transaction. */
enum store_status bans_history_write(struct store *st, int64_t ban_id, const char *action,
				     const char *detail, const char *now);

/* A notice for reception, inside the caller's transaction. */
enum store_status bans_notice_write(struct store *st, int64_t ban_id, enum ban_notice_event e,
				    const char *now);

/* Finish a one-ban write: audit line, then commit, or roll back on any failure. */
enum store_status bans_finish(struct store *st, enum store_status r, const char *action,
			      int64_t id, const char *detail);

/* After an UPDATE that changed nothing: STORE_NOT_FOUND, or STORE_CONFLICT with conflict. */
enum store_status bans_missing_or_conflict(struct store *st, int64_t id, const char *conflict);

/* The stored status of a ban inside the caller's transaction; STORE_NOT_FOUND when none. */
enum store_status bans_status_locked(struct store *st, int64_t id, enum ban_status *out);

/* STORE_INVALID naming the mandatory answers b lacks. */
enum store_status bans_missing_answers(struct store *st, int64_t id, const struct ban_new *b);

#endif
