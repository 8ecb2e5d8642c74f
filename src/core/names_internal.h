/* names_internal — the pieces names.c builds on: tokenizing and folding text (utf8proc +
 * Dutch rules), tussenvoegsels, the Dutch phonetic key and edit distance. Not for callers. */
#ifndef BALIE_NAMES_INTERNAL_H
#define BALIE_NAMES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define NAMES_TOK_MAX 16  /* words considered in one text: the rest is ignored */
#define NAMES_WORD_MAX 40 /* bytes of one folded word (longer words are cut) */

enum names_tok_flag {
	NAMES_TOK_DOT = 1,    /* written with a dot after it ("J.") */
	NAMES_TOK_HYPHEN = 2, /* a hyphen joins it to the next word ("Dijk-Jansen") */
	NAMES_TOK_COMMA = 4,  /* a comma follows it ("Vries, Jan") */
	NAMES_TOK_CUT = 8     /* the text ends right after it (no space: maybe still typing) */
};

struct names_tok {
	char w[NAMES_WORD_MAX];
	unsigned char len;
	unsigned char flags;
};

struct names_toks {
	struct names_tok t[NAMES_TOK_MAX];
	int n;
	uint32_t date; /* a date written inside the text (YYYYMMDD) or 0 */
};

/* Split text into folded words: case folded, marks stripped, compatibility forms, the letters
 * utf8proc keeps (ı ø ł đ æ œ …) mapped, IJ as y, apostrophes inside a word dropped
 * ("O'Brien" -> obrien) except after d/l ("d'Ancona" -> d ancona). -1 on invalid UTF-8. */
int names_tokenize(const char *s, struct names_toks *out);

enum names_particle_kind {
	NAMES_PART_NONE = 0,
	NAMES_PART_DUTCH,    /* van, de, der, 't, ter, v, vd …: a tussenvoegsel wherever it stands */
	NAMES_PART_FOREIGN   /* ben, el, ait …: part of a family name, but also a given name */
};

/* What kind of name particle a folded word is. */
enum names_particle_kind names_particle(const char *w);

/* Canonical spelling of a particle for comparison ("het" -> "t", "v" -> "van"); w itself
 * when it has none. "vd"/"vdr" expand to two words and are handled by the caller. */
const char *names_particle_canon(const char *w);

/* Bytes of particles written joined to the front of a surname word ("vandenberg" -> 7,
 * "devries" -> 2), leaving at least 3 letters; 0 when there are none. */
size_t names_joined_prefix(const char *w, size_t len);

/* Dutch phonetic key of a folded compact name (ij/y/ei, ks/x/cks, dt/d/t at the end, ss/s,
 * c/k, ph/f/v, sch/s, z/s, oe/u, ou/au …) into out (NUL-terminated, cut at outsz). */
void names_phonetic(const char *s, char *out, size_t outsz);

/* Optimal string alignment distance of a and b (transpositions count 1), or max + 1
 * when it is larger than max. */
int names_distance(const char *a, size_t la, const char *b, size_t lb, int max);

/* data/nicknames.txt, embedded by tools/embed.sh. */
extern const char names_nicknames_txt[];

/* A date "YYYY-MM-DD" (also "DD-MM-YYYY") as YYYYMMDD; 0 when empty or not a date. */
uint32_t names_date(const char *s);

#endif
