// The REPL's side of the scheduler: after sched_main ran a first, empty main goroutine, each
// input runs as a foreground goroutine the REPL thread waits for until it ends, is
// interrupted (Ctrl-C) or is deadlocked, both of which cancel it (sched_cancel: unwound as
// by runtime.Goexit, off every wait queue); other goroutines go on until :kill or :reset.
// In REPL mode a panic ends only its goroutine. Invariant: an input's G (the only kind the REPL interrupts) ends
// through sched_repl_done (its last call) or sched_repl_end_g (unwinding), which both clear
// g->interrupted under repl.mu, so a reused G never inherits a Ctrl-C.
#include "sched.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "out.h"
#include "panic.h"
#include "sched_int.h"
#include "timer.h"

typedef enum FgState { FG_RUNNING, FG_DONE, FG_PANIC, FG_EXIT } FgState;

static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    _Atomic bool enabled; // REPL mode; set once before any input runs
    G *fg;                // guarded by: mu; the foreground goroutine, NULL when none
    FgState state;        // guarded by: mu; how fg ended (FG_RUNNING until then)
} repl = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, NULL, FG_RUNNING};

enum { TICK_MS = 20, CANCEL_WAIT_TICKS = 100 };

typedef VEC(G *) GVec;

void sched_repl_enable(void) {
    atomic_store(&repl.enabled, true);
}

bool sched_repl_enabled(void) {
    return atomic_load_explicit(&repl.enabled, memory_order_relaxed);
}

// Records that [g] ended [how]; wakes the REPL thread if g is the foreground goroutine.
static void g_ended(G *g, FgState how) {
    pthread_mutex_lock(&repl.mu);
    atomic_store(&g->interrupted, false);
    if (g == repl.fg && repl.state == FG_RUNNING) {
        repl.state = how;
        pthread_cond_broadcast(&repl.cv);
    }
    pthread_mutex_unlock(&repl.mu);
}

RtStatus sched_repl_done(G *g, Slot *args, Slot *res) {
    (void)args, (void)res;
    g_ended(g, FG_DONE);
    return RT_OK;
}

bool sched_repl_end_g(G *g) {
    if (!sched_repl_enabled())
        return false;
    Panic *p = g->panic;
    bool panicked = p && !p->is_goexit;
    if (panicked)
        panic_report(g);
    g_ended(g, panicked ? FG_PANIC : FG_EXIT);
    return true;
}

// A fatal error (stack overflow, concurrent map writes, unlock of an unlocked mutex) in
// REPL mode: report it, then end [g] by retiring the whole M, whose C frames below lead
// back into the VM running g and must never be returned to. The P goes to another M and
// the thread exits (libgc forgets its stack, so g's large stack can be collected).
GOL_NORETURN void sched_repl_fatal(G *g, const char *msg) {
    out_flush();
    Buf b = {0};
    buf_printf(&b, "fatal error: %s\n\n", msg);
    out_write(2, b.data, b.len);
    traceback_print(g, "running", NULL, 0);
    g_ended(g, FG_PANIC);
    M *m = sched_tls_m;
    P *p = m->p;
    m->curg = NULL;
    g->stack = NULL;
    g->stack_size = 0;
    g->nframes = 0;
    atomic_store(&g->status, G_DEAD); // never reused: it is on no free list
    rtlock_lock(&sched.lock);
    sched.mcount--;
    rtlock_unlock(&sched.lock);
    if (p) {
        atomic_fetch_sub_explicit(&p->ngo, 1, memory_order_relaxed);
        m->p = NULL;
        sched_handoffp(p);
    } else {
        atomic_fetch_sub(&sched.ngo_extra, 1);
    }
    pthread_exit(NULL);
}

// Every goroutine is blocked for good: no M runs Go code, no timer is pending, nobody is in
// a system call and nothing is queued (sched_check_dead_locked's test), and [g] waits.
static bool deadlocked(G *g) {
    rtlock_lock(&sched.lock);
    bool dead = atomic_load(&g->status) == G_WAITING &&
                sched.mcount - sched.nmidle - sched.nmlocked == 0 &&
                atomic_load(&sched.nsyscall) == 0 && !timer_busy() &&
                atomic_load(&sched.runqsize) == 0 && sched.detn == 0;
    rtlock_unlock(&sched.lock);
    return dead;
}

static void tick_deadline(struct timespec *ts) {
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_nsec += TICK_MS * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static _Atomic int sigint_pending; // sched_repl_interrupt (signal handler) -> REPL thread

void sched_repl_interrupt(void) {
    atomic_store(&sigint_pending, 1);
}

// End the foreground [g] (Ctrl-C, a deadlock): cancel it, again at each tick while it is
// between parking and stopping, until it has unwound (its deferred calls may take a
// while) or a few seconds have passed. Caller holds repl.mu.
static void cancel_fg(G *g) {
    for (int i = 0; i < CANCEL_WAIT_TICKS && repl.state == FG_RUNNING; i++) {
        pthread_mutex_unlock(&repl.mu);
        sched_cancel(g);
        pthread_mutex_lock(&repl.mu);
        if (repl.state != FG_RUNNING || sched_cancel_waits_for_wakeup(g))
            break;
        struct timespec ts;
        tick_deadline(&ts);
        pthread_cond_timedwait(&repl.cv, &repl.mu, &ts);
    }
}

static void collect_g(G *g, void *arg) {
    GVec *v = arg;
    vec_push(v, g);
}

// Every goroutine's stack, [first] (the foreground statement) first, as a program's
// deadlock report lists them.
static void report_deadlock(G *first) {
    out_flush();
    const char *msg = "fatal error: all goroutines are asleep - deadlock!\n\n";
    out_write(2, msg, strlen(msg));
    traceback_print(first, g_wait_reason_str(first->wait_reason), NULL, 0);
    GVec all = {0};
    sched_for_each_g(collect_g, &all);
    for (int i = 0; i < all.n; i++) {
        G *g = all.v[i];
        if (g == first || atomic_load(&g->status) != G_WAITING)
            continue;
        out_write(2, "\n", 1);
        traceback_print(g, g_wait_reason_str(g->wait_reason), NULL, 0);
    }
}

// Whether [g], cancelled as goroutine [id], is still around (a finished G may be reused
// under a new id: that one is not ours).
static bool still_there(G *g, int64_t id) {
    int st = atomic_load(&g->status);
    return st != G_DEAD && st != G_IDLE && g->id == id;
}

int sched_repl_kill(int64_t id, int *pending) {
    GVec all = {0};
    sched_for_each_g(collect_g, &all);
    int n = 0;
    for (int i = 0; i < all.n; i++)
        if (id == 0 || all.v[i]->id == id)
            all.v[n++] = all.v[i];
    int64_t *ids = gc_alloc_atomic(sizeof(int64_t) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        ids[i] = all.v[i]->id;
    int left = n, busy = n;
    struct timespec tick = {0, TICK_MS * 1000000L};
    for (int t = 0; t < CANCEL_WAIT_TICKS && busy > 0; t++) {
        if (t > 0)
            nanosleep(&tick, NULL);
        left = busy = 0;
        for (int i = 0; i < n; i++) {
            G *g = all.v[i];
            if (still_there(g, ids[i]) && !g->goexit)
                sched_cancel(g); // again: it may have been parking last time
            if (!still_there(g, ids[i]))
                continue;
            left++;
            busy += !sched_cancel_waits_for_wakeup(g);
        }
    }
    if (pending)
        *pending = left;
    return n;
}

// [g] signalled its end from its last instructions: let it leave the run state (so that the
// next command does not list it as running). Bounded: the G may have been reused already.
static void wait_stopped(G *g) {
    struct timespec pause = {0, 50000};
    for (int i = 0; i < 2000 && atomic_load(&g->status) == G_RUNNING; i++)
        nanosleep(&pause, NULL);
}

ReplRunResult sched_repl_run(G *g, volatile sig_atomic_t *interrupt) {
    pthread_mutex_lock(&repl.mu);
    repl.fg = g;
    repl.state = FG_RUNNING;
    pthread_mutex_unlock(&repl.mu);
    sched_spawn(g);
    pthread_mutex_lock(&repl.mu);
    ReplRunResult res = REPL_RUN_DONE;
    int idle_ticks = 0;
    while (repl.state == FG_RUNNING) {
        struct timespec ts;
        tick_deadline(&ts);
        int rc = pthread_cond_timedwait(&repl.cv, &repl.mu, &ts);
        if (repl.state != FG_RUNNING)
            break;
        if ((interrupt && *interrupt) || atomic_exchange(&sigint_pending, 0)) {
            if (interrupt)
                *interrupt = 0;
            out_write(2, "\n", 1); // after the terminal's ^C, before deferred calls print
            cancel_fg(g);
            res = REPL_RUN_INTERRUPTED;
            break;
        }
        // Two quiet ticks in a row: the state is not a hand-off caught half-way.
        idle_ticks = rc == ETIMEDOUT && deadlocked(g) ? idle_ticks + 1 : 0;
        if (idle_ticks >= 2) {
            report_deadlock(g);
            cancel_fg(g);
            res = REPL_RUN_DEADLOCK;
            break;
        }
    }
    bool ended = repl.state != FG_RUNNING;
    if (res == REPL_RUN_DONE)
        res = repl.state == FG_PANIC ? REPL_RUN_PANIC
              : repl.state == FG_EXIT ? REPL_RUN_GOEXIT
                                      : REPL_RUN_DONE;
    repl.fg = NULL;
    pthread_mutex_unlock(&repl.mu);
    if (ended)
        wait_stopped(g);
    return res;
}
