/* A string-keyed hash map (open addressing, linear probing) that owns copies
 * of its keys. Values are fixed-size blobs stored inline, zeroed on insert,
 * so a map of counters needs no per-entry allocation. Iteration order is
 * insertion order, which keeps outputs deterministic. */
#ifndef STANCE_COMMON_STRMAP_H
#define STANCE_COMMON_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct stance_strmap {
    size_t value_size;
    size_t count;      /* entries */
    size_t slots;      /* hash slots, a power of two */
    uint32_t *index;   /* slot -> entry number + 1, 0 = empty */
    char **keys;       /* entry -> key */
    unsigned char *values; /* entry -> value_size bytes */
    size_t cap;        /* entries allocated */
} stance_strmap;

void stance_strmap_init(stance_strmap *m, size_t value_size);
void stance_strmap_free(stance_strmap *m);
/* The value for key, or NULL. */
void *stance_strmap_get(const stance_strmap *m, const char *key);
/* The value for key, inserted zeroed if absent; NULL when out of memory.
 * Value pointers stay valid only until the next upsert (storage may move). */
void *stance_strmap_upsert(stance_strmap *m, const char *key);
/* Entry i (0 <= i < count), in insertion order. */
const char *stance_strmap_key(const stance_strmap *m, size_t i);
void *stance_strmap_value(const stance_strmap *m, size_t i);

uint64_t stance_hash64(const void *data, size_t len);

#endif
