// Shortest round-trip decimal digits of a binary float (Ryū, as Go's strconv/ftoaryu.go), so
// that gol prints exactly the digits Go prints for FormatFloat(f, fmt, -1, bits) and %v.
#ifndef GOL_RYU_H
#define GOL_RYU_H

#include <stdbool.h>
#include <stdint.h>

// Decimal digits: value = 0.d[0]d[1]...d[nd-1] * 10^dp. nd == 0 means zero.
typedef struct RyuDigits {
    char *d; // at least 32 bytes of room, '0'..'9' (not NUL-terminated)
    int nd, dp;
} RyuDigits;

// The shortest digits of mant*2^exp (mant including the implicit bit, exp already reduced
// by the mantissa width) that read back as the same float64 (or float32 when [f32]); among
// shortest candidates the closest to the exact value. d->d must point to 32 bytes.
void ryu_shortest(RyuDigits *d, uint64_t mant, int exp, bool f32);

// The first [prec] (1..18) significant digits of mant*2^exp, correctly rounded (ties to
// even), trailing zeros trimmed (Go's ryuFtoaFixed64).
void ryu_fixed(RyuDigits *d, uint64_t mant, int exp, int prec);

#endif
