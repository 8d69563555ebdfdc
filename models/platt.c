#include "models/platt.h"

#include <math.h>

double stance_platt_probability(platt p, double f)
{
    double z = p.a * f + p.b;
    /* written so that exp never overflows */
    return z >= 0 ? exp(-z) / (1 + exp(-z)) : 1 / (1 + exp(z));
}

platt stance_platt_fit(const double *f, const bool *positive, size_t n)
{
    double prior1 = 0, prior0 = 0;
    for (size_t i = 0; i < n; i++)
        positive[i] ? prior1++ : prior0++;
    const double hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2);
    const double min_step = 1e-10, sigma = 1e-12, eps = 1e-5;
    double a = 0, b = log((prior0 + 1) / (prior1 + 1)), fval = 0;

    /* the negative log-likelihood at (a, b) */
    #define NLL(A, B, OUT)                                                                        \
        do {                                                                                      \
            OUT = 0;                                                                              \
            for (size_t i_ = 0; i_ < n; i_++) {                                                   \
                double t_ = positive[i_] ? hi : lo, z_ = f[i_] * (A) + (B);                       \
                OUT += z_ >= 0 ? t_ * z_ + log1p(exp(-z_)) : (t_ - 1) * z_ + log1p(exp(z_));      \
            }                                                                                     \
        } while (0)

    NLL(a, b, fval);
    for (int iter = 0; iter < 100; iter++) {
        double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
        for (size_t i = 0; i < n; i++) {
            double t = positive[i] ? hi : lo, z = f[i] * a + b, p, q;
            if (z >= 0) {
                p = exp(-z) / (1 + exp(-z));
                q = 1 / (1 + exp(-z));
            } else {
                p = 1 / (1 + exp(z));
                q = exp(z) / (1 + exp(z));
            }
            double d2 = p * q;
            h11 += f[i] * f[i] * d2;
            h22 += d2;
            h21 += f[i] * d2;
            double d1 = t - p;
            g1 += f[i] * d1;
            g2 += d1;
        }
        if (fabs(g1) < eps && fabs(g2) < eps)
            break;
        double det = h11 * h22 - h21 * h21;
        double da = -(h22 * g1 - h21 * g2) / det, db = -(-h21 * g1 + h11 * g2) / det;
        double gd = g1 * da + g2 * db, step = 1;
        while (step >= min_step) {
            double na = a + step * da, nb = b + step * db, nf;
            NLL(na, nb, nf);
            if (nf < fval + 1e-4 * step * gd) {
                a = na;
                b = nb;
                fval = nf;
                break;
            }
            step /= 2;
        }
        if (step < min_step)
            break;
    }
    #undef NLL
    return (platt){a, b};
}
