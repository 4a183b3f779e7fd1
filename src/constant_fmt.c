// cv_string_repr: constants as Go's compiler prints them in messages (go/constant's String).
// Integers print exactly; floats print as %.6g of the nearest float64, falling back to the
// shortest %g when %.6g would hide a fraction (Go 1.20+, issue 56220), and to an approximate
// "d.ddddde+N" for values outside float64's range; strings are strconv.Quote'd and shortened.
#include "constant.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "constant_impl.h"

// math.Ln2 / math.Ln10 as Go evaluates it: the exact quotient rounded once to float64.
#define LOG10_2 0.30102999566398119521373889472449302676818988146211

// Go's strconv.FormatFloat(x, 'g', -1, 64): the shortest digits that round-trip, in %e form
// when the decimal exponent is < -4 or >= 6 (Go fixes that threshold at 6 for shortest).
static char *shortest_g(double x) {
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    // buf is [-]d[.ddd]e±XX: collect the digits without trailing zeros.
    char digits[32];
    int nd = 0;
    const char *p = buf + (buf[0] == '-');
    for (; *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    int exp = atoi(p + 1);
    char out[64];
    int n = 0;
    if (x < 0)
        out[n++] = '-';
    if (exp < -4 || exp >= 6) {
        out[n++] = digits[0];
        if (nd > 1) {
            out[n++] = '.';
            memcpy(out + n, digits + 1, (size_t)nd - 1);
            n += nd - 1;
        }
        snprintf(out + n, sizeof out - (size_t)n, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
        return gc_strdup(out);
    }
    int dp = exp + 1; // digits before the decimal point
    if (dp <= 0)
        out[n++] = '0';
    for (int i = 0; i < dp; i++)
        out[n++] = i < nd ? digits[i] : '0';
    if (nd > dp) {
        out[n++] = '.';
        for (int i = dp; i < nd; i++)
            out[n++] = i < 0 ? '0' : digits[i];
    }
    out[n] = 0;
    return gc_strdup(out);
}

// Outside float64's range: f = mant * 2^exp with 0.5 <= |mant| < 1, turned into an
// approximate decimal m * 10^e exactly as go/constant does (so messages match).
static char *huge_float(ConstVal *a) {
    BigInt *num, *den;
    cv_rat_parts(a, &num, &den);
    uint64_t m53;
    int64_t x;
    cv_round_rat(num, den, 53, INT64_MIN / 4, &m53, &x);
    int64_t bits = 64 - __builtin_clzll(m53);
    double mant = ldexp((double)m53, (int)-bits); // in [0.5, 1]
    int64_t exp = x + bits;
    if (bi_sign(num) < 0)
        mant = -mant;
    double d = (double)exp * (LOG10_2);
    int64_t e = (int64_t)d;
    double m = mant * pow(10, d - (double)e);
    double am = fabs(m);
    if (am < 1 - 0.5e-6) {
        m *= 10;
        e--;
    } else if (am >= 10) {
        m /= 10;
        e++;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%.6ge%+lld", m, (long long)e);
    return gc_strdup(buf);
}

static char *float_repr(ConstVal *a) {
    if (cv_sign(a) == 0)
        return gc_strdup("0");
    double x = cv_float64(a);
    if (x == 0 || isinf(x))
        return huge_float(a);
    char buf[64];
    snprintf(buf, sizeof buf, "%.6g", x);
    if (!cv_is_integral(a) && !strchr(buf, '.'))
        return shortest_g(x);
    return gc_strdup(buf);
}

// go/constant shortens quoted strings longer than 72 runes to their first 69 runes + "...".
static char *string_repr(ConstVal *a) {
    enum { MAX_RUNES = 72 };
    char *q = cv_quote(a->s, a->slen);
    int runes = 0;
    size_t cut = 0;
    for (size_t i = 0; q[i]; i++) {
        if (((unsigned char)q[i] & 0xC0) == 0x80)
            continue; // continuation byte (the quoted text is valid UTF-8)
        if (runes == MAX_RUNES - 3)
            cut = i;
        runes++;
    }
    if (runes <= MAX_RUNES)
        return q;
    memcpy(q + cut, "...", 4);
    return q;
}

char *cv_string_repr(ConstVal *a) {
    switch (a->kind) {
    case CV_BOOL:
        return gc_strdup(a->b ? "true" : "false");
    case CV_STRING:
        return string_repr(a);
    case CV_INT: {
        if (!a->small)
            return bi_to_decimal(a->num);
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)a->i);
        return gc_strdup(buf);
    }
    case CV_FLOAT:
        return float_repr(a);
    default:
        return gc_strdup("unknown");
    }
}
