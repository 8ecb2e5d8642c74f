/* staff_status — 'staff status': who is in by team, whether the support-team minimum is met
 * now, in the next public period and at the evening openings of the coming week, the
 * "nobody reachable" records and check-ins left open. Data through the service; the hours
 * are this terminal's building's, as the console shows them. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "client/lib.h"
#include "clock.h"
#include "core/lib.h"
#include "i18n.h"

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
	char by[STAFF_TEXT_MAX * 4];
	printf(_("  NOBODY REACHABLE, reception informed (recorded by %s, %s %s): "),
	       cli_esc(u->recorded_by, by, sizeof by), date, hm);
	cli_put_escaped(stdout, u->note);
	putchar('\n');
	printf("  %s\n", _("Any aggression: call the police at once (112)."));
}

/* Count the support team scheduled for the evening of date; the members stay in *s. */
static int scheduled_on(struct client *cl, const char *date, struct staff_member **s, size_t *n)
{
	if (client_staff_list(cl, date, s, n) != STORE_OK)
		return -1;
	int count = 0;
	for (size_t i = 0; i < *n; i++)
		count += (*s)[i].team == TEAM_SUPPORT && (*s)[i].evening;
	return count;
}

/* One evening opening: scheduled vs required, the warning and the police rule. */
static int print_evening(struct client *cl, const struct config *cfg,
			 const struct policy_slot *e, time_t now, int present,
			 const struct staff_unreachable *u, size_t nu)
{
	struct staff_member *s = NULL;
	size_t n = 0;
	int scheduled = scheduled_on(cl, e->date, &s, &n);
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

int cli_staff_status(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	time_t now = clock_now();
	char today[DATES_DATE_LEN], date[DATES_DATE_LEN] = "";
	dates_local_date(now, today);
	if (cli_has(a, "date"))
		snprintf(date, sizeof date, "%s", cli_date(a, "date"));
	const struct config *cfg = ctx->config;
	const struct config_building *b = config_building_here(cfg);
	if (!b)
		return cli_fail(_("%s: the configuration names no building"), cmd);
	const struct policy_week *w = &b->hours;
	const struct policy_exceptions *x = &b->exceptions;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	int status = CLI_OK;
	struct staff_member *s = NULL;
	struct staff_unreachable *u = NULL;
	size_t n = 0, nu = 0;
	char last[DATES_DATE_LEN];
	const char *from = *date && strcmp(date, today) < 0 ? date : today;
	if (dates_add_days(*date ? date : today, *date ? 0 : 6, last) != 0 ||
	    client_staff_list(cl, today, &s, &n) != STORE_OK ||
	    client_staff_unreachable_list(cl, b->id, from, strcmp(last, today) < 0 ? today : last,
					  &u, &nu) != STORE_OK) {
		status = cli_client_failed(cl, cmd);
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
		if (print_evening(cl, cfg, &ev[i], now, support_in, u, nu) != 0) {
			status = cli_client_failed(cl, cmd);
			goto out;
		}
	}
	print_stale(b, s, n, now);
out:
	free(s);
	free(u);
	return status;
}

const struct cli_opt cli_staff_status_opts[] = {
	{.name = "date", .type = CLI_DATE, .arg = "YYYY-MM-DD",
	 .help = N_("only the evening openings of this date")},
	{.name = NULL},
};

