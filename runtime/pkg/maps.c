// Natives of package maps (runtime/pkg/maps.go): Equal, EqualFunc, Clone, Copy and
// DeleteFunc. Iteration starts at a random entry, as Go's range over a map does, so the
// order of calls to eq and del is as unpredictable as Go's.
#include "generic.h"
#include "map.h"
#include "sched.h"

// Equal / EqualFunc over m1's entries; [v] NULL: values are compared by calling [eq],
// else of type [v] with ==.
static RtStatus equal(G *g, Type *v, GoMap *m1, GoMap *m2, GoFunc *eq, Slot *res) {
    res[0].i = 0;
    if (map_len(m1) != map_len(m2))
        return RT_OK;
    MapIter it;
    Slot k, v1, v2;
    map_iter_init(&it, m1, sched_rand());
    while (map_iter_next(g, &it, &k, &v1)) {
        bool ok;
        RtStatus st = map_get_value(g, m2, k, &v2, &ok);
        if (st != RT_OK || !ok)
            return st;
        int same;
        if (!v) {
            Slot args[2] = {v1, v2}, r;
            st = gen_call(g, eq, args, 2, &r);
            if (st != RT_OK)
                return st;
            same = r.i != 0;
        } else if ((same = gen_eq(g, v, v1, v2)) < 0) {
            return RT_PANIC;
        }
        if (!same)
            return RT_OK;
    }
    res[0].i = 1;
    return RT_OK;
}

// Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool
static RtStatus nat_equal(G *g, Slot *a, Slot *res) {
    return equal(g, a[3].p, a[4].p, a[5].p, NULL, res);
}

// EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1, m2, eq) bool
static RtStatus nat_equal_func(G *g, Slot *a, Slot *res) {
    return equal(g, NULL, a[5].p, a[6].p, a[7].p, res);
}

// Every entry of [src] into [dst].
static RtStatus copy_entries(G *g, GoMap *dst, GoMap *src) {
    MapIter it;
    Slot k, v;
    map_iter_init(&it, src, sched_rand());
    while (map_iter_next(g, &it, &k, &v)) {
        RtStatus st = map_set(g, dst, k, v);
        if (st != RT_OK)
            return st;
    }
    return RT_OK;
}

// Clone[M ~map[K]V, K comparable, V any](m M) M
static RtStatus nat_clone(G *g, Slot *a, Slot *res) {
    GoMap *m = a[3].p;
    res[0].p = NULL;
    if (!m)
        return RT_OK;
    GoMap *c = map_make(map_type(m), map_len(m));
    res[0].p = c;
    return copy_entries(g, c, m);
}

// Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2)
static RtStatus nat_copy(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    return copy_entries(g, a[4].p, a[5].p);
}

// DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool)
static RtStatus nat_delete_func(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    GoMap *m = a[3].p;
    MapIter it;
    Slot k, v;
    map_iter_init(&it, m, sched_rand());
    while (map_iter_next(g, &it, &k, &v)) {
        Slot args[2] = {k, v}, r;
        RtStatus st = gen_call(g, a[4].p, args, 2, &r);
        if (st == RT_OK && r.i)
            st = map_delete(g, m, k);
        if (st != RT_OK)
            return st;
    }
    return RT_OK;
}

static const NativeEntry maps_natives[] = {
    {"maps.Equal", nat_equal},
    {"maps.EqualFunc", nat_equal_func},
    {"maps.Clone", nat_clone},
    {"maps.Copy", nat_copy},
    {"maps.DeleteFunc", nat_delete_func},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(maps_natives)
