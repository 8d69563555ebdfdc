#include "pipeline/cli/cli_report_options.h"

#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli.h"

enum {
    OPT_BY = 2000, OPT_COUNTRY, OPT_ACTOR, OPT_SINCE, OPT_UNTIL, OPT_MIN_COUNT, OPT_TOP_ACTORS,
    OPT_COMPARE,
};

static const struct option report_options[CLI_REPORT_MAX_OPTIONS] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"by", required_argument, NULL, OPT_BY},
    {"country", required_argument, NULL, OPT_COUNTRY},
    {"actor", required_argument, NULL, OPT_ACTOR},
    {"since", required_argument, NULL, OPT_SINCE},
    {"until", required_argument, NULL, OPT_UNTIL},
    {"min-count", required_argument, NULL, OPT_MIN_COUNT},
    {"top-actors", required_argument, NULL, OPT_TOP_ACTORS},
    {"compare", required_argument, NULL, OPT_COMPARE},
    {0, 0, 0, 0},
};

void cli_report_options_init(cli_report_options *ro)
{
    memset(ro, 0, sizeof *ro);
    stance_report_options_default(&ro->opt);
    ro->format = STANCE_REPORT_TABLE;
}

void cli_report_options_free(cli_report_options *ro)
{
    for (size_t i = 0; i < ro->n_countries; i++)
        free(ro->countries[i]);
    free(ro->countries);
    memset(ro, 0, sizeof *ro);
}

size_t cli_report_options_table(struct option *table)
{
    return cli_copy_options(report_options, table);
}

void cli_report_options_help(FILE *to)
{
    fputs("  -f, --format FORMAT    table (default), json, csv, markdown or html (a\n"
          "                         self-contained page with SVG charts)\n"
          "  -o, --output FILE      write there (atomically) instead of stdout\n"
          "      --by PERIOD        add series by day, week (ISO 8601) or month\n"
          "      --country CODE     only these speaker countries (repeat, or CODE,CODE)\n"
          "      --actor NAME       only this actor (case-insensitive)\n"
          "      --since DATE       only statements dated DATE (YYYY-MM-DD) or later\n"
          "      --until DATE       only statements dated DATE or earlier\n"
          "      --min-count N      show only countries with at least N statements\n"
          "      --top-actors N     actors listed per country in tables (default 3)\n"
          "      --compare N        compare the N largest countries pairwise (default 5)\n",
          to);
}

static bool valid_day(const char *s)
{
    return strlen(s) == 10 && stance_date_valid(s);
}

int cli_report_options_parse(cli_report_options *ro, const char *cmd, int c, const char *arg,
                             const char *word)
{
    long v;
    switch (c) {
    case 'f':
        if (strcmp(arg, "table") == 0) ro->format = STANCE_REPORT_TABLE;
        else if (strcmp(arg, "json") == 0) ro->format = STANCE_REPORT_JSON;
        else if (strcmp(arg, "csv") == 0) ro->format = STANCE_REPORT_CSV;
        else if (strcmp(arg, "markdown") == 0 || strcmp(arg, "md") == 0) ro->format = STANCE_REPORT_MARKDOWN;
        else if (strcmp(arg, "html") == 0) ro->format = STANCE_REPORT_HTML;
        else return cli_usage_error(cmd, "unknown format '%s' (table, json, csv, markdown, html)", arg);
        return 0;
    case 'o':
        ro->output = arg;
        return 0;
    case OPT_BY:
        if (strcmp(arg, "day") == 0) ro->opt.by = STANCE_PERIOD_DAY;
        else if (strcmp(arg, "week") == 0) ro->opt.by = STANCE_PERIOD_WEEK;
        else if (strcmp(arg, "month") == 0) ro->opt.by = STANCE_PERIOD_MONTH;
        else return cli_usage_error(cmd, "--by wants day, week or month, not '%s'", arg);
        return 0;
    case OPT_COUNTRY: {
        char *copy = strdup(arg), *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            char **more = realloc(ro->countries, (ro->n_countries + 1) * sizeof *more);
            if (!more) {
                free(copy);
                return cli_usage_error(cmd, "out of memory");
            }
            ro->countries = more;
            ro->countries[ro->n_countries++] = strdup(tok);
        }
        free(copy);
        ro->opt.countries = (const char *const *)ro->countries;
        ro->opt.n_countries = ro->n_countries;
        return 0;
    }
    case OPT_ACTOR:
        ro->opt.actor = arg;
        return 0;
    case OPT_SINCE:
    case OPT_UNTIL:
        if (!valid_day(arg))
            return cli_usage_error(cmd, "%s wants a date as YYYY-MM-DD, not '%s'",
                                   c == OPT_SINCE ? "--since" : "--until", arg);
        if (c == OPT_SINCE)
            ro->opt.since = arg;
        else
            ro->opt.until = arg;
        return 0;
    case OPT_MIN_COUNT:
        if (!cli_parse_int(cmd, "--min-count", arg, 0, 1L << 40, &v))
            return STANCE_EXIT_USAGE;
        ro->opt.min_count = (unsigned long)v;
        return 0;
    case OPT_TOP_ACTORS:
        if (!cli_parse_int(cmd, "--top-actors", arg, 0, 1000, &v))
            return STANCE_EXIT_USAGE;
        ro->opt.top_actors = (size_t)v;
        return 0;
    case OPT_COMPARE:
        if (!cli_parse_int(cmd, "--compare", arg, 0, 50, &v))
            return STANCE_EXIT_USAGE;
        ro->opt.max_compare = (size_t)v;
        return 0;
    default:
        return cli_bad_option(cmd, c, word);
    }
}

int cli_report_write(const cli_report_options *ro, const stance_report *report, stance_error *err)
{
    stance_output out;
    if (stance_output_open(&out, ro->output, err) != 0)
        return cli_fail(err);
    if (stance_report_write(report, ro->format, out.fp, err) != 0) {
        stance_output_abort(&out);
        return cli_fail(err);
    }
    if (stance_output_commit(&out, err) != 0)
        return cli_fail(err);
    return STANCE_EXIT_OK;
}
