// The native (C) stack of the running thread. Recursion that a program's data or text can
// drive arbitrarily deep (the front end's passes over nested source; hashing, comparing and
// printing values nested through interfaces) runs on threads with a large stack and asks
// cstack_low() before each level, so it ends with an error in Go's words, never a signal.
#ifndef GOL_CSTACK_H
#define GOL_CSTACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { CSTACK_MARGIN = 256 << 10 }; // stack kept free for the callees of the last checked level

// True when the calling thread has less than CSTACK_MARGIN of stack left.
bool cstack_low(void);

// The lowest address of the calling thread's stack (0 if unknown).
uintptr_t cstack_lowest(void);

// Starts fn(arg) on a collector-registered thread (gc_thread_create) whose stack is [size]
// bytes, or, with size 0, the largest of 1 GiB, 256 MiB and 64 MiB the address space allows
// (reserved, touched only as used); failing that, one with the default stack. Returns 0 or
// an errno value.
int cstack_thread_create(void *thread, size_t size, void *(*fn)(void *), void *arg);

// The stack for one of many threads (the scheduler's Ms): 1 GiB, or, under an address space
// limit (ulimit -v), a 256th of it but at least the usual 8 MiB, so that a program holding
// many threads in blocking system calls gets as many as with default stacks.
size_t cstack_share(void);

#endif
