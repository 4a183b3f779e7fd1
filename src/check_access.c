// Selectors (package members, fields and methods with promotion, method values and method
// expressions), index and slice expressions with constant bounds checks, and type assertions.
#include "check_int.h"

Pos check_sel_pos(Expr *e) {
    Pos p = e->end; // the selected name ends the selector
    if (p.file && p.off >= strlen(e->name)) {
        p.off -= (uint32_t)strlen(e->name);
        return p;
    }
    p = e->pos;
    p.off++;
    return p;
}

static void qualified(Checker *c, Expr *e, Object *pobj) {
    pobj->used = true;
    e->x->obj = pobj;
    e->x->mode = MODE_PACKAGE;
    Package *p = pobj->imported;
    if (!p)
        return;
    Object *o = scope_lookup_local(p->scope, e->name);
    if (!o || !obj_exported(e->name)) {
        if (o && !obj_exported(e->name))
            check_errorf(c, check_sel_pos(e), "name %s not exported by package %s", e->name,
                         p->name);
        else
            check_errorf(c, check_sel_pos(e), "undefined: %s.%s", e->x->name, e->name);
        return;
    }
    e->sel = (Selection){.kind = SEL_PKG, .obj = o};
    e->obj = o;
    if (!o->type || (o->type->kind == K_INVALID && !o->type->incomplete))
        return;
    switch (o->kind) {
    case OBJ_CONST: e->mode = MODE_CONST; e->tv = o->type; e->cval = o->cval; break;
    case OBJ_TYPE: e->mode = MODE_TYPE; e->tv = o->type; break;
    case OBJ_VAR: e->mode = MODE_VAR; e->tv = o->type; break;
    case OBJ_FUNC: e->mode = MODE_VALUE; e->tv = o->type; break;
    default: break;
    }
}

static void missing_selector(Checker *c, Expr *e, bool amb) {
    Type *t = e->x->tv;
    if (amb) {
        check_errorf(c, check_sel_pos(e), "ambiguous selector %s.%s", check_expr_str(e->x),
                     e->name);
        return;
    }
    Type *u = check_under(t);
    if (u->kind == K_POINTER && check_under(u->elem)->kind == K_INTERFACE) {
        check_errorf(c, check_sel_pos(e), "%s.%s undefined (type %s is pointer to interface, not "
                     "interface)", check_expr_str(e->x), e->name, check_type_str(c, t));
        return;
    }
    // types2's lookupError: a field or method of another package that is not exported,
    // or one whose name differs only in case, gets a hint.
    const char *hint = "";
    Selection as;
    if (type_lookup_fold(t, e->name, &as) && as.obj) {
        const char *what = as.kind == SEL_FIELD ? "field" : "method";
        bool visible = obj_exported(as.obj->name) || !as.obj->pkg || as.obj->pkg == c->pkg;
        if (strcmp(as.obj->name, e->name) == 0 && !visible) {
            check_errorf(c, check_sel_pos(e), "%s.%s undefined (cannot refer to unexported %s %s)",
                         check_expr_str(e->x), e->name, what, e->name);
            return;
        }
        hint = check_sprintf(", but does have %s%s %s", visible ? "" : "unexported ", what,
                             as.obj->name);
    }
    check_errorf(c, check_sel_pos(e), "%s.%s undefined (type %s has no field or method %s%s)",
                 check_expr_str(e->x), e->name, check_type_str(c, t), e->name, hint);
}

static bool path_indirect(Type *t, Selection *s);

// T.m / (*T).m: a function whose first parameter is the receiver. A pointer method is in
// T's method set when it is promoted through an embedded pointer.
static void method_expr(Checker *c, Expr *e) {
    Type *t = e->x->tv;
    Selection s;
    bool amb = false;
    if (!type_lookup(t, e->name, c->pkg, &s, &amb)) {
        missing_selector(c, e, amb);
        return;
    }
    if (s.kind == SEL_FIELD) {
        check_errorf(c, check_sel_pos(e), "%s.%s undefined (type %s has no method %s)",
                     check_expr_str(e->x), e->name, check_type_str(c, t), e->name);
        return;
    }
    Type *sig = s.obj->type;
    if (s.kind == SEL_METHOD && s.obj->ptr_recv && !path_indirect(t, &s)) {
        check_errorf(c, check_sel_pos(e), "invalid method expression %s.%s (needs pointer receiver "
                     "(*%s).%s)", check_expr_str(e->x), e->name, check_type_str(c, t), e->name);
        return;
    }
    Type **ps = gc_alloc(sizeof(Type *) * (size_t)(sig->nparams + 1));
    ps[0] = t;
    for (int i = 0; i < sig->nparams; i++)
        ps[i + 1] = sig->params[i];
    e->sel = s;
    e->sel.kind = SEL_METHOD_EXPR;
    e->mode = MODE_VALUE;
    e->tv = type_func(ps, sig->nparams + 1, sig->results, sig->nresults, sig->variadic);
    if (s.kind == SEL_METHOD)
        check_record_dep(c, s.obj);
}

static bool path_indirect(Type *t, Selection *s) {
    if (check_under(t)->kind == K_POINTER)
        return true;
    Type *cur = t;
    for (int i = 0; i + 1 < s->npath || (s->kind != SEL_FIELD && i < s->npath); i++) {
        Type *u = check_under(cur);
        if (u->kind == K_POINTER)
            return true;
        if (u->kind != K_STRUCT)
            return false;
        cur = u->fields[s->path[i]].type;
    }
    return check_under(cur)->kind == K_POINTER;
}

void check_selector(Checker *c, Expr *e) {
    check_set_invalid(e);
    Expr *x = e->x;
    if (x->kind == E_IDENT) {
        Object *o = scope_lookup(c->scope, x->name, NULL);
        if (o && o->kind == OBJ_PKG) {
            qualified(c, e, o);
            return;
        }
    }
    check_expr_or_type(c, x);
    if (x->mode == MODE_INVALID)
        return;
    if (x->mode == MODE_TYPE) {
        method_expr(c, e);
        return;
    }
    Selection s;
    bool amb = false;
    if (!type_lookup(x->tv, e->name, c->pkg, &s, &amb)) {
        missing_selector(c, e, amb);
        return;
    }
    e->sel = s;
    bool indirect = path_indirect(x->tv, &s);
    switch (s.kind) {
    case SEL_FIELD:
        e->mode = (x->mode == MODE_VAR || indirect) ? MODE_VAR : MODE_VALUE;
        e->tv = s.obj->type;
        return;
    case SEL_METHOD:
        if (s.obj->ptr_recv && !indirect) {
            if (x->mode != MODE_VAR) {
                check_errorf(c, check_sel_pos(e), "cannot call pointer method %s on %s", e->name,
                             check_type_str(c, x->tv));
                return;
            }
            check_mark_escape(c, x);
        }
        check_record_dep(c, s.obj);
        e->mode = MODE_VALUE;
        e->tv = s.obj->type;
        return;
    case SEL_IFACE:
        e->mode = MODE_VALUE;
        e->tv = s.obj->type;
        return;
    default:
        return;
    }
}

// ---- index expressions ----

int64_t check_index_value(Checker *c, Expr *e, int64_t max, bool allow_max) {
    check_expr(c, e);
    if (e->mode == MODE_INVALID)
        return -2;
    if (e->mode == MODE_CONST && type_is_untyped(e->tv)) {
        ConstVal *v = e->cval->kind == CV_INT ? e->cval : cv_to_int(e->cval);
        if (!v) { // gc: convertUntyped's "truncated to int" / "cannot convert ... to type int"
            check_convert_untyped(c, e, types_basic[K_INT]);
            if (e->mode != MODE_INVALID)
                check_errorf(c, check_start(e), "%s truncated to int", check_operand_str(c, e));
            return -2;
        }
        e->cval = v;
        check_convert_untyped(c, e, types_basic[K_INT]);
        if (e->mode == MODE_INVALID)
            return -2;
    }
    if (!type_is_integer(check_under(e->tv))) {
        check_errorf(c, check_start(e), "invalid argument: index %s must be integer",
                     check_operand_str(c, e));
        return -2;
    }
    if (e->mode != MODE_CONST)
        return -1;
    if (cv_sign(e->cval) < 0) {
        check_errorf(c, check_start(e), "invalid argument: index %s must not be negative",
                     check_operand_str(c, e));
        return -2;
    }
    int64_t v = e->cval->small ? e->cval->i : INT64_MAX;
    if (max >= 0 && (v > max || (v == max && !allow_max))) {
        check_errorf(c, check_start(e), "invalid argument: index %s out of bounds [0:%lld]",
                     cv_string_repr(e->cval), (long long)(allow_max ? max + 1 : max));
        return -2;
    }
    return v;
}

static void map_index(Checker *c, Expr *e, Type *u) {
    check_expr_hint(c, e->y, u->key);
    if (e->y->mode != MODE_INVALID)
        check_assignment(c, e->y, u->key, "map index");
    e->mode = MODE_MAPINDEX;
    e->tv = u->elem;
}

void check_index(Checker *c, Expr *e, Type *hint) {
    GOL_UNUSED(hint);
    Expr *x = e->x;
    if (check_generic_type_index(c, e))
        return;
    check_raw(c, x, NULL);
    if (check_is_generic(x->tv) && x->mode != MODE_INVALID) {
        check_explicit_targs(c, e);
        return;
    }
    if (x->mode != MODE_TYPE)
        check_single_value(c, x);
    if (x->mode == MODE_INVALID || (x->tv && x->tv->kind == K_INVALID)) { // reported already
        check_raw(c, e->y, NULL); // types2's check.use: types are fine here (f[int]())
        for (int i = 0; i < e->args.n; i++)
            check_raw(c, e->args.v[i], NULL);
        return;
    }
    if (x->mode == MODE_TYPE || (x->tv && x->tv->kind == K_FUNC && e->y)) {
        if (x->mode == MODE_TYPE || x->kind == E_IDENT) {
            check_errorf(c, check_start(e->y), "type parameters are not supported by gol");
            return;
        }
    }
    Type *u = check_under(x->tv);
    int64_t len = -1;
    switch (u->kind) {
    case K_STRING: case K_UNTYPED_STRING:
        if (x->mode == MODE_CONST)
            len = x->cval->slen;
        check_index_value(c, e->y, len, false);
        check_default(c, x);
        e->mode = MODE_VALUE;
        e->tv = types_basic[K_UINT8];
        return;
    case K_ARRAY:
        check_index_value(c, e->y, u->len, false);
        e->mode = x->mode == MODE_VAR ? MODE_VAR : MODE_VALUE;
        e->tv = u->elem;
        return;
    case K_POINTER:
        if (check_under(u->elem)->kind == K_ARRAY) {
            check_index_value(c, e->y, check_under(u->elem)->len, false);
            e->mode = MODE_VAR;
            e->tv = check_under(u->elem)->elem;
            return;
        }
        break;
    case K_SLICE:
        check_index_value(c, e->y, -1, false);
        e->mode = MODE_VAR;
        e->tv = u->elem;
        return;
    case K_MAP:
        map_index(c, e, u);
        return;
    default:
        break;
    }
    check_errorf(c, e->pos, "invalid operation: cannot index %s", // gc: at the [
                 check_operand_str(c, x));
    check_expr(c, e->y);
}

// ---- slice expressions ----

static bool slice_operand(Checker *c, Expr *e, Type **result, int64_t *len) {
    Expr *x = e->x;
    Type *u = check_under(x->tv);
    *len = -1;
    switch (u->kind) {
    case K_STRING: case K_UNTYPED_STRING:
        if (e->slice3) {
            check_errorf(c, check_start(x), "invalid operation: 3-index slice of string");
            return false;
        }
        if (x->mode == MODE_CONST)
            *len = x->cval->slen;
        check_default(c, x);
        *result = x->tv;
        return true;
    case K_ARRAY:
        if (x->mode != MODE_VAR) {
            check_errorf(c, check_start(x), "invalid operation: %s (slice of unaddressable "
                         "value)", check_expr_str(e));
            return false;
        }
        check_mark_escape(c, x);
        *len = u->len;
        *result = type_slice(u->elem);
        return true;
    case K_POINTER:
        if (check_under(u->elem)->kind == K_ARRAY) {
            *len = check_under(u->elem)->len;
            *result = type_slice(check_under(u->elem)->elem);
            return true;
        }
        break;
    case K_SLICE:
        *result = x->tv;
        return true;
    default:
        break;
    }
    check_errorf(c, check_start(x), "invalid operation: cannot slice %s",
                 check_operand_str(c, x));
    return false;
}

void check_slice_expr(Checker *c, Expr *e) {
    check_expr(c, e->x);
    Expr *idx[3] = {e->lo, e->hi, e->max};
    Type *result = NULL;
    int64_t len;
    if (e->x->mode == MODE_INVALID || !slice_operand(c, e, &result, &len)) {
        for (int i = 0; i < 3; i++) // still uses what they name (types2's check.use)
            if (idx[i])
                check_expr(c, idx[i]);
        return;
    }
    int64_t vals[3] = {-1, -1, -1};
    for (int i = 0; i < 3; i++)
        if (idx[i])
            vals[i] = check_index_value(c, idx[i], len, true);
    for (int i = 0; i < 3; i++) {
        for (int k = i + 1; k < 3; k++) {
            if (vals[i] >= 0 && vals[k] >= 0 && vals[k] < vals[i]) {
                check_errorf(c, check_start(idx[k]), "invalid slice indices: %lld < %lld",
                             (long long)vals[k], (long long)vals[i]);
                return;
            }
        }
    }
    e->mode = MODE_VALUE;
    e->tv = result;
}

// ---- type assertions ----

void check_type_assert(Checker *c, Expr *e) {
    check_expr(c, e->x);
    if (!e->type) {
        check_errorf(c, check_start(e), "invalid syntax tree: use of .(type) outside type switch");
        return;
    }
    Type *t = check_type(c, e->type);
    if (e->x->mode == MODE_INVALID || t->kind == K_INVALID)
        return;
    Type *xt = e->x->tv;
    if (xt->tparam) {
        check_errorf(c, check_start(e->x), "invalid operation: cannot use type assertion on "
                     "type parameter value %s", check_operand_str(c, e->x));
        return;
    }
    if (check_under(xt)->kind != K_INTERFACE) {
        check_errorf(c, check_start(e->x), "invalid operation: %s is not an interface",
                     check_operand_str(c, e->x));
        return;
    }
    if (check_under(t)->kind != K_INTERFACE) {
        const char *missing = NULL;
        bool wrong_ptr = false;
        if (!type_implements(t, xt, &missing, &wrong_ptr)) {
            check_errorf(c, check_start(e), "impossible type assertion: %s\n\t%s does not "
                         "implement %s %s", check_expr_str(e), check_type_str(c, t),
                         check_type_str(c, xt), check_method_cause(c, t, xt, missing, wrong_ptr));
            return;
        }
    }
    e->mode = MODE_COMMAOK;
    e->tv = t;
}
