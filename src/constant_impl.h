// Private helpers shared by the constant module's files (constant.c: values and arithmetic,
// constant_conv.c: rounding and representability, constant_lit.c: literals, constant_fmt.c:
// message formatting). Other modules use constant.h only.
// Invariants every ConstVal obeys: CV_INT has num set and small/i mirror it when it fits
// int64; CV_FLOAT has num/den reduced with den > 0 and small == false.
#ifndef GOL_CONSTANT_IMPL_H
#define GOL_CONSTANT_IMPL_H

#include "bigint.h"
#include "constant.h"

// CV_INT holding [v] (which the value takes over; it is immutable anyway).
ConstVal *cv_make_int(BigInt *v);
// CV_FLOAT [num]/[den] reduced to lowest terms; [den] must be non-zero (either sign).
ConstVal *cv_make_rat(BigInt *num, BigInt *den);
// The numerator and denominator of a numeric value (an integer gets denominator 1).
void cv_rat_parts(ConstVal *a, BigInt **num, BigInt **den);

// Round |num|/den (num != 0, den > 0) to [prec] significant bits, half to even. Exponents of
// the leading bit below [emin] lose precision gradually (IEEE subnormals). The result is
// exactly *mant * 2^*exp (*mant may be 0 after underflow, or 2^prec after a carry).
void cv_round_rat(const BigInt *num, const BigInt *den, int prec, int64_t emin, uint64_t *mant,
                  int64_t *exp);

// ---- constant_big.c: floats beyond exact arithmetic (ConstVal.approx) ----
// a op b (+ - * /) where either is approximate; NULL on overflow or division by zero.
ConstVal *cv_approx_binary(Op op, ConstVal *a, ConstVal *b);
// Sign of a - b for numeric constants, one of them approximate.
int cv_approx_cmp(ConstVal *a, ConstVal *b);
ConstVal *cv_approx_neg(ConstVal *a);
// mant * base^exp for a literal whose exponent is too large for an exact value (base 10,
// or 2 for hexadecimal mantissas); NULL when it overflows.
ConstVal *cv_approx_literal(BigInt *mant, int base, int64_t exp);
// go/constant's makeRat: [r] unchanged, or as a 512-bit float when it is a fraction whose
// numerator or denominator has 4096 bits or more (NULL stays NULL).
ConstVal *cv_limit_rat(ConstVal *r);
// go/constant's smallFloat for a literal mant * base^exp (base 10, or 2 for hexadecimal
// mantissas): whether its binary exponent is within +-4096, and then its exact value in
// *exact (constant_lit.c's scale).
bool cv_small_literal(BigInt *mant, int base, int64_t exp, ConstVal **exact);
// mant * base^exp (base 10 or 2) as an exact CV_FLOAT (constant_lit.c).
ConstVal *cv_scale(BigInt *mant, int base, int64_t exp);
// |a| rounded to 53 bits: mant * 2^exp.
void cv_approx_round53(ConstVal *a, uint64_t *mant, int64_t *exp);

#endif
