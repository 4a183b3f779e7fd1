// The interface between the VM and C code it calls: natives (bodyless Go functions of gol's
// standard library, runtime/pkg/*.c), and the runtime services they use (panics, nested calls
// back into Go code). Every native has the same shape, so adding a package is adding a file.
#ifndef GOL_NATIVE_H
#define GOL_NATIVE_H

#include "common.h"
#include "g.h"
#include "value.h"

// Result of a native or runtime operation.
typedef enum RtStatus {
    RT_OK = 0,    // done; results written
    RT_PARK = 1,  // the G was parked (sched_park returned it); only natives without results park
    RT_PANIC = 2, // a panic was started on the G (rt_panic_*); unwinding follows
    RT_YIELD = 3, // results written; the G wants to yield (runtime.Gosched): the VM returns
                  // VM_YIELD right after the call (inside a nested call it just goes on)
} RtStatus;

// A native Go function. [args] holds the arguments in register form, receiver first for
// methods; a variadic tail arrives as one slice (as in Go). Results go to [res] (a separate
// buffer: args stay readable while results are written). A native may call back into Go with
// vm_call (vm.h), may park (RT_PARK, only if it has no results), and may panic (RT_PANIC).
typedef RtStatus (*NativeFn)(G *g, Slot *args, Slot *res);

// Binding of a bodyless function declared in runtime/pkg/NAME.go to its C implementation.
// [name] is "pkg.Func" for functions and "pkg.Type.Method" for methods (pointer receivers
// too), where pkg is the package path ("math/rand.Intn").
typedef struct NativeEntry {
    const char *name;
    NativeFn fn;
} NativeEntry;

// Look up a native by its full name; NULL if unknown.
NativeFn native_lookup(const char *name);

// Register a table of natives (terminated by {NULL, NULL}). Each runtime/pkg/NAME.c
// registers its table with GOL_REGISTER_NATIVES(table) at program start.
void native_register(const NativeEntry *table);
#define GOL_REGISTER_NATIVES(table)                                                                \
    __attribute__((constructor)) static void register_##table(void) {                             \
        native_register(table);                                                                    \
    }

// The same for a table whose natives need a shared library: [load] (idempotent; it may end
// the program with a fatal error) runs when the compiler first binds one of them, so a
// program that does not use the package never maps the library (see docs/decisions.md).
void native_register_lazy(const NativeEntry *table, void (*load)(void));
#define GOL_REGISTER_NATIVES_LAZY(table, load)                                                     \
    __attribute__((constructor)) static void register_##table(void) {                             \
        native_register_lazy(table, load);                                                         \
    }

// Start a panic on [g] with a value and return RT_PANIC.
RtStatus rt_panic_value(G *g, GoIface *value);
// panic(string) with the given text (value type string, printed as `panic: text`).
RtStatus rt_panic_str(G *g, const char *text);
// A runtime error: the value is a runtime.Error whose Error() is "runtime error: " + text
// (e.g. "index out of range [5] with length 3").
RtStatus rt_panic_runtime(G *g, const char *fmt, ...) GOL_PRINTF(2, 3);
// An index, slice-bounds or slice-to-array length error: like rt_panic_runtime, with the
// value's dynamic type runtime.boundsError as in Go.
RtStatus rt_panic_bounds(G *g, const char *fmt, ...) GOL_PRINTF(2, 3);
// Go's bounds checks and panic texts for x[lo:hi] and x[lo:hi:max] against [cap] ([what]
// is "length" or "capacity"); RT_OK when in bounds.
RtStatus rt_check_slice2(G *g, int64_t lo, int64_t hi, int64_t cap, const char *what);
RtStatus rt_check_slice3(G *g, int64_t lo, int64_t hi, int64_t max, int64_t cap,
                         const char *what);
// A failed type assertion: the value is a *runtime.TypeAssertionError with Error() == text.
RtStatus rt_panic_assert(G *g, const char *text);
// A runtime error (runtime.Error) whose Error() is [text] itself, without the "runtime error: "
// prefix, as Go's plainError: "assignment to entry in nil map" prints as
// `panic: assignment to entry in nil map`.
RtStatus rt_panic_plain(G *g, const char *text);
// A plain error value with Error() == text (like errors.New(text)), e.g. for
// "sync: negative WaitGroup counter".
RtStatus rt_panic_error(G *g, const char *text);

// Print "fatal error: [msg]" and the goroutine traces as Go does, flush output, exit 2.
// Fatal errors cannot be recovered ("concurrent map writes", "all goroutines are asleep").
GOL_NORETURN void rt_fatal(G *g, const char *msg);
// Go's stack overflow: the `runtime: goroutine stack exceeds` line, then rt_fatal.
GOL_NORETURN void rt_stack_overflow(G *g);

// runtime.Goexit: marks [g] as exiting and returns RT_PANIC-like unwinding status; deferred
// calls run, then the goroutine ends (the VM implements this).
RtStatus rt_goexit(G *g);

// Program arguments as os.Args sees them (argv[0] is the script's name). Set by the CLI.
void rt_set_args(int argc, char **argv);
int rt_args(char ***argv);

// The current goroutine on this thread, or NULL outside the VM.
G *g_current(void);

#endif
