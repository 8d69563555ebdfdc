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
static void fmt_actors(char *buf, size_t size, const country_stats *s, size_t top)
{
    size_t *order;
    size_t k = stance_report_map_order(&s->actors, false, &order);
    buf[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < k && i < top && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s (%llu)", i ? ", " : "",
                         stance_strmap_key(&s->actors, order[i]),
                         (unsigned long long)*(uint64_t *)stance_strmap_value(&s->actors, order[i]));
        if (w < 0)
            break;
        used += (size_t)w;
    }
    free(order);
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

static void stance_cells(const report_counts *c, char cells[5][64])
{
    uint64_t n = stance_report_counts_n(c);
    snprintf(cells[0], 64, "%llu", (unsigned long long)n);
    for (int j = 0; j < REPORT_N_STANCES; j++)
        fmt_share(cells[1 + j], 64, stance_report_share(c->stance[j], n));
    fmt_net(cells[4], 64, stance_report_net_index(c));
}

int stance_report_write_table(const stance_report *r, FILE *out, bool markdown)
{
    size_t *order;
    size_t k = stance_report_country_order(r, &order);
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
    for (size_t i = 0; i < k; i++) {
        const char *code = stance_strmap_key(&r->countries, order[i]);
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        char cells[5][64], sent[32], actors[512];
        stance_cells(&s->total, cells);
        fmt_signed(sent, sizeof sent, stance_report_mean_sentiment(s));
        fmt_actors(actors, sizeof actors, s, r->opt.top_actors);
        const char *line[] = {country_label(code), cells[0], cells[1], cells[2], cells[3],
                              cells[4], sent, actors};
        row(&t, line);
    }

    /* who is adversarial (or conciliatory) toward whom */
    bool any_target = false;
    for (size_t i = 0; i < k && !any_target; i++)
        any_target = ((const country_stats *)stance_strmap_value(&r->countries, order[i]))->targets.count > 0;
    if (any_target) {
        heading(out, markdown, "Toward whom (speaker country -> target)");
        static const int pw[] = {7, 7, 5, 13, 13, 13, 0};
        table pt = {out, markdown, pw, 7};
        const char *ph[] = {"country", "target", "n", "conciliatory", "adversarial", "neutral",
                            "net index"};
        header(&pt, ph);
        for (size_t i = 0; i < k; i++) {
            const char *code = stance_strmap_key(&r->countries, order[i]);
            const country_stats *s = stance_strmap_value(&r->countries, order[i]);
            size_t *to;
            size_t m = stance_report_map_order(&s->targets, true, &to);
            for (size_t j = 0; j < m; j++) {
                const char *target = stance_strmap_key(&s->targets, to[j]);
                char cells[5][64];
                stance_cells(stance_strmap_value(&s->targets, to[j]), cells);
                const char *line[] = {country_label(code), target, cells[0], cells[1], cells[2],
                                      cells[3], cells[4]};
                row(&pt, line);
            }
            free(to);
        }
    }

    if (r->opt.by != STANCE_PERIOD_NONE) {
        char title[64];
        snprintf(title, sizeof title, "Over time (by %s)", stance_report_period_name(r->opt.by));
        heading(out, markdown, title);
        static const int sw[] = {7, 10, 5, 13, 13, 13, 0};
        table st = {out, markdown, sw, 7};
        const char *sh[] = {"country", "period", "n", "conciliatory", "adversarial", "neutral",
                            "net index"};
        header(&st, sh);
        for (size_t i = 0; i < k; i++) {
            const char *code = stance_strmap_key(&r->countries, order[i]);
            const country_stats *s = stance_strmap_value(&r->countries, order[i]);
            size_t *po;
            size_t m = stance_report_period_order(&s->periods, &po);
            for (size_t j = 0; j < m; j++) {
                const char *period = stance_strmap_key(&s->periods, po[j]);
                char cells[5][64];
                stance_cells(stance_strmap_value(&s->periods, po[j]), cells);
                const char *line[] = {country_label(code), period, cells[0], cells[1], cells[2],
                                      cells[3], cells[4]};
                row(&st, line);
            }
            free(po);
        }
    }

    /* are two countries' stance distributions different? */
    size_t *known;
    size_t m = stance_report_compared(r, order, k, &known);
    if (m >= 2) {
        heading(out, markdown, "Do the stance distributions differ? (chi-square test)");
        for (size_t i = 0; i < m; i++)
            for (size_t j = i + 1; j < m; j++) {
                const country_stats *a = stance_strmap_value(&r->countries, known[i]);
                const country_stats *b = stance_strmap_value(&r->countries, known[j]);
                int df;
                double p;
                bool sparse;
                double stat = stance_report_chisq(&a->total, &b->total, &df, &p, &sparse);
                fprintf(out, "%s%s vs %s: chi2 = %.2f, df = %d, p = %.3g%s\n", markdown ? "- " : "",
                        stance_strmap_key(&r->countries, known[i]),
                        stance_strmap_key(&r->countries, known[j]), stat, df, p,
                        sparse ? " (Monte Carlo permutation p: small counts)" : "");
            }
    }
    free(known);
    free(order);
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
                    const report_counts *c, double sentiment)
{
    uint64_t n = stance_report_counts_n(c);
    csv_field(out, country_label(code));
    fputc(',', out);
    fputs(kind, out);
    fputc(',', out);
    csv_field(out, key);
    fprintf(out, ",%llu", (unsigned long long)n);
    for (int j = 0; j < REPORT_N_STANCES; j++)
        fprintf(out, ",%llu", (unsigned long long)c->stance[j]);
    for (int j = 0; j < REPORT_N_STANCES; j++) {
        report_interval iv = stance_report_share(c->stance[j], n);
        csv_number(out, iv.value);
        csv_number(out, iv.lo);
        csv_number(out, iv.hi);
    }
    report_interval net = stance_report_net_index(c);
    csv_number(out, net.value);
    csv_number(out, net.lo);
    csv_number(out, net.hi);
    csv_number(out, sentiment);
    fputc('\n', out);
}

int stance_report_write_csv(const stance_report *r, FILE *out)
{
    fputs("country,row,key,n,conciliatory,adversarial,neutral,"
          "conciliatory_share,conciliatory_lo,conciliatory_hi,"
          "adversarial_share,adversarial_lo,adversarial_hi,"
          "neutral_share,neutral_lo,neutral_hi,net,net_lo,net_hi,sentiment\n",
          out);
    size_t *order;
    size_t k = stance_report_country_order(r, &order);
    for (size_t i = 0; i < k; i++) {
        const char *code = stance_strmap_key(&r->countries, order[i]);
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        csv_row(out, code, "country", "", &s->total, stance_report_mean_sentiment(s));
        size_t *sub;
        size_t m = stance_report_map_order(&s->targets, true, &sub);
        for (size_t j = 0; j < m; j++)
            csv_row(out, code, "target", stance_strmap_key(&s->targets, sub[j]),
                    stance_strmap_value(&s->targets, sub[j]), NAN);
        free(sub);
        m = stance_report_period_order(&s->periods, &sub);
        for (size_t j = 0; j < m; j++)
            csv_row(out, code, "period", stance_strmap_key(&s->periods, sub[j]),
                    stance_strmap_value(&s->periods, sub[j]), NAN);
        free(sub);
    }
    free(order);
    return ferror(out) ? -1 : 0;
}
