/* sanctions — the sanction table's rules as pure functions: first or repeat offence, the
 * most serious category of a combination, a proposal, the duration check, letter templates. */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/grow.h"
#include "core/sanctions.h"
#include "core/text.h"
#include "i18n.h"

enum sanction_offence sanctions_offence(size_t earlier)
{
	return earlier > 0 ? SANCTION_REPEAT : SANCTION_FIRST;
}

int sanctions_most_serious(const struct sanction_table *t, const enum ban_reason *r, size_t n,
			   enum ban_reason *out)
{
	if (!t || !r || n == 0)
		return -1;
	int best = -1;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned)r[i] >= REASON_COUNT)
			return -1;
		/* A category the table lacks counts as the least serious, so a known one wins. */
		int sev = t->cat[r[i]].present ? t->cat[r[i]].severity : -1;
		if (best < 0 || sev > (t->cat[r[best]].present ? t->cat[r[best]].severity : -1))
			best = (int)i;
	}
	*out = r[best];
	return 0;
}

const struct sanction_rule *sanctions_rule(const struct sanction_table *t, enum ban_reason r,
					   enum sanction_offence o)
{
	if (!t || (unsigned)r >= REASON_COUNT || !t->cat[r].present)
		return NULL;
	return o == SANCTION_REPEAT ? &t->cat[r].repeat : &t->cat[r].first;
}

static bool is_ban_kind(enum ban_kind k)
{
	return k == BAN_BUILDING || k == BAN_PHONE || k == BAN_BUILDING_PHONE;
}

int sanctions_bounds(const struct sanction_table *t, const struct sanction_rule *rule,
		     enum ban_kind kind, const char *starts, char min_end[DATES_DATE_LEN],
		     char max_end[DATES_DATE_LEN])
{
	int y, m, d;
	if (!t || !rule || !starts || dates_parse_date(starts, &y, &m, &d) != 0)
		return -1;
	char tmp[DATES_DATE_LEN];
	if (is_ban_kind(kind) && rule->max_months > 0) {
		if (dates_add_months(starts, rule->min_months, tmp) != 0 ||
		    dates_add_days(tmp, -1, min_end) != 0 ||
		    dates_add_months(starts, rule->max_months, max_end) != 0)
			return -1;
		/* A minimum of 0 months: a ban may be as short as one day. */
		if (strcmp(min_end, starts) < 0)
			memcpy(min_end, starts, DATES_DATE_LEN);
		return 0;
	}
	memcpy(min_end, starts, DATES_DATE_LEN);
	return dates_add_months(starts, t->other_max_months, max_end) != 0 ? -1 : 0;
}

int sanctions_propose(const struct sanction_table *t, enum ban_reason reason, size_t earlier,
		      const char *starts, struct sanction_proposal *out)
{
	enum sanction_offence o = sanctions_offence(earlier);
	const struct sanction_rule *rule = sanctions_rule(t, reason, o);
	int y, m, d;
	if (!rule || !starts || dates_parse_date(starts, &y, &m, &d) != 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->reason = reason;
	out->offence = o;
	out->rule = *rule;
	out->kind = rule->propose;
	char tmp[DATES_DATE_LEN];
	int months = is_ban_kind(out->kind) && rule->max_months > 0 ? rule->min_months
								     : t->warning_months;
	if (months < 1)
		months = 1;
	if (dates_add_months(starts, months, tmp) != 0 || dates_add_days(tmp, -1, out->ends) != 0)
		return -1;
	return 0;
}

enum sanction_check sanctions_check(const struct sanction_table *t, enum ban_reason reason,
				    enum sanction_offence o, enum ban_kind kind,
				    const char *starts, const char *ends)
{
	int y, m, d;
	if (!starts || !ends || dates_parse_date(starts, &y, &m, &d) != 0 ||
	    dates_parse_date(ends, &y, &m, &d) != 0)
		return SANCTION_BAD_DATE;
	const struct sanction_rule *rule = sanctions_rule(t, reason, o);
	if (!rule)
		return SANCTION_NO_RULE;
	if ((unsigned)kind >= BAN_KIND_COUNT || !(rule->kinds & (1u << kind)))
		return SANCTION_KIND_OUTSIDE;
	char lo[DATES_DATE_LEN], hi[DATES_DATE_LEN];
	if (sanctions_bounds(t, rule, kind, starts, lo, hi) != 0)
		return SANCTION_BAD_DATE;
	if (strcmp(ends, lo) < 0)
		return SANCTION_TOO_SHORT;
	if (strcmp(ends, hi) > 0)
		return SANCTION_TOO_LONG;
	return SANCTION_OK;
}

const char *sanctions_check_message(enum sanction_check c)
{
	switch (c) {
	case SANCTION_OK: return _("fits the sanction table");
	case SANCTION_NO_RULE: return _("the sanction table has no row for this reason");
	case SANCTION_KIND_OUTSIDE: return _("the sanction table does not allow this kind here");
	case SANCTION_TOO_SHORT: return _("shorter than the sanction table allows");
	case SANCTION_TOO_LONG: return _("longer than the sanction table allows");
	case SANCTION_BAD_DATE: return _("the start or end is not a date");
	}
	return "?";
}

void sanctions_kinds_text(unsigned kinds, char *out, size_t outsz)
{
	size_t len = 0;
	if (outsz == 0)
		return;
	out[0] = '\0';
	for (int k = 0; k < BAN_KIND_COUNT; k++) {
		if (!(kinds & (1u << k)))
			continue;
		const char *name = policy_kind_name((enum ban_kind)k);
		size_t need = strlen(name) + (len ? 1 : 0);
		if (len + need + 1 > outsz)
			return;
		if (len)
			out[len++] = ',';
		memcpy(out + len, name, strlen(name) + 1);
		len += strlen(name);
	}
}

/* Growing output buffer for sanctions_fill. */
struct buf {
	char *p;
	size_t len, cap;
};

static int put(struct buf *b, const char *s, size_t n)
{
	if (!grow_array(&b->p, &b->cap, b->len + n + 1, 1, 1024))
		return -1;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

char *sanctions_fill(const char *tmpl, const char *const *names, const char *const *values,
		     size_t n, const char **bad)
{
	struct buf b = {0};
	if (bad)
		*bad = NULL;
	if (!tmpl || put(&b, "", 0) != 0)
		goto fail;
	for (const char *p = tmpl; *p;) {
		const char *open = strchr(p, '{');
		if (!open)
			open = p + strlen(p);
		if (put(&b, p, (size_t)(open - p)) != 0)
			goto fail;
		if (!*open)
			break;
		if (open[1] == '{') {
			if (put(&b, "{", 1) != 0)
				goto fail;
			p = open + 2;
			continue;
		}
		const char *close = strchr(open, '}');
		size_t len = close ? (size_t)(close - open - 1) : 0;
		size_t i = 0;
		while (close && i < n && (strlen(names[i]) != len || strncmp(names[i], open + 1, len)))
			i++;
		if (!close || i == n) {
			if (bad)
				*bad = open;
			goto fail;
		}
		if (put(&b, values[i] ? values[i] : "", values[i] ? strlen(values[i]) : 0) != 0)
			goto fail;
		p = close + 1;
	}
	return b.p;
fail:
	free(b.p);
	return NULL;
}

/* Display columns of the n bytes at s. */
static int width_of(const char *s, size_t n)
{
	char small[256];
	if (n < sizeof small) {
		memcpy(small, s, n);
		small[n] = '\0';
		return text_width(small);
	}
	char *big = malloc(n + 1);
	if (!big)
		return (int)n;
	memcpy(big, s, n);
	big[n] = '\0';
	int w = text_width(big);
	free(big);
	return w;
}

char *sanctions_wrap(const char *text, int width)
{
	struct buf b = {0};
	if (!text || put(&b, "", 0) != 0)
		goto fail;
	for (const char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		const char *indent = strncmp(line, "- ", 2) == 0 ? "  " : "";
		int col = 0;
		bool first = true;
		for (const char *p = line; p < line + len;) {
			const char *sp = p;
			while (sp < line + len && *sp == ' ')
				sp++;
			const char *we = sp;
			while (we < line + len && *we != ' ')
				we++;
			if (we == sp)
				break; /* trailing spaces */
			int spaces = (int)(sp - p), w = width_of(sp, (size_t)(we - sp));
			if (!first && col + spaces + w > width) {
				if (put(&b, "\n", 1) != 0 || put(&b, indent, strlen(indent)) != 0)
					goto fail;
				col = (int)strlen(indent);
			} else if (put(&b, p, (size_t)spaces) != 0) {
				goto fail;
			} else {
				col += spaces;
			}
			/* A no-break space keeps "25 november 2026" on one line, then prints as a
			 * plain space. */
			for (const char *q = sp; q < we;) {
				const char *nb = strstr(q, "\xc2\xa0");
				size_t n = nb && nb < we ? (size_t)(nb - q) : (size_t)(we - q);
				if (put(&b, q, n) != 0)
					goto fail;
				q += n;
				if (q < we) {
					if (put(&b, " ", 1) != 0)
						goto fail;
					q += 2;
				}
			}
			col += w;
			first = false;
			p = we;
		}
		line += len;
		if (*line == '\n') {
			if (put(&b, "\n", 1) != 0)
				goto fail;
			line++;
		}
	}
	return b.p;
fail:
	free(b.p);
	return NULL;
}
