// Exact constant arithmetic for Go's untyped and typed constants (spec "Constant
// expressions"): integers are arbitrary-precision, floats are exact rationals (so 1.0/3*3 == 1
// and 1<<100>>98 == 4), rounded only when converted to float32/float64 (floats of enormous
// magnitude, like 1e646456992, are 512-bit floats as in go/constant). Values are immutable
// and GC-allocated. Complex constants are pairs of such reals (constant_complex.c).
#ifndef GOL_CONSTANT_H
#define GOL_CONSTANT_H

#include "ast.h"
#include "common.h"

typedef enum CvKind { CV_UNKNOWN, CV_BOOL, CV_STRING, CV_INT, CV_FLOAT, CV_COMPLEX } CvKind;

typedef struct BigInt BigInt; // bigint.h (opaque to other modules)

struct ConstVal {
    CvKind kind;
    bool b;            // CV_BOOL
    const char *s;     // CV_STRING bytes (may contain NULs); read them with cv_str
    int64_t slen;      // CV_STRING length
    ConstVal *l, *r;   // CV_STRING: the concatenation l + r, until cv_str joins it (s NULL;
                       // as go/constant does, so a 100,000-term "a" + "b" + ... is linear)
    BigInt *num;       // CV_INT: value; CV_FLOAT: numerator
    BigInt *den;       // CV_FLOAT: denominator (> 0, reduced); NULL for CV_INT
    // Fast path: when small is true the value also fits int64 exactly in [i] (CV_INT only).
    bool small;
    int64_t i;
    ConstVal *re, *im;  // CV_COMPLEX: the parts (each CV_INT or CV_FLOAT)
    // CV_FLOAT beyond exact arithmetic (constant_big.c): the value is num * 2^exp2, num a
    // 512-bit mantissa (den is 1).
    bool approx;
    int64_t exp2;
};

ConstVal *cv_bool(bool b);
ConstVal *cv_string(const char *s, int64_t len);
// The bytes of CV_STRING [c] (cv_binary's concatenations are joined on first use, and the
// result kept in [c]; the checker's thread only).
const char *cv_str(ConstVal *c);
ConstVal *cv_int(int64_t v);
ConstVal *cv_uint(uint64_t v);
ConstVal *cv_float(double f); // exact value of the double; NaN/Inf are not constants

// Parse a literal's source text (E_INTLIT, E_FLOATLIT, E_RUNELIT, E_STRINGLIT) into a value.
// Returns NULL and sets *err to Go's message on a malformed literal (the lexer already
// rejects most; e.g. "invalid character in escape sequence" is the lexer's job).
ConstVal *cv_from_literal(ExprKind kind, const char *lit, const char **err);

// Arithmetic. [op] is a binary operator (OP_ADD..OP_AND_NOT, not shifts). For OP_QUO,
// [int_div] selects truncated integer division (both operands integer-typed or untyped int).
// Returns NULL on division by zero (caller reports "invalid operation: division by zero").
// Operands of kind INT and FLOAT mix (the result is FLOAT).
ConstVal *cv_binary(Op op, ConstVal *a, ConstVal *b, bool int_div);
// Shift of an integer constant by [n]. Returns NULL if n is too large (> 10000).
ConstVal *cv_shift(Op op, ConstVal *a, uint64_t n);
// Unary + - ^ !. For ^ on an unsigned typed constant pass its width in [ubits] (x ^ mask);
// 0 means signed/untyped (^x == -x-1).
ConstVal *cv_unary(Op op, ConstVal *a, int ubits);
// Comparison; both operands the same category (numeric, string or bool).
bool cv_compare(Op op, ConstVal *a, ConstVal *b);
// Whether [a] (or a part of complex [a]) is unknown: an operation overflowed go/constant's
// float range.
bool cv_unknown(ConstVal *a);

// Conversions between numeric categories.
ConstVal *cv_to_float(ConstVal *a);
// Exact conversion to an integer; NULL if [a] has a fractional part ("truncated").
ConstVal *cv_to_int(ConstVal *a);

// Complex constants (constant_complex.c). cv_complex makes re + im*i from two real values;
// cv_real / cv_imag give the parts of any numeric value (a real value has imaginary part 0).
ConstVal *cv_complex(ConstVal *re, ConstVal *im);
ConstVal *cv_real(ConstVal *a);
ConstVal *cv_imag(ConstVal *a);
// a op b for + - * / (one operand complex, the other any numeric); NULL on division by zero.
ConstVal *cv_complex_binary(Op op, ConstVal *a, ConstVal *b);
// Is [a] (any numeric value) representable in complex kind [kind] (K_COMPLEX64,
// K_COMPLEX128, K_UNTYPED_COMPLEX), or is complex [a] representable in real kind [kind]
// (its imaginary part is zero)? As cv_representable.
bool cv_complex_representable(ConstVal *a, int kind, ConstVal **rounded);
// Go's "(1 + 2i)" (go/constant's String of a complex value).
char *cv_complex_repr(ConstVal *a);

// Is [a] representable in the basic type of kind [k] (K_INT8..K_COMPLEX128, K_STRING, K_BOOL)?
// For floats, the value is rounded to the type's precision and *rounded receives the rounded
// constant (overflow to infinity is not representable). For integers, exact membership.
bool cv_representable(ConstVal *a, int kind, ConstVal **rounded);

// Whether the value is an integer (CV_INT, or CV_FLOAT with denominator 1).
bool cv_is_integral(ConstVal *a);
int cv_sign(ConstVal *a);

// Extract machine values (callers ensure representability). cv_uint64 of a negative value
// gives its two's-complement bits (used for typed unsigned constants' bit patterns).
int64_t cv_int64(ConstVal *a);
uint64_t cv_uint64(ConstVal *a);
double cv_float64(ConstVal *a); // nearest double
float cv_float32(ConstVal *a);  // nearest float

// Format the value as Go's compiler prints it in messages: ints in decimal, floats like
// 1e+100 / 0.333333 / 2.5 (go/constant's String: %.6g for non-integral, exact for short),
// strings quoted and shortened (Go: `"abc..."` past 72 chars), bools as true/false.
char *cv_string_repr(ConstVal *a);

#endif
