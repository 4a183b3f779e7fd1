// Run queues: each P's bounded lock-free ring plus runnext (Go's runqput/runqget/runqgrab),
// the global queue and the idle-P list (under sched.lock); in deterministic mode both put
// into sched_det.c's run set instead. Only a P's owner puts into its ring; thieves take the
// older half with one CAS on runqhead.
#include "sched_int.h"
#include "detpolicy.h"

#include <time.h>

// ---- global queue (sched.lock) ----

void globrunq_put_locked(G *g) {
    if (sched.det) { // one run set instead of every queue (sched_det.c)
        det_put_locked(g);
        return;
    }
    g->schedlink = NULL;
    if (sched.runqtail)
        sched.runqtail->schedlink = g;
    else
        sched.runqhead = g;
    sched.runqtail = g;
    atomic_fetch_add(&sched.runqsize, 1);
}

static G *globrunq_pop_locked(void) {
    G *g = sched.runqhead;
    if (!g)
        return NULL;
    sched.runqhead = g->schedlink;
    if (!sched.runqhead)
        sched.runqtail = NULL;
    g->schedlink = NULL;
    atomic_fetch_sub(&sched.runqsize, 1);
    return g;
}

// Takes a fair share of the global queue for [p]: returns one G and moves up to [max]-1
// more (0: no limit beyond half the local ring) into p's local queue.
G *globrunq_get_locked(P *p, int max) {
    int size = atomic_load(&sched.runqsize);
    if (size == 0)
        return NULL;
    int procs = atomic_load(&sched.gomaxprocs);
    int n = size / procs + 1;
    if (n > size)
        n = size;
    if (max > 0 && n > max)
        n = max;
    if (n > RUNQ_SIZE / 2)
        n = RUNQ_SIZE / 2;
    G *g = globrunq_pop_locked();
    for (int i = 1; i < n; i++) {
        // The caller found p's ring empty, and only p's owner (us) adds to it: no overflow.
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t - h >= RUNQ_SIZE)
            break;
        atomic_store_explicit(&p->runq[t % RUNQ_SIZE], globrunq_pop_locked(),
                              memory_order_relaxed);
        atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
    }
    return g;
}

// ---- local queues ----

// Moves half of p's ring plus [g] to the global queue (the ring is full). False if thieves
// changed the ring meanwhile (the caller retries).
static bool runq_put_slow(P *p, G *g, uint32_t h, uint32_t t) {
    G *batch[RUNQ_SIZE / 2 + 1];
    uint32_t n = (t - h) / 2;
    for (uint32_t i = 0; i < n; i++)
        batch[i] = atomic_load_explicit(&p->runq[(h + i) % RUNQ_SIZE], memory_order_relaxed);
    if (!atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + n, memory_order_release,
                                                 memory_order_relaxed))
        return false;
    batch[n] = g;
    rtlock_lock(&sched.lock);
    for (uint32_t i = 0; i <= n; i++)
        globrunq_put_locked(batch[i]);
    rtlock_unlock(&sched.lock);
    return true;
}

void runq_put(P *p, G *g, bool next) {
    if (sched.det) { // no local queues (sched_det.c)
        rtlock_lock(&sched.lock);
        det_put_locked(g);
        rtlock_unlock(&sched.lock);
        return;
    }
    if (next) {
        G *old = atomic_exchange(&p->runnext, g);
        if (!old)
            return;
        g = old; // the previous runnext goes to the tail
    }
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t - h < RUNQ_SIZE) {
            atomic_store_explicit(&p->runq[t % RUNQ_SIZE], g, memory_order_relaxed);
            atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
            return;
        }
        if (runq_put_slow(p, g, h, t))
            return;
    }
}

static G *runq_pop_head(P *p) {
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t == h)
            return NULL;
        G *g = atomic_load_explicit(&p->runq[h % RUNQ_SIZE], memory_order_relaxed);
        if (atomic_compare_exchange_weak_explicit(&p->runqhead, &h, h + 1, memory_order_release,
                                                  memory_order_relaxed))
            return g;
    }
}

// Owner only. runnext first, unless [prefer_queue] (a runnext ping-pong pair has had its
// turn: let the queue's head run, so nobody starves behind two chatty goroutines).
G *runq_get(P *p, bool prefer_queue) {
    if (prefer_queue) {
        G *g = runq_pop_head(p);
        if (g)
            return g;
    }
    if (atomic_load_explicit(&p->runnext, memory_order_relaxed)) {
        G *g = atomic_exchange(&p->runnext, NULL);
        if (g) {
            p->runnext_streak++;
            return g;
        }
    }
    p->runnext_streak = 0;
    return runq_pop_head(p);
}

bool runq_empty(P *p) {
    for (;;) {
        uint32_t h = atomic_load(&p->runqhead);
        uint32_t t = atomic_load(&p->runqtail);
        G *next = atomic_load(&p->runnext);
        if (t == atomic_load(&p->runqtail))
            return h == t && next == NULL;
    }
}

// Copies the older half of [victim]'s queue into [batch] ring positions starting at [bh].
static uint32_t runq_grab(P *victim, _Atomic(G *) *batch, uint32_t bh, bool steal_next) {
    for (;;) {
        uint32_t h = atomic_load_explicit(&victim->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&victim->runqtail, memory_order_acquire);
        uint32_t n = t - h;
        n = n - n / 2;
        if (n == 0) {
            if (!steal_next)
                return 0;
            G *next = atomic_load(&victim->runnext);
            if (!next)
                return 0;
            // The owner is probably about to run it; give it a moment (Go's usleep(3)).
            struct timespec ts = {0, 3000};
            nanosleep(&ts, NULL);
            if (!atomic_compare_exchange_strong(&victim->runnext, &next, NULL))
                continue;
            atomic_store_explicit(&batch[bh % RUNQ_SIZE], next, memory_order_relaxed);
            return 1;
        }
        if (n > RUNQ_SIZE / 2)
            continue; // inconsistent h and t
        for (uint32_t i = 0; i < n; i++) {
            G *g = atomic_load_explicit(&victim->runq[(h + i) % RUNQ_SIZE], memory_order_relaxed);
            atomic_store_explicit(&batch[(bh + i) % RUNQ_SIZE], g, memory_order_relaxed);
        }
        if (atomic_compare_exchange_strong_explicit(&victim->runqhead, &h, h + n,
                                                    memory_order_release, memory_order_relaxed))
            return n;
    }
}

G *runq_steal(P *p, P *victim, bool steal_next) {
    uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
    uint32_t n = runq_grab(victim, p->runq, t, steal_next);
    if (n == 0)
        return NULL;
    n--;
    G *g = atomic_load_explicit(&p->runq[(t + n) % RUNQ_SIZE], memory_order_relaxed);
    if (n > 0)
        atomic_store_explicit(&p->runqtail, t + n, memory_order_release);
    return g;
}

void runq_flush_to_global(P *p) {
    G *batch[RUNQ_SIZE + 1];
    int n = 0;
    G *g;
    if ((g = atomic_exchange(&p->runnext, NULL)))
        batch[n++] = g;
    while ((g = runq_pop_head(p)))
        batch[n++] = g;
    if (n == 0)
        return;
    rtlock_lock(&sched.lock);
    for (int i = 0; i < n; i++)
        globrunq_put_locked(batch[i]);
    rtlock_unlock(&sched.lock);
}

// ---- idle Ps (sched.lock) ----

void pidle_put_locked(P *p) {
    p->status = P_IDLE;
    p->m = NULL;
    p->link = sched.pidle;
    sched.pidle = p;
    atomic_fetch_add(&sched.npidle, 1);
}

P *pidle_get_locked(void) {
    P *p = sched.pidle;
    if (!p)
        return NULL;
    sched.pidle = p->link;
    p->link = NULL;
    p->status = P_RUNNING;
    atomic_fetch_sub(&sched.npidle, 1);
    return p;
}
