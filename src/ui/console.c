/* console — stub: being written. */
#include "autoconfig.h"

#include <curses.h>

#include "ui/console.h"

int console_run(const struct console_opts *o)
{
	(void)o;
	return -1;
}
