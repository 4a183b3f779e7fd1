// The event recorder of gol trace (see trace.h). Each thread appends to its own TraceBuf,
// found through a thread-local pointer and registered once on a push-only list; chunks are
// malloc'ed (never GC memory: the GC's own callback records events) and never freed.
// Invariant: an event is complete before its chunk's count is published (release), so the
// writer at exit reads only whole events while other threads may still be appending.
#include "trace.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "funcinfo.h"
#include "sched.h"

bool trace_on;

static _Atomic(TraceBuf *) buffers; // push-only list of every thread's buffer
static _Atomic int ntids;           // thread numbers handed out
static _Atomic bool stopped;        // trace_stop was called: drop further events
static _Atomic int nchunks;         // chunks allocated by all threads
static _Atomic bool truncated;      // stopped early at TRACE_MAX_CHUNKS
static _Atomic int64_t det_last;    // --seed: the last timestamp given out
static int64_t t0;                  // real mode: CLOCK_MONOTONIC at the first event
static _Thread_local TraceBuf *mybuf;

static void *xcalloc(size_t n) {
    void *p = calloc(1, n);
    if (!p)
        abort(); // the tracer ran out of memory: nothing sensible to record any more
    return p;
}

static TraceBuf *register_buf(void) {
    TraceBuf *b = xcalloc(sizeof *b);
    b->tid = atomic_fetch_add(&ntids, 1) + 1;
    b->head = b->tail = xcalloc(sizeof(TraceChunk));
    TraceBuf *old = atomic_load(&buffers);
    do {
        b->next = old;
    } while (!atomic_compare_exchange_weak(&buffers, &old, b));
    return b;
}

TraceBuf *trace_buffers(void) {
    return atomic_load(&buffers);
}

static int64_t mono(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void trace_enable(void) {
    t0 = mono();
    trace_on = true;
}

bool trace_truncated(void) {
    return atomic_load(&truncated);
}

bool trace_stop(void) {
    return !atomic_exchange(&stopped, true);
}

// Under --seed the clock is virtual and stands still while goroutines run; each event gets
// max(virtual now, previous + 1) so the order is kept and the trace reproduces exactly.
int64_t trace_now(void) {
    if (sched_deterministic()) {
        int64_t v = sched_nanotime();
        int64_t last = atomic_load(&det_last);
        int64_t t;
        do {
            t = v > last ? v : last + 1;
        } while (!atomic_compare_exchange_weak(&det_last, &last, t));
        return t;
    }
    int64_t t = mono() - t0;
    return t > 0 ? t : 0;
}

// The innermost frame of [g] compiled from the user's program (else the innermost one with
// code): where a goroutine blocked, as a learner would look for it.
static const Proto *user_frame(G *g, Pos *pos) {
    const Frame *fallback = NULL;
    for (int i = g->nframes - 1; i >= 0; i--) {
        const Frame *f = &g->frames[i];
        const FuncInfo *fi = f->proto ? proto_info(f->proto) : NULL;
        if (!fi || !fi->code || fi->hidden)
            continue;
        if (!fallback)
            fallback = f;
        if (fi->user) {
            fallback = f;
            break;
        }
    }
    if (!fallback)
        return NULL;
    const FuncInfo *fi = proto_info(fallback->proto);
    int pc = fallback->ip ? funcinfo_pc(fi, fallback->ip) - 1 : 0;
    *pos = funcinfo_pos(fi, pc);
    return fallback->proto;
}

static TraceEvent *next_slot(TraceBuf *b) {
    TraceChunk *c = b->tail;
    int n = atomic_load_explicit(&c->n, memory_order_relaxed);
    if (n == TRACE_CHUNK) {
        if (atomic_fetch_add(&nchunks, 1) >= TRACE_MAX_CHUNKS) {
            atomic_store(&truncated, true);
            atomic_store(&stopped, true);
            return NULL;
        }
        TraceChunk *nc = xcalloc(sizeof *nc);
        atomic_store_explicit(&c->next, nc, memory_order_release);
        b->tail = c = nc;
        n = 0;
    }
    return &c->ev[n];
}

static void publish(TraceBuf *b) {
    TraceChunk *c = b->tail;
    atomic_store_explicit(&c->n, atomic_load_explicit(&c->n, memory_order_relaxed) + 1,
                          memory_order_release);
}

static void emit_full(TraceKind kind, int64_t g, int64_t a, const void *ptr, Pos pos,
                      uint8_t reason) {
    if (atomic_load_explicit(&stopped, memory_order_relaxed))
        return;
    TraceBuf *b = mybuf;
    if (!b)
        b = mybuf = register_buf();
    TraceEvent *e = next_slot(b);
    if (!e)
        return;
    e->t = trace_now();
    e->g = g;
    e->a = a;
    e->ptr = ptr;
    e->pos = pos;
    e->kind = (uint8_t)kind;
    e->reason = reason;
    publish(b);
}

void trace_emit(TraceKind kind, int64_t g, int64_t a, const void *ptr, G *loc_g) {
    Pos pos = POS_NONE;
    if (loc_g)
        ptr = user_frame(loc_g, &pos);
    emit_full(kind, g, a, ptr, pos, 0);
}

void trace_go_create(G *g) {
    Pos pos = POS_NONE;
    if (g->created_in && g->created_at) {
        const FuncInfo *cp = proto_info(g->created_in);
        pos = funcinfo_pos(cp, funcinfo_pc(cp, g->created_at));
    }
    // The entry stub holds the goroutine's function value in slot 1 (vm_go's setup_entry).
    const GoFunc *fn = g->stack && g->stack_size > 1 ? g->stack[1].p : NULL;
    emit_full(TEV_GoCreate, g->parent_id, g->id, fn ? fn->proto : NULL, pos, 0);
}

void trace_go_block(G *g, WaitReason reason) {
    Pos pos = POS_NONE;
    const Proto *p = user_frame(g, &pos);
    emit_full(TEV_GoBlock, g->id, reason, p, pos, (uint8_t)reason);
}

void trace_chan(bool send, const void *c, G *g) {
    emit_full(send ? TEV_ChanSend : TEV_ChanRecv, g ? g->id : 0, 0, c, POS_NONE, 0);
}

void trace_stdout(int fd, const char *p, size_t n) {
    if ((fd != 1 && fd != 2) || n == 0)
        return;
    char *text = malloc(n);
    if (!text)
        return;
    memcpy(text, p, n);
    G *g = g_current();
    emit_full(fd == 1 ? TEV_Stdout : TEV_Stderr, g ? g->id : 0, (int64_t)n, text, POS_NONE, 0);
}
