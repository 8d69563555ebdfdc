/* Messages, numbers and lists for the command files. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int cli_append_list(const char *cmd, const char *opt, const char *arg, char ***list, size_t *n)
{
    char *copy = strdup(arg), *save = NULL;
    if (!copy)
        return cli_usage_error(cmd, "out of memory");
    int rc = STANCE_EXIT_OK;
    for (char *tok = strtok_r(copy, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
        char **more = realloc(*list, (*n + 1) * sizeof *more);
        if (more)
            *list = more;
        if (!more || !(more[*n] = strdup(tok)))
            rc = cli_usage_error(cmd, "out of memory");
        else
            (*n)++;
    }
    free(copy);
    if (rc == 0 && *n == 0)
        rc = cli_usage_error(cmd, "%s wants a value", opt);
    return rc;
}

void cli_free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

int cli_statement_format(const char *cmd, const char *arg, stance_statement_format *out)
{
    if (strcmp(arg, "jsonl") == 0 || strcmp(arg, "json") == 0)
        *out = STANCE_STATEMENTS_JSONL;
    else if (strcmp(arg, "csv") == 0)
        *out = STANCE_STATEMENTS_CSV;
    else if (strcmp(arg, "table") == 0)
        *out = STANCE_STATEMENTS_TABLE;
    else
        return cli_usage_error(cmd, "unknown format '%s' (jsonl, csv, table)", arg);
    return 0;
}

int cli_unhandled(const char *cmd, cli_opt id)
{
    return cli_usage_error(cmd, "internal error: option '--%s' has no handler",
                           cli_option_of(id)->name);
}

void cli_print_notice(void *ctx, const stance_error *err)
{
    (void)ctx;
    stance_error_print(err, stderr);
}
