/* cli_staff — the 'staff' subcommand: the support team and counter staff, checking in and
 * out, the evening roster, and whether the support-team minimum is met now and tonight. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "core/dates.h"
#include "core/policy.h"
#include "core/text.h"
#include "i18n.h"
#include "store/staff.h"

/* The NAME words of argv joined, validated; NULL after an error. */
static char *take_name(const char *cmd, int argc, char **argv)
{
	if (argc <= 0) {
		(void)cli_error_missing(cmd, _("the name")); /* always CLI_ERROR */
		return NULL;
	}
	char *name = cli_join(argc, argv);
	if (!name) {
		cli_error("%s: %s", cmd, strerror(ENOMEM));
		return NULL;
	}
	text_trim(name);
	enum text_problem p = text_check(name, STAFF_TEXT_MAX - 1, false);
	if (p != TEXT_OK) {
		cli_error("%s: %s: %s", cmd, _("name"), text_problem_message(p));
		free(name);
		return NULL;
	}
	return name;
}

static int staff_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"team", required_argument, NULL, 't'},
		{"phone", required_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "staff add";
	const char *team_s = NULL;
	char *phone = NULL;
	enum staff_team team;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 't': team_s = optarg; break;
		case 'p': phone = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] staff add NAME --team support|counter "
				 "[--phone NUMBER]\n"
				 "Add a member of the support team (porters, BOAs) or the counter staff.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (!team_s)
		return cli_error_missing(cmd, "--team");
	if (store_staff_team_parse(team_s, &team) != 0) {
		char esc[64];
		(void)text_escape(team_s, esc, sizeof esc);
		cli_error(_("%s: --team: unknown team \"%s\" (support or counter)"), cmd, esc);
		return CLI_ERROR;
	}
	if (phone) {
		text_trim(phone);
		enum text_problem p = text_check(phone, STAFF_TEXT_MAX - 1, true);
		if (p != TEXT_OK) {
			cli_error("%s: --phone: %s", cmd, text_problem_message(p));
			return CLI_ERROR;
		}
	}
	char *name = take_name(cmd, argc - optind, argv + optind);
	if (!name)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	int status = CLI_ERROR;
	if (st)
		status = store_staff_add(st, name, team, phone ? phone : "") == STORE_OK
			? CLI_OK : cli_store_failed(st, cmd);
	store_close(st);
	free(name);
	return status;
}

/* staff in NAME / staff out NAME */
static int staff_inout(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
	};
	bool in = strcmp(argv[0], "in") == 0;
	const char *cmd = in ? "staff in" : "staff out";
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		if (c != 'h')
			return CLI_ERROR;
		if (in)
			printf(_("Usage: balie [--db FILE] staff in NAME\n"
				 "Check a staff member in (present from now).\n"));
		else
			printf(_("Usage: balie [--db FILE] staff out NAME\n"
				 "Check a staff member out.\n"));
		return CLI_OK;
	}
	char *name = take_name(cmd, argc - optind, argv + optind);
	if (!name)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	int status = CLI_ERROR;
	if (st) {
		enum store_status s = in ? store_staff_in(st, name) : store_staff_out(st, name);
		status = s == STORE_OK ? CLI_OK : cli_store_failed(st, cmd);
	}
	store_close(st);
	free(name);
	return status;
}

static int staff_roster(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"off", no_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "staff roster";
	bool off = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'o': off = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] staff roster NAME DATE [--off]\n"
				 "Put a staff member on the evening roster of DATE (YYYY-MM-DD), or take\n"
				 "them off with --off.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (argc - optind < 2)
		return cli_error_missing(cmd, argc - optind < 1 ? _("the name") : _("the date"));
	const char *date = argv[argc - 1];
	int y, m, d;
	if (dates_parse_date(date, &y, &m, &d) != 0) {
		char esc[64];
		(void)text_escape(date, esc, sizeof esc);
		cli_error(_("%s: \"%s\" is not a date (YYYY-MM-DD)"), cmd, esc);
		return CLI_ERROR;
	}
	char *name = take_name(cmd, argc - optind - 1, argv + optind);
	if (!name)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	int status = CLI_ERROR;
	if (st)
		status = store_staff_roster(st, name, date, !off) == STORE_OK
			? CLI_OK : cli_store_failed(st, cmd);
	store_close(st);
	free(name);
	return status;
}

static void print_member(const struct staff_member *s, bool since)
{
	printf("    ");
	cli_put_escaped(stdout, s->name);
	if (since && s->present) {
		char hm[6];
		dates_local_hm(s->since, hm);
		printf(_(" (since %s)"), hm);
	}
	if (*s->phone) {
		printf("  ");
		cli_put_escaped(stdout, s->phone);
	}
	putchar('\n');
}

static int staff_status(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "staff status";
	time_t now = clock_now();
	char today[DATES_DATE_LEN], date[DATES_DATE_LEN];
	int c, y, m, d;
	dates_local_date(now, today);
	memcpy(date, today, sizeof date);
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'd':
			if (dates_parse_date(optarg, &y, &m, &d) != 0) {
				char esc[64];
				(void)text_escape(optarg, esc, sizeof esc);
				cli_error(_("%s: --date: \"%s\" is not a date (YYYY-MM-DD)"), cmd, esc);
				return CLI_ERROR;
			}
			snprintf(date, sizeof date, "%s", optarg);
			break;
		case 'h':
			printf(_("Usage: balie [--db FILE] staff status [--date YYYY-MM-DD]\n"
				 "Who is in now, by team; whether the support team meets the minimum\n"
				 "while the building is open; and who is scheduled for the evening\n"
				 "opening of DATE (default today), with a warning when short.\n"));
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
	struct staff_member *s = NULL;
	size_t n = 0;
	if (store_staff_list(st, date, &s, &n) != STORE_OK) {
		int rc = cli_store_failed(st, cmd);
		store_close(st);
		return rc;
	}
	const struct config *cfg = ctx->config;
	const struct config_building *b = config_building_here(cfg);
	int minimum = cfg->support_minimum;
	int support_in = 0, counter_in = 0, scheduled = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i].present)
			s[i].team == TEAM_SUPPORT ? support_in++ : counter_in++;
		if (s[i].team == TEAM_SUPPORT && s[i].evening)
			scheduled++;
	}

	/* Now. */
	char hm[6];
	dates_local_hm(now, hm);
	bool open = b && policy_open_period(&b->hours, dates_local_weekday(now),
					    dates_local_minutes(now)) >= 0;
	enum staffing_state state = policy_staffing(open, support_in, minimum);
	printf(_("Now (%s %s): %s\n"), today, hm,
	       open ? _("open to the public") : _("closed to the public (no minimum)"));
	printf(_("  Support team present: %d (minimum %d while open)\n"), support_in, minimum);
	for (size_t i = 0; i < n; i++)
		if (s[i].present && s[i].team == TEAM_SUPPORT)
			print_member(&s[i], true);
	printf(_("  Counter staff present: %d\n"), counter_in);
	for (size_t i = 0; i < n; i++)
		if (s[i].present && s[i].team == TEAM_COUNTER)
			print_member(&s[i], true);
	if (state == STAFFING_SHORT || state == STAFFING_NOBODY) {
		printf(_("WARNING: support team short now: %d of %d present.\n"), support_in, minimum);
		printf("  %s\n", config_protocol(cfg, PROTOCOL_UNDERSTAFFED));
	}

	/* The evening opening of the date. */
	time_t noon;
	int ev = -1, wd = 0;
	if (b && dates_local_instant(date, 12 * 60, &noon) == 0) {
		wd = dates_local_weekday(noon);
		ev = policy_evening_period(&b->hours, wd);
	}
	if (ev < 0) {
		printf(_("Evening opening %s: none\n"), date);
	} else {
		const struct policy_period *p = &b->hours.day[wd][ev];
		printf(_("Evening opening %s %02d:%02d-%02d:%02d: %d scheduled of the support team "
			 "(minimum %d)\n"), date, p->start / 60, p->start % 60, p->end / 60,
		       p->end % 60, scheduled, minimum);
		for (size_t i = 0; i < n; i++)
			if (s[i].team == TEAM_SUPPORT && s[i].evening)
				print_member(&s[i], false);
		if (scheduled < minimum) {
			printf(_("WARNING: evening opening %s short: %d of %d scheduled; tell "
				 "reception in advance.\n"), date, scheduled, minimum);
			printf("  %s\n", config_protocol(cfg, PROTOCOL_UNDERSTAFFED));
		}
	}
	free(s);
	store_close(st);
	return CLI_OK;
}

static void staff_usage(void)
{
	printf(_("Usage: balie [--db FILE] staff COMMAND [OPTION]... [ARG]...\n"
		 "The support team (porters, BOAs) and counter staff.\n\n"
		 "  add NAME --team support|counter [--phone P]   add a staff member\n"
		 "  in NAME                 check in\n"
		 "  out NAME                check out\n"
		 "  roster NAME DATE [--off]   (un)schedule for the evening opening of DATE\n"
		 "  status [--date DATE]    who is in, and the support-team minimum\n\n"
		 "Run 'balie staff COMMAND --help' for the options of a command.\n"));
}

int cli_staff(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_error_missing("staff", _("a command (add, in, out, roster, status)"));
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		staff_usage();
		return CLI_OK;
	}
	if (strcmp(sub, "add") == 0)
		return staff_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "in") == 0 || strcmp(sub, "out") == 0)
		return staff_inout(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "roster") == 0)
		return staff_roster(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "status") == 0)
		return staff_status(ctx, argc - 1, argv + 1);
	cli_error(_("staff: unknown command '%s' (see 'balie staff --help')"), sub);
	return CLI_ERROR;
}
