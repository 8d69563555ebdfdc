/* stance eval: a model's accuracy, per-class precision/recall/F1, macro-F1,
 * the SemEval stance measure and the confusion matrix on a labeled corpus. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pipeline/cli/cli.h"
#include "pipeline/cli/cli_feature_options.h"

static void help(void)
{
    fputs("Usage: stance eval --model MODEL [OPTION]... CORPUS\n"
          "Classify every record of a labeled corpus and compare with its label: accuracy,\n"
          "per-class precision, recall and F1, macro-F1, the SemEval stance measure (mean\n"
          "F1 of the classes given by --pos-classes; default: every class but 'neutral'\n"
          "and 'none') and the confusion matrix (rows: gold, columns: predicted).\n\n"
          "  -m, --model MODEL       the model file (required)\n"
          "      --json              print the results as JSON instead of a table\n"
          "      --predictions FILE  write one JSON object per record: id, line, gold,\n"
          "                          label and class probabilities (atomically)\n"
          "      --pos-classes LIST  classes averaged by the SemEval measure\n"
          "      --format, --text-field, --label-field, --labels, --label-map\n"
          "                          how to read the corpus, as for 'stance train'\n"
          "  -h, --help              show this help and exit\n\n"
          "Labels the model does not know are errors naming the file and line.\n"
          "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
          stdout);
}

/* The confusion matrix: conf[gold * k + predicted]. */
typedef struct results {
    size_t k;
    uint64_t *conf;
} results;

int cli_eval(int argc, char **argv)
{
    enum { OPT_JSON = 1000, OPT_PRED, OPT_POS };
    struct option longopts[CLI_FEATURE_MAX_OPTIONS + 8];
    size_t n = cli_feature_options_table(longopts);
    longopts[n++] = (struct option){"model", required_argument, NULL, 'm'};
    longopts[n++] = (struct option){"json", no_argument, NULL, OPT_JSON};
    longopts[n++] = (struct option){"predictions", required_argument, NULL, OPT_PRED};
    longopts[n++] = (struct option){"pos-classes", required_argument, NULL, OPT_POS};
    longopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[n] = (struct option){0, 0, 0, 0};

    stance_feature_config unused;
    stance_feature_config_default(&unused);
    stance_corpus_options copt;
    stance_corpus_options_default(&copt);
    const char *model_path = NULL, *pred_path = NULL, *pos = NULL;
    bool json = false;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":m:h", longopts, NULL)) != -1) {
        int handled = cli_feature_options_parse(&unused, &copt, "eval", c, optarg);
        if (handled == 1)
            continue;
        if (handled > 1)
            return handled;
        switch (c) {
        case 'h': help(); return STANCE_EXIT_OK;
        case 'm': model_path = optarg; break;
        case OPT_JSON: json = true; break;
        case OPT_PRED: pred_path = optarg; break;
        case OPT_POS: pos = optarg; break;
        default: return cli_bad_option("eval", c, argv[optind - 1]);
        }
    }
    if (!model_path)
        return cli_usage_error("eval", "the model is missing (--model MODEL)");
    if (optind != argc - 1)
        return cli_usage_error("eval", "expected one corpus file");

    stance_error err;
    stance_error_clear(&err);
    stance_model *m = stance_model_load(model_path, &err);
    if (!m)
        return cli_fail(&err);
    size_t k = stance_model_n_labels(m);
    const char **names = malloc(k * sizeof *names);
    for (size_t i = 0; i < k; i++)
        names[i] = stance_model_label(m, i);
    copt.allowed_labels = names;
    copt.n_allowed_labels = k;
    stance_corpus corpus;
    if (stance_corpus_read(argv[optind], &copt, &corpus, &err) != 0) {
        free(names);
        stance_model_free(m);
        return cli_fail(&err);
    }

    /* which classes the SemEval measure averages */
    bool *in_pos = calloc(k, sizeof *in_pos);
    int status = STANCE_EXIT_OK;
    if (pos) {
        char *copy = strdup(pos), *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            int idx = stance_model_label_index(m, tok);
            if (idx < 0)
                status = cli_usage_error("eval", "--pos-classes: the model has no class '%s'", tok);
            else
                in_pos[idx] = true;
        }
        free(copy);
    } else {
        for (size_t i = 0; i < k; i++)
            in_pos[i] = strcmp(names[i], "neutral") != 0 && strcmp(names[i], "none") != 0;
    }

    results r = {k, calloc(k * k, sizeof(uint64_t))};
    stance_output out = {0};
    if (status == STANCE_EXIT_OK && pred_path && stance_output_open(&out, pred_path, &err) != 0)
        status = cli_fail(&err);
    double *probs = malloc(k * sizeof *probs);
    stance_sparse work = {0};
    for (size_t i = 0; status == STANCE_EXIT_OK && i < corpus.n; i++) {
        int label = stance_model_predict(m, corpus.texts[i], corpus.text_lens[i], &work, probs, &err);
        if (label < 0) {
            snprintf(err.file, sizeof err.file, "%s", corpus.path);
            err.line = corpus.lines[i];
            status = cli_fail(&err);
            break;
        }
        r.conf[(size_t)corpus.labels[i] * k + (size_t)label]++;
        if (pred_path) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToObject(o, "id", corpus.ids[i] ? cJSON_CreateString(corpus.ids[i]) : cJSON_CreateNull());
            cJSON_AddNumberToObject(o, "line", (double)corpus.lines[i]);
            cJSON_AddStringToObject(o, "gold", names[corpus.labels[i]]);
            cJSON_AddStringToObject(o, "label", names[label]);
            cJSON *p = cJSON_AddObjectToObject(o, "p");
            for (size_t j = 0; j < k; j++)
                cJSON_AddNumberToObject(p, names[j], probs[j]);
            char *line = cJSON_PrintUnformatted(o);
            fprintf(out.fp, "%s\n", line);
            free(line);
            cJSON_Delete(o);
        }
    }
    if (pred_path && status == STANCE_EXIT_OK && stance_output_commit(&out, &err) != 0)
        status = cli_fail(&err);
    else if (pred_path && status != STANCE_EXIT_OK && out.fp)
        stance_output_abort(&out);

    if (status == STANCE_EXIT_OK) {
        uint64_t total = 0, right = 0;
        double macro = 0, semeval = 0;
        size_t n_pos = 0;
        double *p = malloc(k * sizeof *p), *rc = malloc(k * sizeof *rc), *f = malloc(k * sizeof *f);
        for (size_t i = 0; i < k; i++) {
            for (size_t j = 0; j < k; j++)
                total += r.conf[i * k + j];
            right += r.conf[i * k + i];
            stance_class_scores(r.conf, k, i, &p[i], &rc[i], &f[i]);
            macro += f[i] / (double)k;
            if (in_pos[i]) {
                semeval += f[i];
                n_pos++;
            }
        }
        semeval = n_pos ? semeval / (double)n_pos : 0;
        double acc = total ? (double)right / (double)total : 0;
        if (json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "records", (double)total);
            cJSON_AddNumberToObject(o, "accuracy", acc);
            cJSON_AddNumberToObject(o, "macro_f1", macro);
            cJSON_AddNumberToObject(o, "semeval_f1", semeval);
            cJSON *cls = cJSON_AddObjectToObject(o, "classes");
            cJSON *cm = cJSON_AddObjectToObject(o, "confusion");
            for (size_t i = 0; i < k; i++) {
                cJSON *e = cJSON_AddObjectToObject(cls, names[i]);
                cJSON_AddNumberToObject(e, "precision", p[i]);
                cJSON_AddNumberToObject(e, "recall", rc[i]);
                cJSON_AddNumberToObject(e, "f1", f[i]);
                cJSON *row = cJSON_AddObjectToObject(cm, names[i]);
                for (size_t j = 0; j < k; j++)
                    cJSON_AddNumberToObject(row, names[j], (double)r.conf[i * k + j]);
            }
            char *text = cJSON_Print(o);
            printf("%s\n", text);
            free(text);
            cJSON_Delete(o);
        } else {
            printf("%llu records  accuracy %.4f  macro-F1 %.4f  SemEval F1 %.4f\n\n",
                   (unsigned long long)total, acc,
                   macro, semeval);
            printf("%-14s %9s %9s %9s\n", "class", "precision", "recall", "F1");
            for (size_t i = 0; i < k; i++)
                printf("%-14s %9.4f %9.4f %9.4f%s\n", names[i], p[i], rc[i], f[i],
                       in_pos[i] ? "  *" : "");
            printf("(* averaged by the SemEval measure)\n\nconfusion (rows gold, columns predicted)\n%-14s", "");
            for (size_t j = 0; j < k; j++)
                printf(" %12.12s", names[j]);
            printf("\n");
            for (size_t i = 0; i < k; i++) {
                printf("%-14.14s", names[i]);
                for (size_t j = 0; j < k; j++)
                    printf(" %12llu", (unsigned long long)r.conf[i * k + j]);
                printf("\n");
            }
        }
        free(p);
        free(rc);
        free(f);
        if (fflush(stdout) != 0)
            status = STANCE_EXIT_FAILURE;
    }
    stance_sparse_free(&work);
    free(probs);
    free(r.conf);
    free(in_pos);
    free(names);
    stance_corpus_free(&corpus);
    stance_model_free(m);
    return status;
}
