/* Tests of corpus reading: JSONL, CSV, TSV, text + labels files, and the
 * errors for bad records, which must name the file and the line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stance.h"
#include "tests/test_tmpdir.h"

static char path_buf[4][512];

static const char *write_temp(int slot, const char *name, const char *text)
{
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", tmpdir, name);
    FILE *fp = fopen(path_buf[slot], "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path_buf[slot];
}

static int read_expect_error(const char *path, const stance_corpus_options *opt, long line,
                             const char *needle)
{
    stance_corpus c;
    stance_error err;
    stance_error_clear(&err);
    int rc = stance_corpus_read(path, opt, &c, &err);
    assert_int_equal(rc, -1);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, line);
    if (!strstr(err.message, needle))
        fail_msg("message '%s' lacks '%s'", err.message, needle);
    return rc;
}

static void test_jsonl_reads_fields_by_name(void **state)
{
    (void)state;
    const char *p = write_temp(0, "c.jsonl",
                               "{\"id\":\"a1\",\"text\":\"We welcome the talks.\",\"stance\":\"conciliatory\"}\n"
                               "\n"
                               "{\"id\":7,\"text\":\"Кремль отверг\",\"stance\":\"adversarial\"}\n"
                               "{\"text\":\"The meeting is on Friday.\",\"stance\":\"neutral\"}\n");
    stance_corpus_options opt;
    stance_corpus_options_default(&opt);
    opt.label_field = "stance";
    stance_corpus c;
    stance_error err;
    assert_int_equal(stance_corpus_read(p, &opt, &c, &err), 0);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.texts[1], "Кремль отверг");
    assert_int_equal(c.text_lens[1], strlen("Кремль отверг"));
    assert_string_equal(c.ids[0], "a1");
    assert_string_equal(c.ids[1], "7");
    assert_null(c.ids[2]);
    assert_int_equal(c.lines[1], 3); /* the blank line still counts */
    assert_int_equal(c.n_labels, 3);
    assert_string_equal(c.label_names[c.labels[2]], "neutral");
    stance_corpus_free(&c);
}

static void test_fixed_label_set_orders_labels_and_refuses_others(void **state)
{
    (void)state;
    static const char *const labels[] = {"conciliatory", "adversarial", "neutral"};
    stance_corpus_options opt;
    stance_corpus_options_default(&opt);
    opt.allowed_labels = labels;
    opt.n_allowed_labels = 3;
    const char *p = write_temp(0, "fixed.jsonl", "{\"text\":\"x y\",\"label\":\"neutral\"}\n");
    stance_corpus c;
    stance_error err;
    assert_int_equal(stance_corpus_read(p, &opt, &c, &err), 0);
    assert_int_equal(c.labels[0], 2);
    assert_int_equal(c.n_labels, 3);
    stance_corpus_free(&c);
    p = write_temp(0, "unknown.jsonl",
                   "{\"text\":\"x y\",\"label\":\"neutral\"}\n{\"text\":\"z\",\"label\":\"hostile\"}\n");
    read_expect_error(p, &opt, 2, "unknown label 'hostile'");
}

static void test_jsonl_errors_name_the_line(void **state)
{
    (void)state;
    stance_corpus_options opt;
    stance_corpus_options_default(&opt);
    const char *p = write_temp(0, "bad.jsonl",
                               "{\"text\":\"fine\",\"label\":\"a\"}\n{\"text\":\"broken\",\"label\":\n");
    read_expect_error(p, &opt, 2, "not a JSON object");
    p = write_temp(0, "missing.jsonl", "{\"text\":\"fine\",\"label\":\"a\"}\n{\"label\":\"a\"}\n");
    read_expect_error(p, &opt, 2, "field 'text' is missing");
    p = write_temp(0, "type.jsonl", "{\"text\":[1],\"label\":\"a\"}\n");
    read_expect_error(p, &opt, 1, "not a string");
    p = write_temp(0, "nolabel.jsonl", "{\"text\":\"fine\"}\n");
    read_expect_error(p, &opt, 1, "field 'label' is missing");
    p = write_temp(0, "empty.jsonl", "");
    read_expect_error(p, &opt, 0, "empty corpus");
    p = write_temp(0, "utf8.jsonl", "{\"text\":\"ok\",\"label\":\"a\"}\n{\"text\":\"\xE2\x28\xA1\",\"label\":\"a\"}\n");
    read_expect_error(p, &opt, 2, "invalid UTF-8");
}

static void test_csv_quotes_and_multiline_fields(void **state)
{
    (void)state;
    const char *p = write_temp(0, "c.csv",
                               "\xEF\xBB\xBFid,label,text\n"
                               "1,adversarial,\"He said \"\"no\"\", twice\"\n"
                               "2,neutral,\"first line\nsecond line\"\n"
                               "3,conciliatory,plain text\n");
    stance_corpus c;
    stance_error err;
    assert_int_equal(stance_corpus_read(p, NULL, &c, &err), 0);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.texts[0], "He said \"no\", twice");
    assert_string_equal(c.texts[1], "first line\nsecond line");
    assert_string_equal(c.ids[0], "1"); /* the byte order mark did not hide 'id' */
    assert_int_equal(c.lines[2], 5);
    stance_corpus_free(&c);

    p = write_temp(0, "short.csv", "text,label\na,b\nonly one field\n");
    read_expect_error(p, NULL, 3, "1 fields, but the header has 2");
    p = write_temp(0, "open.csv", "text,label\n\"never closed,b\n");
    read_expect_error(p, NULL, 2, "not closed");
    p = write_temp(0, "nocol.csv", "body,label\nx,y\n");
    read_expect_error(p, NULL, 1, "no column 'text'");
}

static void test_tsv_with_custom_fields(void **state)
{
    (void)state;
    const char *p = write_temp(0, "c.tsv", "tweet\tgold\nA \"quoted\" tweet\tfavor\nanother\tagainst\n");
    stance_corpus_options opt;
    stance_corpus_options_default(&opt);
    opt.text_field = "tweet";
    opt.label_field = "gold";
    stance_corpus c;
    stance_error err;
    assert_int_equal(stance_corpus_read(p, &opt, &c, &err), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.texts[0], "A \"quoted\" tweet"); /* no quoting in TSV */
    assert_string_equal(c.label_names[c.labels[1]], "against");
    stance_corpus_free(&c);
}

static void test_text_and_labels_files_with_map(void **state)
{
    (void)state;
    const char *texts = write_temp(0, "t.txt", "first tweet\nsecond tweet\n");
    const char *labels = write_temp(1, "l.txt", "2\n1 \n");
    const char *map = write_temp(2, "map.txt", "0\tnone\n1\tagainst\n2\tfavor\n");
    stance_corpus_options opt;
    stance_corpus_options_default(&opt);
    opt.labels_path = labels;
    opt.label_map_path = map;
    stance_corpus c;
    stance_error err;
    assert_int_equal(stance_corpus_read(texts, &opt, &c, &err), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.label_names[c.labels[0]], "favor");
    assert_string_equal(c.label_names[c.labels[1]], "against");
    stance_corpus_free(&c);

    labels = write_temp(1, "l.txt", "2\n1\n0\n");
    assert_int_equal(stance_corpus_read(texts, &opt, &c, &err), -1);
    assert_string_equal(err.file, labels);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "more lines"));

    labels = write_temp(1, "l.txt", "2\n9\n");
    assert_int_equal(stance_corpus_read(texts, &opt, &c, &err), -1);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "'9' is not in the label map"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_reads_fields_by_name),
        cmocka_unit_test(test_fixed_label_set_orders_labels_and_refuses_others),
        cmocka_unit_test(test_jsonl_errors_name_the_line),
        cmocka_unit_test(test_csv_quotes_and_multiline_fields),
        cmocka_unit_test(test_tsv_with_custom_fields),
        cmocka_unit_test(test_text_and_labels_files_with_map),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
