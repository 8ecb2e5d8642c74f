/* grow — room for one more element in an array that grows by doubling, the one growth
 * rule of the program's dynamic arrays and buffers (overflow checked, nothing lost on failure). */
#ifndef BALIE_GROW_H
#define BALIE_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Make room for need elements of elem bytes in the array whose address is arrayp (a
 * pointer to the array pointer, such as &items) and whose capacity is *cap: the capacity
 * becomes first when it is 0 and doubles until need fits. true when there is room (the
 * array moved and *cap grew when it had to); false when the size overflows or memory runs
 * out, the array and *cap then unchanged. */
bool grow_array(void *arrayp, size_t *cap, size_t need, size_t elem, size_t first);

#endif
