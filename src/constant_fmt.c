// cv_string_repr: constants as Go's compiler prints them in messages (go/constant's String).
// Integers print exactly; floats print as %.6g of the nearest float64, falling back to the
// shortest %g when %.6g would hide a fraction (Go 1.20+, issue 56220), and to an approximate
// "d.ddddde+N" for values outside float64's range; strings are strconv.Quote'd and shortened.
// Float digits and quoting come from the runtime's Go-exact strconv (numfmt.c, quote.c).
#include "constant.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "constant_impl.h"
#include "numfmt.h"
#include "quote.h"
#include "pkg/math_port.h"

// math.Ln2 / math.Ln10 as Go evaluates it: the exact quotient rounded once to float64.
#define LOG10_2 0.30102999566398119521373889472449302676818988146211

// Outside float64's range: f = mant * 2^exp with 0.5 <= |mant| < 1, turned into an
// approximate decimal m * 10^e exactly as go/constant does (so messages match).
static char *huge_float(ConstVal *a) {
    BigInt *num, *den;
    cv_rat_parts(a, &num, &den);
    uint64_t m53;
    int64_t x;
    if (a->approx)
        cv_approx_round53(a, &m53, &x);
    else
        cv_round_rat(num, den, 53, INT64_MIN / 4, &m53, &x);
    int64_t bits = 64 - __builtin_clzll(m53);
    double mant = gm_ldexp((double)m53, -bits); // in [0.5, 1]
    int64_t exp = x + bits;
    if (bi_sign(num) < 0)
        mant = -mant;
    double d = (double)exp * LOG10_2;
    int64_t e = (int64_t)d;
    double m = mant * gm_pow(10, d - (double)e);
    double am = fabs(m);
    if (am < 1 - 0.5e-6) {
        m *= 10;
        e--;
    } else if (am >= 10) {
        m /= 10;
        e++;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%se%+lld", numfmt_float_str(m, 'g', 6, 64), (long long)e);
    return gc_strdup(buf);
}

static char *float_repr(ConstVal *a) {
    if (cv_sign(a) == 0)
        return gc_strdup("0");
    double x = cv_float64(a);
    if (x == 0 || isinf(x))
        return huge_float(a);
    const char *s = numfmt_float_str(x, 'g', 6, 64);
    if (!cv_is_integral(a) && !strchr(s, '.'))
        s = numfmt_float_str(x, 'g', -1, 64);
    return gc_strdup(s);
}

// go/constant shortens quoted strings longer than 72 runes to their first 69 runes + "...".
static char *string_repr(ConstVal *a) {
    enum { MAX_RUNES = 72 };
    Buf b = {0};
    quote_string(&b, cv_str(a), (size_t)a->slen, '"', false, false);
    char *q = (char *)buf_cstr(&b);
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
    case CV_COMPLEX:
        return cv_complex_repr(a);
    default:
        return gc_strdup("unknown");
    }
}
