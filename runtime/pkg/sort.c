// Natives of package sort (runtime/pkg/sort.go): the sorts themselves, over sort_pdq.c.
// sort.Slice swaps the slice's elements directly (Go's reflect.Swapper) and calls the less
// function back; sort.Sort calls the Interface's Less and Swap methods; sort.Ints,
// Float64s and Strings compare in C. All run Go's exact algorithm.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rtype.h"
#include "gosize.h"
#include "memevent.h"
#include "native.h"
#include "sort_pdq.h"
#include "vm.h"

// ---- callbacks ----

static bool call_less(SortData *d, GoFunc *fn, int nargs, Slot *args) {
    Slot res[1] = {{0}};
    RtStatus st = vm_call(d->g, fn, args, nargs, res, 1);
    if (st != RT_OK) {
        d->st = st;
        return false;
    }
    return res[0].i != 0;
}

// sort.Slice: less(i, j) is a Go func(i, j int) bool.
static bool less_func(SortData *d, int64_t i, int64_t j) {
    Slot args[2] = {{.i = i}, {.i = j}};
    return call_less(d, d->less_fn, 2, args);
}

// sort.Sort: the Interface's methods, receiver first.
static bool less_method(SortData *d, int64_t i, int64_t j) {
    Slot args[3] = {d->recv, {.i = i}, {.i = j}};
    return call_less(d, d->less_fn, 3, args);
}

static void swap_method(SortData *d, int64_t i, int64_t j) {
    Slot args[3] = {d->recv, {.i = i}, {.i = j}};
    RtStatus st = vm_call(d->g, d->swap_fn, args, 3, NULL, 0);
    if (st != RT_OK)
        d->st = st;
}

static bool less_int(SortData *d, int64_t i, int64_t j) {
    return d->elems[i].i < d->elems[j].i;
}

static bool less_string(SortData *d, int64_t i, int64_t j) {
    return str_cmp(d->elems[i].p, d->elems[j].p) < 0;
}

// Float64Slice.Less: NaNs first.
static bool less_float(SortData *d, int64_t i, int64_t j) {
    double x = d->elems[i].f, y = d->elems[j].f;
    return x < y || (isnan(x) && !isnan(y));
}

// ---- natives ----

// reflect.Kind's String() for the dynamic type [t].
static const char *kind_name(Type *t) {
    switch (rt_under(t)->kind) {
    case K_ARRAY:
        return "array";
    case K_STRUCT:
        return "struct";
    case K_MAP:
        return "map";
    case K_POINTER:
        return "ptr";
    case K_FUNC:
        return "func";
    case K_CHAN:
        return "chan";
    case K_UNSAFEPTR:
        return "unsafe.Pointer";
    default:
        return types_basic[rt_under(t)->kind]->name;
    }
}

// The slice in [x] (an interface) as Go's reflect.Swapper sees it; NULL after starting
// Go's panic when x holds no slice.
static GoSlice *slice_of(G *g, GoIface *x, int *elem_slots, RtStatus *st) {
    *st = RT_OK;
    if (!x || rt_under(x->type)->kind != K_SLICE) {
        char msg[200];
        snprintf(msg, sizeof msg, "reflect: call of Swapper on %s Value",
                 x ? kind_name(x->type) : "zero");
        *st = rt_panic_error(g, msg);
        return NULL;
    }
    *elem_slots = rt_under(x->type)->elem->slots;
    return x->val.p;
}

// sortSlice(x any, less func(i, j int) bool, stable bool)
static RtStatus nat_sort_slice(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    SortData d = {.g = g, .st = RT_OK, .less = less_func, .swap = sort_swap_elems};
    RtStatus st;
    GoSlice *s = slice_of(g, a[0].p, &d.elem_slots, &st);
    if (st != RT_OK)
        return st;
    int64_t n = slice_len(s);
    if (n < 2)
        return RT_OK;
    d.elems = s->ptr;
    d.less_fn = a[1].p;
    if (!d.less_fn)
        return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
    memevent_native(g, s->ptr, (uint64_t)(n * d.elem_slots) * sizeof(Slot), true);
    if (a[2].i)
        sort_stable(&d, n);
    else
        sort_pdqsort(&d, 0, n, sort_limit(n));
    return d.st;
}

// sliceLen(x any) int: reflect.ValueOf(x).Len() for sort.SliceIsSorted.
static RtStatus nat_slice_len(G *g, Slot *a, Slot *res) {
    int k;
    RtStatus st;
    GoSlice *s = slice_of(g, a[0].p, &k, &st);
    res[0].i = slice_len(s);
    return st;
}

// sortIface(data Interface, n int, stable bool)
static RtStatus nat_sort_iface(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    GoIface *data = a[0].p;
    int64_t n = a[1].i;
    if (!data)
        return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
    SortData d = {.g = g, .st = RT_OK, .less = less_method, .swap = swap_method};
    d.recv = data->val;
    d.less_fn = rt_method(data->type, "Less");
    d.swap_fn = rt_method(data->type, "Swap");
    if (!d.less_fn || !d.swap_fn)
        gol_fatal_internal("sort: %s lacks Less or Swap", type_string(data->type));
    if (a[2].i)
        sort_stable(&d, n);
    else
        sort_pdqsort(&d, 0, n, sort_limit(n));
    return d.st;
}

// sortInts(x []int) / sortFloat64s(x []float64) / sortStrings(x []string)
static RtStatus sort_basic(G *g, GoSlice *s, bool (*lessf)(SortData *, int64_t, int64_t)) {
    int64_t n = slice_len(s);
    if (n < 2)
        return RT_OK;
    SortData d = {.g = g, .st = RT_OK, .less = lessf, .swap = sort_swap_elems};
    d.elems = s->ptr;
    d.elem_slots = 1;
    memevent_native(g, s->ptr, (uint64_t)n * sizeof(Slot), true);
    sort_pdqsort(&d, 0, n, sort_limit(n));
    return RT_OK;
}

static RtStatus nat_sort_ints(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    return sort_basic(g, a[0].p, less_int);
}

static RtStatus nat_sort_float64s(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    return sort_basic(g, a[0].p, less_float);
}

static RtStatus nat_sort_strings(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(res);
    return sort_basic(g, a[0].p, less_string);
}

static const NativeEntry sort_natives[] = {
    {"sort.sortSlice", nat_sort_slice},
    {"sort.sliceLen", nat_slice_len},
    {"sort.sortIface", nat_sort_iface},
    {"sort.sortInts", nat_sort_ints},
    {"sort.sortFloat64s", nat_sort_float64s},
    {"sort.sortStrings", nat_sort_strings},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(sort_natives)
