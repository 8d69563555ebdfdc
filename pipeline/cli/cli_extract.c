/* stance extract: the statements of articles, with speakers and countries. */
#include <stdlib.h>

#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "extract",
    .usage = "[OPTION]... [ARTICLES]...",
    .about = "Find the statements in news articles: direct quotes, reported speech and\n"
             "reported acts, each with its speaker, the resolved actor and country, and its\n"
             "kind. ARTICLES are text files (first line the title), JSONL files (id, title,\n"
             "text, optional date, source, url), directories (read recursively) or - for\n"
             "stdin (the default).",
    .sections = {{"Output", (const cli_opt[]){CLI_OPT_STATEMENT_FORMAT, CLI_OPT_OUTPUT, CLI_OPT_END}},
                 {"Input", cli_group_articles}},
    .footer = "Each JSON object (or CSV row) has article_id, date, source, url, sentence (its\n"
              "index, from 0), start and end (byte offsets of the content in the article\n"
              "text), char_start and char_end (the same in characters), speaker (as\n"
              "written), actor and country (ISO alpha-3 or IGO; null when unknown), target,\n"
              "kind (direct, indirect, act), verb, content and text.\n\n"
              "A bad article is reported as FILE:LINE on stderr, skipped and counted; a\n"
              "summary line ends the run. Exit status: 0 success, 1 bad input (with\n"
              "--strict), I/O error or interrupt (no output file is left behind), 2 usage\n"
              "error.\n",
};

typedef struct args {
    cli_articles articles;
    const char *output;
    stance_statement_format format;
} args;

static int handle(void *ctx, cli_opt id, const char *arg)
{
    args *a = ctx;
    int rc = cli_articles_parse(&a->articles, spec.name, id, arg);
    if (rc != CLI_NOT_MINE)
        return rc;
    switch (id) {
    case CLI_OPT_OUTPUT: a->output = arg; return 0;
    case CLI_OPT_STATEMENT_FORMAT: return cli_statement_format(spec.name, arg, &a->format);
    default: return cli_unhandled(spec.name, id);
    }
}

typedef struct worker {
    stance_extractor *x;
    stance_statement_format format;
} worker;

static int process(void *ctx, stance_batch_item *it)
{
    worker *w = ctx;
    const stance_statement *st;
    long n = stance_extract(w->x, &it->article, &st, &it->err);
    if (n < 0)
        return -1;
    it->statements = (size_t)n;
    if (stance_statements_write(&it->out, w->format, &it->article, st, NULL, (size_t)n) != 0)
        return stance_fail(&it->err, it->article.file, it->article.line, "out of memory");
    return 0;
}

int cli_extract(int argc, char **argv)
{
    args a = {.format = STANCE_STATEMENTS_JSONL};
    cli_articles_init(&a.articles);
    int status = cli_parse(&spec, argc, argv, handle, &a);
    if (status >= 0) {
        cli_articles_free(&a.articles);
        return status;
    }
    stance_error err;
    stance_error_clear(&err);
    /* from here on an interrupt stops the batch cleanly */
    stance_signal_graceful(true);
    int jobs = a.articles.jobs;
    stance_gazetteer *g = cli_articles_gazetteer(&a.articles, &err);
    worker *workers = calloc((size_t)jobs, sizeof *workers);
    void **wctx = calloc((size_t)jobs, sizeof *wctx);
    stance_output out = {0};
    stance_buf header = {0};
    status = STANCE_EXIT_OK;
    if (!workers || !wctx)
        stance_fail(&err, NULL, 0, "out of memory");
    for (int i = 0; g && workers && wctx && i < jobs && !err.message[0]; i++) {
        workers[i] = (worker){stance_extractor_new(g, &err), a.format};
        wctx[i] = &workers[i];
    }
    if (err.message[0] || stance_statements_begin(&header, a.format, NULL) != 0 ||
        stance_output_open(&out, a.output, &err) != 0) {
        if (!err.message[0])
            stance_fail(&err, NULL, 0, "out of memory");
        status = cli_fail(&err);
    } else {
        status = cli_batch(spec.name, &a.articles, argv + optind, argc - optind, process, wctx,
                           &out, &header,
                           a.output ? "no output file written" : "the output so far is on stdout");
        if (status == STANCE_EXIT_OK && stance_output_commit(&out, &err) != 0)
            status = cli_fail(&err);
        stance_output_abort(&out);
    }
    for (int i = 0; workers && i < jobs; i++)
        stance_extractor_free(workers[i].x);
    free(workers);
    free(wctx);
    stance_buf_free(&header);
    stance_gazetteer_free(g);
    cli_articles_free(&a.articles);
    return status;
}
