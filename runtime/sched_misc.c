// The scheduler's policy and query side: deadlock detection, GOMAXPROCS changes at run time,
// random numbers (seeded in deterministic mode), clocks (virtual in deterministic mode),
// goroutine counting and iteration, and sync.Mutex spinning advice.
#include <sched.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "native.h"
#include "out.h"
#include "sched_int.h"
#include "trace.h"
#include "detpolicy.h"
#include "timer.h"

// Go playground epoch (2009-11-10 23:00:00 UTC): wall clock of deterministic mode.
#define DET_WALL_EPOCH (1257894000LL * 1000000000LL)

// Called by an M about to sleep (it is already counted idle or locked). When no M runs Go
// code, no timer can fire and nobody is in a system call, every live goroutine is blocked
// for good: report Go's fatal error. Does not return then.
void sched_check_dead_locked(void) {
    if (!sched.main_g || sched.main_done || atomic_load(&sched.exiting))
        return;
    if (sched.mcount - sched.nmidle - sched.nmlocked > 0 || atomic_load(&sched.nsyscall) > 0)
        return;
    if (timer_busy() || atomic_load(&sched.runqsize) > 0 || sched.detn > 0)
        return;
    if (atomic_load(&sched.nnetwait) > 0) // the poller will wake them (Go's netpoll too)
        return;
    const char *msg;
    if (sched_num_goroutine() > 0)
        msg = "all goroutines are asleep - deadlock!";
    else if (sched.main_goexit)
        msg = "no goroutines (main called runtime.Goexit) - deadlock!";
    else
        return;
    rtlock_unlock(&sched.lock);
    out_flush();
    rt_fatal(NULL, msg);
}

// The deadlock check from outside the Ms (the timer thread after its last timer fired: an M
// that went idle while the fire was in flight skipped the check and will not check again).
void sched_check_dead(void) {
    rtlock_lock(&sched.lock);
    sched_check_dead_locked();
    rtlock_unlock(&sched.lock);
}

// Grows: new or stopped Ps become idle and an M is woken for them. Shrinks: idle Ps beyond
// n are stopped now; running ones retire at their M's next scheduling point.
int sched_gomaxprocs(int n) {
    if (TRACE_ON && n > 0)
        trace_emit(TEV_Gomaxprocs, 0, n, NULL, NULL);
    rtlock_lock(&sched.lock);
    if (sched.det) {
        int old = sched.det_procs;
        if (n > 0)
            sched.det_procs = n;
        rtlock_unlock(&sched.lock);
        return old;
    }
    int old = atomic_load(&sched.gomaxprocs);
    if (n <= 0 || n == old || !sched.inited) {
        rtlock_unlock(&sched.lock);
        return old;
    }
    if (n > MAX_PROCS)
        n = MAX_PROCS;
    if (n > old) {
        for (int i = old; i < n; i++) {
            P *p = sched.allp[i];
            if (!p) {
                p = gc_alloc(sizeof(P));
                p->id = i;
                sched.allp[i] = p;
                atomic_store(&sched.nallp, i + 1);
            }
            if (p->status == P_STOPPED || p->status == P_IDLE)
                pidle_put_locked(p);
            // else: still held by an M that has not retired it yet; it simply stays.
        }
        atomic_store(&sched.gomaxprocs, n);
        rtlock_unlock(&sched.lock);
        sched_wakep();
        return old;
    }
    atomic_store(&sched.gomaxprocs, n);
    P **pp = &sched.pidle;
    while (*pp) {
        P *p = *pp;
        if (p->id >= n) {
            *pp = p->link;
            p->link = NULL;
            p->status = P_STOPPED;
            atomic_fetch_sub(&sched.npidle, 1);
        } else {
            pp = &p->link;
        }
    }
    rtlock_unlock(&sched.lock);
    return old;
}

int sched_num_cpu(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0)
            return n;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int64_t sched_num_goroutine(void) {
    int64_t n = atomic_load(&sched.ngo_extra);
    int np = atomic_load(&sched.nallp);
    for (int i = 0; i < np; i++)
        n += atomic_load_explicit(&sched.allp[i]->ngo, memory_order_relaxed);
    return n;
}

bool sched_deterministic(void) {
    return sched.det;
}

static uint64_t wyrand(uint64_t *state) {
    *state += 0xa0761d6478bd642full;
    __uint128_t t = (__uint128_t)*state * (*state ^ 0xe7037ed1a0b428dbull);
    return (uint64_t)(t >> 64) ^ (uint64_t)t;
}

static _Thread_local uint64_t thread_rng;

// Seeded PRNG in deterministic mode (only the M holding the single P runs Go code, and
// hand-offs between Ms synchronize), per-M state otherwise.
uint64_t sched_rand64(void) {
    if (sched.det)
        return det_policy->rand();
    M *m = sched_tls_m;
    if (m)
        return wyrand(&m->rng);
    if (!thread_rng)
        thread_rng = (uint64_t)(uintptr_t)&thread_rng ^ (uint64_t)time(NULL);
    return wyrand(&thread_rng);
}

uint32_t sched_rand(void) {
    return (uint32_t)sched_rand64();
}

int64_t sched_nanotime(void) {
    if (sched.det)
        return atomic_load(&sched.vclock);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t sched_walltime(void) {
    if (sched.det)
        return DET_WALL_EPOCH + atomic_load(&sched.vclock);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int cmp_g_id(const void *a, const void *b) {
    int64_t x = (*(G *const *)a)->id, y = (*(G *const *)b)->id;
    return x < y ? -1 : x > y;
}

// Visits live goroutines (not idle, not dead) in id order, as Go's traceback lists them.
void sched_for_each_g(void (*fn)(G *g, void *arg), void *arg) {
    size_t n = 0, cap = 64;
    G **v = gc_alloc(cap * sizeof(G *));
    for (G *g = atomic_load(&sched.allg); g; g = g->alllink) {
        int st = atomic_load(&g->status);
        if (st == G_DEAD || st == G_IDLE)
            continue;
        if (n == cap) {
            cap *= 2;
            v = gc_realloc(v, cap * sizeof(G *));
        }
        v[n++] = g;
    }
    qsort(v, n, sizeof(G *), cmp_g_id);
    for (size_t i = 0; i < n; i++)
        fn(v[i], arg);
}

bool sched_can_spin(int iter) {
    if (iter >= 4 || sched.ncpu <= 1 || sched.det)
        return false;
    int procs = atomic_load(&sched.gomaxprocs);
    if (procs <= atomic_load(&sched.npidle) + atomic_load(&sched.nmspinning) + 1)
        return false;
    M *m = sched_tls_m;
    return m && m->p && runq_empty(m->p);
}

void sched_spin(void) {
    for (int i = 0; i < 30; i++)
        rt_cpu_relax();
}
