/* Prediction and explanation with a linear model. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/coupling.h"
#include "models/model.h"

void stance_linear_decision(const linear_model *lin, const struct svm_node *x, double *out)
{
    for (size_t j = 0; j < lin->n_vec; j++)
        out[j] = lin->b[j];
    for (; x->index != -1; x++) {
        if (x->index < 1 || (size_t)x->index > lin->dim)
            continue;
        const double *w = lin->w + (size_t)(x->index - 1) * lin->n_vec;
        for (size_t j = 0; j < lin->n_vec; j++)
            out[j] += w[j] * x->value;
    }
}

int stance_linear_classify(const linear_model *lin, size_t n_labels, const double *decision, double *probs)
{
    if (lin->n_vec == 1) {
        double p0 = stance_platt_probability(lin->platt[0], decision[0]);
        if (probs) {
            probs[0] = p0;
            probs[1] = 1 - p0;
        }
        return decision[0] > 0 ? 0 : 1;
    }
    int best = 0;
    double total = 0;
    for (size_t j = 0; j < n_labels; j++) {
        if (decision[j] > decision[best])
            best = (int)j;
        if (probs)
            total += probs[j] = stance_platt_probability(lin->platt[j], decision[j]);
    }
    for (size_t j = 0; probs && j < n_labels; j++)
        probs[j] = total > 0 ? probs[j] / total : 1.0 / (double)n_labels;
    return best;
}

int stance_ovo_classify(size_t k, const int *classes, const double *dec, const platt *pairs, double *probs)
{
    if (probs) {
        double stack[16], *p = k <= 16 ? stack : malloc(k * sizeof *p);
        if (p) {
            stance_ovo_probabilities(k, dec, pairs, p);
            for (size_t c = 0; c < k; c++)
                probs[classes[c]] = p[c];
            if (p != stack)
                free(p);
        }
    }
    return classes[stance_ovo_vote(k, dec)];
}

size_t stance_model_n_labels(const stance_model *m)
{
    return m->n_labels;
}

const char *stance_model_label(const stance_model *m, size_t i)
{
    return i < m->n_labels ? m->labels[i] : NULL;
}

const char *const *stance_model_labels(const stance_model *m)
{
    return (const char *const *)m->labels;
}

int stance_model_label_index(const stance_model *m, const char *name)
{
    for (size_t i = 0; i < m->n_labels; i++)
        if (strcmp(m->labels[i], name) == 0)
            return (int)i;
    return -1;
}

const char *stance_model_metadata(const stance_model *m)
{
    return m->metadata ? m->metadata : "{}";
}

int stance_model_predict(const stance_model *m, const char *text, size_t len, stance_sparse *work,
                         double *probs, stance_error *err)
{
    if (stance_vectorizer_transform(m->vec, text, len, work, err) != 0)
        return -1;
    size_t k = m->n_labels, n = m->kind == CLASSIFIER_OVR ? m->lin.n_vec : k * (k - 1) / 2;
    double stack[32], *decision = n <= 32 ? stack : malloc(n * sizeof *decision);
    if (!decision)
        return stance_fail(err, NULL, 0, "out of memory");
    int label;
    if (m->kind == CLASSIFIER_OVR) {
        stance_linear_decision(&m->lin, work->nodes, decision);
        label = stance_linear_classify(&m->lin, k, decision, probs);
    } else {
        if (m->kind == CLASSIFIER_OVO_LINEAR)
            stance_ovo_predict(&m->ovo, work->nodes, decision);
        else
            svm_predict_values(m->svm, work->nodes, decision);
        label = stance_ovo_classify(k, m->ovo_classes, decision, m->pair_platt, probs);
    }
    if (decision != stack)
        free(decision);
    return label;
}

/* Insert t into terms[0..*n), kept in decreasing weight, at most k long. */
static void keep_top(stance_term *terms, size_t *n, size_t k, stance_term t)
{
    size_t i = *n < k ? (*n)++ : k - 1;
    while (i > 0 && terms[i - 1].weight < t.weight) {
        terms[i] = terms[i - 1];
        i--;
    }
    terms[i] = t;
}

size_t stance_model_explain(const stance_model *m, const stance_sparse *work, int label,
                            stance_term *terms, size_t k)
{
    if (label < 0 || (size_t)label >= m->n_labels || k == 0 || !work->nodes)
        return 0;
    if (m->kind == CLASSIFIER_OVO_KERNEL)
        return 0; /* support vectors have no per-term weights */
    /* with one vector, class 1 is its negative side */
    size_t j = m->lin.n_vec == 1 ? 0 : (size_t)label;
    double sign = m->lin.n_vec == 1 && label == 1 ? -1 : 1;
    size_t n = 0;
    size_t dim = m->kind == CLASSIFIER_OVR ? m->lin.dim : m->ovo.dim;
    for (size_t i = 0; i < work->nnz; i++) {
        const struct svm_node *x = &work->nodes[i];
        if (x->index < 1 || (size_t)x->index > dim)
            continue;
        double c;
        if (m->kind == CLASSIFIER_OVR) {
            c = sign * m->lin.w[(size_t)(x->index - 1) * m->lin.n_vec + j] * x->value;
        } else {
            /* toward label: its side of every pair it is in */
            const double *w = m->ovo.w + (size_t)(x->index - 1) * m->ovo.n_pairs;
            size_t p = 0;
            c = 0;
            for (size_t a = 0; a < m->ovo.k; a++)
                for (size_t b = a + 1; b < m->ovo.k; b++, p++) {
                    if (m->ovo_classes[a] == label)
                        c += w[p] * x->value;
                    else if (m->ovo_classes[b] == label)
                        c -= w[p] * x->value;
                }
        }
        if (c <= 0 || (n == k && c <= terms[k - 1].weight))
            continue;
        stance_term t = {stance_vectorizer_feature_name(m->vec, x->index), c};
        if (!t.name)
            t.name = "(hashed feature)";
        keep_top(terms, &n, k, t);
    }
    return n;
}
void stance_linear_free(linear_model *lin)
{
    free(lin->w);
    free(lin->b);
    free(lin->platt);
    memset(lin, 0, sizeof *lin);
}

void stance_model_free(stance_model *m)
{
    if (!m)
        return;
    stance_vectorizer_free(m->vec);
    for (size_t i = 0; m->labels && i < m->n_labels; i++)
        free(m->labels[i]);
    free(m->labels);
    stance_linear_free(&m->lin);
    stance_ovo_free(&m->ovo);
    svm_free_and_destroy_model(&m->svm);
    free(m->ovo_classes);
    free(m->pair_platt);
    free(m->metadata);
    free(m);
}
