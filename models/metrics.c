#include "models/metrics.h"

#include <stdlib.h>
#include <string.h>

#include "stance.h"

int stance_confusion_init(confusion *c, size_t k)
{
    c->k = k;
    c->counts = calloc(k > 0 ? k * k : 1, sizeof *c->counts);
    return c->counts ? 0 : -1;
}

void stance_confusion_free(confusion *c)
{
    free(c->counts);
    memset(c, 0, sizeof *c);
}

void stance_confusion_add(confusion *c, int gold, int predicted)
{
    if (gold >= 0 && predicted >= 0 && (size_t)gold < c->k && (size_t)predicted < c->k)
        c->counts[(size_t)gold * c->k + (size_t)predicted]++;
}

uint64_t stance_confusion_total(const confusion *c)
{
    uint64_t n = 0;
    for (size_t i = 0; i < c->k * c->k; i++)
        n += c->counts[i];
    return n;
}

double stance_metric_accuracy(const confusion *c)
{
    uint64_t n = stance_confusion_total(c), right = 0;
    for (size_t i = 0; i < c->k; i++)
        right += c->counts[i * c->k + i];
    return n ? (double)right / (double)n : 0;
}

void stance_class_scores(const uint64_t *conf, size_t k, size_t c, double *precision,
                         double *recall, double *f1)
{
    uint64_t tp = conf[c * k + c], predicted = 0, gold = 0;
    for (size_t i = 0; i < k; i++) {
        predicted += conf[i * k + c];
        gold += conf[c * k + i];
    }
    double p = predicted ? (double)tp / (double)predicted : 0;
    double r = gold ? (double)tp / (double)gold : 0;
    *precision = p;
    *recall = r;
    *f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void stance_metric_class(const confusion *c, size_t cls, double *precision, double *recall, double *f1)
{
    stance_class_scores(c->counts, c->k, cls, precision, recall, f1);
}

double stance_metric_mean_f1(const confusion *c, const int *classes, size_t n)
{
    double sum = 0, p, r, f;
    for (size_t i = 0; i < n; i++) {
        stance_metric_class(c, (size_t)classes[i], &p, &r, &f);
        sum += f;
    }
    return n ? sum / (double)n : 0;
}

double stance_metric_macro_f1(const confusion *c)
{
    double sum = 0, p, r, f;
    for (size_t i = 0; i < c->k; i++) {
        stance_metric_class(c, i, &p, &r, &f);
        sum += f;
    }
    return c->k ? sum / (double)c->k : 0;
}
