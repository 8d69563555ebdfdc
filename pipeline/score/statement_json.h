/* The JSON object of one statement: what `stance extract` prints and what
 * `stance score` adds its predictions to (schema:
 * pipeline/schemas/scored-statement.schema.json). */
#ifndef STANCE_PIPELINE_STATEMENT_JSON_H
#define STANCE_PIPELINE_STATEMENT_JSON_H

#include <cjson/cJSON.h>

#include "stance.h"

/* NULL when out of memory. */
cJSON *statement_json(const stance_article *a, const stance_statement *s);

/* Append the unformatted object and a newline to *buf (grown as needed).
 * -1 when out of memory. */
int statement_json_append(cJSON *obj, char **buf, size_t *len, size_t *cap);

#endif
