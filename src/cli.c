/* cli — dispatch of the non-interactive subcommands and what they share. */
#include "autoconfig.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "core/text.h"
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

void cli_getopt_begin(void)
{
	/* optind = 0 makes glibc re-initialise its scanner for a new argument vector. */
	optind = 0;
	opterr = 0;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
	       const char *cmd)
{
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c == '?' || c == ':') {
		char shortname[3] = {'-', (char)optopt, '\0'};
		int i = optind - 1 < argc ? optind - 1 : argc - 1;
		const char *opt = i > 0 && (strncmp(argv[i], "--", 2) == 0 || optopt <= 0)
			? argv[i] : shortname;
		if (c == ':')
			cli_error(_("%s: option '%s' needs an argument"), cmd, opt);
		else
			cli_error(_("%s: unknown option '%s' (see 'balie %s --help')"), cmd, opt,
				  cmd);
		return '?';
	}
	return c;
}

int cli_store_failed(struct store *st, const char *cmd)
{
	cli_error("%s: %s", cmd, store_error(st));
	return CLI_ERROR;
}

int cli_error_extra(const char *cmd, const char *arg)
{
	cli_error(_("%s: unexpected argument '%s'"), cmd, arg);
	return CLI_ERROR;
}

int cli_error_missing(const char *cmd, const char *what)
{
	cli_error(_("%s: missing %s (see 'balie %s --help')"), cmd, what, cmd);
	return CLI_ERROR;
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
