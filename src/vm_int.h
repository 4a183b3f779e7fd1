// Internal interface between the VM's files: vm.c (dispatch loop), vm_frames.c (frames,
// calls, goroutine setup, nested calls, unwinding) and vm_ops.c (the slower operations the
// loop delegates to: slicing, conversions, assertions, printing, select).
#ifndef GOL_VM_INT_H
#define GOL_VM_INT_H

#include "../runtime/chan.h"
#include "../runtime/g.h"
#include "../runtime/map.h"
#include "../runtime/native.h"
#include "../runtime/panic.h"
#include "../runtime/memevent.h"
#include "../runtime/race.h"
#include "../runtime/sched.h"
#include "../runtime/value.h"
#include "../runtime/vm.h"
#include "chunk.h"
#include "compile.h"
#include "types.h"

// OP_MEMEV (vm_memev.c): report the shared-memory accesses instruction [next] of frame [f]
// (registers [R]) is about to make, from site [site]. True: yield before running it.
bool vm_memev(G *g, Frame *f, Slot *R, const Instr *next, uint32_t site);

// How vm_exec stopped running a goroutine, and what vm_unwind left to do. The first three
// are the scheduler's VmStatus (vm_run passes them on); the nested ones end a vm_call.
typedef enum ExecStatus {
    EXEC_YIELD = VM_YIELD, // budget spent or Gosched: the G goes back to a run queue
    EXEC_PARK = VM_PARK,   // the G parked (sched_park)
    EXEC_DONE = VM_DONE,   // the G finished: its entry function returned, or Goexit
    EXEC_NESTED_RETURN,    // the innermost FRAME_NESTED frame returned (results at its R[-1..])
    EXEC_NESTED_PANIC,     // a panic unwound out of the innermost FRAME_NESTED frame
    EXEC_RESUME,           // vm_unwind only: a frame continues (a deferred call, or recovery)
} ExecStatus;

// Stack limits: Go's default maximum stack is 1 GB; ours counts slots and frames.
#define VM_MAX_STACK_SLOTS (32 * 1024 * 1024)
#define VM_MAX_FRAMES (1024 * 1024)

// Run [g] from its top frame until it yields, parks, finishes, or (nested) returns from or
// panics out of its innermost FRAME_NESTED frame. Never returns EXEC_RESUME.
ExecStatus vm_exec(G *g, int budget);
// A native of package sync or sync/atomic (Lock, Unlock, Add, Wait, atomic ops...): a
// synchronisation operation on what its first argument points to (vm_frames.c).
bool vm_sync_native(const Proto *p);

// Push a frame for [p] (value [fn]) whose R[0] is g->stack[base]; grows the stack and frame
// array as needed (fatal "stack overflow" past the limits). The new frame starts at p's
// first instruction. Invalidates pointers into g->stack and g->frames.
Frame *vm_push_frame(G *g, Proto *p, GoFunc *fn, int64_t base);
// Make sure g->stack has at least [need] slots.
void vm_ensure_stack(G *g, int64_t need);

// Call native [p] with arguments copied from [args]; results to [res] (p->nresults).
RtStatus vm_call_native(G *g, Proto *p, const Slot *args, Slot *res);

// Start a deferred call [d] on top of the current frame: a Go function gets a frame with
// [flags] (returns true: continue dispatching in it); a native runs now (returns false,
// *st its status).
bool vm_start_deferred(G *g, Defer *d, uint8_t flags, RtStatus *st);

// Continue unwinding [g]'s active panic: EXEC_RESUME (dispatch the top frame: a deferred
// call starts or a recovered frame returns), EXEC_NESTED_PANIC (popped a FRAME_NESTED
// frame: the nested call panicked), EXEC_DONE (Goexit finished the goroutine, or the
// REPL ended it), EXEC_PARK (a deferred native parked). An unrecovered panic dies here.
ExecStatus vm_unwind(G *g);

// ---- vm_rangefunc.c: range over functions ----
// The body closure of a range-over-func loop (proto [bp]) started by frame [f]: a new
// loop state, a snapshot of R[0..nsnap), and f's first [ncaps] captures.
GoFunc *vm_rf_body(G *g, Frame *f, Proto *bp, const Slot *R, int nsnap, int ncaps);
// Body prologue (RFENTER); false after setting Go's panic for a misbehaving iterator.
bool vm_rf_enter(G *g, GoFunc *fn, Slot *R, int a, int nargs);
void vm_rf_set_state(GoFunc *fn, int state);
// The iterator of body closure [fn] returned (RFEXIT); false after setting a panic.
bool vm_rf_exit(G *g, GoFunc *fn);
// The frame of the function around the loop of body closure [fn] (fatal when called on
// another goroutine).
Frame *vm_rf_home(G *g, GoFunc *fn);

// ---- vm_ops.c ----
RtStatus op_slice_string(G *g, Slot *dst, GoString *s, Slot *lo, Slot *hi);
RtStatus op_slice_slice(G *g, Slot *dst, GoSlice *s, int es, Slot *lo, Slot *hi, Slot *max);
RtStatus op_slice_array(G *g, Slot *dst, Slot *arr, int64_t len, int es, Slot *lo, Slot *hi,
                        Slot *max);
RtStatus op_index_panic(G *g, int64_t i, int64_t len);
RtStatus op_nil_panic(G *g);
GoString *op_str_rune(int64_t r);
GoString *op_str_bytes(GoSlice *s);
GoString *op_str_runes(GoSlice *s);
GoSlice *op_bytes_str(GoString *s);
GoSlice *op_runes_str(GoString *s);
RtStatus op_makeslice(G *g, Slot *dst, Type *st, int64_t len, int64_t cap);
RtStatus op_append_slice(G *g, Slot *dst, Type *et, GoSlice *s, Slot src, bool src_is_string);
int64_t op_copy(Type *et, GoSlice *dst, Slot src, bool src_is_string);
RtStatus op_assert_fail(G *g, GoIface *box, Type *want, Type *from);
void op_print(G *g, Slot *vals, int n, const Instr *types, const Slot *k, bool ln);
void op_minmax(Slot *dst, Slot *vals, int n, int is_max, int kind);
RtStatus op_select(G *g, Slot *R, const Instr *i, const Instr *x);
RtStatus op_slice_to_array(G *g, Slot *dst, GoSlice *s, Type *at, bool copy);
int64_t op_f2i(double f);
int32_t op_f2i32(double f);
uint64_t op_f2u(double f);
// Whether dynamic type [t] (NULL: a nil interface, false) has every method of interface
// type [iface] with the right signature; cached per type (methods.c). Interface assertions
// and type switches use it.
bool rt_implements(Type *t, Type *iface);
// The first method of [iface] that [t] lacks (for "missing method M" messages).
const char *rt_missing_method(Type *t, Type *iface);

// The uncontended case of a native marked with a PROTO_FAST_* id, run by CALLK without a
// native call: sync.Mutex.Lock of an unlocked mutex (state 0 -> locked) and Unlock of a
// locked one nobody waits for (locked -> 0), the CAS that begins Go's Lock and Unlock
// (runtime/pkg/sync.c keeps the state in the struct's first slot). False: call the native,
// which handles everything else (waiters, starvation, nil receivers, unlock of unlocked).
static inline bool vm_fastpath(uint8_t id, const Slot *args) {
    Slot *m = args[0].p;
    // Under -race the native records the happens-before edge; under --seed and explore
    // it is a scheduling point. Only a plain run takes the shortcut.
    if (!m || race_enabled || memevent_enabled)
        return false;
    bool lock = id == PROTO_FAST_MUTEX_LOCK;
    int64_t want = lock ? 0 : 1;
    return atomic_compare_exchange_strong((_Atomic int64_t *)&m->i, &want, lock ? 1 : 0);
}

#endif
