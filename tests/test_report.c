/* Tests of country reports: counts, intervals, periods, tests, formats and
 * the merge of shard reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pipeline/report/report.h"
#include "tests/test_tmpdir.h"


/* A deterministic stream of statements across countries, targets and dates. */
static void statement_json(int i, char *buf, size_t size)
{
    static const char *const countries[] = {"USA", "RUS", "CHN", "IGO", NULL};
    static const char *const actors[] = {"Secretary of State", "Kremlin", "Beijing", "UN", "someone"};
    static const char *const stances[] = {"conciliatory", "adversarial", "neutral"};
    static const char *const sentiments[] = {"positive", "negative", "neutral"};
    int c = (i * 7) % 5, s = (i * i + i / 3) % 3;
    char country[16], target[16];
    snprintf(country, sizeof country, countries[c] ? "\"%s\"" : "null", countries[c]);
    snprintf(target, sizeof target, i % 4 ? "\"%s\"" : "null", countries[(c + 1) % 4]);
    snprintf(buf, size,
             "{\"article_id\":\"a%d\",\"date\":\"2015-%02d-%02d\",\"country\":%s,\"actor\":\"%s\","
             "\"target\":%s,\"stance\":{\"label\":\"%s\"},\"sentiment\":{\"label\":\"%s\"}}",
             i / 3, 1 + i % 12, 1 + i % 28, country, actors[c], target, stances[s], sentiments[(s + i) % 3]);
}

static char *report_text(const stance_report *r, stance_report_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    stance_error err;
    assert_int_equal(stance_report_write(r, f, fp, &err), 0);
    fclose(fp);
    return buf;
}

static void test_wilson_interval_matches_hand_computation(void **state)
{
    (void)state;
    /* k=1, n=3, z=1.959964: centre (1/3 + z^2/6) / (1 + z^2/3), half-width
     * z sqrt(2/27 + z^2/36) / (1 + z^2/3), computed by hand: [0.0615, 0.7923] */
    report_interval iv = stance_report_share(1, 3);
    assert_true(fabs(iv.value - 1.0 / 3) < 1e-12);
    assert_true(fabs(iv.lo - 0.061492) < 1e-5);
    assert_true(fabs(iv.hi - 0.792340) < 1e-5);
    /* k=0: the interval is [0, z^2 / (n + z^2)] */
    iv = stance_report_share(0, 10);
    double z2 = 1.959963984540054 * 1.959963984540054;
    assert_true(fabs(iv.lo) < 1e-12);
    assert_true(fabs(iv.hi - z2 / (10 + z2)) < 1e-12);
    iv = stance_report_share(0, 0);
    assert_true(isnan(iv.value));
}

static void test_net_index_interval_contains_estimate(void **state)
{
    (void)state;
    for (uint64_t c = 0; c < 6; c++)
        for (uint64_t a = 0; a < 6; a++)
            for (uint64_t n0 = 0; n0 < 4; n0++) {
                report_counts k = {{c, a, n0}};
                if (c + a + n0 == 0)
                    continue;
                report_interval iv = stance_report_net_index(&k);
                assert_true(fabs(iv.value - ((double)c - (double)a) / (double)(c + a + n0)) < 1e-12);
                assert_true(iv.lo <= iv.value + 1e-12 && iv.value <= iv.hi + 1e-12);
                assert_true(iv.lo >= -1 && iv.hi <= 1);
                /* mirrored counts give a mirrored interval */
                report_counts m = {{a, c, n0}};
                report_interval mv = stance_report_net_index(&m);
                assert_true(fabs(mv.lo + iv.hi) < 1e-12 && fabs(mv.hi + iv.lo) < 1e-12);
            }
    /* more data, narrower interval */
    report_counts small = {{6, 2, 2}}, big = {{600, 200, 200}};
    report_interval s = stance_report_net_index(&small), b = stance_report_net_index(&big);
    assert_true(b.hi - b.lo < (s.hi - s.lo) / 5);
}

static void test_period_keys(void **state)
{
    (void)state;
    char key[16];
    assert_int_equal(stance_report_period_key("2015-12-15", STANCE_PERIOD_MONTH, key), 0);
    assert_string_equal(key, "2015-12");
    assert_int_equal(stance_report_period_key("2015-12-15T10:20:00Z", STANCE_PERIOD_DAY, key), 0);
    assert_string_equal(key, "2015-12-15");
    /* ISO weeks across year ends */
    assert_int_equal(stance_report_period_key("2016-01-02", STANCE_PERIOD_WEEK, key), 0);
    assert_string_equal(key, "2015-W53");
    assert_int_equal(stance_report_period_key("2018-12-31", STANCE_PERIOD_WEEK, key), 0);
    assert_string_equal(key, "2019-W01");
    assert_int_equal(stance_report_period_key("2021-01-04", STANCE_PERIOD_WEEK, key), 0);
    assert_string_equal(key, "2021-W01");
    assert_int_equal(stance_report_period_key("2020-06-15", STANCE_PERIOD_WEEK, key), 0);
    assert_string_equal(key, "2020-W25");
    /* malformed dates */
    assert_int_equal(stance_report_period_key("2015-02-29", STANCE_PERIOD_DAY, key), -1);
    assert_int_equal(stance_report_period_key("2016-02-29", STANCE_PERIOD_DAY, key), 0);
    assert_int_equal(stance_report_period_key("2015-13-01", STANCE_PERIOD_DAY, key), -1);
    assert_int_equal(stance_report_period_key("15-12-01", STANCE_PERIOD_DAY, key), -1);
    assert_int_equal(stance_report_period_key("2015-12-01x", STANCE_PERIOD_DAY, key), -1);
}

static void test_chisq(void **state)
{
    (void)state;
    int df;
    double p;
    bool sparse;
    /* identical distributions: statistic 0, p 1 */
    report_counts a = {{30, 20, 50}}, b = {{60, 40, 100}};
    assert_true(stance_report_chisq(&a, &b, &df, &p, &sparse) < 1e-12);
    assert_int_equal(df, 2);
    assert_false(sparse);
    assert_true(p > 0.999);
    /* a table worked by hand: a=(40,10,50) b=(10,40,50): chi2 = 36, df 2 */
    report_counts c = {{40, 10, 50}}, d = {{10, 40, 50}};
    double stat = stance_report_chisq(&c, &d, &df, &p, &sparse);
    assert_true(fabs(stat - 36.0) < 1e-9);
    assert_true(fabs(p - exp(-18.0)) < 1e-12); /* chi-square(2) tail is exp(-x/2) */
    /* small counts switch to the permutation p-value, deterministically */
    report_counts e = {{4, 0, 1}}, f = {{0, 4, 1}};
    stance_report_chisq(&e, &f, &df, &p, &sparse);
    double again;
    stance_report_chisq(&e, &f, &df, &again, &sparse);
    assert_true(sparse);
    assert_true(p == again);
    assert_true(p > 0.001 && p < 0.1);
    /* a country with no statements cannot be tested */
    report_counts z = {{0, 0, 0}};
    stance_report_chisq(&z, &f, &df, &p, &sparse);
    assert_int_equal(df, 0);
    assert_true(p == 1);
}

static void test_counts_equal_statements(void **state)
{
    (void)state;
    stance_report *r = stance_report_new(NULL, NULL);
    uint64_t expect[5][3] = {{0}};
    static const char *const codes[] = {"USA", "RUS", "CHN", "IGO", REPORT_UNKNOWN_COUNTRY};
    char buf[512];
    for (int i = 0; i < 500; i++) {
        statement_json(i, buf, sizeof buf);
        assert_int_equal(stance_report_add_json(r, buf, strlen(buf), "mem", i + 1, NULL), 0);
        expect[(i * 7) % 5][(i * i + i / 3) % 3]++;
    }
    assert_int_equal(stance_report_statements(r), 500);
    for (int c = 0; c < 5; c++) {
        const country_stats *s = stance_strmap_get(&r->countries, codes[c]);
        assert_non_null(s);
        for (int j = 0; j < 3; j++)
            assert_int_equal(s->total.stance[j], expect[c][j]);
    }
    /* the JSON carries the same counts */
    char *json = report_text(r, STANCE_REPORT_JSON);
    cJSON *root = cJSON_Parse(json);
    assert_non_null(root);
    const cJSON *c;
    uint64_t total = 0;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(root, "countries")) {
        const cJSON *counts = cJSON_GetObjectItem(c, "counts");
        for (int j = 0; j < 3; j++)
            total += (uint64_t)cJSON_GetObjectItem(counts, stance_report_stance_names[j])->valuedouble;
    }
    assert_int_equal(total, 500);
    cJSON_Delete(root);
    free(json);
    stance_report_free(r);
}

static void test_filters(void **state)
{
    (void)state;
    static const char *const only[] = {"RUS"};
    stance_report_options opt;
    stance_report_options_default(&opt);
    opt.countries = only;
    opt.n_countries = 1;
    opt.since = "2015-03-01";
    opt.until = "2015-06-30";
    stance_report *r = stance_report_new(&opt, NULL);
    char buf[512];
    uint64_t kept = 0;
    for (int i = 0; i < 200; i++) {
        statement_json(i, buf, sizeof buf);
        assert_int_equal(stance_report_add_json(r, buf, strlen(buf), "mem", i + 1, NULL), 0);
        int month = 1 + i % 12;
        kept += (i * 7) % 5 == 1 && month >= 3 && month <= 6;
    }
    assert_true(kept > 0);
    assert_int_equal(stance_report_statements(r), kept);
    assert_int_equal(r->filtered, 200 - kept);
    assert_int_equal(r->countries.count, 1);
    stance_report_free(r);
}

static void test_bad_lines_are_named_and_skipped(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/bad.jsonl", tmpdir);
    FILE *fp = fopen(path, "w");
    fputs("{\"country\":\"USA\",\"stance\":{\"label\":\"neutral\"}}\n"
          "{\"country\":\"USA\",\"stance\":{\"label\":\"friendly\"}}\n"
          "[1,2]\n"
          "{\"country\":\"USA\"}\n"
          "{\"country\":\"USA\",\"stance\":\"adversarial\",\"date\":\"2015-99-01\"}\n"
          "{\"country\":7,\"stance\":\"adversarial\"}\n"
          "{\"country\":\"RUS\",\"stance\":\"adversarial\"}\n",
          fp);
    fclose(fp);
    stance_error err;
    stance_report *r = stance_report_new(NULL, NULL);
    assert_int_equal(stance_report_add_file(r, path, true, NULL, &err), -1);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "unknown stance label 'friendly'"));
    stance_report_free(r);

    r = stance_report_new(NULL, NULL);
    size_t skipped = 0;
    assert_int_equal(stance_report_add_file(r, path, false, &skipped, &err), 0);
    assert_int_equal(skipped, 5);
    assert_int_equal(stance_report_statements(r), 2);
    stance_report_free(r);
}

/* Reports of shards, merged, equal the report of the whole, in every format. */
static void test_merge_of_shards_equals_whole(void **state)
{
    (void)state;
    for (int by = STANCE_PERIOD_NONE; by <= STANCE_PERIOD_MONTH; by++) {
        stance_report_options opt;
        stance_report_options_default(&opt);
        opt.by = (stance_report_period)by;
        stance_report *whole = stance_report_new(&opt, NULL);
        stance_report *shard[3] = {stance_report_new(&opt, NULL), stance_report_new(&opt, NULL),
                                   stance_report_new(&opt, NULL)};
        char buf[512];
        for (int i = 0; i < 300; i++) {
            statement_json(i, buf, sizeof buf);
            stance_report_add_json(whole, buf, strlen(buf), "mem", i + 1, NULL);
            /* shards of uneven size, interleaved */
            stance_report_add_json(shard[i % 7 == 0 ? 0 : i % 2 + 1], buf, strlen(buf), "mem", i + 1, NULL);
        }
        stance_report *merged = stance_report_new(&opt, NULL);
        for (int s = 0; s < 3; s++) {
            char path[600];
            snprintf(path, sizeof path, "%s/shard%d.json", tmpdir, s);
            FILE *fp = fopen(path, "w");
            assert_int_equal(stance_report_write(shard[s], STANCE_REPORT_JSON, fp, NULL), 0);
            fclose(fp);
            stance_error err;
            if (stance_report_merge_file(merged, path, &err) != 0)
                fail_msg("%s", err.message);
            stance_report_free(shard[s]);
        }
        for (int f = STANCE_REPORT_TABLE; f <= STANCE_REPORT_HTML; f++) {
            char *a = report_text(whole, (stance_report_format)f);
            char *b = report_text(merged, (stance_report_format)f);
            assert_string_equal(a, b);
            free(a);
            free(b);
        }
        stance_report_free(whole);
        stance_report_free(merged);
    }
}

static void test_merge_refuses_foreign_and_mismatched(void **state)
{
    (void)state;
    char path[512];
    stance_error err;
    stance_report_options opt;
    stance_report_options_default(&opt);
    opt.by = STANCE_PERIOD_MONTH;
    stance_report *r = stance_report_new(&opt, NULL);
    struct { const char *text, *needle; long line; } cases[] = {
        {"{\"countries\": [", "not valid JSON", 1},
        {"{\"a\": 1}", "not a stance report", 0},
        {"{\"stance_report\": 9, \"by\": \"month\", \"countries\": []}", "version 9", 0},
        {"{\"stance_report\": 1, \"by\": null, \"filtered_out\": 0, \"countries\": []}", "by nothing", 0},
        {"{\"stance_report\": 1, \"by\": \"month\", \"filtered_out\": 0, \"countries\": "
         "[{\"country\": \"USA\", \"counts\": {\"conciliatory\": -1, \"adversarial\": 0, \"neutral\": 0}}]}",
         "malformed", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(path, sizeof path, "%s/m%zu.json", tmpdir, i);
        FILE *fp = fopen(path, "w");
        fputs(cases[i].text, fp);
        fclose(fp);
        assert_int_equal(stance_report_merge_file(r, path, &err), -1);
        if (!strstr(err.message, cases[i].needle))
            fail_msg("case %zu: '%s' lacks '%s'", i, err.message, cases[i].needle);
        assert_string_equal(err.file, path);
    }
    stance_report_free(r);
}

static void test_html_is_self_contained(void **state)
{
    (void)state;
    stance_report_options opt;
    stance_report_options_default(&opt);
    opt.by = STANCE_PERIOD_MONTH;
    stance_report *r = stance_report_new(&opt, NULL);
    const char *evil = "{\"country\":\"USA\",\"actor\":\"<script>x</script>\",\"target\":\"<b>\","
                       "\"date\":\"2015-01-01\",\"stance\":\"adversarial\"}";
    assert_int_equal(stance_report_add_json(r, evil, strlen(evil), "mem", 1, NULL), 0);
    char *html = report_text(r, STANCE_REPORT_HTML);
    assert_non_null(strstr(html, "<svg class=\"chart\" id=\"shares\""));
    assert_non_null(strstr(html, "<svg class=\"chart\" id=\"series\""));
    assert_non_null(strstr(html, "<svg class=\"chart\" id=\"matrix\""));
    assert_null(strstr(html, "<script"));  /* escaped, and no scripts of our own */
    assert_null(strstr(html, "http://")); /* nothing fetched from the network */
    assert_null(strstr(html, "https://"));
    assert_non_null(strstr(html, "&lt;b&gt;"));
    free(html);
    stance_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wilson_interval_matches_hand_computation),
        cmocka_unit_test(test_net_index_interval_contains_estimate),
        cmocka_unit_test(test_period_keys),
        cmocka_unit_test(test_chisq),
        cmocka_unit_test(test_counts_equal_statements),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_bad_lines_are_named_and_skipped),
        cmocka_unit_test(test_merge_of_shards_equals_whole),
        cmocka_unit_test(test_merge_refuses_foreign_and_mismatched),
        cmocka_unit_test(test_html_is_self_contained),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
