/* One growth routine for every array the library builds, and a byte buffer
 * on top of it (what redis's sdsMakeRoomFor is to sds). Capacities double,
 * so n appends cost O(n) copies in all; sizes are checked for overflow. */
#ifndef STANCE_COMMON_GROW_H
#define STANCE_COMMON_GROW_H

#include <stdarg.h>
#include <stddef.h>

/* Make room for at least need elements of elem_size bytes in an array:
 * array is the address of the array's pointer (&v->items, of any element
 * type), *cap its capacity in elements. On success *cap >= need
 * and the first *cap elements are usable (new ones uninitialised). Returns
 * 0, or -1 when out of memory or on overflow (the array is left as it was). */
int stance_grow(void *array, size_t *cap, size_t need, size_t elem_size);

/* A growable byte string, always NUL-terminated once something is in it. */
typedef struct stance_buf {
    char *data;
    size_t len, cap;
} stance_buf;

/* Append n bytes of s; 0 or -1 (out of memory: the buffer keeps what it had). */
int stance_buf_append(stance_buf *b, const char *s, size_t n);
int stance_buf_puts(stance_buf *b, const char *s);
int stance_buf_putc(stance_buf *b, char c);
int stance_buf_printf(stance_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empty it, keeping the storage. */
void stance_buf_clear(stance_buf *b);
void stance_buf_free(stance_buf *b);

#endif
