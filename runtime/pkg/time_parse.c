// Natives for parsing in package time (runtime/pkg/time.go): ParseDuration's grammar
// [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with Go's overflow rules and error texts.
// Go declarations these natives implement:
//   func parseDuration(s string) (d int64, err string)
#include <string.h>

#include "buf.h"
#include "native.h"
#include "pkgutil.h"

#define LIMIT (1ull << 63)

// Go's time.quote: "..." with '"' and '\\' escaped, and the bytes of control and
// non-ASCII characters as \xNN (a RuneError's three bytes when they are there).
static void quote(Buf *b, const char *s, size_t n) {
    buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || c < ' ') {
            buf_printf(b, "\\x%02x", c);
        } else {
            if (c == '"' || c == '\\')
                buf_putc(b, '\\');
            buf_putc(b, (char)c);
        }
    }
    buf_putc(b, '"');
}

static GoString *invalid(const char *s, size_t n) {
    Buf b = {0};
    buf_puts(&b, "time: invalid duration ");
    quote(&b, s, n);
    return buf_take_string(&b);
}

// Consumes [0-9]* at s[*i]; false when the value overflows 1<<63.
static bool leading_int(const char *s, size_t n, size_t *i, uint64_t *x) {
    *x = 0;
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        if (*x > LIMIT / 10)
            return false;
        *x = *x * 10 + (uint64_t)(s[*i] - '0');
        if (*x > LIMIT)
            return false;
    }
    return true;
}

// Consumes [0-9]* after a '.': the digits that fit and their scale; the rest are ignored.
static void leading_fraction(const char *s, size_t n, size_t *i, uint64_t *x, double *scale) {
    bool overflow = false;
    *x = 0;
    *scale = 1;
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        if (overflow)
            continue;
        if (*x > (LIMIT - 1) / 10) {
            overflow = true;
            continue;
        }
        uint64_t y = *x * 10 + (uint64_t)(s[*i] - '0');
        if (y > LIMIT) {
            overflow = true;
            continue;
        }
        *x = y;
        *scale *= 10;
    }
}

// Nanoseconds per unit [u] (length [n]), 0 if unknown. µ is U+00B5 or U+03BC.
static uint64_t unit_of(const char *u, size_t n) {
    static const struct { const char *name; uint64_t ns; } units[] = {
        {"ns", 1}, {"us", 1000}, {"\xc2\xb5s", 1000}, {"\xce\xbcs", 1000},
        {"ms", 1000000}, {"s", 1000000000}, {"m", 60000000000ull}, {"h", 3600000000000ull},
    };
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (strlen(units[k].name) == n && memcmp(units[k].name, u, n) == 0)
            return units[k].ns;
    return 0;
}

// One [number][unit] term at s[*i], added to *d; NULL or the error.
static GoString *duration_term(const char *s, size_t n, size_t *i, uint64_t *d) {
    if (!(s[*i] == '.' || (s[*i] >= '0' && s[*i] <= '9')))
        return invalid(s, n);
    size_t start = *i;
    uint64_t v, f = 0;
    double scale = 1;
    if (!leading_int(s, n, i, &v))
        return invalid(s, n);
    bool pre = *i != start, post = false;
    if (*i < n && s[*i] == '.') {
        size_t at = ++*i;
        leading_fraction(s, n, i, &f, &scale);
        post = *i != at;
    }
    if (!pre && !post)
        return invalid(s, n);
    size_t u = *i;
    while (*i < n && s[*i] != '.' && !(s[*i] >= '0' && s[*i] <= '9'))
        (*i)++;
    Buf b = {0};
    if (*i == u) {
        buf_puts(&b, "time: missing unit in duration ");
        quote(&b, s, n);
        return buf_take_string(&b);
    }
    uint64_t unit = unit_of(s + u, *i - u);
    if (!unit) {
        buf_puts(&b, "time: unknown unit ");
        quote(&b, s + u, *i - u);
        buf_puts(&b, " in duration ");
        quote(&b, s, n);
        return buf_take_string(&b);
    }
    if (v > LIMIT / unit)
        return invalid(s, n);
    v *= unit;
    if (f > 0) {
        v += (uint64_t)((double)f * ((double)unit / scale));
        if (v > LIMIT)
            return invalid(s, n);
    }
    *d += v;
    return *d > LIMIT ? invalid(s, n) : NULL;
}

// parseDuration(s string) (d int64, err string)
static RtStatus nat_parse_duration(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    const char *s = str_data(a[0].p);
    size_t n = (size_t)str_len(a[0].p), i = 0;
    bool neg = false;
    uint64_t d = 0;
    res[0].i = 0;
    res[1].p = NULL;
    if (n > 0 && (s[0] == '-' || s[0] == '+'))
        neg = s[i++] == '-';
    if (n - i == 1 && s[i] == '0')
        return RT_OK;
    if (i == n) {
        res[1].p = invalid(s, n);
        return RT_OK;
    }
    while (i < n) {
        GoString *err = duration_term(s, n, &i, &d);
        if (err) {
            res[1].p = err;
            return RT_OK;
        }
    }
    if (!neg && d > LIMIT - 1) {
        res[1].p = invalid(s, n);
        return RT_OK;
    }
    res[0].i = neg ? (int64_t)(0 - d) : (int64_t)d;
    return RT_OK;
}

static const NativeEntry time_parse_natives[] = {
    {"time.parseDuration", nat_parse_duration},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(time_parse_natives)
