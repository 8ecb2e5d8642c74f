/* test_backups — the names of backups in the service's directory (core/backups): what a
 * client may name, and the names the service picks. */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "tests.h"

TEST(test_backups__refuses_what_is_not_one_plain_name)
{
	ck_assert_int_eq(backups_name_check(NULL), BACKUPS_NAME_EMPTY);
	ck_assert_int_eq(backups_name_check(""), BACKUPS_NAME_EMPTY);
	ck_assert_int_eq(backups_name_check("../balie.db"), BACKUPS_NAME_CHARACTER);
	ck_assert_int_eq(backups_name_check("a/b.db"), BACKUPS_NAME_CHARACTER);
	ck_assert_int_eq(backups_name_check("/etc/passwd"), BACKUPS_NAME_CHARACTER);
	ck_assert_int_eq(backups_name_check("a b.db"), BACKUPS_NAME_CHARACTER);
	ck_assert_int_eq(backups_name_check("a\\b.db"), BACKUPS_NAME_CHARACTER);
	ck_assert_int_eq(backups_name_check("\xc3\xa9t\xc3\xa9.db"), BACKUPS_NAME_CHARACTER);
	ck_assert_int_eq(backups_name_check("r\xe2\x80\x8b.db"), BACKUPS_NAME_CHARACTER);
	ck_assert_int_eq(backups_name_check("."), BACKUPS_NAME_START);
	ck_assert_int_eq(backups_name_check(".."), BACKUPS_NAME_START);
	ck_assert_int_eq(backups_name_check(".hidden"), BACKUPS_NAME_START);
	ck_assert_int_eq(backups_name_check("-rf"), BACKUPS_NAME_START);
	ck_assert_int_eq(backups_name_check("x..y"), BACKUPS_NAME_DOTS);
	ck_assert_int_eq(backups_name_check("balie.db-wal"), BACKUPS_NAME_SIDE_FILE);
	ck_assert_int_eq(backups_name_check("balie.db-shm"), BACKUPS_NAME_SIDE_FILE);
	ck_assert_int_eq(backups_name_check("balie.db-journal"), BACKUPS_NAME_SIDE_FILE);
	char longer[BACKUPS_NAME_MAX + 2];
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	ck_assert_int_eq(backups_name_check(longer), BACKUPS_NAME_TOO_LONG);
	longer[BACKUPS_NAME_MAX] = '\0';
	ck_assert_int_eq(backups_name_check(longer), BACKUPS_NAME_OK);
	for (int p = BACKUPS_NAME_EMPTY; p <= BACKUPS_NAME_SIDE_FILE; p++)
		ck_assert_int_gt(strlen(backups_name_message((enum backups_name_problem)p)), 0);
	ck_assert_str_eq(backups_name_message(BACKUPS_NAME_OK), "");
	ck_assert_str_eq(backups_name_message((enum backups_name_problem)99), "?");
}
END_TEST

TEST(test_backups__takes_plain_names)
{
	ck_assert_int_eq(backups_name_check("balie.db"), BACKUPS_NAME_OK);
	ck_assert_int_eq(backups_name_check("voor-de-verhuizing_2026.db"), BACKUPS_NAME_OK);
	ck_assert_int_eq(backups_name_check("7"), BACKUPS_NAME_OK);
	ck_assert_int_eq(backups_name_check("wal"), BACKUPS_NAME_OK);
}
END_TEST

TEST(test_backups__default_names)
{
	testutil_amsterdam();
	char name[BACKUPS_NAME_MAX + 1];
	time_t t = 1795525200; /* 2026-11-24 13:00:00 UTC, 14:00 in Amsterdam */
	backups_default_name("balie", t, 1, name);
	ck_assert_str_eq(name, "balie-20261124-140000.db");
	backups_default_name("balie", t, 3, name);
	ck_assert_str_eq(name, "balie-20261124-140000-3.db");
	backups_default_name("before-restore", t, 1, name);
	ck_assert_str_eq(name, "before-restore-20261124-140000.db");
	/* Whatever the service picks, it is a name a restore takes. */
	ck_assert_int_eq(backups_name_check(name), BACKUPS_NAME_OK);
}
END_TEST

Suite *backups_suite(void)
{
	return testutil_suite("backups", NULL, NULL);
}
