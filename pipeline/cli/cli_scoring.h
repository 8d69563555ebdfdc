/* The model options and per-thread scorers shared by `stance score` and
 * `stance run`. */
#ifndef STANCE_PIPELINE_CLI_SCORING_H
#define STANCE_PIPELINE_CLI_SCORING_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "pipeline/cli/batch.h"
#include "stance.h"

#define CLI_SCORING_MAX_OPTIONS 4

typedef struct cli_scoring {
    const char *stance_path;    /* -m; default builtin:stance */
    const char *sentiment_path; /* default builtin:sentiment; NULL with --no-sentiment */
    long top_terms;
    stance_model *stance, *sentiment;
    stance_scorer **scorers;    /* one a job */
    void **worker_ctx;
    int jobs;
} cli_scoring;

void cli_scoring_init(cli_scoring *s);
size_t cli_scoring_table(struct option *table);
/* 1 if handled, 0 if not ours, an exit code > 1 on a usage error. */
int cli_scoring_parse(cli_scoring *s, const char *cmd, int c, const char *arg);
void cli_scoring_help(FILE *out);
/* Load the models and make one scorer per job. -1 with err. */
int cli_scoring_open(cli_scoring *s, const stance_gazetteer *g, int jobs, stance_error *err);
void cli_scoring_free(cli_scoring *s);
/* batch_options.render for scorers. */
int cli_scoring_render(void *worker_ctx, batch_item *item);

#endif
