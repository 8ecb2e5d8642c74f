/* bench_service — what the privilege boundary costs (issue 11): the same requests in one
 * process, once in direct mode (the service in-process on the file) and once through
 * balied's socket, timed per call.
 *
 *   bench_service --db FILE --socket PATH --visitors FILE [--config FILE]
 *
 * FILE of visitors: lines "name<TAB>born-or-empty" (bench_names --visitors). Prints p50,
 * p99 and max per mode of a visitor check (client_ban_check) and of an alarm raise, and
 * the difference of the medians (the goal: a check through the socket within 2 ms of
 * direct mode). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "benchutil.h"
#include "client/lib.h"
#include "config.h"
#include "i18n.h"

#define MAX_VISITORS 5000

/* Time every visitor's check and then n alarm raises; medians into med_check/med_raise. */
static int run(const char *label, struct client *cl, char **names, char **born, size_t n,
	       double *med_check)
{
	double *t = calloc(n, sizeof *t);
	if (!t)
		return -1;
	struct ban_hit hits[16];
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		double t0 = bench_now_ms();
		if (client_ban_check(cl, names[i], born[i], NULL, hits, 16, &k) != STORE_OK) {
			fprintf(stderr, "%s: check: %s\n", label, client_error(cl));
			free(t);
			return -1;
		}
		t[i] = bench_now_ms() - t0;
		store_ban_hits_clear(hits, k);
	}
	bench_sort(t, n);
	printf("  %-8s visitor check (%zu): p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", label, n,
	       bench_pct(t, n, 0.5), bench_pct(t, n, 0.99), t[n - 1]);
	*med_check = bench_pct(t, n, 0.5);
	size_t nr = n < 200 ? n : 200;
	for (size_t i = 0; i < nr; i++) {
		int64_t id;
		double t0 = bench_now_ms();
		if (client_alarm_raise(cl, "Bench", ALARM_TEST, &id) != STORE_OK ||
		    client_alarm_close(cl, id, ALARM_RESOLVED) != STORE_OK) {
			fprintf(stderr, "%s: alarm: %s\n", label, client_error(cl));
			free(t);
			return -1;
		}
		t[i] = bench_now_ms() - t0;
	}
	bench_sort(t, nr);
	printf("  %-8s alarm raise + close (%zu): p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", label,
	       nr, bench_pct(t, nr, 0.5), bench_pct(t, nr, 0.99), t[nr - 1]);
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *sock = NULL, *visitors = NULL, *conf = NULL;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--db") == 0)
			db = argv[i + 1];
		else if (strcmp(argv[i], "--socket") == 0)
			sock = argv[i + 1];
		else if (strcmp(argv[i], "--visitors") == 0)
			visitors = argv[i + 1];
		else if (strcmp(argv[i], "--config") == 0)
			conf = argv[i + 1];
	}
	if (!db || !sock || !visitors) {
		fprintf(stderr, "usage: bench_service --db FILE --socket PATH --visitors FILE "
				"[--config FILE]\n");
		return 2;
	}
	i18n_init();
	char err[1024];
	struct config *cfg = conf ? config_load_file(conf, err, sizeof err) : config_defaults();
	if (!cfg) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	FILE *f = fopen(visitors, "r");
	if (!f) {
		perror(visitors);
		return 2;
	}
	static char *names[MAX_VISITORS], *born[MAX_VISITORS];
	size_t n = 0;
	char line[1024];
	while (n < MAX_VISITORS && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (tab)
			*tab++ = '\0';
		names[n] = strdup(line);
		born[n] = strdup(tab ? tab : "");
		n++;
	}
	fclose(f);
	if (n == 0)
		return 2;
	struct client_opts direct = {.db_path = db, .config = cfg, .act_as = -1, .terminal = "bench"};
	struct client_opts shared = {.socket_path = sock, .config = cfg, .act_as = -1,
				     .terminal = "bench"};
	struct client *d = client_open(&direct, err, sizeof err);
	if (!d) {
		fprintf(stderr, "direct: %s\n", err);
		return 2;
	}
	struct client *s = client_open(&shared, err, sizeof err);
	if (!s) {
		fprintf(stderr, "shared: %s\n", err);
		return 2;
	}
	double md = 0, ms = 0;
	/* Warm both (page cache, statement caches), then measure. */
	struct ban_hit h[16];
	size_t k;
	for (size_t i = 0; i < n && i < 50; i++) {
		if (client_ban_check(d, names[i], born[i], NULL, h, 16, &k) == STORE_OK)
			store_ban_hits_clear(h, k);
		if (client_ban_check(s, names[i], born[i], NULL, h, 16, &k) == STORE_OK)
			store_ban_hits_clear(h, k);
	}
	int rc = run("direct", d, names, born, n, &md) || run("socket", s, names, born, n, &ms);
	if (rc == 0)
		printf("  visitor check through the socket: %+.3f ms at the median (goal: within 2 ms)\n",
		       ms - md);
	client_close(d);
	client_close(s);
	config_free(cfg);
	for (size_t i = 0; i < n; i++) {
		free(names[i]);
		free(born[i]);
	}
	return rc ? 1 : 0;
}
