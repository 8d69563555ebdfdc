/* Prediction throughput with a loaded model: featurisation and
 * classification of every line of a file, ROUNDS times; prints texts/s on one
 * core and the seconds spent (model loading excluded and printed apart).
 * usage: bench_predict MODEL TEXTS ROUNDS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/io.h"
#include "stance.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_predict MODEL TEXTS ROUNDS\n");
        return 2;
    }
    stance_error err;
    double t0 = now();
    stance_model *m = stance_model_load(argv[1], &err);
    double load = now() - t0;
    char *text;
    size_t len;
    if (!m || stance_read_file(argv[2], (size_t)1 << 30, true, &text, &len, &err) != 0) {
        stance_error_print(&err, stderr);
        return 1;
    }
    int rounds = atoi(argv[3]);
    size_t n = 0, k = stance_model_n_labels(m);
    double *probs = malloc(k * sizeof *probs);
    stance_sparse work = {0};
    long checksum = 0;
    t0 = now();
    for (int r = 0; r < rounds; r++)
        for (char *p = text, *end; *p; p = end + (*end != '\0')) {
            end = strchr(p, '\n');
            if (!end)
                end = p + strlen(p);
            checksum += stance_model_predict(m, p, (size_t)(end - p), &work, probs, &err);
            n++;
        }
    double secs = now() - t0;
    printf("%zu %.6f %.6f %ld\n", n, secs, load, checksum);
    stance_sparse_free(&work);
    free(probs);
    free(text);
    stance_model_free(m);
    return 0;
}
