/* The summary of a report: everything its writers show, computed once from
 * the counts, in the order it is shown. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/report/report.h"

typedef struct sort_item {
    uint64_t n;
    const char *key;
    size_t index;
} sort_item;

static int by_count_then_key(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int by_key(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    return strcmp(x->key, y->key);
}

/* Indices of the entries of m with at least min statements, sorted by cmp;
 * returns how many, or SIZE_MAX when out of memory. */
static size_t ordered(const stance_strmap *m, uint64_t (*count)(const void *), uint64_t min,
                      int (*cmp)(const void *, const void *), size_t **order)
{
    sort_item *items = malloc((m->count ? m->count : 1) * sizeof *items);
    *order = malloc((m->count ? m->count : 1) * sizeof **order);
    if (!items || !*order) {
        free(items);
        free(*order);
        *order = NULL;
        return SIZE_MAX;
    }
    size_t k = 0;
    for (size_t i = 0; i < m->count; i++) {
        uint64_t n = count(stance_strmap_value(m, i));
        if (n >= min)
            items[k++] = (sort_item){n, stance_strmap_key(m, i), i};
    }
    qsort(items, k, sizeof *items, cmp);
    for (size_t i = 0; i < k; i++)
        (*order)[i] = items[i].index;
    free(items);
    return k;
}

static uint64_t country_n(const void *v)
{
    return stance_report_counts_n(&((const country_stats *)v)->total);
}

static uint64_t counts_n(const void *v)
{
    return stance_report_counts_n(v);
}

static uint64_t plain_n(const void *v)
{
    return *(const uint64_t *)v;
}

static report_row row_of(const char *key, const report_counts *c)
{
    report_row r;
    memset(&r, 0, sizeof r);
    r.key = key;
    r.counts = *c;
    r.n = stance_report_counts_n(c);
    for (int j = 0; j < REPORT_N_STANCES; j++)
        r.share[j] = stance_report_share(c->stance[j], r.n);
    r.net = stance_report_net_index(c);
    return r;
}

/* The rows of a map of report_counts, in cmp's order. */
static int rows_of(const stance_strmap *m, int (*cmp)(const void *, const void *),
                   report_row **rows, size_t *n)
{
    size_t *order;
    size_t k = ordered(m, counts_n, 0, cmp, &order);
    if (k == SIZE_MAX || !(*rows = malloc((k ? k : 1) * sizeof **rows))) {
        free(order);
        return -1;
    }
    for (size_t i = 0; i < k; i++)
        (*rows)[i] = row_of(stance_strmap_key(m, order[i]), stance_strmap_value(m, order[i]));
    *n = k;
    free(order);
    return 0;
}

static int summarize_country(const char *code, const country_stats *s, report_country_summary *c)
{
    memset(c, 0, sizeof *c);
    c->total = row_of(code, &s->total);
    memcpy(c->sentiment, s->sentiment, sizeof c->sentiment);
    c->mean_sentiment = stance_report_mean_sentiment(s);
    size_t *order;
    size_t k = ordered(&s->actors, plain_n, 0, by_count_then_key, &order);
    if (k == SIZE_MAX || !(c->actors = malloc((k ? k : 1) * sizeof *c->actors))) {
        free(order);
        return -1;
    }
    for (size_t i = 0; i < k; i++)
        c->actors[i] = (report_actor){stance_strmap_key(&s->actors, order[i]),
                                      *(const uint64_t *)stance_strmap_value(&s->actors, order[i])};
    c->n_actors = k;
    free(order);
    if (rows_of(&s->targets, by_count_then_key, &c->targets, &c->n_targets) != 0)
        return -1;
    return rows_of(&s->periods, by_key, &c->series, &c->n_series);
}

/* Pairwise tests among the first opt.max_compare countries with a known code. */
static int compare(const stance_report *r, report_summary *s)
{
    size_t m = 0;
    const report_country_summary **known = malloc((s->n_countries ? s->n_countries : 1) * sizeof *known);
    if (!known)
        return -1;
    for (size_t i = 0; i < s->n_countries && m < r->opt.max_compare; i++)
        if (strcmp(s->countries[i].total.key, REPORT_UNKNOWN_COUNTRY) != 0)
            known[m++] = &s->countries[i];
    s->comparisons = malloc((m * m / 2 + 1) * sizeof *s->comparisons);
    for (size_t i = 0; s->comparisons && i < m; i++)
        for (size_t j = i + 1; j < m; j++) {
            report_comparison *c = &s->comparisons[s->n_comparisons++];
            c->a = known[i]->total.key;
            c->b = known[j]->total.key;
            c->statistic = stance_report_chisq(&known[i]->total.counts, &known[j]->total.counts,
                                               &c->df, &c->p, &c->sparse);
        }
    free(known);
    return s->comparisons ? 0 : -1;
}

/* Targets summed over the countries shown, and their dated periods. */
static int unions(report_summary *s)
{
    for (size_t i = 0; i < s->n_countries; i++) {
        const report_country_summary *c = &s->countries[i];
        for (size_t j = 0; j < c->n_targets; j++) {
            report_counts *t = stance_strmap_upsert(&s->target_map, c->targets[j].key);
            if (!t)
                return -1;
            stance_report_counts_add(t, &c->targets[j].counts);
        }
        for (size_t j = 0; j < c->n_series; j++)
            if (strcmp(c->series[j].key, REPORT_UNDATED) != 0 &&
                !stance_strmap_upsert(&s->period_map, c->series[j].key))
                return -1;
    }
    if (rows_of(&s->target_map, by_count_then_key, &s->targets, &s->n_targets) != 0)
        return -1;
    size_t *order;
    s->n_periods = ordered(&s->period_map, counts_n, 0, by_key, &order);
    if (s->n_periods == SIZE_MAX || !(s->periods = malloc((s->n_periods + 1) * sizeof *s->periods))) {
        s->n_periods = 0;
        free(order);
        return -1;
    }
    for (size_t p = 0; p < s->n_periods; p++)
        s->periods[p] = stance_strmap_key(&s->period_map, order[p]);
    free(order);
    return 0;
}

int stance_report_summarize(const stance_report *r, report_summary *s)
{
    memset(s, 0, sizeof *s);
    s->report = r;
    stance_strmap_init(&s->target_map, sizeof(report_counts));
    stance_strmap_init(&s->period_map, sizeof(report_counts));
    size_t *order;
    size_t k = ordered(&r->countries, country_n, r->opt.min_count, by_count_then_key, &order);
    if (k == SIZE_MAX)
        return -1;
    s->countries = calloc(k ? k : 1, sizeof *s->countries);
    int rc = s->countries ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < k; i++) {
        rc = summarize_country(stance_strmap_key(&r->countries, order[i]),
                               stance_strmap_value(&r->countries, order[i]), &s->countries[i]);
        s->n_countries = i + 1;
    }
    free(order);
    if (rc == 0)
        rc = compare(r, s);
    if (rc == 0)
        rc = unions(s);
    if (rc != 0)
        stance_report_summary_free(s);
    return rc;
}

void stance_report_summary_free(report_summary *s)
{
    for (size_t i = 0; s->countries && i < s->n_countries; i++) {
        free(s->countries[i].actors);
        free(s->countries[i].targets);
        free(s->countries[i].series);
    }
    free(s->countries);
    free(s->comparisons);
    free(s->targets);
    free(s->periods);
    stance_strmap_free(&s->target_map);
    stance_strmap_free(&s->period_map);
    memset(s, 0, sizeof *s);
}
