/* ban_lifecycle — the policy's life cycle of a ban: what the sanction table proposes for a
 * person, activating a draft, extending a ban and its history. The service applies the
 * table and the mandatory answers; these commands check what was typed and say what
 * happened. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/ban.h"
#include "client/lib.h"
#include "core/lib.h"
#include "i18n.h"

/* ------------------------------------------------------------------ propose */

/* e: the earlier offences of an incident's perpetrator (issue 13), or NULL for a person
 * (earlier bans, warnings and kept traces counted together). */
static void print_proposal(const struct sanction_table *t, const struct sanction_proposal *p,
			   enum ban_reason r, const char *list, size_t earlier,
			   const struct incidents_earlier *e, const char *starts)
{
	char kinds[128], lo[DATES_DATE_LEN], hi[DATES_DATE_LEN];
	sanctions_kinds_text(p->rule.kinds, kinds, sizeof kinds);
	printf("%-20s %s (%s)\n", _("reason:"), policy_reason_label(r), policy_reason_name(r));
	if (*list)
		printf("%-20s %s\n", _("combination of:"), list);
	printf("%-20s %s (", _("offence:"), p->offence == SANCTION_REPEAT ? _("repeat")
									 : _("first"));
	if (e)
		printf(_("earlier: %zu bans or warnings, %zu incidents, %zu kept pseudonymised"),
		       e->bans, e->incidents, e->kept);
	else
		printf(ngettext("%zu earlier ban or warning", "%zu earlier bans or warnings",
				earlier), earlier);
	printf(")\n");
	printf("%-20s %s\n", _("proposed kind:"), policy_kind_name(p->kind));
	printf("%-20s %s\n", _("allowed kinds:"), kinds);
	if (p->rule.max_months > 0)
		printf(_("%-20s %d to %d months (building and phone bans)\n"), _("duration:"),
		       p->rule.min_months, p->rule.max_months);
	else
		printf(_("%-20s at most %d months\n"), _("duration:"), t->other_max_months);
	if (sanctions_bounds(t, &p->rule, p->kind, starts, lo, hi) == 0)
		printf("%-20s %s .. %s\n", _("allowed end:"), lo, hi);
	printf("%-20s %s .. %s\n", _("proposed period:"), starts, p->ends);
	printf("%-20s %s\n", _("police report:"), p->rule.police_report ? _("required")
								    : _("optional"));
	printf("%-20s %s\n", _("order conversation:"),
	       p->rule.conversation_only ? _("proposed; enough on its own (no written warning "
					     "needed)")
	       : p->rule.conversation	 ? _("proposed")
					 : _("no"));
}

/* ban propose --incident ID: the perpetrator of the incident, its category as the
 * configuration maps it (or --reason), and its earlier offences: bans, incidents before it
 * and the traces the purge kept (issue 13). */
static int propose_incident(struct cli_ctx *ctx, const struct cli_args *a,
			    const struct sanction_table *table, const char *starts)
{
	const char *cmd = a->cmd->name;
	int64_t id = cli_num(a, "incident", 0);
	if (cli_has(a, "surname") || cli_has(a, "person"))
		return cli_fail(_("%s: --incident names the person already"), cmd);
	char list[256] = "", why[512];
	const char *reason = cli_text(a, "reason");
	enum ban_reason r = REASON_OTHER;
	if (reason && bancheck_reasons(table, reason, &r, list, sizeof list, why, sizeof why) != 0)
		return cli_fail("%s: --reason: %s", cmd, why);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct incident in;
	struct incidents_earlier e;
	enum store_status s = client_incident_get(cl, id, &in);
	if (s != STORE_OK)
		return cli_record_failed(cl, cmd, CLI_RECORD_INCIDENT, id, s);
	if (!in.perp_surname[0])
		return cli_fail(_("%s: incident %lld names no perpetrator (see 'balie incident "
				  "update %lld --perpetrator NAME')"), cmd, (long long)id,
				(long long)id);
	if (client_incident_earlier(cl, id, &e) != STORE_OK)
		return cli_client_failed(cl, cmd);
	if (!reason)
		r = ctx->config->incidents.sanction[in.category];
	struct sanction_proposal p;
	if (sanctions_propose(table, r, e.bans + e.incidents + e.kept, starts, &p) != 0)
		return cli_fail("%s: %s: %s", cmd, policy_reason_name(r),
				sanctions_check_message(SANCTION_NO_RULE));
	char when[32], who[600];
	cli_local_time(in.at, when, sizeof when);
	(void)cli_esc(in.perpetrator, who, sizeof who);
	printf("%-20s %lld (%s, %s)\n", _("incident:"), (long long)id,
	       incidents_category_label(in.category), when);
	printf("%-20s %s\n", _("person:"), who);
	print_proposal(table, &p, r, list, 0, &e, starts);
	return CLI_OK;
}

static int ban_propose(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	const char *reason = cli_text(a, "reason"), *surname = cli_text(a, "surname");
	int64_t person = cli_num(a, "person", 0);
	char today[DATES_DATE_LEN], why[512], list[256];
	cli_today(today);
	const char *starts = cli_date(a, "starts") ? cli_date(a, "starts") : today;
	struct sanction_table table;
	enum ban_reason r;
	if (cli_has(a, "incident")) {
		if (ban_table(ctx, &table) != 0)
			return CLI_ERROR;
		return propose_incident(ctx, a, &table, starts);
	}
	if (!reason)
		return cli_error_missing(cmd, "--reason");
	if (!person && !surname)
		return cli_error_missing(cmd, _("--person or --surname"));
	if (ban_table(ctx, &table) != 0)
		return CLI_ERROR;
	if (bancheck_reasons(&table, reason, &r, list, sizeof list, why, sizeof why) != 0)
		return cli_fail("%s: --reason: %s", cmd, why);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	size_t earlier = 0;
	const char *born = cli_date(a, "born");
	enum store_status s = person
		? client_ban_earlier_for_person(cl, person, &earlier)
		: client_ban_earlier(cl, cli_text(a, "given") ? cli_text(a, "given") : "",
				     cli_text(a, "prefix") ? cli_text(a, "prefix") : "", surname,
				     born ? born : "", 0, &earlier);
	if (s != STORE_OK)
		return cli_record_failed(cl, cmd, CLI_RECORD_PERSON, person, s);
	struct sanction_proposal p;
	if (sanctions_propose(&table, r, earlier, starts, &p) != 0)
		return cli_fail("%s: %s: %s", cmd, policy_reason_name(r),
				sanctions_check_message(SANCTION_NO_RULE));
	print_proposal(&table, &p, r, list, earlier, NULL, starts);
	return CLI_OK;
}

/* ------------------------------------------------------------------ activate */

/* Put the answers given as options into b; true when there was one. */
static bool fill_answers(const struct cli_args *a, struct ban *b, bool police, int *oom)
{
	struct { const char *opt; char **field; } t[] = {
		{"imposed-by", &b->imposed_by}, {"letter-sent", &b->letter_sent},
		{"notes", &b->notes}, {"enforcement", &b->enforcement},
	};
	bool any = false;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		const char *v = strcmp(t[i].opt, "letter-sent") == 0 ? cli_date(a, t[i].opt)
								     : cli_text(a, t[i].opt);
		if (!v)
			continue;
		char *d = strdup(v);
		if (!d) {
			*oom = 1;
			return any;
		}
		free(*t[i].field);
		*t[i].field = d;
		any = true;
	}
	if (cli_has(a, "police")) {
		b->police_informed = police;
		any = true;
	}
	return any;
}

static int ban_activate(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	bool police = false;
	if (cli_has(a, "police") && ban_parse_yesno(cli_text(a, "police"), &police) != 0) {
		char q[160];
		return cli_fail(_("%s: --police: %s is not yes or no"), cmd,
				ban_quoted(cli_text(a, "police"), q, sizeof q));
	}
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int status = CLI_ERROR, oom = 0;
	struct ban b = {0};
	enum store_status r = client_ban_get(cl, id, &b);
	if (r != STORE_OK) {
		status = cli_id_failed(cl, a, r);
		goto out;
	}
	if (b.status == BAN_STATUS_ACTIVE) {
		cli_error(_("ban %lld: is active already"), (long long)id);
		goto out;
	}
	/* The answers go in as an update first: the history shows who filled them in. */
	bool any = fill_answers(a, &b, police, &oom);
	if (oom) {
		cli_error("%s: %s", cmd, strerror(ENOMEM));
		goto out;
	}
	if (any) {
		if ((r = client_ban_update(cl, &b)) != STORE_OK) {
			status = cli_id_failed(cl, a, r);
			goto out;
		}
		b.version++;
	}
	if ((r = client_ban_activate(cl, id, b.version)) != STORE_OK) {
		status = cli_id_failed(cl, a, r);
		goto out;
	}
	printf(_("ban %lld active\n"), (long long)id);
	status = CLI_OK;
out:
	store_ban_clear(&b);
	return status;
}

/* ------------------------------------------------------------------ extend */

static int ban_extend(struct cli_ctx *ctx, const struct cli_args *a)
{
	int64_t id = a->id;
	const char *ends = cli_date(a, "ends"), *reason = cli_text(a, "reason"); /* required */
	struct client *cl = ctx->client;
	/* The table and the version are the service's business: any version, checked there. */
	enum store_status r = client_ban_extend(cl, id, ends, reason, cli_text(a, "justification"),
						-1);
	if (r != STORE_OK)
		return cli_id_failed(cl, a, r);
	printf(_("ban %lld extended until %s\n"), (long long)id, ends);
	return CLI_OK;
}

/* ------------------------------------------------------------------ history */

/* Local "YYYY-MM-DD HH:MM" of a stored instant, or the text as stored. */
static void local_time(const char *utc, char *out, size_t outsz)
{
	time_t t;
	if (dates_parse_utc(utc, &t) == 0)
		cli_local_time(t, out, outsz);
	else
		snprintf(out, outsz, "%s", utc);
}

static void history_line(const struct ban_history *h, bool tsv)
{
	char at[64];
	local_time(h->at, at, sizeof at);
	const char *status = h->status == BAN_STATUS_DRAFT ? "draft" : "active";
	if (tsv) {
		const char *f[] = {at, h->actor, h->action, status, policy_kind_name(h->kind),
				   policy_reason_name(h->reason), h->starts, h->ends, h->scope,
				   h->imposed_by, h->letter_sent, h->police_informed ? "yes" : "no",
				   *h->lifted_at ? "lifted" : "", h->detail};
		(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
		return;
	}
	cli_put_escaped(stdout, at);
	fputs("  ", stdout);
	cli_put_escaped(stdout, h->actor);
	char action[64], starts[32], ends[32];
	printf("  %-9s %-6s %s %s..%s", cli_esc(h->action, action, sizeof action), status,
	       policy_kind_name(h->kind), cli_esc(h->starts, starts, sizeof starts),
	       cli_esc(h->ends, ends, sizeof ends));
	if (*h->lifted_at)
		printf("  %s", _("lifted"));
	putchar('\n');
	if (*h->detail) {
		printf("    ");
		cli_put_escaped(stdout, h->detail);
		putchar('\n');
	}
}

static int ban_history(struct cli_ctx *ctx, const struct cli_args *a)
{
	int64_t id = a->id;
	bool tsv = cli_has(a, "tsv");
	struct client *cl = ctx->client;
	struct ban_history *h = NULL;
	size_t n = 0;
	struct ban b = {0};
	/* The history first: whoever may not see it is told so before anything is shown. */
	enum store_status r = client_ban_history(cl, id, &h, &n);
	if (r == STORE_OK && !tsv)
		r = client_ban_get(cl, id, &b);
	if (r != STORE_OK) {
		store_ban_history_free(h, n);
		store_ban_clear(&b);
		return cli_id_failed(cl, a, r);
	}
	if (!tsv) {
		char name[1024];
		cli_person_name(b.given_names, b.prefix, b.surname, name, sizeof name);
		printf(_("ban %lld: "), (long long)id);
		cli_put_escaped(stdout, name);
		printf(_(" (person %lld)\n"), (long long)b.person_id);
	}
	for (size_t i = 0; i < n; i++)
		history_line(&h[i], tsv);
	store_ban_history_free(h, n);
	store_ban_clear(&b);
	return CLI_OK;
}

/* ------------------------------------------------------------------ the table */

static const struct cli_opt propose_opts[] = {
	{.name = "reason", .letter = 'r', .type = CLI_TEXT, .arg = "REASON[,REASON...]",
	 .max = 255, .help = N_("the reason, or a combination (the most serious counts)")},
	{.name = "person", .letter = 'P', .type = CLI_ID, .arg = "ID",
	 .help = N_("the person, by id")},
	{.name = "given", .letter = 'g', .type = CLI_TEXT, .arg = "NAMES", .max = 200,
	 .allow_empty = true, .help = N_("given names or initials")},
	{.name = "prefix", .letter = 'p', .type = CLI_TEXT, .arg = "PREFIX", .max = 200,
	 .allow_empty = true, .help = N_("tussenvoegsel (van, de, van der, ...)")},
	{.name = "surname", .letter = 's', .type = CLI_TEXT, .arg = "NAME", .max = 200,
	 .help = N_("the person, by surname")},
	{.name = "born", .letter = 'b', .type = CLI_DATE, .arg = "DATE", .past = true,
	 .help = N_("date of birth, YYYY-MM-DD")},
	{.name = "starts", .letter = 'f', .type = CLI_DATE, .arg = "DATE",
	 .help = N_("first day (default today)")},
	{.name = "incident", .letter = 'I', .type = CLI_ID, .arg = "ID",
	 .help = N_("the incident's perpetrator and category (--reason overrides it); its "
		    "earlier incidents count too")},
	{.name = NULL},
};

static const struct cli_opt activate_opts[] = {
	{.name = "imposed-by", .letter = 'i', .type = CLI_TEXT, .arg = "NAME", .max = 200,
	 .help = N_("who imposed it")},
	{.name = "letter-sent", .letter = 'l', .type = CLI_DATE, .arg = "DATE", .past = true,
	 .help = N_("when the letter was sent")},
	{.name = "notes", .letter = 'n', .type = CLI_TEXT, .arg = "TEXT", .max = 2000,
	 .help = N_("details (shown only to roles that may see them)")},
	BAN_OPT_ENFORCEMENT,
	BAN_OPT_POLICE,
	{.name = NULL},
};

static const struct cli_opt extend_opts[] = {
	{.name = "ends", .letter = 'e', .type = CLI_DATE, .arg = "DATE",
	 .help = N_("the new last day (required)"), .required = true},
	{.name = "reason", .letter = 'r', .type = CLI_TEXT, .arg = "TEXT", .max = 2000,
	 .help = N_("why it is extended (required)"), .required = true},
	{.name = "justification", .letter = 'J', .type = CLI_TEXT, .arg = "TEXT", .max = 2000,
	 .help = N_("why the new duration is outside the sanction table")},
	{.name = NULL},
};

static const struct cli_opt history_opts[] = {
	{.name = "tsv", .letter = 't', .type = CLI_FLAG,
	 .help = N_("tab-separated: at, actor, action, status, kind, reason, starts, ends, "
		    "scope, imposed_by, letter_sent, police, lifted, detail")},
	{.name = NULL},
};

const struct cli_command cli_ban_lifecycle_commands[] = {
	{.name = "ban propose", .opts = propose_opts, .run = ban_propose,
	 .summary = N_("What the sanction table proposes for this person.\n"
		       "The earlier bans and warnings of the same person decide first offence or\n"
		       "repeat; a combination counts as its most serious reason.")},
	{.name = "ban activate", .args = N_("ID"), .opts = activate_opts, .min_args = 1,
	 .max_args = 1, .run = ban_activate, .id_arg = CLI_RECORD_BAN,
	 .summary = N_("Make a draft ban active once every mandatory answer is given.\n"
		       "The options fill in answers that are still missing first. Reception is\n"
		       "notified on every console.")},
	{.name = "ban extend", .args = N_("ID"), .opts = extend_opts, .min_args = 1, .max_args = 1,
	 .run = ban_extend, .id_arg = CLI_RECORD_BAN, .session_first = true,
	 .summary = N_("Extend a ban to a later last day.\n"
		       "The whole period must fit the sanction table unless a justification is\n"
		       "given; the old end stays in the history.")},
	{.name = "ban history", .args = N_("ID"), .opts = history_opts, .min_args = 1,
	 .max_args = 1, .run = ban_history, .id_arg = CLI_RECORD_BAN, .session_first = true,
	 .summary = N_("Every change of a ban, oldest first.\n"
		       "When (local time), who, what, and the ban as it was after the change.")},
	{.name = NULL},
};
