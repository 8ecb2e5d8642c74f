/* grow — the doubling growth of dynamic arrays (see grow.h). */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"

bool grow_array(void *arrayp, size_t *cap, size_t need, size_t elem, size_t first)
{
	if (need <= *cap)
		return true;
	size_t ncap = *cap ? *cap : (first ? first : 1);
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return false;
		ncap *= 2;
	}
	/* Refused here rather than by reallocarray: a sanitizer's allocator aborts on it. */
	if (elem == 0 || ncap > SIZE_MAX / elem)
		return false;
	/* The array pointer has the caller's element type: copied, never accessed as void *. */
	void *array;
	memcpy(&array, arrayp, sizeof array);
	void *grown = reallocarray(array, ncap, elem);
	if (!grown)
		return false;
	memcpy(arrayp, &grown, sizeof grown);
	*cap = ncap;
	return true;
}
