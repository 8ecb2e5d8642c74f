/* alarm — the 'alarm' commands: raise (alarm hardware, scripts; never refused), acknowledge,
 * resolve, record a false alarm, reset all, and list the porters' queue. */
#include "autoconfig.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "client/lib.h"
#include "clock.h"
#include "core/lib.h"
#include "i18n.h"
#include "store/lib.h"

/* Machine names in enum alarm_kind order, for --kind and TSV (the store gives labels). */
static const char *const kind_names[ALARM_KIND_COUNT + 1] = {"panic", "robbery", "test", "fire",
								NULL};

static bool is_alarm_point(const struct config *cfg, const char *loc)
{
	for (size_t b = 0; cfg && b < cfg->nbuildings; b++)
		for (size_t i = 0; i < cfg->buildings[b].nalarm_points; i++)
			if (strcmp(cfg->buildings[b].alarm_points[i], loc) == 0)
				return true;
	return false;
}

static int alarm_raise(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	char *loc = cli_join_text(cmd, _("location"), a->argc, a->argv, ALARM_TEXT_MAX - 1);
	if (!loc)
		return CLI_ERROR;
	/* a robbery or fire point raises its own kind (balie.conf), unless --kind says so */
	int kind = cli_choice(a, "kind", ALARM_PANIC);
	const char *point_kind = config_alarm_kind(ctx->config, loc);
	for (int k = 0; !cli_has(a, "kind") && point_kind && k < ALARM_KIND_COUNT; k++)
		if (strcmp(kind_names[k], point_kind) == 0)
			kind = k;
	struct client *cl = cli_client(ctx);
	int status = CLI_OK;
	int64_t id = 0;
	char uid[ALARM_UID_LEN] = "", why[1024] = "";
	if (!cl && ctx->copts.db_path) {
		/* The database cannot even be opened (damaged, disk full ...; said above): the
		 * journal next to it still takes the alarm. */
		const char *tty = ttyname(STDIN_FILENO);
		/* The password database, as everywhere: not $USER. */
		const struct passwd *pw = getpwuid(getuid());
		if (store_journal_raise(ctx->copts.db_path, pw && pw->pw_name ? pw->pw_name : "?",
					tty ? tty : "cli", loc,
					(enum alarm_kind)kind, clock_now(), uid, why,
					sizeof why) != STORE_OK) {
			cli_error(_("%s: the alarm could NOT be recorded: %s; call the porters or "
				    "the police by phone"), cmd, why);
			status = CLI_ERROR;
		} else {
			snprintf(why, sizeof why, "%s", _("the database cannot be opened"));
		}
	} else if (!cl) {
		/* No service (said above): whoever typed this must not think help is coming. */
		status = cli_fail(_("%s: the alarm was NOT raised; call the porters or the police "
				    "by phone"), cmd);
	} else if (client_alarm_raise(cl, loc, (enum alarm_kind)kind, &id) != STORE_OK) {
		status = cli_fail(_("%s: the alarm was NOT raised: %s; call the porters or the "
				    "police by phone"), cmd, client_error(cl));
	} else if (*client_alarm_journaled(cl)) {
		snprintf(uid, sizeof uid, "%s", client_alarm_journaled(cl));
		snprintf(why, sizeof why, "%s", client_note(cl));
	}
	if (status == CLI_OK && *uid) {
		char journal[4200];
		store_side_path(ctx->copts.db_path ? ctx->copts.db_path : _("the database"),
				STORE_JOURNAL_SUFFIX, journal, sizeof journal);
		printf("J%s\n", uid);
		cli_error(_("%s: the database could not take the alarm (%s); it was recorded in "
			    "%s, is shown on every console and moves into the database as soon "
			    "as that can be written"), cmd, why, journal);
	} else if (status == CLI_OK) {
		printf("%lld\n", (long long)id);
	}
	/* Warn only after raising: a panic button must never wait on a configuration. */
	if (status == CLI_OK && !is_alarm_point(ctx->config, loc))
		cli_error(_("%s: warning: \"%s\" is not a configured alarm point (raised "
			    "anyway)"), cmd, loc);
	free(loc);
	return status;
}

/* After a false alarm: the step at the alarm centre, with the time left (Veghel annex 10). */
static void print_cancel_step(const struct alarm *a)
{
	long left;
	char by[6];
	dates_local_hm(a->raised_at + POLICY_CANCEL_SECONDS, by);
	if (policy_false_alarm_cancel(a->raised_at, a->cancelled_at, clock_now(), &left) ==
	    POLICY_CANCEL_DUE)
		printf(_("Cancel the alarm at the alarm centre now: %ld:%02ld left (until %s). "
			 "Then record it: balie alarm cancelled %lld\n"), left / 60, left % 60, by,
		       (long long)a->id);
	else
		printf(_("The 5 minutes to cancel at the alarm centre passed at %s: cancel it "
			 "at once, the police may be on their way. Then record it: balie alarm "
			 "cancelled %lld\n"), by, (long long)a->id);
}

/* alarm cancelled ID: the false alarm was cancelled at the alarm centre. */
static int alarm_cancelled(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	int64_t id = a->id;
	struct client *cl = ctx->client;
	struct alarm al;
	enum store_status s = client_alarm_cancelled(cl, id, &al);
	if (s != STORE_OK)
		return cli_id_failed(cl, a, s);
	if (policy_false_alarm_cancel(al.raised_at, al.cancelled_at, al.cancelled_at, NULL) ==
	    POLICY_CANCEL_LATE_DONE)
		cli_error(_("%s: alarm %lld: recorded, but later than 5 minutes after the alarm"),
			  cmd, (long long)id);
	return CLI_OK;
}

/* ack, resolve, false: one alarm by id (resolve also --all). */
static int alarm_step(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool resolve = strcmp(cmd, "alarm resolve") == 0;
	bool all = resolve && cli_has(a, "all");
	int64_t id = 0;
	if (all && a->argc > 0)
		return cli_error_extra(cmd, a->argv[0]);
	if (!all) {
		if (a->argc == 0)
			return cli_error_missing(cmd, resolve ? _("the alarm id (or --all)")
							      : _("the alarm id"));
		if (cli_record_id(a, CLI_RECORD_ALARM, &id) != 0)
			return CLI_ERROR;
	}
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	enum store_status s;
	int count = 0;
	if (all)
		s = client_alarm_resolve_all(cl, &count);
	else if (resolve)
		s = client_alarm_close(cl, id, ALARM_RESOLVED);
	else if (strcmp(cmd, "alarm ack") == 0)
		s = client_alarm_ack(cl, id);
	else
		s = client_alarm_close(cl, id, ALARM_FALSE);
	if (s != STORE_OK)
		return cli_record_failed(cl, cmd, CLI_RECORD_ALARM, id, s);
	if (all) {
		printf(ngettext("resolved %d alarm\n", "resolved %d alarms\n", (unsigned long)count),
		       count);
	} else if (!resolve && strcmp(cmd, "alarm false") == 0) {
		struct alarm al;
		if (client_alarm_get(cl, id, &al) != STORE_OK)
			return cli_client_failed(cl, cmd);
		print_cancel_step(&al);
	}
	return CLI_OK;
}

static const char *state_name(const struct alarm *a)
{
	switch (a->outcome) {
	case ALARM_RESOLVED: return "resolved";
	case ALARM_FALSE: return "false";
	case ALARM_TESTED: return "tested";
	case ALARM_OPEN:
	default: return a->acked_at ? "acknowledged" : "new";
	}
}

/* The human line's state, with the porters' names escaped like every stored text. */
static void put_state(const struct alarm *a)
{
	char who[1024], hm[6];
	switch (a->outcome) {
	case ALARM_RESOLVED:
		printf(_("resolved by %s"), cli_esc(a->resolved_by, who, sizeof who));
		return;
	case ALARM_FALSE:
		printf(_("false alarm (%s)"), cli_esc(a->resolved_by, who, sizeof who));
		switch (policy_false_alarm_cancel(a->raised_at, a->cancelled_at, clock_now(),
						  NULL)) {
		case POLICY_CANCEL_IN_TIME:
		case POLICY_CANCEL_LATE_DONE:
			dates_local_hm(a->cancelled_at, hm);
			printf(_("; cancelled at the alarm centre at %s by %s"), hm,
			       cli_esc(a->cancelled_by, who, sizeof who));
			break;
		case POLICY_CANCEL_DUE:
		case POLICY_CANCEL_LATE:
			printf("; %s", _("NOT cancelled at the alarm centre"));
			break;
		}
		return;
	case ALARM_TESTED:
		printf(_("test closed by %s"), cli_esc(a->resolved_by, who, sizeof who));
		return;
	case ALARM_OPEN:
	default:
		if (!a->acked_at) {
			fputs(_("NEW"), stdout);
			return;
		}
		dates_local_hm(a->acked_at, hm);
		printf(_("on the way: %s (since %s)"), cli_esc(a->acked_by, who, sizeof who), hm);
		return;
	}
}

static void print_alarms(const struct alarm *al, size_t n, bool tsv)
{
	for (size_t i = 0; i < n; i++) {
		char when[32], id[32];
		cli_local_time(al[i].raised_at, when, sizeof when);
		if (al[i].journaled) /* not in the database yet: the journal record's id */
			snprintf(id, sizeof id, "J%s", al[i].journal_uid);
		else
			snprintf(id, sizeof id, "%lld", (long long)al[i].id);
		if (tsv) {
			char cancelled[32] = "";
			if (al[i].cancelled_at)
				cli_local_time(al[i].cancelled_at, cancelled, sizeof cancelled);
			const char *f[] = {id, when, kind_names[al[i].kind], al[i].location,
					   state_name(&al[i]), al[i].acked_by, al[i].resolved_by,
					   cancelled, al[i].cancelled_by};
			cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
			continue;
		}
		printf("%5s  %s  %-8s  ", id, when, store_alarm_kind_name(al[i].kind));
		cli_put_escaped(stdout, al[i].location);
		fputs("  ", stdout);
		put_state(&al[i]);
		if (al[i].journaled)
			printf(" %s", _("(in the alarm journal)"));
		putchar('\n');
	}
}

static int alarm_list(struct cli_ctx *ctx, const struct cli_args *a)
{
	bool all = cli_has(a, "all"), tsv = cli_has(a, "tsv");
	const char *cmd = a->cmd->name;
	struct client *cl = cli_client(ctx);
	struct alarm *al = NULL;
	size_t n = 0;
	if (!cl || client_alarm_list(cl, !all, 0, &al, &n) != STORE_OK) {
		int status = cl ? cli_client_failed(cl, cmd) : CLI_ERROR;
		/* The table cannot be read: the alarms waiting in the journal are still shown
		 * (direct mode; the service shows them itself), with exit status 2. */
		char err[1024];
		if (ctx->copts.db_path &&
		    store_journal_alarms(ctx->copts.db_path, &al, &n, err, sizeof err) != STORE_OK)
			cli_error("%s: %s", cmd, err);
		print_alarms(al, n, tsv);
		free(al);
		return status;
	}
	print_alarms(al, n, tsv);
	int status = cli_list_end(tsv, n, all ? _("No alarms.") : _("No open alarms."), al,
				  CLI_OK);
	/* Listed all the same, but nobody may take a damaged database's list for the
	 * whole truth. */
	if (*client_note(cl))
		return cli_fail("%s: %s", cmd, client_note(cl));
	return status;
}

static const struct cli_opt raise_opts[] = {
	{.name = "kind", .letter = 'k', .type = CLI_CHOICE, .arg = "KIND",
	 .help = N_("what kind of alarm (default: the kind of the point in balie.conf, else "
		    "panic)"), .choices = kind_names},
	{.name = NULL},
};
static const struct cli_opt resolve_opts[] = {
	{.name = "all", .letter = 'a', .type = CLI_FLAG,
	 .help = N_("resolve every open alarm (the reset after an incident)")},
	{.name = NULL},
};
static const struct cli_opt list_opts[] = {
	{.name = "all", .letter = 'a', .type = CLI_FLAG, .help = N_("every alarm, newest first")},
	{.name = "tsv", .letter = 't', .type = CLI_FLAG,
	 .help = N_("tab-separated: id, raised (local time), kind, location, state (new, "
		    "acknowledged, resolved, false, tested), acknowledged by, closed by, cancelled "
		    "at the alarm centre (local time), by")},
	{.name = NULL},
};

const struct cli_command cli_alarm_commands[] = {
	{.name = "alarm raise", .args = N_("LOCATION"), .opts = raise_opts, .min_args = 1,
	 .max_args = -1, .run = alarm_raise,
	 .summary = N_("Raise an alarm at LOCATION and print its id. Every location is "
		       "accepted;\none that is not a configured alarm point gives a warning. "
		       "Nobody is ever refused.")},
	{.name = "alarm ack", .args = N_("ID"), .min_args = 1, .max_args = 1, .run = alarm_step,
	 .summary = N_("Acknowledge an alarm: you are on the way.")},
	{.name = "alarm resolve", .args = N_("ID"), .opts = resolve_opts, .max_args = 1,
	 .run = alarm_step,
	 .summary = N_("Close an alarm as resolved; --all resolves every open alarm and "
		       "prints how many.")},
	{.name = "alarm false", .args = N_("ID"), .min_args = 1, .max_args = 1,
	 .run = alarm_step, .summary = N_("Close an alarm as a false alarm."),
	 .more = N_("It must then be cancelled at the alarm centre within 5 minutes of the "
		    "alarm,\nor the police come; record that with 'balie alarm cancelled ID'.")},
	{.name = "alarm cancelled", .args = N_("ID"), .min_args = 1, .max_args = 1,
	 .run = alarm_cancelled, .id_arg = CLI_RECORD_ALARM, .session_first = true,
	 .summary = N_("Record that false alarm ID was cancelled at the alarm centre (now, by "
		       "you).\nWithin 5 minutes of the alarm is in time.")},
	{.name = "alarm list", .opts = list_opts, .run = alarm_list,
	 .summary = N_("List the open alarms, oldest first, with their state.")},
	{.name = NULL},
};
