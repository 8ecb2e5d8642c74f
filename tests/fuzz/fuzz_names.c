/* fuzz_names — libFuzzer harness for the name parser and normaliser: any bytes as a
 * visitor's name (invalid UTF-8, control characters, very long text) through
 * names_parse, names_fold and a search of a small index with and without a birth date. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/names.h"

static struct names_index *ix;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const struct names_record recs[] = {
		{1, "Jan", "de", "Vries", "", "", "1980-05-01"},
		{2, "Ayşe", "", "Çelik", "", "", "1975-03-12"},
		{3, "Marie", "", "Geëlen", "van", "Dijk", ""},
		{4, "J.P.", "van 't", "Hek", "", "", ""},
		{5, "Łukasz", "", "IJzerman-Yılmaz", "", "", "1990-07-20"},
		{6, "Hendrik", "", "Kuijpers", "", "", "1966-01-31"},
	};
	ix = names_index_new();
	if (!ix)
		abort();
	for (size_t i = 0; i < sizeof recs / sizeof *recs; i++)
		if (names_index_add(ix, &recs[i]) != 0)
			abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct names_parsed p;
	(void)names_parse(text, &p);
	free(names_fold(text));
	struct names_hit hits[16];
	(void)names_index_search(ix, text, "", hits, 16);
	(void)names_index_search(ix, text, "1980-05-01", hits, 16);
	free(text);
	return 0;
}
