/* text — user text hygiene: validation at input, escaping at output, display width.
 * Guards the terminal against escape sequences and bidi tricks hidden in names. */
#ifndef BALIE_TEXT_H
#define BALIE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum text_problem {
	TEXT_OK = 0,
	TEXT_EMPTY,        /* required text is empty or only spaces */
	TEXT_INVALID_UTF8, /* not valid UTF-8 */
	TEXT_CONTROL,      /* C0/C1 control character (tab, newline, ESC ...) */
	TEXT_BIDI,         /* bidirectional override/isolate/mark characters */
	TEXT_TOO_LONG,     /* more than the allowed number of bytes */
	TEXT_INVISIBLE     /* zero-width, tag or other invisible format characters */
};

/* Check one line of user text; allow_empty says whether "" is acceptable. */
enum text_problem text_check(const char *s, size_t max_bytes, bool allow_empty);

/* The same for text of several lines (notes, descriptions): newlines are allowed, every
 * other control character is not. */
enum text_problem text_check_lines(const char *s, size_t max_bytes, bool allow_empty);

/* A translated, lower-case explanation of a problem ("contains a control character"). */
const char *text_problem_message(enum text_problem p);

/* text_problem_message for the text s checked against max bytes, naming the limit when it
 * is too long ("is too long: 5000 bytes, at most 200"); the result is buf or a constant. */
const char *text_problem_said(enum text_problem p, const char *s, size_t max, char *buf,
			      size_t bufsz);

/* Copy s to out making every control, bidi, invisible or invalid byte visible
 * (ESC -> "\x1b", U+200B -> "\u200B", invalid UTF-8 -> U+FFFD); a backslash is doubled so
 * that no stored text can pass for an escape. Always NUL-terminates when outsz > 0; returns the length
 * the full result needs (like snprintf). */
size_t text_escape(const char *s, char *out, size_t outsz);

/* s escaped as text_escape does (NULL as ""), cut short at outsz, for a "%s" of a message
 * that shows what was given; returns out. */
const char *text_shown(const char *s, char *out, size_t outsz);

/* Display columns of valid UTF-8 s (wide characters count 2, combining marks 0). */
int text_width(const char *s);

/* Byte length of the longest prefix of s that fits in cols columns (never splits a character). */
size_t text_fit(const char *s, int cols);

/* Trim leading/trailing ASCII spaces in place; returns s. */
char *text_trim(char *s);

/* The item of the comma-separated list at s, spaces around it trimmed, in place: its start
 * in *item, its length in *n. Returns where the next item starts, or NULL after the last
 * ("a," ends in an empty item: callers that refuse empty items see it). */
const char *text_list_item(const char *s, const char **item, size_t *n);

/* Whether the comma-separated list holds id as one of its items (trimmed of spaces). */
bool text_list_has(const char *list, const char *id);

/* Append sep (unless the list is still empty) and the itemlen bytes of item to the list in
 * out, of which *len bytes are used; whole items only, so that a cut list never ends in half
 * a name. 0, or -1 with out and *len unchanged when it does not fit in outsz. */
int text_join(char *out, size_t outsz, size_t *len, const char *sep, const char *item,
	      size_t itemlen);

/* The next item of a comma-separated list at *s, spaces around it trimmed, into item (cut
 * to itemsz - 1 bytes); *s moves past it and its comma. False when the list is done ("a,"
 * is one item, "a,,b" three, the second empty). */
bool text_next_item(const char **s, char *item, size_t itemsz);

#endif
