/* Tests of the edge I/O: UTF-8 validation, bounded line reading, whole files,
 * and atomic output files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/io.h"
#include "common/utf8.h"
#include "tests/test_tmpdir.h"


static const char *write_temp(const char *name, const char *bytes, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(bytes, 1, len, fp), len);
    fclose(fp);
    return path;
}

static void test_utf8_accepts_and_rejects(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(stance_utf8_valid("", 0, &bad));
    assert_true(stance_utf8_valid("Кремль «да» Ελλάδα 😀", strlen("Кремль «да» Ελλάδα 😀"), &bad));
    /* lone continuation byte */
    assert_false(stance_utf8_valid("ab\x80" "c", 4, &bad));
    assert_int_equal(bad, 2);
    /* overlong encoding of '/' */
    assert_false(stance_utf8_valid("\xC0\xAF", 2, &bad));
    assert_int_equal(bad, 0);
    /* UTF-16 surrogate U+D800 */
    assert_false(stance_utf8_valid("x\xED\xA0\x80", 4, &bad));
    assert_int_equal(bad, 1);
    /* past U+10FFFF */
    assert_false(stance_utf8_valid("\xF4\x90\x80\x80", 4, &bad));
    /* truncated sequence at the very end: never read past len */
    assert_false(stance_utf8_valid("ok\xE2\x82", 4, &bad));
    assert_int_equal(bad, 2);
}

static void test_line_reader_reports_lines(void **state)
{
    (void)state;
    const char *p = write_temp("lines.txt", "one\r\ntwo\n\nfour", 14);
    stance_line_reader r;
    stance_error err;
    assert_int_equal(stance_line_reader_open(&r, p, 0, &err), 0);
    char *line;
    size_t len;
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), 1);
    assert_string_equal(line, "one"); /* CR dropped */
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), 1);
    assert_string_equal(line, "two");
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), 1);
    assert_int_equal(len, 0);
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), 1);
    assert_string_equal(line, "four"); /* last line without newline */
    assert_int_equal(r.lineno, 4);
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), 0);
    stance_line_reader_close(&r);
}

static void test_line_reader_refuses_bad_lines(void **state)
{
    (void)state;
    stance_line_reader r;
    stance_error err;
    char *line;
    size_t len;

    const char *p = write_temp("bad.txt", "fine\nbad \xFF byte\n", 17);
    assert_int_equal(stance_line_reader_open(&r, p, 0, &err), 0);
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), 1);
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), -1);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.file, p);
    assert_non_null(strstr(err.message, "invalid UTF-8"));
    stance_line_reader_close(&r);

    p = write_temp("bin.dat", "ab\0cd\n", 6);
    assert_int_equal(stance_line_reader_open(&r, p, 0, &err), 0);
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), -1);
    assert_non_null(strstr(err.message, "binary"));
    stance_line_reader_close(&r);

    /* a line over the limit is refused, and the reader resyncs on the next line */
    p = write_temp("long.txt", "0123456789abcdef\nok\n", 20);
    assert_int_equal(stance_line_reader_open(&r, p, 8, &err), 0);
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), -1);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "longer than"));
    assert_int_equal(stance_line_reader_next(&r, &line, &len, &err), 1);
    assert_string_equal(line, "ok");
    assert_int_equal(r.lineno, 2);
    stance_line_reader_close(&r);

    assert_int_equal(stance_line_reader_open(&r, "/nonexistent/x", 0, &err), -1);
    assert_string_equal(err.file, "/nonexistent/x");
    assert_non_null(strstr(err.message, "No such file"));
}

static void test_read_file_names_line_of_bad_byte(void **state)
{
    (void)state;
    char *text;
    size_t len;
    stance_error err;
    const char *p = write_temp("article.txt", "Title\nbody\nbad \xC3(\n", 17);
    assert_int_equal(stance_read_file(p, 1 << 20, true, &text, &len, &err), -1);
    assert_int_equal(err.line, 3);
    p = write_temp("big.txt", "0123456789", 10);
    assert_int_equal(stance_read_file(p, 5, true, &text, &len, &err), -1);
    assert_non_null(strstr(err.message, "limit"));
    p = write_temp("ok.txt", "Заголовок\n", strlen("Заголовок\n"));
    assert_int_equal(stance_read_file(p, 1 << 20, true, &text, &len, &err), 0);
    assert_int_equal(len, strlen("Заголовок\n"));
    assert_string_equal(text, "Заголовок\n");
    free(text);
}

static void test_output_is_atomic(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/out.txt", tmpdir);
    write_temp("out.txt", "old", 3);
    stance_output out;
    stance_error err;

    /* aborted: the old content stays, no temporary is left behind */
    assert_int_equal(stance_output_open(&out, path, &err), 0);
    fputs("half", out.fp);
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s", out.tmp_path);
    assert_int_equal(access(tmp, F_OK), 0);
    stance_output_abort(&out);
    assert_int_not_equal(access(tmp, F_OK), 0);
    char *text;
    size_t len;
    assert_int_equal(stance_read_file(path, 100, true, &text, &len, &err), 0);
    assert_string_equal(text, "old");
    free(text);

    /* committed: the new content replaces the old in one step */
    assert_int_equal(stance_output_open(&out, path, &err), 0);
    fputs("new", out.fp);
    assert_int_equal(stance_output_commit(&out, &err), 0);
    assert_int_equal(stance_read_file(path, 100, true, &text, &len, &err), 0);
    assert_string_equal(text, "new");
    free(text);

    /* a directory that does not exist is an error naming the path */
    assert_int_equal(stance_output_open(&out, "/nonexistent/dir/out.txt", &err), -1);
    assert_string_equal(err.file, "/nonexistent/dir/out.txt");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_accepts_and_rejects),
        cmocka_unit_test(test_line_reader_reports_lines),
        cmocka_unit_test(test_line_reader_refuses_bad_lines),
        cmocka_unit_test(test_read_file_names_line_of_bad_byte),
        cmocka_unit_test(test_output_is_atomic),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
