/* The predicate lexicon (training-data/lexicon/predicates.tsv, built into
 * the library): verbs, nouns and adjectives with a cooperation/conflict
 * class in the spirit of CAMEO and PLOVER, a polarity, and what extraction
 * needs to know (a verb of saying, a reported act, a reverser that flips
 * its object, ...). Extraction uses it to find statements; the features of
 * the stance model use it to read what was done to what. */
#ifndef STANCE_FEATURES_PREDICATES_H
#define STANCE_FEATURES_PREDICATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stance.h"

typedef enum stance_pred_pos { STANCE_PRED_VERB, STANCE_PRED_NOUN, STANCE_PRED_ADJ } stance_pred_pos;

enum {
    STANCE_PRED_SPEECH = 1 << 0,    /* introduces reported content: said, warned, urged */
    STANCE_PRED_INVERTS = 1 << 1,   /* may follow its quote: '"...," said X' */
    STANCE_PRED_ACT = 1 << 2,       /* a reported act that is a statement: rejected, expelled */
    STANCE_PRED_REVERSER = 1 << 3,  /* flips its object: lift sanctions, suspend talks */
    STANCE_PRED_ADDRESSEE = 1 << 4, /* its first object is who is addressed: told reporters */
    STANCE_PRED_PASSIVE = 1 << 5,   /* often passive: "was condemned by" */
};

typedef struct stance_predicate {
    const char *lemma;  /* the base form */
    const char *cls;    /* say, comment, appeal, ..., cooperation, conflict, hostile, friendly */
    stance_pred_pos pos;
    int polarity;       /* +1 cooperation, -1 conflict, 0 neither (or: the object decides) */
    unsigned flags;     /* STANCE_PRED_* */
    unsigned words;     /* words in the form that was found */
} stance_predicate;

/* Read the lexicon (once; thread-safe). 0, or -1 with err (the built-in
 * file is malformed: a build error, really). */
int stance_predicates_load(stance_error *err);
/* The entry of pos with the form key (lower case, words separated by one
 * space, len bytes); NULL when none. Call stance_predicates_load first. */
const stance_predicate *stance_predicate_find(const char *key, size_t len, stance_pred_pos pos);
/* The most words any form has. */
unsigned stance_predicates_max_words(void);

#endif
