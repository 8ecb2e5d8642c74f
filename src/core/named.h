/* named — the machine name and the label of each value of a small enum, one table per enum:
 * names for files, the command line and the database, labels (msgids) for people. */
#ifndef BALIE_NAMED_H
#define BALIE_NAMED_H

#include <stddef.h>

struct named {
	const char *name;  /* machine name; "" for a value that is stored, never typed */
	const char *label; /* msgid */
};

/* The name of value v in table t of n entries; "?" outside it (a damaged row: visible,
 * never NULL). */
const char *named_name(const struct named *t, size_t n, int v);

/* The translated label of v; "?" outside the table. */
const char *named_label(const struct named *t, size_t n, int v);

/* The translated message of value v in t, a table of n msgids (N_()) indexed by value:
 * "" where the table has none (a value with nothing to say, such as "no problem"),
 * fallback outside the table. */
const char *named_message(const char *const *t, size_t n, int v, const char *fallback);

/* The value whose name is s, or -1 (also for NULL and for "": an empty name is never typed). */
int named_find(const struct named *t, size_t n, const char *s);

/* What people type into a form: the value named s, else the one whose label in the
 * operator's language is s (any case); -1 when none. */
int named_read(const struct named *t, size_t n, const char *s);

/* The names of the table joined by ", " into out; whole names only when out is short. */
void named_list(const struct named *t, size_t n, char *out, size_t outsz);

/* Declares PREFIX_name, PREFIX_label and PREFIX_parse of enum TYPE, the three functions
 * each such enum exports, in its header (which says what they promise), so that the
 * compiler checks the definitions NAMED_FUNCTIONS makes against them. */
#define NAMED_DECLARE(prefix, type)                                                         \
	const char *prefix##_name(type v);                                                 \
	const char *prefix##_label(type v);                                                \
	int prefix##_parse(const char *s, type *out)

/* Defines int FN(const char *s, TYPE *out): 0 and *out set to the value that lookup
 * (named_find or named_read) gives for s in table t of n entries, or -1 when none. */
#define NAMED_VALUE_FUNCTION(fn, lookup, type, t, n)                                        \
	int fn(const char *s, type *out)                                                   \
	{                                                                                  \
		int i = lookup(t, n, s);                                                   \
		if (i < 0)                                                                 \
			return -1;                                                         \
		*out = (type)i;                                                            \
		return 0;                                                                  \
	}

/* Defines void FN(char *out, size_t outsz): the names of table t of n entries joined as
 * named_list joins them, for an enum whose header declares such a list function. */
#define NAMED_LIST_FUNCTION(fn, t, n)                                                       \
	void fn(char *out, size_t outsz)                                                   \
	{                                                                                  \
		named_list(t, n, out, outsz);                                              \
	}

/* Defines PREFIX_name, PREFIX_label and PREFIX_parse of enum TYPE over table t of n
 * entries, as NAMED_DECLARE declares them.
 * PREFIX_parse: 0 and *out set, or -1 when s names no value (named_find). */
#define NAMED_FUNCTIONS(prefix, type, t, n)                                                 \
	const char *prefix##_name(type v)                                                  \
	{                                                                                  \
		return named_name(t, n, (int)v);                                           \
	}                                                                                  \
	const char *prefix##_label(type v)                                                 \
	{                                                                                  \
		return named_label(t, n, (int)v);                                          \
	}                                                                                  \
	NAMED_VALUE_FUNCTION(prefix##_parse, named_find, type, t, n)

#endif
