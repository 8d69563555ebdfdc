/* The option groups that several commands share, each with its parser
 * (returning CLI_NOT_MINE for options of other groups), and the batch
 * runner of the commands that read articles (extract, score, run). */
#ifndef STANCE_PIPELINE_CLI_CLI_GROUPS_H
#define STANCE_PIPELINE_CLI_CLI_GROUPS_H

#include "pipeline/cli/cli.h"

/* ---- reading articles (cli_articles.c): cli_group_articles ---- */
typedef struct cli_articles {
    char **gazetteers;      /* --gazetteer PATH, in order */
    size_t n_gazetteers;
    bool builtin_gazetteer; /* false with --no-builtin-gazetteer */
    bool strict;
    int jobs;               /* default: the number of online CPUs */
    size_t max_bytes;       /* --max-article-size */
    bool quiet;             /* no summary line */
} cli_articles;

void cli_articles_init(cli_articles *a);
void cli_articles_free(cli_articles *a);
int cli_articles_parse(cli_articles *a, const char *cmd, cli_opt id, const char *arg);
/* The gazetteer the options ask for; NULL with err on failure. */
stance_gazetteer *cli_articles_gazetteer(const cli_articles *a, stance_error *err);

/* Read the articles of paths (stdin when none) on a.jobs threads with
 * process, writing what each renders to out (NULL: nowhere) in input
 * order after prologue (may be NULL). Prints progress on a terminal, bad
 * records as they are skipped, the summary line, and on an interrupt where
 * it stopped and then done_note ("no output file written"). Returns the
 * exit status; out is neither committed nor aborted. */
int cli_batch(const char *cmd, const cli_articles *a, char **paths, int n_paths,
              int (*process)(void *worker_ctx, stance_batch_item *item), void **worker_ctx,
              stance_output *out, const stance_buf *prologue, const char *done_note);

/* ---- models applied to statements (cli_models.c): cli_group_models ---- */
typedef struct cli_models {
    const char *stance_path;    /* -m; default builtin:stance */
    const char *sentiment_path; /* default builtin:sentiment; NULL with --no-sentiment */
    long top_terms;
    stance_model *stance, *sentiment;
    stance_scorer **scorers;    /* one a job */
    void **worker_ctx;          /* the scorers as batch contexts */
    int jobs;
} cli_models;

void cli_models_init(cli_models *m);
int cli_models_parse(cli_models *m, const char *cmd, cli_opt id, const char *arg);
/* Load the models and make one scorer per job. -1 with err. */
int cli_models_open(cli_models *m, const stance_gazetteer *g, int jobs, stance_error *err);
void cli_models_free(cli_models *m);

/* ---- extract and score (cli_statements.c) ---- */
typedef struct cli_statements {
    cli_articles articles;
    cli_models *models;               /* score; NULL for extract */
    const char *output;
    stance_statement_format format;
} cli_statements;

/* What both say at the end of their help. */
extern const char cli_statements_footer[];
/* Parse argv for spec (articles, output, format, and the models of score
 * when s->models), then write the statements of the articles named by the
 * operands. Returns the exit status. */
int cli_statements_main(const cli_spec *spec, cli_statements *s, int argc, char **argv);

/* ---- reports (cli_report_options.c): cli_group_report ---- */
typedef struct cli_report_args {
    stance_report_options opt;
    stance_report_format format;
    const char *output;  /* NULL: stdout */
    char **countries;    /* owned copies of --country values */
    size_t n_countries;
} cli_report_args;

void cli_report_args_init(cli_report_args *r);
void cli_report_args_free(cli_report_args *r);
int cli_report_args_parse(cli_report_args *r, const char *cmd, cli_opt id, const char *arg);
/* Write the report in the chosen format to the chosen output, atomically;
 * returns the exit status. */
int cli_report_write(const cli_report_args *r, const stance_report *report);

/* ---- labeled corpora and features (cli_feature_options.c):
 * cli_group_corpus, cli_group_features ---- */
int cli_corpus_parse(stance_corpus_options *c, const char *cmd, cli_opt id, const char *arg);
int cli_features_parse(stance_feature_config *f, const char *cmd, cli_opt id, const char *arg);

#endif
