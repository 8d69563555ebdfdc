/* Internals of country reports: the counts a report keeps, and the derived
 * statistics computed from them when a report is written. Only counts are
 * kept, so that reports of shards add up to the report of the whole. */
#ifndef STANCE_PIPELINE_REPORT_H
#define STANCE_PIPELINE_REPORT_H

#include <stdint.h>

#include "common/strmap.h"
#include "stance.h"

enum { REPORT_CONCILIATORY, REPORT_ADVERSARIAL, REPORT_NEUTRAL, REPORT_N_STANCES };
enum { REPORT_POSITIVE, REPORT_NEGATIVE, REPORT_SENTIMENT_NEUTRAL, REPORT_N_SENTIMENTS };

extern const char *const stance_report_stance_names[REPORT_N_STANCES];
extern const char *const stance_report_sentiment_names[REPORT_N_SENTIMENTS];

/* The key of statements whose speaker has no known country. */
#define REPORT_UNKNOWN_COUNTRY "?"
#define REPORT_UNDATED "undated"

typedef struct report_counts {
    uint64_t stance[REPORT_N_STANCES];
} report_counts;

typedef struct country_stats {
    report_counts total;
    uint64_t sentiment[REPORT_N_SENTIMENTS];
    stance_strmap actors;  /* actor -> uint64_t statements */
    stance_strmap targets; /* target country -> report_counts */
    stance_strmap periods; /* period key -> report_counts */
} country_stats;

struct stance_report {
    stance_report_options opt;
    stance_strmap countries; /* country code -> country_stats */
    uint64_t statements;     /* added */
    uint64_t filtered;       /* read but outside the filters */
};

/* The fields of a scored statement that a report uses (NULL when absent). */
typedef struct report_entry {
    const char *country, *actor, *target, *date;
    const char *stance;    /* label, required */
    const char *sentiment; /* label or NULL */
} report_entry;

/* Add one statement by its fields (the filters apply); file and line are
 * for messages. */
int stance_report_add_entry(stance_report *r, const report_entry *e, const char *file, long line,
                     stance_error *err);

uint64_t stance_report_counts_n(const report_counts *c);
void stance_report_counts_add(report_counts *to, const report_counts *from);

/* Find or add a country's stats (NULL when out of memory). */
country_stats *stance_report_country(stance_report *r, const char *code);
int stance_report_stance_index(const char *label);    /* -1 if not a stance label */
int stance_report_sentiment_index(const char *label); /* -1 if not a sentiment label */

/* Period key of an ISO 8601 date ("2015-12-15", optionally followed by a time):
 * "2015-12-15", "2015-W51" or "2015-12". Returns -1 when the date is malformed. */
int stance_report_period_key(const char *date, stance_report_period by, char out[16]);
const char *stance_report_period_name(stance_report_period by);

/* ---- derived statistics (report_stats.c) ---- */

typedef struct report_interval {
    double value, lo, hi;
} report_interval;

/* Share k/n with its 95% Wilson score interval. */
report_interval stance_report_share(uint64_t k, uint64_t n);
/* Net stance index (conciliatory - adversarial) / n with a 95% interval
 * (Newcombe's square-and-add combination of the two Wilson intervals). */
report_interval stance_report_net_index(const report_counts *c);
/* Pearson's chi-square test that two stance distributions are the same.
 * Returns the statistic; *df and *p are set (df 0 and p 1 when untestable).
 * When an expected count is below 5, *sparse is set and p comes from a
 * seeded Monte Carlo permutation test instead of the chi-square distribution. */
double stance_report_chisq(const report_counts *a, const report_counts *b, int *df, double *p,
                    bool *sparse);
double stance_report_mean_sentiment(const country_stats *s);

/* ---- the summary every writer formats (report_summary.c) ----
 * Computed once from the counts: the countries in report order with their
 * intervals, actors, targets and series in the order they are shown, and
 * the pairwise tests. Keys point into the report, which must outlive it. */

/* One set of counts and what follows from it. */
typedef struct report_row {
    const char *key;    /* country code (REPORT_UNKNOWN_COUNTRY), target or period */
    report_counts counts;
    uint64_t n;
    report_interval share[REPORT_N_STANCES];
    report_interval net;
} report_row;

typedef struct report_actor {
    const char *name;
    uint64_t n;
} report_actor;

typedef struct report_country_summary {
    report_row total;
    uint64_t sentiment[REPORT_N_SENTIMENTS];
    double mean_sentiment;      /* (positive - negative) / n; NaN without sentiment */
    report_actor *actors;       /* most statements first, then by name */
    size_t n_actors;
    report_row *targets;        /* most statements first, then by code */
    size_t n_targets;
    report_row *series;         /* in time order ("undated" last) */
    size_t n_series;
} report_country_summary;

typedef struct report_comparison {
    const char *a, *b;
    double statistic, p;
    int df;
    bool sparse;                /* p from a Monte Carlo permutation test */
} report_comparison;

typedef struct report_summary {
    const stance_report *report;
    report_country_summary *countries; /* most statements first, then by code;
                                           those with at least opt.min_count */
    size_t n_countries;
    report_comparison *comparisons;    /* the opt.max_compare largest known countries, pairwise */
    size_t n_comparisons;
    report_row *targets;               /* every target, counts summed over countries */
    size_t n_targets;
    const char **periods;              /* every dated period, in time order */
    size_t n_periods;
    stance_strmap target_map, period_map; /* what the last two are made from */
} report_summary;

/* 0, or -1 when out of memory. */
int stance_report_summarize(const stance_report *r, report_summary *s);
void stance_report_summary_free(report_summary *s);

/* ---- writers: they format a summary ---- */
int stance_report_write_json(const report_summary *s, FILE *out, stance_error *err);
int stance_report_write_table(const report_summary *s, FILE *out, bool markdown);
int stance_report_write_csv(const report_summary *s, FILE *out);
int stance_report_write_html(const report_summary *s, FILE *out);

#endif
