/* The statement writers' front: format dispatch. */
#include "pipeline/score/score.h"

int stance_statements_begin(stance_buf *out, stance_statement_format format,
                            const stance_scorer *scorer)
{
    return format == STANCE_STATEMENTS_CSV ? stance_statement_csv_header(out, scorer) : 0;
}

int stance_statements_write(stance_buf *out, stance_statement_format format,
                            const stance_article *a, const stance_statement *statements,
                            const stance_scored *scored, size_t n)
{
    if (format == STANCE_STATEMENTS_TABLE)
        return stance_statement_table_write(out, a, statements, scored, n);
    for (size_t i = 0; i < n; i++) {
        const stance_scored *sc = scored ? &scored[i] : NULL;
        int rc = format == STANCE_STATEMENTS_CSV ? stance_statement_csv_write(out, a, &statements[i], sc)
                                                 : stance_statement_json_write(out, a, &statements[i], sc);
        if (rc != 0)
            return -1;
    }
    return 0;
}
