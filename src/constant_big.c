// Float constants beyond exact arithmetic: a literal like 1e646456992 would need billions of
// bits as a rational, so, as go/constant does with big.Float, such values are kept as a
// 512-bit mantissa times a power of two (ConstVal.approx: num * 2^exp2). As in go/constant,
// a literal is exact only when its binary exponent is within +-4096 (smallFloat), and a
// fraction whose numerator or denominator reaches 4096 bits becomes such a float (makeRat),
// so exact arithmetic never grows without bound. Results whose binary exponent comes back
// within +-4096 become exact rationals again; exponents beyond 2^31 overflow (big.Float's
// range: the literal is malformed) or underflow to zero.
#include "constant.h"

#include "constant_impl.h"

enum { PREC = 512 };                 // mantissa bits, as go/constant's big.Float values
#define MAX_EXP ((int64_t)INT32_MAX) // big.Float's exponent range
#define MIN_EXP ((int64_t)INT32_MIN)
#define SMALL_EXP 4096 // go/constant's maxExp for smallFloat

// |m| rounded to [bits] bits (half to even); the shift applied is added to *exp.
static BigInt *round_bits(BigInt *m, int64_t bits, int64_t *exp) {
    int64_t n = bi_bitlen(m);
    if (n <= bits)
        return m;
    uint64_t drop = (uint64_t)(n - bits);
    bool neg = bi_sign(m) < 0;
    BigInt *a = bi_abs(m);
    BigInt *q = bi_shr(a, drop);
    BigInt *rest = bi_sub(a, bi_shl(q, drop));
    BigInt *half = bi_shl(bi_from_i64(1), drop - 1);
    int c = bi_cmp(rest, half);
    if (c > 0 || (c == 0 && (bi_to_u64(q) & 1)))
        q = bi_add(q, bi_from_i64(1));
    *exp += (int64_t)drop;
    return neg ? bi_neg(q) : q;
}

// mant * 2^exp2 as a constant: exact when small enough, NULL when it overflows.
static ConstVal *make(BigInt *mant, int64_t exp2) {
    mant = round_bits(mant, PREC, &exp2);
    if (bi_is_zero(mant))
        return cv_make_rat(mant, bi_from_i64(1));
    int64_t e = bi_bitlen(mant) + exp2; // value in [2^(e-1), 2^e)
    if (e > MAX_EXP)
        return NULL;
    if (e < MIN_EXP)
        return cv_make_rat(bi_from_i64(0), bi_from_i64(1));
    if (e > -SMALL_EXP && e < SMALL_EXP) {
        if (exp2 >= 0)
            return cv_make_rat(bi_shl(mant, (uint64_t)exp2), bi_from_i64(1));
        return cv_make_rat(mant, bi_shl(bi_from_i64(1), (uint64_t)-exp2));
    }
    ConstVal *c = gc_alloc(sizeof(ConstVal));
    c->kind = CV_FLOAT;
    c->approx = true;
    c->num = mant;
    c->den = bi_from_i64(1);
    c->exp2 = exp2;
    return c;
}

// The mantissa and exponent of a numeric constant, rounded to PREC + 64 bits.
static BigInt *parts(ConstVal *a, int64_t *exp2) {
    if (a->approx) {
        *exp2 = a->exp2;
        return a->num;
    }
    BigInt *num, *den;
    cv_rat_parts(a, &num, &den);
    *exp2 = 0;
    if (bi_is_one(den))
        return round_bits(num, PREC + 64, exp2);
    int64_t k = PREC + 64 - (bi_bitlen(num) - bi_bitlen(den));
    BigInt *q, *r;
    if (k >= 0)
        bi_divmod(bi_shl(num, (uint64_t)k), den, &q, &r);
    else
        bi_divmod(num, bi_shl(den, (uint64_t)-k), &q, &r);
    *exp2 = -k;
    return q;
}

ConstVal *cv_approx_binary(Op op, ConstVal *a, ConstVal *b) {
    int64_t ea, eb;
    BigInt *ma = parts(a, &ea), *mb = parts(b, &eb);
    switch (op) {
    case OP_MUL:
        return make(bi_mul(ma, mb), ea + eb);
    case OP_QUO: {
        if (bi_is_zero(mb))
            return NULL;
        uint64_t k = (uint64_t)(PREC + 64 + bi_bitlen(mb));
        BigInt *q, *r;
        bi_divmod(bi_shl(ma, k), mb, &q, &r);
        return make(q, ea - eb - (int64_t)k);
    }
    case OP_ADD:
    case OP_SUB: {
        if (op == OP_SUB)
            mb = bi_neg(mb);
        if (bi_is_zero(ma))
            return make(mb, eb);
        if (bi_is_zero(mb))
            return make(ma, ea);
        int64_t ta = bi_bitlen(ma) + ea, tb = bi_bitlen(mb) + eb;
        if (ta - tb > 2 * PREC) // the smaller one is below the result's precision
            return make(ma, ea);
        if (tb - ta > 2 * PREC)
            return make(mb, eb);
        if (ea >= eb)
            return make(bi_add(bi_shl(ma, (uint64_t)(ea - eb)), mb), eb);
        return make(bi_add(ma, bi_shl(mb, (uint64_t)(eb - ea))), ea);
    }
    default:
        return NULL;
    }
}

int cv_approx_cmp(ConstVal *a, ConstVal *b) {
    ConstVal *d = cv_approx_binary(OP_SUB, a, b);
    return d ? cv_sign(d) : (cv_sign(a) > 0 ? 1 : -1);
}

ConstVal *cv_approx_neg(ConstVal *a) {
    return make(bi_neg(a->num), a->exp2);
}

// 5^n to about PREC + 64 bits: *exp gets the power of two the result is scaled by.
static BigInt *pow5(uint64_t n, int64_t *exp) {
    BigInt *r = bi_from_i64(1), *p = bi_from_i64(5);
    int64_t er = 0, ep = 0;
    for (; n; n >>= 1) {
        if (n & 1) {
            r = round_bits(bi_mul(r, p), PREC + 64, &er);
            er += ep;
        }
        if (n > 1) {
            ep *= 2;
            p = round_bits(bi_mul(p, p), PREC + 64, &ep);
        }
    }
    *exp = er;
    return r;
}

ConstVal *cv_approx_literal(BigInt *mant, int base, int64_t exp) {
    if (base == 2)
        return make(mant, exp);
    if (exp > 4 * MAX_EXP || exp < 4 * MIN_EXP) // far outside even before rounding
        return exp > 0 ? NULL : make(bi_from_i64(0), 0);
    int64_t e5;
    BigInt *p = pow5((uint64_t)(exp < 0 ? -exp : exp), &e5);
    if (exp > 0)
        return make(bi_mul(mant, p), e5 + exp);
    uint64_t k = (uint64_t)(PREC + 64 + bi_bitlen(p));
    BigInt *q, *r;
    bi_divmod(bi_shl(mant, k), p, &q, &r);
    return make(q, exp - e5 - (int64_t)k);
}

ConstVal *cv_limit_rat(ConstVal *r) {
    if (!r || r->kind != CV_FLOAT || r->approx ||
        (bi_bitlen(r->num) < SMALL_EXP && bi_bitlen(r->den) < SMALL_EXP))
        return r;
    int64_t e;
    BigInt *m = parts(r, &e);
    return make(m, e);
}

// big.Float's MantExp of |num/den| (num != 0, den > 0): e with 2^(e-1) <= |x| < 2^e.
static int64_t mant_exp(BigInt *num, BigInt *den) {
    BigInt *a = bi_abs(num);
    int64_t e = bi_bitlen(a) - bi_bitlen(den);
    int c = e >= 0 ? bi_cmp(a, bi_shl(den, (uint64_t)e)) : bi_cmp(bi_shl(a, (uint64_t)-e), den);
    return c >= 0 ? e + 1 : e;
}

bool cv_small_literal(BigInt *mant, int base, int64_t exp, ConstVal **exact) {
    *exact = NULL;
    if (bi_is_zero(mant)) {
        *exact = cv_scale(mant, base, exp);
        return true;
    }
    // The binary exponent, to within a few bits: log2(10) = 3.3219...
    double est = (double)bi_bitlen(mant) + (double)exp * (base == 2 ? 1.0 : 3.321928094887362);
    if (est > SMALL_EXP + 16 || est < -SMALL_EXP - 16)
        return false;
    ConstVal *v = cv_scale(mant, base, exp);
    int64_t e = mant_exp(v->num, v->den);
    if (e <= -SMALL_EXP || e >= SMALL_EXP)
        return false;
    *exact = v;
    return true;
}

void cv_approx_round53(ConstVal *a, uint64_t *mant, int64_t *exp) {
    int64_t x = a->exp2;
    BigInt *m = round_bits(bi_abs(a->num), 53, &x);
    *mant = bi_to_u64(m);
    *exp = x;
    if (*mant >> 53) { // rounding carried into a 54th bit
        *mant >>= 1;
        *exp += 1;
    }
}
