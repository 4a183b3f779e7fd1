// Go 1.19's trigonometric and hyperbolic functions (sin.go, tan.go, trig_reduce.go,
// atan.go, asin.go, atan2.go, sinh.go, tanh.go, asinh.go, acosh.go, atanh.go), transcribed
// statement for statement so results match Go's bit for bit. Go's constant expressions
// (Pi/2, 4/Pi...) are written as the hex floats Go's exact constant arithmetic produces.
#include <math.h>
#include <stdbool.h>

#include "math_port.h"

#define PI 0x1.921fb54442d18p+01
#define PI_2 0x1.921fb54442d18p+00
#define PI_4 0x1.921fb54442d18p-01
#define PI3_4 0x1.2d97c7f3321d2p+01
#define FOUR_PI 0x1.45f306dc9c883p+00 // 4/Pi
#define LN2 0x1.62e42fefa39efp-01

static const double sin_c[] = {
    1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
    -1.98412698295895385996e-4, 8.33333333332211858878e-3,  -1.66666666666666307295e-1,
};
static const double cos_c[] = {
    -1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
    2.48015872888517045348e-5,   -1.38888888888730564116e-3, 4.16666666666665929218e-2,
};
static const double PI4A = 7.85398125648498535156e-1, PI4B = 3.77489470793079817668e-8,
                    PI4C = 2.69515142907905952645e-15;
#define REDUCE_THRESHOLD ((double)(1 << 29))

static const uint64_t mpi4[] = {
    0x0000000000000001ULL, 0x45f306dc9c882a53ULL, 0xf84eafa3ea69bb81ULL, 0xb6c52b3278872083ULL,
    0xfca2c757bd778ac3ULL, 0x6e48dc74849ba5c0ULL, 0x0c925dd413a32439ULL, 0xfc3bd63962534e7dULL,
    0xd1046bea5d768909ULL, 0xd338e04d68befc82ULL, 0x7323ac7306a673e9ULL, 0x3908bf177bf25076ULL,
    0x3ff12fffbc0b301fULL, 0xde5e2316b414da3eULL, 0xda6cfd9e4f96136eULL, 0x9e8c7ecd3cbfd45aULL,
    0xea4f758fd7cbe2f6ULL, 0x7a0e73ef14a525d4ULL, 0xd7f6bf623f1aba10ULL, 0xac06608df8f6d757ULL,
};

// Go's shifts: a count of 64 or more gives 0.
static inline uint64_t shl(uint64_t x, unsigned n) {
    return n >= 64 ? 0 : x << n;
}
static inline uint64_t shr(uint64_t x, unsigned n) {
    return n >= 64 ? 0 : x >> n;
}

// trigReduce: Payne-Hanek reduction of a huge [x] into octant *j and remainder.
static double trig_reduce(double x, uint64_t *j) {
    if (x < PI_4) {
        *j = 0;
        return x;
    }
    uint64_t ix = gm_bits(x);
    int exp = (int)((ix >> 52) & 0x7FF) - 1023 - 52;
    ix &= ~((uint64_t)0x7FF << 52);
    ix |= 1ULL << 52;
    unsigned digit = (unsigned)(exp + 61) / 64, bitshift = (unsigned)(exp + 61) % 64;
    uint64_t z0 = shl(mpi4[digit], bitshift) | shr(mpi4[digit + 1], 64 - bitshift);
    uint64_t z1 = shl(mpi4[digit + 1], bitshift) | shr(mpi4[digit + 2], 64 - bitshift);
    uint64_t z2 = shl(mpi4[digit + 2], bitshift) | shr(mpi4[digit + 3], 64 - bitshift);
    unsigned __int128 p2 = (unsigned __int128)z2 * ix, p1 = (unsigned __int128)z1 * ix;
    uint64_t z2hi = (uint64_t)(p2 >> 64), z1hi = (uint64_t)(p1 >> 64), z1lo = (uint64_t)p1;
    uint64_t z0lo = z0 * ix;
    uint64_t lo = z1lo + z2hi, c = lo < z1lo;
    uint64_t hi = z0lo + z1hi + c;
    *j = hi >> 61;
    hi = hi << 3 | lo >> 61;
    unsigned lz = (unsigned)(hi ? __builtin_clzll(hi) : 64);
    uint64_t e = (uint64_t)(1023 - (lz + 1));
    hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
    hi >>= 64 - 52;
    hi |= e << 52;
    double z = gm_frombits(hi);
    if ((*j & 1) == 1) {
        (*j)++;
        *j &= 7;
        z--;
    }
    return z * PI_4;
}

// The octant [j] and reduced argument of |x| (x finite, >= 0), as sin/cos/tan compute it.
static double reduce(double x, uint64_t *j, bool mask) {
    if (x >= REDUCE_THRESHOLD)
        return trig_reduce(x, j);
    *j = (uint64_t)(x * FOUR_PI);
    double y = (double)*j;
    if ((*j & 1) == 1) {
        (*j)++;
        y++;
    }
    if (mask)
        *j &= 7;
    return ((x - y * PI4A) - y * PI4B) - y * PI4C;
}

static double sin_poly(double z, double zz) {
    const double *s = sin_c;
    return z + z * zz * ((((((s[0] * zz) + s[1]) * zz + s[2]) * zz + s[3]) * zz + s[4]) * zz + s[5]);
}

static double cos_poly(double zz) {
    const double *c = cos_c;
    return 1.0 - 0.5 * zz +
           zz * zz * ((((((c[0] * zz) + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5]);
}

double gm_cos(double x) {
    if (isnan(x) || isinf(x))
        return gm_nan();
    bool sign = false;
    uint64_t j;
    double z = reduce(fabs(x), &j, true);
    if (j > 3) {
        j -= 4;
        sign = !sign;
    }
    if (j > 1)
        sign = !sign;
    double zz = z * z;
    double y = j == 1 || j == 2 ? sin_poly(z, zz) : cos_poly(zz);
    return sign ? -y : y;
}

double gm_sin(double x) {
    if (x == 0 || isnan(x))
        return x;
    if (isinf(x))
        return gm_nan();
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    uint64_t j;
    double z = reduce(x, &j, true);
    if (j > 3) {
        sign = !sign;
        j -= 4;
    }
    double zz = z * z;
    double y = j == 1 || j == 2 ? cos_poly(zz) : sin_poly(z, zz);
    return sign ? -y : y;
}

double gm_tan(double x) {
    static const double P[] = {-1.30936939181383777646e4, 1.15351664838587416140e6,
                               -1.79565251976484877988e7};
    static const double Q[] = {1.00000000000000000000e0, 1.36812963470692954678e4,
                               -1.32089234440210967447e6, 2.50083801823357915839e7,
                               -5.38695755929454629881e7};
    if (x == 0 || isnan(x))
        return x;
    if (isinf(x))
        return gm_nan();
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    uint64_t j;
    double z = reduce(x, &j, false), y;
    double zz = z * z;
    if (zz > 1e-14)
        y = z + z * (zz * (((P[0] * zz) + P[1]) * zz + P[2]) /
                     ((((zz + Q[1]) * zz + Q[2]) * zz + Q[3]) * zz + Q[4]));
    else
        y = z;
    if ((j & 2) == 2)
        y = -1 / y;
    return sign ? -y : y;
}

// ---- inverse ----

static double xatan(double x) {
    const double P0 = -8.750608600031904122785e-01, P1 = -1.615753718733365076637e+01,
                 P2 = -7.500855792314704667340e+01, P3 = -1.228866684490136173410e+02,
                 P4 = -6.485021904942025371773e+01, Q0 = +2.485846490142306297962e+01,
                 Q1 = +1.650270098316988542046e+02, Q2 = +4.328810604912902668951e+02,
                 Q3 = +4.853903996359136964868e+02, Q4 = +1.945506571482613964425e+02;
    double z = x * x;
    z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4) /
        (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
    return x * z + x;
}

static double satan(double x) {
    const double Morebits = 6.123233995736765886130e-17, Tan3pio8 = 2.41421356237309504880;
    if (x <= 0.66)
        return xatan(x);
    if (x > Tan3pio8)
        return PI_2 - xatan(1 / x) + Morebits;
    return PI_4 + xatan((x - 1) / (x + 1)) + 0.5 * Morebits;
}

double gm_atan(double x) {
    if (x == 0)
        return x;
    return x > 0 ? satan(x) : -satan(-x);
}

double gm_asin(double x) {
    if (x == 0)
        return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    if (x > 1)
        return gm_nan();
    double temp = sqrt(1 - x * x);
    if (x > 0.7)
        temp = PI_2 - satan(temp / x);
    else
        temp = satan(x / temp);
    return sign ? -temp : temp;
}

double gm_acos(double x) {
    return PI_2 - gm_asin(x);
}

double gm_atan2(double y, double x) {
    if (isnan(y) || isnan(x))
        return gm_nan();
    if (y == 0) {
        if (x >= 0 && !signbit(x))
            return copysign(0, y);
        return copysign(PI, y);
    }
    if (x == 0)
        return copysign(PI_2, y);
    if (isinf(x)) {
        if (x > 0)
            return isinf(y) ? copysign(PI_4, y) : copysign(0, y);
        return isinf(y) ? copysign(PI3_4, y) : copysign(PI, y);
    }
    if (isinf(y))
        return copysign(PI_2, y);
    double q = gm_atan(y / x);
    if (x < 0)
        return q <= 0 ? q + PI : q - PI;
    return q;
}

// ---- hyperbolic ----

double gm_sinh(double x) {
    const double P0 = -0.6307673640497716991184787251e+6, P1 = -0.8991272022039509355398013511e+5,
                 P2 = -0.2894211355989563807284660366e+4, P3 = -0.2630563213397497062819489e+2,
                 Q0 = -0.6307673640497716991212077277e+6, Q1 = 0.1521517378790019070696485176e+5,
                 Q2 = -0.173678953558233699533450911e+3;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x > 21) {
        temp = gm_exp(x) * 0.5;
    } else if (x > 0.5) {
        double ex = gm_exp(x);
        temp = (ex - 1 / ex) * 0.5;
    } else {
        double sq = x * x;
        temp = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
        temp = temp / (((sq + Q2) * sq + Q1) * sq + Q0);
    }
    return sign ? -temp : temp;
}

double gm_cosh(double x) {
    x = fabs(x);
    if (x > 21)
        return gm_exp(x) * 0.5;
    double ex = gm_exp(x);
    return (ex + 1 / ex) * 0.5;
}

double gm_tanh(double x) {
    static const double P[] = {-9.64399179425052238628e-1, -9.92877231001918586564e1,
                               -1.61468768441708447952e3};
    static const double Q[] = {1.12811678491632931402e2, 2.23548839060100448583e3,
                               4.84406305325125486048e3};
    const double MAXLOG = 8.8029691931113054295988e+01;
    double z = fabs(x);
    if (z > 0.5 * MAXLOG)
        return x < 0 ? -1 : 1;
    if (z >= 0.625) {
        double s = gm_exp(2 * z);
        z = 1 - 2 / (s + 1);
        return x < 0 ? -z : z;
    }
    if (x == 0)
        return x;
    double s = x * x;
    return x + x * s * ((P[0] * s + P[1]) * s + P[2]) / (((s + Q[0]) * s + Q[1]) * s + Q[2]);
}

double gm_asinh(double x) {
    const double Ln2 = 6.93147180559945286227e-01, NearZero = 1.0 / (double)(1 << 28),
                 Large = (double)(1 << 28);
    if (isnan(x) || isinf(x))
        return x;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x > Large)
        temp = gm_log(x) + Ln2;
    else if (x > 2)
        temp = gm_log(2 * x + 1 / (sqrt(x * x + 1) + x));
    else if (x < NearZero)
        temp = x;
    else
        temp = gm_log1p(x + x * x / (1 + sqrt(1 + x * x)));
    return sign ? -temp : temp;
}

double gm_acosh(double x) {
    const double Large = (double)(1 << 28);
    if (x < 1 || isnan(x))
        return gm_nan();
    if (x == 1)
        return 0;
    if (x >= Large)
        return gm_log(x) + LN2;
    if (x > 2)
        return gm_log(2 * x - 1 / (x + sqrt(x * x - 1)));
    double t = x - 1;
    return gm_log1p(t + sqrt(2 * t + t * t));
}

double gm_atanh(double x) {
    const double NearZero = 1.0 / (double)(1 << 28);
    if (x < -1 || x > 1 || isnan(x))
        return gm_nan();
    if (x == 1)
        return HUGE_VAL;
    if (x == -1)
        return -HUGE_VAL;
    bool sign = false;
    if (x < 0) {
        x = -x;
        sign = true;
    }
    double temp;
    if (x < NearZero) {
        temp = x;
    } else if (x < 0.5) {
        temp = x + x;
        temp = 0.5 * gm_log1p(temp + temp * x / (1 - x));
    } else {
        temp = 0.5 * gm_log1p((x + x) / (1 - x));
    }
    return sign ? -temp : temp;
}
