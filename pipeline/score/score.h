/* The scorer's state, shared with the statement writers (which name the
 * models' classes in a CSV header). */
#ifndef STANCE_PIPELINE_SCORE_SCORE_H
#define STANCE_PIPELINE_SCORE_SCORE_H

#include "stance.h"

struct stance_scorer {
    stance_extractor *x;
    const stance_model *stance, *sentiment;
    size_t top_terms;
    stance_sparse work;
    stance_term *candidates; /* terms to pick the word terms from */
    size_t stride;           /* probabilities a statement: stance classes, then sentiment's */
    stance_scored *scored;
    double *probs;
    stance_term *terms;      /* top_terms a statement */
    size_t scored_cap, probs_cap, terms_cap;
};

/* The JSONL, CSV and table writers behind stance_statements_write. */
int stance_statement_json_write(stance_buf *out, const stance_article *a, const stance_statement *st,
                         const stance_scored *sc);
int stance_statement_csv_header(stance_buf *out, const stance_scorer *scorer);
int stance_statement_csv_write(stance_buf *out, const stance_article *a, const stance_statement *st,
                        const stance_scored *sc);
int stance_statement_table_write(stance_buf *out, const stance_article *a,
                          const stance_statement *statements, const stance_scored *scored,
                          size_t n);

#endif
