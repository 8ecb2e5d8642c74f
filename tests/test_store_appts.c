/* test_store_appts — appointments in the store: validation, round trip, the risk flag with
 * precautions and its version check, and listing by time range. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "store/lib.h"
#include "tests.h"

static struct store *st;
static char path[4096];

/* 2026-11-25T09:00:00Z */
#define T0 ((time_t)1795597200)
#define HOUR ((time_t)3600)

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, "2026-11-24T12:00:00Z");
}

static struct appt sample(time_t starts, const char *visitor)
{
	struct appt a = { .starts = starts, .ends = starts + HOUR };
	snprintf(a.host, sizeof a.host, "%s", "M. de Boer");
	snprintf(a.visitor, sizeof a.visitor, "%s", visitor);
	snprintf(a.room, sizeof a.room, "%s", "006");
	return a;
}

static int64_t add(struct appt a)
{
	int64_t id = 0;
	ck_assert_msg(store_appt_add(st, &a, &id) == STORE_OK, "%s", store_error(st));
	ck_assert_int_gt(id, 0);
	return id;
}

static size_t audit_lines(void)
{
	struct audit_entry *e;
	size_t n;
	ck_assert_int_eq(store_audit_list(st, 0, &e, &n), STORE_OK);
	free(e);
	return n;
}

TEST(test_store_appts__add_refuses_invalid_input)
{
	struct appt a = sample(T0, "J. Jansen");
	a.ends = a.starts;
	ck_assert_int_eq(store_appt_add(st, &a, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "ends"));
	a = sample(0, "J. Jansen");
	ck_assert_int_eq(store_appt_add(st, &a, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "starts"));
	a = sample(T0, "J. Jansen");
	a.host[0] = '\0';
	ck_assert_int_eq(store_appt_add(st, &a, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "host"));
	a = sample(T0, "");
	ck_assert_int_eq(store_appt_add(st, &a, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "visitor"));
	a = sample(T0, "J. Jansen");
	snprintf(a.visitor_born, sizeof a.visitor_born, "%s", "1990-13-01");
	ck_assert_int_eq(store_appt_add(st, &a, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "visitor_born"));
	a = sample(T0, "J. Jansen");
	a.precautions = 1u << 9;
	ck_assert_int_eq(store_appt_add(st, &a, NULL), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(store_error(st), "precautions"));

	struct appt *l;
	size_t n;
	ck_assert_int_eq(store_appt_list(st, 0, T0 * 2, false, &l, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
	free(l);
}
END_TEST

TEST(test_store_appts__unknown_id)
{
	struct appt a;
	ck_assert_int_eq(store_appt_get(st, 5, &a), STORE_NOT_FOUND);
	ck_assert_ptr_nonnull(strstr(store_error(st), "5"));
	ck_assert_int_eq(store_appt_flag(st, 5, true, PREC_PORTER, -1), STORE_NOT_FOUND);
	ck_assert_int_eq(store_appt_flag(st, 5, true, PREC_PORTER, 1), STORE_NOT_FOUND);
}
END_TEST

TEST(test_store_appts__add_and_get)
{
	struct appt a = sample(T0, "K. Yılmaz");
	snprintf(a.visitor_born, sizeof a.visitor_born, "%s", "1985-07-09");
	size_t lines = audit_lines();
	int64_t id = add(a);
	ck_assert_uint_eq(audit_lines(), lines + 1);
	struct appt g;
	ck_assert_int_eq(store_appt_get(st, id, &g), STORE_OK);
	ck_assert_int_eq(g.id, id);
	ck_assert_int_eq(g.starts, T0);
	ck_assert_int_eq(g.ends, T0 + HOUR);
	ck_assert_str_eq(g.host, "M. de Boer");
	ck_assert_str_eq(g.visitor, "K. Yılmaz");
	ck_assert_str_eq(g.visitor_born, "1985-07-09");
	ck_assert_str_eq(g.room, "006");
	ck_assert(!g.risky);
	ck_assert_uint_eq(g.precautions, 0);
	ck_assert_str_eq(g.flagged_by, "");
	ck_assert_int_eq(g.flagged_at, 0);
	ck_assert_int_eq(g.version, 1);

	/* Added as risky: flagged by whoever added it. */
	a = sample(T0 + HOUR, "P. Smit");
	a.risky = true;
	a.precautions = PREC_SAFE_ROOM | PREC_POLICE;
	id = add(a);
	ck_assert_int_eq(store_appt_get(st, id, &g), STORE_OK);
	ck_assert(g.risky);
	ck_assert_uint_eq(g.precautions, PREC_SAFE_ROOM | PREC_POLICE);
	ck_assert_str_eq(g.flagged_by, "tester");
	ck_assert_int_eq(g.flagged_at, T0 - 21 * HOUR);
}
END_TEST

TEST(test_store_appts__flag_with_version_check)
{
	int64_t id = add(sample(T0, "J. Jansen"));
	ck_assert_int_eq(store_appt_flag(st, id, true, PREC_ALL + 1, -1), STORE_INVALID);

	store_set_actor(st, "manager", "pts/2");
	ck_assert_int_eq(store_appt_flag(st, id, true, PREC_SAFE_ROOM | PREC_PORTER, 1), STORE_OK);
	struct appt g;
	ck_assert_int_eq(store_appt_get(st, id, &g), STORE_OK);
	ck_assert(g.risky);
	ck_assert_uint_eq(g.precautions, PREC_SAFE_ROOM | PREC_PORTER);
	ck_assert_str_eq(g.flagged_by, "manager");
	ck_assert_int_eq(g.flagged_at, T0 - 21 * HOUR);
	ck_assert_int_eq(g.version, 2);

	/* A second manager working from version 1 is refused; nothing changes. */
	size_t lines = audit_lines();
	store_set_actor(st, "deputy", "pts/3");
	ck_assert_int_eq(store_appt_flag(st, id, false, 0, 1), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "changed"));
	ck_assert_uint_eq(audit_lines(), lines);
	ck_assert_int_eq(store_appt_get(st, id, &g), STORE_OK);
	ck_assert(g.risky);
	ck_assert_str_eq(g.flagged_by, "manager");
	ck_assert_int_eq(g.version, 2);

	ck_assert_int_eq(store_appt_flag(st, id, false, 0, 2), STORE_OK);
	ck_assert_int_eq(store_appt_get(st, id, &g), STORE_OK);
	ck_assert(!g.risky);
	ck_assert_uint_eq(g.precautions, 0);
	ck_assert_int_eq(g.version, 3);
	ck_assert_int_eq(store_appt_flag(st, id, true, PREC_COLLEAGUE, -1), STORE_OK);
	ck_assert_int_eq(store_appt_get(st, id, &g), STORE_OK);
	ck_assert(g.risky);
	ck_assert_int_eq(g.version, 4);

	testutil_audit_line(st, 0, "appt.flag", "appt:1");
	testutil_audit_line(st, 1, "appt.unflag", NULL);
}
END_TEST

TEST(test_store_appts__list_by_range)
{
	int64_t second = add(sample(T0 + 2 * HOUR, "second"));
	int64_t first = add(sample(T0, "first"));
	struct appt r = sample(T0 + HOUR, "risky");
	r.risky = true;
	r.precautions = PREC_PORTER;
	int64_t risky = add(r);
	add(sample(T0 + 3 * HOUR, "at the end")); /* starts exactly at `to`: excluded */
	add(sample(T0 - HOUR, "before"));

	struct appt *l;
	size_t n;
	ck_assert_int_eq(store_appt_list(st, T0, T0 + 3 * HOUR, false, &l, &n), STORE_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(l[0].id, first);
	ck_assert_int_eq(l[1].id, risky);
	ck_assert_int_eq(l[2].id, second);
	ck_assert_str_eq(l[1].visitor, "risky");
	ck_assert_uint_eq(l[1].precautions, PREC_PORTER);
	free(l);

	ck_assert_int_eq(store_appt_list(st, T0, T0 + 3 * HOUR, true, &l, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(l[0].id, risky);
	free(l);

	ck_assert_int_eq(store_appt_list(st, T0 + 10 * HOUR, T0 + 20 * HOUR, false, &l, &n),
			 STORE_OK);
	ck_assert_uint_eq(n, 0);
	free(l);
}
END_TEST

Suite *store_appts_suite(void)
{
	return testutil_suite("store_appts", setup, testutil_store_teardown);
}
