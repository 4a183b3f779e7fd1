// Natives of package slices that order elements (runtime/pkg/slices.go): Sort, SortFunc,
// SortStableFunc, IsSorted(Func), Min/Max(Func), BinarySearch(Func). The sorts run Go's
// pdqsort and stable sort (sort_pdq.c, the same generated code in Go's sort and slices
// packages) with cmp.Less or the cmp function as less, so equal elements end up where Go
// leaves them and a cmp function sees Go's sequence of calls.
#include <stdint.h>

#include "generic.h"
#include "memevent.h"
#include "sort_pdq.h"

// Type arguments come first: a[0] is S, a[1] is E; the slice follows (generic.h).
#define ELEM(a) ((Type *)(a)[1].p)

static bool less_ordered(SortData *d, int64_t i, int64_t j) {
    return gen_less(d->elem_type, d->elems[i], d->elems[j]);
}

// cmp(x[i], x[j]) < 0; a failing call stops the sort (d->st).
static bool less_cmp(SortData *d, int64_t i, int64_t j) {
    if (d->st != RT_OK)
        return false;
    int k = d->elem_slots;
    Slot args[2] = {val_load(d->elem_type, d->elems + i * k),
                    val_load(d->elem_type, d->elems + j * k)};
    Slot r;
    d->st = gen_call(d->g, d->less_fn, args, 2, &r);
    return d->st == RT_OK && r.i < 0;
}

static SortData sort_data(G *g, Type *e, GoSlice *s, GoFunc *cmp) {
    SortData d = {.g = g, .st = RT_OK, .swap = sort_swap_elems, .elem_type = e,
                  .elem_slots = e->slots, .less_fn = cmp};
    d.less = cmp ? less_cmp : less_ordered;
    d.elems = s ? s->ptr : NULL;
    return d;
}

// Sort[S ~[]E, E cmp.Ordered](x S)
static RtStatus nat_sort(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    int64_t n = slice_len(a[2].p);
    SortData d = sort_data(g, ELEM(a), a[2].p, NULL);
    memevent_native(g, d.elems, (uint64_t)(n * d.elem_slots) * sizeof(Slot), true);
    sort_pdqsort(&d, 0, n, sort_limit(n));
    return d.st;
}

// SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int)
static RtStatus nat_sort_func(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    int64_t n = slice_len(a[2].p);
    SortData d = sort_data(g, ELEM(a), a[2].p, a[3].p);
    if (n > 1 && !d.less_fn)
        return gen_call(g, NULL, NULL, 0, NULL);
    memevent_native(g, d.elems, (uint64_t)(n * d.elem_slots) * sizeof(Slot), true);
    sort_pdqsort(&d, 0, n, sort_limit(n));
    return d.st;
}

// SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int)
static RtStatus nat_sort_stable_func(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    int64_t n = slice_len(a[2].p);
    SortData d = sort_data(g, ELEM(a), a[2].p, a[3].p);
    if (n > 1 && !d.less_fn)
        return gen_call(g, NULL, NULL, 0, NULL);
    memevent_native(g, d.elems, (uint64_t)(n * d.elem_slots) * sizeof(Slot), true);
    sort_stable(&d, n);
    return d.st;
}

// IsSorted / IsSortedFunc: the first i (from the end) with x[i] < x[i-1].
static RtStatus is_sorted(G *g, Slot *a, GoFunc *cmp, bool use_cmp, Slot *res) {
    int64_t n = slice_len(a[2].p);
    SortData d = sort_data(g, ELEM(a), a[2].p, cmp);
    if (use_cmp && n > 1 && !cmp)
        return gen_call(g, NULL, NULL, 0, NULL);
    res[0].i = 1;
    for (int64_t i = n - 1; i > 0; i--) {
        bool lt = d.less(&d, i, i - 1);
        if (d.st != RT_OK)
            return d.st;
        if (lt) {
            res[0].i = 0;
            break;
        }
    }
    return RT_OK;
}

static RtStatus nat_is_sorted(G *g, Slot *a, Slot *res) {
    return is_sorted(g, a, NULL, false, res);
}

static RtStatus nat_is_sorted_func(G *g, Slot *a, Slot *res) {
    return is_sorted(g, a, a[3].p, true, res);
}

// Min / Max: Go's builtin min/max folded over x.
static RtStatus min_max(G *g, Slot *a, Slot *res, bool max, const char *name) {
    Type *e = ELEM(a);
    GoSlice *x = a[2].p;
    if (slice_len(x) < 1)
        return rt_panic_str(g, name);
    Slot m = gen_elem(e, x, 0);
    for (int64_t i = 1; i < x->len; i++)
        m = max ? gen_max(e, m, gen_elem(e, x, i)) : gen_min(e, m, gen_elem(e, x, i));
    res[0] = m;
    return RT_OK;
}

static RtStatus nat_min(G *g, Slot *a, Slot *res) {
    return min_max(g, a, res, false, "slices.Min: empty list");
}

static RtStatus nat_max(G *g, Slot *a, Slot *res) {
    return min_max(g, a, res, true, "slices.Max: empty list");
}

// MinFunc / MaxFunc: the first element with cmp(x[i], m) < 0 (> 0 for max) replaces m.
static RtStatus min_max_func(G *g, Slot *a, Slot *res, int sign, const char *name) {
    Type *e = ELEM(a);
    GoSlice *x = a[2].p;
    if (slice_len(x) < 1)
        return rt_panic_str(g, name);
    Slot m = gen_elem(e, x, 0);
    for (int64_t i = 1; i < x->len; i++) {
        Slot args[2] = {gen_elem(e, x, i), m}, r;
        RtStatus st = gen_call(g, a[3].p, args, 2, &r);
        if (st != RT_OK)
            return st;
        if ((sign < 0 && r.i < 0) || (sign > 0 && r.i > 0))
            m = args[0];
    }
    res[0] = gen_result(e, m);
    return RT_OK;
}

static RtStatus nat_min_func(G *g, Slot *a, Slot *res) {
    return min_max_func(g, a, res, -1, "slices.MinFunc: empty list");
}

static RtStatus nat_max_func(G *g, Slot *a, Slot *res) {
    return min_max_func(g, a, res, 1, "slices.MaxFunc: empty list");
}

// BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool)
static RtStatus nat_binary_search(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Type *e = ELEM(a);
    GoSlice *x = a[2].p;
    Slot t = a[3];
    int64_t n = slice_len(x), i = 0, j = n;
    while (i < j) {
        int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
        if (gen_less(e, gen_elem(e, x, h), t))
            i = h + 1;
        else
            j = h;
    }
    res[0].i = i;
    res[1].i = i < n && gen_compare(e, gen_elem(e, x, i), t) == 0;
    return RT_OK;
}

// BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool)
static RtStatus nat_binary_search_func(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *x = a[3].p;
    int64_t n = slice_len(x), i = 0, j = n;
    Slot r;
    while (i < j) {
        int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
        Slot args[2] = {gen_elem(e, x, h), a[4]};
        RtStatus st = gen_call(g, a[5].p, args, 2, &r);
        if (st != RT_OK)
            return st;
        if (r.i < 0)
            i = h + 1;
        else
            j = h;
    }
    res[0].i = i;
    res[1].i = 0;
    if (i < n) {
        Slot args[2] = {gen_elem(e, x, i), a[4]};
        RtStatus st = gen_call(g, a[5].p, args, 2, &r);
        if (st != RT_OK)
            return st;
        res[1].i = r.i == 0;
    }
    return RT_OK;
}

static const NativeEntry slices_sort_natives[] = {
    {"slices.Sort", nat_sort},
    {"slices.SortFunc", nat_sort_func},
    {"slices.SortStableFunc", nat_sort_stable_func},
    {"slices.IsSorted", nat_is_sorted},
    {"slices.IsSortedFunc", nat_is_sorted_func},
    {"slices.Min", nat_min},
    {"slices.Max", nat_max},
    {"slices.MinFunc", nat_min_func},
    {"slices.MaxFunc", nat_max_func},
    {"slices.BinarySearch", nat_binary_search},
    {"slices.BinarySearchFunc", nat_binary_search_func},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(slices_sort_natives)
