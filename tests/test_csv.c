/* test_csv — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	return s;
}
