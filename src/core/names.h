/* names — Dutch name matching for the visitor check, as pure functions: the keys a banned
 * person is stored under (names_keys_make), and a query that says which keys to look up and
 * scores the records found (names_query_*). The store keeps the keys in indexed tables. */
#ifndef BALIE_NAMES_H
#define BALIE_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum names_verdict { NAMES_CLEAR = 0, NAMES_POSSIBLE, NAMES_MATCH };

/* One banned person as the matcher needs it; strings are read, not kept. */
struct names_record {
	const char *given_names;     /* "Jan Pieter" or "J.P." or "" */
	const char *prefix;          /* tussenvoegsel: "van der", "" */
	const char *surname;         /* "Vries", may hold a double name "Dijk-Jansen" */
	const char *partner_prefix;  /* BRP partner name, "" when unknown */
	const char *partner_surname;
	const char *born;            /* "YYYY-MM-DD" or "" */
};

/* ---------------------------------------------------------------- stored keys */

#define NAMES_KEY_LEN 64     /* bytes of a key, its NUL included */
#define NAMES_KEYS_MAX 16    /* keys of one record */
#define NAMES_BLOB_MAX 4096  /* bytes of one packed record */

/* What the store keeps of one person. A record is found under each of its keys (phonetic
 * keys of its surname readings), and, for a visitor still typing, under the folded cores of
 * its surnames; every key is in turn found under its variants (names_key_variants), so that
 * one letter more, less or otherwise on either side still meets; and by its date of birth
 * (the store's own column). data/len is the packed record the scorer reads back. */
struct names_keys {
	int nkeys;
	char key[NAMES_KEYS_MAX][NAMES_KEY_LEN];
	int ncores;
	char core[NAMES_KEYS_MAX][NAMES_KEY_LEN];     /* a folded surname core ... */
	char core_key[NAMES_KEYS_MAX][NAMES_KEY_LEN]; /* ... and the key it is found under */
	size_t len;
	unsigned char data[NAMES_BLOB_MAX];
};

/* The keys and packed record of r. 0, or -1 when r has no surname that can be read (its
 * keys are then empty: the store keeps no keys for it). Never fails otherwise. */
int names_keys_make(const struct names_record *r, struct names_keys *out);

/* The variants a key is found under: the key itself first, then, for keys of 4 to 24
 * symbols, each one-symbol deletion. Returns how many were written (at most max). */
int names_key_variants(const char *key, char (*out)[NAMES_KEY_LEN], int max);

/* The version of the keys: it changes whenever the folding, the phonetic key, the packing or
 * the nickname table changes, and then every stored key must be made anew. */
const char *names_keys_version(void);

/* ---------------------------------------------------------------- queries */

struct names_query;

enum names_probe_kind {
	NAMES_PROBE_VARIANT, /* keys that have text among their variants */
	NAMES_PROBE_PREFIX   /* keys of surname cores that begin with text */
};

struct names_probe {
	enum names_probe_kind kind;
	char text[NAMES_KEY_LEN];
	uint64_t readings;           /* the readings of the query this probe serves, as bits */
};

/* Parse free text (any order, initials, prefixes) with an optional date of birth ("" or
 * NULL when unknown; a date inside the text counts too). NULL only when out of memory; a
 * query that can find nobody (empty, invalid UTF-8, no surname) has no probes. */
struct names_query *names_query_new(const char *text, const char *born);
void names_query_free(struct names_query *q);

/* The variant probes of q (look each up first), then tell q which of them were found as a
 * key of their own (names_query_found), and ask for the prefix probes, which depend on that:
 * a name still being typed is looked up by its beginning only when no reading found a
 * surname as it stands. */
const struct names_probe *names_query_probes(const struct names_query *q, size_t *n);
void names_query_found(struct names_query *q, const char *key);
const struct names_probe *names_query_prefix_probes(struct names_query *q, size_t *n);

/* The date of birth of the query ("YYYY-MM-DD"), or "" when none: the store looks up every
 * record born that day too (an exact date allows a looser surname). */
const char *names_query_born(const struct names_query *q);

/* Every reading of the query, as bits (for records found by date of birth). */
uint64_t names_query_all_readings(const struct names_query *q);

struct names_score {
	int score;                   /* 0..100, higher is more alike */
	enum names_verdict verdict;  /* NAMES_CLEAR when not a candidate */
	bool born_differs;           /* both dates known and different */
};

/* Score a packed record (names_keys.data/len) under the readings in the mask; the best
 * reading counts. -1 when the bytes are not a packed record of this version. */
int names_query_score(const struct names_query *q, uint64_t readings, const void *data,
		      size_t len, struct names_score *out);

/* The order hits are shown in, as a qsort result: the stronger verdict first, then the
 * higher score, then the older record (lower id) so that equal hits keep a stable order. */
int names_rank(const struct names_score *a, int64_t a_id, const struct names_score *b,
	       int64_t b_id);

/* ---------------------------------------------------------------- text */

/* One reading of free text, for display ("read as: …") and tests. */
struct names_parsed {
	char given[96];   /* folded given names or initials, space-separated */
	char prefix[32];  /* canonical tussenvoegsel ("van den", "t" for 't/het), "" when none */
	char surname[96]; /* folded surname without it; the parts of a double name joined by '-' */
};

/* The most likely reading of text: a comma puts the surname first ("Vries, Jan de"),
 * otherwise the surname is last ("J.P. de Vries", "jan devries"). 0, or -1 on invalid
 * UTF-8 or when no surname can be read. (The search itself tries every reading.) */
int names_parse(const char *text, struct names_parsed *out);

/* Fold a name for comparison (case, marks, Dutch IJ/Y, spaces); a malloc'd string or NULL. */
char *names_fold(const char *s);

#endif
