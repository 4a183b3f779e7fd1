// Calls of the builtin functions (spec "Built-in functions"): argument counts, operand
// rules, constant results of len/cap/min/max, and the has_recover mark for recover().
#include "check_int.h"

typedef struct BuiltinInfo {
    const char *name;
    int nargs;
    bool variadic;
} BuiltinInfo;

static const BuiltinInfo infos[] = {
    [BI_APPEND] = {"append", 1, true}, [BI_CAP] = {"cap", 1, false},
    [BI_CLEAR] = {"clear", 1, false},  [BI_CLOSE] = {"close", 1, false},
    [BI_COMPLEX] = {"complex", 2, false}, [BI_COPY] = {"copy", 2, false},
    [BI_DELETE] = {"delete", 2, false}, [BI_IMAG] = {"imag", 1, false},
    [BI_LEN] = {"len", 1, false},      [BI_MAKE] = {"make", 1, true},
    [BI_MAX] = {"max", 1, true},       [BI_MIN] = {"min", 1, true},
    [BI_NEW] = {"new", 1, false},      [BI_PANIC] = {"panic", 1, false},
    [BI_PRINT] = {"print", 0, true},   [BI_PRINTLN] = {"println", 0, true},
    [BI_REAL] = {"real", 1, false},    [BI_RECOVER] = {"recover", 0, false},
};

static void set_value(Expr *e, Type *t) {
    e->mode = MODE_VALUE;
    e->tv = t;
}

static void set_novalue(Expr *e) {
    e->mode = MODE_NOVALUE;
    e->tv = type_tuple(NULL, 0);
}

// Whether [e] contains a function call or channel receive (len of such an array is not
// constant).
static bool has_call_or_recv(Expr *e) {
    if (!e)
        return false;
    switch (e->kind) {
    case E_CALL: return e->mode != MODE_CONST;
    case E_UNARY: return e->op == OP_ARROW || has_call_or_recv(e->x);
    case E_FUNCLIT: return false;
    case E_SLICE: return has_call_or_recv(e->x) || has_call_or_recv(e->lo) ||
                         has_call_or_recv(e->hi);
    default: return has_call_or_recv(e->x) || has_call_or_recv(e->y);
    }
}

static void len_cap(Checker *c, Expr *e, Builtin b, Expr *x) {
    Type *u = check_under(x->tv);
    if (u->kind == K_POINTER && check_under(u->elem)->kind == K_ARRAY)
        u = check_under(u->elem);
    bool ok = false;
    ConstVal *val = NULL;
    switch (u->kind) {
    case K_STRING: case K_UNTYPED_STRING:
        ok = b == BI_LEN;
        if (ok && x->mode == MODE_CONST)
            val = cv_int(x->cval->slen);
        else if (ok)
            check_default(c, x);
        break;
    case K_ARRAY:
        ok = true;
        if (!has_call_or_recv(x))
            val = cv_int(u->len);
        break;
    case K_SLICE: case K_CHAN: ok = true; break;
    case K_MAP: ok = b == BI_LEN; break;
    default: break;
    }
    if (!ok) {
        check_errorf(c, check_start(x), "invalid argument: %s for built-in %s",
                     check_operand_str(c, x), infos[b].name);
        return;
    }
    if (val) {
        if (x->mode == MODE_CONST)
            check_default(c, x);
        e->mode = MODE_CONST;
        e->tv = types_basic[K_INT];
        e->cval = val;
        return;
    }
    set_value(e, types_basic[K_INT]);
}

static void append_call(Checker *c, Expr *e) {
    Expr *s = e->args.v[0];
    check_expr(c, s);
    if (s->mode == MODE_INVALID) {
        for (int i = 1; i < e->args.n; i++)
            check_expr(c, e->args.v[i]);
        return;
    }
    Type *st = s->tv;
    if (check_under(st)->kind != K_SLICE) {
        const char *cause = st->kind == K_UNTYPED_NIL ? "have untyped nil"
                                                      : check_sprintf("have %s", check_operand_str(c, s));
        check_errorf(c, check_start(s), "first argument to append must be a slice; %s", cause);
        for (int i = 1; i < e->args.n; i++)
            check_expr(c, e->args.v[i]);
        return;
    }
    Type *elem = check_under(st)->elem;
    if (e->has_ellipsis && e->args.n == 2 && check_under(elem)->kind == K_UINT8) {
        Expr *y = e->args.v[1];
        check_expr(c, y);
        if (y->mode != MODE_INVALID && type_is_string(check_under(y->tv))) {
            check_default(c, y);
            set_value(e, st);
            return;
        }
        if (y->mode == MODE_INVALID)
            return;
        check_assignment(c, y, type_slice(elem), "argument to append");
        set_value(e, st);
        return;
    }
    ExprVec rest = {.v = e->args.v + 1, .n = e->args.n - 1, .cap = e->args.n - 1};
    Type *params[2] = {st, type_slice(elem)};
    Type *sig = type_func(params + 1, 1, &st, 1, true);
    check_arguments(c, e, sig, &rest, "append");
    set_value(e, st);
    GOL_UNUSED(params);
}

static int64_t size_arg(Checker *c, Expr *a, const char *what) {
    GOL_UNUSED(what);
    check_expr(c, a);
    if (a->mode == MODE_INVALID)
        return -2;
    if (a->mode == MODE_CONST && type_is_untyped(a->tv)) {
        ConstVal *v = cv_to_int(a->cval);
        if (!v) {
            check_errorf(c, check_start(a), "%s truncated to int", check_operand_str(c, a));
            return -2;
        }
        check_convert_untyped(c, a, types_basic[K_INT]);
        if (a->mode == MODE_INVALID)
            return -2;
    }
    if (!type_is_integer(check_under(a->tv))) {
        check_errorf(c, check_start(a), "cannot convert %s to type int", check_operand_str(c, a));
        return -2;
    }
    if (a->mode == MODE_CONST) {
        if (cv_sign(a->cval) < 0) {
            check_errorf(c, check_start(a), "invalid argument: index %s must not be negative",
                         check_operand_str(c, a));
            return -2;
        }
        return a->cval->small ? a->cval->i : INT64_MAX;
    }
    return -1;
}

static void make_call(Checker *c, Expr *e) {
    Type *t = check_type(c, e->args.v[0]);
    if (t->kind == K_INVALID)
        return;
    int min = 1;
    switch (check_under(t)->kind) {
    case K_SLICE: min = 2; break;
    case K_MAP: case K_CHAN: break;
    default:
        check_errorf(c, check_start(e->args.v[0]), "invalid argument: cannot make %s; type must "
                     "be slice, map, or channel", check_expr_str(e->args.v[0]));
        return;
    }
    int n = e->args.n;
    if (n < min || n > min + 1) {
        check_errorf(c, check_start(e), "invalid operation: %s expects %d or %d arguments; found %d",
                     check_expr_str(e), min, min + 1, n);
        return;
    }
    int64_t sizes[2] = {-1, -1};
    for (int i = 1; i < n; i++)
        sizes[i - 1] = size_arg(c, e->args.v[i], "size");
    if (n == 3 && sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
        check_errorf(c, check_start(e->args.v[1]), "invalid argument: length and capacity swapped");
        return;
    }
    set_value(e, t);
}

static void copy_call(Checker *c, Expr *e) {
    Expr *d = e->args.v[0], *s = e->args.v[1];
    check_expr(c, d);
    check_expr(c, s);
    if (d->mode == MODE_INVALID || s->mode == MODE_INVALID)
        return;
    Type *du = check_under(d->tv), *su = check_under(s->tv);
    if (du->kind != K_SLICE || (su->kind != K_SLICE && !type_is_string(su))) {
        check_errorf(c, check_start(d), "invalid argument: copy expects slice arguments; found "
                     "%s and %s", check_operand_str(c, d), check_operand_str(c, s));
        return;
    }
    Type *se = type_is_string(su) ? types_basic[K_UINT8] : su->elem;
    if (du->elem != se) {
        check_errorf(c, check_start(d), "invalid argument: arguments to copy %s and %s have "
                     "different element types %s and %s", check_operand_str(c, d),
                     check_operand_str(c, s), check_type_str(c, du->elem), check_type_str(c, se));
        return;
    }
    check_default(c, s);
    set_value(e, types_basic[K_INT]);
}

// types2 refuses an operand that cannot be ordered before comparing it with the others.
static bool ordered_arg(Checker *c, Expr *a) {
    if (a->mode == MODE_INVALID || type_is_ordered(check_under(a->tv)))
        return a->mode != MODE_INVALID;
    check_errorf(c, check_start(a), "invalid argument: %s cannot be ordered",
                 check_operand_str(c, a));
    return false;
}

static void min_max(Checker *c, Expr *e, Builtin b) {
    Expr *x = e->args.v[0];
    check_expr(c, x);
    if (!ordered_arg(c, x))
        return;
    for (int i = 1; i < e->args.n && x->mode != MODE_INVALID; i++) {
        Expr *y = e->args.v[i];
        check_expr(c, y);
        if (!ordered_arg(c, y))
            return;
        Expr tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.kind = E_BINARY;
        tmp.op = OP_LSS;
        tmp.x = x;
        tmp.y = y;
        check_binary(c, &tmp, x, y, OP_LSS, e->pos);
        if (tmp.mode == MODE_INVALID)
            return;
    }
    if (x->mode == MODE_INVALID)
        return;
    if (!type_is_ordered(check_under(x->tv))) {
        check_errorf(c, check_start(x), "invalid argument: %s cannot be ordered",
                     check_operand_str(c, x));
        return;
    }
    Type *t = x->tv;
    bool all_const = true;
    for (int i = 0; i < e->args.n; i++) {
        all_const &= e->args.v[i]->mode == MODE_CONST;
        if (!type_is_untyped(e->args.v[i]->tv))
            t = e->args.v[i]->tv;
    }
    for (int i = 0; i < e->args.n; i++)
        if (type_is_untyped(t) && type_is_numeric(t) && type_is_float(e->args.v[i]->tv))
            t = e->args.v[i]->tv;
    if (all_const) {
        ConstVal *best = x->cval;
        for (int i = 1; i < e->args.n; i++) {
            ConstVal *v = e->args.v[i]->cval;
            if (cv_compare(b == BI_MIN ? OP_LSS : OP_GTR, v, best))
                best = v;
        }
        e->mode = MODE_CONST;
        e->tv = t;
        e->cval = best;
        return;
    }
    for (int i = 0; i < e->args.n; i++)
        check_convert_untyped(c, e->args.v[i], t);
    set_value(e, t);
}

static void chan_call(Checker *c, Expr *e, Expr *x) {
    Type *u = check_under(x->tv);
    if (u->kind != K_CHAN) {
        check_errorf(c, check_start(x), "invalid operation: cannot close non-channel %s",
                     check_operand_str(c, x));
        return;
    }
    if (u->dir == CHAN_RECV) {
        check_errorf(c, check_start(x), "invalid operation: cannot close receive-only channel %s",
                     check_operand_str(c, x));
        return;
    }
    set_novalue(e);
}

static void delete_call(Checker *c, Expr *e) {
    Expr *m = e->args.v[0], *k = e->args.v[1];
    check_expr(c, m);
    if (m->mode == MODE_INVALID) {
        check_expr(c, k);
        return;
    }
    Type *u = check_under(m->tv);
    if (u->kind != K_MAP) {
        check_errorf(c, check_start(m), "invalid argument: %s is not a map",
                     check_operand_str(c, m));
        check_expr(c, k);
        return;
    }
    check_expr_hint(c, k, u->key);
    if (k->mode != MODE_INVALID &&
        !check_assignment(c, k, u->key, "argument to delete"))
        return;
    set_novalue(e);
}

static void print_call(Checker *c, Expr *e) {
    for (int i = 0; i < e->args.n; i++) {
        Expr *a = e->args.v[i];
        check_expr(c, a);
        if (a->mode != MODE_INVALID)
            check_assignment(c, a, NULL, check_sprintf("argument to built-in %s",
                                                       infos[e->builtin].name));
    }
    set_novalue(e);
}

static bool count_ok(Checker *c, Expr *e, Builtin b) {
    int n = e->args.n;
    const BuiltinInfo *bi = &infos[b];
    const char *msg = n < bi->nargs ? "not enough" : (!bi->variadic && n > bi->nargs) ? "too many"
                                                                                     : NULL;
    if (!msg && !(e->has_ellipsis && b != BI_APPEND))
        return true;
    if (!msg) {
        check_errorf(c, check_start(e), "invalid operation: invalid use of ... with built-in %s",
                     bi->name);
    } else {
        check_errorf(c, check_start(e), // types2: at the call (go/types: at its ')')
                     "invalid operation: %s arguments for %s (expected %d, found %d)", msg,
                     check_expr_str(e), bi->nargs, n);
    }
    for (int i = 0; i < n; i++)
        if (b != BI_MAKE && b != BI_NEW)
            check_raw(c, e->args.v[i], NULL);
    return false;
}

// f(g()) for a builtin f other than make and new: g()'s results are the arguments (types2's
// genericExprList). The call is checked once here; each argument becomes a prechecked copy
// of it standing for one result (the compiler spreads the results into them).
static void spread_results(Checker *c, Expr *e, Builtin b) {
    if (b == BI_MAKE || b == BI_NEW || e->args.n != 1 || e->has_ellipsis ||
        ast_unparen(e->args.v[0])->kind != E_CALL)
        return;
    Expr *x = e->args.v[0];
    check_multi(c, x);
    x->prechecked = true;
    if (x->mode == MODE_INVALID || !x->tv || x->tv->kind != K_TUPLE)
        return;
    int n = x->tv->nresults;
    e->args.n = 0;
    for (int i = 0; i < n; i++) {
        Expr *part = gc_alloc(sizeof(Expr));
        *part = *x;
        part->mode = MODE_VALUE;
        part->tv = x->tv->results[i];
        part->spread = x;
        part->spread_index = i;
        vec_push(&e->args, part);
    }
}

void check_builtin_call(Checker *c, Expr *e, Builtin b) {
    e->builtin = b;
    spread_results(c, e, b);
    if (!count_ok(c, e, b))
        return;
    Expr *x = e->args.n ? e->args.v[0] : NULL;
    switch (b) {
    case BI_APPEND: append_call(c, e); return;
    case BI_LEN: case BI_CAP:
        check_expr(c, x);
        if (x->mode != MODE_INVALID)
            len_cap(c, e, b, x);
        return;
    case BI_MAKE: make_call(c, e); return;
    case BI_NEW: { // new(T), or Go 1.26's new(expr): a new variable holding the value
        check_expr_or_type(c, x);
        if (x->mode == MODE_INVALID)
            return;
        if (x->mode != MODE_TYPE && type_is_untyped(x->tv) &&
            !check_assignment(c, x, NULL, "argument to new"))
            return;
        set_value(e, type_pointer(x->tv));
        return;
    }
    case BI_COPY: copy_call(c, e); return;
    case BI_DELETE: delete_call(c, e); return;
    case BI_CLOSE:
        check_expr(c, x);
        if (x->mode != MODE_INVALID)
            chan_call(c, e, x);
        return;
    case BI_CLEAR:
        check_expr(c, x);
        if (x->mode == MODE_INVALID)
            return;
        if (check_under(x->tv)->kind != K_MAP && check_under(x->tv)->kind != K_SLICE) {
            check_errorf(c, check_start(x), "invalid argument: %s must be a map or slice",
                         check_operand_str(c, x));
            return;
        }
        set_novalue(e);
        return;
    case BI_MAX: case BI_MIN: min_max(c, e, b); return;
    case BI_PANIC:
        check_expr(c, x);
        if (x->mode != MODE_INVALID)
            check_assignment(c, x, types_empty_iface, "argument to panic");
        set_novalue(e);
        return;
    case BI_PRINT: case BI_PRINTLN: print_call(c, e); return;
    case BI_RECOVER:
        if (c->fn)
            c->fn->func->has_recover = true;
        set_value(e, types_empty_iface);
        return;
    case BI_COMPLEX: case BI_REAL: case BI_IMAG: check_builtin_complex(c, e, b); return;
    default:
        return;
    }
}
