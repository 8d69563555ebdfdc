/* Training: check the corpus and options, build the training set, choose C
 * (and gamma) by stratified cross-validation on macro-F1, fit on everything,
 * calibrate probabilities by Platt scaling on the cross-validated decision
 * values, and record what was done. One file a step (train_internal.h). */
#include <stdlib.h>
#include <string.h>

#include "models/train_internal.h"

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

double stance_train_grid_c(const train_plan *p, size_t g)
{
    return p->opt.c_grid[g / p->n_gamma];
}

double stance_train_grid_gamma(const train_plan *p, size_t g)
{
    return p->use_svm ? p->opt.gamma_grid[g % p->n_gamma] : 0;
}

/* What the options come to for this corpus, or -1 with err when they cannot
 * be met. */
static int plan(const stance_corpus *c, const stance_train_options *opt_in, train_plan *p,
                stance_error *err)
{
    memset(p, 0, sizeof *p);
    if (opt_in)
        p->opt = *opt_in;
    else
        stance_train_options_default(&p->opt);
    stance_train_options *opt = &p->opt;
    if (!opt->c_grid || opt->n_c == 0) {
        opt->c_grid = DEFAULT_C;
        opt->n_c = sizeof DEFAULT_C / sizeof DEFAULT_C[0];
    }
    if (!opt->gamma_grid || opt->n_gamma == 0) {
        opt->gamma_grid = DEFAULT_GAMMA;
        opt->n_gamma = sizeof DEFAULT_GAMMA / sizeof DEFAULT_GAMMA[0];
    }
    size_t k = c->n_labels, present = 0, fewest = SIZE_MAX, fewest_label = 0;
    for (size_t j = 0; j < k; j++) {
        size_t n = 0;
        for (size_t i = 0; i < c->n; i++)
            n += (size_t)c->labels[i] == j;
        present += n > 0;
        if (n < fewest) {
            fewest = n;
            fewest_label = j;
        }
    }
    if (present < 2)
        return stance_fail(err, c->path, 0, "training needs at least two classes with examples");
    if (opt->folds < 2 || opt->folds > c->n)
        return stance_fail(err, c->path, 0, "cannot cross-validate %zu records in %zu folds",
                           c->n, opt->folds);
    if (opt->kernel == STANCE_KERNEL_RBF && opt->solver == STANCE_SOLVER_LIBLINEAR)
        return stance_fail(err, NULL, 0, "LIBLINEAR trains linear models only: use --solver libsvm for RBF");
    p->use_svm = opt->solver == STANCE_SOLVER_LIBSVM ||
                 (opt->solver == STANCE_SOLVER_AUTO && opt->kernel == STANCE_KERNEL_RBF);
    if (p->use_svm && fewest < 2)
        return stance_fail(err, c->path, 0,
                           "LIBSVM needs at least 2 examples of every label; '%s' has %zu",
                           c->label_names[fewest_label], fewest);
    p->n_dec = p->use_svm ? k * (k - 1) / 2 : (k == 2 ? 1 : k);
    p->n_gamma = p->use_svm && opt->kernel == STANCE_KERNEL_RBF ? opt->n_gamma : 1;
    p->n_grid = opt->n_c * p->n_gamma;
    return 0;
}

static int label_names(stance_model *m, const stance_corpus *c)
{
    m->n_labels = c->n_labels;
    if (!(m->labels = calloc(c->n_labels, sizeof *m->labels)))
        return -1;
    for (size_t j = 0; j < c->n_labels; j++)
        if (!(m->labels[j] = strdup(c->label_names[j])))
            return -1;
    return 0;
}

stance_model *stance_train(const stance_corpus *corpus, const stance_feature_config *features,
                           const stance_train_options *opt, stance_error *err)
{
    train_plan p;
    if (plan(corpus, opt, &p, err) != 0)
        return NULL;
    stance_model *m = calloc(1, sizeof *m);
    train_set s = {0};
    double *scores = calloc(p.n_grid, sizeof *scores);
    double *best_dec = malloc(corpus->n * p.n_dec * sizeof *best_dec);
    bool ok = false;
    long best;
    if (!m || !scores || !best_dec) {
        stance_fail(err, corpus->path, 0, "out of memory");
        goto done;
    }
    if (!(m->vec = stance_vectorizer_new(features, err)) ||
        stance_train_set_build(&s, corpus, &p, m->vec, err) != 0 ||
        (best = stance_train_cross_validate(&s, &p, scores, best_dec, err)) < 0)
        goto done;
    if (p.opt.progress)
        p.opt.progress(p.opt.progress_ctx, &(stance_train_progress){
            .done = true, .best_c = stance_train_grid_c(&p, (size_t)best),
            .best_macro_f1 = scores[best]});
    if (stance_train_final(&s, &p, stance_train_grid_c(&p, (size_t)best),
                           stance_train_grid_gamma(&p, (size_t)best), m) != 0) {
        stance_fail(err, corpus->path, 0, p.use_svm ? "LIBSVM training failed"
                                                    : "training failed (out of memory)");
        goto done;
    }
    if (stance_train_calibrate(&s, &p, best_dec, m) != 0 || label_names(m, corpus) != 0 ||
        !(m->metadata = stance_train_record(&s, &p, scores, (size_t)best))) {
        stance_fail(err, corpus->path, 0, "out of memory");
        goto done;
    }
    ok = true;
done:
    stance_train_set_free(&s);
    free(scores);
    free(best_dec);
    if (ok)
        return m;
    stance_model_free(m);
    return NULL;
}
