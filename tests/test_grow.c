/* test_grow — the doubling growth of arrays: overflow refused with the array untouched,
 * no move when there is room, the first capacity and doubling until the need fits. */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/lib.h"
#include "tests.h"

TEST(test_grow__overflow_is_refused_and_keeps_the_array)
{
	int *a = NULL;
	size_t cap = 0;
	ck_assert(grow_array(&a, &cap, 4, sizeof *a, 4));
	a[3] = 7;
	int *before = a;
	ck_assert(!grow_array(&a, &cap, SIZE_MAX, sizeof *a, 4));
	ck_assert(!grow_array(&a, &cap, SIZE_MAX / 2, sizeof *a, 4)); /* bytes overflow */
	ck_assert_ptr_eq(a, before);
	ck_assert_uint_eq(cap, 4);
	ck_assert_int_eq(a[3], 7);
	free(a);
}
END_TEST

TEST(test_grow__no_move_while_it_fits)
{
	char *a = NULL;
	size_t cap = 0;
	ck_assert(grow_array(&a, &cap, 1, 1, 16));
	char *before = a;
	ck_assert(grow_array(&a, &cap, 16, 1, 16));
	ck_assert_ptr_eq(a, before);
	ck_assert_uint_eq(cap, 16);
	ck_assert(grow_array(&a, &cap, 0, 1, 16));
	ck_assert_uint_eq(cap, 16);
	free(a);
}
END_TEST

/* From nothing (first, or 1 when first is 0) the capacity doubles until the need fits, and
 * what was in the array stays. */
static const struct {
	size_t cap, need, first, want;
} doublings[] = {
	{0, 1, 16, 16},
	{0, 17, 16, 32},
	{0, 1, 0, 1},
	{0, 5, 0, 8},
	{16, 17, 64, 32},
	{16, 100, 64, 128},
	{3, 4, 64, 6},
};

TEST_LOOP(test_grow__doubles_until_the_need_fits, sizeof doublings / sizeof *doublings)
{
	size_t cap = doublings[_i].cap;
	long *a = cap ? calloc(cap, sizeof *a) : NULL;
	ck_assert(cap == 0 || a);
	if (cap)
		a[cap - 1] = 42;
	ck_assert(grow_array(&a, &cap, doublings[_i].need, sizeof *a, doublings[_i].first));
	ck_assert_uint_eq(cap, doublings[_i].want);
	if (doublings[_i].cap)
		ck_assert_int_eq(a[doublings[_i].cap - 1], 42);
	a[cap - 1] = 1; /* the whole capacity is there (ASan says otherwise) */
	free(a);
}
END_TEST

Suite *grow_suite(void)
{
	return testutil_suite("grow", NULL, NULL);
}
