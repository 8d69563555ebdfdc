/* One growth routine for every array the library builds, and a byte buffer
 * on top of it (what redis's sdsMakeRoomFor is to sds). Capacities double,
 * so n appends cost O(n) copies in all; sizes are checked for overflow. */
#ifndef STANCE_COMMON_GROW_H
#define STANCE_COMMON_GROW_H

#include <stddef.h>

#include "stance.h"

/* Make room for at least need elements of elem_size bytes in an array:
 * array is the address of the array's pointer (&v->items, of any element
 * type), *cap its capacity in elements. On success *cap >= need
 * and the first *cap elements are usable (new ones uninitialised). Returns
 * 0, or -1 when out of memory or on overflow (the array is left as it was). */
int stance_grow(void *array, size_t *cap, size_t need, size_t elem_size);

/* The byte buffer stance_buf, built on stance_grow, is public: stance.h. */
#endif
