// Semaphores and notify lists for package sync (Go's sema.go). The count lives in a slot of
// the Go struct (e.g. Mutex.sema), so the zero value works and no object is allocated per
// mutex; waiters are sudogs in a fixed hash table of roots keyed by that slot's address,
// each root with its own lock. Waiting parks the G; it never blocks a native thread.
#ifndef GOL_SEMA_H
#define GOL_SEMA_H

#include "native.h"
#include "sched.h"

// Acquire one unit of the semaphore at [addr] (a uint32 field's slot), waiting as [w] says
// (its reason, the M's retry before g continues, how sched_cancel takes g off). RT_OK:
// acquired (possibly after a nested park, which runs no retry: the caller competes again
// itself). RT_PARK: g parked and owns one unit when it resumes (see sched_park).
// [lifo]: queue at the front (a woken sync.Mutex waiter that lost the race).
RtStatus sema_acquire(G *g, Slot *addr, bool lifo, const WaitKind *w);
// Release one unit; a waiter, if any, gets it and is readied. [handoff]: the caller will
// yield so the waiter runs next (sync.Mutex starvation mode).
void sema_release(Slot *addr, bool handoff);

// sched_cancel's side: take [g]'s sudog off the semaphore at [addr] if it is still queued
// there (so no release will hand it a unit); true when it was.
bool sema_dequeue(G *g, void *addr);
// sched_cancel's side for waits that cannot simply leave the queue (sync.Mutex, RWMutex,
// Cond): if [g]'s sudog is still queued, it stays there as a tombstone (g NULL) and g gets
// a fresh sudog for its next wait. The release meant for the tombstone then runs
// [on_release] on the releaser's thread, after the root lock, which does what the woken
// waiter would have done and gives it up (NULL: nothing; a Cond Signal goes to the next
// ticket). True when g was queued (it is the canceller's to ready).
bool sema_tombstone(G *g, void (*on_release)(Sudog *s));
// Take one unit of the semaphore at [addr] if there is one, without waiting.
bool sema_try_acquire(Slot *addr);

// sync.Cond's notify list at [l] (two uint32 slots: wait ticket, notify ticket).
uint32_t notify_list_add(Slot *l);
// Parks g until ticket [t] is notified. RT_OK if already notified (or after a nested
// park), RT_PARK (see sched_park). sched_cancel takes g off the list.
RtStatus notify_list_wait(G *g, Slot *l, uint32_t t);
void notify_list_notify_one(Slot *l);
void notify_list_notify_all(Slot *l);

#endif
