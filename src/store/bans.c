/* bans — persons and their bans and warnings in SQLite: insert, bulk import, read, list,
 * optimistic-concurrency update, lifting, and a fast stream for the in-memory name index;
 * the life cycle (activate, extend) with a history row per change, exceptions, notices. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/internal.h"

/* The spellings the schema's CHECK constraints accept, in enum order. They are the same
 * machine names as policy_kind_name()/policy_reason_name(); the store keeps its own copy
 * because these are column values, fixed by data/schema.sql. */
static const char *const kind_db[BAN_KIND_COUNT] = {
	"building", "phone", "building+phone", "service", "warning"
};
static const char *const reason_db[REASON_COUNT] = {
	"verbal", "threat", "obstruction", "attempt", "physical", "property", "other"
};

/* Columns of a ban with its person, in the order of enum col below. */
#define BAN_SELECT                                                                         \
	"SELECT b.id, b.person_id, p.given_names, p.prefix, p.surname, p.partner_prefix,"   \
	" p.partner_surname, p.born, b.kind, b.reason,"                                      \
	" (SELECT group_concat(sc.building, ',') FROM ban_scope sc WHERE sc.ban_id = b.id)," \
	" b.starts, b.ends, b.imposed_by, b.letter_sent, b.police_informed, b.notes,"        \
	" b.lifted_at, b.lifted_by, b.lifted_reason, b.created_at, b.created_by, b.version," \
	" b.status, b.until_conversation, b.repeat_offence, b.enforcement, b.justification,"  \
	" b.reasons"                                                                         \
	" FROM ban b JOIN person p ON p.id = b.person_id"

enum col {
	C_ID, C_PERSON, C_GIVEN, C_PREFIX, C_SURNAME, C_PPREFIX, C_PSURNAME, C_BORN, C_KIND,
	C_REASON, C_SCOPE, C_STARTS, C_ENDS, C_IMPOSED, C_LETTER, C_POLICE, C_NOTES, C_LIFTED_AT,
	C_LIFTED_BY, C_LIFTED_REASON, C_CREATED_AT, C_CREATED_BY, C_VERSION, C_STATUS, C_UNTIL,
	C_REPEAT, C_ENFORCEMENT, C_JUSTIFICATION, C_REASONS
};

#define WHERE_ACTIVE                                                                       \
	" WHERE b.status = 'active' AND b.lifted_at = '' AND b.starts <= :today"            \
	" AND b.ends >= :today"
#define WHERE_CURRENT " WHERE b.status = 'active' AND b.lifted_at = '' AND b.ends >= :today"
#define WHERE_DRAFT " WHERE b.status = 'draft'"
#define ORDER " ORDER BY b.ends, p.surname, b.id"

static const char list_active[] = BAN_SELECT WHERE_ACTIVE ORDER " LIMIT :limit OFFSET :offset";
static const char list_current[] = BAN_SELECT WHERE_CURRENT ORDER " LIMIT :limit OFFSET :offset";
static const char list_all[] = BAN_SELECT ORDER " LIMIT :limit OFFSET :offset";
static const char list_draft[] = BAN_SELECT WHERE_DRAFT ORDER " LIMIT :limit OFFSET :offset";
static const char *const list_sql[] = { list_active, list_current, list_all, list_draft };

/* In id order from an id on: a page boundary that no insert or update moves. */
#define AFTER " AND b.id > :after ORDER BY b.id LIMIT :limit"
static const char after_active[] = BAN_SELECT WHERE_ACTIVE AFTER;
static const char after_current[] = BAN_SELECT WHERE_CURRENT AFTER;
static const char after_all[] = BAN_SELECT " WHERE 1" AFTER;
static const char after_draft[] = BAN_SELECT WHERE_DRAFT AFTER;
static const char *const after_sql[] = { after_active, after_current, after_all, after_draft };

/* The stream and the counts visit most rows, so they scan the table in rowid order: "+b.ends"
 * keeps SQLite off the ends index, whose random-order lookups are 15 times slower here. */
#define SCAN_ACTIVE                                                                        \
	" WHERE b.status = 'active' AND b.lifted_at = '' AND b.starts <= :today"            \
	" AND +b.ends >= :today"
#define SCAN_CURRENT " WHERE b.status = 'active' AND b.lifted_at = '' AND +b.ends >= :today"

/* The stream needs no order: the name index sorts for itself. */
static const char each_active[] = BAN_SELECT SCAN_ACTIVE;
static const char each_current[] = BAN_SELECT SCAN_CURRENT;
static const char each_all[] = BAN_SELECT;
static const char each_draft[] = BAN_SELECT WHERE_DRAFT;
static const char *const each_sql[] = { each_active, each_current, each_all, each_draft };

static const char count_active[] = "SELECT count(*) FROM ban b" SCAN_ACTIVE;
static const char count_current[] = "SELECT count(*) FROM ban b" SCAN_CURRENT;
static const char count_all[] = "SELECT count(*) FROM ban b";
static const char count_draft[] = "SELECT count(*) FROM ban b" WHERE_DRAFT;
static const char *const count_sql[] = { count_active, count_current, count_all, count_draft };

static const char get_sql[] = BAN_SELECT " WHERE b.id = ?1";
static const char list_born_sql[] = BAN_SELECT WHERE_ACTIVE " AND p.born = :born" ORDER
	" LIMIT :limit";

static const char person_insert_sql[] =
	"INSERT INTO person (given_names, prefix, surname, born, partner_prefix, partner_surname,"
	" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char ban_insert_sql[] =
	"INSERT INTO ban (person_id, kind, reason, starts, ends, imposed_by, letter_sent,"
	" police_informed, notes, created_at, created_by, status, until_conversation,"
	" repeat_offence, enforcement, justification, reasons)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
static const char scope_insert_sql[] =
	"INSERT OR IGNORE INTO ban_scope (ban_id, building) VALUES (?1, ?2)";
static const char scope_delete_sql[] = "DELETE FROM ban_scope WHERE ban_id = ?1";
static const char ban_update_sql[] =
	"UPDATE ban SET kind = ?1, reason = ?2, starts = ?3, ends = ?4, imposed_by = ?5,"
	" letter_sent = ?6, police_informed = ?7, notes = ?8, until_conversation = ?11,"
	" repeat_offence = ?12, enforcement = ?13, justification = ?14, reasons = ?15,"
	" version = version + 1"
	" WHERE id = ?9 AND version = ?10";
static const char person_update_sql[] =
	"UPDATE person SET given_names = ?1, prefix = ?2, surname = ?3, born = ?4,"
	" partner_prefix = ?5, partner_surname = ?6"
	" WHERE id = (SELECT person_id FROM ban WHERE id = ?7)";
static const char ban_lift_sql[] =
	"UPDATE ban SET lifted_at = ?1, lifted_by = ?2, lifted_reason = ?3, version = version + 1"
	" WHERE id = ?4 AND lifted_at = '' AND (?5 < 0 OR version = ?5)";
static const char ban_exists_sql[] = "SELECT 1 FROM ban WHERE id = ?1";
static const char ban_imported_lift_sql[] =
	"UPDATE ban SET lifted_at = ?1, lifted_by = ?2, lifted_reason = ?3 WHERE id = ?4";

/* A date field: "YYYY-MM-DD" and a real day; optional ones may be empty. */
static enum store_status check_date(struct store *st, const char *field, const char *v,
				    bool optional)
{
	int y, m, d;
	if (optional && (!v || !*v))
		return STORE_OK;
	if (!v || !*v)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), field);
	if (dates_parse_date(v, &y, &m, &d) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   field, v);
	return STORE_OK;
}

/* Optional free text of at most max bytes. */
static enum store_status check_text_field(struct store *st, const char *field, const char *v,
					  size_t max)
{
	if (v && strlen(v) > max)
		return store_failf(st, STORE_INVALID, _("%s: too long (at most %zu bytes)"), field,
				   max);
	return STORE_OK;
}

/* A combination: comma-separated reason names, or "". */
static enum store_status check_reasons(struct store *st, const char *v)
{
	if (!v || !*v)
		return STORE_OK;
	char buf[256];
	if (strlen(v) >= sizeof buf)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "reasons");
	memcpy(buf, v, strlen(v) + 1);
	char *save = NULL;
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		enum ban_reason r;
		if (policy_reason_parse(tok, &r) != 0)
			return store_failf(st, STORE_INVALID, _("%s: unknown value \"%s\""),
					   "reasons", tok);
	}
	return STORE_OK;
}

/* The rules of the schema, checked first so the message names the field. */
static enum store_status validate(struct store *st, const struct ban_new *b)
{
	enum store_status s;
	if ((s = check_text_field(st, "enforcement", b->enforcement, 2000)) != STORE_OK ||
	    (s = check_text_field(st, "justification", b->justification, 4000)) != STORE_OK ||
	    (s = check_reasons(st, b->reasons)) != STORE_OK)
		return s;
	if (!b->surname || !*b->surname)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "surname");
	if ((int)b->kind < 0 || b->kind >= BAN_KIND_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "kind");
	if ((int)b->reason < 0 || b->reason >= REASON_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "reason");
	if ((s = check_date(st, "born", b->born, true)) != STORE_OK ||
	    (s = check_date(st, "starts", b->starts, false)) != STORE_OK ||
	    (s = check_date(st, "ends", b->ends, false)) != STORE_OK ||
	    (s = check_date(st, "letter_sent", b->letter_sent, true)) != STORE_OK)
		return s;
	if (strcmp(b->ends, b->starts) < 0)
		return store_failf(st, STORE_INVALID, _("%s: %s is before the start %s"), "ends",
				   b->ends, b->starts);
	if (b->lifted_at && *b->lifted_at) {
		time_t t;
		if ((s = check_date(st, "lifted_at", b->lifted_at, false)) != STORE_OK ||
		    (s = check_text_field(st, "lifted_by", b->lifted_by, 200)) != STORE_OK ||
		    (s = check_text_field(st, "lifted_reason", b->lifted_reason, 2000)) != STORE_OK)
			return s;
		if (dates_local_instant(b->lifted_at, 0, &t) != 0)
			return store_failf(st, STORE_INVALID,
					   _("%s: \"%s\" is not a date (YYYY-MM-DD)"), "lifted_at",
					   b->lifted_at);
		if (!b->lifted_by || !*b->lifted_by)
			return store_failf(st, STORE_INVALID, _("%s: must not be empty"),
					   "lifted_by");
		if (!b->lifted_reason || !*b->lifted_reason)
			return store_failf(st, STORE_INVALID, _("%s: must not be empty"),
					   "lifted_reason");
	}
	return STORE_OK;
}

/* Record a lifting that happened elsewhere (an imported row) on a new ban, inside the
 * caller's transaction; lifted_at is validated, so the conversion cannot fail here. */
static enum store_status imported_lift(struct store *st, int64_t ban_id, const struct ban_new *b)
{
	time_t t;
	char at[DATES_UTC_LEN];
	if (dates_local_instant(b->lifted_at, 0, &t) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "lifted_at", b->lifted_at);
	dates_format_utc(t, at);
	sqlite3_stmt *s = store_stmt(st, ban_imported_lift_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, at) || store_bind_text(s, 2, b->lifted_by) ||
	    store_bind_text(s, 3, b->lifted_reason) || store_bind_int(s, 4, ban_id)) {
		store_done(s);
		return store_fail(st, _("lifting the ban"));
	}
	return store_step_done(st, s, _("lifting the ban"));
}

/* Add one ban_scope row per comma-separated building (spaces trimmed,
 * empty items and duplicates ignored). */
static enum store_status scope_insert(struct store *st, int64_t ban_id, const char *scope)
{
	if (!scope || !*scope)
		return STORE_OK;
	sqlite3_stmt *s = store_stmt(st, scope_insert_sql);
	if (!s)
		return STORE_ERROR;
	char *copy = strdup(scope);
	if (!copy)
		return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	enum store_status r = STORE_OK;
	char *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok && r == STORE_OK;
	     tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ' || *tok == '\t')
			tok++;
		size_t len = strlen(tok);
		while (len > 0 && (tok[len - 1] == ' ' || tok[len - 1] == '\t'))
			tok[--len] = '\0';
		if (len == 0)
			continue;
		if (store_bind_int(s, 1, ban_id) || store_bind_text(s, 2, tok)) {
			store_done(s);
			r = store_fail(st, _("saving the scope"));
			break;
		}
		r = store_step_done(st, s, _("saving the scope"));
	}
	free(copy);
	return r;
}

static const char history_insert_sql[] =
	"INSERT INTO ban_history (ban_id, at, actor, action, detail, status, kind, reason, starts,"
	" ends, scope, imposed_by, letter_sent, police_informed, enforcement, justification,"
	" until_conversation, lifted_at, version)"
	" SELECT b.id, ?2, ?3, ?4, ?5, b.status, b.kind, b.reason, b.starts, b.ends,"
	" coalesce((SELECT group_concat(sc.building, ',') FROM ban_scope sc"
	"  WHERE sc.ban_id = b.id), ''),"
	" b.imposed_by, b.letter_sent, b.police_informed, b.enforcement, b.justification,"
	" b.until_conversation, b.lifted_at, b.version FROM ban b WHERE b.id = ?1";
static const char notice_insert_sql[] =
	"INSERT INTO ban_notice (ban_id, event, at) VALUES (?1, ?2, ?3)";

static const char *const notice_db[BAN_NOTICE_EVENT_COUNT] = {
	"active", "extended", "lifted", "ended"
};

/* Append the ban as it is now to its history, inside the caller's transaction. */
static enum store_status history_write(struct store *st, int64_t ban_id, const char *action,
				       const char *detail, const char *now)
{
	sqlite3_stmt *s = store_stmt(st, history_insert_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, ban_id) || store_bind_text(s, 2, now) ||
	    store_bind_text(s, 3, st->actor) || store_bind_text(s, 4, action) ||
	    store_bind_text(s, 5, detail)) {
		store_done(s);
		return store_fail(st, _("saving the ban's history"));
	}
	return store_step_done(st, s, _("saving the ban's history"));
}

/* A notice for reception, inside the caller's transaction. */
static enum store_status notice_write(struct store *st, int64_t ban_id,
				      enum ban_notice_event e, const char *now)
{
	sqlite3_stmt *s = store_stmt(st, notice_insert_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, ban_id) || store_bind_text(s, 2, notice_db[e]) ||
	    store_bind_text(s, 3, now)) {
		store_done(s);
		return store_fail(st, _("saving the notice"));
	}
	return store_step_done(st, s, _("saving the notice"));
}

static bool answers_complete(const struct ban_new *b)
{
	return policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
				  b->letter_sent) == 0;
}

/* One person and one ban (with its first history row) inside the caller's transaction. */
static enum store_status insert_one(struct store *st, const struct ban_new *b, const char *now,
				    bool active, const char *action, int64_t *id_out)
{
	sqlite3_stmt *p = store_stmt(st, person_insert_sql);
	if (!p)
		return STORE_ERROR;
	if (store_bind_text(p, 1, b->given_names) || store_bind_text(p, 2, b->prefix) ||
	    store_bind_text(p, 3, b->surname) || store_bind_text(p, 4, b->born) ||
	    store_bind_text(p, 5, b->partner_prefix) || store_bind_text(p, 6, b->partner_surname) ||
	    store_bind_text(p, 7, now)) {
		store_done(p);
		return store_fail(st, _("saving the person"));
	}
	enum store_status r = store_step_done(st, p, _("saving the person"));
	if (r != STORE_OK)
		return r;
	int64_t person_id = sqlite3_last_insert_rowid(st->db);

	sqlite3_stmt *s = store_stmt(st, ban_insert_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, person_id) || store_bind_text(s, 2, kind_db[b->kind]) ||
	    store_bind_text(s, 3, reason_db[b->reason]) || store_bind_text(s, 4, b->starts) ||
	    store_bind_text(s, 5, b->ends) || store_bind_text(s, 6, b->imposed_by) ||
	    store_bind_text(s, 7, b->letter_sent) || store_bind_int(s, 8, b->police_informed) ||
	    store_bind_text(s, 9, b->notes) || store_bind_text(s, 10, now) ||
	    store_bind_text(s, 11, st->actor) ||
	    store_bind_text(s, 12, active ? "active" : "draft") ||
	    store_bind_int(s, 13, b->until_conversation) ||
	    store_bind_int(s, 14, b->repeat_offence) || store_bind_text(s, 15, b->enforcement) ||
	    store_bind_text(s, 16, b->justification) || store_bind_text(s, 17, b->reasons)) {
		store_done(s);
		return store_fail(st, _("saving the ban"));
	}
	r = store_step_done(st, s, _("saving the ban"));
	if (r != STORE_OK)
		return r;
	int64_t ban_id = sqlite3_last_insert_rowid(st->db);
	r = scope_insert(st, ban_id, b->scope);
	/* Before the history row, so that row shows the ban as imported: lifted. */
	if (r == STORE_OK && b->lifted_at && *b->lifted_at)
		r = imported_lift(st, ban_id, b);
	if (r == STORE_OK)
		r = history_write(st, ban_id, action, "", now);
	if (r == STORE_OK && id_out)
		*id_out = ban_id;
	return r;
}

/* Finish a one-ban write: audit line, then commit, or roll back on any failure. */
static enum store_status finish(struct store *st, enum store_status r, const char *action,
				int64_t id, const char *detail)
{
	char object[32];
	snprintf(object, sizeof object, "ban:%lld", (long long)id);
	return store_finish(st, r, action, object, "ok", detail);
}

enum store_status store_ban_insert(struct store *st, const struct ban_new *b, int64_t *id_out)
{
	enum store_status r = validate(st, b);
	if (r != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	int64_t id = 0;
	bool active = !b->draft && answers_complete(b);
	r = insert_one(st, b, now, active, "insert", &id);
	if (r == STORE_OK && active)
		r = notice_write(st, id, BAN_NOTICE_ACTIVE, now);
	char detail[80];
	snprintf(detail, sizeof detail, "%s %s until %s", active ? "active" : "draft",
		 kind_db[b->kind], b->ends);
	r = finish(st, r, "ban.insert", id, detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

/* Put "row N: " (1-based) before the message of a failed import row. */
static void row_error(struct store *st, enum store_status r, size_t i)
{
	char why[sizeof st->err];
	snprintf(why, sizeof why, "%s", st->err);
	store_failf(st, r, _("row %zu: %s"), i + 1, why);
}

enum store_status store_ban_import(struct store *st, const struct ban_new *rows, size_t n)
{
	enum store_status r = STORE_OK;
	/* Validate everything before taking the write lock, so other terminals wait only for
	 * the inserts themselves. */
	for (size_t i = 0; i < n && r == STORE_OK; i++)
		if ((r = validate(st, &rows[i])) != STORE_OK)
			row_error(st, r, i);
	if (r != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	for (size_t i = 0; i < n && r == STORE_OK; i++) {
		if ((r = insert_one(st, &rows[i], now, !rows[i].draft, "import", NULL)) != STORE_OK)
			row_error(st, r, i);
	}
	char detail[32];
	snprintf(detail, sizeof detail, "%zu", n);
	return store_finish(st, r, "ban.import", "bans", "ok", detail);
}

static const char *col_str(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? (const char *)t : "";
}

static enum ban_kind kind_from_db(const char *v)
{
	for (int i = 0; i < BAN_KIND_COUNT; i++)
		if (strcmp(v, kind_db[i]) == 0)
			return (enum ban_kind)i;
	return BAN_BUILDING; /* the schema's CHECK allows nothing else */
}

static enum ban_reason reason_from_db(const char *v)
{
	for (int i = 0; i < REASON_COUNT; i++)
		if (strcmp(v, reason_db[i]) == 0)
			return (enum ban_reason)i;
	return REASON_OTHER; /* the schema's CHECK allows nothing else */
}

/* Fill b from the current row. With borrow the strings point into SQLite's buffers (valid
 * until the next step or reset); otherwise they are malloc'd copies. -1 on out-of-memory. */
static int ban_from_row(sqlite3_stmt *s, struct ban *b, bool borrow)
{
	static const struct { int col; size_t off; } text[] = {
		{ C_GIVEN, offsetof(struct ban, given_names) },
		{ C_PREFIX, offsetof(struct ban, prefix) },
		{ C_SURNAME, offsetof(struct ban, surname) },
		{ C_PPREFIX, offsetof(struct ban, partner_prefix) },
		{ C_PSURNAME, offsetof(struct ban, partner_surname) },
		{ C_BORN, offsetof(struct ban, born) },
		{ C_SCOPE, offsetof(struct ban, scope) },
		{ C_STARTS, offsetof(struct ban, starts) },
		{ C_ENDS, offsetof(struct ban, ends) },
		{ C_IMPOSED, offsetof(struct ban, imposed_by) },
		{ C_LETTER, offsetof(struct ban, letter_sent) },
		{ C_NOTES, offsetof(struct ban, notes) },
		{ C_LIFTED_AT, offsetof(struct ban, lifted_at) },
		{ C_LIFTED_BY, offsetof(struct ban, lifted_by) },
		{ C_LIFTED_REASON, offsetof(struct ban, lifted_reason) },
		{ C_CREATED_AT, offsetof(struct ban, created_at) },
		{ C_CREATED_BY, offsetof(struct ban, created_by) },
		{ C_ENFORCEMENT, offsetof(struct ban, enforcement) },
		{ C_JUSTIFICATION, offsetof(struct ban, justification) },
		{ C_REASONS, offsetof(struct ban, reasons) },
	};
	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(s, C_ID);
	b->person_id = sqlite3_column_int64(s, C_PERSON);
	b->kind = kind_from_db(col_str(s, C_KIND));
	b->reason = reason_from_db(col_str(s, C_REASON));
	b->police_informed = sqlite3_column_int(s, C_POLICE) != 0;
	b->version = sqlite3_column_int(s, C_VERSION);
	b->status = strcmp(col_str(s, C_STATUS), "draft") == 0 ? BAN_STATUS_DRAFT
							       : BAN_STATUS_ACTIVE;
	b->until_conversation = sqlite3_column_int(s, C_UNTIL) != 0;
	b->repeat_offence = sqlite3_column_int(s, C_REPEAT) != 0;
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
		char **field = (char **)((char *)b + text[i].off);
		if (borrow) {
			*field = (char *)col_str(s, text[i].col);
		} else if (!(*field = store_col_dup(s, text[i].col))) {
			store_ban_clear(b);
			return -1;
		}
	}
	return 0;
}

enum store_status store_ban_get(struct store *st, int64_t id, struct ban *out)
{
	sqlite3_stmt *s = store_stmt(st, get_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, id)) {
		store_done(s);
		return store_fail(st, _("reading a ban"));
	}
	enum store_status r = STORE_OK;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (ban_from_row(s, out, false) != 0)
			r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	} else if (rc == SQLITE_DONE) {
		r = store_failf(st, STORE_NOT_FOUND, _("ban %lld: not found"), (long long)id);
	} else {
		r = store_fail(st, _("reading a ban"));
	}
	store_done(s);
	return r;
}

static enum store_status check_filter(struct store *st, enum ban_filter f, const char *today)
{
	if ((int)f < 0 || f > BAN_FILTER_DRAFT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "filter");
	if (f == BAN_FILTER_ACTIVE || f == BAN_FILTER_CURRENT)
		return check_date(st, "today", today, false);
	return STORE_OK;
}

/* Bind :today, :limit, :offset and :after where the statement has them. */
static int bind_filter(sqlite3_stmt *s, const char *today, long long limit, long long offset)
{
	int i;
	if ((i = sqlite3_bind_parameter_index(s, ":after")) > 0 && store_bind_int(s, i, offset))
		return -1;
	if ((i = sqlite3_bind_parameter_index(s, ":today")) > 0 && store_bind_text(s, i, today))
		return -1;
	if ((i = sqlite3_bind_parameter_index(s, ":limit")) > 0 && store_bind_int(s, i, limit))
		return -1;
	if ((i = sqlite3_bind_parameter_index(s, ":offset")) > 0 && store_bind_int(s, i, offset))
		return -1;
	return 0;
}

/* Step s to its end, every row a ban of out; the statement is done afterwards. On an error
 * out is empty. */
static enum store_status read_list(struct store *st, sqlite3_stmt *s, struct ban_list *out)
{
	enum store_status r = STORE_OK;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->count == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct ban *items = realloc(out->items, ncap * sizeof *items);
			if (!items)
				break;
			out->items = items;
			cap = ncap;
		}
		if (ban_from_row(s, &out->items[out->count], false) != 0)
			break;
		out->count++;
	}
	if (rc == SQLITE_ROW)
		r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	else if (rc != SQLITE_DONE)
		r = store_fail(st, _("listing bans"));
	store_done(s);
	if (r != STORE_OK)
		store_ban_list_free(out);
	return r;
}

/* Run the list statement of filter f from sqls (:today, :limit and :offset or :after)
 * into out. */
static enum store_status list_run(struct store *st, const char *const *sqls, enum ban_filter f,
				  const char *today, long long offset, size_t limit,
				  struct ban_list *out)
{
	out->items = NULL;
	out->count = 0;
	enum store_status r = check_filter(st, f, today);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, sqls[f]);
	if (!s)
		return STORE_ERROR;
	if (bind_filter(s, today, limit ? (long long)limit : -1, offset)) {
		store_done(s);
		return store_fail(st, _("listing bans"));
	}
	return read_list(st, s, out);
}

enum store_status store_ban_list(struct store *st, enum ban_filter f, const char *today,
				 size_t offset, size_t limit, struct ban_list *out)
{
	return list_run(st, list_sql, f, today, (long long)offset, limit, out);
}

enum store_status store_ban_list_after(struct store *st, enum ban_filter f, const char *today,
				       int64_t after_id, size_t limit, struct ban_list *out)
{
	return list_run(st, after_sql, f, today, after_id < 0 ? 0 : after_id, limit, out);
}

enum store_status store_ban_count(struct store *st, enum ban_filter f, const char *today,
				  size_t *out)
{
	*out = 0;
	enum store_status r = check_filter(st, f, today);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, count_sql[f]);
	if (!s)
		return STORE_ERROR;
	if (bind_filter(s, today, -1, 0) || sqlite3_step(s) != SQLITE_ROW)
		r = store_fail(st, _("counting bans"));
	else
		*out = (size_t)sqlite3_column_int64(s, 0);
	store_done(s);
	return r;
}

/* After an UPDATE that changed nothing: was the ban missing, or in the way? */
static enum store_status missing_or_conflict(struct store *st, int64_t id, const char *conflict)
{
	sqlite3_stmt *s = store_stmt(st, ban_exists_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, id)) {
		store_done(s);
		return store_fail(st, _("reading a ban"));
	}
	int rc = sqlite3_step(s);
	store_done(s);
	if (rc == SQLITE_DONE)
		return store_failf(st, STORE_NOT_FOUND, _("ban %lld: not found"), (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(st, _("reading a ban"));
	return store_failf(st, STORE_CONFLICT, _("ban %lld: %s"), (long long)id, conflict);
}

static const char status_sql[] = "SELECT status FROM ban WHERE id = ?1";

/* The stored status of a ban inside the caller's transaction; STORE_NOT_FOUND when none. */
static enum store_status status_locked(struct store *st, int64_t id, enum ban_status *out)
{
	sqlite3_stmt *s = store_stmt(st, status_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, id)) {
		store_done(s);
		return store_fail(st, _("reading a ban"));
	}
	enum store_status r = STORE_OK;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = strcmp(col_str(s, 0), "draft") == 0 ? BAN_STATUS_DRAFT : BAN_STATUS_ACTIVE;
	else if (rc == SQLITE_DONE)
		r = store_failf(st, STORE_NOT_FOUND, _("ban %lld: not found"), (long long)id);
	else
		r = store_fail(st, _("reading a ban"));
	store_done(s);
	return r;
}

/* STORE_INVALID naming the mandatory answers b lacks. */
static enum store_status missing_answers(struct store *st, int64_t id, const struct ban_new *b)
{
	unsigned bits = policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
					   b->letter_sent);
	char names[256] = "";
	size_t len = 0;
	for (int i = 0; i < POLICY_MISSING_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		int n = snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "",
				 policy_missing_name(i));
		if (n < 0 || (size_t)n >= sizeof names - len)
			break;
		len += (size_t)n;
	}
	return store_failf(st, STORE_INVALID,
			   _("ban %lld: an active ban needs every mandatory answer; missing: %s"),
			   (long long)id, names);
}

static enum store_status update_locked(struct store *st, const struct ban *b)
{
	sqlite3_stmt *s = store_stmt(st, ban_update_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, kind_db[b->kind]) || store_bind_text(s, 2, reason_db[b->reason]) ||
	    store_bind_text(s, 3, b->starts) || store_bind_text(s, 4, b->ends) ||
	    store_bind_text(s, 5, b->imposed_by) || store_bind_text(s, 6, b->letter_sent) ||
	    store_bind_int(s, 7, b->police_informed) || store_bind_text(s, 8, b->notes) ||
	    store_bind_int(s, 9, b->id) || store_bind_int(s, 10, b->version) ||
	    store_bind_int(s, 11, b->until_conversation) ||
	    store_bind_int(s, 12, b->repeat_offence) || store_bind_text(s, 13, b->enforcement) ||
	    store_bind_text(s, 14, b->justification) || store_bind_text(s, 15, b->reasons)) {
		store_done(s);
		return store_fail(st, _("saving the ban"));
	}
	enum store_status r = store_step_done(st, s, _("saving the ban"));
	if (r != STORE_OK)
		return r;
	if (sqlite3_changes(st->db) == 0)
		return missing_or_conflict(st, b->id,
					   _("changed by someone else meanwhile; reload and retry"));
	s = store_stmt(st, person_update_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, b->given_names) || store_bind_text(s, 2, b->prefix) ||
	    store_bind_text(s, 3, b->surname) || store_bind_text(s, 4, b->born) ||
	    store_bind_text(s, 5, b->partner_prefix) || store_bind_text(s, 6, b->partner_surname) ||
	    store_bind_int(s, 7, b->id)) {
		store_done(s);
		return store_fail(st, _("saving the person"));
	}
	if ((r = store_step_done(st, s, _("saving the person"))) != STORE_OK)
		return r;
	s = store_stmt(st, scope_delete_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, b->id)) {
		store_done(s);
		return store_fail(st, _("saving the scope"));
	}
	if ((r = store_step_done(st, s, _("saving the scope"))) != STORE_OK)
		return r;
	return scope_insert(st, b->id, b->scope);
}

void store_ban_as_new(const struct ban *b, struct ban_new *out)
{
	*out = (struct ban_new){
		.given_names = b->given_names, .prefix = b->prefix, .surname = b->surname,
		.partner_prefix = b->partner_prefix, .partner_surname = b->partner_surname,
		.born = b->born, .kind = b->kind, .reason = b->reason, .scope = b->scope,
		.starts = b->starts, .ends = b->ends, .imposed_by = b->imposed_by,
		.letter_sent = b->letter_sent, .police_informed = b->police_informed,
		.notes = b->notes, .until_conversation = b->until_conversation,
		.repeat_offence = b->repeat_offence, .enforcement = b->enforcement,
		.justification = b->justification, .reasons = b->reasons,
	};
}

enum store_status store_ban_update(struct store *st, const struct ban *b)
{
	struct ban_new v;
	store_ban_as_new(b, &v);
	enum store_status r = validate(st, &v);
	if (r != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	/* The status in the database decides, not the caller's copy. */
	enum ban_status status;
	r = status_locked(st, b->id, &status);
	if (r == STORE_OK && status == BAN_STATUS_ACTIVE && !answers_complete(&v))
		r = missing_answers(st, b->id, &v);
	if (r == STORE_OK)
		r = update_locked(st, b);
	if (r == STORE_OK)
		r = history_write(st, b->id, "update", "", now);
	char detail[64];
	snprintf(detail, sizeof detail, "version %d", b->version + 1);
	return finish(st, r, "ban.update", b->id, detail);
}

enum store_status store_ban_lift(struct store *st, int64_t id, const char *reason,
				 int expected_version)
{
	if (!reason || !*reason)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "reason");
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, ban_lift_sql);
	if (!s) {
		store_rollback(st);
		return STORE_ERROR;
	}
	if (store_bind_text(s, 1, now) || store_bind_text(s, 2, st->actor) ||
	    store_bind_text(s, 3, reason) || store_bind_int(s, 4, id) ||
	    store_bind_int(s, 5, expected_version)) {
		store_done(s);
		r = store_fail(st, _("lifting the ban"));
	} else {
		r = store_step_done(st, s, _("lifting the ban"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = missing_or_conflict(st, id, _("already lifted or changed meanwhile"));
	if (r == STORE_OK)
		r = history_write(st, id, "lift", reason, now);
	if (r == STORE_OK)
		r = notice_write(st, id, BAN_NOTICE_LIFTED, now);
	return finish(st, r, "ban.lift", id, reason);
}

void store_ban_clear(struct ban *b)
{
	if (!b)
		return;
	char **fields[] = {
		&b->given_names, &b->prefix, &b->surname, &b->partner_prefix, &b->partner_surname,
		&b->born, &b->scope, &b->starts, &b->ends, &b->imposed_by, &b->letter_sent,
		&b->notes, &b->lifted_at, &b->lifted_by, &b->lifted_reason, &b->created_at,
		&b->created_by, &b->enforcement, &b->justification, &b->reasons,
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(*fields[i]);
	memset(b, 0, sizeof *b);
}

void store_ban_list_free(struct ban_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++)
		store_ban_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

/* Borrowed rows (see bans.h): no allocation per row, so a million bans stream in about a
 * second. */
enum store_status store_ban_each(struct store *st, enum ban_filter f, const char *today,
				 int (*fn)(const struct ban *b, void *arg), void *arg)
{
	enum store_status r = check_filter(st, f, today);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, each_sql[f]);
	if (!s)
		return STORE_ERROR;
	if (bind_filter(s, today, -1, 0)) {
		store_done(s);
		return store_fail(st, _("reading bans"));
	}
	int rc;
	struct ban b;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		(void)ban_from_row(s, &b, true); /* borrowing never allocates */
		if (fn(&b, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		r = store_fail(st, _("reading bans"));
	store_done(s);
	return r;
}

/* ------------------------------------------------------------------ life cycle (issue 5) */

static const char activate_sql[] =
	"UPDATE ban SET status = 'active', version = version + 1"
	" WHERE id = ?1 AND status = 'draft' AND (?2 < 0 OR version = ?2)";
static const char extend_sql[] =
	"UPDATE ban SET ends = ?2, version = version + 1,"
	" justification = CASE WHEN ?3 = '' THEN justification"
	"  WHEN justification = '' THEN ?3 ELSE justification || char(10) || ?3 END"
	" WHERE id = ?1 AND lifted_at = '' AND ends < ?2 AND (?4 < 0 OR version = ?4)";

enum store_status store_ban_activate(struct store *st, int64_t id, int expected_version)
{
	char now[DATES_UTC_LEN];
	store_now_text(now);
	/* Read outside the write lock, checked again by the UPDATE's conditions. */
	struct ban b;
	enum store_status r = store_ban_get(st, id, &b);
	if (r != STORE_OK)
		return r;
	if (b.status == BAN_STATUS_ACTIVE) {
		store_ban_clear(&b);
		return store_failf(st, STORE_CONFLICT, _("ban %lld: is active already"),
				   (long long)id);
	}
	struct ban_new v = {
		.notes = b.notes, .starts = b.starts, .ends = b.ends, .imposed_by = b.imposed_by,
		.letter_sent = b.letter_sent,
	};
	if (!answers_complete(&v))
		r = missing_answers(st, id, &v);
	store_ban_clear(&b);
	if (r != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, activate_sql);
	if (!s)
		r = STORE_ERROR;
	else if (store_bind_int(s, 1, id) || store_bind_int(s, 2, expected_version)) {
		store_done(s);
		r = store_fail(st, _("activating the ban"));
	} else {
		r = store_step_done(st, s, _("activating the ban"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = missing_or_conflict(st, id, _("active already or changed meanwhile"));
	if (r == STORE_OK)
		r = history_write(st, id, "activate", "", now);
	if (r == STORE_OK)
		r = notice_write(st, id, BAN_NOTICE_ACTIVE, now);
	return finish(st, r, "ban.activate", id, "");
}

enum store_status store_ban_extend(struct store *st, int64_t id, const char *ends,
				   const char *reason, const char *justification,
				   int expected_version)
{
	enum store_status r = check_date(st, "ends", ends, false);
	if (r != STORE_OK)
		return r;
	if (!reason || !*reason)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "reason");
	if ((r = check_text_field(st, "reason", reason, 2000)) != STORE_OK ||
	    (r = check_text_field(st, "justification", justification, 2000)) != STORE_OK)
		return r;
	struct ban b;
	if ((r = store_ban_get(st, id, &b)) != STORE_OK)
		return r;
	bool later = strcmp(ends, b.ends) > 0, lifted = *b.lifted_at != '\0';
	char old[DATES_DATE_LEN];
	snprintf(old, sizeof old, "%s", b.ends);
	store_ban_clear(&b);
	if (lifted)
		return store_failf(st, STORE_CONFLICT, _("ban %lld: lifted; it cannot be extended"),
				   (long long)id);
	if (!later)
		return store_failf(st, STORE_INVALID,
				   _("%s: %s is not later than the current end %s"), "ends", ends,
				   old);
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, extend_sql);
	if (!s)
		r = STORE_ERROR;
	else if (store_bind_int(s, 1, id) || store_bind_text(s, 2, ends) ||
		 store_bind_text(s, 3, justification) || store_bind_int(s, 4, expected_version)) {
		store_done(s);
		r = store_fail(st, _("extending the ban"));
	} else {
		r = store_step_done(st, s, _("extending the ban"));
	}
	if (r == STORE_OK && sqlite3_changes(st->db) == 0)
		r = missing_or_conflict(st, id, _("lifted, extended or changed meanwhile"));
	char detail[2100];
	snprintf(detail, sizeof detail, "%s -> %s: %s", old, ends, reason);
	if (r == STORE_OK)
		r = history_write(st, id, "extend", detail, now);
	if (r == STORE_OK)
		r = notice_write(st, id, BAN_NOTICE_EXTENDED, now);
	return finish(st, r, "ban.extend", id, detail);
}

static const char earlier_sql[] =
	"SELECT count(*) FROM ban b JOIN person p ON p.id = b.person_id"
	" WHERE b.status = 'active' AND b.id <> ?5"
	" AND p.surname = ?3 COLLATE NOCASE AND p.prefix = ?2 COLLATE NOCASE"
	" AND (p.born = '' OR ?4 = '' OR p.born = ?4)"
	" AND (p.given_names = '' OR ?1 = ''"
	"  OR substr(p.given_names, 1, 1) = substr(?1, 1, 1) COLLATE NOCASE)";
static const char person_of_ban_sql[] =
	"SELECT p.given_names, p.prefix, p.surname, p.born, b.id FROM ban b"
	" JOIN person p ON p.id = b.person_id WHERE b.id = ?1";
static const char person_sql[] =
	"SELECT given_names, prefix, surname, born, 0 FROM person WHERE id = ?1";

enum store_status store_ban_earlier(struct store *st, const char *given, const char *prefix,
				    const char *surname, const char *born, int64_t exclude_ban,
				    size_t *out)
{
	*out = 0;
	if (!surname || !*surname)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "surname");
	sqlite3_stmt *s = store_stmt(st, earlier_sql);
	if (!s)
		return STORE_ERROR;
	enum store_status r = STORE_OK;
	if (store_bind_text(s, 1, given) || store_bind_text(s, 2, prefix) ||
	    store_bind_text(s, 3, surname) || store_bind_text(s, 4, born) ||
	    store_bind_int(s, 5, exclude_ban) || sqlite3_step(s) != SQLITE_ROW)
		r = store_fail(st, _("counting earlier bans"));
	else
		*out = (size_t)sqlite3_column_int64(s, 0);
	store_done(s);
	return r;
}

/* Count for the person read by sql (?1 = id); the row's fifth column is the ban to leave out. */
static enum store_status earlier_by(struct store *st, const char *sql, int64_t id,
				    const char *what, size_t *out)
{
	*out = 0;
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, id)) {
		store_done(s);
		return store_fail(st, _("counting earlier bans"));
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		store_done(s);
		return store_failf(st, STORE_NOT_FOUND, "%s %lld: %s", what, (long long)id,
				   _("not found"));
	}
	if (rc != SQLITE_ROW) {
		store_done(s);
		return store_fail(st, _("counting earlier bans"));
	}
	char *f[4];
	bool oom = false;
	for (int i = 0; i < 4; i++)
		oom |= !(f[i] = store_col_dup(s, i));
	int64_t exclude = sqlite3_column_int64(s, 4);
	store_done(s);
	enum store_status r = oom ? store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM))
				  : store_ban_earlier(st, f[0], f[1], f[2], f[3], exclude, out);
	for (int i = 0; i < 4; i++)
		free(f[i]);
	return r;
}

enum store_status store_ban_earlier_for_ban(struct store *st, int64_t ban_id, size_t *out)
{
	return earlier_by(st, person_of_ban_sql, ban_id, "ban", out);
}

enum store_status store_ban_earlier_for_person(struct store *st, int64_t person_id,
					       size_t *out)
{
	return earlier_by(st, person_sql, person_id, "person", out);
}

/* ------------------------------------------------------------------ history */

static const char history_sql[] =
	"SELECT id, ban_id, at, actor, action, detail, status, kind, reason, starts, ends, scope,"
	" imposed_by, letter_sent, police_informed, enforcement, justification,"
	" until_conversation, lifted_at, version FROM ban_history WHERE ban_id = ?1 ORDER BY id";

void store_ban_history_free(struct ban_history *h, size_t n)
{
	for (size_t i = 0; h && i < n; i++) {
		char *f[] = {h[i].at, h[i].actor, h[i].action, h[i].detail, h[i].starts, h[i].ends,
			     h[i].scope, h[i].imposed_by, h[i].letter_sent, h[i].enforcement,
			     h[i].justification, h[i].lifted_at};
		for (size_t j = 0; j < sizeof f / sizeof *f; j++)
			free(f[j]);
	}
	free(h);
}

static int history_from_row(sqlite3_stmt *s, struct ban_history *h)
{
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(s, 0);
	h->ban_id = sqlite3_column_int64(s, 1);
	h->status = strcmp(col_str(s, 6), "draft") == 0 ? BAN_STATUS_DRAFT : BAN_STATUS_ACTIVE;
	h->kind = kind_from_db(col_str(s, 7));
	h->reason = reason_from_db(col_str(s, 8));
	h->police_informed = sqlite3_column_int(s, 14) != 0;
	h->until_conversation = sqlite3_column_int(s, 17) != 0;
	h->version = sqlite3_column_int(s, 19);
	struct { char **f; int col; } t[] = {
		{&h->at, 2}, {&h->actor, 3}, {&h->action, 4}, {&h->detail, 5}, {&h->starts, 9},
		{&h->ends, 10}, {&h->scope, 11}, {&h->imposed_by, 12}, {&h->letter_sent, 13},
		{&h->enforcement, 15}, {&h->justification, 16}, {&h->lifted_at, 18},
	};
	int rc = 0;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (!(*t[i].f = store_col_dup(s, t[i].col)))
			rc = -1;
	return rc;
}

enum store_status store_ban_history(struct store *st, int64_t ban_id, struct ban_history **out,
				    size_t *n)
{
	*out = NULL;
	*n = 0;
	enum ban_status dummy;
	/* Outside a transaction: a plain read of the ban tells a missing one apart. */
	enum store_status r = status_locked(st, ban_id, &dummy);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, history_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, ban_id)) {
		store_done(s);
		return store_fail(st, _("reading the ban's history"));
	}
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct ban_history *nh = realloc(*out, ncap * sizeof *nh);
			if (!nh)
				break;
			*out = nh;
			cap = ncap;
		}
		int bad = history_from_row(s, &(*out)[*n]);
		(*n)++;
		if (bad)
			break;
	}
	if (rc == SQLITE_ROW)
		r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	else if (rc != SQLITE_DONE)
		r = store_fail(st, _("reading the ban's history"));
	store_done(s);
	if (r != STORE_OK) {
		store_ban_history_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return r;
}

/* ------------------------------------------------------------------ exceptions */

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
	e->kind = strcmp(col_str(s, 2), "appointment") == 0 ? BAN_EXCEPTION_APPOINTMENT
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
	if ((r = check_date(st, "starts", starts, false)) != STORE_OK ||
	    (r = check_date(st, "ends", ends, false)) != STORE_OK)
		return r;
	if (strcmp(ends, starts) < 0)
		return store_failf(st, STORE_INVALID, _("%s: %s is before the start %s"), "ends",
				   ends, starts);
	if (!detail || !*detail)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "detail");
	if ((r = check_text_field(st, "detail", detail, 500)) != STORE_OK)
		return r;
	char now[DATES_UTC_LEN];
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	enum ban_status status;
	r = status_locked(st, ban_id, &status);
	sqlite3_stmt *s = r == STORE_OK ? store_stmt(st, exception_insert_sql) : NULL;
	if (r == STORE_OK && !s)
		r = STORE_ERROR;
	if (r == STORE_OK) {
		if (store_bind_int(s, 1, ban_id) || store_bind_text(s, 2, exception_db[kind]) ||
		    store_bind_text(s, 3, starts) || store_bind_text(s, 4, ends) ||
		    store_bind_text(s, 5, detail) || store_bind_text(s, 6, now) ||
		    store_bind_text(s, 7, st->actor)) {
			store_done(s);
			r = store_fail(st, _("saving the exception"));
		} else {
			r = store_step_done(st, s, _("saving the exception"));
		}
	}
	int64_t id = r == STORE_OK ? sqlite3_last_insert_rowid(st->db) : 0;
	char what[600];
	snprintf(what, sizeof what, "%s %s..%s: %s", exception_db[kind], starts, ends, detail);
	if (r == STORE_OK)
		r = history_write(st, ban_id, "exception", what, now);
	r = finish(st, r, "ban.exception", ban_id, what);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

enum store_status store_ban_exception_list(struct store *st, int64_t ban_id,
					   struct ban_exception **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, exception_list_sql);
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, ban_id)) {
		store_done(s);
		return store_fail(st, _("listing exceptions"));
	}
	void *items = NULL;
	enum store_status r = store_collect(st, s, sizeof **out, exception_from_row, &items, n,
					    _("listing exceptions"));
	*out = items;
	return r;
}

enum store_status store_ban_exception_on(struct store *st, int64_t ban_id, const char *date,
					 struct ban_exception *out)
{
	enum store_status r = check_date(st, "date", date, false);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, exception_on_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_int(s, 1, ban_id) || store_bind_text(s, 2, date)) {
		store_done(s);
		return store_fail(st, _("reading exceptions"));
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		exception_from_row(s, out);
	else if (rc == SQLITE_DONE)
		r = store_failf(st, STORE_NOT_FOUND, _("ban %lld: no exception on %s"),
				(long long)ban_id, date);
	else
		r = store_fail(st, _("reading exceptions"));
	store_done(s);
	return r;
}

/* ------------------------------------------------------------------ notices */

static const char sweep_sql[] =
	"INSERT OR IGNORE INTO ban_notice (ban_id, event, at)"
	" SELECT id, 'ended', ?3 FROM ban WHERE status = 'active' AND lifted_at = ''"
	" AND ends < ?1 AND ends >= ?2";
static const char unseen_sql[] =
	"SELECT n.id, n.ban_id, n.event, n.at, p.given_names, p.prefix, p.surname, b.kind,"
	" b.starts, b.ends,"
	" coalesce((SELECT group_concat(sc.building, ',') FROM ban_scope sc"
	"  WHERE sc.ban_id = b.id), '')"
	" FROM ban_notice n JOIN ban b ON b.id = n.ban_id JOIN person p ON p.id = b.person_id"
	" WHERE n.at >= ?2 AND NOT EXISTS (SELECT 1 FROM ban_notice_seen s"
	"  WHERE s.notice_id = n.id AND (?1 = '' OR s.user = ?1))"
	" ORDER BY n.id";
static const char notice_exists_sql[] = "SELECT 1 FROM ban_notice WHERE id = ?1";
static const char seen_sql[] =
	"INSERT OR IGNORE INTO ban_notice_seen (notice_id, user, at) VALUES (?1, ?2, ?3)";

const char *store_ban_notice_event_name(enum ban_notice_event e)
{
	return (unsigned)e < BAN_NOTICE_EVENT_COUNT ? notice_db[e] : "?";
}

enum store_status store_ban_notice_sweep(struct store *st, const char *today, size_t *added)
{
	if (added)
		*added = 0;
	enum store_status r = check_date(st, "today", today, false);
	if (r != STORE_OK)
		return r;
	char week[DATES_DATE_LEN], now[DATES_UTC_LEN];
	if (dates_add_days(today, -7, week) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "today", today);
	store_now_text(now);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, sweep_sql);
	if (!s)
		r = STORE_ERROR;
	else if (store_bind_text(s, 1, today) || store_bind_text(s, 2, week) ||
		 store_bind_text(s, 3, now)) {
		store_done(s);
		r = store_fail(st, _("saving the notice"));
	} else {
		r = store_step_done(st, s, _("saving the notice"));
	}
	size_t n = r == STORE_OK ? (size_t)sqlite3_changes(st->db) : 0;
	/* Nothing new: no audit line, so a sweep on every console every day stays quiet. */
	if (r == STORE_OK && n == 0) {
		r = store_commit(st);
		return r;
	}
	char detail[32];
	snprintf(detail, sizeof detail, "%zu", n);
	r = store_finish(st, r, "ban.notice.sweep", "bans", "ok", detail);
	if (r == STORE_OK && added)
		*added = n;
	return r;
}

static void notice_from_row(sqlite3_stmt *s, void *item)
{
	struct ban_notice *n = item;
	memset(n, 0, sizeof *n);
	n->id = sqlite3_column_int64(s, 0);
	n->ban_id = sqlite3_column_int64(s, 1);
	n->event = BAN_NOTICE_ACTIVE;
	for (int i = 0; i < BAN_NOTICE_EVENT_COUNT; i++)
		if (strcmp(col_str(s, 2), notice_db[i]) == 0)
			n->event = (enum ban_notice_event)i;
	store_col_copy(s, 3, n->at, sizeof n->at);
	const char *parts[] = {col_str(s, 4), col_str(s, 5), col_str(s, 6)};
	size_t len = 0;
	for (size_t i = 0; i < 3; i++) {
		if (!*parts[i])
			continue;
		int k = snprintf(n->name + len, sizeof n->name - len, "%s%s", len ? " " : "",
				 parts[i]);
		if (k < 0 || (size_t)k >= sizeof n->name - len)
			break;
		len += (size_t)k;
	}
	n->kind = kind_from_db(col_str(s, 7));
	store_col_copy(s, 8, n->starts, sizeof n->starts);
	store_col_copy(s, 9, n->ends, sizeof n->ends);
	store_col_copy(s, 10, n->scope, sizeof n->scope);
}

enum store_status store_ban_notice_unseen(struct store *st, const char *user, time_t since,
					  struct ban_notice **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char from[DATES_UTC_LEN] = "";
	if (since > 0)
		dates_format_utc(since, from);
	sqlite3_stmt *s = store_stmt(st, unseen_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, user) || store_bind_text(s, 2, from)) {
		store_done(s);
		return store_fail(st, _("reading notices"));
	}
	void *items = NULL;
	enum store_status r = store_collect(st, s, sizeof **out, notice_from_row, &items, n,
					    _("reading notices"));
	*out = items;
	return r;
}

enum store_status store_ban_notice_seen(struct store *st, int64_t notice_id, const char *user)
{
	if (!user || !*user)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "user");
	char now[DATES_UTC_LEN];
	store_now_text(now);
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, notice_exists_sql);
	if (!s) {
		store_rollback(st);
		return STORE_ERROR;
	}
	int rc = store_bind_int(s, 1, notice_id) ? SQLITE_ERROR : sqlite3_step(s);
	store_done(s);
	if (rc == SQLITE_DONE)
		r = store_failf(st, STORE_NOT_FOUND, _("notice %lld: not found"),
				(long long)notice_id);
	else if (rc != SQLITE_ROW)
		r = store_fail(st, _("reading notices"));
	if (r == STORE_OK && !(s = store_stmt(st, seen_sql)))
		r = STORE_ERROR;
	if (r == STORE_OK) {
		if (store_bind_int(s, 1, notice_id) || store_bind_text(s, 2, user) ||
		    store_bind_text(s, 3, now)) {
			store_done(s);
			r = store_fail(st, _("saving the notice"));
		} else {
			r = store_step_done(st, s, _("saving the notice"));
		}
	}
	char object[32];
	snprintf(object, sizeof object, "notice:%lld", (long long)notice_id);
	return store_finish(st, r, "ban.notice.seen", object, "ok", user);
}

enum store_status store_ban_list_born(struct store *st, const char *today, const char *born,
				      size_t limit, struct ban_list *out)
{
	out->items = NULL;
	out->count = 0;
	enum store_status r = check_filter(st, BAN_FILTER_ACTIVE, today);
	if (r == STORE_OK)
		r = check_date(st, "born", born, false);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *s = store_stmt(st, list_born_sql);
	if (!s)
		return STORE_ERROR;
	int i = sqlite3_bind_parameter_index(s, ":born");
	if (bind_filter(s, today, limit ? (long long)limit : -1, 0) || i <= 0 ||
	    store_bind_text(s, i, born)) {
		store_done(s);
		return store_fail(st, _("listing bans"));
	}
	return read_list(st, s, out);
}
