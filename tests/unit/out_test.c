// Unit test for runtime/out.c: writes from several threads never interleave within a write,
// buffered stdout is flushed before stderr output, large writes and out_flush work. Stdout
// and stderr are redirected to temporary files for the test and restored afterwards.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../runtime/out.h"
#include "harness.h"

enum { THREADS = 4, LINES = 5000 };

static void *writer(void *arg) {
    int id = (int)(intptr_t)arg;
    char line[200];
    for (int i = 0; i < LINES; i++) {
        // a long line with the writer's id repeated, so a torn write is detectable
        int n = snprintf(line, sizeof line, "%d:", id);
        for (int k = 0; k < 60 + i % 50; k++)
            line[n++] = (char)('a' + id);
        line[n++] = '\n';
        out_write(1, line, (size_t)n);
    }
    return NULL;
}

// Whole contents of the file open as [fd].
static char *slurp(int fd, long *len) {
    *len = lseek(fd, 0, SEEK_END);
    char *buf = malloc((size_t)*len + 1);
    if (pread(fd, buf, (size_t)*len, 0) != *len)
        *len = 0;
    buf[*len] = 0;
    return buf;
}

static int temp_fd(void) {
    char name[] = "/tmp/gol_out_test_XXXXXX";
    int fd = mkstemp(name);
    unlink(name);
    return fd;
}

int main(void) {
    int out_fd = temp_fd(), err_fd = temp_fd();
    int saved_out = dup(1), saved_err = dup(2);
    fflush(stdout);
    dup2(out_fd, 1);
    dup2(err_fd, 2);

    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&th[i], NULL, writer, (void *)(intptr_t)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    out_write(1, "before-stderr\n", 14);
    out_write(2, "E\n", 2);
    long stdout_at_stderr = lseek(out_fd, 0, SEEK_END);
    char *big = malloc(200000);
    memset(big, 'x', 200000);
    big[199999] = '\n';
    out_write(1, big, 200000);
    out_write(1, "tail\n", 5);
    out_flush();

    dup2(saved_out, 1);
    dup2(saved_err, 2);
    long n, en;
    char *text = slurp(out_fd, &n), *etext = slurp(err_fd, &en);
    int lines = 0, torn = 0;
    char *p = text;
    while (*p && *p != 'b') {
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        int id = p[0] - '0';
        for (char *q = p + 2; q < nl; q++)
            torn += *q != 'a' + id;
        torn += p[1] != ':' || id < 0 || id >= THREADS;
        lines++;
        p = nl + 1;
    }
    CHECK(lines == THREADS * LINES && torn == 0);
    CHECK(strncmp(p, "before-stderr\n", 14) == 0);
    CHECK(stdout_at_stderr == p + 14 - text); // stdout was flushed before stderr was written
    CHECK(en == 2 && strcmp(etext, "E\n") == 0);
    CHECK(n == (p - text) + 14 + 200000 + 5 && strcmp(text + n - 5, "tail\n") == 0);
    free(text);
    free(etext);
    free(big);
    return unit_summary("out");
}
