/* alarms — the porters' alarm queue: raised -> acknowledged -> resolved / false alarm. */
#ifndef BALIE_STORE_ALARMS_H
#define BALIE_STORE_ALARMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "store/db.h"

enum alarm_kind { ALARM_PANIC, ALARM_ROBBERY, ALARM_TEST, ALARM_FIRE, ALARM_KIND_COUNT };
enum alarm_outcome { ALARM_OPEN, ALARM_RESOLVED, ALARM_FALSE, ALARM_TESTED };

#define ALARM_TEXT_MAX 128
#define ALARM_UID_LEN 17   /* an alarm journal record's id: 16 hex digits */

struct alarm {
	int64_t id;
	char location[ALARM_TEXT_MAX];
	enum alarm_kind kind;
	time_t raised_at;
	char raised_by[ALARM_TEXT_MAX];
	time_t acked_at;                 /* 0 when not acknowledged */
	char acked_by[ALARM_TEXT_MAX];
	time_t resolved_at;              /* 0 while open */
	char resolved_by[ALARM_TEXT_MAX];
	enum alarm_outcome outcome;
	bool journaled;                  /* waiting in the alarm journal (id 0): see below */
	char journal_uid[ALARM_UID_LEN]; /* its record id there, "" for a table alarm */
	/* Issue 13: a false alarm is cancelled at the alarm centre (within 5 minutes). */
	time_t cancelled_at;             /* 0 when not recorded */
	char cancelled_by[ALARM_TEXT_MAX];
};

/* "panic", "robbery", "test", "fire" and back; translated label. */
const char *store_alarm_kind_name(enum alarm_kind k);
int store_alarm_kind_parse(const char *s, enum alarm_kind *out);

/* Raise an alarm now at location; the actor is the store's actor. When the database cannot
 * be written (damaged, read-only file or file system, disk full, locked past the timeout)
 * on a store opened for writing, the alarm goes to the alarm journal next to the database
 * instead (store/journal.h): STORE_OK with *id_out 0, store_alarm_journaled() naming the
 * record and store_error() why the database refused. An alarm is never dropped. */
enum store_status store_alarm_raise(struct store *st, const char *location, enum alarm_kind kind,
				    int64_t *id_out);

/* After store_alarm_raise: the journal record id when the alarm went to the journal, else
 * "". */
const char *store_alarm_journaled(const struct store *st);

/* The same, recorded as raised at instant `at` (the demo's alarm "a minute ago");
 * store_alarm_raise is this with clock_now(). */
enum store_status store_alarm_raise_at(struct store *st, const char *location,
				       enum alarm_kind kind, time_t at, int64_t *id_out);

/* Acknowledge ("on the way"); STORE_CONFLICT when already resolved (acking twice is OK and
 * keeps the first porter). */
enum store_status store_alarm_ack(struct store *st, int64_t id);

/* Close an alarm with an outcome (ALARM_RESOLVED or ALARM_FALSE; a test alarm closes as
 * ALARM_TESTED); STORE_CONFLICT when already closed. */
enum store_status store_alarm_close(struct store *st, int64_t id, enum alarm_outcome outcome);

/* Issue 13: record that false alarm id was cancelled at the alarm centre, now, by the
 * store's actor. STORE_CONFLICT when it is not a false alarm or was recorded already. */
enum store_status store_alarm_cancelled(struct store *st, int64_t id);

/* Read one alarm; STORE_NOT_FOUND when there is none. */
enum store_status store_alarm_get(struct store *st, int64_t id, struct alarm *out);

/* Resolve every open alarm (after an incident the manager resets all); count closed. */
enum store_status store_alarm_resolve_all(struct store *st, int *count);

/* Open alarms oldest first (open_only; all of them, limit is ignored so none is hidden) or the
 * latest `limit` alarms of all (newest first; 0 = all), each time with the alarms waiting
 * in the alarm journal (journaled, id 0; those are always open). A journal is first moved
 * into the table when the database can be written. Free *out with free(). */
enum store_status store_alarm_list(struct store *st, int open_only, size_t limit,
				   struct alarm **out, size_t *n);

#endif
