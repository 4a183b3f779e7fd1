// select (Go's selectgo): lock every involved channel in address order (each once), poll
// the cases in a random order (pass 1), take default if nothing is ready, else queue a
// sudog on every channel and park (pass 2). The first waker to win g->select_done performs
// its transfer and readies the G; on resumption sel_select_finish locks the channels again
// and unlinks the losing sudogs (pass 3). The G's sudog array stays in lock order, so the
// M unlocking after the park and pass 3 never race (see sel_unlock_park).
#include "chan.h"

#include <stdlib.h>
#include <string.h>

#include "chan_int.h"
#include "race.h"
#include "detpolicy.h"
#include "sched.h"
#include "sudog.h"

enum { SMALL_SELECT = 16 };

typedef struct Order {
    Chan *c;
    int i;
} Order;

static int cmp_order(const void *a, const void *b) {
    uintptr_t x = (uintptr_t)((const Order *)a)->c, y = (uintptr_t)((const Order *)b)->c;
    return x < y ? -1 : x > y;
}

static void sort_lockorder(Order *o, int n) {
    if (n > SMALL_SELECT) {
        qsort(o, (size_t)n, sizeof(Order), cmp_order);
        return;
    }
    for (int i = 1; i < n; i++) {
        Order x = o[i];
        int j = i - 1;
        while (j >= 0 && (uintptr_t)o[j].c > (uintptr_t)x.c) {
            o[j + 1] = o[j];
            j--;
        }
        o[j + 1] = x;
    }
}

static void lock_all(const Order *o, int n) NO_TSA {
    for (int k = 0; k < n; k++)
        if (k == 0 || o[k].c != o[k - 1].c)
            rtlock_lock(&o[k].c->lock);
}

static void unlock_all(const Order *o, int n) NO_TSA {
    for (int k = n - 1; k >= 0; k--)
        if (k == 0 || o[k].c != o[k - 1].c)
            rtlock_unlock(&o[k].c->lock);
}

static void put_recv(SelectCase *cs, Slot v, bool ok) {
    if (cs->dst)
        *cs->dst = v;
    if (cs->okdst)
        cs->okdst->i = ok;
}

// Pass 1: the first ready case in [poll] order, done with all channels locked; the locks
// are released here. Returns the case index, -1 if none is ready (still locked), or -2
// after starting a "send on closed channel" panic.
static int poll_cases(G *g, SelectCase *cases, const int *poll, int np,
                      const Order *lo) NO_TSA {
    for (int k = 0; k < np; k++) {
        int i = poll[k];
        SelectCase *cs = &cases[i];
        Chan *c = cs->c;
        if (!cs->is_send) {
            Sudog *s = waitq_dequeue(&c->sendq);
            if (s) {
                G *sg = s->g;
                Slot v = chan_recv_from_sender_locked(c, s);
                unlock_all(lo, np);
                sched_ready(sg);
                put_recv(cs, v, true);
                return i;
            }
            if (c->count > 0) {
                Slot v = chan_buf_take_locked(c);
                unlock_all(lo, np);
                put_recv(cs, v, true);
                return i;
            }
            if (c->closed) {
                if (race_enabled)
                    race_acquire(g_current(), &c->closed);
                unlock_all(lo, np);
                put_recv(cs, chan_zero(c), false);
                return i;
            }
        } else {
            if (c->closed) {
                unlock_all(lo, np);
                rt_panic_plain(g, "send on closed channel");
                return -2;
            }
            Sudog *r = waitq_dequeue(&c->recvq);
            if (r) {
                G *rg = r->g;
                chan_send_to_receiver_locked(r, cs->val);
                unlock_all(lo, np);
                sched_ready(rg);
                return i;
            }
            if (c->count < c->cap) {
                chan_buf_put_locked(c, cs->val);
                unlock_all(lo, np);
                return i;
            }
        }
    }
    return -1;
}

// Deterministic mode with a policy that chooses among ready cases (explore): move the
// chosen ready case to the front of [poll] (channels locked). A waiting sender or receiver
// may be a select already won elsewhere; poll_cases then just goes on to the next case.
static void det_choose_ready(SelectCase *cases, int *poll, int np) NO_TSA {
    int ready[SMALL_SELECT], nr = 0; // positions in poll of the ready cases, in case order
    for (int k = 0; k < np && nr < SMALL_SELECT; k++) {
        SelectCase *cs = &cases[poll[k]];
        Chan *c = cs->c;
        bool ok = cs->is_send ? c->closed || c->recvq.first || c->count < c->cap
                              : c->sendq.first || c->count > 0 || c->closed;
        if (!ok)
            continue;
        int j = nr++;
        for (; j > 0 && poll[ready[j - 1]] > poll[k]; j--)
            ready[j] = ready[j - 1];
        ready[j] = k;
    }
    if (nr < 2)
        return;
    int k = ready[det_policy->choose_case(nr)];
    int x = poll[k];
    memmove(&poll[1], &poll[0], (size_t)k * sizeof(int));
    poll[0] = x;
}

// unlockf of a parked select: unlock each channel after its last sudog. Once a channel is
// unlocked its sudogs may change, but pass 3 needs every lock, so the sudogs of channels
// still locked here (the ones read next) stay put.
static void sel_unlock_park(void *arg) NO_TSA {
    G *g = arg;
    Sudog *sg = g->sel_sudogs;
    int n = g->sel_n;
    for (int k = 0; k < n; k++) {
        Chan *c = sg[k].c;
        if (k + 1 == n || sg[k + 1].c != c)
            rtlock_unlock(&c->lock);
    }
}

static RtStatus sel_select_finish(G *g);
static bool cancel_select(G *g);

static const WaitKind wait_select = {WAIT_SELECT, sel_select_finish, NULL, cancel_select};
static const WaitKind wait_select_no_cases = {WAIT_SELECT_NO_CASES, NULL, NULL,
                                              sched_cancel_unwakeable};
static const WaitKind wait_select_nil = {WAIT_SELECT, NULL, NULL, sched_cancel_unwakeable};

// Pass 2: a sudog per case on every channel, in lock order; then park.
static RtStatus enqueue_and_park(G *g, SelectCase *cases, const Order *lo, int np,
                                 Slot *chosen) {
    Sudog *sg = sudog_array(g, np);
    atomic_store(&g->select_done, 0);
    g->param = NULL;
    g->sel_chosen = chosen;
    g->sel_n = np;
    for (int k = 0; k < np; k++) {
        SelectCase *cs = &cases[lo[k].i];
        Sudog *s = &sg[k];
        s->g = g;
        s->is_select = true;
        s->is_send = cs->is_send;
        s->success = false;
        s->case_index = lo[k].i;
        s->c = cs->c;
        s->elem = cs->is_send ? NULL : cs->dst;
        s->okdst = cs->is_send ? NULL : cs->okdst;
        s->val = cs->is_send ? cs->val : (Slot){0};
        waitq_enqueue(cs->is_send ? &cs->c->sendq : &cs->c->recvq, s);
    }
    return sched_park(g, &wait_select, sel_unlock_park, g);
}

RtStatus sel_select(G *g, SelectCase *cases, int n, bool has_default, Slot *chosen) {
    int poll_small[SMALL_SELECT];
    Order lo_small[SMALL_SELECT];
    int *poll = n <= SMALL_SELECT ? poll_small : gc_alloc_atomic((size_t)n * sizeof(int));
    Order *lo = n <= SMALL_SELECT ? lo_small : gc_alloc((size_t)n * sizeof(Order));
    int np = 0;
    for (int i = 0; i < n; i++) {
        if (!cases[i].c)
            continue; // a nil channel is never ready
        int j = np > 0 ? (int)(sched_rand() % (uint32_t)(np + 1)) : 0;
        poll[np] = poll[j];
        poll[j] = i;
        np++;
    }
    if (np == 0) {
        if (has_default) {
            chosen->i = -1;
            return RT_OK;
        }
        return sched_park(g, n == 0 ? &wait_select_no_cases : &wait_select_nil, NULL, NULL);
    }
    for (int k = 0; k < np; k++)
        lo[k] = (Order){cases[poll[k]].c, poll[k]};
    sort_lockorder(lo, np);
    lock_all(lo, np);
    if (det_policy && det_policy->choose_case)
        det_choose_ready(cases, poll, np);
    int won = poll_cases(g, cases, poll, np, lo);
    if (won == -2)
        return RT_PANIC;
    if (won >= 0) {
        chosen->i = won;
        return RT_OK;
    }
    if (has_default) {
        unlock_all(lo, np);
        chosen->i = -1;
        return RT_OK;
    }
    return enqueue_and_park(g, cases, lo, np, chosen);
}

// Pass 3 (and sched_cancel's): unlink every sudog of g's parked select but [win] (NULL:
// all), each under its channel's lock, taken in lock order; then forget them.
static void unlink_sudogs(G *g, const Sudog *win) NO_TSA {
    Sudog *sg = g->sel_sudogs;
    int n = g->sel_n;
    for (int k = 0; k < n; k++)
        if (k == 0 || sg[k].c != sg[k - 1].c)
            rtlock_lock(&sg[k].c->lock);
    for (int k = 0; k < n; k++) {
        Sudog *s = &sg[k];
        if (s != win)
            waitq_remove(s->is_send ? &s->c->sendq : &s->c->recvq, s);
    }
    for (int k = n - 1; k >= 0; k--)
        if (k == 0 || sg[k].c != sg[k - 1].c)
            rtlock_unlock(&sg[k].c->lock);
    for (int k = 0; k < n; k++)
        sg[k].val.p = NULL;
    g->sel_n = 0;
    g->sel_chosen = NULL;
    g->param = NULL;
}

// WaitKind.finish: RT_PANIC if the select was woken by the close of a channel it was
// sending on.
static RtStatus sel_select_finish(G *g) {
    Sudog *win = g->param;
    bool closed_send = win && win->is_send && !win->success;
    unlink_sudogs(g, win);
    if (closed_send && !atomic_load(&g->interrupted))
        return rt_panic_plain(g, "send on closed channel");
    return RT_OK;
}

// sched_cancel of a parked select: winning g->select_done first (as a waker must) means no
// case can fire any more; then every sudog is unlinked.
static bool cancel_select(G *g) {
    uint32_t zero = 0;
    if (!atomic_compare_exchange_strong(&g->select_done, &zero, 1))
        return false;
    unlink_sudogs(g, NULL);
    return true;
}
