/* stance score: articles in, scored statements out. */
#include <stdlib.h>

#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "score",
    .usage = "[OPTION]... [ARTICLES]...",
    .about = "Find the statements in news articles and classify each one's stance\n"
             "(conciliatory, adversarial, neutral) and sentiment (positive, negative,\n"
             "neutral), with class probabilities and the terms behind the stance. Writes one\n"
             "JSON object a statement (schema: pipeline/schemas/scored-statement.schema.json),\n"
             "a CSV row or a table line, in input order. ARTICLES are text files (first line\n"
             "the title), JSONL files (id, title, text, optional date, source, url),\n"
             "directories (read recursively) or - for stdin (the default).",
    .sections = {{"Output", (const cli_opt[]){CLI_OPT_STATEMENT_FORMAT, CLI_OPT_OUTPUT, CLI_OPT_END}},
                 {"Models", cli_group_models},
                 {"Input", cli_group_articles}},
    .footer = "Progress (articles/s, statements, skipped) goes to stderr when it is a\n"
              "terminal; a summary line ends the run. A bad article is reported as FILE:LINE,\n"
              "skipped and counted. Exit status: 0 success, 1 bad input (with --strict), I/O\n"
              "error or interrupt (no output file is left behind), 2 usage error.\n",
};

typedef struct args {
    cli_articles articles;
    cli_models models;
    const char *output;
    stance_statement_format format;
} args;

static int handle(void *ctx, cli_opt id, const char *arg)
{
    args *a = ctx;
    int rc = cli_articles_parse(&a->articles, spec.name, id, arg);
    if (rc == CLI_NOT_MINE)
        rc = cli_models_parse(&a->models, spec.name, id, arg);
    if (rc != CLI_NOT_MINE)
        return rc;
    switch (id) {
    case CLI_OPT_OUTPUT: a->output = arg; return 0;
    case CLI_OPT_STATEMENT_FORMAT: return cli_statement_format(spec.name, arg, &a->format);
    default: return cli_unhandled(spec.name, id);
    }
}

typedef struct worker {
    stance_scorer *scorer;
    stance_statement_format format;
} worker;

static int process(void *ctx, stance_batch_item *it)
{
    worker *w = ctx;
    const stance_statement *st;
    const stance_scored *sc;
    long n = stance_score_article(w->scorer, &it->article, &st, &sc, &it->err);
    if (n < 0)
        return -1;
    it->statements = (size_t)n;
    if (stance_statements_write(&it->out, w->format, &it->article, st, sc, (size_t)n) != 0)
        return stance_fail(&it->err, it->article.file, it->article.line, "out of memory");
    return 0;
}

int cli_score(int argc, char **argv)
{
    args a = {.format = STANCE_STATEMENTS_JSONL};
    cli_articles_init(&a.articles);
    cli_models_init(&a.models);
    int status = cli_parse(&spec, argc, argv, handle, &a);
    if (status >= 0) {
        cli_articles_free(&a.articles);
        return status;
    }
    stance_error err;
    stance_error_clear(&err);
    /* from here on an interrupt stops the batch cleanly, even while models load */
    stance_signal_graceful(true);
    int jobs = a.articles.jobs;
    stance_gazetteer *g = cli_articles_gazetteer(&a.articles, &err);
    worker *workers = calloc((size_t)jobs, sizeof *workers);
    void **wctx = calloc((size_t)jobs, sizeof *wctx);
    stance_output out = {0};
    stance_buf header = {0};
    if (g && (!workers || !wctx))
        stance_fail(&err, NULL, 0, "out of memory");
    if (!g || err.message[0] || cli_models_open(&a.models, g, jobs, &err) != 0 ||
        stance_statements_begin(&header, a.format, a.models.scorers[0]) != 0 ||
        stance_output_open(&out, a.output, &err) != 0) {
        if (!err.message[0])
            stance_fail(&err, NULL, 0, "out of memory");
        status = cli_fail(&err);
    } else {
        for (int i = 0; i < jobs; i++) {
            workers[i] = (worker){a.models.scorers[i], a.format};
            wctx[i] = &workers[i];
        }
        status = cli_batch(spec.name, &a.articles, argv + optind, argc - optind, process, wctx,
                           &out, &header,
                           a.output ? "no output file written" : "the output so far is on stdout");
        if (status == STANCE_EXIT_OK && stance_output_commit(&out, &err) != 0)
            status = cli_fail(&err);
        stance_output_abort(&out);
    }
    free(workers);
    free(wctx);
    stance_buf_free(&header);
    cli_models_free(&a.models);
    stance_gazetteer_free(g);
    cli_articles_free(&a.articles);
    return status;
}
