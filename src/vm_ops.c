// The VM's slower operations, kept out of the dispatch loop: slicing with Go's bounds
// messages, string/rune/byte conversions, make/append/copy, failed type assertions, the
// builtin print, min/max, select case decoding and float-to-integer conversion.
#include "vm_int.h"

#include "../runtime/detpolicy.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "../runtime/buf.h"
#include "../runtime/format.h"
#include "../runtime/out.h"
#include "../runtime/utf8.h"

// An index that came through UIDX (INT64_MIN sentinel): Go prints its unsigned value.
static bool huge_unsigned(G *g, int64_t v) {
    return v == INT64_MIN && g->uidx > (uint64_t)INT64_MAX;
}

RtStatus op_index_panic(G *g, int64_t i, int64_t len) {
    if (huge_unsigned(g, i))
        return rt_panic_bounds(g, "index out of range [%" PRIu64 "] with length %" PRId64,
                                g->uidx, len);
    if (i < 0)
        return rt_panic_bounds(g, "index out of range [%" PRId64 "]", i);
    return rt_panic_bounds(g, "index out of range [%" PRId64 "] with length %" PRId64, i, len);
}

RtStatus op_nil_panic(G *g) {
    return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
}

// Bounds of x[lo:hi] (2-index) against [cap]; [what] is "length" or "capacity". An index
// that came through UIDX is printed unsigned; the rest is rt_check_slice2's.
static RtStatus check2(G *g, int64_t lo, int64_t hi, int64_t cap, const char *what) {
    if (huge_unsigned(g, hi))
        return rt_panic_bounds(g, "slice bounds out of range [:%" PRIu64 "] with %s %" PRId64,
                                g->uidx, what, cap);
    if (huge_unsigned(g, lo) && hi >= 0 && hi <= cap)
        return rt_panic_bounds(g, "slice bounds out of range [%" PRIu64 ":%" PRId64 "]",
                                g->uidx, hi);
    return rt_check_slice2(g, lo, hi, cap, what);
}

static RtStatus check3(G *g, int64_t lo, int64_t hi, int64_t max, int64_t cap, const char *what) {
    if (huge_unsigned(g, max))
        return rt_panic_bounds(g, "slice bounds out of range [::%" PRIu64 "] with %s %" PRId64,
                                g->uidx, what, cap);
    return rt_check_slice3(g, lo, hi, max, cap, what);
}

RtStatus op_slice_string(G *g, Slot *dst, GoString *s, Slot *lo, Slot *hi) {
    int64_t len = str_len(s);
    int64_t l = lo ? lo->i : 0, h = hi ? hi->i : len;
    if (check2(g, l, h, len, "length") != RT_OK)
        return RT_PANIC;
    dst->p = l == h ? NULL : str_slice(s, l, h);
    return RT_OK;
}

static RtStatus slice_of(G *g, Slot *dst, Slot *base, int64_t len, int64_t cap, int es,
                         Slot *lo, Slot *hi, Slot *max, const char *what, bool keep_nil) {
    int64_t l = lo ? lo->i : 0, h = hi ? hi->i : len, m = max ? max->i : cap;
    RtStatus st = max ? check3(g, l, h, m, cap, what) : check2(g, l, h, cap, what);
    if (st != RT_OK)
        return RT_PANIC;
    if (keep_nil) { // slicing a nil slice gives nil
        dst->p = NULL;
        return RT_OK;
    }
    dst->p = slice_wrap(base + l * es, h - l, m - l);
    return RT_OK;
}

RtStatus op_slice_slice(G *g, Slot *dst, GoSlice *s, int es, Slot *lo, Slot *hi, Slot *max) {
    return slice_of(g, dst, s ? s->ptr : NULL, slice_len(s), slice_cap(s), es, lo, hi, max,
                    "capacity", s == NULL);
}

RtStatus op_slice_array(G *g, Slot *dst, Slot *arr, int64_t len, int es, Slot *lo, Slot *hi,
                        Slot *max) {
    if (!arr)
        return op_nil_panic(g);
    return slice_of(g, dst, arr, len, len, es, lo, hi, max, "length", false);
}

GoString *op_str_rune(int64_t r) {
    uint8_t buf[4];
    int n = utf8_encode(buf, r);
    return str_new((const char *)buf, n);
}

GoString *op_str_bytes(GoSlice *s) {
    int64_t n = slice_len(s);
    if (n == 0)
        return NULL;
    char *b = gc_alloc_atomic((size_t)n + 1);
    for (int64_t j = 0; j < n; j++)
        b[j] = (char)s->ptr[j].u;
    return str_wrap(b, n);
}

GoString *op_str_runes(GoSlice *s) {
    int64_t n = slice_len(s), total = 0;
    for (int64_t j = 0; j < n; j++)
        total += utf8_encoded_len(s->ptr[j].i);
    if (total == 0)
        return NULL;
    char *b = gc_alloc_atomic((size_t)total + 1);
    int64_t o = 0;
    for (int64_t j = 0; j < n; j++)
        o += utf8_encode((uint8_t *)b + o, s->ptr[j].i);
    return str_wrap(b, o);
}

GoSlice *op_bytes_str(GoString *s) {
    int64_t n = str_len(s);
    GoSlice *sl = slice_make(types_basic[K_UINT8], n, n);
    for (int64_t j = 0; j < n; j++)
        sl->ptr[j].u = (uint8_t)s->data[j];
    return sl;
}

GoSlice *op_runes_str(GoString *s) {
    int64_t n = str_len(s);
    const uint8_t *d = (const uint8_t *)str_data(s);
    int64_t count = utf8_count(d, n);
    GoSlice *sl = slice_make(types_basic[K_INT32], count, count);
    int64_t o = 0;
    for (int64_t j = 0; j < count; j++) {
        int32_t r;
        o += utf8_decode(d + o, n - o, &r);
        sl->ptr[j].i = r;
    }
    return sl;
}

RtStatus op_makeslice(G *g, Slot *dst, Type *st, int64_t len, int64_t cap) {
    Type *et = st->under->elem;
    int64_t limit = (int64_t)1 << 40;
    if (et->slots == 0) // zero-size elements take no memory: any int length (as Go)
        limit = INT64_MAX;
    else if (et->slots > 1)
        limit /= et->slots;
    if (len < 0 || len > limit)
        return rt_panic_runtime(g, "makeslice: len out of range");
    if (cap < len || cap > limit)
        return rt_panic_runtime(g, "makeslice: cap out of range");
    dst->p = slice_make(et, len, cap);
    return RT_OK;
}

RtStatus op_append_slice(G *g, Slot *dst, Type *et, GoSlice *s, Slot src, bool src_is_string) {
    if (src_is_string) {
        GoString *str = src.p;
        int64_t n = str_len(str);
        if (n == 0) {
            dst->p = s;
            return RT_OK;
        }
        Slot *tmp = gc_alloc_atomic(sizeof(Slot) * (size_t)n);
        for (int64_t j = 0; j < n; j++)
            tmp[j].u = (uint8_t)str->data[j];
        dst->p = slice_append(et, s, tmp, n);
        return RT_OK;
    }
    dst->p = slice_append_slice(et, s, src.p);
    return RT_OK;
}

int64_t op_copy(Type *et, GoSlice *dst, Slot src, bool src_is_string) {
    if (!src_is_string)
        return slice_copy(et, dst, src.p);
    GoString *s = src.p;
    int64_t n = str_len(s);
    if (slice_len(dst) < n)
        n = slice_len(dst);
    for (int64_t j = 0; j < n; j++)
        dst->ptr[j].u = (uint8_t)s->data[j];
    return n;
}

RtStatus op_assert_fail(G *g, GoIface *box, Type *want, Type *from) {
    char buf[1024];
    const char *fs = from ? type_string(from) : "interface {}";
    if (want->kind == K_INTERFACE) {
        if (!box)
            snprintf(buf, sizeof buf, "interface conversion: interface is nil, not %s",
                     type_string(want));
        else
            snprintf(buf, sizeof buf, "interface conversion: %s is not %s: missing method %s",
                     type_string(box->type), type_string(want),
                     rt_missing_method(box->type, want));
    } else if (!box) {
        snprintf(buf, sizeof buf, "interface conversion: %s is nil, not %s", fs,
                 type_string(want));
    } else {
        const char *cs = type_string(box->type), *as = type_string(want);
        const char *why = strcmp(cs, as) != 0           ? ""
                          : box->type->pkg != want->pkg ? " (types from different packages)"
                                                        : " (types from different scopes)";
        snprintf(buf, sizeof buf, "interface conversion: %s is %s, not %s%s", fs, cs, as, why);
    }
    return rt_panic_assert(g, buf);
}

void op_print(G *g, Slot *vals, int n, const Instr *types, const Slot *k, bool ln) {
    if (det_policy) // output orders steps for gol explore
        det_note(0, false);
    Buf b = {0};
    for (int j = 0; j < n; j++) {
        if (ln && j > 0)
            buf_putc(&b, ' ');
        fmt_print_builtin(&b, k[types[j].bx].p, vals[j]);
    }
    if (ln)
        buf_putc(&b, '\n');
    out_write(2, b.data, b.len);
}

static bool less_than(Slot a, Slot b, int kind) {
    switch (kind) {
    case 0: return a.i < b.i;
    case 1: return a.u < b.u;
    case 2: return a.f < b.f || (a.f == 0 && b.f == 0 && signbit(a.f) && !signbit(b.f));
    default: return str_cmp(a.p, b.p) < 0;
    }
}

void op_minmax(Slot *dst, Slot *vals, int n, int is_max, int kind) {
    Slot best = vals[0];
    for (int j = 1; j < n; j++) {
        Slot v = vals[j];
        if (kind == 2 && (isnan(v.f) || isnan(best.f))) {
            best.f = NAN;
            continue;
        }
        if (is_max ? less_than(best, v, kind) : less_than(v, best, kind))
            best = v;
    }
    *dst = best;
}

RtStatus op_select(G *g, Slot *R, const Instr *i, const Instr *x) {
    int n = i->b;
    SelectCase cs[n > 0 ? n : 1];
    for (int j = 0; j < n; j++) {
        SelectCase *c = &cs[j];
        c->c = R[x[j].b].p;
        c->is_send = x[j].a == 2;
        c->val = R[x[j].c];
        c->dst = c->is_send ? NULL : &R[x[j].c];
        c->okdst = x[j].a == 1 ? &R[x[j].c + 1] : NULL;
        if (!c->is_send) {
            R[x[j].c].i = 0;
            R[x[j].c + 1].i = 0;
        }
    }
    return sel_select(g, cs, n, i->c != 0, &R[i->a]);
}

RtStatus op_slice_to_array(G *g, Slot *dst, GoSlice *s, Type *at, bool copy) {
    int64_t n = at->under->len, len = slice_len(s);
    if (len < n)
        return rt_panic_bounds(g,
                               "cannot convert slice with length %" PRId64
                                " to array or pointer to array with length %" PRId64,
                                len, n);
    if (copy)
        dst->p = s ? val_clone(at, s->ptr) : val_new_storage(at);
    else
        dst->p = s ? (void *)s->ptr : NULL; // (*[0]T)(nil) is nil
    return RT_OK;
}

// Float to integer as Go on amd64 does: truncation, and the "integer indefinite" value
// 0x8000000000000000 when out of range (never C's undefined behaviour).
int64_t op_f2i(double f) {
    if (!(f > -9223372036854775809.0 && f < 9223372036854775808.0))
        return INT64_MIN;
    return (int64_t)f;
}

// The 32-bit conversion, whose indefinite value is 0x80000000: Go on amd64 converts to
// int8, int16, int32, uint8 and uint16 through it (and to uint32 through the 64-bit one).
int32_t op_f2i32(double f) {
    if (!(f > -2147483649.0 && f < 2147483648.0))
        return INT32_MIN;
    return (int32_t)f;
}

uint64_t op_f2u(double f) {
    if (!(f > -9223372036854775809.0 && f < 18446744073709551616.0))
        return (uint64_t)1 << 63;
    if (f < 9223372036854775808.0)
        return (uint64_t)(int64_t)f;
    return (uint64_t)(int64_t)(f - 9223372036854775808.0) ^ ((uint64_t)1 << 63);
}
