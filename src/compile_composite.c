// Expressions over composite values: composite literals, indexing (strings, slices, arrays,
// maps), slicing, field selection through embedded fields, method values and function
// literals (closures). Storage layout follows docs/values.md: aggregates are flattened into
// slots, so a field or element is an offset into its container's storage.
#include "compile_int.h"

#include <stdio.h>

#include "../runtime/native.h"

static bool is_agg(Type *t) {
    return comp_type_is_aggregate(t);
}

// Offsets beyond an instruction's 16-bit operand (fields of a struct holding a huge array)
// go through ADDR_X: R[dst] = &R[base][off], and the access then uses offset 0.
static int fit_offset(FuncState *fs, int base, int *off, int dst) {
    if (*off <= 0xffff)
        return base;
    comp_emit(fs, OP_ADDR_X, dst, base, 0);
    comp_emit_xbx(fs, 0, (uint32_t)*off);
    *off = 0;
    return dst;
}

void comp_emit_store_mem(FuncState *fs, int base, int off, int src, Type *t) {
    if (t->slots == 0)
        return;
    int mark = fs->nactive;
    if (off > 0xffff)
        base = fit_offset(fs, base, &off, comp_reg_alloc(fs, 1));
    if (!is_agg(t)) {
        comp_emit(fs, OP_STORE, base, off, src);
        comp_reg_free_to(fs, mark);
        return;
    }
    int dst = base;
    if (off) {
        dst = comp_reg_alloc(fs, 1);
        comp_emit(fs, OP_ADDR, dst, base, off);
    }
    comp_emit_copyn(fs, dst, src, t->slots);
    comp_reg_free_to(fs, mark);
}

void comp_emit_load_mem(FuncState *fs, int base, int off, int dst, Type *t) {
    base = fit_offset(fs, base, &off, dst);
    if (is_agg(t))
        comp_emit(fs, OP_ADDR, dst, base, off);
    else
        comp_emit(fs, OP_LOAD, dst, base, off);
}

// ---- composite literals ----

static int64_t const_index(Expr *k) {
    return cv_int64(k->cval);
}

// Store the elements of an array literal into storage R[base] (element type et).
static void array_elems(FuncState *fs, Expr *e, int base, Type *et) {
    int64_t idx = 0;
    for (int i = 0; i < e->args.n; i++) {
        Expr *el = e->args.v[i];
        if (el->kind == E_KEYVALUE) {
            idx = const_index(el->x);
            el = el->y;
        }
        int mark = fs->nactive;
        int r = comp_expr_store(fs, el, et, -1);
        int64_t off = idx * et->slots;
        if (off <= 0xffff) {
            comp_emit_store_mem(fs, base, (int)off, r, et);
        } else {
            int ir = comp_reg_alloc(fs, 1);
            comp_emit_load_int(fs, ir, idx);
            int ar = comp_reg_alloc(fs, 1);
            comp_emit_array(fs, OP_ADDR_A, ar, base, ir, et->slots, idx + 1);
            comp_emit_store_mem(fs, ar, 0, r, et);
        }
        comp_reg_free_to(fs, mark);
        idx++;
    }
}

static int64_t literal_len(Expr *e) {
    int64_t idx = 0, max = 0;
    for (int i = 0; i < e->args.n; i++) {
        Expr *el = e->args.v[i];
        if (el->kind == E_KEYVALUE)
            idx = const_index(el->x);
        idx++;
        if (idx > max)
            max = idx;
    }
    return max;
}

static void struct_elems(FuncState *fs, Expr *e, int base, Type *st) {
    for (int i = 0; i < e->args.n; i++) {
        Expr *el = e->args.v[i];
        int fi = i;
        if (el->kind == E_KEYVALUE) {
            fi = e->field_index ? e->field_index[i] : i;
            el = el->y;
        }
        TField *f = &st->fields[fi];
        int mark = fs->nactive;
        int r = comp_expr_store(fs, el, f->type, -1);
        comp_emit_store_mem(fs, base, f->offset, r, f->type);
        comp_reg_free_to(fs, mark);
    }
}

static void slice_elems(FuncState *fs, Expr *e, int sl, Type *et) {
    int64_t idx = 0;
    for (int i = 0; i < e->args.n; i++) {
        Expr *el = e->args.v[i];
        if (el->kind == E_KEYVALUE) {
            idx = const_index(el->x);
            el = el->y;
        }
        int mark = fs->nactive;
        int r = comp_expr_store(fs, el, et, -1);
        int ir = comp_reg_alloc(fs, 1);
        comp_emit_load_int(fs, ir, idx);
        if (is_agg(et)) {
            int ar = comp_reg_alloc(fs, 1);
            comp_emit(fs, OP_ADDR_SL, ar, sl, ir);
            comp_emit_xbx(fs, 0, (uint32_t)et->slots);
            comp_emit_copyn(fs, ar, r, et->slots);
        } else {
            comp_emit(fs, OP_SETINDEX_SL, sl, ir, r);
        }
        comp_reg_free_to(fs, mark);
        idx++;
    }
}

static void map_elems(FuncState *fs, Expr *e, int m, Type *mt) {
    for (int i = 0; i < e->args.n; i++) {
        Expr *kv = e->args.v[i];
        int mark = fs->nactive;
        int k = comp_expr_store(fs, kv->x, mt->key, -1);
        int v = comp_expr_store(fs, kv->y, mt->elem, -1);
        comp_emit(fs, OP_MAPSET, m, k, v);
        comp_reg_free_to(fs, mark);
    }
}

int comp_composite(FuncState *fs, Expr *e, int dst) {
    Type *t = e->tv;
    bool addr = false;
    if (t->kind == K_POINTER) { // elided &T in an outer literal
        t = t->elem;
        addr = true;
    }
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1);
    int mark = fs->nactive;
    int tmp = comp_reg_alloc(fs, 1); // build in a temp: elements may read dst's old value
    Type *u = t->under;
    fs->pos = e->pos;
    switch (u->kind) {
    case K_STRUCT:
        comp_emit_bx(fs, OP_NEW, tmp, (uint32_t)comp_k_type(fs, t));
        struct_elems(fs, e, tmp, u);
        break;
    case K_ARRAY:
        comp_emit_bx(fs, OP_NEW, tmp, (uint32_t)comp_k_type(fs, t));
        array_elems(fs, e, tmp, u->elem);
        break;
    case K_SLICE:
        comp_emit_load_int(fs, tmp, literal_len(e));
        comp_emit_bx(fs, OP_SLICELIT, tmp, (uint32_t)comp_k_type(fs, t));
        slice_elems(fs, e, tmp, u->elem);
        break;
    case K_MAP: {
        int h = comp_reg_alloc(fs, 1);
        comp_emit_load_int(fs, h, e->args.n);
        comp_emit(fs, OP_MAKEMAP, tmp, comp_k_type(fs, t), h);
        map_elems(fs, e, tmp, u);
        break;
    }
    default:
        gol_fatal_internal("bad composite literal type %s", type_string(t));
    }
    if (addr && !is_agg(t)) { // elided &[]T{...}: a cell holding the value
        int c = comp_reg_alloc(fs, 1);
        comp_emit_bx(fs, OP_NEW, c, (uint32_t)comp_k_type(fs, t));
        comp_emit(fs, OP_STORE, c, 0, tmp);
        comp_emit_move(fs, tmp, c);
    }
    comp_emit_move(fs, dst, tmp);
    comp_reg_free_to(fs, mark);
    return dst;
}

void comp_composite_into(FuncState *fs, Expr *e, int base) {
    Type *u = e->tv->under;
    fs->pos = e->pos;
    if (u->kind == K_STRUCT)
        struct_elems(fs, e, base, u);
    else
        array_elems(fs, e, base, u->elem);
}

// ---- indexing ----

int comp_index_operand(FuncState *fs, Expr *e) {
    int r = comp_expr(fs, e, -1);
    Type *t = e->tv;
    if (e->mode == MODE_CONST || !(t->kind >= K_UINT && t->kind <= K_UINTPTR))
        return r;
    int u = comp_reg_alloc(fs, 1); // values above MaxInt64 keep their text for the panic
    comp_emit_move(fs, u, r);
    comp_emit(fs, OP_UIDX, u, 0, 0);
    return u;
}

static Type *indexed_type(Expr *x) {
    Type *t = x->tv;
    if (t->kind == K_POINTER)
        t = t->elem->under; // pointer to array
    return t;
}

// Register with the array storage for indexing array expression x (a value or a pointer).
static int array_base(FuncState *fs, Expr *x) {
    int r = comp_expr(fs, x, -1);
    if (x->tv->kind == K_POINTER)
        comp_emit(fs, OP_NILCHECK, r, 0, 0);
    return r;
}

int comp_index(FuncState *fs, Expr *e, int dst) {
    Type *t = indexed_type(e->x);
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    Pos p = e->pos;
    switch (t->kind) {
    case K_STRING: {
        int s = comp_expr(fs, e->x, -1);
        int i = comp_index_operand(fs, e->y);
        fs->pos = p;
        comp_emit(fs, OP_INDEX_S, dst, s, i);
        break;
    }
    case K_SLICE: {
        int s = comp_expr(fs, e->x, -1);
        int i = comp_index_operand(fs, e->y);
        fs->pos = p;
        if (is_agg(t->elem)) {
            comp_emit(fs, OP_ADDR_SL, dst, s, i);
            comp_emit_xbx(fs, 0, (uint32_t)t->elem->slots);
        } else {
            comp_emit(fs, OP_INDEX_SL, dst, s, i);
        }
        break;
    }
    case K_ARRAY: {
        int a = array_base(fs, e->x);
        int i = comp_index_operand(fs, e->y);
        fs->pos = p;
        comp_emit_array(fs, is_agg(t->elem) ? OP_ADDR_A : OP_INDEX_A, dst, a, i, t->elem->slots,
                        t->len);
        break;
    }
    case K_MAP: {
        int m = comp_expr(fs, e->x, -1);
        int k = comp_expr_to(fs, e->y, t->key, -1);
        fs->pos = p;
        comp_emit(fs, OP_MAPGET, dst, m, k);
        comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, t->elem));
        break;
    }
    default:
        gol_fatal_internal("bad index expression");
    }
    comp_reg_free_to(fs, mark);
    return dst;
}

void comp_index_ok(FuncState *fs, Expr *e, int base) {
    Type *t = e->x->tv;
    int mark = fs->nactive;
    int m = comp_expr(fs, e->x, -1);
    int k = comp_expr_to(fs, e->y, t->key, -1);
    fs->pos = e->pos;
    comp_emit(fs, OP_MAPGET2, base, m, k);
    comp_emit_xbx(fs, 0, (uint32_t)comp_k_type(fs, t->elem));
    comp_reg_free_to(fs, mark);
}

// ---- slicing ----

static int opt_index(FuncState *fs, Expr *e) {
    if (!e)
        return 0xffff;
    return comp_index_operand(fs, e);
}

int comp_slice(FuncState *fs, Expr *e, int dst) {
    Type *t = indexed_type(e->x);
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    int base = t->kind == K_ARRAY ? (e->x->tv->kind == K_POINTER ? array_base(fs, e->x)
                                                                  : comp_addr(fs, e->x, -1))
                                  : comp_expr(fs, e->x, -1);
    int lo = opt_index(fs, e->lo);
    int hi = opt_index(fs, e->hi);
    int max = opt_index(fs, e->max);
    fs->pos = e->pos;
    if (t->kind == K_STRING) {
        comp_emit(fs, OP_SLICE_S, dst, base, 0);
        comp_emit_x(fs, lo, hi, 0xffff);
    } else if (t->kind == K_SLICE) {
        comp_emit(fs, OP_SLICE_SL, dst, base, 0);
        comp_emit_x(fs, lo, hi, max);
        comp_emit_xbx(fs, 0, (uint32_t)t->elem->slots);
    } else {
        comp_emit(fs, OP_SLICE_A, dst, base, 0);
        comp_emit_x(fs, lo, hi, max);
        comp_emit_xbx(fs, 0, (uint32_t)t->len);
        comp_emit_xbx(fs, 0, (uint32_t)t->elem->slots);
    }
    comp_reg_free_to(fs, mark);
    return dst;
}

// ---- selectors ----

int comp_field_path(FuncState *fs, int r, Type *t, int *path, int npath, int *off, Type **ft) {
    int o = 0;
    for (int i = 0; i < npath; i++) {
        if (t->kind == K_POINTER) {
            if (o) { // load the pointer stored at the current offset
                int nr = comp_reg_alloc(fs, 1);
                r = fit_offset(fs, r, &o, nr);
                comp_emit(fs, OP_LOAD, nr, r, o);
                r = nr;
                o = 0;
            }
            t = t->elem;
        }
        TField *f = &t->under->fields[path[i]];
        o += f->offset;
        t = f->type;
        if (t->kind == K_POINTER && i + 1 < npath) {
            int nr = comp_reg_alloc(fs, 1);
            r = fit_offset(fs, r, &o, nr);
            comp_emit(fs, OP_LOAD, nr, r, o);
            r = nr;
            o = 0;
        }
    }
    if (o > 0xffff)
        r = fit_offset(fs, r, &o, comp_reg_alloc(fs, 1));
    *off = o;
    *ft = t;
    return r;
}

static int cfield(FuncState *fs, Expr *e, int dst) {
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    int r = comp_expr(fs, e->x, -1);
    int off;
    Type *ft;
    r = comp_field_path(fs, r, e->x->tv, e->sel.path, e->sel.npath, &off, &ft);
    fs->pos = e->pos;
    comp_emit_load_mem(fs, r, off, dst, ft);
    comp_reg_free_to(fs, mark);
    return dst;
}

// Method value x.M: a closure capturing the receiver, evaluated now as a call would
// evaluate it (&x for a pointer method on an addressable x, a copy for a value method).
static int cmethod_value(FuncState *fs, Expr *e, int dst) {
    int mark = fs->nactive;
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1), mark = fs->nactive;
    int recv = comp_reg_alloc(fs, 1);
    Proto *thunk;
    if (e->sel.kind == SEL_IFACE) {
        comp_load_iface_operand(fs, e, recv);
        fs->pos = e->pos;
        comp_emit(fs, OP_NILCHECK, recv, 0, 0);
        // the thunk dispatches dynamically on the loaded interface
        thunk = comp_method_bound_thunk(types_empty_iface, e->sel.obj, NULL, 0);
    } else {
        bool saved = fs->copy_args;
        fs->copy_args = true; // the receiver value is captured: a private copy
        comp_receiver(fs, e, recv);
        fs->copy_args = saved;
        Object *m = e->sel.obj;
        thunk = comp_method_bound_thunk(m->recv_type, m, NULL, 0);
    }
    // the receiver goes into a fresh one-slot cell captured by the thunk
    int cell = comp_reg_alloc(fs, 1);
    comp_emit_bx(fs, OP_NEW, cell, (uint32_t)comp_k_type(fs, types_basic[K_UINTPTR]));
    comp_emit(fs, OP_STORE, cell, 0, recv);
    comp_emit_bx(fs, OP_CLOSURE, dst, (uint32_t)comp_k_proto(fs, thunk));
    comp_emit_x(fs, 0, cell, 0);
    comp_reg_free_to(fs, mark);
    return dst;
}

int comp_selector(FuncState *fs, Expr *e, int dst) {
    switch (e->sel.kind) {
    case SEL_PKG: {
        Object *o = e->sel.obj;
        if (o->kind == OBJ_FUNC) {
            if (dst < 0)
                dst = comp_reg_alloc(fs, 1);
            comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_func(fs, comp_func_value(o)));
            return dst;
        }
        if (dst < 0)
            dst = comp_reg_alloc(fs, 1);
        comp_var_load(fs, o, dst);
        return dst;
    }
    case SEL_FIELD:
        return cfield(fs, e, dst);
    case SEL_METHOD:
    case SEL_IFACE:
        return cmethod_value(fs, e, dst);
    case SEL_METHOD_EXPR: {
        if (dst < 0)
            dst = comp_reg_alloc(fs, 1);
        GoFunc *f = comp_method_value_for(e->x->tv, e->sel.obj, e->sel.path, e->sel.npath);
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_func(fs, f));
        return dst;
    }
    default:
        gol_fatal_internal("bad selector");
    }
}

// ---- function literals ----

int comp_funclit(FuncState *fs, Expr *e, int dst) {
    Object *f = e->func_obj;
    if (!f->proto || !((Proto *)f->proto)->code) {
        Object *outer = fs->fobj;
        int n = ++fs->nlits;
        char buf[512];
        const char *pn = outer ? comp_func_proto(outer)->name : "main";
        snprintf(buf, sizeof buf, outer && outer->lit ? "%s.%d" : "%s.func%d", pn, n);
        comp_func_proto(f)->name = gc_strdup(buf);
        comp_func(fs->pkg, f, fs);
    }
    if (dst < 0)
        dst = comp_reg_alloc(fs, 1);
    Pos saved = fs->pos;
    comp_emit_bx(fs, OP_CLOSURE, dst, (uint32_t)comp_k_proto(fs, comp_func_proto(f)));
    for (int i = 0; i < f->captures.n; i++) {
        Object *v = f->captures.v[i];
        int ci = comp_capture_index(fs, v);
        if (ci >= 0)
            comp_emit_x(fs, 1, ci, 0);
        else
            comp_emit_x(fs, 0, v->slot, 0);
    }
    fs->pos = saved;
    return dst;
}
