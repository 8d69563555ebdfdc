/* stance extract: the statements of articles, with speakers and countries. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "pipeline/cli/batch.h"
#include "pipeline/cli/cli.h"
#include "pipeline/cli/cli_batch_options.h"
#include "pipeline/score/statement_json.h"

static void help(void)
{
    fputs("Usage: stance extract [OPTION]... [ARTICLES]...\n"
          "Find the statements in news articles: direct quotes, reported speech and\n"
          "reported acts, each with its speaker, the resolved actor and country, and its\n"
          "kind. ARTICLES are text files (first line the title), JSONL files (id, title,\n"
          "text, optional date, source, url), directories (read recursively) or - for\n"
          "stdin (the default).\n\n"
          "Output:\n"
          "  -f, --format FMT        jsonl (default: one JSON object a statement) or table\n"
          "  -o, --output FILE       write there (atomically), not to stdout\n",
          stdout);
    cli_batch_options_help(stdout);
    fputs("  -h, --help              show this help and exit\n\n"
          "Each JSON object has article_id, date, source, url, sentence (its index, from\n"
          "0), start and end (byte offsets of the content in the article text),\n"
          "char_start and char_end (the same in characters), speaker (as written), actor\n"
          "and country (ISO alpha-3 or IGO; null when unknown), target, kind (direct,\n"
          "indirect, act), verb, content and text.\n\n"
          "A bad article is reported as FILE:LINE on stderr, skipped and counted; a\n"
          "summary line ends the run. Exit status: 0 success, 1 bad input or I/O error\n"
          "(with --strict) or an interrupt, 2 usage error.\n",
          stdout);
}

typedef struct extract_ctx {
    stance_extractor *x;
    bool table;
} extract_ctx;

static int append(batch_item *it, const char *s, size_t n)
{
    if (it->out_len + n + 1 > it->out_cap) {
        size_t cap = it->out_cap ? it->out_cap : 1024;
        while (cap < it->out_len + n + 1)
            cap *= 2;
        char *p = realloc(it->out, cap);
        if (!p)
            return -1;
        it->out = p;
        it->out_cap = cap;
    }
    memcpy(it->out + it->out_len, s, n);
    it->out_len += n;
    it->out[it->out_len] = '\0';
    return 0;
}

/* At most max bytes of s, cut at a character boundary, new lines as spaces. */
static void clip(char *dst, size_t cap, const char *s, size_t n)
{
    size_t max = cap - 4, i = 0, o = 0;
    while (i < n && o < max) {
        size_t len = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        if (o + len > max)
            break;
        for (size_t k = 0; k < len && i + k < n; k++)
            dst[o++] = (s[i + k] == '\n' || s[i + k] == '\t') ? ' ' : s[i + k];
        i += len;
    }
    if (i < n)
        memcpy(dst + o, "...", 3), o += 3;
    dst[o] = '\0';
}

static int render_table(batch_item *it, const stance_statement *st, long n)
{
    char line[1024], text[200], who[64];
    int len = snprintf(line, sizeof line, "# %s%s%s%s\n", it->article.id,
                       it->article.date ? " (" : "", it->article.date ? it->article.date : "",
                       it->article.date ? ")" : "");
    if (append(it, line, (size_t)len) != 0)
        return -1;
    for (long i = 0; i < n; i++) {
        const stance_statement *s = &st[i];
        clip(who, 30, s->actor ? s->actor : s->speaker, strlen(s->actor ? s->actor : s->speaker));
        clip(text, 110, it->article.text + s->text_start, s->text_end - s->text_start);
        len = snprintf(line, sizeof line, "%4zu  %-8s  %-3s  %-30s  %s\n", s->sentence,
                       stance_statement_kind_name(s->kind), s->country[0] ? s->country : "-", who,
                       text);
        if (append(it, line, (size_t)len) != 0)
            return -1;
    }
    return 0;
}

static int render(void *ctx, batch_item *it)
{
    extract_ctx *c = ctx;
    const stance_statement *st;
    long n = stance_extract(c->x, &it->article, &st, &it->err);
    if (n < 0)
        return -1;
    it->statements = (size_t)n;
    if (c->table)
        return render_table(it, st, n) == 0 ? 0 : stance_fail(&it->err, it->article.file, 0, "out of memory");
    for (long i = 0; i < n; i++) {
        cJSON *o = statement_json(&it->article, &st[i]);
        int rc = o ? statement_json_append(o, &it->out, &it->out_len, &it->out_cap) : -1;
        cJSON_Delete(o);
        if (rc != 0)
            return stance_fail(&it->err, it->article.file, it->article.line, "out of memory");
    }
    return 0;
}

static int sink(void *ctx, const batch_item *it, stance_error *err)
{
    stance_output *out = ctx;
    if (it->out_len && fwrite(it->out, 1, it->out_len, out->fp) != it->out_len)
        return stance_fail_errno(err, out->path ? out->path : "<stdout>", 0, "cannot write");
    return 0;
}

int cli_extract(int argc, char **argv)
{
    struct option longopts[CLI_BATCH_MAX_OPTIONS + 4];
    size_t n = cli_batch_options_table(longopts);
    longopts[n++] = (struct option){"format", required_argument, NULL, 'f'};
    longopts[n++] = (struct option){"output", required_argument, NULL, 'o'};
    longopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[n] = (struct option){0, 0, 0, 0};
    cli_batch_options bo;
    cli_batch_options_init(&bo);
    const char *output = NULL;
    bool table = false;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:g:j:qh", longopts, NULL)) != -1) {
        int rc = cli_batch_options_parse(&bo, "extract", c, optarg);
        if (rc == 1)
            continue;
        if (rc > 1) {
            cli_batch_options_free(&bo);
            return rc;
        }
        switch (c) {
        case 'h':
            help();
            cli_batch_options_free(&bo);
            return STANCE_EXIT_OK;
        case 'f':
            if (strcmp(optarg, "jsonl") == 0 || strcmp(optarg, "json") == 0)
                table = false;
            else if (strcmp(optarg, "table") == 0)
                table = true;
            else {
                cli_batch_options_free(&bo);
                return cli_usage_error("extract", "unknown format '%s' (jsonl, table)", optarg);
            }
            break;
        case 'o':
            output = optarg;
            break;
        default:
            cli_batch_options_free(&bo);
            return cli_bad_option("extract", c, argv[optind - 1]);
        }
    }

    stance_error err;
    stance_error_clear(&err);
    /* from here on an interrupt stops the batch cleanly, even while models load */
    stance_signal_graceful(true);
    stance_gazetteer *g = cli_batch_gazetteer(&bo, &err);
    if (!g) {
        cli_batch_options_free(&bo);
        return cli_fail(&err);
    }
    int jobs = bo.jobs;
    extract_ctx *ctx = calloc((size_t)jobs, sizeof *ctx);
    void **wctx = calloc((size_t)jobs, sizeof *wctx);
    int status = STANCE_EXIT_OK;
    for (int i = 0; ctx && wctx && i < jobs; i++) {
        ctx[i].table = table;
        ctx[i].x = stance_extractor_new(g, &err);
        if (!ctx[i].x)
            status = STANCE_EXIT_FAILURE;
        wctx[i] = &ctx[i];
    }
    if (!ctx || !wctx) {
        stance_fail(&err, "", 0, "out of memory");
        status = STANCE_EXIT_FAILURE;
    }
    stance_output out = {0};
    if (status == STANCE_EXIT_OK && stance_output_open(&out, output, &err) != 0)
        status = STANCE_EXIT_FAILURE;
    if (status != STANCE_EXIT_OK) {
        cli_fail(&err);
    } else {
        const char *stdin_only[] = {"-"};
        batch_options o = {
            .cmd = "extract",
            .paths = optind < argc ? (const char *const *)argv + optind : stdin_only,
            .n_paths = optind < argc ? (size_t)(argc - optind) : 1,
            .max_bytes = bo.max_bytes,
            .strict = bo.strict,
            .jobs = jobs,
            .progress = cli_stderr_is_tty() && !bo.quiet,
            .render = render,
            .worker_ctx = wctx,
            .sink = sink,
            .sink_ctx = &out,
        };
        batch_totals t;
        if (batch_run(&o, &t, &err) != 0) {
            stance_output_abort(&out);
            if (t.interrupted)
                fprintf(stderr, "stance: extract: interrupted after %zu articles%s%s; no output written\n",
                        t.articles, t.last[0] ? ", the last from " : "", t.last);
            else
                cli_fail(&err);
            status = STANCE_EXIT_FAILURE;
        } else if (stance_output_commit(&out, &err) != 0) {
            status = cli_fail(&err);
        }
        if (!bo.quiet && !o.progress)
            batch_print_summary("extract", &t);
    }
    for (int i = 0; ctx && i < jobs; i++)
        stance_extractor_free(ctx[i].x);
    free(ctx);
    free(wctx);
    stance_gazetteer_free(g);
    cli_batch_options_free(&bo);
    return status;
}
