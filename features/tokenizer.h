/* A tokenizer for news and social text. Text is decoded as UTF-8 (invalid
 * bytes are an error, never read past), lower-cased code point by code point
 * with utf8proc (accented Latin, Greek, Cyrillic, ...), and cut into words,
 * numbers, URLs, @mentions, #hashtags and punctuation. */
#ifndef STANCE_FEATURES_TOKENIZER_H
#define STANCE_FEATURES_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>

#include "stance.h"

typedef enum token_kind {
    TOKEN_WORD,    /* letters, with inner apostrophes and hyphens: don't, pro-russian */
    TOKEN_ABBREV,  /* letters with dots: u.s., e.g. */
    TOKEN_NUMBER,  /* 3.5, 1,000, 2015 */
    TOKEN_URL,     /* http://..., https://..., www.... */
    TOKEN_MENTION, /* @user */
    TOKEN_HASHTAG, /* #tag */
    TOKEN_PUNCT,   /* any other visible character, one per token */
} token_kind;

typedef struct token {
    size_t start, len;  /* the lower-cased token in token_list.text */
    size_t src_offset;  /* where it starts in the input, in bytes */
    token_kind kind;
    bool negated;       /* inside a negation scope (set by stance_tokens_mark_negation) */
} token;

/* Tokens and the lower-cased text they point into; reused across calls so
 * that tokenizing a stream allocates only while buffers grow. */
typedef struct token_list {
    token *tokens;
    size_t n, cap;
    char *text;
    size_t text_len, text_cap;
} token_list;

void stance_token_list_init(token_list *t);
void stance_token_list_free(token_list *t);

/* Tokenize text[0..len). On invalid UTF-8, fails naming the byte offset. */
int stance_tokenize(const char *text, size_t len, token_list *out, stance_error *err);

static inline const char *token_text(const token_list *t, size_t i)
{
    return t->text + t->tokens[i].start;
}

/* Mark tokens that follow a negation ("not", "no", "never", "n't", ...) up to
 * the next punctuation that ends a clause. */
void stance_tokens_mark_negation(token_list *t);

/* English function words, for the optional stop-word filter. */
bool stance_is_stop_word(const char *word, size_t len);

#endif
