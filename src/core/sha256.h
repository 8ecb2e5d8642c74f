/* sha256 — SHA-256 (FIPS 180-4) for the audit trail's hash chain; pure, no I/O.
 * Debian's libsqlite3 has no sha3() and no crypto library is linked, so it lives here. */
#ifndef BALIE_SHA256_H
#define BALIE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32
#define SHA256_HEX_LEN 65 /* 64 hex digits and the NUL */

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;      /* message length so far */
	unsigned char buf[64];
	size_t used;         /* bytes waiting in buf */
};

/* Start a new digest. */
void sha256_init(struct sha256 *c);

/* Add len bytes (data may be NULL when len is 0). */
void sha256_update(struct sha256 *c, const void *data, size_t len);

/* Finish: write the 32-byte digest. The context must be initialised again for reuse. */
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);

/* Finish and write the digest as 64 lower-case hex digits and a NUL. */
void sha256_final_hex(struct sha256 *c, char out[SHA256_HEX_LEN]);

/* HMAC-SHA-256 (RFC 2104) of data under key, as hex: the keyed hashes that pseudonymise
 * a person for repeat-offence counting (issue 13). */
void sha256_hmac_hex(const unsigned char *key, size_t keylen, const void *data, size_t len,
		     char out[SHA256_HEX_LEN]);

#endif
