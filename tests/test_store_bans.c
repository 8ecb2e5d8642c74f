/* test_store_bans — bans and their persons in the store: validation, round trip, lists and
 * filters, optimistic concurrency, lifting, all-or-nothing import and the stream. */
#include "autoconfig.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/bans.h"
#include "tests.h"

static struct store *st;
static char path[4096];

static void setup(void)
{
	setenv("BALIE_NOW", "2026-06-01T10:00:00Z", 1);
	st = testutil_store(path, sizeof path);
}

static void teardown(void)
{
	testutil_close_store(st, path);
	unsetenv("BALIE_NOW");
}

static struct ban_new sample(const char *surname, const char *starts, const char *ends)
{
	struct ban_new b = {
		.given_names = "Jan", .prefix = "de", .surname = surname,
		.born = "1980-02-29", .kind = BAN_BUILDING, .reason = REASON_THREAT,
		.scope = "", .starts = starts, .ends = ends, .imposed_by = "A. Hoofd",
	};
	return b;
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
	int64_t id = 0;
	ck_assert_msg(store_ban_insert(st, &b, &id) == STORE_OK, "%s", store_error(st));
	ck_assert_int_gt(id, 0);
	return id;
}

START_TEST(test_store_bans__insert_refuses_invalid_input)
{
	struct ban_new b = sample("", "2026-01-01", "2026-12-31");
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "surname"));

	b = sample("Vries", "2026-01-01", "2026-12-31");
	b.born = "1980-02-30";
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "born"));
	ck_assert_ptr_nonnull(strstr(store_error(st), "1980-02-30"));

	b = sample("Vries", "2026-12-31", "2026-01-01");
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "ends"));

	b = sample("Vries", "", "2026-01-01");
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "starts"));

	b = sample("Vries", "2026-01-01", "2026-12-31");
	b.letter_sent = "yesterday";
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "letter_sent"));

	b = sample("Vries", "2026-01-01", "2026-12-31");
	b.kind = (enum ban_kind)BAN_KIND_COUNT;
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "kind"));

	b = sample("Vries", "2026-01-01", "2026-12-31");
	b.reason = (enum ban_reason)REASON_COUNT;
	ck_assert_int_eq(store_ban_insert(st, &b, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "reason"));

	ck_assert_uint_eq(count(BAN_FILTER_ALL), 0);
}
END_TEST

START_TEST(test_store_bans__get_unknown_is_not_found)
{
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, 42, &b), STORE_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(store_error(st), "42"));
}
END_TEST

START_TEST(test_store_bans__insert_and_get_round_trip)
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
	ck_assert_str_eq(b.given_names, "Jan Pieter");
	ck_assert_str_eq(b.prefix, "van der");
	ck_assert_str_eq(b.surname, "Berg");
	ck_assert_str_eq(b.partner_prefix, "de");
	ck_assert_str_eq(b.partner_surname, "Vries");
	ck_assert_str_eq(b.born, "1975-03-04");
	ck_assert_int_eq(b.kind, BAN_BUILDING_PHONE);
	ck_assert_int_eq(b.reason, REASON_PHYSICAL);
	ck_assert_str_eq(b.scope, "townhall,yard");
	ck_assert_str_eq(b.starts, "2026-05-01");
	ck_assert_str_eq(b.ends, "2026-11-01");
	ck_assert_str_eq(b.imposed_by, "A. Hoofd");
	ck_assert_str_eq(b.letter_sent, "2026-05-02");
	ck_assert(b.police_informed);
	ck_assert_str_eq(b.notes, "hit a colleague");
	ck_assert_str_eq(b.lifted_at, "");
	ck_assert_str_eq(b.lifted_by, "");
	ck_assert_str_eq(b.lifted_reason, "");
	ck_assert_str_eq(b.created_at, "2026-06-01T10:00:00Z");
	ck_assert_str_eq(b.created_by, "tester");
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
	ck_assert_str_eq(b.surname, "Yılmaz");
	ck_assert_str_eq(b.given_names, "");
	ck_assert_str_eq(b.born, "");
	ck_assert_str_eq(b.scope, "");
	ck_assert_int_eq(b.kind, BAN_WARNING);
	store_ban_clear(&b);
}
END_TEST

START_TEST(test_store_bans__list_filters_and_order)
{
	/* today is 2026-06-01 */
	insert(sample("Active", "2026-01-01", "2026-12-31"));
	insert(sample("Future", "2026-07-01", "2026-08-01"));
	insert(sample("Past", "2025-01-01", "2025-12-31"));
	int64_t lifted = insert(sample("Lifted", "2026-01-01", "2026-09-01"));
	ck_assert_int_eq(store_ban_lift(st, lifted, "apologised", -1), STORE_OK);
	insert(sample("Aaa", "2026-06-01", "2026-06-01")); /* the last day is today */
	insert(sample("Zzz", "2026-05-01", "2026-06-01"));

	struct ban_list l;
	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_ACTIVE, "2026-06-01", 0, 0, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 3);
	ck_assert_str_eq(l.items[0].surname, "Aaa");
	ck_assert_str_eq(l.items[1].surname, "Zzz");
	ck_assert_str_eq(l.items[2].surname, "Active");
	store_ban_list_free(&l);
	ck_assert_ptr_null(l.items);

	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_CURRENT, "2026-06-01", 0, 0, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 4);
	ck_assert_str_eq(l.items[2].surname, "Future");
	ck_assert_str_eq(l.items[3].surname, "Active");
	store_ban_list_free(&l);

	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_ALL, NULL, 0, 0, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 6);
	ck_assert_str_eq(l.items[0].surname, "Past");
	ck_assert_str_eq(l.items[4].surname, "Lifted");
	ck_assert_str_ne(l.items[4].lifted_at, "");
	store_ban_list_free(&l);

	/* Paging. */
	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_ALL, NULL, 2, 2, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 2);
	ck_assert_str_eq(l.items[0].surname, "Zzz");
	ck_assert_str_eq(l.items[1].surname, "Future");
	store_ban_list_free(&l);
	ck_assert_int_eq(store_ban_list(st, BAN_FILTER_ALL, NULL, 10, 0, &l), STORE_OK);
	ck_assert_uint_eq(l.count, 0);
	store_ban_list_free(&l);

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

START_TEST(test_store_bans__update_unknown_is_not_found)
{
	struct ban b = { .id = 7, .version = 1, .surname = "X", .given_names = "",
			 .starts = "2026-01-01", .ends = "2026-02-01" };
	ck_assert_int_eq(store_ban_update(st, &b), STORE_NOT_FOUND);
}
END_TEST

START_TEST(test_store_bans__update_refuses_invalid_and_changes_nothing)
{
	int64_t id = insert(sample("Berg", "2026-01-01", "2026-12-31"));
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	free(b.ends);
	b.ends = strdup("2025-01-01");
	ck_assert_int_eq(store_ban_update(st, &b), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "ends"));
	store_ban_clear(&b);
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	ck_assert_str_eq(b.ends, "2026-12-31");
	ck_assert_int_eq(b.version, 1);
	store_ban_clear(&b);
}
END_TEST

START_TEST(test_store_bans__update_second_copy_conflicts)
{
	int64_t id = insert(sample("Berg", "2026-01-01", "2026-12-31"));
	struct ban a, b;
	ck_assert_int_eq(store_ban_get(st, id, &a), STORE_OK);
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);

	free(a.surname);
	a.surname = strdup("Bergh");
	free(a.ends);
	a.ends = strdup("2027-03-31");
	free(a.scope);
	a.scope = strdup("yard");
	a.police_informed = true;
	ck_assert_msg(store_ban_update(st, &a) == STORE_OK, "%s", store_error(st));

	size_t lines = audit_lines();
	free(b.notes);
	b.notes = strdup("second editor");
	free(b.given_names);
	b.given_names = strdup("Johan");
	ck_assert_int_eq(store_ban_update(st, &b), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "changed"));
	ck_assert_uint_eq(audit_lines(), lines);

	struct ban c;
	ck_assert_int_eq(store_ban_get(st, id, &c), STORE_OK);
	ck_assert_int_eq(c.version, 2);
	ck_assert_str_eq(c.surname, "Bergh");
	ck_assert_str_eq(c.given_names, "Jan");
	ck_assert_str_eq(c.ends, "2027-03-31");
	ck_assert_str_eq(c.scope, "yard");
	ck_assert_str_eq(c.notes, "");
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

START_TEST(test_store_bans__lift)
{
	ck_assert_int_eq(store_ban_lift(st, 99, "apologised", -1), STORE_NOT_FOUND);
	int64_t id = insert(sample("Berg", "2026-01-01", "2026-12-31"));
	ck_assert_int_eq(store_ban_lift(st, id, "", -1), STORE_INVALID);
	ck_assert_int_eq(store_ban_lift(st, id, NULL, 1), STORE_INVALID);
	ck_assert_int_eq(store_ban_lift(st, id, "apologised", 5), STORE_CONFLICT);

	store_set_actor(st, "manager", "pts/3");
	ck_assert_int_eq(store_ban_lift(st, id, "written apology", 1), STORE_OK);
	struct ban b;
	ck_assert_int_eq(store_ban_get(st, id, &b), STORE_OK);
	ck_assert_str_eq(b.lifted_at, "2026-06-01T10:00:00Z");
	ck_assert_str_eq(b.lifted_by, "manager");
	ck_assert_str_eq(b.lifted_reason, "written apology");
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

START_TEST(test_store_bans__import_bad_row_changes_nothing)
{
	insert(sample("Existing", "2026-01-01", "2026-12-31"));
	size_t lines = audit_lines();
	struct ban_new rows[5];
	rows[0] = sample("One", "2026-01-01", "2026-12-31");
	rows[1] = sample("Two", "2026-01-01", "2026-12-31");
	rows[2] = sample("Three", "2026-12-31", "2026-01-01"); /* ends before starts */
	rows[3] = sample("Four", "2026-01-01", "2026-12-31");
	rows[4] = sample("Five", "2026-01-01", "2026-12-31");
	ck_assert_int_eq(store_ban_import(st, rows, 5), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "row 3"));
	ck_assert_ptr_nonnull(strstr(store_error(st), "ends"));
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 1);
	ck_assert_uint_eq(audit_lines(), lines);
}
END_TEST

START_TEST(test_store_bans__import_failing_in_sql_rolls_back)
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
		sample("One", "2026-01-01", "2026-12-31"),
		sample("Boom", "2026-01-01", "2026-12-31"),
		sample("Three", "2026-01-01", "2026-12-31"),
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

START_TEST(test_store_bans__import_many_with_one_audit_line)
{
	enum { N = 5000 };
	struct ban_new *rows = calloc(N, sizeof *rows);
	char (*names)[16] = calloc(N, sizeof *names);
	ck_assert_ptr_nonnull(rows);
	ck_assert_ptr_nonnull(names);
	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "Name%05zu", i);
		rows[i] = sample(names[i], "2026-01-01", i % 2 ? "2026-12-31" : "2026-03-01");
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

struct each_ctx {
	size_t seen, stop_after, scoped;
	char first[32];
};

static int each_fn(const struct ban *b, void *arg)
{
	struct each_ctx *c = arg;
	ck_assert_ptr_nonnull(b->surname);
	ck_assert_ptr_nonnull(b->partner_surname);
	ck_assert_ptr_nonnull(b->lifted_at);
	if (c->seen == 0)
		snprintf(c->first, sizeof c->first, "%s", b->surname);
	if (strcmp(b->scope, "townhall") == 0)
		c->scoped++;
	c->seen++;
	return c->stop_after && c->seen >= c->stop_after;
}

START_TEST(test_store_bans__each_streams_and_stops)
{
	struct each_ctx c = { 0 };
	ck_assert_int_eq(store_ban_each(st, BAN_FILTER_ACTIVE, "2026-13-01", each_fn, &c),
			 STORE_INVALID);
	ck_assert_int_eq(store_ban_each(st, BAN_FILTER_ALL, NULL, each_fn, &c), STORE_OK);
	ck_assert_uint_eq(c.seen, 0);

	struct ban_new b = sample("Scoped", "2026-01-01", "2026-12-31");
	b.scope = "townhall";
	insert(b);
	insert(sample("Past", "2025-01-01", "2025-12-31"));
	insert(sample("Third", "2026-01-01", "2026-12-31"));

	ck_assert_int_eq(store_ban_each(st, BAN_FILTER_ALL, NULL, each_fn, &c), STORE_OK);
	ck_assert_uint_eq(c.seen, 3);
	ck_assert_uint_eq(c.scoped, 1);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(store_ban_each(st, BAN_FILTER_ACTIVE, "2026-06-01", each_fn, &c),
			 STORE_OK);
	ck_assert_uint_eq(c.seen, 2);
	memset(&c, 0, sizeof c);
	c.stop_after = 1;
	ck_assert_int_eq(store_ban_each(st, BAN_FILTER_ALL, NULL, each_fn, &c), STORE_OK);
	ck_assert_uint_eq(c.seen, 1);

	/* No read transaction stays open after a stopped stream: another writer gets in. */
	char err[512];
	struct store *other = store_open(path, 0, err, sizeof err);
	ck_assert_msg(other != NULL, "%s", err);
	b = sample("Other", "2026-01-01", "2026-12-31");
	ck_assert_int_eq(store_ban_insert(other, &b, NULL), STORE_OK);
	store_close(other);
	ck_assert_uint_eq(count(BAN_FILTER_ALL), 4);
}
END_TEST

Suite *store_bans_suite(void)
{
	Suite *s = suite_create("store_bans");
	TCase *tc = tcase_create("store_bans");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_store_bans__insert_refuses_invalid_input);
	tcase_add_test(tc, test_store_bans__get_unknown_is_not_found);
	tcase_add_test(tc, test_store_bans__insert_and_get_round_trip);
	tcase_add_test(tc, test_store_bans__list_filters_and_order);
	tcase_add_test(tc, test_store_bans__update_unknown_is_not_found);
	tcase_add_test(tc, test_store_bans__update_refuses_invalid_and_changes_nothing);
	tcase_add_test(tc, test_store_bans__update_second_copy_conflicts);
	tcase_add_test(tc, test_store_bans__lift);
	tcase_add_test(tc, test_store_bans__import_bad_row_changes_nothing);
	tcase_add_test(tc, test_store_bans__import_failing_in_sql_rolls_back);
	tcase_add_test(tc, test_store_bans__import_many_with_one_audit_line);
	tcase_add_test(tc, test_store_bans__each_streams_and_stops);
	suite_add_tcase(s, tc);
	return s;
}
