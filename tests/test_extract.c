/* Statement extraction on short articles written for these tests: each
 * pattern of quoting and attribution, speaker resolution (names, surnames,
 * possessives, demonym + role, dated office holders, pronouns, nominals),
 * and the narration that must not become a statement. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stance.h"

static const char gazetteer[] =
    "country\tRUS\tRussia\tRussian Federation|the Russian Federation\t-\t-\t-\n"
    "country\tUSA\tUnited States\tU.S.|US|the United States|the U.S.\t-\t-\t-\n"
    "country\tIRN\tIran\t-\t-\t-\t-\n"
    "country\tEST\tEstonia\t-\t-\t-\t-\n"
    "country\tCHN\tChina\t-\t-\t-\t-\n"
    "country\tCHE\tSwitzerland\t-\t-\t-\t-\n"
    "demonym\tRUS\tRussian\tRussians\t-\t-\t-\n"
    "demonym\tUSA\tAmerican\tAmericans\t-\t-\t-\n"
    "demonym\tIRN\tIranian\tIranians\t-\t-\t-\n"
    "demonym\tEST\tEstonian\tEstonians\t-\t-\t-\n"
    "demonym\tCHN\tChinese\t-\t-\t-\t-\n"
    "metonym\tRUS\tMoscow\t-\tgovernment\t-\t-\n"
    "metonym\tRUS\tKremlin\t-\tpresidency\t-\t-\n"
    "metonym\tRUS\tTASS\t-\tstate news agency\t-\t-\n"
    "metonym\tUSA\tWashington\t-\tgovernment\t-\t-\n"
    "metonym\tUSA\tState Department\t-\tforeign ministry\t-\t-\n"
    "metonym\tCHN\tBeijing\t-\tgovernment\t-\t-\n"
    "metonym\tCHE\tGeneva\t-\tgovernment\t-\t-\n"
    "igo\tIGO\tUnited Nations\tUN|U.N.\t-\t-\t-\n"
    "person\tUSA\tJohn Kerry\t-\tforeign minister\t2013-02-01\t2017-01-20\n"
    "person\tUSA\tHillary Clinton\t-\tforeign minister\t2009-01-21\t2013-02-01\n"
    "person\tRUS\tSergey Lavrov\tSergei Lavrov\tforeign minister\t2004-03-09\t-\n"
    "person\tRUS\tVladimir Putin\t-\tpresident\t2012-05-07\t-\n"
    "person\tRUS\tSergei Ryabkov\t-\tdeputy foreign minister\t2008-05\t-\n"
    "role\t-\tforeign ministry\tministry of foreign affairs\tinstitution\t-\t-\n"
    "role\t-\tforeign minister\ttop diplomat|secretary of state\tperson\t-\t-\n"
    "role\t-\tdeputy foreign minister\t-\tperson\t-\t-\n"
    "role\t-\tofficial\t-\tperson\t-\t-\n"
    "role\t-\tgovernor\t-\tperson\t-\t-\n"
    "role\t-\tminister\t-\tperson\t-\t-\n";

static stance_gazetteer *g;
static stance_extractor *x;
static stance_article article;
static const stance_statement *st;

static int setup(void **state)
{
    (void)state;
    stance_error err;
    g = stance_gazetteer_new();
    if (stance_gazetteer_add_text(g, "test.tsv", gazetteer, sizeof gazetteer - 1, &err) != 0)
        return -1;
    x = stance_extractor_new(g, &err);
    return x ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    stance_extractor_free(x);
    stance_gazetteer_free(g);
    return 0;
}

/* Extract the statements of text (dated when date is not NULL). */
static long run(const char *text, const char *date)
{
    memset(&article, 0, sizeof article);
    article.id = "test";
    article.text = (char *)text;
    article.text_len = strlen(text);
    article.date = (char *)date;
    stance_error err;
    long n = stance_extract(x, &article, &st, &err);
    assert_true(n >= 0);
    for (long i = 0; i < n; i++) { /* offsets are inside the text, content inside the statement */
        assert_true(st[i].start <= st[i].end && st[i].end <= article.text_len);
        assert_true(st[i].text_start <= st[i].start && st[i].end <= st[i].text_end);
    }
    return n;
}

static void content_is(long i, const char *want)
{
    size_t n = st[i].end - st[i].start;
    char *got = strndup(article.text + st[i].start, n);
    assert_string_equal(got, want);
    free(got);
}

static void speaker_is(long i, const char *speaker, const char *actor, const char *country,
                       stance_statement_kind kind)
{
    assert_string_equal(st[i].speaker, speaker);
    if (actor)
        assert_string_equal(st[i].actor, actor);
    else
        assert_null(st[i].actor);
    assert_string_equal(st[i].country, country);
    assert_int_equal(st[i].kind, kind);
}

/* ---- quotes ------------------------------------------------------------ */

static void test_straight_quote_then_speaker(void **state)
{
    (void)state;
    assert_int_equal(run("\"We will not accept this,\" Lavrov said on Tuesday.", NULL), 1);
    speaker_is(0, "Lavrov", "Sergey Lavrov", "RUS", STANCE_STATEMENT_DIRECT);
    content_is(0, "We will not accept this,");
    assert_string_equal(st[0].verb, "said");
}

static void test_inverted_speaker(void **state)
{
    (void)state;
    assert_int_equal(run("“The door remains open,” said John Kerry.", NULL), 1);
    speaker_is(0, "John Kerry", "John Kerry", "USA", STANCE_STATEMENT_DIRECT);
}

static void test_guillemets(void **state)
{
    (void)state;
    assert_int_equal(run("«We are ready to talk», the Kremlin said.", NULL), 1);
    speaker_is(0, "the Kremlin", "Kremlin", "RUS", STANCE_STATEMENT_DIRECT);
    content_is(0, "We are ready to talk");
}

static void test_speaker_before_quote(void **state)
{
    (void)state;
    assert_int_equal(run("Vladimir Putin told reporters on Friday: “We have nothing to hide.”", NULL), 1);
    speaker_is(0, "Vladimir Putin", "Vladimir Putin", "RUS", STANCE_STATEMENT_DIRECT);
    content_is(0, "We have nothing to hide.");
}

static void test_quote_over_two_sentences(void **state)
{
    (void)state;
    assert_int_equal(run("“We came in good faith. We leave with nothing,” the Russian foreign "
                         "ministry said in a statement.", NULL), 1);
    speaker_is(0, "the Russian foreign ministry", "Russian foreign ministry", "RUS",
               STANCE_STATEMENT_DIRECT);
    content_is(0, "We came in good faith. We leave with nothing,");
}

static void test_quote_split_by_attribution(void **state)
{
    (void)state;
    assert_int_equal(run("“This is a first step,” John Kerry said, “and not the last.”", NULL), 1);
    content_is(0, "This is a first step,” John Kerry said, “and not the last.");
}

static void test_quote_continues_in_next_paragraph(void **state)
{
    (void)state;
    long n = run("Sergey Lavrov said: “We want peace.”\n\n“But we will defend our interests.”\n\n"
                 "The meeting ended at noon.", NULL);
    assert_int_equal(n, 2);
    speaker_is(0, "Sergey Lavrov", "Sergey Lavrov", "RUS", STANCE_STATEMENT_DIRECT);
    speaker_is(1, "Sergey Lavrov", "Sergey Lavrov", "RUS", STANCE_STATEMENT_DIRECT);
    content_is(1, "But we will defend our interests.");
}

static void test_nested_quotes(void **state)
{
    (void)state;
    long n = run("A senior State Department official said the talks were hard. “They speak of "
                 "“red lines” and ‘patience’ every week,” the official said.", NULL);
    assert_int_equal(n, 2);
    speaker_is(1, "the official", "State Department official", "USA", STANCE_STATEMENT_DIRECT);
    content_is(1, "They speak of “red lines” and ‘patience’ every week,");
    /* the same with straight quotes inside straight quotes */
    n = run("\"We are not playing \"games\" here,\" Lavrov said.", NULL);
    assert_int_equal(n, 1);
    content_is(0, "We are not playing \"games\" here,");
}

static void test_partial_quote(void **state)
{
    (void)state;
    assert_int_equal(run("John Kerry said there were still “kinks” to work out.", NULL), 1);
    speaker_is(0, "John Kerry", "John Kerry", "USA", STANCE_STATEMENT_DIRECT);
    content_is(0, "there were still “kinks” to work out");
}

static void test_scare_quotes_are_not_statements(void **state)
{
    (void)state;
    assert_int_equal(run("The two sides seek “common ground” on Syria. The meeting was in a "
                         "\"tense\" mood.", NULL), 0);
}

/* ---- reported speech and acts ------------------------------------------- */

static void test_reported_speech(void **state)
{
    (void)state;
    assert_int_equal(run("The Kremlin said on Monday that it would respond to the sanctions.", NULL), 1);
    speaker_is(0, "The Kremlin", "Kremlin", "RUS", STANCE_STATEMENT_INDIRECT);
    content_is(0, "it would respond to the sanctions");
}

static void test_told_someone_that(void **state)
{
    (void)state;
    assert_int_equal(run("Lavrov told his American counterpart that Moscow would not wait.", NULL), 1);
    content_is(0, "Moscow would not wait");
    assert_string_equal(st[0].target, "USA");
}

static void test_reported_act(void **state)
{
    (void)state;
    assert_int_equal(run("Moscow expelled two Estonian diplomats on Thursday.", NULL), 1);
    speaker_is(0, "Moscow", "Moscow", "RUS", STANCE_STATEMENT_ACT);
    assert_string_equal(st[0].verb, "expelled");
    assert_string_equal(st[0].target, "EST");
}

static void test_according_to(void **state)
{
    (void)state;
    assert_int_equal(run("The talks will resume next week, according to the UN.", NULL), 1);
    speaker_is(0, "the UN", "United Nations", "IGO", STANCE_STATEMENT_INDIRECT);
    content_is(0, "The talks will resume next week");
    /* with a speaker of its own, the source only relays */
    assert_int_equal(run("“Welcome,” Putin told Kerry, according to TASS.", NULL), 1);
    assert_string_equal(st[0].speaker, "Putin");
}

static void test_content_before_speaker(void **state)
{
    (void)state;
    assert_int_equal(run("Moscow will respond in kind, the Russian foreign ministry said.", NULL), 1);
    content_is(0, "Moscow will respond in kind");
    assert_string_equal(st[0].country, "RUS");
}

static void test_relative_clause_and_appositive(void **state)
{
    (void)state;
    assert_int_equal(run("Lavrov, who arrived in Geneva on Monday, said the plan was unacceptable.", NULL), 1);
    speaker_is(0, "Lavrov", "Sergey Lavrov", "RUS", STANCE_STATEMENT_INDIRECT);
    content_is(0, "the plan was unacceptable");
    assert_int_equal(run("Sergei Ryabkov, Russia's deputy foreign minister, said the talks were useful.", NULL), 1);
    assert_string_equal(st[0].actor, "Sergei Ryabkov");
    assert_string_equal(st[0].speaker, "Sergei Ryabkov, Russia's deputy foreign minister");
}

static void test_two_clauses_two_speakers(void **state)
{
    (void)state;
    long n = run("While Kerry said progress was possible, the Kremlin rejected the plan.", NULL);
    assert_int_equal(n, 2);
    content_is(0, "progress was possible");
    assert_string_equal(st[1].actor, "Kremlin");
    assert_int_equal(st[1].kind, STANCE_STATEMENT_ACT);
    n = run("Russia says its strikes hit militants, but Western governments claim civilians "
            "were hit.", NULL);
    assert_int_equal(n, 2);
    speaker_is(1, "Western governments", NULL, "", STANCE_STATEMENT_INDIRECT);
}

static void test_speech_inside_speech_is_one_statement(void **state)
{
    (void)state;
    assert_int_equal(run("John Kerry said Moscow rejected the offer.", NULL), 1);
    content_is(0, "Moscow rejected the offer");
}

static void test_narration_is_not_a_statement(void **state)
{
    (void)state;
    assert_int_equal(run("John Kerry will travel to Geneva on Friday. The talks took place in a "
                         "tense atmosphere. The U.S. and Russia are at odds over Syria.", NULL), 0);
    assert_int_equal(run("", NULL), 0);
}

/* ---- actors and countries ----------------------------------------------- */

static void test_possessive_and_demonym_roles(void **state)
{
    (void)state;
    assert_int_equal(run("Iran's foreign ministry rejected the accusation.", NULL), 1);
    speaker_is(0, "Iran's foreign ministry", "Iranian foreign ministry", "IRN", STANCE_STATEMENT_ACT);
    assert_int_equal(run("The Iranian Ministry of Foreign Affairs denied the report.", NULL), 1);
    assert_string_equal(st[0].actor, "Iranian foreign ministry");
    /* words the gazetteer does not know qualify the role it knows */
    assert_int_equal(run("\"We will not sell,\" Iran's oil minister told reporters.", NULL), 1);
    speaker_is(0, "Iran's oil minister", "Iranian oil minister", "IRN", STANCE_STATEMENT_DIRECT);
    assert_int_equal(run("U.S. officials said the deal was close.", NULL), 1);
    assert_string_equal(st[0].country, "USA");
    assert_string_equal(st[0].actor, "American officials");
}

static void test_dated_office_holder(void **state)
{
    (void)state;
    const char *text = "The U.S. secretary of state said the talks would continue.";
    assert_int_equal(run(text, "2015-06-01"), 1);
    assert_string_equal(st[0].actor, "John Kerry");
    assert_int_equal(run(text, "2011-03-01"), 1);
    assert_string_equal(st[0].actor, "Hillary Clinton");
    assert_int_equal(run(text, NULL), 1); /* no date: the post, not a person */
    assert_string_equal(st[0].actor, "American foreign minister");
    assert_string_equal(st[0].country, "USA");
}

static void test_pronoun_and_nominal(void **state)
{
    (void)state;
    long n = run("John Kerry arrived in Moscow on Tuesday. He said the talks would be difficult.\n"
                 "A senior State Department official said earlier that nothing was agreed. "
                 "The official added that work would go on.", NULL);
    assert_int_equal(n, 3);
    speaker_is(0, "He", "John Kerry", "USA", STANCE_STATEMENT_INDIRECT);
    speaker_is(2, "The official", "State Department official", "USA", STANCE_STATEMENT_INDIRECT);
}

static void test_surname_after_full_name(void **state)
{
    (void)state;
    long n = run("Sergey Lavrov met reporters. “We are ready,” Lavrov said.", NULL);
    assert_int_equal(n, 1);
    assert_string_equal(st[0].actor, "Sergey Lavrov");
}

static void test_unknown_speaker(void **state)
{
    (void)state;
    assert_int_equal(run("A local governor said the bridge was closed.", NULL), 1);
    speaker_is(0, "A local governor", NULL, "", STANCE_STATEMENT_INDIRECT);
}

static void test_capitals_as_governments(void **state)
{
    (void)state;
    assert_int_equal(run("Washington warned Beijing against any move on the island.", NULL), 1);
    speaker_is(0, "Washington", "Washington", "USA", STANCE_STATEMENT_INDIRECT);
    assert_string_equal(st[0].target, "CHN");
    /* a place, not a party: no target */
    assert_int_equal(run("The Kremlin praised the talks in Geneva.", NULL), 1);
    assert_string_equal(st[0].target, "");
}

static void test_abbreviations_keep_sentences(void **state)
{
    (void)state;
    long n = run("The U.S. ambassador, Mr. Smith, arrived on Jan. 5. The U.S. State Department "
                 "said it welcomed the decision.", NULL);
    assert_int_equal(n, 1);
    assert_int_equal(st[0].sentence, 1);
    assert_string_equal(st[0].country, "USA");
}

/* Found by the fuzzer: a new extractor's first article without any
 * statement once sorted a null array (undefined behaviour under UBSan). */
static void test_fresh_extractor_without_statements(void **state)
{
    (void)state;
    stance_error err;
    stance_extractor *fresh = stance_extractor_new(g, &err);
    assert_non_null(fresh);
    stance_article a = {0};
    a.id = "fresh";
    a.text = (char *)"\x14U";
    a.text_len = 2;
    const stance_statement *out;
    assert_int_equal(stance_extract(fresh, &a, &out, &err), 0);
    stance_extractor_free(fresh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_straight_quote_then_speaker),
        cmocka_unit_test(test_inverted_speaker),
        cmocka_unit_test(test_guillemets),
        cmocka_unit_test(test_speaker_before_quote),
        cmocka_unit_test(test_quote_over_two_sentences),
        cmocka_unit_test(test_quote_split_by_attribution),
        cmocka_unit_test(test_quote_continues_in_next_paragraph),
        cmocka_unit_test(test_nested_quotes),
        cmocka_unit_test(test_partial_quote),
        cmocka_unit_test(test_scare_quotes_are_not_statements),
        cmocka_unit_test(test_reported_speech),
        cmocka_unit_test(test_told_someone_that),
        cmocka_unit_test(test_reported_act),
        cmocka_unit_test(test_according_to),
        cmocka_unit_test(test_content_before_speaker),
        cmocka_unit_test(test_relative_clause_and_appositive),
        cmocka_unit_test(test_two_clauses_two_speakers),
        cmocka_unit_test(test_speech_inside_speech_is_one_statement),
        cmocka_unit_test(test_narration_is_not_a_statement),
        cmocka_unit_test(test_possessive_and_demonym_roles),
        cmocka_unit_test(test_dated_office_holder),
        cmocka_unit_test(test_pronoun_and_nominal),
        cmocka_unit_test(test_surname_after_full_name),
        cmocka_unit_test(test_unknown_speaker),
        cmocka_unit_test(test_capitals_as_governments),
        cmocka_unit_test(test_abbreviations_keep_sentences),
        cmocka_unit_test(test_fresh_extractor_without_statements),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
