/* bench_names — generated Dutch bans (many namesakes) for the visitor-check benchmarks, and
 * the check's latency in one process: p50/p99 over mixed queries against a database.
 *
 *   bench_names --queries DB N Q     time Q queries on DB (imported from the N-ban CSV below)
 *   bench_names --csv N FILE         write N bans as a `balie ban import` CSV
 *   bench_names --visitors N FILE    write N visitors ("name<TAB>born") for `check --batch`
 *   bench_names --surnames N FILE    write the surname of each of the same N visitors
 */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "benchutil.h"
#include "core/lib.h"
#include "store/lib.h"

/* ---------------------------------------------------------------- generator */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	/* xorshift64*: deterministic, so every run indexes the same people */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static size_t rndn(size_t n)
{
	return (size_t)(rnd() % n);
}

static double rnd01(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

/* The most frequent surnames in the Netherlands, with their tussenvoegsel, most frequent
 * first; the generator draws from them by a Zipf law, so namesakes are common. */
static const char *const top_surnames[][2] = {
	{ "de", "Jong" }, { "", "Jansen" }, { "de", "Vries" }, { "van den", "Berg" },
	{ "van", "Dijk" }, { "", "Bakker" }, { "", "Janssen" }, { "", "Visser" }, { "", "Smit" },
	{ "", "Meijer" }, { "de", "Boer" }, { "", "Mulder" }, { "de", "Groot" }, { "", "Bos" },
	{ "", "Vos" }, { "", "Peters" }, { "", "Hendriks" }, { "van", "Leeuwen" },
	{ "", "Dekker" }, { "", "Brouwer" }, { "de", "Wit" }, { "", "Dijkstra" }, { "", "Smits" },
	{ "de", "Graaf" }, { "van der", "Meer" }, { "van der", "Linden" }, { "", "Kok" },
	{ "", "Jacobs" }, { "de", "Haan" }, { "", "Vermeulen" }, { "van den", "Heuvel" },
	{ "van der", "Veen" }, { "van den", "Broek" }, { "de", "Bruijn" }, { "de", "Bruin" },
	{ "van der", "Heijden" }, { "", "Schouten" }, { "van", "Beek" }, { "", "Willems" },
	{ "van", "Vliet" }, { "van de", "Ven" }, { "", "Hoekstra" }, { "", "Maas" },
	{ "", "Verhoeven" }, { "", "Koster" }, { "van", "Dam" }, { "van der", "Wal" },
	{ "", "Prins" }, { "", "Blom" }, { "", "Huisman" }, { "", "Peeters" }, { "de", "Jonge" },
	{ "", "Kuipers" }, { "van", "Veen" }, { "", "Post" }, { "", "Kuiper" }, { "", "Veenstra" },
	{ "", "Kramer" }, { "van den", "Brink" }, { "", "Scholten" }, { "van", "Wijk" },
	{ "", "Postma" }, { "", "Martens" }, { "", "Vink" }, { "de", "Ruiter" }, { "", "Timmermans" },
	{ "", "Groen" }, { "", "Gerritsen" }, { "", "Jonker" }, { "van", "Loon" },
	{ "", "Boer" }, { "van der", "Velde" }, { "", "Willemsen" }, { "", "Smeets" },
	{ "de", "Lange" }, { "de", "Vos" }, { "", "Bosch" }, { "van", "Dongen" }, { "", "Schipper" },
	{ "de", "Koning" }, { "van der", "Laan" }, { "", "Koning" }, { "van der", "Velden" },
	{ "", "Driessen" }, { "van", "Doorn" }, { "", "Hermans" }, { "", "Evers" },
	{ "van den", "Bosch" }, { "van der", "Meulen" }, { "", "Hofman" }, { "", "Bosman" },
	{ "", "Wouters" }, { "", "Sanders" }, { "van der", "Horst" }, { "", "Mol" }, { "", "Kuijpers" },
	{ "", "Molenaar" }, { "van de", "Pol" }, { "de", "Leeuw" }, { "", "Verbeek" },
	{ "", "Yilmaz" }, { "", "Kaya" }, { "", "Demir" }, { "", "Sahin" }, { "", "Celik" },
	{ "", "Yildiz" }, { "", "Ozturk" }, { "", "Aydin" }, { "", "Arslan" }, { "", "Dogan" },
	{ "el", "Amrani" }, { "", "Benali" }, { "", "Bouzid" }, { "el", "Idrissi" },
	{ "", "Ait Ben Haddou" }, { "", "Boukhari" }, { "", "Ouali" }, { "", "Nguyen" },
	{ "", "Mahabier" }, { "", "Ramdin" }, { "", "Sewdien" }, { "", "Nowak" },
	{ "", "Kowalski" }, { "", "Wiśniewski" }, { "", "Müller" }, { "", "Schmidt" },
	{ "", "O'Brien" }, { "d'", "Ancona" }, { "van 't", "Hof" }, { "ter", "Horst" },
	{ "ten", "Hagen" }, { "", "Hendrickx" }, { "", "Cuypers" }, { "", "IJzerman" },
};
#define NTOP (sizeof top_surnames / sizeof *top_surnames)

static const char *const roots[] = {
	"Berg", "Brink", "Dijk", "Hout", "Meer", "Veld", "Kamp", "Bos", "Wijk", "Hof", "Vliet",
	"Broek", "Dam", "Horst", "Water", "Molen", "Linde", "Heuvel", "Kerk", "Zand", "Steen",
	"Hoek", "Groot", "Klein", "Wester", "Ooster", "Noord", "Zuid", "Haver", "Rog", "Tarwe",
	"Boom", "Eik", "Beuk", "Wilg", "Riet", "Hei", "Duin", "Zee", "Mast", "Stal", "Schuur",
	"Kooi", "Hamer", "Smid", "Bakker", "Koop", "Lam", "Vos", "Haas", "Wolf", "Beer", "Valk",
	"Bron", "Sloot", "Gracht", "Wiel", "Dorp", "Stad", "Buur", "Geer", "Hul", "Ros", "Ploeg"
};
static const char *const suffixes[] = {
	"man", "s", "sma", "stra", "huis", "ink", "ers", "ing", "enga", "inga", "ema", "er",
	"hof", "kamp", "veld", "beek", "link", "werf", "mans", "sen", "el", "ens", "horst", "dijk"
};
static const char *const tail_prefixes[] = { "", "", "", "", "", "van", "de", "van der",
					     "van den", "ter", "te", "van de" };

static const char *const men[] = {
	"Jan", "Johannes", "Hendrik", "Cornelis", "Willem", "Pieter", "Gerrit", "Jacobus", "Dirk",
	"Klaas", "Henk", "Kees", "Wim", "Piet", "Bram", "Abraham", "Thomas", "Daan", "Sem", "Lucas",
	"Levi", "Finn", "Milan", "Jesse", "Bas", "Ruud", "Mark", "Peter", "Frank", "Erik",
	"Martijn", "Jeroen", "Sander", "Dennis", "Mohamed", "Ahmed", "Youssef", "Mehmet",
	"Mustafa", "Ibrahim", "Emre", "Karim", "Tomasz", "Łukasz", "Jürgen", "Sean", "Adrianus",
	"Gerardus", "Theodorus", "Franciscus", "Antonius", "Matthijs", "Arie", "Joost", "Stefan"
};
static const char *const women[] = {
	"Maria", "Johanna", "Anna", "Cornelia", "Elisabeth", "Wilhelmina", "Hendrika",
	"Catharina", "Emma", "Julia", "Sophie", "Lotte", "Anouk", "Sanne", "Lisa", "Eva",
	"Fleur", "Iris", "Sara", "Tess", "Femke", "Ingrid", "Monique", "Petra", "Linda",
	"Marloes", "Fatima", "Khadija", "Ayşe", "Zeynep", "Fatma", "Yvonne", "Anke", "Karin",
	"Marja", "Truus", "Greet", "Nel", "Ria", "Mieke"
};
#define NMEN (sizeof men / sizeof *men)
#define NWOMEN (sizeof women / sizeof *women)

struct person {
	char given[64], prefix[16], surname[48], pprefix[16], psurname[48], born[11];
};

static size_t ntail;
static double *zipf_cdf;

/* Surname ranks 0..NTOP-1 are the real top list, the rest generated compounds. */
static void surname_of(size_t rank, char *prefix, size_t psz, char *surname, size_t ssz)
{
	if (rank < NTOP) {
		snprintf(prefix, psz, "%s", top_surnames[rank][0]);
		snprintf(surname, ssz, "%s", top_surnames[rank][1]);
		return;
	}
	size_t r = rank - NTOP;
	size_t nr = sizeof roots / sizeof *roots, ns = sizeof suffixes / sizeof *suffixes;
	const char *root = roots[r % nr];
	const char *suf = suffixes[(r / nr) % ns];
	size_t variant = r / (nr * ns);
	snprintf(prefix, psz, "%s", tail_prefixes[(r * 7) % (sizeof tail_prefixes / sizeof *tail_prefixes)]);
	if (variant == 0) {
		snprintf(surname, ssz, "%s%s", root, suf);
	} else {
		/* rarer spellings and forms of the compound: Brinkeman, Brinkerlink … */
		static const char *const alt[] = { "e", "en", "er", "ke", "de", "te", "el" };
		static const char *const alt2[] = { "", "m", "l", "r", "n", "k", "t", "s", "w" };
		snprintf(surname, ssz, "%s%s%s%s", root, alt[(variant - 1) % 7],
			 alt2[((variant - 1) / 7) % 9], suf);
	}
}

static void zipf_init(size_t nsurnames)
{
	ntail = nsurnames;
	zipf_cdf = malloc(nsurnames * sizeof *zipf_cdf);
	if (!zipf_cdf)
		exit(2);
	double sum = 0;
	for (size_t i = 0; i < nsurnames; i++) {
		/* offset 50: the top name ("de Jong") gets about 0.4 %, as in the Netherlands */
		sum += 1.0 / (double)(i + 50);
		zipf_cdf[i] = sum;
	}
	for (size_t i = 0; i < nsurnames; i++)
		zipf_cdf[i] /= sum;
}

static size_t zipf_draw(void)
{
	double u = rnd01();
	size_t lo = 0, hi = ntail - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (zipf_cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Bytes of the first (UTF-8) letter: the initial of Łukasz is Ł, not half of it. */
static int first_char(const char *s)
{
	int n = 1;
	while (((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

static void person_gen(struct person *p)
{
	memset(p, 0, sizeof *p);
	bool woman = rnd() & 1;
	const char *g1 = woman ? women[rndn(NWOMEN)] : men[rndn(NMEN)];
	/* given names are skewed too: the first few are far more common */
	if (rnd01() < 0.5)
		g1 = woman ? women[rndn(8)] : men[rndn(8)];
	double form = rnd01();
	if (form < 0.15) {
		const char *g2 = woman ? women[rndn(NWOMEN)] : men[rndn(NMEN)];
		snprintf(p->given, sizeof p->given, "%s %s", g1, g2);
	} else if (form < 0.22) {
		const char *g2 = woman ? women[rndn(NWOMEN)] : men[rndn(NMEN)];
		snprintf(p->given, sizeof p->given, "%.*s.%.*s.", first_char(g1), g1, first_char(g2), g2);
	} else {
		snprintf(p->given, sizeof p->given, "%s", g1);
	}
	surname_of(zipf_draw(), p->prefix, sizeof p->prefix, p->surname, sizeof p->surname);
	if (woman && rnd01() < 0.25)
		surname_of(zipf_draw(), p->pprefix, sizeof p->pprefix, p->psurname,
			   sizeof p->psurname);
	if (rnd01() < 0.9)
		snprintf(p->born, sizeof p->born, "%04d-%02d-%02d", 1940 + (int)rndn(66),
			 1 + (int)rndn(12), 1 + (int)rndn(28));
}

/* ---------------------------------------------------------------- queries */

enum qkind { Q_EXACT, Q_TYPO, Q_PARTIAL, Q_UNKNOWN, Q_KINDS };
static const char *const qkind_name[] = { "exact", "misspelt", "partial", "unknown" };

struct bquery {
	char text[160];
	char born[11];
	enum qkind kind;
	int64_t target; /* the banned person the query was made from, 0 for strangers */
};

static void typo(char *s)
{
	size_t n = strlen(s);
	if (n < 4)
		return;
	size_t i = 1 + rndn(n - 2);
	switch (rndn(3)) {
	case 0: { /* swap two letters */
		char t = s[i];
		s[i] = s[i + 1];
		s[i + 1] = t;
		break;
	}
	case 1: /* drop one */
		memmove(s + i, s + i + 1, n - i);
		break;
	default: /* double one */
		if (n + 2 < 160) {
			memmove(s + i + 1, s + i, n - i + 1);
		}
		break;
	}
}

static void display(const struct person *p, char *out, size_t outsz)
{
	switch (rndn(3)) {
	case 0:
		snprintf(out, outsz, "%s, %s%s%s", p->surname, p->given, p->prefix[0] ? " " : "",
			 p->prefix);
		break;
	default:
		snprintf(out, outsz, "%s %s%s%s", p->given, p->prefix, p->prefix[0] ? " " : "",
			 p->surname);
		break;
	}
}

static void make_query(const struct person *people, size_t n, struct bquery *q)
{
	memset(q, 0, sizeof *q);
	double u = rnd01();
	size_t pi = rndn(n);
	const struct person *p = &people[pi];
	q->target = (int64_t)pi + 1;
	if (u < 0.45) {
		q->kind = Q_EXACT;
		display(p, q->text, sizeof q->text);
		if (rnd01() < 0.5)
			memcpy(q->born, p->born, sizeof q->born);
	} else if (u < 0.65) {
		q->kind = Q_TYPO;
		snprintf(q->text, sizeof q->text, "%s %s%s%s", p->given, p->prefix,
			 p->prefix[0] ? " " : "", p->surname);
		typo(q->text + strlen(p->given) + 1);
	} else if (u < 0.85) {
		q->kind = Q_PARTIAL;
		char full[160];
		snprintf(full, sizeof full, "%s%s%s %s", p->prefix, p->prefix[0] ? " " : "",
			 p->surname, p->given);
		size_t len = strlen(full);
		size_t cut = 2 + rndn(len > 3 ? len - 2 : 1);
		snprintf(q->text, sizeof q->text, "%.*s", (int)cut, full);
	} else {
		q->kind = Q_UNKNOWN;
		q->target = 0;
		struct person x;
		person_gen(&x);
		snprintf(q->text, sizeof q->text, "%s %s%s%s", x.given, x.prefix,
			 x.prefix[0] ? " " : "", x.surname);
		memcpy(q->born, x.born, sizeof q->born);
	}
}

/* ---------------------------------------------------------------- measuring */

static struct person *make_people(size_t n)
{
	struct person *people = malloc(n * sizeof *people);
	if (!people) {
		fprintf(stderr, "bench_names: out of memory\n");
		exit(2);
	}
	/* about one surname per 20 people: realistic clustering, many namesakes */
	zipf_init(n / 20 + NTOP);
	for (size_t i = 0; i < n; i++)
		person_gen(&people[i]);
	return people;
}

/* Time store_ban_check in this process over nq mixed queries made from the same n people
 * as the CSV the database at path was imported from (ban i + 1 is person i). */
static int run(const char *path, size_t n, size_t nq)
{
	long rss_start = bench_rss_kb(0);
	rng_state = 0x9E3779B97F4A7C15ULL ^ n;
	struct person *people = make_people(n);
	long rss_people = bench_rss_kb(0);
	char err[1024];
	struct store *st = store_open(path, 0, err, sizeof err);
	if (!st) {
		fprintf(stderr, "bench_names: %s\n", err);
		return 2;
	}
	struct bquery *qs = malloc(nq * sizeof *qs);
	double *lat = malloc(nq * sizeof *lat);
	double *klat[Q_KINDS];
	size_t kn[Q_KINDS] = { 0 }, khits[Q_KINDS] = { 0 }, kfound[Q_KINDS] = { 0 };
	int shown = 0;
	for (int k = 0; k < Q_KINDS; k++)
		klat[k] = malloc(nq * sizeof *klat[k]);
	if (!qs || !lat || !klat[0] || !klat[1] || !klat[2] || !klat[3])
		return 2;
	for (size_t i = 0; i < nq; i++)
		make_query(people, n, &qs[i]);
	static struct ban_hit hits[500];
	size_t total_hits = 0;
	size_t slow[5] = { 0 };
	long rss0 = bench_rss_kb(0);
	for (size_t i = 0; i < nq; i++) {
		size_t h = 0;
		double a = bench_now_ms();
		if (store_ban_check(st, qs[i].text, qs[i].born, "2026-11-25", hits, 500, &h) !=
		    STORE_OK) {
			fprintf(stderr, "bench_names: %s\n", store_error(st));
			return 2;
		}
		lat[i] = bench_now_ms() - a;
		klat[qs[i].kind][kn[qs[i].kind]++] = lat[i];
		khits[qs[i].kind] += h > 0;
		bool found = false;
		for (size_t j = 0; j < h; j++)
			found = found || hits[j].ban.id == qs[i].target;
		kfound[qs[i].kind] += found;
		if (!found && qs[i].kind == Q_EXACT && shown++ < 5)
			printf("  not in the first 500: \"%s\" %s\n", qs[i].text, qs[i].born);
		total_hits += h;
		store_ban_hits_clear(hits, h);
		for (int s5 = 0; s5 < 5; s5++) {
			if (lat[i] > lat[slow[s5]] || i == 0) {
				memmove(slow + s5 + 1, slow + s5, (4 - (size_t)s5) * sizeof *slow);
				slow[s5] = i;
				break;
			}
		}
	}
	long rss1 = bench_rss_kb(0);
	printf("  slowest:");
	for (int s5 = 0; s5 < 5; s5++)
		printf(" \"%s\" %.1f ms;", qs[slow[s5]].text, lat[slow[s5]]);
	printf("\n");
	bench_sort(lat, nq);
	printf("store_ban_check in one process, %zu bans: %zu queries: p50 %.3f ms  p99 %.3f ms"
	       "  max %.3f ms  (avg %.1f hits; resident %ld kB, of which %ld kB the generated"
	       " people; %+ld kB over the queries)\n",
	       n, nq, bench_pct(lat, nq, 0.5), bench_pct(lat, nq, 0.99), lat[nq - 1],
	       (double)total_hits / (double)nq, rss1, rss_people - rss_start, rss1 - rss0);
	for (int k = 0; k < Q_KINDS; k++) {
		if (!kn[k])
			continue;
		bench_sort(klat[k], kn[k]);
		printf("  %-9s %5zu: p50 %.3f ms  p99 %.3f ms  with hits %.1f%%", qkind_name[k],
		       kn[k], bench_pct(klat[k], kn[k], 0.5), bench_pct(klat[k], kn[k], 0.99),
		       100.0 * (double)khits[k] / (double)kn[k]);
		if (k != Q_UNKNOWN)
			printf("  person found %.1f%%", 100.0 * (double)kfound[k] / (double)kn[k]);
		printf("\n");
	}
	fflush(stdout);
	store_close(st);
	for (int k = 0; k < Q_KINDS; k++)
		free(klat[k]);
	free(lat);
	free(qs);
	free(people);
	free(zipf_cdf);
	return 0;
}

/* ---------------------------------------------------------------- files for the CLI bench */

static int write_csv(size_t n, const char *path)
{
	rng_state = 0x9E3779B97F4A7C15ULL ^ n;
	struct person *people = make_people(n);
	FILE *fp = fopen(path, "w");
	if (!fp) {
		perror(path);
		return 2;
	}
	static const char *const kinds[] = { "building", "phone", "building+phone", "service",
					     "warning" };
	static const char *const reasons[] = { "verbal", "threat", "obstruction", "attempt",
					       "physical", "property", "other" };
	fprintf(fp, "given_names,prefix,surname,born,kind,starts,ends,reason,partner_prefix,"
		    "partner_surname\n");
	for (size_t i = 0; i < n; i++) {
		const struct person *p = &people[i];
		/* active bans: started this year, end on one of 336 days next year (a real list
		 * ends its bans on many days, not on a dozen) */
		fprintf(fp, "\"%s\",\"%s\",\"%s\",%s,%s,2026-01-%02d,2027-%02d-%02d,%s,\"%s\",\"%s\"\n",
			p->given, p->prefix, p->surname, p->born, kinds[i % 5], 1 + (int)(i % 28),
			1 + (int)(i % 12), 1 + (int)(i / 12 % 28), reasons[i % 7], p->pprefix,
			p->psurname);
	}
	free(people);
	free(zipf_cdf);
	return fclose(fp) == 0 ? 0 : 2;
}

/* Visitors for the batch check: half of them banned people (as typed at the desk, some
 * misspelt), half strangers; mode 's' writes just their surnames for the SQL baseline. */
static int write_visitors(size_t nbans, size_t n, const char *path, char mode)
{
	rng_state = 0x9E3779B97F4A7C15ULL ^ nbans;
	struct person *people = make_people(nbans);
	rng_state = 0x1234567ULL;
	FILE *fp = fopen(path, "w");
	if (!fp) {
		perror(path);
		return 2;
	}
	for (size_t i = 0; i < n; i++) {
		struct person x;
		const struct person *p = &people[rndn(nbans)];
		if (i % 2) {
			person_gen(&x);
			p = &x;
		}
		if (mode == 's')
			fprintf(fp, "%s\n", p->surname);
		else
			fprintf(fp, "%s %s%s%s\t%s\n", p->given, p->prefix, p->prefix[0] ? " " : "",
				p->surname, i % 4 == 0 ? p->born : "");
	}
	free(people);
	free(zipf_cdf);
	return fclose(fp) == 0 ? 0 : 2;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--csv") == 0)
		return write_csv(strtoul(argv[2], NULL, 10), argv[3]);
	if (argc == 5 && strcmp(argv[1], "--visitors") == 0)
		return write_visitors(strtoul(argv[2], NULL, 10), strtoul(argv[3], NULL, 10), argv[4], 'v');
	if (argc == 5 && strcmp(argv[1], "--surnames") == 0)
		return write_visitors(strtoul(argv[2], NULL, 10), strtoul(argv[3], NULL, 10), argv[4], 's');
	if (argc == 5 && strcmp(argv[1], "--queries") == 0)
		return run(argv[2], strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10));
	fprintf(stderr, "usage: bench_names --csv N FILE | --visitors N M FILE | --surnames N M FILE"
			" | --queries DB N NQUERIES\n");
	return 2;
	return 0;
}
