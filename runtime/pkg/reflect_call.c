// Natives of reflect.Value that involve functions and conversions: NumMethod, Method (a
// method value bound to its receiver), Call/CallSlice (through vm_call, with Go's argument
// checks and panic texts), MakeFunc (a thunk calling one native stub), Convert and
// CanConvert (Go's conversion rules for non-constant values: numeric, string <-> []byte/
// []rune, integer -> string, same underlying type, interface boxing).
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cplx.h"
#include "funcinfo.h"
#include "pkgutil.h"
#include "reflect.h"
#include "vm.h"

#define VAL_ARG RVal v = rf_get(args[0].p)

static bool is_agg(Type *t) {
    return t->kind == K_STRUCT || t->kind == K_ARRAY;
}

static RtStatus panicf(G *g, const char *fmt, const char *a, const char *b) {
    char *msg = gc_alloc_atomic(strlen(fmt) + strlen(a) + strlen(b) + 1);
    sprintf(msg, fmt, a, b);
    return rt_panic_str(g, msg);
}

static RtStatus nat_nummethod(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    if (!v.t)
        return rf_value_error(g, "reflect.Value.NumMethod", NULL);
    res[0].i = (v.flag & RF_METHOD) ? 0 : rf_num_methods(v.t);
    return RT_OK;
}

static RtStatus nat_method(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    if (!v.t)
        return rf_value_error(g, "reflect.Value.Method", NULL);
    const char *name = (v.flag & RF_METHOD) ? NULL : rf_method_name(v.t, args[1].i);
    if (!name)
        return rt_panic_str(g, "reflect: Method index out of range");
    GoFunc *fn;
    Slot recv;
    Type *rt = v.t;
    if (v.t->kind == K_INTERFACE) {
        GoIface *b = v.ptr->p;
        if (!b)
            return rt_panic_str(g, "reflect: Method on nil interface value");
        rt = b->type;
        fn = rt_method(rt, name);
        recv = b->val;
    } else {
        fn = rt_method(v.t, name);
        recv = rf_load(v);
        if (is_agg(v.t))
            recv.p = val_clone(v.t, recv.p);
    }
    Slot *st = gc_alloc(RF_MSLOTS * sizeof(Slot));
    st[RF_MFN].p = fn;
    st[RF_MRECV] = recv;
    st[RF_MTYPE].p = rt;
    st[RF_MNAME].p = (void *)name;
    res[0].p = rf_make(proto_info(fn->proto)->type, st, RF_METHOD | rf_ro(v.flag));
    return RT_OK;
}

// Arguments [in] (a []Value) checked against signature [u] as Go's Value.call does, in
// register form at [regs] (after [k] slots already there); returns the count in *nregs.
static RtStatus call_args(G *g, Type *u, GoSlice *in, bool is_slice, Slot *regs, int k,
                          int *nregs) {
    const char *op = is_slice ? "CallSlice" : "Call";
    int64_t n = slice_len(in), np = u->nparams;
    char msg[128];
    if (is_slice && !u->variadic) {
        snprintf(msg, sizeof msg, "reflect: CallSlice of non-variadic function");
        return rt_panic_str(g, msg);
    }
    bool fixed = !u->variadic || is_slice;
    if (n < (fixed ? np : np - 1) || (fixed && n > np)) {
        snprintf(msg, sizeof msg, "reflect: %s with too %s input arguments", op,
                 n < np ? "few" : "many");
        return rt_panic_str(g, msg);
    }
    for (int64_t i = 0; i < n; i++)
        if (!rf_get(in->ptr + 3 * i).t) {
            snprintf(msg, sizeof msg, "reflect: %s using zero Value argument", op);
            return rt_panic_str(g, msg);
        }
    int64_t nfix = fixed ? np : np - 1;
    for (int64_t i = 0; i < nfix; i++) {
        RVal x = rf_get(in->ptr + 3 * i);
        Type *want = u->params[i];
        if (x.t != want && !type_assignable(x.t, want)) {
            snprintf(msg, sizeof msg, "reflect: %s using %%s as type %%s", op);
            return panicf(g, msg, type_string(x.t), type_string(want));
        }
        RtStatus st = rf_assign_to(g, x, want, op, &regs[k + i]);
        if (st != RT_OK)
            return st;
        if (is_agg(want))
            regs[k + i].p = val_clone(want, regs[k + i].p);
    }
    if (!fixed) { // pack the variadic tail into a fresh slice
        Type *et = rt_under(u->params[np - 1])->elem;
        int64_t extra = n - nfix;
        Slot *vals = gc_alloc(sizeof(Slot) * (size_t)(extra + 1));
        for (int64_t i = 0; i < extra; i++) {
            RVal x = rf_get(in->ptr + 3 * (nfix + i));
            if (x.t != et && !type_assignable(x.t, et)) {
                snprintf(msg, sizeof msg, "reflect: cannot use %%s as type %%s in %s", op);
                return panicf(g, msg, type_string(x.t), type_string(et));
            }
            RtStatus st = rf_assign_to(g, x, et, op, &vals[i]);
            if (st != RT_OK)
                return st;
        }
        regs[k + nfix].p = extra ? slice_append(et, NULL, vals, extra) : NULL;
    }
    *nregs = k + (int)np;
    return RT_OK;
}

static RtStatus do_call(G *g, Slot *args, Slot *res, bool is_slice) {
    VAL_ARG;
    if (!v.t || v.t->kind != K_FUNC)
        return rf_value_error(g, is_slice ? "reflect.Value.CallSlice" : "reflect.Value.Call",
                              v.t);
    GoFunc *fn;
    int k = 0;
    Type *u = rt_under(v.t);
    Slot *regs = gc_alloc(sizeof(Slot) * (size_t)(u->nparams + 2));
    if (v.flag & RF_METHOD) {
        fn = v.ptr[RF_MFN].p;
        regs[k++] = v.ptr[RF_MRECV];
    } else {
        fn = v.ptr->p;
    }
    if (!fn)
        return rt_panic_str(g, "reflect: call of nil function");
    int nregs = 0;
    RtStatus st = call_args(g, u, args[1].p, is_slice, regs, k, &nregs);
    if (st != RT_OK)
        return st;
    int nres = u->nresults;
    Slot *out = gc_alloc(sizeof(Slot) * (size_t)(nres + 1));
    st = vm_call(g, fn, regs, nregs, out, nres);
    if (st != RT_OK)
        return st;
    GoSlice *rs = slice_make(rf_value_type, nres, nres);
    for (int i = 0; i < nres; i++) {
        Slot *r = rf_from_reg(u->results[i], out[i]);
        memcpy(rs->ptr + 3 * i, r, 3 * sizeof(Slot));
    }
    res[0].p = rs;
    return RT_OK;
}

static RtStatus nat_call(G *g, Slot *args, Slot *res) {
    return do_call(g, args, res, false);
}

static RtStatus nat_callslice(G *g, Slot *args, Slot *res) {
    return do_call(g, args, res, true);
}

// ---- conversions ----

static bool is_int(Kind k) {
    return k >= K_INT && k <= K_INT64;
}

static bool is_uint(Kind k) {
    return k >= K_UINT && k <= K_UINTPTR;
}

static bool is_float(Kind k) {
    return k == K_FLOAT32 || k == K_FLOAT64;
}

// amd64's float -> int64 conversion (out of range and NaN give the "integer indefinite").
static int64_t f2i(double f) {
    if (!(f > -9223372036854775808.0 && f < 9223372036854775808.0))
        return INT64_MIN;
    return (int64_t)f;
}

static Slot trunc_to(Kind k, uint64_t x) {
    switch (k) {
    case K_INT8: return (Slot){.i = (int8_t)x};
    case K_INT16: return (Slot){.i = (int16_t)x};
    case K_INT32: return (Slot){.i = (int32_t)x};
    case K_UINT8: return (Slot){.u = (uint8_t)x};
    case K_UINT16: return (Slot){.u = (uint16_t)x};
    case K_UINT32: return (Slot){.u = (uint32_t)x};
    default: return (Slot){.u = x};
    }
}

// Numeric conversion of register-form [x] from kind [from] to kind [to].
static Slot conv_num(Kind from, Kind to, Slot x) {
    if (is_float(to)) {
        double d = is_int(from) ? (double)x.i : is_uint(from) ? (double)x.u : x.f;
        return (Slot){.f = to == K_FLOAT32 ? (double)(float)d : d};
    }
    uint64_t bits;
    if (is_float(from))
        bits = is_uint(to) && x.f >= 9223372036854775808.0 ? (uint64_t)x.f : (uint64_t)f2i(x.f);
    else
        bits = x.u;
    return trunc_to(to, bits);
}

// Whether the conversion [from] -> [to] is one conv() performs.
static bool can_convert(Type *from, Type *to) {
    if (from == to || type_convertible(from, to))
        return true;
    return false;
}

static RtStatus conv(G *g, RVal v, Type *to, Slot *out) {
    Kind fk = v.t->kind, tk = to->kind;
    Slot x = rf_load(v);
    if (tk == K_INTERFACE) {
        out->p = fk == K_INTERFACE ? x.p : iface_box(v.t, x);
        return RT_OK;
    }
    bool fnum = is_int(fk) || is_uint(fk) || is_float(fk);
    bool tnum = is_int(tk) || is_uint(tk) || is_float(tk);
    if (fnum && tnum) {
        *out = conv_num(fk, tk, x);
        return RT_OK;
    }
    if ((fk == K_COMPLEX64 || fk == K_COMPLEX128) && (tk == K_COMPLEX64 || tk == K_COMPLEX128)) {
        out->p = tk == K_COMPLEX64 ? cplx_round64(x.p) : x.p;
        return RT_OK;
    }
    if (tk == K_STRING && (is_int(fk) || is_uint(fk))) {
        out->p = str_from_rune(is_uint(fk) && x.u > 0x7fffffff ? -1 : x.i);
        return RT_OK;
    }
    if (tk == K_STRING && fk == K_SLICE) {
        Kind ek = rt_under(v.t)->elem->kind;
        out->p = ek == K_UINT8 ? str_from_bytes(x.p) : str_from_runes(x.p);
        return RT_OK;
    }
    if (fk == K_STRING && tk == K_SLICE) {
        Kind ek = rt_under(to)->elem->kind;
        out->p = ek == K_UINT8 ? str_to_bytes(x.p) : str_to_runes(x.p);
        return RT_OK;
    }
    if (is_agg(to)) { // same underlying type: a copy with the new type
        out->p = val_clone(to, x.p);
        return RT_OK;
    }
    if (fk == K_SLICE && tk == K_POINTER) { // slice to array pointer
        GoSlice *s = x.p;
        int64_t n = rt_under(rt_under(to)->elem)->len;
        if (slice_len(s) < n)
            return rt_panic_runtime(g, "cannot convert slice with length %lld to array or "
                                       "pointer to array with length %lld",
                                    (long long)slice_len(s), (long long)n);
        out->p = s ? s->ptr : NULL;
        return RT_OK;
    }
    *out = x; // same representation (named/unnamed, pointers, channels, funcs, maps...)
    return RT_OK;
}

static RtStatus nat_convert(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    Type *to = args[1].p;
    if (!v.t)
        return rf_value_error(g, "reflect.Value.Convert", NULL);
    if (v.flag & RF_METHOD)
        v = (RVal){v.t, rf_method_func(v), v.flag & ~(uint64_t)RF_METHOD};
    if (!can_convert(v.t, to))
        return panicf(g, "reflect.Value.Convert: value of type %s cannot be converted to type %s",
                      type_string(v.t), type_string(to));
    Slot x;
    RtStatus st = conv(g, v, to, &x);
    if (st != RT_OK)
        return st;
    Slot *r = rf_from_reg(to, x);
    r[2].u = rf_ro(v.flag);
    res[0].p = r;
    return RT_OK;
}

static RtStatus nat_canconvert(G *g, Slot *args, Slot *res) {
    VAL_ARG;
    if (!v.t)
        return rf_value_error(g, "reflect.Value.CanConvert", NULL);
    Type *to = args[1].p;
    bool ok = can_convert(v.t, to);
    if (ok && v.t->kind == K_SLICE && to->kind == K_POINTER) {
        GoSlice *s = v.ptr->p;
        ok = slice_len(s) >= rt_under(rt_under(to)->elem)->len;
    }
    res[0].i = ok;
    return RT_OK;
}

// ---- MakeFunc ----

// What a function made by MakeFunc captures: its signature and the Go implementation
// func(args []Value) []Value.
typedef struct MakeFuncData {
    Type *sig;
    GoFunc *impl;
} MakeFuncData;

static RtStatus makefunc_panic(G *g, MakeFuncData *d, const char *what) {
    char msg[512];
    snprintf(msg, sizeof msg, "reflect: function created by MakeFunc using %s %s",
             proto_info(d->impl->proto)->name, what);
    return rt_panic_str(g, msg);
}

// The native every MakeFunc function calls: (data, args...) -> results.
static RtStatus nat_makefunc_stub(G *g, Slot *args, Slot *res) {
    MakeFuncData *d = args[0].p;
    Type *u = rt_under(d->sig);
    GoSlice *in = slice_make(rf_value_type, u->nparams, u->nparams);
    for (int i = 0; i < u->nparams; i++) {
        Slot v = args[1 + i];
        if (is_agg(u->params[i]))
            v.p = val_clone(u->params[i], v.p);
        memcpy(in->ptr + 3 * i, rf_from_reg(u->params[i], v), 3 * sizeof(Slot));
    }
    Slot a[1] = {{.p = in}}, out[1];
    RtStatus st = vm_call(g, d->impl, a, 1, out, 1);
    if (st != RT_OK)
        return st;
    GoSlice *outs = out[0].p;
    if (slice_len(outs) != u->nresults)
        return rt_panic_str(g, "reflect: wrong return count from function created by MakeFunc");
    for (int i = 0; i < u->nresults; i++) {
        RVal r = rf_get(outs->ptr + 3 * i);
        if (!r.t)
            return makefunc_panic(g, d, "returned zero Value");
        if (r.flag & RF_ANYRO)
            return makefunc_panic(g, d, "returned value obtained from unexported field");
        st = rf_assign_to(g, r, u->results[i], "reflect.MakeFunc", &res[i]);
        if (st != RT_OK)
            return st;
        if (is_agg(u->results[i]))
            res[i].p = val_clone(u->results[i], res[i].p);
    }
    return RT_OK;
}

// makeFunc(t *rtype, fn func([]Value) []Value) Value
static RtStatus nat_makefunc(G *g, Slot *args, Slot *res) {
    Type *t = args[0].p;
    Type *u = rt_under(t);
    if (u->nparams > 15)
        return rt_panic_str(g, "reflect.MakeFunc: gol supports at most 15 parameters");
    MakeFuncData *d = gc_alloc(sizeof(MakeFuncData));
    d->sig = t;
    d->impl = args[1].p;
    Proto *stub = vm_native_proto("reflect.makeFuncStub", nat_makefunc_stub, NULL,
                                  1 + u->nparams, u->nresults, true);
    GoFunc *fn = func_new(rt_call_thunk(t, stub), 1);
    fn->caps[0] = gc_alloc(sizeof(Slot));
    fn->caps[0]->p = d;
    res[0].p = rf_from_reg(t, (Slot){.p = fn});
    return RT_OK;
}

static const NativeEntry reflect_call_natives[] = {
    {"reflect.makeFunc", nat_makefunc},
    {"reflect.Value.NumMethod", nat_nummethod},
    {"reflect.Value.Method", nat_method},
    {"reflect.Value.Call", nat_call},
    {"reflect.Value.callSlice", nat_callslice},
    {"reflect.Value.convert", nat_convert},
    {"reflect.Value.canConvert", nat_canconvert},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(reflect_call_natives)
