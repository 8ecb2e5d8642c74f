/* test_names — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *names_suite(void)
{
	Suite *s = suite_create("names");
	return s;
}
