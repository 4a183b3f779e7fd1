// Natives of package math (runtime/pkg/math.go): thin wrappers over math_port.c and
// math_trig.c (Go's own algorithms) and over the C operations that are exact and so agree
// with Go by definition (sqrt, floor, ceil, trunc, round, fma, copysign).
#include <math.h>
#include <string.h>

#include "math_port.h"
#include "native.h"

#define F1(name, expr)                                                                         \
    static RtStatus name(G *g, Slot *a, Slot *res) {                                           \
        GOL_UNUSED(g);                                                                         \
        double x = a[0].f;                                                                     \
        res[0].f = (expr);                                                                     \
        return RT_OK;                                                                          \
    }
#define F2(name, expr)                                                                         \
    static RtStatus name(G *g, Slot *a, Slot *res) {                                           \
        GOL_UNUSED(g);                                                                         \
        double x = a[0].f, y = a[1].f;                                                         \
        res[0].f = (expr);                                                                     \
        return RT_OK;                                                                          \
    }

F1(nat_abs, gm_frombits(gm_bits(x) & ~(1ULL << 63)))
F1(nat_sqrt, sqrt(x))
F1(nat_cbrt, gm_cbrt(x))
F1(nat_floor, gm_floor(x))
F1(nat_ceil, gm_ceil(x))
F1(nat_trunc, gm_trunc(x))
F1(nat_round, gm_round(x))
F1(nat_round_even, gm_round_even(x))
F1(nat_exp, gm_exp(x))
F1(nat_exp2, gm_exp2(x))
F1(nat_expm1, gm_expm1(x))
F1(nat_log, gm_log(x))
F1(nat_log2, gm_log2(x))
F1(nat_log10, gm_log10(x))
F1(nat_log1p, gm_log1p(x))
F1(nat_logb, gm_logb(x))
F1(nat_sin, gm_sin(x))
F1(nat_cos, gm_cos(x))
F1(nat_tan, gm_tan(x))
F1(nat_asin, gm_asin(x))
F1(nat_acos, gm_acos(x))
F1(nat_atan, gm_atan(x))
F1(nat_sinh, gm_sinh(x))
F1(nat_cosh, gm_cosh(x))
F1(nat_tanh, gm_tanh(x))
F1(nat_asinh, gm_asinh(x))
F1(nat_acosh, gm_acosh(x))
F1(nat_atanh, gm_atanh(x))
F2(nat_pow, gm_pow(x, y))
F2(nat_atan2, gm_atan2(x, y))
F2(nat_hypot, gm_hypot(x, y))
F2(nat_mod, gm_mod(x, y))
F2(nat_remainder, gm_remainder(x, y))
F2(nat_max, gm_max(x, y))
F2(nat_min, gm_min(x, y))
F2(nat_copysign, gm_frombits((gm_bits(x) & ~(1ULL << 63)) | (gm_bits(y) & (1ULL << 63))))
#undef F1
#undef F2

static RtStatus nat_fma(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].f = gm_fma(a[0].f, a[1].f, a[2].f);
    return RT_OK;
}

static RtStatus nat_ilogb(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = gm_ilogb(a[0].f);
    return RT_OK;
}

// Frexp(f float64) (frac float64, exp int)
static RtStatus nat_frexp(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t e;
    res[0].f = gm_frexp(a[0].f, &e);
    res[1].i = e;
    return RT_OK;
}

static RtStatus nat_ldexp(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].f = gm_ldexp(a[0].f, a[1].i);
    return RT_OK;
}

// Modf(f float64) (int float64, frac float64)
static RtStatus nat_modf(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].f = gm_modf(a[0].f, &res[1].f);
    return RT_OK;
}

// Sincos(x float64) (sin, cos float64)
static RtStatus nat_sincos(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    double x = a[0].f;
    res[0].f = gm_sin(x);
    res[1].f = x == 0 ? 1 : gm_cos(x);
    return RT_OK;
}

static RtStatus nat_float64bits(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].u = gm_bits(a[0].f);
    return RT_OK;
}

static RtStatus nat_float64frombits(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].f = gm_frombits(a[0].u);
    return RT_OK;
}

static RtStatus nat_float32bits(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    float f = (float)a[0].f;
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    res[0].u = b;
    return RT_OK;
}

static RtStatus nat_float32frombits(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    uint32_t b = (uint32_t)a[0].u;
    float f;
    memcpy(&f, &b, sizeof f);
    res[0].f = f;
    return RT_OK;
}

// Pow10(n int) float64, from Go's tables of exact powers.
static RtStatus nat_pow10(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    static const double tab[32] = {1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07,
                                   1e08, 1e09, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
                                   1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
    static const double pos32[10] = {1e00, 1e32,  1e64,  1e96,  1e128,
                                     1e160, 1e192, 1e224, 1e256, 1e288};
    static const double neg32[11] = {1e-00,  1e-32,  1e-64,  1e-96,  1e-128, 1e-160,
                                     1e-192, 1e-224, 1e-256, 1e-288, 1e-320};
    int64_t n = a[0].i;
    if (0 <= n && n <= 308)
        res[0].f = pos32[n / 32] * tab[n % 32];
    else if (-323 <= n && n <= 0)
        res[0].f = neg32[-n / 32] / tab[-n % 32];
    else
        res[0].f = n > 0 ? HUGE_VAL : 0;
    return RT_OK;
}

static const NativeEntry math_natives[] = {
    {"math.Abs", nat_abs},
    {"math.Sqrt", nat_sqrt},
    {"math.Cbrt", nat_cbrt},
    {"math.Floor", nat_floor},
    {"math.Ceil", nat_ceil},
    {"math.Trunc", nat_trunc},
    {"math.Round", nat_round},
    {"math.RoundToEven", nat_round_even},
    {"math.Exp", nat_exp},
    {"math.Exp2", nat_exp2},
    {"math.Expm1", nat_expm1},
    {"math.Log", nat_log},
    {"math.Log2", nat_log2},
    {"math.Log10", nat_log10},
    {"math.Log1p", nat_log1p},
    {"math.Logb", nat_logb},
    {"math.Ilogb", nat_ilogb},
    {"math.Sin", nat_sin},
    {"math.Cos", nat_cos},
    {"math.Tan", nat_tan},
    {"math.Sincos", nat_sincos},
    {"math.Asin", nat_asin},
    {"math.Acos", nat_acos},
    {"math.Atan", nat_atan},
    {"math.Atan2", nat_atan2},
    {"math.Sinh", nat_sinh},
    {"math.Cosh", nat_cosh},
    {"math.Tanh", nat_tanh},
    {"math.Asinh", nat_asinh},
    {"math.Acosh", nat_acosh},
    {"math.Atanh", nat_atanh},
    {"math.Pow", nat_pow},
    {"math.Pow10", nat_pow10},
    {"math.Hypot", nat_hypot},
    {"math.Mod", nat_mod},
    {"math.Remainder", nat_remainder},
    {"math.Max", nat_max},
    {"math.Min", nat_min},
    {"math.Copysign", nat_copysign},
    {"math.FMA", nat_fma},
    {"math.Frexp", nat_frexp},
    {"math.Ldexp", nat_ldexp},
    {"math.Modf", nat_modf},
    {"math.Float64bits", nat_float64bits},
    {"math.Float64frombits", nat_float64frombits},
    {"math.Float32bits", nat_float32bits},
    {"math.Float32frombits", nat_float32frombits},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(math_natives)
