/* Attribution: find who says what in an article. Speakers come with verbs
 * ("Kerry said", "said the official", "according to TASS"); quotes take the
 * speaker next to them; the rest of a speaker's clause is reported speech
 * or a reported act. The result is a list of raw statements whose speakers
 * extract_resolve.c then resolves. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"
#include "pipeline/extract/extract_internal.h"

#define NONE SIZE_MAX

static const xtok *tok(const stance_extractor *x, size_t k)
{
    return &x->toks.v[k];
}

static bool punct(const stance_extractor *x, size_t k, char c)
{
    return stance_xtok_punct(x->text, tok(x, k), c);
}

static bool is_dash(const stance_extractor *x, size_t k)
{
    const xtok *t = tok(x, k);
    if (t->type != XTOK_PUNCT)
        return false;
    size_t n = t->end - t->start;
    const char *s = x->text + t->start;
    return (n == 1 && *s == '-') || (n == 3 && memcmp(s, "\xE2\x80", 2) == 0 &&
                                     ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94));
}

static unsigned word_flags(const stance_extractor *x, size_t k)
{
    return x->tok_flags[k];
}

/* Sentence token ranges: first token of sentence s is sent_first[s]. */
static size_t sentence_of(const stance_extractor *x, size_t k)
{
    return x->tok_sentence[k];
}

/* Can token k be part of a speaker mention? */
static bool np_token(const stance_extractor *x, size_t k)
{
    const xtok *t = tok(x, k);
    if (t->depth > 0)
        return false;
    if (t->type == XTOK_POSSESSIVE)
        return true;
    if (t->type == XTOK_QUOTE)
        return t->quote == XQ_NONE && t->family == XQ_SINGLE; /* "ministers’" */
    if (t->type != XTOK_WORD)
        return false;
    unsigned f = word_flags(x, k);
    if (f & (XL_PRONOUN_PERSON | XL_PRONOUN_GROUP | XL_PRONOUN_THING))
        return false;
    if (t->capital)
        return !(f & (XL_AUX | XL_BOUNDARY)) || (f & (XL_NP | XL_DET));
    return (f & (XL_NP | XL_DET)) != 0;
}

static bool is_pronoun(const stance_extractor *x, size_t k)
{
    const xtok *t = tok(x, k);
    return t->type == XTOK_WORD && t->depth == 0 &&
           (word_flags(x, k) & (XL_PRONOUN_PERSON | XL_PRONOUN_GROUP | XL_PRONOUN_THING));
}

/* Trim words that cannot start or end a mention and check that what is left
 * names somebody: a capitalised word (not a determiner) or a role noun. */
static bool np_finish(const stance_extractor *x, xrange *r)
{
    while (r->a < r->b) {
        const xtok *t = tok(x, r->a);
        unsigned f = word_flags(x, r->a);
        if (t->type != XTOK_WORD || (f & (XL_TRIM | XL_AUX | XL_BOUNDARY)))
            r->a++;
        else
            break;
    }
    while (r->b > r->a) {
        const xtok *t = tok(x, r->b - 1);
        unsigned f = word_flags(x, r->b - 1);
        if (t->type != XTOK_WORD || (f & (XL_TRIM | XL_DET)))
            r->b--;
        else
            break;
    }
    if (r->a >= r->b || r->b - r->a > 16)
        return false;
    for (size_t k = r->a; k < r->b; k++) {
        const xtok *t = tok(x, k);
        unsigned f = word_flags(x, k);
        if (t->type == XTOK_WORD && ((t->capital && !(f & (XL_DET | XL_TRIM))) || (f & XL_ROLE)))
            return true;
    }
    return false;
}

/* The mention that ends right before token end (not before lo). */
static xrange np_before(const stance_extractor *x, size_t end, size_t lo)
{
    xrange r = {end, end};
    if (end > lo && is_pronoun(x, end - 1)) {
        r.a = end - 1;
        return r;
    }
    if (end - lo > 24)
        lo = end - 24; /* a mention has at most 16 words */
    for (;;) {
        while (r.a > lo && np_token(x, r.a - 1)) {
            r.a--;
            if (word_flags(x, r.a) & XL_DET)
                break;
        }
        /* "Iceland's fisheries minister", "the U.S. climate envoy John Kerry":
         * up to two plain words before a role noun, when the mention goes on
         * to their left */
        /* "a spokesperson for the European Commission", "the U.S. embassy in
         * Quito": a role noun, a preposition, then the rest of the mention */
        if (r.a < end && r.a >= lo + 2 && tok(x, r.a)->type == XTOK_WORD &&
            (tok(x, r.a)->capital || (word_flags(x, r.a) & XL_DET)) &&
            (stance_xtok_is(x->text, tok(x, r.a - 1), "for") || stance_xtok_is(x->text, tok(x, r.a - 1), "of") ||
             stance_xtok_is(x->text, tok(x, r.a - 1), "at") || stance_xtok_is(x->text, tok(x, r.a - 1), "to") ||
             stance_xtok_is(x->text, tok(x, r.a - 1), "in")) &&
            (word_flags(x, r.a - 2) & XL_ROLE) && np_token(x, r.a - 2)) {
            r.a -= 2;
            continue;
        }
        bool has_role = false;
        for (size_t k = r.a; k < end; k++)
            has_role = has_role || (word_flags(x, k) & XL_ROLE);
        if (r.a == end || (word_flags(x, r.a) & XL_DET) || !has_role ||
            !(word_flags(x, r.a) & (XL_ROLE | XL_NP)))
            break;
        size_t k = r.a, plain = 0;
        while (k > lo && plain < 2 && tok(x, k - 1)->type == XTOK_WORD && tok(x, k - 1)->depth == 0 &&
               !tok(x, k - 1)->capital && !np_token(x, k - 1) &&
               !(word_flags(x, k - 1) & (XL_AUX | XL_BOUNDARY | XL_PRONOUN_PERSON |
                                         XL_PRONOUN_GROUP | XL_PRONOUN_THING | XL_SPEECH | XL_ACT))) {
            k--;
            plain++;
        }
        if (plain == 0 || k == lo || !np_token(x, k - 1) ||
            !(tok(x, k - 1)->type == XTOK_POSSESSIVE || tok(x, k - 1)->capital ||
              (word_flags(x, k - 1) & (XL_DET | XL_NP))))
            break;
        r.a = k;
    }
    if (!np_finish(x, &r))
        r.a = r.b = end;
    return r;
}

/* The mention that starts at token start (before hi). */
static xrange np_after(const stance_extractor *x, size_t start, size_t hi)
{
    xrange r = {start, start};
    if (hi - start > 24)
        hi = start + 24;
    if (start < hi && is_pronoun(x, start)) {
        r.b = start + 1;
        return r;
    }
    while (r.b < hi && np_token(x, r.b)) {
        if (r.b > start && (word_flags(x, r.b) & XL_DET))
            break;
        r.b++;
    }
    if (!np_finish(x, &r))
        r.a = r.b = start;
    return r;
}

static int add_candidate(stance_extractor *x, xcandidate c)
{
    if (stance_grow(&x->cands, &x->cands_cap, x->n_cands + 1, sizeof *x->cands) != 0)
        return -1;
    x->cands[x->n_cands++] = c;
    return 0;
}

/* The speaker before a verb whose subject ends at end: "Kerry", "Kerry, who
 * ..., ", "Sergei Ryabkov, Russia's deputy foreign minister, ". */
static bool speaker_before(const stance_extractor *x, size_t end, size_t lo, xcandidate *c)
{
    c->appositive = (xrange){0, 0};
    if (end > lo && punct(x, end - 1, ',')) {
        size_t comma = end - 1, p = comma;
        while (p > lo && comma - p < 30 && !punct(x, p - 1, ',') && tok(x, p - 1)->depth == 0 &&
               tok(x, p - 1)->type != XTOK_QUOTE)
            p--;
        if (p > lo && punct(x, p - 1, ',')) {
            xrange first = np_before(x, p - 1, lo);
            if (first.a < first.b) {
                xrange seg = {p, comma};
                xrange as_np = np_after(x, p, comma);
                bool lower_start = tok(x, p)->type == XTOK_WORD && !tok(x, p)->capital;
                if (as_np.a == p && as_np.b == comma) {
                    c->speaker = first;
                    c->appositive = seg;
                    return true;
                }
                if (lower_start) { /* "who ...", "speaking in Geneva" */
                    c->speaker = first;
                    return true;
                }
            }
        }
        return false;
    }
    c->speaker = np_before(x, end, lo);
    return c->speaker.a < c->speaker.b;
}

static bool clause_break_before(const stance_extractor *x, size_t k, size_t sentence_first);

static bool names_someone(const stance_extractor *x, xrange r)
{
    for (size_t k = r.a; k < r.b; k++)
        if (tok(x, k)->type == XTOK_WORD && tok(x, k)->capital && !(word_flags(x, k) & XL_DET))
            return true;
    return false;
}

/* "Spain, Ireland and Norway recognised ...": the speakers before "and"
 * share the verb, when the list opens the clause. */
static void find_conjuncts(const stance_extractor *x, size_t a, xcandidate *c)
{
    size_t p = c->speaker.a;
    if (p < a + 2 || !stance_xtok_is(x->text, tok(x, p - 1), "and") || !names_someone(x, c->speaker))
        return;
    xrange found[4];
    size_t n = 0;
    p--; /* at "and" */
    if (p > a && punct(x, p - 1, ','))
        p--; /* the serial comma */
    while (n < 4) {
        xrange r = np_before(x, p, a);
        if (r.a == r.b || r.b != p || !names_someone(x, r) || is_pronoun(x, r.a))
            return;
        found[n++] = r;
        p = r.a;
        if (p > a + 1 && punct(x, p - 1, ',')) {
            p--;
            continue;
        }
        break;
    }
    if (!clause_break_before(x, p, a))
        return; /* "Kerry met Lavrov and the Kremlin said" */
    for (size_t i = n; i-- > 0;) /* in text order */
        c->conj[c->n_conj++] = found[i];
}

/* Speakers and verbs of sentence s, tokens [a, b). */
static int find_candidates(stance_extractor *x, size_t s, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        if (tok(x, k)->depth > 0 || tok(x, k)->type != XTOK_WORD)
            continue;
        size_t width = 0;
        unsigned f = stance_xlex_verb(x->text, x->toks.v, b, k, &width);
        if (!f || (f & XL_PARTICIPLE))
            continue;
        xcandidate c;
        memset(&c, 0, sizeof c);
        c.sentence = s;
        c.verb = k;
        c.verb_width = width;
        c.flags = f;
        if (f & XL_ACCORDING) {
            c.inverted = true;
            c.speaker = np_after(x, k + width, b);
            if (c.speaker.a < c.speaker.b && add_candidate(x, c) != 0)
                return -1;
            continue;
        }
        size_t j = k;
        while (j > a && k - j < 8 && tok(x, j - 1)->type == XTOK_WORD && !tok(x, j - 1)->capital &&
               (word_flags(x, j - 1) & XL_AUX))
            j--;
        if (speaker_before(x, j, a, &c)) {
            if (c.appositive.a == c.appositive.b)
                find_conjuncts(x, a, &c);
            if (add_candidate(x, c) != 0)
                return -1;
            continue;
        }
        bool after_break = k == a || punct(x, k - 1, ',') ||
                           (tok(x, k - 1)->type == XTOK_QUOTE && tok(x, k - 1)->quote == XQ_CLOSE);
        if ((f & XL_INVERTS) && after_break) {
            c.inverted = true;
            c.speaker = np_after(x, k + width, b);
            if (c.speaker.a < c.speaker.b && add_candidate(x, c) != 0)
                return -1;
        }
    }
    return 0;
}

static size_t cand_start(const xcandidate *c)
{
    size_t start = c->inverted && c->verb < c->speaker.a ? c->verb : c->speaker.a;
    return c->n_conj ? c->conj[0].a : start;
}

static size_t cand_end(const xcandidate *c)
{
    size_t v = c->verb + c->verb_width;
    size_t e = c->speaker.b > v ? c->speaker.b : v;
    return c->appositive.b > e ? c->appositive.b : e;
}

/* May a new clause with its own speaker start at token k? */
static bool clause_break_before(const stance_extractor *x, size_t k, size_t sentence_first)
{
    if (k == sentence_first)
        return true;
    const xtok *p = tok(x, k - 1);
    if (punct(x, k - 1, ',') || punct(x, k - 1, ';') || punct(x, k - 1, ':') || is_dash(x, k - 1))
        return true;
    if (p->type == XTOK_QUOTE && p->quote == XQ_CLOSE && p->depth == 0)
        return true;
    return p->type == XTOK_WORD && !p->capital && (word_flags(x, k - 1) & XL_BOUNDARY);
}

/* Which candidates start a clause of their own; link each to the accepted
 * ones before and after it in the sentence. */
static void accept_candidates(stance_extractor *x, size_t first, size_t last, size_t sentence_first)
{
    bool speech = false, any = false;
    for (size_t i = first; i < last; i++) {
        xcandidate *c = &x->cands[i];
        c->accepted = !any || clause_break_before(x, cand_start(c), sentence_first) ||
                      (c->flags & XL_ACCORDING);
        any = any || c->accepted;
        if (c->accepted && !(c->flags & XL_ACCORDING))
            speech = true;
    }
    /* "..., Putin told Kerry, according to TASS": TASS only relays */
    if (speech)
        for (size_t i = first; i < last; i++)
            if (x->cands[i].flags & XL_ACCORDING)
                x->cands[i].accepted = false;
    size_t prev = NONE;
    for (size_t i = first; i < last; i++) {
        x->cands[i].prev_accepted = prev;
        if (x->cands[i].accepted)
            prev = i;
    }
    size_t next = NONE;
    for (size_t i = last; i-- > first;) {
        x->cands[i].next_accepted = next;
        if (x->cands[i].accepted)
            next = i;
    }
}

static int add_one_raw(stance_extractor *x, xraw r)
{
    if (stance_grow(&x->raws, &x->raws_cap, x->n_raws + 1, sizeof *x->raws) != 0)
        return -1;
    x->raws[x->n_raws++] = r;
    return 0;
}

/* A raw statement, and one more for each other speaker of its verb. */
static int add_raw(stance_extractor *x, xraw r)
{
    const xcandidate *c = r.cand < x->n_cands ? &x->cands[r.cand] : NULL;
    for (size_t i = 0; c && i < c->n_conj; i++) {
        xraw d = r;
        d.own_speaker = c->conj[i];
        if (add_one_raw(x, d) != 0)
            return -1;
    }
    return add_one_raw(x, r);
}

/* Tokens that may stand between a verb and the quote it introduces:
 * "told reporters on Tuesday:", "said that". */
static bool introduces_quote(const stance_extractor *x, size_t from, size_t open)
{
    if (open < from || open - from > 10)
        return false;
    bool mark = open == from;
    for (size_t k = from; k < open; k++) {
        const xtok *t = tok(x, k);
        if (punct(x, k, ':') || punct(x, k, ',') || stance_xtok_is(x->text, t, "that")) {
            mark = true;
            continue;
        }
        if (t->type == XTOK_WORD && (t->capital || (word_flags(x, k) & (XL_TRIM | XL_DET | XL_AUX)) ||
                                     stance_xtok_is(x->text, t, "reporters") ||
                                     stance_xtok_is(x->text, t, "journalists") ||
                                     stance_xtok_is(x->text, t, "lawmakers") ||
                                     stance_xtok_is(x->text, t, "statement") ||
                                     stance_xtok_is(x->text, t, "interview")))
            continue;
        if (t->type == XTOK_POSSESSIVE)
            continue;
        return false;
    }
    return mark;
}

static size_t quote_content_start(const stance_extractor *x, const xquote *q)
{
    return tok(x, q->open)->end;
}

static size_t quote_content_end(const stance_extractor *x, const xquote *q)
{
    return q->closed ? tok(x, q->close)->start : tok(x, q->close)->end;
}

/* The candidate whose attribution starts right after the quote: "...,"
 * Kerry said / said Kerry / the official told reporters. */
static size_t trailing_candidate(const stance_extractor *x, const xquote *q)
{
    size_t k = q->close + 1;
    while (k < x->toks.n && (punct(x, k, ',') || is_dash(x, k)))
        k++;
    if (k >= x->toks.n || sentence_of(x, k) != sentence_of(x, q->close))
        return NONE;
    size_t s = sentence_of(x, k);
    /* candidates are in verb order: the first whose verb is at or after k */
    size_t lo = x->sent_cands[s], hi = x->sent_cands[s + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->cands[mid].verb < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < x->sent_cands[s + 1] && x->cands[i].verb <= k + 24; i++) {
        const xcandidate *c = &x->cands[i];
        if (c->used || (c->flags & XL_ACCORDING))
            continue;
        if (c->inverted ? c->verb == k : c->speaker.a == k)
            return i;
        /* words the mention did not take: "...," the country's fisheries
         * minister told reporters */
        if (!c->inverted && c->speaker.a > k && c->speaker.a <= k + 4) {
            bool words = true;
            for (size_t j = k; j < c->speaker.a; j++)
                if (tok(x, j)->type != XTOK_WORD && tok(x, j)->type != XTOK_POSSESSIVE)
                    words = false;
            if (words)
                return i;
        }
    }
    return NONE;
}

/* The candidate that introduces the quote: Putin told Kerry: "..." */
static size_t leading_candidate(const stance_extractor *x, const xquote *q)
{
    size_t s = sentence_of(x, q->open);
    size_t from_sentence = s > 0 ? s - 1 : 0;
    /* the last candidate whose verb comes before the quote */
    size_t lo = x->sent_cands[from_sentence], hi = x->sent_cands[s + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->cands[mid].verb < q->open)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i-- > x->sent_cands[from_sentence];) {
        const xcandidate *c = &x->cands[i];
        if (c->used || (c->flags & XL_ACCORDING))
            continue;
        size_t from = cand_end(c);
        if (from > q->open)
            continue;
        if (c->sentence + 1 == s && !(from < q->open && punct(x, q->open - 1, ':')))
            return NONE;
        return introduces_quote(x, from, q->open) ? i : NONE; /* the nearest decides */
    }
    return NONE;
}

static bool quote_is_sentence(const stance_extractor *x, const xquote *q)
{
    size_t s = sentence_of(x, q->open);
    if (q->open > 0 && sentence_of(x, q->open - 1) == s)
        return false;
    size_t k = q->close + 1;
    while (k < x->toks.n && sentence_of(x, k) == sentence_of(x, q->close) &&
           (punct(x, k, '.') || punct(x, k, '!') || punct(x, k, '?')))
        k++;
    return k >= x->toks.n || sentence_of(x, k) != sentence_of(x, q->close);
}

/* The byte span of sentence s. */
static stance_span sentence_span(const stance_extractor *x, size_t s)
{
    return x->sentences[s];
}

static void set_text_span(const stance_extractor *x, xraw *r, size_t first_tok, size_t last_tok,
                          bool to_sentence_start, bool to_sentence_end)
{
    size_t s0 = sentence_of(x, first_tok), s1 = sentence_of(x, last_tok);
    r->text_start = to_sentence_start ? sentence_span(x, s0).start : tok(x, first_tok)->start;
    r->text_end = to_sentence_end ? sentence_span(x, s1).end : tok(x, last_tok)->end;
    if (r->text_start > r->content_start)
        r->text_start = r->content_start;
    if (r->text_end < r->content_end)
        r->text_end = r->content_end;
    r->sentence = sentence_of(x, first_tok);
}

/* Is there another accepted clause in the candidate's sentence before (after) it? */
static bool other_clause(const stance_extractor *x, size_t cand, bool before)
{
    return (before ? x->cands[cand].prev_accepted : x->cands[cand].next_accepted) != NONE;
}

static int direct_statements(stance_extractor *x)
{
    bool *taken = calloc(x->quotes.n + 1, 1);
    if (!taken)
        return -1;
    for (size_t qi = 0; qi < x->quotes.n; qi++) {
        if (taken[qi])
            continue;
        const xquote *q = &x->quotes.v[qi];
        size_t ci = trailing_candidate(x, q);
        if (ci == NONE)
            ci = leading_candidate(x, q);
        xraw r = {0};
        r.kind = STANCE_STATEMENT_DIRECT;
        r.content_start = quote_content_start(x, q);
        r.content_end = quote_content_end(x, q);
        size_t last = q->close;
        if (ci != NONE) {
            xcandidate *c = &x->cands[ci];
            c->used = true;
            r.cand = ci;
            /* "Part one," he said, "part two." */
            if (qi + 1 < x->quotes.n && cand_end(c) <= x->quotes.v[qi + 1].open &&
                introduces_quote(x, cand_end(c), x->quotes.v[qi + 1].open) &&
                sentence_of(x, x->quotes.v[qi + 1].open) == sentence_of(x, cand_end(c) - 1)) {
                taken[qi + 1] = true;
                r.content_end = quote_content_end(x, &x->quotes.v[qi + 1]);
                last = x->quotes.v[qi + 1].close;
            }
            size_t first = c->speaker.a < q->open ? cand_start(c) : q->open;
            if (cand_end(c) - 1 > last)
                last = cand_end(c) - 1;
            set_text_span(x, &r, first, last, !other_clause(x, ci, true), !other_clause(x, ci, false));
        } else {
            /* a quote that is a sentence of its own continues the speaker
             * of the direct quote just before it */
            if (!quote_is_sentence(x, q) || x->n_raws == 0)
                continue;
            const xraw *prev = &x->raws[x->n_raws - 1];
            size_t s = sentence_of(x, q->open);
            size_t prev_last = prev->text_end ? prev->text_end - 1 : 0;
            size_t prev_sentence = 0;
            while (prev_sentence + 1 < x->n_sentences &&
                   x->sentences[prev_sentence + 1].start <= prev_last)
                prev_sentence++;
            if (prev->kind != STANCE_STATEMENT_DIRECT || prev_sentence + 1 < s)
                continue;
            r.cand = NONE;
            r.inherit_from = x->n_raws - 1;
            set_text_span(x, &r, q->open, q->close, true, true);
        }
        if (add_raw(x, r) != 0) {
            free(taken);
            return -1;
        }
    }
    free(taken);
    return 0;
}

/* Does token range [a, b) hold only time words and punctuation ("on Tuesday.")? */
static bool empty_content(const stance_extractor *x, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        const xtok *t = tok(x, k);
        if (t->type != XTOK_WORD)
            continue;
        if (!(word_flags(x, k) & (XL_TRIM | XL_AUX | XL_DET)))
            return false;
    }
    return true;
}

static bool has_quote(const stance_extractor *x, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (tok(x, k)->depth > 0 || tok(x, k)->type == XTOK_QUOTE)
            if (tok(x, k)->quote_id >= 0)
                return true;
    return false;
}

/* The content of "said on Monday that it would ..." starts at "it"; so
 * does that of "told his counterpart that it would ...". */
static size_t skip_to_content(const stance_extractor *x, size_t verb, size_t from, size_t end)
{
    static const char *const tell[] = {"told", "tells", "tell", "warned", "assured", "reassured",
                                       "reminded", "informed", "urged", "wrote"};
    bool object = false;
    for (size_t i = 0; i < sizeof tell / sizeof tell[0]; i++)
        if (stance_xtok_is(x->text, tok(x, verb), tell[i]))
            object = true;
    for (size_t k = from; k < end && k < from + 8; k++) {
        if (stance_xtok_is(x->text, tok(x, k), "that")) {
            from = k + 1;
            break;
        }
        if (!object && !(word_flags(x, k) & (XL_TRIM | XL_AUX)) && !punct(x, k, ','))
            break;
    }
    while (from < end && (punct(x, from, ',') || punct(x, from, ':')))
        from++;
    return from;
}

static int reported_statements(stance_extractor *x, const size_t *sent_first)
{
    for (size_t i = 0; i < x->n_cands; i++) {
        xcandidate *c = &x->cands[i];
        if (!c->accepted || c->used)
            continue;
        size_t s = c->sentence, a = sent_first[s], b = sent_first[s + 1];
        /* the clause ends where the next accepted clause of the sentence starts */
        size_t end = c->next_accepted != NONE ? cand_start(&x->cands[c->next_accepted]) : b;
        while (end > a && (tok(x, end - 1)->type == XTOK_PUNCT ||
                           (word_flags(x, end - 1) & XL_BOUNDARY)))
            end--;
        size_t from = (c->flags & XL_ACCORDING) ? c->speaker.b : cand_end(c);
        from = skip_to_content(x, c->verb, from, end);
        size_t first = cand_start(c), last = end ? end - 1 : 0;
        if (from >= end || empty_content(x, from, end)) {
            /* "Moscow will respond, the ministry said." */
            size_t to = cand_start(c);
            if (to <= a || !punct(x, to - 1, ','))
                continue;
            size_t begin = c->prev_accepted != NONE ? cand_end(&x->cands[c->prev_accepted]) : a;
            from = begin;
            end = to - 1;
            first = from;
            last = cand_end(c) - 1;
            if (from >= end)
                continue;
        }
        xraw r = {0};
        r.cand = i;
        r.content_start = tok(x, from)->start;
        r.content_end = tok(x, end - 1)->end;
        r.kind = has_quote(x, from, end) ? STANCE_STATEMENT_DIRECT
                 : (c->flags & XL_ACT) ? STANCE_STATEMENT_ACT : STANCE_STATEMENT_INDIRECT;
        if (last < first)
            last = first;
        set_text_span(x, &r, first, last, !other_clause(x, i, true), !other_clause(x, i, false));
        if (add_raw(x, r) != 0)
            return -1;
    }
    return 0;
}

static int by_position(const void *pa, const void *pb)
{
    const xraw *a = pa, *b = pb;
    if (a->text_start != b->text_start)
        return a->text_start < b->text_start ? -1 : 1;
    if (a->content_start != b->content_start)
        return a->content_start < b->content_start ? -1 : 1;
    /* speakers of one verb in text order; the candidate's own comes last */
    size_t x = a->own_speaker.b ? a->own_speaker.a : SIZE_MAX;
    size_t y = b->own_speaker.b ? b->own_speaker.a : SIZE_MAX;
    return (x > y) - (x < y);
}

int stance_extract_attribute(stance_extractor *x)
{
    x->n_cands = x->n_raws = 0;
    size_t n_sent = x->n_sentences;
    size_t *sent_first = malloc((n_sent + 1) * sizeof *sent_first);
    if (!sent_first)
        return -1;
    /* first token of each sentence */
    size_t k = 0;
    for (size_t s = 0; s < n_sent; s++) {
        while (k < x->toks.n && x->tok_sentence[k] < s)
            k++;
        sent_first[s] = k;
    }
    sent_first[n_sent] = x->toks.n;
    if (stance_grow(&x->sent_cands, &x->sent_cands_cap, n_sent + 1, sizeof *x->sent_cands) != 0) {
        free(sent_first);
        return -1;
    }
    int rc = 0;
    for (size_t s = 0; s < n_sent && rc == 0; s++) {
        size_t before = x->n_cands;
        x->sent_cands[s] = before;
        rc = find_candidates(x, s, sent_first[s], sent_first[s + 1]);
        if (rc == 0)
            accept_candidates(x, before, x->n_cands, sent_first[s]);
    }
    x->sent_cands[n_sent] = x->n_cands;
    if (rc == 0)
        rc = direct_statements(x);
    if (rc == 0)
        rc = reported_statements(x, sent_first);
    free(sent_first);
    if (rc == 0) {
        /* sorting moves raws: an inherited speaker is kept as the candidate
         * of the statement it continues (created earlier, so already mapped) */
        for (size_t i = 0; i < x->n_raws; i++) {
            bool inherited = x->raws[i].cand == NONE;
            if (inherited)
                x->raws[i].cand = x->raws[x->raws[i].inherit_from].cand;
            x->raws[i].inherit_from = inherited;
        }
        if (x->n_raws > 1) /* qsort wants a real array, even for none */
            qsort(x->raws, x->n_raws, sizeof *x->raws, by_position);
    }
    return rc;
}
