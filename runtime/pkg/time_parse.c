// Natives for parsing in package time (runtime/pkg/time.go): ParseDuration's grammar
// [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, and Parse's walk of a layout (Go 1.19 format.go's
// parse: lenient spaces, the fractional second the layout may not mention, zone offsets
// and abbreviations matched against the local zone), with Go's overflow rules and error
// texts. Go declarations these natives implement:
//   func parseDuration(s string) (d int64, err string)
//   func quote(s string) string
//   func parseTime(layout, value string, dkind, doff int, lkind, loff int, lname string)
//       (sec, nsec int64, where, zoff int, zname, lelem, velem, msg string, failed bool)
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "native.h"
#include "pkgutil.h"
#include "time_int.h"

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

// ---- Parse ----

// The rest of the value being parsed.
typedef struct Cursor {
    const char *p;
    size_t n;
} Cursor;

static void advance(Cursor *v, size_t k) {
    v->p += k;
    v->n -= k;
}

static bool digit_at(Cursor v, size_t i) {
    return i < v.n && v.p[i] >= '0' && v.p[i] <= '9';
}

// Go's time.atoi: an optional sign, then digits to the end (no overflow).
static bool atoi_all(const char *s, size_t n, int *x) {
    size_t i = 0;
    bool neg = false;
    if (n > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    }
    uint64_t q;
    if (!leading_int(s, n, &i, &q) || i != n)
        return false;
    *x = neg ? -(int)q : (int)q;
    return true;
}

// getnum: one or two digits (two when [fixed]).
static bool getnum(Cursor *v, bool fixed, int *x) {
    *x = 0;
    if (!digit_at(*v, 0))
        return false;
    if (!digit_at(*v, 1)) {
        if (fixed)
            return false;
        *x = v->p[0] - '0';
        advance(v, 1);
        return true;
    }
    *x = (v->p[0] - '0') * 10 + (v->p[1] - '0');
    advance(v, 2);
    return true;
}

// getnum3: one to three digits (three when [fixed]).
static bool getnum3(Cursor *v, bool fixed, int *x) {
    int n = 0;
    size_t i = 0;
    for (; i < 3 && digit_at(*v, i); i++)
        n = n * 10 + (v->p[i] - '0');
    *x = 0;
    if (i == 0 || (fixed && i != 3))
        return false;
    *x = n;
    advance(v, i);
    return true;
}

// lookup: the index of the name in [tab] (its first [len] bytes; 0: all) that the value
// starts with, ASCII case folded, or -1.
static int lookup(const char *const *tab, int ntab, size_t len, Cursor *v) {
    for (int k = 0; k < ntab; k++) {
        size_t n = len ? len : strlen(tab[k]);
        bool ok = v->n >= n;
        for (size_t i = 0; ok && i < n; i++) {
            unsigned char a = (unsigned char)v->p[i], b = (unsigned char)tab[k][i];
            if (a != b) {
                a |= 'a' - 'A';
                b |= 'a' - 'A';
                ok = a == b && a >= 'a' && a <= 'z';
            }
        }
        if (ok) {
            advance(v, n);
            return k;
        }
    }
    return -1;
}

// skip: the literal [prefix], runs of spaces matching any (non-empty where the prefix has
// one and the value does not start a new word).
static bool skip(Cursor *v, const char *prefix, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (prefix[i] == ' ') {
            if (v->n > 0 && v->p[0] != ' ')
                return false;
            while (i < n && prefix[i] == ' ')
                i++;
            while (v->n > 0 && v->p[0] == ' ')
                advance(v, 1);
            continue;
        }
        if (v->n == 0 || v->p[0] != prefix[i])
            return false;
        i++;
        advance(v, 1);
    }
    return true;
}

static bool comma_or_period(char c) {
    return c == '.' || c == ',';
}

// parseNanoseconds: value[0] a separator, then value[1:nbytes] (at most 9 digits).
static bool parse_nanoseconds(Cursor v, size_t nbytes, int *ns, const char **range_err) {
    if (!comma_or_period(v.p[0]))
        return false;
    if (nbytes > 10)
        nbytes = 10;
    if (!atoi_all(v.p + 1, nbytes - 1, ns))
        return false;
    if (*ns < 0) {
        *range_err = "fractional second";
        return true;
    }
    for (size_t i = nbytes; i < 10; i++)
        *ns *= 10;
    return true;
}

// parseSignedOffset: the length of a +hh/-hh offset (|hh| <= 23) at the start, or 0.
static size_t signed_offset_len(Cursor v) {
    if (v.n == 0 || (v.p[0] != '-' && v.p[0] != '+'))
        return 0;
    size_t i = 1;
    uint64_t x;
    if (!leading_int(v.p, v.n, &i, &x) || i == 1 || x > 23)
        return 0;
    return i;
}

// parseTimeZone: the length of the zone abbreviation the value starts with, or 0.
static size_t zone_name_len(Cursor v) {
    if (v.n < 3)
        return 0;
    if (v.n >= 4 && (memcmp(v.p, "ChST", 4) == 0 || memcmp(v.p, "MeST", 4) == 0))
        return 4;
    if (memcmp(v.p, "GMT", 3) == 0) {
        Cursor rest = {v.p + 3, v.n - 3};
        return 3 + (rest.n ? signed_offset_len(rest) : 0);
    }
    if (v.p[0] == '+' || v.p[0] == '-')
        return signed_offset_len(v);
    size_t upper = 0;
    while (upper < 6 && upper < v.n && v.p[upper] >= 'A' && v.p[upper] <= 'Z')
        upper++;
    switch (upper) {
    case 3: return 3;
    case 4: return v.p[3] == 'T' || memcmp(v.p, "WITA", 4) == 0 ? 4 : 0;
    case 5: return v.p[4] == 'T' ? 5 : 0;
    default: return 0;
    }
}

// What the walk over the layout found.
typedef struct Parsed {
    int year, month, day, yday, hour, min, sec, nsec;
    bool am, pm, utc;
    int zone_offset; // -1: none
    Cursor zone_name;
    // the error: the layout element, the value left, a message ("" for "cannot parse")
    const char *lelem;
    size_t lelem_len;
    Cursor velem;
    const char *msg;
    char msgbuf[64];
} Parsed;

// A numeric zone (-0700, Z07:00 ...) at the value; false when it is malformed.
static bool parse_zone_offset(Parsed *r, Cursor *v, int std) {
    bool iso = std == STD_ISO8601_TZ || std == STD_ISO8601_SHORT_TZ ||
               std == STD_ISO8601_COLON_TZ;
    if (iso && v->n >= 1 && v->p[0] == 'Z') {
        advance(v, 1);
        r->utc = true;
        return true;
    }
    // field offsets of sign, hour, minute, second (-1: "00") and the length
    int hh = 1, mm, ss = -1;
    size_t len;
    if (std == STD_ISO8601_COLON_TZ || std == STD_NUM_COLON_TZ) {
        if (v->n < 6 || v->p[3] != ':')
            return false;
        mm = 4, len = 6;
    } else if (std == STD_NUM_SHORT_TZ || std == STD_ISO8601_SHORT_TZ) {
        if (v->n < 3)
            return false;
        mm = -1, len = 3;
    } else if (std == STD_ISO8601_COLON_SECONDS_TZ || std == STD_NUM_COLON_SECONDS_TZ) {
        if (v->n < 9 || v->p[3] != ':' || v->p[6] != ':')
            return false;
        mm = 4, ss = 7, len = 9;
    } else if (std == STD_ISO8601_SECONDS_TZ || std == STD_NUM_SECONDS_TZ) {
        if (v->n < 7)
            return false;
        mm = 3, ss = 5, len = 7;
    } else {
        if (v->n < 5)
            return false;
        mm = 3, len = 5;
    }
    char sign = v->p[0];
    int h, m = 0, s = 0;
    bool ok = atoi_all(v->p + hh, 2, &h) && (mm < 0 || atoi_all(v->p + mm, 2, &m)) &&
              (ss < 0 || atoi_all(v->p + ss, 2, &s));
    advance(v, len);
    r->zone_offset = (h * 60 + m) * 60 + s;
    if (sign == '-')
        r->zone_offset = -r->zone_offset;
    return ok && (sign == '+' || sign == '-');
}

// One layout element [std] at the value (format.go parse's switch); false: "cannot parse".
// [rest] is the layout after the element (the seconds peek at it).
static bool parse_elem(Parsed *r, Cursor *v, int std, const char *rest, size_t nrest) {
    switch (std & STD_MASK) {
    case STD_YEAR: {
        if (v->n < 2)
            return false;
        Cursor hold = *v;
        advance(v, 2);
        if (!atoi_all(hold.p, 2, &r->year)) {
            *v = hold;
            return false;
        }
        r->year += r->year >= 69 ? 1900 : 2000;
        return true;
    }
    case STD_LONG_YEAR:
        if (v->n < 4 || !digit_at(*v, 0))
            return false;
        advance(v, 4);
        return atoi_all(v->p - 4, 4, &r->year);
    case STD_MONTH:
        r->month = lookup(time_long_months, 12, 3, v) + 1; // "Jan": the first three letters
        return r->month > 0;
    case STD_LONG_MONTH:
        r->month = lookup(time_long_months, 12, 0, v) + 1;
        return r->month > 0;
    case STD_NUM_MONTH:
    case STD_ZERO_MONTH:
        if (!getnum(v, std == STD_ZERO_MONTH, &r->month))
            return false;
        if (r->month <= 0 || r->month > 12)
            r->msg = "month";
        return true;
    case STD_WEEKDAY: return lookup(time_long_days, 7, 3, v) >= 0;
    case STD_LONG_WEEKDAY: return lookup(time_long_days, 7, 0, v) >= 0;
    case STD_DAY:
    case STD_UNDER_DAY:
    case STD_ZERO_DAY:
        if (std == STD_UNDER_DAY && v->n > 0 && v->p[0] == ' ')
            advance(v, 1);
        return getnum(v, std == STD_ZERO_DAY, &r->day);
    case STD_UNDER_YEARDAY:
    case STD_ZERO_YEARDAY:
        for (int i = 0; i < 2; i++)
            if (std == STD_UNDER_YEARDAY && v->n > 0 && v->p[0] == ' ')
                advance(v, 1);
        return getnum3(v, std == STD_ZERO_YEARDAY, &r->yday);
    case STD_HOUR: {
        bool ok = getnum(v, false, &r->hour);
        if (r->hour >= 24)
            r->msg = "hour";
        return ok;
    }
    case STD_HOUR12:
    case STD_ZERO_HOUR12: {
        bool ok = getnum(v, std == STD_ZERO_HOUR12, &r->hour);
        if (r->hour > 12)
            r->msg = "hour";
        return ok;
    }
    case STD_MINUTE:
    case STD_ZERO_MINUTE: {
        bool ok = getnum(v, std == STD_ZERO_MINUTE, &r->min);
        if (r->min >= 60)
            r->msg = "minute";
        return ok;
    }
    case STD_SECOND:
    case STD_ZERO_SECOND: {
        bool ok = getnum(v, std == STD_ZERO_SECOND, &r->sec);
        if (r->sec >= 60) {
            r->msg = "second";
            return ok;
        }
        // a fractional second in the value that the layout does not have next
        if (v->n >= 2 && comma_or_period(v->p[0]) && digit_at(*v, 1)) {
            int next;
            size_t len;
            time_next_std(rest, nrest, 0, &next, &len);
            next &= STD_MASK;
            if (next == STD_FRAC_SECOND0 || next == STD_FRAC_SECOND9)
                return ok;
            size_t n = 2;
            while (digit_at(*v, n))
                n++;
            ok = parse_nanoseconds(*v, n, &r->nsec, &r->msg);
            advance(v, n);
        }
        return ok;
    }
    case STD_PM:
    case STD_pm: {
        if (v->n < 2)
            return false;
        const char *p = v->p;
        advance(v, 2);
        bool upper = (std & STD_MASK) == STD_PM;
        r->pm = memcmp(p, upper ? "PM" : "pm", 2) == 0;
        r->am = memcmp(p, upper ? "AM" : "am", 2) == 0;
        return r->pm || r->am;
    }
    case STD_TZ: {
        if (v->n >= 3 && memcmp(v->p, "UTC", 3) == 0) {
            r->utc = true;
            advance(v, 3);
            return true;
        }
        size_t n = zone_name_len(*v);
        if (n == 0)
            return false;
        r->zone_name = (Cursor){v->p, n};
        advance(v, n);
        return true;
    }
    case STD_FRAC_SECOND0: {
        size_t nd = 1 + (size_t)((std >> STD_ARG_SHIFT) & 0xfff);
        if (v->n < nd)
            return false;
        bool ok = parse_nanoseconds(*v, nd, &r->nsec, &r->msg);
        advance(v, nd);
        return ok;
    }
    case STD_FRAC_SECOND9: {
        if (v->n < 2 || !comma_or_period(v->p[0]) || !digit_at(*v, 1))
            return true; // omitted
        size_t i = 0;
        while (i < 9 && digit_at(*v, i + 1))
            i++;
        bool ok = parse_nanoseconds(*v, 1 + i, &r->nsec, &r->msg);
        advance(v, 1 + i);
        return ok;
    }
    default:
        return parse_zone_offset(r, v, std & STD_MASK);
    }
}

static bool fail(Parsed *r, const char *lelem, size_t len, Cursor v, const char *msg) {
    r->lelem = lelem;
    r->lelem_len = len;
    r->velem = v;
    r->msg = msg;
    return false;
}

// Walks the layout over the value, filling [r]; false with r's error fields set.
static bool parse_fields(Parsed *r, const char *l, size_t ln, Cursor v) {
    size_t i = 0;
    for (;;) {
        int std;
        size_t len, at = time_next_std(l, ln, i, &std, &len);
        if (!skip(&v, l + i, at - i))
            return fail(r, l + i, at - i, v, "");
        if (std == 0) {
            if (v.n == 0)
                return true;
            Buf b = {0};
            buf_puts(&b, ": extra text: ");
            quote(&b, v.p, v.n);
            buf_putc(&b, 0);
            return fail(r, "", 0, v, b.data);
        }
        r->msg = NULL;
        bool ok = parse_elem(r, &v, std, l + at + len, ln - at - len);
        if (r->msg) {
            snprintf(r->msgbuf, sizeof r->msgbuf, ": %s out of range", r->msg);
            return fail(r, l + at, len, v, r->msgbuf);
        }
        if (!ok)
            return fail(r, l + at, len, v, "");
        i = at + len;
    }
}

static bool is_leap(int y) {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static const int days_before[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

// The month and day from the year day, checked against those the value gave.
static bool resolve_date(Parsed *r, Cursor v) {
    if (r->yday >= 0) {
        int d = 0, m = 0, yday = r->yday;
        if (is_leap(r->year)) {
            if (yday == 31 + 29)
                m = 2, d = 29;
            else if (yday > 31 + 29)
                yday--;
        }
        if (yday < 1 || yday > 365)
            return fail(r, "", 0, v, ": day-of-year out of range");
        if (m == 0) {
            m = (yday - 1) / 31 + 1;
            if (days_before[m] < yday)
                m++;
            d = yday - days_before[m - 1];
        }
        if (r->month >= 0 && r->month != m)
            return fail(r, "", 0, v, ": day-of-year does not match month");
        r->month = m;
        if (r->day >= 0 && r->day != d)
            return fail(r, "", 0, v, ": day-of-year does not match day");
        r->day = d;
    } else {
        if (r->month < 0)
            r->month = 1;
        if (r->day < 0)
            r->day = 1;
    }
    int in_month = days_before[r->month] - days_before[r->month - 1] +
                   (r->month == 2 && is_leap(r->year));
    if (r->day < 1 || r->day > in_month)
        return fail(r, "", 0, v, ": day out of range");
    return true;
}

static bool same_name(Cursor a, const char *b) {
    return strlen(b) == a.n && memcmp(a.p, b, a.n) == 0;
}

// Location.lookupName: the offset of the zone called [name] in [z] around instant [sec]
// (the C library lists no zones: the local ones are those in force within half a year).
static bool zone_offset_named(const Zone *z, Cursor name, int64_t sec, int *offset) {
    if (z->kind == ZONE_TZ) // a loaded zone lists its abbreviations, as Go's zones do
        return time_tz_lookup_name(z->offset, name.p, name.n, sec - UNIX_TO_INTERNAL, offset);
    Civil seen[3];
    int64_t at[3] = {sec, sec - 182 * 86400, sec + 182 * 86400};
    for (int k = 0; k < 3; k++)
        time_zone_at(at[k], z, &seen[k]);
    for (int k = 0; k < 3; k++) {
        Civil c;
        if (!same_name(name, seen[k].zone))
            continue;
        time_zone_at(sec - seen[k].offset, z, &c);
        if (strcmp(c.zone, seen[k].zone) == 0) {
            *offset = c.offset;
            return true;
        }
    }
    for (int k = 0; k < 3; k++)
        if (same_name(name, seen[k].zone)) {
            *offset = seen[k].offset;
            return true;
        }
    return false;
}

enum { WHERE_UTC, WHERE_LOCAL, WHERE_FIXED, WHERE_DEFAULT };

// The instant and zone of the parsed fields (format.go parse's ending).
static void resolve_zone(Parsed *r, const Zone *def, const Zone *local, Slot *res) {
    static const Zone utc = {ZONE_UTC, 0, NULL};
    int64_t sec = time_civil_to_sec(r->year, r->month, r->day, r->hour, r->min, r->sec, &utc);
    int where = WHERE_UTC, zoff = 0;
    if (r->utc) {
    } else if (r->zone_offset != -1) {
        sec -= r->zone_offset;
        Civil c;
        time_zone_at(sec, local, &c);
        where = WHERE_FIXED, zoff = r->zone_offset;
        if (c.offset == r->zone_offset && (r->zone_name.n == 0 || same_name(r->zone_name, c.zone)))
            where = WHERE_LOCAL;
    } else if (r->zone_name.n) {
        int off = 0;
        if (zone_offset_named(local, r->zone_name, sec, &off)) {
            sec -= off;
            where = WHERE_LOCAL;
        } else {
            if (r->zone_name.n > 3 && memcmp(r->zone_name.p, "GMT", 3) == 0)
                atoi_all(r->zone_name.p + 3, r->zone_name.n - 3, &off), off *= 3600;
            where = WHERE_FIXED, zoff = off;
        }
    } else {
        sec = time_civil_to_sec(r->year, r->month, r->day, r->hour, r->min, r->sec, def);
        where = WHERE_DEFAULT;
    }
    res[0].i = sec;
    res[1].i = r->nsec;
    res[2].i = where;
    res[3].i = zoff;
    res[4].p = str_new(r->zone_name.p, (int64_t)r->zone_name.n);
}

// parseTime(layout, value string, dkind, doff int, lkind, loff int, lname string)
//   (sec, nsec int64, where, zoff int, zname, lelem, velem, msg string, failed bool)
static RtStatus nat_parse_time(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Parsed r = {.month = -1, .day = -1, .yday = -1, .zone_offset = -1};
    Cursor v = {str_data(a[1].p), (size_t)str_len(a[1].p)};
    Zone def = {(ZoneKind)a[2].i, (int)a[3].i, NULL};
    Zone local = {(ZoneKind)a[4].i, (int)a[5].i, a[6].p};
    for (int k = 0; k < 9; k++)
        res[k].i = 0;
    bool ok = parse_fields(&r, str_data(a[0].p), (size_t)str_len(a[0].p), v) &&
              resolve_date(&r, (Cursor){"", 0}); // the value is used up by then
    if (!ok) {
        res[5].p = str_new(r.lelem, (int64_t)r.lelem_len);
        res[6].p = str_new(r.velem.p, (int64_t)r.velem.n);
        res[7].p = str_from_c(r.msg);
        res[8].i = 1;
        return RT_OK;
    }
    if (r.pm && r.hour < 12)
        r.hour += 12;
    else if (r.am && r.hour == 12)
        r.hour = 0;
    resolve_zone(&r, &def, &local, res);
    return RT_OK;
}

// quote(s string) string
static RtStatus nat_quote(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Buf b = {0};
    quote(&b, str_data(a[0].p), (size_t)str_len(a[0].p));
    res[0].p = buf_take_string(&b);
    return RT_OK;
}

static const NativeEntry time_parse_natives[] = {
    {"time.quote", nat_quote},
    {"time.parseDuration", nat_parse_duration},
    {"time.parseTime", nat_parse_time},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(time_parse_natives)
