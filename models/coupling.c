#include "models/coupling.h"

#include <math.h>
#include <stdlib.h>

int stance_ovo_vote(size_t k, const double *dec)
{
    int stack[64] = {0}, *votes = k <= 64 ? stack : calloc(k, sizeof *votes);
    if (!votes)
        return 0;
    size_t p = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++, p++)
            votes[dec[p] > 0 ? i : j]++;
    size_t best = 0;
    for (size_t i = 1; i < k; i++)
        if (votes[i] > votes[best])
            best = i;
    if (votes != stack)
        free(votes);
    return (int)best;
}

void stance_ovo_probabilities(size_t k, const double *dec, const platt *pairs, double *probs)
{
    /* r[i][j] = P(i | i or j), kept away from 0 and 1 */
    double *r = malloc(k * k * sizeof *r), *q = malloc(k * k * sizeof *q), *qp = malloc(k * sizeof *qp);
    if (!r || !q || !qp) {
        for (size_t i = 0; i < k; i++)
            probs[i] = 1.0 / (double)k;
        free(r);
        free(q);
        free(qp);
        return;
    }
    size_t p = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++, p++) {
            double v = stance_platt_probability(pairs[p], dec[p]);
            v = fmin(fmax(v, 1e-7), 1 - 1e-7);
            r[i * k + j] = v;
            r[j * k + i] = 1 - v;
        }
    /* minimise p'Qp subject to sum p = 1, Q[t][t] = sum_j r_jt^2,
     * Q[t][j] = -r_jt r_tj, by coordinate updates until the optimality
     * condition holds within eps */
    for (size_t t = 0; t < k; t++) {
        probs[t] = 1.0 / (double)k;
        q[t * k + t] = 0;
        for (size_t j = 0; j < k; j++)
            if (j != t) {
                q[t * k + t] += r[j * k + t] * r[j * k + t];
                q[t * k + j] = -r[j * k + t] * r[t * k + j];
            }
    }
    double eps = 0.005 / (double)k;
    for (int iter = 0; iter < 100 || iter < (int)k * 10; iter++) {
        double pqp = 0;
        for (size_t t = 0; t < k; t++) {
            qp[t] = 0;
            for (size_t j = 0; j < k; j++)
                qp[t] += q[t * k + j] * probs[j];
            pqp += probs[t] * qp[t];
        }
        double worst = 0;
        for (size_t t = 0; t < k; t++)
            worst = fmax(worst, fabs(qp[t] - pqp));
        if (worst < eps)
            break;
        for (size_t t = 0; t < k; t++) {
            double diff = (-qp[t] + pqp) / q[t * k + t];
            probs[t] += diff;
            pqp = (pqp + diff * (diff * q[t * k + t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
            for (size_t j = 0; j < k; j++) {
                qp[j] = (qp[j] + diff * q[t * k + j]) / (1 + diff);
                probs[j] /= 1 + diff;
            }
        }
    }
    free(r);
    free(q);
    free(qp);
}
