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
static void shares_chart(FILE *out, const report_summary *s)
{
    const int left = 90, width = 520, bar = 9, block = 3 * bar + 14, top = 30;
    int height = top + (int)s->n_countries * block + 30;
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
    for (size_t i = 0; i < s->n_countries; i++) {
        const report_row *c = &s->countries[i].total;
        int y0 = top + (int)i * block + 6;
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y0 + 3 * bar / 2 + 4);
        esc(out, label(c->key));
        fprintf(out, " (%llu)</text>\n", (unsigned long long)c->n);
        for (int j = 0; j < REPORT_N_STANCES; j++) {
            report_interval iv = c->share[j];
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

/* The row of key among rows, or NULL. */
static const report_row *find_row(const report_row *rows, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].key, key) == 0)
            return &rows[i];
    return NULL;
}

/* Net index per period, one line a country (the largest few). */
static void series_chart(FILE *out, const report_summary *s)
{
    size_t np = s->n_periods, shown = s->n_countries < 6 ? s->n_countries : 6;
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
        esc(out, s->periods[p]);
        fputs("</text>\n", out);
    }
    for (size_t i = 0; i < shown; i++) {
        const report_country_summary *c = &s->countries[i];
        const char *colour = series_colours[i % 6];
        fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour);
        for (size_t p = 0; p < np; p++) {
            const report_row *r = find_row(c->series, c->n_series, s->periods[p]);
            if (r)
                fprintf(out, "%.1f,%.1f ", left + (np > 1 ? step * (double)p : width / 2.0),
                        top + h / 2.0 - r->net.value * h / 2.0);
        }
        fputs("\"/>\n", out);
        for (size_t p = 0; p < np; p++) {
            const report_row *r = find_row(c->series, c->n_series, s->periods[p]);
            if (!r)
                continue;
            double x = left + (np > 1 ? step * (double)p : width / 2.0);
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>", x,
                    top + h / 2.0 - r->net.value * h / 2.0, colour);
            esc(out, label(c->total.key));
            fprintf(out, " %s: %+.2f [%+.2f, %+.2f], n=%llu</title></circle>\n", s->periods[p],
                    r->net.value, r->net.lo, r->net.hi, (unsigned long long)r->n);
        }
        fprintf(out, "<text x=\"%d\" y=\"%d\" style=\"fill:%s\">", left + width + 14, top + 14 + (int)i * 18, colour);
        esc(out, label(c->total.key));
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
}

/* Rows: speaker countries; columns: targets; cell colour: net index. */
static void matrix_chart(FILE *out, const report_summary *s)
{
    size_t nt = s->n_targets, k = s->n_countries;
    const int left = 90, top = 60, cell = 44;
    fprintf(out, "<svg class=\"chart\" id=\"matrix\" width=\"%d\" height=\"%d\" role=\"img\" "
                 "aria-label=\"net stance of each speaker country toward each target\">\n",
            left + (int)nt * cell + 20, top + (int)k * cell + 20);
    for (size_t j = 0; j < nt; j++) {
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", left + (int)j * cell + cell / 2, top - 10);
        esc(out, s->targets[j].key);
        fputs("</text>\n", out);
    }
    for (size_t i = 0; i < k; i++) {
        const report_country_summary *c = &s->countries[i];
        int y = top + (int)i * cell;
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y + cell / 2 + 4);
        esc(out, label(c->total.key));
        fputs("</text>\n", out);
        for (size_t j = 0; j < nt; j++) {
            const char *target = s->targets[j].key;
            const report_row *r = find_row(c->targets, c->n_targets, target);
            int x = left + (int)j * cell;
            if (!r) {
                fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"empty\"/>\n",
                        x, y, cell - 2, cell - 2);
                continue;
            }
            /* red (-1) through white (0) to green (+1) */
            double v = r->net.value, a = fabs(v);
            int red = v < 0 ? 255 : (int)(255 - a * (255 - 27));
            int green = v < 0 ? (int)(255 - a * (255 - 95)) : (int)(255 - a * (255 - 158));
            int blue = v < 0 ? (int)(255 - a * (255 - 2)) : (int)(255 - a * (255 - 119));
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,%d)\">"
                         "<title>", x, y, cell - 2, cell - 2, red, green, blue);
            esc(out, label(c->total.key));
            fputs(" toward ", out);
            esc(out, target);
            fprintf(out, ": net %+.2f [%+.2f, %+.2f], n=%llu</title></rect>"
                         "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"small\">%llu</text>\n",
                    r->net.value, r->net.lo, r->net.hi, (unsigned long long)r->n,
                    x + cell / 2 - 1, y + cell / 2 + 4, (unsigned long long)r->n);
        }
    }
    fputs("</svg>\n", out);
}

int stance_report_write_html(const report_summary *s, FILE *out)
{
    const stance_report *r = s->report;
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
    for (size_t i = 0; i < s->n_countries; i++) {
        const report_country_summary *c = &s->countries[i];
        fputs("<tr><td>", out);
        esc(out, label(c->total.key));
        fprintf(out, "</td><td class=\"num\">%llu</td>", (unsigned long long)c->total.n);
        for (int j = 0; j < REPORT_N_STANCES; j++) {
            report_interval iv = c->total.share[j];
            fprintf(out, "<td class=\"num\">%.0f%% [%.0f&ndash;%.0f]</td>", 100 * iv.value,
                    100 * iv.lo, 100 * iv.hi);
        }
        report_interval net = c->total.net;
        fprintf(out, "<td class=\"num\">%+.2f [%+.2f, %+.2f]</td>", net.value, net.lo, net.hi);
        if (isnan(c->mean_sentiment))
            fputs("<td class=\"num\">&ndash;</td></tr>\n", out);
        else
            fprintf(out, "<td class=\"num\">%+.2f</td></tr>\n", c->mean_sentiment);
    }
    fputs("</table>\n<h2>Stance shares per country</h2>\n", out);
    shares_chart(out, s);
    fputs("<h2>Net stance over time</h2>\n", out);
    if (r->opt.by == STANCE_PERIOD_NONE)
        fputs("<p>Run <code>stance report --by day|week|month</code> for the series.</p>\n", out);
    else
        series_chart(out, s);
    fputs("<h2>Toward whom: net stance of speaker countries (rows) toward targets (columns)</h2>\n", out);
    matrix_chart(out, s);
    fputs("</body>\n</html>\n", out);
    return ferror(out) ? -1 : 0;
}
