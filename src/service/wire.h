/* wire — the messages between balie and the service: length-prefixed frames whose fields are
 * typed (integer, boolean, text, record mark) and bounded, read strictly from hostile input.
 *
 * Frame: u32 body length (big-endian, at most WIRE_FRAME_MAX), then the body:
 *   u16 version (WIRE_VERSION), u8 kind (enum wire_kind), u8 0, u16 code
 *   (request: enum svc_op; reply: enum store_status-like status; notice: change bits),
 *   then fields: u16 tag, u8 type, u32 length, length bytes.
 * A body is a list of records: the fields before the first WIRE_REC mark are record 0,
 * each mark starts the next. Integers are 8 bytes big-endian two's complement; booleans
 * one byte 0 or 1; text is UTF-8 without NUL bytes. */
#ifndef BALIE_SERVICE_WIRE_H
#define BALIE_SERVICE_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define WIRE_VERSION 1
#define WIRE_HEADER 4              /* the length prefix */
#define WIRE_BODY_HEADER 6         /* version, kind, pad, code */
#define WIRE_FRAME_MAX (8u << 20)  /* 8 MiB: an import arrives in many frames */
#define WIRE_TEXT_MAX (1u << 20)   /* no single text field is longer */
#define WIRE_FIELDS_MAX 200000     /* fields in one body */
#define WIRE_REC_FIELDS_MAX 256    /* fields in one record */

enum wire_kind { WIRE_REQUEST = 1, WIRE_REPLY = 2, WIRE_NOTICE = 3 };
enum wire_type { WIRE_INT = 1, WIRE_BOOL = 2, WIRE_TEXT = 3, WIRE_REC = 4 };

/* A body being built. Errors (out of memory, too large) are sticky: check wire_out_end. */
struct wire_out {
	unsigned char *buf;
	size_t len, cap;
	bool failed;
};

/* Start a frame of this kind and code (any previous content is dropped). */
void wire_out_begin(struct wire_out *w, enum wire_kind kind, uint16_t code);
void wire_put_int(struct wire_out *w, uint16_t tag, int64_t v);
void wire_put_bool(struct wire_out *w, uint16_t tag, bool v);
/* NULL is sent as "". */
void wire_put_text(struct wire_out *w, uint16_t tag, const char *s);
/* Start the next record. */
void wire_put_rec(struct wire_out *w);
/* Change the code of the frame being built (a reply's status decided late). */
void wire_out_set_code(struct wire_out *w, uint16_t code);
/* Fill in the length prefix; the frame is w->buf[0..w->len). 0, or -1 when building failed
 * or the frame is larger than WIRE_FRAME_MAX. */
int wire_out_end(struct wire_out *w);
void wire_out_free(struct wire_out *w);

/* A parsed body. Text values are NUL-terminated copies owned by the struct. */
struct wire_field {
	uint16_t tag;
	uint8_t type;
	uint32_t rec;
	int64_t num;       /* WIRE_INT, WIRE_BOOL */
	const char *text;  /* WIRE_TEXT */
	size_t len;        /* text length in bytes */
};

struct wire_in {
	uint16_t version, code;
	enum wire_kind kind;
	struct wire_field *fields;
	size_t nfields;
	uint32_t nrecs;    /* records: 1 + the number of WIRE_REC marks */
	bool strict;       /* text read from it must pass the input hygiene */
	char *text;        /* the arena holding every text value */
};

/* Parse body[0..len) (without the length prefix): structure, bounds, valid UTF-8 without
 * NUL. strict: text read from it must also pass the input hygiene of text_check() (no
 * control, bidi, format or tag characters; newlines only in multiline members) — the
 * service parses requests so; replies carry stored text as it is and are escaped at
 * output. 0, or -1 with a message (untranslated, for logs and errors). */
int wire_in_parse(struct wire_in *r, const unsigned char *body, size_t len, bool strict,
		  char *err, size_t errsz);
void wire_in_free(struct wire_in *r);

/* The field with tag in record rec, or NULL. A tag given twice in one record is refused by
 * wire_in_parse. */
const struct wire_field *wire_find(const struct wire_in *r, uint32_t rec, uint16_t tag);

/* Typed reads: 0 when present with the right type (text also within max bytes, 0 = no
 * limit besides WIRE_TEXT_MAX), 1 when absent (the out value is left alone), -1 when of
 * the wrong type or too long. */
int wire_get_int(const struct wire_in *r, uint32_t rec, uint16_t tag, int64_t *out);
int wire_get_bool(const struct wire_in *r, uint32_t rec, uint16_t tag, bool *out);
int wire_get_text(const struct wire_in *r, uint32_t rec, uint16_t tag, size_t max,
		  const char **out);
/* The same for text that may hold newlines (notes, descriptions). */
int wire_get_lines(const struct wire_in *r, uint32_t rec, uint16_t tag, size_t max,
		   const char **out);

/* Read a frame's length prefix: the body length, or -1 when it exceeds WIRE_FRAME_MAX or
 * is shorter than a body header. */
long wire_frame_length(const unsigned char hdr[WIRE_HEADER]);

/* ------------------------------------------------------------------ records as C structs */

/* How one member of a C struct travels: a field descriptor. Tags are per struct. */
enum wire_member {
	WM_I64,    /* int64_t */
	WM_INT,    /* int or an enum (range-checked against max when max > 0: 0..max-1) */
	WM_BOOL,   /* bool */
	WM_TIME,   /* time_t */
	WM_SIZE,   /* size_t */
	WM_STR,    /* char *, owned: decoding strdup's ("" when absent) */
	WM_CSTR,   /* const char *, borrowed: decoding points into the wire_in (valid while it
		    * lives; NULL when absent) */
	WM_ARR     /* char[size]: decoding refuses text that does not fit */
};

struct wire_desc {
	uint16_t tag;
	uint8_t member;    /* enum wire_member */
	bool multiline;    /* text may hold newlines (notes, descriptions) */
	size_t offset, size;
	size_t max;        /* WM_STR/WM_CSTR: bytes (0 = WIRE_TEXT_MAX); WM_INT: enum count */
};

/* The rows of a table, one per member: each checks at compile time that the member has
 * the C type its kind reads and writes (ptr: the member's address type), so a table that
 * names a long as WM_INT or a char * as WM_ARR does not compile. _ML: text that may hold
 * newlines. */
#define WIRE_DESC(tag, kind, multiline, type, field, ptr, max)                               \
	{(tag), (kind), (multiline), _Generic(&((type *)0)->field, ptr: offsetof(type, field)), \
	 sizeof(((type *)0)->field), (max)}
#define WIRE_I64(tag, type, field) WIRE_DESC(tag, WM_I64, false, type, field, int64_t *, 0)
#define WIRE_INT(tag, type, field) WIRE_DESC(tag, WM_INT, false, type, field, int *, 0)
/* An enum (compatible with int or unsigned int) or an int, from 0 to count - 1. */
#define WIRE_ENUM(tag, type, field, count)                                                   \
	{(tag), WM_INT, false,                                                                \
	 _Generic(&((type *)0)->field, int *: offsetof(type, field),                         \
		  unsigned *: offsetof(type, field)),                                        \
	 sizeof(((type *)0)->field), (count)}
#define WIRE_BOOL(tag, type, field) WIRE_DESC(tag, WM_BOOL, false, type, field, bool *, 0)
#define WIRE_TIME(tag, type, field) WIRE_DESC(tag, WM_TIME, false, type, field, time_t *, 0)
#define WIRE_SIZE(tag, type, field) WIRE_DESC(tag, WM_SIZE, false, type, field, size_t *, 0)
#define WIRE_STR(tag, type, field) WIRE_DESC(tag, WM_STR, false, type, field, char **, 0)
#define WIRE_STR_ML(tag, type, field) WIRE_DESC(tag, WM_STR, true, type, field, char **, 0)
#define WIRE_CSTR(tag, type, field) \
	WIRE_DESC(tag, WM_CSTR, false, type, field, const char **, 0)
#define WIRE_ARR(tag, type, field) \
	WIRE_DESC(tag, WM_ARR, false, type, field, char (*)[sizeof(((type *)0)->field)], 0)
#define WIRE_ARR_ML(tag, type, field) \
	WIRE_DESC(tag, WM_ARR, true, type, field, char (*)[sizeof(((type *)0)->field)], 0)

/* Put every member of the struct at p (n descriptors) into the current record. */
void wire_put_struct(struct wire_out *w, const struct wire_desc *d, size_t n, const void *p);
/* The same into a record of its own (wire_put_rec, then wire_put_struct). */
void wire_put_record(struct wire_out *w, const struct wire_desc *d, size_t n, const void *p);

/* Fill the struct at p from record rec. Absent members keep their value, except WM_STR
 * which becomes "". 0, or -1 with the tag of the offending field in *bad_tag (wrong type,
 * out of range, too long, out of memory); owned strings already set are left for the
 * struct's own free function. */
int wire_get_struct(const struct wire_in *r, uint32_t rec, const struct wire_desc *d, size_t n,
		    void *p, uint16_t *bad_tag);

#endif
