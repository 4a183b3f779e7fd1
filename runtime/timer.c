// The timer heap (timer.h). Ordinary mode: a dedicated timer thread (started with the first
// timer) sleeps in pthread_cond_timedwait on CLOCK_MONOTONIC until the earliest deadline,
// pops what is due and fires it outside the lock (sched_ready, chan_try_send, vm_go). A
// dedicated thread rather than "an idle M sleeps until the next timer" keeps every M's idle
// path a plain sleep and gives one place that owns time; an absolute deadline means a
// spurious or signal-interrupted wait (libgc's stop-the-world) never oversleeps.
// Deterministic mode: no thread; the scheduler calls timer_run_due on virtual time.
// The heap is this module's own state (one static struct), like Go's per-P timer heaps.
#include "timer.h"

#include <errno.h>
#include <pthread.h>
#include <time.h>

#include "sched.h"
#include "sched_int.h"
#include "race.h"
#include "detpolicy.h"

#define UNIX_TO_INTERNAL 62135596800LL // seconds from year 1 to 1970 (Go's unixToInternal)

enum { FIRE_BATCH = 64 };

static struct {
    pthread_once_t once;
    pthread_mutex_t mu;
    pthread_cond_t cv;      // signalled when the earliest deadline moved earlier
    Timer **heap;           // guarded by mu
    int n, cap;             // guarded by mu
    uint64_t seq;           // guarded by mu
    bool thread_started;    // guarded by mu
    _Atomic int npending;   // == n, readable without the lock
    _Atomic int firing;     // timers popped but not yet fired
} tm = {.once = PTHREAD_ONCE_INIT, .mu = PTHREAD_MUTEX_INITIALIZER};

static void init_cond(void) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&tm.cv, &attr);
    pthread_condattr_destroy(&attr);
}

// ---- heap (tm.mu) ----

static bool less(const Timer *a, const Timer *b) {
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void heap_set(int i, Timer *t) {
    tm.heap[i] = t;
    t->idx = i;
}

static void sift_up(int i) {
    Timer *t = tm.heap[i];
    while (i > 0) {
        int parent = (i - 1) / 2;
        if (!less(t, tm.heap[parent]))
            break;
        heap_set(i, tm.heap[parent]);
        i = parent;
    }
    heap_set(i, t);
}

static void sift_down(int i) {
    Timer *t = tm.heap[i];
    for (;;) {
        int c = 2 * i + 1;
        if (c >= tm.n)
            break;
        if (c + 1 < tm.n && less(tm.heap[c + 1], tm.heap[c]))
            c++;
        if (!less(tm.heap[c], t))
            break;
        heap_set(i, tm.heap[c]);
        i = c;
    }
    heap_set(i, t);
}

static void heap_push(Timer *t) {
    if (tm.n == tm.cap) {
        tm.cap = tm.cap ? tm.cap * 2 : 64;
        tm.heap = gc_realloc(tm.heap, (size_t)tm.cap * sizeof(Timer *));
    }
    t->seq = ++tm.seq;
    heap_set(tm.n++, t);
    sift_up(t->idx);
    atomic_store(&tm.npending, tm.n);
}

static void heap_remove(Timer *t) {
    int i = t->idx;
    Timer *last = tm.heap[--tm.n];
    tm.heap[tm.n] = NULL;
    t->idx = -1;
    if (i < tm.n) {
        heap_set(i, last);
        sift_up(i);
        sift_down(last->idx);
    }
    atomic_store(&tm.npending, tm.n);
}

// ---- firing ----

typedef struct Fire {
    TimerKind kind;
    G *g;
    Chan *c;
    GoFunc *f;
    Timer *t; // the timer (the race detector's clock of AfterFunc's goroutine)
} Fire;

// Pops the earliest timer if due at [now] into [out] (re-arming periodic ones).
static bool pop_due(int64_t now, Fire *out) {
    if (tm.n == 0 || tm.heap[0]->when > now)
        return false;
    Timer *t = tm.heap[0];
    *out = (Fire){t->kind, t->g, t->c, t->f, t};
    heap_remove(t);
    if (t->period > 0) {
        // Next multiple of period after now, as Go's runOneTimer does.
        t->when += t->period * (1 + (now - t->when) / t->period);
        if (t->when < 0)
            t->when = INT64_MAX;
        heap_push(t);
    }
    atomic_fetch_add(&tm.firing, 1);
    return true;
}

static void fire(const Fire *f) {
    switch (f->kind) {
    case TIMER_READY_G:
        sched_ready(f->g);
        break;
    case TIMER_SEND_TIME:
        chan_try_send(f->c, timer_now_value());
        break;
    case TIMER_GO_FUNC:
        if (race_enabled) // f runs after the AfterFunc or Reset that armed the timer
            race_set_spawn_ctx(f->t);
        vm_go(f->f, NULL, 0);
        break;
    case TIMER_C_FUNC:
        f->t->cfn(f->t->carg);
        break;
    }
    // The woken G may already have run and blocked on another M, whose idle deadlock check
    // saw this fire in flight: check again once the last timer is gone.
    if (atomic_fetch_sub(&tm.firing, 1) == 1 && atomic_load(&tm.npending) == 0)
        sched_check_dead();
}

static void *timer_thread(void *arg) {
    GOL_UNUSED(arg);
    Fire batch[FIRE_BATCH];
    pthread_mutex_lock(&tm.mu);
    for (;;) {
        int64_t now = sched_nanotime();
        int k = 0;
        while (k < FIRE_BATCH && pop_due(now, &batch[k]))
            k++;
        if (k > 0) {
            pthread_mutex_unlock(&tm.mu);
            for (int i = 0; i < k; i++)
                fire(&batch[i]);
            pthread_mutex_lock(&tm.mu);
            continue;
        }
        if (tm.n == 0) {
            pthread_cond_wait(&tm.cv, &tm.mu);
            continue;
        }
        int64_t when = tm.heap[0]->when;
        struct timespec ts = {(time_t)(when / 1000000000), (long)(when % 1000000000)};
        pthread_cond_timedwait(&tm.cv, &tm.mu, &ts);
    }
    return NULL;
}

// ---- public ----

// Creating a thread takes long enough (~0.1 ms with libgc) to skew the first deadline if it
// happened between computing a `when` and arming it: sched_main starts it up front.
static void start_thread_locked(void) {
    if (tm.thread_started)
        return;
    pthread_t th;
    tm.thread_started = true;
    int err = gc_thread_create(&th, timer_thread, NULL);
    if (err != 0)
        sched_thread_failed(err);
}

Timer *timer_new(TimerKind kind, Chan *c, GoFunc *f) {
    Timer *t = gc_alloc(sizeof(Timer));
    t->kind = kind;
    t->c = c;
    t->f = f;
    t->idx = -1;
    return t;
}

Timer *timer_new_c(void (*fn)(void *), void *arg) {
    Timer *t = timer_new(TIMER_C_FUNC, NULL, NULL);
    t->cfn = fn;
    t->carg = arg;
    return t;
}

bool timer_reset(Timer *t, int64_t when, int64_t period) {
    pthread_once(&tm.once, init_cond);
    pthread_mutex_lock(&tm.mu);
    bool was = t->idx >= 0;
    if (was)
        heap_remove(t);
    t->when = when;
    t->period = period;
    heap_push(t);
    if (!sched_deterministic()) {
        start_thread_locked();
        if (t->idx == 0)
            pthread_cond_signal(&tm.cv);
    }
    pthread_mutex_unlock(&tm.mu);
    return was;
}

void timer_start_thread(void) {
    pthread_once(&tm.once, init_cond);
    pthread_mutex_lock(&tm.mu);
    start_thread_locked();
    pthread_mutex_unlock(&tm.mu);
}

bool timer_stop(Timer *t) {
    pthread_mutex_lock(&tm.mu);
    bool was = t->idx >= 0;
    if (was)
        heap_remove(t);
    pthread_mutex_unlock(&tm.mu);
    return was;
}

// unlockf of a sleeping G: arm its timer only once the G has stopped running.
static void sleep_commit(void *arg) {
    Timer *t = arg;
    timer_reset(t, t->arm_when, 0);
}

// sched_cancel of a sleeping G: stopping its pending timer means it will not ready the G
// (false: it already fired, or is not armed yet).
static bool cancel_sleep(G *g) {
    Timer *t = g->sleep_timer;
    return t && t->g == g && timer_stop(t);
}

static const WaitKind wait_sleep = {WAIT_SLEEP, NULL, NULL, cancel_sleep};

RtStatus timer_sleep(G *g, int64_t ns) {
    if (ns <= 0)
        return RT_OK;
    Timer *t = g->sleep_timer;
    if (!t) {
        t = timer_new(TIMER_READY_G, NULL, NULL);
        g->sleep_timer = t;
    }
    t->g = g;
    int64_t now = sched_nanotime();
    t->arm_when = ns > INT64_MAX - now ? INT64_MAX : now + ns;
    return sched_park(g, &wait_sleep, sleep_commit, t);
}

bool timer_busy(void) {
    return atomic_load(&tm.npending) > 0 || atomic_load(&tm.firing) > 0;
}

int64_t timer_next(void) {
    if (atomic_load(&tm.npending) == 0)
        return -1;
    pthread_mutex_lock(&tm.mu);
    int64_t when = tm.n > 0 ? tm.heap[0]->when : -1;
    pthread_mutex_unlock(&tm.mu);
    return when;
}

// Deterministic mode with a policy that orders timers (explore): when several timers that
// send on a channel or call a function are due at the same earliest instant, the policy
// chooses which fires first (their order decides, say, which case a select takes); it is
// moved to the heap's top. Timers that only wake a sleeper keep their order: which woken
// goroutine runs first is the policy's pick anyway.
static void det_order_due(int64_t now) {
    if (tm.n < 2 || tm.heap[0]->when > now)
        return;
    Timer *tied[16];
    int n = 0;
    for (int i = 0; i < tm.n && n < 16; i++) {
        Timer *t = tm.heap[i];
        if (t->when == tm.heap[0]->when && (t->kind == TIMER_SEND_TIME || t->kind == TIMER_C_FUNC))
            tied[n++] = t;
    }
    if (n < 2)
        return;
    for (int i = 1; i < n; i++) // in arming order
        for (int j = i; j > 0 && tied[j - 1]->seq > tied[j]->seq; j--) {
            Timer *x = tied[j];
            tied[j] = tied[j - 1];
            tied[j - 1] = x;
        }
    Timer *t = tied[det_policy->choose_timer(n)];
    t->seq = 0; // first among equal deadlines: to the top
    sift_up(t->idx);
}

void timer_run_due(int64_t now) {
    for (;;) {
        Fire f;
        pthread_mutex_lock(&tm.mu);
        if (det_policy && det_policy->choose_timer)
            det_order_due(now);
        bool ok = pop_due(now, &f);
        pthread_mutex_unlock(&tm.mu);
        if (!ok)
            return;
        fire(&f);
    }
}

Slot timer_now_value(void) {
    int64_t wall = sched_walltime();
    Slot *s = gc_alloc(3 * sizeof(Slot));
    s[0].i = wall / 1000000000 + UNIX_TO_INTERNAL;
    s[1].i = wall % 1000000000;
    s[2].i = sched_nanotime();
    return (Slot){.p = s};
}
