#include "models/container.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char MAGIC[] = "STANCE-MODEL ";

uint32_t stance_crc32_of(const void *data, size_t len)
{
    /* CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib and PNG */
    uint32_t table[256];
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    const unsigned char *p = data;
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++)
        crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

int stance_model_container_write(const char *path, const char *payload, size_t len, stance_error *err)
{
    stance_output out;
    if (stance_output_open(&out, path, err) != 0)
        return -1;
    fprintf(out.fp, "%s%d %zu %08" PRIx32 "\n", MAGIC, MODEL_FORMAT_VERSION, len, stance_crc32_of(payload, len));
    if (fwrite(payload, 1, len, out.fp) != len) {
        stance_output_abort(&out);
        return stance_fail_errno(err, path, 0, "write error");
    }
    return stance_output_commit(&out, err);
}

int stance_model_container_check(const char *name, const char *data, size_t len, const char **payload,
                          size_t *payload_len, stance_error *err)
{
    size_t magic = sizeof MAGIC - 1;
    if (len < magic || memcmp(data, MAGIC, magic) != 0)
        return stance_fail(err, name, 0, "not a stance model file (no STANCE-MODEL header)");
    const char *nl = memchr(data, '\n', len < 128 ? len : 128);
    if (!nl)
        return stance_fail(err, name, 1, "model header line is malformed or truncated");
    char header[128];
    memcpy(header, data, (size_t)(nl - data));
    header[nl - data] = '\0';
    char *p = header + magic, *end;
    errno = 0;
    long version = strtol(p, &end, 10);
    if (end == p || *end != ' ' || errno)
        return stance_fail(err, name, 1, "model header has no format version");
    if (version > MODEL_FORMAT_VERSION)
        return stance_fail(err, name, 1,
                           "model format version %ld was written by a newer stance; this one reads version %d",
                           version, MODEL_FORMAT_VERSION);
    if (version < 1)
        return stance_fail(err, name, 1, "model format version %ld is not valid", version);
    p = end + 1;
    unsigned long long bytes = strtoull(p, &end, 10);
    if (end == p || *end != ' ' || errno || bytes > MODEL_MAX_BYTES)
        return stance_fail(err, name, 1, "model header has no valid payload length");
    p = end + 1;
    unsigned long crc = strtoul(p, &end, 16);
    if (end - p != 8 || *end != '\0')
        return stance_fail(err, name, 1, "model header has no valid checksum");
    size_t have = len - (size_t)(nl + 1 - data);
    if (have != bytes)
        return stance_fail(err, name, 0, "model file is %s: the header says %llu bytes follow, but %zu do",
                           have < bytes ? "truncated" : "longer than its header says", bytes, have);
    if (stance_crc32_of(nl + 1, have) != (uint32_t)crc)
        return stance_fail(err, name, 0, "model file is corrupted: its CRC-32 does not match");
    *payload = nl + 1;
    *payload_len = have;
    return 0;
}
