/* The corpus options (how to read a labeled corpus) of train, eval and
 * featurize, and the feature options of train and featurize. */
#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli_groups.h"

int cli_corpus_parse(stance_corpus_options *c, const char *cmd, cli_opt id, const char *arg)
{
    (void)cmd;
    switch (id) {
    case CLI_OPT_CORPUS_FORMAT: c->format = arg; return 0;
    case CLI_OPT_TEXT_FIELD: c->text_field = arg; return 0;
    case CLI_OPT_LABEL_FIELD: c->label_field = arg; return 0;
    case CLI_OPT_LABELS: c->labels_path = arg; return 0;
    case CLI_OPT_LABEL_MAP: c->label_map_path = arg; return 0;
    default: return CLI_NOT_MINE;
    }
}

static int parse_range(const char *cmd, const char *opt, const char *arg, int max, int *lo, int *hi)
{
    char *end;
    long a = strtol(arg, &end, 10), b = a;
    if (*end == '-')
        b = strtol(end + 1, &end, 10);
    if (*end || a < 0 || b < a || b > max || (a == 0 && b != 0))
        return cli_usage_error(cmd, "%s wants N-M with 1 <= N <= M <= %d (or 0), not '%s'", opt, max, arg);
    *lo = (int)a;
    *hi = (int)b;
    return 0;
}

int cli_features_parse(stance_feature_config *f, const char *cmd, cli_opt id, const char *arg)
{
    long n;
    double d;
    switch (id) {
    case CLI_OPT_WORD_NGRAMS:
        return parse_range(cmd, "--word-ngrams", arg, 6, &f->word_ngram_min, &f->word_ngram_max);
    case CLI_OPT_CHAR_NGRAMS:
        return parse_range(cmd, "--char-ngrams", arg, 10, &f->char_ngram_min, &f->char_ngram_max);
    case CLI_OPT_CHAR_WB: f->char_ngram_word_bounded = true; return 0;
    case CLI_OPT_NEGATION: f->mark_negation = true; return 0;
    case CLI_OPT_STOP_WORDS: f->stop_words = true; return 0;
    case CLI_OPT_SUBLINEAR_TF: f->sublinear_tf = true; return 0;
    case CLI_OPT_NO_L2: f->l2_normalize = false; return 0;
    case CLI_OPT_WEIGHTING:
        if (strcmp(arg, "count") == 0) f->weighting = STANCE_WEIGHT_COUNT;
        else if (strcmp(arg, "binary") == 0) f->weighting = STANCE_WEIGHT_BINARY;
        else if (strcmp(arg, "tfidf") == 0) f->weighting = STANCE_WEIGHT_TFIDF;
        else return cli_usage_error(cmd, "--weighting wants count, binary or tfidf, not '%s'", arg);
        return 0;
    case CLI_OPT_MIN_DF:
        if (!cli_parse_int(cmd, "--min-df", arg, 1, 1L << 31, &n)) return STANCE_EXIT_USAGE;
        f->min_df = (unsigned)n;
        return 0;
    case CLI_OPT_MAX_DF:
        if (!cli_parse_double(cmd, "--max-df", arg, 1e-9, 1, &d)) return STANCE_EXIT_USAGE;
        f->max_df = d;
        return 0;
    case CLI_OPT_MAX_FEATURES:
        if (!cli_parse_int(cmd, "--max-features", arg, 1, 1L << 40, &n)) return STANCE_EXIT_USAGE;
        f->max_features = (size_t)n;
        return 0;
    case CLI_OPT_HASH_BITS:
        if (!cli_parse_int(cmd, "--hash-bits", arg, 1, 24, &n)) return STANCE_EXIT_USAGE;
        f->hash_bits = (unsigned)n;
        return 0;
    default:
        return CLI_NOT_MINE;
    }
}
