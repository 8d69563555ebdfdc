/* Building a report: scored statements stream in and only counts stay. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "common/date.h"
#include "common/io.h"
#include "pipeline/report/report.h"

const char *const stance_report_stance_names[REPORT_N_STANCES] = {"conciliatory", "adversarial",
                                                           "neutral"};
const char *const stance_report_sentiment_names[REPORT_N_SENTIMENTS] = {"positive", "negative",
                                                                 "neutral"};

void stance_report_options_default(stance_report_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->top_actors = 3;
    opt->max_compare = 5;
}

stance_report *stance_report_new(const stance_report_options *opt, stance_error *err)
{
    stance_report *r = calloc(1, sizeof *r);
    if (!r) {
        stance_fail(err, NULL, 0, "out of memory");
        return NULL;
    }
    if (opt)
        r->opt = *opt;
    else
        stance_report_options_default(&r->opt);
    stance_strmap_init(&r->countries, sizeof(country_stats));
    return r;
}

void stance_report_free(stance_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->countries.count; i++) {
        country_stats *s = stance_strmap_value(&r->countries, i);
        stance_strmap_free(&s->actors);
        stance_strmap_free(&s->targets);
        stance_strmap_free(&s->periods);
    }
    stance_strmap_free(&r->countries);
    free(r);
}

size_t stance_report_statements(const stance_report *r)
{
    return (size_t)r->statements;
}

uint64_t stance_report_counts_n(const report_counts *c)
{
    return c->stance[0] + c->stance[1] + c->stance[2];
}

void stance_report_counts_add(report_counts *to, const report_counts *from)
{
    for (int i = 0; i < REPORT_N_STANCES; i++)
        to->stance[i] += from->stance[i];
}

country_stats *stance_report_country(stance_report *r, const char *code)
{
    country_stats *s = stance_strmap_get(&r->countries, code);
    if (s)
        return s;
    s = stance_strmap_upsert(&r->countries, code);
    if (!s)
        return NULL;
    stance_strmap_init(&s->actors, sizeof(uint64_t));
    stance_strmap_init(&s->targets, sizeof(report_counts));
    stance_strmap_init(&s->periods, sizeof(report_counts));
    return s;
}

static int index_of(const char *const *names, int n, const char *label)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], label) == 0)
            return i;
    return -1;
}

int stance_report_stance_index(const char *label)
{
    return index_of(stance_report_stance_names, REPORT_N_STANCES, label);
}

int stance_report_sentiment_index(const char *label)
{
    return index_of(stance_report_sentiment_names, REPORT_N_SENTIMENTS, label);
}

/* ---- dates and periods ------------------------------------------------ */

int stance_report_period_key(const char *date, stance_report_period by, char out[16])
{
    int y, m, d;
    if (!stance_date_parse(date, &y, &m, &d))
        return -1;
    switch (by) {
    case STANCE_PERIOD_MONTH:
        snprintf(out, 16, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
        break;
    case STANCE_PERIOD_WEEK: {
        /* ISO 8601: the week with the year's first Thursday is week 1 */
        long days = stance_days_from_civil(y, m, d);
        int wday = (int)(((days % 7) + 7 + 3) % 7); /* Monday 0; 1970-01-01 was a Thursday */
        long thursday = days - wday + 3;
        int ty = y;
        if (thursday < stance_days_from_civil(y, 1, 1))
            ty = y - 1;
        else if (thursday >= stance_days_from_civil(y + 1, 1, 1))
            ty = y + 1;
        int week = (int)((thursday - stance_days_from_civil(ty, 1, 1)) / 7 + 1);
        snprintf(out, 16, "%04u-W%02u", (unsigned)ty % 10000u, (unsigned)week % 100u);
        break;
    }
    default:
        snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
                 (unsigned)d % 100u);
        break;
    }
    return 0;
}

const char *stance_report_period_name(stance_report_period by)
{
    switch (by) {
    case STANCE_PERIOD_DAY: return "day";
    case STANCE_PERIOD_WEEK: return "week";
    case STANCE_PERIOD_MONTH: return "month";
    default: return NULL;
    }
}

/* ---- adding statements ------------------------------------------------ */

/* A string field, or NULL when absent or JSON null; -1 when of another type. */
static int optional_string(const cJSON *obj, const char *name, const char **out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
    *out = NULL;
    if (!item || cJSON_IsNull(item))
        return 0;
    if (!cJSON_IsString(item))
        return -1;
    *out = item->valuestring;
    return 0;
}

/* The label of {"label": ...} under name, or of a plain string. */
static const char *label_of(const cJSON *obj, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (cJSON_IsString(item))
        return item->valuestring;
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(item, "label");
    return cJSON_IsString(label) ? label->valuestring : NULL;
}

static bool passes_filters(const stance_report *r, const char *country, const char *actor,
                           const char *date)
{
    const stance_report_options *o = &r->opt;
    if (o->n_countries) {
        bool found = false;
        for (size_t i = 0; i < o->n_countries && !found; i++)
            found = country && strcmp(o->countries[i], country) == 0;
        if (!found)
            return false;
    }
    if (o->actor && (!actor || strcasecmp(o->actor, actor) != 0))
        return false;
    if (o->since || o->until) {
        if (!date)
            return false;
        if (o->since && strncmp(date, o->since, 10) < 0)
            return false;
        if (o->until && strncmp(date, o->until, 10) > 0)
            return false;
    }
    return true;
}

static int add_statement(stance_report *r, const cJSON *obj, const char *file, long line,
                         stance_error *err)
{
    const char *country, *actor, *target, *date;
    if (optional_string(obj, "country", &country) || optional_string(obj, "actor", &actor) ||
        optional_string(obj, "target", &target) || optional_string(obj, "date", &date))
        return stance_fail(err, file, line,
                           "fields country, actor, target and date must be strings or null");
    const char *stance = label_of(obj, "stance");
    if (!stance)
        return stance_fail(err, file, line, "no stance label (field \"stance\": {\"label\": ...})");
    report_entry e = {country, actor, target, date, stance, label_of(obj, "sentiment")};
    return stance_report_add_entry(r, &e, file, line, err);
}

int stance_report_add_entry(stance_report *r, const report_entry *e, const char *file, long line,
                     stance_error *err)
{
    const char *country = e->country, *actor = e->actor, *target = e->target, *date = e->date;
    const char *stance = e->stance;
    if (!stance)
        return stance_fail(err, file, line, "no stance label");
    int si = stance_report_stance_index(stance);
    if (si < 0)
        return stance_fail(err, file, line, "unknown stance label '%s'", stance);
    int sent = -1;
    const char *sentiment = e->sentiment;
    if (sentiment && (sent = stance_report_sentiment_index(sentiment)) < 0)
        return stance_fail(err, file, line, "unknown sentiment label '%s'", sentiment);
    char period[16] = "";
    if (date && stance_report_period_key(date, STANCE_PERIOD_DAY, period) != 0)
        return stance_fail(err, file, line, "date '%s' is not an ISO 8601 day (YYYY-MM-DD)", date);

    if (!passes_filters(r, country, actor, date)) {
        r->filtered++;
        return 0;
    }
    country_stats *s = stance_report_country(r, country ? country : REPORT_UNKNOWN_COUNTRY);
    if (!s)
        return stance_fail(err, file, line, "out of memory");
    s->total.stance[si]++;
    if (sent >= 0)
        s->sentiment[sent]++;
    if (actor) {
        uint64_t *n = stance_strmap_upsert(&s->actors, actor);
        if (!n)
            return stance_fail(err, file, line, "out of memory");
        (*n)++;
    }
    if (target) {
        report_counts *t = stance_strmap_upsert(&s->targets, target);
        if (!t)
            return stance_fail(err, file, line, "out of memory");
        t->stance[si]++;
    }
    if (r->opt.by != STANCE_PERIOD_NONE) {
        if (date)
            stance_report_period_key(date, r->opt.by, period);
        report_counts *p = stance_strmap_upsert(&s->periods, date ? period : REPORT_UNDATED);
        if (!p)
            return stance_fail(err, file, line, "out of memory");
        p->stance[si]++;
    }
    r->statements++;
    return 0;
}

static const char *label_name(const stance_prediction *p)
{
    return p->label >= 0 && (size_t)p->label < p->n ? p->names[p->label] : NULL;
}

int stance_report_add_scored(stance_report *r, const stance_article *a,
                             const stance_statement *statements, const stance_scored *scored,
                             size_t n, stance_error *err)
{
    for (size_t i = 0; i < n; i++) {
        const stance_statement *st = &statements[i];
        report_entry e = {st->country[0] ? st->country : NULL, st->actor,
                          st->target[0] ? st->target : NULL, a->date,
                          label_name(&scored[i].stance), label_name(&scored[i].sentiment)};
        if (stance_report_add_entry(r, &e, a->file, a->line, err) != 0)
            return -1;
    }
    return 0;
}

int stance_report_add_json(stance_report *r, const char *json, size_t len, const char *file,
                           long line, stance_error *err)
{
    cJSON *obj = cJSON_ParseWithLength(json, len);
    if (!cJSON_IsObject(obj)) {
        cJSON_Delete(obj);
        return stance_fail(err, file, line, "not a JSON object");
    }
    int rc = add_statement(r, obj, file, line, err);
    cJSON_Delete(obj);
    return rc;
}

int stance_report_add_file(stance_report *r, const char *path, bool strict, size_t *skipped,
                           stance_error *err)
{
    stance_line_reader reader;
    if (stance_line_reader_open(&reader, path, 0, err) != 0)
        return -1;
    char *line;
    size_t len;
    int rc;
    for (;;) {
        rc = stance_line_reader_next(&reader, &line, &len, err);
        if (rc == 1 && (len == 0 || strspn(line, " \t") == len))
            continue;
        if (rc == 1)
            rc = stance_report_add_json(r, line, len, reader.name, reader.lineno, err) == 0 ? 1 : -1;
        if (rc == 0 || stance_interrupted)
            break;
        if (rc < 0) {
            if (strict)
                break;
            if (r->opt.skipped) /* skip the record, say so, go on */
                r->opt.skipped(r->opt.skipped_ctx, err);
            if (skipped)
                (*skipped)++;
            if (strstr(err->message, "binary") || strstr(err->message, "read error"))
                break; /* nothing more to salvage in this file */
            rc = 1;
        }
    }
    stance_line_reader_close(&reader);
    return rc < 0 && strict ? -1 : 0;
}

/* ---- merging reports -------------------------------------------------- */

static int add_counts_map(stance_strmap *into, const stance_strmap *from)
{
    for (size_t i = 0; i < from->count; i++) {
        report_counts *to = stance_strmap_upsert(into, stance_strmap_key(from, i));
        if (!to)
            return -1;
        stance_report_counts_add(to, stance_strmap_value(from, i));
    }
    return 0;
}

static int add_country(country_stats *to, const country_stats *from)
{
    stance_report_counts_add(&to->total, &from->total);
    for (int i = 0; i < REPORT_N_SENTIMENTS; i++)
        to->sentiment[i] += from->sentiment[i];
    for (size_t i = 0; i < from->actors.count; i++) {
        uint64_t *n = stance_strmap_upsert(&to->actors, stance_strmap_key(&from->actors, i));
        if (!n)
            return -1;
        *n += *(const uint64_t *)stance_strmap_value(&from->actors, i);
    }
    if (add_counts_map(&to->targets, &from->targets) != 0)
        return -1;
    return add_counts_map(&to->periods, &from->periods);
}

int stance_report_merge(stance_report *into, const stance_report *from, stance_error *err)
{
    if (into->opt.by != from->opt.by)
        return stance_fail(err, NULL, 0, "cannot merge a report by %s into one by %s",
                           stance_report_period_name(from->opt.by) ? stance_report_period_name(from->opt.by) : "nothing",
                           stance_report_period_name(into->opt.by) ? stance_report_period_name(into->opt.by) : "nothing");
    for (size_t i = 0; i < from->countries.count; i++) {
        country_stats *to = stance_report_country(into, stance_strmap_key(&from->countries, i));
        if (!to || add_country(to, stance_strmap_value(&from->countries, i)) != 0)
            return stance_fail(err, NULL, 0, "out of memory");
    }
    into->statements += from->statements;
    into->filtered += from->filtered;
    return 0;
}
