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

/* The records of text as read: "LINE: FIELD@COLUMN|FIELD@COLUMN\n" each, up to the end
 * (the reader then says nothing and stays at the end). */
static void read_all(const char *text, char *out, size_t outsz)
{
	FILE *f;
	struct csv_reader *r = reader(text, &f);
	struct csv_record rec;
	size_t len = 0;
	out[0] = '\0';
	while (csv_read(r, &rec) == CSV_OK) {
		len += (size_t)snprintf(out + len, outsz - len, "%zu: ", csv_reader_line(r));
		for (size_t i = 0; i < rec.count && len < outsz; i++)
			len += (size_t)snprintf(out + len, outsz - len, "%s%s@%zu", i ? "|" : "",
						rec.fields[i], rec.columns[i]);
		ck_assert_uint_lt(len + 1, outsz);
		out[len++] = '\n';
		out[len] = '\0';
	}
	ck_assert_str_eq(csv_reader_error(r), "");
	ck_assert_int_eq(csv_read(r, &rec), CSV_EOF);
	done(r, f);
}

/* Texts the reader takes, with their records as read_all writes them. */
static const struct {
	const char *what, *text, *records;
} texts[] = {
	{"simple records", "given_names,surname,born\nJan,Jansen,1980-01-02\n",
	 "1: given_names@1|surname@13|born@21\n2: Jan@1|Jansen@5|1980-01-02@12\n"},
	/* The record after a quoted line break starts on physical line 3. */
	{"quoted fields",
	 "\"Vries, Jan de\",\"say \"\"hi\"\"\",\"\",\"two\r\nlines\"\r\nnext,\"\xC3\x87" "elik\"\r\n",
	 "1: Vries, Jan de@1|say \"hi\"@17|@30|two\r\nlines@33\n3: next@1|\xC3\x87" "elik@6\n"},
	/* The byte-order mark is not part of the first field. */
	{"empty fields, blank lines and no final newline", "\xEF\xBB\xBF" "a,,c,\n\n\r\nx,y",
	 "1: a@1|@3|c@4|@6\n4: x@1|y@3\n"},
	{"empty input", "", ""},
};

TEST_LOOP(test_csv__records, sizeof texts / sizeof *texts)
{
	char got[512];
	read_all(texts[_i].text, got, sizeof got);
	ck_assert_msg(strcmp(got, texts[_i].records) == 0, "%s: read as\n%s\nnot\n%s",
		      texts[_i].what, got, texts[_i].records);
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
	/* Growth of the field table and the text buffer: "0,1,...,99," and 5000 x's. */
	static char text[100 * 3 + 5000 + 2];
	size_t len = 0;
	for (int i = 0; i < 100; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%d,", i);
	memset(text + len, 'x', 5000);
	memcpy(text + len + 5000, "\n", 2);
	FILE *f;
	struct csv_reader *r = reader(text, &f);
	struct csv_record rec;
	ck_assert_int_eq(csv_read(r, &rec), CSV_OK);
	ck_assert_uint_eq(rec.count, 101);
	ck_assert_str_eq(rec.fields[99], "99");
	ck_assert_uint_eq(strlen(rec.fields[100]), 5000);
	done(r, f);
}
END_TEST

Suite *csv_suite(void)
{
	return testutil_suite("csv", NULL, NULL);
}
