/* Shared pieces of the command-line front end (pipeline/cli_*.c).
 * Each subcommand lives in its own file as `int cli_NAME(int argc, char **argv)`,
 * receives argv with argv[0] set to its own name, and returns an exit code. */
#ifndef STANCE_PIPELINE_CLI_H
#define STANCE_PIPELINE_CLI_H

#include <stdbool.h>
#include <getopt.h>
#include <stddef.h>

#include "stance.h"

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} cli_command;

int cli_featurize(int argc, char **argv);
int cli_train(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_extract(int argc, char **argv);
int cli_score(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_run(int argc, char **argv);

/* Print `stance: CMD: message` and a hint to --help; returns STANCE_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print the error and return STANCE_EXIT_FAILURE. */
int cli_fail(const stance_error *err);

/* Parse numbers for options; on failure print a usage error and return false. */
bool cli_parse_int(const char *cmd, const char *opt, const char *s, long min, long max, long *out);
bool cli_parse_double(const char *cmd, const char *opt, const char *s, double min, double max,
                      double *out);

/* Copy an option table up to its {0} terminator into out; returns how many. */
size_t cli_copy_options(const struct option *from, struct option *out);
/* The usage error for getopt's ':' (missing argument) and '?' (unknown). */
int cli_bad_option(const char *cmd, int c, const char *word);

/* Whether stderr is a terminal (progress lines are shown only then). */
bool cli_stderr_is_tty(void);

#endif
