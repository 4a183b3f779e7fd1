// Natives of reflect.Value (runtime/pkg/reflect.go): reading a value through its storage
// pointer (Int, String, Index, Field, Elem, MapIndex...), writing through addressable
// Values (Set*, SetMapIndex) with Go's checks and panic texts, and the slice helpers
// Append, AppendSlice and Copy. The layout of a Value is described in reflect.h.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chan.h"
#include "map.h"
#include "pkgutil.h"
#include "reflect.h"

#define VAL_ARG RVal v = rf_get(args[0].p)
#define MUST(cond, method)                                                                     \
    if (!(cond))                                                                               \
    return rf_value_error(g, method, v.t)

static bool is_int(Kind k) {
    return k >= K_INT && k <= K_INT64;
}

static bool is_uint(Kind k) {
    return k >= K_UINT && k <= K_UINTPTR;
}

static bool is_agg(Type *t) {
    return t->kind == K_STRUCT || t->kind == K_ARRAY;
}

static RtStatus nat_interface(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.Interface");
    if (v.flag & RF_ANYRO)
        return rt_panic_str(g, "reflect.Value.Interface: cannot return value obtained from "
                               "unexported field or method");
    if (v.flag & RF_METHOD)
        return rt_panic_str(g, "reflect.Value.Interface: method values are not supported by "
                               "gol's reflect");
    Slot x = rf_load(v);
    res[0].p = v.t->kind == K_INTERFACE ? x.p : iface_box(v.t, x);
    return RT_OK;
}

static RtStatus nat_bool(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && v.t->kind == K_BOOL, "reflect.Value.Bool");
    res[0].i = v.ptr->i;
    return RT_OK;
}

static RtStatus nat_int(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && is_int(v.t->kind), "reflect.Value.Int");
    res[0].i = v.ptr->i;
    return RT_OK;
}

static RtStatus nat_uint(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && is_uint(v.t->kind), "reflect.Value.Uint");
    res[0].u = v.ptr->u;
    return RT_OK;
}

static RtStatus nat_float(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && (v.t->kind == K_FLOAT32 || v.t->kind == K_FLOAT64), "reflect.Value.Float");
    res[0].f = v.ptr->f;
    return RT_OK;
}

static RtStatus nat_vstring(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    VAL_ARG;
    if (!v.t) {
        res[0].p = str_from_c("<invalid Value>");
    } else if (v.t->kind == K_STRING && !(v.flag & RF_METHOD)) {
        res[0].p = v.ptr->p;
    } else {
        const char *ts = type_string(v.t);
        char *s = gc_alloc_atomic(strlen(ts) + 10);
        sprintf(s, "<%s Value>", ts);
        res[0].p = str_from_c(s);
    }
    return RT_OK;
}

static RtStatus nat_bytes(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && v.t->kind == K_SLICE && rt_under(v.t)->elem->kind == K_UINT8,
         "reflect.Value.Bytes");
    res[0].p = v.ptr->p;
    return RT_OK;
}

static RtStatus nat_len(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.Len");
    Type *u = rt_under(v.t);
    switch (v.t->kind) {
    case K_SLICE:
        res[0].i = slice_len(v.ptr->p);
        return RT_OK;
    case K_ARRAY:
        res[0].i = u->len;
        return RT_OK;
    case K_STRING:
        res[0].i = str_len(v.ptr->p);
        return RT_OK;
    case K_MAP:
        res[0].i = map_len(v.ptr->p);
        return RT_OK;
    case K_CHAN:
        res[0].i = chan_len(v.ptr->p);
        return RT_OK;
    case K_POINTER:
        if (u->elem->kind == K_ARRAY) {
            res[0].i = rt_under(u->elem)->len;
            return RT_OK;
        }
        break;
    default:
        break;
    }
    return rf_value_error(g, "reflect.Value.Len", v.t);
}

static RtStatus nat_cap(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.Cap");
    Type *u = rt_under(v.t);
    switch (v.t->kind) {
    case K_SLICE:
        res[0].i = slice_cap(v.ptr->p);
        return RT_OK;
    case K_ARRAY:
        res[0].i = u->len;
        return RT_OK;
    case K_CHAN:
        res[0].i = chan_cap(v.ptr->p);
        return RT_OK;
    case K_POINTER:
        if (u->elem->kind == K_ARRAY) {
            res[0].i = rt_under(u->elem)->len;
            return RT_OK;
        }
        break;
    default:
        break;
    }
    return rf_value_error(g, "reflect.Value.Cap", v.t);
}

static RtStatus nat_index(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    int64_t i = args[1].i;
    MUST(v.t, "reflect.Value.Index");
    Type *u = rt_under(v.t);
    switch (v.t->kind) {
    case K_SLICE: {
        GoSlice *s = v.ptr->p;
        if (i < 0 || i >= slice_len(s))
            return rt_panic_str(g, "reflect: slice index out of range");
        res[0].p = rf_make(u->elem, s->ptr + i * u->elem->slots, RF_ADDR | rf_ro(v.flag));
        return RT_OK;
    }
    case K_ARRAY:
        if (i < 0 || i >= u->len)
            return rt_panic_str(g, "reflect: array index out of range");
        res[0].p = rf_make(u->elem, v.ptr + i * u->elem->slots, (v.flag & RF_ADDR) | rf_ro(v.flag));
        return RT_OK;
    case K_STRING: {
        GoString *s = v.ptr->p;
        if (i < 0 || i >= str_len(s))
            return rt_panic_str(g, "reflect: string index out of range");
        Slot *st = rf_from_reg(types_basic[K_UINT8], (Slot){.u = (uint8_t)s->data[i]});
        st[2].u = rf_ro(v.flag);
        res[0].p = st;
        return RT_OK;
    }
    default:
        return rf_value_error(g, "reflect.Value.Index", v.t);
    }
}

static RtStatus nat_field(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && v.t->kind == K_STRUCT, "reflect.Value.Field");
    Type *u = rt_under(v.t);
    int64_t i = args[1].i;
    if (i < 0 || i >= u->nfields)
        return rt_panic_str(g, "reflect: Field index out of range");
    TField *f = &u->fields[i];
    uint64_t fl = v.flag & (RF_ADDR | RF_RO); // only the sticky read-only bit is inherited
    if (!f->exported)
        fl |= f->embedded ? RF_EMBRO : RF_RO;
    res[0].p = rf_make(f->type, v.ptr + f->offset, fl);
    return RT_OK;
}

static RtStatus nat_numfield(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && v.t->kind == K_STRUCT, "reflect.Value.NumField");
    res[0].i = rt_under(v.t)->nfields;
    return RT_OK;
}

static RtStatus nat_elem(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.Elem");
    if (v.t->kind == K_INTERFACE) {
        res[0].p = rf_put(rf_of_iface(v.ptr->p, v.flag));
        return RT_OK;
    }
    MUST(v.t->kind == K_POINTER, "reflect.Value.Elem");
    Slot *p = v.ptr->p;
    res[0].p = rf_make(p ? rt_under(v.t)->elem : NULL, p, RF_ADDR | rf_ro(v.flag));
    return RT_OK;
}

static RtStatus nat_isnil(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.IsNil");
    if (v.flag & RF_METHOD) {
        res[0].i = 0;
        return RT_OK;
    }
    switch (v.t->kind) {
    case K_CHAN:
    case K_FUNC:
    case K_MAP:
    case K_POINTER:
    case K_UNSAFEPTR:
    case K_INTERFACE:
    case K_SLICE:
        res[0].i = v.ptr->p == NULL;
        return RT_OK;
    default:
        return rf_value_error(g, "reflect.Value.IsNil", v.t);
    }
}

// Go's Value.IsZero for the value of type [t] stored at [p].
static bool is_zero(Type *t, const Slot *p) {
    Type *u = rt_under(t);
    switch (t->kind) {
    case K_STRUCT:
        for (int i = 0; i < u->nfields; i++)
            if (!is_zero(u->fields[i].type, p + u->fields[i].offset))
                return false;
        return true;
    case K_ARRAY:
        for (int64_t i = 0; i < u->len; i++)
            if (!is_zero(u->elem, p + i * u->elem->slots))
                return false;
        return true;
    case K_STRING:
        return str_len(p->p) == 0;
    case K_COMPLEX64:
    case K_COMPLEX128: { // a pointer to an immutable {re, im} pair; NULL is 0+0i
        const uint64_t *c = p->p;
        return !c || (c[0] == 0 && c[1] == 0);
    }
    default:
        return p->u == 0; // numbers (float bits: -0.0 is not zero), bools, references
    }
}

static RtStatus nat_iszero(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.IsZero");
    res[0].i = !(v.flag & RF_METHOD) && is_zero(v.t, v.ptr);
    return RT_OK;
}

static RtStatus nat_addr(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.Addr");
    if (!(v.flag & RF_ADDR))
        return rt_panic_str(g, "reflect.Value.Addr of unaddressable value");
    Slot *cell = gc_alloc(sizeof(Slot));
    cell->p = v.ptr;
    res[0].p = rf_make(type_pointer(v.t), cell, rf_ro(v.flag));
    return RT_OK;
}

static RtStatus nat_pointer(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t, "reflect.Value.Pointer");
    switch (v.t->kind) {
    case K_POINTER:
    case K_CHAN:
    case K_MAP:
    case K_UNSAFEPTR:
    case K_FUNC:
        res[0].p = v.ptr->p;
        return RT_OK;
    case K_SLICE: {
        GoSlice *s = v.ptr->p;
        res[0].p = s ? s->ptr : NULL;
        return RT_OK;
    }
    default:
        return rf_value_error(g, "reflect.Value.Pointer", v.t);
    }
}

static RtStatus nat_mapkeys(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && v.t->kind == K_MAP, "reflect.Value.MapKeys");
    Type *kt = rt_under(v.t)->key;
    GoMap *m = v.ptr->p;
    int64_t n = map_len(m), cnt = 0;
    GoSlice *out = slice_make(rf_value_type, n, n);
    MapIter it;
    map_iter_init(&it, m, (uint32_t)(uintptr_t)&it);
    Slot k, e;
    while (cnt < n && map_iter_next(g, &it, &k, &e)) {
        Slot *d = out->ptr + 3 * cnt++;
        d[0].p = kt;
        d[1].p = is_agg(kt) ? val_clone(kt, k.p) : rf_from_reg(kt, k)[1].p;
        d[2].u = rf_ro(v.flag);
    }
    res[0].p = cnt == n ? out : slice_wrap(out->ptr, cnt, n);
    return RT_OK;
}

static RtStatus nat_mapindex(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && v.t->kind == K_MAP, "reflect.Value.MapIndex");
    Type *u = rt_under(v.t);
    Slot key, out;
    RtStatus st = rf_assign_to(g, rf_get(args[1].p), u->key, "reflect.Value.MapIndex", &key);
    if (st != RT_OK)
        return st;
    bool ok = false;
    st = map_get_value(g, v.ptr->p, key, &out, &ok);
    if (st != RT_OK)
        return st;
    if (!ok) {
        res[0].p = rf_make(NULL, NULL, 0);
        return RT_OK;
    }
    Slot *r = rf_from_reg(u->elem, is_agg(u->elem) ? (Slot){.p = val_clone(u->elem, out.p)}
                                                    : out);
    r[2].u = rf_ro(v.flag);
    res[0].p = r;
    return RT_OK;
}

static RtStatus nat_setmapindex(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RVal key = rf_get(args[1].p), elem = rf_get(args[2].p);
    MUST(v.t && v.t->kind == K_MAP, "reflect.Value.SetMapIndex");
    const char *m = "reflect.Value.SetMapIndex";
    RtStatus st = rf_must_exported(g, v, m);
    if (st == RT_OK)
        st = rf_must_exported(g, key, m);
    Type *u = rt_under(v.t);
    Slot k, e;
    if (st == RT_OK)
        st = rf_assign_to(g, key, u->key, m, &k);
    if (st != RT_OK)
        return st;
    if (!elem.t)
        return map_delete(g, v.ptr->p, k);
    st = rf_must_exported(g, elem, m);
    if (st == RT_OK)
        st = rf_assign_to(g, elem, u->elem, m, &e);
    if (st != RT_OK)
        return st;
    return map_set(g, v.ptr->p, k, e);
}

static RtStatus nat_set(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RVal x = rf_get(args[1].p);
    RtStatus st = rf_must_assignable(g, v, "reflect.Value.Set");
    if (st == RT_OK)
        st = rf_must_exported(g, x, "reflect.Value.Set");
    Slot val;
    if (st == RT_OK)
        st = rf_assign_to(g, x, v.t, "reflect.Set", &val);
    if (st != RT_OK)
        return st;
    val_store(v.t, v.ptr, val);
    return RT_OK;
}

// Checks for Value.SetX: assignable, and kind test [ok].
static RtStatus set_check(G *g, RVal v, const char *method, bool ok) {
    RtStatus st = rf_must_assignable(g, v, method);
    if (st != RT_OK)
        return st;
    return ok ? RT_OK : rf_value_error(g, method, v.t);
}

// [x] truncated to the width of integer kind [k], in register form.
static Slot trunc_int(Kind k, int64_t x) {
    switch (k) {
    case K_INT8: return (Slot){.i = (int8_t)x};
    case K_INT16: return (Slot){.i = (int16_t)x};
    case K_INT32: return (Slot){.i = (int32_t)x};
    case K_UINT8: return (Slot){.u = (uint8_t)x};
    case K_UINT16: return (Slot){.u = (uint16_t)x};
    case K_UINT32: return (Slot){.u = (uint32_t)x};
    default: return (Slot){.i = x};
    }
}

static RtStatus nat_setint(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RtStatus st = set_check(g, v, "reflect.Value.SetInt", v.t && is_int(v.t->kind));
    if (st == RT_OK)
        *v.ptr = trunc_int(v.t->kind, args[1].i);
    return st;
}

static RtStatus nat_setuint(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RtStatus st = set_check(g, v, "reflect.Value.SetUint", v.t && is_uint(v.t->kind));
    if (st == RT_OK)
        *v.ptr = trunc_int(v.t->kind, args[1].i);
    return st;
}

static RtStatus nat_setfloat(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RtStatus st = set_check(g, v, "reflect.Value.SetFloat",
                            v.t && (v.t->kind == K_FLOAT32 || v.t->kind == K_FLOAT64));
    if (st == RT_OK)
        v.ptr->f = v.t->kind == K_FLOAT32 ? (double)(float)args[1].f : args[1].f;
    return st;
}

static RtStatus nat_setstring(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RtStatus st = set_check(g, v, "reflect.Value.SetString", v.t && v.t->kind == K_STRING);
    if (st == RT_OK)
        v.ptr->p = args[1].p;
    return st;
}

static RtStatus nat_setbool(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RtStatus st = set_check(g, v, "reflect.Value.SetBool", v.t && v.t->kind == K_BOOL);
    if (st == RT_OK)
        v.ptr->i = args[1].i != 0;
    return st;
}

static RtStatus nat_setbytes(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    bool ok = v.t && v.t->kind == K_SLICE && rt_under(v.t)->elem->kind == K_UINT8;
    RtStatus st = set_check(g, v, "reflect.Value.SetBytes", ok);
    if (st == RT_OK)
        v.ptr->p = args[1].p;
    return st;
}

static RtStatus nat_setlen(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RtStatus st = set_check(g, v, "reflect.Value.SetLen", v.t && v.t->kind == K_SLICE);
    if (st != RT_OK)
        return st;
    GoSlice *s = v.ptr->p;
    int64_t n = args[1].i;
    if (n < 0 || n > slice_cap(s))
        return rt_panic_str(g, "reflect: slice length out of range in SetLen");
    v.ptr->p = s ? slice_wrap(s->ptr, n, s->cap) : NULL;
    return RT_OK;
}

static RtStatus nat_setzero(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(res);
    VAL_ARG;
    RtStatus st = rf_must_assignable(g, v, "reflect.Value.SetZero");
    if (st == RT_OK && v.t->slots > 0)
        memset(v.ptr, 0, sizeof(Slot) * (size_t)v.t->slots);
    return st;
}

static RtStatus nat_slice(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    int64_t i = args[1].i, j = args[2].i;
    MUST(v.t, "reflect.Value.Slice");
    Type *u = rt_under(v.t);
    const char *oob = "reflect.Value.Slice: slice index out of bounds";
    switch (v.t->kind) {
    case K_STRING: {
        GoString *s = v.ptr->p;
        if (i < 0 || j < i || j > str_len(s))
            return rt_panic_str(g, oob);
        Slot *r = rf_from_reg(v.t, (Slot){.p = str_slice(s, i, j)});
        r[2].u = rf_ro(v.flag);
        res[0].p = r;
        return RT_OK;
    }
    case K_SLICE:
    case K_ARRAY: {
        Slot *base;
        int64_t cap;
        Type *st = v.t;
        if (v.t->kind == K_ARRAY) {
            if (!(v.flag & RF_ADDR))
                return rt_panic_str(g, "reflect.Value.Slice: slice of unaddressable array");
            base = v.ptr, cap = u->len, st = type_slice(u->elem);
        } else {
            GoSlice *s = v.ptr->p;
            base = s ? s->ptr : NULL, cap = slice_cap(s);
        }
        if (i < 0 || j < i || j > cap)
            return rt_panic_str(g, oob);
        GoSlice *ns = slice_wrap(base ? base + i * u->elem->slots : NULL, j - i, cap - i);
        Slot *r = rf_from_reg(st, (Slot){.p = ns});
        r[2].u = rf_ro(v.flag);
        res[0].p = r;
        return RT_OK;
    }
    default:
        return rf_value_error(g, "reflect.Value.Slice", v.t);
    }
}

static RtStatus nat_overflowint(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && is_int(v.t->kind), "reflect.Value.OverflowInt");
    res[0].i = trunc_int(v.t->kind, args[1].i).i != args[1].i;
    return RT_OK;
}

static RtStatus nat_overflowuint(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && is_uint(v.t->kind), "reflect.Value.OverflowUint");
    res[0].i = trunc_int(v.t->kind, args[1].i).u != args[1].u;
    return RT_OK;
}

static RtStatus nat_overflowfloat(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    MUST(v.t && (v.t->kind == K_FLOAT32 || v.t->kind == K_FLOAT64),
         "reflect.Value.OverflowFloat");
    double x = fabs(args[1].f);
    res[0].i = v.t->kind == K_FLOAT32 && x > 3.40282346638528859811704183484516925440e+38 &&
               !isinf(x);
    return RT_OK;
}

static RtStatus nat_vcomparable(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    VAL_ARG;
    if (v.t && v.t->kind == K_INTERFACE) {
        GoIface *b = v.ptr->p;
        res[0].i = !b || b->type->comparable;
    } else {
        res[0].i = !v.t || v.t->comparable;
    }
    return RT_OK;
}

// appendValues(s Value, x []Value) Value
static RtStatus nat_append(G *g, Slot *args, Slot *res) {
    RVal s = rf_get(args[0].p);
    GoSlice *xs = args[1].p;
    Type *et = rt_under(s.t)->elem;
    int64_t n = slice_len(xs);
    Slot *vals = gc_alloc(sizeof(Slot) * (size_t)(n + 1));
    for (int64_t i = 0; i < n; i++) {
        RtStatus st = rf_assign_to(g, rf_get(xs->ptr + 3 * i), et, "reflect.Set", &vals[i]);
        if (st != RT_OK)
            return st;
    }
    GoSlice *r = slice_append(et, s.ptr->p, vals, n);
    res[0].p = rf_from_reg(s.t, (Slot){.p = r});
    return RT_OK;
}

// appendSlice(s, t Value) Value
static RtStatus nat_appendslice(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    RVal s = rf_get(args[0].p), t = rf_get(args[1].p);
    GoSlice *r = slice_append_slice(rt_under(s.t)->elem, s.ptr->p, t.ptr->p);
    res[0].p = rf_from_reg(s.t, (Slot){.p = r});
    return RT_OK;
}

// Copy(dst, src Value) int
static RtStatus nat_copy(G *g, Slot *args, Slot *res) {
    RVal d = rf_get(args[0].p), s = rf_get(args[1].p);
    if (!d.t || (d.t->kind != K_SLICE && d.t->kind != K_ARRAY))
        return rf_value_error(g, "reflect.Copy", d.t);
    if (d.t->kind == K_ARRAY && !(d.flag & RF_ADDR))
        return rt_panic_str(g, "reflect.Copy: unaddressable array value");
    if (!s.t || (s.t->kind != K_SLICE && s.t->kind != K_ARRAY && s.t->kind != K_STRING))
        return rf_value_error(g, "reflect.Copy", s.t);
    Type *et = rt_under(d.t)->elem;
    GoSlice *ds = d.t->kind == K_ARRAY ? slice_wrap(d.ptr, rt_under(d.t)->len,
                                                    rt_under(d.t)->len)
                                       : d.ptr->p;
    if (s.t->kind == K_STRING) {
        res[0].i = slice_copy_string(ds, s.ptr->p);
        return RT_OK;
    }
    if (rt_under(s.t)->elem != et)
        return rt_panic_str(g, "reflect.Copy: element types differ");
    GoSlice *ss = s.t->kind == K_ARRAY ? slice_wrap(s.ptr, rt_under(s.t)->len,
                                                    rt_under(s.t)->len)
                                       : s.ptr->p;
    res[0].i = slice_copy(et, ds, ss);
    return RT_OK;
}

static const NativeEntry reflect_value_natives[] = {
    {"reflect.Value.Interface", nat_interface},
    {"reflect.Value.Bool", nat_bool},
    {"reflect.Value.Int", nat_int},
    {"reflect.Value.Uint", nat_uint},
    {"reflect.Value.Float", nat_float},
    {"reflect.Value.String", nat_vstring},
    {"reflect.Value.Bytes", nat_bytes},
    {"reflect.Value.Len", nat_len},
    {"reflect.Value.Cap", nat_cap},
    {"reflect.Value.Index", nat_index},
    {"reflect.Value.Field", nat_field},
    {"reflect.Value.NumField", nat_numfield},
    {"reflect.Value.Elem", nat_elem},
    {"reflect.Value.IsNil", nat_isnil},
    {"reflect.Value.IsZero", nat_iszero},
    {"reflect.Value.Addr", nat_addr},
    {"reflect.Value.Pointer", nat_pointer},
    {"reflect.Value.MapKeys", nat_mapkeys},
    {"reflect.Value.MapIndex", nat_mapindex},
    {"reflect.Value.SetMapIndex", nat_setmapindex},
    {"reflect.Value.Set", nat_set},
    {"reflect.Value.SetInt", nat_setint},
    {"reflect.Value.SetUint", nat_setuint},
    {"reflect.Value.SetFloat", nat_setfloat},
    {"reflect.Value.SetString", nat_setstring},
    {"reflect.Value.SetBool", nat_setbool},
    {"reflect.Value.SetBytes", nat_setbytes},
    {"reflect.Value.SetLen", nat_setlen},
    {"reflect.Value.SetZero", nat_setzero},
    {"reflect.Value.Slice", nat_slice},
    {"reflect.Value.OverflowInt", nat_overflowint},
    {"reflect.Value.OverflowUint", nat_overflowuint},
    {"reflect.Value.OverflowFloat", nat_overflowfloat},
    {"reflect.Value.Comparable", nat_vcomparable},
    {"reflect.appendValues", nat_append},
    {"reflect.appendSlice", nat_appendslice},
    {"reflect.Copy", nat_copy},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(reflect_value_natives)
