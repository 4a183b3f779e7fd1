// Natives of sync.OnceValue and sync.OnceValues (runtime/pkg/sync.go): generic functions
// whose work is done by the Go helpers onceValue/onceValues, registered at package init.
// Every value has a one-slot register form, so the helpers handle any T as a *byte (a
// pointer type, so that the collector sees pointers); a struct or array result is a
// pointer to storage, which the helper copies on every call (cloneSlot) so that callers
// never share it.
#include "generic.h"
#include "native.h"
#include "vm.h"

// The helpers, set once by sync's init before any call (the program's data is a GC root).
static GoFunc *once_value_fn, *once_values_fn;

// func setOnceHelpers(v, vs)
static RtStatus nat_set_once_helpers(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    once_value_fn = a[0].p;
    once_values_fn = a[1].p;
    return RT_OK;
}

// The Type of [t] as the helper's agg argument: t itself for structs and arrays, else NULL.
static Slot agg_arg(Type *t) {
    return (Slot){.p = gen_is_agg(t) ? t : NULL};
}

// func OnceValue[T any](f func() T) func() T
static RtStatus nat_once_value(G *g, Slot *a, Slot *res) {
    Slot args[2] = {a[1], agg_arg(a[0].p)};
    return vm_call(g, once_value_fn, args, 2, res, 1);
}

// func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2)
static RtStatus nat_once_values(G *g, Slot *a, Slot *res) {
    Slot args[3] = {a[2], agg_arg(a[0].p), agg_arg(a[1].p)};
    return vm_call(g, once_values_fn, args, 3, res, 1);
}

// func cloneSlot(agg *byte, v *byte) *byte
static RtStatus nat_clone_slot(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Type *t = a[0].p;
    res[0] = t ? (Slot){.p = val_clone(t, a[1].p)} : a[1];
    return RT_OK;
}

static const NativeEntry sync_once_natives[] = {
    {"sync.setOnceHelpers", nat_set_once_helpers},
    {"sync.OnceValue", nat_once_value},
    {"sync.OnceValues", nat_once_values},
    {"sync.cloneSlot", nat_clone_slot},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(sync_once_natives)
