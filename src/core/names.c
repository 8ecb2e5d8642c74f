/* names — the visitor check's matcher: an in-memory index of banned persons (one string arena,
 * blocking keys in one hash table) and the scoring of free-text queries against it. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/names_internal.h"

#define GIVEN_MAX 6      /* given names kept per record */
#define COMP_MAX 8       /* surname readings kept per record (own, partner, parts, wholes) */
#define QCOMP_MAX 3      /* parts of a double name in a query */
#define HYP_MAX 48       /* readings of one query */
#define CORE_MAX 64
#define PCODE_MAX 12
#define PEXACT_MAX 32
#define NICK_GROUPS 8
#define KEYS_MAX 320
#define SCORE_MATCH 90
#define SCORE_POSSIBLE 70
/* Work caps per query, so that a short or very common query ("de", "jansen") at a million
 * bans still answers within the console's key-press budget; best candidates come first in
 * no particular order, so the caps only bite on queries that are hopelessly unspecific. */
#define POSTINGS_CAP 20000
#define PREFIX_CAP 4000 /* names beginning with a partly typed word: a sample is enough */
#define SCORED_CAP 40000

enum comp_flag {
	C_JOINED = 1, /* the tussenvoegsel was written joined to the name ("Vandenberg") */
	C_PART = 2,   /* one word of a surname of several words ("Lopes Cardozo") */
	C_WHOLE = 4   /* the parts of a double name written as one ("Dijk Jansen") */
};

/* One reading of a surname: tussenvoegsel (as codes and as canonical words), the core
 * without it, the whole as written joined, and the phonetic key of the core. */
struct comp {
	char pcode[PCODE_MAX];
	char pexact[PEXACT_MAX];
	char core[CORE_MAX];
	char full[CORE_MAX];
	char phon[CORE_MAX];
	char fphon[CORE_MAX]; /* phonetic key of full, only when C_JOINED (index keys) */
	unsigned char flags;
	unsigned char lcore, lfull, lphon;
};

/* A comp as the scorer reads it, pointing into a struct comp or into the arena. */
struct cview {
	unsigned char flags;
	const char *pcode, *pexact, *core, *full, *phon;
	size_t lcore, lfull, lphon;
};

struct rec {
	int64_t id;
	uint32_t off;  /* packed strings in the arena */
	uint32_t born; /* YYYYMMDD or 0 */
};

struct slot {
	uint64_t h; /* 0 = empty */
	uint32_t head;
	uint32_t count;
};

struct post {
	uint32_t rec;
	uint32_t next;
};

struct nick {
	char name[24];
	uint16_t group;
};

struct names_index {
	struct rec *recs;
	size_t nrec, caprec;
	char *arena;
	size_t narena, caparena;
	struct slot *slots;
	size_t nslot, used;
	struct post *posts;
	size_t npost, cappost;
	struct nick *nicks;
	size_t nnick;
	char (*group_letters)[16]; /* first letters of the names of each nickname group */
	size_t ngroups;
};

/* ---------------------------------------------------------------- small helpers */

static double dmax(double a, double b)
{
	return a > b ? a : b;
}

static size_t zmin(size_t a, size_t b)
{
	return a < b ? a : b;
}

static void append(char *dst, size_t dstsz, const char *src)
{
	size_t l = strlen(dst), n = strlen(src);
	if (l + n < dstsz)
		memcpy(dst + l, src, n + 1);
}

static bool has_vowel(const char *w, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (strchr("aeiouy", w[i]) || (unsigned char)w[i] >= 0x80)
			return true;
	return false;
}

/* "JP", "HJ": initials typed without dots (no vowel, at most three letters). */
static bool initials_cluster(const struct names_tok *t)
{
	return t->len >= 2 && t->len <= 3 && !has_vowel(t->w, t->len) &&
	       names_particle(t->w) == NAMES_PART_NONE;
}

static uint64_t hash_key(char type, const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ (unsigned char)type;
	h *= 0x100000001b3ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h ? h : 1;
}

/* ---------------------------------------------------------------- tussenvoegsels */

static char particle_code(const char *canon)
{
	static const struct {
		const char *w;
		char code;
	} codes[] = {
		{ "van", 'v' }, { "von", 'v' }, { "vom", 'v' }, { "de", 'd' }, { "den", 'd' },
		{ "der", 'd' }, { "des", 'd' }, { "d", 'd' }, { "t", 't' }, { "te", 'T' },
		{ "ten", 'T' }, { "ter", 'T' }, { "in", 'i' }, { "op", 'o' }, { "aan", 'a' },
		{ "bij", 'b' }, { "uit", 'u' }, { "voor", 'V' }, { "onder", 'O' }, { "s", 's' },
		{ "zu", 'z' }, { "zum", 'z' }, { "la", 'l' }, { "le", 'l' }, { "les", 'l' },
		{ "l", 'l' }, { "el", 'e' }, { "al", 'e' }, { "ben", 'B' }, { "bin", 'B' },
		{ "ibn", 'B' }, { "bel", 'B' }, { "ait", 'A' }, { "abu", 'U' }, { "bou", 'U' },
	};
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
		if (strcmp(canon, codes[i].w) == 0)
			return codes[i].code;
	return 'D'; /* du, da, di, dos, del, della …: Romance particles, alike enough */
}

static void add_particle(struct comp *c, const char *w)
{
	const char *canon = names_particle_canon(w);
	if (strcmp(canon, "vd") == 0 || strcmp(canon, "vdr") == 0) {
		add_particle(c, "van");
		add_particle(c, canon[2] ? "der" : "d");
		return;
	}
	char code[2] = { particle_code(canon), '\0' };
	append(c->pcode, sizeof c->pcode, code);
	if (c->pexact[0])
		append(c->pexact, sizeof c->pexact, " ");
	append(c->pexact, sizeof c->pexact, canon);
}

/* The particles written joined in s[0..p) ("vanden" -> van, den), same list as
 * names_joined_prefix. */
static void add_joined_particles(struct comp *c, const char *s, size_t p)
{
	static const char *const list[] = { "van", "den", "der", "het", "ter", "ten", "ait",
					    "ben", "abu", "de", "el", "t" };
	size_t q = 0;
	while (q < p) {
		size_t step = 0;
		for (size_t i = 0; i < sizeof list / sizeof *list && !step; i++) {
			size_t l = strlen(list[i]);
			if (q + l <= p && strncmp(s + q, list[i], l) == 0) {
				step = l;
				add_particle(c, list[i]);
			}
		}
		if (!step)
			break;
		q += step;
	}
}

/* The name as written joined: canonical particles and core without spaces. */
static void set_full(struct comp *c)
{
	size_t o = 0;
	for (const char *p = c->pexact; *p && o + 1 < sizeof c->full; p++)
		if (*p != ' ')
			c->full[o++] = *p;
	for (const char *p = c->core; *p && o + 1 < sizeof c->full; p++)
		c->full[o++] = *p;
	c->full[o] = '\0';
	c->lfull = (unsigned char)o;
}

struct wordref {
	const char *w;
	size_t len;
};

/* Build a comp from the words of one surname (leading particles, then the name) with
 * extra particles written elsewhere ("Vries, Jan de"); returns the number of core words,
 * 0 when there is no usable name. */
static int comp_from_words(const struct wordref *w, int n, const struct wordref *xpre, int nx,
			   struct comp *c)
{
	memset(c, 0, sizeof *c);
	if (n <= 0)
		return 0;
	int k = 0;
	while (k < n - 1 && names_particle(w[k].w) != NAMES_PART_NONE)
		k++;
	if (k == 0)
		for (int i = 0; i < nx; i++)
			add_particle(c, xpre[i].w);
	for (int i = 0; i < k; i++)
		add_particle(c, w[i].w);
	size_t l = 0;
	for (int i = k; i < n; i++) {
		if (l + w[i].len >= sizeof c->core)
			break;
		memcpy(c->core + l, w[i].w, w[i].len);
		l += w[i].len;
	}
	c->core[l] = '\0';
	if (l < 2)
		return 0;
	if (n - k == 1 && !c->pcode[0]) {
		size_t p = names_joined_prefix(c->core, l);
		if (p) {
			add_joined_particles(c, c->core, p);
			memmove(c->core, c->core + p, l - p + 1);
			l -= p;
			c->flags |= C_JOINED;
		}
	}
	c->lcore = (unsigned char)l;
	set_full(c);
	names_phonetic(c->core, c->phon, sizeof c->phon);
	c->lphon = (unsigned char)strlen(c->phon);
	if (c->flags & C_JOINED)
		names_phonetic(c->full, c->fphon, sizeof c->fphon);
	return n - k;
}

static struct cview view_of(const struct comp *c)
{
	struct cview v = { c->flags, c->pcode, c->pexact, c->core, c->full, c->phon,
			   c->lcore, c->lfull, c->lphon };
	return v;
}

/* ---------------------------------------------------------------- records */

/* Readings of one name (prefix field + surname field, maybe a double name): each part
 * with its particles, the parts written as one, and the words of a multi-word surname. */
static void name_comps(const char *prefix, const char *surname, struct comp *out, int *nc)
{
	struct names_toks pre, sur;
	if (names_tokenize(prefix, &pre) < 0)
		pre.n = 0;
	if (names_tokenize(surname, &sur) < 0 || sur.n == 0)
		return;
	struct wordref g[NAMES_TOK_MAX * 2];
	int ng = 0, ngroups = 0, first = *nc;
	for (int i = 0; i < pre.n; i++)
		g[ng++] = (struct wordref){ pre.t[i].w, pre.t[i].len };
	for (int i = 0; i < sur.n; i++) {
		g[ng++] = (struct wordref){ sur.t[i].w, sur.t[i].len };
		if (!(sur.t[i].flags & NAMES_TOK_HYPHEN) && i != sur.n - 1)
			continue;
		int words = *nc < COMP_MAX ? comp_from_words(g, ng, NULL, 0, &out[*nc]) : 0;
		if (words > 0) {
			(*nc)++;
			ngroups++;
			/* "Lopes Cardozo": the visitor may give one word of it */
			for (int j = ng - words; words > 1 && j < ng && *nc < COMP_MAX; j++) {
				if (g[j].len < 3)
					continue;
				if (comp_from_words(&g[j], 1, NULL, 0, &out[*nc]) > 0) {
					out[*nc].flags |= C_PART;
					(*nc)++;
				}
			}
		}
		ng = 0;
	}
	if (ngroups >= 2 && *nc < COMP_MAX) {
		/* "Dijk-Jansen" typed as "Dijk Jansen" or "Dijkjansen" */
		struct comp *w = &out[*nc];
		*w = out[first];
		for (int i = first + 1; i < *nc; i++) {
			if (out[i].flags & C_PART)
				continue;
			append(w->core, sizeof w->core, out[i].core);
		}
		w->lcore = (unsigned char)strlen(w->core);
		w->flags = C_WHOLE;
		set_full(w);
		names_phonetic(w->core, w->phon, sizeof w->phon);
		w->lphon = (unsigned char)strlen(w->phon);
		(*nc)++;
	}
}

static int arena_put(struct names_index *ix, const void *p, size_t n)
{
	if (ix->narena + n > ix->caparena) {
		size_t cap = ix->caparena ? ix->caparena : 65536;
		while (cap < ix->narena + n)
			cap *= 2;
		if (cap > UINT32_MAX)
			return -1;
		char *a = realloc(ix->arena, cap);
		if (!a)
			return -1;
		ix->arena = a;
		ix->caparena = cap;
	}
	memcpy(ix->arena + ix->narena, p, n);
	ix->narena += n;
	return 0;
}

static int arena_str(struct names_index *ix, const char *s)
{
	return arena_put(ix, s, strlen(s) + 1);
}

static int slots_grow(struct names_index *ix)
{
	size_t n = ix->nslot ? ix->nslot * 2 : 1024;
	struct slot *s = calloc(n, sizeof *s);
	if (!s)
		return -1;
	for (size_t i = 0; i < ix->nslot; i++) {
		if (!ix->slots[i].h)
			continue;
		size_t j = ix->slots[i].h & (n - 1);
		while (s[j].h)
			j = (j + 1) & (n - 1);
		s[j] = ix->slots[i];
	}
	free(ix->slots);
	ix->slots = s;
	ix->nslot = n;
	return 0;
}

static const struct slot *slot_find(const struct names_index *ix, uint64_t h)
{
	if (!ix->nslot)
		return NULL;
	size_t j = h & (ix->nslot - 1);
	while (ix->slots[j].h) {
		if (ix->slots[j].h == h)
			return &ix->slots[j];
		j = (j + 1) & (ix->nslot - 1);
	}
	return NULL;
}

static int post_add(struct names_index *ix, uint64_t h, uint32_t rec)
{
	if ((ix->used + 1) * 2 > ix->nslot && slots_grow(ix) < 0)
		return -1;
	size_t j = h & (ix->nslot - 1);
	while (ix->slots[j].h && ix->slots[j].h != h)
		j = (j + 1) & (ix->nslot - 1);
	struct slot *s = &ix->slots[j];
	if (!s->h) {
		s->h = h;
		s->head = UINT32_MAX;
		ix->used++;
	}
	if (ix->npost == ix->cappost) {
		size_t cap = ix->cappost ? ix->cappost * 2 : 4096;
		struct post *p = realloc(ix->posts, cap * sizeof *p);
		if (!p)
			return -1;
		ix->posts = p;
		ix->cappost = cap;
	}
	ix->posts[ix->npost] = (struct post){ rec, s->head };
	s->head = (uint32_t)ix->npost++;
	s->count++;
	return 0;
}

/* Blocking keys of a record's phonetic key: the key itself ('P') and, when long enough,
 * each one-letter deletion ('D'), so that one typo on either side still meets (symmetric
 * deletion: see query_keys). */
static void phon_keys(const char *phon, size_t l, bool deletes, uint64_t *keys, size_t *nk)
{
	if (l == 0 || *nk >= KEYS_MAX)
		return;
	keys[(*nk)++] = hash_key('P', phon, l);
	if (!deletes || l < 4 || l > 24)
		return;
	char buf[CORE_MAX];
	for (size_t i = 0; i < l && *nk < KEYS_MAX; i++) {
		memcpy(buf, phon, i);
		memcpy(buf + i, phon + i + 1, l - i - 1);
		keys[(*nk)++] = hash_key('D', buf, l - 1);
	}
}

/* The keys a query looks up for one phonetic key: itself against names (exact, first) and
 * against their deletions (the record has a letter more); its deletions against names (the
 * query has a letter more) and against their deletions (one letter differs). */
static void query_keys(const char *phon, size_t l, uint64_t *keys, size_t *nk)
{
	if (l == 0 || *nk + 2 >= KEYS_MAX)
		return;
	keys[(*nk)++] = hash_key('P', phon, l);
	keys[(*nk)++] = hash_key('D', phon, l);
	if (l < 4 || l > 24)
		return;
	char buf[CORE_MAX];
	for (size_t i = 0; i < l && *nk + 2 < KEYS_MAX; i++) {
		memcpy(buf, phon, i);
		memcpy(buf + i, phon + i + 1, l - i - 1);
		keys[(*nk)++] = hash_key('P', buf, l - 1);
		keys[(*nk)++] = hash_key('D', buf, l - 1);
	}
}

/* Query side only: the sounds of the name with two neighbouring letters swapped, since a
 * swap can change the phonetic key by more than one symbol ("Vires": FIReS, "Vries": FRIS). */
static void transposed_keys(const char *core, size_t l, uint64_t *keys, size_t *nk)
{
	if (l < 4 || l >= CORE_MAX)
		return;
	char buf[CORE_MAX], ph[CORE_MAX];
	for (size_t i = 0; i + 1 < l && *nk < KEYS_MAX; i++) {
		if (core[i] == core[i + 1])
			continue;
		memcpy(buf, core, l + 1);
		buf[i] = core[i + 1];
		buf[i + 1] = core[i];
		names_phonetic(buf, ph, sizeof ph);
		keys[(*nk)++] = hash_key('P', ph, strlen(ph));
	}
}

static int nick_groups(const struct names_index *ix, const char *w, uint16_t *out, int max);

/* Nickname groups of a given name encoded as a string (two non-NUL bytes per group) and
 * the first letters of every name in those groups ("kees" -> "ck": Cornelis, Kees, Cor). */
static void given_nick(const struct names_index *ix, const char *w, char *groups, char *letters)
{
	uint16_t g[NICK_GROUPS];
	int ng = w[1] ? nick_groups(ix, w, g, NICK_GROUPS) : 0;
	size_t o = 0, nl = 0;
	letters[0] = '\0';
	for (int i = 0; i < ng; i++) {
		groups[o++] = (char)(0x80 | (g[i] >> 7));
		groups[o++] = (char)(0x80 | (g[i] & 0x7f));
		for (const char *l = ix->group_letters[g[i]]; *l; l++)
			if (!strchr(letters, *l) && nl + 1 < NAMES_WORD_MAX) {
				letters[nl++] = *l;
				letters[nl] = '\0';
			}
	}
	groups[o] = '\0';
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int names_index_add(struct names_index *ix, const struct names_record *r)
{
	if (!ix || !r)
		return -1;
	if (ix->nrec >= UINT32_MAX - 1)
		return -1;
	struct comp comps[COMP_MAX];
	int nc = 0;
	name_comps(r->prefix, r->surname, comps, &nc);
	name_comps(r->partner_prefix, r->partner_surname, comps, &nc);

	struct names_toks gt;
	if (names_tokenize(r->given_names, &gt) < 0)
		gt.n = 0;
	char given[GIVEN_MAX][NAMES_WORD_MAX];
	int ngiven = 0;
	for (int i = 0; i < gt.n && ngiven < GIVEN_MAX; i++) {
		if (initials_cluster(&gt.t[i])) {
			for (size_t j = 0; j < gt.t[i].len && ngiven < GIVEN_MAX; j++) {
				given[ngiven][0] = gt.t[i].w[j];
				given[ngiven++][1] = '\0';
			}
		} else {
			memcpy(given[ngiven++], gt.t[i].w, (size_t)gt.t[i].len + 1);
		}
	}

	if (ix->nrec == ix->caprec) {
		size_t cap = ix->caprec ? ix->caprec * 2 : 1024;
		struct rec *p = realloc(ix->recs, cap * sizeof *p);
		if (!p)
			return -1;
		ix->recs = p;
		ix->caprec = cap;
	}
	/* surname readings first: most candidates are turned down on the surname alone, so
	 * the scorer reads the given names only when it needs them */
	size_t off = ix->narena;
	unsigned char b = (unsigned char)nc;
	if (arena_put(ix, &b, 1) < 0)
		return -1;
	for (int i = 0; i < nc; i++) {
		if (arena_put(ix, &comps[i].flags, 1) < 0 || arena_str(ix, comps[i].pcode) < 0 ||
		    arena_str(ix, comps[i].pexact) < 0 || arena_str(ix, comps[i].core) < 0 ||
		    arena_str(ix, comps[i].full) < 0 || arena_str(ix, comps[i].phon) < 0)
			return -1;
	}
	b = (unsigned char)ngiven;
	if (arena_put(ix, &b, 1) < 0)
		return -1;
	for (int i = 0; i < ngiven; i++) {
		char ph[NAMES_WORD_MAX * 2], gr[2 * NICK_GROUPS + 1], letters[NAMES_WORD_MAX];
		names_phonetic(given[i], ph, sizeof ph);
		given_nick(ix, given[i], gr, letters);
		if (arena_str(ix, given[i]) < 0 || arena_str(ix, ph) < 0 || arena_str(ix, gr) < 0 ||
		    arena_str(ix, letters) < 0)
			return -1;
	}

	uint64_t keys[KEYS_MAX];
	size_t nk = 0;
	for (int i = 0; i < nc; i++) {
		const struct comp *c = &comps[i];
		phon_keys(c->phon, c->lphon, !(c->flags & C_WHOLE), keys, &nk);
		if (c->flags & C_JOINED)
			phon_keys(c->fphon, strlen(c->fphon), true, keys, &nk);
		/* beginnings of the name, for a query still being typed */
		if (c->lcore >= 3 && nk < KEYS_MAX)
			keys[nk++] = hash_key('X', c->core, 3);
		if (c->lcore >= 5 && nk < KEYS_MAX)
			keys[nk++] = hash_key('X', c->core, 5);
	}
	qsort(keys, nk, sizeof *keys, cmp_u64);
	uint32_t recno = (uint32_t)ix->nrec;
	for (size_t i = 0; i < nk; i++) {
		if (i > 0 && keys[i] == keys[i - 1])
			continue;
		if (post_add(ix, keys[i], recno) < 0)
			return -1;
	}
	ix->recs[ix->nrec++] = (struct rec){ r->id, (uint32_t)off, names_date(r->born) };
	return 0;
}

size_t names_index_size(const struct names_index *ix)
{
	return ix ? ix->nrec : 0;
}

/* ---------------------------------------------------------------- nicknames */

static int cmp_nick(const void *a, const void *b)
{
	const struct nick *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (int)x->group - (int)y->group;
}

static int load_nicknames(struct names_index *ix)
{
	size_t cap = 256;
	ix->nicks = malloc(cap * sizeof *ix->nicks);
	if (!ix->nicks)
		return -1;
	uint16_t group = 0;
	for (const char *p = names_nicknames_txt; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 0 && p[0] != '#') {
			char line[512];
			size_t l = zmin(len, sizeof line - 1);
			memcpy(line, p, l);
			line[l] = '\0';
			struct names_toks tk;
			if (names_tokenize(line, &tk) == 0 && tk.n > 0) {
				for (int i = 0; i < tk.n; i++) {
					if (tk.t[i].len >= sizeof ix->nicks[0].name)
						continue;
					if (ix->nnick == cap) {
						cap *= 2;
						struct nick *n = realloc(ix->nicks, cap * sizeof *n);
						if (!n)
							return -1;
						ix->nicks = n;
					}
					struct nick *n = &ix->nicks[ix->nnick++];
					memcpy(n->name, tk.t[i].w, (size_t)tk.t[i].len + 1);
					n->group = group;
				}
				group++;
			}
		}
		p += len + (e ? 1 : 0);
	}
	qsort(ix->nicks, ix->nnick, sizeof *ix->nicks, cmp_nick);
	ix->ngroups = group;
	ix->group_letters = calloc(group ? group : 1, sizeof *ix->group_letters);
	if (!ix->group_letters)
		return -1;
	for (size_t i = 0; i < ix->nnick; i++) {
		char *l = ix->group_letters[ix->nicks[i].group];
		size_t n = strlen(l);
		if (!strchr(l, ix->nicks[i].name[0]) && n + 1 < sizeof *ix->group_letters)
			l[n] = ix->nicks[i].name[0];
	}
	return 0;
}

/* The nickname groups a folded given name belongs to; how many were written. */
static int nick_groups(const struct names_index *ix, const char *w, uint16_t *out, int max)
{
	size_t lo = 0, hi = ix->nnick;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(ix->nicks[mid].name, w) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int n = 0;
	for (size_t i = lo; i < ix->nnick && n < max && strcmp(ix->nicks[i].name, w) == 0; i++)
		out[n++] = ix->nicks[i].group;
	return n;
}

struct names_index *names_index_new(void)
{
	struct names_index *ix = calloc(1, sizeof *ix);
	if (!ix)
		return NULL;
	if (load_nicknames(ix) < 0 || slots_grow(ix) < 0) {
		names_index_free(ix);
		return NULL;
	}
	return ix;
}

void names_index_free(struct names_index *ix)
{
	if (!ix)
		return;
	free(ix->recs);
	free(ix->arena);
	free(ix->slots);
	free(ix->posts);
	free(ix->nicks);
	free(ix->group_letters);
	free(ix);
}

/* ---------------------------------------------------------------- scoring */

struct rview {
	int ngiven, ncomp;
	const char *given[GIVEN_MAX];
	size_t lgiven[GIVEN_MAX];
	const char *gphon[GIVEN_MAX], *ggroups[GIVEN_MAX], *gletters[GIVEN_MAX];
	struct cview comp[COMP_MAX];
	const char *rest;
};

static const char *next_str(const char **p, size_t *len)
{
	const char *s = *p;
	*len = strlen(s);
	*p = s + *len + 1;
	return s;
}

/* Decode a record's surname readings; its given names wait in v->rest. */
static void rec_view(const struct names_index *ix, const struct rec *r, struct rview *v)
{
	const char *p = ix->arena + r->off;
	v->ncomp = (unsigned char)*p++;
	for (int i = 0; i < v->ncomp; i++) {
		struct cview *c = &v->comp[i];
		size_t dummy;
		c->flags = (unsigned char)*p++;
		c->pcode = next_str(&p, &dummy);
		c->pexact = next_str(&p, &dummy);
		c->core = next_str(&p, &c->lcore);
		c->full = next_str(&p, &c->lfull);
		c->phon = next_str(&p, &c->lphon);
	}
	v->rest = p;
	v->ngiven = -1;
}

static void rec_view_given(struct rview *v)
{
	const char *p = v->rest;
	v->ngiven = (unsigned char)*p++;
	for (int i = 0; i < v->ngiven; i++) {
		size_t dummy;
		v->given[i] = next_str(&p, &v->lgiven[i]);
		v->gphon[i] = next_str(&p, &dummy);
		v->ggroups[i] = next_str(&p, &dummy);
		v->gletters[i] = next_str(&p, &dummy);
	}
}

/* Similarity of two folded names (0..1): equal, same Dutch sound, or a typo or two. */
static double str_sim(const char *a, size_t la, const char *b, size_t lb, const char *pa,
		      size_t lpa, const char *pb, size_t lpb)
{
	if (la == lb && memcmp(a, b, la) == 0)
		return 1.0;
	if (lpa > 0 && lpa == lpb && memcmp(pa, pb, lpa) == 0)
		return 0.93;
	size_t m = zmin(la, lb);
	double s = 0;
	int d = names_distance(a, la, b, lb, 2);
	if (d == 1)
		s = m >= 5 ? 0.88 : m == 4 ? 0.84 : m == 3 ? 0.75 : 0;
	else if (d == 2)
		s = m >= 9 ? 0.82 : m >= 7 ? 0.78 : 0;
	if (s < 0.85 && zmin(lpa, lpb) >= 4 && names_distance(pa, lpa, pb, lpb, 1) == 1)
		s = 0.85;
	return s;
}

/* How much a difference in tussenvoegsel costs: dropped ("Vries" for "de Vries") a little,
 * written otherwise ("van der" for "van den", "v.d.") less, another one more. */
static double prefix_factor(const struct cview *q, const struct cview *r)
{
	bool qe = !q->pcode[0], re = !r->pcode[0];
	if (qe && re)
		return 1.0;
	if (qe || re) {
		/* "Deventer" is not "de Venter" written joined as surely as "Devries" is */
		const struct cview *ne = qe ? r : q;
		return (ne->flags & C_JOINED) ? 0.8 : 0.92;
	}
	if (strcmp(q->pcode, r->pcode) == 0)
		return strcmp(q->pexact, r->pexact) == 0 ? 1.0 : 0.97;
	if (strstr(q->pcode, r->pcode) || strstr(r->pcode, q->pcode))
		return 0.93;
	return 0.85;
}

static double comp_sim(const struct cview *q, const struct cview *r, bool partial)
{
	double pen = (r->flags & C_PART) ? 0.95 : 1.0;
	if (q->lfull == r->lfull && memcmp(q->full, r->full, q->lfull) == 0)
		return pen;
	double best = 0;
	double s = str_sim(q->core, q->lcore, r->core, r->lcore, q->phon, q->lphon, r->phon,
			   r->lphon);
	if (s == 0 && partial && q->lcore >= 3 && q->lcore < r->lcore &&
	    memcmp(q->core, r->core, q->lcore) == 0)
		s = 0.7 + 0.25 * (double)q->lcore / (double)r->lcore;
	if (s > 0)
		best = s * prefix_factor(q, r);
	if (q->pcode[0] || r->pcode[0])
		best = dmax(best, str_sim(q->full, q->lfull, r->full, r->lfull, "", 0, "", 0));
	return best * pen;
}

struct qgiv {
	char w[NAMES_WORD_MAX];
	size_t len;
	char phon[NAMES_WORD_MAX * 2];
	size_t lphon;
	bool abbrev;  /* an initial or "Th." */
	bool partial; /* still being typed */
	char groups[2 * NICK_GROUPS + 1]; /* encoded as in the arena */
	char letters[NAMES_WORD_MAX];
};

/* Whether two encoded nickname group strings share a group. */
static bool groups_meet(const char *a, const char *b)
{
	for (; a[0] && a[1]; a += 2)
		for (const char *c = b; c[0] && c[1]; c += 2)
			if (a[0] == c[0] && a[1] == c[1])
				return true;
	return false;
}

static double given_tok_sim(const struct qgiv *q, const struct rview *rv, int j)
{
	const char *r = rv->given[j];
	size_t lr = rv->lgiven[j];
	if (q->len == 1 || lr == 1) {
		if (q->w[0] == r[0])
			return 0.7;
		/* "K." for Cornelis (Kees), "C." for a visitor who says Kees */
		if (q->len == 1)
			return strchr(rv->gletters[j], q->w[0]) ? 0.6 : 0;
		return strchr(q->letters, r[0]) ? 0.6 : 0;
	}
	if (q->len == lr && memcmp(q->w, r, lr) == 0)
		return 1.0;
	if (q->abbrev)
		return lr > q->len && memcmp(q->w, r, q->len) == 0 ? 0.7 : 0;
	if (q->groups[0] && groups_meet(q->groups, rv->ggroups[j]))
		return 0.95;
	if (strcmp(rv->gphon[j], q->phon) == 0)
		return 0.92;
	size_t m = zmin(q->len, lr);
	int d = names_distance(q->w, q->len, r, lr, 2);
	double s = 0;
	if (d == 1)
		s = m >= 4 ? 0.85 : 0.7;
	else if (d == 2 && m >= 7)
		s = 0.75;
	if (q->partial && q->len >= 2 && q->len < lr && memcmp(q->w, r, q->len) == 0)
		s = dmax(s, 0.75);
	else if (q->len >= 3 && q->len < lr && memcmp(q->w, r, q->len) == 0)
		s = dmax(s, 0.7);
	else if (lr >= 3 && lr < q->len && memcmp(q->w, r, lr) == 0)
		s = dmax(s, 0.75);
	return s;
}

/* Given names (0..1), or -1 when one side has none. Initials alone are weaker evidence. */
static double given_sim(const struct qgiv *const *q, int nq, const struct rview *r)
{
	if (nq == 0 || r->ngiven == 0)
		return -1;
	bool all_initials = true;
	for (int i = 0; i < nq; i++)
		if (q[i]->len != 1)
			all_initials = false;
	if (all_initials) {
		if (q[0]->w[0] == r->given[0][0]) {
			int m = 1;
			while (m < nq && m < r->ngiven && q[m]->w[0] == r->given[m][0])
				m++;
			return m == nq && nq > 1 ? 0.75 : 0.7;
		}
		for (int j = 1; j < r->ngiven; j++)
			if (r->given[j][0] == q[0]->w[0])
				return 0.6;
		return r->lgiven[0] > 1 && strchr(r->gletters[0], q[0]->w[0]) ? 0.6 : 0;
	}
	double best = 0;
	for (int i = 0; i < nq && best < 1.0; i++)
		for (int j = 0; j < r->ngiven && best < 1.0; j++)
			best = dmax(best, given_tok_sim(q[i], r, j));
	return best;
}

/* Dates that differ by one typed digit or by day and month swapped. */
static bool date_near(uint32_t a, uint32_t b)
{
	int diffs = 0;
	uint32_t x = a, y = b;
	for (int i = 0; i < 8; i++, x /= 10, y /= 10)
		diffs += x % 10 != y % 10;
	if (diffs <= 1)
		return true;
	uint32_t ay = a / 10000, am = a / 100 % 100, ad = a % 100;
	return ay == b / 10000 && am == b % 100 && ad == b / 100 % 100;
}

struct hyp {
	struct comp comp[QCOMP_MAX];
	int ncomp;
	int gtok[NAMES_TOK_MAX];
	int ngtok;
	bool partial;
};

struct query {
	const struct names_index *ix;
	struct names_toks tk;
	struct qgiv giv[NAMES_TOK_MAX * 3];
	int gfirst[NAMES_TOK_MAX], gcount[NAMES_TOK_MAX]; /* token -> its qgiv entries */
	struct hyp *hyps;
	int nhyp;
	uint32_t born;
};

static double surname_sim(const struct hyp *h, const struct rview *r)
{
	double m[QCOMP_MAX][COMP_MAX];
	double best = 0;
	for (int i = 0; i < h->ncomp; i++) {
		struct cview q = view_of(&h->comp[i]);
		for (int j = 0; j < r->ncomp; j++) {
			m[i][j] = comp_sim(&q, &r->comp[j], h->partial);
			best = dmax(best, m[i][j]);
		}
	}
	if (h->ncomp < 2)
		return best;
	/* a double name against a double name: both parts must be there, in any order */
	double pair = 0;
	for (int a = 0; a < r->ncomp; a++)
		for (int b = 0; b < r->ncomp; b++)
			if (a != b)
				pair = dmax(pair, (m[0][a] + m[1][b]) / 2);
	return dmax(pair, best * 0.93);
}

/* The score, 0..100: surname likeness (1 equal, .93 same Dutch sound, .88 one typo, × .92
 * for a dropped tussenvoegsel …) times a given-name factor (.55 + .45 × likeness: 1 equal,
 * .95 nickname, .7 initial; .85 when either side has no given names), then +10 for the same
 * date of birth, −20 for another (−12 when one digit or day/month swapped). So:
 *   full name 100 and same date 100 → MATCH; surname alone 85 → POSSIBLE, with the same
 *   date 95 → MATCH; initials 87–89 → POSSIBLE, with the date → MATCH; one typo 88 → POSSIBLE;
 *   same name, other date 80 → POSSIBLE with born_differs; another given name 55 → clear. */
struct verdict {
	int score;
	enum names_verdict v;
	int born_differs;
};

static struct verdict score_one(const struct query *q, const struct hyp *h, const struct rec *rec)
{
	struct verdict out = { 0, NAMES_CLEAR, 0 };
	struct rview r;
	rec_view(q->ix, rec, &r);
	double sur = surname_sim(h, &r);
	bool dates = q->born && rec->born;
	double bonus = dates && q->born == rec->born ? 10 : 0;
	if (100 * sur + bonus < SCORE_POSSIBLE)
		return out;
	const struct qgiv *gv[NAMES_TOK_MAX * 3];
	int ng = 0;
	for (int i = 0; i < h->ngtok; i++)
		for (int j = 0; j < q->gcount[h->gtok[i]]; j++)
			gv[ng++] = &q->giv[q->gfirst[h->gtok[i]] + j];
	rec_view_given(&r);
	double g = given_sim(gv, ng, &r);
	double gfac = g < 0 ? 0.85 : 0.55 + 0.45 * g;
	double s = 100 * sur * gfac;
	if (dates) {
		if (q->born == rec->born) {
			s += 10;
		} else {
			out.born_differs = 1;
			s -= date_near(q->born, rec->born) ? 12 : 20;
		}
	}
	if (s > 100)
		s = 100;
	out.score = s < 0 ? 0 : (int)(s + 0.5);
	if (out.score >= SCORE_MATCH && !out.born_differs)
		out.v = NAMES_MATCH;
	else if (out.score >= SCORE_POSSIBLE)
		out.v = NAMES_POSSIBLE;
	return out;
}

/* ---------------------------------------------------------------- query readings */

static void query_given(struct query *q)
{
	int n = 0;
	for (int i = 0; i < q->tk.n; i++) {
		const struct names_tok *t = &q->tk.t[i];
		q->gfirst[i] = n;
		if (initials_cluster(t)) {
			for (size_t j = 0; j < t->len; j++) {
				struct qgiv *g = &q->giv[n++];
				memset(g, 0, sizeof *g);
				g->w[0] = t->w[j];
				g->len = 1;
				g->abbrev = true;
			}
		} else {
			struct qgiv *g = &q->giv[n++];
			memset(g, 0, sizeof *g);
			memcpy(g->w, t->w, (size_t)t->len + 1);
			g->len = t->len;
			g->abbrev = t->len == 1 || (t->flags & NAMES_TOK_DOT);
			g->partial = i == q->tk.n - 1 && (t->flags & NAMES_TOK_CUT);
			names_phonetic(g->w, g->phon, sizeof g->phon);
			g->lphon = strlen(g->phon);
			given_nick(q->ix, g->w, g->groups, g->letters);
		}
		q->gcount[i] = n - q->gfirst[i];
	}
}

static bool same_hyp(const struct hyp *a, const struct hyp *b)
{
	if (a->ncomp != b->ncomp || a->ngtok != b->ngtok)
		return false;
	for (int i = 0; i < a->ncomp; i++)
		if (strcmp(a->comp[i].pexact, b->comp[i].pexact) != 0 ||
		    strcmp(a->comp[i].core, b->comp[i].core) != 0)
			return false;
	return memcmp(a->gtok, b->gtok, (size_t)a->ngtok * sizeof *a->gtok) == 0;
}

/* Readings of tokens [i, j) as the surname, the other words as given names. */
static void try_span(struct query *q, int i, int j, int region_end)
{
	const struct names_toks *tk = &q->tk;
	if (q->nhyp >= HYP_MAX)
		return;
	/* an initial cannot start a surname, a lone particle letter can (v.d. Berg) */
	if (tk->t[i].len == 1 && !strchr("vdo", tk->t[i].w[0]))
		return;
	for (int x = i; x < j - 1; x++)
		if (tk->t[x].flags & NAMES_TOK_COMMA)
			return;
	/* "de Vries" is read with its particle; "Vries" alone would only repeat that reading */
	if (i > 0 && tk->t[i - 1].len > 1 && names_particle(tk->t[i - 1].w) == NAMES_PART_DUTCH &&
	    !(tk->t[i - 1].flags & (NAMES_TOK_COMMA | NAMES_TOK_HYPHEN)))
		return;
	struct hyp *h = &q->hyps[q->nhyp];
	memset(h, 0, sizeof *h);
	struct wordref g[NAMES_TOK_MAX];
	int ng = 0;
	/* particles at the very end belong to the surname: "Vries, Jan de", "Vries Jan de" */
	struct wordref xp[NAMES_TOK_MAX];
	int nx = 0, tail = tk->n;
	while (tail > j && names_particle(tk->t[tail - 1].w) == NAMES_PART_DUTCH)
		tail--;
	if (tail > j || (region_end < tk->n && tail >= region_end))
		for (int x = tail; x < tk->n; x++)
			xp[nx++] = (struct wordref){ tk->t[x].w, tk->t[x].len };
	else
		tail = tk->n;
	for (int x = i; x < j; x++) {
		const struct names_tok *t = &tk->t[x];
		g[ng++] = (struct wordref){ t->w, t->len };
		if ((t->flags & NAMES_TOK_HYPHEN) || x == j - 1) {
			if (h->ncomp >= QCOMP_MAX)
				return;
			/* inside a name only particles may be one letter */
			int k = 0;
			while (k < ng - 1 && names_particle(g[k].w) != NAMES_PART_NONE)
				k++;
			for (int y = k; y < ng; y++)
				if ((g[y].len < 2 && !(g[y].w[0] == 'o' && y + 1 < ng)) ||
				    (ng - k > 1 && names_particle(g[y].w) != NAMES_PART_NONE))
					return;
			/* parts of a double name are one word each: "Maria Dijk-Jansen" does not
			 * read "Maria Dijk" as a part */
			bool dbl = (t->flags & NAMES_TOK_HYPHEN) || h->ncomp > 0;
			if (dbl && ng - k > 1)
				return;
			int words = comp_from_words(g, ng, h->ncomp == 0 ? xp : NULL,
						    h->ncomp == 0 ? nx : 0, &h->comp[h->ncomp]);
			if (words == 0)
				return;
			h->ncomp++;
			ng = 0;
		}
	}
	/* words hyphenated to the span are the rest of a double name, not given names */
	int lo = i, hi = j;
	while (lo > 0 && (tk->t[lo - 1].flags & NAMES_TOK_HYPHEN))
		lo--;
	while (hi < tk->n && (tk->t[hi - 1].flags & NAMES_TOK_HYPHEN))
		hi++;
	for (int x = 0; x < tail; x++) {
		if (x >= lo && x < hi)
			continue;
		if (names_particle(tk->t[x].w) == NAMES_PART_DUTCH && tk->t[x].len > 1)
			continue;
		h->gtok[h->ngtok++] = x;
	}
	h->partial = j == tk->n && (tk->t[j - 1].flags & NAMES_TOK_CUT);
	for (int x = 0; x < q->nhyp; x++)
		if (same_hyp(&q->hyps[x], h))
			return;
	q->nhyp++;
}

static void make_hyps(struct query *q)
{
	int region_end = q->tk.n;
	for (int i = 0; i < q->tk.n - 1; i++)
		if (q->tk.t[i].flags & NAMES_TOK_COMMA) {
			region_end = i + 1;
			break;
		}
	for (int i = 0; i < region_end; i++)
		for (int j = i + 1; j <= region_end && j - i <= 5; j++)
			try_span(q, i, j, region_end);
}

/* ---------------------------------------------------------------- search */

struct cand {
	uint32_t rec1; /* record number + 1; 0 = free */
	uint16_t hyp1; /* last reading that scored it + 1 */
	uint8_t score, verdict, born_differs;
};

struct candset {
	struct cand *c;
	size_t cap, n;
	size_t scored;
};

static struct cand *cand_get(struct candset *cs, uint32_t rec)
{
	if ((cs->n + 1) * 2 > cs->cap) {
		size_t cap = cs->cap ? cs->cap * 2 : 1024;
		struct cand *c = calloc(cap, sizeof *c);
		if (!c)
			return NULL;
		for (size_t i = 0; i < cs->cap; i++) {
			if (!cs->c[i].rec1)
				continue;
			size_t j = (cs->c[i].rec1 * 2654435761u) & (cap - 1);
			while (c[j].rec1)
				j = (j + 1) & (cap - 1);
			c[j] = cs->c[i];
		}
		free(cs->c);
		cs->c = c;
		cs->cap = cap;
	}
	size_t j = ((rec + 1) * 2654435761u) & (cs->cap - 1);
	while (cs->c[j].rec1 && cs->c[j].rec1 != rec + 1)
		j = (j + 1) & (cs->cap - 1);
	if (!cs->c[j].rec1) {
		cs->c[j].rec1 = rec + 1;
		cs->n++;
	}
	return &cs->c[j];
}

/* Score every record under one blocking key for reading h; -1 on out-of-memory. */
static int visit_key(struct query *q, int h, uint64_t key, struct candset *cs, size_t cap)
{
	const struct slot *s = slot_find(q->ix, key);
	if (!s)
		return 0;
	size_t walked = 0;
	for (uint32_t p = s->head; p != UINT32_MAX && walked < cap; walked++) {
		const struct post *po = &q->ix->posts[p];
		p = po->next;
		if (cs->scored >= SCORED_CAP)
			return 0;
		struct cand *c = cand_get(cs, po->rec);
		if (!c)
			return -1;
		if (c->hyp1 == h + 1)
			continue;
		c->hyp1 = (uint16_t)(h + 1);
		cs->scored++;
		struct verdict v = score_one(q, &q->hyps[h], &q->ix->recs[po->rec]);
		if (v.v != NAMES_CLEAR &&
		    (v.score > c->score || (v.score == c->score && (int)v.v > c->verdict))) {
			c->score = (uint8_t)v.score;
			c->verdict = (uint8_t)v.v;
			c->born_differs = (uint8_t)v.born_differs;
		}
	}
	return 0;
}

static int cmp_hit(const void *a, const void *b)
{
	const struct names_hit *x = a, *y = b;
	if (x->verdict != y->verdict)
		return (int)y->verdict - (int)x->verdict;
	if (x->score != y->score)
		return y->score - x->score;
	return x->id < y->id ? -1 : x->id > y->id;
}

size_t names_index_search(const struct names_index *ix, const char *query, const char *born,
			  struct names_hit *hits, size_t max)
{
	if (!ix || !query || !hits || max == 0 || ix->nrec == 0)
		return 0;
	struct query *q = calloc(1, sizeof *q);
	if (!q)
		return 0;
	q->ix = ix;
	size_t nout = 0;
	struct candset cs = { NULL, 0, 0, 0 };
	struct names_hit *all = NULL;
	if (names_tokenize(query, &q->tk) < 0 || q->tk.n == 0)
		goto done;
	q->born = names_date(born);
	if (!q->born)
		q->born = q->tk.date;
	q->hyps = calloc(HYP_MAX, sizeof *q->hyps);
	if (!q->hyps)
		goto done;
	query_given(q);
	make_hyps(q);
	/* a name still being typed is looked up by its beginning, but only when no reading of
	 * the query found a surname as it stands ("Schuurs Wil" is Schuurs, not Wil…) */
	int partial_h[HYP_MAX];
	int npartial = 0;
	bool exact_elsewhere = false;
	for (int h = 0; h < q->nhyp; h++) {
		bool partial_missing = false;
		for (int c = 0; c < q->hyps[h].ncomp; c++) {
			const struct comp *cp = &q->hyps[h].comp[c];
			uint64_t keys[KEYS_MAX];
			size_t nk = 0;
			query_keys(cp->phon, cp->lphon, keys, &nk);
			if (cp->flags & C_JOINED)
				query_keys(cp->fphon, strlen(cp->fphon), keys, &nk);
			transposed_keys(cp->core, cp->lcore, keys, &nk);
			bool exact = slot_find(ix, keys[0]) != NULL;
			bool last = q->hyps[h].partial && c == q->hyps[h].ncomp - 1;
			if (exact && !last)
				exact_elsewhere = true;
			if (!exact && last && cp->lcore >= 3)
				partial_missing = true;
			for (size_t k = 0; k < nk; k++)
				if (visit_key(q, h, keys[k], &cs, POSTINGS_CAP) < 0)
					goto done;
		}
		if (partial_missing)
			partial_h[npartial++] = h;
	}
	for (int i = 0; i < npartial && !exact_elsewhere; i++) {
		const struct hyp *hp = &q->hyps[partial_h[i]];
		const struct comp *cp = &hp->comp[hp->ncomp - 1];
		uint64_t key = hash_key('X', cp->core, cp->lcore >= 5 ? 5 : 3);
		if (visit_key(q, partial_h[i], key, &cs, PREFIX_CAP) < 0)
			goto done;
	}
	all = malloc((cs.n + 1) * sizeof *all);
	if (!all)
		goto done;
	size_t n = 0;
	for (size_t i = 0; i < cs.cap; i++) {
		const struct cand *c = &cs.c[i];
		if (!c->rec1 || c->verdict == NAMES_CLEAR)
			continue;
		all[n++] = (struct names_hit){ ix->recs[c->rec1 - 1].id, c->score,
					       (enum names_verdict)c->verdict, c->born_differs };
	}
	qsort(all, n, sizeof *all, cmp_hit);
	nout = zmin(n, max);
	memcpy(hits, all, nout * sizeof *hits);
done:
	free(all);
	free(cs.c);
	free(q->hyps);
	free(q);
	return nout;
}

/* ---------------------------------------------------------------- one reading for display */

int names_parse(const char *text, struct names_parsed *out)
{
	if (!out)
		return -1;
	memset(out, 0, sizeof *out);
	struct names_toks tk;
	if (!text || names_tokenize(text, &tk) < 0 || tk.n == 0)
		return -1;
	int comma = -1;
	for (int i = 0; i < tk.n - 1; i++)
		if (tk.t[i].flags & NAMES_TOK_COMMA) {
			comma = i;
			break;
		}
	int s, e; /* the surname span [s, e) */
	if (comma >= 0) {
		s = 0;
		e = comma + 1;
	} else {
		e = tk.n;
		while (e > 1 && names_particle(tk.t[e - 1].w) == NAMES_PART_DUTCH)
			e--;
		s = e - 1;
		while (s > 0 && (tk.t[s - 1].flags & NAMES_TOK_HYPHEN))
			s--;
		/* the tussenvoegsel before it, never the first word (that is a given name) */
		while (s > 1 && names_particle(tk.t[s - 1].w) != NAMES_PART_NONE)
			s--;
		if (s == 1 && names_particle(tk.t[0].w) == NAMES_PART_DUTCH)
			s = 0;
	}
	struct wordref xp[NAMES_TOK_MAX], g[NAMES_TOK_MAX];
	int nx = 0;
	for (int i = e; i < tk.n; i++)
		if (names_particle(tk.t[i].w) == NAMES_PART_DUTCH &&
		    (comma >= 0 || i >= e))
			xp[nx++] = (struct wordref){ tk.t[i].w, tk.t[i].len };
	int ng = 0, ncomp = 0;
	for (int i = s; i < e; i++) {
		g[ng++] = (struct wordref){ tk.t[i].w, tk.t[i].len };
		if (!(tk.t[i].flags & NAMES_TOK_HYPHEN) && i < e - 1)
			continue;
		struct comp c;
		if (comp_from_words(g, ng, ncomp == 0 ? xp : NULL, ncomp == 0 ? nx : 0, &c) > 0) {
			if (ncomp > 0)
				append(out->surname, sizeof out->surname, "-");
			append(out->surname, sizeof out->surname, c.core);
			if (ncomp == 0)
				append(out->prefix, sizeof out->prefix, c.pexact);
			ncomp++;
		}
		ng = 0;
	}
	for (int i = 0; i < tk.n; i++) {
		if (i >= s && i < e)
			continue;
		if (names_particle(tk.t[i].w) == NAMES_PART_DUTCH && tk.t[i].len > 1)
			continue;
		if (out->given[0])
			append(out->given, sizeof out->given, " ");
		append(out->given, sizeof out->given, tk.t[i].w);
	}
	return ncomp > 0 ? 0 : -1;
}
