/* cli_alarm — the 'alarm' subcommand: raise (alarm hardware, scripts), acknowledge, resolve,
 * record a false alarm, reset all, and list the porters' queue. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/dates.h"
#include "core/text.h"
#include "i18n.h"
#include "store/alarms.h"

/* Machine names in enum alarm_kind order, for TSV (the store gives translated labels). */
static const char *const kind_names[ALARM_KIND_COUNT] = {"panic", "robbery", "test"};

static bool is_alarm_point(const struct config *cfg, const char *loc)
{
	for (size_t b = 0; cfg && b < cfg->nbuildings; b++)
		for (size_t i = 0; i < cfg->buildings[b].nalarm_points; i++)
			if (strcmp(cfg->buildings[b].alarm_points[i], loc) == 0)
				return true;
	return false;
}

static int alarm_raise(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"kind", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "alarm raise";
	enum alarm_kind kind = ALARM_PANIC;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'k':
			if (store_alarm_kind_parse(optarg, &kind) != 0) {
				char esc[128];
				(void)text_escape(optarg, esc, sizeof esc);
				cli_error(_("%s: --kind: unknown kind \"%s\" (panic, robbery or test)"),
					  cmd, esc);
				return CLI_ERROR;
			}
			break;
		case 'h':
			printf(_("Usage: balie [--db FILE] alarm raise [--kind panic|robbery|test] "
				 "LOCATION\n"
				 "Raise an alarm at LOCATION and print its id. Every location is accepted;\n"
				 "one that is not a configured alarm point gives a warning.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the location"));
	char *loc = cli_join(argc - optind, argv + optind);
	if (!loc) {
		cli_error("%s: %s", cmd, strerror(ENOMEM));
		return CLI_ERROR;
	}
	if (cli_check_text(cmd, _("location"), loc, ALARM_TEXT_MAX - 1, false) != 0) {
		free(loc);
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st) {
		free(loc);
		return CLI_ERROR;
	}
	int64_t id;
	int status = CLI_OK;
	if (store_alarm_raise(st, loc, kind, &id) != STORE_OK) {
		status = cli_store_failed(st, cmd);
	} else {
		printf("%lld\n", (long long)id);
		/* Warn only after raising: a panic button must never wait on a configuration. */
		if (!is_alarm_point(ctx->config, loc))
			cli_error(_("%s: warning: \"%s\" is not a configured alarm point (raised "
				    "anyway)"), cmd, loc);
	}
	free(loc);
	store_close(st);
	return status;
}

/* ack, resolve, false: one alarm by id (resolve also --all). */
static int alarm_step(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"all", no_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char cmd[32];
	bool all = false;
	bool resolve = strcmp(argv[0], "resolve") == 0;
	snprintf(cmd, sizeof cmd, "alarm %s", argv[0]);
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", resolve ? opts : opts + 1, cmd)) != -1) {
		switch (c) {
		case 'a': all = true; break;
		case 'h':
			if (resolve)
				printf(_("Usage: balie [--db FILE] alarm resolve ID\n"
					 "       balie [--db FILE] alarm resolve --all\n"
					 "Close an alarm as resolved; --all resolves every open alarm (the\n"
					 "reset after an incident) and prints how many.\n"));
			else if (strcmp(argv[0], "ack") == 0)
				printf(_("Usage: balie [--db FILE] alarm ack ID\n"
					 "Acknowledge an alarm: you are on the way.\n"));
			else
				printf(_("Usage: balie [--db FILE] alarm false ID\n"
					 "Close an alarm as a false alarm.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	int64_t id = 0;
	if (all) {
		if (optind < argc)
			return cli_error_extra(cmd, argv[optind]);
	} else {
		if (optind >= argc)
			return cli_error_missing(cmd, resolve ? _("the alarm id (or --all)")
							      : _("the alarm id"));
		if (optind + 1 < argc)
			return cli_error_extra(cmd, argv[optind + 1]);
		if (cli_parse_id(argv[optind], &id) != 0) {
			char esc[128];
			(void)text_escape(argv[optind], esc, sizeof esc);
			cli_error(_("%s: \"%s\" is not an alarm id"), cmd, esc);
			return CLI_ERROR;
		}
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	enum store_status s;
	int count = 0;
	if (all)
		s = store_alarm_resolve_all(st, &count);
	else if (resolve)
		s = store_alarm_close(st, id, ALARM_RESOLVED);
	else if (strcmp(argv[0], "ack") == 0)
		s = store_alarm_ack(st, id);
	else
		s = store_alarm_close(st, id, ALARM_FALSE);
	int status = CLI_OK;
	if (s == STORE_NOT_FOUND) {
		cli_error(_("%s: alarm %lld: no such alarm"), cmd, (long long)id);
		status = CLI_ERROR;
	} else if (s != STORE_OK) {
		status = cli_store_failed(st, cmd);
	} else if (all) {
		printf(ngettext("resolved %d alarm\n", "resolved %d alarms\n", (unsigned long)count),
		       count);
	}
	store_close(st);
	return status;
}

static int alarm_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"all", no_argument, NULL, 'a'},
		{"tsv", no_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "alarm list";
	bool all = false, tsv = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'a': all = true; break;
		case 't': tsv = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] alarm list [--all] [--tsv]\n"
				 "List the open alarms, oldest first, with their state; --all lists every\n"
				 "alarm, newest first.\n"
				 "  --tsv   tab-separated: id, raised (local time), kind, location, state\n"
				 "          (new, acknowledged, resolved, false, tested), acknowledged by,\n"
				 "          closed by\n"));
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
	struct alarm *a = NULL;
	size_t n = 0;
	if (store_alarm_list(st, !all, 0, &a, &n) != STORE_OK) {
		int rc = cli_store_failed(st, cmd);
		store_close(st);
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		char when[32], id[32];
		cli_local_time(a[i].raised_at, when, sizeof when);
		snprintf(id, sizeof id, "%lld", (long long)a[i].id);
		const char *state;
		switch (a[i].outcome) {
		case ALARM_RESOLVED: state = "resolved"; break;
		case ALARM_FALSE: state = "false"; break;
		case ALARM_TESTED: state = "tested"; break;
		case ALARM_OPEN:
		default: state = a[i].acked_at ? "acknowledged" : "new"; break;
		}
		if (tsv) {
			cli_put_tsv(stdout, id, false);
			cli_put_tsv(stdout, when, false);
			cli_put_tsv(stdout, kind_names[a[i].kind], false);
			cli_put_tsv(stdout, a[i].location, false);
			cli_put_tsv(stdout, state, false);
			cli_put_tsv(stdout, a[i].acked_by, false);
			cli_put_tsv(stdout, a[i].resolved_by, true);
			continue;
		}
		printf("%5s  %s  %-8s  ", id, when, store_alarm_kind_name(a[i].kind));
		cli_put_escaped(stdout, a[i].location);
		printf("  ");
		switch (a[i].outcome) {
		case ALARM_RESOLVED:
			printf(_("resolved by %s"), a[i].resolved_by);
			break;
		case ALARM_FALSE:
			printf(_("false alarm (%s)"), a[i].resolved_by);
			break;
		case ALARM_TESTED:
			printf(_("test closed by %s"), a[i].resolved_by);
			break;
		case ALARM_OPEN:
		default:
			if (a[i].acked_at) {
				char hm[6];
				dates_local_hm(a[i].acked_at, hm);
				printf(_("on the way: %s (since %s)"), a[i].acked_by, hm);
			} else {
				printf("%s", _("NEW"));
			}
			break;
		}
		putchar('\n');
	}
	if (!tsv && n == 0)
		printf("%s\n", all ? _("No alarms.") : _("No open alarms."));
	free(a);
	store_close(st);
	return CLI_OK;
}

static void alarm_usage(void)
{
	printf(_("Usage: balie [--db FILE] alarm COMMAND [OPTION]... [ARG]...\n"
		 "The porters' alarm queue.\n\n"
		 "  raise [--kind panic|robbery|test] LOCATION   raise an alarm; prints its id\n"
		 "  ack ID            acknowledge (on the way)\n"
		 "  resolve ID        close as resolved\n"
		 "  resolve --all     resolve every open alarm\n"
		 "  false ID          close as a false alarm\n"
		 "  list [--all] [--tsv]   the open alarms, oldest first\n\n"
		 "Run 'balie alarm COMMAND --help' for the options of a command.\n"));
}

int cli_alarm(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_error_missing("alarm", _("a command (raise, ack, resolve, false, list)"));
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		alarm_usage();
		return CLI_OK;
	}
	if (strcmp(sub, "raise") == 0)
		return alarm_raise(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "ack") == 0 || strcmp(sub, "resolve") == 0 || strcmp(sub, "false") == 0)
		return alarm_step(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return alarm_list(ctx, argc - 1, argv + 1);
	cli_error(_("alarm: unknown command '%s' (see 'balie alarm --help')"), sub);
	return CLI_ERROR;
}
