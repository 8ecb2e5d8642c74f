/* test_named — the name/label tables of small enums: lookups in and outside the table, the
 * empty name that is never typed, and the list of names cut at a whole name. */
#include "autoconfig.h"

#include <string.h>

#include "core/lib.h"
#include "tests.h"

static const struct named answers[] = {
	{"", "not answered"},
	{"no", "no"},
	{"yes", "yes"},
};
#define N (sizeof answers / sizeof *answers)

TEST(test_named__outside_the_table)
{
	ck_assert_str_eq(named_name(answers, N, -1), "?");
	ck_assert_str_eq(named_name(answers, N, (int)N), "?");
	ck_assert_str_eq(named_label(answers, N, 3), "?");
	ck_assert_int_eq(named_find(answers, N, NULL), -1);
	ck_assert_int_eq(named_find(answers, N, "maybe"), -1);
	ck_assert_int_eq(named_find(answers, N, "YES"), -1);
}
END_TEST

TEST(test_named__empty_name_is_never_found)
{
	ck_assert_int_eq(named_find(answers, N, ""), -1);
	ck_assert_str_eq(named_name(answers, N, 0), "");
}
END_TEST

TEST(test_named__lookups)
{
	ck_assert_int_eq(named_find(answers, N, "yes"), 2);
	ck_assert_str_eq(named_name(answers, N, 1), "no");
	ck_assert_str_eq(named_label(answers, N, 0), "not answered");
}
END_TEST

/* A message table: a value without an entry has nothing to say, one outside it is damaged. */
TEST(test_named__message)
{
	static const char *const messages[] = {[1] = "too long", [2] = "empty"};
	ck_assert_str_eq(named_message(messages, 3, 2, "?"), "empty");
	ck_assert_str_eq(named_message(messages, 3, 0, "?"), "");
	ck_assert_str_eq(named_message(messages, 3, 3, "?"), "?");
	ck_assert_str_eq(named_message(messages, 3, -1, "?"), "?");
}
END_TEST

/* A form takes the name or the label, the label in any case; an empty text is nothing. */
TEST(test_named__read_takes_names_and_labels)
{
	static const struct named kinds[] = {
		{"building", "building ban"},
		{"phone", "phone ban"},
	};
	ck_assert_int_eq(named_read(kinds, 2, "phone"), 1);
	ck_assert_int_eq(named_read(kinds, 2, "Building Ban"), 0);
	ck_assert_int_eq(named_read(kinds, 2, "PHONE"), -1);
	ck_assert_int_eq(named_read(kinds, 2, "ban"), -1);
	ck_assert_int_eq(named_read(kinds, 2, ""), -1);
	ck_assert_int_eq(named_read(kinds, 2, NULL), -1);
	ck_assert_int_eq(named_read(answers, N, "Not Answered"), 0);
}
END_TEST

TEST(test_named__list_keeps_whole_names)
{
	char out[16];
	named_list(answers + 1, N - 1, out, sizeof out);
	ck_assert_str_eq(out, "no, yes");
	named_list(answers + 1, N - 1, out, 6);
	ck_assert_str_eq(out, "no");
	named_list(answers + 1, N - 1, out, 2);
	ck_assert_str_eq(out, "");
}
END_TEST

Suite *named_suite(void)
{
	return testutil_suite("named", NULL, NULL);
}
