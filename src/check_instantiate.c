// Generic functions and types with bodies: instantiation by monomorphization. A generic
// declaration keeps a pristine copy of its syntax; its body is checked once against the type
// parameters' constraints (for Go's errors), and each distinct list of type arguments gets a
// fresh copy checked with the type parameter names bound to the arguments: a new named type
// Stack[int] with its own methods, or a new function Map[int,string] compiled like any other.
// Instances are cached per generic object, so identical instantiations are one Type/Object.
#include <stdio.h>

#include "buf.h"
#include "check_int.h"

typedef struct Inst {
    Type **targs;
    int n;
    Type *type;    // TYPE: the instance
    Object *fn;    // FUNC: the instance
    bool programs; // made for the program while sharing the library (check_share_programs)
} Inst;

typedef struct GenericInfo {
    Checker *home;     // checker of the declaring package (instances are checked there)
    Decl *src;         // FUNC: pristine declaration
    Spec *spec;        // TYPE: pristine type spec
    Type **tparams;    // the type parameter types
    int ntparams;
    Scope *tscope;     // scope declaring the type parameters (generic body check)
    bool quiet;        // a constraint has a type set: the generic body check stays silent
    bool cycle;        // an instantiation cycle was reported
    Object *base;      // method of a generic type: that type's object
    Scope *outer;      // the declaring file's scope, or the function's for a local type
    bool touched;      // in [touched]: has instances made for the program
    VEC(Inst) insts;
} GenericInfo;

// A method declared on a generic type, found by its receiver's base type name.
typedef struct GenMethod {
    Package *pkg;
    const char *base;
    Decl *src;
    Scope *outer;  // the declaring file's scope
} GenMethod;

// An instance whose body still has to be checked (then compiled).
typedef struct Pending {
    Checker *home;
    Object *fn;
    Decl *d;
    Scope *scope;
} Pending;

// All three are used by the checker only, which runs on one thread (no lock).
static VEC(GenMethod) gen_methods;
static VEC(Pending) pending;
static VEC(GenericInfo *) touched; // generics with instances made for the program

// The checker context an instantiation replaces while it checks in its home package.
typedef struct Saved {
    Scope *scope;
    FuncCtx *fn;
    DeclInfo *decl;
    ConstVal *iota;
    bool indirect, report_unused;
    Type *spelled_type;
    const char *spelled_as;
} Saved;

static Saved save(Checker *h) {
    Saved s = {h->scope, h->fn, h->decl, h->iota, h->indirect, h->report_unused,
               h->spelled_type, h->spelled_as};
    h->fn = NULL;
    h->decl = NULL;
    h->iota = NULL;
    h->indirect = false;
    h->spelled_type = NULL;
    return s;
}

static void restore(Checker *h, Saved s) {
    h->scope = s.scope;
    h->fn = s.fn;
    h->decl = s.decl;
    h->iota = s.iota;
    h->indirect = s.indirect;
    h->report_unused = s.report_unused;
    h->spelled_type = s.spelled_type;
    h->spelled_as = s.spelled_as;
}

// ---- declarations ----

static Expr *recv_type_expr(Field *recv, bool *ptr) {
    Expr *te = ast_unparen(recv->type);
    *ptr = te->kind == E_STAR;
    return *ptr ? ast_unparen(te->x) : te;
}

bool check_generic_recv(Field *recv) {
    bool ptr;
    return recv && recv_type_expr(recv, &ptr)->kind == E_INDEX;
}

void check_generic_collect(Checker *c, Object *o, Decl *d, Spec *s) {
    GenericInfo *gi = gc_alloc(sizeof(GenericInfo));
    gi->home = c;
    gi->src = d ? ast_clone_decl(d) : NULL;
    gi->spec = s ? ast_clone_spec(s) : NULL;
    gi->outer = c->fn ? c->scope : c->file_scope;
    o->generic = gi;
    bool ptr;
    Expr *base = d && d->recv ? recv_type_expr(d->recv, &ptr)->x : NULL;
    if (base && base->kind == E_IDENT)
        vec_push(&gen_methods, ((GenMethod){c->pkg, base->name, gi->src, c->file_scope}));
}

void check_generic_set_scope(Object *o, Scope *s, Type **tparams, int n) {
    GenericInfo *gi = o->generic;
    if (!gi)
        return;
    gi->tscope = s;
    gi->tparams = tparams;
    gi->ntparams = n;
    for (int i = 0; i < n; i++)
        gi->quiet |= tparams[i]->tparam->nterms > 0;
}

// "Stack[T any]", as types2 prints a generic type.
static const char *generic_type_str(Checker *c, Type *t) {
    Buf b = {0};
    buf_printf(&b, "%s[", t->name);
    for (int i = 0; i < t->ntparams; i++) {
        TParam *tp = t->tparams[i]->tparam;
        const char *cn = tp->bound ? check_type_str(c, tp->bound) : tp->cname;
        buf_printf(&b, "%s%s %s", i ? ", " : "", t->tparams[i]->name, cn);
    }
    buf_putc(&b, ']');
    return buf_cstr(&b);
}

bool check_generic_type_unused(Checker *c, Expr *e, Object *o) {
    if (!o->generic || !o->type || !o->type->ntparams)
        return false;
    check_errorf(c, check_start(e), "cannot use generic type %s without instantiation",
                 generic_type_str(c, o->type));
    return true;
}

void check_generic_type_spec(Checker *c, Object *obj, Spec *spec) {
    if (!obj->type)
        obj->type = type_named(obj->name, c->pkg, obj);
    Type *t = obj->type;
    Scope *saved = c->scope;
    c->scope = scope_new(saved, NULL);
    int n = 0;
    Type **tps = check_declare_tparams(c, &spec->tparams, &n);
    t->tparams = tps;
    t->ntparams = n;
    check_generic_set_scope(obj, c->scope, tps, n);
    vec_push(&c->path, obj);
    Type *u = check_type(c, spec->type);
    c->path.n--;
    c->scope = saved;
    type_set_underlying(t, u->incomplete ? INVALID_TYPE : u->under);
}

// ---- instantiation ----

static bool has_tparam(Type *t, int depth) {
    if (!t || depth > 8)
        return false;
    if (t->tparam)
        return true;
    if (t->name) {
        for (int i = 0; i < t->ntargs; i++)
            if (has_tparam(t->targs[i], depth + 1))
                return true;
        return false;
    }
    switch (t->kind) {
    case K_SLICE: case K_POINTER: case K_ARRAY: case K_CHAN:
        return has_tparam(t->elem, depth + 1);
    case K_MAP:
        return has_tparam(t->key, depth + 1) || has_tparam(t->elem, depth + 1);
    case K_FUNC: case K_TUPLE:
        for (int i = 0; i < t->nparams; i++)
            if (has_tparam(t->params[i], depth + 1))
                return true;
        for (int i = 0; i < t->nresults; i++)
            if (has_tparam(t->results[i], depth + 1))
                return true;
        return false;
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (has_tparam(t->fields[i].type, depth + 1))
                return true;
        return false;
    case K_INTERFACE:
        for (int i = 0; i < t->nimethods; i++)
            if (has_tparam(t->imethods[i].sig, depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

static bool concrete(Type **targs, int n) {
    for (int i = 0; i < n; i++)
        if (has_tparam(targs[i], 0))
            return false;
    return true;
}

// (A library package loading while sharing does not take the program's instances, which
// are dropped after the program.)
static Inst *find_inst(GenericInfo *gi, Type **targs, int n) {
    bool programs = check_share_programs();
    for (int i = 0; i < gi->insts.n; i++) {
        Inst *in = &gi->insts.v[i];
        bool same = in->n == n && (programs || !in->programs);
        for (int k = 0; k < n && same; k++)
            same = type_identical(in->targs[k], targs[k]);
        if (same)
            return in;
    }
    return NULL;
}

static void add_inst(GenericInfo *gi, Type **targs, int n, Type *type, Object *fn) {
    bool programs = check_share_programs();
    vec_push(&gi->insts, ((Inst){targs, n, type, fn, programs}));
    if (programs && !gi->touched) {
        gi->touched = true;
        vec_push(&touched, gi);
    }
}

static Type **copy_targs(Type **targs, int n) {
    Type **r = gc_alloc(sizeof(Type *) * (size_t)(n + 1));
    memcpy(r, targs, sizeof(Type *) * (size_t)n);
    return r;
}

// A scope (under the home package's file scope, or [outer]) where [names] denote [targs].
static Scope *bind_scope_in(Checker *h, Scope *outer, Expr **names, int n, Type **targs) {
    Scope *s = scope_new(outer ? outer : h->file_scope, NULL);
    for (int i = 0; i < n; i++) {
        Expr *id = names[i];
        if (id->kind != E_IDENT || strcmp(id->name, "_") == 0)
            continue;
        Object *o = obj_new(OBJ_TYPE, id->name, id->pos, targs[i]);
        id->obj = o;
        scope_insert(s, o);
    }
    return s;
}

static int tparam_names(FieldVec *fl, Expr ***out) {
    VEC(Expr *) v = {0};
    for (int i = 0; i < fl->n; i++)
        for (int k = 0; k < fl->v[i]->names.n; k++)
            vec_push(&v, fl->v[i]->names.v[k]);
    *out = v.v;
    return v.n;
}

// The receiver type parameter names of a method on a generic type: s *Stack[K, V] -> K, V.
static int recv_names(Field *recv, Expr ***out) {
    bool ptr;
    Expr *te = recv_type_expr(recv, &ptr);
    VEC(Expr *) v = {0};
    vec_push(&v, te->y);
    for (int i = 0; i < te->args.n; i++)
        vec_push(&v, te->args.v[i]);
    *out = v.v;
    return v.n;
}

// Receiver variable and signature of method [m] (declaration [d]) on receiver base [t].
static void method_sig(Checker *h, Object *m, Decl *d, Type *t) {
    bool ptr;
    recv_type_expr(d->recv, &ptr);
    Field *rf = d->recv;
    Type *rt = ptr ? type_pointer(t) : t;
    Expr *rid = rf->names.n ? rf->names.v[0] : NULL;
    Object *r = obj_new(OBJ_VAR, rid ? rid->name : "", rid ? rid->pos : rf->pos, rt);
    r->is_param = true;
    r->owner = m;
    r->used = true;
    if (rid)
        rid->obj = r;
    rf->type->mode = MODE_TYPE;
    rf->type->tv = rt;
    m->recv = r;
    m->recv_type = rt;
    m->ptr_recv = ptr;
    m->type = check_signature(h, d->ftype, m, NULL);
}

static void inst_methods(Checker *h, Object *o, Type *t, Type **targs, int n) {
    bool body = concrete(targs, n);
    for (int i = 0; i < gen_methods.n; i++) {
        GenMethod *gm = &gen_methods.v[i];
        if (gm->pkg != o->pkg || strcmp(gm->base, o->name) != 0)
            continue;
        Decl *d = ast_clone_decl(gm->src);
        Object *m = obj_new(OBJ_FUNC, d->name->name, d->name->pos, NULL);
        m->pkg = o->pkg;
        m->decl = d;
        d->obj = m;
        d->name->obj = m;
        Expr **names;
        int nn = recv_names(d->recv, &names);
        if (nn != n)
            continue;
        Scope *s = bind_scope_in(h, gm->outer, names, nn, targs);
        h->scope = s;
        method_sig(h, m, d, t);
        vec_push(&t->methods, m);
        if (body && d->body)
            vec_push(&pending, ((Pending){h, m, d, s}));
    }
}

static int type_depth(Type *t);
static bool contains(Type *t, Type *p);

Type *check_instantiate_type(Checker *c, Object *o, Type **targs, int n) {
    GOL_UNUSED(c);
    GenericInfo *gi = o->generic;
    Inst *have = find_inst(gi, targs, n);
    if (have)
        return have->type;
    for (int i = 0; i < n; i++) { // Box[Box[Box[...]]]: a cycle not caught where declared
        if (type_depth(targs[i]) <= 32)
            continue;
        if (!gi->cycle)
            check_cycle_errorf(gi->home, o->pos, "instantiation cycle");
        gi->cycle = true;
        return INVALID_TYPE;
    }
    Checker *h = gi->home;
    Saved sv = save(h);
    Spec *sp = ast_clone_spec(gi->spec);
    Expr **names;
    int nn = tparam_names(&sp->tparams, &names);
    Scope *s = bind_scope_in(h, gi->outer, names, nn < n ? nn : n, targs);
    h->scope = s;
    targs = copy_targs(targs, n);
    if (sp->alias) {
        Type *t = check_type(h, sp->type);
        add_inst(gi, targs, n, t, NULL);
        restore(h, sv);
        return t;
    }
    Type *t = type_named(o->name, o->pkg, NULL);
    Object *to = obj_new(OBJ_TYPE, o->name, o->pos, t);
    to->pkg = o->pkg;
    t->obj = to;
    t->origin = o->type;
    t->targs = targs;
    t->ntargs = n;
    add_inst(gi, targs, n, t, NULL);
    vec_push(&h->path, to);
    Type *u = check_type(h, sp->type);
    h->path.n--;
    type_set_underlying(t, u->incomplete ? INVALID_TYPE : u->under);
    inst_methods(h, o, t, targs, n);
    restore(h, sv);
    return t;
}

// How deeply [t] nests types (an instantiation cycle makes type arguments grow forever);
// [*budget] bounds the walk as local_of's does.
static int depth_in(Type *t, int d, int *budget) {
    if (!t || d > 40 || --*budget < 0)
        return d;
    int m = d;
    if (t->name) {
        for (int i = 0; i < t->ntargs; i++) { // once per argument: twice is 2^depth calls
            int di = depth_in(t->targs[i], d + 1, budget);
            m = di > m ? di : m;
        }
        return m;
    }
    switch (t->kind) {
    case K_SLICE: case K_POINTER: case K_ARRAY: case K_CHAN: return depth_in(t->elem, d + 1, budget);
    case K_MAP: return depth_in(t->elem, d + 1, budget);
    default: return d;
    }
}

static int type_depth(Type *t) {
    int budget = 100000;
    return depth_in(t, 0, &budget);
}

// Whether [t] contains type parameter [p] strictly inside it ([]T, *T, List[T]); [*budget]
// bounds the walk as local_of's does.
static bool contains_in(Type *t, Type *p, int depth, int *budget) {
    if (!t || depth > 16 || --*budget < 0 || t == p)
        return t == p && depth > 0;
    if (t->name) {
        for (int i = 0; i < t->ntargs; i++)
            if (contains_in(t->targs[i], p, depth + 1, budget))
                return true;
        return false;
    }
    switch (t->kind) {
    case K_SLICE: case K_POINTER: case K_ARRAY: case K_CHAN:
        return contains_in(t->elem, p, depth + 1, budget);
    case K_MAP:
        return contains_in(t->key, p, depth + 1, budget) ||
               contains_in(t->elem, p, depth + 1, budget);
    case K_FUNC:
        for (int i = 0; i < t->nparams; i++)
            if (contains_in(t->params[i], p, depth + 1, budget))
                return true;
        for (int i = 0; i < t->nresults; i++)
            if (contains_in(t->results[i], p, depth + 1, budget))
                return true;
        return false;
    default:
        return false;
    }
}

static bool contains(Type *t, Type *p) {
    int budget = 100000;
    return contains_in(t, p, 0, &budget);
}

// A type declared inside the body of generic function [gen] (or of one of its instances)
// that [t] mentions: types2 counts it as implicitly parameterized by gen's type parameters.
// [*budget] bounds the walk: types shared through aliases make a DAG that, walked as a
// tree, is exponential (a struct of four fields of a struct of four fields ...).
static Object *local_of(Type *t, Object *gen, int *budget) {
    if (!t || --*budget < 0)
        return NULL;
    if (t->name) {
        Object *o = t->obj, *f = o ? o->owner : NULL;
        if (f && (f->origin ? f->origin : f) == gen)
            return o;
        Object *l = NULL;
        for (int i = 0; i < t->ntargs && !l; i++)
            l = local_of(t->targs[i], gen, budget);
        return l;
    }
    Object *l = NULL;
    switch (t->kind) {
    case K_SLICE: case K_POINTER: case K_ARRAY: case K_CHAN:
        return local_of(t->elem, gen, budget);
    case K_MAP:
        l = local_of(t->key, gen, budget);
        return l ? l : local_of(t->elem, gen, budget);
    case K_FUNC:
        for (int i = 0; i < t->nparams && !l; i++)
            l = local_of(t->params[i], gen, budget);
        for (int i = 0; i < t->nresults && !l; i++)
            l = local_of(t->results[i], gen, budget);
        return l;
    case K_STRUCT:
        for (int i = 0; i < t->nfields && !l; i++)
            l = local_of(t->fields[i].type, gen, budget);
        return l;
    default:
        return NULL;
    }
}

// Where type argument [i] is: its expression if explicit, else the call (as types2).
static Pos targ_pos(Expr *index, int i, Pos call) {
    if (!index || i >= index->ntargs)
        return call;
    return check_start(i == 0 ? index->y : index->args.v[i - 1]);
}

// A type declared in [callee]'s body passed back to [callee]: each instance would declare
// a new such type and instantiate [callee] again with it, forever (types2's mono check).
static bool local_type_cycle(Checker *c, Object *callee, Type **targs, Expr *index, Pos call) {
    GenericInfo *gi = callee->generic;
    for (int i = 0; i < gi->ntparams; i++) {
        int budget = 100000;
        Object *l = local_of(targs[i], callee, &budget);
        if (!l)
            continue;
        Type *p = gi->tparams[i];
        char lbuf[256], pbuf[256], by[600], as[600];
        snprintf(by, sizeof by, "%s: %s implicitly parameterized by %s",
                 pos_format(l->pos, lbuf, sizeof lbuf), l->name, p->name);
        snprintf(as, sizeof as, "%s: %s instantiated as %s",
                 pos_format(targ_pos(index, i, call), pbuf, sizeof pbuf), p->name,
                 check_type_str(c, targs[i]));
        // types2 reports the cycle from the vertex where its Bellman-Ford pass closes it: in
        // a graph of callee's type parameters and the local type (no other generic code),
        // the type parameter when they are an even number of vertices, else the local type.
        if ((gi->ntparams + 1) % 2 == 0)
            check_cycle_errorf(c, p->tparam->pos, "instantiation cycle:\n\t%s\n\t%s", as, by);
        else
            check_cycle_errorf(c, l->pos, "instantiation cycle:\n\t%s\n\t%s", by, as);
        gi->cycle = true;
        return true;
    }
    return false;
}

bool check_inst_cycle(Checker *c, Object *callee, Type **targs, Expr *index, Pos call) {
    GenericInfo *gi = callee->generic;
    if (!gi)
        return false;
    if (local_type_cycle(c, callee, targs, index, call))
        return true;
    if (!c->fn || c->fn->func != callee)
        return false;
    for (int i = 0; i < gi->ntparams; i++) {
        Type *p = gi->tparams[i];
        if (!contains(targs[i], p))
            continue;
        char pbuf[256];
        check_cycle_errorf(c, p->tparam->pos, "instantiation cycle:\n\t%s: %s instantiated as %s",
                           pos_format(targ_pos(index, i, call), pbuf, sizeof pbuf), p->name, check_type_str(c, targs[i]));
        gi->cycle = true;
        return true;
    }
    return false;
}

Object *check_instantiate_func(Checker *c, Object *gen, Type **targs, int n) {
    GOL_UNUSED(c);
    GenericInfo *gi = gen->generic;
    if (!gi || !gi->src || !gi->src->body)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (type_depth(targs[i]) <= 32)
            continue;
        if (!gi->cycle)
            check_cycle_errorf(gi->home, gen->pos, "instantiation cycle");
        gi->cycle = true;
        return NULL;
    }
    Inst *have = find_inst(gi, targs, n);
    if (have)
        return have->fn;
    Checker *h = gi->home;
    Saved sv = save(h);
    Decl *d = ast_clone_decl(gi->src);
    Object *f = obj_new(OBJ_FUNC, check_sprintf("%s[...]", gen->name), gen->pos, NULL);
    f->pkg = gen->pkg;
    f->origin = gen;
    f->decl = d;
    d->obj = f;
    d->name->obj = f;
    targs = copy_targs(targs, n);
    add_inst(gi, targs, n, NULL, f);
    Expr **names;
    int nn = tparam_names(&d->tparams, &names);
    Scope *s = bind_scope_in(h, gi->outer, names, nn < n ? nn : n, targs);
    h->scope = s;
    f->type = check_signature(h, d->ftype, f, NULL);
    if (concrete(targs, n))
        vec_push(&pending, ((Pending){h, f, d, s}));
    restore(h, sv);
    return f;
}

// ---- generic types in type expressions: Stack[int], Pair[K, V] ----

// The generic type that [x] (an identifier or pkg.Name) denotes, or NULL.
static Object *generic_type_obj(Checker *c, Expr *x) {
    x = ast_unparen(x);
    Object *o = NULL;
    if (x->kind == E_IDENT) {
        o = scope_lookup(c->scope, x->name, NULL);
        if (!o || o->kind != OBJ_TYPE || !o->generic)
            return NULL;
        o = check_ident_obj(c, x);
        if (o->pkg == c->pkg)
            check_obj_decl(c, o); // also behind a pointer: its parameters are needed now
    } else if (x->kind == E_SELECTOR && x->x->kind == E_IDENT) {
        Object *p = scope_lookup(c->scope, x->x->name, NULL);
        if (!p || p->kind != OBJ_PKG || !p->imported)
            return NULL;
        o = scope_lookup_local(p->imported->scope, x->name);
        if (!o || o->kind != OBJ_TYPE || !o->generic || !obj_exported(o->name))
            return NULL;
        p->used = true;
        x->x->obj = p;
    }
    if (o && (!o->type || !o->type->ntparams))
        return NULL;
    return o;
}

bool check_generic_type_index(Checker *c, Expr *e) {
    Object *o = generic_type_obj(c, e->x);
    if (!o)
        return false;
    Type *g = o->type;
    int n = 1 + e->args.n;
    Type **targs = gc_alloc(sizeof(Type *) * (size_t)(n + 1));
    bool bad = false;
    for (int i = 0; i < n; i++) {
        targs[i] = check_type(c, i == 0 ? e->y : e->args.v[i - 1]);
        bad |= targs[i]->kind == K_INVALID && !targs[i]->incomplete;
    }
    e->mode = MODE_INVALID;
    e->tv = INVALID_TYPE;
    if (bad)
        return true;
    if (n != g->ntparams) {
        check_errorf(c, check_start(e),
                     "%s type arguments for type %s: have %d, want %d",
                     n > g->ntparams ? "too many" : "not enough", o->name, n, g->ntparams);
        return true;
    }
    for (int i = 0; i < n; i++) {
        Expr *ae = i ? e->args.v[i - 1] : e->y;
        Type *p = g->tparams[i];
        if (contains(targs[i], p)) { // in its own declaration: Box[T] -> Box[Box[T]]
            char pbuf[256];
            if (!o->generic->cycle)
                check_cycle_errorf(c, p->tparam->pos, "instantiation cycle:\n\t%s: %s instantiated as %s",
                                   pos_format(check_start(ae), pbuf, sizeof pbuf), p->name,
                                   check_type_str(c, targs[i]));
            o->generic->cycle = true;
            return true;
        }
        if (!check_satisfies(c, check_start(ae), p, targs[i], targs))
            return true;
    }
    e->tv = check_instantiate_type(c, o, targs, n);
    e->mode = MODE_TYPE;
    e->x->mode = MODE_TYPE;
    e->x->tv = g;
    return true;
}

// An instance mentioning type parameters with [targs] substituted (check_subst).
Type *check_subst_instance(Type *t, Type **targs) {
    Object *o = t->origin ? t->origin->obj : NULL;
    if (!o || !o->generic)
        return t;
    Type **na = gc_alloc(sizeof(Type *) * (size_t)(t->ntargs + 1));
    for (int i = 0; i < t->ntargs; i++)
        na[i] = check_subst(t->targs[i], targs);
    return check_instantiate_type(NULL, o, na, t->ntargs);
}

// ---- methods of generic types and generic bodies ----

void check_generic_method_decl(Checker *c, Object *fn, Decl *d) {
    bool ptr;
    Expr *te = recv_type_expr(d->recv, &ptr);
    Expr *base = ast_unparen(te->x);
    Object *bo = base->kind == E_IDENT ? scope_lookup(c->scope, base->name, NULL) : NULL;
    if (bo)
        check_obj_decl(c, bo);
    fn->type = INVALID_TYPE;
    if (!bo || bo->kind != OBJ_TYPE || !bo->generic || !bo->type || !bo->type->ntparams) {
        check_errorf(c, check_start(base), bo ? "%s is not a generic type" : "undefined: %s",
                     base->kind == E_IDENT ? base->name : check_expr_str(base));
        return;
    }
    if (d->tparams.n) {
        Field *f = d->tparams.v[0];
        check_errorf(c, f->names.n ? f->names.v[0]->pos : f->pos,
                     "methods cannot have type parameters");
    }
    Type *g = bo->type;
    Expr **names;
    int nn = recv_names(d->recv, &names);
    if (nn != g->ntparams) {
        check_errorf(c, check_start(te), "%s type arguments for type %s: have %d, want %d",
                     nn > g->ntparams ? "too many" : "not enough", bo->name, nn, g->ntparams);
        return;
    }
    Scope *s = bind_scope_in(c, c->scope, names, nn, g->tparams);
    Scope *saved = c->scope;
    Type *inst = check_instantiate_type(c, bo, g->tparams, nn);
    c->scope = s;
    method_sig(c, fn, d, inst);
    check_generic_set_scope(fn, s, g->tparams, nn);
    fn->generic->base = bo;
    c->scope = saved;
}

// ---- type-set probes ----
// A body whose type parameters have type sets (~int | ~string) is checked once per term:
// each such parameter is bound to a stand-in, a named type of its own name whose underlying
// type is the term's (with the other stand-ins substituted) and which has the constraint's
// methods; it shares the parameter's TParam, so messages read "x (variable of type T
// constrained by ~int | ~string)". An operation some term does not allow fails that probe.

static Type *stand_in(Type *p) {
    Object *o = obj_new(OBJ_TYPE, p->name, p->tparam->pos, NULL);
    Type *s = type_named(p->name, NULL, o);
    o->type = s;
    s->tparam = p->tparam;
    Type *it = p->tparam->iface ? p->tparam->iface->under : NULL;
    for (int i = 0; it && i < it->nimethods; i++) {
        Object *m = obj_new(OBJ_FUNC, it->imethods[i].name, p->tparam->pos, it->imethods[i].sig);
        m->recv_type = s;
        m->pkg = it->imethods[i].pkg;
        vec_push(&s->methods, m);
    }
    return s;
}

// The stand-ins (or the parameters themselves, without a type set) of probe [k].
static Type **probe_args(GenericInfo *gi, int k) {
    Type **args = gc_alloc(sizeof(Type *) * (size_t)(gi->ntparams + 1));
    for (int i = 0; i < gi->ntparams; i++)
        args[i] = gi->tparams[i]->tparam->nterms ? stand_in(gi->tparams[i]) : gi->tparams[i];
    for (int i = 0; i < gi->ntparams; i++) {
        TParam *tp = gi->tparams[i]->tparam;
        if (!tp->nterms)
            continue;
        TTerm *t = &tp->terms[k < tp->nterms ? k : tp->nterms - 1];
        Type *u = check_subst(t->tilde ? t->type->under : t->type, args);
        type_set_underlying(args[i], u->under);
    }
    return args;
}

// Check a fresh copy of [gi]'s declaration with [args] bound; the first error, or NULL.
static const char *probe(Checker *c, GenericInfo *gi, Type **args, Pos *at) {
    Decl *d = ast_clone_decl(gi->src);
    Object *f = obj_new(OBJ_FUNC, d->name->name, d->name->pos, NULL);
    f->pkg = c->pkg;
    f->decl = d;
    d->obj = f;
    Expr **names;
    int nn = d->recv ? recv_names(d->recv, &names) : tparam_names(&d->tparams, &names);
    if (nn != gi->ntparams)
        return NULL;
    Saved sv = save(c);
    const char *qm = c->quiet_msg;
    c->quiet_msg = NULL;
    c->quiet++;
    c->report_unused = false;
    Scope *s = bind_scope_in(c, gi->outer, names, nn, args);
    c->scope = s;
    if (d->recv)
        method_sig(c, f, d, check_instantiate_type(c, gi->base, args, nn));
    else
        f->type = check_signature(c, d->ftype, f, NULL);
    c->scope = s;
    check_func_body(c, f, d->ftype, d->body, f->recv);
    c->quiet--;
    const char *msg = c->quiet_msg;
    *at = c->quiet_pos;
    c->quiet_msg = qm;
    restore(c, sv);
    return msg;
}

static void probe_type_sets(Checker *c, GenericInfo *gi) {
    int max = 0;
    for (int i = 0; i < gi->ntparams; i++) {
        TParam *tp = gi->tparams[i]->tparam;
        max = tp->nterms > max ? tp->nterms : max;
        for (int k = 0; tp->iface && k < tp->nterms; k++)
            if (tp->terms[k].type->under->kind == K_POINTER)
                return; // methods on a pointer stand-in: not a Go type (PT interface{ *T; M() })
    }
    if (!gi->src || !gi->src->body || (gi->src->recv && !gi->base))
        return;
    for (int k = 0; k < max && k < 16; k++) {
        Pos at;
        const char *msg = probe(c, gi, probe_args(gi, k), &at);
        if (msg && strncmp(msg, "duplicate case", 14) != 0) {
            check_errorf(c, at, "%s", msg);
            return;
        }
    }
}

void check_generic_body(Checker *c, Decl *d) {
    GenericInfo *gi = d->obj->generic;
    if (!gi->tscope)
        return;
    int mark = c->pkg->funcs.n;
    const char *qm = c->quiet_msg;
    c->scope = gi->tscope;
    c->quiet += gi->quiet;
    c->quiet_typeless = true;
    check_func_body(c, d->obj, d->ftype, d->body, d->obj->recv);
    c->quiet_typeless = false;
    c->quiet -= gi->quiet;
    c->quiet_msg = qm;
    if (gi->quiet)
        probe_type_sets(c, gi);
    c->pkg->funcs.n = mark; // the generic body itself is never compiled
}

void check_generic_forget_programs(void) {
    int n = 0;
    for (int i = 0; i < gen_methods.n; i++)
        if (gen_methods.v[i].pkg->std)
            gen_methods.v[n++] = gen_methods.v[i];
    gen_methods.n = n;
    pending.n = 0;
    for (int i = 0; i < touched.n; i++) {
        GenericInfo *gi = touched.v[i];
        int kept = 0;
        for (int k = 0; k < gi->insts.n; k++)
            if (!gi->insts.v[k].programs)
                gi->insts.v[kept++] = gi->insts.v[k];
        gi->insts.n = kept;
        gi->touched = false;
    }
    touched.n = 0;
}

void check_generic_drain(void) {
    for (int i = 0; i < pending.n; i++) {
        Pending p = pending.v[i];
        Checker *h = p.home;
        Saved sv = save(h);
        const char *qm = h->quiet_msg;
        h->quiet_msg = NULL;
        h->scope = p.scope;
        h->report_unused = false;
        h->quiet++;
        check_func_body(h, p.fn, p.d->ftype, p.d->body, p.fn->recv);
        h->quiet--;
        // An instance may repeat a case its type arguments made identical (case int, case
        // T with T = int): valid Go. Any other error surfaced by the type arguments is
        // reported (with the instance's types) unless errors were reported already.
        if (h->quiet_msg && !h->quiet && diag_count(h->d) == 0 &&
            strncmp(h->quiet_msg, "duplicate case", 14) != 0)
            check_errorf(h, h->quiet_pos, "%s", h->quiet_msg);
        h->quiet_msg = qm;
        restore(h, sv);
    }
    pending.n = 0;
}
