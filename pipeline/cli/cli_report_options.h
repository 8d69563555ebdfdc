/* The report options shared by `stance report` and `stance run`: format,
 * output file, period, filters. */
#ifndef STANCE_PIPELINE_CLI_REPORT_OPTIONS_H
#define STANCE_PIPELINE_CLI_REPORT_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

#include "stance.h"

#define CLI_REPORT_MAX_OPTIONS 11

typedef struct cli_report_options {
    stance_report_options opt;
    stance_report_format format;
    const char *output;  /* NULL: stdout */
    char **countries;    /* owned copies of --country values */
    size_t n_countries;
} cli_report_options;

void cli_report_options_init(cli_report_options *ro);
void cli_report_options_free(cli_report_options *ro);
/* Fill table with the report options (no terminator); returns how many. */
size_t cli_report_options_table(struct option *table);
/* Handle one option; returns 0, or an exit code for a usage error. Unknown
 * options and missing arguments are usage errors too. */
int cli_report_options_parse(cli_report_options *ro, const char *cmd, int c, const char *arg,
                             const char *word);
void cli_report_options_help(FILE *to);
/* Write the report in the chosen format to the chosen output, atomically. */
int cli_report_write(const cli_report_options *ro, const stance_report *report, stance_error *err);

#endif
