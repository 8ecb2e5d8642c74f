/* theme — colours by meaning: one X-macro table of screen roles, each with a colour pair
 * and a monochrome attribute; NO_COLOR or a terminal without colour gets the latter. */
#ifndef BALIE_UI_THEME_H
#define BALIE_UI_THEME_H

#include <curses.h>
#include <stdbool.h>

/* X(name, foreground, background, attribute with colour, attribute in monochrome).
 * State is never shown by colour alone: panels also write words or symbols. */
#define THEME_ROLES(X) \
	X(NORMAL,        -1,            -1,          A_NORMAL,  A_NORMAL) \
	X(TITLE,         COLOR_CYAN,    -1,          A_BOLD,    A_BOLD) \
	X(TITLE_FOCUS,   COLOR_BLACK,   COLOR_CYAN,  A_BOLD,    A_REVERSE | A_BOLD) \
	X(STATUS,        COLOR_BLACK,   COLOR_WHITE, A_NORMAL,  A_REVERSE) \
	X(STATUS_KEY,    COLOR_BLUE,    COLOR_WHITE, A_BOLD,    A_REVERSE | A_BOLD) \
	X(MESSAGE,       COLOR_YELLOW,  -1,          A_BOLD,    A_BOLD) \
	X(SELECTED,      COLOR_BLACK,   COLOR_CYAN,  A_NORMAL,  A_REVERSE) \
	X(DIM,           COLOR_WHITE,   -1,          A_DIM,     A_DIM) \
	X(FIELD,         COLOR_WHITE,   COLOR_BLUE,  A_NORMAL,  A_UNDERLINE) \
	X(ALARM_QUIET,   COLOR_GREEN,   -1,          A_NORMAL,  A_NORMAL) \
	X(ALARM_NEW,     COLOR_WHITE,   COLOR_RED,   A_BOLD,    A_REVERSE | A_BOLD) \
	X(ALARM_ACKED,   COLOR_YELLOW,  COLOR_RED,   A_BOLD,    A_BOLD) \
	X(ALARM_FRAME,   COLOR_RED,     -1,          A_BOLD,    A_BOLD) \
	X(BAN_MATCH,     COLOR_WHITE,   COLOR_RED,   A_BOLD,    A_REVERSE | A_BOLD) \
	X(BAN_POSSIBLE,  COLOR_YELLOW,  -1,          A_BOLD,    A_BOLD | A_UNDERLINE) \
	X(BAN_CLEAR,     COLOR_GREEN,   -1,          A_BOLD,    A_NORMAL) \
	X(APPT_RISK,     COLOR_YELLOW,  -1,          A_BOLD,    A_BOLD) \
	X(STAFF_OK,      COLOR_GREEN,   -1,          A_NORMAL,  A_NORMAL) \
	X(STAFF_SHORT,   COLOR_WHITE,   COLOR_RED,   A_BOLD,    A_REVERSE | A_BOLD) \
	X(DIALOG,        COLOR_WHITE,   COLOR_BLUE,  A_NORMAL,  A_NORMAL) \
	X(DIALOG_TITLE,  COLOR_YELLOW,  COLOR_BLUE,  A_BOLD,    A_BOLD) \
	X(ERROR,         COLOR_RED,     -1,          A_BOLD,    A_BOLD | A_UNDERLINE)

enum theme_role {
#define THEME_ENUM(name, fg, bg, attr, mono) THEME_##name,
	THEME_ROLES(THEME_ENUM)
#undef THEME_ENUM
	THEME_COUNT
};

/* Set up colour pairs after initscr(): monochrome when $NO_COLOR is set (any value) or the
 * terminal has no colours. Returns true when colours are used. Safe to call again. */
bool theme_init(void);

/* Whether theme_init() chose colours. */
bool theme_colour(void);

/* The attributes (COLOR_PAIR included) to draw role r with; A_NORMAL for bad r. */
attr_t theme_attr(enum theme_role r);

#endif
