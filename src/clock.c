/* clock — the wall clock, overridable by $BALIE_NOW so tests control "now". */
#include "autoconfig.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "core/lib.h"

/* The monotonic instant of the first reading of a running BALIE_NOW (0: none yet); atomic
 * because balied's worker thread reads the clock too. */
static _Atomic long long running_since;

time_t clock_now(void)
{
	const char *fixed = getenv("BALIE_NOW");
	if (!fixed || !*fixed)
		return time(NULL);
	/* A trailing '+' lets the clock run from that instant: a test can cross midnight. */
	char stamp[32];
	size_t len = strlen(fixed);
	bool running = fixed[len - 1] == '+';
	if (running) {
		if (len > sizeof stamp)
			return time(NULL);
		memcpy(stamp, fixed, len - 1);
		stamp[len - 1] = '\0';
	}
	time_t t;
	if (dates_parse_utc(running ? stamp : fixed, &t) != 0)
		return time(NULL);
	if (running) {
		long long first = 0, now = clock_mono_ms();
		(void)atomic_compare_exchange_strong(&running_since, &first, now);
		t += (time_t)((now - atomic_load(&running_since)) / 1000);
	}
	return t;
}

long long clock_mono_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0; /* cannot happen with CLOCK_MONOTONIC on Linux */
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
