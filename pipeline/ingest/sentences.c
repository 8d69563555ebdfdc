/* Sentence splitting for news text. A sentence ends at . ! or ? (with any
 * closing quotes and brackets after it) when white space follows and the
 * next sentence starts with a capital, a digit or an opening quote; and at
 * every line break (paragraphs). A full stop does not end a sentence after
 * a known abbreviation, a single capital (an initial or a letter of U.S.)
 * or between digits. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/grow.h"
#include "stance.h"

static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "sen", "rep", "gov", "pres", "amb", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "approx", "est",
};

/* The word that ends right before the dot at text[dot], lower-cased. */
static bool is_abbreviation(const char *text, size_t dot)
{
    size_t start = dot;
    while (start > 0 && (isalpha((unsigned char)text[start - 1]) || text[start - 1] == '.'))
        start--;
    size_t len = dot - start;
    if (len == 0)
        return false;
    /* "U.S" before the final dot, or a single capital: "J." "A." */
    if (memchr(text + start, '.', len) || (len == 1 && isupper((unsigned char)text[start])))
        return true;
    for (size_t i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++)
        if (strlen(abbreviations[i]) == len && strncasecmp(abbreviations[i], text + start, len) == 0)
            return true;
    return false;
}

/* Closing quotes and brackets that belong to the sentence before them. */
static size_t skip_closers(const char *t, size_t i, size_t len)
{
    for (;;) {
        if (i < len && strchr("\"')]", t[i]) && t[i])
            i++;
        else if (i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
                 ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99))
            i += 3; /* ” ’ */
        else if (i + 1 < len && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xBB)
            i += 2; /* » */
        else
            return i;
    }
}

/* Does a new sentence start at t[i]? A capital (any non-ASCII letter
 * counts), a digit or an opening quote. */
static bool starts_sentence(const char *t, size_t i, size_t len)
{
    if (i >= len)
        return true;
    unsigned char c = (unsigned char)t[i];
    return isupper(c) || isdigit(c) || c == '"' || c == '\'' || c == '(' || c >= 0x80;
}

static int push(stance_span **out, size_t *n, size_t *cap, const char *t, size_t start, size_t end)
{
    while (start < end && isspace((unsigned char)t[start]))
        start++;
    while (end > start && isspace((unsigned char)t[end - 1]))
        end--;
    if (start >= end)
        return 0;
    if (stance_grow(out, cap, *n + 1, sizeof **out) != 0)
        return -1;
    (*out)[(*n)++] = (stance_span){start, end};
    return 0;
}

long stance_split_sentences(const char *t, size_t len, stance_span **out)
{
    *out = NULL;
    size_t n = 0, cap = 0, start = 0;
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        size_t end = 0;
        if (c == '\n') {
            end = i;
        } else if (c == '.' || c == '!' || c == '?') {
            if (c == '.' && i + 1 < len && isdigit((unsigned char)t[i + 1]) && i > 0 &&
                isdigit((unsigned char)t[i - 1]))
                continue; /* 3.5 */
            if (c == '.' && is_abbreviation(t, i))
                continue;
            while (i + 1 < len && strchr(".!?", t[i + 1]))
                i++; /* ?! and ... */
            size_t after = skip_closers(t, i + 1, len);
            if (after < len && !isspace((unsigned char)t[after]))
                continue; /* "U.N.-led", "3.x", a dot inside a token */
            size_t next = after;
            while (next < len && (t[next] == ' ' || t[next] == '\t'))
                next++;
            if (next < len && t[next] != '\n' && !starts_sentence(t, next, len))
                continue; /* "the U.S. said" after an unknown abbreviation */
            end = after;
            i = after - 1;
        } else {
            continue;
        }
        if (push(out, &n, &cap, t, start, end) != 0) {
            free(*out);
            *out = NULL;
            return -1;
        }
        start = c == '\n' ? end + 1 : end;
    }
    if (push(out, &n, &cap, t, start, len) != 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return (long)n;
}
