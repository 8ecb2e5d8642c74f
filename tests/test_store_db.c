/* test_store_db — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *store_db_suite(void)
{
	Suite *s = suite_create("store_db");
	return s;
}
