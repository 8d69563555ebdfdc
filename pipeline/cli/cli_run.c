/* stance run: extract, score and report in one go. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "pipeline/cli/batch.h"
#include "pipeline/cli/cli.h"
#include "pipeline/cli/cli_batch_options.h"
#include "pipeline/cli/cli_report_options.h"
#include "pipeline/cli/cli_scoring.h"

static void help(void)
{
    fputs("Usage: stance run [OPTION]... [ARTICLES]...\n"
          "Extract the statements of news articles, score their stance and sentiment, and\n"
          "report by country: what 'stance score ARTICLES | stance report' does, in one\n"
          "process. ARTICLES are text files (first line the title), JSONL files (id,\n"
          "title, text, optional date, source, url), directories (read recursively) or -\n"
          "for stdin (the default).\n\n"
          "Report:\n",
          stdout);
    cli_report_options_help(stdout);
    fputs("      --statements FILE  also write the scored statements (JSONL) there\n\n",
          stdout);
    cli_scoring_help(stdout);
    cli_batch_options_help(stdout);
    fputs("  -h, --help             show this help and exit\n\n"
          "Exit status: 0 success, 1 bad input (with --strict), I/O error or interrupt (no\n"
          "output file is left behind), 2 usage error.\n",
          stdout);
}

typedef struct run_sink {
    stance_report *report;
    stance_output *statements; /* or NULL */
} run_sink;

/* The report fields of each scored statement travel from the worker to the
 * reading thread packed as FIELD\x1f...\x1e records, so that the JSON is
 * parsed on the workers, in parallel, not on the thread that adds them up. */
#define FIELD_SEP '\x1f'
#define RECORD_END '\x1e'
#define ABSENT "\x02"

static int pack(batch_item *it, const char *s)
{
    const char *v = s ? s : ABSENT;
    size_t n = strlen(v);
    if (it->aux_len + n + 2 > it->aux_cap) {
        size_t cap = it->aux_cap ? it->aux_cap : 1024;
        while (cap < it->aux_len + n + 2)
            cap *= 2;
        char *p = realloc(it->aux, cap);
        if (!p)
            return -1;
        it->aux = p;
        it->aux_cap = cap;
    }
    memcpy(it->aux + it->aux_len, v, n);
    it->aux_len += n;
    it->aux[it->aux_len++] = FIELD_SEP;
    return 0;
}

static int render(void *worker_ctx, batch_item *it)
{
    if (cli_scoring_render(worker_ctx, it) != 0)
        return -1;
    for (size_t i = 0; i < it->out_len;) {
        const char *nl = memchr(it->out + i, '\n', it->out_len - i);
        size_t end = nl ? (size_t)(nl - it->out) : it->out_len;
        stance_report_entry e;
        void *owner;
        int rc = stance_report_entry_from_json(it->out + i, end - i, &e, &owner);
        if (rc == 0)
            rc = pack(it, e.country) | pack(it, e.actor) | pack(it, e.target) | pack(it, e.date) |
                 pack(it, e.stance) | pack(it, e.sentiment);
        stance_report_entry_release(owner);
        if (rc != 0)
            return stance_fail(&it->err, it->article.file, it->article.line,
                               "out of memory (or an unreadable scored statement)");
        it->aux[it->aux_len - 1] = RECORD_END;
        i = end + 1;
    }
    return 0;
}

/* Every scored statement goes into the report (and the statements file). */
static int sink(void *ctx, const batch_item *it, stance_error *err)
{
    run_sink *s = ctx;
    if (s->statements && it->out_len &&
        fwrite(it->out, 1, it->out_len, s->statements->fp) != it->out_len)
        return stance_fail_errno(err, s->statements->path, 0, "cannot write");
    char *p = it->aux, *end = it->aux + it->aux_len;
    while (p < end) {
        const char *f[6];
        for (int k = 0; k < 6; k++) {
            char *sep = p;
            while (sep < end && *sep != FIELD_SEP && *sep != RECORD_END)
                sep++;
            bool last = sep >= end || *sep == RECORD_END;
            *sep = '\0';
            f[k] = strcmp(p, ABSENT) == 0 ? NULL : p;
            p = sep + 1;
            if (last && k < 5)
                return stance_fail(err, it->article.file, it->article.line, "internal: short record");
        }
        stance_report_entry e = {f[0], f[1], f[2], f[3], f[4], f[5]};
        if (stance_report_add_entry(s->report, &e, it->article.file, it->article.line, err) != 0)
            return -1;
    }
    return 0;
}

int cli_run(int argc, char **argv)
{
    enum { OPT_STATEMENTS = 4000 };
    struct option longopts[CLI_REPORT_MAX_OPTIONS + CLI_BATCH_MAX_OPTIONS + CLI_SCORING_MAX_OPTIONS + 3];
    size_t n = cli_batch_options_table(longopts);
    n += cli_scoring_table(longopts + n);
    n += cli_report_options_table(longopts + n);
    longopts[n++] = (struct option){"statements", required_argument, NULL, OPT_STATEMENTS};
    longopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[n] = (struct option){0, 0, 0, 0};
    cli_batch_options bo;
    cli_batch_options_init(&bo);
    cli_scoring sc;
    cli_scoring_init(&sc);
    cli_report_options ro;
    cli_report_options_init(&ro);
    const char *statements_path = NULL;
    int c, status = STANCE_EXIT_OK;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:m:g:j:qh", longopts, NULL)) != -1) {
        int rc = cli_batch_options_parse(&bo, "run", c, optarg);
        if (rc == 0)
            rc = cli_scoring_parse(&sc, "run", c, optarg);
        if (rc == 1)
            continue;
        if (rc == 0 && c == 'h') {
            help();
            status = STANCE_EXIT_OK + 100; /* done, success */
        } else if (rc == 0 && c == OPT_STATEMENTS) {
            statements_path = optarg;
            continue;
        } else if (rc == 0) {
            rc = cli_report_options_parse(&ro, "run", c, optarg, argv[optind - 1]);
            if (rc == 0)
                continue;
            status = rc;
        } else {
            status = rc;
        }
        break;
    }
    if (status != STANCE_EXIT_OK) {
        cli_report_options_free(&ro);
        cli_batch_options_free(&bo);
        return status == 100 ? STANCE_EXIT_OK : status;
    }

    stance_error err;
    stance_error_clear(&err);
    /* from here on an interrupt stops the batch cleanly, even while models load */
    stance_signal_graceful(true);
    stance_gazetteer *g = cli_batch_gazetteer(&bo, &err);
    stance_report *report = NULL;
    stance_output statements = {0};
    bool statements_open = false;
    if (!g || cli_scoring_open(&sc, g, bo.jobs, &err) != 0 ||
        !(report = stance_report_new(&ro.opt, &err)) ||
        (statements_path && stance_output_open(&statements, statements_path, &err) != 0)) {
        status = cli_fail(&err);
    } else {
        statements_open = statements_path != NULL;
        run_sink rs = {report, statements_open ? &statements : NULL};
        const char *stdin_only[] = {"-"};
        batch_options o = {
            .cmd = "run",
            .paths = optind < argc ? (const char *const *)argv + optind : stdin_only,
            .n_paths = optind < argc ? (size_t)(argc - optind) : 1,
            .max_bytes = bo.max_bytes,
            .strict = bo.strict,
            .jobs = bo.jobs,
            .progress = cli_stderr_is_tty() && !bo.quiet,
            .render = render,
            .worker_ctx = sc.worker_ctx,
            .sink = sink,
            .sink_ctx = &rs,
        };
        batch_totals t;
        if (batch_run(&o, &t, &err) != 0) {
            if (t.interrupted)
                fprintf(stderr, "stance: run: interrupted after %zu articles%s%s; no report written\n",
                        t.articles, t.last[0] ? ", the last from " : "", t.last);
            else
                cli_fail(&err);
            status = STANCE_EXIT_FAILURE;
        } else {
            if (statements_open) {
                statements_open = false;
                if (stance_output_commit(&statements, &err) != 0)
                    status = cli_fail(&err);
            }
            if (status == STANCE_EXIT_OK)
                status = cli_report_write(&ro, report, &err);
        }
        if (!bo.quiet && !o.progress)
            batch_print_summary("run", &t);
    }
    if (statements_open)
        stance_output_abort(&statements);
    stance_report_free(report);
    cli_scoring_free(&sc);
    stance_gazetteer_free(g);
    cli_report_options_free(&ro);
    cli_batch_options_free(&bo);
    return status;
}
