/* Whole model files from untrusted bytes: loaded, then used to predict. The
 * fuzzer works on the payload; the harness adds a valid header (length and
 * CRC-32) so that the payload checks are reached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/container.h"
#include "stance.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char header[64];
    int h = snprintf(header, sizeof header, "STANCE-MODEL 1 %zu %08x\n", size, stance_crc32_of(data, size));
    unsigned char *file = malloc((size_t)h + size + 1);
    memcpy(file, header, (size_t)h);
    memcpy(file + h, data, size);
    stance_error err;
    stance_model *m = stance_model_load_buffer("fuzz", file, (size_t)h + size, &err);
    if (m) {
        stance_sparse work = {0};
        double probs[1000];
        const char text[] = "The ministry rejected the results.";
        int label = stance_model_predict(m, text, sizeof text - 1, &work, probs, &err);
        if (label >= (int)stance_model_n_labels(m))
            __builtin_trap();
        stance_term terms[5];
        stance_model_explain(m, &work, label, terms, 5);
        stance_sparse_free(&work);
        stance_model_free(m);
    }
    free(file);
    return 0;
}
