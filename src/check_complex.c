// The builtins that make and take apart complex numbers, as go/types types them:
// complex(float, float) with the untyped arguments converted to the other's type (two
// untyped constants become untyped float), real/imag of a complex value (an untyped numeric
// constant counts as untyped complex). Constant arguments give constant results.
#include "check_int.h"

// complex64 for float32, complex128 for float64, untyped complex for untyped float; NULL
// otherwise. [to_complex] false gives the reverse mapping.
static Type *pair_type(Type *t, bool to_complex) {
    static const Kind map[][2] = {{K_FLOAT32, K_COMPLEX64},
                                  {K_FLOAT64, K_COMPLEX128},
                                  {K_UNTYPED_FLOAT, K_UNTYPED_COMPLEX}};
    Kind k = check_under(t)->kind;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i][!to_complex] == k)
            return types_basic[map[i][to_complex]];
    return NULL;
}

static void to_untyped_float(Expr *x) {
    if (type_is_numeric(x->tv) && cv_sign(cv_imag(x->cval)) == 0) {
        x->tv = types_basic[K_UNTYPED_FLOAT];
        x->cval = cv_to_float(x->cval);
    }
}

static void complex_call(Checker *c, Expr *e) {
    Expr *x = e->args.v[0], *y = e->args.v[1];
    check_expr(c, x);
    check_expr(c, y);
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID)
        return;
    bool ux = type_is_untyped(x->tv), uy = type_is_untyped(y->tv);
    if (ux && !uy) {
        check_convert_untyped(c, x, y->tv);
    } else if (uy && !ux) {
        check_convert_untyped(c, y, x->tv);
    } else if (ux && uy) {
        if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
            to_untyped_float(x);
            to_untyped_float(y);
        } else {
            check_convert_untyped(c, x, types_basic[K_FLOAT64]);
            check_convert_untyped(c, y, types_basic[K_FLOAT64]);
        }
    }
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID)
        return;
    if (x->tv != y->tv) {
        check_errorf(c, check_start(x), "invalid operation: %s (mismatched types %s and %s)",
                     check_expr_str(e), check_type_str(c, x->tv), check_type_str(c, y->tv));
        return;
    }
    Type *rt = pair_type(x->tv, true);
    if (!rt) {
        check_errorf(c, check_start(x),
                     "invalid argument: arguments have type %s, expected floating-point",
                     check_type_str(c, x->tv));
        return;
    }
    e->tv = rt;
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        e->mode = MODE_CONST;
        e->cval = cv_complex(cv_to_float(x->cval), cv_to_float(y->cval));
    } else {
        e->mode = MODE_VALUE;
    }
}

static void real_imag_call(Checker *c, Expr *e, Builtin b) {
    Expr *x = e->args.v[0];
    check_expr(c, x);
    if (x->mode == MODE_INVALID)
        return;
    if (type_is_untyped(x->tv)) {
        if (x->mode == MODE_CONST) {
            if (type_is_numeric(x->tv))
                x->tv = types_basic[K_UNTYPED_COMPLEX];
        } else {
            check_convert_untyped(c, x, types_basic[K_COMPLEX128]);
            if (x->mode == MODE_INVALID)
                return;
        }
    }
    Type *rt = pair_type(x->tv, false);
    if (!rt) {
        check_errorf(c, check_start(x), "invalid argument: argument has type %s, expected "
                                        "complex type", check_type_str(c, x->tv));
        return;
    }
    e->tv = rt;
    if (x->mode == MODE_CONST) {
        e->mode = MODE_CONST;
        e->cval = b == BI_REAL ? cv_real(x->cval) : cv_imag(x->cval);
    } else {
        e->mode = MODE_VALUE;
    }
}

void check_builtin_complex(Checker *c, Expr *e, Builtin b) {
    if (b == BI_COMPLEX)
        complex_call(c, e);
    else
        real_imag_call(c, e, b);
}
