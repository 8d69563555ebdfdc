/* Writing a report: summarize it once, then hand the summary to the
 * writer of the chosen format. */
#include "pipeline/report/report.h"

int stance_report_write(const stance_report *r, stance_report_format format, FILE *out,
                        stance_error *err)
{
    report_summary s;
    if (stance_report_summarize(r, &s) != 0)
        return stance_fail(err, NULL, 0, "out of memory");
    int rc;
    switch (format) {
    case STANCE_REPORT_JSON: rc = stance_report_write_json(&s, out, err); break;
    case STANCE_REPORT_CSV: rc = stance_report_write_csv(&s, out); break;
    case STANCE_REPORT_MARKDOWN: rc = stance_report_write_table(&s, out, true); break;
    case STANCE_REPORT_HTML: rc = stance_report_write_html(&s, out); break;
    default: rc = stance_report_write_table(&s, out, false); break;
    }
    stance_report_summary_free(&s);
    if (rc != 0 && err && !err->message[0])
        stance_fail_errno(err, NULL, 0, "write error");
    return rc;
}
