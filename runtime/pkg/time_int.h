// What time_format.c shares with time_parse.c: zones, the civil calendar and the layout
// scanner (Go 1.19 format.go's nextStdChunk codes).
#ifndef GOL_PKG_TIME_INT_H
#define GOL_PKG_TIME_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value.h"

// Seconds from January 1, year 1 to the Unix epoch (time.go's unixToInternal).
#define UNIX_TO_INTERNAL ((int64_t)(1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86400)

// A Location as time.go passes it: its kind (Location.kind), fixed offset and name.
// ZONE_TZ: a zone loaded from the tz database (time_tz.c); offset is its table index.
typedef enum ZoneKind { ZONE_UTC, ZONE_LOCAL, ZONE_FIXED, ZONE_TZ } ZoneKind;
typedef struct Zone {
    ZoneKind kind;
    int offset;       // ZONE_FIXED: seconds east of UTC
    GoString *name;   // ZONE_FIXED: its abbreviation ("" prints as -0700)
} Zone;

typedef struct Civil {
    int64_t year;
    int month, day, yday, wday; // month 1..12, day 1..31, yday 1..366, wday 0 = Sunday
    int hour, min, sec;
    int offset;       // seconds east of UTC
    char zone[16];    // abbreviation ("UTC", "CET"), "" if unknown
    bool isdst;       // daylight saving time is in force (set by time_zone_at)
} Civil;

// The offset and abbreviation of zone [z] at instant [sec] (time.go's internal seconds).
void time_zone_at(int64_t sec, const Zone *z, Civil *c);
// The offset, abbreviation and DST flag of tz database zone [index] at Unix second [unix]
// (Go's Location.lookup).
void time_tz_lookup(int index, int64_t unix, Civil *c, bool *isdst);
// Go's Location.lookupName for tz database zone [index]: the offset of the zone
// abbreviated [name] ([n] bytes) around Unix second [unix]; false if the zone has no such
// abbreviation.
bool time_tz_lookup_name(int index, const char *name, size_t n, int64_t unix, int *offset);
// The civil date (year, month, day, yday, wday) of [days] since January 1, year 1.
void time_civil_from_days(int64_t days, Civil *c);
// Days from January 1, year 1 to [y]-[m]-[d] (m 1..12; d may overflow: the result is linear).
int64_t time_days_from_civil(int64_t y, int64_t m, int64_t d);
// Internal seconds of a civil time (month 1..12, normalized clock) read in zone [z].
int64_t time_civil_to_sec(int64_t y, int m, int64_t d, int h, int mi, int s, const Zone *z);

enum {
    STD_NEED_DATE = 1 << 8,
    STD_NEED_CLOCK = 2 << 8,
    STD_ARG_SHIFT = 16,
    STD_SEP_SHIFT = 28,
    STD_MASK = (1 << STD_ARG_SHIFT) - 1,
};
enum {
    STD_LONG_MONTH = 1 + STD_NEED_DATE, STD_MONTH, STD_NUM_MONTH, STD_ZERO_MONTH,
    STD_LONG_WEEKDAY, STD_WEEKDAY, STD_DAY, STD_UNDER_DAY, STD_ZERO_DAY, STD_UNDER_YEARDAY,
    STD_ZERO_YEARDAY,
    STD_HOUR = 12 + STD_NEED_CLOCK, STD_HOUR12, STD_ZERO_HOUR12, STD_MINUTE, STD_ZERO_MINUTE,
    STD_SECOND, STD_ZERO_SECOND,
    STD_LONG_YEAR = 19 + STD_NEED_DATE, STD_YEAR,
    STD_PM = 21 + STD_NEED_CLOCK, STD_pm,
    STD_TZ = 23, STD_ISO8601_TZ, STD_ISO8601_SECONDS_TZ, STD_ISO8601_SHORT_TZ,
    STD_ISO8601_COLON_TZ, STD_ISO8601_COLON_SECONDS_TZ, STD_NUM_TZ, STD_NUM_SECONDS_TZ,
    STD_NUM_SHORT_TZ, STD_NUM_COLON_TZ, STD_NUM_COLON_SECONDS_TZ, STD_FRAC_SECOND0,
    STD_FRAC_SECOND9,
};

// The next layout element of l[0:n] at or after [from]: returns its start (n if none) and
// sets *std (0 if none) and *len.
size_t time_next_std(const char *l, size_t n, size_t from, int *std, size_t *len);

extern const char *const time_long_days[7];
extern const char *const time_long_months[12];

#endif
