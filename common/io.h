/* Input and output at the edges of the program: bounded line reading with
 * file/line bookkeeping and whole-file reading. */
#ifndef STANCE_COMMON_IO_H
#define STANCE_COMMON_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "stance.h"

/* ---- line reader ------------------------------------------------------ */

/* Reads one line at a time from a file or stdin ("-"), never holding more
 * than max_line bytes. Each line is checked: a NUL byte means a binary file,
 * bytes that are not UTF-8 are refused. Errors name the file and the line. */
typedef struct stance_line_reader {
    FILE *fp;
    bool owns_fp;
    char *name;         /* as given, "<stdin>" for "-" */
    char *buf;
    size_t cap;
    size_t max_line;
    long lineno;        /* number of the line last returned, 1-based */
    bool check_utf8;
} stance_line_reader;

#define STANCE_DEFAULT_MAX_LINE ((size_t)16 << 20) /* 16 MiB */

int stance_line_reader_open(stance_line_reader *r, const char *path, size_t max_line,
                            stance_error *err);
/* Wrap an open stream (not closed by the reader). */
void stance_line_reader_attach(stance_line_reader *r, FILE *fp, const char *name, size_t max_line);
/* 1 with *line and *len set (without newline or CR, NUL-terminated) on a line; 0 at end of
 * input; -1 on error (err filled). The line stays valid until the next call. */
int stance_line_reader_next(stance_line_reader *r, char **line, size_t *len, stance_error *err);
void stance_line_reader_close(stance_line_reader *r);

/* ---- whole files ------------------------------------------------------ */

/* Read a whole file (or stdin for "-") of at most max_bytes into a NUL-terminated
 * buffer. When check_text, refuses binary content (NUL bytes) and invalid
 * UTF-8, reporting the line of the first bad byte. */
int stance_read_file(const char *path, size_t max_bytes, bool check_text,
                     char **out, size_t *out_len, stance_error *err);

/* The entries of directory path that keep() accepts (by name; hidden ones
 * are never listed), as "path/name", sorted by name. The caller frees each
 * and the array. */
int stance_list_dir(const char *path, bool (*keep)(const char *name), char ***out, size_t *n,
                    stance_error *err);

/* Line number (1-based) of byte offset off in text. */
long stance_line_of_offset(const char *text, size_t off);

/* Atomic output files (stance_output_*) and stance_interrupted are public:
 * see stance.h. */

#endif
