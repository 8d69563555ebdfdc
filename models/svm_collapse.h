/* A linear-kernel LIBSVM model collapsed into weight vectors. LIBSVM keeps a
 * linear model as support vectors, so its prediction costs O(support vectors
 * x non-zeros); each one-vs-one decision function
 *   f_ij(x) = sum_s coef_s <sv_s, x> - rho_ij
 * is linear in x, so its support vectors add up to one weight vector w_ij and
 * prediction costs O(non-zeros of x x pairs). Classes vote as in LIBSVM. */
#ifndef STANCE_MODELS_SVM_COLLAPSE_H
#define STANCE_MODELS_SVM_COLLAPSE_H

#include <stddef.h>

#include <libsvm/svm.h>

typedef struct ovo_linear {
    size_t dim;      /* feature columns 1..dim */
    size_t k;        /* classes */
    size_t n_pairs;  /* k (k - 1) / 2, in LIBSVM's order (0,1), (0,2), ..., (1,2), ... */
    double *w;       /* w[(col - 1) * n_pairs + p] */
    double *b;       /* b[p] = -rho[p] */
    int *labels;     /* LIBSVM's label of each class */
} ovo_linear;

/* Collapse a C-SVC model with a linear kernel over columns 1..dim. */
int stance_ovo_collapse(const struct svm_model *m, size_t dim, ovo_linear *out);
void stance_ovo_free(ovo_linear *o);
/* Decision values (dec[n_pairs]) and the predicted label, as svm_predict. */
int stance_ovo_predict(const ovo_linear *o, const struct svm_node *x, double *dec);

#endif
