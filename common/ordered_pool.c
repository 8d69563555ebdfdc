#include "common/ordered_pool.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>

/* A ring of `window` slots. The producer fills slot seq % window; a worker
 * claims the oldest filled, unclaimed slot; the consumer waits for the slot
 * of the next sequence number to be done. */
typedef struct slot {
    void *item;
    enum { SLOT_EMPTY, SLOT_READY, SLOT_WORKING, SLOT_DONE } state;
} slot;

typedef struct pool {
    const ordered_pool_ops *ops;
    slot *slots;
    size_t window;
    size_t next_claim; /* sequence number of the next item to hand to a worker */
    size_t produced;   /* items put in so far */
    bool closed;       /* no more items will come */
    pthread_mutex_t lock;
    pthread_cond_t work_ready, work_done;
} pool;

typedef struct worker_arg {
    pool *p;
    void *ctx;
} worker_arg;

static void *worker_main(void *arg)
{
    worker_arg *w = arg;
    pool *p = w->p;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next_claim == p->produced && !p->closed)
            pthread_cond_wait(&p->work_ready, &p->lock);
        if (p->next_claim == p->produced && p->closed)
            break;
        slot *s = &p->slots[p->next_claim % p->window];
        p->next_claim++;
        s->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->lock);
        p->ops->work(w->ctx, s->item);
        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->work_done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static int run_serial(const ordered_pool_ops *ops, void *ctx, void *worker_ctx)
{
    void *item;
    int rc;
    while ((rc = ops->next(ctx, &item)) == 1) {
        ops->work(worker_ctx, item);
        if (ops->emit(ctx, item) != 0)
            return -1;
    }
    return rc;
}

int stance_ordered_pool_run(const ordered_pool_ops *ops, void *ctx, void **worker_ctx, int workers,
                     size_t window)
{
    if (workers <= 1)
        return run_serial(ops, ctx, worker_ctx ? worker_ctx[0] : NULL);
    if (window < (size_t)workers)
        window = (size_t)workers;
    pool p = {.ops = ops, .window = window};
    p.slots = calloc(window, sizeof *p.slots);
    pthread_t *threads = calloc((size_t)workers, sizeof *threads);
    worker_arg *args = calloc((size_t)workers, sizeof *args);
    if (!p.slots || !threads || !args) {
        free(p.slots);
        free(threads);
        free(args);
        return run_serial(ops, ctx, worker_ctx ? worker_ctx[0] : NULL);
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work_ready, NULL);
    pthread_cond_init(&p.work_done, NULL);
    int started = 0;
    /* workers start with signals blocked, so an interrupt reaches the
     * calling thread and wakes it from a blocking read */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    for (int i = 0; i < workers; i++) {
        args[i] = (worker_arg){&p, worker_ctx ? worker_ctx[i] : NULL};
        if (pthread_create(&threads[i], NULL, worker_main, &args[i]) != 0)
            break;
        started++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);

    int rc = 0;
    size_t emitted = 0;
    bool producing = started > 0;
    if (!producing)
        rc = run_serial(ops, ctx, worker_ctx ? worker_ctx[0] : NULL);
    for (;;) {
        /* fill free slots while the window allows */
        while (producing && p.produced - emitted < window) {
            void *item;
            int got = ops->next(ctx, &item);
            if (got != 1) {
                producing = false;
                if (got < 0)
                    rc = -1;
                break;
            }
            pthread_mutex_lock(&p.lock);
            slot *s = &p.slots[p.produced % window];
            s->item = item;
            s->state = SLOT_READY;
            p.produced++;
            pthread_cond_signal(&p.work_ready);
            pthread_mutex_unlock(&p.lock);
        }
        if (emitted == p.produced) {
            if (!producing)
                break;
            continue;
        }
        /* hand out the oldest item once it is done */
        pthread_mutex_lock(&p.lock);
        slot *s = &p.slots[emitted % window];
        while (s->state != SLOT_DONE)
            pthread_cond_wait(&p.work_done, &p.lock);
        void *item = s->item;
        s->state = SLOT_EMPTY;
        pthread_mutex_unlock(&p.lock);
        emitted++;
        if (ops->emit(ctx, item) != 0) {
            rc = -1;
            producing = false; /* drain what is in flight, then stop */
        }
    }

    pthread_mutex_lock(&p.lock);
    p.closed = true;
    pthread_cond_broadcast(&p.work_ready);
    pthread_mutex_unlock(&p.lock);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.work_ready);
    pthread_cond_destroy(&p.work_done);
    free(p.slots);
    free(threads);
    free(args);
    return rc;
}
