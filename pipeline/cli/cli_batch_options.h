/* Options shared by the commands that read articles (extract, score, run):
 * gazetteer, jobs, strictness, article size limit. */
#ifndef STANCE_PIPELINE_CLI_BATCH_OPTIONS_H
#define STANCE_PIPELINE_CLI_BATCH_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "stance.h"

#define CLI_BATCH_MAX_OPTIONS 8

typedef struct cli_batch_options {
    const char **gazetteers; /* --gazetteer PATH, in order */
    size_t n_gazetteers;
    bool builtin_gazetteer;  /* false with --no-builtin-gazetteer */
    bool strict;
    int jobs;                /* default: the number of online CPUs */
    size_t max_bytes;        /* --max-article-size */
    bool quiet;              /* no summary line */
} cli_batch_options;

void cli_batch_options_init(cli_batch_options *o);
void cli_batch_options_free(cli_batch_options *o);
/* Append the long options to table (returns how many); short ones: -g -j -q. */
size_t cli_batch_options_table(struct option *table);
/* 1 if c was one of ours (handled), 0 if not, or an exit code > 1 on a usage error. */
int cli_batch_options_parse(cli_batch_options *o, const char *cmd, int c, const char *arg);
void cli_batch_options_help(FILE *out);
/* The gazetteer the options ask for; NULL with err on failure. */
stance_gazetteer *cli_batch_gazetteer(const cli_batch_options *o, stance_error *err);

#endif
