/* client/bans_edit — imposing and changing bans through the service, and imports streamed in
 * frames (rows are checked by the service as they arrive and written only at the commit). */
#include "autoconfig.h"

#include "client/bans.h"
#include "i18n.h"
#include "service/records.h"

/* Rows go in frames of about this size: far below WIRE_FRAME_MAX even with the longest
 * fields, large enough that a million rows take a few hundred frames. */
#define IMPORT_FRAME_BYTES (2u << 20)

enum store_status client_ban_insert(struct client *cl, const struct ban_new *b, int64_t *id_out)
{
	struct wire_out *q = client_request(cl, OP_BAN_INSERT);
	wire_put_rec(q);
	wire_put_struct(q, records_ban_new, records_ban_new_n, b);
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	int64_t id = 0;
	if (wire_get_int(&a, 0, F_ID, &id) != 0 || id <= 0)
		r = client_fail(cl, STORE_UNAVAILABLE, _("the service's reply lacks the id"));
	else if (id_out)
		*id_out = id;
	wire_in_free(&a);
	return r;
}

enum store_status client_ban_update(struct client *cl, const struct ban *b)
{
	struct wire_out *q = client_request(cl, OP_BAN_UPDATE);
	wire_put_rec(q);
	wire_put_struct(q, records_ban, records_ban_n, b);
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
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	int64_t n = 0;
	if (wire_get_int(&a, 0, F_COUNT, &n) != 0 || n < 0)
		r = client_fail(cl, STORE_UNAVAILABLE, _("the service's reply lacks the count"));
	else if (imported)
		*imported = (size_t)n;
	wire_in_free(&a);
	return r;
}

enum store_status client_ban_import_abort(struct client *cl)
{
	(void)client_request(cl, OP_BAN_IMPORT_ABORT);
	return client_call_simple(cl);
}

enum store_status client_ban_import(struct client *cl, const struct ban_new *rows, size_t n)
{
	enum store_status r = client_ban_import_begin(cl);
	if (r == STORE_OK)
		r = client_ban_import_rows(cl, rows, n);
	if (r == STORE_OK)
		r = client_ban_import_commit(cl, n, NULL);
	return r;
}
