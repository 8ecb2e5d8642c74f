/* clock — the wall clock, overridable by $BALIE_NOW so tests control "now". */
#include "autoconfig.h"

#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "core/lib.h"

time_t clock_now(void)
{
	const char *fixed = getenv("BALIE_NOW");
	time_t t;
	if (fixed && *fixed && dates_parse_utc(fixed, &t) == 0)
		return t;
	return time(NULL);
}

long long clock_mono_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0; /* cannot happen with CLOCK_MONOTONIC on Linux */
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
