// Natives of big.Rat (runtime/pkg/math_big.go; its arithmetic is Go code over Int):
// normalisation, SetString's number forms (Go's ratconv.go rules), exact SetFloat64 and the
// correctly rounded Float64/Float32 conversions (through MPFR, with the target's exponent
// range so subnormals round once).
#include <math.h>

#include "math_big.h"

// A Rat's storage: the numerator Int (two slots), then the denominator Int.
#define RAT_NUM(r) big_int((Slot *)(r))
#define RAT_DEN(r) big_int((Slot *)(r) + 2)

// Reduce a/b to lowest terms with b > 0 (b == 0 is the zero Rat's 1).
static void rat_norm(Slot *r) {
    mpz_ptr a = RAT_NUM(r), b = RAT_DEN(r);
    if (!mpz_sgn(b) || !mpz_sgn(a)) {
        mpz_set_ui(b, 1);
        return;
    }
    if (mpz_sgn(b) < 0) {
        mpz_neg(a, a);
        mpz_neg(b, b);
    }
    mpz_t d;
    mpz_init(d);
    mpz_gcd(d, a, b);
    if (mpz_cmp_ui(d, 1) != 0) {
        mpz_divexact(a, a, d);
        mpz_divexact(b, b, d);
    }
}

static RtStatus nat_norm(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return big_nil(g);
    rat_norm(a[0].p);
    res[0].p = a[0].p;
    return RT_OK;
}

// The "a/b" form: a signed Int with optional prefix, b an unsigned one, b != 0.
static bool scan_frac(Slot *r, const char *s, size_t n, size_t sep) {
    if (!big_scan_int(RAT_NUM(r), s, sep, 0))
        return false;
    BigScan sc;
    mpz_init(sc.mant);
    size_t i = sep + 1;
    if (!big_scan(&sc, s, n, &i, 0, false) || i != n || !mpz_sgn(sc.mant))
        return false;
    mpz_set(RAT_DEN(r), sc.mant);
    rat_norm(r);
    return true;
}

// The floating-point form: sign, mantissa (radix point allowed), e or p exponent.
static bool scan_float(Slot *r, const char *s, size_t n) {
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    BigScan sc;
    mpz_init(sc.mant);
    if (!big_scan(&sc, s, n, &i, 0, true) || !big_scan_exp(&sc, s, n, &i, true, true) || i != n)
        return false;
    mpz_ptr a = RAT_NUM(r), b = RAT_DEN(r);
    if (!mpz_sgn(sc.mant)) {
        mpz_set_ui(a, 0);
        mpz_set_ui(b, 1);
        return true;
    }
    // The radix point divides by base**-fcount; the exponent multiplies by ebase**exp.
    // Powers of 10 are split into powers of 2 and 5.
    int64_t exp2 = 0, exp5 = 0;
    int64_t d = sc.fcount;
    if (sc.base == 10)
        exp5 = d, exp2 = d;
    else
        exp2 = d * (sc.base == 2 ? 1 : sc.base == 8 ? 3 : 4);
    if (sc.ebase == 10)
        exp5 += sc.exp;
    exp2 += sc.exp;
    mpz_set(a, sc.mant);
    mpz_set_ui(b, 1);
    if (exp5) {
        uint64_t m = exp5 < 0 ? 0 - (uint64_t)exp5 : (uint64_t)exp5;
        if (m > 1000000)
            return false;
        mpz_t p;
        mpz_init(p);
        mpz_ui_pow_ui(p, 5, m);
        if (exp5 > 0)
            mpz_mul(a, a, p);
        else
            mpz_set(b, p);
    }
    if (exp2 < -10000000 || exp2 > 10000000)
        return false;
    if (exp2 > 0)
        mpz_mul_2exp(a, a, (mp_bitcnt_t)exp2);
    else if (exp2 < 0)
        mpz_mul_2exp(b, b, (mp_bitcnt_t)-exp2);
    if (neg)
        mpz_neg(a, a);
    rat_norm(r);
    return true;
}

// setString(s string) bool
static RtStatus nat_set_string(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return big_nil(g);
    GoString *str = a[1].p;
    const char *s = str_data(str);
    size_t n = (size_t)str_len(str);
    size_t sep = 0;
    while (sep < n && s[sep] != '/')
        sep++;
    res[0].i = sep < n ? scan_frac(a[0].p, s, n, sep) : scan_float(a[0].p, s, n);
    return RT_OK;
}

// x rounded to nearest-even at [prec] bits within a float format's exponent range
// [emin, emax] (subnormals included); *exact when no rounding happened.
static double rat_round(Slot *r, int prec, long emin, long emax, bool *exact) {
    mpq_t q;
    mpq_init(q);
    mpz_set(mpq_numref(q), RAT_NUM(r));
    if (mpz_sgn(RAT_DEN(r)))
        mpz_set(mpq_denref(q), RAT_DEN(r));
    mpfr_exp_t old_min = mpfr_get_emin(), old_max = mpfr_get_emax();
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
    mpfr_t f;
    mpfr_init2(f, prec);
    int inex = mpfr_set_q(f, q, MPFR_RNDN);
    inex = mpfr_subnormalize(f, inex, MPFR_RNDN);
    double d = mpfr_get_d(f, MPFR_RNDN);
    mpfr_set_emin(old_min);
    mpfr_set_emax(old_max);
    *exact = inex == 0 && !isinf(d);
    return d;
}

static RtStatus nat_float64(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return big_nil(g);
    bool exact;
    res[0].f = rat_round(a[0].p, 53, -1073, 1024, &exact);
    res[1].i = exact;
    return RT_OK;
}

static RtStatus nat_float32(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return big_nil(g);
    bool exact;
    res[0].f = (float)rat_round(a[0].p, 24, -148, 128, &exact);
    res[1].i = exact;
    return RT_OK;
}

// setFloat64(f float64): the exact value of a finite f.
static RtStatus nat_set_float64(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return big_nil(g);
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, a[1].f);
    mpz_set(RAT_NUM(a[0].p), mpq_numref(q));
    mpz_set(RAT_DEN(a[0].p), mpq_denref(q));
    return RT_OK;
}

static const NativeEntry big_rat_natives[] = {
    {"math/big.Rat.norm", nat_norm},
    {"math/big.Rat.setString", nat_set_string},
    {"math/big.Rat.Float64", nat_float64},
    {"math/big.Rat.Float32", nat_float32},
    {"math/big.Rat.setFloat64", nat_set_float64},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES_LAZY(big_rat_natives, big_dl_load)
