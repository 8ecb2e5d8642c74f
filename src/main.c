/* main — argument parsing: no subcommand starts the console, otherwise cli.c runs one.
 * The only place that exits the program. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "clock.h"
#include "config.h"
#include "cli/demo.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/purge.h"
#include "ui/console.h"

extern char **environ;

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
		"  ban propose|activate|extend|history|letter|exception|notices ...\n"
		"                                the life cycle of a ban\n"
		"  check [--born DATE] [--tsv] NAME...  check a visitor against the ban list\n"
		"  check --batch [--tsv] < FILE   check many visitors (name TAB born per line)\n"
		"  alarm raise|ack|resolve|false|list ... the alarm queue\n"
		"  appt add|flag|list ...        appointments and risky meetings\n"
		"  staff add|in|out|roster|status|unreachable ... support team, counter staff\n"
		"  visit out|back|list ...       the home-visit back-up board\n"
		"  audit, purge, backup, restore, person export ...  accountability (hr)\n\n"),
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

/* ------------------------------------------------------------------ privileged (issue 7) */

/* Running setuid/setgid: the real user is an operator, the effective one owns the data. */
static bool privileged(void)
{
	return geteuid() != getuid() || getegid() != getgid();
}

/* Whether an environment value is harmless: short, printable ASCII, no "..", and no "/"
 * unless allowed (TZ names such as Europe/Amsterdam). */
static bool env_value_ok(const char *v, bool slash)
{
	size_t n = strlen(v);
	if (n == 0 || n > 64 || strstr(v, "..") || v[0] == '/')
		return false;
	for (const char *p = v; *p; p++)
		if (*p < 0x21 || *p > 0x7e || (*p == '/' && !slash))
			return false;
	return true;
}

/* The environment a privileged balie runs with: the whitelisted variables with harmless
 * values and a fixed PATH; NULL-terminated, malloc'd strings (environ's own, not copies). */
static char **clean_environment(void)
{
	static const struct {
		const char *name;
		bool slash;
	} keep[] = {
		{"TERM", false}, {"LANG", false}, {"LANGUAGE", false}, {"LC_ALL", false},
		{"LC_CTYPE", false}, {"LC_MESSAGES", false}, {"LC_TIME", false},
		{"LC_COLLATE", false}, {"TZ", true}, {"COLUMNS", false}, {"LINES", false},
		{"NO_COLOR", false}, {"ESCDELAY", false},
	};
	static char path[] = "PATH=/usr/bin:/bin";
	static char *env[sizeof keep / sizeof *keep + 2];
	size_t n = 0;
	for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
		size_t len = strlen(keep[i].name);
		for (char **e = environ; e && *e; e++)
			if (strncmp(*e, keep[i].name, len) == 0 && (*e)[len] == '=' &&
			    env_value_ok(*e + len + 1, keep[i].slash)) {
				env[n++] = *e;
				break;
			}
	}
	env[n++] = path;
	env[n] = NULL;
	return env;
}

/* Whether environ holds exactly the entries of env. */
static bool environment_is(char **env)
{
	size_t a = 0, b = 0;
	for (char **e = environ; e && *e; e++, a++) {
		bool found = false;
		for (char **f = env; *f && !found; f++)
			found = strcmp(*e, *f) == 0;
		if (!found)
			return false;
	}
	while (env[b])
		b++;
	return a == b;
}

/* Privileged start: fds 0-2 open, a whitelisted environment, no core dumps. Everything
 * else an operator could set (TERMINFO, TERMINFO_DIRS, TERMCAP, HOME, XDG_*, TMPDIR,
 * SQLITE_TMPDIR, LD_*, BALIE_NOW, BALIE_LOCALEDIR, ...) is dropped: balie executes itself
 * again with the clean environment, so that not even the C library's start-up or a
 * library's constructor saw the rest. 0, or -1 with errno. */
static int secure_start(char **argv)
{
	/* With a standard descriptor closed, the database could be opened as fd 2 and
	 * receive error messages. */
	for (int fd = 0; fd < 3; fd++) {
		if (fcntl(fd, F_GETFD) != -1)
			continue;
		int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (n != fd)
			return -1;
	}
	char **env = clean_environment();
	if (!environment_is(env)) {
		(void)execve("/proc/self/exe", argv, env);
		/* No /proc: clean this process's environment instead. */
		char *copy[16]; /* kept by putenv for the life of the process */
		size_t n = 0;
		for (; env[n] && n + 1 < sizeof copy / sizeof *copy; n++)
			if (!(copy[n] = strdup(env[n])))
				return -1;
		copy[n] = NULL;
		if (clearenv() != 0)
			return -1;
		for (size_t i = 0; copy[i]; i++)
			if (putenv(copy[i]) != 0)
				return -1;
	}
	/* No core file and no ptrace by the operator: memory holds the ban list. */
	struct rlimit none = {0, 0};
	if (setrlimit(RLIMIT_CORE, &none) != 0 || prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
		return -1;
	umask(077);
	return 0;
}

/* Whether path (its directory resolved) lies inside dir. */
static bool inside(const char *path, const char *dir)
{
	char copy[PATH_MAX], real[PATH_MAX], real_dir[PATH_MAX];
	if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy ||
	    !realpath(dirname(copy), real) || !realpath(dir, real_dir))
		return false;
	size_t n = strlen(real_dir);
	return strncmp(real, real_dir, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/* Privileged: --config only from the configuration directory. */
static int check_config_path(const char *path)
{
	if (!path || inside(path, SYSCONFDIR "/balie") || inside(path, "/etc/balie"))
		return 0;
	cli_error(_("--config %s: refused: balie runs with the rights of its own account and "
		    "reads configuration files only from %s"), path, SYSCONFDIR "/balie");
	return -1;
}

/* Privileged: the database only inside the data directory. */
static int check_db_path(const char *path)
{
	if (path && inside(path, BALIE_STATEDIR))
		return 0;
	cli_error(_("--db %s: refused: balie runs with the rights of its own account and "
		    "opens databases only inside %s"), path ? path : "", BALIE_STATEDIR);
	return -1;
}

/* The retention periods of the configuration for the store. */
static void purge_policy_of(const struct config *cfg, struct purge_policy *p)
{
	p->bans_months = cfg->retention.bans_months;
	p->alarms_months = cfg->retention.alarms_months;
	p->presence_months = cfg->retention.presence_months;
	p->appointments_months = cfg->retention.appointments_months;
	p->audit_months = cfg->retention.audit_months;
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
	/* Issue 7: no role, no console (the demo's data is invented: everyone may try it). */
	enum role role = cli_role_for(cfg, user, st);
	if (demo && role == ROLE_NONE)
		role = ROLE_HR;
	if (role == ROLE_NONE) {
		cli_error_no_role(cfg, user, _("console"));
		(void)store_audit(st, "denied", "console", "denied", "no role");
		status = CLI_ERROR;
		goto out;
	}
	if (!demo) {
		/* The daily purge; a failure must not keep the desk from working. */
		struct purge_policy pp;
		struct purge_report pr;
		char today[DATES_DATE_LEN];
		bool ran;
		purge_policy_of(cfg, &pp);
		dates_local_date(clock_now(), today);
		if (store_purge_daily(st, &pp, today, &ran, &pr) != STORE_OK)
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("purge"), store_error(st));
	}
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
		.role = role, .demo = demo,
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

	bool priv = privileged();
	if (priv && secure_start(argv) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, "setuid", strerror(errno));
		return CLI_ERROR;
	}
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

	if (priv && check_config_path(config_path) != 0)
		return CLI_ERROR;
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
	if (priv && !demo && check_db_path(db_path ? db_path : cfg->database) != 0) {
		config_free(cfg);
		return CLI_ERROR;
	}
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
			.privileged = priv,
			.data_dir = BALIE_STATEDIR,
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
