/* staff — the 'staff' commands that change the staffing: add a member, check in and out
 * (also closing a check-in left open), the evening roster and a manager's "nobody
 * reachable" records. The report ('staff status') is in staff_status.c. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "client/lib.h"
#include "clock.h"
#include "core/lib.h"
#include "i18n.h"

/* The NAME words joined and checked into name; 0, or -1 after the message. */
static int take_name(const char *cmd, int argc, char **argv, char name[STAFF_TEXT_MAX])
{
	char *joined = cli_join_text(cmd, _("name"), argc, argv, STAFF_TEXT_MAX - 1);
	if (!joined)
		return -1;
	snprintf(name, STAFF_TEXT_MAX, "%s", joined);
	free(joined);
	return 0;
}

/* Machine names of enum staff_team, for --team. */
static const char *const team_names[] = {"support", "counter", NULL};

static int staff_add(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	const char *team = cli_text(a, "team"); /* required */
	int t = 0;
	while (team_names[t] && strcmp(team_names[t], team) != 0)
		t++;
	if (!team_names[t]) {
		char esc[64];
		return cli_fail(_("%s: --team: unknown team \"%s\" (support or counter)"), cmd,
				cli_esc(team, esc, sizeof esc));
	}
	char name[STAFF_TEXT_MAX];
	if (take_name(cmd, a->argc, a->argv, name) != 0)
		return CLI_ERROR;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	const char *phone = cli_text(a, "phone");
	return client_staff_add(cl, name, (enum staff_team)t, phone ? phone : "") == STORE_OK
		? CLI_OK : cli_client_failed(cl, cmd);
}

static int staff_in(struct cli_ctx *ctx, const struct cli_args *a)
{
	char name[STAFF_TEXT_MAX];
	if (take_name(a->cmd->name, a->argc, a->argv, name) != 0)
		return CLI_ERROR;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	return client_staff_in(cl, name) == STORE_OK ? CLI_OK : cli_client_failed(cl, a->cmd->name);
}

/* Read "HH:MM" (today) or "YYYY-MM-DD HH:MM" in local time; 0 on success. */
static int parse_local(const char *s, time_t now, time_t *out)
{
	char date[DATES_DATE_LEN], day[32];
	const char *hm = s, *space = strrchr(s, ' ');
	if (space) {
		size_t n = (size_t)(space - s);
		if (n >= sizeof day)
			return -1;
		memcpy(day, s, n);
		day[n] = '\0';
		if (cli_read_date(day, DATES_NEAR, date) != 0)
			return -1;
		hm = space + 1;
	} else {
		dates_local_date(now, date);
	}
	int minutes = dates_parse_hm(hm, false);
	return minutes < 0 || dates_local_instant(date, minutes, out) != 0 ? -1 : 0;
}

/* staff out NAME [--at TIME --note TEXT] */
static int staff_out(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	const char *at_s = cli_text(a, "at"), *note = cli_text(a, "note");
	if (!at_s != !note)
		return cli_error_missing(cmd, at_s ? "--note" : "--at");
	time_t at = 0;
	if (at_s && parse_local(at_s, clock_now(), &at) != 0) {
		char esc[64];
		return cli_fail(_("%s: --at: \"%s\" is not a time (HH:MM or \"YYYY-MM-DD "
				  "HH:MM\")"), cmd, cli_esc(at_s, esc, sizeof esc));
	}
	char name[STAFF_TEXT_MAX];
	if (take_name(cmd, a->argc, a->argv, name) != 0)
		return CLI_ERROR;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	enum store_status r = at_s ? client_staff_out_at(cl, name, at, note)
				   : client_staff_out(cl, name);
	return r == STORE_OK ? CLI_OK : cli_client_failed(cl, cmd);
}

/* staff roster NAME... DATE [--off]: the date is the last word. */
static int staff_roster(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	char date[DATES_DATE_LEN];
	if (cli_read_date(a->argv[a->argc - 1], DATES_NEAR, date) != 0) {
		char esc[64];
		return cli_fail(_("%s: \"%s\" is not a date (such as 3-2-2027 or 2027-02-03)"), cmd,
				cli_esc(a->argv[a->argc - 1], esc, sizeof esc));
	}
	char name[STAFF_TEXT_MAX];
	if (take_name(cmd, a->argc - 1, a->argv, name) != 0)
		return CLI_ERROR;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	return client_staff_roster(cl, name, date, !cli_has(a, "off")) == STORE_OK
		? CLI_OK : cli_client_failed(cl, cmd);
}

static int staff_unreachable(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool withdraw = cli_has(a, "withdraw");
	if (withdraw && a->argc > 0)
		return cli_error_extra(cmd, a->argv[0]);
	if (withdraw && (cli_has(a, "period") || cli_has(a, "note")))
		return cli_fail(_("%s: --withdraw and %s exclude each other"), cmd,
				cli_has(a, "period") ? "--period" : "--note");
	if (!withdraw && a->argc == 0)
		return cli_error_missing(cmd, _("the date"));
	char day[DATES_DATE_LEN];
	const char *date = withdraw ? NULL : day;
	if (!withdraw && cli_read_date(a->argv[0], DATES_NEAR, day) != 0) {
		char esc[128];
		return cli_fail(_("%s: \"%s\" is not a date (such as 3-2-2027 or 2027-02-03)"), cmd,
				cli_esc(a->argv[0], esc, sizeof esc));
	}
	if (!withdraw && !cli_has(a, "note"))
		return cli_error_missing(cmd, "--note");
	/* The record belongs to the building of this terminal; the service checks it knows
	 * the building and that it is open to the public then. */
	const struct config_building *b = config_building_here(ctx->config);
	if (!withdraw && !b)
		return cli_fail(_("%s: the configuration names no building"), cmd);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	if (withdraw)
		return client_staff_unreachable_withdraw(cl, cli_num(a, "withdraw", 0)) == STORE_OK
			? CLI_OK : cli_client_failed(cl, cmd);
	const char *period = cli_has(a, "period") ? cli_text(a, "period") : "day";
	int64_t id = 0;
	if (client_staff_unreachable(cl, b->id, date, period, cli_text(a, "note"), &id) !=
	    STORE_OK)
		return cli_client_failed(cl, cmd);
	printf("%lld\n", (long long)id);
	return CLI_OK;
}

static const struct cli_opt add_opts[] = {
	{.name = "team", .type = CLI_TEXT, .arg = "TEAM", .max = 16,
	 .help = N_("support (porters, BOAs) or counter (counter staff)"), .required = true},
	{.name = "phone", .type = CLI_TEXT, .arg = "NUMBER", .help = N_("a phone number"),
	 .max = STAFF_TEXT_MAX - 1, .allow_empty = true},
	{.name = NULL},
};
static const struct cli_opt out_opts[] = {
	{.name = "at", .type = CLI_TEXT, .arg = "TIME", .max = 32,
	 .help = N_("close a check-in left open as of TIME (HH:MM today, or \"YYYY-MM-DD "
		    "HH:MM\")")},
	{.name = "note", .type = CLI_TEXT, .arg = "TEXT", .max = STAFF_NOTE_MAX - 1,
	 .help = N_("who closes it and why (with --at)")},
	{.name = NULL},
};
static const struct cli_opt roster_opts[] = {
	{.name = "off", .type = CLI_FLAG, .help = N_("take them off the roster")},
	{.name = NULL},
};
static const struct cli_opt unreachable_opts[] = {
	{.name = "period", .type = CLI_TEXT, .arg = "PERIOD", .max = 7,
	 .help = N_("day (default: every public period), evening, or HH:MM (the period "
		    "starting then)")},
	{.name = "note", .type = CLI_TEXT, .arg = "TEXT", .max = STAFF_NOTE_MAX - 1,
	 .help = N_("who was tried, and that reception is informed")},
	{.name = "withdraw", .type = CLI_ID, .arg = "ID", .help = N_("take a record back")},
	{.name = NULL},
};

const struct cli_command cli_staff_commands[] = {
	{.name = "staff add", .args = N_("NAME"), .opts = add_opts, .min_args = 1, .max_args = -1,
	 .run = staff_add,
	 .summary = N_("Add a staff member: support team (porters, BOAs) or counter staff.\n"
		       "--team is required.")},
	{.name = "staff in", .args = N_("NAME"), .min_args = 1, .max_args = -1, .run = staff_in,
	 .summary = N_("Check a staff member in (present from now).")},
	{.name = "staff out", .args = N_("NAME"), .opts = out_opts, .min_args = 1, .max_args = -1,
	 .run = staff_out,
	 .summary = N_("Check a staff member out now.\nWith --at and --note: close a check-in "
		       "that was left open (after closing,\nor from an earlier day), recording who "
		       "did it and why.")},
	{.name = "staff roster", .args = N_("NAME DATE"), .opts = roster_opts, .min_args = 2,
	 .max_args = -1, .run = staff_roster,
	 .summary = N_("Put a staff member on the evening roster of DATE (or --off: take off).")},
	{.name = "staff unreachable", .args = N_("DATE"), .opts = unreachable_opts, .max_args = 1,
	 .run = staff_unreachable,
	 .summary = N_("Record (a manager): nobody reachable, reception informed.\nNobody of "
		       "the support team can be reached for the public periods of DATE\n(--period: "
		       "some of them) and reception was informed; --withdraw ID takes a\nrecord "
		       "back."),
	 .more = N_("Every console then shows that any aggression means calling the police "
		    "(112).\n--note is required when recording.")},
	{.name = "staff status", .opts = cli_staff_status_opts, .run = cli_staff_status,
	 .summary = N_("Who is in, and whether the support-team minimum is met.\nNow, in the "
		       "next public period today, and at the evening openings of the\ncoming 7 days "
		       "(or of --date); \"nobody reachable\" records; check-ins left\nopen after "
		       "closing or from an earlier day.")},
	{.name = NULL},
};
