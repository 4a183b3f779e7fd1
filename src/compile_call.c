// Calls: static calls of functions and methods (CALLK), calls of function values (CALL),
// interface method calls (CALLI), receiver adjustment (address-of, dereference, embedded
// paths), argument passing with the struct copy rule and variadic packing, builtins, and
// the go/defer statements.
#include "compile_int.h"

#include <stdio.h>

int cconversion(FuncState *fs, Expr *call, int dst);
int cbuiltin(FuncState *fs, Expr *call, int dst);

static bool is_agg(Type *t) {
    return comp_type_is_aggregate(t);
}

static Type *func_type_of(Expr *fun) {
    Type *t = fun->tv;
    return t ? t->under : NULL;
}

// An argument of aggregate type is passed as an alias when nobody can change the source
// during the call (fresh values, non-escaping locals); otherwise as a private copy.
static void pass_arg(FuncState *fs, Expr *a, Type *pt, int r) {
    Expr *u = ast_unparen(a);
    if (is_agg(pt) && !comp_expr_is_fresh(u) &&
        (fs->copy_args || !(u->kind == E_IDENT && u->obj && u->obj->kind == OBJ_VAR &&
                             comp_var_reg(fs, u->obj) >= 0))) {
        comp_expr(fs, a, r);
        comp_emit_clone(fs, pt, r);
        return;
    }
    comp_expr_to(fs, a, pt, r);
}

// Variadic tail: pack args[from..] into a new []T at register r.
static void pack_variadic(FuncState *fs, ExprVec *args, int from, Type *st, int r) {
    int n = args->n - from;
    if (n == 0) {
        comp_emit(fs, OP_LOADNIL, r, 0, 0);
        return;
    }
    Type *et = st->elem;
    comp_emit_load_int(fs, r, n);
    comp_emit_bx(fs, OP_SLICELIT, r, (uint32_t)comp_k_type(fs, st));
    for (int i = 0; i < n; i++) {
        int mark = fs->nactive;
        int v = comp_reg_alloc(fs, 1);
        pass_arg(fs, args->v[from + i], et, v);
        int ir = comp_reg_alloc(fs, 1);
        comp_emit_load_int(fs, ir, i);
        if (is_agg(et)) {
            int p = comp_reg_alloc(fs, 1);
            comp_emit(fs, OP_ADDR_SL, p, r, ir);
            comp_emit_xbx(fs, 0, (uint32_t)et->slots);
            comp_emit_copyn(fs, p, v, et->slots);
        } else {
            comp_emit(fs, OP_SETINDEX_SL, r, ir, v);
        }
        comp_reg_free_to(fs, mark);
    }
}

static int cargs_plain(FuncState *fs, Expr *call, Type *ft, int first);

// Arguments of [call] for signature [ft] into registers first, first+1, ...; a call of a
// generic library function passes its type arguments (Type *) first. Returns the count.
static int cargs_into(FuncState *fs, Expr *call, Type *ft, int first) {
    for (int i = 0; i < call->ntargs; i++)
        comp_emit_bx(fs, OP_LOADK, first + i, (uint32_t)comp_k_type(fs, call->targs[i]));
    return call->ntargs + cargs_plain(fs, call, ft, first + call->ntargs);
}

static int cargs_plain(FuncState *fs, Expr *call, Type *ft, int first) {
    ExprVec *args = &call->args;
    int np = ft->nparams;
    if (args->n == 1 && args->v[0]->tv && args->v[0]->tv->kind == K_TUPLE) {
        Type *tt = args->v[0]->tv; // f(g()) with g multi-valued
        if (fs->nactive < first + tt->nresults)
            comp_reg_alloc(fs, first + tt->nresults - fs->nactive);
        comp_expr_multi(fs, args->v[0], first, tt->nresults);
        if (ft->variadic && !call->has_ellipsis) {
            // repack the tail into a slice
            int fixed = np - 1;
            int n = tt->nresults - fixed;
            int mark = fs->nactive;
            int tmp = comp_reg_alloc(fs, n > 0 ? n : 1);
            for (int i = 0; i < n; i++) {
                comp_emit_move(fs, tmp + i, first + fixed + i);
                comp_emit_convert(fs, tmp + i, tt->results[fixed + i], ft->params[fixed]->elem);
            }
            for (int i = 0; i < fixed; i++)
                comp_emit_convert(fs, first + i, tt->results[i], ft->params[i]);
            int r = first + fixed;
            Type *st = ft->params[fixed];
            if (n == 0) {
                comp_emit(fs, OP_LOADNIL, r, 0, 0);
            } else {
                comp_emit_load_int(fs, r, n);
                comp_emit_bx(fs, OP_SLICELIT, r, (uint32_t)comp_k_type(fs, st));
                int ir = comp_reg_alloc(fs, 1);
                for (int i = 0; i < n; i++) {
                    comp_emit_load_int(fs, ir, i);
                    comp_emit(fs, OP_SETINDEX_SL, r, ir, tmp + i);
                }
            }
            comp_reg_free_to(fs, mark);
            return np;
        }
        for (int i = 0; i < tt->nresults && i < np; i++)
            comp_emit_convert(fs, first + i, tt->results[i], ft->params[i]);
        return tt->nresults;
    }
    int fixed = ft->variadic && !call->has_ellipsis ? np - 1 : np;
    for (int i = 0; i < fixed && i < args->n; i++)
        pass_arg(fs, args->v[i], ft->params[i], first + i);
    if (ft->variadic && !call->has_ellipsis)
        pack_variadic(fs, args, fixed, ft->params[np - 1], first + fixed);
    return np;
}

static int call_regs(Expr *call, Type *ft, int nrecv) {
    int n = 1 + nrecv + call->ntargs + ft->nparams;
    return ft->nresults > n ? ft->nresults : n;
}

static int finish_call(FuncState *fs, int base, int dst, int nres, int mark) {
    if (dst >= 0 && dst != base)
        for (int i = 0; i < nres; i++)
            comp_emit_move(fs, dst + i, base + i);
    if (dst < 0) {
        comp_reg_free_to(fs, base + (nres > 0 ? nres : 0));
        return base;
    }
    comp_reg_free_to(fs, mark);
    return dst;
}

static Object *static_func(Expr *fun) {
    fun = ast_unparen(fun);
    Object *o = NULL;
    if (fun->kind == E_IDENT)
        o = fun->obj;
    else if (fun->kind == E_SELECTOR && fun->sel.kind == SEL_PKG)
        o = fun->sel.obj;
    return o && o->kind == OBJ_FUNC ? o : NULL;
}

// Whether the embedded-field [path] from a value of type [t] goes through a pointer: then a
// pointer-receiver method needs no address of the value itself (`A(a).m()` is valid Go).
static bool path_has_ptr(Type *t, const int *path, int npath) {
    for (int i = 0; i < npath; i++) {
        if (t->kind == K_POINTER)
            t = t->elem;
        t = t->under->fields[path[i]].type;
        if (t->kind == K_POINTER)
            return true;
    }
    return false;
}

// Receiver of a direct method call (or a method value) into register r.
void comp_receiver(FuncState *fs, Expr *sel, int r) {
    Object *m = sel->sel.obj;
    Expr *x = sel->x;
    Type *xt = x->tv;
    int mark = fs->nactive;
    int base, off = 0;
    Type *et = xt; // type of the value owning the method
    if (sel->sel.npath == 0) {
        if (m->ptr_recv) {
            if (xt->kind == K_POINTER)
                comp_expr(fs, x, r);
            else
                comp_addr(fs, x, r);
            return;
        }
        if (xt->kind == K_POINTER && !(m->recv_type && m->recv_type->kind == K_POINTER)) {
            int p = comp_expr(fs, x, -1);
            if (is_agg(xt->elem)) {
                comp_emit(fs, OP_NILCHECK, p, 0, 0);
                comp_emit_move(fs, r, p);
                comp_emit_clone(fs, xt->elem, r);
            } else {
                comp_emit(fs, OP_LOAD, r, p, 0);
            }
            comp_reg_free_to(fs, mark);
            return;
        }
        pass_arg(fs, x, xt, r);
        return;
    }
    bool by_value = xt->kind == K_POINTER || !m->ptr_recv ||
                    path_has_ptr(xt, sel->sel.path, sel->sel.npath);
    base = by_value ? comp_expr(fs, x, -1) : comp_addr(fs, x, -1);
    base = comp_field_path(fs, base, xt, sel->sel.path, sel->sel.npath, &off, &et);
    if (et->kind == K_POINTER) {
        comp_emit(fs, OP_LOAD, r, base, off); // the embedded pointer
        if (!m->ptr_recv) {
            if (is_agg(et->elem)) {
                comp_emit(fs, OP_NILCHECK, r, 0, 0);
                comp_emit_clone(fs, et->elem, r);
            } else {
                comp_emit(fs, OP_LOAD, r, r, 0);
            }
        }
    } else if (m->ptr_recv) {
        comp_emit(fs, OP_ADDR, r, base, off);
    } else {
        comp_emit_load_mem(fs, base, off, r, et);
        if (is_agg(et))
            comp_emit_clone(fs, et, r);
    }
    comp_reg_free_to(fs, mark);
}

static int cmethod_call(FuncState *fs, Expr *call, int dst, int nres) {
    Expr *sel = ast_unparen(call->x);
    Object *m = sel->sel.obj;
    Type *ft = m->type;
    int mark = fs->nactive;
    int base = comp_reg_alloc(fs, call_regs(call, ft, 1));
    comp_receiver(fs, sel, base + 1);
    cargs_into(fs, call, ft, base + 2);
    fs->pos = call->pos;
    comp_emit_method_call(fs, base, m);
    return finish_call(fs, base, dst, nres, mark);
}

// The interface value of an interface-method selector: x itself, or the embedded
// interface field reached through the selection's path.
void comp_load_iface_operand(FuncState *fs, Expr *sel, int dst) {
    if (sel->sel.npath == 0) {
        comp_expr(fs, sel->x, dst);
        return;
    }
    int mark = fs->nactive;
    int off;
    Type *ft;
    int b = comp_expr(fs, sel->x, -1);
    b = comp_field_path(fs, b, sel->x->tv, sel->sel.path, sel->sel.npath, &off, &ft);
    comp_emit_load_mem(fs, b, off, dst, ft);
    comp_reg_free_to(fs, mark);
}

static int ciface_call(FuncState *fs, Expr *call, int dst, int nres) {
    Expr *sel = ast_unparen(call->x);
    Type *ft = sel->sel.obj->type;
    int mark = fs->nactive;
    int base = comp_reg_alloc(fs, call_regs(call, ft, 1));
    comp_load_iface_operand(fs, sel, base + 1);
    cargs_into(fs, call, ft, base + 2);
    CallSite *cs = gc_alloc(sizeof(CallSite));
    cs->name = sel->sel.obj->name;
    fs->pos = call->pos;
    comp_emit(fs, OP_CALLI, base, ft->nparams + 1, ft->nresults);
    comp_emit_xbx(fs, 0, (uint32_t)comp_k_callsite(fs, cs));
    return finish_call(fs, base, dst, nres, mark);
}

int comp_call(FuncState *fs, Expr *call, int dst, int nres) {
    if (call->is_conversion)
        return cconversion(fs, call, dst);
    if (call->builtin)
        return cbuiltin(fs, call, dst);
    Expr *fun = ast_unparen(call->x);
    if (fun->kind == E_SELECTOR && fun->sel.kind == SEL_METHOD)
        return cmethod_call(fs, call, dst, nres);
    if (fun->kind == E_SELECTOR && fun->sel.kind == SEL_IFACE)
        return ciface_call(fs, call, dst, nres);
    Type *ft = func_type_of(fun);
    int mark = fs->nactive;
    int base = comp_reg_alloc(fs, call_regs(call, ft, 0));
    Object *sf = static_func(fun);
    if (!sf)
        comp_expr(fs, fun, base);
    cargs_into(fs, call, ft, base + 1);
    fs->pos = call->pos;
    if (sf)
        comp_emit_bx(fs, OP_CALLK, base, (uint32_t)comp_k_proto(fs, comp_func_proto(sf)));
    else
        comp_emit(fs, OP_CALL, base, ft->nparams, ft->nresults);
    return finish_call(fs, base, dst, nres, mark);
}

int comp_args(FuncState *fs, Expr *call, int base) {
    Expr *fun = ast_unparen(call->x);
    if (fun->kind == E_SELECTOR && fun->sel.kind == SEL_METHOD) {
        Object *m = fun->sel.obj;
        comp_emit_method_load(fs, base, m);
        comp_receiver(fs, fun, base + 1);
        return 1 + cargs_into(fs, call, m->type, base + 2);
    }
    Type *ft = func_type_of(fun);
    comp_expr(fs, fun, base); // function values, incl. bound interface methods
    return cargs_into(fs, call, ft, base + 1);
}

// A thunk for `go`/`defer` of a builtin: a function taking the builtin's evaluated
// arguments as parameters.
static Proto *builtin_thunk(FuncState *outer, Expr *call, int nargs) {
    FuncState fs;
    comp_fs_init(&fs, NULL, outer->pkg, NULL);
    fs.pos = call->pos;
    comp_reg_alloc(&fs, nargs);
    switch (call->builtin) {
    case BI_CLOSE: comp_emit(&fs, OP_CLOSE, 0, 0, 0); break;
    case BI_PANIC: comp_emit(&fs, OP_PANIC, 0, 0, 0); break;
    case BI_DELETE: comp_emit(&fs, OP_MAPDEL, 0, 1, 0); break;
    case BI_PRINT:
    case BI_PRINTLN:
        comp_emit(&fs, OP_PRINT, 0, nargs, call->builtin == BI_PRINTLN);
        for (int i = 0; i < nargs; i++)
            comp_emit_xbx(&fs, 0, (uint32_t)comp_k_type(&fs, call->args.v[i]->tv));
        break;
    default: break; // recover(), len()...: no effect when deferred
    }
    comp_emit(&fs, OP_RET0, 0, 0, 0);
    Proto *p = comp_fs_finish(&fs, "runtime.deferwrap", nargs, 0);
    p->hidden = true;
    p->epilogue_pc = -1;
    return p;
}

void comp_go_defer(FuncState *fs, Expr *call, bool is_go, Pos stmt_pos) {
    call = ast_unparen(call);
    int mark = fs->nactive;
    int op = is_go ? OP_GO : comp_in_rfbody(fs) ? OP_DEFERAT : OP_DEFER;
    // A goroutine's "created by" line is the go statement's (Go's), not the call's `(`,
    // which for `go func() {...}()` is on the literal's last line.
    Pos op_pos = is_go ? stmt_pos : call->pos;
    fs->pos = call->pos;
    comp_order_operands(fs, call);
    if (call->builtin || call->is_conversion) {
        int n = call->args.n;
        int base = comp_reg_alloc(fs, 1 + n);
        for (int i = 0; i < n; i++) {
            Type *t = call->args.v[i]->tv;
            if (call->builtin == BI_PANIC)
                t = types_empty_iface;
            comp_expr_store(fs, call->args.v[i], t, base + 1 + i);
        }
        Proto *p = builtin_thunk(fs, call, n);
        comp_emit_bx(fs, OP_LOADK, base, (uint32_t)comp_k_func(fs, func_new(p, 0)));
        fs->pos = op_pos;
        comp_emit(fs, op, base, n, 0);
        comp_reg_free_to(fs, mark);
        return;
    }
    Expr *fun = ast_unparen(call->x);
    Type *ft = fun->kind == E_SELECTOR && fun->sel.kind == SEL_METHOD ? fun->sel.obj->type
                                                                       : func_type_of(fun);
    int base = comp_reg_alloc(fs, call_regs(call, ft, 1));
    bool saved = fs->copy_args;
    fs->copy_args = true; // arguments outlive this statement: aggregates are copied
    int n = comp_args(fs, call, base);
    fs->copy_args = saved;
    fs->pos = op_pos;
    comp_emit(fs, op, base, n, 0);
    comp_reg_free_to(fs, mark);
}
