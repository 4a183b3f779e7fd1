// Natives of big.Float (runtime/pkg/math_big.go) over MPFR: Go's precision rules (a zero
// precision takes the operands'), its six rounding modes (ToNearestAway through MPFR's
// nearest-away emulation), accuracy from MPFR's ternary values, the NaN cases Go panics
// on, and the conversions to and from machine numbers, Int and Rat.
#include <assert.h>
#include <limits.h>
#include <math.h>

#include "math_big.h"

static_assert(sizeof(__mpfr_struct) == 4 * sizeof(Slot), "an mpfr_t is four slots");

// MPFR's exponent range is per thread: Go's is the int32 range.
static void fl_env(void) {
    if (mpfr_get_emax() != INT32_MAX) {
        mpfr_set_emin(INT32_MIN);
        mpfr_set_emax(INT32_MAX);
    }
}

static mpfr_prec_t mprec(uint64_t prec) {
    return prec ? (mpfr_prec_t)prec : 1;
}

mpfr_ptr big_float(Slot *s) {
    fl_env();
    mpfr_ptr f = (mpfr_ptr)(void *)s;
    if (!f->_mpfr_d) {
        mpfr_init2(f, mprec(s[F_PREC].u));
        mpfr_set_zero(f, 1);
    }
    return f;
}

#define FL_ARG(var, i)                                                                             \
    if (!a[i].p)                                                                                   \
        return big_nil(g);                                                                         \
    mpfr_ptr var = big_float(a[i].p)
#define SLOTS(i) ((Slot *)a[i].p)

enum { NEAREST_AWAY = 1 };
static const mpfr_rnd_t rnd_of[] = {MPFR_RNDN, MPFR_RNDN, MPFR_RNDZ,
                                    MPFR_RNDA, MPFR_RNDD, MPFR_RNDU};

int big_rnd_begin(uint64_t mode, mpfr_ptr t) {
    if (mode == NEAREST_AWAY) {
        mpfr_round_nearest_away_begin(t);
        return MPFR_RNDN;
    }
    return mode < 6 ? rnd_of[mode] : MPFR_RNDN;
}

int big_rnd_end(uint64_t mode, mpfr_ptr t, int inex) {
    return mode == NEAREST_AWAY ? mpfr_round_nearest_away_end(t, inex) : inex;
}

static int sgn(int c) {
    return (c > 0) - (c < 0);
}

// Move the result [t] (already at z's precision) into Float [z] with precision [prec] and
// the accuracy of ternary value [inex].
static void fl_store(Slot *z, mpfr_srcptr t, uint64_t prec, int inex) {
    mpfr_ptr f = big_float(z);
    if (mpfr_get_prec(f) != mprec(prec))
        mpfr_set_prec(f, mprec(prec));
    mpfr_set(f, t, MPFR_RNDN);
    z[F_PREC].u = prec;
    z[F_ACC].i = sgn(inex);
}

// Round [x] into Float [z] at [prec] bits with z's mode.
static void fl_round_into(Slot *z, mpfr_srcptr x, uint64_t prec) {
    mpfr_t t;
    mpfr_init2(t, mprec(prec));
    mpfr_rnd_t r = (mpfr_rnd_t)big_rnd_begin(z[F_MODE].u, t);
    int inex = big_rnd_end(z[F_MODE].u, t, mpfr_set(t, x, r));
    fl_store(z, t, prec, inex);
}

// SetPrec(prec uint) *Float
static RtStatus nat_set_prec(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    Slot *zs = SLOTS(0);
    uint64_t prec = a[1].u > UINT32_MAX ? UINT32_MAX : a[1].u;
    zs[F_ACC].i = 0;
    res[0].p = zs;
    if (!prec) {
        zs[F_PREC].u = 0;
        if (mpfr_regular_p(z)) {
            zs[F_ACC].i = mpfr_signbit(z) ? 1 : -1;
            mpfr_set_zero(z, mpfr_signbit(z) ? -1 : 1);
        }
        return RT_OK;
    }
    if (prec < zs[F_PREC].u) {
        fl_round_into(zs, z, prec);
        return RT_OK;
    }
    zs[F_PREC].u = prec;
    mpfr_prec_round(z, mprec(prec), MPFR_RNDN); // exact: more bits
    return RT_OK;
}

static RtStatus nat_min_prec(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    res[0].u = mpfr_regular_p(x) ? (uint64_t)mpfr_min_prec(x) : 0;
    return RT_OK;
}

static RtStatus nat_sign(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    res[0].i = mpfr_sgn(x);
    return RT_OK;
}

static RtStatus nat_signbit(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    res[0].i = mpfr_signbit(x) != 0;
    return RT_OK;
}

static RtStatus nat_is_inf(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    res[0].i = mpfr_inf_p(x) != 0;
    return RT_OK;
}

static RtStatus nat_is_int(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    res[0].i = mpfr_integer_p(x) != 0;
    return RT_OK;
}

static RtStatus nat_mant_exp(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    res[0].i = mpfr_regular_p(x) ? (int64_t)mpfr_get_exp(x) : 0;
    return RT_OK;
}

static RtStatus nat_clear_exp(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    if (mpfr_regular_p(z))
        mpfr_set_exp(z, 0);
    return RT_OK;
}

// mulExp2(exp int): z *= 2**exp (exact unless the exponent leaves Go's range).
static RtStatus nat_mul_exp2(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    int inex = mpfr_mul_2si(z, z, (long)a[1].i, MPFR_RNDN);
    if (inex)
        SLOTS(0)[F_ACC].i = sgn(inex);
    return RT_OK;
}

static RtStatus nat_neg(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    mpfr_neg(z, z, MPFR_RNDN); // Go keeps the accuracy of the Set before it
    return RT_OK;
}

// ---- setters: a zero precision becomes the source's natural one ----

static void set_prec_default(Slot *z, uint64_t prec) {
    if (!z[F_PREC].u)
        z[F_PREC].u = prec;
}

static RtStatus nat_set_int64(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    GOL_UNUSED(z);
    set_prec_default(SLOTS(0), 64);
    mpfr_t t;
    mpfr_init2(t, 64);
    mpfr_set_si(t, (long)a[1].i, MPFR_RNDN);
    fl_round_into(SLOTS(0), t, SLOTS(0)[F_PREC].u);
    res[0].p = a[0].p;
    return RT_OK;
}

static RtStatus nat_set_uint64(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    GOL_UNUSED(z);
    set_prec_default(SLOTS(0), 64);
    mpfr_t t;
    mpfr_init2(t, 64);
    mpfr_set_ui(t, (unsigned long)a[1].u, MPFR_RNDN);
    fl_round_into(SLOTS(0), t, SLOTS(0)[F_PREC].u);
    res[0].p = a[0].p;
    return RT_OK;
}

static RtStatus nat_set_float64(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    GOL_UNUSED(z);
    set_prec_default(SLOTS(0), 53);
    mpfr_t t;
    mpfr_init2(t, 53);
    mpfr_set_d(t, a[1].f, MPFR_RNDN);
    fl_round_into(SLOTS(0), t, SLOTS(0)[F_PREC].u);
    return RT_OK;
}

static RtStatus nat_set_int(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    GOL_UNUSED(z);
    BIG_INT_ARG(x, 1);
    size_t bits = mpz_sgn(x) ? mpz_sizeinbase(x, 2) : 0;
    set_prec_default(SLOTS(0), bits > 64 ? bits : 64);
    mpfr_t t;
    mpfr_init2(t, mprec(SLOTS(0)[F_PREC].u));
    mpfr_rnd_t r = (mpfr_rnd_t)big_rnd_begin(SLOTS(0)[F_MODE].u, t);
    int inex = big_rnd_end(SLOTS(0)[F_MODE].u, t, mpfr_set_z(t, x, r));
    fl_store(SLOTS(0), t, SLOTS(0)[F_PREC].u, inex);
    res[0].p = a[0].p;
    return RT_OK;
}

static RtStatus nat_set_rat(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    GOL_UNUSED(z);
    if (!a[1].p)
        return big_nil(g);
    mpz_ptr num = big_int(SLOTS(1)), den = big_int(SLOTS(1) + 2);
    mpq_t q;
    mpq_init(q);
    mpz_set(mpq_numref(q), num);
    if (mpz_sgn(den))
        mpz_set(mpq_denref(q), den);
    size_t bits = mpz_sgn(num) ? mpz_sizeinbase(num, 2) : 0;
    size_t dbits = mpz_sizeinbase(mpq_denref(q), 2);
    if (dbits > bits)
        bits = dbits;
    set_prec_default(SLOTS(0), bits > 64 ? bits : 64);
    mpfr_t t;
    mpfr_init2(t, mprec(SLOTS(0)[F_PREC].u));
    mpfr_rnd_t r = (mpfr_rnd_t)big_rnd_begin(SLOTS(0)[F_MODE].u, t);
    int inex = big_rnd_end(SLOTS(0)[F_MODE].u, t, mpfr_set_q(t, q, r));
    fl_store(SLOTS(0), t, SLOTS(0)[F_PREC].u, inex);
    res[0].p = a[0].p;
    return RT_OK;
}

static RtStatus nat_set_inf(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    mpfr_set_inf(z, a[1].i ? -1 : 1);
    SLOTS(0)[F_ACC].i = 0;
    res[0].p = a[0].p;
    return RT_OK;
}

static RtStatus nat_set(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    FL_ARG(x, 1);
    Slot *zs = SLOTS(0);
    res[0].p = zs;
    zs[F_ACC].i = 0;
    if (a[0].p == a[1].p)
        return RT_OK;
    if (!zs[F_PREC].u) {
        zs[F_PREC].u = SLOTS(1)[F_PREC].u;
        mpfr_set_prec(z, mpfr_get_prec(x));
        mpfr_set(z, x, MPFR_RNDN);
        return RT_OK;
    }
    fl_round_into(zs, x, zs[F_PREC].u);
    return RT_OK;
}

static RtStatus nat_copy(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    FL_ARG(x, 1);
    Slot *zs = SLOTS(0), *xs = SLOTS(1);
    res[0].p = zs;
    if (zs == xs)
        return RT_OK;
    mpfr_set_prec(z, mpfr_get_prec(x));
    mpfr_set(z, x, MPFR_RNDN);
    zs[F_PREC] = xs[F_PREC];
    zs[F_MODE] = xs[F_MODE];
    zs[F_ACC] = xs[F_ACC];
    return RT_OK;
}

static RtStatus nat_cmp(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    FL_ARG(y, 1);
    res[0].i = sgn(mpfr_cmp(x, y));
    return RT_OK;
}

// ---- arithmetic ----

enum { OP_ADD, OP_SUB, OP_MUL, OP_QUO };
enum { NAN_NONE, NAN_ADD, NAN_SUB, NAN_MUL, NAN_QUO };

// The NaN case of x op y that Go panics on, or NAN_NONE.
static int nan_case(int op, mpfr_srcptr x, mpfr_srcptr y) {
    switch (op) {
    case OP_ADD:
        return mpfr_inf_p(x) && mpfr_inf_p(y) && mpfr_signbit(x) != mpfr_signbit(y) ? NAN_ADD : 0;
    case OP_SUB:
        return mpfr_inf_p(x) && mpfr_inf_p(y) && mpfr_signbit(x) == mpfr_signbit(y) ? NAN_SUB : 0;
    case OP_MUL:
        return (mpfr_zero_p(x) && mpfr_inf_p(y)) || (mpfr_inf_p(x) && mpfr_zero_p(y)) ? NAN_MUL
                                                                                     : 0;
    default:
        return (mpfr_zero_p(x) && mpfr_zero_p(y)) || (mpfr_inf_p(x) && mpfr_inf_p(y)) ? NAN_QUO
                                                                                     : 0;
    }
}

// arith(x, y *Float, op int) int: z = x op y rounded to z's precision (or the larger of
// x's and y's when z's is 0) in z's mode; returns the NaN case (z unchanged) or 0.
static RtStatus nat_arith(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    FL_ARG(x, 1);
    FL_ARG(y, 2);
    GOL_UNUSED(z);
    Slot *zs = SLOTS(0);
    int op = (int)a[3].i;
    res[0].i = nan_case(op, x, y);
    if (res[0].i)
        return RT_OK;
    uint64_t prec = zs[F_PREC].u;
    if (!prec) {
        prec = SLOTS(1)[F_PREC].u;
        if (SLOTS(2)[F_PREC].u > prec)
            prec = SLOTS(2)[F_PREC].u;
    }
    mpfr_t t;
    mpfr_init2(t, mprec(prec));
    uint64_t mode = zs[F_MODE].u;
    mpfr_rnd_t r = (mpfr_rnd_t)big_rnd_begin(mode, t);
    int inex;
    switch (op) {
    case OP_ADD:
        inex = mpfr_add(t, x, y, r);
        break;
    case OP_SUB:
        inex = mpfr_sub(t, x, y, r);
        break;
    case OP_MUL:
        inex = mpfr_mul(t, x, y, r);
        break;
    default:
        inex = mpfr_div(t, x, y, r);
    }
    inex = big_rnd_end(mode, t, inex);
    fl_store(zs, t, prec, inex);
    return RT_OK;
}

// Go's sqrtInverse: t = x × (1/√x by Newton's iteration from float64's estimate,
// carried at twice the bits per step until prec+32), rounded in [mode] at x's precision.
static void sqrt_inverse(mpfr_ptr t, mpfr_srcptr x, uint64_t prec, uint64_t mode) {
    double xf = mpfr_get_d(x, MPFR_RNDN);
    mpfr_t sqi, u, v;
    mpfr_inits2(53, sqi, u, v, (mpfr_ptr)0);
    mpfr_set_d(sqi, 1 / sqrt(xf), MPFR_RNDN);
    for (mpfr_prec_t p = 53; p < (mpfr_prec_t)prec + 32;) {
        p *= 2;
        mpfr_prec_round(sqi, p, MPFR_RNDN); // exact: more bits
        mpfr_set_prec(u, p);
        mpfr_set_prec(v, p);
        mpfr_mul(u, sqi, sqi, MPFR_RNDN);
        mpfr_mul(u, x, u, MPFR_RNDN);
        mpfr_ui_sub(v, 3, u, MPFR_RNDN);
        mpfr_mul(u, sqi, v, MPFR_RNDN);
        mpfr_div_2ui(u, u, 1, MPFR_RNDN);
        mpfr_set(sqi, u, MPFR_RNDN);
    }
    mpfr_rnd_t r = (mpfr_rnd_t)big_rnd_begin(mode, t);
    big_rnd_end(mode, t, mpfr_mul(t, x, sqi, r));
}

// sqrt(x *Float) bool: Go's Sqrt (false if x < 0). Go takes x's mantissa with MantExp,
// which copies x's mode into z (it stays) and keeps all of x's bits; makes the exponent
// even, runs sqrt_inverse, and halves the exponent back, leaving the accuracy Exact.
static RtStatus nat_sqrt(G *g, Slot *a, Slot *res) {
    FL_ARG(z, 0);
    FL_ARG(x, 1);
    GOL_UNUSED(z);
    Slot *zs = SLOTS(0);
    if (mpfr_sgn(x) < 0) {
        res[0].i = 0;
        return RT_OK;
    }
    res[0].i = 1;
    uint64_t prec = zs[F_PREC].u ? zs[F_PREC].u : SLOTS(1)[F_PREC].u;
    mpfr_t t;
    mpfr_init2(t, mprec(prec));
    if (!mpfr_regular_p(x)) {
        mpfr_set(t, x, MPFR_RNDN);
        fl_store(zs, t, prec, 0);
        return RT_OK;
    }
    zs[F_MODE] = SLOTS(1)[F_MODE];
    int64_t b = mpfr_get_exp(x);
    mpfr_t m;
    mpfr_init2(m, mpfr_get_prec(x));
    mpfr_set(m, x, MPFR_RNDN);
    mpfr_set_exp(m, (mpfr_exp_t)(b % 2));
    sqrt_inverse(t, m, prec, zs[F_MODE].u);
    mpfr_mul_2si(t, t, (long)(b / 2), MPFR_RNDN);
    fl_store(zs, t, prec, 0);
    return RT_OK;
}

// ---- conversions ----

// x truncated into [z]; the accuracy of z relative to x.
static int trunc_to(mpz_ptr z, mpfr_srcptr x) {
    mpfr_get_z(z, x, MPFR_RNDZ);
    return -sgn(mpfr_cmp_z(x, z));
}

static RtStatus nat_int64(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    mpz_t t;
    mpz_init(t);
    if (mpfr_inf_p(x))
        mpz_set_si(t, mpfr_signbit(x) ? LONG_MIN : LONG_MAX);
    else {
        trunc_to(t, x);
        if (!mpz_fits_slong_p(t))
            mpz_set_si(t, mpz_sgn(t) < 0 ? LONG_MIN : LONG_MAX);
    }
    res[0].i = mpz_get_si(t);
    res[1].i = -sgn(mpfr_cmp_z(x, t));
    return RT_OK;
}

static RtStatus nat_uint64(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    mpz_t t;
    mpz_init(t);
    if (mpfr_inf_p(x))
        mpz_set_ui(t, mpfr_signbit(x) ? 0 : ULONG_MAX);
    else {
        trunc_to(t, x);
        if (mpz_sgn(t) < 0)
            mpz_set_ui(t, 0);
        else if (!mpz_fits_ulong_p(t))
            mpz_set_ui(t, ULONG_MAX);
    }
    res[0].u = mpz_get_ui(t);
    res[1].i = -sgn(mpfr_cmp_z(x, t));
    // Go reports Exact for 1 <= x < 2**64 when x's mantissa fits in 64 bits, fraction or not.
    if (res[1].i && mpfr_regular_p(x) && !mpfr_signbit(x) && mpfr_get_exp(x) >= 1 &&
        mpfr_get_exp(x) <= 64 && mpfr_min_prec(x) <= 64)
        res[1].i = 0;
    return RT_OK;
}

// Float64/Float32: nearest (ties to even), subnormals and overflow to ±Inf as Go's.
static RtStatus nat_float64(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    double d = mpfr_get_d(x, MPFR_RNDN);
    res[0].f = d;
    res[1].i = -sgn(mpfr_cmp_d(x, d));
    return RT_OK;
}

static RtStatus nat_float32(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    float f = mpfr_get_flt(x, MPFR_RNDN);
    res[0].f = f;
    res[1].i = -sgn(mpfr_cmp_d(x, f));
    return RT_OK;
}

// toInt(z *Int) Accuracy: x (finite) truncated into z.
static RtStatus nat_to_int(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    BIG_INT_ARG(z, 1);
    res[0].i = trunc_to(z, x);
    return RT_OK;
}

// toRat(z *Rat): x's exact value (x finite).
static RtStatus nat_to_rat(G *g, Slot *a, Slot *res) {
    FL_ARG(x, 0);
    if (!a[1].p)
        return big_nil(g);
    mpz_ptr num = big_int(SLOTS(1)), den = big_int(SLOTS(1) + 2);
    mpz_set_ui(den, 1);
    if (mpfr_zero_p(x)) {
        mpz_set_ui(num, 0);
        return RT_OK;
    }
    mpfr_exp_t e = mpfr_get_z_2exp(num, x);
    mp_bitcnt_t tz = mpz_scan1(num, 0);
    mpz_fdiv_q_2exp(num, num, tz);
    e += (mpfr_exp_t)tz;
    if (e >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    return RT_OK;
}

static const NativeEntry big_float_natives[] = {
    {"math/big.Float.SetPrec", nat_set_prec},
    {"math/big.Float.MinPrec", nat_min_prec},
    {"math/big.Float.Sign", nat_sign},
    {"math/big.Float.Signbit", nat_signbit},
    {"math/big.Float.IsInf", nat_is_inf},
    {"math/big.Float.IsInt", nat_is_int},
    {"math/big.Float.mantExp", nat_mant_exp},
    {"math/big.Float.clearExp", nat_clear_exp},
    {"math/big.Float.mulExp2", nat_mul_exp2},
    {"math/big.Float.neg", nat_neg},
    {"math/big.Float.SetInt64", nat_set_int64},
    {"math/big.Float.SetUint64", nat_set_uint64},
    {"math/big.Float.setFloat64", nat_set_float64},
    {"math/big.Float.SetInt", nat_set_int},
    {"math/big.Float.SetRat", nat_set_rat},
    {"math/big.Float.SetInf", nat_set_inf},
    {"math/big.Float.Set", nat_set},
    {"math/big.Float.Copy", nat_copy},
    {"math/big.Float.Cmp", nat_cmp},
    {"math/big.Float.arith", nat_arith},
    {"math/big.Float.sqrt", nat_sqrt},
    {"math/big.Float.Int64", nat_int64},
    {"math/big.Float.Uint64", nat_uint64},
    {"math/big.Float.Float64", nat_float64},
    {"math/big.Float.Float32", nat_float32},
    {"math/big.Float.toInt", nat_to_int},
    {"math/big.Float.toRat", nat_to_rat},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES_LAZY(big_float_natives, big_dl_load)
