/* draw — small drawing helpers every panel and dialog uses: text from the database is always
 * escaped (text_escape) and clipped to whole characters (text_fit) before it reaches curses. */
#ifndef BALIE_UI_DRAW_H
#define BALIE_UI_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/keys.h"
#include "ui/theme.h"

/* Draw s at (y, x) in at most cols columns (and never past the window's right edge) with
 * attr; control, bidi and invalid bytes are made visible, never sent raw. cols < 0 means
 * "to the right edge". Returns the columns drawn (0 when nothing fits or s is NULL). */
int draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr);

/* Like draw_text with a printf format; the formatted result is escaped as a whole, so
 * arguments may be database text. */
int draw_textf(WINDOW *w, int y, int x, int cols, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Draw s so that it ends just before column right (exclusive), clipped on the left to
 * cols columns; returns the column where it starts. */
int draw_text_right(WINDOW *w, int y, int right, int cols, const char *s, attr_t attr);

/* Draw s centred on line y of the window (clipped to the window width). */
void draw_text_centre(WINDOW *w, int y, const char *s, attr_t attr);

/* Fill cols columns of line y from x with blanks in attr (a highlighted row); cols < 0
 * fills to the right edge. Draw the row's text afterwards with the same attr. */
void draw_fill(WINDOW *w, int y, int x, int cols, attr_t attr);

/* Word-wrap s into the rectangle (y, x, cols wide, at most maxlines); lines too long for
 * cols are cut at a character boundary. Returns the number of lines used. */
int draw_wrap(WINDOW *w, int y, int x, int cols, int maxlines, const char *s, attr_t attr);

/* Lines draw_wrap would use for s at this width (without drawing), at most maxlines. */
int draw_wrap_lines(const char *s, int cols, int maxlines);

/* Display columns s takes once escaped (what draw_text would need). */
int draw_width(const char *s);

/* A frame around the whole window with title in the top border ("┌ Title ───┐"); the title
 * uses TITLE_FOCUS when focused, else TITLE; the border uses frame_attr. Works in
 * monochrome (the focused title is then in reverse video). */
void draw_frame(WINDOW *w, const char *title, bool focused, attr_t frame_attr);

/* Put an extra label into the top border at the right ("── 3 more ┐"). */
void draw_frame_note(WINDOW *w, const char *note, attr_t attr);

/* The row a list-navigation action (up, down, page up/down, home, end) moves the selection
 * sel to in a list of n rows, page rows a page; false (to untouched) for other actions. */
bool draw_list_move(enum action a, size_t sel, size_t n, size_t page, size_t *to);

#endif
