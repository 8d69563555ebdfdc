/* Statement extraction: article text -> statements with speakers, actors
 * and countries. Tokens and quotes (extract_tokens.c), speakers and clauses
 * (extract_attribution.c), then actors (extract_resolve.c), in text order so
 * that "he" and "the official" find who came before. */
#include <stdlib.h>
#include <string.h>

#include "common/date.h"
#include "common/grow.h"
#include "pipeline/extract/extract_internal.h"

const char *stance_statement_kind_name(stance_statement_kind kind)
{
    switch (kind) {
    case STANCE_STATEMENT_DIRECT: return "direct";
    case STANCE_STATEMENT_INDIRECT: return "indirect";
    case STANCE_STATEMENT_ACT: return "act";
    }
    return "?";
}

stance_extractor *stance_extractor_new(const stance_gazetteer *g, stance_error *err)
{
    if (stance_xlex_init() != 0) {
        stance_fail(err, "", 0, "out of memory");
        return NULL;
    }
    stance_extractor *x = calloc(1, sizeof *x);
    if (!x) {
        stance_fail(err, "", 0, "out of memory");
        return NULL;
    }
    x->g = g;
    return x;
}

void stance_extractor_free(stance_extractor *x)
{
    if (!x)
        return;
    stance_xtok_list_free(&x->toks);
    stance_xquote_list_free(&x->quotes);
    free(x->tok_sentence);
    free(x->tok_flags);
    free(x->sentences);
    free(x->cands);
    free(x->sent_cands);
    free(x->raws);
    free(x->out);
    free(x->arena.buf);
    free(x);
}

/* The sentence and word flags of every token. Sentence spans are trimmed, so a token in
 * the white space between two belongs to the later one. */
static int map_sentences(stance_extractor *x)
{
    if (stance_grow(&x->tok_sentence, &x->tok_sentence_cap, x->toks.n, sizeof *x->tok_sentence) != 0 ||
        stance_grow(&x->tok_flags, &x->tok_flags_cap, x->toks.n, sizeof *x->tok_flags) != 0)
        return -1;
    size_t s = 0;
    for (size_t k = 0; k < x->toks.n; k++) {
        x->tok_flags[k] = stance_xlex_word(x->text, &x->toks.v[k]);
        while (s + 1 < x->n_sentences && x->sentences[s].end <= x->toks.v[k].start)
            s++;
        x->tok_sentence[k] = s;
    }
    return 0;
}

typedef struct offset_ref {
    size_t byte;
    size_t *chars;
} offset_ref;

static int by_byte(const void *a, const void *b)
{
    size_t x = ((const offset_ref *)a)->byte, y = ((const offset_ref *)b)->byte;
    return (x > y) - (x < y);
}

/* Character offsets of every statement, in one sweep over the text. */
static int count_characters(stance_extractor *x, const char *text)
{
    size_t n = x->n_out * 2;
    if (n == 0)
        return 0;
    offset_ref *refs = malloc(n * sizeof *refs);
    if (!refs)
        return -1;
    for (size_t i = 0; i < x->n_out; i++) {
        refs[2 * i] = (offset_ref){x->out[i].start, &x->out[i].char_start};
        refs[2 * i + 1] = (offset_ref){x->out[i].end, &x->out[i].char_end};
    }
    qsort(refs, n, sizeof *refs, by_byte);
    size_t byte = 0, chars = 0;
    for (size_t i = 0; i < n; i++) {
        for (; byte < refs[i].byte; byte++)
            chars += ((unsigned char)text[byte] & 0xC0) != 0x80; /* lead bytes */
        *refs[i].chars = chars;
    }
    free(refs);
    return 0;
}

long stance_extract(stance_extractor *x, const stance_article *a, const stance_statement **out,
                    stance_error *err)
{
    *out = NULL;
    x->text = a->text;
    x->date = stance_date_yyyymmdd(a->date);
    x->arena.len = 0;
    x->n_memory = 0;
    x->n_out = 0;
    free(x->sentences);
    x->sentences = NULL;
    long n_sent = stance_split_sentences(a->text, a->text_len, &x->sentences);
    if (n_sent < 0 || stance_xtok_scan(a->text, a->text_len, &x->toks) != 0 ||
        stance_xquote_pair(a->text, &x->toks, &x->quotes) != 0)
        goto oom;
    x->n_sentences = (size_t)n_sent;
    if (x->toks.n == 0 || x->n_sentences == 0)
        return 0;
    if (map_sentences(x) != 0 || stance_extract_attribute(x) != 0 || stance_grow(&x->out, &x->out_cap, x->n_raws, sizeof *x->out) != 0)
        goto oom;

    /* resolve in text order; people named in a sentence count from the next */
    size_t r = 0, k = 0;
    for (size_t s = 0; s < x->n_sentences; s++) {
        for (; r < x->n_raws && x->raws[r].sentence <= s; r++)
            if (stance_extract_resolve(x, r) != 0)
                goto oom;
        size_t first = k;
        while (k < x->toks.n && x->tok_sentence[k] == s)
            k++;
        stance_extract_note_people(x, first, k);
    }
    for (; r < x->n_raws; r++)
        if (stance_extract_resolve(x, r) != 0)
            goto oom;

    /* the arena no longer moves: make the pointers */
    for (size_t i = 0; i < x->n_raws; i++) {
        const xraw *w = &x->raws[i];
        stance_statement *st = &x->out[x->n_out++];
        st->sentence = w->sentence;
        st->start = w->content_start;
        st->end = w->content_end;
        st->text_start = w->text_start;
        st->text_end = w->text_end;
        st->speaker = x->arena.buf + w->speaker - 1;
        st->actor = w->actor ? x->arena.buf + w->actor - 1 : NULL;
        st->verb = x->arena.buf + w->verb - 1;
        memcpy(st->country, w->country, 4);
        memcpy(st->target, w->target, 4);
        st->kind = w->kind;
    }
    if (count_characters(x, a->text) != 0)
        goto oom;
    *out = x->out;
    return (long)x->n_out;

oom:
    stance_fail(err, a->file, a->line, "out of memory");
    return -1;
}
