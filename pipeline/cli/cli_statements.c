/* What extract and score share: their output options and the run that
 * writes each article's statements (scored when there are models) in input
 * order. */
#include <stdlib.h>

#include "pipeline/cli/cli_groups.h"

const char cli_statements_footer[] =
    "A bad article is reported as FILE:LINE on stderr, skipped and counted; a\n"
    "summary line ends the run (on a terminal, a progress line shows articles/s).\n"
    "Exit status: 0 success, 1 bad input (with --strict), I/O error or interrupt (no\n"
    "output file is left behind), 2 usage error.\n";

typedef struct parsing {
    const char *cmd;
    cli_statements *s;
} parsing;

static int parse(void *ctx, cli_opt id, const char *arg)
{
    const char *cmd = ((parsing *)ctx)->cmd;
    cli_statements *s = ((parsing *)ctx)->s;
    int rc = cli_articles_parse(&s->articles, cmd, id, arg);
    if (rc == CLI_NOT_MINE && s->models)
        rc = cli_models_parse(s->models, cmd, id, arg);
    if (rc != CLI_NOT_MINE)
        return rc;
    switch (id) {
    case CLI_OPT_OUTPUT: s->output = arg; return 0;
    case CLI_OPT_STATEMENT_FORMAT: return cli_statement_format(cmd, arg, &s->format);
    default: return cli_unhandled(cmd, id);
    }
}

typedef struct worker {
    stance_extractor *extractor; /* extract */
    stance_scorer *scorer;       /* score */
    stance_statement_format format;
} worker;

static int process(void *ctx, stance_batch_item *it)
{
    worker *w = ctx;
    const stance_statement *st;
    const stance_scored *sc = NULL;
    long n = w->scorer ? stance_score_article(w->scorer, &it->article, &st, &sc, &it->err)
                       : stance_extract(w->extractor, &it->article, &st, &it->err);
    if (n < 0)
        return -1;
    it->statements = (size_t)n;
    if (stance_statements_write(&it->out, w->format, &it->article, st, sc, (size_t)n) != 0)
        return stance_fail(&it->err, it->article.file, it->article.line, "out of memory");
    return 0;
}

/* One extractor or scorer a thread. -1 with err. */
static int make_workers(cli_statements *s, const stance_gazetteer *g, worker *workers,
                        void **wctx, stance_error *err)
{
    int jobs = s->articles.jobs;
    if (s->models && cli_models_open(s->models, g, jobs, err) != 0)
        return -1;
    for (int i = 0; i < jobs; i++) {
        workers[i].format = s->format;
        if (s->models)
            workers[i].scorer = s->models->scorers[i];
        else if (!(workers[i].extractor = stance_extractor_new(g, err)))
            return -1;
        wctx[i] = &workers[i];
    }
    return 0;
}

static int run(const char *cmd, cli_statements *s, int argc, char **argv, const stance_gazetteer *g)
{
    int jobs = s->articles.jobs;
    worker *workers = calloc((size_t)jobs, sizeof *workers);
    void **wctx = calloc((size_t)jobs, sizeof *wctx);
    stance_output out = {0};
    stance_buf header = {0};
    stance_error err;
    stance_error_clear(&err);
    int status;
    if (!workers || !wctx)
        status = cli_fail(&(stance_error){.message = "out of memory"});
    else if (make_workers(s, g, workers, wctx, &err) != 0 ||
             stance_output_open(&out, s->output, &err) != 0)
        status = cli_fail(&err);
    else if (stance_statements_begin(&header, s->format, s->models ? s->models->scorers[0] : NULL))
        status = cli_fail(&(stance_error){.message = "out of memory"});
    else {
        status = cli_batch(cmd, &s->articles, argv + optind, argc - optind, process, wctx, &out,
                           &header, s->output ? "no output file written"
                                              : "the output so far is on stdout");
        if (status == STANCE_EXIT_OK && stance_output_commit(&out, &err) != 0)
            status = cli_fail(&err);
    }
    stance_output_abort(&out);
    for (int i = 0; workers && i < jobs; i++)
        stance_extractor_free(workers[i].extractor);
    free(workers);
    free(wctx);
    stance_buf_free(&header);
    if (s->models)
        cli_models_free(s->models);
    return status;
}

int cli_statements_main(const cli_spec *spec, cli_statements *s, int argc, char **argv)
{
    const char *cmd = spec->name;
    cli_articles_init(&s->articles);
    int status = cli_parse(spec, argc, argv, parse, &(parsing){cmd, s});
    if (status >= 0) {
        cli_articles_free(&s->articles);
        return status;
    }
    stance_error err;
    stance_error_clear(&err);
    /* from here on an interrupt stops the batch cleanly, even while models load */
    stance_signal_graceful(true);
    stance_gazetteer *g = cli_articles_gazetteer(&s->articles, &err);
    status = g ? run(cmd, s, argc, argv, g) : cli_fail(&err);
    stance_gazetteer_free(g);
    cli_articles_free(&s->articles);
    return status;
}
