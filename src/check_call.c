// Calls and conversions: function and method calls (argument count with Go's have/want
// summary, variadic and f(g()) multi-value forms, assignability of each argument), and
// conversions T(x) including constant conversions. Builtins are in check_builtin.c.
#include <stdio.h>

#include "buf.h"
#include "check_int.h"

// go/types typesSummary: "(number, string)" for the have/want lines.
static const char *types_summary(Checker *c, Type **ts, int n, bool variadic, bool dots) {
    Buf b = {0};
    buf_putc(&b, '(');
    for (int i = 0; i < n; i++) {
        Type *t = ts[i];
        const char *s;
        if (!t || t->kind == K_INVALID)
            s = "unknown type";
        else if (type_is_untyped(t))
            s = type_is_numeric(t) ? "number" : type_string(t) + 8; // drop "untyped "
        else
            s = check_type_str(c, t);
        if (variadic && i == n - 1)
            s = check_sprintf("...%s", s + 2);
        (void)dots; // a ... argument prints as its slice type in Go 1.22 (1.23 adds "...")
        buf_printf(&b, "%s%s", i ? ", " : "", s);
    }
    buf_putc(&b, ')');
    return buf_cstr(&b);
}

static void use_args(Checker *c, ExprVec *args) {
    for (int i = 0; i < args->n; i++)
        check_raw(c, args->v[i], NULL);
}

// The argument operands' types: one per argument, or the tuple elements of f(g()).
int check_arg_types(Checker *c, ExprVec *args, Type ***out, bool *tuple) {
    *tuple = false;
    if (args->n == 1) {
        Expr *a = args->v[0];
        Expr *saved = c->generic_ok;
        c->generic_ok = a;
        check_multi(c, a);
        c->generic_ok = saved;
        int n = check_value_count(a);
        if (n < 0)
            return -1;
        if (n != 1) {
            if (n == 0) {
                check_single_value(c, a);
                return -1;
            }
            *tuple = true;
            *out = a->tv->results;
            return n;
        }
        *out = gc_alloc(sizeof(Type *));
        (*out)[0] = a->tv;
        return 1;
    }
    Type **ts = gc_alloc(sizeof(Type *) * (size_t)(args->n + 1));
    bool bad = false;
    for (int i = 0; i < args->n; i++) {
        Expr *saved = c->generic_ok;
        c->generic_ok = args->v[i];
        check_expr(c, args->v[i]);
        c->generic_ok = saved;
        ts[i] = args->v[i]->tv;
        bad |= args->v[i]->mode == MODE_INVALID;
    }
    *out = ts;
    return bad ? -1 : args->n;
}

bool check_arg_count(Checker *c, Expr *call, Type *sig, ExprVec *args, const char *name,
                     Type **ts, int nargs, bool tuple) {
    bool ddd = call->has_ellipsis;
    int npars = sig->nparams;
    if (ddd) {
        if (!sig->variadic) {
            check_errorf(c, check_start(call), "cannot use ... in call to non-variadic %s",
                         name);
            return false;
        }
        if (tuple) {
            check_errorf(c, check_start(args->v[0]), "cannot use ... with %d-valued %s", nargs,
                         check_expr_str(args->v[0]));
            return false;
        }
    }
    bool ok = sig->variadic && !ddd ? nargs >= npars - 1 : nargs == npars;
    if (!ok) {
        bool many = nargs > npars;
        Pos at = check_start(call);
        if (many)
            at = check_start(args->v[tuple ? 0 : npars]);
        else if (nargs > 0)
            at = check_start(args->v[tuple ? 0 : nargs - 1]);
        check_errorf(c, at, "%s arguments in call to %s\n\thave %s\n\twant %s",
                     many ? "too many" : "not enough", name,
                     types_summary(c, ts, nargs, false, ddd),
                     types_summary(c, sig->params, npars, sig->variadic, false));
        return false;
    }
    return true;
}

void check_arg_assign(Checker *c, Expr *call, Type *sig, ExprVec *args, const char *name,
                      Type **ts, int nargs, bool tuple) {
    bool ddd = call->has_ellipsis;
    int npars = sig->nparams;
    const char *context = check_sprintf("argument to %s", name);
    for (int i = 0; i < nargs; i++) {
        Type *pt;
        if (sig->variadic && i >= npars - 1)
            pt = ddd ? sig->params[npars - 1] : sig->params[npars - 1]->elem;
        else
            pt = sig->params[i];
        if (!tuple) {
            check_assignment(c, args->v[i], pt, context);
        } else if (!type_assignable(ts[i], pt)) {
            check_errorf(c, check_start(args->v[0]), "cannot use %s (value of type %s) as %s "
                         "value in %s", check_expr_str(args->v[0]), check_type_str(c, ts[i]),
                         check_type_str(c, pt), context);
        }
    }
}

void check_arguments(Checker *c, Expr *call, Type *sig, ExprVec *args, const char *name) {
    Type **ts = NULL;
    bool tuple = false;
    int nargs = check_arg_types(c, args, &ts, &tuple);
    if (nargs < 0 || !check_arg_count(c, call, sig, args, name, ts, nargs, tuple))
        return;
    check_arg_assign(c, call, sig, args, name, ts, nargs, tuple);
}

void check_call_result(Expr *e, Type *sig) {
    if (sig->nresults == 0) {
        e->mode = MODE_NOVALUE;
        e->tv = type_tuple(NULL, 0);
    } else if (sig->nresults == 1) {
        e->mode = MODE_VALUE;
        e->tv = sig->results[0];
    } else {
        e->mode = MODE_VALUE;
        e->tv = type_tuple(sig->results, sig->nresults);
    }
}

void check_call(Checker *c, Expr *e) {
    Expr *fun = e->x;
    check_raw(c, fun, NULL);
    switch (fun->mode) {
    case MODE_INVALID:
        use_args(c, &e->args);
        return;
    case MODE_TYPE: {
        Type *t = fun->tv;
        e->is_conversion = true;
        if (e->args.n != 1 || e->has_ellipsis) {
            use_args(c, &e->args);
            if (e->args.n == 0)
                check_errorf(c, check_start(e), "missing argument in conversion to %s",
                             check_type_str(c, t));
            else if (e->args.n > 1) // (types2: at the last argument)
                check_errorf(c, check_start(e->args.v[e->args.n - 1]),
                             "too many arguments in conversion to %s", check_type_str(c, t));
            else
                check_errorf(c, check_start(e->args.v[0]), "invalid use of ... in conversion "
                             "to %s", check_type_str(c, t));
            return;
        }
        check_conversion(c, e, t);
        return;
    }
    case MODE_BUILTIN:
        e->builtin = fun->builtin;
        check_builtin_call(c, e, fun->builtin);
        return;
    default:
        break;
    }
    if (!check_is_generic(fun->tv) && !check_single_value(c, fun)) {
        use_args(c, &e->args);
        return;
    }
    Type *sig = check_under(fun->tv);
    if (check_is_generic(sig)) {
        check_generic_call(c, e, sig);
        return;
    }
    if (sig->kind != K_FUNC) {
        check_errorf(c, check_start(fun), "invalid operation: cannot call non-function %s",
                     check_operand_str(c, fun));
        use_args(c, &e->args);
        return;
    }
    check_arguments(c, e, sig, &e->args, check_expr_str(fun));
    check_call_result(e, sig);
}

// ---- conversions ----

static bool is_const_type(Type *t) {
    Kind k = check_under(t)->kind;
    return k >= K_BOOL && k <= K_STRING;
}

// Spelling of the conversion's target as written (byte and rune stay byte and rune).
static const char *target_str(Checker *c, Expr *call, Type *t) {
    Expr *f = ast_unparen(call->x);
    if (f->kind == E_IDENT && (strcmp(f->name, "byte") == 0 || strcmp(f->name, "rune") == 0))
        return f->name;
    return check_type_str(c, t);
}

static bool const_convert(Checker *c, Expr *x, Type *t, ConstVal **out) {
    Type *u = check_under(t);
    ConstVal *r = NULL;
    if (cv_representable(x->cval, (int)u->kind, &r)) {
        *out = r ? r : x->cval;
        return true;
    }
    if (type_is_integer(x->tv) && u->kind == K_STRING) {
        uint32_t cp = 0xFFFD;
        ConstVal *iv = cv_to_int(x->cval);
        if (iv && iv->small && iv->i >= 0 && iv->i <= 0x10FFFF && !(iv->i >= 0xD800 && iv->i < 0xE000))
            cp = (uint32_t)iv->i;
        char buf[5];
        int n;
        if (cp < 0x80) {
            buf[0] = (char)cp, n = 1;
        } else if (cp < 0x800) {
            buf[0] = (char)(0xC0 | (cp >> 6)), buf[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
        } else if (cp < 0x10000) {
            buf[0] = (char)(0xE0 | (cp >> 12)), buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            buf[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
        } else {
            buf[0] = (char)(0xF0 | (cp >> 18)), buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
            buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), buf[3] = (char)(0x80 | (cp & 0x3F));
            n = 4;
        }
        *out = cv_string(buf, n);
        return true;
    }
    GOL_UNUSED(c);
    return false;
}

void check_conversion(Checker *c, Expr *e, Type *t) {
    Expr *x = e->args.v[0];
    check_expr_hint(c, x, NULL);
    if (x->mode == MODE_INVALID || t->kind == K_INVALID)
        return;
    bool const_arg = x->mode == MODE_CONST;
    ConstVal *val = NULL;
    bool ok;
    if (const_arg && is_const_type(t)) {
        ok = const_convert(c, x, t, &val);
        if (!ok && type_is_integer(x->tv) && type_is_integer(check_under(t))) {
            check_errorf(c, check_start(x), "constant %s overflows %s", cv_string_repr(x->cval),
                         target_str(c, e, t));
            return;
        }
    } else {
        ok = type_convertible(type_is_untyped(x->tv) && x->tv->kind != K_UNTYPED_NIL
                                  ? type_default(x->tv) : x->tv, t);
    }
    if (!ok) {
        check_errorf(c, check_start(x), "cannot convert %s to type %s", check_operand_str(c, x),
                     target_str(c, e, t));
        return;
    }
    if (type_is_untyped(x->tv)) {
        Type *final = t;
        if (x->tv->kind == K_UNTYPED_NIL)
            final = t;
        else if (check_under(t)->kind == K_INTERFACE || (const_arg && !is_const_type(t)))
            final = type_default(x->tv);
        else if (const_arg && type_is_integer(x->tv) && type_is_string(check_under(t)))
            final = type_default(x->tv);
        if (final != t || !const_arg)
            check_update_type(c, x, final);
        else
            x->tv = final;
    }
    e->tv = t;
    if (const_arg && is_const_type(t)) {
        e->mode = MODE_CONST;
        e->cval = val;
    } else {
        e->mode = MODE_VALUE;
    }
}
