/* names_score — how alike a stored record and one reading of a query are: surname (equal,
 * same Dutch sound, typos, tussenvoegsel written otherwise), given names (nicknames,
 * initials), date of birth; and the looser surname allowed when the date of birth is exact. */
#include "autoconfig.h"

#include <stdbool.h>
#include <string.h>

#include "core/names.h"
#include "core/names_internal.h"

#define SCORE_MATCH 90
#define SCORE_POSSIBLE 70
#define SCORE_LOOSE 75 /* the looser surname with an exact date of birth: ask for ID */

static double dmax(double a, double b)
{
	return a > b ? a : b;
}

static size_t zmin(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* ---------------------------------------------------------------- the packed record */

/* The next NUL-terminated string of [*p, end); NULL when there is none. */
static const char *next_str(const unsigned char **p, const unsigned char *end, size_t *len)
{
	if (*p >= end)
		return NULL;
	const unsigned char *z = memchr(*p, '\0', (size_t)(end - *p));
	if (!z)
		return NULL;
	const char *s = (const char *)*p;
	*len = (size_t)(z - *p);
	*p = z + 1;
	return s;
}

int names_rview_decode(const unsigned char *p, size_t len, struct names_rview *v)
{
	const unsigned char *end = p + len;
	size_t dummy;
	memset(v, 0, sizeof *v);
	if (!p || len < 7 || p[0] != NAMES_PACK_VERSION)
		return -1;
	v->born = (uint32_t)p[1] | (uint32_t)p[2] << 8 | (uint32_t)p[3] << 16 |
		  (uint32_t)p[4] << 24;
	v->ncomp = p[5];
	p += 6;
	if (v->ncomp > NAMES_COMP_MAX)
		return -1;
	for (int i = 0; i < v->ncomp; i++) {
		struct names_cview *c = &v->comp[i];
		if (p >= end)
			return -1;
		c->flags = *p++;
		if (!(c->pcode = next_str(&p, end, &dummy)) ||
		    !(c->pexact = next_str(&p, end, &dummy)) ||
		    !(c->core = next_str(&p, end, &c->lcore)) ||
		    !(c->full = next_str(&p, end, &c->lfull)) ||
		    !(c->phon = next_str(&p, end, &c->lphon)))
			return -1;
	}
	if (p >= end)
		return -1;
	v->ngiven = *p++;
	if (v->ngiven > NAMES_GIVEN_MAX)
		return -1;
	for (int i = 0; i < v->ngiven; i++)
		if (!(v->given[i] = next_str(&p, end, &v->lgiven[i])) ||
		    !(v->gphon[i] = next_str(&p, end, &dummy)) ||
		    !(v->ggroups[i] = next_str(&p, end, &dummy)) ||
		    !(v->gletters[i] = next_str(&p, end, &dummy)))
			return -1;
	return p == end ? 0 : -1;
}

/* ---------------------------------------------------------------- surnames */

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
static double prefix_factor(const struct names_cview *q, const struct names_cview *r)
{
	bool qe = !q->pcode[0], re = !r->pcode[0];
	if (qe && re)
		return 1.0;
	if (qe || re) {
		/* "Deventer" is not "de Venter" written joined as surely as "Devries" is */
		const struct names_cview *ne = qe ? r : q;
		return (ne->flags & NAMES_C_JOINED) ? 0.8 : 0.92;
	}
	if (strcmp(q->pcode, r->pcode) == 0)
		return strcmp(q->pexact, r->pexact) == 0 ? 1.0 : 0.97;
	if (strstr(q->pcode, r->pcode) || strstr(r->pcode, q->pcode))
		return 0.93;
	return 0.85;
}

static double comp_sim(const struct names_cview *q, const struct names_cview *r, bool partial)
{
	double pen = (r->flags & NAMES_C_PART) ? 0.95 : 1.0;
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

static double surname_sim(const struct names_hyp *h, const struct names_rview *r)
{
	double m[NAMES_QCOMP_MAX][NAMES_COMP_MAX];
	double best = 0;
	for (int i = 0; i < h->ncomp; i++) {
		struct names_cview q = names_view_of(&h->comp[i]);
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

/* ---------------------------------------------------------------- the looser surname */

/* Particles that may stand fused to the front of a surname in one spelling and apart in
 * the other; "ver" is the contraction of "van der" (Verhoeven, van der Hoeven). Longest
 * first, so that "der" wins over "de". */
static const char *const fusable[] = {
	"abdel", "abdul", "della", "abou", "van", "von", "ver", "der", "den", "ter", "ten",
	"das", "dos", "del", "abu", "abd", "bou", "ben", "bin", "ibn", "ait", "de", "te",
	"op", "da", "do", "di", "du", "la", "le", "el", "al"
};

/* s without the particles fused to its front, keeping at least four letters. */
static size_t strip_fused(const char *s, size_t len)
{
	size_t p = 0;
	for (;;) {
		size_t step = names_leading_word(s + p, len - p, fusable,
						 sizeof fusable / sizeof *fusable, 4);
		if (!step)
			return p;
		p += step;
	}
}

bool names_surname_loose(const char *a, size_t la, const char *b, size_t lb)
{
	if (la < 3 || lb < 3)
		return false;
	size_t lcp = 0;
	while (lcp < la && lcp < lb && a[lcp] == b[lcp])
		lcp++;
	/* the same stem with an ending of up to three letters added, cut or changed */
	if (lcp >= 4 && la - lcp <= 3 && lb - lcp <= 3)
		return true;
	/* a letter or two dropped, doubled or changed */
	return zmin(la, lb) >= 4 && names_distance(a, la, b, lb, 2) <= 2;
}

/* The forms a surname is compared in under the looser rule: as written joined, without its
 * tussenvoegsel, and without any particle fused to its front. */
static int loose_forms(const struct names_cview *c, const char *f[3], size_t l[3])
{
	int n = 0;
	f[n] = c->full;
	l[n++] = c->lfull;
	f[n] = c->core;
	l[n++] = c->lcore;
	size_t p = strip_fused(c->full, c->lfull);
	if (p) {
		f[n] = c->full + p;
		l[n++] = c->lfull - p;
	}
	return n;
}

static bool surname_loose(const struct names_hyp *h, const struct names_rview *r)
{
	for (int i = 0; i < h->ncomp; i++) {
		struct names_cview q = names_view_of(&h->comp[i]);
		const char *qf[3], *rf[3];
		size_t ql[3], rl[3];
		int nq = loose_forms(&q, qf, ql);
		for (int j = 0; j < r->ncomp; j++) {
			int nr = loose_forms(&r->comp[j], rf, rl);
			for (int a = 0; a < nq; a++)
				for (int b = 0; b < nr; b++)
					if (names_surname_loose(qf[a], ql[a], rf[b], rl[b]))
						return true;
		}
	}
	return false;
}

/* ---------------------------------------------------------------- given names */

/* Whether two encoded nickname group strings share a group. */
static bool groups_meet(const char *a, const char *b)
{
	for (; a[0] && a[1]; a += 2)
		for (const char *c = b; c[0] && c[1]; c += 2)
			if (a[0] == c[0] && a[1] == c[1])
				return true;
	return false;
}

static double given_tok_sim(const struct names_qgiv *q, const struct names_rview *rv, int j)
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
static double given_sim(const struct names_qgiv *const *q, int nq, const struct names_rview *r)
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

/* The looser rule's given names: the same initial, a nickname of each other (or its
 * initial), or one contained in the other ("Rik" in "Hendrik"). */
static bool given_compatible(const struct names_qgiv *const *q, int nq,
			     const struct names_rview *r)
{
	for (int i = 0; i < nq; i++)
		for (int j = 0; j < r->ngiven; j++) {
			const char *w = r->given[j];
			size_t lr = r->lgiven[j];
			if (q[i]->w[0] == w[0])
				return true;
			if (q[i]->groups[0] && groups_meet(q[i]->groups, r->ggroups[j]))
				return true;
			if ((q[i]->len == 1 && strchr(r->gletters[j], q[i]->w[0])) ||
			    (lr == 1 && strchr(q[i]->letters, w[0])))
				return true;
			if (q[i]->len >= 3 && lr >= 3 &&
			    (strstr(w, q[i]->w) || strstr(q[i]->w, w)))
				return true;
		}
	return false;
}

/* ---------------------------------------------------------------- the verdict */

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

/* The score, 0..100: surname likeness (1 equal, .93 same Dutch sound, .88 one typo, × .92
 * for a dropped tussenvoegsel …) times a given-name factor (.55 + .45 × likeness: 1 equal,
 * .95 nickname, .7 initial; .85 when either side has no given names), then +10 for the same
 * date of birth, −20 for another (−12 when one digit or day/month swapped). So:
 *   full name 100 and same date 100 → MATCH; surname alone 85 → POSSIBLE, with the same
 *   date 95 → MATCH; initials 87–89 → POSSIBLE, with the date → MATCH; one typo 88 → POSSIBLE;
 *   same name, other date 80 → POSSIBLE with born_differs; another given name 55 → clear.
 * With the same date and a compatible given name a looser surname is at least POSSIBLE
 * (names_surname_loose); another date never makes a MATCH. */
struct names_verdict_score names_score_one(const struct names_query_text *q,
					   const struct names_hyp *h,
					   const struct names_rview *r)
{
	struct names_verdict_score out = { 0, NAMES_CLEAR, 0 };
	double sur = surname_sim(h, r);
	bool dates = q->born && r->born;
	bool same_date = dates && q->born == r->born;
	double bonus = same_date ? 10 : 0;
	const struct names_qgiv *gv[NAMES_TOK_MAX * 3];
	int ng = 0;
	for (int i = 0; i < h->ngtok; i++)
		for (int j = 0; j < q->gcount[h->gtok[i]]; j++)
			gv[ng++] = &q->giv[q->gfirst[h->gtok[i]] + j];
	if (100 * sur + bonus >= SCORE_POSSIBLE) {
		double g = given_sim(gv, ng, r);
		double gfac = g < 0 ? 0.85 : 0.55 + 0.45 * g;
		double s = 100 * sur * gfac;
		if (dates) {
			if (same_date) {
				s += 10;
			} else {
				out.born_differs = 1;
				s -= date_near(q->born, r->born) ? 12 : 20;
			}
		}
		if (s > 100)
			s = 100;
		out.score = s < 0 ? 0 : (int)(s + 0.5);
		if (out.score >= SCORE_MATCH && !out.born_differs)
			out.v = NAMES_MATCH;
		else if (out.score >= SCORE_POSSIBLE)
			out.v = NAMES_POSSIBLE;
	}
	if (same_date && out.v == NAMES_CLEAR && ng > 0 && r->ngiven > 0 &&
	    given_compatible(gv, ng, r) && surname_loose(h, r)) {
		out.v = NAMES_POSSIBLE;
		out.score = SCORE_LOOSE;
	}
	return out;
}

int names_rank(const struct names_score *a, int64_t a_id, const struct names_score *b,
	       int64_t b_id)
{
	if (a->verdict != b->verdict)
		return (int)b->verdict - (int)a->verdict;
	if (a->score != b->score)
		return b->score - a->score;
	return (a_id > b_id) - (a_id < b_id);
}
