/* Uncertainty for reports, computed from counts with GSL. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "pipeline/report/report.h"


report_interval stance_report_share(uint64_t k, uint64_t n)
{
    if (n == 0)
        return (report_interval){NAN, NAN, NAN};
    /* Wilson's score interval keeps within [0, 1] and behaves for small n and
     * for shares near 0 or 1, unlike the normal approximation. */
    double z = gsl_cdf_ugaussian_Pinv(0.975);
    double p = (double)k / (double)n, nn = (double)n;
    double denom = 1 + z * z / nn;
    double centre = (p + z * z / (2 * nn)) / denom;
    double half = z * sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
    double lo = centre - half, hi = centre + half;
    return (report_interval){p, lo < 0 ? 0 : lo, hi > 1 ? 1 : hi};
}

report_interval stance_report_net_index(const report_counts *c)
{
    uint64_t n = stance_report_counts_n(c);
    if (n == 0)
        return (report_interval){NAN, NAN, NAN};
    /* The index is the difference of two shares of one multinomial sample.
     * Its interval combines their Wilson intervals (Newcombe's square-and-add
     * method), with the negative correlation of the two shares taken into
     * account. It contains the estimate, stays in [-1, 1] and behaves for
     * small n, where the normal approximation does not. */
    report_interval c1 = stance_report_share(c->stance[REPORT_CONCILIATORY], n);
    report_interval a1 = stance_report_share(c->stance[REPORT_ADVERSARIAL], n);
    double p1 = c1.value, p2 = a1.value, d = p1 - p2;
    double phi = 0;
    if (p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)
        phi = -sqrt(p1 * p2 / ((1 - p1) * (1 - p2)));
    double dl1 = p1 - c1.lo, du1 = c1.hi - p1, dl2 = p2 - a1.lo, du2 = a1.hi - p2;
    double lo = d - sqrt(fmax(0, dl1 * dl1 + du2 * du2 - 2 * phi * dl1 * du2));
    double hi = d + sqrt(fmax(0, du1 * du1 + dl2 * dl2 - 2 * phi * du1 * dl2));
    return (report_interval){d, lo < -1 ? -1 : lo, hi > 1 ? 1 : hi};
}

/* Monte Carlo p-value of the chi-square statistic given the table's margins:
 * tables are drawn from the multivariate hypergeometric distribution (what a
 * permutation of the labels gives) with a fixed seed, so the same counts give
 * the same p-value. Used when expected counts are too small for the
 * chi-square distribution. */
static double chisq_stat(const double a[], const double b[], const double col[], int cols,
                         double na, double nb)
{
    double n = na + nb, stat = 0;
    for (int j = 0; j < cols; j++) {
        double ea = na * col[j] / n, eb = nb * col[j] / n;
        stat += (a[j] - ea) * (a[j] - ea) / ea + (b[j] - eb) * (b[j] - eb) / eb;
    }
    return stat;
}

#define PERMUTATION_DRAWS 20000

static double permutation_p(const double col[], int cols, double na, double nb, double observed)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!rng)
        return NAN;
    uint64_t key[8] = {(uint64_t)na, (uint64_t)nb};
    for (int j = 0; j < cols; j++)
        key[2 + j] = (uint64_t)col[j];
    gsl_rng_set(rng, (unsigned long)stance_hash64(key, sizeof key));
    long hits = 0;
    for (int d = 0; d < PERMUTATION_DRAWS; d++) {
        double a[REPORT_N_STANCES], b[REPORT_N_STANCES];
        unsigned left_a = (unsigned)na, left = (unsigned)(na + nb);
        for (int j = 0; j < cols; j++) {
            /* of col[j] items, how many land in a, when left_a of the left remain for a */
            unsigned k = j == cols - 1 ? left_a
                                       : gsl_ran_hypergeometric(rng, left_a, left - left_a, (unsigned)col[j]);
            a[j] = k;
            b[j] = col[j] - k;
            left_a -= k;
            left -= (unsigned)col[j];
        }
        if (chisq_stat(a, b, col, cols, na, nb) >= observed - 1e-9)
            hits++;
    }
    gsl_rng_free(rng);
    return (hits + 1.0) / (PERMUTATION_DRAWS + 1.0);
}

double stance_report_chisq(const report_counts *a, const report_counts *b, int *df, double *p,
                    bool *sparse)
{
    double na = (double)stance_report_counts_n(a), nb = (double)stance_report_counts_n(b), n = na + nb;
    *sparse = false;
    *df = 0;
    *p = 1;
    if (na == 0 || nb == 0)
        return 0;
    double ca[REPORT_N_STANCES], cb[REPORT_N_STANCES], col[REPORT_N_STANCES];
    int cols = 0;
    for (int j = 0; j < REPORT_N_STANCES; j++) {
        double total = (double)(a->stance[j] + b->stance[j]);
        if (total == 0)
            continue; /* a stance neither country used carries no information */
        ca[cols] = (double)a->stance[j];
        cb[cols] = (double)b->stance[j];
        col[cols] = total;
        if (na * total / n < 5 || nb * total / n < 5)
            *sparse = true;
        cols++;
    }
    double stat = chisq_stat(ca, cb, col, cols, na, nb);
    *df = cols - 1;
    if (*df > 0)
        *p = *sparse && n < 4e9 ? permutation_p(col, cols, na, nb, stat) : gsl_cdf_chisq_Q(stat, *df);
    return stat;
}

double stance_report_mean_sentiment(const country_stats *s)
{
    uint64_t n = s->sentiment[0] + s->sentiment[1] + s->sentiment[2];
    if (n == 0)
        return NAN;
    return ((double)s->sentiment[REPORT_POSITIVE] - (double)s->sentiment[REPORT_NEGATIVE]) / (double)n;
}
