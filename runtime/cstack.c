// The native stack's bound per thread (see cstack.h): read once from pthread_getattr_np and
// kept thread-local, so cstack_low() costs a load and a compare per recursive step.
#include "cstack.h"

#include <pthread.h>
#include <sys/resource.h>
#include <stdint.h>

#include "gc.h"

static const size_t BIG_STACKS[] = {(size_t)1 << 30, (size_t)256 << 20, (size_t)64 << 20};

static _Thread_local uintptr_t stack_floor; // lowest address + CSTACK_MARGIN; 0: not read yet

uintptr_t cstack_lowest(void) {
    pthread_attr_t attr;
    void *base;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return 0;
    pthread_attr_getstack(&attr, &base, &size);
    pthread_attr_destroy(&attr);
    return (uintptr_t)base;
}

bool cstack_low(void) {
    char here;
    if (__builtin_expect(!stack_floor, 0)) {
        uintptr_t lo = cstack_lowest();
        stack_floor = lo ? lo + CSTACK_MARGIN : 1; // unknown: never low
    }
    return (uintptr_t)&here < stack_floor;
}

int cstack_thread_create(void *thread, size_t size, void *(*fn)(void *), void *arg) {
    if (size && gc_thread_create_stack(thread, size, fn, arg) == 0)
        return 0;
    for (size_t i = 0; !size && i < sizeof BIG_STACKS / sizeof BIG_STACKS[0]; i++)
        if (gc_thread_create_stack(thread, BIG_STACKS[i], fn, arg) == 0)
            return 0;
    return gc_thread_create(thread, fn, arg);
}

size_t cstack_share(void) {
    enum { USUAL = 8 << 20 }; // the usual default thread stack (ulimit -s)
    struct rlimit lim;
    if (getrlimit(RLIMIT_AS, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY ||
        lim.rlim_cur / 256 >= BIG_STACKS[0])
        return BIG_STACKS[0];
    size_t share = (size_t)(lim.rlim_cur / 256);
    return share > USUAL ? share : USUAL;
}
