/* The vectorizer as JSON, as model files carry it:
 *   {"format": "stance-vectorizer", "version": 1, "config": {...},
 *    "documents": N, "features": [names in column order], "df": [...]}
 * In hashing mode "features" is absent and "df" lists [column, df] pairs for
 * the columns seen in training. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "features/ngrams.h"
#include "features/vectorizer.h"

#define VECTORIZER_VERSION 1

static const char *weighting_name(stance_weighting w)
{
    switch (w) {
    case STANCE_WEIGHT_COUNT: return "count";
    case STANCE_WEIGHT_BINARY: return "binary";
    default: return "tfidf";
    }
}

cJSON *stance_vectorizer_to_json(const stance_vectorizer *v)
{
    const stance_feature_config *c = &v->cfg;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "stance-vectorizer");
    cJSON_AddNumberToObject(root, "version", VECTORIZER_VERSION);
    cJSON *cfg = cJSON_AddObjectToObject(root, "config");
    cJSON_AddNumberToObject(cfg, "word_ngram_min", c->word_ngram_min);
    cJSON_AddNumberToObject(cfg, "word_ngram_max", c->word_ngram_max);
    cJSON_AddNumberToObject(cfg, "char_ngram_min", c->char_ngram_min);
    cJSON_AddNumberToObject(cfg, "char_ngram_max", c->char_ngram_max);
    cJSON_AddBoolToObject(cfg, "char_ngram_word_bounded", c->char_ngram_word_bounded);
    cJSON_AddBoolToObject(cfg, "mark_negation", c->mark_negation);
    cJSON_AddBoolToObject(cfg, "stop_words", c->stop_words);
    cJSON_AddStringToObject(cfg, "weighting", weighting_name(c->weighting));
    cJSON_AddBoolToObject(cfg, "sublinear_tf", c->sublinear_tf);
    cJSON_AddBoolToObject(cfg, "l2_normalize", c->l2_normalize);
    cJSON_AddNumberToObject(cfg, "min_df", c->min_df);
    cJSON_AddNumberToObject(cfg, "max_df", c->max_df);
    cJSON_AddNumberToObject(cfg, "max_features", (double)c->max_features);
    cJSON_AddNumberToObject(cfg, "hash_bits", c->hash_bits);
    cJSON_AddNumberToObject(root, "documents", (double)v->n_docs);
    cJSON *df = cJSON_AddArrayToObject(root, "df");
    if (c->hash_bits) {
        for (size_t i = 0; i < v->dim; i++)
            if (v->df[i]) {
                cJSON *pair = cJSON_CreateArray();
                cJSON_AddItemToArray(pair, cJSON_CreateNumber((double)(i + 1)));
                cJSON_AddItemToArray(pair, cJSON_CreateNumber(v->df[i]));
                cJSON_AddItemToArray(df, pair);
            }
    } else {
        cJSON *names = cJSON_AddArrayToObject(root, "features");
        for (size_t i = 0; i < v->dim; i++) {
            cJSON_AddItemToArray(names, cJSON_CreateString(v->names[i]));
            cJSON_AddItemToArray(df, cJSON_CreateNumber(v->df[i]));
        }
    }
    return root;
}

/* ---- loading: trust nothing ------------------------------------------- */

static int get_int(const cJSON *obj, const char *name, double lo, double hi, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo && v->valuedouble <= hi) ||
        v->valuedouble != floor(v->valuedouble))
        return -1;
    *out = v->valuedouble;
    return 0;
}

static int get_bool(const cJSON *obj, const char *name, bool *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsBool(v))
        return -1;
    *out = cJSON_IsTrue(v);
    return 0;
}

static int read_config(const cJSON *j, stance_feature_config *c)
{
    double n;
    memset(c, 0, sizeof *c);
    if (!cJSON_IsObject(j))
        return -1;
    if (get_int(j, "word_ngram_min", 0, 6, &n)) return -1;
    c->word_ngram_min = (int)n;
    if (get_int(j, "word_ngram_max", 0, 6, &n)) return -1;
    c->word_ngram_max = (int)n;
    if (get_int(j, "char_ngram_min", 0, 10, &n)) return -1;
    c->char_ngram_min = (int)n;
    if (get_int(j, "char_ngram_max", 0, 10, &n)) return -1;
    c->char_ngram_max = (int)n;
    if (get_bool(j, "char_ngram_word_bounded", &c->char_ngram_word_bounded) ||
        get_bool(j, "mark_negation", &c->mark_negation) || get_bool(j, "stop_words", &c->stop_words) ||
        get_bool(j, "sublinear_tf", &c->sublinear_tf) || get_bool(j, "l2_normalize", &c->l2_normalize))
        return -1;
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(j, "weighting");
    if (!cJSON_IsString(w))
        return -1;
    if (strcmp(w->valuestring, "count") == 0) c->weighting = STANCE_WEIGHT_COUNT;
    else if (strcmp(w->valuestring, "binary") == 0) c->weighting = STANCE_WEIGHT_BINARY;
    else if (strcmp(w->valuestring, "tfidf") == 0) c->weighting = STANCE_WEIGHT_TFIDF;
    else return -1;
    if (get_int(j, "min_df", 0, 4e9, &n)) return -1;
    c->min_df = (unsigned)n;
    const cJSON *max_df = cJSON_GetObjectItemCaseSensitive(j, "max_df");
    if (!cJSON_IsNumber(max_df))
        return -1;
    c->max_df = max_df->valuedouble;
    if (get_int(j, "max_features", 0, 1e12, &n)) return -1;
    c->max_features = (size_t)n;
    if (get_int(j, "hash_bits", 0, 24, &n)) return -1;
    c->hash_bits = (unsigned)n;
    return 0;
}

stance_vectorizer *stance_vectorizer_from_json(const cJSON *json, const char *file,
                                               stance_error *err)
{
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(json, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(json, "version");
    if (!cJSON_IsString(format) || strcmp(format->valuestring, "stance-vectorizer") != 0) {
        stance_fail(err, file, 0, "no vectorizer in this file");
        return NULL;
    }
    if (!cJSON_IsNumber(version) || version->valueint != VECTORIZER_VERSION) {
        stance_fail(err, file, 0, "vectorizer version %d; this program reads version %d",
                    cJSON_IsNumber(version) ? version->valueint : -1, VECTORIZER_VERSION);
        return NULL;
    }
    stance_feature_config cfg;
    if (read_config(cJSON_GetObjectItemCaseSensitive(json, "config"), &cfg) != 0) {
        stance_fail(err, file, 0, "vectorizer configuration is malformed");
        return NULL;
    }
    stance_vectorizer *v = stance_vectorizer_new(&cfg, err);
    if (!v) {
        if (err && file)
            snprintf(err->file, sizeof err->file, "%s", file);
        return NULL;
    }
    double docs;
    const cJSON *df = cJSON_GetObjectItemCaseSensitive(json, "df");
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(json, "features");
    if (get_int(json, "documents", 1, 4e9, &docs) != 0 || !cJSON_IsArray(df)) {
        stance_fail(err, file, 0, "vectorizer lacks documents or df");
        goto fail;
    }
    v->n_docs = (size_t)docs;
    if (cfg.hash_bits) {
        v->dim = (size_t)1 << cfg.hash_bits;
        v->df = calloc(v->dim, sizeof *v->df);
        v->idf = malloc(v->dim * sizeof *v->idf);
        if (!v->df || !v->idf) {
            stance_fail(err, file, 0, "out of memory");
            goto fail;
        }
        const cJSON *pair;
        cJSON_ArrayForEach(pair, df) {
            const cJSON *col = cJSON_GetArrayItem(pair, 0), *d = cJSON_GetArrayItem(pair, 1);
            if (!cJSON_IsArray(pair) || cJSON_GetArraySize(pair) != 2 || !cJSON_IsNumber(col) ||
                !cJSON_IsNumber(d) || col->valuedouble < 1 || col->valuedouble > (double)v->dim ||
                d->valuedouble < 1 || d->valuedouble > docs) {
                stance_fail(err, file, 0, "vectorizer df entry out of range");
                goto fail;
            }
            v->df[(size_t)col->valuedouble - 1] = (uint32_t)d->valuedouble;
        }
    } else {
        int n = cJSON_GetArraySize(names);
        if (!cJSON_IsArray(names) || n < 1 || cJSON_GetArraySize(df) != n) {
            stance_fail(err, file, 0, "vectorizer features and df differ in length, or are empty");
            goto fail;
        }
        v->names = calloc((size_t)n, sizeof *v->names);
        v->df = malloc((size_t)n * sizeof *v->df);
        v->idf = malloc((size_t)n * sizeof *v->idf);
        if (!v->names || !v->df || !v->idf) {
            stance_fail(err, file, 0, "out of memory");
            goto fail;
        }
        const cJSON *name = names->child, *d = df->child;
        for (int i = 0; i < n; i++, name = name->next, d = d->next) {
            v->dim = (size_t)i; /* what is filled so far, for clean-up */
            if (!cJSON_IsString(name) || !cJSON_IsNumber(d) || d->valuedouble < 1 ||
                d->valuedouble > docs) {
                stance_fail(err, file, 0, "vectorizer feature %d is malformed", i + 1);
                goto fail;
            }
            v->names[i] = strdup(name->valuestring);
            v->df[i] = (uint32_t)d->valuedouble;
            int32_t *slot = v->names[i] ? stance_column_map_slot(&v->map, stance_feature_hash(v->names[i], strlen(v->names[i])), true) : NULL;
            if (!slot) {
                free(v->names[i]);
                stance_fail(err, file, 0, "out of memory");
                goto fail;
            }
            if (*slot != -1) {
                free(v->names[i]);
                stance_fail(err, file, 0, "vectorizer feature '%s' appears twice", name->valuestring);
                goto fail;
            }
            *slot = i + 1;
        }
        v->dim = (size_t)n;
    }
    stance_vectorizer_compute_idf(v);
    return v;
fail:
    stance_vectorizer_free(v);
    return NULL;
}

int stance_vectorizer_write_json(const stance_vectorizer *v, const char *const *labels,
                                 size_t n_labels, FILE *out, stance_error *err)
{
    cJSON *root = stance_vectorizer_to_json(v);
    if (root && labels) {
        cJSON *arr = cJSON_AddArrayToObject(root, "labels");
        for (size_t i = 0; i < n_labels; i++)
            cJSON_AddItemToArray(arr, cJSON_CreateString(labels[i]));
    }
    char *text = root ? cJSON_PrintUnformatted(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return stance_fail(err, NULL, 0, "out of memory");
    int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? stance_fail_errno(err, NULL, 0, "write error") : 0;
    free(text);
    return rc;
}
