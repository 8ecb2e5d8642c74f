/* visit — the 'visit' commands: the home-visit back-up board (achterwacht). Who goes out
 * records where, with whom, until when and how to reach them; overdue visits are shown with
 * the phone number until someone records the return and its outcome. */
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

/* Read a --back or --call-at time; 0 or -1 after an error. */
static int take_time(const char *cmd, const char *opt, const char *v, time_t now, time_t *out)
{
	char esc[64];
	(void)cli_esc(v, esc, sizeof esc);
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

static int visit_out(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	struct visit v;
	memset(&v, 0, sizeof v);
	char *name = cli_join(a->argc, a->argv);
	if (!name)
		return cli_fail("%s: %s", cmd, strerror(ENOMEM));
	int bad = cli_take_text(cmd, _("the name"), name, false, v.employee, sizeof v.employee);
	free(name);
	time_t now = clock_now();
	const char *call = cli_text(a, "call-at");
	if (bad || take_time(cmd, "--back", cli_text(a, "back"), now, &v.expected_back) ||
	    (call && take_time(cmd, "--call-at", call, now, &v.call_at)))
		return CLI_ERROR;
	if (v.call_at > v.expected_back)
		return cli_fail(_("%s: --call-at: after the expected return (--back)"), cmd);
	snprintf(v.address, sizeof v.address, "%s", cli_text(a, "address"));
	snprintf(v.client, sizeof v.client, "%s", cli_text(a, "client"));
	snprintf(v.mobile, sizeof v.mobile, "%s", cli_text(a, "mobile"));
	v.risk = (enum visit_risk)(VISIT_RISK_NORMAL + cli_choice(a, "risk", 0));
	if (cli_has(a, "with"))
		snprintf(v.companion, sizeof v.companion, "%s", cli_text(a, "with"));
	if (visits_companion_required(v.risk, false) && !v.companion[0])
		return cli_fail(_("%s: --with: two go together when the risk is raised or the "
				  "client is on the ban list: name the colleague who goes along"),
				cmd);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int64_t id;
	struct appts_ban_mark m;
	if (client_visit_out(cl, &v, &id, &m) != STORE_OK)
		return cli_client_failed(cl, cmd);
	printf("%lld\n", (long long)id);
	if (m.verdict == NAMES_MATCH)
		cli_error(_("%s: warning: the client is on the ban list (ban %lld); two go together"),
			  cmd, (long long)m.ban_id);
	else if (m.verdict == NAMES_POSSIBLE)
		cli_error(_("%s: warning: the client may be on the ban list (ban %lld); check before "
			    "going"), cmd, (long long)m.ban_id);
	return CLI_OK;
}

static int visit_back(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	const char *outcome = cli_text(a, "outcome");
	struct client *cl = ctx->client;
	return client_visit_back(cl, id, outcome ? outcome : "") == STORE_OK
		? CLI_OK : cli_client_failed(cl, cmd);
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
	printf("  %s", emp);
	if (v->companion[0]) {
		char with[512];
		(void)text_escape(v->companion, with, sizeof with);
		printf(_(" with %s"), with);
	}
	if (v->risk == VISIT_RISK_RAISED)
		printf("  %s", _("RAISED RISK"));
	if (v->ban_id)
		printf(_("  client on the ban list (ban %lld)"), (long long)v->ban_id);
	printf("\n       ");
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
	char ban[24] = "";
	if (v->ban_id)
		snprintf(ban, sizeof ban, "%lld", (long long)v->ban_id);
	const char *f[] = {id, visits_state_name(state), v->employee, v->address, v->client,
			   v->mobile, left, back, call, at, v->outcome,
			   visits_risk_name(v->risk), v->companion, ban};
	(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
}

static int visit_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	bool all = cli_has(a, "all"), tsv = cli_has(a, "tsv");
	struct client *cl = ctx->client;
	struct visit *v = NULL;
	size_t n = 0;
	if (client_visit_list(cl, all, &v, &n) != STORE_OK)
		return cli_client_failed(cl, a->cmd->name);
	int status = CLI_OK;
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
	return cli_list_end(tsv, n,
			    all ? _("No home visits recorded.") : _("Nobody is out on a home visit."),
			    v, status);
}

/* --risk, in enum visit_risk order from VISIT_RISK_NORMAL. */
static const char *const risk_names[] = {"normal", "raised", NULL};

static const struct cli_opt out_opts[] = {
	{.name = "address", .type = CLI_TEXT, .arg = "ADDRESS", .help = N_("where the visit is"),
	 .max = VISIT_TEXT_MAX - 1, .required = true},
	{.name = "client", .type = CLI_TEXT, .arg = "NAME", .help = N_("whom the visit is to"),
	 .max = VISIT_TEXT_MAX - 1, .required = true},
	{.name = "back", .type = CLI_TEXT, .arg = "TIME", .max = 32,
	 .help = N_("expected back: HH:MM today, or \"YYYY-MM-DD HH:MM\""), .required = true},
	{.name = "mobile", .type = CLI_TEXT, .arg = "NUMBER", .help = N_("the mobile number to "
	 "call"), .max = VISIT_TEXT_MAX - 1, .required = true},
	{.name = "call-at", .type = CLI_TEXT, .arg = "TIME", .max = 32,
	 .help = N_("reception expects a call by then")},
	{.name = "risk", .type = CLI_CHOICE, .arg = "RISK", .choices = risk_names,
	 .help = N_("the risk as assessed beforehand: normal or raised"), .required = true},
	{.name = "with", .type = CLI_TEXT, .arg = "COLLEAGUE", .max = VISIT_TEXT_MAX - 1,
	 .help = N_("the colleague who goes along (required with a raised risk or a client "
		    "on the ban list)")},
	{.name = NULL},
};
static const struct cli_opt back_opts[] = {
	{.name = "outcome", .type = CLI_TEXT, .arg = "TEXT", .help = N_("how it went"),
	 .max = VISIT_OUTCOME_MAX - 1, .allow_empty = true},
	{.name = NULL},
};
static const struct cli_opt list_opts[] = {
	{.name = "all", .type = CLI_FLAG,
	 .help = N_("also the visits that are back, with their outcome")},
	{.name = "tsv", .type = CLI_FLAG,
	 .help = N_("tab-separated: id, state (out, call, overdue, back), employee, address, "
		    "client,\nmobile, left, back by, call at, back at, outcome, risk, with, ban "
		    "(times\n\"YYYY-MM-DD HH:MM\" local)")},
	{.name = NULL},
};

const struct cli_command cli_visit_commands[] = {
	{.name = "visit out", .args = N_("NAME"), .opts = out_opts, .min_args = 1,
	 .max_args = -1, .run = visit_out,
	 .summary = N_("Record that NAME leaves now for a home visit; prints its id.\nWhere, "
		       "with whom, when back and how to reach them: --address, --client,\n--back, "
		       "--mobile and --risk are required."),
	 .more = N_("The risk is assessed beforehand; when it is raised, or the client is on "
		    "the ban\nlist (checked here), a colleague goes along (--with). When the call "
		    "time or the\nexpected return passes without 'visit back', every console shows "
		    "the visit\noverdue.")},
	{.name = "visit back", .args = N_("ID"), .opts = back_opts, .min_args = 1, .max_args = 1,
	 .run = visit_back, .id_arg = CLI_RECORD_VISIT, .session_first = true,
	 .summary = N_("Record that the employee of visit ID is back (or reached).\nWith the "
		       "outcome; this ends the overdue warning on every console.")},
	{.name = "visit list", .opts = list_opts, .run = visit_list, .session_first = true,
	 .summary = N_("The home visits still out, the first deadline first.\nOverdue ones are "
		       "marked OVERDUE with the mobile number to call. Exit status 1\nwhen at least "
		       "one is overdue.")},
	{.name = NULL},
};
