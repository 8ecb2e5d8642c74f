/* demo_summary — what each console panel would show of the demo data, as plain text, for
 * `balie --demo` without a terminal: alarms, the ban list, today's risky appointments and
 * the staffing (the incidents part is demo_incidents.c). */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/demo.h"
#include "core/lib.h"
#include "i18n.h"
#include "store/lib.h"

/* "Petra van Dijk-Jansen": given names, then the partner's name before the own one, as the
 * BRP usage "partner name, own name" is written. */
static void ban_display_name(const struct ban *b, char *out, size_t outsz)
{
	char own[256];
	snprintf(own, sizeof own, "%s%s%s", b->prefix, *b->prefix ? " " : "", b->surname);
	if (*b->partner_surname)
		snprintf(out, outsz, "%s%s%s%s%s-%s", b->given_names, *b->given_names ? " " : "",
			 b->partner_prefix, *b->partner_prefix ? " " : "", b->partner_surname, own);
	else
		snprintf(out, outsz, "%s%s%s", b->given_names, *b->given_names ? " " : "", own);
}

/* Print s padded with spaces to cols display columns. */
static void print_padded(const char *s, int cols)
{
	fputs(s, stdout);
	for (int w = text_width(s); w < cols; w++)
		putchar(' ');
}

static int summary_alarms(struct store *st, time_t now)
{
	struct alarm *al = NULL;
	size_t n = 0;
	char buf[3][512];
	if (store_alarm_list(st, 1, 0, &al, &n) != STORE_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, store_error(st));
		return -1;
	}
	printf(_("ALARMS: %zu open\n"), n);
	for (size_t i = 0; i < n; i++) {
		char hm[6];
		dates_local_hm(al[i].raised_at, hm);
		long mins = (long)((now - al[i].raised_at) / 60);
		printf(ngettext("  %s  %s alarm at %s, raised %ld minute ago by %s, %s\n",
				"  %s  %s alarm at %s, raised %ld minutes ago by %s, %s\n",
				(unsigned long)(mins < 0 ? 0 : mins)),
		       hm, cli_esc(store_alarm_kind_name(al[i].kind), buf[0], sizeof buf[0]),
		       cli_esc(al[i].location, buf[1], sizeof buf[1]), mins,
		       cli_esc(al[i].raised_by, buf[2], sizeof buf[2]),
		       al[i].acked_at ? _("acknowledged (porter on the way)")
				      : _("NOT acknowledged"));
	}
	free(al);
	return 0;
}

static int summary_bans(struct store *st, const struct config *c, const char *today)
{
	struct ban_list all = {0};
	if (store_ban_list(st, BAN_FILTER_ALL, today, 0, 0, &all) != STORE_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, store_error(st));
		return -1;
	}
	size_t active = 0, expired = 0, other = 0;
	for (size_t i = 0; i < all.count; i++) {
		const struct ban *b = &all.items[i];
		bool lifted = *b->lifted_at != '\0';
		if (policy_ban_active(b->starts, b->ends, lifted, today))
			active++;
		else if (!lifted && strcmp(b->ends, today) < 0)
			expired++;
		else
			other++;
	}
	putchar('\n');
	printf(_("BAN LIST: %zu active (of %zu on record; %zu expired and %zu lifted or "
		 "future, not shown)\n"),
	       active, all.count, expired, other);
	for (size_t i = 0; i < all.count; i++) {
		const struct ban *b = &all.items[i];
		if (!policy_ban_active(b->starts, b->ends, *b->lifted_at != '\0', today))
			continue;
		char name[512], ename[1024], born[64], scope[512], escope[1024];
		ban_display_name(b, name, sizeof name);
		cli_esc(name, ename, sizeof ename);
		snprintf(born, sizeof born, "(%s)", *b->born ? b->born : _("born unknown"));
		config_scope_names(c, b->scope, scope, sizeof scope);
		cli_esc(scope, escope, sizeof escope);
		int days = 0;
		bool soon = dates_diff_days(today, b->ends, &days) == 0 && days <= 7;
		printf("  %s  ", b->ends);
		print_padded(ename, 26);
		printf(" ");
		print_padded(born, 15);
		printf(" %s, %s", policy_kind_label(b->kind), escope);
		if (soon)
			printf(ngettext("  -- ends in %d day", "  -- ends in %d days",
					(unsigned long)days),
			       days);
		putchar('\n');
	}
	store_ban_list_free(&all);
	return 0;
}

static int summary_appts(struct store *st, const char *today)
{
	char tomorrow[DATES_DATE_LEN];
	time_t from, to;
	if (dates_add_days(today, 1, tomorrow) != 0 || dates_local_instant(today, 0, &from) != 0 ||
	    dates_local_instant(tomorrow, 0, &to) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, today, _("not a date"));
		return -1;
	}
	struct appt *ap = NULL;
	size_t n = 0, risky = 0;
	if (store_appt_list(st, from, to, false, &ap, &n) != STORE_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, store_error(st));
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		risky += ap[i].risky;
	putchar('\n');
	printf(_("TODAY'S RISKY APPOINTMENTS: %zu of %zu appointments\n"), risky, n);
	for (size_t i = 0; i < n; i++) {
		const struct appt *a = &ap[i];
		if (!a->risky)
			continue;
		char hm1[6], hm2[6], buf[4][512];
		dates_local_hm(a->starts, hm1);
		dates_local_hm(a->ends, hm2);
		printf(_("  %s-%s  %s  host %s  visitor %s"), hm1, hm2,
		       cli_esc(a->room, buf[0], sizeof buf[0]), cli_esc(a->host, buf[1], sizeof buf[1]),
		       cli_esc(a->visitor, buf[2], sizeof buf[2]));
		if (*a->visitor_born)
			printf(" (%s)", cli_esc(a->visitor_born, buf[3], sizeof buf[3]));
		struct ban_hit hit;
		size_t nh = 0;
		if (store_ban_check(st, a->visitor, a->visitor_born, today, &hit, 1, &nh) !=
		    STORE_OK) {
			putchar('\n');
			fprintf(stderr, "%s: %s\n", PACKAGE, store_error(st));
			free(ap);
			return -1;
		}
		if (nh > 0)
			printf("  %s", hit.verdict == NAMES_MATCH ? _("** ON THE BAN LIST **")
								  : _("(possibly on the ban list)"));
		store_ban_hits_clear(&hit, nh);
		putchar('\n');
		printf("      %s", _("precautions:"));
		bool any = false;
		for (int p = 0; p < PRECAUTION_COUNT; p++) {
			if (a->precautions & (1u << p)) {
				printf("%s %s", any ? "," : "", policy_precaution_label(p));
				any = true;
			}
		}
		if (!any)
			printf(" %s", _("none"));
		if (*a->flagged_by)
			printf(_("; judged by %s"), cli_esc(a->flagged_by, buf[0], sizeof buf[0]));
		putchar('\n');
	}
	free(ap);
	return 0;
}

/* What the summary says of each staffing state. */
static const char *const staffing_words[] = {
	[STAFFING_CLOSED] = N_("closed, no minimum"),
	[STAFFING_OK] = N_("OK"),
	[STAFFING_SHORT] = N_("SHORT"),
	[STAFFING_NOBODY] = N_("NOBODY of the support team"),
};
_Static_assert(sizeof staffing_words / sizeof *staffing_words == STAFFING_NOBODY + 1,
	       "a word for every staffing state");

static const char *staffing_word(enum staffing_state s)
{
	return (unsigned)s < sizeof staffing_words / sizeof *staffing_words ? _(staffing_words[s])
									    : "?";
}

static int summary_staff(struct store *st, const struct config *c, time_t now, const char *today)
{
	struct staff_member *m = NULL;
	size_t n = 0;
	if (store_staff_list(st, today, &m, &n) != STORE_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, store_error(st));
		return -1;
	}
	const struct config_building *b = config_building_here(c);
	int wd = dates_local_weekday(now), minute = dates_local_minutes(now);
	bool open = b && policy_open_period(&b->hours, wd, minute) >= 0;
	int eve = b ? policy_evening_period(&b->hours, wd) : -1;
	int present = 0, roster = 0;
	for (size_t i = 0; i < n; i++) {
		if (m[i].team != TEAM_SUPPORT)
			continue;
		present += m[i].present;
		roster += m[i].evening;
	}
	char buf[2][512];
	putchar('\n');
	printf(_("STAFFING (minimum %d of the support team while open)\n"), c->support_minimum);
	enum staffing_state now_state = policy_staffing(open, present, c->support_minimum);
	printf(_("  now: %s, support team present %d/%d: %s\n"),
	       open ? _("open") : _("closed"), present, c->support_minimum,
	       staffing_word(now_state));
	if (eve >= 0) {
		const struct policy_period *p = &b->hours.day[wd][eve];
		enum staffing_state st_eve = policy_staffing(true, roster, c->support_minimum);
		printf(_("  tonight %02d:%02d-%02d:%02d: support team on the roster %d/%d: %s"),
		       p->start / 60, p->start % 60, p->end / 60, p->end % 60, roster,
		       c->support_minimum, staffing_word(st_eve));
		if (roster < c->support_minimum)
			printf(ngettext(" (%d short)", " (%d short)",
					(unsigned long)(c->support_minimum - roster)),
			       c->support_minimum - roster);
		putchar('\n');
		if (st_eve == STAFFING_SHORT || st_eve == STAFFING_NOBODY)
			printf("    %s\n", cli_esc(config_protocol(c, PROTOCOL_UNDERSTAFFED), buf[0],
					   sizeof buf[0]));
	} else {
		printf("  %s\n", _("no evening opening today"));
	}
	for (size_t i = 0; i < n; i++) {
		char hm[6] = "";
		if (m[i].present)
			dates_local_hm(m[i].since, hm);
		printf("  %-8s ", m[i].team == TEAM_SUPPORT ? _("support") : _("counter"));
		print_padded(cli_esc(m[i].name, buf[0], sizeof buf[0]), 22);
		putchar(' ');
		cli_esc(m[i].phone, buf[1], sizeof buf[1]);
		if (m[i].present || m[i].evening)
			print_padded(buf[1], 14);
		else
			fputs(buf[1], stdout);
		if (m[i].present) {
			putchar(' ');
			printf(_("present since %s"), hm);
		}
		if (m[i].evening)
			printf("%s%s", m[i].present ? ", " : " ", _("on tonight's roster"));
		putchar('\n');
	}
	free(m);
	return 0;
}

int demo_summary(struct store *st, const struct config *c, time_t now)
{
	char today[DATES_DATE_LEN], hm[6], buf[2][512];
	dates_local_date(now, today);
	dates_local_hm(now, hm);
	const struct config_building *b = config_building_here(c);

	printf(_("balie demo: %s, %s, %s %s (fictional data)\n\n"),
	       cli_esc(c->municipality, buf[0], sizeof buf[0]),
	       cli_esc(b ? b->name : "", buf[1], sizeof buf[1]), today, hm);
	int rc = 0;
	if (summary_alarms(st, now) != 0 || summary_bans(st, c, today) != 0 ||
	    summary_appts(st, today) != 0 || summary_staff(st, c, now, today) != 0 ||
	    demo_incidents_summary(st, c, now) != 0)
		rc = -1;
	if (ferror(stdout))
		rc = -1;
	return rc;
}
