// Quoting and unquoting with Go's escapes (see quote.h), ported from Go 1.19 strconv/quote.go.
#include "quote.h"

#include "isprint.h"
#include "utf8.h"

static const char lowerhex[] = "0123456789abcdef";
// Single-letter escapes: the letter, then the character it stands for.
static const char escapes[] = "a\ab\bf\fn\nr\rt\tv\v";

static void put_hex(Buf *b, const char *prefix, uint32_t v, int digits) {
    buf_puts(b, prefix);
    for (int s = (digits - 1) * 4; s >= 0; s -= 4)
        buf_putc(b, lowerhex[(v >> s) & 0xF]);
}

// Go's appendEscapedRune.
static void escaped_rune(Buf *b, int32_t r, char quote, bool ascii, bool graphic) {
    if (r == quote || r == '\\') {
        buf_putc(b, '\\');
        buf_putc(b, (char)r);
        return;
    }
    if (ascii) {
        if (r < 0x80 && isprint_rune(r)) {
            buf_putc(b, (char)r);
            return;
        }
    } else if (isprint_rune(r) || (graphic && isprint_in_graphic_list(r))) {
        uint8_t tmp[UTF8_MAX];
        buf_put(b, (const char *)tmp, (size_t)utf8_encode(tmp, r));
        return;
    }
    for (const char *e = escapes; *e; e += 2)
        if (r == e[1]) {
            buf_putc(b, '\\');
            buf_putc(b, e[0]);
            return;
        }
    if (r < ' ' || r == 0x7f)
        put_hex(b, "\\x", (uint32_t)r, 2);
    else if (!utf8_valid_rune(r) || r < 0x10000)
        put_hex(b, "\\u", utf8_valid_rune(r) ? (uint32_t)r : 0xFFFD, 4);
    else
        put_hex(b, "\\U", (uint32_t)r, 8);
}

void quote_string(Buf *b, const char *s, size_t n, char quote, bool ascii, bool graphic) {
    const uint8_t *p = (const uint8_t *)s;
    buf_reserve(b, n + 2);
    buf_putc(b, quote);
    for (size_t i = 0; i < n;) {
        int32_t r = p[i];
        int w = 1;
        if (r >= 0x80)
            w = utf8_decode(p + i, (int64_t)(n - i), &r);
        if (w == 1 && r == UTF8_RUNE_ERROR) {
            put_hex(b, "\\x", p[i], 2);
            i++;
            continue;
        }
        escaped_rune(b, r, quote, ascii, graphic);
        i += (size_t)w;
    }
    buf_putc(b, quote);
}

void quote_rune(Buf *b, int64_t r, char quote, bool ascii, bool graphic) {
    buf_putc(b, quote);
    escaped_rune(b, utf8_valid_rune(r) ? (int32_t)r : UTF8_RUNE_ERROR, quote, ascii, graphic);
    buf_putc(b, quote);
}

bool quote_can_backquote(const char *s, size_t n) {
    const uint8_t *p = (const uint8_t *)s;
    for (size_t i = 0; i < n;) {
        int32_t r;
        int w = utf8_decode(p + i, (int64_t)(n - i), &r);
        i += (size_t)w;
        if (w > 1) {
            if (r == 0xFEFF)
                return false; // BOMs are invisible and should not be quoted
            continue;
        }
        if (r == UTF8_RUNE_ERROR)
            return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
            return false;
    }
    return true;
}

int quote_unhex(int32_t c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

EscapeStatus quote_escape(const char *s, size_t n, char quote, uint32_t *value, size_t *used,
                          bool *is_byte) {
    *is_byte = false;
    *used = 1;
    if (n < 2)
        return ESC_SHORT;
    char e = s[1];
    *used = 2;
    *value = (unsigned char)e;
    if (e == '\\' || (e == quote && (quote == '"' || quote == '\'')))
        return ESC_OK;
    for (const char *p = escapes; *p; p += 2)
        if (*p == e) {
            *value = (unsigned char)p[1];
            return ESC_OK;
        }
    // \x, \u and \U take 2, 4 and 8 hex digits after the letter; octal, 3 digits in all.
    size_t first = 2, ndig = 2;
    int base = 16;
    if (e == 'u' || e == 'U')
        ndig = e == 'u' ? 4 : 8;
    else if (e >= '0' && e <= '7')
        first = 1, ndig = 3, base = 8;
    else if (e != 'x')
        return ESC_UNKNOWN;
    uint32_t x = 0;
    for (*used = first; *used < first + ndig; (*used)++) {
        if (*used >= n)
            return ESC_SHORT;
        int d = quote_unhex((unsigned char)s[*used]);
        if (d < 0 || d >= base)
            return ESC_BAD_DIGIT;
        x = x * (uint32_t)base + (uint32_t)d;
    }
    *value = x;
    if (base == 8 && x > 255)
        return ESC_OCTAL_RANGE;
    if (x > 0x10FFFF || (x >= 0xD800 && x < 0xE000))
        return ESC_BAD_CODE_POINT;
    *is_byte = e == 'x' || base == 8;
    return ESC_OK;
}

bool quote_unquote_char(const char *s, size_t n, char quote, int32_t *value, bool *multibyte,
                        size_t *used) {
    *multibyte = false;
    if (n == 0)
        return false;
    unsigned char c = (unsigned char)s[0];
    if (c == (unsigned char)quote && (quote == '\'' || quote == '"'))
        return false;
    if (c >= 0x80) {
        *used = (size_t)utf8_decode((const uint8_t *)s, (int64_t)n, value);
        *multibyte = true;
        return true;
    }
    if (c != '\\') {
        *value = c;
        *used = 1;
        return true;
    }
    uint32_t v;
    bool is_byte;
    if (quote_escape(s, n, quote, &v, used, &is_byte) != ESC_OK)
        return false;
    *value = (int32_t)v;
    *multibyte = s[1] == 'u' || s[1] == 'U';
    return true;
}

// Backquoted: the contents without carriage returns.
static bool unquote_raw(const char *s, size_t n, Buf *out) {
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == '`')
            return false;
        if (s[i] != '\r')
            buf_putc(out, s[i]);
    }
    return true;
}

bool quote_unquote(const char *s, size_t n, Buf *out) {
    if (n < 2)
        return false;
    char q = s[0];
    if (q != s[n - 1])
        return false;
    if (q == '`')
        return unquote_raw(s, n, out);
    if (q != '"' && q != '\'')
        return false;
    const char *in = s + 1;
    size_t left = n - 2;
    while (left > 0) {
        int32_t r;
        bool mb;
        size_t used;
        if (in[0] == '\n' || !quote_unquote_char(in, left, q, &r, &mb, &used))
            return false;
        in += used;
        left -= used;
        if (r < 0x80 || !mb) {
            buf_putc(out, (char)r);
        } else {
            uint8_t tmp[UTF8_MAX];
            buf_put(out, (const char *)tmp, (size_t)utf8_encode(tmp, r));
        }
        if (q == '\'' && left != 0)
            return false;
    }
    return true; // Go accepts '' as the empty string
}
