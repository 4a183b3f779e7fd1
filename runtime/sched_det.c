// Deterministic mode's mechanics (--seed, `gol explore`, --schedule): one P and one thread
// running Go code, one run set instead of the run queues, virtual time that jumps to the
// next timer when nothing is runnable, no timer thread. The choices themselves (who runs,
// when to switch, slice length, random bits) are the installed DetPolicy's (detpolicy.h);
// this file is where the scheduler hands them over. docs/scheduler.md, "Deterministic mode".
#include <string.h>
#include <time.h>

#include "detpolicy.h"
#include "map.h"
#include "sched_int.h"
#include "timer.h"
#include "trace.h"

int det_init(int procs, uint64_t seed) {
    if (seed && !det_policy)
        det_set_policy(det_seed_policy(seed));
    if (!det_policy)
        return procs;
    sched.det = true;
    sched.det_procs = procs;
    atomic_store(&sched.vclock, 1);
    map_seed_all(seed ? seed : 1); // map layouts (iteration orders) follow the seed too
    return 1;
}

// ---- the run set (sched.lock) ----

void det_put_locked(G *g) {
    if (sched.detn == sched.detcap) {
        sched.detcap = sched.detcap ? sched.detcap * 2 : 64;
        sched.detq = gc_realloc(sched.detq, (size_t)sched.detcap * sizeof(G *));
    }
    sched.detq[sched.detn++] = g;
}

// The runnable G the policy picks; the remaining ones keep their relative order so that the
// choice sequence depends only on the policy's choices.
G *det_get_locked(void) {
    if (sched.detn == 0)
        return NULL;
    G *prev = sched.det_prev;
    sched.det_prev = NULL;
    int i = det_policy->pick(sched.detq, sched.detn, prev);
    G *g = sched.detq[i];
    memmove(&sched.detq[i], &sched.detq[i + 1], (size_t)(sched.detn - i - 1) * sizeof(G *));
    sched.detn--;
    return g;
}

bool det_work_pending_locked(void) {
    return sched.detn > 0 || timer_next() >= 0; // no timer thread: the clock jumps to it
}

// ---- finding work and ending slices ----

// Deterministic mode with goroutines waiting on the network and nothing runnable: wait for
// real I/O (epoll, on this thread) rather than jump virtual time to the next timer [when]
// (-1: none), so a deadline cannot fire before the peer had a chance to answer. Virtual time
// advances by the real time waited, up to [when]. True when it waited (the caller retries).
static bool det_netpoll(int64_t when) {
    int (*poll)(int64_t) = atomic_load(&sched.netpoll);
    if (!poll || atomic_load(&sched.nnetwait) == 0)
        return false;
    int64_t now = atomic_load(&sched.vclock);
    int64_t wait = when < 0 ? -1 : when > now ? when - now : 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    poll(wait);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int64_t spent = (int64_t)(t1.tv_sec - t0.tv_sec) * 1000000000 + (t1.tv_nsec - t0.tv_nsec);
    int64_t v = now + spent;
    if (when >= 0 && v > when)
        v = when;
    atomic_store(&sched.vclock, v);
    if (when >= 0)
        timer_run_due(v);
    return true;
}

// The policy picks among runnable Gs; with none, virtual time jumps to
// the earliest timer (or follows real time while goroutines wait for network I/O, see
// det_netpoll). NULL: the M slept and got a P again (retry).
G *det_find(M *m) {
    // Network readiness is also polled every 61st slice (Go's sysmon polls every 10 ms), so
    // a goroutine spinning until a reply arrives does not keep the reader parked forever.
    int (*poll)(int64_t) = atomic_load(&sched.netpoll);
    if (poll && m->p->schedtick % 61 == 0 && atomic_load(&sched.nnetwait) > 0)
        poll(0);
    for (;;) {
        rtlock_lock(&sched.lock);
        G *g = det_get_locked();
        rtlock_unlock(&sched.lock);
        if (g)
            return g;
        int64_t when = timer_next();
        if (det_netpoll(when))
            continue;
        if (when >= 0) {
            if (when > atomic_load(&sched.vclock))
                atomic_store(&sched.vclock, when);
            timer_run_due(atomic_load(&sched.vclock));
            continue;
        }
        rtlock_lock(&sched.lock);
        if (sched.detn > 0) {
            rtlock_unlock(&sched.lock);
            continue;
        }
        if (TRACE_ON)
            trace_emit(TEV_ProcStop, 0, m->p->id, NULL, NULL);
        pidle_put_locked(m->p);
        m->p = NULL;
        rtlock_unlock(&sched.lock);
        sched_stopm(m);
        return NULL;
    }
}

// Deterministic mode: a G that used up its slice was computing, so virtual time moves on
// (50 ns per preemption point, about gol's real speed) and due timers fire. Without this a
// busy goroutine, or a loop polling time.Now or a time.After channel with a default case,
// would keep the clock still forever. Gs that block leave it alone: their timings stay exact.
static void det_advance(int budget) {
    int64_t now = atomic_fetch_add(&sched.vclock, (int64_t)budget * 50) + (int64_t)budget * 50;
    int64_t when = timer_next();
    if (when >= 0 && when <= now)
        timer_run_due(now);
}

void det_requeue_yielded(G *g, int budget) {
    DetYield why = det_take_yield();
    rtlock_lock(&sched.lock);
    det_put_locked(g);
    sched.det_prev = why == DET_YIELD_BUDGET ? g : NULL; // see DetPolicy.pick
    rtlock_unlock(&sched.lock);
    if (why != DET_YIELD_SWITCH)
        det_advance(budget); // a switch at a preemption point used no budget
}
