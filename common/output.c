/* Atomic outputs and the signal handler that removes their temporaries. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stance.h"

/* Temporary files that are open right now, removed by the signal handler.
 * A small fixed table: the program has at most a few outputs open at once. */
#define MAX_PENDING 16
static char *volatile pending[MAX_PENDING];
volatile int stance_interrupted;

static void pending_add(char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (!pending[i]) {
            pending[i] = tmp;
            return;
        }
}

static void pending_remove(const char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i] == tmp)
            pending[i] = NULL;
}

static volatile sig_atomic_t graceful;

static void on_signal(int sig)
{
    if (graceful && !stance_interrupted) {
        stance_interrupted = 1; /* the batch loop stops, reports and cleans up */
        return;
    }
    stance_interrupted = 1;
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

void stance_signal_graceful(bool on)
{
    graceful = on;
}

void stance_install_signal_cleanup(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* The process's umask, read without changing it (Linux's /proc first:
 * umask() itself sets it, which another thread could see). */
static mode_t current_umask(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[128];
    unsigned mask;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Umask: %o", &mask) == 1) {
            fclose(f);
            return (mode_t)mask;
        }
    if (f)
        fclose(f);
    mode_t m = umask(022);
    umask(m);
    return m;
}

/* The temporary's name: ".NAME.stance-PID.XXXXXX" beside target. */
static char *temporary_name(const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
    size_t len = strlen(target) + 64;
    char *tmp = malloc(len);
    if (tmp)
        snprintf(tmp, len, "%.*s.%s.stance-%ld.XXXXXX", (int)dir, target, target + dir,
                 (long)getpid());
    return tmp;
}

static int open_direct(stance_output *out, const char *path, stance_error *err)
{
    out->fp = fopen(path, "wb");
    if (!out->fp) {
        stance_fail_errno(err, path, 0, "cannot open");
        stance_output_abort(out);
        return -1;
    }
    return 0;
}

int stance_output_open(stance_output *out, const char *path, stance_error *err)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->fp = stdout;
        return 0;
    }
    if (!(out->path = strdup(path)))
        return stance_fail(err, path, 0, "out of memory");
    struct stat st;
    bool exists = stat(path, &st) == 0; /* follows symlinks */
    if (exists && !S_ISREG(st.st_mode))
        return open_direct(out, path, err); /* a device or a FIFO: never replaced */
    struct stat link;
    if (!exists && lstat(path, &link) == 0)
        return open_direct(out, path, err); /* a dangling symlink: create what it names */
    /* a symlink to a regular file: replace the file, keep the link */
    out->target = exists ? realpath(path, NULL) : strdup(path);
    if (!out->target || !(out->tmp_path = temporary_name(out->target))) {
        stance_output_abort(out);
        return stance_fail(err, path, 0, "out of memory");
    }
    int fd = mkstemp(out->tmp_path);
    if (fd < 0) {
        stance_fail_errno(err, path, 0, "cannot create a temporary file beside it");
        free(out->tmp_path);
        out->tmp_path = NULL;
        stance_output_abort(out);
        return -1;
    }
    if (!(out->fp = fdopen(fd, "wb"))) {
        close(fd);
        stance_output_abort(out);
        return stance_fail_errno(err, path, 0, "cannot open");
    }
    pending_add(out->tmp_path);
    return 0;
}

/* Give the temporary the mode (and owner) of the file it replaces, or the
 * mode a new file would get: mkstemp made it private. */
static int take_over_mode(int fd, const char *target)
{
    struct stat st;
    if (stat(target, &st) != 0)
        return fchmod(fd, 0666 & ~current_umask());
    if (fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
        return -1; /* not allowed to give it away: it stays ours */
    return fchmod(fd, st.st_mode & 07777);
}

int stance_output_commit(stance_output *out, stance_error *err)
{
    const char *name = out->path ? out->path : "<stdout>";
    if (!out->tmp_path) { /* stdout, or a file written directly */
        int rc = 0;
        if (fflush(out->fp) != 0 || ferror(out->fp))
            rc = stance_fail_errno(err, name, 0, "write error");
        if (out->fp != stdout && fclose(out->fp) != 0 && rc == 0)
            rc = stance_fail_errno(err, name, 0, "write error");
        out->fp = NULL;
        stance_output_abort(out);
        return rc;
    }
    int rc = 0;
    if (fflush(out->fp) != 0 || ferror(out->fp) || fsync(fileno(out->fp)) != 0 ||
        take_over_mode(fileno(out->fp), out->target) != 0)
        rc = stance_fail_errno(err, name, 0, "write error");
    if (fclose(out->fp) != 0 && rc == 0)
        rc = stance_fail_errno(err, name, 0, "write error");
    out->fp = NULL;
    if (rc == 0 && rename(out->tmp_path, out->target) != 0)
        rc = stance_fail_errno(err, name, 0, "cannot rename the temporary file into place");
    if (rc == 0) {
        pending_remove(out->tmp_path);
        free(out->tmp_path);
        out->tmp_path = NULL;
    }
    stance_output_abort(out);
    return rc;
}

void stance_output_abort(stance_output *out)
{
    if (out->fp && out->fp != stdout)
        fclose(out->fp);
    if (out->tmp_path) {
        pending_remove(out->tmp_path);
        unlink(out->tmp_path);
    }
    free(out->tmp_path);
    free(out->target);
    free(out->path);
    memset(out, 0, sizeof *out);
}
