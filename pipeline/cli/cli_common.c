#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pipeline/cli/cli.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "stance: %s%s", cmd ? cmd : "", cmd ? ": " : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "\nTry 'stance %s --help' for more information.\n", cmd);
    else
        fprintf(stderr, "\nTry 'stance --help' for more information.\n");
    return STANCE_EXIT_USAGE;
}

int cli_fail(const stance_error *err)
{
    stance_error_print(err, stderr);
    return STANCE_EXIT_FAILURE;
}

bool cli_parse_int(const char *cmd, const char *opt, const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max) {
        cli_usage_error(cmd, "%s wants a whole number from %ld to %ld, not '%s'", opt, min, max, s);
        return false;
    }
    *out = v;
    return true;
}

bool cli_parse_double(const char *cmd, const char *opt, const char *s, double min, double max,
                      double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= min && v <= max)) {
        cli_usage_error(cmd, "%s wants a number from %g to %g, not '%s'", opt, min, max, s);
        return false;
    }
    *out = v;
    return true;
}

bool cli_stderr_is_tty(void)
{
    return isatty(STDERR_FILENO) == 1;
}

size_t cli_copy_options(const struct option *from, struct option *out)
{
    size_t n = 0;
    while (from[n].name) {
        out[n] = from[n];
        n++;
    }
    return n;
}

int cli_bad_option(const char *cmd, int c, const char *word)
{
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs an argument", word);
    return cli_usage_error(cmd, "unknown option '%s'", word);
}
