/* clock — the one place that reads the wall clock, so tests can fix "now".
 * BALIE_NOW="2026-11-22T18:05:00Z" (UTC, ISO-8601) fixes the time for tests; with a
 * trailing '+' ("2026-11-22T22:59:55Z+") the clock starts there and runs. */
#ifndef BALIE_CLOCK_H
#define BALIE_CLOCK_H

#include <time.h>

/* Seconds since the epoch: $BALIE_NOW when set and valid (plus the seconds since the first
 * call when it ends in '+'), else time(NULL). */
time_t clock_now(void);

/* Monotonic milliseconds, for timeouts and measuring (never affected by BALIE_NOW). */
long long clock_mono_ms(void);

#endif
