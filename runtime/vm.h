// The VM's side of the seam: everything the runtime, the packages' natives and the CLI call
// in the VM. Implemented in src/ (vm.c, vm_frames.c, methods.c, and lookup.c for the spec's
// type relations); declared here because the runtime sits below the VM and never includes a
// src/ header, so it names the services it needs and the VM provides them (Lua's lua_call
// from a C function). This is the one upcall interface from runtime/ into src/; declare
// nothing of it anywhere else (tools/layers.sh checks). docs/decisions.md, "Layers".
#ifndef GOL_VM_H
#define GOL_VM_H

#include <stdint.h>

#include "common.h"
#include "g.h"
#include "native.h"

typedef struct Type Type;

// What vm_run stopped for.
typedef enum VmStatus {
    VM_YIELD, // budget exhausted or Gosched: put the G at the back of a run queue
    VM_PARK,  // the G called sched_park; the M calls its unlockf after stopping it
    VM_DONE,  // the G finished (returned from its entry function or Goexit)
} VmStatus;

// Run [g] on the current thread until it yields, parks or finishes (src/vm.c).
// [budget] is the number of preemption points (backward jumps and calls) it may pass.
VmStatus vm_run(G *g, int budget);

// Call Go function value [fn] with [nargs] register-form arguments; writes its results to
// [res]. Runs a nested dispatch loop on the current native thread; if the callee blocks,
// the thread blocks (the scheduler hands the P to another M meanwhile). Returns RT_OK, or
// RT_PANIC if the call panicked and did not recover (the panic stays active on g: the
// caller must return RT_PANIC too).
RtStatus vm_call(G *g, GoFunc *fn, const Slot *args, int nargs, Slot *res, int nres);

// A new goroutine that will call [fn] with [nargs] register-form arguments, made runnable
// with sched_spawn. Used by the `go` statement and by time.AfterFunc. Returns the G.
G *vm_go(GoFunc *fn, const Slot *args, int nargs);

// The main goroutine running [entry] (not yet runnable): the CLI, `gol test`, explore and
// the REPL hand it to sched_main or sched_repl_run.
G *vm_main_g(GoFunc *entry);

// A function of [nparams] register-form parameters (receiver included) and [nresults]
// results implemented by native [fn], named [name] in tracebacks; [sig] is its Go
// signature (may be NULL for a stub). Hidden functions are left out of tracebacks.
Proto *vm_native_proto(const char *name, NativeFn fn, Type *sig, int nparams, int nresults,
                       bool hidden);

// ---- methods at run time (src/methods.c) ----

// A type `runtime.[name]` with underlying type [under], declared by the runtime itself (its
// error types: runtime.boundsError, *runtime.TypeAssertionError...). Give it methods with
// vm_native_method before any value of it exists.
Type *vm_runtime_type(const char *name, Type *under);
// Add to [named] (from vm_runtime_type) the method [name] of signature [sig] (K_FUNC without
// receiver), implemented by native [fn], with receiver *named when [ptr]. Tracebacks name it
// runtime.T.M or runtime.(*T).M.
void vm_native_method(Type *named, bool ptr, const char *name, Type *sig, NativeFn fn);

// Method [name] in the method set of dynamic type [t], as a function value taking the
// receiver (t's register form) as its first argument; NULL if t has no such method.
// Used by fmt for String()/Error() and by sort for sort.Interface. Cached per type.
GoFunc *rt_method(Type *t, const char *name);
// The method value recv.name for a receiver of dynamic type [t] in register form (what
// `x.M` evaluates to): a closure that calls the method on [recv]; NULL if t has no such
// method. Used by reflect's Value.Interface of a method value.
GoFunc *rt_method_value(Type *t, const char *name, Slot recv);
// The names of the methods declared on named type [t] (promoted ones not included), in
// declaration order, in a new array; *[n] gets their number. reflect's method sets.
const char **rt_declared_methods(Type *t, int *n);
// A function of signature [sig] whose body is `return target(*caps[0], args...)`: [target]
// (usually a native) receives the closure's captured data first. Used by reflect.MakeFunc.
Proto *rt_call_thunk(Type *sig, Proto *target);
// A function running one select statement over [n] cases, case i being a send when
// send[i] (else a receive with ok), with a default case when [has_default]. Its arguments
// are a channel and a value (sent, or ignored) per case; it returns the chosen case (-1:
// default), the received value and ok. Used by reflect's Send, Recv and Select.
Proto *rt_select_thunk(int n, const uint8_t *send, bool has_default);

// ---- the spec's type relations (src/lookup.c, shared with the checker) ----

// Whether [t] implements interface [iface]. On failure, when [missing] is non-NULL, sets it
// to the first missing method's name and *wrong_ptr when the method exists only with a
// pointer receiver (Go: "method M has pointer receiver").
bool type_implements(Type *t, Type *iface, const char **missing, bool *wrong_ptr);

// Assignability (spec "Assignability") of a value of type [v] to type [t] (both typed, or v
// untyped nil/bool/...; constants' representability is checked separately).
bool type_assignable(Type *v, Type *t);

// Convertibility (spec "Conversions") for non-constant values.
bool type_convertible(Type *v, Type *t);

#endif
