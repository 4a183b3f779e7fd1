// Natives of package reflect's types (runtime/pkg/reflect.go): reflect.Type's methods over
// gol's run-time Type descriptors (a *reflect.rtype IS a C Type *), method sets as reflect
// lists them (exported, sorted by name), the Go kinds, and the constructors that make new
// values from a type (New, Zero, MakeSlice, MakeMap, MakeChan, and the types ArrayOf,
// ChanOf, FuncOf, SliceOf, MapOf, PointerTo). Value's methods are in reflect_value.c, calls,
// MakeFunc and conversions in reflect_call.c, channel operations in reflect_chan.c,
// DeepEqual in reflect_deep.c.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chan.h"
#include "funcinfo.h"
#include "format.h"
#include "map.h"
#include "pkgutil.h"
#include "reflect.h"
#include "vm.h"

Type *rf_value_type;
Type *rf_rtype_ptr;
static GoFunc *new_value_error; // reflect.newValueError(method string, kind int) error

Slot *rf_make(Type *t, Slot *ptr, uint64_t flag) {
    Slot *v = gc_alloc(3 * sizeof(Slot));
    v[0].p = t;
    v[1].p = t ? ptr : NULL;
    v[2].u = t ? flag : 0;
    return v;
}

Slot *rf_from_reg(Type *t, Slot val) {
    Slot *st;
    if (t->kind == K_STRUCT || t->kind == K_ARRAY) {
        st = val.p; // a fresh value or a private copy: never written (not addressable)
    } else {
        st = gc_alloc(sizeof(Slot));
        *st = val;
    }
    return rf_make(t, st, 0);
}

RVal rf_of_iface(GoIface *b, uint64_t flag) {
    if (!b)
        return (RVal){0};
    Type *t = b->type;
    Slot *st = (t->kind == K_STRUCT || t->kind == K_ARRAY) ? b->val.p : &b->val;
    return (RVal){t, st, rf_ro(flag)};
}

int rf_kind(Type *t) {
    static const int kinds[K_COUNT] = {
        [K_BOOL] = 1, [K_INT] = 2, [K_INT8] = 3, [K_INT16] = 4, [K_INT32] = 5,
        [K_INT64] = 6, [K_UINT] = 7, [K_UINT8] = 8, [K_UINT16] = 9, [K_UINT32] = 10,
        [K_UINT64] = 11, [K_UINTPTR] = 12, [K_FLOAT32] = 13, [K_FLOAT64] = 14,
        [K_COMPLEX64] = 15, [K_COMPLEX128] = 16, [K_ARRAY] = 17, [K_CHAN] = 18,
        [K_FUNC] = 19, [K_INTERFACE] = 20, [K_MAP] = 21, [K_POINTER] = 22, [K_SLICE] = 23,
        [K_STRING] = 24, [K_STRUCT] = 25, [K_UNSAFEPTR] = 26,
    };
    return t ? kinds[t->kind] : 0;
}

RtStatus rf_value_error(G *g, const char *method, Type *t) {
    Slot args[2], res[1];
    args[0].p = str_from_c(method);
    args[1].i = rf_kind(t);
    RtStatus st = vm_call(g, new_value_error, args, 2, res, 1);
    if (st != RT_OK)
        return st;
    return rt_panic_value(g, res[0].p);
}

RtStatus rf_must_assignable(G *g, RVal v, const char *method) {
    char msg[200];
    if (!v.t)
        return rf_value_error(g, method, NULL);
    if (v.flag & RF_ANYRO) {
        snprintf(msg, sizeof msg, "reflect: %s using value obtained using unexported field",
                 method);
        return rt_panic_str(g, msg);
    }
    if (!(v.flag & RF_ADDR)) {
        snprintf(msg, sizeof msg, "reflect: %s using unaddressable value", method);
        return rt_panic_str(g, msg);
    }
    return RT_OK;
}

RtStatus rf_must_exported(G *g, RVal v, const char *method) {
    char msg[200];
    if (!v.t)
        return rf_value_error(g, method, NULL);
    if (v.flag & RF_ANYRO) {
        snprintf(msg, sizeof msg, "reflect: %s using value obtained using unexported field",
                 method);
        return rt_panic_str(g, msg);
    }
    return RT_OK;
}

Slot *rf_method_func(RVal v) {
    Slot *st = gc_alloc(sizeof(Slot));
    st->p = rt_method_value(v.ptr[RF_MTYPE].p, v.ptr[RF_MNAME].p, v.ptr[RF_MRECV]);
    return st;
}

RtStatus rf_assign_to(G *g, RVal x, Type *t, const char *context, Slot *out) {
    if (x.flag & RF_METHOD)
        x.ptr = rf_method_func(x);
    if (x.t == t || type_assignable(x.t, t)) {
        Slot v = rf_load(x);
        if (t->kind == K_INTERFACE && x.t->kind != K_INTERFACE)
            v.p = iface_box(x.t, v);
        *out = v;
        return RT_OK;
    }
    char *msg = gc_alloc(strlen(context) + strlen(type_string(x.t)) + strlen(type_string(t)) +
                         64);
    sprintf(msg, "%s: value of type %s is not assignable to type %s", context,
            type_string(x.t), type_string(t));
    return rt_panic_str(g, msg);
}

// setup(v any, t any, newErr func(string, int) error): reflect's init, with a Value and a
// *rtype to learn their types.
static RtStatus nat_setup(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g), GOL_UNUSED(res);
    rf_value_type = ((GoIface *)args[0].p)->type;
    fmt_set_reflect_value(rf_value_type);
    rf_rtype_ptr = ((GoIface *)args[1].p)->type;
    new_value_error = args[2].p;
    return RT_OK;
}

// ---- reflect.Type ----

static RtStatus type_panic(G *g, const char *what, Type *t) {
    const char *ts = type_string(t);
    char *msg = gc_alloc(strlen(what) + strlen(ts) + 16);
    sprintf(msg, "reflect: %s%s", what, ts);
    return rt_panic_str(g, msg);
}

#define TYPE_ARG Type *t = args[0].p
#define NEED(cond, what)                                                                       \
    if (!(cond))                                                                               \
    return type_panic(g, what, t)

static RtStatus nat_name(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    const char *name = t->name;
    if (name && t->ntargs) { // an instance: "Box[main.Pair[int,bool]]", %T without "pkg."
        name = type_string(t);
        const char *pn = t->pkg ? pkg_name(t->pkg)->name : NULL;
        if (pn && strncmp(name, pn, strlen(pn)) == 0)
            name += strlen(pn) + 1;
    }
    res[0].p = name ? str_from_c(name) : NULL;
    return RT_OK;
}

static const char *pkg_path(Package *p) {
    return p ? pkg_name(p)->path : "";
}

static RtStatus nat_pkgpath(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].p = t->name && t->pkg ? str_from_c(pkg_path(t->pkg)) : NULL;
    return RT_OK;
}

static RtStatus nat_string(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].p = str_from_c(type_string(t));
    return RT_OK;
}

static RtStatus nat_tkind(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].i = rf_kind(t);
    return RT_OK;
}

static RtStatus nat_size(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].i = type_go_size(t);
    return RT_OK;
}

static RtStatus nat_align(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].i = type_go_align(t);
    return RT_OK;
}

static RtStatus nat_bits(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind >= K_INT && t->kind <= K_COMPLEX128, "Bits of non-arithmetic Type ");
    res[0].i = type_go_size(t) * 8;
    return RT_OK;
}

// elem(method string) *rtype
static RtStatus nat_elem(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    Kind k = t->kind;
    NEED(k == K_ARRAY || k == K_SLICE || k == K_POINTER || k == K_MAP || k == K_CHAN,
         "Elem of invalid type ");
    res[0].p = rt_under(t)->elem;
    return RT_OK;
}

static RtStatus nat_key(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_MAP, "Key of non-map type ");
    res[0].p = rt_under(t)->key;
    return RT_OK;
}

static RtStatus nat_len(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_ARRAY, "Len of non-array type ");
    res[0].i = rt_under(t)->len;
    return RT_OK;
}

static RtStatus nat_numfield(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_STRUCT, "NumField of non-struct type ");
    res[0].i = rt_under(t)->nfields;
    return RT_OK;
}

// fieldInfo(i) (name, pkgPath string, typ *rtype, tag string, offset int, embedded bool)
static RtStatus nat_fieldinfo(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_STRUCT, "Field of non-struct type ");
    Type *u = rt_under(t);
    int64_t i = args[1].i;
    if (i < 0 || i >= u->nfields)
        return rt_panic_str(g, "reflect: Field index out of bounds");
    TField *f = &u->fields[i];
    res[0].p = str_from_c(f->name);
    res[1].p = f->exported ? NULL : str_from_c(pkg_path(f->pkg));
    res[2].p = f->type;
    res[3].p = f->tag ? str_from_c(f->tag) : NULL;
    int64_t off = 0; // Go's byte offset: aligned sum of the preceding fields' sizes
    for (int j = 0; j <= i; j++) {
        int64_t a = type_go_align(u->fields[j].type);
        off = (off + a - 1) / a * a;
        if (j < i)
            off += type_go_size(u->fields[j].type);
    }
    res[4].i = off;
    res[5].i = f->embedded;
    return RT_OK;
}

// ---- method sets ----

typedef VEC(const char *) NameVec;

static void add_name(NameVec *v, const char *name) {
    for (int i = 0; i < v->n; i++)
        if (strcmp(v->v[i], name) == 0)
            return;
    vec_push(v, name);
}

// Every method name that [t] (or its embedded fields) declares, to be filtered by rt_method.
static void collect_names(Type *t, NameVec *v, int depth) {
    if (depth > 8)
        return;
    if (t->kind == K_POINTER && !t->name)
        t = t->elem;
    int n = 0;
    const char **declared = rt_declared_methods(t, &n);
    for (int i = 0; i < n; i++)
        add_name(v, declared[i]);
    Type *u = rt_under(t);
    if (u->kind == K_INTERFACE)
        for (int i = 0; i < u->nimethods; i++)
            add_name(v, u->imethods[i].name);
    if (u->kind == K_STRUCT)
        for (int i = 0; i < u->nfields; i++)
            if (u->fields[i].embedded)
                collect_names(u->fields[i].type, v, depth + 1);
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// The exported methods of [t]'s method set, sorted (for interfaces: all their methods).
static NameVec method_names(Type *t) {
    NameVec all = {0}, out = {0};
    if (t->kind == K_INTERFACE) {
        Type *u = rt_under(t);
        for (int i = 0; i < u->nimethods; i++)
            vec_push(&out, u->imethods[i].name);
        return out;
    }
    collect_names(t, &all, 0);
    for (int i = 0; i < all.n; i++)
        if (obj_exported(all.v[i]) && rt_method(t, all.v[i]))
            vec_push(&out, all.v[i]);
    if (out.n > 1)
        qsort(out.v, (size_t)out.n, sizeof(const char *), cmp_names);
    return out;
}

int rf_num_methods(Type *t) {
    return method_names(t).n;
}

const char *rf_method_name(Type *t, int64_t i) {
    NameVec v = method_names(t);
    return i >= 0 && i < v.n ? v.v[i] : NULL;
}

static RtStatus nat_nummethod(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].i = rf_num_methods(t);
    return RT_OK;
}

// methodInfo(i int) (name string, typ *rtype, fn Value)
static RtStatus nat_methodinfo(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    const char *name = rf_method_name(t, args[1].i);
    if (!name)
        return rt_panic_str(g, "reflect: Method index out of range");
    res[0].p = str_from_c(name);
    if (t->kind == K_INTERFACE) {
        Type *u = rt_under(t);
        for (int i = 0; i < u->nimethods; i++)
            if (strcmp(u->imethods[i].name, name) == 0)
                res[1].p = u->imethods[i].sig;
        res[2].p = rf_make(NULL, NULL, 0);
        return RT_OK;
    }
    GoFunc *fn = rt_method(t, name);
    Type *sig = proto_info(fn->proto)->type;
    Type **ps = gc_alloc(sizeof(Type *) * (size_t)(sig->nparams + 1));
    ps[0] = t;
    if (sig->nparams > 0)
        memcpy(ps + 1, sig->params, sizeof(Type *) * (size_t)sig->nparams);
    Type *ft = type_func(ps, sig->nparams + 1, sig->results, sig->nresults, sig->variadic);
    res[1].p = ft;
    res[2].p = rf_from_reg(ft, (Slot){.p = fn});
    return RT_OK;
}

static RtStatus nat_comparable(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].i = t->comparable;
    return RT_OK;
}

static RtStatus nat_numin(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_FUNC, "NumIn of non-func type ");
    res[0].i = rt_under(t)->nparams;
    return RT_OK;
}

static RtStatus nat_in(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_FUNC, "In of non-func type ");
    Type *u = rt_under(t);
    if (args[1].i < 0 || args[1].i >= u->nparams)
        return rt_panic_runtime(g, "index out of range [%lld] with length %d",
                                (long long)args[1].i, u->nparams);
    res[0].p = u->params[args[1].i];
    return RT_OK;
}

static RtStatus nat_numout(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_FUNC, "NumOut of non-func type ");
    res[0].i = rt_under(t)->nresults;
    return RT_OK;
}

static RtStatus nat_out(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_FUNC, "Out of non-func type ");
    Type *u = rt_under(t);
    if (args[1].i < 0 || args[1].i >= u->nresults)
        return rt_panic_runtime(g, "index out of range [%lld] with length %d",
                                (long long)args[1].i, u->nresults);
    res[0].p = u->results[args[1].i];
    return RT_OK;
}

static RtStatus nat_isvariadic(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_FUNC, "IsVariadic of non-func type ");
    res[0].i = rt_under(t)->variadic;
    return RT_OK;
}

static RtStatus nat_chandir(G *g, Slot *args, Slot *res) {
    TYPE_ARG;
    NEED(t->kind == K_CHAN, "ChanDir of non-chan type ");
    ChanDir d = rt_under(t)->dir;
    res[0].i = d == CHAN_BOTH ? 3 : d == CHAN_RECV ? 1 : 2;
    return RT_OK;
}

static RtStatus nat_implements(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    Type *u = args[1].p;
    res[0].i = type_implements(t, u, NULL, NULL);
    return RT_OK;
}

static RtStatus nat_assignable(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].i = t == args[1].p || type_assignable(t, args[1].p);
    return RT_OK;
}

static RtStatus nat_convertible(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    TYPE_ARG;
    res[0].i = t == args[1].p || type_convertible(t, args[1].p);
    return RT_OK;
}

// ---- functions over types ----

static RtStatus nat_typeof(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    GoIface *b = args[0].p;
    res[0].p = b ? b->type : NULL;
    return RT_OK;
}

static RtStatus nat_valueof(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[0].p = rf_put(rf_of_iface(args[0].p, 0));
    return RT_OK;
}

static RtStatus nat_ptrto(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[0].p = type_pointer(args[0].p);
    return RT_OK;
}

static RtStatus nat_sliceof(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[0].p = type_slice(args[0].p);
    return RT_OK;
}

static RtStatus nat_mapof(G *g, Slot *args, Slot *res) {
    Type *k = args[0].p;
    if (!k->comparable)
        return type_panic(g, "MapOf: invalid key type ", k);
    res[0].p = type_map(k, args[1].p);
    return RT_OK;
}

static RtStatus nat_arrayof(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    res[0].p = type_array(args[1].p, args[0].i);
    return RT_OK;
}

static RtStatus nat_chanof(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    int64_t d = args[0].i; // Go's RecvDir 1, SendDir 2, BothDir 3
    res[0].p = type_chan(args[1].p, d == 3 ? CHAN_BOTH : d == 1 ? CHAN_RECV : CHAN_SEND);
    return RT_OK;
}

// The Type * of each element of a []reflect.Type (interfaces holding *rtype).
static Type **types_of(GoSlice *s) {
    int64_t n = slice_len(s);
    Type **ts = gc_alloc(sizeof(Type *) * (size_t)(n + 1));
    for (int64_t i = 0; i < n; i++) {
        GoIface *b = s->ptr[i].p;
        ts[i] = b ? b->val.p : NULL;
    }
    return ts;
}

static RtStatus nat_funcof(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *in = args[0].p, *out = args[1].p;
    res[0].p = type_func(types_of(in), (int)slice_len(in), types_of(out), (int)slice_len(out),
                         args[2].i != 0);
    return RT_OK;
}

// structOf(names []string, types []Type, tags []string, anon []bool) *rtype
static RtStatus nat_structof(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    GoSlice *names = args[0].p, *tags = args[2].p, *anon = args[3].p;
    int n = (int)slice_len(names);
    Type **ts = types_of(args[1].p);
    TField *fs = gc_alloc(sizeof(TField) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        fs[i].name = str_to_c(names->ptr[i].p);
        fs[i].type = ts[i];
        fs[i].embedded = anon->ptr[i].i != 0;
        fs[i].exported = obj_exported(fs[i].name);
        fs[i].tag = str_len(tags->ptr[i].p) ? str_to_c(tags->ptr[i].p) : NULL;
    }
    res[0].p = type_struct(fs, n);
    return RT_OK;
}

static RtStatus nat_new(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    Type *t = args[0].p;
    Slot *cell = gc_alloc(sizeof(Slot));
    cell->p = val_new_storage(t);
    res[0].p = rf_make(type_pointer(t), cell, 0);
    return RT_OK;
}

static RtStatus nat_zero(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    Type *t = args[0].p;
    res[0].p = rf_make(t, val_new_storage(t), 0);
    return RT_OK;
}

static RtStatus nat_makeslice(G *g, Slot *args, Slot *res) {
    Type *t = args[0].p;
    // (len and cap were checked by MakeSlice: only the size can be wrong, as Go's newarray)
    if (slice_make_check(rt_under(t)->elem, args[1].i, args[2].i))
        return rt_panic_plain(g, "runtime: allocation size out of range");
    GoSlice *s = slice_make(rt_under(t)->elem, args[1].i, args[2].i);
    res[0].p = rf_from_reg(t, (Slot){.p = s});
    return RT_OK;
}

static RtStatus nat_makemap(G *g, Slot *args, Slot *res) {
    GOL_UNUSED(g);
    Type *t = args[0].p;
    res[0].p = rf_from_reg(t, (Slot){.p = map_make(t, args[1].i)});
    return RT_OK;
}

static RtStatus nat_makechan(G *g, Slot *args, Slot *res) {
    Type *t = args[0].p;
    if (!chan_size_ok(rt_under(t)->elem, args[1].i))
        return rt_panic_plain(g, "makechan: size out of range");
    res[0].p = rf_from_reg(t, (Slot){.p = chan_make(rt_under(t)->elem, args[1].i)});
    return RT_OK;
}

static const NativeEntry reflect_natives[] = {
    {"reflect.setup", nat_setup},
    {"reflect.rtype.Name", nat_name},
    {"reflect.rtype.PkgPath", nat_pkgpath},
    {"reflect.rtype.String", nat_string},
    {"reflect.rtype.kind", nat_tkind},
    {"reflect.rtype.Size", nat_size},
    {"reflect.rtype.Bits", nat_bits},
    {"reflect.rtype.Align", nat_align},
    {"reflect.rtype.FieldAlign", nat_align},
    {"reflect.rtype.elem", nat_elem},
    {"reflect.rtype.key", nat_key},
    {"reflect.rtype.Len", nat_len},
    {"reflect.rtype.NumField", nat_numfield},
    {"reflect.rtype.fieldInfo", nat_fieldinfo},
    {"reflect.rtype.NumMethod", nat_nummethod},
    {"reflect.rtype.methodInfo", nat_methodinfo},
    {"reflect.rtype.Comparable", nat_comparable},
    {"reflect.rtype.NumIn", nat_numin},
    {"reflect.rtype.in", nat_in},
    {"reflect.rtype.NumOut", nat_numout},
    {"reflect.rtype.out", nat_out},
    {"reflect.rtype.IsVariadic", nat_isvariadic},
    {"reflect.rtype.ChanDir", nat_chandir},
    {"reflect.rtype.implements", nat_implements},
    {"reflect.rtype.assignableTo", nat_assignable},
    {"reflect.rtype.convertibleTo", nat_convertible},
    {"reflect.typeOf", nat_typeof},
    {"reflect.ValueOf", nat_valueof},
    {"reflect.ptrTo", nat_ptrto},
    {"reflect.sliceOf", nat_sliceof},
    {"reflect.mapOf", nat_mapof},
    {"reflect.newValue", nat_new},
    {"reflect.arrayOf", nat_arrayof},
    {"reflect.chanOf", nat_chanof},
    {"reflect.funcOf", nat_funcof},
    {"reflect.structOf", nat_structof},
    {"reflect.zero", nat_zero},
    {"reflect.makeSlice", nat_makeslice},
    {"reflect.makeMap", nat_makemap},
    {"reflect.makeChan", nat_makechan},
    {NULL, NULL},
};

GOL_REGISTER_NATIVES(reflect_natives)
