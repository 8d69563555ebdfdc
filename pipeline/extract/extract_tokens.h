/* Tokens for statement extraction: words, punctuation and quotation marks
 * with their byte offsets in the article text. Unlike the feature tokenizer
 * (features/tokenizer.c) this keeps case and offsets, and tells quotation
 * marks from apostrophes. */
#ifndef STANCE_PIPELINE_EXTRACT_TOKENS_H
#define STANCE_PIPELINE_EXTRACT_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum xtok_type {
    XTOK_WORD,
    XTOK_POSSESSIVE, /* the 's (or ’s, or a bare ’ after a plural) of "Russia's" */
    XTOK_PUNCT,      /* , ; : . ! ? ( ) dashes ... */
    XTOK_QUOTE,      /* a quotation mark; see quote_role */
} xtok_type;

typedef enum xquote_role {
    XQ_NONE,
    XQ_OPEN,
    XQ_CLOSE,
    XQ_EITHER, /* a straight " that could open or close */
} xquote_role;

typedef enum xquote_family {
    XQ_DOUBLE,    /* " “ ” „ */
    XQ_GUILLEMET, /* « » */
    XQ_SINGLE,    /* ‘ ’ ' used as quotes (only for quotes inside quotes) */
} xquote_family;

typedef struct xtok {
    uint32_t start, end; /* bytes of the article text */
    uint8_t type;        /* xtok_type */
    uint8_t quote;       /* xquote_role, for XTOK_QUOTE */
    uint8_t family;      /* xquote_family */
    bool capital;        /* a word that starts with an upper-case letter */
    bool newline_before; /* a line break between this token and the previous one */
    bool blank_before;   /* an empty line (a paragraph break) before this token */
    int16_t depth;       /* quotation depth: 0 outside quotes, 1 inside a quote, ... */
    int32_t quote_id;    /* the top-level quote the token lies in (its index), or -1 */
} xtok;

typedef struct xtok_list {
    xtok *v;
    size_t n, cap;
} xtok_list;

/* Tokenize text[0..len) (valid UTF-8) into list (reused; cleared first).
 * -1 when out of memory. */
int stance_xtok_scan(const char *text, size_t len, xtok_list *list);
void stance_xtok_list_free(xtok_list *list);

/* A top-level quotation: tokens open..close (the marks themselves);
 * close is the last token of the paragraph when the quote is not closed. */
typedef struct xquote {
    size_t open, close;
    bool closed;
} xquote;

typedef struct xquote_list {
    xquote *v;
    size_t n, cap;
} xquote_list;

/* Pair the quotation marks of list, paragraph by paragraph: set every
 * token's depth and quote_id, and list the top-level quotes. Quotes inside
 * quotes may use any family; a straight " opens or closes by what is around
 * it. -1 when out of memory. */
int stance_xquote_pair(const char *text, xtok_list *list, xquote_list *quotes);
void stance_xquote_list_free(xquote_list *quotes);

/* Does token t spell word (ASCII, case-insensitive)? */
bool stance_xtok_is(const char *text, const xtok *t, const char *word);
/* Is token t the single punctuation character c? */
bool stance_xtok_punct(const char *text, const xtok *t, char c);

#endif
