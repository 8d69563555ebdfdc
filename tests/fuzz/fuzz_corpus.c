/* Corpus reader: JSONL, CSV, TSV and text+labels, chosen by the first byte. */
#include <string.h>

#include "stance.h"
#include "tests/fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = {"jsonl", "csv", "tsv", "lines"};
    static const char *const labels[] = {"conciliatory", "adversarial", "neutral"};
    if (size < 1)
        return 0;
    int choice = data[0];
    const char *path = fuzz_temp_file(data + 1, size - 1, ".corpus");
    stance_corpus_options opt;
    stance_corpus_options_default(&opt);
    opt.format = formats[choice & 3];
    if (choice & 4) {
        opt.allowed_labels = labels;
        opt.n_allowed_labels = 3;
    }
    if ((choice & 3) == 3)
        opt.labels_path = path; /* the same bytes serve as labels */
    if (choice & 8)
        opt.label_map_path = path;
    stance_corpus c;
    stance_error err;
    if (stance_corpus_read(path, &opt, &c, &err) == 0) {
        for (size_t i = 0; i < c.n; i++)
            if (c.labels[i] < 0 || (size_t)c.labels[i] >= c.n_labels || strlen(c.texts[i]) != c.text_lens[i])
                __builtin_trap();
        stance_corpus_free(&c);
    } else if (!err.message[0]) {
        __builtin_trap(); /* every failure says why */
    }
    return 0;
}
