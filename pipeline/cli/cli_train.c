/* stance train: fit features and an SVM on a labeled corpus. */
#include <stdio.h>
#include <string.h>

#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "train",
    .usage = "[OPTION]... CORPUS -o MODEL",
    .about = "Train a stance (or sentiment, or any other) classifier on a labeled corpus and\n"
             "write it as one model file. The classifier is a linear SVM (LIBLINEAR,\n"
             "one-vs-rest) or LIBSVM's C-SVC; C is chosen from a grid by stratified\n"
             "cross-validation on macro-F1, and class probabilities are calibrated by Platt\n"
             "scaling on the cross-validated decision values. The same corpus and options\n"
             "give the same model, byte for byte, when the date is fixed (--date or\n"
             "SOURCE_DATE_EPOCH).",
    .sections = {{"Corpus", cli_group_corpus},
                 {"Features", cli_group_features},
                 {"Training", (const cli_opt[]){CLI_OPT_OUTPUT, CLI_OPT_SOLVER, CLI_OPT_KERNEL,
                                                CLI_OPT_C, CLI_OPT_GAMMA, CLI_OPT_FOLDS,
                                                CLI_OPT_CLASS_WEIGHT, CLI_OPT_SEED, CLI_OPT_DATE,
                                                CLI_OPT_END}}},
    .footer = "The model file (-o) is required. Progress goes to stderr when it is a terminal.\n"
              "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
};

typedef struct args {
    stance_feature_config features;
    stance_corpus_options corpus;
    stance_train_options train;
    double c_grid[32], gamma_grid[32];
    const char *output;
} args;

/* --C and --gamma: up to 32 comma-separated values. */
static int parse_grid(const char *name, const char *arg, double *into, size_t *count)
{
    char copy[1024];
    if (strlen(arg) >= sizeof copy)
        return cli_usage_error(spec.name, "%s: the list is too long", name);
    strcpy(copy, arg);
    *count = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (*count == 32)
            return cli_usage_error(spec.name, "%s takes at most 32 values", name);
        if (!cli_parse_double(spec.name, name, tok, 1e-6, 1e6, &into[*count]))
            return STANCE_EXIT_USAGE;
        (*count)++;
    }
    return *count ? 0 : cli_usage_error(spec.name, "%s wants at least one value", name);
}

static int parse_training(args *a, cli_opt id, const char *arg)
{
    stance_train_options *t = &a->train;
    long v;
    switch (id) {
    case CLI_OPT_OUTPUT: a->output = arg; return 0;
    case CLI_OPT_C:
        t->c_grid = a->c_grid;
        return parse_grid("--C", arg, a->c_grid, &t->n_c);
    case CLI_OPT_GAMMA:
        t->gamma_grid = a->gamma_grid;
        return parse_grid("--gamma", arg, a->gamma_grid, &t->n_gamma);
    case CLI_OPT_SOLVER:
        if (strcmp(arg, "auto") == 0) t->solver = STANCE_SOLVER_AUTO;
        else if (strcmp(arg, "liblinear") == 0) t->solver = STANCE_SOLVER_LIBLINEAR;
        else if (strcmp(arg, "libsvm") == 0) t->solver = STANCE_SOLVER_LIBSVM;
        else return cli_usage_error(spec.name, "--solver wants auto, liblinear or libsvm, not '%s'", arg);
        return 0;
    case CLI_OPT_KERNEL:
        if (strcmp(arg, "linear") == 0) t->kernel = STANCE_KERNEL_LINEAR;
        else if (strcmp(arg, "rbf") == 0) t->kernel = STANCE_KERNEL_RBF;
        else return cli_usage_error(spec.name, "--kernel wants linear or rbf, not '%s'", arg);
        return 0;
    case CLI_OPT_FOLDS:
        if (!cli_parse_int(spec.name, "--folds", arg, 2, 100, &v))
            return STANCE_EXIT_USAGE;
        t->folds = (size_t)v;
        return 0;
    case CLI_OPT_CLASS_WEIGHT:
        if (strcmp(arg, "balanced") == 0) t->class_weight = STANCE_CLASS_WEIGHT_BALANCED;
        else if (strcmp(arg, "none") == 0) t->class_weight = STANCE_CLASS_WEIGHT_NONE;
        else return cli_usage_error(spec.name, "--class-weight wants balanced or none, not '%s'", arg);
        return 0;
    case CLI_OPT_SEED:
        if (!cli_parse_int(spec.name, "--seed", arg, 0, 1L << 31, &v))
            return STANCE_EXIT_USAGE;
        t->seed = (unsigned long)v;
        return 0;
    case CLI_OPT_DATE: t->date = arg; return 0;
    default: return cli_unhandled(spec.name, id);
    }
}

static int handle(void *ctx, cli_opt id, const char *arg)
{
    args *a = ctx;
    int rc = cli_corpus_parse(&a->corpus, spec.name, id, arg);
    if (rc == CLI_NOT_MINE)
        rc = cli_features_parse(&a->features, spec.name, id, arg);
    return rc != CLI_NOT_MINE ? rc : parse_training(a, id, arg);
}

static void progress(void *ctx, const stance_train_progress *p)
{
    (void)ctx;
    if (p->done)
        fprintf(stderr, "\rstance: train: best C=%g, cross-validated macro-F1 %.4f\n", p->best_c,
                p->best_macro_f1);
    else if (p->gamma > 0)
        fprintf(stderr, "\rstance: train: C=%g gamma=%g fold %zu/%zu   ", p->c, p->gamma, p->fold,
                p->folds);
    else
        fprintf(stderr, "\rstance: train: C=%g fold %zu/%zu   ", p->c, p->fold, p->folds);
    fflush(stderr);
}

int cli_train(int argc, char **argv)
{
    args a = {0};
    stance_feature_config_default(&a.features);
    stance_corpus_options_default(&a.corpus);
    stance_train_options_default(&a.train);
    if (cli_stderr_is_tty())
        a.train.progress = progress;
    int status = cli_parse(&spec, argc, argv, handle, &a);
    if (status >= 0)
        return status;
    if (optind != argc - 1)
        return cli_usage_error(spec.name, "expected one corpus file");
    if (!a.output)
        return cli_usage_error(spec.name, "the model file to write is missing (-o MODEL)");
    if (a.train.solver == STANCE_SOLVER_LIBLINEAR && a.train.kernel == STANCE_KERNEL_RBF)
        return cli_usage_error(spec.name, "LIBLINEAR trains linear models only: use --solver libsvm for rbf");

    stance_error err;
    stance_error_clear(&err);
    stance_corpus corpus;
    if (stance_corpus_read(argv[optind], &a.corpus, &corpus, &err) != 0)
        return cli_fail(&err);
    stance_model *m = stance_train(&corpus, &a.features, &a.train, &err);
    status = m && stance_model_save(m, a.output, &err) == 0 ? STANCE_EXIT_OK : cli_fail(&err);
    stance_model_free(m);
    stance_corpus_free(&corpus);
    return status;
}
