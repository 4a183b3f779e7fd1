// A goroutine (G): its VM state (slot stack, frames, defers, panics) and its scheduling state.
// The VM section is owned by src/vm.c and runtime/panic.c and is touched only by the thread
// running the G (a waker writes a result through the sudog, see chan.h).
// The scheduling section is owned by runtime/sched.c.
//
// Status transitions (who owns the G in each state):
//   G_RUNNABLE: in a run queue; owned by the queue.
//   G_RUNNING : owned by the M running it; only that M touches the VM section.
//   G_WAITING : parked on a channel/select/sync/timer wait list; owned by that list (the
//               waker readies it exactly once, under the list's lock).
//   G_DEAD    : finished; owned by nobody (the GC frees it).
#ifndef GOL_G_H
#define GOL_G_H

#include <pthread.h>
#include <stdatomic.h>

#include "../src/common.h"
#include "value.h"

typedef struct Proto Proto;
typedef struct Instr Instr;
typedef struct Defer Defer;
typedef struct Panic Panic;
typedef struct Sudog Sudog;
typedef struct M M;
typedef struct P P;

typedef enum GStatus { G_IDLE, G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD } GStatus;

// Why a G waits; printed in tracebacks as Go does ("goroutine 5 [chan receive]:").
typedef enum WaitReason {
    WAIT_NONE,
    WAIT_CHAN_RECV,       // "chan receive"
    WAIT_CHAN_SEND,       // "chan send"
    WAIT_CHAN_RECV_NIL,   // "chan receive (nil chan)"
    WAIT_CHAN_SEND_NIL,   // "chan send (nil chan)"
    WAIT_SELECT,          // "select"
    WAIT_SELECT_NO_CASES, // "select (no cases)"
    WAIT_SLEEP,           // "sleep"
    WAIT_SYNC_WAITGROUP,  // "sync.WaitGroup.Wait"
    WAIT_SYNC_MUTEX,      // "sync.Mutex.Lock"
    WAIT_SYNC_RWMUTEX_R,  // "sync.RWMutex.RLock"
    WAIT_SYNC_RWMUTEX_W,  // "sync.RWMutex.Lock"
    WAIT_SYNC_COND,       // "sync.Cond.Wait"
    WAIT_SYNC_ONCE,       // "sync.Once.Do" (waiting for another goroutine's Do)
    WAIT_IO,              // "IO wait" (stdin read with the P handed off)
    WAIT_FOREVER,         // runtime.Goexit of main etc.
} WaitReason;

// Go's text for [r] ("chan receive").
const char *g_wait_reason_str(WaitReason r);

// One activation record. Registers of the frame are g->stack[base .. base+proto->nregs).
typedef struct Frame {
    Proto *proto;
    GoFunc *fn;          // the function value called (its captures); NULL for static calls
    const Instr *ip;     // resume point (saved before any call, park or panic)
    int64_t base;        // index of R[0] in g->stack
    Defer *defers;       // this frame's pending deferred calls, most recent first
    uint8_t flags;       // FRAME_* below
} Frame;

enum {
    FRAME_NESTED = 1,     // returning from this frame returns from a nested vm_call to C
    FRAME_DEFERRED = 2,   // this frame runs a deferred call
    FRAME_PANICDEFER = 4, // ... started by panic unwinding (recover() applies here)
    FRAME_UNWINDING = 8,  // a panic is unwinding this frame (its defers are running)
};

// What a parked G must finish when it resumes (vm_run checks it first).
enum { PARK_NONE, PARK_SEND, PARK_SELECT };

struct G {
    // ---- VM section ----
    Slot *stack;         // the slot stack (GC heap; grows by reallocation)
    int64_t stack_size;  // slots allocated
    Frame *frames;       // call stack, frames[0] is the goroutine's entry function
    int nframes, frames_cap;
    Panic *panic;        // innermost active panic, or NULL
    struct ArenaChunk *arena; // frame arena's current chunk (runtime/arena.h), or NULL
    int nested;          // depth of nested vm_call (natives calling Go code)
    bool goexit;         // runtime.Goexit in progress
    uint8_t park_kind;   // PARK_*: set by the VM when an operation parks
    uint64_t uidx;       // last unsigned index above MaxInt64 (UIDX), for panic texts
    _Atomic bool interrupted; // set by another thread (the REPL's Ctrl-C): the VM ends the G
                              // at its next preemption point, as runtime.Goexit would
    uint32_t rng;        // per-G PRNG state for select and map iteration (xorshift)

    // ---- scheduling section (runtime/sched.c) ----
    int64_t id;          // goroutine id (main is 1), never changes
    _Atomic int status;  // GStatus
    WaitReason wait_reason;  // valid while G_WAITING
    int64_t wait_since;      // nanotime when parked (for "[chan receive, 2 minutes]")
    G *schedlink;            // run queue link (owned by the queue holding the G)
    G *alllink;              // all-G list link (guarded by sched.allg_lock)
    void (*unlockf)(void *); // set by sched_park: called by the M after the G stopped
    void *unlock_arg;
    int64_t parent_id;       // id of the creating goroutine
    const Instr *created_at; // ip of the `go` statement in the parent
    const Proto *created_in; // function containing that `go` statement
    void *sched_extra;       // reserved for the scheduler (timers, select state...)
    // Added by the scheduler (runtime/sched.c, chan.c, select.c, sema.c); owned by the G
    // unless noted.
    M *lockedm;              // M whose thread holds this G's native frames (nested park,
                             // syscall exit): only that M may resume it (sched.lock)
    bool (*resume_fn)(G *g); // run by the M before resuming the readied G (sync.Mutex retry);
                             // false = it parked the G again
    Sudog *param;            // the sudog that woke the G (written by the waker)
    _Atomic uint32_t select_done; // a parked select was won (CAS by wakers, sudog.c)
    // (the two flags sit here, in select_done's padding, to keep G at 216 bytes: libgc adds
    // a byte to each object, and 224 would take a 240-byte block)
    bool panic_counted;      // counted in the scheduler's panicking goroutines (panic_track)
    _Atomic bool stopped;    // parked and its M has let go of it (set by the M after vm_run
                             // returned VM_PARK, cleared when it runs): sched_cancel's test
                             // for waits that have no queue lock to order it
    Slot *sel_chosen;        // parked select: where the waker writes the chosen case index
    int sel_n;               // parked select: number of sudogs in sel_sudogs
    int sel_cap;
    Sudog *sel_sudogs;       // cached select sudogs (sorted in lock order while parked)
    Sudog *sudog1;           // cached sudog for a single channel op / semaphore wait
    struct RaceG *race;      // race detector state (runtime/race.c), NULL when off; guarded
                             // by race_mu
    void *netpoll_pd;        // PollDesc of the last network wait (runtime/netpoll.c; the
                             // G writes it before parking, sched_cancel reads it)
};

#endif
