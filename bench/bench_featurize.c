/* Featurisation throughput: fit a vectorizer on a file of texts (one a line)
 * and transform every text, as scikit-learn's fit_transform does; print MB/s
 * on one core and the number of features.
 * usage: bench_featurize FILE WORD_MAX CHAR_MIN CHAR_MAX MAX_FEATURES */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/io.h"
#include "stance.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: bench_featurize FILE WORD_MAX CHAR_MIN CHAR_MAX MAX_FEATURES\n");
        return 2;
    }
    char *text;
    size_t len;
    stance_error err;
    if (stance_read_file(argv[1], (size_t)1 << 31, true, &text, &len, &err) != 0) {
        stance_error_print(&err, stderr);
        return 1;
    }
    size_t n = 0, cap = 1024;
    const char **docs = malloc(cap * sizeof *docs);
    size_t *lens = malloc(cap * sizeof *lens);
    for (char *p = text, *end; *p; p = end + 1) {
        end = strchr(p, '\n');
        if (!end)
            end = p + strlen(p);
        if (n == cap) {
            docs = realloc(docs, (cap *= 2) * sizeof *docs);
            lens = realloc(lens, cap * sizeof *lens);
        }
        docs[n] = p;
        lens[n++] = (size_t)(end - p);
        if (!*end)
            break;
    }
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    cfg.word_ngram_max = atoi(argv[2]);
    cfg.word_ngram_min = cfg.word_ngram_max ? 1 : 0;
    cfg.char_ngram_min = atoi(argv[3]);
    cfg.char_ngram_max = atoi(argv[4]);
    cfg.char_ngram_word_bounded = true;
    cfg.sublinear_tf = true;
    cfg.max_features = (size_t)atol(argv[5]);

    double t0 = now();
    stance_vectorizer *v = stance_vectorizer_new(&cfg, &err);
    if (!v || stance_vectorizer_fit(v, docs, lens, n, &err) != 0) {
        stance_error_print(&err, stderr);
        return 1;
    }
    stance_sparse s = {0};
    size_t nnz = 0;
    for (size_t i = 0; i < n; i++) {
        stance_vectorizer_transform(v, docs[i], lens[i], &s, &err);
        nnz += s.nnz;
    }
    double secs = now() - t0;
    printf("stance  %8.2f MB/s  %zu features  %zu non-zeros  %.2f s  %zu texts\n",
           (double)len / 1e6 / secs, stance_vectorizer_dim(v), nnz, secs, n);
    stance_sparse_free(&s);
    stance_vectorizer_free(v);
    free(docs);
    free(lens);
    free(text);
    return 0;
}
