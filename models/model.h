/* Inside a model: the vectorizer, the label names and a linear classifier
 * held as weight vectors, so that prediction costs O(non-zeros of the text). */
#ifndef STANCE_MODELS_MODEL_H
#define STANCE_MODELS_MODEL_H

#include <stddef.h>

#include <libsvm/svm.h>

#include "models/platt.h"
#include "models/svm_collapse.h"
#include "stance.h"

/* One-vs-rest weight vectors. With two classes there is one vector, for
 * class 0 against class 1 (decision > 0 means class 0). */
typedef struct linear_model {
    size_t dim;    /* feature columns 1..dim */
    size_t n_vec;  /* weight vectors: 1 for two classes, else one per class */
    double *w;     /* w[(col - 1) * n_vec + j] */
    double *b;     /* b[j] */
    platt *platt;  /* probability calibration of each vector */
} linear_model;

typedef enum classifier_kind {
    CLASSIFIER_OVR,        /* LIBLINEAR: one-vs-rest weight vectors (lin) */
    CLASSIFIER_OVO_LINEAR, /* LIBSVM, linear kernel, collapsed (ovo) */
    CLASSIFIER_OVO_KERNEL, /* LIBSVM, RBF kernel, support vectors (svm) */
} classifier_kind;

struct stance_model {
    stance_vectorizer *vec;
    char **labels;
    size_t n_labels;
    classifier_kind kind;
    linear_model lin;
    ovo_linear ovo;
    struct svm_model *svm;
    /* one-vs-one: LIBSVM's class order (its labels are our label indices)
     * and a Platt sigmoid per pair for the pairwise probabilities */
    int *ovo_classes;
    platt *pair_platt;
    char *metadata; /* JSON text */
};

void stance_linear_free(linear_model *lin);
/* Decision values of x: out[n_vec]. */
void stance_linear_decision(const linear_model *lin, const struct svm_node *x, double *out);
/* The class with the highest decision value, and probabilities. */
int stance_linear_classify(const linear_model *lin, size_t n_labels, const double *decision, double *probs);
/* One-vs-one: vote and couple pairwise probabilities; classes[c] maps
 * LIBSVM's class c to our label index. Returns our label index. */
int stance_ovo_classify(size_t k, const int *classes, const double *dec, const platt *pairs, double *probs);

#endif
