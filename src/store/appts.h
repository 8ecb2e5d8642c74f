/* appts — appointments and their risk flag with precautions. */
#ifndef BALIE_STORE_APPTS_H
#define BALIE_STORE_APPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "store/db.h"

#define APPT_TEXT_MAX 128

struct appt {
	int64_t id;
	time_t starts, ends;
	char host[APPT_TEXT_MAX];
	char visitor[APPT_TEXT_MAX];
	char visitor_born[11];          /* "" when unknown */
	char room[APPT_TEXT_MAX];
	bool risky;
	unsigned precautions;           /* enum precaution bits */
	char flagged_by[APPT_TEXT_MAX];
	time_t flagged_at;              /* 0 when never flagged */
	int version;
	/* A manager's override for a risky appointment outside public hours; "" when none. */
	char override_reason[256];
	char override_by[APPT_TEXT_MAX];
	time_t override_at;             /* 0 when none */
	/* Issue 13: what the employee tells reception to expect (any operator may); "". */
	char note[256];
};

/* Add an appointment (risky/precautions taken from a too; a non-empty a->override_reason
 * is recorded as a manager's override, by the store's actor, now). */
enum store_status store_appt_add(struct store *st, const struct appt *a, int64_t *id_out);

/* Flag or unflag as risky with precautions; expected_version < 0 skips the check. */
enum store_status store_appt_flag(struct store *st, int64_t id, bool risky, unsigned precautions,
				  int expected_version);

/* Flag as risky with precautions and record a manager's override (reason not empty) in the
 * same transaction: for a risky appointment outside public hours. */
enum store_status store_appt_flag_override(struct store *st, int64_t id, unsigned precautions,
					   const char *reason, int expected_version);

enum store_status store_appt_get(struct store *st, int64_t id, struct appt *out);

/* Appointments starting in [from, to), by start time; risky_only filters. Free *out with
 * free(). */
enum store_status store_appt_list(struct store *st, time_t from, time_t to, bool risky_only,
				  struct appt **out, size_t *n);

#endif
