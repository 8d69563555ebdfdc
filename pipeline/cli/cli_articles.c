/* The options of the commands that read articles, and their batch runner:
 * progress line, skipped records, interrupts and the summary line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pipeline/cli/cli_groups.h"

void cli_articles_init(cli_articles *a)
{
    memset(a, 0, sizeof *a);
    a->builtin_gazetteer = true;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = cpus > 0 ? (int)(cpus > 256 ? 256 : cpus) : 1;
}

void cli_articles_free(cli_articles *a)
{
    cli_free_list(a->gazetteers, a->n_gazetteers);
    memset(a, 0, sizeof *a);
}

int cli_articles_parse(cli_articles *a, const char *cmd, cli_opt id, const char *arg)
{
    long v;
    switch (id) {
    case CLI_OPT_GAZETTEER: {
        char **p = realloc(a->gazetteers, (a->n_gazetteers + 1) * sizeof *p);
        if (p)
            a->gazetteers = p;
        if (!p || !(p[a->n_gazetteers] = strdup(arg)))
            return cli_usage_error(cmd, "out of memory");
        a->n_gazetteers++;
        return 0;
    }
    case CLI_OPT_NO_BUILTIN_GAZETTEER:
        a->builtin_gazetteer = false;
        return 0;
    case CLI_OPT_JOBS:
        if (!cli_parse_int(cmd, "--jobs", arg, 1, 256, &v))
            return STANCE_EXIT_USAGE;
        a->jobs = (int)v;
        return 0;
    case CLI_OPT_STRICT:
        a->strict = true;
        return 0;
    case CLI_OPT_MAX_ARTICLE_SIZE:
        if (!cli_parse_int(cmd, "--max-article-size", arg, 1, 1L << 30, &v))
            return STANCE_EXIT_USAGE;
        a->max_bytes = (size_t)v;
        return 0;
    case CLI_OPT_QUIET:
        a->quiet = true;
        return 0;
    default:
        return CLI_NOT_MINE;
    }
}

stance_gazetteer *cli_articles_gazetteer(const cli_articles *a, stance_error *err)
{
    stance_gazetteer *g = stance_gazetteer_new();
    if (!g) {
        stance_fail(err, NULL, 0, "out of memory");
        return NULL;
    }
    if (a->builtin_gazetteer && stance_gazetteer_add_builtin(g, err) != 0)
        goto fail;
    for (size_t i = 0; i < a->n_gazetteers; i++)
        if (stance_gazetteer_add_path(g, a->gazetteers[i], err) != 0)
            goto fail;
    return g;
fail:
    stance_gazetteer_free(g);
    return NULL;
}

/* ---- the batch runner ---- */

typedef struct runner {
    const char *cmd;
    stance_output *out;
    bool progress;      /* a progress line on the terminal */
    bool line_open;     /* it is showing: a message starts on a new line */
    double last;        /* when it was drawn */
} runner;

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void draw(runner *r, const stance_batch_totals *t, bool final)
{
    double rate = t->seconds > 0 ? t->articles / t->seconds : 0;
    fprintf(stderr, "\rstance: %s: %zu articles, %zu statements, %zu skipped, %.0f articles/s%s",
            r->cmd, t->articles, t->statements, t->skipped, rate, final ? "\n" : "");
    fflush(stderr);
    r->line_open = !final;
}

static void progress(void *ctx, const stance_batch_totals *t)
{
    runner *r = ctx;
    double now = seconds();
    if (now - r->last >= 0.5) {
        r->last = now;
        draw(r, t, false);
    }
}

static void skipped(void *ctx, const stance_error *e)
{
    runner *r = ctx;
    if (r->line_open)
        fputc('\n', stderr);
    r->line_open = false;
    stance_error_print(e, stderr);
}

static int sink(void *ctx, const stance_batch_item *it, stance_error *err)
{
    runner *r = ctx;
    if (r->out && it->out.len && fwrite(it->out.data, 1, it->out.len, r->out->fp) != it->out.len)
        return stance_fail_errno(err, r->out->path ? r->out->path : "<stdout>", 0, "cannot write");
    return 0;
}

int cli_batch(const char *cmd, const cli_articles *a, char **paths, int n_paths,
              int (*process)(void *worker_ctx, stance_batch_item *item), void **worker_ctx,
              stance_output *out, const stance_buf *prologue, const char *done_note)
{
    static const char *const stdin_only[] = {"-"};
    runner r = {cmd, out, cli_stderr_is_tty() && !a->quiet, false, 0};
    stance_error err;
    stance_error_clear(&err);
    if (out && prologue && prologue->len &&
        fwrite(prologue->data, 1, prologue->len, out->fp) != prologue->len) {
        stance_fail_errno(&err, out->path ? out->path : "<stdout>", 0, "cannot write");
        return cli_fail(&err);
    }
    stance_batch_options o = {
        .paths = n_paths > 0 ? (const char *const *)paths : stdin_only,
        .n_paths = n_paths > 0 ? (size_t)n_paths : 1,
        .max_bytes = a->max_bytes,
        .strict = a->strict,
        .jobs = a->jobs,
        .process = process,
        .worker_ctx = worker_ctx,
        .sink = sink,
        .sink_ctx = &r,
        .skipped = skipped,
        .skipped_ctx = &r,
        .progress = r.progress ? progress : NULL,
        .progress_ctx = &r,
    };
    stance_batch_totals t;
    int status = STANCE_EXIT_OK;
    if (stance_batch_run(&o, &t, &err) != 0) {
        if (r.line_open)
            fputc('\n', stderr);
        r.line_open = false;
        if (t.interrupted)
            fprintf(stderr, "stance: %s: interrupted after %zu articles%s%s; %s\n", cmd, t.articles,
                    t.last[0] ? ", the last from " : "", t.last, done_note);
        else
            cli_fail(&err);
        status = STANCE_EXIT_FAILURE;
    }
    if (r.progress && status == STANCE_EXIT_OK)
        draw(&r, &t, true);
    else if (!a->quiet && !r.progress)
        fprintf(stderr, "stance: %s: %zu article%s, %zu statement%s, %zu skipped, %.2f s\n", cmd,
                t.articles, t.articles == 1 ? "" : "s", t.statements, t.statements == 1 ? "" : "s",
                t.skipped, t.seconds);
    return status;
}
