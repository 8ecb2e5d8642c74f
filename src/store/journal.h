/* journal — the alarm journal: when the database cannot be written (damaged, read-only,
 * disk full, locked), an alarm is appended to a file next to it and moved in later. */
#ifndef BALIE_STORE_JOURNAL_H
#define BALIE_STORE_JOURNAL_H

#include <stddef.h>
#include <time.h>

#include "store/alarms.h"
#include "store/db.h"

/* Append an alarm to the journal of the database at db_path (DB.alarm-journal, created
 * with the database's mode) and sync it to disk before returning; for when no store could
 * be opened or written. The database file itself must exist. uid receives the record id.
 * STORE_ERROR with err naming the file and the reason when even this fails. */
enum store_status store_journal_raise(const char *db_path, const char *actor,
				      const char *terminal, const char *location,
				      enum alarm_kind kind, time_t at, char uid[ALARM_UID_LEN],
				      char *err, size_t errsz);

/* The alarms waiting in the journal of db_path, oldest first (none without a journal), as
 * open alarms with id 0, journaled set. Lines that cannot be read (a write cut short by a
 * crash, never acknowledged) are skipped. Free *out with free(). */
enum store_status store_journal_alarms(const char *db_path, struct alarm **out, size_t *n,
				       char *err, size_t errsz);

/* Move the journal's alarms into the alarm table, each exactly once (one transaction,
 * audited as alarm.raise), and remove the journal only after the commit. *merged (may be
 * NULL) counts the alarms added now. */
enum store_status store_journal_merge(struct store *st, size_t *merged);

/* Move the alarm journal's alarms into the table when it holds any (a lock another
 * connection held has gone); STORE_OK when there was nothing to do. */
enum store_status store_journal_merge_pending(struct store *st);

#endif
