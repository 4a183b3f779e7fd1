// Helpers for the natives of generic library functions (generic.h): element access,
// cmp.Ordered comparisons with Go's NaN rules, equality, callbacks and bounds checks.
#include "generic.h"

#include <inttypes.h>
#include <math.h>

#include "gosize.h"
#include "vm.h"

Slot gen_elem(Type *e, GoSlice *s, int64_t i) {
    return val_load(e, gen_at(e, s, i));
}

GoSlice *gen_sub(Type *e, GoSlice *s, int64_t lo, int64_t hi, int64_t max) {
    if (!s)
        return NULL;
    return slice_wrap(s->ptr + lo * e->slots, hi - lo, max - lo);
}

static bool is_float(Type *t) {
    Kind k = rt_under(t)->kind;
    return k == K_FLOAT32 || k == K_FLOAT64;
}

bool gen_is_nan(Type *t, Slot a) {
    return is_float(t) && isnan(a.f);
}

int gen_compare(Type *t, Slot a, Slot b) {
    switch (rt_under(t)->kind) {
    case K_FLOAT32: case K_FLOAT64: {
        bool an = isnan(a.f), bn = isnan(b.f);
        if (an)
            return bn ? 0 : -1;
        if (bn)
            return 1;
        return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
    }
    case K_STRING: {
        int c = str_cmp(a.p, b.p);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR:
        return a.u < b.u ? -1 : a.u > b.u ? 1 : 0;
    default:
        return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    }
}

bool gen_less(Type *t, Slot a, Slot b) {
    return gen_compare(t, a, b) < 0;
}

Slot gen_min(Type *t, Slot a, Slot b) {
    if (is_float(t)) {
        if (isnan(a.f) || isnan(b.f))
            return isnan(a.f) ? a : b;
        if (a.f == 0 && b.f == 0)
            return signbit(a.f) ? a : b;
    }
    return gen_less(t, b, a) ? b : a;
}

Slot gen_max(Type *t, Slot a, Slot b) {
    if (is_float(t)) {
        if (isnan(a.f) || isnan(b.f))
            return isnan(a.f) ? a : b;
        if (a.f == 0 && b.f == 0)
            return signbit(a.f) ? b : a;
    }
    return gen_less(t, a, b) ? b : a;
}

int gen_eq(G *g, Type *t, Slot a, Slot b) {
    return val_eq(g, t, a, b);
}

RtStatus gen_call(G *g, GoFunc *fn, Slot *args, int nargs, Slot *res) {
    if (!fn)
        return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
    Slot r[1] = {{0}};
    RtStatus st = vm_call(g, fn, args, nargs, r, res ? 1 : 0);
    if (res)
        *res = r[0];
    return st;
}

