/* stance: the command-line program. Dispatches to one subcommand a file. */
#include <stdio.h>
#include <string.h>

#include "pipeline/cli/cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"train", cli_train, "train a stance or sentiment model on a labeled corpus"},
    {"eval", cli_eval, "evaluate a model on a labeled corpus"},
    {"extract", cli_extract, "find statements, speakers and countries in articles"},
    {"score", cli_score, "extract and classify statements (JSONL out)"},
    {"report", cli_report, "aggregate scored statements by country"},
    {"run", cli_run, "extract, score and report in one go"},
    {"featurize", cli_featurize, "write a corpus as svmlight/libsvm sparse lines"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *to)
{
    fprintf(to,
            "Usage: stance COMMAND [OPTION]... [ARG]...\n"
            "Measure the diplomatic stance of statements in news articles.\n\n"
            "Commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(to,
            "\nOptions:\n"
            "  -h, --help     show this help and exit\n"
            "  -V, --version  show the version and exit\n\n"
            "'stance COMMAND --help' describes each command.\n"
            "Exit status: 0 success, 1 failure while working (bad input, I/O), 2 usage error.\n");
}

int main(int argc, char **argv)
{
    stance_install_signal_cleanup();
    if (argc < 2) {
        print_help(stderr);
        return STANCE_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        print_help(stdout);
        return STANCE_EXIT_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("stance %s\n", stance_version());
        return STANCE_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return cli_usage_error(NULL, "unknown command '%s'", name);
}
