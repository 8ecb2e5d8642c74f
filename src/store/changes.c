/* changes — the per-domain change counters: the triggers that bump them (made from the list
 * in changes.h, inside the migration transaction) and reading them. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/changes.h"
#include "store/internal.h"

static const struct {
	const char *name, *tables;
} domains[STORE_CHANGE_COUNT] = {
#define STORE_CHANGE_ROW(id, name, tables) { name, tables },
	STORE_CHANGE_DOMAINS(STORE_CHANGE_ROW)
#undef STORE_CHANGE_ROW
};

const char *store_change_name(enum store_change d)
{
	return (unsigned)d < STORE_CHANGE_COUNT ? domains[d].name : "?";
}

const char *store_changes_signature(void)
{
	static char sig[1024];
	if (!sig[0]) {
		size_t len = 0;
		for (int i = 0; i < STORE_CHANGE_COUNT; i++) {
			int n = snprintf(sig + len, sizeof sig - len, "%s=%s;", domains[i].name,
					 domains[i].tables);
			if (n < 0 || (size_t)n >= sizeof sig - len)
				break;
			len += (size_t)n;
		}
	}
	return sig;
}

/* The three triggers of one table (those of ops, "iud"), made anew. */
static enum store_status install_table(struct store *st, const char *domain, const char *table,
				       size_t tlen, const char *ops)
{
	static const struct {
		char op;
		const char *event;
	} events[] = { { 'i', "INSERT" }, { 'u', "UPDATE" }, { 'd', "DELETE" } };
	for (size_t i = 0; i < sizeof events / sizeof *events; i++) {
		char sql[512];
		int n = snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS change_%.*s_%c;", (int)tlen,
				 table, events[i].op);
		if (strchr(ops, events[i].op))
			n = snprintf(sql + n, sizeof sql - (size_t)n,
				     "CREATE TRIGGER change_%.*s_%c AFTER %s ON %.*s BEGIN"
				     " UPDATE change_counter SET n = n + 1 WHERE domain = '%s'; END;",
				     (int)tlen, table, events[i].op, events[i].event, (int)tlen,
				     table, domain);
		if (n < 0)
			return store_failf(st, STORE_ERROR, "%s", _("change counters"));
		enum store_status r = store_exec(st, sql, _("change counters"));
		if (r != STORE_OK)
			return r;
	}
	return STORE_OK;
}

enum store_status store_changes_install(struct store *st)
{
	static const char row_sql[] =
		"INSERT OR IGNORE INTO change_counter (domain, n) VALUES (?1, 0)";
	for (int d = 0; d < STORE_CHANGE_COUNT; d++) {
		sqlite3_stmt *s = store_stmt(st, row_sql);
		if (!s)
			return STORE_ERROR;
		if (store_bind_text(s, 1, domains[d].name)) {
			store_done(s);
			return store_fail(st, _("change counters"));
		}
		enum store_status r = store_step_done(st, s, _("change counters"));
		if (r != STORE_OK)
			return r;
		/* "ban ban_exception person:ud": tables apart by spaces, ops after a colon */
		for (const char *p = domains[d].tables; *p;) {
			size_t len = strcspn(p, " ");
			size_t tlen = strcspn(p, ": ");
			if (tlen > len)
				tlen = len;
			char ops[8] = "iud";
			if (tlen < len)
				snprintf(ops, sizeof ops, "%.*s", (int)(len - tlen - 1), p + tlen + 1);
			if (tlen > 0 && (r = install_table(st, domains[d].name, p, tlen, ops)) != STORE_OK)
				return r;
			p += len;
			while (*p == ' ')
				p++;
		}
	}
	return STORE_OK;
}

enum store_status store_change_counters(struct store *st, uint64_t *out, size_t n)
{
	static const char sql[] = "SELECT domain, n FROM change_counter";
	if (n > STORE_CHANGE_COUNT)
		n = STORE_CHANGE_COUNT;
	memset(out, 0, n * sizeof *out);
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return STORE_ERROR;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(s, 0);
		for (size_t d = 0; name && d < n; d++)
			if (strcmp((const char *)name, domains[d].name) == 0)
				out[d] = (uint64_t)sqlite3_column_int64(s, 1);
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, _("reading the change counters"));
	return STORE_OK;
}

unsigned store_change_mask(const uint64_t *before, const uint64_t *after, size_t n)
{
	unsigned m = 0;
	for (size_t d = 0; d < n && d < STORE_CHANGE_COUNT; d++)
		if (before[d] != after[d])
			m |= 1u << d;
	return m;
}

enum store_status store_changes_bump(struct store *st, enum store_change d, uint64_t by)
{
	static const char sql[] = "UPDATE change_counter SET n = n + ?2 WHERE domain = ?1";
	if ((unsigned)d >= STORE_CHANGE_COUNT)
		return store_failf(st, STORE_INVALID, _("%s: unknown value"), "domain");
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return STORE_ERROR;
	if (store_bind_text(s, 1, domains[d].name) || store_bind_int(s, 2, (int64_t)by)) {
		store_done(s);
		return store_fail(st, _("change counters"));
	}
	return store_step_done(st, s, _("change counters"));
}
