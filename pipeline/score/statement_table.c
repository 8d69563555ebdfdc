/* Statements as a table for people: a line naming the article, then one a
 * statement (sentence, kind, country, actor or speaker, stance, text). Text
 * is clipped at a character boundary and made safe for a terminal: control
 * characters and bidirectional marks become spaces. */
#include <string.h>

#include "pipeline/score/score.h"

/* The length of the UTF-8 sequence that starts with byte c. */
static size_t sequence_length(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* U+061C, U+200E-200F, U+202A-202E, U+2066-2069: marks that reorder what a
 * terminal shows after them. */
static bool bidi_mark(const unsigned char *s, size_t len)
{
    if (len == 2)
        return s[0] == 0xD8 && s[1] == 0x9C;
    if (len != 3 || s[0] != 0xE2)
        return false;
    return (s[1] == 0x80 && (s[2] == 0x8E || s[2] == 0x8F || (s[2] >= 0xAA && s[2] <= 0xAE))) ||
           (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9);
}

/* At most max bytes of s[0..n) into out, then "..." if cut. */
static int clipped(stance_buf *out, const char *s, size_t n, size_t max)
{
    size_t i = 0;
    while (i < n) {
        size_t len = sequence_length((unsigned char)s[i]);
        if (i + len > n || i + len > max)
            break;
        unsigned char c = (unsigned char)s[i];
        bool unsafe = (len == 1 && (c < 0x20 || c == 0x7F)) ||
                      bidi_mark((const unsigned char *)s + i, len) ||
                      (len == 2 && c == 0xC2 && (unsigned char)s[i + 1] < 0xA0); /* C1 */
        if (unsafe ? stance_buf_putc(out, ' ') : stance_buf_append(out, s + i, len))
            return -1;
        i += len;
    }
    return i < n ? stance_buf_puts(out, "...") : 0;
}

static int padded(stance_buf *out, const char *s, size_t width)
{
    size_t before = out->len;
    if (clipped(out, s, strlen(s), width) != 0)
        return -1;
    size_t chars = 0;
    for (size_t i = before; i < out->len; i++)
        chars += ((unsigned char)out->data[i] & 0xC0) != 0x80;
    for (; chars < width; chars++)
        if (stance_buf_putc(out, ' ') != 0)
            return -1;
    return 0;
}

static int row(stance_buf *out, const stance_article *a, const stance_statement *st,
               const stance_scored *sc)
{
    const char *who = st->actor ? st->actor : st->speaker;
    if (stance_buf_printf(out, "%4zu  %-8s  %-3s  ", st->sentence,
                          stance_statement_kind_name(st->kind), st->country[0] ? st->country : "-") ||
        padded(out, who, 30) || stance_buf_puts(out, "  "))
        return -1;
    if (sc && stance_buf_printf(out, "%-12s %.2f  ", sc->stance.names[sc->stance.label],
                                sc->stance.p[sc->stance.label]))
        return -1;
    if (clipped(out, a->text + st->text_start, st->text_end - st->text_start, 110))
        return -1;
    return stance_buf_putc(out, '\n');
}

int stance_statement_table_write(stance_buf *out, const stance_article *a,
                          const stance_statement *statements, const stance_scored *scored,
                          size_t n)
{
    if (stance_buf_puts(out, "# ") || clipped(out, a->id, strlen(a->id), 200))
        return -1;
    if (a->date && (stance_buf_puts(out, " (") || clipped(out, a->date, strlen(a->date), 40) ||
                    stance_buf_putc(out, ')')))
        return -1;
    if (stance_buf_putc(out, '\n'))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (row(out, a, &statements[i], scored ? &scored[i] : NULL))
            return -1;
    return 0;
}
