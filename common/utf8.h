/* UTF-8 validation: every byte that enters the pipeline is checked once, at
 * the edge, so that later stages can decode without bounds surprises. */
#ifndef STANCE_COMMON_UTF8_H
#define STANCE_COMMON_UTF8_H

#include <stddef.h>
#include <stdbool.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates, no
 * code points past U+10FFFF). On failure *bad_offset is the first bad byte. */
bool stance_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Length in bytes of the well-formed sequence starting at s (1..4), or 0 when
 * s[0..avail) does not start with one. Never reads past avail. */
size_t stance_utf8_seq_len(const unsigned char *s, size_t avail);

#endif
