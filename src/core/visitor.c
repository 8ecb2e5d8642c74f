/* visitor — the visitor check's rules for the desk and the command line alike: the query
 * read into name and date of birth, the step a candidate asks for, and its wording. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/visitor.h"
#include "i18n.h"

/* data/common_surnames.txt, embedded by tools/embed.sh. */
extern const char visitor_common_surnames_txt[];

/* ---------------------------------------------------------------- the query */

void visitor_read_query(const char *text, const char *today, struct visitor_query *q)
{
	memset(q, 0, sizeof *q);
	size_t used = 0;
	const char *s = text ? text : "";
	while (*s) {
		s += strspn(s, " \t");
		size_t n = strcspn(s, " \t");
		if (n == 0)
			break;
		char tok[VISITOR_QUERY_MAX + 1];
		(void)snprintf(tok, sizeof tok, "%.*s", (int)(n < sizeof tok ? n : sizeof tok - 1), s);
		char iso[DATES_DATE_LEN];
		if (dates_is_date_like(tok)) {
			/* a date is never a name; one that cannot be read is shown, not dropped */
			bool ok = !q->born[0] && !q->bad_date[0] &&
				  dates_read(tok, today, DATES_PAST, iso) == 0 &&
				  (!today || strcmp(iso, today) <= 0);
			if (ok)
				memcpy(q->born, iso, sizeof iso);
			else if (!q->bad_date[0])
				(void)snprintf(q->bad_date, sizeof q->bad_date, "%s", tok);
		} else if (used + n + 1 < sizeof q->names) {
			if (used)
				q->names[used++] = ' ';
			memcpy(q->names + used, s, n);
			used += n;
			q->names[used] = '\0';
		}
		s += n;
	}
}

/* ---------------------------------------------------------------- the step */

enum visitor_step visitor_step(const struct visitor_case *c)
{
	if (c->exception == VISITOR_EXC_APPOINTMENT)
		return VISITOR_LET_IN_ALLOWED;
	switch (c->here) {
	case POLICY_HERE_PHONE_ONLY:
		return VISITOR_LET_IN_PHONE;
	case POLICY_HERE_WARNING:
		return VISITOR_LET_IN_WARNING;
	case POLICY_HERE_OTHER_BUILDING:
		return VISITOR_LET_IN_ELSEWHERE;
	case POLICY_HERE_APPLIES:
		break;
	}
	if (c->kind == BAN_SERVICE)
		return VISITOR_LET_IN_SERVICE;
	if (c->verdict != NAMES_MATCH || c->born_only)
		return VISITOR_CHECK_ID;
	/* Refusing the wrong Jan de Vries is an error too: a common name without a date of
	 * birth is not yet the person, when the ban's date of birth can tell. */
	if (!c->born_typed && c->common_name && c->ban_born_known)
		return VISITOR_ASK_BORN;
	return VISITOR_REFUSE;
}

bool visitor_step_stops(enum visitor_step s)
{
	return s == VISITOR_REFUSE;
}

const char *visitor_step_word(enum visitor_step s)
{
	switch (s) {
	case VISITOR_REFUSE: return _("REFUSE ENTRY");
	case VISITOR_ASK_BORN: return _("ASK DATE OF BIRTH");
	case VISITOR_CHECK_ID: return _("CHECK ID");
	case VISITOR_LET_IN_SERVICE: return _("LET IN, NO SERVICE");
	case VISITOR_LET_IN_PHONE:
	case VISITOR_LET_IN_WARNING:
	case VISITOR_LET_IN_ELSEWHERE: return _("LET IN");
	case VISITOR_LET_IN_ALLOWED: return _("ALLOWED TODAY");
	case VISITOR_STEP_COUNT: break;
	}
	return "?";
}

const char *visitor_kind_phrase(enum ban_kind k)
{
	switch (k) {
	case BAN_BUILDING: return _("entry ban");
	case BAN_PHONE: return _("phone ban");
	case BAN_BUILDING_PHONE: return _("entry and phone ban");
	case BAN_SERVICE: return _("service suspension");
	case BAN_WARNING: return _("written warning");
	case BAN_KIND_COUNT: break;
	}
	return "?";
}

void visitor_hit_summary(enum ban_kind kind, const char *ends, const char *buildings,
			 char *out, size_t outsz)
{
	/* where matters for a ban on entering; a phone ban or a warning holds everywhere */
	if (kind == BAN_BUILDING || kind == BAN_BUILDING_PHONE || kind == BAN_SERVICE)
		(void)snprintf(out, outsz, _("%s until %s, %s"), visitor_kind_phrase(kind), ends,
			       buildings);
	else
		(void)snprintf(out, outsz, _("%s until %s"), visitor_kind_phrase(kind), ends);
}

/* ---------------------------------------------------------------- the advice */

void visitor_advice(const struct visitor_case *c, const struct visitor_ban_facts *b,
		    const char *protocol_hit, const char *protocol_possible, char *out,
		    size_t outsz)
{
	const char *detail = b->exception_detail ? b->exception_detail : "";
	int n;
	switch (visitor_step(c)) {
	case VISITOR_REFUSE:
		n = snprintf(out, outsz, "%s", protocol_hit);
		if (c->exception == VISITOR_EXC_REPRESENTATIVE && n >= 0 && (size_t)n < outsz)
			(void)snprintf(out + n, outsz - (size_t)n,
				       _(" A representative with a signed authorisation (%s) may be "
					 "served for this person; the person themselves stays banned."),
				       detail);
		return;
	case VISITOR_ASK_BORN:
		(void)snprintf(out, outsz,
			       _("The name is common: ask for the date of birth (or an ID) before "
				 "anything else. Born %s: this is the banned person, refuse entry "
				 "(ban until %s). Another date of birth: someone else, serve as "
				 "usual."), b->born, b->ends);
		return;
	case VISITOR_CHECK_ID:
		if (c->born_only)
			(void)snprintf(out, outsz,
				       _("Someone on the ban list has this date of birth: ask for the "
					 "visitor's name and an ID, and type the name as well. %s"),
				       protocol_possible);
		else if (c->born_differs)
			(void)snprintf(out, outsz,
				       _("The date of birth differs from the ban's (%s): probably "
					 "someone else. %s"), b->born, protocol_possible);
		else
			(void)snprintf(out, outsz, "%s", protocol_possible);
		return;
	case VISITOR_LET_IN_SERVICE:
		(void)snprintf(out, outsz,
			     c->verdict == NAMES_MATCH
				     ? _("Let them in; service is suspended until %s%s: do not handle "
					 "their requests at the desk (letters are still answered).")
				     : _("Let them in. If the ID shows it is this person: service is "
					 "suspended until %s%s: do not handle their requests at the "
					 "desk (letters are still answered)."),
			     b->ends,
			     b->until_conversation ? _(" or until an order conversation has taken "
						       "place") : "");
		return;
	case VISITOR_LET_IN_PHONE:
		(void)snprintf(out, outsz, "%s", _("Phone ban only: the visitor may come in and be "
						   "served at the desk."));
		return;
	case VISITOR_LET_IN_WARNING:
		(void)snprintf(out, outsz, "%s", _("Written warning: serve the visitor, but stay "
						   "alert; on aggression call the porter."));
		return;
	case VISITOR_LET_IN_ELSEWHERE:
		(void)snprintf(out, outsz, _("Not for this building: the ban is for %s only. "
					     "Serve the visitor as usual."), b->buildings);
		return;
	case VISITOR_LET_IN_ALLOWED:
		(void)snprintf(out, outsz, _("ALLOWED today: appointment arranged by phone "
					     "(%s). Serve the visitor for this appointment only."),
			       detail);
		return;
	case VISITOR_STEP_COUNT:
		break;
	}
	out[0] = '\0';
}

/* ---------------------------------------------------------------- common names */

/* The list folded once (names_fold), NUL-separated, ending in an empty string. */
static char *common_folded;

static const char *common_list(void)
{
	if (common_folded)
		return common_folded;
	size_t cap = 256, len = 0;
	char *all = malloc(cap);
	if (!all)
		return NULL;
	for (const char *p = visitor_common_surnames_txt; *p;) {
		size_t n = strcspn(p, "\n");
		char line[128];
		(void)snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1),
			       p);
		p += n + (p[n] == '\n');
		if (!line[0] || line[0] == '#')
			continue;
		char *f = names_fold(line);
		if (!f)
			continue; /* out of memory or invalid: one name less to ask about */
		size_t fl = strlen(f);
		if (!grow_array(&all, &cap, len + fl + 2, 1, 256)) {
			free(f);
			free(all);
			return NULL;
		}
		memcpy(all + len, f, fl + 1);
		len += fl + 1;
		free(f);
	}
	all[len] = '\0';
	common_folded = all;
	return common_folded;
}

static bool common_one(const char *list, const char *part)
{
	char *f = names_fold(part);
	bool found = false;
	for (const char *e = list; f && *e && !found; e += strlen(e) + 1)
		found = strcmp(e, f) == 0;
	free(f);
	return found;
}

bool visitor_common_surname(const char *surname)
{
	const char *list = common_list();
	if (!list || !surname)
		return false;
	/* either part of a double name: Dijk-Jansen is a Jansen */
	char buf[256];
	(void)snprintf(buf, sizeof buf, "%s", surname);
	for (char *part = buf, *next; part; part = next) {
		next = strchr(part, '-');
		if (next)
			*next++ = '\0';
		if (*part && common_one(list, part))
			return true;
	}
	return false;
}
