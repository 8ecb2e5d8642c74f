/* notices — the strip of urgent one-liners under the alarm panel: a small list the panels
 * fill every frame, drawn in the alarm colour with "+N more" when it does not fit. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "i18n.h"
#include "ui/draw.h"
#include "ui/notices.h"
#include "ui/theme.h"

struct notice {
	enum notice_kind kind;
	char *text;
};

struct notices {
	struct notice *items;  /* in display order: by kind, then in the order added */
	size_t len, cap;
	size_t lost;           /* counted but not stored (out of memory) */
};

struct notices *notices_new(void)
{
	return calloc(1, sizeof(struct notices));
}

void notices_clear(struct notices *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->len; i++)
		free(n->items[i].text);
	n->len = 0;
	n->lost = 0;
}

void notices_free(struct notices *n)
{
	if (!n)
		return;
	notices_clear(n);
	free(n->items);
	free(n);
}

int notices_add(struct notices *n, enum notice_kind kind, const char *text)
{
	if (!n)
		return -1;
	if ((unsigned)kind >= NOTICE_KIND_COUNT)
		kind = NOTICE_BAN;
	if (!grow_array(&n->items, &n->cap, n->len + 1, sizeof *n->items, 8)) {
		n->lost++;
		return -1;
	}
	char *copy = strdup(text ? text : "");
	if (!copy) {
		n->lost++;
		return -1;
	}
	/* After the last notice of the same or a more urgent kind: stable within a kind. */
	size_t at = n->len;
	while (at > 0 && n->items[at - 1].kind > kind)
		at--;
	memmove(&n->items[at + 1], &n->items[at], (n->len - at) * sizeof *n->items);
	n->items[at] = (struct notice){kind, copy};
	n->len++;
	return 0;
}

size_t notices_count(const struct notices *n)
{
	return n ? n->len + n->lost : 0;
}

const char *notices_text(const struct notices *n, size_t i)
{
	return n && i < n->len ? n->items[i].text : NULL;
}

/* Lay the notices out on lines of cols columns (at most maxlines), drawing them into w from
 * line y unless w is NULL; returns the lines used. */
static int pack(const struct notices *n, WINDOW *w, int y, int cols, int maxlines)
{
	size_t total = notices_count(n), i = 0;
	if (!n || total == 0 || maxlines <= 0 || cols < 4)
		return 0;
	attr_t attr = theme_attr(THEME_ALARM_NEW) | A_BOLD;
	int right = cols - 1, line = 0;
	while (line < maxlines && (i < n->len || line == 0)) {
		bool last_line = line == maxlines - 1;
		int x = 1;
		if (w)
			draw_fill(w, y + line, 0, cols, attr);
		bool first = true;
		while (i < n->len) {
			char item[1100], more[64];
			(void)snprintf(item, sizeof item, "!! %s", n->items[i].text);
			size_t rest = total - i - 1;
			int more_w = 0;
			if (last_line && rest) {
				(void)snprintf(more, sizeof more, _("+%zu more"), rest);
				more_w = draw_width(more) + 2;
			}
			int sep_w = first ? 0 : 3;
			if (x + sep_w + draw_width(item) + more_w > right) {
				/* Too long for a line of its own: shown cut rather than not at all. */
				if (first) {
					if (w)
						(void)draw_text(w, y + line, x, right - x - more_w, item,
								attr);
					x = right - more_w;
					i++;
				}
				break;
			}
			if (w && sep_w)
				x += draw_text(w, y + line, x, sep_w, " | ", attr);
			else
				x += sep_w;
			x += w ? draw_text(w, y + line, x, right - x, item, attr) : draw_width(item);
			i++;
			first = false;
		}
		line++;
		if (last_line && i < total && w) {
			char more[64];
			(void)snprintf(more, sizeof more, _("+%zu more"), total - i);
			(void)draw_text_right(w, y + line - 1, right, right - 1, more, attr);
		}
	}
	/* Notices that could not be stored are still owned up to. */
	if (i == n->len && n->lost && w && line > 0) {
		char more[64];
		(void)snprintf(more, sizeof more, _("+%zu more"), n->lost);
		(void)draw_text_right(w, y + line - 1, right, right - 1, more, attr);
	}
	return line;
}

int notices_lines(const struct notices *n, int cols, int maxlines)
{
	return pack(n, NULL, 0, cols, maxlines);
}

int notices_draw(const struct notices *n, WINDOW *w, int y, int maxlines)
{
	if (!w)
		return 0;
	return pack(n, w, y, getmaxx(w), maxlines);
}
