/* bans — persons and their bans and warnings in SQLite: validation, insert, read, list,
 * count and optimistic-concurrency update, with the helpers the bans_*.c share. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/bans_internal.h"
#include "store/changes.h"
#include "store/internal.h"

/* The spellings the schema's CHECK constraints accept, in enum order. They are the same
 * machine names as policy_kind_name()/policy_reason_name(); the store keeps its own copy
 * because these are column values, fixed by data/schema.sql. */
const char *const bans_kind_db[BAN_KIND_COUNT] = {
	"building", "phone", "building+phone", "service", "warning"
};
const char *const bans_reason_db[REASON_COUNT] = {
	"verbal", "threat", "obstruction", "attempt", "physical", "property", "other"
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

/* Live bans are counted per start and end day by triggers (table ban_live_day): the number
 * in force on a day is those ending on or after it minus those starting after it (a ban
 * never ends before it starts), in two sums over days, whatever the size of the list. */
#define LIVE_ENDING                                                                        \
	"coalesce((SELECT sum(n) FROM ban_live_day WHERE side = 0 AND day >= :today), 0)"
static const char count_active[] =
	"SELECT " LIVE_ENDING
	" - coalesce((SELECT sum(n) FROM ban_live_day WHERE side = 1 AND day > :today), 0)";
static const char count_current[] = "SELECT " LIVE_ENDING;
static const char count_all[] = "SELECT count(*) FROM ban b";
static const char count_draft[] = "SELECT count(*) FROM ban b" WHERE_DRAFT;
static const char *const count_sql[] = { count_active, count_current, count_all, count_draft };

static const char get_sql[] = BAN_SELECT " WHERE b.id = ?1";
static const char list_born_sql[] = BAN_SELECT WHERE_ACTIVE " AND p.born = :born" ORDER
	" LIMIT :limit";

static const char person_insert_sql[] =
	"INSERT INTO person (given_names, prefix, surname, born, partner_prefix, partner_surname,"
	" created_at, address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char ban_insert_sql[] =
	"INSERT INTO ban (person_id, kind, reason, starts, ends, imposed_by, letter_sent,"
	" police_informed, notes, created_at, created_by, status, until_conversation,"
	" repeat_offence, enforcement, justification, reasons, lifted_at, lifted_by,"
	" lifted_reason, event_date, incident_id, takeover_source, takeover_date)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	" ?18, ?19, ?20, ?21, ?22, ?23, ?24)";
static const char takeovers_sql[] =
	BAN_SELECT " WHERE b.takeover_source <> '' AND (?1 OR b.reviewed_at = '')"
	" ORDER BY b.takeover_date, b.id";
static const char review_sql[] =
	"UPDATE ban SET reviewed_at = ?1, reviewed_by = ?2 WHERE id = ?3"
	" AND takeover_source <> '' AND reviewed_at = ''";
static const char scope_insert_sql[] =
	"INSERT OR IGNORE INTO ban_scope (ban_id, building) VALUES (?1, ?2)";
static const char scope_delete_sql[] = "DELETE FROM ban_scope WHERE ban_id = ?1";
static const char ban_update_sql[] =
	"UPDATE ban SET kind = ?1, reason = ?2, starts = ?3, ends = ?4, imposed_by = ?5,"
	" letter_sent = ?6, police_informed = ?7, notes = ?8, until_conversation = ?11,"
	" repeat_offence = ?12, enforcement = ?13, justification = ?14, reasons = ?15,"
	" event_date = ?16, version = version + 1"
	" WHERE id = ?9 AND version = ?10";
static const char person_update_sql[] =
	"UPDATE person SET given_names = ?1, prefix = ?2, surname = ?3, born = ?4,"
	" partner_prefix = ?5, partner_surname = ?6, address = ?8"
	" WHERE id = (SELECT person_id FROM ban WHERE id = ?7)";
static const char ban_exists_sql[] = "SELECT 1 FROM ban WHERE id = ?1";

/* A date field: "YYYY-MM-DD" and a real day; optional ones may be empty. */
enum store_status bans_check_date(struct store *st, const char *field, const char *v,
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
enum store_status bans_check_text(struct store *st, const char *field, const char *v,
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
enum store_status bans_validate(struct store *st, const struct ban_new *b)
{
	enum store_status s;
	if ((s = bans_check_text(st, "enforcement", b->enforcement, 2000)) != STORE_OK ||
	    (s = bans_check_text(st, "justification", b->justification, 4000)) != STORE_OK ||
	    (s = check_reasons(st, b->reasons)) != STORE_OK ||
	    (s = bans_check_text(st, "address", b->address, 500)) != STORE_OK ||
	    (s = bans_check_text(st, "takeover_source", b->takeover_source, 200)) != STORE_OK ||
	    (s = bans_check_date(st, "event_date", b->event_date, true)) != STORE_OK)
		return s;
	if (b->incident_id < 0)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "incident");
	if (!b->surname || !*b->surname)
		return store_failf(st, STORE_INVALID, _("%s: must not be empty"), "surname");
	if ((int)b->kind < 0 || b->kind >= BAN_KIND_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "kind");
	if ((int)b->reason < 0 || b->reason >= REASON_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "reason");
	if ((s = bans_check_date(st, "born", b->born, true)) != STORE_OK ||
	    (s = bans_check_date(st, "starts", b->starts, false)) != STORE_OK ||
	    (s = bans_check_date(st, "ends", b->ends, false)) != STORE_OK ||
	    (s = bans_check_date(st, "letter_sent", b->letter_sent, true)) != STORE_OK)
		return s;
	if (strcmp(b->ends, b->starts) < 0)
		return store_failf(st, STORE_INVALID, _("%s: %s is before the start %s"), "ends",
				   b->ends, b->starts);
	if (b->lifted_at && *b->lifted_at) {
		time_t t;
		if ((s = bans_check_date(st, "lifted_at", b->lifted_at, false)) != STORE_OK ||
		    (s = bans_check_text(st, "lifted_by", b->lifted_by, 200)) != STORE_OK ||
		    (s = bans_check_text(st, "lifted_reason", b->lifted_reason, 2000)) != STORE_OK)
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

/* The instant stored for a lifting that happened elsewhere (an imported row): the UTC
 * instant of the local midnight of its date; "" when not lifted. lifted_at is validated, so
 * the conversion cannot fail here. */
static enum store_status imported_lift(struct store *st, const struct ban_new *b,
				       char at[DATES_UTC_LEN])
{
	time_t t;
	at[0] = '\0';
	if (!b->lifted_at || !*b->lifted_at)
		return STORE_OK;
	if (dates_local_instant(b->lifted_at, 0, &t) != 0)
		return store_failf(st, STORE_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
				   "lifted_at", b->lifted_at);
	dates_format_utc(t, at);
	return STORE_OK;
}

/* Add one ban_scope row per comma-separated building (spaces trimmed,
 * empty items and duplicates ignored). */
static enum store_status scope_insert(struct store *st, int64_t ban_id, const char *scope)
{
	if (!scope || !*scope)
		return STORE_OK;
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
		r = store_run(st, scope_insert_sql, _("saving the scope"), STORE_INT(ban_id),
			      STORE_TEXT(tok));
	}
	free(copy);
	return r;
}

/* The ban as it is now, as a history row: of one ban (?1 = its id), or of every ban after
 * ?1 (an import writes them all at once). */
#define HISTORY_INSERT                                                                     \
	"INSERT INTO ban_history (ban_id, at, actor, action, detail, status, kind, reason,"   \
	" starts, ends, scope, imposed_by, letter_sent, police_informed, enforcement,"        \
	" justification, until_conversation, lifted_at, version)"                            \
	" SELECT b.id, ?2, ?3, ?4, ?5, b.status, b.kind, b.reason, b.starts, b.ends,"         \
	" coalesce((SELECT group_concat(sc.building, ',') FROM ban_scope sc"                 \
	"  WHERE sc.ban_id = b.id), ''),"                                                     \
	" b.imposed_by, b.letter_sent, b.police_informed, b.enforcement, b.justification,"    \
	" b.until_conversation, b.lifted_at, b.version FROM ban b"
static const char history_insert_sql[] = HISTORY_INSERT " WHERE b.id = ?1";
static const char history_after_sql[] = HISTORY_INSERT " WHERE b.id > ?1 ORDER BY b.id";

/* History rows by sql (one ban, or every ban after ban_id), inside the caller's
 * transaction. */
static enum store_status history_rows(struct store *st, const char *sql, int64_t ban_id,
				      const char *action, const char *detail, const char *now)
{
	return store_run(st, sql, _("saving the ban's history"), STORE_INT(ban_id), STORE_TEXT(now),
			 STORE_TEXT(st->actor), STORE_TEXT(action), STORE_TEXT(detail));
}

enum store_status bans_history_write(struct store *st, int64_t ban_id, const char *action,
				     const char *detail, const char *now)
{
	return history_rows(st, history_insert_sql, ban_id, action, detail, now);
}

enum store_status bans_history_after(struct store *st, int64_t ban_id, const char *action,
				     const char *now)
{
	return history_rows(st, history_after_sql, ban_id, action, "", now);
}


bool bans_answers_complete(const struct ban_new *b)
{
	return policy_ban_missing(b->notes, b->starts, b->ends, b->imposed_by,
				  b->letter_sent) == 0;
}

/* The person's name as the matcher reads it. */
static struct names_record record_of(const struct ban_new *b)
{
	struct names_record r = {
		.given_names = b->given_names, .prefix = b->prefix, .surname = b->surname,
		.partner_prefix = b->partner_prefix, .partner_surname = b->partner_surname,
		.born = b->born,
	};
	return r;
}

/* One person (with its name keys: into the batch keys, or written at once when NULL) and
 * one ban (with its first history row) inside the caller's transaction. */
enum store_status bans_insert_one(struct store *st, const struct ban_new *b, const char *now,
				  bool active, const char *action, struct bans_keys *keys,
				  int64_t *id_out)
{
	enum store_status r =
		store_run(st, person_insert_sql, _("saving the person"), STORE_REF(b->given_names),
			  STORE_REF(b->prefix), STORE_REF(b->surname), STORE_REF(b->born),
			  STORE_REF(b->partner_prefix), STORE_REF(b->partner_surname),
			  STORE_REF(now), STORE_REF(b->address));
	if (r != STORE_OK)
		return r;
	int64_t person_id = sqlite3_last_insert_rowid(st->db);
	struct names_record rec = record_of(b);
	if (keys && bans_keys_add(keys, person_id, &rec) != 0)
		return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	if (!keys && (r = bans_keys_person(st, person_id, &rec, false)) != STORE_OK)
		return r;

	/* Lifted already (an import of an export): in the row as inserted, so that its
	 * history row shows it lifted. */
	char lifted[DATES_UTC_LEN];
	if ((r = imported_lift(st, b, lifted)) != STORE_OK)
		return r;
	bool was_lifted = lifted[0] != '\0';
	/* A takeover is marked with the local day it came in. */
	char today[DATES_DATE_LEN] = "";
	time_t t;
	if (b->takeover_source && *b->takeover_source) {
		if (dates_parse_utc(now, &t) != 0)
			return store_failf(st, STORE_ERROR, "%s", _("the clock cannot be read"));
		dates_local_date(t, today);
	}
	r = store_run(st, ban_insert_sql, _("saving the ban"), STORE_INT(person_id),
		      STORE_REF(bans_kind_db[b->kind]), STORE_REF(bans_reason_db[b->reason]),
		      STORE_REF(b->starts), STORE_REF(b->ends), STORE_REF(b->imposed_by),
		      STORE_REF(b->letter_sent), STORE_INT(b->police_informed), STORE_REF(b->notes),
		      STORE_REF(now), STORE_REF(st->actor), STORE_REF(active ? "active" : "draft"),
		      STORE_INT(b->until_conversation), STORE_INT(b->repeat_offence),
		      STORE_REF(b->enforcement), STORE_REF(b->justification), STORE_REF(b->reasons),
		      STORE_REF(lifted), STORE_REF(was_lifted ? b->lifted_by : ""),
		      STORE_REF(was_lifted ? b->lifted_reason : ""), STORE_REF(b->event_date),
		      STORE_INT(b->incident_id), STORE_REF(b->takeover_source), STORE_REF(today));
	if (r != STORE_OK)
		return r;
	int64_t ban_id = sqlite3_last_insert_rowid(st->db);
	r = scope_insert(st, ban_id, b->scope);
	/* without an action the caller writes the history rows itself (bans_history_after) */
	if (r == STORE_OK && action)
		r = bans_history_write(st, ban_id, action, "", now);
	if (r == STORE_OK && id_out)
		*id_out = ban_id;
	return r;
}

/* Finish a one-ban write: audit line, then commit, or roll back on any failure. */
enum store_status bans_finish(struct store *st, enum store_status r, const char *action,
			      int64_t id, const char *detail)
{
	return store_finish_id(st, r, action, "ban", id, detail);
}

enum store_status store_ban_insert(struct store *st, const struct ban_new *b, int64_t *id_out)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_checked(st, bans_validate(st, b), now);
	if (r != STORE_OK)
		return r;
	int64_t id = 0;
	bool active = !b->draft && bans_answers_complete(b);
	r = bans_insert_one(st, b, now, active, "insert", NULL, &id);
	if (r == STORE_OK && active)
		r = bans_notice_write(st, id, BAN_NOTICE_ACTIVE, now);
	char detail[80];
	snprintf(detail, sizeof detail, "%s %s until %s", active ? "active" : "draft",
		 bans_kind_db[b->kind], b->ends);
	r = bans_finish(st, r, "ban.insert", id, detail);
	if (r == STORE_OK && id_out)
		*id_out = id;
	return r;
}

const char *bans_col_str(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? (const char *)t : "";
}

enum ban_kind bans_kind_from_db(const char *v)
{
	for (int i = 0; i < BAN_KIND_COUNT; i++)
		if (strcmp(v, bans_kind_db[i]) == 0)
			return (enum ban_kind)i;
	return BAN_BUILDING; /* the schema's CHECK allows nothing else */
}

enum ban_reason bans_reason_from_db(const char *v)
{
	for (int i = 0; i < REASON_COUNT; i++)
		if (strcmp(v, bans_reason_db[i]) == 0)
			return (enum ban_reason)i;
	return REASON_OTHER; /* the schema's CHECK allows nothing else */
}

int bans_from_row(sqlite3_stmt *s, struct ban *b)
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
		{ C_ADDRESS, offsetof(struct ban, address) },
		{ C_EVENT_DATE, offsetof(struct ban, event_date) },
		{ C_TAKEOVER_SOURCE, offsetof(struct ban, takeover_source) },
		{ C_TAKEOVER_DATE, offsetof(struct ban, takeover_date) },
		{ C_REVIEWED_AT, offsetof(struct ban, reviewed_at) },
		{ C_REVIEWED_BY, offsetof(struct ban, reviewed_by) },
	};
	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(s, C_ID);
	b->person_id = sqlite3_column_int64(s, C_PERSON);
	b->kind = bans_kind_from_db(bans_col_str(s, C_KIND));
	b->reason = bans_reason_from_db(bans_col_str(s, C_REASON));
	b->police_informed = sqlite3_column_int(s, C_POLICE) != 0;
	b->version = sqlite3_column_int(s, C_VERSION);
	b->status = strcmp(bans_col_str(s, C_STATUS), "draft") == 0 ? BAN_STATUS_DRAFT
							       : BAN_STATUS_ACTIVE;
	b->until_conversation = sqlite3_column_int(s, C_UNTIL) != 0;
	b->repeat_offence = sqlite3_column_int(s, C_REPEAT) != 0;
	b->incident_id = sqlite3_column_int64(s, C_INCIDENT);
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
		char **field = (char **)((char *)b + text[i].off);
		if (!(*field = store_col_dup(s, text[i].col))) {
			store_ban_clear(b);
			return -1;
		}
	}
	return 0;
}

/* bans_from_row for store_row and store_collect: out of memory leaves an empty ban (no
 * surname), for the caller to report and free. */
static void ban_or_empty(sqlite3_stmt *s, void *item)
{
	struct ban *b = item;
	if (bans_from_row(s, b) != 0)
		memset(b, 0, sizeof *b);
}

enum store_status store_ban_get(struct store *st, int64_t id, struct ban *out)
{
	enum store_status r = store_get(st, get_sql, id, ban_or_empty, out, _("reading a ban"),
					_("ban %lld: not found"), (long long)id);
	if (r == STORE_OK && !out->surname)
		r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	return r;
}

static enum store_status check_filter(struct store *st, enum ban_filter f, const char *today)
{
	if ((int)f < 0 || f > BAN_FILTER_DRAFT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "filter");
	if (f == BAN_FILTER_ACTIVE || f == BAN_FILTER_CURRENT)
		return bans_check_date(st, "today", today, false);
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

static void ban_clear_item(void *item)
{
	store_ban_clear(item);
}

/* The statement for sql with :today, :limit and :offset or :after bound (bind_filter), in
 * *out; a failure is recorded as "what: reason". */
static enum store_status filtered(struct store *st, const char *sql, const char *today,
				  long long limit, long long offset, const char *what,
				  sqlite3_stmt **out)
{
	*out = store_stmt(st, sql);
	if (!*out)
		return STORE_ERROR;
	if (bind_filter(*out, today, limit, offset)) {
		store_done(*out);
		*out = NULL;
		return store_fail(st, what);
	}
	return STORE_OK;
}

/* Step s to its end, every row a ban of out; the statement is done afterwards. On an error
 * out is empty. */
static enum store_status read_list(struct store *st, sqlite3_stmt *s, struct ban_list *out)
{
	void *items = NULL;
	enum store_status r = store_collect_owned(st, s, sizeof *out->items, ban_or_empty,
						  ban_clear_item, &items, &out->count,
						  _("listing bans"));
	out->items = items;
	for (size_t i = 0; r == STORE_OK && i < out->count; i++)
		if (!out->items[i].surname)
			r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
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
	sqlite3_stmt *s;
	enum store_status r = check_filter(st, f, today);
	if (r == STORE_OK)
		r = filtered(st, sqls[f], today, limit ? (long long)limit : -1, offset,
			     _("listing bans"), &s);
	return r == STORE_OK ? read_list(st, s, out) : r;
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

enum store_status store_ban_list_born(struct store *st, const char *today, const char *born,
				      size_t limit, struct ban_list *out)
{
	out->items = NULL;
	out->count = 0;
	enum store_status r = check_filter(st, BAN_FILTER_ACTIVE, today);
	if (r == STORE_OK)
		r = bans_check_date(st, "born", born, false);
	sqlite3_stmt *s;
	if (r == STORE_OK)
		r = filtered(st, list_born_sql, today, limit ? (long long)limit : -1, 0,
			     _("listing bans"), &s);
	if (r != STORE_OK)
		return r;
	int i = sqlite3_bind_parameter_index(s, ":born");
	if (i <= 0 || store_bind_text(s, i, born)) {
		store_done(s);
		return store_fail(st, _("listing bans"));
	}
	return read_list(st, s, out);
}

enum store_status store_ban_count(struct store *st, enum ban_filter f, const char *today,
				  size_t *out)
{
	*out = 0;
	sqlite3_stmt *s;
	enum store_status r = check_filter(st, f, today);
	if (r == STORE_OK)
		r = filtered(st, count_sql[f], today, -1, 0, _("counting bans"), &s);
	if (r != STORE_OK)
		return r;
	if (sqlite3_step(s) != SQLITE_ROW)
		r = store_fail(st, _("counting bans"));
	else
		*out = (size_t)sqlite3_column_int64(s, 0);
	store_done(s);
	return r;
}

/* After an UPDATE that changed nothing: was the ban missing, or in the way? */
enum store_status bans_missing_or_conflict(struct store *st, int64_t id,
					   const char *conflict)
{
	enum store_status r = store_get(st, ban_exists_sql, id, NULL, NULL, _("reading a ban"),
					_("ban %lld: not found"), (long long)id);
	return store_conflict_if_found(st, r, _("ban %lld: %s"), (long long)id, conflict);
}

static const char status_sql[] = "SELECT status FROM ban WHERE id = ?1";

/* The stored status of a ban inside the caller's transaction; STORE_NOT_FOUND when none. */
static void status_from_row(sqlite3_stmt *s, void *item)
{
	*(enum ban_status *)item =
		strcmp(bans_col_str(s, 0), "draft") == 0 ? BAN_STATUS_DRAFT : BAN_STATUS_ACTIVE;
}

enum store_status bans_status_locked(struct store *st, int64_t id, enum ban_status *out)
{
	return store_get(st, status_sql, id, status_from_row, out, _("reading a ban"),
			 _("ban %lld: not found"), (long long)id);
}

/* STORE_INVALID naming the mandatory answers b lacks. */
enum store_status bans_missing_answers(struct store *st, int64_t id,
				       const struct ban_new *b)
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

/* The name keys of the person of ban b anew, from b's name fields. */
static enum store_status rekey(struct store *st, const struct ban *b)
{
	static const char sql[] = "SELECT person_id FROM ban WHERE id = ?1";
	int64_t person_id = 0;
	enum store_status r = store_row(st, sql, _("saving the person"), store_first_int,
					&person_id, STORE_INT(b->id));
	if (r == STORE_NOT_FOUND)
		r = store_fail(st, _("saving the person"));
	if (r != STORE_OK)
		return r;
	struct names_record rec = {
		.given_names = b->given_names, .prefix = b->prefix, .surname = b->surname,
		.partner_prefix = b->partner_prefix, .partner_surname = b->partner_surname,
		.born = b->born,
	};
	return bans_keys_person(st, person_id, &rec, true);
}

static enum store_status update_locked(struct store *st, const struct ban *b)
{
	enum store_status r = store_run(
		st, ban_update_sql, _("saving the ban"), STORE_TEXT(bans_kind_db[b->kind]),
		STORE_TEXT(bans_reason_db[b->reason]), STORE_TEXT(b->starts), STORE_TEXT(b->ends),
		STORE_TEXT(b->imposed_by), STORE_TEXT(b->letter_sent), STORE_INT(b->police_informed),
		STORE_TEXT(b->notes), STORE_INT(b->id), STORE_INT(b->version),
		STORE_INT(b->until_conversation), STORE_INT(b->repeat_offence),
		STORE_TEXT(b->enforcement), STORE_TEXT(b->justification), STORE_TEXT(b->reasons),
		STORE_TEXT(b->event_date));
	if (r != STORE_OK)
		return r;
	if (sqlite3_changes(st->db) == 0)
		return bans_missing_or_conflict(
			st, b->id, _("changed by someone else meanwhile; reload and retry"));
	r = store_run(st, person_update_sql, _("saving the person"), STORE_TEXT(b->given_names),
		      STORE_TEXT(b->prefix), STORE_TEXT(b->surname), STORE_TEXT(b->born),
		      STORE_TEXT(b->partner_prefix), STORE_TEXT(b->partner_surname),
		      STORE_INT(b->id), STORE_TEXT(b->address));
	if (r != STORE_OK || (r = rekey(st, b)) != STORE_OK)
		return r;
	r = store_run(st, scope_delete_sql, _("saving the scope"), STORE_INT(b->id));
	if (r != STORE_OK)
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
		.justification = b->justification, .reasons = b->reasons, .address = b->address,
		.event_date = b->event_date, .incident_id = b->incident_id,
	};
}

enum store_status store_ban_update(struct store *st, const struct ban *b)
{
	struct ban_new v;
	store_ban_as_new(b, &v);
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_checked(st, bans_validate(st, &v), now);
	if (r != STORE_OK)
		return r;
	/* The status in the database decides, not the caller's copy. */
	enum ban_status status;
	r = bans_status_locked(st, b->id, &status);
	if (r == STORE_OK && status == BAN_STATUS_ACTIVE && !bans_answers_complete(&v))
		r = bans_missing_answers(st, b->id, &v);
	if (r == STORE_OK)
		r = update_locked(st, b);
	if (r == STORE_OK)
		r = bans_history_write(st, b->id, "update", "", now);
	char detail[64];
	snprintf(detail, sizeof detail, "version %d", b->version + 1);
	return bans_finish(st, r, "ban.update", b->id, detail);
}

enum store_status store_ban_takeovers(struct store *st, bool all, struct ban_list *out)
{
	out->items = NULL;
	out->count = 0;
	sqlite3_stmt *s;
	enum store_status r =
		store_prepare(st, &s, takeovers_sql, _("listing bans"), STORE_INT(all));
	return r == STORE_OK ? read_list(st, s, out) : r;
}

enum store_status store_ban_review(struct store *st, int64_t id, const char *note)
{
	char now[DATES_UTC_LEN];
	enum store_status r = store_begin_stamp(st, now, review_sql, _("saving the ban"), id);
	if (r != STORE_OK)
		return r;
	if (sqlite3_changes(st->db) == 0)
		r = bans_missing_or_conflict(st, id, _("not a takeover, or reviewed already"));
	/* The history's actions are fixed by the schema: a review is recorded as an update. */
	char detail[600];
	snprintf(detail, sizeof detail, "takeover reviewed%s%s", note && *note ? ": " : "",
		 note ? note : "");
	if (r == STORE_OK)
		r = bans_history_write(st, id, "update", detail, now);
	return bans_finish(st, r, "ban.review", id, detail);
}

void store_ban_clear(struct ban *b)
{
	if (!b)
		return;
	char **fields[] = {
		&b->given_names, &b->prefix, &b->surname, &b->partner_prefix, &b->partner_surname,
		&b->born, &b->scope, &b->starts, &b->ends, &b->imposed_by, &b->letter_sent,
		&b->notes, &b->lifted_at, &b->lifted_by, &b->lifted_reason, &b->created_at,
		&b->created_by, &b->enforcement, &b->justification, &b->reasons, &b->address,
		&b->event_date, &b->takeover_source, &b->takeover_date, &b->reviewed_at,
		&b->reviewed_by,
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
