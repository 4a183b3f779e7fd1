// Go's fmt/format.go, ported. Every function appends to f->buf and honours f's width,
// precision and flags exactly as Go's, including the quirks (%x of strings with ' ' and '#',
// %#g keeping trailing zeros, zero padding after the sign).
#include "fmtbase.h"

#include "isprint.h"
#include "numfmt.h"
#include "quote.h"
#include "utf8.h"

const char fmtb_ldigits[] = "0123456789abcdefx";
const char fmtb_udigits[] = "0123456789ABCDEFX";

void fmtb_write_padding(Fmt *f, int n) {
    if (n > 0)
        buf_fill(f->buf, f->fl.zero && !f->fl.minus ? '0' : ' ', (size_t)n); // left only
}

void fmtb_pad(Fmt *f, const char *s, size_t n) {
    if (!f->fl.wid_present || f->wid == 0) {
        buf_put(f->buf, s, n);
        return;
    }
    int width = f->wid - (int)utf8_count((const uint8_t *)s, (int64_t)n);
    if (!f->fl.minus) {
        fmtb_write_padding(f, width);
        buf_put(f->buf, s, n);
    } else {
        buf_put(f->buf, s, n);
        fmtb_write_padding(f, width);
    }
}

void fmtb_pad_str(Fmt *f, const char *s) {
    fmtb_pad(f, s, strlen(s));
}

void fmtb_boolean(Fmt *f, bool v) {
    fmtb_pad_str(f, v ? "true" : "false");
}

// Pads [s] with the zero flag temporarily off (numbers that handled zeros themselves).
static void pad_nozero(Fmt *f, const char *s, size_t n) {
    bool old = f->fl.zero;
    f->fl.zero = false;
    fmtb_pad(f, s, n);
    f->fl.zero = old;
}

void fmtb_unicode(Fmt *f, uint64_t u) {
    int prec = 4;
    if (f->fl.prec_present && f->prec > 4)
        prec = f->prec;
    size_t cap = (size_t)prec + 2 + 2 + UTF8_MAX + 1 + 16;
    char *buf = gc_alloc_atomic(cap);
    size_t i = cap;
    if (f->fl.sharp && u <= UTF8_MAX_RUNE && isprint_rune((int32_t)u)) {
        uint8_t tmp[UTF8_MAX];
        int w = utf8_encode(tmp, (int64_t)u);
        buf[--i] = '\'';
        i -= (size_t)w;
        memcpy(buf + i, tmp, (size_t)w);
        buf[--i] = '\'';
        buf[--i] = ' ';
    }
    while (u >= 16) {
        buf[--i] = fmtb_udigits[u & 0xF];
        prec--;
        u >>= 4;
    }
    buf[--i] = fmtb_udigits[u];
    prec--;
    for (; prec > 0; prec--)
        buf[--i] = '0';
    buf[--i] = '+';
    buf[--i] = 'U';
    pad_nozero(f, buf + i, cap - i);
}

// Digits of u in [base] right-aligned ending at buf[*i], at least [prec] digits.
static void put_digits(char *buf, size_t *i, uint64_t u, int base, const char *digits, int prec,
                       size_t cap) {
    while (u >= (uint64_t)base) {
        buf[--*i] = digits[u % (uint64_t)base];
        u /= (uint64_t)base;
    }
    buf[--*i] = digits[u];
    while (*i > 0 && prec > (int)(cap - *i))
        buf[--*i] = '0';
}

void fmtb_integer(Fmt *f, uint64_t u, int base, bool is_signed, int verb, const char *digits) {
    bool negative = is_signed && (int64_t)u < 0;
    if (negative)
        u = -u;
    size_t cap = 68;
    if (f->fl.wid_present || f->fl.prec_present) {
        size_t w = 3 + (size_t)f->wid + (size_t)f->prec;
        if (w > cap)
            cap = w;
    }
    char *buf = cap > 68 ? gc_alloc_atomic(cap) : (char[68]){0};
    int prec = 0;
    if (f->fl.prec_present) {
        prec = f->prec;
        if (prec == 0 && u == 0) { // precision 0 and value 0 print nothing but padding
            bool old = f->fl.zero;
            f->fl.zero = false;
            fmtb_write_padding(f, f->wid);
            f->fl.zero = old;
            return;
        }
    } else if (f->fl.zero && !f->fl.minus && f->fl.wid_present) {
        prec = f->wid;
        if (negative || f->fl.plus || f->fl.space)
            prec--; // leave room for the sign
    }
    size_t i = cap;
    put_digits(buf, &i, u, base, digits, prec, cap);
    if (f->fl.sharp) {
        if (base == 2) {
            buf[--i] = 'b';
            buf[--i] = '0';
        } else if (base == 8 && buf[i] != '0') {
            buf[--i] = '0';
        } else if (base == 16) {
            buf[--i] = digits[16];
            buf[--i] = '0';
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative)
        buf[--i] = '-';
    else if (f->fl.plus)
        buf[--i] = '+';
    else if (f->fl.space)
        buf[--i] = ' ';
    pad_nozero(f, buf + i, cap - i);
}

// Byte length of the first [prec] runes of s (all of s without a precision).
static size_t truncated_len(Fmt *f, const char *s, size_t n) {
    if (!f->fl.prec_present)
        return n;
    int left = f->prec;
    size_t i = 0;
    while (i < n) {
        if (--left < 0)
            return i;
        int32_t r;
        i += (unsigned char)s[i] < 0x80
                 ? 1
                 : (size_t)utf8_decode((const uint8_t *)s + i, (int64_t)(n - i), &r);
    }
    return n;
}

void fmtb_s(Fmt *f, const char *s, size_t n) {
    fmtb_pad(f, s, truncated_len(f, s, n));
}

void fmtb_sbx(Fmt *f, const char *s, size_t n, const char *digits) {
    size_t length = n;
    if (f->fl.prec_present && (size_t)f->prec < length)
        length = (size_t)f->prec;
    int width = 2 * (int)length;
    if (width <= 0) {
        if (f->fl.wid_present)
            fmtb_write_padding(f, f->wid);
        return;
    }
    if (f->fl.space) {
        if (f->fl.sharp)
            width *= 2; // each byte gets a 0x
        width += (int)length - 1;
    } else if (f->fl.sharp) {
        width += 2;
    }
    if (f->fl.wid_present && f->wid > width && !f->fl.minus)
        fmtb_write_padding(f, f->wid - width);
    Buf *b = f->buf;
    if (f->fl.sharp) {
        buf_putc(b, '0');
        buf_putc(b, digits[16]);
    }
    for (size_t i = 0; i < length; i++) {
        if (f->fl.space && i > 0) {
            buf_putc(b, ' ');
            if (f->fl.sharp) {
                buf_putc(b, '0');
                buf_putc(b, digits[16]);
            }
        }
        unsigned char c = (unsigned char)s[i];
        buf_putc(b, digits[c >> 4]);
        buf_putc(b, digits[c & 0xF]);
    }
    if (f->fl.wid_present && f->wid > width && f->fl.minus)
        fmtb_write_padding(f, f->wid - width);
}

void fmtb_q(Fmt *f, const char *s, size_t n) {
    n = truncated_len(f, s, n);
    Buf q = {0};
    if (f->fl.sharp && quote_can_backquote(s, n)) {
        buf_putc(&q, '`');
        buf_put(&q, s, n);
        buf_putc(&q, '`');
    } else {
        quote_string(&q, s, n, '"', f->fl.plus, false);
    }
    fmtb_pad(f, q.data, q.len);
}

void fmtb_c(Fmt *f, uint64_t c) {
    uint8_t tmp[UTF8_MAX];
    int w = utf8_encode(tmp, c > UTF8_MAX_RUNE ? UTF8_RUNE_ERROR : (int64_t)c);
    fmtb_pad(f, (const char *)tmp, (size_t)w);
}

void fmtb_qc(Fmt *f, uint64_t c) {
    Buf q = {0};
    quote_rune(&q, c > UTF8_MAX_RUNE ? UTF8_RUNE_ERROR : (int64_t)c, '\'', f->fl.plus, false);
    fmtb_pad(f, q.data, q.len);
}

// Under '#': force a decimal point and restore trailing zeros Go's %g would drop. [num]
// holds the sign byte then the digits; rewritten in place in [b].
static void sharp_float(Buf *b, int verb, int prec) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x')
        digits = prec == -1 ? 6 : prec;
    char tail[8] = {0};
    size_t tlen = 0;
    bool has_point = false, nonzero = false;
    for (size_t i = 1; i < b->len; i++) {
        char c = b->data[i];
        if (c == '.') {
            has_point = true;
            continue;
        }
        if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
            tlen = b->len - i;
            memcpy(tail, b->data + i, tlen < 7 ? tlen : 7);
            buf_truncate(b, i);
            break;
        }
        if (c != '0')
            nonzero = true;
        if (nonzero)
            digits--; // count significant digits after the first non-zero one
    }
    if (!has_point) {
        if (b->len == 2 && b->data[1] == '0')
            digits--; // a leading 0 counts once
        buf_putc(b, '.');
    }
    if (digits > 0)
        buf_fill(b, '0', (size_t)digits);
    buf_put(b, tail, tlen);
}

void fmtb_float(Fmt *f, double v, int size, int verb, int prec) {
    if (f->fl.prec_present)
        prec = f->prec;
    Buf nb = {0};
    buf_putc(&nb, '+'); // room for a sign
    numfmt_float(&nb, v, (char)verb, prec, size);
    char *num = nb.data;
    size_t n = nb.len;
    if (num[1] == '-' || num[1] == '+') {
        num++, n--;
    }
    if (f->fl.space && num[0] == '+' && !f->fl.plus)
        num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') { // infinities and NaN are not zero padded
        if (num[1] == 'N' && !f->fl.space && !f->fl.plus)
            num++, n--;
        pad_nozero(f, num, n);
        return;
    }
    if (f->fl.sharp && verb != 'b') {
        Buf sb = {0};
        buf_put(&sb, num, n);
        sharp_float(&sb, verb, prec);
        num = sb.data, n = sb.len;
    }
    if (f->fl.plus || num[0] != '+') {
        if (f->fl.zero && !f->fl.minus && f->fl.wid_present && f->wid > (int)n) {
            buf_putc(f->buf, num[0]); // sign before the zero padding
            fmtb_write_padding(f, f->wid - (int)n);
            buf_put(f->buf, num + 1, n - 1);
            return;
        }
        fmtb_pad(f, num, n);
        return;
    }
    fmtb_pad(f, num + 1, n - 1);
}
