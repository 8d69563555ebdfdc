/* Class probabilities from one-vs-one classifiers: each pair's decision value
 * is turned into P(i | i or j) by its own Platt sigmoid, and the pairwise
 * probabilities are coupled into one distribution by the second method of
 * Wu, Lin and Weng (2004), "Probability estimates for multi-class
 * classification by pairwise coupling" (the one LIBSVM uses). */
#ifndef STANCE_MODELS_COUPLING_H
#define STANCE_MODELS_COUPLING_H

#include <stddef.h>

#include "models/platt.h"

/* dec[n_pairs] in the order (0,1), (0,2), ..., (1,2), ...; probs[k] out.
 * Returns the class with the most votes (the first of ties), as LIBSVM. */
int stance_ovo_vote(size_t k, const double *dec);
void stance_ovo_probabilities(size_t k, const double *dec, const platt *pairs, double *probs);

#endif
