/* Article files (text or JSONL, by the first byte) read to the end with bad
 * records skipped, and every article split into sentences. */
#include <stdlib.h>

#include "stance.h"
#include "tests/fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *path = fuzz_temp_file(data + 1, size - 1, data[0] & 1 ? ".jsonl" : ".txt");
    stance_error err;
    stance_article_reader *r = stance_article_reader_open(&path, 1, 1 << 16, &err);
    if (!r)
        return 0;
    stance_article a;
    int rc;
    while ((rc = stance_article_reader_next(r, &a, &err)) != 0) {
        if (rc < 0)
            continue; /* skip, as a batch does */
        stance_span *s;
        long n = stance_split_sentences(a.text, a.text_len, &s);
        for (long i = 0; i < n; i++)
            if (s[i].start >= s[i].end || s[i].end > a.text_len || (i && s[i].start < s[i - 1].end))
                __builtin_trap();
        free(s);
        stance_article_free(&a);
    }
    stance_article_reader_close(r);
    return 0;
}
