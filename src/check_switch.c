// Multi-way statements: expression switches (case values compared with the tag, duplicate
// constant cases, fallthrough placement), type switches (one variable per clause), select
// (communication clauses) and range loops (Go 1.22: range over integers).
#include <stdio.h>

#include "check_int.h"
#include "hashset.h"

static void clause_body(Checker *c, Stmt *cl) {
    Block *b = cl->body;
    if (!b)
        return;
    b->scope = c->scope;
    check_stmt_list(c, &b->stmts);
}

static Stmt *last_stmt(Stmt *cl) {
    if (!cl->body || cl->body->stmts.n == 0)
        return NULL;
    return vec_last(&cl->body->stmts);
}

static void dup_cases(Checker *c, Expr *v, HashSet *seen) {
    if (v->mode != MODE_CONST || v->cval->kind == CV_BOOL) // gc checks only numbers, strings
        return;
    Expr *o = (Expr *)hashset_add(seen, check_const_key_hash(v), v, check_const_key_same);
    if (o) {
        char pbuf[256];
        check_errorf(c, check_start(v), "duplicate case %s in expression switch\n\t%s: "
                     "previous case", check_operand_str(c, v),
                     pos_format(check_start(o), pbuf, sizeof pbuf));
    }
}

static Expr *implicit_true(Stmt *s) {
    Expr *t = ast_expr(E_IDENT, s->pos);
    t->name = "true";
    t->mode = MODE_CONST;
    t->tv = types_basic[K_BOOL];
    t->cval = cv_bool(true);
    return t;
}

static void switch_tag(Checker *c, Stmt *s) {
    Expr *tag = s->x;
    check_expr(c, tag);
    if (tag->mode == MODE_INVALID)
        return;
    check_assignment(c, tag, NULL, "switch expression");
    // types2: a func, map or slice tag is fine; its cases can only be nil
    if (tag->mode != MODE_INVALID && !type_is_comparable(tag->tv) &&
        !type_has_nil(check_under(tag->tv))) {
        check_errorf(c, check_start(tag), "cannot switch on %s (%s is not comparable)",
                     check_operand_str(c, tag), check_type_str(c, tag->tv));
        check_set_invalid(tag);
    }
}

static void mark_fallthrough(Checker *c, Stmt *s, int i, int n) {
    Stmt *last = last_stmt(s->body->stmts.v[i]);
    if (!last || last->kind != S_BRANCH || last->branch != BR_FALLTHROUGH)
        return;
    if (s->kind == S_TYPESWITCH) {
        check_errorf(c, last->pos, "cannot fallthrough in type switch");
        last->target = s;
    } else if (i == n - 1) {
        check_errorf(c, last->pos, "cannot fallthrough final case in switch");
        last->target = s;
    } else {
        last->target = s;
    }
}

void check_switch_stmt(Checker *c, Stmt *s) {
    check_open_scope(c);
    if (s->init)
        check_one_stmt(c, s->init);
    Expr *tag = s->x;
    if (tag)
        switch_tag(c, s);
    else
        tag = implicit_true(s);
    vec_push(&c->fn->targets, s);
    StmtVec *cls = &s->body->stmts;
    Stmt *def = NULL;
    HashSet seen = {0};
    for (int i = 0; i < cls->n; i++) {
        Stmt *cl = cls->v[i];
        if (cl->is_default) {
            if (def) {
                char pbuf[256];
                check_errorf(c, cl->pos, "multiple defaults (first at %s)",
                             pos_format(def->pos, pbuf, sizeof pbuf));
            }
            def = cl;
        }
        for (int k = 0; k < cl->list.n; k++) {
            Expr *v = cl->list.v[k];
            check_expr(c, v);
            if (v->mode == MODE_INVALID || tag->mode == MODE_INVALID)
                continue;
            if (check_case_compare(c, v, tag))
                dup_cases(c, v, &seen);
        }
        mark_fallthrough(c, s, i, cls->n);
        check_open_scope(c);
        clause_body(c, cl);
        check_close_scope(c);
    }
    c->fn->targets.n--;
    check_close_scope(c);
}

// ---- type switch ----

static bool is_nil_ident(Checker *c, Expr *e) {
    e = ast_unparen(e);
    if (e->kind != E_IDENT || strcmp(e->name, "nil") != 0)
        return false;
    Object *o = scope_lookup(c->scope, "nil", NULL);
    return o && o->kind == OBJ_NIL;
}

// A type (NULL: nil) already listed in an earlier case of the type switch: gc's error.
// [seen] holds the earlier case expressions, with [seen_t] their types.
typedef struct TypeCases {
    ExprVec exprs;
    VEC(Type *) types;
} TypeCases;

static bool dup_type_case(Checker *c, Expr *e, Type *t, TypeCases *seen) {
    for (int i = 0; i < seen->exprs.n; i++) {
        Type *o = seen->types.v[i];
        if ((!o && !t) || (o && t && type_identical(o, t))) {
            char pbuf[256];
            check_errorf(c, check_start(e), "duplicate case %s in type switch\n\t%s: previous "
                         "case", t ? check_type_str(c, t) : "nil",
                         pos_format(check_start(seen->exprs.v[i]), pbuf, sizeof pbuf));
            return true;
        }
    }
    vec_push(&seen->exprs, e);
    vec_push(&seen->types, t);
    return false;
}

// The clause's single type (NULL for nil or several types).
static Type *case_types(Checker *c, Stmt *cl, Expr *x, bool *single, TypeCases *seen) {
    Type *one = NULL;
    *single = cl->list.n == 1;
    for (int k = 0; k < cl->list.n; k++) {
        Expr *e = cl->list.v[k];
        if (is_nil_ident(c, e)) {
            check_raw(c, e, NULL);
            *single = false;
            dup_type_case(c, e, NULL, seen);
            continue;
        }
        Type *t = check_type(c, e);
        one = t;
        if (t->kind != K_INVALID && dup_type_case(c, e, t, seen))
            continue;
        if (t->kind == K_INVALID || !x || x->mode == MODE_INVALID)
            continue;
        if (check_under(t)->kind != K_INTERFACE) {
            const char *missing = NULL;
            bool wrong_ptr = false;
            if (!type_implements(t, x->tv, &missing, &wrong_ptr))
                check_errorf(c, check_start(e), "impossible type switch case: %s\n\t%s cannot "
                             "have dynamic type %s %s", check_expr_str(e),
                             check_operand_str(c, x), check_type_str(c, t),
                             check_method_cause(c, t, x->tv, missing, wrong_ptr));
        }
    }
    return one;
}

void check_typeswitch_stmt(Checker *c, Stmt *s) {
    check_open_scope(c);
    if (s->init)
        check_one_stmt(c, s->init);
    Expr *x = s->x;
    check_expr(c, x);
    if (x->mode != MODE_INVALID && x->tv->tparam) {
        check_errorf(c, check_start(x), "cannot use type switch on type parameter value %s",
                     check_operand_str(c, x));
        check_set_invalid(x);
    }
    if (x->mode != MODE_INVALID && check_under(x->tv)->kind != K_INTERFACE) {
        check_errorf(c, check_start(x), "%s is not an interface", check_operand_str(c, x));
        check_set_invalid(x);
    }
    vec_push(&c->fn->targets, s);
    StmtVec *cls = &s->body->stmts;
    VEC(Object *) objs = {0};
    TypeCases seen = {0};
    for (int i = 0; i < cls->n; i++) {
        Stmt *cl = cls->v[i];
        bool single;
        Type *t = case_types(c, cl, x, &single, &seen);
        mark_fallthrough(c, s, i, cls->n);
        check_open_scope(c);
        if (s->bind) {
            Type *vt = single && t ? t : x->tv;
            Object *o = obj_new(OBJ_VAR, s->bind, s->bind_pos, vt);
            o->pkg = c->pkg;
            o->owner = c->fn->func;
            scope_insert(c->scope, o);
            cl->case_obj = o;
            vec_push(&objs, o);
        }
        clause_body(c, cl);
        check_close_scope(c);
    }
    if (s->bind && strcmp(s->bind, "_") != 0) {
        bool used = false;
        for (int i = 0; i < objs.n; i++)
            used |= objs.v[i]->used;
        if (!used && c->report_unused)
            check_errorf(c, s->bind_pos, "declared and not used: %s", s->bind);
        for (int i = 0; i < objs.n; i++)
            objs.v[i]->used = true;
    }
    c->fn->targets.n--;
    check_close_scope(c);
}

// ---- select ----

static bool is_recv(Expr *e) {
    e = ast_unparen(e);
    return e->kind == E_UNARY && e->op == OP_ARROW;
}

static bool valid_comm(Stmt *s) {
    switch (s->kind) {
    case S_SEND: return true;
    case S_EXPR: return is_recv(s->x);
    case S_ASSIGN:
        return (s->op == OP_ASSIGN || s->op == OP_DEFINE) && s->rhs.n == 1 && s->lhs.n <= 2 &&
               is_recv(s->rhs.v[0]);
    default: return false;
    }
}

void check_select_stmt(Checker *c, Stmt *s) {
    vec_push(&c->fn->targets, s);
    StmtVec *cls = &s->body->stmts;
    for (int i = 0; i < cls->n; i++) {
        Stmt *cl = cls->v[i];
        check_open_scope(c);
        if (cl->comm) {
            if (!valid_comm(cl->comm))
                check_errorf(c, cl->comm->pos, "select case must be receive, send or assign recv");
            else
                check_one_stmt(c, cl->comm);
        }
        clause_body(c, cl);
        check_close_scope(c);
    }
    c->fn->targets.n--;
}

// ---- range ----

// Key and value types of ranging over [x]; false (after an error) if x cannot be ranged.
static bool range_types(Checker *c, Stmt *s, Type **key, Type **val) {
    Expr *x = s->x;
    Type *u = check_under(x->tv);
    *key = *val = NULL;
    switch (u->kind) {
    case K_STRING: case K_UNTYPED_STRING:
        check_default(c, x);
        *key = types_basic[K_INT];
        *val = types_basic[K_INT32];
        return true;
    case K_ARRAY: *key = types_basic[K_INT]; *val = u->elem; return true;
    case K_SLICE: *key = types_basic[K_INT]; *val = u->elem; return true;
    case K_MAP: *key = u->key; *val = u->elem; return true;
    case K_POINTER:
        if (check_under(u->elem)->kind == K_ARRAY) {
            *key = types_basic[K_INT];
            *val = check_under(u->elem)->elem;
            return true;
        }
        break;
    case K_CHAN:
        if (u->dir == CHAN_SEND) {
            check_errorf(c, check_start(x), "invalid operation: range %s: receive from "
                         "send-only channel %s", check_expr_str(x), check_operand_str(c, x));
            return false;
        }
        *key = u->elem;
        return true;
    case K_FUNC:
        return check_rangefunc_types(c, x, u, key, val);
    default:
        // An integer or an untyped integer (or rune) constant, never an untyped float, even
        // an integral one (gc, go.dev/issue/66561). An untyped x is typed by
        // range_int_type, from the iteration variable it is assigned to or its default.
        if (type_is_integer(u)) {
            *key = x->tv;
            return true;
        }
        break;
    }
    check_errorf(c, check_start(x), "cannot range over %s", check_operand_str(c, x));
    return false;
}

static void range_define(Checker *c, Stmt *s, Expr **lhs, Type **ts) {
    s->define_objs = gc_alloc(sizeof(Object *) * 2);
    Object *vars[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        Expr *id = lhs[i];
        if (!id)
            continue;
        if (id->kind != E_IDENT) {
            check_expr(c, id);
            check_errorf(c, check_start(id), "non-name %s on left side of :=", check_expr_str(id));
            continue;
        }
        Object *o = obj_new(OBJ_VAR, id->name, id->pos, ts[i] ? ts[i] : INVALID_TYPE);
        o->used = o->type->kind == K_INVALID; // gc: no "declared and not used" after an error
        o->pkg = c->pkg;
        o->owner = c->fn->func;
        id->mode = MODE_VAR;
        id->tv = o->type;
        if (strcmp(id->name, "_") == 0)
            continue;
        id->obj = o;
        vars[i] = o;
        s->define_objs[i] = o;
    }
    for (int i = 0; i < 2; i++)
        if (vars[i])
            check_declare(c, c->scope, vars[i], vars[i]->pos);
}

static void range_assign(Checker *c, Expr **lhs, Type **ts) {
    for (int i = 0; i < 2; i++) {
        if (!lhs[i])
            continue;
        Type *t = check_lhs_var(c, lhs[i]);
        if (!t || t->kind == K_INVALID || !ts[i] || ts[i]->kind == K_INVALID)
            continue;
        if (!type_assignable(ts[i], t)) // gc: the error is on the variable, "in assignment"
            check_errorf(c, check_start(lhs[i]), "cannot use %s (value of type %s) as %s value "
                         "in assignment", check_expr_str(lhs[i]), check_type_str(c, ts[i]),
                         check_type_str(c, t));
    }
}

// Range over an integer: x is assigned to the iteration variable (its type when assigned
// with =, its default type when declared with := or absent), as gc checks `i = x`.
// Returns the type of the iteration values, or INVALID_TYPE after an error.
static Type *range_int_type(Checker *c, Stmt *s) {
    Type *t = NULL;
    if (!s->define && s->key) {
        t = check_lhs_var(c, s->key);
        if (t && t->kind == K_INVALID)
            return INVALID_TYPE;
    }
    if (!check_assignment(c, s->x, t, "range clause"))
        return INVALID_TYPE;
    if (t && !type_is_integer(check_under(s->x->tv))) {
        check_errorf(c, check_start(s->key), "cannot use iteration variable of type %s",
                     check_type_str(c, s->x->tv));
        return INVALID_TYPE;
    }
    return s->x->tv;
}

void check_range_stmt(Checker *c, Stmt *s) {
    check_open_scope(c);
    check_expr(c, s->x);
    Type *ts[2] = {NULL, NULL};
    bool ok = s->x->mode != MODE_INVALID && range_types(c, s, &ts[0], &ts[1]);
    bool over_int = ok && type_is_integer(check_under(s->x->tv));
    Expr *lhs[2] = {s->key, s->value};
    // gc declares a value variable it has no type for (invalid, counted as used) but
    // assigns nothing to one; variables after the second are neither declared nor used.
    if (ok && s->key && !ts[0] && !over_int) {
        check_errorf(c, check_start(s->key), "range over %s permits no iteration variables",
                     check_operand_str(c, s->x));
        if (!s->define)
            lhs[0] = lhs[1] = NULL;
    } else if (ok && s->value && !ts[1]) {
        check_errorf(c, check_start(s->value), "range over %s permits only one iteration "
                     "variable", check_operand_str(c, s->x));
        if (!s->define)
            lhs[1] = NULL;
    } else if (ok && s->lhs.n > 2) {
        check_errorf(c, check_start(s->lhs.v[2]), "range clause permits at most two "
                     "iteration variables");
    }
    if (over_int) {
        ts[0] = range_int_type(c, s);
        ok = ts[0]->kind != K_INVALID;
    }
    s->range_type = s->x->tv;
    if (!ok)
        ts[0] = ts[1] = INVALID_TYPE;
    Scope *saved_rf = c->rf_scope;
    if (ok && check_under(s->x->tv)->kind == K_FUNC)
        c->rf_scope = c->scope; // the body: the iteration variables are its parameters
    if (s->define)
        range_define(c, s, lhs, ts);
    else if (!over_int)
        range_assign(c, lhs, ts);
    vec_push(&c->fn->targets, s);
    check_block(c, s->body);
    c->fn->targets.n--;
    c->rf_scope = saved_rf;
    check_close_scope(c);
}
