// Number parsing, ported from Go 1.19 strconv (atoi.go, atof.go, atob.go). Floats are
// syntax-checked with Go's readFloat rules, then converted by the C library's strtod/strtof,
// which round correctly (to nearest, ties to even) like Go's Eisel-Lemire/decimal paths.
#include "numparse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

static char lower(char c) {
    return (char)(c | ('x' - 'X'));
}

// Go's underscoreOK: underscores only between digits (or after a base prefix).
static bool underscore_ok(const char *s, size_t n) {
    char saw = '^';
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+'))
        s++, n--;
    bool hex = false;
    if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < n; i++) {
        char c = s[i];
        if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return false;
        saw = '!';
    }
    return saw != '_';
}

// Resolves base 0 from a prefix; advances *s/*n past it. False for an invalid base.
static bool pick_base(const char **s, size_t *n, int *base) {
    if (*base >= 2 && *base <= 36)
        return true;
    if (*base != 0)
        return false;
    *base = 10;
    if ((*s)[0] != '0')
        return true;
    char c = *n >= 3 ? lower((*s)[1]) : 0;
    int skip = 2;
    if (c == 'b')
        *base = 2;
    else if (c == 'o')
        *base = 8;
    else if (c == 'x')
        *base = 16;
    else
        *base = 8, skip = 1;
    *s += skip;
    *n -= (size_t)skip;
    return true;
}

NumErr numparse_uint(const char *s, size_t n, int base, int bitsize, uint64_t *out) {
    *out = 0;
    if (n == 0)
        return NUM_SYNTAX;
    const char *s0 = s;
    size_t n0 = n;
    bool base0 = base == 0;
    if (!pick_base(&s, &n, &base))
        return NUM_BASE;
    if (bitsize == 0)
        bitsize = 64;
    else if (bitsize < 0 || bitsize > 64)
        return NUM_BITSIZE;
    uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
    uint64_t maxval = bitsize == 64 ? UINT64_MAX : ((uint64_t)1 << bitsize) - 1;
    bool underscores = false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int d;
        if (c == '_' && base0) {
            underscores = true;
            continue;
        } else if (c >= '0' && c <= '9')
            d = c - '0';
        else if (lower(c) >= 'a' && lower(c) <= 'z')
            d = lower(c) - 'a' + 10;
        else
            return NUM_SYNTAX;
        if (d >= base)
            return NUM_SYNTAX;
        if (v >= cutoff)
            return *out = maxval, NUM_RANGE;
        v *= (uint64_t)base;
        uint64_t v1 = v + (uint64_t)d;
        if (v1 < v || v1 > maxval)
            return *out = maxval, NUM_RANGE;
        v = v1;
    }
    if (underscores && !underscore_ok(s0, n0))
        return NUM_SYNTAX;
    *out = v;
    return NUM_OK;
}

NumErr numparse_int(const char *s, size_t n, int base, int bitsize, int64_t *out) {
    *out = 0;
    if (n == 0)
        return NUM_SYNTAX;
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        s++, n--;
    }
    uint64_t un;
    NumErr e = numparse_uint(s, n, base, bitsize, &un);
    if (e != NUM_OK && e != NUM_RANGE)
        return e;
    if (bitsize == 0)
        bitsize = 64;
    uint64_t cutoff = (uint64_t)1 << (bitsize - 1);
    if (!neg && un >= cutoff)
        return *out = (int64_t)(cutoff - 1), NUM_RANGE;
    if (neg && un > cutoff)
        return *out = -(int64_t)(cutoff - 1) - 1, NUM_RANGE;
    *out = neg ? (int64_t)(0 - un) : (int64_t)un;
    return NUM_OK;
}

// Length of the longest case-insensitive common prefix of s and [prefix].
static size_t prefix_len_fold(const char *s, size_t n, const char *prefix) {
    size_t i = 0;
    for (; i < n && prefix[i]; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 'a' - 'A');
        if (c != prefix[i])
            break;
    }
    return i;
}

// Go's special(): [+-]inf, [+-]infinity, nan (any case). Returns bytes consumed or 0.
static size_t special(const char *s, size_t n, double *out) {
    if (n == 0)
        return 0;
    double sign = 1;
    size_t nsign = 0;
    if (s[0] == '+' || s[0] == '-') {
        sign = s[0] == '-' ? -1 : 1;
        nsign = 1;
        s++, n--;
    } else if (lower(s[0]) == 'n') {
        if (prefix_len_fold(s, n, "nan") == 3) {
            uint64_t bits = 0x7FF8000000000001u; // Go's math.NaN()
            memcpy(out, &bits, 8);
            return 3;
        }
        return 0;
    }
    size_t k = prefix_len_fold(s, n, "infinity");
    if (k > 3 && k < 8)
        k = 3;
    if (k == 3 || k == 8)
        return *out = sign * INFINITY, nsign + k;
    return 0;
}

// Scans an exponent: [+-]digits with underscores after the first digit.
static bool read_exp(const char *s, size_t n, size_t *i, bool *underscores) {
    if (++*i >= n)
        return false;
    if (s[*i] == '+' || s[*i] == '-')
        ++*i;
    if (*i >= n || s[*i] < '0' || s[*i] > '9')
        return false;
    for (; *i < n && ((s[*i] >= '0' && s[*i] <= '9') || s[*i] == '_'); ++*i)
        if (s[*i] == '_')
            *underscores = true;
    return true;
}

// Go's readFloat syntax: returns the length of the float prefix, or 0 if none.
static size_t read_float(const char *s, size_t n) {
    size_t i = 0;
    bool underscores = false, hex = false, sawdot = false, sawdigits = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
        i += 2;
        hex = true;
    }
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_')
            underscores = true;
        else if (c == '.') {
            if (sawdot)
                break;
            sawdot = true;
        } else if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f'))
            sawdigits = true;
        else
            break;
    }
    if (!sawdigits)
        return 0;
    if (i < n && lower(s[i]) == (hex ? 'p' : 'e')) {
        if (!read_exp(s, n, &i, &underscores))
            return 0;
    } else if (hex) {
        return 0;
    }
    if (underscores && !underscore_ok(s, i))
        return 0;
    return i;
}

NumErr numparse_float(const char *s, size_t n, int bitsize, double *out) {
    *out = 0;
    double sp;
    size_t k = special(s, n, &sp);
    if (k) {
        if (k != n)
            return NUM_SYNTAX;
        *out = bitsize == 32 ? (double)(float)sp : sp;
        return NUM_OK;
    }
    if (read_float(s, n) != n || n == 0)
        return NUM_SYNTAX;
    char *c = gc_alloc_atomic(n + 1), *w = c;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            *w++ = s[i];
    *w = 0;
    double v = bitsize == 32 ? (double)strtof(c, NULL) : strtod(c, NULL);
    *out = v;
    return isinf(v) ? NUM_RANGE : NUM_OK;
}

NumErr numparse_bool(const char *s, size_t n, bool *out) {
    static const char *const yes[] = {"1", "t", "T", "TRUE", "true", "True"};
    static const char *const no[] = {"0", "f", "F", "FALSE", "false", "False"};
    *out = false;
    for (int i = 0; i < 6; i++) {
        if (strlen(yes[i]) == n && memcmp(yes[i], s, n) == 0)
            return *out = true, NUM_OK;
        if (strlen(no[i]) == n && memcmp(no[i], s, n) == 0)
            return NUM_OK;
    }
    return NUM_SYNTAX;
}
