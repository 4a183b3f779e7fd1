// Go's scanner for the numbers of math/big's SetString (natconv.go's scan and
// scanExponent, with Go's rules for prefixes, radix points and '_' separators), shared by
// Int, Rat and Float. The digits become an mpz; where they were and what the exponent
// says is left to the caller.
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
        return false;
    if (count == 0) {
        if (prefix != '0')
            return false;
        clean[k++] = '0'; // the octal prefix alone is 0
    }
    clean[k] = 0;
    mpz_set_str(sc->mant, clean, base);
    return true;
}

bool big_scan_exp(BigScan *sc, const char *s, size_t n, size_t *pos, bool base2_ok) {
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
        if (c == '_') {
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
    if (!digits || inval_sep || prev == '_')
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
