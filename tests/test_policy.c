/* test_policy — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *policy_suite(void)
{
	Suite *s = suite_create("policy");
	return s;
}
