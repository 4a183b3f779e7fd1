// Untyped conversion (go/types implicitTypeAndValue / updateExprType), representability,
// assignability with Go's "cannot use ... as ... value in ..." messages, and the assignment
// forms: =, op=, :=, var declarations with initialisers (1:1 and one multi-valued rhs).
// A comma-ok rhs (m[k], x.(T), <-ch with two lhs) keeps its single value type in tv; the
// compiler recognises the form from two lhs and one non-call rhs.
#include "check_int.h"

// ---- representability and untyped conversion ----

bool check_representable(Checker *c, Expr *e, Type *t, int *code) {
    GOL_UNUSED(c);
    Type *u = check_under(t);
    ConstVal *r = NULL;
    *code = 0;
    if (u->kind > K_UNTYPED_STRING ||
        u->kind == K_INVALID || u->kind == K_UNSAFEPTR) {
        *code = 3;
        return false;
    }
    if (cv_representable(e->cval, (int)u->kind, &r)) {
        e->cval = r ? r : e->cval;
        return true;
    }
    if (type_is_numeric(e->tv) && type_is_numeric(u))
        *code = !type_is_integer(e->tv) && type_is_integer(u) ? 1 : 2;
    else
        *code = 3;
    return false;
}

void check_invalid_conversion(Checker *c, Expr *e, Type *t, int code) {
    const char *x = check_operand_str(c, e), *ts = check_type_str(c, t);
    Pos p = check_start(e);
    if (code == 1)
        check_errorf(c, p, "%s truncated to %s", x, ts);
    else if (code == 2)
        check_errorf(c, p, "%s overflows %s", x, ts);
    else
        check_errorf(c, p, "cannot convert %s to type %s", x, ts);
}

static bool is_shift_op(Op op) {
    return op == OP_SHL || op == OP_SHR;
}

// The left operand of a non-constant shift takes the shift's final type, which must be
// an integer type.
static void update_shift_lhs(Checker *c, Expr *x, Type *t) {
    if (!type_is_untyped(x->tv))
        return;
    if (!type_is_integer(check_under(t)) && !type_is_untyped(t)) {
        check_errorf(c, check_start(x),
                     "invalid operation: shifted operand %s (type %s) must be integer",
                     check_expr_str(x), check_type_str(c, t));
        return;
    }
    if (x->mode == MODE_CONST && !type_is_untyped(t)) {
        int code;
        if (!check_representable(c, x, t, &code)) {
            check_invalid_conversion(c, x, t, code);
            return;
        }
    }
    check_update_type(c, x, t);
}

void check_update_type(Checker *c, Expr *e, Type *t) {
    if (!e || !e->tv || !type_is_untyped(e->tv) || e->mode == MODE_INVALID)
        return;
    switch (e->kind) {
    case E_PAREN:
        check_update_type(c, e->x, t);
        break;
    case E_UNARY:
        if (e->op != OP_AND && e->op != OP_ARROW)
            check_update_type(c, e->x, t);
        break;
    case E_BINARY:
        if (e->op >= OP_EQL && e->op <= OP_GEQ)
            break; // operands already have their own final types
        if (is_shift_op(e->op)) {
            if (e->mode != MODE_CONST)
                update_shift_lhs(c, e->x, t);
            break;
        }
        check_update_type(c, e->x, t);
        check_update_type(c, e->y, t);
        break;
    default:
        break;
    }
    e->tv = t;
    if (e->mode == MODE_CONST && e->cval && !type_is_untyped(t)) {
        ConstVal *r = NULL;
        Type *u = check_under(t);
        if (u->kind <= K_STRING && cv_representable(e->cval, (int)u->kind, &r) && r)
            e->cval = r;
    }
}

static int untyped_rank(Kind k) {
    switch (k) {
    case K_UNTYPED_INT: return 1;
    case K_UNTYPED_RUNE: return 2;
    case K_UNTYPED_FLOAT: return 3;
    case K_UNTYPED_COMPLEX: return 4;
    default: return 0;
    }
}

// go/types implicitTypeAndValue: the type [e] gets in context [target], or NULL (+code).
static Type *implicit_type(Checker *c, Expr *e, Type *target, int *code) {
    *code = 3;
    if (type_is_tparam(target)) { // types2: it must suit each type of the type set
        TParam *p = target->tparam;
        for (int i = 0; i < p->nterms; i++)
            if (!implicit_type(c, e, p->terms[i].type, code))
                return NULL;
        return p->nterms ? target : NULL;
    }
    if (e->tv->kind == K_UNTYPED_NIL)
        return type_has_nil(check_under(target)) ? target : NULL;
    Type *u = check_under(target);
    if (u->kind == K_INTERFACE)
        return u->nimethods == 0 ? type_default(e->tv) : NULL;
    if (u->kind > K_UNTYPED_NIL || u->kind == K_INVALID)
        return NULL;
    if (e->mode == MODE_CONST)
        return check_representable(c, e, u, code) ? target : NULL;
    switch (e->tv->kind) {
    case K_UNTYPED_BOOL: return type_is_boolean(u) ? target : NULL;
    case K_UNTYPED_STRING: return type_is_string(u) ? target : NULL;
    default: return type_is_numeric(u) ? target : NULL;
    }
}

void check_convert_untyped(Checker *c, Expr *e, Type *target) {
    if (e->mode == MODE_INVALID || !type_is_untyped(e->tv) || target->kind == K_INVALID)
        return;
    if (type_is_untyped(target)) {
        int a = untyped_rank(e->tv->kind), b = untyped_rank(target->kind);
        if (a && b) {
            if (b > a)
                check_update_type(c, e, target);
            return;
        }
        if (e->tv->kind != target->kind) {
            check_errorf(c, check_start(e), "mismatched types %s and %s",
                         check_type_str(c, e->tv), check_type_str(c, target));
            check_set_invalid(e);
        }
        return;
    }
    int code;
    Type *t = implicit_type(c, e, target, &code);
    if (!t) { // (types2 names a type parameter, any other type by its underlying type)
        check_invalid_conversion(c, e, type_is_tparam(target) ? target : check_under(target),
                                 code);
        check_set_invalid(e);
        return;
    }
    check_update_type(c, e, t);
}

void check_default(Checker *c, Expr *e) {
    if (e->mode != MODE_INVALID && e->tv && type_is_untyped(e->tv) &&
        e->tv->kind != K_UNTYPED_NIL)
        check_update_type(c, e, type_default(e->tv));
}

// ---- assignability ----

// gc's funcString: "M(int) string" (the method's name, then its signature without "func").
static const char *func_string(Checker *c, const char *name, Type *sig) {
    return check_sprintf("%s%s", name, check_type_str(c, sig) + 4);
}

static bool is_iface_ptr(Type *t) {
    Type *u = check_under(t);
    return u->kind == K_POINTER && check_under(u->elem)->kind == K_INTERFACE &&
           !type_is_tparam(u->elem);
}

static IMethod *iface_method(Type *iface, const char *name) {
    Type *iu = check_under(iface);
    for (int i = 0; i < iu->nimethods; i++)
        if (strcmp(iu->imethods[i].name, name) == 0)
            return &iu->imethods[i];
    return NULL;
}

const char *check_method_cause(Checker *c, Type *v, Type *iface, const char *missing,
                               bool wrong_ptr) {
    if (wrong_ptr)
        return check_sprintf("(method %s has pointer receiver)", missing);
    IMethod *m = iface_method(iface, missing);
    Selection s;
    bool amb = false;
    if (m && type_lookup(v, missing, m->pkg, &s, &amb)) {
        if (s.kind == SEL_FIELD)
            return check_sprintf("(%s.%s is a field, not a method)", check_type_str(c, v),
                                 missing);
        return check_sprintf("(wrong type for method %s)\n\t\thave %s\n\t\twant %s", missing,
                             func_string(c, missing, s.obj->type),
                             func_string(c, missing, m->sig));
    }
    if (amb)
        return check_sprintf("(ambiguous selector %s.%s)", check_type_str(c, v), missing);
    if (is_iface_ptr(v))
        return check_sprintf("(type %s is pointer to interface, not interface)",
                             check_type_str(c, v));
    // gc looks again ignoring case (not for an interface V): a method spelled differently.
    if (m && check_under(v)->kind != K_INTERFACE && type_lookup_fold(v, missing, &s) &&
        s.kind != SEL_FIELD && s.obj) {
        if (strcmp(s.obj->name, missing) == 0)
            return check_sprintf("(unexported method %s)", missing);
        return check_sprintf("(missing method %s)\n\t\thave %s\n\t\twant %s", missing,
                             func_string(c, s.obj->name, s.obj->type),
                             func_string(c, missing, m->sig));
    }
    return check_sprintf("(missing method %s)", missing);
}

static const char *missing_cause(Checker *c, Type *v, Type *t) {
    const char *vs = check_type_str(c, v), *ts = check_type_str(c, t);
    if (is_iface_ptr(t))
        return check_sprintf("%s does not implement %s (type %s is pointer to interface, not "
                             "interface)", vs, ts, ts);
    const char *missing = NULL;
    bool wrong_ptr = false;
    if (type_implements(v, t, &missing, &wrong_ptr) || !missing)
        return NULL;
    return check_sprintf("%s does not implement %s %s", vs, ts,
                         check_method_cause(c, v, t, missing, wrong_ptr));
}

// Why a value of type [v] is not assignable to [t] (NULL: no specific cause), as gc's
// assignableTo: T an interface (or a pointer to one) that V does not implement, or V an
// interface that T implements ("need type assertion").
static const char *assign_cause(Checker *c, Type *v, Type *t) {
    if (v->kind == K_INVALID || type_is_tparam(v) || type_is_tparam(t))
        return NULL; // types2 names no cause for a type parameter
    if (check_under(t)->kind == K_INTERFACE || is_iface_ptr(t))
        return missing_cause(c, v, t);
    if (check_under(v)->kind == K_INTERFACE && type_implements(t, v, NULL, NULL))
        return "need type assertion";
    return NULL;
}

bool check_assignment(Checker *c, Expr *e, Type *t, const char *context) {
    if (t && check_under(t)->kind == K_FUNC && check_is_generic(e->tv))
        check_generic_func_value(c, e, check_under(t));
    if (!check_single_value(c, e))
        return false;
    if (type_is_untyped(e->tv)) {
        Type *target = t;
        if (e->tv->kind == K_UNTYPED_NIL) {
            if (!t) {
                check_errorf(c, check_start(e), "use of untyped nil in %s", context);
                check_set_invalid(e);
                return false;
            }
        } else if (!t || (check_under(t)->kind == K_INTERFACE && !type_is_tparam(t))) {
            target = type_default(e->tv);
        }
        int code = 3;
        Type *nt = target->kind == K_INVALID ? target : implicit_type(c, e, target, &code);
        if (!nt) {
            const char *suffix = code == 1 ? " (truncated)" : code == 2 ? " (overflows)" : "";
            check_errorf(c, check_start(e), "cannot use %s as %s value in %s%s",
                         check_operand_str(c, e), check_type_str(c, target), context, suffix);
            check_set_invalid(e);
            return false;
        }
        check_update_type(c, e, nt);
    }
    if (!t || t->kind == K_INVALID || e->tv->kind == K_INVALID)
        return true;
    if (type_assignable(e->tv, t))
        return true;
    const char *cause = assign_cause(c, e->tv, t);
    if (cause)
        check_errorf(c, check_start(e), "cannot use %s as %s value in %s: %s",
                     check_operand_str(c, e), check_type_str(c, t), context, cause);
    else
        check_errorf(c, check_start(e), "cannot use %s as %s value in %s",
                     check_operand_str(c, e), check_type_str(c, t), context);
    check_set_invalid(e);
    return false;
}

// Assignability of the i-th value of a multi-valued [call] (no expression of its own).
static bool assign_tuple_elem(Checker *c, Expr *call, Type *v, Type *t, const char *context) {
    if (!t || t->kind == K_INVALID || v->kind == K_INVALID || type_assignable(v, t))
        return true;
    const char *cause = assign_cause(c, v, t);
    check_errorf(c, check_start(call), "cannot use %s (value of type %s) as %s value in %s%s%s",
                 check_expr_str(call), check_type_str(c, v), check_type_str(c, t), context,
                 cause ? ": " : "", cause ? cause : "");
    return false;
}

int check_value_count(Expr *e) {
    if (e->mode == MODE_INVALID)
        return -1;
    if (e->mode == MODE_NOVALUE)
        return 0;
    if (e->tv && e->tv->kind == K_TUPLE)
        return e->tv->nresults;
    return 1;
}

Type *check_value_type(Expr *e, int i) {
    if (e->tv->kind == K_TUPLE)
        return e->tv->results[i];
    return i == 0 ? e->tv : types_basic[K_UNTYPED_BOOL];
}

static bool is_call(Expr *e) {
    return ast_unparen(e)->kind == E_CALL;
}

static bool comma_ok_capable(Expr *e) {
    return e->mode == MODE_MAPINDEX || e->mode == MODE_COMMAOK;
}

static const char *plural(int n, const char *what) {
    return check_sprintf("%d %s%s", n, what, n == 1 ? "" : "s");
}

static void assign_error(Checker *c, Expr *rhs0, int l, int r) {
    Expr *u = ast_unparen(rhs0);
    if (u->kind == E_CALL)
        check_errorf(c, check_start(rhs0), "assignment mismatch: %s but %s returns %s",
                     plural(l, "variable"), check_expr_str(u->x), plural(r, "value"));
    else
        check_errorf(c, check_start(rhs0), "assignment mismatch: %s but %s",
                     plural(l, "variable"), plural(r, "value"));
}

// ---- variable initialisation (var declarations and :=) ----

// Give [v] its type from an initialiser when it has none yet, then check assignability.
// A variable whose initialisation failed is still reported when unused (types2 since Go
// 1.20; Go 1.19's gc was silent).
static void init_var(Checker *c, Object *v, Expr *e, const char *context) {
    if (e->mode == MODE_INVALID || e->tv->kind == K_INVALID) {
        if (!v->type)
            v->type = INVALID_TYPE;
        return;
    }
    if (!v->type) {
        Type *t = e->tv;
        if (t->kind == K_UNTYPED_NIL) {
            check_errorf(c, check_start(e), "use of untyped nil in %s", context);
            v->type = INVALID_TYPE;
            return;
        }
        v->type = type_default(t);
    }
    check_assignment(c, e, v->type, context);
}

// After an initialisation error: give the variables a type.
static void set_missing_types(Object **lhs, int n) {
    for (int i = 0; i < n; i++)
        if (lhs[i] && !lhs[i]->type)
            lhs[i]->type = INVALID_TYPE;
}

// One multi-valued rhs for several variables (go/types initVars, r == 1).
static void init_vars_multi(Checker *c, Object **lhs, int l, Expr *rhs, const char *context) {
    check_multi(c, rhs);
    int r = check_value_count(rhs);
    if (r == 1 && l == 2 && comma_ok_capable(rhs))
        r = 2;
    if (r < 0) {
        set_missing_types(lhs, l);
        return;
    }
    if (r != l) {
        if (r == 0)
            check_single_value(c, rhs);
        else
            assign_error(c, rhs, l, r);
        set_missing_types(lhs, l);
        return;
    }
    for (int i = 0; i < l; i++) {
        Type *vt = check_value_type(rhs, i);
        if (i == 0 && rhs->tv->kind != K_TUPLE) {
            init_var(c, lhs[0], rhs, context);
            continue;
        }
        if (!lhs[i]->type)
            lhs[i]->type = type_default(vt);
        assign_tuple_elem(c, rhs, vt, lhs[i]->type, context);
    }
}

static void init_vars(Checker *c, Object **lhs, int l, ExprVec *rhs, const char *context) {
    int r = rhs->n;
    if (l == r && !(r == 1 && is_call(rhs->v[0]))) {
        for (int i = 0; i < l; i++) {
            check_expr_hint(c, rhs->v[i], lhs[i]->type);
            init_var(c, lhs[i], rhs->v[i], context);
        }
        return;
    }
    if (r != 1) {
        for (int i = 0; i < r; i++)
            check_multi(c, rhs->v[i]);
        assign_error(c, rhs->v[0], l, r);
        set_missing_types(lhs, l);
        return;
    }
    init_vars_multi(c, lhs, l, rhs->v[0], context);
}

void check_var_init(Checker *c, Object **lhs, int l, Expr *type, ExprVec *values, Pos pos) {
    GOL_UNUSED(pos);
    Type *t = type ? check_type(c, type) : NULL;
    for (int i = 0; i < l; i++)
        lhs[i]->type = t;
    int r = values->n;
    if (r == 0)
        return;
    if (l == r) {
        Type *saved_t = c->spelled_type;
        const char *saved_as = c->spelled_as;
        if (t && t->kind != K_INVALID) {
            const char *src = ast_expr_str(type);
            if (strstr(src, "byte") || strstr(src, "rune")) {
                c->spelled_type = t;
                c->spelled_as = src;
            }
        }
        for (int i = 0; i < l; i++) {
            Expr *saved_ok = c->generic_ok;
            c->generic_ok = t ? values->v[i] : saved_ok; // var f func(int) int = Double
            check_expr_hint(c, values->v[i], t);
            c->generic_ok = saved_ok;
            init_var(c, lhs[i], values->v[i], "variable declaration");
        }
        c->spelled_type = saved_t;
        c->spelled_as = saved_as;
        return;
    }
    if (r == 1) {
        init_vars(c, lhs, l, values, "assignment");
        return;
    }
    if (l < r) { // gc initialises each variable from its value, so unused ones are reported
        for (int i = 0; i < r; i++) {
            if (i >= l) {
                check_multi(c, values->v[i]);
                continue;
            }
            check_expr_hint(c, values->v[i], t);
            init_var(c, lhs[i], values->v[i], "variable declaration");
        }
        check_errorf(c, check_start(values->v[l]), "extra init expr %s",
                     check_expr_str(values->v[l]));
        return;
    }
    for (int i = 0; i < r; i++) {
        check_expr_hint(c, values->v[i], t);
        init_var(c, lhs[i], values->v[i], "variable declaration");
    }
    check_errorf(c, lhs[r]->pos, "missing init expr for %s", lhs[r]->name);
    set_missing_types(lhs + r, l - r);
}

// ---- assignment statements ----

// go/types lhsVar: the type of an assignable lhs (NULL for _), INVALID_TYPE on error.
Type *check_lhs_var(Checker *c, Expr *lhs) {
    Expr *u = ast_unparen(lhs);
    if (u->kind == E_IDENT && strcmp(u->name, "_") == 0) {
        u->mode = MODE_VAR;
        u->tv = NULL;
        u->obj = NULL;
        return NULL;
    }
    Object *v = NULL;
    bool used = false;
    if (u->kind == E_IDENT) {
        v = scope_lookup(c->scope, u->name, NULL);
        if (v && v->kind == OBJ_VAR && v->pkg == c->pkg)
            used = v->used;
        else
            v = NULL;
    }
    check_expr(c, lhs);
    if (v)
        v->used = used;
    if (lhs->mode == MODE_INVALID)
        return INVALID_TYPE;
    if (lhs->mode == MODE_VAR || lhs->mode == MODE_MAPINDEX)
        return lhs->tv;
    if (u->kind == E_SELECTOR && u->x->mode == MODE_MAPINDEX) {
        check_errorf(c, check_start(lhs), "cannot assign to struct field %s in map",
                     check_expr_str(lhs));
        return INVALID_TYPE;
    }
    check_errorf(c, check_start(lhs),
                 "cannot assign to %s (neither addressable nor a map index expression)",
                 check_expr_str(lhs));
    return INVALID_TYPE;
}

static void assign_var(Checker *c, Expr *lhs, Expr *rhs) {
    Type *t = check_lhs_var(c, lhs);
    Expr *saved_ok = c->generic_ok;
    c->generic_ok = t ? rhs : saved_ok; // f = Double (Go 1.21: inferred from f's type)
    check_expr_hint(c, rhs, t && t->kind != K_INVALID ? t : NULL);
    c->generic_ok = saved_ok;
    if (t && t->kind == K_INVALID)
        return;
    check_assignment(c, rhs, t, t ? "assignment" : "assignment to _ identifier");
}

static void assign_vars(Checker *c, ExprVec *lhs, ExprVec *rhs) {
    int l = lhs->n, r = rhs->n;
    if (l == r && !(r == 1 && is_call(rhs->v[0]))) {
        for (int i = 0; i < l; i++)
            assign_var(c, lhs->v[i], rhs->v[i]);
        return;
    }
    if (r != 1) {
        for (int i = 0; i < l; i++)
            check_lhs_var(c, lhs->v[i]);
        for (int i = 0; i < r; i++)
            check_multi(c, rhs->v[i]);
        assign_error(c, rhs->v[0], l, r);
        return;
    }
    Type **ts = gc_alloc(sizeof(Type *) * (size_t)l);
    for (int i = 0; i < l; i++)
        ts[i] = check_lhs_var(c, lhs->v[i]);
    Expr *e = rhs->v[0];
    check_multi(c, e);
    int n = check_value_count(e);
    if (n == 1 && l == 2 && comma_ok_capable(e))
        n = 2;
    if (n < 0)
        return;
    if (n != l) {
        if (n == 0)
            check_single_value(c, e);
        else
            assign_error(c, e, l, n);
        return;
    }
    for (int i = 0; i < l; i++) {
        if (ts[i] && ts[i]->kind == K_INVALID)
            continue;
        if (i == 0 && e->tv->kind != K_TUPLE)
            check_assignment(c, e, ts[0], ts[0] ? "assignment" : "assignment to _ identifier");
        else
            assign_tuple_elem(c, e, check_value_type(e, i), ts[i], "assignment");
    }
}

static void short_var_decl(Checker *c, Stmt *s) {
    int l = s->lhs.n;
    Object **vars = gc_alloc(sizeof(Object *) * (size_t)l);
    s->define_objs = gc_alloc(sizeof(Object *) * (size_t)l);
    s->define_new = gc_alloc_atomic(sizeof(bool) * (size_t)l);
    bool any_new = false, err = false;
    for (int i = 0; i < l; i++) {
        Expr *id = s->lhs.v[i];
        if (id->kind != E_IDENT) {
            check_expr(c, id);
            check_errorf(c, check_start(id), "non-name %s on left side of :=", check_expr_str(id));
            err = true;
            vars[i] = obj_new(OBJ_VAR, "_", id->pos, NULL);
            continue;
        }
        bool blank = strcmp(id->name, "_") == 0;
        for (int k = 0; k < i && !blank; k++) {
            Expr *o = s->lhs.v[k];
            if (o->kind == E_IDENT && strcmp(o->name, id->name) == 0) {
                check_errorf(c, id->pos, "%s repeated on left side of :=", id->name);
                err = true;
            }
        }
        Object *alt = blank ? NULL : scope_lookup_local(c->scope, id->name);
        if (alt) {
            id->obj = alt;
            id->mode = MODE_VAR;
            id->tv = alt->type;
            if (alt->kind != OBJ_VAR) {
                check_errorf(c, id->pos, "cannot assign to %s", id->name);
                err = true;
                vars[i] = obj_new(OBJ_VAR, "_", id->pos, NULL);
            } else {
                vars[i] = alt;
            }
            continue;
        }
        Object *o = obj_new(OBJ_VAR, id->name, id->pos, NULL);
        o->pkg = c->pkg;
        o->owner = c->fn ? c->fn->func : NULL;
        vars[i] = o;
        if (!blank) {
            id->obj = o;
            s->define_objs[i] = o;
            s->define_new[i] = true;
            any_new = true;
        }
    }
    init_vars(c, vars, l, &s->rhs, "assignment");
    for (int i = 0; i < l; i++) {
        Expr *id = s->lhs.v[i];
        if (id->kind == E_IDENT && vars[i]->type) {
            id->mode = MODE_VAR;
            id->tv = vars[i]->type;
        }
    }
    if (!any_new && !err) {
        check_errorf(c, s->pos, "no new variables on left side of :=");
        return;
    }
    for (int i = 0; i < l; i++)
        if (s->define_new[i])
            check_declare(c, c->scope, vars[i], vars[i]->pos);
}

void check_assign_stmt(Checker *c, Stmt *s) {
    if (s->op == OP_DEFINE) {
        short_var_decl(c, s);
        return;
    }
    if (s->op == OP_ASSIGN) {
        assign_vars(c, &s->lhs, &s->rhs);
        return;
    }
    if (s->lhs.n != 1 || s->rhs.n != 1) {
        check_errorf(c, s->pos, "assignment operation %s= requires single-valued expressions",
                     ast_op_str(s->op));
        return;
    }
    Expr tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.kind = E_BAD;
    check_binary(c, &tmp, s->lhs.v[0], s->rhs.v[0], s->op, s->pos);
    if (tmp.mode == MODE_INVALID)
        return;
    check_assignable_lhs(c, s->lhs.v[0]);
}

bool check_assignable_lhs(Checker *c, Expr *lhs) {
    if (lhs->mode == MODE_VAR || lhs->mode == MODE_MAPINDEX)
        return true;
    Expr *u = ast_unparen(lhs);
    if (u->kind == E_SELECTOR && u->x->mode == MODE_MAPINDEX)
        check_errorf(c, check_start(lhs), "cannot assign to struct field %s in map",
                     check_expr_str(lhs));
    else
        check_errorf(c, check_start(lhs),
                     "cannot assign to %s (neither addressable nor a map index expression)",
                     check_expr_str(lhs));
    return false;
}
