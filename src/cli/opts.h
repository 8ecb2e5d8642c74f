/* opts — the command line's one option layer. Every command declares its options in a
 * table (name, letter, type, argument, help); parsing, type checks, the --help text and
 * the group usage all come from it. Long options must be spelt out: an abbreviation is an
 * error that names the option meant, never a silent match. What a role may do is decided
 * by the service on the parsed request (src/service), not here. */
#ifndef BALIE_CLI_OPTS_H
#define BALIE_CLI_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/lib.h"

#define CLI_OPTS_MAX 40

enum cli_opt_type {
	CLI_FLAG,   /* no value */
	CLI_TEXT,   /* one line of text (text_check), at most max bytes */
	CLI_LINES,  /* text that may hold newlines */
	CLI_ID,     /* a record id: a positive integer */
	CLI_INT,    /* an integer from min to max */
	CLI_DATE,   /* a calendar date, given as dates.h's parser takes it; kept "YYYY-MM-DD" */
	CLI_CHOICE  /* one of choices (machine names) */
};

struct cli_opt {
	const char *name;              /* "kind" for --kind; NULL ends a table */
	char letter;                   /* 'k' for -k, or 0 */
	enum cli_opt_type type;
	const char *arg;               /* "KIND" in the help (NULL for flags) */
	const char *help;              /* N_("...") */
	const char *const *choices;    /* CLI_CHOICE: NULL-terminated */
	size_t max;                    /* CLI_TEXT/CLI_LINES: bytes (0 = 1024) */
	int64_t min, maxval;           /* CLI_INT */
	bool allow_empty;              /* CLI_TEXT/CLI_LINES: "" is a value */
	bool past;                     /* CLI_DATE: a date of birth or of a letter: a two-digit
					* year is 0-99 years ago (else the nearest one) */
	const char *implied;           /* CLI_TEXT: the value may be left out (--police alone
					* means implied); one given goes after '=' */
	bool required;                 /* the command needs it: "missing --NAME" otherwise */
};

/* The kind of record an id names, for the messages about it: a command whose first
 * positional argument is such an id declares it (cli_command.id_arg) and the parser reads
 * it into cli_args.id, refusing what is no id. */
enum cli_record {
	CLI_RECORD_NONE,      /* no id, or one the command reads itself */
	CLI_RECORD_ANY,       /* an id of no particular kind */
	CLI_RECORD_ALARM,
	CLI_RECORD_APPT,
	CLI_RECORD_BAN,
	CLI_RECORD_INCIDENT,
	CLI_RECORD_NOTICE,
	CLI_RECORD_PERSON,
	CLI_RECORD_VISIT
};

struct cli_ctx;
struct cli_args;

struct cli_command {
	const char *name;              /* "alarm raise", "check"; NULL ends a table */
	const char *args;              /* "LOCATION" in the usage line, or NULL */
	const char *summary;           /* N_(one or two lines: what it does) */
	const struct cli_opt *opts;    /* may be NULL */
	int min_args, max_args;        /* positional arguments; max -1 = any number */
	int (*run)(struct cli_ctx *ctx, const struct cli_args *a);
	const char *more;              /* N_(more help after the options), or NULL */
	bool no_service;               /* runs without a session (e.g. help-like commands) */
	bool leading_only;             /* options only before the first positional word; it
					* and all after it are positional (balie's global
					* options, before the command) */
	enum cli_record id_arg;        /* the first positional argument, when given, is the id
					* of such a record: read into cli_args.id */
	bool session_first;            /* the parser checks all its input: the session is
					* opened before run (cli_ctx.client), and a failure
					* to open it ends the command there */
	bool program;                  /* the program's own options (name: the program's):
					* messages name no command, help is "NAME --help" */
};

struct cli_args {
	const struct cli_command *cmd;
	bool given[CLI_OPTS_MAX];
	const char *text[CLI_OPTS_MAX];   /* TEXT/LINES (trimmed), CHOICE: as given */
	int64_t num[CLI_OPTS_MAX];        /* ID/INT: the value; CHOICE: index in choices */
	char date[CLI_OPTS_MAX][DATES_DATE_LEN]; /* DATE: "YYYY-MM-DD" */
	int argc;                         /* positional arguments, in order */
	char **argv;
	int64_t id;                       /* argv[0] read as cmd->id_arg says, or 0 */
};

/* Parse words[0..n) (the words after the command's name) for cmd into a; an option may
 * come before or after positional words, "--" ends the options. Prints
 * "balie: CMD: ..." and returns -1 on an error; returns 1 when --help was asked (and
 * printed); 0 otherwise. a->argv points into a malloc'd array: free with cli_args_free. */
int cli_args_parse(const struct cli_command *cmd, int n, char **words, struct cli_args *a);
void cli_args_free(struct cli_args *a);

/* Read a->argv[0] as the id of a record of kind r into *id; 0, or -1 after
 * "balie: CMD: "X" is not a ... id". For a command that reads its id itself (after other
 * checks); the others declare id_arg. */
int cli_record_id(const struct cli_args *a, enum cli_record r, int64_t *id);

/* Access a parsed option by its name as in the table (a name not in the table is a
 * programming error and aborts). */
bool cli_has(const struct cli_args *a, const char *name);
const char *cli_text(const struct cli_args *a, const char *name);   /* NULL when absent */
const char *cli_date(const struct cli_args *a, const char *name);   /* NULL when absent */
int64_t cli_num(const struct cli_args *a, const char *name, int64_t absent);
int cli_choice(const struct cli_args *a, const char *name, int absent);

/* Print "Options:" and the options of table o, one each, their texts wrapped to 80
 * columns (nothing when o is NULL or empty). */
void cli_options_help(FILE *out, const struct cli_opt *o);

/* Print one entry of an overview: left, then the (untranslated) summary in a column of its
 * own, on the next line when left is too wide for it; of a command's summary
 * (first_clause) only what comes before its first '.', ':' or ';'. */
void cli_help_line(FILE *out, const char *left, const char *summary, bool first_clause);

/* Print the --help of one command, or of a program's own options (cmd->program). */
void cli_command_help(FILE *out, const struct cli_command *cmd);

/* Print the usage of a group ("alarm": every command whose name starts with "alarm ", in
 * any of the n tables). */
void cli_group_help(FILE *out, const char *group, const char *summary,
		    const struct cli_command *const *tables, size_t n);

/* Find the command for the words of argv in table: the longest name made of the leading
 * words ("ban exception add" before "ban exception"). *used is how many words it took.
 * NULL when none matches. */
const struct cli_command *cli_command_find(const struct cli_command *table, int argc,
					   char **argv, int *used);

#endif
