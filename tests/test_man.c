/* test_man — the man pages as built describe what the programs do. balie(1): the --help
 * texts come from the option tables (src/cli); the page is written by hand, with more to
 * say. These tests keep the two equal: every command has a section and a line in the
 * synopsis, every long option of a command is named in its section (or in the section of
 * the command it refers to, as 'incident update' takes the options of 'incident add'), the
 * synopses name only options their command has, and so for balie's own options; balie
 * --help lists every command. balied(8): balied's options. balie.conf(5): every option and
 * section of the configuration's schema is named. No page holds a control character. */
#include "autoconfig.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/internal.h"
#include "tests.h"

#define MAN_LINES_MAX 4096
#define COMMANDS_MAX 128

static char man_text[1 << 18];
static char *man_line[MAN_LINES_MAX];
static size_t man_lines;
static const struct cli_command *commands[COMMANDS_MAX];
static size_t ncommands;

/* A line as a reader sees it: roff's \- is '-', font changes and quotes are gone. */
static void plain(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (r[0] == '\\' && r[1] == '-') {
			*w++ = '-';
			r += 2;
		} else if (r[0] == '\\' && r[1] == 'f' && r[2]) {
			r += 3;
		} else if (*r == '"') {
			r++;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

/* Read the built page man/NAME into man_text (NUL-terminated); its length. */
static size_t read_page(const char *name)
{
	char rel[256];
	snprintf(rel, sizeof rel, "man/%s", name);
	return testutil_read_built(rel, man_text, sizeof man_text);
}

/* Read the built page man/NAME into man_line, each line made plain. */
static void load_page(const char *name)
{
	(void)read_page(name);
	man_lines = 0;
	for (char *p = man_text; *p;) {
		ck_assert_msg(man_lines < MAN_LINES_MAX, "%s: more lines than the test reads",
			      name);
		char *end = strchr(p, '\n');
		if (end)
			*end = '\0';
		plain(p);
		man_line[man_lines++] = p;
		if (!end)
			break;
		p = end + 1;
	}
}

/* Read balie(1) as built and every command of the dispatcher's tables. */
static void load(void)
{
	load_page("balie.1");
	size_t ntables;
	const struct cli_command *const *tables = cli_command_tables(&ntables);
	ncommands = 0;
	for (size_t t = 0; t < ntables; t++) {
		for (const struct cli_command *c = tables[t]; c->name; c++) {
			ck_assert_uint_lt(ncommands, COMMANDS_MAX);
			commands[ncommands++] = c;
		}
	}
	ck_assert_uint_gt(ncommands, 40);
}

/* The command whose name s starts with (the longest: "ban exception add" before "ban"),
 * followed by the end, a blank, '[' or '|'; NULL when none. */
static const struct cli_command *command_at(const char *s)
{
	const struct cli_command *best = NULL;
	size_t bestlen = 0;
	for (size_t i = 0; i < ncommands; i++) {
		size_t len = strlen(commands[i]->name);
		if (len > bestlen && strncmp(s, commands[i]->name, len) == 0 &&
		    strchr(" [|", s[len]) != NULL) {
			best = commands[i];
			bestlen = len;
		}
	}
	return best;
}

/* A synopsis "alarm resolve ID | alarm resolve --all | alarm false ID" is made of
 * alternatives, each one command: the next one starts after " | " where a command's name
 * follows ("(--person ID | --surname NAME)" is one alternative). Returns where the next
 * alternative of the one at s starts, or NULL; *len is the length of the one at s. */
static const char *next_alternative(const char *s, size_t *len)
{
	for (const char *p = strstr(s, " | "); p; p = strstr(p + 1, " | ")) {
		if (command_at(p + 3)) {
			*len = (size_t)(p - s);
			return p + 3;
		}
	}
	*len = strlen(s);
	return NULL;
}

/* A character of a name: a letter, a digit or joiner ('-' in options, '_' in the
 * configuration). */
static bool is_word_char(char c, char joiner)
{
	return isalnum((unsigned char)c) || c == joiner;
}

/* Whether text (len bytes) holds word as a whole, not as part of a longer name
 * (is_word_char with joiner on neither side). */
static bool names_whole(const char *text, size_t len, const char *word, char joiner)
{
	size_t n = strlen(word);
	for (const char *p = text; p + n <= text + len; p++) {
		if (strncmp(p, word, n) == 0 && (p == text || !is_word_char(p[-1], joiner)) &&
		    (p + n == text + len || !is_word_char(p[n], joiner)))
			return true;
	}
	return false;
}

/* Whether text (len bytes) names the option --name as a whole word. */
static bool names_option(const char *text, size_t len, const char *name)
{
	char word[128];
	snprintf(word, sizeof word, "--%s", name);
	return names_whole(text, len, word, '-');
}

static const struct cli_opt *option_of(const struct cli_command *c, const char *name,
				       size_t len)
{
	for (const struct cli_opt *o = c->opts; o && o->name; o++) {
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	}
	return NULL;
}

/* Whether the heading at line h (".SS ...") has an alternative for command c. */
static bool heading_names(size_t h, const struct cli_command *c)
{
	if (strncmp(man_line[h], ".SS ", 4) != 0)
		return false;
	size_t len;
	for (const char *alt = man_line[h] + 4; alt; alt = next_alternative(alt, &len)) {
		if (command_at(alt) == c)
			return true;
	}
	return false;
}

/* The line after the section that starts at heading h. */
static size_t section_end(size_t h)
{
	size_t l = h + 1;
	while (l < man_lines && strncmp(man_line[l], ".SS ", 4) != 0 &&
	       strncmp(man_line[l], ".SH ", 4) != 0)
		l++;
	return l;
}

/* Whether c's sections name --name, or (depth 0) those of a command they refer to in bold
 * (".B incident add"). */
static bool documented(const struct cli_command *c, const char *name, int depth)
{
	for (size_t h = 0; h < man_lines; h++) {
		if (!heading_names(h, c))
			continue;
		size_t end = section_end(h);
		for (size_t l = h; l < end; l++) {
			if (names_option(man_line[l], strlen(man_line[l]), name))
				return true;
		}
		for (size_t l = h + 1; l < end && depth == 0; l++) {
			const struct cli_command *other = NULL;
			if (strncmp(man_line[l], ".B ", 3) == 0)
				other = command_at(man_line[l] + 3);
			if (other && other != c &&
			    strcmp(other->name, man_line[l] + 3) == 0 && documented(other, name, 1))
				return true;
		}
	}
	return false;
}

/* Every option named in the alternatives of synopsis s (line l) is one of its command's. */
static void check_synopsis(const char *s, size_t l)
{
	size_t len;
	for (const char *alt = s; alt;) {
		const char *next = next_alternative(alt, &len);
		const struct cli_command *c = command_at(alt);
		ck_assert_msg(c != NULL, "balie(1) line %zu: \"%.*s\" names no command", l + 1,
			      (int)len, alt);
		for (const char *p = alt; p + 2 < alt + len; p++) {
			if (p[0] != '-' || p[1] != '-' || (p > alt && is_word_char(p[-1], '-')))
				continue;
			size_t n = 0;
			while (p + 2 + n < alt + len && is_word_char(p[2 + n], '-'))
				n++;
			ck_assert_msg(n > 0 && option_of(c, p + 2, n) != NULL,
				      "balie(1) line %zu: 'balie %s' has no option --%.*s", l + 1,
				      c->name, (int)n, p + 2);
		}
		alt = next;
	}
}

/* The lines of the SYNOPSIS list, each "balie [--db FILE] COMMAND ...": *first and *end. */
static void synopsis_list(size_t *first, size_t *end)
{
	size_t l = 0;
	while (l < man_lines && strcmp(man_line[l], ".SH SYNOPSIS") != 0)
		l++;
	while (l < man_lines && strcmp(man_line[l], ".nf") != 0)
		l++;
	ck_assert_msg(l < man_lines, "balie(1) has no SYNOPSIS list");
	*first = ++l;
	while (l < man_lines && strcmp(man_line[l], ".fi") != 0)
		l++;
	*end = l;
}

static const char *const synopsis_prefix = "balie [--db FILE] ";

TEST(test_man__every_command_has_a_section_naming_its_options)
{
	load();
	for (size_t i = 0; i < ncommands; i++) {
		const struct cli_command *c = commands[i];
		bool found = false;
		for (size_t h = 0; h < man_lines && !found; h++)
			found = heading_names(h, c);
		ck_assert_msg(found, "balie(1) has no section for 'balie %s'", c->name);
		for (const struct cli_opt *o = c->opts; o && o->name; o++)
			ck_assert_msg(documented(c, o->name, 0),
				      "balie(1) does not name --%s in the section of 'balie %s'",
				      o->name, c->name);
	}
}
END_TEST

TEST(test_man__every_command_is_in_the_synopsis)
{
	load();
	size_t first, end;
	synopsis_list(&first, &end);
	for (size_t i = 0; i < ncommands; i++) {
		bool found = false;
		for (size_t l = first; l < end && !found; l++) {
			const char *s = man_line[l];
			if (strncmp(s, synopsis_prefix, strlen(synopsis_prefix)) != 0)
				continue;
			size_t len;
			for (const char *alt = s + strlen(synopsis_prefix); alt && !found;
			     alt = next_alternative(alt, &len))
				found = command_at(alt) == commands[i];
		}
		ck_assert_msg(found, "balie(1)'s SYNOPSIS lacks 'balie %s'", commands[i]->name);
	}
}
END_TEST

/* The headings of the sections and the SYNOPSIS lines name only real options. */
TEST(test_man__synopses_name_only_options_of_their_command)
{
	load();
	size_t first, end, headings = 0;
	synopsis_list(&first, &end);
	for (size_t l = first; l < end; l++) {
		const char *s = man_line[l];
		ck_assert_msg(strncmp(s, synopsis_prefix, strlen(synopsis_prefix)) == 0,
			      "balie(1) line %zu: a SYNOPSIS line not of the form \"%s...\"", l + 1,
			      synopsis_prefix);
		check_synopsis(s + strlen(synopsis_prefix), l);
	}
	for (size_t l = 0; l < man_lines; l++) {
		if (strncmp(man_line[l], ".SS ", 4) == 0 && command_at(man_line[l] + 4)) {
			check_synopsis(man_line[l] + 4, l);
			headings++;
		}
	}
	ck_assert_uint_ge(headings, ncommands - 8);
}
END_TEST

/* A program's own options (prog) are each described under OPTIONS of its page, and the
 * synopsis names only those (".OP --db FILE", ".B --check"). */
static void check_program_options(const char *page, const struct cli_command *prog)
{
	load_page(page);
	size_t first = 0;
	while (first < man_lines && strcmp(man_line[first], ".SH OPTIONS") != 0)
		first++;
	ck_assert_msg(first < man_lines, "%s has no OPTIONS section", page);
	size_t end = first + 1;
	while (end < man_lines && strncmp(man_line[end], ".SH ", 4) != 0)
		end++;
	for (const struct cli_opt *o = prog->opts; o->name; o++) {
		bool found = false;
		for (size_t l = first; l < end && !found; l++)
			found = names_option(man_line[l], strlen(man_line[l]), o->name);
		ck_assert_msg(found, "%s's OPTIONS do not describe --%s", page, o->name);
	}
	size_t named = 0;
	for (size_t l = 0; l < first; l++) {
		const char *s = man_line[l];
		size_t skip;
		if (strncmp(s, ".OP --", 6) == 0)
			skip = 6;
		else if (strncmp(s, ".B --", 5) == 0)
			skip = 5;
		else
			continue;
		size_t n = strcspn(s + skip, " ");
		if (n == 0)
			continue; /* "--" alone: the end of the options */
		ck_assert_msg(option_of(prog, s + skip, n) != NULL,
			      "%s line %zu: %s has no option --%.*s", page, l + 1, prog->name,
			      (int)n, s + skip);
		named++;
	}
	ck_assert_uint_gt(named, 3);
}

TEST(test_man__global_options_are_described)
{
	check_program_options("balie.1", &cli_global_command);
}
END_TEST

TEST(test_man__balied_options_are_described)
{
	check_program_options("balied.8", &cli_balied_command);
}
END_TEST

/* The entries of balie --help's command list, each its left column ("check NAME...",
 * "alarm raise|ack|... ...") with the lines it was wrapped onto joined again. */
static size_t usage_entries(char *usage, char **left, size_t max)
{
	char *p = strstr(usage, "\nCommands:\n");
	ck_assert_ptr_nonnull(p);
	size_t n = 0;
	for (char *line = strtok(p + strlen("\nCommands:\n"), "\n"); line;
	     line = strtok(NULL, "\n")) {
		size_t indent = strspn(line, " ");
		if (indent == 0)
			break;
		if (indent == 2) {
			ck_assert_uint_lt(n, max);
			left[n] = line + 2;
			char *gap = strstr(left[n], "  ");
			if (gap)
				*gap = '\0';
			n++;
		} else if (indent < 20 && n > 0) {
			/* a command list broken after a '|': joined in place */
			size_t len = strlen(left[n - 1]);
			memmove(left[n - 1] + len, line + indent, strlen(line + indent) + 1);
		}
	}
	return n;
}

/* Whether the overview entry left names command c: itself ("check NAME..."), or its group
 * followed by a list holding its last word ("alarm raise|ack|... ..."). */
static bool entry_names(const char *left, const struct cli_command *c)
{
	size_t len = strlen(c->name);
	if (strncmp(left, c->name, len) == 0 && (left[len] == ' ' || left[len] == '\0'))
		return true;
	const char *last = strrchr(c->name, ' ');
	if (!last || strncmp(left, c->name, (size_t)(last - c->name) + 1) != 0)
		return false;
	const char *list = left + (last - c->name) + 1, *word = last + 1;
	size_t wl = strlen(word), ll = strcspn(list, " ");
	for (const char *q = list; q < list + ll; q += strcspn(q, "|") + 1) {
		if (strncmp(q, word, wl) == 0 && (q[wl] == '|' || q[wl] == ' '))
			return true;
		if (q[strcspn(q, "|")] == '\0')
			break;
	}
	return false;
}

/* No line of help text (what) is wider than an 80-column terminal (the English texts are
 * ASCII: a byte is a column). */
static void check_width(const char *text, const char *what)
{
	for (const char *l = text; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0))
		ck_assert_msg(strcspn(l, "\n") <= 80, "%s --help: a line wider than 80: %.*s",
			      what, (int)strcspn(l, "\n"), l);
}

TEST(test_man__every_help_fits_80_columns)
{
	load();
	for (size_t i = 0; i < ncommands; i++) {
		char *help = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&help, &len);
		ck_assert_ptr_nonnull(m);
		cli_command_help(m, commands[i]);
		ck_assert_int_eq(fclose(m), 0);
		ck_assert_uint_gt(len, strlen(commands[i]->name));
		check_width(help, commands[i]->name);
		free(help);
	}
}
END_TEST

/* balie --help lists every command of the tables (it is made from them: incident and report
 * were once missing from a list written by hand), and no line is wider than 80 columns. */
TEST(test_man__usage_lists_every_command)
{
	load();
	char *usage = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&usage, &len);
	ck_assert_ptr_nonnull(m);
	cli_usage(m);
	ck_assert_int_eq(fclose(m), 0);
	check_width(usage, "balie");
	for (const struct cli_opt *o = cli_global_command.opts; o->name; o++)
		ck_assert_msg(names_option(usage, len, o->name), "balie --help lacks --%s",
			      o->name);
	char *left[COMMANDS_MAX];
	size_t n = usage_entries(usage, left, COMMANDS_MAX);
	ck_assert_uint_gt(n, 10);
	for (size_t i = 0; i < ncommands; i++) {
		bool found = false;
		for (size_t e = 0; e < n && !found; e++)
			found = entry_names(left[e], commands[i]);
		ck_assert_msg(found, "balie --help does not list 'balie %s'", commands[i]->name);
	}
	ck_assert(!entry_names("alarm raise|ack ...", command_at("alarm list")));
	ck_assert(entry_names("alarm raise|list ...", command_at("alarm list")));
	free(usage);
}
END_TEST

/* Every option of opts (and of its sections, recursively) is named in text (len bytes);
 * path is the section they are in ("" at the top). The number of options seen. */
static size_t check_config_options(const cfg_opt_t *opts, const char *text, size_t len,
				   const char *path)
{
	size_t n = 0;
	for (const cfg_opt_t *o = opts; o && o->name; o++) {
		if (strcmp(o->name, SENTINEL) == 0)
			continue; /* the reader's own mark of the file's end, no option */
		char name[256];
		snprintf(name, sizeof name, "%s%s%s", path, *path ? "|" : "", o->name);
		ck_assert_msg(names_whole(text, len, o->name, '_'),
			      "balie.conf(5) does not name %s", name);
		n++;
		if (o->type == CFGT_SEC)
			n += check_config_options(o->subopts, text, len, name);
	}
	return n;
}

/* balie.conf(5) names every option and section of the schema balie reads (the role lists
 * and the sanctions per incident category included, which are made from the core's names). */
TEST(test_man__config_page_names_every_option)
{
	(void)read_page("balie.conf.5");
	plain(man_text);
	cfg_t *cfg = config_schema_new();
	ck_assert_ptr_nonnull(cfg);
	ck_assert_uint_gt(check_config_options(cfg->opts, man_text, strlen(man_text), ""), 30);
	ck_assert(!names_whole("support_minimum_x", 17, "support_minimum", '_'));
	ck_assert(names_whole("x support_minimum.", 18, "support_minimum", '_'));
	cfg_free(cfg);
}
END_TEST

/* A control character in a page is a typing slip ("\\f" written as a form feed): troff
 * warns and prints nothing useful there. Tabs stand in the TSV examples. */
TEST(test_man__pages_hold_no_control_characters)
{
	static const char *const pages[] = {"balie.1", "balie.conf.5", "balied.8"};
	for (size_t p = 0; p < sizeof pages / sizeof *pages; p++) {
		size_t n = read_page(pages[p]), line = 1;
		ck_assert_uint_gt(n, 1000);
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)man_text[i];
			ck_assert_msg((c >= 0x20 && c != 0x7f) || c == '\n' || c == '\t',
				      "man/%s line %zu: control character 0x%02x", pages[p], line,
				      c);
			line += c == '\n';
		}
	}
}
END_TEST

/* The checks can fail: a made-up page without an option, and one naming a false one. */
TEST(test_man__the_checks_see_what_is_missing)
{
	load();
	const struct cli_command *c = command_at("ban lift");
	ck_assert_ptr_nonnull(c);
	ck_assert(documented(c, "reason", 0));
	ck_assert(!documented(c, "no-such-option", 0));
	ck_assert(names_option("x --reason TEXT", 15, "reason"));
	ck_assert(!names_option("x --reasons", 11, "reason"));
	ck_assert(!names_option("x --police-date", 15, "police"));
	size_t len;
	const char *next = next_alternative("ban propose (--person ID | --surname N)", &len);
	ck_assert_ptr_null(next);
	next = next_alternative("alarm resolve ID | alarm false ID", &len);
	ck_assert_str_eq(next, "alarm false ID");
	ck_assert_uint_eq(len, strlen("alarm resolve ID"));
	ck_assert_ptr_null(option_of(c, "no-such-option", strlen("no-such-option")));
}
END_TEST

Suite *man_suite(void)
{
	return testutil_suite("man", NULL, NULL);
}
