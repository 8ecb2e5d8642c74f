/* opts — parsing the options of one command from its table, and the help texts made from
 * the same table (see opts.h). */
#include "autoconfig.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "core/lib.h"
#include "i18n.h"

static size_t opt_count(const struct cli_opt *o)
{
	size_t n = 0;
	while (o && o[n].name)
		n++;
	return n;
}

/* The index of the option called name in cmd's table; aborts when there is none, as that
 * is a mistake in the program, not in the input. */
static size_t opt_index(const struct cli_args *a, const char *name)
{
	const struct cli_opt *o = a->cmd->opts;
	for (size_t i = 0; o && o[i].name; i++)
		if (strcmp(o[i].name, name) == 0)
			return i;
	abort();
}

bool cli_has(const struct cli_args *a, const char *name)
{
	return a->given[opt_index(a, name)];
}

const char *cli_text(const struct cli_args *a, const char *name)
{
	size_t i = opt_index(a, name);
	return a->given[i] ? a->text[i] : NULL;
}

const char *cli_date(const struct cli_args *a, const char *name)
{
	size_t i = opt_index(a, name);
	return a->given[i] ? a->date[i] : NULL;
}

int64_t cli_num(const struct cli_args *a, const char *name, int64_t absent)
{
	size_t i = opt_index(a, name);
	return a->given[i] ? a->num[i] : absent;
}

int cli_choice(const struct cli_args *a, const char *name, int absent)
{
	size_t i = opt_index(a, name);
	return a->given[i] ? (int)a->num[i] : absent;
}

/* An error of the parser: "balie: ban list: ..." for a command; for a program's own options
 * (cmd->program, the table named after the program) "balie: ...", the program's name being
 * the message's first word already. */
__attribute__((format(printf, 2, 3)))
static void opt_error(const struct cli_command *cmd, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	if (vsnprintf(buf, sizeof buf, fmt, ap) < 0)
		buf[0] = '\0';
	va_end(ap);
	if (!cmd->program) {
		cli_error("%s", buf);
		return;
	}
	(void)cli_put_escaped(stderr, buf);
	fputc('\n', stderr);
}

/* What to run for cmd's help: "balie ban list", or the program ("balie"). */
static const char *help_command(const struct cli_command *cmd, char *buf, size_t bufsz)
{
	if (cmd->program)
		return cmd->name;
	snprintf(buf, bufsz, "%s %s", PACKAGE, cmd->name);
	return buf;
}

void cli_args_free(struct cli_args *a)
{
	free(a->argv);
	a->argv = NULL;
	a->argc = 0;
}

int cli_record_id(const struct cli_args *a, enum cli_record r, int64_t *id)
{
	if (cli_parse_id(a->argv[0], id) == 0)
		return 0;
	char esc[128];
	(void)text_escape(a->argv[0], esc, sizeof esc);
	cli_error(r == CLI_RECORD_ALARM ? _("%s: \"%s\" is not an alarm id")
		  : r == CLI_RECORD_APPT ? _("%s: \"%s\" is not an appointment id")
		  : r == CLI_RECORD_BAN ? _("%s: \"%s\" is not a ban id")
		  : r == CLI_RECORD_INCIDENT ? _("%s: \"%s\" is not an incident id")
		  : r == CLI_RECORD_VISIT ? _("%s: \"%s\" is not a visit id")
		  : _("%s: \"%s\" is not an id"), a->cmd->name, esc);
	return -1;
}

/* "panic, robbery or test" */
static void choice_list(const char *const *c, char *out, size_t outsz)
{
	size_t len = 0;
	*out = '\0';
	for (size_t i = 0; c[i]; i++) {
		const char *sep = i == 0 ? "" : c[i + 1] ? ", " : _(" or ");
		int k = snprintf(out + len, outsz - len, "%s%s", sep, c[i]);
		if (k < 0 || (size_t)k >= outsz - len)
			return;
		len += (size_t)k;
	}
}

/* Check and keep the value of option i. 0, or -1 after the message. */
static int take_value(const struct cli_command *cmd, size_t i, char *v, struct cli_args *a)
{
	const struct cli_opt *o = &cmd->opts[i];
	char shown[128];
	(void)text_escape(v, shown, sizeof shown);
	switch (o->type) {
	case CLI_FLAG:
		break;
	case CLI_TEXT:
	case CLI_LINES: {
		text_trim(v);
		size_t max = o->max ? o->max : 1024;
		enum text_problem p = o->type == CLI_TEXT ? text_check(v, max, o->allow_empty)
							  : text_check_lines(v, max, o->allow_empty);
		if (p != TEXT_OK) {
			char why[128];
			opt_error(cmd, "%s: --%s: %s", cmd->name, o->name,
				  text_problem_said(p, v, max, why, sizeof why));
			return -1;
		}
		a->text[i] = v;
		break;
	}
	case CLI_ID:
		if (cli_parse_id(v, &a->num[i]) != 0) {
			opt_error(cmd, _("%s: --%s: \"%s\" is not a record number"), cmd->name,
				  o->name, shown);
			return -1;
		}
		break;
	case CLI_INT: {
		char *end;
		errno = 0;
		long long n = strtoll(v, &end, 10);
		if (errno || end == v || *end || n < o->min || n > o->maxval) {
			opt_error(cmd,
				  _("%s: --%s: \"%s\" is not a whole number from %lld to %lld"),
				  cmd->name, o->name, shown, (long long)o->min,
				  (long long)o->maxval);
			return -1;
		}
		a->num[i] = n;
		break;
	}
	case CLI_DATE:
		/* the one date reader of the console and the forms */
		if (cli_read_date(v, o->past ? DATES_PAST : DATES_NEAR, a->date[i]) != 0) {
			/* the example fits what is asked: a date of birth looks like one */
			if (o->past)
				opt_error(cmd, _("%s: --%s: \"%s\" is not a date (such as "
						 "3-2-1980 or 1980-02-03)"),
					  cmd->name, o->name, shown);
			else
				opt_error(cmd, _("%s: --%s: \"%s\" is not a date (such as "
						 "3-2-2027 or 2027-02-03)"),
					  cmd->name, o->name, shown);
			return -1;
		}
		break;
	case CLI_CHOICE:
		for (size_t k = 0; o->choices[k]; k++)
			if (strcmp(o->choices[k], v) == 0) {
				a->num[i] = (int64_t)k;
				a->text[i] = o->choices[k];
				return 0;
			}
		{
			char list[256];
			choice_list(o->choices, list, sizeof list);
			opt_error(cmd, _("%s: --%s: \"%s\" is not one of %s"), cmd->name,
				  o->name, shown, list);
		}
		return -1;
	}
	return 0;
}

/* Long option name (without "--" and "=value"): its index, or -1 after the message (with
 * the option meant when name is the start of exactly one). */
static long find_long(const struct cli_command *cmd, const char *name, size_t len)
{
	const struct cli_opt *o = cmd->opts;
	long prefix_of = -1;
	int prefixes = 0;
	for (size_t i = 0; o && o[i].name; i++) {
		if (strlen(o[i].name) == len && strncmp(o[i].name, name, len) == 0)
			return (long)i;
		if (strncmp(o[i].name, name, len) == 0) {
			prefix_of = (long)i;
			prefixes++;
		}
	}
	char shown[128], help[128];
	char word[128];
	snprintf(word, sizeof word, "--%.*s", (int)(len < 100 ? len : 100), name);
	(void)text_escape(word, shown, sizeof shown);
	if (prefixes == 1)
		opt_error(cmd, _("%s: unknown option '%s' (options are spelt out in full: did you "
			    "mean --%s?)"), cmd->name, shown, o[prefix_of].name);
	else
		opt_error(cmd, _("%s: unknown option '%s' (see '%s --help')"), cmd->name, shown,
			  help_command(cmd, help, sizeof help));
	return -1;
}

static long find_short(const struct cli_command *cmd, char c)
{
	const struct cli_opt *o = cmd->opts;
	for (size_t i = 0; o && o[i].name; i++)
		if (o[i].letter && o[i].letter == c)
			return (long)i;
	char shown[16], help[128];
	char word[3] = {'-', c, '\0'};
	(void)text_escape(word, shown, sizeof shown);
	opt_error(cmd, _("%s: unknown option '%s' (see '%s --help')"), cmd->name, shown,
		  help_command(cmd, help, sizeof help));
	return -1;
}

static int mark_given(const struct cli_command *cmd, size_t i, struct cli_args *a)
{
	if (a->given[i]) {
		opt_error(cmd, _("%s: --%s is given twice"), cmd->name, cmd->opts[i].name);
		return -1;
	}
	a->given[i] = true;
	return 0;
}

int cli_args_parse(const struct cli_command *cmd, int n, char **words, struct cli_args *a)
{
	memset(a, 0, sizeof *a);
	a->cmd = cmd;
	if (opt_count(cmd->opts) > CLI_OPTS_MAX)
		abort();
	a->argv = calloc((size_t)n + 1, sizeof *a->argv);
	if (!a->argv) {
		opt_error(cmd, "%s: %s", cmd->name, strerror(ENOMEM));
		return -1;
	}
	bool options = true;
	for (int w = 0; w < n; w++) {
		char *s = words[w];
		if (!options || s[0] != '-' || s[1] == '\0') {
			a->argv[a->argc++] = s;
			if (cmd->leading_only)
				options = false;
			continue;
		}
		if (strcmp(s, "--") == 0) {
			options = false;
			continue;
		}
		if (!cmd->leading_only && (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0)) {
			cli_command_help(stdout, cmd);
			cli_args_free(a);
			return 1;
		}
		if (s[1] == '-') {
			char *name = s + 2, *eq = strchr(name, '=');
			long i = find_long(cmd, name, eq ? (size_t)(eq - name) : strlen(name));
			if (i < 0 || mark_given(cmd, (size_t)i, a) != 0)
				goto fail;
			const struct cli_opt *o = &cmd->opts[i];
			if (o->type == CLI_FLAG) {
				if (eq) {
					opt_error(cmd, _("%s: --%s takes no value"), cmd->name,
						  o->name);
					goto fail;
				}
				continue;
			}
			if (o->implied && !eq) {
				a->text[i] = o->implied;
				continue;
			}
			char *v = eq ? eq + 1 : w + 1 < n ? words[++w] : NULL;
			if (!v) {
				opt_error(cmd, _("%s: option '--%s' needs an argument"),
					  cmd->name, o->name);
				goto fail;
			}
			if (take_value(cmd, (size_t)i, v, a) != 0)
				goto fail;
			continue;
		}
		/* Short options: flags may be clustered (-at); a value follows its letter,
		 * attached (-kpanic) or as the next word. */
		for (char *p = s + 1; *p; p++) {
			long i = find_short(cmd, *p);
			if (i < 0 || mark_given(cmd, (size_t)i, a) != 0)
				goto fail;
			const struct cli_opt *o = &cmd->opts[i];
			if (o->type == CLI_FLAG)
				continue;
			if (o->implied) {
				a->text[i] = o->implied;
				continue;
			}
			char *v = p[1] ? p + 1 : w + 1 < n ? words[++w] : NULL;
			if (!v) {
				opt_error(cmd, _("%s: option '-%c' needs an argument"), cmd->name,
					  *p);
				goto fail;
			}
			if (take_value(cmd, (size_t)i, v, a) != 0)
				goto fail;
			break;
		}
	}
	if (a->argc < cmd->min_args) {
		char help[128];
		opt_error(cmd, _("%s: missing %s (see '%s --help')"), cmd->name,
			  cmd->args ? _(cmd->args) : _("an argument"),
			  help_command(cmd, help, sizeof help));
		goto fail;
	}
	if (cmd->max_args >= 0 && a->argc > cmd->max_args) {
		char shown[128];
		(void)text_escape(a->argv[cmd->max_args], shown, sizeof shown);
		opt_error(cmd, _("%s: unexpected argument '%s'"), cmd->name, shown);
		goto fail;
	}
	if (cmd->id_arg != CLI_RECORD_NONE && a->argc > 0 &&
	    cli_record_id(a, cmd->id_arg, &a->id) != 0)
		goto fail;
	for (size_t i = 0; cmd->opts && cmd->opts[i].name; i++) {
		if (cmd->opts[i].required && !a->given[i]) {
			char opt[64];
			snprintf(opt, sizeof opt, "--%s", cmd->opts[i].name);
			(void)cli_error_missing(cmd->name, opt);
			goto fail;
		}
	}
	return 0;
fail:
	cli_args_free(a);
	return -1;
}

/* ------------------------------------------------------------------ help */

/* The help's columns: an option's text starts at HELP_COLUMN, a command's summary at
 * SUMMARY_COLUMN, and both wrap before HELP_WIDTH (an 80-column terminal). */
enum { HELP_COLUMN = 27, SUMMARY_COLUMN = 33, HELP_WIDTH = 79 };

/* text after what fills the line up to column col, wrapped at blanks to HELP_WIDTH and
 * continued at column indent; a word wider than a line stands alone on its own. */
static void put_wrapped(FILE *out, const char *text, int col, int indent)
{
	bool first = true;
	for (const char *p = text + strspn(text, " "); *p; p += strspn(p, " ")) {
		size_t len = strcspn(p, " ");
		char word[256];
		int w = (int)len;
		if (len < sizeof word) {
			memcpy(word, p, len);
			word[len] = '\0';
			w = text_width(word);
		}
		if (!first && col + 1 + w > HELP_WIDTH) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += w;
		first = false;
		p += len;
	}
	fputc('\n', out);
}

/* text into out (cut to outsz - 1 bytes) with its line breaks as blanks: they were made for
 * a column of the writer's (in English or by a translator), the help fills its own. With
 * first_clause only what comes before the first '.', ':' or ';' that ends a word. Returns
 * the length. */
static size_t flatten(const char *text, bool first_clause, char *out, size_t outsz)
{
	size_t n = 0;
	for (const char *s = text; *s && n + 1 < outsz; s++) {
		if (first_clause && strchr(".:;", *s) &&
		    (s[1] == ' ' || s[1] == '\n' || s[1] == '\0'))
			break;
		out[n++] = *s == '\n' ? ' ' : *s;
	}
	out[n] = '\0';
	return n;
}

/* Prose of the help (a summary, more), filled to HELP_WIDTH. */
static void put_prose(FILE *out, const char *text)
{
	char buf[4096];
	(void)flatten(text, false, buf, sizeof buf);
	put_wrapped(out, buf, 0, 0);
}

void cli_options_help(FILE *out, const struct cli_opt *o)
{
	if (o && o->name)
		fprintf(out, "\n%s\n", _("Options:"));
	for (size_t i = 0; o && o[i].name; i++) {
		char left[96];
		const char *arg = o[i].arg ? o[i].arg : "";
		char optarg_text[48];
		/* An optional value is written --name[=ARG]. */
		if (!*arg)
			optarg_text[0] = '\0';
		else if (o[i].implied)
			snprintf(optarg_text, sizeof optarg_text, "[=%s]", arg);
		else
			snprintf(optarg_text, sizeof optarg_text, " %s", arg);
		if (o[i].letter)
			snprintf(left, sizeof left, "-%c, --%s%s", o[i].letter, o[i].name, optarg_text);
		else
			snprintf(left, sizeof left, "    --%s%s", o[i].name, optarg_text);
		int col = fprintf(out, "  %-*s ", HELP_COLUMN - 3, left);
		put_wrapped(out, _(o[i].help), col, HELP_COLUMN);
		if (o[i].type == CLI_CHOICE) {
			char list[256], in_brackets[260];
			choice_list(o[i].choices, list, sizeof list);
			snprintf(in_brackets, sizeof in_brackets, "(%s)", list);
			fprintf(out, "%*s", HELP_COLUMN, "");
			put_wrapped(out, in_brackets, HELP_COLUMN, HELP_COLUMN);
		}
	}
}

void cli_help_line(FILE *out, const char *left, const char *summary, bool first_clause)
{
	/* A command's first clause is enough for an overview. */
	char text[512];
	size_t n = flatten(_(summary), first_clause, text, sizeof text);
	if (n > 0 && text[n - 1] == '.')
		n--; /* an overview's entries end alike, with or without a second clause */
	text[n] = '\0';
	int col = SUMMARY_COLUMN;
	if ((int)strlen(left) <= SUMMARY_COLUMN - 3) {
		col = fprintf(out, "  %-*s ", SUMMARY_COLUMN - 3, left);
	} else {
		/* A long list of commands ("ban list|show|...") breaks after a '|', going on
		 * under the first command; the text starts on a line of its own. */
		const char *p = left, *blank = strchr(left, ' ');
		int indent = 2, more = blank ? 3 + (int)(blank - left) : 4;
		while (indent + (int)strlen(p) > HELP_WIDTH) {
			const char *cut = NULL;
			for (const char *q = p; *q && indent + (q - p) < HELP_WIDTH; q++) {
				if (*q == '|')
					cut = q + 1;
			}
			if (!cut)
				break;
			fprintf(out, "%*s%.*s\n", indent, "", (int)(cut - p), p);
			p = cut;
			indent = more;
		}
		fprintf(out, "%*s%s\n%*s", indent, "", p, SUMMARY_COLUMN, "");
	}
	put_wrapped(out, text, col, SUMMARY_COLUMN);
}

void cli_command_help(FILE *out, const struct cli_command *cmd)
{
	const struct cli_opt *o = cmd->opts;
	if (cmd->program)
		fprintf(out, _("Usage: %s [OPTION]...%s%s\n"), cmd->name, cmd->args ? " " : "",
			cmd->args ? _(cmd->args) : "");
	else
		fprintf(out, _("Usage: balie [--db FILE] %s%s%s%s\n"), cmd->name,
			o && o->name ? _(" [OPTION]...") : "", cmd->args ? " " : "",
			cmd->args ? _(cmd->args) : "");
	put_prose(out, _(cmd->summary));
	cli_options_help(out, o);
	if (cmd->more) {
		fputc('\n', out);
		put_prose(out, _(cmd->more));
	}
}

/* One line per command of the group in table. */
static void group_commands(FILE *out, const char *group, const struct cli_command *table)
{
	size_t g = strlen(group);
	for (const struct cli_command *c = table; c->name; c++) {
		if (strncmp(c->name, group, g) != 0 || (c->name[g] != ' ' && c->name[g] != '\0'))
			continue;
		char left[96];
		snprintf(left, sizeof left, "%s%s%s", c->name[g] ? c->name + g + 1 : c->name,
			 c->args ? " " : "", c->args ? _(c->args) : "");
		cli_help_line(out, left, c->summary, true);
	}
}

void cli_group_help(FILE *out, const char *group, const char *summary,
		    const struct cli_command *const *tables, size_t n)
{
	fprintf(out, _("Usage: balie [--db FILE] %s COMMAND [OPTION]... [ARG]...\n"), group);
	put_prose(out, _(summary));
	fputc('\n', out);
	for (size_t t = 0; t < n; t++)
		group_commands(out, group, tables[t]);
	fprintf(out, _("\nRun 'balie %s COMMAND --help' for the options of a command.\n"), group);
}

const struct cli_command *cli_command_find(const struct cli_command *table, int argc,
					   char **argv, int *used)
{
	const struct cli_command *best = NULL;
	int best_words = 0;
	for (const struct cli_command *c = table; c->name; c++) {
		/* Match the command's words against argv's leading words, exactly. */
		const char *p = c->name;
		int w = 0;
		while (*p && w < argc) {
			size_t len = strcspn(p, " ");
			if (strlen(argv[w]) != len || strncmp(argv[w], p, len) != 0)
				break;
			p += len;
			w++;
			if (*p == ' ')
				p++;
		}
		if (*p == '\0' && w > best_words) {
			best = c;
			best_words = w;
		}
	}
	*used = best_words;
	return best;
}
