/* test_keys — the key table: text fields get printable keys, commands keep theirs, and
 * every key of the table is documented in balie(1), since the help screen is made from it. */
#include "autoconfig.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "ui/keys.h"

START_TEST(test_keys__unknown_key_is_no_action)
{
	ck_assert_int_eq(keys_action(L'ż', false, false), ACT_NONE);
	ck_assert_int_eq(keys_action(KEY_F(12), true, false), ACT_NONE);
}
END_TEST

START_TEST(test_keys__text_mode_keeps_letters_for_typing)
{
	ck_assert_int_eq(keys_action(L'q', false, false), ACT_QUIT);
	ck_assert_int_eq(keys_action(L'q', false, true), ACT_NONE);
	ck_assert_int_eq(keys_action(L'k', false, true), ACT_NONE);
	/* function keys, Tab and Esc still act while typing */
	ck_assert_int_eq(keys_action(KEY_F(2), true, true), ACT_RAISE_ALARM);
	ck_assert_int_eq(keys_action(L'\t', false, true), ACT_NEXT_PANEL);
	ck_assert_int_eq(keys_action(27, false, true), ACT_CANCEL);
}
END_TEST

START_TEST(test_keys__every_key_is_in_the_man_page)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/man/balie.1.in", testutil_srcdir());
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	static char man[1 << 17];
	size_t n = fread(man, 1, sizeof man - 1, f);
	man[n] = '\0';
	ck_assert_int_eq(fclose(f), 0);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *names = keys_key_names((enum action)a);
		ck_assert_msg(names && *names, "action %d has no key", a);
		/* the man page writes each key as ".B <names>" with '-' escaped */
		char want[128], *w = want;
		w += snprintf(want, sizeof want, ".B ");
		for (const char *c = names; *c && w < want + sizeof want - 3; c++) {
			if (*c == '-')
				*w++ = '\\';
			*w++ = *c;
		}
		*w = '\0';
		ck_assert_msg(strstr(man, want) != NULL, "balie(1) does not list the key \"%s\" (%s)",
			      names, keys_label((enum action)a));
	}
}
END_TEST

Suite *keys_suite(void)
{
	Suite *s = suite_create("keys");
	TCase *tc = tcase_create("keys");
	tcase_add_test(tc, test_keys__unknown_key_is_no_action);
	tcase_add_test(tc, test_keys__text_mode_keeps_letters_for_typing);
	tcase_add_test(tc, test_keys__every_key_is_in_the_man_page);
	suite_add_tcase(s, tc);
	return s;
}
