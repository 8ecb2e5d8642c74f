/* bancheck — the field rules of a ban (see bancheck.h): one table of names and limits, the
 * date rules, the scope and a combination of reasons. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "core/bancheck.h"
#include "core/dates.h"
#include "core/text.h"
#include "i18n.h"

static const struct {
	const char *name;
	size_t max;
	bool required;
} fields[BANF_COUNT] = {
	[BANF_GIVEN] = {"given_names", 200, false},
	[BANF_PREFIX] = {"prefix", 200, false},
	[BANF_SURNAME] = {"surname", 200, true},
	[BANF_BORN] = {"born", 10, false},
	[BANF_KIND] = {"kind", 32, true},
	[BANF_STARTS] = {"starts", 10, true},
	[BANF_ENDS] = {"ends", 10, true},
	[BANF_REASON] = {"reason", 32, true},
	[BANF_PARTNER_PREFIX] = {"partner_prefix", 200, false},
	[BANF_PARTNER_SURNAME] = {"partner_surname", 200, false},
	[BANF_SCOPE] = {"scope", 1000, false},
	[BANF_IMPOSED_BY] = {"imposed_by", 200, false},
	[BANF_LETTER_SENT] = {"letter_sent", 10, false},
	[BANF_POLICE] = {"police_informed", 16, false},
	[BANF_NOTES] = {"notes", 2000, false},
	[BANF_STATUS] = {"status", 16, false},
	[BANF_LIFTED_AT] = {"lifted_at", 10, false},
	[BANF_LIFTED_BY] = {"lifted_by", 200, false},
	[BANF_LIFTED_REASON] = {"lifted_reason", 2000, false},
	[BANF_ENFORCEMENT] = {"enforcement", 2000, false},
	/* The store's limit: every extension may add a line to it. */
	[BANF_JUSTIFICATION] = {"justification", 4000, false},
	[BANF_REASONS] = {"reasons", 255, false},
	[BANF_ADDRESS] = {"address", 500, false},
	[BANF_EVENT_DATE] = {"event_date", 10, false},
	[BANF_TAKEOVER] = {"takeover_source", 200, false},
};

const char *bancheck_name(enum banf f)
{
	return (unsigned)f < BANF_COUNT ? fields[f].name : "?";
}

size_t bancheck_max(enum banf f)
{
	return (unsigned)f < BANF_COUNT ? fields[f].max : 0;
}

bool bancheck_required(enum banf f)
{
	return (unsigned)f < BANF_COUNT && fields[f].required;
}

/* A value quoted for a message, anything unprintable made visible. */
static const char *quoted(const char *v, char *buf, size_t bufsz)
{
	char esc[128];
	(void)text_escape(v, esc, sizeof esc);
	snprintf(buf, bufsz, "\"%s\"", esc);
	return buf;
}

int bancheck_text(enum banf f, const char *v, char *why, size_t whysz)
{
	if ((unsigned)f >= BANF_COUNT) {
		snprintf(why, whysz, "%s", _("unknown field"));
		return -1;
	}
	bool empty_ok = !fields[f].required;
	enum text_problem p = f == BANF_JUSTIFICATION
		? text_check_lines(v ? v : "", fields[f].max, empty_ok)
		: text_check(v ? v : "", fields[f].max, empty_ok);
	if (p == TEXT_OK)
		return 0;
	snprintf(why, whysz, "%s", text_problem_message(p));
	return -1;
}

static int check_date(const char *v, char *why, size_t whysz)
{
	int y, m, d;
	char q[160];
	if (dates_parse_date(v, &y, &m, &d) != 0) {
		snprintf(why, whysz, _("%s is not a date (YYYY-MM-DD)"), quoted(v, q, sizeof q));
		return -1;
	}
	return 0;
}

/* A date not after today. */
static int check_past(const char *v, const char *today, char *why, size_t whysz)
{
	char q[160];
	if (check_date(v, why, whysz) != 0)
		return -1;
	if (today && strcmp(v, today) > 0) {
		snprintf(why, whysz, _("%s is in the future"), quoted(v, q, sizeof q));
		return -1;
	}
	return 0;
}

int bancheck_dates(const char *const v[BANF_COUNT], const char *today, enum banf *bad,
		   char *why, size_t whysz)
{
	const char *f[BANF_COUNT];
	char q[160];
	for (int i = 0; i < BANF_COUNT; i++)
		f[i] = v[i] ? v[i] : "";
	*bad = BANF_BORN;
	if (*f[BANF_BORN] && check_past(f[BANF_BORN], today, why, whysz) != 0)
		return -1;
	*bad = BANF_STARTS;
	if (check_date(f[BANF_STARTS], why, whysz) != 0)
		return -1;
	*bad = BANF_ENDS;
	if (check_date(f[BANF_ENDS], why, whysz) != 0)
		return -1;
	if (strcmp(f[BANF_ENDS], f[BANF_STARTS]) < 0) {
		snprintf(why, whysz, _("%s is before the start (%s)"),
			 quoted(f[BANF_ENDS], q, sizeof q), f[BANF_STARTS]);
		return -1;
	}
	*bad = BANF_LETTER_SENT;
	if (*f[BANF_LETTER_SENT] && check_date(f[BANF_LETTER_SENT], why, whysz) != 0)
		return -1;
	*bad = BANF_EVENT_DATE;
	if (*f[BANF_EVENT_DATE] && check_past(f[BANF_EVENT_DATE], today, why, whysz) != 0)
		return -1;
	/* A lifted ban read back must stay lifted; half a lifting is refused, not guessed. */
	if (*f[BANF_LIFTED_AT]) {
		*bad = BANF_LIFTED_AT;
		if (check_past(f[BANF_LIFTED_AT], today, why, whysz) != 0)
			return -1;
		static const enum banf need[] = {BANF_LIFTED_BY, BANF_LIFTED_REASON};
		for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
			*bad = need[i];
			if (!*f[need[i]]) {
				snprintf(why, whysz, "%s",
					 _("must not be empty when lifted_at is given"));
				return -1;
			}
		}
	} else if (*f[BANF_LIFTED_BY] || *f[BANF_LIFTED_REASON]) {
		*bad = *f[BANF_LIFTED_BY] ? BANF_LIFTED_BY : BANF_LIFTED_REASON;
		snprintf(why, whysz, "%s", _("given without lifted_at"));
		return -1;
	}
	return 0;
}

int bancheck_scope(const char *scope, const char *const *known, size_t nknown, char *norm,
		   size_t normsz, char *why, size_t whysz)
{
	char q[160];
	size_t len = 0;
	if (normsz == 0)
		return -1;
	norm[0] = '\0';
	if (!scope || !*scope)
		return 0;
	for (const char *r = scope; r;) {
		const char *start;
		size_t idlen;
		r = text_list_item(r, &start, &idlen);
		char id[256];
		if (idlen == 0 || idlen >= sizeof id) {
			snprintf(why, whysz, "%s", _("empty or overlong building id in the list"));
			return -1;
		}
		memcpy(id, start, idlen);
		id[idlen] = '\0';
		bool found = nknown == 0;
		for (size_t i = 0; i < nknown && !found; i++)
			found = strcmp(known[i], id) == 0;
		if (!found) {
			char list[512];
			size_t kl = 0;
			list[0] = '\0';
			for (size_t i = 0; i < nknown; i++)
				if (text_join(list, sizeof list, &kl, ", ", known[i], strlen(known[i])) != 0)
					break;
			snprintf(why, whysz, _("unknown building %s (configured: %s)"),
				 quoted(id, q, sizeof q), list);
			return -1;
		}
		/* The same building twice would break the all-or-nothing import in the store. */
		if (text_list_has(norm, id)) {
			snprintf(why, whysz, _("building %s is listed twice"), quoted(id, q, sizeof q));
			return -1;
		}
		if (text_join(norm, normsz, &len, ",", id, idlen) != 0) {
			snprintf(why, whysz, "%s", text_problem_message(TEXT_TOO_LONG));
			return -1;
		}
	}
	return 0;
}

int bancheck_reasons(const struct sanction_table *t, const char *list, enum ban_reason *most,
		     char *norm, size_t normsz, char *why, size_t whysz)
{
	enum ban_reason r[REASON_COUNT];
	size_t n = 0;
	char q[160];
	if (normsz == 0)
		return -1;
	norm[0] = '\0';
	char all[256];
	snprintf(all, sizeof all, "%s", list ? list : "");
	text_trim(all);
	for (const char *p = all; *all;) {
		size_t tl = strcspn(p, ",");
		char tok[64];
		snprintf(tok, sizeof tok, "%.*s", (int)(tl < sizeof tok ? tl : sizeof tok - 1), p);
		text_trim(tok);
		enum ban_reason one;
		if (policy_reason_parse(tok, &one) != 0) {
			snprintf(why, whysz, _("unknown reason %s (one of: verbal, threat, "
					       "obstruction, attempt, physical, property, other)"),
				 quoted(tok, q, sizeof q));
			return -1;
		}
		policy_reasons_add(r, &n, one);
		p += tl;
		if (!*p)
			break;
		p++;
	}
	if (sanctions_most_serious(t, r, n, most) != 0) {
		snprintf(why, whysz, "%s", _("no reason given"));
		return -1;
	}
	policy_reasons_join(r, n, norm, normsz);
	return 0;
}
