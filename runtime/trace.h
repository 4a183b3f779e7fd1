// gol trace: the scheduler's event recorder (trace.c) and the file it writes at exit
// (trace_out.c: the merged log as JSON, or the HTML page of runtime/trace/). Off by default:
// each hook in the runtime is `if (TRACE_ON) trace_x(...)`, one predictable branch on a flag
// set once before the program starts. Events go to a buffer per thread (no global lock).
// Event kinds are named after Go's runtime/trace; docs/trace.md documents the JSON.
#ifndef GOL_TRACE_H
#define GOL_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pos.h"
#include "g.h"

// clang-format off
#define TRACE_EVENTS(X) \
    X(GoCreate)   /* g: parent, a: new goroutine id, loc: the go statement  */ \
    X(GoStart)    /* g starts running on this thread, a: P                   */ \
    X(GoPreempt)  /* g used up its time slice (back to a run queue)          */ \
    X(GoBlock)    /* g parks, a: WaitReason, loc: where                       */ \
    X(GoUnblock)  /* g made runnable, a: the goroutine that woke it (0: none) */ \
    X(GoEnd)      /* g finished                                               */ \
    X(GoSysCall)  /* g blocks in a system call (its P is handed off), loc     */ \
    X(ProcStart)  /* this thread takes P a                                    */ \
    X(ProcStop)   /* this thread lets go of P a                               */ \
    X(ChanSend)   /* g's value enters channel a (buffer or waiting receiver) */ \
    X(ChanRecv)   /* g takes a value from channel a                           */ \
    X(Stdout)     /* g wrote text to standard output                          */ \
    X(Stderr)     /* g wrote text to standard error                           */ \
    X(GCStart)    /* a garbage collection starts                              */ \
    X(GCDone)     /* it ends                                                  */ \
    X(Gomaxprocs) /* runtime.GOMAXPROCS(a)                                   */
// clang-format on

#define TRACE_ENUM(name) TEV_##name,
typedef enum TraceKind { TRACE_EVENTS(TRACE_ENUM) TEV_COUNT } TraceKind;
#undef TRACE_ENUM

// One recorded event (48 bytes). [ptr] is the Proto* of the function at [pos] (GoBlock,
// GoSysCall) or the new goroutine's function (GoCreate), a Chan* for channel events, or a
// malloc'ed copy of the text ([a] bytes) for Stdout and Stderr.
typedef struct TraceEvent {
    int64_t t;       // nanoseconds since the trace started (virtual under --seed)
    int64_t g;       // goroutine id (0: none)
    int64_t a;       // kind-specific (see TRACE_EVENTS)
    const void *ptr; // kind-specific
    Pos pos;         // source position (POS_NONE: none)
    uint8_t kind;
    uint8_t reason;  // GoBlock: the WaitReason
} TraceEvent;

// Set once (trace_start) before the program runs; never cleared.
extern bool trace_on;
#ifdef GOL_NO_TRACE_HOOKS // (benchmarking the hooks' cost: make B=build/nt EXTRA_CFLAGS=-D...)
#define TRACE_ON 0
#else
#define TRACE_ON __builtin_expect(trace_on, 0)
#endif

// ---- recording (trace.c); call only when TRACE_ON ----

// Append an event for the calling thread; [loc_g] != NULL: take the location (the innermost
// user frame, its function in ptr) from that goroutine's stack.
void trace_emit(TraceKind kind, int64_t g, int64_t a, const void *ptr, G *loc_g);
// Append a Stdout or Stderr event ([fd] 1 or 2) for the current goroutine ([n] bytes of [p]
// are copied).
void trace_stdout(int fd, const char *p, size_t n);
// The `go` statement's event for new goroutine [g] (its created_in/created_at are set).
void trace_go_create(G *g);
// [g] parks for [reason] (sched_park).
void trace_go_block(G *g, WaitReason reason);
// A channel value moves: [send] it enters channel [c] from goroutine [g], else g takes one.
void trace_chan(bool send, const void *c, G *g);

// A recorded thread's buffer: events in chunks that are only appended to, so the writer at
// exit can read what was published while other threads go on (trace_out.c).
// Recording stops after TRACE_MAX_CHUNKS chunks (4 million events, 200 MB): a page beyond
// that would not load anyway. The file then says "truncated".
enum { TRACE_CHUNK = 4096, TRACE_MAX_CHUNKS = 1024 };
typedef struct TraceChunk {
    _Atomic(struct TraceChunk *) next; // set once (release) when this chunk is full
    _Atomic int n;           // events published in ev (release store by the owner)
    TraceEvent ev[TRACE_CHUNK];
} TraceChunk;
typedef struct TraceBuf {
    int tid;                 // thread number (1, 2, ... in order of first event)
    TraceChunk *head, *tail; // owned by the thread; head never changes once set
    struct TraceBuf *next;   // all-buffers list (push-only)
} TraceBuf;

// Turn recording on (the clock starts now); called once, before the program runs.
void trace_enable(void);
// The head of the all-buffers list (newest first).
TraceBuf *trace_buffers(void);
// Whether recording stopped early at TRACE_MAX_CHUNKS.
bool trace_truncated(void);
// Stops recording (events after this are dropped); returns false if already stopped.
bool trace_stop(void);
// The time of an event recorded now.
int64_t trace_now(void);

// ---- the session (trace_out.c) ----

// Create [path] and start recording; at exit the trace is written there (.json: the event
// log; otherwise the HTML page). [prog] and [argv] describe the run in the file. Returns
// false (errno set, nothing started) when the file cannot be created.
bool trace_start(const char *path, const char *prog, int argc, char **argv, uint64_t seed);
// Write the file now, once (every exit path of the program calls this; a no-op when off).
void trace_finish(void);

#endif
