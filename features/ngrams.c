#include "features/ngrams.h"

#include <stdlib.h>
#include <string.h>

#include "common/grow.h"

#define FNV_OFFSET 14695981039346656037ULL

/* FNV-1a is sequential, so an n-gram's hash continues its prefix's hash. */
static inline uint64_t hash_more(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t stance_feature_hash(const char *s, size_t len)
{
    return hash_more(FNV_OFFSET, s, len);
}

static int reserve(ngram_buffer *b, size_t need)
{
    return stance_grow(&b->buf, &b->cap, need, 1);
}

void stance_ngram_buffer_free(ngram_buffer *b)
{
    free(b->buf);
    free(b->idx);
    b->buf = NULL;
    b->idx = NULL;
    b->cap = b->idx_cap = 0;
}

static size_t *reserve_idx(ngram_buffer *b, size_t need)
{
    return stance_grow(&b->idx, &b->idx_cap, need, sizeof *b->idx) == 0 ? b->idx : NULL;
}

static bool used_in_words(const token_list *t, size_t i, const stance_feature_config *cfg)
{
    const token *k = &t->tokens[i];
    if (k->kind == TOKEN_PUNCT)
        return false;
    return !(cfg->stop_words && stance_is_stop_word(t->text + k->start, k->len));
}

static const char NEG_MARK[] = "_NEG";

static int word_ngrams(const token_list *t, const stance_feature_config *cfg, ngram_buffer *b,
                       ngram_fn fn, void *ctx)
{
    /* indices of the tokens that take part, in order */
    size_t *idx = reserve_idx(b, t->n + 1), m = 0;
    if (!idx)
        return -1;
    for (size_t i = 0; i < t->n; i++)
        if (used_in_words(t, i, cfg))
            idx[m++] = i;
    for (size_t i = 0; i < m; i++) {
        size_t len = 2, hashed = 0;
        uint64_t h = FNV_OFFSET;
        if (reserve(b, 2) != 0)
            return -1;
        memcpy(b->buf, "w:", 2);
        for (int n = 1; n <= cfg->word_ngram_max && i + (size_t)n <= m; n++) {
            const token *k = &t->tokens[idx[i + (size_t)n - 1]];
            bool neg = cfg->mark_negation && k->negated;
            if (reserve(b, len + 1 + k->len + sizeof NEG_MARK) != 0)
                return -1;
            if (n > 1)
                b->buf[len++] = ' ';
            memcpy(b->buf + len, t->text + k->start, k->len);
            len += k->len;
            if (neg) {
                memcpy(b->buf + len, NEG_MARK, sizeof NEG_MARK - 1);
                len += sizeof NEG_MARK - 1;
            }
            h = hash_more(h, b->buf + hashed, len - hashed);
            hashed = len;
            if (n >= cfg->word_ngram_min)
                fn(ctx, h, b->buf, len);
        }
    }
    return 0;
}

/* Character n-grams of s[0..len): code points, not bytes. */
static int char_ngrams_of(const char *s, size_t len, const stance_feature_config *cfg,
                          ngram_buffer *b, ngram_fn fn, void *ctx)
{
    /* byte offsets of code point starts, plus the end */
    size_t *starts = reserve_idx(b, len + 1), n = 0;
    if (!starts)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            starts[n++] = i;
    starts[n] = len;
    if (reserve(b, len + 2) != 0)
        return -1;
    memcpy(b->buf, "c:", 2);
    for (size_t i = 0; i < n; i++) {
        uint64_t h = hash_more(FNV_OFFSET, "c:", 2);
        size_t hashed = 0;
        for (int k = 1; k <= cfg->char_ngram_max && i + (size_t)k <= n; k++) {
            size_t bytes = starts[i + (size_t)k] - starts[i];
            memcpy(b->buf + 2 + hashed, s + starts[i] + hashed, bytes - hashed);
            h = hash_more(h, s + starts[i] + hashed, bytes - hashed);
            hashed = bytes;
            if (k >= cfg->char_ngram_min)
                fn(ctx, h, b->buf, bytes + 2);
        }
    }
    return 0;
}

static int char_ngrams(const token_list *t, const stance_feature_config *cfg, ngram_buffer *b,
                       ngram_fn fn, void *ctx)
{
    /* the text the n-grams are taken from: each word padded with spaces
     * (within words), or all tokens joined by single spaces (across words) */
    size_t total = 2;
    for (size_t i = 0; i < t->n; i++)
        total += t->tokens[i].len + 2;
    char *text = malloc(total);
    if (!text)
        return -1;
    int rc = 0;
    if (cfg->char_ngram_word_bounded) {
        for (size_t i = 0; i < t->n && rc == 0; i++) {
            const token *k = &t->tokens[i];
            if (k->kind == TOKEN_PUNCT)
                continue;
            text[0] = ' ';
            memcpy(text + 1, t->text + k->start, k->len);
            text[k->len + 1] = ' ';
            rc = char_ngrams_of(text, k->len + 2, cfg, b, fn, ctx);
        }
    } else {
        size_t len = 0;
        for (size_t i = 0; i < t->n; i++) {
            if (i)
                text[len++] = ' ';
            memcpy(text + len, t->text + t->tokens[i].start, t->tokens[i].len);
            len += t->tokens[i].len;
        }
        rc = char_ngrams_of(text, len, cfg, b, fn, ctx);
    }
    free(text);
    return rc;
}

int stance_ngrams_emit(const token_list *t, const stance_feature_config *cfg, ngram_buffer *scratch,
                ngram_fn fn, void *ctx)
{
    if (cfg->word_ngram_max > 0 && word_ngrams(t, cfg, scratch, fn, ctx) != 0)
        return -1;
    if (cfg->char_ngram_max > 0 && char_ngrams(t, cfg, scratch, fn, ctx) != 0)
        return -1;
    return 0;
}
