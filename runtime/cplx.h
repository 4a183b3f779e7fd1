// Run-time complex numbers (docs/values.md): a complex64 or complex128 register or storage
// slot holds a pointer to an immutable GoComplex pair, or NULL for 0+0i (so zeroed storage is
// the zero value). complex64 parts are doubles already rounded to float32. Arithmetic gives
// gc's amd64 results: plain multiply/add without FMA, and division as runtime.complex128div.
#ifndef GOL_CPLX_H
#define GOL_CPLX_H

#include <stdbool.h>

typedef struct GoComplex {
    double re, im;
} GoComplex;

// A new immutable pair (pointer-free GC memory); never NULL.
GoComplex *cplx_new(double re, double im);
// The parts of a register value (NULL is 0+0i).
static inline double cplx_re(const GoComplex *z) {
    return z ? z->re : 0;
}
static inline double cplx_im(const GoComplex *z) {
    return z ? z->im : 0;
}
// Go's n/m for complex128 (runtime.complex128div, C99 G.5.1 corrections for inf/nan).
GoComplex cplx_div(GoComplex n, GoComplex m);
// (a+bi)*(c+di) as gc computes it: (ac-bd) + (ad+bc)i. gc computes complex64 products in
// float64 too and rounds the parts at the end (the caller's ROUND_C64).
GoComplex cplx_mul(GoComplex x, GoComplex y);
// == on two register values (field-wise; NaN parts are unequal).
bool cplx_eq(const GoComplex *a, const GoComplex *b);
// The VM's operations on register values: a fresh pair holding the result. [op] is '+',
// '-', '*' or '/' (division by zero gives Go's inf/nan results, never a panic).
GoComplex *cplx_arith(int op, const GoComplex *a, const GoComplex *b);
GoComplex *cplx_neg(const GoComplex *a);
// complex64(a): each part rounded to float32 (NULL stays NULL).
GoComplex *cplx_round64(const GoComplex *a);

// The value [z] as a GoComplex (NULL gives 0+0i).
static inline GoComplex cplx_get(const GoComplex *z) {
    GoComplex r = {cplx_re(z), cplx_im(z)};
    return r;
}

#endif
