/* Ingest: articles from text files, JSONL, directories and stdin, bad
 * records named and skippable; and the sentence splitter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "stance.h"
#include "tests/test_tmpdir.h"

static const char *put_bytes(const char *name, const char *bytes, size_t len)
{
    static char path[4][600];
    static int slot;
    char *p = path[slot++ % 4];
    snprintf(p, 600, "%s/%s", tmpdir, name);
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    fwrite(bytes, 1, len, fp);
    fclose(fp);
    return p;
}

/* Sentences of text joined by " | ". */
static char *sentences(const char *text)
{
    stance_span *s;
    long n = stance_split_sentences(text, strlen(text), &s);
    assert_true(n >= 0);
    char *out = calloc(1, strlen(text) + 4 * (size_t)n + 1), *p = out;
    for (long i = 0; i < n; i++) {
        if (i)
            p += sprintf(p, " | ");
        memcpy(p, text + s[i].start, s[i].end - s[i].start);
        p += s[i].end - s[i].start;
    }
    free(s);
    return out;
}

static const char *put(const char *name, const char *text)
{
    return put_bytes(name, text, strlen(text));
}

#define EXPECT_SENTENCES(text, expected)                                                          \
    do {                                                                                          \
        char *got = sentences(text);                                                              \
        assert_string_equal(got, expected);                                                       \
        free(got);                                                                                \
    } while (0)

static void test_sentence_splitter(void **state)
{
    (void)state;
    EXPECT_SENTENCES("The talks ended. Both sides left.", "The talks ended. | Both sides left.");
    /* abbreviations, initials, numbers */
    EXPECT_SENTENCES("Mr. Smith met Gen. Jones on Jan. 5 in the U.S. capital. It rained.",
                     "Mr. Smith met Gen. Jones on Jan. 5 in the U.S. capital. | It rained.");
    EXPECT_SENTENCES("John F. Kennedy spoke. Growth was 3.5 percent.",
                     "John F. Kennedy spoke. | Growth was 3.5 percent.");
    EXPECT_SENTENCES("The U.N.-led force arrived. Why? Nobody knows!",
                     "The U.N.-led force arrived. | Why? | Nobody knows!");
    /* quotes that close after the full stop stay with their sentence */
    EXPECT_SENTENCES("\"We will not yield.\" The minister left.",
                     "\"We will not yield.\" | The minister left.");
    EXPECT_SENTENCES("\xE2\x80\x9CWe agree.\xE2\x80\x9D Then he left.",
                     "\xE2\x80\x9CWe agree.\xE2\x80\x9D | Then he left.");
    /* a quote that spans sentences: each sentence on its own */
    EXPECT_SENTENCES("\"We came to talk. We will stay,\" she said.",
                     "\"We came to talk. | We will stay,\" she said.");
    /* paragraph breaks always end a sentence, blank lines give nothing */
    EXPECT_SENTENCES("Title without stop\n\nBody line one\nTwo.", "Title without stop | Body line one | Two.");
    /* lower case after a dot: not a new sentence */
    EXPECT_SENTENCES("It costs approx. ten dollars.", "It costs approx. ten dollars.");
    EXPECT_SENTENCES("", "");
    EXPECT_SENTENCES("   \n  ", "");
}

static void test_text_and_jsonl_articles(void **state)
{
    (void)state;
    const char *txt = put("a.txt", "\xEF\xBB\xBFTitle line\r\nBody one.\nBody two.\n");
    const char *jsonl = put("b.jsonl", "{\"id\":\"x1\",\"title\":\"T\",\"text\":\"Kerry said yes.\",\"date\":\"2015-12-15\",\"source\":\"wire\"}\n"
                            "\n"
                            "{\"id\":2,\"text\":\"No title here.\"}\n");
    const char *paths[] = {txt, jsonl};
    stance_error err;
    stance_article_reader *r = stance_article_reader_open(paths, 2, 0, &err);
    assert_non_null(r);
    stance_article a;
    assert_int_equal(stance_article_reader_next(r, &a, &err), 1);
    assert_string_equal(a.title, "Title line");
    assert_string_equal(a.text, "Body one.\nBody two.\n");
    assert_int_equal(a.text_len, 20);
    assert_string_equal(a.id, txt);
    assert_null(a.date);
    stance_article_free(&a);
    assert_int_equal(stance_article_reader_next(r, &a, &err), 1);
    assert_string_equal(a.id, "x1");
    assert_string_equal(a.date, "2015-12-15");
    assert_string_equal(a.source, "wire");
    assert_int_equal(a.line, 1);
    stance_article_free(&a);
    assert_int_equal(stance_article_reader_next(r, &a, &err), 1);
    assert_string_equal(a.id, "2");
    assert_string_equal(a.title, "");
    assert_int_equal(a.line, 3);
    stance_article_free(&a);
    assert_int_equal(stance_article_reader_next(r, &a, &err), 0);
    stance_article_reader_close(r);
}

static void test_bad_records_are_named_and_skippable(void **state)
{
    (void)state;
    const char *jsonl = put("bad.jsonl", "{\"id\":\"ok1\",\"text\":\"fine\"}\n"
                            "{\"id\":\"nobody\"}\n"
                            "not json\n"
                            "{\"id\":\"d\",\"text\":\"x\",\"date\":\"yesterday\"}\n"
                            "{\"id\":\"u\",\"text\":\"\xC3\x28\"}\n"
                            "{\"id\":\"ok2\",\"text\":\"also fine\"}\n");
    const char *empty = put("empty.txt", "\n\n  \n");
    const char *binary = put_bytes("bin.txt", "PK\x03\x04\0\0zip", 9);
    const char *paths[] = {jsonl, empty, binary};
    stance_error err;
    stance_article_reader *r = stance_article_reader_open(paths, 3, 0, &err);
    assert_non_null(r);
    stance_article a;
    static const struct { int rc; long line; const char *needle; } expect[] = {
        {1, 1, NULL},
        {-1, 2, "field 'text' is missing"},
        {-1, 3, "not a JSON object"},
        {-1, 4, "date 'yesterday'"},
        {-1, 5, "invalid UTF-8"},
        {1, 6, NULL},
        {-1, 0, "empty article"},
        {-1, 1, "NUL byte"},
    };
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        stance_error_clear(&err);
        int rc = stance_article_reader_next(r, &a, &err);
        assert_int_equal(rc, expect[i].rc);
        if (rc == 1) {
            assert_int_equal(a.line, expect[i].line);
            stance_article_free(&a);
        } else {
            assert_int_equal(err.line, expect[i].line);
            if (!strstr(err.message, expect[i].needle))
                fail_msg("record %zu: '%s' lacks '%s'", i, err.message, expect[i].needle);
        }
    }
    assert_int_equal(stance_article_reader_next(r, &a, &err), 0);
    stance_article_reader_close(r);

    /* a path that does not exist fails at once */
    const char *missing[] = {"/nonexistent/articles"};
    assert_null(stance_article_reader_open(missing, 1, 0, &err));
    assert_string_equal(err.file, "/nonexistent/articles");
    /* an article over the limit is refused */
    const char *big = put("big.txt", "Title\n0123456789012345678901234567890123456789");
    const char *one[] = {big};
    r = stance_article_reader_open(one, 1, 20, &err);
    assert_int_equal(stance_article_reader_next(r, &a, &err), -1);
    assert_non_null(strstr(err.message, "limit"));
    stance_article_reader_close(r);
}

static void test_directories_in_name_order(void **state)
{
    (void)state;
    char dir[600], sub[620];
    snprintf(dir, sizeof dir, "%s/corpus", tmpdir);
    snprintf(sub, sizeof sub, "%s/corpus/b-sub", tmpdir);
    mkdir(dir, 0755);
    mkdir(sub, 0755);
    put("corpus/c.txt", "C\nthird\n");
    put("corpus/a.txt", "A\nfirst\n");
    put("corpus/b-sub/x.jsonl", "{\"id\":\"b\",\"text\":\"second\"}\n");
    put("corpus/.hidden.txt", "H\nskip\n");
    const char *paths[] = {dir};
    stance_error err;
    stance_article_reader *r = stance_article_reader_open(paths, 1, 0, &err);
    assert_non_null(r);
    static const char *const order[] = {"first\n", "second", "third\n"};
    stance_article a;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(stance_article_reader_next(r, &a, &err), 1);
        assert_string_equal(a.text, order[i]);
        stance_article_free(&a);
    }
    assert_int_equal(stance_article_reader_next(r, &a, &err), 0);
    stance_article_reader_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_splitter),
        cmocka_unit_test(test_text_and_jsonl_articles),
        cmocka_unit_test(test_bad_records_are_named_and_skippable),
        cmocka_unit_test(test_directories_in_name_order),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
