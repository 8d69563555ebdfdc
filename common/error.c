/* Errors that name the file and line they are about. */
#include "stance.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void set_location(stance_error *err, const char *file, long line)
{
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
}

int stance_fail(stance_error *err, const char *file, long line, const char *fmt, ...)
{
    if (!err)
        return -1;
    set_location(err, file, line);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

int stance_fail_errno(stance_error *err, const char *file, long line, const char *fmt, ...)
{
    int saved = errno;
    if (!err)
        return -1;
    set_location(err, file, line);
    va_list ap;
    va_start(ap, fmt);
    int used = vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (used >= 0 && (size_t)used < sizeof err->message)
        snprintf(err->message + used, sizeof err->message - (size_t)used, ": %s", strerror(saved));
    return -1;
}

void stance_error_clear(stance_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

void stance_error_print(const stance_error *err, FILE *to)
{
    if (err->file[0] && err->line > 0)
        fprintf(to, "stance: %s:%ld: %s\n", err->file, err->line, err->message);
    else if (err->file[0])
        fprintf(to, "stance: %s: %s\n", err->file, err->message);
    else
        fprintf(to, "stance: %s\n", err->message);
}
