// Cancelling a goroutine (sched_cancel, sched.h): the REPL's Ctrl-C, :kill and :reset end a
// goroutine as runtime.Goexit would, wherever it is. A parked G is taken off the wait queue
// it is on, under that queue's lock, exactly as a waker would take it (so the two can never
// both own it), and readied; the VM then unwinds it at once (vm_run sees g->interrupted)
// without finishing the wait. Waits that hold a counter in the Go value itself (sync's
// semaphores: Mutex, RWMutex, WaitGroup, Cond) stay queued: the G ends when it is woken, and
// sync's resume hooks give back a lock it was handed (see docs/scheduler.md).
#include "sched.h"

#include "chan_int.h"
#include "rtlock.h"
#include "sudog.h"
#include "timer.h"

// A channel send or receive: the G's single sudog on one channel.
static bool off_channel(G *g) NO_TSA {
    Sudog *s = g->sudog1;
    Chan *c = s ? s->c : NULL;
    if (!c)
        return false;
    rtlock_lock(&c->lock);
    bool mine = s->g == g && s->c == c && s->queued && atomic_load(&g->status) == G_WAITING &&
                (g->wait_reason == WAIT_CHAN_RECV || g->wait_reason == WAIT_CHAN_SEND);
    if (mine)
        waitq_remove(s->is_send ? &c->sendq : &c->recvq, s);
    rtlock_unlock(&c->lock);
    return mine;
}

// A select: winning g->select_done first (as a waker must) means no case can fire any
// more; then every sudog is unlinked under its channel's lock, in lock order.
static bool off_select(G *g) NO_TSA {
    uint32_t zero = 0;
    if (!atomic_compare_exchange_strong(&g->select_done, &zero, 1))
        return false;
    Sudog *sg = g->sel_sudogs;
    int n = g->sel_n;
    for (int k = 0; k < n; k++)
        if (k == 0 || sg[k].c != sg[k - 1].c)
            rtlock_lock(&sg[k].c->lock);
    for (int k = 0; k < n; k++)
        waitq_remove(sg[k].is_send ? &sg[k].c->sendq : &sg[k].c->recvq, &sg[k]);
    for (int k = n - 1; k >= 0; k--)
        if (k == 0 || sg[k].c != sg[k - 1].c)
            rtlock_unlock(&sg[k].c->lock);
    for (int k = 0; k < n; k++)
        sg[k].val.p = NULL;
    g->sel_n = 0;
    g->sel_chosen = NULL;
    g->param = NULL;
    return true;
}

// time.Sleep: stopping a pending timer means it will not ready the G.
static bool off_timer(G *g) {
    Timer *t = g->sched_extra;
    return t && t->g == g && timer_stop(t);
}

// Parked where nothing will ever wake it (nil channel, empty select, main's Goexit): the
// G is ours once its M has stopped it.
static bool off_nothing(G *g) {
    return atomic_load(&g->stopped) && atomic_load(&g->status) == G_WAITING;
}

// Take parked [g] off its wait queue; true when the caller now owns the wake-up.
static bool take_off_queue(G *g) {
    if (atomic_load(&g->status) != G_WAITING || g->nested > 0 || g->lockedm)
        return false;
    switch (g->wait_reason) {
    case WAIT_CHAN_RECV:
    case WAIT_CHAN_SEND: return off_channel(g);
    case WAIT_SELECT: return off_select(g);
    case WAIT_SLEEP: return off_timer(g);
    case WAIT_CHAN_RECV_NIL:
    case WAIT_CHAN_SEND_NIL:
    case WAIT_SELECT_NO_CASES:
    case WAIT_FOREVER: return off_nothing(g);
    default: return false; // sync's semaphores, I/O: ends when woken
    }
}

CancelResult sched_cancel(G *g) {
    int st = atomic_load(&g->status);
    if (st == G_DEAD || st == G_IDLE)
        return CANCEL_GONE;
    atomic_store(&g->interrupted, true);
    if (!take_off_queue(g))
        return CANCEL_PENDING;
    g->park_kind = PARK_NONE; // the wait is abandoned, not finished
    g->resume_fn = NULL;
    sched_ready(g);
    return CANCEL_UNWINDING;
}
