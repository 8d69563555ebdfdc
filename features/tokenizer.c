#include "features/tokenizer.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "common/grow.h"

void stance_token_list_init(token_list *t)
{
    memset(t, 0, sizeof *t);
}

void stance_token_list_free(token_list *t)
{
    free(t->tokens);
    free(t->text);
    memset(t, 0, sizeof *t);
}

/* ---- decoding --------------------------------------------------------- */

typedef struct cursor {
    const unsigned char *s;
    size_t len;
} cursor;

/* Code point at byte i and its length; -1 on invalid UTF-8; 0 at the end. */
static inline utf8proc_int32_t cp_at(const cursor *c, size_t i, size_t *n)
{
    if (i >= c->len) {
        *n = 0;
        return -1;
    }
    if (c->s[i] < 0x80) { /* most news text is ASCII: skip the decoder */
        *n = 1;
        return c->s[i];
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t got = utf8proc_iterate(c->s + i, (utf8proc_ssize_t)(c->len - i), &cp);
    if (got < 0) {
        *n = 0;
        return -2;
    }
    *n = (size_t)got;
    return cp;
}

static bool is_letter(utf8proc_int32_t cp)
{
    if (cp < 0)
        return false;
    if (cp < 128)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

static bool is_digit(utf8proc_int32_t cp)
{
    if (cp < 0)
        return false;
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static bool is_word_char(utf8proc_int32_t cp)
{
    return is_letter(cp) || is_digit(cp) || cp == '_';
}

static bool is_space(utf8proc_int32_t cp)
{
    if (cp < 128)
        return cp == ' ' || (cp >= 9 && cp <= 13) || cp < 32 || cp == 127;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
           c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF;
}

static bool is_apostrophe(utf8proc_int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

static bool is_hyphen(utf8proc_int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* ---- output ----------------------------------------------------------- */

static int reserve_text(token_list *t, size_t more)
{
    return stance_grow(&t->text, &t->text_cap, t->text_len + more, 1);
}

/* Append the lower-cased code point; apostrophes and hyphens are normalised. */
static int put_cp(token_list *t, utf8proc_int32_t cp)
{
    if (reserve_text(t, 4) != 0)
        return -1;
    if (cp < 128) {
        t->text[t->text_len++] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
        return 0;
    }
    if (is_apostrophe(cp))
        cp = '\'';
    else if (is_hyphen(cp))
        cp = '-';
    else
        cp = utf8proc_tolower(cp);
    t->text_len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)t->text + t->text_len);
    return 0;
}

static int begin_token(token_list *t, size_t src, token_kind kind)
{
    if (stance_grow(&t->tokens, &t->cap, t->n + 1, sizeof *t->tokens) != 0)
        return -1;
    t->tokens[t->n] = (token){.start = t->text_len, .src_offset = src, .kind = kind};
    return 0;
}

static void end_token(token_list *t)
{
    token *k = &t->tokens[t->n++];
    k->len = t->text_len - k->start;
}

/* Copy code points of the input [from, to) to the current token. */
static int put_range(token_list *t, const cursor *c, size_t from, size_t to)
{
    size_t n;
    for (size_t i = from; i < to; i += n)
        if (put_cp(t, cp_at(c, i, &n)) != 0)
            return -1;
    return 0;
}

/* ---- recognisers: each returns the end of what it recognises, or 0 ----- */

static bool prefix_ci(const cursor *c, size_t i, const char *p)
{
    size_t n = strlen(p);
    return i + n <= c->len && strncasecmp((const char *)c->s + i, p, n) == 0;
}

static size_t scan_url(const cursor *c, size_t i)
{
    unsigned char first = c->s[i] | 32;
    if (first != 'h' && first != 'w')
        return 0;
    if (!prefix_ci(c, i, "http://") && !prefix_ci(c, i, "https://") && !prefix_ci(c, i, "www."))
        return 0;
    size_t j = i, n;
    utf8proc_int32_t cp;
    while ((cp = cp_at(c, j, &n)) >= 0 && !is_space(cp))
        j += n;
    /* sentence punctuation after a URL is not part of it */
    while (j > i && strchr(".,;:!?)]}\"'", c->s[j - 1]))
        j--;
    return j;
}

/* @name and #tag: the sign, then letters, digits and underscores. */
static size_t scan_tag(const cursor *c, size_t i)
{
    size_t j = i + 1, n;
    utf8proc_int32_t cp;
    while ((cp = cp_at(c, j, &n)) >= 0 && is_word_char(cp))
        j += n;
    return j > i + 1 ? j : 0;
}

/* u.s., e.g.: single letters each followed by a dot, at least two of them. */
static size_t scan_abbrev(const cursor *c, size_t i)
{
    size_t j = i, n, m, letters = 0;
    for (;;) {
        utf8proc_int32_t cp = cp_at(c, j, &n);
        if (!is_letter(cp) || cp_at(c, j + n, &m) != '.')
            break;
        size_t after;
        if (is_letter(cp_at(c, j + n + 1, &after)) && letters == 0 &&
            cp_at(c, j + n + 1 + after, &m) != '.')
            break; /* "a.b" is not an abbreviation */
        j += n + 1;
        letters++;
        if (is_word_char(cp_at(c, j, &m)) && cp_at(c, j + m, &n) != '.')
            return 0; /* "e.coli" */
    }
    return letters >= 2 ? j : 0;
}

/* 3.5 and 1,000: digits with inner dots or commas between digits. */
static size_t scan_number(const cursor *c, size_t i)
{
    size_t j = i, n, m;
    utf8proc_int32_t cp;
    while ((cp = cp_at(c, j, &n)) >= 0) {
        if (is_digit(cp))
            j += n;
        else if ((cp == '.' || cp == ',') && is_digit(cp_at(c, j + 1, &m)))
            j += 1;
        else
            break;
    }
    return j;
}

/* A word: word characters, with inner apostrophes ("don't") and hyphens
 * ("pro-russian") between them. A final "'s" is left for its own token. */
static size_t scan_word(const cursor *c, size_t i)
{
    size_t j = i, n, m, k;
    utf8proc_int32_t cp;
    for (;;) {
        while ((cp = cp_at(c, j, &n)) >= 0 && is_word_char(cp))
            j += n;
        if (cp < 0)
            return j;
        if (is_apostrophe(cp) && is_letter(cp_at(c, j + n, &m))) {
            utf8proc_int32_t s = cp_at(c, j + n, &m);
            if ((s == 's' || s == 'S') && !is_word_char(cp_at(c, j + n + m, &k)))
                return j; /* possessive or "it's": split off */
            j += n;
            continue;
        }
        if (is_hyphen(cp) && is_word_char(cp_at(c, j + n, &m))) {
            j += n;
            continue;
        }
        return j;
    }
}

int stance_tokenize(const char *text, size_t len, token_list *out, stance_error *err)
{
    cursor c = {(const unsigned char *)text, len};
    out->n = 0;
    out->text_len = 0;
    size_t i = 0, n, word_end = (size_t)-1; /* where the last word token ended */
    while (i < len) {
        utf8proc_int32_t cp = cp_at(&c, i, &n);
        if (cp == -2)
            return stance_fail(err, NULL, 0, "invalid UTF-8 at byte %zu", i + 1);
        if (is_space(cp)) {
            i += n;
            continue;
        }
        size_t end = 0;
        token_kind kind = TOKEN_PUNCT;
        if ((end = scan_url(&c, i))) {
            kind = TOKEN_URL;
        } else if ((cp == '@' || cp == '#') && (end = scan_tag(&c, i))) {
            kind = cp == '@' ? TOKEN_MENTION : TOKEN_HASHTAG;
        } else if (is_letter(cp) && (end = scan_abbrev(&c, i))) {
            kind = TOKEN_ABBREV;
        } else if (is_digit(cp)) {
            end = scan_number(&c, i);
            kind = TOKEN_NUMBER;
            size_t m;
            if (is_letter(cp_at(&c, end, &m))) { /* 1st, 20th, 3d */
                end = scan_word(&c, i);
                kind = TOKEN_WORD;
            }
        } else if (is_word_char(cp)) {
            end = scan_word(&c, i);
            kind = TOKEN_WORD;
        } else if (is_apostrophe(cp)) {
            /* the "'s" split off a word: one token */
            size_t m, k;
            utf8proc_int32_t s = cp_at(&c, i + n, &m);
            if (word_end == i && (s == 's' || s == 'S') && !is_word_char(cp_at(&c, i + n + m, &k))) {
                end = i + n + m;
                kind = TOKEN_WORD;
            }
        }
        if (!end)
            end = i + n; /* one punctuation character */
        if (begin_token(out, i, kind) != 0 || put_range(out, &c, i, end) != 0)
            return stance_fail(err, NULL, 0, "out of memory");
        end_token(out);
        if (kind == TOKEN_WORD)
            word_end = end;
        i = end;
    }
    return 0;
}

/* ---- negation --------------------------------------------------------- */

static bool is_negation(const char *w, size_t len)
{
    static const char *const cues[] = {"not", "no", "never", "nor", "cannot", "without",
                                       "nobody", "nothing", "neither", "none", "nowhere"};
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
        if (strlen(cues[i]) == len && memcmp(cues[i], w, len) == 0)
            return true;
    return len > 3 && memcmp(w + len - 3, "n't", 3) == 0;
}

static bool ends_clause(const char *w, size_t len)
{
    return len == 1 && strchr(".,;:!?", w[0]);
}

void stance_tokens_mark_negation(token_list *t)
{
    bool in_scope = false;
    for (size_t i = 0; i < t->n; i++) {
        token *k = &t->tokens[i];
        const char *w = t->text + k->start;
        if (k->kind == TOKEN_PUNCT && ends_clause(w, k->len)) {
            in_scope = false;
            continue;
        }
        k->negated = in_scope && k->kind != TOKEN_PUNCT;
        if (k->kind == TOKEN_WORD && is_negation(w, k->len))
            in_scope = true;
    }
}
