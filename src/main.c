/* main — balie's entry: the global options, then the console (no command) or one command
 * of src/cli/. The only place that exits the program. balie runs with the operator's own
 * rights and nothing more: the shared database is balied's (src/daemon). */
#include "autoconfig.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/demo.h"
#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "ui/console.h"

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
	static const char *suffix[] = {"", "-wal", "-shm", "-journal", STORE_JOURNAL_SUFFIX,
				       STORE_DAMAGED_SUFFIX};
	char path[4096];
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(path, sizeof path, "%s%s", db, suffix[i]);
		if (unlink(path) != 0 && errno != ENOENT)
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, path, strerror(errno));
	}
	if (rmdir(dir) != 0)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, dir, strerror(errno));
}

/* Whether the demo database at path holds data already (a second console joining). */
static bool demo_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && sb.st_size > 0;
}

static int run_console(struct config *cfg, const char *db_path, const char *socket_path,
		       bool demo, int act_as)
{
	char err[1024];
	char dir[4096] = "", demo_db[4200] = "";
	int status = CLI_OK;
	bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	bool populate = demo;

	if (demo) {
		if (db_path) {
			/* The demo kept in a file of the operator's: a second console and the
			 * commands can join it; only the first start fills it. */
			populate = !demo_exists(db_path);
		} else if (demo_dir(dir, sizeof dir, demo_db, sizeof demo_db) != 0) {
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("demo"), strerror(errno));
			return CLI_ERROR;
		} else {
			db_path = demo_db;
		}
		demo_adjust_config(cfg, clock_now());
		/* The demo's data is the operator's own file: it is filled directly. */
		if ((populate || !interactive) &&
		    demo_prepare(db_path, cfg, populate, !interactive, err, sizeof err) != 0) {
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("demo"), err);
			status = CLI_ERROR;
			goto out;
		}
		if (!interactive)
			goto out; /* without a terminal the demo described itself */
	} else if (!interactive) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
			_("the console needs a terminal; see 'balie --help' for the commands"));
		return CLI_ERROR;
	}

	/* The console's session: with --db the service runs inside balie on that file (the
	 * owner has every right and starts in the configured view; like balied it purges
	 * once a day), else it is balied's over the socket. */
	struct client_opts co = {
		.db_path = db_path, .socket_path = socket_path, .config = cfg, .act_as = act_as,
		.watch = true, .housekeeping = !demo,
	};
	struct client *cl = client_open(&co, err, sizeof err);
	if (!cl) {
		fprintf(stderr, "%s: %s\n", PACKAGE, err);
		status = CLI_ERROR;
		goto out;
	}
	struct console_opts o = {
		.config = cfg, .client = cl, .user = client_user(cl), .demo = demo,
	};
	if (console_run(&o) != 0)
		status = CLI_ERROR;
	client_close(cl);
out:
	if (demo && *dir)
		demo_cleanup(dir, demo_db);
	return status;
}

int main(int argc, char **argv)
{
	i18n_init();
	/* balie never holds a privilege: an install that made it setuid or setgid is wrong,
	 * and running on would hand an operator the rights of the file's owner. */
	if (geteuid() != getuid() || getegid() != getgid()) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
			_("refusing to run setuid or setgid: balie runs with the operator's own "
			  "rights; the shared database belongs to the service balied (see the "
			  "README, \"Installing for a desk\")"));
		return CLI_ERROR;
	}
	struct cli_args g;
	int rc = cli_args_parse(&cli_global_command, argc - 1, argv + 1, &g);
	if (rc != 0)
		return CLI_ERROR;
	if (cli_has(&g, "help")) {
		cli_usage(stdout);
		cli_args_free(&g);
		return fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
	}
	if (cli_has(&g, "version")) {
		printf("%s %s\n", PACKAGE, VERSION);
		cli_args_free(&g);
		return fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
	}
	const char *db_path = cli_text(&g, "db"), *config_path = cli_text(&g, "config");
	bool demo = cli_has(&g, "demo");

	char err[1024];
	struct config *cfg = demo && !config_path ? config_defaults()
						  : config_load(config_path, err, sizeof err);
	if (!cfg) {
		cli_error("%s", demo ? strerror(ENOMEM) : err);
		cli_args_free(&g);
		return CLI_ERROR;
	}
	i18n_set_language(cfg->language);

	int act_as = cli_has(&g, "role") ? ROLE_RECEPTIONIST + cli_choice(&g, "role", 0) : -1;
	int status;
	const char *socket = cli_text(&g, "socket") ? cli_text(&g, "socket") : cfg->socket;
	if (g.argc == 0) {
		status = run_console(cfg, db_path, socket, demo, act_as);
	} else if (demo) {
		cli_error(_("--demo starts the console and takes no command"));
		status = CLI_ERROR;
	} else {
		struct cli_ctx ctx = {
			.copts = {
				.db_path = db_path, .socket_path = socket, .config = cfg,
				.act_as = act_as,
			},
			.config = cfg,
		};
		status = cli_run(&ctx, g.argc, g.argv);
		client_close(ctx.client);
	}
	cli_args_free(&g);
	config_free(cfg);
	if (fflush(stdout) != 0 && status != CLI_ERROR) {
		cli_error("%s: %s", _("standard output"), strerror(errno));
		status = CLI_ERROR;
	}
	return status;
}
