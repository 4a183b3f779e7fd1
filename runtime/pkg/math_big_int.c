// Natives of big.Int (runtime/pkg/math_big.go) over GMP, with Go's semantics where GMP's
// differ: Euclidean Div/Mod, Exp's rules for nil/zero moduli and negative exponents, GCD's
// cofactors for zero and negative operands, two's-complement bit operations, and Go's
// panics.
#include <assert.h>
#include <limits.h>

#include "gc.h"
#include "math_big.h"

static_assert(sizeof(__mpz_struct) == 2 * sizeof(Slot), "big.Int is two slots");

mpz_ptr big_int(Slot *s) {
    mpz_ptr z = (mpz_ptr)(void *)s;
    if (!z->_mp_d)
        mpz_init(z);
    return z;
}

RtStatus big_nil(G *g) {
    return rt_panic_runtime(g, "invalid memory address or nil pointer dereference");
}

static RtStatus div_zero(G *g) {
    return rt_panic_str(g, "division by zero");
}

// Natives that return their receiver.
#define RET_Z() (res[0].p = a[0].p, RT_OK)

// ---- setters and conversions ----

static RtStatus nat_set_int64(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    int64_t v = a[1].i;
    if (v < 0) {
        mpz_set_ui(z, (unsigned long)0 - (unsigned long)v);
        mpz_neg(z, z);
    } else
        mpz_set_ui(z, (unsigned long)v);
    return RET_Z();
}

static RtStatus nat_set_uint64(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    mpz_set_ui(z, (unsigned long)a[1].u);
    return RET_Z();
}

static RtStatus nat_set(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    mpz_set(z, x);
    return RET_Z();
}

// The low 64 bits of |x|.
static uint64_t low64(mpz_srcptr x) {
    return mpz_size(x) ? (uint64_t)mpz_getlimbn(x, 0) : 0;
}

static RtStatus nat_int64(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    uint64_t v = low64(x);
    res[0].u = mpz_sgn(x) < 0 ? 0 - v : v;
    return RT_OK;
}

static RtStatus nat_uint64(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    res[0].u = low64(x);
    return RT_OK;
}

static RtStatus nat_is_int64(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    res[0].i = mpz_fits_slong_p(x) != 0;
    return RT_OK;
}

static RtStatus nat_is_uint64(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    res[0].i = mpz_sgn(x) >= 0 && mpz_fits_ulong_p(x);
    return RT_OK;
}

static RtStatus nat_sign(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    res[0].i = mpz_sgn(x);
    return RT_OK;
}

static RtStatus nat_bit_len(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    res[0].i = mpz_sgn(x) ? (int64_t)mpz_sizeinbase(x, 2) : 0;
    return RT_OK;
}

static RtStatus nat_trailing_zeros(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    res[0].u = mpz_sgn(x) ? mpz_scan1(x, 0) : 0;
    return RT_OK;
}

static RtStatus nat_bit(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    if (a[1].i < 0)
        return rt_panic_str(g, "negative bit index");
    res[0].u = (uint64_t)mpz_tstbit(x, (mp_bitcnt_t)a[1].i);
    return RT_OK;
}

static RtStatus nat_set_bit(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    if (a[2].i < 0)
        return rt_panic_str(g, "negative bit index");
    if (a[3].u > 1)
        return rt_panic_str(g, "set bit is not 0 or 1");
    mpz_set(z, x);
    if (a[3].u)
        mpz_setbit(z, (mp_bitcnt_t)a[2].i);
    else
        mpz_clrbit(z, (mp_bitcnt_t)a[2].i);
    return RET_Z();
}

// ---- arithmetic ----

typedef void (*BinOp)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static RtStatus binop(G *g, Slot *a, Slot *res, BinOp op) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    BIG_INT_ARG(y, 2);
    op(z, x, y);
    return RET_Z();
}

// x &^ y: GMP has no and-not; complement y into a temporary.
static void andnot(mpz_ptr z, mpz_srcptr x, mpz_srcptr y) {
    mpz_t t;
    mpz_init(t);
    mpz_com(t, y);
    mpz_and(z, x, t);
}

#define BINOP(name, fn)                                                                            \
    static RtStatus name(G *g, Slot *a, Slot *res) {                                               \
        return binop(g, a, res, fn);                                                               \
    }
BINOP(nat_add, mpz_add)
BINOP(nat_sub, mpz_sub)
BINOP(nat_mul, mpz_mul)
BINOP(nat_and, mpz_and)
BINOP(nat_or, mpz_ior)
BINOP(nat_xor, mpz_xor)
BINOP(nat_andnot, andnot)

// Go's Euclidean division: q, r with x = q*y + r and 0 <= r < |y|.
static void euclid(mpz_ptr q, mpz_ptr r, mpz_srcptr x, mpz_srcptr y) {
    mpz_t tq, tr;
    mpz_inits(tq, tr, NULL);
    mpz_tdiv_qr(tq, tr, x, y);
    if (mpz_sgn(tr) < 0) {
        if (mpz_sgn(y) > 0) {
            mpz_sub_ui(tq, tq, 1);
            mpz_add(tr, tr, y);
        } else {
            mpz_add_ui(tq, tq, 1);
            mpz_sub(tr, tr, y);
        }
    }
    if (q)
        mpz_set(q, tq);
    if (r)
        mpz_set(r, tr);
}

enum { DIV_QUO, DIV_REM, DIV_DIV, DIV_MOD };

static RtStatus divop(G *g, Slot *a, Slot *res, int kind) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    BIG_INT_ARG(y, 2);
    if (!mpz_sgn(y))
        return div_zero(g);
    switch (kind) {
    case DIV_QUO:
        mpz_tdiv_q(z, x, y);
        break;
    case DIV_REM:
        mpz_tdiv_r(z, x, y);
        break;
    case DIV_DIV:
        euclid(z, NULL, x, y);
        break;
    default:
        euclid(NULL, z, x, y);
    }
    return RET_Z();
}

static RtStatus nat_quo(G *g, Slot *a, Slot *res) {
    return divop(g, a, res, DIV_QUO);
}
static RtStatus nat_rem(G *g, Slot *a, Slot *res) {
    return divop(g, a, res, DIV_REM);
}
static RtStatus nat_div(G *g, Slot *a, Slot *res) {
    return divop(g, a, res, DIV_DIV);
}
static RtStatus nat_mod(G *g, Slot *a, Slot *res) {
    return divop(g, a, res, DIV_MOD);
}

// QuoRem(x, y, r) / DivMod(x, y, m): both results, in z and the third argument.
static RtStatus divmod2(G *g, Slot *a, Slot *res, bool euclidean) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    BIG_INT_ARG(y, 2);
    BIG_INT_ARG(r, 3);
    if (!mpz_sgn(y))
        return div_zero(g);
    mpz_t q, m;
    mpz_inits(q, m, NULL);
    if (euclidean)
        euclid(q, m, x, y);
    else
        mpz_tdiv_qr(q, m, x, y);
    mpz_set(z, q);
    mpz_set(r, m);
    res[0].p = a[0].p;
    res[1].p = a[3].p;
    return RT_OK;
}

static RtStatus nat_quo_rem(G *g, Slot *a, Slot *res) {
    return divmod2(g, a, res, false);
}
static RtStatus nat_div_mod(G *g, Slot *a, Slot *res) {
    return divmod2(g, a, res, true);
}

typedef void (*UnOp)(mpz_ptr, mpz_srcptr);

static RtStatus unop(G *g, Slot *a, Slot *res, UnOp op) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    op(z, x);
    return RET_Z();
}

static RtStatus nat_neg(G *g, Slot *a, Slot *res) {
    return unop(g, a, res, mpz_neg);
}
static RtStatus nat_abs(G *g, Slot *a, Slot *res) {
    return unop(g, a, res, mpz_abs);
}
static RtStatus nat_not(G *g, Slot *a, Slot *res) {
    return unop(g, a, res, mpz_com);
}

static RtStatus nat_sqrt(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    if (mpz_sgn(x) < 0)
        return rt_panic_str(g, "square root of negative number");
    mpz_sqrt(z, x);
    return RET_Z();
}

static int sign_of(int c) {
    return (c > 0) - (c < 0);
}

static RtStatus nat_cmp(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    BIG_INT_ARG(y, 1);
    res[0].i = sign_of(mpz_cmp(x, y));
    return RT_OK;
}

static RtStatus nat_cmp_abs(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    BIG_INT_ARG(y, 1);
    res[0].i = sign_of(mpz_cmpabs(x, y));
    return RT_OK;
}

static RtStatus shift(G *g, Slot *a, Slot *res, bool left) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    if (left)
        mpz_mul_2exp(z, x, (mp_bitcnt_t)a[2].u);
    else
        mpz_fdiv_q_2exp(z, x, (mp_bitcnt_t)a[2].u); // arithmetic shift, as Go's
    return RET_Z();
}

static RtStatus nat_lsh(G *g, Slot *a, Slot *res) {
    return shift(g, a, res, true);
}
static RtStatus nat_rsh(G *g, Slot *a, Slot *res) {
    return shift(g, a, res, false);
}

// Exp(x, y, m): x**y mod |m|; m nil or 0: x**y, or 1 when y <= 0; y < 0 with m != 0: the
// inverse's power, or nil (z unchanged) when x has no inverse mod m.
static RtStatus nat_exp(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(x, 1);
    BIG_INT_ARG(y, 2);
    mpz_ptr m = a[3].p ? big_int(a[3].p) : NULL;
    res[0].p = a[0].p;
    if (!m || !mpz_sgn(m)) {
        if (mpz_sgn(y) <= 0) {
            mpz_set_ui(z, 1);
            return RT_OK;
        }
        if (!mpz_fits_ulong_p(y)) {
            if (!mpz_cmpabs_ui(x, 1) || !mpz_sgn(x)) {
                mpz_set(z, x);
                if (mpz_sgn(x) < 0 && mpz_even_p(y))
                    mpz_neg(z, z);
                return RT_OK;
            }
            return rt_panic_str(g, "math/big: result too large"); // Go runs out of memory
        }
        mpz_pow_ui(z, x, mpz_get_ui(y));
        return RT_OK;
    }
    mpz_t am, base, e;
    mpz_inits(am, base, e, NULL);
    mpz_abs(am, m);
    mpz_abs(base, x);
    if (mpz_sgn(y) < 0 && mpz_cmp_ui(am, 1) != 0 && !mpz_invert(base, x, am)) {
        res[0].p = NULL;
        return RT_OK;
    }
    mpz_abs(e, y);
    if (!mpz_cmp_ui(am, 1)) {
        mpz_set_ui(z, 0);
        return RT_OK;
    }
    mpz_powm(z, base, e, am);
    // Go gives the result x's sign when |y| is odd (even for the inverse's power), then
    // makes it positive: |m| - z.
    if (mpz_sgn(z) && mpz_sgn(x) < 0 && mpz_odd_p(e))
        mpz_sub(z, am, z);
    return RT_OK;
}

// GCD(x, y, a, b): z = gcd(a, b) >= 0, and if x or y is non-nil, z = a*x + b*y with Go's
// cofactors.
static RtStatus nat_gcd(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    BIG_INT_ARG(ea, 3);
    BIG_INT_ARG(eb, 4);
    mpz_ptr x = a[1].p ? big_int(a[1].p) : NULL;
    mpz_ptr y = a[2].p ? big_int(a[2].p) : NULL;
    mpz_t d, s, t;
    mpz_inits(d, s, t, NULL);
    if (!mpz_sgn(ea) || !mpz_sgn(eb)) {
        // gcd(a, 0) = |a| with cofactor sign(a); gcd(0, 0) = 0.
        mpz_abs(d, mpz_sgn(ea) ? ea : eb);
        mpz_set_si(s, mpz_sgn(ea));
        mpz_set_si(t, mpz_sgn(ea) ? 0 : mpz_sgn(eb));
    } else if (!x && !y) {
        mpz_gcd(d, ea, eb);
    } else {
        // Go computes x from |a| and |b| (Lehmer), then y = (d - a*x) / b.
        mpz_t aa, ab;
        mpz_inits(aa, ab, NULL);
        mpz_abs(aa, ea);
        mpz_abs(ab, eb);
        mpz_gcdext(d, s, NULL, aa, ab);
        if (mpz_sgn(ea) < 0)
            mpz_neg(s, s);
        mpz_mul(t, ea, s);
        mpz_sub(t, d, t);
        mpz_divexact(t, t, eb);
    }
    if (x)
        mpz_set(x, s);
    if (y)
        mpz_set(y, t);
    mpz_set(z, d);
    return RET_Z();
}

static RtStatus nat_jacobi(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    BIG_INT_ARG(y, 1);
    res[0].i = mpz_jacobi(x, y);
    return RT_OK;
}

// ProbablyPrime(n): GMP's test (Baillie-PSW plus n Miller-Rabin rounds), exact below 2^64
// like Go's; negative numbers are not prime.
static RtStatus nat_probably_prime(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    if (a[1].i < 0)
        return rt_panic_str(g, "negative n for ProbablyPrime");
    int reps = a[1].i > 24 ? (int)(a[1].i > 1000 ? 1000 : a[1].i) : 25;
    res[0].i = mpz_sgn(x) > 0 && mpz_probab_prime_p(x, reps) > 0;
    return RT_OK;
}

// MulRange(a, b): the product of a..b (1 if empty, 0 if it spans 0).
static RtStatus nat_mul_range(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(z, 0);
    int64_t lo = a[1].i, hi = a[2].i;
    if (lo > hi) {
        mpz_set_ui(z, 1);
        return RET_Z();
    }
    if (lo <= 0 && hi >= 0) {
        mpz_set_ui(z, 0);
        return RET_Z();
    }
    bool neg = false;
    uint64_t ulo = (uint64_t)lo, uhi = (uint64_t)hi;
    if (lo < 0) {
        neg = (((uint64_t)hi - (uint64_t)lo) & 1) == 0;
        ulo = 0 - (uint64_t)hi;
        uhi = 0 - (uint64_t)lo;
    }
    mpz_t p;
    mpz_init_set_ui(p, 1);
    for (uint64_t i = ulo;; i++) {
        mpz_mul_ui(p, p, i);
        if (i == uhi)
            break;
    }
    if (neg)
        mpz_neg(p, p);
    mpz_set(z, p);
    return RET_Z();
}

// Float64(): nearest float64 (ties to even) and whether it is below, equal to or above x.
static RtStatus nat_float64(G *g, Slot *a, Slot *res) {
    BIG_INT_ARG(x, 0);
    mpfr_t f;
    mpfr_init2(f, 53);
    mpfr_set_z(f, x, MPFR_RNDN);
    double d = mpfr_get_d(f, MPFR_RNDN);
    res[0].f = d;
    mpfr_set_d(f, d, MPFR_RNDN);
    res[1].i = sign_of(mpfr_cmp_z(f, x));
    return RT_OK;
}

static const NativeEntry big_int_natives[] = {
    {"math/big.Int.SetInt64", nat_set_int64},
    {"math/big.Int.SetUint64", nat_set_uint64},
    {"math/big.Int.Set", nat_set},
    {"math/big.Int.Int64", nat_int64},
    {"math/big.Int.Uint64", nat_uint64},
    {"math/big.Int.IsInt64", nat_is_int64},
    {"math/big.Int.IsUint64", nat_is_uint64},
    {"math/big.Int.Sign", nat_sign},
    {"math/big.Int.BitLen", nat_bit_len},
    {"math/big.Int.TrailingZeroBits", nat_trailing_zeros},
    {"math/big.Int.Bit", nat_bit},
    {"math/big.Int.SetBit", nat_set_bit},
    {"math/big.Int.Add", nat_add},
    {"math/big.Int.Sub", nat_sub},
    {"math/big.Int.Mul", nat_mul},
    {"math/big.Int.Quo", nat_quo},
    {"math/big.Int.Rem", nat_rem},
    {"math/big.Int.Div", nat_div},
    {"math/big.Int.Mod", nat_mod},
    {"math/big.Int.QuoRem", nat_quo_rem},
    {"math/big.Int.DivMod", nat_div_mod},
    {"math/big.Int.Neg", nat_neg},
    {"math/big.Int.Abs", nat_abs},
    {"math/big.Int.Cmp", nat_cmp},
    {"math/big.Int.CmpAbs", nat_cmp_abs},
    {"math/big.Int.Exp", nat_exp},
    {"math/big.Int.GCD", nat_gcd},
    {"math/big.Int.ProbablyPrime", nat_probably_prime},
    {"math/big.Int.Sqrt", nat_sqrt},
    {"math/big.Int.Lsh", nat_lsh},
    {"math/big.Int.Rsh", nat_rsh},
    {"math/big.Int.And", nat_and},
    {"math/big.Int.Or", nat_or},
    {"math/big.Int.Xor", nat_xor},
    {"math/big.Int.Not", nat_not},
    {"math/big.Int.AndNot", nat_andnot},
    {"math/big.Int.MulRange", nat_mul_range},
    {"math/big.Int.Float64", nat_float64},
    {"math/big.jacobi", nat_jacobi},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES_LAZY(big_int_natives, big_dl_load)
