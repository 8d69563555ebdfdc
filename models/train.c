/* Training: features, then a LIBLINEAR linear SVM whose C is picked by
 * stratified cross-validation on macro-F1, then Platt scaling fitted on the
 * cross-validated decision values of the chosen C. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <libsvm/svm.h>
#include <linear.h>

#include "features/vectorizer.h"
#include "models/container.h"
#include "models/coupling.h"
#include "models/folds.h"
#include "models/metrics.h"
#include "models/model.h"

static const double DEFAULT_C[] = {0.03, 0.1, 0.3, 1, 3};
static const double DEFAULT_GAMMA[] = {0.1, 0.3, 1, 3};

void stance_train_options_default(stance_train_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->c_grid = DEFAULT_C;
    opt->n_c = sizeof DEFAULT_C / sizeof DEFAULT_C[0];
    opt->gamma_grid = DEFAULT_GAMMA;
    opt->n_gamma = sizeof DEFAULT_GAMMA / sizeof DEFAULT_GAMMA[0];
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

/* The rows a solver trains on: those where use[i] (NULL use: all), in the
 * corpus's order or grouped by label, with class weights for the classes
 * present (LIBLINEAR warns on stderr about weights of absent classes). */
typedef struct subset {
    size_t m, n_weights;
    void **x;       /* LIBLINEAR's or LIBSVM's rows */
    double *y;
    int *labels;    /* the classes present */
    double *weights;
} subset;

static void subset_free(subset *s)
{
    free(s->x);
    free(s->y);
    free(s->labels);
    free(s->weights);
}

static int subset_make(const dataset *d, void *const *rows, const bool *use, bool by_label,
                       const double *class_w, size_t k, subset *s)
{
    s->m = s->n_weights = 0;
    for (size_t i = 0; i < d->n; i++)
        s->m += !use || use[i];
    s->x = malloc((s->m ? s->m : 1) * sizeof *s->x);
    s->y = malloc((s->m ? s->m : 1) * sizeof *s->y);
    s->labels = malloc(k * sizeof *s->labels);
    s->weights = malloc(k * sizeof *s->weights);
    if (!s->x || !s->y || !s->labels || !s->weights) {
        subset_free(s);
        return -1;
    }
    size_t j = 0;
    for (size_t cls = 0; cls < (by_label ? k : 1); cls++)
        for (size_t i = 0; i < d->n; i++)
            if ((!use || use[i]) && (!by_label || (size_t)d->y[i] == cls)) {
                s->x[j] = rows[i];
                s->y[j++] = d->y[i];
            }
    for (size_t cls = 0; cls < k; cls++) {
        bool present = false;
        for (size_t i = 0; i < s->m && !present; i++)
            present = s->y[i] == (double)cls;
        if (present) {
            s->labels[s->n_weights] = (int)cls;
            s->weights[s->n_weights++] = class_w[cls];
        }
    }
    return 0;
}

/* Train LIBLINEAR on the rows where use[i]; NULL use means all rows. */
static struct model *fit(const dataset *d, const bool *use, double c, const double *class_w,
                         size_t k, unsigned long seed)
{
    subset s;
    if (subset_make(d, (void *const *)d->rows, use, false, class_w, k, &s) != 0)
        return NULL;
    struct problem prob = {(int)s.m, (int)d->dim + 1, s.y, (struct feature_node **)s.x, -1};
    struct parameter param = {.solver_type = L2R_L2LOSS_SVC_DUAL, .eps = 0.1, .C = c,
                              .nr_weight = (int)s.n_weights, .weight_label = s.labels,
                              .weight = s.weights};
    srand((unsigned)seed); /* LIBLINEAR shuffles with rand() */
    struct model *model = train(&prob, &param);
    subset_free(&s);
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

/* ---- LIBSVM ----------------------------------------------------------- */

/* Train C-SVC on the rows where use[i] (NULL: all). The rows go in label
 * order, so that LIBSVM's class order is ours (class c is label c): every
 * class must be present. rows_nb are the rows without the bias feature. */
static struct svm_model *svm_fit(const dataset *d, struct svm_node **rows_nb, const bool *use,
                                 const stance_train_options *opt, double c, double gamma,
                                 const double *class_w, size_t k)
{
    subset s;
    if (subset_make(d, (void *const *)rows_nb, use, true, class_w, k, &s) != 0)
        return NULL;
    struct svm_problem prob = {(int)s.m, s.y, (struct svm_node **)s.x};
    struct svm_parameter param = {
        .svm_type = C_SVC, .kernel_type = opt->kernel == STANCE_KERNEL_RBF ? RBF : LINEAR,
        .gamma = gamma, .cache_size = 100, .eps = 1e-3, .C = c, .nr_weight = (int)s.n_weights,
        .weight_label = s.labels, .weight = s.weights, .shrinking = 1};
    struct svm_model *model = svm_check_parameter(&prob, &param) ? NULL : svm_train(&prob, &param);
    /* the model points into the rows themselves, which outlive it, and keeps
     * a copy of param whose weight arrays go now */
    if (model) {
        model->param.nr_weight = 0;
        model->param.weight_label = NULL;
        model->param.weight = NULL;
    }
    subset_free(&s);
    return model;
}

/* Give a trained model its own copy of the support vectors (LIBSVM's
 * free_sv convention: one block starting at SV[0]). */
static int svm_own_vectors(struct svm_model *m)
{
    size_t total = 0;
    for (int s = 0; s < m->l; s++) {
        const struct svm_node *n = m->SV[s];
        while (n->index != -1)
            n++;
        total += (size_t)(n - m->SV[s]) + 1;
    }
    struct svm_node *block = malloc((total ? total : 1) * sizeof *block), *at = block;
    if (!block)
        return -1;
    for (int s = 0; s < m->l; s++) {
        const struct svm_node *n = m->SV[s];
        struct svm_node *start = at;
        do
            *at++ = *n;
        while ((n++)->index != -1);
        m->SV[s] = start;
    }
    if (m->l == 0)
        free(block);
    m->free_sv = 1;
    return 0;
}

static void free_rows(struct svm_node **rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++)
        free(rows[i]);
    free(rows);
}

static void quiet_svm(const char *s)
{
    (void)s;
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
        crc ^= stance_crc32_of(c->texts[i], c->text_lens[i]) + 0x9e3779b9u * (uint32_t)i;
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
    if (!opt.gamma_grid || opt.n_gamma == 0) {
        opt.gamma_grid = DEFAULT_GAMMA;
        opt.n_gamma = sizeof DEFAULT_GAMMA / sizeof DEFAULT_GAMMA[0];
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
    struct svm_node **rows_nb = NULL;
    bool ok = false;
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
    if (stance_stratified_folds(corpus->labels, corpus->n, k, opt.folds, opt.seed, fold) != 0) {
        stance_fail(err, corpus->path, 0, "out of memory");
        goto fail;
    }

    bool use_svm = opt.solver == STANCE_SOLVER_LIBSVM ||
                   (opt.solver == STANCE_SOLVER_AUTO && opt.kernel == STANCE_KERNEL_RBF);
    if (opt.kernel == STANCE_KERNEL_RBF && opt.solver == STANCE_SOLVER_LIBLINEAR) {
        stance_fail(err, NULL, 0, "LIBLINEAR trains linear models only: use --solver libsvm for RBF");
        goto fail;
    }
    if (use_svm)
        for (size_t j = 0; j < k; j++)
            if (per_class[j] < 2) {
                stance_fail(err, corpus->path, 0,
                            "LIBSVM needs at least 2 examples of every label; '%s' has %zu",
                            corpus->label_names[j], per_class[j]);
                goto fail;
            }
    svm_set_print_string_function(quiet_svm);
    /* LIBSVM takes the rows without LIBLINEAR's bias feature */
    if (use_svm) {
        rows_nb = calloc(corpus->n, sizeof *rows_nb);
        for (size_t i = 0; rows_nb && i < corpus->n; i++) {
            size_t len = 0;
            while (d.rows[i][len].index != -1)
                len++;
            if (!(rows_nb[i] = malloc(len * sizeof **rows_nb)))
                break;
            memcpy(rows_nb[i], d.rows[i], (len - 1) * sizeof **rows_nb);
            rows_nb[i][len - 1] = (struct svm_node){-1, 0};
        }
        if (!rows_nb || !rows_nb[corpus->n - 1]) {
            stance_fail(err, corpus->path, 0, "out of memory");
            goto fail;
        }
    }

    /* cross-validation over the grid: C, and gamma for RBF */
    size_t n_dec = use_svm ? k * (k - 1) / 2 : (k == 2 ? 1 : k);
    size_t n_gamma = use_svm && opt.kernel == STANCE_KERNEL_RBF ? opt.n_gamma : 1;
    size_t n_grid = opt.n_c * n_gamma;
    cv_dec = malloc(corpus->n * n_dec * sizeof *cv_dec);
    best_dec = malloc(corpus->n * n_dec * sizeof *best_dec);
    free(scores);
    scores = calloc(n_grid, sizeof *scores);
    if (!cv_dec || !best_dec || !scores) {
        stance_fail(err, corpus->path, 0, "out of memory");
        goto fail;
    }
    size_t best = 0;
    for (size_t g = 0; g < n_grid; g++) {
        double c = opt.c_grid[g / n_gamma], gamma = use_svm ? opt.gamma_grid[g % n_gamma] : 0;
        confusion conf;
        stance_confusion_init(&conf, k);
        for (size_t f = 0; f < opt.folds; f++) {
            if (opt.progress)
                opt.progress(opt.progress_ctx, &(stance_train_progress){
                    .c = c, .gamma = gamma, .fold = f + 1, .folds = opt.folds});
            for (size_t i = 0; i < corpus->n; i++)
                use[i] = (size_t)fold[i] != f;
            if (use_svm) {
                struct svm_model *sm = svm_fit(&d, rows_nb, use, &opt, c, gamma, class_w, k);
                if (!sm) {
                    stance_confusion_free(&conf);
                    stance_fail(err, corpus->path, 0, "LIBSVM training failed");
                    goto fail;
                }
                for (size_t i = 0; i < corpus->n; i++) {
                    if (use[i])
                        continue;
                    double *dec = cv_dec + i * n_dec; /* class c is label c */
                    svm_predict_values(sm, rows_nb[i], dec);
                    stance_confusion_add(&conf, corpus->labels[i], stance_ovo_vote(k, dec));
                }
                svm_free_and_destroy_model(&sm);
                continue;
            }
            struct model *lm = fit(&d, use, c, class_w, k, opt.seed);
            linear_model lin = {0};
            if (!lm || to_linear(lm, k, d.dim, &lin) != 0) {
                free_and_destroy_model(&lm);
                linear_free(&lin);
                stance_confusion_free(&conf);
                stance_fail(err, corpus->path, 0, "training failed (out of memory)");
                goto fail;
            }
            for (size_t i = 0; i < corpus->n; i++) {
                if (use[i])
                    continue;
                double *dec = cv_dec + i * n_dec;
                stance_linear_decision(&lin, (const struct svm_node *)d.rows[i], dec);
                stance_confusion_add(&conf, corpus->labels[i], stance_linear_classify(&lin, k, dec, NULL));
            }
            free_and_destroy_model(&lm);
            linear_free(&lin);
        }
        scores[g] = stance_metric_macro_f1(&conf);
        stance_confusion_free(&conf);
        if (g == 0 || scores[g] > scores[best]) {
            best = g;
            memcpy(best_dec, cv_dec, corpus->n * n_dec * sizeof *cv_dec);
        }
    }
    double best_c = opt.c_grid[best / n_gamma];
    double best_gamma = use_svm ? opt.gamma_grid[best % n_gamma] : 0;
    if (opt.progress)
        opt.progress(opt.progress_ctx, &(stance_train_progress){
            .done = true, .best_c = best_c, .best_macro_f1 = scores[best]});

    /* the final model on everything, calibrated on the held-out decisions */
    double *fv = malloc(corpus->n * sizeof *fv);
    bool *pos = malloc(corpus->n * sizeof *pos);
    if (!fv || !pos) {
        free(fv);
        free(pos);
        stance_fail(err, corpus->path, 0, "out of memory");
        goto fail;
    }
    if (use_svm) {
        struct svm_model *sm = svm_fit(&d, rows_nb, NULL, &opt, best_c, best_gamma, class_w, k);
        m->ovo_classes = malloc(k * sizeof *m->ovo_classes);
        m->pair_platt = malloc((n_dec ? n_dec : 1) * sizeof *m->pair_platt);
        if (!sm || !m->ovo_classes || !m->pair_platt) {
            svm_free_and_destroy_model(&sm);
            free(fv);
            free(pos);
            stance_fail(err, corpus->path, 0, "LIBSVM training failed");
            goto fail;
        }
        for (size_t t = 0; t < k; t++)
            m->ovo_classes[t] = (int)t;
        if (opt.kernel == STANCE_KERNEL_LINEAR) {
            m->kind = CLASSIFIER_OVO_LINEAR;
            int rc = stance_ovo_collapse(sm, d.dim, &m->ovo);
            svm_free_and_destroy_model(&sm);
            if (rc != 0) {
                free(fv);
                free(pos);
                stance_fail(err, corpus->path, 0, "out of memory");
                goto fail;
            }
        } else {
            m->kind = CLASSIFIER_OVO_KERNEL;
            m->ovo.k = k;
            m->ovo.dim = d.dim;
            if (svm_own_vectors(sm) != 0) {
                svm_free_and_destroy_model(&sm);
                free(fv);
                free(pos);
                stance_fail(err, corpus->path, 0, "out of memory");
                goto fail;
            }
            m->svm = sm;
        }
        /* each pair's sigmoid from the records of its two classes */
        size_t p = 0;
        for (size_t a = 0; a < k; a++)
            for (size_t b = a + 1; b < k; b++, p++) {
                size_t n = 0;
                for (size_t i = 0; i < corpus->n; i++)
                    if ((size_t)corpus->labels[i] == a || (size_t)corpus->labels[i] == b) {
                        fv[n] = best_dec[i * n_dec + p];
                        pos[n++] = (size_t)corpus->labels[i] == a;
                    }
                m->pair_platt[p] = stance_platt_fit(fv, pos, n);
            }
    } else {
        m->kind = CLASSIFIER_OVR;
        struct model *lm = fit(&d, NULL, best_c, class_w, k, opt.seed);
        if (!lm || to_linear(lm, k, d.dim, &m->lin) != 0) {
            free_and_destroy_model(&lm);
            free(fv);
            free(pos);
            stance_fail(err, corpus->path, 0, "training failed (out of memory)");
            goto fail;
        }
        free_and_destroy_model(&lm);
        for (size_t j = 0; j < n_dec; j++) {
            for (size_t i = 0; i < corpus->n; i++) {
                fv[i] = best_dec[i * n_dec + j];
                pos[i] = (size_t)corpus->labels[i] == j;
            }
            m->lin.platt[j] = stance_platt_fit(fv, pos, corpus->n);
        }
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
    cJSON_AddStringToObject(meta, "solver", !use_svm ? "liblinear L2R_L2LOSS_SVC_DUAL, one-vs-rest"
                                            : opt.kernel == STANCE_KERNEL_RBF ? "libsvm C-SVC, RBF kernel, one-vs-one"
                                            : "libsvm C-SVC, linear kernel, one-vs-one, collapsed");
    cJSON_AddStringToObject(meta, "class_weight",
                            opt.class_weight == STANCE_CLASS_WEIGHT_BALANCED ? "balanced" : "none");
    cJSON_AddNumberToObject(meta, "folds", (double)opt.folds);
    cJSON_AddNumberToObject(meta, "seed", (double)opt.seed);
    cJSON *grid = cJSON_AddArrayToObject(meta, "cross_validation");
    for (size_t g = 0; g < n_grid; g++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "C", opt.c_grid[g / n_gamma]);
        if (use_svm && opt.kernel == STANCE_KERNEL_RBF)
            cJSON_AddNumberToObject(e, "gamma", opt.gamma_grid[g % n_gamma]);
        cJSON_AddNumberToObject(e, "macro_f1", scores[g]);
        cJSON_AddItemToArray(grid, e);
    }
    cJSON_AddNumberToObject(meta, "C", best_c);
    if (use_svm && opt.kernel == STANCE_KERNEL_RBF)
        cJSON_AddNumberToObject(meta, "gamma", best_gamma);
    char *date = training_date(&opt);
    cJSON_AddStringToObject(meta, "date", date ? date : "");
    free(date);
    cJSON_AddStringToObject(meta, "stance_version", stance_version());
    m->metadata = cJSON_PrintUnformatted(meta);
    cJSON_Delete(meta);
    ok = true;
fail:
    free_rows(rows_nb, corpus->n);
    dataset_free(&d);
    free(per_class);
    free(class_w);
    free(fold);
    free(use);
    free(cv_dec);
    free(best_dec);
    free(scores);
    if (ok)
        return m;
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
    stance_ovo_free(&m->ovo);
    svm_free_and_destroy_model(&m->svm);
    free(m->ovo_classes);
    free(m->pair_platt);
    free(m->metadata);
    free(m);
}
