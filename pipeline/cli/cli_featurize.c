/* stance featurize: a labeled corpus as svmlight/libsvm sparse lines. */
#include <stdio.h>

#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "featurize",
    .usage = "[OPTION]... CORPUS",
    .about = "Turn a labeled corpus into svmlight/libsvm sparse lines, one a record:\n"
             "the label's number (0, 1, ... in the order of --vocab's \"labels\"), then\n"
             "INDEX:VALUE pairs in increasing index order. Use them with other learners.\n"
             "CORPUS may be - for standard input.",
    .sections = {{"Corpus", cli_group_corpus},
                 {"Features", cli_group_features},
                 {"Output", (const cli_opt[]){CLI_OPT_OUTPUT, CLI_OPT_VOCAB, CLI_OPT_END}}},
    .footer = "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
};

typedef struct args {
    stance_feature_config features;
    stance_corpus_options corpus;
    const char *output, *vocab;
} args;

static int handle(void *ctx, cli_opt id, const char *arg)
{
    args *a = ctx;
    int rc = cli_corpus_parse(&a->corpus, spec.name, id, arg);
    if (rc == CLI_NOT_MINE)
        rc = cli_features_parse(&a->features, spec.name, id, arg);
    if (rc != CLI_NOT_MINE)
        return rc;
    switch (id) {
    case CLI_OPT_OUTPUT: a->output = arg; return 0;
    case CLI_OPT_VOCAB: a->vocab = arg; return 0;
    default: return cli_unhandled(spec.name, id);
    }
}

static int write_vocab(const char *path, const stance_vectorizer *v, const stance_corpus *c,
                       stance_error *err)
{
    stance_output out;
    if (stance_output_open(&out, path, err) != 0)
        return -1;
    if (stance_vectorizer_write_json(v, (const char *const *)c->label_names, c->n_labels, out.fp,
                                     err) != 0) {
        stance_output_abort(&out);
        return -1;
    }
    return stance_output_commit(&out, err);
}

/* The svmlight lines of every record. */
static int write_lines(const stance_vectorizer *v, const stance_corpus *c, FILE *to,
                       stance_error *err)
{
    stance_sparse vec = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < c->n; i++) {
        if ((rc = stance_vectorizer_transform(v, c->texts[i], c->text_lens[i], &vec, err)) != 0) {
            snprintf(err->file, sizeof err->file, "%s", c->path); /* the record's place */
            err->line = c->lines[i];
            break;
        }
        fprintf(to, "%d", c->labels[i]);
        for (size_t k = 0; k < vec.nnz; k++)
            fprintf(to, " %d:%.9g", vec.nodes[k].index, vec.nodes[k].value);
        fputc('\n', to);
    }
    stance_sparse_free(&vec);
    return rc;
}

int cli_featurize(int argc, char **argv)
{
    args a = {0};
    stance_feature_config_default(&a.features);
    stance_corpus_options_default(&a.corpus);
    int status = cli_parse(&spec, argc, argv, handle, &a);
    if (status >= 0)
        return status;
    if (optind != argc - 1)
        return cli_usage_error(spec.name, "expected one corpus file");

    stance_error err;
    stance_error_clear(&err);
    stance_corpus corpus;
    if (stance_corpus_read(argv[optind], &a.corpus, &corpus, &err) != 0)
        return cli_fail(&err);
    stance_output out = {0};
    stance_vectorizer *v = stance_vectorizer_new(&a.features, &err);
    if (!v || stance_vectorizer_fit(v, (const char *const *)corpus.texts, corpus.text_lens,
                                    corpus.n, &err) != 0) {
        if (err.file[0] == '\0')
            snprintf(err.file, sizeof err.file, "%s", corpus.path);
        status = cli_fail(&err);
    } else if (stance_output_open(&out, a.output, &err) != 0 ||
               write_lines(v, &corpus, out.fp, &err) != 0 ||
               stance_output_commit(&out, &err) != 0 ||
               (a.vocab && write_vocab(a.vocab, v, &corpus, &err) != 0)) {
        stance_output_abort(&out);
        status = cli_fail(&err);
    } else {
        status = STANCE_EXIT_OK;
    }
    stance_vectorizer_free(v);
    stance_corpus_free(&corpus);
    return status;
}
