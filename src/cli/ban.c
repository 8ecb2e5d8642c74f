/* ban — the 'ban' commands that read and keep the list day to day: list, show, add and lift.
 * Every field is checked here for a message naming the option, then sent to the service,
 * which checks again, applies the sanction table and decides who may see and do what. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/ban.h"
#include "client/lib.h"
#include "core/lib.h"
#include "i18n.h"

/* ------------------------------------------------------------------ list */

/* The local date of a stored instant ("" when there is none or it does not parse). */
static void local_date(const char *utc, char out[DATES_DATE_LEN])
{
	time_t t;
	out[0] = '\0';
	if (*utc && dates_parse_utc(utc, &t) == 0)
		dates_local_date(t, out);
}

static void list_tsv(const struct ban *b, const char *name)
{
	char lifted[DATES_DATE_LEN], id[32];
	local_date(b->lifted_at, lifted);
	snprintf(id, sizeof id, "%lld", (long long)b->id);
	/* The reason only when the service sent it (a role that may see it). */
	const char *f[] = {id, name, b->born, policy_kind_name(b->kind),
			   b->withheld ? "" : policy_reason_name(b->reason), b->starts, b->ends,
			   b->scope, lifted};
	(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
}

static void list_line(const struct ban *b, const char *name)
{
	printf("%6lld  ", (long long)b->id);
	cli_put_escaped(stdout, b->starts);
	fputs("..", stdout);
	cli_put_escaped(stdout, b->ends);
	fputs("  ", stdout);
	cli_put_escaped(stdout, name);
	if (*b->born) {
		fputs(" (", stdout);
		cli_put_escaped(stdout, b->born);
		putchar(')');
	}
	printf(": %s", policy_kind_label(b->kind));
	if (*b->partner_surname) {
		char partner[512];
		cli_person_name("", b->partner_prefix, b->partner_surname, partner, sizeof partner);
		printf("; %s ", _("partner name:"));
		cli_put_escaped(stdout, partner);
	}
	if (*b->scope) {
		char scope[1100];
		printf(_("; only for: %s"), cli_esc(b->scope, scope, sizeof scope));
	}
	if (*b->lifted_at)
		printf("; %s", _("lifted"));
	if (b->status == BAN_STATUS_DRAFT)
		printf("; %s", _("draft"));
	putchar('\n');
}

static int ban_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	/* --all holds the others; drafts are never current. */
	if (!cli_has(a, "all") && cli_has(a, "current") && cli_has(a, "drafts"))
		return cli_fail(_("%s: --current and --drafts exclude each other"), a->cmd->name);
	enum ban_filter f = cli_has(a, "all") ? BAN_FILTER_ALL
			    : cli_has(a, "current") ? BAN_FILTER_CURRENT
			    : cli_has(a, "drafts") ? BAN_FILTER_DRAFT : BAN_FILTER_ACTIVE;
	bool tsv = cli_has(a, "tsv");
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	char today[DATES_DATE_LEN];
	cli_today(today);
	struct ban_list l = {0};
	if (client_ban_list(cl, f, today, 0, 0, &l) != STORE_OK)
		return cli_client_failed(cl, a->cmd->name);
	for (size_t i = 0; i < l.count; i++) {
		char name[1024];
		const struct ban *b = &l.items[i];
		cli_person_name(b->given_names, b->prefix, b->surname, name, sizeof name);
		if (tsv)
			list_tsv(b, name);
		else
			list_line(b, name);
	}
	cli_list_note(tsv, l.count, _("No bans."));
	store_ban_list_free(&l);
	return CLI_OK;
}

/* ------------------------------------------------------------------ show */

/* "label:   value" with the value escaped; nothing for an empty value. */
static void show_field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("%-18s ", label);
	cli_put_escaped(stdout, value);
	putchar('\n');
}

static int ban_show(struct cli_ctx *ctx, const struct cli_args *a)
{
	int64_t id = a->id;
	struct client *cl = ctx->client;
	struct ban b = {0};
	enum store_status r = client_ban_get(cl, id, &b);
	if (r != STORE_OK)
		return cli_id_failed(cl, a, r);
	char name[1024], today[DATES_DATE_LEN], lifted[DATES_DATE_LEN], period[64];
	cli_person_name(b.given_names, b.prefix, b.surname, name, sizeof name);
	cli_today(today);
	local_date(b.lifted_at, lifted);
	enum policy_ban_state state = policy_ban_state(b.status == BAN_STATUS_DRAFT, *b.lifted_at,
						       b.starts, b.ends, today);
	printf(_("ban %lld: "), (long long)b.id);
	cli_put_escaped(stdout, name);
	printf(_(" (person %lld)\n"), (long long)b.person_id);
	show_field(_("born:"), b.born);
	if (*b.partner_surname) {
		char partner[512];
		cli_person_name("", b.partner_prefix, b.partner_surname, partner, sizeof partner);
		show_field(_("partner name:"), partner);
	}
	show_field(_("kind:"), policy_kind_label(b.kind));
	show_field(_("state:"), policy_ban_state_label(state));
	snprintf(period, sizeof period, "%s .. %s", b.starts, b.ends);
	show_field(_("period:"), period);
	show_field(_("buildings:"), *b.scope ? b.scope : _("all"));
	if (b.until_conversation)
		show_field(_("until:"), _("an order conversation has taken place"));
	show_field(_("enforcement:"), b.enforcement);
	show_field(_("imposed by:"), b.imposed_by);
	show_field(_("letter sent:"), b.letter_sent);
	show_field(_("lifted:"), lifted);
	show_field(_("lifted by:"), b.lifted_by);
	/* Issue 13: what the letter needs and where the ban came from (the service leaves the
	 * address out for a role that may not see it). */
	show_field(_("address:"), b.address);
	show_field(_("event date:"), b.event_date);
	char incident[32] = "", takeover[512] = "";
	if (b.incident_id)
		snprintf(incident, sizeof incident, "%lld", (long long)b.incident_id);
	show_field(_("incident:"), incident);
	if (*b.takeover_source)
		snprintf(takeover, sizeof takeover, _("from %s on %s%s%s"), b.takeover_source,
			 b.takeover_date, *b.reviewed_at ? _(", reviewed by ") : _(", not reviewed"),
			 b.reviewed_by);
	show_field(_("taken over:"), takeover);
	if (b.withheld) {
		/* The service left them out for this role; say so rather than show blanks. */
		show_field(_("reason:"), _("(not shown to your role)"));
	} else {
		char reason[300];
		snprintf(reason, sizeof reason, "%s%s%s%s", policy_reason_label(b.reason),
			 *b.reasons ? " (" : "", b.reasons, *b.reasons ? ")" : "");
		show_field(_("reason:"), reason);
		show_field(_("offence:"), b.repeat_offence ? _("repeat") : _("first"));
		show_field(_("police informed:"), b.police_informed ? _("yes") : _("no"));
		show_field(_("notes:"), b.notes);
		show_field(_("justification:"), b.justification);
		show_field(_("why lifted:"), b.lifted_reason);
	}
	store_ban_clear(&b);
	return CLI_OK;
}

/* ------------------------------------------------------------------ add */

/* The options of 'ban add' that are fields of the ban, in table order. */
static const enum banf add_fields[] = {
	BANF_GIVEN, BANF_PREFIX, BANF_SURNAME, BANF_BORN, BANF_PARTNER_PREFIX,
	BANF_PARTNER_SURNAME, BANF_KIND, BANF_REASON, BANF_STARTS, BANF_ENDS, BANF_SCOPE,
	BANF_IMPOSED_BY, BANF_LETTER_SENT, BANF_POLICE, BANF_NOTES, BANF_ADDRESS,
	BANF_EVENT_DATE,
};

/* The police report the service's table asks for, when the new ban has none: a warning
 * (the ban is saved; informing the police is a matter of hours, not of refusing it). */
static void police_warning(struct cli_ctx *ctx, struct client *cl, const char *cmd, int64_t id)
{
	struct sanction_table t;
	struct ban b = {0};
	if (client_ban_get(cl, id, &b) == STORE_OK && !b.police_informed && !b.withheld &&
	    ban_table(ctx, &t) == 0) {
		const struct sanction_rule *rule =
			sanctions_rule(&t, b.reason, b.repeat_offence ? SANCTION_REPEAT
								       : SANCTION_FIRST);
		if (rule && rule->police_report)
			cli_error(_("%s: warning: the sanction table requires a police report for %s "
				    "(--police)"), cmd, policy_reason_label(b.reason));
	}
	store_ban_clear(&b);
}

static void draft_note(const struct ban_new *b, int64_t id)
{
	unsigned missing = policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
					      b->letter_sent);
	if (!missing && !b->draft)
		return;
	char names[256];
	policy_missing_join(missing, policy_missing_name, ", ", names, sizeof names);
	if (missing)
		cli_error(_("ban %lld saved as a draft: missing %s; it is not on the list until "
			    "'balie ban activate %lld'"), (long long)id, names, (long long)id);
	else
		cli_error(_("ban %lld saved as a draft; it is not on the list until 'balie ban "
			    "activate %lld'"), (long long)id, (long long)id);
}

/* A date as people type it (cli_read_date): *v points to buf in the stored form when it
 * can be read; otherwise it is left for the field check to refuse with its message. */
static void read_date(char **v, enum dates_century c, char buf[DATES_DATE_LEN])
{
	if (*v && **v && cli_read_date(*v, c, buf) == 0)
		*v = buf;
}

/* Check what was typed and send it; the service applies the sanction table. */
static int add_send(struct cli_ctx *ctx, const struct cli_args *a, char *v[BANF_COUNT],
		    char **own_starts)
{
	const char *cmd = a->cmd->name;
	char today[DATES_DATE_LEN], why[512], reasons[256] = "";
	cli_today(today);
	if (!v[BANF_STARTS] && !(*own_starts = v[BANF_STARTS] = strdup(today)))
		return cli_fail("%s: %s", cmd, strerror(ENOMEM));
	char dates[5][DATES_DATE_LEN];
	read_date(&v[BANF_EVENT_DATE], DATES_PAST, dates[4]);
	read_date(&v[BANF_BORN], DATES_PAST, dates[0]);
	read_date(&v[BANF_LETTER_SENT], DATES_PAST, dates[1]);
	read_date(&v[BANF_STARTS], DATES_NEAR, dates[2]);
	read_date(&v[BANF_ENDS], DATES_NEAR, dates[3]);
	/* A combination is sent as its list; the most serious reason stands in the field. */
	if (v[BANF_REASON] && strchr(v[BANF_REASON], ',')) {
		struct sanction_table t;
		enum ban_reason most;
		if (ban_table(ctx, &t) != 0)
			return CLI_ERROR;
		if (bancheck_reasons(&t, v[BANF_REASON], &most, reasons, sizeof reasons, why,
				     sizeof why) != 0) {
			return cli_fail("%s: --reason: %s", cmd, why);
		}
		snprintf(v[BANF_REASON], strlen(v[BANF_REASON]) + 1, "%s", policy_reason_name(most));
	}
	struct ban_new b = {0};
	struct ban_norm norm;
	enum banf bad;
	if (ban_fields_check(ctx->config, v, today, &b, &norm, &bad, why, sizeof why) != 0) {
		if (!*v[bad] && bancheck_required(bad))
			return cli_error_missing(cmd, ban_field_option(bad));
		return cli_fail("%s: %s: %s", cmd, ban_field_option(bad), why);
	}
	b.reasons = reasons;
	b.incident_id = cli_num(a, "incident", 0);
	b.enforcement = cli_text(a, "enforcement");
	b.justification = cli_text(a, "justification");
	b.until_conversation = cli_has(a, "until-conversation");
	b.draft = cli_has(a, "draft");
	if (b.until_conversation && b.kind != BAN_SERVICE)
		return cli_fail(_("%s: --until-conversation: only a service stop (--kind service) "
				  "waits for an order conversation"), cmd);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int64_t id = 0;
	if (client_ban_insert(cl, &b, &id) != STORE_OK)
		return cli_client_failed(cl, cmd);
	printf("%lld\n", (long long)id);
	police_warning(ctx, cl, cmd, id);
	draft_note(&b, id);
	return CLI_OK;
}

/* Issue 13: a ban answering to incident --incident takes from it what the options do not
 * give: the perpetrator (name, date of birth, address), the day of the event and the
 * category as the configuration maps it. Copies go to own[*nown...]. 0, or -1 after the
 * message (an unknown incident, or one that names no perpetrator). */
static int from_incident(struct cli_ctx *ctx, const struct cli_args *a, char *v[BANF_COUNT],
			 char **own, size_t *nown)
{
	const char *cmd = a->cmd->name;
	int64_t id = cli_num(a, "incident", 0);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return -1;
	struct incident in;
	enum store_status r = client_incident_get(cl, id, &in);
	if (r != STORE_OK)
		return cli_record_failed(cl, cmd, CLI_RECORD_INCIDENT, id, r), -1;
	if (!in.perp_surname[0]) {
		cli_error(_("%s: incident %lld names no perpetrator (see 'balie incident update "
			    "%lld --perpetrator NAME')"), cmd, (long long)id, (long long)id);
		return -1;
	}
	char event[DATES_DATE_LEN];
	dates_local_date(in.at, event);
	const char *reason = policy_reason_name(ctx->config->incidents.sanction[in.category]);
	const struct { enum banf f; const char *value; } fill[] = {
		{BANF_GIVEN, in.perp_given}, {BANF_PREFIX, in.perp_prefix},
		{BANF_SURNAME, in.perp_surname}, {BANF_BORN, in.perp_born},
		{BANF_ADDRESS, in.perp_address}, {BANF_EVENT_DATE, event}, {BANF_REASON, reason},
	};
	/* Another person named explicitly keeps the whole name of the options. */
	bool named = v[BANF_SURNAME] != NULL;
	for (size_t i = 0; i < sizeof fill / sizeof *fill; i++) {
		enum banf f = fill[i].f;
		if (v[f] || (named && (f == BANF_GIVEN || f == BANF_PREFIX || f == BANF_SURNAME)))
			continue;
		if (*nown >= BANF_COUNT || !(own[*nown] = v[f] = strdup(fill[i].value))) {
			cli_error("%s: %s", cmd, strerror(ENOMEM));
			return -1;
		}
		(*nown)++;
	}
	return 0;
}

static int ban_add(struct cli_ctx *ctx, const struct cli_args *a)
{
	/* Copies: the checks trim in place, and --police alone is a constant. The check
	 * points absent fields at a constant "", so what is freed is kept apart. */
	char *v[BANF_COUNT] = {NULL}, *own[BANF_COUNT + 1] = {NULL};
	size_t nown = 0;
	int status = CLI_ERROR;
	for (size_t i = 0; i < sizeof add_fields / sizeof *add_fields; i++) {
		const char *t = cli_text(a, ban_field_option(add_fields[i]) + 2);
		if (t && !(own[nown++] = v[add_fields[i]] = strdup(t))) {
			cli_error("%s: %s", a->cmd->name, strerror(ENOMEM));
			goto out;
		}
	}
	if (cli_has(a, "incident") && from_incident(ctx, a, v, own, &nown) != 0)
		goto out;
	status = add_send(ctx, a, v, &own[nown]);
out:
	for (size_t i = 0; i <= nown && i <= BANF_COUNT; i++)
		free(own[i]);
	return status;
}

/* ------------------------------------------------------------------ lift */

static int ban_lift(struct cli_ctx *ctx, const struct cli_args *a)
{
	int64_t id = a->id;
	const char *reason = cli_text(a, "reason"); /* required */
	struct client *cl = ctx->client;
	enum store_status r = client_ban_lift(cl, id, reason, -1);
	if (r == STORE_OK) {
		printf(_("ban %lld lifted\n"), (long long)id);
		return CLI_OK;
	}
	if (r == STORE_CONFLICT)
		return cli_fail(_("ban %lld: already lifted"), (long long)id);
	return cli_id_failed(cl, a, r);
}

/* ------------------------------------------------------------------ the table */

#define FIELD(n, l, a, h) \
	{.name = (n), .letter = (l), .type = CLI_TEXT, .arg = (a), .help = (h), .max = 4000, \
	 .allow_empty = true}

static const struct cli_opt add_opts[] = {
	FIELD("given", 'g', "NAMES", N_("given names or initials")),
	FIELD("prefix", 'p', "PREFIX", N_("tussenvoegsel (van, de, van der, ...)")),
	FIELD("surname", 's', "NAME", N_("surname (required)")),
	FIELD("born", 'b', "DATE", N_("date of birth, YYYY-MM-DD")),
	FIELD("partner-prefix", 'P', "PREFIX", N_("prefix of the partner's surname")),
	FIELD("partner-surname", 'S', "NAME", N_("partner's surname used by the person")),
	FIELD("kind", 'k', "KIND", N_("building, phone, building+phone, service, warning")),
	FIELD("reason", 'r', "REASON", N_("verbal, threat, obstruction, attempt, physical, "
					  "property, other; a combination REASON,REASON")),
	FIELD("starts", 'f', "DATE", N_("first day (default today)")),
	FIELD("ends", 'e', "DATE", N_("last day (required)")),
	FIELD("scope", 'o', "IDS", N_("buildings, comma-separated (default all)")),
	FIELD("imposed-by", 'i', "NAME", N_("who imposed it")),
	FIELD("letter-sent", 'l', "DATE", N_("when the letter was sent")),
	BAN_OPT_POLICE,
	FIELD("notes", 'n', "TEXT", N_("details (shown only to roles that may see them)")),
	FIELD("address", 'A', "TEXT", N_("the person's address, for the letter")),
	FIELD("event-date", 'V', "DATE", N_("the day of what happened, for the letter")),
	{.name = "incident", .letter = 'I', .type = CLI_ID, .arg = "ID",
	 .help = N_("the incident the ban answers to: its perpetrator, date, address and "
		    "category fill in what is not given, and its earlier incidents count")},
	BAN_OPT_ENFORCEMENT,
	{.name = "justification", .letter = 'J', .type = CLI_TEXT, .arg = "TEXT", .max = 2000,
	 .help = N_("why kind or duration is outside the sanction table")},
	{.name = "until-conversation", .letter = 'U', .type = CLI_FLAG,
	 .help = N_("service stop until an order conversation took place")},
	{.name = "draft", .letter = 'D', .type = CLI_FLAG,
	 .help = N_("save as a draft even when complete")},
	{.name = NULL},
};

static const struct cli_opt list_opts[] = {
	{.name = "current", .letter = 'c', .type = CLI_FLAG,
	 .help = N_("also bans that start later")},
	BAN_OPT_ALL,
	{.name = "drafts", .letter = 'd', .type = CLI_FLAG,
	 .help = N_("only drafts (not yet active)")},
	{.name = "tsv", .letter = 't', .type = CLI_FLAG,
	 .help = N_("tab-separated: id, name, born, kind, reason, starts, ends, scope, lifted "
		    "(date or empty)")},
	{.name = NULL},
};

static const struct cli_opt lift_opts[] = {
	{.name = "reason", .letter = 'r', .type = CLI_TEXT, .arg = "TEXT", .max = 2000,
	 .help = N_("why it is lifted (required)"), .required = true},
	{.name = NULL},
};

const struct cli_command cli_ban_commands[] = {
	{.name = "ban list", .opts = list_opts, .run = ban_list,
	 .summary = N_("List the bans in force today, soonest-ending first.")},
	{.name = "ban show", .args = N_("ID"), .min_args = 1, .max_args = 1, .run = ban_show,
	 .id_arg = CLI_RECORD_BAN, .session_first = true,
	 .summary = N_("Show one ban: the person, kind, period, buildings and what to do.\n"
		       "The reason, notes and justification only to roles that may see them.")},
	{.name = "ban add", .opts = add_opts, .run = ban_add,
	 .summary = N_("Impose a ban or warning and print its id."),
	 .more = N_("A combination of reasons is written REASON,REASON: the most serious counts.\n"
		    "The ban is active only when the mandatory answers are given: --notes (why),\n"
		    "--starts, --ends, --imposed-by and --letter-sent; otherwise it is saved as a\n"
		    "draft ('balie ban activate ID' later). Kind and duration must fit the\n"
		    "sanction table (see 'balie ban propose') unless --justification is given.")},
	{.name = "ban lift", .args = N_("ID"), .opts = lift_opts, .min_args = 1, .max_args = 1,
	 .run = ban_lift, .id_arg = CLI_RECORD_BAN, .session_first = true,
	 .summary = N_("Lift a ban early (after a conversation or a written apology).\n"
		       "Who lifted it and why are recorded.")},
	{.name = NULL},
};
