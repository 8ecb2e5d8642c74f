/* bans_exceptions — exceptions during a ban: an authorised representative or an appointment
 * arranged by phone first, valid for a period; the visitor check asks for today's. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/bans_internal.h"
#include "store/internal.h"

static const char *const exception_db[BAN_EXCEPTION_KIND_COUNT] = {
	"representative", "appointment"
};

static const char exception_insert_sql[] =
	"INSERT INTO ban_exception (ban_id, kind, starts, ends, detail, created_at, created_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
#define EXCEPTION_SELECT                                                                   \
	"SELECT id, ban_id, kind, starts, ends, detail, created_at, created_by"             \
	" FROM ban_exception"
static const char exception_list_sql[] =
	EXCEPTION_SELECT " WHERE ?1 = 0 OR ban_id = ?1 ORDER BY starts, id";
/* An appointment says more to the receptionist than a standing authorisation. */
static const char exception_on_sql[] =
	EXCEPTION_SELECT " WHERE ban_id = ?1 AND starts <= ?2 AND ends >= ?2"
	" ORDER BY kind = 'appointment' DESC, id DESC LIMIT 1";

const char *store_ban_exception_kind_name(enum ban_exception_kind k)
{
	return (unsigned)k < BAN_EXCEPTION_KIND_COUNT ? exception_db[k] : "?";
}

int store_ban_exception_kind_parse(const char *s, enum ban_exception_kind *out)
{
	for (int i = 0; s && i < BAN_EXCEPTION_KIND_COUNT; i++) {
		if (strcmp(s, exception_db[i]) == 0) {
			*out = (enum ban_exception_kind)i;
			return 0;
		}
	}
	return -1;
}

static void exception_from_row(sqlite3_stmt *s, void *item)
{
	struct ban_exception *e = item;
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(s, 0);
	e->ban_id = sqlite3_column_int64(s, 1);
	e->kind = strcmp(bans_col_str(s, 2), "appointment") == 0 ? BAN_EXCEPTION_APPOINTMENT
							    : BAN_EXCEPTION_REPRESENTATIVE;
	store_col_copy(s, 3, e->starts, sizeof e->starts);
	store_col_copy(s, 4, e->ends, sizeof e->ends);
	store_col_copy(s, 5, e->detail, sizeof e->detail);
	store_col_copy(s, 6, e->created_at, sizeof e->created_at);
	store_col_copy(s, 7, e->created_by, sizeof e->created_by);
}

enum store_status store_ban_exception_add(struct store *st, int64_t ban_id,
					  enum ban_exception_kind kind, const char *starts,
					  const char *ends, const char *detail, int64_t *id_out)
{
	enum store_status r;
	if ((unsigned)kind >= BAN_EXCEPTION_KIND_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "kind");
	if ((r = bans_check_date(st, "starts", starts, false)) != STORE_OK ||
	    (r = bans_check_date(st, "ends", ends, false)) != STORE_OK)
		return r;
	if (strcmp(ends, starts) < 0)
		return store_failf(st, STORE_INVALID, _("%s: %s is before the start %s"), "ends",
				   ends, starts);
	if ((r = store_required(st, "detail", detail)) != STORE_OK ||
	    (r = bans_check_text(st, "detail", detail, 500)) != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	if ((r = store_begin_now(st, now)) != STORE_OK)
		return r;
	enum ban_status status;
	r = bans_status_locked(st, ban_id, &status);
	if (r == STORE_OK)
		r = store_run(st, exception_insert_sql, _("saving the exception"), STORE_INT(ban_id),
			      STORE_TEXT(exception_db[kind]), STORE_TEXT(starts), STORE_TEXT(ends),
			      STORE_TEXT(detail), STORE_TEXT(now), STORE_TEXT(st->actor));
	int64_t id = r == STORE_OK ? sqlite3_last_insert_rowid(st->db) : 0;
	char what[600];
	snprintf(what, sizeof what, "%s %s..%s: %s", exception_db[kind], starts, ends, detail);
	if (r == STORE_OK)
		r = bans_history_write(st, ban_id, "exception", what, now);
	r = bans_finish(st, r, "ban.exception", ban_id, what);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status store_ban_exception_list(struct store *st, int64_t ban_id,
					   struct ban_exception **out, size_t *n)
{
	return store_list(st, exception_list_sql, _("listing exceptions"), exception_from_row, out,
			  n, STORE_INT(ban_id));
}

enum store_status store_ban_exception_on(struct store *st, int64_t ban_id, const char *date,
					 struct ban_exception *out)
{
	enum store_status r = bans_check_date(st, "date", date, false);
	if (r != STORE_OK)
		return r;
	r = store_row(st, exception_on_sql, _("reading exceptions"), exception_from_row, out,
		      STORE_INT(ban_id), STORE_TEXT(date));
	if (r == STORE_NOT_FOUND)
		r = store_failf(st, STORE_NOT_FOUND, _("ban %lld: no exception on %s"),
				(long long)ban_id, date);
	return r;
}
