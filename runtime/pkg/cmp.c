// Natives of package cmp (runtime/pkg/cmp.go): Less, Compare and Or over the type
// argument each call passes first (generic.h).
#include "generic.h"

// Less[T Ordered](x, y T) bool
static RtStatus nat_less(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = gen_less(a[0].p, a[1], a[2]);
    return RT_OK;
}

// Compare[T Ordered](x, y T) int
static RtStatus nat_compare(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = gen_compare(a[0].p, a[1], a[2]);
    return RT_OK;
}

// Or[T comparable](vals ...T) T: the first value != the zero value.
static RtStatus nat_or(G *g, Slot *a, Slot *res) {
    Type *t = a[0].p;
    GoSlice *vals = a[1].p;
    Slot *zero = val_new_storage(t);
    Slot z = val_load(t, zero);
    for (int64_t i = 0; i < slice_len(vals); i++) {
        Slot v = gen_elem(t, vals, i);
        int eq = gen_eq(g, t, v, z);
        if (eq < 0)
            return RT_PANIC;
        if (!eq) {
            res[0] = gen_result(t, v);
            return RT_OK;
        }
    }
    res[0] = z;
    return RT_OK;
}

static const NativeEntry cmp_natives[] = {
    {"cmp.Less", nat_less},
    {"cmp.Compare", nat_compare},
    {"cmp.Or", nat_or},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(cmp_natives)
