/* test_roles — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *roles_suite(void)
{
	Suite *s = suite_create("roles");
	return s;
}
