/* main — argument parsing: no subcommand starts the console, otherwise cli.c runs one.
 * The only place that exits the program. */
#include "autoconfig.h"

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "config.h"
#include "demo.h"
#include "i18n.h"
#include "store/db.h"
#include "ui/console.h"

static void usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), PACKAGE);
	fputs(_("The reception-desk console of the town hall: visitor check against the ban list,\n"
		"alarms, risky appointments and staffing. Without COMMAND it starts the console.\n\n"),
	      out);
	fputs(_("Options:\n"
		"  -d, --db FILE       use this database (default: from the configuration)\n"
		"  -c, --config FILE   read this configuration file\n"
		"      --demo          start the console on fresh demo data in a temporary place\n"
		"  -h, --help          show this help and exit\n"
		"  -V, --version       show the version and exit\n\n"),
	      out);
	fputs(_("Commands:\n"
		"  init                          create or upgrade the database\n"
		"  ban import|add|list|lift|export ...   the ban list\n"
		"  check [--born DATE] [--tsv] NAME...  check a visitor against the ban list\n"
		"  check --batch [--tsv] < FILE   check many visitors (name TAB born per line)\n"
		"  alarm raise|ack|resolve|false|list ... the alarm queue\n"
		"  appt add|flag|list ...        appointments and risky meetings\n"
		"  staff add|in|out|roster|status ... support team and counter staff\n\n"),
	      out);
	fputs(_("Run 'balie COMMAND --help' for the options of a command.\n"
		"Exit status: 0 success (check: visitor clear), 1 check found a candidate, 2 error.\n"),
	      out);
}

static const char *login_user(void)
{
	/* The password database, not $USER: an operator must not pick a name by environment. */
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_name ? pw->pw_name : "?";
}

static const char *terminal_name(void)
{
	const char *tty = ttyname(STDIN_FILENO);
	return tty ? tty : "";
}

/* Make a private temporary directory holding the demo database; 0 on success. */
static int demo_dir(char *dir, size_t dirsz, char *db, size_t dbsz)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	if ((size_t)snprintf(dir, dirsz, "%s/balie-demo-XXXXXX", tmp) >= dirsz || !mkdtemp(dir))
		return -1;
	snprintf(db, dbsz, "%s/balie.db", dir);
	return 0;
}

static void demo_cleanup(const char *dir, const char *db)
{
	static const char *suffix[] = {"", "-wal", "-shm", "-journal"};
	char path[4096];
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(path, sizeof path, "%s%s", db, suffix[i]);
		if (unlink(path) != 0 && errno != ENOENT)
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, path, strerror(errno));
	}
	if (rmdir(dir) != 0)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, dir, strerror(errno));
}

static int run_console(struct config *cfg, const char *db_path, bool demo, const char *user)
{
	char err[1024];
	char dir[4096] = "", demo_db[4200] = "";
	int status = CLI_OK;
	bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);

	if (demo) {
		if (demo_dir(dir, sizeof dir, demo_db, sizeof demo_db) != 0) {
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("demo"), strerror(errno));
			return CLI_ERROR;
		}
		demo_adjust_config(cfg, clock_now());
		db_path = demo_db;
	} else if (!interactive) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
			_("the console needs a terminal; see 'balie --help' for the commands"));
		return CLI_ERROR;
	}

	struct store *st = store_open(db_path, demo ? STORE_CREATE : 0, err, sizeof err);
	if (!st) {
		fprintf(stderr, "%s: %s\n", PACKAGE, err);
		status = CLI_ERROR;
		goto out;
	}
	store_set_actor(st, user, terminal_name());
	if (demo && demo_populate(st, cfg, clock_now(), err, sizeof err) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("demo"), err);
		status = CLI_ERROR;
		goto out;
	}
	if (!interactive) {
		/* Without a terminal the demo describes what the console would show. */
		status = demo_summary(st, cfg, clock_now()) == 0 ? CLI_OK : CLI_ERROR;
		goto out;
	}
	struct console_opts o = {
		.config = cfg, .store = st, .user = user,
		.role = config_role_for(cfg, user), .demo = demo,
	};
	if (console_run(&o) != 0)
		status = CLI_ERROR;
out:
	store_close(st);
	if (demo && *dir)
		demo_cleanup(dir, demo_db);
	return status;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'c'},
		{"demo", no_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *db_path = NULL, *config_path = NULL;
	bool demo = false;
	int c;

	i18n_init();
	opterr = 0;
	/* "+": stop at the first non-option, which is the subcommand. */
	while ((c = getopt_long(argc, argv, "+d:c:hV", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_path = optarg;
			break;
		case 'c':
			config_path = optarg;
			break;
		case 'D':
			demo = true;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
		case 'V':
			printf("%s %s\n", PACKAGE, VERSION);
			return fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
		case ':':
			cli_error(_("option '%s' needs an argument"), argv[optind - 1]);
			return CLI_ERROR;
		default:
			cli_error(_("unknown option '%s' (see 'balie --help')"), argv[optind - 1]);
			return CLI_ERROR;
		}
	}

	char err[1024];
	struct config *cfg = demo && !config_path ? config_defaults()
						  : config_load(config_path, err, sizeof err);
	if (!cfg) {
		cli_error("%s", demo ? strerror(ENOMEM) : err);
		return CLI_ERROR;
	}
	i18n_set_language(cfg->language);

	const char *user = login_user();
	int status;
	if (optind >= argc) {
		status = run_console(cfg, db_path ? db_path : cfg->database, demo, user);
	} else if (demo) {
		cli_error(_("--demo starts the console and takes no command"));
		status = CLI_ERROR;
	} else {
		struct cli_ctx ctx = {
			.db_path = db_path ? db_path : cfg->database,
			.config = cfg,
			.user = user,
			.role = config_role_for(cfg, user),
		};
		status = cli_run(&ctx, argc - optind, argv + optind);
	}
	config_free(cfg);
	if (fflush(stdout) != 0 && status != CLI_ERROR) {
		cli_error("%s: %s", _("standard output"), strerror(errno));
		status = CLI_ERROR;
	}
	return status;
}
