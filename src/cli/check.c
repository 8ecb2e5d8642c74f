/* cli_check — the 'check' subcommand: a visitor (or a batch of them) against the bans in
 * force today. Exit status like diff: 0 clear, 1 a candidate, 2 error. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/dates.h"
#include "core/policy.h"
#include "core/text.h"
#include "core/visitor.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/bans.h"

#define MAX_HITS 16
#define QUERY_MAX 400

/* A failed check must never read as "clear": say so and stop. */
static int check_failed(struct store *st)
{
	cli_error("%s: %s", _("ban list"), store_error(st));
	return CLI_ERROR;
}

/* ------------------------------------------------------------------ output */

static const char *verdict_word(enum names_verdict v)
{
	return v == NAMES_MATCH ? "MATCH" : "POSSIBLE";
}

static void print_tsv(const struct ban_hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct ban *b = &h[i].ban;
		char score[16], id[32], name[1024];
		snprintf(score, sizeof score, "%d", h[i].score);
		snprintf(id, sizeof id, "%lld", (long long)b->id);
		cli_person_name(b->given_names, b->prefix, b->surname, name, sizeof name);
		cli_put_tsv(stdout, verdict_word(h[i].verdict), false);
		cli_put_tsv(stdout, score, false);
		cli_put_tsv(stdout, id, false);
		cli_put_tsv(stdout, name, false);
		cli_put_tsv(stdout, b->born, false);
		cli_put_tsv(stdout, policy_kind_name(b->kind), false);
		cli_put_tsv(stdout, b->ends, true);
	}
}

/* Where the ban applies and any exception today, for the receptionist (issue 5), into c
 * for the rules of core/visitor.c; the exception's detail into detail. */
static void print_here(const struct cli_ctx *ctx, struct store *st, const char *today,
		       const struct ban *b, struct visitor_case *c, char *detail, size_t detailsz)
{
	const struct config_building *here = config_building_here(ctx->config);
	const char *here_id = here ? here->id : "";
	const char *here_name = here ? here->name : "";
	printf("          ");
	enum policy_here where = policy_ban_applies_here(b->kind, b->scope, here_id);
	c->here = where;
	detail[0] = '\0';
	switch (where) {
	case POLICY_HERE_APPLIES:
		printf(_("applies to this building (%s)"), here_name);
		break;
	case POLICY_HERE_OTHER_BUILDING:
		printf(_("does NOT apply to this building (%s): only for %s"), here_name, b->scope);
		break;
	case POLICY_HERE_PHONE_ONLY:
		printf("%s", _("phone ban only: the visitor may come in"));
		break;
	case POLICY_HERE_WARNING:
		printf("%s", _("written warning: serve, but stay alert"));
		break;
	}
	putchar('\n');
	struct ban_exception e;
	enum store_status r = store_ban_exception_on(st, b->id, today, &e);
	if (r == STORE_OK) {
		printf("          ");
		printf("%s (", e.kind == BAN_EXCEPTION_APPOINTMENT
			       ? _("allowed: appointment arranged")
			       : _("allowed: authorised representative"));
		/* The detail is user text: escaped. */
		cli_put_escaped(stdout, e.detail);
		printf(")\n");
		c->exception = e.kind == BAN_EXCEPTION_APPOINTMENT ? VISITOR_EXC_APPOINTMENT
								 : VISITOR_EXC_REPRESENTATIVE;
		snprintf(detail, detailsz, "%s", e.detail);
	} else if (r != STORE_NOT_FOUND) {
		cli_error("%s: %s", _("exceptions"), store_error(st));
	}
}

/* The candidates in words, each with what the desk must do (core/visitor.c, the words of
 * the console); then the advice for the first one that needs the desk to act, or that
 * none stops the visitor here. born: the date of birth given, or "". */
static void print_human(const struct cli_ctx *ctx, struct store *st, const char *today,
			const struct ban_hit *h, size_t n, const char *born)
{
	char advice[2400] = "";
	for (size_t i = 0; i < n; i++) {
		const struct ban *b = &h[i].ban;
		char name[1024], partner[512];
		cli_person_name(b->given_names, b->prefix, b->surname, name, sizeof name);
		cli_person_name("", b->partner_prefix, b->partner_surname, partner, sizeof partner);
		printf("%-9s ", h[i].verdict == NAMES_MATCH ? _("MATCH") : _("POSSIBLE"));
		cli_put_escaped(stdout, name);
		if (*partner) {
			printf(" (%s ", _("partner name:"));
			cli_put_escaped(stdout, partner);
			putchar(')');
		}
		if (*b->born)
			printf(_(", born %s"), b->born);
		else
			printf("%s", _(", date of birth unknown"));
		putchar('\n');
		printf("          ");
		printf(_("%s until %s (ban %lld, score %d)"), policy_kind_label(b->kind), b->ends,
		       (long long)b->id, h[i].score);
		if (*b->scope)
			printf(_("; only for: %s"), b->scope);
		if (h[i].born_differs)
			printf("%s", _("; the date of birth differs"));
		putchar('\n');
		struct visitor_case c = {
			.verdict = h[i].verdict, .born_typed = born && *born,
			.born_differs = h[i].born_differs != 0, .ban_born_known = *b->born != '\0',
			.common_name = visitor_common_surname(b->surname), .kind = b->kind,
		};
		char detail[sizeof ((struct ban_exception *)0)->detail];
		print_here(ctx, st, today, b, &c, detail, sizeof detail);
		enum visitor_step step = visitor_step(&c);
		printf("          %s: %s\n", _("what to do"), visitor_step_word(step));
		bool acts = step == VISITOR_REFUSE || step == VISITOR_ASK_BORN ||
			    step == VISITOR_CHECK_ID || step == VISITOR_LET_IN_SERVICE;
		if (acts && !advice[0]) {
			const struct visitor_ban_facts f = {
				.ends = b->ends, .born = b->born, .buildings = *b->scope ? b->scope
									 : _("all buildings"),
				.until_conversation = b->until_conversation, .exception_detail = detail,
			};
			visitor_advice(&c, &f, config_protocol(ctx->config, PROTOCOL_BAN_HIT),
				       config_protocol(ctx->config, PROTOCOL_POSSIBLE), advice,
				       sizeof advice);
		}
	}
	if (advice[0]) {
		printf("\n%s\n", advice);
		return;
	}
	/* a ban for another building, a phone ban, a warning, an arranged appointment: the
	 * porter is not sent */
	const struct config_building *here = config_building_here(ctx->config);
	putchar('\n');
	printf(_("None of these bans stops the visitor at this building (%s): see above."),
	       here ? here->name : "");
	putchar('\n');
}

/* Record the check in the audit trail; 0 or -1 after a warning. */
static int audit_check(struct store *st, const char *object, size_t found, const char *detail)
{
	char result[32];
	snprintf(result, sizeof result, "%zu", found);
	if (store_audit(st, "visitor.check", object, result, detail) != STORE_OK) {
		cli_error("%s: %s", _("audit"), store_error(st));
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ batch */

/* Check every line "name<TAB>born" of stdin; returns the exit status. */
static int check_batch(struct cli_ctx *ctx, struct store *st, bool tsv)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0, lines = 0, found = 0;
	ssize_t len;
	bool errors = false, failed = false;
	struct ban_hit hits[MAX_HITS];
	char today[DATES_DATE_LEN];
	cli_today(today);
	while (!failed && (len = getline(&line, &cap, stdin)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		char empty[1] = "";
		char *name = line, *born = strchr(line, '\t');
		if (born)
			*born++ = '\0';
		else
			born = empty;
		text_trim(name);
		text_trim(born);
		enum text_problem p = text_check(name, QUERY_MAX, false);
		char q[160], born_date[DATES_DATE_LEN] = "";
		if (p != TEXT_OK) {
			cli_error("stdin:%zu: %s: %s", lineno, _("name"), text_problem_message(p));
			errors = true;
		} else if (*born && cli_read_date(born, DATES_PAST, born_date) != 0) {
			char esc[128];
			(void)text_escape(born, esc, sizeof esc);
			snprintf(q, sizeof q, "\"%s\"", esc);
			cli_error(_("stdin:%zu: born: %s is not a date (such as 3-2-1980 or 1980-02-03)"),
				  lineno, q);
			errors = true;
		} else {
			size_t n = 0;
			if (store_ban_check(st, name, born_date, today, hits, MAX_HITS, &n) !=
			    STORE_OK) {
				/* stop here: an empty answer would read as "clear" */
				cli_error("stdin:%zu: %s: %s", lineno, _("ban list"),
					  store_error(st));
				errors = failed = true;
				break;
			}
			lines++;
			found += n;
			if (tsv)
				print_tsv(hits, n);
			else
				print_human(ctx, st, today, hits, n, born_date);
			store_ban_hits_clear(hits, n);
		}
		putchar('\n');
	}
	int read_err = !failed && ferror(stdin);
	free(line);
	if (read_err) {
		cli_error("stdin: %s", strerror(errno));
		errors = true;
	}
	char detail[64];
	snprintf(detail, sizeof detail, "batch: %zu lines", lines);
	if (audit_check(st, "batch", found, detail) != 0)
		errors = true;
	if (errors)
		return CLI_ERROR;
	return found ? CLI_FOUND : CLI_OK;
}

/* ------------------------------------------------------------------ entry */

int cli_check(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"born", required_argument, NULL, 'b'},
		{"tsv", no_argument, NULL, 't'},
		{"batch", no_argument, NULL, 'B'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "check";
	const char *born = "";
	char born_date[DATES_DATE_LEN] = "";
	bool tsv = false, batch = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'b': born = optarg; break;
		case 't': tsv = true; break;
		case 'B': batch = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] check [--born YYYY-MM-DD] [--tsv] NAME...\n"
				 "       balie [--db FILE] check --batch [--tsv] < FILE\n"
				 "Check a visitor against the bans in force today. NAME is the name as the\n"
				 "visitor gives it or the ID shows it, in any order, with initials.\n\n"
				 "  --born DATE   date of birth (separates namesakes)\n"
				 "  --tsv         one line per candidate, best first: verdict, score, ban id,\n"
				 "                name, born, kind, ends; nothing when clear\n"
				 "  --batch       read lines 'name<TAB>born' from standard input; each\n"
				 "                line's candidates are followed by an empty line\n\n"
				 "Exit status: 0 clear, 1 at least one candidate, 2 error.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	char *query = NULL;
	if (batch) {
		if (optind < argc)
			return cli_error_extra(cmd, argv[optind]);
		if (*born) {
			cli_error(_("%s: --born cannot be used with --batch"), cmd);
			return CLI_ERROR;
		}
	} else {
		if (optind >= argc)
			return cli_error_missing(cmd, _("the visitor's name"));
		if (*born && cli_read_date(born, DATES_PAST, born_date) != 0) {
			char esc[128];
			(void)text_escape(born, esc, sizeof esc);
			cli_error(_("%s: --born: \"%s\" is not a date (such as 3-2-1980 or "
				    "1980-02-03)"), cmd, esc);
			return CLI_ERROR;
		}
		born = born_date;
		if (!(query = cli_join(argc - optind, argv + optind))) {
			cli_error("%s: %s", cmd, strerror(ENOMEM));
			return CLI_ERROR;
		}
		text_trim(query);
		enum text_problem p = text_check(query, QUERY_MAX, false);
		if (p != TEXT_OK) {
			cli_error("%s: %s: %s", cmd, _("name"), text_problem_message(p));
			free(query);
			return CLI_ERROR;
		}
	}

	struct store *st = cli_open_store(ctx, 0);
	if (!st) {
		free(query);
		return CLI_ERROR;
	}
	char today[DATES_DATE_LEN];
	cli_today(today);
	int status = CLI_ERROR;
	if (batch) {
		status = check_batch(ctx, st, tsv);
		goto out;
	}

	struct ban_hit hits[MAX_HITS];
	size_t n = 0;
	if (store_ban_check(st, query, born, today, hits, MAX_HITS, &n) != STORE_OK) {
		status = check_failed(st);
		goto out;
	}
	if (tsv)
		print_tsv(hits, n);
	else if (n == 0)
		printf("%s\n", _("CLEAR     no ban found"));
	else
		print_human(ctx, st, today, hits, n, born);
	status = n ? CLI_FOUND : CLI_OK;
	const char *best = n == 0 ? "CLEAR" : verdict_word(hits[0].verdict);
	/* The result is shown even when the audit fails: a missed ban is worse. */
	if (audit_check(st, query, n, best) != 0)
		status = CLI_ERROR;
	store_ban_hits_clear(hits, n);
out:
	store_close(st);
	free(query);
	return status;
}
