/* cli_visit — the 'visit' subcommand: the home-visit back-up board (achterwacht). Who goes
 * out records where, with whom, until when and how to reach them; overdue visits are shown
 * with the phone number until someone records the return and its outcome. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "clock.h"
#include "core/dates.h"
#include "core/text.h"
#include "core/visits.h"
#include "i18n.h"
#include "store/visits.h"

/* Read a --back or --call-at time; 0 or -1 after an error. */
static int take_time(const char *cmd, const char *opt, const char *v, time_t now, time_t *out)
{
	char esc[64];
	(void)text_escape(v, esc, sizeof esc);
	switch (visits_parse_time(v, now, out)) {
	case VISITS_TIME_OK:
		return 0;
	case VISITS_TIME_NO_SUCH:
		cli_error(_("%s: %s: %s does not exist (the clocks go forward then)"), cmd, opt,
			  esc);
		return -1;
	case VISITS_TIME_PAST:
		cli_error(_("%s: %s: %s is not in the future (give a date for another day: "
			    "\"YYYY-MM-DD HH:MM\")"), cmd, opt, esc);
		return -1;
	case VISITS_TIME_MALFORMED:
		break;
	}
	cli_error(_("%s: %s: \"%s\" is not a time (HH:MM or \"YYYY-MM-DD HH:MM\")"), cmd, opt,
		  esc);
	return -1;
}

static int visit_out(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"address", required_argument, NULL, 'a'},
		{"client", required_argument, NULL, 'c'},
		{"back", required_argument, NULL, 'b'},
		{"mobile", required_argument, NULL, 'm'},
		{"call-at", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "visit out";
	char *address = NULL, *client = NULL, *mobile = NULL;
	const char *back = NULL, *call = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'a': address = optarg; break;
		case 'c': client = optarg; break;
		case 'b': back = optarg; break;
		case 'm': mobile = optarg; break;
		case 'C': call = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] visit out NAME --address A --client C\n"
				 "         --back HH:MM|\"YYYY-MM-DD HH:MM\" --mobile NUMBER "
				 "[--call-at HH:MM]\n"
				 "Record that NAME leaves now for a home visit: where, with whom, when\n"
				 "back and how to reach them; with --call-at, reception expects a call\n"
				 "by then. Prints the visit's id. When the call time or the expected\n"
				 "return passes without 'visit back', every console shows it overdue.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the name"));
	if (!address)
		return cli_error_missing(cmd, "--address");
	if (!client)
		return cli_error_missing(cmd, "--client");
	if (!back)
		return cli_error_missing(cmd, "--back");
	if (!mobile)
		return cli_error_missing(cmd, "--mobile");
	struct visit v;
	memset(&v, 0, sizeof v);
	char *name = cli_join(argc - optind, argv + optind);
	if (!name) {
		cli_error("%s: %s", cmd, _("out of memory"));
		return CLI_ERROR;
	}
	int bad = cli_take_text(cmd, _("the name"), name, false, v.employee, sizeof v.employee);
	free(name);
	time_t now = clock_now();
	if (bad || cli_take_text(cmd, "--address", address, false, v.address, sizeof v.address) ||
	    cli_take_text(cmd, "--client", client, false, v.client, sizeof v.client) ||
	    cli_take_text(cmd, "--mobile", mobile, false, v.mobile, sizeof v.mobile) ||
	    take_time(cmd, "--back", back, now, &v.expected_back) ||
	    (call && take_time(cmd, "--call-at", call, now, &v.call_at)))
		return CLI_ERROR;
	if (v.call_at > v.expected_back) {
		cli_error(_("%s: --call-at: after the expected return (--back)"), cmd);
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int64_t id;
	int status = CLI_OK;
	if (store_visit_out(st, &v, &id) != STORE_OK)
		status = cli_store_failed(st, cmd);
	else
		printf("%lld\n", (long long)id);
	store_close(st);
	return status;
}

static int visit_back(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"outcome", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "visit back";
	char *outcome_arg = NULL;
	char outcome[VISIT_OUTCOME_MAX] = "";
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'o': outcome_arg = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] visit back ID [--outcome TEXT]\n"
				 "Record that the employee of visit ID is back (or reached), with the\n"
				 "outcome; this ends the overdue warning on every console.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the visit id"));
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	int64_t id;
	if (cli_parse_id(argv[optind], &id) != 0) {
		char esc[64];
		(void)text_escape(argv[optind], esc, sizeof esc);
		cli_error(_("%s: \"%s\" is not a visit id"), cmd, esc);
		return CLI_ERROR;
	}
	if (outcome_arg &&
	    cli_take_text(cmd, "--outcome", outcome_arg, true, outcome, sizeof outcome) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = store_visit_back(st, id, outcome) == STORE_OK ? CLI_OK
								   : cli_store_failed(st, cmd);
	store_close(st);
	return status;
}

/* Local "HH:MM" for today, else "YYYY-MM-DD HH:MM"; "" for 0. */
static void when_text(time_t t, const char *today, char out[17])
{
	char date[DATES_DATE_LEN], hm[6];
	if (t == 0) {
		out[0] = '\0';
		return;
	}
	dates_local_date(t, date);
	dates_local_hm(t, hm);
	if (today && strcmp(date, today) == 0)
		snprintf(out, 17, "%s", hm);
	else
		snprintf(out, 17, "%s %s", date, hm);
}

static void print_visit(const struct visit *v, enum visit_state state, const char *today)
{
	char back[17], call[17], left[17], at[17];
	when_text(v->expected_back, today, back);
	when_text(v->call_at, today, call);
	when_text(v->leaves_at, today, left);
	/* Database text is escaped first, so each line is one translatable sentence. */
	char emp[1024], addr[1024], client[1024], mobile[512];
	(void)text_escape(v->employee, emp, sizeof emp);
	(void)text_escape(v->address, addr, sizeof addr);
	(void)text_escape(v->client, client, sizeof client);
	(void)text_escape(v->mobile, mobile, sizeof mobile);
	printf("%5lld  ", (long long)v->id);
	switch (state) {
	case VISIT_OVERDUE:
		printf(_("OVERDUE since %s: call %s"), back, mobile);
		break;
	case VISIT_CALL_DUE:
		printf(_("OVERDUE: no call since %s: call %s"), call, mobile);
		break;
	case VISIT_BACK:
		when_text(v->back_at, today, at);
		printf(_("back %s"), at);
		break;
	case VISIT_OUT:
		printf("%s", _("on a visit"));
		break;
	}
	printf("  %s\n       ", emp);
	if (v->call_at)
		printf(_("%s (client: %s); left %s, back by %s, call at %s, mobile %s"), addr,
		       client, left, back, call, mobile);
	else
		printf(_("%s (client: %s); left %s, back by %s, mobile %s"), addr, client, left,
		       back, mobile);
	putchar('\n');
	if (state == VISIT_BACK && *v->outcome) {
		char outcome[2048];
		(void)text_escape(v->outcome, outcome, sizeof outcome);
		printf("       %s: %s\n", _("outcome"), outcome);
	}
}

static void tsv_visit(const struct visit *v, enum visit_state state)
{
	char id[24], left[17], back[17], call[17], at[17];
	snprintf(id, sizeof id, "%lld", (long long)v->id);
	/* Full dates in TSV: scripts should not guess the day. */
	when_text(v->leaves_at, NULL, left);
	when_text(v->expected_back, NULL, back);
	when_text(v->call_at, NULL, call);
	when_text(v->back_at, NULL, at);
	cli_put_tsv(stdout, id, false);
	cli_put_tsv(stdout, visits_state_name(state), false);
	cli_put_tsv(stdout, v->employee, false);
	cli_put_tsv(stdout, v->address, false);
	cli_put_tsv(stdout, v->client, false);
	cli_put_tsv(stdout, v->mobile, false);
	cli_put_tsv(stdout, left, false);
	cli_put_tsv(stdout, back, false);
	cli_put_tsv(stdout, call, false);
	cli_put_tsv(stdout, at, false);
	cli_put_tsv(stdout, v->outcome, true);
}

static int visit_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"all", no_argument, NULL, 'a'},
		{"tsv", no_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "visit list";
	bool all = false, tsv = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'a': all = true; break;
		case 't': tsv = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] visit list [--all] [--tsv]\n"
				 "The home visits still out, the first deadline first; overdue ones are\n"
				 "marked OVERDUE with the mobile number to call. Exit status 1 when at\n"
				 "least one is overdue.\n"
				 "  --all   also the visits that are back, with their outcome\n"
				 "  --tsv   tab-separated: id, state (out, call, overdue, back), employee,\n"
				 "          address, client, mobile, left, back by, call at, back at,\n"
				 "          outcome (times \"YYYY-MM-DD HH:MM\" local)\n"));
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
	struct visit *v = NULL;
	size_t n = 0;
	int status = CLI_OK;
	if (store_visit_list(st, all, &v, &n) != STORE_OK) {
		status = cli_store_failed(st, cmd);
		goto out;
	}
	time_t now = clock_now();
	char today[DATES_DATE_LEN];
	dates_local_date(now, today);
	for (size_t i = 0; i < n; i++) {
		enum visit_state s = visits_state(v[i].expected_back, v[i].call_at, v[i].back_at,
						  now);
		if (visits_overdue(s))
			status = CLI_FOUND;
		if (tsv)
			tsv_visit(&v[i], s);
		else
			print_visit(&v[i], s, today);
	}
	if (!tsv && n == 0)
		printf("%s\n", all ? _("No home visits recorded.") : _("Nobody is out on a home visit."));
out:
	free(v);
	store_close(st);
	return status;
}

static void visit_usage(void)
{
	printf(_("Usage: balie [--db FILE] visit COMMAND [OPTION]... [ARG]...\n"
		 "The home-visit back-up board: who is out, where, until when.\n\n"
		 "  out NAME --address A --client C --back TIME --mobile M [--call-at TIME]\n"
		 "  back ID [--outcome TEXT]     the employee is back (or reached)\n"
		 "  list [--all] [--tsv]         who is out; overdue ones first marked\n\n"
		 "Run 'balie visit COMMAND --help' for the options of a command.\n"));
}

int cli_visit(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_error_missing("visit", _("a command (out, back, list)"));
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		visit_usage();
		return CLI_OK;
	}
	if (strcmp(sub, "out") == 0)
		return visit_out(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "back") == 0)
		return visit_back(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return visit_list(ctx, argc - 1, argv + 1);
	cli_error(_("visit: unknown command '%s' (see 'balie visit --help')"), sub);
	return CLI_ERROR;
}
