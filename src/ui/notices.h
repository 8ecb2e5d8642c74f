/* notices — the one-line strip under the alarm panel that every console shows whatever panel
 * is on screen: overdue home visits, staffing warnings, "police (112)" (and later others). */
#ifndef BALIE_UI_NOTICES_H
#define BALIE_UI_NOTICES_H

#include <curses.h>
#include <stddef.h>

/* What a notice is about; the strip shows them in this order (most urgent first). */
enum notice_kind {
	NOTICE_SERVICE,   /* the service cannot be reached: nothing on screen is current */
	NOTICE_POLICE,    /* nobody of the support team reachable: aggression -> 112 */
	NOTICE_FALSE_ALARM, /* a false alarm not yet cancelled at the alarm centre (5 minutes) */
	NOTICE_VISIT,     /* a home visit overdue (with the mobile number) */
	NOTICE_STAFFING,  /* support team below the minimum */
	NOTICE_FOLLOWUP,  /* incident follow-up steps overdue (managers, hr) */
	NOTICE_BAN,       /* about a ban (reserved for the ban panel) */
	NOTICE_KIND_COUNT
};

/* The notices of one frame: the console clears them before each draw and lets every panel
 * add its own (struct panel_ops.notices). */
struct notices;

/* A new, empty list; NULL on out-of-memory. */
struct notices *notices_new(void);
void notices_free(struct notices *n);

/* Forget every notice (start of a frame). */
void notices_clear(struct notices *n);

/* Add one notice; the text is copied (and escaped when drawn). A notice that cannot be
 * stored (out of memory) is still counted, so the strip never looks calmer than it is.
 * Returns 0, or -1 when only counted. */
int notices_add(struct notices *n, enum notice_kind kind, const char *text);

/* How many notices were added this frame (stored or only counted). */
size_t notices_count(const struct notices *n);

/* The text of stored notice i in display order, or NULL. */
const char *notices_text(const struct notices *n, size_t i);

/* Lines the strip needs at this width to show every notice, at most maxlines (0 when there
 * are none): notices are packed side by side, a line each when long. */
int notices_lines(const struct notices *n, int cols, int maxlines);

/* Draw the strip from line y of w, full width, in the alarm colour, on at most maxlines
 * lines: "!! text" items separated by bars, then "+N more" for those that do not fit.
 * Returns the lines drawn. */
int notices_draw(const struct notices *n, WINDOW *w, int y, int maxlines);

#endif
