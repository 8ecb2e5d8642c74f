/* test_text — text hygiene: control, bidi and invalid bytes refused at input and made
 * visible at output; display width of wide and combining characters. */
#include "autoconfig.h"

#include <string.h>

#include "core/lib.h"
#include "tests.h"

/* text_check (at most 100 bytes, not empty) answers want for each of the n texts. */
static void expect_check(const char *const *texts, size_t n, enum text_problem want)
{
	for (size_t i = 0; i < n; i++) {
		enum text_problem got = text_check(texts[i], 100, false);
		ck_assert_msg(got == want, "text %zu: \"%s\", not \"%s\"", i,
			      text_problem_message(got), text_problem_message(want));
	}
}

TEST(test_text__check_rejects_invalid_utf8)
{
	static const char *bad[] = {
		"\xC3",             /* truncated sequence */
		"abc\x80",          /* lone continuation byte */
		"\xC0\xAF",         /* over-long "/" */
		"\xED\xA0\x80",     /* surrogate U+D800 */
		"\xF4\x90\x80\x80", /* beyond U+10FFFF */
		"Jan\xFF",
		"\xE2\x82",         /* truncated euro sign */
	};
	expect_check(bad, sizeof bad / sizeof *bad, TEXT_INVALID_UTF8);
}
END_TEST

TEST(test_text__check_rejects_controls)
{
	static const char *bad[] = {
		"Jan\x1b[31mde Vries", /* ESC: terminal escape sequence */
		"Jan\tde Vries",
		"Jan\nde Vries",
		"Jan\rde Vries",
		"\x01",
		"Jan\x7f",             /* DEL */
		"Jan\xC2\x85",         /* U+0085 NEL (C1) */
		"Jan\xC2\x9B" "31m",   /* U+009B CSI (C1) */
		"Jan\xE2\x80\xA8",     /* U+2028 line separator */
		"Jan\xE2\x80\xA9",     /* U+2029 paragraph separator */
	};
	expect_check(bad, sizeof bad / sizeof *bad, TEXT_CONTROL);
}
END_TEST

TEST(test_text__check_rejects_bidi)
{
	static const char *bad[] = {
		"\xD8\x9C" "abc",        /* U+061C arabic letter mark */
		"abc\xE2\x80\x8E",       /* U+200E LRM */
		"abc\xE2\x80\x8F",       /* U+200F RLM */
		"abc\xE2\x80\xAA",       /* U+202A LRE */
		"abc\xE2\x80\xAE" "cba", /* U+202E RLO */
		"abc\xE2\x81\xA6",       /* U+2066 LRI */
		"abc\xE2\x81\xA9",       /* U+2069 PDI */
	};
	expect_check(bad, sizeof bad / sizeof *bad, TEXT_BIDI);
}
END_TEST

TEST(test_text__check_empty_and_length)
{
	ck_assert_int_eq(text_check("", 100, false), TEXT_EMPTY);
	ck_assert_int_eq(text_check("   ", 100, false), TEXT_EMPTY);
	ck_assert_int_eq(text_check(NULL, 100, false), TEXT_EMPTY);
	ck_assert_int_eq(text_check("", 100, true), TEXT_OK);
	ck_assert_int_eq(text_check(NULL, 100, true), TEXT_OK);
	ck_assert_int_eq(text_check("abcdef", 5, false), TEXT_TOO_LONG);
	ck_assert_int_eq(text_check("abcde", 5, false), TEXT_OK);
	/* The limit is in bytes: "Çelik" is 6 bytes. */
	ck_assert_int_eq(text_check("\xC3\x87" "elik", 5, false), TEXT_TOO_LONG);
}
END_TEST

TEST(test_text__check_accepts_real_names)
{
	static const char *good[] = {
		"\xC3\x87" "elik",                 /* Çelik */
		"Y\xC4\xB1lmaz",                   /* Yılmaz */
		"Ge\xC3\xAB" "len",                /* Geëlen */
		"\xC5\x81ukasz",                   /* Łukasz */
		"\xC3\x91\xC3\xBA\xC3\xB1" "ez",   /* Ñúñez */
		"Van Dijk-Jansen",
		"d'Ancona",
		"van 't Hek",
		"\xE5\xBC\xA0\xE4\xBC\x9F",        /* 张伟 */
	};
	expect_check(good, sizeof good / sizeof *good, TEXT_OK);
}
END_TEST

/* Issue 11: characters that show nothing are refused at input, so a stored name cannot
 * differ invisibly from the one a receptionist types, and they are shown escaped. */
TEST(test_text__check_refuses_invisible)
{
	static const char *bad[] = {
		"Zo\xC3\xAB\xE2\x80\x8D",            /* zero-width joiner */
		"Jan\xE2\x80\x8B" "sen",              /* zero-width space */
		"Jan\xC2\xAD" "sen",                   /* soft hyphen */
		"\xEF\xBB\xBF" "Jansen",              /* BOM */
		"Jansen\xF3\xA0\x81\xA1",             /* tag LATIN SMALL LETTER A */
		"Jansen\xEF\xB8\x8F",                 /* variation selector 16 */
		"Jan\xE3\x85\xA4" "sen",              /* Hangul filler */
	};
	expect_check(bad, sizeof bad / sizeof *bad, TEXT_INVISIBLE);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char out[128];
		(void)text_escape(bad[i], out, sizeof out);
		ck_assert_msg(strstr(out, "\\u") != NULL, "bad[%zu] not escaped: %s", i, out);
	}
	ck_assert_str_eq(text_problem_message(TEXT_INVISIBLE),
			 "contains an invisible character (zero-width, tag or format)");
}
END_TEST

TEST(test_text__check_lines)
{
	ck_assert_int_eq(text_check_lines("one\ntwo", 100, false), TEXT_OK);
	ck_assert_int_eq(text_check("one\ntwo", 100, false), TEXT_CONTROL);
	ck_assert_int_eq(text_check_lines("one\ttwo", 100, false), TEXT_CONTROL);
	ck_assert_int_eq(text_check_lines("one\r\ntwo", 100, false), TEXT_CONTROL);
	ck_assert_int_eq(text_check_lines("\n \n", 100, false), TEXT_EMPTY);
	ck_assert_int_eq(text_check_lines("x\xE2\x80\xAE", 100, false), TEXT_BIDI);
}
END_TEST

TEST(test_text__escape_doubles_backslash)
{
	char out[64];
	/* A stored "\x1b" must not read as the escape of a real ESC. */
	ck_assert_uint_eq(text_escape("a\\x1b", out, sizeof out), 6);
	ck_assert_str_eq(out, "a\\\\x1b");
}
END_TEST

TEST(test_text__shown_is_escaped_and_null_safe)
{
	char out[16];
	ck_assert_ptr_eq(text_shown(NULL, out, sizeof out), out);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(text_shown("a\x1b" "b", out, sizeof out), "a\\x1bb");
	ck_assert_str_eq(text_shown("0123456789abcdefghij", out, 8), "0123456");
}
END_TEST

TEST(test_text__problem_said_names_the_limit)
{
	char buf[128];
	/* Invalid input first: no text, no room, another problem: the plain message. */
	ck_assert_str_eq(text_problem_said(TEXT_TOO_LONG, NULL, 5, buf, sizeof buf), "is too long");
	ck_assert_str_eq(text_problem_said(TEXT_TOO_LONG, "abcdefg", 5, buf, 0), "is too long");
	ck_assert_str_eq(text_problem_said(TEXT_CONTROL, "a\tb", 5, buf, sizeof buf),
			 "contains a control character");
	ck_assert_str_eq(text_problem_said(TEXT_TOO_LONG, "abcdefg", 5, buf, sizeof buf),
			 "is too long: 7 bytes, at most 5");
	/* Bytes, as the limit is: "é" is two. */
	ck_assert_str_eq(text_problem_said(TEXT_TOO_LONG, "\xc3\xa9\xc3\xa9", 3, buf, sizeof buf),
			 "is too long: 4 bytes, at most 3");
}
END_TEST

TEST(test_text__problem_messages)
{
	ck_assert_str_eq(text_problem_message(TEXT_CONTROL), "contains a control character");
	ck_assert_str_eq(text_problem_message(TEXT_INVALID_UTF8), "is not valid UTF-8");
	ck_assert_str_eq(text_problem_message((enum text_problem)99), "is not acceptable");
	ck_assert_str_eq(text_problem_message((enum text_problem)-1), "is not acceptable");
	for (int p = TEXT_OK; p <= TEXT_INVISIBLE; p++)
		ck_assert_int_gt(strlen(text_problem_message((enum text_problem)p)), 0);
}
END_TEST

TEST(test_text__escape_makes_controls_visible)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"a\x1b[2Jb", "a\\x1b[2Jb"},
		{"tab\there\n", "tab\\x09here\\x0a"},
		{"del\x7f", "del\\x7f"},
		{"c1\xC2\x9B", "c1\\u009B"},
		{"rlo\xE2\x80\xAEx", "rlo\\u202Ex"},
		{"ls\xE2\x80\xA8", "ls\\u2028"},
		/* Invalid bytes become U+FFFD, one each. */
		{"x\xFF\xC3y", "x\xEF\xBF\xBD\xEF\xBF\xBDy"},
		/* Valid text is kept exactly. */
		{"\xC5\x81ukasz Y\xC4\xB1lmaz", "\xC5\x81ukasz Y\xC4\xB1lmaz"},
	};
	char out[128];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = text_escape(cases[i].in, out, sizeof out);
		ck_assert_msg(strcmp(out, cases[i].out) == 0, "case %zu: \"%s\", not \"%s\"", i,
			      out, cases[i].out);
		ck_assert_uint_eq(n, strlen(out));
	}
	ck_assert_uint_eq(text_escape(NULL, out, sizeof out), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

TEST(test_text__escape_truncates_whole_pieces)
{
	char out[6];
	/* "ab\x1b" needs 2 + 4 bytes: the escape does not fit in 5 and is left out whole. */
	size_t n = text_escape("ab\x1b", out, sizeof out);
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(out, "ab");
	/* A two-byte character is never cut in half. */
	char small[4];
	n = text_escape("ab\xC3\x87", small, sizeof small);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(small, "ab");
	/* outsz 0 writes nothing and still says what is needed. */
	ck_assert_uint_eq(text_escape("abc", NULL, 0), 3);
	char one[1] = {'x'};
	ck_assert_uint_eq(text_escape("abc", one, 1), 3);
	ck_assert_int_eq(one[0], '\0');
}
END_TEST

TEST(test_text__width)
{
	ck_assert_int_eq(text_width(NULL), 0);
	ck_assert_int_eq(text_width(""), 0);
	ck_assert_int_eq(text_width("Jansen"), 6);
	ck_assert_int_eq(text_width("\xC3\x87" "elik"), 5);
	/* e + combining acute: one column. */
	ck_assert_int_eq(text_width("e\xCC\x81"), 1);
	/* 张伟: two wide characters. */
	ck_assert_int_eq(text_width("\xE5\xBC\xA0\xE4\xBC\x9F"), 4);
	/* An invalid byte shows as U+FFFD: one column. */
	ck_assert_int_eq(text_width("a\xFF"), 2);
}
END_TEST

TEST(test_text__fit)
{
	const char *cjk = "\xE5\xBC\xA0\xE4\xBC\x9F"; /* 张伟 */
	ck_assert_uint_eq(text_fit(NULL, 5), 0);
	ck_assert_uint_eq(text_fit("abc", 0), 0);
	ck_assert_uint_eq(text_fit("abc", -1), 0);
	ck_assert_uint_eq(text_fit("abcdef", 3), 3);
	ck_assert_uint_eq(text_fit("abc", 10), 3);
	/* A wide character that does not fit whole is left out. */
	ck_assert_uint_eq(text_fit(cjk, 3), 3);
	ck_assert_uint_eq(text_fit(cjk, 1), 0);
	ck_assert_uint_eq(text_fit(cjk, 4), 6);
	/* Never splits a multi-byte character; combining marks stay with their base. */
	ck_assert_uint_eq(text_fit("\xC3\x87" "elik", 1), 2);
	ck_assert_uint_eq(text_fit("e\xCC\x81x", 1), 3);
}
END_TEST

TEST(test_text__trim)
{
	char a[] = "  Jan de Vries  ", b[] = "   ", c[] = "x", d[] = "";
	ck_assert_ptr_null(text_trim(NULL));
	ck_assert_str_eq(text_trim(a), "Jan de Vries");
	ck_assert_str_eq(text_trim(b), "");
	ck_assert_str_eq(text_trim(c), "x");
	ck_assert_str_eq(text_trim(d), "");
}
END_TEST

/* The items of a comma-separated list, trimmed; empty ones kept, a trailing comma ends it. */
TEST(test_text__next_item)
{
	char item[8];
	const char *s = "stadhuis, hal , ,yard,";
	ck_assert(text_next_item(&s, item, sizeof item));
	ck_assert_str_eq(item, "stadhui"); /* cut to the buffer */
	ck_assert(text_next_item(&s, item, sizeof item));
	ck_assert_str_eq(item, "hal");
	ck_assert(text_next_item(&s, item, sizeof item));
	ck_assert_str_eq(item, "");
	ck_assert(text_next_item(&s, item, sizeof item));
	ck_assert_str_eq(item, "yard");
	ck_assert(!text_next_item(&s, item, sizeof item));
	s = "";
	ck_assert(!text_next_item(&s, item, sizeof item));
	s = NULL;
	ck_assert(!text_next_item(&s, item, sizeof item));
}
END_TEST

/* The items in place, trimmed; a trailing comma ends in an empty item. */
TEST(test_text__list_item)
{
	const char *item;
	size_t n;
	const char *p = text_list_item(" hal ,yard,", &item, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(strncmp(item, "hal", n), 0);
	ck_assert_str_eq(p, "yard,");
	p = text_list_item(p, &item, &n);
	ck_assert_int_eq(strncmp(item, "yard", n), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(p, "");
	ck_assert_ptr_null(text_list_item(p, &item, &n));
	ck_assert_uint_eq(n, 0);
	ck_assert(text_list_has("stadhuis, hal ,yard", "hal"));
	ck_assert(!text_list_has("stadhuis, hal ,yard", "ha"));
	ck_assert(!text_list_has("stadhuis,", ""));
	ck_assert(!text_list_has("", "stadhuis"));
}
END_TEST

TEST(test_text__join_whole_items_only)
{
	char out[12] = "";
	size_t len = 0;
	/* no separator before the first item; only the given bytes of an item */
	ck_assert_int_eq(text_join(out, sizeof out, &len, ", ", "halxx", 3), 0);
	ck_assert_str_eq(out, "hal");
	ck_assert_uint_eq(len, 3);
	ck_assert_int_eq(text_join(out, sizeof out, &len, ", ", "yard", 4), 0);
	ck_assert_str_eq(out, "hal, yard");
	/* ", ab" would leave no room for the terminator: refused, nothing of it written */
	ck_assert_int_eq(text_join(out, sizeof out, &len, ", ", "ab", 2), -1);
	ck_assert_str_eq(out, "hal, yard");
	ck_assert_uint_eq(len, 9);
	/* the last byte that fits */
	ck_assert_int_eq(text_join(out, sizeof out, &len, ",", "a", 1), 0);
	ck_assert_str_eq(out, "hal, yard,a");
	ck_assert_uint_eq(len, 11);
	char none[1] = "";
	len = 0;
	ck_assert_int_eq(text_join(none, sizeof none, &len, ",", "a", 1), -1);
	ck_assert_str_eq(none, "");
}
END_TEST

Suite *text_suite(void)
{
	return testutil_suite("text", NULL, NULL);
}
