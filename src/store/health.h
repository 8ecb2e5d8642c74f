/* health — noticing a damaged database: SQLite's quick_check and integrity_check on demand
 * and once a day; what the store does on damage is described in store/db.h. */
#ifndef BALIE_STORE_HEALTH_H
#define BALIE_STORE_HEALTH_H

#include <stdbool.h>
#include <stddef.h>

#include "store/db.h"

/* STORE_OK when the store may be written; else STORE_ERROR with store_error() saying why
 * in plain words and what to do ("... is damaged ... balie restore FILE", "read-only"). */
enum store_status store_writable_check(struct store *st);

/* PRAGMA quick_check over the whole file (about 4.6 s per million bans: not for every
 * open). *ok tells the verdict and why holds the first finding; damage marks the store
 * damaged. STORE_ERROR only when the check itself could not run. */
enum store_status store_quick_check(struct store *st, bool *ok, char *why, size_t whysz);

/* PRAGMA integrity_check, which also compares every index with its table. A pass clears a
 * damage mark recorded earlier (by an I/O error, say), so writes are allowed again. */
enum store_status store_integrity_check(struct store *st, bool *ok, char *why, size_t whysz);

/* The quick check once a day (today "YYYY-MM-DD", recorded in the meta table and audited):
 * *ran tells whether it ran now, *ok its verdict (true when it did not run). */
enum store_status store_check_daily(struct store *st, const char *today, bool *ran, bool *ok);

/* Another connection of this process (balied's worker) checked the whole file: take its
 * verdict over on st as if the check had run here. Damage (ok false; why: the finding)
 * marks st damaged, with the words of the mark that connection left when there is one;
 * with integrity (a passing integrity_check) a damage mark is forgotten. */
void store_check_adopt(struct store *st, bool ok, bool integrity, const char *why);

/* Record a good backup (path and time) for the message a damaged database gives; inside
 * the caller's transaction. */
enum store_status store_note_backup(struct store *st, const char *path);

/* After a restore replaced the file: forget the damage and remove the mark. */
void store_clear_damage(struct store *st);

#endif
