/* wire — building and strictly parsing the service's frames (see wire.h for the format).
 * Everything read here may come from a hostile local account: every length is checked
 * before it is used and nothing is trusted that was not checked. */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lib.h"
#include "service/wire.h"

/* ------------------------------------------------------------------ building */

static void reserve(struct wire_out *w, size_t more)
{
	if (w->failed)
		return;
	if (more > WIRE_FRAME_MAX || w->len + more > WIRE_HEADER + WIRE_FRAME_MAX) {
		w->failed = true;
		return;
	}
	if (!grow_array(&w->buf, &w->cap, w->len + more, 1, 256))
		w->failed = true;
}

static void put_u(struct wire_out *w, uint64_t v, size_t bytes)
{
	reserve(w, bytes);
	if (w->failed)
		return;
	for (size_t i = 0; i < bytes; i++)
		w->buf[w->len + i] = (unsigned char)(v >> (8 * (bytes - 1 - i)));
	w->len += bytes;
}

void wire_out_begin(struct wire_out *w, enum wire_kind kind, uint16_t code)
{
	w->len = 0;
	w->failed = false;
	put_u(w, 0, WIRE_HEADER); /* the length, filled in by wire_out_end */
	put_u(w, WIRE_VERSION, 2);
	put_u(w, (uint64_t)kind, 1);
	put_u(w, 0, 1);
	put_u(w, code, 2);
}

void wire_out_set_code(struct wire_out *w, uint16_t code)
{
	if (w->failed || w->len < WIRE_HEADER + WIRE_BODY_HEADER)
		return;
	w->buf[WIRE_HEADER + 4] = (unsigned char)(code >> 8);
	w->buf[WIRE_HEADER + 5] = (unsigned char)code;
}

static void put_field(struct wire_out *w, uint16_t tag, enum wire_type type, const void *data,
		      size_t len)
{
	put_u(w, tag, 2);
	put_u(w, (uint64_t)type, 1);
	put_u(w, len, 4);
	reserve(w, len);
	if (w->failed)
		return;
	if (len)
		memcpy(w->buf + w->len, data, len);
	w->len += len;
}

void wire_put_int(struct wire_out *w, uint16_t tag, int64_t v)
{
	unsigned char b[8];
	uint64_t u = (uint64_t)v;
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(u >> (8 * (7 - i)));
	put_field(w, tag, WIRE_INT, b, sizeof b);
}

void wire_put_bool(struct wire_out *w, uint16_t tag, bool v)
{
	unsigned char b = v ? 1 : 0;
	put_field(w, tag, WIRE_BOOL, &b, 1);
}

void wire_put_text(struct wire_out *w, uint16_t tag, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n > WIRE_TEXT_MAX) {
		w->failed = true;
		return;
	}
	put_field(w, tag, WIRE_TEXT, s, n);
}

void wire_put_rec(struct wire_out *w)
{
	put_field(w, 0, WIRE_REC, NULL, 0);
}

int wire_out_end(struct wire_out *w)
{
	if (w->failed || w->len < WIRE_HEADER + WIRE_BODY_HEADER)
		return -1;
	size_t body = w->len - WIRE_HEADER;
	if (body > WIRE_FRAME_MAX)
		return -1;
	for (int i = 0; i < 4; i++)
		w->buf[i] = (unsigned char)(body >> (8 * (3 - i)));
	return 0;
}

void wire_out_free(struct wire_out *w)
{
	free(w->buf);
	w->buf = NULL;
	w->len = w->cap = 0;
	w->failed = false;
}

/* ------------------------------------------------------------------ parsing */

static uint64_t get_u(const unsigned char *p, size_t bytes)
{
	uint64_t v = 0;
	for (size_t i = 0; i < bytes; i++)
		v = (v << 8) | p[i];
	return v;
}

long wire_frame_length(const unsigned char hdr[WIRE_HEADER])
{
	uint64_t n = get_u(hdr, WIRE_HEADER);
	if (n < WIRE_BODY_HEADER || n > WIRE_FRAME_MAX)
		return -1;
	return (long)n;
}

static int parse_fail(char *err, size_t errsz, const char *what)
{
	if (errsz)
		snprintf(err, errsz, "%s", what);
	return -1;
}

int wire_in_parse(struct wire_in *r, const unsigned char *body, size_t len, bool strict,
		  char *err, size_t errsz)
{
	memset(r, 0, sizeof *r);
	r->strict = strict;
	if (len < WIRE_BODY_HEADER || len > WIRE_FRAME_MAX)
		return parse_fail(err, errsz, "frame of a wrong size");
	r->version = (uint16_t)get_u(body, 2);
	r->kind = (enum wire_kind)body[2];
	r->code = (uint16_t)get_u(body + 4, 2);
	if (r->version != WIRE_VERSION)
		return parse_fail(err, errsz, "protocol version differs (balie and balied are "
				  "not of the same release)");
	if (r->kind != WIRE_REQUEST && r->kind != WIRE_REPLY && r->kind != WIRE_NOTICE)
		return parse_fail(err, errsz, "unknown frame kind");
	if (body[3] != 0)
		return parse_fail(err, errsz, "malformed frame header");

	/* First pass: count fields and text bytes, checking every header and length. */
	size_t nfields = 0, textbytes = 0;
	for (size_t pos = WIRE_BODY_HEADER; pos < len;) {
		if (len - pos < 7)
			return parse_fail(err, errsz, "truncated field header");
		uint8_t type = body[pos + 2];
		uint64_t flen = get_u(body + pos + 3, 4);
		pos += 7;
		if (flen > len - pos)
			return parse_fail(err, errsz, "field longer than the frame");
		switch (type) {
		case WIRE_INT:
			if (flen != 8)
				return parse_fail(err, errsz, "integer field of a wrong size");
			break;
		case WIRE_BOOL:
			if (flen != 1 || body[pos] > 1)
				return parse_fail(err, errsz, "malformed boolean field");
			break;
		case WIRE_TEXT:
			if (flen > WIRE_TEXT_MAX)
				return parse_fail(err, errsz, "text field too long");
			if (memchr(body + pos, '\0', flen))
				return parse_fail(err, errsz, "text field holds a NUL byte");
			textbytes += flen + 1;
			break;
		case WIRE_REC:
			if (flen != 0)
				return parse_fail(err, errsz, "malformed record mark");
			break;
		default:
			return parse_fail(err, errsz, "unknown field type");
		}
		pos += flen;
		if (++nfields > WIRE_FIELDS_MAX)
			return parse_fail(err, errsz, "too many fields");
	}

	r->fields = calloc(nfields ? nfields : 1, sizeof *r->fields);
	r->text = malloc(textbytes ? textbytes : 1);
	if (!r->fields || !r->text) {
		wire_in_free(r);
		return parse_fail(err, errsz, "out of memory");
	}
	size_t t = 0;
	uint32_t rec = 0;
	for (size_t pos = WIRE_BODY_HEADER; pos < len;) {
		struct wire_field f = {.tag = (uint16_t)get_u(body + pos, 2), .type = body[pos + 2]};
		size_t flen = (size_t)get_u(body + pos + 3, 4);
		pos += 7;
		if (f.type == WIRE_REC) {
			rec++;
			continue;
		}
		f.rec = rec;
		if (f.type == WIRE_INT)
			f.num = (int64_t)get_u(body + pos, 8);
		else if (f.type == WIRE_BOOL)
			f.num = body[pos];
		else {
			char *s = r->text + t;
			memcpy(s, body + pos, flen);
			s[flen] = '\0';
			/* Valid UTF-8 always; the rest of the hygiene is checked where the field
			 * is read, because only the reader knows whether newlines belong there. */
			if (text_check(s, 0, true) == TEXT_INVALID_UTF8) {
				wire_in_free(r);
				return parse_fail(err, errsz, "text field is not valid UTF-8");
			}
			f.text = s;
			f.len = flen;
			t += flen + 1;
		}
		pos += flen;
		/* One value per tag and record: a second one could slip past a check. */
		size_t in_rec = 0;
		for (size_t i = r->nfields; i-- > 0 && r->fields[i].rec == rec; in_rec++)
			if (r->fields[i].tag == f.tag) {
				wire_in_free(r);
				return parse_fail(err, errsz, "a field is given twice");
			}
		if (in_rec >= WIRE_REC_FIELDS_MAX) {
			wire_in_free(r);
			return parse_fail(err, errsz, "too many fields in one record");
		}
		r->fields[r->nfields++] = f;
	}
	r->nrecs = rec + 1;
	return 0;
}

void wire_in_free(struct wire_in *r)
{
	free(r->fields);
	free(r->text);
	r->fields = NULL;
	r->text = NULL;
	r->nfields = 0;
	r->nrecs = 0;
}

const struct wire_field *wire_find(const struct wire_in *r, uint32_t rec, uint16_t tag)
{
	/* Fields are in record order: a binary search finds the record's first field. */
	size_t lo = 0, hi = r->nfields;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->fields[mid].rec < rec)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < r->nfields && r->fields[i].rec == rec; i++)
		if (r->fields[i].tag == tag)
			return &r->fields[i];
	return NULL;
}

/* A number field (type WIRE_INT or WIRE_BOOL): 0 with *num set, 1 when absent, -1 when of
 * another type. */
static int get_num(const struct wire_in *r, uint32_t rec, uint16_t tag, uint8_t type,
		   int64_t *num)
{
	const struct wire_field *f = wire_find(r, rec, tag);
	if (!f)
		return 1;
	if (f->type != type)
		return -1;
	*num = f->num;
	return 0;
}

int wire_get_int(const struct wire_in *r, uint32_t rec, uint16_t tag, int64_t *out)
{
	return get_num(r, rec, tag, WIRE_INT, out);
}

int wire_get_bool(const struct wire_in *r, uint32_t rec, uint16_t tag, bool *out)
{
	int64_t v = 0;
	int rc = get_num(r, rec, tag, WIRE_BOOL, &v);
	if (rc == 0)
		*out = v != 0;
	return rc;
}

static int get_text(const struct wire_in *r, uint32_t rec, uint16_t tag, size_t max,
		    bool lines, const char **out)
{
	const struct wire_field *f = wire_find(r, rec, tag);
	if (!f)
		return 1;
	if (f->type != WIRE_TEXT || (max && f->len > max))
		return -1;
	if (r->strict) {
		enum text_problem p = lines ? text_check_lines(f->text, 0, true)
					    : text_check(f->text, 0, true);
		if (p != TEXT_OK)
			return -1;
	}
	*out = f->text;
	return 0;
}

int wire_get_text(const struct wire_in *r, uint32_t rec, uint16_t tag, size_t max,
		  const char **out)
{
	return get_text(r, rec, tag, max, false, out);
}

int wire_get_lines(const struct wire_in *r, uint32_t rec, uint16_t tag, size_t max,
		   const char **out)
{
	return get_text(r, rec, tag, max, true, out);
}

/* ------------------------------------------------------------------ structs */

void wire_put_struct(struct wire_out *w, const struct wire_desc *d, size_t n, const void *p)
{
	const char *base = p;
	for (size_t i = 0; i < n; i++) {
		const void *m = base + d[i].offset;
		switch ((enum wire_member)d[i].member) {
		case WM_I64:
			wire_put_int(w, d[i].tag, *(const int64_t *)m);
			break;
		case WM_INT:
			wire_put_int(w, d[i].tag, *(const int *)m);
			break;
		case WM_BOOL:
			wire_put_bool(w, d[i].tag, *(const bool *)m);
			break;
		case WM_TIME:
			wire_put_int(w, d[i].tag, (int64_t)*(const time_t *)m);
			break;
		case WM_SIZE:
			wire_put_int(w, d[i].tag, (int64_t)*(const size_t *)m);
			break;
		case WM_STR:
		case WM_CSTR:
			wire_put_text(w, d[i].tag, *(const char *const *)m);
			break;
		case WM_ARR:
			wire_put_text(w, d[i].tag, (const char *)m);
			break;
		}
	}
}

void wire_put_record(struct wire_out *w, const struct wire_desc *d, size_t n, const void *p)
{
	wire_put_rec(w);
	wire_put_struct(w, d, n, p);
}

static int get_member(const struct wire_in *r, uint32_t rec, const struct wire_desc *d,
		      char *base)
{
	void *m = base + d->offset;
	int64_t v = 0;
	bool b = false;
	const char *s = NULL;
	int rc;
	switch ((enum wire_member)d->member) {
	case WM_I64:
		if ((rc = wire_get_int(r, rec, d->tag, &v)) == 0)
			*(int64_t *)m = v;
		return rc < 0 ? -1 : 0;
	case WM_INT:
		if ((rc = wire_get_int(r, rec, d->tag, &v)) < 0)
			return -1;
		if (rc == 0) {
			if (v < (d->max ? 0 : INT32_MIN) ||
			    v >= (d->max ? (int64_t)d->max : (int64_t)INT32_MAX + 1))
				return -1;
			*(int *)m = (int)v;
		}
		return 0;
	case WM_TIME:
		if ((rc = wire_get_int(r, rec, d->tag, &v)) == 0)
			*(time_t *)m = (time_t)v;
		return rc < 0 ? -1 : 0;
	case WM_SIZE:
		if ((rc = wire_get_int(r, rec, d->tag, &v)) == 0) {
			if (v < 0)
				return -1;
			*(size_t *)m = (size_t)v;
		}
		return rc < 0 ? -1 : 0;
	case WM_BOOL:
		if ((rc = wire_get_bool(r, rec, d->tag, &b)) == 0)
			*(bool *)m = b;
		return rc < 0 ? -1 : 0;
	case WM_STR:
	case WM_CSTR:
	case WM_ARR:
		break;
	}
	size_t max = d->member == WM_ARR ? d->size - 1 : d->max;
	rc = get_text(r, rec, d->tag, max, d->multiline, &s);
	if (rc < 0)
		return -1;
	switch ((enum wire_member)d->member) {
	case WM_STR: {
		char *copy = strdup(rc == 0 ? s : "");
		if (!copy)
			return -1;
		*(char **)m = copy;
		return 0;
	}
	case WM_CSTR:
		if (rc == 0)
			*(const char **)m = s;
		return 0;
	case WM_ARR:
		if (rc == 0)
			memcpy(m, s, strlen(s) + 1);
		return 0;
	default:
		return -1;
	}
}

int wire_get_struct(const struct wire_in *r, uint32_t rec, const struct wire_desc *d, size_t n,
		    void *p, uint16_t *bad_tag)
{
	for (size_t i = 0; i < n; i++)
		if (get_member(r, rec, &d[i], p) != 0) {
			if (bad_tag)
				*bad_tag = d[i].tag;
			return -1;
		}
	return 0;
}
