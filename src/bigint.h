// Arbitrary-precision signed integers for constant folding (src/constant*.c). A BigInt is an
// immutable sign-magnitude value with 32-bit limbs in one atomic GC block (it holds no
// pointers). Invariants: d[n-1] != 0 when n > 0; zero has n == 0 and neg == 0. Operations
// return fresh values (or one of their operands when the result is equal to it); none fail
// except division by zero, which callers must rule out.
#ifndef GOL_BIGINT_H
#define GOL_BIGINT_H

#include <stdbool.h>
#include <stdint.h>

typedef struct BigInt {
    int32_t neg;  // 1 when negative
    int32_t n;    // limbs in use
    uint32_t d[]; // magnitude, least significant limb first
} BigInt;

BigInt *bi_from_i64(int64_t v);
BigInt *bi_from_u64(uint64_t v);
// Parse [len] digits (no sign, no prefix, no separators) in [base] 2..16; the caller has
// validated them.
BigInt *bi_from_digits(const char *s, int64_t len, int base);

// -1, 0 or 1.
int bi_sign(const BigInt *a);
bool bi_is_zero(const BigInt *a);
bool bi_is_one(const BigInt *a);
// Does the value fit int64 / uint64 exactly?
bool bi_fits_i64(const BigInt *a);
bool bi_fits_u64(const BigInt *a);
// The low 64 bits of the two's-complement representation (exact when it fits).
int64_t bi_to_i64(const BigInt *a);
uint64_t bi_to_u64(const BigInt *a);
// Number of bits in |a| (0 for zero).
int64_t bi_bitlen(const BigInt *a);
// Number of trailing zero bits of |a| (0 for zero).
int64_t bi_trailing_zeros(const BigInt *a);

int bi_cmp(const BigInt *a, const BigInt *b);
int bi_cmp_abs(const BigInt *a, const BigInt *b);

BigInt *bi_neg(const BigInt *a);
BigInt *bi_abs(const BigInt *a);
BigInt *bi_add(const BigInt *a, const BigInt *b);
BigInt *bi_sub(const BigInt *a, const BigInt *b);
BigInt *bi_mul(const BigInt *a, const BigInt *b);
// Truncated division ([b] != 0): *q = a/b rounded toward zero, *r = a - q*b (sign of a).
// Either output may be NULL.
void bi_divmod(const BigInt *a, const BigInt *b, BigInt **q, BigInt **r);
// a * 2^n, and floor(a / 2^n) (an arithmetic shift, like Go's >> on negative values).
BigInt *bi_shl(const BigInt *a, uint64_t n);
BigInt *bi_shr(const BigInt *a, uint64_t n);
// Bitwise operations with Go's (infinite two's-complement) semantics.
BigInt *bi_and(const BigInt *a, const BigInt *b);
BigInt *bi_or(const BigInt *a, const BigInt *b);
BigInt *bi_xor(const BigInt *a, const BigInt *b);
BigInt *bi_and_not(const BigInt *a, const BigInt *b);
BigInt *bi_not(const BigInt *a); // -a-1
// Greatest common divisor of |a| and |b| (non-negative; gcd(0, 0) == 0).
BigInt *bi_gcd(const BigInt *a, const BigInt *b);
// [base]^[e] for a small base.
BigInt *bi_pow(uint32_t base, uint64_t e);

// Decimal text with a leading '-' for negatives, a fresh GC string.
char *bi_to_decimal(const BigInt *a);

#endif
