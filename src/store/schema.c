/* schema — the database's schema: the migrations embedded from data/schema.sql, applied by
 * PRAGMA user_version in one transaction, the data derived from it (name keys, change
 * triggers), and the meta table of settings. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "store/bans_internal.h"
#include "store/changes.h"
#include "store/internal.h"

/* Generated from data/schema.sql by tools/embed.sh. */
extern const char store_schema_sql[];

#define MIGRATION_MAX 64

static const char *migration_marker = "-- migration ";

/* Split the embedded schema into its migration blocks once; index 1..count. */
static struct {
	int count;
	char *sql[MIGRATION_MAX + 1];
} migrations;

static int migrations_load(void)
{
	if (migrations.count > 0)
		return 0;
	const char *p = store_schema_sql;
	const char *block = NULL;
	int n = 0;
	while (p && *p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > strlen(migration_marker) &&
		    strncmp(p, migration_marker, strlen(migration_marker)) == 0) {
			int num = atoi(p + strlen(migration_marker));
			if (num != n + 1 || num > MIGRATION_MAX)
				return -1; /* blocks must be numbered 1, 2, 3 ... */
			if (block) {
				migrations.sql[n] = strndup(block, (size_t)(p - block));
				if (!migrations.sql[n])
					return -1;
			}
			n = num;
			block = eol ? eol + 1 : p + len;
		}
		p = eol ? eol + 1 : NULL;
	}
	if (block) {
		migrations.sql[n] = strdup(block);
		if (!migrations.sql[n])
			return -1;
	}
	migrations.count = n;
	return n > 0 ? 0 : -1;
}

int store_schema_latest(void)
{
	if (migrations_load() != 0)
		return 0;
	return migrations.count;
}

const char *store_migration_sql(int n)
{
	if (migrations_load() != 0 || n < 1 || n > migrations.count)
		return NULL;
	return migrations.sql[n];
}

int store_schema_version(struct store *st)
{
	long long v = -1;
	if (store_pragma_int(st->db, "PRAGMA user_version", &v) != 0)
		return -1;
	return (int)v;
}

/* Whether what the program derives from the data matches this program: the name keys
 * (their version) and the change-counter triggers (the list of domains). */
bool store_derived_current(struct store *st)
{
	char v[1024];
	if (store_meta_get(st, "names.keys", v, sizeof v) != STORE_OK ||
	    strcmp(v, names_keys_version()) != 0)
		return false;
	return store_meta_get(st, "change.domains", v, sizeof v) == STORE_OK &&
	       strcmp(v, store_changes_signature()) == 0;
}

/* Make the derived data anew where it is out of date, inside the caller's transaction;
 * after a migration (migrated) the change-counter triggers always, as a migration may have
 * rebuilt a table and with it lost them. */
static enum store_status derive(struct store *st, bool migrated)
{
	char v[1024];
	enum store_status s = store_meta_get(st, "names.keys", v, sizeof v);
	if (s != STORE_OK && s != STORE_NOT_FOUND)
		return s;
	if (s == STORE_NOT_FOUND || strcmp(v, names_keys_version()) != 0) {
		if ((s = bans_keys_rebuild(st)) != STORE_OK ||
		    (s = store_meta_put(st, "names.keys", names_keys_version(), false)) != STORE_OK)
			return s;
	}
	s = store_meta_get(st, "change.domains", v, sizeof v);
	if (s != STORE_OK && s != STORE_NOT_FOUND)
		return s;
	if (migrated || s == STORE_NOT_FOUND || strcmp(v, store_changes_signature()) != 0) {
		if ((s = store_changes_install(st)) != STORE_OK ||
		    (s = store_meta_put(st, "change.domains", store_changes_signature(), false)) !=
			    STORE_OK)
			return s;
	}
	return STORE_OK;
}

/* A schema version this program cannot work with, as a message; NULL when it can. */
const char *store_schema_problem(long long version, int latest, char *out, size_t outsz)
{
	if (version < 0 || version > INT32_MAX)
		snprintf(out, outsz, _("the schema version (PRAGMA user_version) is %lld, which balie "
				       "never writes: the file was changed by another program; restore "
				       "the newest good backup: balie restore FILE"), version);
	else if (version > latest)
		snprintf(out, outsz, _("the database has schema version %d, newer than this program "
				       "knows (%d); upgrade balie"), (int)version, latest);
	else
		return NULL;
	return out;
}

/* Bring the schema from its current version to the latest, all in one transaction,
 * so a crash or a second process never sees half a migration. An up-to-date database is
 * only read (no write lock): opening must stay cheap for every command. */
enum store_status store_migrate(struct store *st)
{
	int latest = store_schema_latest();
	if (latest <= 0)
		return store_failf(st, STORE_ERROR, "%s", _("the built-in schema is damaged"));
	if (store_schema_version(st) == latest && store_derived_current(st))
		return STORE_OK;
	enum store_status s = store_begin(st);
	if (s != STORE_OK)
		return s;
	/* Read again under the write lock: another process may have done it meanwhile. */
	long long v64 = -1;
	char why[512];
	if (store_pragma_int(st->db, "PRAGMA user_version", &v64) != 0) {
		s = store_fail(st, _("reading the schema version"));
		goto fail;
	}
	if (store_schema_problem(v64, latest, why, sizeof why)) {
		s = store_failf(st, STORE_ERROR, "%s", why);
		goto fail;
	}
	int version = (int)v64;
	if (version == 0) {
		long long tables = 0;
		if (store_pragma_int(st->db, "SELECT count(*) FROM sqlite_schema", &tables) != 0) {
			s = store_fail(st, _("reading the schema"));
			goto fail;
		}
		if (tables > 0) {
			s = store_failf(st, STORE_ERROR, "%s",
					_("this is an SQLite file, but not a balie database"));
			goto fail;
		}
	}
	for (int v = version + 1; v <= latest; v++) {
		char what[64];
		snprintf(what, sizeof what, _("migration %d"), v);
		s = store_exec(st, store_migration_sql(v), what);
		if (s != STORE_OK)
			goto fail;
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
		s = store_exec(st, pragma, what);
		if (s != STORE_OK)
			goto fail;
	}
	if ((s = derive(st, version < latest)) != STORE_OK)
		goto fail;
	if (version < latest) {
		char detail[64];
		snprintf(detail, sizeof detail, "%d -> %d", version, latest);
		s = store_audit_write(st, "schema.migrate", "database", "ok", detail);
		if (s != STORE_OK)
			goto fail;
	}
	return store_commit(st);
fail:
	store_rollback(st);
	return s;
}

enum store_status store_meta_get(struct store *st, const char *key, char *out, size_t outsz)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
	if (outsz > 0)
		*out = '\0';
	struct store_text_out t = { out, outsz };
	return store_row(st, sql, _("reading the settings"), store_first_text, &t,
			 STORE_TEXT(key));
}

enum store_status store_meta_put(struct store *st, const char *key, const char *value,
				 bool keep_existing)
{
	static const char replace_sql[] = "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)";
	static const char keep_sql[] = "INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)";
	return store_run(st, keep_existing ? keep_sql : replace_sql, _("saving the settings"),
			 STORE_TEXT(key), STORE_TEXT(value));
}

enum store_status store_set_creator(struct store *st, const char *user)
{
	enum store_status r = store_begin(st);
	if (r != STORE_OK)
		return r;
	r = store_meta_put(st, "creator", user, true);
	return store_finish(st, r, "database.create", "database", "ok", user);
}

enum store_status store_creator(struct store *st, char *out, size_t outsz)
{
	return store_meta_get(st, "creator", out, outsz);
}
