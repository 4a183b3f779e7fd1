// Lookups over Go's Unicode tables (unitab_data.c): membership by binary search over
// strided ranges (Go's is16/is32), case mapping over CaseRanges (Go's `to`) and SimpleFold
// over the case orbits. Pure functions of immutable data.
#include "unitab.h"

#include <stddef.h>
#include <string.h>

bool unitab_is(int t, int32_t r) {
    if (t < 0 || t >= unitab_ntables || r < 0)
        return false;
    const URange *v = unitab_tables[t].r;
    uint32_t c = (uint32_t)r;
    size_t lo = 0, hi = (size_t)unitab_tables[t].n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < v[mid].lo)
            hi = mid;
        else if (c > v[mid].hi)
            lo = mid + 1;
        else
            return v[mid].stride == 1 || (c - v[mid].lo) % v[mid].stride == 0;
    }
    return false;
}

int32_t unitab_to(int c, int32_t r) {
    if (c < 0 || c > 2)
        return 0xFFFD;
    size_t lo = 0, hi = (size_t)unitab_ncase_ranges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const UCaseRange *cr = &unitab_case_ranges[mid];
        if ((int32_t)cr->lo <= r && r <= (int32_t)cr->hi) {
            int32_t delta = cr->delta[c];
            if (delta > 0x10FFFF) // alternating Upper/Lower pairs starting at lo
                return (int32_t)cr->lo + (((r - (int32_t)cr->lo) & ~1) | (c & 1));
            return r + delta;
        }
        if (r < (int32_t)cr->lo)
            hi = mid;
        else
            lo = mid + 1;
    }
    return r;
}

int32_t unitab_simple_fold(int32_t r) {
    if (r < 0 || r > 0x10FFFF)
        return r;
    size_t lo = 0, hi = (size_t)unitab_ncase_orbit;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (unitab_case_orbit[mid].from < r)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < (size_t)unitab_ncase_orbit && unitab_case_orbit[lo].from == r)
        return unitab_case_orbit[lo].to;
    int32_t l = unitab_to(1, r);
    return l != r ? l : unitab_to(0, r);
}

int unitab_find(const char *name, size_t n) {
    for (int i = 0; i < unitab_ntables; i++)
        if (strlen(unitab_tables[i].name) == n && memcmp(unitab_tables[i].name, name, n) == 0)
            return i;
    return -1;
}

// Table indexes of the predicates below, found once at startup.
static int t_letter, t_upper, t_lower, t_title, t_digit, t_number, t_mark, t_punct, t_symbol,
    t_space;

__attribute__((constructor)) static void find_tables(void) {
    t_letter = unitab_find("L", 1);
    t_upper = unitab_find("Lu", 2);
    t_lower = unitab_find("Ll", 2);
    t_title = unitab_find("Lt", 2);
    t_digit = unitab_find("Nd", 2);
    t_number = unitab_find("N", 1);
    t_mark = unitab_find("M", 1);
    t_punct = unitab_find("P", 1);
    t_symbol = unitab_find("S", 1);
    t_space = unitab_find("White_Space", 11);
}

bool unitab_is_letter(int32_t r) {
    if ((uint32_t)r < 0x80)
        return (uint32_t)((r | 0x20) - 'a') < 26;
    return unitab_is(t_letter, r);
}

bool unitab_is_upper(int32_t r) {
    if ((uint32_t)r < 0x80)
        return (uint32_t)(r - 'A') < 26;
    return unitab_is(t_upper, r);
}

bool unitab_is_lower(int32_t r) {
    if ((uint32_t)r < 0x80)
        return (uint32_t)(r - 'a') < 26;
    return unitab_is(t_lower, r);
}

bool unitab_is_title(int32_t r) {
    return r > 0xFF && unitab_is(t_title, r);
}

bool unitab_is_digit(int32_t r) {
    if ((uint32_t)r <= 0xFF)
        return (uint32_t)(r - '0') < 10;
    return unitab_is(t_digit, r);
}

bool unitab_is_number(int32_t r) {
    return unitab_is(t_number, r);
}

bool unitab_is_mark(int32_t r) {
    return unitab_is(t_mark, r);
}

bool unitab_is_punct(int32_t r) {
    return unitab_is(t_punct, r);
}

bool unitab_is_symbol(int32_t r) {
    return unitab_is(t_symbol, r);
}

bool unitab_is_space(int32_t r) {
    if ((uint32_t)r <= 0xFF)
        return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
    return unitab_is(t_space, r);
}

bool unitab_is_control(int32_t r) {
    return (uint32_t)r <= 0x1F || (r >= 0x7F && r <= 0x9F);
}
