/* Shared by the libFuzzer harnesses: most parsers read from a path, so the
 * input goes to a per-process temporary file first. */
#ifndef STANCE_TESTS_FUZZ_UTIL_H
#define STANCE_TESTS_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static inline const char *fuzz_temp_file(const uint8_t *data, size_t size, const char *suffix)
{
    static char path[256];
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(path, sizeof path, "%s/stance-fuzz-%ld%s", dir, (long)getpid(), suffix);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        abort();
    if (size && fwrite(data, 1, size, fp) != size)
        abort();
    fclose(fp);
    return path;
}

#endif
