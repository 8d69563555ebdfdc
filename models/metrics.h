/* Classification metrics from a confusion matrix: accuracy, per-class
 * precision, recall and F1, macro-F1, and the mean F1 of chosen classes (the
 * SemEval stance measure averages the two non-neutral classes). */
#ifndef STANCE_MODELS_METRICS_H
#define STANCE_MODELS_METRICS_H

#include <stddef.h>
#include <stdint.h>

typedef struct confusion {
    size_t k;           /* classes */
    uint64_t *counts;   /* counts[gold * k + predicted] */
} confusion;

int stance_confusion_init(confusion *c, size_t k);
void stance_confusion_free(confusion *c);
void stance_confusion_add(confusion *c, int gold, int predicted);
uint64_t stance_confusion_total(const confusion *c);

double stance_metric_accuracy(const confusion *c);
/* Precision, recall and F1 of one class; 0 where undefined (no predictions
 * or no gold items of the class), as scikit-learn reports them. */
void stance_metric_class(const confusion *c, size_t cls, double *precision, double *recall, double *f1);
double stance_metric_macro_f1(const confusion *c);
/* Mean F1 of the listed classes. */
double stance_metric_mean_f1(const confusion *c, const int *classes, size_t n);

#endif
