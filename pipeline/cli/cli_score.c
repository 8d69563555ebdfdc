/* stance score: articles in, scored statements out. */
#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "score",
    .usage = "[OPTION]... [ARTICLES]...",
    .about = "Find the statements in news articles and classify each one's stance\n"
             "(conciliatory, adversarial, neutral) and sentiment (positive, negative,\n"
             "neutral), with class probabilities and the terms behind the stance. Writes one\n"
             "JSON object a statement (schema: pipeline/schemas/scored-statement.schema.json),\n"
             "a CSV row or a table line, in input order. ARTICLES are text files (first line\n"
             "the title), JSONL files (id, title, text, optional date, source, url),\n"
             "directories (read recursively) or - for stdin (the default).",
    .sections = {{"Output", (const cli_opt[]){CLI_OPT_STATEMENT_FORMAT, CLI_OPT_OUTPUT, CLI_OPT_END}},
                 {"Models", cli_group_models},
                 {"Input", cli_group_articles}},
    .footer = cli_statements_footer,
};

int cli_score(int argc, char **argv)
{
    cli_models models;
    cli_models_init(&models);
    cli_statements s = {.models = &models, .format = STANCE_STATEMENTS_JSONL};
    return cli_statements_main(&spec, &s, argc, argv);
}
