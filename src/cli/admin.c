/* cli_admin — the HR commands of issue 7: the audit trail (list, verify), retention (purge),
 * backup and restore, and a person's data for a subject access request. */
#include "autoconfig.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/dates.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/backup.h"
#include "store/db.h"
#include "store/purge.h"

bool cli_path_allowed(const struct cli_ctx *ctx, const char *what, const char *path)
{
	if (!ctx->privileged)
		return true;
	char dir[PATH_MAX], real[PATH_MAX], base[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	snprintf(base, sizeof base, "%s", path);
	const char *data = ctx->data_dir ? ctx->data_dir : "";
	char data_real[PATH_MAX];
	size_t n = 0;
	bool ok = realpath(dirname(dir), real) && realpath(data, data_real) &&
		  strcmp(basename(base), "..") != 0 && strcmp(basename(base), ".") != 0;
	if (ok) {
		n = strlen(data_real);
		ok = strncmp(real, data_real, n) == 0 && (real[n] == '\0' || real[n] == '/');
	}
	if (!ok)
		cli_error(_("%s: %s: refused: balie runs with the rights of its own account, so "
			    "it only uses files inside %s"), what, path, data);
	return ok;
}

/* printf to stdout with the result escaped: file names may hold anything. */
static void print_escaped(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void print_escaped(const char *fmt, ...)
{
	char buf[8192];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n >= 0)
		(void)cli_put_escaped(stdout, buf);
	putchar('\n');
}

/* ------------------------------------------------------------------ audit */

struct audit_print {
	bool tsv;
	size_t count;
};

static int print_line(const struct audit_line *l, void *arg)
{
	struct audit_print *p = arg;
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)l->id);
	p->count++;
	if (p->tsv) {
		const char *f[] = {id, l->at, l->actor, l->terminal, l->action, l->object,
				   l->result, l->detail};
		for (size_t i = 0; i < sizeof f / sizeof *f; i++)
			if (cli_put_tsv(stdout, f[i], i + 1 == sizeof f / sizeof *f) != 0)
				return -1;
		return 0;
	}
	char when[DATES_DATE_LEN + 8] = "";
	time_t t;
	if (dates_parse_utc(l->at, &t) == 0)
		cli_local_time(t, when, sizeof when);
	printf("%6s  %s  ", id, when);
	const char *f[] = {l->actor, l->terminal, l->action, l->object, l->result};
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		(void)cli_put_escaped(stdout, *f[i] ? f[i] : "-");
		putchar(' ');
	}
	if (*l->detail) {
		putchar(' ');
		(void)cli_put_escaped(stdout, l->detail);
	}
	return putchar('\n') == EOF ? -1 : 0;
}

static int audit_verify(struct store *st)
{
	struct audit_verify v;
	if (store_audit_verify(st, &v) != STORE_OK)
		return cli_store_failed(st, "audit --verify");
	char detail[160];
	if (v.first_bad) {
		cli_error(_("audit --verify: line %lld: the chain is broken: %s"),
			  (long long)v.first_bad, _(v.why));
		snprintf(detail, sizeof detail, "broken at line %lld", (long long)v.first_bad);
		(void)store_audit(st, "audit.verify", "audit", "broken", detail);
		return CLI_ERROR;
	}
	printf(_("The audit trail is intact: %zu lines checked"), v.lines);
	if (v.unchained)
		printf(_(" (%zu older lines were written before the chain began)"), v.unchained);
	printf(".\n");
	if (v.head_id)
		printf(_("Newest line %lld, hash %s (note it: a later check can then also show "
			 "lines cut off at the end).\n"), (long long)v.head_id, v.head_hash);
	snprintf(detail, sizeof detail, "%zu lines, head %lld", v.lines, (long long)v.head_id);
	if (store_audit(st, "audit.verify", "audit", "intact", detail) != STORE_OK)
		return cli_store_failed(st, "audit --verify");
	return CLI_OK;
}

int cli_audit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"since", required_argument, NULL, 's'},
		{"actor", required_argument, NULL, 'u'},
		{"action", required_argument, NULL, 'a'},
		{"object", required_argument, NULL, 'o'},
		{"tsv", no_argument, NULL, 't'},
		{"verify", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "audit";
	struct audit_filter f = {0};
	const char *since = NULL;
	bool tsv = false, verify = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 's': since = optarg; break;
		case 'u': f.actor = optarg; break;
		case 'a': f.action = optarg; break;
		case 'o': f.object = optarg; break;
		case 't': tsv = true; break;
		case 'v': verify = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] audit [--since DATE] [--actor USER] "
				 "[--action ACTION] [--object OBJECT] [--tsv]\n"
				 "       balie [--db FILE] audit --verify\n"
				 "List the audit trail, oldest first (HR only): time, actor, terminal,\n"
				 "action, object, result, detail. --action ban also matches ban.lift.\n"
				 "--tsv: id, time (UTC), actor, terminal, action, object, result, detail.\n"
				 "--verify recomputes the hash chain: exit 0 intact, 2 broken (the first\n"
				 "line that does not fit is named).\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	char since_utc[DATES_UTC_LEN] = "";
	if (since) {
		time_t t;
		if (dates_local_instant(since, 0, &t) != 0) {
			cli_error(_("%s: --since: \"%s\" is not a date YYYY-MM-DD"), cmd, since);
			return CLI_ERROR;
		}
		dates_format_utc(t, since_utc);
		f.since = since_utc;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	if (verify) {
		status = audit_verify(st);
	} else {
		struct audit_print p = {.tsv = tsv};
		if (store_audit_each(st, &f, print_line, &p) != STORE_OK)
			status = cli_store_failed(st, cmd);
		if (!tsv && status == CLI_OK && p.count == 0)
			printf("%s\n", _("No audit lines."));
		char *args = cli_join(argc - 1, argv + 1);
		/* Reading the trail is itself recorded: it holds who looked for whom. */
		if (store_audit(st, "audit.list", "audit", status == CLI_OK ? "ok" : "error",
				args ? args : "") != STORE_OK && status == CLI_OK)
			status = cli_store_failed(st, cmd);
		free(args);
	}
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ purge */

static void policy_from(const struct config *cfg, struct purge_policy *p)
{
	p->bans_months = cfg->retention.bans_months;
	p->alarms_months = cfg->retention.alarms_months;
	p->presence_months = cfg->retention.presence_months;
	p->appointments_months = cfg->retention.appointments_months;
	p->audit_months = cfg->retention.audit_months;
}

/* Print what a purge did (or would do). */
static void print_report(const struct purge_report *r, bool dry_run)
{
	printf("%s\n", dry_run ? _("balie purge --dry-run: this would be removed:")
			       : _("Removed, as their retention period is over:"));
	printf(_("  bans that ended before %s: %zu (persons with them: %zu)\n"), r->bans_before,
	       r->bans, r->persons);
	printf(_("  alarms raised before %s: %zu\n"), r->alarms_before, r->alarms);
	printf(_("  presence (check-ins) before %s: %zu\n"), r->presence_before, r->presence);
	printf(_("  appointments before %s: %zu\n"), r->appointments_before, r->appointments);
	printf(_("  audit lines before %s: %zu\n"), r->audit_before, r->audit);
}

int cli_purge(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "purge";
	bool dry_run = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":hn", opts, cmd)) != -1) {
		switch (c) {
		case 'n': dry_run = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] purge [--dry-run]\n"
				 "Remove what is past its retention period (section retention of\n"
				 "balie.conf): bans and their persons, alarms, presence, appointments,\n"
				 "audit lines. Recorded in the audit trail. --dry-run only shows the\n"
				 "counts. The console does this once a day at start-up. HR only.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	struct purge_policy p;
	struct purge_report r;
	char today[DATES_DATE_LEN];
	policy_from(ctx->config, &p);
	cli_today(today);
	int status = CLI_OK;
	if (store_purge(st, &p, today, dry_run, &r) != STORE_OK)
		status = cli_store_failed(st, cmd);
	else
		print_report(&r, dry_run);
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ backup, restore */

int cli_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "backup";
	bool force = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":hf", opts, cmd)) != -1) {
		switch (c) {
		case 'f': force = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] backup [--force] FILE\n"
				 "Write a consistent copy of the database to FILE (mode 0600) while the\n"
				 "consoles keep working. An existing FILE is kept unless --force. HR only.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the file to write"));
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	const char *dest = argv[optind];
	if (!cli_path_allowed(ctx, cmd, dest))
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	if (store_backup(st, dest, force) != STORE_OK)
		status = cli_store_failed(st, cmd);
	else
		print_escaped(_("%s: copy of %s written"), dest, store_path(st));
	store_close(st);
	return status;
}

int cli_restore(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "restore";
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'h':
			printf(_("Usage: balie [--db FILE] restore FILE\n"
				 "Replace the database by the backup FILE, after checking it (integrity,\n"
				 "schema version); nothing is replaced when the check fails. Everything\n"
				 "written since the backup is lost. HR only.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the backup file"));
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	const char *src = argv[optind];
	if (!cli_path_allowed(ctx, cmd, src))
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	if (store_restore(st, src) != STORE_OK)
		status = cli_store_failed(st, cmd);
	else
		print_escaped(_("%s: restored from %s"), store_path(st), src);
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ person export */

struct export_state {
	const char *section;
	size_t records;
};

static int print_record(const char *section, int ncols, const char *const *names,
			const char *const *values, void *arg)
{
	struct export_state *e = arg;
	if (!e->section || strcmp(e->section, section) != 0) {
		e->section = section;
		size_t len = strlen(section);
		bool guessed = len > 0 && section[len - 1] == '?';
		printf("\n[%.*s]%s\n", (int)(len - guessed), section,
		       guessed ? _(" (found by name: check that it is this person before handing "
				  "it out)") : "");
	} else {
		putchar('\n');
	}
	e->records++;
	for (int i = 0; i < ncols; i++) {
		printf("  %s: ", names[i]);
		(void)cli_put_escaped(stdout, values[i]);
		putchar('\n');
	}
	return 0;
}

int cli_person(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"ban", no_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "person export";
	if (argc < 2)
		return cli_error_missing("person", _("a command (export)"));
	bool usage = strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0;
	if (!usage && strcmp(argv[1], "export") != 0) {
		cli_error(_("person: unknown command '%s' (see 'balie person --help')"), argv[1]);
		return CLI_ERROR;
	}
	bool by_ban = false;
	int c;
	cli_getopt_begin();
	while (!usage && (c = cli_getopt(argc - 1, argv + 1, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'b': by_ban = true; break;
		case 'h': usage = true; break;
		default: return CLI_ERROR;
		}
	}
	if (usage) {
		printf(_("Usage: balie [--db FILE] person export ID\n"
			 "       balie [--db FILE] person export --ban BAN-ID\n"
			 "Print everything balie holds about one person (the person, bans, their\n"
			 "history, exceptions and notices, appointments and audit lines naming\n"
			 "them), for a request under article 15 of the GDPR (AVG). HR only.\n"));
		return CLI_OK;
	}
	int64_t id;
	int rest = optind + 1; /* getopt ran on argv + 1 */
	if (rest >= argc)
		return cli_error_missing(cmd, by_ban ? _("a ban id") : _("a person id"));
	if (rest + 1 < argc)
		return cli_error_extra(cmd, argv[rest + 1]);
	if (cli_parse_id(argv[rest], &id) != 0) {
		cli_error(_("%s: \"%s\" is not an id"), cmd, argv[rest]);
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	if (by_ban && store_person_of_ban(st, id, &id) != STORE_OK) {
		status = cli_store_failed(st, cmd);
		store_close(st);
		return status;
	}
	char today[DATES_DATE_LEN], object[64];
	cli_today(today);
	snprintf(object, sizeof object, "person:%lld", (long long)id);
	printf(_("Everything balie holds about person %lld, as of %s (%s).\n"), (long long)id,
	       today, ctx->config && ctx->config->municipality ? ctx->config->municipality : "");
	struct export_state e = {0};
	if (store_person_export(st, id, print_record, &e) != STORE_OK)
		status = cli_store_failed(st, cmd);
	/* The export is recorded: the subject may ask who saw their data, HR included. */
	if (store_audit(st, "person.export", object, status == CLI_OK ? "ok" : "error", "") !=
	    STORE_OK && status == CLI_OK)
		status = cli_store_failed(st, cmd);
	store_close(st);
	return status;
}
