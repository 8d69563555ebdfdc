/* Cross-validation over the grid of C (and gamma, for RBF): stratified
 * folds, macro-F1 of the held-out predictions, the best grid point first
 * found on ties. */
#include <stdlib.h>
#include <string.h>

#include "models/folds.h"
#include "models/train_internal.h"

/* Macro-F1 of one grid point; its held-out decision values into dec. */
static int grid_point(const train_set *s, const train_plan *p, const int *fold, bool *use,
                      size_t g, double *dec, double *score)
{
    double c = stance_train_grid_c(p, g), gamma = stance_train_grid_gamma(p, g);
    confusion conf;
    if (stance_confusion_init(&conf, s->k) != 0)
        return -1;
    int rc = 0;
    for (size_t f = 0; rc == 0 && f < p->opt.folds; f++) {
        if (p->opt.progress)
            p->opt.progress(p->opt.progress_ctx, &(stance_train_progress){
                .c = c, .gamma = gamma, .fold = f + 1, .folds = p->opt.folds});
        for (size_t i = 0; i < s->n; i++)
            use[i] = (size_t)fold[i] != f;
        rc = stance_train_fold(s, p, use, c, gamma, dec, &conf);
    }
    *score = stance_metric_macro_f1(&conf);
    stance_confusion_free(&conf);
    return rc;
}

long stance_train_cross_validate(const train_set *s, const train_plan *p, double *scores,
                                 double *best_dec, stance_error *err)
{
    const char *path = s->corpus->path;
    int *fold = malloc(s->n * sizeof *fold);
    bool *use = malloc(s->n * sizeof *use);
    double *dec = malloc(s->n * p->n_dec * sizeof *dec);
    long best = -1;
    if (!fold || !use || !dec ||
        stance_stratified_folds(s->corpus->labels, s->n, s->k, p->opt.folds, p->opt.seed, fold) != 0) {
        stance_fail(err, path, 0, "out of memory");
        goto done;
    }
    for (size_t g = 0; g < p->n_grid; g++) {
        if (grid_point(s, p, fold, use, g, dec, &scores[g]) != 0) {
            stance_fail(err, path, 0, p->use_svm ? "LIBSVM training failed"
                                                 : "training failed (out of memory)");
            best = -1;
            goto done;
        }
        if (best < 0 || scores[g] > scores[best]) {
            best = (long)g;
            memcpy(best_dec, dec, s->n * p->n_dec * sizeof *dec);
        }
    }
done:
    free(fold);
    free(use);
    free(dec);
    return best;
}
