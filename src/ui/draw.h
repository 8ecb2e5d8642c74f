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

/* The cursor of a scrolled list: the selected row, the first row shown, and where the rows
 * were drawn at the last draw (for clicks and paging). Zeroed: nothing drawn yet. */
struct draw_list {
	size_t sel;        /* the selected row */
	size_t top;        /* the first row shown */
	int first_row;     /* window line of row top */
	int rows;          /* rows shown (0: none) */
};

/* At draw time: rows rows of a list of n fit from window line first_row; top moves so that
 * the selection is shown and, in a list longer than the window, no row is left empty
 * below its end. */
void draw_list_view(struct draw_list *l, size_t n, int first_row, int rows);

/* A list-navigation action moves the selection in a list of n rows (a page is the rows
 * shown less one); false, nothing moved, for other actions. */
bool draw_list_key(struct draw_list *l, enum action a, size_t n);

/* The row of the n a click at window line y lands on, each row height lines tall; false
 * when it lands on none. */
bool draw_list_at(const struct draw_list *l, int y, int height, size_t n, size_t *row);

#endif
