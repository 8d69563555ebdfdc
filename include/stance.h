/* stance: the diplomatic stance of what actors say in the news.
 *
 * The one public header of libstance. The `stance` program is a thin layer
 * over what is declared here; everything else (features/, models/, pipeline/
 * internals) is private to the library.
 *
 * Data flows one way:
 *   articles -> statements with speakers -> actors and countries
 *            -> bag-of-words features -> SVM -> scored statements -> report
 *
 * Conventions: functions that can fail return 0 (or a pointer) on success and
 * -1 (or NULL) on failure, filling a caller-provided stance_error. */
#ifndef STANCE_H
#define STANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libsvm/svm.h> /* struct svm_node: the sparse vector form */

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================
 * Version, errors, exit codes
 * ==================================================================== */

const char *stance_version(void);

/* Exit codes of the program, documented in README. */
enum {
    STANCE_EXIT_OK = 0,      /* success */
    STANCE_EXIT_FAILURE = 1, /* failure while working: bad input, I/O */
    STANCE_EXIT_USAGE = 2,   /* usage error: unknown option, missing argument */
};

/* What went wrong, and where: file ("" when none) and 1-based line (0 when none). */
typedef struct stance_error {
    char file[512];
    long line;
    char message[512];
} stance_error;

void stance_error_clear(stance_error *err);
/* Fill err (when not NULL) and return -1, so callers can `return stance_fail(...)`;
 * file NULL or "" and line 0 when there is none. */
int stance_fail(stance_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Like stance_fail, with strerror(errno) appended. */
int stance_fail_errno(stance_error *err, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prints `stance: FILE:LINE: message` (dropping what is unknown) and a newline. */
void stance_error_print(const stance_error *err, FILE *to);

/* The library never prints. What it has to say while it goes on (a bad
 * record skipped, training progress) goes to a callback the caller sets in
 * the options; NULL drops it. */
typedef void (*stance_notice_fn)(void *ctx, const stance_error *notice);

/* ======================================================================
 * Byte strings that grow (common/grow.c): what writers append to
 * ==================================================================== */

/* Always NUL-terminated once something is in it; {0} is an empty buffer. */
typedef struct stance_buf {
    char *data;
    size_t len, cap;
} stance_buf;

/* Append n bytes of s: 0, or -1 when out of memory (the buffer keeps what it had). */
int stance_buf_append(stance_buf *b, const char *s, size_t n);
int stance_buf_puts(stance_buf *b, const char *s);
int stance_buf_putc(stance_buf *b, char c);
int stance_buf_printf(stance_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empty it, keeping the storage. */
void stance_buf_clear(stance_buf *b);
void stance_buf_free(stance_buf *b);

/* Output files (common/output.c). A regular file (new, or existing, or the
 * target of a symlink) is written to a hidden temporary file beside it
 * (".NAME.stance-PID.XXXXXX") and renamed into place on commit, so a reader
 * never sees half a file; a replaced file keeps its mode and, where allowed,
 * its owner. Anything else (a device such as /dev/null or /dev/stdout, a
 * FIFO) is written directly, never replaced. "-" (or NULL) writes to stdout.
 * Temporaries still open are removed when the process is interrupted
 * (SIGINT, SIGTERM, SIGHUP) once stance_install_signal_cleanup() has run:
 * call it once in main. */
typedef struct stance_output {
    FILE *fp;
    char *path;     /* the file written, as given; NULL for stdout */
    char *target;   /* what is replaced on commit (symlinks followed); NULL: written directly */
    char *tmp_path; /* the temporary file; NULL when written directly */
} stance_output;

int stance_output_open(stance_output *out, const char *path, stance_error *err);
/* Flush, sync, close and rename into place (or just flush and close a file
 * written directly). On failure the temporary is removed. */
int stance_output_commit(stance_output *out, stance_error *err);
/* Drop the output: remove the temporary file. Safe to call after commit. */
void stance_output_abort(stance_output *out);
void stance_install_signal_cleanup(void);
/* For batch loops that check stance_interrupted: the first signal only sets
 * it (the loop stops, says how far it got and removes its output); a second
 * one removes temporaries and ends the process at once. */
void stance_signal_graceful(bool on);
/* Set by the signal handler; long loops check it to stop early and report. */
extern volatile int stance_interrupted;

/* True when date is an ISO 8601 calendar day (YYYY-MM-DD), optionally with a
 * time of day ("T" or a space, hh:mm[:ss[.fraction]], then Z or an offset
 * such as +02:00), and nothing more. */
bool stance_date_valid(const char *date);

/* Data built into the program at build time: the default models
 * ("stance.model", "sentiment.model") and the gazetteer files
 * ("gazetteer/NAME.tsv"). NULL when the program was built without it (the
 * library alone, or the bootstrap program that trains the default models). */
typedef struct stance_builtin_file {
    const char *name;
    const unsigned char *data;
    size_t size;
} stance_builtin_file;

const stance_builtin_file *stance_builtin_find(const char *name);
/* All built-in files, in name order; returns how many. */
size_t stance_builtin_list(const stance_builtin_file **files);

/* ======================================================================
 * Features: tokenizer, n-grams, vocabulary, weighting, sparse vectors
 * (features/)
 * ==================================================================== */

typedef enum stance_weighting {
    STANCE_WEIGHT_COUNT,  /* raw term counts */
    STANCE_WEIGHT_BINARY, /* 1 when present */
    STANCE_WEIGHT_TFIDF,  /* tf * smoothed idf: ln((1 + n) / (1 + df)) + 1 */
} stance_weighting;

typedef struct stance_feature_config {
    int word_ngram_min, word_ngram_max; /* default 1, 2; max 0 turns word n-grams off */
    int char_ngram_min, char_ngram_max; /* default 0, 0 (off); e.g. 2, 5 */
    bool char_ngram_word_bounded;       /* char n-grams within words (padded) or across */
    bool mark_negation;                 /* "not good ." -> not good_NEG */
    bool stop_words;                    /* drop English stop words from word n-grams */
    stance_weighting weighting;         /* default TF-IDF */
    bool sublinear_tf;                  /* tf -> 1 + ln(tf) */
    bool l2_normalize;                  /* default true */
    unsigned min_df;                    /* keep terms in at least min_df documents (default 1) */
    double max_df;                      /* drop terms in more than this share of documents (default 1.0) */
    size_t max_features;                /* keep the most frequent; 0 = no limit */
    unsigned hash_bits;                 /* 0 = vocabulary; else feature hashing into 2^bits columns */
} stance_feature_config;

void stance_feature_config_default(stance_feature_config *cfg);

/* A sparse vector in libsvm form: nodes[0..nnz) with strictly increasing
 * indices >= 1, then a terminator with index -1. */
typedef struct stance_sparse {
    struct svm_node *nodes;
    size_t nnz;
    size_t cap;
    void *scratch; /* the vectorizer's working buffers, reused across calls */
} stance_sparse;

void stance_sparse_free(stance_sparse *v);

/* Configuration + vocabulary + document frequencies: what turns text into a
 * vector, and what a model file carries. */
typedef struct stance_vectorizer stance_vectorizer;

stance_vectorizer *stance_vectorizer_new(const stance_feature_config *cfg, stance_error *err);
void stance_vectorizer_free(stance_vectorizer *v);
/* Learn the vocabulary and idf from n texts (UTF-8, each of lens[i] bytes). */
int stance_vectorizer_fit(stance_vectorizer *v, const char *const *texts, const size_t *lens,
                          size_t n, stance_error *err);
/* Turn one text into a weighted sparse vector (out is reused across calls). */
int stance_vectorizer_transform(const stance_vectorizer *v, const char *text, size_t len,
                                stance_sparse *out, stance_error *err);
/* Number of columns (largest index). */
size_t stance_vectorizer_dim(const stance_vectorizer *v);
/* The name of column index (1-based), e.g. "w:not good_NEG" or "c:ood"; NULL if hashed or unknown. */
const char *stance_vectorizer_feature_name(const stance_vectorizer *v, int index);
/* Write the configuration, vocabulary and document frequencies as JSON, with
 * the label names when given (what `stance featurize --vocab` writes). */
int stance_vectorizer_write_json(const stance_vectorizer *v, const char *const *labels,
                                 size_t n_labels, FILE *out, stance_error *err);

/* ======================================================================
 * Corpora: labeled texts from JSONL, CSV/TSV, or a text file + labels file
 * (models/corpus.c)
 * ==================================================================== */

typedef struct stance_corpus_options {
    const char *format;       /* "auto" (by extension), "jsonl", "csv", "tsv", "lines" */
    const char *text_field;   /* default "text" */
    const char *label_field;  /* default "label" */
    const char *id_field;     /* default "id"; optional in the data */
    const char *labels_path;  /* "lines" format: one label per line */
    const char *label_map_path; /* optional: "ID<TAB or space>NAME" lines mapping label ids to names */
    const char *const *allowed_labels; /* when set, any other label is an error */
    size_t n_allowed_labels;
} stance_corpus_options;

void stance_corpus_options_default(stance_corpus_options *opt);

typedef struct stance_corpus {
    size_t n;
    char **texts;
    size_t *text_lens;
    char **ids;          /* NULL entries when the data has none */
    int *labels;         /* index into label_names */
    long *lines;         /* line of each record in its file, for messages */
    char **label_names;
    size_t n_labels;
    char *path;
} stance_corpus;

int stance_corpus_read(const char *path, const stance_corpus_options *opt, stance_corpus *out,
                       stance_error *err);
void stance_corpus_free(stance_corpus *c);

/* ======================================================================
 * Models: training, evaluation, prediction, model files (models/)
 * ==================================================================== */

typedef enum stance_class_weight {
    STANCE_CLASS_WEIGHT_NONE,
    STANCE_CLASS_WEIGHT_BALANCED, /* n / (classes * n_class), as scikit-learn */
} stance_class_weight;

typedef enum stance_solver {
    STANCE_SOLVER_AUTO,      /* LIBLINEAR for a linear kernel, LIBSVM for RBF */
    STANCE_SOLVER_LIBLINEAR, /* linear only; fast on large text corpora */
    STANCE_SOLVER_LIBSVM,    /* C-SVC; linear models collapsed into weight vectors */
} stance_solver;

typedef enum stance_kernel {
    STANCE_KERNEL_LINEAR,
    STANCE_KERNEL_RBF,
} stance_kernel;

/* Where training is, for a progress line. */
typedef struct stance_train_progress {
    double c, gamma;      /* the grid point being cross-validated (gamma 0: linear) */
    size_t fold, folds;   /* the fold just started, from 1 */
    bool done;            /* cross-validation is over: best_c was chosen */
    double best_c, best_macro_f1;
} stance_train_progress;

typedef struct stance_train_options {
    stance_solver solver;
    stance_kernel kernel;
    const double *c_grid;     /* values of C to try (NULL: the default grid) */
    size_t n_c;
    const double *gamma_grid; /* RBF: values of gamma to try (NULL: the default grid) */
    size_t n_gamma;
    size_t folds;             /* stratified cross-validation folds (default 5) */
    stance_class_weight class_weight;
    unsigned long seed;       /* folds and solver (default 1) */
    const char *date;         /* recorded in the model; NULL: SOURCE_DATE_EPOCH, else now */
    /* told as each fold starts and when C is chosen (may be NULL) */
    void (*progress)(void *ctx, const stance_train_progress *p);
    void *progress_ctx;
} stance_train_options;

void stance_train_options_default(stance_train_options *opt);

typedef struct stance_model stance_model;

/* Fit features and an SVM on the corpus, picking C (and gamma) by
 * cross-validated macro-F1. LIBLINEAR trains one-vs-rest linear models
 * (L2-regularised, L2-loss, dual); LIBSVM trains one-vs-one C-SVC models,
 * linear ones collapsed into weight vectors. Class probabilities come from
 * Platt scaling fitted on the cross-validated decision values (coupled over
 * pairs for one-vs-one). The same corpus and options give the same model. */
stance_model *stance_train(const stance_corpus *corpus, const stance_feature_config *features,
                           const stance_train_options *opt, stance_error *err);
void stance_model_free(stance_model *m);
int stance_model_save(const stance_model *m, const char *path, stance_error *err);
/* Load a model file, or a built-in model: "builtin:stance", "builtin:sentiment". */
stance_model *stance_model_load(const char *path, stance_error *err);
/* A model held in memory (a built-in one); name is for messages. */
stance_model *stance_model_load_buffer(const char *name, const unsigned char *data, size_t len,
                                       stance_error *err);

size_t stance_model_n_labels(const stance_model *m);
const char *stance_model_label(const stance_model *m, size_t i);
/* All label names, stance_model_n_labels of them, owned by the model. */
const char *const *stance_model_labels(const stance_model *m);
/* Index of a label name, or -1. */
int stance_model_label_index(const stance_model *m, const char *name);

/* Classify one text: returns the label index and fills probs[n_labels]
 * (may be NULL). work holds the text's features afterwards, for
 * stance_model_explain; reuse it across calls. -1 on error. */
int stance_model_predict(const stance_model *m, const char *text, size_t len, stance_sparse *work,
                         double *probs, stance_error *err);

typedef struct stance_term {
    const char *name;  /* feature name, owned by the model */
    double weight;     /* its contribution to the label's decision value */
} stance_term;

/* The terms of the last predicted text (in work) that pushed most toward
 * label; returns how many were written (at most k). */
size_t stance_model_explain(const stance_model *m, const stance_sparse *work, int label,
                            stance_term *terms, size_t k);

/* --- Evaluation (models/evaluate.c): a model against a labeled corpus. */
typedef struct stance_eval_options {
    /* the classes the SemEval measure averages (NULL: every class but
     * "neutral" and "none") */
    const char *const *pos_classes;
    size_t n_pos;
    /* told of each record's prediction as it is made (may be NULL); -1
     * (with err filled) stops the evaluation */
    int (*prediction)(void *ctx, size_t record, int label, const double *probs,
                      stance_error *err);
    void *ctx;
} stance_eval_options;

typedef struct stance_evaluation {
    size_t k;                  /* classes: the model's */
    const char *const *names;  /* their names, owned by the model */
    uint64_t *confusion;       /* k x k, [gold * k + predicted] */
    uint64_t records;
    double accuracy, macro_f1;
    double semeval_f1;         /* mean F1 of the classes in averaged */
    double *precision, *recall, *f1; /* per class */
    bool *averaged;            /* classes in the SemEval measure */
} stance_evaluation;

/* Classify every record of the corpus (read with the model's labels as the
 * allowed set) and fill *out (free it with stance_evaluation_free). A class
 * named in pos_classes that the model lacks is an error. */
int stance_evaluate(const stance_model *m, const stance_corpus *c, const stance_eval_options *opt,
                    stance_evaluation *out, stance_error *err);
void stance_evaluation_free(stance_evaluation *e);

/* Precision, recall and F1 of class c from a k x k confusion matrix
 * conf[gold * k + predicted]; 0 where undefined, as scikit-learn reports. */
void stance_class_scores(const uint64_t *conf, size_t k, size_t c, double *precision,
                         double *recall, double *f1);

/* The training record as JSON text (corpus size and checksum, options,
 * cross-validation scores, date); owned by the model. */
const char *stance_model_metadata(const stance_model *m);

/* ======================================================================
 * Statements: ingest, extraction, attribution, actors (pipeline/)
 * ==================================================================== */

/* --- Articles (pipeline/ingest/article.c): plain text files (first line the title,
 * then the body), JSONL (id, title, text, optional date, source, url),
 * directories (recursively, in name order) and stdin ("-"). One article at a
 * time is in memory. */

typedef struct stance_article {
    char *id;       /* JSONL id; for text files the path */
    char *title;    /* may be empty */
    char *text;     /* the body: statement offsets count bytes of this text */
    size_t text_len;
    char *date;     /* ISO 8601 or NULL */
    char *source, *url; /* or NULL */
    char file[512]; /* where it came from, and its line (JSONL) */
    long line;
} stance_article;

void stance_article_free(stance_article *a);

typedef struct stance_article_reader stance_article_reader;

/* Open the inputs: files, directories, "-". A path that does not exist is an
 * error at once. max_bytes bounds one article (0: 16 MiB). */
stance_article_reader *stance_article_reader_open(const char *const *paths, size_t n,
                                                  size_t max_bytes, stance_error *err);
/* 1 with *out filled (free it with stance_article_free), 0 at the end, -1 for
 * a bad record (err names file and line); after -1 reading can go on with
 * the next record, so a batch can skip it. */
int stance_article_reader_next(stance_article_reader *r, stance_article *out, stance_error *err);
void stance_article_reader_close(stance_article_reader *r);

/* --- Batches of articles (pipeline/ingest/article_batch.c): read one at a
 * time, processed on N threads, handed back in input order, with at most a
 * few per thread in flight, so memory stays flat however many there are.
 * Bad records are skipped and counted (or stop the batch when strict); an
 * interrupt (stance_interrupted) stops it cleanly. */

typedef struct stance_batch_item {
    stance_article article;
    int read_status;  /* 1: an article; -1: a bad record (err says why) */
    int status;       /* what process returned: 0, or -1 (err) */
    stance_error err;
    stance_buf out;   /* what process rendered, for the sink */
    size_t statements;
} stance_batch_item;

typedef struct stance_batch_totals {
    size_t articles, statements, skipped;
    double seconds;
    bool interrupted;
    char last[600]; /* where the last article came from: FILE or FILE:LINE */
} stance_batch_totals;

typedef struct stance_batch_options {
    const char *const *paths; /* files, directories, "-" */
    size_t n_paths;
    size_t max_bytes;         /* per article; 0: the reader's default */
    bool strict;              /* stop at the first bad record */
    int jobs;                 /* worker threads */
    /* Process one article on worker thread i, with worker_ctx[i]. */
    int (*process)(void *worker_ctx, stance_batch_item *item);
    void **worker_ctx;
    /* Take a processed article, in input order, on the calling thread. */
    int (*sink)(void *ctx, const stance_batch_item *item, stance_error *err);
    void *sink_ctx;
    stance_notice_fn skipped; /* told of each bad record skipped (may be NULL) */
    void *skipped_ctx;
    /* Told after each article sunk (may be NULL). */
    void (*progress)(void *ctx, const stance_batch_totals *totals);
    void *progress_ctx;
} stance_batch_options;

/* 0 when every record was read (bad ones skipped unless strict), -1 on an
 * error (err) or an interrupt (totals->interrupted). */
int stance_batch_run(const stance_batch_options *o, stance_batch_totals *totals,
                     stance_error *err);

/* --- The actor gazetteer (pipeline/actors/gazetteer.c; format in
 * training-data/gazetteer/FORMAT.md): countries, demonyms, metonyms, roles,
 * intergovernmental bodies and dated office holders. */

typedef enum stance_actor_kind {
    STANCE_ACTOR_COUNTRY,
    STANCE_ACTOR_DEMONYM,
    STANCE_ACTOR_METONYM,
    STANCE_ACTOR_IGO,
    STANCE_ACTOR_PERSON,
    STANCE_ACTOR_ROLE,
} stance_actor_kind;

typedef struct stance_actor {
    stance_actor_kind kind;
    char code[4];     /* ISO alpha-3, "IGO", or "" for roles */
    const char *name; /* canonical */
    const char *role; /* or NULL */
    int from, to;     /* dates as YYYYMMDD (a missing month or day counts as its start
                         for from and its end for to); 0 = open */
} stance_actor;

typedef struct stance_gazetteer stance_gazetteer;

stance_gazetteer *stance_gazetteer_new(void);
void stance_gazetteer_free(stance_gazetteer *g);
/* Add the entries of one file's text (name is for messages): a bad line is
 * an error naming name and line, and nothing of that text is added. */
int stance_gazetteer_add_text(stance_gazetteer *g, const char *name, const char *text, size_t len,
                              stance_error *err);
/* A file, or every *.tsv of a directory in name order. */
int stance_gazetteer_add_path(stance_gazetteer *g, const char *path, stance_error *err);
/* The gazetteer built into the program (NULL result: none built in). */
int stance_gazetteer_add_builtin(stance_gazetteer *g, stance_error *err);
size_t stance_gazetteer_size(const stance_gazetteer *g);
/* Entries whose name or an alias is exactly this surface form (a leading
 * "the " is optional); returns how many, pointers valid while g lives. */
size_t stance_gazetteer_lookup(const stance_gazetteer *g, const char *surface, size_t len,
                               const stance_actor **out, size_t max);

/* Does some surface form start with this word? (A quick test before
 * trying the longer spans that start with it.) */
bool stance_gazetteer_first_word(const stance_gazetteer *g, const char *word, size_t len);
/* People whose last name is this ("Lavrov"; "Assad" for "Bashar al-Assad"). */
size_t stance_gazetteer_lookup_surname(const stance_gazetteer *g, const char *surname, size_t len,
                                       const stance_actor **out, size_t max);
/* The name a person is called by alone ("Lavrov", "Xi" of "Xi Jinping"):
 * a pointer into a->name and its length, or NULL for one-word names. */
const char *stance_person_surname(const stance_actor *a, size_t *len);
/* The person who held role (a role name: "foreign minister") for code on
 * date (YYYYMMDD), or NULL. */
const stance_actor *stance_gazetteer_holder(const stance_gazetteer *g, const char *code,
                                            const char *role, int date);
/* The country entry of a code, or its first demonym ("Russian"); NULL if none. */
const stance_actor *stance_gazetteer_state(const stance_gazetteer *g, const char *code,
                                           bool demonym);

/* --- Sentences (pipeline/ingest/sentences.c) */

typedef struct stance_span {
    size_t start, end; /* bytes [start, end) */
} stance_span;

/* Split text into sentences: at . ! ? (and closing quotes after them) before
 * a capital, a digit or an opening quote, and at line breaks; not after
 * abbreviations (Mr., Gen., Jan., U.S.), initials or inside numbers (3.5).
 * Returns how many spans were written to *out (caller frees), -1 if out of
 * memory. Spans are trimmed of surrounding white space. */
long stance_split_sentences(const char *text, size_t len, stance_span **out);

/* --- Statements (pipeline/extract/): direct quotes, reported speech and
 * reported acts, each with its speaker resolved through the gazetteer. */
typedef enum stance_statement_kind {
    STANCE_STATEMENT_DIRECT,   /* the speaker's words in quotation marks */
    STANCE_STATEMENT_INDIRECT, /* reported speech: "X said that ..." */
    STANCE_STATEMENT_ACT,      /* a reported act: "the Kremlin rejected ..." */
} stance_statement_kind;

/* "direct", "indirect", "act". */
const char *stance_statement_kind_name(stance_statement_kind kind);

typedef struct stance_statement {
    size_t sentence;             /* index of the sentence it starts in, from 0 */
    size_t start, end;           /* the content: bytes [start, end) of the article text */
    size_t char_start, char_end; /* the same in characters (Unicode code points) */
    size_t text_start, text_end; /* the statement with its attribution words */
    const char *speaker;         /* the speaker mention as written: "he", "the Kremlin" */
    const char *actor;           /* the resolved actor, canonical; NULL when unknown */
    const char *verb;            /* the reporting verb or act as written: "said", "rejected" */
    char country[4];             /* ISO alpha-3 or "IGO"; "" when unknown */
    char target[4];              /* a state the text names other than the speaker's; "" if none */
    stance_statement_kind kind;
} stance_statement;

/* An extractor holds the working buffers for one article at a time; give
 * each thread its own. The gazetteer is shared, read-only, and must outlive
 * it. */
typedef struct stance_extractor stance_extractor;

stance_extractor *stance_extractor_new(const stance_gazetteer *g, stance_error *err);
void stance_extractor_free(stance_extractor *x);
/* The statements of one article in text order; *out stays valid until the
 * next call. Returns how many, or -1 (out of memory). Speakers resolve with
 * the article's date (for dated office holders), pronouns ("he") and
 * nominals ("the official") with the speakers and people named before them. */
long stance_extract(stance_extractor *x, const stance_article *a, const stance_statement **out,
                    stance_error *err);

/* ======================================================================
 * Scoring and reports (pipeline/)
 * ==================================================================== */

/* --- Scoring (pipeline/score/): extraction, then the stance (and
 * sentiment) classifiers on each statement's text. One scorer per thread;
 * the gazetteer and models are shared, read-only, and must outlive it. */
typedef struct stance_scorer stance_scorer;

/* sentiment may be NULL (no sentiment); top_terms: terms listed per statement. */
stance_scorer *stance_scorer_new(const stance_gazetteer *g, const stance_model *stance,
                                 const stance_model *sentiment, size_t top_terms,
                                 stance_error *err);
void stance_scorer_free(stance_scorer *s);

/* A classifier's answer: the label chosen and every class's probability. */
typedef struct stance_prediction {
    int label;                /* index into names; -1: nothing predicted (no model) */
    size_t n;                 /* classes */
    const char *const *names; /* class names, the model's */
    const double *p;          /* class probabilities, n of them */
} stance_prediction;

/* What scoring adds to a statement. */
typedef struct stance_scored {
    stance_prediction stance;
    stance_prediction sentiment; /* label -1 without a sentiment model */
    const stance_term *terms;    /* word terms behind the stance, strongest first */
    size_t n_terms;
} stance_scored;

/* Extract and score the statements of one article: *statements and *scored
 * are parallel arrays of the returned length, valid until the next call.
 * Returns how many, or -1 (err). */
long stance_score_article(stance_scorer *s, const stance_article *a,
                          const stance_statement **statements, const stance_scored **scored,
                          stance_error *err);

/* --- Statement writers (pipeline/score/): records to text. */
typedef enum stance_statement_format {
    STANCE_STATEMENTS_JSONL, /* one object a line (schema:
                                pipeline/schemas/scored-statement.schema.json) */
    STANCE_STATEMENTS_CSV,   /* RFC 4180 with a header line; columns in README */
    STANCE_STATEMENTS_TABLE, /* for people: one line a statement under its article */
} stance_statement_format;

/* What goes before the first article: the CSV header, naming the class
 * columns of the scorer's models (scorer NULL: extraction only). */
int stance_statements_begin(stance_buf *out, stance_statement_format format,
                            const stance_scorer *scorer);
/* Append the statements of one article; scored is NULL for extraction only.
 * 0, or -1 when out of memory. */
int stance_statements_write(stance_buf *out, stance_statement_format format,
                            const stance_article *a, const stance_statement *statements,
                            const stance_scored *scored, size_t n);

/* --- Reports: scored statements aggregated by country (pipeline/report/).
 * Statements come in as records (stance_report_add_scored) or as the JSONL
 * that `stance score` writes (schema:
 * pipeline/schemas/scored-statement.schema.json); a report is built by
 * streaming statements in, so memory grows with countries, actors and
 * periods, never with statements. Reports carry counts, so reports of parts
 * (threads, shards of a corpus) merge into the report of the whole. */

typedef enum stance_report_format {
    STANCE_REPORT_TABLE,
    STANCE_REPORT_JSON,
    STANCE_REPORT_CSV,
    STANCE_REPORT_MARKDOWN,
    STANCE_REPORT_HTML,
} stance_report_format;

typedef enum stance_report_period {
    STANCE_PERIOD_NONE,
    STANCE_PERIOD_DAY,
    STANCE_PERIOD_WEEK,  /* ISO 8601 weeks: 2015-W51 */
    STANCE_PERIOD_MONTH,
} stance_report_period;

typedef struct stance_report_options {
    stance_report_period by;
    const char *const *countries; /* keep only these speakers' countries (NULL: all) */
    size_t n_countries;
    const char *actor;            /* keep only this actor (exact, case-insensitive) */
    const char *since, *until;    /* keep dates in [since, until], ISO 8601 days */
    unsigned long min_count;      /* show only countries with at least this many statements */
    size_t top_actors;            /* actors listed per country in tables (default 3) */
    size_t max_compare;           /* countries compared pairwise, largest first (default 5) */
    stance_notice_fn skipped;     /* told of each bad line skipped by stance_report_add_file */
    void *skipped_ctx;
} stance_report_options;

void stance_report_options_default(stance_report_options *opt);

typedef struct stance_report stance_report;

stance_report *stance_report_new(const stance_report_options *opt, stance_error *err);
void stance_report_free(stance_report *r);
/* Add the scored statements of one article (what stance_score_article
 * returned). Statements outside the filters are counted as filtered, not
 * added. The stance model's labels must be conciliatory, adversarial and
 * neutral. */
int stance_report_add_scored(stance_report *r, const stance_article *a,
                             const stance_statement *statements, const stance_scored *scored,
                             size_t n, stance_error *err);
/* Add one scored statement given as a JSON object (one JSONL line); file and
 * line are for messages. */
int stance_report_add_json(stance_report *r, const char *json, size_t len, const char *file,
                           long line, stance_error *err);
/* Stream a JSONL file of scored statements ("-" for stdin). A bad line is an
 * error when strict; otherwise it goes to the options' skipped callback, is
 * counted in *skipped, and reading goes on. */
int stance_report_add_file(stance_report *r, const char *path, bool strict, size_t *skipped,
                           stance_error *err);
/* Add the counts of another report made with the same options (from, say,
 * another thread); from is unchanged. */
int stance_report_merge(stance_report *into, const stance_report *from, stance_error *err);
/* Add the counts of a JSON report written by stance_report_write(..JSON..). */
int stance_report_merge_file(stance_report *r, const char *path, stance_error *err);
int stance_report_write(const stance_report *r, stance_report_format format, FILE *out,
                        stance_error *err);
/* Statements added so far (after filters). */
size_t stance_report_statements(const stance_report *r);

#ifdef __cplusplus
}
#endif

#endif /* STANCE_H */
