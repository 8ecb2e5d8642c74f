/* test_sanctions — the sanction table (core rules and the sanctions.conf reader) and letter
 * templates. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/lib.h"
#include "sanctions_conf.h"
#include "tests.h"

static struct sanction_table table;

static void setup(void)
{
	char err[512];
	ck_assert_msg(sanctions_default(&table, err, sizeof err) == 0, "%s", err);
}

/* ------------------------------------------------------------------ reader */

/* Parse text; returns the error message ("" on success). */
static const char *parse(const char *text)
{
	static char err[1024];
	struct sanction_table t;
	if (sanctions_load_text("t.conf", text, &t, err, sizeof err) == 0)
		err[0] = '\0';
	return err;
}

#define RULE "first { kinds = {\"warning\"} }\nrepeat { kinds = {\"warning\"} }\n"

TEST(test_sanctions__reader_refuses_bad_files_with_file_and_line)
{
	static const struct { const char *text, *want; } bad[] = {
		{"category moat {\n" RULE "}\n", "t.conf:4: category: unknown category \"moat\""},
		{"category verbal {\n first { kinds = {\"wall\"} }\n}\n",
		 "t.conf:2: first: kinds: unknown kind \"wall\""},
		{"category verbal {\n first {\n kinds = {\"warning\", \"warning\"}\n }\n}\n",
		 "t.conf:3: first: kinds: \"warning\" is named twice"},
		{"# comment\n# another\ncategory verbal {\n first { kinds = {\"building\"}\n"
		 " min_months = 200 }\n}\n", "t.conf:5:"},
		{"category verbal {\n first { kinds = {\"building\"} min_months = 3 max_months = 2 }\n"
		 " repeat { kinds = {\"warning\"} }\n}\n", "min_months 3 is more than max_months 2"},
		{"category verbal {\n first { kinds = {\"warning\"} }\n}\n",
		 "category verbal: needs a first and a repeat section"},
		{"category verbal {\n first { kinds = {\"warning\"}\n conversation_only = true }\n"
		 " repeat { kinds = {\"warning\"} }\n}\n",
		 "t.conf:3: category verbal: first: conversation_only: needs conversation = true"},
		{"warning_months = 0\ncategory verbal {\n" RULE "}\n",
		 "t.conf:1: warning_months: 0 is out of range (1..120)"},
		{"category verbal {\n" RULE "}\ncategory verbal {\n" RULE "}\n", "t.conf:"},
		{"bogus = 1\n", "t.conf:1:"},
		{"", "no category section"},
		{"category verbal {\n" RULE, "t.conf:"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *err = parse(bad[i].text);
		ck_assert_msg(strstr(err, bad[i].want) != NULL, "case %zu: wanted \"%s\", got \"%s\"",
			      i, bad[i].want, err);
	}
}
END_TEST

TEST(test_sanctions__reader_missing_file)
{
	char err[512];
	struct sanction_table t;
	ck_assert_int_eq(sanctions_load_file("/nonexistent/sanctions.conf", &t, err, sizeof err),
			 -1);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/sanctions.conf: No such file"));
}
END_TEST

TEST(test_sanctions__builtin_table_is_ermelos)
{
	ck_assert_int_eq(table.other_max_months, 12);
	for (int r = 0; r < REASON_COUNT; r++)
		ck_assert_msg(table.cat[r].present, "category %d missing", r);
	const struct sanction_rule *p = &table.cat[REASON_PHYSICAL].first;
	ck_assert_int_eq(p->min_months, 3);
	ck_assert_int_eq(p->max_months, 6);
	ck_assert(p->police_report);
	ck_assert_int_eq(p->propose, BAN_BUILDING_PHONE);
	ck_assert(!(p->kinds & (1u << BAN_SERVICE)));
	p = &table.cat[REASON_PHYSICAL].repeat;
	ck_assert_int_eq(p->min_months, 6);
	ck_assert_int_eq(p->max_months, 9);
	ck_assert(p->kinds & (1u << BAN_SERVICE));
	p = &table.cat[REASON_THREAT].repeat;
	ck_assert_int_eq(p->min_months, 1);
	ck_assert_int_eq(p->max_months, 6);
	p = &table.cat[REASON_VERBAL].first;
	ck_assert_int_eq(p->kinds, 1u << BAN_WARNING);
	ck_assert(p->conversation);
	ck_assert(p->conversation_only); /* issue 13: a conversation without a warning */
	ck_assert(!table.cat[REASON_VERBAL].repeat.conversation_only);
	ck_assert(!table.cat[REASON_PHYSICAL].first.conversation_only);
	ck_assert(!p->police_report);
	ck_assert(table.cat[REASON_THREAT].first.police_report);
}
END_TEST

TEST(test_sanctions__lookup_next_to_balie_conf)
{
	char dir[1024], path[1200], conf[1200], err[512];
	testutil_tmpdir(dir, sizeof dir);
	snprintf(conf, sizeof conf, "%s/balie.conf", dir);
	snprintf(path, sizeof path, "%s/sanctions.conf", dir);
	struct sanction_table t;
	/* No file beside it: the built-in table. */
	ck_assert_int_eq(sanctions_load(conf, &t, err, sizeof err), 0);
	ck_assert_int_eq(t.cat[REASON_PHYSICAL].first.min_months, 3);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("other_max_months = 24\ncategory physical {\n severity = 9\n"
	      " first { kinds = {\"building\"} min_months = 2 max_months = 4 }\n"
	      " repeat { kinds = {\"building\"} min_months = 4 max_months = 8 }\n}\n", f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_msg(sanctions_load(conf, &t, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(t.other_max_months, 24);
	ck_assert_int_eq(t.cat[REASON_PHYSICAL].first.min_months, 2);
	ck_assert(!t.cat[REASON_VERBAL].present);
	/* A broken file is refused, never silently replaced by the built-in table. */
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("category physical {\n", f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(sanctions_load(conf, &t, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "sanctions.conf"));
	testutil_rmdir(dir);
}
END_TEST

/* ------------------------------------------------------------------ rules */

TEST(test_sanctions__most_serious_invalid_input)
{
	enum ban_reason out = REASON_OTHER, bad[] = {REASON_VERBAL, (enum ban_reason)99};
	ck_assert_int_eq(sanctions_most_serious(&table, NULL, 1, &out), -1);
	ck_assert_int_eq(sanctions_most_serious(&table, bad, 0, &out), -1);
	ck_assert_int_eq(sanctions_most_serious(&table, bad, 2, &out), -1);
	ck_assert_int_eq(out, REASON_OTHER);
}
END_TEST

TEST(test_sanctions__combination_takes_most_serious)
{
	enum ban_reason r[] = {REASON_VERBAL, REASON_PHYSICAL, REASON_THREAT}, out;
	ck_assert_int_eq(sanctions_most_serious(&table, r, 3, &out), 0);
	ck_assert_int_eq(out, REASON_PHYSICAL);
	enum ban_reason r2[] = {REASON_OBSTRUCTION, REASON_VERBAL, REASON_PROPERTY};
	ck_assert_int_eq(sanctions_most_serious(&table, r2, 3, &out), 0);
	ck_assert_int_eq(out, REASON_OBSTRUCTION);
	ck_assert_int_eq(sanctions_most_serious(&table, r, 1, &out), 0);
	ck_assert_int_eq(out, REASON_VERBAL);
}
END_TEST

TEST(test_sanctions__offence_first_or_repeat)
{
	ck_assert_int_eq(sanctions_offence(0), SANCTION_FIRST);
	ck_assert_int_eq(sanctions_offence(1), SANCTION_REPEAT);
	ck_assert_int_eq(sanctions_offence(7), SANCTION_REPEAT);
}
END_TEST

TEST(test_sanctions__propose_invalid_input)
{
	struct sanction_proposal p;
	ck_assert_int_eq(sanctions_propose(&table, REASON_PHYSICAL, 0, "2026-02-30", &p), -1);
	ck_assert_int_eq(sanctions_propose(&table, REASON_PHYSICAL, 0, NULL, &p), -1);
	ck_assert_int_eq(sanctions_propose(&table, (enum ban_reason)42, 0, "2026-01-01", &p), -1);
	struct sanction_table empty = {0};
	ck_assert_int_eq(sanctions_propose(&empty, REASON_PHYSICAL, 0, "2026-01-01", &p), -1);
}
END_TEST

TEST(test_sanctions__propose_first_and_repeat)
{
	struct sanction_proposal p;
	ck_assert_int_eq(sanctions_propose(&table, REASON_PHYSICAL, 0, "2026-11-24", &p), 0);
	ck_assert_int_eq(p.offence, SANCTION_FIRST);
	ck_assert_int_eq(p.kind, BAN_BUILDING_PHONE);
	ck_assert_str_eq(p.ends, "2027-02-23"); /* 3 months, the last day included */
	ck_assert(p.rule.police_report);
	ck_assert_int_eq(sanctions_propose(&table, REASON_PHYSICAL, 2, "2026-11-24", &p), 0);
	ck_assert_int_eq(p.offence, SANCTION_REPEAT);
	ck_assert_str_eq(p.ends, "2027-05-23"); /* 6 months */
	ck_assert_int_eq(sanctions_propose(&table, REASON_VERBAL, 0, "2026-01-31", &p), 0);
	ck_assert_int_eq(p.kind, BAN_WARNING);
	ck_assert(p.rule.conversation);
	ck_assert_str_eq(p.ends, "2027-01-30"); /* warning_months = 12 */
}
END_TEST

TEST(test_sanctions__check_invalid_input)
{
	struct sanction_table empty = {0};
	ck_assert_int_eq(sanctions_check(&empty, REASON_PHYSICAL, SANCTION_FIRST, BAN_BUILDING,
					 "2026-01-01", "2026-05-01"), SANCTION_NO_RULE);
	for (int a = SANCTION_OK; a <= SANCTION_BAD_DATE; a++)
		ck_assert_int_gt(strlen(sanctions_check_message((enum sanction_check)a)), 0);
}
END_TEST

/* Calls of sanctions_check on the table, each with its answer and why. */
static const struct {
	const char *why;
	enum ban_reason reason;
	enum sanction_offence offence;
	enum ban_kind kind;
	const char *starts, *ends;
	enum sanction_check want;
} checks[] = {
	{"a start that is no date", REASON_PHYSICAL, SANCTION_FIRST, BAN_BUILDING,
	 "2026-13-01", "2027-01-01", SANCTION_BAD_DATE},
	{"no end", REASON_PHYSICAL, SANCTION_FIRST, BAN_BUILDING,
	 "2026-01-01", NULL, SANCTION_BAD_DATE},
	{"an unknown kind", REASON_PHYSICAL, SANCTION_FIRST, (enum ban_kind)9,
	 "2026-01-01", "2026-05-01", SANCTION_KIND_OUTSIDE},
	/* physical, first: 3..6 months from 2026-11-24 (2027-02-23 .. 2027-05-24) */
	{"a day under 3 months", REASON_PHYSICAL, SANCTION_FIRST, BAN_BUILDING,
	 "2026-11-24", "2027-02-22", SANCTION_TOO_SHORT},
	{"3 months", REASON_PHYSICAL, SANCTION_FIRST, BAN_BUILDING,
	 "2026-11-24", "2027-02-23", SANCTION_OK},
	{"6 months", REASON_PHYSICAL, SANCTION_FIRST, BAN_BUILDING,
	 "2026-11-24", "2027-05-24", SANCTION_OK},
	{"a day over 6 months", REASON_PHYSICAL, SANCTION_FIRST, BAN_BUILDING,
	 "2026-11-24", "2027-05-25", SANCTION_TOO_LONG},
	/* The repeat row of the same category is stricter. */
	{"repeat, 6 months", REASON_PHYSICAL, SANCTION_REPEAT, BAN_PHONE,
	 "2026-11-24", "2027-05-24", SANCTION_OK},
	{"repeat, 3 months", REASON_PHYSICAL, SANCTION_REPEAT, BAN_PHONE,
	 "2026-11-24", "2027-03-01", SANCTION_TOO_SHORT},
	/* End of month: 31 January + 1 month is the last day of February. */
	{"31 January + 1 month", REASON_ATTEMPT, SANCTION_FIRST, BAN_BUILDING,
	 "2027-01-31", "2027-02-27", SANCTION_OK},
	{"a day under 31 January + 1 month", REASON_ATTEMPT, SANCTION_FIRST, BAN_BUILDING,
	 "2027-01-31", "2027-02-26", SANCTION_TOO_SHORT},
	/* A first verbal offence allows a written warning only. */
	{"first verbal, building ban", REASON_VERBAL, SANCTION_FIRST, BAN_BUILDING,
	 "2026-11-24", "2027-01-01", SANCTION_KIND_OUTSIDE},
	{"first verbal, warning", REASON_VERBAL, SANCTION_FIRST, BAN_WARNING,
	 "2026-11-24", "2027-11-23", SANCTION_OK},
	/* Warnings and service stops end within other_max_months. */
	{"a warning past other_max_months", REASON_VERBAL, SANCTION_FIRST, BAN_WARNING,
	 "2026-11-24", "2027-11-25", SANCTION_TOO_LONG},
	{"repeated verbal, service stop", REASON_VERBAL, SANCTION_REPEAT, BAN_SERVICE,
	 "2026-11-24", "2026-12-24", SANCTION_OK},
	{"first attempt, service stop", REASON_ATTEMPT, SANCTION_FIRST, BAN_SERVICE,
	 "2026-11-24", "2027-01-24", SANCTION_KIND_OUTSIDE},
};

/* Case _i of checks: durations within the bounds of the row, kinds the row allows. */
TEST_LOOP(test_sanctions__check_bounds_and_kinds, sizeof checks / sizeof *checks)
{
	const char *ends = checks[_i].ends;
	enum sanction_check got = sanctions_check(&table, checks[_i].reason, checks[_i].offence,
						  checks[_i].kind, checks[_i].starts, ends);
	ck_assert_msg(got == checks[_i].want, "%s (%s..%s): %d, not %d", checks[_i].why,
		      checks[_i].starts, ends ? ends : "(none)", got, checks[_i].want);
}
END_TEST

TEST(test_sanctions__kinds_text)
{
	char buf[64];
	sanctions_kinds_text(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	sanctions_kinds_text((1u << BAN_WARNING) | (1u << BAN_BUILDING), buf, sizeof buf);
	ck_assert_str_eq(buf, "building,warning");
	sanctions_kinds_text((1u << BAN_WARNING) | (1u << BAN_BUILDING), buf, 10);
	ck_assert_str_eq(buf, "building");
}
END_TEST

/* ------------------------------------------------------------------ templates */

TEST(test_sanctions__fill_refuses_unknown_placeholder)
{
	const char *names[] = {"naam"}, *values[] = {"Jan"}, *bad = NULL;
	const char *t = "Beste {naam}, {onbekend}.";
	ck_assert_ptr_null(sanctions_fill(t, names, values, 1, &bad));
	ck_assert_ptr_eq(bad, strstr(t, "{onbekend}"));
	t = "Beste {naam";
	ck_assert_ptr_null(sanctions_fill(t, names, values, 1, &bad));
	ck_assert_ptr_eq(bad, t + 6);
	ck_assert_ptr_null(sanctions_fill(NULL, names, values, 1, &bad));
}
END_TEST

TEST(test_sanctions__fill_and_wrap)
{
	const char *names[] = {"naam", "leeg"}, *values[] = {"Ayşe Çelik", ""}, *bad;
	char *s = sanctions_fill("Beste {naam}{leeg}, {{x} {naam}", names, values, 2, &bad);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "Beste Ayşe Çelik, {x} Ayşe Çelik");
	free(s);
	s = sanctions_wrap("kort\n\naaa bbb ccc ddd\n- eee fff ggg\n", 8);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "kort\n\naaa bbb\nccc ddd\n- eee\n  fff\n  ggg\n");
	free(s);
	/* Columns, not bytes: "Çelik" is five columns wide. */
	s = sanctions_wrap("Ayşe Çelik woont", 10);
	ck_assert_str_eq(s, "Ayşe Çelik\nwoont");
	free(s);
	s = sanctions_wrap("op 25\u00a0november\u00a02026 klaar", 12);
	ck_assert_str_eq(s, "op\n25 november 2026\nklaar");
	free(s);
	s = sanctions_wrap("eenheellangwoord x", 5);
	ck_assert_str_eq(s, "eenheellangwoord\nx");
	free(s);
}
END_TEST

TEST(test_sanctions__letter_templates_builtin_and_beside_config)
{
	char err[256];
	enum sanctions_letter l;
	ck_assert_int_eq(sanctions_letter_parse("brief", &l), -1);
	ck_assert_int_eq(sanctions_letter_parse("invitation", &l), 0);
	ck_assert_int_eq(l, LETTER_INVITATION);
	ck_assert_ptr_null(sanctions_letter_template(NULL, LETTER_COUNT, err, sizeof err));
	for (int i = 0; i < LETTER_COUNT; i++) {
		char *t = sanctions_letter_template(NULL, (enum sanctions_letter)i, err, sizeof err);
		ck_assert_ptr_nonnull(t);
		ck_assert_ptr_nonnull(strstr(t, "{naam}"));
		ck_assert_ptr_nonnull(strstr(t, "{gemeente}"));
		free(t);
	}
	char dir[1024], path[1200], conf[1200];
	testutil_tmpdir(dir, sizeof dir);
	snprintf(conf, sizeof conf, "%s/balie.conf", dir);
	snprintf(path, sizeof path, "%s/letters", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/letters/ban.txt", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("Eigen brief voor {naam}\n", f);
	ck_assert_int_eq(fclose(f), 0);
	char *t = sanctions_letter_template(conf, LETTER_BAN, err, sizeof err);
	ck_assert_str_eq(t, "Eigen brief voor {naam}\n");
	free(t);
	t = sanctions_letter_template(conf, LETTER_WARNING, err, sizeof err);
	ck_assert_ptr_nonnull(strstr(t, "waarschuwing"));
	free(t);
	ck_assert_int_eq(unlink(path), 0);
	snprintf(path, sizeof path, "%s/letters", dir);
	ck_assert_int_eq(rmdir(path), 0);
	testutil_rmdir(dir);
}
END_TEST

Suite *sanctions_suite(void)
{
	return testutil_suite("sanctions", setup, NULL);
}
