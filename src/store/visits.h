/* visits — the home-visit back-up board (achterwacht): who went where, with whom, until
 * when and how to reach them; and when they came back with what outcome. */
#ifndef BALIE_STORE_VISITS_H
#define BALIE_STORE_VISITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/lib.h"
#include "store/db.h"

#define VISIT_TEXT_MAX 128
#define VISIT_OUTCOME_MAX 512

struct visit {
	int64_t id;
	char employee[VISIT_TEXT_MAX];
	char address[VISIT_TEXT_MAX];
	char client[VISIT_TEXT_MAX];
	char mobile[VISIT_TEXT_MAX];
	time_t leaves_at;       /* when recorded (store_visit_out sets it to now) */
	time_t expected_back;
	time_t call_at;         /* "call me at"; 0 when not asked */
	time_t back_at;         /* 0 while out */
	char outcome[VISIT_OUTCOME_MAX];
	char recorded_by[VISIT_TEXT_MAX];
	char back_by[VISIT_TEXT_MAX];
	/* Issue 13. */
	enum visit_risk risk;       /* assessed beforehand: normal or raised */
	char companion[VISIT_TEXT_MAX]; /* the colleague who goes along, "" when alone */
	int64_t ban_id;             /* the client's ban found by the visitor check, 0 when none */
};

/* Record a visit leaving now (v->leaves_at is ignored). employee, address, client and
 * mobile must not be empty; expected_back must be after now; call_at, when set, after now
 * and not after expected_back; the risk must be assessed, and a companion go along when it
 * is raised or the client is on the ban list (visits_companion_required). STORE_INVALID
 * otherwise. The new id goes to *id_out. */
enum store_status store_visit_out(struct store *st, const struct visit *v, int64_t *id_out);

/* Record the return (now) with an outcome (may be empty). STORE_NOT_FOUND for an unknown
 * id, STORE_CONFLICT when already back. */
enum store_status store_visit_back(struct store *st, int64_t id, const char *outcome);

enum store_status store_visit_get(struct store *st, int64_t id, struct visit *out);

/* The visits still out (by the first deadline: call time or expected return), and with
 * all=true also those back (newest first after the open ones). Free *out with free(). */
enum store_status store_visit_list(struct store *st, bool all, struct visit **out, size_t *n);

#endif
