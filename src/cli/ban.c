/* cli_ban — the 'ban' subcommand: import, add, list, lift and export the ban list; the
 * policy's life cycle (propose, activate, extend, history), exceptions, notices and letters.
 * Every row is validated before anything is written; an import is one transaction. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/dates.h"
#include "core/policy.h"
#include "core/text.h"
#include "core/sanctions.h"
#include "i18n.h"
#include "sanctions_conf.h"
#include "store/bans.h"

/* The CSV columns, in the order export writes them; the first COL_REQUIRED are required. */
enum col {
	COL_GIVEN, COL_PREFIX, COL_SURNAME, COL_BORN, COL_KIND, COL_STARTS, COL_ENDS, COL_REASON,
	COL_PARTNER_PREFIX, COL_PARTNER_SURNAME, COL_SCOPE, COL_IMPOSED_BY, COL_LETTER_SENT,
	COL_POLICE, COL_NOTES, COL_STATUS, COL_LIFTED_AT, COL_LIFTED_BY, COL_LIFTED_REASON,
	COL_COUNT
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
	/* Only in the CSV (an export read back): 'ban add' never sets these. */
	[COL_STATUS] = {"status", "--draft", 16},
	[COL_LIFTED_AT] = {"lifted_at", "lifted_at", 10},
	[COL_LIFTED_BY] = {"lifted_by", "lifted_by", 200},
	[COL_LIFTED_REASON] = {"lifted_reason", "lifted_reason", 2000},
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

/* A date option as people type it (cli_read_date): *v points to buf in the stored form
 * when it can be read; otherwise it is left for check_date to refuse. */
static void read_date(char **v, enum dates_century c, char buf[DATES_DATE_LEN])
{
	if (*v && **v && cli_read_date(*v, c, buf) == 0)
		*v = buf;
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
	*bad = COL_STATUS;
	if (strcmp(v[COL_STATUS], "draft") == 0) {
		out->draft = true;
	} else if (*v[COL_STATUS] && strcmp(v[COL_STATUS], "active") != 0) {
		snprintf(why, whysz, _("unknown status %s (one of: active, draft)"),
			 quoted(v[COL_STATUS], q, sizeof q));
		return -1;
	}
	/* A lifted ban read back must stay lifted; half a lifting is refused, not guessed. */
	if (*v[COL_LIFTED_AT]) {
		*bad = COL_LIFTED_AT;
		if (check_date(v[COL_LIFTED_AT], why, whysz) != 0)
			return -1;
		if (strcmp(v[COL_LIFTED_AT], today) > 0) {
			snprintf(why, whysz, _("%s is in the future"),
				 quoted(v[COL_LIFTED_AT], q, sizeof q));
			return -1;
		}
		*bad = COL_LIFTED_BY;
		if (!*v[COL_LIFTED_BY]) {
			snprintf(why, whysz, "%s", _("must not be empty when lifted_at is given"));
			return -1;
		}
		*bad = COL_LIFTED_REASON;
		if (!*v[COL_LIFTED_REASON]) {
			snprintf(why, whysz, "%s", _("must not be empty when lifted_at is given"));
			return -1;
		}
	} else if (*v[COL_LIFTED_BY] || *v[COL_LIFTED_REASON]) {
		*bad = *v[COL_LIFTED_BY] ? COL_LIFTED_BY : COL_LIFTED_REASON;
		snprintf(why, whysz, "%s", _("given without lifted_at"));
		return -1;
	}

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
	out->lifted_at = v[COL_LIFTED_AT];
	out->lifted_by = v[COL_LIFTED_BY];
	out->lifted_reason = v[COL_LIFTED_REASON];
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

/* ------------------------------------------------------------------ policy helpers */

/* The options of 'ban add' beyond the CSV columns. */
struct policy_extra {
	char *enforcement, *justification;
	bool until_conversation, draft;
};

/* Read the sanction table for this configuration; 0 or -1 after reporting. */
static int load_table(const struct cli_ctx *ctx, struct sanction_table *t)
{
	char err[1024];
	if (sanctions_load(ctx->config ? ctx->config->source : NULL, t, err, sizeof err) != 0) {
		cli_error("%s", err);
		return -1;
	}
	return 0;
}

/* Parse "threat,physical" into the most serious reason (its name into most) and the
 * normalised list (into list); 0 or -1 after reporting. */
static int combination(const struct sanction_table *t, const char *cmd, const char *v,
		       char *list, size_t listsz, char most[32])
{
	enum ban_reason r[REASON_COUNT];
	size_t n = 0, len = 0;
	char q[160];
	list[0] = '\0';
	for (const char *p = v;;) {
		size_t tl = strcspn(p, ",");
		char tok[64];
		if (tl >= sizeof tok)
			tl = sizeof tok - 1;
		memcpy(tok, p, tl);
		tok[tl] = '\0';
		text_trim(tok);
		enum ban_reason one;
		if (policy_reason_parse(tok, &one) != 0) {
			cli_error(_("%s: --reason: unknown reason %s (one of: verbal, threat, "
				    "obstruction, attempt, physical, property, other)"), cmd,
				  quoted(tok, q, sizeof q));
			return -1;
		}
		bool dup = false;
		for (size_t i = 0; i < n; i++)
			dup |= r[i] == one;
		if (!dup && n < REASON_COUNT) {
			r[n++] = one;
			int k = snprintf(list + len, listsz - len, "%s%s", len ? "," : "",
					 policy_reason_name(one));
			if (k > 0 && (size_t)k < listsz - len)
				len += (size_t)k;
		}
		p += strcspn(p, ",");
		if (!*p)
			break;
		p++;
	}
	enum ban_reason worst;
	if (sanctions_most_serious(t, r, n, &worst) != 0) {
		cli_error(_("%s: --reason: no reason given"), cmd);
		return -1;
	}
	snprintf(most, 32, "%s", policy_reason_name(worst));
	if (n < 2)
		list[0] = '\0';
	return 0;
}

/* Check the texts of the extra options; 0 or -1 after reporting. */
static int check_extra(const char *cmd, struct policy_extra *x, enum ban_kind kind)
{
	struct { const char *opt; char *v; } t[] = {
		{"--enforcement", x->enforcement}, {"--justification", x->justification},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (t[i].v && cli_check_text(cmd, t[i].opt, t[i].v, 2000, false) != 0)
			return -1;
	if (x->until_conversation && kind != BAN_SERVICE) {
		cli_error(_("%s: --until-conversation: only a service stop (--kind service) waits "
			    "for an order conversation"), cmd);
		return -1;
	}
	return 0;
}

/* "physical violence, repeat offence: building+phone,building,phone,service; a ban ends
 * from 2027-05-23 to 2027-08-24" for messages and proposals. */
static void describe_rule(const struct sanction_table *t, enum ban_reason reason,
			  enum sanction_offence o, enum ban_kind kind, const char *starts,
			  char *out, size_t outsz)
{
	const struct sanction_rule *rule = sanctions_rule(t, reason, o);
	if (!rule) {
		snprintf(out, outsz, "%s", sanctions_check_message(SANCTION_NO_RULE));
		return;
	}
	char kinds[128], lo[DATES_DATE_LEN], hi[DATES_DATE_LEN];
	sanctions_kinds_text(rule->kinds, kinds, sizeof kinds);
	int n = snprintf(out, outsz, "%s, %s: %s %s", policy_reason_label(reason),
			 o == SANCTION_REPEAT ? _("repeat offence") : _("first offence"),
			 _("allowed kinds"), kinds);
	if (n < 0 || (size_t)n >= outsz)
		return;
	if (sanctions_bounds(t, rule, kind, starts, lo, hi) == 0)
		snprintf(out + n, outsz - (size_t)n, _("; a %s starting %s may end from %s to %s"),
			 policy_kind_label(kind), starts, lo, hi);
}

/* Kind and duration against the table: 0 when they fit or a justification is given, -1
 * after reporting. A required police report not made is only a warning. */
static int fits_table(const char *cmd, const struct sanction_table *t, enum ban_reason reason,
		      enum sanction_offence o, enum ban_kind kind, const char *starts,
		      const char *ends, bool police, const char *justification)
{
	enum sanction_check c = sanctions_check(t, reason, o, kind, starts, ends);
	const struct sanction_rule *rule = sanctions_rule(t, reason, o);
	if (rule && rule->police_report && !police)
		cli_error(_("%s: warning: the sanction table requires a police report for %s "
			    "(--police)"), cmd, policy_reason_label(reason));
	if (c == SANCTION_OK || (justification && *justification))
		return 0;
	char rule_text[512];
	describe_rule(t, reason, o, kind, starts, rule_text, sizeof rule_text);
	cli_error(_("%s: %s %s..%s: %s (%s); give --justification TEXT to go outside the "
		    "table"), cmd, policy_kind_name(kind), starts, ends,
		  sanctions_check_message(c), rule_text);
	return -1;
}

/* Parse the ban id argument of cmd; 0 or -1 after reporting. */
static int ban_id_arg(const char *cmd, int argc, char **argv, int64_t *id)
{
	if (optind >= argc)
		return cli_error_missing(cmd, _("the ban id")), -1;
	if (optind + 1 < argc)
		return cli_error_extra(cmd, argv[optind + 1]), -1;
	if (cli_parse_id(argv[optind], id) != 0) {
		char q[160];
		cli_error(_("%s: %s is not a ban id"), cmd, quoted(argv[optind], q, sizeof q));
		return -1;
	}
	return 0;
}

/* Report a failed store call on ban id: unknown ban, conflict or other. */
static int ban_failed(struct store *st, const char *cmd, int64_t id, enum store_status r)
{
	if (r == STORE_NOT_FOUND) {
		cli_error(_("ban %lld: no such ban"), (long long)id);
		return CLI_ERROR;
	}
	return cli_store_failed(st, cmd);
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
		{"enforcement", required_argument, NULL, 'E'},
		{"justification", required_argument, NULL, 'J'},
		{"until-conversation", no_argument, NULL, 'U'},
		{"draft", no_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban add";
	char *v[COL_COUNT] = {NULL};
	struct policy_extra extra = {0};
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
		case 'E': extra.enforcement = optarg; continue;
		case 'J': extra.justification = optarg; continue;
		case 'U': extra.until_conversation = true; continue;
		case 'D': extra.draft = true; continue;
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
			printf(_("  --enforcement TEXT        how it is enforced besides informing "
				 "reception\n"
				 "  --justification TEXT      why kind or duration is outside the sanction "
				 "table\n"
				 "  --until-conversation      service stop until an order conversation took "
				 "place\n"
				 "  --draft                   save as a draft even when complete\n\n"
				 "A combination of reasons is written REASON,REASON: the most serious "
				 "counts.\n"
				 "The ban is active only when the mandatory answers are given: --notes "
				 "(why),\n"
				 "--starts, --ends, --imposed-by and --letter-sent; otherwise it is saved "
				 "as a\n"
				 "draft ('balie ban activate ID' later). Kind and duration must fit the "
				 "sanction\n"
				 "table (see 'balie ban propose') unless --justification is given.\n"));
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
	char dates[4][DATES_DATE_LEN];
	read_date(&v[COL_BORN], DATES_PAST, dates[0]);
	read_date(&v[COL_LETTER_SENT], DATES_PAST, dates[1]);
	read_date(&v[COL_STARTS], DATES_NEAR, dates[2]);
	read_date(&v[COL_ENDS], DATES_NEAR, dates[3]);

	struct sanction_table table;
	if (load_table(ctx, &table) != 0)
		return CLI_ERROR;
	/* A combination is stored under its most serious category, the list kept beside it. */
	char reasons[256] = "", most[32];
	if (v[COL_REASON] && strchr(v[COL_REASON], ',')) {
		if (combination(&table, cmd, v[COL_REASON], reasons, sizeof reasons, most) != 0)
			return CLI_ERROR;
		v[COL_REASON] = most;
	}
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
	if (check_extra(cmd, &extra, b.kind) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int64_t id;
	int status = CLI_ERROR;
	size_t earlier;
	if (store_ban_earlier(st, b.given_names, b.prefix, b.surname, b.born, 0, &earlier) !=
	    STORE_OK) {
		status = cli_store_failed(st, cmd);
		goto out;
	}
	enum sanction_offence offence = sanctions_offence(earlier);
	if (fits_table(cmd, &table, b.reason, offence, b.kind, b.starts, b.ends, b.police_informed,
		       extra.justification) != 0)
		goto out;
	b.repeat_offence = offence == SANCTION_REPEAT;
	b.reasons = reasons;
	b.enforcement = extra.enforcement;
	b.justification = extra.justification;
	b.until_conversation = extra.until_conversation;
	b.draft = extra.draft;
	if (store_ban_insert(st, &b, &id) != STORE_OK) {
		status = cli_store_failed(st, cmd);
		goto out;
	}
	printf("%lld\n", (long long)id);
	status = CLI_OK;
	unsigned missing = policy_ban_missing(b.notes, b.starts, b.ends, b.imposed_by,
					      b.letter_sent);
	if (missing || b.draft) {
		char names[256];
		policy_missing_join(missing, policy_missing_name, ", ", names, sizeof names);
		if (missing)
			cli_error(_("ban %lld saved as a draft: missing %s; it is not on the list "
				    "until 'balie ban activate %lld'"), (long long)id, names,
				  (long long)id);
		else
			cli_error(_("ban %lld saved as a draft; it is not on the list until "
				    "'balie ban activate %lld'"), (long long)id, (long long)id);
	}
out:
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ list */

static int ban_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"all", no_argument, NULL, 'a'},
		{"current", no_argument, NULL, 'c'},
		{"drafts", no_argument, NULL, 'd'},
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
		case 'd': filter = BAN_FILTER_DRAFT; break;
		case 't': tsv = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban list [--all|--current|--drafts] [--tsv]\n"
				 "List the bans in force today, soonest-ending first.\n\n"
				 "  --current   also bans that start later\n"
				 "  --all       every ban, also expired, lifted and draft ones\n"
				 "  --drafts    only drafts (not yet active)\n"
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
			/* Issue 7, discreet view: the reason only for roles that may see it. */
			cli_put_tsv(stdout, roles_may(ctx->role, PERM_SEE_REASON)
					    ? policy_reason_name(b->reason) : "", false);
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
		if (b->status == BAN_STATUS_DRAFT)
			printf("; %s", _("draft"));
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
	int64_t id;
	if (ban_id_arg(cmd, argc, argv, &id) != 0)
		return CLI_ERROR;
	if (!reason)
		return cli_error_missing(cmd, "--reason");
	if (cli_check_text(cmd, "--reason", reason, 2000, false) != 0)
		return CLI_ERROR;
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
		/* Stored as an instant; the CSV has the local date, as 'ban list' shows it. */
		char lifted[DATES_DATE_LEN] = "";
		time_t t;
		if (*b->lifted_at) {
			if (dates_parse_utc(b->lifted_at, &t) != 0) {
				cli_error(_("ban %lld: unreadable lifting time %s in the database"),
					  (long long)b->id, b->lifted_at);
				return -1;
			}
			dates_local_date(t, lifted);
		}
		const char *v[COL_COUNT] = {
			[COL_GIVEN] = b->given_names, [COL_PREFIX] = b->prefix,
			[COL_SURNAME] = b->surname, [COL_BORN] = b->born,
			[COL_KIND] = policy_kind_name(b->kind), [COL_STARTS] = b->starts,
			[COL_ENDS] = b->ends, [COL_REASON] = policy_reason_name(b->reason),
			[COL_PARTNER_PREFIX] = b->partner_prefix,
			[COL_PARTNER_SURNAME] = b->partner_surname, [COL_SCOPE] = b->scope,
			[COL_IMPOSED_BY] = b->imposed_by, [COL_LETTER_SENT] = b->letter_sent,
			[COL_POLICE] = b->police_informed ? "yes" : "no", [COL_NOTES] = b->notes,
			[COL_STATUS] = b->status == BAN_STATUS_DRAFT ? "draft" : "active",
			[COL_LIFTED_AT] = lifted, [COL_LIFTED_BY] = b->lifted_by,
			[COL_LIFTED_REASON] = b->lifted_reason,
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
				 "Status and lifting are columns too, so 'ban import' reads it back as is.\n"));
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

/* ------------------------------------------------------------------ propose */

static int ban_propose(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"reason", required_argument, NULL, 'r'},
		{"person", required_argument, NULL, 'P'},
		{"given", required_argument, NULL, 'g'},
		{"prefix", required_argument, NULL, 'p'},
		{"surname", required_argument, NULL, 's'},
		{"born", required_argument, NULL, 'b'},
		{"starts", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban propose";
	char *reason = NULL, *person = NULL, *given = "", *prefix = "", *surname = NULL;
	char *born = "", *starts = NULL;
	char today[DATES_DATE_LEN], q[160];
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'r': reason = optarg; break;
		case 'P': person = optarg; break;
		case 'g': given = optarg; break;
		case 'p': prefix = optarg; break;
		case 's': surname = optarg; break;
		case 'b': born = optarg; break;
		case 'f': starts = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban propose --reason REASON[,REASON...]\n"
				 "         (--person ID | --surname NAME [--given NAMES] [--prefix P] "
				 "[--born DATE])\n"
				 "         [--starts DATE]\n"
				 "What the sanction table proposes for this person: the earlier bans and\n"
				 "warnings of the same person decide first offence or repeat; a\n"
				 "combination counts as its most serious reason.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	if (!reason)
		return cli_error_missing(cmd, "--reason");
	if (!person && !surname)
		return cli_error_missing(cmd, _("--person or --surname"));
	int64_t person_id = 0;
	if (person && cli_parse_id(person, &person_id) != 0) {
		cli_error(_("%s: --person: %s is not a person id"), cmd, quoted(person, q, sizeof q));
		return CLI_ERROR;
	}
	cli_today(today);
	if (!starts)
		starts = today;
	char why[256], dates[2][DATES_DATE_LEN];
	read_date(&starts, DATES_NEAR, dates[0]);
	read_date(&born, DATES_PAST, dates[1]);
	if (check_date(starts, why, sizeof why) != 0) {
		cli_error("%s: --starts: %s", cmd, why);
		return CLI_ERROR;
	}
	if (*born && check_date(born, why, sizeof why) != 0) {
		cli_error("%s: --born: %s", cmd, why);
		return CLI_ERROR;
	}
	struct sanction_table table;
	if (load_table(ctx, &table) != 0)
		return CLI_ERROR;
	char list[256], most[32];
	if (combination(&table, cmd, reason, list, sizeof list, most) != 0)
		return CLI_ERROR;
	enum ban_reason r;
	(void)policy_reason_parse(most, &r); /* combination() gave a known name */
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	size_t earlier;
	enum store_status s = person ? store_ban_earlier_for_person(st, person_id, &earlier)
				     : store_ban_earlier(st, given, prefix, surname, born, 0,
							 &earlier);
	int status = CLI_ERROR;
	struct sanction_proposal p;
	if (s == STORE_NOT_FOUND) {
		cli_error(_("person %lld: no such person"), (long long)person_id);
		goto out;
	}
	if (s != STORE_OK) {
		status = cli_store_failed(st, cmd);
		goto out;
	}
	if (sanctions_propose(&table, r, earlier, starts, &p) != 0) {
		cli_error("%s: %s: %s", cmd, policy_reason_name(r),
			  sanctions_check_message(SANCTION_NO_RULE));
		goto out;
	}
	char kinds[128], lo[DATES_DATE_LEN], hi[DATES_DATE_LEN];
	sanctions_kinds_text(p.rule.kinds, kinds, sizeof kinds);
	printf("%-20s %s (%s)\n", _("reason:"), policy_reason_label(r), policy_reason_name(r));
	if (*list)
		printf("%-20s %s\n", _("combination of:"), list);
	printf("%-20s %s (", _("offence:"),
	       p.offence == SANCTION_REPEAT ? _("repeat") : _("first"));
	printf(ngettext("%zu earlier ban or warning", "%zu earlier bans or warnings", earlier),
	       earlier);
	printf(")\n");
	printf("%-20s %s\n", _("proposed kind:"), policy_kind_name(p.kind));
	printf("%-20s %s\n", _("allowed kinds:"), kinds);
	if (p.rule.max_months > 0)
		printf(_("%-20s %d to %d months (building and phone bans)\n"), _("duration:"),
		       p.rule.min_months, p.rule.max_months);
	else
		printf(_("%-20s at most %d months\n"), _("duration:"), table.other_max_months);
	if (sanctions_bounds(&table, &p.rule, p.kind, starts, lo, hi) == 0)
		printf("%-20s %s .. %s\n", _("allowed end:"), lo, hi);
	printf("%-20s %s .. %s\n", _("proposed period:"), starts, p.ends);
	printf("%-20s %s\n", _("police report:"), p.rule.police_report ? _("required")
								   : _("optional"));
	printf("%-20s %s\n", _("order conversation:"), p.rule.conversation ? _("proposed")
									   : _("no"));
	status = CLI_OK;
out:
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ activate */

static int ban_activate(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"imposed-by", required_argument, NULL, 'i'},
		{"letter-sent", required_argument, NULL, 'l'},
		{"notes", required_argument, NULL, 'n'},
		{"enforcement", required_argument, NULL, 'E'},
		{"police", optional_argument, NULL, 'x'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban activate";
	char *imposed = NULL, *letter = NULL, *notes = NULL, *enforcement = NULL, *police = NULL;
	static char yes[] = "yes";
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'i': imposed = optarg; break;
		case 'l': letter = optarg; break;
		case 'n': notes = optarg; break;
		case 'E': enforcement = optarg; break;
		case 'x': police = optarg ? optarg : yes; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban activate ID [--imposed-by NAME] "
				 "[--letter-sent DATE]\n"
				 "         [--notes TEXT] [--enforcement TEXT] [--police[=yes|no]]\n"
				 "Make a draft ban active once every mandatory answer is given; the\n"
				 "options fill in answers that are still missing first. Reception is\n"
				 "notified on every console.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	int64_t id;
	if (ban_id_arg(cmd, argc, argv, &id) != 0)
		return CLI_ERROR;
	char why[256];
	struct { const char *opt; char *v; size_t max; } t[] = {
		{"--imposed-by", imposed, 200}, {"--letter-sent", letter, 10},
		{"--notes", notes, 2000}, {"--enforcement", enforcement, 2000},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (t[i].v && cli_check_text(cmd, t[i].opt, t[i].v, t[i].max, false) != 0)
			return CLI_ERROR;
	char letter_date[DATES_DATE_LEN];
	read_date(&letter, DATES_PAST, letter_date);
	if (letter && check_date(letter, why, sizeof why) != 0) {
		cli_error("%s: --letter-sent: %s", cmd, why);
		return CLI_ERROR;
	}
	bool police_v = false;
	if (police && parse_yesno(police, &police_v) != 0) {
		char q[160];
		cli_error(_("%s: --police: %s is not yes or no"), cmd, quoted(police, q, sizeof q));
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_ERROR;
	struct ban b = {0};
	enum store_status r = store_ban_get(st, id, &b);
	if (r != STORE_OK) {
		status = ban_failed(st, cmd, id, r);
		goto out;
	}
	if (b.status == BAN_STATUS_ACTIVE) {
		cli_error(_("ban %lld: is active already"), (long long)id);
		goto out;
	}
	if (imposed || letter || notes || enforcement || police) {
		/* The answers go in as an update first: the history shows who filled them in. */
		char **f[] = {&b.imposed_by, &b.letter_sent, &b.notes, &b.enforcement};
		char *nv[] = {imposed, letter, notes, enforcement};
		for (size_t i = 0; i < 4; i++) {
			if (!nv[i])
				continue;
			char *d = strdup(nv[i]);
			if (!d) {
				cli_error("%s: %s", cmd, strerror(ENOMEM));
				goto out;
			}
			free(*f[i]);
			*f[i] = d;
		}
		if (police)
			b.police_informed = police_v;
		if ((r = store_ban_update(st, &b)) != STORE_OK) {
			status = ban_failed(st, cmd, id, r);
			goto out;
		}
		b.version++;
	}
	r = store_ban_activate(st, id, b.version);
	if (r != STORE_OK) {
		status = ban_failed(st, cmd, id, r);
		goto out;
	}
	printf(_("ban %lld active\n"), (long long)id);
	status = CLI_OK;
out:
	store_ban_clear(&b);
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ extend */

static int ban_extend(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"ends", required_argument, NULL, 'e'},
		{"reason", required_argument, NULL, 'r'},
		{"justification", required_argument, NULL, 'J'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban extend";
	char *ends = NULL, *reason = NULL, *justification = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'e': ends = optarg; break;
		case 'r': reason = optarg; break;
		case 'J': justification = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban extend ID --ends DATE --reason TEXT "
				 "[--justification TEXT]\n"
				 "Extend a ban to a later last day. The whole period must fit the\n"
				 "sanction table unless a justification is given; the old end stays in\n"
				 "the history.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	int64_t id;
	if (ban_id_arg(cmd, argc, argv, &id) != 0)
		return CLI_ERROR;
	if (!ends)
		return cli_error_missing(cmd, "--ends");
	if (!reason)
		return cli_error_missing(cmd, "--reason");
	char why[256], ends_date[DATES_DATE_LEN];
	read_date(&ends, DATES_NEAR, ends_date);
	if (check_date(ends, why, sizeof why) != 0) {
		cli_error("%s: --ends: %s", cmd, why);
		return CLI_ERROR;
	}
	struct { const char *opt; char *v; } t[] = {
		{"--reason", reason}, {"--justification", justification},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (t[i].v && cli_check_text(cmd, t[i].opt, t[i].v, 2000, false) != 0)
			return CLI_ERROR;
	struct sanction_table table;
	if (load_table(ctx, &table) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_ERROR;
	struct ban b = {0};
	enum store_status r = store_ban_get(st, id, &b);
	if (r != STORE_OK) {
		status = ban_failed(st, cmd, id, r);
		goto out;
	}
	enum sanction_offence o = b.repeat_offence ? SANCTION_REPEAT : SANCTION_FIRST;
	if (fits_table(cmd, &table, b.reason, o, b.kind, b.starts, ends, true, justification) != 0)
		goto out;
	r = store_ban_extend(st, id, ends, reason, justification, b.version);
	if (r != STORE_OK) {
		status = ban_failed(st, cmd, id, r);
		goto out;
	}
	printf(_("ban %lld extended until %s\n"), (long long)id, ends);
	status = CLI_OK;
out:
	store_ban_clear(&b);
	store_close(st);
	return status;
}

/* ------------------------------------------------------------------ history */

/* Local "YYYY-MM-DD HH:MM" of a stored instant, or the text as stored. */
static void local_time(const char *utc, char *out, size_t outsz)
{
	time_t t;
	if (dates_parse_utc(utc, &t) == 0)
		cli_local_time(t, out, outsz);
	else
		snprintf(out, outsz, "%s", utc);
}

static int ban_history(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"tsv", no_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban history";
	bool tsv = false;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 't': tsv = true; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban history ID [--tsv]\n"
				 "Every change of a ban, oldest first: when (local time), who, what, and\n"
				 "the ban as it was after the change.\n"
				 "  --tsv   at, actor, action, status, kind, reason, starts, ends, scope,\n"
				 "          imposed_by, letter_sent, police, lifted, detail\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	int64_t id;
	if (ban_id_arg(cmd, argc, argv, &id) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	struct ban_history *h = NULL;
	size_t n = 0;
	struct ban b = {0};
	enum store_status r = store_ban_get(st, id, &b);
	if (r == STORE_OK)
		r = store_ban_history(st, id, &h, &n);
	if (r != STORE_OK) {
		int rc = ban_failed(st, cmd, id, r);
		store_ban_clear(&b);
		store_close(st);
		return rc;
	}
	if (!tsv) {
		char name[1024];
		cli_person_name(b.given_names, b.prefix, b.surname, name, sizeof name);
		printf(_("ban %lld: "), (long long)id);
		cli_put_escaped(stdout, name);
		printf(_(" (person %lld)\n"), (long long)b.person_id);
	}
	for (size_t i = 0; i < n; i++) {
		char at[32];
		local_time(h[i].at, at, sizeof at);
		const char *status = h[i].status == BAN_STATUS_DRAFT ? "draft" : "active";
		if (tsv) {
			const char *f[] = {at, h[i].actor, h[i].action, status,
					   policy_kind_name(h[i].kind), policy_reason_name(h[i].reason),
					   h[i].starts, h[i].ends, h[i].scope, h[i].imposed_by,
					   h[i].letter_sent, h[i].police_informed ? "yes" : "no",
					   *h[i].lifted_at ? "lifted" : "", h[i].detail};
			for (size_t j = 0; j < sizeof f / sizeof *f; j++)
				cli_put_tsv(stdout, f[j], j + 1 == sizeof f / sizeof *f);
			continue;
		}
		printf("%s  ", at);
		cli_put_escaped(stdout, h[i].actor);
		printf("  %-9s %-6s %s %s..%s", h[i].action, status, policy_kind_name(h[i].kind),
		       h[i].starts, h[i].ends);
		if (*h[i].lifted_at)
			printf("  %s", _("lifted"));
		putchar('\n');
		if (*h[i].detail) {
			printf("    ");
			cli_put_escaped(stdout, h[i].detail);
			putchar('\n');
		}
	}
	store_ban_history_free(h, n);
	store_ban_clear(&b);
	store_close(st);
	return CLI_OK;
}

/* ------------------------------------------------------------------ letter */

/* The letter is an official Dutch document whatever the screen's language, so these
 * phrases are part of the letter (like the templates in data/letters/), not of the
 * interface, and are not translated. */
static const char *const nl_months[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december",
};
static const char *const nl_reason[REASON_COUNT] = {
	[REASON_VERBAL] = "verbale of non-verbale agressie",
	[REASON_THREAT] = "bedreiging",
	[REASON_OBSTRUCTION] = "het bemoeilijken of belemmeren van het werk van onze medewerkers",
	[REASON_ATTEMPT] = "een poging tot fysiek geweld",
	[REASON_PHYSICAL] = "fysiek geweld",
	[REASON_PROPERTY] = "het beschadigen van eigendommen van de gemeente",
	[REASON_OTHER] = "ongewenst gedrag",
};
static const char *const nl_kind_title[BAN_KIND_COUNT] = {
	[BAN_BUILDING] = "toegangsverbod",
	[BAN_PHONE] = "telefoonverbod",
	[BAN_BUILDING_PHONE] = "toegangs- en telefoonverbod",
	[BAN_SERVICE] = "opschorting van de dienstverlening",
	[BAN_WARNING] = "schriftelijke waarschuwing",
};

/* Columns of a printed letter: a monospaced A4 page with margins. */
#define LETTER_WIDTH 78

/* "24 november 2026" from "2026-11-24" (the text itself when it is no date). */
static void nl_date(const char *date, char *out, size_t outsz)
{
	int y, m, d;
	if (!date || dates_parse_date(date, &y, &m, &d) != 0) {
		snprintf(out, outsz, "%s", date && *date ? date : "...");
		return;
	}
	/* No-break spaces: a date is never split over two lines (sanctions_wrap). */
	snprintf(out, outsz, "%d\u00a0%s\u00a0%d", d, nl_months[m - 1], y);
}

/* "het gebouw Stadhuis", "de gebouwen Stadhuis en Milieustraat", "alle gemeentelijke
 * gebouwen", with the configured names of the scope's ids. */
static void nl_buildings(const struct config *cfg, const char *scope, char *out, size_t outsz)
{
	if (!scope || !*scope) {
		snprintf(out, outsz, "alle gemeentelijke gebouwen");
		return;
	}
	size_t count = 1;
	for (const char *p = scope; *p; p++)
		count += *p == ',';
	int len = snprintf(out, outsz, "%s", count > 1 ? "de gebouwen " : "het gebouw ");
	size_t i = 0;
	for (const char *p = scope; *p && len > 0 && (size_t)len < outsz; i++) {
		size_t n = strcspn(p, ",");
		char id[256];
		snprintf(id, sizeof id, "%.*s", (int)n, p);
		const struct config_building *b = config_building_find(cfg, id);
		const char *sep = i == 0 ? "" : i + 1 == count ? " en " : ", ";
		len += snprintf(out + len, outsz - (size_t)len, "%s%s", sep, b ? b->name : id);
		p += n + (p[n] == ',');
	}
}

/* The measure as the letter's sentence "Wij hebben daarom besloten tot ..." ends it. */
static void nl_measure(const struct config *cfg, const struct ban *b, char *out, size_t outsz)
{
	char where[512];
	nl_buildings(cfg, b->scope, where, sizeof where);
	switch (b->kind) {
	case BAN_BUILDING:
		snprintf(out, outsz, "een toegangsverbod voor %s", where);
		return;
	case BAN_PHONE:
		snprintf(out, outsz, "een telefoonverbod: onze medewerkers staan u telefonisch "
			 "niet meer te woord");
		return;
	case BAN_BUILDING_PHONE:
		snprintf(out, outsz, "een toegangsverbod voor %s en een telefoonverbod", where);
		return;
	case BAN_SERVICE:
		snprintf(out, outsz, "het opschorten van de dienstverlening aan u");
		return;
	case BAN_WARNING:
	case BAN_KIND_COUNT:
		break;
	}
	snprintf(out, outsz, "een schriftelijke waarschuwing");
}

/* "fysiek geweld" or, for a combination, "bedreiging en fysiek geweld". */
static void nl_reasons(const struct ban *b, char *out, size_t outsz)
{
	if (!*b->reasons) {
		snprintf(out, outsz, "%s", nl_reason[b->reason < REASON_COUNT ? b->reason
									       : REASON_OTHER]);
		return;
	}
	size_t count = 1, len = 0, i = 0;
	for (const char *p = b->reasons; *p; p++)
		count += *p == ',';
	out[0] = '\0';
	for (const char *p = b->reasons; *p; i++) {
		size_t n = strcspn(p, ",");
		char tok[32];
		enum ban_reason r = REASON_OTHER;
		snprintf(tok, sizeof tok, "%.*s", (int)n, p);
		(void)policy_reason_parse(tok, &r); /* validated by the store; else "other" */
		const char *sep = i == 0 ? "" : i + 1 == count ? " en " : ", ";
		int k = snprintf(out + len, outsz - len, "%s%s", sep, nl_reason[r]);
		if (k < 0 || (size_t)k >= outsz - len)
			return;
		len += (size_t)k;
		p += n + (p[n] == ',');
	}
}

static int ban_letter(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"type", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban letter";
	const char *type = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 't': type = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban letter ID [--type "
				 "warning|ban|invitation]\n"
				 "Write the letter that informs the person, as plain text for printing\n"
				 "(Dutch). Without --type: a warning for a written warning, an "
				 "invitation\n"
				 "for an order conversation for a service stop until that conversation,\n"
				 "else the ban letter. The templates are letters/TYPE.txt next to\n"
				 "balie.conf, else the built-in ones.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	int64_t id;
	if (ban_id_arg(cmd, argc, argv, &id) != 0)
		return CLI_ERROR;
	enum sanctions_letter lt = LETTER_BAN;
	if (type && sanctions_letter_parse(type, &lt) != 0) {
		char q[160];
		cli_error(_("%s: --type: unknown letter %s (one of: warning, ban, invitation)"), cmd,
			  quoted(type, q, sizeof q));
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	struct ban b = {0};
	enum store_status r = store_ban_get(st, id, &b);
	if (r != STORE_OK) {
		int rc = ban_failed(st, cmd, id, r);
		store_close(st);
		return rc;
	}
	store_close(st);
	if (!type)
		lt = b.kind == BAN_WARNING ? LETTER_WARNING
		   : b.kind == BAN_SERVICE && b.until_conversation ? LETTER_INVITATION : LETTER_BAN;
	char err[1024];
	const char *source = ctx->config ? ctx->config->source : NULL;
	char *tmpl = sanctions_letter_template(source, lt, err, sizeof err);
	if (!tmpl) {
		cli_error("%s", err);
		store_ban_clear(&b);
		return CLI_ERROR;
	}
	const char *muni = ctx->config && ctx->config->municipality ? ctx->config->municipality
								    : "Gemeente";
	char today[DATES_DATE_LEN], datum[64], ingang[64], einde[64], name[1024], kenmerk[64];
	char kort[256], measure[1024], reden[512], signer[256];
	cli_today(today);
	nl_date(today, datum, sizeof datum);
	nl_date(b.starts, ingang, sizeof ingang);
	nl_date(b.ends, einde, sizeof einde);
	cli_person_name(b.given_names, b.prefix, b.surname, name, sizeof name);
	snprintf(kenmerk, sizeof kenmerk, "nr. %lld", (long long)id);
	/* "Gemeente Ermelo" -> "gemeente Ermelo" inside a sentence. */
	if (strncmp(muni, "Gemeente ", 9) == 0 || strncmp(muni, "gemeente ", 9) == 0)
		snprintf(kort, sizeof kort, "gemeente %s", muni + 9);
	else
		snprintf(kort, sizeof kort, "gemeente %s", muni);
	nl_measure(ctx->config, &b, measure, sizeof measure);
	nl_reasons(&b, reden, sizeof reden);
	snprintf(signer, sizeof signer, "%s", *b.imposed_by ? b.imposed_by
			 : "................................");
	static const char *const names[] = {
		"gemeente", "gemeente_kort", "naam", "datum", "kenmerk", "maatregel",
		"maatregel_kop", "reden", "ingang", "einde", "tot_ordegesprek", "politie",
		"opgelegd_door",
	};
	const char *values[] = {
		muni, kort, name, datum, kenmerk, measure,
		nl_kind_title[b.kind < BAN_KIND_COUNT ? b.kind : BAN_WARNING], reden, ingang, einde,
		b.until_conversation ? ", of tot het ordegesprek heeft plaatsgevonden als dat "
				       "eerder is" : "",
		b.police_informed ? "\nVoor de goede orde merken wij op dat wij een afschrift van "
				    "deze brief hebben gezonden aan de politie.\n" : "",
		signer,
	};
	const char *bad = NULL;
	char *filled = sanctions_fill(tmpl, names, values, sizeof names / sizeof *names, &bad);
	char *text = filled ? sanctions_wrap(filled, LETTER_WIDTH) : NULL;
	int status = CLI_OK;
	if (!text) {
		if (bad && !filled) {
			char shown[64];
			snprintf(shown, sizeof shown, "%.*s", (int)strcspn(bad, "}\n"), bad);
			cli_error(_("letter %s: unknown placeholder %s} (see balie(1))"),
				  sanctions_letter_name(lt), shown);
		} else {
			cli_error("%s: %s", cmd, strerror(ENOMEM));
		}
		status = CLI_ERROR;
	} else if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
		cli_error("%s: %s", cmd, strerror(errno));
		status = CLI_ERROR;
	}
	free(text);
	free(filled);
	free(tmpl);
	store_ban_clear(&b);
	return status;
}

/* ------------------------------------------------------------------ exceptions */

static int exception_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"kind", required_argument, NULL, 'k'},
		{"date", required_argument, NULL, 'd'},
		{"from", required_argument, NULL, 'f'},
		{"until", required_argument, NULL, 'u'},
		{"detail", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban exception add";
	char *kind = NULL, *date = NULL, *from = NULL, *until = NULL, *detail = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 'k': kind = optarg; break;
		case 'd': date = optarg; break;
		case 'f': from = optarg; break;
		case 'u': until = optarg; break;
		case 'D': detail = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban exception add ID --kind "
				 "representative|appointment\n"
				 "         (--date DATE | --from DATE --until DATE) --detail TEXT\n"
				 "Record an exception during a ban: an appointment arranged by phone "
				 "first\n"
				 "(--date, detail: time, place, host) or a representative with a signed\n"
				 "authorisation (--from/--until, detail: who). The visitor check shows an\n"
				 "appointment of today as allowed.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	int64_t id;
	if (ban_id_arg(cmd, argc, argv, &id) != 0)
		return CLI_ERROR;
	if (!kind)
		return cli_error_missing(cmd, "--kind");
	enum ban_exception_kind k;
	char q[160], why[256];
	if (store_ban_exception_kind_parse(kind, &k) != 0) {
		cli_error(_("%s: --kind: unknown kind %s (one of: representative, appointment)"), cmd,
			  quoted(kind, q, sizeof q));
		return CLI_ERROR;
	}
	if (date && (from || until)) {
		cli_error(_("%s: --date cannot be used with --from or --until"), cmd);
		return CLI_ERROR;
	}
	if (date)
		from = until = date;
	if (!from)
		return cli_error_missing(cmd, date ? "--date" : _("--date or --from"));
	if (!until)
		return cli_error_missing(cmd, "--until");
	char from_date[DATES_DATE_LEN], until_date[DATES_DATE_LEN];
	read_date(&from, DATES_NEAR, from_date);
	read_date(&until, DATES_NEAR, until_date);
	if (check_date(from, why, sizeof why) != 0) {
		cli_error("%s: %s: %s", cmd, date ? "--date" : "--from", why);
		return CLI_ERROR;
	}
	if (check_date(until, why, sizeof why) != 0) {
		cli_error("%s: --until: %s", cmd, why);
		return CLI_ERROR;
	}
	if (!detail)
		return cli_error_missing(cmd, "--detail");
	if (cli_check_text(cmd, "--detail", detail, 500, false) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int64_t eid;
	int status = CLI_OK;
	enum store_status r = store_ban_exception_add(st, id, k, from, until, detail, &eid);
	if (r != STORE_OK)
		status = ban_failed(st, cmd, id, r);
	else
		printf("%lld\n", (long long)eid);
	store_close(st);
	return status;
}

static int exception_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
	};
	const char *cmd = "ban exception list";
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		if (c == 'h') {
			printf(_("Usage: balie [--db FILE] ban exception list [ID]\n"
				 "The exceptions of one ban, or of every ban, tab-separated: id, ban,\n"
				 "kind, from, until, detail.\n"));
			return CLI_OK;
		}
		return CLI_ERROR;
	}
	int64_t id = 0;
	if (optind < argc && ban_id_arg(cmd, argc, argv, &id) != 0)
		return CLI_ERROR;
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	struct ban_exception *e = NULL;
	size_t n = 0;
	int status = CLI_OK;
	if (store_ban_exception_list(st, id, &e, &n) != STORE_OK)
		status = cli_store_failed(st, cmd);
	for (size_t i = 0; i < n; i++) {
		char eid[32], bid[32];
		snprintf(eid, sizeof eid, "%lld", (long long)e[i].id);
		snprintf(bid, sizeof bid, "%lld", (long long)e[i].ban_id);
		cli_put_tsv(stdout, eid, false);
		cli_put_tsv(stdout, bid, false);
		cli_put_tsv(stdout, store_ban_exception_kind_name(e[i].kind), false);
		cli_put_tsv(stdout, e[i].starts, false);
		cli_put_tsv(stdout, e[i].ends, false);
		cli_put_tsv(stdout, e[i].detail, true);
	}
	free(e);
	store_close(st);
	return status;
}

static int ban_exception(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_error_missing("ban exception", _("a command (add, list)"));
	if (strcmp(argv[1], "add") == 0)
		return exception_add(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return exception_list(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		printf(_("Usage: balie [--db FILE] ban exception add|list ...\n"));
		return CLI_OK;
	}
	cli_error(_("ban exception: unknown command '%s' (add, list)"), argv[1]);
	return CLI_ERROR;
}

/* ------------------------------------------------------------------ notices */

static int ban_notices(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"seen", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = "ban notices";
	const char *seen = NULL;
	int c;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, ":h", opts, cmd)) != -1) {
		switch (c) {
		case 's': seen = optarg; break;
		case 'h':
			printf(_("Usage: balie [--db FILE] ban notices [--seen ID]\n"
				 "The notices for reception you have not marked seen (a ban became\n"
				 "active, was extended, lifted or ended), tab-separated: id, event, ban,\n"
				 "name, kind, from, until. --seen ID marks one as seen by you.\n"));
			return CLI_OK;
		default:
			return CLI_ERROR;
		}
	}
	if (optind < argc)
		return cli_error_extra(cmd, argv[optind]);
	int64_t nid = 0;
	if (seen && cli_parse_id(seen, &nid) != 0) {
		char q[160];
		cli_error(_("%s: --seen: %s is not a notice id"), cmd, quoted(seen, q, sizeof q));
		return CLI_ERROR;
	}
	struct store *st = cli_open_store(ctx, 0);
	if (!st)
		return CLI_ERROR;
	int status = CLI_OK;
	char today[DATES_DATE_LEN];
	cli_today(today);
	struct ban_notice *n = NULL;
	size_t count = 0;
	if (seen) {
		if (store_ban_notice_seen(st, nid, ctx->user) != STORE_OK)
			status = cli_store_failed(st, cmd);
	} else if (store_ban_notice_sweep(st, today, NULL) != STORE_OK ||
		   store_ban_notice_unseen(st, ctx->user, 0, &n, &count) != STORE_OK) {
		status = cli_store_failed(st, cmd);
	}
	for (size_t i = 0; i < count; i++) {
		char id[32], bid[32];
		snprintf(id, sizeof id, "%lld", (long long)n[i].id);
		snprintf(bid, sizeof bid, "%lld", (long long)n[i].ban_id);
		cli_put_tsv(stdout, id, false);
		cli_put_tsv(stdout, store_ban_notice_event_name(n[i].event), false);
		cli_put_tsv(stdout, bid, false);
		cli_put_tsv(stdout, n[i].name, false);
		cli_put_tsv(stdout, policy_kind_name(n[i].kind), false);
		cli_put_tsv(stdout, n[i].starts, false);
		cli_put_tsv(stdout, n[i].ends, true);
	}
	free(n);
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
		 "  export [--all] [FILE|-]          write bans as CSV\n"
		 "  propose --reason R (--person ID|--surname NAME ...)  the sanction table's\n"
		 "                                   proposal for this person\n"
		 "  activate ID                      make a complete draft active\n"
		 "  extend ID --ends DATE --reason TEXT  extend a ban\n"
		 "  history ID                       every change of a ban\n"
		 "  letter ID [--type warning|ban|invitation]  the letter, for printing\n"
		 "  exception add|list ...           representative or appointment during a ban\n"
		 "  notices [--seen ID]              notices for reception\n\n"
		 "Run 'balie ban COMMAND --help' for the options of a command.\n"));
}

int cli_ban(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct cli_ctx *, int, char **);
	} sub[] = {
		{"import", ban_import}, {"add", ban_add}, {"list", ban_list},
		{"lift", ban_lift}, {"export", ban_export}, {"propose", ban_propose},
		{"activate", ban_activate}, {"extend", ban_extend}, {"history", ban_history},
		{"letter", ban_letter}, {"exception", ban_exception}, {"notices", ban_notices},
	};
	if (argc < 2)
		return cli_error_missing("ban", _("a command (import, add, list, lift, export, "
						  "propose, activate, extend, history, letter, "
						  "exception, notices)"));
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
