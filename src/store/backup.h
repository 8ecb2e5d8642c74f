/* backup — consistent copies of the live database with SQLite's online backup API, and
 * restoring one after checking it, while consoles keep working. */
#ifndef BALIE_STORE_BACKUP_H
#define BALIE_STORE_BACKUP_H

#include <stdbool.h>

#include "store/db.h"

/* Copy the database to a new file dest (mode 0600), a few pages at a time so other
 * terminals keep writing; the file appears only when complete and quick_check finds the
 * copy whole (else the database is marked damaged). STORE_CONFLICT when dest exists and
 * !overwrite; STORE_INVALID when dest names the live database or one of its
 * -wal/-shm/-journal files (even with overwrite). Refused on a damaged or read-only store.
 * Audited as "database.backup" and remembered as the newest good backup. */
enum store_status store_backup(struct store *st, const char *dest, bool overwrite);

/* The same from one read snapshot, in one step: for a connection that nobody else writes
 * through (balied's worker). In WAL mode the other connections go on writing meanwhile,
 * and their commits do not make the copy start over, as they do between the steps of
 * store_backup. */
enum store_status store_backup_snapshot(struct store *st, const char *dest, bool overwrite);

/* Check src (PRAGMA integrity_check, a balie schema no newer than this program) and only
 * then copy it over the live database in one step (also over a damaged one, which is then
 * whole again), bring its schema up to date and audit "database.restore". STORE_INVALID
 * (nothing replaced) when the check fails. */
enum store_status store_restore(struct store *st, const char *src);

/* Restore for the service that alone has the database open (shared mode): check src like
 * store_restore, prepare an up-to-date copy beside the live file, then give the live file
 * the second name keep_path (a new file on the same file system, e.g. in the backup
 * directory) and rename the copy over the live name, and reopen. Nothing is lost: the
 * replaced database stays whole at keep_path (mode 0600); its last audit line and the
 * restored database's newest one ("database.restore") name each other. STORE_BUSY when
 * another connection has the database open, STORE_INVALID when src fails the check; on
 * any failure the live database is as it was and no temporary file is left. */
enum store_status store_restore_swap(struct store *st, const char *src_path,
				     const char *keep_path);

/* Direct mode, for a database that cannot even be opened (its first page damaged): check
 * src as store_restore does, copy it into a new file next to db_path, remove the old -wal,
 * -shm and damage mark, and rename the copy over db_path. Every console must be closed:
 * one that still holds the old file keeps writing into it. STORE_INVALID (nothing
 * replaced) when the check fails; the message is in err. */
enum store_status store_restore_file(const char *db_path, const char *src, char *err,
				     size_t errsz);

#endif
