// Constant values and exact arithmetic (constant.h): construction, + - * / % & | ^ &^,
// shifts, unary operators and comparisons. Integers that fit int64 take allocation-light
// fast paths (one GC block holding the ConstVal and its BigInt); everything else goes
// through bigint.c. Floats are reduced rationals, so no operation here ever rounds.
#include "constant.h"

#include <math.h>

#include "constant_impl.h"
#include "pkg/math_port.h"

// A ConstVal and a two-limb BigInt in one block: an int64 value never needs more.
static ConstVal *small_int(int64_t v) {
    char *block = gc_alloc(sizeof(ConstVal) + sizeof(BigInt) + 2 * sizeof(uint32_t));
    ConstVal *c = (ConstVal *)block;
    BigInt *b = (BigInt *)(block + sizeof(ConstVal));
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    b->d[0] = (uint32_t)m;
    b->d[1] = (uint32_t)(m >> 32);
    b->n = b->d[1] ? 2 : b->d[0] ? 1 : 0;
    b->neg = v < 0;
    c->kind = CV_INT;
    c->num = b;
    c->small = true;
    c->i = v;
    return c;
}

static ConstVal *cv_new(CvKind kind) {
    ConstVal *c = gc_alloc(sizeof(ConstVal));
    c->kind = kind;
    return c;
}

ConstVal *cv_bool(bool b) {
    ConstVal *c = cv_new(CV_BOOL);
    c->b = b;
    return c;
}

ConstVal *cv_string(const char *s, int64_t len) {
    ConstVal *c = cv_new(CV_STRING);
    char *copy = gc_alloc_atomic((size_t)len + 1);
    if (len > 0)
        memcpy(copy, s, (size_t)len);
    c->s = copy;
    c->slen = len;
    return c;
}

// Join the pieces of concatenation [c] into c->s, left to right, with an explicit stack
// (a chain of 100,000 terms nests that deep on one side or the other).
const char *cv_str(ConstVal *c) {
    if (c->s || !c->l)
        return c->s ? c->s : "";
    char *out = gc_alloc_atomic((size_t)c->slen + 1);
    VEC(ConstVal *) stack = {0};
    vec_push(&stack, c);
    size_t at = 0;
    while (stack.n > 0) {
        ConstVal *x = stack.v[--stack.n];
        if (x->s || !x->l) {
            if (x->slen > 0)
                memcpy(out + at, x->s, (size_t)x->slen);
            at += (size_t)x->slen;
            continue;
        }
        vec_push(&stack, x->r);
        vec_push(&stack, x->l);
    }
    c->s = out;
    c->l = c->r = NULL;
    return out;
}

ConstVal *cv_int(int64_t v) {
    return small_int(v);
}

ConstVal *cv_uint(uint64_t v) {
    return v <= INT64_MAX ? small_int((int64_t)v) : cv_make_int(bi_from_u64(v));
}

ConstVal *cv_make_int(BigInt *v) {
    if (bi_fits_i64(v))
        return small_int(bi_to_i64(v));
    ConstVal *c = cv_new(CV_INT);
    c->num = v;
    return c;
}

// A CV_FLOAT from parts already in lowest terms with den > 0.
static ConstVal *rat_raw(BigInt *num, BigInt *den) {
    ConstVal *c = cv_new(CV_FLOAT);
    c->num = num;
    c->den = den;
    return c;
}

ConstVal *cv_make_rat(BigInt *num, BigInt *den) {
    if (bi_sign(den) < 0) {
        num = bi_neg(num);
        den = bi_neg(den);
    }
    if (bi_is_zero(num))
        return rat_raw(num, bi_from_i64(1));
    if (bi_is_one(den))
        return rat_raw(num, den);
    BigInt *g = bi_gcd(num, den);
    if (!bi_is_one(g)) {
        bi_divmod(num, g, &num, NULL);
        bi_divmod(den, g, &den, NULL);
    }
    return rat_raw(num, den);
}

ConstVal *cv_float(double f) {
    if (!isfinite(f))
        return NULL;
    if (f == 0)
        return rat_raw(bi_from_i64(0), bi_from_i64(1));
    int64_t e;
    double fr = gm_frexp(f, &e); // f = fr * 2^e, 0.5 <= |fr| < 1
    int64_t mant = (int64_t)gm_ldexp(fr, 53);
    int64_t exp2 = e - 53;
    int tz = __builtin_ctzll((uint64_t)(mant < 0 ? -mant : mant));
    mant /= (int64_t)1 << tz; // exact: drop the trailing zero bits
    exp2 += tz;
    BigInt *num = bi_from_i64(mant);
    if (exp2 >= 0)
        return rat_raw(bi_shl(num, (uint64_t)exp2), bi_from_i64(1));
    return rat_raw(num, bi_shl(bi_from_i64(1), (uint64_t)-exp2));
}

void cv_rat_parts(ConstVal *a, BigInt **num, BigInt **den) {
    *num = a->num;
    *den = a->kind == CV_FLOAT ? a->den : bi_from_i64(1);
}

static bool is_numeric(const ConstVal *a) {
    return a->kind == CV_INT || a->kind == CV_FLOAT;
}

bool cv_is_integral(ConstVal *a) {
    if (a->approx)
        return a->exp2 >= 0;
    return a->kind == CV_INT || (a->kind == CV_FLOAT && bi_is_one(a->den));
}

int cv_sign(ConstVal *a) {
    if (a->kind == CV_COMPLEX) // only zero-ness is meaningful
        return cv_sign(a->re) != 0 || cv_sign(a->im) != 0;
    if (a->small)
        return (a->i > 0) - (a->i < 0);
    return is_numeric(a) ? bi_sign(a->num) : 0;
}

ConstVal *cv_to_float(ConstVal *a) {
    if (a->kind == CV_COMPLEX)
        return cv_sign(a->im) == 0 ? cv_to_float(a->re) : NULL;
    if (a->kind == CV_FLOAT)
        return a;
    if (a->kind != CV_INT)
        return NULL;
    return rat_raw(a->num, bi_from_i64(1));
}

ConstVal *cv_to_int(ConstVal *a) {
    if (a->kind == CV_COMPLEX)
        return cv_sign(a->im) == 0 ? cv_to_int(a->re) : NULL;
    if (a->kind == CV_INT)
        return a;
    if (a->kind != CV_FLOAT || a->approx || !bi_is_one(a->den))
        return NULL; // an approximate value is never taken as an integer (go/constant)
    return cv_make_int(a->num);
}

// ---- binary operators ----

// int64 fast path; returns NULL when the result needs the general path (overflow, or a
// non-integer quotient). Division by zero is ruled out by the caller.
static ConstVal *small_binary(Op op, int64_t x, int64_t y, bool int_div) {
    int64_t r;
    switch (op) {
    case OP_ADD:
        return __builtin_add_overflow(x, y, &r) ? NULL : small_int(r);
    case OP_SUB:
        return __builtin_sub_overflow(x, y, &r) ? NULL : small_int(r);
    case OP_MUL:
        return __builtin_mul_overflow(x, y, &r) ? NULL : small_int(r);
    case OP_QUO:
        if (!int_div || (x == INT64_MIN && y == -1))
            return NULL;
        return small_int(x / y);
    case OP_REM:
        return small_int(y == -1 ? 0 : x % y);
    case OP_AND:
        return small_int(x & y);
    case OP_OR:
        return small_int(x | y);
    case OP_XOR:
        return small_int(x ^ y);
    case OP_AND_NOT:
        return small_int(x & ~y);
    default:
        return NULL;
    }
}

static ConstVal *int_binary(Op op, ConstVal *a, ConstVal *b, bool int_div) {
    if ((op == OP_QUO || op == OP_REM) && cv_sign(b) == 0)
        return NULL;
    if (a->small && b->small) {
        ConstVal *r = small_binary(op, a->i, b->i, int_div);
        if (r)
            return r;
    }
    BigInt *x = a->num, *y = b->num, *r;
    switch (op) {
    case OP_ADD:
        return cv_make_int(bi_add(x, y));
    case OP_SUB:
        return cv_make_int(bi_sub(x, y));
    case OP_MUL:
        return cv_make_int(bi_mul(x, y));
    case OP_QUO:
        if (!int_div)
            return cv_make_rat(x, y);
        bi_divmod(x, y, &r, NULL);
        return cv_make_int(r);
    case OP_REM:
        bi_divmod(x, y, NULL, &r);
        return cv_make_int(r);
    case OP_AND:
        return cv_make_int(bi_and(x, y));
    case OP_OR:
        return cv_make_int(bi_or(x, y));
    case OP_XOR:
        return cv_make_int(bi_xor(x, y));
    case OP_AND_NOT:
        return cv_make_int(bi_and_not(x, y));
    default:
        return NULL;
    }
}

// a/b op c/d on rationals (+ - * / only).
static ConstVal *rat_binary(Op op, ConstVal *x, ConstVal *y) {
    BigInt *a, *b, *c, *d;
    cv_rat_parts(x, &a, &b);
    cv_rat_parts(y, &c, &d);
    switch (op) {
    case OP_ADD:
        return cv_make_rat(bi_add(bi_mul(a, d), bi_mul(c, b)), bi_mul(b, d));
    case OP_SUB:
        return cv_make_rat(bi_sub(bi_mul(a, d), bi_mul(c, b)), bi_mul(b, d));
    case OP_MUL:
        return cv_make_rat(bi_mul(a, c), bi_mul(b, d));
    case OP_QUO:
        if (bi_is_zero(c))
            return NULL;
        return cv_make_rat(bi_mul(a, d), bi_mul(b, c));
    default:
        return NULL;
    }
}

static ConstVal *unknown(void) {
    return cv_new(CV_UNKNOWN);
}

static bool is_int_op(Op op) {
    return op == OP_REM || (op >= OP_AND && op <= OP_AND_NOT);
}

ConstVal *cv_binary(Op op, ConstVal *a, ConstVal *b, bool int_div) {
    if (a->kind == CV_UNKNOWN || b->kind == CV_UNKNOWN)
        return unknown();
    if (a->kind == CV_BOOL && b->kind == CV_BOOL) {
        if (op == OP_LAND)
            return cv_bool(a->b && b->b);
        if (op == OP_LOR)
            return cv_bool(a->b || b->b);
        return NULL;
    }
    if (a->kind == CV_STRING && b->kind == CV_STRING) {
        if (op != OP_ADD)
            return NULL;
        if (b->slen == 0)
            return a;
        if (a->slen == 0)
            return b;
        ConstVal *c = cv_new(CV_STRING);
        c->l = a;
        c->r = b;
        c->slen = a->slen + b->slen;
        return c;
    }
    if ((a->kind == CV_COMPLEX && (is_numeric(b) || b->kind == CV_COMPLEX)) ||
        (b->kind == CV_COMPLEX && is_numeric(a)))
        return cv_complex_binary(op, a, b);
    if (!is_numeric(a) || !is_numeric(b))
        return NULL;
    if (a->kind == CV_INT && b->kind == CV_INT)
        return int_binary(op, a, b, int_div);
    if ((op == OP_QUO && int_div) || is_int_op(op)) {
        ConstVal *x = cv_to_int(a), *y = cv_to_int(b);
        return x && y ? int_binary(op, x, y, true) : NULL;
    }
    if (a->approx || b->approx) { // beyond big.Float's range: go/constant's unknown value
        ConstVal *r = cv_approx_binary(op, a, b);
        return r || (op == OP_QUO && cv_sign(b) == 0) ? r : unknown();
    }
    return cv_limit_rat(rat_binary(op, a, b));
}

ConstVal *cv_shift(Op op, ConstVal *a, uint64_t n) {
    if (a->kind == CV_UNKNOWN)
        return unknown();
    a = is_numeric(a) ? cv_to_int(a) : NULL;
    if (!a || n > 10000 || (op != OP_SHL && op != OP_SHR))
        return NULL;
    if (a->small) {
        int64_t x = a->i, r;
        if (op == OP_SHR)
            return small_int(n >= 63 ? (x < 0 ? -1 : 0) : x >> n);
        if (x == 0)
            return a;
        if (n < 63 && !__builtin_mul_overflow(x, (int64_t)1 << n, &r))
            return small_int(r);
    }
    return cv_make_int(op == OP_SHL ? bi_shl(a->num, n) : bi_shr(a->num, n));
}

// ^a for an unsigned type of [ubits] bits: (^a) & (2^ubits - 1).
static ConstVal *unsigned_not(ConstVal *a, int ubits) {
    if (a->small && ubits <= 64) {
        uint64_t mask = ubits == 64 ? UINT64_MAX : ((uint64_t)1 << ubits) - 1;
        return cv_uint(~(uint64_t)a->i & mask);
    }
    BigInt *mask = bi_sub(bi_shl(bi_from_i64(1), (uint64_t)ubits), bi_from_i64(1));
    return cv_make_int(bi_and(bi_not(a->num), mask));
}

ConstVal *cv_unary(Op op, ConstVal *a, int ubits) {
    if (a->kind == CV_UNKNOWN)
        return unknown();
    switch (op) {
    case OP_ADD:
        return is_numeric(a) || a->kind == CV_COMPLEX ? a : NULL;
    case OP_SUB:
        if (a->kind == CV_COMPLEX)
            return cv_complex(cv_unary(OP_SUB, a->re, 0), cv_unary(OP_SUB, a->im, 0));
        if (a->small && a->i != INT64_MIN)
            return small_int(-a->i);
        if (a->kind == CV_INT)
            return cv_make_int(bi_neg(a->num));
        if (a->approx)
            return cv_approx_neg(a);
        return a->kind == CV_FLOAT ? rat_raw(bi_neg(a->num), a->den) : NULL;
    case OP_XOR:
        a = is_numeric(a) ? cv_to_int(a) : NULL;
        if (!a)
            return NULL;
        if (ubits > 0)
            return unsigned_not(a, ubits);
        return a->small ? small_int(~a->i) : cv_make_int(bi_not(a->num));
    case OP_NOT:
        return a->kind == CV_BOOL ? cv_bool(!a->b) : NULL;
    default:
        return NULL;
    }
}

// ---- comparison ----

static int num_cmp(ConstVal *x, ConstVal *y) {
    if (x->small && y->small)
        return (x->i > y->i) - (x->i < y->i);
    if (x->kind == CV_INT && y->kind == CV_INT)
        return bi_cmp(x->num, y->num);
    if (x->approx || y->approx)
        return cv_approx_cmp(x, y);
    BigInt *a, *b, *c, *d;
    cv_rat_parts(x, &a, &b);
    cv_rat_parts(y, &c, &d);
    int sa = bi_sign(a), sc = bi_sign(c);
    if (sa != sc)
        return sa < sc ? -1 : 1;
    return bi_cmp(bi_mul(a, d), bi_mul(c, b));
}

static int str_cmp(ConstVal *x, ConstVal *y) {
    int64_t n = x->slen < y->slen ? x->slen : y->slen;
    int c = n > 0 ? memcmp(cv_str(x), cv_str(y), (size_t)n) : 0;
    if (c)
        return c < 0 ? -1 : 1;
    return (x->slen > y->slen) - (x->slen < y->slen);
}

bool cv_compare(Op op, ConstVal *a, ConstVal *b) {
    int c;
    if (a->kind == CV_BOOL && b->kind == CV_BOOL)
        c = a->b == b->b ? 0 : 1; // only == and != apply
    else if (a->kind == CV_STRING && b->kind == CV_STRING)
        c = str_cmp(a, b);
    else if (is_numeric(a) && is_numeric(b))
        c = num_cmp(a, b);
    else if (a->kind == CV_COMPLEX || b->kind == CV_COMPLEX) // only == and != apply
        c = num_cmp(cv_real(a), cv_real(b)) != 0 || num_cmp(cv_imag(a), cv_imag(b)) != 0;
    else
        return false;
    switch (op) {
    case OP_EQL:
        return c == 0;
    case OP_NEQ:
        return c != 0;
    case OP_LSS:
        return c < 0;
    case OP_LEQ:
        return c <= 0;
    case OP_GTR:
        return c > 0;
    case OP_GEQ:
        return c >= 0;
    default:
        return false;
    }
}

bool cv_unknown(ConstVal *a) {
    if (a->kind == CV_COMPLEX)
        return a->re->kind == CV_UNKNOWN || a->im->kind == CV_UNKNOWN;
    return a->kind == CV_UNKNOWN;
}
