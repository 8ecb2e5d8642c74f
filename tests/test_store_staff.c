/* test_store_staff — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *store_staff_suite(void)
{
	Suite *s = suite_create("store_staff");
	return s;
}
