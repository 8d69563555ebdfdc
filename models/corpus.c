/* Labeled corpora: JSONL, CSV/TSV with a header, or a text file paired with a
 * labels file. Every record carries its line so later errors can name it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "common/grow.h"
#include "common/io.h"

typedef struct corpus_builder {
    stance_corpus *c;
    size_t texts_cap, lens_cap, ids_cap, labels_cap, lines_cap, names_cap;
    const stance_corpus_options *opt;
} corpus_builder;

void stance_corpus_options_default(stance_corpus_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->format = "auto";
    opt->text_field = "text";
    opt->label_field = "label";
    opt->id_field = "id";
}

void stance_corpus_free(stance_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->texts[i]);
        free(c->ids[i]);
    }
    for (size_t i = 0; i < c->n_labels; i++)
        free(c->label_names[i]);
    free(c->texts);
    free(c->text_lens);
    free(c->ids);
    free(c->labels);
    free(c->lines);
    free(c->label_names);
    free(c->path);
    memset(c, 0, sizeof *c);
}

static int label_index(corpus_builder *b, const char *name, long line, stance_error *err)
{
    stance_corpus *c = b->c;
    for (size_t i = 0; i < c->n_labels; i++)
        if (strcmp(c->label_names[i], name) == 0)
            return (int)i;
    if (b->opt->allowed_labels) /* the allowed set was installed up front */
        return stance_fail(err, c->path, line, "unknown label '%s'", name);
    if (!*name)
        return stance_fail(err, c->path, line, "empty label");
    if (stance_grow(&c->label_names, &b->names_cap, c->n_labels + 1, sizeof *c->label_names) != 0)
        return stance_fail(err, c->path, line, "out of memory");
    if (!(c->label_names[c->n_labels] = strdup(name)))
        return stance_fail(err, c->path, line, "out of memory");
    return (int)c->n_labels++;
}

static int add_record(corpus_builder *b, const char *text, size_t len, const char *label,
                      const char *id, long line, stance_error *err)
{
    stance_corpus *c = b->c;
    if (len == 0)
        return stance_fail(err, c->path, line, "empty text");
    int li = label_index(b, label, line, err);
    if (li < 0)
        return -1;
    size_t need = c->n + 1;
    if (stance_grow(&c->texts, &b->texts_cap, need, sizeof *c->texts) != 0 ||
        stance_grow(&c->text_lens, &b->lens_cap, need, sizeof *c->text_lens) != 0 ||
        stance_grow(&c->ids, &b->ids_cap, need, sizeof *c->ids) != 0 ||
        stance_grow(&c->labels, &b->labels_cap, need, sizeof *c->labels) != 0 ||
        stance_grow(&c->lines, &b->lines_cap, need, sizeof *c->lines) != 0)
        return stance_fail(err, c->path, line, "out of memory");
    char *copy = malloc(len + 1);
    char *id_copy = id ? strdup(id) : NULL;
    if (!copy || (id && !id_copy)) {
        free(copy);
        free(id_copy);
        return stance_fail(err, c->path, line, "out of memory");
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    c->texts[c->n] = copy;
    c->text_lens[c->n] = len;
    c->ids[c->n] = id_copy;
    c->labels[c->n] = li;
    c->lines[c->n] = line;
    c->n++;
    return 0;
}

/* ---- label map: "ID NAME" lines (tab or spaces) ------------------------ */

typedef struct label_map {
    char **ids, **names;
    size_t n, ids_cap, names_cap;
} label_map;

static void label_map_free(label_map *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->ids[i]);
        free(m->names[i]);
    }
    free(m->ids);
    free(m->names);
    memset(m, 0, sizeof *m);
}

static int label_map_read(const char *path, label_map *m, stance_error *err)
{
    memset(m, 0, sizeof *m);
    stance_line_reader r;
    if (stance_line_reader_open(&r, path, 0, err) != 0)
        return -1;
    char *line;
    size_t len;
    int rc;
    while ((rc = stance_line_reader_next(&r, &line, &len, err)) == 1) {
        size_t k = strcspn(line, " \t");
        if (len == 0)
            continue;
        size_t v = k + strspn(line + k, " \t");
        if (k == 0 || v >= len) {
            rc = stance_fail(err, r.name, r.lineno, "expected 'ID NAME'");
            break;
        }
        if (stance_grow(&m->ids, &m->ids_cap, m->n + 1, sizeof *m->ids) != 0 ||
            stance_grow(&m->names, &m->names_cap, m->n + 1, sizeof *m->names) != 0) {
            rc = stance_fail(err, r.name, r.lineno, "out of memory");
            break;
        }
        m->ids[m->n] = strndup(line, k);
        m->names[m->n] = strdup(line + v);
        m->n++;
    }
    stance_line_reader_close(&r);
    if (rc < 0) {
        label_map_free(m);
        return -1;
    }
    return 0;
}

static const char *label_map_lookup(const label_map *m, const char *id)
{
    if (m->n == 0)
        return id;
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->ids[i], id) == 0)
            return m->names[i];
    return NULL;
}

/* ---- JSONL ---------------------------------------------------------- */

/* A label or id may be a string or a number in the data; both become text. */
static const char *scalar_text(const cJSON *item, char *buf, size_t size)
{
    if (cJSON_IsString(item))
        return item->valuestring;
    if (cJSON_IsNumber(item)) {
        double v = item->valuedouble;
        if (v == (double)(long long)v)
            snprintf(buf, size, "%lld", (long long)v);
        else
            snprintf(buf, size, "%.17g", v);
        return buf;
    }
    return NULL;
}

static int read_jsonl(corpus_builder *b, stance_line_reader *r, const label_map *map,
                      stance_error *err)
{
    const stance_corpus_options *o = b->opt;
    char *line;
    size_t len;
    int rc;
    while ((rc = stance_line_reader_next(r, &line, &len, err)) == 1) {
        if (len == 0 || strspn(line, " \t") == len)
            continue;
        cJSON *obj = cJSON_ParseWithLength(line, len);
        if (!obj || !cJSON_IsObject(obj)) {
            cJSON_Delete(obj);
            return stance_fail(err, r->name, r->lineno, "not a JSON object");
        }
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(obj, o->text_field);
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(obj, o->label_field);
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, o->id_field);
        char lbuf[64], ibuf[64];
        const char *label_s = label ? scalar_text(label, lbuf, sizeof lbuf) : NULL;
        const char *id_s = id ? scalar_text(id, ibuf, sizeof ibuf) : NULL;
        if (!cJSON_IsString(text))
            rc = stance_fail(err, r->name, r->lineno, "field '%s' is %s", o->text_field,
                             text ? "not a string" : "missing");
        else if (!label_s)
            rc = stance_fail(err, r->name, r->lineno, "field '%s' is %s", o->label_field,
                             label ? "not a string or number" : "missing");
        else {
            const char *name = label_map_lookup(map, label_s);
            if (!name)
                rc = stance_fail(err, r->name, r->lineno, "label '%s' is not in the label map",
                                 label_s);
            else
                rc = add_record(b, text->valuestring, strlen(text->valuestring), name, id_s,
                                r->lineno, err);
        }
        cJSON_Delete(obj);
        if (rc < 0)
            return -1;
    }
    return rc;
}

/* ---- CSV / TSV ------------------------------------------------------ */

/* One record's fields, as offsets into a growing buffer. CSV follows RFC 4180:
 * quoted fields may hold separators, doubled quotes and newlines. TSV fields
 * are split on tabs with no quoting. */
typedef struct fields {
    char *buf;
    size_t len, cap;
    size_t *starts;
    size_t n, ncap;
} fields;

static int fields_push_char(fields *f, char ch)
{
    if (stance_grow(&f->buf, &f->cap, f->len + 2, 1) != 0)
        return -1;
    f->buf[f->len++] = ch;
    return 0;
}

static int fields_start(fields *f)
{
    if (f->n > 0 && fields_push_char(f, '\0') != 0) /* end the previous field */
        return -1;
    if (stance_grow(&f->starts, &f->ncap, f->n + 1, sizeof *f->starts) != 0)
        return -1;
    f->starts[f->n++] = f->len;
    return 0;
}

static const char *field_at(const fields *f, size_t i)
{
    return f->buf + f->starts[i];
}

/* Read one record; returns 1, 0 at end of input, -1 on error. *first_line is
 * the line the record starts on. */
static int read_delimited_record(stance_line_reader *r, char sep, fields *f, long *first_line,
                                 stance_error *err)
{
    f->len = 0;
    f->n = 0;
    char *line;
    size_t len;
    int rc = stance_line_reader_next(r, &line, &len, err);
    if (rc <= 0)
        return rc;
    *first_line = r->lineno;
    if (fields_start(f) != 0)
        return stance_fail(err, r->name, r->lineno, "out of memory");
    bool quoted = false;
    for (;;) {
        for (size_t i = 0; i < len; i++) {
            char ch = line[i];
            if (sep == ',' && quoted) {
                if (ch == '"') {
                    if (i + 1 < len && line[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                        continue;
                    }
                }
            } else if (sep == ',' && ch == '"' && f->len == f->starts[f->n - 1]) {
                quoted = true;
                continue;
            } else if (ch == sep) {
                if (fields_start(f) != 0)
                    return stance_fail(err, r->name, r->lineno, "out of memory");
                continue;
            }
            if (fields_push_char(f, ch) != 0)
                return stance_fail(err, r->name, r->lineno, "out of memory");
        }
        if (!quoted)
            break;
        /* a quoted field goes on over the line break */
        if (fields_push_char(f, '\n') != 0)
            return stance_fail(err, r->name, r->lineno, "out of memory");
        rc = stance_line_reader_next(r, &line, &len, err);
        if (rc < 0)
            return -1;
        if (rc == 0)
            return stance_fail(err, r->name, *first_line, "quoted field not closed before end of file");
    }
    if (fields_push_char(f, '\0') != 0)
        return stance_fail(err, r->name, r->lineno, "out of memory");
    return 1;
}

static long find_column(const fields *header, const char *name)
{
    for (size_t i = 0; i < header->n; i++)
        if (strcmp(field_at(header, i), name) == 0)
            return (long)i;
    return -1;
}

static int read_delimited(corpus_builder *b, stance_line_reader *r, char sep, const label_map *map,
                          stance_error *err)
{
    const stance_corpus_options *o = b->opt;
    fields head = {0}, rec = {0};
    long line = 0;
    int rc = read_delimited_record(r, sep, &head, &line, err);
    if (rc == 0)
        rc = stance_fail(err, r->name, 0, "empty file: expected a header line");
    long ti = -1, li = -1, ii = -1;
    if (rc > 0) {
        /* a UTF-8 byte order mark would hide the first column's name */
        if (strncmp(head.buf, "\xEF\xBB\xBF", 3) == 0)
            head.starts[0] += 3;
        ti = find_column(&head, o->text_field);
        li = find_column(&head, o->label_field);
        ii = find_column(&head, o->id_field);
        if (ti < 0)
            rc = stance_fail(err, r->name, line, "header has no column '%s'", o->text_field);
        else if (li < 0)
            rc = stance_fail(err, r->name, line, "header has no column '%s'", o->label_field);
    }
    while (rc > 0 && (rc = read_delimited_record(r, sep, &rec, &line, err)) == 1) {
        if (rec.n == 1 && field_at(&rec, 0)[0] == '\0')
            continue; /* blank line */
        if (rec.n != head.n) {
            rc = stance_fail(err, r->name, line, "%zu fields, but the header has %zu", rec.n, head.n);
            break;
        }
        const char *label = label_map_lookup(map, field_at(&rec, (size_t)li));
        if (!label) {
            rc = stance_fail(err, r->name, line, "label '%s' is not in the label map",
                             field_at(&rec, (size_t)li));
            break;
        }
        const char *text = field_at(&rec, (size_t)ti);
        if (add_record(b, text, strlen(text), label, ii >= 0 ? field_at(&rec, (size_t)ii) : NULL,
                       line, err) != 0)
            rc = -1;
    }
    free(head.buf);
    free(head.starts);
    free(rec.buf);
    free(rec.starts);
    return rc < 0 ? -1 : 0;
}

/* ---- a text file and a labels file, line by line --------------------- */

static int read_lines(corpus_builder *b, stance_line_reader *texts, const char *labels_path,
                      const label_map *map, stance_error *err)
{
    stance_line_reader labels;
    if (stance_line_reader_open(&labels, labels_path, 0, err) != 0)
        return -1;
    int rc;
    for (;;) {
        char *text, *label;
        size_t tlen, llen;
        int rt = stance_line_reader_next(texts, &text, &tlen, err);
        if (rt < 0) {
            rc = -1;
            break;
        }
        int rl = stance_line_reader_next(&labels, &label, &llen, err);
        if (rl < 0) {
            rc = -1;
            break;
        }
        if (rt == 0 && rl == 0) {
            rc = 0;
            break;
        }
        if (rt == 0 || rl == 0) {
            rc = stance_fail(err, rt == 0 ? labels.name : texts->name,
                             rt == 0 ? labels.lineno : texts->lineno,
                             "%s has more lines than %s", rt == 0 ? labels.name : texts->name,
                             rt == 0 ? texts->name : labels.name);
            break;
        }
        while (llen > 0 && (label[llen - 1] == ' ' || label[llen - 1] == '\t'))
            label[--llen] = '\0';
        const char *name = label_map_lookup(map, label);
        if (!name) {
            rc = stance_fail(err, labels.name, labels.lineno, "label '%s' is not in the label map",
                             label);
            break;
        }
        if (add_record(b, text, tlen, name, NULL, texts->lineno, err) != 0) {
            rc = -1;
            break;
        }
    }
    stance_line_reader_close(&labels);
    return rc;
}

/* ---- entry point ------------------------------------------------------ */

static const char *guess_format(const char *path, const stance_corpus_options *o)
{
    if (o->format && strcmp(o->format, "auto") != 0)
        return o->format;
    if (o->labels_path)
        return "lines";
    const char *dot = strrchr(path, '.');
    if (dot && (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".json") == 0 ||
                strcasecmp(dot, ".ndjson") == 0))
        return "jsonl";
    if (dot && strcasecmp(dot, ".csv") == 0)
        return "csv";
    if (dot && strcasecmp(dot, ".tsv") == 0)
        return "tsv";
    return "jsonl";
}

int stance_corpus_read(const char *path, const stance_corpus_options *opt, stance_corpus *out,
                       stance_error *err)
{
    stance_corpus_options defaults;
    if (!opt) {
        stance_corpus_options_default(&defaults);
        opt = &defaults;
    }
    memset(out, 0, sizeof *out);
    out->path = strdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (!out->path)
        return stance_fail(err, path, 0, "out of memory");
    corpus_builder b = {.c = out, .opt = opt};

    const char *format = guess_format(path, opt);
    if (strcmp(format, "lines") == 0 && !opt->labels_path) {
        stance_corpus_free(out);
        return stance_fail(err, path, 0, "a plain text corpus needs a labels file (--labels FILE)");
    }
    if (strcmp(format, "jsonl") != 0 && strcmp(format, "csv") != 0 &&
        strcmp(format, "tsv") != 0 && strcmp(format, "lines") != 0) {
        stance_corpus_free(out);
        return stance_fail(err, path, 0, "unknown corpus format '%s'", format);
    }
    /* A fixed label set gives fixed label indices, whatever order the data is in. */
    for (size_t i = 0; i < opt->n_allowed_labels; i++) {
        if (stance_grow(&out->label_names, &b.names_cap, i + 1, sizeof *out->label_names) != 0 ||
            !(out->label_names[i] = strdup(opt->allowed_labels[i]))) {
            stance_corpus_free(out);
            return stance_fail(err, path, 0, "out of memory");
        }
        out->n_labels = i + 1;
    }

    label_map map = {0};
    if (opt->label_map_path && label_map_read(opt->label_map_path, &map, err) != 0) {
        stance_corpus_free(out);
        return -1;
    }
    stance_line_reader r;
    int rc = stance_line_reader_open(&r, path, 0, err);
    if (rc == 0) {
        if (strcmp(format, "jsonl") == 0)
            rc = read_jsonl(&b, &r, &map, err);
        else if (strcmp(format, "lines") == 0)
            rc = read_lines(&b, &r, opt->labels_path, &map, err);
        else
            rc = read_delimited(&b, &r, strcmp(format, "csv") == 0 ? ',' : '\t', &map, err);
        stance_line_reader_close(&r);
    }
    label_map_free(&map);
    if (rc == 0 && out->n == 0)
        rc = stance_fail(err, out->path, 0, "empty corpus: no records");
    if (rc != 0) {
        stance_corpus_free(out);
        return -1;
    }
    return 0;
}
