/* The model options of `stance score` and `stance run`, and one scorer a
 * worker thread. */
#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli_groups.h"

void cli_models_init(cli_models *m)
{
    memset(m, 0, sizeof *m);
    m->stance_path = "builtin:stance";
    m->sentiment_path = "builtin:sentiment";
    m->top_terms = 5;
}

int cli_models_parse(cli_models *m, const char *cmd, cli_opt id, const char *arg)
{
    switch (id) {
    case CLI_OPT_MODEL:
        m->stance_path = arg;
        return 0;
    case CLI_OPT_SENTIMENT_MODEL:
        m->sentiment_path = arg;
        return 0;
    case CLI_OPT_NO_SENTIMENT:
        m->sentiment_path = NULL;
        return 0;
    case CLI_OPT_TERMS:
        return cli_parse_int(cmd, "--terms", arg, 0, 100, &m->top_terms) ? 0 : STANCE_EXIT_USAGE;
    default:
        return CLI_NOT_MINE;
    }
}

int cli_models_open(cli_models *m, const stance_gazetteer *g, int jobs, stance_error *err)
{
    if (!(m->stance = stance_model_load(m->stance_path, err)))
        return -1;
    if (m->sentiment_path && !(m->sentiment = stance_model_load(m->sentiment_path, err)))
        return -1;
    m->scorers = calloc((size_t)jobs, sizeof *m->scorers);
    m->worker_ctx = calloc((size_t)jobs, sizeof *m->worker_ctx);
    if (!m->scorers || !m->worker_ctx)
        return stance_fail(err, NULL, 0, "out of memory");
    m->jobs = jobs;
    for (int i = 0; i < jobs; i++) {
        m->scorers[i] = stance_scorer_new(g, m->stance, m->sentiment, (size_t)m->top_terms, err);
        if (!m->scorers[i])
            return -1;
        m->worker_ctx[i] = m->scorers[i];
    }
    return 0;
}

void cli_models_free(cli_models *m)
{
    for (int i = 0; m->scorers && i < m->jobs; i++)
        stance_scorer_free(m->scorers[i]);
    free(m->scorers);
    free(m->worker_ctx);
    stance_model_free(m->stance);
    stance_model_free(m->sentiment);
    m->scorers = NULL;
    m->worker_ctx = NULL;
    m->stance = m->sentiment = NULL;
}
