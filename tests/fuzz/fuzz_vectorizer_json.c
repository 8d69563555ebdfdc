/* A vectorizer from hostile JSON, then used on a text. */
#include <cjson/cJSON.h>

#include "features/vectorizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cJSON *j = cJSON_ParseWithLength((const char *)data, size);
    if (!j)
        return 0;
    stance_error err;
    stance_vectorizer *v = stance_vectorizer_from_json(j, "fuzz", &err);
    if (v) {
        stance_sparse s = {0};
        const char text[] = "We do not accept the proposal, the minister said.";
        if (stance_vectorizer_transform(v, text, sizeof text - 1, &s, &err) == 0)
            for (size_t i = 0; i < s.nnz; i++)
                if (s.nodes[i].index < 1 || (size_t)s.nodes[i].index > stance_vectorizer_dim(v))
                    __builtin_trap();
        stance_sparse_free(&s);
        stance_vectorizer_free(v);
    }
    cJSON_Delete(j);
    return 0;
}
