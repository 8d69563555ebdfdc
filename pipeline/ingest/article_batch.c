/* Batches of articles: the article reader feeding the ordered pool. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/ordered_pool.h"
#include "stance.h"

typedef struct batch {
    const stance_batch_options *o;
    stance_article_reader *reader;
    stance_batch_totals *t;
    stance_error *err;
    bool failed;
    double start;
} batch;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int next(void *ctx, void **out)
{
    batch *b = ctx;
    if (stance_interrupted) {
        b->t->interrupted = true;
        return -1;
    }
    stance_batch_item *it = calloc(1, sizeof *it);
    if (!it) {
        b->failed = true;
        return -1;
    }
    it->read_status = stance_article_reader_next(b->reader, &it->article, &it->err);
    if (it->read_status == 0) {
        free(it);
        return 0;
    }
    if (stance_interrupted) {
        stance_article_free(&it->article);
        free(it);
        b->t->interrupted = true;
        return -1;
    }
    *out = it;
    return 1;
}

/* What a worker thread gets: the options and its own context. */
typedef struct worker {
    const stance_batch_options *o;
    void *ctx;
} worker;

static void work(void *worker_ctx, void *item)
{
    worker *w = worker_ctx;
    stance_batch_item *it = item;
    if (it->read_status == 1)
        it->status = w->o->process(w->ctx, it);
}

static void free_item(stance_batch_item *it)
{
    stance_article_free(&it->article);
    stance_buf_free(&it->out);
    free(it);
}

static int emit(void *ctx, void *item)
{
    batch *b = ctx;
    stance_batch_item *it = item;
    int rc = 0;
    if (b->failed) {
        free_item(it); /* stopping: drop what is still in flight */
        return -1;
    }
    if (it->read_status < 0) {
        if (b->o->strict) {
            *b->err = it->err;
            b->failed = true;
            rc = -1;
        } else {
            b->t->skipped++;
            if (b->o->skipped)
                b->o->skipped(b->o->skipped_ctx, &it->err);
        }
    } else if (it->status != 0) {
        *b->err = it->err;
        b->failed = true;
        rc = -1;
    } else if (b->o->sink(b->o->sink_ctx, it, b->err) != 0) {
        b->failed = true;
        rc = -1;
    } else {
        b->t->articles++;
        b->t->statements += it->statements;
        if (it->article.line)
            snprintf(b->t->last, sizeof b->t->last, "%s:%ld", it->article.file, it->article.line);
        else
            snprintf(b->t->last, sizeof b->t->last, "%s", it->article.file);
    }
    if (rc == 0 && b->o->progress) {
        b->t->seconds = now() - b->start;
        b->o->progress(b->o->progress_ctx, b->t);
    }
    free_item(it);
    return rc;
}

int stance_batch_run(const stance_batch_options *o, stance_batch_totals *t, stance_error *err)
{
    memset(t, 0, sizeof *t);
    batch b = {o, NULL, t, err, false, now()};
    b.reader = stance_article_reader_open(o->paths, o->n_paths, o->max_bytes, err);
    if (!b.reader)
        return -1;
    int jobs = o->jobs < 1 ? 1 : o->jobs;
    worker *workers = calloc((size_t)jobs, sizeof *workers);
    void **ctx = calloc((size_t)jobs, sizeof *ctx);
    if (!workers || !ctx) {
        free(workers);
        free(ctx);
        stance_article_reader_close(b.reader);
        return stance_fail(err, "", 0, "out of memory");
    }
    for (int i = 0; i < jobs; i++) {
        workers[i] = (worker){o, o->worker_ctx[i]};
        ctx[i] = &workers[i];
    }
    ordered_pool_ops ops = {next, work, emit};
    int rc = stance_ordered_pool_run(&ops, &b, ctx, jobs, (size_t)jobs * 4);
    free(workers);
    free(ctx);
    stance_article_reader_close(b.reader);
    t->seconds = now() - b.start;
    if (b.failed && !err->message[0])
        stance_fail(err, "", 0, "out of memory");
    return rc == 0 && !b.failed && !t->interrupted ? 0 : -1;
}
