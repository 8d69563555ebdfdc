#include "pipeline/cli/cli_feature_options.h"

#include <stdlib.h>
#include <string.h>

#include "pipeline/cli/cli.h"

enum {
    OPT_WORD = 3000, OPT_CHAR, OPT_CHAR_WB, OPT_NEGATION, OPT_STOP, OPT_WEIGHTING, OPT_SUBLINEAR,
    OPT_NO_L2, OPT_MIN_DF, OPT_MAX_DF, OPT_MAX_FEATURES, OPT_HASH_BITS, OPT_FORMAT, OPT_TEXT_FIELD,
    OPT_LABEL_FIELD, OPT_LABELS, OPT_LABEL_MAP,
};

static const struct option feature_options[] = {
    {"word-ngrams", required_argument, NULL, OPT_WORD},
    {"char-ngrams", required_argument, NULL, OPT_CHAR},
    {"char-wb", no_argument, NULL, OPT_CHAR_WB},
    {"negation", no_argument, NULL, OPT_NEGATION},
    {"stop-words", no_argument, NULL, OPT_STOP},
    {"weighting", required_argument, NULL, OPT_WEIGHTING},
    {"sublinear-tf", no_argument, NULL, OPT_SUBLINEAR},
    {"no-l2", no_argument, NULL, OPT_NO_L2},
    {"min-df", required_argument, NULL, OPT_MIN_DF},
    {"max-df", required_argument, NULL, OPT_MAX_DF},
    {"max-features", required_argument, NULL, OPT_MAX_FEATURES},
    {"hash-bits", required_argument, NULL, OPT_HASH_BITS},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"label-field", required_argument, NULL, OPT_LABEL_FIELD},
    {"labels", required_argument, NULL, OPT_LABELS},
    {"label-map", required_argument, NULL, OPT_LABEL_MAP},
    {0, 0, 0, 0},
};

size_t cli_feature_options_table(struct option *table)
{
    return cli_copy_options(feature_options, table);
}

void cli_feature_options_help(FILE *to)
{
    fputs("Corpus:\n"
          "      --format FORMAT     jsonl, csv, tsv or lines (default: by file name)\n"
          "      --text-field NAME   field or column of the text (default text)\n"
          "      --label-field NAME  field or column of the label (default label)\n"
          "      --labels FILE       the labels, one a line, of a plain text corpus\n"
          "      --label-map FILE    lines 'ID NAME' naming label ids\n"
          "Features:\n"
          "      --word-ngrams N-M   word n-grams from N to M words (default 1-2; 0 = off)\n"
          "      --char-ngrams N-M   character n-grams from N to M (default off)\n"
          "      --char-wb           character n-grams within words (padded by spaces)\n"
          "      --negation          mark words after not/no/never/n't up to punctuation\n"
          "      --stop-words        leave English function words out of word n-grams\n"
          "      --weighting W       count, binary or tfidf (default tfidf)\n"
          "      --sublinear-tf      use 1 + ln(tf) for term counts\n"
          "      --no-l2             do not scale vectors to unit length\n"
          "      --min-df N          keep terms in at least N documents (default 1)\n"
          "      --max-df SHARE      drop terms in more than SHARE of documents (default 1)\n"
          "      --max-features N    keep the N most frequent terms\n"
          "      --hash-bits B       feature hashing into 2^B columns instead of a vocabulary\n",
          to);
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
    return 1;
}

int cli_feature_options_parse(stance_feature_config *cfg, stance_corpus_options *copt,
                              const char *cmd, int c, const char *arg)
{
    long n;
    double d;
    switch (c) {
    case OPT_WORD: return parse_range(cmd, "--word-ngrams", arg, 6, &cfg->word_ngram_min, &cfg->word_ngram_max);
    case OPT_CHAR: return parse_range(cmd, "--char-ngrams", arg, 10, &cfg->char_ngram_min, &cfg->char_ngram_max);
    case OPT_CHAR_WB: cfg->char_ngram_word_bounded = true; return 1;
    case OPT_NEGATION: cfg->mark_negation = true; return 1;
    case OPT_STOP: cfg->stop_words = true; return 1;
    case OPT_SUBLINEAR: cfg->sublinear_tf = true; return 1;
    case OPT_NO_L2: cfg->l2_normalize = false; return 1;
    case OPT_WEIGHTING:
        if (strcmp(arg, "count") == 0) cfg->weighting = STANCE_WEIGHT_COUNT;
        else if (strcmp(arg, "binary") == 0) cfg->weighting = STANCE_WEIGHT_BINARY;
        else if (strcmp(arg, "tfidf") == 0) cfg->weighting = STANCE_WEIGHT_TFIDF;
        else return cli_usage_error(cmd, "--weighting wants count, binary or tfidf, not '%s'", arg);
        return 1;
    case OPT_MIN_DF:
        if (!cli_parse_int(cmd, "--min-df", arg, 1, 1L << 31, &n)) return STANCE_EXIT_USAGE;
        cfg->min_df = (unsigned)n;
        return 1;
    case OPT_MAX_DF:
        if (!cli_parse_double(cmd, "--max-df", arg, 1e-9, 1, &d)) return STANCE_EXIT_USAGE;
        cfg->max_df = d;
        return 1;
    case OPT_MAX_FEATURES:
        if (!cli_parse_int(cmd, "--max-features", arg, 1, 1L << 40, &n)) return STANCE_EXIT_USAGE;
        cfg->max_features = (size_t)n;
        return 1;
    case OPT_HASH_BITS:
        if (!cli_parse_int(cmd, "--hash-bits", arg, 1, 24, &n)) return STANCE_EXIT_USAGE;
        cfg->hash_bits = (unsigned)n;
        return 1;
    case OPT_FORMAT: copt->format = arg; return 1;
    case OPT_TEXT_FIELD: copt->text_field = arg; return 1;
    case OPT_LABEL_FIELD: copt->label_field = arg; return 1;
    case OPT_LABELS: copt->labels_path = arg; return 1;
    case OPT_LABEL_MAP: copt->label_map_path = arg; return 1;
    default: return 0;
    }
}
