/* backups — the rules for the names of backups in the service's own directory: what a
 * client may name (one plain file name, never a path) and the name the service picks. */
#ifndef BALIE_BACKUPS_H
#define BALIE_BACKUPS_H

#include <stdint.h>
#include <time.h>

#define BACKUPS_NAME_MAX 64   /* bytes, without the NUL */

/* One backup in the service's directory, as listed. */
struct backup_file {
	char name[BACKUPS_NAME_MAX + 1];
	int64_t size;             /* bytes */
	time_t modified;
};

enum backups_name_problem {
	BACKUPS_NAME_OK = 0,
	BACKUPS_NAME_EMPTY,
	BACKUPS_NAME_TOO_LONG,
	BACKUPS_NAME_CHARACTER,   /* not a letter, digit, '.', '-' or '_' (a slash, say) */
	BACKUPS_NAME_START,       /* does not start with a letter or digit (".", "..", "-x") */
	BACKUPS_NAME_DOTS,        /* holds ".." */
	BACKUPS_NAME_SIDE_FILE    /* ends like one of SQLite's side files (-wal, -shm, -journal) */
};

/* Whether name may name a backup: 1 to BACKUPS_NAME_MAX bytes of ASCII letters, digits,
 * '.', '-' and '_', starting with a letter or digit, without "..", not ending in "-wal",
 * "-shm" or "-journal". So it can only ever name a plain file inside the directory. */
enum backups_name_problem backups_name_check(const char *name);

/* A translated explanation of a problem ("must not hold a slash or other character ..."). */
const char *backups_name_message(enum backups_name_problem p);

/* The name the service gives a backup made at t (local time): "balie-YYYYMMDD-HHMMSS.db",
 * with "-N" before ".db" for the n-th try (n > 1) when that name is taken. prefix is
 * "balie" or, for the copy a restore keeps, "before-restore". */
void backups_default_name(const char *prefix, time_t t, unsigned n,
			  char out[BACKUPS_NAME_MAX + 1]);

#endif
