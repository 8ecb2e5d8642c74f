/* text — user text hygiene with utf8proc: reject control, bidi and invalid bytes at input,
 * make them visible at output, and measure text in terminal columns. */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <utf8proc.h>

#include "core/named.h"
#include "core/text.h"
#include "i18n.h"

/* Characters that reorder the text around them (Trojan-Source style tricks in names). */
static bool is_bidi(utf8proc_int32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* C0, DEL and C1 controls (category Cc) plus the Unicode line and paragraph separators. */
static bool is_control(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

/* Characters that show nothing yet change what a name compares as or hide text: zero-width
 * spaces and joiners, soft hyphen, BOM, the tag block (category Cf), variation selectors,
 * and the fillers that render blank. */
static bool is_invisible(utf8proc_int32_t c)
{
	return utf8proc_category(c) == UTF8PROC_CATEGORY_CF ||
	       (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
	       c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
}

/* Decode one character at s (n bytes left); its length, or -1 when the bytes are invalid. */
static utf8proc_ssize_t next_char(const char *s, size_t n, utf8proc_int32_t *c)
{
	utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
						(utf8proc_ssize_t)(n < 4 ? n : 4), c);
	return len > 0 && *c >= 0 ? len : -1;
}

static enum text_problem check(const char *s, size_t max_bytes, bool allow_empty, bool lines)
{
	if (!s)
		return allow_empty ? TEXT_OK : TEXT_EMPTY;
	size_t n = strlen(s);
	if (max_bytes > 0 && n > max_bytes)
		return TEXT_TOO_LONG;
	bool blank = true;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t len = next_char(s + i, n - i, &c);
		if (len < 0)
			return TEXT_INVALID_UTF8;
		if (is_control(c) && !(lines && c == '\n'))
			return TEXT_CONTROL;
		if (is_bidi(c))
			return TEXT_BIDI;
		if (is_invisible(c))
			return TEXT_INVISIBLE;
		if (c != ' ' && c != '\n')
			blank = false;
		i += (size_t)len;
	}
	return blank && !allow_empty ? TEXT_EMPTY : TEXT_OK;
}

enum text_problem text_check(const char *s, size_t max_bytes, bool allow_empty)
{
	return check(s, max_bytes, allow_empty, false);
}

enum text_problem text_check_lines(const char *s, size_t max_bytes, bool allow_empty)
{
	return check(s, max_bytes, allow_empty, true);
}

const char *text_problem_message(enum text_problem p)
{
	static const char *const messages[] = {
		[TEXT_OK] = N_("is valid"),
		[TEXT_EMPTY] = N_("is empty"),
		[TEXT_INVALID_UTF8] = N_("is not valid UTF-8"),
		[TEXT_CONTROL] = N_("contains a control character"),
		[TEXT_BIDI] = N_("contains a bidirectional control character"),
		[TEXT_TOO_LONG] = N_("is too long"),
		[TEXT_INVISIBLE] =
			N_("contains an invisible character (zero-width, tag or format)"),
	};
	_Static_assert(sizeof messages / sizeof *messages == TEXT_INVISIBLE + 1,
		       "a message for every problem");
	return named_message(messages, sizeof messages / sizeof *messages, (int)p,
			     _("is not acceptable"));
}

const char *text_problem_said(enum text_problem p, const char *s, size_t max, char *buf,
			      size_t bufsz)
{
	if (p != TEXT_TOO_LONG || !s || bufsz == 0)
		return text_problem_message(p);
	snprintf(buf, bufsz, _("is too long: %zu bytes, at most %zu"), strlen(s), max);
	return buf;
}

/* Append piece (len bytes) when it fits whole, so a cut never splits a character or an
 * escape; *need always grows by len. */
static void put(char *out, size_t outsz, size_t *need, bool *full, const char *piece, size_t len)
{
	if (!*full && outsz > 0 && *need + len < outsz)
		memcpy(out + *need, piece, len);
	else
		*full = true;
	*need += len;
}

size_t text_escape(const char *s, char *out, size_t outsz)
{
	size_t need = 0;
	bool full = false;
	size_t n = s ? strlen(s) : 0;
	size_t written = 0;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t len = next_char(s + i, n - i, &c);
		char buf[16];
		if (len < 0) {
			put(out, outsz, &need, &full, "\xEF\xBF\xBD", 3);
			len = 1;
		} else if (c < 0x20 || c == 0x7F) {
			int k = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
			put(out, outsz, &need, &full, buf, (size_t)k);
		} else if (c == '\\') {
			put(out, outsz, &need, &full, "\\\\", 2);
		} else if (is_control(c) || is_bidi(c) || is_invisible(c)) {
			int k = snprintf(buf, sizeof buf, "\\u%04X", (unsigned)c);
			put(out, outsz, &need, &full, buf, (size_t)k);
		} else {
			put(out, outsz, &need, &full, s + i, (size_t)len);
		}
		if (!full)
			written = need;
		i += (size_t)len;
	}
	if (outsz > 0)
		out[written] = '\0';
	return need;
}

const char *text_shown(const char *s, char *out, size_t outsz)
{
	(void)text_escape(s ? s : "", out, outsz);
	return out;
}

int text_width(const char *s)
{
	if (!s)
		return 0;
	size_t n = strlen(s);
	int w = 0;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t len = next_char(s + i, n - i, &c);
		if (len < 0) {
			/* Shown as U+FFFD by text_escape: one column. */
			w += 1;
			len = 1;
		} else {
			w += utf8proc_charwidth(c);
		}
		i += (size_t)len;
	}
	return w;
}

size_t text_fit(const char *s, int cols)
{
	if (!s || cols <= 0)
		return 0;
	size_t n = strlen(s);
	int w = 0;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t c;
		utf8proc_ssize_t len = next_char(s + i, n - i, &c);
		int cw = 1;
		if (len < 0)
			len = 1;
		else
			cw = utf8proc_charwidth(c);
		/* Zero-width marks after the last character that fits still belong to it. */
		if (w + cw > cols)
			break;
		w += cw;
		i += (size_t)len;
	}
	return i;
}

char *text_trim(char *s)
{
	if (!s)
		return s;
	size_t start = 0, end = strlen(s);
	while (start < end && s[start] == ' ')
		start++;
	while (end > start && s[end - 1] == ' ')
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

const char *text_list_item(const char *s, const char **item, size_t *n)
{
	s += strspn(s, " ");
	size_t len = strcspn(s, ",");
	*item = s;
	*n = len;
	while (*n > 0 && s[*n - 1] == ' ')
		(*n)--;
	return s[len] == ',' ? s + len + 1 : NULL;
}

int text_join(char *out, size_t outsz, size_t *len, const char *sep, const char *item,
	      size_t itemlen)
{
	size_t seplen = *len ? strlen(sep) : 0;
	if (*len + seplen + itemlen + 1 > outsz)
		return -1;
	memcpy(out + *len, sep, seplen);
	memcpy(out + *len + seplen, item, itemlen);
	*len += seplen + itemlen;
	out[*len] = '\0';
	return 0;
}

bool text_list_has(const char *list, const char *id)
{
	size_t idlen = strlen(id);
	for (const char *p = list; p && *p;) {
		const char *item;
		size_t n;
		p = text_list_item(p, &item, &n);
		if (n == idlen && strncmp(item, id, n) == 0)
			return true;
	}
	return false;
}

bool text_next_item(const char **s, char *item, size_t itemsz)
{
	if (!*s || !**s || itemsz == 0)
		return false;
	const char *start;
	size_t n;
	const char *next = text_list_item(*s, &start, &n);
	(void)snprintf(item, itemsz, "%.*s", (int)(n < itemsz ? n : itemsz - 1), start);
	*s = next ? next : start + strlen(start);
	return true;
}
