/* Reading articles: text files, JSONL, directories, stdin; one at a time. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "common/grow.h"
#include "common/io.h"
#include "common/utf8.h"

#define DEFAULT_MAX_ARTICLE ((size_t)16 << 20)

/* The inputs, expanded: directories become their files (recursively, in
 * name order); only names are held, never contents. */
struct stance_article_reader {
    char **files;
    size_t n_files, next_file, cap;
    size_t max_bytes;
    stance_line_reader lines; /* the JSONL file being read, if any */
    bool in_jsonl;
    char *pending;            /* stdin read whole when it is not JSONL */
};

void stance_article_free(stance_article *a)
{
    free(a->id);
    free(a->title);
    free(a->text);
    free(a->date);
    free(a->source);
    free(a->url);
    memset(a, 0, sizeof *a);
}

static int add_file(stance_article_reader *r, const char *path)
{
    if (stance_grow(&r->files, &r->cap, r->n_files + 1, sizeof *r->files) != 0)
        return -1;
    if (!(r->files[r->n_files] = strdup(path)))
        return -1;
    r->n_files++;
    return 0;
}

static int add_path(stance_article_reader *r, const char *path, int depth, stance_error *err)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return add_file(r, path) ? stance_fail(err, path, 0, "out of memory") : 0;
    if (stat(path, &st) != 0)
        return stance_fail_errno(err, path, 0, "cannot open");
    if (!S_ISDIR(st.st_mode))
        return add_file(r, path) ? stance_fail(err, path, 0, "out of memory") : 0;
    if (depth > 64)
        return stance_fail(err, path, 0, "directories nested too deep");
    char **names;
    size_t n;
    if (stance_list_dir(path, NULL, &names, &n, err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = add_path(r, names[i], depth + 1, err);
        free(names[i]);
    }
    free(names);
    return rc;
}

stance_article_reader *stance_article_reader_open(const char *const *paths, size_t n,
                                                  size_t max_bytes, stance_error *err)
{
    stance_article_reader *r = calloc(1, sizeof *r);
    if (!r) {
        stance_fail(err, NULL, 0, "out of memory");
        return NULL;
    }
    r->max_bytes = max_bytes ? max_bytes : DEFAULT_MAX_ARTICLE;
    for (size_t i = 0; i < n; i++)
        if (add_path(r, paths[i], 0, err) != 0) {
            stance_article_reader_close(r);
            return NULL;
        }
    return r;
}

void stance_article_reader_close(stance_article_reader *r)
{
    if (!r)
        return;
    if (r->in_jsonl)
        stance_line_reader_close(&r->lines);
    for (size_t i = 0; i < r->n_files; i++)
        free(r->files[i]);
    free(r->files);
    free(r->pending);
    free(r);
}

static bool is_jsonl_name(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".ndjson") == 0);
}

static char *optional(const cJSON *o, const char *name, int *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v)) {
        *bad = 1;
        return NULL;
    }
    return strdup(v->valuestring);
}

/* One JSONL line into an article. */
static int from_json(const char *file, long line, const char *text, size_t len, stance_article *a,
                     stance_error *err)
{
    cJSON *o = cJSON_ParseWithLength(text, len);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return stance_fail(err, file, line, "not a JSON object");
    }
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    const cJSON *body = cJSON_GetObjectItemCaseSensitive(o, "text");
    int rc = 0, bad = 0;
    if (!cJSON_IsString(id) && !cJSON_IsNumber(id))
        rc = stance_fail(err, file, line, "field 'id' is %s", id ? "not a string" : "missing");
    else if (!cJSON_IsString(body))
        rc = stance_fail(err, file, line, "field 'text' is %s", body ? "not a string" : "missing");
    if (rc == 0) {
        char idbuf[32];
        if (cJSON_IsNumber(id))
            snprintf(idbuf, sizeof idbuf, "%.0f", id->valuedouble);
        a->id = strdup(cJSON_IsString(id) ? id->valuestring : idbuf);
        a->text = strdup(body->valuestring);
        a->text_len = strlen(body->valuestring);
        a->title = optional(o, "title", &bad);
        a->date = optional(o, "date", &bad);
        a->source = optional(o, "source", &bad);
        a->url = optional(o, "url", &bad);
        if (!a->title && !bad)
            a->title = strdup("");
        if (bad)
            rc = stance_fail(err, file, line, "fields title, date, source and url must be strings");
        else if (a->date && !stance_date_valid(a->date))
            rc = stance_fail(err, file, line, "date '%s' is not ISO 8601 (YYYY-MM-DD...)", a->date);
        else if (!a->id || !a->text || !a->title)
            rc = stance_fail(err, file, line, "out of memory");
    }
    cJSON_Delete(o);
    if (rc == 0) {
        snprintf(a->file, sizeof a->file, "%s", file);
        a->line = line;
    } else {
        stance_article_free(a);
    }
    return rc;
}

/* A whole text: the first line is the title, the rest the body. */
static int from_text(const char *file, char *data, size_t len, stance_article *a,
                     stance_error *err)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3; /* byte order mark */
    while (i < len && (data[i] == '\n' || data[i] == '\r' || data[i] == ' ' || data[i] == '\t'))
        i++;
    if (i == len)
        return stance_fail(err, file, 0, "empty article");
    const char *nl = memchr(data + i, '\n', len - i);
    size_t title_end = nl ? (size_t)(nl - data) : len, body = nl ? title_end + 1 : len;
    size_t te = title_end;
    while (te > i && (data[te - 1] == '\r' || data[te - 1] == ' '))
        te--;
    a->title = strndup(data + i, te - i);
    a->text = strndup(data + body, len - body);
    a->text_len = len - body;
    a->id = strdup(file);
    if (!a->title || !a->text || !a->id) {
        stance_article_free(a);
        return stance_fail(err, file, 0, "out of memory");
    }
    snprintf(a->file, sizeof a->file, "%s", file);
    a->line = 1;
    return 0;
}

int stance_article_reader_next(stance_article_reader *r, stance_article *out, stance_error *err)
{
    memset(out, 0, sizeof *out);
    for (;;) {
        if (r->in_jsonl) {
            char *line;
            size_t len;
            int rc = stance_line_reader_next(&r->lines, &line, &len, err);
            if (rc == 1 && strspn(line, " \t") == len)
                continue;
            if (rc == 1)
                return from_json(r->lines.name, r->lines.lineno, line, len, out, err) == 0 ? 1 : -1;
            bool fatal = rc < 0 && (strstr(err->message, "binary") || strstr(err->message, "read error"));
            if (rc == 0 || fatal) {
                stance_line_reader_close(&r->lines);
                r->in_jsonl = false;
            }
            if (rc < 0)
                return -1; /* a bad line: the caller may skip it and go on */
            continue;
        }
        if (r->next_file == r->n_files)
            return 0;
        const char *path = r->files[r->next_file++];
        if (is_jsonl_name(path)) {
            if (stance_line_reader_open(&r->lines, path, r->max_bytes, err) != 0)
                return -1;
            r->in_jsonl = true;
            continue;
        }
        char *data;
        size_t len;
        if (stance_read_file(path, r->max_bytes, true, &data, &len, err) != 0)
            return -1;
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        /* stdin may be JSONL: an object on its first line says so */
        size_t lead = strspn(data, " \t\r\n");
        if (strcmp(path, "-") == 0 && data[lead] == '{') {
            FILE *mem = fmemopen(data, len, "r");
            if (!mem) {
                free(data);
                return stance_fail(err, name, 0, "out of memory");
            }
            free(r->pending);
            r->pending = data; /* fmemopen reads from it */
            stance_line_reader_attach(&r->lines, mem, name, r->max_bytes);
            r->lines.owns_fp = true;
            r->in_jsonl = true;
            continue;
        }
        int rc = from_text(name, data, len, out, err);
        free(data);
        return rc == 0 ? 1 : -1;
    }
}
