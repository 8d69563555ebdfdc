#include "common/io.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/grow.h"
#include "common/utf8.h"

/* ---- line reader ------------------------------------------------------ */

static void reader_init(stance_line_reader *r, FILE *fp, bool owns, const char *name, size_t max_line)
{
    memset(r, 0, sizeof *r);
    r->fp = fp;
    r->owns_fp = owns;
    r->name = strdup(name);
    r->max_line = max_line ? max_line : STANCE_DEFAULT_MAX_LINE;
    r->check_utf8 = true;
}

int stance_line_reader_open(stance_line_reader *r, const char *path, size_t max_line,
                            stance_error *err)
{
    if (strcmp(path, "-") == 0) {
        reader_init(r, stdin, false, "<stdin>", max_line);
        return 0;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return stance_fail_errno(err, path, 0, "cannot open");
    reader_init(r, fp, true, path, max_line);
    return 0;
}

void stance_line_reader_attach(stance_line_reader *r, FILE *fp, const char *name, size_t max_line)
{
    reader_init(r, fp, false, name, max_line);
}

int stance_line_reader_next(stance_line_reader *r, char **line, size_t *len, stance_error *err)
{
    size_t n = 0;
    int c = EOF;
    bool too_long = false;
    while ((c = getc_unlocked(r->fp)) != EOF) {
        if (c == '\n')
            break;
        if (n >= r->max_line) {
            too_long = true;
            continue; /* drain the rest of the line so the next call resyncs */
        }
        if (stance_grow(&r->buf, &r->cap, n + 2, 1) != 0)
            return stance_fail(err, r->name, r->lineno + 1, "out of memory");
        r->buf[n++] = (char)c;
    }
    if (ferror(r->fp))
        return stance_fail_errno(err, r->name, r->lineno + 1, "read error");
    if (c == EOF && n == 0 && !too_long)
        return 0;
    r->lineno++;
    if (too_long)
        return stance_fail(err, r->name, r->lineno, "line longer than the limit of %zu bytes",
                           r->max_line);
    if (n > 0 && r->buf[n - 1] == '\r')
        n--;
    if (stance_grow(&r->buf, &r->cap, n + 1, 1) != 0)
        return stance_fail(err, r->name, r->lineno, "out of memory");
    r->buf[n] = '\0';
    if (memchr(r->buf, '\0', n))
        return stance_fail(err, r->name, r->lineno, "NUL byte: this looks like a binary file");
    size_t bad;
    if (r->check_utf8 && !stance_utf8_valid(r->buf, n, &bad))
        return stance_fail(err, r->name, r->lineno, "invalid UTF-8 at byte %zu of the line", bad + 1);
    *line = r->buf;
    *len = n;
    return 1;
}

void stance_line_reader_close(stance_line_reader *r)
{
    if (r->owns_fp && r->fp)
        fclose(r->fp);
    free(r->buf);
    free(r->name);
    memset(r, 0, sizeof *r);
}

/* ---- whole files ------------------------------------------------------ */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int stance_list_dir(const char *path, bool (*keep)(const char *name), char ***out, size_t *n,
                    stance_error *err)
{
    *out = NULL;
    *n = 0;
    DIR *d = opendir(path);
    if (!d)
        return stance_fail_errno(err, path, 0, "cannot open directory");
    char **names = NULL;
    size_t count = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || (keep && !keep(e->d_name)))
            continue; /* ., .. and hidden files */
        if (stance_grow(&names, &cap, count + 1, sizeof *names) != 0) {
            rc = stance_fail(err, path, 0, "out of memory");
            break;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        if (!(names[count] = malloc(len))) {
            rc = stance_fail(err, path, 0, "out of memory");
            break;
        }
        snprintf(names[count++], len, "%s/%s", path, e->d_name);
    }
    closedir(d);
    if (rc != 0) {
        for (size_t i = 0; i < count; i++)
            free(names[i]);
        free(names);
        return -1;
    }
    if (names)
        qsort(names, count, sizeof *names, by_name);
    *out = names;
    *n = count;
    return 0;
}

long stance_line_of_offset(const char *text, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n')
            line++;
    return line;
}

int stance_read_file(const char *path, size_t max_bytes, bool check_text,
                     char **out, size_t *out_len, stance_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return stance_fail_errno(err, path, 0, "cannot open");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    int rc = 0;
    for (;;) {
        if (stance_grow(&buf, &cap, n + 65536 + 1, 1) != 0) {
            rc = stance_fail(err, name, 0, "out of memory");
            break;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (n > max_bytes) {
            rc = stance_fail(err, name, 0, "larger than the limit of %zu bytes", max_bytes);
            break;
        }
        if (got == 0) {
            if (ferror(fp))
                rc = stance_fail_errno(err, name, 0, "read error");
            break;
        }
    }
    if (!is_stdin)
        fclose(fp);
    if (rc == 0) {
        buf[n] = '\0';
        const char *nul = check_text ? memchr(buf, '\0', n) : NULL;
        size_t bad;
        if (nul)
            rc = stance_fail(err, name, stance_line_of_offset(buf, (size_t)(nul - buf)),
                             "NUL byte: this looks like a binary file");
        else if (check_text && !stance_utf8_valid(buf, n, &bad))
            rc = stance_fail(err, name, stance_line_of_offset(buf, bad), "invalid UTF-8");
    }
    if (rc != 0) {
        free(buf);
        return rc;
    }
    *out = buf;
    *out_len = n;
    return 0;
}
