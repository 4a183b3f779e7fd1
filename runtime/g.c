// Goroutine objects: allocation with small initial stacks, reset for reuse after death, and
// the wait-reason strings of tracebacks. The scheduler (sched.c) decides when a G is
// allocated, reused or put on a free list; nothing here is shared state.
#include "g.h"

#include "arena.h"
#include "panic.h"
#include "sched.h"
#include "sched_int.h"

const char *g_wait_reason_str(WaitReason r) {
    switch (r) {
    case WAIT_NONE: return "";
    case WAIT_CHAN_RECV: return "chan receive";
    case WAIT_CHAN_SEND: return "chan send";
    case WAIT_CHAN_RECV_NIL: return "chan receive (nil chan)";
    case WAIT_CHAN_SEND_NIL: return "chan send (nil chan)";
    case WAIT_SELECT: return "select";
    case WAIT_SELECT_NO_CASES: return "select (no cases)";
    case WAIT_SLEEP: return "sleep";
    case WAIT_SYNC_WAITGROUP: return "sync.WaitGroup.Wait";
    case WAIT_SYNC_MUTEX: return "sync.Mutex.Lock";
    case WAIT_SYNC_RWMUTEX_R: return "sync.RWMutex.RLock";
    case WAIT_SYNC_RWMUTEX_W: return "sync.RWMutex.Lock";
    case WAIT_SYNC_COND: return "sync.Cond.Wait";
    case WAIT_SYNC_ONCE: return "sync.Once.Do";
    case WAIT_IO: return "IO wait";
    case WAIT_FOREVER: return "forever";
    }
    return "unknown";
}

G *g_alloc(void) {
    G *g = gc_alloc(sizeof(G));
    g->stack = gc_alloc(G_STACK_INIT * sizeof(Slot));
    g->stack_size = G_STACK_INIT;
    g->frames = gc_alloc(G_FRAMES_INIT * sizeof(Frame));
    g->frames_cap = G_FRAMES_INIT;
    atomic_init(&g->status, G_IDLE);
    return g;
}

// Makes the dead [g] look freshly allocated: the VM section is cleared (a stack that grew
// large is dropped so a reused G stays small), caches and alllink are kept. A field added
// to struct G must be reset here too (`interrupted` is the REPL's: it clears it itself).
void g_reset(G *g) {
    if (g->stack_size > 4 * G_STACK_INIT) {
        g->stack = gc_alloc(G_STACK_INIT * sizeof(Slot));
        g->stack_size = G_STACK_INIT;
    } else {
        memset(g->stack, 0, (size_t)g->stack_size * sizeof(Slot));
    }
    if (g->frames_cap > 4 * G_FRAMES_INIT) {
        g->frames = gc_alloc(G_FRAMES_INIT * sizeof(Frame));
        g->frames_cap = G_FRAMES_INIT;
    } else {
        memset(g->frames, 0, (size_t)g->frames_cap * sizeof(Frame));
    }
    g->nframes = 0;
    arena_reset(g);
    g->panic = NULL;
    panic_track(g);
    g->nested = 0;
    g->goexit = false;
    g->uidx = 0;
    g->wait_reason = WAIT_NONE;
    g->schedlink = NULL;
    g->unlockf = NULL;
    g->unlock_arg = NULL;
    g->parent_id = 0;
    g->created_at = NULL;
    g->created_in = NULL;
    g->lockedm = NULL;
    g->wait = NULL;
    g->param = NULL;
    g->sel_chosen = NULL;
    g->sel_n = 0;
    atomic_store(&g->select_done, 0);
    atomic_store(&g->status, G_IDLE);
}
