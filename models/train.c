/* Training: features, then a LIBLINEAR linear SVM whose C is picked by
 * stratified cross-validation on macro-F1, then Platt scaling fitted on the
 * cross-validated decision values of the chosen C. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <linear.h>

#include "common/error.h"
#include "features/vectorizer.h"
#include "models/container.h"
#include "models/folds.h"
#include "models/metrics.h"
#include "models/model.h"

static const double DEFAULT_C[] = {0.03, 0.1, 0.3, 1, 3};

void stance_train_options_default(stance_train_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->c_grid = DEFAULT_C;
    opt->n_c = sizeof DEFAULT_C / sizeof DEFAULT_C[0];
    opt->folds = 5;
    opt->class_weight = STANCE_CLASS_WEIGHT_BALANCED;
    opt->seed = 1;
}

static void quiet(const char *s)
{
    (void)s;
}

/* The training set as LIBLINEAR sees it: rows of the vectorised corpus with a
 * bias feature (index dim + 1, value 1) appended. */
typedef struct dataset {
    size_t n, dim;
    struct feature_node **rows;
    double *y;
} dataset;

static void dataset_free(dataset *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->rows[i]);
    free(d->rows);
    free(d->y);
}

static int vectorise(const stance_vectorizer *v, const stance_corpus *c, dataset *d,
                     stance_error *err)
{
    d->n = c->n;
    d->dim = stance_vectorizer_dim(v);
    d->rows = calloc(c->n, sizeof *d->rows);
    d->y = malloc(c->n * sizeof *d->y);
    if (!d->rows || !d->y)
        return stance_fail(err, c->path, 0, "out of memory");
    stance_sparse s = {0};
    for (size_t i = 0; i < c->n; i++) {
        if (stance_vectorizer_transform(v, c->texts[i], c->text_lens[i], &s, err) != 0) {
            snprintf(err->file, sizeof err->file, "%s", c->path);
            err->line = c->lines[i];
            stance_sparse_free(&s);
            return -1;
        }
        struct feature_node *row = malloc((s.nnz + 2) * sizeof *row);
        if (!row) {
            stance_sparse_free(&s);
            return stance_fail(err, c->path, 0, "out of memory");
        }
        for (size_t k = 0; k < s.nnz; k++)
            row[k] = (struct feature_node){s.nodes[k].index, s.nodes[k].value};
        row[s.nnz] = (struct feature_node){(int)d->dim + 1, 1.0};
        row[s.nnz + 1] = (struct feature_node){-1, 0};
        d->rows[i] = row;
        d->y[i] = c->labels[i];
    }
    stance_sparse_free(&s);
    return 0;
}

/* Train on the rows where use[i]; NULL use means all rows. */
static struct model *fit(const dataset *d, const bool *use, double c, const double *class_w,
                         size_t k, unsigned long seed)
{
    size_t m = 0;
    for (size_t i = 0; i < d->n; i++)
        m += !use || use[i];
    struct feature_node **x = malloc(m * sizeof *x);
    double *y = malloc(m * sizeof *y);
    int *labels = malloc(k * sizeof *labels);
    double *weights = malloc(k * sizeof *weights);
    struct model *model = NULL;
    if (x && y && labels && weights) {
        for (size_t i = 0, j = 0; i < d->n; i++)
            if (!use || use[i]) {
                x[j] = d->rows[i];
                y[j++] = d->y[i];
            }
        for (size_t j = 0; j < k; j++) {
            labels[j] = (int)j;
            weights[j] = class_w[j];
        }
        struct problem prob = {(int)m, (int)d->dim + 1, y, x, -1};
        struct parameter param = {.solver_type = L2R_L2LOSS_SVC_DUAL, .eps = 0.1, .C = c,
                                  .nr_weight = (int)k, .weight_label = labels, .weight = weights};
        srand((unsigned)seed); /* LIBLINEAR shuffles with rand() */
        model = train(&prob, &param);
    }
    free(x);
    free(y);
    free(labels);
    free(weights);
    return model;
}

/* One-vs-rest vectors in our class order, from a LIBLINEAR model. */
static int to_linear(const struct model *lm, size_t k, size_t dim, linear_model *lin)
{
    lin->dim = dim;
    lin->n_vec = k == 2 ? 1 : k;
    lin->w = calloc(dim > 0 ? dim * lin->n_vec : 1, sizeof *lin->w);
    lin->b = calloc(lin->n_vec, sizeof *lin->b);
    lin->platt = calloc(lin->n_vec, sizeof *lin->platt);
    if (!lin->w || !lin->b || !lin->platt)
        return -1;
    int nr_class = get_nr_class(lm);
    int *order = malloc((size_t)nr_class * sizeof *order);
    if (!order)
        return -1;
    get_labels(lm, order);
    for (size_t j = 0; j < lin->n_vec; j++) {
        /* LIBLINEAR's vector for its class index li; with two classes its only
         * vector favours its first label */
        int li = -1;
        for (int t = 0; t < nr_class; t++)
            if (order[t] == (int)j)
                li = t;
        double sign = 1;
        if (k == 2) {
            li = 0;
            sign = order[0] == 0 ? 1 : -1;
        }
        if (li < 0) /* a class absent from this training set: never chosen */
        {
            lin->b[j] = -1e9;
            continue;
        }
        for (size_t f = 1; f <= dim; f++)
            lin->w[(f - 1) * lin->n_vec + j] = sign * get_decfun_coef(lm, (int)f, li);
        lin->b[j] = sign * get_decfun_coef(lm, (int)dim + 1, li);
        lin->platt[j] = (platt){-1, 0};
    }
    free(order);
    return 0;
}

static void linear_free(linear_model *lin)
{
    free(lin->w);
    free(lin->b);
    free(lin->platt);
    memset(lin, 0, sizeof *lin);
}

static uint32_t corpus_checksum(const stance_corpus *c)
{
    uint32_t crc = 0;
    for (size_t i = 0; i < c->n; i++) {
        crc ^= crc32_of(c->texts[i], c->text_lens[i]) + 0x9e3779b9u * (uint32_t)i;
        crc = (crc << 5 | crc >> 27) ^ (uint32_t)c->labels[i];
    }
    return crc;
}

static char *training_date(const stance_train_options *opt)
{
    char buf[32];
    if (opt->date)
        return strdup(opt->date);
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t = epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return strdup(buf);
}

stance_model *stance_train(const stance_corpus *corpus, const stance_feature_config *features,
                           const stance_train_options *opt_in, stance_error *err)
{
    stance_train_options opt;
    if (opt_in)
        opt = *opt_in;
    else
        stance_train_options_default(&opt);
    if (!opt.c_grid || opt.n_c == 0) {
        opt.c_grid = DEFAULT_C;
        opt.n_c = sizeof DEFAULT_C / sizeof DEFAULT_C[0];
    }
    size_t k = corpus->n_labels;
    size_t *per_class = calloc(k ? k : 1, sizeof *per_class);
    for (size_t i = 0; per_class && i < corpus->n; i++)
        per_class[corpus->labels[i]]++;
    size_t present = 0;
    for (size_t j = 0; per_class && j < k; j++)
        present += per_class[j] > 0;
    if (!per_class || present < 2) {
        free(per_class);
        stance_fail(err, corpus->path, 0, "training needs at least two classes with examples");
        return NULL;
    }
    if (opt.folds < 2 || opt.folds > corpus->n) {
        free(per_class);
        stance_fail(err, corpus->path, 0, "cannot cross-validate %zu records in %zu folds",
                    corpus->n, opt.folds);
        return NULL;
    }
    set_print_string_function(quiet);

    stance_model *m = calloc(1, sizeof *m);
    dataset d = {0};
    double *class_w = malloc(k * sizeof *class_w);
    int *fold = malloc(corpus->n * sizeof *fold);
    bool *use = malloc(corpus->n * sizeof *use);
    double *cv_dec = NULL, *best_dec = NULL;
    double *scores = calloc(opt.n_c, sizeof *scores);
    if (!m || !class_w || !fold || !use || !scores) {
        stance_fail(err, corpus->path, 0, "out of memory");
        goto fail;
    }
    for (size_t j = 0; j < k; j++)
        class_w[j] = opt.class_weight == STANCE_CLASS_WEIGHT_BALANCED && per_class[j]
                         ? (double)corpus->n / ((double)present * (double)per_class[j]) : 1.0;

    if (!(m->vec = stance_vectorizer_new(features, err)))
        goto fail;
    if (stance_vectorizer_fit(m->vec, (const char *const *)corpus->texts, corpus->text_lens,
                              corpus->n, err) != 0) {
        if (!err->file[0])
            snprintf(err->file, sizeof err->file, "%s", corpus->path);
        goto fail;
    }
    if (vectorise(m->vec, corpus, &d, err) != 0)
        goto fail;
    if (stratified_folds(corpus->labels, corpus->n, k, opt.folds, opt.seed, fold) != 0) {
        stance_fail(err, corpus->path, 0, "out of memory");
        goto fail;
    }

    /* cross-validation over the C grid */
    size_t n_vec = k == 2 ? 1 : k;
    cv_dec = malloc(corpus->n * n_vec * sizeof *cv_dec);
    best_dec = malloc(corpus->n * n_vec * sizeof *best_dec);
    if (!cv_dec || !best_dec) {
        stance_fail(err, corpus->path, 0, "out of memory");
        goto fail;
    }
    size_t best = 0;
    for (size_t ci = 0; ci < opt.n_c; ci++) {
        confusion conf;
        confusion_init(&conf, k);
        for (size_t f = 0; f < opt.folds; f++) {
            if (opt.progress)
                fprintf(stderr, "\rstance: train: C=%g fold %zu/%zu   ", opt.c_grid[ci], f + 1, opt.folds);
            for (size_t i = 0; i < corpus->n; i++)
                use[i] = (size_t)fold[i] != f;
            struct model *lm = fit(&d, use, opt.c_grid[ci], class_w, k, opt.seed);
            linear_model lin = {0};
            if (!lm || to_linear(lm, k, d.dim, &lin) != 0) {
                free_and_destroy_model(&lm);
                linear_free(&lin);
                confusion_free(&conf);
                stance_fail(err, corpus->path, 0, "training failed (out of memory)");
                goto fail;
            }
            for (size_t i = 0; i < corpus->n; i++) {
                if (use[i])
                    continue;
                double *dec = cv_dec + i * n_vec;
                linear_decision(&lin, (const struct svm_node *)d.rows[i], dec);
                confusion_add(&conf, corpus->labels[i], linear_classify(&lin, k, dec, NULL));
            }
            free_and_destroy_model(&lm);
            linear_free(&lin);
        }
        scores[ci] = metric_macro_f1(&conf);
        confusion_free(&conf);
        if (ci == 0 || scores[ci] > scores[best]) {
            best = ci;
            memcpy(best_dec, cv_dec, corpus->n * n_vec * sizeof *cv_dec);
        }
    }
    if (opt.progress)
        fprintf(stderr, "\rstance: train: best C=%g, cross-validated macro-F1 %.4f\n",
                opt.c_grid[best], scores[best]);

    /* the final model on everything, calibrated on the held-out decisions */
    struct model *lm = fit(&d, NULL, opt.c_grid[best], class_w, k, opt.seed);
    if (!lm || to_linear(lm, k, d.dim, &m->lin) != 0) {
        free_and_destroy_model(&lm);
        stance_fail(err, corpus->path, 0, "training failed (out of memory)");
        goto fail;
    }
    free_and_destroy_model(&lm);
    double *fv = malloc(corpus->n * sizeof *fv);
    bool *pos = malloc(corpus->n * sizeof *pos);
    if (!fv || !pos) {
        free(fv);
        free(pos);
        stance_fail(err, corpus->path, 0, "out of memory");
        goto fail;
    }
    for (size_t j = 0; j < n_vec; j++) {
        for (size_t i = 0; i < corpus->n; i++) {
            fv[i] = best_dec[i * n_vec + j];
            pos[i] = (size_t)corpus->labels[i] == j;
        }
        m->lin.platt[j] = platt_fit(fv, pos, corpus->n);
    }
    free(fv);
    free(pos);

    m->n_labels = k;
    m->labels = calloc(k, sizeof *m->labels);
    for (size_t j = 0; m->labels && j < k; j++)
        m->labels[j] = strdup(corpus->label_names[j]);

    /* what was done, for whoever finds the model file later */
    cJSON *meta = cJSON_CreateObject();
    cJSON_AddNumberToObject(meta, "records", (double)corpus->n);
    char crc[16];
    snprintf(crc, sizeof crc, "%08x", corpus_checksum(corpus));
    cJSON_AddStringToObject(meta, "corpus_checksum", crc);
    cJSON *counts = cJSON_AddObjectToObject(meta, "class_counts");
    for (size_t j = 0; j < k; j++)
        cJSON_AddNumberToObject(counts, corpus->label_names[j], (double)per_class[j]);
    cJSON_AddStringToObject(meta, "solver", "liblinear L2R_L2LOSS_SVC_DUAL, one-vs-rest");
    cJSON_AddStringToObject(meta, "class_weight",
                            opt.class_weight == STANCE_CLASS_WEIGHT_BALANCED ? "balanced" : "none");
    cJSON_AddNumberToObject(meta, "folds", (double)opt.folds);
    cJSON_AddNumberToObject(meta, "seed", (double)opt.seed);
    cJSON *grid = cJSON_AddArrayToObject(meta, "cross_validation");
    for (size_t ci = 0; ci < opt.n_c; ci++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "C", opt.c_grid[ci]);
        cJSON_AddNumberToObject(e, "macro_f1", scores[ci]);
        cJSON_AddItemToArray(grid, e);
    }
    cJSON_AddNumberToObject(meta, "C", opt.c_grid[best]);
    char *date = training_date(&opt);
    cJSON_AddStringToObject(meta, "date", date ? date : "");
    free(date);
    cJSON_AddStringToObject(meta, "stance_version", stance_version());
    m->metadata = cJSON_PrintUnformatted(meta);
    cJSON_Delete(meta);

    dataset_free(&d);
    free(per_class);
    free(class_w);
    free(fold);
    free(use);
    free(cv_dec);
    free(best_dec);
    free(scores);
    return m;
fail:
    dataset_free(&d);
    free(per_class);
    free(class_w);
    free(fold);
    free(use);
    free(cv_dec);
    free(best_dec);
    free(scores);
    stance_model_free(m);
    return NULL;
}

void stance_model_free(stance_model *m)
{
    if (!m)
        return;
    stance_vectorizer_free(m->vec);
    for (size_t i = 0; m->labels && i < m->n_labels; i++)
        free(m->labels[i]);
    free(m->labels);
    linear_free(&m->lin);
    free(m->metadata);
    free(m);
}
