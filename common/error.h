/* Error values carried up from the library to the command line.
 * Every failure names the file and line it is about when there is one, so
 * that the program can print `stance: FILE:LINE: what is wrong`. */
#ifndef STANCE_COMMON_ERROR_H
#define STANCE_COMMON_ERROR_H

#include "stance.h"

/* Fill err (when not NULL) and return -1, so callers can `return stance_fail(...)`. */
int stance_fail(stance_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Like stance_fail, with strerror(errno) appended. */
int stance_fail_errno(stance_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
