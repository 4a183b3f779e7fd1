// The compiler's driver: function bodies (parameters, results, the deferreturn epilogue),
// function names for tracebacks, the global variable table, and the program entry function
// that initialises packages in dependency order before calling main.main.
#include "compile_int.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "../runtime/native.h"
#include "../runtime/value.h"
#include "../runtime/memevent.h"

// ---- globals ----
// The table is replaced (never modified in place) when it grows, and published with a
// release store, so a goroutine reading an old table still finds valid cells.
static struct {
    _Atomic(Slot **) table; // written under lock, read without it (acquire)
    int count, cap;         // under lock
    pthread_mutex_t lock;
} globals = {.lock = PTHREAD_MUTEX_INITIALIZER};

Slot **comp_globals_table(void) {
    return atomic_load_explicit(&globals.table, memory_order_acquire);
}

int comp_globals_add(Type *t) {
    Slot *storage = t->slots > 0 ? val_new_storage(t) : val_zerobase; // (may end the program)
    pthread_mutex_lock(&globals.lock);
    if (globals.count == globals.cap) {
        int ncap = globals.cap ? globals.cap * 2 : 64;
        Slot **nt = gc_alloc((size_t)ncap * sizeof(Slot *));
        Slot **old = atomic_load_explicit(&globals.table, memory_order_relaxed);
        if (old)
            memcpy(nt, old, (size_t)globals.count * sizeof(Slot *));
        atomic_store_explicit(&globals.table, nt, memory_order_release);
        globals.cap = ncap;
    }
    Slot **tab = atomic_load_explicit(&globals.table, memory_order_relaxed);
    tab[globals.count] = storage;
    int idx = globals.count++;
    pthread_mutex_unlock(&globals.lock);
    return idx;
}

int comp_globals_count(void) {
    pthread_mutex_lock(&globals.lock);
    int n = globals.count;
    pthread_mutex_unlock(&globals.lock);
    return n;
}

void comp_globals_truncate(int n) {
    pthread_mutex_lock(&globals.lock);
    Slot **tab = atomic_load_explicit(&globals.table, memory_order_relaxed);
    for (int i = n; i < globals.count; i++)
        tab[i] = NULL;
    if (n < globals.count)
        globals.count = n;
    pthread_mutex_unlock(&globals.lock);
}

// ---- names ----
static const char *recv_base_name(Object *f) {
    Type *rt = f->recv_type;
    if (rt && rt->kind == K_POINTER && !rt->name)
        rt = rt->elem;
    if (rt && rt->name && rt->ntargs) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s[...]", rt->name);
        return gc_strdup(buf);
    }
    return rt && rt->name ? rt->name : "?";
}

const char *comp_func_name(Object *f) {
    if (!f)
        return "?";
    if (f->native)
        return f->native;
    const char *pkg = f->pkg ? f->pkg->path : "main";
    char buf[512];
    if (f->recv)
        snprintf(buf, sizeof buf, f->ptr_recv ? "%s.(*%s).%s" : "%s.%s.%s", pkg,
                 recv_base_name(f), f->name);
    else
        snprintf(buf, sizeof buf, "%s.%s", pkg, f->name);
    return gc_strdup(buf);
}

// ---- function values ----

// The PROTO_FAST_* id of a native CALLK may run inline (vm_fastpath), or 0. The inline CAS
// skips the native's race and scheduler hooks, so none while a tool watches the program
// (-race, --seed, explore: memevent_enabled).
static uint8_t native_fastpath(const char *name) {
    if (memevent_enabled)
        return 0;
    if (strcmp(name, "sync.Mutex.Lock") == 0)
        return PROTO_FAST_MUTEX_LOCK;
    if (strcmp(name, "sync.Mutex.Unlock") == 0)
        return PROTO_FAST_MUTEX_UNLOCK;
    return 0;
}

// Stands in for a bodyless library function whose C implementation does not exist.
static RtStatus missing_native(G *g, Slot *args, Slot *res) {
    const char *name = "?";
    if (g && g->nframes > 0)
        name = g->frames[g->nframes - 1].proto->name;
    gol_fatal_internal("a native called from %s is not implemented", name);
}
Proto *comp_func_proto(Object *f) {
    if (!f->proto) {
        Proto *p = gc_alloc(sizeof(Proto));
        p->name = comp_func_name(f);
        p->type = f->type;
        p->pos = f->pos;
        p->nparams = f->params.n + (f->recv ? 1 : 0) + (f->type ? f->type->ntparams : 0);
        p->nresults = f->results.n;
        p->variadic = f->type && f->type->variadic;
        f->proto = p;
        if (!f->decl || !f->decl->body) {
            if (f->native) {
                p->native = native_lookup(f->native);
                p->fastpath = native_fastpath(f->native);
                if (!p->native)
                    p->native = missing_native;
            }
        } else {
            comp_lazy_note(f);
        }
    }
    return f->proto;
}

GoFunc *comp_func_value(Object *f) {
    Proto *p = comp_func_proto(f);
    if (!p->fn0)
        p->fn0 = func_new(p, 0);
    return p->fn0;
}

// ---- function bodies ----

// Root variable of an assignable expression that writes into a variable's own storage
// (x, x.f, x[i] for arrays), or NULL when the write goes through a pointer/slice/map.
static Object *lhs_root(Expr *e) {
    for (;;) {
        e = ast_unparen(e);
        if (e->kind == E_IDENT)
            return e->obj;
        if (e->kind == E_SELECTOR && e->sel.kind == SEL_FIELD) {
            if (e->x->tv && e->x->tv->kind == K_POINTER)
                return NULL;
            e = e->x;
            continue;
        }
        if (e->kind == E_INDEX && e->x->tv && e->x->tv->kind == K_ARRAY) {
            e = e->x;
            continue;
        }
        return NULL;
    }
}

static bool stmts_mutate(StmtVec *v, Object *p);

static bool stmt_mutates(Stmt *s, Object *p) {
    if (!s)
        return false;
    switch (s->kind) {
    case S_ASSIGN:
        for (int i = 0; i < s->lhs.n; i++)
            if (lhs_root(s->lhs.v[i]) == p)
                return true;
        return false;
    case S_INCDEC:
        return lhs_root(s->x) == p;
    case S_RANGE:
        if (!s->define && ((s->key && lhs_root(s->key) == p) ||
                           (s->value && lhs_root(s->value) == p)))
            return true;
        return s->body && stmts_mutate(&s->body->stmts, p);
    case S_LABELED:
        return stmt_mutates(s->body_stmt, p);
    case S_BLOCK:
    case S_FOR:
    case S_CASE:
    case S_COMM:
    case S_SWITCH:
    case S_TYPESWITCH:
    case S_SELECT:
        if (stmt_mutates(s->init, p) || stmt_mutates(s->post, p) || stmt_mutates(s->comm, p))
            return true;
        return s->body && stmts_mutate(&s->body->stmts, p);
    case S_IF:
        return stmt_mutates(s->init, p) || stmts_mutate(&s->body->stmts, p) ||
               stmt_mutates(s->els, p);
    default:
        return false;
    }
}

static bool stmts_mutate(StmtVec *v, Object *p) {
    for (int i = 0; i < v->n; i++)
        if (stmt_mutates(v->v[i], p))
            return true;
    return false;
}

// Parameters arrive in R[0..n). Escaping ones move into a heap cell; aggregates the body
// mutates get a private copy (callers may pass an alias of their own storage).
static void setup_param(FuncState *fs, Object *v, int r, Block *body) {
    v->slot = r;
    if (!v->name || !v->name[0] || strcmp(v->name, "_") == 0)
        return;
    if (v->escapes) {
        if (comp_type_is_aggregate(v->type)) {
            comp_emit_clone(fs, v->type, r);
        } else {
            int t = comp_reg_alloc(fs, 1);
            comp_emit_bx(fs, OP_NEW, t, (uint32_t)comp_k_type(fs, v->type));
            comp_emit(fs, OP_STORE, t, 0, r);
            comp_emit_move(fs, r, t);
            comp_reg_free_to(fs, t);
        }
    } else if (comp_type_is_aggregate(v->type) && body && stmts_mutate(&body->stmts, v)) {
        if (!comp_arena_param(fs, v, r))
            comp_emit_clone(fs, v->type, r);
    }
}

static void setup_results(FuncState *fs, Object *f) {
    fs->nresults = f->results.n;
    fs->result_regs = gc_alloc(sizeof(int) * (size_t)(f->results.n + 1));
    for (int i = 0; i < f->results.n; i++) {
        Object *v = f->results.v[i];
        bool named = v->name && v->name[0];
        if (named || fs->has_defer) {
            comp_declare_local(fs, v, -1);
            fs->result_regs[i] = v->slot;
        } else {
            fs->result_regs[i] = -1;
        }
    }
}

// The deferreturn epilogue: run the deferred calls, then return the result variables'
// current values (deferred closures may have changed named results).
static void emit_epilogue(FuncState *fs, Object *f) {
    comp_patch_list_here(fs, &fs->epilogue);
    fs->epilogue_pc = comp_pc_here(fs);
    comp_emit(fs, OP_RUNDEFERS, 0, 0, 0);
    fs->proto->epilogue_pc = fs->epilogue_pc;
    if (f->results.n == 0) {
        comp_emit(fs, OP_RET0, 0, 0, 0);
        return;
    }
    int base = comp_reg_alloc(fs, f->results.n);
    for (int i = 0; i < f->results.n; i++)
        comp_var_load(fs, f->results.v[i], base + i);
    comp_emit(fs, OP_RET, base, f->results.n, 0);
}

static Block *func_body(Object *f) {
    if (f->lit)
        return f->lit->body;
    return f->decl ? f->decl->body : NULL;
}

bool comp_may_write(FuncState *fs, Object *v) {
    Block *body = fs->fobj ? func_body(fs->fobj) : NULL;
    return !body || stmts_mutate(&body->stmts, v);
}

// The frame arena's registers and OP_ARENA, first thing in the function: the block size is
// known only at the end (set then), the registers are needed before any local's.
static void arena_begin(FuncState *fs) {
    int r = comp_reg_alloc(fs, 2);
    fs->arena_mark = r + 1;
    fs->arena_pc = comp_emit_bx(fs, OP_ARENA, r, 0);
}

// Compile [f] once. [no_fused]: see FuncState; [arena]: give the frame an arena. *overflow
// and *wants_arena say whether to compile again with the one or the other set.
static Proto *compile_func_once(Package *pkg, Object *f, FuncState *parent, bool no_fused,
                                bool arena, bool *overflow, bool *wants_arena) {
    FuncState fs;
    comp_fs_init(&fs, parent, pkg, f);
    fs.proto = comp_func_proto(f);
    fs.proto->epilogue_pc = -1;
    fs.no_fused = no_fused;
    fs.has_defer = f->has_defer;
    Block *body = func_body(f);
    fs.pos = body ? body->lbrace : f->pos;
    int nparams = f->params.n + (f->recv ? 1 : 0);
    comp_reg_alloc(&fs, nparams); // all parameter registers first: escapes use temps above
    if (arena)
        arena_begin(&fs);
    int r = 0;
    if (f->recv)
        setup_param(&fs, f->recv, r++, body);
    for (int i = 0; i < f->params.n; i++)
        setup_param(&fs, f->params.v[i], r++, body);
    setup_results(&fs, f);
    comp_block(&fs, body);
    fs.pos = body->rbrace;
    if (f->results.n == 0)
        comp_emit_return(&fs);
    else
        comp_emit(&fs, OP_HALT, 1, 0, 0); // unreachable: the checker proved a terminating stmt
    if (fs.has_defer)
        emit_epilogue(&fs, f);
    *overflow = fs.jump_overflow;
    *wants_arena = fs.arena_wanted;
    if (fs.arena_mark)
        fs.code.v[fs.arena_pc].bx = (uint32_t)fs.arena_slots;
    Proto *p = comp_func_proto(f);
    fs.proto = p;
    comp_fs_finish(&fs, p->name, nparams, f->results.n);
    p->ncaps = f->captures.n;
    return p;
}

Proto *comp_func(Package *pkg, Object *f, FuncState *parent) {
    bool no_fused = false, arena = false;
    for (;;) {
        bool overflow = false, wants_arena = false;
        Proto *p = compile_func_once(pkg, f, parent, no_fused, arena, &overflow, &wants_arena);
        if (overflow && !no_fused)
            no_fused = true;
        else if (wants_arena && !arena)
            arena = true;
        else
            return p;
    }
}

// ---- program ----

typedef VEC(Package *) PkgVec;

static void visit_pkg(Package *p, PkgVec *order) {
    for (int i = 0; i < order->n; i++)
        if (order->v[i] == p)
            return;
    for (int i = 0; i < p->imports.n; i++)
        visit_pkg(p->imports.v[i], order);
    vec_push(order, p);
}

void comp_package_globals(Package *p) {
    if (p->globals_done)
        return;
    p->globals_done = true;
    for (int i = 0; i < p->scope->objs.n; i++) {
        Object *o = p->scope->objs.v[i];
        if (o->kind == OBJ_VAR)
            o->slot = comp_globals_add(o->type);
    }
    for (int i = 0; i < p->init_order.n; i++) {
        InitEntry *e = p->init_order.v[i];
        for (int j = 0; j < e->nlhs; j++) {
            Object *o = e->lhs[j];
            if (o && o->kind == OBJ_VAR && !o->is_global)
                o->slot = comp_globals_add(o->type);
        }
    }
}

static void store_global(FuncState *fs, Object *o, int src) {
    if (!o || !o->name || strcmp(o->name, "_") == 0)
        return;
    LValue lv = {.kind = LV_GLOBAL, .a = o->slot, .type = o->type};
    comp_lv_store(fs, &lv, src);
}

void comp_init_entry(FuncState *fs, InitEntry *e) {
    int mark = fs->nactive;
    fs->pos = e->pos;
    if (e->nrhs == 1 && e->nlhs > 1) {
        Expr *rhs = e->rhs[0];
        int base = comp_reg_alloc(fs, e->nlhs);
        comp_expr_multi(fs, rhs, base, e->nlhs);
        for (int j = 0; j < e->nlhs; j++) {
            if (e->lhs[j])
                comp_emit_convert(fs, base + j, comp_expr_multi_type(rhs, j), e->lhs[j]->type);
            store_global(fs, e->lhs[j], base + j);
        }
    } else {
        for (int j = 0; j < e->nlhs && j < e->nrhs; j++) {
            Object *o = e->lhs[j];
            Type *t = o ? o->type : e->rhs[j]->tv;
            int r = comp_reg_alloc(fs, 1);
            comp_expr_store(fs, e->rhs[j], t, r);
            store_global(fs, o, r);
        }
    }
    comp_reg_free_to(fs, mark);
}

void comp_package_funcs(Package *p) {
    int n = p->funcs.n;
    for (int i = p->ncompiled; i < n; i++) {
        Object *f = p->funcs.v[i];
        if (!f->lit) // literals are compiled inside their enclosing function
            comp_func(p, f, NULL);
    }
    p->ncompiled = n;
}

static bool pkg_in(PkgVec *v, Package *p) {
    for (int i = 0; i < v->n; i++)
        if (v->v[i] == p)
            return true;
    return false;
}

// Go's initialisation order (spec, "Program initialization", Go 1.21): of all packages
// sorted by import path, repeatedly the first not yet initialised whose imports all are.
static void init_order(Package *main, PkgVec *order) {
    PkgVec all = {0};
    visit_pkg(main, &all);
    for (int i = 1; i < all.n; i++) // insertion sort by path; main stays last
        for (int j = i; j > 0 && all.v[j] != main && all.v[j - 1] != main &&
                        strcmp(all.v[j - 1]->path, all.v[j]->path) > 0; j--) {
            Package *t = all.v[j];
            all.v[j] = all.v[j - 1];
            all.v[j - 1] = t;
        }
    while (order->n < all.n) {
        int pick = -1;
        for (int i = 0; i < all.n && pick < 0; i++) {
            if (pkg_in(order, all.v[i]))
                continue;
            bool ready = true;
            for (int k = 0; k < all.v[i]->imports.n && ready; k++)
                ready = pkg_in(order, all.v[i]->imports.v[k]);
            if (ready)
                pick = i;
        }
        for (int i = 0; i < all.n && pick < 0; i++) // unreachable unless imports cycle
            if (!pkg_in(order, all.v[i]))
                pick = i;
        vec_push(order, all.v[pick]);
    }
}

GoFunc *comp_program(Package *main) {
    PkgVec order = {0};
    init_order(main, &order);
    for (int i = 0; i < order.n; i++)
        comp_package_globals(order.v[i]);
    for (int i = 0; i < order.n; i++)
        comp_package_funcs(order.v[i]);
    FuncState fs;
    comp_fs_init(&fs, NULL, main, NULL);
    for (int i = 0; i < order.n; i++) {
        Package *p = order.v[i];
        fs.pkg = p;
        for (int j = 0; j < p->init_order.n; j++)
            comp_init_entry(&fs, p->init_order.v[j]);
        for (int j = 0; j < p->init_funcs.n; j++) {
            fs.pos = p->init_funcs.v[j]->pos; // disasm shows the call under its func line
            int r = comp_reg_alloc(&fs, 1);
            Proto *ip = comp_func_proto(p->init_funcs.v[j]);
            comp_emit_bx(&fs, OP_CALLK, r, (uint32_t)comp_k_proto(&fs, ip));
            comp_reg_free_to(&fs, r);
        }
    }
    Object *mainf = scope_lookup_local(main->scope, "main");
    fs.pos = mainf->pos;
    int r = comp_reg_alloc(&fs, 1);
    comp_emit_bx(&fs, OP_CALLK, r, (uint32_t)comp_k_proto(&fs, comp_func_proto(mainf)));
    comp_emit(&fs, OP_RET0, 0, 0, 0);
    Proto *entry = comp_fs_finish(&fs, "runtime.main", 0, 0);
    entry->hidden = true;
    entry->epilogue_pc = -1;
    comp_lazy_ready();
    return func_new(entry, 0);
}
