// The REPL's compiler (compile.h): a checked input becomes storage for its new globals, its
// compiled functions and methods, and an entry function running its steps, preceded by the
// initialisation of packages imported for the first time. A function lives in a global
// variable that callers load at each call, a method in a cell that its calls load; a
// redeclaration of the same type stores its new code there, so old callers see it. Inputs run under a hidden runner that calls the entry
// and then the REPL's `done` native (a panic or Ctrl-C ends the goroutine before it).
#include "compile_int.h"

#include <stdatomic.h>

#include "../runtime/format.h"
#include "../runtime/out.h"
#include "check.h"

typedef VEC(Package *) PkgVec;

// ---- natives ----

// Prints its arguments (args[0].i of them, each an interface) on one line: %v, strings %q.
static RtStatus print_values(G *g, Slot *args, Slot *res) {
    (void)res;
    int n = (int)args[0].i;
    Buf b = {0};
    for (int i = 0; i < n; i++) {
        if (i)
            buf_putc(&b, ' ');
        GoIface *v = args[1 + i].p;
        if (!v) {
            buf_puts(&b, "<nil>");
            continue;
        }
        int verb = v->type->kind == K_STRING ? 'q' : 'v';
        if (fmt_value(g, &b, v->type, v->val, verb) != RT_OK)
            return RT_PANIC;
    }
    buf_putc(&b, '\n');
    out_write(1, b.data, b.len);
    return RT_OK;
}

static Proto *native_proto(const char *name, NativeFn fn, int nparams) {
    Proto *p = gc_alloc(sizeof(Proto));
    p->name = name;
    p->native = fn;
    p->nparams = nparams;
    p->epilogue_pc = -1;
    p->hidden = true;
    return p;
}

static Proto *print_proto(ReplCompiler *rc, int n) {
    if (!rc->print[n])
        rc->print[n] = native_proto("main.print", print_values, n + 1);
    return rc->print[n];
}

// ---- packages ----

static bool was_inited(ReplCompiler *rc, Package *p) {
    for (int i = 0; i < rc->inited.n; i++)
        if (rc->inited.v[i] == p)
            return true;
    return false;
}

// Packages [p] depends on that were never compiled, dependencies first.
static void new_packages(ReplCompiler *rc, Package *p, Package *self, PkgVec *order) {
    if (p != self && was_inited(rc, p))
        return;
    for (int i = 0; i < order->n; i++)
        if (order->v[i] == p)
            return;
    for (int i = 0; i < p->imports.n; i++)
        new_packages(rc, p->imports.v[i], self, order);
    if (p != self)
        vec_push(order, p);
}

static void init_package(FuncState *fs, Package *p) {
    Package *saved = fs->pkg;
    fs->pkg = p;
    for (int j = 0; j < p->init_order.n; j++)
        comp_init_entry(fs, p->init_order.v[j]);
    for (int j = 0; j < p->init_funcs.n; j++) {
        int r = comp_reg_alloc(fs, 1);
        Proto *ip = comp_func_proto(p->init_funcs.v[j]);
        comp_emit_bx(fs, OP_CALLK, r, (uint32_t)comp_k_proto(fs, ip));
        comp_reg_free_to(fs, r);
    }
    fs->pkg = saved;
}

// ---- declarations ----

static void compile_decls(ReplInput *in) {
    for (int i = 0; i < in->globals.n; i++)
        in->globals.v[i]->slot = comp_globals_add(in->globals.v[i]->type);
    for (int i = 0; i < in->func_vars.n; i++)
        if (in->func_prev.v[i])
            in->func_vars.v[i]->slot = in->func_prev.v[i]->slot;
    for (int i = 0; i < in->methods.n; i++) {
        Object *m = in->methods.v[i], *prev = in->method_prev.v[i];
        m->cell = prev ? prev->cell : 1 + comp_globals_add(m->type);
    }
    for (int i = 0; i < in->funcs.n; i++) {
        Object *f = in->funcs.v[i];
        if (f->lit)
            continue; // compiled inside the function that contains it
        comp_func(in->pkg, f, NULL);
        Type *base = f->recv_type && f->recv_type->kind == K_POINTER && !f->recv_type->name
                         ? f->recv_type->elem
                         : f->recv_type;
        if (base) { // a new method: forget what the run time knew of the type's method set
            rt_method_cache_reset(base);
            if (base->ptr_to)
                rt_method_cache_reset(base->ptr_to);
        }
    }
    Slot **table = comp_globals_table();
    for (int i = 0; i < in->func_vars.n; i++) {
        Object *v = in->func_vars.v[i];
        atomic_store_explicit((_Atomic(void *) *)&table[v->slot][0].p, comp_func_value(v),
                              memory_order_release);
    }
    for (int i = 0; i < in->methods.n; i++) {
        Object *m = in->methods.v[i];
        atomic_store_explicit((_Atomic(void *) *)&table[m->cell - 1][0].p, comp_func_value(m),
                              memory_order_release);
    }
}

// ---- the entry function ----

static void cprint(ReplCompiler *rc, FuncState *fs, Expr *x) {
    int mark = fs->nactive;
    bool tuple = x->tv->kind == K_TUPLE;
    int n = tuple ? x->tv->nresults : 1;
    if (n > 15)
        n = 15;
    int base = comp_reg_alloc(fs, n + 2);
    comp_emit_load_int(fs, base + 1, n);
    if (tuple) {
        comp_expr_multi(fs, x, base + 2, x->tv->nresults);
        for (int i = 0; i < n; i++)
            comp_emit_convert(fs, base + 2 + i, x->tv->results[i], types_empty_iface);
    } else {
        comp_expr_to(fs, x, types_empty_iface, base + 2);
    }
    comp_emit_bx(fs, OP_CALLK, base, (uint32_t)comp_k_proto(fs, print_proto(rc, n)));
    comp_reg_free_to(fs, mark);
}

static void cstep(ReplCompiler *rc, FuncState *fs, ReplStep *st) {
    int mark = fs->nactive;
    switch (st->kind) {
    case RSTEP_STMT: comp_stmt(fs, st->stmt); break;
    case RSTEP_PRINT:
        fs->pos = st->stmt->pos;
        cprint(rc, fs, st->stmt->x);
        break;
    case RSTEP_INIT: comp_init_entry(fs, st->init); break;
    case RSTEP_CALL: {
        int r = comp_reg_alloc(fs, 1);
        comp_emit_bx(fs, OP_CALLK, r, (uint32_t)comp_k_proto(fs, comp_func_proto(st->fn)));
        break;
    }
    }
    comp_reg_free_to(fs, mark);
}

// The input's statements as the body of its own function "main.main" (closures in it are
// named main.main.func1..., as in a Go program).
static Proto *compile_entry(ReplCompiler *rc, ReplInput *in, PkgVec *fresh) {
    Object *e = in->entry;
    FuncState fs;
    comp_fs_init(&fs, NULL, in->pkg, e);
    fs.proto = comp_func_proto(e);
    fs.proto->epilogue_pc = -1;
    fs.has_defer = e->has_defer;
    fs.result_regs = gc_alloc(sizeof(int));
    Scope *s = in->scope;
    fs.pos = s->objs.n ? s->objs.v[0]->pos : POS_NONE;
    for (int i = 0; i < fresh->n; i++)
        init_package(&fs, fresh->v[i]);
    for (int i = 0; i < in->steps.n; i++)
        cstep(rc, &fs, &in->steps.v[i]);
    comp_emit_return(&fs);
    if (fs.has_defer) {
        comp_patch_list_here(&fs, &fs.epilogue);
        fs.epilogue_pc = comp_pc_here(&fs);
        comp_emit(&fs, OP_RUNDEFERS, 0, 0, 0);
        fs.proto->epilogue_pc = fs.epilogue_pc;
        comp_emit(&fs, OP_RET0, 0, 0, 0);
    }
    return comp_fs_finish(&fs, fs.proto->name, 0, 0);
}

// runtime.replinput: call the entry, then tell the REPL it finished.
static GoFunc *runner(ReplCompiler *rc, Package *pkg, Proto *entry, NativeFn done) {
    if (!rc->done)
        rc->done = native_proto("runtime.repldone", done, 0);
    FuncState fs;
    comp_fs_init(&fs, NULL, pkg, NULL);
    int r = comp_reg_alloc(&fs, 1);
    comp_emit_bx(&fs, OP_CALLK, r, (uint32_t)comp_k_proto(&fs, entry));
    comp_emit_bx(&fs, OP_CALLK, r, (uint32_t)comp_k_proto(&fs, rc->done));
    comp_emit(&fs, OP_RET0, 0, 0, 0);
    Proto *p = comp_fs_finish(&fs, "runtime.replinput", 0, 0);
    p->hidden = true;
    p->epilogue_pc = -1;
    return func_new(p, 0);
}

GoFunc *comp_repl_input(ReplCompiler *rc, ReplInput *in, NativeFn done) {
    PkgVec fresh = {0};
    new_packages(rc, in->pkg, in->pkg, &fresh);
    for (int i = 0; i < fresh.n; i++)
        comp_package_globals(fresh.v[i]);
    for (int i = 0; i < fresh.n; i++) {
        comp_package_funcs(fresh.v[i]);
        vec_push(&rc->inited, fresh.v[i]);
    }
    compile_decls(in);
    return runner(rc, in->pkg, compile_entry(rc, in, &fresh), done);
}
