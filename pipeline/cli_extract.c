/* stance extract: placeholder until its issue lands; it says so and fails. */
#include <stdio.h>
#include <string.h>

#include "pipeline/cli.h"

int cli_extract(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        printf("Usage: stance extract ...\nNot available yet in this version.\n");
        return STANCE_EXIT_OK;
    }
    fprintf(stderr, "stance: extract: not available yet in this version\n");
    return STANCE_EXIT_FAILURE;
}
