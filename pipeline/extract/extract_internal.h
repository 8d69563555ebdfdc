/* Shared state of statement extraction (pipeline/extract*.c). */
#ifndef STANCE_PIPELINE_EXTRACT_INTERNAL_H
#define STANCE_PIPELINE_EXTRACT_INTERNAL_H

#include "pipeline/extract/extract_lexicon.h"
#include "pipeline/extract/extract_tokens.h"
#include "stance.h"

/* A token range [a, b). */
typedef struct xrange {
    size_t a, b;
} xrange;

/* A speaker and its verb found in a sentence, before it becomes a statement. */
typedef struct xcandidate {
    size_t sentence;
    xrange speaker;    /* the mention */
    xrange appositive; /* "Sergei Ryabkov, Russia's deputy foreign minister, said": the role; a == b if none */
    size_t verb, verb_width;
    unsigned flags;    /* the verb's XL_ flags */
    bool inverted;     /* the speaker follows the verb: "..., said Kerry" */
    bool used;         /* taken by a direct quote */
    bool accepted;     /* starts a statement of its own */
    bool resolved;     /* speaker resolved (for quotes that continue it) */
    size_t prev_accepted, next_accepted; /* neighbours in the sentence, or SIZE_MAX */
    xrange conj[4];    /* more speakers of the same verb: "Spain, Ireland and Norway recognised" */
    size_t n_conj;
    size_t r_speaker, r_actor; /* arena offsets + 1 */
    char r_country[4];
} xcandidate;

/* A statement before its speaker is resolved. */
typedef struct xraw {
    size_t sentence;
    size_t cand;          /* the candidate that names the speaker, or SIZE_MAX: inherited */
    xrange own_speaker;   /* a conjunct of the candidate's speaker; a == b: the candidate's */
    size_t inherit_from;  /* while building: the raw whose speaker continues; then 1 if inherited */
    size_t content_start, content_end;  /* bytes */
    size_t text_start, text_end;        /* bytes: with attribution */
    stance_statement_kind kind;
    /* filled by stance_extract_resolve: arena offsets + 1 (0: none) and codes ("" unknown) */
    size_t speaker, actor, verb;
    char country[4], target[4];
} xraw;

/* Who has been mentioned so far in the article, for pronouns ("he") and
 * nominals ("the official"). */
typedef struct xentity {
    size_t actor;       /* arena offset + 1 of the canonical name; 0 if unknown */
    char country[4];
    char head[32];      /* last word of the mention, lower case: "official", "ministry" */
    char surname[64];   /* people: for "Kerry" after "John Kerry" */
    bool person;        /* a person, or a role held by one */
    bool speaker;
} xentity;

#define XMEMORY 64

typedef struct xarena {
    char *buf;
    size_t len, cap;
} xarena;

struct stance_extractor {
    const stance_gazetteer *g;
    xtok_list toks;
    xquote_list quotes;
    size_t *tok_sentence;  /* sentence of each token */
    unsigned *tok_flags;   /* stance_xlex_word of each token, looked up once */
    size_t tok_sentence_cap, tok_flags_cap;
    stance_span *sentences; /* bytes */
    size_t n_sentences;
    xcandidate *cands;     /* in sentence order, then verb order */
    size_t n_cands, cands_cap;
    size_t *sent_cands;    /* first candidate of each sentence (n_sentences + 1) */
    size_t sent_cands_cap;
    xraw *raws;
    size_t n_raws, raws_cap;
    stance_statement *out;
    size_t n_out, out_cap;
    xarena arena;          /* strings of the statements of this article */
    xentity memory[XMEMORY]; /* a ring of the latest entities */
    size_t n_memory;
    int date;              /* article date YYYYMMDD, 0 when unknown */
    const char *text;
};

/* Copy s[0..n) into the arena; returns an offset + 1 (0 when out of memory):
 * arena storage moves while it grows, so pointers are made at the end. */
size_t stance_xarena_add(xarena *a, const char *s, size_t n);

/* Find the speakers, verbs and quotes of the article and turn them into raw
 * statements (extract_attribution.c). -1 when out of memory. */
int stance_extract_attribute(stance_extractor *x);

/* Resolve the speaker, actor, country and target of raw statement i
 * (extract_resolve.c), in text order. -1 when out of memory. */
int stance_extract_resolve(stance_extractor *x, size_t i);
/* Remember the people named in tokens [a, b) (narration). */
void stance_extract_note_people(stance_extractor *x, size_t a, size_t b);

#endif
