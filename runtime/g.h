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

#include "common.h"
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

struct Timer;
struct WaitKind;

// Locks: a G has none of its own. Each field below says who may touch it: "own" means only
// the thread running the G (or, while the G is stopped, whoever owns it by its status, see
// above); a queue's lock guards what a waker writes while the G is parked.
struct G {
    // ---- VM section (src/vm*.c, runtime/panic.c): own ----
    Slot *stack;         // the slot stack (GC heap; grows by reallocation)
    int64_t stack_size;  // slots allocated
    Frame *frames;       // call stack, frames[0] is the goroutine's entry function
    int nframes, frames_cap;
    Panic *panic;        // innermost active panic, or NULL
    struct ArenaChunk *arena; // frame arena's current chunk (runtime/arena.h), or NULL
    int nested;          // depth of nested vm_call (natives calling Go code); parking reads
                         // it only in sched_park (see sched.h)
    bool goexit;         // runtime.Goexit in progress
    bool panic_counted;  // counted in the scheduler's panicking goroutines (panic_track)
    uint64_t uidx;       // last unsigned index above MaxInt64 (UIDX), for panic texts
    _Atomic bool interrupted; // set by any thread (sched_cancel): the VM ends the G at its
                              // next preemption point or wake-up, as runtime.Goexit would
    uint32_t rng;        // per-G PRNG state for select and map iteration (xorshift)

    // ---- scheduling section (runtime/sched*.c) ----
    int64_t id;          // goroutine id (main is 1); set by sched_new_g, fixed while alive
    _Atomic int status;  // GStatus; transitions above
    WaitReason wait_reason;  // own, written before G_WAITING; tracebacks read it racily
    G *schedlink;            // run queue or wake-list link (owned by the queue/list holding G)
    G *alllink;              // all-G list link (push-only list: fixed once published)
    int64_t parent_id;       // the creating goroutine's id; set at creation, then fixed
    const Instr *created_at; // ip of the `go` statement in the parent (set at creation)
    const Proto *created_in; // function containing that `go` statement (set at creation)
    M *lockedm;              // M whose thread holds this G's native frames (nested park,
                             // syscall exit): only that M may resume it. Written by that M
                             // before the G is queued, cleared by it when the G runs again
    // The parking protocol (sched_park): written by the G before it becomes G_WAITING.
    void (*unlockf)(void *); // called by its M after the G stopped, then cleared (own M)
    void *unlock_arg;
    const struct WaitKind *wait; // what the G parked in (sched.h), until it continues: its
                             // M runs wait->retry, vm_run wait->finish (sched_finish_wait,
                             // which clears it); sched_cancel clears it once it owns the
                             // wake-up (the G is stopped then)
    Sudog *param;            // the sudog that woke the G (written by the waker under the
                             // wait queue's lock, read by the G after it resumes)
    _Atomic uint32_t select_done; // a parked select was won (CAS by wakers, sudog.c)
    _Atomic bool stopped;    // parked and its M has let go of it (set by the M after vm_run
                             // returned VM_PARK, cleared when it runs): sched_cancel's test
                             // for waits that have no queue lock to order it
    Slot *sel_chosen;        // parked select: where the waker writes the chosen case index
                             // (under the chosen channel's lock)
    int sel_n;               // parked select: number of sudogs in sel_sudogs (own)
    int sel_cap;             // (own)
    Sudog *sel_sudogs;       // cached select sudogs, sorted in lock order while parked (own;
                             // queue links guarded by each channel's lock)
    Sudog *sudog1;           // cached sudog for a single channel op / semaphore wait (own)
    struct Timer *sleep_timer; // time.Sleep's timer, made on first use (own; sched_cancel
                             // stops it under the timer heap's lock)
    struct RaceG *race;      // race detector state (runtime/race.c), NULL when off; guarded
                             // by race_mu
    void *netpoll_pd;        // PollDesc of the last network wait (runtime/netpoll.c; own,
                             // written before parking; sched_cancel reads it, then locks it)
};

#endif
