/* fuzz_config — libFuzzer harness for the configuration parser: any bytes as balie.conf
 * through config_load_file (libconfuse, the validators, the building/hours/roles checks). */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"

static char dir[256], conf[300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/balie-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(conf, sizeof conf, "%s/balie.conf", dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(conf, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	char err[1024];
	struct config *c = config_load_file(conf, err, sizeof err);
	config_free(c);
	return 0;
}
