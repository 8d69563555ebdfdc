/* Options of the article-reading commands. */
#include "pipeline/cli/cli_batch_options.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/error.h"
#include "pipeline/cli/cli.h"

enum { OPT_NO_BUILTIN = 2000, OPT_STRICT, OPT_MAX_SIZE };

void cli_batch_options_init(cli_batch_options *o)
{
    memset(o, 0, sizeof *o);
    o->builtin_gazetteer = true;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = cpus > 0 ? (int)(cpus > 256 ? 256 : cpus) : 1;
}

void cli_batch_options_free(cli_batch_options *o)
{
    free(o->gazetteers);
    memset(o, 0, sizeof *o);
}

size_t cli_batch_options_table(struct option *t)
{
    size_t n = 0;
    t[n++] = (struct option){"gazetteer", required_argument, NULL, 'g'};
    t[n++] = (struct option){"no-builtin-gazetteer", no_argument, NULL, OPT_NO_BUILTIN};
    t[n++] = (struct option){"jobs", required_argument, NULL, 'j'};
    t[n++] = (struct option){"strict", no_argument, NULL, OPT_STRICT};
    t[n++] = (struct option){"max-article-size", required_argument, NULL, OPT_MAX_SIZE};
    t[n++] = (struct option){"quiet", no_argument, NULL, 'q'};
    return n;
}

int cli_batch_options_parse(cli_batch_options *o, const char *cmd, int c, const char *arg)
{
    long v;
    switch (c) {
    case 'g': {
        const char **p = realloc(o->gazetteers, (o->n_gazetteers + 1) * sizeof *p);
        if (!p)
            return cli_usage_error(cmd, "out of memory");
        o->gazetteers = p;
        o->gazetteers[o->n_gazetteers++] = arg;
        return 1;
    }
    case OPT_NO_BUILTIN:
        o->builtin_gazetteer = false;
        return 1;
    case 'j':
        if (!cli_parse_int(cmd, "--jobs", arg, 1, 256, &v))
            return STANCE_EXIT_USAGE;
        o->jobs = (int)v;
        return 1;
    case OPT_STRICT:
        o->strict = true;
        return 1;
    case OPT_MAX_SIZE:
        if (!cli_parse_int(cmd, "--max-article-size", arg, 1, 1L << 30, &v))
            return STANCE_EXIT_USAGE;
        o->max_bytes = (size_t)v;
        return 1;
    case 'q':
        o->quiet = true;
        return 1;
    default:
        return 0;
    }
}

void cli_batch_options_help(FILE *out)
{
    fputs("Input:\n"
          "  -g, --gazetteer PATH    add actors from a gazetteer file, or every *.tsv of a\n"
          "                          directory (format: training-data/gazetteer/FORMAT.md);\n"
          "                          may be repeated\n"
          "      --no-builtin-gazetteer  use only the --gazetteer files\n"
          "      --max-article-size BYTES  refuse articles larger than this (default 16 MiB)\n"
          "      --strict            stop at the first bad article instead of skipping it\n"
          "  -j, --jobs N            worker threads (default: all cores); output keeps the\n"
          "                          input order\n"
          "  -q, --quiet             no summary line on stderr\n",
          out);
}

stance_gazetteer *cli_batch_gazetteer(const cli_batch_options *o, stance_error *err)
{
    stance_gazetteer *g = stance_gazetteer_new();
    if (!g) {
        stance_fail(err, "", 0, "out of memory");
        return NULL;
    }
    if (o->builtin_gazetteer && stance_gazetteer_add_builtin(g, err) != 0)
        goto fail;
    for (size_t i = 0; i < o->n_gazetteers; i++)
        if (stance_gazetteer_add_path(g, o->gazetteers[i], err) != 0)
            goto fail;
    return g;
fail:
    stance_gazetteer_free(g);
    return NULL;
}
