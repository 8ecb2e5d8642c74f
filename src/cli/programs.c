/* programs — the options of the programs themselves: balie's, before its command (main.c),
 * and balied's (daemon/balied.c). Both go through the one option layer (opts.h), so that an
 * abbreviation, a repeated option or a value that is not one is refused alike, and their
 * --help and man pages are held to these tables (tests/test_man.c). */
#include "autoconfig.h"

#include <stddef.h>

#include "cli/cli.h"
#include "i18n.h"

/* balie's own options, before the command (main.c parses them, balie(1) OPTIONS). The
 * --role values, in enum role order from ROLE_RECEPTIONIST. */
static const char *const role_names[] = {"receptionist", "porter", "manager", "hr", NULL};

static const struct cli_opt global_opts[] = {
	{.name = "db", .letter = 'd', .type = CLI_TEXT, .arg = "FILE",
	 .help = N_("work on this database file directly (direct mode: a demo, tests, a desk of "
		    "one); without it balie asks the service balied, which keeps the shared "
		    "database"), .max = 4095},
	{.name = "config", .letter = 'c', .type = CLI_TEXT, .arg = "FILE",
	 .help = N_("read this configuration file"), .max = 4095},
	{.name = "socket", .letter = 's', .type = CLI_TEXT, .arg = "PATH",
	 .help = N_("the service's socket (default: from the configuration)"), .max = 107},
	{.name = "role", .letter = 'r', .type = CLI_CHOICE, .arg = "ROLE",
	 .help = N_("act as a lesser role than yours: see what that role sees"),
	 .choices = role_names},
	{.name = "demo", .type = CLI_FLAG,
	 .help = N_("start the console on fictional demo data (in FILE with --db, so that a "
		    "second console and the commands can join)")},
	{.name = "help", .letter = 'h', .type = CLI_FLAG, .help = N_("show this help and exit")},
	{.name = "version", .letter = 'V', .type = CLI_FLAG,
	 .help = N_("show the version and exit")},
	{.name = NULL},
};

const struct cli_command cli_global_command = {
	.name = "balie", .args = N_("[COMMAND [ARG]...]"),
	.summary = N_("The reception-desk console of the town hall: visitor check against the "
		      "ban list, alarms, risky appointments and staffing. Without COMMAND it "
		      "starts the console."),
	.opts = global_opts, .max_args = -1, .no_service = true, .leading_only = true,
	.program = true,
};

static const struct cli_opt balied_opts[] = {
	{.name = "config", .type = CLI_TEXT, .arg = "FILE", .max = 4095,
	 .help = N_("the configuration (by default the one named below)")},
	{.name = "db", .type = CLI_TEXT, .arg = "FILE", .max = 4095,
	 .help = N_("the database, an absolute path (default: the configuration's database)")},
	{.name = "socket", .type = CLI_TEXT, .arg = "PATH", .max = 107,
	 .help = N_("where to listen (default: the configuration's socket)")},
	{.name = "init", .type = CLI_FLAG, .help = N_("create the database when it is missing")},
	{.name = "check", .type = CLI_FLAG,
	 .help = N_("read the configuration, say what is wrong or OK, and exit (before a "
		    "restart: balied reads it only at start)")},
	{.name = "help", .type = CLI_FLAG, .help = N_("show this help and exit")},
	{.name = "version", .type = CLI_FLAG, .help = N_("show the version and exit")},
	{.name = NULL},
};

const struct cli_command cli_balied_command = {
	.name = "balied",
	.summary = N_("The service that keeps balie's shared database: run it as the account "
		      "balie (the systemd unit balied.service does). See balied(8)."),
	.opts = balied_opts, .no_service = true, .program = true,
};
