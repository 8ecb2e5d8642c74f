/* test_sha256 — the FIPS 180-2 test vectors (appendix B) and chunked updates. */
#include "autoconfig.h"

#include <string.h>

#include "core/lib.h"
#include "tests.h"

static void digest(const void *data, size_t len, char out[SHA256_HEX_LEN])
{
	struct sha256 c;
	sha256_init(&c);
	sha256_update(&c, data, len);
	sha256_final_hex(&c, out);
}

TEST(test_sha256__empty)
{
	char hex[SHA256_HEX_LEN];
	digest(NULL, 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

TEST(test_sha256__abc)
{
	char hex[SHA256_HEX_LEN];
	digest("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

TEST(test_sha256__two_blocks)
{
	static const char m[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char hex[SHA256_HEX_LEN];
	digest(m, strlen(m), hex);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

TEST(test_sha256__million_a_in_odd_chunks)
{
	char chunk[997];
	memset(chunk, 'a', sizeof chunk);
	struct sha256 c;
	sha256_init(&c);
	size_t left = 1000000;
	while (left > 0) {
		size_t n = left < sizeof chunk ? left : sizeof chunk;
		sha256_update(&c, chunk, n);
		left -= n;
	}
	char hex[SHA256_HEX_LEN];
	sha256_final_hex(&c, hex);
	ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

TEST(test_sha256__padding_edges)
{
	/* 55, 56 and 64 bytes: the length fits, just misses, and a full block. */
	static const struct {
		size_t len;
		const char *hex;
	} v[] = {
		{55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
		{56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
		{64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
	};
	char m[64];
	memset(m, 'a', sizeof m);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		char hex[SHA256_HEX_LEN];
		digest(m, v[i].len, hex);
		ck_assert_str_eq(hex, v[i].hex);
	}
}
END_TEST

/* RFC 4231 test cases 1 (short key) and 6 (a key longer than a block). */
TEST(test_sha256__hmac_rfc4231)
{
	char out[SHA256_HEX_LEN];
	unsigned char key1[20];
	memset(key1, 0x0b, sizeof key1);
	sha256_hmac_hex(key1, sizeof key1, "Hi There", 8, out);
	ck_assert_str_eq(out, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	unsigned char key6[131];
	memset(key6, 0xaa, sizeof key6);
	const char *msg = "Test Using Larger Than Block-Size Key - Hash Key First";
	sha256_hmac_hex(key6, sizeof key6, msg, strlen(msg), out);
	ck_assert_str_eq(out, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}
END_TEST

Suite *sha256_suite(void)
{
	return testutil_suite("sha256", NULL, NULL);
}
