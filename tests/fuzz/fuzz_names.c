/* fuzz_names — libFuzzer harness for the name parser and normaliser: any bytes as a
 * visitor's name (invalid UTF-8, control characters, very long text) through names_parse,
 * names_fold, a query (its probes, a found key, the prefix probes, scoring a few packed
 * records) with and without a birth date, and as a banned person's record (its keys and
 * their variants). */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"

#define NRECS 6
static struct names_keys recs[NRECS];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const struct names_record r[NRECS] = {
		{"Jan", "de", "Vries", "", "", "1980-05-01"},
		{"Ayşe", "", "Çelik", "", "", "1975-03-12"},
		{"Marie", "", "Geëlen", "van", "Dijk", ""},
		{"J.P.", "van 't", "Hek", "", "", ""},
		{"Łukasz", "", "IJzerman-Yılmaz", "", "", "1990-07-20"},
		{"Hendrik", "", "Kuijpers", "", "", "1966-01-31"},
	};
	for (int i = 0; i < NRECS; i++)
		if (names_keys_make(&r[i], &recs[i]) != 0)
			abort();
	return 0;
}

static void query(const char *text, const char *born)
{
	struct names_query *q = names_query_new(text, born);
	if (!q)
		return;
	size_t n = 0;
	const struct names_probe *p = names_query_probes(q, &n);
	if (n > 0)
		names_query_found(q, p[0].text);
	(void)names_query_prefix_probes(q, &n);
	uint64_t all = names_query_all_readings(q);
	for (int i = 0; i < NRECS; i++) {
		struct names_score sc;
		(void)names_query_score(q, all, recs[i].data, recs[i].len, &sc);
	}
	names_query_free(q);
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
	query(text, "");
	query(text, "1980-05-01");
	/* The same bytes as a person on the list: given name and surname split at a tab. */
	char *tab = strchr(text, '\t');
	if (tab)
		*tab = '\0';
	struct names_record r = {tab ? text : "", "", tab ? tab + 1 : text, "", "", ""};
	static struct names_keys k;
	if (names_keys_make(&r, &k) == 0 && k.nkeys > 0) {
		char v[NAMES_KEYS_MAX + 32][NAMES_KEY_LEN];
		(void)names_key_variants(k.key[0], v, (int)(sizeof v / sizeof *v));
	}
	free(text);
	return 0;
}
