/* check — the 'check' command: a visitor (or a batch of them) against the bans in force
 * today, through the service (which writes the audit line before it answers). Exit status
 * like diff: 0 clear, 1 a candidate, 2 error. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/lib.h"
#include "client/lib.h"
#include "i18n.h"

#define MAX_HITS 16
#define QUERY_MAX 400

/* A failed check must never read as "clear": say so and stop. */
static int check_failed(struct client *cl)
{
	return cli_fail("%s: %s", _("ban list"), client_error(cl));
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
static void print_here(const struct cli_ctx *ctx, struct client *cl, const char *today,
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
	enum store_status r = client_ban_exception_on(cl, b->id, today, &e);
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
		cli_error("%s: %s", _("exceptions"), client_error(cl));
	}
}

/* The candidates in words, each with what the desk must do (core/visitor.c, the words of
 * the console); then the advice for the first one that needs the desk to act, or that
 * none stops the visitor here. born: the date of birth given, or "". */
static void print_human(const struct cli_ctx *ctx, struct client *cl, const char *today,
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
		print_here(ctx, cl, today, b, &c, detail, sizeof detail);
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

/* ------------------------------------------------------------------ batch */

/* One line of a batch: its number, and the visitor when the line could be read. */
struct batch_line {
	size_t lineno;
	bool ok;
	char *name;
	char born[DATES_DATE_LEN];
};

/* Read a line "name<TAB>born" into l (the name keeps pointing into line); 0, or -1 after
 * the message. */
static int read_line(char *line, size_t lineno, struct batch_line *l)
{
	size_t len = strlen(line);
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	char *born = strchr(line, '\t');
	if (born)
		*born++ = '\0';
	text_trim(line);
	*l = (struct batch_line){.lineno = lineno, .name = line};
	enum text_problem p = text_check(line, QUERY_MAX, false);
	if (p != TEXT_OK) {
		char why[128];
		cli_error("stdin:%zu: %s: %s", lineno, _("name"),
			  text_problem_said(p, line, QUERY_MAX, why, sizeof why));
		return -1;
	}
	if (born && *text_trim(born) && cli_read_date(born, DATES_PAST, l->born) != 0) {
		char esc[128], q[160];
		(void)text_escape(born, esc, sizeof esc);
		snprintf(q, sizeof q, "\"%s\"", esc);
		cli_error(_("stdin:%zu: born: %s is not a date (such as 3-2-1980 or 1980-02-03)"),
			  lineno, q);
		return -1;
	}
	l->ok = true;
	return 0;
}

/* Check the read lines of one chunk in one request and print every line's candidates (an
 * empty line after each, also after a line that could not be read). 0, or -1 when the
 * service could not check them (nothing printed for the chunk then). */
static int check_chunk(struct cli_ctx *ctx, struct client *cl, bool tsv, struct batch_line *lines,
		       size_t nlines, size_t *found)
{
	const char *names[CLIENT_CHECK_BATCH], *born[CLIENT_CHECK_BATCH];
	size_t visitor_line[CLIENT_CHECK_BATCH], count = 0;
	for (size_t i = 0; i < nlines; i++)
		if (lines[i].ok) {
			names[count] = lines[i].name;
			born[count] = lines[i].born;
			visitor_line[count++] = i;
		}
	struct client_batch_hit *hits = NULL;
	size_t n = 0;
	if (count > 0 &&
	    client_ban_check_batch(cl, names, born, count, MAX_HITS, &hits, &n) != STORE_OK) {
		cli_error("stdin:%zu: %s: %s", lines[0].lineno, _("ban list"), client_error(cl));
		return -1;
	}
	char today[DATES_DATE_LEN];
	cli_today(today);
	size_t h = 0;
	for (size_t v = 0, i = 0; i < nlines; i++) {
		if (lines[i].ok && v < count && visitor_line[v] == i) {
			struct ban_hit one[MAX_HITS];
			size_t k = 0;
			while (h < n && hits[h].visitor == v && k < MAX_HITS)
				one[k++] = hits[h++].hit;
			*found += k;
			if (tsv)
				print_tsv(one, k);
			else
				print_human(ctx, cl, today, one, k, lines[i].born);
			v++;
		}
		putchar('\n');
	}
	client_batch_hits_free(hits, n);
	return 0;
}

/* Check every line "name<TAB>born" of stdin, a request per CLIENT_CHECK_BATCH lines;
 * returns the exit status. */
static int check_batch(struct cli_ctx *ctx, struct client *cl, bool tsv)
{
	char *buf[CLIENT_CHECK_BATCH] = {0};
	size_t caps[CLIENT_CHECK_BATCH] = {0};
	struct batch_line lines[CLIENT_CHECK_BATCH];
	size_t lineno = 0, nlines = 0, found = 0;
	bool errors = false, failed = false, eof = false;
	while (!failed && !eof) {
		nlines = 0;
		while (nlines < CLIENT_CHECK_BATCH) {
			if (getline(&buf[nlines], &caps[nlines], stdin) == -1) {
				eof = true;
				break;
			}
			if (read_line(buf[nlines], ++lineno, &lines[nlines]) != 0)
				errors = true;
			nlines++;
		}
		/* stop at the first chunk the service could not check: an empty answer would
		 * read as "clear" */
		if (nlines > 0 && check_chunk(ctx, cl, tsv, lines, nlines, &found) != 0)
			errors = failed = true;
	}
	int read_err = !failed && ferror(stdin);
	for (size_t i = 0; i < CLIENT_CHECK_BATCH; i++)
		free(buf[i]);
	if (read_err) {
		cli_error("stdin: %s", strerror(errno));
		errors = true;
	}
	if (errors)
		return CLI_ERROR;
	return found ? CLI_FOUND : CLI_OK;
}

/* ------------------------------------------------------------------ entry */

static int check_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool tsv = cli_has(a, "tsv"), batch = cli_has(a, "batch");
	const char *born = cli_date(a, "born");
	char *query = NULL;
	if (batch) {
		if (a->argc > 0)
			return cli_error_extra(cmd, a->argv[0]);
		if (born)
			return cli_fail(_("%s: --born cannot be used with --batch"), cmd);
	} else {
		if (a->argc == 0)
			return cli_error_missing(cmd, _("the visitor's name"));
		if (!(query = cli_join_text(cmd, _("name"), a->argc, a->argv, QUERY_MAX)))
			return CLI_ERROR;
	}
	struct client *cl = cli_client(ctx);
	if (!cl) {
		free(query);
		return CLI_ERROR;
	}
	if (batch)
		return check_batch(ctx, cl, tsv);

	char today[DATES_DATE_LEN];
	cli_today(today);
	struct ban_hit hits[MAX_HITS];
	size_t n = 0;
	/* The service writes the audit line before it answers: nothing is printed for a
	 * check it could not record. */
	if (client_ban_check(cl, query, born ? born : "", today, hits, MAX_HITS, &n) != STORE_OK) {
		free(query);
		return check_failed(cl);
	}
	if (tsv)
		print_tsv(hits, n);
	else if (n == 0)
		printf("%s\n", _("CLEAR     no ban found"));
	else
		print_human(ctx, cl, today, hits, n, born ? born : "");
	store_ban_hits_clear(hits, n);
	free(query);
	return n ? CLI_FOUND : CLI_OK;
}

static const struct cli_opt check_opts[] = {
	{.name = "born", .letter = 'b', .type = CLI_DATE, .arg = "DATE", .past = true,
	 .help = N_("date of birth (separates namesakes); such as 3-2-1980 or 1980-02-03")},
	{.name = "tsv", .letter = 't', .type = CLI_FLAG,
	 .help = N_("one line per candidate, best first: verdict, score, ban id, name, born, "
		    "kind, ends; nothing when clear")},
	{.name = "batch", .type = CLI_FLAG,
	 .help = N_("read lines 'name<TAB>born' from standard input; each line's candidates "
		    "are followed by an empty line")},
	{.name = NULL},
};

const struct cli_command cli_check_commands[] = {
	{.name = "check", .args = N_("NAME..."), .opts = check_opts, .max_args = -1,
	 .run = check_run,
	 .summary = N_("Check a visitor against the bans in force today. NAME is the name as "
		       "the visitor\ngives it or the ID shows it, in any order, with initials."),
	 .more = N_("Exit status: 0 clear, 1 at least one candidate, 2 error.")},
	{.name = NULL},
};
