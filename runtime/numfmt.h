// Go's number formatting (strconv.FormatInt / FormatUint / FormatFloat / AppendFloat) into a
// Buf, digit for digit what Go 1.19 prints: shortest round-trip floats via Ryū (ryu.c),
// fixed precisions correctly rounded (ties to even on exact halves, as Go's decimal code).
#ifndef GOL_NUMFMT_H
#define GOL_NUMFMT_H

#include "buf.h"

// strconv.FormatUint(u, base) (2 <= base <= 36, lower-case digits), with a leading '-' when
// [neg] (then u is the magnitude, as Go's formatBits).
void numfmt_bits(Buf *b, uint64_t u, int base, bool neg);
// strconv.FormatInt(v, base) / FormatUint(u, base).
void numfmt_int(Buf *b, int64_t v, int base);
void numfmt_uint(Buf *b, uint64_t u, int base);

// strconv.AppendFloat(b, v, fmt, prec, bitsize): fmt is one of 'b' 'e' 'E' 'f' 'g' 'G' 'x'
// 'X' (others print "%" fmt), prec < 0 is the shortest representation, bitsize 32 first
// rounds v to float32. bitsize must be 32 or 64 (the caller checks; Go panics).
void numfmt_float(Buf *b, double v, char fmt, int prec, int bitsize);

// Convenience: FormatFloat as a NUL-terminated string in GC memory.
const char *numfmt_float_str(double v, char fmt, int prec, int bitsize);

#endif
