/* Reports as JSON (schema: pipeline/schemas/report.schema.json), and the
 * merge of such reports. The counts are the report; everything else in the
 * JSON is derived from them and ignored when merging. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "common/io.h"
#include "pipeline/report/report.h"

#define REPORT_FORMAT_VERSION 1

static cJSON *number_or_null(double v)
{
    return isfinite(v) ? cJSON_CreateNumber(v) : cJSON_CreateNull();
}

static cJSON *interval_json(report_interval iv)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "value", number_or_null(iv.value));
    cJSON_AddItemToObject(o, "lo", number_or_null(iv.lo));
    cJSON_AddItemToObject(o, "hi", number_or_null(iv.hi));
    return o;
}

static cJSON *counts_json(const uint64_t *counts, const char *const *names, int n)
{
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; i < n; i++)
        cJSON_AddNumberToObject(o, names[i], (double)counts[i]);
    return o;
}

/* n, counts, shares with intervals and the net index of one row. */
static void add_row(cJSON *o, const report_row *r)
{
    cJSON_AddNumberToObject(o, "n", (double)r->n);
    cJSON_AddItemToObject(o, "counts", counts_json(r->counts.stance, stance_report_stance_names,
                                                   REPORT_N_STANCES));
    cJSON *shares = cJSON_AddObjectToObject(o, "shares");
    for (int i = 0; i < REPORT_N_STANCES; i++)
        cJSON_AddItemToObject(shares, stance_report_stance_names[i], interval_json(r->share[i]));
    cJSON_AddItemToObject(o, "net", interval_json(r->net));
}

/* [{key_name: key, n, counts, shares, net}, ...] */
static cJSON *rows_json(const report_row *rows, size_t n, const char *key_name)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, key_name, rows[i].key);
        add_row(e, &rows[i]);
        cJSON_AddItemToArray(a, e);
    }
    return a;
}

static cJSON *country_json(const report_country_summary *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "country", strcmp(c->total.key, REPORT_UNKNOWN_COUNTRY) == 0
                                            ? cJSON_CreateNull() : cJSON_CreateString(c->total.key));
    add_row(o, &c->total);
    cJSON *sent = cJSON_AddObjectToObject(o, "sentiment");
    cJSON_AddItemToObject(sent, "counts", counts_json(c->sentiment, stance_report_sentiment_names,
                                                      REPORT_N_SENTIMENTS));
    cJSON_AddItemToObject(sent, "mean", number_or_null(c->mean_sentiment));
    cJSON *actors = cJSON_AddArrayToObject(o, "actors");
    for (size_t i = 0; i < c->n_actors; i++) {
        cJSON *a = cJSON_CreateObject();
        cJSON_AddStringToObject(a, "actor", c->actors[i].name);
        cJSON_AddNumberToObject(a, "n", (double)c->actors[i].n);
        cJSON_AddItemToArray(actors, a);
    }
    cJSON_AddItemToObject(o, "targets", rows_json(c->targets, c->n_targets, "target"));
    cJSON_AddItemToObject(o, "series", rows_json(c->series, c->n_series, "period"));
    return o;
}

static cJSON *report_to_json(const report_summary *s)
{
    const stance_report *r = s->report;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "stance_report", REPORT_FORMAT_VERSION);
    const char *by = stance_report_period_name(r->opt.by);
    cJSON_AddItemToObject(root, "by", by ? cJSON_CreateString(by) : cJSON_CreateNull());
    cJSON_AddNumberToObject(root, "statements", (double)r->statements);
    cJSON_AddNumberToObject(root, "filtered_out", (double)r->filtered);
    cJSON *countries = cJSON_AddArrayToObject(root, "countries");
    for (size_t i = 0; i < s->n_countries; i++)
        cJSON_AddItemToArray(countries, country_json(&s->countries[i]));
    cJSON *cmp = cJSON_AddArrayToObject(root, "comparisons");
    for (size_t i = 0; i < s->n_comparisons; i++) {
        const report_comparison *t = &s->comparisons[i];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "a", t->a);
        cJSON_AddStringToObject(c, "b", t->b);
        cJSON_AddStringToObject(c, "test", t->sparse ? "chi-square, Monte Carlo permutation p"
                                                     : "chi-square");
        cJSON_AddNumberToObject(c, "statistic", t->statistic);
        cJSON_AddNumberToObject(c, "df", t->df);
        cJSON_AddNumberToObject(c, "p", t->p);
        cJSON_AddItemToArray(cmp, c);
    }
    return root;
}

int stance_report_write_json(const report_summary *s, FILE *out, stance_error *err)
{
    cJSON *root = report_to_json(s);
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return stance_fail(err, NULL, 0, "out of memory");
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return ferror(out) ? -1 : 0;
}

/* ---- merge ------------------------------------------------------------ */

/* Read a non-negative whole count, or fail. */
static int read_count(const cJSON *obj, const char *name, uint64_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 9e15 ||
        v->valuedouble != floor(v->valuedouble))
        return -1;
    *out = (uint64_t)v->valuedouble;
    return 0;
}

static int read_counts(const cJSON *obj, const char *const *names, int n, uint64_t *out)
{
    const cJSON *counts = cJSON_GetObjectItemCaseSensitive(obj, "counts");
    if (!cJSON_IsObject(counts))
        return -1;
    for (int i = 0; i < n; i++)
        if (read_count(counts, names[i], &out[i]) != 0)
            return -1;
    return 0;
}

static const char *string_field(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Add the report-counts entries of a JSON array to a map keyed by key_name. */
static int merge_counts_array(const cJSON *arr, const char *key_name, stance_strmap *into)
{
    if (!arr)
        return 0;
    if (!cJSON_IsArray(arr))
        return -1;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) {
        const char *key = string_field(e, key_name);
        report_counts c;
        if (!key || read_counts(e, stance_report_stance_names, REPORT_N_STANCES, c.stance) != 0)
            return -1;
        report_counts *to = stance_strmap_upsert(into, key);
        if (!to)
            return -1;
        stance_report_counts_add(to, &c);
    }
    return 0;
}

static int merge_country(stance_report *r, const cJSON *c)
{
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(c, "country");
    if (!cJSON_IsString(code) && !cJSON_IsNull(code))
        return -1;
    report_counts total;
    uint64_t sent[REPORT_N_SENTIMENTS] = {0};
    if (read_counts(c, stance_report_stance_names, REPORT_N_STANCES, total.stance) != 0)
        return -1;
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(c, "sentiment");
    if (s && read_counts(s, stance_report_sentiment_names, REPORT_N_SENTIMENTS, sent) != 0)
        return -1;
    country_stats *st = stance_report_country(r, cJSON_IsString(code) ? code->valuestring
                                                               : REPORT_UNKNOWN_COUNTRY);
    if (!st)
        return -1;
    stance_report_counts_add(&st->total, &total);
    for (int i = 0; i < REPORT_N_SENTIMENTS; i++)
        st->sentiment[i] += sent[i];
    r->statements += stance_report_counts_n(&total);

    const cJSON *actors = cJSON_GetObjectItemCaseSensitive(c, "actors"), *a;
    if (actors && !cJSON_IsArray(actors))
        return -1;
    cJSON_ArrayForEach(a, actors) {
        const char *name = string_field(a, "actor");
        uint64_t n;
        if (!name || read_count(a, "n", &n) != 0)
            return -1;
        uint64_t *to = stance_strmap_upsert(&st->actors, name);
        if (!to)
            return -1;
        *to += n;
    }
    if (merge_counts_array(cJSON_GetObjectItemCaseSensitive(c, "targets"), "target", &st->targets) != 0)
        return -1;
    return merge_counts_array(cJSON_GetObjectItemCaseSensitive(c, "series"), "period", &st->periods);
}

int stance_report_merge_file(stance_report *r, const char *path, stance_error *err)
{
    char *text;
    size_t len;
    if (stance_read_file(path, (size_t)1 << 30, true, &text, &len, err) != 0)
        return -1;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!root) {
        long line = end ? stance_line_of_offset(text, (size_t)(end - text)) : 0;
        free(text);
        return stance_fail(err, name, line, "not valid JSON");
    }
    free(text);
    int rc = 0;
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "stance_report");
    const cJSON *by = cJSON_GetObjectItemCaseSensitive(root, "by");
    const char *want = stance_report_period_name(r->opt.by);
    if (!cJSON_IsNumber(version))
        rc = stance_fail(err, name, 0, "not a stance report (no \"stance_report\" version)");
    else if (version->valueint != REPORT_FORMAT_VERSION)
        rc = stance_fail(err, name, 0, "report format version %d; this program reads version %d",
                         version->valueint, REPORT_FORMAT_VERSION);
    else if (!(cJSON_IsNull(by) && !want) &&
             !(cJSON_IsString(by) && want && strcmp(by->valuestring, want) == 0))
        rc = stance_fail(err, name, 0, "report is by %s but the merge is by %s",
                         cJSON_IsString(by) ? by->valuestring : "nothing", want ? want : "nothing");
    else {
        /* read it whole into a report of its own, then add: a file that is
         * bad halfway adds nothing */
        stance_report *part = stance_report_new(&r->opt, err);
        const cJSON *countries = cJSON_GetObjectItemCaseSensitive(root, "countries"), *c;
        uint64_t filtered = 0;
        if (!part)
            rc = -1;
        else if (!cJSON_IsArray(countries) || read_count(root, "filtered_out", &filtered) != 0)
            rc = stance_fail(err, name, 0, "report lacks \"countries\" or \"filtered_out\"");
        int i = 0;
        cJSON_ArrayForEach(c, countries) {
            if (rc == 0 && merge_country(part, c) != 0)
                rc = stance_fail(err, name, 0, "country entry %d is malformed", i + 1);
            i++;
        }
        if (rc == 0) {
            part->filtered = filtered;
            rc = stance_report_merge(r, part, err);
        }
        stance_report_free(part);
    }
    cJSON_Delete(root);
    return rc;
}
