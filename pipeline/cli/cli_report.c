/* stance report: aggregate scored statements (or merge reports) by country. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli.h"
#include "pipeline/cli/cli_report_options.h"

static void help(void)
{
    fputs("Usage: stance report [OPTION]... [STATEMENTS.jsonl]...\n"
          "   or: stance report --merge [OPTION]... REPORT.json...\n"
          "Aggregate scored statements (the JSONL of 'stance score') by the speaker's country:\n"
          "statements, shares of each stance with 95% intervals, the net stance index\n"
          "((conciliatory - adversarial) / n) with its interval, mean sentiment, top actors,\n"
          "stance toward targets, series over time, and chi-square tests of whether two\n"
          "countries' stance distributions differ. With no file, or with -, read stdin.\n\n",
          stdout);
    cli_report_options_help(stdout);
    fputs("      --merge            the inputs are JSON reports (of shards of a corpus);\n"
          "                         combine them into the report of the whole\n"
          "      --strict           stop at the first bad line instead of skipping it\n"
          "  -h, --help             show this help and exit\n\n"
          "A bad line is reported as FILE:LINE on stderr, skipped and counted; with --strict\n"
          "it stops the run. Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
          stdout);
}

int cli_report(int argc, char **argv)
{
    enum { OPT_MERGE = 1000, OPT_STRICT };
    static const struct option extra[] = {
        {"merge", no_argument, NULL, OPT_MERGE},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"help", no_argument, NULL, 'h'},
    };
    cli_report_options ro;
    cli_report_options_init(&ro);
    struct option longopts[CLI_REPORT_MAX_OPTIONS + 4];
    size_t n = cli_report_options_table(longopts);
    memcpy(longopts + n, extra, sizeof extra);
    memset(longopts + n + 3, 0, sizeof longopts[0]);

    bool merge = false, strict = false;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
        if (c == 'h') {
            help();
            cli_report_options_free(&ro);
            return STANCE_EXIT_OK;
        }
        if (c == OPT_MERGE) {
            merge = true;
            continue;
        }
        if (c == OPT_STRICT) {
            strict = true;
            continue;
        }
        int rc = cli_report_options_parse(&ro, "report", c, optarg, argv[optind - 1]);
        if (rc != 0) {
            cli_report_options_free(&ro);
            return rc;
        }
    }

    stance_error err;
    stance_error_clear(&err);
    stance_report *report = stance_report_new(&ro.opt, &err);
    if (!report) {
        cli_report_options_free(&ro);
        return cli_fail(&err);
    }
    int status = STANCE_EXIT_OK;
    size_t skipped = 0;
    const char *stdin_only[] = {"-"};
    char **inputs = optind < argc ? argv + optind : (char **)stdin_only;
    int n_inputs = optind < argc ? argc - optind : 1;
    for (int i = 0; i < n_inputs && status == STANCE_EXIT_OK; i++) {
        int rc = merge ? stance_report_merge_file(report, inputs[i], &err)
                       : stance_report_add_file(report, inputs[i], strict, &skipped, &err);
        if (rc != 0)
            status = cli_fail(&err);
    }
    if (status == STANCE_EXIT_OK)
        status = cli_report_write(&ro, report, &err);
    if (skipped)
        fprintf(stderr, "stance: report: %zu bad line%s skipped\n", skipped, skipped == 1 ? "" : "s");
    stance_report_free(report);
    cli_report_options_free(&ro);
    return status;
}
