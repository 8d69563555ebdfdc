/* Statements as CSV (RFC 4180: CRLF line ends, fields quoted when they hold
 * a comma, a quote or a line break, quotes doubled), one row a statement,
 * columns in the order of the header. Text cells that a spreadsheet would
 * take for a formula (= + - @, tab, CR first) get a leading apostrophe. */
#include <string.h>

#include "pipeline/score/score.h"

static const char *const columns[] = {
    "article_id", "date", "source", "url", "sentence", "start", "end", "char_start",
    "char_end", "speaker", "actor", "country", "target", "kind", "verb", "content", "text",
};

static int cell(stance_buf *out, const char *s, size_t n, bool first)
{
    if (!first && stance_buf_putc(out, ',') != 0)
        return -1;
    if (!s)
        return 0; /* null: an empty cell */
    bool formula = n > 0 && strchr("=+-@\t\r", s[0]);
    bool quote = formula || memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\n', n) ||
                 memchr(s, '\r', n);
    if (quote && stance_buf_putc(out, '"') != 0)
        return -1;
    if (formula && stance_buf_putc(out, '\'') != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' && stance_buf_putc(out, '"') != 0)
            return -1;
        if (stance_buf_putc(out, s[i]) != 0)
            return -1;
    }
    return quote ? stance_buf_putc(out, '"') : 0;
}

static int text_cell(stance_buf *out, const char *s)
{
    return cell(out, s, s ? strlen(s) : 0, false);
}

static int probability_cell(stance_buf *out, double p)
{
    return stance_buf_printf(out, ",%.4f", p);
}

static int class_columns(stance_buf *out, const char *prefix, const stance_model *m)
{
    int rc = stance_buf_printf(out, ",%s", prefix);
    for (size_t i = 0; rc == 0 && i < stance_model_n_labels(m); i++)
        rc = stance_buf_printf(out, ",%s_%s", prefix, stance_model_label(m, i));
    return rc;
}

int stance_statement_csv_header(stance_buf *out, const stance_scorer *scorer)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < sizeof columns / sizeof columns[0]; i++)
        rc = stance_buf_printf(out, "%s%s", i ? "," : "", columns[i]);
    if (rc == 0 && scorer) {
        rc = class_columns(out, "stance", scorer->stance);
        if (rc == 0 && scorer->sentiment)
            rc = class_columns(out, "sentiment", scorer->sentiment);
        if (rc == 0)
            rc = stance_buf_puts(out, ",terms");
    }
    return rc == 0 ? stance_buf_puts(out, "\r\n") : -1;
}

static int prediction_cells(stance_buf *out, const stance_prediction *p)
{
    if (text_cell(out, p->names[p->label]) != 0)
        return -1;
    for (size_t i = 0; i < p->n; i++)
        if (probability_cell(out, p->p[i]) != 0)
            return -1;
    return 0;
}

/* The terms as one cell: "rejected; not welcome_NEG". */
static int terms_cell(stance_buf *out, const stance_scored *sc)
{
    stance_buf joined = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < sc->n_terms; i++)
        rc = stance_buf_printf(&joined, "%s%s", i ? "; " : "", sc->terms[i].name);
    if (rc == 0)
        rc = cell(out, joined.data ? joined.data : "", joined.len, false);
    stance_buf_free(&joined);
    return rc;
}

int stance_statement_csv_write(stance_buf *out, const stance_article *a, const stance_statement *st,
                        const stance_scored *sc)
{
    const char *kind = stance_statement_kind_name(st->kind);
    bool ok = cell(out, a->id ? a->id : "", a->id ? strlen(a->id) : 0, true) == 0 &&
              text_cell(out, a->date) == 0 && text_cell(out, a->source) == 0 &&
              text_cell(out, a->url) == 0 &&
              stance_buf_printf(out, ",%zu,%zu,%zu,%zu,%zu", st->sentence, st->start, st->end,
                                st->char_start, st->char_end) == 0 &&
              text_cell(out, st->speaker) == 0 && text_cell(out, st->actor) == 0 &&
              text_cell(out, st->country[0] ? st->country : NULL) == 0 &&
              text_cell(out, st->target[0] ? st->target : NULL) == 0 &&
              text_cell(out, kind) == 0 && text_cell(out, st->verb) == 0 &&
              cell(out, a->text + st->start, st->end - st->start, false) == 0 &&
              cell(out, a->text + st->text_start, st->text_end - st->text_start, false) == 0;
    if (ok && sc) {
        ok = prediction_cells(out, &sc->stance) == 0 &&
             (sc->sentiment.label < 0 || prediction_cells(out, &sc->sentiment) == 0) &&
             terms_cell(out, sc) == 0;
    }
    return ok && stance_buf_puts(out, "\r\n") == 0 ? 0 : -1;
}
