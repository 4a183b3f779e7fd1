// Go 1.19's math functions for amd64, transcribed to C (math_port.c, math_trig.c) so that
// every result is bit-for-bit what Go computes: Go's own algorithms (Cephes/FreeBSD
// derived, not correctly rounded, so libm's answers differ in the last bit for a large
// share of inputs), and for Exp, Log and Hypot the amd64 assembly versions Go uses
// (Exp's FMA path where the CPU has AVX and FMA, as Go decides at run time).
// Compiled with -std=c11, so no multiply-add is ever contracted into an FMA.
#ifndef GOL_PKG_MATH_PORT_H
#define GOL_PKG_MATH_PORT_H

#include <stdint.h>

uint64_t gm_bits(double f);
double gm_frombits(uint64_t b);
double gm_nan(void); // Go's NaN(): bits 0x7FF8000000000001

double gm_exp(double x);
double gm_exp2(double x);
double gm_expm1(double x);
double gm_log(double x);
double gm_log2(double x);
double gm_log10(double x);
double gm_log1p(double x);
double gm_pow(double x, double y);
double gm_hypot(double p, double q);
double gm_cbrt(double x);
double gm_floor(double x);
double gm_ceil(double x);
double gm_trunc(double x);
double gm_round(double x);      // half away from zero
double gm_round_even(double x); // half to even
double gm_fma(double x, double y, double z);      // exact x*y+z, rounded once
double gm_fma_soft(double x, double y, double z); // the same without the CPU's FMA
double gm_frexp(double f, int64_t *exp);
double gm_ldexp(double frac, int64_t exp);
double gm_modf(double f, double *frac);
double gm_mod(double x, double y);
double gm_remainder(double x, double y);
double gm_max(double x, double y);
double gm_min(double x, double y);
int64_t gm_ilogb(double x);
double gm_logb(double x);

double gm_sin(double x);
double gm_cos(double x);
double gm_tan(double x);
double gm_asin(double x);
double gm_acos(double x);
double gm_atan(double x);
double gm_atan2(double y, double x);
double gm_sinh(double x);
double gm_cosh(double x);
double gm_tanh(double x);
double gm_asinh(double x);
double gm_acosh(double x);
double gm_atanh(double x);

#endif
