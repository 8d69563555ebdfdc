/* The parts training and model files are built from: metrics against a
 * confusion matrix worked by hand, stratified folds, Platt scaling, and the
 * model-file container's refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/io.h"
#include "models/container.h"
#include "models/folds.h"
#include "models/metrics.h"
#include "models/platt.h"
#include "tests/test_tmpdir.h"

static void test_metrics_by_hand(void **state)
{
    (void)state;
    /* gold rows, predicted columns (conciliatory, adversarial, neutral):
     *   C: 8 1 1 | A: 2 6 2 | N: 0 3 7 */
    static const uint64_t m[9] = {8, 1, 1, 2, 6, 2, 0, 3, 7};
    confusion c;
    assert_int_equal(stance_confusion_init(&c, 3), 0);
    for (int g = 0; g < 3; g++)
        for (int p = 0; p < 3; p++)
            for (uint64_t k = 0; k < m[g * 3 + p]; k++)
                stance_confusion_add(&c, g, p);
    stance_confusion_add(&c, 5, 0); /* out of range: ignored */
    assert_int_equal(stance_confusion_total(&c), 30);
    assert_true(fabs(stance_metric_accuracy(&c) - 21.0 / 30) < 1e-12);
    double p, r, f;
    stance_metric_class(&c, 0, &p, &r, &f); /* P 8/10, R 8/10 */
    assert_true(fabs(p - 0.8) < 1e-12 && fabs(r - 0.8) < 1e-12 && fabs(f - 0.8) < 1e-12);
    stance_metric_class(&c, 1, &p, &r, &f); /* P 6/10, R 6/10 */
    assert_true(fabs(f - 0.6) < 1e-12);
    stance_metric_class(&c, 2, &p, &r, &f); /* P 7/10, R 7/10 */
    assert_true(fabs(f - 0.7) < 1e-12);
    assert_true(fabs(stance_metric_macro_f1(&c) - 0.7) < 1e-12);
    static const int semeval[] = {0, 1};
    assert_true(fabs(stance_metric_mean_f1(&c, semeval, 2) - 0.7) < 1e-12);
    stance_confusion_free(&c);

    /* a class never predicted and never seen has F1 0, not NaN */
    assert_int_equal(stance_confusion_init(&c, 2), 0);
    stance_confusion_add(&c, 0, 0);
    stance_metric_class(&c, 1, &p, &r, &f);
    assert_true(p == 0 && r == 0 && f == 0);
    stance_confusion_free(&c);
}

static void test_stratified_folds(void **state)
{
    (void)state;
    enum { N = 103, K = 5 };
    int labels[N], fold[N], again[N];
    for (int i = 0; i < N; i++)
        labels[i] = i < 60 ? 0 : i < 90 ? 1 : 2; /* 60 / 30 / 13 */
    assert_int_equal(stance_stratified_folds(labels, N, 3, K, 42, fold), 0);
    int per[K][3] = {{0}};
    for (int i = 0; i < N; i++) {
        assert_true(fold[i] >= 0 && fold[i] < K);
        per[fold[i]][labels[i]]++;
    }
    for (int k = 0; k < K; k++) {
        assert_int_equal(per[k][0], 12);           /* 60 / 5 exactly */
        assert_int_equal(per[k][1], 6);            /* 30 / 5 exactly */
        assert_true(per[k][2] >= 2 && per[k][2] <= 3); /* 13 / 5 */
    }
    /* the same seed gives the same folds; another seed other folds */
    assert_int_equal(stance_stratified_folds(labels, N, 3, K, 42, again), 0);
    assert_memory_equal(fold, again, sizeof fold);
    assert_int_equal(stance_stratified_folds(labels, N, 3, K, 43, again), 0);
    assert_memory_not_equal(fold, again, sizeof fold);
}

static void test_platt_scaling(void **state)
{
    (void)state;
    /* decision values that mostly agree with the targets */
    enum { N = 200 };
    double f[N];
    bool y[N];
    for (int i = 0; i < N; i++) {
        f[i] = (i - 100) / 25.0;
        y[i] = (i > 100) != (i % 10 == 0); /* 10% noise */
    }
    platt p = stance_platt_fit(f, y, N);
    assert_true(p.a < 0); /* higher decision value, higher probability */
    double lo = stance_platt_probability(p, -3), mid = stance_platt_probability(p, 0), hi = stance_platt_probability(p, 3);
    assert_true(lo < 0.2 && hi > 0.8 && lo < mid && mid < hi);
    assert_true(fabs(mid - 0.5) < 0.15);
    /* extreme values do not overflow */
    assert_true(stance_platt_probability(p, 1e6) <= 1 && stance_platt_probability(p, -1e6) >= 0);
    assert_false(isnan(stance_platt_probability(p, 1e308)));
}


static int check_file(const char *path, stance_error *err)
{
    char *data;
    size_t len;
    if (stance_read_file(path, MODEL_MAX_BYTES, false, &data, &len, err) != 0)
        return -1;
    const char *payload;
    size_t plen;
    int rc = stance_model_container_check(path, data, len, &payload, &plen, err);
    free(data);
    return rc;
}

static void write_bytes(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    fclose(fp);
}

static void expect_refused(const char *path, const char *needle)
{
    stance_error err;
    stance_error_clear(&err);
    assert_int_equal(check_file(path, &err), -1);
    assert_string_equal(err.file, path);
    if (!strstr(err.message, needle))
        fail_msg("'%s' lacks '%s'", err.message, needle);
}

static void test_container(void **state)
{
    (void)state;
    assert_true(stance_crc32_of("123456789", 9) == 0xCBF43926u); /* the standard check value */
    char path[512], bad[512];
    snprintf(path, sizeof path, "%s/m.model", tmpdir);
    snprintf(bad, sizeof bad, "%s/bad.model", tmpdir);
    const char payload[] = "{\"labels\":[\"conciliatory\",\"adversarial\",\"neutral\"]}";
    stance_error err;
    assert_int_equal(stance_model_container_write(path, payload, sizeof payload - 1, &err), 0);
    assert_int_equal(check_file(path, &err), 0);

    char *data;
    size_t len;
    assert_int_equal(stance_read_file(path, 1 << 20, false, &data, &len, &err), 0);
    /* truncated at every offset: refused, never a crash */
    for (size_t cut = 0; cut < len; cut++) {
        write_bytes(bad, data, cut);
        stance_error_clear(&err);
        assert_int_equal(check_file(bad, &err), -1);
    }
    write_bytes(bad, data, len - 5);
    expect_refused(bad, "truncated");
    /* one byte flipped in the payload */
    data[len - 3] ^= 0x20;
    write_bytes(bad, data, len);
    expect_refused(bad, "corrupted");
    data[len - 3] ^= 0x20;
    /* a newer format */
    char *newer = strdup(data);
    newer[13] = '9';
    write_bytes(bad, newer, len);
    expect_refused(bad, "newer stance");
    free(newer);
    free(data);
    /* foreign files: a PNG, a libsvm model, an empty file */
    write_bytes(bad, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    expect_refused(bad, "not a stance model");
    const char svm[] = "svm_type c_svc\nkernel_type linear\nnr_class 2\n";
    write_bytes(bad, svm, sizeof svm - 1);
    expect_refused(bad, "not a stance model");
    write_bytes(bad, "", 0);
    expect_refused(bad, "not a stance model");
    write_bytes(bad, "STANCE-MODEL 1 10", 17);
    expect_refused(bad, "header line");
    write_bytes(bad, "STANCE-MODEL 1 99999999999999 00000000\n{}", 41);
    expect_refused(bad, "payload length");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_metrics_by_hand),
        cmocka_unit_test(test_stratified_folds),
        cmocka_unit_test(test_platt_scaling),
        cmocka_unit_test(test_container),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
