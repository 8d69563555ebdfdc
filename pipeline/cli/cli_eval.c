/* stance eval: a model's accuracy, per-class precision/recall/F1, macro-F1,
 * the SemEval stance measure and the confusion matrix on a labeled corpus
 * (computed by stance_evaluate; printed here). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pipeline/cli/cli_groups.h"

static const cli_spec spec = {
    .name = "eval",
    .usage = "[OPTION]... CORPUS",
    .about = "Classify every record of a labeled corpus and compare with its label: accuracy,\n"
             "per-class precision, recall and F1, macro-F1, the SemEval stance measure (mean\n"
             "F1 of the classes given by --pos-classes; default: every class but 'neutral'\n"
             "and 'none') and the confusion matrix (rows: gold, columns: predicted).",
    .sections = {{"Model", (const cli_opt[]){CLI_OPT_MODEL, CLI_OPT_JSON, CLI_OPT_PREDICTIONS,
                                             CLI_OPT_POS_CLASSES, CLI_OPT_END}},
                 {"Corpus", cli_group_corpus}},
    .footer = "The model (-m) is required: a file, or builtin:stance.\n"
              "Labels the model does not know are errors naming the file and line.\n"
              "Exit status: 0 success, 1 bad input or I/O error, 2 usage error.\n",
};

typedef struct args {
    stance_corpus_options corpus;
    const char *model, *predictions;
    char **pos;
    size_t n_pos;
    bool json;
} args;

static int handle(void *ctx, cli_opt id, const char *arg)
{
    args *a = ctx;
    int rc = cli_corpus_parse(&a->corpus, spec.name, id, arg);
    if (rc != CLI_NOT_MINE)
        return rc;
    switch (id) {
    case CLI_OPT_MODEL: a->model = arg; return 0;
    case CLI_OPT_JSON: a->json = true; return 0;
    case CLI_OPT_PREDICTIONS: a->predictions = arg; return 0;
    case CLI_OPT_POS_CLASSES: return cli_append_list(spec.name, "--pos-classes", arg, &a->pos, &a->n_pos);
    default: return cli_unhandled(spec.name, id);
    }
}

typedef struct predictions {
    stance_output out;
    const stance_corpus *corpus;
    const stance_model *model;
} predictions;

/* {"id", "line", "gold", "label", "p": {...}} a line. */
static int write_prediction(void *ctx, size_t i, int label, const double *probs, stance_error *err)
{
    predictions *w = ctx;
    const stance_corpus *c = w->corpus;
    cJSON *o = cJSON_CreateObject(), *p = NULL;
    bool ok = o && cJSON_AddItemToObject(o, "id", c->ids[i] ? cJSON_CreateString(c->ids[i])
                                                            : cJSON_CreateNull()) &&
              cJSON_AddNumberToObject(o, "line", (double)c->lines[i]) &&
              cJSON_AddStringToObject(o, "gold", c->label_names[c->labels[i]]) &&
              cJSON_AddStringToObject(o, "label", stance_model_label(w->model, (size_t)label)) &&
              (p = cJSON_AddObjectToObject(o, "p"));
    for (size_t j = 0; ok && j < stance_model_n_labels(w->model); j++)
        ok = cJSON_AddNumberToObject(p, stance_model_label(w->model, j), probs[j]) != NULL;
    char *line = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    ok = line && fprintf(w->out.fp, "%s\n", line) > 0;
    free(line);
    return ok ? 0 : stance_fail_errno(err, w->out.path ? w->out.path : "<stdout>", 0, "cannot write");
}

static int print_json(const stance_evaluation *e)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "records", (double)e->records);
    cJSON_AddNumberToObject(o, "accuracy", e->accuracy);
    cJSON_AddNumberToObject(o, "macro_f1", e->macro_f1);
    cJSON_AddNumberToObject(o, "semeval_f1", e->semeval_f1);
    cJSON *cls = cJSON_AddObjectToObject(o, "classes");
    cJSON *cm = cJSON_AddObjectToObject(o, "confusion");
    for (size_t i = 0; i < e->k; i++) {
        cJSON *c = cJSON_AddObjectToObject(cls, e->names[i]);
        cJSON_AddNumberToObject(c, "precision", e->precision[i]);
        cJSON_AddNumberToObject(c, "recall", e->recall[i]);
        cJSON_AddNumberToObject(c, "f1", e->f1[i]);
        cJSON *row = cJSON_AddObjectToObject(cm, e->names[i]);
        for (size_t j = 0; j < e->k; j++)
            cJSON_AddNumberToObject(row, e->names[j], (double)e->confusion[i * e->k + j]);
    }
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    if (!text)
        return -1;
    printf("%s\n", text);
    free(text);
    return 0;
}

static void print_table(const stance_evaluation *e)
{
    printf("%llu records  accuracy %.4f  macro-F1 %.4f  SemEval F1 %.4f\n\n",
           (unsigned long long)e->records, e->accuracy, e->macro_f1, e->semeval_f1);
    printf("%-14s %9s %9s %9s\n", "class", "precision", "recall", "F1");
    for (size_t i = 0; i < e->k; i++)
        printf("%-14s %9.4f %9.4f %9.4f%s\n", e->names[i], e->precision[i], e->recall[i], e->f1[i],
               e->averaged[i] ? "  *" : "");
    printf("(* averaged by the SemEval measure)\n\nconfusion (rows gold, columns predicted)\n%-14s", "");
    for (size_t j = 0; j < e->k; j++)
        printf(" %12.12s", e->names[j]);
    printf("\n");
    for (size_t i = 0; i < e->k; i++) {
        printf("%-14.14s", e->names[i]);
        for (size_t j = 0; j < e->k; j++)
            printf(" %12llu", (unsigned long long)e->confusion[i * e->k + j]);
        printf("\n");
    }
}

static int evaluate(const args *a, const stance_model *m, const stance_corpus *corpus,
                    stance_error *err)
{
    predictions w = {.corpus = corpus, .model = m};
    stance_eval_options opt = {(const char *const *)a->pos, a->n_pos,
                               a->predictions ? write_prediction : NULL, &w};
    stance_evaluation e;
    if (a->predictions && stance_output_open(&w.out, a->predictions, err) != 0)
        return cli_fail(err);
    if (stance_evaluate(m, corpus, &opt, &e, err) != 0 ||
        (a->predictions && stance_output_commit(&w.out, err) != 0)) {
        stance_output_abort(&w.out);
        return cli_fail(err);
    }
    int status = STANCE_EXIT_OK;
    if (a->json ? print_json(&e) != 0 : (print_table(&e), false))
        status = cli_fail(&(stance_error){.message = "out of memory"});
    if (fflush(stdout) != 0 || ferror(stdout)) {
        stance_fail_errno(err, "<stdout>", 0, "cannot write");
        status = cli_fail(err);
    }
    stance_evaluation_free(&e);
    return status;
}

int cli_eval(int argc, char **argv)
{
    args a = {0};
    stance_corpus_options_default(&a.corpus);
    int status = cli_parse(&spec, argc, argv, handle, &a);
    if (status < 0 && !a.model)
        status = cli_usage_error(spec.name, "the model is missing (--model MODEL; builtin:stance\n"
                                            "for the built-in one)");
    if (status < 0 && optind != argc - 1)
        status = cli_usage_error(spec.name, "expected one corpus file");
    if (status >= 0) {
        cli_free_list(a.pos, a.n_pos);
        return status;
    }
    stance_error err;
    stance_error_clear(&err);
    stance_model *m = stance_model_load(a.model, &err);
    stance_corpus corpus;
    if (!m) {
        status = cli_fail(&err);
    } else {
        a.corpus.allowed_labels = stance_model_labels(m);
        a.corpus.n_allowed_labels = stance_model_n_labels(m);
        if (stance_corpus_read(argv[optind], &a.corpus, &corpus, &err) != 0) {
            status = cli_fail(&err);
        } else {
            status = evaluate(&a, m, &corpus, &err);
            stance_corpus_free(&corpus);
        }
    }
    stance_model_free(m);
    cli_free_list(a.pos, a.n_pos);
    return status;
}
