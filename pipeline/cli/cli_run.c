/* stance run: extract, score and report in one go. Each worker thread adds
 * its articles' scored statements to a report of its own; the reports are
 * merged when the batch is done (counts add up in any order), so the
 * records never travel as text. */
#include <stdlib.h>

#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "run",
    .usage = "[OPTION]... [ARTICLES]...",
    .about = "Extract the statements of news articles, score their stance and sentiment, and\n"
             "report by country: what 'stance score ARTICLES | stance report' does, in one\n"
             "process. ARTICLES are text files (first line the title), JSONL files (id,\n"
             "title, text, optional date, source, url), directories (read recursively) or -\n"
             "for stdin (the default).",
    .sections = {{"Report", cli_group_report},
                 {"Statements", (const cli_opt[]){CLI_OPT_STATEMENTS, CLI_OPT_END}},
                 {"Models", cli_group_models},
                 {"Input", cli_group_articles}},
    .footer = "Exit status: 0 success, 1 bad input (with --strict), I/O error or interrupt (no\n"
              "output file is left behind), 2 usage error.\n",
};

typedef struct args {
    cli_articles articles;
    cli_models models;
    cli_report_args report;
    const char *statements;
} args;

static int handle(void *ctx, cli_opt id, const char *arg)
{
    args *a = ctx;
    int rc = cli_articles_parse(&a->articles, spec.name, id, arg);
    if (rc == CLI_NOT_MINE)
        rc = cli_models_parse(&a->models, spec.name, id, arg);
    if (rc == CLI_NOT_MINE)
        rc = cli_report_args_parse(&a->report, spec.name, id, arg);
    if (rc != CLI_NOT_MINE)
        return rc;
    if (id == CLI_OPT_STATEMENTS) {
        a->statements = arg;
        return 0;
    }
    return cli_unhandled(spec.name, id);
}

typedef struct worker {
    stance_scorer *scorer;
    stance_report *report; /* this thread's part */
    bool statements;       /* render them as JSONL too */
} worker;

static int process(void *ctx, stance_batch_item *it)
{
    worker *w = ctx;
    const stance_statement *st;
    const stance_scored *sc;
    long n = stance_score_article(w->scorer, &it->article, &st, &sc, &it->err);
    if (n < 0 || stance_report_add_scored(w->report, &it->article, st, sc, (size_t)n, &it->err) != 0)
        return -1;
    it->statements = (size_t)n;
    if (w->statements &&
        stance_statements_write(&it->out, STANCE_STATEMENTS_JSONL, &it->article, st, sc, (size_t)n))
        return stance_fail(&it->err, it->article.file, it->article.line, "out of memory");
    return 0;
}

/* One scorer and one report a thread. -1 with err. */
static int make_workers(args *a, int jobs, worker *workers, void **wctx, stance_error *err)
{
    for (int i = 0; i < jobs; i++) {
        workers[i] = (worker){a->models.scorers[i], stance_report_new(&a->report.opt, err),
                              a->statements != NULL};
        if (!workers[i].report)
            return -1;
        wctx[i] = &workers[i];
    }
    return 0;
}

static int run(args *a, int argc, char **argv, const stance_gazetteer *g, stance_error *err)
{
    int jobs = a->articles.jobs;
    worker *workers = calloc((size_t)jobs, sizeof *workers);
    void **wctx = calloc((size_t)jobs, sizeof *wctx);
    stance_report *report = NULL;
    stance_output statements = {0};
    int status;
    if (!workers || !wctx) {
        stance_fail(err, NULL, 0, "out of memory");
        status = cli_fail(err);
    } else if (cli_models_open(&a->models, g, jobs, err) != 0 ||
               make_workers(a, jobs, workers, wctx, err) != 0 ||
               !(report = stance_report_new(&a->report.opt, err)) ||
               (a->statements && stance_output_open(&statements, a->statements, err) != 0)) {
        status = cli_fail(err);
    } else {
        status = cli_batch(spec.name, &a->articles, argv + optind, argc - optind, process, wctx,
                           a->statements ? &statements : NULL, NULL, "no report written");
        for (int i = 0; status == STANCE_EXIT_OK && i < jobs; i++)
            if (stance_report_merge(report, workers[i].report, err) != 0)
                status = cli_fail(err);
        if (status == STANCE_EXIT_OK && a->statements && stance_output_commit(&statements, err) != 0)
            status = cli_fail(err);
        if (status == STANCE_EXIT_OK)
            status = cli_report_write(&a->report, report);
        stance_output_abort(&statements);
    }
    for (int i = 0; workers && i < jobs; i++)
        stance_report_free(workers[i].report);
    free(workers);
    free(wctx);
    stance_report_free(report);
    return status;
}

int cli_run(int argc, char **argv)
{
    args a = {0};
    cli_articles_init(&a.articles);
    cli_models_init(&a.models);
    cli_report_args_init(&a.report);
    int status = cli_parse(&spec, argc, argv, handle, &a);
    if (status < 0) {
        stance_error err;
        stance_error_clear(&err);
        /* from here on an interrupt stops the batch cleanly, even while models load */
        stance_signal_graceful(true);
        stance_gazetteer *g = cli_articles_gazetteer(&a.articles, &err);
        status = g ? run(&a, argc, argv, g, &err) : cli_fail(&err);
        cli_models_free(&a.models);
        stance_gazetteer_free(g);
    }
    cli_report_args_free(&a.report);
    cli_articles_free(&a.articles);
    return status;
}
