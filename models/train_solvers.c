/* The solvers: LIBLINEAR (L2-regularised L2-loss SVM, dual, one-vs-rest)
 * and LIBSVM (C-SVC, one-vs-one), on a subset of the training rows. */
#include <stdlib.h>
#include <string.h>

#include "models/coupling.h"
#include "models/train_internal.h"

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

static int subset_make(const train_set *d, void *const *rows, const bool *use, bool by_label,
                       subset *s)
{
    size_t k = d->k;
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
            s->weights[s->n_weights++] = d->class_w[cls];
        }
    }
    return 0;
}

/* The solvers draw from rand(), which glibc serves from random()'s state:
 * they run on a state of their own, seeded, and the caller's state is given
 * back untouched. Their print hooks are silenced, then reset to LIBSVM's and
 * LIBLINEAR's defaults. */
typedef struct solver_scope {
    char state[128]; /* glibc's default size: the same generator as srand() alone */
    char *saved;
} solver_scope;

static void quiet(const char *s)
{
    (void)s;
}

static void scope_enter(solver_scope *sc, unsigned long seed)
{
    sc->saved = initstate((unsigned)seed, sc->state, sizeof sc->state);
    set_print_string_function(quiet);
    svm_set_print_string_function(quiet);
}

static void scope_leave(solver_scope *sc)
{
    setstate(sc->saved);
    set_print_string_function(NULL);
    svm_set_print_string_function(NULL);
}

/* LIBLINEAR on the rows where use[i]. */
static struct model *liblinear_fit(const train_set *d, const bool *use, double c,
                                   unsigned long seed)
{
    subset s;
    if (subset_make(d, (void *const *)d->rows, use, false, &s) != 0)
        return NULL;
    struct problem prob = {(int)s.m, (int)d->dim + 1, s.y, (struct feature_node **)s.x, -1};
    struct parameter param = {.solver_type = L2R_L2LOSS_SVC_DUAL, .eps = 0.1, .C = c,
                              .nr_weight = (int)s.n_weights, .weight_label = s.labels,
                              .weight = s.weights};
    srand((unsigned)seed); /* LIBLINEAR shuffles with rand(): the same seed, the same model */
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
    int nr_class = get_nr_class(lm);
    int *order = malloc((size_t)nr_class * sizeof *order);
    if (!lin->w || !lin->b || !lin->platt || !order) {
        free(order);
        return -1;
    }
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
        if (li < 0) { /* a class absent from this training set: never chosen */
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

/* C-SVC on the rows where use[i]. The rows go in label order, so that
 * LIBSVM's class order is ours (class c is label c): every class must be
 * present. */
static struct svm_model *libsvm_fit(const train_set *d, const bool *use, const train_plan *p,
                                    double c, double gamma)
{
    subset s;
    if (subset_make(d, (void *const *)d->rows_nb, use, true, &s) != 0)
        return NULL;
    struct svm_problem prob = {(int)s.m, s.y, (struct svm_node **)s.x};
    struct svm_parameter param = {
        .svm_type = C_SVC, .kernel_type = p->opt.kernel == STANCE_KERNEL_RBF ? RBF : LINEAR,
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

static int fold_libsvm(const train_set *s, const train_plan *p, const bool *use, double c,
                       double gamma, double *dec, confusion *conf)
{
    struct svm_model *sm = libsvm_fit(s, use, p, c, gamma);
    if (!sm)
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        if (use[i])
            continue;
        double *d = dec + i * p->n_dec; /* class c is label c */
        svm_predict_values(sm, s->rows_nb[i], d);
        stance_confusion_add(conf, s->corpus->labels[i], stance_ovo_vote(s->k, d));
    }
    svm_free_and_destroy_model(&sm);
    return 0;
}

static int fold_liblinear(const train_set *s, const train_plan *p, const bool *use, double c,
                          double *dec, confusion *conf)
{
    struct model *lm = liblinear_fit(s, use, c, p->opt.seed);
    linear_model lin = {0};
    int rc = lm && to_linear(lm, s->k, s->dim, &lin) == 0 ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < s->n; i++) {
        if (use[i])
            continue;
        double *d = dec + i * p->n_dec;
        stance_linear_decision(&lin, (const struct svm_node *)s->rows[i], d);
        stance_confusion_add(conf, s->corpus->labels[i], stance_linear_classify(&lin, s->k, d, NULL));
    }
    free_and_destroy_model(&lm);
    stance_linear_free(&lin);
    return rc;
}

int stance_train_fold(const train_set *s, const train_plan *p, const bool *use, double c,
                      double gamma, double *dec, confusion *conf)
{
    solver_scope sc;
    scope_enter(&sc, p->opt.seed);
    int rc = p->use_svm ? fold_libsvm(s, p, use, c, gamma, dec, conf)
                        : fold_liblinear(s, p, use, c, dec, conf);
    scope_leave(&sc);
    return rc;
}

/* One-vs-one: the collapsed weight vectors of a linear kernel, or the
 * support vectors of RBF. */
static int final_libsvm(const train_set *s, const train_plan *p, double c, double gamma,
                        stance_model *m)
{
    struct svm_model *sm = libsvm_fit(s, NULL, p, c, gamma);
    m->ovo_classes = malloc(s->k * sizeof *m->ovo_classes);
    m->pair_platt = malloc((p->n_dec ? p->n_dec : 1) * sizeof *m->pair_platt);
    if (!sm || !m->ovo_classes || !m->pair_platt) {
        svm_free_and_destroy_model(&sm);
        return -1;
    }
    for (size_t t = 0; t < s->k; t++)
        m->ovo_classes[t] = (int)t;
    if (p->opt.kernel == STANCE_KERNEL_LINEAR) {
        m->kind = CLASSIFIER_OVO_LINEAR;
        int rc = stance_ovo_collapse(sm, s->dim, &m->ovo);
        svm_free_and_destroy_model(&sm);
        return rc;
    }
    m->kind = CLASSIFIER_OVO_KERNEL;
    m->ovo.k = s->k;
    m->ovo.dim = s->dim;
    if (svm_own_vectors(sm) != 0) {
        svm_free_and_destroy_model(&sm);
        return -1;
    }
    m->svm = sm;
    return 0;
}

int stance_train_final(const train_set *s, const train_plan *p, double c, double gamma,
                       stance_model *m)
{
    solver_scope sc;
    scope_enter(&sc, p->opt.seed);
    int rc;
    if (p->use_svm) {
        rc = final_libsvm(s, p, c, gamma, m);
    } else {
        m->kind = CLASSIFIER_OVR;
        struct model *lm = liblinear_fit(s, NULL, c, p->opt.seed);
        rc = lm && to_linear(lm, s->k, s->dim, &m->lin) == 0 ? 0 : -1;
        free_and_destroy_model(&lm);
    }
    scope_leave(&sc);
    return rc;
}
