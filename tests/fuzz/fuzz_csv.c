/* fuzz_csv — libFuzzer harness for the CSV importer: every input is a file given to the
 * real `balie ban import` (parser, header map, row validation, the service's checks, the
 * store's all-or-nothing import) on a temporary database in direct mode. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "client/lib.h"
#include "config.h"
#include "store/lib.h"

static char dir[256], db[300], csv[300];
static struct config *cfg;
static unsigned long runs;

/* A fresh database now and then, so it does not grow with every valid import. */
static void fresh_db(void)
{
	char err[1024], p[400];
	static const char *const suffix[] = {"", "-wal", "-shm", ".alarm-journal", ".damaged"};
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(p, sizeof p, "%s%s", db, suffix[i]);
		(void)unlink(p);
	}
	struct store *st = store_open(db, STORE_CREATE, err, sizeof err);
	if (!st) {
		fprintf(stderr, "fuzz_csv: %s\n", err);
		abort();
	}
	store_close(st);
}

/* Remove the scratch directory at exit (libFuzzer ends with exit()). */
static void cleanup(void)
{
	char p[400];
	static const char *const name[] = {"fuzz.db", "fuzz.db-wal", "fuzz.db-shm", "in.csv",
					   "fuzz.db.alarm-journal", "fuzz.db.damaged"};
	for (size_t i = 0; i < sizeof name / sizeof *name; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, name[i]);
		(void)unlink(p);
	}
	(void)rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Memory-backed when there is /dev/shm: every valid import is a synced commit. */
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/balie-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(db, sizeof db, "%s/fuzz.db", dir);
	snprintf(csv, sizeof csv, "%s/in.csv", dir);
	cfg = config_defaults();
	if (!cfg)
		abort();
	fresh_db();
	if (atexit(cleanup) != 0)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (++runs % 2000 == 0)
		fresh_db();
	FILE *f = fopen(csv, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	struct cli_ctx ctx = {
		.copts = {.db_path = db, .config = cfg, .act_as = -1},
		.config = cfg,
	};
	char a0[] = "ban", a1[] = "import";
	char *argv[] = {a0, a1, csv, NULL};
	(void)cli_run(&ctx, 3, argv);
	client_close(ctx.client); /* the in-process service the command opened */
	return 0;
}
