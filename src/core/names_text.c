/* names_text — the text layer of the name matcher: utf8proc folding plus the Dutch rules the
 * library cannot know (IJ, tussenvoegsels, apostrophes), a Dutch phonetic key, edit distance. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/dates.h"
#include "core/names.h"
#include "core/names_internal.h"

/* Letters that utf8proc keeps as they are after stripping marks (they are not composed with
 * a mark), written the way a Dutch clerk would type them. */
static const char *special_letter(utf8proc_int32_t c)
{
	switch (c) {
	case 0x0131: return "i";  /* ı dotless i (Yılmaz) */
	case 0x00F8: return "o";  /* ø */
	case 0x0142: return "l";  /* ł (Łukasz) */
	case 0x0111: return "d";  /* đ */
	case 0x00F0: return "d";  /* ð */
	case 0x00FE: return "th"; /* þ */
	case 0x00E6: return "ae"; /* æ */
	case 0x0153: return "oe"; /* œ */
	case 0x00DF: return "ss"; /* ß (case folding already does this) */
	case 0x0127: return "h";  /* ħ */
	case 0x0167: return "t";  /* ŧ */
	case 0x0138: return "k";  /* ĸ */
	case 0x014B: return "n";  /* ŋ */
	case 0x0180: return "b";  /* ƀ */
	case 0x0259: return "e";  /* ə */
	case 0x0268: return "i";  /* ɨ */
	case 0x01B6: return "z";  /* ƶ */
	case 0x0110: return "d";  /* Đ (not folded by every utf8proc version) */
	default: return NULL;
	}
}

static bool is_apostrophe(utf8proc_int32_t c)
{
	return c == '\'' || c == '`' || c == 0x00B4 || c == 0x2018 || c == 0x2019 ||
	       c == 0x02BC || c == 0x02BB || c == 0x2032 || c == 0x02B9;
}

static bool is_hyphen(utf8proc_int32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x00AD;
}

static bool is_letter(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* Replace "ij" by "y" in place: IJzerman = Yzerman, Meijer = Meyer. */
static void ij_to_y(struct names_tok *t)
{
	size_t o = 0;
	for (size_t i = 0; i < t->len; i++) {
		if (t->w[i] == 'i' && i + 1 < t->len && t->w[i + 1] == 'j') {
			t->w[o++] = 'y';
			i++;
		} else {
			t->w[o++] = t->w[i];
		}
	}
	t->len = (unsigned char)o;
	t->w[o] = '\0';
}

struct tokenizer {
	struct names_toks *out;
	struct names_tok cur;
	bool in_word, apos;
	char digits[32];
	size_t ndigits;
	bool digits_done;
};

static void close_word(struct tokenizer *tz)
{
	tz->in_word = false;
	tz->apos = false;
	if (tz->cur.len == 0)
		return;
	ij_to_y(&tz->cur);
	if (tz->out->n < NAMES_TOK_MAX)
		tz->out->t[tz->out->n++] = tz->cur;
	memset(&tz->cur, 0, sizeof tz->cur);
}

static void flag_last(struct tokenizer *tz, unsigned char flag)
{
	if (tz->out->n > 0)
		tz->out->t[tz->out->n - 1].flags |= flag;
}

static void add_bytes(struct tokenizer *tz, const char *b, size_t n)
{
	/* words longer than any name are cut rather than refused: the rest still matches */
	if (tz->cur.len + n >= NAMES_WORD_MAX)
		return;
	memcpy(tz->cur.w + tz->cur.len, b, n);
	tz->cur.len = (unsigned char)(tz->cur.len + n);
	tz->cur.w[tz->cur.len] = '\0';
}

static void end_digits(struct tokenizer *tz)
{
	if (tz->ndigits == 0 || tz->digits_done)
		return;
	tz->digits[tz->ndigits] = '\0';
	uint32_t d = names_date(tz->digits);
	if (d) {
		tz->out->date = d;
		tz->digits_done = true;
	}
	tz->ndigits = 0;
}

int names_tokenize(const char *s, struct names_toks *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return 0;
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n;
	size_t len = strlen(s);
	bool ascii = true;
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	utf8proc_uint8_t small[256];
	if (ascii) {
		/* plain ASCII: every option below leaves it as it is except the case folding,
		 * so skip the library (most names, and it is half the cost of loading a list) */
		m = len < sizeof small ? small : malloc(len + 1);
		if (!m)
			return -1;
		for (size_t i = 0; i <= len; i++)
			m[i] = (utf8proc_uint8_t)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		n = (utf8proc_ssize_t)len;
	} else {
		n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
				 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
					 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
					 UTF8PROC_IGNORE | UTF8PROC_LUMP);
		if (n < 0)
			return -1;
	}
	struct tokenizer tz;
	memset(&tz, 0, sizeof tz);
	tz.out = out;
	bool last_was_letter = false;
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t clen = utf8proc_iterate(m + i, n - i, &c);
		if (clen <= 0) {
			if (m != small)
				free(m);
			memset(out, 0, sizeof *out);
			return -1;
		}
		i += clen;
		last_was_letter = false;
		bool in_digits = tz.ndigits > 0;
		if (c >= '0' && c <= '9') {
			close_word(&tz);
			if (tz.ndigits + 1 < sizeof tz.digits)
				tz.digits[tz.ndigits++] = (char)c;
			continue;
		}
		if (in_digits && (c == '-' || c == '/' || c == '.')) {
			if (tz.ndigits + 1 < sizeof tz.digits)
				tz.digits[tz.ndigits++] = '-';
			continue;
		}
		end_digits(&tz);
		if (is_apostrophe(c)) {
			/* only an apostrophe between letters joins: "O'Brien"; "van 't" stays apart */
			if (tz.in_word)
				tz.apos = true;
			continue;
		}
		const char *sp = c < 0x80 ? NULL : special_letter(c);
		if (sp || (c >= 'a' && c <= 'z') || (c >= 0x80 && is_letter(c))) {
			if (tz.apos) {
				/* elided particles stay a word of their own: d'Ancona, l'Abbé */
				bool elided = tz.cur.len == 1 && (tz.cur.w[0] == 'd' || tz.cur.w[0] == 'l');
				if (elided)
					close_word(&tz);
				tz.apos = false;
			}
			tz.in_word = true;
			if (sp) {
				add_bytes(&tz, sp, strlen(sp));
			} else {
				utf8proc_uint8_t b[4];
				utf8proc_ssize_t bl = utf8proc_encode_char(c, b);
				add_bytes(&tz, (const char *)b, (size_t)bl);
			}
			last_was_letter = true;
			continue;
		}
		close_word(&tz);
		if (is_hyphen(c))
			flag_last(&tz, NAMES_TOK_HYPHEN);
		else if (c == '.')
			flag_last(&tz, NAMES_TOK_DOT);
		else if (c == ',' || c == ';')
			flag_last(&tz, NAMES_TOK_COMMA);
	}
	close_word(&tz);
	end_digits(&tz);
	if (last_was_letter)
		flag_last(&tz, NAMES_TOK_CUT);
	/* a hyphen at the very end joins nothing */
	if (out->n > 0)
		out->t[out->n - 1].flags &= (unsigned char)~NAMES_TOK_HYPHEN;
	if (m != small)
		free(m);
	return 0;
}

char *names_fold(const char *s)
{
	struct names_toks tk;
	if (!s || names_tokenize(s, &tk) < 0)
		return NULL;
	char *r = malloc((size_t)NAMES_TOK_MAX * NAMES_WORD_MAX + 1);
	if (!r)
		return NULL;
	size_t o = 0;
	for (int i = 0; i < tk.n; i++) {
		if (i > 0)
			r[o++] = ' ';
		memcpy(r + o, tk.t[i].w, tk.t[i].len);
		o += tk.t[i].len;
	}
	r[o] = '\0';
	return r;
}

/* ---------------------------------------------------------------- particles */

static const char *const dutch_particles[] = {
	"van", "de", "den", "der", "des", "het", "t", "ten", "ter", "te", "in", "op", "aan",
	"bij", "uit", "voor", "onder", "s", "v", "d", "vd", "vdr", "von", "vom", "zu", "zum",
	"la", "le", "les", "l", "du", "da", "di", "dos", "das", "do", "del", "della", "dela",
	"dalla", "dei", "degli"
};
static const char *const foreign_particles[] = {
	"el", "al", "ben", "bin", "ibn", "ait", "abu", "bou", "bel"
};

enum names_particle_kind names_particle(const char *w)
{
	for (size_t i = 0; i < sizeof dutch_particles / sizeof *dutch_particles; i++)
		if (strcmp(w, dutch_particles[i]) == 0)
			return NAMES_PART_DUTCH;
	for (size_t i = 0; i < sizeof foreign_particles / sizeof *foreign_particles; i++)
		if (strcmp(w, foreign_particles[i]) == 0)
			return NAMES_PART_FOREIGN;
	return NAMES_PART_NONE;
}

const char *names_particle_canon(const char *w)
{
	if (strcmp(w, "het") == 0)
		return "t";
	if (strcmp(w, "v") == 0)
		return "van";
	return w;
}

/* Particles that are written joined to the name ("Vandenberg", "Devries", "Tenhagen",
 * "Benhaddou"), longest first so that "den" wins over "de". */
static const char *const joinable[] = {
	"van", "den", "der", "de", "het", "ter", "ten", "ait", "ben", "abu", "el"
};

size_t names_leading_word(const char *s, size_t len, const char *const *list, size_t n,
			  size_t keep)
{
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(list[i]);
		if (len >= l + keep && strncmp(s, list[i], l) == 0)
			return l;
	}
	return 0;
}

size_t names_joined_prefix(const char *w, size_t len)
{
	size_t p = 0;
	bool after_van = false;
	for (;;) {
		size_t step = names_leading_word(w + p, len - p, joinable,
						 sizeof joinable / sizeof *joinable, 3);
		/* "vant hof" = van 't Hof */
		if (!step && after_van && len - p >= 4 && w[p] == 't')
			step = 1;
		if (!step)
			return p;
		after_van = step == 3 && strncmp(w + p, "van", 3) == 0;
		p += step;
	}
}

/* ---------------------------------------------------------------- phonetic key */

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Letter groups written as one symbol, a group before the shorter ones it starts with;
 * c, d and h depend on their neighbours and are written by phon_step itself. */
static const struct {
	const char *letters, *symbol;
} sounds[] = {
	{"sch", "S"}, {"s", "S"}, /* sch = s: Bosch = Bos, Schouten */
	{"auw", "A"}, {"au", "A"}, {"ouw", "A"}, {"ou", "A"}, /* one sound: Pauw = Pouw */
	{"ch", "G"}, {"ck", "K"},
	{"ph", "F"}, {"p", "P"},
	{"tz", "S"}, {"th", "T"}, {"t", "T"},
	{"dt", "T"},
	{"x", "KS"}, {"q", "K"}, {"k", "K"}, {"z", "S"}, {"v", "F"}, {"f", "F"}, {"g", "G"},
	{"uy", "9"}, {"ui", "9"}, {"u", "U"}, /* Kuijpers = Kuypers = Kuipers */
	{"ey", "Y"}, {"ei", "Y"}, {"eu", "7"}, {"e", "e"}, /* Meijer = Meyer = Meier */
	{"ay", "Y"}, {"ae", "a"}, {"a", "a"},
	{"oe", "U"}, {"o", "o"},
	{"y", "Y"},
	{"ie", "I"}, {"i", "I"},
};

/* One step of the phonetic key at p: the symbols to write and the letters used. */
static size_t phon_step(const char *p, bool prev_vowel, const char **emit, char *one)
{
	for (size_t i = 0; i < sizeof sounds / sizeof *sounds; i++) {
		size_t n = strlen(sounds[i].letters);
		if (strncmp(p, sounds[i].letters, n) == 0) {
			*emit = sounds[i].symbol;
			return n;
		}
	}
	switch (p[0]) {
	case 'c':
		*emit = p[1] == 'e' || p[1] == 'i' || p[1] == 'y' ? "S" : "K";
		return 1;
	case 'd':
		*emit = p[1] ? "D" : "T"; /* final devoicing: Smid = Smit */
		return 1;
	case 'h':
		*emit = prev_vowel ? "" : "H"; /* a silent h after a vowel: Noah, Mohamed */
		return 1;
	default:
		one[0] = p[0] >= 'a' && p[0] <= 'z' ? (char)(p[0] - 'a' + 'A') : p[0];
		one[1] = '\0';
		*emit = one;
		return 1;
	}
}

void names_phonetic(const char *s, char *out, size_t outsz)
{
	if (outsz == 0)
		return;
	size_t o = 0;
	char last = 0;
	bool prev_vowel = false;
	for (const char *p = s; *p;) {
		const char *emit;
		char one[2];
		size_t adv = phon_step(p, prev_vowel, &emit, one);
		for (const char *e = emit; *e; e++) {
			if (*e == last)
				continue;
			if (o + 1 >= outsz)
				break;
			out[o++] = *e;
			last = *e;
		}
		p += adv;
		prev_vowel = is_vowel(p[-1]);
	}
	out[o] = '\0';
}

/* ---------------------------------------------------------------- distance */

int names_distance(const char *a, size_t la, const char *b, size_t lb, int max)
{
	if (la > NAMES_WORD_MAX)
		la = NAMES_WORD_MAX;
	if (lb > NAMES_WORD_MAX)
		lb = NAMES_WORD_MAX;
	int diff = (int)la - (int)lb;
	if (diff > max || -diff > max)
		return max + 1;
	int rows[3][NAMES_WORD_MAX + 1];
	int *pp = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = (int)i;
		int best = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		int *t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > max ? max + 1 : prev[lb];
}

/* ---------------------------------------------------------------- dates */

uint32_t names_date(const char *s)
{
	/* the shared reader (core/dates.c): the same forms as the search field and forms */
	char iso[DATES_DATE_LEN];
	if (!s || dates_read(s, NULL, DATES_PAST, iso) != 0)
		return 0;
	return (uint32_t)((iso[0] - '0') * 10000000 + (iso[1] - '0') * 1000000 +
			  (iso[2] - '0') * 100000 + (iso[3] - '0') * 10000 + (iso[5] - '0') * 1000 +
			  (iso[6] - '0') * 100 + (iso[8] - '0') * 10 + (iso[9] - '0'));
}
