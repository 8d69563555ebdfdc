/* The steps of training (models/train*.c), in the order stance_train runs
 * them: build the training set (train_data.c), cross-validate the grid of C
 * and gamma (train_cv.c), fit the final model (train_solvers.c), calibrate
 * its probabilities and record what was done (train_record.c). */
#ifndef STANCE_MODELS_TRAIN_INTERNAL_H
#define STANCE_MODELS_TRAIN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <libsvm/svm.h>
#include <linear.h>

#include "models/metrics.h"
#include "models/model.h"
#include "stance.h"

/* The corpus as the solvers see it. LIBLINEAR's rows carry a bias feature
 * (index dim + 1, value 1); LIBSVM's rows (rows_nb, only when use_svm) do not. */
typedef struct train_set {
    const stance_corpus *corpus;
    size_t n, dim, k;
    struct feature_node **rows;
    struct svm_node **rows_nb;
    double *y;             /* label index of each row */
    size_t *per_class;     /* rows of each label */
    size_t present;        /* labels with rows */
    double *class_w;       /* the weight of each label */
} train_set;

/* What the options come to. */
typedef struct train_plan {
    stance_train_options opt;
    bool use_svm;          /* LIBSVM (one-vs-one), else LIBLINEAR (one-vs-rest) */
    size_t n_dec;          /* decision values a record: pairs, or vectors */
    size_t n_gamma;        /* gamma values tried (1 unless RBF) */
    size_t n_grid;         /* grid points: C values x gamma values */
} train_plan;

double stance_train_grid_c(const train_plan *p, size_t g);
double stance_train_grid_gamma(const train_plan *p, size_t g);

/* ---- train_data.c ---- */
/* Fit the model's vectorizer and vectorise the corpus into s. -1 with err. */
int stance_train_set_build(train_set *s, const stance_corpus *c, const train_plan *p,
                           stance_vectorizer *v, stance_error *err);
void stance_train_set_free(train_set *s);

/* ---- train_solvers.c: LIBLINEAR and LIBSVM on the rows where use[i] (NULL: all) ---- */
/* Decision values of the held-out rows (!use[i]) into dec[i * n_dec ...],
 * their votes into conf. -1 when a solver fails. */
int stance_train_fold(const train_set *s, const train_plan *p, const bool *use, double c,
                      double gamma, double *dec, confusion *conf);
/* The final classifier on every row, into m. -1 when a solver fails. */
int stance_train_final(const train_set *s, const train_plan *p, double c, double gamma,
                       stance_model *m);

/* ---- train_cv.c ---- */
/* Cross-validated macro-F1 of each grid point into scores[n_grid], and the
 * decision values of the best one into best_dec[n * n_dec]; returns the best
 * grid point, or -1 with err. */
long stance_train_cross_validate(const train_set *s, const train_plan *p, double *scores,
                                 double *best_dec, stance_error *err);

/* ---- train_record.c ---- */
/* Platt sigmoids fitted on the cross-validated decision values. -1 when out of memory. */
int stance_train_calibrate(const train_set *s, const train_plan *p, const double *best_dec,
                           stance_model *m);
/* The training record as JSON text (the model's metadata); NULL when out of memory. */
char *stance_train_record(const train_set *s, const train_plan *p, const double *scores,
                          size_t best);

#endif
