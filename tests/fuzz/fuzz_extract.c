/* Statement extraction on any valid UTF-8 text, with the repository's
 * gazetteer: no crash, no read past the text, and statements whose offsets,
 * sentences and codes make sense. */
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "stance.h"

static stance_gazetteer *gazetteer;
static stance_extractor *extractor;

static void init(void)
{
    stance_error err;
    gazetteer = stance_gazetteer_new();
    if (stance_gazetteer_add_path(gazetteer, STANCE_SOURCE_DIR "/training-data/gazetteer", &err) != 0)
        abort();
    extractor = stance_extractor_new(gazetteer, &err);
    if (!extractor)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t bad;
    /* the article reader lets only valid UTF-8 without NUL bytes through */
    if (!stance_utf8_valid((const char *)data, size, &bad) || memchr(data, 0, size))
        return 0;
    if (!extractor)
        init();
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    stance_article a = {0};
    a.id = "fuzz";
    a.text = text;
    a.text_len = size;
    a.date = size && data[0] & 1 ? "2015-11-17" : NULL;
    const stance_statement *st;
    stance_error err;
    long n = stance_extract(extractor, &a, &st, &err);
    for (long i = 0; i < n; i++) {
        const stance_statement *s = &st[i];
        if (s->start > s->end || s->end > size || s->text_start > s->start || s->end > s->text_end ||
            s->text_end > size || !s->speaker || !s->verb)
            __builtin_trap();
        size_t c = strlen(s->country);
        if (c != 0 && c != 3)
            __builtin_trap();
        if (i && s->text_start < st[i - 1].text_start)
            __builtin_trap(); /* text order */
    }
    free(text);
    return 0;
}
