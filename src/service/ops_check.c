/* ops_check — the visitor check through the service: a name (and date of birth) against
 * the bans in force, one visitor or a batch, and everyone born on a date. Each answer is
 * a look at the ban list: its audit line (what was asked, how many candidates) is written
 * before the answer leaves, one line per request (a batch is one line). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "service/ops_bans.h"
#include "service/records.h"

/* Candidates per visitor: as many as the console can show and scroll through. */
#define CHECK_HITS_MAX 100
/* Visitors per batch request: a page the client fills (one audit line each). */
#define CHECK_BATCH_MAX 1000
/* A name as typed at the desk, or a line of a batch file. */
#define CHECK_QUERY_MAX 400

static const char *verdict_word(enum names_verdict v)
{
	return v == NAMES_MATCH ? "MATCH" : v == NAMES_POSSIBLE ? "POSSIBLE" : "CLEAR";
}

/* Put the hits of one visitor, each in its own record (index: the visitor's number in a
 * batch, or -1 for a single check). */
static void put_hits(struct svc_call *c, struct ban_hit *hits, size_t n, int64_t index)
{
	for (size_t i = 0; i < n; i++) {
		svc_ban_put(c, &hits[i].ban);
		wire_put_struct(c->reply, records_ban_hit, records_ban_hit_n, &hits[i]);
		if (index >= 0)
			wire_put_int(c->reply, F_INDEX, index);
	}
}

/* A date of birth as the check takes it: "" (unknown) or YYYY-MM-DD. */
static enum store_status born_field(struct svc_call *c, uint32_t rec, const char **born)
{
	const struct wire_field *f = wire_find(c->req, rec, F_DATE);
	*born = "";
	if (!f)
		return STORE_OK;
	int y, m, d;
	if (f->type != WIRE_TEXT ||
	    (f->len > 0 && dates_parse_date(f->text, &y, &m, &d) != 0))
		return svc_fail(c, STORE_INVALID, _("born: not a date (YYYY-MM-DD)"));
	*born = f->text;
	return STORE_OK;
}

static enum store_status limit_field(struct svc_call *c, size_t *max)
{
	int64_t limit = CHECK_HITS_MAX;
	enum store_status r = svc_int(c, F_LIMIT, _("limit"), 1, CHECK_HITS_MAX, false, &limit);
	*max = (size_t)limit;
	return r;
}

static enum store_status check(struct svc_call *c)
{
	const char *query = NULL, *born = "";
	size_t max;
	enum store_status r;
	if ((r = svc_text(c, F_TEXT, _("name"), CHECK_QUERY_MAX, true, &query)) != STORE_OK ||
	    (r = born_field(c, 0, &born)) != STORE_OK || (r = limit_field(c, &max)) != STORE_OK)
		return r;
	char today[DATES_DATE_LEN];
	svc_ban_today(today);
	struct ban_hit hits[CHECK_HITS_MAX];
	size_t n = 0;
	r = store_ban_check(c->st, query, born, today, hits, max, &n);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	char count[32], detail[64];
	snprintf(count, sizeof count, "%zu", n);
	snprintf(detail, sizeof detail, "%s%s%s", verdict_word(n ? hits[0].verdict : NAMES_CLEAR),
		 *born ? " born " : "", born);
	svc_audit_set(c, query, count, detail);
	put_hits(c, hits, n, -1);
	store_ban_hits_clear(hits, n);
	return STORE_OK;
}

static enum store_status check_batch(struct svc_call *c)
{
	size_t max;
	enum store_status r = limit_field(c, &max);
	if (r != STORE_OK)
		return r;
	uint32_t visitors = c->req->nrecs - 1;
	if (visitors > CHECK_BATCH_MAX)
		return svc_fail(c, STORE_INVALID, _("at most %d visitors per request"),
				CHECK_BATCH_MAX);
	char today[DATES_DATE_LEN];
	svc_ban_today(today);
	size_t found = 0, candidates = 0;
	for (uint32_t v = 0; v < visitors; v++) {
		const char *query = NULL, *born = "";
		if (wire_get_text(c->req, v + 1, F_TEXT, CHECK_QUERY_MAX, &query) != 0 || !query)
			return svc_fail(c, STORE_INVALID, _("visitor %lu: the name is missing, too "
							    "long or holds a character that is not "
							    "allowed"), (unsigned long)v + 1);
		if ((r = born_field(c, v + 1, &born)) != STORE_OK)
			return r;
		struct ban_hit hits[CHECK_HITS_MAX];
		size_t n = 0;
		r = store_ban_check(c->st, query, born, today, hits, max, &n);
		if (r != STORE_OK)
			return svc_store_failed(c, r);
		found += n > 0;
		candidates += n;
		put_hits(c, hits, n, (int64_t)v);
		store_ban_hits_clear(hits, n);
	}
	char count[32], detail[64];
	snprintf(count, sizeof count, "%zu", found);
	snprintf(detail, sizeof detail, "%lu visitors, %zu candidates", (unsigned long)visitors,
		 candidates);
	svc_audit_set(c, "batch", count, detail);
	return STORE_OK;
}

static enum store_status list_born(struct svc_call *c)
{
	const char *born = NULL;
	size_t max;
	enum store_status r;
	if ((r = svc_date(c, F_DATE, _("born"), true, &born)) != STORE_OK ||
	    (r = limit_field(c, &max)) != STORE_OK)
		return r;
	char today[DATES_DATE_LEN];
	svc_ban_today(today);
	struct ban_list list = {0};
	r = store_ban_list_born(c->st, today, born, max, &list);
	return svc_ban_reply_list(c, r, &list, born, "born");
}

const struct svc_op_def svc_ops_check[] = {
	{OP_CHECK, "visitor.check", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL, check},
	{OP_CHECK_BATCH, "visitor.check", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL,
	 check_batch},
	{OP_BAN_LIST_BORN, "visitor.check", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL,
	 list_born},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
