/* config — stub: being written. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>

#include "config.h"

struct config *config_defaults(void)
{
	struct config *c = calloc(1, sizeof *c);
	return c;
}

struct config *config_load(const char *explicit_path, char *err, size_t errsz)
{
	(void)explicit_path;
	(void)err;
	(void)errsz;
	return config_defaults();
}

void config_free(struct config *c)
{
	free(c);
}

enum role config_role_for(const struct config *c, const char *user)
{
	(void)c;
	(void)user;
	return ROLE_RECEPTIONIST;
}
