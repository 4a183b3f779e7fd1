// Go's scanner for the numbers of math/big's SetString (natconv.go's scan and
// scanExponent, with Go's rules for prefixes, radix points and '_' separators), shared by
// Int, Rat and Float, and Float.Parse (floatconv.go: the mantissa exact, then scaled by
// Go's rounded powers of 5, so the last bit is Go's even where that is not correctly
// rounded).
#include <limits.h>
#include <string.h>

#include "gc.h"
#include "math_big.h"

// The value of digit character [c] in Go's digit set for [base], or -1.
static int digit_value(int c, int base) {
    int d = -1;
    if (c >= '0' && c <= '9')
        d = c - '0';
    else if (c >= 'a' && c <= 'z')
        d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        d = c - 'A' + (base <= 36 ? 10 : 36);
    return d < base ? d : -1;
}

// GMP's character for digit value [d] in [base] (0-9, then A-Z a-z above base 36).
static char gmp_digit(int d, int base) {
    if (d < 10)
        return (char)('0' + d);
    if (base <= 36)
        return (char)('a' + d - 10);
    return d < 36 ? (char)('A' + d - 10) : (char)('a' + d - 36);
}

bool big_scan(BigScan *sc, const char *s, size_t n, size_t *pos, int base, bool frac_ok) {
    size_t i = *pos;
    sc->err = 0;
    bool seps = base == 0; // '_' allowed only when the base comes from a prefix
    int prev = '.';        // '0' after a digit or prefix, '_' after a separator
    int prefix = 0;
    int64_t count = 0;
    if (base == 0) {
        base = 10;
        if (i < n && s[i] == '0') {
            prev = '0';
            count = 1;
            i++;
            int c = i < n ? s[i] | 0x20 : 0;
            if (c == 'b' || c == 'o' || c == 'x') {
                base = c == 'b' ? 2 : c == 'o' ? 8 : 16;
                prefix = c;
                count = 0;
                i++;
            } else if (!frac_ok && i < n) {
                base = 8;
                prefix = '0';
                count = 0;
            }
        }
    }
    char *clean = gc_alloc_atomic(n + 2);
    size_t k = 0;
    bool dp = false, inval_sep = false;
    int64_t dcount = 0;
    if (prev == '0' && count == 1)
        clean[k++] = '0';
    for (; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '.' && frac_ok && !dp) {
            if (prev == '_')
                inval_sep = true;
            dp = true;
            dcount = count;
            prev = '.';
        } else if (c == '_' && seps) {
            if (prev != '0')
                inval_sep = true;
            prev = '_';
        } else {
            int d = digit_value(c, base);
            if (d < 0)
                break;
            clean[k++] = gmp_digit(d, base);
            prev = '0';
            count++;
        }
    }
    *pos = i;
    sc->base = base;
    sc->fcount = dp ? dcount - count : 0;
    if (inval_sep || prev == '_')
        sc->err = BIG_ERR_SEP;
    if (count == 0) {
        if (prefix != '0') {
            sc->err = BIG_ERR_DIGITS;
            return false;
        }
        clean[k++] = '0'; // the octal prefix alone is 0
    }
    if (sc->err)
        return false;
    clean[k] = 0;
    mpz_set_str(sc->mant, clean, base);
    return true;
}

bool big_scan_exp(BigScan *sc, const char *s, size_t n, size_t *pos, bool base2_ok,
                  bool sep_ok) {
    size_t i = *pos;
    sc->exp = 0;
    sc->ebase = 10;
    if (i >= n)
        return true;
    if (s[i] == 'e' || s[i] == 'E')
        sc->ebase = 10;
    else if (base2_ok && (s[i] == 'p' || s[i] == 'P'))
        sc->ebase = 2;
    else
        return true;
    i++;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    int prev = '.';
    bool digits = false, inval_sep = false;
    int64_t e = 0;
    for (; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '_' && sep_ok) {
            if (prev != '0')
                inval_sep = true;
            prev = '_';
        } else if (c >= '0' && c <= '9') {
            if (e < (int64_t)1 << 50)
                e = e * 10 + (c - '0');
            digits = true;
            prev = '0';
        } else
            break;
    }
    *pos = i;
    sc->err = !digits ? BIG_ERR_DIGITS : inval_sep || prev == '_' ? BIG_ERR_SEP : 0;
    if (sc->err)
        return false;
    sc->exp = neg ? -e : e;
    return true;
}

bool big_scan_int(mpz_ptr z, const char *s, size_t n, int base) {
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    BigScan sc;
    mpz_init(sc.mant);
    if (!big_scan(&sc, s, n, &i, base, false) || i != n)
        return false;
    mpz_set(z, sc.mant);
    if (neg)
        mpz_neg(z, z);
    return true;
}

// Go's pow5 at [prec] bits: 5**n by squaring, each product rounded to nearest even, the
// squares carried at prec+64 bits.
static void pow5(mpfr_ptr z, uint64_t n, mpfr_prec_t prec) {
    mpfr_set_prec(z, prec);
    if (n <= 27) {
        uint64_t p = 1;
        for (uint64_t i = 0; i < n; i++)
            p *= 5;
        mpfr_set_ui(z, (unsigned long)p, MPFR_RNDN);
        return;
    }
    mpfr_set_ui(z, 7450580596923828125UL, MPFR_RNDN); // 5**27
    n -= 27;
    mpfr_t f;
    mpfr_init2(f, prec + 64);
    mpfr_set_ui(f, 5, MPFR_RNDN);
    for (; n > 0; n >>= 1) {
        if (n & 1)
            mpfr_mul(z, z, f, MPFR_RNDN);
        mpfr_mul(f, f, f, MPFR_RNDN);
    }
}

// Float.parse(s string, base int) (b int, code int, ch byte): Go's Parse into z; code is
// 0, or 1 EOF, 2 no digits, 3 bad '_', 4 trailing ch, 5 exponent overflow.
static RtStatus nat_float_parse(G *g, Slot *a, Slot *res) {
    if (!a[0].p)
        return big_nil(g);
    Slot *zs = a[0].p;
    mpfr_ptr z = big_float(zs);
    GoString *str = a[1].p;
    const char *s = str_data(str);
    size_t n = (size_t)str_len(str), i = 0;
    int base = (int)a[2].i;
    res[0].i = 0;
    res[1].i = 0;
    res[2].u = 0;
    if ((n == 3 || n == 4) && (n == 3 || s[0] == '+' || s[0] == '-') &&
        (!memcmp(s + n - 3, "Inf", 3) || !memcmp(s + n - 3, "inf", 3))) {
        mpfr_set_inf(z, n == 4 && s[0] == '-' ? -1 : 1);
        zs[F_ACC].i = 0;
        return RT_OK;
    }
    uint64_t prec = zs[F_PREC].u ? zs[F_PREC].u : 64;
    mpfr_set_zero(z, 1);
    bool neg = false;
    if (i >= n) {
        res[1].i = BIG_ERR_EOF;
        return RT_OK;
    }
    if (s[i] == '+' || s[i] == '-')
        neg = s[i++] == '-';
    BigScan sc;
    mpz_init(sc.mant);
    bool ok = big_scan(&sc, s, n, &i, base, true);
    res[0].i = sc.base;
    if (!ok || !big_scan_exp(&sc, s, n, &i, true, base == 0)) {
        res[1].i = sc.err;
        return RT_OK;
    }
    if (i < n) {
        res[1].i = BIG_ERR_TRAILING;
        res[2].u = (unsigned char)s[i];
    }
    if (!mpz_sgn(sc.mant)) {
        zs[F_PREC].u = prec;
        zs[F_ACC].i = 0;
        mpfr_set_prec(z, (mpfr_prec_t)prec);
        mpfr_set_zero(z, neg ? -1 : 1);
        return RT_OK;
    }
    int64_t bits = (int64_t)mpz_sizeinbase(sc.mant, 2);
    int64_t exp2 = 0, exp5 = 0, d = sc.fcount;
    if (d < 0) {
        if (sc.base == 10)
            exp5 = d, exp2 = d;
        else
            exp2 = d * (sc.base == 2 ? 1 : sc.base == 8 ? 3 : 4);
    }
    if (sc.ebase == 10)
        exp5 += sc.exp;
    exp2 += sc.exp;
    if (exp2 + bits < INT32_MIN || exp2 + bits > INT32_MAX) {
        res[1].i = BIG_ERR_EXP;
        return RT_OK;
    }
    // The mantissa exactly, times 2**exp2.
    mpfr_t m;
    mpfr_init2(m, bits > 1 ? (mpfr_prec_t)bits : 1);
    mpfr_set_z_2exp(m, sc.mant, exp2, MPFR_RNDN);
    if (neg)
        mpfr_neg(m, m, MPFR_RNDN);
    mpfr_t t;
    mpfr_init2(t, (mpfr_prec_t)prec);
    uint64_t mode = zs[F_MODE].u;
    mpfr_rnd_t r = (mpfr_rnd_t)big_rnd_begin(mode, t);
    int inex;
    if (!exp5)
        inex = mpfr_set(t, m, r);
    else {
        mpfr_t p;
        mpfr_init2(p, 2);
        pow5(p, exp5 < 0 ? 0 - (uint64_t)exp5 : (uint64_t)exp5, (mpfr_prec_t)prec + 64);
        inex = exp5 < 0 ? mpfr_div(t, m, p, r) : mpfr_mul(t, m, p, r);
    }
    inex = big_rnd_end(mode, t, inex);
    mpfr_set_prec(z, (mpfr_prec_t)prec);
    mpfr_set(z, t, MPFR_RNDN);
    zs[F_PREC].u = prec;
    zs[F_ACC].i = (inex > 0) - (inex < 0);
    return RT_OK;
}

static const NativeEntry big_scan_natives[] = {
    {"math/big.Float.parse", nat_float_parse},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES_LAZY(big_scan_natives, big_dl_load)
