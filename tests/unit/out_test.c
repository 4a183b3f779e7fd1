// Unit test for runtime/out.c: writes from several threads never interleave within a write,
// stdout's bytes reach its file before stderr output, large writes and out_flush work (stdout
// and stderr redirected to temporary files, restored afterwards); stdout on a pipe keeps a
// buffer, and a write to /dev/full returns ENOSPC. The last two run in child processes, as
// out.c decides how to write stdout once per process.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

// Runs [scenario] in a child process with stdout on [fd]; the child's exit status is the
// number of its conditions that failed.
static int in_child(int fd, int (*scenario)(void)) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd, 1);
        _exit(scenario());
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

static bool readable(int fd) {
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    return poll(&pfd, 1, 0) == 1;
}

static int pipe_read_end;

// On a pipe, stdout's bytes wait in the buffer until out_flush.
static int buffered_on_pipe(void) {
    size_t written = 0;
    int failed = out_write_err(1, "line\n", 5, &written) != 0 || written != 5;
    failed += readable(pipe_read_end); // still in the buffer
    out_flush();
    char buf[8];
    failed += read(pipe_read_end, buf, sizeof buf) != 5 || memcmp(buf, "line\n", 5) != 0;
    return failed;
}

// On /dev/full, the write that fails returns its error, as Go's os.Stdout.Write does.
static int error_on_full(void) {
    size_t written = 1;
    int err = out_write_err(1, "x\n", 2, &written);
    return (err != ENOSPC) + (written != 0);
}

int main(void) {
    int ends[2];
    if (pipe(ends) == 0) {
        pipe_read_end = ends[0];
        CHECK(in_child(ends[1], buffered_on_pipe) == 0);
        close(ends[0]);
        close(ends[1]);
    }
    int full = open("/dev/full", O_WRONLY);
    if (full >= 0) {
        CHECK(in_child(full, error_on_full) == 0);
        close(full);
    }

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
    CHECK(stdout_at_stderr == p + 14 - text); // stdout was written before stderr
    CHECK(en == 2 && strcmp(etext, "E\n") == 0);
    CHECK(n == (p - text) + 14 + 200000 + 5 && strcmp(text + n - 5, "tail\n") == 0);
    free(text);
    free(etext);
    free(big);
    return unit_summary("out");
}
