/* The vectorizer's internals shared with model files: its JSON form. */
#ifndef STANCE_FEATURES_VECTORIZER_H
#define STANCE_FEATURES_VECTORIZER_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "stance.h"

/* Open addressing from a feature's 64-bit hash to its column (1-based). */
typedef struct column_slot {
    uint64_t key;
    int32_t col; /* 0 = empty */
} column_slot;

typedef struct column_map {
    column_slot *slots; /* key and value side by side: one cache line a probe */
    size_t n_slots;     /* power of two; 0 when empty */
    size_t count;
} column_map;

/* The value slot for key, inserted (as -1) when absent and insert is set;
 * NULL when absent, or out of memory. */
int32_t *stance_column_map_slot(column_map *m, uint64_t key, bool insert);
void stance_column_map_free(column_map *m);

struct stance_vectorizer {
    stance_feature_config cfg;
    size_t n_docs;    /* documents it was fitted on */
    size_t dim;       /* columns */
    column_map map;   /* vocabulary mode: feature hash -> column */
    char **names;     /* vocabulary mode: names[col - 1] */
    uint32_t *df;     /* df[col - 1] */
    double *idf;      /* idf[col - 1], derived from df and n_docs */
};

/* Recompute idf from df and n_docs. */
void stance_vectorizer_compute_idf(stance_vectorizer *v);

/* Configuration, vocabulary (feature names in column order) and document
 * frequencies; idf is derived from them on loading. */
cJSON *stance_vectorizer_to_json(const stance_vectorizer *v);
/* Rebuild a vectorizer, checking everything: a hostile document gets a clear
 * message naming file, never a crash. */
stance_vectorizer *stance_vectorizer_from_json(const cJSON *json, const char *file,
                                               stance_error *err);

#endif
