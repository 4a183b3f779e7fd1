// Slow paths of RtLock (rtlock.h): a bounded spin, then futex sleep. Linux only; EINTR from
// libgc's stop-the-world signals just retries.
#include "rtlock.h"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { SPIN_ACTIVE = 64, SPIN_PASSIVE = 2 };

static void futex_wait(_Atomic uint32_t *addr, uint32_t val) {
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}

void rtlock_lock_slow(RtLock *l) {
    for (int i = 0; i < SPIN_ACTIVE + SPIN_PASSIVE; i++) {
        uint32_t c = atomic_load_explicit(&l->state, memory_order_relaxed);
        if (c == 0 && atomic_compare_exchange_weak_explicit(&l->state, &c, 1, memory_order_acquire,
                                                            memory_order_relaxed))
            return;
        if (i < SPIN_ACTIVE) {
            for (int k = 0; k < 8; k++)
                rt_cpu_relax();
        } else {
            sched_yield();
        }
    }
    // Mark contended; whoever unlocks will wake one sleeper.
    uint32_t c = atomic_exchange_explicit(&l->state, 2, memory_order_acquire);
    while (c != 0) {
        futex_wait(&l->state, 2);
        c = atomic_exchange_explicit(&l->state, 2, memory_order_acquire);
    }
}

void rtlock_wake(RtLock *l) {
    syscall(SYS_futex, (uint32_t *)&l->state, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}
