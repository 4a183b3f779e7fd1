// Natives of package slices that search and compare (runtime/pkg/slices.go): Equal,
// EqualFunc, Compare, CompareFunc, Index, IndexFunc, Contains, ContainsFunc, Reverse.
// Each takes its type arguments first (generic.h): a[0] is S, a[1] is E for the
// one-slice functions.
#include "generic.h"

#define ELEM(a) ((Type *)(a)[1].p)

// Equal[S ~[]E, E comparable](s1, s2 S) bool
static RtStatus nat_equal(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *x = a[2].p, *y = a[3].p;
    res[0].i = 0;
    if (slice_len(x) != slice_len(y))
        return RT_OK;
    for (int64_t i = 0; i < slice_len(x); i++) {
        int eq = gen_eq(g, e, gen_elem(e, x, i), gen_elem(e, y, i));
        if (eq < 0)
            return RT_PANIC;
        if (!eq)
            return RT_OK;
    }
    res[0].i = 1;
    return RT_OK;
}

// EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool
static RtStatus nat_equal_func(G *g, Slot *a, Slot *res) {
    Type *e1 = a[2].p, *e2 = a[3].p;
    GoSlice *x = a[4].p, *y = a[5].p;
    res[0].i = 0;
    if (slice_len(x) != slice_len(y))
        return RT_OK;
    for (int64_t i = 0; i < slice_len(x); i++) {
        Slot args[2] = {gen_elem(e1, x, i), gen_elem(e2, y, i)}, r;
        RtStatus st = gen_call(g, a[6].p, args, 2, &r);
        if (st != RT_OK || !r.i)
            return st;
    }
    res[0].i = 1;
    return RT_OK;
}

// Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int
static RtStatus nat_compare(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Type *e = ELEM(a);
    GoSlice *x = a[2].p, *y = a[3].p;
    int64_t nx = slice_len(x), ny = slice_len(y);
    for (int64_t i = 0; i < nx; i++) {
        if (i >= ny) {
            res[0].i = 1;
            return RT_OK;
        }
        int c = gen_compare(e, gen_elem(e, x, i), gen_elem(e, y, i));
        if (c != 0) {
            res[0].i = c;
            return RT_OK;
        }
    }
    res[0].i = nx < ny ? -1 : 0;
    return RT_OK;
}

// CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int
static RtStatus nat_compare_func(G *g, Slot *a, Slot *res) {
    Type *e1 = a[2].p, *e2 = a[3].p;
    GoSlice *x = a[4].p, *y = a[5].p;
    int64_t nx = slice_len(x), ny = slice_len(y);
    for (int64_t i = 0; i < nx; i++) {
        if (i >= ny) {
            res[0].i = 1;
            return RT_OK;
        }
        Slot args[2] = {gen_elem(e1, x, i), gen_elem(e2, y, i)}, r;
        RtStatus st = gen_call(g, a[6].p, args, 2, &r);
        if (st != RT_OK)
            return st;
        if (r.i != 0) {
            res[0].i = r.i;
            return RT_OK;
        }
    }
    res[0].i = nx < ny ? -1 : 0;
    return RT_OK;
}

// The index of the first element == v, or -1; -2 after a panic.
static int64_t index_of(G *g, Type *e, GoSlice *s, Slot v) {
    for (int64_t i = 0; i < slice_len(s); i++) {
        int eq = gen_eq(g, e, v, gen_elem(e, s, i));
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

// Index[S ~[]E, E comparable](s S, v E) int
static RtStatus nat_index(G *g, Slot *a, Slot *res) {
    res[0].i = index_of(g, ELEM(a), a[2].p, a[3]);
    return res[0].i == -2 ? RT_PANIC : RT_OK;
}

// Contains[S ~[]E, E comparable](s S, v E) bool
static RtStatus nat_contains(G *g, Slot *a, Slot *res) {
    int64_t i = index_of(g, ELEM(a), a[2].p, a[3]);
    res[0].i = i >= 0;
    return i == -2 ? RT_PANIC : RT_OK;
}

// The first i with f(s[i]) true, or -1 (*st: the calls' status).
static int64_t index_func(G *g, Type *e, GoSlice *s, GoFunc *f, RtStatus *st) {
    *st = RT_OK;
    for (int64_t i = 0; i < slice_len(s); i++) {
        Slot arg = gen_elem(e, s, i), r;
        *st = gen_call(g, f, &arg, 1, &r);
        if (*st != RT_OK)
            return -1;
        if (r.i)
            return i;
    }
    return -1;
}

// IndexFunc[S ~[]E, E any](s S, f func(E) bool) int
static RtStatus nat_index_func(G *g, Slot *a, Slot *res) {
    RtStatus st;
    res[0].i = index_func(g, ELEM(a), a[2].p, a[3].p, &st);
    return st;
}

// ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool
static RtStatus nat_contains_func(G *g, Slot *a, Slot *res) {
    RtStatus st;
    res[0].i = index_func(g, ELEM(a), a[2].p, a[3].p, &st) >= 0;
    return st;
}

// Reverse[S ~[]E, E any](s S)
static RtStatus nat_reverse(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(res);
    Type *e = ELEM(a);
    GoSlice *s = a[2].p;
    int k = e->slots;
    for (int64_t i = 0, j = slice_len(s) - 1; i < j; i++, j--) {
        Slot *x = gen_at(e, s, i), *y = gen_at(e, s, j);
        for (int w = 0; w < k; w++) {
            Slot t = x[w];
            x[w] = y[w];
            y[w] = t;
        }
    }
    return RT_OK;
}

static const NativeEntry slices_natives[] = {
    {"slices.Equal", nat_equal},
    {"slices.EqualFunc", nat_equal_func},
    {"slices.Compare", nat_compare},
    {"slices.CompareFunc", nat_compare_func},
    {"slices.Index", nat_index},
    {"slices.Contains", nat_contains},
    {"slices.IndexFunc", nat_index_func},
    {"slices.ContainsFunc", nat_contains_func},
    {"slices.Reverse", nat_reverse},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(slices_natives)
