#include "common/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "common/grow.h"

uint64_t stance_hash64(const void *data, size_t len)
{
    /* FNV-1a, then a final avalanche so that low bits are usable as a slot. */
    const unsigned char *p = data;
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void stance_strmap_init(stance_strmap *m, size_t value_size)
{
    memset(m, 0, sizeof *m);
    m->value_size = value_size;
}

void stance_strmap_free(stance_strmap *m)
{
    for (size_t i = 0; i < m->count; i++)
        free(m->keys[i]);
    free(m->index);
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

static size_t find_slot(const stance_strmap *m, const char *key, size_t len)
{
    size_t mask = m->slots - 1;
    size_t s = (size_t)stance_hash64(key, len) & mask;
    while (m->index[s]) {
        if (strcmp(m->keys[m->index[s] - 1], key) == 0)
            return s;
        s = (s + 1) & mask;
    }
    return s;
}

void *stance_strmap_get(const stance_strmap *m, const char *key)
{
    if (m->slots == 0)
        return NULL;
    size_t s = find_slot(m, key, strlen(key));
    return m->index[s] ? m->values + (m->index[s] - 1) * m->value_size : NULL;
}

static int rehash(stance_strmap *m, size_t slots)
{
    uint32_t *index = calloc(slots, sizeof *index);
    if (!index)
        return -1;
    free(m->index);
    m->index = index;
    m->slots = slots;
    for (size_t i = 0; i < m->count; i++) {
        size_t s = find_slot(m, m->keys[i], strlen(m->keys[i]));
        m->index[s] = (uint32_t)(i + 1);
    }
    return 0;
}

void *stance_strmap_upsert(stance_strmap *m, const char *key)
{
    size_t len = strlen(key);
    if (m->slots && m->index[find_slot(m, key, len)])
        return stance_strmap_get(m, key);
    if ((m->count + 1) * 4 > m->slots * 3 && rehash(m, m->slots ? m->slots * 2 : 16) != 0)
        return NULL;
    /* keys and values grow alike; if the second fails, cap stays the first's old one */
    size_t keys_cap = m->cap, values_cap = m->cap;
    if (stance_grow(&m->keys, &keys_cap, m->count + 1, sizeof *m->keys) != 0 ||
        stance_grow(&m->values, &values_cap, m->count + 1, m->value_size) != 0)
        return NULL;
    m->cap = values_cap;
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, key, len + 1);
    size_t s = find_slot(m, key, len);
    m->keys[m->count] = copy;
    void *value = m->values + m->count * m->value_size;
    memset(value, 0, m->value_size);
    m->index[s] = (uint32_t)(++m->count);
    return value;
}

const char *stance_strmap_key(const stance_strmap *m, size_t i)
{
    return m->keys[i];
}

void *stance_strmap_value(const stance_strmap *m, size_t i)
{
    return m->values + i * m->value_size;
}
