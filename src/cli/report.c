/* report — 'balie report': the half-yearly incident report for the management team and the
 * works council. Counts per category, channel, place and month with the tallies, as TSV,
 * as text with small bar charts and the previous period of the same length, or as one
 * self-contained HTML page. It holds no names of people; every stored text is escaped. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/incident.h"
#include "client/lib.h"
#include "core/lib.h"
#include "i18n.h"
#include "store/lib.h"

#define BAR_WIDTH 24

/* Both periods counted. */
struct report {
	struct incidents_counts now, before;
	const char *municipality;
};

/* The count of key in a list, 0 when absent. */
static size_t count_of(const struct incidents_count *c, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(c[i].key, key) == 0)
			return c[i].n;
	return 0;
}

/* ------------------------------------------------------------------ TSV */

static void tsv_line(const char *section, const char *key, size_t n)
{
	char num[32];
	snprintf(num, sizeof num, "%zu", n);
	(void)cli_put_tsv(stdout, section, false);
	(void)cli_put_tsv(stdout, key, false);
	(void)cli_put_tsv(stdout, num, true);
}

static void print_tsv(const struct incidents_counts *c)
{
	tsv_line("total", "all", c->total);
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++)
		tsv_line("category", incidents_category_name((enum incident_category)i),
			 c->category[i]);
	for (int i = 0; i < INCIDENT_CHANNEL_COUNT; i++)
		tsv_line("channel", incidents_channel_name((enum incident_channel)i), c->channel[i]);
	for (size_t i = 0; i < c->nplaces; i++)
		tsv_line("place", c->places[i].key, c->places[i].n);
	for (size_t i = 0; i < c->nmonths; i++)
		tsv_line("month", c->months[i].key, c->months[i].n);
	tsv_line("tally", "all", c->tally_total);
	for (size_t i = 0; i < c->ntallies; i++)
		tsv_line("tally", c->tallies[i].key, c->tallies[i].n);
}

/* ------------------------------------------------------------------ text */

/* One row: label, count, bar, count before and the change. */
static void text_row(const char *label, size_t n, size_t before, size_t max)
{
	char bar[BAR_WIDTH + 1], change[32] = "";
	bool defined;
	incidents_bar(n, max, BAR_WIDTH, bar, sizeof bar);
	int pct = incidents_change_percent(n, before, &defined);
	if (defined)
		snprintf(change, sizeof change, "%+d%%", pct);
	/* Labels may hold configured place names: escaped, and padded by display width. */
	char esc[256];
	(void)text_escape(label, esc, sizeof esc);
	int pad = 32 - text_width(esc);
	printf("  %s%*s %5zu  %-*s  %5zu  %s\n", esc, pad > 0 ? pad : 0, "", n, BAR_WIDTH, bar,
	       before, change);
}

static size_t max_of(const size_t *v, size_t n)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		m = v[i] > m ? v[i] : m;
	return m;
}

static size_t max_list(const struct incidents_count *c, size_t n)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		m = c[i].n > m ? c[i].n : m;
	return m;
}

static void text_heading(const char *title)
{
	printf("\n%s\n", title);
	printf("  %-32s %5s  %-*s  %5s\n", "", _("now"), BAR_WIDTH, "", _("before"));
}

/* Keyed counts (places, tallies) under a heading, each with its count before, matched by
 * key; none says so. */
static void text_keyed(const char *title, const struct incidents_count *now, size_t n,
		       const struct incidents_count *before, size_t nbefore, const char *none)
{
	text_heading(title);
	size_t max = max_list(now, n);
	for (size_t i = 0; i < n; i++)
		text_row(now[i].key, now[i].n, count_of(before, nbefore, now[i].key), max);
	if (n == 0)
		printf("  %s\n", none);
}

static void print_text(const struct report *r)
{
	const struct incidents_counts *c = &r->now, *b = &r->before;
	char muni[256];
	(void)text_escape(r->municipality, muni, sizeof muni);
	printf(_("Incident report %s: %s to %s"), muni, c->from, c->to);
	putchar('\n');
	printf(_("Compared with the previous period of the same length: %s to %s"), b->from, b->to);
	putchar('\n');
	printf(_("Incidents: %zu (before: %zu). Tally marks of small misbehaviour: %zu (before: "
		 "%zu)."), c->total, b->total, c->tally_total, b->tally_total);
	putchar('\n');

	text_heading(_("By category"));
	size_t max = max_of(c->category, INCIDENT_CATEGORY_COUNT);
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++)
		text_row(incidents_category_label((enum incident_category)i), c->category[i],
			 b->category[i], max);
	text_heading(_("By channel"));
	max = max_of(c->channel, INCIDENT_CHANNEL_COUNT);
	for (int i = 0; i < INCIDENT_CHANNEL_COUNT; i++)
		text_row(incidents_channel_label((enum incident_channel)i), c->channel[i],
			 b->channel[i], max);
	text_keyed(_("By place"), c->places, c->nplaces, b->places, b->nplaces,
		   _("no incidents"));
	/* Months line up with the same month of the previous period. */
	text_heading(_("By month"));
	max = max_list(c->months, c->nmonths);
	for (size_t i = 0; i < c->nmonths; i++)
		text_row(c->months[i].key, c->months[i].n, i < b->nmonths ? b->months[i].n : 0, max);
	text_keyed(_("Tally marks (channel/category)"), c->tallies, c->ntallies, b->tallies,
		   b->ntallies, _("no tally marks"));
}

/* ------------------------------------------------------------------ HTML */

/* Text for HTML: anything unprintable made visible first, then the markup characters. */
static void html(FILE *f, const char *s)
{
	char buf[1024];
	(void)text_escape(s ? s : "", buf, sizeof buf);
	for (const char *p = buf; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*p, f);
		}
	}
}

static void html_row(FILE *f, const char *label, size_t n, size_t before, size_t max)
{
	bool defined;
	int pct = incidents_change_percent(n, before, &defined);
	unsigned width = max ? (unsigned)(n * 100 / max) : 0;
	fputs("<tr><th scope=\"row\">", f);
	html(f, label);
	fprintf(f, "</th><td class=\"n\">%zu</td><td class=\"bar\"><span style=\"width:%u%%\">"
		   "</span></td><td class=\"n\">%zu</td><td class=\"n\">", n, width, before);
	if (defined)
		fprintf(f, "%+d%%", pct);
	fputs("</td></tr>\n", f);
}

static void html_table(FILE *f, const char *title)
{
	fputs("<h2>", f);
	html(f, title);
	fputs("</h2>\n<table><thead><tr><th></th><th>", f);
	html(f, _("now"));
	fputs("</th><th></th><th>", f);
	html(f, _("before"));
	fputs("</th><th>", f);
	html(f, _("change"));
	fputs("</th></tr></thead><tbody>\n", f);
}

/* A table of keyed counts (places, tallies): each with its count before, matched by key. */
static void html_keyed(FILE *f, const char *title, const struct incidents_count *now,
		       size_t n, const struct incidents_count *before, size_t nbefore)
{
	html_table(f, title);
	size_t max = max_list(now, n);
	for (size_t i = 0; i < n; i++)
		html_row(f, now[i].key, now[i].n, count_of(before, nbefore, now[i].key), max);
	fputs("</tbody></table>\n", f);
}

static const char html_style[] =
	"body{font-family:sans-serif;margin:2em;color:#222}"
	"table{border-collapse:collapse;margin-bottom:1.5em}"
	"th,td{padding:.2em .6em;text-align:left}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums}"
	"td.bar{width:20em}td.bar span{display:inline-block;height:.9em;background:#2a6f97}"
	"thead th{border-bottom:1px solid #999}";

static void write_html(FILE *f, const struct report *r)
{
	const struct incidents_counts *c = &r->now, *b = &r->before;
	char text[512];
	/* TRANSLATORS: "lang:" followed by the language code of the HTML page. */
	const char *lang = _("lang:en");
	lang = strncmp(lang, "lang:", 5) == 0 ? lang + 5 : "en";
	fputs("<!DOCTYPE html>\n<html lang=\"", f);
	html(f, lang);
	fputs("\"><head><meta charset=\"utf-8\"><title>", f);
	snprintf(text, sizeof text, _("Incident report %s: %s to %s"), r->municipality, c->from,
		 c->to);
	html(f, text);
	fprintf(f, "</title><style>%s</style></head><body>\n<h1>", html_style);
	html(f, text);
	fputs("</h1>\n<p>", f);
	snprintf(text, sizeof text,
		 _("Compared with the previous period of the same length: %s to %s"), b->from,
		 b->to);
	html(f, text);
	fputs("</p>\n<p>", f);
	snprintf(text, sizeof text,
		 _("Incidents: %zu (before: %zu). Tally marks of small misbehaviour: %zu (before: "
		   "%zu)."), c->total, b->total, c->tally_total, b->tally_total);
	html(f, text);
	fputs("</p>\n", f);

	html_table(f, _("By category"));
	size_t max = max_of(c->category, INCIDENT_CATEGORY_COUNT);
	for (int i = 0; i < INCIDENT_CATEGORY_COUNT; i++)
		html_row(f, incidents_category_label((enum incident_category)i), c->category[i],
			 b->category[i], max);
	fputs("</tbody></table>\n", f);
	html_table(f, _("By channel"));
	max = max_of(c->channel, INCIDENT_CHANNEL_COUNT);
	for (int i = 0; i < INCIDENT_CHANNEL_COUNT; i++)
		html_row(f, incidents_channel_label((enum incident_channel)i), c->channel[i],
			 b->channel[i], max);
	fputs("</tbody></table>\n", f);
	html_keyed(f, _("By place"), c->places, c->nplaces, b->places, b->nplaces);
	html_table(f, _("By month"));
	max = max_list(c->months, c->nmonths);
	for (size_t i = 0; i < c->nmonths; i++)
		html_row(f, c->months[i].key, c->months[i].n, i < b->nmonths ? b->months[i].n : 0,
			 max);
	fputs("</tbody></table>\n", f);
	html_keyed(f, _("Tally marks (channel/category)"), c->tallies, c->ntallies, b->tallies,
		   b->ntallies);
	fputs("<p><small>", f);
	html(f, _("This report holds no names of people."));
	fputs("</small></p>\n</body></html>\n", f);
}

/* Write the page to path through a temporary file renamed into place, so a failure leaves
 * no half page; "-" is standard output. 0, or -1 after an error. */
static int html_to(const char *cmd, const char *path, const struct report *r)
{
	if (strcmp(path, "-") == 0) {
		write_html(stdout, r);
		if (fflush(stdout) == 0 && !ferror(stdout))
			return 0;
		cli_error("%s: --html: %s", cmd, strerror(errno ? errno : EIO));
		return -1;
	}
	char tmp[4200];
	int n = snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		cli_error(_("%s: --html: %s: the name is too long"), cmd, path);
		return -1;
	}
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		cli_error("%s: --html: %s: %s", cmd, tmp, strerror(errno));
		if (fd >= 0)
			(void)close(fd);
		return -1;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		cli_error("%s: --html: %s: %s", cmd, tmp, strerror(errno));
		(void)close(fd);
		(void)unlink(tmp);
		return -1;
	}
	write_html(f, r);
	int err = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0 ? errno : 0;
	if (fclose(f) != 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		cli_error("%s: --html: %s: %s", cmd, path, strerror(err ? err : EIO));
		(void)unlink(tmp);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ counting */

/* The instants to read for the period [from, to] and the one before it (into pfrom, pto);
 * 0, or -1 after an error reported under cmd. */
static int report_span(const char *cmd, const char *from, const char *to,
		       char pfrom[DATES_DATE_LEN], char pto[DATES_DATE_LEN], time_t *t_from,
		       time_t *t_to)
{
	char end[DATES_DATE_LEN];
	if (incidents_previous_period(from, to, pfrom, pto) != 0 ||
	    dates_add_days(to, 1, end) != 0 || dates_local_instant(pfrom, 0, t_from) != 0 ||
	    dates_local_instant(end, 0, t_to) != 0) {
		cli_error(_("%s: %s to %s is out of range"), cmd, from, to);
		return -1;
	}
	return 0;
}

/* Count what was read into both periods of r (freeing rec and tal); 0, or -1 after an
 * error. Free r with report_free. */
static int report_count(const char *cmd, const char *from, const char *to, const char *pfrom,
			const char *pto, struct incidents_record *rec, size_t nrec,
			struct incidents_tally *tal, size_t ntal, struct report *r)
{
	int rc = 0;
	if (incidents_count(from, to, rec, nrec, tal, ntal, &r->now) != 0 ||
	    incidents_count(pfrom, pto, rec, nrec, tal, ntal, &r->before) != 0) {
		cli_error("%s: %s", cmd, strerror(ENOMEM));
		rc = -1;
	}
	free(rec);
	free(tal);
	return rc;
}

static void report_free(struct report *r)
{
	incidents_counts_free(&r->now);
	incidents_counts_free(&r->before);
}

int cli_report_text(struct store *st, const struct config *cfg, const char *from,
		    const char *to)
{
	struct report r;
	memset(&r, 0, sizeof r);
	r.municipality = cfg && cfg->municipality ? cfg->municipality : "";
	char pfrom[DATES_DATE_LEN], pto[DATES_DATE_LEN];
	time_t t_from, t_to;
	struct incidents_record *rec = NULL;
	struct incidents_tally *tal = NULL;
	size_t nrec = 0, ntal = 0;
	if (report_span("report", from, to, pfrom, pto, &t_from, &t_to) != 0)
		return -1;
	if (store_incident_report(st, t_from, t_to, &rec, &nrec, &tal, &ntal) != STORE_OK) {
		cli_error("%s: %s", "report", store_error(st));
		return -1;
	}
	int rc = report_count("report", from, to, pfrom, pto, rec, nrec, tal, ntal, &r);
	if (rc == 0)
		print_text(&r);
	report_free(&r);
	return rc;
}

/* ------------------------------------------------------------------ the command */

static int report_run(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	const char *from = cli_date(a, "from"), *to = cli_date(a, "to");
	const char *html_path = cli_text(a, "html");
	bool tsv = cli_has(a, "tsv");
	if (strcmp(from, to) > 0)
		return cli_fail(_("%s: --to: %s is before --from %s"), cmd, to, from);
	if (tsv && html_path)
		return cli_fail(_("%s: --tsv and --html exclude each other"), cmd);
	struct report r;
	memset(&r, 0, sizeof r);
	r.municipality = ctx->config && ctx->config->municipality ? ctx->config->municipality
								  : "";
	char pfrom[DATES_DATE_LEN], pto[DATES_DATE_LEN];
	time_t t_from, t_to;
	if (report_span(cmd, from, to, pfrom, pto, &t_from, &t_to) != 0)
		return CLI_ERROR;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct incidents_record *rec = NULL;
	struct incidents_tally *tal = NULL;
	size_t nrec = 0, ntal = 0;
	if (client_incident_report(cl, t_from, t_to, &rec, &nrec, &tal, &ntal) != STORE_OK)
		return cli_client_failed(cl, cmd);
	int status = CLI_ERROR;
	if (report_count(cmd, from, to, pfrom, pto, rec, nrec, tal, ntal, &r) == 0) {
		if (tsv)
			print_tsv(&r.now);
		else if (html_path)
			status = html_to(cmd, html_path, &r) == 0 ? CLI_OK : CLI_ERROR;
		else
			print_text(&r);
		if (!html_path)
			status = CLI_OK;
	}
	report_free(&r);
	return status;
}

static const struct cli_opt report_opts[] = {
	{.name = "from", .type = CLI_DATE, .arg = "DATE", .help = N_("the first day (required)"),
	 .required = true},
	{.name = "to", .type = CLI_DATE, .arg = "DATE", .help = N_("the last day (required)"),
	 .required = true},
	{.name = "tsv", .type = CLI_FLAG,
	 .help = N_("lines section<TAB>key<TAB>count (total, category, channel, place, month, "
		    "tally)")},
	{.name = "html", .type = CLI_TEXT, .arg = "FILE", .max = 4095,
	 .help = N_("the same as one self-contained HTML page ('-': standard output)")},
	{.name = NULL},
};

const struct cli_command cli_report_commands[] = {
	{.name = "report", .opts = report_opts, .run = report_run,
	 .summary = N_("The incident report of a period (both days included) for the\n"
		       "management team and the works council: counts per category, channel,\n"
		       "place and month and the tally marks, compared with the previous\n"
		       "period of the same length (a half year with the half year before). No\n"
		       "names. Manager or HR.")},
	{.name = NULL},
};
