/* names_nick — the Dutch nickname table (data/nicknames.txt, built in): which given names
 * are forms of the same name (Kees = Cornelis), read once on first use into static arrays. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"
#include "core/names_internal.h"

#define NICK_MAX 2048   /* names in the table (data/nicknames.txt has about 600) */
#define GROUPS_MAX 1024 /* lines */

struct nick {
	char name[24];
	uint16_t group;
};

/* Read once, then only read: the matcher runs on one thread. */
static struct {
	bool loaded;
	struct nick nicks[NICK_MAX];
	size_t n;
	char letters[GROUPS_MAX][16]; /* first letters of the names of each group */
} table;

static int cmp_nick(const void *a, const void *b)
{
	const struct nick *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (int)x->group - (int)y->group;
}

static void load(void)
{
	uint16_t group = 0;
	for (const char *p = names_nicknames_txt; *p && group < GROUPS_MAX;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 0 && p[0] != '#') {
			char line[512];
			size_t l = len < sizeof line - 1 ? len : sizeof line - 1;
			memcpy(line, p, l);
			line[l] = '\0';
			struct names_toks tk;
			if (names_tokenize(line, &tk) == 0 && tk.n > 0) {
				for (int i = 0; i < tk.n && table.n < NICK_MAX; i++) {
					if (tk.t[i].len >= sizeof table.nicks[0].name)
						continue;
					struct nick *n = &table.nicks[table.n++];
					memcpy(n->name, tk.t[i].w, (size_t)tk.t[i].len + 1);
					n->group = group;
				}
				group++;
			}
		}
		p += len + (e ? 1 : 0);
		if (!e)
			break;
	}
	qsort(table.nicks, table.n, sizeof *table.nicks, cmp_nick);
	for (size_t i = 0; i < table.n; i++) {
		char *l = table.letters[table.nicks[i].group];
		size_t n = strlen(l);
		if (!strchr(l, table.nicks[i].name[0]) && n + 1 < sizeof *table.letters)
			l[n] = table.nicks[i].name[0];
	}
	table.loaded = true;
}

/* The nickname groups a folded given name belongs to; how many were written. */
static int nick_groups(const char *w, uint16_t *out, int max)
{
	if (!table.loaded)
		load();
	size_t lo = 0, hi = table.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(table.nicks[mid].name, w) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int n = 0;
	for (size_t i = lo; i < table.n && n < max && strcmp(table.nicks[i].name, w) == 0; i++)
		out[n++] = table.nicks[i].group;
	return n;
}

void names_given_nick(const char *w, char *groups, char *letters)
{
	uint16_t g[NAMES_NICK_GROUPS];
	int ng = w[0] && w[1] ? nick_groups(w, g, NAMES_NICK_GROUPS) : 0;
	size_t o = 0, nl = 0;
	letters[0] = '\0';
	for (int i = 0; i < ng; i++) {
		groups[o++] = (char)(0x80 | (g[i] >> 7));
		groups[o++] = (char)(0x80 | (g[i] & 0x7f));
		for (const char *l = table.letters[g[i]]; *l; l++)
			if (!strchr(letters, *l) && nl + 1 < NAMES_WORD_MAX) {
				letters[nl++] = *l;
				letters[nl] = '\0';
			}
	}
	groups[o] = '\0';
}

uint32_t names_nick_hash(void)
{
	/* FNV-1a over the text: cheap enough for every open, no need to read the table */
	uint32_t h = 2166136261u;
	for (const char *p = names_nicknames_txt; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}
