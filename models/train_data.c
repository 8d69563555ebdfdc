/* The training set: the corpus vectorised for LIBLINEAR (with a bias
 * feature) and, for LIBSVM, without it; class counts and weights. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/train_internal.h"

void stance_train_set_free(train_set *s)
{
    for (size_t i = 0; s->rows && i < s->n; i++)
        free(s->rows[i]);
    for (size_t i = 0; s->rows_nb && i < s->n; i++)
        free(s->rows_nb[i]);
    free(s->rows);
    free(s->rows_nb);
    free(s->y);
    free(s->per_class);
    free(s->class_w);
    memset(s, 0, sizeof *s);
}

/* Each record's features, and the bias. */
static int vectorise(train_set *s, const stance_vectorizer *v, stance_error *err)
{
    const stance_corpus *c = s->corpus;
    stance_sparse vec = {0};
    for (size_t i = 0; i < c->n; i++) {
        if (stance_vectorizer_transform(v, c->texts[i], c->text_lens[i], &vec, err) != 0) {
            snprintf(err->file, sizeof err->file, "%s", c->path); /* the record's place */
            err->line = c->lines[i];
            stance_sparse_free(&vec);
            return -1;
        }
        struct feature_node *row = malloc((vec.nnz + 2) * sizeof *row);
        if (!row) {
            stance_sparse_free(&vec);
            return stance_fail(err, c->path, 0, "out of memory");
        }
        for (size_t k = 0; k < vec.nnz; k++)
            row[k] = (struct feature_node){vec.nodes[k].index, vec.nodes[k].value};
        row[vec.nnz] = (struct feature_node){(int)s->dim + 1, 1.0};
        row[vec.nnz + 1] = (struct feature_node){-1, 0};
        s->rows[i] = row;
        s->y[i] = c->labels[i];
    }
    stance_sparse_free(&vec);
    return 0;
}

/* LIBSVM takes the rows without LIBLINEAR's bias feature. */
static int rows_without_bias(train_set *s)
{
    if (!(s->rows_nb = calloc(s->n, sizeof *s->rows_nb)))
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        size_t len = 0;
        while (s->rows[i][len].index != -1)
            len++;
        if (!(s->rows_nb[i] = malloc(len * sizeof **s->rows_nb)))
            return -1;
        memcpy(s->rows_nb[i], s->rows[i], (len - 1) * sizeof **s->rows_nb);
        s->rows_nb[i][len - 1] = (struct svm_node){-1, 0};
    }
    return 0;
}

int stance_train_set_build(train_set *s, const stance_corpus *c, const train_plan *p,
                           stance_vectorizer *v, stance_error *err)
{
    memset(s, 0, sizeof *s);
    s->corpus = c;
    s->n = c->n;
    s->k = c->n_labels;
    s->per_class = calloc(s->k ? s->k : 1, sizeof *s->per_class);
    s->class_w = calloc(s->k ? s->k : 1, sizeof *s->class_w);
    s->rows = calloc(c->n, sizeof *s->rows);
    s->y = malloc(c->n * sizeof *s->y);
    if (!s->per_class || !s->class_w || !s->rows || !s->y)
        return stance_fail(err, c->path, 0, "out of memory");
    for (size_t i = 0; i < c->n; i++)
        s->per_class[c->labels[i]]++;
    for (size_t j = 0; j < s->k; j++)
        s->present += s->per_class[j] > 0;
    for (size_t j = 0; j < s->k; j++)
        s->class_w[j] = p->opt.class_weight == STANCE_CLASS_WEIGHT_BALANCED && s->per_class[j]
                            ? (double)c->n / ((double)s->present * (double)s->per_class[j])
                            : 1.0;
    if (stance_vectorizer_fit(v, (const char *const *)c->texts, c->text_lens, c->n, err) != 0) {
        if (!err->file[0])
            snprintf(err->file, sizeof err->file, "%s", c->path);
        return -1;
    }
    s->dim = stance_vectorizer_dim(v);
    if (vectorise(s, v, err) != 0)
        return -1;
    if (p->use_svm && rows_without_bias(s) != 0)
        return stance_fail(err, c->path, 0, "out of memory");
    return 0;
}
