/* cli — the non-interactive subcommands (scripts, cron, alarm hardware, imports).
 * Exit statuses: 0 success (check: clear), 1 check found candidates, 2 error. */
#ifndef BALIE_CLI_H
#define BALIE_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "client/lib.h"
#include "cli/opts.h"
#include "config.h"
#include "core/lib.h"

enum { CLI_OK = 0, CLI_FOUND = 1, CLI_ERROR = 2 };

/* What main.c has settled before a subcommand runs. */
struct cli_ctx {
	struct client_opts copts;   /* how to reach the data: --db (direct) or the socket */
	struct client *client;      /* the session, opened on first use (cli_client), or
				     * before run for a command with session_first */
	const struct config *config; /* this terminal's (what the service decides is its own) */
};

/* Run argv[0] (a subcommand name) with its arguments; returns the exit status. */
int cli_run(struct cli_ctx *ctx, int argc, char **argv);

/* The session with the service, opened on first use; NULL after printing why not. */
struct client *cli_client(struct cli_ctx *ctx);

/* Report the client's last error for command cmd; returns CLI_ERROR. */
int cli_client_failed(struct client *cl, const char *cmd);

/* Report a failed call s about record id of kind r: "ban 12: no such ban" when it was not
 * found, else the client's error for cmd. Returns CLI_ERROR. */
int cli_record_failed(struct client *cl, const char *cmd, enum cli_record r, int64_t id,
		      enum store_status s);

/* cli_record_failed for the record the command's id argument names (cli_command.id_arg,
 * cli_args.id). Returns CLI_ERROR. */
int cli_id_failed(struct client *cl, const struct cli_args *a, enum store_status s);

/* s escaped (cli_put_escaped's rules) into buf, for a printf argument; returns buf. */
const char *cli_esc(const char *s, char *buf, size_t bufsz);

/* The note of a list command that listed n rows (such as "No open alarms.") when there were
 * none, but not in TSV, where an empty list is no lines at all. */
void cli_list_note(bool tsv, size_t n, const char *note);

/* The end of a list command: cli_list_note, then rows is freed. Returns status. */
int cli_list_end(bool tsv, size_t n, const char *note, void *rows, int status);

/* One TSV line of n escaped fields; 0 or -1. */
int cli_put_tsv_row(FILE *out, const char *const *fields, size_t n);

/* The commands of each group, as option tables (cli/alarm.c, ...). */
extern const struct cli_command cli_init_commands[];
extern const struct cli_command cli_alarm_commands[];
extern const struct cli_command cli_check_commands[];
extern const struct cli_command cli_appt_commands[];
extern const struct cli_command cli_staff_commands[];  /* cli/staff.c */
extern const struct cli_command cli_visit_commands[];
extern const struct cli_command cli_admin_commands[];

/* The programs' own options (cli/programs.c): balie's, before the command (main.c parses
 * them), and balied's. */
extern const struct cli_command cli_global_command;
extern const struct cli_command cli_balied_command;

/* balie --help: the global options and every command, made from the tables. */
void cli_usage(FILE *out);

/* Every table the dispatcher runs commands from (*n of them): what balie(1) must describe
 * (tests/test_man.c holds the page to it). */
const struct cli_command *const *cli_command_tables(size_t *n);

/* 'staff status' (cli/staff_status.c), listed in cli_staff_commands. */
int cli_staff_status(struct cli_ctx *ctx, const struct cli_args *a);
extern const struct cli_opt cli_staff_status_opts[];

/* Print "balie: what: why" to stderr (printf-style). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* cli_error, for a command that stops there: returns CLI_ERROR. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Shared helpers of the commands (cli.c). */

/* Print "balie: cmd: unexpected argument 'X'" (or "missing ...") helpers. */
int cli_error_extra(const char *cmd, const char *arg);
int cli_error_missing(const char *cmd, const char *what);

/* Trim the option text v in place and check it (at most max bytes, empty only with
 * allow_empty); 0, or -1 after "balie: CMD: OPT: problem". */
int cli_check_text(const char *cmd, const char *opt, char *v, size_t max, bool allow_empty);

/* Trim and check v like cli_check_text (max outsz - 1) and copy it into out; an empty v
 * not allowed is reported as missing OPT. 0, or -1 after an error. */
int cli_take_text(const char *cmd, const char *opt, char *v, bool allow_empty, char *out,
		  size_t outsz);

/* Parse a positive record id; 0 on success, -1 (nothing printed) when malformed. */
int cli_parse_id(const char *s, int64_t *out);

/* Local "YYYY-MM-DD HH:MM" of an instant. */
void cli_local_time(time_t t, char *out, size_t outsz);

/* The local date of "now" (clock_now(), so BALIE_NOW applies). */
void cli_today(char out[DATES_DATE_LEN]);

/* A date as typed on the command line, read by the one date reader of the search and the
 * forms (d-m-yyyy, dd-mm-yyyy, d-m-yy, yyyy-mm-dd, ddmmyyyy) into "YYYY-MM-DD"; c says
 * how a two-digit year is completed. 0, or -1 when it is no date. */
int cli_read_date(const char *v, enum dates_century c, char out[DATES_DATE_LEN]);

/* Read a date option as people type it (cli_read_date) into out "YYYY-MM-DD"; 0, or -1
 * after "balie: CMD: --OPT: ... is not a date". */
int cli_take_date(const char *cmd, const char *opt, const char *v, enum dates_century c,
		  char out[DATES_DATE_LEN]);

/* Read a local time "YYYY-MM-DD HH:MM" into an instant; 0, or -1 after "balie: CMD: OPT:
 * ..." (malformed, or a time the change to summer time skips). */
int cli_take_local_time(const char *cmd, const char *opt, const char *v, time_t *out);

/* Join argv[0..argc) with single spaces into a malloc'd string; NULL on out-of-memory. */
char *cli_join(int argc, char **argv);

/* Words joined (cli_join), trimmed and checked as a one-line text of at most max bytes,
 * named what in the messages of cmd ("location"); malloc'd, or NULL after the message. */
char *cli_join_text(const char *cmd, const char *what, int argc, char **argv, size_t max);

/* Write s to out with control, bidi and invalid bytes made visible (text_escape); 0 or -1. */
int cli_put_escaped(FILE *out, const char *s);

/* One TSV field (escaped) followed by a TAB, or a newline when last; 0 or -1. */
int cli_put_tsv(FILE *out, const char *s, bool last);

/* "Jan Pieter" + "de" + "Vries" joined by single spaces, skipping empty parts. */
void cli_person_name(const char *given, const char *prefix, const char *surname, char *out,
		     size_t outsz);

#endif
