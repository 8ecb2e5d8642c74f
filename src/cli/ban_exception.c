/* ban_exception — exceptions during a ban (a representative with a signed authorisation, an
 * appointment arranged by phone first) and reception's notices (a ban became active, was
 * extended, lifted or ended), through the service. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/ban.h"
#include "i18n.h"

/* In enum ban_exception_kind order. */
static const char *const exception_kinds[] = {"representative", "appointment", NULL};

static int exception_add(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	const char *date = cli_date(a, "date"), *from = cli_date(a, "from");
	const char *until = cli_date(a, "until"), *detail = cli_text(a, "detail");
	if (date && (from || until))
		return cli_fail(_("%s: --date cannot be used with --from or --until"), cmd);
	if (date)
		from = until = date;
	if (!from)
		return cli_error_missing(cmd, _("--date or --from"));
	if (!until)
		return cli_error_missing(cmd, "--until");
	if (!detail)
		return cli_error_missing(cmd, "--detail");
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int64_t eid = 0;
	enum store_status r = client_ban_exception_add(
		cl, id, (enum ban_exception_kind)cli_choice(a, "kind", 0), from, until, detail, &eid);
	if (r != STORE_OK)
		return cli_id_failed(cl, a, r);
	printf("%lld\n", (long long)eid);
	return CLI_OK;
}

static int exception_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	int64_t id = a->id;
	struct client *cl = ctx->client;
	struct ban_exception *e = NULL;
	size_t n = 0;
	enum store_status r = client_ban_exception_list(cl, id, &e, &n);
	if (r != STORE_OK)
		return cli_id_failed(cl, a, r);
	for (size_t i = 0; i < n; i++) {
		char eid[32], bid[32];
		snprintf(eid, sizeof eid, "%lld", (long long)e[i].id);
		snprintf(bid, sizeof bid, "%lld", (long long)e[i].ban_id);
		const char *f[] = {eid, bid, store_ban_exception_kind_name(e[i].kind), e[i].starts,
				   e[i].ends, e[i].detail};
		(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
	}
	free(e);
	return CLI_OK;
}

static int ban_notices(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	struct client *cl = ctx->client;
	/* Whose notices is the service's word: the session's login name. */
	const char *user = client_user(cl);
	if (cli_has(a, "seen")) {
		int64_t nid = cli_num(a, "seen", 0);
		enum store_status r = client_ban_notice_seen(cl, nid, user);
		return r == STORE_OK ? CLI_OK : cli_record_failed(cl, cmd, CLI_RECORD_NOTICE, nid, r);
	}
	char today[DATES_DATE_LEN];
	cli_today(today);
	struct ban_notice *n = NULL;
	size_t count = 0;
	if (client_ban_notice_sweep(cl, today, NULL) != STORE_OK ||
	    client_ban_notice_unseen(cl, user, 0, &n, &count) != STORE_OK)
		return cli_client_failed(cl, cmd);
	for (size_t i = 0; i < count; i++) {
		char id[32], bid[32];
		snprintf(id, sizeof id, "%lld", (long long)n[i].id);
		snprintf(bid, sizeof bid, "%lld", (long long)n[i].ban_id);
		const char *f[] = {id, store_ban_notice_event_name(n[i].event), bid, n[i].name,
				   policy_kind_name(n[i].kind), n[i].starts, n[i].ends};
		(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
	}
	free(n);
	return CLI_OK;
}

static const struct cli_opt exception_add_opts[] = {
	{.name = "kind", .letter = 'k', .type = CLI_CHOICE, .arg = "KIND",
	 .choices = exception_kinds, .help = N_("what the exception is"), .required = true},
	{.name = "date", .letter = 'd', .type = CLI_DATE, .arg = "DATE",
	 .help = N_("the day of an appointment")},
	{.name = "from", .letter = 'f', .type = CLI_DATE, .arg = "DATE",
	 .help = N_("the first day of an authorisation")},
	{.name = "until", .letter = 'u', .type = CLI_DATE, .arg = "DATE",
	 .help = N_("the last day of an authorisation")},
	{.name = "detail", .letter = 'D', .type = CLI_TEXT, .arg = "TEXT", .max = 500,
	 .help = N_("time, place and host, or who the representative is (required)")},
	{.name = NULL},
};

static const struct cli_opt notices_opts[] = {
	{.name = "seen", .letter = 's', .type = CLI_ID, .arg = "ID",
	 .help = N_("mark this notice as seen by you")},
	{.name = NULL},
};

const struct cli_command cli_ban_exception_commands[] = {
	{.name = "ban exception add", .args = N_("ID"), .opts = exception_add_opts,
	 .min_args = 1, .max_args = 1, .run = exception_add, .id_arg = CLI_RECORD_BAN,
	 .summary = N_("Record an exception during a ban: an appointment or a representative.\n"
		       "An appointment arranged by phone first (--date, detail: time, place,\n"
		       "host) or a representative with a signed authorisation (--from/--until,\n"
		       "detail: who). The visitor check shows an appointment of today as\n"
		       "allowed.")},
	{.name = "ban exception list", .args = N_("[ID]"), .max_args = 1, .run = exception_list,
	 .id_arg = CLI_RECORD_BAN, .session_first = true,
	 .summary = N_("The exceptions of one ban, or of every ban.\n"
		       "Tab-separated: id, ban, kind, from, until, detail.")},
	{.name = "ban notices", .opts = notices_opts, .run = ban_notices, .session_first = true,
	 .summary = N_("The notices for reception you have not marked seen.\n"
		       "A ban became active, was extended, lifted or ended; tab-separated: id,\n"
		       "event, ban, name, kind, from, until. --seen ID marks one as seen by you.")},
	{.name = NULL},
};
