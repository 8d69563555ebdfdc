/* Scored-statement JSONL into a report, in skip-and-count mode. */
#include "stance.h"
#include "tests/fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_temp_file(data, size, ".jsonl");
    stance_report_options opt;
    stance_report_options_default(&opt);
    opt.by = STANCE_PERIOD_WEEK;
    stance_report *r = stance_report_new(&opt, NULL);
    stance_error err;
    size_t skipped = 0;
    FILE *saved = stderr;
    stderr = fopen("/dev/null", "w"); /* skipped lines are reported there */
    stance_report_add_file(r, path, false, &skipped, &err);
    fclose(stderr);
    stderr = saved;
    FILE *sink = fopen("/dev/null", "w");
    stance_report_write(r, STANCE_REPORT_HTML, sink, &err);
    stance_report_write(r, STANCE_REPORT_JSON, sink, &err);
    fclose(sink);
    stance_report_free(r);
    return 0;
}
