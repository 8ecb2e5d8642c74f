/* test_csv — the RFC 4180 reader (errors with line and column first) and the field writer,
 * including a round trip through both. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lib.h"
#include "tests.h"

/* A reader over a copy of text (fmemopen); the stream is closed by done(). */
static struct csv_reader *reader(const char *text, FILE **f)
{
	*f = fmemopen((void *)text, strlen(text), "r");
	ck_assert_ptr_nonnull(*f);
	struct csv_reader *r = csv_reader_new(*f);
	ck_assert_ptr_nonnull(r);
	return r;
}

static void done(struct csv_reader *r, FILE *f)
{
	csv_reader_free(r);
	ck_assert_int_eq(fclose(f), 0);
}

/* Texts the reader refuses, with where (line and column) and why. */
static const struct {
	const char *what, *text;
	size_t line, column;
	const char *why;
} errors[] = {
	{"unterminated quote", "a,b\n\"Jansen,1980\n", 2, 1, "not closed"},
	{"unterminated quote at the end", "a,\"b", 1, 3, "not closed"},
	/* The opening quote of a field spanning lines is where the error is reported. */
	{"unterminated quote across lines", "x\na,\"line one\nline two", 2, 3, "not closed"},
	{"text after the closing quote", "\"Jan\"sen,1980\n", 1, 6, "after the closing quote"},
	{"a space after the closing quote", "a,b\nc,\"d\" ,e\n", 2, 6,
	 "after the closing quote"},
	{"a quote in an unquoted field", "a,b\"c\n", 1, 4, "quote inside an unquoted field"},
	{"a bare carriage return", "a,b\rc\n", 1, 4, "carriage return"},
	{"a carriage return after a quoted field", "a,\"b\"\rc\n", 1, 6, "carriage return"},
};

/* Case _i of errors: read its text to the first error and check where and why. */
TEST_LOOP(test_csv__errors_with_line_and_column, sizeof errors / sizeof *errors)
{
	const char *what = errors[_i].what, *text = errors[_i].text;
	FILE *f;
	struct csv_reader *r = reader(text, &f);
	struct csv_record rec;
	enum csv_status st;
	while ((st = csv_read(r, &rec)) == CSV_OK)
		;
	ck_assert_msg(st == CSV_ERROR, "%s: no error in \"%s\"", what, text);
	ck_assert_msg(csv_reader_line(r) == errors[_i].line &&
			      csv_reader_column(r) == errors[_i].column,
		      "%s: \"%s\": error at %zu:%zu, expected %zu:%zu (%s)", what, text,
		      csv_reader_line(r), csv_reader_column(r), errors[_i].line, errors[_i].column,
		      csv_reader_error(r));
	ck_assert_msg(strstr(csv_reader_error(r), errors[_i].why) != NULL,
		      "%s: \"%s\": error \"%s\"", what, text, csv_reader_error(r));
	done(r, f);
}
END_TEST

TEST(test_csv__nul_byte)
{
	static const char text[] = "a,b\0c\n";
	FILE *f = fmemopen((void *)text, sizeof text - 1, "r");
	ck_assert_ptr_nonnull(f);
	struct csv_reader *r = csv_reader_new(f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_ERROR);
	ck_assert_uint_eq(csv_reader_column(r), 4);
	ck_assert_ptr_nonnull(strstr(csv_reader_error(r), "NUL"));
	done(r, f);
}
END_TEST

TEST(test_csv__simple_records)
{
	FILE *f;
	struct csv_reader *r = reader("given_names,surname,born\nJan,Jansen,1980-01-02\n", &f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(csv_reader_line(r), 1);
	ck_assert_uint_eq(rec.count, 3);
	ck_assert_str_eq(rec.fields[0], "given_names");
	ck_assert_str_eq(rec.fields[2], "born");
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(csv_reader_line(r), 2);
	ck_assert_str_eq(rec.fields[0], "Jan");
	ck_assert_str_eq(rec.fields[1], "Jansen");
	ck_assert_str_eq(rec.fields[2], "1980-01-02");
	ck_assert_uint_eq(rec.columns[0], 1);
	ck_assert_uint_eq(rec.columns[1], 5);
	ck_assert_uint_eq(rec.columns[2], 12);
	ck_assert_int_eq(csv_read(r, &rec), CSV_EOF);
	ck_assert_int_eq(csv_read(r, &rec), CSV_EOF);
	done(r, f);
}
END_TEST

TEST(test_csv__quoted_fields)
{
	FILE *f;
	struct csv_reader *r = reader("\"Vries, Jan de\",\"say \"\"hi\"\"\",\"\",\"two\r\nlines\"\r\n"
				      "next,\"\xC3\x87" "elik\"\r\n", &f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(rec.count, 4);
	ck_assert_str_eq(rec.fields[0], "Vries, Jan de");
	ck_assert_str_eq(rec.fields[1], "say \"hi\"");
	ck_assert_str_eq(rec.fields[2], "");
	ck_assert_str_eq(rec.fields[3], "two\r\nlines");
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	/* The record after a quoted line break starts on physical line 3. */
	ck_assert_uint_eq(csv_reader_line(r), 3);
	ck_assert_str_eq(rec.fields[1], "\xC3\x87" "elik");
	ck_assert_int_eq(csv_read(r, &rec), CSV_EOF);
	done(r, f);
}
END_TEST

TEST(test_csv__empty_fields_blank_lines_and_no_final_newline)
{
	FILE *f;
	struct csv_reader *r = reader("\xEF\xBB\xBF" "a,,c,\n\n\r\nx,y", &f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(rec.count, 4);
	/* The byte-order mark is not part of the first field. */
	ck_assert_str_eq(rec.fields[0], "a");
	ck_assert_uint_eq(rec.columns[0], 1);
	ck_assert_str_eq(rec.fields[1], "");
	ck_assert_str_eq(rec.fields[3], "");
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(csv_reader_line(r), 4);
	ck_assert_uint_eq(rec.count, 2);
	ck_assert_str_eq(rec.fields[1], "y");
	ck_assert_int_eq(csv_read(r, &rec), CSV_EOF);
	done(r, f);
}
END_TEST

TEST(test_csv__empty_input)
{
	FILE *f;
	struct csv_reader *r = reader("", &f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_EOF);
	ck_assert_str_eq(csv_reader_error(r), "");
	done(r, f);
}
END_TEST

TEST(test_csv__write_quotes_when_needed)
{
	/* What csv_write_field writes for one field (the last of its record, or not). */
	static const struct {
		const char *field;
		int last;
		const char *out;
	} cases[] = {
		{"Jansen", 0, "Jansen,"},
		{"Jansen", 1, "Jansen\r\n"},
		{NULL, 0, ","},
		{"Vries, Jan de", 0, "\"Vries, Jan de\","},
		{"say \"hi\"", 0, "\"say \"\"hi\"\"\","},
		{"a\nb", 0, "\"a\nb\","},
		{"a\rb", 0, "\"a\rb\","},
		{" lead", 0, "\" lead\","},
		{"trail ", 0, "\"trail \","},
		{"van der Berg", 0, "van der Berg,"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[128];
		FILE *f = fmemopen(out, sizeof out, "w");
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(csv_write_field(f, cases[i].field, cases[i].last), 0);
		ck_assert_int_eq(fclose(f), 0);
		ck_assert_msg(strcmp(out, cases[i].out) == 0, "case %zu: \"%s\", not \"%s\"", i,
			      out, cases[i].out);
	}
}
END_TEST

TEST(test_csv__write_error)
{
	/* A stream opened for reading cannot be written. */
	FILE *f = fmemopen((void *)"x", 1, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(csv_write_field(f, "Jansen", 1), -1);
	ck_assert_int_eq(csv_write_field(f, "a,b", 1), -1);
	ck_assert_int_eq(fclose(f), 0);
}
END_TEST

TEST(test_csv__round_trip)
{
	static const char *fields[] = {"Vries, Jan de", "say \"hi\"", "", " x ", "a\r\nb",
				       "\xC5\x81ukasz", "plain"};
	const size_t n = sizeof fields / sizeof *fields;
	char *buf = NULL;
	size_t len = 0;
	FILE *w = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(w);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(csv_write_field(w, fields[i], i == n - 1), 0);
	ck_assert_int_eq(fclose(w), 0);
	FILE *f;
	struct csv_reader *r = reader(buf, &f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(rec.count, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(rec.fields[i], fields[i]);
	ck_assert_int_eq(csv_read(r, &rec), CSV_EOF);
	done(r, f);
	free(buf);
}
END_TEST

TEST(test_csv__many_fields_and_long_field)
{
	/* Growth of the field table and the text buffer. */
	char *buf = NULL;
	size_t len = 0;
	FILE *w = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(w);
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(fprintf(w, "%d,", i) > 0, 1);
	for (int i = 0; i < 5000; i++)
		ck_assert_int_eq(fputc('x', w), 'x');
	ck_assert_int_eq(fputc('\n', w), '\n');
	ck_assert_int_eq(fclose(w), 0);
	FILE *f;
	struct csv_reader *r = reader(buf, &f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(rec.count, 101);
	ck_assert_str_eq(rec.fields[99], "99");
	ck_assert_uint_eq(strlen(rec.fields[100]), 5000);
	done(r, f);
	free(buf);
}
END_TEST

Suite *csv_suite(void)
{
	return testutil_suite("csv", NULL, NULL);
}
