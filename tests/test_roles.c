/* test_roles — role names and the permission table: each role has the rights of the one
 * below it, and nothing is granted to an unknown or missing role. */
#include "autoconfig.h"

#include <string.h>

#include "core/lib.h"
#include "tests.h"

TEST(test_roles__parse_rejects_unknown)
{
	static const char *bad[] = {"", "Porter", "admin", "none", "bode", "hr ", "root"};
	TESTUTIL_PARSE_REJECTS(enum role, ROLE_PORTER, roles_parse, bad);
}
END_TEST

TEST(test_roles__names_round_trip)
{
	static const char *names[] = {"receptionist", "porter", "manager", "hr"};
	for (int i = 0; i < 4; i++) {
		enum role r;
		ck_assert_int_eq(roles_parse(names[i], &r), 0);
		ck_assert_int_eq(r, ROLE_RECEPTIONIST + i);
		ck_assert_str_eq(roles_name(r), names[i]);
		ck_assert_int_gt(strlen(roles_label(r)), 0);
	}
	ck_assert_str_eq(roles_name(ROLE_NONE), "none");
	ck_assert_str_eq(roles_label(ROLE_HR), "HR");
	ck_assert_str_eq(roles_name(ROLE_COUNT), "?");
	ck_assert_str_eq(roles_label((enum role)-1), "?");
}
END_TEST

TEST(test_roles__none_and_invalid_may_nothing)
{
	for (int p = 0; p < PERM_COUNT; p++) {
		ck_assert(!roles_may(ROLE_NONE, (enum permission)p));
		ck_assert(!roles_may(ROLE_COUNT, (enum permission)p));
		ck_assert(!roles_may((enum role)-1, (enum permission)p));
	}
	ck_assert(!roles_may(ROLE_HR, PERM_COUNT));
	ck_assert(!roles_may(ROLE_HR, (enum permission)-1));
}
END_TEST

TEST(test_roles__table)
{
	/* Rows: receptionist, porter, manager, hr. */
	static const bool want[4][PERM_COUNT] = {
		/* check alarm handle staff flag ban reason export admin report incidents */
		{1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0},
		{1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0},
		{1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1},
		{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
	};
	for (int r = 0; r < 4; r++)
		for (int p = 0; p < PERM_COUNT; p++)
			ck_assert_msg(roles_may((enum role)(ROLE_RECEPTIONIST + r),
						(enum permission)p) == want[r][p],
				      "role %s permission %d", roles_name(ROLE_RECEPTIONIST + r), p);
}
END_TEST

TEST(test_roles__each_role_includes_the_one_below)
{
	for (int r = ROLE_PORTER; r < ROLE_COUNT; r++)
		for (int p = 0; p < PERM_COUNT; p++)
			if (roles_may((enum role)(r - 1), (enum permission)p))
				ck_assert(roles_may((enum role)r, (enum permission)p));
}
END_TEST

TEST(test_roles__every_permission_is_worded)
{
	/* The console and the service state a refusal as "may not <text>": none may be
	 * missing. */
	for (int p = 0; p < PERM_COUNT; p++)
		ck_assert_msg(strcmp(roles_permission_text((enum permission)p), "?") != 0,
			      "permission %d has no text", p);
	ck_assert_str_eq(roles_permission_text(PERM_HANDLE_ALARM), "handle alarms");
	ck_assert_str_eq(roles_permission_text(PERM_COUNT), "?");
}
END_TEST

Suite *roles_suite(void)
{
	return testutil_suite("roles", NULL, NULL);
}
