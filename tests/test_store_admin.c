/* test_store_admin — issue 7 in the store: the audit hash chain and its verification, the
 * creator, retention (purge, daily purge), backup and restore, the subject access export. */
#include "autoconfig.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/lib.h"
#include "store/internal.h"
#include "tests.h"

static char path[4096];
static struct store *st;

static void setup(void)
{
	testutil_store_setup(&st, path, sizeof path, NULL);
}

/* Run SQL on a second, raw connection: what an operator with sqlite3 could do. */
static void raw(const char *sql)
{
	testutil_sql(path, sql);
}

static long long scalar(const char *sql)
{
	return testutil_scalar(st, sql);
}

/* n visitor checks in the audit trail: lines to chain, verify and cut. */
static void visitor_checks(int n)
{
	for (int i = 0; i < n; i++)
		ck_assert_int_eq(store_audit(st, "visitor.check", "Jan", "0", "q"), STORE_OK);
}

/* n visitor checks, then the check of the whole trail, which finds it intact. */
static struct audit_verify intact_trail(int n)
{
	visitor_checks(n);
	struct audit_verify v;
	ck_assert_int_eq(store_audit_verify(st, &v), STORE_OK);
	ck_assert_msg(v.first_bad == 0, "line %lld is bad: %s", (long long)v.first_bad, v.why);
	return v;
}

static void add_ban(const char *surname, const char *starts, const char *ends, int64_t *id)
{
	struct ban_new b = testutil_ban("Jan", "de", surname, "1980-02-29", starts, ends);
	b.letter_sent = NULL; /* no letter sent yet: a draft */
	ck_assert_msg(store_ban_insert(st, &b, id) == STORE_OK, "%s", store_error(st));
}

/* After a restore of a copy holding one ban: the trail is intact and a second ban is written. */
static void works_after_restore(void)
{
	(void)intact_trail(0);
	add_ban("Bakker", "2026-01-01", "2027-01-01", NULL);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 2);
}

static void audit_at(const char *when, const char *action)
{
	setenv("BALIE_NOW", when, 1);
	ck_assert_int_eq(store_audit(st, action, "x", "ok", ""), STORE_OK);
	unsetenv("BALIE_NOW");
}

/* ---------------------------------------------------------------- audit chain */

TEST(test_store_admin__audit_rejects_empty_action)
{
	ck_assert_int_eq(store_audit(st, "", "x", "ok", ""), STORE_INVALID);
	ck_assert_int_eq(store_audit(st, NULL, "x", "ok", ""), STORE_INVALID);
}
END_TEST

TEST(test_store_admin__chain_intact)
{
	struct audit_verify v = intact_trail(5);
	ck_assert_uint_ge(v.lines, 6); /* the migration's line too */
	ck_assert_int_eq(strlen(v.head_hash), 64);
	ck_assert_int_eq(v.head_id, scalar("SELECT max(id) FROM audit"));
	/* Every line links to the one before it. */
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id - 1"
				" WHERE a.prev_hash <> b.hash"), 0);
}
END_TEST

TEST(test_store_admin__chain_detects_an_edit)
{
	visitor_checks(5);
	/* The program refuses; sqlite3 with the trigger dropped does not. */
	ck_assert_int_ne(sqlite3_exec(st->db, "UPDATE audit SET detail = 'x' WHERE id = 3", NULL,
				      NULL, NULL), SQLITE_OK);
	raw("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone' WHERE id = 3");
	struct audit_verify v;
	ck_assert_int_eq(store_audit_verify(st, &v), STORE_OK);
	ck_assert_int_eq(v.first_bad, 3);
	ck_assert_ptr_nonnull(strstr(v.why, "line itself"));
}
END_TEST

TEST(test_store_admin__chain_detects_a_deletion)
{
	visitor_checks(5);
	ck_assert_int_ne(sqlite3_exec(st->db, "DELETE FROM audit WHERE id = 4", NULL, NULL, NULL),
			 SQLITE_OK);
	raw("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4");
	struct audit_verify v;
	ck_assert_int_eq(store_audit_verify(st, &v), STORE_OK);
	ck_assert_int_eq(v.first_bad, 5);
	/* The first line, removed: the second no longer fits the (empty) anchor. */
	raw("DELETE FROM audit WHERE id = 1");
	ck_assert_int_eq(store_audit_verify(st, &v), STORE_OK);
	ck_assert_int_eq(v.first_bad, 2);
}
END_TEST

/* Rewrite every hash from line `from` on, as someone who can write the file could: the
 * chain then fits again, and only the numbering shows what was removed. */
static void rechain_from(int64_t from)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "DROP TRIGGER IF EXISTS audit_no_update", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT id, at, actor, terminal, action, object,"
					    " result, detail FROM audit WHERE id >= ?1 ORDER BY id",
					    -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_bind_int64(s, 1, from), SQLITE_OK);
	char prev[SHA256_HEX_LEN] = "";
	sqlite3_stmt *q = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT hash FROM audit WHERE id < ?1 ORDER BY id"
					    " DESC LIMIT 1", -1, &q, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_bind_int64(q, 1, from), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		snprintf(prev, sizeof prev, "%s", (const char *)sqlite3_column_text(q, 0));
	ck_assert_int_eq(sqlite3_finalize(q), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *f[7];
		char *copies[7];
		for (int i = 0; i < 7; i++) {
			const unsigned char *t = sqlite3_column_text(s, i + 1);
			copies[i] = strdup(t ? (const char *)t : "");
			f[i] = copies[i];
		}
		int64_t id = sqlite3_column_int64(s, 0);
		char hash[SHA256_HEX_LEN], sql[512];
		store_audit_line_hash(prev, id, f, hash);
		snprintf(sql, sizeof sql, "UPDATE audit SET prev_hash = '%s', hash = '%s' WHERE id = %lld",
			 prev, hash, (long long)id);
		ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		snprintf(prev, sizeof prev, "%s", hash);
		for (int i = 0; i < 7; i++)
			free(copies[i]);
	}
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
}

TEST(test_store_admin__chain_detects_a_gap_even_when_rechained)
{
	visitor_checks(6);
	raw("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id IN (4, 5)");
	rechain_from(6);
	struct audit_verify v;
	ck_assert_int_eq(store_audit_verify(st, &v), STORE_OK);
	ck_assert_int_eq(v.first_bad, 6);
	ck_assert_int_eq(v.gap_from, 4);
	ck_assert_int_eq(v.gap_to, 5);
	ck_assert_ptr_nonnull(strstr(v.why, "missing"));
}
END_TEST

TEST(test_store_admin__noted_head_shows_a_cut_off_tail)
{
	struct audit_verify v = intact_trail(4), w;
	/* The head noted, the check agrees. */
	ck_assert_int_eq(store_audit_verify_head(st, v.head_id, v.head_hash, &w), STORE_OK);
	ck_assert_int_eq(w.first_bad, 0);
	ck_assert(w.noted_checked);
	/* A wrong hash for the noted line: the trail up to it was rewritten. */
	char other[SHA256_HEX_LEN];
	snprintf(other, sizeof other, "%s", v.head_hash);
	other[0] = other[0] == 'a' ? 'b' : 'a';
	ck_assert_int_eq(store_audit_verify_head(st, v.head_id, other, &w), STORE_OK);
	ck_assert_int_eq(w.first_bad, v.head_id);
	ck_assert_ptr_nonnull(strstr(w.why, "noted"));
	/* The tail cut off: the chain alone still looks whole, the noted head does not. */
	char sql[128];
	snprintf(sql, sizeof sql, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id >= %lld",
		 (long long)v.head_id - 1);
	raw(sql);
	ck_assert_int_eq(store_audit_verify(st, &w), STORE_OK);
	ck_assert_int_eq(w.first_bad, 0);
	ck_assert_int_eq(store_audit_verify_head(st, v.head_id, v.head_hash, &w), STORE_OK);
	ck_assert_int_eq(w.first_bad, v.head_id);
	ck_assert_ptr_nonnull(strstr(w.why, "cut off"));
}
END_TEST

TEST(test_store_admin__noted_head_after_a_purge)
{
	struct audit_verify v = intact_trail(3), w;
	/* Years later every line so far is past its period. */
	struct purge_policy p = {12, 12, 12, 12, 12, 12, 12, 12};
	struct purge_report r;
	ck_assert_int_eq(store_purge(st, &p, "2040-01-01", false, &r), STORE_OK);
	ck_assert_uint_eq(r.audit, (size_t)v.head_id);
	/* The noted head was the last line purged: the anchor still holds its hash. */
	ck_assert_int_eq(store_audit_verify_head(st, v.head_id, v.head_hash, &w), STORE_OK);
	ck_assert_int_eq(w.first_bad, 0);
	ck_assert(w.noted_checked);
	/* An older noted line is gone by retention: said so, not called broken. */
	ck_assert_int_eq(store_audit_verify_head(st, 1, v.head_hash, &w), STORE_OK);
	ck_assert_int_eq(w.first_bad, 0);
	ck_assert(w.noted_purged);
}
END_TEST

static int count_after(const struct audit_line *l, void *arg)
{
	int64_t *seen = arg;
	ck_assert_int_gt(l->id, 3);
	(*seen)++;
	return 0;
}

TEST(test_store_admin__audit_each_after_an_id)
{
	visitor_checks(5);
	int64_t seen = 0;
	struct audit_filter f = {.after_id = 3};
	ck_assert_int_eq(store_audit_each(st, &f, count_after, &seen), STORE_OK);
	ck_assert_int_eq(seen, scalar("SELECT count(*) FROM audit WHERE id > 3"));
}
END_TEST

static int count(const struct audit_line *l, void *arg)
{
	(void)l;
	(*(size_t *)arg)++;
	return 0;
}

TEST(test_store_admin__audit_filters)
{
	ck_assert_int_eq(store_audit(st, "ban.lift", "ban:1", "ok", ""), STORE_OK);
	ck_assert_int_eq(store_audit(st, "banner", "x", "ok", ""), STORE_OK);
	store_set_actor(st, "other", "tty9");
	ck_assert_int_eq(store_audit(st, "ban", "ban:2", "ok", ""), STORE_OK);
	struct audit_filter f = {.action = "ban"};
	size_t n = 0;
	ck_assert_int_eq(store_audit_each(st, &f, count, &n), STORE_OK);
	ck_assert_uint_eq(n, 2); /* ban.lift and ban, not banner */
	n = 0;
	f = (struct audit_filter){.actor = "other"};
	ck_assert_int_eq(store_audit_each(st, &f, count, &n), STORE_OK);
	ck_assert_uint_eq(n, 1);
	n = 0;
	f = (struct audit_filter){.since = "2999-01-01T00:00:00Z"};
	ck_assert_int_eq(store_audit_each(st, &f, count, &n), STORE_OK);
	ck_assert_uint_eq(n, 0);
}
END_TEST

/* ---------------------------------------------------------------- creator */

TEST(test_store_admin__creator_recorded_once)
{
	char who[64];
	ck_assert_int_eq(store_creator(st, who, sizeof who), STORE_NOT_FOUND);
	ck_assert_int_eq(store_set_creator(st, "alice"), STORE_OK);
	ck_assert_int_eq(store_set_creator(st, "mallory"), STORE_OK);
	ck_assert_int_eq(store_creator(st, who, sizeof who), STORE_OK);
	ck_assert_str_eq(who, "alice");
}
END_TEST

/* ---------------------------------------------------------------- purge */

static const struct purge_policy policy = {12, 24, 24, 12, 60, 60, 60, 12};

TEST(test_store_admin__purge_refuses_bad_policy)
{
	struct purge_policy p = policy;
	struct purge_report r;
	p.audit_months = 0;
	ck_assert_int_eq(store_purge(st, &p, "2026-11-24", false, &r), STORE_INVALID);
	ck_assert_int_eq(store_purge(st, &policy, "24-11-2026", false, &r), STORE_INVALID);
	ck_assert_int_eq(store_purge(st, NULL, "2026-11-24", false, &r), STORE_INVALID);
}
END_TEST

TEST(test_store_admin__purge_removes_what_is_past_its_period)
{
	/* A database begun in 2020, so its first audit lines are old. */
	store_close(st);
	ck_assert_int_eq(unlink(path), 0);
	char err[1024];
	setenv("BALIE_NOW", "2020-01-01T10:00:00Z", 1);
	st = store_open(path, STORE_CREATE, err, sizeof err);
	ck_assert_msg(st != NULL, "%s", err);
	store_set_actor(st, "tester", "test");
	ck_assert_int_eq(store_audit(st, "old.line", "x", "ok", ""), STORE_OK);
	unsetenv("BALIE_NOW");
	int64_t old_ban, recent_ban, lifted_ban;
	add_ban("Oud", "2024-01-01", "2025-06-30", &old_ban);         /* ended > 12 months ago */
	add_ban("Recent", "2025-01-01", "2026-01-31", &recent_ban);   /* ended < 12 months ago */
	add_ban("Opgeheven", "2024-01-01", "2027-12-31", &lifted_ban); /* lifted long ago */
	setenv("BALIE_NOW", "2024-03-01T10:00:00Z", 1);
	ck_assert_int_eq(store_ban_lift(st, lifted_ban, "apology", -1), STORE_OK);
	unsetenv("BALIE_NOW");
	int64_t a;
	ck_assert_int_eq(store_alarm_raise_at(st, "Balie 1", ALARM_PANIC, 1600000000, &a),
			 STORE_OK);
	ck_assert_int_eq(store_alarm_close(st, a, ALARM_RESOLVED), STORE_OK);
	/* An open alarm is never purged, however old. */
	ck_assert_int_eq(store_alarm_raise_at(st, "Balie 2", ALARM_PANIC, 1600000000, NULL),
			 STORE_OK);
	audit_at("2020-01-01T10:00:00Z", "late.line"); /* out of time order: kept */

	struct purge_report r;
	ck_assert_int_eq(store_purge(st, &policy, "2026-11-24", true, &r), STORE_OK);
	ck_assert_uint_eq(r.bans, 2);
	ck_assert_uint_eq(r.persons, 2);
	ck_assert_uint_eq(r.alarms, 1);
	ck_assert_uint_eq(r.audit, 2); /* the migration's line and old.line */
	ck_assert_str_eq(r.bans_before, "2025-11-24");
	ck_assert_str_eq(r.audit_before, "2021-11-24");
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 3); /* a dry run changes nothing */

	ck_assert_msg(store_purge(st, &policy, "2026-11-24", false, &r) == STORE_OK, "%s",
		      store_error(st));
	ck_assert_uint_eq(r.bans, 2);
	ck_assert_uint_eq(r.persons, 2);
	ck_assert_uint_eq(r.alarms, 1);
	ck_assert_uint_eq(r.audit, 2);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM person"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM alarm"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban_history WHERE ban_id <> 2"), 0);
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit WHERE action = 'old.line'"), 0);
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit WHERE action = 'late.line'"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit WHERE action = 'retention.purge'"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM meta WHERE key IN ('purge.running',"
				" 'audit.purge_below')"), 0);
	/* The chain still holds from the new anchor, and new lines join it. */
	ck_assert_int_eq(store_audit(st, "after", "x", "ok", ""), STORE_OK);
	struct audit_verify v;
	ck_assert_int_eq(store_audit_verify(st, &v), STORE_OK);
	ck_assert_int_eq(v.first_bad, 0);
	/* And history stays append-only outside the purge. */
	ck_assert_int_ne(sqlite3_exec(st->db, "DELETE FROM ban_history", NULL, NULL, NULL),
			 SQLITE_OK);
}
END_TEST

TEST(test_store_admin__purge_daily_once_a_day)
{
	struct purge_report r;
	bool ran = false;
	ck_assert_int_eq(store_purge_daily(st, &policy, "2026-11-24", &ran, &r), STORE_OK);
	ck_assert(ran);
	ck_assert_int_eq(store_purge_daily(st, &policy, "2026-11-24", &ran, &r), STORE_OK);
	ck_assert(!ran);
	ck_assert_int_eq(store_purge_daily(st, &policy, "2026-11-25", &ran, &r), STORE_OK);
	ck_assert(ran);
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit WHERE action = 'retention.purge'"), 2);
}
END_TEST

/* ---------------------------------------------------------------- backup, restore */

TEST(test_store_admin__backup_and_restore)
{
	char copy[4200], bad[4200];
	snprintf(copy, sizeof copy, "%s.backup", path);
	snprintf(bad, sizeof bad, "%s.bad", path);
	ck_assert_int_eq(store_backup(st, "", false), STORE_INVALID);
	int64_t id;
	add_ban("Vries", "2026-01-01", "2027-01-01", &id);
	ck_assert_msg(store_backup(st, copy, false) == STORE_OK, "%s", store_error(st));
	struct stat sb;
	ck_assert_int_eq(stat(copy, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(store_backup(st, copy, false), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(store_error(st), "--force"));
	ck_assert_int_eq(store_backup(st, copy, true), STORE_OK);

	add_ban("Jansen", "2026-01-01", "2027-01-01", NULL);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 2);

	/* A damaged or foreign file replaces nothing. */
	FILE *f = fopen(bad, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(fputs("this is not a database, just some text\n", f), 0);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(store_restore(st, bad), STORE_INVALID);
	ck_assert_int_eq(store_restore(st, "/nonexistent/x.db"), STORE_INVALID);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 2);

	ck_assert_msg(store_restore(st, copy) == STORE_OK, "%s", store_error(st));
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit WHERE action = 'database.restore'"),
			 1);
	/* The store still works after the schema was replaced underneath it. */
	works_after_restore();
	ck_assert_int_eq(unlink(copy), 0);
	ck_assert_int_eq(unlink(bad), 0);
}
END_TEST

TEST(test_store_admin__restore_refuses_damaged_file)
{
	char copy[4200];
	snprintf(copy, sizeof copy, "%s.backup", path);
	ck_assert_int_eq(store_backup(st, copy, false), STORE_OK);
	/* Overwrite a page in the middle of the copy: integrity_check must notice. */
	raw("PRAGMA user_version"); /* the live file stays fine */
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(copy, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA writable_schema = ON;"
				      " UPDATE sqlite_schema SET rootpage = 9999"
				      " WHERE name = 'ban_person'", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	ck_assert_int_eq(store_restore(st, copy), STORE_INVALID);
	ck_assert_int_eq(scalar("PRAGMA integrity_check"), 0); /* "ok" reads as 0 */
	ck_assert_int_eq(unlink(copy), 0);
}
END_TEST

TEST(test_store_admin__backup_never_over_the_live_database)
{
	char p[8500], dir[4096];
	int64_t id;
	add_ban("Vries", "2026-01-01", "2027-01-01", &id);
	long long lines = scalar("SELECT count(*) FROM audit");
	static const char *const side[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
		snprintf(p, sizeof p, "%s%s", path, side[i]);
		ck_assert_int_eq(store_backup(st, p, true), STORE_INVALID);
		ck_assert_ptr_nonnull(strstr(store_error(st), "live database"));
	}
	/* Other spellings of the same file: a "./" in the path, a hard link, a symlink. */
	snprintf(dir, sizeof dir, "%s", path);
	*strrchr(dir, '/') = '\0';
	snprintf(p, sizeof p, "%s/./%s", dir, strrchr(path, '/') + 1);
	ck_assert_int_eq(store_backup(st, p, true), STORE_INVALID);
	snprintf(p, sizeof p, "%s/hard.db", dir);
	ck_assert_int_eq(link(path, p), 0);
	ck_assert_int_eq(store_backup(st, p, true), STORE_INVALID);
	ck_assert_int_eq(unlink(p), 0);
	snprintf(p, sizeof p, "%s/soft.db", dir);
	ck_assert_int_eq(symlink(path, p), 0);
	ck_assert_int_eq(store_backup(st, p, true), STORE_INVALID);
	ck_assert_int_eq(unlink(p), 0);
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit"), lines);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 1);
}
END_TEST

/* The names in the database's directory, sorted, joined by spaces. */
static void dir_names(char *out, size_t outsz)
{
	char cmd[4300], dir[4200];
	snprintf(dir, sizeof dir, "%s", path);
	*strrchr(dir, '/') = '\0';
	snprintf(cmd, sizeof cmd, "ls -A '%s' | tr '\\n' ' '", dir);
	FILE *f = popen(cmd, "r");
	ck_assert_ptr_nonnull(f);
	size_t n = fread(out, 1, outsz - 1, f);
	out[n] = '\0';
	ck_assert_int_eq(pclose(f), 0);
}

TEST(test_store_admin__restore_swap)
{
	char copy[4200], keep[4200], before[4096], after[4096];
	snprintf(copy, sizeof copy, "%s.backup", path);
	snprintf(keep, sizeof keep, "%s.kept", path);
	add_ban("Vries", "2026-01-01", "2027-01-01", NULL);
	ck_assert_int_eq(store_backup(st, copy, false), STORE_OK);
	add_ban("Jansen", "2026-01-01", "2027-01-01", NULL);
	dir_names(before, sizeof before);

	/* Another connection holding the file: refused, nothing changed or left. */
	sqlite3 *other;
	ck_assert_int_eq(sqlite3_open(path, &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "SELECT count(*) FROM ban", NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(store_restore_swap(st, copy, keep), STORE_BUSY);
	ck_assert_int_eq(sqlite3_close(other), SQLITE_OK);
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 2);
	dir_names(after, sizeof after);
	ck_assert_str_eq(after, before);
	ck_assert_int_eq(access(keep, F_OK), -1);

	/* A damaged source: the same. */
	ck_assert_int_eq(store_restore_swap(st, "/nonexistent/x.db", keep), STORE_INVALID);
	dir_names(after, sizeof after);
	ck_assert_str_eq(after, before);

	/* Alone: swapped; the replaced file is kept whole, 0600, and the two trails name
	 * each other. */
	ck_assert_msg(store_restore_swap(st, copy, keep) == STORE_OK, "%s", store_error(st));
	ck_assert_int_eq(scalar("SELECT count(*) FROM ban"), 1);
	ck_assert_int_eq(scalar("SELECT count(*) FROM audit WHERE action = 'database.restore'"
				" AND result = 'ok' AND instr(detail, '.kept') > 0"), 1);
	struct stat sb;
	ck_assert_int_eq(stat(keep, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0600);
	sqlite3 *kept;
	ck_assert_int_eq(sqlite3_open_v2(keep, &kept, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(kept, "SELECT (SELECT count(*) FROM ban),"
					    " (SELECT result FROM audit ORDER BY id DESC LIMIT 1)",
					    -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 2);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 1), "replaced");
	ck_assert_int_eq(sqlite3_finalize(s), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(kept), SQLITE_OK);
	/* The store goes on on the new file. */
	works_after_restore();
	/* Nothing else beside it: the kept file is the one new name. */
	ck_assert_int_eq(unlink(keep), 0);
	dir_names(after, sizeof after);
	ck_assert_str_eq(after, before);
	ck_assert_int_eq(unlink(copy), 0);
}
END_TEST

/* ---------------------------------------------------------------- subject access */

struct seen {
	int person, ban, audit;
	bool notes;
};

static int collect(const char *section, int n, const char *const *names,
		   const char *const *values, void *arg)
{
	struct seen *s = arg;
	s->person += strcmp(section, "person") == 0;
	s->ban += strcmp(section, "ban") == 0;
	s->audit += strcmp(section, "audit") == 0;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], "notes") == 0 && strstr(values[i], "threatened"))
			s->notes = true;
	return 0;
}

TEST(test_store_admin__person_export)
{
	struct seen s = {0};
	ck_assert_int_eq(store_person_export(st, 99, collect, &s), STORE_NOT_FOUND);
	ck_assert_int_eq(s.person + s.ban, 0);
	int64_t ban, person = 0;
	add_ban("Vries", "2026-01-01", "2027-01-01", &ban);
	add_ban("Anders", "2026-01-01", "2027-01-01", NULL);
	ck_assert_int_eq(store_person_of_ban(st, ban, &person), STORE_OK);
	ck_assert_int_eq(store_person_of_ban(st, 999, &person), STORE_NOT_FOUND);
	ck_assert_int_eq(store_person_export(st, person, collect, &s), STORE_OK);
	ck_assert_int_eq(s.person, 1);
	ck_assert_int_eq(s.ban, 1);
	ck_assert_int_ge(s.audit, 1); /* the ban.insert line */
	ck_assert(s.notes);
}
END_TEST

Suite *store_admin_suite(void)
{
	return testutil_suite("store_admin", setup, testutil_store_teardown);
}
