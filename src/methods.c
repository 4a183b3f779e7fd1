// Methods at run time: the method set of a dynamic type (rt_method, cached per type),
// wrapper functions that adjust a receiver (dereference, address, embedded-field path)
// before calling the declared method, bound method values (x.M as a closure), and the
// implements test used by interface assertions and type switches.
//
// Call sites (CALLI) keep the methods of their last few dynamic types (chunk.h); a miss
// comes here (callsite_method).
// Caches: each Type's rt_methods is a singly linked list of MethodEntry, prepended under
// methods_lock and published with a release store; readers walk it without the lock.
// Negative results are cached too (fmt asks every value for String and Error).
// Layer: the VM (it reads the checker's method Objects and compiles wrappers); the runtime
// calls it through runtime/vm.h, whose methods part it implements.
#include "compile_int.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include "../runtime/native.h"
#include "../runtime/vm.h"
#include "vm_int.h"

typedef struct MethodEntry {
    const char *name;
    const Type *iface; // non-NULL: an implements-cache entry for this interface
    GoFunc *fn;        // NULL: not in the method set (or does not implement)
    struct MethodEntry *next;
} MethodEntry;

// Recursive: compiling a library function on first use (compile_lazy.c), done under it,
// makes wrappers and thunks too.
static pthread_mutex_t methods_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

static MethodEntry *cache_head(Type *t) {
    return atomic_load_explicit((_Atomic(void *) *)&t->rt_methods, memory_order_acquire);
}

static MethodEntry *cache_find(Type *t, const char *name, const Type *iface) {
    for (MethodEntry *e = cache_head(t); e; e = e->next)
        if (e->iface == iface && (iface || (name && strcmp(e->name, name) == 0)))
            return e;
    return NULL;
}

static void cache_add(Type *t, const char *name, const Type *iface, GoFunc *fn) {
    MethodEntry *e = gc_alloc(sizeof(MethodEntry));
    e->name = name;
    e->iface = iface;
    e->fn = fn;
    e->next = cache_head(t);
    atomic_store_explicit((_Atomic(void *) *)&t->rt_methods, e, memory_order_release);
}

// Emit code computing the receiver for method [m] from register [src] holding a value of
// type [recv], through [path], into register [dst].
static void adjust_receiver(FuncState *fs, int src, Type *recv, Object *m, int *path, int npath,
                            int dst) {
    Type *et = recv;
    int base = src, off = 0;
    if (m->is_iface_method && npath > 0) { // a method of an embedded interface field
        base = comp_field_path(fs, src, recv, path, npath, &off, &et);
        comp_emit_load_mem(fs, base, off, dst, et);
        return;
    }
    if (npath > 0) {
        base = comp_field_path(fs, src, recv, path, npath, &off, &et);
        if (et->kind == K_POINTER) {
            comp_emit(fs, OP_LOAD, dst, base, off);
            base = dst, off = 0;
        } else if (m->ptr_recv) {
            comp_emit(fs, OP_ADDR, dst, base, off);
            return;
        } else {
            comp_emit_load_mem(fs, base, off, dst, et);
            return;
        }
    } else {
        comp_emit_move(fs, dst, src);
    }
    if (et->kind == K_POINTER && !m->ptr_recv) { // value method through a pointer
        Type *vt = et->elem;
        char msg[512];
        snprintf(msg, sizeof msg, "value method %s called using nil *%s pointer",
                 comp_func_proto(m)->name, vt->name ? vt->name : type_string(vt));
        comp_emit_bx(fs, OP_NILRECV, dst, (uint32_t)comp_k_cstr(fs, gc_strdup(msg)));
        if (!comp_type_is_aggregate(vt))
            comp_emit(fs, OP_LOAD, dst, dst, 0);
    }
}

void comp_emit_method_call(FuncState *fs, int base, Object *m) {
    if (!m->cell) {
        comp_emit_bx(fs, OP_CALLK, base, (uint32_t)comp_k_proto(fs, comp_func_proto(m)));
        return;
    }
    comp_emit_bx(fs, OP_GETGLOBAL, base, (uint32_t)(m->cell - 1));
    comp_emit(fs, OP_CALL, base, m->type->nparams + 1, m->type->nresults);
}

void comp_emit_method_load(FuncState *fs, int dst, Object *m) {
    if (m->cell)
        comp_emit_bx(fs, OP_GETGLOBAL, dst, (uint32_t)(m->cell - 1));
    else
        comp_emit_bx(fs, OP_LOADK, dst, (uint32_t)comp_k_func(fs, comp_func_value(m)));
}

// A method in a REPL cell is always reached through a wrapper that loads the cell, so
// method values and method sets built earlier see a replacement's code.
static bool needs_wrapper(Type *recv, Object *m, int npath) {
    if (npath > 0 || m->is_iface_method || m->cell)
        return true;
    return (recv->kind == K_POINTER && !recv->name) != m->ptr_recv;
}

static Proto *make_wrapper(Type *recv, Object *m, int *path, int npath, bool bound) {
    FuncState fs;
    comp_fs_init(&fs, NULL, m->pkg, NULL);
    Type *sig = m->type;
    int np = sig->nparams, nr = sig->nresults;
    int first_arg = bound ? 0 : 1;
    comp_reg_alloc(&fs, first_arg + np);
    int callw = 2 + np > nr ? 2 + np : nr;
    int base = comp_reg_alloc(&fs, callw);
    if (bound) {
        int r = comp_reg_alloc(&fs, 1);
        comp_emit(&fs, OP_GETCAPV, r, 0, 0);
        adjust_receiver(&fs, r, recv, m, path, npath, base + 1);
    } else {
        adjust_receiver(&fs, 0, recv, m, path, npath, base + 1);
    }
    for (int i = 0; i < np; i++)
        comp_emit_move(&fs, base + 2 + i, first_arg + i);
    if (recv->kind == K_INTERFACE || m->is_iface_method) {
        CallSite *cs = gc_alloc(sizeof(CallSite));
        cs->name = m->name;
        comp_emit(&fs, OP_CALLI, base, np + 1, nr);
        comp_emit_xbx(&fs, 0, (uint32_t)comp_k_callsite(&fs, cs));
    } else {
        comp_emit_method_call(&fs, base, m);
    }
    if (nr)
        comp_emit(&fs, OP_RET, base, nr, 0);
    else
        comp_emit(&fs, OP_RET0, 0, 0, 0);
    char name[512];
    snprintf(name, sizeof name, "%s%s", comp_func_proto(m)->name, bound ? "-fm" : "");
    Proto *p = comp_fs_finish(&fs, gc_strdup(name), first_arg + np, nr);
    p->type = sig;
    p->hidden = !bound;
    p->epilogue_pc = -1;
    p->ncaps = bound ? 1 : 0;
    p->variadic = sig->variadic;
    return p;
}

GoFunc *comp_method_value_for(Type *recv, Object *m, int *path, int npath) {
    pthread_mutex_lock(&methods_lock);
    GoFunc *fn = needs_wrapper(recv, m, npath) ?
                     func_new(make_wrapper(recv, m, path, npath, false), 0) :
                     comp_func_value(m);
    comp_lazy_drain();
    pthread_mutex_unlock(&methods_lock);
    return fn;
}

Proto *comp_method_bound_thunk(Type *recv, Object *m, int *path, int npath) {
    pthread_mutex_lock(&methods_lock);
    Proto *p = make_wrapper(recv, m, path, npath, true);
    comp_lazy_drain();
    pthread_mutex_unlock(&methods_lock);
    return p;
}

// Whether method [m] reached through [sel] is in the method set of [t].
static bool in_method_set(Type *t, Selection *sel) {
    Object *m = sel->obj;
    if (!m->ptr_recv || (t->kind == K_POINTER && !t->name))
        return true;
    // a pointer method of a value: only when reached through an embedded pointer
    Type *cur = t;
    for (int i = 0; i < sel->npath; i++) {
        if (cur->kind == K_POINTER)
            cur = cur->elem;
        cur = cur->under->fields[sel->path[i]].type;
    }
    return cur->kind == K_POINTER;
}

GoFunc *rt_method(Type *t, const char *name) {
    if (!t)
        return NULL;
    MethodEntry *e = cache_find(t, name, NULL);
    if (e)
        return e->fn;
    pthread_mutex_lock(&methods_lock);
    e = cache_find(t, name, NULL);
    GoFunc *fn = NULL;
    if (e) {
        fn = e->fn;
    } else {
        Selection sel = {0};
        bool amb = false;
        bool found = t->kind != K_INTERFACE && type_lookup(t, name, NULL, &sel, &amb) && !amb;
        if (found && sel.kind == SEL_IFACE && sel.npath > 0) {
            fn = func_new(make_wrapper(t, sel.obj, sel.path, sel.npath, false), 0);
        } else if (found && sel.kind == SEL_METHOD && in_method_set(t, &sel)) {
            Object *m = sel.obj;
            if (needs_wrapper(t, m, sel.npath))
                fn = func_new(make_wrapper(t, m, sel.path, sel.npath, false), 0);
            else
                fn = comp_func_value(m);
        }
        comp_lazy_drain(); // before fn is published: it must have code
        cache_add(t, gc_strdup(name), NULL, fn);
    }
    pthread_mutex_unlock(&methods_lock);
    return fn;
}

GoFunc *rt_method_value(Type *t, const char *name, Slot recv) {
    if (!rt_method(t, name)) // also checks that name is in t's method set
        return NULL;
    Selection sel = {0};
    bool amb = false;
    type_lookup(t, name, NULL, &sel, &amb);
    Proto *p = comp_method_bound_thunk(t, sel.obj, sel.path, sel.npath);
    GoFunc *fn = func_new(p, 1);
    Slot *cell = gc_alloc(sizeof(Slot)); // the receiver's one-slot cell, as x.M captures it
    *cell = recv;
    fn->caps[0] = cell;
    return fn;
}

Proto *rt_call_thunk(Type *sig, Proto *target) {
    FuncState fs;
    comp_fs_init(&fs, NULL, NULL, NULL);
    Type *u = sig->under ? sig->under : sig;
    int np = u->nparams, nr = u->nresults;
    comp_reg_alloc(&fs, np);
    int callw = 2 + np > nr ? 2 + np : nr;
    int base = comp_reg_alloc(&fs, callw);
    comp_emit(&fs, OP_GETCAPV, base + 1, 0, 0);
    for (int i = 0; i < np; i++)
        comp_emit_move(&fs, base + 2 + i, i);
    comp_emit_bx(&fs, OP_CALLK, base, (uint32_t)comp_k_proto(&fs, target));
    if (nr)
        comp_emit(&fs, OP_RET, base, nr, 0);
    else
        comp_emit(&fs, OP_RET0, 0, 0, 0);
    Proto *p = comp_fs_finish(&fs, target->name, np, nr);
    p->type = sig;
    p->hidden = true;
    p->epilogue_pc = -1;
    p->ncaps = 1;
    p->variadic = u->variadic;
    return p;
}

Proto *rt_select_thunk(int n, const uint8_t *send, bool has_default) {
    FuncState fs;
    comp_fs_init(&fs, NULL, NULL, NULL);
    comp_reg_alloc(&fs, 2 * n);
    int base = comp_reg_alloc(&fs, 3); // chosen, received value, ok
    comp_emit(&fs, OP_SELECT, base, n, has_default);
    for (int i = 0; i < n; i++) // kinds as OP_SELECT's: 1 receive with ok, 2 send
        comp_emit_x(&fs, send[i] ? 2 : 1, 2 * i, send[i] ? 2 * i + 1 : base + 1);
    comp_emit(&fs, OP_RET, base, 3, 0);
    Proto *p = comp_fs_finish(&fs, "reflect.rselect", 2 * n, 3);
    Type **ps = gc_alloc(sizeof(Type *) * (size_t)(2 * n + 1));
    for (int i = 0; i < 2 * n; i++)
        ps[i] = types_basic[K_UINTPTR];
    Type *rs[3] = {types_basic[K_INT], types_basic[K_UINTPTR], types_basic[K_BOOL]};
    p->type = type_func(ps, 2 * n, rs, 3, false);
    p->hidden = true;
    p->epilogue_pc = -1;
    return p;
}

GoFunc *callsite_method(CallSite *cs, Type *t) {
    MethodCacheEntry *ce = atomic_load_explicit(&cs->entry, memory_order_acquire);
    int n = ce ? ce->n : 0;
    for (int i = 1; i < n; i++)
        if (ce->way[i].type == t)
            return ce->way[i].fn;
    GoFunc *fn = rt_method(t, cs->name);
    if (!fn)
        gol_fatal_internal("no method %s for %s", cs->name, type_string(t));
    MethodCacheEntry *ne = gc_alloc(sizeof(MethodCacheEntry));
    ne->way[0].type = t;
    ne->way[0].fn = fn;
    ne->n = 1;
    for (int i = 0; i < n && ne->n < CALLSITE_WAYS; i++)
        if (ce->way[i].type != t)
            ne->way[ne->n++] = ce->way[i];
    atomic_store_explicit(&cs->entry, ne, memory_order_release);
    return fn;
}

void rt_method_cache_reset(Type *t) {
    pthread_mutex_lock(&methods_lock);
    atomic_store_explicit((_Atomic(void *) *)&t->rt_methods, NULL, memory_order_release);
    pthread_mutex_unlock(&methods_lock);
}

bool rt_implements(Type *t, Type *iface) {
    if (!t)
        return false;
    MethodEntry *e = cache_find(t, NULL, iface);
    if (e)
        return e->fn != NULL;
    bool ok = true;
    for (int i = 0; i < iface->under->nimethods && ok; i++) {
        IMethod *im = &iface->under->imethods[i];
        GoFunc *f = rt_method(t, im->name);
        ok = f && type_identical(f->proto->type, im->sig);
    }
    pthread_mutex_lock(&methods_lock);
    if (!cache_find(t, NULL, iface))
        cache_add(t, "", iface, ok ? (GoFunc *)1 : NULL);
    pthread_mutex_unlock(&methods_lock);
    return ok;
}

const char *rt_missing_method(Type *t, Type *iface) {
    for (int i = 0; i < iface->under->nimethods; i++) {
        IMethod *im = &iface->under->imethods[i];
        GoFunc *f = rt_method(t, im->name);
        if (!f || !type_identical(f->proto->type, im->sig))
            return im->name;
    }
    return NULL;
}

static Package rt_pkg = {.path = "runtime", .name = "runtime"};

Type *vm_runtime_type(const char *name, Type *under) {
    Type *t = type_named(name, &rt_pkg, NULL);
    type_set_underlying(t, under);
    return t;
}

void vm_native_method(Type *named, bool ptr, const char *name, Type *sig, NativeFn fn) {
    Type *recv = ptr ? type_pointer(named) : named;
    Object *m = obj_new(OBJ_FUNC, name, POS_NONE, sig);
    m->pkg = &rt_pkg;
    m->recv = obj_new(OBJ_VAR, "e", POS_NONE, recv);
    m->recv->is_param = true;
    m->recv_type = recv;
    m->ptr_recv = ptr;
    char buf[128];
    snprintf(buf, sizeof buf, ptr ? "runtime.(*%s).%s" : "runtime.%s.%s", named->name, name);
    m->proto = vm_native_proto(gc_strdup(buf), fn, sig, 1, sig->nresults, false);
    vec_push(&named->methods, m);
}

const char **rt_declared_methods(Type *t, int *n) {
    const char **names = gc_alloc(sizeof(char *) * (size_t)(t->methods.n ? t->methods.n : 1));
    for (int i = 0; i < t->methods.n; i++)
        names[i] = t->methods.v[i]->name;
    *n = t->methods.n;
    return names;
}
