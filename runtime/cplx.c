// Complex arithmetic on GoComplex pairs (cplx.h): allocation, gc's multiplication and
// runtime.complex128div. No contraction into FMA (the build is -std=c11), as gc on amd64.
#include "cplx.h"

#include <math.h>

#include "gc.h"

GoComplex *cplx_new(double re, double im) {
    GoComplex *z = gc_alloc_atomic(sizeof *z);
    z->re = re;
    z->im = im;
    return z;
}

GoComplex cplx_mul(GoComplex x, GoComplex y) {
    GoComplex r = {x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re};
    return r;
}

// A signed 1 if [f] is an infinity, else a signed 0 (runtime.inf2one).
static double inf2one(double f) {
    return copysign(isinf(f) ? 1.0 : 0.0, f);
}

// The C99 G.5.1 corrections when the quotient came out NaN+NaNi.
static void div_fixup(GoComplex n, GoComplex m, double *e, double *f) {
    double a = n.re, b = n.im, c = m.re, d = m.im;
    if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {
        *e = copysign(INFINITY, c) * a;
        *f = copysign(INFINITY, c) * b;
    } else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
        a = inf2one(a);
        b = inf2one(b);
        *e = INFINITY * (a * c + b * d);
        *f = INFINITY * (b * c - a * d);
    } else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {
        c = inf2one(c);
        d = inf2one(d);
        *e = 0 * (a * c + b * d);
        *f = 0 * (b * c - a * d);
    }
}

GoComplex cplx_div(GoComplex n, GoComplex m) {
    double e, f;
    if (fabs(m.re) >= fabs(m.im)) {
        double ratio = m.im / m.re;
        double denom = m.re + ratio * m.im;
        e = (n.re + n.im * ratio) / denom;
        f = (n.im - n.re * ratio) / denom;
    } else {
        double ratio = m.re / m.im;
        double denom = m.im + ratio * m.re;
        e = (n.re * ratio + n.im) / denom;
        f = (n.im * ratio - n.re) / denom;
    }
    if (isnan(e) && isnan(f))
        div_fixup(n, m, &e, &f);
    GoComplex r = {e, f};
    return r;
}

bool cplx_eq(const GoComplex *a, const GoComplex *b) {
    return cplx_re(a) == cplx_re(b) && cplx_im(a) == cplx_im(b);
}

GoComplex *cplx_arith(int op, const GoComplex *a, const GoComplex *b) {
    GoComplex x = cplx_get(a), y = cplx_get(b), r;
    switch (op) {
    case '+': r.re = x.re + y.re, r.im = x.im + y.im; break;
    case '-': r.re = x.re - y.re, r.im = x.im - y.im; break;
    case '*': r = cplx_mul(x, y); break;
    default: r = cplx_div(x, y); break;
    }
    return cplx_new(r.re, r.im);
}

GoComplex *cplx_neg(const GoComplex *a) {
    return cplx_new(-cplx_re(a), -cplx_im(a));
}

// x rounded to float32. The volatile keeps GCC 12 at -O2 from vectorizing the two parts'
// double->float->double round trips into nothing (it did: complex64(x) kept x's bits).
static double round32(double x) {
    volatile float f = (float)x;
    return f;
}

GoComplex *cplx_round64(const GoComplex *a) {
    if (!a)
        return NULL;
    return cplx_new(round32(a->re), round32(a->im));
}
