// Type parameter lists and constraints, and at each call of a generic function Go's type
// inference (unification of parameter and argument types, core types of constraints,
// default types of untyped constants, generic functions as arguments), constraint
// verification and the instantiated signature, with types2's messages. A function with a
// Go body is then called through its instance (check_instantiate.c); a bodyless library
// native receives the type arguments (Type *) ahead of the arguments (Expr.targs).
#include <stdio.h>

#include "buf.h"
#include "check_int.h"

typedef VEC(TTerm) TTermVec;

bool check_is_generic(Type *t) {
    return t && t->kind == K_FUNC && t->ntparams > 0 && !t->name;
}

// ---- declarations ----

// "~int | ~int8": a term list as go/types prints it.
static const char *terms_str(TTerm *ts, int n) {
    Buf b = {0};
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s%s", i ? " | " : "", ts[i].tilde ? "~" : "", type_string(ts[i].type));
    return buf_cstr(&b);
}

// Append term [t] (~ when [tilde]) to [v]; a constraint interface contributes its terms.
static void add_term(TTermVec *v, Type *t, bool tilde) {
    if (t->kind == K_INVALID || t->incomplete) // (an incomplete one was reported as a cycle)
        return;
    if (t->kind == K_INTERFACE && t->under->nterms) {
        for (int i = 0; i < t->under->nterms; i++)
            vec_push(v, t->under->terms[i]);
        return;
    }
    if (t->kind != K_INTERFACE)
        vec_push(v, ((TTerm){tilde, t}));
}

void check_union_terms(Checker *c, Expr *e, void *out) {
    TTermVec *v = out;
    e = ast_unparen(e);
    if (e->kind == E_BINARY && e->op == OP_OR) {
        check_union_terms(c, e->x, out);
        check_union_terms(c, e->y, out);
        return;
    }
    bool tilde = e->kind == E_UNARY && e->op == OP_NONE;
    c->in_constraint++;
    Type *t = check_type(c, tilde ? e->x : e);
    c->in_constraint--;
    t = check_complete(c, t, check_start(e)); // an interface in its own union: a cycle
    add_term(v, t, tilde);
}

Type *check_constraint_iface(Checker *c, Type *it, FieldVec *fields) {
    TTermVec terms = {0};
    bool cmp = false;
    for (int i = 0; i < fields->n; i++) {
        Field *f = fields->v[i];
        Expr *te = f->names.n ? NULL : ast_unparen(f->type);
        if (!te)
            continue;
        if ((te->kind == E_BINARY && te->op == OP_OR) || te->kind == E_UNARY)
            check_union_terms(c, te, &terms);
        else if (f->type->tv && f->type->tv == types_comparable)
            cmp = true;
        else if (f->type->tv) {
            add_term(&terms, f->type->tv, false);
            cmp |= f->type->tv->kind == K_INTERFACE && !f->type->tv->incomplete &&
                   f->type->tv->under->cmp_constraint;
        }
    }
    Type *t = gc_alloc(sizeof(Type));
    *t = *it;
    t->under = t;
    t->intern_next = NULL;
    t->str_cache = NULL;
    t->terms = terms.v;
    t->nterms = terms.n;
    t->cmp_constraint = cmp;
    return t;
}

// The constraint [e] of type parameter [tp].
static void resolve_constraint(Checker *c, TParam *tp, Expr *e) {
    Expr *u = ast_unparen(e);
    if ((u->kind == E_BINARY && u->op == OP_OR) || (u->kind == E_UNARY && u->op == OP_NONE)) {
        TTermVec v = {0};
        check_union_terms(c, u, &v);
        tp->terms = v.v;
        tp->nterms = v.n;
        tp->cname = terms_str(v.v, v.n);
        return;
    }
    Object *o = u->kind == E_IDENT ? scope_lookup(c->scope, u->name, NULL) : NULL;
    if (o && o->kind == OBJ_TYPE && o->type == types_comparable) {
        tp->comparable = true;
        tp->cname = "comparable";
        return;
    }
    c->in_constraint++;
    Type *t = check_type(c, e);
    c->in_constraint--;
    if (t->kind == K_INVALID)
        return;
    tp->cname = check_type_str(c, t);
    if (t->kind != K_INTERFACE) {
        tp->terms = gc_alloc(sizeof(TTerm));
        tp->terms[0] = (TTerm){false, t};
        tp->nterms = 1;
        return;
    }
    if (t->nimethods)
        tp->iface = t;
    if (t->name)
        tp->bound = t;
    tp->comparable = t->under->cmp_constraint;
    tp->terms = t->under->terms;
    tp->nterms = t->under->nterms;
    tp->named_terms = t->under->nterms > 0;
    if (!t->name && !t->nimethods && !t->under->nterms && !t->under->cmp_constraint)
        tp->cname = "any";
}

Type **check_declare_tparams(Checker *c, FieldVec *tparams, int *n) {
    VEC(Type *) list = {0};
    for (int i = 0; i < tparams->n; i++) {
        Field *f = tparams->v[i];
        for (int k = 0; k < f->names.n; k++) {
            Expr *id = f->names.v[k];
            Object *o = obj_new(OBJ_TYPE, id->name, id->pos, NULL);
            Type *t = type_named(id->name, NULL, o);
            type_set_underlying(t, types_empty_iface);
            t->tparam = gc_alloc(sizeof(TParam));
            t->tparam->index = list.n;
            t->tparam->pos = id->pos;
            t->tparam->pkg = c->pkg;
            t->tparam->cname = "any";
            o->type = t;
            id->obj = o;
            check_declare(c, c->scope, o, id->pos);
            vec_push(&list, t);
        }
    }
    for (int i = 0, at = 0; i < tparams->n; i++) {
        Field *f = tparams->v[i];
        for (int k = 0; k < f->names.n; k++) {
            Type *t = list.v[at++];
            resolve_constraint(c, t->tparam, f->type);
            if (t->tparam->iface) // methods of the constraint are callable in the body
                t->under = type_interface(t->tparam->iface->under->imethods,
                                          t->tparam->iface->under->nimethods);
        }
    }
    *n = list.n;
    return list.v;
}

Type *check_generic_signature(Checker *c, Decl *d, Object *fn) {
    Scope *saved = c->scope;
    c->scope = scope_new(saved, NULL);
    int n = 0;
    Type **list = check_declare_tparams(c, &d->tparams, &n);
    Type *sig = check_signature(c, d->ftype, fn, NULL);
    check_generic_set_scope(fn, c->scope, list, n);
    c->scope = saved;
    Type *g = gc_alloc(sizeof(Type));
    *g = *sig;
    g->under = g;
    g->intern_next = NULL;
    g->str_cache = NULL;
    g->tparams = list;
    g->ntparams = n;
    return g;
}

// ---- unification and substitution ----

static bool mentions(Type *t) {
    if (!t)
        return false;
    if (t->tparam)
        return true;
    if (t->name) {
        for (int i = 0; i < t->ntargs; i++)
            if (mentions(t->targs[i]))
                return true;
        return false;
    }
    switch (t->kind) {
    case K_SLICE: case K_POINTER: case K_ARRAY: case K_CHAN:
        return mentions(t->elem);
    case K_MAP:
        return mentions(t->key) || mentions(t->elem);
    case K_FUNC: case K_TUPLE:
        for (int i = 0; i < t->nparams; i++)
            if (mentions(t->params[i]))
                return true;
        for (int i = 0; i < t->nresults; i++)
            if (mentions(t->results[i]))
                return true;
        return false;
    default:
        return false;
    }
}

static Type **subst_list(Type **ts, int n, Type **targs) {
    Type **r = gc_alloc(sizeof(Type *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        r[i] = check_subst(ts[i], targs);
    return r;
}

Type *check_subst(Type *t, Type **targs) {
    if (t->tparam)
        return targs[t->tparam->index] ? targs[t->tparam->index] : t;
    if (!mentions(t))
        return t;
    if (t->name)
        return check_subst_instance(t, targs);
    switch (t->kind) {
    case K_SLICE: return type_slice(check_subst(t->elem, targs));
    case K_POINTER: return type_pointer(check_subst(t->elem, targs));
    case K_ARRAY: return type_array(check_subst(t->elem, targs), t->len);
    case K_CHAN: return type_chan(check_subst(t->elem, targs), t->dir);
    case K_MAP: return type_map(check_subst(t->key, targs), check_subst(t->elem, targs));
    case K_FUNC:
        return type_func(subst_list(t->params, t->nparams, targs), t->nparams,
                         subst_list(t->results, t->nresults, targs), t->nresults, t->variadic);
    default: return t;
    }
}

static bool unify(Type **targs, Type *x, Type *y, bool inexact);

static bool unify_lists(Type **targs, Type **xs, Type **ys, int n) {
    for (int i = 0; i < n; i++)
        if (!unify(targs, xs[i], ys[i], false))
            return false;
    return true;
}

// Bind type parameter [x] to [y], or check y against its binding. Inexactly, a defined
// type and an unnamed type with the same underlying type match, and the defined one wins.
static bool unify_tparam(Type **targs, Type *x, Type *y, bool inexact) {
    Type **b = &targs[x->tparam->index];
    if (!*b || type_identical(*b, y)) {
        *b = y;
        return true;
    }
    if (inexact && type_is_named(*b) != type_is_named(y) && type_identical((*b)->under, y->under)) {
        if (!type_is_named(*b))
            *b = y;
        return true;
    }
    return false;
}

// Go 1.21: an interface parameter type (Iterator[T]) against a concrete argument type
// unifies the signatures of the interface's methods with the argument's methods.
static bool unify_methods(Type **targs, Type *it, Type *y) {
    for (int i = 0; i < it->nimethods; i++) {
        Selection sel;
        bool amb = false;
        if (!type_lookup(y, it->imethods[i].name, it->imethods[i].pkg, &sel, &amb) ||
            (sel.kind != SEL_METHOD && sel.kind != SEL_IFACE) || !sel.obj->type ||
            !unify(targs, it->imethods[i].sig, sel.obj->type, false))
            return false;
    }
    return true;
}

// go/types' unifier for a parameter type [x] (which may mention type parameters) and an
// argument type [y]; [inexact] at the top level (assignability-like: a defined type
// unifies with an unnamed one through its underlying type).
// While set, a type parameter on the argument side matches anything (inferring a generic
// function argument's own type arguments from a parameter type not fully known yet).
static bool unify_lenient;

static bool unify(Type **targs, Type *x, Type *y, bool inexact) {
    if (unify_lenient && y->tparam)
        return true;
    if (x->tparam)
        return unify_tparam(targs, x, y, inexact);
    if (!mentions(x))
        return type_identical(x, y) ||
               (inexact && type_is_named(x) != type_is_named(y) && type_identical(x->under, y->under));
    if (x->name) { // an instance of a generic type: List[T] against List[int]
        if (y->name && y->origin == x->origin && y->ntargs == x->ntargs)
            return unify_lists(targs, x->targs, y->targs, x->ntargs);
        if (inexact && x->under->kind == K_INTERFACE && y->kind != K_INTERFACE)
            return unify_methods(targs, x->under, y);
        return !y->name && inexact && unify(targs, x->under, y, false);
    }
    if (inexact && y->name)
        y = y->under;
    if (y->name || x->kind != y->kind)
        return false;
    switch (x->kind) {
    case K_SLICE: case K_POINTER:
        return unify(targs, x->elem, y->elem, false);
    case K_ARRAY:
        return x->len == y->len && unify(targs, x->elem, y->elem, false);
    case K_CHAN:
        return x->dir == y->dir && unify(targs, x->elem, y->elem, false);
    case K_MAP:
        return unify(targs, x->key, y->key, false) && unify(targs, x->elem, y->elem, false);
    case K_FUNC:
        return x->nparams == y->nparams && x->nresults == y->nresults &&
               x->variadic == y->variadic && unify_lists(targs, x->params, y->params, x->nparams) &&
               unify_lists(targs, x->results, y->results, x->nresults);
    default:
        return false;
    }
}

// ---- inference ----

typedef struct Infer {
    Checker *c;
    Expr *call;
    Type *sig;
    Type **targs;
    Type **explicit;   // explicit type arguments (f[T](x)), NULL where not given
    const char *name;  // the callee as written ("slices.Sort")
    Type **ts;         // argument types
    int nargs;
    bool tuple;
} Infer;

static void infer_error(Infer *in, Pos at, const char *msg) {
    check_errorf(in->c, at, "in call to %s, %s", in->name, msg);
}

static Type *param_for(Type *sig, int i, bool ddd) {
    int np = sig->nparams;
    if (sig->variadic && i >= np - 1)
        return ddd ? sig->params[np - 1] : sig->params[np - 1]->elem;
    return sig->params[i];
}

static Pos arg_pos(Infer *in, int i) {
    return check_start(in->call->args.v[in->tuple ? 0 : i]);
}

static const char *arg_str(Infer *in, int i) {
    return check_expr_str(in->call->args.v[in->tuple ? 0 : i]);
}

// types2's errorf in infer: the argument's type does not match the parameter's.
static void mismatch(Infer *in, Type *par, int i) {
    Checker *c = in->c;
    Type *sub = check_subst(par, in->targs);
    const char *ty = check_type_str(c, in->ts[i]);
    const char *msg;
    if (sub != par)
        msg = check_sprintf("type %s of %s does not match inferred type %s for %s", ty,
                            arg_str(in, i), check_type_str(c, sub), check_type_str(c, par));
    else
        msg = check_sprintf("type %s of %s does not match %s", ty, arg_str(in, i),
                            check_type_str(c, par));
    infer_error(in, arg_pos(in, i), msg);
}

// Step 1: typed arguments. Untyped ones whose parameter is a bare type parameter are
// collected in [untyped] for step 3.
static bool infer_typed(Infer *in, int *untyped, int *nuntyped) {
    for (int i = 0; i < in->nargs; i++) {
        Type *par = check_subst(param_for(in->sig, i, in->call->has_ellipsis), in->explicit);
        Type *t = in->ts[i];
        if (!mentions(par) || !t || t->kind == K_INVALID || check_is_generic(t))
            continue;
        if (!type_is_untyped(t)) {
            if (!unify(in->targs, par, t, true)) {
                mismatch(in, par, i);
                return false;
            }
        } else if (par->tparam && t->kind != K_UNTYPED_NIL) {
            untyped[(*nuntyped)++] = i;
        }
    }
    return true;
}

// Step 2: core types of the constraints (~[]E gives E from S's type argument).
// The element type of a union of channel terms with one element type (~chan E | ~<-chan E,
// whose core type is <-chan E), or NULL.
static Type *chan_core_elem(TParam *tp) {
    Type *elem = NULL;
    for (int i = 0; i < tp->nterms; i++) {
        Type *u = tp->terms[i].type->under;
        if (u->kind != K_CHAN || (elem && u->elem != elem))
            return NULL;
        elem = u->elem;
    }
    return elem;
}

static Type *subst_iface(Type *it, Type **targs);

// types2's infer: a known type argument for a parameter whose constraint has methods but
// no core type must have those methods.
static bool methods_ok(Infer *in, Type *p, Type *a) {
    Type *it = subst_iface(p->tparam->iface->under, in->targs);
    const char *missing = NULL;
    bool wrong_ptr = false;
    if (type_implements(a, it, &missing, &wrong_ptr) || !missing)
        return true;
    infer_error(in, in->call->pos,
                check_sprintf("%s (type %s) does not satisfy %s %s", p->name,
                              check_type_str(in->c, a), check_type_str(in->c, p->tparam->iface),
                              check_method_cause(in->c, a, it, missing, wrong_ptr)));
    return false;
}

static bool infer_core(Infer *in) {
    for (int pass = 0; pass < in->sig->ntparams; pass++) {
        for (int i = 0; i < in->sig->ntparams; i++) {
            Type *p = in->sig->tparams[i];
            TParam *tp = p->tparam;
            Type *celem = tp->nterms > 1 ? chan_core_elem(tp) : NULL;
            if (celem && in->targs[i] && in->targs[i]->under->kind == K_CHAN &&
                !unify(in->targs, celem, in->targs[i]->under->elem, false))
                return false;
            if (tp->nterms != 1 && tp->iface && in->targs[i] && !in->targs[i]->tparam &&
                pass == 0 && !methods_ok(in, p, in->targs[i]))
                return false;
            if (tp->nterms != 1)
                continue;
            TTerm *core = &tp->terms[0];
            Type *a = in->targs[i];
            if (a && a->tparam)
                continue;
            if (!a) {
                if (!core->tilde)
                    in->targs[i] = check_subst(core->type, in->targs);
                continue;
            }
            Type *tx = core->tilde ? a->under : a;
            if (!unify(in->targs, core->type, tx, true)) {
                infer_error(in, in->call->pos,
                            check_sprintf("%s (type %s) does not satisfy %s", p->name,
                                          check_type_str(in->c, tx), tp->cname));
                return false;
            }
        }
    }
    return true;
}

// Step 3: the default type of the largest untyped constant passed for each type parameter.
static bool infer_untyped(Infer *in, int *untyped, int n) {
    Type **max = gc_alloc(sizeof(Type *) * (size_t)in->sig->ntparams);
    for (int k = 0; k < n; k++) {
        int i = untyped[k];
        Type *par = param_for(in->sig, i, in->call->has_ellipsis);
        int ix = par->tparam->index;
        if (in->targs[ix])
            continue;
        Type *t = in->ts[i];
        if (max[ix] && max[ix] != t) {
            if (!type_is_numeric(max[ix]) || !type_is_numeric(t)) {
                infer_error(in, arg_pos(in, i),
                            check_sprintf("mismatched types %s and %s (cannot infer %s)",
                                          type_string(max[ix]), type_string(t), par->name));
                return false;
            }
            if (t->kind > max[ix]->kind)
                max[ix] = t;
        } else {
            max[ix] = t;
        }
    }
    for (int i = 0; i < in->sig->ntparams; i++)
        if (max[i])
            in->targs[i] = type_default(max[i]);
    return true;
}

// Whether [t] still mentions a type parameter of [in]'s callee that is not bound (the type
// parameters of an enclosing generic function are ordinary types here).
static bool unbound(Infer *in, Type *t, int depth) {
    if (!t || depth > 8)
        return false;
    if (t->tparam) {
        int i = t->tparam->index;
        return i < in->sig->ntparams && in->sig->tparams[i] == t && !in->targs[i];
    }
    if (t->name) {
        for (int i = 0; i < t->ntargs; i++)
            if (unbound(in, t->targs[i], depth + 1))
                return true;
        return false;
    }
    switch (t->kind) {
    case K_SLICE: case K_POINTER: case K_ARRAY: case K_CHAN:
        return unbound(in, t->elem, depth + 1);
    case K_MAP:
        return unbound(in, t->key, depth + 1) || unbound(in, t->elem, depth + 1);
    case K_FUNC:
        for (int i = 0; i < t->nparams; i++)
            if (unbound(in, t->params[i], depth + 1))
                return true;
        for (int i = 0; i < t->nresults; i++)
            if (unbound(in, t->results[i], depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

// Go 1.21: generic functions passed as arguments (Map(xs, Double)) are instantiated from
// their parameter's type as far as it is known, and their instance's type then informs the
// callee's remaining type arguments.
static bool infer_func_args(Infer *in) {
    for (int i = 0; i < in->nargs && !in->tuple; i++) {
        if (!check_is_generic(in->ts[i]))
            continue;
        Type *par = check_subst(param_for(in->sig, i, in->call->has_ellipsis), in->targs);
        if (check_under(par)->kind != K_FUNC ||
            !check_generic_func_value(in->c, in->call->args.v[i], check_under(par)))
            continue;
        in->ts[i] = in->call->args.v[i]->tv;
        if (!unify(in->targs, param_for(in->sig, i, in->call->has_ellipsis), in->ts[i], true)) {
            mismatch(in, param_for(in->sig, i, in->call->has_ellipsis), i);
            return false;
        }
    }
    return true;
}

static bool infer(Infer *in) {
    int *untyped = gc_alloc(sizeof(int) * (size_t)(in->nargs + 1));
    int nuntyped = 0;
    if (!infer_typed(in, untyped, &nuntyped) || !infer_core(in) ||
        !infer_untyped(in, untyped, nuntyped) || !infer_core(in) || !infer_func_args(in) ||
        !infer_core(in))
        return false;
    for (int i = 0; i < in->sig->ntparams; i++) {
        Type *a = in->targs[i];
        if (a && !unbound(in, a, 0))
            continue;
        Type *p = in->sig->tparams[i];
        char pbuf[256];
        infer_error(in, in->call->pos,
                    check_sprintf("cannot infer %s (declared at %s)", p->name,
                                  pos_format(p->tparam->pos, pbuf, sizeof pbuf)));
        return false;
    }
    return true;
}

// ---- verification ----

static bool term_includes(TTerm *t, Type *a, Type **targs) {
    Type *tt = check_subst(t->type, targs);
    return t->tilde ? type_identical(a->under, tt->under) : type_identical(a, tt);
}

// The constraint interface [it] with [targs] substituted into its methods.
static Type *subst_iface(Type *it, Type **targs) {
    bool any = false;
    for (int i = 0; i < it->nimethods; i++)
        any |= mentions(it->imethods[i].sig);
    if (!any)
        return it;
    IMethod *ms = gc_alloc(sizeof(IMethod) * (size_t)it->nimethods);
    for (int i = 0; i < it->nimethods; i++) {
        ms[i] = it->imethods[i];
        ms[i].sig = check_subst(ms[i].sig, targs);
    }
    return type_interface(ms, it->nimethods);
}

static bool satisfies(Infer *in, Type *p, Type *a) {
    return check_satisfies(in->c, in->call->pos, p, a, in->targs);
}

// types2's implements(V, constraint) for type argument [a] of [p]; reports at [at] (a
// call's '(').
bool check_satisfies(Checker *c, Pos at, Type *p, Type *a, Type **targs) {
    TParam *tp = p->tparam;
    if (a->tparam) // checked where that type parameter is instantiated
        return true;
    if (a->kind == K_INVALID || (a->under && a->under->kind == K_INVALID))
        return true; // reported where it was made invalid (types2: no follow-on errors)
    Infer inb = {.c = c, .targs = targs};
    Expr callb = {.pos = at};
    inb.call = &callb;
    Infer *in = &inb;
    // (the type strings only for a message: spelled out, a type can be very long)
#define V check_type_str(c, a)
#define CNAME (tp->bound ? check_type_str(c, tp->bound) : tp->cname)
    if (tp->nterms) {
        bool ok = false;
        for (int i = 0; i < tp->nterms && !ok; i++)
            ok = term_includes(&tp->terms[i], a, in->targs);
        if (!ok && a->kind == K_INTERFACE) {
            check_errorf(c, in->call->pos, "%s does not satisfy %s", V, CNAME);
            return false;
        }
        if (!ok) {
            check_errorf(c, in->call->pos, "%s does not satisfy %s (%s missing in %s)", V,
                         CNAME, V, terms_str(tp->terms, tp->nterms));
            return false;
        }
    }
    if (tp->comparable && !type_is_comparable(a)) {
        check_errorf(c, in->call->pos, "%s does not satisfy comparable", V);
        return false;
    }
    if (tp->iface) {
        Type *it = subst_iface(tp->iface->under, in->targs);
        const char *missing = NULL;
        bool wrong_ptr = false;
        if (!type_implements(a, it, &missing, &wrong_ptr)) {
            check_errorf(c, in->call->pos, "%s does not satisfy %s %s", V, CNAME,
                         missing ? check_method_cause(c, a, it, missing, wrong_ptr) : "");
            return false;
        }
    }
    return true;
#undef V
#undef CNAME
}

// ---- calls ----

// Explicit type arguments of f[T1, T2] where f is generic ([e] is the E_INDEX): recorded
// on e for the call (check_generic_call); e keeps f's generic signature.
void check_explicit_targs(Checker *c, Expr *e) {
    Type *sig = e->x->tv;
    int n = 1 + e->args.n;
    Expr *last = e->args.n ? e->args.v[e->args.n - 1] : e->y;
    e->targs = gc_alloc(sizeof(Type *) * (size_t)(sig->ntparams + n));
    bool bad = false;
    for (int i = 0; i < n; i++) {
        Type *t = check_type(c, i == 0 ? e->y : e->args.v[i - 1]);
        bad |= t->kind == K_INVALID;
        e->targs[i] = t;
    }
    if (n > sig->ntparams) {
        check_errorf(c, check_start(last), "got %d type arguments but %s has %d type parameters",
                     n, check_expr_str(e->x), sig->ntparams);
        bad = true;
    }
    if (bad)
        return;
    e->ntargs = n;
    e->mode = MODE_VALUE;
    e->tv = sig;
}

void check_generic_call(Checker *c, Expr *e, Type *sig) {
    Expr *fun = e->x;
    Expr *inst = ast_unparen(fun);
    Infer in = {.c = c, .call = e, .sig = sig, .name = check_expr_str(fun)};
    check_set_invalid(e);
    in.nargs = check_arg_types(c, &e->args, &in.ts, &in.tuple);
    if (in.nargs < 0 || !check_arg_count(c, e, sig, &e->args, in.name, in.ts, in.nargs, in.tuple))
        return;
    in.targs = gc_alloc(sizeof(Type *) * (size_t)sig->ntparams);
    in.explicit = gc_alloc(sizeof(Type *) * (size_t)sig->ntparams);
    if (inst->kind == E_INDEX) {
        for (int i = 0; i < inst->ntargs; i++)
            in.targs[i] = in.explicit[i] = inst->targs[i];
        e->x = fun = inst->x; // the call is of the function itself, with all type arguments
    }
    if (!infer(&in))
        return;
    for (int i = 0; i < sig->ntparams; i++)
        if (!satisfies(&in, sig->tparams[i], in.targs[i]))
            return;
    Type *isig = check_subst(sig, in.targs);
    Object *callee = fun->kind == E_IDENT ? fun->obj : fun->kind == E_SELECTOR ? fun->sel.obj
                                                                                : NULL;
    if (callee && callee->generic &&
        check_inst_cycle(c, callee, in.targs, inst->kind == E_INDEX ? inst : NULL, e->pos))
        return;
    Object *fi = callee && callee->generic ?
                       check_instantiate_func(c, callee, in.targs, sig->ntparams) : NULL;
    if (callee && callee->generic && !fi)
        return; // an instantiation cycle
    check_arg_assign(c, e, isig, &e->args, in.name, in.ts, in.nargs, in.tuple);
    if (fi && fi->type->kind == K_FUNC) { // a Go body: call its instance
        if (fun->kind == E_IDENT)
            fun->obj = fi;
        else
            fun->sel.obj = fi;
        fun->tv = fi->type;
        check_call_result(e, fi->type);
        return;
    }
    e->targs = in.targs;
    e->ntargs = sig->ntparams;
    fun->tv = isig;
    check_call_result(e, isig);
}

// f[T1, T2] used as a value with all its type arguments: [u] (the E_INDEX) becomes a use
// of the instance. Returns false when f has no Go body (a library native).
static bool inst_value(Checker *c, Expr *e, Expr *u) {
    Expr *x = ast_unparen(u->x);
    Object *callee = x->kind == E_IDENT ? x->obj : x->kind == E_SELECTOR ? x->sel.obj : NULL;
    Type *sig = u->tv;
    if (!callee || !callee->generic || u->ntargs != sig->ntparams)
        return false;
    for (int i = 0; i < sig->ntparams; i++)
        if (!check_satisfies(c, u->pos, sig->tparams[i], u->targs[i], u->targs)) {
            check_set_invalid(e);
            return true;
        }
    Object *inst = check_instantiate_func(c, callee, u->targs, u->ntargs);
    if (!inst || inst->type->kind != K_FUNC)
        return false;
    Pos start = u->start;
    *u = *x;
    u->start = start;
    if (u->kind == E_IDENT)
        u->obj = inst;
    else
        u->sel.obj = inst;
    u->tv = e->tv = inst->type;
    u->mode = e->mode = MODE_VALUE;
    return true;
}

bool check_generic_func_value(Checker *c, Expr *e, Type *target) {
    Expr *u = ast_unparen(e);
    if (e->mode == MODE_INVALID || !check_is_generic(u->tv))
        return false;
    Type *sig = u->tv;
    Expr *x = u->kind == E_INDEX ? ast_unparen(u->x) : u;
    Object *fn = x->kind == E_IDENT ? x->obj : x->kind == E_SELECTOR ? x->sel.obj : NULL;
    if (!fn || !fn->generic)
        return false;
    Type **targs = gc_alloc(sizeof(Type *) * (size_t)(sig->ntparams + 1));
    for (int i = 0; u->kind == E_INDEX && i < u->ntargs; i++)
        targs[i] = u->targs[i];
    Type plain = *sig; // the signature as a plain function type
    plain.ntparams = 0;
    unify_lenient = true;
    bool ok = unify(targs, &plain, target, false);
    unify_lenient = false;
    for (int i = 0; i < sig->ntparams && ok; i++)
        ok = targs[i] && !mentions(targs[i]);
    if (!ok)
        return false;
    for (int i = 0; i < sig->ntparams; i++)
        if (!check_satisfies(c, check_start(e), sig->tparams[i], targs[i], targs)) {
            check_set_invalid(e);
            return true;
        }
    Object *inst = check_instantiate_func(c, fn, targs, sig->ntparams);
    if (!inst || inst->type->kind != K_FUNC)
        return false;
    Pos start = u->start;
    if (u != x)
        *u = *x;
    u->start = start;
    if (u->kind == E_IDENT)
        u->obj = inst;
    else
        u->sel.obj = inst;
    u->tv = e->tv = inst->type;
    u->mode = e->mode = MODE_VALUE;
    return true;
}

bool check_generic_value(Checker *c, Expr *e) {
    if (e->mode == MODE_INVALID || !check_is_generic(e->tv))
        return true;
    if (e == c->generic_ok)
        return true;
    if (ast_unparen(e)->kind == E_INDEX && inst_value(c, e, ast_unparen(e)))
        return e->mode != MODE_INVALID;
    if (ast_unparen(e)->kind == E_INDEX) {
        check_errorf(c, check_start(e), "gol cannot use an instantiated generic function (%s) "
                     "as a value; call it", check_expr_str(e));
        check_set_invalid(e);
        return false;
    }
    check_errorf(c, check_start(e), "cannot use generic function %s without instantiation",
                 check_expr_str(e));
    check_set_invalid(e);
    return false;
}
