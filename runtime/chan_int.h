// The channel object and the transfer helpers shared by chan.c and select.c.
#ifndef GOL_CHAN_INT_H
#define GOL_CHAN_INT_H

#include <stdatomic.h>

#include "chan.h"
#include "rtlock.h"
#include "sudog.h"

struct Chan {
    RtLock lock;
    Type *elem;               // never changes
    int64_t cap;              // never changes
    Slot *buf;                // cap slots (ring); never changes, contents guarded by lock
    _Atomic int64_t count;    // elements in buf; written under lock, len() reads it racily
    int64_t sendx, recvx;     // ring indices (lock)
    bool closed;              // (lock)
    WaitQ recvq, sendq;       // parked receivers / senders (lock)
};

// Register-form zero value of c's element type (fresh storage for structs/arrays).
Slot chan_zero(Chan *c);
// unlockf for a G parked on one channel: releases [arg]'s lock.
void chan_unlock_fn(void *arg);
// Record on [s]'s G that it was served ([success]) or woken by close. c locked.
void chan_wake_locked(Sudog *s, bool success);
// Take the value of the parked sender [s] (rotating the buffer if any) and wake it.
Slot chan_recv_from_sender_locked(Chan *c, Sudog *s) REQUIRES(c->lock);
// Give [v] to the parked receiver [s] and wake it.
void chan_send_to_receiver_locked(Sudog *s, Slot v);
void chan_buf_put_locked(Chan *c, Slot v) REQUIRES(c->lock);
Slot chan_buf_take_locked(Chan *c) REQUIRES(c->lock);

#endif
