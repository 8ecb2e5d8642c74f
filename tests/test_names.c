/* test_names — the visitor check's name matcher: folding, parsing, the Dutch phonetic key,
 * hostile input, and recall / false matches on the labelled set tests/data/names_devset.tsv. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/names_internal.h"
#include "tests.h"

/* A small index shared by the unit tests (the development set builds its own). */
static struct names_index *small_index(void)
{
	static const struct names_record recs[] = {
		{ 1, "Jan", "de", "Vries", "", "", "1980-01-02" },
		{ 2, "Jan", "de", "Vries", "", "", "1965-07-30" },
		{ 3, "Maria", "", "Jansen", "van", "Dijk", "" },
		{ 4, "Sean", "", "O'Brien", "", "", "" },
	};
	struct names_index *ix = names_index_new();
	ck_assert_ptr_nonnull(ix);
	for (size_t i = 0; i < sizeof recs / sizeof *recs; i++)
		ck_assert_int_eq(names_index_add(ix, &recs[i]), 0);
	return ix;
}

/* ---------------------------------------------------------------- invalid input first */

START_TEST(test_names__fold_rejects_invalid_utf8)
{
	ck_assert_ptr_null(names_fold(NULL));
	static const char *bad[] = { "\xff", "Jan \xc3\x28 Vries", "\xe2\x82", "de Vr\xed\xa0\x80ies",
				     "\xc0\xaf" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(names_fold(bad[i]) == NULL, "folded invalid case %zu", i);
}
END_TEST

START_TEST(test_names__search_invalid_utf8_gives_no_hits)
{
	struct names_index *ix = small_index();
	struct names_hit h[8];
	ck_assert_uint_eq(names_index_search(ix, "Jan de Vries\xff", NULL, h, 8), 0);
	ck_assert_uint_eq(names_index_search(ix, "\xc3", "", h, 8), 0);
	/* a record with broken bytes must not break the index */
	struct names_record bad = { 9, "\xff\xfe", "", "Vr\xc3ies", "\x80", "", "1980-13-45" };
	ck_assert_int_eq(names_index_add(ix, &bad), 0);
	ck_assert_uint_eq(names_index_size(ix), 5);
	ck_assert_uint_ge(names_index_search(ix, "Jan de Vries", NULL, h, 8), 2);
	names_index_free(ix);
}
END_TEST

START_TEST(test_names__search_null_and_empty)
{
	struct names_index *ix = small_index();
	struct names_hit h[8];
	ck_assert_uint_eq(names_index_search(NULL, "Jan", NULL, h, 8), 0);
	ck_assert_uint_eq(names_index_search(ix, NULL, NULL, h, 8), 0);
	ck_assert_uint_eq(names_index_search(ix, "Jan de Vries", NULL, NULL, 8), 0);
	ck_assert_uint_eq(names_index_search(ix, "Jan de Vries", NULL, h, 0), 0);
	static const char *empty[] = { "", " ", "   \t ", "-", ",.,", "'", "de", "van der", "1980" };
	for (size_t i = 0; i < sizeof empty / sizeof *empty; i++)
		ck_assert_msg(names_index_search(ix, empty[i], NULL, h, 8) == 0, "hits for \"%s\"",
			      empty[i]);
	ck_assert_int_eq(names_index_add(ix, NULL), -1);
	ck_assert_int_eq(names_index_add(NULL, NULL), -1);
	ck_assert_uint_eq(names_index_size(NULL), 0);
	names_index_free(NULL);
	names_index_free(ix);
}
END_TEST

START_TEST(test_names__search_very_long_query)
{
	struct names_index *ix = small_index();
	struct names_hit h[8];
	size_t n = 10 * 1024;
	char *q = malloc(n + 1);
	ck_assert_ptr_nonnull(q);
	for (size_t i = 0; i < n; i++)
		q[i] = "Jan de Vries "[i % 13];
	q[n] = '\0';
	ck_assert_uint_le(names_index_search(ix, q, NULL, h, 8), 8);
	memset(q, 'a', n);
	ck_assert_uint_eq(names_index_search(ix, q, NULL, h, 8), 0);
	for (size_t i = 0; i + 2 <= n; i += 2)
		memcpy(q + i, "\xc3\xa9", 2); /* é é é … as one 10 kB word */
	ck_assert_uint_eq(names_index_search(ix, q, NULL, h, 8), 0);
	free(q);
	names_index_free(ix);
}
END_TEST

START_TEST(test_names__null_or_bad_born_means_unknown)
{
	struct names_index *ix = small_index();
	struct names_hit a[8], b[8], c[8];
	size_t na = names_index_search(ix, "Jan de Vries", NULL, a, 8);
	size_t nb = names_index_search(ix, "Jan de Vries", "", b, 8);
	size_t nc = names_index_search(ix, "Jan de Vries", "1980-02-30", c, 8);
	ck_assert_uint_eq(na, 2);
	ck_assert_uint_eq(nb, na);
	ck_assert_uint_eq(nc, na);
	for (size_t i = 0; i < na; i++) {
		ck_assert_int_eq(a[i].verdict, NAMES_MATCH);
		ck_assert_int_eq(a[i].born_differs, 0);
		ck_assert(a[i].id == b[i].id && a[i].id == c[i].id);
	}
	names_index_free(ix);
}
END_TEST

/* ---------------------------------------------------------------- folding and parsing */

START_TEST(test_names__fold)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "Çelik", "celik" },          { "Yılmaz", "yilmaz" },
		{ "IJzerman", "yzerman" },     { "Ĳzerman", "yzerman" },
		{ "Łukasz", "lukasz" },        { "Geëlen", "geelen" },
		{ "Müller", "muller" },        { "Straße", "strasse" },
		{ "Ærø", "aero" },             { "Œuvre", "oeuvre" },
		{ "Đorđević", "dordevic" },    { "O'Brien", "obrien" },
		{ "O’Brien", "obrien" },       { "d'Ancona", "d ancona" },
		{ "van 't Hof", "van t hof" }, { "  Jan   de  Vries ", "jan de vries" },
		{ "Dijk-Jansen", "dyk jansen" }, { "J.P.", "j p" },
		{ "Ｊａｎ", "jan" },           { "ﬁ", "fi" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *f = names_fold(cases[i].in);
		ck_assert_msg(f != NULL, "NULL for %s", cases[i].in);
		ck_assert_msg(strcmp(f, cases[i].out) == 0, "fold(%s) = \"%s\", want \"%s\"",
			      cases[i].in, f, cases[i].out);
		free(f);
	}
}
END_TEST

START_TEST(test_names__parse_rejects_nonsense)
{
	struct names_parsed p;
	ck_assert_int_eq(names_parse(NULL, &p), -1);
	ck_assert_int_eq(names_parse("Jan", NULL), -1);
	ck_assert_int_eq(names_parse("", &p), -1);
	ck_assert_int_eq(names_parse("\xff", &p), -1);
	ck_assert_int_eq(names_parse("-- ,", &p), -1);
}
END_TEST

START_TEST(test_names__parse)
{
	static const struct {
		const char *in, *given, *prefix, *surname;
	} cases[] = {
		{ "Jan de Vries", "jan", "de", "vries" },
		{ "Vries, Jan de", "jan", "de", "vries" },
		{ "J.P. de Vries", "j p", "de", "vries" },
		{ "jan devries", "jan", "de", "vries" },
		{ "Hendrik v.d. Berg", "hendrik", "van d", "berg" },
		{ "Hendrik Vandenberg", "hendrik", "van den", "berg" },
		{ "Cornelis van het Hof", "cornelis", "van t", "hof" },
		{ "Kees van 't Hof", "kees", "van t", "hof" },
		{ "Maria van Dijk-Jansen", "maria", "van", "dyk-jansen" },
		{ "Sean O'Brien", "sean", "", "obrien" },
		{ "Daniela d'Ancona", "daniela", "d", "ancona" },
		{ "de Vries", "", "de", "vries" },
		{ "IJzerman, Bram", "bram", "", "yzerman" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct names_parsed p;
		ck_assert_msg(names_parse(cases[i].in, &p) == 0, "no reading of %s", cases[i].in);
		ck_assert_msg(strcmp(p.given, cases[i].given) == 0 &&
				      strcmp(p.prefix, cases[i].prefix) == 0 &&
				      strcmp(p.surname, cases[i].surname) == 0,
			      "%s read as [%s|%s|%s]", cases[i].in, p.given, p.prefix, p.surname);
	}
}
END_TEST

static void phon(const char *s, char *out)
{
	char *f = names_fold(s);
	ck_assert_ptr_nonnull(f);
	names_phonetic(f, out, 64);
	free(f);
}

START_TEST(test_names__phonetic_key_merges_dutch_spellings)
{
	static const char *const same[][4] = {
		{ "Meijer", "Meyer", "Meier", NULL },     { "Jansen", "Janssen", NULL, NULL },
		{ "Hendriks", "Hendrickx", "Hendrix", "Hendricks" },
		{ "Kuijpers", "Kuypers", "Cuypers", "Kuipers" },
		{ "Smit", "Smid", "Smidt", NULL },        { "Bos", "Bosch", NULL, NULL },
		{ "Philips", "Filips", NULL, NULL },      { "IJzerman", "Yzerman", NULL, NULL },
	};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		char a[64], b[64];
		phon(same[i][0], a);
		for (size_t j = 1; j < 4 && same[i][j]; j++) {
			phon(same[i][j], b);
			ck_assert_msg(strcmp(a, b) == 0, "%s [%s] != %s [%s]", same[i][0], a,
				      same[i][j], b);
		}
	}
	char a[64], b[64];
	phon("Jansen", a);
	phon("Jonker", b);
	ck_assert_str_ne(a, b);
	phon("Bakker", a);
	phon("Dekker", b);
	ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(test_names__distance)
{
	ck_assert_int_eq(names_distance("vries", 5, "vries", 5, 2), 0);
	ck_assert_int_eq(names_distance("vries", 5, "vires", 5, 2), 1);
	ck_assert_int_eq(names_distance("jansen", 6, "jasnen", 6, 2), 1);
	ck_assert_int_eq(names_distance("berg", 4, "brg", 3, 2), 1);
	ck_assert_int_eq(names_distance("abc", 3, "xyz", 3, 2), 3);
	ck_assert_int_eq(names_distance("a", 1, "abcdef", 6, 2), 3);
}
END_TEST

START_TEST(test_names__dates)
{
	ck_assert_uint_eq(names_date("1980-01-02"), 19800102);
	ck_assert_uint_eq(names_date("02-01-1980"), 19800102);
	ck_assert_uint_eq(names_date("2.1.1980"), 19800102);
	ck_assert_uint_eq(names_date(""), 0);
	ck_assert_uint_eq(names_date(NULL), 0);
	ck_assert_uint_eq(names_date("1980-02-30"), 0);
	ck_assert_uint_eq(names_date("1981-02-29"), 0);
	ck_assert_uint_eq(names_date("1980-01-02x"), 0);
	ck_assert_uint_eq(names_date("80-01-02"), 0);
}
END_TEST

/* ---------------------------------------------------------------- behaviour */

START_TEST(test_names__hits_sorted_and_capped)
{
	struct names_index *ix = names_index_new();
	ck_assert_ptr_nonnull(ix);
	for (int i = 0; i < 40; i++) {
		char born[16];
		snprintf(born, sizeof born, "19%02d-01-01", 40 + i);
		struct names_record r = { 100 + i, i % 2 ? "Jan" : "Piet", "de", "Vries", "", "", born };
		ck_assert_int_eq(names_index_add(ix, &r), 0);
	}
	struct names_hit h[64];
	size_t n = names_index_search(ix, "Jan de Vries", "1961-01-01", h, 64);
	ck_assert_uint_ge(n, 1);
	ck_assert_int_eq(h[0].id, 121);
	ck_assert_int_eq(h[0].verdict, NAMES_MATCH);
	for (size_t i = 1; i < n; i++) {
		ck_assert(h[i].verdict <= h[i - 1].verdict);
		ck_assert_int_eq(h[i].born_differs, 1);
		ck_assert_int_eq(h[i].verdict, NAMES_POSSIBLE);
		ck_assert_int_ne(h[i].id % 2, 0); /* no Piet */
	}
	ck_assert_uint_eq(names_index_search(ix, "de Vries", NULL, h, 5), 5);
	names_index_free(ix);
}
END_TEST

START_TEST(test_names__double_name_either_part)
{
	struct names_index *ix = small_index();
	struct names_hit h[8];
	static const char *q[] = { "Maria Jansen", "Maria van Dijk", "Maria van Dijk-Jansen",
				   "Maria Jansen-van Dijk" };
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		size_t n = names_index_search(ix, q[i], NULL, h, 8);
		ck_assert_msg(n >= 1 && h[0].id == 3 && h[0].verdict == NAMES_MATCH, "%s", q[i]);
	}
	names_index_free(ix);
}
END_TEST

/* ---------------------------------------------------------------- development set */

#define DEV_MAX_RECORDS 256

struct dev_stats {
	int queries;
	int positives, found;               /* expected hits and how many were there */
	int verdicts_expected, verdicts_ok; /* =M / =P with exactly that verdict */
	int negatives, false_matches;       /* forbidden hits / MATCHes that happened */
	int stranger_queries, false_alarms; /* "-" queries, POSSIBLEs on them */
};

static const struct names_hit *find_hit(const struct names_hit *h, size_t n, long id)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].id == id)
			return &h[i];
	return NULL;
}

static void dev_check(const char *query, const char *expect, const struct names_hit *h, size_t n,
		      struct dev_stats *st)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", expect);
	st->queries++;
	for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		if (strcmp(tok, "-") == 0) {
			st->stranger_queries++;
			st->negatives++;
			for (size_t i = 0; i < n; i++) {
				if (h[i].verdict == NAMES_MATCH) {
					st->false_matches++;
					fprintf(stderr, "names devset: FALSE MATCH \"%s\" -> %ld\n", query,
						(long)h[i].id);
				} else {
					st->false_alarms++;
				}
			}
			continue;
		}
		char *end;
		long id = strtol(tok, &end, 10);
		const struct names_hit *hit = find_hit(h, n, id);
		if (*end == '=') {
			st->positives++;
			if (hit)
				st->found++;
			else
				fprintf(stderr, "names devset: MISSED \"%s\" -> %ld\n", query, id);
			if (end[1] == 'M' || end[1] == 'P') {
				enum names_verdict want = end[1] == 'M' ? NAMES_MATCH : NAMES_POSSIBLE;
				st->verdicts_expected++;
				if (hit && hit->verdict == want)
					st->verdicts_ok++;
				else if (hit)
					fprintf(stderr, "names devset: verdict \"%s\" -> %ld: %s (%d), want %c\n",
						query, id, hit->verdict == NAMES_MATCH ? "MATCH" : "POSSIBLE",
						hit->score, end[1]);
			}
		} else if (*end == '!') {
			st->negatives++;
			bool bad = end[1] == 'M' ? hit && hit->verdict == NAMES_MATCH : hit != NULL;
			if (bad) {
				st->false_matches++;
				fprintf(stderr, "names devset: FALSE %s \"%s\" -> %ld (%d)\n",
					hit->verdict == NAMES_MATCH ? "MATCH" : "POSSIBLE", query, id,
					hit->score);
			}
		} else {
			ck_abort_msg("devset: bad expectation \"%s\" for \"%s\"", tok, query);
		}
	}
}

/* Split a tab-separated line in place; empty fields are kept. */
static int split_tabs(char *line, char **f, int max)
{
	int n = 0;
	line[strcspn(line, "\r\n")] = '\0';
	for (char *p = line; n < max;) {
		f[n++] = p;
		char *t = strchr(p, '\t');
		if (!t)
			break;
		*t = '\0';
		p = t + 1;
	}
	return n;
}

START_TEST(test_names__devset_recall_and_false_matches)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/data/names_devset.tsv", testutil_srcdir());
	FILE *fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	struct names_index *ix = names_index_new();
	ck_assert_ptr_nonnull(ix);
	struct dev_stats st;
	memset(&st, 0, sizeof st);
	char line[1024];
	int lineno = 0;
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char *f[9];
		int nf = split_tabs(line, f, 9);
		if (strcmp(f[0], "R") == 0) {
			ck_assert_msg(nf == 8, "%s:%d: record needs 8 fields, has %d", path, lineno, nf);
			struct names_record r = { atoll(f[1]), f[2], f[3], f[4], f[5], f[6], f[7] };
			ck_assert_int_eq(names_index_add(ix, &r), 0);
		} else if (strcmp(f[0], "Q") == 0) {
			ck_assert_msg(nf == 5, "%s:%d: query needs 5 fields, has %d", path, lineno, nf);
			struct names_hit h[32];
			size_t n = names_index_search(ix, f[1], f[2], h, 32);
			dev_check(f[1], f[3], h, n, &st);
		} else {
			ck_abort_msg("%s:%d: line starts with neither R nor Q", path, lineno);
		}
	}
	ck_assert_int_eq(fclose(fp), 0);
	names_index_free(ix);

	double recall = st.positives ? 100.0 * st.found / st.positives : 0;
	printf("names devset: %d queries, recall %d/%d = %.1f%%, verdicts as labelled %d/%d, "
	       "false matches %d of %d negatives, false alarms (POSSIBLE on strangers) %d in %d\n",
	       st.queries, st.found, st.positives, recall, st.verdicts_ok, st.verdicts_expected,
	       st.false_matches, st.negatives, st.false_alarms, st.stranger_queries);
	ck_assert_int_ge(st.queries, 150);
	/* The bar: a missed ban is the worst error, so recall must stay at or above 98 %;
	 * at most 2 forbidden hits over all namesake/stranger expectations, and at least 90 %
	 * of the MATCH/POSSIBLE labels exactly right. */
	ck_assert_msg(recall >= 98.0, "recall %.1f%% below 98%%", recall);
	ck_assert_msg(st.false_matches <= 2, "%d false matches (bar: 2)", st.false_matches);
	ck_assert_msg(st.verdicts_ok * 10 >= st.verdicts_expected * 9, "verdicts %d/%d below 90%%",
		      st.verdicts_ok, st.verdicts_expected);
}
END_TEST

Suite *names_suite(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("invalid");
	tcase_add_test(tc, test_names__fold_rejects_invalid_utf8);
	tcase_add_test(tc, test_names__search_invalid_utf8_gives_no_hits);
	tcase_add_test(tc, test_names__search_null_and_empty);
	tcase_add_test(tc, test_names__search_very_long_query);
	tcase_add_test(tc, test_names__null_or_bad_born_means_unknown);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, test_names__fold);
	tcase_add_test(tc, test_names__parse_rejects_nonsense);
	tcase_add_test(tc, test_names__parse);
	tcase_add_test(tc, test_names__phonetic_key_merges_dutch_spellings);
	tcase_add_test(tc, test_names__distance);
	tcase_add_test(tc, test_names__dates);
	suite_add_tcase(s, tc);
	tc = tcase_create("search");
	tcase_add_test(tc, test_names__hits_sorted_and_capped);
	tcase_add_test(tc, test_names__double_name_either_part);
	tcase_add_test(tc, test_names__devset_recall_and_false_matches);
	suite_add_tcase(s, tc);
	return s;
}
