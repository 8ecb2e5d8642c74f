/* db — the SQLite database: open (WAL, busy_timeout, foreign keys, synchronous=FULL),
 * schema migrations by PRAGMA user_version, transactions and the cross-process change watch.
 * store/ is the only code that includes <sqlite3.h>. */
#ifndef BALIE_STORE_DB_H
#define BALIE_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Results of store_* functions. Messages for STORE_ERROR are in store_error(). */
enum store_status {
	STORE_OK = 0,
	STORE_ERROR,     /* SQLite or system error; see store_error() */
	STORE_NOT_FOUND, /* no such record */
	STORE_CONFLICT,  /* the record changed since it was read (or is in a state that forbids this) */
	STORE_INVALID,   /* input refused by the schema's rules; see store_error() */
	STORE_BUSY,      /* the database stayed locked past busy_timeout */
	/* Only from the service and the client (src/service, src/client), never from the
	 * store itself: the caller's role may not do this; the service could not be reached
	 * or broke the protocol. */
	STORE_DENIED,
	STORE_UNAVAILABLE
};

enum store_open_flags {
	STORE_CREATE = 1 << 0,   /* create the file when missing */
	STORE_READONLY = 1 << 1  /* open read-only, no migrations */
};

struct store;

/* Open (and with STORE_CREATE create, mode 0660) the database at path and bring its schema
 * up to date in one transaction. On failure returns NULL and writes a translated message
 * naming the file and the reason to err. */
struct store *store_open(const char *path, int flags, char *err, size_t errsz);

/* Close; safe with NULL. */
void store_close(struct store *st);

/* How long a statement waits for a lock another connection holds before it fails with
 * STORE_BUSY: ms milliseconds, or the default (10 s) when ms <= 0. A service whose own
 * worker holds the write lock for seconds waits only briefly, so that an alarm goes to the
 * journal at once and other writes are refused instead of queueing. */
void store_set_busy_timeout(struct store *st, long ms);

/* Who is acting (login name) and from where (terminal); recorded in the audit table. */
void store_set_actor(struct store *st, const char *user, const char *terminal);
const char *store_actor(const struct store *st);

/* The message of the last failed call (never NULL). */
const char *store_error(const struct store *st);

/* Schema version of the open database, and the newest this program knows. */
int store_schema_version(struct store *st);
int store_schema_latest(void);

/* The SQL of migration n (1-based) as found in data/schema.sql, or NULL; for tests. */
const char *store_migration_sql(int n);

/* The path this store was opened with. */
const char *store_path(const struct store *st);

/* True when another connection committed since the last call (PRAGMA data_version on a
 * connection of its own; about 2 microseconds), or the alarm journal changed. Own writes
 * are reported too. The first call takes the baseline and returns false. */
bool store_changed(struct store *st);

/* A file descriptor that becomes readable when the database files change (inotify on the
 * directory), or -1 when unavailable; after it fires call store_watch_drain(). */
int store_watch_fd(struct store *st);
void store_watch_drain(struct store *st);

/* Damage was found (at open, by a statement, by a check, or earlier by another process):
 * every write is refused with a message pointing to `balie restore` until a restore or a
 * passing integrity check (store/health.h). Reads still work where the pages are whole. */
bool store_damaged(const struct store *st);

/* Opened read-only, or the file or its file system refuses writes; writes are refused
 * with a message saying which. */
bool store_read_only(const struct store *st);

/* The path of a file balie keeps next to the database: db_path followed by suffix
 * (".alarm-journal", ".damaged"). */
void store_side_path(const char *db_path, const char *suffix, char *out, size_t outsz);
#define STORE_JOURNAL_SUFFIX ".alarm-journal"  /* alarms waiting for the database */
#define STORE_DAMAGED_SUFFIX ".damaged"        /* damage found: writes refused */

/* Who created the database with `balie init` (HR while the configuration maps nobody).
 * store_set_creator records user only when no creator is recorded yet (audited). */
enum store_status store_set_creator(struct store *st, const char *user);
/* STORE_NOT_FOUND when none is recorded. */
enum store_status store_creator(struct store *st, char *out, size_t outsz);

#endif
