/* Vectorizer: n-gram counts, idf and TF-IDF values computed by hand, L2
 * norms, pruning, hashing stability, and the JSON form (round trip and
 * hostile documents). Values are compared with a tolerance of 1e-12. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "features/ngrams.h"
#include "features/vectorizer.h"

#define TOL 1e-12

static const char *const docs[] = {"We welcome the talks.", "We reject the talks!",
                                   "The talks are on Friday."};

static stance_vectorizer *fitted(const stance_feature_config *cfg, const char *const *texts, size_t n)
{
    size_t lens[16];
    for (size_t i = 0; i < n; i++)
        lens[i] = strlen(texts[i]);
    stance_error err;
    stance_vectorizer *v = stance_vectorizer_new(cfg, &err);
    assert_non_null(v);
    if (stance_vectorizer_fit(v, texts, lens, n, &err) != 0)
        fail_msg("fit: %s", err.message);
    return v;
}

static int column_of(const stance_vectorizer *v, const char *name)
{
    for (size_t i = 1; i <= stance_vectorizer_dim(v); i++)
        if (strcmp(stance_vectorizer_feature_name(v, (int)i), name) == 0)
            return (int)i;
    return -1;
}

static double value_at(const stance_sparse *s, int col)
{
    for (size_t i = 0; i < s->nnz; i++)
        if (s->nodes[i].index == col)
            return s->nodes[i].value;
    return 0;
}

static void test_vocabulary_and_tfidf_by_hand(void **state)
{
    (void)state;
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    stance_vectorizer *v = fitted(&cfg, docs, 3);
    /* unigrams and bigrams of three documents, punctuation left out: 16 terms */
    assert_int_equal(stance_vectorizer_dim(v), 16);
    assert_string_equal(stance_vectorizer_feature_name(v, 1), "w:are"); /* name order */
    assert_true(column_of(v, "w:welcome the") > 0);
    assert_int_equal(column_of(v, "w:."), -1);

    stance_sparse s = {0};
    stance_error err;
    assert_int_equal(stance_vectorizer_transform(v, docs[0], strlen(docs[0]), &s, &err), 0);
    /* doc 0 has 7 terms: we, welcome, the, talks, we welcome, welcome the, the talks.
     * idf = ln(4 / (1 + df)) + 1: "the", "talks", "the talks" are in all 3
     * documents (idf 1); "we" in 2 (ln(4/3) + 1); the other 3 in 1 (ln 2 + 1). */
    double rare = log(2.0) + 1, we = log(4.0 / 3) + 1;
    double norm = sqrt(3 * 1.0 + we * we + 3 * rare * rare);
    assert_int_equal(s.nnz, 7);
    assert_true(fabs(value_at(&s, column_of(v, "w:the")) - 1 / norm) < TOL);
    assert_true(fabs(value_at(&s, column_of(v, "w:we")) - we / norm) < TOL);
    assert_true(fabs(value_at(&s, column_of(v, "w:welcome the")) - rare / norm) < TOL);
    assert_int_equal(s.nodes[s.nnz].index, -1);
    for (size_t i = 1; i < s.nnz; i++)
        assert_true(s.nodes[i].index > s.nodes[i - 1].index); /* sorted, unique */
    double sq = 0;
    for (size_t i = 0; i < s.nnz; i++)
        sq += s.nodes[i].value * s.nodes[i].value;
    assert_true(fabs(sq - 1) < TOL);

    /* unseen words are dropped; an empty text gives an empty vector */
    assert_int_equal(stance_vectorizer_transform(v, "zebra", 5, &s, &err), 0);
    assert_int_equal(s.nnz, 0);
    assert_int_equal(s.nodes[0].index, -1);
    stance_sparse_free(&s);
    stance_vectorizer_free(v);
}

static void test_counts_sublinear_binary(void **state)
{
    (void)state;
    static const char *const text[] = {"no no no deal", "deal"};
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    cfg.word_ngram_max = 1;
    cfg.l2_normalize = false;
    cfg.weighting = STANCE_WEIGHT_COUNT;
    stance_vectorizer *v = fitted(&cfg, text, 2);
    stance_sparse s = {0};
    stance_error err;
    assert_int_equal(stance_vectorizer_transform(v, text[0], strlen(text[0]), &s, &err), 0);
    assert_true(fabs(value_at(&s, column_of(v, "w:no")) - 3) < TOL);
    stance_vectorizer_free(v);

    cfg.sublinear_tf = true;
    v = fitted(&cfg, text, 2);
    assert_int_equal(stance_vectorizer_transform(v, text[0], strlen(text[0]), &s, &err), 0);
    assert_true(fabs(value_at(&s, column_of(v, "w:no")) - (1 + log(3.0))) < TOL);
    stance_vectorizer_free(v);

    cfg.weighting = STANCE_WEIGHT_BINARY;
    v = fitted(&cfg, text, 2);
    assert_int_equal(stance_vectorizer_transform(v, text[0], strlen(text[0]), &s, &err), 0);
    assert_true(fabs(value_at(&s, column_of(v, "w:no")) - 1) < TOL);
    stance_sparse_free(&s);
    stance_vectorizer_free(v);
}

static void count_fn(void *ctx, uint64_t hash, const char *name, size_t len)
{
    (void)hash;
    (void)name;
    (void)len;
    (*(int *)ctx)++;
}

static void test_ngram_counts(void **state)
{
    (void)state;
    token_list t;
    stance_token_list_init(&t);
    ngram_buffer b = {0};
    stance_error err;
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    /* 5 words -> word 1-3 grams: 5 + 4 + 3 = 12 */
    cfg.word_ngram_max = 3;
    assert_int_equal(stance_tokenize("a b c d e", 9, &t, &err), 0);
    int count = 0;
    assert_int_equal(stance_ngrams_emit(&t, &cfg, &b, count_fn, &count), 0);
    assert_int_equal(count, 12);
    /* "talks" padded to " talks " (7 code points): 2-4 grams = 6 + 5 + 4 = 15 */
    cfg.word_ngram_max = 0;
    cfg.char_ngram_min = 2;
    cfg.char_ngram_max = 4;
    cfg.char_ngram_word_bounded = true;
    assert_int_equal(stance_tokenize("talks", 5, &t, &err), 0);
    count = 0;
    assert_int_equal(stance_ngrams_emit(&t, &cfg, &b, count_fn, &count), 0);
    assert_int_equal(count, 15);
    /* across words, code points not bytes: "мир да" is 6 code points: 2-grams 5 */
    cfg.char_ngram_max = 2;
    cfg.char_ngram_word_bounded = false;
    assert_int_equal(stance_tokenize("\xD0\xBC\xD0\xB8\xD1\x80 \xD0\xB4\xD0\xB0", 11, &t, &err), 0);
    count = 0;
    assert_int_equal(stance_ngrams_emit(&t, &cfg, &b, count_fn, &count), 0);
    assert_int_equal(count, 5);
    /* stop words leave word n-grams, negation marks them */
    cfg.char_ngram_max = 0;
    cfg.word_ngram_max = 1;
    cfg.stop_words = true;
    assert_int_equal(stance_tokenize("the deal", 8, &t, &err), 0);
    count = 0;
    assert_int_equal(stance_ngrams_emit(&t, &cfg, &b, count_fn, &count), 0);
    assert_int_equal(count, 1);
    stance_ngram_buffer_free(&b);
    stance_token_list_free(&t);
}

static void test_negation_features(void **state)
{
    (void)state;
    static const char *const text[] = {"we do not accept the deal", "we accept the deal"};
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    cfg.mark_negation = true;
    stance_vectorizer *v = fitted(&cfg, text, 2);
    assert_true(column_of(v, "w:accept_NEG") > 0);
    assert_true(column_of(v, "w:not accept_NEG") > 0);
    assert_true(column_of(v, "w:accept") > 0);
    stance_vectorizer_free(v);
}

static void test_pruning(void **state)
{
    (void)state;
    static const char *const text[] = {"a b c", "a b", "a d", "a e"};
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    cfg.word_ngram_max = 1;
    cfg.min_df = 2; /* a (4 docs), b (2) */
    stance_vectorizer *v = fitted(&cfg, text, 4);
    assert_int_equal(stance_vectorizer_dim(v), 2);
    stance_vectorizer_free(v);
    cfg.min_df = 1;
    cfg.max_df = 0.75; /* drops a, in 4 of 4 */
    v = fitted(&cfg, text, 4);
    assert_int_equal(stance_vectorizer_dim(v), 4);
    assert_int_equal(column_of(v, "w:a"), -1);
    stance_vectorizer_free(v);
    cfg.max_df = 1;
    cfg.max_features = 3; /* a (4), b (2), then c/d/e tie at 1: c wins by name */
    v = fitted(&cfg, text, 4);
    assert_int_equal(stance_vectorizer_dim(v), 3);
    assert_true(column_of(v, "w:c") > 0);
    assert_int_equal(column_of(v, "w:d"), -1);
    stance_vectorizer_free(v);
    /* nothing left is an error, not an empty model */
    cfg.max_features = 0;
    cfg.min_df = 9;
    size_t lens[4] = {5, 3, 3, 3};
    stance_error err;
    v = stance_vectorizer_new(&cfg, &err);
    assert_int_equal(stance_vectorizer_fit(v, text, lens, 4, &err), -1);
    assert_non_null(strstr(err.message, "no features left"));
    stance_vectorizer_free(v);
}

static void test_hashing_is_stable(void **state)
{
    (void)state;
    /* FNV-1a 64: the published test vectors, and a feature's hash, fixed for
     * ever because hashed models depend on it */
    assert_true(stance_feature_hash("", 0) == 0xcbf29ce484222325ULL);
    assert_true(stance_feature_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(stance_feature_hash("w:sanctions", 11) == 0xb9f38983b6761bf6ULL);
    static const char *const text[] = {"sanctions were imposed", "sanctions were lifted"};
    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    cfg.hash_bits = 12;
    cfg.word_ngram_max = 1;
    stance_vectorizer *v = fitted(&cfg, text, 2);
    assert_int_equal(stance_vectorizer_dim(v), 4096);
    stance_sparse s = {0};
    stance_error err;
    assert_int_equal(stance_vectorizer_transform(v, "sanctions", 9, &s, &err), 0);
    assert_int_equal(s.nnz, 1);
    assert_int_equal(s.nodes[0].index, (int)(stance_feature_hash("w:sanctions", 11) & 4095) + 1);
    stance_sparse_free(&s);
    stance_vectorizer_free(v);
}

static void test_json_round_trip(void **state)
{
    (void)state;
    for (int hashed = 0; hashed < 2; hashed++) {
        stance_feature_config cfg;
        stance_feature_config_default(&cfg);
        cfg.char_ngram_min = 2;
        cfg.char_ngram_max = 4;
        cfg.sublinear_tf = true;
        cfg.mark_negation = true;
        cfg.hash_bits = hashed ? 16 : 0;
        stance_vectorizer *v = fitted(&cfg, docs, 3);
        cJSON *j = stance_vectorizer_to_json(v);
        char *text = cJSON_PrintUnformatted(j);
        cJSON_Delete(j);
        cJSON *back = cJSON_Parse(text);
        stance_error err;
        stance_vectorizer *w = stance_vectorizer_from_json(back, "x.json", &err);
        if (!w)
            fail_msg("%s", err.message);
        cJSON_Delete(back);
        free(text);
        stance_sparse a = {0}, b = {0};
        const char *probe = "We do not welcome the talks on Friday";
        assert_int_equal(stance_vectorizer_transform(v, probe, strlen(probe), &a, &err), 0);
        assert_int_equal(stance_vectorizer_transform(w, probe, strlen(probe), &b, &err), 0);
        assert_int_equal(a.nnz, b.nnz);
        assert_true(a.nnz > 10);
        for (size_t i = 0; i <= a.nnz; i++) {
            assert_int_equal(a.nodes[i].index, b.nodes[i].index);
            assert_true(a.nodes[i].value == b.nodes[i].value);
        }
        stance_sparse_free(&a);
        stance_sparse_free(&b);
        stance_vectorizer_free(v);
        stance_vectorizer_free(w);
    }
}

static void test_hostile_json_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "{}",
        "{\"format\":\"stance-vectorizer\",\"version\":2}",
        "{\"format\":\"stance-vectorizer\",\"version\":1,\"config\":{}}",
        /* duplicate feature */
        "{\"format\":\"stance-vectorizer\",\"version\":1,\"config\":{\"word_ngram_min\":1,\"word_ngram_max\":1,"
        "\"char_ngram_min\":0,\"char_ngram_max\":0,\"char_ngram_word_bounded\":false,\"mark_negation\":false,"
        "\"stop_words\":false,\"weighting\":\"tfidf\",\"sublinear_tf\":false,\"l2_normalize\":true,\"min_df\":1,"
        "\"max_df\":1,\"max_features\":0,\"hash_bits\":0},\"documents\":2,\"features\":[\"w:a\",\"w:a\"],\"df\":[1,1]}",
        /* df larger than the number of documents */
        "{\"format\":\"stance-vectorizer\",\"version\":1,\"config\":{\"word_ngram_min\":1,\"word_ngram_max\":1,"
        "\"char_ngram_min\":0,\"char_ngram_max\":0,\"char_ngram_word_bounded\":false,\"mark_negation\":false,"
        "\"stop_words\":false,\"weighting\":\"tfidf\",\"sublinear_tf\":false,\"l2_normalize\":true,\"min_df\":1,"
        "\"max_df\":1,\"max_features\":0,\"hash_bits\":0},\"documents\":2,\"features\":[\"w:a\"],\"df\":[3]}",
        /* hashing column out of range */
        "{\"format\":\"stance-vectorizer\",\"version\":1,\"config\":{\"word_ngram_min\":1,\"word_ngram_max\":1,"
        "\"char_ngram_min\":0,\"char_ngram_max\":0,\"char_ngram_word_bounded\":false,\"mark_negation\":false,"
        "\"stop_words\":false,\"weighting\":\"tfidf\",\"sublinear_tf\":false,\"l2_normalize\":true,\"min_df\":1,"
        "\"max_df\":1,\"max_features\":0,\"hash_bits\":4},\"documents\":2,\"df\":[[17,1]]}",
        /* a range that makes no features */
        "{\"format\":\"stance-vectorizer\",\"version\":1,\"config\":{\"word_ngram_min\":0,\"word_ngram_max\":0,"
        "\"char_ngram_min\":0,\"char_ngram_max\":0,\"char_ngram_word_bounded\":false,\"mark_negation\":false,"
        "\"stop_words\":false,\"weighting\":\"tfidf\",\"sublinear_tf\":false,\"l2_normalize\":true,\"min_df\":1,"
        "\"max_df\":1,\"max_features\":0,\"hash_bits\":0},\"documents\":2,\"features\":[\"w:a\"],\"df\":[1]}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cJSON *j = cJSON_Parse(bad[i]);
        assert_non_null(j);
        stance_error err;
        stance_error_clear(&err);
        assert_null(stance_vectorizer_from_json(j, "model.bin", &err));
        assert_string_equal(err.file, "model.bin");
        assert_true(err.message[0] != '\0');
        cJSON_Delete(j);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vocabulary_and_tfidf_by_hand),
        cmocka_unit_test(test_counts_sublinear_binary),
        cmocka_unit_test(test_ngram_counts),
        cmocka_unit_test(test_negation_features),
        cmocka_unit_test(test_pruning),
        cmocka_unit_test(test_hashing_is_stable),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_hostile_json_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
