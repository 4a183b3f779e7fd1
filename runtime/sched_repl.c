// The REPL's side of the scheduler: after sched_main ran a first, empty main goroutine, each
// input runs as a foreground goroutine the REPL thread waits for until it ends, is
// interrupted (Ctrl-C) or is deadlocked; other goroutines go on. In REPL mode a panic ends
// only its goroutine. Invariant: an input's G (the only kind the REPL interrupts) ends
// through sched_repl_done (its last call) or sched_repl_end_g (unwinding), which both clear
// g->interrupted under repl.mu, so a reused G never inherits a Ctrl-C.
#include "sched.h"

#include <errno.h>
#include <stdio.h>
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

enum { TICK_MS = 20, INTERRUPT_GRACE_TICKS = 10 };

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

static void report_deadlock(G *g) {
    out_flush();
    const char *msg = "fatal error: all goroutines are asleep - deadlock!\n\n";
    out_write(2, msg, strlen(msg));
    traceback_print(g, g_wait_reason_str(g->wait_reason), NULL, 0);
}

static void tick_deadline(struct timespec *ts) {
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_nsec += TICK_MS * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

// Ctrl-C: the VM ends the G at its next preemption point. It may be parked where none
// comes soon (a sleep, a channel): it then ends when it next runs, and the REPL stops
// waiting for it after a short grace period. Caller holds repl.mu.
static ReplRunResult interrupt_fg(G *g) {
    atomic_store(&g->interrupted, true);
    for (int i = 0; i < INTERRUPT_GRACE_TICKS && repl.state == FG_RUNNING; i++) {
        struct timespec ts;
        tick_deadline(&ts);
        pthread_cond_timedwait(&repl.cv, &repl.mu, &ts);
    }
    return REPL_RUN_INTERRUPTED;
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
        if (interrupt && *interrupt) {
            *interrupt = 0;
            res = interrupt_fg(g);
            break;
        }
        // Two quiet ticks in a row: the state is not a hand-off caught half-way.
        idle_ticks = rc == ETIMEDOUT && deadlocked(g) ? idle_ticks + 1 : 0;
        if (idle_ticks >= 2) {
            report_deadlock(g);
            atomic_store(&g->interrupted, true);
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
