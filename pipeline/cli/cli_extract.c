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
    .footer = "Each JSON object (or CSV row) has article_id, date, source, url, sentence (its\n"
              "index, from 0), start and end (byte offsets of the content in the article\n"
              "text), char_start and char_end (the same in characters), speaker (as\n"
              "written), actor and country (ISO alpha-3 or IGO; null when unknown), target,\n"
              "kind (direct, indirect, act), verb, content and text.\n\n"
              "A bad article is reported as FILE:LINE on stderr, skipped and counted; a\n"
              "summary line ends the run. Exit status: 0 success, 1 bad input (with\n"
              "--strict), I/O error or interrupt (no output file is left behind), 2 usage\n"
              "error.\n",
};

static int handle(void *ctx, cli_opt id, const char *arg)
{
    return cli_statements_parse(ctx, spec.name, id, arg);
}

int cli_extract(int argc, char **argv)
{
    cli_statements s = {.format = STANCE_STATEMENTS_JSONL};
    cli_articles_init(&s.articles);
    int status = cli_parse(&spec, argc, argv, handle, &s);
    if (status >= 0) {
        cli_articles_free(&s.articles);
        return status;
    }
    return cli_statements_run(spec.name, &s, argc, argv);
}
