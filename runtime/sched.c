// The scheduler core (Go's proc.go, simplified): Ms (native threads) run Gs on Ps; an M with
// nothing to do spins briefly stealing work, then releases its P and sleeps on its note, so
// an idle gol uses no CPU. Wake-ups put the G in the waker's runnext and wake one spinning
// M when a P is idle (wakep); `go` does the same. park/ready follow Go's gopark contract: the
// parked G's unlockf runs on its M after vm_run returned, so a waker can find the G only
// once it has stopped. A G parked inside a nested vm_call keeps its native thread: that M
// sleeps without its P, and whichever M later picks the readied G hands it its P
// (g->lockedm). The main thread only waits in sched_main; Ms do all the work.
// Run queues: sched_runq.c. Deterministic mode: sched_det.c. Deadlock, GOMAXPROCS and
// queries: sched_misc.c.
#include "sched.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cstack.h"
#include "native.h"
#include "out.h"
#include "race.h"
#include "sched_int.h"
#include "detpolicy.h"
#include "signals.h"
#include "timer.h"
#include "trace.h"

Sched sched = {
    .lock = RTLOCK_INIT,
    .gflock = RTLOCK_INIT,
    .goidgen = 1,
    .main_note = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false},
};
_Thread_local M *sched_tls_m;

G *g_current(void) {
    M *m = sched_tls_m;
    return m ? m->curg : NULL;
}

// ---- notes ----

void note_init(Note *n) {
    pthread_mutex_init(&n->mu, NULL);
    pthread_cond_init(&n->cv, NULL);
    n->set = false;
}

void note_sleep(Note *n) {
    pthread_mutex_lock(&n->mu);
    while (!n->set)
        pthread_cond_wait(&n->cv, &n->mu);
    n->set = false;
    pthread_mutex_unlock(&n->mu);
}

void note_wakeup(Note *n) {
    pthread_mutex_lock(&n->mu);
    n->set = true;
    pthread_cond_signal(&n->cv);
    pthread_mutex_unlock(&n->mu);
}

// ---- Ms and Ps ----

void sched_acquirep(M *m, P *p) {
    m->p = p;
    if (TRACE_ON)
        trace_emit(TEV_ProcStart, 0, p->id, NULL, NULL);
}

static GOL_NORETURN void schedule(M *m);

static void *mstart(void *arg) {
    M *m = arg;
    sched_tls_m = m;
    P *p = m->nextp;
    m->nextp = NULL;
    sched_acquirep(m, p);
    schedule(m);
}

// (sched.h) Address space limits (ulimit -v) and process limits (ulimit -u) both end here:
// a system call that blocks holds its thread.
GOL_NORETURN void sched_thread_failed(int err) {
    rtlock_lock(&sched.lock);
    int have = sched.mcount;
    rtlock_unlock(&sched.lock);
    char msg[256];
    int n = snprintf(msg, sizeof msg,
                     "runtime: failed to create new OS thread (have %d already; errno=%d)\n%s",
                     have, err,
                     err == EAGAIN ? "runtime: may need to increase max user processes "
                                     "(ulimit -u)\n" : "");
    out_flush();
    out_write(2, msg, (size_t)n);
    rt_fatal(g_current(), "newosproc");
}

// Starts a new thread running an M that holds [p]. The caller already counted it in
// sched.mcount (so a deadlock check never misses it).
M *sched_newm(P *p, bool spinning) {
    M *m = gc_alloc(sizeof(M));
    note_init(&m->park);
    m->nextp = p;
    m->spinning = spinning;
    m->rng = (uint64_t)(uintptr_t)m ^ (uint64_t)time(NULL) * 0x9E3779B97F4A7C15ull;
    M *head = atomic_load(&sched.allm);
    do {
        m->alllink = head;
    } while (!atomic_compare_exchange_weak(&sched.allm, &head, m));
    int err = cstack_thread_create(&m->thread, cstack_share(), mstart, m);
    if (err != 0)
        sched_thread_failed(err);
    return m;
}

// Gives [p] (or an idle P if NULL) to an idle or new M. [spinning]: the caller incremented
// sched.nmspinning on the new M's behalf.
void sched_startm(P *p, bool spinning) {
    rtlock_lock(&sched.lock);
    if (!p) {
        p = pidle_get_locked();
        if (!p) {
            rtlock_unlock(&sched.lock);
            if (spinning)
                atomic_fetch_sub(&sched.nmspinning, 1);
            return;
        }
    }
    M *m = sched.midle;
    if (m) {
        sched.midle = m->link;
        sched.nmidle--;
    } else {
        m = NULL;
        sched.mcount++;
    }
    rtlock_unlock(&sched.lock);
    if (!m) {
        sched_newm(p, spinning);
        return;
    }
    m->spinning = spinning;
    m->nextp = p;
    note_wakeup(&m->park);
}

// Wakes an M to look for work if a P is idle and nobody is already looking (Go's wakep).
void sched_wakep(void) {
    if (atomic_load(&sched.npidle) == 0 || atomic_load(&sched.nmspinning) != 0)
        return;
    int zero = 0;
    if (!atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1))
        return;
    sched_startm(NULL, true);
}

// Puts [m] on the idle list and sleeps until someone hands it a P. Before sleeping: the
// deadlock check, and an output flush when the whole runtime went idle.
void sched_stopm(M *m) {
    if (m->spinning) {
        // A spinning M that stops for another reason (its P retired, det mode) must not
        // leave nmspinning counting it, or wakep would never wake anyone again.
        m->spinning = false;
        atomic_fetch_sub(&sched.nmspinning, 1);
    }
    rtlock_lock(&sched.lock);
    m->link = sched.midle;
    sched.midle = m;
    sched.nmidle++;
    bool all_idle = atomic_load(&sched.npidle) >= atomic_load(&sched.gomaxprocs);
    sched_check_dead_locked();
    rtlock_unlock(&sched.lock);
    if (all_idle)
        out_flush();
    note_sleep(&m->park);
    P *p = m->nextp;
    m->nextp = NULL;
    sched_acquirep(m, p);
}

static bool work_pending_locked(void) REQUIRES(sched.lock) {
    return atomic_load(&sched.runqsize) > 0 || (sched.det && det_work_pending_locked());
}

// The current M stops running Go code on [p] (blocking call, nested park): give p to
// another M if there is work, else make it idle.
void sched_handoffp(P *p) {
    if (TRACE_ON)
        trace_emit(TEV_ProcStop, 0, p->id, NULL, NULL);
    if (!runq_empty(p) || atomic_load(&sched.runqsize) > 0) {
        sched_startm(p, false);
        return;
    }
    if (atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) == 0) {
        int zero = 0;
        if (atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1)) {
            sched_startm(p, true);
            return;
        }
    }
    rtlock_lock(&sched.lock);
    if (work_pending_locked()) {
        rtlock_unlock(&sched.lock);
        sched_startm(p, false);
        return;
    }
    if (p->id >= atomic_load(&sched.gomaxprocs)) {
        p->status = P_STOPPED;
        rtlock_unlock(&sched.lock);
        return;
    }
    pidle_put_locked(p);
    bool all_idle = atomic_load(&sched.npidle) >= atomic_load(&sched.gomaxprocs);
    sched_check_dead_locked();
    rtlock_unlock(&sched.lock);
    if (all_idle)
        out_flush();
}

// ---- finding work ----

// The program is ending (sched.exiting): this M never runs Go code again.
static GOL_NORETURN void stop_m_for_exit(void) {
    for (;;)
        pause();
}

static void wake_for_global(void);

// Retires this M's P after GOMAXPROCS shrank: its Gs go to the global queue, and an M is
// started on an idle P for them (that P's M may already sleep: nobody else would look).
static void retire_p(M *m) {
    P *p = m->p;
    if (TRACE_ON)
        trace_emit(TEV_ProcStop, 0, p->id, NULL, NULL);
    runq_flush_to_global(p);
    rtlock_lock(&sched.lock);
    p->status = P_STOPPED;
    m->p = NULL;
    rtlock_unlock(&sched.lock);
    if (atomic_load(&sched.runqsize) > 0)
        wake_for_global();
}

static G *steal_work(M *m) {
    int procs = atomic_load(&sched.gomaxprocs);
    if (procs <= 1)
        return NULL;
    if (!m->spinning) {
        if (2 * atomic_load(&sched.nmspinning) >= procs - atomic_load(&sched.npidle))
            return NULL;
        m->spinning = true;
        atomic_fetch_add(&sched.nmspinning, 1);
    }
    for (int round = 0; round < 4; round++) {
        uint32_t start = (uint32_t)sched_rand64();
        for (int k = 0; k < procs; k++) {
            P *v = sched.allp[(start + (uint32_t)k) % (uint32_t)procs];
            if (v == m->p)
                continue;
            G *g = runq_steal(m->p, v, round == 3);
            if (g)
                return g;
        }
        if (atomic_load(&sched.runqsize) > 0) {
            rtlock_lock(&sched.lock);
            G *g = globrunq_get_locked(m->p, 0);
            rtlock_unlock(&sched.lock);
            if (g)
                return g;
        }
    }
    return NULL;
}

// After a spinning M dropped its P: work may have been queued meanwhile on a P whose owner
// saw nmspinning > 0 and woke nobody. Returns a P to retry with, or NULL.
static P *recheck_after_spinning(void) {
    int procs = atomic_load(&sched.gomaxprocs);
    for (int i = 0; i < procs; i++) {
        if (!runq_empty(sched.allp[i])) {
            rtlock_lock(&sched.lock);
            P *p = pidle_get_locked();
            rtlock_unlock(&sched.lock);
            return p;
        }
    }
    return NULL;
}

// Gives up this M's P (nothing to run anywhere) and sleeps until handed one.
static void release_and_sleep(M *m) {
    if (m->spinning) {
        m->spinning = false;
        atomic_fetch_sub(&sched.nmspinning, 1);
        P *p = recheck_after_spinning();
        if (p) {
            sched_acquirep(m, p);
            m->spinning = true;
            atomic_fetch_add(&sched.nmspinning, 1);
            return;
        }
    }
    sched_stopm(m);
}

static G *find_runnable(M *m) {
    for (;;) {
        if (atomic_load(&sched.exiting))
            stop_m_for_exit();
        P *p = m->p;
        if (p->id >= atomic_load(&sched.gomaxprocs)) {
            retire_p(m);
            sched_stopm(m);
            continue;
        }
        if (sched.det) {
            G *g = det_find(m);
            if (g)
                return g;
            continue;
        }
        G *g = NULL;
        if (p->schedtick % 61 == 0 && atomic_load(&sched.runqsize) > 0) {
            rtlock_lock(&sched.lock);
            g = globrunq_get_locked(p, 1);
            rtlock_unlock(&sched.lock);
            if (g)
                return g;
        }
        if ((g = runq_get(p, p->runnext_streak >= 32)))
            return g;
        if (atomic_load(&sched.runqsize) > 0) {
            rtlock_lock(&sched.lock);
            g = globrunq_get_locked(p, 0);
            rtlock_unlock(&sched.lock);
            if (g)
                return g;
        }
        if ((g = steal_work(m)))
            return g;
        rtlock_lock(&sched.lock);
        if ((g = globrunq_get_locked(p, 0))) {
            rtlock_unlock(&sched.lock);
            return g;
        }
        if (TRACE_ON)
            trace_emit(TEV_ProcStop, 0, p->id, NULL, NULL);
        pidle_put_locked(p);
        m->p = NULL;
        rtlock_unlock(&sched.lock);
        release_and_sleep(m);
    }
}

// ---- running Gs ----

static void gfput(P *p, G *g) {
    g_reset(g);
    atomic_store(&g->status, G_DEAD);
    g->schedlink = p->gfree;
    p->gfree = g;
    if (++p->ngfree < GFREE_LOCAL_MAX)
        return;
    rtlock_lock(&sched.gflock);
    while (p->ngfree > GFREE_LOCAL_MAX / 2) {
        G *x = p->gfree;
        p->gfree = x->schedlink;
        p->ngfree--;
        x->schedlink = sched.gfree;
        sched.gfree = x;
        sched.ngfree++;
    }
    rtlock_unlock(&sched.gflock);
}

static G *gfget(P *p) {
    if (!p->gfree && atomic_load_explicit(&sched.ngfree, memory_order_relaxed)) {
        rtlock_lock(&sched.gflock);
        while (sched.gfree && p->ngfree < GFREE_LOCAL_MAX / 2) {
            G *x = sched.gfree;
            sched.gfree = x->schedlink;
            sched.ngfree--;
            x->schedlink = p->gfree;
            p->gfree = x;
            p->ngfree++;
        }
        rtlock_unlock(&sched.gflock);
    }
    G *g = p->gfree;
    if (g) {
        p->gfree = g->schedlink;
        p->ngfree--;
        g->schedlink = NULL;
    }
    return g;
}

static void main_exit(G *g) {
    rtlock_lock(&sched.lock);
    if (g->goexit) {
        // runtime.Goexit in main: the program goes on until no goroutine is left.
        sched.main_goexit = true;
        rtlock_unlock(&sched.lock);
        return;
    }
    sched.main_done = true;
    rtlock_unlock(&sched.lock);
    // The program ends now: no goroutine may start another slice (Go exits at once), unless
    // one is unwinding a panic (sched_main waits for it first). The REPL's first, empty main
    // goroutine is the exception: the runtime lives on.
    if (!sched_repl_enabled() && atomic_load(&sched.npanicking) == 0)
        atomic_store(&sched.exiting, true);
    note_wakeup(&sched.main_note);
}

void sched_panicking_add(int delta) {
    atomic_fetch_add(&sched.npanicking, delta);
}

void sched_dying(void) {
    atomic_store(&sched.dying, true);
}

// Go's main after main.main returns: a goroutine still running a panic's deferred calls (a
// deferred wg.Done() may be what let main return) gets up to ~100 ms to finish them; one
// that reached its fatal report exits the process with status 2, so wait for that for good.
static void wait_for_panicking(void) {
    for (int i = 0; i < 1000 && atomic_load(&sched.npanicking) > 0; i++) {
        if (atomic_load(&sched.dying))
            break;
        usleep(100);
    }
    while (atomic_load(&sched.dying))
        pause();
}

static void g_exit(M *m, G *g) {
    atomic_fetch_sub_explicit(&m->p->ngo, 1, memory_order_relaxed);
    if (race_enabled)
        race_g_exit(g);
    if (g == atomic_load(&sched.main_g)) {
        atomic_store(&g->status, G_DEAD);
        main_exit(g);
        return;
    }
    gfput(m->p, g);
}

// After a park (VM_PARK, or a retry that parked again), once the G stopped: release the
// lock it was queued under. The G may be running elsewhere as soon as unlockf returns.
static void release_wait_lock(G *g) {
    void (*f)(void *) = g->unlockf;
    void *arg = g->unlock_arg;
    g->unlockf = NULL;
    g->unlock_arg = NULL;
    if (f)
        f(arg);
}

static int slice_budget(void) {
    return sched.det ? det_policy->budget() : SCHED_BUDGET;
}

static void put_global(G *g);

static void execute(M *m, G *g) {
    m->p->schedtick++;
    m->curg = g;
    atomic_store(&g->stopped, false);
    atomic_store(&g->status, G_RUNNING);
    const WaitKind *w = g->wait;
    if (w && w->retry && !w->retry(g)) {
        m->curg = NULL;
        atomic_store(&g->stopped, true);
        release_wait_lock(g);
        return;
    }
    int budget = slice_budget();
    if (TRACE_ON)
        trace_emit(TEV_GoStart, g->id, m->p->id, NULL, NULL);
    VmStatus st = vm_run(g, budget);
    m->curg = NULL;
    if (TRACE_ON && st != VM_PARK)
        trace_emit(st == VM_YIELD ? TEV_GoPreempt : TEV_GoEnd, g->id, 0, NULL, NULL);
    switch (st) {
    case VM_YIELD:
        atomic_store(&g->status, G_RUNNABLE);
        // Behind the global queue when it has work, as Go's preemption does: otherwise a
        // goroutine that keeps spawning (`for { go f() }`) comes back after the few local
        // Gs while the ones that overflowed to the global queue pile up (1M spawned
        // goroutines took 500 MB at GOMAXPROCS=1).
        if (sched.det)
            det_requeue_yielded(g, budget);
        else if (atomic_load_explicit(&sched.runqsize, memory_order_relaxed) > 0)
            put_global(g);
        else
            runq_put(m->p, g, false);
        break;
    case VM_PARK:
        atomic_store(&g->stopped, true);
        release_wait_lock(g);
        break;
    case VM_DONE:
        g_exit(m, g);
        break;
    }
}

// [g] is locked to another M (its native frames are there): hand that M our P and sleep.
static void start_locked_m(M *m, G *g) {
    P *p = m->p;
    if (TRACE_ON)
        trace_emit(TEV_ProcStop, 0, p->id, NULL, NULL);
    m->p = NULL;
    M *lm = g->lockedm;
    lm->nextp = p;
    rtlock_lock(&sched.lock);
    sched.nmlocked--;
    rtlock_unlock(&sched.lock);
    note_wakeup(&lm->park);
    sched_stopm(m);
}

static void reset_spinning(M *m) {
    m->spinning = false;
    if (atomic_fetch_sub(&sched.nmspinning, 1) == 1)
        sched_wakep(); // keep one M looking while Ps are idle
}

static GOL_NORETURN void schedule(M *m) {
    for (;;) {
        G *g = find_runnable(m);
        if (m->spinning)
            reset_spinning(m);
        if (g->lockedm) {
            start_locked_m(m, g);
            continue;
        }
        execute(m, g);
    }
}

// Sleeps until another M hands this thread a P for its locked G [g] (see start_locked_m).
static void wait_locked(M *m, G *g) {
    note_sleep(&m->park);
    P *p = m->nextp;
    m->nextp = NULL;
    sched_acquirep(m, p);
    g->lockedm = NULL;
    m->curg = g;
    atomic_store(&g->status, G_RUNNING);
    if (TRACE_ON)
        trace_emit(TEV_GoStart, g->id, p->id, NULL, NULL);
}

// ---- public interface ----

G *sched_new_g(void) {
    M *m = sched_tls_m;
    P *p = m ? m->p : NULL;
    G *g = p ? gfget(p) : NULL;
    if (!g) {
        g = g_alloc();
        G *head = atomic_load(&sched.allg);
        do {
            g->alllink = head;
        } while (!atomic_compare_exchange_weak(&sched.allg, &head, g));
    }
    if (p) {
        if (p->goid_next == p->goid_end) {
            p->goid_next = atomic_fetch_add(&sched.goidgen, 16);
            p->goid_end = p->goid_next + 16;
        }
        g->id = p->goid_next++;
    } else {
        g->id = atomic_fetch_add(&sched.goidgen, 1);
    }
    G *parent = m ? m->curg : NULL;
    g->parent_id = parent ? parent->id : 0;
    return g;
}

static void put_global(G *g) {
    rtlock_lock(&sched.lock);
    globrunq_put_locked(g);
    rtlock_unlock(&sched.lock);
}

// A G made runnable by a thread without a P (timer thread, sched_main). wakep is not
// enough here: a spinning M may already have made its last check of the global queue and
// be about to sleep, so start an M on an idle P directly (Go's injectglist).
static void wake_for_global(void) {
    if (sched.inited && atomic_load(&sched.npidle) > 0)
        sched_startm(NULL, false);
}

void sched_spawn(G *g) {
    M *m = sched_tls_m;
    P *p = m ? m->p : NULL;
    if (TRACE_ON)
        trace_go_create(g);
    atomic_store(&g->status, G_RUNNABLE);
    if (p) {
        atomic_fetch_add_explicit(&p->ngo, 1, memory_order_relaxed);
        runq_put(p, g, true);
        if (sched.inited)
            sched_wakep();
    } else {
        atomic_fetch_add(&sched.ngo_extra, 1);
        put_global(g);
        wake_for_global();
    }
}

// sched_park for a G inside a nested vm_call: this thread keeps the G's native frames, so
// it sleeps (without its P) until the G is readied and some M hands it a P back.
static void park_nested(G *g, void (*unlockf)(void *), void *arg) {
    M *m = sched_tls_m;
    P *p = m->p;
    g->lockedm = m;
    rtlock_lock(&sched.lock);
    sched.nmlocked++;
    rtlock_unlock(&sched.lock);
    m->p = NULL;
    atomic_store(&g->status, G_WAITING);
    if (unlockf)
        unlockf(arg);
    sched_handoffp(p);
    wait_locked(m, g);
}

RtStatus sched_park(G *g, const WaitKind *w, void (*unlockf)(void *), void *arg) {
    if (TRACE_ON)
        trace_go_block(g, w->reason);
    g->wait_reason = w->reason;
    if (g->nested > 0) {
        park_nested(g, unlockf, arg);
        return w->finish ? w->finish(g) : RT_OK;
    }
    g->wait = w;
    g->unlockf = unlockf;
    g->unlock_arg = arg;
    atomic_store(&g->status, G_WAITING);
    return RT_PARK;
}

RtStatus sched_finish_wait(G *g) {
    const WaitKind *w = g->wait;
    g->wait = NULL;
    return w && w->finish ? w->finish(g) : RT_OK;
}

void sched_ready_list(G *list) {
    while (list) {
        G *next = list->schedlink;
        list->schedlink = NULL;
        sched_ready(list);
        list = next;
    }
}

void sched_ready(G *g) {
    int old = G_WAITING;
    if (!atomic_compare_exchange_strong(&g->status, &old, G_RUNNABLE))
        gol_fatal_internal("sched_ready: goroutine %lld has status %d", (long long)g->id, old);
    M *m = sched_tls_m;
    if (TRACE_ON)
        trace_emit(TEV_GoUnblock, g->id, m && m->curg ? m->curg->id : 0, NULL, NULL);
    if (m && m->p) {
        runq_put(m->p, g, true);
        sched_wakep();
    } else {
        put_global(g);
        wake_for_global();
    }
}

void sched_enter_syscall(void) {
    M *m = sched_tls_m;
    if (!m || !m->p)
        return;
    P *p = m->p;
    if (TRACE_ON && m->curg)
        trace_emit(TEV_GoSysCall, m->curg->id, 0, NULL, m->curg);
    m->p = NULL;
    atomic_fetch_add(&sched.nsyscall, 1);
    sched_handoffp(p);
}

void sched_exit_syscall(void) {
    M *m = sched_tls_m;
    if (!m || m->p)
        return;
    G *g = m->curg;
    rtlock_lock(&sched.lock);
    atomic_fetch_sub(&sched.nsyscall, 1);
    P *p = pidle_get_locked();
    if (p) {
        rtlock_unlock(&sched.lock);
        sched_acquirep(m, p);
        if (TRACE_ON && g)
            trace_emit(TEV_GoStart, g->id, p->id, NULL, NULL);
        return;
    }
    // Every P is busy: queue the G, bound to this thread, and wait for a P.
    g->lockedm = m;
    atomic_store(&g->status, G_RUNNABLE);
    globrunq_put_locked(g);
    sched.nmlocked++;
    rtlock_unlock(&sched.lock);
    wait_locked(m, g);
}

void sched_stop_world_for_exit(void) {
    atomic_store(&sched.exiting, true);
}

// Creates the Ps on first use: [procs] <= 0 means $GOMAXPROCS or the CPU count.
static void sched_init(int procs, uint64_t seed) {
    sched.ncpu = sched_num_cpu();
    if (procs <= 0) {
        const char *env = getenv("GOMAXPROCS");
        procs = env ? atoi(env) : 0;
        if (procs <= 0)
            procs = sched.ncpu;
    }
    if (procs > MAX_PROCS)
        procs = MAX_PROCS;
    procs = det_init(procs, seed);
    rtlock_lock(&sched.lock);
    for (int i = procs - 1; i >= 0; i--) {
        P *p = gc_alloc(sizeof(P));
        p->id = i;
        sched.allp[i] = p;
        pidle_put_locked(p);
    }
    atomic_store(&sched.nallp, procs);
    atomic_store(&sched.gomaxprocs, procs);
    sched.inited = true;
    rtlock_unlock(&sched.lock);
    if (!sched.det)
        timer_start_thread();
}

// Makes [main_g] the program's main goroutine, counted and queued in one critical section:
// a deadlock check (under sched.lock) in between would see a main not done, a goroutine
// left (the new main, or one parked since an earlier main) and nothing runnable.
static void main_publish(G *main_g) {
    atomic_store(&main_g->status, G_RUNNABLE);
    rtlock_lock(&sched.lock);
    atomic_store(&sched.main_g, main_g);
    sched.main_done = false;
    sched.main_goexit = false;
    atomic_fetch_add(&sched.ngo_extra, 1);
    globrunq_put_locked(main_g);
    rtlock_unlock(&sched.lock);
}

void sched_main(G *main_g, int procs, uint64_t seed) {
    if (!sched.inited)
        sched_init(procs, seed);
    sig_init(); // Go's signal handling from the start: SIGQUIT dumps, SIGINT flushes and dies
    if (TRACE_ON) {
        trace_emit(TEV_Gomaxprocs, 0, sched_gomaxprocs(0), NULL, NULL);
        trace_go_create(main_g);
    }
    main_publish(main_g);
    sched_startm(NULL, false);
    note_sleep(&sched.main_note);
    if (!sched_repl_enabled()) {
        wait_for_panicking();
        atomic_store(&sched.exiting, true);
    }
}
