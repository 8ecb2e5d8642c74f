/* test_store_alarms — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *store_alarms_suite(void)
{
	Suite *s = suite_create("store_alarms");
	return s;
}
