/* A scratch directory per test program: made before the tests of a group,
 * removed after. Tests build their paths under tmpdir. */
#ifndef STANCE_TESTS_TMPDIR_H
#define STANCE_TESTS_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>

static char tmpdir[] = "/tmp/stance-test-XXXXXX";

static int tmpdir_setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int tmpdir_teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
