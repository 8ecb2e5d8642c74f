/* csv — RFC 4180 records (quoted fields, doubled quotes, CRLF) for ban import/export. */
#ifndef BALIE_CSV_H
#define BALIE_CSV_H

#include <stddef.h>
#include <stdio.h>

struct csv_record {
	char **fields;   /* NUL-terminated field texts */
	size_t count;    /* number of fields */
	size_t *columns; /* 1-based column (byte offset in the line + 1) where each field starts */
};

enum csv_status { CSV_OK = 0, CSV_EOF, CSV_ERROR };

struct csv_reader;

/* A reader over an open stream; NULL on out-of-memory. */
struct csv_reader *csv_reader_new(FILE *in);

/* Read the next record into rec (valid until the next call). On CSV_ERROR,
 * csv_reader_error() says why and csv_reader_line()/csv_reader_column() where. */
enum csv_status csv_read(struct csv_reader *r, struct csv_record *rec);

/* 1-based line number where the last record started. */
size_t csv_reader_line(const struct csv_reader *r);

/* 1-based column of the last error. */
size_t csv_reader_column(const struct csv_reader *r);

/* Translated reason for the last error. */
const char *csv_reader_error(const struct csv_reader *r);

void csv_reader_free(struct csv_reader *r);

/* Write one field, quoting when needed; returns 0 or -1 on a write error. */
int csv_write_field(FILE *out, const char *field, int last);

#endif
