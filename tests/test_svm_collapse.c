/* A linear LIBSVM model collapsed into weight vectors predicts exactly what
 * LIBSVM's own svm_predict does, on a corpus of three and of two classes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/svm_collapse.h"
#include "stance.h"

static const char *const texts[][2] = {
    {"we welcome the talks and thank our partners", "conciliatory"},
    {"the minister praised the agreement", "conciliatory"},
    {"both sides agreed to cooperate on trade", "conciliatory"},
    {"officials hope the dialogue will continue", "conciliatory"},
    {"we are ready to meet them halfway", "conciliatory"},
    {"the envoy welcomed the release of prisoners", "conciliatory"},
    {"we condemn the attack and warn of retaliation", "adversarial"},
    {"the ministry rejected the baseless accusations", "adversarial"},
    {"the government expelled two diplomats", "adversarial"},
    {"they threatened sanctions over the incursion", "adversarial"},
    {"the spokesman accused them of aggression", "adversarial"},
    {"we will not accept this provocation", "adversarial"},
    {"the talks resume on friday in geneva", "neutral"},
    {"the delegation arrived on monday", "neutral"},
    {"the vote is scheduled for next month", "neutral"},
    {"the council will meet in june", "neutral"},
    {"the report will be published later", "neutral"},
    {"the summit takes place in the capital", "neutral"},
};
#define N (sizeof texts / sizeof texts[0])

static void check_equal_to_libsvm(size_t k)
{
    /* the first k classes of the corpus */
    size_t n = k == 3 ? N : 12;
    const char *docs[N];
    size_t lens[N];
    for (size_t i = 0; i < n; i++) {
        docs[i] = texts[i][0];
        lens[i] = strlen(texts[i][0]);
    }
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    cfg.char_ngram_min = 2;
    cfg.char_ngram_max = 3;
    stance_error err;
    stance_vectorizer *v = stance_vectorizer_new(&cfg, &err);
    assert_int_equal(stance_vectorizer_fit(v, docs, lens, n, &err), 0);
    size_t dim = stance_vectorizer_dim(v);

    struct svm_node **x = calloc(n, sizeof *x);
    double *y = calloc(n, sizeof *y);
    stance_sparse s = {0};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(stance_vectorizer_transform(v, docs[i], lens[i], &s, &err), 0);
        x[i] = malloc((s.nnz + 1) * sizeof **x);
        memcpy(x[i], s.nodes, (s.nnz + 1) * sizeof **x);
        y[i] = (double)(i / 6); /* classes 0, 1, 2 in blocks of six */
    }
    struct svm_problem prob = {(int)n, y, x};
    struct svm_parameter param = {.svm_type = C_SVC, .kernel_type = LINEAR, .C = 1,
                                  .cache_size = 16, .eps = 1e-3, .shrinking = 1};
    assert_null(svm_check_parameter(&prob, &param));
    struct svm_model *model = svm_train(&prob, &param);
    assert_non_null(model);

    ovo_linear o;
    assert_int_equal(stance_ovo_collapse(model, dim, &o), 0);
    assert_int_equal(o.n_pairs, k * (k - 1) / 2);
    double dec[3], ref[3];
    /* the training texts, and new ones */
    static const char *const probes[] = {"we thank the mediators", "they condemned the strike",
                                         "the meeting is on tuesday", "nothing in common here",
                                         "we welcome the attack on friday"};
    size_t checked = 0;
    for (size_t i = 0; i < n + 5; i++) {
        const char *t = i < n ? docs[i] : probes[i - n];
        assert_int_equal(stance_vectorizer_transform(v, t, strlen(t), &s, &err), 0);
        int mine = stance_ovo_predict(&o, s.nodes, dec);
        double theirs = svm_predict_values(model, s.nodes, ref);
        assert_int_equal(mine, (int)theirs);
        assert_true(svm_predict(model, s.nodes) == theirs);
        for (size_t p = 0; p < o.n_pairs; p++)
            assert_true(fabs(dec[p] - ref[p]) < 1e-9);
        checked++;
    }
    assert_int_equal(checked, n + 5);
    stance_ovo_free(&o);
    svm_free_and_destroy_model(&model);
    for (size_t i = 0; i < n; i++)
        free(x[i]);
    free(x);
    free(y);
    stance_sparse_free(&s);
    stance_vectorizer_free(v);
}

static void quiet(const char *s)
{
    (void)s;
}

static void test_three_classes(void **state)
{
    (void)state;
    svm_set_print_string_function(quiet);
    check_equal_to_libsvm(3);
}

static void test_two_classes(void **state)
{
    (void)state;
    svm_set_print_string_function(quiet);
    check_equal_to_libsvm(2);
}

static void test_refuses_other_kernels(void **state)
{
    (void)state;
    struct svm_model m;
    memset(&m, 0, sizeof m);
    m.param.svm_type = C_SVC;
    m.param.kernel_type = RBF;
    m.nr_class = 2;
    ovo_linear o;
    assert_int_equal(stance_ovo_collapse(&m, 10, &o), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_classes),
        cmocka_unit_test(test_two_classes),
        cmocka_unit_test(test_refuses_other_kernels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
