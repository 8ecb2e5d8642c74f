/* cli_ban — the 'ban' subcommand: import, add, list, lift and export the ban list.
 * Every row is validated before anything is written; an import is one transaction. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "core/csv.h"
#include "core/dates.h"
#include "core/policy.h"
#include "core/text.h"
#include "i18n.h"
#include "store/bans.h"

/* The CSV columns, in the order export writes them; the first COL_REQUIRED are required. */
enum col {
	COL_GIVEN, COL_PREFIX, COL_SURNAME, COL_BORN, COL_KIND, COL_STARTS, COL_ENDS, COL_REASON,
	COL_PARTNER_PREFIX, COL_PARTNER_SURNAME, COL_SCOPE, COL_IMPOSED_BY, COL_LETTER_SENT,
	COL_POLICE, COL_NOTES, COL_COUNT
};
#define COL_REQUIRED (COL_REASON + 1)

static const struct {
	const char *name;   /* CSV header */
	const char *option; /* the 'ban add' option that sets it */
	size_t max;         /* byte limit of the text */
} columns[COL_COUNT] = {
	[COL_GIVEN] = {"given_names", "--given", 200},
	[COL_PREFIX] = {"prefix", "--prefix", 200},
	[COL_SURNAME] = {"surname", "--surname", 200},
	[COL_BORN] = {"born", "--born", 10},
	[COL_KIND] = {"kind", "--kind", 32},
	[COL_STARTS] = {"starts", "--starts", 10},
	[COL_ENDS] = {"ends", "--ends", 10},
	[COL_REASON] = {"reason", "--reason", 32},
	[COL_PARTNER_PREFIX] = {"partner_prefix", "--partner-prefix", 200},
	[COL_PARTNER_SURNAME] = {"partner_surname", "--partner-surname", 200},
	[COL_SCOPE] = {"scope", "--scope", 1000},
	[COL_IMPOSED_BY] = {"imposed_by", "--imposed-by", 200},
	[COL_LETTER_SENT] = {"letter_sent", "--letter-sent", 10},
	[COL_POLICE] = {"police_informed", "--police", 16},
	[COL_NOTES] = {"notes", "--notes", 2000},
};

#define MAX_BAD_ROWS 20

/* A value quoted for a message, with anything unprintable made visible. */
static const char *quoted(const char *v, char *buf, size_t bufsz)
{
	char esc[128];
	(void)text_escape(v, esc, sizeof esc);
	snprintf(buf, bufsz, "\"%s\"", esc);
	return buf;
}

static int check_date(const char *v, char *why, size_t whysz)
{
	int y, m, d;
	char q[160];
	if (dates_parse_date(v, &y, &m, &d) != 0) {
		snprintf(why, whysz, _("%s is not a date (YYYY-MM-DD)"), quoted(v, q, sizeof q));
		return -1;
	}
	return 0;
}

static int parse_yesno(const char *v, bool *out)
{
	static const char *yes[] = {"yes", "1", "true", "ja", "y", "j"};
	static const char *no[] = {"no", "0", "false", "nee", "n", ""};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

/* Normalise a scope list in place ("a, b" -> "a,b") and check every id is a configured
 * building, so a typo can never make a ban apply nowhere. */
static int check_scope(const struct config *cfg, char *v, char *why, size_t whysz)
{
	char q[160];
	size_t vlen = strlen(v);
	char *out = malloc(vlen + 1);
	if (!out) {
		snprintf(why, whysz, "%s", strerror(ENOMEM));
		return -1;
	}
	size_t olen = 0;
	int rc = -1;
	out[0] = '\0';
	for (const char *r = v; *v;) { /* ends with the last id (break below) */
		const char *start = r, *end = r + strcspn(r, ",");
		bool more = *end == ',';
		r = more ? end + 1 : end;
		while (*start == ' ')
			start++;
		while (end > start && end[-1] == ' ')
			end--;
		size_t len = (size_t)(end - start);
		char id[256];
		if (len == 0 || len >= sizeof id) {
			snprintf(why, whysz, "%s", _("empty or overlong building id in the list"));
			goto out;
		}
		memcpy(id, start, len);
		id[len] = '\0';
		if (cfg && cfg->nbuildings > 0 && !config_building_find(cfg, id)) {
			char known[512] = "";
			size_t kl = 0;
			for (size_t i = 0; i < cfg->nbuildings && kl < sizeof known; i++) {
				int n = snprintf(known + kl, sizeof known - kl, "%s%s", i ? ", " : "",
						 cfg->buildings[i].id);
				if (n < 0)
					break;
				kl += (size_t)n;
			}
			snprintf(why, whysz, _("unknown building %s (configured: %s)"),
				 quoted(id, q, sizeof q), known);
			goto out;
		}
		/* The same building twice would break the all-or-nothing import in the store. */
		for (const char *p = out; *p;) {
			size_t plen = strcspn(p, ",");
			if (plen == len && memcmp(p, id, len) == 0) {
				snprintf(why, whysz, _("building %s is listed twice"),
					 quoted(id, q, sizeof q));
				goto out;
			}
			p += plen + (p[plen] == ',');
		}
		olen += (size_t)sprintf(out + olen, "%s%s", olen ? "," : "", id);
		if (!more)
			break;
	}
	memcpy(v, out, olen + 1);
	rc = 0;
out:
	free(out);
	return rc;
}

/* Validate one ban given as column values (NULL = absent; values are trimmed in place) and
 * fill out with pointers into v. On a problem returns -1 with *bad the column and why. */
static int ban_validate(const struct config *cfg, char *v[COL_COUNT], const char *today,
			struct ban_new *out, enum col *bad, char *why, size_t whysz)
{
	static char empty[] = "";
	char q[160];
	for (int c = 0; c < COL_COUNT; c++) {
		if (!v[c])
			v[c] = empty;
		else
			text_trim(v[c]);
		bool required = c == COL_SURNAME || c == COL_KIND || c == COL_REASON ||
				c == COL_STARTS || c == COL_ENDS;
		enum text_problem p = text_check(v[c], columns[c].max, !required);
		if (p != TEXT_OK) {
			*bad = (enum col)c;
			snprintf(why, whysz, "%s", text_problem_message(p));
			return -1;
		}
	}
	*bad = COL_BORN;
	if (*v[COL_BORN]) {
		if (check_date(v[COL_BORN], why, whysz) != 0)
			return -1;
		if (strcmp(v[COL_BORN], today) > 0) {
			snprintf(why, whysz, _("%s is in the future"), quoted(v[COL_BORN], q, sizeof q));
			return -1;
		}
	}
	*bad = COL_KIND;
	if (policy_kind_parse(v[COL_KIND], &out->kind) != 0) {
		snprintf(why, whysz, _("unknown kind %s (one of: building, phone, building+phone, "
				       "service, warning)"), quoted(v[COL_KIND], q, sizeof q));
		return -1;
	}
	*bad = COL_REASON;
	if (policy_reason_parse(v[COL_REASON], &out->reason) != 0) {
		snprintf(why, whysz, _("unknown reason %s (one of: verbal, threat, obstruction, "
				       "attempt, physical, property, other)"),
			 quoted(v[COL_REASON], q, sizeof q));
		return -1;
	}
	*bad = COL_STARTS;
	if (check_date(v[COL_STARTS], why, whysz) != 0)
		return -1;
	*bad = COL_ENDS;
	if (check_date(v[COL_ENDS], why, whysz) != 0)
		return -1;
	if (strcmp(v[COL_ENDS], v[COL_STARTS]) < 0) {
		snprintf(why, whysz, _("%s is before the start (%s)"),
			 quoted(v[COL_ENDS], q, sizeof q), v[COL_STARTS]);
		return -1;
	}
	*bad = COL_LETTER_SENT;
	if (*v[COL_LETTER_SENT] && check_date(v[COL_LETTER_SENT], why, whysz) != 0)
		return -1;
	*bad = COL_POLICE;
	if (parse_yesno(v[COL_POLICE], &out->police_informed) != 0) {
		snprintf(why, whysz, _("%s is not yes or no"), quoted(v[COL_POLICE], q, sizeof q));
		return -1;
	}
	*bad = COL_SCOPE;
	if (check_scope(cfg, v[COL_SCOPE], why, whysz) != 0)
		return -1;

	out->given_names = v[COL_GIVEN];
	out->prefix = v[COL_PREFIX];
	out->surname = v[COL_SURNAME];
	out->partner_prefix = v[COL_PARTNER_PREFIX];
	out->partner_surname = v[COL_PARTNER_SURNAME];
	out->born = v[COL_BORN];
	out->scope = v[COL_SCOPE];
	out->starts = v[COL_STARTS];
	out->ends = v[COL_ENDS];
	out->imposed_by = v[COL_IMPOSED_BY];
	out->letter_sent = v[COL_LETTER_SENT];
	out->notes = v[COL_NOTES];
	return 0;
}

/* Map a store failure to a message; always CLI_ERROR. */
/* ------------------------------------------------------------------ import */

struct import_row {
	char *v[COL_COUNT];
};

static void rows_free(struct import_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < COL_COUNT; c++)
			free(rows[i].v[c]);
	free(rows);
}

static void header_list(char *buf, size_t bufsz)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int c = 0; c < COL_REQUIRED; c++) {
		int n = snprintf(buf + len, bufsz - len, "%s%s", c ? "," : "", columns[c].name);
		if (n < 0 || (size_t)n >= bufsz - len)
			return;
		len += (size_t)n;
	}
}

/* Read the header record into map (field index -> column); 0 or -1 after reporting. */
static int import_header(struct csv_reader *r, const char *name, int **map, size_t *nfields)
{
	struct csv_record rec;
	char expect[256], q[160];
	header_list(expect, sizeof expect);
	enum csv_status cs = csv_read(r, &rec);
	if (cs == CSV_EOF) {
		cli_error(_("%s: empty file: the first line must be the header %s"), name, expect);
		return -1;
	}
	if (cs == CSV_ERROR) {
		cli_error("%s:%zu:%zu: %s", name, csv_reader_line(r), csv_reader_column(r),
			  csv_reader_error(r));
		return -1;
	}
	int *m = malloc((rec.count ? rec.count : 1) * sizeof *m);
	if (!m) {
		cli_error("%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	int seen[COL_COUNT];
	for (int c = 0; c < COL_COUNT; c++)
		seen[c] = 0;
	int problems = 0;
	size_t line = csv_reader_line(r);
	for (size_t i = 0; i < rec.count; i++) {
		char *f = rec.fields[i];
		/* Spreadsheets like to start UTF-8 files with a byte order mark. */
		if (i == 0 && strncmp(f, "\xEF\xBB\xBF", 3) == 0)
			f += 3;
		text_trim(f);
		int col = -1;
		for (int c = 0; c < COL_COUNT; c++)
			if (strcmp(f, columns[c].name) == 0)
				col = c;
		if (col < 0) {
			cli_error(_("%s:%zu: unknown column %s (column %zu); the first line must be "
				    "the header %s"), name, line, quoted(f, q, sizeof q), i + 1, expect);
			problems++;
		} else if (seen[col]) {
			cli_error(_("%s:%zu: column %s appears twice (columns %d and %zu)"), name, line,
				  columns[col].name, seen[col], i + 1);
			problems++;
		} else {
			seen[col] = (int)i + 1;
		}
		m[i] = col;
	}
	for (int c = 0; c < COL_REQUIRED && problems < MAX_BAD_ROWS; c++) {
		if (!seen[c]) {
			cli_error(_("%s:%zu: missing column %s (the header must name %s)"), name, line,
				  columns[c].name, expect);
			problems++;
		}
	}
	if (problems) {
		free(m);
		return -1;
	}
	*map = m;
	*nfields = rec.count;
	return 0;
}

/* Read and validate every row; 0 with rows filled, or -1 after reporting. */
static int import_rows(const struct cli_ctx *ctx, struct csv_reader *r, const char *name,
		       const int *map, size_t nfields, struct import_row **rows_out,
		       struct ban_new **bans_out, size_t *n_out)
{
	struct import_row *rows = NULL;
	struct ban_new *bans = NULL;
	size_t n = 0, cap = 0, bad = 0;
	char today[DATES_DATE_LEN], why[512];
	struct csv_record rec;
	enum csv_status cs;
	bool owned[COL_COUNT] = {false};
	for (size_t i = 0; i < nfields; i++)
		if (map[i] >= 0)
			owned[map[i]] = true;
	cli_today(today);

	while ((cs = csv_read(r, &rec)) == CSV_OK) {
		size_t line = csv_reader_line(r);
		if (rec.count == 1 && rec.fields[0][0] == '\0')
			continue; /* a blank line */
		if (rec.count != nfields) {
			if (++bad <= MAX_BAD_ROWS)
				cli_error(_("%s:%zu: %zu fields, but the header has %zu"), name, line,
					  rec.count, nfields);
			continue;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct import_row *nr = realloc(rows, ncap * sizeof *nr);
			if (!nr)
				goto oom;
			rows = nr;
			struct ban_new *nb = realloc(bans, ncap * sizeof *nb);
			if (!nb)
				goto oom;
			bans = nb;
			cap = ncap;
		}
		struct import_row *row = &rows[n];
		memset(row, 0, sizeof *row);
		for (size_t i = 0; i < rec.count; i++) {
			if (map[i] < 0)
				continue;
			if (!(row->v[map[i]] = strdup(rec.fields[i]))) {
				for (int c = 0; c < COL_COUNT; c++)
					free(row->v[c]);
				goto oom;
			}
		}
		enum col badcol;
		memset(&bans[n], 0, sizeof bans[n]);
		int valid = ban_validate(ctx->config, row->v, today, &bans[n], &badcol, why,
					 sizeof why);
		/* ban_validate points absent columns at a static "": only free what we own. */
		for (int c = 0; c < COL_COUNT; c++)
			if (!owned[c])
				row->v[c] = NULL;
		if (valid != 0) {
			if (++bad <= MAX_BAD_ROWS) {
				size_t fieldno = 0;
				for (size_t i = 0; i < nfields; i++)
					if (map[i] == (int)badcol)
						fieldno = i + 1;
				if (fieldno)
					cli_error(_("%s:%zu: %s (column %zu): %s"), name, line,
						  columns[badcol].name, fieldno, why);
				else
					cli_error(_("%s:%zu: %s: %s"), name, line,
						  columns[badcol].name, why);
			}
			for (int c = 0; c < COL_COUNT; c++)
				free(row->v[c]);
			continue;
		}
		n++;
	}
	if (cs == CSV_ERROR) {
		cli_error("%s:%zu:%zu: %s", name, csv_reader_line(r), csv_reader_column(r),
			  csv_reader_error(r));
		cli_error(_("%s: nothing imported"), name);
		goto fail;
	}
	if (bad > MAX_BAD_ROWS)
		cli_error(ngettext("%s: %zu more bad row not shown", "%s: %zu more bad rows not shown",
				   bad - MAX_BAD_ROWS), name, bad - MAX_BAD_ROWS);
	if (bad) {
		cli_error(ngettext("%s: %zu bad row: nothing imported",
				   "%s: %zu bad rows: nothing imported", bad), name, bad);
		goto fail;
	}
	*rows_out = rows;
	*bans_out = bans;
	*n_out = n;
	return 0;
oom:
	cli_error("%s: %s", name, strerror(ENOMEM));
fail:
	rows_free(rows, n);
	free(bans);
	return -1;
}

static int ban_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
	};
	const char *cmd = "ban import";
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		if (c == 'h') {
			printf(_("Usage: balie [--db FILE] ban import FILE.csv\n"
				 "Import bans from a CSV file ('-' reads standard input). The first line\n"
				 "is the header: given_names,prefix,surname,born,kind,starts,ends,reason\n"
				 "with optional columns partner_prefix,partner_surname,scope,imposed_by,\n"
				 "letter_sent,police_informed,notes, in any order. Every row is checked\n"
				 "first; one bad row and nothing is imported. See balie(1).\n"));
			return CLI_OK;
		}
		return CLI_ERROR;
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the CSV file"));
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	const char *path = argv[optind];
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "stdin" : path;

	FILE *in = is_stdin ? stdin : fopen(path, "r");
	if (!in) {
		cli_error("%s: %s", path, strerror(errno));
		return CLI_ERROR;
	}
	int status = CLI_ERROR;
	struct store *st = NULL;
	struct import_row *rows = NULL;
	struct ban_new *bans = NULL;
	size_t n = 0, nfields = 0;
	int *map = NULL;
	struct csv_reader *r = csv_reader_new(in);
	if (!r) {
		cli_error("%s: %s", name, strerror(ENOMEM));
		goto out;
	}
	if (!(st = cli_open_store(ctx, 0)))
		goto out;
	if (import_header(r, name, &map, &nfields) != 0) {
		cli_error(_("%s: nothing imported"), name);
		goto out;
	}
	if (import_rows(ctx, r, name, map, nfields, &rows, &bans, &n) != 0)
		goto out;
	if (ferror(in)) {
		cli_error(_("%s: read error: nothing imported"), name);
		goto out;
	}
	if (store_ban_import(st, bans, n) != STORE_OK) {
		cli_error(_("%s: %s: nothing imported"), name, store_error(st));
		goto out;
	}
	printf(ngettext("imported %zu ban\n", "imported %zu bans\n", n), n);
	status = CLI_OK;
out:
	rows_free(rows, n);
	free(bans);
	free(map);
	csv_reader_free(r);
	store_close(st);
	if (!is_stdin)
		(void)fclose(in); /* read-only stream: nothing to lose on close */
	return status;
}

/* ------------------------------------------------------------------ add */

static int ban_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"given", required_argument, NULL, 'g'},
		{"prefix", required_argument, NULL, 'p'},
		{"surname", required_argument, NULL, 's'},
		{"born", required_argument, NULL, 'b'},
		{"partner-prefix", required_argument, NULL, 'P'},
		{"partner-surname", required_argument, NULL, 'S'},
		{"kind", required_argument, NULL, 'k'},
		{"reason", required_argument, NULL, 'r'},
		{"starts", required_argument, NULL, 'f'},
		{"ends", required_argument, NULL, 'e'},
		{"scope", required_argument, NULL, 'o'},
		{"imposed-by", required_argument, NULL, 'i'},
		{"letter-sent", required_argument, NULL, 'l'},
		{"police", optional_argument, NULL, 'x'},
		{"notes", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban add";
	char *v[COL_COUNT] = {NULL};
	static char yes[] = "yes";
	char today[DATES_DATE_LEN];
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		enum col col;
		switch (c) {
		case 'g': col = COL_GIVEN; break;
		case 'p': col = COL_PREFIX; break;
		case 's': col = COL_SURNAME; break;
		case 'b': col = COL_BORN; break;
		case 'P': col = COL_PARTNER_PREFIX; break;
		case 'S': col = COL_PARTNER_SURNAME; break;
		case 'k': col = COL_KIND; break;
		case 'r': col = COL_REASON; break;
		case 'f': col = COL_STARTS; break;
		case 'e': col = COL_ENDS; break;
		case 'o': col = COL_SCOPE; break;
		case 'i': col = COL_IMPOSED_BY; break;
		case 'l': col = COL_LETTER_SENT; break;
		case 'x': col = COL_POLICE; break;
		case 'n': col = COL_NOTES; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban add --surname NAME --kind KIND --reason "
				 "REASON --ends DATE [OPTION]...\n"
				 "Impose a ban or warning and print its id.\n\n"
				 "  --given NAMES             given names or initials\n"
				 "  --prefix PREFIX           tussenvoegsel (van, de, van der, ...)\n"
				 "  --surname NAME            surname (required)\n"
				 "  --born DATE               date of birth, YYYY-MM-DD\n"
				 "  --partner-prefix PREFIX   prefix of the partner's surname\n"
				 "  --partner-surname NAME    partner's surname used by the person\n"
				 "  --kind KIND               building, phone, building+phone, service, "
				 "warning\n"
				 "  --reason REASON           verbal, threat, obstruction, attempt, "
				 "physical,\n"
				 "                            property, other\n"
				 "  --starts DATE             first day (default today)\n"
				 "  --ends DATE               last day (required)\n"
				 "  --scope IDS               buildings, comma-separated (default all)\n"
				 "  --imposed-by NAME         who imposed it\n"
				 "  --letter-sent DATE        when the letter was sent\n"
				 "  --police[=yes|no]         the police were informed\n"
				 "  --notes TEXT              details (shown only to roles that may see "
				 "them)\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
		v[col] = col == COL_POLICE && !optarg ? yes : optarg;
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	cli_today(today);
	if (!v[COL_STARTS])
		v[COL_STARTS] = today;

	struct ban_new b = {0};
	enum col bad;
	char why[512];
	if (ban_validate(ctx->config, v, today, &b, &bad, why, sizeof why) != 0) {
		if (!*v[bad] && (bad == COL_SURNAME || bad == COL_KIND || bad == COL_REASON ||
				 bad == COL_ENDS))
			return cli_error_missing(cmd, columns[bad].option);
		cli_error("%s: %s: %s", cmd, columns[bad].option, why);
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int64_t id;
	int status = CLI_OK;
	if (store_ban_insert(st, &b, &id) != STORE_OK)
		status = cli_store_failed(st, cmd);
	else
		printf("%lld\n", (long long)id);
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ list */

static int ban_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"all", no_argument, NULL, 'a'},
		{"current", no_argument, NULL, 'c'},
		{"tsv", no_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban list";
	enum ban_filter filter = BAN_FILTER_ACTIVE;
	bool tsv = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'a': filter = BAN_FILTER_ALL; break;
		case 'c': filter = BAN_FILTER_CURRENT; break;
		case 't': tsv = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban list [--all|--current] [--tsv]\n"
				 "List the bans in force today, soonest-ending first.\n\n"
				 "  --current   also bans that start later\n"
				 "  --all       every ban, also expired and lifted ones\n"
				 "  --tsv       tab-separated: id, name, born, kind, reason, starts, ends,\n"
				 "              scope, lifted (date or empty)\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	char today[DATES_DATE_LEN];
	cli_today(today);
	struct ban_list l = {0};
	if (store_ban_list(st, filter, today, 0, 0, &l) != STORE_OK) {
		int rc = cli_store_failed(st, cmd);
		store_close(st);
		return rc;
	}
	for (size_t i = 0; i < l.count; i++) {
		const struct ban *b = &l.items[i];
		char name[1024], idbuf[32];
		cli_person_name(b->given_names, b->prefix, b->surname, name, sizeof name);
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)b->id);
		if (tsv) {
			char lifted[DATES_DATE_LEN] = "";
			time_t t;
			if (*b->lifted_at && dates_parse_utc(b->lifted_at, &t) == 0)
				dates_local_date(t, lifted);
			cli_put_tsv(stdout, idbuf, false);
			cli_put_tsv(stdout, name, false);
			cli_put_tsv(stdout, b->born, false);
			cli_put_tsv(stdout, policy_kind_name(b->kind), false);
			cli_put_tsv(stdout, policy_reason_name(b->reason), false);
			cli_put_tsv(stdout, b->starts, false);
			cli_put_tsv(stdout, b->ends, false);
			cli_put_tsv(stdout, b->scope, false);
			cli_put_tsv(stdout, lifted, true);
			continue;
		}
		printf("%6s  %s..%s  ", idbuf, b->starts, b->ends);
		cli_put_escaped(stdout, name);
		if (*b->born)
			printf(" (%s)", b->born);
		printf(": %s", policy_kind_label(b->kind));
		if (*b->partner_surname) {
			char partner[512];
			cli_person_name("", b->partner_prefix, b->partner_surname, partner,
					sizeof partner);
			printf("; %s ", _("partner name:"));
			cli_put_escaped(stdout, partner);
		}
		if (*b->scope)
			printf(_("; only for: %s"), b->scope);
		if (*b->lifted_at)
			printf("; %s", _("lifted"));
		putchar('\n');
	}
	if (!tsv && l.count == 0)
		printf("%s\n", _("No bans."));
	store_ban_list_free(&l);
	store_close(st);
	return CLI_OK;
}

/* ------------------------------------------------------------------ lift */

static int ban_lift(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"reason", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban lift";
	char *reason = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'r': reason = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban lift ID --reason TEXT\n"
				 "Lift a ban early (after a conversation or a written apology); who and\n"
				 "why are recorded.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_error_missing(cmd, _("the ban id"));
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	int64_t id;
	if (cli_parse_id(argv[optind], &id) != 0) {
		char q[160];
		cli_error(_("%s: %s is not a ban id"), cmd, quoted(argv[optind], q, sizeof q));
		return CLI_ERROR;
	}
	if (!reason)
		return cli_error_missing(cmd, "--reason");
	text_trim(reason);
	enum text_problem p = text_check(reason, 2000, false);
	if (p != TEXT_OK) {
		cli_error("%s: --reason: %s", cmd, text_problem_message(p));
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	switch (store_ban_lift(st, id, reason, -1)) {
	case STORE_OK:
		printf(_("ban %lld lifted\n"), (long long)id);
		break;
	case STORE_NOT_FOUND:
		cli_error(_("ban %lld: no such ban"), (long long)id);
		status = CLI_ERROR;
		break;
	case STORE_CONFLICT:
		cli_error(_("ban %lld: already lifted"), (long long)id);
		status = CLI_ERROR;
		break;
	default:
		status = cli_store_failed(st, cmd);
		break;
	}
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ export */

static int export_write(FILE *out, const struct ban_list *l)
{
	int rc = 0;
	for (int c = 0; c < COL_COUNT; c++)
		rc |= csv_write_field(out, columns[c].name, c == COL_COUNT - 1);
	for (size_t i = 0; i < l->count && rc == 0; i++) {
		const struct ban *b = &l->items[i];
		const char *v[COL_COUNT] = {
			[COL_GIVEN] = b->given_names, [COL_PREFIX] = b->prefix,
			[COL_SURNAME] = b->surname, [COL_BORN] = b->born,
			[COL_KIND] = policy_kind_name(b->kind), [COL_STARTS] = b->starts,
			[COL_ENDS] = b->ends, [COL_REASON] = policy_reason_name(b->reason),
			[COL_PARTNER_PREFIX] = b->partner_prefix,
			[COL_PARTNER_SURNAME] = b->partner_surname, [COL_SCOPE] = b->scope,
			[COL_IMPOSED_BY] = b->imposed_by, [COL_LETTER_SENT] = b->letter_sent,
			[COL_POLICE] = b->police_informed ? "yes" : "no", [COL_NOTES] = b->notes,
		};
		for (int c = 0; c < COL_COUNT; c++)
			rc |= csv_write_field(out, v[c] ? v[c] : "", c == COL_COUNT - 1);
	}
	return rc;
}

/* Write to path through a temporary file in the same directory and rename it into place,
 * so a reader never sees half a file. The file is created mode 0600 (personal data). */
static int export_to_file(const char *path, const struct ban_list *l)
{
	size_t len = strlen(path);
	char *tmp = malloc(len + 8);
	if (!tmp) {
		cli_error("%s: %s", path, strerror(ENOMEM));
		return -1;
	}
	memcpy(tmp, path, len);
	memcpy(tmp + len, ".XXXXXX", 8);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		cli_error("%s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	FILE *out = fdopen(fd, "w");
	if (!out) {
		cli_error("%s: %s", path, strerror(errno));
		(void)close(fd); /* already failing: the unlink below is what matters */
		(void)unlink(tmp);
		free(tmp);
		return -1;
	}
	int rc = export_write(out, l);
	if (rc == 0 && fflush(out) != 0)
		rc = -1;
	if (rc == 0 && fsync(fileno(out)) != 0)
		rc = -1;
	int err = errno;
	if (fclose(out) != 0 && rc == 0) {
		rc = -1;
		err = errno;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = -1;
		err = errno;
	}
	if (rc != 0) {
		cli_error("%s: %s", path, strerror(err));
		(void)unlink(tmp); /* the error is reported; a leftover temp file must not stay */
	}
	free(tmp);
	return rc;
}

static int ban_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"all", no_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban export";
	enum ban_filter filter = BAN_FILTER_CURRENT;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'a': filter = BAN_FILTER_ALL; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban export [--all] [FILE|-]\n"
				 "Write the bans in force today and later (--all: every ban) as CSV in\n"
				 "the import format, with every optional column. Without FILE or with '-'\n"
				 "to standard output; a FILE is replaced at once when complete (mode 0600).\n"
				 "Lifting is not part of the CSV.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]);
	const char *path = optind < argc && strcmp(argv[optind], "-") != 0 ? argv[optind] : NULL;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	char today[DATES_DATE_LEN];
	cli_today(today);
	struct ban_list l = {0};
	int status = CLI_OK;
	if (store_ban_list(st, filter, today, 0, 0, &l) != STORE_OK)
		status = cli_store_failed(st, cmd);
	else if (path ? export_to_file(path, &l) != 0 : export_write(stdout, &l) != 0)
		status = CLI_ERROR;
	store_ban_list_free(&l);
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ dispatch */

static void ban_usage(void)
{
	printf(_("Usage: balie [--db FILE] ban COMMAND [OPTION]... [ARG]...\n"
		 "The list of entry bans and warnings.\n\n"
		 "  import FILE.csv      import bans from CSV (all or nothing)\n"
		 "  add OPTION...        impose a ban; prints its id\n"
		 "  list [--all|--current] [--tsv]   list bans, soonest-ending first\n"
		 "  lift ID --reason TEXT            lift a ban early\n"
		 "  export [--all] [FILE|-]          write bans as CSV\n\n"
		 "Run 'balie ban COMMAND --help' for the options of a command.\n"));
}

int cli_ban(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct cli_ctx *, int, char **);
	} sub[] = {
		{"import", ban_import}, {"add", ban_add}, {"list", ban_list},
		{"lift", ban_lift}, {"export", ban_export},
	};
	if (argc < 2)
		return cli_error_missing("ban", _("a command (import, add, list, lift, export)"));
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		ban_usage();
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof sub / sizeof *sub; i++)
		if (strcmp(argv[1], sub[i].name) == 0)
			return sub[i].run(ctx, argc - 1, argv + 1);
	cli_error(_("ban: unknown command '%s' (see 'balie ban --help')"), argv[1]);
	return CLI_ERROR;
}
