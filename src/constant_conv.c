// Leaving exact arithmetic: correctly rounded conversion of rational constants to float32 and
// float64 (round half to even, with subnormals), extraction of machine integers, and the
// spec's "Representability" test. Rounding divides once with enough quotient bits (63-64)
// plus a sticky remainder bit, so it never double-rounds.
#include "constant.h"

#include <float.h>
#include <math.h>

#include "constant_impl.h"
#include "types.h"
#include "pkg/math_port.h"

void cv_round_rat(const BigInt *num, const BigInt *den, int prec, int64_t emin, uint64_t *mant,
                  int64_t *exp) {
    // Scale so that q = floor(|num| * 2^k / den) lies in [2^62, 2^64).
    int64_t k = 63 - (bi_bitlen(num) - bi_bitlen(den));
    BigInt *n = bi_abs(num), *d = (BigInt *)den, *q, *r;
    if (k >= 0)
        n = bi_shl(n, (uint64_t)k);
    else
        d = bi_shl(d, (uint64_t)-k);
    bi_divmod(n, d, &q, &r);
    uint64_t qv = bi_to_u64(q);
    bool sticky = !bi_is_zero(r);
    int b = 64 - __builtin_clzll(qv);
    int64_t e = b - 1 - k; // exponent of the leading bit
    int64_t p = prec;
    if (e < emin)
        p = emin - e > prec ? -1 : prec - (emin - e);
    if (p < 0) { // below half the smallest subnormal
        *mant = 0;
        *exp = 0;
        return;
    }
    int drop = b - (int)p; // 10..64 bits to discard
    uint64_t m = drop == 64 ? 0 : qv >> drop;
    uint64_t rest = drop == 64 ? qv : qv & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rest > half || (rest == half && (sticky || (m & 1))))
        m++;
    *mant = m;
    *exp = e + 1 - p;
}

// Nearest binary float with [prec] bits and exponent range [emin, emax] as a double (exact
// for float32 too); +-Inf on overflow, 0 on underflow.
static double round_to(ConstVal *a, int prec, int emin, int emax) {
    if (a->approx) // beyond +-2^4096: infinite or zero in any machine format
        return (a->exp2 > 0 ? INFINITY : 0) * (bi_sign(a->num) < 0 ? -1 : 1);
    BigInt *num, *den;
    cv_rat_parts(a, &num, &den);
    if (bi_is_zero(num))
        return 0;
    // Both parts exact in the target format: one IEEE division rounds correctly.
    if (bi_bitlen(num) <= prec && bi_bitlen(den) <= prec) {
        double n = (double)bi_to_i64(num), d = (double)bi_to_i64(den);
        return prec == 24 ? (double)((float)n / (float)d) : n / d;
    }
    uint64_t m;
    int64_t x;
    cv_round_rat(num, den, prec, emin, &m, &x);
    double v;
    if (m == 0)
        v = 0;
    else if (x + (64 - __builtin_clzll(m)) - 1 > emax)
        v = INFINITY;
    else
        v = gm_ldexp((double)m, x);
    return bi_sign(num) < 0 ? -v : v;
}

double cv_float64(ConstVal *a) {
    if (a->small)
        return (double)a->i; // one correctly rounded conversion
    return round_to(a, 53, -1022, 1023);
}

float cv_float32(ConstVal *a) {
    if (a->small)
        return (float)a->i;
    return (float)round_to(a, 24, -126, 127);
}

int64_t cv_int64(ConstVal *a) {
    if (a->small)
        return a->i;
    if (a->kind == CV_INT)
        return bi_to_i64(a->num);
    if (a->kind != CV_FLOAT || a->approx)
        return 0;
    BigInt *q;
    bi_divmod(a->num, a->den, &q, NULL); // truncate
    return bi_to_i64(q);
}

uint64_t cv_uint64(ConstVal *a) {
    int64_t v = cv_int64(a);
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

// ---- representability ----

// Does the integer constant [a] fit the integer kind [k]?
static bool int_fits(ConstVal *a, int k) {
    static const struct {
        int kind;
        int64_t lo;
        uint64_t hi;
    } ranges[] = {
        {K_INT8, INT8_MIN, INT8_MAX},    {K_INT16, INT16_MIN, INT16_MAX},
        {K_INT32, INT32_MIN, INT32_MAX}, {K_INT64, INT64_MIN, INT64_MAX},
        {K_INT, INT64_MIN, INT64_MAX},   {K_UINT8, 0, UINT8_MAX},
        {K_UINT16, 0, UINT16_MAX},       {K_UINT32, 0, UINT32_MAX},
        {K_UINT64, 0, UINT64_MAX},       {K_UINT, 0, UINT64_MAX},
        {K_UINTPTR, 0, UINT64_MAX},
    };
    if (k == K_UNTYPED_INT || k == K_UNTYPED_RUNE)
        return true;
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        if (ranges[i].kind != k)
            continue;
        if (!a->small) // beyond int64: only the 64-bit unsigned kinds can hold it
            return ranges[i].hi == UINT64_MAX && bi_fits_u64(a->num);
        return a->i >= ranges[i].lo && (a->i < 0 || (uint64_t)a->i <= ranges[i].hi);
    }
    return false;
}

static bool is_int_kind(int k) {
    return (k >= K_INT && k <= K_UINTPTR) || k == K_UNTYPED_INT || k == K_UNTYPED_RUNE;
}

static bool float_fits(ConstVal *a, int k, ConstVal **rounded) {
    a = cv_to_float(a);
    if (k == K_UNTYPED_FLOAT) {
        if (rounded)
            *rounded = a;
        return true;
    }
    double d = k == K_FLOAT32 ? (double)cv_float32(a) : cv_float64(a);
    if (isinf(d))
        return false;
    if (rounded)
        *rounded = cv_float(d + 0); // + 0 turns -0 into 0: constants have no negative zero
    return true;
}

bool cv_representable(ConstVal *a, int kind, ConstVal **rounded) {
    if (kind == K_BOOL || kind == K_UNTYPED_BOOL || kind == K_STRING || kind == K_UNTYPED_STRING) {
        bool want_bool = kind == K_BOOL || kind == K_UNTYPED_BOOL;
        if (a->kind != (want_bool ? CV_BOOL : CV_STRING))
            return false;
        if (rounded)
            *rounded = a;
        return true;
    }
    if (a->kind == CV_COMPLEX || kind == K_COMPLEX64 || kind == K_COMPLEX128 ||
        kind == K_UNTYPED_COMPLEX)
        return cv_complex_representable(a, kind, rounded);
    if (a->kind != CV_INT && a->kind != CV_FLOAT)
        return false;
    if (is_int_kind(kind)) {
        ConstVal *x = cv_to_int(a);
        if (!x)
            return false;
        if (rounded) // as go/types does, even when the range check fails
            *rounded = x;
        return int_fits(x, kind);
    }
    if (kind == K_FLOAT32 || kind == K_FLOAT64 || kind == K_UNTYPED_FLOAT)
        return float_fits(a, kind, rounded);
    return false;
}
