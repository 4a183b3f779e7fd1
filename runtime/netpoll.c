// The network poller (netpoll.h). One epoll instance, edge-triggered, every socket registered
// once for input and output. Ordinary mode: a poller thread blocks in epoll_wait and readies
// the Gs parked on the descriptors that became ready, as the timer thread fires timers (one
// place owns the wait; an M's idle path stays a plain sleep). Deterministic mode: no thread;
// the scheduler polls (netpoll_poll) when nothing else can run. A PollDesc is collector
// memory: registered ones are kept on a list (the kernel's copy of the pointer is invisible
// to the collector), closed ones live while package net's netFD points to them; none is
// reused, so a stale pointer never reaches another socket.
#include "netpoll.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <unistd.h>

#include "gc.h"
#include "native.h"
#include "out.h"
#include "rtlock.h"
#include "sched.h"
#include "sched_int.h"
#include "timer.h"

enum { EVENT_BATCH = 128 };

// One open socket's waiting state (Go's pollDesc).
struct PollDesc {
    RtLock lock;           // guards every field below but prev and next
    int fd;                // the socket; -1 once closed
    int refs;              // system calls running on fd (netpoll_acquire)
    bool closing;          // netpoll_close was called
    bool rready, wready;   // readiness seen while nobody waited (consumed by the next wait)
    G *rg, *wg;            // parked reader / writer
    int64_t rd, wd;        // deadline (sched_nanotime), 0 none, -1 passed
    Timer *rt, *wt;        // deadline timers (made on first use)
    PollDesc *prev, *next; // registered list (np.lock)
};

static struct {
    pthread_once_t once;
    int epfd;
    RtLock lock;    // guards live
    PollDesc *live; // registered descriptors (so the collector keeps them)
} np = {.once = PTHREAD_ONCE_INIT, .epfd = -1};

// ---- waking ----

// Takes the G parked for [mode], or latches the readiness. REQUIRES(pd->lock).
static G *take_waiter_locked(PollDesc *pd, int mode, bool latch) {
    G **slot = mode == 'r' ? &pd->rg : &pd->wg;
    G *g = *slot;
    *slot = NULL;
    if (!g && latch) {
        if (mode == 'r')
            pd->rready = true;
        else
            pd->wready = true;
    }
    return g;
}

static void ready_waiter(G *g) {
    if (!g)
        return;
    sched_ready(g);
    atomic_fetch_sub(&sched.nnetwait, 1);
}

// Readies the waiters an epoll event concerns.
static void handle_event(const struct epoll_event *ev) {
    PollDesc *pd = ev->data.ptr;
    uint32_t e = ev->events;
    G *r = NULL, *w = NULL;
    rtlock_lock(&pd->lock);
    if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
        r = take_waiter_locked(pd, 'r', true);
    if (e & (EPOLLOUT | EPOLLHUP | EPOLLERR))
        w = take_waiter_locked(pd, 'w', true);
    rtlock_unlock(&pd->lock);
    ready_waiter(r);
    ready_waiter(w);
}

static int poll_once(int timeout_ms) {
    struct epoll_event evs[EVENT_BATCH];
    int n = epoll_wait(np.epfd, evs, EVENT_BATCH, timeout_ms);
    for (int i = 0; i < n; i++)
        handle_event(&evs[i]);
    return n < 0 ? 0 : n;
}

static void *poller_thread(void *arg) {
    GOL_UNUSED(arg);
    for (;;)
        poll_once(-1);
    return NULL;
}

int netpoll_poll(int64_t timeout_ns) {
    if (np.epfd < 0)
        return 0;
    int ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999) / 1000000);
    if (timeout_ns > (int64_t)1000000 * 1000000)
        ms = 1000000000;
    return poll_once(ms);
}

// ---- set-up ----

// Go raises the soft open-file limit to the hard one at start-up (syscall's init).
__attribute__((constructor)) static void raise_nofile(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

static void init_poller(void) {
    np.epfd = epoll_create1(EPOLL_CLOEXEC);
    if (np.epfd < 0) { // (all descriptors in use, say): Go's netpollinit report
        char msg[64];
        int n = snprintf(msg, sizeof msg, "runtime: netpollinit failed with %d\n", errno);
        out_flush();
        out_write(2, msg, (size_t)n);
        rt_fatal(g_current(), "runtime: netpollinit failed");
    }
    if (sched_deterministic()) {
        sched.netpoll = netpoll_poll;
        return;
    }
    pthread_t th;
    int err = gc_thread_create(&th, poller_thread, NULL);
    if (err != 0)
        sched_thread_failed(err);
}

static void link_pd(PollDesc *pd) {
    rtlock_lock(&np.lock);
    pd->prev = NULL;
    pd->next = np.live;
    if (np.live)
        np.live->prev = pd;
    np.live = pd;
    rtlock_unlock(&np.lock);
}

static void unlink_pd(PollDesc *pd) {
    rtlock_lock(&np.lock);
    if (pd->prev)
        pd->prev->next = pd->next;
    else
        np.live = pd->next;
    if (pd->next)
        pd->next->prev = pd->prev;
    pd->prev = pd->next = NULL;
    rtlock_unlock(&np.lock);
}

PollDesc *netpoll_open(int fd) {
    pthread_once(&np.once, init_poller);
    PollDesc *pd = gc_alloc(sizeof(PollDesc));
    pd->fd = fd;
    link_pd(pd);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.ptr = pd};
    if (epoll_ctl(np.epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
        int e = errno;
        unlink_pd(pd);
        errno = e;
        return NULL;
    }
    return pd;
}

// ---- operations ----

static bool timed_out_locked(PollDesc *pd, int mode) {
    int64_t d = mode == 'r' ? pd->rd : pd->wd;
    return d != 0 && (d < 0 || sched_nanotime() >= d);
}

static int state_locked(PollDesc *pd, int mode) {
    if (pd->closing)
        return NETPOLL_CLOSING;
    if (timed_out_locked(pd, mode))
        return NETPOLL_TIMEOUT;
    return NETPOLL_OK;
}

int netpoll_acquire(PollDesc *pd, int mode) {
    rtlock_lock(&pd->lock);
    int st = state_locked(pd, mode);
    int fd = pd->fd;
    if (st == NETPOLL_OK)
        pd->refs++;
    rtlock_unlock(&pd->lock);
    return st == NETPOLL_OK ? fd : st;
}

// Closes [fd], pd's socket, once nobody uses it any more.
static void free_pd(PollDesc *pd, int fd) {
    epoll_ctl(np.epfd, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    unlink_pd(pd);
}

void netpoll_release(PollDesc *pd) {
    rtlock_lock(&pd->lock);
    int fd = -1;
    if (--pd->refs == 0 && pd->closing) {
        fd = pd->fd;
        pd->fd = -1;
    }
    rtlock_unlock(&pd->lock);
    if (fd >= 0)
        free_pd(pd, fd);
}

int netpoll_fd(PollDesc *pd) {
    rtlock_lock(&pd->lock);
    int fd = pd->fd;
    rtlock_unlock(&pd->lock);
    return fd;
}

static void unlock_pd(void *arg) NO_TSA {
    PollDesc *pd = arg;
    rtlock_unlock(&pd->lock);
}

static bool cancel_io(G *g);
static const WaitKind wait_io = {WAIT_IO, NULL, NULL, cancel_io};

RtStatus netpoll_wait(G *g, PollDesc *pd, int mode) NO_TSA {
    rtlock_lock(&pd->lock);
    bool *ready = mode == 'r' ? &pd->rready : &pd->wready;
    if (state_locked(pd, mode) != NETPOLL_OK || *ready) {
        *ready = false;
        rtlock_unlock(&pd->lock);
        return RT_OK;
    }
    if (mode == 'r')
        pd->rg = g;
    else
        pd->wg = g;
    atomic_fetch_add(&sched.nnetwait, 1);
    g->netpoll_pd = pd;
    return sched_park(g, &wait_io, unlock_pd, pd);
}

// REPL Ctrl-C (sched_cancel's hook for WAIT_IO): take [g] off the descriptor it waits on,
// under its lock, as a waker would; true when the wake-up is now the caller's.
static bool cancel_io(G *g) {
    PollDesc *pd = g->netpoll_pd;
    if (!pd)
        return false;
    rtlock_lock(&pd->lock);
    bool mine = false;
    if (pd->rg == g) {
        pd->rg = NULL;
        mine = true;
    } else if (pd->wg == g) {
        pd->wg = NULL;
        mine = true;
    }
    rtlock_unlock(&pd->lock);
    if (mine)
        atomic_fetch_sub(&sched.nnetwait, 1);
    return mine;
}

// ---- deadlines ----

// A deadline timer fired: if the deadline it was armed for still stands, mark it passed
// and ready the waiter. Modes are told apart by which timer fired.
static void deadline_fired(PollDesc *pd, int mode) {
    rtlock_lock(&pd->lock);
    int64_t *d = mode == 'r' ? &pd->rd : &pd->wd;
    G *g = NULL;
    if (*d > 0 && sched_nanotime() >= *d) {
        *d = -1;
        g = take_waiter_locked(pd, mode, false);
    }
    rtlock_unlock(&pd->lock);
    ready_waiter(g);
}

static void read_deadline_fired(void *arg) {
    deadline_fired(arg, 'r');
}

static void write_deadline_fired(void *arg) {
    deadline_fired(arg, 'w');
}

static void set_one(PollDesc *pd, int mode, int64_t ns) {
    rtlock_lock(&pd->lock);
    Timer **tp = mode == 'r' ? &pd->rt : &pd->wt;
    if (!*tp)
        *tp = timer_new_c(mode == 'r' ? read_deadline_fired : write_deadline_fired, pd);
    Timer *t = *tp;
    int64_t when = 0;
    if (ns < 0)
        when = -1;
    else if (ns > 0) {
        int64_t now = sched_nanotime();
        when = ns > INT64_MAX - now ? INT64_MAX : now + ns;
    }
    G *g = NULL;
    if (mode == 'r')
        pd->rd = when;
    else
        pd->wd = when;
    if (when < 0 && !pd->closing)
        g = take_waiter_locked(pd, mode, false);
    rtlock_unlock(&pd->lock);
    if (when > 0)
        timer_reset(t, when, 0);
    else
        timer_stop(t);
    ready_waiter(g);
}

bool netpoll_set_deadline(PollDesc *pd, int mode, int64_t ns) {
    rtlock_lock(&pd->lock);
    bool closing = pd->closing;
    rtlock_unlock(&pd->lock);
    if (closing)
        return false;
    if (mode == 'r' || mode == 'b')
        set_one(pd, 'r', ns);
    if (mode == 'w' || mode == 'b')
        set_one(pd, 'w', ns);
    return true;
}

// ---- close ----

bool netpoll_close(PollDesc *pd) {
    rtlock_lock(&pd->lock);
    if (pd->closing) {
        rtlock_unlock(&pd->lock);
        return false;
    }
    pd->closing = true;
    G *r = take_waiter_locked(pd, 'r', false);
    G *w = take_waiter_locked(pd, 'w', false);
    int fd = -1;
    if (pd->refs == 0) {
        fd = pd->fd;
        pd->fd = -1;
    }
    Timer *rt = pd->rt, *wt = pd->wt;
    rtlock_unlock(&pd->lock);
    if (rt)
        timer_stop(rt);
    if (wt)
        timer_stop(wt);
    ready_waiter(r);
    ready_waiter(w);
    if (fd >= 0)
        free_pd(pd, fd);
    return true;
}

int netpoll_waiters(void) {
    return atomic_load(&sched.nnetwait);
}
