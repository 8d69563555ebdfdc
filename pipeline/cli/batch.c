/* Streaming batch driver over the article reader and the ordered pool. */
#include "pipeline/cli/batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/error.h"
#include "common/ordered_pool.h"

typedef struct run {
    const batch_options *o;
    stance_article_reader *reader;
    batch_totals *t;
    stance_error *err;
    bool failed;
    double start, last_progress;
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int next(void *ctx, void **out)
{
    run *r = ctx;
    if (stance_interrupted) {
        r->t->interrupted = true;
        return -1;
    }
    batch_item *it = calloc(1, sizeof *it);
    if (!it) {
        r->failed = true;
        return -1;
    }
    it->read_status = stance_article_reader_next(r->reader, &it->article, &it->err);
    if (it->read_status == 0) {
        free(it);
        return 0;
    }
    if (stance_interrupted) {
        stance_article_free(&it->article);
        free(it);
        r->t->interrupted = true;
        return -1;
    }
    *out = it;
    return 1;
}

/* What a worker thread gets: the options and its own context. */
typedef struct worker {
    const batch_options *o;
    void *ctx;
} worker;

static void work(void *worker_ctx, void *item)
{
    worker *w = worker_ctx;
    batch_item *it = item;
    if (it->read_status == 1)
        it->status = w->o->render(w->ctx, it);
}

static void free_item(batch_item *it)
{
    stance_article_free(&it->article);
    free(it->out);
    free(it->aux);
    free(it);
}

static void progress(run *r, bool final)
{
    double t = now();
    if (!final && t - r->last_progress < 0.5)
        return;
    r->last_progress = t;
    double rate = t > r->start ? r->t->articles / (t - r->start) : 0;
    fprintf(stderr, "\rstance: %s: %zu articles, %zu statements, %zu skipped, %.0f articles/s%s",
            r->o->cmd, r->t->articles, r->t->statements, r->t->skipped, rate, final ? "\n" : "");
    fflush(stderr);
}

static int emit(void *ctx, void *item)
{
    run *r = ctx;
    batch_item *it = item;
    int rc = 0;
    if (r->failed) {
        free_item(it); /* stopping: drop what is still in flight */
        return -1;
    }
    if (it->read_status < 0) {
        if (r->o->strict) {
            *r->err = it->err;
            r->failed = true;
            rc = -1;
        } else {
            if (r->o->progress)
                fputc('\n', stderr);
            stance_error_print(&it->err, stderr);
            r->t->skipped++;
        }
    } else if (it->status != 0) {
        *r->err = it->err;
        r->failed = true;
        rc = -1;
    } else if (r->o->sink(r->o->sink_ctx, it, r->err) != 0) {
        r->failed = true;
        rc = -1;
    } else {
        r->t->articles++;
        r->t->statements += it->statements;
        if (it->article.line)
            snprintf(r->t->last, sizeof r->t->last, "%s:%ld", it->article.file, it->article.line);
        else
            snprintf(r->t->last, sizeof r->t->last, "%s", it->article.file);
    }
    if (r->o->progress && rc == 0)
        progress(r, false);
    free_item(it);
    return rc;
}

int batch_run(const batch_options *o, batch_totals *t, stance_error *err)
{
    memset(t, 0, sizeof *t);
    run r = {o, NULL, t, err, false, now(), 0};
    r.reader = stance_article_reader_open(o->paths, o->n_paths, o->max_bytes, err);
    if (!r.reader)
        return -1;
    int jobs = o->jobs < 1 ? 1 : o->jobs;
    worker *workers = calloc((size_t)jobs, sizeof *workers);
    void **ctx = calloc((size_t)jobs, sizeof *ctx);
    if (!workers || !ctx) {
        free(workers);
        free(ctx);
        stance_article_reader_close(r.reader);
        return stance_fail(err, "", 0, "out of memory");
    }
    for (int i = 0; i < jobs; i++) {
        workers[i] = (worker){o, o->worker_ctx[i]};
        ctx[i] = &workers[i];
    }
    ordered_pool_ops ops = {next, work, emit};
    int rc = ordered_pool_run(&ops, &r, ctx, jobs, (size_t)jobs * 4);
    free(workers);
    free(ctx);
    stance_article_reader_close(r.reader);
    t->seconds = now() - r.start;
    if (o->progress)
        progress(&r, true);
    if (r.failed && !err->message[0])
        stance_fail(err, "", 0, "out of memory");
    return rc == 0 && !r.failed && !t->interrupted ? 0 : -1;
}

void batch_print_summary(const char *cmd, const batch_totals *t)
{
    fprintf(stderr, "stance: %s: %zu article%s, %zu statement%s, %zu skipped, %.2f s\n", cmd,
            t->articles, t->articles == 1 ? "" : "s", t->statements, t->statements == 1 ? "" : "s",
            t->skipped, t->seconds);
}
