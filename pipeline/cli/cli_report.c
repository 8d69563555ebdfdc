/* stance report: aggregate scored statements (or merge reports) by country. */
#include <stdio.h>

#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "report",
    .usage = "[OPTION]... [STATEMENTS.jsonl]...\n"
             "   or: stance report --merge [OPTION]... REPORT.json...",
    .about = "Aggregate scored statements (the JSONL of 'stance score') by the speaker's country:\n"
             "statements, shares of each stance with 95% intervals, the net stance index\n"
             "((conciliatory - adversarial) / n) with its interval, mean sentiment, top actors,\n"
             "stance toward targets, series over time, and chi-square tests of whether two\n"
             "countries' stance distributions differ. With no file, or with -, read stdin.",
    .sections = {{"Report", cli_group_report},
                 {"Input", (const cli_opt[]){CLI_OPT_MERGE, CLI_OPT_STRICT, CLI_OPT_END}}},
    .footer = "A bad line is reported as FILE:LINE on stderr, skipped and counted; with --strict\n"
              "it stops the run. Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
};

typedef struct args {
    cli_report_args report;
    bool merge, strict;
} args;

static int handle(void *ctx, cli_opt id, const char *arg)
{
    args *a = ctx;
    int rc = cli_report_args_parse(&a->report, spec.name, id, arg);
    if (rc != CLI_NOT_MINE)
        return rc;
    switch (id) {
    case CLI_OPT_MERGE: a->merge = true; return 0;
    case CLI_OPT_STRICT: a->strict = true; return 0;
    default: return cli_unhandled(spec.name, id);
    }
}

int cli_report(int argc, char **argv)
{
    args a = {0};
    cli_report_args_init(&a.report);
    int status = cli_parse(&spec, argc, argv, handle, &a);
    if (status >= 0) {
        cli_report_args_free(&a.report);
        return status;
    }
    stance_error err;
    stance_error_clear(&err);
    stance_report *report = stance_report_new(&a.report.opt, &err);
    status = report ? STANCE_EXIT_OK : cli_fail(&err);
    size_t skipped = 0;
    char *stdin_only[] = {"-"};
    char **inputs = optind < argc ? argv + optind : stdin_only;
    int n_inputs = optind < argc ? argc - optind : 1;
    for (int i = 0; i < n_inputs && status == STANCE_EXIT_OK; i++) {
        int rc = a.merge ? stance_report_merge_file(report, inputs[i], &err)
                         : stance_report_add_file(report, inputs[i], a.strict, &skipped, &err);
        if (rc != 0)
            status = cli_fail(&err);
    }
    if (status == STANCE_EXIT_OK)
        status = cli_report_write(&a.report, report);
    if (skipped)
        fprintf(stderr, "stance: report: %zu bad line%s skipped\n", skipped, skipped == 1 ? "" : "s");
    stance_report_free(report);
    cli_report_args_free(&a.report);
    return status;
}
