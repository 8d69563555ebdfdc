/* The batch driver of `stance extract`, `score` and `run`: articles are
 * read one at a time, processed on N threads (ordered_pool.c) and written
 * in input order, so memory stays flat however many articles there are.
 * Bad records are skipped and counted (or stop the run with strict);
 * progress goes to stderr on a terminal; an interrupt stops the run cleanly. */
#ifndef STANCE_PIPELINE_BATCH_H
#define STANCE_PIPELINE_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "stance.h"

typedef struct batch_item {
    stance_article article;
    int read_status;    /* 1: an article; -1: a bad record (err says why) */
    int status;         /* 0, or -1 when processing failed (err) */
    stance_error err;
    char *out;          /* what the article renders to */
    size_t out_len, out_cap;
    char *aux;          /* more rendered data for the sink, if the command needs it */
    size_t aux_len, aux_cap;
    size_t statements;
} batch_item;

typedef struct batch_options {
    const char *cmd;                /* for messages: "score" */
    const char *const *paths;       /* inputs; "-" is stdin */
    size_t n_paths;
    size_t max_bytes;               /* per article; 0: the reader's default */
    bool strict;                    /* stop at the first bad record */
    int jobs;                       /* worker threads */
    bool progress;                  /* progress lines on stderr */
    /* Process one article on a worker thread: fill out and statements. */
    int (*render)(void *worker_ctx, batch_item *item);
    void **worker_ctx;              /* jobs of them */
    /* Take a rendered article, in input order, on the calling thread. */
    int (*sink)(void *ctx, const batch_item *item, stance_error *err);
    void *sink_ctx;
} batch_options;

typedef struct batch_totals {
    size_t articles, statements, skipped;
    double seconds;
    bool interrupted;
    char last[600]; /* where the last article came from: FILE or FILE:LINE */
} batch_totals;

/* 0 when every record was read (bad ones skipped unless strict), -1 on an
 * error (err) or an interrupt (totals->interrupted). */
int batch_run(const batch_options *o, batch_totals *totals, stance_error *err);

/* "stance: score: 12 articles, 40 statements, 1 skipped, 0.3 s" on stderr. */
void batch_print_summary(const char *cmd, const batch_totals *t);

#endif
