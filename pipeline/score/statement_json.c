/* One statement as a JSON object (cJSON). */
#include "pipeline/score/statement_json.h"

#include <stdlib.h>
#include <string.h>

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
    return value && cJSON_AddItemToObject(obj, key, value);
}

cJSON *statement_json(const stance_article *a, const stance_statement *s)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o &&
        put(o, "article_id", cJSON_CreateString(a->id ? a->id : "")) &&
        put(o, "date", a->date ? cJSON_CreateString(a->date) : cJSON_CreateNull()) &&
        put(o, "source", a->source ? cJSON_CreateString(a->source) : cJSON_CreateNull()) &&
        put(o, "url", a->url ? cJSON_CreateString(a->url) : cJSON_CreateNull()) &&
        put(o, "sentence", cJSON_CreateNumber((double)s->sentence)) &&
        put(o, "start", cJSON_CreateNumber((double)s->start)) &&
        put(o, "end", cJSON_CreateNumber((double)s->end)) &&
        put(o, "char_start", cJSON_CreateNumber((double)s->char_start)) &&
        put(o, "char_end", cJSON_CreateNumber((double)s->char_end)) &&
        put(o, "speaker", cJSON_CreateString(s->speaker)) &&
        put(o, "actor", s->actor ? cJSON_CreateString(s->actor) : cJSON_CreateNull()) &&
        put(o, "country", s->country[0] ? cJSON_CreateString(s->country) : cJSON_CreateNull()) &&
        put(o, "target", s->target[0] ? cJSON_CreateString(s->target) : cJSON_CreateNull()) &&
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

int statement_json_append(cJSON *obj, char **buf, size_t *len, size_t *cap)
{
    char *line = cJSON_PrintUnformatted(obj);
    if (!line)
        return -1;
    size_t n = strlen(line);
    if (*len + n + 2 > *cap) {
        size_t c = *cap ? *cap : 4096;
        while (c < *len + n + 2)
            c *= 2;
        char *p = realloc(*buf, c);
        if (!p) {
            free(line);
            return -1;
        }
        *buf = p;
        *cap = c;
    }
    memcpy(*buf + *len, line, n);
    (*buf)[*len + n] = '\n';
    *len += n + 1;
    (*buf)[*len] = '\0';
    free(line);
    return 0;
}
