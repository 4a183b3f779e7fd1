// What the natives of math/big share (runtime/pkg/math_big*.c): GMP's allocation routed
// to the collector, and the views of Go values as GMP/MPFR objects. A big.Int's storage
// (two slots) is an mpz_t; a Rat's is two of them; a Float's starts with an mpfr_t.
#ifndef GOL_PKG_MATH_BIG_H
#define GOL_PKG_MATH_BIG_H

// mpz_abs and mpz_neg as library calls: gmp.h's inline versions call __gmpz_set directly,
// past math_big_dl.h's pointers.
#define __GMP_FORCE_mpz_abs 1
#define __GMP_FORCE_mpz_neg 1
#include <gmp.h>
#include <mpfr.h>

#include "math_big_dl.h"
#include "native.h"

// The mpz_t stored in big.Int storage [s] (initialised to 0 on first use). s != NULL.
mpz_ptr big_int(Slot *s);

// A big.Float's storage: an mpfr_t (four slots), then Go's prec, mode and acc fields.
enum { F_PREC = 4, F_MODE = 5, F_ACC = 6 };

// The mpfr_t stored in big.Float storage [s] (initialised to +0 at the Float's precision
// on first use), with MPFR's exponent range set to Go's for this thread. s != NULL.
mpfr_ptr big_float(Slot *s);

// Rounding in Go mode [mode] of the value about to be computed into [t]: call before the
// MPFR operation and pass its ternary value through big_rnd_end (ToNearestAway is MPFR's
// nearest-away emulation; the others map to MPFR's modes).
int big_rnd_begin(uint64_t mode, mpfr_ptr t);
int big_rnd_end(uint64_t mode, mpfr_ptr t, int inex);

// Go's nil-pointer panic, for a nil *Int, *Rat or *Float argument.
RtStatus big_nil(G *g);

// What big_scan read: the digits as an integer [mant] in [base] (2, 8, 10 or 16 after a
// prefix, else the base asked for), [fcount] = -(digits after the radix point), and the
// exponent [exp] of base [ebase] (10 for e/E, 2 for p/P) that big_scan_exp read.
typedef struct BigScan {
    mpz_t mant;
    int base;
    int64_t fcount;
    int64_t exp;
    int ebase;
    int err; // why big_scan or big_scan_exp failed: BIG_ERR_DIGITS or BIG_ERR_SEP
} BigScan;

// Float.Parse's error codes (math_big.go turns them into Go's error texts).
enum { BIG_ERR_EOF = 1, BIG_ERR_DIGITS, BIG_ERR_SEP, BIG_ERR_TRAILING, BIG_ERR_EXP };

// Go's nat.scan from s[*pos]: base 0 means a prefix (0b 0o 0x, or 0 for octal unless
// [frac_ok]) chooses the base and '_' may separate digits; [frac_ok] allows one '.'.
// Advances *pos past what it read; false if there were no digits or a misplaced '_'.
// sc->mant must be initialised.
bool big_scan(BigScan *sc, const char *s, size_t n, size_t *pos, int base, bool frac_ok);

// Go's scanExponent from s[*pos]: nothing, or e/E (or p/P if [base2_ok]), a sign and
// decimal digits (with '_' separators if [sep_ok]). False if the exponent is malformed.
bool big_scan_exp(BigScan *sc, const char *s, size_t n, size_t *pos, bool base2_ok,
                  bool sep_ok);

// Int.SetString's rules: an optional sign, then big_scan of the whole string. Sets z only
// on success.
bool big_scan_int(mpz_ptr z, const char *s, size_t n, int base);

// x's digits in [base] (2..62, Go's digit characters), with a '-' if negative, as a
// NUL-terminated string in collector memory.
char *big_int_text(mpz_srcptr x, int base);

// Declare [var] as the mpz_t of pointer argument a[i], panicking on nil.
#define BIG_INT_ARG(var, i)                                                                        \
    if (!a[i].p)                                                                                   \
        return big_nil(g);                                                                         \
    mpz_ptr var = big_int(a[i].p)

#endif
