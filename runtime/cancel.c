// Cancelling a goroutine (sched_cancel, sched.h): the REPL's Ctrl-C, :kill and :reset end a
// goroutine as runtime.Goexit would, wherever it is. A parked G is taken off the wait queue
// it is on by its WaitKind's cancel, under that queue's lock, exactly as a waker would take
// it (so the two can never both own it), and readied; the VM then unwinds it at once
// (vm_run sees g->interrupted) without finishing the wait. Each cancel lives beside the
// wake-up code of its queue (chan.c, select.c, timer.c, sema.c, netpoll.c, sync.c).
#include "sched.h"

bool sched_cancel_unwakeable(G *g) {
    return atomic_load(&g->stopped) && atomic_load(&g->status) == G_WAITING;
}

// The G's wait, read once: a G that is not parked, or is parked inside a nested call (its
// thread sleeps in park_nested; lockedm is set before it is G_WAITING), has none to cancel.
static const WaitKind *cancellable_wait(G *g) {
    if (atomic_load(&g->status) != G_WAITING || g->lockedm)
        return NULL;
    return g->wait;
}

bool sched_cancel_waits_for_wakeup(G *g) {
    const WaitKind *w = cancellable_wait(g);
    return w && !w->cancel;
}

CancelResult sched_cancel(G *g) {
    int st = atomic_load(&g->status);
    if (st == G_DEAD || st == G_IDLE)
        return CANCEL_GONE;
    atomic_store(&g->interrupted, true);
    const WaitKind *w = cancellable_wait(g);
    if (!w || !w->cancel || !w->cancel(g))
        return CANCEL_PENDING;
    g->wait = NULL; // the wait is abandoned, not finished
    sched_ready(g);
    return CANCEL_UNWINDING;
}
