/* Scoring: statements of an article -> stance and sentiment with class
 * probabilities and the terms behind the stance, as JSONL. */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "pipeline/score/statement_json.h"

struct stance_scorer {
    stance_extractor *x;
    const stance_model *stance, *sentiment;
    size_t top_terms;
    stance_sparse work;
    double *probs;
    stance_term *terms;
};

stance_scorer *stance_scorer_new(const stance_gazetteer *g, const stance_model *stance,
                                 const stance_model *sentiment, size_t top_terms,
                                 stance_error *err)
{
    stance_scorer *s = calloc(1, sizeof *s);
    size_t labels = stance_model_n_labels(stance);
    if (sentiment && stance_model_n_labels(sentiment) > labels)
        labels = stance_model_n_labels(sentiment);
    if (s) {
        s->probs = calloc(labels, sizeof *s->probs);
        /* room to pick word terms among the strongest */
        s->terms = calloc(top_terms * 8 + 8, sizeof *s->terms);
    }
    if (!s || !s->probs || !s->terms) {
        stance_scorer_free(s);
        stance_fail(err, "", 0, "out of memory");
        return NULL;
    }
    s->stance = stance;
    s->sentiment = sentiment;
    s->top_terms = top_terms;
    if (!(s->x = stance_extractor_new(g, err))) {
        stance_scorer_free(s);
        return NULL;
    }
    return s;
}

void stance_scorer_free(stance_scorer *s)
{
    if (!s)
        return;
    stance_extractor_free(s->x);
    stance_sparse_free(&s->work);
    free(s->probs);
    free(s->terms);
    free(s);
}

/* {"label": ..., "p": {label: probability, ...}} */
static cJSON *prediction(const stance_model *m, int label, const double *probs)
{
    cJSON *o = cJSON_CreateObject(), *p = cJSON_CreateObject();
    if (!o || !p || !cJSON_AddStringToObject(o, "label", stance_model_label(m, (size_t)label)) ||
        !cJSON_AddItemToObject(o, "p", p)) {
        cJSON_Delete(o);
        cJSON_Delete(p);
        return NULL;
    }
    for (size_t i = 0; i < stance_model_n_labels(m); i++)
        if (!cJSON_AddNumberToObject(p, stance_model_label(m, i), (double)(float)probs[i]))
            return cJSON_Delete(o), NULL;
    return o;
}

/* The word n-grams that pushed most toward the label ("rejected",
 * "not welcome_NEG"). Character n-grams ("ejec") weigh in the decision but
 * explain nothing to a reader, so they are not listed. */
static cJSON *terms_json(stance_scorer *s, int label)
{
    cJSON *a = cJSON_CreateArray();
    if (!a || s->top_terms == 0)
        return a;
    size_t n = stance_model_explain(s->stance, &s->work, label, s->terms, s->top_terms * 8 + 8);
    size_t added = 0;
    for (size_t i = 0; i < n && added < s->top_terms; i++) {
        const char *name = s->terms[i].name;
        if (!name || s->terms[i].weight <= 0 || strncmp(name, "w:", 2) != 0)
            continue;
        cJSON *t = cJSON_CreateObject();
        if (!t || !cJSON_AddStringToObject(t, "term", name + 2) ||
            !cJSON_AddNumberToObject(t, "weight", (double)(float)s->terms[i].weight) ||
            !cJSON_AddItemToArray(a, t)) {
            cJSON_Delete(t);
            cJSON_Delete(a);
            return NULL;
        }
        added++;
    }
    return a;
}

static int score_one(stance_scorer *s, const stance_article *a, const stance_statement *st,
                     char **buf, size_t *len, size_t *cap, stance_error *err)
{
    const char *text = a->text + st->text_start;
    size_t n = st->text_end - st->text_start;
    cJSON *o = statement_json(a, st);
    if (!o)
        return stance_fail(err, a->file, a->line, "out of memory");
    int label = stance_model_predict(s->stance, text, n, &s->work, s->probs, err);
    cJSON *p = label >= 0 ? prediction(s->stance, label, s->probs) : NULL;
    bool ok = p && cJSON_AddItemToObject(o, "stance", p);
    cJSON *terms = ok ? terms_json(s, label) : NULL;
    ok = ok && terms && cJSON_AddItemToObject(o, "terms", terms);
    if (ok && s->sentiment) {
        int sl = stance_model_predict(s->sentiment, text, n, &s->work, s->probs, err);
        cJSON *q = sl >= 0 ? prediction(s->sentiment, sl, s->probs) : NULL;
        ok = q && cJSON_AddItemToObject(o, "sentiment", q);
    }
    ok = ok && statement_json_append(o, buf, len, cap) == 0;
    cJSON_Delete(o);
    if (!ok && !err->message[0])
        stance_fail(err, a->file, a->line, "out of memory");
    return ok ? 0 : -1;
}

long stance_score_article(stance_scorer *s, const stance_article *a, char **buf, size_t *len,
                          size_t *cap, stance_error *err)
{
    const stance_statement *st;
    long n = stance_extract(s->x, a, &st, err);
    for (long i = 0; i < n; i++)
        if (score_one(s, a, &st[i], buf, len, cap, err) != 0)
            return -1;
    return n;
}
