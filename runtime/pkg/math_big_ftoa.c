// big.Float's Text (runtime/pkg/math_big.go), a port of Go's ftoa.go and decimal.go: the
// exact decimal expansion of the mantissa (GMP), Go's round-half-even on those digits, the
// shortest digits that read back at the Float's precision, and the 'e' 'E' 'f' 'g' 'G'
// 'b' 'p' 'x' layouts.
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "gc.h"
#include "math_big.h"

// A decimal 0.mant × 10**exp; mant holds ASCII digits without trailing zeros.
typedef struct Dec {
    char *mant;
    int64_t n;
    int64_t exp;
} Dec;

// d = m × 2**shift exactly (m >= 0).
static void dec_init(Dec *d, mpz_srcptr m, int64_t shift) {
    d->n = 0;
    d->exp = 0;
    if (!mpz_sgn(m))
        return;
    mpz_t t;
    mpz_init_set(t, m);
    if (shift < 0) {
        uint64_t ntz = mpz_scan1(t, 0), s = (uint64_t)-shift;
        if (s > ntz)
            s = ntz;
        mpz_fdiv_q_2exp(t, t, s);
        shift += (int64_t)s;
    }
    if (shift > 0) {
        mpz_mul_2exp(t, t, (mp_bitcnt_t)shift);
        shift = 0;
    }
    if (shift < 0) { // t / 2**s == t × 5**s / 10**s
        mpz_t p;
        mpz_init(p);
        mpz_ui_pow_ui(p, 5, (unsigned long)-shift);
        mpz_mul(t, t, p);
    }
    d->mant = gc_alloc_atomic(mpz_sizeinbase(t, 10) + 2);
    mpz_get_str(d->mant, 10, t);
    int64_t n = (int64_t)strlen(d->mant);
    d->exp = n + shift;
    while (n > 0 && d->mant[n - 1] == '0')
        n--;
    d->n = n;
}

static char dec_at(const Dec *d, int64_t i) {
    return i >= 0 && i < d->n ? d->mant[i] : '0';
}

static void dec_trim(Dec *d) {
    while (d->n > 0 && d->mant[d->n - 1] == '0')
        d->n--;
    if (!d->n)
        d->exp = 0;
}

static void dec_round_up(Dec *d, int64_t n) {
    if (n < 0 || n >= d->n)
        return;
    while (n > 0 && d->mant[n - 1] >= '9')
        n--;
    if (n == 0) {
        d->mant[0] = '1';
        d->n = 1;
        d->exp++;
        return;
    }
    d->mant[n - 1]++;
    d->n = n;
}

static void dec_round_down(Dec *d, int64_t n) {
    if (n < 0 || n >= d->n)
        return;
    d->n = n;
    dec_trim(d);
}

// Round to n digits, halves to even (the digits are exact).
static void dec_round(Dec *d, int64_t n) {
    if (n < 0 || n >= d->n)
        return;
    bool up = d->mant[n] == '5' && n + 1 == d->n ? n > 0 && (d->mant[n - 1] - '0') % 2 != 0
                                                  : d->mant[n] >= '5';
    if (up)
        dec_round_up(d, n);
    else
        dec_round_down(d, n);
}

// Go's roundShortest: the fewest digits that still round to x at x's precision.
static void round_shortest(Dec *d, mpfr_srcptr x, uint64_t prec) {
    if (!d->n)
        return;
    mpz_t mant, tmp;
    mpz_inits(mant, tmp, NULL);
    int64_t exp = mpfr_get_z_2exp(mant, x);
    mpz_abs(mant, mant);
    int64_t s = (int64_t)mpz_sizeinbase(mant, 2) - (int64_t)(prec + 1);
    if (s < 0)
        mpz_mul_2exp(mant, mant, (mp_bitcnt_t)-s);
    else if (s > 0)
        mpz_fdiv_q_2exp(mant, mant, (mp_bitcnt_t)s);
    exp += s;
    Dec lower, upper;
    mpz_sub_ui(tmp, mant, 1);
    dec_init(&lower, tmp, exp);
    mpz_add_ui(tmp, mant, 1);
    dec_init(&upper, tmp, exp);
    bool inclusive = !mpz_tstbit(mant, 1);
    for (int64_t i = 0; i < d->n; i++) {
        char m = d->mant[i], l = dec_at(&lower, i), u = dec_at(&upper, i);
        bool okdown = l != m || (inclusive && i + 1 == lower.n);
        bool okup = m != u && (inclusive || m + 1 < u || i + 1 < upper.n);
        if (okdown && okup) {
            dec_round(d, i + 1);
            return;
        }
        if (okdown) {
            dec_round_down(d, i + 1);
            return;
        }
        if (okup) {
            dec_round_up(d, i + 1);
            return;
        }
    }
}

static void put_exp(Buf *b, int64_t e, bool two_digits) {
    char tmp[32];
    buf_putc(b, e < 0 ? '-' : '+');
    if (e < 0)
        e = -e;
    snprintf(tmp, sizeof tmp, two_digits && e < 10 ? "0%lld" : "%lld", (long long)e);
    buf_puts(b, tmp);
}

static void fmt_e(Buf *b, char fmt, int64_t prec, const Dec *d) {
    buf_putc(b, d->n ? d->mant[0] : '0');
    if (prec > 0) {
        buf_putc(b, '.');
        int64_t i = 1, m = d->n < prec + 1 ? d->n : prec + 1;
        for (; i < m; i++)
            buf_putc(b, d->mant[i]);
        for (; i <= prec; i++)
            buf_putc(b, '0');
    }
    buf_putc(b, fmt);
    put_exp(b, d->n ? d->exp - 1 : 0, true);
}

static void fmt_f(Buf *b, int64_t prec, const Dec *d) {
    if (d->exp > 0) {
        int64_t m = d->n < d->exp ? d->n : d->exp;
        buf_put(b, d->mant, (size_t)m);
        for (; m < d->exp; m++)
            buf_putc(b, '0');
    } else
        buf_putc(b, '0');
    if (prec > 0) {
        buf_putc(b, '.');
        for (int64_t i = 0; i < prec; i++)
            buf_putc(b, dec_at(d, d->exp + i));
    }
}

static void put_mpz(Buf *b, mpz_srcptr z, int base) {
    char *s = big_int_text(z, base);
    buf_puts(b, s);
}

// 'b': decimal mantissa of exactly prec bits, 'p', binary exponent.
static void fmt_b(Buf *b, mpfr_srcptr x) {
    if (mpfr_zero_p(x)) {
        buf_putc(b, '0');
        return;
    }
    mpz_t m;
    mpz_init(m);
    int64_t e = mpfr_get_z_2exp(m, x);
    mpz_abs(m, m);
    put_mpz(b, m, 10);
    buf_putc(b, 'p');
    put_exp(b, e, false);
}

// 'p': "0x." hexadecimal mantissa (0.5 <= m < 1) "p" binary exponent.
static void fmt_p(Buf *b, mpfr_srcptr x) {
    if (mpfr_zero_p(x)) {
        buf_putc(b, '0');
        return;
    }
    mpz_t m;
    mpz_init(m);
    mpfr_get_z_2exp(m, x);
    mpz_abs(m, m);
    size_t bits = mpz_sizeinbase(m, 2);
    mpz_mul_2exp(m, m, (4 - bits % 4) % 4);
    char *s = big_int_text(m, 16);
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '0')
        n--;
    buf_puts(b, "0x.");
    buf_put(b, s, n);
    buf_putc(b, 'p');
    put_exp(b, mpfr_get_exp(x), false);
}

// 'x': "0x1." hexadecimal digits "p" exponent, rounded to prec digits in x's mode.
static void fmt_x(Buf *b, mpfr_srcptr x, int64_t prec, uint64_t mode) {
    if (mpfr_zero_p(x)) {
        buf_puts(b, "0x0");
        if (prec > 0) {
            buf_putc(b, '.');
            for (int64_t i = 0; i < prec; i++)
                buf_putc(b, '0');
        }
        buf_puts(b, "p+00");
        return;
    }
    uint64_t n = prec < 0 ? 1 + ((uint64_t)mpfr_min_prec(x) - 1 + 3) / 4 * 4 : 1 + 4 * (uint64_t)prec;
    static const mpfr_rnd_t rnd[] = {MPFR_RNDN, MPFR_RNDN, MPFR_RNDZ,
                                     MPFR_RNDA, MPFR_RNDD,  MPFR_RNDU};
    mpfr_t t;
    mpfr_init2(t, (mpfr_prec_t)n);
    if (mode == 1) {
        mpfr_round_nearest_away_begin(t);
        mpfr_round_nearest_away_end(t, mpfr_set(t, x, MPFR_RNDN));
    } else
        mpfr_set(t, x, mode < 6 ? rnd[mode] : MPFR_RNDN);
    mpz_t m;
    mpz_init(m);
    mpfr_get_z_2exp(m, t);
    mpz_abs(m, m);
    char *s = big_int_text(m, 16);
    buf_puts(b, "0x1");
    if (s[1]) {
        buf_putc(b, '.');
        buf_puts(b, s + 1);
    }
    buf_putc(b, 'p');
    put_exp(b, (int64_t)mpfr_get_exp(t) - 1, true);
}

// Text(format byte, prec int) string
static RtStatus nat_text(G *g, Slot *a, Slot *res) {
    if (!a[0].p) {
        res[0].p = str_from_c("<nil>");
        return RT_OK;
    }
    Slot *xs = a[0].p;
    mpfr_ptr x = big_float(xs);
    char fmt = (char)a[1].u;
    int64_t prec = a[2].i;
    Buf b = {0};
    if (mpfr_signbit(x))
        buf_putc(&b, '-');
    if (mpfr_inf_p(x)) {
        buf_puts(&b, mpfr_signbit(x) ? "Inf" : "+Inf");
        goto done;
    }
    switch (fmt) {
    case 'b':
        fmt_b(&b, x);
        goto done;
    case 'p':
        fmt_p(&b, x);
        goto done;
    case 'x':
        fmt_x(&b, x, prec, xs[F_MODE].u);
        goto done;
    }
    Dec d = {0};
    if (mpfr_regular_p(x)) {
        mpz_t m;
        mpz_init(m);
        int64_t e = mpfr_get_z_2exp(m, x);
        mpz_abs(m, m);
        dec_init(&d, m, e);
    }
    bool shortest = false;
    if (prec < 0) {
        shortest = true;
        round_shortest(&d, x, xs[F_PREC].u);
        switch (fmt) {
        case 'e':
        case 'E':
            prec = d.n - 1;
            break;
        case 'f':
            prec = d.n - d.exp > 0 ? d.n - d.exp : 0;
            break;
        case 'g':
        case 'G':
            prec = d.n;
        }
    } else {
        switch (fmt) {
        case 'e':
        case 'E':
            dec_round(&d, 1 + prec);
            break;
        case 'f':
            dec_round(&d, d.exp + prec);
            break;
        case 'g':
        case 'G':
            if (!prec)
                prec = 1;
            dec_round(&d, prec);
        }
    }
    switch (fmt) {
    case 'e':
    case 'E':
        fmt_e(&b, fmt, prec, &d);
        break;
    case 'f':
        fmt_f(&b, prec, &d);
        break;
    case 'g':
    case 'G': {
        int64_t eprec = prec;
        if (eprec > d.n && d.n >= d.exp)
            eprec = d.n;
        if (shortest)
            eprec = 6;
        int64_t exp = d.exp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > d.n)
                prec = d.n;
            fmt_e(&b, (char)(fmt + 'e' - 'g'), prec - 1, &d);
            break;
        }
        if (prec > d.exp)
            prec = d.n;
        fmt_f(&b, prec - d.exp > 0 ? prec - d.exp : 0, &d);
        break;
    }
    default:
        if (b.len) // the sign was added prematurely
            b.len--;
        buf_putc(&b, '%');
        buf_putc(&b, fmt);
    }
done:
    res[0].p = b.len ? str_wrap(b.data, (int64_t)b.len) : NULL;
    return RT_OK;
}

static const NativeEntry big_ftoa_natives[] = {
    {"math/big.Float.Text", nat_text},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES_LAZY(big_ftoa_natives, big_dl_load)
