/* Gazetteer text from a user: loaded or refused whole, then looked up. */
#include <string.h>

#include "stance.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    stance_gazetteer *g = stance_gazetteer_new();
    stance_error err;
    if (stance_gazetteer_add_text(g, "fuzz.tsv", (const char *)data, size, &err) != 0 &&
        stance_gazetteer_size(g) != 0)
        __builtin_trap(); /* a refused text adds nothing */
    const stance_actor *a[8];
    static const char *const probes[] = {"Russia", "the Kremlin", "U.S.", "Lavrov", "x"};
    for (size_t i = 0; i < 5; i++) {
        size_t n = stance_gazetteer_lookup(g, probes[i], strlen(probes[i]), a, 8);
        for (size_t k = 0; k < n; k++)
            if (!a[k]->name || (a[k]->from && a[k]->to && a[k]->from > a[k]->to))
                __builtin_trap();
    }
    stance_gazetteer_free(g);
    return 0;
}
