// Go's Unicode tables (generated into unitab_data.c by tools/gen_unicode.go) and the lookups
// over them that packages unicode and strings share: category and script membership, case
// mapping (unicode.To) and case folding (unicode.SimpleFold), each exactly as Go 1.19.
#ifndef GOL_PKG_UNITAB_H
#define GOL_PKG_UNITAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// A run of code points lo, lo+stride, ... up to hi (Go's Range16/Range32).
typedef struct URange {
    uint32_t lo, hi, stride;
} URange;

// A RangeTable: sorted, disjoint ranges; the first [latin_offset] lie in Latin-1. [name] is
// Go's: "Lu", "Latin", "White_Space".
typedef struct UTable {
    const char *name;
    const URange *r;
    int n;
    int latin_offset;
} UTable;

// unicode.CaseRange: deltas for UpperCase, LowerCase, TitleCase; a delta of
// UNI_UPPER_LOWER marks an alternating Upper/Lower sequence.
typedef struct UCaseRange {
    uint32_t lo, hi;
    int32_t delta[3];
} UCaseRange;
#define UNI_UPPER_LOWER (0x10FFFF + 1)

// One step of a case orbit (unicode's caseOrbit): SimpleFold(from) == to.
typedef struct UFoldPair {
    int32_t from, to;
} UFoldPair;

extern const UTable unitab_tables[];
extern const int unitab_ntables;
extern const UCaseRange unitab_case_ranges[];
extern const int unitab_ncase_ranges;
extern const UFoldPair unitab_case_orbit[];
extern const int unitab_ncase_orbit;

// Index of the table named [name] ([n] bytes) in unitab_tables, or -1.
int unitab_find(const char *name, size_t n);
// unicode.Is(table, r) for table index [t] (0 <= t < unitab_ntables; others: false).
bool unitab_is(int t, int32_t r);

// The unicode.IsX predicates, as Go defines them (IsSpace is the White_Space property;
// IsControl only Latin-1's Cc; IsPrint/IsGraphic as strconv's tables).
bool unitab_is_letter(int32_t r);
bool unitab_is_upper(int32_t r);
bool unitab_is_lower(int32_t r);
bool unitab_is_title(int32_t r);
bool unitab_is_digit(int32_t r);
bool unitab_is_number(int32_t r);
bool unitab_is_mark(int32_t r);
bool unitab_is_punct(int32_t r);
bool unitab_is_symbol(int32_t r);
bool unitab_is_space(int32_t r);
bool unitab_is_control(int32_t r);
// unicode.To(c, r): c is 0 (UpperCase), 1 (LowerCase) or 2 (TitleCase); other c give
// U+FFFD. unicode.ToUpper/ToLower/ToTitle add an ASCII fast path with the same result.
int32_t unitab_to(int c, int32_t r);
// unicode.SimpleFold(r).
int32_t unitab_simple_fold(int32_t r);

#endif
