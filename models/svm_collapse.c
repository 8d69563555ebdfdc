#include "models/svm_collapse.h"

#include "models/coupling.h"

#include <stdlib.h>
#include <string.h>

void stance_ovo_free(ovo_linear *o)
{
    free(o->w);
    free(o->b);
    free(o->labels);
    memset(o, 0, sizeof *o);
}

int stance_ovo_collapse(const struct svm_model *m, size_t dim, ovo_linear *out)
{
    memset(out, 0, sizeof *out);
    if (m->param.svm_type != C_SVC || m->param.kernel_type != LINEAR || m->nr_class < 2)
        return -1;
    size_t k = (size_t)m->nr_class, pairs = k * (k - 1) / 2;
    out->dim = dim;
    out->k = k;
    out->n_pairs = pairs;
    out->w = calloc(dim > 0 ? dim * pairs : 1, sizeof *out->w);
    out->b = malloc(pairs * sizeof *out->b);
    out->labels = malloc(k * sizeof *out->labels);
    size_t *start = malloc(k * sizeof *start);
    if (!out->w || !out->b || !out->labels || !start) {
        free(start);
        stance_ovo_free(out);
        return -1;
    }
    for (size_t i = 0; i < k; i++) {
        out->labels[i] = m->label[i];
        start[i] = i ? start[i - 1] + (size_t)m->nSV[i - 1] : 0;
    }
    size_t p = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++, p++) {
            /* the support vectors of class i carry coefficients in row j - 1,
             * those of class j in row i (LIBSVM's layout) */
            for (int side = 0; side < 2; side++) {
                size_t cls = side ? j : i, row = side ? i : j - 1;
                for (size_t s = start[cls]; s < start[cls] + (size_t)m->nSV[cls]; s++) {
                    double coef = m->sv_coef[row][s];
                    for (const struct svm_node *n = m->SV[s]; n->index != -1; n++)
                        if (n->index >= 1 && (size_t)n->index <= dim)
                            out->w[(size_t)(n->index - 1) * pairs + p] += coef * n->value;
                }
            }
            out->b[p] = -m->rho[p];
        }
    free(start);
    return 0;
}

int stance_ovo_predict(const ovo_linear *o, const struct svm_node *x, double *dec)
{
    for (size_t p = 0; p < o->n_pairs; p++)
        dec[p] = o->b[p];
    for (; x->index != -1; x++) {
        if (x->index < 1 || (size_t)x->index > o->dim)
            continue;
        const double *w = o->w + (size_t)(x->index - 1) * o->n_pairs;
        for (size_t p = 0; p < o->n_pairs; p++)
            dec[p] += w[p] * x->value;
    }
    int best = stance_ovo_vote(o->k, dec);
    return o->labels[best];
}
