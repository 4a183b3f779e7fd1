// Literal source text to constant values (cv_from_literal): integer literals in every base
// (with `_` separators and legacy octal), decimal and hexadecimal floats, rune literals and
// interpreted/raw strings with all of Go's escapes. The lexer has already rejected most
// malformed literals; the checks here are a backstop that reports Go's wording.
#include "constant.h"

#include <stdarg.h>
#include <stdio.h>

#include "constant_impl.h"
#include "quote.h"
#include "utf8.h"

// A formatted message in a fresh GC string.
GOL_PRINTF(1, 2) static const char *msgf(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return gc_strdup(buf);
}

// Sets *err (when [err] is not NULL) to the message and returns NULL.
GOL_PRINTF(2, 3) static ConstVal *fail(const char **err, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (err)
        *err = gc_strdup(buf);
    return NULL;
}

// The value of digit [c] in bases up to 16; 99 (too big for any base) for a non-digit.
static int digit_value(char c) {
    int d = quote_unhex((unsigned char)c);
    return d < 0 ? 99 : d;
}

static const char *base_name(int base) {
    switch (base) {
    case 2:
        return "binary literal";
    case 8:
        return "octal literal";
    case 16:
        return "hexadecimal literal";
    default:
        return "decimal literal";
    }
}

// The literal without `_` separators (a fresh GC string).
static char *strip_separators(const char *lit, int64_t *len) {
    size_t n = strlen(lit);
    char *s = gc_alloc_atomic(n + 1);
    int64_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (lit[i] != '_')
            s[j++] = lit[i];
    *len = j;
    return s;
}

// Base from the prefix; *skip receives the prefix length.
static int literal_base(const char *s, int64_t len, int *skip) {
    *skip = 0;
    if (len >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        *skip = 2;
        if (c == 'x')
            return 16;
        if (c == 'o')
            return 8;
        if (c == 'b')
            return 2;
        *skip = 1;
        return 8; // legacy octal 0777
    }
    return 10;
}

static ConstVal *parse_int(const char *lit, const char **err) {
    // Fast path for the common short decimal literal: no copy, no checks beyond digits.
    if (lit[0] >= '1' && lit[0] <= '9') {
        int64_t v = 0;
        int i = 0;
        for (; i < 18 && lit[i] >= '0' && lit[i] <= '9'; i++)
            v = v * 10 + (lit[i] - '0');
        if (lit[i] == 0)
            return cv_int(v);
    }
    int64_t len;
    char *s = strip_separators(lit, &len);
    int skip;
    int base = literal_base(s, len, &skip);
    const char *digits = s + skip;
    int64_t n = len - skip;
    if (n == 0 && skip == 2)
        return fail(err, "%s has no digits", base_name(base));
    uint64_t v = 0;
    bool overflow = false;
    for (int64_t i = 0; i < n; i++) {
        int d = digit_value(digits[i]);
        if (d >= base)
            return fail(err, "invalid digit '%c' in %s", digits[i], base_name(base));
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            overflow = true;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    return overflow ? cv_make_int(bi_from_digits(digits, n, base)) : cv_uint(v);
}

ConstVal *cv_scale(BigInt *mant, int base, int64_t exp) {
    if (bi_is_zero(mant) || exp == 0)
        return cv_make_rat(mant, bi_from_i64(1));
    uint64_t e = (uint64_t)(exp < 0 ? -exp : exp);
    // 10^e = 5^e * 2^e: the power of five is the only real multiplication.
    BigInt *p = bi_shl(base == 10 ? bi_pow(5, e) : bi_from_i64(1), e);
    if (exp > 0)
        return cv_make_rat(bi_mul(mant, p), bi_from_i64(1));
    return cv_make_rat(mant, p);
}

// Parse the exponent digits after 'e' or 'p'; saturates far beyond any accepted limit.
static bool parse_exponent(const char *s, int64_t len, int64_t *exp) {
    int64_t i = 0, v = 0;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (i == len)
        return false;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        if (v < INT64_MAX / 100)
            v = v * 10 + (s[i] - '0');
    }
    *exp = neg ? -v : v;
    return true;
}

static ConstVal *parse_float(const char *lit, const char **err) {
    int64_t len;
    char *s = strip_separators(lit, &len);
    bool hex = len >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x';
    int base = hex ? 16 : 10;
    char expch = hex ? 'p' : 'e';
    char *digits = gc_alloc_atomic((size_t)len + 1);
    int64_t nd = 0, frac = 0, exp = 0, i = hex ? 2 : 0;
    bool seen_dot = false;
    for (; i < len && (s[i] | 0x20) != expch; i++) {
        if (s[i] == '.' && !seen_dot) {
            seen_dot = true;
            continue;
        }
        if (digit_value(s[i]) >= base)
            return fail(err, "invalid digit '%c' in %s", s[i], base_name(base));
        digits[nd++] = s[i];
        frac += seen_dot;
    }
    if (i < len && !parse_exponent(s + i + 1, len - i - 1, &exp))
        return fail(err, "exponent has no digits");
    if (hex && i == len)
        return fail(err, "hexadecimal mantissa requires a 'p' exponent");
    BigInt *mant = bi_from_digits(digits, nd, base);
    int64_t e = hex ? exp - 4 * frac : exp - frac;
    ConstVal *exact;
    if (cv_small_literal(mant, hex ? 2 : 10, e, &exact))
        return exact;
    ConstVal *v = cv_approx_literal(mant, hex ? 2 : 10, e); // as big.Float does
    return v ? v : fail(err, "malformed constant: %s", lit);
}

// ---- runes and strings ----

// One character at *p (before [end]) of a literal quoted by [quote]: an escape or a UTF-8
// sequence. *is_byte is set for \x and octal escapes (raw bytes inside strings). Returns
// NULL, or Go's message for a malformed escape (a fresh string).
static const char *next_char(const char **p, const char *end, char quote, uint32_t *val,
                             bool *is_byte) {
    const char *s = *p;
    *is_byte = false;
    if (*s != '\\') {
        int32_t r;
        *p = s + utf8_decode((const uint8_t *)s, end - s, &r);
        *val = (uint32_t)r;
        return NULL;
    }
    size_t used;
    switch (quote_escape(s, (size_t)(end - s), quote, val, &used, is_byte)) {
    case ESC_OK:
        *p = s + used;
        return NULL;
    case ESC_SHORT:
        return used == 1 ? "escape sequence not terminated"
                         : "invalid character in escape sequence";
    case ESC_UNKNOWN:
        return "unknown escape";
    case ESC_BAD_DIGIT:
        return "invalid character in escape sequence";
    case ESC_OCTAL_RANGE:
        return msgf("octal escape value %u > 255", *val);
    case ESC_BAD_CODE_POINT:
        return msgf("escape is invalid Unicode code point U+%04X", *val);
    }
    return "unknown escape";
}

static ConstVal *parse_rune(const char *lit, const char **err) {
    size_t len = strlen(lit);
    if (len < 3 || lit[0] != '\'' || lit[len - 1] != '\'')
        return fail(err, "empty rune literal or unescaped ' in rune literal");
    const char *p = lit + 1, *end = lit + len - 1;
    uint32_t r;
    bool is_byte;
    const char *msg = next_char(&p, end, '\'', &r, &is_byte);
    if (msg)
        return fail(err, "%s", msg);
    if (p != end)
        return fail(err, "more than one character in rune literal");
    return cv_int(r);
}

static ConstVal *parse_string(const char *lit, const char **err) {
    size_t len = strlen(lit);
    if (len < 2 || (lit[0] != '"' && lit[0] != '`') || lit[len - 1] != lit[0])
        return fail(err, "string literal not terminated");
    const char *p = lit + 1, *end = lit + len - 1;
    char *out = gc_alloc_atomic(len + 1); // escapes never expand (\u1234 -> 3 bytes)
    int64_t n = 0;
    if (lit[0] == '`') { // raw: verbatim except that carriage returns are discarded
        for (; p < end; p++)
            if (*p != '\r')
                out[n++] = *p;
        return cv_string(out, n);
    }
    while (p < end) {
        uint32_t c;
        bool is_byte;
        const char *start = p;
        const char *msg = next_char(&p, end, '"', &c, &is_byte);
        if (msg)
            return fail(err, "%s", msg);
        if (is_byte)
            out[n++] = (char)c;
        else if (*start != '\\') // copy source bytes verbatim (even invalid UTF-8)
            while (start < p)
                out[n++] = *start++;
        else
            n += utf8_encode((uint8_t *)out + n, c);
    }
    return cv_string(out, n);
}

// An imaginary literal: its digits without the final 'i' are a decimal (even with a
// leading 0, for backward compatibility), hexadecimal, octal or binary int or float literal.
static ConstVal *parse_imag(const char *lit, const char **err) {
    size_t n = strlen(lit);
    char *s = gc_alloc_atomic(n);
    memcpy(s, lit, n - 1);
    s[n - 1] = 0;
    char p = n > 2 && s[0] == '0' ? (char)(s[1] | 0x20) : 0;
    bool int_lit = p == 'b' || p == 'o' || (p == 'x' && !strpbrk(s, ".pP"));
    ConstVal *v = int_lit ? parse_int(s, err) : parse_float(s, err);
    if (!v && *err && strncmp(*err, "malformed constant: ", 20) == 0)
        *err = msgf("malformed constant: %s", lit); // Go names the whole literal, with its i
    return v ? cv_complex(cv_int(0), v) : NULL;
}

ConstVal *cv_from_literal(ExprKind kind, const char *lit, const char **err) {
    switch (kind) {
    case E_INTLIT:
        return parse_int(lit, err);
    case E_FLOATLIT:
        return parse_float(lit, err);
    case E_IMAGLIT:
        return parse_imag(lit, err);
    case E_RUNELIT:
        return parse_rune(lit, err);
    case E_STRINGLIT:
        return parse_string(lit, err);
    default:
        return fail(err, "not a literal");
    }
}
