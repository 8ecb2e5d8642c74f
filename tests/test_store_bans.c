/* test_store_bans — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *store_bans_suite(void)
{
	Suite *s = suite_create("store_bans");
	return s;
}
