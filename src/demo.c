/* demo — stub: being written. */
#include "autoconfig.h"

#include "demo.h"

void demo_adjust_config(struct config *c, time_t now)
{
	(void)c;
	(void)now;
}

int demo_populate(struct store *st, const struct config *c, time_t now, char *err, size_t errsz)
{
	(void)st;
	(void)c;
	(void)now;
	(void)err;
	(void)errsz;
	return 0;
}

int demo_summary(struct store *st, const struct config *c, time_t now)
{
	(void)st;
	(void)c;
	(void)now;
	return 0;
}
