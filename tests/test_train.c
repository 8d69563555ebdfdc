/* Training and model files end to end on a small team-written corpus:
 * learning, determinism, save/load equality, probabilities, explanations,
 * and refusal of malformed payloads. */
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
#include "tests/test_tmpdir.h"


/* Three classes with clear, distinct vocabularies, varied word order. */
static const char *const conciliatory[] = {
    "the minister welcomed the offer of talks", "we are ready to cooperate with our neighbours",
    "both sides agreed to a ceasefire and thanked the mediators", "the envoy praised the constructive meeting",
    "officials welcomed the agreement and pledged cooperation", "the president thanked partners for their help",
    "we support dialogue and welcome the proposal", "the ministry praised the progress of the talks",
};
static const char *const adversarial[] = {
    "the ministry condemned the attack and threatened retaliation", "we reject these baseless accusations",
    "the government expelled diplomats and condemned the provocation", "officials warned of retaliation against the sanctions",
    "the spokesman accused the neighbours of aggression", "the president rejected the demands and threatened sanctions",
    "we condemn the illegal annexation", "the army warned it would retaliate against any incursion",
};
static const char *const neutral[] = {
    "the meeting will take place on friday in geneva", "the delegation arrived on monday evening",
    "the schedule of the next round will be announced later", "the council will discuss the report next week",
    "the talks are due to resume on thursday", "the committee published its annual figures on tuesday",
    "the vote is scheduled for the end of the month", "the summit will be held in the capital in june",
};

static const char *write_corpus(void)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/corpus.jsonl", tmpdir);
    FILE *fp = fopen(path, "w");
    for (int i = 0; i < 8; i++) {
        fprintf(fp, "{\"text\":\"%s\",\"label\":\"conciliatory\"}\n", conciliatory[i]);
        fprintf(fp, "{\"text\":\"%s\",\"label\":\"adversarial\"}\n", adversarial[i]);
        fprintf(fp, "{\"text\":\"%s\",\"label\":\"neutral\"}\n", neutral[i]);
    }
    fclose(fp);
    return path;
}

static stance_model *train_toy_with(stance_corpus *c, const char *date, stance_solver solver,
                                    stance_kernel kernel)
{
    static const char *const labels[] = {"conciliatory", "adversarial", "neutral"};
    stance_corpus_options copt;
    stance_corpus_options_default(&copt);
    copt.allowed_labels = labels;
    copt.n_allowed_labels = 3;
    stance_error err;
    assert_int_equal(stance_corpus_read(write_corpus(), &copt, c, &err), 0);
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    stance_train_options opt;
    stance_train_options_default(&opt);
    opt.folds = 4;
    opt.date = date;
    opt.solver = solver;
    opt.kernel = kernel;
    stance_model *m = stance_train(c, &cfg, &opt, &err);
    if (!m)
        fail_msg("train: %s", err.message);
    return m;
}

static stance_model *train_toy(stance_corpus *c, const char *date)
{
    return train_toy_with(c, date, STANCE_SOLVER_AUTO, STANCE_KERNEL_LINEAR);
}

static void test_learns_and_predicts(void **state)
{
    (void)state;
    stance_corpus c;
    stance_model *m = train_toy(&c, "2026-01-01");
    assert_int_equal(stance_model_n_labels(m), 3);
    assert_string_equal(stance_model_label(m, 1), "adversarial");
    stance_sparse work = {0};
    double p[3];
    stance_error err;
    size_t right = 0;
    for (size_t i = 0; i < c.n; i++) {
        int label = stance_model_predict(m, c.texts[i], c.text_lens[i], &work, p, &err);
        right += label == c.labels[i];
        assert_true(fabs(p[0] + p[1] + p[2] - 1) < 1e-9);
        for (int j = 0; j < 3; j++)
            assert_true(p[j] >= 0 && p[j] <= 1);
    }
    assert_int_equal(right, c.n); /* a separable corpus is learnt */
    /* unseen texts in the same vocabularies */
    const char *threat = "they condemned the provocation and threatened retaliation";
    assert_int_equal(stance_model_predict(m, threat, strlen(threat), &work, p, &err), 1);
    assert_true(p[1] > p[0] && p[1] > p[2]);
    stance_term terms[3];
    size_t n = stance_model_explain(m, &work, 1, terms, 3);
    assert_true(n >= 2);
    assert_true(terms[0].weight >= terms[1].weight && terms[1].weight > 0);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        found |= strcmp(terms[i].name, "w:condemned") == 0 || strcmp(terms[i].name, "w:threatened") == 0 ||
                 strcmp(terms[i].name, "w:retaliation") == 0;
    assert_true(found);
    const char *meta = stance_model_metadata(m);
    assert_non_null(strstr(meta, "\"records\":24"));
    assert_non_null(strstr(meta, "\"date\":\"2026-01-01\""));
    stance_sparse_free(&work);
    stance_model_free(m);
    stance_corpus_free(&c);
}

__attribute__((noinline)) static char *slurp(const char *path, size_t *len)
{
    char *data;
    stance_error err;
    assert_int_equal(stance_read_file(path, 1 << 26, false, &data, len, &err), 0);
    return data;
}

static void test_deterministic_and_round_trip(void **state)
{
    (void)state;
    char a[600], b[600];
    snprintf(a, sizeof a, "%s/a.model", tmpdir);
    snprintf(b, sizeof b, "%s/b.model", tmpdir);
    stance_corpus c1, c2;
    stance_model *m1 = train_toy(&c1, "2026-01-01"), *m2 = train_toy(&c2, "2026-01-01");
    stance_error err;
    assert_int_equal(stance_model_save(m1, a, &err), 0);
    assert_int_equal(stance_model_save(m2, b, &err), 0);
    size_t la, lb;
    char *da = slurp(a, &la), *db = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la); /* byte for byte */
    free(da);
    free(db);

    stance_model *loaded = stance_model_load(a, &err);
    if (!loaded)
        fail_msg("load: %s", err.message);
    stance_sparse w1 = {0}, w2 = {0};
    double p1[3], p2[3];
    for (size_t i = 0; i < c1.n; i++) {
        int l1 = stance_model_predict(m1, c1.texts[i], c1.text_lens[i], &w1, p1, &err);
        int l2 = stance_model_predict(loaded, c1.texts[i], c1.text_lens[i], &w2, p2, &err);
        assert_int_equal(l1, l2);
        for (int j = 0; j < 3; j++)
            assert_true(p1[j] == p2[j]); /* exact: doubles round-trip through JSON */
    }
    stance_sparse_free(&w1);
    stance_sparse_free(&w2);
    stance_model_free(loaded);
    stance_model_free(m1);
    stance_model_free(m2);
    stance_corpus_free(&c1);
    stance_corpus_free(&c2);
}

/* A valid container around a payload that lies must still be refused. */
static void test_malformed_payloads_refused(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/a.model", tmpdir);
    size_t len;
    char *data = slurp(path, &len);
    const char *payload = strchr(data, '\n') + 1;
    static const struct { const char *from, *to; } lies[] = {
        {"\"model\":\"stance-linear\"", "\"model\":\"stance-forest\""},
        {"\"labels\":[\"conciliatory\",", "\"labels\":[\"neutral\","},  /* duplicate label */
        {"\"vectors\":3", "\"vectors\":2"},
        {"\"weights\":[", "\"weights\":[1e999,"},                      /* not finite, wrong length */
        {"\"platt\":[[", "\"platt\":[[\"a\","},
        {"\"format\":\"stance-vectorizer\"", "\"format\":\"other\""},
    };
    for (size_t i = 0; i < sizeof lies / sizeof lies[0]; i++) {
        const char *at = strstr(payload, lies[i].from);
        assert_non_null(at);
        size_t head = (size_t)(at - payload), from = strlen(lies[i].from), to = strlen(lies[i].to);
        size_t plen = len - (size_t)(payload - data) - from + to;
        char *bad = malloc(plen + 1);
        memcpy(bad, payload, head);
        memcpy(bad + head, lies[i].to, to);
        memcpy(bad + head + to, at + from, len - (size_t)(at + from - data));
        char bad_path[600];
        snprintf(bad_path, sizeof bad_path, "%s/lie%zu.model", tmpdir, i);
        stance_error err;
        assert_int_equal(stance_model_container_write(bad_path, bad, plen, &err), 0);
        stance_error_clear(&err);
        assert_null(stance_model_load(bad_path, &err));
        assert_string_equal(err.file, bad_path);
        assert_true(err.message[0] != '\0');
        free(bad);
    }
    free(data);
    stance_error err;
    assert_null(stance_model_load("/nonexistent.model", &err));
    assert_non_null(strstr(err.message, "cannot open"));
}

/* LIBSVM models, linear (collapsed) and RBF: they learn the corpus, give
 * probabilities that sum to 1, and come back from a file predicting the same. */
static void test_libsvm_models(void **state)
{
    (void)state;
    for (int rbf = 0; rbf < 2; rbf++) {
        stance_corpus c;
        stance_model *m = train_toy_with(&c, "2026-01-01", STANCE_SOLVER_LIBSVM,
                                         rbf ? STANCE_KERNEL_RBF : STANCE_KERNEL_LINEAR);
        char path[600];
        snprintf(path, sizeof path, "%s/svm%d.model", tmpdir, rbf);
        stance_error err;
        assert_int_equal(stance_model_save(m, path, &err), 0);
        stance_model *back = stance_model_load(path, &err);
        if (!back)
            fail_msg("load: %s", err.message);
        stance_sparse w1 = {0}, w2 = {0};
        double p1[3], p2[3];
        size_t right = 0;
        for (size_t i = 0; i < c.n; i++) {
            int l1 = stance_model_predict(m, c.texts[i], c.text_lens[i], &w1, p1, &err);
            int l2 = stance_model_predict(back, c.texts[i], c.text_lens[i], &w2, p2, &err);
            assert_int_equal(l1, l2);
            right += l1 == c.labels[i];
            assert_true(fabs(p1[0] + p1[1] + p1[2] - 1) < 1e-6);
            for (int j = 0; j < 3; j++)
                if (p1[j] != p2[j])
                    fail_msg("rbf=%d record %zu class %d: %.17g != %.17g", rbf, i, j, p1[j], p2[j]);
        }
        assert_true(right >= c.n - 1);
        const char *threat = "they condemned the provocation and threatened retaliation";
        assert_int_equal(stance_model_predict(back, threat, strlen(threat), &w2, p2, &err), 1);
        stance_term terms[3];
        size_t n = stance_model_explain(back, &w2, 1, terms, 3);
        if (rbf)
            assert_int_equal(n, 0); /* support vectors have no per-term weights */
        else
            assert_true(n > 0 && terms[0].weight > 0);
        assert_non_null(strstr(stance_model_metadata(back), rbf ? "RBF kernel" : "collapsed"));
        stance_sparse_free(&w1);
        stance_sparse_free(&w2);
        stance_model_free(back);
        stance_model_free(m);
        stance_corpus_free(&c);
    }
    /* a support vector outside the vocabulary is refused */
    char path[600];
    snprintf(path, sizeof path, "%s/svm1.model", tmpdir);
    size_t len;
    char *data = slurp(path, &len);
    char *sv = strstr(data, "\"SV\":[[");
    assert_non_null(sv);
    const char *payload = strchr(data, '\n') + 1;
    char *bad = malloc(len + 16);
    size_t head = (size_t)(sv - payload) + 7;
    memcpy(bad, payload, head);
    size_t extra = (size_t)sprintf(bad + head, "99999999,1,");
    memcpy(bad + head + extra, sv + 7, len - (size_t)(sv + 7 - data));
    size_t plen = len - (size_t)(payload - data) + extra;
    char bad_path[600];
    snprintf(bad_path, sizeof bad_path, "%s/badsv.model", tmpdir);
    stance_error err;
    assert_int_equal(stance_model_container_write(bad_path, bad, plen, &err), 0);
    assert_null(stance_model_load(bad_path, &err));
    assert_non_null(strstr(err.message, "support vector"));
    free(bad);
    free(data);
}

static void test_refuses_untrainable_corpus(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/one.jsonl", tmpdir);
    FILE *fp = fopen(path, "w");
    fputs("{\"text\":\"a b\",\"label\":\"x\"}\n{\"text\":\"c d\",\"label\":\"x\"}\n", fp);
    fclose(fp);
    stance_corpus c;
    stance_error err;
    assert_int_equal(stance_corpus_read(path, NULL, &c, &err), 0);
    assert_null(stance_train(&c, NULL, NULL, &err));
    assert_non_null(strstr(err.message, "two classes"));
    stance_corpus_free(&c);
}

/* Training leaves the process as it found it: the caller's rand() sequence
 * goes on where it was (the solvers draw from a state of their own), and
 * the same model comes out whatever the caller did to rand() before. */
static void test_keeps_the_callers_random_state(void **state)
{
    (void)state;
    srand(77);
    int expected[3] = {rand(), rand(), rand()};
    srand(77);
    int first = rand();
    stance_corpus c1, c2;
    stance_model *a = train_toy(&c1, "2020-01-01");
    int rest[2] = {rand(), rand()};
    assert_int_equal(first, expected[0]);
    assert_int_equal(rest[0], expected[1]);
    assert_int_equal(rest[1], expected[2]);
    srand(12345); /* a caller with another seed gets the same model */
    stance_model *b = train_toy(&c2, "2020-01-01");
    char pa[600], pb[600];
    snprintf(pa, sizeof pa, "%s/rand-a.model", tmpdir);
    snprintf(pb, sizeof pb, "%s/rand-b.model", tmpdir);
    stance_error err;
    assert_int_equal(stance_model_save(a, pa, &err), 0);
    assert_int_equal(stance_model_save(b, pb, &err), 0);
    char *ta, *tb;
    size_t la, lb;
    assert_int_equal(stance_read_file(pa, 1 << 26, false, &ta, &la, &err), 0);
    assert_int_equal(stance_read_file(pb, 1 << 26, false, &tb, &lb, &err), 0);
    assert_int_equal(la, lb);
    assert_memory_equal(ta, tb, la);
    free(ta);
    free(tb);
    stance_model_free(a);
    stance_model_free(b);
    stance_corpus_free(&c1);
    stance_corpus_free(&c2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_learns_and_predicts),
        cmocka_unit_test(test_deterministic_and_round_trip),
        cmocka_unit_test(test_malformed_payloads_refused),
        cmocka_unit_test(test_libsvm_models),
        cmocka_unit_test(test_refuses_untrainable_corpus),
        cmocka_unit_test(test_keeps_the_callers_random_state),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
