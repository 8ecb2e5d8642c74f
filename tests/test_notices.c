/* test_notices — the console's notice strip as a list: order by urgency, counting what could
 * not be stored, and how many lines the strip needs at a width (measured without a screen). */
#include "autoconfig.h"

#include <string.h>

#include "tests.h"
#include "ui/notices.h"

/* The list of every test, made by the fixture. */
static struct notices *n;

static void setup(void)
{
	n = notices_new();
	ck_assert_ptr_nonnull(n);
}

static void teardown(void)
{
	notices_free(n);
}

TEST(test_notices__null_and_empty)
{
	ck_assert_int_eq(notices_add(NULL, NOTICE_VISIT, "x"), -1);
	ck_assert_uint_eq(notices_count(NULL), 0);
	ck_assert_ptr_null(notices_text(NULL, 0));
	ck_assert_int_eq(notices_lines(NULL, 80, 3), 0);
	notices_clear(NULL);
	notices_free(NULL);
	ck_assert_uint_eq(notices_count(n), 0);
	ck_assert_ptr_null(notices_text(n, 0));
	ck_assert_int_eq(notices_lines(n, 80, 3), 0);
	/* A NULL text is an empty notice, not a crash; a bad kind sorts last. */
	ck_assert_int_eq(notices_add(n, NOTICE_VISIT, NULL), 0);
	ck_assert_str_eq(notices_text(n, 0), "");
	ck_assert_int_eq(notices_add(n, (enum notice_kind)99, "odd"), 0);
	ck_assert_str_eq(notices_text(n, 1), "odd");
}
END_TEST

TEST(test_notices__ordered_by_kind_then_added)
{
	ck_assert_int_eq(notices_add(n, NOTICE_STAFFING, "short"), 0);
	ck_assert_int_eq(notices_add(n, NOTICE_VISIT, "visit 1"), 0);
	ck_assert_int_eq(notices_add(n, NOTICE_POLICE, "police"), 0);
	ck_assert_int_eq(notices_add(n, NOTICE_VISIT, "visit 2"), 0);
	ck_assert_uint_eq(notices_count(n), 4);
	static const char *const want[] = {"police", "visit 1", "visit 2", "short"};
	for (size_t i = 0; i < 4; i++)
		ck_assert_str_eq(notices_text(n, i), want[i]);
	ck_assert_ptr_null(notices_text(n, 4));
	notices_clear(n);
	ck_assert_uint_eq(notices_count(n), 0);
	/* Many more than the first allocation. */
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(notices_add(n, NOTICE_VISIT, "v"), 0);
	ck_assert_uint_eq(notices_count(n), 100);
}
END_TEST

TEST(test_notices__lines_packed_and_capped)
{
	ck_assert_int_eq(notices_add(n, NOTICE_VISIT, "short one"), 0);
	ck_assert_int_eq(notices_lines(n, 80, 3), 1);
	ck_assert_int_eq(notices_lines(n, 80, 0), 0);
	ck_assert_int_eq(notices_add(n, NOTICE_VISIT, "another"), 0);
	/* Side by side while they fit. */
	ck_assert_int_eq(notices_lines(n, 80, 3), 1);
	char longer[120];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	ck_assert_int_eq(notices_add(n, NOTICE_VISIT, longer), 0);
	/* Too long for any line: a line of its own (cut when drawn). */
	ck_assert_int_eq(notices_lines(n, 80, 5), 2);
	ck_assert_int_eq(notices_add(n, NOTICE_POLICE, longer), 0);
	ck_assert_int_eq(notices_lines(n, 80, 5), 3);
	/* Never more than asked: the rest is counted as "+N more". */
	ck_assert_int_eq(notices_lines(n, 80, 2), 2);
	ck_assert_int_eq(notices_lines(n, 80, 1), 1);
}
END_TEST

Suite *notices_suite(void)
{
	return testutil_suite("notices", setup, teardown);
}
