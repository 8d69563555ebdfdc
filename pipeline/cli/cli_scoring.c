/* Model options and scorers for `stance score` and `stance run`. */
#include "pipeline/cli/cli_scoring.h"

#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "pipeline/cli/cli.h"

enum { OPT_SENTIMENT_MODEL = 3000, OPT_NO_SENTIMENT, OPT_TERMS };

void cli_scoring_init(cli_scoring *s)
{
    memset(s, 0, sizeof *s);
    s->stance_path = "builtin:stance";
    s->sentiment_path = "builtin:sentiment";
    s->top_terms = 5;
}

size_t cli_scoring_table(struct option *t)
{
    size_t n = 0;
    t[n++] = (struct option){"model", required_argument, NULL, 'm'};
    t[n++] = (struct option){"sentiment-model", required_argument, NULL, OPT_SENTIMENT_MODEL};
    t[n++] = (struct option){"no-sentiment", no_argument, NULL, OPT_NO_SENTIMENT};
    t[n++] = (struct option){"terms", required_argument, NULL, OPT_TERMS};
    return n;
}

int cli_scoring_parse(cli_scoring *s, const char *cmd, int c, const char *arg)
{
    switch (c) {
    case 'm':
        s->stance_path = arg;
        return 1;
    case OPT_SENTIMENT_MODEL:
        s->sentiment_path = arg;
        return 1;
    case OPT_NO_SENTIMENT:
        s->sentiment_path = NULL;
        return 1;
    case OPT_TERMS:
        return cli_parse_int(cmd, "--terms", arg, 0, 100, &s->top_terms) ? 1 : STANCE_EXIT_USAGE;
    default:
        return 0;
    }
}

void cli_scoring_help(FILE *out)
{
    fputs("Models:\n"
          "  -m, --model FILE        the stance model (default: builtin:stance, trained on\n"
          "                          the project's corpus)\n"
          "      --sentiment-model FILE  the sentiment model (default: builtin:sentiment)\n"
          "      --no-sentiment      do not classify sentiment\n"
          "      --terms N           terms listed behind each stance (default 5)\n",
          out);
}

int cli_scoring_open(cli_scoring *s, const stance_gazetteer *g, int jobs, stance_error *err)
{
    if (!(s->stance = stance_model_load(s->stance_path, err)))
        return -1;
    if (s->sentiment_path && !(s->sentiment = stance_model_load(s->sentiment_path, err)))
        return -1;
    s->scorers = calloc((size_t)jobs, sizeof *s->scorers);
    s->worker_ctx = calloc((size_t)jobs, sizeof *s->worker_ctx);
    if (!s->scorers || !s->worker_ctx)
        return stance_fail(err, "", 0, "out of memory");
    s->jobs = jobs;
    for (int i = 0; i < jobs; i++) {
        s->scorers[i] = stance_scorer_new(g, s->stance, s->sentiment, (size_t)s->top_terms, err);
        if (!s->scorers[i])
            return -1;
        s->worker_ctx[i] = s->scorers[i];
    }
    return 0;
}

void cli_scoring_free(cli_scoring *s)
{
    for (int i = 0; s->scorers && i < s->jobs; i++)
        stance_scorer_free(s->scorers[i]);
    free(s->scorers);
    free(s->worker_ctx);
    stance_model_free(s->stance);
    stance_model_free(s->sentiment);
    s->scorers = NULL;
    s->worker_ctx = NULL;
    s->stance = s->sentiment = NULL;
}

int cli_scoring_render(void *worker_ctx, batch_item *it)
{
    long n = stance_score_article(worker_ctx, &it->article, &it->out, &it->out_len, &it->out_cap,
                                  &it->err);
    if (n < 0)
        return -1;
    it->statements = (size_t)n;
    return 0;
}
