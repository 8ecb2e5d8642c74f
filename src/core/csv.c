/* csv — an RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF, quoted newlines) that
 * reports errors by line and column, and the matching field writer. */
#include "autoconfig.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/grow.h"
#include "i18n.h"

/* A record larger than this is not a ban list: refuse it rather than eat the memory. */
#define CSV_MAX_RECORD (1024 * 1024)

struct csv_reader {
	FILE *in;
	size_t line, column;      /* position of the next byte to read (1-based) */
	size_t rec_line;          /* line where the last record started, or of the error */
	size_t err_column;
	const char *error;        /* untranslated msgid of the last error */
	bool started;             /* the byte-order mark check is done */
	int pushback;             /* one byte read ahead, or EOF when none */
	bool have_pushback;
	char *buf;                /* field texts, each NUL-terminated */
	size_t len, cap;
	size_t *starts;           /* offset in buf of each field */
	size_t *columns;
	char **fields;
	size_t nfields;
	size_t starts_cap, columns_cap, fields_cap; /* each array grows on its own */
};

struct csv_reader *csv_reader_new(FILE *in)
{
	struct csv_reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->in = in;
	r->line = 1;
	r->column = 1;
	r->rec_line = 1;
	return r;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->starts);
	free(r->columns);
	free(r->fields);
	free(r);
}

size_t csv_reader_line(const struct csv_reader *r)
{
	return r->rec_line;
}

size_t csv_reader_column(const struct csv_reader *r)
{
	return r->err_column;
}

const char *csv_reader_error(const struct csv_reader *r)
{
	return r->error ? _(r->error) : "";
}

/* The next byte, keeping line and column; EOF at the end or on a read error. */
static int get(struct csv_reader *r)
{
	int c;
	if (r->have_pushback) {
		r->have_pushback = false;
		c = r->pushback;
	} else {
		c = getc(r->in);
	}
	if (c == '\n') {
		r->line++;
		r->column = 1;
	} else if (c != EOF) {
		r->column++;
	}
	return c;
}

/* Peek at the next byte without consuming it. */
static int peek(struct csv_reader *r)
{
	if (!r->have_pushback) {
		r->pushback = getc(r->in);
		r->have_pushback = true;
	}
	return r->pushback;
}

static enum csv_status fail(struct csv_reader *r, size_t line, size_t column, const char *msgid)
{
	r->rec_line = line;
	r->err_column = column;
	r->error = msgid;
	return CSV_ERROR;
}

static int append(struct csv_reader *r, char c)
{
	if (!grow_array(&r->buf, &r->cap, r->len + 1, 1, 256))
		return -1;
	r->buf[r->len++] = c;
	return 0;
}

/* Open a new field starting at column col of the current line. */
static int field_begin(struct csv_reader *r, size_t col)
{
	size_t need = r->nfields + 1;
	if (!grow_array(&r->starts, &r->starts_cap, need, sizeof *r->starts, 16) ||
	    !grow_array(&r->columns, &r->columns_cap, need, sizeof *r->columns, 16) ||
	    !grow_array(&r->fields, &r->fields_cap, need, sizeof *r->fields, 16))
		return -1;
	r->starts[r->nfields] = r->len;
	r->columns[r->nfields] = col;
	r->nfields++;
	return 0;
}

/* Consume what follows a field: 0 at a comma, 1 at a line end (LF or CRLF), 2 at EOF;
 * -2 for a CR without LF, -1 for any other byte (not consumed). */
static int field_end(struct csv_reader *r)
{
	int c = peek(r);
	if (c == ',' || c == '\n') {
		(void)get(r);
		return c == ',' ? 0 : 1;
	}
	if (c == '\r') {
		(void)get(r);
		if (peek(r) != '\n')
			return -2;
		(void)get(r);
		return 1;
	}
	return c == EOF ? 2 : -1;
}

enum csv_status csv_read(struct csv_reader *r, struct csv_record *rec)
{
	memset(rec, 0, sizeof *rec);
	r->len = 0;
	r->nfields = 0;
	r->error = NULL;
	r->err_column = 0;
	if (!r->started) {
		r->started = true;
		/* Spreadsheets put a UTF-8 byte-order mark before the header. */
		if (peek(r) == 0xEF) {
			(void)get(r);
			if (get(r) != 0xBB || get(r) != 0xBF)
				return fail(r, 1, 1, N_("damaged byte-order mark at the start of the file"));
			r->column = 1;
		}
	}
	/* Empty lines separate nothing in a ban list: skip them. */
	for (;;) {
		int c = peek(r);
		if (c == '\n') {
			(void)get(r);
		} else if (c == '\r') {
			(void)get(r);
			if (peek(r) != '\n')
				return fail(r, r->line, r->column - 1,
					    N_("carriage return without line feed"));
			(void)get(r);
		} else {
			break;
		}
	}
	r->rec_line = r->line;
	if (peek(r) == EOF)
		return ferror(r->in) ? fail(r, r->line, r->column, N_("read error")) : CSV_EOF;

	for (;;) {
		size_t fline = r->line, fcol = r->column;
		if (field_begin(r, fcol) != 0)
			return fail(r, fline, fcol, N_("out of memory"));
		int c = peek(r);
		if (c == '"') {
			(void)get(r);
			for (;;) {
				c = get(r);
				if (c == EOF && ferror(r->in))
					return fail(r, r->line, r->column, N_("read error"));
				if (c == EOF)
					return fail(r, fline, fcol,
						    N_("quoted field is not closed (missing \")"));
				if (c == '"') {
					if (peek(r) != '"')
						break;
					(void)get(r);
				}
				if (c == '\0')
					return fail(r, r->line, r->column - 1,
						    N_("NUL byte in the text"));
				if (append(r, (char)c) != 0)
					return fail(r, fline, fcol, N_("out of memory"));
				if (r->len > CSV_MAX_RECORD)
					return fail(r, fline, fcol, N_("record is too long"));
			}
		} else {
			for (;;) {
				c = peek(r);
				if (c == ',' || c == '\n' || c == '\r' || c == EOF)
					break;
				if (c == '"')
					return fail(r, r->line, r->column,
						    N_("quote inside an unquoted field (quote the whole field)"));
				if (c == '\0')
					return fail(r, r->line, r->column, N_("NUL byte in the text"));
				(void)get(r);
				if (append(r, (char)c) != 0)
					return fail(r, fline, fcol, N_("out of memory"));
				if (r->len > CSV_MAX_RECORD)
					return fail(r, fline, fcol, N_("record is too long"));
			}
		}
		if (append(r, '\0') != 0)
			return fail(r, fline, fcol, N_("out of memory"));
		size_t eline = r->line, ecol = r->column;
		int end = field_end(r);
		if (end == -2)
			return fail(r, eline, ecol, N_("carriage return without line feed"));
		if (end < 0)
			return fail(r, eline, ecol, N_("text after the closing quote"));
		if (end > 0)
			break;
	}
	if (ferror(r->in))
		return fail(r, r->line, r->column, N_("read error"));
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->buf + r->starts[i];
	rec->fields = r->fields;
	rec->count = r->nfields;
	rec->columns = r->columns;
	return CSV_OK;
}

int csv_write_field(FILE *out, const char *field, int last)
{
	const char *f = field ? field : "";
	size_t n = strlen(f);
	bool quote = n > 0 && (f[0] == ' ' || f[n - 1] == ' ' || strpbrk(f, ",\"\r\n") != NULL);
	if (quote) {
		if (putc('"', out) == EOF)
			return -1;
		for (const char *p = f; *p; p++) {
			if (*p == '"' && putc('"', out) == EOF)
				return -1;
			if (putc(*p, out) == EOF)
				return -1;
		}
		if (putc('"', out) == EOF)
			return -1;
	} else if (n > 0 && fwrite(f, 1, n, out) != n) {
		return -1;
	}
	if (last)
		return fputs("\r\n", out) == EOF ? -1 : 0;
	return putc(',', out) == EOF ? -1 : 0;
}
