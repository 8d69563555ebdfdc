/* stance train: fit features and a linear SVM on a labeled corpus. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli.h"
#include "pipeline/cli/cli_feature_options.h"

static void help(void)
{
    fputs("Usage: stance train [OPTION]... CORPUS -o MODEL\n"
          "Train a stance (or sentiment, or any other) classifier on a labeled corpus and\n"
          "write it as one model file. The classifier is a linear SVM (LIBLINEAR,\n"
          "one-vs-rest); C is chosen from a grid by stratified cross-validation on\n"
          "macro-F1, and class probabilities are calibrated by Platt scaling on the\n"
          "cross-validated decision values. The same corpus and options give the same\n"
          "model, byte for byte, when the date is fixed (--date or SOURCE_DATE_EPOCH).\n\n",
          stdout);
    cli_feature_options_help(stdout);
    fputs("Training:\n"
          "  -o, --output MODEL      the model file to write (atomically); required\n"
          "      --solver S          liblinear, libsvm, or auto (default: liblinear for a\n"
          "                          linear kernel, libsvm for RBF)\n"
          "      --kernel K          linear (default) or rbf (libsvm only)\n"
          "      --C LIST            values of C to try, comma-separated\n"
          "                          (default 0.03,0.1,0.3,1,3)\n"
          "      --gamma LIST        RBF: values of gamma to try (default 0.1,0.3,1,3)\n"
          "      --folds K           cross-validation folds (default 5)\n"
          "      --class-weight W    balanced (default) or none\n"
          "      --seed N            seed of the folds and the solver (default 1)\n"
          "      --date DATE         the training date recorded in the model\n"
          "  -h, --help              show this help and exit\n\n"
          "Progress goes to stderr when it is a terminal.\n"
          "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
          stdout);
}

int cli_train(int argc, char **argv)
{
    enum { OPT_C = 1000, OPT_FOLDS, OPT_WEIGHT, OPT_SEED, OPT_DATE, OPT_SOLVER, OPT_KERNEL, OPT_GAMMA };
    struct option longopts[CLI_FEATURE_MAX_OPTIONS + 12];
    size_t n = cli_feature_options_table(longopts);
    longopts[n++] = (struct option){"output", required_argument, NULL, 'o'};
    longopts[n++] = (struct option){"C", required_argument, NULL, OPT_C};
    longopts[n++] = (struct option){"gamma", required_argument, NULL, OPT_GAMMA};
    longopts[n++] = (struct option){"solver", required_argument, NULL, OPT_SOLVER};
    longopts[n++] = (struct option){"kernel", required_argument, NULL, OPT_KERNEL};
    longopts[n++] = (struct option){"folds", required_argument, NULL, OPT_FOLDS};
    longopts[n++] = (struct option){"class-weight", required_argument, NULL, OPT_WEIGHT};
    longopts[n++] = (struct option){"seed", required_argument, NULL, OPT_SEED};
    longopts[n++] = (struct option){"date", required_argument, NULL, OPT_DATE};
    longopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[n] = (struct option){0, 0, 0, 0};

    stance_feature_config cfg;
    stance_feature_config_default(&cfg);
    stance_corpus_options copt;
    stance_corpus_options_default(&copt);
    stance_train_options topt;
    stance_train_options_default(&topt);
    topt.progress = cli_stderr_is_tty();
    double grid[32], gammas[32];
    const char *output = NULL;
    long v;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
        int handled = cli_feature_options_parse(&cfg, &copt, "train", c, optarg);
        if (handled == 1)
            continue;
        if (handled > 1)
            return handled;
        switch (c) {
        case 'h': help(); return STANCE_EXIT_OK;
        case 'o': output = optarg; break;
        case OPT_C:
        case OPT_GAMMA: {
            double *into = c == OPT_C ? grid : gammas;
            size_t *count = c == OPT_C ? &topt.n_c : &topt.n_gamma;
            const char *name = c == OPT_C ? "--C" : "--gamma";
            char *copy = strdup(optarg), *save = NULL;
            *count = 0;
            for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (*count == 32 || !cli_parse_double("train", name, tok, 1e-6, 1e6, &into[*count])) {
                    free(copy);
                    return *count == 32 ? cli_usage_error("train", "%s takes at most 32 values", name)
                                        : STANCE_EXIT_USAGE;
                }
                (*count)++;
            }
            free(copy);
            if (*count == 0)
                return cli_usage_error("train", "%s wants at least one value", name);
            if (c == OPT_C)
                topt.c_grid = grid;
            else
                topt.gamma_grid = gammas;
            break;
        }
        case OPT_SOLVER:
            if (strcmp(optarg, "auto") == 0) topt.solver = STANCE_SOLVER_AUTO;
            else if (strcmp(optarg, "liblinear") == 0) topt.solver = STANCE_SOLVER_LIBLINEAR;
            else if (strcmp(optarg, "libsvm") == 0) topt.solver = STANCE_SOLVER_LIBSVM;
            else return cli_usage_error("train", "--solver wants auto, liblinear or libsvm, not '%s'", optarg);
            break;
        case OPT_KERNEL:
            if (strcmp(optarg, "linear") == 0) topt.kernel = STANCE_KERNEL_LINEAR;
            else if (strcmp(optarg, "rbf") == 0) topt.kernel = STANCE_KERNEL_RBF;
            else return cli_usage_error("train", "--kernel wants linear or rbf, not '%s'", optarg);
            break;
        case OPT_FOLDS:
            if (!cli_parse_int("train", "--folds", optarg, 2, 100, &v))
                return STANCE_EXIT_USAGE;
            topt.folds = (size_t)v;
            break;
        case OPT_WEIGHT:
            if (strcmp(optarg, "balanced") == 0) topt.class_weight = STANCE_CLASS_WEIGHT_BALANCED;
            else if (strcmp(optarg, "none") == 0) topt.class_weight = STANCE_CLASS_WEIGHT_NONE;
            else return cli_usage_error("train", "--class-weight wants balanced or none, not '%s'", optarg);
            break;
        case OPT_SEED:
            if (!cli_parse_int("train", "--seed", optarg, 0, 1L << 31, &v))
                return STANCE_EXIT_USAGE;
            topt.seed = (unsigned long)v;
            break;
        case OPT_DATE: topt.date = optarg; break;
        default: return cli_bad_option("train", c, argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("train", "expected one corpus file");
    if (!output)
        return cli_usage_error("train", "the model file to write is missing (-o MODEL)");
    if (topt.solver == STANCE_SOLVER_LIBLINEAR && topt.kernel == STANCE_KERNEL_RBF)
        return cli_usage_error("train", "LIBLINEAR trains linear models only: use --solver libsvm for rbf");

    stance_error err;
    stance_error_clear(&err);
    stance_corpus corpus;
    if (stance_corpus_read(argv[optind], &copt, &corpus, &err) != 0)
        return cli_fail(&err);
    int status = STANCE_EXIT_OK;
    stance_model *m = stance_train(&corpus, &cfg, &topt, &err);
    if (!m || stance_model_save(m, output, &err) != 0)
        status = cli_fail(&err);
    stance_model_free(m);
    stance_corpus_free(&corpus);
    return status;
}
