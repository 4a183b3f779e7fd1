// Natives of package sync (runtime/pkg/sync.go): Go's Mutex, RWMutex and WaitGroup
// algorithms (sync/mutex.go, rwmutex.go, waitgroup.go of Go 1.19) on the struct's slots
// with C11 atomics, over gol's semaphores (runtime/sema.c). A receiver arrives as the Slot *
// of the struct's storage; int32/uint32 fields keep their canonical register form (the
// values never leave int32 range). A Lock that must wait parks the G; a woken Mutex waiter
// competes again (Go's "normal mode") through the resume hook run by the scheduler before
// the G continues, and hand-off ("starvation mode") starts after 1 ms of waiting. A
// cancelled waiter (sched_cancel) leaves a tombstone that gives up the wake-up meant for it.
#include <stdatomic.h>

#include "native.h"
#include "race.h"
#include "sched.h"
#include "sema.h"
#include "sudog.h"

enum { LOCKED = 1, WOKEN = 2, STARVING = 4, WAITER_SHIFT = 3 };
enum { STARVATION_NS = 1000000 };
#define RW_MAX_READERS (1LL << 30)

static _Atomic int64_t *at(Slot *s) {
    return (_Atomic int64_t *)&s->i;
}

// Go's nil-pointer panic for a method called on a nil *Mutex, *RWMutex or *WaitGroup.
static RtStatus nil_recv(G *g) {
    return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
}

// ---- Mutex: [0] state, [1] sema ----

// Go's lockSlow loop up to the semacquire: true when the lock was taken, false when g
// registered as a waiter (and must acquire the semaphore).
static bool mutex_try_or_register(G *g, Slot *m, Sudog *s) {
    int iter = 0;
    int64_t old = atomic_load(at(&m[0]));
    for (;;) {
        if ((old & (LOCKED | STARVING)) == LOCKED && sched_can_spin(iter)) {
            if (!s->awoke && !(old & WOKEN) && (old >> WAITER_SHIFT) != 0 &&
                atomic_compare_exchange_strong(at(&m[0]), &old, old | WOKEN))
                s->awoke = true;
            sched_spin();
            iter++;
            old = atomic_load(at(&m[0]));
            continue;
        }
        int64_t next = old;
        if (!(old & STARVING))
            next |= LOCKED;
        if (old & (LOCKED | STARVING))
            next += 1 << WAITER_SHIFT;
        if (s->starving && (old & LOCKED))
            next |= STARVING;
        if (s->awoke) {
            if (!(next & WOKEN))
                rt_fatal(g, "sync: inconsistent mutex state");
            next &= ~(int64_t)WOKEN;
        }
        if (atomic_compare_exchange_strong(at(&m[0]), &old, next))
            return !(old & (LOCKED | STARVING));
    }
}

// After the semaphore was acquired: in starvation mode the lock was handed to us (true);
// otherwise compete again.
static bool mutex_after_wake(G *g, Slot *m, Sudog *s) {
    s->starving = s->starving || sched_nanotime() - s->wait_start > STARVATION_NS;
    int64_t old = atomic_load(at(&m[0]));
    if (old & STARVING) {
        if ((old & (LOCKED | WOKEN)) || (old >> WAITER_SHIFT) == 0)
            rt_fatal(g, "sync: inconsistent mutex state");
        int64_t delta = LOCKED - (1 << WAITER_SHIFT);
        if (!s->starving || (old >> WAITER_SHIFT) == 1)
            delta -= STARVING;
        atomic_fetch_add(at(&m[0]), delta);
        return true;
    }
    s->awoke = true;
    return false;
}

static bool mutex_resume(G *g);
static bool mutex_cancel(G *g);
static const WaitKind wait_mutex = {WAIT_SYNC_MUTEX, NULL, mutex_resume, mutex_cancel};

static RtStatus mutex_wait_loop(G *g, Slot *m, Sudog *s) {
    for (;;) {
        if (mutex_try_or_register(g, m, s))
            return RT_OK;
        bool lifo = s->wait_start != 0;
        if (!s->wait_start)
            s->wait_start = sched_nanotime();
        s->mutex = m;
        RtStatus st = sema_acquire(g, &m[1], lifo, &wait_mutex);
        if (st == RT_PARK)
            return RT_PARK;
        if (mutex_after_wake(g, m, s))
            return RT_OK;
    }
}

// Resume hook: run by the M before a woken Lock continues. False: g waits again.
static RtStatus mutex_unlock(G *g, Slot *args, Slot *res);

// A cancelled G (sched_cancel) that is handed a lock gives it back before it unwinds.
static void give_back(G *g, RtStatus (*unlock)(G *, Slot *, Slot *), Slot *x) {
    if (!atomic_load(&g->interrupted))
        return;
    Slot a = {.p = x};
    unlock(g, &a, NULL);
}

static bool mutex_resume(G *g) {
    Sudog *s = g->sudog1;
    Slot *m = s->mutex;
    if (mutex_after_wake(g, m, s) || mutex_wait_loop(g, m, s) == RT_OK) {
        if (race_enabled)
            race_acquire(g, m);
        give_back(g, mutex_unlock, m);
        return true;
    }
    return false;
}

static RtStatus mutex_lock(G *g, Slot *args, Slot *res) {
    Slot *m = args[0].p;
    if (!m)
        return nil_recv(g);
    int64_t zero = 0;
    RtStatus st = RT_OK;
    if (!atomic_compare_exchange_strong(at(&m[0]), &zero, LOCKED)) {
        Sudog *s = sudog_single(g);
        s->wait_start = 0;
        s->starving = false;
        s->awoke = false;
        st = mutex_wait_loop(g, m, s);
    }
    if (race_enabled && st == RT_OK) // a parked Lock acquires in mutex_resume
        race_acquire(g, m);
    return st;
}

static RtStatus mutex_trylock(G *g, Slot *args, Slot *res) {
    Slot *m = args[0].p;
    if (!m)
        return nil_recv(g);
    int64_t old = atomic_load(at(&m[0]));
    res[0].i = !(old & (LOCKED | STARVING)) &&
               atomic_compare_exchange_strong(at(&m[0]), &old, old | LOCKED);
    if (race_enabled && res[0].i)
        race_acquire(g, m);
    return RT_OK;
}

// Normal mode, mutex word [old]: if the lock is free, nobody is awake and some waiter is
// registered, wake one (Go's unlockSlow loop).
static void mutex_wake_one(Slot *m, int64_t old) {
    for (;;) {
        if ((old >> WAITER_SHIFT) == 0 || (old & (LOCKED | WOKEN | STARVING)))
            return;
        int64_t want = (old - (1 << WAITER_SHIFT)) | WOKEN;
        if (atomic_compare_exchange_strong(at(&m[0]), &old, want)) {
            sema_release(&m[1], false);
            return;
        }
    }
}

// Unlock's effect on the mutex word ([g] NULL: a cancelled waiter's tombstone unlocks).
static RtStatus mutex_release(G *g, Slot *m) {
    int64_t next = atomic_fetch_sub(at(&m[0]), LOCKED) - LOCKED;
    if (next == 0)
        return RT_OK;
    if (!((next + LOCKED) & LOCKED))
        rt_fatal(g, "sync: unlock of unlocked mutex");
    if (next & STARVING) {
        sema_release(&m[1], true); // hand the lock to the first waiter and let it run
        return RT_YIELD; // (the VM ignores it inside a nested call)
    }
    mutex_wake_one(m, next);
    return RT_OK;
}

static RtStatus mutex_unlock(G *g, Slot *args, Slot *res) {
    Slot *m = args[0].p;
    if (!m)
        return nil_recv(g);
    if (race_enabled)
        race_release(g, m);
    return mutex_release(g, m);
}

// The tombstone of a cancelled Lock (sema_tombstone) was handed the semaphore: do what the
// woken waiter would, then give up. Starvation mode handed it the lock: take it (leaving
// starvation mode if it was the last waiter, as Go's lockSlow does) and unlock. Normal mode:
// Unlock already took it out of the waiter count and set WOKEN for it; clear WOKEN, as the
// waiter would on its next try, and, if the lock is still free, wake the next waiter.
static void mutex_tombstone_wake(Sudog *s) {
    Slot *m = s->mutex;
    int64_t old = atomic_load(at(&m[0]));
    if (old & STARVING) {
        int64_t delta = LOCKED - (1 << WAITER_SHIFT);
        if ((old >> WAITER_SHIFT) == 1)
            delta -= STARVING;
        atomic_fetch_add(at(&m[0]), delta);
        mutex_release(NULL, m);
        return;
    }
    while (!atomic_compare_exchange_weak(at(&m[0]), &old, old & ~(int64_t)WOKEN))
        ;
    mutex_wake_one(m, old & ~(int64_t)WOKEN);
}

static bool mutex_cancel(G *g) {
    return sema_tombstone(g, mutex_tombstone_wake);
}

// ---- RWMutex: [0..1] w, [2] writerSem, [3] readerSem, [4] readerCount, [5] readerWait ----

static RtStatus rw_runlock(G *g, Slot *args, Slot *res);
static RtStatus rw_release_readers(G *g, Slot *args, Slot *res);
static RtStatus rw_runlock_word(G *g, Slot *rw);
static void rw_release_readers_word(G *g, Slot *rw);

// Resume hooks of RLock and of Lock's wait for readers: a cancelled G gives the lock back.
static bool rw_rlock_resume(G *g) {
    if (race_enabled) // readerSem: what the last writer's Unlock released
        race_acquire(g, (Slot *)g->sudog1->addr);
    give_back(g, rw_runlock, (Slot *)g->sudog1->addr - 3);
    return true;
}

static bool rw_wlock_resume(G *g) {
    Slot *rw = (Slot *)g->sudog1->addr - 2;
    if (race_enabled) // writerSem: what the readers' RUnlocks released
        race_acquire(g, &rw[2]);
    if (atomic_load(&g->interrupted)) {
        give_back(g, rw_release_readers, rw);
        give_back(g, mutex_unlock, rw);
    }
    return true;
}

// Tombstones of a cancelled RLock, and of a Lock cancelled while waiting for readers
// (sema_tombstone): the release meant for them granted the lock, which they give back.
static void rw_rlock_tombstone_wake(Sudog *s) {
    rw_runlock_word(NULL, (Slot *)s->addr - 3);
}

static void rw_wlock_tombstone_wake(Sudog *s) {
    Slot *rw = (Slot *)s->addr - 2;
    rw_release_readers_word(NULL, rw);
    mutex_release(NULL, rw);
}

static bool rw_rlock_cancel(G *g) {
    return sema_tombstone(g, rw_rlock_tombstone_wake);
}

static bool rw_wlock_cancel(G *g) {
    return sema_tombstone(g, rw_wlock_tombstone_wake);
}

static const WaitKind wait_rlock = {WAIT_SYNC_RWMUTEX_R, NULL, rw_rlock_resume, rw_rlock_cancel};
static const WaitKind wait_wlock = {WAIT_SYNC_RWMUTEX_W, NULL, rw_wlock_resume, rw_wlock_cancel};

static RtStatus rw_rlock(G *g, Slot *args, Slot *res) {
    Slot *rw = args[0].p;
    if (!rw)
        return nil_recv(g);
    if (atomic_fetch_add(at(&rw[4]), 1) + 1 < 0) { // a writer is pending: wait for it
        RtStatus st = sema_acquire(g, &rw[3], false, &wait_rlock);
        if (race_enabled && st == RT_OK) // acquired at once or after a nested park
            race_acquire(g, &rw[3]);
        return st;
    }
    if (race_enabled)
        race_acquire(g, &rw[3]);
    return RT_OK;
}

static RtStatus rw_tryrlock(G *g, Slot *args, Slot *res) {
    Slot *rw = args[0].p;
    if (!rw)
        return nil_recv(g);
    int64_t c = atomic_load(at(&rw[4]));
    for (;;) {
        if (c < 0) {
            res[0].i = 0;
            return RT_OK;
        }
        if (atomic_compare_exchange_weak(at(&rw[4]), &c, c + 1)) {
            res[0].i = 1;
            if (race_enabled)
                race_acquire(g, &rw[3]);
            return RT_OK;
        }
    }
}

static RtStatus rw_runlock(G *g, Slot *args, Slot *res) {
    Slot *rw = args[0].p;
    if (!rw)
        return nil_recv(g);
    if (race_enabled)
        race_release(g, &rw[2]);
    return rw_runlock_word(g, rw);
}

// RUnlock's effect on the RWMutex ([g] NULL: a cancelled RLock's tombstone unlocks).
static RtStatus rw_runlock_word(G *g, Slot *rw) {
    int64_t r = atomic_fetch_sub(at(&rw[4]), 1) - 1;
    if (r >= 0)
        return RT_OK;
    if (r + 1 == 0 || r + 1 == -RW_MAX_READERS)
        rt_fatal(g, "sync: RUnlock of unlocked RWMutex");
    if (atomic_fetch_sub(at(&rw[5]), 1) - 1 == 0) // the last reader unblocks the writer
        sema_release(&rw[2], false);
    return RT_OK;
}

static RtStatus rw_wait_readers(G *g, Slot *args, Slot *res) {
    Slot *rw = args[0].p;
    int64_t r = atomic_fetch_add(at(&rw[4]), -RW_MAX_READERS);
    if (r != 0 && atomic_fetch_add(at(&rw[5]), r) + r != 0) {
        RtStatus st = sema_acquire(g, &rw[2], false, &wait_wlock);
        if (race_enabled && st == RT_OK) // acquired at once or after a nested park
            race_acquire(g, &rw[2]);
        return st;
    }
    if (race_enabled)
        race_acquire(g, &rw[2]);
    return RT_OK;
}

static RtStatus rw_try_exclude_readers(G *g, Slot *args, Slot *res) {
    Slot *rw = args[0].p;
    int64_t zero = 0;
    res[0].i = atomic_compare_exchange_strong(at(&rw[4]), &zero, -RW_MAX_READERS);
    if (race_enabled && res[0].i)
        race_acquire(g, &rw[2]);
    return RT_OK;
}

static RtStatus rw_release_readers(G *g, Slot *args, Slot *res) {
    Slot *rw = args[0].p;
    if (race_enabled)
        race_release(g, &rw[3]);
    rw_release_readers_word(g, rw);
    return RT_OK;
}

// Unlock's first half: readers may come in again ([g] NULL: a tombstone unlocks).
static void rw_release_readers_word(G *g, Slot *rw) {
    int64_t r = atomic_fetch_add(at(&rw[4]), RW_MAX_READERS) + RW_MAX_READERS;
    if (r >= RW_MAX_READERS)
        rt_fatal(g, "sync: Unlock of unlocked RWMutex");
    for (int64_t i = 0; i < r; i++)
        sema_release(&rw[3], false);
}

// ---- WaitGroup: [0] state (counter << 32 | waiters), [1] sema ----

static _Atomic uint64_t *wg_state(Slot *wg) {
    return (_Atomic uint64_t *)&wg[0].u;
}

static RtStatus wg_add_delta(G *g, Slot *wg, int64_t delta) {
    if (!wg)
        return nil_recv(g);
    if (race_enabled && delta < 0) // Done happens before the Wait it lets return
        race_release(g, wg);
    uint64_t state = atomic_fetch_add(wg_state(wg), (uint64_t)delta << 32) + ((uint64_t)delta << 32);
    int32_t v = (int32_t)(state >> 32);
    uint32_t w = (uint32_t)state;
    if (v < 0)
        return rt_panic_str(g, "sync: negative WaitGroup counter");
    if (w != 0 && delta > 0 && v == (int32_t)delta)
        return rt_panic_str(g, "sync: WaitGroup misuse: Add called concurrently with Wait");
    if (v > 0 || w == 0)
        return RT_OK;
    if (atomic_load(wg_state(wg)) != state)
        return rt_panic_str(g, "sync: WaitGroup misuse: Add called concurrently with Wait");
    atomic_store(wg_state(wg), 0);
    for (; w != 0; w--)
        sema_release(&wg[1], false);
    return RT_OK;
}

static RtStatus wg_add(G *g, Slot *args, Slot *res) {
    return wg_add_delta(g, args[0].p, args[1].i);
}

static RtStatus wg_done(G *g, Slot *args, Slot *res) {
    return wg_add_delta(g, args[0].p, -1);
}

// sched_cancel of a G parked in Wait: off the semaphore's queue, then out of the waiter
// count; if Add already zeroed the state, it releases a unit for every waiter it counted,
// this one included: take that unit (Add hands them out without blocking, so it comes).
static bool wg_cancel(G *g) {
    Slot *sem = g->sudog1 ? g->sudog1->addr : NULL;
    if (!sem || !sema_dequeue(g, sem))
        return false;
    Slot *wg = sem - 1;
    uint64_t s = atomic_load(wg_state(wg));
    while ((int32_t)(s >> 32) > 0 && (uint32_t)s > 0)
        if (atomic_compare_exchange_weak(wg_state(wg), &s, s - 1))
            return true;
    while (!sema_try_acquire(sem))
        sched_spin();
    return true;
}

// Resume hook of a Wait that parked: it returns now, after every Done.
static bool wg_wait_resume(G *g) {
    race_acquire(g, (Slot *)g->sudog1->addr - 1);
    return true;
}

static const WaitKind wait_wg = {WAIT_SYNC_WAITGROUP, NULL, NULL, wg_cancel};
static const WaitKind wait_wg_race = {WAIT_SYNC_WAITGROUP, NULL, wg_wait_resume, wg_cancel};

static RtStatus wg_wait(G *g, Slot *args, Slot *res) {
    Slot *wg = args[0].p;
    if (!wg)
        return nil_recv(g);
    uint64_t state = atomic_load(wg_state(wg));
    for (;;) {
        if ((int32_t)(state >> 32) == 0) {
            if (race_enabled)
                race_acquire(g, wg);
            return RT_OK;
        }
        if (atomic_compare_exchange_weak(wg_state(wg), &state, state + 1)) {
            RtStatus st = sema_acquire(g, &wg[1], false,
                                       race_enabled ? &wait_wg_race : &wait_wg);
            if (race_enabled && st == RT_OK)
                race_acquire(g, wg);
            return st;
        }
    }
}

// ---- Cond's notify list and Once's atomics ----

static RtStatus nl_add(G *g, Slot *args, Slot *res) {
    res[0].u = notify_list_add(args[0].p);
    return RT_OK;
}

static RtStatus nl_wait(G *g, Slot *args, Slot *res) {
    return notify_list_wait(g, args[0].p, (uint32_t)args[1].u);
}

static RtStatus nl_notify_one(G *g, Slot *args, Slot *res) {
    notify_list_notify_one(args[0].p);
    return RT_OK;
}

static RtStatus nl_notify_all(G *g, Slot *args, Slot *res) {
    notify_list_notify_all(args[0].p);
    return RT_OK;
}

static RtStatus load_u32_op(Slot *args, Slot *res) {
    res[0].u = atomic_load((_Atomic uint64_t *)&((Slot *)args[0].p)->u);
    return RT_OK;
}

static RtStatus load_u32(G *g, Slot *args, Slot *res) {
    RACE_ATOMIC(g, args[0].p, load_u32_op(args, res));
}

static RtStatus store_u32_op(Slot *args) {
    atomic_store((_Atomic uint64_t *)&((Slot *)args[0].p)->u, (uint32_t)args[1].u);
    return RT_OK;
}

static RtStatus store_u32(G *g, Slot *args, Slot *res) {
    RACE_ATOMIC(g, args[0].p, store_u32_op(args));
}

static const NativeEntry sync_natives[] = {
    {"sync.Mutex.Lock", mutex_lock},
    {"sync.Mutex.TryLock", mutex_trylock},
    {"sync.Mutex.Unlock", mutex_unlock},
    {"sync.RWMutex.RLock", rw_rlock},
    {"sync.RWMutex.TryRLock", rw_tryrlock},
    {"sync.RWMutex.RUnlock", rw_runlock},
    {"sync.RWMutex.waitReaders", rw_wait_readers},
    {"sync.RWMutex.tryExcludeReaders", rw_try_exclude_readers},
    {"sync.RWMutex.releaseReaders", rw_release_readers},
    {"sync.WaitGroup.Add", wg_add},
    {"sync.WaitGroup.Done", wg_done},
    {"sync.WaitGroup.Wait", wg_wait},
    {"sync.runtime_notifyListAdd", nl_add},
    {"sync.runtime_notifyListWait", nl_wait},
    {"sync.runtime_notifyListNotifyOne", nl_notify_one},
    {"sync.runtime_notifyListNotifyAll", nl_notify_all},
    {"sync.loadUint32", load_u32},
    {"sync.storeUint32", store_u32},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(sync_natives)
