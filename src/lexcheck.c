// Validation of the raw tokens the flex rules match, ported from Go's scanner
// (cmd/compile/internal/syntax/scanner.go) so that malformed identifiers, numbers, runes and
// strings get Go's exact messages at Go's positions. The flex patterns accept exactly the
// characters Go's scanner would consume for the token; these checks only judge them.
#include "parse_int.h"

#include <stdio.h>

#include "isprint.h"
#include "quote.h"
#include "../runtime/pkg/unitab.h"
#include "utf8.h"

// Go's %#U: "U+0040 '@'" (the quoted character only when printable).
static const char *fmt_U(uint32_t c, char *buf, size_t size) {
    char u[UTF8_MAX + 1] = {0};
    utf8_encode((uint8_t *)u, c);
    if (isprint_rune((int32_t)c))
        snprintf(buf, size, "U+%04X '%s'", c, u);
    else
        snprintf(buf, size, "U+%04X", c);
    return buf;
}

// Go's %q of a rune as used in scanner messages ('x', '\n', '\x00').
static const char *fmt_q(uint32_t c, char *buf, size_t size) {
    char u[UTF8_MAX + 1] = {0};
    switch (c) {
    case '\n': return "'\\n'";
    case '\t': return "'\\t'";
    case '\r': return "'\\r'";
    case '\'': return "'\\''";
    case '\\': return "'\\\\'";
    }
    utf8_encode((uint8_t *)u, c);
    if (isprint_rune((int32_t)c))
        snprintf(buf, size, "'%s'", u);
    else if (c < 0x80)
        snprintf(buf, size, "'\\x%02x'", c);
    else
        snprintf(buf, size, "'\\u%04x'", c);
    return buf;
}

// Decode at s[i]; reports invalid UTF-8 as Go's source reader does. Returns the length.
static int next_rune(Parser *p, const char *s, int n, int i, uint32_t off, uint32_t *cp) {
    int32_t r;
    int k = utf8_decode((const uint8_t *)s + i, n - i, &r);
    *cp = (uint32_t)r;
    if (r == UTF8_RUNE_ERROR && k == 1)
        lex_error(p, off + (uint32_t)i, "invalid UTF-8 encoding");
    return k;
}

void lex_check_ident(Parser *p, const char *s, int n, uint32_t off) {
    char buf[64];
    for (int i = 0; i < n;) {
        uint32_t c;
        int k = next_rune(p, s, n, i, off, &c);
        if (c == UTF8_RUNE_ERROR && k == 1) {
            // Go's source reader reported and skipped the byte: nothing more to say
        } else if (c < 0x80 || unitab_is_letter((int32_t)c)) {
            // ok (ASCII characters here are letters, digits or '_' by the flex pattern)
        } else if (unitab_is_digit((int32_t)c)) {
            if (i == 0)
                lex_error(p, off, "identifier cannot begin with digit %s", fmt_U(c, buf, sizeof buf));
        } else {
            lex_error(p, off + (uint32_t)i, "invalid character %s in identifier",
                      fmt_U(c, buf, sizeof buf));
        }
        i += k;
    }
}

void lex_bad_char(Parser *p, const char *s, int n, uint32_t off) {
    char buf[64];
    uint32_t c = (unsigned char)s[0];
    (void)n;
    lex_error(p, off, "invalid character %s", fmt_U(c, buf, sizeof buf));
}

// ---- numbers ----

static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

static bool is_dec(char c) {
    return c >= '0' && c <= '9';
}

static bool is_hex(char c) {
    return is_dec(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

// Go's scanner.digits: consume digits of [base] (and '_') from s[*i]; record the first digit
// that is too large for base <= 10 in *invalid. Returns bit 0: a digit, bit 1: a '_'.
static int scan_digits(const char *s, int n, int *i, int base, int *invalid) {
    int digsep = 0;
    while (*i < n && (s[*i] == '_' || (base <= 10 ? is_dec(s[*i]) : is_hex(s[*i])))) {
        if (s[*i] == '_')
            digsep |= 2;
        else {
            digsep |= 1;
            if (base <= 10 && s[*i] >= '0' + base && invalid && *invalid < 0)
                *invalid = *i;
        }
        (*i)++;
    }
    return digsep;
}

// Index of the first misplaced '_' in a number literal, or -1 (Go's invalidSep).
static int invalid_sep(const char *x, int n) {
    char x1 = ' ', d = '.';
    int i = 0;
    if (n >= 2 && x[0] == '0') {
        x1 = (char)(x[1] | 0x20);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        char prev = d;
        d = x[i];
        if (d == '_') {
            if (prev != '0')
                return i;
        } else if (is_dec(d) || (x1 == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (prev == '_')
                return i - 1;
            d = '.';
        }
    }
    return d == '_' ? n - 1 : -1;
}

ExprKind lex_check_number(Parser *p, const char *s, int n, uint32_t off) {
    ExprKind kind = E_INTLIT;
    int base = 10, i = 0, digsep = 0, invalid = -1;
    char prefix = 0;
    bool ok = true, point = s[0] == '.';
    if (!point) {
        if (s[0] == '0') {
            i = 1;
            char c = i < n ? (char)(s[i] | 0x20) : 0;
            if (c == 'x' || c == 'o' || c == 'b') {
                base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
                prefix = c;
                i++;
            } else {
                base = 8, prefix = '0', digsep = 1;
            }
        }
        digsep |= scan_digits(s, n, &i, base, &invalid);
        if (i < n && s[i] == '.') {
            if (prefix == 'o' || prefix == 'b') {
                lex_error(p, off + (uint32_t)i, "invalid radix point in %s literal", base_name(base));
                ok = false;
            }
            i++;
            point = true;
        }
    } else {
        i = 1;
    }
    if (point) {
        kind = E_FLOATLIT;
        digsep |= scan_digits(s, n, &i, base, &invalid);
    }
    if (!(digsep & 1) && ok) {
        lex_error(p, off + (uint32_t)i, "%s literal has no digits", base_name(base));
        ok = false;
    }
    char e = i < n ? (char)(s[i] | 0x20) : 0;
    if (e == 'e' || e == 'p') {
        if (ok && e == 'e' && prefix != 0 && prefix != '0') {
            lex_error(p, off + (uint32_t)i, "'%c' exponent requires decimal mantissa", s[i]);
            ok = false;
        } else if (ok && e == 'p' && prefix != 'x') {
            lex_error(p, off + (uint32_t)i, "'%c' exponent requires hexadecimal mantissa", s[i]);
            ok = false;
        }
        i++;
        kind = E_FLOATLIT;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        digsep = scan_digits(s, n, &i, 10, NULL) | (digsep & 2);
        if (!(digsep & 1) && ok) {
            lex_error(p, off + (uint32_t)i, "exponent has no digits");
            ok = false;
        }
    } else if (prefix == 'x' && kind == E_FLOATLIT && ok) {
        lex_error(p, off + (uint32_t)i, "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }
    if (i < n && s[i] == 'i')
        kind = E_IMAGLIT;
    if (kind == E_INTLIT && invalid >= 0 && ok) {
        lex_error(p, off + (uint32_t)invalid, "invalid digit '%c' in %s literal", s[invalid],
                  base_name(base));
        ok = false;
    }
    if ((digsep & 2) && ok) {
        int k = invalid_sep(s, n);
        if (k >= 0) {
            lex_error(p, off + (uint32_t)k, "'_' must separate successive digits");
            ok = false;
        }
    }
    return ok ? kind : E_BAD;
}

// ---- runes and strings ----

// Go's scanner.escape with s[*i] just after the backslash, decoded by quote_escape. At the
// end of the token text, [next] is the source character that follows it (-1 at EOF).
// Returns false on an error.
static bool check_escape(Parser *p, const char *s, int n, int *i, char quote, uint32_t off,
                         int next) {
    char esc[10] = {'\\'}; // the longest escape, \U and 8 digits: the token's part, then next
    int len = 1;
    for (int j = *i; j < n && len < (int)sizeof esc; j++)
        esc[len++] = s[j];
    if (len < (int)sizeof esc && next >= 0)
        esc[len++] = (char)next;
    uint32_t x;
    size_t used;
    bool is_byte;
    EscapeStatus st = quote_escape(esc, (size_t)len, quote, &x, &used, &is_byte);
    int at = *i - 1 + (int)used; // where decoding stopped (n or more: at [next])
    char buf[64];
    switch (st) {
    case ESC_OK:
        *i = at;
        return true;
    case ESC_SHORT:
        return true; // EOF: the caller complains
    case ESC_UNKNOWN:
        lex_error(p, off + (uint32_t)*i, "unknown escape");
        return false;
    case ESC_BAD_DIGIT: {
        uint32_t r = (unsigned char)esc[used];
        if (at < n)
            next_rune(p, s, n, at, off, &r);
        lex_error(p, off + (uint32_t)at, "invalid character %s in %s escape",
                  fmt_q(r, buf, sizeof buf), base_name(esc[1] >= '0' && esc[1] <= '7' ? 8 : 16));
        return false;
    }
    case ESC_OCTAL_RANGE:
        lex_error(p, off + (uint32_t)at, "octal escape value %u > 255", x);
        return false;
    case ESC_BAD_CODE_POINT:
        lex_error(p, off + (uint32_t)at, "escape is invalid Unicode code point %s",
                  fmt_U(x, buf, sizeof buf));
        return false;
    }
    return false;
}

// The source character just past the token, or -1 at EOF.
static int char_after(Parser *p, uint32_t off, int n) {
    uint32_t at = off + (uint32_t)n;
    return at < p->len ? (unsigned char)p->src[at] : -1;
}

ExprKind lex_check_string(Parser *p, const char *s, int n, uint32_t off, bool closed) {
    int end = closed ? n - 1 : n, next = char_after(p, off, n), errors = p->lex_errors;
    for (int i = 1; i < end;) {
        if (s[i] == '\\') {
            i++;
            check_escape(p, s, n, &i, '"', off, next);
            continue;
        }
        uint32_t c;
        i += next_rune(p, s, end, i, off, &c);
    }
    if (!closed && next == '\n')
        lex_error(p, off + (uint32_t)n, "newline in string");
    else if (!closed)
        lex_error(p, off, "string not terminated");
    return p->lex_errors == errors ? E_STRINGLIT : E_BAD;
}

ExprKind lex_check_rune(Parser *p, const char *s, int n, uint32_t off, bool closed) {
    int end = closed ? n - 1 : n, next = char_after(p, off, n), count = 0, errors = p->lex_errors;
    bool ok = true;
    for (int i = 1; i < end; count++) {
        if (s[i] == '\\') {
            i++;
            if (!check_escape(p, s, n, &i, '\'', off, next))
                ok = false;
            continue;
        }
        uint32_t c;
        i += next_rune(p, s, end, i, off, &c);
    }
    if (!ok)
        return E_BAD;
    if (closed) {
        if (count == 0)
            lex_error(p, off + (uint32_t)n - 1, "empty rune literal or unescaped '");
        else if (count != 1)
            lex_error(p, off, "more than one character in rune literal");
    } else if (next == '\n') {
        lex_error(p, off + (uint32_t)n, "newline in rune literal");
    } else {
        lex_error(p, off, "rune literal not terminated");
    }
    return p->lex_errors == errors ? E_RUNELIT : E_BAD;
}
