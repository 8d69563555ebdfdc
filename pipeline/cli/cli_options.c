/* The option table of the program, its groups, and the parser and help
 * built from them. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "pipeline/cli/cli.h"

#define OPT(id) [(id) - CLI_OPT_FIRST]

static const cli_option table[CLI_OPT_LAST - CLI_OPT_FIRST] = {
    OPT(CLI_OPT_HELP) = {"help", 'h', NULL, "show this help and exit"},
    OPT(CLI_OPT_OUTPUT) = {"output", 'o', "FILE", "write there (atomically), not to stdout"},
    OPT(CLI_OPT_STATEMENT_FORMAT) = {"format", 'f', "FMT",
                                     "jsonl (default: one JSON object a statement), csv\n"
                                     "(RFC 4180, a header line) or table"},
    OPT(CLI_OPT_QUIET) = {"quiet", 'q', NULL, "no summary line on stderr"},
    OPT(CLI_OPT_GAZETTEER) = {"gazetteer", 'g', "PATH",
                              "add actors from a gazetteer file, or every *.tsv of a\n"
                              "directory (format: training-data/gazetteer/FORMAT.md);\n"
                              "may be repeated"},
    OPT(CLI_OPT_NO_BUILTIN_GAZETTEER) = {"no-builtin-gazetteer", 0, NULL,
                                         "use only the --gazetteer files"},
    OPT(CLI_OPT_MAX_ARTICLE_SIZE) = {"max-article-size", 0, "BYTES",
                                     "refuse articles larger than this (default 16 MiB)"},
    OPT(CLI_OPT_STRICT) = {"strict", 0, NULL,
                           "stop at the first bad record instead of skipping it"},
    OPT(CLI_OPT_JOBS) = {"jobs", 'j', "N",
                         "worker threads (default: all cores); output keeps the\n"
                         "input order"},
    OPT(CLI_OPT_MODEL) = {"model", 'm', "FILE",
                          "the stance model (default: builtin:stance, trained on\n"
                          "the project's corpus)"},
    OPT(CLI_OPT_SENTIMENT_MODEL) = {"sentiment-model", 0, "FILE",
                                    "the sentiment model (default: builtin:sentiment)"},
    OPT(CLI_OPT_NO_SENTIMENT) = {"no-sentiment", 0, NULL, "do not classify sentiment"},
    OPT(CLI_OPT_TERMS) = {"terms", 0, "N", "terms listed behind each stance (default 5)"},
    OPT(CLI_OPT_REPORT_FORMAT) = {"format", 'f', "FMT",
                                  "table (default), json, csv, markdown or html (a\n"
                                  "self-contained page with SVG charts)"},
    OPT(CLI_OPT_BY) = {"by", 0, "PERIOD", "add series by day, week (ISO 8601) or month"},
    OPT(CLI_OPT_COUNTRY) = {"country", 0, "CODE",
                            "only these speaker countries (repeat, or CODE,CODE)"},
    OPT(CLI_OPT_ACTOR) = {"actor", 0, "NAME", "only this actor (case-insensitive)"},
    OPT(CLI_OPT_SINCE) = {"since", 0, "DATE", "only statements dated DATE (YYYY-MM-DD) or later"},
    OPT(CLI_OPT_UNTIL) = {"until", 0, "DATE", "only statements dated DATE or earlier"},
    OPT(CLI_OPT_MIN_COUNT) = {"min-count", 0, "N",
                              "show only countries with at least N statements"},
    OPT(CLI_OPT_TOP_ACTORS) = {"top-actors", 0, "N",
                               "actors listed per country in tables (default 3)"},
    OPT(CLI_OPT_COMPARE) = {"compare", 0, "N",
                            "compare the N largest countries pairwise (default 5)"},
    OPT(CLI_OPT_STATEMENTS) = {"statements", 0, "FILE",
                               "also write the scored statements (JSONL) there"},
    OPT(CLI_OPT_MERGE) = {"merge", 0, NULL,
                          "the inputs are JSON reports (of shards of a corpus);\n"
                          "combine them into the report of the whole"},
    OPT(CLI_OPT_CORPUS_FORMAT) = {"format", 0, "FMT",
                                  "jsonl, csv, tsv or lines (default: by file name)"},
    OPT(CLI_OPT_TEXT_FIELD) = {"text-field", 0, "NAME",
                               "field or column of the text (default text)"},
    OPT(CLI_OPT_LABEL_FIELD) = {"label-field", 0, "NAME",
                                "field or column of the label (default label)"},
    OPT(CLI_OPT_LABELS) = {"labels", 0, "FILE", "the labels, one a line, of a plain text corpus"},
    OPT(CLI_OPT_LABEL_MAP) = {"label-map", 0, "FILE", "lines 'ID NAME' naming label ids"},
    OPT(CLI_OPT_WORD_NGRAMS) = {"word-ngrams", 0, "N-M",
                                "word n-grams from N to M words (default 1-2; 0 = off)"},
    OPT(CLI_OPT_CHAR_NGRAMS) = {"char-ngrams", 0, "N-M",
                                "character n-grams from N to M (default off)"},
    OPT(CLI_OPT_CHAR_WB) = {"char-wb", 0, NULL, "character n-grams within words (padded by spaces)"},
    OPT(CLI_OPT_NEGATION) = {"negation", 0, NULL,
                             "mark words after not/no/never/n't up to punctuation"},
    OPT(CLI_OPT_STOP_WORDS) = {"stop-words", 0, NULL,
                               "leave English function words out of word n-grams"},
    OPT(CLI_OPT_WEIGHTING) = {"weighting", 0, "W", "count, binary or tfidf (default tfidf)"},
    OPT(CLI_OPT_SUBLINEAR_TF) = {"sublinear-tf", 0, NULL, "use 1 + ln(tf) for term counts"},
    OPT(CLI_OPT_NO_L2) = {"no-l2", 0, NULL, "do not scale vectors to unit length"},
    OPT(CLI_OPT_MIN_DF) = {"min-df", 0, "N", "keep terms in at least N documents (default 1)"},
    OPT(CLI_OPT_MAX_DF) = {"max-df", 0, "SHARE",
                           "drop terms in more than SHARE of documents (default 1)"},
    OPT(CLI_OPT_MAX_FEATURES) = {"max-features", 0, "N", "keep the N most frequent terms"},
    OPT(CLI_OPT_HASH_BITS) = {"hash-bits", 0, "B",
                              "feature hashing into 2^B columns instead of a vocabulary"},
    OPT(CLI_OPT_SOLVER) = {"solver", 0, "S",
                           "liblinear, libsvm, or auto (default: liblinear for a\n"
                           "linear kernel, libsvm for RBF)"},
    OPT(CLI_OPT_KERNEL) = {"kernel", 0, "K", "linear (default) or rbf (libsvm only)"},
    OPT(CLI_OPT_C) = {"C", 0, "LIST",
                      "values of C to try, comma-separated\n"
                      "(default 0.03,0.1,0.3,1,3)"},
    OPT(CLI_OPT_GAMMA) = {"gamma", 0, "LIST", "RBF: values of gamma to try (default 0.1,0.3,1,3)"},
    OPT(CLI_OPT_FOLDS) = {"folds", 0, "K", "cross-validation folds (default 5)"},
    OPT(CLI_OPT_CLASS_WEIGHT) = {"class-weight", 0, "W", "balanced (default) or none"},
    OPT(CLI_OPT_SEED) = {"seed", 0, "N", "seed of the folds and the solver (default 1)"},
    OPT(CLI_OPT_DATE) = {"date", 0, "DATE", "the training date recorded in the model"},
    OPT(CLI_OPT_JSON) = {"json", 0, NULL, "print the results as JSON instead of a table"},
    OPT(CLI_OPT_PREDICTIONS) = {"predictions", 0, "FILE",
                                "write one JSON object per record: id, line, gold,\n"
                                "label and class probabilities (atomically)"},
    OPT(CLI_OPT_POS_CLASSES) = {"pos-classes", 0, "LIST", "classes averaged by the SemEval measure"},
    OPT(CLI_OPT_VOCAB) = {"vocab", 0, "FILE",
                          "write the feature configuration, vocabulary, document\n"
                          "frequencies and label names as JSON"},
};

const cli_opt cli_group_articles[] = {
    CLI_OPT_GAZETTEER, CLI_OPT_NO_BUILTIN_GAZETTEER, CLI_OPT_MAX_ARTICLE_SIZE, CLI_OPT_STRICT,
    CLI_OPT_JOBS, CLI_OPT_QUIET, CLI_OPT_END,
};
const cli_opt cli_group_models[] = {
    CLI_OPT_MODEL, CLI_OPT_SENTIMENT_MODEL, CLI_OPT_NO_SENTIMENT, CLI_OPT_TERMS, CLI_OPT_END,
};
const cli_opt cli_group_report[] = {
    CLI_OPT_REPORT_FORMAT, CLI_OPT_OUTPUT, CLI_OPT_BY, CLI_OPT_COUNTRY, CLI_OPT_ACTOR,
    CLI_OPT_SINCE, CLI_OPT_UNTIL, CLI_OPT_MIN_COUNT, CLI_OPT_TOP_ACTORS, CLI_OPT_COMPARE,
    CLI_OPT_END,
};
const cli_opt cli_group_corpus[] = {
    CLI_OPT_CORPUS_FORMAT, CLI_OPT_TEXT_FIELD, CLI_OPT_LABEL_FIELD, CLI_OPT_LABELS,
    CLI_OPT_LABEL_MAP, CLI_OPT_END,
};
const cli_opt cli_group_features[] = {
    CLI_OPT_WORD_NGRAMS, CLI_OPT_CHAR_NGRAMS, CLI_OPT_CHAR_WB, CLI_OPT_NEGATION,
    CLI_OPT_STOP_WORDS, CLI_OPT_WEIGHTING, CLI_OPT_SUBLINEAR_TF, CLI_OPT_NO_L2, CLI_OPT_MIN_DF,
    CLI_OPT_MAX_DF, CLI_OPT_MAX_FEATURES, CLI_OPT_HASH_BITS, CLI_OPT_END,
};

const cli_option *cli_option_of(cli_opt id)
{
    return &table[id - CLI_OPT_FIRST];
}

/* The ids a command takes: its sections' options and --help. */
static size_t accepted(const cli_spec *spec, cli_opt *out)
{
    size_t n = 0;
    out[n++] = CLI_OPT_HELP;
    for (size_t s = 0; s < sizeof spec->sections / sizeof spec->sections[0]; s++)
        for (const cli_opt *o = spec->sections[s].options; o && *o != CLI_OPT_END; o++)
            out[n++] = *o;
    return n;
}

/* "  -o, --output FILE       write there ..." with continuation lines. */
static void print_option(FILE *to, cli_opt id)
{
    const cli_option *o = cli_option_of(id);
    char left[64];
    int n = snprintf(left, sizeof left, "  %c%c%s--%s%s%s", o->letter ? '-' : ' ',
                     o->letter ? o->letter : ' ', o->letter ? ", " : "  ", o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
    fprintf(to, "%s%*s", left, n < 24 ? 26 - n : 2, "");
    for (const char *h = o->help; *h;) {
        size_t len = strcspn(h, "\n");
        fprintf(to, "%.*s\n", (int)len, h);
        h += len;
        if (*h == '\n' && *++h)
            fprintf(to, "%26s", "");
    }
}

static int print_help(const cli_spec *spec)
{
    printf("Usage: stance %s %s\n%s\n", spec->name, spec->usage, spec->about);
    for (size_t s = 0; s < sizeof spec->sections / sizeof spec->sections[0]; s++) {
        const cli_section *sec = &spec->sections[s];
        if (!sec->options)
            continue;
        printf("\n%s:\n", sec->title);
        for (const cli_opt *o = sec->options; *o != CLI_OPT_END; o++)
            print_option(stdout, *o);
    }
    printf("\n");
    print_option(stdout, CLI_OPT_HELP);
    if (spec->notes)
        printf("\n%s", spec->notes);
    if (spec->footer)
        printf("\n%s", spec->footer);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("stance: cannot write the help");
        return STANCE_EXIT_FAILURE;
    }
    return STANCE_EXIT_OK;
}

int cli_parse(const cli_spec *spec, int argc, char **argv, cli_handler handle, void *ctx)
{
    cli_opt ids[CLI_OPT_LAST - CLI_OPT_FIRST + 1];
    size_t n = accepted(spec, ids);
    struct option longopts[CLI_OPT_LAST - CLI_OPT_FIRST + 1];
    char shortopts[3 * (CLI_OPT_LAST - CLI_OPT_FIRST) + 2];
    size_t k = 0;
    shortopts[k++] = ':'; /* ':' for a missing argument, '?' for an unknown option */
    for (size_t i = 0; i < n; i++) {
        const cli_option *o = cli_option_of(ids[i]);
        longopts[i] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
                                      (int)ids[i]};
        if (o->letter) {
            shortopts[k++] = o->letter;
            if (o->arg)
                shortopts[k++] = ':';
        }
    }
    longopts[n] = (struct option){0, 0, 0, 0};
    shortopts[k] = '\0';

    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == ':')
            return cli_usage_error(spec->name, "option '%s' needs an argument", argv[optind - 1]);
        if (c == '?')
            return cli_usage_error(spec->name, "unknown option '%s'", argv[optind - 1]);
        cli_opt id = (cli_opt)c;
        for (size_t i = 0; c < CLI_OPT_FIRST && i < n; i++)
            if (cli_option_of(ids[i])->letter == c)
                id = ids[i]; /* a short letter: its option's id */
        if (id == CLI_OPT_HELP)
            return print_help(spec);
        int rc = handle(ctx, id, optarg);
        if (rc != 0)
            return rc;
    }
    return -1;
}
