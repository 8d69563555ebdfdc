/* The command-line front end (pipeline/cli/): one file per command, each
 * `int cli_NAME(int argc, char **argv)` with argv[0] its own name, returning
 * an exit status. Every option of the program is declared once, in the
 * table of cli_options.c, under one enum of ids; a command lists the options
 * it accepts (a cli_spec), and cli_parse builds getopt's tables and the help
 * from it, so no two options can share an id and a command takes only what
 * it uses. Command files include stance.h and the cli headers only. */
#ifndef STANCE_PIPELINE_CLI_CLI_H
#define STANCE_PIPELINE_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h> /* optind: where cli_parse leaves the operands */

#include "stance.h"

/* Every option of the program. Ids start above the range of short letters,
 * so getopt_long can return them for long options. */
typedef enum cli_opt {
    CLI_OPT_END = 0, /* ends a list of ids */
    CLI_OPT_FIRST = 256,
    CLI_OPT_HELP = CLI_OPT_FIRST,
    /* outputs */
    CLI_OPT_OUTPUT,
    CLI_OPT_STATEMENT_FORMAT, /* extract, score: jsonl, csv, table */
    CLI_OPT_QUIET,
    /* reading articles */
    CLI_OPT_GAZETTEER,
    CLI_OPT_NO_BUILTIN_GAZETTEER,
    CLI_OPT_MAX_ARTICLE_SIZE,
    CLI_OPT_STRICT,
    CLI_OPT_JOBS,
    /* models applied to statements */
    CLI_OPT_MODEL,
    CLI_OPT_SENTIMENT_MODEL,
    CLI_OPT_NO_SENTIMENT,
    CLI_OPT_TERMS,
    /* reports */
    CLI_OPT_REPORT_FORMAT,
    CLI_OPT_BY,
    CLI_OPT_COUNTRY,
    CLI_OPT_ACTOR,
    CLI_OPT_SINCE,
    CLI_OPT_UNTIL,
    CLI_OPT_MIN_COUNT,
    CLI_OPT_TOP_ACTORS,
    CLI_OPT_COMPARE,
    CLI_OPT_STATEMENTS,
    CLI_OPT_MERGE,
    /* labeled corpora */
    CLI_OPT_CORPUS_FORMAT,
    CLI_OPT_TEXT_FIELD,
    CLI_OPT_LABEL_FIELD,
    CLI_OPT_LABELS,
    CLI_OPT_LABEL_MAP,
    /* features */
    CLI_OPT_WORD_NGRAMS,
    CLI_OPT_CHAR_NGRAMS,
    CLI_OPT_CHAR_WB,
    CLI_OPT_NEGATION,
    CLI_OPT_STOP_WORDS,
    CLI_OPT_WEIGHTING,
    CLI_OPT_SUBLINEAR_TF,
    CLI_OPT_NO_L2,
    CLI_OPT_MIN_DF,
    CLI_OPT_MAX_DF,
    CLI_OPT_MAX_FEATURES,
    CLI_OPT_HASH_BITS,
    /* training */
    CLI_OPT_SOLVER,
    CLI_OPT_KERNEL,
    CLI_OPT_C,
    CLI_OPT_GAMMA,
    CLI_OPT_FOLDS,
    CLI_OPT_CLASS_WEIGHT,
    CLI_OPT_SEED,
    CLI_OPT_DATE,
    /* evaluation and featurizing */
    CLI_OPT_JSON,
    CLI_OPT_PREDICTIONS,
    CLI_OPT_POS_CLASSES,
    CLI_OPT_VOCAB,
    CLI_OPT_LAST
} cli_opt;

/* One option: its id, long name, short letter (0: none), argument name for
 * the help (NULL: a flag) and help text (lines after the first indented). */
typedef struct cli_option {
    const char *name;
    char letter;
    const char *arg;
    const char *help;
} cli_option;

/* The option of an id (id in [CLI_OPT_FIRST, CLI_OPT_LAST)). */
const cli_option *cli_option_of(cli_opt id);

/* Option groups shared by commands, each ended by CLI_OPT_END. */
extern const cli_opt cli_group_articles[]; /* gazetteer ... jobs, quiet */
extern const cli_opt cli_group_models[];   /* model, sentiment-model, ... */
extern const cli_opt cli_group_report[];   /* format, output, by, filters ... */
extern const cli_opt cli_group_corpus[];   /* format, text-field, ... */
extern const cli_opt cli_group_features[]; /* word-ngrams ... hash-bits */

/* A titled part of a command's help and the options in it. */
typedef struct cli_section {
    const char *title; /* "Input", "Models" ... */
    const cli_opt *options;
} cli_section;

/* A command: what its help says and which options it takes. --help is
 * always taken. */
typedef struct cli_spec {
    const char *name;
    const char *usage;   /* after "Usage: stance NAME ": "[OPTION]... [ARTICLES]..." */
    const char *about;   /* a paragraph (newlines kept) */
    cli_section sections[6];
    const char *notes;   /* after the options (may be NULL) */
    const char *footer;  /* ends the help */
} cli_spec;

/* Handles one option of a command: 0, or an exit status (usage error already
 * printed). */
typedef int (*cli_handler)(void *ctx, cli_opt id, const char *arg);

/* Parse the options of argv for spec, calling handle for each. Returns -1
 * when the options are done (operands start at optind), else the exit status
 * to end with: 0 after --help, 1 when the help could not be written, 2 on a
 * usage error (an unknown option, a missing argument, or handle's). */
int cli_parse(const cli_spec *spec, int argc, char **argv, cli_handler handle, void *ctx);

/* What a group parser returns for an option it does not handle. */
#define CLI_NOT_MINE (-1)

/* ---- commands ---- */
int cli_train(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_extract(int argc, char **argv);
int cli_score(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_featurize(int argc, char **argv);

/* ---- messages and numbers (cli_common.c) ---- */

/* Print `stance: CMD: message` and a hint to --help; returns STANCE_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print the error and return STANCE_EXIT_FAILURE. */
int cli_fail(const stance_error *err);
/* Parse numbers for options; on failure print a usage error and return false. */
bool cli_parse_int(const char *cmd, const char *opt, const char *s, long min, long max, long *out);
bool cli_parse_double(const char *cmd, const char *opt, const char *s, double min, double max,
                      double *out);
/* Split a comma-separated option value into *list (grown, owned copies). 0,
 * or a usage error's status. */
int cli_append_list(const char *cmd, const char *opt, const char *arg, char ***list, size_t *n);
void cli_free_list(char **list, size_t n);
/* --format of extract and score: jsonl, csv or table. 0, or a usage error's status. */
int cli_statement_format(const char *cmd, const char *arg, stance_statement_format *out);
/* The usage error for an option that a command lists but does not handle. */
int cli_unhandled(const char *cmd, cli_opt id);
/* Whether stderr is a terminal (progress lines are shown only then). */
bool cli_stderr_is_tty(void);
/* A message the library reports while going on (a skipped record), on stderr. */
void cli_print_notice(void *ctx, const stance_error *err);

#endif
