/* backup — consistent copies of the live database with SQLite's online backup API, and
 * restoring one after checking it, while consoles keep working. */
#ifndef BALIE_STORE_BACKUP_H
#define BALIE_STORE_BACKUP_H

#include <stdbool.h>

#include "store/db.h"

/* Copy the database to a new file dest (mode 0600), a few pages at a time so other
 * terminals keep writing; the file appears only when complete. STORE_CONFLICT when dest
 * exists and !overwrite. Audited as "database.backup". */
enum store_status store_backup(struct store *st, const char *dest, bool overwrite);

/* Check src (PRAGMA integrity_check, a balie schema no newer than this program) and only
 * then copy it over the live database in one step, bring its schema up to date and audit
 * "database.restore". STORE_INVALID (nothing replaced) when the check fails. */
enum store_status store_restore(struct store *st, const char *src);

#endif
