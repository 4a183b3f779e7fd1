// Channels (chan.h), after Go's hchan. Invariants (as in Go's chan.go):
//  - at least one of sendq and recvq is empty, except for an unbuffered channel with one
//    goroutine blocked in select on both send and receive;
//  - buffered: count > 0 implies recvq is empty; count < cap implies sendq is empty.
// A waker dequeues a sudog under the channel lock, does the transfer into the parked G's
// stack (or takes the value from its sudog), unlocks, and only then readies the G.
#include "chan.h"

#include "chan_int.h"
#include "gosize.h"
#include "race.h"
#include "sched.h"
#include "sudog.h"
#include "trace.h"

#include "rtype.h"

static bool elem_is_scalar(const Type *t) {
    return t && t->kind >= K_BOOL && t->kind <= K_FLOAT64;
}

enum { HCHAN_SIZE = 96 }; // Go's hchan header, which makechan counts against maxAlloc

bool chan_size_ok(Type *elem, int64_t cap) {
    int64_t size = elem ? type_go_size(elem) : 0;
    return cap >= 0 && (size == 0 || cap <= (GO_MAX_ALLOC - HCHAN_SIZE) / size);
}

Chan *chan_make(Type *elem, int64_t cap) {
    Chan *c = gc_alloc(sizeof(Chan));
    c->elem = elem;
    c->cap = cap;
    if (cap > 0 && elem && elem->slots > 0) { // (a type takes no slot iff Go's size is 0)
        size_t size = (size_t)cap * sizeof(Slot);
        c->buf = elem_is_scalar(elem) ? gc_alloc_atomic(size) : gc_alloc(size);
    }
    return c;
}

int64_t chan_len(Chan *c) {
    return c ? atomic_load_explicit(&c->count, memory_order_relaxed) : 0;
}

int64_t chan_cap(Chan *c) {
    return c ? c->cap : 0;
}

Slot chan_zero(Chan *c) {
    Type *t = c->elem;
    if (t && (t->kind == K_STRUCT || t->kind == K_ARRAY))
        return (Slot){.p = t->slots ? val_new_storage(t) : val_zerobase};
    return (Slot){0};
}

void chan_unlock_fn(void *arg) NO_TSA {
    Chan *c = arg;
    rtlock_unlock(&c->lock);
}

// The parked G of [s] has been served (or woken by close when ![success]): record the
// result so the G finds it on resumption. Caller holds the lock of s's queue.
void chan_wake_locked(Sudog *s, bool success) {
    G *g = s->g;
    s->success = success;
    g->param = s;
    if (s->is_select) {
        if (g->sel_chosen)
            g->sel_chosen->i = s->case_index;
    }
}

// Where buffered element [i] lives: nowhere for zero-size elements (no buffer), so the race
// detector's synchronisation slot is the channel itself (as Go's chanbuf of a zero-size
// element is always c.buf).
static Slot *buf_slot(Chan *c, int64_t i) {
    return c->buf ? &c->buf[i] : (Slot *)c;
}

static Slot buf_get(Chan *c, int64_t i) {
    return c->buf ? c->buf[i] : chan_zero(c);
}

// Receive from the sender [s] (c locked): an unbuffered channel takes its value directly;
// a full buffered one takes the head of the buffer and puts s's value at the tail.
Slot chan_recv_from_sender_locked(Chan *c, Sudog *s) {
    if (TRACE_ON) // in channel order: the buffer's head leaves before s's value enters
        trace_chan(c->cap == 0, c, c->cap == 0 ? s->g : g_current());
    Slot v;
    if (c->cap == 0) {
        if (race_enabled)
            race_sync_pair(g_current(), s->g, c);
        v = s->val;
    } else {
        if (race_enabled) { // the receiver frees the slot the sender's value then fills
            race_acq_rel(g_current(), buf_slot(c, c->recvx));
            race_acq_rel(s->g, buf_slot(c, c->recvx));
        }
        v = buf_get(c, c->recvx);
        if (c->buf)
            c->buf[c->recvx] = s->val;
        if (++c->recvx == c->cap)
            c->recvx = 0;
        c->sendx = c->recvx;
    }
    if (TRACE_ON)
        trace_chan(c->cap != 0, c, c->cap == 0 ? g_current() : s->g);
    s->val.p = NULL;
    chan_wake_locked(s, true);
    return v;
}

// Hand [v] to the waiting receiver [s] (c locked).
void chan_send_to_receiver_locked(Sudog *s, Slot v) {
    if (TRACE_ON) {
        trace_chan(true, s->c, g_current());
        trace_chan(false, s->c, s->g);
    }
    if (race_enabled)
        race_sync_pair(g_current(), s->g, s->c);
    if (s->elem)
        *s->elem = v;
    if (s->okdst)
        s->okdst->i = 1;
    chan_wake_locked(s, true);
}

void chan_buf_put_locked(Chan *c, Slot v) {
    if (TRACE_ON)
        trace_chan(true, c, g_current());
    if (race_enabled) // the k-th send fills slot k % cap: after the (k-cap)-th receive
        race_acq_rel(g_current(), buf_slot(c, c->sendx));
    if (c->buf)
        c->buf[c->sendx] = v;
    if (++c->sendx == c->cap)
        c->sendx = 0;
    atomic_store_explicit(&c->count, c->count + 1, memory_order_relaxed);
}

Slot chan_buf_take_locked(Chan *c) {
    if (TRACE_ON)
        trace_chan(false, c, g_current());
    if (race_enabled)
        race_acq_rel(g_current(), buf_slot(c, c->recvx));
    Slot v = buf_get(c, c->recvx);
    if (c->buf)
        c->buf[c->recvx].p = NULL;
    if (++c->recvx == c->cap)
        c->recvx = 0;
    atomic_store_explicit(&c->count, c->count - 1, memory_order_relaxed);
    return v;
}

// sched_cancel of a single send or receive: the G's sudog, if still queued on its channel.
static bool cancel_chan_wait(G *g) NO_TSA {
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

// WaitKind.finish of a send: RT_PANIC if it was woken by close.
static RtStatus chan_send_finish(G *g);

static RtStatus chan_recv_finish(G *g) {
    g->param = NULL;
    return RT_OK;
}

static const WaitKind wait_send = {WAIT_CHAN_SEND, chan_send_finish, NULL, cancel_chan_wait};
static const WaitKind wait_recv = {WAIT_CHAN_RECV, chan_recv_finish, NULL, cancel_chan_wait};
static const WaitKind wait_send_nil = {WAIT_CHAN_SEND_NIL, NULL, NULL, sched_cancel_unwakeable};
static const WaitKind wait_recv_nil = {WAIT_CHAN_RECV_NIL, NULL, NULL, sched_cancel_unwakeable};

// The hand-off to a parked receiver, if there is one (c locked): gives it [v], unlocks c
// and readies it. False (c still locked) when no receiver waits.
static bool send_to_waiting_receiver(Chan *c, Slot v) NO_TSA {
    Sudog *r = waitq_dequeue(&c->recvq);
    if (!r)
        return false;
    G *rg = r->g;
    chan_send_to_receiver_locked(r, v);
    rtlock_unlock(&c->lock);
    sched_ready(rg);
    return true;
}

RtStatus chan_send(G *g, Chan *c, Slot v) NO_TSA {
    if (!c)
        return sched_park(g, &wait_send_nil, NULL, NULL);
    rtlock_lock(&c->lock);
    if (c->closed) {
        rtlock_unlock(&c->lock);
        return rt_panic_plain(g, "send on closed channel");
    }
    if (send_to_waiting_receiver(c, v))
        return RT_OK;
    if (c->count < c->cap) {
        chan_buf_put_locked(c, v);
        rtlock_unlock(&c->lock);
        return RT_OK;
    }
    Sudog *s = sudog_single(g);
    s->is_select = false;
    s->is_send = true;
    s->success = false;
    s->c = c;
    s->val = v;
    s->elem = s->okdst = NULL;
    g->param = NULL;
    waitq_enqueue(&c->sendq, s);
    return sched_park(g, &wait_send, chan_unlock_fn, c);
}

static RtStatus chan_send_finish(G *g) {
    Sudog *s = g->param;
    g->param = NULL;
    if (s && !s->success && !atomic_load(&g->interrupted))
        return rt_panic_plain(g, "send on closed channel");
    return RT_OK;
}

bool chan_try_send(Chan *c, Slot v) NO_TSA {
    if (!c)
        return false;
    rtlock_lock(&c->lock);
    if (c->closed) {
        rtlock_unlock(&c->lock);
        return false;
    }
    if (send_to_waiting_receiver(c, v))
        return true;
    bool ok = c->count < c->cap;
    if (ok)
        chan_buf_put_locked(c, v);
    rtlock_unlock(&c->lock);
    return ok;
}

RtStatus chan_recv(G *g, Chan *c, Slot *dst, Slot *okdst) NO_TSA {
    if (!c)
        return sched_park(g, &wait_recv_nil, NULL, NULL);
    rtlock_lock(&c->lock);
    Sudog *s = waitq_dequeue(&c->sendq);
    if (s) {
        G *sg = s->g;
        Slot v = chan_recv_from_sender_locked(c, s);
        rtlock_unlock(&c->lock);
        sched_ready(sg);
        if (dst)
            *dst = v;
        if (okdst)
            okdst->i = 1;
        return RT_OK;
    }
    if (c->count > 0) {
        Slot v = chan_buf_take_locked(c);
        rtlock_unlock(&c->lock);
        if (dst)
            *dst = v;
        if (okdst)
            okdst->i = 1;
        return RT_OK;
    }
    if (c->closed) {
        if (race_enabled)
            race_acquire(g, &c->closed);
        rtlock_unlock(&c->lock);
        if (dst)
            *dst = chan_zero(c);
        if (okdst)
            okdst->i = 0;
        return RT_OK;
    }
    s = sudog_single(g);
    s->is_select = false;
    s->is_send = false;
    s->success = false;
    s->c = c;
    s->elem = dst;
    s->okdst = okdst;
    s->val.p = NULL;
    g->param = NULL;
    waitq_enqueue(&c->recvq, s);
    return sched_park(g, &wait_recv, chan_unlock_fn, c);
}

// Wakes every waiter of the closed channel: receivers get the zero value and ok=false,
// senders panic when they resume. Readies them after unlocking.
RtStatus chan_close(G *g, Chan *c) {
    if (!c)
        return rt_panic_plain(g, "close of nil channel");
    rtlock_lock(&c->lock);
    if (c->closed) {
        rtlock_unlock(&c->lock);
        return rt_panic_plain(g, "close of closed channel");
    }
    c->closed = true;
    if (race_enabled)
        race_release(g, &c->closed);
    G *list = NULL;
    Sudog *s;
    while ((s = waitq_dequeue(&c->recvq))) {
        if (race_enabled)
            race_acquire(s->g, &c->closed);
        if (s->elem)
            *s->elem = chan_zero(c);
        if (s->okdst)
            s->okdst->i = 0;
        chan_wake_locked(s, false);
        s->g->schedlink = list;
        list = s->g;
    }
    while ((s = waitq_dequeue(&c->sendq))) {
        s->val.p = NULL;
        chan_wake_locked(s, false);
        s->g->schedlink = list;
        list = s->g;
    }
    rtlock_unlock(&c->lock);
    sched_ready_list(list);
    return RT_OK;
}
