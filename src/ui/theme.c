/* theme — colour pairs by meaning with a monochrome fallback (NO_COLOR, TERM=vt100).
 * The table lives in theme.h (THEME_ROLES); this file turns it into curses attributes. */
#include "autoconfig.h"

#include <curses.h>
#include <stdlib.h>

#include "ui/theme.h"

struct theme_entry {
	short fg, bg;
	attr_t colour_attr;
	attr_t mono_attr;
};

static const struct theme_entry theme_table[THEME_COUNT] = {
#define THEME_ROW(name, fg, bg, attr, mono) [THEME_##name] = {fg, bg, attr, mono},
	THEME_ROLES(THEME_ROW)
#undef THEME_ROW
};

static bool theme_use_colour;

bool theme_init(void)
{
	const char *no_colour = getenv("NO_COLOR");

	theme_use_colour = false;
	/* https://no-color.org: any non-empty value switches colour off. */
	if ((no_colour && *no_colour) || !has_colors())
		return false;
	if (start_color() == ERR)
		return false;
	/* Default colours (-1) keep the operator's own terminal background; without the
	 * extension fall back to black/white. */
	bool defaults = use_default_colors() == OK;
	if (COLOR_PAIRS < THEME_COUNT + 1)
		return false;
	for (int i = 1; i < THEME_COUNT; i++) {
		short fg = theme_table[i].fg, bg = theme_table[i].bg;
		if (!defaults) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (init_pair((short)i, fg, bg) == ERR)
			return false;
	}
	theme_use_colour = true;
	return true;
}

bool theme_colour(void)
{
	return theme_use_colour;
}

attr_t theme_attr(enum theme_role r)
{
	if ((int)r < 0 || r >= THEME_COUNT)
		return A_NORMAL;
	if (!theme_use_colour)
		return theme_table[r].mono_attr;
	/* Pair 0 is the terminal default; NORMAL needs no pair. */
	if (r == THEME_NORMAL)
		return theme_table[r].colour_attr;
	return theme_table[r].colour_attr | (attr_t)COLOR_PAIR((int)r);
}
