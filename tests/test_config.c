/* test_config — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	return s;
}
