/* cli_appt — the 'appt' subcommand: add appointments, flag risky ones with precautions, and
 * list a day's appointments with visitors on the ban list marked. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/dates.h"
#include "core/names.h"
#include "core/policy.h"
#include "core/roles.h"
#include "core/text.h"
#include "i18n.h"
#include "store/appts.h"

static int take_date(const char *cmd, const char *opt, const char *v)
{
	int y, m, d;
	if (dates_parse_date(v, &y, &m, &d) != 0) {
		char esc[128];
		(void)text_escape(v, esc, sizeof esc);
		cli_error(_("%s: %s: \"%s\" is not a date (YYYY-MM-DD)"), cmd, opt, esc);
		return -1;
	}
	return 0;
}

static int take_precautions(const char *cmd, const char *v, unsigned *out)
{
	const char *bad = NULL;
	if (policy_precautions_parse(v, out, &bad) != 0) {
		char esc[128];
		(void)text_escape(bad ? bad : v, esc, sizeof esc);
		cli_error(_("%s: --precautions: unknown precaution \"%s\" (safe_room, colleague, "
			    "porter, police)"), cmd, esc);
		return -1;
	}
	return 0;
}

/* Risky meetings are never planned outside public hours (domain rule): refused unless a
 * manager overrides with a reason. Returns 0 when the appointment may be flagged (and
 * leaves *reason set to the override to record, or NULL), -1 after an error. */
static int check_public_hours(const struct cli_ctx *ctx, const char *cmd, time_t from, time_t to,
			      const char **reason)
{
	const struct config_building *b = config_building_here(ctx->config);
	bool within = b && policy_within_public(&b->hours, &b->exceptions, from, to);
	if (within) {
		if (*reason)
			cli_error(_("%s: --override-reason: not needed, the appointment lies within "
				    "public opening hours (not recorded)"), cmd);
		*reason = NULL;
		return 0;
	}
	if (!*reason) {
		cli_error(_("%s: a risky appointment outside public opening hours is not allowed; "
			    "plan it within public hours, or a manager may allow it with "
			    "--override-reason TEXT"), cmd);
		return -1;
	}
	if (!roles_may(ctx->role, PERM_FLAG_APPT)) {
		cli_error(_("%s: --override-reason: only a manager may allow a risky appointment "
			    "outside public opening hours (your role: %s)"), cmd,
			  roles_label(ctx->role));
		return -1;
	}
	return 0;
}

/* Validate --override-reason in place; 0 or -1 after an error. */
static int take_reason(const char *cmd, char *v)
{
	return cli_check_text(cmd, "--override-reason", v, 255, false);
}

static int appt_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"start", required_argument, NULL, 's'},
		{"end", required_argument, NULL, 'e'},
		{"host", required_argument, NULL, 'H'},
		{"visitor", required_argument, NULL, 'v'},
		{"born", required_argument, NULL, 'b'},
		{"room", required_argument, NULL, 'r'},
		{"risky", no_argument, NULL, 'R'},
		{"precautions", required_argument, NULL, 'p'},
		{"override-reason", required_argument, NULL, 'O'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "appt add";
	char *override = NULL;
	char *date = NULL, *start = NULL, *end = NULL, *host = NULL, *visitor = NULL;
	char *born = NULL, *room = NULL, *prec = NULL;
	bool risky = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'd': date = optarg; break;
		case 's': start = optarg; break;
		case 'e': end = optarg; break;
		case 'H': host = optarg; break;
		case 'v': visitor = optarg; break;
		case 'b': born = optarg; break;
		case 'r': room = optarg; break;
		case 'R': risky = true; break;
		case 'p': prec = optarg; break;
		case 'O': override = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] appt add --date YYYY-MM-DD --start HH:MM "
				 "--end HH:MM\n"
				 "         --host NAME --visitor NAME [--born DATE] [--room ROOM]\n"
				 "         [--risky] [--precautions LIST] [--override-reason TEXT]\n"
				 "Add an appointment (local time) and print its id. --precautions (a\n"
				 "comma-separated list of safe_room, colleague, porter, police) implies\n"
				 "--risky. A risky appointment outside public opening hours is refused\n"
				 "unless a manager gives --override-reason, which is recorded with it.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	if (!date)
		return cli_error_missing(cmd, "--date");
	if (!start)
		return cli_error_missing(cmd, "--start");
	if (!end)
		return cli_error_missing(cmd, "--end");
	if (!host)
		return cli_error_missing(cmd, "--host");
	if (!visitor)
		return cli_error_missing(cmd, "--visitor");

	struct appt a = {0};
	if (take_date(cmd, "--date", date) != 0)
		return CLI_ERROR;
	int smin = dates_parse_hm(start, false), emin = dates_parse_hm(end, true);
	if (smin < 0 || emin < 0) {
		char esc[64];
		(void)text_escape(smin < 0 ? start : end, esc, sizeof esc);
		cli_error(_("%s: %s: \"%s\" is not a time (HH:MM)"), cmd,
			  smin < 0 ? "--start" : "--end", esc);
		return CLI_ERROR;
	}
	if (emin <= smin) {
		cli_error(_("%s: --end: %s is not after the start (%s)"), cmd, end, start);
		return CLI_ERROR;
	}
	if (dates_local_instant(date, smin, &a.starts) != 0 ||
	    dates_local_instant(date, emin, &a.ends) != 0) {
		cli_error(_("%s: %s %s: no such local time"), cmd, date, start);
		return CLI_ERROR;
	}
	if (cli_take_text(cmd, "--host", host, false, a.host, sizeof a.host) != 0 ||
	    cli_take_text(cmd, "--visitor", visitor, false, a.visitor, sizeof a.visitor) != 0)
		return CLI_ERROR;
	if (room && cli_take_text(cmd, "--room", room, true, a.room, sizeof a.room) != 0)
		return CLI_ERROR;
	if (born) {
		if (take_date(cmd, "--born", born) != 0)
			return CLI_ERROR;
		snprintf(a.visitor_born, sizeof a.visitor_born, "%s", born);
	}
	if (prec) {
		if (take_precautions(cmd, prec, &a.precautions) != 0)
			return CLI_ERROR;
		risky = true;
	}
	a.risky = risky;
	if (override && take_reason(cmd, override) != 0)
		return CLI_ERROR;
	const char *reason = override;
	if (risky && check_public_hours(ctx, cmd, a.starts, a.ends, &reason) != 0)
		return CLI_ERROR;
	if (!risky && reason)
		cli_error(_("%s: --override-reason: not needed for an appointment that is not "
			    "risky (not recorded)"), cmd);
	else if (reason)
		snprintf(a.override_reason, sizeof a.override_reason, "%s", reason);

	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int64_t id;
	int status = CLI_OK;
	if (store_appt_add(st, &a, &id) != STORE_OK) {
		status = cli_store_failed(st, cmd);
	} else {
		printf("%lld\n", (long long)id);
	}
	store_close(st);
	return status;
}

static int appt_flag(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"off", no_argument, NULL, 'o'},
		{"precautions", required_argument, NULL, 'p'},
		{"override-reason", required_argument, NULL, 'O'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "appt flag";
	char *override = NULL;
	bool off = false;
	const char *prec = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'o': off = true; break;
		case 'p': prec = optarg; break;
		case 'O': override = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] appt flag ID [--precautions LIST] "
				 "[--override-reason TEXT]\n"
				 "       balie [--db FILE] appt flag ID --off\n"
				 "Mark an appointment as risky with precautions (safe_room, colleague,\n"
				 "porter, police; without --precautions the present ones are kept), or\n"
				 "take the mark off. Outside public opening hours the mark is refused\n"
				 "unless a manager gives --override-reason, which is recorded.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the appointment id"));
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	int64_t id;
	if (cli_parse_id(argv[optind], &id) != 0) {
		char esc[128];
		(void)text_escape(argv[optind], esc, sizeof esc);
		cli_error(_("%s: \"%s\" is not an appointment id"), cmd, esc);
		return CLI_ERROR;
	}
	if (off && (prec || override)) {
		cli_error(_("%s: --off and %s exclude each other"), cmd,
			  prec ? "--precautions" : "--override-reason");
		return CLI_ERROR;
	}
	if (override && take_reason(cmd, override) != 0)
		return CLI_ERROR;
	unsigned bits = 0;
	if (prec && take_precautions(cmd, prec, &bits) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	struct appt a;
	if (store_appt_get(st, id, &a) != STORE_OK) {
		status = cli_store_failed(st, cmd);
		goto out;
	}
	if (!off && !prec && a.risky)
		bits = a.precautions;
	const char *reason = override;
	if (!off && check_public_hours(ctx, cmd, a.starts, a.ends, &reason) != 0) {
		status = CLI_ERROR;
		goto out;
	}
	enum store_status r = reason
		? store_appt_flag_override(st, id, bits, reason, a.version)
		: store_appt_flag(st, id, !off, off ? 0 : bits, a.version);
	if (r != STORE_OK)
		status = cli_store_failed(st, cmd);
out:
	store_close(st);
	return status;
}

static void precautions_text(unsigned bits, bool names, char *out, size_t outsz)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < PRECAUTION_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		int n = snprintf(out + len, outsz - len, "%s%s", len ? (names ? "," : ", ") : "",
				 names ? policy_precaution_name(i) : policy_precaution_label(i));
		if (n < 0 || (size_t)n >= outsz - len)
			return;
		len += (size_t)n;
	}
}

static int appt_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"risky", no_argument, NULL, 'R'},
		{"tsv", no_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "appt list";
	char date[DATES_DATE_LEN];
	bool risky = false, tsv = false;
	int c;
	cli_today(date);
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'd':
			if (take_date(cmd, "--date", optarg) != 0)
				return CLI_ERROR;
			snprintf(date, sizeof date, "%s", optarg);
			break;
		case 'R': risky = true; break;
		case 't': tsv = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] appt list [--date YYYY-MM-DD] [--risky] "
				 "[--tsv]\n"
				 "The appointments of a day (default today) in local time; a visitor on the\n"
				 "ban list is marked BANNED (POSSIBLE when the name is only alike).\n"
				 "  --risky   only the risky appointments\n"
				 "  --tsv     tab-separated: id, date, start, end, host, visitor, born, room,\n"
				 "            risky (yes/no), precautions, ban (BANNED, POSSIBLE or empty)\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	char next[DATES_DATE_LEN];
	time_t from, to;
	if (dates_add_days(date, 1, next) != 0 || dates_local_instant(date, 0, &from) != 0 ||
	    dates_local_instant(next, 0, &to) != 0) {
		cli_error(_("%s: --date: %s is out of range"), cmd, date);
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	struct appt *a = NULL;
	size_t n = 0;
	int status = CLI_OK;
	struct cli_bans *bans = cli_bans_load(st, date);
	if (!bans) {
		status = CLI_ERROR;
		goto out;
	}
	if (store_appt_list(st, from, to, risky, &a, &n) != STORE_OK) {
		status = cli_store_failed(st, cmd);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char s[6], e[6], id[32], prec[256];
		struct names_hit hits[4];
		size_t nh = cli_bans_search(bans, a[i].visitor, a[i].visitor_born, hits, 4);
		const char *mark = "";
		int64_t ban_id = 0;
		for (size_t h = 0; h < nh; h++) {
			if (hits[h].verdict == NAMES_MATCH) {
				mark = "BANNED";
				ban_id = hits[h].id;
				break;
			}
			if (!*mark) {
				mark = "POSSIBLE";
				ban_id = hits[h].id;
			}
		}
		dates_local_hm(a[i].starts, s);
		dates_local_hm(a[i].ends, e);
		snprintf(id, sizeof id, "%lld", (long long)a[i].id);
		precautions_text(a[i].risky ? a[i].precautions : 0, tsv, prec, sizeof prec);
		if (tsv) {
			cli_put_tsv(stdout, id, false);
			cli_put_tsv(stdout, date, false);
			cli_put_tsv(stdout, s, false);
			cli_put_tsv(stdout, e, false);
			cli_put_tsv(stdout, a[i].host, false);
			cli_put_tsv(stdout, a[i].visitor, false);
			cli_put_tsv(stdout, a[i].visitor_born, false);
			cli_put_tsv(stdout, a[i].room, false);
			cli_put_tsv(stdout, a[i].risky ? "yes" : "no", false);
			cli_put_tsv(stdout, prec, false);
			cli_put_tsv(stdout, mark, true);
			continue;
		}
		printf("%5s  %s-%s  ", id, s, e);
		cli_put_escaped(stdout, *a[i].room ? a[i].room : "-");
		printf("  ");
		cli_put_escaped(stdout, a[i].host);
		printf(" %s ", _("with"));
		cli_put_escaped(stdout, a[i].visitor);
		if (*a[i].visitor_born)
			printf(" (%s)", a[i].visitor_born);
		if (a[i].risky)
			printf("  %s%s%s", _("RISKY"), *prec ? ": " : "", prec);
		if (a[i].risky && *a[i].override_reason) {
			printf(_("  outside public hours, allowed by %s: "), a[i].override_by);
			cli_put_escaped(stdout, a[i].override_reason);
		}
		if (*mark == 'B')
			printf(_("  BANNED (ban %lld)"), (long long)ban_id);
		else if (*mark == 'P')
			printf(_("  possibly banned (ban %lld)"), (long long)ban_id);
		putchar('\n');
	}
	if (!tsv && n == 0)
		printf(_("No appointments on %s.\n"), date);
out:
	free(a);
	cli_bans_free(bans);
	store_close(st);
	return status;
}

static void appt_usage(void)
{
	printf(_("Usage: balie [--db FILE] appt COMMAND [OPTION]... [ARG]...\n"
		 "Appointments and risky meetings.\n\n"
		 "  add --date D --start HH:MM --end HH:MM --host H --visitor V [OPTION]...\n"
		 "  flag ID [--off] [--precautions LIST] [--override-reason TEXT]\n"
		 "                                         mark as risky (or not)\n"
		 "  list [--date D] [--risky] [--tsv]      a day's appointments\n\n"
		 "Run 'balie appt COMMAND --help' for the options of a command.\n"));
}

int cli_appt(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_error_missing("appt", _("a command (add, flag, list)"));
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		appt_usage();
		return CLI_OK;
	}
	if (strcmp(sub, "add") == 0)
		return appt_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "flag") == 0)
		return appt_flag(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return appt_list(ctx, argc - 1, argv + 1);
	cli_error(_("appt: unknown command '%s' (see 'balie appt --help')"), sub);
	return CLI_ERROR;
}
