// Standard output and error behind one lock (out.h). A write goes out whole, so concurrent
// writers never interleave mid-line. Stdout keeps a buffer only where no write can fail but
// by a broken pipe: a pipe, a socket or /dev/null (flushed when full, at exit, before anything
// goes to stderr, and when the scheduler goes idle); on a terminal, a file or any other device
// every write is made at once, as Go's unbuffered os.Stdout makes it, so the write that fails
// (a full disk, /dev/full) returns its error. EPIPE on stdout or stderr ends the program by
// SIGPIPE, as in Go (the runtime otherwise ignores SIGPIPE: runtime/signals.h).
#include "out.h"

#include <signal.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "signals.h"

enum { OUT_BUF_SIZE = 64 * 1024 };

static struct {
    pthread_mutex_t lock;
    char buf[OUT_BUF_SIZE]; // guarded by: lock
    size_t len;             // guarded by: lock
    int buffered;           // guarded by: lock; -1 until stdout's kind was checked
    bool (*sink)(int fd, const char *p, size_t n); // guarded by: lock; see out_set_sink
    void (*tee)(int fd, const char *p, size_t n);  // guarded by: lock; see out_set_tee
} out = {PTHREAD_MUTEX_INITIALIZER, {0}, 0, -1, NULL, NULL};

// Writes all [n] bytes to [fd], retrying after signals and partial writes; returns 0 or the
// errno of the write that failed, with the bytes written before it in *done. As Go's, a
// write of nothing is still made (/dev/full refuses it). Called with the lock held (so a
// sink sees writes one at a time, in order).
static int write_all(int fd, const char *p, size_t n, size_t *done) {
    *done = 0;
    if (out.sink && out.sink(fd, p, n)) {
        *done = n;
        return 0;
    }
    for (;;) {
        ssize_t w = write(fd, p + *done, n - *done);
        if (w >= 0) {
            *done += (size_t)w;
            if (*done == n)
                return 0;
            if (w == 0)
                return EIO; // no progress and no error
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            poll(&pfd, 1, -1); // a non-blocking descriptor inherited from the shell
        } else if (errno == EPIPE) {
            sig_die(SIGPIPE);
        } else if (errno != EINTR) {
            return errno;
        }
    }
}

static int flush_locked(void) {
    if (out.len == 0)
        return 0;
    size_t done;
    int err = write_all(1, out.buf, out.len, &done);
    out.len = 0;
    return err;
}

// Whether stdout keeps a buffer: only where a write cannot fail but by a broken pipe, so
// that buffering never hides an error Go's unbuffered os.Stdout would return.
static bool stdout_buffered(void) {
    if (out.buffered < 0) {
        struct stat st;
        out.buffered = fstat(1, &st) == 0 &&
                       (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
                        (S_ISCHR(st.st_mode) && st.st_rdev == makedev(1, 3))); // /dev/null
    }
    return out.buffered;
}

// Appends to the buffer, flushing it first when the bytes do not fit (a write as large as
// the buffer goes out directly). Returns 0 or the errno of a failed flush.
static int buffer_locked(const char *p, size_t n) {
    int err = 0;
    size_t done;
    if (out.len + n > OUT_BUF_SIZE)
        err = flush_locked();
    if (!err && n >= OUT_BUF_SIZE)
        return write_all(1, p, n, &done);
    if (!err) {
        memcpy(out.buf + out.len, p, n);
        out.len += n;
    }
    return err;
}

int out_write_err(int fd, const char *p, size_t n, size_t *written) {
    pthread_mutex_lock(&out.lock);
    if (out.tee)
        out.tee(fd, p, n);
    int err;
    if (fd == 1 && stdout_buffered()) {
        err = buffer_locked(p, n);
        *written = err ? 0 : n;
    } else {
        flush_locked(); // stdout's buffered bytes go first
        err = write_all(fd, p, n, written);
    }
    pthread_mutex_unlock(&out.lock);
    return err;
}

void out_write(int fd, const char *p, size_t n) {
    size_t written;
    (void)out_write_err(fd, p, n, &written);
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

// Go's checkfds (since Go 1.22): a standard descriptor the program was started without is
// opened on /dev/null, so that no file the program opens takes its number, and writes to a
// closed stdout succeed as writes to /dev/null.
static void open_missing_std_fds(void) {
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue;
        int got = open("/dev/null", O_RDWR);
        if (got == fd)
            continue;
        char msg[160]; // Go's words; stderr may be the descriptor that is missing
        int n = snprintf(msg, sizeof msg,
                         "runtime: standard file descriptor %d closed, unable to open "
                         "/dev/null, errno=%d\nfatal error: cannot open standard fds\n",
                         fd, got < 0 ? errno : 0);
        ssize_t w = write(2, msg, (size_t)n);
        (void)w;
        _exit(2);
    }
}

__attribute__((constructor)) static void out_init(void) {
    open_missing_std_fds();
    atexit(flush_at_exit);
}
