/* Text -> weighted sparse vector: tokens, n-grams, vocabulary or hashing,
 * counts / binary / TF-IDF, L2 normalisation. */
#include "features/vectorizer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"
#include "features/ngrams.h"
#include "features/tokenizer.h"

#define MAX_HASH_BITS 24

/* ---- column map ------------------------------------------------------- */

static size_t slot_of(const column_map *m, uint64_t key)
{
    size_t mask = m->n_slots - 1, s = (size_t)(key ^ (key >> 29)) & mask;
    while (m->slots[s].col && m->slots[s].key != key)
        s = (s + 1) & mask;
    return s;
}

static int map_grow(column_map *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 1024;
    column_map bigger = {calloc(n, sizeof(column_slot)), n, m->count};
    if (!bigger.slots)
        return -1;
    for (size_t i = 0; i < m->n_slots; i++)
        if (m->slots[i].col)
            bigger.slots[slot_of(&bigger, m->slots[i].key)] = m->slots[i];
    free(m->slots);
    *m = bigger;
    return 0;
}

int32_t *stance_column_map_slot(column_map *m, uint64_t key, bool insert)
{
    if (m->n_slots == 0 || (insert && (m->count + 1) * 2 > m->n_slots)) {
        if (!insert)
            return NULL;
        if (map_grow(m) != 0)
            return NULL;
    }
    column_slot *slot = &m->slots[slot_of(m, key)];
    if (!slot->col) {
        if (!insert)
            return NULL;
        slot->key = key;
        slot->col = -1; /* taken, value to be set */
        m->count++;
    }
    return &slot->col;
}

void stance_column_map_free(column_map *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* ---- life cycle ------------------------------------------------------- */

void stance_feature_config_default(stance_feature_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->word_ngram_min = 1;
    cfg->word_ngram_max = 2;
    cfg->weighting = STANCE_WEIGHT_TFIDF;
    cfg->l2_normalize = true;
    cfg->min_df = 1;
    cfg->max_df = 1.0;
}

static int check_config(const stance_feature_config *c, const char *file, stance_error *err)
{
    if (c->word_ngram_max < 0 || c->word_ngram_max > 6 ||
        (c->word_ngram_max > 0 && (c->word_ngram_min < 1 || c->word_ngram_min > c->word_ngram_max)))
        return stance_fail(err, file, 0, "word n-gram range must be within 1-6 (or off)");
    if (c->char_ngram_max < 0 || c->char_ngram_max > 10 ||
        (c->char_ngram_max > 0 && (c->char_ngram_min < 1 || c->char_ngram_min > c->char_ngram_max)))
        return stance_fail(err, file, 0, "character n-gram range must be within 1-10 (or off)");
    if (c->word_ngram_max == 0 && c->char_ngram_max == 0)
        return stance_fail(err, file, 0, "no features: both word and character n-grams are off");
    if ((int)c->weighting < 0 || c->weighting > STANCE_WEIGHT_TFIDF)
        return stance_fail(err, file, 0, "unknown weighting");
    if (!(c->max_df > 0 && c->max_df <= 1))
        return stance_fail(err, file, 0, "max_df must be a share in (0, 1]");
    if (c->hash_bits > MAX_HASH_BITS)
        return stance_fail(err, file, 0, "hash bits must be at most %d", MAX_HASH_BITS);
    return 0;
}

stance_vectorizer *stance_vectorizer_new(const stance_feature_config *cfg, stance_error *err)
{
    stance_feature_config def;
    if (!cfg) {
        stance_feature_config_default(&def);
        cfg = &def;
    }
    if (check_config(cfg, NULL, err) != 0)
        return NULL;
    stance_vectorizer *v = calloc(1, sizeof *v);
    if (!v) {
        stance_fail(err, NULL, 0, "out of memory");
        return NULL;
    }
    v->cfg = *cfg;
    if (v->cfg.min_df == 0)
        v->cfg.min_df = 1;
    return v;
}

static void clear_vocabulary(stance_vectorizer *v)
{
    for (size_t i = 0; v->names && i < v->dim; i++)
        free(v->names[i]);
    free(v->names);
    free(v->df);
    free(v->idf);
    stance_column_map_free(&v->map);
    v->names = NULL;
    v->df = NULL;
    v->idf = NULL;
    v->dim = 0;
}

void stance_vectorizer_free(stance_vectorizer *v)
{
    if (!v)
        return;
    clear_vocabulary(v);
    free(v);
}

size_t stance_vectorizer_dim(const stance_vectorizer *v)
{
    return v->dim;
}

const char *stance_vectorizer_feature_name(const stance_vectorizer *v, int index)
{
    if (!v->names || index < 1 || (size_t)index > v->dim)
        return NULL;
    return v->names[index - 1];
}

void stance_vectorizer_compute_idf(stance_vectorizer *v)
{
    for (size_t i = 0; i < v->dim; i++)
        v->idf[i] = log((1.0 + (double)v->n_docs) / (1.0 + (double)v->df[i])) + 1.0;
}

/* ---- fitting ---------------------------------------------------------- */

typedef struct candidate {
    char *name;
    uint64_t hash;
    uint64_t tf;     /* occurrences in the corpus */
    uint32_t df;
    uint32_t last_doc; /* the last document counted in df, + 1 */
} candidate;

typedef struct fit_state {
    column_map map;  /* hash -> candidate index + 1 */
    candidate *c;
    size_t n, cap;
    uint32_t doc;    /* current document + 1 */
    uint32_t *bucket_df, *bucket_last; /* hashing mode */
    uint64_t mask;
    bool failed;
} fit_state;

static void fit_feature(void *ctx, uint64_t hash, const char *name, size_t len)
{
    fit_state *s = ctx;
    if (s->failed)
        return;
    if (s->bucket_df) {
        size_t b = (size_t)(hash & s->mask);
        if (s->bucket_last[b] != s->doc) {
            s->bucket_last[b] = s->doc;
            s->bucket_df[b]++;
        }
        return;
    }
    int32_t *slot = stance_column_map_slot(&s->map, hash, true);
    if (!slot) {
        s->failed = true;
        return;
    }
    if (*slot < 0) {
        if (stance_grow(&s->c, &s->cap, s->n + 1, sizeof *s->c) != 0) {
            s->failed = true;
            return;
        }
        char *copy = malloc(len + 1);
        if (!copy) {
            s->failed = true;
            return;
        }
        memcpy(copy, name, len);
        copy[len] = '\0';
        s->c[s->n] = (candidate){copy, hash, 0, 0, 0};
        *slot = (int32_t)++s->n;
    }
    candidate *c = &s->c[*slot - 1];
    c->tf++;
    if (c->last_doc != s->doc) {
        c->last_doc = s->doc;
        c->df++;
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const candidate *)a)->name, ((const candidate *)b)->name);
}

static int by_tf_desc(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x < y) - (x > y);
}

/* Keep the k most frequent of c[0..n) (ties broken by name), freeing the
 * others' names; returns k. Only the group tied at the threshold is sorted
 * by name, which keeps fitting large vocabularies fast. */
static size_t keep_most_frequent(candidate *c, size_t n, size_t k)
{
    uint64_t *tf = malloc(n * sizeof *tf);
    if (!tf)
        return 0;
    for (size_t i = 0; i < n; i++)
        tf[i] = c[i].tf;
    qsort(tf, n, sizeof *tf, by_tf_desc);
    uint64_t threshold = tf[k - 1];
    free(tf);
    /* the ones above the threshold, then those tied at it in name order */
    candidate *out = malloc(n * sizeof *out);
    if (!out)
        return 0;
    size_t above = 0, tied = 0;
    for (size_t i = 0; i < n; i++)
        if (c[i].tf > threshold)
            out[above++] = c[i];
    for (size_t i = 0; i < n; i++)
        if (c[i].tf == threshold)
            out[above + tied++] = c[i];
    qsort(out + above, tied, sizeof *out, by_name);
    for (size_t i = k; i < above + tied; i++)
        free(out[i].name);
    for (size_t i = 0; i < n; i++)
        if (c[i].tf < threshold)
            free(c[i].name);
    memcpy(c, out, k * sizeof *c);
    free(out);
    return k;
}

/* Tokens of one text, with negation marked when asked. */
static int analyse(const stance_feature_config *cfg, const char *text, size_t len, token_list *t,
                   stance_error *err)
{
    if (stance_tokenize(text, len, t, err) != 0)
        return -1;
    if (cfg->mark_negation)
        stance_tokens_mark_negation(t);
    return 0;
}

int stance_vectorizer_fit(stance_vectorizer *v, const char *const *texts, const size_t *lens,
                          size_t n, stance_error *err)
{
    clear_vocabulary(v);
    if (n == 0 || n > UINT32_MAX - 1)
        return stance_fail(err, NULL, 0, "cannot fit on %zu documents", n);
    fit_state s = {0};
    token_list t;
    stance_token_list_init(&t);
    ngram_buffer scratch = {0};
    int rc = 0;
    if (v->cfg.hash_bits) {
        size_t buckets = (size_t)1 << v->cfg.hash_bits;
        s.bucket_df = calloc(buckets, sizeof *s.bucket_df);
        s.bucket_last = calloc(buckets, sizeof *s.bucket_last);
        s.mask = buckets - 1;
        if (!s.bucket_df || !s.bucket_last)
            rc = stance_fail(err, NULL, 0, "out of memory");
    }
    for (size_t d = 0; d < n && rc == 0; d++) {
        s.doc = (uint32_t)d + 1;
        if (analyse(&v->cfg, texts[d], lens[d], &t, err) != 0) {
            rc = -1;
            stance_fail(err, NULL, 0, "document %zu: %s", d + 1, err->message);
            break;
        }
        if (stance_ngrams_emit(&t, &v->cfg, &scratch, fit_feature, &s) != 0 || s.failed)
            rc = stance_fail(err, NULL, 0, "out of memory");
    }
    stance_token_list_free(&t);
    stance_ngram_buffer_free(&scratch);
    v->n_docs = n;

    if (rc == 0 && v->cfg.hash_bits) {
        v->dim = (size_t)1 << v->cfg.hash_bits;
        v->df = s.bucket_df;
        s.bucket_df = NULL;
        v->idf = malloc(v->dim * sizeof *v->idf);
        if (!v->idf)
            rc = stance_fail(err, NULL, 0, "out of memory");
        else
            stance_vectorizer_compute_idf(v);
    } else if (rc == 0) {
        /* prune by document frequency, then keep the most frequent */
        size_t kept = 0;
        double max_docs = v->cfg.max_df * (double)n;
        for (size_t i = 0; i < s.n; i++) {
            if (s.c[i].df >= v->cfg.min_df && (double)s.c[i].df <= max_docs + 1e-9)
                s.c[kept++] = s.c[i];
            else
                free(s.c[i].name);
        }
        if (v->cfg.max_features && kept > v->cfg.max_features)
            kept = keep_most_frequent(s.c, kept, v->cfg.max_features);
        /* columns in name order, as the vocabulary is written */
        qsort(s.c, kept, sizeof *s.c, by_name);
        v->dim = kept;
        v->names = malloc((kept ? kept : 1) * sizeof *v->names);
        v->df = malloc((kept ? kept : 1) * sizeof *v->df);
        v->idf = malloc((kept ? kept : 1) * sizeof *v->idf);
        if (!v->names || !v->df || !v->idf) {
            for (size_t i = 0; i < kept; i++)
                free(s.c[i].name);
            free(v->names);
            v->names = NULL;
            v->dim = 0;
            rc = stance_fail(err, NULL, 0, "out of memory");
        } else {
            for (size_t i = 0; i < kept; i++) {
                v->names[i] = s.c[i].name;
                v->df[i] = s.c[i].df;
                int32_t *slot = stance_column_map_slot(&v->map, s.c[i].hash, true);
                if (!slot) {
                    rc = stance_fail(err, NULL, 0, "out of memory");
                    for (size_t j = i + 1; j < kept; j++)
                        free(s.c[j].name);
                    v->dim = i + 1;
                    break;
                }
                *slot = (int32_t)(i + 1);
            }
            if (rc == 0)
                stance_vectorizer_compute_idf(v);
        }
    } else {
        for (size_t i = 0; i < s.n; i++)
            free(s.c[i].name);
    }
    free(s.c);
    stance_column_map_free(&s.map);
    free(s.bucket_df);
    free(s.bucket_last);
    if (rc == 0 && v->dim == 0)
        rc = stance_fail(err, NULL, 0, "no features left after pruning (min_df %u, max_df %g)",
                         v->cfg.min_df, v->cfg.max_df);
    if (rc != 0)
        clear_vocabulary(v);
    return rc;
}

/* ---- transforming ----------------------------------------------------- */

typedef struct workspace {
    token_list tokens;
    ngram_buffer ngrams;
    int32_t *cols, *sort_tmp;
    size_t n, cap, sort_cap;
    bool failed;
} workspace;

typedef struct transform_ctx {
    const stance_vectorizer *v;
    workspace *w;
} transform_ctx;

static void collect(void *ctx, uint64_t hash, const char *name, size_t len)
{
    (void)name;
    (void)len;
    transform_ctx *c = ctx;
    workspace *w = c->w;
    int32_t col;
    if (c->v->cfg.hash_bits) {
        col = (int32_t)(hash & (((uint64_t)1 << c->v->cfg.hash_bits) - 1)) + 1;
    } else {
        int32_t *slot = stance_column_map_slot((column_map *)&c->v->map, hash, false);
        if (!slot)
            return; /* not in the vocabulary */
        col = *slot;
    }
    if (stance_grow(&w->cols, &w->cap, w->n + 1, sizeof *w->cols) != 0) {
        w->failed = true;
        return;
    }
    w->cols[w->n++] = col;
}

/* Sort columns: insertion sort for short lists, else an LSD radix sort on
 * the 32-bit values (columns are positive), linear in the list's length. */
static int sort_columns(int32_t *a, size_t n, int32_t **tmp, size_t *tmp_cap)
{
    if (n < 48) {
        for (size_t i = 1; i < n; i++) {
            int32_t x = a[i];
            size_t j = i;
            for (; j > 0 && a[j - 1] > x; j--)
                a[j] = a[j - 1];
            a[j] = x;
        }
        return 0;
    }
    if (stance_grow(tmp, tmp_cap, n, sizeof **tmp) != 0)
        return -1;
    int32_t *src = a, *dst = *tmp;
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[(((uint32_t)src[i] >> shift) & 255) + 1]++;
        if (count[1] == n)
            continue; /* this byte is 0 everywhere */
        for (int k = 0; k < 256; k++)
            count[k + 1] += count[k];
        for (size_t i = 0; i < n; i++)
            dst[count[((uint32_t)src[i] >> shift) & 255]++] = src[i];
        int32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
    return 0;
}

void stance_sparse_free(stance_sparse *s)
{
    workspace *w = s->scratch;
    if (w) {
        stance_token_list_free(&w->tokens);
        stance_ngram_buffer_free(&w->ngrams);
        free(w->cols);
        free(w->sort_tmp);
        free(w);
    }
    free(s->nodes);
    memset(s, 0, sizeof *s);
}

int stance_vectorizer_transform(const stance_vectorizer *v, const char *text, size_t len,
                                stance_sparse *out, stance_error *err)
{
    if (!out->scratch && !(out->scratch = calloc(1, sizeof(workspace))))
        return stance_fail(err, NULL, 0, "out of memory");
    workspace *w = out->scratch;
    w->n = 0;
    w->failed = false;
    out->nnz = 0;
    if (analyse(&v->cfg, text, len, &w->tokens, err) != 0)
        return -1;
    transform_ctx ctx = {v, w};
    if (stance_ngrams_emit(&w->tokens, &v->cfg, &w->ngrams, collect, &ctx) != 0 || w->failed)
        return stance_fail(err, NULL, 0, "out of memory");
    if (sort_columns(w->cols, w->n, &w->sort_tmp, &w->sort_cap) != 0)
        return stance_fail(err, NULL, 0, "out of memory");

    size_t unique = 0;
    for (size_t i = 0; i < w->n; i++)
        unique += i == 0 || w->cols[i] != w->cols[i - 1];
    if (stance_grow(&out->nodes, &out->cap, unique + 1, sizeof *out->nodes) != 0)
        return stance_fail(err, NULL, 0, "out of memory");
    double norm = 0;
    for (size_t i = 0; i < w->n;) {
        size_t j = i;
        while (j < w->n && w->cols[j] == w->cols[i])
            j++;
        double tf = (double)(j - i), value;
        switch (v->cfg.weighting) {
        case STANCE_WEIGHT_BINARY: value = 1; break;
        case STANCE_WEIGHT_COUNT: value = v->cfg.sublinear_tf ? 1 + log(tf) : tf; break;
        default:
            value = (v->cfg.sublinear_tf ? 1 + log(tf) : tf) * v->idf[w->cols[i] - 1];
            break;
        }
        out->nodes[out->nnz++] = (struct svm_node){w->cols[i], value};
        norm += value * value;
        i = j;
    }
    if (v->cfg.l2_normalize && norm > 0) {
        double scale = 1 / sqrt(norm);
        for (size_t i = 0; i < out->nnz; i++)
            out->nodes[i].value *= scale;
    }
    out->nodes[out->nnz] = (struct svm_node){-1, 0};
    return 0;
}
