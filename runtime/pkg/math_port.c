// Go 1.19's exponentials, logarithms, powers and float decomposition for amd64, transcribed
// instruction for instruction (Exp, Log, Hypot: exp_amd64.s, log_amd64.s, hypot_amd64.s)
// or statement for statement (the rest: exp.go, expm1.go, log1p.go, log10.go, pow.go,
// cbrt.go, frexp.go, ldexp.go, modf.go, mod.go, remainder.go, dim.go, logb.go).
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
            x1 = fma(x0, x1, e[i]);
        x1 = fma(x0, x1, e[0]);
        x1 = fma(x0, x1, e[1]);
        x0 *= x1;
        for (int i = 0; i < 3; i++) {
            x1 = x0 + e[2];
            x0 *= x1;
        }
        x1 = x0 + e[2];
        return fma(x1, x0, e[1]);
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
    int32_t k = v >= -2147483648.0 && v < 2147483648.0 ? (int32_t)nearbyint(v) : INT32_MIN;
    double fk = (double)k, x0;
    if (use_fma) {
        x0 = fma(-fk, LN2U, x);
        x0 = fma(-fk, LN2L, x0);
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
