/* The words that statement extraction knows: reporting verbs and verbs of
 * reported acts, the words that may make up a speaker mention ("a senior
 * State Department official"), auxiliaries and adverbs that may stand
 * between a speaker and its verb, and pronouns. English only. */
#ifndef STANCE_PIPELINE_EXTRACT_LEXICON_H
#define STANCE_PIPELINE_EXTRACT_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

#include "pipeline/extract/extract_tokens.h"

enum {
    XL_SPEECH = 1 << 0,     /* a verb of saying: said, warned, according to */
    XL_ACT = 1 << 1,        /* a reported act: rejected, summoned, expelled */
    XL_PARTICIPLE = 1 << 2, /* "saying", "adding": continues a statement, never starts one */
    XL_INVERTS = 1 << 3,    /* may come before its speaker: "..., said Kerry" */
    XL_ACCORDING = 1 << 4,  /* "according to X": the speaker follows */
    XL_NP = 1 << 5,         /* a lower-case word that can be part of a speaker mention */
    XL_ROLE = 1 << 6,       /* a noun for a post or a body: official, ministry, spokesman */
    XL_PERSON = 1 << 7,     /* a role noun for a person: official, minister, envoy */
    XL_AUX = 1 << 8,        /* may stand between speaker and verb: has, also, would */
    XL_DET = 1 << 9,        /* a, an, the */
    XL_PRONOUN_PERSON = 1 << 10, /* he, she */
    XL_PRONOUN_GROUP = 1 << 11,  /* they */
    XL_PRONOUN_THING = 1 << 12,  /* it */
    XL_BOUNDARY = 1 << 13,  /* but, while, whereas, although: a new clause may start */
    XL_PLURAL = 1 << 14,    /* officials, diplomats, ministers */
    XL_TRIM = 1 << 15,      /* not the first or last word of a mention: on, Tuesday, of */
};

/* Build the tables; call once before extraction (thread-safe). 0 or -1. */
int stance_xlex_init(void);

/* The flags of a word (case-insensitive), 0 when unknown. */
unsigned stance_xlex_word(const char *text, const xtok *t);

/* Is tokens[k] (with tokens[k + 1] for "according to", "called for") a
 * reporting verb or act? Returns its flags, 0 if not, and in *width the
 * number of tokens it spans. Verbs must be in lower case. */
unsigned stance_xlex_verb(const char *text, const xtok *tokens, size_t n, size_t k, size_t *width);

#endif
