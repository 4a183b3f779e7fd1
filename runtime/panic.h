// Panics, deferred calls and tracebacks. The VM unwinds frames explicitly (no longjmp): a
// panic records its value and a snapshot of the stack (for the traceback Go prints), then
// the VM runs each frame's deferred calls, newest first, until one recovers or the
// goroutine's stack is empty (the program then dies with Go's report, exit status 2).
#ifndef GOL_PANIC_H
#define GOL_PANIC_H

#include "buf.h"
#include "g.h"
#include "native.h"

// A deferred call: the function value and its arguments, evaluated at the defer statement.
struct Defer {
    Defer *next;
    GoFunc *fn;
    int nargs;
    Slot args[];
};

typedef struct TraceFrame {
    const Proto *proto;
    int pc; // index of the instruction executing in that frame
} TraceFrame;

struct Panic {
    Panic *link;        // the panic that was running when this one started
    GoIface *value;     // the panic value (NULL for panic(nil) in old Go; see rt_panic_value)
    bool recovered;
    int frame;          // index in g->frames of the frame that started it
    bool is_goexit;     // runtime.Goexit unwinding (cannot be recovered)
    TraceFrame *trace;  // the stack when the panic started, innermost first
    int ntrace;
};

// New deferred call record with room for [nargs] arguments.
Defer *defer_new(GoFunc *fn, int nargs);

// Snapshot [g]'s frames into [p] (called when a panic starts).
void panic_snapshot(G *g, Panic *p);

// Call after [g]'s panic chain changed: keeps the scheduler's count of goroutines unwinding
// a panic (Go's runningPanicDefers) in step with whether g has a non-Goexit panic.
void panic_track(G *g);

// Go's report of [g]'s unrecovered panic (the panic chain, then g's traceback) on stderr.
void panic_report(G *g);
// Print that report and exit with status 2.
GOL_NORETURN void panic_die(G *g);

// Go's SIGQUIT crash: `SIGQUIT: quit`, then every goroutine's state and stack on stderr,
// exit status 2. Called by the signal thread (runtime/signals.c), not by a goroutine.
GOL_NORETURN void panic_sigquit(void);

// Print "goroutine N [state]:" and its stack (innermost first) in Go's format to [buf].
// [trace] may be NULL to use g's live frames.
void traceback_print(G *g, const char *state, const TraceFrame *trace, int n);

// runtime.Stack: [self]'s traceback ("running"), then, if [all], every other live
// goroutine's after a blank line. Other goroutines keep running: their frames are read
// as they are at that moment.
void traceback_stacks(Buf *b, G *self, bool all);

// Text Go prints after "panic: " for a panic value (error -> Error(), Stringer -> String(),
// basic values, named basic types as main.T(v)...). May call Go methods on [g].
char *panic_value_text(G *g, GoIface *v);

// The value of panic(nil) since Go 1.21: a *runtime.PanicNilError.
GoIface *rt_panic_nil_error(void);

// The run-time error types (runtime.errorString / runtime.plainError), made on first use.
Type *rt_error_type(bool plain);

#endif
