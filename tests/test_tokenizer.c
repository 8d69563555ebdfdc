/* Tokenizer: exact tokens for tricky strings, negation scopes, stop words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "features/tokenizer.h"

/* Tokens joined by '|', negated ones with a trailing '~'. */
static char *tokens_of(const char *text)
{
    token_list t;
    stance_token_list_init(&t);
    stance_error err;
    if (stance_tokenize(text, strlen(text), &t, &err) != 0)
        fail_msg("stance_tokenize failed: %s", err.message);
    stance_tokens_mark_negation(&t);
    size_t cap = t.text_len + 2 * t.n + 1;
    char *out = calloc(1, cap), *p = out;
    for (size_t i = 0; i < t.n; i++) {
        if (i)
            *p++ = '|';
        memcpy(p, token_text(&t, i), t.tokens[i].len);
        p += t.tokens[i].len;
        if (t.tokens[i].negated)
            *p++ = '~';
    }
    stance_token_list_free(&t);
    return out;
}

#define EXPECT_TOKENS(text, expected)                                                             \
    do {                                                                                          \
        char *got = tokens_of(text);                                                              \
        assert_string_equal(got, expected);                                                       \
        free(got);                                                                                \
    } while (0)

static void test_words_possessives_and_contractions(void **state)
{
    (void)state;
    EXPECT_TOKENS("Russia's foreign ministry", "russia|'s|foreign|ministry");
    EXPECT_TOKENS("Kerry\xE2\x80\x99s aides", "kerry|'s|aides"); /* curly apostrophe */
    EXPECT_TOKENS("They don't agree", "they|don't|agree~");
    EXPECT_TOKENS("O'Brien met the ministers' aides", "o'brien|met|the|ministers|'|aides");
    EXPECT_TOKENS("a pro-Russian, well-known group", "a|pro-russian|,|well-known|group");
    EXPECT_TOKENS("the 1st and 20th rounds", "the|1st|and|20th|rounds");
}

static void test_quotes_and_punctuation(void **state)
{
    (void)state;
    EXPECT_TOKENS("\"We are not playing \xE2\x80\x9CLet's Make a Deal\xE2\x80\x9D here\", he said.",
                  "\"|we|are|not|playing~|\xE2\x80\x9C|let~|'s~|make~|a~|deal~|\xE2\x80\x9D|here~|\"|,|he|said|.");
    EXPECT_TOKENS("\xC2\xABnon\xC2\xBB", "\xC2\xAB|non|\xC2\xBB"); /* guillemets */
}

static void test_abbreviations_numbers_urls_tags(void **state)
{
    (void)state;
    EXPECT_TOKENS("The U.S. and the U.N. met", "the|u.s.|and|the|u.n.|met");
    EXPECT_TOKENS("e.g. Mr. Smith", "e.g.|mr|.|smith");
    EXPECT_TOKENS("3.5% of 1,000 in 2015.", "3.5|%|of|1,000|in|2015|.");
    EXPECT_TOKENS("see https://Example.com/a?b=1, now", "see|https://example.com/a?b=1|,|now");
    EXPECT_TOKENS("www.un.org.", "www.un.org|.");
    EXPECT_TOKENS("@UN_News #Syria2016 # alone", "@un_news|#syria2016|#|alone");
}

static void test_unicode_lowercasing(void **state)
{
    (void)state;
    EXPECT_TOKENS("\xCE\x95\xCE\x9B\xCE\x9B\xCE\x86\xCE\x94\xCE\x91", /* ΕΛΛΆΔΑ */
                  "\xCE\xB5\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1");     /* ελλάδα */
    EXPECT_TOKENS("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90 \xD0\x9A\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C",
                  "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0|\xD0\xBA\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C"); /* МОСКВА Кремль */
    EXPECT_TOKENS("\xC3\x89LYS\xC3\x89\x45 S\xC3\xA3o Paulo", "\xC3\xA9lys\xC3\xa9\x65|s\xC3\xA3o|paulo"); /* ÉLYSÉE São */
}

static void test_negation_scope_ends_at_punctuation(void **state)
{
    (void)state;
    EXPECT_TOKENS("We will not accept this, but never again; no talks.",
                  "we|will|not|accept~|this~|,|but|never|again~|;|no|talks~|.");
    EXPECT_TOKENS("They haven't responded", "they|haven't|responded~");
}

static void test_invalid_and_empty_input(void **state)
{
    (void)state;
    token_list t;
    stance_token_list_init(&t);
    stance_error err;
    assert_int_equal(stance_tokenize("", 0, &t, &err), 0);
    assert_int_equal(t.n, 0);
    const char bad[] = "ok \xC3\x28 then";
    assert_int_equal(stance_tokenize(bad, sizeof bad - 1, &t, &err), -1);
    assert_non_null(strstr(err.message, "invalid UTF-8 at byte 4"));
    /* a truncated sequence at the very end is reported, not read past */
    const char cut[] = "abc\xE2\x82";
    assert_int_equal(stance_tokenize(cut, sizeof cut - 1, &t, &err), -1);
    assert_non_null(strstr(err.message, "byte 4"));
    stance_token_list_free(&t);
}

static void test_one_megabyte_line(void **state)
{
    (void)state;
    /* 1 MiB of "word " and a 1 MiB token: linear work, exact counts */
    size_t n = 1 << 20;
    char *text = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        text[i] = "word "[i % 5];
    text[n] = '\0';
    token_list t;
    stance_token_list_init(&t);
    stance_error err;
    assert_int_equal(stance_tokenize(text, n, &t, &err), 0);
    assert_int_equal(t.n, (n + 4) / 5);
    memset(text, 'x', n);
    assert_int_equal(stance_tokenize(text, n, &t, &err), 0);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.tokens[0].len, n);
    stance_token_list_free(&t);
    free(text);
}

static void test_stop_words(void **state)
{
    (void)state;
    assert_true(stance_is_stop_word("the", 3));
    assert_true(stance_is_stop_word("'s", 2));
    assert_true(stance_is_stop_word("yourselves", 10));
    assert_false(stance_is_stop_word("not", 3)); /* negations carry stance */
    assert_false(stance_is_stop_word("sanctions", 9));
    assert_false(stance_is_stop_word("th", 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_possessives_and_contractions),
        cmocka_unit_test(test_quotes_and_punctuation),
        cmocka_unit_test(test_abbreviations_numbers_urls_tags),
        cmocka_unit_test(test_unicode_lowercasing),
        cmocka_unit_test(test_negation_scope_ends_at_punctuation),
        cmocka_unit_test(test_invalid_and_empty_input),
        cmocka_unit_test(test_one_megabyte_line),
        cmocka_unit_test(test_stop_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
