/* The model-file container check on untrusted bytes. */
#include <string.h>

#include "models/container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *payload;
    size_t len;
    stance_error err;
    if (stance_model_container_check("fuzz", (const char *)data, size, &payload, &len, &err) == 0) {
        if (payload < (const char *)data || payload + len != (const char *)data + size)
            __builtin_trap(); /* the payload is exactly the rest of the file */
    }
    return 0;
}
