/* names_read — readings of names: a person's surname fields as comps (tussenvoegsel, core,
 * phonetic key; double names, partner names, words of a multi-word name), and every
 * plausible reading of free text typed at the desk (which words are the surname). */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/names_internal.h"

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

bool names_initials_cluster(const struct names_tok *t)
{
	return t->len >= 2 && t->len <= 3 && !has_vowel(t->w, t->len) &&
	       names_particle(t->w) == NAMES_PART_NONE;
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

static void add_particle(struct names_comp *c, const char *w)
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
static void add_joined_particles(struct names_comp *c, const char *s, size_t p)
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
static void set_full(struct names_comp *c)
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
			   struct names_comp *c)
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
			c->flags |= NAMES_C_JOINED;
		}
	}
	c->lcore = (unsigned char)l;
	set_full(c);
	names_phonetic(c->core, c->phon, sizeof c->phon);
	c->lphon = (unsigned char)strlen(c->phon);
	if (c->flags & NAMES_C_JOINED)
		names_phonetic(c->full, c->fphon, sizeof c->fphon);
	return n - k;
}

struct names_cview names_view_of(const struct names_comp *c)
{
	struct names_cview v = { c->flags, c->pcode, c->pexact, c->core, c->full, c->phon,
				 c->lcore, c->lfull, c->lphon };
	return v;
}

/* ---------------------------------------------------------------- records */

void names_name_comps(const char *prefix, const char *surname, struct names_comp *out, int *nc)
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
		int words = *nc < NAMES_COMP_MAX ? comp_from_words(g, ng, NULL, 0, &out[*nc]) : 0;
		if (words > 0) {
			(*nc)++;
			ngroups++;
			/* "Lopes Cardozo": the visitor may give one word of it */
			for (int j = ng - words; words > 1 && j < ng && *nc < NAMES_COMP_MAX; j++) {
				if (g[j].len < 3)
					continue;
				if (comp_from_words(&g[j], 1, NULL, 0, &out[*nc]) > 0) {
					out[*nc].flags |= NAMES_C_PART;
					(*nc)++;
				}
			}
		}
		ng = 0;
	}
	if (ngroups >= 2 && *nc < NAMES_COMP_MAX) {
		/* "Dijk-Jansen" typed as "Dijk Jansen" or "Dijkjansen" */
		struct names_comp *w = &out[*nc];
		*w = out[first];
		for (int i = first + 1; i < *nc; i++) {
			if (out[i].flags & NAMES_C_PART)
				continue;
			append(w->core, sizeof w->core, out[i].core);
		}
		w->lcore = (unsigned char)strlen(w->core);
		w->flags = NAMES_C_WHOLE;
		w->fphon[0] = '\0';
		set_full(w);
		names_phonetic(w->core, w->phon, sizeof w->phon);
		w->lphon = (unsigned char)strlen(w->phon);
		(*nc)++;
	}
}

/* ---------------------------------------------------------------- query readings */

static void query_given(struct names_query_text *q)
{
	int n = 0;
	for (int i = 0; i < q->tk.n; i++) {
		const struct names_tok *t = &q->tk.t[i];
		q->gfirst[i] = n;
		if (names_initials_cluster(t)) {
			for (size_t j = 0; j < t->len; j++) {
				struct names_qgiv *g = &q->giv[n++];
				memset(g, 0, sizeof *g);
				g->w[0] = t->w[j];
				g->len = 1;
				g->abbrev = true;
			}
		} else {
			struct names_qgiv *g = &q->giv[n++];
			memset(g, 0, sizeof *g);
			memcpy(g->w, t->w, (size_t)t->len + 1);
			g->len = t->len;
			g->abbrev = t->len == 1 || (t->flags & NAMES_TOK_DOT);
			g->partial = i == q->tk.n - 1 && (t->flags & NAMES_TOK_CUT);
			names_phonetic(g->w, g->phon, sizeof g->phon);
			g->lphon = strlen(g->phon);
			names_given_nick(g->w, g->groups, g->letters);
		}
		q->gcount[i] = n - q->gfirst[i];
	}
}

static bool same_hyp(const struct names_hyp *a, const struct names_hyp *b)
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
static void try_span(struct names_query_text *q, int i, int j, int region_end)
{
	const struct names_toks *tk = &q->tk;
	if (q->nhyp >= NAMES_HYP_MAX)
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
	struct names_hyp *h = &q->hyps[q->nhyp];
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
			if (h->ncomp >= NAMES_QCOMP_MAX)
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

void names_read_query(struct names_query_text *q)
{
	query_given(q);
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
		struct names_comp c;
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
