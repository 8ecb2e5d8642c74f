/* keys_man — print balie(1)'s key list (roff) from the console's one key table
 * (src/ui/keys.c); the build puts it in place of the @BALIE_KEYS@ line of the man page. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/keys.h"

int main(void)
{
	if (keys_write_man(stdout) != 0 || fflush(stdout) != 0) {
		perror("keys_man");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
