/* features/predicates.c: the built-in predicate lexicon and its lookups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "features/predicates.h"

static const stance_predicate *find(const char *form, stance_pred_pos pos)
{
    return stance_predicate_find(form, strlen(form), pos);
}

static void test_loads(void **state)
{
    (void)state;
    stance_error err;
    assert_int_equal(stance_predicates_load(&err), 0);
    assert_true(stance_predicates_max_words() >= 3);
}

static void test_verbs(void **state)
{
    (void)state;
    const stance_predicate *said = find("said", STANCE_PRED_VERB);
    assert_non_null(said);
    assert_string_equal(said->lemma, "say");
    assert_true(said->flags & STANCE_PRED_SPEECH);
    assert_true(said->flags & STANCE_PRED_INVERTS);
    assert_int_equal(said->polarity, 0);
    const stance_predicate *lashed = find("lashed out at", STANCE_PRED_VERB);
    assert_non_null(lashed);
    assert_int_equal(lashed->polarity, -1);
    assert_int_equal(lashed->words, 3);
    const stance_predicate *lift = find("lifted", STANCE_PRED_VERB);
    assert_non_null(lift);
    assert_true(lift->flags & STANCE_PRED_REVERSER);
    assert_true(find("expelled", STANCE_PRED_VERB)->flags & STANCE_PRED_ACT);
    assert_true(find("told", STANCE_PRED_VERB)->flags & STANCE_PRED_ADDRESSEE);
    assert_null(find("frobnicated", STANCE_PRED_VERB));
    assert_null(find("sai", STANCE_PRED_VERB));
}

static void test_nouns_and_adjectives(void **state)
{
    (void)state;
    const stance_predicate *sanctions = find("sanctions", STANCE_PRED_NOUN);
    assert_non_null(sanctions);
    assert_int_equal(sanctions->polarity, -1);
    assert_int_equal(find("talks", STANCE_PRED_NOUN)->polarity, 1);
    assert_int_equal(find("baseless", STANCE_PRED_ADJ)->polarity, -1);
    assert_int_equal(find("constructive", STANCE_PRED_ADJ)->polarity, 1);
    /* a part of speech is looked up on its own */
    assert_null(find("baseless", STANCE_PRED_VERB));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads),
        cmocka_unit_test(test_verbs),
        cmocka_unit_test(test_nouns_and_adjectives),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
