/* Platt scaling: a sigmoid P(y = 1 | f) = 1 / (1 + exp(A f + B)) fitted to
 * decision values f and binary targets by Newton's method with a
 * backtracking line search (Lin, Lin and Weng's formulation of Platt's
 * method, with Platt's smoothed targets against over-fitting). */
#ifndef STANCE_MODELS_PLATT_H
#define STANCE_MODELS_PLATT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct platt {
    double a, b;
} platt;

/* Fit on n decision values with targets positive[i]. */
platt stance_platt_fit(const double *f, const bool *positive, size_t n);
double stance_platt_probability(platt p, double f);

#endif
