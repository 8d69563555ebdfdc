/* common/date.c: the ISO 8601 grammar articles' dates are held to, and the
 * day arithmetic reports use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "common/date.h"
#include "stance.h"

static void test_valid_dates(void **state)
{
    (void)state;
    const char *good[] = {"2015-06-01", "2016-02-29", "2015-06-01T12:30", "2015-06-01T12:30:59Z",
                          "2015-06-01 12:30:00", "2015-06-01T12:30:00.123+02:00",
                          "2015-06-01T12:30:00-0500", "2015-06-01T23:59:60Z"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_true(stance_date_valid(good[i]));
}

static void test_invalid_dates(void **state)
{
    (void)state;
    /* "2015-06-01T" followed by anything once passed: a forged date carried
     * separator bytes into run's reports */
    const char *bad[] = {"2015-06-01T", "2015-06-01T\x1f" "USA\x1e", "2015-06-01\x1e",
                         "2015-06-01x", "2015-02-29", "2015-13-01", "2015-6-1", "15-06-01",
                         "2015-06-01T25:00", "2015-06-01T12:30Zjunk", "2015-06-01 ", "",
                         "2015-06-01T12:30+2", "0000-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (stance_date_valid(bad[i]))
            fail_msg("accepted '%s'", bad[i]);
    assert_false(stance_date_valid(NULL));
}

static void test_day_numbers(void **state)
{
    (void)state;
    assert_int_equal(stance_date_yyyymmdd("1999-12-31T23:00Z"), 19991231);
    assert_int_equal(stance_date_yyyymmdd("1999-12-31junk"), 0);
    assert_int_equal(stance_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(stance_days_from_civil(2000, 3, 1) - stance_days_from_civil(2000, 2, 28), 2);
    assert_int_equal(stance_days_from_civil(1969, 12, 31), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_dates),
        cmocka_unit_test(test_invalid_dates),
        cmocka_unit_test(test_day_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
