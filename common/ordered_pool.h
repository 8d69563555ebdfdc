/* An ordered parallel map for streams: items come from a producer on the
 * calling thread, are processed by N worker threads, and are handed to a
 * consumer on the calling thread in input order. At most `window` items are
 * in flight, so memory stays flat however long the stream is. */
#ifndef STANCE_PIPELINE_ORDERED_POOL_H
#define STANCE_PIPELINE_ORDERED_POOL_H

#include <stddef.h>

typedef struct ordered_pool_ops {
    /* Produce the next item: 1 with *item set, 0 at the end, -1 to stop. */
    int (*next)(void *ctx, void **item);
    /* Process an item on a worker thread; worker_ctx is that thread's own.
     * The result is stored in the item itself. Must be thread-safe. */
    void (*work)(void *worker_ctx, void *item);
    /* Consume a processed item (in input order) and free it; return -1 to stop. */
    int (*emit)(void *ctx, void *item);
} ordered_pool_ops;

/* Run the stream to its end. workers <= 1 runs everything on the calling
 * thread. worker_ctx[i] is handed to worker i (worker_ctx[0] when serial).
 * Returns 0, or -1 when next or emit asked to stop (in-flight items are
 * still emitted first, so nothing processed is lost). */
int stance_ordered_pool_run(const ordered_pool_ops *ops, void *ctx, void **worker_ctx, int workers,
                     size_t window);

#endif
