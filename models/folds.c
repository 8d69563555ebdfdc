#include "models/folds.h"

#include <stdlib.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

int stance_stratified_folds(const int *labels, size_t n, size_t n_labels, size_t k, unsigned long seed,
                     int *fold)
{
    if (k == 0)
        return -1;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!order || !rng) {
        free(order);
        gsl_rng_free(rng);
        return -1;
    }
    gsl_rng_set(rng, seed);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    gsl_ran_shuffle(rng, order, n, sizeof *order);
    /* deal each class's records round the folds in turn, carrying on from
     * where the previous class stopped so fold sizes stay even */
    size_t next = 0;
    for (size_t cls = 0; cls < n_labels; cls++)
        for (size_t i = 0; i < n; i++)
            if ((size_t)labels[order[i]] == cls)
                fold[order[i]] = (int)(next++ % k);
    free(order);
    gsl_rng_free(rng);
    return 0;
}
