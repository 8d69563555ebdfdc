/* stance score: articles in, scored statements out (JSONL). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "pipeline/cli/batch.h"
#include "pipeline/cli/cli.h"
#include "pipeline/cli/cli_batch_options.h"
#include "pipeline/cli/cli_scoring.h"

static void help(void)
{
    fputs("Usage: stance score [OPTION]... [ARTICLES]...\n"
          "Find the statements in news articles and classify each one's stance\n"
          "(conciliatory, adversarial, neutral) and sentiment (positive, negative,\n"
          "neutral), with class probabilities and the terms behind the stance. Writes one\n"
          "JSON object a statement (schema: pipeline/schemas/scored-statement.schema.json),\n"
          "in input order. ARTICLES are text files (first line the title), JSONL files\n"
          "(id, title, text, optional date, source, url), directories (read recursively)\n"
          "or - for stdin (the default).\n\n",
          stdout);
    cli_scoring_help(stdout);
    cli_batch_options_help(stdout);
    fputs("Output:\n"
          "  -o, --output FILE       write there (atomically), not to stdout\n"
          "  -h, --help              show this help and exit\n\n"
          "Progress (articles/s, statements, skipped) goes to stderr when it is a\n"
          "terminal; a summary line ends the run. A bad article is reported as FILE:LINE,\n"
          "skipped and counted. Exit status: 0 success, 1 bad input (with --strict), I/O\n"
          "error or interrupt (no output file is left behind), 2 usage error.\n",
          stdout);
}

static int sink(void *ctx, const batch_item *it, stance_error *err)
{
    stance_output *out = ctx;
    if (it->out_len && fwrite(it->out, 1, it->out_len, out->fp) != it->out_len)
        return stance_fail_errno(err, out->path ? out->path : "<stdout>", 0, "cannot write");
    return 0;
}

int cli_score(int argc, char **argv)
{
    struct option longopts[CLI_BATCH_MAX_OPTIONS + CLI_SCORING_MAX_OPTIONS + 3];
    size_t n = cli_batch_options_table(longopts);
    n += cli_scoring_table(longopts + n);
    longopts[n++] = (struct option){"output", required_argument, NULL, 'o'};
    longopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[n] = (struct option){0, 0, 0, 0};
    cli_batch_options bo;
    cli_batch_options_init(&bo);
    cli_scoring sc;
    cli_scoring_init(&sc);
    const char *output = NULL;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":m:o:g:j:qh", longopts, NULL)) != -1) {
        int rc = cli_batch_options_parse(&bo, "score", c, optarg);
        if (rc == 0)
            rc = cli_scoring_parse(&sc, "score", c, optarg);
        if (rc == 1)
            continue;
        if (rc == 0 && c == 'h') {
            help();
            rc = STANCE_EXIT_OK;
        } else if (rc == 0 && c == 'o') {
            output = optarg;
            continue;
        } else if (rc == 0) {
            rc = cli_bad_option("score", c, argv[optind - 1]);
        }
        cli_batch_options_free(&bo);
        return rc;
    }

    stance_error err;
    stance_error_clear(&err);
    /* from here on an interrupt stops the batch cleanly, even while models load */
    stance_signal_graceful(true);
    int status = STANCE_EXIT_OK;
    stance_gazetteer *g = cli_batch_gazetteer(&bo, &err);
    stance_output out = {0};
    if (!g || cli_scoring_open(&sc, g, bo.jobs, &err) != 0 ||
        stance_output_open(&out, output, &err) != 0) {
        status = cli_fail(&err);
    } else {
        const char *stdin_only[] = {"-"};
        batch_options o = {
            .cmd = "score",
            .paths = optind < argc ? (const char *const *)argv + optind : stdin_only,
            .n_paths = optind < argc ? (size_t)(argc - optind) : 1,
            .max_bytes = bo.max_bytes,
            .strict = bo.strict,
            .jobs = bo.jobs,
            .progress = cli_stderr_is_tty() && !bo.quiet,
            .render = cli_scoring_render,
            .worker_ctx = sc.worker_ctx,
            .sink = sink,
            .sink_ctx = &out,
        };
        batch_totals t;
        if (batch_run(&o, &t, &err) != 0) {
            stance_output_abort(&out);
            if (t.interrupted)
                fprintf(stderr, "stance: score: interrupted after %zu articles%s%s; %s\n",
                        t.articles, t.last[0] ? ", the last from " : "", t.last,
                        output ? "no output file written" : "output so far is on stdout");
            else
                cli_fail(&err);
            status = STANCE_EXIT_FAILURE;
        } else if (stance_output_commit(&out, &err) != 0) {
            status = cli_fail(&err);
        }
        if (!bo.quiet && !o.progress)
            batch_print_summary("score", &t);
    }
    cli_scoring_free(&sc);
    stance_gazetteer_free(g);
    cli_batch_options_free(&bo);
    return status;
}
