/* draw — drawing helpers shared by the panels and dialogs: escaped, clipped UTF-8 text,
 * right-aligned and centred text, word wrap, and frames with a title. */
#include "autoconfig.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "ui/draw.h"

/* Escaped copy of s: in buf when it fits, else on the heap (*heap set, caller frees).
 * On out-of-memory the text is cut short rather than drawn raw. */
static char *escape_into(const char *s, char *buf, size_t bufsz, char **heap)
{
	*heap = NULL;
	size_t need = text_escape(s, buf, bufsz);
	if (need < bufsz)
		return buf;
	char *h = malloc(need + 1);
	if (!h)
		return buf;
	(void)text_escape(s, h, need + 1);
	*heap = h;
	return h;
}

/* The window's attributes before a draw in other ones, to put back afterwards. */
struct saved_attr {
	attr_t attr;
	short pair;
};

/* Switch w to attr, keeping what it had in *old. */
static void attr_push(WINDOW *w, attr_t attr, struct saved_attr *old)
{
	if (wattr_get(w, &old->attr, &old->pair, NULL) == ERR) {
		old->attr = A_NORMAL;
		old->pair = 0;
	}
	(void)wattrset(w, (int)attr);
}

static void attr_pop(WINDOW *w, const struct saved_attr *old)
{
	(void)wattr_set(w, old->attr, old->pair, NULL);
}

/* Write n bytes of already escaped text e at (y, x) with attr; restores the window's
 * attributes. */
static void put_bytes(WINDOW *w, int y, int x, const char *e, size_t n, attr_t attr)
{
	struct saved_attr old;
	attr_push(w, attr, &old);
	/* ERR is expected when the text ends in the bottom-right cell (the cursor cannot
	 * move past it); the character is drawn all the same. */
	(void)mvwaddnstr(w, y, x, e, (int)n);
	attr_pop(w, &old);
}

/* Columns of the first n bytes of e. */
static int width_of(char *e, size_t n)
{
	char save = e[n];
	e[n] = '\0';
	int cols = text_width(e);
	e[n] = save;
	return cols < 0 ? 0 : cols;
}

int draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t attr)
{
	if (!w || !s)
		return 0;
	int maxy = getmaxy(w), maxx = getmaxx(w);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx)
		return 0;
	if (cols < 0 || cols > maxx - x)
		cols = maxx - x;
	if (cols == 0)
		return 0;
	char buf[1024], *heap;
	char *e = escape_into(s, buf, sizeof buf, &heap);
	size_t n = text_fit(e, cols);
	int used = width_of(e, n);
	if (n > 0)
		put_bytes(w, y, x, e, n, attr);
	free(heap);
	return used;
}

int draw_textf(WINDOW *w, int y, int x, int cols, attr_t attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (len < 0)
		return 0;
	if ((size_t)len < sizeof buf)
		return draw_text(w, y, x, cols, buf, attr);
	char *h = malloc((size_t)len + 1);
	if (!h)
		return draw_text(w, y, x, cols, buf, attr);
	va_start(ap, fmt);
	(void)vsnprintf(h, (size_t)len + 1, fmt, ap);
	va_end(ap);
	int used = draw_text(w, y, x, cols, h, attr);
	free(h);
	return used;
}

int draw_width(const char *s)
{
	if (!s)
		return 0;
	char buf[1024], *heap;
	char *e = escape_into(s, buf, sizeof buf, &heap);
	int cols = text_width(e);
	free(heap);
	return cols < 0 ? 0 : cols;
}

int draw_text_right(WINDOW *w, int y, int right, int cols, const char *s, attr_t attr)
{
	if (!w || !s)
		return right;
	int maxx = getmaxx(w);
	if (right > maxx)
		right = maxx;
	if (cols < 0 || cols > right)
		cols = right;
	int width = draw_width(s);
	if (width > cols)
		width = cols;
	int x = right - width;
	draw_text(w, y, x, width, s, attr);
	return x;
}

void draw_text_centre(WINDOW *w, int y, const char *s, attr_t attr)
{
	if (!w || !s)
		return;
	int maxx = getmaxx(w);
	int width = draw_width(s);
	int x = width >= maxx ? 0 : (maxx - width) / 2;
	draw_text(w, y, x, maxx - x, s, attr);
}

void draw_fill(WINDOW *w, int y, int x, int cols, attr_t attr)
{
	if (!w)
		return;
	int maxy = getmaxy(w), maxx = getmaxx(w);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx)
		return;
	if (cols < 0 || cols > maxx - x)
		cols = maxx - x;
	struct saved_attr old;
	attr_push(w, attr, &old);
	/* mvwhline does not move the cursor, so the bottom-right cell is safe. */
	(void)mvwhline(w, y, x, ' ' | (chtype)attr, cols);
	attr_pop(w, &old);
}

/* Wrap one paragraph (already escaped) into lines of cols; draws when w is non-NULL.
 * Returns the lines used, at most maxlines. */
static int wrap_paragraph(WINDOW *w, int y, int x, int cols, int maxlines, char *e, attr_t attr)
{
	int lines = 0;
	char *p = e;
	while (lines < maxlines) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t n = text_fit(p, cols);
		if (p[n] != '\0' && p[n] != ' ') {
			/* Break at the last space inside the fitting part when there is one. */
			size_t k = n;
			while (k > 0 && p[k - 1] != ' ')
				k--;
			if (k > 0)
				n = k;
		}
		if (n == 0) {
			/* A character wider than the whole line: skip it, never loop forever. */
			n = 1;
			while ((p[n] & 0xC0) == 0x80)
				n++;
		} else if (w) {
			size_t m = n;
			while (m > 0 && p[m - 1] == ' ')
				m--;
			put_bytes(w, y + lines, x, p, m, attr);
		}
		p += n;
		lines++;
	}
	return lines;
}

/* Shared by draw_wrap and draw_wrap_lines: paragraphs split at newlines. */
static int wrap(WINDOW *w, int y, int x, int cols, int maxlines, const char *s, attr_t attr)
{
	if (!s || cols <= 0 || maxlines <= 0)
		return 0;
	int lines = 0;
	const char *para = s;
	while (lines < maxlines) {
		const char *nl = strchr(para, '\n');
		size_t len = nl ? (size_t)(nl - para) : strlen(para);
		char *raw = strndup(para, len);
		if (!raw)
			return lines;
		char buf[1024], *heap;
		char *e = escape_into(raw, buf, sizeof buf, &heap);
		int used = wrap_paragraph(w, y + lines, x, cols, maxlines - lines, e, attr);
		/* An empty paragraph still takes a line (blank line between paragraphs). */
		lines += used > 0 ? used : (nl ? 1 : 0);
		free(heap);
		free(raw);
		if (!nl)
			break;
		para = nl + 1;
	}
	return lines > maxlines ? maxlines : lines;
}

int draw_wrap(WINDOW *w, int y, int x, int cols, int maxlines, const char *s, attr_t attr)
{
	if (!w)
		return 0;
	int maxy = getmaxy(w), maxx = getmaxx(w);
	if (y < 0 || x < 0 || x >= maxx)
		return 0;
	if (cols > maxx - x)
		cols = maxx - x;
	if (maxlines > maxy - y)
		maxlines = maxy - y;
	return wrap(w, y, x, cols, maxlines, s, attr);
}

int draw_wrap_lines(const char *s, int cols, int maxlines)
{
	return wrap(NULL, 0, 0, cols, maxlines, s, A_NORMAL);
}

void draw_frame(WINDOW *w, const char *title, bool focused, attr_t frame_attr)
{
	if (!w)
		return;
	int maxx = getmaxx(w);
	attr_t old_attr;
	short old_pair;
	if (wattr_get(w, &old_attr, &old_pair, NULL) == ERR) {
		old_attr = A_NORMAL;
		old_pair = 0;
	}
	(void)wattrset(w, (int)frame_attr);
	/* The wide-character box: real line characters in a UTF-8 locale (and ASCII-safe
	 * ACS elsewhere); box_set() fails only for a NULL window. A panel given only a line
	 * or two (the layout's lowest priority) gets a title line instead. */
	if (getmaxy(w) < 3)
		(void)mvwhline_set(w, 0, 0, WACS_HLINE, maxx);
	else
		(void)box_set(w, WACS_VLINE, WACS_HLINE);
	(void)wattr_set(w, old_attr, old_pair, NULL);
	if (title && *title && maxx > 6) {
		char buf[512];
		snprintf(buf, sizeof buf, " %s ", title);
		draw_text(w, 0, 2, maxx - 4, buf,
			  theme_attr(focused ? THEME_TITLE_FOCUS : THEME_TITLE));
	}
}

void draw_frame_note(WINDOW *w, const char *note, attr_t attr)
{
	if (!w || !note || !*note)
		return;
	int maxx = getmaxx(w);
	char buf[256];
	snprintf(buf, sizeof buf, " %s ", note);
	draw_text_right(w, 0, maxx - 2, maxx / 2, buf, attr);
}

bool draw_list_move(enum action a, size_t sel, size_t n, size_t page, size_t *to)
{
	size_t last = n > 0 ? n - 1 : 0;
	switch (a) {
	case ACT_UP:
		*to = sel > 0 ? sel - 1 : sel;
		return true;
	case ACT_DOWN:
		*to = sel + 1 < n ? sel + 1 : sel;
		return true;
	case ACT_PAGE_UP:
		*to = sel > page ? sel - page : 0;
		return true;
	case ACT_PAGE_DOWN:
		*to = sel + page < n ? sel + page : last;
		return true;
	case ACT_HOME:
		*to = 0;
		return true;
	case ACT_END:
		*to = last;
		return true;
	default:
		return false;
	}
}

void draw_list_view(struct draw_list *l, size_t n, int first_row, int rows)
{
	l->first_row = first_row;
	l->rows = rows > 0 ? rows : 0;
	if (l->rows == 0)
		return;
	size_t r = (size_t)l->rows;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + r)
		l->top = l->sel - r + 1;
	if (l->top + r > n)
		l->top = n > r ? n - r : 0;
}

bool draw_list_key(struct draw_list *l, enum action a, size_t n)
{
	size_t page = l->rows > 1 ? (size_t)l->rows - 1 : 1;
	return draw_list_move(a, l->sel, n, page, &l->sel);
}

bool draw_list_at(const struct draw_list *l, int y, int height, size_t n, size_t *row)
{
	if (height < 1 || y < l->first_row)
		return false;
	int r = (y - l->first_row) / height;
	size_t i = l->top + (size_t)r;
	if (r >= l->rows || i >= n)
		return false;
	*row = i;
	return true;
}
