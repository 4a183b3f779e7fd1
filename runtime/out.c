// Buffered stdout and unbuffered stderr behind one lock (out.h). A write is copied into the
// buffer whole, so concurrent writers never interleave mid-line; the buffer is flushed when
// full, at exit (atexit), before anything goes to stderr, and after every write when stdout
// is a terminal. System-call errors other than EINTR/EAGAIN drop the output (as Go ignores
// them for fmt.Print), except EPIPE: as in Go, a broken stdout or stderr pipe ends the
// program by SIGPIPE (the runtime otherwise ignores SIGPIPE: runtime/signals.h).
#include "out.h"

#include <signal.h>

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "signals.h"

enum { OUT_BUF_SIZE = 64 * 1024 };

static struct {
    pthread_mutex_t lock;
    char buf[OUT_BUF_SIZE]; // guarded by: lock
    size_t len;             // guarded by: lock
    int tty;                // guarded by: lock; -1 until stdout was checked with isatty
    bool (*sink)(int fd, const char *p, size_t n); // guarded by: lock; see out_set_sink
    void (*tee)(int fd, const char *p, size_t n);  // guarded by: lock; see out_set_tee
} out = {PTHREAD_MUTEX_INITIALIZER, {0}, 0, -1, NULL, NULL};

// Writes all [n] bytes to [fd], retrying after signals and partial writes. Called with the
// lock held (so a sink sees writes one at a time, in order).
static void write_all(int fd, const char *p, size_t n) {
    if (out.sink && out.sink(fd, p, n))
        return;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w > 0) {
            p += w;
            n -= (size_t)w;
        } else if (w < 0 && errno == EINTR) {
            continue;
        } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            poll(&pfd, 1, -1); // a non-blocking descriptor inherited from the shell
        } else {
            if (w < 0 && errno == EPIPE)
                sig_die(SIGPIPE);
            return;
        }
    }
}

static void flush_locked(void) {
    write_all(1, out.buf, out.len);
    out.len = 0;
}

void out_write(int fd, const char *buf, size_t n) {
    pthread_mutex_lock(&out.lock);
    if (out.tee)
        out.tee(fd, buf, n);
    if (fd != 1) {
        flush_locked();
        write_all(fd, buf, n);
    } else {
        if (out.tty < 0)
            out.tty = isatty(1);
        if (out.len + n > OUT_BUF_SIZE)
            flush_locked();
        if (n >= OUT_BUF_SIZE) {
            write_all(1, buf, n);
        } else {
            memcpy(out.buf + out.len, buf, n);
            out.len += n;
        }
        if (out.tty)
            flush_locked();
    }
    pthread_mutex_unlock(&out.lock);
}

void out_set_sink(bool (*sink)(int fd, const char *p, size_t n)) {
    pthread_mutex_lock(&out.lock);
    out.sink = sink;
    pthread_mutex_unlock(&out.lock);
}

void out_set_tee(void (*tee)(int fd, const char *p, size_t n)) {
    pthread_mutex_lock(&out.lock);
    out.tee = tee;
    pthread_mutex_unlock(&out.lock);
}

void out_flush(void) {
    pthread_mutex_lock(&out.lock);
    flush_locked();
    pthread_mutex_unlock(&out.lock);
}

// At exit another thread may still hold the lock (blocked in write on a full pipe, or
// stopped mid-write by the exiting thread): wait a little, then give up rather than hang.
static void flush_at_exit(void) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 1;
    if (pthread_mutex_timedlock(&out.lock, &deadline) != 0)
        return;
    flush_locked();
    pthread_mutex_unlock(&out.lock);
}

__attribute__((constructor)) static void out_init(void) {
    atexit(flush_at_exit);
}
