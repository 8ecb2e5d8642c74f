/* console — the full-screen console: one poll() loop over the keyboard and the change
 * watch, the panel layout and resizing. ui/ is the only code that includes <curses.h>. */
#ifndef BALIE_CONSOLE_H
#define BALIE_CONSOLE_H

#include <stdbool.h>

#include "config.h"
#include "core/lib.h"
#include "client/lib.h"

struct console_opts {
	const struct config *config;
	struct client *client;  /* the session: its role is the console's */
	const char *user;       /* operator's login name */
	bool demo;              /* demo: the operator may switch role to try each view */
};

/* Run until the operator quits; 0 on a normal exit, -1 (message printed after the
 * terminal is restored) on a fatal error. */
int console_run(const struct console_opts *o);

#endif
