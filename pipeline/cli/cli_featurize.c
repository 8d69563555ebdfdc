/* stance featurize: a labeled corpus as svmlight/libsvm sparse lines. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli.h"
#include "pipeline/cli/cli_feature_options.h"

static void help(void)
{
    fputs("Usage: stance featurize [OPTION]... CORPUS\n"
          "Turn a labeled corpus into svmlight/libsvm sparse lines, one a record:\n"
          "the label's number (0, 1, ... in the order of --vocab's \"labels\"), then\n"
          "INDEX:VALUE pairs in increasing index order. Use them with other learners.\n"
          "CORPUS may be - for standard input.\n\n",
          stdout);
    cli_feature_options_help(stdout);
    fputs("Output:\n"
          "  -o, --output FILE       write the lines there (atomically), not to stdout\n"
          "      --vocab FILE        write the feature configuration, vocabulary, document\n"
          "                          frequencies and label names as JSON\n"
          "  -h, --help              show this help and exit\n\n"
          "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
          stdout);
}

static int write_vocab(const char *path, const stance_vectorizer *v, const stance_corpus *c,
                       stance_error *err)
{
    stance_output out;
    if (stance_output_open(&out, path, err) != 0)
        return -1;
    int rc = stance_vectorizer_write_json(v, (const char *const *)c->label_names, c->n_labels, out.fp, err);
    if (rc != 0) {
        stance_output_abort(&out);
        return -1;
    }
    return stance_output_commit(&out, err);
}

int cli_featurize(int argc, char **argv)
{
    enum { OPT_VOCAB = 1000 };
    struct option longopts[CLI_FEATURE_MAX_OPTIONS + 4];
    size_t n = cli_feature_options_table(longopts);
    longopts[n++] = (struct option){"output", required_argument, NULL, 'o'};
    longopts[n++] = (struct option){"vocab", required_argument, NULL, OPT_VOCAB};
    longopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[n] = (struct option){0, 0, 0, 0};

    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    stance_corpus_options copt;
    stance_corpus_options_default(&copt);
    const char *output = NULL, *vocab = NULL;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
        int handled = cli_feature_options_parse(&cfg, &copt, "featurize", c, optarg);
        if (handled == 1)
            continue;
        if (handled > 1)
            return handled;
        switch (c) {
        case 'h': help(); return STANCE_EXIT_OK;
        case 'o': output = optarg; break;
        case OPT_VOCAB: vocab = optarg; break;
        default: return cli_bad_option("featurize", c, argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("featurize", "expected one corpus file");

    stance_error err;
    stance_error_clear(&err);
    stance_corpus corpus;
    if (stance_corpus_read(argv[optind], &copt, &corpus, &err) != 0)
        return cli_fail(&err);
    int status = STANCE_EXIT_OK;
    stance_vectorizer *v = stance_vectorizer_new(&cfg, &err);
    if (!v || stance_vectorizer_fit(v, (const char *const *)corpus.texts, corpus.text_lens, corpus.n, &err) != 0) {
        if (err.file[0] == '\0')
            snprintf(err.file, sizeof err.file, "%s", corpus.path);
        status = cli_fail(&err);
    }
    stance_output out = {0};
    if (status == STANCE_EXIT_OK && stance_output_open(&out, output, &err) != 0)
        status = cli_fail(&err);
    stance_sparse vec = {0};
    for (size_t i = 0; status == STANCE_EXIT_OK && i < corpus.n; i++) {
        if (stance_vectorizer_transform(v, corpus.texts[i], corpus.text_lens[i], &vec, &err) != 0) {
            snprintf(err.file, sizeof err.file, "%s", corpus.path);
            err.line = corpus.lines[i];
            status = cli_fail(&err);
            break;
        }
        fprintf(out.fp, "%d", corpus.labels[i]);
        for (size_t k = 0; k < vec.nnz; k++)
            fprintf(out.fp, " %d:%.9g", vec.nodes[k].index, vec.nodes[k].value);
        fputc('\n', out.fp);
    }
    if (status == STANCE_EXIT_OK && stance_output_commit(&out, &err) != 0)
        status = cli_fail(&err);
    else if (status != STANCE_EXIT_OK && out.fp)
        stance_output_abort(&out);
    if (status == STANCE_EXIT_OK && vocab && write_vocab(vocab, v, &corpus, &err) != 0)
        status = cli_fail(&err);
    stance_sparse_free(&vec);
    stance_vectorizer_free(v);
    stance_corpus_free(&corpus);
    return status;
}
