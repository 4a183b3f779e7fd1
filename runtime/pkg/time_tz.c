// time.LoadLocation's zones: TZif files from the system's tz database (tzdata's
// /usr/share/zoneinfo, or $ZONEINFO), read as Go's zoneinfo_read.go reads them (version 2+
// 64-bit data when present, Go's choice of the zone before the first transition) and
// looked up as Go's Location.lookup does, the footer's POSIX TZ rule (Go's tzset) covering
// times after the last transition. A loaded zone is immutable and lives in a table for the
// life of the process; a Location refers to it by index (time_int.h's ZONE_TZ).
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "native.h"
#include "pkgutil.h"
#include "time_int.h"

typedef struct TzType {
    int offset;
    bool isdst;
    char name[16];
} TzType;

typedef struct TzData {
    int ntypes, ntx;
    TzType *types;
    int64_t *when; // transition instants (Unix seconds), ascending
    uint8_t *index;
    char extend[128]; // the footer's TZ rule, "" if none
    int first;        // the type in force before the first transition (lookupFirstZone)
} TzData;

enum { TZ_MAX = 4096 };
// Zones are published once (atomic store of a fully built TzData) and never change;
// [load_mu] serializes loading and the choice of the next index.
static TzData *_Atomic table[TZ_MAX];
static int ntable;
static pthread_mutex_t load_mu = PTHREAD_MUTEX_INITIALIZER;

static const int64_t ALPHA = INT64_MIN;

// ---- reading TZif data ----

typedef struct Reader {
    const uint8_t *p;
    size_t n;
    bool bad;
} Reader;

static const uint8_t *take(Reader *r, size_t n) {
    if (r->bad || r->n < n) {
        r->bad = true;
        return NULL;
    }
    const uint8_t *p = r->p;
    r->p += n, r->n -= n;
    return p;
}

static uint32_t be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const uint8_t *p) {
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

// Go's lookupFirstZone: the zone used before the first transition.
static int first_zone(const TzData *z) {
    bool used = false;
    for (int i = 0; i < z->ntx && !used; i++)
        used = z->index[i] == 0;
    if (!used)
        return 0;
    if (z->ntx > 0 && z->types[z->index[0]].isdst) {
        for (int zi = z->index[0] - 1; zi >= 0; zi--)
            if (!z->types[zi].isdst)
                return zi;
    }
    for (int zi = 0; zi < z->ntypes; zi++)
        if (!z->types[zi].isdst)
            return zi;
    return 0;
}

// Parse TZif [data]; NULL when malformed.
static TzData *parse_tzif(const uint8_t *data, size_t len) {
    Reader r = {data, len, false};
    const uint8_t *h = take(&r, 44);
    if (!h || memcmp(h, "TZif", 4) != 0)
        return NULL;
    int version = h[4] >= '2' ? 2 : 1;
    uint32_t n[6]; // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    for (int i = 0; i < 6; i++)
        n[i] = be32(h + 20 + 4 * i);
    size_t tsize = 4;
    if (version >= 2) { // skip the 32-bit block, use the 64-bit one
        take(&r, n[3] * 4 + n[3] + n[4] * 6 + n[5] + n[2] * 8 + n[1] + n[0]);
        h = take(&r, 44);
        if (!h || memcmp(h, "TZif", 4) != 0)
            return NULL;
        for (int i = 0; i < 6; i++)
            n[i] = be32(h + 20 + 4 * i);
        tsize = 8;
    }
    if (n[4] == 0 || n[4] > 256 || n[5] > 1024 || n[3] > 100000)
        return NULL;
    const uint8_t *tx = take(&r, n[3] * tsize), *idx = take(&r, n[3]);
    const uint8_t *ty = take(&r, n[4] * 6), *chars = take(&r, n[5]);
    take(&r, n[2] * (tsize + 4) + n[1] + n[0]);
    if (r.bad)
        return NULL;
    TzData *z = gc_alloc(sizeof *z);
    z->ntypes = (int)n[4];
    z->ntx = (int)n[3];
    z->types = gc_alloc(sizeof(TzType) * n[4]);
    for (uint32_t i = 0; i < n[4]; i++) {
        const uint8_t *t = ty + 6 * i;
        z->types[i].offset = (int32_t)be32(t);
        z->types[i].isdst = t[4] != 0;
        uint8_t ci = t[5];
        if (ci >= n[5])
            return NULL;
        size_t k = 0;
        while (ci + k < n[5] && chars[ci + k] && k < sizeof z->types[i].name - 1)
            k++;
        memcpy(z->types[i].name, chars + ci, k);
        z->types[i].name[k] = 0;
    }
    z->when = gc_alloc_atomic(sizeof(int64_t) * (n[3] + 1));
    z->index = gc_alloc_atomic(n[3] + 1);
    for (uint32_t i = 0; i < n[3]; i++) {
        z->when[i] = tsize == 8 ? be64(tx + 8 * i) : (int64_t)(int32_t)be32(tx + 4 * i);
        z->index[i] = idx[i];
        if (idx[i] >= n[4])
            return NULL;
    }
    if (z->ntx == 0) { // a fixed zone ("Etc/GMT+5"): one transition at the start of time
        z->ntx = 1;
        z->when[0] = ALPHA;
        z->index[0] = 0;
    }
    if (version >= 2 && r.n > 2 && r.p[0] == '\n') {
        size_t k = 1;
        while (k < r.n && r.p[k] != '\n' && k - 1 < sizeof z->extend - 1)
            k++;
        if (k < r.n && r.p[k] == '\n') {
            memcpy(z->extend, r.p + 1, k - 1);
            z->extend[k - 1] = 0;
        }
    }
    z->first = first_zone(z);
    return z;
}

// ---- Go's tzset: the POSIX TZ rule of times past the last transition ----

enum { RULE_JULIAN, RULE_DOY, RULE_MONTH_WEEK_DAY };
typedef struct Rule {
    int kind, day, week, mon, time;
} Rule;

static const char *tz_num(const char *s, int min, int max, int *out) {
    if (*s < '0' || *s > '9')
        return NULL;
    int v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (*s - '0');
        if (v > max)
            return NULL;
    }
    if (v < min)
        return NULL;
    *out = v;
    return s;
}

static const char *tz_name(const char *s, char *name, size_t cap) {
    size_t i = 0;
    if (*s == '<') {
        const char *e = strchr(s, '>');
        if (!e)
            return NULL;
        i = (size_t)(e - s - 1);
        snprintf(name, cap, "%.*s", (int)i, s + 1);
        return e + 1;
    }
    while (s[i] && !strchr("0123456789,-+", s[i]))
        i++;
    if (i < 3)
        return NULL;
    snprintf(name, cap, "%.*s", (int)i, s);
    return s + i;
}

static const char *tz_offset(const char *s, int *off) {
    bool neg = false;
    if (*s == '+')
        s++;
    else if (*s == '-')
        s++, neg = true;
    int h, m = 0, sec = 0;
    if (!(s = tz_num(s, 0, 24 * 7, &h)))
        return NULL;
    if (*s == ':' && !(s = tz_num(s + 1, 0, 59, &m)))
        return NULL;
    if (*s == ':' && !(s = tz_num(s + 1, 0, 59, &sec)))
        return NULL;
    *off = (h * 3600 + m * 60 + sec) * (neg ? -1 : 1);
    return s;
}

static const char *tz_rule(const char *s, Rule *r) {
    memset(r, 0, sizeof *r);
    if (*s == 'J') {
        r->kind = RULE_JULIAN;
        s = tz_num(s + 1, 1, 365, &r->day);
    } else if (*s == 'M') {
        r->kind = RULE_MONTH_WEEK_DAY;
        if (!(s = tz_num(s + 1, 1, 12, &r->mon)) || *s != '.')
            return NULL;
        if (!(s = tz_num(s + 1, 1, 5, &r->week)) || *s != '.')
            return NULL;
        s = tz_num(s + 1, 0, 6, &r->day);
    } else {
        r->kind = RULE_DOY;
        s = tz_num(s, 0, 365, &r->day);
    }
    if (!s)
        return NULL;
    r->time = 2 * 3600;
    if (*s == '/')
        s = tz_offset(s + 1, &r->time);
    return s;
}

static bool is_leap(int64_t y) {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

// Seconds from the start of [year] (UTC) to rule [r]'s instant; [off] is in force before it.
static int64_t rule_time(int64_t year, const Rule *r, int off) {
    static const int before[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
    int64_t s = 0;
    if (r->kind == RULE_JULIAN) {
        s = (int64_t)(r->day - 1) * 86400;
        if (is_leap(year) && r->day >= 60)
            s += 86400;
    } else if (r->kind == RULE_DOY) {
        s = (int64_t)r->day * 86400;
    } else {
        int m1 = (r->mon + 9) % 12 + 1;
        int64_t yy0 = r->mon <= 2 ? year - 1 : year;
        int64_t yy1 = yy0 / 100, yy2 = yy0 % 100;
        int64_t dow = ((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7;
        if (dow < 0)
            dow += 7;
        int64_t d = r->day - dow;
        if (d < 0)
            d += 7;
        int in_month = before[r->mon] - before[r->mon - 1] + (r->mon == 2 && is_leap(year));
        for (int i = 1; i < r->week; i++) {
            if (d + 7 >= in_month)
                break;
            d += 7;
        }
        d += before[r->mon - 1];
        if (is_leap(year) && r->mon > 2)
            d++;
        s = d * 86400;
    }
    return s + r->time - off;
}

// Go's tzset: the zone of instant [sec] under rule string [s]; false if it is malformed.
static bool posix_rule(const char *s, int64_t last, int64_t sec, Civil *c, bool *isdst) {
    char stdn[16], dstn[16];
    int stdoff, dstoff;
    if (!(s = tz_name(s, stdn, sizeof stdn)) || !(s = tz_offset(s, &stdoff)))
        return false;
    stdoff = -stdoff;
    if (*s == 0 || *s == ',') {
        (void)last;
        c->offset = stdoff;
        snprintf(c->zone, sizeof c->zone, "%s", stdn);
        *isdst = false;
        return true;
    }
    if (!(s = tz_name(s, dstn, sizeof dstn)))
        return false;
    if (*s == 0 || *s == ',')
        dstoff = stdoff + 3600;
    else if (!(s = tz_offset(s, &dstoff)))
        return false;
    else
        dstoff = -dstoff;
    if (*s == 0)
        s = ",M3.2.0,M11.1.0";
    if (*s != ',' && *s != ';')
        return false;
    Rule start, end;
    if (!(s = tz_rule(s + 1, &start)) || *s != ',' || !(s = tz_rule(s + 1, &end)) || *s)
        return false;
    int64_t days = sec >= 0 ? sec / 86400 : -((-sec + 86399) / 86400);
    Civil d;
    time_civil_from_days(days + UNIX_TO_INTERNAL / 86400, &d);
    int64_t year_start = (time_days_from_civil(d.year, 1, 1) - UNIX_TO_INTERNAL / 86400) * 86400;
    int64_t ysec = sec - year_start;
    int64_t ss = rule_time(d.year, &start, stdoff), es = rule_time(d.year, &end, dstoff);
    bool dst_is_dst = true, std_is_dst = false;
    const char *sn = stdn, *dn = dstn;
    if (es < ss) { // southern hemisphere: swap the labels, as Go does
        int64_t t = ss;
        ss = es, es = t;
        sn = dstn, dn = stdn;
        int o = stdoff;
        stdoff = dstoff, dstoff = o;
        std_is_dst = true, dst_is_dst = false;
    }
    bool in_dst = ysec >= ss && ysec < es;
    c->offset = in_dst ? dstoff : stdoff;
    snprintf(c->zone, sizeof c->zone, "%s", in_dst ? dn : sn);
    *isdst = in_dst ? dst_is_dst : std_is_dst;
    return true;
}

// ---- lookup and loading ----

void time_tz_lookup(int index, int64_t unix, Civil *c, bool *isdst) {
    TzData *z = index >= 0 && index < TZ_MAX ? atomic_load(&table[index]) : NULL;
    *isdst = false;
    if (!z) {
        c->offset = 0;
        strcpy(c->zone, "UTC");
        return;
    }
    if (unix < z->when[0]) {
        const TzType *t = &z->types[z->first];
        c->offset = t->offset;
        snprintf(c->zone, sizeof c->zone, "%s", t->name);
        *isdst = t->isdst;
        return;
    }
    int lo = 0, hi = z->ntx;
    while (hi - lo > 1) {
        int m = (lo + hi) / 2;
        if (unix < z->when[m])
            hi = m;
        else
            lo = m;
    }
    const TzType *t = &z->types[z->index[lo]];
    c->offset = t->offset;
    snprintf(c->zone, sizeof c->zone, "%s", t->name);
    *isdst = t->isdst;
    if (lo == z->ntx - 1 && z->extend[0]) {
        Civil e = *c;
        bool edst;
        if (posix_rule(z->extend, z->when[lo], unix, &e, &edst)) {
            *c = e;
            *isdst = edst;
        }
    }
}

bool time_tz_lookup_name(int index, const char *name, size_t n, int64_t unix, int *offset) {
    TzData *z = index >= 0 && index < TZ_MAX ? atomic_load(&table[index]) : NULL;
    if (!z)
        return false;
    for (int i = 0; i < z->ntypes; i++) {
        const TzType *t = &z->types[i];
        if (strlen(t->name) != n || memcmp(t->name, name, n) != 0)
            continue;
        Civil c;
        bool dst;
        time_tz_lookup(index, unix - t->offset, &c, &dst);
        if (strcmp(c.zone, t->name) == 0) {
            *offset = c.offset;
            return true;
        }
    }
    for (int i = 0; i < z->ntypes; i++) {
        const TzType *t = &z->types[i];
        if (strlen(t->name) == n && memcmp(t->name, name, n) == 0) {
            *offset = t->offset;
            return true;
        }
    }
    return false;
}

// Publish [z] in the table: its index, or -1 when the table is full.
static int publish(TzData *z) {
    pthread_mutex_lock(&load_mu);
    int i = ntable < TZ_MAX ? ntable++ : -1;
    if (i >= 0)
        atomic_store(&table[i], z);
    pthread_mutex_unlock(&load_mu);
    return i;
}

// loadZoneFile(path string) (index int, errno int, bad bool): errno for an unreadable file,
// bad for one that is not TZif data.
static RtStatus nat_load_zone_file(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    res[0].i = -1, res[1].i = 0, res[2].i = 0;
    int fd = open(str_to_c(a[0].p), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        res[1].i = errno;
        return RT_OK;
    }
    Buf b = {0};
    char chunk[8192];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            res[1].i = errno;
            close(fd);
            return RT_OK;
        }
        if (r == 0)
            break;
        buf_put(&b, chunk, (size_t)r);
    }
    close(fd);
    TzData *z = parse_tzif((const uint8_t *)b.data, b.len);
    if (!z) {
        res[2].i = 1;
        return RT_OK;
    }
    res[0].i = publish(z);
    return RT_OK;
}

// loadZoneData(data []byte) (index int, bad bool)
static RtStatus nat_load_zone_data(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    int64_t n;
    uint8_t *p = bytes_to_c(a[0].p, &n);
    TzData *z = parse_tzif(p, (size_t)n);
    res[0].i = z ? publish(z) : -1;
    res[1].i = z == NULL;
    return RT_OK;
}

// zoneinfoEnv() string: $ZONEINFO (read before goroutines could change the environment).
static RtStatus nat_zoneinfo_env(G *g, Slot *a, Slot *res) {
    GOL_UNUSED(g);
    GOL_UNUSED(a);
    const char *d = getenv("ZONEINFO");
    res[0].p = d ? str_from_c(d) : NULL;
    return RT_OK;
}

static const NativeEntry time_tz_natives[] = {
    {"time.zoneinfoEnv", nat_zoneinfo_env},
    {"time.loadZoneFile", nat_load_zone_file},
    {"time.loadZoneData", nat_load_zone_data},
    {NULL, NULL},
};
GOL_REGISTER_NATIVES(time_tz_natives)
