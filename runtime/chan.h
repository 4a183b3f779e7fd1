// Channels (Go's hchan design): one lock per channel, a ring buffer, FIFO queues of waiting
// goroutines (sudogs), direct hand-off to a waiting receiver, and close waking everyone.
// Select over several channels is in select.c and uses the same sudog queues.
#ifndef GOL_CHAN_H
#define GOL_CHAN_H

#include "g.h"
#include "native.h"

typedef struct Chan Chan;

// Go's makechan limit: false (the caller panics "makechan: size out of range") when [cap] is
// negative or a buffer of [cap] elements of [elem] would exceed Go's largest allocation.
bool chan_size_ok(Type *elem, int64_t cap);

// make(chan T, cap), cap satisfying chan_size_ok. Element values are register-form slots
// (structs/arrays: the sender passes a private copy); elements of zero size take no buffer.
Chan *chan_make(Type *elem, int64_t cap);

// c <- v. nil c blocks forever; a closed c panics "send on closed channel".
// RT_OK: sent. RT_PARK: g is parked (sched_park; the value was captured in the sudog) and
// will resume at the next instruction once a receiver took it, or panic then if the
// channel got closed meanwhile (the send's WaitKind.finish raises it).
RtStatus chan_send(G *g, Chan *c, Slot v);

// v, ok := <-c. Writes the value to *dst and, if okdst != NULL, 1/0 to okdst->i. dst and okdst
// point into g's slot stack, which does not move while g is parked, so a waker may write
// them directly. nil c blocks forever. RT_OK or RT_PARK (see sched_park).
RtStatus chan_recv(G *g, Chan *c, Slot *dst, Slot *okdst);

// close(c). Panics "close of nil channel" / "close of closed channel".
RtStatus chan_close(G *g, Chan *c);

// Non-blocking send that never parks and never panics, for senders that are not goroutines
// (the timer thread): hands [v] to a waiting receiver or buffers it; false if the channel
// is nil, closed or full.
bool chan_try_send(Chan *c, Slot v);

int64_t chan_len(Chan *c); // nil: 0
int64_t chan_cap(Chan *c); // nil: 0

// One case of a select statement, built by the VM (possibly on the C stack: select copies
// what it keeps before parking).
typedef struct SelectCase {
    Chan *c;        // NULL: the case is never ready
    bool is_send;
    Slot val;       // send: the value
    Slot *dst;      // recv: where the value goes (into g's stack), or NULL to discard
    Slot *okdst;    // recv: comma-ok destination, or NULL
} SelectCase;

// Run a select over [n] cases. With [has_default], never parks: *chosen = -1 when no case
// is ready. Otherwise chooses uniformly among ready cases, or parks on all of them; the
// waker performs the chosen case's transfer and writes its index to chosen->i (chosen points
// into g's stack). n == 0 without default blocks forever ("select (no cases)").
// RT_OK, RT_PARK, or RT_PANIC (send on a closed channel; after a park, the select's
// WaitKind.finish raises it when the G resumes).
RtStatus sel_select(G *g, SelectCase *cases, int n, bool has_default, Slot *chosen);

#endif
