/* client/admin — the requests of the accountability commands. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client/admin.h"
#include "i18n.h"
#include "service/lib.h"

#define EXPORT_COLS_MAX 64 /* as store_person_export gives them */

enum store_status client_audit(struct client *cl, const char *action, const char *object,
			       const char *result, const char *detail)
{
	struct wire_out *q = client_request(cl, OP_AUDIT_NOTE);
	wire_put_text(q, F_ACTION, action);
	wire_put_text(q, F_OBJECT, object);
	wire_put_text(q, F_RESULT, result);
	wire_put_text(q, F_DETAIL, detail);
	return client_call_simple(cl);
}

enum store_status client_audit_list(struct client *cl, size_t limit, struct audit_entry **out,
				    size_t *n)
{
	wire_put_int(client_request(cl, OP_AUDIT_RECENT), F_LIMIT,
		     limit == 0 || limit > 1000 ? 1000 : (int64_t)limit);
	enum store_status r;
	*out = client_call_list(cl, records_audit_entry, records_audit_entry_n, sizeof **out, NULL,
				n, &r);
	return r;
}

/* One page of lines after *after; *done when it was the last. */
static enum store_status audit_page(struct client *cl, const struct audit_filter *f,
				    int64_t *after, bool *done,
				    int (*fn)(const struct audit_line *l, void *arg), void *arg)
{
	struct wire_out *q = client_request(cl, OP_AUDIT_LIST);
	if (f->since && *f->since)
		wire_put_text(q, F_SINCE, f->since);
	if (f->actor && *f->actor)
		wire_put_text(q, F_ACTOR, f->actor);
	if (f->action && *f->action)
		wire_put_text(q, F_ACTION, f->action);
	if (f->object && *f->object)
		wire_put_text(q, F_OBJECT, f->object);
	wire_put_int(q, F_AFTER_ID, *after);
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	int64_t last = 0;
	if (wire_get_bool(&a, 0, F_DONE, done) != 0 || wire_get_int(&a, 0, F_LAST_ID, &last) != 0 ||
	    (!*done && last <= *after)) {
		wire_in_free(&a);
		return client_fail(cl, STORE_UNAVAILABLE, _("the service's reply does not decode"));
	}
	for (uint32_t i = 1; i < a.nrecs; i++) {
		struct audit_line l = {0};
		r = client_get_struct(cl, &a, i, records_audit_line, records_audit_line_n, &l);
		if (r != STORE_OK) {
			wire_in_free(&a);
			return r;
		}
		const char **text[] = {&l.at, &l.actor, &l.terminal, &l.action, &l.object,
				       &l.result, &l.detail};
		for (size_t k = 0; k < sizeof text / sizeof *text; k++)
			if (!*text[k])
				*text[k] = "";
		l.prev_hash = l.hash = "";
		if (fn(&l, arg) != 0) {
			*done = true;
			break;
		}
	}
	*after = last;
	wire_in_free(&a);
	return STORE_OK;
}

enum store_status client_audit_each(struct client *cl, const struct audit_filter *f,
				    int (*fn)(const struct audit_line *l, void *arg), void *arg)
{
	static const struct audit_filter none = {0};
	if (!f)
		f = &none;
	int64_t after = f->after_id;
	bool done = false;
	enum store_status r = STORE_OK;
	while (!done && r == STORE_OK)
		r = audit_page(cl, f, &after, &done, fn, arg);
	return r;
}

enum store_status client_audit_verify_head(struct client *cl, int64_t head_id,
					   const char *head_hash, struct audit_verify *v)
{
	struct wire_out *q = client_request(cl, OP_AUDIT_VERIFY);
	if (head_id > 0) {
		wire_put_int(q, F_HEAD_ID, head_id);
		wire_put_text(q, F_HEAD_HASH, head_hash);
	}
	return client_call_one(cl, records_audit_verify, records_audit_verify_n, v, sizeof *v,
			       NULL);
}

enum store_status client_purge(struct client *cl, bool dry_run, struct purge_report *out)
{
	wire_put_bool(client_request(cl, OP_PURGE), F_DRY_RUN, dry_run);
	return client_call_one(cl, records_purge_report, records_purge_report_n, out, sizeof *out,
			       NULL);
}

/* Send the request built; copy the text field tag of its reply into out (may be absent:
 * then ""). */
static enum store_status call_text(struct client *cl, uint16_t tag, char *out, size_t outsz)
{
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	const char *s = "";
	if (outsz > 0 && wire_get_text(&a, 0, tag, outsz - 1, &s) < 0)
		r = client_fail(cl, STORE_UNAVAILABLE, _("the service's reply does not decode"));
	else if (outsz > 0)
		snprintf(out, outsz, "%s", s);
	wire_in_free(&a);
	return r;
}

enum store_status client_backup(struct client *cl, const char *name, const char *path,
				bool overwrite, char *written, size_t writtensz)
{
	struct wire_out *q = client_request(cl, OP_BACKUP);
	if (name)
		wire_put_text(q, F_NAME, name);
	if (path)
		wire_put_text(q, F_PATH, path);
	wire_put_bool(q, F_FORCE, overwrite);
	return call_text(cl, path ? F_PATH : F_NAME, written, writtensz);
}

enum store_status client_backup_list(struct client *cl, struct backup_file **out, size_t *n)
{
	(void)client_request(cl, OP_BACKUP_LIST);
	enum store_status r;
	*out = client_call_list(cl, records_backup_file, records_backup_file_n, sizeof **out, NULL,
				n, &r);
	return r;
}

enum store_status client_restore(struct client *cl, const char *name, const char *path,
				 char *kept, size_t keptsz)
{
	struct wire_out *q = client_request(cl, OP_RESTORE);
	if (name)
		wire_put_text(q, F_NAME, name);
	if (path)
		wire_put_text(q, F_PATH, path);
	return call_text(cl, F_KEPT, kept, keptsz);
}

enum store_status client_person_of_ban(struct client *cl, int64_t ban_id, int64_t *person_id)
{
	wire_put_int(client_request(cl, OP_PERSON_OF_BAN), F_BAN_ID, ban_id);
	return client_call_int(cl, F_ID, 1, INT64_MAX, _("the service's reply lacks the id"),
			       person_id);
}

enum store_status client_person_export(struct client *cl, int64_t person_id,
				       int (*fn)(const char *section, int ncols,
						 const char *const *names,
						 const char *const *values, void *arg),
				       void *arg)
{
	wire_put_int(client_request(cl, OP_PERSON_EXPORT), F_ID, person_id);
	struct wire_in a;
	enum store_status r = client_call(cl, &a);
	if (r != STORE_OK)
		return r;
	for (uint32_t i = 1; i < a.nrecs && r == STORE_OK; i++) {
		const char *section = NULL, *names[EXPORT_COLS_MAX], *values[EXPORT_COLS_MAX];
		int64_t ncols = -1;
		bool ok = wire_get_text(&a, i, 1, 0, &section) == 0 &&
			  wire_get_int(&a, i, 2, &ncols) == 0 && ncols >= 0 &&
			  ncols <= EXPORT_COLS_MAX;
		for (int64_t k = 0; ok && k < ncols; k++)
			ok = wire_get_text(&a, i, (uint16_t)(3 + 2 * k), 0, &names[k]) == 0 &&
			     wire_get_text(&a, i, (uint16_t)(4 + 2 * k), 0, &values[k]) == 0;
		if (!ok)
			r = client_fail(cl, STORE_UNAVAILABLE,
					_("the service sent a record that does not decode "
					  "(record %lu)"), (unsigned long)i);
		else if (fn(section, (int)ncols, names, values, arg) != 0)
			break;
	}
	wire_in_free(&a);
	return r;
}
