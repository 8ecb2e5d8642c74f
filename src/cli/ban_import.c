/* ban_import — 'ban import' and 'ban export': the CSV files of the ban list. balie opens
 * them as the operator (once, checked on the open descriptor), checks every row itself for
 * a FILE:LINE message and streams the rows to the service, which checks them again and
 * imports all or nothing; an export is read from the service in pages and written here,
 * every stored text checked on the way out. */
#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/ban.h"
#include "core/lib.h"
#include "i18n.h"

#define MAX_BAD_ROWS 20
/* Rows sent per request: a frame of a few hundred kilobytes. */
#define BATCH_ROWS 1000
/* A larger file is refused before it is read (a million bans take about 150 MB). */
#define IMPORT_FILE_MAX ((off_t)1 << 30)

/* ------------------------------------------------------------------ opening the file */

/* What a file that is not a regular one is, for the refusal. */
static const char *file_type(mode_t m)
{
	if (S_ISDIR(m))
		return _("a directory");
	if (S_ISFIFO(m))
		return _("a FIFO");
	if (S_ISCHR(m) || S_ISBLK(m))
		return _("a device");
	if (S_ISSOCK(m))
		return _("a socket");
	return _("something other than a regular file");
}

/* Open the file to import once, as the operator, and check the descriptor: a regular file
 * of at most IMPORT_FILE_MAX bytes ('-': standard input, a pipe too). NULL after the
 * message. */
static FILE *open_input(const char *cmd, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused. */
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	const char *name = is_stdin ? "stdin" : path;
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		cli_error("%s: %s", name, strerror(errno));
		if (fd >= 0 && !is_stdin)
			(void)close(fd); /* refused already */
		return NULL;
	}
	bool ok = S_ISREG(sb.st_mode) || (is_stdin && (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode)));
	if (!ok || (S_ISREG(sb.st_mode) && sb.st_size > IMPORT_FILE_MAX)) {
		if (!ok)
			cli_error(_("%s: %s: refused: it is %s; name a regular CSV file"), cmd, name,
				  file_type(sb.st_mode));
		else
			cli_error(_("%s: %s: refused: larger than %lld MiB"), cmd, name,
				  (long long)(IMPORT_FILE_MAX >> 20));
		if (!is_stdin)
			(void)close(fd);
		return NULL;
	}
	if (is_stdin)
		return stdin;
	int fl = fcntl(fd, F_GETFL);
	FILE *in = fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0 ? NULL : fdopen(fd, "r");
	if (!in) {
		cli_error("%s: %s", name, strerror(errno));
		(void)close(fd);
	}
	return in;
}

/* ------------------------------------------------------------------ the header */

static void header_list(char *buf, size_t bufsz)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int c = 0; c < BANF_CSV_REQUIRED; c++) {
		int n = snprintf(buf + len, bufsz - len, "%s%s", c ? "," : "",
				 bancheck_name((enum banf)c));
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
	size_t seen[BANF_CSV_COUNT] = {0};
	int problems = 0;
	size_t line = csv_reader_line(r);
	for (size_t i = 0; i < rec.count; i++) {
		char *f = rec.fields[i];
		/* Spreadsheets like to start UTF-8 files with a byte order mark. */
		if (i == 0 && strncmp(f, "\xEF\xBB\xBF", 3) == 0)
			f += 3;
		text_trim(f);
		int col = -1;
		for (int c = 0; c < BANF_CSV_COUNT; c++)
			if (strcmp(f, bancheck_name((enum banf)c)) == 0)
				col = c;
		if (col < 0) {
			cli_error(_("%s:%zu: unknown column %s (column %zu); the first line must be "
				    "the header %s"), name, line, ban_quoted(f, q, sizeof q), i + 1,
				  expect);
			problems++;
		} else if (seen[col]) {
			cli_error(_("%s:%zu: column %s appears twice (columns %zu and %zu)"), name,
				  line, bancheck_name((enum banf)col), seen[col], i + 1);
			problems++;
		} else {
			seen[col] = i + 1;
		}
		m[i] = col;
	}
	for (int c = 0; c < BANF_CSV_REQUIRED && problems < MAX_BAD_ROWS; c++) {
		if (!seen[c]) {
			cli_error(_("%s:%zu: missing column %s (the header must name %s)"), name, line,
				  bancheck_name((enum banf)c), expect);
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

/* ------------------------------------------------------------------ the rows */

/* Good rows waiting to be sent: the texts are owned copies. */
struct batch {
	char *v[BATCH_ROWS][BANF_COUNT];
	struct ban_norm norm[BATCH_ROWS];
	struct ban_new rows[BATCH_ROWS];
	size_t n;
};

static void batch_clear(struct batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		for (int c = 0; c < BANF_COUNT; c++)
			free(b->v[i][c]);
	b->n = 0;
}

struct import {
	const struct cli_ctx *ctx;
	struct client *cl;
	const char *name;
	const int *map;
	size_t nfields, sent, bad;
	bool failed;      /* the service refused, or memory ran out: stop */
	const char *source; /* issue 13: where the register comes from, on every row */
	char today[DATES_DATE_LEN];
	struct batch *batch;
};

/* Send the waiting rows (nothing once a row was bad: that import is over anyway). */
static int flush(struct import *im)
{
	struct batch *b = im->batch;
	if (b->n && !im->bad && !im->failed) {
		if (client_ban_import_rows(im->cl, b->rows, b->n) != STORE_OK) {
			cli_error("%s: %s", im->name, client_error(im->cl));
			im->failed = true;
		} else {
			im->sent += b->n;
		}
	}
	batch_clear(b);
	return im->failed ? -1 : 0;
}

/* Check one record; a good one joins the batch. -1 when the import must stop. */
static int take_row(struct import *im, const struct csv_record *rec, size_t line)
{
	struct batch *b = im->batch;
	char **v = b->v[b->n], why[512];
	memset(v, 0, sizeof b->v[b->n]);
	for (size_t i = 0; i < rec->count; i++) {
		if (im->map[i] < 0)
			continue;
		if (!(v[im->map[i]] = strdup(rec->fields[i]))) {
			cli_error("%s: %s", im->name, strerror(ENOMEM));
			for (int c = 0; c < BANF_COUNT; c++)
				free(v[c]);
			im->failed = true;
			return -1;
		}
	}
	enum banf badcol;
	struct ban_new *row = &b->rows[b->n];
	memset(row, 0, sizeof *row);
	/* ban_fields_check points absent columns at a static "": keep only what we own. */
	bool owned[BANF_COUNT];
	for (int c = 0; c < BANF_COUNT; c++)
		owned[c] = v[c] != NULL;
	int valid = ban_fields_check(im->ctx->config, v, im->today, row, &b->norm[b->n], &badcol,
				     why, sizeof why);
	for (int c = 0; c < BANF_COUNT; c++)
		if (!owned[c])
			v[c] = NULL;
	if (valid == 0) {
		row->takeover_source = im->source;
		b->n++;
		return b->n == BATCH_ROWS ? flush(im) : 0;
	}
	if (++im->bad <= MAX_BAD_ROWS) {
		size_t fieldno = 0;
		for (size_t i = 0; i < im->nfields; i++)
			if (im->map[i] == (int)badcol)
				fieldno = i + 1;
		if (fieldno)
			cli_error(_("%s:%zu: %s (column %zu): %s"), im->name, line,
				  bancheck_name(badcol), fieldno, why);
		else
			cli_error(_("%s:%zu: %s: %s"), im->name, line, bancheck_name(badcol), why);
	}
	for (int c = 0; c < BANF_COUNT; c++)
		free(v[c]);
	return 0;
}

/* Read, check and send every row; 0 when all were good and sent. */
static int import_rows(struct import *im, struct csv_reader *r)
{
	struct csv_record rec;
	enum csv_status cs = CSV_EOF;
	while (!im->failed && (cs = csv_read(r, &rec)) == CSV_OK) {
		size_t line = csv_reader_line(r);
		if (rec.count == 1 && rec.fields[0][0] == '\0')
			continue; /* a blank line */
		if (rec.count != im->nfields) {
			if (++im->bad <= MAX_BAD_ROWS)
				cli_error(_("%s:%zu: %zu fields, but the header has %zu"), im->name,
					  line, rec.count, im->nfields);
			continue;
		}
		(void)take_row(im, &rec, line);
	}
	if (im->failed || flush(im) != 0)
		return -1;
	if (cs == CSV_ERROR) {
		cli_error("%s:%zu:%zu: %s", im->name, csv_reader_line(r), csv_reader_column(r),
			  csv_reader_error(r));
		return -1;
	}
	if (im->bad > MAX_BAD_ROWS)
		cli_error(ngettext("%s: %zu more bad row not shown", "%s: %zu more bad rows not shown",
				   im->bad - MAX_BAD_ROWS), im->name, im->bad - MAX_BAD_ROWS);
	if (im->bad) {
		cli_error(ngettext("%s: %zu bad row: nothing imported",
				   "%s: %zu bad rows: nothing imported", im->bad), im->name, im->bad);
		return -1;
	}
	return 0;
}

static int ban_import(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name, *path = a->argv[0];
	const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
	FILE *in = open_input(cmd, path);
	if (!in)
		return CLI_ERROR;
	/* Every row is a takeover from another register, to be reviewed against the sanction
	 * table (issue 13): marked with where it came from, --source or the file's name. */
	const char *slash = strrchr(path, '/');
	struct import im = {.ctx = ctx, .name = name,
			    .source = cli_has(a, "source") ? cli_text(a, "source")
			    : strcmp(path, "-") == 0 ? "stdin" : slash ? slash + 1 : path};
	char why[256];
	if (bancheck_text(BANF_TAKEOVER, im.source, why, sizeof why) != 0 || !*im.source) {
		char q[160];
		return cli_fail(_("%s: the source %s: %s"), cmd, ban_quoted(im.source, q, sizeof q),
				*im.source ? why : _("must not be empty"));
	}
	cli_today(im.today);
	int status = CLI_ERROR;
	int *map = NULL;
	struct csv_reader *r = csv_reader_new(in);
	im.batch = calloc(1, sizeof *im.batch);
	if (!r || !im.batch) {
		cli_error("%s: %s", name, strerror(ENOMEM));
		goto out;
	}
	/* The service says first whether this operator may import at all. */
	if (!(im.cl = cli_client(ctx)))
		goto out;
	if (client_ban_import_begin(im.cl) != STORE_OK) {
		(void)cli_client_failed(im.cl, cmd);
		goto out;
	}
	if (import_header(r, name, &map, &im.nfields) != 0) {
		cli_error(_("%s: nothing imported"), name);
		goto abort;
	}
	im.map = map;
	if (import_rows(&im, r) != 0)
		goto abort;
	if (ferror(in)) {
		cli_error(_("%s: read error: nothing imported"), name);
		goto abort;
	}
	size_t done = 0;
	if (client_ban_import_commit(im.cl, im.sent, &done) != STORE_OK) {
		cli_error(_("%s: %s: nothing imported"), name, client_error(im.cl));
		goto out;
	}
	printf(ngettext("imported %zu ban\n", "imported %zu bans\n", done), done);
	status = CLI_OK;
	goto out;
abort:
	/* Nothing was written; this only frees what the service kept. */
	(void)client_ban_import_abort(im.cl);
out:
	if (im.batch)
		batch_clear(im.batch);
	free(im.batch);
	free(map);
	csv_reader_free(r);
	if (in != stdin)
		(void)fclose(in); /* read-only stream: nothing to lose on close */
	return status;
}

/* ------------------------------------------------------------------ export */

/* One field: the stored text as is when it could be imported again, else with every
 * unsafe character made visible (and said so): no raw control or bidi byte ever leaves. */
static int put_field(FILE *out, const struct ban *b, enum banf f, const char *v, bool last)
{
	if (text_check(v ? v : "", 0, true) == TEXT_OK)
		return csv_write_field(out, v, last);
	size_t need = text_escape(v, NULL, 0);
	char *esc = malloc(need + 1);
	if (!esc)
		return -1;
	(void)text_escape(v, esc, need + 1);
	cli_error(_("ban %lld: %s holds characters that cannot be imported; written escaped"),
		  (long long)b->id, bancheck_name(f));
	int rc = csv_write_field(out, esc, last);
	free(esc);
	return rc;
}

static int export_write(FILE *out, const struct ban_list *l)
{
	int rc = 0;
	for (int c = 0; c < BANF_CSV_COUNT; c++)
		rc |= csv_write_field(out, bancheck_name((enum banf)c), c == BANF_CSV_COUNT - 1);
	for (size_t i = 0; i < l->count && rc == 0; i++) {
		const struct ban *b = &l->items[i];
		/* Stored as an instant; the CSV has the local date, as 'ban list' shows it. */
		char lifted[DATES_DATE_LEN] = "";
		time_t t;
		if (*b->lifted_at) {
			if (dates_parse_utc(b->lifted_at, &t) != 0) {
				char q[160];
				cli_error(_("ban %lld: unreadable lifting time %s in the database"),
					  (long long)b->id, ban_quoted(b->lifted_at, q, sizeof q));
				return -1;
			}
			dates_local_date(t, lifted);
		}
		const char *v[BANF_CSV_COUNT] = {
			[BANF_GIVEN] = b->given_names, [BANF_PREFIX] = b->prefix,
			[BANF_SURNAME] = b->surname, [BANF_BORN] = b->born,
			[BANF_KIND] = policy_kind_name(b->kind), [BANF_STARTS] = b->starts,
			[BANF_ENDS] = b->ends, [BANF_REASON] = policy_reason_name(b->reason),
			[BANF_PARTNER_PREFIX] = b->partner_prefix,
			[BANF_PARTNER_SURNAME] = b->partner_surname, [BANF_SCOPE] = b->scope,
			[BANF_IMPOSED_BY] = b->imposed_by, [BANF_LETTER_SENT] = b->letter_sent,
			[BANF_POLICE] = b->police_informed ? "yes" : "no", [BANF_NOTES] = b->notes,
			[BANF_STATUS] = b->status == BAN_STATUS_DRAFT ? "draft" : "active",
			[BANF_LIFTED_AT] = lifted, [BANF_LIFTED_BY] = b->lifted_by,
			[BANF_LIFTED_REASON] = b->lifted_reason, [BANF_ADDRESS] = b->address,
			[BANF_EVENT_DATE] = b->event_date,
		};
		for (int c = 0; c < BANF_CSV_COUNT && rc == 0; c++)
			rc |= put_field(out, b, (enum banf)c, v[c], c == BANF_CSV_COUNT - 1);
	}
	return rc;
}

/* The file an export may replace: none yet, or a regular file (never through a symbolic
 * link, never a FIFO or device). 0, or -1 after the message. */
static int check_target(const char *cmd, const char *path)
{
	struct stat sb;
	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return 0;
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISLNK(sb.st_mode)) {
		cli_error(_("%s: %s: refused: it is a symbolic link; name the file itself"), cmd,
			  path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		cli_error(_("%s: %s: refused: it is %s; name a regular CSV file"), cmd, path,
			  file_type(sb.st_mode));
		return -1;
	}
	return 0;
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
	int err = errno;
	if (rc == 0 && (fflush(out) != 0 || fsync(fileno(out)) != 0)) {
		rc = -1;
		err = errno;
	}
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

static int ban_export(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	const char *path = a->argc > 0 && strcmp(a->argv[0], "-") != 0 ? a->argv[0] : NULL;
	if (path && check_target(cmd, path) != 0)
		return CLI_ERROR;
	struct client *cl = cli_client(ctx);
	if (!cl)
		return CLI_ERROR;
	struct ban_list l = {0};
	enum ban_filter f = cli_has(a, "all") ? BAN_FILTER_ALL : BAN_FILTER_CURRENT;
	if (client_ban_export(cl, f, &l) != STORE_OK)
		return cli_client_failed(cl, cmd);
	int status = CLI_OK;
	if (path ? export_to_file(path, &l) != 0 : export_write(stdout, &l) != 0)
		status = CLI_ERROR;
	store_ban_list_free(&l);
	return status;
}

/* ------------------------------------------------------------------ review (issue 13) */

/* What the table says of takeover b: "fits the sanction table" or why not. */
static void check_text(struct cli_ctx *ctx, struct client *cl, const struct sanction_table *t,
		       const struct ban *b, char *out, size_t outsz)
{
	(void)ctx;
	size_t earlier = 0;
	if (client_ban_earlier(cl, b->given_names, b->prefix, b->surname, b->born, b->id,
			       &earlier) != STORE_OK) {
		snprintf(out, outsz, "%s", client_error(cl));
		return;
	}
	enum sanction_offence o = sanctions_offence(earlier);
	enum sanction_check c = sanctions_check(t, b->reason, o, b->kind, b->starts, b->ends);
	if (c == SANCTION_OK)
		snprintf(out, outsz, "%s", _("fits the sanction table"));
	else
		snprintf(out, outsz, "%s (%s)", sanctions_check_message(c),
			 o == SANCTION_REPEAT ? _("repeat offence") : _("first offence"));
}

static int ban_review(struct cli_ctx *ctx, const struct cli_args *a)
{
	const char *cmd = a->cmd->name;
	bool all = cli_has(a, "all"), tsv = cli_has(a, "tsv");
	const char *note = cli_text(a, "note");
	struct client *cl;
	if (a->argc > 0) {
		int64_t id;
		if (all || tsv)
			return cli_fail(_("%s: --all and --tsv go with the list, not with an id"),
					cmd);
		if (cli_record_id(a, CLI_RECORD_BAN, &id) != 0 || !(cl = cli_client(ctx)))
			return CLI_ERROR;
		enum store_status r = client_ban_review(cl, id, note);
		if (r != STORE_OK)
			return cli_record_failed(cl, cmd, CLI_RECORD_BAN, id, r);
		printf(_("ban %lld reviewed\n"), (long long)id);
		return CLI_OK;
	}
	if (note)
		return cli_fail(_("%s: --note goes with a ban id"), cmd);
	struct sanction_table table;
	if (ban_table(ctx, &table) != 0 || !(cl = cli_client(ctx)))
		return CLI_ERROR;
	struct ban_list l = {0};
	if (client_ban_takeovers(cl, all, &l) != STORE_OK)
		return cli_client_failed(cl, cmd);
	for (size_t i = 0; i < l.count; i++) {
		const struct ban *b = &l.items[i];
		char id[24], name[1024], check[512];
		snprintf(id, sizeof id, "%lld", (long long)b->id);
		cli_person_name(b->given_names, b->prefix, b->surname, name, sizeof name);
		check_text(ctx, cl, &table, b, check, sizeof check);
		if (tsv) {
			const char *f[] = {id, name, policy_kind_name(b->kind),
					   policy_reason_name(b->reason), b->starts, b->ends,
					   b->takeover_source, b->takeover_date, check,
					   b->reviewed_at, b->reviewed_by};
			(void)cli_put_tsv_row(stdout, f, sizeof f / sizeof *f);
			continue;
		}
		char esc_name[1024], esc_src[512], esc_by[512];
		printf("%5s  %s  %s %s %s..%s\n", id, cli_esc(name, esc_name, sizeof esc_name),
		       policy_kind_name(b->kind), policy_reason_name(b->reason), b->starts, b->ends);
		printf("       ");
		printf(_("taken over from %s on %s; %s"),
		       cli_esc(b->takeover_source, esc_src, sizeof esc_src), b->takeover_date,
		       check);
		if (*b->reviewed_at)
			printf(_("; reviewed by %s"), cli_esc(b->reviewed_by, esc_by, sizeof esc_by));
		putchar('\n');
	}
	cli_list_note(tsv, l.count, all ? _("No bans were taken over.")
					: _("Every ban taken over has been reviewed."));
	store_ban_list_free(&l);
	return CLI_OK;
}

static const struct cli_opt review_opts[] = {
	{.name = "all", .letter = 'a', .type = CLI_FLAG,
	 .help = N_("every takeover, also those reviewed")},
	{.name = "tsv", .letter = 't', .type = CLI_FLAG,
	 .help = N_("tab-separated: id, name, kind, reason, starts, ends, source, taken over, "
		    "check, reviewed at, reviewed by")},
	{.name = "note", .letter = 'n', .type = CLI_TEXT, .arg = "TEXT", .max = 500,
	 .help = N_("with an id: what the review found")},
	{.name = NULL},
};

static const struct cli_opt import_opts[] = {
	{.name = "source", .letter = 's', .type = CLI_TEXT, .arg = "TEXT", .max = 200,
	 .help = N_("where the register comes from (default the file's name); every row is "
		    "marked a takeover from it, to be reviewed ('balie ban review')")},
	{.name = NULL},
};

static const struct cli_opt export_opts[] = {
	BAN_OPT_ALL,
	{.name = NULL},
};

const struct cli_command cli_ban_import_commands[] = {
	{.name = "ban import", .args = N_("FILE.csv"), .opts = import_opts, .min_args = 1,
	 .max_args = 1, .run = ban_import,
	 .summary = N_("Import bans from a CSV file ('-' reads standard input).\n"
		       "The first line is the header given_names,prefix,surname,born,kind,\n"
		       "starts,ends,reason with optional columns partner_prefix,partner_surname,\n"
		       "scope,imposed_by,letter_sent,police_informed,notes,status,lifted_at,\n"
		       "lifted_by,lifted_reason,address,event_date, in any order. Every row is\n"
		       "checked first; one bad row and nothing is imported. The bans are taken\n"
		       "over as they come, each marked a takeover for review. See balie(1).")},
	{.name = "ban review", .args = N_("[ID]"), .opts = review_opts, .max_args = 1,
	 .run = ban_review,
	 .summary = N_("Bans taken over from another register ('ban import') are active as they\n"
		       "came, marked with where from and when. Without ID: those not reviewed yet\n"
		       "(--all: every takeover) with what the sanction table says of them; with\n"
		       "ID: record that a manager reviewed that ban.")},
	{.name = "ban export", .args = N_("[FILE|-]"), .opts = export_opts, .max_args = 1,
	 .run = ban_export,
	 .summary = N_("Write the bans in force today and later as CSV (--all: every ban).\n"
		       "In the import format, with every optional column. Without FILE or with\n"
		       "'-' to standard output; a FILE is replaced at once when complete (mode\n"
		       "0600). Status and lifting are columns too, so 'ban import' reads it back\n"
		       "as is.")},
	{.name = NULL},
};
