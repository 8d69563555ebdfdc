/* The report options of `stance report` and `stance run`: format, output,
 * period, filters. */
#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli_groups.h"

void cli_report_args_init(cli_report_args *r)
{
    memset(r, 0, sizeof *r);
    stance_report_options_default(&r->opt);
    r->format = STANCE_REPORT_TABLE;
    r->opt.skipped = cli_print_notice;
}

void cli_report_args_free(cli_report_args *r)
{
    cli_free_list(r->countries, r->n_countries);
    memset(r, 0, sizeof *r);
}

static bool valid_day(const char *s)
{
    return strlen(s) == 10 && stance_date_valid(s);
}

static int parse_format(cli_report_args *r, const char *cmd, const char *arg)
{
    static const struct {
        const char *name;
        stance_report_format format;
    } formats[] = {{"table", STANCE_REPORT_TABLE}, {"json", STANCE_REPORT_JSON},
                   {"csv", STANCE_REPORT_CSV},     {"markdown", STANCE_REPORT_MARKDOWN},
                   {"md", STANCE_REPORT_MARKDOWN}, {"html", STANCE_REPORT_HTML}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(arg, formats[i].name) == 0) {
            r->format = formats[i].format;
            return 0;
        }
    return cli_usage_error(cmd, "unknown format '%s' (table, json, csv, markdown, html)", arg);
}

int cli_report_args_parse(cli_report_args *r, const char *cmd, cli_opt id, const char *arg)
{
    long v;
    switch (id) {
    case CLI_OPT_REPORT_FORMAT:
        return parse_format(r, cmd, arg);
    case CLI_OPT_OUTPUT:
        r->output = arg;
        return 0;
    case CLI_OPT_BY:
        if (strcmp(arg, "day") == 0) r->opt.by = STANCE_PERIOD_DAY;
        else if (strcmp(arg, "week") == 0) r->opt.by = STANCE_PERIOD_WEEK;
        else if (strcmp(arg, "month") == 0) r->opt.by = STANCE_PERIOD_MONTH;
        else return cli_usage_error(cmd, "--by wants day, week or month, not '%s'", arg);
        return 0;
    case CLI_OPT_COUNTRY: {
        int rc = cli_append_list(cmd, "--country", arg, &r->countries, &r->n_countries);
        r->opt.countries = (const char *const *)r->countries;
        r->opt.n_countries = r->n_countries;
        return rc;
    }
    case CLI_OPT_ACTOR:
        r->opt.actor = arg;
        return 0;
    case CLI_OPT_SINCE:
    case CLI_OPT_UNTIL:
        if (!valid_day(arg))
            return cli_usage_error(cmd, "%s wants a date as YYYY-MM-DD, not '%s'",
                                   id == CLI_OPT_SINCE ? "--since" : "--until", arg);
        if (id == CLI_OPT_SINCE)
            r->opt.since = arg;
        else
            r->opt.until = arg;
        return 0;
    case CLI_OPT_MIN_COUNT:
        if (!cli_parse_int(cmd, "--min-count", arg, 0, 1L << 40, &v))
            return STANCE_EXIT_USAGE;
        r->opt.min_count = (unsigned long)v;
        return 0;
    case CLI_OPT_TOP_ACTORS:
        if (!cli_parse_int(cmd, "--top-actors", arg, 0, 1000, &v))
            return STANCE_EXIT_USAGE;
        r->opt.top_actors = (size_t)v;
        return 0;
    case CLI_OPT_COMPARE:
        if (!cli_parse_int(cmd, "--compare", arg, 0, 50, &v))
            return STANCE_EXIT_USAGE;
        r->opt.max_compare = (size_t)v;
        return 0;
    default:
        return CLI_NOT_MINE;
    }
}

int cli_report_write(const cli_report_args *r, const stance_report *report)
{
    stance_error err;
    stance_output out;
    stance_error_clear(&err);
    if (stance_output_open(&out, r->output, &err) != 0)
        return cli_fail(&err);
    if (stance_report_write(report, r->format, out.fp, &err) != 0) {
        stance_output_abort(&out);
        return cli_fail(&err);
    }
    if (stance_output_commit(&out, &err) != 0)
        return cli_fail(&err);
    return STANCE_EXIT_OK;
}
