// Helpers for the natives of gol's generic library functions (cmp, slices, maps). Such a
// native receives its type arguments first, as Type * in args[0..ntparams), then its
// arguments in the register form of their instantiated types; results are written in the
// register form of the instantiated result types (struct/array results as fresh copies).
#ifndef GOL_PKG_GENERIC_H
#define GOL_PKG_GENERIC_H

#include "rtype.h"
#include "gosize.h"
#include "native.h"

// Struct or array: the register form points to storage.
static inline bool gen_is_agg(Type *t) {
    Kind k = rt_under(t)->kind;
    return k == K_STRUCT || k == K_ARRAY;
}

// A value of type [t] fit to be returned as a result: structs and arrays are copied.
static inline Slot gen_result(Type *t, Slot v) {
    return gen_is_agg(t) ? (Slot){.p = val_clone(t, v.p)} : v;
}

// Storage of element [i] of slice [s] of element type [e].
static inline Slot *gen_at(Type *e, GoSlice *s, int64_t i) {
    return s->ptr + i * e->slots;
}

// Register form of element [i] (an alias for struct/array elements).
Slot gen_elem(Type *e, GoSlice *s, int64_t i);

// s[lo:hi:max] of a slice with element type [e]: a new header (nil stays nil when the
// result is empty at the start of a nil slice). The caller has checked the bounds.
GoSlice *gen_sub(Type *e, GoSlice *s, int64_t lo, int64_t hi, int64_t max);

// cmp.Compare and cmp.Less for values of a cmp.Ordered type [t] (NaNs sort first).
int gen_compare(Type *t, Slot a, Slot b);
bool gen_less(Type *t, Slot a, Slot b);
bool gen_is_nan(Type *t, Slot a);
// Go's builtin min(a, b) / max(a, b) for an ordered type (NaN wins; min(-0, 0) is -0).
Slot gen_min(Type *t, Slot a, Slot b);
Slot gen_max(Type *t, Slot a, Slot b);

// a == b for comparable [t]: 1, 0, or -1 after starting a panic (interfaces holding
// uncomparable values).
int gen_eq(G *g, Type *t, Slot a, Slot b);

// Call Go function [fn] with [nargs] arguments; its one result goes to *res. A nil fn
// panics as Go's call of a nil func does.
RtStatus gen_call(G *g, GoFunc *fn, Slot *args, int nargs, Slot *res);

#endif
