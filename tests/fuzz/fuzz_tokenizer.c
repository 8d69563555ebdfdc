/* Tokenizer, negation and n-grams on arbitrary bytes: invalid UTF-8 must be
 * reported, and tokens must point inside the lower-cased text. */
#include <stdlib.h>
#include <string.h>

#include "features/ngrams.h"
#include "features/tokenizer.h"

static void sink(void *ctx, uint64_t hash, const char *name, size_t len)
{
    (void)hash;
    (void)name;
    *(size_t *)ctx += len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    token_list t;
    stance_token_list_init(&t);
    stance_error err;
    if (stance_tokenize((const char *)data, size, &t, &err) == 0) {
        stance_tokens_mark_negation(&t);
        for (size_t i = 0; i < t.n; i++)
            if (t.tokens[i].start + t.tokens[i].len > t.text_len || t.tokens[i].len == 0 ||
                t.tokens[i].src_offset >= size)
                __builtin_trap();
        stance_feature_config cfg;
        stance_feature_config_default(&cfg);
        cfg.word_ngram_max = 3;
        cfg.char_ngram_min = 1;
        cfg.char_ngram_max = 5;
        cfg.mark_negation = true;
        cfg.stop_words = size & 1;
        cfg.char_ngram_word_bounded = size & 2;
        ngram_buffer b = {0};
        size_t total = 0;
        stance_ngrams_emit(&t, &cfg, &b, sink, &total);
        stance_ngram_buffer_free(&b);
    }
    stance_token_list_free(&t);
    return 0;
}
