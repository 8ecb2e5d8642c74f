/* cli — dispatch of the non-interactive subcommands and what they share. */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "store/db.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

struct store *cli_open_store(const struct cli_ctx *ctx, int flags)
{
	char err[1024];
	struct store *st = store_open(ctx->db_path, flags, err, sizeof err);
	if (!st) {
		cli_error("%s", err);
		return NULL;
	}
	const char *tty = ttyname(STDIN_FILENO);
	store_set_actor(st, ctx->user, tty ? tty : "cli");
	return st;
}

int cli_init(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(_("Usage: balie [--db FILE] init\n"
			 "Create the database (mode 0660) or bring its schema up to date.\n"));
		return CLI_OK;
	}
	if (argc > 1) {
		cli_error(_("init: unexpected argument '%s'"), argv[1]);
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, STORE_CREATE);
	if (!st)
		return CLI_ERROR;
	printf(_("%s: schema version %d\n"), store_path(st), store_schema_version(st));
	store_close(st);
	return CLI_OK;
}

int cli_run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct cli_ctx *, int, char **);
	} commands[] = {
		{"init", cli_init}, {"ban", cli_ban}, {"check", cli_check},
		{"alarm", cli_alarm}, {"appt", cli_appt}, {"staff", cli_staff},
	};
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			return commands[i].run(ctx, argc, argv);
	cli_error(_("unknown command '%s' (see 'balie --help')"), argv[0]);
	return CLI_ERROR;
}
