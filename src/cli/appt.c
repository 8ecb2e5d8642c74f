/* appt — the 'appt' commands: add appointments, flag risky ones with precautions, and list
 * a day's appointments with visitors on the ban list marked. The service applies the roles
 * and the public-hours rule; these only read the command line and print. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "client/lib.h"
#include "core/lib.h"
#include "i18n.h"

static int take_precautions(const char *cmd, const char *v, unsigned *out)
{
	const char *bad = NULL;
	if (policy_precautions_parse(v, out, &bad) != 0) {
		char esc[128];
		cli_error(_("%s: --precautions: unknown precaution \"%s\" (safe_room, colleague, "
			    "porter, police)"), cmd, cli_esc(bad ? bad : v, esc, sizeof esc));
		return -1;
	}
	return 0;
}

/* A reason the service did not need is not recorded: say so, as it was given. */
static void reason_unused(const char *cmd, enum appts_hours hours)
{
	if (hours == APPTS_HOURS_NOT_RISKY)
		cli_error(_("%s: --override-reason: not needed for an appointment that is not "
			    "risky (not recorded)"), cmd);
	else if (hours == APPTS_HOURS_WITHIN)
		cli_error(_("%s: --override-reason: not needed, the appointment lies within "
			    "public opening hours (not recorded)"), cmd);
}

/* The instants of "HH:MM" on date (local); 0, or -1 after the message. */
static int take_times(const char *cmd, const char *date, const char *start, const char *end,
		      struct appt *a)
{
	int smin = dates_parse_hm(start, false), emin = dates_parse_hm(end, true);
	if (smin < 0 || emin < 0) {
		char esc[64];
		cli_error(_("%s: %s: \"%s\" is not a time (HH:MM)"), cmd,
			  smin < 0 ? "--start" : "--end",
			  cli_esc(smin < 0 ? start : end, esc, sizeof esc));
		return -1;
	}
	if (emin <= smin) {
		cli_error(_("%s: --end: %s is not after the start (%s)"), cmd, end, start);
		return -1;
	}
	if (dates_local_instant(date, smin, &a->starts) != 0 ||
	    dates_local_instant(date, emin, &a->ends) != 0) {
		cli_error(_("%s: %s %s: no such local time"), cmd, date, start);
		return -1;
	}
	return 0;
}

static int appt_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *cmd = args->cmd->name;
	struct appt a = {0};
	const char *date = cli_date(args, "date"), *prec = cli_text(args, "precautions");
	const char *reason = cli_text(args, "override-reason");
	if (take_times(cmd, date, cli_text(args, "start"), cli_text(args, "end"), &a) != 0)
		return CLI_ERROR;
	snprintf(a.host, sizeof a.host, "%s", cli_text(args, "host"));
	snprintf(a.visitor, sizeof a.visitor, "%s", cli_text(args, "visitor"));
	if (cli_has(args, "room"))
		snprintf(a.room, sizeof a.room, "%s", cli_text(args, "room"));
	if (cli_has(args, "note"))
		snprintf(a.note, sizeof a.note, "%s", cli_text(args, "note"));
	if (cli_has(args, "born"))
		snprintf(a.visitor_born, sizeof a.visitor_born, "%s", cli_date(args, "born"));
	a.risky = cli_has(args, "risky");
	if (prec) {
		if (take_precautions(cmd, prec, &a.precautions) != 0)
			return CLI_ERROR;
		a.risky = true;
	}
	if (reason)
		snprintf(a.override_reason, sizeof a.override_reason, "%s", reason);
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int64_t id = 0;
	enum appts_hours hours;
	struct appts_ban_mark m;
	if (client_appt_add_ruled(cl, &a, &id, &hours, &m) != STORE_OK)
		return cli_client_failed(cl, cmd);
	printf("%lld\n", (long long)id);
	/* Not refused (no entry ban here, or an exception recorded), but reception must know. */
	if (m.verdict != NAMES_CLEAR)
		cli_error(m.verdict == NAMES_MATCH
				  ? _("%s: warning: the visitor is on the ban list (ban %lld)%s")
				  : _("%s: warning: the visitor may be on the ban list (ban %lld)%s"),
			  cmd, (long long)m.ban_id,
			  m.exception ? _("; an exception is recorded for that day") : "");
	if (reason)
		reason_unused(cmd, hours);
	return CLI_OK;
}

static int appt_flag(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *cmd = args->cmd->name;
	int64_t id = args->id;
	bool off = cli_has(args, "off");
	const char *prec = cli_text(args, "precautions"), *reason = cli_text(args, "override-reason");
	if (off && (prec || reason))
		return cli_fail(_("%s: --off and %s exclude each other"), cmd,
				prec ? "--precautions" : "--override-reason");
	unsigned bits = 0;
	if (prec && take_precautions(cmd, prec, &bits) != 0)
		return CLI_ERROR;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct appt a;
	if (client_appt_get(cl, id, &a) != STORE_OK)
		return cli_client_failed(cl, cmd);
	/* Without --precautions the present ones stay; the version guards against a change
	 * by someone else in between. */
	if (!off && !prec && a.risky)
		bits = a.precautions;
	enum appts_hours hours;
	if (client_appt_flag_ruled(cl, id, !off, off ? 0 : bits, reason, a.version, &hours) !=
	    STORE_OK)
		return cli_client_failed(cl, cmd);
	if (reason)
		reason_unused(cmd, hours);
	return CLI_OK;
}

/* The precautions of bits: machine names joined by "," (names), else labels. */
static void precautions_text(unsigned bits, bool names, char *out, size_t outsz)
{
	policy_precautions_join(bits, names ? policy_precaution_name : policy_precaution_label,
				names ? "," : ", ", out, outsz);
}

static void tsv_appt(const struct appt *a, const char *date, const char *mark)
{
	char s[6], e[6], id[32], prec[256];
	dates_local_hm(a->starts, s);
	dates_local_hm(a->ends, e);
	snprintf(id, sizeof id, "%lld", (long long)a->id);
	precautions_text(a->risky ? a->precautions : 0, true, prec, sizeof prec);
	const char *f[] = {id, date, s, e, a->host, a->visitor, a->visitor_born, a->room,
			   a->risky ? "yes" : "no", prec, mark};
	(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
}

static void print_appt(const struct appt *a, const struct appts_ban_mark *m)
{
	char s[6], e[6], prec[256], esc[1024];
	dates_local_hm(a->starts, s);
	dates_local_hm(a->ends, e);
	precautions_text(a->risky ? a->precautions : 0, false, prec, sizeof prec);
	printf("%5lld  %s-%s  ", (long long)a->id, s, e);
	(void)cli_put_escaped(stdout, *a->room ? a->room : "-");
	printf("  ");
	(void)cli_put_escaped(stdout, a->host);
	printf(" %s ", _("with"));
	(void)cli_put_escaped(stdout, a->visitor);
	if (*a->visitor_born)
		printf(" (%s)", cli_esc(a->visitor_born, esc, sizeof esc));
	if (a->risky)
		printf("  %s%s%s", _("RISKY"), *prec ? ": " : "", prec);
	if (*a->note) {
		printf("  %s: ", _("note"));
		(void)cli_put_escaped(stdout, a->note);
	}
	if (a->risky && *a->override_reason) {
		printf(_("  outside public hours, allowed by %s: "),
		       cli_esc(a->override_by, esc, sizeof esc));
		(void)cli_put_escaped(stdout, a->override_reason);
	}
	if (m->verdict == NAMES_MATCH)
		printf(_("  BANNED (ban %lld)"), (long long)m->ban_id);
	else if (m->verdict == NAMES_POSSIBLE)
		printf(_("  possibly banned (ban %lld)"), (long long)m->ban_id);
	putchar('\n');
}

static int appt_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *cmd = args->cmd->name;
	bool tsv = cli_has(args, "tsv");
	char date[DATES_DATE_LEN], next[DATES_DATE_LEN];
	if (cli_has(args, "date"))
		snprintf(date, sizeof date, "%s", cli_date(args, "date"));
	else
		cli_today(date);
	time_t from, to;
	if (dates_add_days(date, 1, next) != 0 || dates_local_instant(date, 0, &from) != 0 ||
	    dates_local_instant(next, 0, &to) != 0) {
		return cli_fail(_("%s: --date: %s is out of range"), cmd, date);
	}
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct appt *a = NULL;
	struct appts_ban_mark *m = NULL;
	size_t n = 0;
	if (client_appt_list_checked(cl, from, to, cli_has(args, "risky"), &a, &m, &n) !=
	    STORE_OK)
		return cli_client_failed(cl, cmd);
	for (size_t i = 0; i < n; i++) {
		const char *mark = m[i].verdict == NAMES_MATCH      ? "BANNED"
				   : m[i].verdict == NAMES_POSSIBLE ? "POSSIBLE"
								    : "";
		if (tsv)
			tsv_appt(&a[i], date, mark);
		else
			print_appt(&a[i], &m[i]);
	}
	if (!tsv && n == 0)
		printf(_("No appointments on %s.\n"), date);
	free(a);
	free(m);
	return CLI_OK;
}

/* --override-reason, the same for add and flag. */
#define OVERRIDE_REASON                                                                    \
	{.name = "override-reason", .type = CLI_TEXT, .arg = "TEXT", .max = 255,           \
	 .help = N_("a manager's reason for a risky appointment outside public opening hours")}

static const struct cli_opt add_opts[] = {
	{.name = "date", .type = CLI_DATE, .arg = "YYYY-MM-DD",
	 .help = N_("the day of the appointment"), .required = true},
	{.name = "start", .type = CLI_TEXT, .arg = "HH:MM", .help = N_("when it starts"),
	 .max = 16, .required = true},
	{.name = "end", .type = CLI_TEXT, .arg = "HH:MM", .help = N_("when it ends"), .max = 16,
	 .required = true},
	{.name = "host", .type = CLI_TEXT, .arg = "NAME",
	 .help = N_("the employee who receives the visitor"), .max = APPT_TEXT_MAX - 1,
	 .required = true},
	{.name = "visitor", .type = CLI_TEXT, .arg = "NAME", .help = N_("the visitor"),
	 .max = APPT_TEXT_MAX - 1, .required = true},
	{.name = "born", .type = CLI_DATE, .arg = "YYYY-MM-DD",
	 .help = N_("the visitor's date of birth (separates namesakes on the ban list)"),
	 .past = true},
	{.name = "room", .type = CLI_TEXT, .arg = "ROOM", .help = N_("the interview room"),
	 .max = APPT_TEXT_MAX - 1, .allow_empty = true},
	{.name = "note", .type = CLI_TEXT, .arg = "TEXT",
	 .help = N_("what reception should expect of the visitor (anyone may add this)"),
	 .max = 255},
	{.name = "risky", .type = CLI_FLAG, .help = N_("a risky appointment (a manager)")},
	{.name = "precautions", .type = CLI_TEXT, .arg = "LIST",
	 .help = N_("comma-separated: safe_room, colleague, porter, police (implies --risky)"),
	 .max = 256},
	OVERRIDE_REASON,
	{.name = NULL},
};
static const struct cli_opt flag_opts[] = {
	{.name = "off", .type = CLI_FLAG, .help = N_("take the mark off")},
	{.name = "precautions", .type = CLI_TEXT, .arg = "LIST",
	 .help = N_("comma-separated: safe_room, colleague, porter, police (default: the "
		    "present ones)"), .max = 256},
	OVERRIDE_REASON,
	{.name = NULL},
};
static const struct cli_opt list_opts[] = {
	{.name = "date", .type = CLI_DATE, .arg = "YYYY-MM-DD", .help = N_("the day (default today)")},
	{.name = "risky", .type = CLI_FLAG, .help = N_("only the risky appointments")},
	{.name = "tsv", .type = CLI_FLAG,
	 .help = N_("tab-separated: id, date, start, end, host, visitor, born, room, risky "
		    "(yes/no), precautions, ban (BANNED, POSSIBLE or empty)")},
	{.name = NULL},
};

const struct cli_command cli_appt_commands[] = {
	{.name = "appt add", .opts = add_opts, .run = appt_add,
	 .summary = N_("Add an appointment (local time) and print its id.\n--date, --start, "
		       "--end, --host and --visitor are required."),
	 .more = N_("Anyone may add one, to warn reception of an expected difficult visitor "
		    "(--note);\nmarking it risky is for a manager. safe_room needs a safe room of "
		    "the\nconfiguration (safe_rooms). A risky appointment outside public opening "
		    "hours is\nrefused unless a manager gives --override-reason, which is recorded "
		    "with it.\nA visitor with an entry ban here is refused unless an exception is "
		    "recorded\nfor that day ('balie ban exception add').")},
	{.name = "appt flag", .args = N_("ID"), .opts = flag_opts, .min_args = 1, .max_args = 1,
	 .run = appt_flag, .id_arg = CLI_RECORD_APPT,
	 .summary = N_("Mark an appointment as risky with precautions, or take the mark off."),
	 .more = N_("Outside public opening hours the mark is refused unless a manager gives\n"
		    "--override-reason (or gave one before), which is recorded.")},
	{.name = "appt list", .opts = list_opts, .run = appt_list,
	 .summary = N_("The appointments of a day in local time, banned visitors marked.\nA "
		       "visitor on the ban list is marked BANNED (possibly banned when the\nname "
		       "is only alike).")},
	{.name = NULL},
};
