/* Tokens and quotation marks for statement extraction. */
#include "pipeline/extract/extract_tokens.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "common/grow.h"
#include "common/utf8.h"

enum cclass { C_SPACE, C_NEWLINE, C_WORD, C_APOS, C_QUOTE, C_DASH, C_PUNCT };

typedef struct cinfo {
    enum cclass cls;
    size_t len;                  /* bytes */
    bool upper;                  /* an upper-case letter */
    uint8_t quote, family;       /* for C_QUOTE and C_APOS */
} cinfo;

static cinfo classify(const char *text, size_t len, size_t i)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        cinfo r = {C_PUNCT, 1, false, XQ_NONE, XQ_DOUBLE};
        if (c == '\n')
            r.cls = C_NEWLINE;
        else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            r.cls = C_SPACE;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            r.cls = C_WORD, r.upper = c <= 'Z';
        else if (c >= '0' && c <= '9')
            r.cls = C_WORD;
        else if (c == '"')
            r.cls = C_QUOTE, r.quote = XQ_EITHER;
        else if (c == '\'')
            r.cls = C_APOS, r.family = XQ_SINGLE, r.quote = XQ_EITHER;
        else if (c == '-')
            r.cls = C_DASH;
        return r;
    }
    utf8proc_int32_t cp;
    size_t n = stance_utf8_seq_len((const unsigned char *)text + i, len - i);
    if (n == 0)
        return (cinfo){C_PUNCT, 1, false, XQ_NONE, XQ_DOUBLE}; /* cannot happen on checked text */
    utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)n, &cp);
    cinfo r = {C_PUNCT, n, false, XQ_NONE, XQ_DOUBLE};
    switch (cp) {
    case 0x201C: case 0x201E: r.cls = C_QUOTE; r.quote = XQ_OPEN; return r;  /* “ „ */
    case 0x201D: r.cls = C_QUOTE; r.quote = XQ_CLOSE; return r;              /* ” */
    case 0x00AB: case 0x2039: r.cls = C_QUOTE; r.quote = XQ_OPEN; r.family = XQ_GUILLEMET; return r;
    case 0x00BB: case 0x203A: r.cls = C_QUOTE; r.quote = XQ_CLOSE; r.family = XQ_GUILLEMET; return r;
    case 0x2018: r.cls = C_QUOTE; r.quote = XQ_OPEN; r.family = XQ_SINGLE; return r; /* ‘ */
    case 0x2019: r.cls = C_APOS; r.quote = XQ_CLOSE; r.family = XQ_SINGLE; return r; /* ’ */
    case 0x2010: case 0x2011: r.cls = C_DASH; return r;                      /* hyphens */
    default: break;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_ZS)
        r.cls = C_SPACE;
    else if (cp == 0x2028 || cp == 0x2029)
        r.cls = C_NEWLINE;
    else if (cat <= UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO) {
        r.cls = C_WORD; /* letters, marks, numbers */
        r.upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
    }
    return r;
}

static int push(xtok_list *l, xtok t)
{
    if (stance_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v) != 0)
        return -1;
    l->v[l->n++] = t;
    return 0;
}

static bool is_word_at(const char *text, size_t len, size_t i)
{
    return i < len && classify(text, len, i).cls == C_WORD;
}

/* End of the word that starts at i: letters and digits, joined by internal
 * apostrophes ("don't"), hyphens ("al-Assad"), dots ("U.S.", "3.5") and
 * commas between digits ("1,000"). A final 's is left for a possessive. */
static size_t word_end(const char *text, size_t len, size_t i, bool *dotted)
{
    *dotted = false;
    size_t seg_start = i;
    for (;;) {
        while (i < len) {
            cinfo c = classify(text, len, i);
            if (c.cls != C_WORD)
                break;
            i += c.len;
        }
        if (i >= len)
            return i;
        cinfo c = classify(text, len, i);
        char ch = text[i];
        size_t next = i + c.len;
        if (c.cls == C_APOS && is_word_at(text, len, next)) {
            /* "Russia's" stops before the 's when nothing follows the s */
            if ((text[next] == 's' || text[next] == 'S') && !is_word_at(text, len, next + 1))
                return i;
            i = next;
            continue;
        }
        if ((c.cls == C_DASH || ch == '.' || (ch == ',' && i > 0 && text[i - 1] >= '0' &&
                                               text[i - 1] <= '9' && next < len &&
                                               text[next] >= '0' && text[next] <= '9')) &&
            is_word_at(text, len, next)) {
            if (ch == '.')
                *dotted = true;
            seg_start = next;
            i = next;
            continue;
        }
        /* the final dot of "U.S." (segments of one letter) */
        if (ch == '.' && *dotted && i - seg_start == 1)
            return i + 1;
        return i;
    }
}

int stance_xtok_scan(const char *text, size_t len, xtok_list *list)
{
    list->n = 0;
    bool newline = false, blank = false;
    size_t i = 0;
    while (i < len) {
        cinfo c = classify(text, len, i);
        if (c.cls == C_SPACE) {
            i += c.len;
            continue;
        }
        if (c.cls == C_NEWLINE) {
            if (newline)
                blank = true;
            newline = true;
            i += c.len;
            continue;
        }
        xtok t = {(uint32_t)i, 0, XTOK_PUNCT, XQ_NONE, XQ_DOUBLE, false, newline, blank, 0, -1};
        newline = blank = false;
        if (c.cls == C_WORD) {
            bool dotted;
            size_t end = word_end(text, len, i, &dotted);
            t.type = XTOK_WORD;
            t.capital = c.upper;
            t.end = (uint32_t)end;
            i = end;
        } else if (c.cls == C_APOS) {
            bool after_word = i > 0 && list->n && list->v[list->n - 1].end == i &&
                              list->v[list->n - 1].type == XTOK_WORD;
            size_t next = i + c.len;
            bool s_follows = next < len && (text[next] == 's' || text[next] == 'S') &&
                             !is_word_at(text, len, next + 1);
            if (after_word && s_follows) {
                t.type = XTOK_POSSESSIVE;
                t.end = (uint32_t)(next + 1);
            } else {
                /* a single quote mark, or the apostrophe of a plural possessive:
                 * the pairing pass decides */
                t.type = XTOK_QUOTE;
                t.family = XQ_SINGLE;
                t.quote = after_word ? XQ_CLOSE : is_word_at(text, len, next) ? XQ_OPEN : XQ_NONE;
                t.end = (uint32_t)next;
            }
            i = t.end;
        } else if (c.cls == C_QUOTE) {
            t.type = XTOK_QUOTE;
            t.quote = c.quote;
            t.family = c.family;
            t.end = (uint32_t)(i + c.len);
            i = t.end;
        } else {
            t.end = (uint32_t)(i + c.len);
            i = t.end;
        }
        if (push(list, t) != 0)
            return -1;
    }
    return 0;
}

void stance_xtok_list_free(xtok_list *list)
{
    free(list->v);
    memset(list, 0, sizeof *list);
}

bool stance_xtok_is(const char *text, const xtok *t, const char *word)
{
    size_t n = strlen(word);
    return t->end - t->start == n && strncasecmp(text + t->start, word, n) == 0;
}

bool stance_xtok_punct(const char *text, const xtok *t, char c)
{
    return t->type == XTOK_PUNCT && t->end - t->start == 1 && text[t->start] == c;
}

/* ---- pairing ----------------------------------------------------------- */

#define MAX_DEPTH 16

static int add_quote(xquote_list *q, xquote x)
{
    if (stance_grow(&q->v, &q->cap, q->n + 1, sizeof *q->v) != 0)
        return -1;
    q->v[q->n++] = x;
    return 0;
}

/* Does a straight " at token k open a quote? By what touches it: white
 * space or an opening bracket before and a word after opens. */
static xquote_role straight_role(const char *text, const xtok_list *l, size_t k)
{
    const xtok *t = &l->v[k];
    bool space_before = k == 0 || l->v[k - 1].end < t->start || t->newline_before ||
                        stance_xtok_punct(text, &l->v[k - 1], '(') || stance_xtok_punct(text, &l->v[k - 1], '[');
    bool space_after = k + 1 >= l->n || l->v[k + 1].start > t->end || l->v[k + 1].newline_before;
    bool punct_after = !space_after && l->v[k + 1].type == XTOK_PUNCT;
    if (space_before && !space_after)
        return XQ_OPEN;
    if (!space_before && (space_after || punct_after))
        return XQ_CLOSE;
    return XQ_EITHER;
}

static bool ends_sentence(const char *text, const xtok_list *l, size_t k)
{
    /* the last token before a line break: . ! ? or a closing mark after one */
    for (size_t j = k + 1; j-- > 0;) {
        const xtok *t = &l->v[j];
        if (t->type == XTOK_QUOTE || stance_xtok_punct(text, t, ')'))
            continue;
        return stance_xtok_punct(text, t, '.') || stance_xtok_punct(text, t, '!') || stance_xtok_punct(text, t, '?');
    }
    return false;
}

int stance_xquote_pair(const char *text, xtok_list *l, xquote_list *quotes)
{
    quotes->n = 0;
    uint8_t fam[MAX_DEPTH];
    int depth = 0;
    for (size_t k = 0; k < l->n; k++) {
        xtok *t = &l->v[k];
        /* a paragraph ends every quote still open */
        if (depth > 0 && k > 0 &&
            (t->blank_before || (t->newline_before && (ends_sentence(text, l, k - 1) ||
                                                       (t->type == XTOK_QUOTE && t->quote == XQ_OPEN))))) {
            quotes->v[quotes->n - 1].close = k - 1;
            depth = 0;
        }
        t->depth = (int16_t)depth;
        t->quote_id = depth > 0 ? (int32_t)(quotes->n - 1) : -1;
        if (t->type != XTOK_QUOTE)
            continue;
        xquote_role role = t->quote;
        if (t->family == XQ_DOUBLE && role == XQ_EITHER)
            role = straight_role(text, l, k);
        if (t->family == XQ_DOUBLE && role == XQ_OPEN && depth > 0 && fam[depth - 1] == XQ_DOUBLE &&
            text[t->start] != '"' && (k + 1 >= l->n || l->v[k + 1].start > t->end ||
                                      l->v[k + 1].type == XTOK_PUNCT))
            role = XQ_CLOSE; /* “ used as a closing mark: nothing follows it closely */
        /* a single mark closes only a single quote that is open; otherwise it
         * is an apostrophe ("ministers’") */
        if (t->family == XQ_SINGLE) {
            bool open_single = depth > 0 && fam[depth - 1] == XQ_SINGLE;
            if (role == XQ_CLOSE && !open_single) {
                t->quote = XQ_NONE;
                continue;
            }
            if (role == XQ_OPEN && depth == 0) {
                t->quote = XQ_NONE; /* single quotes count only inside quotes */
                continue;
            }
            if (role == XQ_EITHER)
                role = open_single ? XQ_CLOSE : XQ_OPEN;
        }
        if (role == XQ_EITHER)
            role = depth > 0 && fam[depth - 1] == XQ_DOUBLE ? XQ_CLOSE : XQ_OPEN;
        if (role == XQ_CLOSE) {
            int d = depth;
            while (d > 0 && fam[d - 1] != t->family)
                d--;
            if (d == 0) {
                t->quote = XQ_NONE; /* closes nothing */
                continue;
            }
            depth = d - 1;
            t->quote = XQ_CLOSE;
            t->depth = (int16_t)depth;
            if (depth == 0) {
                quotes->v[quotes->n - 1].close = k;
                quotes->v[quotes->n - 1].closed = true;
            }
            continue;
        }
        /* opening */
        t->quote = XQ_OPEN;
        if (depth == MAX_DEPTH) {
            t->quote = XQ_NONE; /* too deep: read it as a plain mark */
            continue;
        }
        if (depth == 0) {
            if (add_quote(quotes, (xquote){k, l->n - 1, false}) != 0)
                return -1;
            t->quote_id = (int32_t)(quotes->n - 1);
        }
        fam[depth] = t->family;
        depth++;
    }
    return 0;
}

void stance_xquote_list_free(xquote_list *quotes)
{
    free(quotes->v);
    memset(quotes, 0, sizeof *quotes);
}
