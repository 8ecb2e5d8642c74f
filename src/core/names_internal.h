/* names_internal — what the files of the name matcher share: tokenizing and folding text
 * (names_text.c), readings of names (names_read.c), nicknames (names_nick.c), scoring
 * (names_score.c) and the stored keys (names_keys.c). Not for callers outside src/core/. */
#ifndef BALIE_NAMES_INTERNAL_H
#define BALIE_NAMES_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/names.h"

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

/* The length of the first word of list[0..n) that s (len bytes) starts with while at
 * least keep bytes stay after it; 0 when none does. A list put longest first finds the
 * longest. */
size_t names_leading_word(const char *s, size_t len, const char *const *list, size_t n,
			  size_t keep);

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

/* ---------------------------------------------------------------- readings (names_read.c) */

/* The layout of a packed record (names_keys.c, names_score.c). Bump it whenever the folding,
 * the phonetic key, the readings or the layout change: the store then makes every key anew. */
#define NAMES_PACK_VERSION 1

#define NAMES_GIVEN_MAX 6    /* given names kept per record */
#define NAMES_COMP_MAX 8     /* surname readings kept per record (own, partner, parts, wholes) */
#define NAMES_QCOMP_MAX 3    /* parts of a double name in a query */
#define NAMES_HYP_MAX 48     /* readings of one query (at most 64: they are bits of a mask) */
#define NAMES_CORE_MAX 64
#define NAMES_PCODE_MAX 12
#define NAMES_PEXACT_MAX 32
#define NAMES_NICK_GROUPS 8

enum names_comp_flag {
	NAMES_C_JOINED = 1, /* the tussenvoegsel was written joined to the name ("Vandenberg") */
	NAMES_C_PART = 2,   /* one word of a surname of several words ("Lopes Cardozo") */
	NAMES_C_WHOLE = 4   /* the parts of a double name written as one ("Dijk Jansen") */
};

/* One reading of a surname: tussenvoegsel (as codes and as canonical words), the core
 * without it, the whole as written joined, and the phonetic key of the core. */
struct names_comp {
	char pcode[NAMES_PCODE_MAX];
	char pexact[NAMES_PEXACT_MAX];
	char core[NAMES_CORE_MAX];
	char full[NAMES_CORE_MAX];
	char phon[NAMES_CORE_MAX];
	char fphon[NAMES_CORE_MAX]; /* phonetic key of full, only when NAMES_C_JOINED */
	unsigned char flags;
	unsigned char lcore, lfull, lphon;
};

/* A comp as the scorer reads it, pointing into a struct names_comp or a stored record. */
struct names_cview {
	unsigned char flags;
	const char *pcode, *pexact, *core, *full, *phon;
	size_t lcore, lfull, lphon;
};

/* A given name of a query, with what the scorer compares. */
struct names_qgiv {
	char w[NAMES_WORD_MAX];
	size_t len;
	char phon[NAMES_WORD_MAX * 2];
	size_t lphon;
	bool abbrev;  /* an initial or "Th." */
	bool partial; /* still being typed */
	char groups[2 * NAMES_NICK_GROUPS + 1]; /* nickname groups, two bytes each */
	char letters[NAMES_WORD_MAX];           /* first letters of the names of those groups */
};

/* One reading of a query: which words are the surname (its parts), which given names. */
struct names_hyp {
	struct names_comp comp[NAMES_QCOMP_MAX];
	int ncomp;
	int gtok[NAMES_TOK_MAX];
	int ngtok;
	bool partial;
};

/* A parsed query: its words, given-name forms, readings and date of birth; the probes
 * live in names_keys.c. */
struct names_query_text {
	struct names_toks tk;
	struct names_qgiv giv[NAMES_TOK_MAX * 3];
	int gfirst[NAMES_TOK_MAX], gcount[NAMES_TOK_MAX]; /* token -> its qgiv entries */
	struct names_hyp hyps[NAMES_HYP_MAX];
	int nhyp;
	uint32_t born;
};

/* "JP", "HJ": initials typed without dots (no vowel, at most three letters). */
bool names_initials_cluster(const struct names_tok *t);

/* Readings of one name (prefix field + surname field, maybe a double name) appended to
 * out[*nc..NAMES_COMP_MAX). */
void names_name_comps(const char *prefix, const char *surname, struct names_comp *out, int *nc);

/* Fill q's given-name forms and readings from q->tk (already tokenized). */
void names_read_query(struct names_query_text *q);

/* A view of a comp for the scorer. */
struct names_cview names_view_of(const struct names_comp *c);

/* ---------------------------------------------------------------- nicknames (names_nick.c) */

/* Nickname groups of a folded given name encoded as a string (two non-NUL bytes per group)
 * and the first letters of every name in those groups ("kees" -> "ck": Cornelis, Kees). */
void names_given_nick(const char *w, char *groups, char *letters);

/* A hash of the nickname table, part of the version of the stored keys. */
uint32_t names_nick_hash(void);

/* ---------------------------------------------------------------- scoring (names_score.c) */

/* A stored record as the scorer reads it (strings point into the record's bytes). */
struct names_rview {
	uint32_t born;
	int ngiven, ncomp;
	const char *given[NAMES_GIVEN_MAX];
	size_t lgiven[NAMES_GIVEN_MAX];
	const char *gphon[NAMES_GIVEN_MAX], *ggroups[NAMES_GIVEN_MAX], *gletters[NAMES_GIVEN_MAX];
	struct names_cview comp[NAMES_COMP_MAX];
};

/* Decode the bytes written by names_keys_make; -1 when they are not such a record (another
 * keys version, cut short, damaged). */
int names_rview_decode(const unsigned char *p, size_t len, struct names_rview *v);

struct names_verdict_score {
	int score;
	enum names_verdict v;
	int born_differs;
};

/* The score of record r under reading h of query q. */
struct names_verdict_score names_score_one(const struct names_query_text *q,
					   const struct names_hyp *h,
					   const struct names_rview *r);

/* The looser surname rule for an exact date of birth: a, b are folded cores, both with
 * their tussenvoegsels and spaces removed. */
bool names_surname_loose(const char *a, size_t la, const char *b, size_t lb);

#endif
