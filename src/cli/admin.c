/* admin — the accountability commands (hr): the audit trail (list, verify), retention
 * (purge), backup and restore in the service's own directory, and a person's data for a
 * subject access request. Data only through the service (client/admin.h). */
#include "autoconfig.h"

#include <errno.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "client/lib.h"
#include "core/lib.h"
#include "i18n.h"
#include "store/lib.h"

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
		return cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
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

/* "ID:HASH" as printed by an earlier verify. 0, or -1 after the message. */
static int parse_head(const char *cmd, const char *s, int64_t *id, char hash[SHA256_HEX_LEN])
{
	const char *colon = strchr(s, ':');
	char num[32];
	size_t n = colon ? (size_t)(colon - s) : 0;
	if (colon && n < sizeof num) {
		memcpy(num, s, n);
		num[n] = '\0';
	}
	bool ok = colon && n < sizeof num && cli_parse_id(num, id) == 0 &&
		  strlen(colon + 1) == SHA256_HEX_LEN - 1;
	for (const char *p = colon ? colon + 1 : ""; ok && *p; p++)
		ok = (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f');
	if (!ok) {
		char esc[256];
		cli_error(_("%s: --head: \"%s\" is not LINE:HASH as 'balie audit --verify' prints "
			    "it"), cmd, cli_esc(s, esc, sizeof esc));
		return -1;
	}
	snprintf(hash, SHA256_HEX_LEN, "%s", colon + 1);
	return 0;
}

static int audit_verify(struct client *cl, const char *cmd, const char *head)
{
	int64_t head_id = 0;
	char head_hash[SHA256_HEX_LEN] = "";
	if (head && parse_head(cmd, head, &head_id, head_hash) != 0)
		return CLI_ERROR;
	struct audit_verify v;
	if (client_audit_verify_head(cl, head_id, head ? head_hash : NULL, &v) != STORE_OK)
		return cli_client_failed(cl, cmd);
	if (v.first_bad) {
		if (v.gap_from)
			cli_error(_("%s: line %lld: the chain is broken: %s (lines %lld to %lld)"),
				  cmd, (long long)v.first_bad, _(v.why), (long long)v.gap_from,
				  (long long)v.gap_to);
		else
			cli_error(_("%s: line %lld: the chain is broken: %s"), cmd,
				  (long long)v.first_bad, _(v.why));
		return CLI_ERROR;
	}
	printf(_("The audit trail is intact: %zu lines checked"), v.lines);
	if (v.unchained)
		printf(_(" (%zu older lines were written before the chain began)"), v.unchained);
	printf(".\n");
	if (v.noted_checked)
		printf(_("Line %lld is there with the hash you noted: nothing up to it was changed, "
			 "removed or cut off.\n"), (long long)head_id);
	if (v.noted_purged)
		printf(_("Line %lld, which you noted, was removed by the retention purge: it could "
			 "not be compared.\n"), (long long)head_id);
	if (v.head_id)
		printf(_("Newest line %lld, hash %s.\nNote them: 'balie audit --verify --head "
			 "%lld:%s' then also shows lines cut off at the end or rewritten.\n"),
		       (long long)v.head_id, v.head_hash, (long long)v.head_id, v.head_hash);
	return CLI_OK;
}

static int audit_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool verify = cli_has(a, "verify");
	if (!verify && cli_has(a, "head"))
		return cli_fail(_("%s: --head goes with --verify"), cmd);
	if (verify && (cli_has(a, "since") || cli_has(a, "actor") || cli_has(a, "action") ||
		       cli_has(a, "object") || cli_has(a, "tsv"))) {
		return cli_fail(_("%s: --verify checks the whole trail and takes no filter"), cmd);
	}
	struct audit_filter f = {
		.actor = cli_text(a, "actor"), .action = cli_text(a, "action"),
		.object = cli_text(a, "object"),
	};
	char since_utc[DATES_UTC_LEN] = "";
	if (cli_has(a, "since")) {
		time_t t;
		if (dates_local_instant(cli_date(a, "since"), 0, &t) != 0)
			return cli_fail(_("%s: --since: \"%s\" is not a date YYYY-MM-DD"), cmd,
					cli_date(a, "since"));
		dates_format_utc(t, since_utc);
		f.since = since_utc;
	}
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	if (verify)
		return audit_verify(cl, cmd, cli_text(a, "head"));
	struct audit_print p = {.tsv = cli_has(a, "tsv")};
	if (client_audit_each(cl, &f, print_line, &p) != STORE_OK)
		return cli_client_failed(cl, cmd);
	cli_list_note(p.tsv, p.count, _("No audit lines."));
	return CLI_OK;
}

/* ------------------------------------------------------------------ purge */

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
	printf(_("  home visits back before %s: %zu\n"), r->visits_before, r->visits);
	printf(_("  incidents before %s pseudonymised (perpetrator, texts): %zu\n"),
	       r->incidents_before, r->incidents);
	printf(_("  kept for repeat offences (pseudonymised): %zu; such traces from before %s "
		 "removed: %zu\n"), r->kept, r->offences_before, r->offences);
}

static int purge_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	bool dry_run = cli_has(a, "dry-run");
	struct client *cl = ctx->client;
	struct purge_report r;
	if (client_purge(cl, dry_run, &r) != STORE_OK)
		return cli_client_failed(cl, a->cmd->name);
	print_report(&r, dry_run);
	return CLI_OK;
}

/* ------------------------------------------------------------------ backup, restore */

/* A word with a slash is a file (direct mode only; the service says so otherwise), any
 * other a backup's name in the service's directory. */
static bool is_path(const char *word)
{
	return strchr(word, '/') != NULL;
}

static int backup_list(struct client *cl, const char *cmd, bool tsv)
{
	struct backup_file *f = NULL;
	size_t n = 0;
	if (client_backup_list(cl, &f, &n) != STORE_OK)
		return cli_client_failed(cl, cmd);
	for (size_t i = 0; i < n; i++) {
		char when[32], size[32];
		cli_local_time(f[i].modified, when, sizeof when);
		snprintf(size, sizeof size, "%" PRId64, f[i].size);
		if (tsv) {
			const char *row[] = {f[i].name, size, when};
			cli_put_tsv_row(stdout, row, sizeof row / sizeof *row);
			continue;
		}
		printf("%s  %12s  ", when, size);
		(void)cli_put_escaped(stdout, f[i].name);
		putchar('\n');
	}
	return cli_list_end(tsv, n, _("No backups yet."), f, CLI_OK);
}

static int backup_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool list = cli_has(a, "list"), force = cli_has(a, "force");
	if (list && (force || a->argc > 0))
		return cli_fail(_("%s: --list takes no name and no --force"), cmd);
	if (!list && cli_has(a, "tsv"))
		return cli_fail(_("%s: --tsv goes with --list"), cmd);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	if (list)
		return backup_list(cl, cmd, cli_has(a, "tsv"));
	const char *word = a->argc > 0 ? a->argv[0] : NULL;
	bool path = word && is_path(word);
	char written[4096], esc[4200];
	if (client_backup(cl, path ? NULL : word, path ? word : NULL, force, written,
			  sizeof written) != STORE_OK)
		return cli_client_failed(cl, cmd);
	if (path)
		printf(_("%s: copy of the database written\n"), cli_esc(written, esc, sizeof esc));
	else
		printf(_("Backup %s written (see 'balie backup --list').\n"),
		       cli_esc(written, esc, sizeof esc));
	return CLI_OK;
}

static int restore_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name, *word = a->argv[0];
	bool path = is_path(word);
	struct client *cl = cli_client(ctx);
	char kept[256], esc[4200], esc2[512];
	if (!cl && ctx->copts.db_path && path) {
		/* Direct mode, and the database cannot even be opened (its first page damaged;
		 * said above): replace the file itself by the checked backup. */
		char why[1024];
		if (store_restore_file(ctx->copts.db_path, word, why, sizeof why) != STORE_OK)
			return cli_fail("%s: %s", cmd, why);
		/* The service records only what a console sees; this line is the store's. */
		char err[1024];
		struct store *st = store_open(ctx->copts.db_path, 0, err, sizeof err);
		const struct passwd *pw = getpwuid(getuid());
		const char *tty = ttyname(STDIN_FILENO);
		if (st)
			store_set_actor(st, pw && pw->pw_name ? pw->pw_name : "?", tty ? tty : "cli");
		if (!st || store_audit(st, "database.restore", word, "ok", "file replaced") !=
			   STORE_OK) {
			cli_error("%s: %s", cmd, st ? store_error(st) : err);
			store_close(st);
			return CLI_ERROR;
		}
		store_close(st);
		printf(_("%s: restored from %s\n"), cli_esc(ctx->copts.db_path, esc, sizeof esc),
		       cli_esc(word, esc2, sizeof esc2));
		return CLI_OK;
	}
	if (!cl)
		return CLI_ERROR;
	if (client_restore(cl, path ? NULL : word, path ? word : NULL, kept, sizeof kept) !=
	    STORE_OK)
		return cli_client_failed(cl, cmd);
	if (*kept)
		printf(_("Restored from %s. The database it replaced is kept as backup %s.\n"),
		       cli_esc(word, esc, sizeof esc), cli_esc(kept, esc2, sizeof esc2));
	else
		printf(_("%s: restored from %s\n"), cli_esc(client_where(cl), esc, sizeof esc),
		       cli_esc(word, esc2, sizeof esc2));
	return CLI_OK;
}

/* ------------------------------------------------------------------ person export */

struct export_state {
	const struct cli_ctx *ctx;
	int64_t id;
	const char *section;
	size_t records;
};

static int print_record(const char *section, int ncols, const char *const *names,
			const char *const *values, void *arg)
{
	struct export_state *e = arg;
	if (e->records == 0) {
		/* The records arrive only after the service recorded the export: a refused
		 * export prints nothing at all. */
		const struct config *cfg = e->ctx->config;
		char today[DATES_DATE_LEN], esc[512];
		cli_today(today);
		printf(_("Everything balie holds about person %lld, as of %s (%s).\n"),
		       (long long)e->id, today,
		       cli_esc(cfg && cfg->municipality ? cfg->municipality : "", esc, sizeof esc));
	}
	if (!e->section || strcmp(e->section, section) != 0) {
		e->section = section;
		size_t len = strlen(section);
		bool guessed = len > 0 && section[len - 1] == '?';
		char esc[256];
		(void)cli_esc(section, esc, sizeof esc);
		if (guessed)
			esc[strlen(esc) - 1] = '\0';
		printf("\n[%s]%s\n", esc,
		       guessed ? _(" (found by name: check that it is this person before handing "
				  "it out)") : "");
	} else {
		putchar('\n');
	}
	e->records++;
	for (int i = 0; i < ncols; i++) {
		fputs("  ", stdout);
		(void)cli_put_escaped(stdout, names[i]);
		fputs(": ", stdout);
		(void)cli_put_escaped(stdout, values[i]);
		putchar('\n');
	}
	return 0;
}

static int person_export_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool by_ban = cli_has(a, "ban");
	int64_t id = a->id;
	struct client *cl = ctx->client;
	if (by_ban && client_person_of_ban(cl, id, &id) != STORE_OK)
		return cli_client_failed(cl, cmd);
	struct export_state e = {.ctx = ctx, .id = id};
	if (client_person_export(cl, id, print_record, &e) != STORE_OK)
		return cli_client_failed(cl, cmd);
	return CLI_OK;
}

/* ------------------------------------------------------------------ tables */

static const struct cli_opt audit_opts[] = {
	{.name = "since", .letter = 's', .type = CLI_DATE, .arg = "DATE", .past = true,
	 .help = N_("lines from this day on")},
	{.name = "actor", .letter = 'u', .type = CLI_TEXT, .arg = "USER", .max = 1024,
	 .help = N_("lines of this login user")},
	{.name = "action", .letter = 'a', .type = CLI_TEXT, .arg = "ACTION", .max = 1024,
	 .help = N_("this action, or a family: ban also matches ban.lift")},
	{.name = "object", .letter = 'o', .type = CLI_TEXT, .arg = "OBJECT", .max = 1024,
	 .help = N_("lines about exactly this object (ban:12, person:3)")},
	{.name = "tsv", .letter = 't', .type = CLI_FLAG,
	 .help = N_("tab-separated: id, time (UTC), actor, terminal, action, object, result, "
		    "detail")},
	{.name = "verify", .letter = 'v', .type = CLI_FLAG,
	 .help = N_("recompute the hash chain: exit 0 intact, 2 broken (the first line that "
		    "does not fit is named)")},
	{.name = "head", .type = CLI_TEXT, .arg = "LINE:HASH", .max = 128,
	 .help = N_("with --verify: the newest line and hash an earlier check printed; shows "
		    "lines cut off at the end")},
	{.name = NULL},
};
static const struct cli_opt purge_opts[] = {
	{.name = "dry-run", .letter = 'n', .type = CLI_FLAG,
	 .help = N_("only show the counts")},
	{.name = NULL},
};
static const struct cli_opt backup_opts[] = {
	{.name = "force", .letter = 'f', .type = CLI_FLAG,
	 .help = N_("replace an existing backup of that name")},
	{.name = "list", .letter = 'l', .type = CLI_FLAG,
	 .help = N_("list the backups in the service's directory, oldest first")},
	{.name = "tsv", .letter = 't', .type = CLI_FLAG,
	 .help = N_("with --list, tab-separated: name, size in bytes, modified (local time)")},
	{.name = NULL},
};
static const struct cli_opt person_opts[] = {
	{.name = "ban", .letter = 'b', .type = CLI_FLAG,
	 .help = N_("ID is a ban's id: export the person it belongs to")},
	{.name = NULL},
};

const struct cli_command cli_admin_commands[] = {
	{.name = "audit", .opts = audit_opts, .run = audit_run,
	 .summary = N_("List the audit trail, oldest first (hr): time, actor, terminal, action, "
		       "object,\nresult, detail. Reading it is recorded too."),
	 .more = N_("--verify checks that every line is unchanged, linked to the one before "
		    "it and\nnumbered without a gap; --head also checks a line noted earlier.")},
	{.name = "purge", .opts = purge_opts, .run = purge_run, .session_first = true,
	 .summary = N_("Remove what is past its retention period (section retention of the "
		       "service's\nconfiguration), in one step, recorded with the counts (hr).")},
	{.name = "backup", .args = N_("[NAME]"), .opts = backup_opts, .max_args = 1,
	 .run = backup_run,
	 .summary = N_("Write a consistent copy of the database, mode 0600, into the service's "
		       "backup\ndirectory while the consoles keep working (hr). Without NAME the "
		       "service\nnames it by the time. An existing backup is kept unless "
		       "--force."),
	 .more = N_("NAME is a plain file name (letters, digits, '.', '-', '_'). With --db FILE "
		    "(direct\nmode) a PATH holding a slash writes that file instead; never over "
		    "the database\nitself.")},
	{.name = "restore", .args = N_("NAME"), .min_args = 1, .max_args = 1, .run = restore_run,
	 .summary = N_("Replace the database by the backup NAME after checking it (integrity, "
		       "schema\nversion); nothing is replaced when the check fails (hr). The "
		       "replaced database\nis kept as a backup of its own, and the consoles are "
		       "told."),
	 .more = N_("With --db FILE (direct mode) a PATH holding a slash names the backup "
		    "file.")},
	{.name = "person export", .args = N_("ID"), .opts = person_opts, .min_args = 1,
	 .max_args = 1, .run = person_export_run, .id_arg = CLI_RECORD_ANY, .session_first = true,
	 .summary = N_("Print everything balie holds about one person (the person, bans, their "
		       "history,\nexceptions and notices, appointments and audit lines naming "
		       "them), for a\nrequest under article 15 of the GDPR (AVG). hr only; the "
		       "export is recorded.")},
	{.name = NULL},
};
