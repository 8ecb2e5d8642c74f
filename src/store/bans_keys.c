/* bans_keys — the name matcher's keys of every person (core/names.h) in the tables name_key,
 * name_variant and name_core, written in the transaction that writes the person; batches
 * (an import, a rebuild after an upgrade) are sorted by key first, so that SQLite fills its
 * pages in order instead of all over the file. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans_internal.h"
#include "store/internal.h"

#define BLOCK_SIZE (1u << 20) /* arena blocks: strings and records never move */
#define FLUSH_PERSONS 200000  /* a rebuild writes in batches of this many persons */
#define BIG_BATCH 20000       /* rows from which the page cache is enlarged for the batch */
#define BIG_CACHE_KB 262144   /* ... to this (SQLite gives it back when the batch is done) */

struct key_row {
	const char *key;
	const unsigned char *data;
	int64_t person_id;
	unsigned len;
};

struct core_row {
	const char *core, *key;
};

struct bans_keys {
	char **blocks;
	size_t nblocks, used; /* bytes used in the last block */
	struct key_row *rows;
	size_t nrows, caprows;
	struct core_row *cores;
	size_t ncores, capcores;
	struct names_keys scratch;
};

struct bans_keys *bans_keys_new(void)
{
	return calloc(1, sizeof(struct bans_keys));
}

static void batch_empty(struct bans_keys *k)
{
	for (size_t i = 0; i < k->nblocks; i++)
		free(k->blocks[i]);
	free(k->blocks);
	k->blocks = NULL;
	k->nblocks = 0;
	k->used = 0;
	k->nrows = 0;
	k->ncores = 0;
}

void bans_keys_free(struct bans_keys *k)
{
	if (!k)
		return;
	batch_empty(k);
	free(k->rows);
	free(k->cores);
	free(k);
}

static void *arena_copy(struct bans_keys *k, const void *src, size_t n)
{
	if (n > BLOCK_SIZE)
		return NULL;
	if (k->nblocks == 0 || k->used + n > BLOCK_SIZE) {
		char **b = realloc(k->blocks, (k->nblocks + 1) * sizeof *b);
		if (!b)
			return NULL;
		k->blocks = b;
		if (!(b[k->nblocks] = malloc(BLOCK_SIZE)))
			return NULL;
		k->nblocks++;
		k->used = 0;
	}
	char *p = k->blocks[k->nblocks - 1] + k->used;
	memcpy(p, src, n);
	k->used += n;
	return p;
}

static const char *arena_str(struct bans_keys *k, const char *s)
{
	return arena_copy(k, s, strlen(s) + 1);
}

int bans_keys_add(struct bans_keys *k, int64_t person_id, const struct names_record *r)
{
	struct names_keys *nk = &k->scratch;
	if (names_keys_make(r, nk) != 0)
		return 0; /* no surname that can be read: nothing to find it by */
	if (!grow_array(&k->rows, &k->caprows, k->nrows + (size_t)nk->nkeys, sizeof *k->rows,
			16) ||
	    !grow_array(&k->cores, &k->capcores, k->ncores + (size_t)nk->ncores,
			sizeof *k->cores, 16))
		return -1;
	const unsigned char *data = arena_copy(k, nk->data, nk->len);
	if (!data)
		return -1;
	for (int i = 0; i < nk->nkeys; i++) {
		const char *key = arena_str(k, nk->key[i]);
		if (!key)
			return -1;
		k->rows[k->nrows++] = (struct key_row){ key, data, person_id, (unsigned)nk->len };
	}
	for (int i = 0; i < nk->ncores; i++) {
		const char *core = arena_str(k, nk->core[i]), *key = arena_str(k, nk->core_key[i]);
		if (!core || !key)
			return -1;
		k->cores[k->ncores++] = (struct core_row){ core, key };
	}
	return 0;
}

static int cmp_row(const void *a, const void *b)
{
	const struct key_row *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

static int cmp_core(const void *a, const void *b)
{
	const struct core_row *x = a, *y = b;
	int c = strcmp(x->core, y->core);
	return c ? c : strcmp(x->key, y->key);
}

static const char key_insert_sql[] =
	"INSERT INTO name_key (key, person_id, data) VALUES (?1, ?2, ?3)";
static const char variant_insert_sql[] =
	"INSERT OR IGNORE INTO name_variant (variant, key) VALUES (?1, ?2)";
static const char core_insert_sql[] =
	"INSERT OR IGNORE INTO name_core (core, key) VALUES (?1, ?2)";

/* One row of a two-text-column INSERT; *added tells whether a row went in. */
static enum store_status insert_pair(struct store *st, const char *sql, const char *a,
				     const char *b, bool *added)
{
	enum store_status r =
		store_run(st, sql, _("saving the name keys"), STORE_TEXT(a), STORE_TEXT(b));
	if (added)
		*added = r == STORE_OK && sqlite3_changes(st->db) > 0;
	return r;
}

/* A key new to the database goes in under its variants; a known one has them already. */
static enum store_status write_variants(struct store *st, const char *key)
{
	bool added = false;
	enum store_status r = insert_pair(st, variant_insert_sql, key, key, &added);
	if (r != STORE_OK || !added)
		return r;
	char v[NAMES_KEY_LEN + 1][NAMES_KEY_LEN];
	int n = names_key_variants(key, v, NAMES_KEY_LEN + 1);
	for (int i = 1; i < n && r == STORE_OK; i++)
		r = insert_pair(st, variant_insert_sql, v[i], key, NULL);
	return r;
}

static enum store_status write_rows(struct store *st, struct bans_keys *k)
{
	enum store_status r = STORE_OK;
	for (size_t i = 0; i < k->nrows && r == STORE_OK; i++) {
		const struct key_row *w = &k->rows[i];
		sqlite3_stmt *s = store_stmt(st, key_insert_sql);
		if (!s)
			return STORE_ERROR;
		if (store_bind_ref(s, 1, w->key) || store_bind_int(s, 2, w->person_id) ||
		    sqlite3_bind_blob(s, 3, w->data, (int)w->len, SQLITE_STATIC) != SQLITE_OK) {
			store_done(s);
			return store_fail(st, _("saving the name keys"));
		}
		r = store_step_done(st, s, _("saving the name keys"));
		if (r == STORE_OK && (i == 0 || strcmp(w->key, k->rows[i - 1].key) != 0))
			r = write_variants(st, w->key);
	}
	for (size_t i = 0; i < k->ncores && r == STORE_OK; i++) {
		if (i > 0 && cmp_core(&k->cores[i], &k->cores[i - 1]) == 0)
			continue;
		r = insert_pair(st, core_insert_sql, k->cores[i].core, k->cores[i].key, NULL);
	}
	return r;
}

bool bans_cache_grow(struct store *st, long long *saved)
{
	sqlite3_stmt *s = NULL;
	*saved = 0;
	if (sqlite3_prepare_v2(st->db, "PRAGMA cache_size", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return false;
	}
	*saved = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (*saved < 0 && -*saved >= BIG_CACHE_KB)
		return false; /* big already (a batch inside an import) */
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", BIG_CACHE_KB);
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

void bans_cache_restore(struct store *st, long long saved)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", saved);
	(void)sqlite3_exec(st->db, sql, NULL, NULL, NULL); /* only a size: slower, not wrong */
}

enum store_status bans_keys_flush(struct store *st, struct bans_keys *k)
{
	if (k->nrows > 1)
		qsort(k->rows, k->nrows, sizeof *k->rows, cmp_row);
	if (k->ncores > 1)
		qsort(k->cores, k->ncores, sizeof *k->cores, cmp_core);
	/* The index of the persons is filled in random order: with the default cache of 2 MB
	 * every row would spill a page to the WAL. */
	long long cache = 0;
	bool big = k->nrows >= BIG_BATCH && bans_cache_grow(st, &cache);
	enum store_status r = write_rows(st, k);
	if (big)
		bans_cache_restore(st, cache);
	batch_empty(k);
	return r;
}

enum store_status bans_keys_forget(struct store *st, int64_t person_id)
{
	static const char sql[] = "DELETE FROM name_key WHERE person_id = ?1";
	return store_run(st, sql, _("saving the name keys"), STORE_INT(person_id));
}

enum store_status bans_keys_person(struct store *st, int64_t person_id,
				   const struct names_record *r, bool replace)
{
	enum store_status s = replace ? bans_keys_forget(st, person_id) : STORE_OK;
	if (s != STORE_OK)
		return s;
	struct bans_keys *k = bans_keys_new();
	if (!k)
		return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	if (bans_keys_add(k, person_id, r) != 0)
		s = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	else
		s = bans_keys_flush(st, k);
	bans_keys_free(k);
	return s;
}

enum store_status bans_keys_rebuild(struct store *st)
{
	static const char *const clear[] = {
		"DELETE FROM name_key", "DELETE FROM name_variant", "DELETE FROM name_core"
	};
	static const char persons_sql[] =
		"SELECT id, given_names, prefix, surname, partner_prefix, partner_surname, born"
		" FROM person";
	enum store_status r = STORE_OK;
	for (size_t i = 0; i < sizeof clear / sizeof *clear && r == STORE_OK; i++)
		r = store_exec(st, clear[i], _("saving the name keys"));
	if (r != STORE_OK)
		return r;
	struct bans_keys *k = bans_keys_new();
	if (!k)
		return store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
	/* A statement of its own: the cached ones are used by the flush while this one reads. */
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, persons_sql, -1, &s, NULL) != SQLITE_OK) {
		bans_keys_free(k);
		return store_fail(st, _("saving the name keys"));
	}
	size_t batch = 0;
	int rc = SQLITE_DONE;
	while (r == STORE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct names_record rec = {
			.given_names = bans_col_str(s, 1), .prefix = bans_col_str(s, 2),
			.surname = bans_col_str(s, 3), .partner_prefix = bans_col_str(s, 4),
			.partner_surname = bans_col_str(s, 5), .born = bans_col_str(s, 6),
		};
		if (bans_keys_add(k, sqlite3_column_int64(s, 0), &rec) != 0)
			r = store_failf(st, STORE_ERROR, "%s", strerror(ENOMEM));
		else if (++batch == FLUSH_PERSONS) {
			r = bans_keys_flush(st, k);
			batch = 0;
		}
	}
	if (r == STORE_OK && rc != SQLITE_DONE)
		r = store_fail(st, _("saving the name keys"));
	sqlite3_finalize(s);
	if (r == STORE_OK)
		r = bans_keys_flush(st, k);
	bans_keys_free(k);
	return r;
}
