// RtLock: the runtime's short-hold mutex (channels, semaphore roots, the scheduler's own
// state). One 32-bit word: 0 unlocked, 1 locked, 2 locked with sleepers (Drepper's "Futexes
// are tricky" mutex). Lock is one CAS when free; a contended lock spins briefly and then
// sleeps in futex(2), so a holder preempted by the OS never makes waiters burn CPU.
#ifndef GOL_RTLOCK_H
#define GOL_RTLOCK_H

#include <stdatomic.h>
#include <stdint.h>

#include "common.h"

typedef struct CAPABILITY("mutex") RtLock {
    _Atomic uint32_t state;
} RtLock;

#define RTLOCK_INIT {0}

// Slow paths (rtlock.c): spin, then sleep in the kernel.
void rtlock_lock_slow(RtLock *l);
void rtlock_wake(RtLock *l);

static inline void rtlock_lock(RtLock *l) ACQUIRE(l) NO_TSA {
    uint32_t c = 0;
    if (GOL_LIKELY(atomic_compare_exchange_strong_explicit(&l->state, &c, 1, memory_order_acquire,
                                                           memory_order_relaxed)))
        return;
    rtlock_lock_slow(l);
}

// True when the lock was taken (never blocks).
static inline bool rtlock_trylock(RtLock *l) NO_TSA {
    uint32_t c = 0;
    return atomic_compare_exchange_strong_explicit(&l->state, &c, 1, memory_order_acquire,
                                                   memory_order_relaxed);
}

static inline void rtlock_unlock(RtLock *l) RELEASE(l) NO_TSA {
    if (GOL_UNLIKELY(atomic_exchange_explicit(&l->state, 0, memory_order_release) == 2))
        rtlock_wake(l);
}

// CPU pause hint for spin loops.
static inline void rt_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
