// Natives of package sync/atomic (runtime/pkg/sync_atomic.go). Every operation works on the
// whole 8-byte slot at args[0].p with sequentially consistent C11 atomics; 32-bit kinds are
// CAS loops that store the canonical sign-extended (int32) or zero-extended (uint32) form,
// so ordinary loads of the variable keep seeing a valid register-form value.
#include <stdatomic.h>

#include "native.h"
#include "race.h"

typedef enum Width { I32, U32, W64 } Width;

static _Atomic uint64_t *cell(Slot *args) {
    return (_Atomic uint64_t *)&((Slot *)args[0].p)->u;
}

static uint64_t canon(Width w, uint64_t v) {
    switch (w) {
    case I32: return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
    case U32: return (uint32_t)v;
    case W64: return v;
    }
    return v;
}

static RtStatus op_add(Width w, Slot *args, Slot *res) {
    if (w == W64) {
        res[0].u = atomic_fetch_add(cell(args), args[1].u) + args[1].u;
        return RT_OK;
    }
    uint64_t old = atomic_load(cell(args)), next;
    do {
        next = canon(w, old + args[1].u);
    } while (!atomic_compare_exchange_weak(cell(args), &old, next));
    res[0].u = next;
    return RT_OK;
}

static RtStatus op_load(Slot *args, Slot *res) {
    res[0].u = atomic_load(cell(args));
    return RT_OK;
}

static RtStatus op_store(Width w, Slot *args) {
    atomic_store(cell(args), canon(w, args[1].u));
    return RT_OK;
}

static RtStatus op_swap(Width w, Slot *args, Slot *res) {
    res[0].u = atomic_exchange(cell(args), canon(w, args[1].u));
    return RT_OK;
}

static RtStatus op_cas(Width w, Slot *args, Slot *res) {
    uint64_t old = canon(w, args[1].u);
    res[0].i = atomic_compare_exchange_strong(cell(args), &old, canon(w, args[2].u));
    return RT_OK;
}

// And and Or (Go 1.23) return the old value. Both keep a canonical slot canonical: the
// upper half of a sign- or zero-extended 32-bit form is a function of bit 31 (or zero),
// and so is that of the result, so the whole slot is operated on at once.
static RtStatus op_and(Slot *args, Slot *res) {
    res[0].u = atomic_fetch_and(cell(args), args[1].u);
    return RT_OK;
}

static RtStatus op_or(Slot *args, Slot *res) {
    res[0].u = atomic_fetch_or(cell(args), args[1].u);
    return RT_OK;
}

// One native per Go function: NAME##KIND calls op with the width.
#define ATOMIC_FNS(KIND, W)                                                                        \
    static RtStatus add_##KIND(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[0].p, op_add(W, a, r)); } \
    static RtStatus load_##KIND(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[0].p, op_load(a, r)); }  \
    static RtStatus store_##KIND(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[0].p, op_store(W, a)); }\
    static RtStatus swap_##KIND(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[0].p, op_swap(W, a, r)); }\
    static RtStatus cas_##KIND(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[0].p, op_cas(W, a, r)); }\
    static RtStatus and_##KIND(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[0].p, op_and(a, r)); }   \
    static RtStatus or_##KIND(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[0].p, op_or(a, r)); }

ATOMIC_FNS(Int32, I32)
ATOMIC_FNS(Int64, W64)
ATOMIC_FNS(Uint32, U32)
ATOMIC_FNS(Uint64, W64)
ATOMIC_FNS(Uintptr, W64)

// Pointer[T]'s generic natives: args[0] is the type argument, then the ordinary arguments.
static RtStatus load_ptr(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[1].p, op_load(a + 1, r)); }
static RtStatus store_ptr(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[1].p, op_store(W64, a + 1)); }
static RtStatus swap_ptr(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[1].p, op_swap(W64, a + 1, r)); }
static RtStatus cas_ptr(G *g, Slot *a, Slot *r) { RACE_ATOMIC(g, a[1].p, op_cas(W64, a + 1, r)); }

// ---- Value: one slot holding a GoIface * (NULL before the first Store) ----

static _Atomic(GoIface *) *vcell(Slot *args) {
    return (_Atomic(GoIface *) *)&((Slot *)args[0].p)->p;
}

static RtStatus value_load_op(Slot *args, Slot *res) {
    res[0].p = atomic_load(vcell(args));
    return RT_OK;
}

static RtStatus value_load(G *g, Slot *args, Slot *res) {
    RACE_ATOMIC(g, args[0].p, value_load_op(args, res));
}

// Installs [nv] (checked non-nil, same dynamic type as any stored value); returns the old.
static RtStatus value_swap_in(G *g, Slot *args, GoIface **old, const char *nil_msg,
                              const char *type_msg) {
    GoIface *nv = args[1].p;
    if (!nv)
        return rt_panic_str(g, nil_msg);
    GoIface *cur = atomic_load(vcell(args));
    do {
        if (cur && cur->type != nv->type)
            return rt_panic_str(g, type_msg);
    } while (!atomic_compare_exchange_weak(vcell(args), &cur, nv));
    *old = cur;
    return RT_OK;
}

static RtStatus value_store(G *g, Slot *args, Slot *res) {
    GoIface *old;
    RACE_ATOMIC(g, args[0].p,
                value_swap_in(g, args, &old, "sync/atomic: store of nil value into Value",
                              "sync/atomic: store of inconsistently typed value into Value"));
}

static RtStatus value_swap(G *g, Slot *args, Slot *res) {
    GoIface *old = NULL;
    RtStatus st;
    if (race_enabled)
        race_atomic_begin();
    st = value_swap_in(g, args, &old, "sync/atomic: swap of nil value into Value",
                       "sync/atomic: swap of inconsistently typed value into Value");
    if (race_enabled)
        race_atomic_end(g, args[0].p);
    res[0].p = old;
    return st;
}

static RtStatus value_cas(G *g, Slot *args, Slot *res) {
    GoIface *ov = args[1].p, *nv = args[2].p;
    res[0].i = 0;
    if (!nv)
        return rt_panic_str(g, "sync/atomic: compare and swap of nil value into Value");
    if (ov && ov->type != nv->type)
        return rt_panic_str(g, "sync/atomic: compare and swap of inconsistently typed values");
    if (race_enabled) // not ordered with other atomics: iface_eq may run Go code
        race_acq_rel(g, args[0].p);
    for (;;) {
        GoIface *cur = atomic_load(vcell(args));
        if (!cur) {
            if (ov)
                return RT_OK;
            if (atomic_compare_exchange_strong(vcell(args), &cur, nv)) {
                res[0].i = 1;
                return RT_OK;
            }
            continue;
        }
        if (cur->type != nv->type)
            return rt_panic_str(
                g, "sync/atomic: compare and swap of inconsistently typed value into Value");
        int eq = iface_eq(g, cur, ov);
        if (eq < 0)
            return RT_PANIC;
        if (!eq)
            return RT_OK;
        if (atomic_compare_exchange_strong(vcell(args), &cur, nv)) {
            res[0].i = 1;
            return RT_OK;
        }
    }
}

#define ATOMIC_ENTRIES(KIND)                                                                       \
    {"sync/atomic.Add" #KIND, add_##KIND}, {"sync/atomic.Load" #KIND, load_##KIND},                \
        {"sync/atomic.Store" #KIND, store_##KIND}, {"sync/atomic.Swap" #KIND, swap_##KIND},        \
        {"sync/atomic.CompareAndSwap" #KIND, cas_##KIND}, {"sync/atomic.And" #KIND, and_##KIND},   \
        {"sync/atomic.Or" #KIND, or_##KIND}

static const NativeEntry sync_atomic_natives[] = {
    ATOMIC_ENTRIES(Int32),
    ATOMIC_ENTRIES(Int64),
    ATOMIC_ENTRIES(Uint32),
    ATOMIC_ENTRIES(Uint64),
    ATOMIC_ENTRIES(Uintptr),
    {"sync/atomic.loadPointer", load_ptr},
    {"sync/atomic.storePointer", store_ptr},
    {"sync/atomic.swapPointer", swap_ptr},
    {"sync/atomic.casPointer", cas_ptr},
    {"sync/atomic.Value.Load", value_load},
    {"sync/atomic.Value.Store", value_store},
    {"sync/atomic.Value.Swap", value_swap},
    {"sync/atomic.Value.CompareAndSwap", value_cas},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(sync_atomic_natives)
