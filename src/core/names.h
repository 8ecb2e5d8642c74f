/* names — Dutch name matching for the visitor check: parsing free text, normalising
 * (utf8proc + Dutch rules), and an in-memory index that scores candidates. */
#ifndef BALIE_NAMES_H
#define BALIE_NAMES_H

#include <stddef.h>
#include <stdint.h>

enum names_verdict { NAMES_CLEAR = 0, NAMES_POSSIBLE, NAMES_MATCH };

/* One banned person as the index needs it; strings are copied by names_index_add. */
struct names_record {
	int64_t id;                  /* caller's key (the ban id) */
	const char *given_names;     /* "Jan Pieter" or "J.P." or "" */
	const char *prefix;          /* tussenvoegsel: "van der", "" */
	const char *surname;         /* "Vries", may hold a double name "Dijk-Jansen" */
	const char *partner_prefix;  /* BRP partner name, "" when unknown */
	const char *partner_surname;
	const char *born;            /* "YYYY-MM-DD" or "" */
};

struct names_hit {
	int64_t id;
	int score;                   /* 0..100, higher is more alike */
	enum names_verdict verdict;  /* NAMES_MATCH or NAMES_POSSIBLE */
	int born_differs;            /* both dates known and different */
};

struct names_index;

/* An empty index; NULL on out-of-memory. */
struct names_index *names_index_new(void);

/* Add a record; 0 on success, -1 on out-of-memory. */
int names_index_add(struct names_index *ix, const struct names_record *rec);

/* Number of records in the index. */
size_t names_index_size(const struct names_index *ix);

/* Search free text (any order, initials, prefixes) with an optional date of birth
 * ("" or NULL when unknown). Writes up to max hits, best first; returns how many. */
size_t names_index_search(const struct names_index *ix, const char *query, const char *born,
			  struct names_hit *hits, size_t max);

void names_index_free(struct names_index *ix);

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
