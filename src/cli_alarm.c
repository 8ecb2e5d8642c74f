/* cli_alarm — the 'alarm' subcommand (stub: being written). */
#include "autoconfig.h"

#include "cli.h"
#include "i18n.h"

int cli_alarm(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	cli_error(_("%s: not implemented yet"), argv[0]);
	return CLI_ERROR;
}
