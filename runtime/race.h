// The data race detector behind `gol -race` (docs/race.md): FastTrack's happens-before
// analysis (vector clocks with epochs) over the shared-memory events of memevent.h and the
// synchronisation the Go memory model names, reported in the format of Go's detector.
// Every hook is a no-op unless race_init ran; callers test race_enabled first so a plain run
// pays one predictable branch. Thread-safe: one lock serialises the detector's state.
#ifndef GOL_RACE_H
#define GOL_RACE_H

#include <stdbool.h>
#include <stdint.h>

#include "g.h"

extern bool race_enabled;

// Races reported so far (package testing fails the test during which the count grew).
int race_nreported(void);

// Turn the detector on (before compilation: it sets memevent_enabled and hooks allocation).
void race_init(void);

// The program is ending with [status]: when races were reported and status is 0, print
// "Found N data race(s)" and return 66 (Go's exit code); otherwise return status.
int race_fini(int status);

// Synchronisation on the object at [addr]: [g] acquires (a lock, a receive, Wait returning)
// or releases (an unlock, a send, Done) it. g may be NULL (no goroutine: ignored).
void race_acquire(G *g, const void *addr);
void race_release(G *g, const void *addr);
// Both, in that order (an atomic read-modify-write, a channel buffer slot).
void race_acq_rel(G *g, const void *addr);
// An unbuffered rendezvous between [a] and [b] through [addr] (each sees the other's past).
void race_sync_pair(G *a, G *b, const void *addr);

// An atomic operation on [addr] (sync/atomic, Once's flag): run it between
// race_atomic_begin and race_atomic_end, which order it with every other atomic operation
// (sequential consistency) and make it acquire and release [addr]. The operation must not
// run Go code. RACE_ATOMIC(g, addr, expr) returns expr's RtStatus wrapped so.
void race_atomic_begin(void);
void race_atomic_end(G *g, const void *addr);
#define RACE_ATOMIC(G_, ADDR_, EXPR_)                                                              \
    do {                                                                                           \
        if (!race_enabled)                                                                         \
            return (EXPR_);                                                                        \
        race_atomic_begin();                                                                       \
        RtStatus st_ = (EXPR_);                                                                    \
        race_atomic_end((G_), (ADDR_));                                                            \
        return st_;                                                                                \
    } while (0)

// I/O through the kernel (files, pipes, sockets), as Go's syscall package models it with
// its ioSync object: every write happens before every later read that returns data (the
// data may have travelled through a pipe or socket). Call race_io_write before a write
// system call and race_io_read after a successful read.
void race_io_write(G *g);
void race_io_read(G *g);

// `go`: [child] starts knowing everything [parent] did so far (parent NULL: a goroutine
// started by the runtime), and acquires the object race_set_spawn_ctx named, if any.
void race_go(G *parent, G *child);
// The goroutine started next on this thread by the runtime acts for this object (a timer).
void race_set_spawn_ctx(const void *addr);
// [g] finished: its id may be reused by a later goroutine.
void race_g_exit(G *g);

#endif
