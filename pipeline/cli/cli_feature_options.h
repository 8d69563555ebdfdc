/* Feature and corpus options shared by `stance featurize` and `stance train`. */
#ifndef STANCE_PIPELINE_CLI_FEATURE_OPTIONS_H
#define STANCE_PIPELINE_CLI_FEATURE_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

#include "stance.h"

#define CLI_FEATURE_MAX_OPTIONS 20

/* Fill table with the feature and corpus options (no terminator); returns how many. */
size_t cli_feature_options_table(struct option *table);
void cli_feature_options_help(FILE *to);
/* Handle one option if it is one of ours: 1 handled, 0 not ours, or an exit
 * code (> 1) for a usage error. */
int cli_feature_options_parse(stance_feature_config *cfg, stance_corpus_options *copt,
                              const char *cmd, int c, const char *arg);

#endif
