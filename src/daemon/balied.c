/* balied — the service that owns the shared database: it runs as the account balie,
 * opens the database by a fixed absolute path, and answers balie's requests on a Unix
 * socket after checking who asks (SO_PEERCRED) and what their role allows. See balied(8). */
#define _GNU_SOURCE /* close_range, accept4, struct ucred */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
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
#include "core/lib.h"
#include "daemon/log.h"
#include "daemon/server.h"
#include "i18n.h"
#include "service/lib.h"
#include "store/lib.h"

#define DEFAULT_CONFIG SYSCONFDIR "/balie/balie.conf"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* The process a service must be: no descriptors it did not open (but systemd's socket),
 * no core dumps or ptrace of a memory that holds the ban list, private new files, no
 * file size limit of its starter's. */
static int harden(void)
{
	/* fd 3 is kept only when systemd passed it to this very process. */
	const char *pid = getenv("LISTEN_PID");
	bool activated = getenv("LISTEN_FDS") && pid && strtol(pid, NULL, 10) == (long)getpid();
	if (close_range(activated ? 4 : 3, ~0U, 0) != 0)
		return -1;
	struct rlimit none = {0, 0};
	if (setrlimit(RLIMIT_CORE, &none) != 0 || prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
		return -1;
	/* A file size limit inherited from whoever started us (ulimit -f) must not decide
	 * which writes succeed: take the whole hard limit, and should a write still hit it,
	 * let it fail (SQLite rolls the transaction back; no audit, no answer) instead of
	 * SIGXFSZ killing the service mid-request. */
	struct rlimit fsize;
	if (getrlimit(RLIMIT_FSIZE, &fsize) != 0)
		return -1;
	fsize.rlim_cur = fsize.rlim_max;
	if (setrlimit(RLIMIT_FSIZE, &fsize) != 0)
		return -1;
	umask(077);
	struct sigaction ign = {.sa_handler = SIG_IGN};
	struct sigaction on = {.sa_handler = on_signal};
	if (sigaction(SIGPIPE, &ign, NULL) != 0 || sigaction(SIGTERM, &on, NULL) != 0 ||
	    sigaction(SIGINT, &on, NULL) != 0 || sigaction(SIGHUP, &ign, NULL) != 0 ||
	    sigaction(SIGXFSZ, &ign, NULL) != 0)
		return -1;
	return 0;
}

/* Names in the roles section that are no account or group here: a typo leaves its person
 * without a role, and nothing else would say so. */
static size_t warn_unknown_roles(const struct config *cfg, const char *path)
{
	size_t unknown = 0;
	for (size_t i = 0; i < cfg->nroles; i++) {
		if (config_role_name_known(cfg->roles[i].name))
			continue;
		log_msg(_("%s: roles: %s \"%s\" is no account or group on this machine; it "
			  "gives nobody a role"), path, roles_name(cfg->roles[i].role),
			cfg->roles[i].name);
		unknown++;
	}
	return unknown;
}

/* The configuration at path as the service takes it, said the same at start and in --check:
 * read, what would surprise an administrator logged, and its database (db_path, or the
 * configuration's own) named by an absolute path. NULL (said) when it cannot be used;
 * *unknown: the roles entries unknown on this machine. */
static struct config *read_config(const char *path, const char *db_path, size_t *unknown)
{
	char err[1024];
	struct config *cfg = config_load_file(path, err, sizeof err);
	if (!cfg) {
		log_line(err);
		return NULL;
	}
	if (cfg->nroles == 0)
		log_msg(_("%s names nobody in its roles section: until it does, everyone may "
			  "only raise alarms"), path);
	*unknown = warn_unknown_roles(cfg, path);
	const char *db = db_path ? db_path : cfg->database;
	if (db[0] != '/') {
		log_msg(_("%s: the database must be named by an absolute path"), db);
		config_free(cfg);
		return NULL;
	}
	return cfg;
}

/* balied --check: what start-up would say of the configuration, and no more. */
static int check_config(const char *path)
{
	size_t unknown = 0;
	struct config *cfg = read_config(path, NULL, &unknown);
	if (!cfg)
		return 2;
	int status = 0;
	char line[2048], shown[2048];
	snprintf(line, sizeof line, _("%s: OK (%zu names in the roles section, %zu of them "
				      "unknown here; database %s, socket %s)"),
		 path, cfg->nroles, unknown, cfg->database, cfg->socket);
	(void)text_escape(line, shown, sizeof shown);
	if (printf("%s\n", shown) < 0 || fflush(stdout) != 0)
		status = 2;
	config_free(cfg);
	return status;
}

int main(int argc, char **argv)
{
	i18n_init();
	/* Messages follow each client's language (i18n_use_language), and LANGUAGE for the
	 * command line and --check; either needs a message locale other than "C". */
	if (!setlocale(LC_MESSAGES, "C.UTF-8"))
		(void)setlocale(LC_MESSAGES, "C.utf8");
	struct cli_args a;
	int rc = cli_args_parse(&cli_balied_command, argc - 1, argv + 1, &a);
	if (rc > 0) /* --help, printed from the table */
		printf(_("\nWithout --config: %s\n"), DEFAULT_CONFIG);
	if (rc != 0)
		return rc > 0 && fflush(stdout) == 0 ? 0 : 2;
	if (cli_has(&a, "version")) {
		printf("balied %s\n", VERSION);
		cli_args_free(&a);
		return fflush(stdout) == 0 ? 0 : 2;
	}
	const char *config_path = cli_text(&a, "config"), *db_path = cli_text(&a, "db"),
		   *socket_path = cli_text(&a, "socket");
	if (!config_path)
		config_path = DEFAULT_CONFIG;
	bool init = cli_has(&a, "init"), check = cli_has(&a, "check");
	/* The values point into argv, which lives as long as the process. */
	cli_args_free(&a);
	/* --check only reads the configuration (root may, to check before a restart). */
	if (check)
		return check_config(config_path);
	if (getuid() == 0 || geteuid() == 0) {
		log_msg("%s", _("refusing to run as root: balied runs as its own account (balie); "
				"the systemd unit balied.service starts it so"));
		return 2;
	}
	if (harden() != 0) {
		log_msg("%s: %s", _("start"), strerror(errno));
		return 2;
	}

	size_t unknown = 0;
	struct config *cfg = read_config(config_path, db_path, &unknown);
	if (!cfg)
		return 2;
	if (!db_path)
		db_path = cfg->database;
	if (!socket_path)
		socket_path = cfg->socket;

	char err[1024];

	int status = 2;
	struct store *st = store_open(db_path, init ? STORE_CREATE : 0, err, sizeof err);
	struct service *svc = st ? service_new(st, cfg) : NULL;
	struct stat sb;
	if (!st && stat(db_path, &sb) == 0 && S_ISREG(sb.st_mode)) {
		/* The database is there but cannot be opened (damaged, disk full, read-only):
		 * serve anyway, for the one thing that must never stop — alarms go to the
		 * alarm journal beside it until the database is restored. */
		log_msg(_("%s; serving alarms only (the alarm journal) until it can be opened"),
			err);
		svc = service_new_degraded(db_path, cfg, err);
	}
	struct server *srv = svc && service_jobs_start(svc, err, sizeof err) == 0
				     ? server_new(svc, st, socket_path, err, sizeof err) : NULL;
	if (!srv) {
		log_line(!svc ? (st ? strerror(ENOMEM) : err) : err);
	} else {
		service_set_log(svc, log_line);
		log_msg(_("serving %s on %s"), db_path, socket_path);
		status = server_run(srv, &stop, err, sizeof err) == 0 ? 0 : 2;
		if (status != 0)
			log_line(err);
	}
	server_free(srv);
	service_free(svc);
	store_close(st);
	config_free(cfg);
	return status;
}
