/* client/bans — the ban list through the service: one ban, pages and whole lists, counts,
 * history, earlier bans, exceptions and reception's notices; imposing and changing bans, and
 * imports streamed in frames (checked by the service as they arrive, written at the
 * commit). */
#include "autoconfig.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "client/bans.h"
#include "i18n.h"
#include "service/lib.h"

/* Rows asked for per page of a whole list (the service may send fewer: a page ends before
 * a frame fills). */
#define PAGE_ROWS 5000

static void ban_clear(void *p)
{
	store_ban_clear(p);
}

static enum store_status get_op(struct client *cl, enum svc_op op, int64_t id, struct ban *out)
{
	wire_put_int(client_request(cl, op), F_ID, id);
	return client_call_one(cl, records_ban, records_ban_n, out, sizeof *out, ban_clear);
}

enum store_status client_ban_get(struct client *cl, int64_t id, struct ban *out)
{
	return get_op(cl, OP_BAN_GET, id, out);
}

enum store_status client_ban_get_for_letter(struct client *cl, int64_t id, struct ban *out)
{
	return get_op(cl, OP_BAN_LETTER, id, out);
}

/* One page request; its bans are appended to out, *done says whether the list ended. */
static enum store_status page(struct client *cl, enum svc_op op, enum ban_filter f,
			      int64_t after, size_t offset, size_t limit, struct ban_list *out,
			      bool *done, size_t *got)
{
	struct wire_out *q = client_request(cl, op);
	wire_put_int(q, F_FILTER, f);
	if (after >= 0)
		wire_put_int(q, F_AFTER, after);
	else
		wire_put_int(q, F_OFFSET, (int64_t)offset);
	wire_put_int(q, F_LIMIT, (int64_t)limit);
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	size_t n = 0;
	struct ban *items = client_get_list(cl, &a, records_ban, records_ban_n, sizeof *items,
					    ban_clear, &n, &r);
	*done = false;
	if (r == STORE_OK && wire_get_bool(&a, 0, F_DONE, done) != 0)
		r = client_fail(cl, STORE_UNAVAILABLE, _("the service's reply does not decode"));
	wire_in_free(&a);
	if (r != STORE_OK) {
		struct ban_list tmp = {items, n};
		store_ban_list_free(&tmp);
		return r;
	}
	struct ban *grown = n ? realloc(out->items, (out->count + n) * sizeof *grown) : out->items;
	if (n && !grown) {
		struct ban_list tmp = {items, n};
		store_ban_list_free(&tmp);
		return client_fail(cl, STORE_ERROR, "%s", strerror(ENOMEM));
	}
	if (n)
		memcpy(grown + out->count, items, n * sizeof *grown);
	free(items);
	out->items = grown;
	out->count += n;
	*got = n;
	/* A page that brought nothing cannot be followed by another. */
	if (n == 0)
		*done = true;
	return STORE_OK;
}

/* The store's order of a list: end date, surname, id. */
static int store_order(const void *pa, const void *pb)
{
	const struct ban *a = pa, *b = pb;
	int c = strcmp(a->ends, b->ends);
	if (c == 0)
		c = strcmp(a->surname, b->surname);
	if (c == 0)
		c = (a->id > b->id) - (a->id < b->id);
	return c;
}

/* Every ban of f, page by page in id order, then in the store's order. */
static enum store_status whole(struct client *cl, enum svc_op op, enum ban_filter f,
			       struct ban_list *out)
{
	bool done = false;
	int64_t after = 0;
	while (!done) {
		size_t got = 0;
		enum store_status r = page(cl, op, f, after, 0, PAGE_ROWS, out, &done, &got);
		if (r != STORE_OK) {
			store_ban_list_free(out);
			return r;
		}
		if (got)
			after = out->items[out->count - 1].id;
	}
	if (out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, store_order);
	return STORE_OK;
}

enum store_status client_ban_list(struct client *cl, enum ban_filter f, const char *today,
				  size_t offset, size_t limit, struct ban_list *out)
{
	(void)today; /* the service's date counts */
	out->items = NULL;
	out->count = 0;
	if (limit == 0 && offset == 0)
		return whole(cl, OP_BAN_LIST, f, out);
	bool done = false;
	while (!done && (limit == 0 || out->count < limit)) {
		size_t want = limit ? limit - out->count : PAGE_ROWS, got = 0;
		enum store_status r = page(cl, OP_BAN_LIST, f, -1, offset + out->count,
					   want < PAGE_ROWS ? want : PAGE_ROWS, out, &done, &got);
		if (r != STORE_OK) {
			store_ban_list_free(out);
			return r;
		}
	}
	return STORE_OK;
}

enum store_status client_ban_export(struct client *cl, enum ban_filter f, struct ban_list *out)
{
	out->items = NULL;
	out->count = 0;
	return whole(cl, OP_BAN_EXPORT, f, out);
}

/* A request whose reply is F_COUNT. */
static enum store_status count_reply(struct client *cl, size_t *out)
{
	int64_t n = 0;
	enum store_status r = client_call_count(cl, INT64_MAX, &n);
	if (r == STORE_OK)
		*out = (size_t)n;
	return r;
}

enum store_status client_ban_count(struct client *cl, enum ban_filter f, const char *today,
				   size_t *out)
{
	(void)today;
	*out = 0;
	wire_put_int(client_request(cl, OP_BAN_COUNT), F_FILTER, f);
	return count_reply(cl, out);
}

enum store_status client_ban_earlier(struct client *cl, const char *given, const char *prefix,
				     const char *surname, const char *born, int64_t exclude_ban,
				     size_t *out)
{
	*out = 0;
	struct wire_out *q = client_request(cl, OP_BAN_EARLIER);
	wire_put_text(q, F_GIVEN, given);
	wire_put_text(q, F_PREFIX, prefix);
	wire_put_text(q, F_SURNAME, surname);
	if (born && *born)
		wire_put_text(q, F_BORN, born);
	wire_put_int(q, F_EXCLUDE, exclude_ban);
	return count_reply(cl, out);
}

enum store_status client_ban_earlier_for_person(struct client *cl, int64_t person_id,
						size_t *out)
{
	*out = 0;
	wire_put_int(client_request(cl, OP_BAN_EARLIER_PERSON), F_ID, person_id);
	return count_reply(cl, out);
}

static void history_clear(void *p)
{
	store_ban_history_clear(p);
}

enum store_status client_ban_history(struct client *cl, int64_t ban_id,
				     struct ban_history **out, size_t *n)
{
	wire_put_int(client_request(cl, OP_BAN_HISTORY), F_ID, ban_id);
	enum store_status r;
	*out = client_call_list(cl, records_ban_history, records_ban_history_n, sizeof **out,
				history_clear, n, &r);
	return r;
}

enum store_status client_ban_exception_add(struct client *cl, int64_t ban_id,
					   enum ban_exception_kind kind, const char *starts,
					   const char *ends, const char *detail, int64_t *id_out)
{
	struct wire_out *q = client_request(cl, OP_BAN_EXCEPTION_ADD);
	wire_put_int(q, F_ID, ban_id);
	wire_put_int(q, F_KIND, kind);
	wire_put_text(q, F_FROM, starts);
	wire_put_text(q, F_TO, ends);
	wire_put_text(q, F_TEXT, detail);
	return client_call_id(cl, id_out);
}

enum store_status client_ban_exception_list(struct client *cl, int64_t ban_id,
					    struct ban_exception **out, size_t *n)
{
	wire_put_int(client_request(cl, OP_BAN_EXCEPTION_LIST), F_ID, ban_id);
	enum store_status r;
	*out = client_call_list(cl, records_ban_exception, records_ban_exception_n, sizeof **out,
				NULL, n, &r);
	return r;
}

enum store_status client_ban_exception_on(struct client *cl, int64_t ban_id, const char *date,
					  struct ban_exception *out)
{
	struct wire_out *q = client_request(cl, OP_BAN_EXCEPTION_ON);
	wire_put_int(q, F_ID, ban_id);
	wire_put_text(q, F_DATE, date);
	return client_call_one(cl, records_ban_exception, records_ban_exception_n, out,
			       sizeof *out, NULL);
}

enum store_status client_ban_notice_sweep(struct client *cl, const char *today, size_t *added)
{
	(void)today;
	size_t n = 0;
	(void)client_request(cl, OP_BAN_NOTICE_SWEEP);
	enum store_status r = count_reply(cl, &n);
	if (added)
		*added = r == STORE_OK ? n : 0;
	return r;
}

enum store_status client_ban_notice_unseen(struct client *cl, const char *user, time_t since,
					   struct ban_notice **out, size_t *n)
{
	struct wire_out *q = client_request(cl, OP_BAN_NOTICE_UNSEEN);
	if (user)
		wire_put_text(q, F_USER, user);
	wire_put_int(q, F_FROM, since > 0 ? (int64_t)since : 0);
	enum store_status r;
	*out = client_call_list(cl, records_ban_notice, records_ban_notice_n, sizeof **out, NULL, n,
				&r);
	return r;
}

enum store_status client_ban_notice_seen(struct client *cl, int64_t notice_id, const char *user)
{
	struct wire_out *q = client_request(cl, OP_BAN_NOTICE_SEEN);
	wire_put_int(q, F_ID, notice_id);
	if (user)
		wire_put_text(q, F_USER, user);
	return client_call_simple(cl);
}

/* ------------------------------------------------------------------ changes */

/* Rows go in frames of about this size: far below WIRE_FRAME_MAX even with the longest
 * fields, large enough that a million rows take a few hundred frames. */
#define IMPORT_FRAME_BYTES (2u << 20)

enum store_status client_ban_insert(struct client *cl, const struct ban_new *b, int64_t *id_out)
{
	struct wire_out *q = client_request(cl, OP_BAN_INSERT);
	wire_put_record(q, records_ban_new, records_ban_new_n, b);
	return client_call_id(cl, id_out);
}

enum store_status client_ban_update(struct client *cl, const struct ban *b)
{
	struct wire_out *q = client_request(cl, OP_BAN_UPDATE);
	wire_put_record(q, records_ban, records_ban_n, b);
	return client_call_simple(cl);
}

enum store_status client_ban_lift(struct client *cl, int64_t id, const char *reason,
				  int expected_version)
{
	struct wire_out *q = client_request(cl, OP_BAN_LIFT);
	wire_put_int(q, F_ID, id);
	wire_put_text(q, F_TEXT, reason);
	wire_put_int(q, F_VERSION, expected_version < 0 ? -1 : expected_version);
	return client_call_simple(cl);
}

enum store_status client_ban_activate(struct client *cl, int64_t id, int expected_version)
{
	struct wire_out *q = client_request(cl, OP_BAN_ACTIVATE);
	wire_put_int(q, F_ID, id);
	wire_put_int(q, F_VERSION, expected_version < 0 ? -1 : expected_version);
	return client_call_simple(cl);
}

enum store_status client_ban_extend(struct client *cl, int64_t id, const char *ends,
				    const char *reason, const char *justification,
				    int expected_version)
{
	struct wire_out *q = client_request(cl, OP_BAN_EXTEND);
	wire_put_int(q, F_ID, id);
	wire_put_text(q, F_DATE, ends);
	wire_put_text(q, F_TEXT, reason);
	if (justification && *justification)
		wire_put_text(q, F_JUSTIFICATION, justification);
	wire_put_int(q, F_VERSION, expected_version < 0 ? -1 : expected_version);
	return client_call_simple(cl);
}

enum store_status client_ban_import_begin(struct client *cl)
{
	(void)client_request(cl, OP_BAN_IMPORT_BEGIN);
	return client_call_simple(cl);
}

enum store_status client_ban_import_rows(struct client *cl, const struct ban_new *rows,
					 size_t n)
{
	size_t i = 0;
	while (i < n) {
		struct wire_out *q = client_request(cl, OP_BAN_IMPORT_ROWS);
		do {
			wire_put_rec(q);
			wire_put_struct(q, records_ban_new, records_ban_new_n, &rows[i++]);
		} while (i < n && q->len < IMPORT_FRAME_BYTES);
		enum store_status r = client_call_simple(cl);
		if (r != STORE_OK)
			return r;
	}
	return STORE_OK;
}

enum store_status client_ban_import_commit(struct client *cl, size_t sent, size_t *imported)
{
	wire_put_int(client_request(cl, OP_BAN_IMPORT_COMMIT), F_COUNT, (int64_t)sent);
	size_t n = 0;
	enum store_status r = count_reply(cl, &n);
	if (r == STORE_OK && imported)
		*imported = n;
	return r;
}

enum store_status client_ban_import_abort(struct client *cl)
{
	(void)client_request(cl, OP_BAN_IMPORT_ABORT);
	return client_call_simple(cl);
}

enum store_status client_ban_takeovers(struct client *cl, bool all, struct ban_list *out)
{
	wire_put_bool(client_request(cl, OP_BAN_TAKEOVERS), F_ALL_TAKEOVERS, all);
	enum store_status r;
	out->items = client_call_list(cl, records_ban, records_ban_n, sizeof(struct ban), ban_clear,
				      &out->count, &r);
	return r;
}

enum store_status client_ban_review(struct client *cl, int64_t id, const char *note)
{
	struct wire_out *q = client_request(cl, OP_BAN_REVIEW);
	wire_put_int(q, F_ID, id);
	if (note && *note)
		wire_put_text(q, F_TEXT, note);
	return client_call_simple(cl);
}
