/* benchutil — the clock, memory and percentile helpers of the benchmark programs (see
 * benchutil.h); plain C and /proc, no part of balie. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "benchutil.h"

double bench_now_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

long bench_rss_kb(pid_t pid)
{
	char path[64], line[256];
	if (pid > 0)
		snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	else
		snprintf(path, sizeof path, "/proc/self/status");
	FILE *fp = fopen(path, "r");
	if (!fp)
		return -1;
	long kb = -1;
	while (fgets(line, sizeof line, fp))
		if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
			break;
	if (fclose(fp) != 0)
		return -1;
	return kb;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

void bench_sort(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
}

double bench_pct(const double *sorted, size_t n, double p)
{
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);
	return sorted[i < n ? i : n - 1];
}
