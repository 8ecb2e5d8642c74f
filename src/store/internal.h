/* internal — what the store's table families share: the struct store itself, prepared
 * statements, transactions and error reporting. Only src/store/ includes this. */
#ifndef BALIE_STORE_INTERNAL_H
#define BALIE_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/lib.h"
#include "store/db.h"

struct stmt_cache_entry {
	const char *sql;                 /* the static SQL text, compared by address */
	sqlite3_stmt *stmt;
	struct stmt_cache_entry *next;
};

/* The state of one connection's busy handler (see busy_wait in db.c). */
struct store_busy {
	long long since_us;              /* when the current wait began (monotonic) */
	unsigned seed;                   /* for the jitter between tries */
	long timeout_ms;                 /* give up after this long (store_set_busy_timeout) */
};

/* Why writes are refused on a store opened for writing. */
enum store_readonly {
	STORE_RW = 0,
	STORE_RO_ASKED,                  /* opened with STORE_READONLY */
	STORE_RO_FILE,                   /* the file may not be written by this user */
	STORE_RO_FS                      /* the file system is mounted read-only */
};

struct store {
	sqlite3 *db;                     /* the working connection */
	sqlite3 *watch;                  /* read-only connection for PRAGMA data_version (lazy) */
	char *path;
	enum store_readonly readonly;
	bool damaged;                    /* damage found (here or by another process): no writes */
	bool in_damage;                  /* building the damage message (no recursion) */
	char damage[256];                /* what was found */
	char journal_uid[24];            /* the last alarm store_alarm_raise journaled, or "" */
	struct {
		long long ino, size, mtime_ns;
	} journal_seen;                  /* the alarm journal as store_changed last saw it */
	struct store_busy busy[2];       /* db, watch */
	char actor[128];
	char terminal[64];
	char err[512];
	int inotify_fd;                  /* -1 when unavailable or not set up */
	bool watch_tried;                /* store_watch_fd set the watch up (or failed to) */
	bool fk_off;                     /* foreign keys off for a bulk write (bans_import.c) */
	long long data_version;          /* last seen on the watch connection */
	struct stmt_cache_entry *cache;
};

/* A prepared statement for static SQL text, reset and unbound, kept for reuse; NULL with
 * st->err set on failure. Reset it (store_done) as soon as you are done, so no read
 * transaction stays open. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);

/* Reset and clear a statement from store_stmt (safe with NULL). */
void store_done(sqlite3_stmt *s);

/* Record the SQLite error of the working connection as "what: reason" and map it to a
 * status (busy -> STORE_BUSY, constraint -> STORE_INVALID, else STORE_ERROR). Damage
 * (SQLITE_CORRUPT, SQLITE_NOTADB) marks the store damaged; a full disk, a read-only file
 * or file system get a message naming the file and what to do. */
enum store_status store_fail(struct store *st, const char *what);

/* Why a guarded write (an UPDATE ... WHERE id = ? AND <state>) changed no row, once the row
 * was looked up (found, the status of that): STORE_CONFLICT with the message fmt when it
 * is there, else found as it is (STORE_NOT_FOUND with the lookup's message, or a failure). */
enum store_status store_conflict_if_found(struct store *st, enum store_status found,
					  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* STORE_OK when text is given and not empty, else STORE_INVALID "field: must not be
 * empty". */
enum store_status store_required(struct store *st, const char *field, const char *text);

/* Set st->err from a format and return status s. */
enum store_status store_failf(struct store *st, enum store_status s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Run SQL that returns no rows (DDL, PRAGMA, several statements); a failure is recorded as
 * "what: reason". */
enum store_status store_exec(struct store *st, const char *sql, const char *what);

/* Foreign keys off for one bulk write whose rows refer only to rows it makes itself (an
 * import, which then begins with store_begin_unchecked), and on again: outside a
 * transaction only. While they cannot be put back on, store_begin refuses every write. */
void store_foreign_keys_off(struct store *st);
void store_foreign_keys_on(struct store *st);
enum store_status store_begin_unchecked(struct store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK on the working connection. */
enum store_status store_begin(struct store *st);
/* Begin a write at the instant now and run sql, an UPDATE that stamps the row id with when
 * and by whom (?1 now, ?2 the actor, ?3 id). STORE_OK with the transaction open; on a
 * failure ("what: reason") nothing is left open. */
enum store_status store_begin_stamp(struct store *st, char now[DATES_UTC_LEN], const char *sql,
				    const char *what, int64_t id);

/* BEGIN a read transaction, so that the reads until store_read_end see one moment;
 * "what: reason" on failure. */
enum store_status store_read_begin(struct store *st, const char *what);
/* End it (a read-only COMMIT: nothing is lost when it fails). */
void store_read_end(struct store *st);

/* The current instant as stored text into now (the time of the write), then store_begin. */
enum store_status store_begin_now(struct store *st, char now[DATES_UTC_LEN]);
/* store_begin_now once the caller's checks of its input passed: checked, their status, is
 * returned as it is when it is not STORE_OK (and nothing is begun). */
enum store_status store_begin_checked(struct store *st, enum store_status checked,
				      char now[DATES_UTC_LEN]);
enum store_status store_commit(struct store *st);
void store_rollback(struct store *st);

/* Run a statement that returns no rows to completion (then reset it). */
enum store_status store_step_done(struct store *st, sqlite3_stmt *s, const char *what);

/* Bind text (NULL binds ""), an int64, or a UTC instant; 0 on success. */
int store_bind_text(sqlite3_stmt *s, int idx, const char *text);
/* The same without a copy, for the hot loops of a bulk write: text must stay as it is until
 * the statement is done (store_step_done, store_done). */
int store_bind_ref(sqlite3_stmt *s, int idx, const char *text);
int store_bind_int(sqlite3_stmt *s, int idx, int64_t v);
int store_bind_time(sqlite3_stmt *s, int idx, time_t t);

/* A value for one placeholder, made with STORE_TEXT (NULL binds ""), STORE_REF (text bound
 * without a copy, as store_bind_ref), STORE_INT, STORE_TIME (a UTC instant, as
 * store_bind_time) or STORE_NULL;
 * a list of them binds ?1, ?2, ... in order (STORE_ARGS). */
struct store_arg {
	enum { STORE_ARG_TEXT, STORE_ARG_REF, STORE_ARG_INT, STORE_ARG_TIME, STORE_ARG_NULL } kind;
	const char *text;
	int64_t num;
};
#define STORE_TEXT(t) ((struct store_arg){ .kind = STORE_ARG_TEXT, .text = (t) })
#define STORE_REF(t) ((struct store_arg){ .kind = STORE_ARG_REF, .text = (t) })
#define STORE_INT(v) ((struct store_arg){ .kind = STORE_ARG_INT, .num = (v) })
#define STORE_TIME(t) ((struct store_arg){ .kind = STORE_ARG_TIME, .num = (t) })
#define STORE_NULL ((struct store_arg){ .kind = STORE_ARG_NULL })
#define STORE_ARGS(...)                                                                    \
	(const struct store_arg[]){ __VA_ARGS__ },                                         \
		sizeof((const struct store_arg[]){ __VA_ARGS__ }) / sizeof(struct store_arg)

/* The statement for sql with args bound, in *out; on failure *out is NULL and the failure
 * is recorded as "what: reason". Reset it (store_done, store_step_done, store_collect). */
enum store_status store_prepare_args(struct store *st, sqlite3_stmt **out, const char *sql,
				     const char *what, const struct store_arg *args, size_t n);
#define store_prepare(st, out, sql, what, ...)                                             \
	store_prepare_args(st, out, sql, what, STORE_ARGS(__VA_ARGS__))

/* Run sql with args bound to completion (a write, or a read whose rows do not matter). */
enum store_status store_run_args(struct store *st, const char *sql, const char *what,
				 const struct store_arg *args, size_t n);
#define store_run(st, sql, what, ...) store_run_args(st, sql, what, STORE_ARGS(__VA_ARGS__))

/* Run sql with args bound and read its first row with from_row into out (from_row may be
 * NULL to ask only whether there is one). STORE_NOT_FOUND (no message set: the caller names
 * the thing) when there is no row. */
enum store_status store_row_args(struct store *st, const char *sql, const char *what,
				 void (*from_row)(sqlite3_stmt *s, void *item), void *out,
				 const struct store_arg *args, size_t n);
#define store_row(st, sql, what, from_row, out, ...)                                       \
	store_row_args(st, sql, what, from_row, out, STORE_ARGS(__VA_ARGS__))

/* Bind args, step the statement for sql to its end collecting the rows (store_collect). */
enum store_status store_list_args(struct store *st, const char *sql, size_t elem,
				  void (*from_row)(sqlite3_stmt *s, void *item), void **out,
				  size_t *n, const char *what, const struct store_arg *args,
				  size_t nargs);
#define store_list(st, sql, what, from_row, out, n, ...)                                   \
	store_list_args(st, sql, sizeof **(out), from_row, (void **)(out), n, what,        \
			STORE_ARGS(__VA_ARGS__))

/* A malloc'd copy of a text column ("" for NULL); NULL on out-of-memory. */
char *store_col_dup(sqlite3_stmt *s, int col);

/* Copy a text column into a fixed buffer (truncating on a character boundary). */
void store_col_copy(sqlite3_stmt *s, int col, char *out, size_t outsz);

/* The index in names (n of them: the values a column holds, in enum order) of the text
 * column col; fallback when it holds none of them. */
int store_col_enum(sqlite3_stmt *s, int col, const char *const *names, size_t n, int fallback);

/* A UTC text column as time_t (0 for "" or malformed). */
time_t store_col_time(sqlite3_stmt *s, int col);

/* The current instant as stored text. */
void store_now_text(char out[DATES_UTC_LEN]);

/* Step a bound statement to its end, copying each row into a growing array of elements
 * of size elem with from_row; then reset it. On failure frees the array and returns the
 * error ("what: reason") with an empty result (NULL, 0). */
enum store_status store_collect(struct store *st, sqlite3_stmt *s, size_t elem,
				void (*from_row)(sqlite3_stmt *s, void *item), void **out,
				size_t *n, const char *what);
/* The same for items that own memory: on failure each read item is first given to clear. */
enum store_status store_collect_owned(struct store *st, sqlite3_stmt *s, size_t elem,
				      void (*from_row)(sqlite3_stmt *s, void *item),
				      void (*clear)(void *item), void **out, size_t *n,
				      const char *what);

/* End a write transaction: with r STORE_OK append the audit line and commit, otherwise
 * (or when the audit line fails) roll back. Returns the first failure, else STORE_OK. */
enum store_status store_finish(struct store *st, enum store_status r, const char *action,
			       const char *object, const char *result, const char *detail);

/* store_finish for the object "kind:id" (as the audit names a row) with the result "ok". */
enum store_status store_finish_id(struct store *st, enum store_status r, const char *action,
				  const char *kind, int64_t id, const char *detail);

/* from_rows for store_row: the first column as an int64_t, as a size_t (a count), or
 * copied as text into a struct store_text_out. */
struct store_text_out {
	char *buf;
	size_t size;
};
void store_first_int(sqlite3_stmt *s, void *item);
void store_first_count(sqlite3_stmt *s, void *item);
void store_first_text(sqlite3_stmt *s, void *item);

/* End a write transaction: commit when r is STORE_OK, else roll back. Returns r, or the
 * failure of the commit. */
enum store_status store_end(struct store *st, enum store_status r);

/* Bind id as ?1 of the statement for sql and read its one row with from_row (NULL: only
 * whether there is one) into out. STORE_NOT_FOUND with the message formatted from missing
 * and what follows it when there is no row. */
enum store_status store_get(struct store *st, const char *sql, int64_t id,
			    void (*from_row)(sqlite3_stmt *s, void *item), void *out,
			    const char *what, const char *missing, ...)
	__attribute__((format(printf, 7, 8)));

/* Append an audit line inside the caller's transaction. */
enum store_status store_audit_write(struct store *st, const char *action, const char *object,
				    const char *result, const char *detail);

/* The chain hash of one audit line: SHA-256 over prev_hash, id and the fields at, actor,
 * terminal, action, object, result, detail (each length-prefixed), as hex. */
void store_audit_line_hash(const char *prev_hash, int64_t id, const char *const fields[7],
			   char out[SHA256_HEX_LEN]);

/* A value of the meta table: STORE_NOT_FOUND when the key is absent (out is then ""). */
enum store_status store_meta_get(struct store *st, const char *key, char *out, size_t outsz);

/* Set a meta value inside the caller's transaction; keep_existing leaves a present key. */
enum store_status store_meta_put(struct store *st, const char *key, const char *value,
				 bool keep_existing);

/* The same-person rule of repeat offences (issues 5 and 13), for a stored person whose
 * given names, tussenvoegsel, surname and date of birth are the SQL expressions G, P, S and B,
 * against the person bound as ?1 (given), ?2 (prefix), ?3 (surname), ?4 (born): tussenvoegsel
 * and surname alike but for ASCII case, the dates of birth equal when both are known, the
 * first initials equal when both are known. incidents_pseudonymise hashes the same way. */
#define STORE_SAME_PERSON(G, P, S, B)                                                      \
	" " S " = ?3 COLLATE NOCASE AND " P " = ?2 COLLATE NOCASE"                         \
	" AND (" B " = '' OR ?4 = '' OR " B " = ?4)"                                       \
	" AND (" G " = '' OR ?1 = '' OR substr(" G ", 1, 1) = substr(?1, 1, 1) COLLATE NOCASE)"

/* The key of the pseudonyms (meta pseudonym.key, 32 random bytes): STORE_NOT_FOUND when none
 * was made yet and create is false; with create, a new one is made inside the caller's
 * transaction. */
enum store_status store_pseudonym_key(struct store *st, bool create, unsigned char key[32]);

/* The integer the one-row query sql (a PRAGMA) yields on connection db, into *out; 0, or
 * -1 when it fails. */
int store_pragma_int(sqlite3 *db, const char *sql, long long *out);

/* A schema version this program cannot work with (latest is the newest it knows), as a
 * message in out; NULL when it can. */
const char *store_schema_problem(long long version, int latest, char *out, size_t outsz);

/* Whether what the program derives from the data (name keys, change triggers) matches this
 * program. */
bool store_derived_current(struct store *st);

/* Bring the schema up to date (migrations, one transaction); after a restore. */
enum store_status store_migrate(struct store *st);

/* Open the file at st->path anew (after a rename put another file there): new connections
 * configured as store_open does; the old ones are closed only when the new ones work
 * (else they stay and STORE_ERROR is returned). */
enum store_status store_reopen(struct store *st);

/* Finalise every cached statement (after the schema was replaced underneath them). */
void store_stmt_cache_clear(struct store *st);

/* The message for an environment failure of SQLite code rc with errno sys on the file path
 * (disk full, read-only, I/O error, not a database ...), written to out; NULL when rc is
 * none of those. */
const char *store_env_message(const char *path, int rc, int sys, char *out, size_t outsz);

/* Mark the store damaged because of why: writes are refused from now on, and a marker file
 * next to the database tells every other process (store/health.c). */
void store_mark_damaged(struct store *st, const char *why);


/* At open: the cheap checks (marker file, header, free list, schema, the alarm and meta
 * tables); marks the store damaged on a finding. */
void store_health_open(struct store *st);

/* At a writable open: merge a pending journal, and make sure the journal file exists with
 * disk space reserved beyond its end, so alarms still fit when the disk is full. */
void store_journal_prepare(struct store *st);

#endif
