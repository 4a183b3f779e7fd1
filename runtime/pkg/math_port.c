// Go 1.19's exponentials, logarithms, powers and float decomposition for amd64, transcribed
// instruction for instruction (Exp, Log, Hypot: exp_amd64.s, log_amd64.s, hypot_amd64.s)
// or statement for statement (the rest: exp.go, expm1.go, log1p.go, log10.go, pow.go,
// cbrt.go, frexp.go, ldexp.go, modf.go, mod.go, remainder.go, dim.go, logb.go, floor.go's
// Round and RoundToEven, fma.go). gol links no libm (docs/decisions.md, "Start-up memory"):
// what C's math library would give is here or a compiler builtin (sqrt, floor, fabs).
// Trigonometric and hyperbolic functions: math_trig.c.
#include "math_port.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#define SIGN_MASK 0x8000000000000000ULL
#define UV_INF 0x7FF0000000000000ULL
#define UV_NEGINF 0xFFF0000000000000ULL
#define UV_NAN 0x7FF8000000000001ULL
#define MASK 0x7FF
#define SHIFT 52
#define BIAS 1023

uint64_t gm_bits(double f) {
    uint64_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

double gm_frombits(uint64_t b) {
    double f;
    memcpy(&f, &b, sizeof f);
    return f;
}

double gm_nan(void) {
    return gm_frombits(UV_NAN);
}

static double inf(int sign) {
    return gm_frombits(sign >= 0 ? UV_INF : UV_NEGINF);
}

static bool is_inf(double f, int sign) {
    return (sign >= 0 && f > 1.79769313486231570814527423731704356798070e+308) ||
           (sign <= 0 && f < -1.79769313486231570814527423731704356798070e+308);
}

// normalize: x scaled into the normal range, and the exponent compensating for it.
static double normalize(double x, int64_t *exp) {
    if (fabs(x) < 2.2250738585072014e-308) {
        *exp = -52;
        return x * (double)(1LL << 52);
    }
    *exp = 0;
    return x;
}

// ---- Exp (exp_amd64.s) ----

static bool use_fma;

__attribute__((constructor)) static void detect_fma(void) {
    __builtin_cpu_init();
    use_fma = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
}

// The CPU's fused multiply-add (only where use_fma).
__attribute__((target("fma"))) static double fma_hw(double x, double y, double z) {
    return __builtin_fma(x, y, z);
}

static const double exprodata[9] = {0.5,
                                    1.0,
                                    2.0,
                                    1.6666666666666666667e-1,
                                    4.1666666666666666667e-2,
                                    8.3333333333333333333e-3,
                                    1.3888888888888888889e-3,
                                    1.9841269841269841270e-4,
                                    2.4801587301587301587e-5};

// The Taylor evaluation of the asm, plain or fused; [x0] is the reduced argument.
static double exp_series(double x0) {
    const double *e = exprodata;
    double x1 = e[8];
    if (use_fma) {
        for (int i = 7; i >= 3; i--)
            x1 = fma_hw(x0, x1, e[i]);
        x1 = fma_hw(x0, x1, e[0]);
        x1 = fma_hw(x0, x1, e[1]);
        x0 *= x1;
        for (int i = 0; i < 3; i++) {
            x1 = x0 + e[2];
            x0 *= x1;
        }
        x1 = x0 + e[2];
        return fma_hw(x1, x0, e[1]);
    }
    for (int i = 7; i >= 3; i--) {
        x1 *= x0;
        x1 += e[i];
    }
    x1 *= x0;
    x1 += e[0];
    x1 *= x0;
    x1 += e[1];
    x0 *= x1;
    for (int i = 0; i < 4; i++) {
        x1 = e[2] + x0;
        x0 *= x1;
    }
    return x0 + e[1];
}

double gm_exp(double x) {
    const double LOG2E = 1.4426950408889634073599246810018920;
    const double LN2U = 0.69314718055966295651160180568695068359375;
    const double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
    uint64_t bx = gm_bits(x);
    if ((int64_t)(bx & ~SIGN_MASK) >= (int64_t)UV_INF)
        return bx == UV_NEGINF ? 0 : x; // -Inf: 0; NaN, +Inf: x
    if (x > 7.09782712893384e+02)
        return inf(1);
    double v = LOG2E * x;
    int32_t k = v >= -2147483648.0 && v < 2147483648.0 ? (int32_t)gm_round_even(v) : INT32_MIN;
    double fk = (double)k, x0;
    if (use_fma) {
        x0 = fma_hw(-fk, LN2U, x);
        x0 = fma_hw(-fk, LN2L, x0);
    } else {
        x0 = x - LN2U * fk;
        x0 = x0 - LN2L * fk;
    }
    x0 = exp_series(x0 * 0.0625);
    int64_t e = (int64_t)k + 0x3FF;
    if (e <= 0) { // denormal
        if (e < -52)
            return 0;
        x0 *= gm_frombits((uint64_t)(e + 0x3FE) << 52);
        e = 1;
    } else if (e >= 0x7FF) {
        return inf(1);
    }
    return x0 * gm_frombits((uint64_t)e << 52);
}

// ---- Exp2, Expm1 (exp.go, expm1.go) ----

static double expmulti(double hi, double lo, int64_t k) {
    const double P1 = 1.66666666666666657415e-01, P2 = -2.77777777770155933842e-03,
                 P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                 P5 = 4.13813679705723846039e-08;
    double r = hi - lo;
    double t = r * r;
    double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
    return gm_ldexp(y, k);
}

double gm_exp2(double x) {
    const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    if (isnan(x) || is_inf(x, 1))
        return x;
    if (is_inf(x, -1))
        return 0;
    if (x > 1.0239999999999999e+03)
        return inf(1);
    if (x < -1.0740e+03)
        return 0;
    int64_t k = 0;
    if (x > 0)
        k = (int64_t)(x + 0.5);
    else if (x < 0)
        k = (int64_t)(x - 0.5);
    double t = x - (double)k;
    return expmulti(t * Ln2Hi, -t * Ln2Lo, k);
}

static double expm1_tail(double x, double c, int64_t k, double e, double hxs) {
    e = (x * (e - c) - c);
    e -= hxs;
    if (k == -1)
        return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25)
            return -2 * (e - (x + 0.5));
        return 1 + 2 * (x - e);
    }
    if (k <= -2 || k > 56) {
        double y = 1 - (e - x);
        y = gm_frombits(gm_bits(y) + ((uint64_t)k << 52));
        return y - 1;
    }
    if (k < 20) {
        double t = gm_frombits(0x3ff0000000000000ULL - (0x20000000000000ULL >> k));
        double y = t - (e - x);
        return gm_frombits(gm_bits(y) + ((uint64_t)k << 52));
    }
    double t = gm_frombits((uint64_t)(0x3ff - k) << 52);
    double y = x - (e + t);
    y++;
    return gm_frombits(gm_bits(y) + ((uint64_t)k << 52));
}

double gm_expm1(double x) {
    const double Othreshold = 7.09782712893383973096e+02, Ln2X56 = 3.88162421113569373274e+01,
                 Ln2HalfX3 = 1.03972077083991796413e+00, Ln2Half = 3.46573590279972654709e-01,
                 Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10,
                 InvLn2 = 1.44269504088896338700e+00, Tiny = 1.0 / (double)(1LL << 54),
                 Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
                 Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
                 Q5 = -2.01099218183624371326e-07;
    if (is_inf(x, 1) || isnan(x))
        return x;
    if (is_inf(x, -1))
        return -1;
    double absx = x;
    bool sign = false;
    if (x < 0) {
        absx = -absx;
        sign = true;
    }
    if (absx >= Ln2X56) {
        if (sign)
            return -1;
        if (absx >= Othreshold)
            return inf(1);
    }
    double c = 0;
    int64_t k = 0;
    if (absx > Ln2Half) {
        double hi, lo;
        if (absx < Ln2HalfX3) {
            hi = sign ? x + Ln2Hi : x - Ln2Hi;
            lo = sign ? -Ln2Lo : Ln2Lo;
            k = sign ? -1 : 1;
        } else {
            k = sign ? (int64_t)(InvLn2 * x - 0.5) : (int64_t)(InvLn2 * x + 0.5);
            double t = (double)k;
            hi = x - t * Ln2Hi;
            lo = t * Ln2Lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (absx < Tiny) {
        return x;
    }
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0)
        return x - (x * e - hxs);
    return expm1_tail(x, c, k, e, hxs);
}

// ---- Log (log_amd64.s), Log2, Log10, Log1p ----

double gm_log(double x) {
    const double HSqrt2 = 7.07106781186547524401e-01, Ln2Hi = 6.93147180369123816490e-01,
                 Ln2Lo = 1.90821492927058770002e-10, L1 = 6.666666666666735130e-01,
                 L2 = 3.999999999940941908e-01, L3 = 2.857142874366239149e-01,
                 L4 = 2.222219843214978396e-01, L5 = 1.818357216161805012e-01,
                 L6 = 1.531383769920937332e-01, L7 = 1.479819860511658591e-01;
    uint64_t bx = gm_bits(x);
    if ((bx & ~SIGN_MASK) == 0)
        return inf(-1);
    if ((int64_t)bx < 0)
        return gm_nan();
    if (bx >= UV_INF)
        return x;
    double f1 = gm_frombits((bx & 0x000FFFFFFFFFFFFFULL) | 0x3FE0000000000000ULL);
    double k = (double)(int32_t)(((bx >> 52) & 0x7FF) - 0x3FE);
    if (!(HSqrt2 < f1)) { // the asm's cmpnlt: f1 <= Sqrt2/2
        k -= 1.0;
        f1 *= 2.0;
    }
    double f = f1 - 1.0;
    double s = f / (2.0 + f);
    double s2 = s * s, s4 = s2 * s2;
    double t1 = s2 * (((L7 * s4 + L5) * s4 + L3) * s4 + L1);
    double t2 = s4 * ((L6 * s4 + L4) * s4 + L2);
    double R = t1 + t2;
    double hfsq = 0.5 * f * f;
    double r = hfsq - (s * (R + hfsq) + Ln2Lo * k);
    return k * Ln2Hi - (r - f);
}

double gm_log10(double x) {
    return gm_log(x) * 0x1.bcb7b1526e50ep-02; // 1/Ln10 as Go's constant arithmetic rounds it
}

double gm_log2(double x) {
    int64_t exp;
    double frac = gm_frexp(x, &exp);
    if (frac == 0.5)
        return (double)(exp - 1);
    return gm_log(frac) * 0x1.71547652b82fep+00 + (double)exp; // 1/Ln2
}

double gm_log1p(double x) {
    const double Sqrt2M1 = 4.142135623730950488017e-01, Sqrt2HalfM1 = -2.928932188134524755992e-01,
                 Small = 1.0 / (double)(1 << 29), Tiny = 1.0 / (double)(1LL << 54),
                 Two53 = (double)(1LL << 53), Ln2Hi = 6.93147180369123816490e-01,
                 Ln2Lo = 1.90821492927058770002e-10, Lp1 = 6.666666666666735130e-01,
                 Lp2 = 3.999999999940941908e-01, Lp3 = 2.857142874366239149e-01,
                 Lp4 = 2.222219843214978396e-01, Lp5 = 1.818357216161805012e-01,
                 Lp6 = 1.531383769920937332e-01, Lp7 = 1.479819860511658591e-01;
    if (x < -1 || isnan(x))
        return gm_nan();
    if (x == -1)
        return inf(-1);
    if (is_inf(x, 1))
        return inf(1);
    double absx = fabs(x), f = 0, c = 0;
    uint64_t iu = 0;
    int64_t k = 1;
    if (absx < Sqrt2M1) {
        if (absx < Small)
            return absx < Tiny ? x : x - x * x * 0.5;
        if (x > Sqrt2HalfM1) {
            k = 0;
            f = x;
            iu = 1;
        }
    }
    if (k != 0) {
        double u;
        if (absx < Two53) {
            u = 1.0 + x;
            iu = gm_bits(u);
            k = (int64_t)((iu >> 52) - 1023);
            c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
            c /= u;
        } else {
            u = x;
            iu = gm_bits(u);
            k = (int64_t)((iu >> 52) - 1023);
            c = 0;
        }
        iu &= 0x000fffffffffffffULL;
        if (iu < 0x0006a09e667f3bcdULL) {
            u = gm_frombits(iu | 0x3ff0000000000000ULL);
        } else {
            k++;
            u = gm_frombits(iu | 0x3fe0000000000000ULL);
            iu = (0x0010000000000000ULL - iu) >> 2;
        }
        f = u - 1.0;
    }
    double hfsq = 0.5 * f * f, fk = (double)k;
    if (iu == 0) {
        if (f == 0) {
            if (k == 0)
                return 0;
            c += fk * Ln2Lo;
            return fk * Ln2Hi + c;
        }
        double R = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0)
            return f - R;
        return fk * Ln2Hi - ((R - (fk * Ln2Lo + c)) - f);
    }
    double s = f / (2.0 + f);
    double z = s * s;
    double R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
    if (k == 0)
        return f - (hfsq - s * (hfsq + R));
    return fk * Ln2Hi - ((hfsq - (s * (hfsq + R) + (fk * Ln2Lo + c))) - f);
}

// ---- Pow (pow.go) ----

static bool is_odd_int(double x) {
    double xf, xi = gm_modf(x, &xf);
    return xf == 0 && ((int64_t)xi & 1) == 1;
}

// Pow's special cases; returns true with *r set when one applies.
static bool pow_special(double x, double y, double *r) {
    if (y == 0 || x == 1)
        *r = 1;
    else if (y == 1)
        *r = x;
    else if (isnan(x) || isnan(y))
        *r = gm_nan();
    else if (x == 0) {
        if (y < 0)
            *r = is_odd_int(y) ? copysign(inf(1), x) : inf(1);
        else
            *r = is_odd_int(y) ? x : 0;
    } else if (is_inf(y, 0)) {
        if (x == -1)
            *r = 1;
        else
            *r = (fabs(x) < 1) == is_inf(y, 1) ? 0 : inf(1);
    } else if (is_inf(x, 0)) {
        if (is_inf(x, -1))
            *r = gm_pow(1 / x, -y);
        else
            *r = y < 0 ? 0 : inf(1);
    } else if (y == 0.5)
        *r = sqrt(x);
    else if (y == -0.5)
        *r = 1 / sqrt(x);
    else
        return false;
    return true;
}

double gm_pow(double x, double y) {
    double r;
    if (pow_special(x, y, &r))
        return r;
    double yf, yi = gm_modf(fabs(y), &yf);
    if (yf != 0 && x < 0)
        return gm_nan();
    if (yi >= 9223372036854775808.0) {
        if (x == -1)
            return 1;
        return (fabs(x) < 1) == (y > 0) ? 0 : inf(1);
    }
    double a1 = 1.0;
    int64_t ae = 0;
    if (yf != 0) {
        if (yf > 0.5) {
            yf--;
            yi++;
        }
        a1 = gm_exp(yf * gm_log(x));
    }
    int64_t xe;
    double x1 = gm_frexp(x, &xe);
    for (int64_t i = (int64_t)yi; i != 0; i >>= 1) {
        if (xe < -(1 << 12) || (1 << 12) < xe) {
            ae += xe;
            break;
        }
        if ((i & 1) == 1) {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe = (int64_t)((uint64_t)xe << 1); // Go shifts negative exponents too
        if (x1 < .5) {
            x1 += x1;
            xe--;
        }
    }
    if (y < 0) {
        a1 = 1 / a1;
        ae = -ae;
    }
    return gm_ldexp(a1, ae);
}

// ---- Hypot (hypot_amd64.s), Cbrt ----

double gm_hypot(double p, double q) {
    uint64_t bp = gm_bits(p) & ~SIGN_MASK, bq = gm_bits(q) & ~SIGN_MASK;
    if (bp >= UV_INF || bq >= UV_INF)
        return bp == UV_INF || bq == UV_INF ? inf(1) : gm_nan();
    if ((bp | bq) == 0)
        return 0;
    double x0 = gm_frombits(bp), x1 = gm_frombits(bq);
    double mx = x0 > x1 ? x0 : x1, mn = x1 < x0 ? x1 : x0;
    mn /= mx;
    mn *= mn;
    mn += 1.0;
    return mx * sqrt(mn);
}

double gm_cbrt(double x) {
    const uint64_t B1 = 715094163, B2 = 696219795;
    const double C = 5.42857142857142815906e-01, D = -7.05306122448979611050e-01,
                 E = 1.41428571428571436819e+00, F = 1.60714285714285720630e+00,
                 G = 3.57142857142857150787e-01, SmallestNormal = 2.22507385850720138309e-308;
    if (x == 0 || isnan(x) || is_inf(x, 0))
        return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double t = gm_frombits(gm_bits(x) / 3 + (B1 << 32));
    if (x < SmallestNormal) {
        t = (double)(1LL << 54);
        t *= x;
        t = gm_frombits(gm_bits(t) / 3 + (B2 << 32));
    }
    double r = t * t / x;
    double s = C + r * t;
    t *= G + F / (s + E + D / s);
    t = gm_frombits((gm_bits(t) & (0xFFFFFFFFCULL << 28)) + (1ULL << 30));
    s = t * t;
    r = x / s;
    double w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    return sign ? -t : t;
}

// ---- decomposition ----

double gm_frexp(double f, int64_t *exp) {
    *exp = 0;
    if (f == 0 || is_inf(f, 0) || isnan(f))
        return f;
    f = normalize(f, exp);
    uint64_t x = gm_bits(f);
    *exp += (int64_t)((x >> SHIFT) & MASK) - BIAS + 1;
    x &= ~((uint64_t)MASK << SHIFT);
    x |= (uint64_t)(-1 + BIAS) << SHIFT;
    return gm_frombits(x);
}

double gm_ldexp(double frac, int64_t exp) {
    if (frac == 0 || is_inf(frac, 0) || isnan(frac))
        return frac;
    int64_t e;
    frac = normalize(frac, &e);
    exp = (int64_t)((uint64_t)exp + (uint64_t)e); // Go's int arithmetic wraps
    uint64_t x = gm_bits(frac);
    exp = (int64_t)((uint64_t)exp + (uint64_t)((int64_t)((x >> SHIFT) & MASK) - BIAS));
    if (exp < -1075)
        return copysign(0, frac);
    if (exp > 1023)
        return frac < 0 ? inf(-1) : inf(1);
    double m = 1;
    if (exp < -1022) {
        exp += 53;
        m = 1.0 / (double)(1LL << 53);
    }
    x &= ~((uint64_t)MASK << SHIFT);
    x |= (uint64_t)(exp + BIAS) << SHIFT;
    return m * gm_frombits(x);
}

double gm_modf(double f, double *frac) {
    if (f < 1) {
        if (f < 0) {
            double fr, in = gm_modf(-f, &fr);
            *frac = -fr;
            return -in;
        }
        if (f == 0) {
            *frac = f;
            return f;
        }
        *frac = f;
        return 0;
    }
    uint64_t x = gm_bits(f);
    uint64_t e = ((x >> SHIFT) & MASK) - BIAS;
    if (e < 64 - 12)
        x &= ~((1ULL << (64 - 12 - e)) - 1);
    double in = gm_frombits(x);
    *frac = f - in;
    return in;
}

double gm_mod(double x, double y) {
    if (y == 0 || is_inf(x, 0) || isnan(x) || isnan(y))
        return gm_nan();
    y = fabs(y);
    int64_t yexp, rexp;
    double yfr = gm_frexp(y, &yexp);
    double r = x < 0 ? -x : x;
    while (r >= y) {
        double rfr = gm_frexp(r, &rexp);
        if (rfr < yfr)
            rexp = rexp - 1;
        r = r - gm_ldexp(y, rexp - yexp);
    }
    return x < 0 ? -r : r;
}

double gm_remainder(double x, double y) {
    const double Tiny = 4.45014771701440276618e-308, HalfMax = 1.79769313486231570814527423731704356798070e+308 / 2;
    if (isnan(x) || isnan(y) || is_inf(x, 0) || y == 0)
        return gm_nan();
    if (is_inf(y, 0))
        return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    if (y < 0)
        y = -y;
    if (x == y)
        return sign ? -0.0 : 0;
    if (y <= HalfMax)
        x = gm_mod(x, y + y);
    if (y < Tiny) {
        if (x + x > y) {
            x -= y;
            if (x + x >= y)
                x -= y;
        }
    } else {
        double yHalf = 0.5 * y;
        if (x > yHalf) {
            x -= y;
            if (x >= yHalf)
                x -= y;
        }
    }
    return sign ? -x : x;
}

double gm_max(double x, double y) {
    if (is_inf(x, 1) || is_inf(y, 1))
        return inf(1);
    if (isnan(x) || isnan(y))
        return gm_nan();
    if (x == 0 && x == y)
        return signbit(x) ? y : x;
    return x > y ? x : y;
}

double gm_min(double x, double y) {
    if (is_inf(x, -1) || is_inf(y, -1))
        return inf(-1);
    if (isnan(x) || isnan(y))
        return gm_nan();
    if (x == 0 && x == y)
        return signbit(x) ? x : y;
    return x < y ? x : y;
}

int64_t gm_ilogb(double x) {
    if (x == 0)
        return INT32_MIN;
    if (isnan(x) || is_inf(x, 0))
        return INT32_MAX;
    int64_t exp;
    x = normalize(x, &exp);
    return (int64_t)((gm_bits(x) >> SHIFT) & MASK) - BIAS + exp;
}

double gm_logb(double x) {
    if (x == 0)
        return inf(-1);
    if (is_inf(x, 0))
        return inf(1);
    if (isnan(x))
        return x;
    return (double)gm_ilogb(x);
}

// ---- Floor, Ceil, Trunc, Round, RoundToEven (floor.go; all exact) ----

#define FRAC_MASK ((1ULL << SHIFT) - 1)
#define UV_ONE 0x3FF0000000000000ULL

double gm_trunc(double x) {
    uint64_t bits = gm_bits(x);
    int e = (int)((bits >> SHIFT) & MASK) - BIAS;
    if (e >= SHIFT) // integral, Inf or NaN
        return x;
    if (e < 0)
        return gm_frombits(bits & SIGN_MASK);
    return gm_frombits(bits & ~(FRAC_MASK >> e));
}

double gm_floor(double x) {
    double t = gm_trunc(x);
    return x < 0 && t != x ? t - 1 : t;
}

double gm_ceil(double x) {
    double t = gm_trunc(x);
    return x > 0 && t != x ? t + 1 : t;
}

double gm_round(double x) {
    uint64_t bits = gm_bits(x);
    unsigned e = (unsigned)(bits >> SHIFT) & MASK;
    if (e < BIAS) { // |x| < 1, denormals too: +-0, or +-1 from 0.5 on
        bits &= SIGN_MASK;
        if (e == BIAS - 1)
            bits |= UV_ONE;
    } else if (e < BIAS + SHIFT) { // a fraction to round off; larger: integral, Inf or NaN
        e -= BIAS;
        bits += (1ULL << (SHIFT - 1)) >> e;
        bits &= ~(FRAC_MASK >> e);
    }
    return gm_frombits(bits);
}

double gm_round_even(double x) {
    uint64_t bits = gm_bits(x);
    unsigned e = (unsigned)(bits >> SHIFT) & MASK;
    if (e >= BIAS + SHIFT) // integral, Inf or NaN
        return x;
    if (e >= BIAS) { // add 0.5 less an ulp, plus the ulp when the integer part is odd
        e -= BIAS;
        const uint64_t half_minus_ulp = (1ULL << (SHIFT - 1)) - 1;
        bits += (half_minus_ulp + ((bits >> (SHIFT - e)) & 1)) >> e;
        bits &= ~(FRAC_MASK >> e);
    } else if (e == BIAS - 1 && (bits & FRAC_MASK) != 0) { // 0.5 < |x| < 1
        bits = (bits & SIGN_MASK) | UV_ONE;
    } else { // |x| <= 0.5
        bits &= SIGN_MASK;
    }
    return gm_frombits(bits);
}

// ---- FMA (fma.go): the CPU's where it has one, else exact in 128-bit integers ----

typedef unsigned __int128 U128;

static uint64_t nonzero(uint64_t x) {
    return x != 0;
}

// [u] shifted right by [n], its lowest bit the OR of every bit shifted out (sticky).
static U128 shr_sticky(U128 u, unsigned n) {
    if (n == 0)
        return u;
    if (n >= 128)
        return u != 0;
    return (u >> n) | (U128)((u & (((U128)1 << n) - 1)) != 0);
}

// [b] as sign, biased exponent and mantissa with its implicit bit (subnormals normalized).
static void fma_split(uint64_t b, unsigned *sign, int32_t *exp, uint64_t *mant) {
    *sign = (unsigned)(b >> 63);
    *exp = (int32_t)((b >> SHIFT) & MASK);
    *mant = b & FRAC_MASK;
    if (*exp == 0) {
        int shift = __builtin_clzll(*mant) - 11;
        *mant <<= shift;
        *exp = 1 - shift;
    } else {
        *mant |= 1ULL << SHIFT;
    }
}

double gm_fma_soft(double x, double y, double z) {
    uint64_t bx = gm_bits(x), by = gm_bits(y), bz = gm_bits(z);
    // Zeros, infinities and NaNs: at most one rounding happens in x*y+z.
    if (x == 0 || y == 0 || z == 0 || (bx & UV_INF) == UV_INF || (by & UV_INF) == UV_INF)
        return x * y + z;
    if ((bz & UV_INF) == UV_INF) // x, y finite: the infinite (or NaN) z
        return z;
    unsigned xs, ys, zs;
    int32_t xe, ye, ze;
    uint64_t xm, ym, zm;
    fma_split(bx, &xs, &xe, &xm);
    fma_split(by, &ys, &ye, &ym);
    fma_split(bz, &zs, &ze, &zm);
    // The product's 106 bits, shifted left by 21 so its top bit is bit 126 or 125.
    int32_t pe = xe + ye - BIAS + 1;
    U128 pm = (U128)(xm << 10) * (U128)(ym << 11);
    U128 zmm = (U128)(zm << 10) << 64;
    unsigned ps = xs ^ ys;
    if (!((pm >> 126) & 1)) { // normalize to bit 126
        pm <<= 1;
        pe--;
    }
    if (pe < ze || (pe == ze && pm < zmm)) { // |p| >= |z| from here on
        unsigned ts = ps;
        int32_t te = pe;
        U128 tm = pm;
        ps = zs, pe = ze, pm = zmm;
        zs = ts, ze = te, zmm = tm;
    }
    if (ps != zs && pe == ze && pm == zmm) // p == -z: +0 (neither is zero)
        return 0;
    zmm = shr_sticky(zmm, (unsigned)(pe - ze));
    uint64_t m;
    if (ps == zs) {
        pm += zmm;
        unsigned carry = (unsigned)(pm >> 127);
        pe -= (int32_t)(1 - carry); // (the exponent counts the implicit bit, added below)
        m = (uint64_t)shr_sticky(pm, 64 + carry);
    } else {
        pm -= zmm;
        int32_t nz = (uint64_t)(pm >> 64) ? __builtin_clzll((uint64_t)(pm >> 64))
                                           : 64 + __builtin_clzll((uint64_t)pm);
        pe -= nz;
        pm <<= (nz - 1);
        m = (uint64_t)(pm >> 64) | nonzero((uint64_t)pm);
    }
    // Round half to even; m holds the mantissa in bits 62..10 and the rest for rounding.
    if (pe > 1022 + BIAS || (pe == 1022 + BIAS && ((m + (1ULL << 9)) >> 63) == 1))
        return gm_frombits((uint64_t)ps << 63 | UV_INF);
    if (pe < 0) {
        unsigned n = (unsigned)-pe;
        m = n >= 64 ? nonzero(m) : (m >> n) | nonzero(m & ((1ULL << n) - 1));
        pe = 0;
    }
    uint64_t tie = (m & ((1ULL << 10) - 1)) == (1ULL << 9);
    m = ((m + (1ULL << 9)) >> 10) & ~tie;
    if (m == 0)
        pe = 0;
    return gm_frombits(((uint64_t)ps << 63) + ((uint64_t)pe << 52) + m);
}

double gm_fma(double x, double y, double z) {
    return use_fma ? fma_hw(x, y, z) : gm_fma_soft(x, y, z);
}
