/* test_keys — the key table: no printable key is ever a command (typing goes to the visitor
 * search), each place has its own function keys, the alarm chord and quitting work
 * everywhere, and balie(1) as built lists every key of the table. */
#include "autoconfig.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "ui/keys.h"

#define CTRL(c) ((c) & 0x1f)

TEST(test_keys__unknown_key_is_no_action)
{
	ck_assert_int_eq(keys_action(KEY_F(12), true, KEYS_BANS), ACT_NONE);
	ck_assert_int_eq(keys_action(CTRL('z'), false, KEYS_BANS), ACT_NONE);
	ck_assert_int_eq(keys_action('a', false, KEYS_PLACE_COUNT), ACT_NONE);
}
END_TEST

/* Every printable character, in every place: text, never a command. */
TEST(test_keys__no_printable_key_is_a_command)
{
	static const wint_t extra[] = {L'ż', L'ë', L'ı', L'€', 0xa0, 0x4e2d};
	for (int p = 0; p < KEYS_PLACE_COUNT; p++) {
		for (wint_t ch = 0x20; ch < 0x7f; ch++)
			ck_assert_msg(keys_action(ch, false, (enum keys_place)p) == ACT_NONE,
				      "'%c' is a command in place %d", (int)ch, p);
		for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
			ck_assert_int_eq(keys_action(extra[i], false, (enum keys_place)p), ACT_NONE);
	}
	ck_assert(keys_is_text(L'q', false));
	ck_assert(!keys_is_text(KEY_F(1), true));
	ck_assert(!keys_is_text(CTRL('p'), false));
	ck_assert(!keys_is_text(0x7f, false));
	ck_assert(!keys_is_text(0x85, false));
}
END_TEST

TEST(test_keys__function_keys_by_place)
{
	ck_assert_int_eq(keys_action(KEY_F(5), true, KEYS_ALARMS), ACT_ACK);
	ck_assert_int_eq(keys_action(KEY_F(6), true, KEYS_ALARMS), ACT_RESOLVE);
	ck_assert_int_eq(keys_action(KEY_F(7), true, KEYS_ALARMS), ACT_FALSE_ALARM);
	ck_assert_int_eq(keys_action(KEY_F(5), true, KEYS_BANS), ACT_BAN_EXTEND);
	ck_assert_int_eq(keys_action(KEY_F(5), true, KEYS_STAFF), ACT_CHECK_OUT);
	ck_assert_int_eq(keys_action(KEY_F(5), true, KEYS_APPTS), ACT_FLAG);
	ck_assert_int_eq(keys_action(KEY_F(4), true, KEYS_VISITS), ACT_VISIT_OUT);
	/* an alarm is answered only where the alarm queue has the focus */
	ck_assert_int_eq(keys_action(KEY_F(5), true, KEYS_BANS) == ACT_ACK, 0);
	/* the search field's keys work in the ban panel */
	ck_assert_int_eq(keys_action(127, false, KEYS_BANS), ACT_ERASE);
	ck_assert_int_eq(keys_action(CTRL('u'), false, KEYS_BANS), ACT_CLEAR);
	ck_assert_int_eq(keys_action(KEY_UP, true, KEYS_BANS), ACT_UP);
	ck_assert_int_eq(keys_action('\r', false, KEYS_BANS), ACT_SELECT);
	ck_assert_int_eq(keys_place_of(ACT_ACK), KEYS_ALARMS);
}
END_TEST

TEST(test_keys__alarm_and_quit_everywhere)
{
	for (int p = 0; p < KEYS_PLACE_COUNT; p++) {
		if (p == KEYS_MOVING || p == KEYS_SEARCH)
			continue; /* parts of the other places, never a place of their own */
		ck_assert_int_eq(keys_action(CTRL('p'), false, (enum keys_place)p), ACT_RAISE_ALARM);
		ck_assert_int_eq(keys_action(CTRL('c'), false, (enum keys_place)p), ACT_QUIT);
		enum action bar[32];
		size_t n = keys_bar((enum keys_place)p, false, bar, 32);
		bool alarm = false, quit = false;
		for (size_t i = 0; i < n; i++) {
			alarm = alarm || bar[i] == ACT_RAISE_ALARM;
			quit = quit || bar[i] == ACT_QUIT;
		}
		ck_assert_msg(alarm && quit, "the key bar of place %d lacks the alarm or quit", p);
	}
	/* in a form F10 saves; the key bar then names Ctrl-C for quitting */
	ck_assert_int_eq(keys_action(KEY_F(10), true, KEYS_FORM), ACT_FORM_SAVE);
	ck_assert_int_eq(keys_action(KEY_F(10), true, KEYS_BANS), ACT_QUIT);
	ck_assert_str_eq(keys_key_name_in(ACT_QUIT, KEYS_FORM), "Ctrl-C");
	ck_assert_str_eq(keys_key_name_in(ACT_QUIT, KEYS_BANS), "F10");
	/* the bar puts help and the alarm first */
	enum action bar[32];
	ck_assert_uint_ge(keys_bar(KEYS_BANS, true, bar, 32), 2);
	ck_assert_int_eq(bar[0], ACT_HELP);
	ck_assert_int_eq(bar[1], ACT_RAISE_ALARM);
}
END_TEST

/* The man page as built holds the key list made from the table: every key of every action
 * with its description. */
TEST(test_keys__every_key_is_in_the_man_page)
{
	char *gen = NULL;
	size_t genlen = 0;
	FILE *m = open_memstream(&gen, &genlen);
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(keys_write_man(m), 0);
	ck_assert_int_eq(fclose(m), 0);
	static char man[1 << 17];
	(void)testutil_read_built("man/balie.1", man, sizeof man);
	ck_assert_msg(strstr(man, gen) != NULL,
		      "man/balie.1 does not hold the key list of the table");
	ck_assert_msg(strstr(man, "@BALIE_KEYS@") == NULL, "man/balie.1 still has the marker");
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *names = keys_key_names((enum action)a);
		ck_assert_msg(names && *names, "action %d has no key", a);
		char want[128], *w = want;
		w += snprintf(want, sizeof want, ".B ");
		for (const char *c = names; *c && w < want + sizeof want - 3; c++) {
			if (*c == '-')
				*w++ = '\\';
			*w++ = *c;
		}
		*w = '\0';
		ck_assert_msg(strstr(gen, want) != NULL, "the key list lacks \"%s\"", names);
	}
	free(gen);
}
END_TEST

Suite *keys_suite(void)
{
	return testutil_suite("keys", NULL, NULL);
}
