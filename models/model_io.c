/* Model files: the container (models/container.c) around a JSON payload
 *   {"model": "stance-linear", "labels": [...], "vectorizer": {...},
 *    "classifier": {"dim": D, "vectors": V, "bias": [V], "platt": [[A, B] x V],
 *                   "weights": [D x V, feature-major]},
 *    "training": {...}}
 * Loading checks every field before anything is used. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "common/io.h"
#include "features/vectorizer.h"
#include "models/container.h"
#include "models/model.h"

/* Numbers written with 17 significant digits, which read back to the same
 * double (cJSON's own printing may drop the last bit), so that a loaded
 * model predicts exactly what the trained one did. */
static cJSON *exact_number(double v)
{
    char buf[32];
    if (!isfinite(v))
        return cJSON_CreateNull(); /* refused on loading */
    snprintf(buf, sizeof buf, "%.17g", v);
    return cJSON_CreateRaw(buf);
}

static cJSON *number_array(const double *v, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++)
        cJSON_AddItemToArray(a, exact_number(v[i]));
    return a;
}

static cJSON *platt_array(const platt *p, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t j = 0; a && j < n; j++) {
        double ab[2] = {p[j].a, p[j].b};
        cJSON_AddItemToArray(a, number_array(ab, 2));
    }
    return a;
}

/* An RBF model: gamma, rho per pair, support vectors per class, and their
 * coefficients (k - 1 rows), in LIBSVM's layout. */
static void add_support_vectors(cJSON *cls, const struct svm_model *svm, size_t k)
{
    cJSON_AddItemToObject(cls, "gamma", exact_number(svm->param.gamma));
    cJSON_AddItemToObject(cls, "rho", number_array(svm->rho, k * (k - 1) / 2));
    cJSON *nsv = cJSON_AddArrayToObject(cls, "nSV");
    for (size_t c = 0; c < k; c++)
        cJSON_AddItemToArray(nsv, cJSON_CreateNumber(svm->nSV[c]));
    cJSON *coef = cJSON_AddArrayToObject(cls, "sv_coef");
    for (size_t r = 0; r + 1 < k; r++)
        cJSON_AddItemToArray(coef, number_array(svm->sv_coef[r], (size_t)svm->l));
    cJSON *sv = cJSON_AddArrayToObject(cls, "SV");
    for (int s = 0; s < svm->l; s++) {
        cJSON *row = cJSON_CreateArray();
        for (const struct svm_node *n = svm->SV[s]; n->index != -1; n++) {
            cJSON_AddItemToArray(row, cJSON_CreateNumber(n->index));
            cJSON_AddItemToArray(row, exact_number(n->value));
        }
        cJSON_AddItemToArray(sv, row);
    }
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
    if (m->kind == CLASSIFIER_OVR) {
        cJSON_AddStringToObject(cls, "type", "ovr-linear");
        cJSON_AddNumberToObject(cls, "dim", (double)m->lin.dim);
        cJSON_AddNumberToObject(cls, "vectors", (double)m->lin.n_vec);
        cJSON_AddItemToObject(cls, "bias", number_array(m->lin.b, m->lin.n_vec));
        cJSON_AddItemToObject(cls, "platt", platt_array(m->lin.platt, m->lin.n_vec));
        cJSON_AddItemToObject(cls, "weights", number_array(m->lin.w, m->lin.dim * m->lin.n_vec));
    } else {
        size_t pairs = m->n_labels * (m->n_labels - 1) / 2;
        cJSON_AddNumberToObject(cls, "dim", (double)stance_vectorizer_dim(m->vec));
        cJSON_AddItemToObject(cls, "platt", platt_array(m->pair_platt, pairs));
        if (m->kind == CLASSIFIER_OVO_LINEAR) {
            cJSON_AddStringToObject(cls, "type", "ovo-linear");
            cJSON_AddItemToObject(cls, "bias", number_array(m->ovo.b, pairs));
            cJSON_AddItemToObject(cls, "weights", number_array(m->ovo.w, m->ovo.dim * pairs));
        } else {
            cJSON_AddStringToObject(cls, "type", "ovo-rbf");
            add_support_vectors(cls, m->svm, m->n_labels);
        }
    }
    cJSON *meta = cJSON_Parse(stance_model_metadata(m));
    cJSON_AddItemToObject(root, "training", meta ? meta : cJSON_CreateObject());
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return stance_fail(err, path, 0, "out of memory");
    int rc = stance_model_container_write(path, text, strlen(text), err);
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

/* n (a, b) pairs. */
static int read_platt(const cJSON *a, size_t n, platt *out)
{
    if (!cJSON_IsArray(a) || (size_t)cJSON_GetArraySize(a) != n)
        return -1;
    size_t j = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, a) {
        double ab[2];
        if (read_numbers(p, 2, ab) != 0)
            return -1;
        out[j++] = (platt){ab[0], ab[1]};
    }
    return 0;
}

static int read_ovr(const cJSON *cls, stance_model *m, const char *name, stance_error *err)
{
    size_t k = m->n_labels, want = k == 2 ? 1 : k;
    const cJSON *vectors = cJSON_GetObjectItemCaseSensitive(cls, "vectors");
    if (!cJSON_IsNumber(vectors) || vectors->valuedouble != (double)want)
        return stance_fail(err, name, 0, "classifier does not fit the labels");
    m->kind = CLASSIFIER_OVR;
    m->lin.dim = stance_vectorizer_dim(m->vec);
    m->lin.n_vec = want;
    if (m->lin.dim > ((size_t)1 << 31) / want)
        return stance_fail(err, name, 0, "classifier is too large");
    m->lin.w = malloc((m->lin.dim ? m->lin.dim : 1) * want * sizeof *m->lin.w);
    m->lin.b = malloc(want * sizeof *m->lin.b);
    m->lin.platt = malloc(want * sizeof *m->lin.platt);
    if (!m->lin.w || !m->lin.b || !m->lin.platt)
        return stance_fail(err, name, 0, "out of memory");
    if (read_numbers(cJSON_GetObjectItemCaseSensitive(cls, "weights"), m->lin.dim * want, m->lin.w) ||
        read_numbers(cJSON_GetObjectItemCaseSensitive(cls, "bias"), want, m->lin.b) ||
        read_platt(cJSON_GetObjectItemCaseSensitive(cls, "platt"), want, m->lin.platt))
        return stance_fail(err, name, 0, "classifier weights, bias or calibration are malformed");
    return 0;
}

/* An RBF model's support vectors, checked: indices increasing within
 * 1..dim, values finite, counts consistent. Built as LIBSVM would load it. */
static int read_svm(const cJSON *cls, stance_model *m, const char *name, stance_error *err)
{
    size_t k = m->n_labels, pairs = k * (k - 1) / 2, dim = stance_vectorizer_dim(m->vec);
    const cJSON *gamma = cJSON_GetObjectItemCaseSensitive(cls, "gamma");
    const cJSON *nsv = cJSON_GetObjectItemCaseSensitive(cls, "nSV");
    const cJSON *coef = cJSON_GetObjectItemCaseSensitive(cls, "sv_coef");
    const cJSON *sv = cJSON_GetObjectItemCaseSensitive(cls, "SV");
    if (!cJSON_IsNumber(gamma) || !(gamma->valuedouble > 0 && isfinite(gamma->valuedouble)) ||
        !cJSON_IsArray(nsv) || (size_t)cJSON_GetArraySize(nsv) != k || !cJSON_IsArray(sv) ||
        !cJSON_IsArray(coef) || (size_t)cJSON_GetArraySize(coef) != k - 1)
        return stance_fail(err, name, 0, "support vector model is malformed");
    size_t l = (size_t)cJSON_GetArraySize(sv);
    struct svm_model *s = calloc(1, sizeof *s);
    if (!s)
        return stance_fail(err, name, 0, "out of memory");
    m->svm = s;
    s->param.svm_type = C_SVC;
    s->param.kernel_type = RBF;
    s->param.gamma = gamma->valuedouble;
    s->nr_class = (int)k;
    s->l = (int)l;
    s->free_sv = 1;
    s->rho = malloc(pairs * sizeof *s->rho);
    s->label = malloc(k * sizeof *s->label);
    s->nSV = malloc(k * sizeof *s->nSV);
    s->sv_coef = calloc(k - 1, sizeof *s->sv_coef);
    s->SV = calloc(l ? l : 1, sizeof *s->SV);
    if (!s->rho || !s->label || !s->nSV || !s->sv_coef || !s->SV)
        return stance_fail(err, name, 0, "out of memory");
    if (read_numbers(cJSON_GetObjectItemCaseSensitive(cls, "rho"), pairs, s->rho) != 0)
        return stance_fail(err, name, 0, "support vector model has a malformed rho");
    size_t c = 0, total = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, nsv) {
        if (!cJSON_IsNumber(e) || e->valuedouble < 0 || e->valuedouble > (double)l ||
            e->valuedouble != floor(e->valuedouble))
            return stance_fail(err, name, 0, "support vector counts are malformed");
        s->label[c] = (int)c;
        s->nSV[c++] = (int)e->valuedouble;
        total += (size_t)e->valuedouble;
    }
    if (total != l)
        return stance_fail(err, name, 0, "support vector counts do not add up");
    size_t r = 0;
    cJSON_ArrayForEach(e, coef) {
        if (!(s->sv_coef[r] = malloc((l ? l : 1) * sizeof **s->sv_coef)) ||
            read_numbers(e, l, s->sv_coef[r]) != 0)
            return stance_fail(err, name, 0, "support vector coefficients are malformed");
        r++;
    }
    /* all vectors in one block, as LIBSVM's free_sv convention wants */
    size_t nodes = 0;
    cJSON_ArrayForEach(e, sv) {
        if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) % 2 != 0)
            return stance_fail(err, name, 0, "support vectors are malformed");
        nodes += (size_t)cJSON_GetArraySize(e) / 2 + 1;
    }
    struct svm_node *block = malloc((nodes ? nodes : 1) * sizeof *block), *at = block;
    if (!block)
        return stance_fail(err, name, 0, "out of memory");
    if (l == 0)
        free(block);
    size_t i = 0;
    cJSON_ArrayForEach(e, sv) {
        s->SV[i++] = at;
        int last = 0;
        for (const cJSON *x = e->child; x; x = x->next->next) {
            const cJSON *v = x->next;
            if (!cJSON_IsNumber(x) || !cJSON_IsNumber(v) || x->valuedouble <= last ||
                x->valuedouble > (double)dim || x->valuedouble != floor(x->valuedouble) ||
                !isfinite(v->valuedouble)) {
                *at = (struct svm_node){-1, 0};
                return stance_fail(err, name, 0, "support vector %zu is malformed", i);
            }
            last = (int)x->valuedouble;
            *at++ = (struct svm_node){last, v->valuedouble};
        }
        *at++ = (struct svm_node){-1, 0};
    }
    return 0;
}

static int read_ovo(const cJSON *cls, stance_model *m, bool rbf, const char *name, stance_error *err)
{
    size_t k = m->n_labels, pairs = k * (k - 1) / 2;
    m->ovo_classes = malloc(k * sizeof *m->ovo_classes);
    m->pair_platt = malloc(pairs * sizeof *m->pair_platt);
    if (!m->ovo_classes || !m->pair_platt)
        return stance_fail(err, name, 0, "out of memory");
    for (size_t c = 0; c < k; c++)
        m->ovo_classes[c] = (int)c;
    if (read_platt(cJSON_GetObjectItemCaseSensitive(cls, "platt"), pairs, m->pair_platt) != 0)
        return stance_fail(err, name, 0, "pairwise calibration is malformed");
    m->ovo.k = k;
    m->ovo.dim = stance_vectorizer_dim(m->vec);
    if (rbf) {
        m->kind = CLASSIFIER_OVO_KERNEL;
        return read_svm(cls, m, name, err);
    }
    m->kind = CLASSIFIER_OVO_LINEAR;
    m->ovo.n_pairs = pairs;
    if (m->ovo.dim > ((size_t)1 << 31) / pairs)
        return stance_fail(err, name, 0, "classifier is too large");
    m->ovo.w = malloc((m->ovo.dim ? m->ovo.dim : 1) * pairs * sizeof *m->ovo.w);
    m->ovo.b = malloc(pairs * sizeof *m->ovo.b);
    m->ovo.labels = malloc(k * sizeof *m->ovo.labels);
    if (!m->ovo.w || !m->ovo.b || !m->ovo.labels)
        return stance_fail(err, name, 0, "out of memory");
    for (size_t c = 0; c < k; c++)
        m->ovo.labels[c] = (int)c;
    if (read_numbers(cJSON_GetObjectItemCaseSensitive(cls, "weights"), m->ovo.dim * pairs, m->ovo.w) ||
        read_numbers(cJSON_GetObjectItemCaseSensitive(cls, "bias"), pairs, m->ovo.b))
        return stance_fail(err, name, 0, "classifier weights or bias are malformed");
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
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(cls, "type");
    const cJSON *dim = cJSON_GetObjectItemCaseSensitive(cls, "dim");
    if (!cJSON_IsString(type) || !cJSON_IsNumber(dim) ||
        dim->valuedouble != (double)stance_vectorizer_dim(m->vec)) {
        stance_fail(err, name, 0, "classifier is missing or does not fit the vectorizer");
        goto fail;
    }
    int rc;
    if (strcmp(type->valuestring, "ovr-linear") == 0)
        rc = read_ovr(cls, m, name, err);
    else if (strcmp(type->valuestring, "ovo-linear") == 0 || strcmp(type->valuestring, "ovo-rbf") == 0)
        rc = read_ovo(cls, m, strcmp(type->valuestring, "ovo-rbf") == 0, name, err);
    else
        rc = stance_fail(err, name, 0, "unknown classifier type '%s'", type->valuestring);
    if (rc != 0)
        goto fail;
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
    if (stance_model_container_check(name, (const char *)data, len, &payload, &plen, err) != 0)
        return NULL;
    return from_payload(name, payload, plen, err);
}

stance_model *stance_model_load(const char *path, stance_error *err)
{
    if (strncmp(path, "builtin:", 8) == 0) {
        /* a model built into the program: builtin:stance, builtin:sentiment */
        char name[256];
        snprintf(name, sizeof name, "%s.model", path + 8);
        const stance_builtin_file *f = stance_builtin_find(name);
        if (!f) {
            stance_fail(err, path, 0, "this program has no built-in model of that name");
            return NULL;
        }
        return stance_model_load_buffer(path, f->data, f->size, err);
    }
    char *data;
    size_t len;
    if (stance_read_file(path, MODEL_MAX_BYTES, false, &data, &len, err) != 0)
        return NULL;
    stance_model *m = stance_model_load_buffer(path, (const unsigned char *)data, len, err);
    free(data);
    return m;
}
