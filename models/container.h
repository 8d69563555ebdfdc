/* The outer layer of a model file: one header line, then the payload.
 *
 *   STANCE-MODEL <format version> <payload bytes> <CRC-32 of the payload, 8 hex digits>\n
 *   <payload: a JSON document of exactly that many bytes>
 *
 * Reading checks the magic word (a foreign file), the version (a file from a
 * newer stance), the length (a truncated or extended file) and the CRC-32
 * (a corrupted one) before the payload is parsed at all. */
#ifndef STANCE_MODELS_CONTAINER_H
#define STANCE_MODELS_CONTAINER_H

#include <stddef.h>
#include <stdint.h>

#include "stance.h"

#define MODEL_FORMAT_VERSION 1
#define MODEL_MAX_BYTES ((size_t)1 << 31)

uint32_t stance_crc32_of(const void *data, size_t len);

/* Write header and payload to path, atomically (temporary file, then rename). */
int stance_model_container_write(const char *path, const char *payload, size_t len, stance_error *err);
/* Check a model file held in memory (name is for messages); on success
 * *payload points into data and is *payload_len bytes long. */
int stance_model_container_check(const char *name, const char *data, size_t len, const char **payload,
                          size_t *payload_len, stance_error *err);

#endif
