/* bans_check — the visitor check against the bans in force: the query's probes (core/names.h)
 * become indexed lookups of the name keys, the records found are scored in C, and only the
 * bans of the candidates are read. The cost follows the query, not the size of the list. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans.h"
#include "store/bans_internal.h"
#include "store/internal.h"

/* Work caps per query, so that a short or very common query ("de", "jansen") at a million
 * bans still answers within a key press; they only bite on hopelessly unspecific queries. */
#define POSTINGS_CAP 20000 /* records read under one key */
#define PREFIX_CAP 4000    /* records read for names still being typed: a sample is enough */
#define CORES_CAP 500      /* surname cores read for one beginning */
#define SCORED_CAP 40000   /* records scored for one query */

static const char variant_sql[] = "SELECT key FROM name_variant WHERE variant = ?1";
static const char core_sql[] =
	"SELECT DISTINCT key FROM name_core WHERE core >= ?1 AND core < ?2 LIMIT ?3";
static const char key_sql[] = "SELECT person_id, data FROM name_key WHERE key = ?1 LIMIT ?2";
/* Through the index person_born ("p.born <> ''" lets SQLite use that partial index); a
 * person comes once per key, and is scored once. */
static const char born_sql[] =
	"SELECT k.person_id, k.data FROM person p JOIN name_key k ON k.person_id = p.id"
	" WHERE p.born = ?1 AND p.born <> ''";
static const char bans_sql[] =
	BAN_SELECT " WHERE b.person_id = ?1 AND b.status = 'active' AND b.lifted_at = ''"
	" AND b.starts <= ?2 AND b.ends >= ?2 ORDER BY b.id";

struct key_entry {
	char key[NAMES_KEY_LEN];
	uint64_t readings;
	bool prefix_only;  /* found only for a name still being typed */
};

struct cand {
	int64_t person_id;
	uint64_t scored;   /* readings it was scored under */
	struct names_score best;
	bool used;
};

struct check {
	struct store *st;
	struct names_query *q;
	struct key_entry *keys;
	size_t nkeys, capkeys;
	struct cand *c;     /* open addressing by person id */
	size_t cap, n, scored;
	size_t prefix_budget;
};

static enum store_status oom(struct store *st)
{
	return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
}

static int add_key(struct check *ck, const char *key, uint64_t readings, bool prefix)
{
	if (!grow_array(&ck->keys, &ck->capkeys, ck->nkeys + 1, sizeof *ck->keys, 64))
		return -1;
	struct key_entry *e = &ck->keys[ck->nkeys++];
	snprintf(e->key, sizeof e->key, "%s", key);
	e->readings = readings;
	e->prefix_only = prefix;
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(((const struct key_entry *)a)->key, ((const struct key_entry *)b)->key);
}

/* Sort the keys and merge equal ones (their readings together). */
static void merge_keys(struct check *ck)
{
	if (ck->nkeys < 2)
		return;
	qsort(ck->keys, ck->nkeys, sizeof *ck->keys, cmp_key);
	size_t o = 0;
	for (size_t i = 1; i < ck->nkeys; i++) {
		if (strcmp(ck->keys[i].key, ck->keys[o].key) == 0) {
			ck->keys[o].readings |= ck->keys[i].readings;
			ck->keys[o].prefix_only = ck->keys[o].prefix_only && ck->keys[i].prefix_only;
		} else {
			ck->keys[++o] = ck->keys[i];
		}
	}
	ck->nkeys = o + 1;
}

static struct cand *cand_get(struct check *ck, int64_t person_id)
{
	if ((ck->n + 1) * 2 > ck->cap) {
		size_t cap = ck->cap ? ck->cap * 2 : 1024;
		struct cand *c = calloc(cap, sizeof *c);
		if (!c)
			return NULL;
		for (size_t i = 0; i < ck->cap; i++) {
			if (!ck->c[i].used)
				continue;
			size_t j = ((uint64_t)ck->c[i].person_id * 0x9E3779B97F4A7C15ULL) >> 20 & (cap - 1);
			while (c[j].used)
				j = (j + 1) & (cap - 1);
			c[j] = ck->c[i];
		}
		free(ck->c);
		ck->c = c;
		ck->cap = cap;
	}
	size_t j = ((uint64_t)person_id * 0x9E3779B97F4A7C15ULL) >> 20 & (ck->cap - 1);
	while (ck->c[j].used && ck->c[j].person_id != person_id)
		j = (j + 1) & (ck->cap - 1);
	if (!ck->c[j].used) {
		ck->c[j].used = true;
		ck->c[j].person_id = person_id;
		ck->n++;
	}
	return &ck->c[j];
}

/* Score the records of a bound statement (person_id, data) under readings, reading at most
 * cap of them (*read counts them). */
static enum store_status score_rows(struct check *ck, sqlite3_stmt *s, uint64_t readings,
				    const char *what, size_t *read)
{
	enum store_status r = STORE_OK;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (read)
			(*read)++;
		if (ck->scored >= SCORED_CAP)
			break;
		struct cand *c = cand_get(ck, sqlite3_column_int64(s, 0));
		if (!c) {
			r = oom(ck->st);
			break;
		}
		uint64_t todo = readings & ~c->scored;
		if (!todo)
			continue;
		c->scored |= todo;
		ck->scored++;
		struct names_score sc;
		const void *data = sqlite3_column_blob(s, 1);
		int len = sqlite3_column_bytes(s, 1);
		if (names_query_score(ck->q, todo, data, (size_t)len, &sc) != 0) {
			r = store_failf(ck->st, STORE_ERROR, "%s",
					_("the name keys are damaged or of another version; "
					  "run: balie init"));
			break;
		}
		if (sc.verdict != NAMES_CLEAR &&
		    (sc.score > c->best.score ||
		     (sc.score == c->best.score && sc.verdict > c->best.verdict)))
			c->best = sc;
	}
	if (r == STORE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(ck->st, what);
	store_done(s);
	return r;
}

/* The keys under which the variant probes are found; a probe found as a key of its own tells
 * the query that a reading's surname is there as it stands. */
static enum store_status probe_variants(struct check *ck)
{
	size_t n;
	const struct names_probe *p = names_query_probes(ck->q, &n);
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = store_stmt(ck->st, variant_sql);
		if (!s)
			return STORE_ERROR;
		if (store_bind_text(s, 1, p[i].text)) {
			store_done(s);
			return store_fail(ck->st, _("checking the visitor"));
		}
		int rc;
		bool found = false;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const char *key = bans_col_str(s, 0);
			found = found || strcmp(key, p[i].text) == 0;
			if (add_key(ck, key, p[i].readings, false) != 0) {
				store_done(s);
				return oom(ck->st);
			}
		}
		store_done(s);
		if (rc != SQLITE_DONE)
			return store_fail(ck->st, _("checking the visitor"));
		if (found)
			names_query_found(ck->q, p[i].text);
	}
	return STORE_OK;
}

/* The keys of surname cores beginning as a name still being typed. */
static enum store_status probe_prefixes(struct check *ck)
{
	size_t n;
	const struct names_probe *p = names_query_prefix_probes(ck->q, &n);
	for (size_t i = 0; i < n; i++) {
		char upper[NAMES_KEY_LEN];
		size_t len = strlen(p[i].text);
		if (len == 0 || (unsigned char)p[i].text[len - 1] == 0xff)
			continue;
		memcpy(upper, p[i].text, len + 1);
		upper[len - 1] = (char)((unsigned char)upper[len - 1] + 1);
		sqlite3_stmt *s = store_stmt(ck->st, core_sql);
		if (!s)
			return STORE_ERROR;
		if (store_bind_text(s, 1, p[i].text) || store_bind_text(s, 2, upper) ||
		    store_bind_int(s, 3, CORES_CAP)) {
			store_done(s);
			return store_fail(ck->st, _("checking the visitor"));
		}
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			if (add_key(ck, bans_col_str(s, 0), p[i].readings, true) != 0) {
				store_done(s);
				return oom(ck->st);
			}
		store_done(s);
		if (rc != SQLITE_DONE)
			return store_fail(ck->st, _("checking the visitor"));
	}
	return STORE_OK;
}

static enum store_status score_keys(struct check *ck)
{
	enum store_status r = STORE_OK;
	ck->prefix_budget = PREFIX_CAP;
	for (size_t i = 0; i < ck->nkeys && r == STORE_OK && ck->scored < SCORED_CAP; i++) {
		const struct key_entry *k = &ck->keys[i];
		size_t cap = k->prefix_only ? ck->prefix_budget : POSTINGS_CAP;
		if (cap == 0)
			continue;
		sqlite3_stmt *s = store_stmt(ck->st, key_sql);
		if (!s)
			return STORE_ERROR;
		if (store_bind_text(s, 1, k->key) || store_bind_int(s, 2, (int64_t)cap)) {
			store_done(s);
			return store_fail(ck->st, _("checking the visitor"));
		}
		size_t read = 0;
		r = score_rows(ck, s, k->readings, _("checking the visitor"), &read);
		if (k->prefix_only)
			ck->prefix_budget -= read < ck->prefix_budget ? read : ck->prefix_budget;
	}
	return r;
}

/* Everyone born on the query's date: an exact date allows a looser surname. */
static enum store_status score_born(struct check *ck)
{
	const char *born = names_query_born(ck->q);
	if (!*born || ck->scored >= SCORED_CAP)
		return STORE_OK;
	sqlite3_stmt *s = store_stmt(ck->st, born_sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, born)) {
		store_done(s);
		return store_fail(ck->st, _("checking the visitor"));
	}
	return score_rows(ck, s, names_query_all_readings(ck->q), _("checking the visitor"),
			  NULL);
}

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	return names_rank(&x->best, x->person_id, &y->best, y->person_id);
}

/* The bans in force of the candidates, best candidate first, until max hits. */
static enum store_status read_bans(struct check *ck, const char *today, struct ban_hit *out,
				   size_t max, size_t *n)
{
	size_t m = 0;
	for (size_t i = 0; i < ck->cap; i++)
		if (ck->c[i].used && ck->c[i].best.verdict != NAMES_CLEAR)
			ck->c[m++] = ck->c[i];
	if (m > 1)
		qsort(ck->c, m, sizeof *ck->c, cmp_cand);
	for (size_t i = 0; i < m && *n < max; i++) {
		sqlite3_stmt *s = store_stmt(ck->st, bans_sql);
		if (!s)
			return STORE_ERROR;
		if (store_bind_int(s, 1, ck->c[i].person_id) || store_bind_text(s, 2, today)) {
			store_done(s);
			return store_fail(ck->st, _("checking the visitor"));
		}
		int rc = SQLITE_DONE;
		while (*n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct ban_hit *h = &out[*n];
			memset(h, 0, sizeof *h);
			if (bans_from_row(s, &h->ban) != 0) {
				store_done(s);
				return oom(ck->st);
			}
			h->score = ck->c[i].best.score;
			h->verdict = ck->c[i].best.verdict;
			h->born_differs = ck->c[i].best.born_differs;
			(*n)++;
		}
		store_done(s);
		if (*n < max && rc != SQLITE_DONE)
			return store_fail(ck->st, _("checking the visitor"));
	}
	return STORE_OK;
}

enum store_status store_ban_check(struct store *st, const char *query, const char *born,
				  const char *today, struct ban_hit *out, size_t max, size_t *n)
{
	*n = 0;
	enum store_status r = bans_check_date(st, "today", today, false);
	if (r != STORE_OK)
		return r;
	if (!out || max == 0 || !query)
		return STORE_OK;
	struct check ck = { .st = st };
	if (!(ck.q = names_query_new(query, born)))
		return oom(st);
	/* One read transaction: the keys and the bans belong to one moment. */
	bool own = sqlite3_get_autocommit(st->db) != 0;
	if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		names_query_free(ck.q);
		return store_fail(st, _("checking the visitor"));
	}
	if ((r = probe_variants(&ck)) == STORE_OK && (r = probe_prefixes(&ck)) == STORE_OK) {
		merge_keys(&ck);
		if ((r = score_keys(&ck)) == STORE_OK && (r = score_born(&ck)) == STORE_OK)
			r = read_bans(&ck, today, out, max, n);
	}
	if (own)
		(void)sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL); /* read only */
	if (r != STORE_OK) {
		store_ban_hits_clear(out, *n);
		*n = 0;
	}
	free(ck.keys);
	free(ck.c);
	names_query_free(ck.q);
	return r;
}

void store_ban_hits_clear(struct ban_hit *hits, size_t n)
{
	for (size_t i = 0; hits && i < n; i++)
		store_ban_clear(&hits[i].ban);
}
