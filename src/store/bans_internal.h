/* bans_internal — what the files of the ban family (bans.c, bans_lifecycle.c,
 * bans_exceptions.c, bans_notices.c) share: column spellings, checks and writers. */
#ifndef BALIE_STORE_BANS_INTERNAL_H
#define BALIE_STORE_BANS_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/bans.h"

/* Columns of a ban with its person, in the order of enum bans_col. */
#define BAN_SELECT                                                                         \
	"SELECT b.id, b.person_id, p.given_names, p.prefix, p.surname, p.partner_prefix,"   \
	" p.partner_surname, p.born, b.kind, b.reason,"                                      \
	" (SELECT group_concat(sc.building, ',') FROM ban_scope sc WHERE sc.ban_id = b.id)," \
	" b.starts, b.ends, b.imposed_by, b.letter_sent, b.police_informed, b.notes,"        \
	" b.lifted_at, b.lifted_by, b.lifted_reason, b.created_at, b.created_by, b.version," \
	" b.status, b.until_conversation, b.repeat_offence, b.enforcement, b.justification,"  \
	" b.reasons, p.address, b.event_date, b.incident_id, b.takeover_source,"             \
	" b.takeover_date, b.reviewed_at, b.reviewed_by"                                      \
	" FROM ban b JOIN person p ON p.id = b.person_id"

enum bans_col {
	C_ID, C_PERSON, C_GIVEN, C_PREFIX, C_SURNAME, C_PPREFIX, C_PSURNAME, C_BORN, C_KIND,
	C_REASON, C_SCOPE, C_STARTS, C_ENDS, C_IMPOSED, C_LETTER, C_POLICE, C_NOTES, C_LIFTED_AT,
	C_LIFTED_BY, C_LIFTED_REASON, C_CREATED_AT, C_CREATED_BY, C_VERSION, C_STATUS, C_UNTIL,
	C_REPEAT, C_ENFORCEMENT, C_JUSTIFICATION, C_REASONS, C_ADDRESS, C_EVENT_DATE, C_INCIDENT,
	C_TAKEOVER_SOURCE, C_TAKEOVER_DATE, C_REVIEWED_AT, C_REVIEWED_BY
};

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

/* The rules of the schema, checked first so the message names the field. */
enum store_status bans_validate(struct store *st, const struct ban_new *b);

struct bans_keys;

/* One person (with its name keys: into the batch keys, or written at once when NULL) and
 * one ban (with its first history row, for action; none when action is NULL) inside the
 * caller's transaction. */
enum store_status bans_insert_one(struct store *st, const struct ban_new *b, const char *now,
				  bool active, const char *action, struct bans_keys *keys,
				  int64_t *id_out);

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

/* The first history row of every ban after ban_id, at once (an import). */
enum store_status bans_history_after(struct store *st, int64_t ban_id, const char *action,
				     const char *now);

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

/* Fill b (owned strings) from the current row of a BAN_SELECT statement; -1 when out of
 * memory (b is then cleared). */
int bans_from_row(sqlite3_stmt *s, struct ban *b);

/* ------------------------------------------------------------------ name keys (bans_keys.c) */

struct names_record;

/* A batch of persons' keys to write. */
struct bans_keys;
struct bans_keys *bans_keys_new(void);
void bans_keys_free(struct bans_keys *k);

/* Add the keys of person_id (nothing for a name without a readable surname); 0, or -1 when
 * out of memory. */
int bans_keys_add(struct bans_keys *k, int64_t person_id, const struct names_record *r);

/* Write the batch, sorted by key, inside the caller's transaction; then it is empty. */
enum store_status bans_keys_flush(struct store *st, struct bans_keys *k);

/* Remove the keys of a person, inside the caller's transaction. */
enum store_status bans_keys_forget(struct store *st, int64_t person_id);

/* The keys of one person, inside the caller's transaction; replace removes the old ones. */
enum store_status bans_keys_person(struct store *st, int64_t person_id,
				   const struct names_record *r, bool replace);

/* Enlarge the page cache for a big batch (saving the old size); false when it is big
 * already or cannot be. bans_cache_restore puts the saved size back. */
bool bans_cache_grow(struct store *st, long long *saved);
void bans_cache_restore(struct store *st, long long saved);

/* Make every key anew from the persons (after an upgrade), inside the caller's
 * transaction. */
enum store_status bans_keys_rebuild(struct store *st);

#endif
