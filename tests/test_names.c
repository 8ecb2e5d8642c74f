/* test_names — the name matcher's pure functions: folding, parsing, the Dutch phonetic key,
 * keys and variants, query probes, scoring (with the looser surname for an exact date of
 * birth) and hostile input. Recall on the labelled set runs through the store
 * (tests/test_store_names.c). */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "core/names_internal.h"
#include "tests.h"

/* A few packed records, scored by brute force (every record, every reading): the scoring
 * without the store's lookups, which tests/test_store_names.c covers. */
struct brute {
	struct names_keys k[64];
	int64_t id[64];
	size_t n;
};

struct hit {
	int64_t id;
	struct names_score s;
};

static void brute_add(struct brute *b, int64_t id, const struct names_record *r)
{
	ck_assert_uint_lt(b->n, 64);
	ck_assert_int_eq(names_keys_make(r, &b->k[b->n]), 0);
	b->id[b->n++] = id;
}

static int cmp_hit(const void *x, const void *y)
{
	const struct hit *a = x, *b = y;
	return names_rank(&a->s, a->id, &b->s, b->id);
}

/* The candidates of query among b's records, best first; how many. */
static size_t brute_search(const struct brute *b, const char *query, const char *born,
			   struct hit *out)
{
	struct names_query *q = names_query_new(query, born);
	ck_assert_ptr_nonnull(q);
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++) {
		struct names_score s;
		ck_assert_int_eq(names_query_score(q, names_query_all_readings(q), b->k[i].data,
						   b->k[i].len, &s),
				 0);
		if (s.verdict != NAMES_CLEAR)
			out[n++] = (struct hit){ b->id[i], s };
	}
	names_query_free(q);
	qsort(out, n, sizeof *out, cmp_hit);
	return n;
}

static struct brute *small_set(void)
{
	static const struct names_record recs[] = {
		{ "Jan", "de", "Vries", "", "", "1980-01-02" },
		{ "Jan", "de", "Vries", "", "", "1965-07-30" },
		{ "Maria", "", "Jansen", "van", "Dijk", "" },
		{ "Sean", "", "O'Brien", "", "", "" },
	};
	struct brute *b = calloc(1, sizeof *b);
	ck_assert_ptr_nonnull(b);
	for (size_t i = 0; i < sizeof recs / sizeof *recs; i++)
		brute_add(b, (int64_t)i + 1, &recs[i]);
	return b;
}

/* ---------------------------------------------------------------- invalid input first */

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "invalid"

TEST(test_names__fold_rejects_invalid_utf8)
{
	ck_assert_ptr_null(names_fold(NULL));
	static const char *bad[] = { "\xff", "Jan \xc3\x28 Vries", "\xe2\x82", "de Vr\xed\xa0\x80ies",
				     "\xc0\xaf" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(names_fold(bad[i]) == NULL, "folded invalid case %zu", i);
}
END_TEST

TEST(test_names__keys_refuse_a_record_without_surname)
{
	struct names_keys *k = malloc(sizeof *k);
	ck_assert_ptr_nonnull(k);
	ck_assert_int_eq(names_keys_make(NULL, k), -1);
	static const struct names_record bad[] = {
		{ "Jan", "de", "", "", "", "" },         { "Jan", "", "-- ,", "", "", "" },
		{ "Jan", "", "Vr\xc3ies", "", "", "" }, { "Jan", "van der", "", "", "", "1980-01-02" },
		{ NULL, NULL, NULL, NULL, NULL, NULL },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_msg(names_keys_make(&bad[i], k) == -1, "keys for bad case %zu", i);
		ck_assert_int_eq(k->nkeys, 0);
		ck_assert_uint_eq(k->len, 0);
	}
	/* broken given names or partner name: the surname still counts */
	struct names_record r = { "\xff\xfe", "", "Vries", "\x80", "", "1980-13-45" };
	ck_assert_int_eq(names_keys_make(&r, k), 0);
	ck_assert_int_ge(k->nkeys, 1);
	free(k);
}
END_TEST

TEST(test_names__query_without_a_surname_probes_nothing)
{
	static const char *empty[] = { "", " ", "   \t ", "-", ",.,", "'", "1980",
				       "Jan de Vries\xff", "\xc3" };
	for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
		struct names_query *q = names_query_new(empty[i], NULL);
		ck_assert_ptr_nonnull(q);
		size_t n = 99;
		(void)names_query_probes(q, &n);
		ck_assert_msg(n == 0, "probes for \"%s\"", empty[i]);
		(void)names_query_prefix_probes(q, &n);
		ck_assert_uint_eq(n, 0);
		ck_assert_uint_eq(names_query_all_readings(q), 0);
		names_query_free(q);
	}
	struct names_query *q = names_query_new(NULL, NULL);
	ck_assert_ptr_nonnull(q);
	size_t n = 99;
	(void)names_query_probes(q, &n);
	ck_assert_uint_eq(n, 0);
	names_query_free(q);
	names_query_free(NULL);
	(void)names_query_probes(NULL, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(names_query_born(NULL), "");
}
END_TEST

TEST(test_names__score_refuses_damaged_records)
{
	struct brute *b = small_set();
	struct names_query *q = names_query_new("Jan de Vries", NULL);
	struct names_score s;
	uint64_t all = names_query_all_readings(q);
	ck_assert_int_eq(names_query_score(q, all, b->k[0].data, b->k[0].len, &s), 0);
	ck_assert_int_eq(s.verdict, NAMES_MATCH);
	/* cut short, one byte too many, another version, garbage, nothing */
	ck_assert_int_eq(names_query_score(q, all, b->k[0].data, b->k[0].len - 1, &s), -1);
	unsigned char buf[NAMES_BLOB_MAX + 1];
	memcpy(buf, b->k[0].data, b->k[0].len);
	buf[b->k[0].len] = 0;
	ck_assert_int_eq(names_query_score(q, all, buf, b->k[0].len + 1, &s), -1);
	buf[0] ^= 0x7f;
	ck_assert_int_eq(names_query_score(q, all, buf, b->k[0].len, &s), -1);
	memset(buf, 0xff, sizeof buf);
	ck_assert_int_eq(names_query_score(q, all, buf, 64, &s), -1);
	ck_assert_int_eq(names_query_score(q, all, NULL, 0, &s), -1);
	ck_assert_int_eq(names_query_score(NULL, all, b->k[0].data, b->k[0].len, &s), -1);
	ck_assert_int_eq(s.verdict, NAMES_CLEAR);
	names_query_free(q);
	free(b);
}
END_TEST

TEST(test_names__search_very_long_query)
{
	struct brute *b = small_set();
	struct hit h[64];
	size_t n = 10 * 1024;
	char *q = testutil_repeat("Jan de Vries ", n);
	ck_assert_uint_le(brute_search(b, q, NULL, h), 4);
	memset(q, 'a', n);
	ck_assert_uint_eq(brute_search(b, q, NULL, h), 0);
	for (size_t i = 0; i + 2 <= n; i += 2)
		memcpy(q + i, "\xc3\xa9", 2); /* é é é … as one 10 kB word */
	ck_assert_uint_eq(brute_search(b, q, NULL, h), 0);
	free(q);
	free(b);
}
END_TEST

TEST(test_names__null_or_bad_born_means_unknown)
{
	struct brute *b = small_set();
	struct hit x[8], y[8], z[8];
	size_t na = brute_search(b, "Jan de Vries", NULL, x);
	size_t nb = brute_search(b, "Jan de Vries", "", y);
	size_t nc = brute_search(b, "Jan de Vries", "1980-02-30", z);
	ck_assert_uint_eq(na, 2);
	ck_assert_uint_eq(nb, na);
	ck_assert_uint_eq(nc, na);
	for (size_t i = 0; i < na; i++) {
		ck_assert_int_eq(x[i].s.verdict, NAMES_MATCH);
		ck_assert(!x[i].s.born_differs);
		ck_assert(x[i].id == y[i].id && x[i].id == z[i].id);
	}
	free(b);
}
END_TEST

/* ---------------------------------------------------------------- folding and parsing */

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "text"

TEST(test_names__fold)
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

TEST(test_names__parse_rejects_nonsense)
{
	struct names_parsed p;
	ck_assert_int_eq(names_parse(NULL, &p), -1);
	ck_assert_int_eq(names_parse("Jan", NULL), -1);
	ck_assert_int_eq(names_parse("", &p), -1);
	ck_assert_int_eq(names_parse("\xff", &p), -1);
	ck_assert_int_eq(names_parse("-- ,", &p), -1);
}
END_TEST

TEST(test_names__parse)
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

TEST(test_names__phonetic_key_merges_dutch_spellings)
{
	static const char *const same[][4] = {
		{ "Meijer", "Meyer", "Meier", NULL },     { "Jansen", "Janssen", NULL, NULL },
		{ "Hendriks", "Hendrickx", "Hendrix", "Hendricks" },
		{ "Kuijpers", "Kuypers", "Cuypers", "Kuipers" },
		{ "Smit", "Smid", "Smidt", NULL },        { "Bos", "Bosch", NULL, NULL },
		{ "Philips", "Filips", NULL, NULL },      { "IJzerman", "Yzerman", NULL, NULL },
		{ "Pauw", "Pouw", NULL, NULL },
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

TEST(test_names__distance)
{
	ck_assert_int_eq(names_distance("vries", 5, "vries", 5, 2), 0);
	ck_assert_int_eq(names_distance("vries", 5, "vires", 5, 2), 1);
	ck_assert_int_eq(names_distance("jansen", 6, "jasnen", 6, 2), 1);
	ck_assert_int_eq(names_distance("berg", 4, "brg", 3, 2), 1);
	ck_assert_int_eq(names_distance("abc", 3, "xyz", 3, 2), 3);
	ck_assert_int_eq(names_distance("a", 1, "abcdef", 6, 2), 3);
}
END_TEST

TEST(test_names__dates)
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

/* ---------------------------------------------------------------- keys */

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "keys"

TEST(test_names__keys_of_a_record)
{
	struct names_keys *k = malloc(sizeof *k);
	ck_assert_ptr_nonnull(k);
	struct names_record r = { "Jan", "de", "Vries", "van", "Dijk", "02-01-1980" };
	ck_assert_int_eq(names_keys_make(&r, k), 0);
	char vries[64], dyk[64];
	phon("Vries", vries);
	phon("Dijk", dyk);
	bool v = false, d = false;
	for (int i = 0; i < k->nkeys; i++) {
		v = v || strcmp(k->key[i], vries) == 0;
		d = d || strcmp(k->key[i], dyk) == 0;
	}
	ck_assert_msg(v && d, "own and partner name are keys");
	bool cv = false;
	for (int i = 0; i < k->ncores; i++)
		if (strcmp(k->core[i], "vries") == 0) {
			cv = true;
			ck_assert_str_eq(k->core_key[i], vries);
		}
	ck_assert(cv);
	ck_assert_uint_gt(k->len, 0);

	/* written joined: found under the key of the core and of the whole */
	struct names_record j = { "Hendrik", "", "Vandenberg", "", "", "" };
	ck_assert_int_eq(names_keys_make(&j, k), 0);
	char berg[64], whole[64];
	phon("Berg", berg);
	phon("vandenberg", whole);
	v = d = false;
	for (int i = 0; i < k->nkeys; i++) {
		v = v || strcmp(k->key[i], berg) == 0;
		d = d || strcmp(k->key[i], whole) == 0;
	}
	ck_assert(v && d);
	free(k);
}
END_TEST

TEST(test_names__key_variants)
{
	char v[NAMES_KEY_LEN + 1][NAMES_KEY_LEN];
	ck_assert_int_eq(names_key_variants(NULL, v, 10), 0);
	ck_assert_int_eq(names_key_variants("", v, 10), 0);
	ck_assert_int_eq(names_key_variants("FRIS", v, 0), 0);
	/* short keys: only themselves */
	ck_assert_int_eq(names_key_variants("BoS", v, 10), 1);
	ck_assert_str_eq(v[0], "BoS");
	/* the key first, then each one-symbol deletion */
	ck_assert_int_eq(names_key_variants("FRIS", v, 10), 5);
	ck_assert_str_eq(v[0], "FRIS");
	ck_assert_str_eq(v[1], "RIS");
	ck_assert_str_eq(v[4], "FRI");
	/* equal neighbours give one deletion, and max is kept */
	ck_assert_int_eq(names_key_variants("ABBC", v, 10), 4);
	ck_assert_int_eq(names_key_variants("ABCDEF", v, 3), 3);
	char longkey[NAMES_KEY_LEN + 8];
	memset(longkey, 'A', sizeof longkey - 1);
	longkey[sizeof longkey - 1] = '\0';
	ck_assert_int_eq(names_key_variants(longkey, v, 10), 0);
	longkey[25] = '\0'; /* longer than 24: only itself */
	ck_assert_int_eq(names_key_variants(longkey, v, 10), 1);
}
END_TEST

TEST(test_names__keys_version)
{
	const char *v = names_keys_version();
	ck_assert_ptr_nonnull(v);
	ck_assert_int_gt(strlen(v), 2);
	char copy[64];
	snprintf(copy, sizeof copy, "%s", v);
	ck_assert_str_eq(names_keys_version(), copy);
	char pack[16];
	snprintf(pack, sizeof pack, "%d.", NAMES_PACK_VERSION);
	ck_assert(strncmp(v, pack, strlen(pack)) == 0);
}
END_TEST

/* ---------------------------------------------------------------- queries */

static bool has_probe(const struct names_probe *p, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].text, text) == 0)
			return p[i].readings != 0;
	return false;
}

TEST(test_names__query_probes)
{
	/* a space after the last word: not typing any more */
	struct names_query *q = names_query_new("Jan de Vries ", NULL);
	size_t n;
	const struct names_probe *p = names_query_probes(q, &n);
	char vries[64];
	phon("Vries", vries);
	ck_assert(has_probe(p, n, vries));
	ck_assert(has_probe(p, n, "RIS")); /* a deletion of FRIS: one letter off still meets */
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(p[i].kind, NAMES_PROBE_VARIANT);
	ck_assert_str_eq(names_query_born(q), "");
	ck_assert_uint_ne(names_query_all_readings(q), 0);
	/* complete words: never by their beginning */
	(void)names_query_prefix_probes(q, &n);
	ck_assert_uint_eq(n, 0);
	names_query_free(q);

	/* still typing: by the first three (five) letters, until a reading is found as is */
	q = names_query_new("jan de vrie", "");
	p = names_query_prefix_probes(q, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(p[0].kind, NAMES_PROBE_PREFIX);
	ck_assert_str_eq(p[0].text, "vri");
	names_query_free(q);
	q = names_query_new("Mahab", "");
	p = names_query_prefix_probes(q, &n);
	ck_assert(n == 1 && strcmp(p[0].text, "mahab") == 0);
	names_query_free(q);
	q = names_query_new("Schuurs Wil", "");
	char schuurs[64];
	phon("Schuurs", schuurs);
	names_query_found(q, schuurs);
	(void)names_query_prefix_probes(q, &n);
	ck_assert_uint_eq(n, 0);
	names_query_free(q);
}
END_TEST

TEST(test_names__query_born)
{
	struct names_query *q = names_query_new("Jan de Vries", "02-01-1980");
	ck_assert_str_eq(names_query_born(q), "1980-01-02");
	names_query_free(q);
	q = names_query_new("Jan de Vries 1980-01-02", NULL);
	ck_assert_str_eq(names_query_born(q), "1980-01-02");
	names_query_free(q);
	q = names_query_new("Jan de Vries", "1980-02-30");
	ck_assert_str_eq(names_query_born(q), "");
	names_query_free(q);
}
END_TEST

/* ---------------------------------------------------------------- behaviour */

#undef TESTUTIL_TCASE
#define TESTUTIL_TCASE "score"

TEST(test_names__hits_sorted_and_namesakes_never_match)
{
	struct brute *b = calloc(1, sizeof *b);
	ck_assert_ptr_nonnull(b);
	for (int i = 0; i < 40; i++) {
		char born[16];
		snprintf(born, sizeof born, "19%02d-01-01", 40 + i);
		struct names_record r = { i % 2 ? "Jan" : "Piet", "de", "Vries", "", "", born };
		brute_add(b, 100 + i, &r);
	}
	struct hit h[64];
	size_t n = brute_search(b, "Jan de Vries", "1961-01-01", h);
	ck_assert_uint_ge(n, 1);
	ck_assert_int_eq(h[0].id, 121);
	ck_assert_int_eq(h[0].s.verdict, NAMES_MATCH);
	for (size_t i = 1; i < n; i++) {
		ck_assert(h[i].s.verdict <= h[i - 1].s.verdict);
		ck_assert(h[i].s.born_differs);
		ck_assert_int_eq(h[i].s.verdict, NAMES_POSSIBLE);
		ck_assert_int_ne(h[i].id % 2, 0); /* no Piet */
	}
	ck_assert_uint_eq(brute_search(b, "de Vries", NULL, h), 40);
	free(b);
}
END_TEST

TEST(test_names__double_name_either_part)
{
	struct brute *b = small_set();
	struct hit h[8];
	static const char *q[] = { "Maria Jansen", "Maria van Dijk", "Maria van Dijk-Jansen",
				   "Maria Jansen-van Dijk" };
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		size_t n = brute_search(b, q[i], NULL, h);
		ck_assert_msg(n >= 1 && h[0].id == 3 && h[0].s.verdict == NAMES_MATCH, "%s", q[i]);
	}
	free(b);
}
END_TEST

/* ---------------------------------------------------------------- exact date, looser surname */

TEST(test_names__surname_loose)
{
	static const struct {
		const char *a, *b;
		bool loose;
	} cases[] = {
		{ "smit", "smitsen", true },        /* an ending of three letters added */
		{ "dykhuizen", "dykhuis", true },   /* an ending cut and changed */
		{ "gerritsen", "gerrits", true },   /* Dutch patronymic ending dropped */
		{ "martens", "mertins", true },     /* two vowels changed */
		{ "baker", "bakker", true },        /* a letter doubled */
		{ "verhoeven", "hoeven", false },   /* the prefix is the caller's to remove */
		{ "smit", "smitsema", false },      /* an ending of four letters: another name */
		{ "jong", "jongeneel", false },
		{ "bos", "vos", false },            /* too short to tell */
		{ "de", "da", false },
		{ "jansen", "dekker", false },
		{ "abc", "abc", false },            /* three letters: never loose */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bool got = names_surname_loose(cases[i].a, strlen(cases[i].a), cases[i].b,
					       strlen(cases[i].b));
		ck_assert_msg(got == cases[i].loose, "%s ~ %s: %d", cases[i].a, cases[i].b, got);
		got = names_surname_loose(cases[i].b, strlen(cases[i].b), cases[i].a,
					  strlen(cases[i].a));
		ck_assert_msg(got == cases[i].loose, "%s ~ %s (swapped): %d", cases[i].b,
			      cases[i].a, got);
	}
}
END_TEST

TEST(test_names__exact_date_allows_a_looser_surname)
{
	struct brute *b = calloc(1, sizeof *b);
	ck_assert_ptr_nonnull(b);
	static const struct names_record recs[] = {
		{ "Willemijn", "", "Smit", "", "", "1985-11-30" },
		{ "Johannes", "van der", "Hoeven", "", "", "1969-02-17" },
		{ "Pieternella", "de", "Groot", "", "", "1950-06-06" },
		{ "Ingeborg", "", "Dijkhuizen", "", "", "1973-09-09" },
	};
	for (size_t i = 0; i < sizeof recs / sizeof *recs; i++)
		brute_add(b, (int64_t)i + 1, &recs[i]);
	static const struct {
		const char *q, *born;
		int64_t id;  /* the candidate, 0 for none */
	} cases[] = {
		{ "Willemijn Smitsen", "1985-11-30", 1 }, /* ending added */
		{ "Willem Smitsen", "1985-11-30", 1 },    /* given name contained in the other */
		{ "Jan Verhoeven", "1969-02-17", 2 },     /* ver = van der, fused; short form */
		{ "Nel Grootjes", "1950-06-06", 3 },      /* nickname, ending, prefix dropped */
		{ "Inge Dijkhuis", "1973-09-09", 4 },     /* short form, ending cut */
		{ "I. Dijkhuis", "1973-09-09", 4 },       /* the same initial */
		{ "Willemijn Smitsen", "1985-11-29", 0 }, /* another date: no loose surname */
		{ "Karel Smitsen", "1985-11-30", 0 },     /* a given name of someone else */
		{ "Smitsen", "1985-11-30", 0 },           /* no given name to compare */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct hit h[8];
		size_t n = brute_search(b, cases[i].q, cases[i].born, h);
		if (!cases[i].id) {
			ck_assert_msg(n == 0, "%s %s: %zu hits", cases[i].q, cases[i].born, n);
			continue;
		}
		ck_assert_msg(n >= 1 && h[0].id == cases[i].id, "%s %s: no hit", cases[i].q,
			      cases[i].born);
		/* never more than POSSIBLE: the looser surname only asks for ID */
		ck_assert_msg(h[0].s.verdict == NAMES_POSSIBLE, "%s: %d", cases[i].q,
			      h[0].s.verdict);
	}
	free(b);
}
END_TEST

/* The order of hits: a stronger verdict beats any score, a higher score beats the id, and
 * equal hits go oldest first, so the list does not shuffle between two searches. */
TEST(rank_orders_verdict_score_id)
{
	const struct names_score match = {.score = 40, .verdict = NAMES_MATCH};
	const struct names_score possible = {.score = 99, .verdict = NAMES_POSSIBLE};
	const struct names_score weaker = {.score = 70, .verdict = NAMES_POSSIBLE};
	ck_assert_int_lt(names_rank(&match, 9, &possible, 1), 0);
	ck_assert_int_gt(names_rank(&possible, 1, &match, 9), 0);
	ck_assert_int_lt(names_rank(&possible, 9, &weaker, 1), 0);
	ck_assert_int_gt(names_rank(&weaker, 1, &possible, 9), 0);
	ck_assert_int_lt(names_rank(&weaker, 1, &weaker, 2), 0);
	ck_assert_int_gt(names_rank(&weaker, 2, &weaker, 1), 0);
	ck_assert_int_eq(names_rank(&weaker, 2, &weaker, 2), 0);
}
END_TEST

Suite *names_suite(void)
{
	return testutil_suite_cases("names", "invalid", "text", "keys", "score");
}
