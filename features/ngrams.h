/* From tokens to feature strings: word n-grams ("w:not good_NEG") and
 * character n-grams ("c: go"), each handed to a callback with its 64-bit
 * hash. The hash is FNV-1a of the string, the same on every run and machine,
 * which is what feature hashing and the vocabulary look-ups rely on. */
#ifndef STANCE_FEATURES_NGRAMS_H
#define STANCE_FEATURES_NGRAMS_H

#include <stddef.h>
#include <stdint.h>

#include "features/tokenizer.h"

typedef void (*ngram_fn)(void *ctx, uint64_t hash, const char *name, size_t len);

/* Working memory reused across calls: the n-gram being built, and index
 * arrays (tokens taking part, code point offsets). */
typedef struct ngram_buffer {
    char *buf;
    size_t cap;
    size_t *idx;
    size_t idx_cap;
} ngram_buffer;

void stance_ngram_buffer_free(ngram_buffer *b);

/* Emit every n-gram of the tokens under cfg. Returns -1 when out of memory. */
int stance_ngrams_emit(const token_list *t, const stance_feature_config *cfg, ngram_buffer *scratch,
                ngram_fn fn, void *ctx);

uint64_t stance_feature_hash(const char *s, size_t len);

#endif
