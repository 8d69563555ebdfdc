/* Reports for people (an aligned table, or Markdown) and for spreadsheets (CSV). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/report/report.h"

static const char *country_label(const char *code)
{
    return strcmp(code, REPORT_UNKNOWN_COUNTRY) == 0 ? "unknown" : code;
}

static void fmt_share(char *buf, size_t size, report_interval iv)
{
    if (isnan(iv.value))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%3.0f%% [%.0f-%.0f]", 100 * iv.value, 100 * iv.lo, 100 * iv.hi);
}

static void fmt_net(char *buf, size_t size, report_interval iv)
{
    if (isnan(iv.value))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%+.2f [%+.2f,%+.2f]", iv.value, iv.lo, iv.hi);
}

static void fmt_signed(char *buf, size_t size, double v)
{
    if (isnan(v))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%+.2f", v);
}

/* "name (n), name (n)" for the top actors. */
static void fmt_actors(char *buf, size_t size, const report_country_summary *c, size_t top)
{
    buf[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < c->n_actors && i < top && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s (%llu)", i ? ", " : "", c->actors[i].name,
                         (unsigned long long)c->actors[i].n);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* Rows are printed either as aligned columns or as Markdown table rows. */
typedef struct table {
    FILE *out;
    bool markdown;
    const int *widths;
    int ncols;
} table;

static void row(const table *t, const char *const *cells)
{
    for (int i = 0; i < t->ncols; i++) {
        if (t->markdown)
            fprintf(t->out, "| %s ", cells[i]);
        else if (i == t->ncols - 1)
            fprintf(t->out, "%s", cells[i]);
        else
            fprintf(t->out, "%-*s  ", t->widths[i], cells[i]);
    }
    fputs(t->markdown ? "|\n" : "\n", t->out);
}

static void header(const table *t, const char *const *cells)
{
    row(t, cells);
    if (t->markdown) {
        for (int i = 0; i < t->ncols; i++)
            fputs("|---", t->out);
        fputs("|\n", t->out);
    }
}

static void heading(FILE *out, bool markdown, const char *text)
{
    if (markdown)
        fprintf(out, "\n## %s\n\n", text);
    else
        fprintf(out, "\n%s\n", text);
}

static void stance_cells(const report_row *r, char cells[5][64])
{
    snprintf(cells[0], 64, "%llu", (unsigned long long)r->n);
    for (int j = 0; j < REPORT_N_STANCES; j++)
        fmt_share(cells[1 + j], 64, r->share[j]);
    fmt_net(cells[4], 64, r->net);
}

/* One table of rows per country: targets or periods. */
static void sub_table(FILE *out, bool markdown, const report_summary *s, bool targets)
{
    static const int target_widths[] = {7, 7, 5, 13, 13, 13, 0};
    static const int period_widths[] = {7, 10, 5, 13, 13, 13, 0};
    table t = {out, markdown, targets ? target_widths : period_widths, 7};
    const char *head[] = {"country", targets ? "target" : "period", "n", "conciliatory",
                          "adversarial", "neutral", "net index"};
    header(&t, head);
    for (size_t i = 0; i < s->n_countries; i++) {
        const report_country_summary *c = &s->countries[i];
        const report_row *rows = targets ? c->targets : c->series;
        size_t n = targets ? c->n_targets : c->n_series;
        for (size_t j = 0; j < n; j++) {
            char cells[5][64];
            stance_cells(&rows[j], cells);
            const char *line[] = {country_label(c->total.key), rows[j].key, cells[0], cells[1],
                                  cells[2], cells[3], cells[4]};
            row(&t, line);
        }
    }
}

int stance_report_write_table(const report_summary *s, FILE *out, bool markdown)
{
    const stance_report *r = s->report;
    if (markdown)
        fprintf(out, "# Stance by country\n\n");
    else
        fprintf(out, "Stance by country\n");
    fprintf(out, "%llu statements%s; shares and net index with 95%% intervals; "
                 "net index = (conciliatory - adversarial) / n\n",
            (unsigned long long)r->statements, r->filtered ? " after filters" : "");
    if (!markdown)
        fputc('\n', out);

    static const int widths[] = {7, 5, 13, 13, 13, 20, 9, 0};
    table t = {out, markdown, widths, 8};
    const char *head[] = {"country", "n", "conciliatory", "adversarial", "neutral", "net index",
                          "sentiment", "top actors"};
    header(&t, head);
    bool any_target = false;
    for (size_t i = 0; i < s->n_countries; i++) {
        const report_country_summary *c = &s->countries[i];
        char cells[5][64], sent[32], actors[512];
        stance_cells(&c->total, cells);
        fmt_signed(sent, sizeof sent, c->mean_sentiment);
        fmt_actors(actors, sizeof actors, c, r->opt.top_actors);
        const char *line[] = {country_label(c->total.key), cells[0], cells[1], cells[2], cells[3],
                              cells[4], sent, actors};
        row(&t, line);
        any_target = any_target || c->n_targets > 0;
    }
    /* who is adversarial (or conciliatory) toward whom */
    if (any_target) {
        heading(out, markdown, "Toward whom (speaker country -> target)");
        sub_table(out, markdown, s, true);
    }
    if (r->opt.by != STANCE_PERIOD_NONE) {
        char title[64];
        snprintf(title, sizeof title, "Over time (by %s)", stance_report_period_name(r->opt.by));
        heading(out, markdown, title);
        sub_table(out, markdown, s, false);
    }
    /* are two countries' stance distributions different? */
    if (s->n_comparisons > 0)
        heading(out, markdown, "Do the stance distributions differ? (chi-square test)");
    for (size_t i = 0; i < s->n_comparisons; i++) {
        const report_comparison *c = &s->comparisons[i];
        fprintf(out, "%s%s vs %s: chi2 = %.2f, df = %d, p = %.3g%s\n", markdown ? "- " : "",
                c->a, c->b, c->statistic, c->df, c->p,
                c->sparse ? " (Monte Carlo permutation p: small counts)" : "");
    }
    return ferror(out) ? -1 : 0;
}

static void csv_field(FILE *out, const char *s)
{
    if (strpbrk(s, ",\"\n\r")) {
        fputc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    } else {
        fputs(s, out);
    }
}

static void csv_number(FILE *out, double v)
{
    if (isnan(v))
        fputs(",", out);
    else
        fprintf(out, ",%.6g", v);
}

static void csv_row(FILE *out, const char *code, const char *kind, const char *key,
                    const report_row *r, double sentiment)
{
    csv_field(out, country_label(code));
    fputc(',', out);
    fputs(kind, out);
    fputc(',', out);
    csv_field(out, key);
    fprintf(out, ",%llu", (unsigned long long)r->n);
    for (int j = 0; j < REPORT_N_STANCES; j++)
        fprintf(out, ",%llu", (unsigned long long)r->counts.stance[j]);
    for (int j = 0; j < REPORT_N_STANCES; j++) {
        csv_number(out, r->share[j].value);
        csv_number(out, r->share[j].lo);
        csv_number(out, r->share[j].hi);
    }
    csv_number(out, r->net.value);
    csv_number(out, r->net.lo);
    csv_number(out, r->net.hi);
    csv_number(out, sentiment);
    fputc('\n', out);
}

int stance_report_write_csv(const report_summary *s, FILE *out)
{
    fputs("country,row,key,n,conciliatory,adversarial,neutral,"
          "conciliatory_share,conciliatory_lo,conciliatory_hi,"
          "adversarial_share,adversarial_lo,adversarial_hi,"
          "neutral_share,neutral_lo,neutral_hi,net,net_lo,net_hi,sentiment\n",
          out);
    for (size_t i = 0; i < s->n_countries; i++) {
        const report_country_summary *c = &s->countries[i];
        const char *code = c->total.key;
        csv_row(out, code, "country", "", &c->total, c->mean_sentiment);
        for (size_t j = 0; j < c->n_targets; j++)
            csv_row(out, code, "target", c->targets[j].key, &c->targets[j], NAN);
        for (size_t j = 0; j < c->n_series; j++)
            csv_row(out, code, "period", c->series[j].key, &c->series[j], NAN);
    }
    return ferror(out) ? -1 : 0;
}
