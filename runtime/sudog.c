// Wait queues of sudogs (sudog.h) and the per-G sudog caches. Queues are doubly linked so
// select's pass 3 and semaphore wakers unlink in O(1); the caller holds the queue's lock.
#include "sudog.h"

#include <stdatomic.h>

void waitq_enqueue(WaitQ *q, Sudog *s) {
    s->next = NULL;
    s->prev = q->last;
    if (q->last)
        q->last->next = s;
    else
        q->first = s;
    q->last = s;
    s->queued = true;
}

void waitq_push_front(WaitQ *q, Sudog *s) {
    s->prev = NULL;
    s->next = q->first;
    if (q->first)
        q->first->prev = s;
    else
        q->last = s;
    q->first = s;
    s->queued = true;
}

void waitq_remove(WaitQ *q, Sudog *s) {
    if (!s->queued)
        return;
    if (s->prev)
        s->prev->next = s->next;
    else
        q->first = s->next;
    if (s->next)
        s->next->prev = s->prev;
    else
        q->last = s->prev;
    s->next = s->prev = NULL;
    s->queued = false;
}

Sudog *waitq_dequeue(WaitQ *q) {
    for (;;) {
        Sudog *s = q->first;
        if (!s)
            return NULL;
        waitq_remove(q, s);
        if (s->is_select) {
            // Another case of the same select may have fired already (Go's selectDone).
            uint32_t zero = 0;
            if (!atomic_compare_exchange_strong(&s->g->select_done, &zero, 1))
                continue;
        }
        return s;
    }
}

Sudog *sudog_single(G *g) {
    if (!g->sudog1) {
        g->sudog1 = gc_alloc(sizeof(Sudog));
        g->sudog1->g = g;
    }
    return g->sudog1;
}

Sudog *sudog_array(G *g, int n) {
    if (g->sel_cap < n) {
        int cap = n < 4 ? 4 : n;
        g->sel_sudogs = gc_alloc((size_t)cap * sizeof(Sudog));
        g->sel_cap = cap;
    }
    return g->sel_sudogs;
}
