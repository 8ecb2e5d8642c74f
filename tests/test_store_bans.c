/* test_store_bans — bans and their persons in the store: validation, round trip, lists and
 * filters, counts, optimistic concurrency, lifting, all-or-nothing and bulk import. The life
 * cycle (draft, activate, extend) is in test_store_bans_life.c. */
#include "autoconfig.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/lib.h"
#include "tests.h"

static struct store *st;
static char path[4096];

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, "2026-06-01T10:00:00Z");
}

/* The surnames of a list of bans in its order, separated by spaces; frees the list. */
static const char *surnames(struct ban_list *l)
{
	static char buf[1024];
	buf[0] = '\0';
	for (size_t i = 0; i < l->count; i++)
		testutil_append(buf, sizeof buf, " ", l->items[i].surname);
	store_ban_list_free(l);
	ck_assert_ptr_null(l->items);
	return buf;
}

/* store_ban_list as the surnames it lists. */
static const char *listed(enum ban_filter f, const char *today, size_t offset, size_t limit)
{
	struct ban_list l;
	ck_assert_msg(store_ban_list(st, f, today, offset, limit, &l) == STORE_OK, "%s",
		      store_error(st));
	return surnames(&l);
}

static size_t count(enum ban_filter f)
{
	size_t n = 99;
	ck_assert_int_eq(store_ban_count(st, f, "2026-06-01", &n), STORE_OK);
	return n;
}

static size_t audit_lines(void)
{
	struct audit_entry *e = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_audit_list(st, 0, &e, &n), STORE_OK);
	free(e);
	return n;
}

/* The latest audit line's action and detail. */
static void last_audit(char *action, size_t asz, char *detail, size_t dsz)
{
	struct audit_entry *e = NULL;
	size_t n = 0;
	ck_assert_int_eq(store_audit_list(st, 1, &e, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	snprintf(action, asz, "%s", e[0].action);
	snprintf(detail, dsz, "%s", e[0].detail);
	free(e);
}

static int64_t insert(struct ban_new b)
{
	return testutil_ban_insert(st, b);
}

/* The ban is refused as invalid, and the message holds why. */
static void insert_refused(const struct ban_new *b, const char *why)
{
	ck_assert_int_eq(store_ban_insert(st, b, NULL), STORE_INVALID);
	ck_assert_msg(strstr(store_error(st), why) != NULL, "\"%s\" lacks \"%s\"", store_error(st),
		      why);
}

TEST(test_store_bans__insert_refuses_invalid_input)
{
	struct ban_new b = testutil_ban_jan("", "2026-01-01", "2026-12-31");
	insert_refused(&b, "surname");

	b = testutil_ban_jan("Vries", "2026-01-01", "2026-12-31");
	b.born = "1980-02-30";
	insert_refused(&b, "born");
	ck_assert_ptr_nonnull(strstr(store_error(st), "1980-02-30"));

	b = testutil_ban_jan("Vries", "2026-12-31", "2026-01-01");
	insert_refused(&b, "ends");

	b = testutil_ban_jan("Vries", "", "2026-01-01");
	insert_refused(&b, "starts");

	b = testutil_ban_jan("Vries", "2026-01-01", "2026-12-31");
	b.letter_sent = "yesterday";
	insert_refused(&b, "letter_sent");

	b = testutil_ban_jan("Vries", "2026-01-01", "2026-12-31");
	b.kind = (enum ban_kind)BAN_KIND_COUNT;
	insert_refused(&b, "kind");

	b = testutil_ban_jan("Vries", "2026-01-01", "2026-12-31");
	b.reason = (enum ban_reason)REASON_COUNT;
	insert_refused(&b, "reason");

	ck_assert_uint_eq(count(BAN_FILTER_ALL), 0);
}
END_TEST

TEST(test_store_bans__get_unknown_is_not_found)
{
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, 42, &b), STORE_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(store_error(st), "42"));
}
END_TEST

TEST(test_store_bans__insert_and_get_round_trip)
{
	struct ban_new n = {
		.given_names = "Jan Pieter", .prefix = "van der", .surname = "Berg",
		.partner_prefix = "de", .partner_surname = "Vries", .born = "1975-03-04",
		.kind = BAN_BUILDING_PHONE, .reason = REASON_PHYSICAL,
		.scope = " townhall, yard ,,townhall", .starts = "2026-05-01", .ends = "2026-11-01",
		.imposed_by = "A. Hoofd", .letter_sent = "2026-05-02", .police_informed = true,
		.notes = "hit a colleague",
	};
	size_t before = audit_lines();
	int64_t id = insert(n);
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	ck_assert_int_eq(b.id, id);
	ck_assert_int_gt(b.person_id, 0);
	/* The scope comes back trimmed, without empty or repeated buildings. */
	testutil_ban_texts(&b, &(struct ban){
		.given_names = "Jan Pieter", .prefix = "van der", .surname = "Berg",
		.partner_prefix = "de", .partner_surname = "Vries", .born = "1975-03-04",
		.scope = "townhall,yard", .starts = "2026-05-01", .ends = "2026-11-01",
		.imposed_by = "A. Hoofd", .letter_sent = "2026-05-02", .notes = "hit a colleague",
		.lifted_at = "", .lifted_by = "", .lifted_reason = "",
		.created_at = "2026-06-01T10:00:00Z", .created_by = "tester",
	});
	ck_assert_int_eq(b.kind, BAN_BUILDING_PHONE);
	ck_assert_int_eq(b.reason, REASON_PHYSICAL);
	ck_assert(b.police_informed);
	ck_assert_int_eq(b.version, 1);
	store_ban_clear(&b);
	ck_assert_ptr_null(b.surname);
	store_ban_clear(&b); /* twice is safe */

	ck_assert_uint_eq(audit_lines(), before + 1);
	char action[64], detail[256];
	last_audit(action, sizeof action, detail, sizeof detail);
	ck_assert_str_eq(action, "ban.insert");

	/* Minimal input: NULL optional strings read as empty. */
	struct ban_new m = { .surname = "Yılmaz", .kind = BAN_WARNING, .reason = REASON_VERBAL,
			     .starts = "2026-01-01", .ends = "2026-01-01" };
	id = insert(m);
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	testutil_ban_texts(&b, &(struct ban){.surname = "Yılmaz", .given_names = "", .born = "",
					      .scope = ""});
	ck_assert_int_eq(b.kind, BAN_WARNING);
	store_ban_clear(&b);
}
END_TEST

TEST(test_store_bans__list_filters_and_order)
{
	/* today is 2026-06-01 */
	insert(testutil_ban_jan("Active", "2026-01-01", "2026-12-31"));
	insert(testutil_ban_jan("Future", "2026-07-01", "2026-08-01"));
	insert(testutil_ban_jan("Past", "2025-01-01", "2025-12-31"));
	int64_t lifted = insert(testutil_ban_jan("Lifted", "2026-01-01", "2026-09-01"));
	ck_assert_int_eq(store_ban_lift(st, lifted, "apologised", -1), STORE_OK);
	insert(testutil_ban_jan("Aaa", "2026-06-01", "2026-06-01")); /* the last day is today */
	insert(testutil_ban_jan("Zzz", "2026-05-01", "2026-06-01"));

	/* By end date, then surname. */
	ck_assert_str_eq(listed(BAN_FILTER_ACTIVE, "2026-06-01", 0, 0), "Aaa Zzz Active");
	ck_assert_str_eq(listed(BAN_FILTER_CURRENT, "2026-06-01", 0, 0), "Aaa Zzz Future Active");
	ck_assert_str_eq(listed(BAN_FILTER_ALL, NULL, 0, 0), "Past Aaa Zzz Future Lifted Active");
	struct ban_list l;
	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_ALL, NULL, 4, 1, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].surname, "Lifted");
	ck_assert_str_ne(l.items[0].lifted_at, "");
	store_ban_list_free(&l);

	/* Paging. */
	ck_assert_str_eq(listed(BAN_FILTER_ALL, NULL, 2, 2), "Zzz Future");
	ck_assert_str_eq(listed(BAN_FILTER_ALL, NULL, 10, 0), "");

	ck_assert_uint_eq(count(BAN_FILTER_ACTIVE), 3);
	ck_assert_uint_eq(count(BAN_FILTER_CURRENT), 4);
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 6);

	/* A filter by date needs a real date. */
	size_t n;
	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_ACTIVE, "today", 0, 0, &l), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "today"));
	ck_assert_int_eq(store_ban_count(st, BAN_FILTER_CURRENT, NULL, &n), STORE_INVALID);
}
END_TEST

/* The visitor check by a date of birth alone: the active bans of that day only. */
TEST(test_store_bans__list_by_date_of_birth)
{
	struct ban_list l;
	ck_assert_int_eq(store_ban_list_born(st, "2026-06-01", "1980-02-30", 0, &l), STORE_INVALID);
	ck_assert_int_eq(store_ban_list_born(st, "someday", "1980-02-29", 0, &l), STORE_INVALID);
	insert(testutil_ban_jan("Later", "2026-01-01", "2026-12-31"));
	insert(testutil_ban_jan("Sooner", "2026-01-01", "2026-07-31"));
	insert(testutil_ban_jan("Past", "2025-01-01", "2025-12-31"));
	struct ban_new other = testutil_ban_jan("Other", "2026-01-01", "2026-12-31");
	other.born = "1980-03-01";
	insert(other);
	ck_assert_int_eq(store_ban_list_born(st, "2026-06-01", "1980-02-29", 0, &l), STORE_OK);
	ck_assert_str_eq(surnames(&l), "Sooner Later");
	ck_assert_int_eq(store_ban_list_born(st, "2026-06-01", "1980-02-29", 1, &l), STORE_OK);
	ck_assert_str_eq(surnames(&l), "Sooner");
	ck_assert_int_eq(store_ban_list_born(st, "2026-06-01", "1999-01-01", 0, &l), STORE_OK);
	ck_assert_str_eq(surnames(&l), "");
}
END_TEST

TEST(test_store_bans__list_after_pages_by_id)
{
	int64_t a = insert(testutil_ban_jan("Late", "2026-01-01", "2026-12-31"));
	insert(testutil_ban_jan("Past", "2025-01-01", "2025-12-31"));
	int64_t c = insert(testutil_ban_jan("Early", "2026-01-01", "2026-07-01"));
	struct ban_list l;
	/* A bad filter date is refused as by store_ban_list. */
	ck_assert_int_eq(store_ban_list_after(st, BAN_FILTER_CURRENT, "x", 0, 0, &l),
			 STORE_INVALID);
	ck_assert_int_eq(store_ban_list_after(st, BAN_FILTER_CURRENT, "2026-06-01", 0, 1, &l),
			 STORE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_int_eq(l.items[0].id, a); /* id order, not the end date's */
	store_ban_list_free(&l);
	ck_assert_int_eq(store_ban_list_after(st, BAN_FILTER_CURRENT, "2026-06-01", a, 0, &l),
			 STORE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_int_eq(l.items[0].id, c);
	store_ban_list_free(&l);
	/* A ban added between two pages comes on a later page, never shifts one. */
	int64_t d = insert(testutil_ban_jan("New", "2026-01-01", "2026-08-01"));
	ck_assert_int_eq(store_ban_list_after(st, BAN_FILTER_ALL, NULL, c, 0, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_int_eq(l.items[0].id, d);
	ck_assert(!l.items[0].withheld);
	store_ban_list_free(&l);
	ck_assert_int_eq(store_ban_list_after(st, BAN_FILTER_ALL, NULL, d, 0, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 0);
}
END_TEST

TEST(test_store_bans__update_unknown_is_not_found)
{
	struct ban b = { .id = 7, .version = 1, .surname = "X", .given_names = "",
			 .starts = "2026-01-01", .ends = "2026-02-01" };
	ck_assert_int_eq(store_ban_update(st, &b), STORE_NOT_FOUND);
}
END_TEST

TEST(test_store_bans__update_refuses_invalid_and_changes_nothing)
{
	int64_t id = insert(testutil_ban_jan("Berg", "2026-01-01", "2026-12-31"));
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	testutil_replace(&b.ends, "2025-01-01");
	ck_assert_int_eq(store_ban_update(st, &b), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "ends"));
	store_ban_clear(&b);
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	ck_assert_str_eq(b.ends, "2026-12-31");
	ck_assert_int_eq(b.version, 1);
	store_ban_clear(&b);
}
END_TEST

TEST(test_store_bans__update_second_copy_conflicts)
{
	int64_t id = insert(testutil_ban_jan("Berg", "2026-01-01", "2026-12-31"));
	struct ban a, b;
	ck_assert_int_eq(store_ban_get(st, id, &a), STORE_OK);
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);

	testutil_replace(&a.surname, "Bergh");
	testutil_replace(&a.ends, "2027-03-31");
	testutil_replace(&a.scope, "yard");
	a.police_informed = true;
	ck_assert_msg(store_ban_update(st, &a) == STORE_OK, "%s", store_error(st));

	size_t lines = audit_lines();
	testutil_replace(&b.notes, "second editor");
	testutil_replace(&b.given_names, "Johan");
	ck_assert_int_eq(store_ban_update(st, &b), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "changed"));
	ck_assert_uint_eq(audit_lines(), lines);

	struct ban c;
	ck_assert_int_eq(store_ban_get(st, id, &c), STORE_OK);
	ck_assert_int_eq(c.version, 2);
	testutil_ban_texts(&c, &(struct ban){.surname = "Bergh", .given_names = "Jan",
					      .ends = "2027-03-31", .scope = "yard",
					      .notes = "threatened a colleague"});
	ck_assert(c.police_informed);

	/* With the fresh version the second editor succeeds. */
	b.version = c.version;
	ck_assert_int_eq(store_ban_update(st, &b), STORE_OK);
	store_ban_clear(&c);
	ck_assert_int_eq(store_ban_get(st, id, &c), STORE_OK);
	ck_assert_int_eq(c.version, 3);
	ck_assert_str_eq(c.given_names, "Johan");
	ck_assert_str_eq(c.scope, "");
	store_ban_clear(&a);
	store_ban_clear(&b);
	store_ban_clear(&c);
}
END_TEST

TEST(test_store_bans__lift)
{
	ck_assert_int_eq(store_ban_lift(st, 99, "apologised", -1), STORE_NOT_FOUND);
	int64_t id = insert(testutil_ban_jan("Berg", "2026-01-01", "2026-12-31"));
	ck_assert_int_eq(store_ban_lift(st, id, "", -1), STORE_INVALID);
	ck_assert_int_eq(store_ban_lift(st, id, NULL, 1), STORE_INVALID);
	ck_assert_int_eq(store_ban_lift(st, id, "apologised", 5), STORE_CONFLICT);

	store_set_actor(st, "manager", "pts/3");
	ck_assert_int_eq(store_ban_lift(st, id, "written apology", 1), STORE_OK);
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	testutil_ban_texts(&b, &(struct ban){.lifted_at = "2026-06-01T10:00:00Z",
					      .lifted_by = "manager",
					      .lifted_reason = "written apology"});
	ck_assert_int_eq(b.version, 2);
	store_ban_clear(&b);
	char action[64], detail[256];
	last_audit(action, sizeof action, detail, sizeof detail);
	ck_assert_str_eq(action, "ban.lift");

	ck_assert_int_eq(store_ban_lift(st, id, "again", -1), STORE_CONFLICT);
	ck_assert_int_eq(store_ban_lift(st, id, "again", 2), STORE_CONFLICT);
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	ck_assert_str_eq(b.lifted_reason, "written apology");
	store_ban_clear(&b);
	ck_assert_uint_eq(count(BAN_FILTER_ACTIVE), 0);
}
END_TEST

TEST(test_store_bans__import_bad_row_changes_nothing)
{
	insert(testutil_ban_jan("Existing", "2026-01-01", "2026-12-31"));
	size_t lines = audit_lines();
	struct ban_new rows[5];
	rows[0] = testutil_ban_jan("One", "2026-01-01", "2026-12-31");
	rows[1] = testutil_ban_jan("Two", "2026-01-01", "2026-12-31");
	rows[2] = testutil_ban_jan("Three", "2026-12-31", "2026-01-01"); /* ends before starts */
	rows[3] = testutil_ban_jan("Four", "2026-01-01", "2026-12-31");
	rows[4] = testutil_ban_jan("Five", "2026-01-01", "2026-12-31");
	ck_assert_int_eq(store_ban_import(st, rows, 5), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "row 3"));
	ck_assert_ptr_nonnull(strstr(store_error(st), "ends"));
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 1);
	ck_assert_uint_eq(audit_lines(), lines);
}
END_TEST

TEST(test_store_bans__import_lifted_row_stays_lifted)
{
	struct ban_new rows[2];
	rows[0] = testutil_ban_jan("Opgeheven", "2026-01-01", "2026-12-31");
	rows[0].lifted_at = "2026-05-20";
	rows[0].lifted_by = "B. Hoofd";
	/* Half a lifting or a malformed date is refused, nothing written. (A lifted draft is
	 * allowed: lifting is how a draft is dropped.) */
	ck_assert_int_eq(store_ban_import(st, rows, 1), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "lifted_reason"));
	rows[0].lifted_reason = "written apology";
	rows[0].lifted_at = "2026-02-30";
	ck_assert_int_eq(store_ban_import(st, rows, 1), STORE_INVALID);
	rows[0].lifted_at = "2026-05-20";
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 0);

	rows[1] = testutil_ban_jan("Actief", "2026-01-01", "2026-12-31");
	ck_assert_msg(store_ban_import(st, rows, 2) == STORE_OK, "%s", store_error(st));
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 2);
	ck_assert_uint_eq(count(BAN_FILTER_ACTIVE), 1);
	ck_assert_uint_eq(count(BAN_FILTER_CURRENT), 1);
	struct ban_list l = {0};
	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_ACTIVE, "2026-06-01", 0, 0, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].surname, "Actief");
	ck_assert_str_eq(l.items[0].lifted_at, "");
	int64_t lifted_id = l.items[0].id == 1 ? 2 : 1;
	store_ban_list_free(&l);

	struct ban b;
	ck_assert_int_eq(store_ban_get(st, lifted_id, &b), STORE_OK);
	ck_assert_str_eq(b.surname, "Opgeheven");
	ck_assert_int_eq(b.status, BAN_STATUS_ACTIVE);
	/* Stored as the UTC instant of local midnight: the local date reads back the same. */
	time_t t;
	char day[DATES_DATE_LEN];
	ck_assert_int_eq(dates_parse_utc(b.lifted_at, &t), 0);
	dates_local_date(t, day);
	ck_assert_str_eq(day, "2026-05-20");
	ck_assert_str_eq(b.lifted_by, "B. Hoofd");
	ck_assert_str_eq(b.lifted_reason, "written apology");
	store_ban_clear(&b);
}
END_TEST

TEST(test_store_bans__import_failing_in_sql_rolls_back)
{
	/* A row the checks let through but the database refuses, after rows that went in. */
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
		"CREATE TRIGGER boom BEFORE INSERT ON person WHEN NEW.surname = 'Boom'"
		" BEGIN SELECT RAISE(ABORT, 'refused by test'); END", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);

	size_t lines = audit_lines();
	struct ban_new rows[3] = {
		testutil_ban_jan("One", "2026-01-01", "2026-12-31"),
		testutil_ban_jan("Boom", "2026-01-01", "2026-12-31"),
		testutil_ban_jan("Three", "2026-01-01", "2026-12-31"),
	};
	rows[0].scope = "townhall";
	ck_assert_int_ne(store_ban_import(st, rows, 3), STORE_OK);
	ck_assert_ptr_nonnull(strstr(store_error(st), "row 2"));
	ck_assert_ptr_nonnull(strstr(store_error(st), "refused by test"));
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 0);
	ck_assert_uint_eq(audit_lines(), lines);

	/* The store stays usable after the rollback. */
	rows[1].surname = "Two";
	ck_assert_int_eq(store_ban_import(st, rows, 3), STORE_OK);
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 3);
}
END_TEST

TEST(test_store_bans__import_many_with_one_audit_line)
{
	enum { N = 5000 };
	struct ban_new *rows = calloc(N, sizeof *rows);
	char (*names)[16] = calloc(N, sizeof *names);
	ck_assert_ptr_nonnull(rows);
	ck_assert_ptr_nonnull(names);
	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "Name%05zu", i);
		rows[i] = testutil_ban_jan(names[i], "2026-01-01",
					   i % 2 ? "2026-12-31" : "2026-03-01");
		rows[i].scope = i % 3 ? "" : "townhall,yard";
	}
	size_t lines = audit_lines();
	ck_assert_msg(store_ban_import(st, rows, N) == STORE_OK, "%s", store_error(st));
	ck_assert_uint_eq(count(BAN_FILTER_ALL), N);
	ck_assert_uint_eq(count(BAN_FILTER_ACTIVE), N / 2);
	ck_assert_uint_eq(audit_lines(), lines + 1);
	char action[64], detail[256];
	last_audit(action, sizeof action, detail, sizeof detail);
	ck_assert_str_eq(action, "ban.import");
	ck_assert_str_eq(detail, "5000");
	ck_assert_int_eq(store_ban_import(st, rows, 0), STORE_OK);
	free(rows);
	free(names);
}
END_TEST

/* What SQLite counts itself, from a connection of its own, for store_ban_count's filter. */
static size_t brute_count(enum ban_filter f, const char *day)
{
	static const char *const where[] = {
		"status = 'active' AND lifted_at = '' AND starts <= ?1 AND ends >= ?1",
		"status = 'active' AND lifted_at = '' AND ends >= ?1",
		"1",
		"status = 'draft'",
	};
	char q[256];
	snprintf(q, sizeof q, "SELECT count(*) FROM ban WHERE %s", where[f]);
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(s) > 0)
		ck_assert_int_eq(sqlite3_bind_text(s, 1, day, -1, SQLITE_STATIC), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	size_t n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	return n;
}

/* The counts kept per day by triggers equal a full count, on days around every change. */
static void counts_agree(void)
{
	static const char *const days[] = { "2025-06-01", "2026-01-01", "2026-06-01",
					    "2026-12-31", "2027-01-01", "2027-06-30" };
	for (size_t d = 0; d < sizeof days / sizeof *days; d++)
		for (int f = BAN_FILTER_ACTIVE; f <= BAN_FILTER_DRAFT; f++) {
			size_t n = 99;
			ck_assert_int_eq(store_ban_count(st, (enum ban_filter)f, days[d], &n), STORE_OK);
			ck_assert_msg(n == brute_count((enum ban_filter)f, days[d]),
				      "filter %d on %s: %zu, SQLite counts %zu", f, days[d], n,
				      brute_count((enum ban_filter)f, days[d]));
		}
}

TEST(test_store_bans__counts_follow_every_change)
{
	counts_agree();
	int64_t a = insert(testutil_ban_jan("Active", "2026-01-01", "2026-12-31"));
	insert(testutil_ban_jan("Future", "2026-07-01", "2027-06-30"));
	insert(testutil_ban_jan("Past", "2025-01-01", "2025-12-31"));
	struct ban_new d = testutil_ban_jan("Draft", "2026-01-01", "2026-12-31");
	d.draft = true;
	int64_t draft = insert(d);
	counts_agree();
	ck_assert_int_eq(store_ban_extend(st, a, "2027-06-30", "again", "", -1), STORE_OK);
	counts_agree();
	ck_assert_int_eq(store_ban_activate(st, draft, -1), STORE_OK);
	counts_agree();
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, draft, &b), STORE_OK);
	testutil_replace(&b.starts, "2026-06-02");
	ck_assert_int_eq(store_ban_update(st, &b), STORE_OK);
	store_ban_clear(&b);
	counts_agree();
	ck_assert_int_eq(store_ban_lift(st, a, "apology", -1), STORE_OK);
	counts_agree();
	struct ban_new rows[2] = { testutil_ban_jan("One", "2026-01-01", "2026-12-31"),
				   testutil_ban_jan("Two", "2026-03-01", "2026-03-31") };
	rows[1].lifted_at = "2026-03-10";
	rows[1].lifted_by = "A. Hoofd";
	rows[1].lifted_reason = "apology";
	ck_assert_int_eq(store_ban_import(st, rows, 2), STORE_OK);
	counts_agree();
}
END_TEST

/* Imports of 20 000 rows and more work in bulk: triggers and indexes set aside inside the
 * transaction, their work done at the end, and everything back as it was. */
TEST(test_store_bans__big_import_works_in_bulk)
{
	enum { N = 20000 };
	struct ban_new *rows = calloc(N, sizeof *rows);
	char (*names)[16] = calloc(N, sizeof *names);
	ck_assert(rows && names);
	for (int i = 0; i < N; i++) {
		/* letters only: digits in a name are read as a date */
		snprintf(names[i], sizeof names[i], "Naam%c%c%c%c", 'a' + i / 17576 % 26,
			 'a' + i / 676 % 26, 'a' + i / 26 % 26, 'a' + i % 26);
		rows[i] = testutil_ban_jan(names[i], i % 3 ? "2026-01-01" : "2026-09-01",
				 i % 5 ? "2026-12-31" : "2027-03-31");
		if (i % 7 == 0) {
			rows[i].lifted_at = "2026-05-01";
			rows[i].lifted_by = "A. Hoofd";
			rows[i].lifted_reason = "apology";
		}
	}
	int64_t before = insert(testutil_ban_jan("Before", "2026-01-01", "2026-12-31"));
	ck_assert_msg(store_ban_import(st, rows, N) == STORE_OK, "%s", store_error(st));
	counts_agree();
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db,
					    "SELECT count(*) FROM sqlite_schema WHERE name IN"
					    " ('change_ban_i', 'ban_live_insert', 'ban_ends',"
					    " 'person_born', 'name_key_person')",
					    -1, &s, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 5);
	sqlite3_finalize(s);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	/* written without SQLite's foreign-key lookups: every reference holds all the same */
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	/* the keys of the imported persons and of the one before are there */
	struct ban_hit h[4];
	size_t n = 0;
	ck_assert_int_eq(store_ban_check(st, "Jan de Naamarfq", "", "2026-06-01", h, 4, &n),
			 STORE_OK);
	bool seen = false;
	for (size_t i = 0; i < n; i++)
		seen = seen || (strcmp(h[i].ban.surname, "Naamarfq") == 0 &&
				h[i].verdict == NAMES_MATCH);
	ck_assert(seen);
	store_ban_hits_clear(h, n);
	ck_assert_int_eq(store_ban_check(st, "Jan de Before", "", "2026-06-01", h, 4, &n), STORE_OK);
	ck_assert(n >= 1 && h[0].ban.id == before);
	store_ban_hits_clear(h, n);
	/* and the triggers are back: a ban written afterwards is counted */
	insert(testutil_ban_jan("After", "2026-01-01", "2026-12-31"));
	counts_agree();
	free(rows);
	free(names);
}
END_TEST

Suite *store_bans_suite(void)
{
	return testutil_suite("store_bans", setup, testutil_store_teardown);
}
