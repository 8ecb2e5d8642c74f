/* incident_due — the follow-up of incidents on the command line (manager, HR): show one
 * incident with its steps, the list of steps due over all incidents (overdue first, exit 1
 * when any is overdue), and marking a step done. Every look is audited. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/incident.h"
#include "clock.h"
#include "core/lib.h"
#include "client/lib.h"
#include "i18n.h"
#include "store/lib.h"

/* The translated word of a step's state, as shown in the first column. */
static const char *state_word(enum incident_due_state s)
{
	switch (s) {
	case DUE_OVERDUE: return _("OVERDUE");
	case DUE_OPEN: return _("open");
	case DUE_LATER: return _("later");
	case DUE_DONE: return _("done");
	}
	return "?";
}

/* "  label: value" with value escaped; nothing for an empty value unless always. */
static void line(const char *label, const char *value, bool always)
{
	if (!always && (!value || !*value))
		return;
	printf("  %s: ", label);
	(void)cli_put_escaped(stdout, value && *value ? value : "-");
	putchar('\n');
}

/* One follow-up step as a line of its own (escaped where it holds stored text). */
static void print_step(const struct incident_followup *f)
{
	char label[256], when[32];
	incidents_item_label(&f->due, label, sizeof label);
	printf("  %-9s ", state_word(f->state));
	if (f->state == DUE_DONE && f->marked) {
		/* Stored text is escaped first, so the line is one translatable sentence. */
		char by[256], note[1024];
		(void)text_escape(f->done_by, by, sizeof by);
		(void)text_escape(f->note, note, sizeof note);
		cli_local_time(f->done_at, when, sizeof when);
		if (note[0])
			printf(_("%s  %s [%s]  by %s: %s"), when, label, f->due.key, by, note);
		else
			printf(_("%s  %s [%s]  by %s"), when, label, f->due.key, by);
	} else if (f->state == DUE_DONE) {
		printf("%-16s  %s [%s]  ", f->due.done_date, label, f->due.key);
		fputs(_("recorded on the form"), stdout);
	} else {
		cli_local_time(f->due.due, when, sizeof when);
		printf("%s  %s [%s]", when, label, f->due.key);
	}
	putchar('\n');
}

/* The offence line: earlier offences and what the sanction table says. */
static int print_offence(struct client *cl, const struct cli_ctx *ctx,
			 const struct incident *in)
{
	struct incidents_earlier e;
	if (client_incident_earlier(cl, in->id, &e) != STORE_OK)
		return -1;
	enum sanction_offence o = incidents_offence(&e);
	enum ban_reason reason = ctx->config->incidents.sanction[in->category];
	printf("  %s: %s (", _("offence"), o == SANCTION_REPEAT ? _("repeat") : _("first"));
	printf(_("earlier: %zu bans or warnings, %zu incidents, %zu kept pseudonymised"),
	       e.bans, e.incidents, e.kept);
	printf("); %s: %s\n", _("sanction table"), policy_reason_label(reason));
	return 0;
}

static void print_incident(const struct incident *in)
{
	char when[32], buf[512], amount[2][64];
	cli_local_time(in->at, when, sizeof when);
	printf(_("Incident %lld"), (long long)in->id);
	putchar('\n');
	line(_("time"), when, true);
	snprintf(buf, sizeof buf, "%s (%s)", incidents_category_label(in->category),
		 incidents_category_name(in->category));
	line(_("category"), buf, true);
	snprintf(buf, sizeof buf, "%s (%s)", incidents_channel_label(in->channel),
		 incidents_channel_name(in->channel));
	line(_("channel"), buf, true);
	line(_("place"), in->place, true);
	line(_("employee"), in->employee, true);
	if (in->perpetrator[0]) {
		if (in->perp_born[0])
			snprintf(buf, sizeof buf, _("%s (born %s)"), in->perpetrator, in->perp_born);
		else
			snprintf(buf, sizeof buf, "%s", in->perpetrator);
		line(_("perpetrator"), buf, true);
	} else {
		line(_("perpetrator"), in->pseudonymised_at ? _("erased (retention period over)")
							     : _("not known"), true);
	}
	line(_("address"), in->perp_address, false);
	line(_("phone"), in->perp_phone, false);
	line(_("description"), in->description, true);
	line(_("witnesses"), in->witnesses, false);
	line(_("injury"), incidents_injury_label(in->injury), true);
	incident_euro(in->damage_personal, amount[0], sizeof amount[0]);
	incident_euro(in->damage_municipal, amount[1], sizeof amount[1]);
	snprintf(buf, sizeof buf, _("personal %s, municipal %s"), amount[0], amount[1]);
	line(_("damage"), buf, true);
	line(_("risk assessed beforehand"), incidents_answer_label(in->risk_assessed), true);
	line(_("measures taken"), in->measures, false);
	if (in->police == POLICE_REPORT)
		snprintf(buf, sizeof buf, _("report filed on %s, number %s"), in->police_date,
			 in->police_number);
	else
		snprintf(buf, sizeof buf, "%s", incidents_police_label(in->police));
	line(_("police"), buf, true);
	line(_("aftercare wanted"), incidents_answer_label(in->aftercare), true);
	line(_("order conversation"), in->conversation_date, false);
	line(_("minutes sent"), in->minutes_sent, false);
	line(_("preventable"), incidents_answer_label(in->preventable), true);
	line(_("how"), in->prevention, false);
	line(_("discussed in the team"), incidents_answer_label(in->discussed), true);
	if (in->alarm_id) {
		snprintf(buf, sizeof buf, "%lld", (long long)in->alarm_id);
		line(_("alarm"), buf, true);
	}
	cli_local_time(in->created_at, when, sizeof when);
	snprintf(buf, sizeof buf, _("%s by %s"), when, in->created_by);
	line(_("registered"), buf, true);
	if (in->completed_at) {
		cli_local_time(in->completed_at, when, sizeof when);
		snprintf(buf, sizeof buf, _("%s by %s"), when, in->completed_by);
		line(_("complete"), buf, true);
	} else {
		unsigned missing = incidents_form_missing(in->description, in->risk_assessed,
							  in->aftercare, in->preventable,
							  in->discussed);
		size_t len = 0;
		buf[0] = '\0';
		for (int i = 0; i < INCIDENT_MISSING_COUNT; i++)
			if (missing & (1u << i))
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
							len ? ", " : "",
							incidents_missing_option(i));
		char text[600];
		if (missing)
			snprintf(text, sizeof text, _("no: answer %s"), buf);
		else
			snprintf(text, sizeof text, "%s", _("no: every answer is given"));
		line(_("complete"), text, true);
	}
}

static int incident_show(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	struct client *cl = ctx->client;
	struct incident in;
	struct incident_followup f[INCIDENTS_MAX_ITEMS];
	size_t n = 0;
	enum store_status r = client_incident_get(cl, id, &in);
	if (r != STORE_OK)
		return cli_id_failed(cl, a, r);
	if ((r = client_incident_followups(cl, id, f, &n)) != STORE_OK)
		return cli_id_failed(cl, a, r);
	print_incident(&in);
	if (in.perp_surname[0] && print_offence(cl, ctx, &in) != 0)
		return cli_client_failed(cl, cmd);
	printf("%s\n", _("Follow-up:"));
	for (size_t i = 0; i < n; i++)
		print_step(&f[i]);
	if (n == 0)
		printf("  %s\n", _("no steps"));
	return CLI_OK;
}

static int incident_due(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool all = cli_has(a, "all"), tsv = cli_has(a, "tsv");
	struct client *cl = ctx->client;
	struct incident_due_row *rows = NULL;
	size_t n = 0;
	if (client_incident_due(cl, all, &rows, &n) != STORE_OK)
		return cli_client_failed(cl, cmd);
	int status = CLI_OK;
	for (size_t i = 0; i < n; i++) {
		const struct incident_due_row *row = &rows[i];
		char due[32], at[32], id[24], done[32] = "", label[256];
		cli_local_time(row->f.due.due, due, sizeof due);
		cli_local_time(row->at, at, sizeof at);
		snprintf(id, sizeof id, "%lld", (long long)row->incident_id);
		if (row->f.marked)
			cli_local_time(row->f.done_at, done, sizeof done);
		else if (row->f.due.done_by_fact)
			snprintf(done, sizeof done, "%s", row->f.due.done_date);
		if (row->f.state == DUE_OVERDUE)
			status = CLI_FOUND;
		if (tsv) {
			const char *f[] = {id, row->f.due.key, incidents_due_state_name(row->f.state),
					   due, at, incidents_category_name(row->category),
					   row->place, done, row->f.done_by};
			(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
			continue;
		}
		char place[512];
		incidents_item_label(&row->f.due, label, sizeof label);
		(void)text_escape(row->place, place, sizeof place);
		printf("%-9s %s  ", state_word(row->f.state), due);
		printf(_("incident %s (%s, %s, %s)  %s [%s]"), id, at,
		       incidents_category_name(row->category), place, label, row->f.due.key);
		putchar('\n');
	}
	return cli_list_end(tsv, n, _("Nothing to do: no follow-up step is due."), rows, status);
}

static int incident_done(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	const char *step = a->argv[1];
	enum incident_item item;
	int index;
	if (incidents_item_parse(step, &item, &index) != 0) {
		char esc[128];
		(void)text_escape(step, esc, sizeof esc);
		return cli_fail(_("%s: \"%s\" is not a follow-up step (aftercare1, aftercare2, "
				  "..., help, reaction, conversation, minutes, police, "
				  "inspectorate)"), cmd, esc);
	}
	time_t when = clock_now();
	const char *at = cli_text(a, "at"), *note = cli_text(a, "note");
	if (at && cli_take_local_time(cmd, "--at", at, &when) != 0)
		return CLI_ERROR;
	if (when > clock_now())
		return cli_fail(_("%s: --at: lies in the future"), cmd);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	enum store_status r = client_incident_done(cl, id, step, when, note ? note : "");
	return r == STORE_OK ? CLI_OK : cli_id_failed(cl, a, r);
}

static const struct cli_opt due_opts[] = {
	{.name = "all", .type = CLI_FLAG,
	 .help = N_("also the steps done and those whose window has not begun")},
	{.name = "tsv", .type = CLI_FLAG,
	 .help = N_("tab-separated: incident, step, state, due, incident time, category, place, "
		    "done at, done by")},
	{.name = NULL},
};
static const struct cli_opt done_opts[] = {
	{.name = "at", .type = CLI_TEXT, .arg = "\"YYYY-MM-DD HH:MM\"", .max = 32,
	 .help = N_("when it was done (default now)")},
	{.name = "note", .type = CLI_TEXT, .arg = "TEXT", .max = INCIDENT_NOTE_MAX,
	 .allow_empty = true, .help = N_("what was done")},
	{.name = NULL},
};

const struct cli_command cli_incident_due_commands[] = {
	{.name = "incident show", .args = N_("ID"), .min_args = 1, .max_args = 1,
	 .run = incident_show, .id_arg = CLI_RECORD_INCIDENT, .session_first = true,
	 .summary = N_("The form of incident ID, the earlier offences of its perpetrator and\n"
		       "its follow-up steps with their deadlines (manager or HR).")},
	{.name = "incident due", .opts = due_opts, .run = incident_due, .session_first = true,
	 .summary = N_("The follow-up steps of every incident that are to do, overdue ones\n"
		       "first (aftercare, professional help, reaction to the perpetrator,\n"
		       "order conversation and minutes, police report, labour inspectorate).\n"
		       "Exit status 1 when a step is overdue.")},
	{.name = "incident done", .args = N_("ID STEP"), .opts = done_opts, .min_args = 2,
	 .max_args = 2, .run = incident_done, .id_arg = CLI_RECORD_INCIDENT,
	 .summary = N_("Mark follow-up step STEP of incident ID done (now unless --at), with\n"
		       "who did it (you) and a note. The steps: aftercare1, aftercare2, ...,\n"
		       "help, reaction, conversation, minutes, police, inspectorate; 'balie\n"
		       "incident show ID' lists those of one incident.")},
	{.name = NULL},
};
