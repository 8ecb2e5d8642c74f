/* test_store_appts — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *store_appts_suite(void)
{
	Suite *s = suite_create("store_appts");
	return s;
}
