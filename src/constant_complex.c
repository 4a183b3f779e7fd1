// Complex constants (constant.h): exact pairs of rationals. Arithmetic is go/constant's:
// (a+bi)(c+di) = (ac-bd) + (ad+bc)i and (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c²+d²),
// all exact; values are rounded only when they become complex64/complex128 (each part as
// its float type) or, with a zero imaginary part, a real type.
#include "constant.h"

#include <stdio.h>

#include "constant_impl.h"
#include "types.h"

ConstVal *cv_complex(ConstVal *re, ConstVal *im) {
    ConstVal *c = gc_alloc(sizeof(ConstVal));
    c->kind = CV_COMPLEX;
    c->re = re;
    c->im = im;
    return c;
}

ConstVal *cv_real(ConstVal *a) {
    return a->kind == CV_COMPLEX ? a->re : a;
}

ConstVal *cv_imag(ConstVal *a) {
    return a->kind == CV_COMPLEX ? a->im : cv_int(0);
}

static ConstVal *add(ConstVal *a, ConstVal *b) {
    return cv_binary(OP_ADD, a, b, false);
}

static ConstVal *sub(ConstVal *a, ConstVal *b) {
    return cv_binary(OP_SUB, a, b, false);
}

static ConstVal *mul(ConstVal *a, ConstVal *b) {
    return cv_binary(OP_MUL, a, b, false);
}

static ConstVal *quo(ConstVal *a, ConstVal *b) {
    return cv_binary(OP_QUO, a, b, false);
}

ConstVal *cv_complex_binary(Op op, ConstVal *x, ConstVal *y) {
    ConstVal *a = cv_real(x), *b = cv_imag(x), *c = cv_real(y), *d = cv_imag(y);
    switch (op) {
    case OP_ADD:
        return cv_complex(add(a, c), add(b, d));
    case OP_SUB:
        return cv_complex(sub(a, c), sub(b, d));
    case OP_MUL:
        return cv_complex(sub(mul(a, c), mul(b, d)), add(mul(a, d), mul(b, c)));
    case OP_QUO: {
        ConstVal *den = add(mul(c, c), mul(d, d));
        if (cv_sign(den) == 0)
            return NULL;
        ConstVal *re = quo(add(mul(a, c), mul(b, d)), den);
        ConstVal *im = quo(sub(mul(b, c), mul(a, d)), den);
        return cv_complex(re, im);
    }
    default:
        return NULL;
    }
}

static int real_kind(int kind) {
    return kind == K_COMPLEX64 ? K_FLOAT32 : kind == K_COMPLEX128 ? K_FLOAT64 : K_UNTYPED_FLOAT;
}

bool cv_complex_representable(ConstVal *a, int kind, ConstVal **rounded) {
    if (kind != K_COMPLEX64 && kind != K_COMPLEX128 && kind != K_UNTYPED_COMPLEX) {
        if (a->kind != CV_COMPLEX || cv_sign(a->im) != 0)
            return false;
        return cv_representable(a->re, kind, rounded);
    }
    if (a->kind != CV_INT && a->kind != CV_FLOAT && a->kind != CV_COMPLEX)
        return false;
    ConstVal *re = NULL, *im = NULL;
    int rk = real_kind(kind);
    if (!cv_representable(cv_real(a), rk, &re) || !cv_representable(cv_imag(a), rk, &im))
        return false;
    if (rounded)
        *rounded = cv_complex(re, im);
    return true;
}

char *cv_complex_repr(ConstVal *a) {
    char *re = cv_string_repr(cv_real(a)), *im = cv_string_repr(cv_imag(a));
    size_t n = strlen(re) + strlen(im) + 8;
    char *s = gc_alloc_atomic(n);
    snprintf(s, n, "(%s + %si)", re, im);
    return s;
}
