// Semaphore roots (sema.h): SEMTAB_SIZE buckets, each a lock, a waiter count readable without
// the lock (so a release with nobody waiting costs one atomic add and one load), and a list
// of sudogs for all addresses hashing there; the first sudog with a matching address is the
// next to wake (FIFO per address, LIFO for front-queued ones). The table is this module's
// own state (Go's semtable). A release hands its unit to the waiter it wakes.
#include "sema.h"

#include <stdatomic.h>

#include "rtlock.h"
#include "sched.h"
#include "sudog.h"

enum { SEMTAB_SIZE = 251 };

typedef struct SemaRoot {
    RtLock lock;
    _Atomic uint32_t nwait; // waiters in q (written under lock)
    WaitQ q;                // (lock)
    char pad[64 - sizeof(RtLock) - sizeof(uint32_t) - sizeof(WaitQ)];
} SemaRoot;

static SemaRoot semtab[SEMTAB_SIZE];

static SemaRoot *root_of(const void *addr) {
    return &semtab[((uintptr_t)addr >> 3) % SEMTAB_SIZE];
}

static _Atomic uint64_t *cnt(Slot *addr) {
    return (_Atomic uint64_t *)&addr->u;
}

static bool can_acquire(Slot *addr) {
    uint64_t v = atomic_load(cnt(addr));
    while (v > 0)
        if (atomic_compare_exchange_weak(cnt(addr), &v, v - 1))
            return true;
    return false;
}

static void root_unlock_fn(void *arg) NO_TSA {
    SemaRoot *r = arg;
    rtlock_unlock(&r->lock);
}

RtStatus sema_acquire(G *g, Slot *addr, bool lifo, const WaitKind *w) NO_TSA {
    if (can_acquire(addr))
        return RT_OK;
    SemaRoot *r = root_of(addr);
    rtlock_lock(&r->lock);
    atomic_fetch_add(&r->nwait, 1);
    if (can_acquire(addr)) {
        atomic_fetch_sub(&r->nwait, 1);
        rtlock_unlock(&r->lock);
        return RT_OK;
    }
    Sudog *s = sudog_single(g);
    s->addr = addr;
    s->ticket = 0;
    s->is_select = false;
    if (lifo)
        waitq_push_front(&r->q, s);
    else
        waitq_enqueue(&r->q, s);
    return sched_park(g, w, root_unlock_fn, r);
}

static Sudog *find_waiter_locked(SemaRoot *r, void *addr) REQUIRES(r->lock) {
    for (Sudog *s = r->q.first; s; s = s->next)
        if (s->addr == addr)
            return s;
    return NULL;
}

// A cancelled waiter's tombstone was handed a unit: its on_release gives up what the
// waiter would have got. That may release a semaphore again and reach another tombstone;
// a thread-local list keeps this a loop, not a recursion as deep as the tombstones.
static void run_tombstone(Sudog *s) {
    static _Thread_local Sudog *pending;
    static _Thread_local bool running;
    if (!s->on_release)
        return;
    s->next = pending; // (off every queue: the links are ours)
    pending = s;
    if (running)
        return;
    running = true;
    while (pending) {
        Sudog *t = pending;
        pending = t->next;
        t->next = NULL;
        t->on_release(t);
    }
    running = false;
}

void sema_release(Slot *addr, bool handoff) {
    GOL_UNUSED(handoff);
    atomic_fetch_add(cnt(addr), 1);
    SemaRoot *r = root_of(addr);
    if (atomic_load(&r->nwait) == 0)
        return;
    rtlock_lock(&r->lock);
    Sudog *s = find_waiter_locked(r, addr);
    // Hand our unit to the waiter, unless a barging acquirer already took it.
    if (!s || !can_acquire(addr)) {
        rtlock_unlock(&r->lock);
        return;
    }
    waitq_remove(&r->q, s);
    atomic_fetch_sub(&r->nwait, 1);
    G *g = s->g;
    rtlock_unlock(&r->lock);
    if (g)
        sched_ready(g);
    else
        run_tombstone(s);
}

bool sema_dequeue(G *g, void *addr) {
    SemaRoot *r = root_of(addr);
    rtlock_lock(&r->lock);
    Sudog *s = g->sudog1;
    bool mine = s && s->g == g && s->addr == addr && s->queued &&
                atomic_load(&g->status) == G_WAITING;
    if (mine) {
        waitq_remove(&r->q, s);
        atomic_fetch_sub(&r->nwait, 1);
    }
    rtlock_unlock(&r->lock);
    return mine;
}

bool sema_try_acquire(Slot *addr) {
    return can_acquire(addr);
}

// ---- notify lists (sync.Cond) ----

static _Atomic uint64_t *ticket_slot(Slot *l, int i) {
    return (_Atomic uint64_t *)&l[i].u;
}

uint32_t notify_list_add(Slot *l) {
    return (uint32_t)atomic_fetch_add(ticket_slot(l, 0), 1);
}

bool sema_tombstone(G *g, void (*on_release)(Sudog *s)) {
    Sudog *s = g->sudog1;
    if (!s)
        return false;
    SemaRoot *r = root_of(s->addr);
    rtlock_lock(&r->lock);
    bool mine = s->g == g && s->queued && atomic_load(&g->status) == G_WAITING;
    if (mine) {
        s->g = NULL;
        s->on_release = on_release;
        g->sudog1 = NULL;
    }
    rtlock_unlock(&r->lock);
    return mine;
}

// sched_cancel of a Cond.Wait. Signals go out in ticket order, so the cancelled ticket must
// not swallow one: the tombstone stays on the list and Signal skips it
// (notify_list_notify_one).
static bool cancel_cond(G *g) {
    return sema_tombstone(g, NULL);
}

static const WaitKind wait_cond = {WAIT_SYNC_COND, NULL, NULL, cancel_cond};

RtStatus notify_list_wait(G *g, Slot *l, uint32_t t) NO_TSA {
    SemaRoot *r = root_of(l);
    rtlock_lock(&r->lock);
    if ((int32_t)(t - (uint32_t)atomic_load(ticket_slot(l, 1))) < 0) {
        rtlock_unlock(&r->lock); // already notified
        return RT_OK;
    }
    Sudog *s = sudog_single(g);
    s->addr = l;
    s->ticket = t;
    s->is_select = false;
    waitq_enqueue(&r->q, s);
    atomic_fetch_add(&r->nwait, 1);
    return sched_park(g, &wait_cond, root_unlock_fn, r);
}

static Sudog *find_ticket_locked(SemaRoot *r, Slot *l, uint32_t t) REQUIRES(r->lock) {
    for (Sudog *s = r->q.first; s; s = s->next)
        if (s->addr == l && (uint32_t)s->ticket == t)
            return s;
    return NULL;
}

void notify_list_notify_one(Slot *l) {
    if (atomic_load(ticket_slot(l, 0)) == atomic_load(ticket_slot(l, 1)))
        return;
    SemaRoot *r = root_of(l);
    rtlock_lock(&r->lock);
    for (;;) {
        uint64_t t = atomic_load(ticket_slot(l, 1));
        if (t == atomic_load(ticket_slot(l, 0)))
            break;
        atomic_store(ticket_slot(l, 1), t + 1);
        Sudog *s = find_ticket_locked(r, l, (uint32_t)t);
        if (!s)
            break; // its waiter has not queued yet: it will see the ticket was notified
        waitq_remove(&r->q, s);
        atomic_fetch_sub(&r->nwait, 1);
        G *g = s->g;
        if (g) {
            rtlock_unlock(&r->lock);
            sched_ready(g);
            return;
        } // a cancelled waiter's tombstone: the Signal goes to the next ticket
    }
    rtlock_unlock(&r->lock);
}

void notify_list_notify_all(Slot *l) {
    if (atomic_load(ticket_slot(l, 0)) == atomic_load(ticket_slot(l, 1)))
        return;
    SemaRoot *r = root_of(l);
    rtlock_lock(&r->lock);
    atomic_store(ticket_slot(l, 1), atomic_load(ticket_slot(l, 0)));
    G *list = NULL, **tail = &list; // wake in queue order, as Go does
    Sudog *s = r->q.first;
    while (s) {
        Sudog *next = s->next;
        if (s->addr == l) {
            waitq_remove(&r->q, s);
            atomic_fetch_sub(&r->nwait, 1);
            if (s->g) { // (not a cancelled waiter's tombstone)
                s->g->schedlink = NULL;
                *tail = s->g;
                tail = &s->g->schedlink;
            }
        }
        s = next;
    }
    rtlock_unlock(&r->lock);
    sched_ready_list(list);
}
