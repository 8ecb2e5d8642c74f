/* named — lookups in the name/label tables of small enums (see named.h). */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/named.h"
#include "core/text.h"
#include "i18n.h"

const char *named_name(const struct named *t, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? t[v].name : "?";
}

const char *named_label(const struct named *t, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? _(t[v].label) : "?";
}

const char *named_message(const char *const *t, size_t n, int v, const char *fallback)
{
	if (v < 0 || (size_t)v >= n)
		return fallback;
	return t[v] ? _(t[v]) : "";
}

int named_find(const struct named *t, size_t n, const char *s)
{
	for (size_t i = 0; s && *s && i < n; i++)
		if (strcmp(t[i].name, s) == 0)
			return (int)i;
	return -1;
}

int named_read(const struct named *t, size_t n, const char *s)
{
	int i = named_find(t, n, s);
	for (size_t k = 0; i < 0 && s && *s && k < n; k++)
		if (strcasecmp(s, _(t[k].label)) == 0)
			i = (int)k;
	return i;
}

void named_list(const struct named *t, size_t n, char *out, size_t outsz)
{
	size_t len = 0;
	if (outsz == 0)
		return;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (text_join(out, outsz, &len, ", ", t[i].name, strlen(t[i].name)) != 0)
			return;
}
