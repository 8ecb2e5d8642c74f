/* ops_bans — the ban list through the service: reading bans (one, a page, a count, an
 * export, what a letter needs), their history, earlier bans of a person, exceptions and
 * reception's notices. A role without PERM_SEE_REASON sees current bans only and never
 * their reason, notes or justification (the discreet view, made here). */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "sanctions_conf.h"
#include "service/ops_bans.h"
#include "service/records.h"

/* Items per page and the bytes one reply may fill before the page ends early (a page of
 * long notes must still fit a frame). */
#define PAGE_MAX 5000
#define PAGE_BYTES (4u << 20)

void svc_ban_today(char out[DATES_DATE_LEN])
{
	dates_local_date(clock_now(), out);
}

void svc_ban_put(struct svc_call *c, struct ban *b)
{
	if (!roles_may(c->sess->role, PERM_SEE_REASON)) {
		/* Blanked in place: the strings stay owned by b and are freed with it. */
		/* Issue 13: the person's address and what it answers to are not for the desk. */
		char *texts[] = {b->reasons, b->notes, b->justification, b->lifted_reason,
				 b->address, b->event_date};
		for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
			if (texts[i])
				texts[i][0] = '\0';
		b->reason = REASON_OTHER;
		b->repeat_offence = false;
		b->incident_id = 0;
		b->withheld = true;
	}
	svc_put_record(c, records_ban, records_ban_n, b);
}

enum store_status svc_ban_reply_list(struct svc_call *c, enum store_status r,
				     struct ban_list *l, const char *object, const char *detail)
{
	if (r == STORE_OK) {
		for (size_t i = 0; i < l->count; i++)
			svc_ban_put(c, &l->items[i]);
		svc_audit_count(c, object, l->count, detail);
	}
	store_ban_list_free(l);
	return svc_stored(c, r);
}

void svc_ban_put_history(struct svc_call *c, struct ban_history *h)
{
	if (!roles_may(c->sess->role, PERM_SEE_REASON)) {
		char *texts[] = {h->detail, h->justification};
		for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
			if (texts[i])
				texts[i][0] = '\0';
		h->reason = REASON_OTHER;
	}
	svc_put_record(c, records_ban_history, records_ban_history_n, h);
}

enum store_status svc_ban_visible(struct svc_call *c, const struct ban *b)
{
	if (roles_may(c->sess->role, PERM_SEE_REASON))
		return STORE_OK;
	char today[DATES_DATE_LEN];
	svc_ban_today(today);
	if (b->status == BAN_STATUS_ACTIVE && !*b->lifted_at && strcmp(b->ends, today) >= 0)
		return STORE_OK;
	return svc_require(c, PERM_SEE_REASON);
}

enum store_status svc_ban_read(struct svc_call *c, int64_t id, struct ban *b)
{
	enum store_status r = svc_ban_stored(c, store_ban_get(c->st, id, b), id);
	return r == STORE_OK ? svc_ban_visible(c, b) : r;
}

enum store_status svc_ban_stored(struct svc_call *c, enum store_status r, int64_t id)
{
	if (r == STORE_NOT_FOUND)
		return svc_fail(c, r, _("ban %lld: no such ban"), (long long)id);
	return svc_stored(c, r);
}

enum store_status svc_ban_table(struct svc_call *c, struct sanction_table *t)
{
	char err[1024];
	if (sanctions_load(c->cfg ? c->cfg->source : NULL, t, err, sizeof err) != 0)
		return svc_fail(c, STORE_ERROR, "%s", err);
	return STORE_OK;
}

/* ------------------------------------------------------------------ one ban */

static enum store_status get(struct svc_call *c)
{
	struct ban b = {0};
	enum store_status r = svc_ban_read(c, c->id, &b);
	if (r == STORE_OK) {
		svc_audit_record(c, "ban", c->id, "ok", roles_name(c->sess->role));
		svc_ban_put(c, &b);
	}
	store_ban_clear(&b);
	return r;
}

/* ------------------------------------------------------------------ pages */

static const char *const filter_names[] = {"active", "current", "all", "drafts"};

/* Read F_FILTER; the filters beyond what is in force need PERM_SEE_REASON. */
static enum store_status filter_field(struct svc_call *c, enum ban_filter *f)
{
	int64_t v = BAN_FILTER_ACTIVE;
	enum store_status r = svc_int(c, F_FILTER, _("filter"), BAN_FILTER_ACTIVE,
				      BAN_FILTER_DRAFT, false, &v);
	if (r != STORE_OK)
		return r;
	*f = (enum ban_filter)v;
	if (*f == BAN_FILTER_ALL || *f == BAN_FILTER_DRAFT)
		return svc_require(c, PERM_SEE_REASON);
	return STORE_OK;
}

/* Put l's bans as items until the page is full; F_DONE when nothing is left after them.
 * The audit line names the filter and where the page starts. */
static void put_page(struct svc_call *c, struct ban_list *l, size_t asked, enum ban_filter f,
		     const char *from)
{
	/* F_DONE belongs in record 0, before the items: measure first how many fit. */
	struct wire_out scratch = {0};
	size_t put = 0;
	wire_out_begin(&scratch, WIRE_REPLY, 0);
	while (put < l->count && scratch.len < PAGE_BYTES && !scratch.failed) {
		wire_put_record(&scratch, records_ban, records_ban_n, &l->items[put++]);
	}
	wire_out_free(&scratch);
	wire_put_bool(c->reply, F_DONE, put == l->count && l->count < asked);
	for (size_t i = 0; i < put; i++)
		svc_ban_put(c, &l->items[i]);
	char detail[96];
	snprintf(detail, sizeof detail, "%s %s: %zu", filter_names[f], from, put);
	svc_audit_set(c, "bans", "ok", detail);
}

/* A page: by F_AFTER (id order, for whole lists) or F_OFFSET (the list's own order). */
static enum store_status page(struct svc_call *c, enum ban_filter f)
{
	int64_t after = -1, offset = 0, limit = 0;
	enum store_status r;
	if ((r = svc_int(c, F_AFTER, _("after"), 0, INT64_MAX, false, &after)) != STORE_OK ||
	    (r = svc_int(c, F_OFFSET, _("offset"), 0, INT32_MAX, false, &offset)) != STORE_OK ||
	    (r = svc_int(c, F_LIMIT, _("limit"), 0, PAGE_MAX, false, &limit)) != STORE_OK)
		return r;
	if (after >= 0 && offset > 0)
		return svc_fail(c, STORE_INVALID, _("after and offset: give one of them"));
	size_t asked = limit ? (size_t)limit : PAGE_MAX;
	char today[DATES_DATE_LEN], from[48];
	svc_ban_today(today);
	struct ban_list l = {0};
	if (after >= 0) {
		r = store_ban_list_after(c->st, f, today, after, asked, &l);
		snprintf(from, sizeof from, "after %lld", (long long)after);
	} else {
		r = store_ban_list(c->st, f, today, (size_t)offset, asked, &l);
		snprintf(from, sizeof from, "from %lld", (long long)offset);
	}
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	put_page(c, &l, asked, f, from);
	store_ban_list_free(&l);
	return STORE_OK;
}

static enum store_status list(struct svc_call *c)
{
	enum ban_filter f;
	enum store_status r = filter_field(c, &f);
	return r == STORE_OK ? page(c, f) : r;
}

static enum store_status export(struct svc_call *c)
{
	enum ban_filter f;
	enum store_status r = filter_field(c, &f);
	if (r != STORE_OK)
		return r;
	if (f != BAN_FILTER_CURRENT && f != BAN_FILTER_ALL)
		return svc_fail(c, STORE_INVALID, _("filter: an export is of the current bans or "
						    "of all bans"));
	if (!wire_find(c->req, 0, F_AFTER))
		return svc_fail(c, STORE_INVALID, _("after: missing"));
	return page(c, f);
}

static enum store_status count(struct svc_call *c)
{
	enum ban_filter f;
	enum store_status r = filter_field(c, &f);
	if (r != STORE_OK)
		return r;
	char today[DATES_DATE_LEN];
	svc_ban_today(today);
	size_t n = 0;
	r = store_ban_count(c->st, f, today, &n);
	return svc_reply_int(c, r, F_COUNT, (int64_t)n);
}

/* ------------------------------------------------------------------ history, earlier */

static enum store_status history(struct svc_call *c)
{
	int64_t id = c->id;
	struct ban_history *h = NULL;
	size_t n = 0;
	enum store_status r;
	if ((r = svc_ban_stored(c, store_ban_history(c->st, id, &h, &n), id)) != STORE_OK)
		return r;
	for (size_t i = 0; i < n; i++)
		svc_ban_put_history(c, &h[i]);
	store_ban_history_free(h, n);
	char result[32];
	snprintf(result, sizeof result, "%zu", n);
	svc_audit_record(c, "ban", id, result, "");
	return STORE_OK;
}

static enum store_status earlier_reply(struct svc_call *c, enum store_status r, size_t n,
				       const char *object)
{
	if (r == STORE_NOT_FOUND)
		return svc_fail(c, r, _("%s: no such record"), object);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	svc_audit_count(c, object, n, "");
	wire_put_int(c->reply, F_COUNT, (int64_t)n);
	return STORE_OK;
}

static enum store_status earlier(struct svc_call *c)
{
	const char *given = "", *prefix = "", *surname = NULL, *born = "";
	int64_t exclude = 0;
	struct { uint16_t tag; enum banf f; const char **v; } t[] = {
		{F_GIVEN, BANF_GIVEN, &given}, {F_PREFIX, BANF_PREFIX, &prefix},
		{F_SURNAME, BANF_SURNAME, &surname},
	};
	enum store_status r;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if ((r = svc_text(c, t[i].tag, bancheck_name(t[i].f), bancheck_max(t[i].f),
				  bancheck_required(t[i].f), t[i].v)) != STORE_OK)
			return r;
	if ((r = svc_date(c, F_BORN, bancheck_name(BANF_BORN), false, &born)) != STORE_OK ||
	    (r = svc_int(c, F_EXCLUDE, _("ban id"), 0, INT64_MAX, false, &exclude)) != STORE_OK)
		return r;
	size_t n = 0;
	r = store_ban_earlier(c->st, given, prefix, surname, born, exclude, &n);
	char object[128];
	snprintf(object, sizeof object, "person:%s%s%s", prefix, *prefix ? " " : "", surname);
	return earlier_reply(c, r, n, object);
}

static enum store_status earlier_by(struct svc_call *c, bool person)
{
	size_t n = 0;
	enum store_status r = person ? store_ban_earlier_for_person(c->st, c->id, &n)
				     : store_ban_earlier_for_ban(c->st, c->id, &n);
	char object[48];
	snprintf(object, sizeof object, "%s:%lld", person ? "person" : "ban", (long long)c->id);
	return earlier_reply(c, r, n, object);
}

static enum store_status earlier_ban(struct svc_call *c)
{
	return earlier_by(c, false);
}

static enum store_status earlier_person(struct svc_call *c)
{
	return earlier_by(c, true);
}

/* ------------------------------------------------------------------ exceptions */

static enum store_status exception_add(struct svc_call *c)
{
	int64_t id = c->id, kind, eid = 0;
	const char *from = NULL, *to = NULL, *detail = NULL;
	enum store_status r;
	if ((r = svc_int(c, F_KIND, _("kind"), 0, BAN_EXCEPTION_KIND_COUNT - 1, true, &kind)) !=
		    STORE_OK ||
	    (r = svc_date(c, F_FROM, _("from"), true, &from)) != STORE_OK ||
	    (r = svc_date(c, F_TO, _("until"), true, &to)) != STORE_OK ||
	    (r = svc_text(c, F_TEXT, _("detail"), 500, true, &detail)) != STORE_OK)
		return r;
	r = store_ban_exception_add(c->st, id, (enum ban_exception_kind)kind, from, to, detail,
				    &eid);
	if ((r = svc_ban_stored(c, r, id)) == STORE_OK)
		wire_put_int(c->reply, F_ID, eid);
	return r;
}

static enum store_status exception_list(struct svc_call *c)
{
	int64_t id = 0;
	enum store_status r = svc_int(c, F_ID, _("ban id"), 0, INT64_MAX, false, &id);
	if (r != STORE_OK)
		return r;
	if (id == 0) {
		/* Of every ban: expired ones included. */
		if ((r = svc_require(c, PERM_SEE_REASON)) != STORE_OK)
			return r;
	} else {
		struct ban b = {0};
		r = svc_ban_read(c, id, &b);
		store_ban_clear(&b);
		if (r != STORE_OK)
			return r;
	}
	struct ban_exception *e = NULL;
	size_t n = 0;
	r = store_ban_exception_list(c->st, id, &e, &n);
	char object[32];
	snprintf(object, sizeof object, "ban:%lld", (long long)id);
	svc_audit_count(c, id ? object : "bans", n, "exceptions");
	return svc_reply_list(c, r, records_ban_exception, records_ban_exception_n,
			      e, sizeof *e, n);
}

static enum store_status exception_on(struct svc_call *c)
{
	int64_t id = c->id;
	const char *date = NULL;
	enum store_status r = svc_date(c, F_DATE, _("date"), true, &date);
	if (r != STORE_OK)
		return r;
	struct ban b = {0};
	r = svc_ban_read(c, id, &b);
	store_ban_clear(&b);
	if (r != STORE_OK)
		return r;
	struct ban_exception e;
	r = store_ban_exception_on(c->st, id, date, &e);
	if (r == STORE_NOT_FOUND)
		return svc_fail(c, r, _("ban %lld: no exception on %s"), (long long)id, date);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	svc_put_record(c, records_ban_exception, records_ban_exception_n, &e);
	svc_audit_record(c, "ban", id, "1", date);
	return STORE_OK;
}

/* ------------------------------------------------------------------ notices */

static enum store_status sweep(struct svc_call *c)
{
	char today[DATES_DATE_LEN];
	svc_ban_today(today);
	size_t added = 0;
	enum store_status r = store_ban_notice_sweep(c->st, today, &added);
	if (r != STORE_OK)
		return svc_store_failed(c, r);
	if (added)
		c->changes |= CHANGE_BANS;
	wire_put_int(c->reply, F_COUNT, (int64_t)added);
	return STORE_OK;
}

/* F_USER, when given, must be the session's own login name: nobody marks or reads the
 * notices of another. */
static enum store_status own_user(struct svc_call *c)
{
	const char *user = NULL;
	enum store_status r = svc_text(c, F_USER, _("user"), 255, false, &user);
	if (r != STORE_OK)
		return r;
	if (user && strcmp(user, c->sess->user) != 0)
		return svc_fail(c, STORE_DENIED, _("permission denied: the notices of %s are "
						   "not yours (you are %s)"), user, c->sess->user);
	return STORE_OK;
}

static enum store_status unseen(struct svc_call *c)
{
	int64_t since = 0;
	enum store_status r;
	if ((r = own_user(c)) != STORE_OK ||
	    (r = svc_int(c, F_FROM, _("since"), 0, INT64_MAX, false, &since)) != STORE_OK)
		return r;
	struct ban_notice *n = NULL;
	size_t count = 0;
	r = store_ban_notice_unseen(c->st, c->sess->user, (time_t)since, &n, &count);
	svc_audit_count(c, "notices", count, "");
	return svc_reply_list(c, r, records_ban_notice, records_ban_notice_n, n, sizeof *n, count);
}

static enum store_status seen(struct svc_call *c)
{
	enum store_status r = own_user(c);
	if (r != STORE_OK)
		return r;
	r = store_ban_notice_seen(c->st, c->id, c->sess->user);
	if (r == STORE_NOT_FOUND)
		return svc_fail(c, r, _("notice %lld: no such notice"), (long long)c->id);
	return svc_stored(c, r);
}

const struct svc_op_def svc_ops_bans[] = {
	{OP_BAN_GET, "ban.get", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, N_("ban id"), get},
	{OP_BAN_LIST, "ban.list", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL, list},
	{OP_BAN_COUNT, "ban.count", PERM_CHECK_VISITOR, SVC_AUDIT_NONE, 0, NULL, count},
	{OP_BAN_EXPORT, "ban.export", PERM_EXPORT, SVC_AUDIT_VIEW, 0, NULL, export},
	/* What a letter needs: the whole ban (the op needs PERM_EDIT_BAN). */
	{OP_BAN_LETTER, "ban.letter", PERM_EDIT_BAN, SVC_AUDIT_VIEW, 0, N_("ban id"), get},
	{OP_BAN_HISTORY, "ban.history", PERM_SEE_REASON, SVC_AUDIT_VIEW, 0, N_("ban id"), history},
	{OP_BAN_EARLIER, "ban.earlier", PERM_SEE_REASON, SVC_AUDIT_VIEW, 0, NULL, earlier},
	{OP_BAN_EARLIER_BAN, "ban.earlier", PERM_SEE_REASON, SVC_AUDIT_VIEW, 0, N_("ban id"),
	 earlier_ban},
	{OP_BAN_EARLIER_PERSON, "ban.earlier", PERM_SEE_REASON, SVC_AUDIT_VIEW, 0, N_("person id"),
	 earlier_person},
	{OP_BAN_EXCEPTION_ADD, "ban.exception.add", PERM_EDIT_BAN, SVC_AUDIT_STORE, CHANGE_BANS,
	 N_("ban id"), exception_add},
	{OP_BAN_EXCEPTION_LIST, "ban.exception.list", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL,
	 exception_list},
	{OP_BAN_EXCEPTION_ON, "ban.exception.on", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0,
	 N_("ban id"), exception_on},
	{OP_BAN_NOTICE_SWEEP, "ban.notice.sweep", PERM_CHECK_VISITOR, SVC_AUDIT_STORE, 0, NULL,
	 sweep},
	{OP_BAN_NOTICE_UNSEEN, "ban.notice.unseen", PERM_CHECK_VISITOR, SVC_AUDIT_VIEW, 0, NULL,
	 unseen},
	{OP_BAN_NOTICE_SEEN, "ban.notice.seen", PERM_CHECK_VISITOR, SVC_AUDIT_STORE, CHANGE_BANS,
	 N_("notice id"), seen},
	{0, NULL, 0, 0, 0, NULL, NULL},
};
