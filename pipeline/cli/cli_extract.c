/* stance extract: the statements of articles, with speakers and countries. */
#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "extract",
    .usage = "[OPTION]... [ARTICLES]...",
    .about = "Find the statements in news articles: direct quotes, reported speech and\n"
             "reported acts, each with its speaker, the resolved actor and country, and its\n"
             "kind. ARTICLES are text files (first line the title), JSONL files (id, title,\n"
             "text, optional date, source, url), directories (read recursively) or - for\n"
             "stdin (the default).",
    .sections = {{"Output", (const cli_opt[]){CLI_OPT_STATEMENT_FORMAT, CLI_OPT_OUTPUT, CLI_OPT_END}},
                 {"Input", cli_group_articles}},
    .notes = "Each JSON object (or CSV row) has article_id, date, source, url, sentence (its\n"
             "index, from 0), start and end (byte offsets of the content in the article\n"
             "text), char_start and char_end (the same in characters), speaker (as\n"
             "written), actor and country (ISO alpha-3 or IGO; null when unknown), target,\n"
             "kind (direct, indirect, act), verb, content and text.\n",
    .footer = cli_statements_footer,
};

int cli_extract(int argc, char **argv)
{
    cli_statements s = {.format = STANCE_STATEMENTS_JSONL};
    return cli_statements_main(&spec, &s, argc, argv);
}
