/* One statement as a line of JSON: the extraction fields, then, for scored
 * statements, the stance with its class probabilities, the terms behind it
 * and the sentiment (schema: pipeline/schemas/scored-statement.schema.json). */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pipeline/score/score.h"

static cJSON *string_or_null(const char *s, size_t n)
{
    if (!s)
        return cJSON_CreateNull();
    char *copy = strndup(s, n);
    if (!copy)
        return NULL;
    cJSON *j = cJSON_CreateString(copy);
    free(copy);
    return j;
}

static bool put(cJSON *obj, const char *key, cJSON *value)
{
    if (value && cJSON_AddItemToObject(obj, key, value))
        return true;
    cJSON_Delete(value);
    return false;
}

static cJSON *text_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *code_or_null(const char *code)
{
    return code[0] ? cJSON_CreateString(code) : cJSON_CreateNull();
}

static cJSON *extraction(const stance_article *a, const stance_statement *s)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o &&
        put(o, "article_id", cJSON_CreateString(a->id ? a->id : "")) &&
        put(o, "date", text_or_null(a->date)) &&
        put(o, "source", text_or_null(a->source)) &&
        put(o, "url", text_or_null(a->url)) &&
        put(o, "sentence", cJSON_CreateNumber((double)s->sentence)) &&
        put(o, "start", cJSON_CreateNumber((double)s->start)) &&
        put(o, "end", cJSON_CreateNumber((double)s->end)) &&
        put(o, "char_start", cJSON_CreateNumber((double)s->char_start)) &&
        put(o, "char_end", cJSON_CreateNumber((double)s->char_end)) &&
        put(o, "speaker", cJSON_CreateString(s->speaker)) &&
        put(o, "actor", text_or_null(s->actor)) &&
        put(o, "country", code_or_null(s->country)) &&
        put(o, "target", code_or_null(s->target)) &&
        put(o, "kind", cJSON_CreateString(stance_statement_kind_name(s->kind))) &&
        put(o, "verb", cJSON_CreateString(s->verb)) &&
        put(o, "content", string_or_null(a->text + s->start, s->end - s->start)) &&
        put(o, "text", string_or_null(a->text + s->text_start, s->text_end - s->text_start));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* {"label": ..., "p": {label: probability, ...}}; probabilities as floats,
 * which is all the precision they have */
static cJSON *prediction(const stance_prediction *p)
{
    cJSON *o = cJSON_CreateObject(), *probs = cJSON_CreateObject();
    if (!o || !probs || !put(o, "label", cJSON_CreateString(p->names[p->label])) ||
        !cJSON_AddItemToObject(o, "p", probs)) {
        cJSON_Delete(o);
        cJSON_Delete(probs);
        return NULL;
    }
    for (size_t i = 0; i < p->n; i++)
        if (!cJSON_AddNumberToObject(probs, p->names[i], (double)(float)p->p[i]))
            return cJSON_Delete(o), NULL;
    return o;
}

static cJSON *terms(const stance_scored *sc)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < sc->n_terms; i++) {
        cJSON *t = cJSON_CreateObject();
        if (!put(t, "term", cJSON_CreateString(sc->terms[i].name)) ||
            !put(t, "weight", cJSON_CreateNumber((double)(float)sc->terms[i].weight)) ||
            !cJSON_AddItemToArray(a, t)) {
            cJSON_Delete(t);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

int stance_statement_json_write(stance_buf *out, const stance_article *a, const stance_statement *st,
                         const stance_scored *sc)
{
    cJSON *o = extraction(a, st);
    bool ok = o != NULL;
    if (ok && sc) {
        ok = put(o, "stance", prediction(&sc->stance)) && put(o, "terms", terms(sc));
        if (ok && sc->sentiment.label >= 0)
            ok = put(o, "sentiment", prediction(&sc->sentiment));
    }
    char *line = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    ok = line && stance_buf_puts(out, line) == 0 && stance_buf_putc(out, '\n') == 0;
    free(line);
    return ok ? 0 : -1;
}
