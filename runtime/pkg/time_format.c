// Natives for time.Time's calendar and Format (a port of Go 1.19's format.go layout
// engine: nextStdChunk and appendFormat), offered to runtime/pkg/time.go. Times arrive as
// time.go stores them: seconds since January 1, year 1 00:00:00 UTC plus nanoseconds. The
// calendar is the proleptic Gregorian one Go uses, valid for every year; local time takes
// its offset and zone name from the C library (TZ, /etc/localtime), as Go's Local does.
// Go declarations these natives implement (see docs/stdlib.md):
//   func formatTime(sec, nsec int64, zkind, zoff int, zname string, layout string) string
//   func dateOf(sec int64, zkind, zoff int, zname string) (year, month, day, yday, wday,
//       hour, min, s, offset int, zone string)
//   func civilToSec(year, month, day, hour, min, sec, zkind, zoff int) int64
// (zkind, zoff, zname: the Location, time_int.h's Zone)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "native.h"
#include "pkgutil.h"
#include "time_int.h"

static int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void time_zone_at(int64_t sec, const Zone *z, Civil *c) {
    c->offset = 0;
    c->isdst = false;
    strcpy(c->zone, "UTC");
    if (z->kind == ZONE_TZ) {
        time_tz_lookup(z->offset, sec - UNIX_TO_INTERNAL, c, &c->isdst);
        return;
    }
    if (z->kind == ZONE_FIXED) {
        c->offset = z->offset;
        snprintf(c->zone, sizeof c->zone, "%.*s", (int)str_len(z->name), str_data(z->name));
    }
    if (z->kind != ZONE_LOCAL)
        return;
    time_t t = (time_t)(sec - UNIX_TO_INTERNAL);
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return;
    c->offset = (int)tm.tm_gmtoff;
    c->isdst = tm.tm_isdst > 0;
    snprintf(c->zone, sizeof c->zone, "%s", tm.tm_zone ? tm.tm_zone : "");
}

// Civil date of [days] since 0001-01-01 (proleptic Gregorian; Hinnant's algorithm).
void time_civil_from_days(int64_t days, Civil *c) {
    int64_t z = days + 719468 - 719162; // shift to days since 0000-03-01
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    c->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    c->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    c->year = y + (c->month <= 2);
    bool leap = (c->year % 4 == 0 && c->year % 100 != 0) || c->year % 400 == 0;
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    c->yday = before[c->month - 1] + c->day + (leap && c->month > 2);
    c->wday = (int)(((days % 7) + 7 + 1) % 7); // 0001-01-01 was a Monday
}

static void civil_of(int64_t sec, const Zone *z, Civil *c) {
    time_zone_at(sec, z, c);
    int64_t s = sec + c->offset;
    int64_t days = floor_div(s, 86400), rem = s - days * 86400;
    time_civil_from_days(days, c);
    c->hour = (int)(rem / 3600);
    c->min = (int)(rem % 3600 / 60);
    c->sec = (int)(rem % 60);
}

// ---- layout parsing (format.go's nextStdChunk) ----

static bool has(const char *l, size_t n, size_t i, const char *w) {
    size_t k = strlen(w);
    return n >= i + k && memcmp(l + i, w, k) == 0;
}

static bool lower_at(const char *l, size_t n, size_t i) {
    return i < n && l[i] >= 'a' && l[i] <= 'z';
}

static bool digit_at(const char *l, size_t n, size_t i) {
    return i < n && l[i] >= '0' && l[i] <= '9';
}

size_t time_next_std(const char *l, size_t n, size_t from, int *std, size_t *len) {
    static const int std0x[6] = {STD_ZERO_MONTH,  STD_ZERO_DAY,    STD_ZERO_HOUR12,
                                 STD_ZERO_MINUTE, STD_ZERO_SECOND, STD_YEAR};
    static const struct { const char *w; int std; } tz[] = {
        {"-070000", STD_NUM_SECONDS_TZ}, {"-07:00:00", STD_NUM_COLON_SECONDS_TZ},
        {"-0700", STD_NUM_TZ}, {"-07:00", STD_NUM_COLON_TZ}, {"-07", STD_NUM_SHORT_TZ},
        {"Z070000", STD_ISO8601_SECONDS_TZ}, {"Z07:00:00", STD_ISO8601_COLON_SECONDS_TZ},
        {"Z0700", STD_ISO8601_TZ}, {"Z07:00", STD_ISO8601_COLON_TZ}, {"Z07", STD_ISO8601_SHORT_TZ},
    };
#define FOUND(s, k) return (*std = (s), *len = (k), i)
    for (size_t i = from; i < n; i++) {
        switch (l[i]) {
        case 'J':
            if (has(l, n, i, "January"))
                FOUND(STD_LONG_MONTH, 7);
            if (has(l, n, i, "Jan") && !lower_at(l, n, i + 3))
                FOUND(STD_MONTH, 3);
            break;
        case 'M':
            if (has(l, n, i, "Monday"))
                FOUND(STD_LONG_WEEKDAY, 6);
            if (has(l, n, i, "Mon") && !lower_at(l, n, i + 3))
                FOUND(STD_WEEKDAY, 3);
            if (has(l, n, i, "MST"))
                FOUND(STD_TZ, 3);
            break;
        case '0':
            if (i + 1 < n && l[i + 1] >= '1' && l[i + 1] <= '6')
                FOUND(std0x[l[i + 1] - '1'], 2);
            if (has(l, n, i, "002"))
                FOUND(STD_ZERO_YEARDAY, 3);
            break;
        case '1':
            if (has(l, n, i, "15"))
                FOUND(STD_HOUR, 2);
            FOUND(STD_NUM_MONTH, 1);
        case '2':
            if (has(l, n, i, "2006"))
                FOUND(STD_LONG_YEAR, 4);
            FOUND(STD_DAY, 1);
        case '_':
            if (has(l, n, i, "_2")) {
                if (has(l, n, i + 1, "2006")) // "_2006": a literal '_' then the year
                    return (*std = STD_LONG_YEAR, *len = 4, i + 1);
                FOUND(STD_UNDER_DAY, 2);
            }
            if (has(l, n, i, "__2"))
                FOUND(STD_UNDER_YEARDAY, 3);
            break;
        case '3':
            FOUND(STD_HOUR12, 1);
        case '4':
            FOUND(STD_MINUTE, 1);
        case '5':
            FOUND(STD_SECOND, 1);
        case 'P':
            if (has(l, n, i, "PM"))
                FOUND(STD_PM, 2);
            break;
        case 'p':
            if (has(l, n, i, "pm"))
                FOUND(STD_pm, 2);
            break;
        case '-':
        case 'Z':
            for (size_t k = 0; k < sizeof tz / sizeof tz[0]; k++)
                if (tz[k].w[0] == l[i] && has(l, n, i, tz[k].w))
                    FOUND(tz[k].std, strlen(tz[k].w));
            break;
        case '.':
        case ',':
            if (i + 1 < n && (l[i + 1] == '0' || l[i + 1] == '9')) {
                char ch = l[i + 1];
                size_t j = i + 1;
                while (j < n && l[j] == ch)
                    j++;
                if (!digit_at(l, n, j)) {
                    int code = ch == '9' ? STD_FRAC_SECOND9 : STD_FRAC_SECOND0;
                    int s = code | (int)(((j - (i + 1)) & 0xfff) << STD_ARG_SHIFT);
                    if (l[i] == ',')
                        s |= 1 << STD_SEP_SHIFT;
                    FOUND(s, j - i);
                }
            }
            break;
        }
    }
#undef FOUND
    *std = 0;
    *len = 0;
    return n;
}

// ---- formatting (format.go's appendFormat) ----

const char *const time_long_days[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};
const char *const time_long_months[12] = {"January", "February", "March",     "April",
                                            "May",     "June",     "July",      "August",
                                            "September", "October", "November", "December"};

// Go's appendInt: [x] zero-padded to [width] digits, '-' first when negative.
static void append_int(Buf *b, int64_t x, int width) {
    uint64_t u = (uint64_t)x;
    if (x < 0) {
        buf_putc(b, '-');
        u = -(uint64_t)x;
    }
    char d[24];
    int i = sizeof d;
    do {
        d[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    for (int w = (int)sizeof d - i; w < width; w++)
        buf_putc(b, '0');
    buf_put(b, d + i, sizeof d - (size_t)i);
}

static void format_nano(Buf *b, int64_t nsec, int std) {
    int n = (std >> STD_ARG_SHIFT) & 0xfff;
    char sep = (std >> STD_SEP_SHIFT) ? ',' : '.';
    char d[9];
    for (int k = 8; k >= 0; k--, nsec /= 10)
        d[k] = (char)('0' + nsec % 10);
    if (n > 9)
        n = 9;
    if ((std & STD_MASK) == STD_FRAC_SECOND9) {
        while (n > 0 && d[n - 1] == '0')
            n--;
        if (n == 0)
            return;
    }
    buf_putc(b, sep);
    buf_put(b, d, (size_t)n);
}

static void format_zone(Buf *b, const Civil *c, int std) {
    bool iso = std == STD_ISO8601_TZ || std == STD_ISO8601_COLON_TZ ||
               std == STD_ISO8601_SECONDS_TZ || std == STD_ISO8601_SHORT_TZ ||
               std == STD_ISO8601_COLON_SECONDS_TZ;
    if (std == STD_TZ && c->zone[0]) {
        buf_puts(b, c->zone);
        return;
    }
    if (c->offset == 0 && iso) {
        buf_putc(b, 'Z');
        return;
    }
    int zone = c->offset / 60, absoff = c->offset;
    if (zone < 0) {
        buf_putc(b, '-');
        zone = -zone;
        absoff = -absoff;
    } else {
        buf_putc(b, '+');
    }
    append_int(b, zone / 60, 2);
    if (std == STD_TZ) {
        append_int(b, zone % 60, 2);
        return;
    }
    bool colon = std == STD_ISO8601_COLON_TZ || std == STD_NUM_COLON_TZ ||
                 std == STD_ISO8601_COLON_SECONDS_TZ || std == STD_NUM_COLON_SECONDS_TZ;
    if (colon)
        buf_putc(b, ':');
    if (std != STD_NUM_SHORT_TZ && std != STD_ISO8601_SHORT_TZ)
        append_int(b, zone % 60, 2);
    if (std == STD_ISO8601_SECONDS_TZ || std == STD_NUM_SECONDS_TZ ||
        std == STD_NUM_COLON_SECONDS_TZ || std == STD_ISO8601_COLON_SECONDS_TZ) {
        if (std == STD_NUM_COLON_SECONDS_TZ || std == STD_ISO8601_COLON_SECONDS_TZ)
            buf_putc(b, ':');
        append_int(b, absoff % 60, 2);
    }
}

static void format_std(Buf *b, const Civil *c, int64_t nsec, int std) {
    int hr = c->hour % 12 == 0 ? 12 : c->hour % 12;
    switch (std & STD_MASK) {
    case STD_YEAR: append_int(b, (c->year < 0 ? -c->year : c->year) % 100, 2); break;
    case STD_LONG_YEAR: append_int(b, c->year, 4); break;
    case STD_MONTH: buf_put(b, time_long_months[c->month - 1], 3); break;
    case STD_LONG_MONTH: buf_puts(b, time_long_months[c->month - 1]); break;
    case STD_NUM_MONTH: append_int(b, c->month, 0); break;
    case STD_ZERO_MONTH: append_int(b, c->month, 2); break;
    case STD_WEEKDAY: buf_put(b, time_long_days[c->wday], 3); break;
    case STD_LONG_WEEKDAY: buf_puts(b, time_long_days[c->wday]); break;
    case STD_DAY: append_int(b, c->day, 0); break;
    case STD_UNDER_DAY:
        if (c->day < 10)
            buf_putc(b, ' ');
        append_int(b, c->day, 0);
        break;
    case STD_ZERO_DAY: append_int(b, c->day, 2); break;
    case STD_UNDER_YEARDAY:
        if (c->yday < 100)
            buf_puts(b, c->yday < 10 ? "  " : " ");
        append_int(b, c->yday, 0);
        break;
    case STD_ZERO_YEARDAY: append_int(b, c->yday, 3); break;
    case STD_HOUR: append_int(b, c->hour, 2); break;
    case STD_HOUR12: append_int(b, hr, 0); break;
    case STD_ZERO_HOUR12: append_int(b, hr, 2); break;
    case STD_MINUTE: append_int(b, c->min, 0); break;
    case STD_ZERO_MINUTE: append_int(b, c->min, 2); break;
    case STD_SECOND: append_int(b, c->sec, 0); break;
    case STD_ZERO_SECOND: append_int(b, c->sec, 2); break;
    case STD_PM: buf_puts(b, c->hour >= 12 ? "PM" : "AM"); break;
    case STD_pm: buf_puts(b, c->hour >= 12 ? "pm" : "am"); break;
    case STD_FRAC_SECOND0:
    case STD_FRAC_SECOND9: format_nano(b, nsec, std); break;
    default: format_zone(b, c, std); break;
    }
}

// The Zone of natives' arguments (zkind, zoff, zname) at a[0..2].
static Zone zone_arg(const Slot *a) {
    return (Zone){(ZoneKind)a[0].i, (int)a[1].i, a[2].p};
}

// formatTime(sec, nsec int64, zkind, zoff int, zname string, layout string) string
static RtStatus nat_format_time(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Civil c;
    Zone z = zone_arg(a + 2);
    civil_of(a[0].i, &z, &c);
    const char *l = str_data(a[5].p);
    size_t n = (size_t)str_len(a[5].p), i = 0;
    Buf b = {0};
    while (i < n) {
        int std;
        size_t len, at = time_next_std(l, n, i, &std, &len);
        buf_put(&b, l + i, at - i);
        if (std == 0)
            break;
        format_std(&b, &c, a[1].i, std);
        i = at + len;
    }
    res[0].p = buf_take_string(&b);
    return RT_OK;
}

// dateOf(sec int64, zkind, zoff int, zname string) (year, month, day, yday, wday, hour,
// min, s, offset int, zone string)
static RtStatus nat_date_of(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Civil c;
    Zone z = zone_arg(a + 1);
    civil_of(a[0].i, &z, &c);
    int64_t v[9] = {c.year, c.month, c.day, c.yday, c.wday, c.hour, c.min, c.sec, c.offset};
    for (int k = 0; k < 9; k++)
        res[k].i = v[k];
    res[9].p = str_from_c(c.zone);
    return RT_OK;
}

int64_t time_days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2; // Howard Hinnant's days_from_civil, then moved from 1970 to year 1
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + UNIX_TO_INTERNAL / 86400;
}

int64_t time_civil_to_sec(int64_t y, int m, int64_t d, int h, int mi, int s, const Zone *z) {
    int64_t sec = time_days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
    Civil c;
    time_zone_at(sec, z, &c); // the offset in force then, re-checked once as Go does
    int64_t guess = sec - c.offset;
    time_zone_at(guess, z, &c);
    return sec - c.offset;
}

// civilToSec(year, month, day, hour, min, sec, zkind, zoff int) int64: internal seconds of
// a civil time whose month is 1..12 and hour/min/sec are normalized (day may overflow).
static RtStatus nat_civil_to_sec(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Zone z = {(ZoneKind)a[6].i, (int)a[7].i, NULL};
    res[0].i = time_civil_to_sec(a[0].i, (int)a[1].i, a[2].i, (int)a[3].i, (int)a[4].i,
                                 (int)a[5].i, &z);
    return RT_OK;
}

// isDST(sec int64, zkind, zoff int) bool
static RtStatus nat_is_dst(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    Zone z = {(ZoneKind)a[1].i, (int)a[2].i, NULL};
    Civil c;
    time_zone_at(a[0].i, &z, &c);
    res[0].i = c.isdst;
    return RT_OK;
}

// localName() string
static RtStatus nat_local_name(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    const char *tz = getenv("TZ"); // read once at package init, before goroutines run
    res[0].p = str_from_c(tz && *tz ? tz : "Local");
    return RT_OK;
}

static const NativeEntry time_format_natives[] = {
    {"time.localName", nat_local_name},
    {"time.isDST", nat_is_dst},
    {"time.formatTime", nat_format_time},
    {"time.dateOf", nat_date_of},
    {"time.civilToSec", nat_civil_to_sec},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(time_format_natives)
