/* benchutil — what the benchmark programs of `make bench` share: a monotonic clock in
 * milliseconds, the resident memory of a process, and percentiles of sorted timings. */
#ifndef BALIE_BENCHUTIL_H
#define BALIE_BENCHUTIL_H

#include <stddef.h>
#include <sys/types.h>

/* Milliseconds on the monotonic clock; 0 when it cannot be read. */
double bench_now_ms(void);

/* The resident memory of process pid (0: this one) in kB, from /proc; -1 when unknown. */
long bench_rss_kb(pid_t pid);

/* Sort n timings in ascending order. */
void bench_sort(double *v, size_t n);

/* The p-quantile (0..1) of n sorted timings, n > 0. */
double bench_pct(const double *sorted, size_t n, double p);

#endif
