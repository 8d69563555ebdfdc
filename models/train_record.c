/* After the final fit: probability calibration on the cross-validated
 * decision values, and the training record kept in the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "models/container.h"
#include "models/train_internal.h"

int stance_train_calibrate(const train_set *s, const train_plan *p, const double *best_dec,
                           stance_model *m)
{
    const stance_corpus *c = s->corpus;
    double *fv = malloc(s->n * sizeof *fv);
    bool *pos = malloc(s->n * sizeof *pos);
    if (!fv || !pos) {
        free(fv);
        free(pos);
        return -1;
    }
    if (p->use_svm) { /* each pair's sigmoid from the records of its two classes */
        size_t pair = 0;
        for (size_t a = 0; a < s->k; a++)
            for (size_t b = a + 1; b < s->k; b++, pair++) {
                size_t n = 0;
                for (size_t i = 0; i < s->n; i++)
                    if ((size_t)c->labels[i] == a || (size_t)c->labels[i] == b) {
                        fv[n] = best_dec[i * p->n_dec + pair];
                        pos[n++] = (size_t)c->labels[i] == a;
                    }
                m->pair_platt[pair] = stance_platt_fit(fv, pos, n);
            }
    } else { /* each one-vs-rest vector's sigmoid from all records */
        for (size_t j = 0; j < p->n_dec; j++) {
            for (size_t i = 0; i < s->n; i++) {
                fv[i] = best_dec[i * p->n_dec + j];
                pos[i] = (size_t)c->labels[i] == j;
            }
            m->lin.platt[j] = stance_platt_fit(fv, pos, s->n);
        }
    }
    free(fv);
    free(pos);
    return 0;
}

static uint32_t corpus_checksum(const stance_corpus *c)
{
    uint32_t crc = 0;
    for (size_t i = 0; i < c->n; i++) {
        crc ^= stance_crc32_of(c->texts[i], c->text_lens[i]) + 0x9e3779b9u * (uint32_t)i;
        crc = (crc << 5 | crc >> 27) ^ (uint32_t)c->labels[i];
    }
    return crc;
}

/* --date, else SOURCE_DATE_EPOCH, else now. */
static void training_date(const stance_train_options *opt, char *buf, size_t cap)
{
    if (opt->date) {
        snprintf(buf, cap, "%s", opt->date);
        return;
    }
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t = epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *solver_name(const train_plan *p)
{
    if (!p->use_svm)
        return "liblinear L2R_L2LOSS_SVC_DUAL, one-vs-rest";
    return p->opt.kernel == STANCE_KERNEL_RBF ? "libsvm C-SVC, RBF kernel, one-vs-one"
                                             : "libsvm C-SVC, linear kernel, one-vs-one, collapsed";
}

char *stance_train_record(const train_set *s, const train_plan *p, const double *scores,
                          size_t best)
{
    const stance_corpus *c = s->corpus;
    bool rbf = p->use_svm && p->opt.kernel == STANCE_KERNEL_RBF;
    cJSON *meta = cJSON_CreateObject();
    cJSON_AddNumberToObject(meta, "records", (double)c->n);
    char text[256];
    snprintf(text, sizeof text, "%08x", corpus_checksum(c));
    cJSON_AddStringToObject(meta, "corpus_checksum", text);
    cJSON *counts = cJSON_AddObjectToObject(meta, "class_counts");
    for (size_t j = 0; j < s->k; j++)
        cJSON_AddNumberToObject(counts, c->label_names[j], (double)s->per_class[j]);
    cJSON_AddStringToObject(meta, "solver", solver_name(p));
    cJSON_AddStringToObject(meta, "class_weight",
                            p->opt.class_weight == STANCE_CLASS_WEIGHT_BALANCED ? "balanced" : "none");
    cJSON_AddNumberToObject(meta, "folds", (double)p->opt.folds);
    cJSON_AddNumberToObject(meta, "seed", (double)p->opt.seed);
    cJSON *grid = cJSON_AddArrayToObject(meta, "cross_validation");
    for (size_t g = 0; g < p->n_grid; g++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "C", stance_train_grid_c(p, g));
        if (rbf)
            cJSON_AddNumberToObject(e, "gamma", stance_train_grid_gamma(p, g));
        cJSON_AddNumberToObject(e, "macro_f1", scores[g]);
        cJSON_AddItemToArray(grid, e);
    }
    cJSON_AddNumberToObject(meta, "C", stance_train_grid_c(p, best));
    if (rbf)
        cJSON_AddNumberToObject(meta, "gamma", stance_train_grid_gamma(p, best));
    training_date(&p->opt, text, sizeof text);
    cJSON_AddStringToObject(meta, "date", text);
    cJSON_AddStringToObject(meta, "stance_version", stance_version());
    char *json = meta ? cJSON_PrintUnformatted(meta) : NULL;
    cJSON_Delete(meta);
    return json;
}
