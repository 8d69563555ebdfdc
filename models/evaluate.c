/* Evaluation: a model's predictions on a labeled corpus, as a confusion
 * matrix and the measures computed from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/metrics.h"
#include "stance.h"

void stance_evaluation_free(stance_evaluation *e)
{
    free(e->confusion);
    free(e->precision);
    free(e->recall);
    free(e->f1);
    free(e->averaged);
    memset(e, 0, sizeof *e);
}

/* Which classes the SemEval measure averages. */
static int choose_averaged(const stance_model *m, const stance_eval_options *opt, bool *averaged,
                           stance_error *err)
{
    size_t k = stance_model_n_labels(m);
    if (!opt || !opt->pos_classes) {
        for (size_t i = 0; i < k; i++) {
            const char *name = stance_model_label(m, i);
            averaged[i] = strcmp(name, "neutral") != 0 && strcmp(name, "none") != 0;
        }
        return 0;
    }
    for (size_t i = 0; i < opt->n_pos; i++) {
        int idx = stance_model_label_index(m, opt->pos_classes[i]);
        if (idx < 0)
            return stance_fail(err, NULL, 0, "the model has no class '%s'", opt->pos_classes[i]);
        averaged[idx] = true;
    }
    return 0;
}

static void measures(stance_evaluation *e)
{
    size_t n_pos = 0;
    uint64_t right = 0;
    for (size_t i = 0; i < e->k; i++) {
        right += e->confusion[i * e->k + i];
        stance_class_scores(e->confusion, e->k, i, &e->precision[i], &e->recall[i], &e->f1[i]);
        e->macro_f1 += e->f1[i] / (double)e->k;
        if (e->averaged[i]) {
            e->semeval_f1 += e->f1[i];
            n_pos++;
        }
    }
    e->semeval_f1 = n_pos ? e->semeval_f1 / (double)n_pos : 0;
    e->accuracy = e->records ? (double)right / (double)e->records : 0;
}

int stance_evaluate(const stance_model *m, const stance_corpus *c, const stance_eval_options *opt,
                    stance_evaluation *e, stance_error *err)
{
    memset(e, 0, sizeof *e);
    size_t k = e->k = stance_model_n_labels(m);
    e->names = stance_model_labels(m);
    e->confusion = calloc(k * k, sizeof *e->confusion);
    e->precision = calloc(k, sizeof *e->precision);
    e->recall = calloc(k, sizeof *e->recall);
    e->f1 = calloc(k, sizeof *e->f1);
    e->averaged = calloc(k, sizeof *e->averaged);
    double *probs = calloc(k, sizeof *probs);
    stance_sparse work = {0};
    int rc = 0;
    if (!e->confusion || !e->precision || !e->recall || !e->f1 || !e->averaged || !probs)
        rc = stance_fail(err, c->path, 0, "out of memory");
    else
        rc = choose_averaged(m, opt, e->averaged, err);
    for (size_t i = 0; rc == 0 && i < c->n; i++) {
        int label = stance_model_predict(m, c->texts[i], c->text_lens[i], &work, probs, err);
        if (label < 0) {
            if (err) { /* the record's place */
                snprintf(err->file, sizeof err->file, "%s", c->path);
                err->line = c->lines[i];
            }
            rc = -1;
            break;
        }
        if (opt && opt->prediction && opt->prediction(opt->ctx, i, label, probs, err) != 0) {
            rc = -1;
            break;
        }
        e->confusion[(size_t)c->labels[i] * k + (size_t)label]++;
        e->records++;
    }
    if (rc == 0)
        measures(e);
    stance_sparse_free(&work);
    free(probs);
    if (rc != 0)
        stance_evaluation_free(e);
    return rc;
}
