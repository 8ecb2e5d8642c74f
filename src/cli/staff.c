/* cli_staff — the 'staff' subcommand: the support team and counter staff, checking in and
 * out, the evening roster, "nobody reachable" records, and whether the support-team minimum
 * is met now, in the next period and at the evening openings of the coming week. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "clock.h"
#include "core/dates.h"
#include "core/policy.h"
#include "core/roles.h"
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
	if (cli_check_text(cmd, _("name"), name, STAFF_TEXT_MAX - 1, false) != 0) {
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
	if (phone && cli_check_text(cmd, "--phone", phone, STAFF_TEXT_MAX - 1, true) != 0)
		return CLI_ERROR;
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

/* Read "HH:MM" (today) or "YYYY-MM-DD HH:MM" in local time; 0 on success. */
static int parse_local(const char *s, time_t now, time_t *out)
{
	char date[DATES_DATE_LEN];
	const char *hm = s;
	int y, m, d;
	if (strlen(s) == 16 && s[10] == ' ') {
		memcpy(date, s, 10);
		date[10] = '\0';
		if (dates_parse_date(date, &y, &m, &d) != 0)
			return -1;
		hm = s + 11;
	} else {
		dates_local_date(now, date);
	}
	int minutes = dates_parse_hm(hm, false);
	return minutes < 0 || dates_local_instant(date, minutes, out) != 0 ? -1 : 0;
}

/* staff in NAME / staff out NAME [--at TIME --note TEXT] */
static int staff_inout(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"at", required_argument, NULL, 'a'},
		{"note", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
	};
	bool in = strcmp(argv[0], "in") == 0;
	const char *cmd = in ? "staff in" : "staff out";
	const char *at_s = NULL;
	char *note = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", in ? opts + 2 : opts, cmd)) != -1) {
		switch (c) {
		case 'a': at_s = optarg; break;
		case 'n': note = optarg; break;
		case 'h':
			if (in)
				printf(_("Usage: balie [--db FILE] staff in NAME\n"
					 "Check a staff member in (present from now).\n"));
			else
				printf(_("Usage: balie [--db FILE] staff out NAME [--at TIME --note TEXT]\n"
					 "Check a staff member out now; or close a check-in that was left\n"
					 "open (after closing, or from an earlier day) as of TIME (HH:MM today,\n"
					 "or \"YYYY-MM-DD HH:MM\"), recording who did it and why in --note.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (!at_s != !note)
		return cli_error_missing(cmd, at_s ? "--note" : "--at");
	time_t at = 0;
	if (at_s && parse_local(at_s, clock_now(), &at) != 0) {
		char esc[64];
		(void)text_escape(at_s, esc, sizeof esc);
		cli_error(_("%s: --at: \"%s\" is not a time (HH:MM or \"YYYY-MM-DD HH:MM\")"), cmd,
			  esc);
		return CLI_ERROR;
	}
	if (note && cli_check_text(cmd, "--note", note, STAFF_NOTE_MAX - 1, false) != 0)
		return CLI_ERROR;
	char *name = take_name(cmd, argc - optind, argv + optind);
	if (!name)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	int status = CLI_ERROR;
	if (st) {
		enum store_status r = in ? store_staff_in(st, name)
			: at_s ? store_staff_out_at(st, name, at, note) : store_staff_out(st, name);
		status = r == STORE_OK ? CLI_OK : cli_store_failed(st, cmd);
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
		char hm[6], date[DATES_DATE_LEN], today[DATES_DATE_LEN];
		dates_local_hm(s->since, hm);
		dates_local_date(s->since, date);
		cli_today(today);
		if (strcmp(date, today) == 0)
			printf(_(" (since %s)"), hm);
		else
			printf(_(" (since %s %s)"), date, hm);
	}
	if (*s->phone) {
		printf("  ");
		cli_put_escaped(stdout, s->phone);
	}
	putchar('\n');
}

/* "HH:MM-HH:MM" of a period. */
static void period_text(const struct policy_period *p, char out[12])
{
	snprintf(out, 12, "%02u:%02u-%02u:%02u", (unsigned)p->start / 60 % 100,
		 (unsigned)p->start % 60, (unsigned)p->end / 60 % 100, (unsigned)p->end % 60);
}

/* The "nobody reachable" record covering slot s, or NULL. */
static const struct staff_unreachable *unreachable_for(const struct staff_unreachable *u,
						       size_t nu, const struct policy_slot *s)
{
	for (size_t i = 0; s && i < nu; i++)
		if (strcmp(u[i].date, s->date) == 0 && policy_period_spec_covers(u[i].period, s))
			return &u[i];
	return NULL;
}

static void print_unreachable(const struct staff_unreachable *u)
{
	char date[DATES_DATE_LEN], hm[6];
	dates_local_date(u->recorded_at, date);
	dates_local_hm(u->recorded_at, hm);
	printf(_("  NOBODY REACHABLE, reception informed (recorded by %s, %s %s): "),
	       u->recorded_by, date, hm);
	cli_put_escaped(stdout, u->note);
	putchar('\n');
	printf("  %s\n", _("Any aggression: call the police at once (112)."));
}

/* Count the support team scheduled for the evening of date; the members stay in *s. */
static int scheduled_on(struct store *st, const char *date, struct staff_member **s, size_t *n)
{
	if (store_staff_list(st, date, s, n) != STORE_OK)
		return -1;
	int count = 0;
	for (size_t i = 0; i < *n; i++)
		count += (*s)[i].team == TEAM_SUPPORT && (*s)[i].evening;
	return count;
}

/* One evening opening: scheduled vs required, the warning and the police rule. */
static int print_evening(struct store *st, const struct config *cfg,
			 const struct policy_slot *e, time_t now, int present,
			 const struct staff_unreachable *u, size_t nu)
{
	struct staff_member *s = NULL;
	size_t n = 0;
	int scheduled = scheduled_on(st, e->date, &s, &n);
	if (scheduled < 0)
		return -1;
	int minimum = cfg->support_minimum;
	const struct staff_unreachable *rec = unreachable_for(u, nu, e);
	struct policy_slot_staffing v;
	policy_slot_staffing(e, now, present, scheduled, minimum, cfg->staffing_warning_before,
			     rec != NULL, &v);
	char per[12];
	period_text(&e->period, per);
	printf(_("Evening opening %s %s: %d scheduled of the support team (minimum %d)"),
	       e->date, per, scheduled, minimum);
	if (v.running)
		printf(_(", %d present now"), present);
	putchar('\n');
	for (size_t i = 0; i < n; i++)
		if (s[i].team == TEAM_SUPPORT && s[i].evening)
			print_member(&s[i], false);
	if (v.state == STAFFING_SHORT || v.state == STAFFING_NOBODY) {
		if (v.running)
			printf(_("WARNING: evening opening %s short now: %d of %d present.\n"), e->date,
			       v.have, minimum);
		else
			printf(_("WARNING: evening opening %s short: %d of %d scheduled; tell "
				 "reception in advance.\n"), e->date, scheduled, minimum);
		if (v.warn && !rec)
			printf("  %s\n", config_protocol(cfg, PROTOCOL_UNDERSTAFFED));
	}
	if (rec && v.police)
		print_unreachable(rec);
	free(s);
	return 0;
}

/* Whether m counts as present: a check-in left open since an earlier day proves nobody is
 * here, so it is listed under the check-ins to verify and not counted towards the minimum. */
static bool counted(const struct config_building *b, const struct staff_member *m, time_t now)
{
	return m->present && policy_presence_check(&b->hours, &b->exceptions, m->since, now) !=
				     PRESENCE_EARLIER_DAY;
}

/* Presences left open after closing or from an earlier day: shown, never dropped. */
static void print_stale(const struct config_building *b, const struct staff_member *s, size_t n,
			time_t now)
{
	bool header = false;
	for (size_t i = 0; b && i < n; i++) {
		if (!s[i].present)
			continue;
		enum policy_presence p = policy_presence_check(&b->hours, &b->exceptions,
							       s[i].since, now);
		if (p == PRESENCE_OK)
			continue;
		if (!header)
			printf("%s\n", _("Check-ins to verify (still checked in):"));
		header = true;
		char date[DATES_DATE_LEN], hm[6];
		dates_local_date(s[i].since, date);
		dates_local_hm(s[i].since, hm);
		printf("    ");
		cli_put_escaped(stdout, s[i].name);
		if (p == PRESENCE_EARLIER_DAY)
			printf(_(": checked in %s %s and never checked out (not counted)"), date,
			       hm);
		else
			printf(_(": checked in %s, still in after closing"), hm);
		if (*s[i].phone) {
			printf("  ");
			cli_put_escaped(stdout, s[i].phone);
		}
		putchar('\n');
	}
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
	char today[DATES_DATE_LEN], date[DATES_DATE_LEN] = "";
	int c, y, m, d;
	dates_local_date(now, today);
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
				 "now and in the next public period today; the evening openings of the\n"
				 "coming 7 days (or only of DATE) with who is scheduled; \"nobody\n"
				 "reachable\" records; and check-ins left open after closing or from an\n"
				 "earlier day.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	const struct config *cfg = ctx->config;
	const struct config_building *b = config_building_here(cfg);
	if (!b) {
		cli_error(_("%s: the configuration names no building"), cmd);
		return CLI_ERROR;
	}
	const struct policy_week *w = &b->hours;
	const struct policy_exceptions *x = &b->exceptions;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	struct staff_member *s = NULL;
	struct staff_unreachable *u = NULL;
	size_t n = 0, nu = 0;
	char last[DATES_DATE_LEN];
	const char *from = *date && strcmp(date, today) < 0 ? date : today;
	if (dates_add_days(*date ? date : today, *date ? 0 : 6, last) != 0 ||
	    store_staff_list(st, today, &s, &n) != STORE_OK ||
	    store_staff_unreachable_list(st, b->id, from, strcmp(last, today) < 0 ? today : last,
					 &u, &nu) != STORE_OK) {
		status = cli_store_failed(st, cmd);
		goto out;
	}
	int minimum = cfg->support_minimum;
	int support_in = 0, counter_in = 0, scheduled_today = 0;
	for (size_t i = 0; i < n; i++) {
		if (counted(b, &s[i], now))
			s[i].team == TEAM_SUPPORT ? support_in++ : counter_in++;
		scheduled_today += s[i].team == TEAM_SUPPORT && s[i].evening;
	}

	/* Now. */
	char hm[6], per[12];
	struct policy_slot cur, next;
	bool open = policy_open_slot(w, x, now, &cur) == 1;
	dates_local_hm(now, hm);
	if (open) {
		period_text(&cur.period, per);
		printf(_("Now (%s %s): open to the public (%s)\n"), today, hm, per);
	} else {
		printf(_("Now (%s %s): %s\n"), today, hm, _("closed to the public (no minimum)"));
	}
	printf(_("  Support team present: %d (minimum %d while open)\n"), support_in, minimum);
	for (size_t i = 0; i < n; i++)
		if (counted(b, &s[i], now) && s[i].team == TEAM_SUPPORT)
			print_member(&s[i], true);
	printf(_("  Counter staff present: %d\n"), counter_in);
	for (size_t i = 0; i < n; i++)
		if (counted(b, &s[i], now) && s[i].team == TEAM_COUNTER)
			print_member(&s[i], true);
	if (open) {
		const struct staff_unreachable *rec = unreachable_for(u, nu, &cur);
		struct policy_slot_staffing v;
		policy_slot_staffing(&cur, now, support_in, scheduled_today, minimum,
				     cfg->staffing_warning_before, rec != NULL, &v);
		if (v.state == STAFFING_SHORT || v.state == STAFFING_NOBODY) {
			printf(_("WARNING: support team short now: %d of %d present.\n"), support_in,
			       minimum);
			if (!rec)
				printf("  %s\n", config_protocol(cfg, PROTOCOL_UNDERSTAFFED));
		}
		if (rec && v.police)
			print_unreachable(rec);
	}

	/* The next public period today. */
	if (policy_next_slot(w, x, now, 0, &next) == 1) {
		const struct staff_unreachable *rec = unreachable_for(u, nu, &next);
		struct policy_slot_staffing v;
		policy_slot_staffing(&next, now, support_in, scheduled_today, minimum,
				     cfg->staffing_warning_before, rec != NULL, &v);
		period_text(&next.period, per);
		if (v.counts_present)
			printf(_("Next public period today %s%s: %d of the support team present now "
				 "(minimum %d)\n"), per, next.period.evening ? _(" (evening)") : "",
			       v.have, minimum);
		else
			printf(_("Next public period today %s%s: %d of the support team scheduled "
				 "(minimum %d)\n"), per, next.period.evening ? _(" (evening)") : "",
			       v.have, minimum);
		if (v.warn) {
			char starts[6];
			dates_local_hm(next.starts, starts);
			printf(_("WARNING: short for the period from %s: %d of %d.\n"), starts, v.have,
			       minimum);
			if (!rec)
				printf("  %s\n", config_protocol(cfg, PROTOCOL_UNDERSTAFFED));
		}
		if (rec && v.police)
			print_unreachable(rec);
	} else {
		printf("%s\n", _("Next public period today: none"));
	}

	/* Evening openings: of DATE, or of the coming 7 days. */
	struct policy_slot ev[7 * POLICY_MAX_PERIODS];
	size_t nev = 0;
	if (*date) {
		struct policy_slot day[POLICY_MAX_PERIODS];
		int k = policy_day_slots(w, x, date, day);
		for (int i = 0; i < k; i++)
			if (day[i].period.evening)
				ev[nev++] = day[i];
		if (nev == 0)
			printf(_("Evening opening %s: none\n"), date);
	} else {
		nev = policy_evening_slots(w, x, now, 7, ev, sizeof ev / sizeof *ev);
		if (nev == 0)
			printf("%s\n", _("Evening openings in the coming 7 days: none"));
	}
	for (size_t i = 0; i < nev; i++) {
		if (print_evening(st, cfg, &ev[i], now, support_in, u, nu) != 0) {
			status = cli_store_failed(st, cmd);
			goto out;
		}
	}
	print_stale(b, s, n, now);
out:
	free(s);
	free(u);
	store_close(st);
	return status;
}

/* Only a manager (or HR) records that nobody of the support team is reachable. */
static int require_manager(const struct cli_ctx *ctx, const char *cmd)
{
	if (roles_may(ctx->role, PERM_FLAG_APPT))
		return 0;
	cli_error(_("%s: only a manager may do this (your role: %s)"), cmd,
		  roles_label(ctx->role));
	return -1;
}

static int staff_unreachable(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"note", required_argument, NULL, 'n'},
		{"withdraw", required_argument, NULL, 'w'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "staff unreachable";
	const char *period = "day", *withdraw = NULL;
	char *note = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'p': period = optarg; break;
		case 'n': note = optarg; break;
		case 'w': withdraw = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] staff unreachable DATE [--period "
				 "day|evening|HH:MM] --note TEXT\n"
				 "       balie [--db FILE] staff unreachable --withdraw ID\n"
				 "Record (as a manager) that nobody of the support team can be reached\n"
				 "for the public periods of DATE (default the whole day; evening = the\n"
				 "evening opening; HH:MM = the period starting then) and that reception\n"
				 "was informed: every console then shows that any aggression means\n"
				 "calling the police (112). --withdraw takes a record back.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (withdraw) {
		int64_t id;
		if (optind < argc)
			return cli_error_extra(cmd, argv[optind]);
		if (cli_parse_id(withdraw, &id) != 0) {
			char esc[64];
			(void)text_escape(withdraw, esc, sizeof esc);
			cli_error(_("%s: --withdraw: \"%s\" is not a record id"), cmd, esc);
			return CLI_ERROR;
		}
		if (require_manager(ctx, cmd) != 0)
			return CLI_ERROR;
		struct store *st = cli_open_store(ctx, 0);
		if (!st)
			return CLI_ERROR;
		int status = store_staff_unreachable_withdraw(st, id) == STORE_OK
			? CLI_OK : cli_store_failed(st, cmd);
		store_close(st);
		return status;
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the date"));
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	const char *date = argv[optind];
	int y, m, d;
	char esc[128];
	if (dates_parse_date(date, &y, &m, &d) != 0) {
		(void)text_escape(date, esc, sizeof esc);
		cli_error(_("%s: \"%s\" is not a date (YYYY-MM-DD)"), cmd, esc);
		return CLI_ERROR;
	}
	if (policy_period_spec_check(period) != 0) {
		(void)text_escape(period, esc, sizeof esc);
		cli_error(_("%s: --period: \"%s\" is not day, evening or HH:MM"), cmd, esc);
		return CLI_ERROR;
	}
	if (!note)
		return cli_error_missing(cmd, "--note");
	if (cli_check_text(cmd, "--note", note, STAFF_NOTE_MAX - 1, false) != 0)
		return CLI_ERROR;
	char today[DATES_DATE_LEN];
	cli_today(today);
	if (strcmp(date, today) < 0) {
		cli_error(_("%s: %s is in the past"), cmd, date);
		return CLI_ERROR;
	}
	const struct config_building *b = config_building_here(ctx->config);
	struct policy_slot slots[POLICY_MAX_PERIODS];
	int k = b ? policy_day_slots(&b->hours, &b->exceptions, date, slots) : 0;
	bool covers = false;
	for (int i = 0; i < k; i++)
		covers = covers || policy_period_spec_covers(period, &slots[i]);
	if (!covers) {
		(void)text_escape(period, esc, sizeof esc);
		cli_error(_("%s: %s %s: the building is not open to the public then"), cmd, date,
			  esc);
		return CLI_ERROR;
	}
	if (require_manager(ctx, cmd) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int64_t id = 0;
	int status = CLI_OK;
	if (store_staff_unreachable(st, b->id, date, period, note, &id) != STORE_OK)
		status = cli_store_failed(st, cmd);
	else
		printf("%lld\n", (long long)id);
	store_close(st);
	return status;
}

static void staff_usage(void)
{
	printf(_("Usage: balie [--db FILE] staff COMMAND [OPTION]... [ARG]...\n"
		 "The support team (porters, BOAs) and counter staff.\n\n"
		 "  add NAME --team support|counter [--phone P]   add a staff member\n"
		 "  in NAME                 check in\n"
		 "  out NAME [--at TIME --note TEXT]   check out (--at: a check-in left open)\n"
		 "  roster NAME DATE [--off]   (un)schedule for the evening opening of DATE\n"
		 "  status [--date DATE]    who is in, the support-team minimum now, next and\n"
		 "                          for the evening openings of the coming 7 days\n"
		 "  unreachable DATE [--period day|evening|HH:MM] --note TEXT\n"
		 "                          record: nobody reachable, reception informed\n\n"
		 "Run 'balie staff COMMAND --help' for the options of a command.\n"));
}

int cli_staff(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_error_missing("staff",
					 _("a command (add, in, out, roster, status, unreachable)"));
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
	if (strcmp(sub, "unreachable") == 0)
		return staff_unreachable(ctx, argc - 1, argv + 1);
	cli_error(_("staff: unknown command '%s' (see 'balie staff --help')"), sub);
	return CLI_ERROR;
}
