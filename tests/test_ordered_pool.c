/* The ordered pool hands items back in input order, whatever the workers'
 * speed, never holds more than its window, and drains in-flight work when
 * asked to stop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "common/ordered_pool.h"

typedef struct item {
    long seq;
    long result;
    int worker;
} item;

typedef struct stream {
    long n, made, emitted;
    long stop_after;  /* emit returns -1 after this many (0: never) */
    long fail_at;     /* next returns -1 at this item (0: never) */
    atomic_long live; /* items allocated and not yet freed */
    long max_live;
    int bad_order;
} stream;

static int next(void *ctx, void **out)
{
    stream *s = ctx;
    if (s->made == s->n)
        return 0;
    if (s->fail_at && s->made == s->fail_at)
        return -1;
    item *it = malloc(sizeof *it);
    it->seq = s->made++;
    long live = atomic_fetch_add(&s->live, 1) + 1;
    if (live > s->max_live)
        s->max_live = live;
    *out = it;
    return 1;
}

static void work(void *worker_ctx, void *p)
{
    item *it = p;
    /* uneven work: some items take much longer, so they finish out of order */
    if (it->seq % 7 == 0) {
        struct timespec ts = {0, 200000};
        nanosleep(&ts, NULL);
    }
    it->result = it->seq * it->seq;
    it->worker = worker_ctx ? *(int *)worker_ctx : -1;
}

static int emit(void *ctx, void *p)
{
    stream *s = ctx;
    item *it = p;
    if (it->seq != s->emitted || it->result != it->seq * it->seq)
        s->bad_order++;
    s->emitted++;
    free(it);
    atomic_fetch_sub(&s->live, 1);
    return s->stop_after && s->emitted >= s->stop_after ? -1 : 0;
}

static const ordered_pool_ops ops = {next, work, emit};

static void test_order_and_window(void **state)
{
    (void)state;
    int ids[4] = {0, 1, 2, 3};
    void *ctx[4] = {&ids[0], &ids[1], &ids[2], &ids[3]};
    for (int workers = 1; workers <= 4; workers++) {
        stream s = {.n = 3000};
        assert_int_equal(stance_ordered_pool_run(&ops, &s, ctx, workers, 8), 0);
        assert_int_equal(s.emitted, 3000);
        assert_int_equal(s.bad_order, 0);
        assert_int_equal(atomic_load(&s.live), 0);
        /* the window bounds what is in memory at once */
        assert_true(s.max_live <= 8);
    }
}

static void test_stop_drains_in_flight(void **state)
{
    (void)state;
    stream s = {.n = 1000, .stop_after = 10};
    assert_int_equal(stance_ordered_pool_run(&ops, &s, NULL, 3, 16), -1);
    assert_int_equal(s.bad_order, 0);
    assert_int_equal(atomic_load(&s.live), 0); /* everything made was emitted and freed */
    assert_true(s.emitted >= 10 && s.emitted <= 10 + 16);

    stream f = {.n = 1000, .fail_at = 50};
    assert_int_equal(stance_ordered_pool_run(&ops, &f, NULL, 3, 16), -1);
    assert_int_equal(f.emitted, 50);
    assert_int_equal(f.bad_order, 0);
    assert_int_equal(atomic_load(&f.live), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_window),
        cmocka_unit_test(test_stop_drains_in_flight),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
