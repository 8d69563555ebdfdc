/* Model files: the container (models/container.c) around a JSON payload
 *   {"model": "stance-linear", "labels": [...], "vectorizer": {...},
 *    "classifier": {"dim": D, "vectors": V, "bias": [V], "platt": [[A, B] x V],
 *                   "weights": [D x V, feature-major]},
 *    "training": {...}}
 * Loading checks every field before anything is used. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "common/error.h"
#include "common/io.h"
#include "features/vectorizer.h"
#include "models/container.h"
#include "models/model.h"

static cJSON *number_array(const double *v, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateNumber(v[i]));
    return a;
}

int stance_model_save(const stance_model *m, const char *path, stance_error *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "model", "stance-linear");
    cJSON *labels = cJSON_AddArrayToObject(root, "labels");
    for (size_t i = 0; i < m->n_labels; i++)
        cJSON_AddItemToArray(labels, cJSON_CreateString(m->labels[i]));
    cJSON_AddItemToObject(root, "vectorizer", stance_vectorizer_to_json(m->vec));
    cJSON *cls = cJSON_AddObjectToObject(root, "classifier");
    cJSON_AddNumberToObject(cls, "dim", (double)m->lin.dim);
    cJSON_AddNumberToObject(cls, "vectors", (double)m->lin.n_vec);
    cJSON_AddItemToObject(cls, "bias", number_array(m->lin.b, m->lin.n_vec));
    cJSON *pl = cJSON_AddArrayToObject(cls, "platt");
    for (size_t j = 0; j < m->lin.n_vec; j++) {
        double ab[2] = {m->lin.platt[j].a, m->lin.platt[j].b};
        cJSON_AddItemToArray(pl, number_array(ab, 2));
    }
    cJSON_AddItemToObject(cls, "weights", number_array(m->lin.w, m->lin.dim * m->lin.n_vec));
    cJSON *meta = cJSON_Parse(stance_model_metadata(m));
    cJSON_AddItemToObject(root, "training", meta ? meta : cJSON_CreateObject());
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return stance_fail(err, path, 0, "out of memory");
    int rc = model_container_write(path, text, strlen(text), err);
    free(text);
    return rc;
}

/* n finite numbers from a JSON array of exactly that length. */
static int read_numbers(const cJSON *a, size_t n, double *out)
{
    if (!cJSON_IsArray(a) || (size_t)cJSON_GetArraySize(a) != n)
        return -1;
    size_t i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, a) {
        if (!cJSON_IsNumber(e) || !isfinite(e->valuedouble))
            return -1;
        out[i++] = e->valuedouble;
    }
    return 0;
}

static stance_model *from_payload(const char *name, const char *payload, size_t len,
                                  stance_error *err)
{
    cJSON *root = cJSON_ParseWithLength(payload, len);
    stance_model *m = calloc(1, sizeof *m);
    if (!root || !m) {
        stance_fail(err, name, 0, root ? "out of memory" : "model payload is not valid JSON");
        goto fail;
    }
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(root, "model");
    if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "stance-linear") != 0) {
        stance_fail(err, name, 0, "unknown kind of model");
        goto fail;
    }
    const cJSON *labels = cJSON_GetObjectItemCaseSensitive(root, "labels"), *l;
    int k = cJSON_GetArraySize(labels);
    if (!cJSON_IsArray(labels) || k < 2 || k > 1000) {
        stance_fail(err, name, 0, "model needs 2 to 1000 labels");
        goto fail;
    }
    m->labels = calloc((size_t)k, sizeof *m->labels);
    if (!m->labels) {
        stance_fail(err, name, 0, "out of memory");
        goto fail;
    }
    cJSON_ArrayForEach(l, labels) {
        if (!cJSON_IsString(l) || !l->valuestring[0] || stance_model_label_index(m, l->valuestring) >= 0) {
            stance_fail(err, name, 0, "model labels must be distinct, non-empty strings");
            goto fail;
        }
        m->labels[m->n_labels++] = strdup(l->valuestring);
    }
    if (!(m->vec = stance_vectorizer_from_json(cJSON_GetObjectItemCaseSensitive(root, "vectorizer"), name, err)))
        goto fail;
    const cJSON *cls = cJSON_GetObjectItemCaseSensitive(root, "classifier");
    const cJSON *dim = cJSON_GetObjectItemCaseSensitive(cls, "dim");
    const cJSON *vectors = cJSON_GetObjectItemCaseSensitive(cls, "vectors");
    size_t want_vec = k == 2 ? 1 : (size_t)k;
    if (!cJSON_IsNumber(dim) || dim->valuedouble != (double)stance_vectorizer_dim(m->vec) ||
        !cJSON_IsNumber(vectors) || vectors->valuedouble != (double)want_vec) {
        stance_fail(err, name, 0, "classifier does not fit the vectorizer or the labels");
        goto fail;
    }
    m->lin.dim = stance_vectorizer_dim(m->vec);
    m->lin.n_vec = want_vec;
    if (m->lin.dim > ((size_t)1 << 31) / want_vec) {
        stance_fail(err, name, 0, "classifier is too large");
        goto fail;
    }
    m->lin.w = malloc(m->lin.dim * want_vec * sizeof *m->lin.w);
    m->lin.b = malloc(want_vec * sizeof *m->lin.b);
    m->lin.platt = malloc(want_vec * sizeof *m->lin.platt);
    if (!m->lin.w || !m->lin.b || !m->lin.platt) {
        stance_fail(err, name, 0, "out of memory");
        goto fail;
    }
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(cls, "platt"), *p;
    if (read_numbers(cJSON_GetObjectItemCaseSensitive(cls, "weights"), m->lin.dim * want_vec, m->lin.w) ||
        read_numbers(cJSON_GetObjectItemCaseSensitive(cls, "bias"), want_vec, m->lin.b) ||
        !cJSON_IsArray(pl) || (size_t)cJSON_GetArraySize(pl) != want_vec) {
        stance_fail(err, name, 0, "classifier weights, bias or calibration are malformed");
        goto fail;
    }
    size_t j = 0;
    cJSON_ArrayForEach(p, pl) {
        double ab[2];
        if (read_numbers(p, 2, ab) != 0) {
            stance_fail(err, name, 0, "classifier calibration is malformed");
            goto fail;
        }
        m->lin.platt[j++] = (platt){ab[0], ab[1]};
    }
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(root, "training");
    m->metadata = cJSON_IsObject(meta) ? cJSON_PrintUnformatted(meta) : strdup("{}");
    cJSON_Delete(root);
    return m;
fail:
    cJSON_Delete(root);
    stance_model_free(m);
    return NULL;
}

stance_model *stance_model_load_buffer(const char *name, const unsigned char *data, size_t len,
                                       stance_error *err)
{
    const char *payload;
    size_t plen;
    if (model_container_check(name, (const char *)data, len, &payload, &plen, err) != 0)
        return NULL;
    return from_payload(name, payload, plen, err);
}

stance_model *stance_model_load(const char *path, stance_error *err)
{
    char *data;
    size_t len;
    if (stance_read_file(path, MODEL_MAX_BYTES, false, &data, &len, err) != 0)
        return NULL;
    stance_model *m = stance_model_load_buffer(path, (const unsigned char *)data, len, err);
    free(data);
    return m;
}
