/* cli — the non-interactive subcommands (scripts, cron, alarm hardware, imports).
 * Exit statuses: 0 success (check: clear), 1 check found candidates, 2 error. */
#ifndef BALIE_CLI_H
#define BALIE_CLI_H

#include "config.h"
#include "core/roles.h"

enum { CLI_OK = 0, CLI_FOUND = 1, CLI_ERROR = 2 };

/* What main.c has settled before a subcommand runs. */
struct cli_ctx {
	const char *db_path;        /* --db, else config->database */
	const struct config *config;
	const char *user;           /* login user */
	enum role role;
};

/* Run argv[0] (a subcommand name) with its arguments; returns the exit status. */
int cli_run(struct cli_ctx *ctx, int argc, char **argv);

/* Print "balie: what: why" to stderr (printf-style). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Open the database for a subcommand, printing an error on failure. */
struct store *cli_open_store(const struct cli_ctx *ctx, int flags);

/* The subcommands, one file each: cli_ban.c, cli_check.c, cli_alarm.c, cli_appt.c,
 * cli_staff.c. argv[0] is the subcommand name. */
int cli_init(struct cli_ctx *ctx, int argc, char **argv);
int cli_ban(struct cli_ctx *ctx, int argc, char **argv);
int cli_check(struct cli_ctx *ctx, int argc, char **argv);
int cli_alarm(struct cli_ctx *ctx, int argc, char **argv);
int cli_appt(struct cli_ctx *ctx, int argc, char **argv);
int cli_staff(struct cli_ctx *ctx, int argc, char **argv);

#endif
