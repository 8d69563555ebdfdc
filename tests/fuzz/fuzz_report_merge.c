/* Merging JSON reports from untrusted shards. */
#include "stance.h"
#include "tests/fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_temp_file(data, size, ".json");
    stance_report_options opt;
    stance_report_options_default(&opt);
    opt.by = size && (data[0] & 1) ? STANCE_PERIOD_MONTH : STANCE_PERIOD_NONE;
    stance_report *r = stance_report_new(&opt, NULL);
    stance_error err;
    if (stance_report_merge_file(r, path, &err) == 0) {
        FILE *sink = fopen("/dev/null", "w");
        for (int f = STANCE_REPORT_TABLE; f <= STANCE_REPORT_HTML; f++)
            stance_report_write(r, (stance_report_format)f, sink, &err);
        fclose(sink);
    }
    stance_report_free(r);
    return 0;
}
