/* cli — dispatch of the non-interactive subcommands and what they share. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/ban.h"
#include "cli/cli.h"
#include "cli/incident.h"
#include "clock.h"
#include "core/lib.h"
#include "i18n.h"


__attribute__((format(printf, 1, 0)))
static void verror(const char *fmt, va_list ap)
{
	/* Messages quote user input (arguments, file contents): escaped as a whole, so no
	 * message can carry a terminal escape sequence or bidi control (issue 7). */
	char buf[2048];
	if (vsnprintf(buf, sizeof buf, fmt, ap) < 0)
		buf[0] = '\0';
	fprintf(stderr, "%s: ", PACKAGE);
	(void)cli_put_escaped(stderr, buf);
	fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
}

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	return CLI_ERROR;
}

struct client *cli_client(struct cli_ctx *ctx)
{
	if (ctx->client)
		return ctx->client;
	char err[1024];
	ctx->client = client_open(&ctx->copts, err, sizeof err);
	if (!ctx->client)
		cli_error("%s", err);
	return ctx->client;
}

int cli_client_failed(struct client *cl, const char *cmd)
{
	return cli_fail("%s: %s", cmd, client_error(cl));
}

int cli_record_failed(struct client *cl, const char *cmd, enum cli_record r, int64_t id,
		      enum store_status s)
{
	if (s != STORE_NOT_FOUND)
		return cli_client_failed(cl, cmd);
	long long n = (long long)id;
	switch (r) {
	case CLI_RECORD_ALARM: return cli_fail(_("%s: alarm %lld: no such alarm"), cmd, n);
	case CLI_RECORD_BAN: return cli_fail(_("ban %lld: no such ban"), n);
	case CLI_RECORD_INCIDENT: return cli_fail(_("incident %lld: no such incident"), n);
	case CLI_RECORD_NOTICE: return cli_fail(_("notice %lld: no such notice"), n);
	case CLI_RECORD_PERSON: return cli_fail(_("person %lld: no such person"), n);
	default: return cli_client_failed(cl, cmd);
	}
}

int cli_id_failed(struct client *cl, const struct cli_args *a, enum store_status s)
{
	return cli_record_failed(cl, a->cmd->name, a->cmd->id_arg, a->id, s);
}

const char *cli_esc(const char *s, char *buf, size_t bufsz)
{
	return text_shown(s, buf, bufsz);
}

int cli_put_tsv_row(FILE *out, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cli_put_tsv(out, fields[i], i + 1 == n) != 0)
			return -1;
	return 0;
}

void cli_list_note(bool tsv, size_t n, const char *note)
{
	if (!tsv && n == 0)
		printf("%s\n", note);
}

int cli_list_end(bool tsv, size_t n, const char *note, void *rows, int status)
{
	cli_list_note(tsv, n, note);
	free(rows);
	return status;
}

int cli_error_extra(const char *cmd, const char *arg)
{
	return cli_fail(_("%s: unexpected argument '%s'"), cmd, arg);
}

int cli_error_missing(const char *cmd, const char *what)
{
	return cli_fail(_("%s: missing %s (see 'balie %s --help')"), cmd, what, cmd);
}

int cli_check_text(const char *cmd, const char *opt, char *v, size_t max, bool allow_empty)
{
	text_trim(v);
	enum text_problem p = text_check(v, max, allow_empty);
	if (p == TEXT_OK)
		return 0;
	char why[128];
	cli_error("%s: %s: %s", cmd, opt, text_problem_said(p, v, max, why, sizeof why));
	return -1;
}

int cli_take_text(const char *cmd, const char *opt, char *v, bool allow_empty, char *out,
		  size_t outsz)
{
	text_trim(v);
	enum text_problem p = text_check(v, outsz - 1, allow_empty);
	if (p == TEXT_EMPTY) {
		(void)cli_error_missing(cmd, opt); /* always CLI_ERROR */
		return -1;
	}
	if (p != TEXT_OK) {
		char why[128];
		cli_error("%s: %s: %s", cmd, opt, text_problem_said(p, v, outsz - 1, why, sizeof why));
		return -1;
	}
	snprintf(out, outsz, "%s", v);
	return 0;
}

int cli_parse_id(const char *s, int64_t *out)
{
	if (!s || *s < '1' || *s > '9')
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v <= 0)
		return -1;
	*out = (int64_t)v;
	return 0;
}

int cli_take_date(const char *cmd, const char *opt, const char *v, enum dates_century c,
		  char out[DATES_DATE_LEN])
{
	if (v && cli_read_date(v, c, out) == 0)
		return 0;
	char esc[128];
	(void)text_escape(v ? v : "", esc, sizeof esc);
	cli_error(_("%s: --%s: \"%s\" is not a date (such as 3-2-2027 or 2027-02-03)"), cmd,
		  opt[0] == '-' && opt[1] == '-' ? opt + 2 : opt, esc);
	return -1;
}

int cli_take_local_time(const char *cmd, const char *opt, const char *v, time_t *out)
{
	char esc[128];
	(void)text_escape(v ? v : "", esc, sizeof esc);
	enum dates_local_read r = dates_read_local(v, NULL, out);
	if (r == DATES_LOCAL_MALFORMED) {
		cli_error(_("%s: %s: \"%s\" is not a time \"YYYY-MM-DD HH:MM\""), cmd, opt, esc);
		return -1;
	}
	if (r != DATES_LOCAL_OK) {
		cli_error(_("%s: %s: %s does not exist (the clocks go forward then)"), cmd, opt,
			  esc);
		return -1;
	}
	return 0;
}

void cli_local_time(time_t t, char *out, size_t outsz)
{
	char d[DATES_DATE_LEN], hm[6];
	dates_local_date(t, d);
	dates_local_hm(t, hm);
	snprintf(out, outsz, "%s %s", d, hm);
}

int cli_read_date(const char *v, enum dates_century c, char out[DATES_DATE_LEN])
{
	char today[DATES_DATE_LEN];
	cli_today(today);
	return dates_read(v, today, c, out);
}

void cli_today(char out[DATES_DATE_LEN])
{
	dates_local_date(clock_now(), out);
}

char *cli_join(int argc, char **argv)
{
	size_t len = 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *s = malloc(len);
	if (!s)
		return NULL;
	*s = '\0';
	char *p = s;
	for (int i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]);
		if (i > 0)
			*p++ = ' ';
		memcpy(p, argv[i], n);
		p += n;
		*p = '\0';
	}
	return s;
}

char *cli_join_text(const char *cmd, const char *what, int argc, char **argv, size_t max)
{
	char *s = cli_join(argc, argv);
	if (!s) {
		cli_error("%s: %s", cmd, strerror(ENOMEM));
		return NULL;
	}
	if (cli_check_text(cmd, what, s, max, false) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

int cli_put_escaped(FILE *out, const char *s)
{
	char buf[512];
	size_t need = text_escape(s, buf, sizeof buf);
	if (need < sizeof buf)
		return fputs(buf, out) == EOF ? -1 : 0;
	char *big = malloc(need + 1);
	if (!big)
		return -1;
	(void)text_escape(s, big, need + 1);
	int rc = fputs(big, out) == EOF ? -1 : 0;
	free(big);
	return rc;
}

int cli_put_tsv(FILE *out, const char *s, bool last)
{
	if (cli_put_escaped(out, s ? s : "") != 0)
		return -1;
	return putc(last ? '\n' : '\t', out) == EOF ? -1 : 0;
}

void cli_person_name(const char *given, const char *prefix, const char *surname, char *out,
		     size_t outsz)
{
	const char *parts[] = {given, prefix, surname};
	size_t len = 0;
	if (outsz == 0)
		return;
	*out = '\0';
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		int n = snprintf(out + len, outsz - len, "%s%s", len ? " " : "", parts[i]);
		if (n < 0 || (size_t)n >= outsz - len)
			return; /* truncated: still NUL-terminated by snprintf */
		len += (size_t)n;
	}
}

/* init: in direct mode create the file (mode 0660) or bring its schema up to date; through
 * the service, report the schema of the shared database (balied keeps it up to date). */
static int init_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	(void)a;
	ctx->copts.create = true;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int version = 0;
	char path[4096] = "";
	if (client_schema(cl, &version, path, sizeof path) != STORE_OK)
		return cli_client_failed(cl, "init");
	if (*path) {
		(void)cli_put_escaped(stdout, path);
		printf(_(": schema version %d\n"), version);
	} else {
		printf(_("the service's database: schema version %d\n"), version);
	}
	return CLI_OK;
}

const struct cli_command cli_init_commands[] = {
	{.name = "init", .run = init_run,
	 .summary = N_("Create the database (mode 0660) or bring its schema up to date.")},
	{.name = NULL},
};

/* The commands declared as option tables; they reach the data through the service, which
 * checks the role on the parsed request. In the order balie --help lists them: the desk's
 * first, the accountability commands (hr) last. */
static const struct cli_command *const tables[] = {
	cli_init_commands,
	cli_check_commands,
	cli_ban_commands,
	cli_ban_import_commands,
	cli_ban_lifecycle_commands,
	cli_ban_letter_commands,
	cli_ban_exception_commands,
	cli_alarm_commands,
	cli_appt_commands,
	cli_staff_commands,
	cli_visit_commands,
	cli_incident_commands,
	cli_incident_due_commands,
	cli_report_commands,
	cli_admin_commands,
};

const struct cli_command *const *cli_command_tables(size_t *n)
{
	*n = sizeof tables / sizeof *tables;
	return tables;
}

/* Command groups, for "balie GROUP --help" and for naming an unknown subcommand. */
static const struct {
	const char *name;
	const char *summary;
} groups[] = {
	{"alarm", N_("The porters' alarm queue.")},
	{"appt", N_("Appointments and risky meetings.")},
	{"staff", N_("The support team (porters, BOAs) and counter staff.")},
	{"visit", N_("The home-visit back-up board: who is out, where, until when.")},
	{"person", N_("A person's data, for an access request (hr).")},
	{"ban", N_("The list of entry bans and warnings.")},
	{"ban exception", N_("Exceptions during a ban: a representative, an appointment.")},
	{"incident", N_("Incidents: registration (anyone), follow-up and completion (manager, "
			"HR).")},
};

/* How many leading words of argv the group name ("ban exception") is, or 0. */
static int group_words(const char *name, int argc, char **argv)
{
	int w = 0;
	for (const char *p = name; *p; w++) {
		size_t len = strcspn(p, " ");
		if (w >= argc || strlen(argv[w]) != len || strncmp(argv[w], p, len) != 0)
			return 0;
		p += len + (p[len] == ' ');
	}
	return w;
}

/* argv names a group but no command of it: its help, or what is missing or unknown. 1 when
 * argv is no group either (nothing done), else 0 with the exit status in *status. */
static int run_group(int argc, char **argv, int *status)
{
	size_t best = 0;
	int k = 0;
	for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
		int w = group_words(groups[g].name, argc, argv);
		if (w > k) {
			k = w;
			best = g;
		}
	}
	if (k == 0)
		return 1;
	const char *name = groups[best].name;
	*status = CLI_ERROR;
	if (argc <= k) {
		cli_error(_("%s: missing a command (see 'balie %s --help')"), name, name);
	} else if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
		cli_group_help(stdout, name, groups[best].summary, tables,
			       sizeof tables / sizeof *tables);
		*status = CLI_OK;
	} else {
		char esc[128];
		(void)text_escape(argv[k], esc, sizeof esc);
		cli_error(_("%s: unknown command '%s' (see 'balie %s --help')"), name, esc, name);
	}
	return 0;
}

/* The group command name belongs to: the longest of groups[] it starts with as whole
 * words ("ban exception add": "ban exception"), or -1. */
static int group_of(const char *name)
{
	int best = -1;
	size_t bestlen = 0;
	for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
		size_t len = strlen(groups[g].name);
		if (len > bestlen && strncmp(name, groups[g].name, len) == 0 && name[len] == ' ') {
			best = (int)g;
			bestlen = len;
		}
	}
	return best;
}

/* "alarm raise|ack|resolve|false|cancelled|list ...": group g and its commands. */
static void group_synopsis(int g, char *out, size_t outsz)
{
	size_t glen = strlen(groups[g].name), len = 0;
	char words[256] = "";
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		for (const struct cli_command *c = tables[t]; c->name; c++) {
			if (group_of(c->name) != g)
				continue;
			const char *word = c->name + glen + 1; /* past the group's name */
			(void)text_join(words, sizeof words, &len, "|", word, strlen(word));
		}
	}
	if (snprintf(out, outsz, "%s %s ...", groups[g].name, words) >= (int)outsz)
		snprintf(out, outsz, "%s ...", groups[g].name);
}

void cli_usage(FILE *out)
{
	cli_command_help(out, &cli_global_command);
	fprintf(out, "\n%s\n", _("Commands:"));
	bool shown[sizeof groups / sizeof *groups] = {false};
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		for (const struct cli_command *c = tables[t]; c->name; c++) {
			int g = group_of(c->name);
			char left[256];
			if (g < 0) {
				snprintf(left, sizeof left, "%s%s%s", c->name, c->args ? " " : "",
					 c->args ? _(c->args) : "");
				cli_help_line(out, left, c->summary, true);
			} else if (!shown[g]) {
				group_synopsis(g, left, sizeof left);
				cli_help_line(out, left, groups[g].summary, false);
				shown[g] = true;
			}
		}
	}
	fputs(_("\nRun 'balie COMMAND --help' for the options of a command.\n"
		"Exit status: 0 success (check: visitor clear), 1 check found a candidate,\n"
		"2 error.\n"),
	      out);
}

/* Run argv as a table command: 1 when argv[0] is not one of them (nothing done), else the
 * exit status in *status. */
static int run_table_command(struct cli_ctx *ctx, int argc, char **argv, int *status)
{
	const struct cli_command *cmd = NULL;
	int used = 0;
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		int u = 0;
		const struct cli_command *c = cli_command_find(tables[t], argc, argv, &u);
		if (c && u > used) {
			cmd = c;
			used = u;
		}
	}
	if (!cmd)
		return run_group(argc, argv, status);
	struct cli_args a;
	int rc = cli_args_parse(cmd, argc - used, argv + used, &a);
	if (rc != 0) {
		*status = rc > 0 ? CLI_OK : CLI_ERROR;
		return 0;
	}
	if (cmd->session_first && !cli_client(ctx))
		*status = CLI_ERROR;
	else
		*status = cmd->run(ctx, &a);
	cli_args_free(&a);
	return 0;
}

int cli_run(struct cli_ctx *ctx, int argc, char **argv)
{
	int status;
	if (run_table_command(ctx, argc, argv, &status) == 0)
		return status;
	char esc[128];
	(void)text_escape(argv[0], esc, sizeof esc);
	return cli_fail(_("unknown command '%s' (see 'balie --help')"), esc);
}
