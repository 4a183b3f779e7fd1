// Natives of package slices that build or edit slices (runtime/pkg/slices.go): Insert,
// Delete, DeleteFunc, Replace, Clone, Compact, CompactFunc, Grow, Clip, Concat, Repeat.
// Each follows Go 1.22's code step by step where a program can see it: growth goes through
// append (so capacities are append's), bounds are checked by the same slice expressions
// (same panic texts), and removed elements are zeroed.
#include <string.h>

#include "generic.h"

#define ELEM(a) ((Type *)(a)[1].p)

// copy(dst[d:], src[s:]) for n elements (overlap allowed).
static void move(Type *e, Slot *dst, const Slot *src, int64_t n) {
    if (n > 0 && e->slots > 0)
        memmove(dst, src, (size_t)n * (size_t)e->slots * sizeof(Slot));
}

// clear(s[lo:hi]): zero storage is all-zero slots.
static void zero(Type *e, GoSlice *s, int64_t lo, int64_t hi) {
    if (hi > lo && e->slots > 0)
        memset(gen_at(e, s, lo), 0, (size_t)(hi - lo) * (size_t)e->slots * sizeof(Slot));
}

// append(s, make([]E, n)...)
static GoSlice *append_zeros(Type *e, GoSlice *s, int64_t n) {
    return slice_append_slice(e, s, slice_make(e, n, n));
}

// Insert[S ~[]E, E any](s S, i int, v ...E) S
static RtStatus insert(G *g, Type *e, GoSlice *s, int64_t i, GoSlice *v, Slot *res) {
    int64_t n = slice_len(s), m = slice_len(v);
    if (rt_check_slice2(g, i, n, slice_cap(s), "capacity") != RT_OK) // _ = s[i:]
        return RT_PANIC;
    res[0].p = s;
    if (m == 0)
        return RT_OK;
    if (i == n) {
        res[0].p = slice_append_slice(e, s, v);
        return RT_OK;
    }
    if (n + m > slice_cap(s)) {
        GoSlice *s2 = append_zeros(e, gen_sub(e, s, 0, i, s->cap), n + m - i);
        move(e, gen_at(e, s2, i), v->ptr, m);
        move(e, gen_at(e, s2, i + m), gen_at(e, s, i), n - i);
        res[0].p = s2;
        return RT_OK;
    }
    // In place. Go rotates when v overlaps the moving part; the result is the same as
    // inserting a private copy of v.
    Slot *tmp = slice_make(e, m, m)->ptr;
    move(e, tmp, v->ptr, m);
    GoSlice *r = gen_sub(e, s, 0, n + m, s->cap);
    move(e, gen_at(e, r, i + m), gen_at(e, r, i), n - i);
    move(e, gen_at(e, r, i), tmp, m);
    res[0].p = r;
    return RT_OK;
}

static RtStatus nat_insert(G *g, Slot *a, Slot *res) {
    return insert(g, ELEM(a), a[2].p, a[3].i, a[4].p, res);
}

// Delete[S ~[]E, E any](s S, i, j int) S
static RtStatus nat_delete(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *s = a[2].p;
    int64_t i = a[3].i, j = a[4].i, n = slice_len(s);
    if (rt_check_slice3(g, i, j, n, slice_cap(s), "capacity") != RT_OK) // _ = s[i:j:len(s)]
        return RT_PANIC;
    res[0].p = s;
    if (i == j)
        return RT_OK;
    move(e, gen_at(e, s, i), gen_at(e, s, j), n - j);
    zero(e, s, n - (j - i), n);
    res[0].p = gen_sub(e, s, 0, n - (j - i), s->cap);
    return RT_OK;
}

// DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S
static RtStatus nat_delete_func(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *s = a[2].p;
    int64_t n = slice_len(s), i = 0;
    Slot r;
    res[0].p = s;
    for (; i < n; i++) { // i := IndexFunc(s, del)
        Slot v = gen_elem(e, s, i);
        RtStatus st = gen_call(g, a[3].p, &v, 1, &r);
        if (st != RT_OK)
            return st;
        if (r.i)
            break;
    }
    if (i == n)
        return RT_OK;
    for (int64_t j = i + 1; j < n; j++) {
        Slot v = gen_elem(e, s, j);
        RtStatus st = gen_call(g, a[3].p, &v, 1, &r);
        if (st != RT_OK)
            return st;
        if (!r.i)
            val_store(e, gen_at(e, s, i++), v);
    }
    zero(e, s, i, n);
    res[0].p = gen_sub(e, s, 0, i, s->cap);
    return RT_OK;
}

// Replace when r = s[:tot] fits: Go's in-place cases.
static GoSlice *replace_in_place(Type *e, GoSlice *s, int64_t i, int64_t j, GoSlice *v,
                                 int64_t tot) {
    int64_t n = s->len, m = slice_len(v);
    GoSlice *r = gen_sub(e, s, 0, tot, s->cap);
    if (i + m <= j) {
        move(e, gen_at(e, r, i), v ? v->ptr : NULL, m);
        move(e, gen_at(e, r, i + m), gen_at(e, s, j), n - j);
        zero(e, s, tot, n);
        return r;
    }
    Slot *tmp = slice_make(e, m, m)->ptr; // same result as Go's rotations
    move(e, tmp, v->ptr, m);
    move(e, gen_at(e, r, i + m), gen_at(e, s, j), n - j);
    move(e, gen_at(e, r, i), tmp, m);
    return r;
}

// Replace[S ~[]E, E any](s S, i, j int, v ...E) S
static RtStatus nat_replace(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *s = a[2].p, *v = a[5].p;
    int64_t i = a[3].i, j = a[4].i, n = slice_len(s), m = slice_len(v);
    if (rt_check_slice2(g, i, j, slice_cap(s), "capacity") != RT_OK) // _ = s[i:j]
        return RT_PANIC;
    if (i == j)
        return insert(g, e, s, i, v, res);
    if (j == n) {
        GoSlice *s2 = slice_append_slice(e, gen_sub(e, s, 0, i, s->cap), v);
        if (slice_len(s2) < n)
            zero(e, s, slice_len(s2), n);
        res[0].p = s2;
        return RT_OK;
    }
    if (rt_check_slice2(g, j, n, n, "capacity") != RT_OK) // len(s[j:])
        return RT_PANIC;
    int64_t tot = i + m + (n - j);
    if (tot > s->cap) {
        GoSlice *s2 = append_zeros(e, gen_sub(e, s, 0, i, s->cap), tot - i);
        move(e, gen_at(e, s2, i), v->ptr, m);
        move(e, gen_at(e, s2, i + m), gen_at(e, s, j), n - j);
        res[0].p = s2;
        return RT_OK;
    }
    res[0].p = replace_in_place(e, s, i, j, v, tot);
    return RT_OK;
}

// Clone[S ~[]E, E any](s S) S: append(s[:0:0], s...)
static RtStatus nat_clone(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Type *e = ELEM(a);
    GoSlice *s = a[2].p;
    res[0].p = slice_append_slice(e, gen_sub(e, s, 0, 0, 0), s);
    return RT_OK;
}

// Compact[S ~[]E, E comparable](s S) S
static RtStatus nat_compact(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *s = a[2].p;
    int64_t n = slice_len(s);
    res[0].p = s;
    for (int64_t k = 1; k < n; k++) {
        int eq = gen_eq(g, e, gen_elem(e, s, k), gen_elem(e, s, k - 1));
        if (eq < 0)
            return RT_PANIC;
        if (!eq)
            continue;
        int64_t base = k; // s2 := s[k:]
        for (int64_t k2 = 1; k2 < n - base; k2++) {
            eq = gen_eq(g, e, gen_elem(e, s, base + k2), gen_elem(e, s, base + k2 - 1));
            if (eq < 0)
                return RT_PANIC;
            if (!eq)
                val_store(e, gen_at(e, s, k++), gen_elem(e, s, base + k2));
        }
        zero(e, s, k, n);
        res[0].p = gen_sub(e, s, 0, k, s->cap);
        return RT_OK;
    }
    return RT_OK;
}

// eq(s[x], s[y]) for CompactFunc; *st gets the call's status.
static bool call_eq(G *g, Type *e, GoSlice *s, GoFunc *f, int64_t x, int64_t y, RtStatus *st) {
    Slot args[2] = {gen_elem(e, s, x), gen_elem(e, s, y)}, r;
    *st = gen_call(g, f, args, 2, &r);
    return *st == RT_OK && r.i;
}

// CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S
static RtStatus nat_compact_func(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *s = a[2].p;
    GoFunc *f = a[3].p;
    int64_t n = slice_len(s);
    RtStatus st;
    res[0].p = s;
    for (int64_t k = 1; k < n; k++) {
        bool eq = call_eq(g, e, s, f, k, k - 1, &st);
        if (st != RT_OK)
            return st;
        if (!eq)
            continue;
        int64_t base = k;
        for (int64_t k2 = 1; k2 < n - base; k2++) {
            eq = call_eq(g, e, s, f, base + k2, base + k2 - 1, &st);
            if (st != RT_OK)
                return st;
            if (!eq)
                val_store(e, gen_at(e, s, k++), gen_elem(e, s, base + k2));
        }
        zero(e, s, k, n);
        res[0].p = gen_sub(e, s, 0, k, s->cap);
        return RT_OK;
    }
    return RT_OK;
}

// Grow of [s] by [n] (n >= 0): append(s[:cap(s)], make([]E, n)...)[:len(s)]
static GoSlice *grow(Type *e, GoSlice *s, int64_t n) {
    n -= slice_cap(s) - slice_len(s);
    if (n <= 0)
        return s;
    GoSlice *t = append_zeros(e, gen_sub(e, s, 0, slice_cap(s), slice_cap(s)), n);
    return gen_sub(e, t, 0, slice_len(s), t->cap);
}

// Grow[S ~[]E, E any](s S, n int) S
static RtStatus nat_grow(G *g, Slot *a, Slot *res) {
    if (a[3].i < 0)
        return rt_panic_str(g, "cannot be negative");
    res[0].p = grow(ELEM(a), a[2].p, a[3].i);
    return RT_OK;
}

// Clip[S ~[]E, E any](s S) S
static RtStatus nat_clip(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *s = a[2].p;
    res[0].p = gen_sub(ELEM(a), s, 0, slice_len(s), slice_len(s));
    return RT_OK;
}

// Concat[S ~[]E, E any](slices ...S) S
static RtStatus nat_concat(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *ss = a[2].p;
    int64_t size = 0;
    for (int64_t i = 0; i < slice_len(ss); i++) {
        size += slice_len(ss->ptr[i].p);
        if (size < 0)
            return rt_panic_str(g, "len out of range");
    }
    GoSlice *r = grow(e, NULL, size);
    for (int64_t i = 0; i < slice_len(ss); i++)
        r = slice_append_slice(e, r, ss->ptr[i].p);
    res[0].p = r;
    return RT_OK;
}

// Repeat[S ~[]E, E any](x S, count int) S
static RtStatus nat_repeat(G *g, Slot *a, Slot *res) {
    Type *e = ELEM(a);
    GoSlice *x = a[2].p;
    int64_t count = a[3].i, n = slice_len(x);
    if (count < 0)
        return rt_panic_str(g, "cannot be negative");
    if (count > 0 && n > INT64_MAX / count)
        return rt_panic_str(g, "the result of (len(x) * count) overflows");
    const char *bad = slice_make_check(e, n * count, n * count);
    if (bad)
        return rt_panic_runtime(g, "%s", bad);
    GoSlice *r = slice_make(e, n * count, n * count);
    for (int64_t k = 0; k < count; k++)
        move(e, gen_at(e, r, k * n), x ? x->ptr : NULL, n);
    res[0].p = r;
    return RT_OK;
}

static const NativeEntry slices_edit_natives[] = {
    {"slices.Insert", nat_insert},
    {"slices.Delete", nat_delete},
    {"slices.DeleteFunc", nat_delete_func},
    {"slices.Replace", nat_replace},
    {"slices.Clone", nat_clone},
    {"slices.Compact", nat_compact},
    {"slices.CompactFunc", nat_compact_func},
    {"slices.Grow", nat_grow},
    {"slices.Clip", nat_clip},
    {"slices.Concat", nat_concat},
    {"slices.Repeat", nat_repeat},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(slices_edit_natives)
