/* Scoring: the statements of an article, then the stance and sentiment
 * classifiers on each one's text, as records (stance_scored) that the
 * writers (statement_*.c) and reports take. */
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"
#include "pipeline/score/score.h"

stance_scorer *stance_scorer_new(const stance_gazetteer *g, const stance_model *stance,
                                 const stance_model *sentiment, size_t top_terms,
                                 stance_error *err)
{
    stance_scorer *s = calloc(1, sizeof *s);
    if (s)
        s->candidates = calloc(top_terms * 8 + 8, sizeof *s->candidates);
    if (!s || !s->candidates) {
        stance_scorer_free(s);
        stance_fail(err, "", 0, "out of memory");
        return NULL;
    }
    s->stance = stance;
    s->sentiment = sentiment;
    s->top_terms = top_terms;
    s->stride = stance_model_n_labels(stance) + (sentiment ? stance_model_n_labels(sentiment) : 0);
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
    free(s->candidates);
    free(s->scored);
    free(s->probs);
    free(s->terms);
    free(s);
}

/* The word n-grams that pushed most toward the label ("rejected",
 * "not welcome_NEG") into terms; returns how many. Character n-grams
 * ("ejec") weigh in the decision but explain nothing to a reader. */
static size_t word_terms(stance_scorer *s, int label, stance_term *terms)
{
    if (s->top_terms == 0)
        return 0;
    size_t n = stance_model_explain(s->stance, &s->work, label, s->candidates,
                                    s->top_terms * 8 + 8);
    size_t added = 0;
    for (size_t i = 0; i < n && added < s->top_terms; i++) {
        const char *name = s->candidates[i].name;
        if (!name || s->candidates[i].weight <= 0 || strncmp(name, "w:", 2) != 0)
            continue;
        terms[added++] = (stance_term){name + 2, s->candidates[i].weight};
    }
    return added;
}

/* Statement i: its predictions into the i-th rows of probs and terms (the
 * pointers of s->scored are set once every row is in place). */
static int score_one(stance_scorer *s, const stance_article *a, const stance_statement *st,
                     size_t i, stance_error *err)
{
    const char *text = a->text + st->text_start;
    size_t n = st->text_end - st->text_start;
    double *probs = s->probs + i * s->stride;
    stance_scored *sc = &s->scored[i];
    memset(sc, 0, sizeof *sc);
    sc->stance.label = stance_model_predict(s->stance, text, n, &s->work, probs, err);
    if (sc->stance.label < 0)
        return -1;
    sc->n_terms = word_terms(s, sc->stance.label, s->terms + i * s->top_terms);
    sc->sentiment.label = -1;
    if (s->sentiment) {
        double *sp = probs + stance_model_n_labels(s->stance);
        sc->sentiment.label = stance_model_predict(s->sentiment, text, n, &s->work, sp, err);
        if (sc->sentiment.label < 0)
            return -1;
    }
    return 0;
}

static void fill(stance_prediction *p, const stance_model *m, const double *probs)
{
    p->n = stance_model_n_labels(m);
    p->names = stance_model_labels(m);
    p->p = probs;
}

long stance_score_article(stance_scorer *s, const stance_article *a,
                          const stance_statement **statements, const stance_scored **scored,
                          stance_error *err)
{
    *statements = NULL;
    *scored = NULL;
    long n = stance_extract(s->x, a, statements, err);
    if (n <= 0)
        return n;
    size_t m = (size_t)n;
    if (stance_grow(&s->scored, &s->scored_cap, m, sizeof *s->scored) != 0 ||
        stance_grow(&s->probs, &s->probs_cap, m * s->stride, sizeof *s->probs) != 0 ||
        stance_grow(&s->terms, &s->terms_cap, m * s->top_terms + 1, sizeof *s->terms) != 0)
        return stance_fail(err, a->file, a->line, "out of memory");
    for (size_t i = 0; i < m; i++)
        if (score_one(s, a, &(*statements)[i], i, err) != 0)
            return -1;
    for (size_t i = 0; i < m; i++) {
        stance_scored *sc = &s->scored[i];
        fill(&sc->stance, s->stance, s->probs + i * s->stride);
        if (s->sentiment)
            fill(&sc->sentiment, s->sentiment,
                 s->probs + i * s->stride + stance_model_n_labels(s->stance));
        sc->terms = s->terms + i * s->top_terms;
    }
    *scored = s->scored;
    return n;
}
