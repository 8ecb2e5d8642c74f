/* test_text — stub: being written. */
#include "autoconfig.h"

#include "tests.h"

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	return s;
}
