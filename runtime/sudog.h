// Sudog: one parked goroutine waiting on one channel (or one case of a select), or on a
// semaphore / notify list (sema.c). A G owns its sudogs (a cached one for single waits, a
// cached array for select) and reuses them; a sudog is in at most one queue at a time.
// All fields except g are guarded by the lock of the queue holding the sudog (channel lock,
// semaphore root lock); the waker writes the result fields before sched_ready.
#ifndef GOL_SUDOG_H
#define GOL_SUDOG_H

#include "g.h"

typedef struct Chan Chan;

struct Sudog {
    G *g;             // the waiting goroutine; set by its owner before enqueueing (NULL:
                      // a cancelled waiter's tombstone, see sema_tombstone)
    Sudog *next;      // queue links (guarded by the queue's lock)
    Sudog *prev;
    bool queued;      // in a queue now (guarded by the queue's lock)
    bool is_select;   // one case of a select: wakers must win g->select_done first
    bool is_send;     // channel send (val) vs receive (elem, okdst)
    bool success;     // set by the waker: true = transfer done, false = woken by close
    int case_index;   // select: index of this case in the select statement
    Chan *c;          // channel waited on (select: this case's channel)
    Slot *elem;       // receive: destination in g's stack (NULL: discard)
    Slot *okdst;      // receive: comma-ok destination (NULL: none)
    union {
        Slot val;     // send: the value (register form; structs are private copies)
        void (*on_release)(Sudog *s); // a semaphore tombstone's (g NULL) wake-up (sema.h)
    };
    void *addr;       // semaphore / notify list address (sema.c)
    uint64_t ticket;  // notify list ticket (sync.Cond)
    // sync.Mutex slow-path state kept across a park (sync.c); only the waiting G (or its
    // M running WaitKind.retry for it) touches these.
    Slot *mutex;
    int64_t wait_start;
    bool starving, awoke;
};

// FIFO queue of sudogs; guarded by the owner's lock.
typedef struct WaitQ {
    Sudog *first, *last;
} WaitQ;

// Append [s] at the tail / insert it at the head.
void waitq_enqueue(WaitQ *q, Sudog *s);
void waitq_push_front(WaitQ *q, Sudog *s);
// Remove and return the first sudog whose goroutine can still be woken: select sudogs whose
// G already won another case (select_done set) are dropped. NULL when none.
Sudog *waitq_dequeue(WaitQ *q);
// Unlink [s] if it is still queued in [q] (select pass 3, semaphore wakers).
void waitq_remove(WaitQ *q, Sudog *s);

// The G's cached sudog for a single channel op or semaphore wait (owned by g).
Sudog *sudog_single(G *g);
// The G's cached array of at least [n] sudogs for a select (owned by g).
Sudog *sudog_array(G *g, int n);

#endif
