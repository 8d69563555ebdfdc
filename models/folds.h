/* Stratified k-fold assignment: every record lands in exactly one fold and
 * each fold keeps the class proportions of the whole (within one record per
 * class). The shuffle is seeded, so the same labels and seed always give the
 * same folds. */
#ifndef STANCE_MODELS_FOLDS_H
#define STANCE_MODELS_FOLDS_H

#include <stddef.h>

/* fold[i] in [0, k) for each of the n labels (labels in [0, n_labels)). */
int stance_stratified_folds(const int *labels, size_t n, size_t n_labels, size_t k, unsigned long seed,
                     int *fold);

#endif
