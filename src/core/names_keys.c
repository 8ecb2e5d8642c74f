/* names_keys — the matcher's side of the stored index: the keys and packed record of a
 * banned person, and a query's probes (which keys to look up) and scoring of what was found. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/names.h"
#include "core/names_internal.h"

/* A core, a phonetic key and a probe's text fit one another's buffers. */
_Static_assert(NAMES_CORE_MAX <= NAMES_KEY_LEN, "a core must fit a key");

/* ---------------------------------------------------------------- records */

/* YYYYMMDD (a valid date from names_date) as "YYYY-MM-DD". */
static void date_text(uint32_t d, char out[11])
{
	static const char fmt[] = "0000-00-00";
	static const int pos[8] = { 9, 8, 6, 5, 3, 2, 1, 0 };
	memcpy(out, fmt, sizeof fmt);
	for (int i = 0; i < 8; i++, d /= 10)
		out[pos[i]] = (char)('0' + d % 10);
}

struct packer {
	unsigned char *p;
	size_t len, cap;
	bool full;
};

static void put(struct packer *w, const void *src, size_t n)
{
	if (w->full || w->len + n > w->cap) {
		w->full = true;
		return;
	}
	memcpy(w->p + w->len, src, n);
	w->len += n;
}

static void put_str(struct packer *w, const char *s)
{
	put(w, s, strlen(s) + 1);
}

static void put_byte(struct packer *w, unsigned v)
{
	unsigned char b = (unsigned char)v;
	put(w, &b, 1);
}

static bool has_key(const struct names_keys *k, const char *key)
{
	for (int i = 0; i < k->nkeys; i++)
		if (strcmp(k->key[i], key) == 0)
			return true;
	return false;
}

static void add_key(struct names_keys *k, const char *key)
{
	if (*key && k->nkeys < NAMES_KEYS_MAX && !has_key(k, key))
		snprintf(k->key[k->nkeys++], NAMES_KEY_LEN, "%s", key);
}

static void add_core(struct names_keys *k, const struct names_comp *c)
{
	if (c->lcore < 3 || !c->phon[0] || k->ncores >= NAMES_KEYS_MAX)
		return;
	for (int i = 0; i < k->ncores; i++)
		if (strcmp(k->core[i], c->core) == 0 && strcmp(k->core_key[i], c->phon) == 0)
			return;
	snprintf(k->core[k->ncores], NAMES_KEY_LEN, "%s", c->core);
	snprintf(k->core_key[k->ncores++], NAMES_KEY_LEN, "%s", c->phon);
}

int names_keys_make(const struct names_record *r, struct names_keys *out)
{
	memset(out, 0, offsetof(struct names_keys, data));
	out->len = 0;
	if (!r)
		return -1;
	struct names_comp comps[NAMES_COMP_MAX];
	int nc = 0;
	names_name_comps(r->prefix, r->surname, comps, &nc);
	names_name_comps(r->partner_prefix, r->partner_surname, comps, &nc);
	if (nc == 0)
		return -1;

	struct names_toks gt;
	if (names_tokenize(r->given_names, &gt) < 0)
		gt.n = 0;
	char given[NAMES_GIVEN_MAX][NAMES_WORD_MAX];
	int ngiven = 0;
	for (int i = 0; i < gt.n && ngiven < NAMES_GIVEN_MAX; i++) {
		if (names_initials_cluster(&gt.t[i])) {
			for (size_t j = 0; j < gt.t[i].len && ngiven < NAMES_GIVEN_MAX; j++) {
				given[ngiven][0] = gt.t[i].w[j];
				given[ngiven++][1] = '\0';
			}
		} else {
			memcpy(given[ngiven++], gt.t[i].w, (size_t)gt.t[i].len + 1);
		}
	}
	uint32_t born = names_date(r->born);

	/* The packed record: surname readings first, then the given names. The buffer holds
	 * the largest record the limits above allow. */
	struct packer w = { out->data, 0, sizeof out->data, false };
	unsigned char head[6] = { NAMES_PACK_VERSION, (unsigned char)born,
				  (unsigned char)(born >> 8), (unsigned char)(born >> 16),
				  (unsigned char)(born >> 24), (unsigned char)nc };
	put(&w, head, sizeof head);
	for (int i = 0; i < nc; i++) {
		put_byte(&w, comps[i].flags);
		put_str(&w, comps[i].pcode);
		put_str(&w, comps[i].pexact);
		put_str(&w, comps[i].core);
		put_str(&w, comps[i].full);
		put_str(&w, comps[i].phon);
	}
	put_byte(&w, (unsigned)ngiven);
	for (int i = 0; i < ngiven; i++) {
		char ph[NAMES_WORD_MAX * 2], gr[2 * NAMES_NICK_GROUPS + 1], letters[NAMES_WORD_MAX];
		names_phonetic(given[i], ph, sizeof ph);
		names_given_nick(given[i], gr, letters);
		put_str(&w, given[i]);
		put_str(&w, ph);
		put_str(&w, gr);
		put_str(&w, letters);
	}
	if (w.full)
		return -1; /* cannot happen within the limits: refuse rather than cut */
	out->len = w.len;

	for (int i = 0; i < nc; i++) {
		add_key(out, comps[i].phon);
		if (comps[i].flags & NAMES_C_JOINED)
			add_key(out, comps[i].fphon);
		add_core(out, &comps[i]);
	}
	return out->nkeys > 0 ? 0 : -1;
}

int names_key_variants(const char *key, char (*out)[NAMES_KEY_LEN], int max)
{
	size_t l = key ? strlen(key) : 0;
	if (l == 0 || l >= NAMES_KEY_LEN || max < 1)
		return 0;
	int n = 0;
	memcpy(out[n++], key, l + 1);
	if (l < 4 || l > 24)
		return n;
	for (size_t i = 0; i < l && n < max; i++) {
		/* deleting either of two equal neighbours gives the same variant */
		if (i > 0 && key[i] == key[i - 1])
			continue;
		memcpy(out[n], key, i);
		memcpy(out[n] + i, key + i + 1, l - i);
		n++;
	}
	return n;
}

const char *names_keys_version(void)
{
	static char v[32];
	snprintf(v, sizeof v, "%d.%08x", NAMES_PACK_VERSION, (unsigned)names_nick_hash());
	return v;
}

/* ---------------------------------------------------------------- queries */

struct names_query {
	struct names_query_text t;
	struct names_probe *probes;
	size_t nprobes, cap;
	struct names_probe prefix[NAMES_HYP_MAX];
	size_t nprefix;
	bool found[NAMES_HYP_MAX][NAMES_QCOMP_MAX]; /* the comp's own key is stored */
	char born[11];
};

/* Add a probe, or the readings to an equal one. -1 on out-of-memory. */
static int add_probe(struct names_query *q, const char *text, int hyp)
{
	uint64_t bit = (uint64_t)1 << hyp;
	for (size_t i = 0; i < q->nprobes; i++)
		if (strcmp(q->probes[i].text, text) == 0) {
			q->probes[i].readings |= bit;
			return 0;
		}
	if (!grow_array(&q->probes, &q->cap, q->nprobes + 1, sizeof *q->probes, 64))
		return -1;
	struct names_probe *p = &q->probes[q->nprobes++];
	p->kind = NAMES_PROBE_VARIANT;
	snprintf(p->text, sizeof p->text, "%s", text);
	p->readings = bit;
	return 0;
}

static int add_variants(struct names_query *q, const char *key, int hyp)
{
	char v[NAMES_KEY_LEN + 1][NAMES_KEY_LEN];
	int n = names_key_variants(key, v, NAMES_KEY_LEN + 1);
	for (int i = 0; i < n; i++)
		if (add_probe(q, v[i], hyp) < 0)
			return -1;
	return 0;
}

/* The sounds of the name with two neighbouring letters swapped, since a swap can change the
 * phonetic key by more than one symbol ("Vires": FIReS, "Vries": FRIS). */
static int add_transposed(struct names_query *q, const struct names_comp *c, int hyp)
{
	if (c->lcore < 4)
		return 0;
	char buf[NAMES_CORE_MAX], ph[NAMES_CORE_MAX];
	for (size_t i = 0; i + 1 < c->lcore; i++) {
		if (c->core[i] == c->core[i + 1])
			continue;
		memcpy(buf, c->core, (size_t)c->lcore + 1);
		buf[i] = c->core[i + 1];
		buf[i + 1] = c->core[i];
		names_phonetic(buf, ph, sizeof ph);
		if (ph[0] && add_probe(q, ph, hyp) < 0)
			return -1;
	}
	return 0;
}

struct names_query *names_query_new(const char *text, const char *born)
{
	struct names_query *q = calloc(1, sizeof *q);
	if (!q)
		return NULL;
	if (!text || names_tokenize(text, &q->t.tk) < 0 || q->t.tk.n == 0) {
		memset(&q->t.tk, 0, sizeof q->t.tk);
		return q; /* nothing to look up */
	}
	q->t.born = names_date(born);
	if (!q->t.born)
		q->t.born = q->t.tk.date;
	if (q->t.born)
		date_text(q->t.born, q->born);
	names_read_query(&q->t);
	for (int h = 0; h < q->t.nhyp; h++)
		for (int c = 0; c < q->t.hyps[h].ncomp; c++) {
			const struct names_comp *cp = &q->t.hyps[h].comp[c];
			if (add_variants(q, cp->phon, h) < 0 ||
			    ((cp->flags & NAMES_C_JOINED) && add_variants(q, cp->fphon, h) < 0) ||
			    add_transposed(q, cp, h) < 0) {
				names_query_free(q);
				return NULL;
			}
		}
	return q;
}

void names_query_free(struct names_query *q)
{
	if (!q)
		return;
	free(q->probes);
	free(q);
}

const struct names_probe *names_query_probes(const struct names_query *q, size_t *n)
{
	*n = q ? q->nprobes : 0;
	return q ? q->probes : NULL;
}

void names_query_found(struct names_query *q, const char *key)
{
	if (!q || !key)
		return;
	for (int h = 0; h < q->t.nhyp; h++)
		for (int c = 0; c < q->t.hyps[h].ncomp; c++)
			if (strcmp(q->t.hyps[h].comp[c].phon, key) == 0)
				q->found[h][c] = true;
}

const struct names_probe *names_query_prefix_probes(struct names_query *q, size_t *n)
{
	*n = 0;
	if (!q)
		return NULL;
	q->nprefix = 0;
	/* a name still being typed is looked up by its beginning, but only when no reading of
	 * the query found a surname as it stands ("Schuurs Wil" is Schuurs, not Wil…) */
	for (int h = 0; h < q->t.nhyp; h++) {
		const struct names_hyp *hp = &q->t.hyps[h];
		for (int c = 0; c < hp->ncomp; c++) {
			bool last = hp->partial && c == hp->ncomp - 1;
			if (q->found[h][c] && !last)
				return q->prefix;
		}
	}
	for (int h = 0; h < q->t.nhyp; h++) {
		const struct names_hyp *hp = &q->t.hyps[h];
		int c = hp->ncomp - 1;
		if (!hp->partial || c < 0 || q->found[h][c] || hp->comp[c].lcore < 3)
			continue;
		size_t l = hp->comp[c].lcore >= 5 ? 5 : 3, i;
		for (i = 0; i < q->nprefix; i++)
			if (strncmp(q->prefix[i].text, hp->comp[c].core, l) == 0 &&
			    q->prefix[i].text[l] == '\0')
				break;
		if (i == q->nprefix) {
			q->prefix[i].kind = NAMES_PROBE_PREFIX;
			/* the first five letters (three of a shorter name): a typo further on
			 * still finds the name */
			memcpy(q->prefix[i].text, hp->comp[c].core, l);
			q->prefix[i].text[l] = '\0';
			q->prefix[i].readings = 0;
			q->nprefix++;
		}
		q->prefix[i].readings |= (uint64_t)1 << h;
	}
	*n = q->nprefix;
	return q->prefix;
}

const char *names_query_born(const struct names_query *q)
{
	return q ? q->born : "";
}

uint64_t names_query_all_readings(const struct names_query *q)
{
	if (!q || q->t.nhyp == 0)
		return 0;
	return q->t.nhyp >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << q->t.nhyp) - 1;
}

int names_query_score(const struct names_query *q, uint64_t readings, const void *data,
		      size_t len, struct names_score *out)
{
	memset(out, 0, sizeof *out);
	struct names_rview r;
	if (!q || names_rview_decode(data, len, &r) != 0)
		return -1;
	for (int h = 0; h < q->t.nhyp; h++) {
		if (!(readings & ((uint64_t)1 << h)))
			continue;
		struct names_verdict_score v = names_score_one(&q->t, &q->t.hyps[h], &r);
		if (v.v != NAMES_CLEAR && (v.score > out->score ||
					   (v.score == out->score && v.v > out->verdict))) {
			out->score = v.score;
			out->verdict = v.v;
			out->born_differs = v.born_differs != 0;
		}
	}
	return 0;
}
