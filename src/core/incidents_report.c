/* incidents_report — the counting of the half-yearly incident report: which incidents and
 * tallies fall in a period, their counts per category, channel, place and month, the
 * previous period of the same length, bars and changes. Pure functions. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/incidents.h"

int incidents_period_check(const char *from, const char *to)
{
	int y, m, d;
	if (!from || !to || dates_parse_date(from, &y, &m, &d) != 0 ||
	    dates_parse_date(to, &y, &m, &d) != 0 || strcmp(from, to) > 0)
		return -1;
	return 0;
}

/* Months since year 0 of a date. */
static int month_index(const char *date)
{
	int y, m, d;
	if (dates_parse_date(date, &y, &m, &d) != 0)
		return -1;
	return y * 12 + (m - 1);
}

/* Whether date is the last day of its month. */
static bool month_end(const char *date)
{
	char next[DATES_DATE_LEN];
	return dates_add_days(date, 1, next) == 0 && strcmp(next + 8, "01") == 0;
}

int incidents_previous_period(const char *from, const char *to, char pfrom[DATES_DATE_LEN],
			      char pto[DATES_DATE_LEN])
{
	if (incidents_period_check(from, to) != 0 || dates_add_days(from, -1, pto) != 0)
		return -1;
	if (strcmp(from + 8, "01") == 0 && month_end(to)) {
		int months = month_index(to) - month_index(from) + 1;
		return dates_add_months(from, -months, pfrom);
	}
	int days;
	if (dates_diff_days(from, to, &days) != 0)
		return -1;
	return dates_add_days(pto, -days, pfrom);
}

/* The entry for key in a growing list; NULL on out-of-memory. */
static struct incidents_count *entry(struct incidents_count **list, size_t *n, size_t *cap,
				     const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*list)[i].key, key) == 0)
			return &(*list)[i];
	if (!grow_array(list, cap, *n + 1, sizeof **list, 16))
		return NULL;
	struct incidents_count *e = &(*list)[(*n)++];
	snprintf(e->key, sizeof e->key, "%s", key);
	e->n = 0;
	return e;
}

static int most_first(const void *a, const void *b)
{
	const struct incidents_count *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

void incidents_counts_free(struct incidents_counts *c)
{
	if (!c)
		return;
	free(c->places);
	free(c->months);
	free(c->tallies);
	c->places = c->months = c->tallies = NULL;
	c->nplaces = c->nmonths = c->ntallies = 0;
	c->places_cap = c->tallies_cap = 0;
}

static bool inside(const char *date, const char *from, const char *to)
{
	return strcmp(date, from) >= 0 && strcmp(date, to) <= 0;
}

int incidents_count(const char *from, const char *to, const struct incidents_record *rec,
		    size_t nrec, const struct incidents_tally *tally, size_t ntally,
		    struct incidents_counts *out)
{
	memset(out, 0, sizeof *out);
	if (incidents_period_check(from, to) != 0)
		return -1;
	snprintf(out->from, sizeof out->from, "%s", from);
	snprintf(out->to, sizeof out->to, "%s", to);
	int first = month_index(from), last = month_index(to);
	out->months = calloc((size_t)(last - first + 1), sizeof *out->months);
	if (!out->months)
		return -1;
	out->nmonths = (size_t)(last - first + 1);
	for (int i = first; i <= last; i++)
		snprintf(out->months[i - first].key, sizeof out->months[0].key, "%04d-%02d",
			 i / 12, i % 12 + 1);
	for (size_t i = 0; i < nrec; i++) {
		const struct incidents_record *r = &rec[i];
		if (!inside(r->date, from, to))
			continue;
		out->total++;
		if ((unsigned)r->category < INCIDENT_CATEGORY_COUNT)
			out->category[r->category]++;
		if ((unsigned)r->channel < INCIDENT_CHANNEL_COUNT)
			out->channel[r->channel]++;
		int m = month_index(r->date) - first;
		if (m >= 0 && (size_t)m < out->nmonths)
			out->months[m].n++;
		struct incidents_count *p = entry(&out->places, &out->nplaces, &out->places_cap, r->place);
		if (!p)
			goto oom;
		p->n++;
	}
	for (size_t i = 0; i < ntally; i++) {
		const struct incidents_tally *t = &tally[i];
		if (!inside(t->date, from, to))
			continue;
		char key[64];
		snprintf(key, sizeof key, "%s/%s", incidents_channel_name(t->channel),
			 incidents_category_name(t->category));
		struct incidents_count *e =
			entry(&out->tallies, &out->ntallies, &out->tallies_cap, key);
		if (!e)
			goto oom;
		e->n++;
		out->tally_total++;
	}
	if (out->nplaces > 1)
		qsort(out->places, out->nplaces, sizeof *out->places, most_first);
	if (out->ntallies > 1)
		qsort(out->tallies, out->ntallies, sizeof *out->tallies, most_first);
	return 0;
oom:
	incidents_counts_free(out);
	memset(out, 0, sizeof *out);
	return -1;
}

void incidents_bar(size_t n, size_t max, int width, char *out, size_t outsz)
{
	if (outsz == 0)
		return;
	size_t cells = 0;
	if (n > 0 && max > 0 && width > 0) {
		cells = (n * (size_t)width + max / 2) / max;
		if (cells == 0)
			cells = 1;
		if (cells > (size_t)width)
			cells = (size_t)width;
	}
	if (cells >= outsz)
		cells = outsz - 1;
	memset(out, '#', cells);
	out[cells] = '\0';
}

int incidents_change_percent(size_t now, size_t before, bool *defined)
{
	*defined = before > 0;
	if (before == 0)
		return 0;
	long long diff = ((long long)now - (long long)before) * 100;
	long long b = (long long)before;
	/* Rounded half away from zero: +12.5% shows as 13, -12.5% as -13. */
	return (int)(diff >= 0 ? (diff + b / 2) / b : -((-diff + b / 2) / b));
}
