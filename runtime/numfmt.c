// Integer and float formatting, ported from Go 1.19 strconv (itoa.go, ftoa.go). Shortest
// digits come from ryu.c; fixed-precision digits come from the C library's printf, which
// like Go rounds the exact binary value to nearest with ties to even, so digits agree; the
// layout (formatDigits, %e, %f, %g, %b, %x) is Go's own code.
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ryu.h"

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

void numfmt_bits(Buf *b, uint64_t u, int base, bool neg) {
    char a[65];
    int i = (int)sizeof a;
    if (base == 10) {
        while (u >= 10) {
            a[--i] = (char)('0' + u % 10);
            u /= 10;
        }
    } else if ((base & (base - 1)) == 0) {
        int shift = __builtin_ctz((unsigned)base);
        uint64_t m = (uint64_t)base - 1;
        while (u >= (uint64_t)base) {
            a[--i] = digit_chars[u & m];
            u >>= shift;
        }
    } else {
        while (u >= (uint64_t)base) {
            a[--i] = digit_chars[u % (uint64_t)base];
            u /= (uint64_t)base;
        }
    }
    a[--i] = digit_chars[u];
    if (neg)
        a[--i] = '-';
    buf_put(b, a + i, sizeof a - (size_t)i);
}

void numfmt_int(Buf *b, int64_t v, int base) {
    numfmt_bits(b, v < 0 ? -(uint64_t)v : (uint64_t)v, base, v < 0);
}

void numfmt_uint(Buf *b, uint64_t u, int base) {
    numfmt_bits(b, u, base, false);
}

// Decimal digits of a float: value = 0.d[0..nd) * 10^dp (Go's decimalSlice).
typedef struct Digits {
    const char *d;
    int nd, dp;
} Digits;

static int imin(int a, int b) {
    return a < b ? a : b;
}

static int imax(int a, int b) {
    return a > b ? a : b;
}

// Fills [out] from a printf %e / %f rendering [s] of a non-negative number: digits without
// leading or trailing zeros and the decimal point position.
static void digits_from_printf(Digits *out, char *s) {
    char *w = s, *r = s;
    int dp = -1, exp10 = 0;
    for (; *r && *r != 'e'; r++) {
        if (*r == '.')
            dp = (int)(w - s);
        else
            *w++ = *r;
    }
    if (*r == 'e')
        exp10 = atoi(r + 1);
    int n = (int)(w - s);
    if (dp < 0)
        dp = n;
    dp += exp10;
    int lead = 0;
    while (lead < n && s[lead] == '0')
        lead++;
    while (n > lead && s[n - 1] == '0')
        n--;
    out->d = s + lead;
    out->nd = n - lead;
    out->dp = out->nd ? dp - lead : 0;
}

// %e: -d.ddddde±dd
static void fmt_e(Buf *b, bool neg, const Digits *d, int prec, char fmt) {
    if (neg)
        buf_putc(b, '-');
    buf_putc(b, d->nd ? d->d[0] : '0');
    if (prec > 0) {
        buf_putc(b, '.');
        int i = 1, m = imin(d->nd, prec + 1);
        if (i < m) {
            buf_put(b, d->d + i, (size_t)(m - i));
            i = m;
        }
        if (i <= prec)
            buf_fill(b, '0', (size_t)(prec - i + 1));
    }
    buf_putc(b, fmt);
    int exp = d->nd == 0 ? 0 : d->dp - 1;
    buf_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp >= 100)
        buf_putc(b, (char)('0' + exp / 100));
    buf_putc(b, (char)('0' + exp / 10 % 10));
    buf_putc(b, (char)('0' + exp % 10));
}

// %f: -ddddddd.ddddd
static void fmt_f(Buf *b, bool neg, const Digits *d, int prec) {
    if (neg)
        buf_putc(b, '-');
    if (d->dp > 0) {
        int m = imin(d->nd, d->dp);
        buf_put(b, d->d, (size_t)m);
        buf_fill(b, '0', (size_t)(d->dp - m));
    } else {
        buf_putc(b, '0');
    }
    if (prec > 0) {
        buf_putc(b, '.');
        buf_reserve(b, (size_t)prec);
        for (int i = 0; i < prec; i++) {
            int j = d->dp + i;
            b->data[b->len++] = (0 <= j && j < d->nd) ? d->d[j] : '0';
        }
        b->data[b->len] = 0;
    }
}

// %b: -ddddddddp±ddd
static void fmt_b(Buf *b, bool neg, uint64_t mant, int exp, int mantbits) {
    numfmt_bits(b, mant, 10, neg);
    buf_putc(b, 'p');
    exp -= mantbits;
    if (exp >= 0)
        buf_putc(b, '+');
    numfmt_int(b, exp, 10);
}

// %x: -0x1.yyyyyyyyp±ddd or -0x0p+0.
static void fmt_x(Buf *b, int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits) {
    if (mant == 0)
        exp = 0;
    mant <<= 60 - mantbits; // leading 1 (if any) at bit 60
    while (mant != 0 && (mant & ((uint64_t)1 << 60)) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & (((uint64_t)1 << 60) - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > ((uint64_t)1 << 59))
            mant++;
        mant <<= 60 - shift;
        if (mant & ((uint64_t)1 << 61)) { // wrapped around
            mant >>= 1;
            exp++;
        }
    }
    const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg)
        buf_putc(b, '-');
    buf_putc(b, '0');
    buf_putc(b, fmt);
    buf_putc(b, (char)('0' + ((mant >> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
        buf_putc(b, '.');
        for (; mant != 0; mant <<= 4)
            buf_putc(b, hex[(mant >> 60) & 15]);
    } else if (prec > 0) {
        buf_putc(b, '.');
        for (int i = 0; i < prec; i++, mant <<= 4)
            buf_putc(b, hex[(mant >> 60) & 15]);
    }
    buf_putc(b, fmt == 'X' ? 'P' : 'p');
    buf_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp >= 1000)
        buf_putc(b, (char)('0' + exp / 1000));
    if (exp >= 100)
        buf_putc(b, (char)('0' + exp / 100 % 10));
    buf_putc(b, (char)('0' + exp / 10 % 10));
    buf_putc(b, (char)('0' + exp % 10));
}

// Go's formatDigits: lays out [d] for 'e' 'E' 'f' 'g' 'G'.
static void format_digits(Buf *b, bool shortest, bool neg, const Digits *d, int prec, char fmt) {
    switch (fmt) {
    case 'e':
    case 'E':
        fmt_e(b, neg, d, prec, fmt);
        return;
    case 'f':
        fmt_f(b, neg, d, prec);
        return;
    case 'g':
    case 'G': {
        int eprec = prec;
        if (eprec > d->nd && d->nd >= d->dp)
            eprec = d->nd;
        if (shortest) // %e is used if the exponent is < -4 or >= the precision
            eprec = 6;
        int exp = d->dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > d->nd)
                prec = d->nd;
            fmt_e(b, neg, d, prec - 1, (char)(fmt + 'e' - 'g'));
            return;
        }
        if (prec > d->dp)
            prec = d->nd;
        fmt_f(b, neg, d, imax(prec - d->dp, 0));
        return;
    }
    }
    buf_putc(b, '%');
    buf_putc(b, fmt);
}

// Digits of |v| from the C library's printf (exact, ties to even: Go's bigFtoa results).
static void printf_digits(Digits *d, double v, char fmt, int prec, char **store) {
    size_t cap = (size_t)prec + (fmt == 'f' ? 340 : 16);
    *store = gc_alloc_atomic(cap);
    snprintf(*store, cap, fmt == 'f' ? "%.*f" : "%.*e", prec, fabs(v));
    digits_from_printf(d, *store);
}

// %f digits through Ryū when the rounding position lies within 18 significant digits
// (the common case: Go's bigFtoa is slow too, and printf is slower); false otherwise.
static bool fixed_f_digits(RyuDigits *rd, double v, uint64_t mant, int exp, int prec) {
    ryu_fixed(rd, mant, exp, 18);
    if (rd->nd == 1 && rd->d[0] == '1') {
        // Within 5e-19 of a power of ten: rounding to 18 digits may have carried into the
        // next decade unless v is that power exactly.
        double p = 1;
        for (int i = 1; i < rd->dp && i <= 22; i++)
            p *= 10;
        if (rd->dp < 1 || rd->dp > 23 || fabs(v) != p)
            return false;
    }
    int digits = rd->dp + prec;
    if (digits < 1 || digits > 18)
        return false;
    ryu_fixed(rd, mant, exp, digits);
    return true;
}

// Correctly rounded digits of |v| for a fixed precision (Go's ryuFtoaFixed / bigFtoa).
// Returns the adjusted precision as Go's genericFtoa does.
static int fixed_digits(Digits *d, double v, uint64_t mant, int exp, char fmt, int prec,
                        char *rstore, char **store) {
    RyuDigits rd = {rstore, 0, 0};
    if (fmt == 'f') {
        if (mant != 0 && fixed_f_digits(&rd, v, mant, exp, prec))
            *d = (Digits){rd.d, rd.nd, rd.dp};
        else
            printf_digits(d, v, 'f', prec, store);
        return prec;
    }
    int digits = prec;
    if (fmt == 'e' || fmt == 'E') {
        digits++;
    } else if (fmt == 'g' || fmt == 'G') {
        if (prec == 0)
            prec = 1;
        digits = prec;
    } else {
        digits = 1;
    }
    if (digits <= 18) {
        ryu_fixed(&rd, mant, exp, digits);
        *d = (Digits){rd.d, rd.nd, rd.dp};
    } else {
        printf_digits(d, v, 'e', digits - 1, store);
    }
    return prec;
}

void numfmt_float(Buf *b, double v, char fmt, int prec, int bitsize) {
    bool f32 = bitsize == 32;
    int mantbits = f32 ? 23 : 52, expbits = f32 ? 8 : 11, bias = f32 ? -127 : -1023;
    uint64_t bits;
    if (f32) {
        float x = (float)v;
        uint32_t u;
        memcpy(&u, &x, 4);
        bits = u;
        v = x;
    } else {
        memcpy(&bits, &v, 8);
    }
    bool neg = (bits >> (expbits + mantbits)) != 0;
    int exp = (int)(bits >> mantbits) & ((1 << expbits) - 1);
    uint64_t mant = bits & (((uint64_t)1 << mantbits) - 1);
    if (exp == (1 << expbits) - 1) {
        buf_puts(b, mant ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    if (exp == 0)
        exp++; // denormal
    else
        mant |= (uint64_t)1 << mantbits;
    exp += bias;
    if (fmt == 'b') {
        fmt_b(b, neg, mant, exp, mantbits);
        return;
    }
    if (fmt == 'x' || fmt == 'X') {
        fmt_x(b, prec, fmt, neg, mant, exp, mantbits);
        return;
    }
    Digits d;
    bool shortest = prec < 0;
    if (shortest) {
        char store[32];
        RyuDigits rd = {store, 0, 0};
        ryu_shortest(&rd, mant, exp - mantbits, f32);
        d = (Digits){rd.d, rd.nd, rd.dp};
        if (fmt == 'e' || fmt == 'E')
            prec = imax(d.nd - 1, 0);
        else if (fmt == 'f')
            prec = imax(d.nd - d.dp, 0);
        else if (fmt == 'g' || fmt == 'G')
            prec = d.nd;
        format_digits(b, true, neg, &d, prec, fmt);
        return;
    }
    char *store, rstore[32];
    prec = fixed_digits(&d, v, mant, exp - mantbits, fmt, prec, rstore, &store);
    format_digits(b, false, neg, &d, prec, fmt);
}

const char *numfmt_float_str(double v, char fmt, int prec, int bitsize) {
    Buf b = {0};
    numfmt_float(&b, v, fmt, prec, bitsize);
    return buf_cstr(&b);
}
