/* A self-contained HTML report: inline CSS and SVG, no scripts, no network.
 * Three charts: stance shares per country with 95% intervals, the net stance
 * index over time, and a speaker-country by target matrix. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/report/report.h"

static const char *const stance_colours[REPORT_N_STANCES] = {"#1b9e77", "#d95f02", "#7f7f7f"};
static const char *const series_colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                             "#8c564b", "#e377c2"};

static void esc(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*s, out);
        }
    }
}

static const char *label(const char *code)
{
    return strcmp(code, REPORT_UNKNOWN_COUNTRY) == 0 ? "unknown" : code;
}

/* Grouped horizontal bars: one block of three bars (one per stance) a country. */
static void shares_chart(FILE *out, const stance_report *r, const size_t *order, size_t k)
{
    const int left = 90, width = 520, bar = 9, block = 3 * bar + 14, top = 30;
    int height = top + (int)k * block + 30;
    fprintf(out, "<svg class=\"chart\" id=\"shares\" width=\"%d\" height=\"%d\" role=\"img\" "
                 "aria-label=\"stance shares per country\">\n", left + width + 40, height);
    for (int j = 0; j < REPORT_N_STANCES; j++)
        fprintf(out, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                     "<text x=\"%d\" y=\"18\">%s</text>\n",
                left + j * 140, stance_colours[j], left + j * 140 + 16, stance_report_stance_names[j]);
    for (int t = 0; t <= 100; t += 25) {
        double x = left + width * t / 100.0;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                     "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>\n",
                x, top, x, height - 24, x, height - 10, t);
    }
    for (size_t i = 0; i < k; i++) {
        const char *code = stance_strmap_key(&r->countries, order[i]);
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        uint64_t n = stance_report_counts_n(&s->total);
        int y0 = top + (int)i * block + 6;
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y0 + 3 * bar / 2 + 4);
        esc(out, label(code));
        fprintf(out, " (%llu)</text>\n", (unsigned long long)n);
        for (int j = 0; j < REPORT_N_STANCES; j++) {
            report_interval iv = stance_report_share(s->total.stance[j], n);
            int y = y0 + j * bar;
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                         "<title>%s: %.0f%% [%.0f-%.0f]</title></rect>\n",
                    left, y, width * iv.value, bar - 2, stance_colours[j], stance_report_stance_names[j],
                    100 * iv.value, 100 * iv.lo, 100 * iv.hi);
            fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"whisker\"/>\n",
                    left + width * iv.lo, y + (bar - 2) / 2, left + width * iv.hi, y + (bar - 2) / 2);
        }
    }
    fputs("</svg>\n", out);
}

/* Net index per period, one line a country (the largest few). */
static void series_chart(FILE *out, const stance_report *r, const size_t *order, size_t k)
{
    /* the union of periods, in time order */
    stance_strmap all;
    stance_strmap_init(&all, sizeof(report_counts));
    size_t shown = k < 6 ? k : 6;
    for (size_t i = 0; i < shown; i++) {
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        for (size_t j = 0; j < s->periods.count; j++)
            if (strcmp(stance_strmap_key(&s->periods, j), REPORT_UNDATED) != 0)
                stance_strmap_upsert(&all, stance_strmap_key(&s->periods, j));
    }
    size_t *po;
    size_t np = stance_report_period_order(&all, &po);
    const int left = 60, width = 560, top = 20, h = 220;
    fprintf(out, "<svg class=\"chart\" id=\"series\" width=\"%d\" height=\"%d\" role=\"img\" "
                 "aria-label=\"net stance over time\">\n", left + width + 120, top + h + 50);
    for (int t = -2; t <= 2; t++) {
        double y = top + h / 2.0 - t * h / 4.0;
        fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"%s\"/>"
                     "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%+.1f</text>\n",
                left, y, left + width, y, t == 0 ? "axis" : "grid", left - 6, y + 4, t / 2.0);
    }
    double step = np > 1 ? (double)width / (double)(np - 1) : 0;
    for (size_t p = 0; p < np; p++) {
        double x = left + (np > 1 ? step * (double)p : width / 2.0);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"small\">", x, top + h + 18);
        esc(out, stance_strmap_key(&all, po[p]));
        fputs("</text>\n", out);
    }
    for (size_t i = 0; i < shown; i++) {
        const char *code = stance_strmap_key(&r->countries, order[i]);
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        const char *colour = series_colours[i % 6];
        fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour);
        for (size_t p = 0; p < np; p++) {
            const report_counts *c = stance_strmap_get(&s->periods, stance_strmap_key(&all, po[p]));
            if (!c)
                continue;
            report_interval iv = stance_report_net_index(c);
            fprintf(out, "%.1f,%.1f ", left + (np > 1 ? step * (double)p : width / 2.0),
                    top + h / 2.0 - iv.value * h / 2.0);
        }
        fputs("\"/>\n", out);
        for (size_t p = 0; p < np; p++) {
            const report_counts *c = stance_strmap_get(&s->periods, stance_strmap_key(&all, po[p]));
            if (!c)
                continue;
            report_interval iv = stance_report_net_index(c);
            double x = left + (np > 1 ? step * (double)p : width / 2.0);
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>", x,
                    top + h / 2.0 - iv.value * h / 2.0, colour);
            esc(out, label(code));
            fprintf(out, " %s: %+.2f [%+.2f, %+.2f], n=%llu</title></circle>\n",
                    stance_strmap_key(&all, po[p]), iv.value, iv.lo, iv.hi,
                    (unsigned long long)stance_report_counts_n(c));
        }
        fprintf(out, "<text x=\"%d\" y=\"%d\" style=\"fill:%s\">", left + width + 14, top + 14 + (int)i * 18, colour);
        esc(out, label(code));
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
    free(po);
    stance_strmap_free(&all);
}

/* Rows: speaker countries; columns: targets; cell colour: net index. */
static void matrix_chart(FILE *out, const stance_report *r, const size_t *order, size_t k)
{
    stance_strmap targets;
    stance_strmap_init(&targets, sizeof(report_counts));
    for (size_t i = 0; i < k; i++) {
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        for (size_t j = 0; j < s->targets.count; j++) {
            report_counts *t = stance_strmap_upsert(&targets, stance_strmap_key(&s->targets, j));
            if (t)
                stance_report_counts_add(t, stance_strmap_value(&s->targets, j));
        }
    }
    size_t *to;
    size_t nt = stance_report_map_order(&targets, true, &to);
    const int left = 90, top = 60, cell = 44;
    fprintf(out, "<svg class=\"chart\" id=\"matrix\" width=\"%d\" height=\"%d\" role=\"img\" "
                 "aria-label=\"net stance of each speaker country toward each target\">\n",
            left + (int)nt * cell + 20, top + (int)k * cell + 20);
    for (size_t j = 0; j < nt; j++) {
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", left + (int)j * cell + cell / 2, top - 10);
        esc(out, stance_strmap_key(&targets, to[j]));
        fputs("</text>\n", out);
    }
    for (size_t i = 0; i < k; i++) {
        const char *code = stance_strmap_key(&r->countries, order[i]);
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        int y = top + (int)i * cell;
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y + cell / 2 + 4);
        esc(out, label(code));
        fputs("</text>\n", out);
        for (size_t j = 0; j < nt; j++) {
            const char *target = stance_strmap_key(&targets, to[j]);
            const report_counts *c = stance_strmap_get(&s->targets, target);
            int x = left + (int)j * cell;
            if (!c) {
                fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"empty\"/>\n",
                        x, y, cell - 2, cell - 2);
                continue;
            }
            report_interval iv = stance_report_net_index(c);
            /* red (-1) through white (0) to green (+1) */
            double v = iv.value, a = fabs(v);
            int red = v < 0 ? 255 : (int)(255 - a * (255 - 27));
            int green = v < 0 ? (int)(255 - a * (255 - 95)) : (int)(255 - a * (255 - 158));
            int blue = v < 0 ? (int)(255 - a * (255 - 2)) : (int)(255 - a * (255 - 119));
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,%d)\">"
                         "<title>", x, y, cell - 2, cell - 2, red, green, blue);
            esc(out, label(code));
            fputs(" toward ", out);
            esc(out, target);
            fprintf(out, ": net %+.2f [%+.2f, %+.2f], n=%llu</title></rect>"
                         "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"small\">%llu</text>\n",
                    iv.value, iv.lo, iv.hi, (unsigned long long)stance_report_counts_n(c),
                    x + cell / 2 - 1, y + cell / 2 + 4, (unsigned long long)stance_report_counts_n(c));
        }
    }
    fputs("</svg>\n", out);
    free(to);
    stance_strmap_free(&targets);
}

int stance_report_write_html(const stance_report *r, FILE *out)
{
    size_t *order;
    size_t k = stance_report_country_order(r, &order);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<title>Stance by country</title>\n<style>\n"
          "body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}\n"
          "table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left}\n"
          "td.num{text-align:right}svg text{font-size:12px;fill:#222}svg .small{font-size:10px}\n"
          "#matrix rect{stroke:#ccc}.grid{stroke:#ddd}.axis{stroke:#888}.whisker{stroke:#000;stroke-width:1.5}.empty{fill:#f4f4f4}\n"
          "</style>\n</head>\n<body>\n<h1>Stance by country</h1>\n", out);
    fprintf(out, "<p>%llu statements%s. Shares and the net stance index "
                 "((conciliatory &minus; adversarial) / n) with 95%% intervals.</p>\n",
            (unsigned long long)r->statements, r->filtered ? " after filters" : "");
    fputs("<table>\n<tr><th>country</th><th>n</th>", out);
    for (int j = 0; j < REPORT_N_STANCES; j++)
        fprintf(out, "<th>%s</th>", stance_report_stance_names[j]);
    fputs("<th>net index</th><th>sentiment</th></tr>\n", out);
    for (size_t i = 0; i < k; i++) {
        const char *code = stance_strmap_key(&r->countries, order[i]);
        const country_stats *s = stance_strmap_value(&r->countries, order[i]);
        uint64_t n = stance_report_counts_n(&s->total);
        fputs("<tr><td>", out);
        esc(out, label(code));
        fprintf(out, "</td><td class=\"num\">%llu</td>", (unsigned long long)n);
        for (int j = 0; j < REPORT_N_STANCES; j++) {
            report_interval iv = stance_report_share(s->total.stance[j], n);
            fprintf(out, "<td class=\"num\">%.0f%% [%.0f&ndash;%.0f]</td>", 100 * iv.value,
                    100 * iv.lo, 100 * iv.hi);
        }
        report_interval net = stance_report_net_index(&s->total);
        double sent = stance_report_mean_sentiment(s);
        fprintf(out, "<td class=\"num\">%+.2f [%+.2f, %+.2f]</td>", net.value, net.lo, net.hi);
        if (isnan(sent))
            fputs("<td class=\"num\">&ndash;</td></tr>\n", out);
        else
            fprintf(out, "<td class=\"num\">%+.2f</td></tr>\n", sent);
    }
    fputs("</table>\n<h2>Stance shares per country</h2>\n", out);
    shares_chart(out, r, order, k);
    fputs("<h2>Net stance over time</h2>\n", out);
    if (r->opt.by == STANCE_PERIOD_NONE)
        fputs("<p>Run <code>stance report --by day|week|month</code> for the series.</p>\n", out);
    else
        series_chart(out, r, order, k);
    fputs("<h2>Toward whom: net stance of speaker countries (rows) toward targets (columns)</h2>\n", out);
    matrix_chart(out, r, order, k);
    fputs("</body>\n</html>\n", out);
    free(order);
    return ferror(out) ? -1 : 0;
}
