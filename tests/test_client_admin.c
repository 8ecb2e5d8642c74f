/* test_client_admin — the accountability calls of client/admin.h in direct mode: the same
 * service code balied runs, in-process on a temporary database. */
#include "autoconfig.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/lib.h"
#include "config.h"
#include "tests.h"

static char dir[1024], path[1200];
static struct config *cfg;
static struct client *cl;

static void setup(void)
{
	unsetenv("BALIE_NOW");
	testutil_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/test.db", dir);
	cfg = config_defaults();
	ck_assert_ptr_nonnull(cfg);
	struct client_opts o = {.db_path = path, .create = true, .config = cfg, .act_as = -1,
				.terminal = "test", .lang = "en"};
	char err[1024];
	cl = client_open(&o, err, sizeof err);
	ck_assert_msg(cl != NULL, "client_open: %s", err);
}

static void teardown(void)
{
	client_close(cl);
	config_free(cfg);
	char sub[1300];
	snprintf(sub, sizeof sub, "%s/backups", dir);
	testutil_rmdir(sub);
	testutil_rmdir(dir);
}

/* SQL on a second connection, as a test fixture (lines the listing pages through). */
static void raw(const char *sql)
{
	testutil_sql(path, sql);
}

TEST(test_client_admin__console_lines_from_a_fixed_list)
{
	ck_assert_int_eq(client_audit(cl, "ban.lift", "ban:1", "ok", ""), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(client_error(cl), "is not one a console records"));
	ck_assert_int_eq(client_audit(cl, "", "x", "ok", ""), STORE_INVALID);
	ck_assert_int_eq(client_audit(cl, "visitor.check", "Jan\xe2\x80\x8b", "1", ""),
			 STORE_INVALID);
	ck_assert_int_eq(client_audit(cl, "visitor.check", "Jansen", "1", "console"), STORE_OK);
	ck_assert_int_eq(client_audit(cl, "ban.open", "ban:1", "ok", "hr"), STORE_OK);
	ck_assert_int_eq(client_audit(cl, "denied", "ban.edit", "denied", "receptionist"),
			 STORE_OK);
	/* The newest first, with what changed and never who or whom. */
	struct audit_entry *e = NULL;
	size_t n = 0;
	ck_assert_int_eq(client_audit_list(cl, 2, &e, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(e[0].action, "denied");
	ck_assert_str_eq(e[1].action, "ban.open");
	ck_assert_int_gt(e[0].id, e[1].id);
	ck_assert_int_gt(e[0].at, 0);
	ck_assert_str_eq(e[0].actor, "");
	ck_assert_str_eq(e[0].object, "");
	ck_assert_str_eq(e[1].detail, "");
	free(e);
}
END_TEST

struct seen {
	int64_t last;
	size_t n;
	bool ordered;
	size_t stop_at;
};

static int collect(const struct audit_line *l, void *arg)
{
	struct seen *s = arg;
	if (l->id <= s->last)
		s->ordered = false;
	s->last = l->id;
	s->n++;
	ck_assert_ptr_nonnull(l->actor);
	ck_assert_ptr_nonnull(l->detail);
	return s->stop_at && s->n == s->stop_at;
}

TEST(test_client_admin__the_trail_in_pages)
{
	raw("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500)"
	    " INSERT INTO audit (id, at, actor, terminal, action, object, result, detail,"
	    " prev_hash, hash) SELECT (SELECT max(id) FROM audit) + i, '2026-11-24T13:00:00Z',"
	    " 'bulk', 'tty', 'bulk.line', 'x', 'ok', '', '', '' FROM n");
	struct seen s = {.ordered = true};
	struct audit_filter f = {.action = "bulk"};
	ck_assert_int_eq(client_audit_each(cl, &f, collect, &s), STORE_OK);
	ck_assert_uint_eq(s.n, 4500);
	ck_assert(s.ordered);
	/* fn stops the walk, across a page boundary too. */
	struct seen t = {.ordered = true, .stop_at = 2100};
	ck_assert_int_eq(client_audit_each(cl, &f, collect, &t), STORE_OK);
	ck_assert_uint_eq(t.n, 2100);
	/* A filter matching nothing: no call, no error. */
	struct seen u = {.ordered = true};
	struct audit_filter none = {.actor = "nobody-at-all"};
	ck_assert_int_eq(client_audit_each(cl, &none, collect, &u), STORE_OK);
	ck_assert_uint_eq(u.n, 0);
	/* Every page was a look of its own. */
	struct seen looks = {.ordered = true};
	struct audit_filter lf = {.action = "audit.list"};
	ck_assert_int_eq(client_audit_each(cl, &lf, collect, &looks), STORE_OK);
	ck_assert_uint_ge(looks.n, 3 + 2 + 1);
}
END_TEST

TEST(test_client_admin__verify_with_a_noted_head)
{
	struct audit_verify v, w;
	ck_assert_int_eq(client_audit_verify_head(cl, 0, NULL, &v), STORE_OK);
	ck_assert_int_eq(v.first_bad, 0);
	ck_assert_int_gt(v.head_id, 0);
	ck_assert_int_eq(client_audit_verify_head(cl, v.head_id, v.head_hash, &w), STORE_OK);
	ck_assert_int_eq(w.first_bad, 0);
	ck_assert(w.noted_checked);
	ck_assert_int_eq(client_audit_verify_head(cl, v.head_id, "not-a-hash", &w), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(client_error(cl), "noted hash"));
}
END_TEST

TEST(test_client_admin__backups_by_name)
{
	char written[256], kept[256];
	ck_assert_int_eq(client_backup(cl, "../x.db", NULL, false, written, sizeof written),
			 STORE_INVALID);
	ck_assert_int_eq(client_backup(cl, ".hidden", NULL, false, written, sizeof written),
			 STORE_INVALID);
	ck_assert_int_eq(client_backup(cl, "a.db", "b.db", false, written, sizeof written),
			 STORE_INVALID);
	ck_assert_int_eq(client_backup(cl, NULL, path, true, written, sizeof written),
			 STORE_INVALID);
	ck_assert_int_eq(client_backup(cl, "first.db", NULL, false, written, sizeof written),
			 STORE_OK);
	ck_assert_str_eq(written, "first.db");
	ck_assert_int_eq(client_backup(cl, "first.db", NULL, false, written, sizeof written),
			 STORE_CONFLICT);
	ck_assert_int_eq(client_backup(cl, NULL, NULL, false, written, sizeof written), STORE_OK);
	ck_assert_int_eq(strncmp(written, "balie-", 6), 0);
	struct backup_file *f = NULL;
	size_t n = 0;
	ck_assert_int_eq(client_backup_list(cl, &f, &n), STORE_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_gt(f[0].size, 0);
	free(f);
	char sub[1300];
	snprintf(sub, sizeof sub, "%s/backups", dir);
	struct stat sb;
	ck_assert_int_eq(stat(sub, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0700);
	/* Direct mode restores in place: nothing kept. */
	ck_assert_int_eq(client_restore(cl, "first.db", NULL, kept, sizeof kept), STORE_OK);
	ck_assert_str_eq(kept, "");
	ck_assert_int_eq(client_restore(cl, "nosuch.db", NULL, kept, sizeof kept),
			 STORE_NOT_FOUND);
	ck_assert_int_eq(client_restore(cl, NULL, NULL, kept, sizeof kept), STORE_INVALID);
}
END_TEST

TEST(test_client_admin__purge_and_person)
{
	struct purge_report r;
	ck_assert_int_eq(client_purge(cl, true, &r), STORE_OK);
	ck_assert_int_eq(strlen(r.bans_before), 10);
	ck_assert_uint_eq(r.bans, 0);
	int64_t person = 0;
	char seen[TESTUTIL_SECTIONS_MAX] = "";
	ck_assert_int_eq(client_person_of_ban(cl, 99, &person), STORE_NOT_FOUND);
	ck_assert_int_eq(client_person_export(cl, 99, testutil_export_sections, seen),
			 STORE_NOT_FOUND);
	ck_assert_str_eq(seen, ""); /* no record of an unknown person */
}
END_TEST

Suite *client_admin_suite(void)
{
	return testutil_suite("client_admin", setup, teardown);
}
